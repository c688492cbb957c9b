"""A section's number, or a point's label, that a PDF's text conversion set on a line of its own away from its words.

Saskatchewan's consolidated Acts print a section's number run into its first subsection ("17(1)  A trustee must:"); a
converter that reads the page line by line may set the number on a line of its own, the words after a blank line
("17(1)" / blank / " A trustee must:"). Read so, the number opens nothing, and the section's points are cited under
the section before it. ``stranded_labels_joined`` sets such a number (a section's, with its first subsection's label
"(1)", "18.1(1)") before the sentence below it, as the consolidation prints it.

The same converter may print a point's label after the point's first line ("... when the trustee ceases to be a
trustee; or" / "for the purpose of combining records containing personal health" / blank / "(d)" / "information."):
read so, "(d)" is an empty point and the line above it a lead-in of its own (so where a reader joined the label to
the words after it, "(d) information."). Where a list is under way (the line
before ends a lead-in with ":" or a point with ";", "; and" or "; or"), an unlabelled line opening in lower case and
ending no point, followed by a label and words that go on in lower case (on its line or the next), is that label's
point: the label and
the stranded line are set before the words that go on ("(d) for the purpose of combining ... health information.").

The lines emptied are blanked, not removed, so line numbers still point into the source.
"""

from __future__ import annotations

import re

__all__ = ["stranded_labels_joined"]

_SECTION_FIRST = re.compile(r"^[ \t]*(\d{1,3}(?:\.\d{1,2})?[A-Z]?\(1\))[ \t]*$")
_SENTENCE = re.compile(r"^[ \t]*[A-Z][\w’'-]*[ \t]+\S")
# a point's label, bare or with the words a reader joined to it ("(d) information.")
_LABEL_FIRST = re.compile(r"^[ \t]*(\((?:[a-z]{1,2}|[ivx]{1,5})\))[ \t]*(.*?)[ \t]*$")
_LABELLED = re.compile(r"^[ \t]*\((?:[a-z]{1,2}|[ivx]{1,5}|\d{1,3}(?:\.\d)?)\)")
_LIST_UNDER_WAY = re.compile(r"(?::|;|;[ \t]+(?:and|or))[ \t]*$")
_POINT_END = re.compile(r"[;:,.][ \t]*$|;[ \t]+(?:and|or)[ \t]*$")


def _nonblank(lines: list[str], i: int, step: int) -> int | None:
    """The nearest non-blank line from ``i`` in direction ``step``, across one blank line at most."""
    for j in (i + step, i + 2 * step):
        if not 0 <= j < len(lines):
            return None
        if lines[j].strip():
            return j
    return None


def _opens_lower(line: str) -> bool:
    return line.lstrip()[:1].islower()


def stranded_labels_joined(text: str) -> str:
    """``text`` with stranded section numbers and point labels set before their words (the module's doc)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        number = _SECTION_FIRST.match(line)
        if number:
            below = _nonblank(lines, i, 1)
            if below is not None and _SENTENCE.match(lines[below]):
                lines[below] = f"{number.group(1)}  {lines[below].lstrip()}"
                lines[i] = ""
            continue
        label = _LABEL_FIRST.match(line)
        if not label:
            continue
        words = label.group(2)
        # the stranded line stands a blank line above the label, and is more than a bare "and" / "or" (a PDF's text
        # layer breaks "...; and" / "(c) the metrics ..." so, with no blank line)
        stranded = i - 2 if i >= 2 and not lines[i - 1].strip() and len(lines[i - 2].split()) >= 3 else None
        goes_on = i if words else _nonblank(lines, i, 1)
        if stranded is None or goes_on is None or _LABELLED.match(lines[stranded]) \
                or not _opens_lower(lines[stranded]) or _POINT_END.search(lines[stranded]) \
                or not _opens_lower(words or lines[goes_on]):
            continue
        before = _nonblank(lines, stranded, -1)
        if before is None or not _LIST_UNDER_WAY.search(lines[before]):
            continue
        lines[goes_on] = f"{label.group(1)}  {lines[stranded].strip()} {(words or lines[goes_on]).lstrip()}"
        lines[stranded] = ""
        if goes_on != i:
            lines[i] = ""
    return "\n".join(lines)
