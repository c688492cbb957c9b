"""Points whose labels a PDF's text conversion set apart from their words, or whose lines it swapped.

Where a statute's PDF sets a list's labels in a column of their own, a converter that reads the page by columns
prints the labels first and the points' words after them: "(a)" / "(b)" / "facilitate the custodian's compliance with
this Act;" / "ensure that all agents of the custodian are appropriately" / "informed of their duties under the Act;"
(Nova Scotia's Personal Health Information Act, s. 67(1), as a repository converted the Legislature's PDF). Read so,
"(a)" is an empty point and "(b)" holds both points' words, so one duty is lost and the other cited wrongly.
``stacked_labels_dealt`` gives each label, in order, the next point's words: lines up to one that ends a point (with
";", ",", "." or "; and" / "; or"), as many points as there were labels, none of them opening with a label of its own.

The same converter may print a point's last line beside its label and its first line after it ("(c) practices;" /
"respond to inquiries about the custodian's information"): ``stacked_labels_dealt`` puts a label's few words that
end a point after the unlabelled line that follows, when that line opens in lower case and ends no point.

The lines emptied are blanked, not removed, so line numbers still point into the source.
"""

from __future__ import annotations

import re

__all__ = ["stacked_labels_dealt"]

_BARE_LABEL = re.compile(r"^[ \t]*(\((?:[a-z]{1,2}|[ivx]{1,5}|\d{1,3}[A-Z]?)\))[ \t]*$")
_LABELLED = re.compile(r"^[ \t]*\((?:[a-z]{1,2}|[ivx]{1,5}|\d{1,3}[A-Z]?)\)[ \t]")
_POINT_END = re.compile(r"(?:[;,.]|[;,][ \t]+(?:and|or))[ \t]*$")
# a label's words that are the end of its point's last line: a few lower-case words that end the point
_TAIL_BESIDE_LABEL = re.compile(r"^[ \t]*(\((?:[a-z]{1,2}|[ivx]{1,5})\))[ \t]+([a-z][\w’'-]*(?:[ \t]+[\w’'-]+){0,3}"
                                r"(?:[;,.]|[;,][ \t]+(?:and|or)))[ \t]*$")


def _nonblank(lines: list[str], i: int) -> int | None:
    return next((j for j in range(i, len(lines)) if lines[j].strip()), None)


def _deal(lines: list[str], i: int) -> int:
    """Deal the words after a run of bare labels starting at line ``i`` out to them; the index to go on from."""
    labels: list[int] = []
    j: int | None = i
    while j is not None and _BARE_LABEL.match(lines[j]):
        labels.append(j)
        j = _nonblank(lines, j + 1)
    if len(labels) < 2 or j is None:
        return i + 1
    starts: list[int] = []
    while j is not None and len(starts) < len(labels):
        if _BARE_LABEL.match(lines[j]) or _LABELLED.match(lines[j]) or not lines[j].lstrip()[:1].islower():
            return i + 1  # fewer points than labels before the next label: not this layout
        starts.append(j)
        while j is not None and not _POINT_END.search(lines[j]):
            j = _nonblank(lines, j + 1)
            if j is not None and (_BARE_LABEL.match(lines[j]) or _LABELLED.match(lines[j])):
                return i + 1
        j = _nonblank(lines, j + 1) if j is not None else None
    if len(starts) < len(labels):
        return i + 1
    for label_at, start in zip(labels, starts, strict=True):
        lines[start] = f"{lines[label_at].strip()} {lines[start].lstrip()}"
        lines[label_at] = ""
    return starts[-1] + 1


def stacked_labels_dealt(text: str) -> str:
    """``text`` with stacked labels dealt to their points and a point's swapped lines put back (the module's doc)."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        tail = _TAIL_BESIDE_LABEL.match(lines[i])
        if tail:
            nxt = _nonblank(lines, i + 1)
            if nxt is not None and lines[nxt].lstrip()[:1].islower() and not _POINT_END.search(lines[nxt]) \
                    and not _LABELLED.match(lines[nxt]):
                lines[i] = f"{tail.group(1)} {lines[nxt].strip()} {tail.group(2)}"
                lines[nxt] = ""
                i = nxt + 1
                continue
        i = _deal(lines, i) if _BARE_LABEL.match(lines[i]) else i + 1
    return "\n".join(lines)
