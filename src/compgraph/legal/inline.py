"""Points and paragraphs that a text runs together on one line, and the value of a Roman-numeral label.

A flattened paragraph ("1. ... shall: (a) ...; (b) ... 2. ..."), a Markdown list that a renderer joined to its lead-in
("The catalog shall indicate: 1. If ...; and 2. The date ...") or two bullets a converter put on one line hold several
provisions in one physical line; ``inline_segments`` cuts such a line where each of them starts, so that
``statute.parse_provisions`` reads them as if each had a line of its own. Points are only cut in order and after a
colon or semicolon, so "(2)" or "Article 3. 4 items" inside a sentence stays in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

__all__ = ["inline_segments", "roman_value"]

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_value(label: str) -> int | None:
    """The value of a Roman numeral ("iv" -> 4, "XII" -> 12), None when ``label`` is not one."""
    s = label.lower()
    if not s or any(ch not in _ROMAN for ch in s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


_INLINE_PARAGRAPH = re.compile(r"(?<=[.;:])[ \t]+(?=(\d{1,3})\.[ \t]+[A-Z])")
# "The catalog shall indicate: 1. If ...; and 2. The date ...": numbered points that a Markdown renderer joined
# to their lead-in (a list right under a paragraph line does not open a list there).
_INLINE_NUMBER = re.compile(r"(?:(?<=[:;])|(?<=; and)|(?<=; or)|(?<=, and)|(?<=, or))[ \t]+(?=(\d{1,2})\.[ \t]+\S)")
# A consolidated text may glue a point to its lead-in and to the point before, with no space ("shall include the
# following:(a) channels ...;(b) acknowledgment ...; or(c) ..."): after a colon or semicolon the space is optional.
# (A print that sets new matter in capitals writes "...; OR (3) TRANSFER OF ...".)
_INLINE_POINT = re.compile(r"(?:(?:(?<=[:;—])|(?<=; and)|(?<=; or)|(?<=, and)|(?<=, or)|(?<=; AND)|(?<=; OR)"
                           r"|(?<=,))[ \t]+"
                           r"|(?<=[:;])|(?<=; and)|(?<=; or))"
                           r"(?=\((?:[a-z]{1,2}|[ivx]{1,5}|(\d{1,2}))\)[ \t])")
# "... national security systems. (b) INDEPENDENT AUDITOR.—Subject to ...": a subsection with the U.S. Code's capital
# catchline run on after a full stop, where a PDF conversion joined two paragraphs.
_INLINE_CATCHLINE = re.compile(r"(?<=\.)[ \t]+(?=\((?:\d{1,2}|[a-z]{1,4}|[A-Z])\)[ \t]+"
                               r"[A-Z][A-Z0-9 ,'’()-]{1,80}?\.[ \t]*[—–])")
# "... discussing: a) the progress made ...; b) the act's effectiveness ...; and d) ...": letters with one
# parenthesis, in order from "a)" after a colon.
# Markdown renders a list set right under its lead-in line as part of that paragraph ("AI Governance Boards must: -
# Be chaired by ..."), and a converter may run two bullets on one line ("... at any time. - Must centrally track
# ..."): a bullet starts where " - " and a capital follow a colon or a sentence's full stop (not a heading's
# "ARTICLE IV. - OPEN DATA").
_RUN_ON_BULLET = re.compile(r"(?:(?<=[A-Za-z)]:)|(?<=[a-z)]\.))[ \t]+(?=-[ \t]+[A-Z])")
# ("... sixteen years of age. A controller shall not discriminate ...": a sentence may open with the article "A")
_SENTENCE_AFTER_POINTS = re.compile(r"(?<=[a-z]{2}\.)[ \t]+(?=[A-Z][a-z]|A[ \t])")
# The Official Journal's indents ("— "), run on after their lead-in as a consolidated text or a JSON of articles
# prints them ("the following principles apply:— the service provider has to acknowledge ...,— the order ..."): a
# run opens after a colon and goes on after a comma or semicolon, so a dash inside a sentence stays in it.
_INLINE_INDENT = re.compile(r"(?<=[:;,])[ \t]*(?=[—–][ \t]+\S)")
# "... the chief of police or fire chief ... must: i. Report that acquisition ...; ii. Submit ...; and iii. Include
# ...": Roman numerals with a full stop, in order from "i." after a colon.
_INLINE_ROMAN_DOT = re.compile(r"(?:(?<=[:;])|(?<=; and)|(?<=; or))[ \t]+(?=([ivx]{1,5})\.[ \t]+[A-Z])")
# Richmond's charter: "The mayor and members of council may (i) communicate ..., (ii) recommend ..., or (iii) request
# ...": Roman points opened right after the modal verb they complete, the next ones after a comma.
_AFTER_MODAL = re.compile(r"(?:(?<=\smay)|(?<=\sshall)|(?<=\smust))[ \t]+(?=\(i\)[ \t]+[a-z]+[ \t])")
_NUMBERED_AFTER_STOP = re.compile(r"(?<=\.)[ \t]+(?=\((\d{1,2})\)[ \t]+[A-Z])")
_INLINE_LETTER = re.compile(r"(?:(?<=[:;])|(?<=; and)|(?<=; or))[ \t]+(?=([a-z])\)[ \t])")


def _in_order(line: str, found: Iterable[re.Match[str]], start: int,
              rank: Callable[[str], int]) -> tuple[list[int], int]:
    """Where a run of inline points begins, each labelled (group 1) one after the last ("1.", "(2)", "c)"), and
    the rank of the label expected next. Points run from a colon in order, so "(2)" after "; and" in a sentence
    that never opened "(1)" stays inside it; ``start`` above 1 goes on with a run the line before opened."""
    cuts, expected = [], start
    for m in found:
        if rank(m.group(1)) == expected and (expected > 1 or line[m.start() - 1] == ":"):
            cuts.append(m.end())
            expected += 1
    return cuts, expected


_REFERENCED = re.compile(r"\bpoints?\s+\(\w{1,4}\)(?:\s*,\s*\(\w{1,4}\))*\s*,$")


def _lettered_cuts(line: str, points: list[re.Match[str]]) -> list[int]:
    """Where inline "(a)", "(iv)" points begin: after a colon or semicolon wherever they stand, after ", and" or
    ", or" only when the point before was cut too ("For the purposes of (i) targeted advertising, (ii) the sale
    ..., or (iii) profiling" is one point listing three purposes)."""
    cuts: list[int] = []
    cut_labels: set[str] = set()
    for m in points:
        label = re.match(r"\((\w+)\)", line[m.end():]).group(1)  # type: ignore[union-attr]  # the lookahead saw it
        if _REFERENCED.search(line, 0, m.start()):
            continue  # "As regards paragraph 2, points (a), (b) and (c), where ...": labels cited, not points
        if line[:m.start()].endswith((", and", ", or", ",")):
            before = {chr(ord(label) - 1)} if len(label) == 1 else set()
            value = roman_value(label)
            if value and value > 1:
                before.add(next((r for r in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")
                                 if roman_value(r) == value - 1), ""))
            if not before & cut_labels:
                continue
        cuts.append(m.end())
        cut_labels.add(label)
    return cuts


def _indent_cuts(line: str) -> list[int]:
    """Where run-on indents begin: the first right after a colon, each next one after the comma or semicolon that
    ends the indent before it."""
    cuts: list[int] = []
    for m in _INLINE_INDENT.finditer(line):
        if cuts or line[m.start() - 1] == ":":
            cuts.append(m.end())
    return cuts


def inline_segments(line: str, point: int = 1, paragraph: int | None = None) -> tuple[list[tuple[int, str]], int]:
    """A flattened paragraph ("1. ... shall: (a) ...; (b) ... 2. ...") cut where its next label starts, and
    the number of the next inline "(n)" point it expects.

    A number only opens a paragraph when it is the next one ("2." after "1."), so "Article 3. 4 items"
    and amounts stay inside their sentence; a point only after a colon or semicolon. ``point`` carries the
    count over from the line before, where a hard-wrapped paragraph's points run on ("...: (1) can be used
    to increase agency" / "accountability and responsiveness; (2) improves public"); ``paragraph``, the number of
    the paragraph that would come next in a hard-wrapped text whose line goes on with an open one.
    """
    cuts: list[int] = []
    first = re.match(r"[ \t]*(\d{1,3})\.[ \t]", line)
    expected = int(first.group(1)) + 1 if first else paragraph
    for m in _INLINE_PARAGRAPH.finditer(line):
        if expected is not None and int(m.group(1)) == expected:
            cuts.append(m.end())
            expected += 1
    paragraphs = list(cuts)
    if not first:
        cuts += _in_order(line, _INLINE_NUMBER.finditer(line), 1, int)[0]
    points = list(_INLINE_POINT.finditer(line))
    opened = list(_AFTER_MODAL.finditer(line))
    cuts += _lettered_cuts(line, sorted(opened + [m for m in points if m.group(1) is None], key=lambda m: m.start()))
    # A run of numbered points opened after a colon goes on after a full stop too ("...: (1) ... may temporarily
    # acquire ... . (2) Any ... shall be made publicly available. (3) ...", Somerville's code in one list item).
    going_on = sorted([m for m in points if m.group(1)] + list(_NUMBERED_AFTER_STOP.finditer(line)),
                      key=lambda m: m.start())
    numbered, number = _in_order(line, going_on, point, int)
    own = re.match(r"[ \t]*\((\d{1,2})\)[ \t]", line)
    if own and not numbered:
        # "(2) TRANSFER OF EXISTING DUTIES ...; OR (3) TRANSFER OF FUTURE DUTIES ...": a line opened by a point goes on
        # with the points after it, each after a semicolon
        after_semicolon = (m for m in points if m.group(1) and re.search(r";(?:[ \t]+(?:and|or))?$",
                                                                          line[:m.start()], re.I))
        numbered, number = _in_order(line, after_semicolon, int(own.group(1)) + 1, int)
    cuts += numbered + _in_order(line, _INLINE_LETTER.finditer(line), 1, lambda c: ord(c) - ord("a") + 1)[0]
    cuts += _in_order(line, _INLINE_ROMAN_DOT.finditer(line), 1, lambda r: roman_value(r) or 0)[0]
    cuts += [m.end() for m in _INLINE_CATCHLINE.finditer(line)]
    cuts += _indent_cuts(line)
    bullets = [m.end() for m in _RUN_ON_BULLET.finditer(line)]
    if bullets and not cuts:
        bounds = [0, *bullets, len(line)]
        return [(a, line[a:b]) for a, b in zip(bounds, bounds[1:], strict=False) if line[a:b].strip()], number
    cuts += bullets
    if not cuts:
        return [(0, line)], number
    # "...; and d) such other items as ... deems necessary. The report may include ...": a sentence after the
    # last inline point is the paragraph's again, not the point's.
    # A short first sentence is the point's catchline ("3. Public Input Forum. The working group shall ...").
    last = max(cuts)
    # (Not after a numbered point run on after a full stop: such points are paragraphs of sentences, "(4) A city
    # department head may apply ... . The department shall not use ...".)
    after = None if line[:last].rstrip().endswith(".") and last in numbered else next(
        (m for m in _SENTENCE_AFTER_POINTS.finditer(line, last) if len(line[last:m.start()].split()) > 6), None)
    if after:
        cuts.append(after.end())
    # So is one after the points of an earlier paragraph, where a whole article runs on one line ("...: (a) ...;
    # or (b) ... the report. Legal entities ... shall offer ... 3. Where ...").
    for para in paragraphs:
        point_cut = max((c for c in cuts if c < para), default=None)
        if point_cut is None or point_cut in paragraphs:
            continue
        after = next((m for m in _SENTENCE_AFTER_POINTS.finditer(line, point_cut, para)
                      if len(line[point_cut:m.start()].split()) > 6), None)
        if after:
            cuts.append(after.end())
    bounds = [0, *sorted(set(cuts)), len(line)]
    return [(a, line[a:b]) for a, b in zip(bounds, bounds[1:], strict=False) if line[a:b].strip()], number
