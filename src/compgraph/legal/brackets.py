"""Brackets inside a sentence: an aside there (a definition, a term's reach) has no say in the sentence's duty.

Japan's translated acts define and extend terms in brackets in the middle of a duty: "a Person in Charge of Affairs
Using the Individual Numbers (limited to persons provided for by Cabinet Order; the same shall apply in Article 19,
item (iv) of this Act) may request that an Agency provide ...". Imports nothing of the package.
"""

from __future__ import annotations

import re

__all__ = ["OPEN_BRACKET", "without_bracketed_modals"]

OPEN_BRACKET = re.compile(r"\([^()]*$")  # a bracket not yet closed (searched up to a position)
_BRACKETED = re.compile(r"\((?:[^()]|\([^()]*\))*\)")  # a bracket, one more level inside it
_MODAL = re.compile(r"\b(?:shall|must|may)\b", re.I)


def without_bracketed_modals(clause: str) -> str:
    """``clause`` without the bracketed asides that hold a modal verb, when a modal verb stays outside them (else the
    clause as it is: "(the Commission shall decide)" alone is what the clause says)."""
    stripped = _BRACKETED.sub(lambda m: "" if _MODAL.search(m.group(0)) else m.group(0), clause)
    return stripped if _MODAL.search(stripped) else clause
