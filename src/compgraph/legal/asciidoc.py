"""AsciiDoc read as the page it renders: headings, and ordered lists whose numbers are the list's own counters.

A code published as AsciiDoc (wa-law.org's ``.adoc`` copy of every RCW chapter) prints a title ``= 19.375 -
Biometric identifiers.``, attribute lines (``:toc:``), sections ``== 19.375.020 - Enrollment, ...``, and its
subsections, paragraphs and subparagraphs as ordered-list items with no number in the text at all: ``. A person may
not ...``, ``.. Is consistent with ...``, ``... Comply with a court order ...``. AsciiDoc numbers them as it renders
them, arabic, then lower-alpha, lower-roman, upper-alpha, upper-roman by depth, counting each list from one under
its parent; read as plain text the dots were words, no line had a label, no lead-in reached its points and every
duty was cited "whole text". Each item is written as the Markdown reader writes a wa-law.org list ("1. A person may
not ...", "(a) Is consistent with ...", "(i) Comply with ..."), a subdivision printed "[Empty]" running into its first
child's line ("3. a. ..."), and a URL macro (``http://...[2017 c 299 § 3]``) as its text.
"""

from __future__ import annotations

import re

from compgraph.legal.typed_lists import EMPTY_ITEM, letters, roman, run_in

__all__ = ["asciidoc_to_text", "is_asciidoc"]

_TITLE = re.compile(r"^=[ \t]+\S")
_HEADING = re.compile(r"^(={1,6})[ \t]+(\S.*)$")
_ATTRIBUTE = re.compile(r"^:!?[\w][\w-]*!?:(?:[ \t].*)?$")
_ORDERED = re.compile(r"^[ \t]*(\.{1,5})[ \t]+(\S.*)$")
_UNORDERED = re.compile(r"^[ \t]*(\*{1,5})[ \t]+(\S.*)$")
_URL_MACRO = re.compile(r"\b(?:https?|ftp)://[^\s\[\]]+\[([^\]]*)\]")


def is_asciidoc(raw: str) -> bool:
    """An AsciiDoc document: its first line with words a level-0 title (``= Title``), and below it a section title
    (``== ...``) and two ordered-list items (``. ...``) at least; Markdown titles with "#" and a plain text never
    open so."""
    lines = raw.split("\n")
    first = next((ln for ln in lines if ln.strip()), "")
    if not _TITLE.match(first):
        return False
    sections = sum(1 for ln in lines if ln.startswith("== ") and ln[3:].strip())
    items = sum(1 for ln in lines if _ORDERED.match(ln))
    return sections >= 1 and items >= 2


def _counter(depth: int, n: int) -> str:
    """The label AsciiDoc prints for the n-th item of an ordered list ``depth`` dots deep."""
    if depth == 1:
        return f"{n}. "
    style = (depth - 2) % 4
    label = letters(n) if style in (0, 2) else roman(n)
    return f"({label.upper() if style in (2, 3) else label}) "


def asciidoc_to_text(raw: str) -> str:
    """The document as lines: a heading a line of its own, each list item a line with its counter as its label
    (nested items indented two spaces a level), a paragraph a line; blank lines between blocks."""
    out: list[str] = []
    counts: list[int] = []  # the counter of each open ordered list, outermost first
    pending = ""  # the labels of "[Empty]" items, written before the next item's line
    for line in raw.split("\n"):
        text = line.rstrip()
        if not text.strip():
            continue  # a blank line between items does not end an AsciiDoc list
        if _ATTRIBUTE.match(text):
            continue
        heading = _HEADING.match(text)
        ordered = _ORDERED.match(text)
        unordered = _UNORDERED.match(text)
        if heading and not ordered:
            counts, pending = [], ""
            out.extend(["", _URL_MACRO.sub(r"\1", heading.group(2).strip()), ""])
        elif ordered:
            depth = len(ordered.group(1))
            del counts[depth:]
            counts.extend([0] * (depth - len(counts)))
            counts[depth - 1] += 1
            words = _URL_MACRO.sub(r"\1", ordered.group(2).strip())
            label = _counter(depth, counts[depth - 1])
            if words == EMPTY_ITEM:
                pending = pending + label if pending else "  " * (depth - 1) + label
                continue
            out.extend([run_in(pending, label + words) if pending else "  " * (depth - 1) + label + words, ""])
            pending = ""
        elif unordered:
            out.extend(["  " * (len(unordered.group(1)) - 1) + "- " + _URL_MACRO.sub(r"\1", unordered.group(2)), ""])
        else:
            # a paragraph outside a list ends the lists above it: the next item counts from one again
            counts, pending = [], ""
            out.extend([_URL_MACRO.sub(r"\1", text.strip()), ""])
    return "\n".join(out).strip("\n") + "\n"
