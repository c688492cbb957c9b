"""An HTML ordered list's own counters, and the pieces of a list a Markdown converter split off it.

A page generated from Markdown with a lettered-list plugin (wa-law.org's session laws: ``<ol type="a">`` for a
section's paragraphs, ``<ol type="i">`` for their subparagraphs) prints its counters as the browser does, "a.",
"iv.", never in its text; read as digits ("1.", "2.") every paragraph was another subsection and every lead-in's
points more sentences of it. An item is read as the label the list's ``type`` and ``start`` give it, "(a)",
"(iv)", "(B)", "(II)". A subsection whose words are all in its paragraphs is printed "[Empty]" over its list: its
number opens the first paragraph's line instead ("1. a. Except as provided ...", as the Markdown reader writes it).
The converter's Markdown nested one level too deep became a code block after the lists closed ("    ii. All
affiliates ...", "d. A consumer may ..."): a code block whose every line opens with a counter is that list's
continuation, each line the point its counter labels.
"""

from __future__ import annotations

import re
from typing import Any

_KINDS = ("a", "A", "i", "I")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
EMPTY_ITEM = "[Empty]"


def letters(n: int) -> str:
    """The n-th lower-case letter label: a, b, ..., z, aa, ab, ... (as browsers count lettered lists)."""
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def roman(n: int) -> str:
    """``n`` in lower-case Roman numerals."""
    out = ""
    for value, numeral in _ROMAN:
        while n >= value:
            out, n = out + numeral, n - value
    return out


def typed_label(li: Any) -> str | None:
    """"(c)" for the third item of ``<ol type="a">``, "(iv)" for the fourth of ``type="i"`` (counting from its
    ``start``), "(B)" and "(II)" for the capital kinds; None for an item of a list numbered in digits or bulleted."""
    parent = li.parent
    if parent is None or parent.name != "ol" or str(parent.get("type", "1")) not in _KINDS:
        return None
    kind = str(parent.get("type"))
    first = str(parent.get("start", "1"))
    n = (int(first) if first.isdigit() else 1) + parent.find_all("li", recursive=False).index(li)
    label = letters(n) if kind in "aA" else roman(n)
    return f"({label.upper() if kind.isupper() else label})"


def opens_empty_item(li: Any, own_text: str) -> bool:
    """``li`` is a subdivision printed "[Empty]" whose words are all in the lettered or Roman list it holds."""
    return own_text == EMPTY_ITEM and any(
        str(ol.get("type", "1")) in _KINDS for ol in li.find_all("ol", recursive=False))


def run_in(pending: str, line: str) -> str:
    """``line`` with the markers of the "[Empty]" items above it before its own ("1. " and "(a) Except ..." give
    "1. a. Except ..."): a number and its first paragraph, the paragraph's label written as a counter, as the
    Markdown reader writes it; a label below that keeps its parentheses ("1. a. (i) Except ...")."""
    if re.fullmatch(r"[ \t]*\d{1,3}\. ", pending):
        return pending + re.sub(r"^\((\w{1,6})\) ", r"\1. ", line)
    return pending + line


_COUNTED_LINE = re.compile(r"^[ \t]*([a-z]|[ivxl]{1,6})\.[ \t]+(?=\S)")


def counted_code_lines(text: str) -> list[str] | None:
    """The lines of a code block that continues a list ("    ii. All affiliates ..." then "d. A consumer may
    ..."), each counter written as the label it stands for ("(ii) All affiliates ...") and a blank line after
    each; None unless every line with words opens with a counter."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines or not all(_COUNTED_LINE.match(ln) for ln in lines):
        return None
    out: list[str] = []
    for ln in lines:
        m = _COUNTED_LINE.match(ln)
        assert m is not None
        out.extend([f"({m.group(1)}) " + " ".join(ln[m.end():].split()), ""])
    return out
