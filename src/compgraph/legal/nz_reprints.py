"""New Zealand's reprints as converted to Markdown (legislation.govt.nz pages, ``gitlaw-nz``): a section is a
heading of its number and catchline ("##### 17 Requirement to create and maintain records", no "Section", no full
stop), its text ONE list item whose first paragraph is subsection (1), whose later subsections are paragraphs of
their own ("(2) Every public office must ..."), and whose points are lists nested between those paragraphs.

Read as one line, the item ran every subsection together ahead of the points of the first, so (2)'s duty took (1)'s
points and the section was cited "(1), sentence 2"; read without its number the heading opened no section, and a
catchline with a verb ("Unsolicited commercial electronic messages must not be sent") was read as a duty.
"""

from __future__ import annotations

import re
from typing import Any

from compgraph.legal.counted_lists import dotted_catchline
from compgraph.legal.headings import NUMBERED_CATCHLINE, PAREN_CATCHLINE

# A later paragraph that opens a subsection: "(2) ...", "(3A) ...".
_SUBSECTION = re.compile(r"^\(\d{1,3}[A-Z]{0,2}\)[ \t]")


def _next_block(node: Any) -> Any:
    for sib in node.next_siblings:
        if getattr(sib, "name", None):
            return sib
    return None


def numbered_catchline(node: Any, text: str) -> str:
    """A heading's line: "##### 17 Requirement ..." (marked, so ``headings`` reads it as section 17 whatever verb its
    catchline holds) when the heading is a number and a catchline over a list, the section's text; else the text."""
    nxt = _next_block(node)
    marked = (
        dotted_catchline(node, text)  # "## 12. Principles relating to ..." over its numbered list (counted_lists)
        or NUMBERED_CATCHLINE.match(text) is not None and nxt is not None and nxt.name in ("ul", "ol")
        # a clause's number closed by a parenthesis, as a checklist copies a schedule ("1) Use of medical devices not
        # to compromise health and safety"): a heading over a paragraph or a list
        or PAREN_CATCHLINE.match(text) is not None and nxt is not None
    )
    return "#" * int(node.name[1]) + " " + text if marked else text


def subsection_paragraphs(li: Any) -> list[Any] | None:
    """The paragraphs after the first of a list item whose first paragraph opens subsection (1) and whose later ones
    open subsections of their own, each to be read as a line where it stands (after the points nested before it);
    None for any other item."""
    paragraphs = li.find_all("p", recursive=False)
    if len(paragraphs) < 2:
        return None
    later = paragraphs[1:]
    # "(1) ...", then "(2) ...": subsections; or a paragraph after the points of the first ("A person must not send
    # ... unless---", its points, then "Compare: Spam Act 2003 s 17(1) (Aust)"), which goes on after the points.
    numbered = paragraphs[0].get_text().lstrip().startswith("(1)") and any(
        _SUBSECTION.match(p.get_text().lstrip()) for p in later)
    after_points = any(getattr(sib, "name", None) in ("ul", "ol") for sib in paragraphs[0].next_siblings
                       if sib is not later[0] and later[0] in sib.find_next_siblings())
    return later if numbered or after_points else None
