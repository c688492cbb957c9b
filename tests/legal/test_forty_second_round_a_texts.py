"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-fourth session, round 42a):
the Data Act (EU) 2023/2854's Articles 8 to 12 as the OJ page's markup, and Hawaii's Sunshine Law (HRS 92-3, 92-3.1,
92-4, 92-7, 92-9) as a site's Hugo Markdown pages with the code's annotations.

A bold section heading whose full stop follows the bold ("**§92-3.1 Limited meetings**. (a) ...") was no heading, so
the section ran into the one before; the code's annotations ("Case Notes", "Attorney General Opinions") were read as
law; "an obligation to ... shall not oblige", "may also depend on", "shall have the same rights as", "shall not be
prohibited", "meets the requirements ... if", "shall be the only means required" and "when and where ... may be
viewed" were duties; the conditions under "where it has demonstrated that it meets all of the following conditions:"
were a duty each; a permission's provisos without a verb were duties, and with their own verbs ("; provided that:")
were dropped; "may hold a meeting that shall not be open" was a prohibition; "..., and shall not be required to
include an agenda" a prohibition of its own; "No more than one meeting ... shall be held" a duty. One behaviour
each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def test_a_bold_section_heading_with_its_full_stop_after_the_bold_is_the_sections_heading(tmp_path: Path) -> None:
    page = tmp_path / "sections.md"
    page.write_text("**§12-3 Open meetings.** Every meeting of a board shall be open to the public.\n\n"
                    "**§12-3.1 Limited meetings**. (a) A board shall give notice of a limited meeting.\n\n"
                    "(1) The notice shall state the place.\n\n"
                    "(b) A board shall keep minutes of a limited meeting.\n", encoding="utf-8")
    rows = _duties(read_document(page))
    assert [ref for ref, _, _ in rows] == ["12-3", "12-3.1(a)", "12-3.1(a)(1)", "12-3.1(b)"]


def test_an_annotated_codes_case_notes_and_opinions_are_not_law(tmp_path: Path) -> None:
    page = tmp_path / "annotated.md"
    page.write_text("**§12-4 Executive meetings.** A board may hold an executive meeting. The reason for holding it "
                    "shall be publicly announced. [L 1975, c 166, pt of §1]\n\n"
                    "Attorney General Opinions\n\n"
                    "Executive meeting to develop criteria for the position may not be closed. Att. Gen. Op. 75-11.\n\n"
                    "**Case Notes**\n\n"
                    "Opportunity to present testimony, when it must be afforded. 74 H. 365.\n\n"
                    "**§12-5 Minutes.** The board shall keep written minutes.\n", encoding="utf-8")
    rows = _duties(read_document(page))
    assert [(ref.split(",")[0], modality) for ref, modality, _ in rows] == [
        ("12-4", "permission"), ("12-4", "mandatory"), ("12-5", "mandatory")]


def _one_duty_and(sentence: str) -> list[tuple[str, str]]:
    text = ("Article 9\nCompensation\n\n1. The data holder shall provide the data recipient with the basis for the "
            f"calculation.\n\n2. {sentence}\n")
    return [(ref, modality) for ref, modality, _ in _duties(text)]


def test_what_an_obligation_shall_not_oblige_binds_no_one() -> None:
    assert _one_duty_and("Unless otherwise provided for in Union law, an obligation to make data available to a data "
                         "recipient shall not oblige the disclosure of trade secrets.") == [("9(1)", "mandatory")]


def test_what_a_thing_may_depend_on_is_no_leave() -> None:
    assert _one_duty_and("The compensation may also depend on the volume, format and nature of the data.") == [
        ("9(1)", "mandatory")]


def test_rights_extended_to_another_party_are_no_duty() -> None:
    assert _one_duty_and("Where the data recipient infringes Article 6, users shall have the same rights as data "
                         "holders under paragraph 1.") == [("9(1)", "mandatory")]


def test_a_saving_clause_shall_not_be_prohibited_is_no_prohibition() -> None:
    assert _one_duty_and("The removal of any person who wilfully disrupts a meeting shall not be prohibited.") == [
        ("9(1)", "mandatory")]


def test_compliance_deemed_and_where_a_thing_may_be_viewed_bind_no_one() -> None:
    assert _one_duty_and("An agenda meets the requirements for public notice pursuant to this Article if it contains a "
                         "statement of when and where the proposed rules may be viewed in person.") == [
        ("9(1)", "mandatory")]


def test_the_only_means_a_rule_requires_is_a_limitation() -> None:
    assert _one_duty_and("The means specified by this Article shall be the only means required for giving notice "
                         "under this part notwithstanding any law to the contrary.") == [("9(1)", "mandatory")]


def test_points_a_party_must_show_it_meets_before_a_duty_arises_are_one_row() -> None:
    text = ("Article 10\nDispute settlement\n\n"
            "5. The Member State where the body is established shall certify that body where it has demonstrated "
            "that it meets all of the following conditions:\n"
            "(a) it is impartial and independent;\n"
            "(b) it has the necessary expertise;\n"
            "(c) it is easily accessible.\n\n"
            "6. Member States shall notify to the Commission the bodies certified.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("10(5)", "mandatory"), ("10(6)", "mandatory")]


def test_a_permissions_provisos_without_a_verb_are_its_conditions() -> None:
    text = ("Section 12-3.1. Limited meetings.\n"
            "(a) A board may hold a limited meeting at that location; provided that at a regular meeting of the "
            "board prior to the limited meeting:\n"
            "(1) The board determines that it is necessary to hold the limited meeting; and\n"
            "(2) Two-thirds of all members vote to adopt the determination.\n"
            "(b) The board shall keep minutes of a limited meeting.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("12-3.1(a)", "permission"), ("12-3.1(b)", "mandatory")]


def test_a_permission_over_an_object_that_shall_not_be_open_is_a_permission() -> None:
    text = "Section 12-3.2. Site visits.\nA board may hold a limited meeting that shall not be open to the public.\n"
    assert [modality for _, modality, _ in _duties(text)] == ["permission"]


def test_a_permissions_provisos_that_bind_by_their_own_verbs_are_duties() -> None:
    text = ("Section 12-3.1. Limited meetings.\n"
            "(b) A county council may hold a limited meeting that is open to the public, and the council shall not "
            "be required to accept oral testimony; provided that:\n"
            "(1) Notice of the limited meeting shall be provided in accordance with section 12-7;\n"
            "(2) Limited meetings shall not be used to circumvent this part; and\n"
            "(3) No limited meetings shall be held outside the State.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("12-3.1(b)", "permission"), ("12-3.1(b)(1)", "mandatory"), ("12-3.1(b)(2)", "prohibition"),
        ("12-3.1(b)(3)", "prohibition")]


def test_and_shall_not_be_required_to_lifts_a_requirement_and_forbids_nothing() -> None:
    text = ("Section 12-7. Notice.\n(a) Notice of the limited meeting shall be provided in accordance with section "
            "12-8, shall indicate the board whose meeting the council is attending, and shall not be required to "
            "include an agenda.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [("12-7(a)", "mandatory")]
    assert rows[0][2].endswith("shall not be required to include an agenda.")


def test_no_more_than_one_shall_be_held_is_a_prohibition() -> None:
    text = ("Section 12-9. Frequency.\nNo more than one limited meeting per month shall be held by a county council "
            "for any one board.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["prohibition"]
