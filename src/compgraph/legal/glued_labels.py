"""Labels glued to their words: a code scraped from a publisher's XML loses the space after each label.

The New York City Charter as an index built from American Legal Publishing's XML prints a section on one line with
its subdivision letters and paragraph numbers run into the words: "a.Each agency shall publish ..., a regulatory
agenda which shall contain: 1a brief description ...; 2a summary ...; and 5an approximate schedule ... b.Each
agency ...", "c. Hearing. 1All parties shall be afforded ...". Read as printed, "b.Each" and "1All" are words: no
sentence ends before them and no point opens. :func:`unglue_labels` gives each label a paragraph of its own, "(a)"
and "(1)", as the code's other editions print them.

Only a line whose glued letters run "a.", "b." ... in order (two at least, one glued) is read so, and within each
of its subdivisions only numbers that run from 1 in order; a number is glued when a letter or "(" follows it at
once ("3(a)News media"). A catchline the scraper moved after the colon of a lead-in ("which shall include: Notice.
1a statement") is dropped, so that the lead-in still ends in its colon.
"""

from __future__ import annotations

import re

__all__ = ["unglue_labels"]

# "a.Each", " b.The", "involved. b.Agencies", "c. Hearing": a letter, a full stop and a capital (a space allowed once
# the line has shown glued ones); at the line's start or after a space.
_LETTER = re.compile(r"(?:(?<=^)|(?<=\s))([a-z])\.(\s?)(?=[A-Z])")
# "1a brief", "2a summary", "1All parties", "3(a)News": a number glued to a word or a label, after a space.
_NUMBER = re.compile(r"(?:(?<=^)|(?<=\s))(\d{1,2})(?=[A-Za-z(])(?![a-z]{0,2}\b[.)])")
# "which shall include: Notice. 1a statement": a moved catchline between a lead-in's colon and its first point.
_MOVED_CATCHLINE = re.compile(r":\s+[A-Z][a-z]+(?:\s+[a-z]+){0,3}\.\s+(?=1[A-Za-z(])")


def _letter_starts(line: str) -> list[tuple[int, int]]:
    """(start, end) of each subdivision letter of a glued line, in order from "a", or [] for any other line."""
    found: list[tuple[int, int]] = []
    glued = 0
    for m in _LETTER.finditer(line):
        if ord(m.group(1)) - ord("a") == len(found):
            found.append((m.start(), m.end()))
            glued += not m.group(2)
    return found if len(found) >= 2 and glued else []


def _numbered(segment: str) -> str:
    """The segment with its glued paragraph numbers, those running from 1 in order, each opening a paragraph."""
    segment = _MOVED_CATCHLINE.sub(": ", segment)
    out, last, expected = [], 0, 1
    for m in _NUMBER.finditer(segment):
        if int(m.group(1)) != expected:
            continue
        out.append(segment[last : m.start()].rstrip())
        out.append(f"\n\n({expected}) ")
        last, expected = m.end(), expected + 1
    if expected <= 2:  # no run of paragraphs ("1a" alone may be a word)
        return segment
    out.append(segment[last:])
    return "".join(out)


def unglue_labels(raw: str) -> str:
    """``raw`` with every line whose labels are glued to their words split at them ("a.Each" -> "(a) Each")."""
    lines = raw.split("\n")
    for i, line in enumerate(lines):
        starts = _letter_starts(line)
        if not starts:
            continue
        parts = [_numbered(line[: starts[0][0]])] if line[: starts[0][0]].strip() else []
        for k, (_start, end) in enumerate(starts):
            stop = starts[k + 1][0] if k + 1 < len(starts) else len(line)
            parts.append(f"({chr(ord('a') + k)}) " + _numbered(line[end:stop]).strip())
        lines[i] = "\n\n".join(part.rstrip() for part in parts)
    return "\n".join(lines)
