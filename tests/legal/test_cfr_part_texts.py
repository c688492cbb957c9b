"""The failure classes the first run on a never-seen part of the Code of Federal Regulations showed: the FTC's COPPA
Rule (16 CFR 312.1 to 312.10) as an eCFR PDF-to-Markdown conversion prints it, "§ 312.N Catchline." headings, a
lead-in that lists the exceptions to its duty, exemptions and a liability shield in "shall" words
(tests/fixtures/regulations-heldout/SOURCES.md), one behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

from compgraph.legal.provisions import statute_duties
from compgraph.legal.statute import repair_typography

LONG_CATCHLINE = (
    "§ 312.3 Regulation of unfair or deceptive acts or practices in connection with the collection, use, and/or "
    "disclosure of personal information from and about children on the internet."
)


def test_a_section_sign_heading_with_a_catchline_longer_than_a_line_still_opens_its_section() -> None:
    text = (
        "§ 312.2 Definitions.\n\n"
        "*Child* means an individual under the age of 13.\n\n"
        f"{LONG_CATCHLINE}\n\n"
        "Generally, under this part, an operator must:\n\n"
        "- (a) Provide notice on the website or online service of what information it collects from children;\n"
        "- (b) Obtain verifiable parental consent prior to any collection of personal information from children.\n"
    )
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("312.3(a)", "mandatory"),
        ("312.3(b)", "mandatory"),
    ]


def test_the_points_after_except_as_set_forth_in_this_paragraph_are_its_exceptions_not_its_duties() -> None:
    text = (
        "§ 312.5 Parental consent.\n\n"
        "- (c) Verifiable parental consent is required prior to any collection, use, or disclosure of personal "
        "information from a child except as set forth in this paragraph:\n"
        "  - (1) Where the sole purpose of collecting the name of the parent is to obtain parental consent. If the "
        "operator has not obtained parental consent after a reasonable time, the operator must delete such "
        "information from its records;\n"
        "  - (2) Where the sole purpose of collecting online contact information from a child is to respond "
        "directly on a one-time basis to a specific request from the child.\n"
    )
    rows = _duties(text)
    assert [(ref.split(",")[0], modality) for ref, modality, _ in rows] == [
        ("312.5(c)", "mandatory"),
        ("312.5(c)(1)", "mandatory"),
    ]
    assert rows[0][2].startswith("Verifiable parental consent is required")
    assert rows[1][2].startswith("If the operator has not obtained parental consent")
    assert not any("Where the sole purpose" in duty for _, _, duty in rows)


def test_there_shall_be_no_obligation_is_an_exemption_and_the_duty_after_its_but_still_binds() -> None:
    text = (
        "§ 312.5 Parental consent.\n\n"
        "- (c) (9) Where an operator collects an audio file containing a child's voice. In such case, there also "
        "shall be no obligation to provide a direct notice, but notice shall be required under the online notice "
        "rules.\n"
        "- (d) In such case, there also shall be no obligation to provide notice under § 312.4; or\n"
    )
    assert [(modality, duty.split("…")[-1].strip()) for _, modality, duty in _duties(text)] == [
        ("mandatory", "but notice shall be required under the online notice rules."),
    ]


def test_a_shield_from_being_held_liable_binds_no_one() -> None:
    text = (
        "§ 312.6 Right of parent to review personal information provided by a child.\n\n"
        "- (b) Neither an operator nor the operator's agent shall be held liable under any Federal or State law for "
        "any disclosure made in good faith and following reasonable procedures.\n"
    )
    assert _duties(text) == []


def test_it_shall_be_unlawful_for_a_party_to_act_is_a_prohibition() -> None:
    text = (
        "§ 312.3 Regulation of unfair or deceptive acts.\n\n"
        "It shall be unlawful for any operator of a website or online service directed to children to collect "
        "personal information from a child in a manner that violates the regulations prescribed under this part.\n"
    )
    assert [modality for _, modality, _ in _duties(text)] == ["prohibition"]


def test_the_operator_of_a_website_that_collects_childrens_personal_information_is_its_controller() -> None:
    text = (
        "§ 312.8 Confidentiality, security, and integrity of personal information collected from children.\n\n"
        "- (a) The operator must establish and maintain reasonable procedures to protect the confidentiality of "
        "personal information collected from children.\n"
        "- (c) Before allowing service providers to collect personal information from children on the operator's "
        "behalf, the operator must obtain written assurances that such entities will protect the information.\n"
    )
    assert [d.addressee for d in statute_duties(repair_typography(text))] == ["controller", "controller"]


def test_the_ai_acts_provider_or_other_relevant_operator_stays_the_provider_in_a_personal_data_text() -> None:
    text = (
        "Article 82\n\n"
        "1. The provider shall process personal data only for the purposes of the testing.\n\n"
        "2. The provider or other relevant operator shall ensure that corrective action is taken.\n"
    )
    assert [d.addressee for d in statute_duties(repair_typography(text))] == ["provider", "provider"]


def test_a_definitions_must_sentence_binds_though_its_means_and_deemed_sentences_do_not() -> None:
    text = (
        "§ 312.2 Definitions.\n\n"
        "*Mixed audience website or online service* means a website or online service that does not target children "
        "as its primary audience. Any collection of age information must be done in a neutral manner that does not "
        "default to a set age.\n\n"
        "- (3) A mixed audience website or online service shall not be deemed directed to children with regard to "
        "any visitor not identified as under 13.\n"
    )
    assert [(ref.split(",")[0], modality, duty) for ref, modality, duty in _duties(text)] == [
        (
            "312.2",
            "mandatory",
            "Any collection of age information must be done in a neutral manner that does not default to a set age.",
        ),
    ]
