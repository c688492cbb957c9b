"""A Markdown table's rows printed as text: the points of an article that a converter wrote as two-column tables.

A converter of EUR-Lex pages writes each point as a one-row pipe table ("| (a) | the gender pay gap; |" then
"| --- | --- |"); when that Markdown is rendered without a table extension and printed, the PDF's text keeps the
pipes: "| (a) | the gender pay gap; | | --- | --- |", the cell wrapped over lines when it is long. The label hides
behind the "|", so the point is read as a line of the lead-in's paragraph and the lead-in gets no points.
"""

from __future__ import annotations

import re

# "| (a) | " at a line's start: a point's label in the table's first cell. Only bracketed labels, so that a real
# table of figures ("| 2024 | 5 % |") is left alone.
_LABEL_CELL = re.compile(r"^[ \t]*\|[ \t]*(\((?:\d{1,3}|[a-z]{1,4})\))[ \t]*\|[ \t]*", re.M)
# the cell's closing "|" and the header rule printed after it ("| | --- | --- |"), where the point ends
_ROW_END = re.compile(r"[ \t]*\|[ \t]*\|[ \t]*:?-{3,}:?[ \t]*\|[ \t]*:?-{3,}:?[ \t]*\|[ \t]*$", re.M)


def unpipe_points(text: str) -> str:
    """``text`` with each printed one-row point table "| (a) | words | | --- | --- |" as the point "(a) words"."""
    if "|" not in text or not _ROW_END.search(text):
        return text
    return _LABEL_CELL.sub(r"\1 ", _ROW_END.sub("", text))
