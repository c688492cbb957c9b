"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-eighth session, round 50a):
the GDPR's Articles 5, 7, 8 and 32, and its Articles 15, 16, 20, 21 and 22, both as the OJ page's markup.

A right's own limits ("The right to obtain a copy ... shall not adversely affect the rights and freedoms of others.",
"That right shall not apply to processing necessary for ...") and a condition of lawfulness ("the processing ... shall
be lawful where the child is at least 16 years old") were read as duties; "the personal data shall no longer be
processed" was read as a duty to process, not a prohibition; inside a point, a second clause after a semicolon whose
subject is the data ("; personal data may be stored for longer periods insofar as the personal data will be processed
...") was not read as a clause of its own, and its "will" in the clause of extent made the leave a duty; and a deeming
after a semicolon ("; further processing ... shall, in accordance with Article 89(1), not be considered to be
incompatible ...") stayed in the point's duty. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def _articles(tmp_path: Path, body: str) -> list[tuple[str, str, str]]:
    page = tmp_path / "act.md"
    page.write_text("# Regulation on records\n\n" + body, encoding="utf-8")
    return _duties(read_document(page))


def _modalities(rows: list[tuple[str, str, str]]) -> list[str]:
    return [modality for _, modality, _ in rows]


def test_a_rights_limit_on_the_rights_of_others_binds_no_one(tmp_path: Path) -> None:
    rows = _articles(tmp_path, (
        "## Article 3\n\n"
        "1. The holder shall provide a copy of the records to the applicant.\n\n"
        "2. The right to obtain a copy referred to in paragraph 1 shall not adversely affect the rights and freedoms "
        "of others.\n"))
    assert _modalities(rows) == ["mandatory"]
    assert "provide a copy" in rows[0][2]


def test_that_right_shall_not_apply_is_an_exception(tmp_path: Path) -> None:
    rows = _articles(tmp_path, (
        "## Article 4\n\n"
        "1. The holder shall transmit the records to another holder on request.\n\n"
        "2. That right shall not apply to records kept for a task carried out in the public interest.\n"))
    assert _modalities(rows) == ["mandatory"]
    assert "transmit the records" in rows[0][2]


def test_processing_that_shall_be_lawful_where_a_condition_holds_binds_no_one(tmp_path: Path) -> None:
    rows = _articles(tmp_path, (
        "## Article 5\n\n"
        "1. The processing of the records of a pupil shall be lawful where the pupil is at least 16 years old. The "
        "holder shall verify the age of the pupil.\n"))
    assert _modalities(rows) == ["mandatory"]
    assert "verify the age" in rows[0][2]


def test_data_that_shall_no_longer_be_processed_is_a_prohibition(tmp_path: Path) -> None:
    rows = _articles(tmp_path, (
        "## Article 6\n\n"
        "1. Where the applicant objects to processing for marketing purposes, the records shall no longer be processed "
        "for such purposes.\n"))
    assert _modalities(rows) == ["prohibition"]


def test_a_points_data_limb_after_a_semicolon_is_a_leave_of_its_own(tmp_path: Path) -> None:
    rows = _articles(tmp_path, (
        "## Article 7\n\n"
        "1. Records shall be:\n\n"
        "(a) kept for no longer than is necessary for the purposes of the holder; personal data may be stored for "
        "longer periods insofar as the personal data will be processed solely for archiving purposes;\n\n"
        "(b) accurate.\n"))
    assert _modalities(rows) == ["mandatory", "permission", "mandatory"]
    assert "may be stored for longer periods" in rows[1][2]
    assert "may be stored" not in rows[0][2]


def test_a_deeming_after_a_semicolon_in_a_point_is_cut_off_its_duty(tmp_path: Path) -> None:
    rows = _articles(tmp_path, (
        "## Article 8\n\n"
        "1. Records shall be:\n\n"
        "(a) collected for specified purposes and not further processed in a manner that is incompatible with those "
        "purposes; further processing for archiving purposes shall, in accordance with Article 9, not be considered "
        "to be incompatible with the initial purposes;\n\n"
        "(b) accurate.\n"))
    assert _modalities(rows) == ["mandatory", "mandatory"]
    assert "not be considered" not in rows[0][2]
