"""A bill's text layer with its margin line numbers: every line of the act led by the number the page prints beside it.

A legislature's bill PDF numbers its lines in the margin, and a tool that takes the text layer and saves it as
Markdown or plain text keeps those numbers at the head of each line ("6 possession, custody, or control, each
licensee shall" / "7 develop, implement, and maintain ..."), restarting at 1 with each section ("1 375.1405. 1.
Commensurate ..."), and keeps the running page header between two lines of a sentence ("SB 1108 6"). Read as
printed, the numbers are words of the sentence, no line opens a section or a point, and the file, with no blank line
in it, is one paragraph.

:func:`strip_margin_numbers` recognises such a text (most of its lines after the first numbered one are numbered,
the numbers run on by one and restart at 1) and gives it back as paragraphs: the numbers and the running headers
(a short line ending in a page number, its start repeated with the page numbers rising) dropped, a line that opens
with a section number or a label ("375.1405.", "2.", "(4)", "(a)", "a.") opening a paragraph when the line before
it closes a clause (":", ";", "." or a wrapped "and"/"or"), and a line where the numbering restarts at 1 opening
one. The lines before the numbering (the bill's cover) are a paragraph each. Any other text is returned unchanged.
"""

from __future__ import annotations

import re

__all__ = ["strip_margin_numbers"]

_NUMBERED = re.compile(r"^(\d{1,3}) (?=\S)")
# "SB 1108 6", "HB 2316 12": a short line that ends in a page number
_HEADER = re.compile(r"^(\S.{0,28}?) (\d{1,3})$")
# a section number ("375.1405.", "Section A."), a subsection ("2."), a subdivision ("(4)"), a paragraph ("(a)",
# "a.") or a roman item ("(iv)")
_OPENS = re.compile(r"^(?:\d+\.\d+[A-Za-z]?\.\s|Section [A-Z0-9]+\.\s|\d{1,2}\.\s|\(\d{1,2}\)\s|\([a-z]{1,4}\)\s"
                    r"|[a-z]\.\s)")
_CLOSES = re.compile(r"(?:[:;.]|\band|\bor)$")
# A cross-reference wrapped at its last label ("... to satisfy paragraphs (a), (b), or" / "(c) of this subdivision,
# for only those ..."): the label is the end of a reference, not a point's opening.
_REFERENCE_END = re.compile(r"^\([a-z0-9]{1,4}\)\s+(?:of|or|and|to|through)\b")
_MIN_NUMBERED = 20


def _running_headers(lines: list[str]) -> set[int]:
    """Indexes of the lines that are a page header: the same start, at least twice, with rising page numbers."""
    seen: dict[str, list[tuple[int, int]]] = {}
    for i, line in enumerate(lines):
        m = _HEADER.match(line.strip())
        if m and not _NUMBERED.match(line) and not m.group(1)[0].isdigit():
            seen.setdefault(m.group(1), []).append((i, int(m.group(2))))
    found: set[int] = set()
    for hits in seen.values():
        pages = [p for _, p in hits]
        if len(hits) >= 2 and pages == sorted(pages) and len(set(pages)) == len(pages):
            found.update(i for i, _ in hits)
    return found


def _implied_first_lines(lines: list[str], numbers: list[int | None], headers: set[int]) -> None:
    """Number 1 the unprinted first line of each numbered run: the line just before a line numbered 2.

    A House bill's text layer prints no number beside a section's first line ("1.566. 1. Any private entity ...")
    and numbers the lines after it from 2; without this the numbering never starts at 1 and the text is read with
    its numbers as words.
    """
    previous: int | None = None
    for i, line in enumerate(lines):
        if i in headers or not line.strip():
            continue
        if numbers[i] == 2 and previous is not None and numbers[previous] is None:
            numbers[previous] = 1
        previous = i


def _numbering(lines: list[str], headers: set[int]) -> tuple[int, list[int | None]] | None:
    """(index of the first numbered line, each line's margin number or None) for a margin-numbered text."""
    numbers: list[int | None] = [int(m.group(1)) if (m := _NUMBERED.match(line)) else None for line in lines]
    _implied_first_lines(lines, numbers, headers)
    first = next((i for i, n in enumerate(numbers) if n == 1), None)
    if first is None:
        return None
    body = [n for i, n in enumerate(numbers[first:], start=first) if i not in headers and lines[i].strip()]
    counted = [n for n in body if n is not None]
    if len(counted) < _MIN_NUMBERED or len(counted) < 0.9 * len(body):
        return None
    steps = sum(1 for a, b in zip(counted, counted[1:], strict=False) if b in (a + 1, 1))
    if steps < 0.95 * (len(counted) - 1):
        return None
    return first, numbers


def strip_margin_numbers(raw: str) -> str:
    """``raw`` without its margin line numbers and running page headers, in paragraphs; unchanged if it has none."""
    lines = raw.split("\n")
    headers = _running_headers(lines)
    numbering = _numbering(lines, headers)
    if numbering is None:
        return raw
    first, numbers = numbering
    paragraphs: list[list[str]] = [[line.strip()] for line in lines[:first] if line.strip()]
    current: list[str] = []
    for i in range(first, len(lines)):
        if i in headers or not lines[i].strip():
            continue
        number = numbers[i]
        printed = _NUMBERED.match(lines[i])
        text = lines[i][printed.end():] if printed else lines[i]
        text = text.strip()
        opens = number == 1 or (bool(_OPENS.match(text)) and not _REFERENCE_END.match(text) and bool(current)
                                and bool(_CLOSES.search(current[-1])))
        if opens and current:
            paragraphs.append(current)
            current = []
        if current and current[-1].endswith("-") and text[:1].islower():  # "forty-five-" / "day": a wrapped compound
            current[-1] += text
        else:
            current.append(text)
    if current:
        paragraphs.append(current)
    text = "\n\n".join(" ".join(p) for p in paragraphs) + "\n"
    return _without_deletions(text) if _DELETIONS_NOTE.search(raw) else text


# The bill's own note: "Matter enclosed in bold-faced brackets [thus] in this bill is not enacted and is intended
# to be omitted in the law." The text layer keeps the bold brackets as plain ones.
_DELETIONS_NOTE = re.compile(r"enclosed\s+in\s+(?:bold-faced\s+)?brackets\s+\[thus\]", re.I)
_DELETION = re.compile(r"[ \t]*\[(?!thus\])[^\[\]\n]{1,400}\]")


def _without_deletions(text: str) -> str:
    """``text`` without the words the bill strikes: "Made [without unreasonable delay] within fourteen business
    days" is the law's "Made within fourteen business days", "shall have [exclusive] authority" its "shall have
    authority", "shall not [to] exceed" its "shall not exceed"; read with them, the deleted words are taken as the
    duty's own (and "[exclusive] authority" is no longer a power)."""
    return _DELETION.sub("", text)
