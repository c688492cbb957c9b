"""The failure classes the first run on three more never-seen texts showed (the Code of Virginia as the
Legislative Information System prints it in HTML, a Tennessee public chapter through ``pdftotext -layout``, India's
Digital Personal Data Protection Act 2023 as a Gazette PDF converted to Markdown), one behaviour each."""

from __future__ import annotations

from pathlib import Path

from compgraph.legal.corpus import extract_file
from compgraph.legal.provisions import statute_duties
from compgraph.legal.readers import read_document


def _duties(text: str) -> list[tuple[str, str, str]]:
    return [(d.ref, d.modality, d.text) for d in statute_duties(text)]


def _imported(tmp_path: Path, name: str, content: str) -> list[tuple[str, str, str]]:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return [(o["ref"], o["modality"], o["text"]) for o in extract_file(path)]


def test_html_text_outside_any_paragraph_is_read_as_a_line(tmp_path: Path) -> None:
    path = tmp_path / "code.html"
    path.write_text("<html><body><span><b>§ 59.1-578. Data controller responsibilities.</b>"
                    "<section><p>A. A controller shall limit the collection of personal data.</p></section>"
                    "</span></body></html>", encoding="utf-8")
    assert read_document(path).split("\n") == ["", "§ 59.1-578. Data controller responsibilities.", "",
                                               "A. A controller shall limit the collection of personal data.", ""]


def test_inline_markup_inside_a_label_does_not_split_it(tmp_path: Path) -> None:
    path = tmp_path / "act.md"
    path.write_text("- (*2*) A Data Fiduciary shall establish an effective mechanism.\n", encoding="utf-8")
    assert read_document(path).strip() == "- (2) A Data Fiduciary shall establish an effective mechanism."
