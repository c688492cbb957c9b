"""The failure classes the first runs on two never-seen US texts showed (2026-12-07, thirty-second session, round
38b): Washington's SB 5116 (2021) on public agencies' automated decision systems as wa-law.org's generated Markdown,
and the Chagrin Falls (Ohio) Codified Ordinances' Chapter 114, Open Meetings, as a Jekyll page's Markdown.

A lead-in that only says to what or when its points apply ("The following provisions apply to a public agency's
... use of an automated decision system:", "The following shall apply if any or all of the members are permitted to
attend virtually:") was carried into every point's row, or voided points that are duties of their own; a member
attending virtually "shall be considered present as if ..., shall be permitted to vote, and shall be counted ..." is
one legal fiction; a "shall" or "will" in what a body determines ("may determine when ... will be utilized, and which
public bodies shall hold ...") made a permission a duty; "will not be obligated to maintain ... and may delete them"
kept its limitation in the permission's row; "no agency may ... prior to obtaining the approval ..., and after
approval, such an agency may use ... only in accordance with ..." was one prohibition; and "Any requesting person ...
shall receive advance notice" is that person's entitlement. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def test_a_lead_in_that_only_says_to_what_its_points_apply_is_no_part_of_their_duties(tmp_path: Path) -> None:
    page = tmp_path / "bill.md"
    page.write_text(
        "# Senate Bill 5116\n\n## Section 4\nThe following provisions apply to a public agency's development, "
        "procurement, or use of an automated decision system:\n\n1. A public agency may not develop, procure, or use "
        "an automated decision system that discriminates against an individual.\n\n2. A public agency shall "
        "develop, procure, or use an automated decision system only after the public agency first completes an "
        "algorithmic accountability report.\n\n"
        "## Section 5\nEach public body may permit its members to attend its meetings virtually. The following "
        "shall apply if any or all of the members are permitted to attend virtually:\n\n1. The public body shall "
        "ensure that the public can observe and hear the discussions of all the members.\n", encoding="utf-8")
    rows = _duties(read_document(page))
    assert [(ref, modality) for ref, modality, _ in rows] == [
        ("4(1)", "prohibition"), ("4(2)", "mandatory"), ("5", "permission"), ("5(1)", "mandatory")]
    assert not any("apply" in text for _, _, text in rows)


def test_a_member_present_as_if_in_person_is_a_legal_fiction_in_all_its_limbs() -> None:
    text = ("§ 114.05 Virtual public meetings.\n\n(b) Each member attending virtually shall be considered present as "
            "if the member is in-person at the public meeting or hearing, shall be permitted to vote, and shall be "
            "counted for purposes of determining whether a quorum is present at the public meeting or hearing. Any "
            "vote on a resolution cast by a member attending virtually shall have the same effect as if member is "
            "in-person at the public meeting or hearing.\n")
    assert _duties(text) == []


def test_a_shall_or_will_in_what_a_body_determines_is_not_the_clauses_modal_verb() -> None:
    text = ("§ 114.05 Virtual public meetings.\n\n(f) The Council, by motion, may determine when virtual meetings "
            "will be utilized, and which public bodies shall hold virtual meetings. Whenever there is a public health "
            "emergency and Council has not determined that public bodies shall meet virtually, the President of "
            "Council may declare that meetings be held virtually until the next Council meeting at which time the "
            "Council will determine if virtual meetings shall continue.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("114.05(f)", "permission"), ("114.05(f), sentence 2", "permission")]


def test_will_not_be_obligated_is_a_limitation_beside_its_permission() -> None:
    text = ("§ 114.05 Virtual public meetings.\n\n(d) Upon conclusion of the meeting, the Village will not be "
            "obligated to maintain any proposed exhibits that were not made a part of the record and may delete "
            "them from an email inbox.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [("114.05(d)", "permission")]
    assert "obligated" not in rows[0][2] and "may delete them" in rows[0][2]


def test_a_party_that_acts_after_an_event_opens_a_clause_of_its_own() -> None:
    text = ("§ 5 Approval.\n\n(5) No agency may use an automated decision system prior to obtaining the approval "
            "required in this section, and after approval, such an agency may use the automated decision system only "
            "in accordance with the approved algorithmic accountability report.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [("5(5)", "prohibition"), ("5(5)", "permission")]
    assert rows[0][2].endswith("required in this section")


def test_what_any_requesting_person_shall_receive_is_an_entitlement() -> None:
    text = ("§ 114.03 Personal notification.\n\n(b) Any requesting person, organization or group of persons shall "
            "receive advance notice of all meetings at which any specific type of public business will be "
            "discussed.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("114.03(b)", "permission")]
