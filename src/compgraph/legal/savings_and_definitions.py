"""Formulas with a modal verb that bind no one, and one that does: a regulated party's saving ("shall not be prevented
from taking ... measures ..., provided that ..."), a subparagraph that defines a class of things ("For the purposes of
the first subparagraph, the data that is not publicly available shall include ..."), and a party that "shall apply"
conditions or terms of its own (a duty, not the scope rule "shall apply to"). Data for ``nonduty`` (``NON_DUTY``).

Met in round 42b (the Digital Markets Act's Art. 5 and 6).
"""

from __future__ import annotations

__all__ = ["APPLIES_TERMS", "SAVINGS_AND_DEFINITIONS_TEXT"]

SAVINGS_AND_DEFINITIONS_TEXT = (
    # A saving for the party the article binds (the DMA's 6(4) and 6(7): "The gatekeeper shall not be prevented from
    # taking, to the extent that they are strictly necessary and proportionate, measures to ensure that ..., provided
    # that such measures are duly justified by the gatekeeper."): what the duties leave it free to do, on a condition;
    # no one's prohibition (unlike "Workers shall not be prevented from disclosing their pay", which has no proviso
    # and binds the employer).
    r"\bshall\s+not\s+be\s+prevented\s+from\b[^.;]{0,400}?,\s*provided\s+that\b|"
    # A subparagraph that says what a class of things includes (the DMA's 6(2): "For the purposes of the first
    # subparagraph, the data that is not publicly available shall include any aggregated ... data"): a definition.
    r"^\W*for\s+the\s+purposes?\s+of\s+the\s+(?:first|second|third|preceding|previous)\s+subparagraph\s*,\s*the\s+"
    r"(?:data|information|term|terms|expression|notion|concept)\b[^.;]{0,120}?\bshall\s+(?:include|cover|comprise|"
    r"mean)\b|"
    # What a section's own prohibition or requirement covers (Hawaii's HRS 489D-19(a): "The disclosures prohibited by
    # this section shall include, without limitation, information that is: (1) ..."): a definition, its points no
    # duties (round 43a).
    r"^\W*the\s+(?:disclosures?|uses?|acts?|conduct|activities|information|records?)\s+(?:prohibited|required|"
    r"permitted|restricted)\s+(?:by|under)\s+this\s+(?:section|subsection|chapter|article|part)\s+shall\s+(?:include|"
    r"cover|comprise|mean)\b|"
    # A trust the law imposes on property ("all commingled funds ... shall be impressed with a trust in favor of the
    # licensee"): a legal effect, no one's duty (round 43a).
    r"\bshall\s+be\s+impressed\s+with\s+a\s+trust\b|"
    # Whose property a thing stays ("The report and its contents shall remain the property of the commissioner"): a
    # status, no one's duty (round 43a); a duty coordinated after it ("... and shall not be disclosed") keeps its row.
    r"\bshall\s+remain\s+the\s+(?:sole\s+)?property\s+of\b(?![^.;]*\b(?:shall|must)\b)"
)

# "The gatekeeper shall apply transparent, fair and non-discriminatory conditions to such ranking." (the DMA's 6(5)),
# "shall apply fair, reasonable, and non-discriminatory general conditions of access" (6(12)): a party applying its
# own conditions or terms acts; a negative lookahead for ``nonduty``'s "shall apply" scope rule (words up to the
# object, none of them "to").
APPLIES_TERMS = (
    r"(?!\s+(?:(?!to\b|from\b|where\b|if\b|when\b|in\b|mutatis\b)[\w-]+,?\s+){1,6}?(?:conditions|terms|criteria)\b)"
)
