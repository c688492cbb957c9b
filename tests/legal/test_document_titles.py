"""A document imported without --title is named by the title the file declares, else by an opening line that reads
as a title, else by its file name: never by one heading or a page number of its own text (legal.titles)."""

from __future__ import annotations

import io
from pathlib import Path

from pdfmaker import pdf_pages
from pypdf import PdfReader, PdfWriter

from compgraph.legal.readers import read_document
from compgraph.legal.titles import default_title

ARTICLE = "Article 9\nRisk management system\n\n1. A risk management system shall be established.\n"


def titled(path: Path, content: str | bytes) -> tuple[str, str]:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return default_title(path, read_document(path))


def test_an_excerpt_opening_with_an_article_is_named_by_its_file(tmp_path: Path) -> None:
    title, source = titled(tmp_path / "eu-ai-act-providers.txt", ARTICLE)
    assert title == "eu-ai-act-providers"
    assert source.startswith("the file name")


def test_a_section_sign_heading_or_a_division_is_not_a_title(tmp_path: Path) -> None:
    assert titled(tmp_path / "a.txt", "§ 13-77-103. Disclosure.\n(1) A person shall disclose.\n")[0] == "a"
    assert titled(tmp_path / "b.txt", "DIVISION I.1\nThe enterprise shall designate.\n")[0] == "b"


def test_a_text_opening_with_its_points_is_named_by_its_file(tmp_path: Path) -> None:
    assert titled(tmp_path / "code-2-5.md", "(a) Purpose. The Board shall publish the data.\n")[0] == "code-2-5"


def test_an_html_pages_title_names_the_document(tmp_path: Path) -> None:
    page = ("<html><head><title>Regulation (EU) 2024/1689 (AI Act), Articles 9 and 10</title></head>"
            "<body><p>Article 9</p><p>1. A risk management system shall be established.</p></body></html>")
    assert titled(tmp_path / "x.html", page) == ("Regulation (EU) 2024/1689 (AI Act), Articles 9 and 10",
                                                 "the HTML <title>")


def test_an_html_title_that_is_a_file_name_is_not_taken(tmp_path: Path) -> None:
    page = ("<html><head><title>L_202401689EN.000101.fmx.xml</title></head>"
            "<body><p>Artificial Intelligence Act</p><p>Providers shall keep logs.</p></body></html>")
    assert titled(tmp_path / "x.html", page) == ("Artificial Intelligence Act", "its opening line")


def test_a_pdfs_metadata_title_names_it_without_words_the_printer_added(tmp_path: Path) -> None:
    plain = pdf_pages([["15", "Article 3", "The agency shall publish a plan."]])
    out = io.BytesIO()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.add_metadata({"/Title": "Microsoft Word - Agency AI Rules.docx"})
    writer.write(out)
    assert titled(tmp_path / "rules.pdf", out.getvalue()) == ("Agency AI Rules", "the PDF's metadata")


def test_a_page_number_and_a_converters_marker_are_passed_over(tmp_path: Path) -> None:
    text = "15\n\n{0}--------------------\n\nMontana Code Annotated 2025\n\nA controller shall.\n"
    assert titled(tmp_path / "mt.txt", text) == ("Montana Code Annotated 2025", "its opening line")


def test_a_chapter_heading_with_a_name_is_a_title_and_a_bare_one_is_not(tmp_path: Path) -> None:
    assert titled(tmp_path / "a.txt", "Chapter 53. Consumer Data Protection Act.\nA controller shall.\n")[0] == (
        "Chapter 53. Consumer Data Protection Act.")
    assert titled(tmp_path / "b.txt", "CHAPTER IV\nResponsible AI Policy\nStaff shall.\n")[0] == (
        "Responsible AI Policy")


def test_a_policy_opening_with_its_name_keeps_it(tmp_path: Path) -> None:
    assert titled(tmp_path / "p.txt", "Responsible AI Usage Policy\n\n1. Staff must not share data.\n") == (
        "Responsible AI Usage Policy", "its opening line")
