"""A list of responsibilities whose items are numbered as sections of their own.

The Government of Canada's policy instruments state who does what as a lead-in, "The assistant deputy minister
responsible for the program ..., is responsible for:", over items numbered "6.1.1", "6.1.2", ... "6.5.2", each a
phrase with no verb of duty ("Completing, approving and publishing the final results of an algorithmic impact
assessment ...", "Before an automated decision system is in production, testing the data ..."), with sub-headings
("6.2 Transparency", "Providing notice before decisions") between them. Each item is read as a section of its own,
so no list joins it to the lead-in; this pass does: every such item is a duty of the lead-in's verb and carries the
lead-in, and the lead-in states nothing of its own. An item that leads in itself ("6.2.6 If using a proprietary
licence, ensuring that:") is carried by the items numbered under it ("6.2.6.1 The department ... retains the right
to access ..."). The list ends at the first item that is no such phrase ("8.1 This directive applies to ...").
May import: ``compgraph.legal.clauses``, ``compgraph.legal.statute``.
"""

from __future__ import annotations

import re
from typing import Any

from compgraph.legal.clauses import statute_modality
from compgraph.legal.statute import Provision

__all__ = ["carry_responsibilities"]

_LEAD = re.compile(r"\b(?:is|are)\s+(?:solely\s+)?responsible\s+for\s*:\s*$", re.I)
# "Completing ...", "Before an automated decision system is in production, testing ...", "If using a proprietary
# licence, ensuring that:": a gerund opens the item, or follows its opening phrase.
_ITEM = re.compile(r"^(?:[A-Z][a-z]+ing\b|[A-Z][^,;:]{2,80},\s+[a-z]+ing\b)")
_SECTION_ITEM = re.compile(r"\d{1,2}(?:\.\d{1,2}){1,4}")


def carry_responsibilities(provisions: list[Provision], walker: Any) -> None:
    """Replace what ``walker`` read from a responsibilities list's lead-in and items with one duty per item."""
    lead: tuple[str, str] | None = None  # (the lead-in, its modality)
    sub: tuple[str, str] | None = None  # (an item that leads in itself, its number)
    for prov in provisions:
        if prov.heading or not prov.text.strip():
            continue
        text = " ".join(prov.text.split())
        if _LEAD.search(text) and not prov.children:
            lead, sub = (text, statute_modality(text) or "mandatory"), None
            _drop(walker, prov)
            continue
        if lead is None or prov.children or not _SECTION_ITEM.fullmatch(prov.section):
            lead = None
            continue
        if sub is not None and prov.section.startswith(sub[1] + "."):
            _carry(walker, prov, f"{lead[0]} {sub[0]} {text}", lead[1], text)
            continue
        sub = None
        if not _ITEM.match(text):
            lead = None
            continue
        if text.endswith(":"):
            sub = (text, prov.section)
            _drop(walker, prov)
            continue
        _carry(walker, prov, f"{lead[0]} {text}", lead[1], text)


def _drop(walker: Any, prov: Provision) -> None:
    walker.duties[:] = [d for d in walker.duties if d.start != prov.start]


def _carry(walker: Any, prov: Provision, text: str, modality: str, own: str) -> None:
    _drop(walker, prov)
    walker.add(prov, text, modality, text.split(" is responsible for")[0], 1, 1, own=own)
