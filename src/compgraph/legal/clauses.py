"""How a statute's sentence binds: its clauses, their modality, and who they bind.

A statute states duties ("shall", "must"), prohibitions ("shall not", "In no case shall", "are not to be"),
permissions ("may", "is empowered to", "shall have a choice of") and, in the same words, clauses that bind
no one: exceptions, scope and application rules, deeming and without-prejudice clauses. ``duty_clauses``
splits a sentence into its coordinated modal clauses ("shall cooperate ..., and shall not perform ...") and
keeps those that state a duty; ``statute_addressee`` names the party a clause binds.
"""

from __future__ import annotations

import re

from compgraph.legal.parties import (  # who a clause binds and what it is about
    _MODAL_VERB,
    _RESPONSIBLE_FOR,
    _RIGHT_AGAINST,
    STATUTE_ROLES,
    _subject_of,
    acting_party,
    main_clause,
    statute_addressee,
    statute_topic,
    strip_risk_class,
)

__all__ = ["MAY_INCLUDE", "NON_DUTY", "STATUTE_ROLES", "acting_party", "duty_clauses", "explicit_permission",
           "later_clauses", "split_lead_in", "statute_addressee", "statute_modality", "main_clause", "statute_topic",
           "strip_risk_class"]

# "This policy is a minimum standard and should not inhibit the dissemination of other public information": what
# an instrument does not limit, not a duty of anyone.
# So is what a provision does not prevent: "This paragraph shall not prevent technical storage ...", "This shall not
# prevent any technical storage or access ...".
_INSTRUMENT_LIMIT = re.compile(r"\b(?:this|the)\s+(?:policy|ordinance|act|chapter|article|paragraph|section|subsection|"
                               r"directive|regulation|provision)s?\b[^.;]{0,60}?\b"
                               r"(?:should|shall|must)\s+not\s+(?:inhibit|limit|restrict|preclude|prevent)\b|"
                               r"^\W*this\s+shall\s+not\s+(?:inhibit|limit|restrict|preclude|prevent)\b", re.I)

# Clauses that use a modal verb but state an exception, scope, application, deeming or safe-harbour rule.
NON_DUTY = re.compile(
    # "shall apply to / from / mutatis mutandis" is a scope rule; "Member States shall apply national provisions" is
    # a duty.
    # "for each agency to which paragraph (1) does not apply, the head ... shall engage": a relative clause says which
    # party, it excepts nothing.
    r"(?:^|[,;])(?:(?!\b(?:to|for|in)\s+wh(?:ich|om)\b)[^,;])*?\b(?:shall|does|do|will)\s+not\s+apply\b|"
    r"\bshall\s+(?:also\s+|only\s+|equally\s+)?apply\b"
    r"(?!\s+(?:national|appropriate|effective|such|its|their|those|these|penalties|sanctions|measures|rules)\b)"
    # "the Commission shall apply the procedure provided for in Article 11": a party applying something acts.
    r"(?!\s+(?:the|a|an)\s+(?!same\b)\w+)|"
    # "Such processing is permissible only up to the end of the period ...": the limit of a permission.
    r"\b(?:is|are)\s+permissible\s+only\b|"
    r"\b(?:apply|applies)\s+only\b|\bmutatis\s+mutandis\b|(?<!\bas\s)\b(?:shall\s+(?:not\s+)?be|is|are)\s+deemed\b|"
    r"\b(?:is|are|be)\s+without\s+prejudice\b|\bshall\s+not\s+affect\b|\bshall\s+concern\s+only\b|"
    r"\bshall\s+not\s+cover\b|\bshall\s+be\s+limited\s+to(?!\s+what\s+is)\b|"
    r"\bshall\s+be\s+subject\s+to\s+the\s+obligations\b|"
    # Art. 6: "shall be considered to be high-risk", "shall not be considered", "shall always be considered": a
    # classification rule, which binds no one; nor does "changes ... shall not constitute a substantial modification".
    r"\bshall\s+(?:not\s+|always\s+|also\s+)?be\s+(?:considered|regarded)\s+(?:to\s+be|as)\b|\bshall\s+not\s+constitute\b|"
    # "Notices ... shall be considered to give rise to actual knowledge", "a manufacturer shall be considered to have
    # its main establishment in ...": a legal fiction, as "shall be deemed"; "the obligations ... shall not form part
    # of the authorised representative's mandate": a limit of the mandate; "For the purpose of this Article, the
    # Member State concerned shall be the Member State in which ...": a definition.
    r"\bshall\s+(?:not\s+)?be\s+(?:considered|regarded)\s+to\s+(?!be\b)\w+|\bshall\s+not\s+form\s+part\s+of\b|"
    r"^\W*for\s+the\s+purposes?\s+of\s+this\s+(?:article|section|regulation|directive|chapter|part|paragraph|act)\b"
    r"[^.;]{0,80}?\bshall\s+be\s+the\b|"
    # Delaware 12D-108(c): "Data protection assessments must be treated as confidential and are not public records",
    # "a controller's data protection assessment may be used in an action to enforce this chapter": a legal status
    # and what a document may serve as in court, not duties.
    r"\b(?:is|are)\s+not\s+(?:a\s+)?public\s+records?\b|\bmay\s+be\s+used\s+in\s+(?:an?|any)\s+(?:action|proceeding)s?\b|"
    # GLBA 506(c): "and no inference shall be drawn on the basis of the provisions of this title regarding ...": a rule
    # of construction, as "nothing in this title shall be construed" before it.
    r"\bno\s+inference\s+(?:shall|may)\s+be\s+drawn\b|"
    r"\bshall\s+(?:no\s+longer\s+)?be\s+(?:considered|regarded|treated)\s+(?:to\s+be\s+|as\s+)?(?:an?|the)\s+\w+|(?<!\bthat\s)(?<!\bwhich\s)\b(?:(?:is|are)\s+not|shall\s+not\s+be)\s+subject\s+to\b|\bshall\s+not\s+be\s+construed\b|"
    r"\bnothing\s+in\s+this\b|\bshall\s+not\s+preclude\b|\bshall\s+be\s+without\s+prejudice\b|"
    # "The employment agency will need an updated bias audit if ...", "will soon need": a worked example foretells
    # what a party needs; the rule it illustrates states the duty ("will need to" stays a duty in "will" drafting).
    r"\bwill\s+(?:soon\s+|also\s+|then\s+)?need\s+(?!to\b)(?:an?|the|new|updated)\b|"
    # "The telephone number provided shall be a direct number": what the party supplies must be so (a duty), unlike
    # "The individual's prompt ... must be a clear and unambiguous request" (when the duty arises). What an office
    # holder must be is a qualification he must keep ("the city secretary shall be a resident citizen of the City",
    # "The city internal auditor must be a person knowledgeable in ..."). "Public hearings ... shall be a part of each
    # regular City Council meeting agenda": what must be included in something is a duty, as "shall be part of" is.
    r"(?<!\bthere\s)(?<!\bwhich\s)(?<!\bprovided\s)(?<!\bsupplied\s)\b(?:must|shall)\s+be\s+an?\s+(?!\w+ly\b)(?!violation\b)(?!part\s+of\b)"
    r"(?!(?:\w+\s+)?(?:person|resident|citizen|member|graduate)\b)(?!(?:qualified|licensed|registered|certified)\s)(?![^.;]*\b(?:implemented|maintained|reviewed|updated|documented)\b)|\b(?:shall\s+be|is|are)\s+presumed\b|"
    r"\bmay\s+be\s+exempt(?:ed)?\b|\b(?:is|are|shall\s+be)\s+exempt(?:ed)?\s+from\b|"
    r"\b(?:rebuttable\s+)?presumption\s+that\b|\bthe\s+presumption\s+shall\b|\bsatisfies\s+the\s+requirements\b|"
    r"\b(?:(?:is|are)\s+not|shall\s+not\s+be)\s+required\s+to\b|"
    # "This does not mean that agencies must provide ...", "this memorandum does not replace, supersede ... such
    # requirements": a limitation and a without-prejudice clause.
    r"\b(?:does|do)\s+not\s+mean\s+that\b|\b(?:does|do)\s+not\s+(?:replace|supersede)\b|"
    # A contract term "shall be deemed contrary to public policy and shall be void", compliance with another law
    # counting as compliance ("may comply with this section if", "is in compliance with ... by:") and a
    # clarification ("it is hereby clarified that ... shall be considered") state legal effects, not duties.
    r"\b(?:shall\s+be|is|are)\s+(?:null\s+and\s+)?void\b|\bcontrary\s+to\s+public\s+policy\b|"
    r"\bmay\s+comply\s+(?:with|under)\s+this\s+(?:section|part|chapter|article|act)\s+if\b|"
    r"\b(?:is|are|shall\s+be)\s+in\s+compliance\s+with\b[^.;]{0,160}?\bby\s*:|\bit\s+is\s+hereby\s+(?:clarified|declared)\s+that\b|\bshall\s+not\s+be\s+required\s+(?:if|where|when|in\s+the\s+case)\b|\bnothing\s+in\s+(?:subsections?|sections?|paragraphs?)\b|"
    r"\bdoes\s+not\s+constitute\b|\bshall\s+be\s+subject\s+to\s+the\s+general\s+principles\b|"
    r"^\s*only\s+[^,;]{1,160}?\s+shall\s+have\s+access\b|"
    # Definitions ("The term X shall mean", "Such term shall not include", "as used in this section shall not
    # include"), commencement ("shall take effect"), liability and a legal status or sanction ("shall be subject
    # to a ... waiver", "shall be guilty of a misdemeanor") bind no one to act.
    r"\bshall\s+(?:mean|refer\s+to)\b|\b(?:such|the|this)\s+term\s+shall\b|"
    r"\bas\s+used\s+in\s+this\s+(?:section|chapter|article|part|subdivision|title|act|ordinance)\b|"
    r"\b(?:this|the)\s+(?:local\s+)?(?:law|act|ordinance|chapter|regulation|directive|section|article|amendment|"
    r"part|rules?|(?:sub)?title)\s+(?:shall|will)\s+(?:take\s+effect|enter\s+into\s+force|come\s+into\s+force|"
    r"become\s+effective|be\s+effective)\b|"
    # Every EU regulation's final formula ("This Regulation shall be binding in its entirety and directly applicable
    # in all Member States."): the act's own legal force, as its "shall enter into force" is.
    r"\bshall\s+be\s+binding\s+in\s+its\s+entirety\b|"
    # A commencement whatever is commenced ("The budget will become effective upon this second publication", "The
    # provisions of this section, as amended, shall take effect on January 1, 1984") and the dates a period runs
    # between ("The fiscal year of the city shall begin on the first day of October") bind no one to act; "each
    # Department shall begin conducting quarterly reviews" does, and so does "No decision ... shall take effect
    # before a natural person has reviewed it" (what must happen first, not a date).
    r"\b(?:shall|will)\s+(?:take\s+effect|become\s+effective)\s+(?:on|upon|as\s+of|from|at|immediately)\b|"
    r"\b(?:year|term|period)\s+(?:of\s+[^.;,]{1,40}?\s+)?shall\s+(?:begin|commence|start)\s+on\b|"
    # Deeming with a word or a phrase before its verb ("The sum so certified shall not thereafter be considered
    # unappropriated", "All monies ... shall, for the purpose of such certificate, be deemed in the treasury"), and
    # what becomes of an unspent balance ("shall revert to the fund from which it was appropriated"): legal effects.
    r"\bshall\s+(?:not\s+)?(?:thereafter|hereafter|henceforth|then|again|otherwise)\s+be\s+"
    r"(?:considered|regarded|deemed)\b|\bshall\s*,[^.;]{1,80}?,\s*be\s+(?:deemed|considered|regarded)\b|"
    r"\bshall\s+(?:revert|lapse)\s+to\b|\bshall\s+be\s+subject\s+to\s+(?:future\s+|further\s+)?appropriations?\b|"
    # ("the following information ... shall remain confidential and exempt from s. 119.07(1)": a public-records
    # exemption, the status of what the department holds, as "is exempt from" is)
    r"\b(?:is|are|shall\s+(?:be|remain))\s+confidential\s+and\s+exempt(?:ed)?\s+from\b|"
    # Who enforces an instrument ("This regulation will be enforced by the superintendent"), how an order is ("the
    # order becomes and may be enforced as an order of the Federal Court"), and the time allowed to comply
    # ("Covered Entities shall have 180 days from the effective date of this Part to comply", a period's
    # point "One year from the effective date of this Part to comply with ...", "The following provisions shall
    # include additional transitional periods") say when and by whom duties are enforced, not what to do.
    r"\b(?:this|the)\s+(?:regulation|part|act|chapter|title|rules?|ordinance|law)\s+(?:shall|will)\s+be\s+"
    r"enforced\s+by\b|\b(?:becomes|become|may\s+be\s+enforced)\s+(?:and\s+may\s+be\s+enforced\s+)?as\s+an?\s+"
    r"(?:order|judgment|decree)\s+of\b|"
    # An instrument's own limits ("This order shall be implemented in a manner consistent with applicable law and
    # subject to the availability of appropriations", every executive order's): how its duties are read, no duty.
    r"\b(?:this|the)\s+(?:order|memorandum|directive|regulation|part|act|chapter|title|rules?|ordinance|law|policy)"
    r"\s+(?:shall|will|is\s+to)\s+be\s+(?:implemented|interpreted|construed|applied|read)\s+(?:in\s+a\s+manner\s+)?"
    r"(?:consistent(?:ly)?|subject|in\s+accordance)\b|"
    # What a provision does not prohibit or prevent ("This subsection shall not prevent a financial institution from
    # providing ...", "Subsections (a) and (b) shall not prohibit the disclosure ...") limits it and binds no one;
    # "A controller shall not prevent a data subject ..." is a prohibition.
    r"\b(?:this|the|such)\s+(?:sub)?(?:title|section|paragraph|chapter|part|article|act)s?\b[^.;]{0,60}?"
    r"\bshall\s+not\s+(?:prohibit|prevent|limit|restrict)\b|"
    r"\b(?:sub)?(?:sections?|paragraphs?)\s+\([^)]*\)(?:(?:,|\s+and|\s+or)\s+\([^)]*\))*\s+shall\s+not\s+"
    r"(?:prohibit|prevent|apply|limit)\b|"
    # A rule of construction, a commencement, a sanction and a definition by reference (GLBA: "No provision of this
    # section shall be construed so as to prevent", "shall be effective upon enactment", "shall be fined",
    # "such State shall not be eligible to override", "shall have the same meaning as given in").
    r"\bshall\s+be\s+construed\s+so\s+as\s+to\b|\bshall\s+be\s+effective\s+upon\b|"
    r"\bshall\s+be\s+(?:fined|imprisoned)\b|\bshall\s+not\s+be\s+eligible\b|\bshall\s+have\s+the\s+same\s+meanings?\b|"
    r"\bshall\s+have\s+(?:\w+\s+){0,2}(?:\(\d+\)\s+)?(?:days?|weeks?|months?|years?)\b[^.;]{0,120}?\bto\s+comply\b|"
    r"^\W*(?:\w+\s+){1,2}(?:days?|weeks?|months?|years?)\s+from\s+[^.;]{0,80}?\bto\s+comply\b|"
    r"\bshall\s+include\s+(?:\w+\s+)?transitional\s+periods?\b|"
    # severability ("shall be found and determined to be invalid ..., all valid parts ... shall remain in full force")
    # and when an instrument applies ("The provisions of this Policy shall be applicable on or after ..."); whom a
    # programme must reach (DORA 13(6): "training shall be applicable to all employees") is part of the duty
    r"\bshall\s+be\s+(?:found|held|declared|determined)\s+(?:and\s+\w+\s+)?(?:to\s+be\s+)?"
    r"(?:invalid|unconstitutional|void)\b|\bremain\s+in\s+full\s+force\b|\bshall\s+(?:not\s+)?be\s+applicable\b(?!\s+to\s+all\s+(?:employees|staff|personnel|members)\b)|"
    r"\b(?:shall|must|will)\s+not\s+(?:result\s+in|give\s+rise\s+to)\s+(?:any\s+)?(?:civil\s+|criminal\s+)?"
    r"liability\b|\bshall\s+not\s+be\s+liable\b|"
    # A liability shield ("Neither an operator nor the operator's agent shall be held liable under any Federal or
    # State law for any disclosure made in good faith") and an exemption ("In such case, there also shall be no
    # obligation to provide notice") bind no one.
    r"\bshall\s+(?:not\s+)?be\s+held\s+liable\b|\bshall\s+be\s+no\s+obligation\b|"
    # Being liable for damage (Art. 60(9) "shall be liable under applicable ... liability law") and a tacit approval
    # ("shall be understood to have been approved") are legal effects, as "shall be deemed" is.
    # ("he and his sureties shall be individually liable to the city": the adverb changes nothing)
    r"\bshall\s+be\s+(?:\w+ly\s+(?:and\s+\w+ly\s+)?)?liable\s+(?:under|for|to|in\s+accordance)\b|"
    r"\bshall\s+be\s+understood\s+to\s+(?:have\s+been|be)\b|\bshall\s+remain\s+subject\s+to\b|"
    # A disclaimer ("Data sets shall be available for informational purposes only. The city does not warrant
    # ..."), a short title ("This Act may be cited as"), a scope rule ("Data not subject to the requirements of
    # this Section include"), a legal status ("shall be entirely in the public domain") and what an instrument
    # may not demand ("provided that the standards shall not require the agencies to post ...") bind no one.
    r"\b(?:does|do)\s+not\s+warrant\b|\bmakes?\s+no\s+(?:[\w-]+\s+){0,3}warrant(?:y|ies)\b|"
    r"\bwarranties\s+(?:are\s+)?to\s+be\s+implied\b|"
    r"\b(?:is|are|shall\s+be)\s+(?:provided|available|made\s+available)\s+for\s+informational\s+purposes\b|"
    r"\bmay\s+be\s+cited\s+as\b|\b(?:act|law|ordinance|chapter|article)\s+shall\s+be\s+known\b|"
    r"\bshall\s+be\s+treated\s+as\s+(?:licen[cs]e|royalty|copyright)-free\b|"
    r"\bshall\s+be\s+subject\s+to\s+the\s+provisions\s+of\b|"
    # A rule of construction binds whoever reads the law, not a party, whatever its subject ("This exemption shall
    # be construed in conformity with s. 119.071(2)(c)", "shall be construed as", "to").
    # Maryland drafts the rule "MAY NOT BE CONSTRUED TO ALLOW ...", as others draft "shall not be construed to".
    r"\bshall\s+be\s+construed\b|\bmay\s+not\s+be\s+construed\b|"
    # "Subsections (2) ... and (3) are not to be construed so as to authorize ...": a rule of construction.
    r"\b(?:is|are)\s+not\s+to\s+be\s+(?:construed|interpreted|applied)\b|"
    # "An exemption under subsection (2) need not be published in the Gazette": an exemption.
    r"\bneed\s+not\b|"
    r"\bshall\s+not\s+warrant\b|\b(?:shall|does|do)\s+not\s+create\s+(?:any\s+)?(?:private\s+)?right|"
    r"\bshall\s+have\s+(?:any\s+)?(?:intellectual\s+property|proprietary|ownership)\s+(?:rights?|interests?)\b|\bnor\s+shall\s+[^.;]{0,120}?\bbe\s+liable\b|"
    r"\bnot\s+subject\s+to\s+the\s+requirements\s+of\s+this\s+(?:section|act|chapter|article|part|ordinance)\b|"
    r"\bshall\s+be\s+(?:\w+\s+)?in\s+the\s+public\s+domain\b|"
    r"\b(?:the|such|these|this)\s+(?:standards?|rules?|polic(?:y|ies)|plans?|manuals?|guidelines?)\s+shall\s+not\s+"
    r"require\b|"
    r"\bshall\s+be\s+subject\s+to\s+(?:a|an|the)\s+[^.;]{0,60}?\b(?:waiver|licen[cs]e|penalt(?:y|ies)|fine)\b|"
    r"\bshall\s+be\s+subject\s+to\s+(?:administrative\s+)?(?:fines|penalties|sanctions)\b|"
    # "the processor is a controller with respect to such processing and may be subject to an enforcement action
    # under section 11": a legal consequence, not a permission.
    r"\bmay\s+be\s+subject\s+to\s+(?:an?\s+)?(?:enforcement\s+actions?|fines|penalties|sanctions|liability)\b|"
    # California's "A proceeding ... shall be subject to appropriate notice to, and an opportunity for a hearing", a
    # scope rule "retrospective reviews shall be for care rendered on or after January 1, 2000" and "No
    # reimbursement is required by this act" (no duty at all) bind no one to act.
    r"\bshall\s+be\s+subject\s+to\s+(?:\w+\s+){0,2}(?:notice|hearing|judicial\s+review|appeal)\b|"
    r"\bshall\s+be\s+for\b|^\W*no\s+(?:\w+\s+){1,3}?(?:is|are)\s+required\b|"
    r"\bshall\s+be\s+(?:an?\s+)?guilty\s+of\b|"
    # A charter's limits on an office and the effect of a vote or veto: "shall have no vote therein", "it shall
    # take effect in the same manner as if the Mayor had signed it".
    r"\bshall\s+have\s+no\s+(?:\w+\s+)?(?:vote|power|authority|right)\b|"
    # What a charter constitutes rather than orders: where power is vested, who sits ("shall be composed of nine (9)
    # places", "A quorum shall consist of six (6) members"), how and for how long ("shall be elected at each biennial
    # election", "terms of office shall be for a period of", "shall serve for the unexpired period", "shall hold
    # office during the pleasure of"), paid what ("shall receive as compensation"), what a measure needs to pass
    # ("shall require on final passage the affirmative vote of"), what ends an office ("shall forfeit his place")
    # and what cannot be appealed ("shall be final").
    r"\bshall\s+be\s+vested\s+in\b|\bshall\s+(?:be\s+composed|consist)\s+of\s+(?:not\s+(?:less|more|fewer)\s+than\s+)?"
    r"[\w-]+\s+(?:\(\d+\)\s+)?(?:\w+\s+)?(?:members|places|persons|seats|commissioners|directors|trustees)\b|"
    r"\bshall\s+be\s+elected\s+(?:at|in)\s+(?:each|every|the|a)\b|\bterms?\s+of\s+office\s+shall\s+be\b|"
    r"\bshall\s+serve\s+(?:for\s+)?(?:a\s+(?:period|term)\s+of|the\s+unexpired)\b|\bshall\s+hold\s+office\s+(?:during|until)\b|"
    # Charlottesville's "said officer's office shall be deemed vacant", "such removal shall operate to vacate such
    # mayor's or councilor's office" (an office ended, as by forfeiture) and "shall have the powers vested in city
    # managers" (powers given by reference, as "shall be vested in").
    r"\bshall\s+be\s+deemed\s+vacant\b|"
    r"\bshall\s+operate\s+to\s+vacate\b|\bshall\s+have\s+the\s+powers\s+vested\s+in\b|"
    r"\bshall\s+receive\s+as\s+(?:compensation|salary)\b|\bshall\s+be\s+final\b|"
    r"\bshall\s+require\s+(?:on\s+(?:final\s+)?passage\s+)?the\s+(?:affirmative\s+)?vote\s+of\b|"
    r"\bshall\s+(?:\w+ly\s+)?forfeit\s+(?:his|her|their|its|the)\b|"
    # Rivergrove's charter: a quorum ("shall constitute a quorum"), what an act needs to be valid ("No action by the
    # council shall have legal effect unless ...", "the concurrence of a majority ... shall be necessary to decide"),
    # which law governs ("shall be governed by the applicable general laws of the state") and what a certificate
    # proves ("shall be prima facie evidence of") are rules and effects, not duties; so are the Data Act's "shall not
    # be binding on the user" and BIPA's remedies ("shall have a right of action", "A prevailing party may recover",
    # "has committed a single violation ... for which the aggrieved person is entitled to, at most, one recovery").
    r"\bshall\s+be\s+within\s+the\s+(?:territorial\s+)?jurisdiction\b|\bshall\s+constitute\s+a\s+quorum\b|\bshall\s+have\s+(?:no\s+)?legal\s+effect\b|"
    r"\bshall\s+be\s+necessary\s+to\s+(?:decide|pass|adopt|carry|approve)\b|"
    r"\bshall\s+be\s+governed\s+by\s+(?:the\s+)?(?:applicable\s+)?(?:general\s+)?laws?\b|"
    r"\bshall\s+be\s+(?:prima\s+facie|conclusive)\s+evidence\b|\bshall\s+not\s+be\s+binding\b|"
    r"\bshall\s+have\s+a\s+(?:private\s+)?right\s+of\s+action\b|"
    # A private person's action to enforce the law ("A PERSON MAY BRING A CIVIL ACTION AGAINST A LAW ENFORCEMENT
    # AGENCY TO COMPEL COMPLIANCE"): a remedy, as a right of action is; an attorney general's "may bring an action"
    # is that officer's power.
    r"\b(?:a|any)\s+(?:person|individual|consumer|resident)\s+(?:[^.;]{0,60}?\s)?may\s+(?:bring|institute|commence)\s+"
    r"(?:a|an)\s+(?:civil\s+)?action\b|"
    r"\b(?:prevailing|aggrieved)\s+(?:party|person)\s+(?:may|is\s+entitled\s+to)\s+recover\b|"
    r"\bhas\s+committed\s+a\s+single\s+violation\b|"
    # Washington's RCW 19.255.040: the violator "may be enjoined" (a remedy against it, as an action is), a trier of
    # fact's deeming of compliance ("will be considered compliant"), an act that "shall be perjury, and punishable",
    # a councilor's privilege ("for words uttered in debate ... shall not be questioned in any other place"), a
    # commencement a period after passage ("shall take effect thirty (30) days after their passage"), a consequence
    # ("Property shall be subject to sale for nonpayment of taxes"), what a measure needs to pass ("At least seven (7)
    # affirmative votes are required to pass an ordinance") and the electors' own powers ("may exercise the powers
    # of the initiative and referendum"): remedies, legal effects and rights, binding no one to act.
    r"\bmay\s+be\s+enjoined\b|\bwill\s+be\s+(?:considered|deemed|regarded)\s+(?:to\s+be\s+)?compliant\b|"
    r"\bshall\s+(?:be|constitute)\s+(?:perjury|a\s+(?:misdemeanor|felony|crime))\b|"
    r"\bshall\s+not\s+be\s+questioned\s+in\s+any\s+other\s+place\b|"
    r"\b(?:shall|will)\s+(?:take\s+effect|become\s+effective)\s+[^.;,]{0,30}?\b(?:days?|months?|years?)\s+"
    r"(?:after|following|from)\b|\bshall\s+be\s+subject\s+to\s+(?:sale|forfeiture|seizure|foreclosure)\b|"
    r"\bvotes?\s+(?:of\s+[^.;]{1,60}?\s+)?(?:are|is)\s+required\s+to\s+(?:pass|adopt|carry|approve|enact)\b|"
    r"\b(?:electors|voters)\s+(?:of\s+[^.;]{1,40}?\s+)?may\s+exercise\s+the\s+powers?\s+of\s+(?:the\s+)?"
    r"(?:initiative|referendum)\b|"
    r"\bshall\s+(?:then\s+)?take\s+effect\s+(?:in\s+the\s+same\s+manner|as\s+if|without\s+the\s+signature)\b|"
    # "Nothing in the rules and technical standards shall compel or authorize ...": a rule of construction.
    r"^\W*nothing\s+(?:in|herein|contained\s+(?:herein|in))\b|"
    # Deeming ("Individuals who do not check the box are assumed to consent"), a description of practice
    # ("Typically, an organization will seek consent ..."), an expectation ("an individual ... should reasonably
    # expect that ...") and a concession ("even though other individuals ... may be responsible for ...").
    r"\b(?:is|are)\s+assumed\s+to\b|^\W*(?:typically|usually|normally|generally|often),?\s+[^.;]{0,80}?\bwill\b|"
    r"\bshould\s+(?:reasonably\s+)?expect\b|\beven\s+though\b[^.;]{0,120}?\bmay\b|"
    # A remedy's limits and how it is pursued: a penalty's cap ("the latter amount shall not exceed"), remedies "in
    # addition to any other lawful remedy", limitation periods ("no action may be brought ... unless ... commenced
    # within three years", "In no event shall an action be brought after six years").
    r"\b(?:amount|sum|penalty|fine|total)\s+shall\s+not\s+exceed\b|"
    r"\bshall\s+be\s+in\s+addition\s+to\s+any\s+other\b|"
    r"\b(?:no\s+)?action\s+(?:to\s+enforce\s+[^.;]{1,60}?\s+)?(?:may|shall)\s+(?:not\s+)?be\s+(?:brought|commenced|maintained)\b|"
    r"\bshall\s+(?:an\s+|any\s+)?action\s+be\s+(?:brought|commenced)\b|"
    # A duty only for some ("notice to the department of financial services shall only be required if the person
    # or business is a covered entity"): a scope proviso. Preemption of local law and what localities may not add.
    r"\bshall\s+only\s+be\s+required\s+(?:if|where|when)\b|\bshall\s+be\s+required\s+only\s+(?:if|where|when)\b|"
    r"\bshall\s+(?:be\s+exclusive|preempt)\b|"
    # What a duty "shall not extend to" ("confidentiality, however, shall not extend to significant misconduct") is
    # its limit, as "shall be limited to" is.
    r"\bshall\s+not\s+extend\s+to\b|"
    r"\bno\s+(?:locality|municipality|political\s+subdivision|local\s+government)\s+(?:shall|may)\b|"
    # Precedence ("If the state has other provisions on ..., such provisions shall prevail"), commencement whatever
    # the instrument is called ("This Measures shall come into force on ..."), and a sanction stated without anyone
    # to impose it ("punishment shall be imposed according to law", "criminal liability shall be pursued according
    # to law") are legal effects, as "shall be liable under" is.
    # A web page's note of which edition governs ("In case of inconsistencies ..., the printed version will
    # prevail.") is a precedence rule too, whatever its modal verb.
    r"\b(?:shall|will)\s+prevail\b|\bshall\s+(?:come|enter)\s+into\s+force\b|"
    # A limit of a body's remit ("The Department shall not be responsible for identifying or publishing data
    # sets"): what it need not do, forbidding it nothing.
    r"\bshall\s+not\s+be\s+responsible\s+for\b|"
    # "Such a determination regarding publication does not foreclose a requesters access to such data sets": what a
    # rule leaves open is its limit, as "shall not affect" is.
    r"\b(?:does|do|shall)\s+not\s+foreclose\b|"
    # Contents described ("This method may include but is not limited to an internet hyperlink ..."): a thing's
    # "may include" allows no one anything.
    r"\bmay\s+include,?\s+but\s+(?:is|are)\s+not\s+limited\s+to\b|"
    # The effect of a practice on an authority's power ("No such practice of an undertaking shall prevent the
    # Commission from designating it"): a saving clause, as "Nothing in ... shall prevent" is.
    r"^\W*no\s+such\s+(?:practice|conduct|behaviou?r|agreement|arrangement|measure|action|decision)s?\b"
    r"[^.;]{0,80}?\bshall\s+(?:prevent|preclude)\b|"
    r"\b(?:liability|punishment|penalt(?:y|ies)|sanctions?)\s+shall\s+be\s+(?:imposed|pursued|investigated)\s+"
    r"(?:according\s+to|in\s+accordance\s+with)\s+(?:the\s+)?law\b",
    re.I,
)
# "should not use the AI" advises against, as "should" advises: a recommendation; "should never" still forbids.
_PROHIBITION = re.compile(
    r"\b(?:shall|must|may)\s+(?:\w+ly\s+|also\s+)?(?:not(?!\s+later\s+than)|never)\b|\bshould\s+(?:\w+ly\s+)?never\b|"
    r"\bin\s+no\s+(?:case|event|circumstances)\s+shall\b|\bshall\s+(?!be\b|have\b)\w+\s+no\s+(?!later\b)\w+|"
    r"\b(?:is|are)\s+not\s+to\s+be\b|\b(?:is|are|shall\s+be)\s+(?:hereby\s+)?prohibited\b|"
    # AIDA 18(1): "However, the Minister is not permitted to require that the person disclose ...": a permission
    # denied is a prohibition.
    r"\b(?:is|are)\s+not\s+(?:permitted|allowed|authori[sz]ed)\s+to\b|"
    # "No controller shall ...", also after an opening phrase ("Subject to ..., no controller shall process ...").
    # ("... to ensure that the AI system, when placed on the market, no longer presents that risk ..., within a
    # period it may prescribe": "no longer" negates nothing the sentence requires)
    r"(?:^|,\s+)(?:and\s+)?no\s+(?!later\b|sooner\b|earlier\b|more\b|less\b|fewer\b|longer\b)[\w\s,'’-]{1,160}?\s+"
    r"(?:shall|may|must)\b|"
    # "No individual, other than a licensed physician or ... requested by the provider, may deny ...": the excepted
    # persons may run long.
    r"(?:^|,\s+)no\s+\w+,\s+other\s+than\s+[^;.]{1,300}?,\s+(?:shall|may|must)\b|"
    r"\bnor\s+shall\b|"
    # "It shall be unlawful for any operator ... to collect personal information from a child in a manner that
    # violates the regulations": what is unlawful is forbidden.
    r"\bit\s+(?:shall\s+be|is)\s+unlawful\s+(?:for|to)\b|"
    # "It shall be a violation of this subtitle for any person to obtain ...": what violates the law is forbidden.
    r"\bit\s+(?:shall\s+be|is)\s+a\s+violation\s+of\s+[^.;]{0,60}?\b(?:for|to)\b|"
    r"\bshall\s+in\s+no\s+(?:case|event)\b|\brefrain\s+from\b|\bshall\s+(?:\w+\s+){0,4}?neither\b|"
    # Japan's translated acts put the negation after a clause: "shall, in case of altering a utilization purpose,
    # not do so beyond ...", "shall, except in those cases set forth in the following, not acquire ...". A PDF's
    # text may join the words: "shallnot handle".
    r"\bshall\s*,[^;:]{1,300}?,\s+not\s+(?!later\b|sooner\b|earlier\b|less\b|more\b|only\b|exceeding\b)[a-z]+|"
    r"\b(?:shall|must)not\b|"
    # Art. 59(1)(e): "any personal data created in the sandbox cannot be shared outside the sandbox".
    # ("the plan must state the reasons why such sets cannot be made available" reports a fact, it forbids nothing)
    r"\bcannot\s+be\s+(?:shared|disclosed|transferred|transmitted|sold|used)\s+(?:outside|beyond|with|to|for)\b",
    re.I,
)
_PERMISSION = re.compile(
    r"\b(?:is|are)\s+empowered\s+to\b|\bshall\s+have\s+(?:a|the)\s+(?:choice|right|option)\b|"
    # "Each grantor agency that is authorized to award grant funds ... shall coordinate": a relative clause
    # says which agency, the sentence's own verb says what it must do.
    r"(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s)"
    # "is authorized on behalf of the custodian to, (a) facilitate ...": the party acted for may come between.
    r"\b(?:is|are|shall\s+be)\s+(?:hereby\s+)?(?:entitled|permitted|allowed|free|authori[sz]ed)"
    r"(?:\s+on\s+behalf\s+of\s+[^,;]{1,60}?)?\s+to\b|"
    r"\b(?:has|have|reserves?)\s+the\s+right\s+to\b|"
    # ("shall have all the authority and duties of the recorder" is given duties too: Rivergrove's clerk pro tem)
    r"\bshall\s+have\s+(?:the|all\s+(?:of\s+)?the)\s+(?:[\w-]+\s+){0,2}(?:powers?|authority)\b(?!\s+and\s+duties)|"
    # Rivergrove's charter: "He shall have authority to preserve order", "He shall have a vote on all questions".
    # Charlottesville's: "The mayor ... shall have power at any time to call a meeting".
    r"\bshall\s+have\s+(?:full\s+)?(?:authority|power)\s+(?:[\w-]+\s+){0,3}?to\b|\bshall\s+have\s+a\s+vote\b|"
    # "The city internal auditor ... shall be removable at the will and pleasure of the City Council": the Council
    # may remove him, whenever it will.
    r"\bshall\s+be\s+removable\b|"
    # The old formulas of a power: "It may be competent for the council ... to elect non-residents", "it shall be
    # lawful for", and the passive "There may be elected by the council additional officers".
    r"\bit\s+(?:shall|may)\s+be\s+(?:competent|lawful)\s+for\b|^\W*there\s+may\s+be\s+\w+ed\s+by\b|"
    # A grant of office-wide power ("the city manager shall have full executive and administrative authority and
    # shall have the right to employ and discharge all employees"): a power, as "shall have full authority to" is.
    r"\bshall\s+have\s+(?:full|complete)\s+(?:[\w-]+\s+(?:and\s+)?){0,3}authority\b(?!\s+and\s+duties)|"
    # "The sharing of personal data shall be permitted only when in conformity with restrictions": a permission
    # with its condition.
    r"\b(?:is|are|shall\s+be)\s+permitted\s+only\b|"
    # "providers can further share the originally collected data only in accordance with Union data protection law"
    r"\bcan\s+(?:\w+\s+)?\w+\s+[^.;]{0,120}?\bonly\s+(?:in\s+accordance\s+with|where|if|when)\b",
    re.I,
)
# "The City Manager will report periodically": a code's "will" binds, but not in a subordinate clause ("the date
# by which ... will be available") or where it predicts ("making data open will create opportunities").
_WILL = (r"(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s)(?<!\bwhere\s)(?<!\bwhen\s)(?<!\bhow\s)(?<!\bwhether\s)"
         r"(?<!\bif\s)\bwill\s+(?!not\b)(?!(?:\w+ly\s+)?(?:create|allow|make\s+(?:the|it|our|an?)\b|"
         r"streamline|improve|promote|enhance|enable|help|increase|result|lead|benefit|foster|spur|reduce|contribute|"
         r"support|encourage|save|drive|generate|empower|strengthen|continue|provide\s+(?:benefits|opportunities))\b)")
# "This information is to be listed on the City's website": a duty, unless a modal verb of its own governs the
# sentence ("Member States may decide that the assessment is to be carried out by ...").
_TO_BE = re.compile(r"\b(?:is|are)\s+to\s+be\s+\w+ed\b", re.I)
# "Consent is required for the collection ...", "the consent of the individual is required before ...": a requirement
# stated in the passive, as a model code states its principles ("is required by law" says what a law demands).
_REQUIRED = r"(?<!\bthat\s)(?<!\bwhich\s)\b(?:is|are)\s+required\s+(?:for|before|prior\s+to)\b"
_MANDATORY = re.compile(r"\b(?:shall|must)\b|\b(?:is|are)\s+(?:required|obliged|obligated)\s+to\b|\bhas\s+to\b|"
                        + _REQUIRED + "|"
                        + _RESPONSIBLE_FOR + "|" + _WILL, re.I)
# "The use of safe and reliable chips ... is encouraged.": a recommendation with no party named before it.
# "Agencies are also encouraged to", "are strongly encouraged to": the adverb does not change the modality.
_RECOMMENDED = re.compile(r"\bshould\b|\b(?:is|are)\s+(?:(?:also|\w+ly)\s+){0,2}encouraged"
                          r"(?:,\s*but\s+not\s+required,)?\s+to\b|"
                          r"\b(?:is|are)\s+(?:hereby\s+)?encouraged\s*[.;]?\s*$", re.I)
# "may" in a relative clause ("risks that may emerge") says what can happen, not what is allowed.
# "adopted May 27, 2014", "Date of assent17 May 1993": the month, not a modal verb.
# "departments may have memberships with various associations": a fact, not a permission.
# "it may be that ...", "as it may be reflected": what may happen; "it may do so only to the extent ...": a
# permission whose party a pronoun stands for.
_MAY = re.compile(r"(?<!\bthat )(?<!\bwhich )(?<!\bwho )(?<!\bwhere )(?<!\bwhat )"
                  r"(?:(?<!\bit )|(?<=\bit )(?=may\s+(?:do\s+so|\w+\s+only)\b))\bmay\b(?! not\b)"
                  r"(?!\s+(?:\d{1,2}|1[89]\d\d|20\d\d)\b)(?!\s+have\s+(?!access\b|recourse\b)[a-z]+s\b)"
                  # "The form of the consent ... may vary, depending upon the circumstances": what varies, not a leave
                  r"(?!\s+(?:vary|differ|depend)\b)", re.I)
# A plural noun with no article as a clause's subject: "providers shall", "deployers must".
_BARE_PLURAL = r"(?!(?:thus|always|also|as|is|has|does|was|this|its|us|less|unless)\b)[a-z]+s\s+(?:shall|must)\b"
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
_CLAUSE_SPLIT = re.compile(r"[,;]\s+and\s+(?=(?:the|each|every|such|any)\s+(?:(?:[\w'’-]+\s+){0,8}?|"
                           r"(?:[\w'’-]+,?\s+){1,8}?(?:and|or)\s+(?:[\w'’-]+\s+){0,3}?)(?<!\bas\s)"
                           r"(?:shall|must|may|(?:is|are|does|do)\s+not)\b)|"
                           r"(?<=;)\s+(?=(?:alternatively|however|otherwise),?\s+[^,;]{0,60}?\b(?:shall|must|may)\b)|"
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
                           # Florida's s. 501.171(11)(b)2.: "..., except that information made confidential ... may not
                           # be released": an exception with a subject and a modal verb of its own is a clause of its
                           # own.
                           r",\s+(?=except\s+that\s+[^,;]{1,120}?\b(?:shall|must|may)\b)|"
                           # Maryland's 2-505(b)(2)(I): "MAINTAINED ... FOR AT LEAST 3 YEARS ..., AFTER WHICH THE LAW
                           # ENFORCEMENT AGENCY MAY DESTROY ALL AUDIT MATERIALS": what a party may do afterwards.
                           r",\s+(?=after\s+which\s+[^,;]{1,80}?\b(?:shall|must|may)\b)|"
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
                           r",\s+(?=which\s+may\s+be\s+(?:extended|renewed|prolonged)\b)|"
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
                           r",?\s+(?:and\s+(?=(?:shall|must|may|should|not\s+be)\b)(?!shall\s+be\s+exempt\b)|"
                           r"and\s+(?=no\s+(?!later\b|sooner\b|earlier\b|more\b|less\b|fewer\b)[^,;]{1,80}?"
                           r"\b(?:shall|must|may)\b)|"
                           r"and\s+(?=(?:if|when|unless)\b[^;]{0,240}?,\s+(?:it|they|the\s+\w+)\s+(?:then\s+)?"
                           r"(?:shall|must|may)\b)|"
                           r"but\s+(?:otherwise\s+)?(?=(?:(?:the|such|this|its|any)\s+)?[^,;]{0,50}?\b(?:shall|must|may)\b)|"
                           r"provided,?\s+(?:further,?\s+)?(?:however,?\s+)?that\s+(?=[^,;]{0,80}?\b(?:shall|must|may)\b)|"
                           # "..., provided such controller shall not be required to reveal any trade secret": a
                           # proviso that names its party without "that".
                           r"provided\s+(?=(?:such|the|each|any)\s+[\w'’-]+\s+(?:shall|must|may)\b))",
                           re.I)
_SHARED_NEGATION = re.compile(r"and\s+not\s+be\b", re.I)
_OWN_SUBJECT = re.compile(r"and\s+(?:not\s+later\s+than\s+[^,;]{1,80}?\s+the\s+[\w'’-]+\s+(?:shall|must)\b|"
                          r"(?:the|each|every|such|any)\b(?!\s+(?:shall|must|may)\b)|"
                          r"(?=" + _BARE_PLURAL + "))", re.I)
# "Providers shall perform their obligations ..., shall not collect ..., shall not illegally retain ...": the modal
# verb repeated after a comma starts a clause of another modality, where the words before it have a modal verb of
# their own ("; confidentiality, however, shall not extend to ..." is one clause).
# Portland's charter: "The Council shall determine its own rules of procedure, may establish Council committees ...,
# may punish ..., and may compel ...": a "may" after a comma, where a "shall" came before, is a permission beside the
# duty; "..., and the Council may use and expend such Fund" after "There shall be annually appropriated ...": a party
# of its own with a verb of its own, with no comma before its "and".
_REPEATED_MODAL = re.compile(r",\s+(?=(?:shall|must)\s+not\b|may\s+(?!not\b|be\b))|"
                             r"\s+and\s+(?=the\s+(?-i:[A-Z])[\w'’-]+\s+(?:shall|must|may)\b)", re.I)
# ("protection of information which, if disclosed, may adversely affect ...": a "may" inside a relative clause or a
# condition is that clause's own, no permission beside the duty.)
_OPENS_WITH_CONDITION = re.compile(r"\W*(?:but\s+)?(?:if|where|when|whenever)\b", re.I)
_INNER_CLAUSE = re.compile(r"\b(?:which|that|who|whom|if|when|where|unless)\b", re.I)
# "may ... notify ... the age above which that Data Fiduciary shall be exempt": a relative clause after the main
# verb says which age; the main verb binds.
_RELATIVE = re.compile(r",?\s+(?:(?:above|below|to|for|in|by|from|under|after|before)\s+)?(?:which|whom)\b", re.I)


def _main_part(clause: str) -> str:
    """The clause up to a relative clause that follows its first modal verb (all of it when there is none)."""
    first = _MODAL_VERB.search(clause)
    rel = _RELATIVE.search(clause, first.end()) if first else None
    return clause[: rel.start()] if rel else clause




# "whenever the attorney general shall believe ... that there is a violation ... he or she may bring an action":
# an old-style conditional "shall" (whoever forms the belief), not a duty; the clause's verb is "may bring".
_CONDITIONAL_SHALL = re.compile(r"\b((?:whenever|if|when|where)\b[^;]{0,160}?)\bshall\s+"
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
_REPORTED = re.compile(r"\b(?:disclos(?:e|es|ed|ing)|notif(?:y|ies|ied|ying)|inform(?:s|ed|ing)?|stat(?:e|es|ed|ing)|"
                       r"explain(?:s|ed|ing)?|indicat(?:e|es|ed|ing)|specif(?:y|ies|ied|ying)|"
                       r"determin(?:e|es|ed|ing)|find(?:s|ing)?|found)\s+(?:[^.;]{0,80}?\s)?that\b", re.I)


# "If vacancies should occur within thirty (30) days ..., the council may set the election", "When a vacancy shall
# occur ..., a majority ... may appoint": the old-style modal of an opening condition is the condition's mood, not the
# clause's modality, where the main clause after it has a modal verb of its own.
_CONDITION_MODAL = re.compile(r"^(\W*(?:if|when|whenever|where|in\s+the\s+event\s+(?:that\s+)?)\b[^,;]{0,200}?)"
                              r"\b(?:shall|should)\s+(?=[^,;]*,\s[^;]*?\b(?:shall|must|may|should)\b)", re.I)


def statute_modality(clause: str) -> str | None:
    """mandatory, prohibition, permission or recommended for one clause of a statute, or None."""
    clause = _CONDITIONAL_SHALL.sub(r"\1", _CONDITION_MODAL.sub(r"\1", clause))
    reported = _REPORTED.search(clause)
    if reported and _MODAL_VERB.search(clause, 0, reported.start()):
        clause = clause[:reported.start()]
    if _PROHIBITION.search(clause):
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
    # "the context in which personal data is to be processed": a relative clause says which context, not a duty.
    if to_be and not re.search(r"\b(?:which|that|whom|whose|where)\b[^,;]{0,80}$", clause[:to_be.start()]):
        return "mandatory"
    return None


def _pieces(sentence: str) -> list[tuple[int, int]]:
    """Spans of the coordinated modal clauses of a sentence; a later one starts at its "and"."""
    pieces = []
    begin = 0
    cuts = [(m.start(), m.end() - len(m.group(0).lstrip(",; ")), False) for m in _CLAUSE_SPLIT.finditer(sentence)]
    cuts += [(m.start(), m.end(), True) for m in _REPEATED_MODAL.finditer(sentence)]
    for start, end, repeated in sorted(cuts):
        if repeated and not _MODAL_VERB.search(sentence, begin, start):
            continue
        if repeated and re.match(r"may\b", sentence[end:], re.I) and _INNER_CLAUSE.search(sentence, begin, start):
            continue
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
_EITHER_MODAL = re.compile(r"^(?P<head>[^;]*?\b(?P<m1>may|shall|must)),\s+(?P<alt>or\s+[^,;]{1,160}?\s+"
                           r"(?P<m2>shall|must|may)),\s+(?P<rest>(?!not\b).+)$", re.I | re.S)
_BARE_MODALITY = {"may": "permission", "shall": "mandatory", "must": "mandatory"}


def duty_clauses(sentence: str) -> list[tuple[str, str]]:
    """(modality, text) for each duty a sentence states; exceptions are left out.

    Coordinated clauses of one modality are one duty ("shall be drawn up ... and shall be kept up to date"),
    unless the later one names a party of its own ("..., and the Governor shall approve it": two parties);
    a change of modality ("shall cooperate ..., and shall not perform ...") or an exception between them
    ("shall be limited to ..., and shall be made to ...") parts them. A part after the first keeps the
    sentence's subject, with an ellipsis for what was left out ("the notification … and shall be made to").
    """
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
        if NON_DUTY.search(main) or _INSTRUMENT_LIMIT.search(with_subject) \
                or (broken and _PART_OF.match(clause)):
            broken = True
            continue
        modality = statute_modality(_main_part(sentence[:b] if n == 0 else clause))
        if n > 0 and _SHARED_NEGATION.match(clause) and groups and groups[-1][0] == "mandatory":
            modality = "prohibition"
        if modality is None:
            continue
        if groups and not broken and groups[-1][0] == modality and not _OWN_SUBJECT.match(sentence, a) \
                and not _another_party(sentence, a):
            groups[-1] = (modality, groups[-1][1], b)
        else:
            groups.append((modality, a, b))
        broken = False
    whole = len(groups) == 1 and groups[0][1] == 0 and not NON_DUTY.search(sentence)
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
        elif _SHARED_NEGATION.match(sentence, a):
            modal = _MODAL_VERB.search(sentence)
            out.append((modality, f"{_subject_of(sentence)} {modal.group(0) if modal else ''} … "
                                  f"{sentence[a:b].strip()}"))
        else:
            out.append((modality, f"{_subject_of(sentence)} … {sentence[a:b].strip()}"))
    return out


# "..., which may be extended for an additional period": a relative clause, so no modal of the sentence's own, but
# the extension it grants is a permission.
_EXTENSION = re.compile(r"which\s+may\s+be\s+(?:extended|renewed|prolonged)\b", re.I)


_SHARED_CONDITION = re.compile(r"(?:or\s+)?((?:in\s+the\s+case\s+of|where|if|when)\b.*),\s+[^,]*?"
                               r"\b(?:shall|must|may)\b", re.I)


# Art. 60(4)(h): "the latter have been informed ...; the provider and the deployer shall conclude an agreement ...".
# Art. 59(1)(j): "... is published on the website ...; this obligation shall not cover ...": an exception after the
# semicolon, cut off the point as any later clause is.
# (the Data Act's 6(2)(e): "...; third parties shall also not use ...", a party named by a bare plural)
_SEMICOLON_DUTY = re.compile(r"(?<=;)\s+(?=(?:the|each|every|such|any|this|these)\s+[^,;]{0,120}?"
                             r"\b(?:shall|must|may|cannot)\b|(?:[a-z][\w-]*\s+)?" + _BARE_PLURAL + ")", re.I)


_OWN_PARTY = re.compile(r"\s*(?:the|each|every|such|any)\s+[^,;]{0,120}?\b(?:shall|must)\b", re.I)

# "...; this obligation shall not cover sensitive operational data ...": an exception to the point, not a limit of
# its duty, so it is cut off (and dropped) rather than kept in the point's text.
_EXCEPTION_LIMB = re.compile(r"\s*this\s+(?:obligation|requirement)\s+shall\s+not\s+(?:cover|apply)\b", re.I)


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


def later_clauses(point: str, lead_modality: str | None) -> tuple[str, list[tuple[str, str]]]:
    """A point's own clauses and its later coordinated clauses of another modality, each (modality, text).

    "Examine all payrolls ..., and shall issue no warrant unless ...": the point binds as its lead-in says, the
    later clause is a prohibition of its own; "Shall have custody of the seal ... and may affix it ..., but the
    absence of the seal shall not affect ..." keeps the custody, adds the permission and drops the exception. The
    point's own text runs to its first clause that is an exception or changes the modality.
    """
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
        # Once the point's own words have ended, a later clause with a verb of its own is a duty of its own
        # whatever its modality; one coordinated with a conditioned clause ("in the case of law enforcement, where
        # ..., X shall not ..., and their personal data shall be deleted") shares its condition.
        ended = own_end < len(point)
        if first_modality is None and modality is not None and not ended and not NON_DUTY.search(point[:b]) \
                and not point[:a].rstrip().endswith(";"):
            # "RULEMAKING.—The Federal banking agencies, the Secretary ..., and the Federal Trade Commission shall
            # each prescribe" under a lead-in with no verb: a list of parties, then the point's own verb (not after an
            # exception: "the controller is not required to comply with it, and may publish ..." keeps its permission)
            first_modality = modality
            continue
        if NON_DUTY.search(clause) or (modality is not None and (modality != first_modality or own_verb or ended)):
            own_end = min(own_end, a)
            if not NON_DUTY.search(clause) and modality is not None:
                condition = _SHARED_CONDITION.match(later[-1][1]) if later and clause.startswith("and ") else None
                later.append((modality, f"{condition[1]}, … {clause[4:].strip()}" if condition else clause.strip()))
    return (point[:own_end].strip().rstrip(",") if own_end < len(point) else point), later


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
    pieces = _pieces(sentence)
    if len(pieces) == 1:
        return None, sentence
    return sentence[: pieces[-1][0]].strip().rstrip(","), sentence[pieces[-1][0]:]
