"""The labels that open a statute's paragraphs and points ("1.", "(1)", "(a)", "a)", "(i)", "(I)", "(A)", "a.", "i."):
which text opens a line as labels, what kind each is, and its place in its list. ``legal.statute`` reads a text's
structure with them.

Which level a kind sits at is not fixed by the kind: it is learnt from the order the kinds open in the document, so
"(1)(a)(I)" and "1.(a)(i)" both work; what is decided here is the kind ("(i)" after "(h)" is a letter, not a Roman
numeral) and the ordinal each label has in its list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from compgraph.legal.inline import roman_value

__all__ = ["BARE_SECTION", "CAPITAL_CATCHLINE", "LABEL", "label_kind", "labelled_at", "labels_of", "letter_opens",
           "ordinal", "own_level"]

# "( c)": OCR puts a space inside a label's parentheses. "1°": Quebec's (and the civil-law codes') numbered points.
# "(a-1)", "(b-3)", "(1A)": the D.C. Code's labels for subsections and paragraphs inserted by a later act.
# Two capitals are a label only doubled ("(AA)", after "(Z)") or as a Roman numeral ("(IV)"): "(IT) Policy, Standards
# and Guidelines" at a line's start is an abbreviation in the sentence the line above began, not point "IT".
LABEL = re.compile(r"(?:\([ \t]?(\d{1,3}(?:\.\d{1,2})?[a-zA-Z]?|[a-z]-\d{1,2}|[a-z]{1,2}|[ivxlc]{1,6}|[IVXLC]{1,6}"
                   r"|[A-Z]|" + "|".join(c + c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + r")\)"
                   r"|(\d{1,3}[a-z]?)(?:\.|°|-)(?=[ \t])"
                   r"|([a-z])\)|([a-zA-Z]|[ivx]{2,4})\.(?=[ \t]|\d{1,3}\.[ \t]))[ \t]*")
# A section number printed bare before its first words: Quebec's "3.1. Any person ..." (a decimal closed by a full
# stop, which no list item is) opens a section anywhere; "6 A person ..." (group 1) only under its catchline, as
# Canada's bills print it, since a plain number before a sentence may be a page's or a list's.
BARE_SECTION = re.compile(r"\d{1,3}\.\d{1,2}\.[ \t]+[A-Z]|(\d{1,3} [A-Z])")
# "IN GENERAL.—", "MAJOR INCIDENT.—": the U.S. Code's capital catchline opening a subsection
CAPITAL_CATCHLINE = re.compile(r"[A-Z][A-Z0-9 ,'’()-]{1,80}?\.[ \t]*[—–][ \t]*")
# A mixed-case catchline of a few words ("Health plan.", "Standard: Documentation.", "Implementation specifications
# (Required)—"), and the first label of a list ("(1)", "(i)", "(A)") that may follow it on the same line.
_RUN_IN_CATCHLINE = re.compile(r"[A-Z][A-Za-z ,'’():/-]{0,80}?(?:\.|[—–])[ \t]*")
_FIRST_OF_LIST = re.compile(r"\((1|i|a|A)\)[ \t]")
_MODAL = re.compile(r"\b(?:shall|must|may|will)\b", re.I)


def _one_below(label: str, first: str) -> bool:
    """``first`` opens the list one level below ``label`` in the CFR's order: (a), (1), (i), (A); or in Colorado's,
    (1), (a), (I): "(1) Duty of transparency. (a) A CONTROLLER SHALL PROVIDE ..." (C.R.S. 6-1-1308)."""
    if label.isdigit():
        return first in ("i", "a")
    if roman_value(label) is not None and label.islower() and label != "a":
        return first == "A" or (first == "1" and len(label) == 1)
    return first == "1" and label.isalpha() and label.islower()


def label_kind(label: str, stack: list[tuple[str, str]], continues: bool = True, after_colon: bool = False) -> str:
    """The label's kind: num, alpha, roman, ALPHA or ROMAN ("i" after "h" is a letter, not one); with ``continues``
    a Roman label that follows the open number ("(iv)" after "(3)") is a number.

    ``after_colon``: the point before ends with a colon, so it leads in to this label. The AI Act's Art. 5(1)(h)
    "... strictly necessary for one of the following objectives:" then "(i) the targeted search ...": a point's own
    points are a level below it, so "(i)" there is a Roman numeral, not the letter after "(h)"."""
    if label[0].isdigit():
        return "num"
    lower = label.islower()
    alpha, roman = ("alpha", "roman") if lower else ("ALPHA", "ROMAN")
    last = dict(stack)
    if not lower and len(label) == 1 and "ALPHA" not in last and "alpha" in last \
            and ord(label.lower()) == ord(last["alpha"][-1]) + 1:
        return "alpha"  # OCR capitalised the next letter: "(C)" after "(b)" is point (c)
    value = roman_value(label)
    if value is None:
        return alpha
    if alpha in last and len(label) == 1 and ord(label) == ord(last[alpha][-1]) + 1 \
            and not (after_colon and stack[-1][0] == alpha):
        return alpha
    if roman in last and roman_value(last[roman]) == value - 1:
        return roman
    if continues and "num" in last and value > 1 and value == ordinal("num", last["num"]) + 1:
        return "num"  # a translation's "(iv)" after "(3)" is the fourth item: a list of its own opens at "(i)"
    if value == 1:
        return roman
    return roman if len(label) > 1 else alpha


def labels_of(line: str, stack: list[tuple[str, str]] | None = None) -> tuple[list[str], int]:
    """The labels opening a line ("(1) (a) A supplier" -> ["1", "a"]) and where the text after them starts.

    A dotted letter ("a. \"Agency\" means", New York City's subdivisions) is a label only as the first of its
    list or the letter after the open one, so a line that a PDF broke before "p. 39" stays a continuation.
    """
    labels: list[str] = []
    pos = 0
    counter = re.match(r"(\d{1,3})\.[ \t]+(?=\((?:\w{1,4})\)[ \t])", line)
    # "6. (a) whenever the attorney general ...": the next of a code's subdivisions, run on into its first paragraph
    if counter and stack and stack[0][0] == "num" and int(counter.group(1)) == ordinal("num", stack[0][1]) + 1:
        counter = None
    if counter:
        pos = counter.end()  # "1. (b) Legislative Powers.": a Markdown list's counter before the item's own label
    number_follows = False
    while True:
        m = LABEL.match(line, pos)
        # "4. a. A Chief Data Officer": a dotted letter may follow a number (a bill's section and subsection);
        # "F. 1. Subject to ...": a number may follow a dotted capital (Virginia's subsection and subdivision).
        if not m or (labels and ((m.group(2) and not number_follows)
                                 or (m.group(4) and not re.fullmatch(r"\d+", labels[-1])))):
            return labels, pos
        if m.group(4) and not letter_opens(m.group(4), stack or []):
            return labels, pos
        labels.append(next(g for g in m.groups() if g))
        pos = m.end()
        # Delaware's "a.1. Providing ...": a subparagraph and its first item on one line, with no space between
        number_follows = bool(m.group(4) and (m.group(4).isupper() or not line[pos - 1].isspace()))
        # "(a) IN GENERAL.—(1) Each year ...": the U.S. Code's catchline between a subsection and its first paragraph
        catchline = CAPITAL_CATCHLINE.match(line, pos)
        if catchline and LABEL.match(line, catchline.end()):
            pos = catchline.end()
        elif (run_in := _RUN_IN_CATCHLINE.match(line, pos)) and not _MODAL.search(run_in.group(0)) \
                and (first := _FIRST_OF_LIST.match(line, run_in.end())) and _one_below(labels[-1], first.group(1)):
            # "(b)(1) Standard: Documentation. (i) Maintain ...", "(2) Implementation specifications (Required)—(i)
            # Business associate contracts. ...": the CFR's italic catchline between a paragraph's label and the
            # first label of the list one level below it, whose words the catchline only titles
            pos = run_in.end()


def letter_opens(letter: str, stack: list[tuple[str, str]]) -> bool:
    """A dotted letter opens a list ("a.", "A.") or continues the open list of letters ("b." after "a."); so does a
    dotted Roman numeral under a numbered point ("(3) ... on:" / "i." ... "iii.", NYC's rules; at the top, as in OMB's
    memo, "i. Exclusions" titles a part, read as text)."""
    open_ = dict(stack)
    kind = "alpha" if letter.islower() else "ALPHA"
    lasts = (open_.get(kind, ""), open_.get(f"{kind}.", ""))  # "b." under "(e)(1)" goes on with "a." there
    if letter in "aA" or any(len(letter) == len(last) == 1 and ord(letter) == ord(last) + 1 for last in lasts):
        return True
    value = roman_value(letter) if letter.islower() else None
    return "num" in open_ and (value == 1 or (value is not None and roman_value(open_.get("roman", "")) == value - 1))


def ordinal(kind: str, label: str) -> int:
    if kind in ("num", "pnum", "num.", "bullet"):
        digits = re.match(r"\d+", label)
        return int(digits.group(0)) if digits else roman_value(label) or 0  # "(iv)" read as item 4
    if kind in ("roman", "ROMAN"):
        return roman_value(label) or 0
    letters = re.match(r"[A-Za-z]+", label)  # an inserted "(a-1)" is in the list of "(a)"
    return ord((letters.group(0) if letters else label)[-1].lower()) - ord("a") + 1


def labelled_at(provisions: Sequence[Any], section: str, path: tuple[str, ...]) -> Any:
    """The last provision of ``section`` written with a label at ``path``: the place's own words, not an unlabelled
    paragraph after them (Madison's "(2) Definitions. As used in this ordinance:", then '"Data" means ...:' at the
    same place, then its points "1. ..."), whose lack of a label says nothing of how the place was numbered."""
    for prov in reversed(provisions):
        if prov.section != section:
            break  # a section's provisions are read one after the other
        if prov.path == path and prov.labels:
            return prov
    return None


def own_level(kind: str, style: str, stack: list[tuple[str, str]], provisions: Sequence[Any], section: str) -> str:
    """The kind of a dotted letter or number ("a.", "2.") written under an open bracketed one of the same kind:
    Delaware numbers "(e)(1)a.1.A.", so "a." and "1." there are levels of their own ("alpha.", "num."), not the
    next "(a)" or "(1)". ``provisions`` are those of ``section`` read so far, whose ``labels`` are as written."""
    # (a line's written labels are read loosely: "(e) AGENCY REPORTING.—(1)" gives "REPORTING.", no label)
    if kind not in ("alpha", "num") or not re.fullmatch(r"(?:[a-zA-Z]|\d{1,3})\.", style):
        return kind
    if any(k == f"{kind}." for k, _ in stack):
        return f"{kind}."
    path = tuple(lbl for _, lbl in stack)
    for depth in (d for d, (k, _) in enumerate(stack) if k == kind):
        for end in range(depth + 1, len(stack) + 1):
            labels = getattr(labelled_at(provisions, section, path[:end]), "labels", None)
            if labels and len(labels) >= end - depth:
                if labels[-(end - depth)].startswith("("):
                    return f"{kind}."
                break
        # "(2) (I) ..." on one line, its items "1." under it and then "(II)" with items of its own: the line that
        # wrote "(2)" holds the deeper place, so the open number's writing is read from any provision under it.
        for prov in provisions[-40:]:
            under = len(prov.path) - depth  # how far up from the provision's own label the open number is
            if (getattr(prov, "section", None) == section and tuple(prov.path[:depth + 1]) == path[:depth + 1]
                    and 0 < under <= len(prov.labels) and prov.labels[-under].startswith("(")):
                return f"{kind}."
    return kind
