"""A permission led in "as follows:" over paragraphs that are sentences of their own.

The Help America Vote Act, s. 302(a): "If an individual declares ..., such individual shall be permitted to cast a
provisional ballot as follows:" over "(1) An election official at the polling place shall notify the individual ...",
"(3) An election official ... shall transmit the ballot ..." and "(4) If the appropriate State or local election
official ... determines ..., the individual's provisional ballot shall be counted ...". The lead-in grants the voter
a permission; each paragraph is a whole sentence with its own modal verb, binding the officials it names. Read as
points completing the lead-in, every paragraph took its "permitted" and became the voter's permission. Such a lead-in
is a sentence of its own and its paragraphs bind by their own verbs. ("A controller shall comply with a request as
follows:" over "(1) A controller shall respond ..." still leads in: a duty's lead-in, whose points say how.)
"""

from __future__ import annotations

import re

__all__ = ["permission_over_own_sentences"]

# San Mateo's charter 3.02: "The council may remove the city manager from office in accordance with the following
# procedures:" over "(a) The council shall adopt ...", "(b) ... he may file ...", "(d) The city manager shall continue
# to receive his salary ...": a power used by steps that bind by their own verbs, as above.
_PERMITTED_AS_FOLLOWS = re.compile(
    r"(?:\b(?:shall|must)\s+be\s+(?:permitted|allowed)\s+to\b[^.;:]{1,200}\bas\s+follows|"
    r"^[^.;:]{0,80}\bmay\s+(?!not\b)[^.;:]{1,200}\bin\s+accordance\s+with\s+the\s+following\s+procedures)\s*:\s*$",
    re.I)
_OWN_SENTENCE = re.compile(r"^\W{0,2}[A-Z]")
_MODAL = re.compile(r"\b(?:shall|must|may)\b", re.I)


def permission_over_own_sentences(lead_in: str, children: list[str]) -> bool:
    """Whether ``lead_in`` grants a permission "as follows:" over paragraphs each of which opens a sentence of its
    own (a capital) with a modal verb before its first full stop or dash."""
    texts = [t.strip() for t in children if t.strip()]
    return bool(_PERMITTED_AS_FOLLOWS.search(lead_in)) and len(texts) > 1 and all(
        _OWN_SENTENCE.match(t) and _MODAL.search(re.split(r"\.\s|[—–]", t, maxsplit=1)[0]) for t in texts)
