"""Document ingestion and rule-based obligation extraction.

Turns a governance document (plain text, Markdown, HTML or PDF) into the obligation catalog structure of
``docs/design.md``: sections, and one obligation per duty-bearing sentence or list item, with modality,
topic, addressee and (where the text scopes it) a risk level.

The extractor is deliberately rule-based and explainable: modal verbs and duty phrases decide modality,
document structure (headings, bullets, lead-in sentences ending in ``:``) decides granularity, and keyword
rules decide topic and addressee.  It knows nothing about any particular document; the hand-verified
catalogs under ``mappings/obligations`` are used as its gold standard by ``evaluate``.

Every extracted ``text`` is a verbatim span of the input (only whitespace differs once collapsed), so a
catalog entry can always be traced back to its source line.  ``clean_text`` exists for matching and
display, never for the stored text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "Block",
    "EvalResult",
    "ExtractedObligation",
    "IngestError",
    "Section",
    "catalog_from_text",
    "clean_text",
    "evaluate",
    "extract_obligations",
    "normalise_for_match",
    "read_document",
    "split_sections",
    "write_catalog",
]

SUPPORTED_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")


class IngestError(ValueError):
    """A document could not be read as text; the message names the file and the reason."""


# --------------------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------------------


def read_document(path: Path, max_bytes: int = 5_000_000) -> str:
    """Return the text of a .txt, .md, .html or .pdf file, raising IngestError when there is none."""
    path = Path(path)
    suffix = path.suffix.lower()
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
    else:
        raw = _decode(path, data)
        if suffix in (".md", ".markdown"):
            import markdown

            text = _html_to_text(markdown.markdown(raw, extensions=["tables"]))
        elif suffix in (".html", ".htm"):
            text = _html_to_text(raw)
        else:
            text = raw
    if not text.strip():
        raise IngestError(f"{path}: no text content")
    return text


def _decode(path: Path, data: bytes) -> str:
    # NUL bytes never occur in real text files but are everywhere in binaries (images, zips, executables).
    if b"\x00" in data[:8192]:
        raise IngestError(f"{path}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path}: not valid UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def _pdf_text(path: Path, data: bytes) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.lstrip().startswith(b"%PDF"):
        raise IngestError(f"{path}: not a PDF file (missing %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(f"{path}: PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise IngestError(f"{path}: corrupt or unreadable PDF ({exc})") from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise IngestError(f"{path}: PDF has no extractable text (scanned image?)")
    return text


def _html_to_text(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "head", "nav", "noscript"]):
        tag.decompose()
    lines: list[str] = []

    def text_of(node: Any) -> str:
        return " ".join(node.get_text(" ").split())

    # Emit block elements in document order so headings and bullets survive as lines the splitter
    # recognises; nested lists become indented bullets.
    for node in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "td"]):
        if node.find_parent(["li", "p", "pre"]) is not None and node.name != "li":
            continue
        if node.name == "li":
            own = " ".join(
                " ".join(c.get_text(" ").split()) if hasattr(c, "get_text") else " ".join(str(c).split())
                for c in node.children
                if getattr(c, "name", None) not in ("ul", "ol")
            ).strip()
            depth = len(node.find_parents(["ul", "ol"])) - 1
            lines.append(("  " * depth) + "- " + own)
        elif node.name.startswith("h"):
            lines.extend(["", text_of(node), ""])
        else:
            content = text_of(node)
            if content:
                lines.extend([content, ""])
    if not lines:
        return soup.get_text("\n")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------------
# Cleaning (for matching and display only)
# --------------------------------------------------------------------------------------------------------

_AI_CONTEXT_AFTER = (
    r"act|system|systems|model|models|office|ethics|policy|technolog\w*|tools?|development|deployment|"
    r"practices|principles|governance|literacy|officer|interaction|functionality|features?|training|"
    r"impact|behaviou?r|workflows|operations|applications?|solutions?|platforms?|innovation|use|usage|"
    r"term|definition|basics|considerations|projects?|components?|initiatives?|washing|risk|regulations?|"
    r"technologies|content|decisions?|outputs?|services?|products?|performance|experts?|education"
)
_AI_CONTEXT_BEFORE = (
    r"the|an|of|in|by|for|with|on|about|and|or|to|responsible|trustworthy|green|general-purpose|our|"
    r"eco-friendly|ethical|use|using|apply|explainable|from|into|are|is"
)
_AL_AFTER_RE = re.compile(rf"^(?:-|[.,;:)]|\s*$|\s+(?:{_AI_CONTEXT_AFTER})\b)", re.I)
_AL_BEFORE_RE = re.compile(rf"\b(?:{_AI_CONTEXT_BEFORE})\s+$", re.I)


def _fix_al(text: str) -> str:
    """Replace OCR's "Al" with "AI" where the context says it means artificial intelligence."""

    def repl(m: re.Match[str]) -> str:
        before = text[max(0, m.start() - 40) : m.start()]
        after = text[m.end() : m.end() + 40]
        if _AL_AFTER_RE.match(after) or _AL_BEFORE_RE.search(before):
            return "AI"
        return m.group(0)

    return re.sub(r"\bAl\b", repl, text)


_LTD_RE = re.compile(r"\b(?:Itd|ltd)\b")


def clean_text(text: str) -> str:
    """Undo extraction damage: hyphenation, page breaks, broken bullets and OCR confusions.

    The result is for matching and display; catalogs keep the verbatim text.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = text.split("\n")
    out: list[str] = []
    for raw in lines:
        line = raw.rstrip()
        stripped = line.strip()
        # A lone number between blank lines is a page number left behind by PDF extraction.
        if re.fullmatch(r"\d{1,3}", stripped):
            continue
        # "•" is the bullet glyph when it opens a line; mid-line it is extraction debris.
        line = re.sub(r"^(\s*)•\s*", r"\1- ", line)
        line = re.sub(r"(?<=\S)\s+•\s+", " ", line)
        # "o " is how OCR renders the hollow sub-bullet glyph.
        line = re.sub(r"^\s*-?\s*o\s+(?=[A-Z])", "  - ", line)
        out.append(line)

    # Join continuation lines: a block that ended mid-sentence continues on the next non-blank line when
    # that starts in lower case, possibly behind an orphan "- " bullet marker.
    joined: list[str] = []
    pending_blank = 0
    for line in out:
        if not line.strip():
            pending_blank += 1
            continue
        cont = re.match(r"^\s*(?:-\s+)?(?!o\s)([a-z].*)$", line)
        if joined and cont and not re.search(r"[.:;!?]\**\s*$", joined[-1]):
            prev = joined[-1]
            if prev.endswith("-") and not prev.endswith(" -"):
                joined[-1] = prev[:-1] + cont.group(1)
            else:
                joined[-1] = prev + " " + cont.group(1)
            pending_blank = 0
            continue
        if joined and pending_blank:
            joined.append("")
        pending_blank = 0
        joined.append(line)
    text = "\n".join(joined)

    # De-hyphenate words split at a line end ("energy-\nefficient").
    text = re.sub(r"(\w)-\n\s*(\w)", r"\1\2", text)
    text = _LTD_RE.sub("Ltd", text)
    text = _fix_al(text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


def normalise_for_match(text: str) -> str:
    """Lower-case, OCR-fixed, punctuation-free form used to compare obligation texts."""
    text = clean_text(text).replace("**", " ")
    text = text.lower().replace("’", "'")
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return " ".join(text.split())


# --------------------------------------------------------------------------------------------------------
# Structure
# --------------------------------------------------------------------------------------------------------


@dataclass
class Block:
    """A paragraph, bullet or numbered paragraph; ``start``/``end`` index the original text."""

    kind: str  # paragraph | bullet | numbered
    level: int
    start: int  # offset of the content (after any bullet marker)
    end: int
    line: int  # 1-based line of ``start``
    label: str | None = None
    label_end: int | None = None  # offset where content after the label starts

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@dataclass
class Section:
    id: str
    title: str
    number: str | None
    line: int
    parent: str | None = None
    normative: bool = True
    blocks: list[Block] = field(default_factory=list)


_NON_NORMATIVE = re.compile(
    r"^(introduction|purpose|scope|purpose and scope|definitions?|glossary|terms and definitions|"
    r"conclusions?|disclaimer|(table of )?contents|references|bibliography|acknowledg(e)?ments|"
    r"about this (document|policy|code)|overview|preamble|foreword|subject matter)$",
    re.IGNORECASE,
)
_NUMBERED_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?[ \t]+(\S.*?)\s*$")
_ARTICLE_HEADING = re.compile(
    r"^(Article|Section|Chapter|Part|Clause)[ \t]+(\d+[A-Za-z]?|[IVXLC]+)\b[ \t]*[-–—:.]?[ \t]*(.*?)\s*$"
)
_BULLET = re.compile(r"^([ \t]*)(?:[-•*\u2022\u25aa\u25cf]|o(?=[ \t]))[ \t]+")
_SUB_MARK = re.compile(r"^(?:o|-|•)[ \t]+")
_ENUM = re.compile(r"^[ \t]*(?:\(?(\d{1,2}|[a-zA-Z])[.)])[ \t]+(?=\S)")
_PAGE_NUMBER = re.compile(r"^[ \t]*\d{1,3}[ \t]*$")
_SMALL_WORDS = {"a", "an", "and", "or", "of", "the", "for", "in", "on", "to", "with", "by", "at", "from", "vs"}
_LABEL_BOLD = re.compile(r"^\*\*(.{1,80}?)\*\*[ \t]*:[ \t]*")
_LABEL_PLAIN = re.compile(r"^([A-Z][A-Za-z0-9/&,()'’ -]{0,70}?):(?:[ \t]+|$)")
_MODAL_WORD = re.compile(r"\b(must|shall|should|will|may|can|is|are|we)\b", re.IGNORECASE)


def _is_title_case(title: str) -> bool:
    words = [w for w in re.split(r"[\s/]+", title) if w]
    if not words or not words[0][:1].isupper():
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    capitalised = [w for w in content if w[:1].isupper()]
    return len(capitalised) >= max(1, 0.6 * len(content))


def _heading_candidate(line: str, prev_blank: bool) -> tuple[str, str | None, str] | None:
    """Classify a line as a heading: ("numbered"|"article"|"plain", number, title) or None."""
    if "\t" in line or re.search(r"\S {3,}\S", line):
        return None  # tables, tab-separated table-of-contents entries, signature lines
    stripped = line.strip()
    if not stripped or len(stripped) > 90 or _BULLET.match(line):
        return None
    m = _ARTICLE_HEADING.match(stripped)
    if m and len(m.group(3).split()) <= 12 and not m.group(3).endswith("."):
        return ("article", m.group(2), (f"{m.group(1)} {m.group(2)}" + (f" {m.group(3)}" if m.group(3) else "")))
    m = _NUMBERED_HEADING.match(stripped)
    if m:
        title = m.group(2)
        if (
            len(title.split()) <= 10
            and not re.search(r"[.;:,!?]$", title)
            and title[:1].isupper()
            and not _LABEL_BOLD.match(title)
            and _is_title_case(title)
        ):
            return ("numbered", m.group(1), title)
        return None
    if not prev_blank:
        return None
    if (
        len(stripped.split()) <= 10
        and not re.search(r"[.;:,!?]$", stripped)
        and ":" not in stripped
        and not re.search(r"[\[\]{}@#\d]", stripped)
        and not stripped.startswith(("*", "("))
        and _is_title_case(stripped)
    ):
        return ("plain", None, stripped)
    return None


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    for m in re.finditer("\n", text):
        offsets.append(m.end())
    return offsets


def split_sections(text: str) -> list[Section]:
    """Find the document's sections and the paragraphs, bullets and numbered paragraphs inside them.

    Headings are numbered ("1.", "4.2 Title", "Article 5") or unnumbered title-case lines standing alone
    after a blank line.  Text before the first heading (title page) and a table of contents are not part
    of any section.  In a document with numbered headings an unnumbered line only counts as a heading when
    numbering restarts at 1 under it (a "part"), which keeps signature and contact lines out.
    """
    lines = text.split("\n")
    offsets = _line_offsets(text)

    # Locate a table of contents: a "Contents" line and the run of non-blank lines after it.
    toc_lines: set[int] = set()
    for i, line in enumerate(lines):
        if re.fullmatch(r"\s*(table of )?contents\s*", line, re.IGNORECASE):
            toc_lines.add(i)
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            while j < len(lines) and lines[j].strip():
                toc_lines.add(j)
                j += 1
            break
    toc_end = max(toc_lines) if toc_lines else -1
    first_text = next((i for i, ln in enumerate(lines) if ln.strip()), 0)

    candidates: list[tuple[int, tuple[str, str | None, str]]] = []
    for i, line in enumerate(lines):
        if i in toc_lines or i <= toc_end:
            continue
        prev_blank = i == 0 or not lines[i - 1].strip()
        cand = _heading_candidate(line, prev_blank)
        if cand and cand[0] == "plain" and i == first_text:
            continue  # the document title, not a section
        if cand and cand[0] == "article" and cand[2].split()[-1] == cand[1]:
            # "Article 5" with its title on the next line, as regulations are usually typeset.
            j = i + 1
            title_line = lines[j].strip() if j < len(lines) else ""
            if title_line and len(title_line.split()) <= 12 and not re.search(r"[.;:,]$", title_line) \
                    and title_line[:1].isupper() and not _ENUM.match(lines[j]):
                cand = (cand[0], cand[1], f"{cand[2]} {title_line}")
                toc_lines.add(j)
        if cand:
            candidates.append((i, cand))

    has_numbered = any(c[0] in ("numbered", "article") for _, c in candidates)
    headings: list[tuple[int, tuple[str, str | None, str]]] = []
    for idx, (i, cand) in enumerate(candidates):
        if cand[0] == "plain" and has_numbered:
            nxt = candidates[idx + 1][1] if idx + 1 < len(candidates) else None
            if not (nxt and nxt[0] == "numbered" and nxt[1] == "1"):
                continue
        headings.append((i, cand))

    # Assign ids.
    sections: list[Section] = []
    plain_titles = [c[2] for _, c in headings if c[0] == "plain"]
    part = 0
    ordinal = 0 if plain_titles and re.match(r"(?i)(introduction|preamble|foreword)$", plain_titles[0]) else 1
    for i, (kind, number, title) in ((i, c) for i, c in headings):
        if kind == "plain":
            if has_numbered:
                part += 1
                sec = Section(id=str(part), title=title, number=None, line=i + 1)
            else:
                sec = Section(id=f"{ordinal:02d}", title=title, number=None, line=i + 1)
                ordinal += 1
        else:
            assert number is not None
            sid = f"{part}.{number}" if part else number
            parent = sid.rsplit(".", 1)[0] if "." in sid else None
            sec = Section(id=sid, title=title if kind == "numbered" else title, number=number, line=i + 1,
                          parent=parent)
        sections.append(sec)
    by_id = {s.id: s for s in sections}
    for sec in sections:
        title = re.sub(r"^(Article|Section|Chapter|Part|Clause)\s+\S+\s*[-–—:.]?\s*", "", sec.title)
        sec.normative = not _NON_NORMATIVE.match(title.strip())
        parent = by_id.get(sec.parent) if sec.parent else None
        while parent is not None:
            if not parent.normative:
                sec.normative = False
            parent = by_id.get(parent.parent) if parent.parent else None

    # Blocks.
    heading_lines = {i for i, _ in headings}
    starts = [h[0] for h in headings]
    for n, sec in enumerate(sections):
        first = starts[n] + 1
        last = starts[n + 1] if n + 1 < len(starts) else len(lines)
        sec.blocks = _blocks(text, lines, offsets, first, last, heading_lines | toc_lines)
    return sections


def _strip_marker(line: str) -> tuple[str, int, int, int] | None:
    """Return (kind, level, marker_length) for a bullet or enumerated line, else None."""
    m = _BULLET.match(line)
    if m:
        indent = len(m.group(1).expandtabs(4))
        pos = m.end()
        level = 1 if indent >= 1 else 0
        if line[m.end() - 2 : m.end() - 1] == "o" or line.lstrip().startswith("o "):
            level = 1
        rest = line[pos:]
        sub = _SUB_MARK.match(rest)
        if sub:
            level = 1
            pos += sub.end()
            rest = line[pos:]
        num = re.match(r"^\d{1,2}\.[ \t]+", rest)
        if num:
            pos += num.end()
        return ("bullet", level, pos, 0)
    m = _ENUM.match(line)
    if m:
        indent = len(line) - len(line.lstrip())
        return ("numbered", 1 if indent >= 2 else 0, m.end(), 0)
    return None


def _blocks(
    text: str, lines: list[str], offsets: list[int], first: int, last: int, skip: set[int]
) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    gap = False
    for i in range(first, last):
        line = lines[i]
        if i in skip:
            current = None
            continue
        if not line.strip() or _PAGE_NUMBER.match(line):
            gap = True
            continue
        marker = _strip_marker(line)
        line_start = offsets[i]
        line_end = line_start + len(line.rstrip())
        prev_open = current is not None and not re.search(r"[.:;!?]\**[\"”’)]?\s*$", text[current.start : current.end])
        lower_cont = re.match(r"^[ \t]*(?:-[ \t]+)?(?!o[ \t])[a-z]", line)
        if current is not None and prev_open and lower_cont:
            # Continuation across a page break or a bullet wrongly opened by OCR.
            current.end = line_end
            gap = False
            continue
        if marker is None and current is not None and not gap:
            current.end = line_end
            continue
        if marker is None:
            content_start = line_start + (len(line) - len(line.lstrip()))
            current = Block("paragraph", 0, content_start, line_end, i + 1)
        else:
            kind, level, pos, _ = marker
            current = Block(kind, level, line_start + pos, line_end, i + 1)
        blocks.append(current)
        gap = False
    for block in blocks:
        _find_label(text, block)
    return blocks


def _find_label(text: str, block: Block) -> None:
    content = text[block.start : block.end]
    m = _LABEL_BOLD.match(content)
    if m is None and block.kind != "paragraph":
        m = _LABEL_PLAIN.match(content)
        if m and (len(m.group(1).split()) > 8 or _MODAL_WORD.search(m.group(1))):
            m = None
    if m is None and block.kind != "paragraph":
        # A bold label without a colon ("**Transparency** text") is rare; bold alone is not a label.
        return
    if m:
        block.label = m.group(1).strip("* ")
        block.label_end = block.start + m.end()


# --------------------------------------------------------------------------------------------------------
# Modality, topic, addressee rules
# --------------------------------------------------------------------------------------------------------

_PROHIBITION = [
    re.compile(r"\b(?:must|shall|should|may|will|can)(?: \w+ly)? (?:not|never)\b", re.I),
    re.compile(r"\bcannot\b(?= be used| use)", re.I),
    re.compile(r"\b(?:we|you|employees|staff|users|deployers|providers)(?: \w+ly)? never\b", re.I),
    re.compile(r"\brefrain(?:s|ing)? from\b", re.I),
    re.compile(r"\b(?:is|are)(?: strictly)? (?:prohibited|forbidden|not permitted|not allowed)\b", re.I),
    re.compile(r"^(?:do not|don't|never)\b", re.I),
]
_IMPERATIVE = re.compile(
    r"^(?:(?:for|to|in|with|when|before|after|if)\b[^,]{0,100}, )?(?:please )?"
    r"(ensure|refer|adhere|gain|confirm|review|use|report|consult|obtain|keep|check|verify|"
    r"document|protect|seek|inform|notify|complete|follow|update|avoid|make|read|familiari[sz]e|regularly|"
    r"always|do not|never)\b",
    re.I,
)
_AVOID_IMPERATIVE = re.compile(r"(?:^|,? and )avoid(?:ing)? \w+ing\b", re.I)

_MANDATORY = [
    re.compile(r"\b(?:must|shall)\b", re.I),
    re.compile(r"\b(?:is|are|am)(?: \w+ly)? (?:required|obligated|obliged|bound) to\b", re.I),
    re.compile(r"\b(?:is|are)(?: \w+ly)? (?:responsible|accountable|liable) for\b", re.I),
    re.compile(r"\b(?:is|are) tasked with\b", re.I),
    re.compile(r"\bneeds? to\b", re.I),
    re.compile(
        r"\bit is (?:imperative|essential|crucial|necessary|vital|mandatory)\b"
        r"(?! to (?:recognize|recognise|acknowledge|note|understand|remember|realise|realize) that)"
        r"(?! for \w+ to (?:recognize|recognise|acknowledge|note|understand) that)",
        re.I,
    ),
    re.compile(r"\bit is (?:our|your|their|the \w+'s) (?:duty|responsibility|obligation)\b", re.I),
    re.compile(r"^(?:[A-Z]\w*(?: [A-Z]\w*)? (?:Ltd|Itd|ltd|Inc|LLC|plc|GmbH)|We|The company|The organi[sz]ation)"
               r" requires?\b"),
]
_RECOMMENDED = [
    re.compile(r"\bshould\b", re.I),
    re.compile(r"\bought to\b", re.I),
    re.compile(r"\b(?:is|are)(?: \w+ly)? (?:expected|encouraged|recommended|advised|invited) to\b", re.I),
    re.compile(r"\bit is (?:recommended|advisable|good practice)\b", re.I),
]
_COMMITMENT = [
    re.compile(r"\bwill\b", re.I),
    re.compile(r"\b(?:is|are) committed to\b", re.I),
    re.compile(r"\bwe (?:commit|undertake|pledge)\b", re.I),
    re.compile(r"\b(?:has|have) established\b", re.I),
    re.compile(r"\bmakes? the following\b", re.I),
    re.compile(r"\bfollows? (?:a|an|the) [\w\s-]*?(?:process|procedure)\b", re.I),
]
_WE_PRESENT = re.compile(
    r"^We (?!will\b|must\b|should\b|shall\b|may\b|can\b|could\b|would\b|believe|recogni[sz]e|demonstrate|"
    r"embrace|encourage|aim|hope|understand|know|acknowledge|are\b|were\b|have\b|had\b|do\b|did\b|think|see\b|"
    r"feel|want|invite|welcome|look)[a-z]+\b"
)
_ACTOR = (
    r"(?:providers?|deployers?|users?|employees?|staff|we|you|they|operators?|importers?|distributors?|"
    r"authorities|authority|member states|persons?|individuals?|customers?|committee|office|organi[sz]ations?|"
    r"company|companies|it)"
)
_PERMISSION = [
    re.compile(
        rf"\b{_ACTOR} may (?!not\b|be\b|include|involve|result|vary|affect|impact|apply|lead|contain|differ|"
        r"need|have|cause|become|occur|arise|also be|marginali[sz]e|exclude|pose)\w+",
        re.I,
    ),
    re.compile(r"\b(?:is|are) (?:permitted|allowed|entitled|free) to\b", re.I),
    re.compile(r"\b(?:has|have) the right to\b", re.I),
]
_SKIP_SENTENCE = re.compile(
    r"^(?:this (?:section|code|document|chapter|part|policy applies|policy aims)\b|this (?:includes|involves|may)|"
    r"by (?:\w+ing)\b|example\b|for example\b|e\.g\.)",
    re.I,
)

_MODALITY_ORDER = ("prohibition", "mandatory", "recommended", "commitment", "permission")


def detect_modality(sentence: str, kind: str = "policy") -> tuple[str | None, bool]:
    """Return (modality, explicit) for one sentence.

    ``explicit`` is False for implicit duty forms (imperatives, "We design ..." present-tense statements)
    which a list's lead-in may override.
    """
    s = " ".join(sentence.split())
    s = re.sub(r"^\*\*[^*]+\*\*\s*:\s*", "", s)
    if _SKIP_SENTENCE.match(s):
        return None, False
    positive: list[tuple[int, str]] = []
    for name, rules in (("mandatory", _MANDATORY), ("recommended", _RECOMMENDED),
                        ("commitment", _COMMITMENT), ("permission", _PERMISSION)):
        for rule in rules:
            m = rule.search(s)
            if m:
                positive.append((m.start(), name))
    prohibited = any(rule.search(s) for rule in _PROHIBITION)
    if prohibited and (positive or _IMPERATIVE.match(s) or re.match(r"^(?:do not|don't|never)\b", s, re.I)):
        return "prohibition", True
    if prohibited and re.search(r"\b(?:must|shall|should|may|will|can)(?: \w+ly)? (?:not|never)\b", s, re.I):
        return "prohibition", True
    if positive:
        positive.sort()
        return positive[0][1], True
    if kind == "policy":
        if _IMPERATIVE.match(s):
            if _AVOID_IMPERATIVE.search(s):
                return "prohibition", False
            return "mandatory", False
        if _WE_PRESENT.match(s):
            return "commitment", False
    return None, False


_TOPIC_RULES: list[tuple[str, str]] = [
    ("human-oversight", r"human (?:oversight|review|control|intervention|involvement|judg(?:e)?ment)|"
                        r"without human|override|\boversee"),
    ("sustainability", r"environment|energy|carbon|sustainab|eco-|green al|green ai"),
    ("fairness", r"\bbias|discriminat|fairness|\bfair\b|equit"),
    ("privacy", r"privacy|personal data|confidential|anonymi|pseudonymi|\bgdpr\b|client information"),
    ("security", r"security|cyber|encrypt|vulnerabilit|penetration|secure|malicious"),
    ("data-governance", r"data governance|data quality|data minimi|retention|provenance|training data|"
                        r"customer data|datasets?|data sources|data transfers|data processing|data used"),
    ("ai-literacy", r"training|education|literacy|awareness|learning|expertise|onboarding|workshops?"),
    ("inclusive-design", r"inclusiv|accessib|diversity|diverse|language|gender|cultural|user-centered"),
    ("impact-assessment", r"impact assessment|risk assessment|vulnerability assessment|assess(?:ment)?s? of|"
                          r"\bimpacts?\b|risk management|risk classification|risks?\b"),
    ("stakeholder-engagement", r"stakeholder|engage|consult|communit|collaborat|feedback"),
    ("reporting", r"\breport|grievance|whistleblow|complain|investigat|enforcement|violation|remediat|"
                  r"incident|notify affected"),
    ("documentation", r"document|records?\b|record-keeping|version control"),
    ("monitoring", r"monitor|audit|\bkpis?\b|drift|performance|periodic review|review"),
    ("transparency", r"transparen|disclos|explain|explainab|\bnotif|inform|communicat|interacting with|"
                     r"acknowledge"),
    ("tool-use", r"\btools?\b|approved|sanctioned|authori[sz]ed instruments|utilities"),
    ("governance", r"\bai office\b|committee|governance|policy|approval|roles?\b|responsibilit|decision-making"),
    ("accountability", r"accountab|responsib|ownership"),
    ("robustness", r"robust|reliab|safety|\bsafe|testing|validation|fail"),
    ("compliance", r"compl(?:y|iance|iant)|regulat|\blaws?\b|legal"),
    ("ethics", r"ethic|deceive|harm|dignity|fundamental rights"),
]
_TOPIC_RES = [(t, re.compile(p, re.I)) for t, p in _TOPIC_RULES]


def detect_topic(label: str | None, text: str, section_title: str) -> str:
    """Topic slug by weighted keyword hits: bullet label x3, section title x2, statement x1.

    Ties go to the earlier (more specific) rule in ``_TOPIC_RULES``.
    """
    scores: dict[str, float] = {}
    for source, weight in ((label or "", 3.0), (section_title, 2.0), (text, 1.0)):
        for topic, rule in _TOPIC_RES:
            hits = len(rule.findall(source))
            if hits:
                scores[topic] = scores.get(topic, 0.0) + weight * min(hits, 3)
    if not scores:
        return "compliance"
    order = {t: i for i, (t, _) in enumerate(_TOPIC_RULES)}
    return max(scores, key=lambda t: (scores[t], -order[t]))


_ADDRESSEE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("committee", re.compile(r"\b(?:ai office|ethics committee|committee|ethics board|oversight body)\b", re.I)),
    ("management", re.compile(r"\b(?:ceo|leadership|executives?|department heads?|senior leader|board of "
                              r"directors|management team)\b", re.I)),
    ("provider", re.compile(r"\bproviders?\b", re.I)),
    ("deployer", re.compile(r"\bdeployers?\b", re.I)),
    ("employee", re.compile(r"\b(?:employees?|staff(?: members?)?|personnel|you|your|engineering|data scien\w*|"
                            r"product manag\w*|legal/compliance|customer success|developers?|team)\b", re.I)),
    ("organisation", re.compile(r"\b(?:we|our company|the company|organi[sz]ation|ltd|itd|inc|business owner|"
                                r"member states?)\b", re.I)),
]


def detect_addressee(subject: str) -> str | None:
    """Role named in a subject phrase; the mention nearest the verb wins ("Given our size (50 employees),
    Mozart Ltd will" binds the organisation)."""
    best: tuple[int, int, str] | None = None
    for rank, (role, rule) in enumerate(_ADDRESSEE_RULES):
        for m in rule.finditer(subject):
            key = (m.end(), -rank, role)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


def _subject_area(sentence: str) -> str:
    """The words before the first duty marker, plus the clause after an impersonal "it is ... that"."""
    s = " ".join(sentence.split())
    first = len(s)
    for rules in (_MANDATORY, _RECOMMENDED, _COMMITMENT, _PERMISSION, _PROHIBITION):
        for rule in rules:
            m = rule.search(s)
            if m and m.start() < first:
                first = m.start()
    subject = s[:first]
    if _IMPERATIVE.match(s):
        return "you " + subject  # an imperative addresses the reader
    m = re.search(r"\bit is [\w\s]+? (?:that|for) ((?:\w+ ){1,4})", s, re.I)
    if m:
        subject += " " + m.group(1)
    return subject


def _risk_level(text: str) -> str | None:
    levels = set(m.group(1).lower() for m in re.finditer(r"\b(low|medium|high)[- ]risk\b", text, re.I))
    if len(levels) != 1:
        return None
    level = levels.pop()
    # Only a statement scoped to one level binds to it; a passing mention ("particularly in high-risk
    # applications") does not narrow a general duty.
    scoped = re.search(rf"^(?:\*\*)?{level}[- ]risk\b|\bfor {level}[- ]risk\b", text, re.I)
    return level if scoped else None


# --------------------------------------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------------------------------------


@dataclass
class ExtractedObligation:
    id: str
    section: str
    section_title: str
    line: int
    text: str
    modality: str
    topic: str
    addressee: str | None = None
    applies_to_risk: str | None = None
    start: int = 0  # offsets into the input, for tooling
    end: int = 0


_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "Ltd.", "Inc.", "No.", "vs.", "cf.", "Art.", "para.")


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] into sentence spans (offsets into text)."""
    spans: list[tuple[int, int]] = []
    s = start
    for m in re.finditer(r"(?<=[.!?])[\"”’)]?(?=\s+[\"“(\[]?[A-Z])", text[start:end]):
        cut = start + m.end()
        piece = text[s:cut]
        if any(piece.rstrip().endswith(a) for a in _ABBREVIATIONS):
            continue
        spans.append((s, cut))
        s = cut
    spans.append((s, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        # Word-processor bookmark debris ("[bookmark: _Hlk1]") is not part of the statement.
        m = re.match(r"\[(?:bookmark|_Hlk)[^\]]*\]", text[a:b])
        if m:
            a += m.end()
        if b > a:
            out.append((a, b))
    return out


def _infer_kind(text: str) -> str:
    lowered = text.lower()
    we = len(re.findall(r"\b(?:we|our)\b", lowered))
    if we >= 15 or re.search(r"\bpolicy\b", lowered[:2000]) and we >= 5:
        return "policy"
    if re.search(r"\bcode of conduct\b", lowered):
        return "code-of-conduct"
    return "regulation"


def _default_addressee(text: str, kind: str) -> str:
    lowered = text.lower()
    if kind == "policy":
        return "organisation"
    deployers = lowered.count("deployer")
    providers = lowered.count("provider")
    if deployers or providers:
        return "deployer" if deployers >= providers else "provider"
    return "organisation"


@dataclass
class _Unit:
    block: Block
    start: int
    end: int
    modality: str
    subject: str


def _clean_line(source: str, start: int) -> int:
    return source.count("\n", 0, start) + 1


def extract_obligations(text: str, prefix: str, kind: str | None = None) -> list[ExtractedObligation]:
    """Extract duty-bearing statements from ``text`` with rules over modal verbs and document structure.

    ``kind`` (policy / code-of-conduct / regulation) changes two rules: in a policy, imperatives and
    first-person present-tense statements ("We design ...") are duties.  It is inferred when omitted.
    """
    kind = kind or _infer_kind(text)
    default_addressee = _default_addressee(text, kind)
    results: list[ExtractedObligation] = []
    for section in split_sections(text):
        if not section.normative:
            continue
        units = _section_units(text, section, kind)
        for seq, unit in enumerate(units, start=1):
            span = text[unit.start : unit.end]
            label = unit.block.label
            addressee = detect_addressee(unit.subject) or default_addressee
            results.append(
                ExtractedObligation(
                    id=f"{prefix}-{section.id}-{seq:02d}",
                    section=section.id,
                    section_title=section.title,
                    line=_clean_line(text, unit.start),
                    text=" ".join(span.split()),
                    modality=unit.modality,
                    topic=detect_topic(label, clean_text(span), section.title),
                    addressee=addressee,
                    applies_to_risk=_risk_level(span),
                    start=unit.start,
                    end=unit.end,
                )
            )
    return results


_RESPONSIBILITY_SECTION = re.compile(r"\b(roles?|responsibilit(?:y|ies))\b", re.I)


def _section_units(text: str, section: Section, kind: str) -> list[_Unit]:
    units: list[_Unit] = []
    blocks = section.blocks
    # Lead-in state: (modality or None, subject) of the paragraph or bullet that ends in ":".
    top: tuple[str | None, str] | None = None
    nested: tuple[str | None, str, int] | None = None  # plus the level of the bullet that opened it
    example_next = False
    responsibilities = bool(_RESPONSIBILITY_SECTION.search(section.title))

    for idx, block in enumerate(blocks):
        content_start = block.label_end if block.label_end is not None else block.start
        raw = text[block.start : block.end]
        if example_next:
            example_next = False
            continue
        if re.fullmatch(r"\s*\[[^\]]*\]\s*", raw, re.S):
            continue  # template placeholder
        nxt = blocks[idx + 1] if idx + 1 < len(blocks) else None
        ends_colon = bool(re.search(r":\**\s*$", raw))
        if block.kind == "paragraph" and re.match(r"(?i)(?:example|sample)\b[^\n]*:\s*(?:\n|$)", raw):
            # Sample wording ("Example Transparency Statement:") illustrates, it does not bind.
            example_next = ends_colon and "\n" not in raw.strip()
            continue

        is_item = block.kind in ("bullet", "numbered")
        sentences = _sentences(text, content_start, block.end)
        if not sentences:
            # A bullet that is only a label ("3. Review Requirements:") can still open a sub-list.
            sentences = [(block.start, block.end)]
        analysed = [(a, b, *detect_modality(text[a:b], kind)) for a, b in sentences]

        # Work out whether this block sits in a list and what it inherits.
        inherited: tuple[str | None, str] | None = None
        if is_item:
            if nested is not None and (
                block.level > nested[2]
                or (block.label is None and not any(e for *_, e in analysed) and block.level == nested[2])
            ):
                inherited = (nested[0], nested[1])
            else:
                nested = None
                inherited = top
        else:
            top = None
            nested = None

        opens_list = ends_colon and nxt is not None and nxt.kind in ("bullet", "numbered") and (
            not is_item or nxt.level > block.level or (nxt.label is None and block.label is not None)
        )
        if opens_list:
            last_a, last_b, lead_mod, _ = analysed[-1]
            subject = _subject_area(text[last_a:last_b])
            if block.label is not None and block.label_end is not None and not text[block.label_end:block.end].strip():
                # A bare label ("3. Review Requirements:") has no verb; only its wording can carry a duty.
                lead_mod = "mandatory" if re.search(r"(?i)\brequire", block.label) else None
                subject = ""
            if lead_mod is None and inherited is not None:
                lead_mod, subject = inherited[0], inherited[1] + " " + subject
            if not lead_mod and re.search(r"\bthe following (?:procedures|processes|steps|commitments|measures|"
                                          r"requirements|rules)\b", text[last_a:last_b], re.I):
                lead_mod = "mandatory" if kind != "policy" else "commitment"
            if is_item:
                nested = (lead_mod, subject, block.level)
            else:
                top = (lead_mod, subject)
            analysed = analysed[:-1]

        own = [(a, b, m, e) for a, b, m, e in analysed if m]
        explicit = [x for x in own if x[3]]
        if is_item and inherited is not None and inherited[0] and not explicit:
            we_statements = [x for x in own if _WE_PRESENT.match(" ".join(text[x[0]:x[1]].split()))]
            if we_statements and not opens_list:
                for a, b, _m, _e in we_statements:
                    # Fall back to the lead-in subject when the statement names no role.
                    subject = _subject_area(text[a:b])
                    if _IMPERATIVE.match(" ".join(text[a:b].split())) or not detect_addressee(subject):
                        subject = inherited[1]
                    units.append(_Unit(block, a, b, inherited[0], subject))
            elif not opens_list:
                start = block.start
                units.append(_Unit(block, start, block.end, inherited[0], _item_subject(text, block, inherited[1])))
            continue
        if is_item and not own and responsibilities and not opens_list and block.label:
            units.append(_Unit(block, block.start, block.end, "mandatory", _item_subject(text, block, "")))
            continue
        for a, b, m, _e in own:
            subject = _subject_area(text[a:b])
            if is_item and inherited is not None and not detect_addressee(subject):
                subject += " " + inherited[1]
            units.append(_Unit(block, a, b, m, subject))
    return units


def _item_subject(text: str, block: Block, lead_subject: str) -> str:
    """Who an item without its own subject binds: a role opening the item, a "by <role>" agent, the label
    in a roles section, else the lead-in's subject."""
    content = " ".join(text[block.label_end or block.start : block.end].split())
    m = re.match(r"^(?:\w+ ){0,2}?(?:ai ethics committee|committee|ai office|product managers?|employees|"
                 r"engineering leads?|department heads?|ceo|leadership)\b", content, re.I)
    if m:
        return m.group(0)
    m = re.search(r"\bby (?:the |at least one |an? )?((?:\w+ ){0,3}?(?:head|committee(?: member)?|office|"
                  r"team|manager|officer))\b", content, re.I)
    if m:
        return m.group(1)
    if block.label and _RESPONSIBILITY_SECTION.search(block.label) is None and detect_addressee(block.label):
        role = detect_addressee(block.label)
        if role in ("committee", "management") or lead_subject == "":
            return block.label
    return lead_subject


# --------------------------------------------------------------------------------------------------------
# Catalogs
# --------------------------------------------------------------------------------------------------------


def catalog_from_text(text: str, doc_meta: dict[str, Any]) -> dict[str, Any]:
    """Build the design.md catalog structure (document, sections, obligations) for one document.

    ``doc_meta`` supplies the ``document`` block and must contain ``prefix``; ``kind`` (policy,
    code-of-conduct, regulation) is passed to the extractor when given.
    """
    if "prefix" not in doc_meta:
        raise ValueError("doc_meta needs a 'prefix' for obligation ids")
    kind = doc_meta.get("kind")
    obligations = extract_obligations(text, doc_meta["prefix"], kind=kind)
    sections = [{"id": s.id, "title": s.title} for s in split_sections(text)]
    entries = []
    for ob in obligations:
        entry: dict[str, Any] = {
            "id": ob.id,
            "section": ob.section,
            "line": ob.line,
            "text": ob.text,
            "modality": ob.modality,
            "topic": ob.topic,
        }
        if ob.addressee:
            entry["addressee"] = ob.addressee
        if ob.applies_to_risk:
            entry["applies_to_risk"] = ob.applies_to_risk
        entries.append(entry)
    return {"document": dict(doc_meta), "sections": sections, "obligations": entries}


def write_catalog(catalog: dict[str, Any], path: Path) -> None:
    """Write a catalog as YAML in design.md field order, keeping non-ASCII text readable."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        yaml.safe_dump(catalog, fh, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=False)


# --------------------------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------------------------


@dataclass
class EvalResult:
    precision: float
    recall: float
    modality_accuracy: float
    matched: list[tuple[Any, Any]]
    false_positives: list[Any]
    false_negatives: list[Any]

    def __str__(self) -> str:
        return (f"precision {self.precision:.3f} recall {self.recall:.3f} "
                f"modality accuracy {self.modality_accuracy:.3f} "
                f"({len(self.matched)} matched, {len(self.false_positives)} spurious, "
                f"{len(self.false_negatives)} missed)")


def _field(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def _tokens(text: str) -> list[str]:
    return normalise_for_match(text).split()


def spans_match(a: str, b: str) -> bool:
    """The matching rule of ``evaluate``.

    Two obligation texts match when, after normalisation (OCR fixes, lower case, punctuation and Markdown
    emphasis removed), one contains the other as a token sequence, or their token sets have Jaccard
    similarity >= 0.5.
    """
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    sa, sb = " ".join(ta), " ".join(tb)
    if f" {sa} " in f" {sb} " or f" {sb} " in f" {sa} ":
        return True
    set_a, set_b = set(ta), set(tb)
    return len(set_a & set_b) / len(set_a | set_b) >= 0.5


def _similarity(a: str, b: str) -> float:
    set_a, set_b = set(_tokens(a)), set(_tokens(b))
    if not set_a or not set_b:
        return 0.0
    return len(set_a & set_b) / len(set_a | set_b)


def evaluate(predicted: Iterable[Any], gold: Iterable[Any]) -> EvalResult:
    """Score predicted obligations against gold ones (dicts or ExtractedObligation objects).

    Matching is one-to-one and greedy by text similarity, using ``spans_match``.  Precision is matched /
    predicted, recall matched / gold, and modality accuracy the share of matched pairs whose modality
    agrees.
    """
    predicted = list(predicted)
    gold = list(gold)
    candidates: list[tuple[float, int, int]] = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            pt, gt = _field(p, "text") or "", _field(g, "text") or ""
            if spans_match(pt, gt):
                candidates.append((_similarity(pt, gt), i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched: list[tuple[Any, Any]] = []
    for _sim, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        matched.append((predicted[i], gold[j]))
    correct = sum(1 for p, g in matched if _field(p, "modality") == _field(g, "modality"))
    return EvalResult(
        precision=len(matched) / len(predicted) if predicted else 0.0,
        recall=len(matched) / len(gold) if gold else 0.0,
        modality_accuracy=correct / len(matched) if matched else 0.0,
        matched=matched,
        false_positives=[p for i, p in enumerate(predicted) if i not in used_p],
        false_negatives=[g for j, g in enumerate(gold) if j not in used_g],
    )
