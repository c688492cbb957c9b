"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-seventh session, round 49a):
the NIS 2 Directive's Article 23 (reporting obligations) as the OJ page's markup, and the City of Arlington (Texas)
Open Data Policy as a repository's Markdown.

In the directive, a sentence saying that an act adds no liability ("The mere act of notification shall not subject the
notifying entity to increased liability.") was read as a prohibition. In the policy, an aim ("will aspire to:") and its
points were read as duties; a data portal's disclaimer (who bears the risk of use, where links lead, how links are
construed) and what a standard's criteria "may include" were read as duties and leave; a reservation of "all rights
to" act was not read as leave; "will, as appropriate, promptly correct" was not read as binding; and Roman-numbered
headings in capitals after "VI." ("VII. REQUIRE PUBLISHING METADATA DOCUMENTATION.", "IX.RESERVATIONS AND
DISCLAIMERS") were not read as sections, so every later duty was cited in section VI; and Markdown's "1." items right
under a lettered paragraph, with no blank line, were read as more sentences of it. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def _policy(tmp_path: Path, body: str) -> list[tuple[str, str, str]]:
    page = tmp_path / "policy.md"
    page.write_text("## I. SCOPE\n\nThis Records Policy shall apply to all Departments of the Town.\n\n" + body,
                    encoding="utf-8")
    return _duties(read_document(page))


def _texts(rows: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    return [(modality, text) for _, modality, text in rows]


def test_an_act_that_shall_not_subject_its_doer_to_liability_binds_no_one(tmp_path: Path) -> None:
    rows = _policy(tmp_path, (
        "## II. REPORTING\n\n"
        "A. Each Department shall report any breach to the Clerk without undue delay. The mere act of reporting "
        "shall not subject the reporting Department to increased liability.\n"))
    assert [modality for _, modality, _ in rows] == ["mandatory"]
    assert "report any breach" in rows[0][2]


def test_what_parties_will_aspire_to_is_an_aim_and_its_points_no_duties(tmp_path: Path) -> None:
    rows = _policy(tmp_path, (
        "## II. PARTNERSHIPS\n\n"
        "A. The Clerk shall keep a list of partners.\n\n"
        "B. The Departments of the Town within the scope of this policy will aspire to:\n"
        "1. Enhance cooperation among Town departments and the public.\n"
        "2. Fulfill Town goals and priorities.\n"))
    assert [modality for _, modality, _ in rows] == ["mandatory"]
    assert "keep a list of partners" in rows[0][2]


def test_a_data_portals_disclaimer_binds_no_one(tmp_path: Path) -> None:
    rows = _policy(tmp_path, (
        "## II. DISCLAIMERS\n\n"
        "A. Records on the Town’s portal shall be provided under the following disclaimer: “The Town does not warrant "
        "any of the records listed on this website.\n"
        "The use of these records shall be at the sole risk of the party using them.\n"
        "Some of the links on this page may lead to resources outside the Town government. The presence of external "
        "links should not be construed as an endorsement of these sites.”\n"))
    assert [modality for _, modality, _ in rows] == ["mandatory"]
    assert "following disclaimer" in rows[0][2]


def test_what_a_standards_criteria_may_include_is_no_leave(tmp_path: Path) -> None:
    rows = _policy(tmp_path, (
        "## II. GOVERNANCE\n\n"
        "A. The Records Group will serve as a resource to help establish standards for publication.\n"
        "1. The Records Group shall establish a process for publishing records.\n"
        "2. The criteria to be used in establishing publication standards may include whether a record is of "
        "significant public interest.\n"
        "3. The Records Group shall review the records for quality.\n"))
    assert all(modality == "mandatory" for _, modality, _ in rows)
    assert not any("criteria" in text for _, _, text in rows)


def test_a_party_that_reserves_all_rights_to_act_has_leave_to(tmp_path: Path) -> None:
    rows = _policy(tmp_path, (
        "## II. PORTAL\n\n"
        "A. The portal shall include a means for the public to suggest records. The Clerk, in consultation with the "
        "Town Attorney, reserves all rights to determine whether any listed record shall be published.\n"))
    assert _texts(rows)[1][0] == "permission"
    assert "reserves all rights to determine" in rows[1][2]


def test_will_as_appropriate_then_its_verb_binds_as_will_does(tmp_path: Path) -> None:
    rows = _policy(tmp_path, (
        "## II. CORRECTIONS\n\n"
        "A. The Town reserves the right to discontinue the portal at any time. If the Town learns that a record on "
        "the portal is inaccurate, the Town will, as appropriate, promptly correct or remove the record.\n"))
    assert [modality for _, modality, _ in rows] == ["permission", "mandatory"]
    assert "promptly correct or remove" in rows[1][2]


def test_a_roman_heading_in_capitals_opens_its_section_however_long_or_punctuated(tmp_path: Path) -> None:
    rows = _policy(tmp_path, (
        "## II. REQUIRE PUBLISHING RECORDS DOCUMENTATION.\n\n"
        "Each Department Head shall describe every record before it is published.\n\n"
        "## III.RESERVATIONS AND DISCLAIMERS\n\n"
        "A. The Clerk shall keep the portal's disclaimer current.\n\n"
        "## IV. FUTURE REVIEW FOR POTENTIAL CHANGES TO THIS RECORDS POLICY\n\n"
        "In the future, this policy should be reviewed for revisions.\n"))
    assert [ref for ref, _, _ in rows] == ["II", "III(A)", "IV"]


def test_a_numbered_item_right_under_a_lettered_paragraph_is_its_point(tmp_path: Path) -> None:
    rows = _policy(tmp_path, (
        "## II. RECORDS GROUP\n\n"
        "A. The Records Group will serve as a resource to help establish standards.\n"
        "1. The Records Group shall establish a process for publishing\n"
        "records.\n"
        "2. The Records Group shall review the records for quality.\n"))
    assert [ref for ref, _, _ in rows] == ["II(A)", "II(A)(1)", "II(A)(2)"]
