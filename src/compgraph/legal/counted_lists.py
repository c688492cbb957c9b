"""An Act set as a Markdown site's ordered lists, its labels left to the renderer (Zambia's Data Protection Act 2021
as an mkdocs site): every subsection and paragraph is written "1.", the section heading is its number, a full stop
and its catchline ("## 12. Principles relating to processing of personal data"), and the site's stylesheet letters
the lists nested in the subsections ("(a)") and numbers the next ones in Roman ("(i)").

Read as the browser's digits, a subsection's paragraphs were "1.", "2." again under it, points no lead-in carried, and
the heading opened no section, so every row was cited from its list number alone ("(1), sentence 5").
"""

from __future__ import annotations

import re
from typing import Any

from compgraph.legal.typed_lists import letters, roman

# "12. Principles relating to processing of personal data": a number, a full stop, a catchline without a sentence's
# stop inside it.
_DOTTED_CATCHLINE = re.compile(r"^(\d{1,3}[A-Z]{0,2})\.[ \t]+([A-Z][^.;:]*)$")
_NEXT_KIND = {"1": "a", "a": "i"}
# An item's own label before its words: "(3)", "(b)", "(iv)", "3.", "b.".
_OWN_LABEL = re.compile(r"^\s*(?:\((?:\d{1,3}[A-Za-z]?|[a-z]{1,2}|[ivxlc]{1,6}|[A-Z]{1,2})\)|(?:\d{1,3}|[a-z])\.)\s")


def _blocks_after(node: Any) -> list[Any]:
    return [sib for sib in node.next_siblings if getattr(sib, "name", None)][:2]


def dotted_catchline(node: Any, text: str) -> bool:
    """A heading of a section's number, a full stop and its catchline over the section's numbered list (or over a
    lead-in paragraph and its list): marked, as a reprint's "17 Requirement ..." heading is."""
    if not _DOTTED_CATCHLINE.match(text):
        return False
    after = [b.name for b in _blocks_after(node)]
    return after[:1] == ["ol"] or after == ["p", "ol"]


def _untyped_ol(node: Any) -> bool:
    return node is not None and node.name == "ol" and str(node.get("type", "1")) == "1" and not node.get("start")


def _own_kind(ol: Any) -> str:
    """"a" for a list the site marks as lettered in its own HTML (``<ol data-list-a>``, section 13's paragraphs),
    "i" for one marked Roman, else "1"."""
    return "a" if ol.has_attr("data-list-a") else "i" if ol.has_attr("data-list-i") else "1"


def nested_counter(li: Any) -> str | None:
    """"(b)" for the second item of a numbered list nested in a numbered list's item, "(iii)" for the third one level
    further down (or of a list the site marks lettered, and the lists nested in it); None for an item of a top-level
    plain list, a typed or started list, or a list under a bullet."""
    ol = li.parent
    if not _untyped_ol(ol) or _OWN_LABEL.match(li.get_text()):
        return None  # an item that prints its own label ("3. _(3)_ Be the chief conservator ...") keeps it alone
    chain, node = [ol], ol
    while (outer_li := node.parent) is not None and outer_li.name == "li":
        node = outer_li.parent
        if not _untyped_ol(node):
            return None
        chain.append(node)
    kind = _own_kind(chain[-1])
    for _ in chain[:-1]:
        kind = _NEXT_KIND.get(kind, "")
    if kind not in ("a", "i"):
        return None
    n = 1 + ol.find_all("li", recursive=False).index(li)
    if kind == "a":
        return f"({letters(n)})" if n <= 26 else None
    return f"({roman(n)})" if n <= 12 else None
