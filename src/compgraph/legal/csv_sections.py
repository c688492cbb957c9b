"""An act exported as CSV rows, one a section, its words with every label glued to them.

A dataset built from legislation.gov.uk's XML keeps each section as a row (``"section","id","title","part",
"chapter","content"``) and the section's whole text in one field, with the labels that the XML held in elements of
their own run into the words on both sides: "1The controller must make available ... the following information ...
—athe identity and the contact details of the controller;bwhere applicable, ...;dthe existence of the rights of data
subjects to request from the controller—iaccess to personal data (see section 45),iirectification ..., andiiierasure
...;ethe existence of ... .2The controller must also ...". Read as printed, no subsection, point or sub-point opens and
the whole section is one sentence. :func:`csv_sections_to_text` lays each row out as the act prints it: the title,
"44.—(1) The controller must ...—", and each point on a line of its own ("(a) the identity ...;", "(i) access ...").

A label is only read where the act's drafting puts one, and only the label that comes next: a subsection's number
("2", "2A", "3") at the field's start or straight after a full stop and before a capital; a point's letter straight
after the dash that leads in to its list ("—a") and then after the comma or semicolon (and any "and" or "or") that
ends the point before it (",b", "; andc", ", orb"); a sub-point's numeral likewise inside a point ("—i", ",ii",
", andiii"). So "aa description" is point (a), "a description", and "2AUnder" is subsection (2A), "Under".
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping

__all__ = ["is_section_csv", "csv_sections_to_text", "section_rows_to_text"]

_SECTION_COLUMNS = {"section", "content"}
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
# what ends a point before the next one's glued label: ";", ",", "; and", ", or", ... with no space after it, or the
# dots of a point the act has omitted ("d. . . . . . . .eprotect the rights ...")
# a new subsection: after a full stop (and a space the export sometimes leaves), the next number and a capital; an
# inserted one's letter ("2A", and "4A." with a stray full stop in the UK GDPR's "4A.In paragraph 4, ...")
_NEXT_SUBSECTION = re.compile(r"\.[ \t]?(\d{1,3})([A-Z](?=[A-Z])|[A-Z]\.(?=[A-Z]))?(?=[A-Z]|\. )")
_LIST_OPENERS = ("—", ":")
_POINT_END = re.compile(r"(?:[;,](?:[ \t]*(?:and|or))?|\.[ \t]\.)$")


# A code page's sections as CSV rows (California's Civil Code §§ 1798.91.04-.06: `"1798.91.04","(a) A manufacturer
# ... shall equip the device with ... all of the following: (1) Appropriate to ... (2) ... (b) Subject to ...`): the
# labels are the code's own, in brackets, each run on after the end of the sentence or lead-in before it. Read as one
# line, "1798.91.04.—(a)" opened no section and (c)'s points ran on after (b)'s. A label opens a part where it
# follows a full stop, colon or semicolon (and any "and" or "or") and comes before a word; "(Amended ...)", a history
# note, and "subdivision (a) of" are no labels.
_BRACKETED_START = re.compile(r"\((?:[a-z]{1,4}|\d{1,3}|[A-Z])\)\s+\S")
# A bare number alone on a line ("28.") reads as a list item, not a section: an act's section number (Kenya's Data
# Protection Act seeded as JSON, `"section": "28"` over `"content": "(1) A data controller ..."` and `"section": "29"`
# over an undivided `"content": "A data controller ... shall ..."`) is printed before the section's first words.
_ACT_SECTION = re.compile(r"^\d{1,4}[A-Z]?$")
_RUN_IN_LABEL = re.compile(r"(?<=[.:;])\s+(?:(?:and|or)\s+)?(?=\((?:[a-z]{1,4}|\d{1,3}|[A-Z])\)\s+[\w“\"‘'])")


def is_section_csv(raw: str) -> bool:
    """Whether ``raw`` is CSV whose header names a ``section`` and a ``content`` column, each row a section."""
    first = raw.lstrip("\ufeff").split("\n", 1)[0].strip()
    if not first.startswith('"'):
        return False
    header = next(csv.reader([first]), [])
    return {h.strip().lower() for h in header} >= _SECTION_COLUMNS


def csv_sections_to_text(raw: str) -> str:
    """Each row of a section CSV as the act prints the section: its title, then its labelled parts line by line."""
    return section_rows_to_text(csv.DictReader(io.StringIO(raw.lstrip("\ufeff"))))


def section_rows_to_text(rows: Iterable[Mapping[str | None, str | None]]) -> str:
    """Section rows (``section``, ``title``, ``content`` fields, from a CSV or a JSON export) as the act prints them."""
    out: list[str] = []
    for row in rows:
        fields = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        number, content = fields.get("section", ""), fields.get("content", "")
        title = fields.get("title", "")
        # a field that repeats the section's number and heading ("18. Security (1) In order ..."): the words after them
        if number and content.startswith(f"{number}. "):
            content = content[len(number) + 2 :].removeprefix(title).lstrip()
        if title.strip(". "):
            out.extend([title, ""])
        if _BRACKETED_START.match(content):
            # the code page's own labels, in brackets, run on in one field: the section's number alone, as the
            # code prints it, then each labelled part on a line of its own
            parts = [part.strip() for part in _RUN_IN_LABEL.split(content)]
            if _ACT_SECTION.match(number):  # an act's "28", printed "28.—(1) ...", so read as the section it opens
                parts[0] = f"{number}.—{parts[0]}"
            else:
                out.extend([f"{number}.", ""])
            for part in parts:
                out.extend([part, ""])
            continue
        parts = _unglue(content)
        if parts and parts[0].startswith("("):
            parts[0] = f"{number}.—{parts[0]}"
        elif parts and _ACT_SECTION.match(number):
            parts[0] = f"{number}. {parts[0]}"  # an undivided section: "29. A data controller ...", as printed
        else:
            parts.insert(0, f"{number}.")
        for part in parts:
            out.extend([part, ""])
    return "\n".join(out)


def _unglue(content: str) -> list[str]:
    """The section's words as lines, one per subsection, point and sub-point, each opened by its label."""
    lines: list[str] = []
    m = re.match(r"(\d{1,3})([A-Z](?=[A-Z]))?(?=[A-Z]|\. )", content)
    if not m:
        return [content] if content else []
    sub = int(m.group(1))
    current = f"({m.group(1)}{m.group(2) or ''}) "
    i = m.end()
    stack: list[tuple[str, int]] = []  # open lists: ("letter" | "roman", index of the last label)
    n = len(content)
    while i < n:
        ch = content[i]
        # a new subsection: after a full stop (and a space the export sometimes leaves), the next number, a capital
        if ch == ".":
            nxt = _NEXT_SUBSECTION.match(content, i)
            if nxt and int(nxt.group(1)) in (sub, sub + 1) and (nxt.group(2) or int(nxt.group(1)) == sub + 1):
                lines.append(current + ".")
                sub = int(nxt.group(1))
                current = f"({nxt.group(1)}{(nxt.group(2) or '').rstrip('.')}) "
                stack = []
                i = nxt.end()
                continue
        # a list opens after the lead-in's dash (or, in the EU's drafting the UK GDPR keeps, its colon: "in the case
        # of:aa systematic ..."): letters under a subsection, numerals under a letter
        if ch in _LIST_OPENERS:
            kind, first = ("roman", "i") if stack and stack[-1][0] == "letter" else ("letter", "a")
            if content.startswith(first, i + 1) and _starts_word(content, i + 1 + len(first)):
                lines.append(current + ch)
                stack.append((kind, 0))
                current = f"({first}) "
                i += 1 + len(first)
                continue
        # the next point of an open list (or of a list it is nested in) after the end of the point before it
        if stack and _POINT_END.search(content[max(0, i - 7) : i]) and ch.isalpha():
            label, depth = _next_label(content, i, stack)
            if label:
                del stack[depth + 1 :]
                kind, index = stack[-1]
                stack[-1] = (kind, index + 1)
                lines.append(current)
                current = f"({label}) "
                i += len(label)
                continue
        current += ch
        i += 1
    lines.append(current)
    return [" ".join(line.split()) for line in lines if line.strip()]


def _next_label(content: str, i: int, stack: list[tuple[str, int]]) -> tuple[str, int]:
    """The label that comes next in an open list, glued at ``i`` to a word (or to an omission's dots), and the depth
    of that list; ("", -1) where none does."""
    for depth in range(len(stack) - 1, -1, -1):
        kind, index = stack[depth]
        label = _ROMAN[index + 1] if kind == "roman" and index + 1 < len(_ROMAN) else chr(ord("a") + index + 1)
        if content.startswith(label, i) and _starts_word(content, i + len(label)):
            return label, depth
    return "", -1


def _starts_word(content: str, j: int) -> bool:
    return j < len(content) and (content[j].isalpha() or content.startswith(". .", j))
