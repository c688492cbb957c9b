"""The failure classes the first runs on three never-seen D.C. Code sections in the Council's own XML showed
(2026-12-05, twenty-third session, round 24d): §§ 2-532 and 2-537 (Freedom of Information Act) and 28-3852 (breach
notification), each a file whose root is the section (``<section><num>2-532</num><heading>...``). The reader laid out
only the root's children, so the section's number and catchline were lost and every duty was cited "(a)"; the
inserted labels "(a-1)", "(b-2)" opened nothing ("(a), sentence 2"); a fee schedule's points "Fees shall be limited
to ..." under "shall provide that:" were read as limits, not as what the schedule must provide; the requester's
remedies ("may institute proceedings", "may bring suit", "may be awarded reasonable attorney fees") were taken as
permissions; "If the Mayor decides that the public record may not be withheld, he shall order ..." read as a
prohibition; relative clauses of things ("reasonable rules that shall be issued by a public body", "a citation, which
shall be personally served upon the defendant") and a proviso binding the requester ("provided that the person shall
pay the costs") were no duties of their own; "to the same extent as if" lost a duty as a deeming; "may examine ... to
determine whether such records ... shall be withheld" read mandatory; "Only the direct costs ... may be recovered" a
permission. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document

_NS = 'xmlns="https://code.dccouncil.us/schemas/dc-library"'


def _section(number: str, heading: str, paras: str) -> str:
    return (f"<?xml version='1.0' encoding='utf-8'?>\n<section {_NS} containing-doc=\"D.C. Code\">\n"
            f"  <num>{number}</num>\n  <heading>{heading}</heading>\n{paras}\n  <annotations>\n"
            f"    <annotation type=\"History\">Mar. 8, 2007, D.C. Law 16-237</annotation>\n  </annotations>\n"
            f"</section>\n")


def _para(num: str, text: str, inner: str = "") -> str:
    return f"  <para>\n    <num>{num}</num>\n    <text>{text}</text>{inner}\n  </para>"


def _read(tmp_path: Path, xml: str) -> str:
    path = tmp_path / "section.xml"
    path.write_text(xml, encoding="utf-8")
    return read_document(path)


def test_a_file_that_is_one_code_section_keeps_its_number_and_catchline(tmp_path: Path) -> None:
    body = _para("(a)", "Any person who discovers a breach shall promptly notify the resident.")
    text = _read(tmp_path, _section("28-3852", "Notification of security breach.", body))
    assert text.startswith("§ 28-3852. Notification of security breach.\n")
    assert "\n(a) Any person who discovers a breach" in text


def test_its_duties_are_cited_by_the_section_number(tmp_path: Path) -> None:
    text = _read(tmp_path, _section("28-3852", "Notification of security breach.",
                                    _para("(b)", "Any person who maintains data shall notify the owner.")))
    assert [ref for ref, _, _ in _duties(text)] == ["28-3852(b)"]


def test_an_inserted_subsection_label_opens_its_own_subsection() -> None:
    text = ("§ 2-532. Right of access.\n\n(a) A public body shall issue rules.\n\n(a-1) A public body shall provide "
            "the record in any form.\n\n(b) A public body may collect fees.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["2-532(a)", "2-532(a-1)", "2-532(b)"]


def test_the_points_of_what_a_schedule_shall_provide_are_duties_though_they_limit() -> None:
    text = ("§ 2-532. Fees.\n\n(b-1) Any fee schedules adopted by a public body shall provide that:\n\n(1) Fees shall "
            "be limited to reasonable standard charges for document search when records are requested for commercial "
            "use; and\n\n(2) Fees shall be limited to reasonable standard charges for document duplication.\n")
    assert [(ref, mod) for ref, mod, _ in _duties(text)] == [("2-532(b-1)(1)", "mandatory"),
                                                             ("2-532(b-1)(2)", "mandatory")]


def test_a_requesters_remedies_in_court_are_no_permissions() -> None:
    text = ("§ 2-537. Appeals.\n\n(a-1) Any person denied the right to inspect a public record in the possession of "
            "the Council may institute proceedings in the Superior Court for injunctive relief.\n\n(a-2) If the public "
            "body "
            "continues to withhold the record, the person seeking disclosure may bring suit in the Superior Court.\n\n"
            "(c) If a person prevails in such suit, he or she may be awarded reasonable attorney fees and other costs "
            "of litigation.\n")
    assert _duties(text) == []


def test_a_may_not_inside_an_opening_condition_is_not_the_clauses_modality() -> None:
    text = ("§ 2-537. Appeals.\n\n(a) If the Mayor decides that the public record may not be withheld, he shall order "
            "the public body to disclose the record immediately.\n")
    assert [mod for _, mod, _ in _duties(text)] == ["mandatory"]


def test_rules_that_shall_be_issued_by_a_party_are_a_duty_of_their_own_with_their_noun() -> None:
    text = ("§ 2-532. Access.\n\n(a) Any person has a right to inspect any public record, in accordance with "
            "reasonable rules that shall be issued by a public body after notice and comment.\n")
    rows = _duties(text)
    assert [mod for _, mod, _ in rows] == ["permission", "mandatory"]
    assert rows[1][2].startswith("reasonable rules that shall be issued by a public body")


def test_a_thing_which_shall_be_served_upon_a_party_is_a_duty_of_its_own() -> None:
    text = ("§ 2-537. Penalty.\n\n(d) A prosecution under this section may only be commenced by the issuance of a "
            "citation, which shall be personally served upon the defendant.\n")
    assert [mod for _, mod, _ in _duties(text)] == ["permission", "mandatory"]


def test_a_duty_measured_to_the_same_extent_as_if_is_no_deeming() -> None:
    text = ("§ 2-532. Contractors.\n\n(a-3) A public body shall make available any record held by a contractor, and "
            "the public body with programmatic responsibility for the contractor shall be responsible for making such "
            "records available to the same extent as if the record were maintained by the public body.\n")
    assert len(_duties(text)) == 2


def test_a_whole_charter_ordinance_to_the_same_extent_as_if_adopted_still_binds_no_one() -> None:
    text = ("§ 6.11. Budget.\n\n(a) The budget as recommended by the mayor shall have full force and effect to the "
            "same extent as if the same had been adopted by the council.\n")
    assert _duties(text) == []


def test_the_question_a_court_may_examine_is_no_verb_of_the_clause() -> None:
    text = ("§ 2-537. Appeals.\n\n(b) In such cases the court shall determine the matter de novo, and may examine the "
            "contents of such records in camera to determine whether such records shall be withheld.\n")
    assert [mod for _, mod, _ in _duties(text)] == ["mandatory", "permission"]


def test_a_subject_opened_by_only_forbids_the_rest() -> None:
    text = ("§ 2-532. Fees.\n\n(b) Only the direct costs of search, duplication, or review may be recovered.\n")
    assert [mod for _, mod, _ in _duties(text)] == ["prohibition"]


def test_a_proviso_that_binds_the_requester_is_a_duty_of_its_own() -> None:
    text = ("§ 2-532. Format.\n\n(a-1) A public body shall provide the record in any form requested by the person, "
            "provided that the person shall pay the costs of reproducing the record in that form.\n")
    rows = _duties(text)
    assert len(rows) == 2
    assert rows[1][2].endswith("provided that the person shall pay the costs of reproducing the record in that form.")


def test_a_party_opened_by_only_keeps_its_power() -> None:
    text = ("§ 2-111. Censure.\n\n(a) Only the Council may censure one of its own members, with the affirmative votes "
            "of at least nine Councilors.\n")
    assert [mod for _, mod, _ in _duties(text)] == ["permission"]
