"""The failure classes the first runs on three never-seen US texts showed (2026-12-05, twenty-second session): the
Utah Consumer Privacy Act (S.B. 227, 2022) as a `marker` conversion of the enrolled bill's PDF to Markdown tables,
§ 1-204.22 of the District of Columbia's charter (the Home Rule Act) as the D.C. Council's code page, and Chapter 6
(Budgets) of Richmond's charter as the Virginia Law portal's page, all on one line. The D.C. page's section number
has an en dash ("§ 1–204.22.") and Richmond's an inserted section's colon ("§ 6.15:3."), so neither opened a section;
the D.C. page's editorial notes (an `<aside class="annotations">` reporting other laws' "shall") were read as its
text; its lead paragraph ends "... including but not limited to the following powers, duties, and functions:" over
twelve paragraphs that are sentences of their own, and they took its "shall"; savings, validity and effect clauses
("shall ... continue to be subject to", "shall be valid only if", "shall be in effect for the ensuing fiscal year",
"shall constitute the hearing", "shall have full force and effect to the same extent as if") were taken as duties.
One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def test_a_section_number_with_an_en_dash_opens_the_section_and_is_cited_with_a_hyphen() -> None:
    text = ("§ 1–204.22. Powers and duties.\n\n(1) The Mayor may submit drafts of acts to the Council.\n\n"
            "(2) The Mayor shall appoint a City Administrator.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["1-204.22(1)", "1-204.22(2)"]


def test_a_section_inserted_with_a_colon_in_its_number_opens_a_section_of_its_own() -> None:
    text = ("§ 6.15. (1948, c. 116; repealed 1998, c. 711)\n\n§ 6.15:3. School buildings.\n\n"
            "(a) The mayor shall present a plan to the council.\n\n(b) The plan shall not be based on new taxes.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["6.15:3(a)", "6.15:3(b)"]


def test_what_a_page_sets_aside_from_its_text_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "section.html"
    path.write_text('<html><body><article><h1>§ 1–204.22. Powers and duties.</h1><p>(5) The Mayor may submit drafts '
                    'of acts to the Council.</p><aside class="annotations" role="note"><p>Section 811 of D.C. Law '
                    "10-253 provided that the Mayor shall submit to the Council a report.</p></aside></article>"
                    "</body></html>", encoding="utf-8")
    text = read_document(path)
    assert "The Mayor may submit drafts" in text
    assert "shall submit to the Council a report" not in text
