"""The failure classes the first runs on three never-seen US state bills showed (2026-12-06, twenty-fifth session,
round 27a): Missouri's HB 2594 (2024, biometric privacy) as a House bill's PDF text layer, Missouri's SB 960 (2024,
breach notice) as a Senate bill's text layer with its deletions in brackets, and Washington's HB 1799 (2023, data
brokers) in wa-law.org's generated Markdown.

A House bill prints no margin number beside a section's first line, so its numbering starts at 2 and was never
recognised (every duty cited "whole text, sentence N"); its code sections are in a one-digit chapter ("1.566. 1.")
and some have no subsections ("1.567. A private entity shall not:"); its definition of "Written release" goes on to
rules and a lead-in of their own; "Pub. L. No. 104-191" ended a sentence at "Pub."; a text layer's lost spaces
("shall have a rightof action") and "A prevailing plaintiff may recover" hid remedies. The Senate bill's struck words
("shall have [exclusive] authority", "shall not [to] exceed") were read as the law's; a cross-reference wrapped at
its last label ("paragraphs (a), (b), or" / "(c) of this subdivision") opened a point; the conditions of a point
"(d) Substitute notice, if:" were read as more methods; caps on damages and penalties ("but damages shall not
exceed", "may not exceed $10,000", "a civil penalty ... may be awarded but shall not exceed") and "and any other
person may bring an action to obtain actual damages" were taken as duties. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document

_HOUSE_HEAD = ["SECOND REGULAR SESSION", "HOUSE BILL NO. 2594", "AN ACT",
               "Be it enacted by the General Assembly of the state of Missouri, as follows:"]


def _house(first: str, rest: list[str]) -> list[str]:
    """A House bill's section: its first line unnumbered, the lines after it numbered from 2."""
    return [first, *(f"{n} {line}" for n, line in enumerate(rest, start=2))]


_SECTIONS = [
    *_house("Section A. Chapter 1, RSMo, is amended by adding thereto six new sections, to be",
            ["known as sections 1.561, 1.563, 1.566, and 1.567, to read as follows:"]),
    *_house("1.566. 1. Any private entity in possession of biometric identifiers or biometric",
            ["information shall develop a written policy, made available to the public, establishing a",
             "retention schedule for biometric identifiers.",
             "2. No private entity in possession of a biometric identifier or biometric",
             "information shall sell, lease, or trade a person's biometric identifier.",
             "3. A private entity in possession of a biometric identifier shall store, transmit,",
             "and protect from disclosure all biometric identifiers using the reasonable standard of",
             "care within the private entity's industry.",
             "4. No private entity in possession of a biometric identifier or biometric",
             "information shall disclose, redisclose, or otherwise disseminate a person's or a",
             "customer's biometric identifier or biometric information unless the person or",
             "customer, or the person's or customer's legally authorized representative, provides",
             "written release to the disclosure or redisclosure, or the disclosure is required",
             "by state law, federal law, or municipal ordinance, or the disclosure is required",
             "pursuant to a valid warrant issued by a court of competent jurisdiction."]),
    "HB 2594 2",
    *_house("1.567. A private entity shall not:",
            ["(1) Condition the provision of a good or service on the collection of a biometric",
             "identifier; or",
             "(2) Charge different prices or rates for goods or services to any individual who",
             "exercises the individual's rights under sections 1.561 to 1.572."]),
    "HB 2594 3",
]


def _bill(tmp_path: Path, lines: list[str]) -> str:
    path = tmp_path / "bill.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_document(path)


def test_a_house_bills_numbering_from_2_after_an_unnumbered_first_line_is_read_as_margin_numbers(
        tmp_path: Path) -> None:
    text = _bill(tmp_path, [*_HOUSE_HEAD, *_SECTIONS])
    assert "information shall develop a written policy, made available to the public" in text
    assert "\n2 " not in text and "HB 2594" not in text


def test_a_code_section_of_a_one_digit_chapter_before_subsection_1_opens_the_section(tmp_path: Path) -> None:
    refs = [ref for ref, _, _ in _duties(_bill(tmp_path, [*_HOUSE_HEAD, *_SECTIONS]))]
    assert refs[:4] == ["1.566(1)", "1.566(2)", "1.566(3)", "1.566(4)"]


def test_a_code_section_number_run_into_its_only_sentence_opens_the_section(tmp_path: Path) -> None:
    refs = [ref for ref, _, _ in _duties(_bill(tmp_path, [*_HOUSE_HEAD, *_SECTIONS]))]
    assert refs[4:] == ["1.567(1)", "1.567(2)"]


_SENATE = [
    "SECOND REGULAR SESSION", "SENATE BILL NO. 960", "AN ACT",
    "Be it enacted by the General Assembly of the State of Missouri, as follows:",
    *(f"{n} {line}" for n, line in enumerate([
        "407.1500. 1. Any person that owns or licenses personal",
        "information shall provide notice to the affected consumer.",
        "The disclosure notification shall be made [without",
        "unreasonable delay] within fourteen business days.",
        "2. Notice to affected consumers shall be provided by",
        "one of the following methods:",
        "(a) Written notice;",
        "(b) Telephonic notice; or",
        "(c) Substitute notice, if:",
        "a. The person demonstrates that the cost of providing",
        "notice would exceed one hundred thousand dollars; or",
        "b. The person does not have sufficient contact",
        "information to satisfy paragraphs (a) or",
        "(b) of this subdivision, for only those affected consumers",
        "without sufficient contact information.",
        "3. The attorney general shall have [exclusive]",
        "authority to bring an action and any other person may bring",
        "an action to obtain actual damages for a willful and knowing",
        "violation of this section, but damages shall not exceed one",
        "hundred fifty thousand dollars per breach. Additionally, a",
        "civil penalty for a violation may be awarded but shall not [to]",
        "exceed one hundred fifty thousand dollars per breach.",
    ], start=1)),
    "EXPLANATION-Matter enclosed in bold-faced brackets [thus] in this bill is not enacted",
    "and is intended to be omitted in the law.",
]


def test_the_words_a_bill_strikes_in_brackets_are_not_read(tmp_path: Path) -> None:
    text = _bill(tmp_path, _SENATE)
    assert "shall be made within fourteen business days" in text
    assert "[without" not in text and "[exclusive]" not in text


def test_the_attorney_generals_authority_with_a_struck_exclusive_is_a_power(tmp_path: Path) -> None:
    rows = _duties(_bill(tmp_path, _SENATE))
    assert [(ref, mod) for ref, mod, text in rows if "attorney general" in text] == [("407.1500(3)", "permission")]


def test_a_cross_reference_wrapped_at_its_last_label_opens_no_point(tmp_path: Path) -> None:
    text = _bill(tmp_path, _SENATE)
    assert "paragraphs (a) or (b) of this subdivision, for only those" in text


def test_the_conditions_of_a_point_ending_if_are_no_duties(tmp_path: Path) -> None:
    refs = [ref for ref, _, _ in _duties(_bill(tmp_path, _SENATE))]
    assert [r for r in refs if r.startswith("407.1500(2)")] == ["407.1500(2)(a)", "407.1500(2)(b)", "407.1500(2)(c)"]


def test_caps_on_damages_and_penalties_and_another_persons_action_bind_no_one(tmp_path: Path) -> None:
    rows = _duties(_bill(tmp_path, _SENATE))
    assert [text for ref, _, text in rows if ref.startswith("407.1500(3)")] == [
        "The attorney general shall have authority to bring an action"]


def test_a_penalty_total_that_may_not_exceed_an_amount_binds_no_one() -> None:
    text = ("## Section 5\n1. The department may impose a civil penalty for each violation.\n\n2. The total amount "
            "of penalties that may be imposed on a data broker may not exceed $10,000 during any calendar year.\n")
    assert [(ref, mod) for ref, mod, _ in _duties(text)] == [("5(1)", "permission")]


def test_a_right_of_action_glued_by_a_text_layer_and_a_prevailing_plaintiffs_recovery_bind_no_one() -> None:
    text = ("375.1405. 1. Any person aggrieved by a violation of sections 375.1400 to 375.1427 shall have a rightof "
            "action ina state circuit court against an offending party. A prevailing plaintiff may recover for each "
            "violation liquidated damages of one thousand dollars.\n\n2. A private entity shall keep records.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["375.1405(2)"]


def test_a_public_laws_citation_does_not_end_the_sentence() -> None:
    text = ("375.1405. 1. Any entity or individual required to comply with the federal Health Insurance Portability "
            "and Accountability Act, Pub. L. No. 104-191, shall treat biometric identifiers as health information "
            "protected under that act.\n")
    assert [(ref, text[:10]) for ref, _, text in _duties(text)] == [("375.1405(1)", "Any entity")]


def test_the_rules_a_quoted_terms_definition_goes_on_to_state_bind() -> None:
    text = ('375.1402. As used in sections 375.1400 to 375.1427, the following terms mean:\n\n(1) "Private entity", '
            'any individual acting in a commercial context;\n\n(2) "Written release", informed written consent. A '
            'valid written release shall not be secured through a general release or user agreement. In the context '
            'of employment, a written release:\n\n(a) Shall be used only to secure consent to collect biometric '
            'identifiers; and\n\n(b) May be secured as a condition of employment.\n')
    assert _duties(text) == [
        ("375.1402(2), sentence 2", "prohibition", "A valid written release shall not be secured through a general "
                                                   "release or user agreement."),
        ("375.1402(2)(a)", "mandatory", "In the context of employment, a written release: (a) Shall be used only to "
                                        "secure consent to collect biometric identifiers; and"),
        ("375.1402(2)(b)", "permission", "In the context of employment, a written release: (b) May be secured as a "
                                         "condition of employment."),
    ]
