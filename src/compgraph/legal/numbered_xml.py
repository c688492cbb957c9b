"""Reading legislative XML that keeps each provision's number in a ``num`` element (BC Laws' ``bcl:num``, Akoma
Ntoso's and USLM's ``num``) or a ``Label`` (the Parliament of Canada's bills and Justice Canada's consolidated Acts
and regulations) as the lines a reader sees on the printed page.

Such XML holds a provision's number apart from its words and often without brackets (BC Laws:
``<bcl:num>4</bcl:num>``, ``<bcl:num>a</bcl:num>``) and its catchline in an element of its own
(``<bcl:marginalnote>``, ``<heading>``). Read as bare markup each number stands alone on a line ("a") and the
duties lose their citations and their points. So the text is laid out as the publisher prints it: a group's
heading ("Part 2 — Consent"), a section's catchline on its own line, then ``4 (1) In meeting ...``, each lower
provision ``(a) ...`` on its own line, and the words that close a list of points after it.
"""

from __future__ import annotations

import re
from typing import Any

from compgraph.legal.clml import Page

__all__ = ["has_numbered_provisions", "numbered_xml_to_text"]

# Groups of sections: their number and title make one heading line ("Part 2 — General Rules ...").
_GROUPS = frozenset({"part", "division", "chapter", "subpart", "subchapter", "book", "title", "subtitle", "schedule"})
# The top numbered provision, printed with its number before its first words ("4 (1) ...", "5 An organization").
_SECTIONS = frozenset({"section", "article", "regulation", "rule"})
# A provision's catchline.
_CATCHLINES = frozenset({"marginalnote", "heading"})
# Headings that title what follows them (Justice Canada's ``Heading`` and, in a schedule, ``GroupHeading``).
_HEADINGS = frozenset({"heading", "groupheading"})
# Words of the law (a provision's own text, a lead-in, the words after its points).
_WORDS = frozenset({"text", "content", "p", "intro", "chapeau", "wrapup", "continuation", "definition"})
# A document's title, printed above its provisions.
_TITLES = frozenset({"title", "doctitle", "shorttitle", "longtitle"})


def _local(tag: Any) -> str:
    return str(tag).rpartition("}")[2].lower()


def _words(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


# Canada's XML prints its numbers as they read ("6", "(1)", "(a)") in ``Label``; BC's and Akoma Ntoso's in ``num``.
_NUMBERS = frozenset({"num", "label"})


def _num(element: Any) -> Any:
    return next((c for c in element if _local(c.tag) in _NUMBERS), None)


def has_numbered_provisions(root: Any) -> bool:
    """Whether ``root`` numbers its provisions in ``num`` or ``Label`` elements (the layout this module reads)."""
    return any(_num(e) is not None for e in root.iter() if _local(e.tag) not in _GROUPS)


def _label(number: str) -> str:
    """A lower provision's printed number: a bare "a", "iv" or "3" in brackets, a printed "(a)" or "1." as it is."""
    return f"({number})" if re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{1,3})?[A-Za-z]?|[A-Za-z]{1,6}", number) else number


# A code section numbered by title and section ("2-532", "28-3852", "1-204.22"), as the D.C. Code numbers them.
_CODE_NUMBER = re.compile(r"\d{1,3}[A-Za-z]?-\d{1,5}(?:\.\d{1,3})?[a-z]?")
# A section number printed with its section sign, as USLM carries the CFR's ("§ 555.204") and the U.S. Code's.
_SIGNED_NUMBER = re.compile(r"§\s?\d{1,5}[a-z]?(?:[.-]\d{1,5}[a-z]?)*")


class _Page(Page):
    """CLML's page, but a section's number waits for its first words with a space: "4 (1) In meeting ..."."""

    def __init__(self) -> None:
        super().__init__()
        # set once a section prints its own section sign: the CFR's paragraph catchlines then run in after the
        # paragraph's number ("(a) General. Each distributor ..."), as the CFR prints them
        self.run_in = False

    def joiner(self, text: str) -> str:
        return " "


def _lay_out(element: Any, page: _Page, label: str = "") -> None:
    name = _local(element.tag)
    if name in _HEADINGS and label == "":
        # Canada's "<Heading><TitleText>Requirements</TitleText></Heading>" (a "PART 1" label in it, too) titles
        # the sections after it: one heading line, not a numbered provision; a schedule's "<GroupHeading>" ("4.7
        # Principle 7 — Safeguards") likewise titles the clauses after it, and carries the number of the
        # principle's own statement under it
        page.heading(" ".join(_words(c) for c in element))
        return
    num = _num(element)
    number = _words(num) if num is not None else ""
    if name in _GROUPS and num is not None:
        title = " ".join(_words(c) for c in element if _local(c.tag) in (_WORDS | _CATCHLINES))
        page.heading(f"{name.capitalize()} {number} — {title}".strip(" —"))
        for child in element:
            if _local(child.tag) not in (_WORDS | _CATCHLINES | _NUMBERS):
                _lay_out(child, page)
        return
    if num is not None:
        catchlines = [_words(child) for child in element if _local(child.tag) in _CATCHLINES]
        if name in _SECTIONS and _CODE_NUMBER.fullmatch(number):
            # a code's section ("2-532", "28-3852"): its number and catchline one heading, "§ 2-532. Right of
            # access ...", as the code prints it; its subsections then open their own lines
            page.heading(f"§ {number}. {' '.join(catchlines)}".strip())
            catchlines, number = [], ""
        elif name in _SECTIONS and _SIGNED_NUMBER.fullmatch(number):
            # USLM's "§ 555.204" over its catchline: one heading, "§ 555.204 Inspection of magazines.", as the CFR
            # prints it; run into the first words, the number would cite no duty of the section
            page.heading(f"{number} {' '.join(catchlines)}".strip())
            catchlines, number = [], ""
            page.run_in = True
        elif name not in _SECTIONS and catchlines and page.run_in:
            number = " ".join([_label(number), *catchlines])
            catchlines = []
        for catchline in catchlines:
            page.heading(catchline)
        if name in _SECTIONS:
            page.pending = number
            number = ""
        else:
            number = _label(number)
        first = True
        for child in element:
            if _local(child.tag) in (_CATCHLINES | _NUMBERS):
                continue
            _lay_out(child, page, (label + number) if first else "")
            first = False
        if first and (label + number):  # a numbered provision with no words: a repealed "(4)"
            page.line(label + number)
        return
    if name in _WORDS and not any(_local(e.tag) in _NUMBERS for e in element.iter()):
        page.line(f"{label} {_words(element)}".strip())
        return
    first = True
    for child in element:
        _lay_out(child, page, label if first else "")
        first = False


def numbered_xml_to_text(root: Any) -> str:
    """The text of a parsed XML document whose provisions carry ``num`` elements, one line per heading and
    provision; the document's own title (an element named ``title`` above its provisions) heads it."""
    page = _Page()
    for child in root:
        if _local(child.tag) in _TITLES and len(child) == 0:
            page.heading(_words(child))
    # a file that is one section (the D.C. Council's ``<section><num>2-532</num><heading>...``) is read as it
    for element in [root] if _local(root.tag) in _SECTIONS and _num(root) is not None else root:
        if _local(element.tag) not in _TITLES:
            _lay_out(element, page)
    if page.pending:
        page.line("")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(page.lines)).strip() + "\n"
