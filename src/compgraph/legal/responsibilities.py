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

A directive's mandatory procedures lead in to actions instead: "Business owners ... are required to take the following
actions if ...:" over imperatives ("A.2.4.1 Notify TBS-OCIO by email ...", "A.2.5.2 In instances where ..., consult
with TBS-OCIO ..."), among which an item may bind by a modal verb of its own ("A.2.5.4.3 Prior to concluding ...,
managers ... must confirm ...": a duty as it stands) or lead in again ("A.2.5.4 ..., is required to take the
following actions:"). Where lead-ins are numbered items, an item is carried by the innermost lead-in it is numbered
under ("A.2.5.5" by "A.2.5", not by "A.2.5.4"), and by none it is not.
May import: ``compgraph.legal.clauses``, ``compgraph.legal.statute``.
"""

from __future__ import annotations

import re
from typing import Any

from compgraph.legal.clauses import statute_modality
from compgraph.legal.statute import Provision

__all__ = ["carry_responsibilities"]

_LEAD = re.compile(r"\b(?:is|are)\s+(?:solely\s+)?(?:responsible\s+for(?:\s+the\s+following)?|"
                   r"required\s+to\s+take\s+the\s+following\s+actions\b[^:;]*)\s*:\s*$", re.I)
_ACTIONS = re.compile(r"\bthe\s+following\s+actions\b", re.I)
_PARTY = re.compile(r"\s+(?:is|are)\s+(?:solely\s+)?(?:responsible|required)\b", re.I)
# "Completing ...", "Before an automated decision system is in production, testing ...", "If using a proprietary
# licence, ensuring that:": a gerund opens the item, or follows its opening phrase.
# (The opening phrase may run long: "For new digital initiatives that expect or require a substantial digital talent
# component for delivery, engaging with ...".)
_ITEM = re.compile(r"^(?:[A-Z][a-z]+ing\b|[A-Z][^,;:]{2,120},\s+[a-z]+ing\b)")
_SECTION_ITEM = re.compile(r"(?:[A-Z]\.)?\d{1,2}(?:\.\d{1,2}){1,4}")


def carry_responsibilities(provisions: list[Provision], walker: Any) -> None:
    """Replace what ``walker`` read from a responsibilities list's lead-in and items with one duty per item."""
    leads: list[tuple[str, str, str]] = []  # open lead-ins: (the lead-in, its modality, its provision's number)
    sub: tuple[str, str] | None = None  # (an item that leads in itself, its number)
    last = ""  # the number of the provision before
    for prov in provisions:
        if prov.heading or not prov.text.strip():
            continue
        text = " ".join(prov.text.split())
        # a lead-in is a numbered item when it opens its number ("A.2.5 The manager ... is required to take the
        # following actions:"); one printed after an item's words ("The assistant deputy minister ... is responsible
        # for:" after 5.2's) is numbered by none
        own, last = prov.section != last, prov.section
        if _LEAD.search(text) and not prov.children:
            leads = [lead for lead in leads if _numbered_under(prov.section, lead[2])]
            leads.append((text, statute_modality(text) or "mandatory", prov.section if own else ""))
            sub = None
            _drop(walker, prov)
            continue
        if not leads or prov.children or not _SECTION_ITEM.fullmatch(prov.section):
            leads, sub = [], None
            continue
        if _SECTION_ITEM.fullmatch(leads[-1][2]):
            leads = [lead for lead in leads if _numbered_under(prov.section, lead[2])]
            if not leads:
                sub = None
                continue
        lead = leads[-1]
        if sub is not None and prov.section.startswith(sub[1] + "."):
            _carry(walker, prov, f"{lead[0]} {sub[0]} {text}", lead[1], text)
            continue
        sub = None
        actions = bool(_ACTIONS.search(lead[0]))
        if actions and statute_modality(text):
            continue  # an action that binds by its own verb: a duty as it stands
        if not (actions or _ITEM.match(text)):
            leads = []
            continue
        if text.endswith(":"):
            sub = (text, prov.section)
            _drop(walker, prov)
            continue
        if actions:
            # each sentence of an action is an action of its own ("Notify TBS-OCIO ... at least 6 months prior to
            # ... . If 6-month advance notice is not feasible, notify TBS-OCIO as soon as ...")
            for n, sentence in enumerate(_SENTENCE_END.split(text), start=1):
                _carry(walker, prov, f"{lead[0]} {sentence}", lead[1], sentence, n)
            continue
        _carry(walker, prov, f"{lead[0]} {text}", lead[1], text)


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.])\s+(?=(?:If|Where|When|In|Once|After|Before|Prior|[A-Z][a-z]+)\s)")


def _numbered_under(section: str, lead: str) -> bool:
    """Whether item ``section`` is numbered under the lead-in numbered ``lead`` ("A.2.5.5" under "A.2.5"); any item is
    under a lead-in that is no numbered item ("The assistant deputy minister ... is responsible for:")."""
    return not _SECTION_ITEM.fullmatch(lead) or section.startswith(lead + ".")


def _drop(walker: Any, prov: Provision) -> None:
    walker.duties[:] = [d for d in walker.duties if d.start != prov.start]


def _carry(walker: Any, prov: Provision, text: str, modality: str, own: str, sentence: int = 1) -> None:
    if sentence == 1:
        _drop(walker, prov)
    walker.add(prov, text, modality, _PARTY.split(text, maxsplit=1)[0], sentence, 1, own=own)
