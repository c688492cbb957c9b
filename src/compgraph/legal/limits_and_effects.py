"""Formulas that use a modal verb but bind no one: what an obligation does not entail, what a price may turn on,
rights extended to another party, a saving clause, a deeming of compliance, the only means a rule requires, and a
permission's object described by "that shall not be ...". Data for ``nonduty`` (``NON_DUTY``) and ``clauses``.

Met in round 42a (the Data Act's Art. 8-11, Hawaii's Sunshine Law, HRS 92-3 to 92-9); two more in round 45a.
"""

from __future__ import annotations

import re

__all__ = ["AND_NOT_REQUIRED", "LIFTED_POINT", "LIMITS_AND_EFFECTS_TEXT", "NOT_REQUIRED", "NOT_REQUIRED_TAIL",
           "RELATIVE_SHALL_NOT"]

LIMITS_AND_EFFECTS_TEXT = (
    # What an obligation, or compliance with it, does not entail (the Data Act's 8(6): "an obligation to make data
    # available to a data recipient shall not oblige the disclosure of trade secrets"; the DSA's 28(3): "Compliance
    # with the obligations set out in this Article shall not oblige providers of online platforms to process
    # additional personal data ..."): a limitation of those duties, no one's duty.
    r"(?:\b(?:an?|any|such|the|this|that)\s+(?:obligation|duty|requirement)\s+to\b|^\W*compliance\s+with\b)"
    r"[^.;]{0,160}?\b(?:shall|does|will)\s+not\s+(?:oblige|require|compel)\b|"
    # So does what an act a duty asks for does not entail (G.L. c. 93H § 4: "The person or agency shall cooperate with
    # law enforcement ..., which shall include the sharing of information ...; provided however, that such disclosure
    # shall not require the disclosure of confidential business information or trade secrets.").
    r"\bsuch\s+(?:disclosure|cooperation|notification|notice|sharing)\s+shall\s+not\s+require\b|"
    # An obligation ended (12 CFR 1002.9(c)(2): "The creditor shall have no further obligation under this section if the
    # applicant fails to respond within the designated time period."): a limitation of the duty, no duty.
    r"\bshall\s+have\s+no\s+further\s+(?:obligations?|duty|duties)\b|"
    # How long a thing may stay in force (the AI Act's 36(3): "The certificates of the notified body may remain valid
    # for a period of nine months after cessation ..., on condition that ..."): a validity, no one's leave.
    r"\bmay\s+(?:remain|continue\s+to\s+be)\s+(?:valid|in\s+force|in\s+effect|effective)\b|"
    # What a thing may turn on (9(3): "The compensation ... may also depend on the volume, format and nature of the
    # data"): no one's leave.
    r"\bmay\s+(?:also\s+)?(?:depend\s+(?:up)?on|vary\s+(?:with|according\s+to))\b|"
    # Rights extended to another party (11(5): "users shall have the same rights as data holders under paragraph 2"):
    # who may use the rule, as "The same shall apply".
    r"\bshall\s+(?:also\s+)?have\s+the\s+same\s+rights\b|"
    # A saving clause (HRS 92-3: "provided that the removal of any person ... who wilfully disrupts a meeting ... shall
    # not be prohibited"): what the rule leaves allowed, no prohibition.
    r"\bshall\s+not\s+be\s+prohibited\s*(?:[.;]|$)|"
    # Compliance deemed (HRS 92-7(a): "an agenda meets the requirements for public notice pursuant to this section if
    # it contains a statement ..."): when a duty is met, no duty of its own.
    r"\bmeets\s+the\s+requirements\s+(?:of|for)\b[^.;]{0,120}?\bif\b|"
    # The only means a rule requires (HRS 92-7(a): "The means specified by this section shall be the only means
    # required for giving notice under this part notwithstanding any law to the contrary."): a limitation.
    r"\bshall\s+be\s+the\s+only\s+(?:means|methods?|procedures?|steps?)\s+required\b|"
    # All a party is held to in a case (HRS 514B-153(e): "Where the condominium project ... is subject to a time share
    # plan ..., the association shall only be required to maintain in its records the name and address of the time
    # share association ... unless ..."): a limitation of the duty stated before, as "the only means required".
    r"\b(?:shall|is|are)\s+only\s+be\s+required\s+to\b|\b(?:is|are)\s+only\s+required\s+to\b|"
    # A sentence that only sends the reader to another provision (HRS 514B-154(a): "Costs incurred by apartment owners
    # pursuant to this subsection shall be subject to section 514B-105(d)."): the rule is there, none here.
    r"^\W*[^,;:]{1,120}?\bshall\s+be\s+subject\s+to\s+(?:section|subsection|article|paragraph|chapter)\s+"
    r"[\w.()-]+\s*\.?\s*$|"
    # Where a thing may be seen, in what a notice states (HRS 92-7(a): "a statement of when and where the proposed
    # rules may be viewed in person and on the Internet"): an indirect question, no one's leave.
    # (both words: "the place where additional information may be obtained", NZ's PRA 20(2)(b), is what a notice
    # must state, inside a duty's point)
    r"\b(?:when\s+and\s+where|where\s+and\s+when)\s+[^.;,]{1,60}?\s+may\s+be\s+"
    r"(?:viewed|inspected|obtained|examined|seen|accessed|reviewed)\b|"
    # A private right of action (47 U.S.C. 551(f)(1): "Any person aggrieved by any act of a cable operator in violation
    # of this section may bring a civil action in a United States district court."): a remedy of whoever is wronged,
    # no duty (a State's or an agency's "may bring an action" stays a permission of that authority).
    r"\b(?:any|a|an)\s+(?:person|individual|consumer|subscriber|customer|user)\s+(?:who\s+is\s+)?aggrieved\b"
    r"[^.;]{0,160}?\bmay\s+(?:bring|commence|maintain|institute)\s+an?\s+(?:civil\s+)?action\b"
)

# A permission whose object is described by a relative "that shall not be ..." (HRS 92-3.1(a): "the board may hold a
# limited meeting at that location that shall not be open to the public"): what the meeting is, not a prohibition;
# the clause goes before the modality is read.
RELATIVE_SHALL_NOT = re.compile(r"(\bmay\s+(?!not\b)[^;]*?)\s+(?:that|which)\s+shall\s+not\s+be\s+[^;,.]*", re.I)

# A requirement lifted ("is not required to", "shall not be required to"); ``nonduty`` reads it as a limitation.
NOT_REQUIRED = r"(?:shall\s+not\s+be|is\s+not|are\s+not)\s+required\s+to\b"
# The same lifted requirement as a point that completes a "shall:" lead-in (Tennessee's 47-18-3204(a): "A controller
# shall: ... (4) Not be required to delete information that it maintains or uses as aggregate or de-identified data"):
# "shall ... not be required to", no prohibition; the lead-in's other points stay its duties.
LIFTED_POINT = re.compile(r"^\W*(?:\(\w{1,4}\)\s*)?not\s+be\s+(?:required|obligated|obliged)\s+to\b", re.I)

# A later predicate that lifts a requirement from the same subject (HRS 92-3.1(b)(1): "Notice of the limited meeting
# shall be provided ..., shall indicate ..., and shall not be required to include an agenda;"): no prohibition of its
# own; it stays in the clause before it, as "may charge a fee ... and is not required to" stays in its leave.
AND_NOT_REQUIRED = re.compile(r"\W*and\s+" + NOT_REQUIRED, re.I)
# the same predicate at a clause's end, left out when the clause's modality is read
NOT_REQUIRED_TAIL = re.compile(r"(?<=\S),?\s+and\s+" + NOT_REQUIRED + r"[^;]*", re.I)
