"""A new document's title when the importer is not given one: the title the file declares, else an opening line
that reads as one, else the file's name.

The first line alone named imports "Article 9", "DIVISION I.1", "15" (a printed page's number), "HE" or
"{0}------" (a converter's page marker): the gap report, the OSCAL catalog and the Statement of Applicability then
cited a whole document by one heading of its own text. An excerpt that opens with an article or section has no
title of its own, so its file name (which the user chose) is a truer name for it than its first heading.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

MAX_TITLE = 200
_LINES_LOOKED_AT = 12
_MAX_WORDS = 25

# A heading of one part of a text: the text has begun, and what follows it is that part's, not the document's.
_SUBDIVISION = re.compile(
    r"^(?:article|art\.|section|sec\.|§+|annex|division|subdivision|rule|paragraph|clause|pillar|regulation)"
    r"\s*[\dIVXLCDM]+[\w.\-–]*\b",
    re.IGNORECASE,
)
# "Part 3", "CHAPTER IV", "Title 13": a bare number heading names no document, though "Chapter 53. Consumer Data
# Protection Act." does.
_BARE_HEADING = re.compile(r"^(?:part|chapter|title|schedule|subchapter|book)\s*[\w.\-–]*[.:]?$", re.IGNORECASE)
_POINT = re.compile(r"^(?:\(\w{1,5}\)|\d{1,3}[.)]|[a-z][.)])\s")
_MARKUP = re.compile(r"^[\[{|<>!=*_`~/(\"-]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_FILE_NAME = re.compile(r"^\S+\.(?:x?html?|xml|fmx|pdf|docx?|txt|md)$|^(?:file|https?):", re.IGNORECASE)


def _clean(title: str) -> str:
    return " ".join(title.split())[:MAX_TITLE]


def declared_title(path: Path) -> str | None:
    """The title an HTML page's ``<title>`` or a PDF's metadata gives, unless it is empty or a file name."""
    suffix = path.suffix.lower()
    found: str | None = None
    try:
        if suffix in (".html", ".htm"):
            head = path.read_bytes()[:65536].decode("utf-8", errors="replace")
            m = re.search(r"<title[^>]*>(.*?)</title\s*>", head, re.IGNORECASE | re.DOTALL)
            found = html.unescape(re.sub(r"<[^>]*>", " ", m.group(1))) if m else None
        elif suffix == ".pdf":
            from pypdf import PdfReader

            meta = PdfReader(io.BytesIO(path.read_bytes()), strict=False).metadata
            found = str(meta.title) if meta is not None and meta.title else None
    except Exception:  # noqa: BLE001 - the text was read already; a title that cannot be read is only absent
        return None
    if found is None:
        return None
    # what Word's PDF printer puts before the document's own name
    found = _clean(re.sub(r"^Microsoft (?:Word|PowerPoint|Excel) - |\.docx?$", "", _clean(found)))
    return found if len(_WORD.findall(found)) >= 2 and not _FILE_NAME.search(found) else None


def title_from_lines(text: str) -> str | None:
    """The first of the opening lines that reads as a document's title, or None once the text's body begins."""
    looked = 0
    for raw in text.splitlines():
        line = raw.strip(" #*\t")
        if not line:
            continue
        looked += 1
        if looked > _LINES_LOOKED_AT or _SUBDIVISION.match(line) or _POINT.match(line):
            return None
        if _MARKUP.match(line) or _BARE_HEADING.match(line) or len(_WORD.findall(line)) < 2:
            continue  # page numbers, a converter's markers, a heading with a number only
        if len(line.split()) <= _MAX_WORDS:
            return _clean(line)
    return None


def default_title(path: Path, text: str) -> tuple[str, str]:
    """(title, where it came from) for a document imported without ``--title``."""
    declared = declared_title(path)
    if declared:
        return declared, "the HTML <title>" if path.suffix.lower() in (".html", ".htm") else "the PDF's metadata"
    line = title_from_lines(text)
    if line:
        return line, "its opening line"
    return _clean(path.stem) or "Untitled document", "the file name (the text opens with no title of its own)"
