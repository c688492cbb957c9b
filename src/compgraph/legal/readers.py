"""Reading a document as text: plain text, Markdown, HTML, PDF, Word or OpenDocument, or a legislature's XML.

Markdown and HTML are rendered to one line per heading, paragraph and list item (nested items indented),
because lines are what ``structure`` reads headings and bullets from. Every failure is an ``IngestError``
naming the file and the reason, so the import command can report it as a user error.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

from compgraph.legal.asciidoc import asciidoc_to_text, is_asciidoc
from compgraph.legal.counted_lists import nested_counter
from compgraph.legal.csv_sections import csv_sections_to_text, is_section_csv
from compgraph.legal.glued_labels import unglue_labels
from compgraph.legal.json_sections import is_section_json, json_sections_to_text
from compgraph.legal.layout_tables import unwrap_layout_tables
from compgraph.legal.legislation_pages import lay_out_legislation_page
from compgraph.legal.margin_numbers import strip_margin_numbers
from compgraph.legal.markdown_text import markdown_saved_as_text, markdown_to_html, printed_text
from compgraph.legal.nz_reprints import numbered_catchline, subsection_paragraphs
from compgraph.legal.office import OFFICE_EXTENSIONS, OfficeError, office_to_html
from compgraph.legal.pipe_rows import unpipe_points
from compgraph.legal.policy_xml import numbered_items_as_clauses
from compgraph.legal.printed_labels import repaired_printed_labels
from compgraph.legal.section_items import section_paragraphs
from compgraph.legal.typed_lists import counted_code_lines, opens_empty_item, run_in, typed_label

__all__ = ["SUPPORTED_EXTENSIONS", "IngestError", "read_document"]

SUPPORTED_EXTENSIONS = (
    ".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".odt", ".xml", ".adoc", ".asciidoc",
)


class IngestError(ValueError):
    """A document could not be read as text; the message names the file and the reason."""


_INVISIBLE = re.compile("[\u200b\u2060]")


def read_document(path: Path, max_bytes: int = 5_000_000, encoding: str | None = None) -> str:
    """Return the text of a .txt, .md, .html, .pdf, .docx, .odt, .xml or .adoc file, raising IngestError when there is
    none.

    Text is UTF-8 or, with a byte-order mark, UTF-16/32; any other encoding (cp1252, latin-1) is read when
    ``encoding`` names it.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".doc":  # Word 97-2003's binary format, which pandoc does not read; Word saves it as .docx
        raise IngestError(f"{path}: unsupported file type '.doc'; save it as .docx (Word: File > Save As), then import")
    if suffix not in SUPPORTED_EXTENSIONS:
        raise IngestError(
            f"{path}: unsupported file type {suffix or '(none)'!r}; expected one of {', '.join(SUPPORTED_EXTENSIONS)}"
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(f"{path}: cannot read file ({exc.strerror or exc})") from exc
    if size == 0:
        raise IngestError(f"{path}: file is empty")
    if size > max_bytes:
        raise IngestError(f"{path}: file is {size} bytes, over the {max_bytes}-byte limit")
    data = path.read_bytes()

    if suffix == ".pdf":
        text = _pdf_text(path, data)
    elif suffix in OFFICE_EXTENSIONS:
        try:
            text = _html_to_text(office_to_html(suffix, data))
        except OfficeError as exc:
            raise IngestError(f"{path}: {exc}") from exc
    else:
        # a bill PDF's text layer with its line numbers; a zero-width space (or word joiner) a codifier's pages put
        # before each label ("\u200b(1) The times and places ...", Springboro's charter) hides the label from every
        # rule that looks for it at a line's start, and shows nothing
        raw = strip_margin_numbers(_INVISIBLE.sub("", _decode(path, data, encoding)))
        if suffix in (".md", ".markdown") and printed_text(raw):
            # a legislature's print wrapped in a Markdown page: read as the plain text it is, line by line
            text = unglue_labels(raw)
        elif suffix in (".md", ".markdown") or markdown_saved_as_text(raw):
            # a policy instrument's numbered provisions as list items ("- 4.1.1Participating in ..."): as its XML
            text = numbered_items_as_clauses(_html_to_text(markdown_to_html(raw)))
        elif suffix in (".html", ".htm"):
            text = _html_to_text(raw)
        elif suffix == ".xml":
            text = _xml_text(path, raw)
        elif suffix in (".adoc", ".asciidoc") or is_asciidoc(raw):
            # a code's AsciiDoc: its lists number the subsections, the text never does
            text = asciidoc_to_text(raw)
        elif is_section_csv(raw):  # an act's sections as CSV rows, their labels glued to the words
            text = csv_sections_to_text(raw)
        elif is_section_json(raw):  # the same sections as a JSON array's objects, a field a line
            text = json_sections_to_text(raw)
        else:
            text = repaired_printed_labels(unglue_labels(raw))  # "(3). How", "(8)" for "(B)", "one" / "(1) or more"
    # A zero-width space written as a character reference ("&#8203;", "&ZeroWidthSpace;") is one only now.
    text = _INVISIBLE.sub("", text)
    if not text.strip():
        raise IngestError(f"{path}: no text content")
    return text


def _xml_text(path: Path, raw: str) -> str:
    """legislation.gov.uk's CLML laid out as printed (``clml``); XML that numbers its provisions in ``num``
    elements (BC Laws, Akoma Ntoso) likewise (``numbered_xml``); any other XML vocabulary through the HTML reader,
    which gives each element that is not inline markup a line."""
    import xml.etree.ElementTree as ET

    from compgraph.legal.character_elements import character_elements_to_text
    from compgraph.legal.clml import CLML_NAMESPACE, clml_to_text
    from compgraph.legal.numbered_xml import has_numbered_provisions, numbered_xml_to_text

    # the Irish Statute Book writes dashes, quotes and fadas as empty elements, which markup reading would drop
    raw = character_elements_to_text(raw)
    try:
        # The standard library's parser does not fetch external entities, and its expat refuses the
        # exponential entity expansion of a "billion laughs" file.
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        line, column = exc.position
        raise IngestError(f"{path}: not well-formed XML (line {line}, column {column + 1})") from exc
    if root.tag == "{" + CLML_NAMESPACE + "}Legislation":
        return clml_to_text(root)
    if has_numbered_provisions(root):
        return numbered_xml_to_text(root)
    from compgraph.legal.policy_xml import anchored_xml_to_text, has_anchored_provisions

    if has_anchored_provisions(root):  # the Treasury Board's policy instruments: numbers in anchor attributes
        return anchored_xml_to_text(root)
    from compgraph.legal.regml import has_marked_paragraphs, regml_to_text

    if has_marked_paragraphs(root):  # eRegulations' RegML: labels in marker attributes
        return regml_to_text(root)
    import warnings

    from bs4 import XMLParsedAsHTMLWarning

    if root.tag == "CRS":
        raw = _crs_laid_out(raw)
    if root.tag.rsplit("}", 1)[-1].lower() != "html":
        # Outside XHTML an element named HEAD is a heading, not a page's head: the eCFR's and the Federal
        # Register's "<HEAD>§ 164.312 Technical safeguards.</HEAD>" is the section's number and catchline, which
        # the HTML reader would drop with the <head> of a web page.
        raw = _XML_HEAD.sub(r"<\1h3\2>", raw)
    with warnings.catch_warnings():  # read as markup on purpose: the warning would only be noise on stderr
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return _html_to_text(raw, line_laid=True)


# A transcription that wraps a whole code in one element keeps the export's lines inside it (the University of
# Georgia's TEI copies of Municode's text: "<p>PART I - CHARTER ...\n    Section 3.04. - City manager; ...\n    (1)
# See that ..."), each line a heading, a subsection or a point. XML keeps white space as its source wrote it, so
# such an element is read line by line, not run together into one paragraph the length of the charter (whose
# sections then opened nothing and whose points all went to the first lead-in). Several lines must open with a
# label or a heading word, which a paragraph merely wrapped in the source does not do.
_LAID_LABEL = re.compile(r"(?:\([0-9A-Za-z]{1,4}\)|"
                         r"(?:Section|SECTION|Sec\.|ARTICLE|Article|CHAPTER|Chapter)\s+[\w.-]+)")
_LAID_MIN = 4


def _laid_out_lines(node: Any) -> list[str] | None:
    lines = [" ".join(ln.split()) for ln in node.get_text().split("\n")]
    lines = [ln for ln in lines if ln]
    if len(lines) < _LAID_MIN or sum(1 for ln in lines if _LAID_LABEL.match(ln)) < _LAID_MIN:
        return None
    return lines


# A page that sets a statute's text straight inside a <div> as its publisher wrapped it (the Hawaii LRB's section pages
# copied into a site: "     (b)  Any business ...\nbusiness that ..." with a blank line between subsections) keeps its
# layout in white space alone, which a browser would run together but the text's own blank lines mark: each paragraph
# is read as a line, its wrapped lines joined. Several paragraphs must open with a label, which text merely wrapped in
# a page's source does not do.
def _blank_line_paragraphs(text: str) -> list[str] | None:
    paragraphs = [" ".join(p.split()) for block in re.split(r"\n[ \t]*\n", text) for p in _heading_apart(block)]
    paragraphs = [p for p in paragraphs if p]
    if len(paragraphs) < _LAID_MIN or sum(1 for p in paragraphs if _LAID_LABEL.match(p)) < _LAID_MIN:
        return None
    return paragraphs


# the section's number and catchline on the first line, its first subsection on the next ("§487N-2  Notice of
# security breach.\n(a)  Any business ..."): the heading is a line of its own, not the first words of (a)
_HEADING_OVER_LABEL = re.compile(r"\A[ \t]*(\S[^\n]*\.)[ \t]*\n(?=[ \t]*\([0-9A-Za-z]{1,4}\)[ \t])")


def _heading_apart(block: str) -> list[str]:
    found = _HEADING_OVER_LABEL.match(block)
    if found is None or _LAID_LABEL.match(found.group(1)):
        return [block]
    return [found.group(1), block[found.end():]]


_XML_HEAD = re.compile(r"<(/?)head(?=[\s>/])([^>]*)>", re.I)


# Colorado's CRS XML: a section's number and catchline are a CATCH-LINE ("<RHFTO>16-21-103</RHFTO>. <M>Information on
# offenders required - duties ... .</M></CATCH-LINE>(1) ...") run into the first subsection, which read as markup gave
# "16-21-103." alone and "Information ....(1)" on the next line: no section opened, and every duty was cited under the
# article's last entry. Each catch line becomes a heading line of its own. The article's analysis (ART-ANAL, a table
# of its sections) and the publisher's source and editor's notes are no part of the law and are left out.
_CRS_CATCH_LINE = re.compile(
    r"<CATCH-LINE>\s*(?:<P[^>]*>\s*</P>\s*)?<RHFTO>\s*([^<]+?)\s*</RHFTO>\s*\.?\s*<M>(.*?)</M>\s*</CATCH-LINE>", re.S
)
_CRS_APART = re.compile(r"<(ART-ANAL|SOURCE-NOTE|EDITORS-NOTE)\b[^>]*>.*?</\1>", re.S)


def _crs_laid_out(raw: str) -> str:
    raw = _CRS_APART.sub("", raw)
    return _CRS_CATCH_LINE.sub(lambda m: f"<h3>{m.group(1)}. {' '.join(m.group(2).split())}</h3>", raw)


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def _decode(path: Path, data: bytes, encoding: str | None = None) -> str:
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError as exc:
            raise IngestError(f"{path}: unknown encoding {encoding!r}") from exc
        except UnicodeDecodeError as exc:
            raise IngestError(f"{path}: not valid {encoding} text ({exc.reason} at byte {exc.start})") from exc
    # A UTF-16 text is full of NUL bytes, so its byte-order mark is looked for before the binary test.
    bom = next((name for mark, name in _BOMS if data.startswith(mark)), None)
    if bom is not None:
        try:
            return data.decode(bom)
        except UnicodeDecodeError as exc:
            raise IngestError(f"{path}: not valid {bom.upper()} text ({exc.reason} at byte {exc.start})") from exc
    # NUL bytes never occur in real text files but are everywhere in binaries (images, zips, executables).
    if b"\x00" in data[:8192]:
        raise IngestError(f"{path}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _declared_charset(data)
        if declared is not None:
            try:
                return data.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration is reported as the undeclared case below
        raise IngestError(f"{path}: not valid UTF-8 text ({exc.reason} at byte {exc.start}); "
                          "if it is cp1252 or latin-1, say so with --encoding") from exc


# A page saved by Word or an older site states its own encoding, as a browser reads it: "<meta charset=...>",
# "<meta http-equiv=Content-Type content="text/html; charset=windows-1252">", or an XML declaration's encoding.
_DECLARED_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?([A-Za-z0-9._:-]+)|<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.I)


def _declared_charset(data: bytes) -> str | None:
    """The encoding a markup file declares in its first 4 KB (where a browser looks for it), else None; only
    consulted when the bytes are not UTF-8, so a page that declares one encoding and is saved in UTF-8 reads as
    UTF-8."""
    m = _DECLARED_CHARSET.search(data[:4096])
    return None if m is None else (m.group(1) or m.group(2)).decode("ascii")


def _pdf_text(path: Path, data: bytes) -> str:
    import io

    from pypdf import PdfReader

    if not data.lstrip().startswith(b"%PDF"):
        raise IngestError(f"{path}: not a PDF file (missing %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(f"{path}: PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except Exception as exc:
        # A damaged PDF makes pypdf fail in many ways besides PdfReadError (LimitReachedError on an object
        # that refers to itself, found by tests/legal/test_reader_properties.py; KeyError, RecursionError
        # ...); every one means the same thing to the user: this file cannot be read.
        raise IngestError(f"{path}: corrupt or unreadable PDF ({type(exc).__name__}: {exc})") from exc
    text = unpipe_points(_LONE_LABEL.sub(r"\1 ", "\n\n".join(_footnotes_after_sentence(pages))))
    if not text.strip():
        raise IngestError(f"{path}: PDF has no extractable text (scanned image?)")
    return text


# A printed page sets a numbered item's label in a column of its own, which the text comes out of the PDF below:
# "2." alone on its line, then "Where applicable, a detailed description ...". The label opens that line's text.
_LONE_LABEL = re.compile(r"^([ \t]*(?:\d{1,3}\.|\((?:\d{1,3}|[a-z]{1,4})\)))[ \t]*\n(?=[ \t]*[A-Za-z(])", re.M)
_NOTE_LINE = re.compile(r"^(\d{1,3})[ \t]+\S")
_SENTENCE_END = re.compile(r"[.:;!?][\"”’)\]]*$")


def _footnote_start(lines: list[str]) -> int:
    """Where a page's footnotes begin: the first line "27 CAIOs may ..." whose number the page's text above
    carries glued to a word ("component27", "practicable.42"); len(lines) when the page has none."""
    for i, line in enumerate(lines):
        m = _NOTE_LINE.match(line.strip())
        if i and m and re.search(rf"(?<=[A-Za-z.,;:)”’]){m.group(1)}(?!\d)", "\n".join(lines[:i])):
            return i
    return len(lines)


def _footnotes_after_sentence(pages: list[str]) -> list[str]:
    """Pages with each page's footnotes moved past the sentence its text breaks off at the page end, so that
    the sentence reads whole ("the agency has in" | footnotes 29-32 | "17" | "place to mitigate ...")."""
    out = list(pages)
    for k in range(len(out) - 1):
        lines = out[k].split("\n")
        start = _footnote_start(lines)
        body = [x for x in lines[:start] if x.strip()]
        if start == len(lines) or not body or _SENTENCE_END.search(body[-1].rstrip()):
            continue
        nxt = out[k + 1].split("\n")
        # the next page's first paragraph: past its page number, up to the first blank line after some text
        seen, cut = False, len(nxt)
        for j, line in enumerate(nxt):
            text = line.strip()
            if text and not (not seen and text.isdigit()):
                seen = True
            elif seen and not text:
                cut = j
                break
        out[k] = "\n".join(lines[:start])
        out[k + 1] = "\n".join([*nxt[:cut], "", *lines[start:], *nxt[cut:]])
    return out


def _item_marker(li: Any) -> str:
    """"3. " for the third item of a numbered list (a statute's paragraph number), else "- "; nothing for the one
    item of a numbered list that is all its container holds (a code site sets each section's whole text as such an
    item, "<ol class="code-list"><li>The Auditor shall ...</li></ol>", where the browser's "1." is no subsection)."""
    parent = li.parent
    if parent is None or parent.name != "ol" or "none" in str(parent.get("style", "")).replace(" ", ""):
        return "- "
    if _sole_item(li):
        return ""
    if (label := typed_label(li) or nested_counter(li)) is not None:
        return label + " "
    start = int(parent.get("start", 1)) if str(parent.get("start", "1")).isdigit() else 1
    siblings = [c for c in parent.find_all("li", recursive=False)]
    return f"{start + siblings.index(li)}. "


def _sole_item(li: Any) -> bool:
    """``li`` is the only item of its list, the list starts at 1 and is the only thing in its container."""
    ol, box = li.parent, li.parent.parent
    if box is None or str(ol.get("start", "1")) != "1" or len(ol.find_all("li", recursive=False)) != 1:
        return False
    return all(c is ol or (getattr(c, "name", None) is None and not str(c).strip()) for c in box.children)


# A cell that holds only a point or paragraph label: "(a)", "(iv)", "3.", "(12)".
_LABEL_CELL = re.compile(r"^(?:\(?[0-9]{1,3}[a-z]?\)|\(?[a-z]{1,2}\)|\((?:[ivxlc]{1,6}|[IVXLC]{1,6}|[A-Z]{1,2})\)"
                         r"|[0-9]{1,3}\.)$")


def _cell_text(cell: Any) -> str:
    """A table cell's own text: a table nested in it gives its own lines. Inline elements join their neighbours
    as in a paragraph ("(<em>a</em>)" is "(a)"); any other element starts a new word."""
    parts = []
    own = cell.find_parent("table")
    for c in cell.descendants:
        if isinstance(c, str):
            if c.find_parent("table") is own:
                parts.append(c)
        elif getattr(c, "name", None) not in _INLINE:
            parts.append(" ")
    return " ".join("".join(parts).split())


def _mark_line_numbered_tables(soup: Any) -> None:
    """A bill converted from its PDF to Markdown tables (``marker``: "| 455 | (1) (a) A controller shall ... |") keeps
    each printed line's margin number in a cell of its own; read as a line between the bill's lines, the number
    broke every sentence that ran over a line ("... described in Subsection" / "533" / "(3)(a)." read as a new point).
    A table whose first column counts its rows one by one (three or more) is such a bill's numbered lines, unless it
    counts from 1 for fewer than twenty rows: a short table of numbered items ("| 1 | Controllers shall ... |") keeps
    its numbers, the items' labels."""
    for table in soup.find_all("table"):
        numbers = []
        for tr in table.find_all("tr"):
            if tr.find_parent("table") is not table:
                continue
            cells = tr.find_all(["td", "th"], recursive=False)
            first = " ".join(cells[0].get_text().split()) if cells else ""
            if first:
                numbers.append(first)
        if (len(numbers) >= 3 and all(n.isdigit() and len(n) <= 4 for n in numbers)
                and (numbers[0] != "1" or len(numbers) >= 20)
                and all(int(b) == int(a) + 1 for a, b in zip(numbers, numbers[1:], strict=False))):
            table["data-line-numbers"] = "1"


def _row_lines(tr: Any) -> list[str]:
    """The Official Journal sets each point as a row of two cells, label and text: one line "(a) text",
    so the point keeps its label (and its lead-in) and is read once. Other rows give a line per cell; a bill's
    margin line number (``_mark_line_numbered_tables``) is no word of its line."""
    cells = [t for t in (_cell_text(c) for c in tr.find_all(["td", "th"], recursive=False)) if t]
    table = tr.find_parent("table")
    if table is not None and table.get("data-line-numbers") and cells and cells[0].isdigit():
        cells = cells[1:]
    if len(cells) >= 2 and _LABEL_CELL.match(cells[0]):
        return [" ".join(cells)]
    return cells


# A code converted to Markdown with its subdivisions as list counters (the RCW as wa-law.org keeps it: "4. ...",
# then "    a. Written notice;", then "        i. Email notice ..."): Markdown numbers only digits, so the lettered and
# Roman counters stay words at the start of paragraphs (or lines of a code block, eight spaces in) inside the numbered
# item, and the item was read as one run of text. A subdivision with no words of its own is printed "[Empty]" with its
# first child on the next line ("2. [Empty]" over "    a. ...").
_COUNTER = re.compile(r"^([a-z]{1,2}|[ivxlc]{1,6})\.(?:[ \t]+(?=\S)|[ \t]*$)")
_EMPTY_SUBDIVISION = re.compile(r"[ \t]*\[Empty\][ \t]*")
# Its counter is then a subsection's number, not a list's counter before the item's own label ("1. (a)", which the
# statute parser drops): written "1. a. Controllers shall ...", a number and its first paragraph.
_EMPTY_ITEM = re.compile(r"\s*\[Empty\]")


def _counted_paragraphs(li: Any) -> list[str] | None:
    """The lines of a list item whose paragraphs after its first open with a lettered or Roman counter, each counter
    written as the label it stands for ("a." as "(a)"), or None when no such paragraph follows (an item's own
    sentences that happen to start "i. e." are not read so: the counter must open a paragraph of its own)."""
    parts: list[str] = []
    for child in li.children:
        name = getattr(child, "name", None)
        if name in ("ul", "ol"):
            continue
        if name == "pre":
            parts.extend(" ".join(ln.split()) for ln in child.get_text().split("\n") if ln.strip())
        elif name is None:
            if str(child).strip():
                parts.append(" ".join(str(child).split()))
        else:
            parts.append(_flat_text(child))
    if len(parts) < 2 or not any(_COUNTER.match(t) for t in parts[1:]):
        return None
    out = []
    for text in parts:
        pieces = [x for x in _EMPTY_SUBDIVISION.split(text) if x]
        labels = []
        for piece in pieces:
            while (m := _COUNTER.match(piece)) is not None:
                labels.append(f"({m.group(1)})")
                piece = piece[m.end():]
            labels.append(piece)
        out.append(" ".join(x.strip() for x in labels if x.strip()))
    return [x for x in out if x]


def _labelled_paragraphs(paragraphs: list[str], marker: str) -> list[str]:
    """The paragraphs of a list item that prints its points' labels alone, each on a paragraph of its own before the
    point's words (New Zealand's reprints as converted to Markdown: "(a)", then "the information is collected for a
    lawful purpose ..."): a line per paragraph, each label joined to the words after it, the item's marker before the
    first. Run together as one line, a whole section of such points was one sentence."""
    out: list[str] = []
    label = ""
    for text in paragraphs:
        if _LABEL_CELL.match(text):
            label = f"{label} {text}".strip()  # "(d)" then "(i)": a point whose first words are its own point's
            continue
        out.extend([(marker if not out else "") + f"{label} {text}".strip(), ""])
        label = ""
    if label:
        out.extend([(marker if not out else "") + label, ""])
    return out


# Inline elements render inside a line: "(<em>1</em>)" is "(1)", not "( 1 )"; any other element breaks the line.
_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
                     "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt",
                     "u", "var"})
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "tr")
_CLOSES_PARAGRAPH = ["h1", "h2", "h3", "h4", "h5", "h6", "p"]


def _flat_text(node: Any, skip: tuple[str, ...] = ()) -> str:
    """A node's text as a browser lays it out on one line: inline elements join their neighbours without a
    space, every other element (a nested paragraph, a line break) starts a new word; ``skip`` names elements
    whose text is not this node's own (a nested list)."""
    from bs4 import NavigableString

    parts: list[str] = []
    outer = {id(x) for x in node.find_parents(skip)} if skip else set()
    for d in node.descendants:
        if skip and (inner := d.find_parent(skip)) is not None and id(inner) not in outer:
            continue
        if type(d) is NavigableString:
            parts.append(str(d))
        elif getattr(d, "name", None) and d.name not in _INLINE:
            parts.append(" ")
    return " ".join("".join(parts).split())


def _dir_runs(para: Any) -> list[str] | None:
    """A paragraph that holds ``<dir>`` blocks (a hand-made page of a slip law: "<p><dir>(i) to provide notice ...;
    and</dir>(ii) to obtain ...</p>"), read as a browser lays it out: a ``<dir>`` cannot sit inside a paragraph, so
    each is a line of its own and so is each run of words between them; run together as one line, a point took the
    next point's words and its lead-in."""
    from bs4 import NavigableString

    if para.find("dir", recursive=False) is None:
        return None
    runs: list[str] = [""]
    for child in para.children:
        if getattr(child, "name", None) == "dir":
            runs.extend([_flat_text(child), ""])
        elif type(child) is NavigableString:
            runs[-1] += str(child)
        elif getattr(child, "name", None):
            runs[-1] += _flat_text(child) if child.name in _INLINE else f" {_flat_text(child)} "
    return [x for run in runs if (text := " ".join(run.split())) for x in (text, "")]


def _hidden(tag: Any) -> bool:
    style = "".join(str(tag.get("style") or "").split()).lower()
    classes = {str(c).lower() for c in tag.get("class") or ()}
    return tag.has_attr("hidden") or "display:none" in style or bool(classes & {"hidden", "d-none"})


def _html_to_text(html: str, line_laid: bool = False) -> str:
    """Long because it is the one walk over the document: blocks in order, each read its own way (heading,
    paragraph, list item, table row), and text outside any block ("<b>§ 59.1-578. Title.</b>" between two
    sections' paragraphs) kept as a line of its own, not dropped."""
    from bs4 import BeautifulSoup, NavigableString

    soup = BeautifulSoup(html, "html.parser")
    # An <aside> is what the page sets beside its text (the D.C. Council's code page puts each section's history,
    # cross-references and editorial notes quoting other laws' "shall" in <aside class="annotations">): no part of
    # the law's words, as the page's navigation is not.
    for tag in soup(["script", "style", "head", "nav", "noscript", "aside"]):
        tag.decompose()
    # What the page hides is no part of what a reader sees: LégisQuébec repeats each history note's words in a
    # class="Hidden" span ("2021, c. 252021, c. 25, s. 1031." read as markup, "2021, c. 25, s. 103." on screen).
    for tag in soup.find_all(_hidden):
        tag.decompose()
    unwrap_layout_tables(soup)
    lay_out_legislation_page(soup)
    _mark_line_numbered_tables(soup)
    # A paragraph cannot hold a heading or another paragraph: a browser closes it there. Pages that nest them
    # anyway (leginfo's "<p><h6>1798.100.</h6> <p>(a) ...</p><p>(1) ...</p></p>") are read as the browser lays
    # them out, each inner block a line of its own, not the whole section run together as one paragraph.
    for para in soup.find_all("p"):
        if para.find(_CLOSES_PARAGRAPH) is not None:
            para.unwrap()
    lines: list[str] = []
    loose: list[str] = []
    pending = ""  # the markers of "[Empty]" items, written before the next item's line (typed_lists)
    apart: set[int] = set()  # paragraphs of a list item read as lines of their own, in document order

    def flush() -> None:
        if (paragraphs := _blank_line_paragraphs("".join(loose))) is not None:
            lines.extend(x for paragraph in paragraphs for x in ("", paragraph))
            lines.append("")
        elif text := " ".join("".join(loose).split()):
            lines.extend(["", text, ""])
        loose.clear()

    # Emit block elements in document order so headings and bullets survive as lines the splitter
    # recognises; nested lists become indented bullets; a table row is read through its cells, so a
    # paragraph inside a cell is not read twice.
    for node in soup.descendants:
        name = getattr(node, "name", None)
        if name is None:
            if type(node) is NavigableString and node.find_parent((*_BLOCKS, "td", "th", "table", "title")) is None:
                loose.append(str(node))
            continue
        if name in _INLINE:
            continue
        flush()
        if name not in _BLOCKS:
            continue
        if id(node) in apart:  # a later subsection's paragraph, read where it stands (subsection_paragraphs)
            lines.extend(["", _flat_text(node), ""])
            continue
        if name != "li" and name != "tr" and node.find_parent(["li", "p", "pre", "td", "th"]):
            continue
        if name == "tr":
            if node.find_parent(["li", "p", "pre"]) is None:
                lines.extend(x for line in _row_lines(node) for x in (line, ""))
        elif name == "li":
            depth = len(node.find_parents(["ul", "ol"])) - 1
            paragraphs = [_flat_text(p) for p in node.find_all("p", recursive=False)]
            counted = _counted_paragraphs(node)
            if any(_LABEL_CELL.match(t) for t in paragraphs):
                lines.extend(_labelled_paragraphs(paragraphs, ("  " * depth) + _item_marker(node)))
            elif (later := subsection_paragraphs(node) or section_paragraphs(node)) is not None:
                lines.extend([("  " * depth) + _item_marker(node) + paragraphs[0], ""])
                apart.update(id(x) for x in later)
            elif counted is not None:
                if _EMPTY_ITEM.match(node.get_text()):  # "1. [Empty]" over "a. ...": subsection 1, its text in (a)
                    counted[0] = re.sub(r"^\(([a-z]{1,2}|[ivxlc]{1,6})\) ", r"\1. ", counted[0])
                lines.extend(x for i, t in enumerate(counted)
                             for x in ((("  " * depth) + _item_marker(node) if i == 0 else "") + t, ""))
            else:
                own = _flat_text(node, skip=("ul", "ol"))
                if opens_empty_item(node, own):  # its number opens its first paragraph's line (typed_lists)
                    pending = run_in(pending, _item_marker(node)) if pending else ("  " * depth) + _item_marker(node)
                    continue
                line = ("  " * depth) + _item_marker(node) + own
                lines.append(run_in(pending, _item_marker(node) + own) if pending else line)
                pending = ""
        elif name == "pre" and (counted_lines := counted_code_lines(node.get_text())) is not None:
            lines.extend(counted_lines)
        elif name == "pre":
            # preformatted text keeps its line breaks (a statute pasted as "pdftotext -layout" output: its
            # subsections, points and page furniture are lines, which joined would be one run of sentences)
            lines.extend([*(ln.rstrip() for ln in node.get_text().split("\n")), ""])
        elif name.startswith("h"):
            lines.extend(["", numbered_catchline(node, _flat_text(node)), ""])
        elif line_laid and name == "p" and (laid := _laid_out_lines(node)) is not None:
            lines.extend([*laid, ""])
        elif name == "p" and (runs := _dir_runs(node)) is not None:
            lines.extend(runs)
        else:
            content = _flat_text(node)
            if content:
                lines.extend([content, ""])
    flush()
    if not lines:
        return soup.get_text("\n")
    return "\n".join(lines)
