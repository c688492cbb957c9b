"""Word (.docx) and OpenDocument (.odt) files, read as the HTML pandoc makes of them.

A word processor's lists number themselves: the "(a)" or "1." a reader sees is often not in the text but in the
list's numbering definition (Word's ``numbering.xml``: a level's format, lowerLetter, and its text, "(%1)"), counted
per paragraph with restarts, start values and styles that carry numbering. Pandoc's readers resolve all of that into
HTML lists with their type, which the HTML reader writes back as labels, and they accept tracked changes (the text as
Word's "No Markup" view shows it: deletions gone, insertions in) and leave comments out. Text formatted as hidden,
which Word neither shows nor prints (a drafter's note), pandoc would keep: it is taken out first; a numbered heading's
number, which pandoc drops, is written into its text (``word_numbers``). So a Word file reads
as the same text as the page it was made from, and the points of an auto-numbered list keep their labels, which the
obligation ids cite.

pandoc is the binary inside the ``pypandoc-binary`` wheel, run as a process of its own with a heap cap and a time
limit, as pandoc's manual advises for documents from outside. Its license (GPL) does not reach compgraph's: compgraph
runs it, never links it.
"""

from __future__ import annotations

import html
import io
import re
import subprocess
import zipfile
import zlib

from compgraph.legal.word_text import BODY, visible_package

__all__ = ["OFFICE_EXTENSIONS", "OfficeError", "office_to_html"]

# the file's part that holds the body, by which a container is told to be what its name says
OFFICE_EXTENSIONS = {".docx": ("docx", BODY, "Word"), ".odt": ("odt", "content.xml", "OpenDocument")}
# Measured (pandoc 3.9, 2 cores): a Word file of 0.9 MB holding 2.1 MB of statute text (every held-out Markdown
# text, ~3,000 duties; the whole EU AI Act is about a quarter of that) unpacks to 7.8 MB and takes pandoc 19 s and
# 766 MB. The caps sit well above such a file and well below what a crafted archive could make pandoc hold.
MAX_UNPACKED = 100_000_000
_TIMEOUT = 300  # seconds
_HEAP_MB = 2048
# a compound file: Word's binary .doc, or any Office file saved with a password (encryption wraps the package in one)
_COMPOUND = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class OfficeError(ValueError):
    """The file is not a readable Word or OpenDocument file; the message says why, without the file's name."""


def office_to_html(suffix: str, data: bytes) -> str:
    """The HTML pandoc makes of a .docx or .odt file's bytes; raises OfficeError with the reason."""
    fmt, body, kind = OFFICE_EXTENSIONS[suffix]
    if data.startswith(_COMPOUND):
        raise OfficeError(
            f"not a {kind} package: a password-protected file or an old binary .doc; "
            f"save it without a password as {suffix}"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            unpacked = sum(i.file_size for i in package.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise OfficeError(f"not {_article(kind)} {kind} file (not a ZIP package: {exc})") from exc
    if body not in names:
        raise OfficeError(f"not {_article(kind)} {kind} file (the package has no {body})")
    if unpacked > MAX_UNPACKED:
        raise OfficeError(f"unpacks to {unpacked} bytes, over the {MAX_UNPACKED}-byte limit")
    try:
        if fmt == "docx":
            data, xml = visible_package(data)
        else:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                xml = package.read(body).decode("utf-8", "replace")
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        # a part that fails its checksum, a compression method Python lacks, an entry encrypted inside the ZIP
        raise OfficeError(f"a damaged {kind} package ({exc})") from exc
    try:
        done = subprocess.run(
            [_pandoc(), "-f", fmt, "-t", "html", "--wrap=none", "+RTS", f"-M{_HEAP_MB}m", "-RTS"],
            input=data, capture_output=True, timeout=_TIMEOUT, check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise OfficeError(f"pandoc did not finish reading it in {_TIMEOUT} s") from exc
    except OSError as exc:
        raise OfficeError(f"pandoc could not be run ({exc.strerror or exc})") from exc
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        if any("Heap exhausted" in line for line in said):
            raise OfficeError(f"too large to read: pandoc needed more than the {_HEAP_MB} MB of memory it may use")
        raise OfficeError(f"pandoc could not read it: {said[0] if said else f'exit status {done.returncode}'}")
    made = done.stdout.decode("utf-8")
    _check_nothing_lost(fmt, xml, made, suffix)
    return made


# A Word body's text is its w:t elements (deleted text is w:delText, a field's code w:instrText, a drawing's offsets
# and alignments other elements' text); an OpenDocument body's is every text node but the deleted text kept for
# tracked changes and the comments.
_WORD_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")
_NOT_SHOWN = re.compile(r"<(text:tracked-changes|office:annotation)\b[^>]*>.*?</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_LETTER = re.compile(r"\w")
# Pandoc kept every letter and digit of each of 36 statutes saved as Word by LibreOffice; its OpenDocument reader
# dropped a table inside a list item (Annex IV's points: 41% kept), which would have imported without them.
KEPT_AT_LEAST = 0.995


def _letters(markup: str) -> int:
    return len(_LETTER.findall(html.unescape(_TAG.sub("", markup))))


def _check_nothing_lost(fmt: str, xml: str, made: str, suffix: str) -> None:
    """Refuse a reading that lost text: the body's letters and digits (``xml``) must all be in what pandoc made."""
    shown = " ".join(_WORD_TEXT.findall(xml)) if fmt == "docx" else _NOT_SHOWN.sub("", xml)
    there, read = _letters(shown), _letters(made)
    if there and read < KEPT_AT_LEAST * there:
        dropped = "; its OpenDocument reader drops a table inside a list item" if fmt == "odt" else ""
        instead = " or ".join(s for s in (".docx", ".pdf") if s != suffix)
        raise OfficeError(
            f"pandoc read only {read} of the {there} letters and digits in it ({read / there:.0%}{dropped}): "
            f"nothing was imported; save it as {instead} and import that"
        )


def _article(kind: str) -> str:
    return "an" if kind[0] in "AEIOU" else "a"


def _pandoc() -> str:
    import pypandoc

    try:
        return str(pypandoc.get_pandoc_path())
    except OSError as exc:  # the wheel without its binary (a platform pypandoc-binary has none for)
        raise OfficeError(f"reading {' or '.join(OFFICE_EXTENSIONS)} needs pandoc: {exc}") from exc

