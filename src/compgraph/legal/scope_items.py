"""A duty of its own inside a point whose lead-in binds no one (a scope, a validity), as data for ``provisions``.

G.L. c. 93H § 2(b): "Such rules or regulations shall be applicable to: (1) executive offices ...; and (2) any
authority created by the General Court, and the rules and regulations shall take into account the size ...": the last
item of a scope carries, after ", and", a clause with its own subject and verb. The AI Act's 36(8)(b): "the
certificates shall remain valid in one of the following circumstances: ... (b) the notifying authority has confirmed
...; in the event that the notifying authority determines that ..., the provider of the system ... shall confirm in
writing ...": a condition's point carries, after its semicolon, a party's duty. Either binds that party.

Met in round 45a.
"""

from __future__ import annotations

import re

__all__ = ["own_limbs"]

_OWN_LIMB = re.compile(r"(?:;|,\s+and)\s+((?:in\s+the\s+event\s+that|where|if|when)\b[^;]{1,300}?,\s+)?"
                       r"(?:the|each|every|such|any)\s+[^,;]{1,120}?\s+(?:shall|must)\s+"
                       r"(?!not\b|be\s+deemed\b|be\s+valid\b|remain\b|apply\b|have\s+the\s+same\b)[a-z][^;]*", re.I)


def own_limbs(point: str) -> list[tuple[str, bool]]:
    """The clauses of ``point`` after its first that name a party and a duty of their own, each as it reads, and
    whether it is coordinated with the whole sentence (", and the rules ... shall": cited by the lead-in's provision,
    not the item's) rather than after the item's semicolon."""
    return [(re.sub(r"^(?:;|,\s+and)\s+", "", m.group(0)).strip(), m.group(0).startswith(","))
            for m in _OWN_LIMB.finditer(point)]
