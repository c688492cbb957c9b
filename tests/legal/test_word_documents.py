"""Word (.docx) and OpenDocument (.odt) files read as the page they were saved from (``legal.office``).

A word processor numbers its own lists, so a point's "(a)" lives in the list's numbering definition, not in the text;
a draft carries tracked changes and hidden notes. What is read must be what Word shows: each point with its label
(which the obligation ids cite), deletions gone, insertions in, hidden text out. A file that is not what its name
says is refused naming the file and the reason."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from dutyrows import duty_rows
from word_files import deleted, docx, heading_styles, inserted, numbering, odt, para, run, text_box

from compgraph.legal.readers import IngestError, read_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "legal"
POINTS = numbering(("lowerLetter", "(%1)"), ("lowerRoman", "(%2)"))


def _read(tmp_path: Path, data: bytes, name: str = "act.docx") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return read_document(path)


def test_a_self_numbering_list_gives_each_point_its_label_and_the_lead_in(tmp_path: Path) -> None:
    text = _read(tmp_path, docx(
        para("Article 5"), para("1. Deployers shall:"),
        para("keep the logs for six months;", num=1), para("inform the workers' representatives.", num=1),
        numbered=POINTS))
    rows = duty_rows(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [("5(1)(a)", "mandatory"), ("5(1)(b)", "mandatory")]
    assert rows[1][2].startswith("Deployers shall: (b) inform")


def test_a_list_interrupted_by_a_paragraph_goes_on_counting(tmp_path: Path) -> None:
    text = _read(tmp_path, docx(
        para("Deployers shall:"), para("keep the logs;", num=1), para("inform the workers;", num=1),
        para("A note between the points."), para("report incidents.", num=1), numbered=POINTS))
    assert "(c) report incidents." in text


def test_a_nested_level_is_numbered_by_its_own_format(tmp_path: Path) -> None:
    text = _read(tmp_path, docx(
        para("Deployers shall:"), para("inform the workers:", num=1),
        para("before use; and", num=1, level=1), para("after a change.", num=1, level=1), numbered=POINTS))
    assert "(a) inform the workers:" in text and "(ii) after a change." in text


CLAUSES = numbering(("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "(%3)"))
CLAUSE_STYLES = heading_styles(("Heading1", 0), ("Heading2", 1), ("ListNumber", 2))


def test_headings_numbered_through_their_style_get_their_numbers_and_list_items_count_on(tmp_path: Path) -> None:
    text = _read(tmp_path, docx(
        para("Purpose", style="Heading1"), para("Staff shall use approved tools only.", style="Heading2"),
        para("Staff shall:", style="Heading2"), para("record each use;", style="ListNumber"),
        para("report incidents.", style="ListNumber"), para("Oversight", style="Heading1"),
        para("Owners shall review each system yearly.", style="Heading2"),
        numbered=CLAUSES, styles=CLAUSE_STYLES))
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines == ["1. Purpose", "1.1", "Staff shall use approved tools only.", "1.2", "Staff shall:",
                     "(a) record each use;", "(b) report incidents.", "2. Oversight",
                     "2.1", "Owners shall review each system yearly."]
    assert [ref for ref, _, _ in duty_rows(text)] == ["1.1", "1.2(a)", "1.2(b)", "2.1"]


def test_the_items_of_a_list_that_numbers_1_1_keep_word_s_numbers_and_are_cited_by_them(tmp_path: Path) -> None:
    text = _read(tmp_path, docx(
        para("AI Use Policy"), para("Purpose", num=1, level=0),
        para("Staff shall use approved tools only.", num=1, level=1), para("Staff shall:", num=1, level=1),
        para("record each use;", num=1, level=2), para("report incidents.", num=1, level=2),
        para("Oversight", num=1, level=0), para("Owners shall review each system yearly.", num=1, level=1),
        numbered=CLAUSES))
    assert [(ref, words) for ref, _, words in duty_rows(text)] == [
        ("1.1", "Staff shall use approved tools only."), ("1.2(a)", "Staff shall: (a) record each use;"),
        ("1.2(b)", "Staff shall: (b) report incidents."), ("2.1", "Owners shall review each system yearly.")]


def test_a_clause_number_word_shows_with_a_closing_stop_is_cited_without_it(tmp_path: Path) -> None:
    stops = numbering(("decimal", "%1."), ("decimal", "%1.%2."))
    text = _read(tmp_path, docx(
        para("Overview", style="Heading1"), para("Staff shall use approved tools only.", style="Heading2"),
        numbered=stops, styles=heading_styles(("Heading1", 0), ("Heading2", 1))))
    assert [(ref, words) for ref, _, words in duty_rows(text)] == [("1.1", "Staff shall use approved tools only.")]


def test_a_list_numbered_through_a_style_is_taken_over_as_well(tmp_path: Path) -> None:
    text = _read(tmp_path, docx(
        para("Purpose", style="Clause1"), para("Staff shall use approved tools only.", style="Clause2"),
        para("Oversight", style="Clause1"), para("Owners shall review each system yearly.", style="Clause2"),
        numbered=CLAUSES, styles=heading_styles(("Clause1", 0), ("Clause2", 1))))
    assert [line for line in text.splitlines() if line.strip()] == [
        "1. Purpose", "1.1", "Staff shall use approved tools only.", "2. Oversight", "2.1",
        "Owners shall review each system yearly."]


def test_articles_numbered_by_their_heading_style_are_cited_by_their_numbers(tmp_path: Path) -> None:
    # a one-level list ("Article %1") that only the heading style carries: pandoc alone would drop the numbers
    text = _read(tmp_path, docx(
        para("Scope", style="Heading1"), para("Providers shall keep the logs."), para("Oversight", style="Heading1"),
        para("Deployers shall assign human oversight."),
        numbered=numbering(("decimal", "Article %1")), styles=heading_styles(("Heading1", 0))))
    assert [(ref, words) for ref, _, words in duty_rows(text)] == [
        ("1", "Providers shall keep the logs."), ("2", "Deployers shall assign human oversight.")]


def test_a_heading_whose_own_numbering_is_switched_off_gets_no_number(tmp_path: Path) -> None:
    off = '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>'
    text = _read(tmp_path, docx(
        para("Purpose", style="Heading1"), off + run("Annex") + "</w:p>", para("Scope", style="Heading1"),
        numbered=CLAUSES, styles=CLAUSE_STYLES))
    assert [line for line in text.splitlines() if line.strip()] == ["1. Purpose", "Annex", "2. Scope"]


def test_legal_numbering_shows_the_levels_above_in_decimal_and_a_level_its_own_format(tmp_path: Path) -> None:
    legal = numbering(("upperRoman", "Part %1"), ("decimal", "%1.%2")).replace(
        '<w:numFmt w:val="decimal"/>', '<w:numFmt w:val="decimal"/><w:isLgl/>')
    text = _read(tmp_path, docx(
        para("General", style="Heading1"), para("Providers shall keep logs.", style="Heading2"),
        para("Deployers", style="Heading1"), para("Deployers shall monitor.", style="Heading2"),
        numbered=legal, styles=heading_styles(("Heading1", 0), ("Heading2", 1))))
    assert [line for line in text.splitlines() if line.strip()] == [
        "Part I General", "1.1", "Providers shall keep logs.", "Part II Deployers", "2.1", "Deployers shall monitor."]


def test_a_tracked_deletion_is_left_out_and_a_tracked_insertion_read(tmp_path: Path) -> None:
    text = _read(tmp_path, docx(
        f"<w:p>{run('Providers shall ')}{deleted('not ')}{inserted('promptly ')}{run('report incidents.')}</w:p>"))
    assert "Providers shall promptly report incidents." in text
    assert duty_rows(text)[0][1] == "mandatory"  # the struck "not" made it a prohibition


def test_a_text_box_is_read_once_after_the_paragraph_that_anchors_it(tmp_path: Path) -> None:
    # Word keeps a boxed note twice (DrawingML and a VML copy); pandoc reads neither
    text = _read(tmp_path, docx(
        f"<w:p>{run('Providers shall keep logs.')}{text_box(para('Deployers shall inform workers.'))}</w:p>",
        para("Importers shall verify the marking.")))
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines == [
        "Providers shall keep logs.", "Deployers shall inform workers.", "Importers shall verify the marking."]


def test_hidden_text_is_not_read(tmp_path: Path) -> None:
    text = _read(tmp_path, docx(
        f"<w:p>{run('Providers shall keep logs.')}{run(' Drafting note: the Minister shall decide.', hidden=True)}"
        "</w:p>"))
    assert "Minister" not in text and "Providers shall keep logs." in text


def test_text_hidden_only_before_a_tracked_change_is_read(tmp_path: Path) -> None:
    was_hidden = ('<w:rPrChange w:id="3" w:author="Drafter" w:date="2026-01-01T00:00:00Z"><w:rPr><w:vanish/>'
                  "</w:rPr></w:rPrChange>")
    text = _read(tmp_path, docx(
        f'<w:p><w:r><w:rPr><w:b/>{was_hidden}</w:rPr><w:t>Providers shall keep logs.</w:t></w:r></w:p>'))
    assert "Providers shall keep logs." in text


def test_a_paragraph_whose_mark_alone_is_hidden_is_read(tmp_path: Path) -> None:
    text = _read(tmp_path, docx(
        f"<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>{run('Providers shall keep logs.')}</w:p>"))
    assert "Providers shall keep logs." in text


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_a_word_processors_file_of_a_statute_yields_the_statutes_duties(suffix: str) -> None:
    # saved by LibreOffice 7.4 from the Markdown statute: its "1." paragraph numbers exist only as list numbering
    with zipfile.ZipFile(FIXTURES / f"public-sector-ai-act{suffix}") as package:
        body = package.read("word/document.xml" if suffix == ".docx" else "content.xml").decode()
    assert "1. Deployers" not in body and "shall assign human oversight" in body
    assert duty_rows(read_document(FIXTURES / f"public-sector-ai-act{suffix}")) == duty_rows(
        read_document(FIXTURES / "public-sector-ai-act.md"))


def test_a_reading_that_loses_text_is_refused_rather_than_imported_without_it(tmp_path: Path) -> None:
    # pandoc's OpenDocument reader drops a table inside a list item: Annex IV's points, saved by LibreOffice
    with zipfile.ZipFile(FIXTURES / "public-sector-ai-act.odt") as package:
        styles = package.read("styles.xml")
    points = ("<text:p>Deployers shall:</text:p><text:list><text:list-item><text:p>1. Records:</text:p><table:table>"
              "<table:table-row><table:table-cell><text:p>(a)</text:p></table:table-cell><table:table-cell><text:p>"
              "keep the logs for six months;</text:p></table:table-cell></table:table-row></table:table>"
              "</text:list-item></text:list>")
    with pytest.raises(IngestError, match=r"annex\.odt: pandoc read only 22 of the 46 letters and digits in it \(48%; "
                                          r"its OpenDocument reader drops a table inside a list item\): nothing was "
                                          r"imported; save it as \.docx or \.pdf"):
        _read(tmp_path, odt(points, styles), "annex.odt")


def test_deleted_text_and_field_codes_are_not_counted_as_text_pandoc_lost(tmp_path: Path) -> None:
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK '
             '"https://example.org/a-very-long-address-of-the-official-journal" </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
    text = _read(tmp_path, docx(
        f"<w:p>{run('Providers shall ')}{deleted('never, under any circumstances whatsoever, ')}"
        f"{field}{run('report incidents.')}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"))
    assert "Providers shall report incidents." in text


def test_a_package_whose_body_fails_its_checksum_is_refused_as_damaged(tmp_path: Path) -> None:
    data = docx(para("Providers shall keep logs."), stored=True).replace(b"keep logs", b"keep LOGS")
    with pytest.raises(IngestError, match=r"act\.docx: a damaged Word package \(Bad CRC-32"):
        _read(tmp_path, data)


def test_an_opendocument_body_that_is_not_utf_8_is_refused_naming_the_file(tmp_path: Path) -> None:
    with zipfile.ZipFile(FIXTURES / "public-sector-ai-act.odt") as package:
        styles = package.read("styles.xml")
    made = odt("<text:p>Providers shall keep logs.</text:p>", styles)
    rewritten = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(made)) as package, zipfile.ZipFile(rewritten, "w") as copy:
        for info in package.infolist():
            part = package.read(info)
            latin = part.replace(b"keep logs", b"keep \xe9 logs")  # "é" as Latin-1 writes it
            copy.writestr(info, latin if info.filename == "content.xml" else part)
    with pytest.raises(IngestError, match=r"latin\.odt: pandoc could not read it"):
        _read(tmp_path, rewritten.getvalue(), "latin.odt")


def test_a_word_file_pandoc_read_only_in_part_is_refused_without_blaming_the_opendocument_reader() -> None:
    from compgraph.legal.office import OfficeError, _check_nothing_lost

    with pytest.raises(OfficeError) as refused:
        _check_nothing_lost("docx", "<w:t>Providers shall keep logs.</w:t>", "<p>Providers</p>", ".docx")
    assert str(refused.value) == ("pandoc read only 9 of the 22 letters and digits in it (41%): nothing was imported; "
                                  "save it as .pdf and import that")


def test_without_pandoc_a_word_file_is_refused_saying_what_is_missing(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import pypandoc

    def missing() -> str:
        raise OSError("No pandoc was found")

    monkeypatch.setattr(pypandoc, "get_pandoc_path", missing)
    with pytest.raises(IngestError, match=r"act\.docx: reading \.docx or \.odt needs pandoc: No pandoc was found"):
        _read(tmp_path, docx(para("Providers shall keep logs.")))


def test_a_password_protected_or_old_binary_file_is_refused_saying_so(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"locked\.docx: .*password-protected file or an old binary \.doc"):
        _read(tmp_path, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "locked.docx")


def test_a_file_that_is_not_a_zip_package_is_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"notes\.docx: not a Word file \(not a ZIP package"):
        _read(tmp_path, b"Providers shall keep logs.", "notes.docx")


def test_a_package_without_a_body_is_refused_naming_the_part(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"sheet\.odt: not an OpenDocument file \(the package has no content\.xml"):
        _read(tmp_path, docx(para("Providers shall keep logs.")), "sheet.odt")


def test_a_package_that_would_unpack_past_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from compgraph.legal import office

    monkeypatch.setattr(office, "MAX_UNPACKED", 1_000)
    with pytest.raises(IngestError, match=r"big\.docx: unpacks to \d+ bytes, over the 1000-byte limit"):
        _read(tmp_path, docx(para("Providers shall keep logs. " * 100)), "big.docx")


def test_a_file_pandoc_runs_out_of_memory_on_is_refused_saying_so(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from compgraph.legal import office

    monkeypatch.setattr(office, "_HEAP_MB", 70)  # 20,000 short paragraphs need about 100 MB
    rows = [para(f"Providers shall keep the logs of system {i} for six months.") for i in range(20_000)]
    with pytest.raises(IngestError, match=r"act\.docx: too large to read: pandoc needed more than the 70 MB"):
        _read(tmp_path, docx(*rows))
