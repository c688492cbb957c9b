"""Property tests of the import readers: any bytes, any text, any encoding give text or one clear
IngestError naming the file, never another exception (#13)."""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdfmaker import pdf_text

from compgraph.legal.readers import IngestError, read_document

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = (".txt", ".md", ".html", ".pdf")
# Text a document can hold: any character but NUL (which marks a binary file) and lone surrogates.
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=400)


def _read(data: bytes, suffix: str, **kw: object) -> tuple[Path, str | IngestError]:
    # Hypothesis runs many examples per test, so tmp_path (one per test) cannot be used; each example's folder is
    # removed at once, or a full run leaves hundreds of folders in the system's temporary directory.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"doc{suffix}"
        path.write_bytes(data)
        try:
            return path, read_document(path, **kw)  # type: ignore[arg-type]
        except IngestError as exc:
            return path, exc


@SETTINGS
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_give_text_or_an_error_naming_the_file(data: bytes, suffix: str) -> None:
    path, result = _read(data, suffix)
    if isinstance(result, IngestError):
        assert str(result).startswith(f"{path}: ") and "\n" not in str(result)
    else:
        assert result.strip()


@SETTINGS
@given(data=st.binary(max_size=1500))
def test_bytes_behind_a_pdf_header_give_text_or_an_error_naming_the_file(data: bytes) -> None:
    path, result = _read(b"%PDF-1.4\n" + data, ".pdf")
    assert isinstance(result, str) or str(result).startswith(f"{path}: ")


@SETTINGS
@given(text=TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_text_in_any_unicode_encoding_with_its_bom_reads_back_unchanged(text: str, encoding: str) -> None:
    path, result = _read(text.encode(encoding), ".txt")
    if not text.strip():
        assert isinstance(result, IngestError) and "no text" in str(result)
    else:
        assert result == text


@SETTINGS
@given(text=st.text(st.characters(codec="cp1252", blacklist_characters="\x00"), min_size=1, max_size=300))
def test_cp1252_text_reads_with_its_encoding_named_and_otherwise_asks_for_it(text: str) -> None:
    data = text.encode("cp1252")
    path, named = _read(data, ".txt", encoding="cp1252")
    assert named == text if text.strip() else isinstance(named, IngestError)
    _, guessed = _read(data, ".txt")
    if isinstance(guessed, IngestError) and text.strip():
        assert "--encoding" in str(guessed) or "binary" in str(guessed)


@SETTINGS
@given(text=TEXT, suffix=st.sampled_from([".md", ".html"]))
def test_any_markup_text_gives_text_or_an_error_naming_the_file(text: str, suffix: str) -> None:
    path, result = _read(text.encode("utf-8"), suffix)
    assert isinstance(result, str) or str(result).startswith(f"{path}: ")


@SETTINGS
@given(size=st.integers(min_value=1, max_value=4000), limit=st.integers(min_value=1, max_value=4000))
def test_a_file_over_the_size_limit_is_refused_naming_the_limit(size: int, limit: int) -> None:
    path, result = _read(b"a" * size, ".txt", max_bytes=limit)
    if size > limit:
        assert isinstance(result, IngestError) and f"over the {limit}-byte limit" in str(result)
    else:
        assert result == "a" * size


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE])
def test_a_bom_followed_by_broken_code_units_is_an_error_naming_the_encoding(bom: bytes) -> None:
    path, result = _read(bom + b"A", ".txt")  # one byte: a truncated code unit
    assert isinstance(result, IngestError) and str(result).startswith(f"{path}: not valid UTF-")


PDF = pdf_text("Providers shall keep logs.")
# Damage a real PDF where parsers are fragile: a byte changed, a span cut, an object reference or a
# length pasted in (a self-referencing /Length made pypdf raise LimitReachedError past the reader).
EDIT = st.tuples(st.integers(0, len(PDF) - 1), st.sampled_from(["set", "cut", "paste"]), st.integers(0, 255),
                 st.sampled_from([b"0", b"9", b"-1", b" 5 0 R ", b"<<", b">>", b"/Length 5 0 R", b"[", b"("]))


@SETTINGS
@given(edits=st.lists(EDIT, min_size=1, max_size=4))
def test_a_damaged_pdf_gives_text_or_an_error_naming_the_file(edits: list[tuple[int, str, int, bytes]]) -> None:
    data = bytearray(PDF)
    for pos, kind, byte, chunk in edits:
        pos = min(pos, len(data) - 1)
        if kind == "set":
            data[pos] = byte
        elif kind == "cut":
            del data[pos : pos + 1 + byte % 20]
        else:
            data[pos:pos] = chunk
    path, result = _read(bytes(data), ".pdf")
    assert isinstance(result, str) or str(result).startswith(f"{path}: ")


def test_a_pdf_that_pypdf_finds_looping_on_itself_is_refused_as_unreadable() -> None:
    # The damage hypothesis found (pypdf raised LimitReachedError, not PdfReadError): catalog name broken,
    # stream keyword, text position and the font's dictionary end cut.
    data = bytearray(PDF)
    for start, end in ((406, 417), (285, 292), (266, 274)):
        del data[start:end]
    data[28] = 0xFF
    path, result = _read(bytes(data), ".pdf")
    assert isinstance(result, IngestError) and str(result).startswith(f"{path}: corrupt or unreadable PDF")
