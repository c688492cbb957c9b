"""The failure classes the first runs on two never-seen texts showed (2026-12-06, thirtieth session, round 34a):
Singapore's Cybersecurity Act 2018 (ss. 12-16) as a text extract of Singapore Statutes Online's PDF saved as
Markdown, and the EU Machinery Regulation's Articles 12 and 13 as the React (JSX) component they were pasted into.

The Singapore file has no blank line, so it was read as one Markdown paragraph: no "12.—(1)" at a line's start,
every point under the first lead-in; its running footer ("Singapore Statutes Online Published in Acts Supplement
on 12 Mar 2018 PDF created date on: 13 Dec 2025") sat inside sentences; "may, if the Commissioner thinks —" over
its cases, then the verb, gave a permission per case; and "subsection (3)," at a line's end, then "(5)(a) or (6);
or", opened a paragraph (5). The Regulation's "Furthermore, where ... and, where applicable, to the environment,
the importer shall inform" was cut inside its opening condition. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import duty_clauses
from compgraph.legal.readers import read_document
from compgraph.legal.statute import parse_provisions, repair_typography

_FOOTER = "Singapore Statutes Online Published in Acts Supplement on 12 Mar 2018 PDF created date on: 13 Dec 2025"


def _extract_page(sections: int) -> str:
    """A PDF's text extract: catchlines on their own lines, "N.—(1)" sections, justified lines, no blank line."""
    lines = []
    for n in range(12, 12 + sections):
        lines += [f"Duty number {n} of the owner",
                  f"{n}.—(1)  The  owner  of  a  critical  information  infrastructure  must  notify  the",
                  "Commissioner of the occurrence of any incident in respect of the critical information",
                  "infrastructure within the prescribed period after becoming aware of such occurrence.",
                  "(2)  The owner must keep a record of every incident for at least 2 years."]
    return "\n".join(lines) + "\n"


def test_a_pdf_text_extract_saved_as_markdown_with_no_blank_line_is_read_line_by_line(tmp_path: Path) -> None:
    page = tmp_path / "act-part3.md"
    page.write_text(_extract_page(9), encoding="utf-8")
    text = read_document(page)
    assert "\n13.—(1)  The  owner" in text
    assert [ref for ref, _, _ in _duties(text)][:4] == ["12(1)", "12(2)", "13(1)", "13(2)"]


def test_a_long_running_footer_with_a_year_printed_on_every_page_is_blanked() -> None:
    text = ("12.—(1)  The Commissioner may, by written notice, direct the owner to carry out an audit of the\n"
            f"{_FOOTER}\n"
            "critical information infrastructure.\n(2)  The owner must comply with the direction.\n"
            f"{_FOOTER}\n(3)  The owner must furnish a copy of the report.\n{_FOOTER}\n")
    repaired = repair_typography(text)
    assert "Statutes Online" not in repaired
    assert repaired.count("\n") == text.count("\n")  # the lines stay, so line numbers still point into the file


def test_a_permission_whose_if_is_left_open_at_the_dash_is_one_row_with_its_verb_after_the_points() -> None:
    text = ("12.—(1)  The Commissioner may, if the Commissioner thinks —\n"
            "(a) it is necessary or expedient for ensuring the cybersecurity of a critical information "
            "infrastructure; or\n"
            "(b) it is necessary or expedient for the effective administration of this Act,\n"
            "issue a written direction to the owner of a critical information infrastructure.\n"
            "(2)  A direction under subsection (1) may be revoked at any time by the Commissioner.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [("12(1)", "permission"), ("12(2)", "permission")]
    assert rows[0][2].startswith("The Commissioner may, if the Commissioner thinks —")
    assert rows[0][2].endswith("issue a written direction to the owner of a critical information infrastructure.")


def test_an_and_inside_the_opening_condition_cuts_no_clause_before_the_modal_verb() -> None:
    sentence = ("Furthermore, where the machinery or related product presents a risk to the health and safety of "
                "persons and, where appropriate, domestic animals and property, and, where applicable, to the "
                "environment, the importer shall inform the manufacturer and the market surveillance authorities "
                "to that effect.")
    assert duty_clauses(sentence) == [("mandatory", sentence)]


def test_a_list_of_cited_labels_broken_after_its_comma_goes_on_with_the_point() -> None:
    text = ("15.—(1)  The owner must conduct an audit.\n"
            "(7)  Any owner of a critical information infrastructure who —\n"
            "(a) fails, without reasonable excuse, to comply with subsection (1);\n"
            "(b) fails  to  comply  with  the  Commissioner’s  direction  under  subsection (3),\n"
            "(5)(a) or (6); or\n"
            "(c) obstructs or prevents an audit mentioned in subsection (4),\n"
            "shall be guilty of an offence.\n")
    points = {p.path: p.text for p in parse_provisions(text)}
    assert points[("7", "b")].endswith("subsection (3), (5)(a) or (6); or")
    assert ("7", "c") in points and ("5",) not in points and ("5", "a") not in points
