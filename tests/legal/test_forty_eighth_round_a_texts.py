"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-seventh session, round 48a):
the Digital Operational Resilience Act's Article 30 (key contractual provisions) as the OJ page's markup, and the
Tennessee Information Protection Act's §§ 47-18-3204 and 47-18-3205 as a repository's ``pdftotext -layout`` text of
the enrolled act.

DORA's article met every target on its first run. In the printed act, a label followed by a stray full stop ("(3). How
consumers may exercise ...") was read as an empty point and its words as a permission of their own; a letter label the
scan read as a digit ("(A)", "(8)", "(C)") lost the points after "(A)"; a number written out and then in figures,
wrapped between the two ("one" / "(1) or more secure and reliable means"), cut its sentence at "one"; and a point
that lifts a requirement under a "shall:" lead-in ("(4) Not be required to delete ...") was read as a prohibition.
One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document

_SECTION = "        12-3-104. Duties of a holder.\n\n"


def _printed(tmp_path: Path, body: str) -> list[tuple[str, str, str]]:
    page = tmp_path / "act.txt"
    page.write_text(_SECTION + body, encoding="utf-8")
    return _duties(read_document(page))


def test_a_stray_full_stop_after_a_printed_label_leaves_the_point_whole(tmp_path: Path) -> None:
    rows = _printed(tmp_path, (
        "              (c) A holder shall publish a clear notice that includes:\n\n"
        "                      (1) The kinds of records the holder keeps;\n\n"
        "                      (2). How residents may ask for a copy of a record; and\n\n"
        "                      (3) The name of the holder's records officer.\n"))
    assert [(ref, modality) for ref, modality, _ in rows] == [
        ("12-3-104(c)(1)", "mandatory"), ("12-3-104(c)(2)", "mandatory"), ("12-3-104(c)(3)", "mandatory")]
    assert "How residents may ask for a copy" in rows[1][2]


def test_a_digit_the_scan_read_for_a_letter_label_between_its_neighbours_is_that_letter(tmp_path: Path) -> None:
    rows = _printed(tmp_path, (
        "              (e) The request form must take into account the:\n\n"
        "                              (A) Language the resident reads;\n\n"
        "                              (8) Need to keep the request confidential; and\n\n"
        "                              (C) Means by which the holder can verify the resident.\n"))
    assert [ref for ref, _, _ in rows] == ["12-3-104(e)(A)", "12-3-104(e)(B)", "12-3-104(e)(C)"]


def test_figures_wrapped_after_a_number_in_words_do_not_open_a_point(tmp_path: Path) -> None:
    rows = _printed(tmp_path, (
        "              (e)\n\n"
        "                     (1) A holder shall provide, and shall describe in its notice, one\n"
        "              (1) or more reliable means for a resident to ask for a record.\n\n"
        "                     (2) A holder shall not charge a resident for a first copy.\n"))
    assert [(ref, modality) for ref, modality, _ in rows] == [("12-3-104(e)(1)", "mandatory"),
                                                             ("12-3-104(e)(2)", "prohibition")]
    assert "one (1) or more reliable means" in rows[0][2]


def test_a_point_that_lifts_a_requirement_under_a_shall_lead_in_binds_no_one() -> None:
    text = ("12-3-104. Duties of a holder.\n\n(a) A holder shall:\n\n(1) Keep each record for three years;\n\n"
            "(2) Not be required to keep a record that it holds only as a summary; and\n\n"
            "(3) Not disclose a record to a person other than the resident.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("12-3-104(a)(1)", "mandatory"),
                                                                       ("12-3-104(a)(3)", "prohibition")]
