"""Where a sentence's clauses part, as data for ``clauses``: a cap on a permission's extensions, a proviso that opens
with its own "if ..., then", and a party named by "that" after a semicolon.

Met in round 45a (the AI Act's Art. 33-36 on notified bodies; Massachusetts G.L. c. 93H on security breaches).
"""

from __future__ import annotations

__all__ = ["CAP_IN_TOTAL", "IF_THEN_PROVISO", "THAT_PARTY_SHALL"]

# The AI Act's 36(9): "... may extend the provisional validity of the certificates for additional periods of three
# months, which shall not exceed 12 months in total.": the cap on the extensions is a limit the authority must keep,
# a prohibition beside its leave (as 44(2)'s "which shall not exceed five years"); only a cap "in total" (or in the
# aggregate) is cut, so a relative clause that says which period stays in its sentence.
CAP_IN_TOTAL = r",\s+(?=which\s+shall\s+not\s+exceed\b[^.;]{1,80}?\b(?:in\s+total|in\s+(?:the\s+)?aggregate)\b)|"

# G.L. c. 93H § 5: "The notice ... shall consist of, but not be limited to, any steps ...; provided further that if
# said person or agency does not comply with applicable federal laws, rules, regulations, guidance or guidelines, then
# it shall be subject to the provisions of this chapter.": a proviso whose condition lists more than two things before
# its "then" is a clause of its own all the same (here a rule of reference, which binds no one).
IF_THEN_PROVISO = r"if\b[^;]{1,300}?,\s+then\s+[^,;]{0,80}?\b(?:shall|must|may)\b"

# The AI Act's 36(7)(e): "provide the national competent authorities ... with all relevant information ...; that
# authority shall take the appropriate measures ...": "that" and a noun right before the modal verb name the party
# of a duty of its own ("; that the ..." is a conjunction, not a party).
THAT_PARTY_SHALL = r"that\s+(?!the\b|an?\b|it\b|such\b|this\b|they\b)[\w'’-]+\s+(?:shall|must)\b"
