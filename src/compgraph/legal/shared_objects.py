"""Lead-ins whose points are duties though their words look otherwise: two modal verbs that share one object (a
prohibition and a duty over the same points), and a point naming a contract's term whose own words deem.

The Data Act's Art. 23: "providers of data processing services shall not impose and shall remove pre-commercial,
commercial, technical, contractual and organisational obstacles, which inhibit customers from: (a) terminating ...;
(b) ...". Each point is two duties: not to impose the obstacle, and to remove it (the corpus's rule for a sentence
that mixes modalities, Art. 73(6)'s "shall cooperate ... and shall not perform", applied point by point). Read as
``split_lead_in`` reads any lead-in, the "shall not impose" would be a sentence of its own with no object and the
points only the duty's. Met in round 47b of the thirty-sixth session (the Data Act's Art. 23-27). May import nothing
of the package.
"""

from __future__ import annotations

import re

# "shall not impose and shall remove <object>": the negated verb, "and", the same modal verb, a second verb.
_NOT_AND = re.compile(r"\b(?P<modal>shall|must)\s+not\s+(?P<verb>[a-z]+)\s+and\s+(?P=modal)\s+(?!not\b)"
                      r"(?P<second>[a-z]+)\s+(?=\S)", re.I)


def negated_twin(lead_in: str) -> tuple[str, tuple[str, str | None, str, bool]] | None:
    """A lead-in ending in a colon whose negated verb and positive verb share the object: the lead-in read as the
    duty ("... shall remove <object>:"), and the prohibition's lead ("... shall not impose <object>:", its modality,
    the words naming the party, not void) for the points to be read with too; else None."""
    if not lead_in.rstrip().endswith(":"):
        return None
    m = _NOT_AND.search(lead_in)
    if m is None:
        return None
    head, obj = lead_in[: m.start()], lead_in[m.end():]
    return f"{head}{m['modal']} {m['second']} {obj}", (f"{head}{m['modal']} not {m['verb']} {obj}", "prohibition", head,
                                                         False)


# The Data Act's 25(2)(c): "the contract ... shall include at least the following: ... (c) a clause specifying that the
# contract shall be considered to be terminated and the customer shall be notified of the termination, in one of the
# following cases: (i) ...; (ii) ...": a point that names a term the contract must hold opens points of its own; the
# term's "shall be considered" is what the contract says, no deeming of the law's, so its points stay the duty's.
_CLAUSE_STATING = re.compile(r"^\W*(?:an?\s+|the\s+)?(?:clauses?|terms?)\s+(?:specifying|stating|providing)\s+that\b",
                             re.I)


def names_contract_term(point: str) -> bool:
    """Whether ``point`` names a term a contract must hold ("a clause specifying that ..."), whose words are its own."""
    return _CLAUSE_STATING.match(point) is not None
