"""Formulas with a modal verb that bind no one, met in an administrative rule's procedure: the legal effect of a
decision, the reach of a proceeding, the status a thing keeps, a criterion a thing must meet to be listed, and what
an event may bring about. Data for ``nonduty`` (``NON_DUTY``).

Met in round 45b (Oregon's OAR 125-055-0010 to -0025, the Oregon Forward Program), 47a (a court's jurisdiction) and
46b (the Consumer Rights Directive's 8(2): a breach's effect on the contract); in round 49a a liability an act does
not add (NIS2's 23(1)), what a standard's criteria may include and a data portal's disclaimer (Arlington's policy);
in round 50a a right's own limits and a condition of lawfulness (the GDPR's 8(1), 15(4), 20(3)-(4)).
"""

from __future__ import annotations

__all__ = ["EFFECTS_AND_CRITERIA_TEXT"]

EFFECTS_AND_CRITERIA_TEXT = (
    # The legal effect of a decision ("The Department's written decision under this subsection will constitute a
    # final order under ORS 183.484."): what the decision is in law, as "shall be deemed", no one's duty.
    r"\b(?:shall|will)\s+constitute\s+(?:a|the)\s+final\s+(?:order|decision|determination|agency\s+action)\b|"
    # The reach of a proceeding ("If the Department grants the request, the contested case will be limited to the
    # issues raised before the Department in the protest."): a limitation of the case, not of a party.
    r"\b(?:case|hearing|review|appeal|proceedings?)\s+will\s+be\s+limited\s+to\b|"
    # The status a thing keeps ("OFC products and services determined suitable will remain listed, subject to the
    # Department's examination ..."): a state of affairs, no one's act.
    r"\bwill\s+remain\s+(?:listed|registered|certified|qualified|eligible|approved|valid|in\s+effect)\b|"
    # A criterion of listing ("No product or service may be suitable where the process of the manufacture ...
    # contains ... any procedure, device or artifice ..."): when a thing is not suitable, no one's prohibition.
    r"^\W*no\s+[^.;,]{1,60}?\s+may\s+be\s+(?:suitable|eligible)\b|"
    # What a review or a piece of information may bring about ("The review may result in removal of the product or
    # service from the Procurement List.", "Information that was not available ... may also cause a review."): a
    # possibility, no one's leave.
    # (only a review's, an audit's or an investigation's own: "Content that may lead to identifying the Data Subject",
    # "use ... that may result in a risk" describe things inside a duty)
    r"^\W*(?:the|such|a|any|this)\s+(?:review|audit|investigation|inquiry|determination)\s+may\s+(?:also\s+)?"
    r"(?:result\s+in|lead\s+to)\b|"
    r"\bmay\s+(?:also\s+)?cause\s+(?:a|an)\s+(?:review|audit|investigation|inquiry|reassessment)\s*[.;]|"
    # A court's competence ("The Superior Courts shall have jurisdiction over any enforcement matter brought by the
    # Attorney General", Vermont's 9 V.S.A. 2435(g)(1), round 47a): which court hears a case, no one's duty.
    r"^\W*(?:the\s+)?(?:[\w-]+\s+){0,3}?courts?\s+(?:shall|will)\s+have\s+(?:exclusive\s+|original\s+|concurrent\s+)?"
    r"jurisdiction\b|"
    # What a breach does to a contract (the Consumer Rights Directive's 8(2): "If the trader has not complied with this
    # subparagraph, the consumer shall not be bound by the contract or order."): its effect in law, no one's duty.
    r"\b(?:shall|will)\s+not\s+be\s+bound\s+by\s+(?:the|that|such|this|any)\s+(?:contract|order|agreement|offer)\b|"
    # Round 49a. A duty's act that adds no liability (NIS2's 23(1): "The mere act of notification shall not subject the
    # notifying entity to increased liability."): a limitation of liability, as "shall not result in any liability".
    r"\bshall\s+not\s+subject\s+(?:the\s+|an?\s+|any\s+)?[^.;]{1,60}?\s+to\s+(?:any\s+)?"
    r"(?:(?:increased|additional|further|greater)\s+)?(?:civil\s+|criminal\s+)?liability\b|"
    # What a standard's criteria may take in (Arlington's open data policy IV(D)(2): "The criteria to be used in
    # establishing publication standards may include whether a data set is particularly useful ..."): what the
    # criteria can be, no one's leave.
    r"^\W*(?:the|such|these|those)\s+(?:[\w-]+\s+){0,2}(?:criteria|factors)\b[^.;]{0,80}?\bmay\s+(?:also\s+)?include\b|"
    # A data portal's disclaimer (IX(A): "The use of this list and the data ... shall be at the sole risk of the party
    # using such data", "Some of the links on this page ... may lead to resources outside the City ... government",
    # "The presence of external links should not be construed as an endorsement"): who bears a risk, where a link
    # goes and how a link is read, no one's duty or leave.
    r"\b(?:shall\s+be|is|are)\s+at\s+the\s+(?:sole\s+|user'?s\s+|own\s+)?risk\s+of\b|"
    r"^\W*(?:some\s+of\s+)?(?:the\s+)?(?:external\s+)?links\b[^.;]{0,80}?\bmay\s+(?:also\s+)?lead\s+to\b|"
    r"\bshould\s+not\s+be\s+construed\s+as\b|"
    # A right's own limits (the GDPR's 15(4): "The right to obtain a copy referred to in paragraph 3 shall not adversely
    # affect the rights and freedoms of others."; 20(3): "That right shall not apply to processing necessary for ..."):
    # how far the right reaches, no one's duty ("That ..." opens the sentence, so the "shall not apply" rule of
    # ``nonduty``, which passes over a "that" clause, does not see it).
    r"\brights?\b[^.;]{0,160}?\bshall\s+not\s+adversely\s+affect\b|"
    r"^\W*that\s+(?:right|obligation|requirement|exemption|derogation)s?\s+shall\s+not\s+apply\b|"
    # When processing is lawful (8(1): "the processing of the personal data of a child shall be lawful where the child
    # is at least 16 years old"): a condition of lawfulness, as "shall be deemed"; "shall be lawful only if" still bars
    # the processing otherwise.
    r"\bshall\s+be\s+lawful\s+(?:where|if|when|provided)\b|"
    # How a thing is to be regarded, with an aside before the negation (5(1)(b): "further processing ... shall, in
    # accordance with Article 89(1), not be considered to be incompatible with the initial purposes"): a deeming.
    r"\bshall,\s+[^,;]{1,80},\s+not\s+be\s+(?:considered|deemed|regarded)\b"
)
