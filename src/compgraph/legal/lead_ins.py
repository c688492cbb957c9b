"""Where a lead-in sentence's own duties end and the clause its points complete begins.

Split from ``clauses`` (which reads a sentence's clauses and their modality), whose size it would pass: this reads
only the end of a sentence that leads in to points. May import: ``compgraph.legal.clauses``.
"""

from __future__ import annotations

import re

from compgraph.legal.clauses import pieces, statute_modality

__all__ = ["MAY_INCLUDE", "split_lead_in"]

_PROVISO_LEAD_IN = re.compile(r"[,;]?\s*\b(?:provided|except)(?:,\s*however,)?\s+that\s*:\s*$", re.I)


MAY_INCLUDE = re.compile(r",\s+which\s+(?:could|may|might|can)\s+include\b[^,;]*$", re.I)


def split_lead_in(sentence: str) -> tuple[str | None, str]:
    """A lead-in sentence's duties before its last clause, and that last clause (which the points complete).

    "The oversight measures shall be commensurate with the risks, and shall be ensured through ... the
    following types of measures:" states one duty and leads in to the points.
    """
    # "Each agency shall use reasonable efforts to make ... available ...; provided that:" then the provisos as
    # points: the duty stands on its own, the points qualify it.
    proviso = _PROVISO_LEAD_IN.search(sentence)
    if proviso and statute_modality(sentence[: proviso.start()]):
        return sentence[: proviso.start()].strip(), sentence[proviso.start():].lstrip(",; ")
    # "agencies must take appropriate steps to solicit input ..., which could include:" then the ways: the duty
    # stands on its own, and its points are ways it may be met.
    could = MAY_INCLUDE.search(sentence)
    if could and statute_modality(sentence[: could.start()]):
        return sentence[: could.start()].strip(), sentence[could.start():].lstrip(", ")
    spans = pieces(sentence)
    if len(spans) == 1:
        return None, sentence
    # (a cut before "and the controller shall have the obligation ..." leaves the "and" to the clause before it)
    return re.sub(r"\s+and$", "", sentence[: spans[-1][0]].strip()).rstrip(","), sentence[spans[-1][0]:]
