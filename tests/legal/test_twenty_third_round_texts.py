"""The failure classes the first runs on three never-seen US texts showed (2026-12-05, twenty-third session): the
California Privacy Rights Act's §§ 1798.120-1798.125 as Markdown with every defined term linked to its definition
("[business](#1798.140(d))") and escaped quotes ("[Consumers](#1798.140(i))\\' Right"), § 1798.135 as a Markdown redline
(deleted words struck through, "~~is required to comply with Section 1798.120~~"), and Rules 1-16 of the Des Moines
City Council's procedural rules as a Markdown transcription ("### Rule 11. Agenda Deadline"). The escaped quotes stayed
in every duty, struck words were read as law, no rule opened a section, and the rules' construction, naming,
definition and sufficiency formulas ("shall be interpreted to conform", "may be referred to as", "The "Consent
Agenda" shall consist of", "shall be sufficient for the purposes of this rule") were taken as duties. One behaviour
each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def test_words_struck_through_in_a_markdown_redline_are_not_read(tmp_path: Path) -> None:
    path = tmp_path / "redline.md"
    path.write_text("1798.135\n\n\\(a) A business that ~~is required to comply with Section 1798.120~~ *sells "
                    "personal information* shall provide a link.\n\n\\(~~c~~*e*) A consumer may authorize another "
                    "person ~~solely~~ to opt-out.\n", encoding="utf-8")
    text = read_document(path)
    assert "is required to comply" not in text
    assert "A business that sells personal information shall provide a link." in text
    assert "(e) A consumer may authorize another person to opt-out." in text


def test_a_quote_escaped_with_a_backslash_in_markdown_is_read_as_the_quote(tmp_path: Path) -> None:
    path = tmp_path / "escaped.md"
    path.write_text("(2) Provide a link on the [business](#1798.140(d))\\'s homepage, titled \\\"Limit the Use of My "
                    "Sensitive Personal Information\\\".\n", encoding="utf-8")
    text = read_document(path)
    assert "business's homepage, titled \"Limit the Use" in text
    assert "\\" not in text


def test_a_rule_of_council_procedure_opens_a_section_cited_by_its_number() -> None:
    text = ("Rule 10. Hearings, Permits and License Agenda\n\nThe Clerk shall prepare a schedule of hearings.\n\n"
            "Rule 33A.\n\nThe City Clerk shall record the vote.\n")
    assert [(ref, mod) for ref, mod, _ in _duties(text)] == [("10", "mandatory"), ("33A", "mandatory")]


def test_rules_of_construction_naming_deeming_and_sufficiency_bind_no_one() -> None:
    for sentence in ("These rules shall govern the conduct of the Council and shall be interpreted to ensure fair and "
                     "open deliberations and decision making.",
                     "These rules are intended to supplement and shall be interpreted to conform with the statutes of "
                     "the State of Iowa.",
                     "This right may be referred to as the right to opt-out of sale or sharing.",
                     "Sensitive personal information that is collected without the purpose of inferring "
                     "characteristics about a consumer shall be treated as personal information for purposes of all "
                     "other sections of this Act.",
                     'The "Consent Agenda" shall consist of routine non-controversial items.',
                     "If the Mayor is the requesting Council Member, approval by the other for inclusion on the Agenda "
                     "shall be sufficient for the purposes of this rule."):
        assert _duties(f"Rule 1. Scope of Rules\n\n{sentence}\n") == [], sentence


def test_may_have_no_more_than_is_a_limit() -> None:
    text = "Rule 16. Citizen Agenda Requests\n\nAny person may have no more than one Agenda item request pending.\n"
    assert [mod for _, mod, _ in _duties(text)] == ["prohibition"]


def test_and_a_party_of_several_capitalised_words_with_a_verb_of_its_own_is_a_duty_of_its_own() -> None:
    text = ("Rule 16. Citizen Agenda Requests\n\nAny citizen may request to have an item placed on the Agenda and the "
            "City Clerk shall not accept a new request from a person that has a request pending.\n")
    rows = _duties(text)
    assert [mod for _, mod, _ in rows] == ["permission", "prohibition"]
    assert rows[0][2] == "Any citizen may request to have an item placed on the Agenda"
    assert rows[1][2].endswith("the City Clerk shall not accept a new request from a person that has a request "
                               "pending.")


def test_who_shall_after_a_person_the_sentence_only_names_is_a_duty_of_its_own() -> None:
    text = ("Rule 3. Matters Not Covered\n\nAny matter not covered by these rules shall be referred to the presiding "
            "officer, who shall decide the matter with the advice of Corporation Counsel.\n")
    assert [(mod, t) for _, mod, t in _duties(text)] == [
        ("mandatory", "Any matter not covered by these rules shall be referred to the presiding officer"),
        ("mandatory", "who shall decide the matter with the advice of Corporation Counsel.")]


def test_which_may_be_done_by_a_party_is_that_partys_permission() -> None:
    text = ("Rule 9. Consent Agenda\n\nIn preparing an Agenda the City Clerk shall separately designate items as "
            '"Consent Agenda" which may be acted upon by the Council under Rule 37.\n\n'
            "Rule 20. Incentives\n\nA business may enter a consumer into a financial incentive program only if the "
            "consumer gives the business prior opt-in consent that clearly describes the material terms of the "
            "program, and which may be revoked by the consumer at any time.\n")
    assert [(ref, mod, t) for ref, mod, t in _duties(text) if t.startswith("which")] == [
        ("9", "permission", "which may be acted upon by the Council under Rule 37."),
        ("20", "permission", "which may be revoked by the consumer at any time.")]


def test_a_proviso_without_that_giving_a_party_a_right_is_its_permission() -> None:
    text = ("Rule 15. Council Action to Defer\n\nA member of the City Council shall not withdraw any item prior to the "
            "start of Council meetings, provided however, a Council member wishing Council to defer action on an item "
            "has a right to have a motion to defer it considered before any other action.\n")
    assert [mod for _, mod, _ in _duties(text)] == ["prohibition", "permission"]


def test_and_a_party_named_with_an_indefinite_article_and_its_own_verb_is_a_duty_of_its_own() -> None:
    text = ("1798.135. Methods\n\n(e) A consumer may authorize another person to opt-out of the sale of the consumer's "
            "personal information on the consumer's behalf, and a business shall comply with an opt-out request "
            "received from a person authorized by the consumer.\n")
    assert [mod for _, mod, _ in _duties(text)] == ["permission", "mandatory"]


def test_a_point_left_to_the_partys_discretion_under_a_shall_lead_in_is_a_permission() -> None:
    text = ("1798.135. Methods\n\n(a) A business that sells personal information shall, in a form that is reasonably "
            "accessible to consumers:\n\n(1) Provide a clear and conspicuous link on the business's homepage.\n\n"
            "(3) At the business's discretion, utilize a single, clearly-labeled link on the business's homepage, in "
            "lieu of complying with paragraph (1).\n")
    assert [(ref, mod) for ref, mod, _ in _duties(text)] == [("1798.135(a)(1)", "mandatory"),
                                                           ("1798.135(a)(3)", "permission")]


def test_which_may_be_provided_by_a_class_of_parties_describes_the_thing() -> None:
    """Guard: "relevant data which may be provided by deployers" says which data, it gives deployers nothing (the
    AI Act's Art. 72(2) in the development corpus)."""
    text = ("Article 72\n\n2. The post-market monitoring system shall actively and systematically collect relevant "
            "data which may be provided by deployers or which may be collected through other sources on the "
            "performance of high-risk AI systems.\n")
    assert [mod for _, mod, _ in _duties(text)] == ["mandatory"]
