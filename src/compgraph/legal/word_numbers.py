"""The numbers of a Word file's numbered headings and multilevel list items, written into their text before pandoc.

A policy's clauses are most often headings numbered by a multilevel list that Word ties to the heading styles ("1.
Purpose", "1.1 Staff shall ...", "2. Oversight"): no number is in the text, each comes from the list definition the
style names. Pandoc numbers list paragraphs but drops a heading's number, so "1.1" and "2.1" would reach the extractor
as bare sentences, cited as "whole text". Here each heading paragraph that carries numbering, directly or through its
style, gets its number as Word shows it: the level's text ("%1.%2") filled with the list's counters, each in its
level's format, counted over every paragraph of the list in document order (list items too, so a heading after
them counts on), a level restarting when one above it moves, a list instance's start override restarting it.

A list whose items show the levels above them ("1.1", "2.3.1") is numbered here too, items and all, and its numbering
switched off for pandoc: HTML numbers each level of a list alone, so pandoc's reading would label "1.1" as "(a)".
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

__all__ = ["number_headings"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"heading [1-9]", re.I)
_PARAGRAPH_START = re.compile(r"<w:p(?=[\s>/])[^>]*?(/?)>")
_PROPERTIES = re.compile(r"\s*<w:pPr\b.*?</w:pPr>|\s*<w:pPr\b[^>]*/>", re.S)
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False  # isLgl: every level's number shown in decimal


@dataclass
class _Lists:
    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    instance: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId -> abstract, start overrides


def number_headings(document: str, styles: bytes | None, numbering: bytes | None) -> str:
    """``document`` (the body part) with each numbered heading's and multilevel list item's number written into it;
    unchanged when it has none. ``styles`` and ``numbering`` are the package's parts of those names, if it has them."""
    if numbering is None:
        return document  # no list definitions
    try:
        style_root = ET.fromstring(styles) if styles is not None else ET.Element("s")
        labels = _labels(ET.fromstring(document), style_root, _lists(ET.fromstring(numbering)))
    except ET.ParseError:
        return document  # pandoc reads what it can of a part the standard parser refuses, and the check after it
    return _insert(document, labels) if labels else document


def _lists(root: ET.Element) -> _Lists:
    found = _Lists()
    for abstract in root.iter(f"{W}abstractNum"):
        levels = found.abstract.setdefault(abstract.get(f"{W}abstractNumId", ""), {})
        for lvl in abstract.iter(f"{W}lvl"):
            level = _Level()
            for child in lvl:
                value = child.get(f"{W}val", "")
                if child.tag == f"{W}start" and value.isdigit():
                    level.start = int(value)
                elif child.tag == f"{W}numFmt":
                    level.fmt = value
                elif child.tag == f"{W}lvlText":
                    level.text = value
                elif child.tag == f"{W}isLgl":
                    level.legal = value not in ("0", "false", "off")
            levels[_int(lvl.get(f"{W}ilvl"))] = level
    for num in root.iter(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        overrides = {}
        for override in num.iter(f"{W}lvlOverride"):
            start = override.find(f"{W}startOverride")
            if start is not None and start.get(f"{W}val", "").isdigit():
                overrides[_int(override.get(f"{W}ilvl"))] = _int(start.get(f"{W}val"), 1)
        if ref is not None:
            found.instance[num.get(f"{W}numId", "")] = (ref.get(f"{W}val", ""), overrides)
    return found


def _int(value: str | None, default: int = 0) -> int:
    return int(value) if value is not None and value.isdigit() else default


def _labels(document: ET.Element, styles: ET.Element, lists: _Lists) -> dict[int, tuple[str, bool]]:
    """Paragraph (its place among the document's ``w:p`` start tags) -> the number it shows, and whether its list
    numbering is to be switched off (a list item of a list pandoc cannot number; a heading's is dropped anyway)."""
    by_id = {s.get(f"{W}styleId", ""): s for s in styles.iter(f"{W}style")}
    counters: dict[str, dict[int, int]] = {}
    seen: set[str] = set()
    labels: dict[int, tuple[str, bool]] = {}
    for place, paragraph in enumerate(document.iter(f"{W}p")):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        chain = _chain(by_id, style.get(f"{W}val", "") if style is not None else "")
        num_id, level = _numbering(paragraph, chain)
        if num_id is None or num_id not in lists.instance:
            continue
        abstract, overrides = lists.instance[num_id]
        levels = lists.abstract.get(abstract, {})
        counts = counters.setdefault(abstract, {})
        if num_id not in seen:
            seen.add(num_id)
            for lvl, start in overrides.items():  # a new instance that restarts the list where it says
                counts.pop(lvl, None)
                counts[lvl] = start - 1
        counts[level] = counts.get(level, levels.get(level, _Level()).start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        heading = any(_HEADING_NAME.fullmatch(_name(s)) for s in chain)
        if heading or _multilevel(levels):
            label = _label(levels, counts, level)
            if label:
                labels[place] = (label, not heading)
    return labels


def _multilevel(levels: dict[int, _Level]) -> bool:
    """Whether a level's number shows the levels above it ("%1.%2"): HTML's lists, and so pandoc's, number each level
    alone, so such a list's items would read "(a)" where Word shows "1.1"."""
    return any(len(re.findall(r"%[1-9]", level.text)) > 1 for level in levels.values())


def _chain(by_id: dict[str, ET.Element], style_id: str) -> list[ET.Element]:
    """The paragraph's style and the styles it is based on, nearest first (a loop stops where it closes)."""
    chain: list[ET.Element] = []
    while style_id in by_id and by_id[style_id] not in chain:
        chain.append(by_id[style_id])
        based = by_id[style_id].find(f"{W}basedOn")
        style_id = based.get(f"{W}val", "") if based is not None else ""
    return chain


def _name(style: ET.Element) -> str:
    name = style.find(f"{W}name")
    return name.get(f"{W}val", "") if name is not None else ""


def _numbering(paragraph: ET.Element, chain: list[ET.Element]) -> tuple[str | None, int]:
    """The list instance and level of a paragraph: its own numPr's, else its style's (numId 0 switches it off)."""
    num_id: str | None = None
    level: int | None = None
    for props in [paragraph.find(f"{W}pPr/{W}numPr"), *(s.find(f"{W}pPr/{W}numPr") for s in chain)]:
        if props is None:
            continue
        ref, lvl = props.find(f"{W}numId"), props.find(f"{W}ilvl")
        if num_id is None and ref is not None:
            num_id = ref.get(f"{W}val", "")
        if level is None and lvl is not None and lvl.get(f"{W}val", "").isdigit():
            level = int(lvl.get(f"{W}val", "0"))
    return (None if num_id in (None, "0") else num_id), level or 0


def _label(levels: dict[int, _Level], counts: dict[int, int], level: int) -> str:
    own = levels.get(level, _Level())
    if own.fmt in ("bullet", "none") or not own.text:
        return ""

    def number(match: re.Match[str]) -> str:
        k = int(match.group(1)) - 1
        at = levels.get(k, _Level())
        value = counts.get(k, at.start)
        return _format(value, "decimal" if own.legal and k < level else at.fmt)

    return re.sub(r"%([1-9])", number, own.text).strip()


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        roman, left = "", value
        for amount, digits in _ROMAN:
            while left >= amount:
                roman, left = roman + digits, left - amount
        return roman if fmt == "lowerRoman" else roman.upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


# A clause number of two levels or more ("1.1", "2.3.1.") stands on a line of its own above the clause, as a policy
# instrument's XML lays it out and the extractor reads it (cited "1.1", "1.2(a)"); run into the words, "1.1 Staff
# shall ..." is read as printed text, the second sentence of section 1. A part's or an article's number stays in its
# heading ("1. Purpose", "Part II Deployers").
_CLAUSE_NUMBER = re.compile(r"\d+(?:\.\d+)+\.?")


_NUMBERING = re.compile(r"<w:numPr\b.*?</w:numPr>|<w:numPr\b[^>]*/>", re.S)
_NO_NUMBERING = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'


def _insert(document: str, labels: dict[int, tuple[str, bool]]) -> str:
    """``document`` with each label at the start of its paragraph's content (after its properties), or a clause
    number as a paragraph of its own before it; a list item taken over has its numbering switched off."""
    pieces: list[str] = []
    last = 0
    for place, start in enumerate(_PARAGRAPH_START.finditer(document)):
        if place not in labels or start.group(1):  # not labelled, or an empty <w:p/>
            continue
        text, off = labels[place]
        label = _escape(text)
        props = _PROPERTIES.match(document, start.end())
        at = props.end() if props else start.end()
        own = props.group(0) if props else ""
        if off:  # numId 0: no numbering, whatever the style says
            own = _NUMBERING.sub(_NO_NUMBERING, own) if _NUMBERING.search(own) else \
                re.sub(r"(<w:pPr\b[^>/]*>(?:\s*<w:pStyle\b[^>]*/>)?)", r"\1" + _NO_NUMBERING, own, count=1)
        if _CLAUSE_NUMBER.fullmatch(text):
            # "1.1." as Word shows it is clause 1.1: with the stop the extractor takes the line for a run-in point
            number = label.rstrip(".")
            pieces += [document[last:start.start()], f"<w:p><w:r><w:t>{number}</w:t></w:r></w:p>",
                       document[start.start():start.end()], own]
        else:
            pieces += [document[last:start.end()], own, f'<w:r><w:t xml:space="preserve">{label} </w:t></w:r>']
        last = at
    return "".join(pieces) + document[last:]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
