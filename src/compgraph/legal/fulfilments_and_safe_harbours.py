"""Formulas with a modal verb that bind no one, met in a sandbox article and a health information statute: an
obligation fulfilled another way, a safe harbour from fines, and records a disclosure may join. Data for ``nonduty``
(``NON_DUTY``).

Met in round 51a (the AI Act's Art. 57; Saskatchewan's Health Information Protection Act, s. 20).
"""

from __future__ import annotations

__all__ = ["FULFILMENTS_AND_SAFE_HARBOURS_TEXT"]

FULFILMENTS_AND_SAFE_HARBOURS_TEXT = (
    # An obligation fulfilled another way (57(1): "The obligation under the first subparagraph may also be fulfilled by
    # participating in an existing sandbox in so far as ..."): when a duty counts as met, as "shall be deemed to be
    # fulfilled", no leave of its own ("The duty ... may be met by those manufacturers jointly" and "may be discharged
    # by another person" stay leaves: a party's choice how to act).
    r"\b(?:obligation|requirement)s?\b[^.;]{0,80}?\bmay\s+(?:also\s+)?be\s+(?:fulfilled|satisfied)\s+by\b|"
    # A safe harbour (57(12): "provided that the prospective providers observe the specific plan ..., no administrative
    # fines shall be imposed by the authorities for infringements of this Regulation"): a party spared a penalty, as
    # "shall have no liability", no one's prohibition to act.
    r"\bno\s+(?:administrative\s+)?(?:fines?|penalt(?:y|ies))\s+(?:shall|will)\s+be\s+imposed\b|"
    # Records a disclosure may join (s. 20(1): "the information may become a part of the records of the trustee to whom
    # it is disclosed"): what the information becomes, no one's leave.
    r"\bmay\s+(?:also\s+)?become\s+(?:a\s+)?part\s+of\s+(?:the|its|their)\s+records?\b"
)
