"""Reading the XML of the Government of Canada's policy instruments (the Treasury Board's ``PolicyInstrumentSchema``:
policies, directives, standards) as the lines a reader sees.

That vocabulary keeps a provision's number and a chapter's title in attributes, not in the text: ``<chapter
anchor="6.1" title="Algorithmic impact assessment">``, ``<clause anchor="6.1.1">Completing, approving ...</clause>``.
Read as bare markup (the HTML reader drops attributes) the directive has no numbers at all, so no duty can be cited
and nothing tells one clause from the next. So each chapter's number and title head its part, and each clause's
number stands on its line above the clause's own words, as a standard's clauses are printed ("4.1.1" over its text,
which ``headings`` reads as a section); a clause's own clauses, lists and sub-headings follow it in order.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["has_anchored_provisions", "anchored_xml_to_text", "numbered_items_as_clauses"]

# a provision's number as the instrument cites it: "6", "6.1", "6.2.6.1"
_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,4}")
_NESTED = frozenset({"clauses", "ul", "ol", "dl", "table"})


def has_anchored_provisions(root: Any) -> bool:
    """Whether ``root`` numbers its clauses in ``anchor`` attributes (the layout this module reads)."""
    return sum(1 for e in root.iter("clause") if _NUMBER.fullmatch(e.get("anchor") or "")) >= 3


def _words(text: str) -> str:
    # a link or an emphasised title set on lines of its own leaves a space before the comma after it
    return re.sub(r"\s+([,.;:)])", r"\1", " ".join(text.split()))


def _own_words(element: Any) -> str:
    """The clause's text without the clauses and lists nested in it."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in _NESTED:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return _words(" ".join(parts))


def _lay_out(element: Any, lines: list[str]) -> None:
    tag = element.tag
    if tag in ("chapter", "appendix"):
        lines.extend(["", element.get("anchor") or "", element.get("title") or "", ""])
    elif tag == "clause":
        lines.extend([element.get("anchor") or "", _own_words(element), ""])
        for child in element:
            if child.tag in _NESTED:
                _lay_out(child, lines)
        return
    elif tag in ("p", "li", "h2", "h3", "h4", "h5", "dt", "dd"):
        lines.extend([_words("".join(element.itertext())), ""])
        return
    for child in element:
        _lay_out(child, lines)


def anchored_xml_to_text(root: Any) -> str:
    """The text of a parsed policy instrument, its title first, one line per heading, number and paragraph."""
    lines = [root.get("title") or "", ""]
    _lay_out(root, lines)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


# The same instruments as a converter's Markdown of their web pages: each provision a list item whose number is glued
# to its first word ("- 4.1.1Participating in annual ...", "- A.2.5.4.3Prior to concluding ..."), at any depth of
# the list. Laid out as the XML's clauses are: the number on a line above its words. (A number set off by a space,
# "- 1.2 An APP entity must ...", is read as printed.)
_NUMBERED_ITEM = re.compile(r"^[ \t]*[-*+][ \t]+((?:[A-Z]\.)?\d{1,2}(?:\.\d{1,2}){1,4})(?=[A-Z])(.*)$")


# A part's heading among them: its number, a full stop and a title of a few words with no closing stop.
_NUMBERED_PART = re.compile(r"^(\d{1,2})\.[ \t]+([A-Z][\w’',-]*(?:[ \t]+[\w’',-]+){0,7})[ \t]*$")


def numbered_items_as_clauses(text: str) -> str:
    """``text`` with each list item that opens with a provision's decimal number laid out as a clause: the number on
    its own line above the item's words. Only where three items at least are so numbered."""
    lines = text.split("\n")
    if sum(1 for line in lines if _NUMBERED_ITEM.match(line)) < 3:
        return text
    out: list[str] = []
    for line in lines:
        item = _NUMBERED_ITEM.match(line)
        part = _NUMBERED_PART.match(line)
        if item:
            out.extend(["", item.group(1), item.group(2).strip(), ""])
        elif part:
            # "5. Roles of other government organizations", a heading after the last item of part 4: the part's
            # number above its title, as the XML's chapters, so that no item reads it as a point labelled "5."
            out.extend(["", part.group(1), part.group(2).strip(), ""])
        else:
            out.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out))
