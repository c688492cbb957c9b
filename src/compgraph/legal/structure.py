"""A document's structure: its sections (``split_sections``) and the blocks inside them.

A ``Section`` starts at a numbered heading ("1.", "4.2 Title", "Article 5") or a title-case line standing
alone; a ``Block`` is a paragraph, bullet or numbered paragraph, with the label ("**Transparency**:",
"Data Security:") that opens it. Blocks hold offsets into the original text, not copies, so whatever is
extracted from them stays a verbatim span of the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Block", "Section", "split_sections"]


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
    toc_lines = _table_of_contents(lines)
    headings, has_numbered = _headings(lines, toc_lines)
    sections = _number_sections(headings, has_numbered)

    heading_lines = {i for i, _ in headings}
    starts = [h[0] for h in headings]
    for n, sec in enumerate(sections):
        first = starts[n] + 1
        last = starts[n + 1] if n + 1 < len(starts) else len(lines)
        sec.blocks = _blocks(text, lines, offsets, first, last, heading_lines | toc_lines)
    return sections


def _table_of_contents(lines: list[str]) -> set[int]:
    """Indexes of a "Contents" line and the run of non-blank lines after it."""
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
    return toc_lines


def _headings(
    lines: list[str], toc_lines: set[int]
) -> tuple[list[tuple[int, tuple[str, str | None, str]]], bool]:
    """The heading lines (index, candidate) and whether any is numbered.

    An article title on the line after "Article 5" is added to ``toc_lines`` so it is not read as a block.
    """
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
    return headings, has_numbered


def _number_sections(
    headings: list[tuple[int, tuple[str, str | None, str]]], has_numbered: bool
) -> list[Section]:
    """One Section per heading, with its id, parent and whether it is normative (blocks come later)."""
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
