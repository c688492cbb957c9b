"""Sentences with a modal verb whose subject is a provision of the text itself, saying how that provision operates:
no party is bound by them. Data for ``nonduty`` (``NON_DUTY``).

Met in round 51b (the FTC Health Breach Notification Rule, 16 CFR 318.4(c), as the eCFR's Markdown prints it).
"""

from __future__ import annotations

__all__ = ["PROVISION_OPERATION_TEXT"]

PROVISION_OPERATION_TEXT = (
    # A provision carried out as another is (318.4(c): "This paragraph shall be implemented in the same manner as
    # provided under 45 CFR 164.528(a)(2), in the case of a disclosure covered under such section."): how the text is
    # applied, as "shall apply mutatis mutandis", no one's duty. The subject must be the provision itself ("such
    # notification ... shall be delayed in the same manner as provided under ..." binds whoever notifies, as before).
    r"\b(?:this|that|the\s+preceding|the\s+foregoing)\s+(?:paragraph|subparagraph|section|subsection|part|subpart|"
    r"article|clause|rule|regulation)\s+shall\s+be\s+(?:implemented|applied|construed|interpreted|administered)\s+in\s+"
    r"the\s+same\s+manner\s+as\b"
)
