"""What may open a limb after a semicolon inside a point that is a clause of its own: data for ``clauses``.

Met in round 50a (the GDPR's Art. 5(1), thirty-eighth session): "Personal data shall be: ... (e) kept in a form
which permits identification ... for no longer than is necessary ...; personal data may be stored for longer periods
insofar as ..." (a permission of its own after the point's duty) and "(b) collected for specified ... purposes ...;
further processing for archiving purposes ... shall, in accordance with Article 89(1), not be considered to be
incompatible with the initial purposes" (a deeming, cut off the point's duty and dropped as an exception is).
"""

from __future__ import annotations

__all__ = ["DATA_LIMB", "DEEMING_LIMB"]

# A limb whose subject is the data or their processing, with a modal verb of its own.
DATA_LIMB = r"(?:further\s+)?(?:personal\s+)?(?:data|processing)\b[^;.]{0,200}?\b(?:shall|must|may)\b"
# A limb that says how a thing is to be regarded ("shall, in accordance with ..., not be considered to be ..."): a
# deeming, binding no one.
DEEMING_LIMB = r"[^;]{0,200}?\bshall,\s+[^,;]{1,80},\s+not\s+be\s+(?:considered|deemed|regarded)\b"
