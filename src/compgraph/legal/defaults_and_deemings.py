"""Formulas with a modal verb that bind no one, met in a consumer credit statute: compliance deemed, a date
deemed, and what a creditor's failure costs it or frees the debtor from. Data for ``nonduty`` (``NON_DUTY``).

Met in round 50b (the Consumer Credit Act 1974, ss. 77 to 78 as legislation.gov.uk prints them).
"""

from __future__ import annotations

__all__ = ["DEFAULTS_AND_DEEMINGS_TEXT"]

DEFAULTS_AND_DEEMINGS_TEXT = (
    # Compliance deemed (77(2): "If the creditor possesses insufficient information ..., he shall be taken to comply
    # with that paragraph if his statement ... gives the basis on which ... they would fall to be ascertained."): when
    # a duty is met, as "meets the requirements ... if", no duty of its own.
    r"\bshall\s+be\s+taken\s+to\s+(?:have\s+)?compl(?:y|ied)\s+with\b|"
    # A deeming by leave of the text (77A(1D): "a period of a year which expires on a non-working day may be regarded
    # as expiring on the next working day"): how a thing is counted, no one's leave.
    r"\bmay\s+be\s+regarded\s+as\s+(?:expiring|ending|beginning|starting|made|given|received|served)\b|"
    # A party freed from a charge (77A(3): "The debtor shall have no liability to pay any sum in connection with the
    # preparation or the giving to him of a statement"; 77A(6)(b): "the debtor shall have no liability to pay any sum
    # of interest ..."): a limitation of liability, as "shall not result in any liability".
    r"\bshall\s+(?:have|incur|bear)\s+no\s+liability\s+(?:to\s+pay|for)\b|"
    # What a failure costs a creditor (77A(6)(a): "the creditor shall not be entitled to enforce the agreement during
    # the period of non-compliance"): the consequence of a breach, no prohibition to act.
    r"\bshall\s+not\s+be\s+entitled\s+to\s+enforce\b"
)
