"""How a statute's sentence binds: its clauses, their modality, and who they bind.

A statute states duties ("shall", "must"), prohibitions ("shall not", "In no case shall", "are not to be"),
permissions ("may", "is empowered to", "shall have a choice of") and, in the same words, clauses that bind
no one: exceptions, scope and application rules, deeming and without-prejudice clauses. ``duty_clauses``
splits a sentence into its coordinated modal clauses ("shall cooperate ..., and shall not perform ...") and
keeps those that state a duty; ``statute_addressee`` names the party a clause binds.
"""

from __future__ import annotations

import re

from compgraph.legal.brackets import OPEN_BRACKET
from compgraph.legal.brackets import without_bracketed_modals as _asides_out
from compgraph.legal.caps_and_provisos import CAP_IN_TOTAL, IF_THEN_PROVISO, THAT_PARTY_SHALL
from compgraph.legal.limits_and_effects import AND_NOT_REQUIRED, NOT_REQUIRED_TAIL, RELATIVE_SHALL_NOT
from compgraph.legal.modal_words import (  # the words that give a clause its modality
    _BARE_PLURAL,
    _CHOOSES,
    _MANDATORY,
    _MAY,
    _NAMED_PARTY,
    _PERMISSION,
    _PROHIBITION,
    _RECOMMENDED,
    _RELATIVE_CLAUSE_DUTY,
    _RELATIVE_DUTY,
    _RELATIVE_PARTY,
    _RELATIVE_PASSIVE,
    _RELATIVE_PERMISSION,
    _TO_BE,
    AFTER_EVENT_PARTY,
    SEMICOLON_DUTY,
    power_then_required,
    without_decided,
)
from compgraph.legal.nonduty import INSTRUMENT_LIMIT as _INSTRUMENT_LIMIT
from compgraph.legal.nonduty import NON_DUTY, NOT_A_DUTY_AT_ALL, PENALTY_CAP
from compgraph.legal.parties import (  # who a clause binds and what it is about
    _MODAL_VERB,
    _RIGHT_AGAINST,
    STATUTE_ROLES,
    _subject_of,
    acting_party,
    main_clause,
    statute_addressee,
    statute_topic,
    strip_risk_class,
)
from compgraph.legal.semicolon_limbs import DATA_LIMB, DEEMING_LIMB

__all__ = ["NON_DUTY", "STATUTE_ROLES", "acting_party", "duty_clauses", "explicit_permission", "later_clauses",
           "pieces", "statute_addressee", "statute_modality", "main_clause", "statute_topic", "strip_risk_class"]

# A clause starts at "and shall ...", at a coordinated condition with its own modal verb ("..., and if upon
# reconsideration ... it shall then take effect"), at "but ... shall" ("may be removed ..., but such removal shall
# not take place without ..."), at "and not be ..." (the negation shares the modal verb before it: "shall be
# done after ... and not be charged") and at a proviso with a modal verb of its own ("provided that the
# department may require ...", a permission beside the duty).
# A coordinated clause with a subject of its own (", and the controller shall make ... available", also after a
# semicolon) and an
# alternative after a semicolon ("; alternatively, the processor may arrange ...") are clauses too.
# ", and the statement is not subject to disclosure" is a clause of its own too, one that binds no one, also when its
# subject lists several things (", and the risk management policy, impact assessment, and records are not subject
# to disclosure"); so is "; confidentiality, however, shall not extend to ..." after a semicolon.
# (LOADinG Act 403(1)(e): "..., and any control users may have over their data": "have" with no object before its
# preposition is a relative clause's, "the control [that] users may have", not a party's permission.)
# (Springboro's charter: "The attorney so designated shall serve with the title of Law Director, and other attorneys
# of that firm may serve as Acting Law Director": "other" opens a party of its own too.)
_CLAUSE_SPLIT = re.compile(r"[,;]\s+and\s+(?=(?:the|each|every|such|any|a|an|other)\s+(?:(?:[\w'’-]+\s+){0,8}?|"
                           r"(?:[\w'’-]+,?\s+){1,8}?(?:and|or)\s+(?:[\w'’-]+\s+){0,3}?)(?<!\bas\s)"
                           # ("and such other comments and information as they may deem pertinent": what a party
                           # thinks fit, no clause of its own)
                           r"(?<!\bas\sthey\s)(?<!\bas\sit\s)(?<!\bas\she\s)(?<!\bas\sshe\s)"
                           r"(?:shall|must|may(?!\s+have\s+(?:over|against|regarding|concerning)\b)|"
                           r"(?:is|are|does|do)\s+not)\b)|"
                           # (Richmond 5.05(d): "; however, the appointment of members of a ... authority in the
                           # city shall be made by the council": a long subject of its own)
                           r"(?<=;)\s+(?=(?:alternatively|however|otherwise),?\s+[^,;]{0,100}?\b(?:shall|must|may)\b)|"
                           + SEMICOLON_DUTY + "|"
                           # Missouri's 407.1500(4): "The attorney general shall have authority to bring an action
                           # and any other person may bring an action to obtain actual damages": "any other" names a
                           # party of its own, with or without a comma before its "and"
                           r"\s+and\s+(?=any\s+other\s+(?:person|party|individual|entity)\s+(?:shall|must|may)\b)|"
                           # The Irish AERSS Act's 22(5)(b): "he or she shall retire from the chair and the question
                           # shall be determined by majority vote of the remaining members": a passive with its own
                           # subject and its own agent, no comma before its "and"
                           r"\s+and\s+(?=the\s+[\w'’-]+\s+shall\s+be\s+[a-z]+(?:ed|en)\s+by\b)|"
                           # New York's 899-ff(3)(c): "..., another request may not be made ... for the following
                           # calendar year, however an operator may make available a mechanism ...": after a comma too,
                           # where a party of its own follows "however"
                           r",\s+(?=however,?\s+(?:an?|the|such|each|any)\s+[\w'’-]+\s+(?:shall|must|may)\b)|"
                           # "The provider shall keep the logs; the deployer shall keep them ...": a party of its own
                           # after a semicolon (duty_clauses keeps it apart only when its party is another one).
                           r"(?<=;)\s+(?=(?:the|each|every|such|any)\s+(?:[\w'’-]+\s+){0,6}?(?:shall|must)\s+(?!not\b))|"
                           r"(?<=;)\s+(?=[\w'’-]+(?:\s+[\w'’-]+){0,3},\s+however,\s+(?:shall|must|may)\b)|"
                           # Quebec's P-39.1: "That person shall exercise the function ...; he may delegate all or
                           # part of that function": a pronoun after a semicolon opens a clause with a verb of its own;
                           # "He must also notify ..., failing which the Commission may order him to do so": so does
                           # what another party may do if the duty is not done.
                           r"(?<=;)\s+(?=(?:he|she|it|they)(?:\s+or\s+she)?\s+(?:also\s+)?(?:shall|must|may)\b)|"
                           r",\s+(?=failing\s+which\s+[^,;]{1,80}?\b(?:shall|must|may)\b)|"
                           + AFTER_EVENT_PARTY + "|"
                           # HB 1155's "... authenticate a consumer request but this does not extend the ... duty"
                           r"\s+(?=but\s+this\s+does\s+not\s+(?:extend|affect|limit|alter|relieve|change)\b)|"
                           # The AI Act's 5(2): "shall be deployed ... only to confirm the identity ..., and it shall
                           # take into account the following elements:" (a pronoun after ", and"); 99(7): "shall be
                           # taken into account and, as appropriate, regard shall be given to the following:" (a
                           # subject of its own after a phrase set off by commas).
                           r",\s+and\s+(?=(?:it|they)\s+(?:shall|must|may)\b)|"
                           # Springboro's charter: "A law firm ... may serve as Law Director and in that case, an
                           # attorney of that firm may be designated by the Council ...": a party of its own after
                           # the case it arises in.
                           r"\s+and\s+(?=in\s+(?:that|such|this|either|each)\s+case,\s+(?:an?|the|each|such|any)\s+"
                           r"[^,;]{1,80}?\b(?:shall|must|may)\b)|"
                           # Alberta's HIA 57(2): "must first consider whether ..., and if so, the custodian must
                           # collect ... only aggregate health information"; 60.1(5): "may decide not to give notice
                           # ..., in which case the custodian must immediately give notice to the Commissioner": a
                           # party of its own after the case it arises in, a duty of its own.
                           r",\s+and\s+(?=if\s+so,\s+(?:an?|the|each|such|any)\s+[^,;]{1,80}?\b(?:shall|must|may)\b)|"
                           r",\s+(?=in\s+which\s+case,?\s+(?:an?|the|each|such|any)\s+[^,;]{1,80}?\b(?:shall|must|may)\b)|"
                           # Baltimore's charter: "..., and the state of the account, with the particulars as to
                           # sources of receipts, shall be reported by the Comptroller": a subject of its own, then a
                           # phrase set off by commas, then its verb.
                           r",\s+and\s+(?=(?:the|each|every|such|any)\s+[^,;]{1,60},\s+[^,;]{1,80},\s+(?:shall|must)\b)|"
                           # (UK GDPR 36(2): "shall ... provide written advice to the controller and, where
                           # applicable to the processor, and may use any of its powers": the phrase closes the
                           # advice's addressees; the ", and may" after it is the clause of its own)
                           r"\s+and\s*,\s+(?=[^,;]{1,40},\s+(?!and\b)(?:[\w'’-]+\s+){1,6}?(?:shall|must|may)\b)|"
                           # CRS 16-21-103(4)(c): "The report shall include ..., and, with respect to any charge, the
                           # factual basis of which includes ..., the court and the bureau shall comply with the
                           # following procedures:" (a phrase of any length set off before the new subject).
                           r"\s+and\s*,\s+(?=(?:with\s+respect\s+to|in\s+the\s+case\s+of|as\s+to|for|in|where|when|if)\b"
                           r"[^;]{1,200}?,\s+(?:(?:the|each|every|any|a|an)\s+(?:[\w'’-]+\s+){0,5}?|"
                           # (the Irish AERSS Act's 22(6): "... removal from office under section 16 and, where a
                           # person is removed ..., he or she shall thenceforth be disqualified ...": a pronoun)
                           r"(?:he\s+or\s+she|he|she|it|they)\s+(?:\w+\s+)?)(?:shall|must|may)\b)|"
                           # Florida's s. 501.171(11)(b)2.: "..., except that information made confidential ... may not
                           # be released": an exception with a subject and a modal verb of its own is a clause of its
                           # own.
                           # (Brookhaven's charter: "may amend the ... budget ... in accordance with subsection (a) of
                           # section 5.03 of this Charter except that the budget, as finally amended and adopted, must
                           # provide ...": no comma before it, a phrase set off by commas after its subject.)
                           # NRS 432B.407(6): records "are confidential, must not be disclosed, and are not subject to
                           # subpoena": the legal status after the prohibition is a clause of its own (binding no one).
                           r",\s+and\s+(?=(?:is|are)\s+not\s+subject\s+to\b)|"
                           # Colorado's CRS 16-21-104(2): "shall be forwarded within twenty-four hours ...; except that
                           # such time period shall not include Saturdays, ...": after a semicolon too.
                           r"[,;]\s+(?=except\s+that\s+[^,;]{1,120}?\b(?:shall|must|may)\b)|"
                           r"\s+(?=except\s+that\s+[^,;]{1,60}?,[^,;]{1,60},\s+(?:shall|must|may)\b)|"
                           # Springboro's charter: "They may prescribe the functions and names ... of all departments
                           # except that no function assigned by this Charter ... may be discontinued": a prohibition
                           # of its own after a permission, with no comma before it.
                           r"\s+(?=except\s+that\s+no\s+[^;]{1,80}?\b(?:shall|must|may)\b)|"
                           # Maryland's 2-505(b)(2)(I): "MAINTAINED ... FOR AT LEAST 3 YEARS ..., AFTER WHICH THE LAW
                           # ENFORCEMENT AGENCY MAY DESTROY ALL AUDIT MATERIALS": what a party may do afterwards.
                           r",\s+(?=after\s+which\s+[^,;]{1,80}?\b(?:shall|must|may)\b)|"
                           # Richmond's charter: "two copies to be deposited in the office of the city clerk where
                           # they shall be open to public inspection", "transfers ..., notice of which shall be
                           # immediately transmitted to the director of finance": a relative clause of place or of a
                           # thing that binds by a "shall" of its own. (A "who shall" clause describes the person
                           # chosen: "shall elect one of its members as mayor pro tem, who shall perform the duties of
                           # mayor" is one duty in the charters labelled so far.)
                           r",?\s+(?=" + _RELATIVE_DUTY + r")|,\s+(?=(?:and\s+)?(?:" + _RELATIVE_PARTY + r"))|"
                           r"\s+(?=which\s+may\s+be\s+[a-z]+(?:ed|en)\s+(?:upon\s+|on\s+)?by\s+(?:the|any)\b)|"
                           r",?\s+(?=" + _RELATIVE_PASSIVE + r")|"
                           # Charlottesville's charter: "It may be competent for the council ... to elect
                           # non-residents, but such officer, other than the clerk of the council, shall reside in the
                           # city": a party of its own after "but", with a duty of its own.
                           r",\s+(?=but\s+(?:the|each|every|such|any)\s+[^;:]{1,80}?\b(?:shall|must)\s+(?!not\b))|"
                           # Art. 60(4)(b): "...; where the authority has not answered ..., the plan shall be
                           # understood to have been approved".
                           # (Charlottesville's "...; but if any ... shall fail to qualify, ..., or said officer's
                           # office shall be deemed vacant": the condition after "but" too.)
                           r"(?<=;)\s+(?=(?:but\s+)?(?:where|if|when)\b[^;]{0,240}?,\s+[^,;]{1,120}?\b(?:shall|must|may)\b)|"
                           # "not longer than six months, which may be extended for ...": the extension is a
                           # permission of its own.
                           r",\s+(?=which\s+may\s+be\s+(?:extended|renewed|prolonged)\b)|" + CAP_IN_TOTAL +
                           # Art. 60(4)(i): "have given informed consent ..., or in the case of law enforcement,
                           # where ..., the testing ... shall not have any negative effect ..., and their personal data
                           # shall be deleted": an alternative with a verb of its own, and what it coordinates.
                           r",\s+or\s+(?=(?:in\s+the\s+case\s+of|where|if|when)\b[^;]{0,240}?,\s+(?:the|its|their)\s+"
                           r"[^,;]{1,120}?\b(?:shall|must|may)\b)|"
                           r",\s+and\s+(?=(?:its|their)\s+[^,;]{1,80}?\b(?:shall|must|may)\b)|"
                           # "allow, and cooperate with, reasonable assessments by the controller ..., or the processor
                           # may arrange for a qualified and independent assessor ...": an alternative with a party and
                           # a verb of its own.
                           r",\s+or\s+(?=(?:the|each|every|such|any)\s+(?:[\w'’-]+\s+){0,3}?(?:shall|must|may)\b)|"
                           # China's Measures: "..., and providers shall cooperate ...": a party of its own, named by
                           # a bare plural.
                           r"[,;]\s+and\s+(?=" + _BARE_PLURAL + r")|"
                           # Portland's charter: "No ordinance ... shall contain more than one general subject;
                           # ordinances making appropriations shall be confined to ...": a plural party of its own,
                           # a few words long, after a semicolon.
                           r"(?<=;)\s+(?=(?:[a-z][\w'’-]*\s+){0,3}?(?!\w+ss\b)" + _BARE_PLURAL + r")|"
                           # Fort Worth's charter: "... required by state law and any appointive officer ... who shall
                           # become a candidate ... shall immediately forfeit the office": a party of its own, its
                           # relative clause and its verb, with no comma before the "and".
                           r"\s+and\s+(?=(?:any|every|each)\s+[^,;]{1,80}?\bwho\s+[^;]{1,200}?\b(?:shall|must|may)\b)|"
                           # Rivergrove's charter: "..., and not later than five days after the election the
                           # council shall meet" (a deadline before its own party); "... specified by the council, All
                           # area within the city shall be ..." (a sentence the typist ended with a comma).
                           r",\s+and\s+(?=not\s+later\s+than\s+[^,;]{1,80}?\s+the\s+[\w'’-]+\s+(?:shall|must)\b)|"
                           r",\s+(?=(?-i:All|Each|Every|No|The)\s+[^,;]{1,80}?\b(?:shall|must)\b)|"
                           # ("Data protection assessments shall be confidential and shall be exempt from
                           # disclosure under the Freedom of Information Act": one legal status of the records, not a
                           # duty beside an exemption)
                           # Georgia's model charter: "... shall deal with city officers ... solely through the city
                           # manager, and neither the city council nor its members shall give orders to any such
                           # officer": a prohibition with its own (coordinated) subject.
                           r",\s+(?=and\s+neither\s+[^.;]{1,120}?\bnor\s+[^.;]{1,120}?\s(?:shall|must|may)\b)|"
                           # ("shall have and may exercise all powers": one grant of powers, see _PERMISSION)
                           r"(?<!\bshall\shave),?\s+(?:and\s+(?=(?:shall|must|may|should|not\s+be)\b)"
                           r"(?!shall\s+be\s+exempt\b)|"
                           r"and\s+(?=no\s+(?!later\b|sooner\b|earlier\b|more\b|less\b|fewer\b)[^,;]{1,80}?"
                           r"\b(?:shall|must|may)\b)|"
                           r"and\s+(?=(?:if|when|unless)\b[^;]{0,240}?,\s+(?:it|they|the\s+\w+)\s+(?:then\s+)?"
                           r"(?:shall|must|may)\b)|"
                           r"but\s+(?:otherwise\s+)?(?=(?:(?:the|such|this|its|any)\s+)?[^,;]{0,50}?\b(?:shall|must|may)\b)|"
                           # (NYC Charter 1045(c): "... continue to be effective provided, however, that the amendment
                           # or repeal of any document which is within the definition of rule set forth in subdivision
                           # five of section 1041 shall be in accordance with section 1043": a long subject)
                           # (Brookhaven's "provided, however, that regardless of the decision of the meeting chair,
                           # the city manager may take part in any discussion": an opening phrase before its party)
                           r"provided,?\s+(?:further,?\s+)?(?:however,?\s+)?that\s+"
                           r"(?=(?:[^,;]{1,80},\s+){0,2}[^,;]{0,200}?\b(?:shall|must|may)\b|" + IF_THEN_PROVISO + ")|"
                           # Des Moines' rules: "shall not withdraw any item ..., provided however, a Council member
                           # wishing Council to defer action ... has a right to have a motion ...": a proviso with no
                           # "that", its party and its verb of its own.
                           r"provided,?\s+however,\s+(?=[^,;]{0,80}?\b(?:shall|must|may|has\s+(?:a|the)\s+right\s+to)\b)|"
                           # "..., provided such controller shall not be required to reveal any trade secret": a
                           # proviso that names its party without "that".
                           r"provided\s+(?=(?:such|the|each|any)\s+[\w'’-]+\s+(?:shall|must|may)\b))",
                           re.I)
_SHARED_NEGATION = re.compile(r"and\s+not\s+be\b", re.I)
_OWN_SUBJECT = re.compile(r"and\s+(?:not\s+later\s+than\s+[^,;]{1,80}?\s+the\s+[\w'’-]+\s+(?:shall|must)\b|"
                          r"in\s+(?:that|such|this|either|each)\s+case,\s+(?:an?|the|each|such|any)\b|"
                          r"(?:the|each|every|such|any|other)\b(?!\s+(?:shall|must|may)\b)|"
                          r"(?=" + _BARE_PLURAL + "))", re.I)
# "Providers shall perform their obligations ..., shall not collect ..., shall not illegally retain ...": the modal
# verb repeated after a comma starts a clause of another modality, where the words before it have a modal verb of
# their own ("; confidentiality, however, shall not extend to ..." is one clause).
# Portland's charter: "The Council shall determine its own rules of procedure, may establish Council committees ...,
# may punish ..., and may compel ...": a "may" after a comma, where a "shall" came before, is a permission beside the
# duty; "..., and the Council may use and expend such Fund" after "There shall be annually appropriated ...": a party
# of its own with a verb of its own, with no comma before its "and".
_REPEATED_MODAL = re.compile(r",\s+(?=(?:shall|must)\s+not\b|may\s+(?!not\b|be\b)|(?:shall|must)\s+(?!not\b)\w+)|"
                             # "Departments are required to complete and submit the Survey ... and are encouraged to
                             # use TBS-OCIO provided tools": a duty and a recommendation, two clauses.
                             r"\s+and\s+(?=(?:is|are)\s+(?:also\s+)?encouraged\s+to\b)|"
                             # Zambia's DPA 15(7): "The withdrawal of consent shall not affect the lawfulness of
                             # processing ... before its withdrawal and all personal data collected following
                             # withdrawal of the consent shall ... be destroyed immediately": after a clause's own modal
                             # verb, "all" opens a subject of its own ("the budget message, and all supporting
                             # documents shall be filed": a list of subjects, no modal verb before it)
                             r"\s+and\s+(?=all\s+(?:[\w'’-]+\s+){1,8}?(?:shall|must)\b)|"
                             r"\s+and\s+(?=the\s+(?:(?-i:[A-Z])[\w'’-]+\s+){1,3}(?:shall|must|may)\b)|"
                             # Colorado's MED rules: "Requests for copies ... will be made in writing and Licensees
                             # shall have at least 72 hours to provide ...": a defined party, a bare plural in capitals.
                             r"\s+and\s+(?=(?-i:[A-Z])[a-z]+s\s+(?:shall|must|may)\b)|"
                             # GDPR 17(1): "The data subject shall have the right to obtain from the controller the
                             # erasure ... and the controller shall have the obligation to erase ... where one of the
                             # following grounds applies:": a right and the obligation that answers it, two clauses.
                             r"\s+and\s+(?=the\s+(?:[\w'’-]+\s+){1,3}(?:shall|must)\s+have\s+the\s+(?:obligation|duty)\s+to\b)|"
                             # Washington's HB 1155: "the request for deletion may be delayed to enable restoration
                             # ... and such delay may not exceed six months": the leave and its limit, two clauses.
                             r"\s+and\s+(?=such\s+[\w-]+\s+(?:shall|must|may)\s+not\b)",
                             re.I)
# ("protection of information which, if disclosed, may adversely affect ...": a "may" inside a relative clause or a
# condition is that clause's own, no permission beside the duty.)
_OPENS_WITH_CONDITION = re.compile(r"\W*(?:but\s+)?(?:if|where|when|whenever)\b", re.I)
_LEADING_CONDITION = re.compile(r"\W*(?:(?:furthermore|moreover|in\s+addition|also),\s+)?(?:if|where|when|whenever)\b",
                                re.I)
_INNER_CLAUSE = re.compile(r"\b(?:which|that|who|whom|if|when|where|unless)\b", re.I)
# "may ... notify ... the age above which that Data Fiduciary shall be exempt": a relative clause after the main
# verb says which age; the main verb binds.
_RELATIVE = re.compile(r",?\s+(?:(?:above|below|to|for|in|by|from|under|after|before)\s+)?(?:which|whom)\b", re.I)


def _main_part(clause: str) -> str:
    """The clause up to a relative clause that follows its first modal verb (all of it when there is none)."""
    first = _MODAL_VERB.search(clause)
    rel = _RELATIVE.search(clause, first.end()) if first else None
    # "may examine the contents ... in camera to determine whether such records ... shall be withheld": the question
    # the court decides is no verb of the clause
    rel = rel or (re.compile(r"\s+whether\b", re.I).search(clause, first.end()) if first else None)
    return clause[: rel.start()] if rel else clause




# "whenever the attorney general shall believe ... that there is a violation ... he or she may bring an action":
# an old-style conditional "shall" (whoever forms the belief), not a duty; the clause's verb is "may bring".
_CONDITIONAL_SHALL = re.compile(r"\b((?:whenever|if|when|where)\b[^;,]{0,160}?)\bshall\s+"
                                r"(?=(?:believe|determine|find|decide|consider|deem)\b)", re.I)


# "The relevant national authorities will improve scientific regulatory methods": a public body that opens the clause
# as its subject is bound by "will" whatever the verb ("making data open will improve services" only predicts).
_BODY_WILL = re.compile(r"^\W*(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:authorit(?:y|ies)|departments?|agenc(?:y|ies)|"
                        r"ministr(?:y|ies)|administrations?)\s+will\s+(?!not\b)[a-z]+", re.I)


# "the controller shall send a notice ... disclosing that such controller believes ... and that such controller shall
# not comply with such request": what a notice must say, reported after the clause's own modal verb, is no verb of
# the clause.
# ("data that may include personal information that the person does not own shall notify": the noun "information"
# before a relative "that" reports nothing, so only the verbs' own forms are looked for.) What an authority judges
# is reported too: "may be delayed if ... a law enforcement agency determines that the notification will impede a
# criminal investigation" grants a delay; the "will" is the agency's finding.
# (What Member States "may provide that" a trader "has to" do is what they may enact, no duty of theirs.)
_REPORTED = re.compile(r"\b(?:disclos(?:e|es|ed|ing)|notif(?:y|ies|ied|ying)|inform(?:s|ed|ing)?|"
                       r"(?<!Member\s)stat(?:e|es|ed|ing)|explain(?:s|ed|ing)?|indicat(?:e|es|ed|ing)|"
                       r"specif(?:y|ies|ied|ying)|determin(?:e|es|ed|ing)|find(?:s|ing)?|found|provid(?:e|es|ing))"
                       r"\s+(?:[^.;]{0,80}?\s)?that\b", re.I)


# "If vacancies should occur within thirty (30) days ..., the council may set the election", "When a vacancy shall
# occur ..., a majority ... may appoint": the old-style modal of an opening condition is the condition's mood, not the
# clause's modality, where the main clause after it has a modal verb of its own.
# "If the Mayor decides that the public record may not be withheld, he shall order ...": the condition's modal verb
# is what was decided, not the clause's.
_CONDITION_MODAL = re.compile(r"^(\W*(?:if|when|whenever|where|in\s+the\s+event\s+(?:that\s+)?)\b[^,;]{0,200}?)"
                              r"\b(?:shall|should|may)\s+(?=[^,;]*,\s[^;]*?\b(?:shall|must|may|should)\b)", re.I)


# "(4) Only the direct costs of search, duplication, or review may be recovered.", "Only matters contained in said
# summary shall be considered": a thing opened by "Only" and acted on forbids the rest ("Only the Council may censure
# one of its own members" is the Council's power).
_ONLY_SUBJECT = re.compile(r"^\W*(?:\(\w{1,4}\)\s*)*(?-i:Only)\s+"
                           r"(?!(?:if|when|where|after|to|in|upon|once|until|by|for|with)\b)[^.;:]{1,100}?\b"
                           r"(?:shall|may|must)\s+be\s+(?:\w+ly\s+)?[a-z]+(?:ed|en)\b")


# "in accordance with the personnel rules, regulations, policies, and ordinances that the city council may adopt":
# a relative clause says which rules, what the council may do is no part of the clause's own modality.
# So is "the risk the reporting entity may reasonably face that ..." (the AML/CTF Act 2006's 36(1)(a), "that" left
# out): which risk, not what the entity is allowed to do.
_RELATIVE_MAY = re.compile(r"\b(?:that|which)\s+the\s+(?:[\w-]+\s+){1,3}?may\s+(?:from\s+time\s+to\s+time\s+)?"
                           r"(?:adopt|prescribe|establish|enact|approve|designate)\b|"
                           r"\b(?:risks?|harms?|loss(?:es)?)\s+(?:that\s+)?the\s+(?:[\w-]+\s+){1,3}?may\s+"
                           r"(?:reasonably\s+)?(?:face|incur|suffer|encounter)\b", re.I)


def statute_modality(clause: str) -> str | None:
    """mandatory, prohibition, permission or recommended for one clause of a statute, or None."""
    clause = _RELATIVE_MAY.sub("", _CONDITIONAL_SHALL.sub(r"\1", _CONDITION_MODAL.sub(r"\1", _asides_out(clause))))
    clause = NOT_REQUIRED_TAIL.sub("", RELATIVE_SHALL_NOT.sub(r"\1", clause))  # which meeting; a requirement lifted
    clause = without_decided(clause)
    reported = _REPORTED.search(clause)
    if reported and _MODAL_VERB.search(clause, 0, reported.start()):
        clause = clause[:reported.start()]
    if _PROHIBITION.search(clause) or _ONLY_SUBJECT.match(clause):
        return "prohibition"
    if _RIGHT_AGAINST.search(clause):
        return "mandatory"
    if _PERMISSION.search(clause):
        return "permission"
    if _MANDATORY.search(clause) or _BODY_WILL.search(clause):
        return "mandatory"
    if _RECOMMENDED.search(clause):
        return "recommended"
    if _MAY.search(clause):
        return "permission"
    to_be = _TO_BE.search(clause)
    # "the context in which personal data is to be processed" (or "IN WHICH ... ARE TO BE"): which context, no duty.
    if to_be and not re.search(r"\b(?:which|that|whom|whose|where)\b[^,;]{0,80}$", clause[:to_be.start()], re.I):
        return "mandatory"
    return None


# Parties listed before the sentence's verb, each a few words opening with an article: "The Mayor, the
# Administration" (or one party: Charlottesville's "The councilors, and other officers elected by the people shall
# each ...").
_PARTY_LIST = re.compile(r"^\W*(?:the|each|every|any)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+"
                         r"(?:,\s+(?:the|each|every|any)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)*$", re.I)

_OPEN_ON_PREPOSITION = re.compile(r"\b(?:of|to|for|with|from|by|on)\s*,?\s*$", re.I)


# "While an SE may adopt a different policy, it must include the requirements set forth in this one.": what a party
# may do, conceded before what it must, is a permission of its own beside the duty.
_CONCESSIVE = re.compile(r"^(?:While|Although|Though)\s[^,;]*\bmay\b[^,;]*(,)\s+"
                         r"(?=(?:it|they|he|she|the|such|each|an?)\b[^,;]{0,60}?\b(?:shall|must)\b)")


# UK DPA 2018 66(2)(c): "must ... implement measures designed to— (c) ensure that any systems used ... function
# properly and may, in the case of interruption, be restored": a passive "may be" coordinated inside the "that" clause
# after the duty's verb says what the systems can be, no permission of its own.
_INNER_MAY_BE = re.compile(r",?\s+and\s+may\s*(?:,[^,;]{1,80},\s*)?be\s+[a-z]+(?:ed|en)\b", re.I)


def _inner_clause_after_modal(sentence: str, begin: int, start: int) -> bool:
    """Whether a clause ("that", "which", "if" ...) opens after the last modal verb between ``begin`` and ``start``
    (or after ``begin``, in a point read apart from the lead-in that holds its modal verb)."""
    after = begin
    for m in _MODAL_VERB.finditer(sentence, begin, start):
        after = m.end()
    return _INNER_CLAUSE.search(sentence, after, start) is not None


def _pieces(sentence: str) -> list[tuple[int, int]]:
    """Spans of the coordinated modal clauses of a sentence; a later one starts at its "and"."""
    pieces = []
    begin = 0
    cuts = [(m.start(), m.end() - len(m.group(0).lstrip(",; ")), False) for m in _CLAUSE_SPLIT.finditer(sentence)]
    cuts += [(m.start(), m.end(), True) for m in _REPEATED_MODAL.finditer(sentence)]
    cuts += [(m.start(1), m.end(), False) for m in _CONCESSIVE.finditer(sentence)]
    for start, end, repeated in sorted(cuts):
        # (a rule's "will" of an agency's procedure is a modal verb too: "Requests ... will be made in writing and
        # Licensees shall have ...")
        if repeated and not _MODAL_VERB.search(sentence, begin, start) \
                and not re.search(r"\bwill\s+be\b|\b(?:is|are)\s+required\s+to\b", sentence[begin:start]):
            continue
        # A bare "and" after a sentence's opening words that hold no modal verb joins a coordinated subject, not two
        # clauses: "The mayor and any councilmember who has a private interest ... shall disclose", "No former mayor
        # and no former councilmember shall hold any compensated appointive office".
        if begin == 0 and len(sentence[:start].split()) <= 6 and not _MODAL_VERB.search(sentence, 0, start) \
                and re.match(r"\s+and\s+(?!(?:shall|must|may|should|not)\b)", sentence[start:], re.I):
            continue
        # So does the last of a list of parties: "The Mayor, the Administration, and the City Departments shall have
        # the authority to promulgate reasonable rules" (Bethlehem's ordinance) is one sentence with one verb.
        if begin == 0 and _PARTY_LIST.match(sentence[:start]) and not _MODAL_VERB.search(sentence, 0, start) \
                and re.match(r",\s+and\s+(?!(?:shall|must|may|should|not)\b)", sentence[start:], re.I):
            continue
        if repeated and re.match(r"may\b", sentence[end:], re.I) and _INNER_CLAUSE.search(sentence, begin, start):
            continue
        if not repeated and _INNER_MAY_BE.match(sentence, start) and _inner_clause_after_modal(sentence, begin, start):
            continue
        # "may petition the district court for the issuance of, and the district court may issue, a subpoena" (NRS
        # 432B.407(4)): a clause left open on its preposition shares the object after the inserted one: one clause.
        if power_then_required(sentence, begin, start):
            continue  # "shall have the power and shall be required to receive ...": one duty
        if AND_NOT_REQUIRED.match(sentence, start):
            continue  # "..., and shall not be required to include an agenda": a requirement lifted, no clause
        if _OPEN_ON_PREPOSITION.search(sentence, begin, start) or OPEN_BRACKET.search(sentence, 0, start):
            continue  # (nor inside brackets: "another person (meaning ... of the person; the same shall apply in ...)")
        pieces.append((begin, start))
        begin = end
    pieces.append((begin, len(sentence)))
    return pieces


# "The requirements ... shall apply to those high-risk AI systems and shall be part of that assessment": being part of
# what a scope rule brings them into is the scope rule's second limb, not a duty.
_PART_OF = re.compile(r"\W*and\s+shall\s+(?:be|form)\s+(?:an?\s+)?(?:integral\s+)?part\s+of\b", re.I)


def _another_party(sentence: str, at: int) -> bool:
    """Whether the clause at ``at`` follows a semicolon and names a party other than the sentence's before its
    verb: "The provider shall keep the logs; the deployer shall keep them" states two duties."""
    if not sentence[:at].rstrip().endswith(";") or not _OWN_PARTY.match(sentence, at):
        return False
    party = statute_addressee(_subject_of(sentence[at:]))
    return party is not None and party != statute_addressee(_subject_of(sentence))


# Rivergrove's charter: "The mayor, upon his own motion may, or at the request of two members of the council shall, by
# giving notice ..., call a special meeting": one verb, a permission and a duty, each with the words they share.
# (GDPR 37(4): "... may or, where required by Union or Member State law shall, designate a data protection officer":
# the comma after "or", not before it)
_EITHER_MODAL = re.compile(r"^(?P<head>[^;]*?\b(?P<m1>may|shall|must))(?:,\s+|\s+(?=or,))"
                           r"(?P<alt>or,?\s+[^,;]{1,160}?\s+(?P<m2>shall|must|may)),\s+(?P<rest>(?!not\b).+)$",
                           re.I | re.S)
_BARE_MODALITY = {"may": "permission", "shall": "mandatory", "must": "mandatory"}
# Richmond's charter: "A public hearing ... shall be held by the council within the time ... provided for hearings on
# ordinances by § 4.10 of this charter, except that the notice of such hearing shall be printed in a newspaper ...":
# an exception that names its own subject and verb adds a duty of its own, even of the same modality.
_EXCEPT_THAT = re.compile(r"except\s+that\s+(?:the|each|every|such|any|its|their)\s+", re.I)


def _own_relative(sentence: str, at: int) -> bool:
    """Whether the clause at ``at`` is a relative clause with a party and a verb of its own (not the chosen
    person's office: "shall elect one of its members as mayor pro tem, who shall perform the duties of mayor")."""
    at += len(re.match(r"(?:and\s+)?", sentence[at:], re.I).group(0))  # type: ignore[union-attr]
    if not _RELATIVE_CLAUSE_DUTY.match(sentence, at):
        return False
    return not (re.match(r"who\b", sentence[at:], re.I) and _CHOOSES.search(sentence, 0, at))


# D.C. Code 2-532(a-1): "a public body shall provide the record ..., provided that the person shall pay the costs of
# reproducing the record": a proviso that puts a duty on a person other than the sentence's party.
_PERSON_PROVISO = re.compile(r"provided,?\s+(?:however,?\s+)?that\s+(?:the|a|an|such|each|any)\s+"
                             r"(?:person|requester|applicant|individual|consumer|customer|user)\s+"
                             r"(?:[^,;]{0,40}?\s)?(?:shall|must)\b", re.I)


def _stands_alone(sentence: str, at: int) -> bool:
    """Whether the clause at ``at`` names a party (or an exception, or a relative clause) with a verb of its own, so
    it is a duty of its own even beside one of the same modality; ``duty_clauses`` words each of these its own way."""
    return bool(
        _OWN_SUBJECT.match(sentence, at) or _another_party(sentence, at) or _EXCEPT_THAT.match(sentence, at)
        or _own_relative(sentence, at) or _NAMED_PARTY.match(sentence, at) or _PERSON_PROVISO.match(sentence, at)
        or _IF_SO.match(sentence, at)
    )


# Alberta's HIA 57(2): "must first consider whether ..., and if so, the custodian must collect ...": the second duty
# names its party again after the case it arises in.
_IF_SO = re.compile(r"\s*and\s+if\s+so,\s+(?:an?|the|each|such|any)\b", re.I)


# The AI Act's 44(2): "Certificates shall be valid for the period they indicate, which shall not exceed five years
# ...": a validity is no duty, the cap in its relative clause is the limit the issuer must keep.
_VALIDITY_CAP = re.compile(r"\bshall\s+(?:be|remain)\s+valid\s+for\b[^.;]{0,80}?,\s+which\s+shall\s+not\s+exceed\b",
                           re.I)


def _read_whole(sentence: str, at: int) -> bool:
    """Whether a sentence's one duty clause, starting at ``at``, is the whole sentence: it starts it, or the words
    before it are the sentence's opening condition."""
    if NON_DUTY.search(sentence):
        return False
    # "Where the controller would be required to rectify ... but the personal data must be maintained ..., the
    # controller must ... restrict its processing": a "but" inside the opening condition cuts no clause of its own
    # The machinery Regulation's 13(2): "Furthermore, where the product presents a risk to ... persons and, where
    # appropriate, ... property, and, where applicable, to the environment, the importer shall inform ...": an "and"
    # inside the opening condition, before any modal verb, parts no clause either.
    return at == 0 or (bool(_OPENS_WITH_CONDITION.match(sentence)) and "," not in sentence[:at]
                       and re.match(r"\s*but\b", sentence[at:]) is not None) \
        or (bool(_LEADING_CONDITION.match(sentence)) and not _MODAL_VERB.search(sentence[:at]))


def duty_clauses(sentence: str) -> list[tuple[str, str]]:
    """(modality, text) for each duty a sentence states; exceptions are left out.

    Coordinated clauses of one modality are one duty ("shall be drawn up ... and shall be kept up to date"),
    unless the later one names a party of its own ("..., and the Governor shall approve it": two parties);
    a change of modality ("shall cooperate ..., and shall not perform ...") or an exception between them
    ("shall be limited to ..., and shall be made to ...") parts them. A part after the first keeps the
    sentence's subject, with an ellipsis for what was left out ("the notification … and shall be made to").
    """
    if NOT_A_DUTY_AT_ALL.search(sentence):
        return []
    either = _EITHER_MODAL.match(sentence)
    if either and either.group("m1").lower() != either.group("m2").lower() and not NON_DUTY.search(sentence):
        rest, party = either.group("rest").strip(), _subject_of(sentence)
        return [(_BARE_MODALITY[either.group("m1").lower()], f"{either.group('head')}, … {rest}"),
                (_BARE_MODALITY[either.group("m2").lower()], f"{party} … {either.group('alt')}, {rest}")]
    groups: list[tuple[str, int, int]] = []  # modality, start, end
    broken = False
    for n, (a, b) in enumerate(_pieces(sentence)):
        clause = sentence[a:b]
        # A later clause keeps the sentence's subject: "This policy is a minimum standard and should not inhibit
        # ..." is a rule about the policy, whichever clause says so.
        with_subject = clause if n == 0 else f"{_subject_of(sentence)} {clause}"
        # a clause that opens with its condition has its main verb at the end ("but if ... shall fail to qualify,
        # ... for which said officer was elected, ... or said officer's office shall be deemed vacant"): read it whole
        main = clause if _OPENS_WITH_CONDITION.match(clause) else _main_part(clause)
        if NON_DUTY.search(without_decided(main)) or _INSTRUMENT_LIMIT.search(with_subject) \
                or (n > 0 and PENALTY_CAP.search(with_subject)) or (broken and _PART_OF.match(clause)):
            broken = True
            continue
        modality = statute_modality(_main_part(sentence[:b] if n == 0 else clause)) \
            or ("permission" if n > 0 and _RELATIVE_PERMISSION.match(re.sub(r"^and\s+", "", clause))
                and _own_relative(sentence, a) else None)
        if n > 0 and _SHARED_NEGATION.match(clause) and groups and groups[-1][0] == "mandatory":
            modality = "prohibition"
        if modality == "mandatory" and _VALIDITY_CAP.search(clause):
            modality = "prohibition"
        if modality is None:
            continue
        if groups and not broken and groups[-1][0] == modality and not _stands_alone(sentence, a):
            groups[-1] = (modality, groups[-1][1], b)
        else:
            groups.append((modality, a, b))
        broken = False
    whole = len(groups) == 1 and _read_whole(sentence, groups[0][1])
    out = []
    for modality, a, b in groups:
        if whole:
            out.append((modality, sentence.strip()))
        elif a == 0:
            out.append((modality, sentence[:b].strip().rstrip(",")))
        elif _another_party(sentence, a):
            out.append((modality, sentence[a:b].strip()))  # "; the deployer shall ...": its own subject
        elif _OWN_SUBJECT.match(sentence, a):
            out.append((modality, sentence[a:b].strip()[4:]))  # "and the controller shall ...": its own subject
        elif _EXCEPT_THAT.match(sentence, a) or _own_relative(sentence, a):
            # "except that the notice ... shall": its own subject; "reasonable rules that shall be issued by ...":
            # the thing named just before, with no comma between
            thing = re.search(r"^.*(?:^|[,;(]|\b(?:with|to|of|in|for|by|under|on)\b)\s*((?:[\w'’-]+\s+){1,4})$",
                              sentence[:a]) if re.match(_RELATIVE_PASSIVE, sentence[a:], re.I) \
                and not sentence[:a].rstrip().endswith(",") else None
            out.append((modality, f"{thing.group(1) if thing else ''}{sentence[a:b].strip()}"))
        elif _SHARED_NEGATION.match(sentence, a):
            modal = _MODAL_VERB.search(sentence)
            out.append((modality, f"{_subject_of(sentence)} {modal.group(0) if modal else ''} … "
                                  f"{sentence[a:b].strip()}"))
        else:
            # "the regulated entity ... is not required to comply ... and may request": the exception binds no one
            subject = _subject_of(sentence)
            subject = subject[:cut.start()].rstrip() if (cut := NON_DUTY.search(subject)) else subject
            # "A valid authorization ... is a document ... and must be written in plain language": one sentence
            # "This inspection need not be an inventory, but must be sufficient to ..." (27 CFR 555.204): what the
            # duty need not be, then what it must be: one duty, read whole
            whole_duty = bool(_NEED_NOT_BUT.search(sentence[:a])) and re.match(r"\s*but\b", sentence[a:]) is not None
            out.append((modality, sentence[:b].strip() if whole_duty or re.search(r"\s(?:and|or)$", subject)
                        else f"{subject} … {sentence[a:b].strip()}"))
    return out


_NEED_NOT_BUT = re.compile(r"\bneed\s+not\b[^;]*,\s*$", re.I)


# "..., which may be extended for an additional period": a relative clause, so no modal of the sentence's own, but
# the extension it grants is a permission.
_EXTENSION = re.compile(r"which\s+may\s+be\s+(?:extended|renewed|prolonged)\b", re.I)


_SHARED_CONDITION = re.compile(r"(?:or\s+)?((?:in\s+the\s+case\s+of|where|if|when)\b.*),\s+[^,]*?"
                               r"\b(?:shall|must|may)\b", re.I)


# Art. 60(4)(h): "the latter have been informed ...; the provider and the deployer shall conclude an agreement ...".
# Art. 59(1)(j): "... is published on the website ...; this obligation shall not cover ...": an exception after the
# semicolon, cut off the point as any later clause is.
# (the Data Act's 6(2)(e): "...; third parties shall also not use ...", a party named by a bare plural)
# Art. 5(1)(g): "...; this prohibition does not cover any labelling or filtering ...": the exception in the present
# tense, with no modal verb.
# GDPR 28(3)(a): "... unless required to do so by Union or Member State law ...; in such a case, the processor shall
# inform the controller ...": a case phrase before the party changes nothing.
_SEMICOLON_DUTY = re.compile(r"(?<=;)\s+(?=(?:in\s+(?:such\s+an?|such|that|this|either|each)\s+case,\s+)?"
                             r"(?:" + THAT_PARTY_SHALL + r"|(?:the|each|every|such|any|this|these)\s+[^,;]{0,120}?"
                             r"\b(?:shall|must|may|cannot)\b)|(?:[a-z][\w-]*\s+)?" + _BARE_PLURAL + "|"
                             r"this\s+(?:prohibition|obligation|requirement)\s+(?:does|do)\s+not\s+(?:cover|apply)\b|"
                             + DATA_LIMB + ")",
                             re.I)


_OWN_PARTY = re.compile(r"\s*(?:the|each|every|such|any)\s+[^,;]{0,120}?\b(?:shall|must)\b", re.I)

# "...; this obligation shall not cover sensitive operational data ...": an exception to the point, not a limit of
# its duty, so it is cut off (and dropped) rather than kept in the point's text.
# Art. 5(1)(d): "...; this prohibition shall not apply to AI systems used to support ...": the same.
_EXCEPTION_LIMB = re.compile(r"\s*this\s+(?:obligation|requirement|prohibition)\s+(?:shall|does|do)\s+not\s+"
                             r"(?:cover|apply)\b|" + DEEMING_LIMB, re.I)


def explicit_permission(clause: str) -> bool:
    """Whether ``clause`` grants a permission in so many words ("can ... only in accordance with", "is entitled
    to"), not by a bare "may" that a subordinate clause may hold ("to identify if any high risks ... may arise")."""
    return bool(_PERMISSION.search(clause))


def _semicolon_duties(point: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces of a point that borrows its lead-in's verb, cut again where a clause after a semicolon names a party
    and a verb of its own; not before a limit ("; the priority access shall not preclude ..."), which stays with the
    point's duty."""
    out = []
    for a, b in pieces:
        start = a
        for m in _SEMICOLON_DUTY.finditer(point, a, b):
            end = point.find(";", m.end(), b)
            limb = point[m.end(): end if end >= 0 else b]
            if not NON_DUTY.search(limb) or _EXCEPTION_LIMB.match(limb):
                out.append((start, m.start()))
                start = m.end()
        out.append((start, b))
    return out


# "Adhere to the core socialist values and do not generate content ...", "respect the rights of others, do not
# endanger ...": an imperative point that coordinates a negation with its own verb holds a prohibition beside the
# duty it borrows from its lead-in (not "ensure that the data are accurate and do not ...": a subordinate clause).
_IMPERATIVE_NOT = re.compile(r"(?:,\s*(?:and\s+)?|\band\s+)(?=do\s+not\s+[a-z])", re.I)
_SUBORDINATE = re.compile(r"\b(?:that|which|who|whom|where|when|if|unless|whether)\b", re.I)


_AND_MODAL = re.compile(r"\s*and\s+(?:shall|must|may)\b", re.I)


def later_clauses(point: str, lead_modality: str | None) -> tuple[str, list[tuple[str, str]]]:
    """A point's own clauses and its later coordinated clauses of another modality, each (modality, text).

    "Examine all payrolls ..., and shall issue no warrant unless ...": the point binds as its lead-in says, the
    later clause is a prohibition of its own; "Shall have custody of the seal ... and may affix it ..., but the
    absence of the seal shall not affect ..." keeps the custody, adds the permission and drops the exception. The
    point's own text runs to its first clause that is an exception or changes the modality.
    """
    if NOT_A_DUTY_AT_ALL.search(point):
        return point, []  # a definition or a rule of evidence: no later clause of it binds either
    negation = _IMPERATIVE_NOT.search(point)
    if negation and lead_modality == "mandatory" and statute_modality(point[:negation.start()]) is None \
            and not _SUBORDINATE.search(point[:negation.start()]):
        own, before = later_clauses(point[:negation.start()], lead_modality)
        return own, [*before, ("prohibition", point[negation.end():].strip())]
    pieces = _pieces(point)
    cut = _semicolon_duties(point, pieces)
    own_first = statute_modality(point[: cut[0][1]])
    if own_first is None or len(cut) > len(pieces):
        pieces = cut
    first_modality = own_first or lead_modality
    own_end = len(point)
    later: list[tuple[str, str]] = []
    for a, b in pieces[1:]:
        clause = point[a:b]
        modality = statute_modality(clause) or ("permission" if _EXTENSION.match(clause) else None)
        # A point that borrows its lead-in's verb ("the latter have been informed ...") and then, after a semicolon,
        # states a duty in a verb of its own ("; the provider and the deployer shall conclude an agreement") holds two.
        # So does one with a verb of its own whose limb after the semicolon names a party of its own ("(a) the provider
        # shall keep the logs; the deployer shall keep them for six months"): two parties, two duties.
        own_verb = point[:a].rstrip().endswith(";") and (own_first is None or _OWN_PARTY.match(clause) is not None)
        # So does one whose relative clause binds the officer it names (", whose duty it shall be forthwith to take
        # such steps ...").
        own_verb = own_verb or _own_relative(point, a)
        # So does a passive with a subject and an agent of its own ("he or she shall retire from the chair and the
        # question shall be determined by majority vote of the remaining members"): another party acts. So does a point
        # with its own verb whose ", and the data intermediation services provider shall ..." names a party again.
        own_verb = own_verb or _OWN_PASSIVE.match(clause) is not None
        own_verb = own_verb or (own_first is not None and _OWN_SUBJECT.match(clause.lstrip(" ,")) is not None
                                and statute_addressee(_subject_of(clause)) is not None)
        # Once the point's own words have ended, a later clause with a verb of its own is a duty of its own
        # whatever its modality; one coordinated with a conditioned clause ("in the case of law enforcement, where
        # ..., X shall not ..., and their personal data shall be deleted") shares its condition.
        ended = own_end < len(point)
        # "provided, however, that the city manager shall not be authorized to vote and shall not be authorized to
        # attend ...": a verb repeated for the same subject goes on the clause before, as in a sentence.
        if ended and later and modality == later[-1][0] and _AND_MODAL.match(clause) and not NON_DUTY.search(clause):
            later[-1] = (modality, f"{later[-1][1]} {clause.strip()}")
            continue
        if first_modality is None and modality is not None and not ended and not NON_DUTY.search(point[:b]) \
                and not point[:a].rstrip().endswith(";"):
            # "RULEMAKING.—The Federal banking agencies, the Secretary ..., and the Federal Trade Commission shall
            # each prescribe" under a lead-in with no verb: a list of parties, then the point's own verb (not after an
            # exception: "the controller is not required to comply with it, and may publish ..." keeps its permission)
            first_modality = modality
            continue
        if AND_NOT_REQUIRED.match(clause):
            continue  # "..., and shall not be required to include an agenda": part of the clause before it
        if NON_DUTY.search(clause) or (modality is not None and (modality != first_modality or own_verb or ended)):
            own_end = min(own_end, a)
            if not NON_DUTY.search(clause) and modality is not None:
                condition = _SHARED_CONDITION.match(later[-1][1]) if later and clause.startswith("and ") else None
                later.append((modality, f"{condition[1]}, … {clause[4:].strip()}" if condition else clause.strip()))
    return (point[:own_end].strip().rstrip(",") if own_end < len(point) else point), later


_OWN_PASSIVE = re.compile(r"\W*and\s+the\s+[\w'’-]+\s+shall\s+be\s+[a-z]+(?:ed|en)\s+by\b", re.I)


pieces = _pieces  # the spans of a sentence's coordinated modal clauses, for ``lead_ins``
