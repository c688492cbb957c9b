"""Two drafting forms that the provision walker reads by their form: a glossary of quoted terms and points that are
sentences of their own.

A Missouri bill defines its terms in a section of their own, led in by "As used in sections 375.1400 to 375.1427,
the following terms mean:" and set out as '(10) "Licensee", any person licensed ..., but shall not include a
purchasing group ...' and '(15) "Risk assessment", the risk assessment that each licensee is required to conduct
...': no "means" and no "Definitions" title, so the definition's own "shall not include" or "is required to" read as
duties. :func:`glossary_item` tells such an item: its text opens with a quoted term and a comma, in a section whose
lead-in (unlabelled, or run in after the section number and so read as the section's title) says that the
following terms mean what follows; :func:`glossary_rules` gives the sentences such an item states after its
definition, which are rules of their own.

A Washington bill's "In addition, the contract must include the requirements imposed by this subsection and
subsections (3) and (4) of this section, as well as the following requirements:" leads in to points that are
sentences of their own ("(a) At the choice of the controller, the processor shall delete or return all personal
data ..."): the points do not complete the lead-in's sentence, which requires something besides them and is a duty
of its own. :func:`own_duty_lead_in` says so of a lead-in that asks for more than its points ("as well as the
following") and points each of whose texts (any with text at all) names a party and its modal verb.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["GLOSSARY_LEAD_IN", "glossary_item", "glossary_rules", "own_duty_lead_in"]

# The lead-in "... the following terms mean:" (also one of nonduty.NON_DUTY's formulas: it binds no one).
GLOSSARY_LEAD_IN = r"\bthe\s+following\s+(?:terms|words)(?:\s+and\s+phrases)?\s+(?:shall\s+)?mean\W*$"
_GLOSSARY_LEAD_IN = re.compile(GLOSSARY_LEAD_IN, re.I)
_QUOTED_TERM = re.compile(r'^\W{0,3}["“][^"”]{1,80}["”](?:\s+or\s+["“][^"”]{1,80}["”])?,\s+(?!and\b|or\b)')
# "must include the requirements imposed by this subsection ..., as well as the following requirements:"; not "shall
# meet all of the following requirements:", whose points are all it requires (RCW 19.255.010(6)).
_BESIDES = re.compile(r"\b(?:as\s+well\s+as|in\s+addition\s+to)\s+(?:all\s+of\s+)?the\s+following\b", re.I)
_OWN_SUBJECT = re.compile(r"^(?:[^,.;:]{1,80},\s+)?(?:the|a|an|each|any|every)\s+[\w-]+(?:\s+[\w-]+)?"
                          r"\s+(?:shall|must)\b", re.I)


def glossary_item(prov: Any, glossaries: set[str]) -> bool:
    """Whether ``prov`` is a quoted term's definition in a section led in as a glossary (noting such a lead-in)."""
    if _GLOSSARY_LEAD_IN.search(prov.section_title) or (not prov.labels and _GLOSSARY_LEAD_IN.search(prov.text)):
        glossaries.add(prov.section)  # the lead-in run in after the section number is read as its title
    return prov.section in glossaries and bool(prov.labels) and _QUOTED_TERM.match(prov.text) is not None


def glossary_rules(parts: list[str], has_points: bool) -> tuple[str | None, list[str]]:
    """(the lead-in to its points, the rules) that a quoted term's definition states after the definition itself.

    Missouri's HB 2594 defines '(5) "Written release", informed written consent, ...' and goes on: "A valid written
    release shall not be secured through a general release or user agreement. In the context of employment, a
    written release:" then "(a) Shall be used only to secure consent ... for the purposes of: a. ...; or b. ...".
    The definition (``parts[0]``) binds no one, but the sentences after it are rules in their own words, and the
    last one, ending in a colon, leads in to the points (without it they read "Shall be used only ...", with no
    subject).
    """
    rest = list(parts[1:])
    lead = rest.pop().strip() if has_points and rest and rest[-1].rstrip().endswith(":") else None
    return lead, rest


def own_duty_lead_in(lead_in: str, children: list[Any]) -> bool:
    """Whether a lead-in requires something besides its points ("..., as well as the following requirements:") and
    every point with text of its own opens with a party and its modal verb ("the processor shall")."""
    texts = [c.text for c in children if c.text]
    return bool(_BESIDES.search(lead_in)) and bool(texts) and all(_OWN_SUBJECT.match(t) for t in texts)
