"""Formulas that use a modal verb but bind no one: exceptions, scope and application rules, deeming, saving and
without-prejudice clauses, remedies, commencement, what an instrument does not limit.

Each alternative is a drafting formula met in a real text (its comment quotes one); ``clauses`` and ``provisions``
test a clause against :data:`NON_DUTY` (and :data:`INSTRUMENT_LIMIT`, what a provision does not prevent) before
taking it as a duty. Kept apart from the clause splitting because it grows with every new drafting tradition read.
"""

from __future__ import annotations

import re

from compgraph.legal.defaults_and_deemings import DEFAULTS_AND_DEEMINGS_TEXT
from compgraph.legal.effects_and_criteria import EFFECTS_AND_CRITERIA_TEXT
from compgraph.legal.embedded_clauses import NOT_REQUIRED_LIMIT
from compgraph.legal.fulfilments_and_safe_harbours import FULFILMENTS_AND_SAFE_HARBOURS_TEXT
from compgraph.legal.furniture import QUESTION
from compgraph.legal.limits_and_effects import LIMITS_AND_EFFECTS_TEXT
from compgraph.legal.own_sentences import GLOSSARY_LEAD_IN
from compgraph.legal.provision_operation import PROVISION_OPERATION_TEXT
from compgraph.legal.savings_and_definitions import APPLIES_TERMS, SAVINGS_AND_DEFINITIONS_TEXT

__all__ = ["INSTRUMENT_LIMIT", "NON_DUTY", "NOT_A_DUTY_AT_ALL", "PENALTY_CAP", "PERIOD_BOUNDS"]

# "This policy is a minimum standard and should not inhibit the dissemination of other public information": what
# an instrument does not limit, not a duty of anyone.
# So is what a provision does not prevent: "This paragraph shall not prevent technical storage ...", "This shall not
# prevent any technical storage or access ...".
# Bethlehem's open data ordinance: "The foregoing shall not prohibit the negotiation of contract terms which do not
# include open data requirements": what the words before leave open, likewise.
INSTRUMENT_LIMIT = re.compile(r"\b(?:this|the)\s+(?:policy|ordinance|act|chapter|article|paragraph|section|subsection|"
                              r"directive|regulation|provision|foregoing)s?\b[^.;]{0,60}?\b"
                              r"(?:should|shall|must)\s+not\s+(?:inhibit|limit|restrict|preclude|prevent|prohibit)\b|"
                              r"^\W*this\s+shall\s+not\s+(?:inhibit|limit|restrict|preclude|prevent|prohibit)\b", re.I)

# Sentences no clause of which binds anyone, though a later clause has a modal verb of its own: a definition ('(II)
# "Arrest number" means a number that shall be assigned by the arresting agency', CRS 16-21-103(1)(a)(II), under
# "For purposes of this section, unless the context otherwise requires:") and a rule of evidence (ORS 837.310(2):
# drone images "(a) Is not admissible in, and may not be disclosed in, a judicial proceeding ...; and (b) May not be
# used to establish reasonable suspicion or probable cause").
WHOLE_SENTENCE = (
    r"(?:^|:\s*(?:\([\w.]{1,8}\)\s*)?)\W{0,2}[\"“][^\"”]{1,80}[\"”]\s+means\b|"
    r"\b(?:(?:is|are)\s+not|(?:shall|may)\s+not\s+be)\s+admissible\b|"
    r"\bmay\s+not\s+be\s+used\s+to\s+establish\s+(?:a\s+)?(?:reasonable\s+suspicion|probable\s+cause)\b|"
    # an illustration: "An example of where further information may be necessary as mentioned in subsection (2)(d)
    # is where the personal data ... was collected without the knowledge of the data subject" (UK DPA 2018 s 44(3))
    r"^\W*(?:\(\w{1,4}\)\s*)?an\s+example\s+of\b[^.;]*?\bis\s+(?:where|when|a|an|the)\b|"
    # a forecast, with no modal verb of duty in the sentence: "the period for which it is envisaged that the personal
    # data will be stored" (s 45(2)(d), a point of "That information is—")
    r"^(?![^.]*\b(?:shall|must|may|should)\b)[^.]*\bit\s+is\s+(?:envisaged|expected|anticipated|foreseen)\s+that\b"
    r"[^.;]*\bwill\b|"
    # a member present as if in person, and what follows from it (Chagrin Falls' 114.05(b)(1)-(2): "Each member
    # attending virtually shall be considered present as if the member is in-person ..., shall be permitted to vote,
    # and shall be counted for purposes of determining whether a quorum is present", "Any vote ... cast by a member
    # attending virtually shall have the same effect as if member is in-person"): a legal fiction, all its limbs
    r"\bshall\s+be\s+(?:considered|deemed|regarded)\s+(?:present|absent)\s+as\s+if\b|"
    r"\bshall\s+have\s+the\s+same\s+(?:force\s+and\s+)?effect\s+as\s+if\b"
)
# A sentence that asks a question (``furniture.QUESTION``) binds no one either; it is not in ``NON_DUTY``, which also
# tests a point's own words: a point asked after a lead-in ("shall consider: (a) Is the data accurate?") binds.

# When a period runs, a point under its lead-in: "A period ascertained in accordance with AML/CTF Rules ...: (a) must
# commence at the time when the reporting entity commences to provide the designated service concerned; and (b) may
# be expressed to end on the occurrence of a specified event" (the AML/CTF Act 2006's 34(4)): bounds bind no one.
PERIOD_BOUNDS = re.compile(r"^\W*(?:a|the|that|such|each|any)\s+period\b[^.;:]{0,160}:?\s*(?:\(\w{1,4}\)\s*)?"
                           r"(?:must|shall|may)\s+(?:commence|begin|start|end|expire|be\s+expressed\s+to\s+"
                           r"(?:end|expire))\b", re.I)
# so is a whole sentence that says when one starts: the DSA's 20(2) "The period of at least six months referred to in
# paragraph 1 of this Article shall start on the day on which the recipient of the service is informed ..."
NOT_A_DUTY_AT_ALL = re.compile(f"{WHOLE_SENTENCE}|{QUESTION}|{PERIOD_BOUNDS.pattern}", re.I)

# Clauses that use a modal verb but state an exception, scope, application, deeming or safe-harbour rule.
# A cap on damages or penalties ("but damages shall not exceed one hundred fifty thousand dollars per breach", "The
# total amount of penalties that may be imposed on a data broker may not exceed $10,000") and a sanction no one is
# named to impose ("a civil penalty for a violation may be awarded"), as "punishment shall be imposed according to
# law" is: a remedy's limits, binding no party. Also matched against a later clause with the sentence's subject
# ("a civil penalty for a violation … but shall not exceed").
PENALTY_CAP = re.compile(
    r"\b(?:damages|penalt(?:y|ies)|fines?)\b[^.;:]{0,80}?\b(?:shall|may)\s+not\s+exceed\b|"
    r"\b(?:civil\s+)?(?:penalt(?:y|ies)|fines?|damages)\b[^.;:]{0,60}?\bmay\s+be\s+awarded\b", re.I)

_NON_DUTY_TEXT = (
    # "This directive must be read in conjunction with other policy requirements, including ...": how to read an
    # instrument, as "shall be construed" says, binds no one.
    r"\b(?:this|the)\s+(?:directive|policy|standard|guideline|procedure|instrument)s?\s+(?:must|shall|is\s+to|should)"
    r"\s+be\s+read\s+(?:together|in\s+conjunction)\s+with\b|"
    # "If the covered entity accepts the requested amendment, ..., the covered entity must comply with the following
    # requirements." (45 CFR 164.526(c)), over paragraphs each with its own "must": a pointer to them, no duty of its
    # own (as "shall comply with the following provisions:" leads in and is no row).
    r"\b(?:shall|must)\s+comply\s+with\s+the\s+following\s+(?:requirements|provisions|conditions|procedures)"
    r"\s*\.?\s*$|"
    # "shall apply to / from / mutatis mutandis" is a scope rule; "Member States shall apply national provisions" is
    # a duty.
    # "for each agency to which paragraph (1) does not apply, the head ... shall engage": a relative clause says which
    # party, it excepts nothing.
    # (the CRD's 6a(1)(c): information "that the consumer rights ... do not apply to the contract" is what is told)
    r"(?:^|[,;])(?:(?<=provided,)|(?<=however,)|(?!\s*that\b))"
    r"(?:(?!\b(?:to|for|in)\s+wh(?:ich|om)\b)[^,;])*?\b(?:shall|does|do|will)\s+not\s+apply\b|"
    r"\bshall\s+(?:also\s+|only\s+|equally\s+)?apply\b"
    r"(?!\s+(?:national|appropriate|effective|such|its|their|those|these|penalties|sanctions|measures|rules)\b)"
    # "the Commission shall apply the procedure provided for in Article 11": a party applying something acts.
    r"(?!\s+(?:the|a|an)\s+(?!same\b)\w+)" + APPLIES_TERMS + "|"
    # "Such processing is permissible only up to the end of the period ...": the limit of a permission.
    r"\b(?:is|are)\s+permissible\s+only\b|"
    # (not a relative clause that says which things: DORA's 28(7)(b) "circumstances ... that are deemed capable of ...")
    r"\b(?:apply|applies)\s+only\b|\bmutatis\s+mutandis\b|(?<!\bas\s)\bshall\s+(?:not\s+)?be\s+deemed\b|"
    r"(?<!\bas\s)(?<!\bthat\s)(?<!\bwhich\s)\b(?:is|are)\s+deemed\b|"
    r"\b(?:is|are|be)\s+without\s+prejudice\b|\bshall\s+not\s+(?:affect|prejudice)\b|\bshall\s+concern\s+only\b|"
    r"\bshall\s+not\s+cover\b|\bthis\s+(?:prohibition|obligation|requirement)\s+(?:does|do)\s+not\s+cover\b|\bshall\s+be\s+limited\s+to(?!\s+(?:what\s+is|the\s+minimum)\b)\b|"
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
    r"(?<!\bor\s)\bshall\s+(?:no\s+longer\s+)?be\s+(?:considered|regarded|treated)\s+(?:to\s+be\s+|as\s+)?(?:an?|the)\s+\w+|(?<!\bthat\s)(?<!\bwhich\s)\b(?:(?:is|are)\s+not|shall\s+not\s+be)\s+subject\s+to\b|\bshall\s+not\s+be\s+construed\b|"
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
    # ("The Law Director shall be an attorney-at-law, qualified to practice law": a profession, a qualification too)
    r"(?!(?:\w+\s+)?(?:person|resident|citizen|member|graduate|attorney|lawyer|accountant|engineer)\b)(?!(?:qualified|licensed|registered|certified)\s)(?![^.;]*\b(?:implemented|maintained|reviewed|updated|documented)\b)|\b(?:shall\s+be|is|are)\s+presumed\b|"
    # ("... maintain confidentiality for electronic public records that are exempt from public disclosure": a
    # relative clause says which records the duty is about, it exempts no one)
    r"\bmay\s+be\s+exempt(?:ed)?\b|(?<!\bthat\s)(?<!\bwhich\s)\b(?:is|are|shall\s+be)\s+exempt(?:ed)?\s+from\b|"
    r"\b(?:rebuttable\s+)?presumption\s+that\b|\bthe\s+presumption\s+shall\b|\bsatisfies\s+the\s+requirements\b|"
    # (Chagrin Falls' 114.05(d): "the Village will not be obligated to maintain any proposed exhibits ... and may
    # delete them": a limitation in "will not be obligated", its permission beside it)
    # ("... or adopt recognized best practices ... If the Controller is not obligated to follow the controls ...": a
    # condition inside a point, which still binds; only "will not be obligated" is read as the limitation)
    # (RCW 70.02.080(2): "the health care provider may charge a reasonable fee ... and is not required to permit
    # examination or copying until the fee is paid": a second predicate of a leave, which stays the leave)
    + NOT_REQUIRED_LIMIT + r"|\bwill\s+not\s+be\s+(?:required|obligated|obliged)\s+to\b|"
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
    # to a ... waiver", "shall be guilty of a misdemeanor") bind no one to act. (Not "may adopt regulations ... to
    # revise the definition of "encrypted", as used in this chapter, to reflect ...": a power, G.L. c. 93H § 1(b).)
    r"\bshall\s+(?:mean|refer\s+to)\b|\b(?:such|the|this)\s+term\s+shall\b|"
    r"\bas\s+used\s+in\s+this\s+(?:section|chapter|article|part|subdivision|title|act|ordinance)\b(?!,\s+to\s)|"
    r"\b(?:this|the)\s+(?:local\s+)?(?:law|act|ordinance|chapter|regulation|directive|section|article|amendment|"
    r"part|rules?|(?:sub)?title)\s+(?:shall|will)\s+(?:take\s+effect|enter\s+into\s+force|come\s+into\s+force|"
    r"become\s+effective|be\s+effective|become\s+operative)\b|"
    # Every EU regulation's final formula ("This Regulation shall be binding in its entirety and directly applicable
    # in all Member States."): the act's own legal force, as its "shall enter into force" is.
    r"\bshall\s+be\s+binding\s+in\s+its\s+entirety\b|"
    # A commencement whatever is commenced ("The budget will become effective upon this second publication", "The
    # provisions of this section, as amended, shall take effect on January 1, 1984") and the dates a period runs
    # between ("The fiscal year of the city shall begin on the first day of October") bind no one to act; "each
    # Department shall begin conducting quarterly reviews" does, and so does "No decision ... shall take effect
    # before a natural person has reviewed it" (what must happen first, not a date).
    r"\b(?:shall|will)\s+(?:take\s+effect|become\s+(?:effective|operative))\s+(?:on|upon|as\s+of|from|at|immediately)\b|"
    # The other ends of an instrument's life, and its force meanwhile ("The designation shall cease to have effect on
    # ...", "The notice shall have effect from the date it is served", "The existing rules shall continue in force
    # until replaced", "This ordinance shall supersede Ordinance No. 12"): what an instrument does in law, as its
    # commencement; no one is bound to act by them. (Not "shall be valid for": the AI Act's 44(2) "Certificates
    # shall be valid for the period they indicate, which shall not exceed five years" caps that period.)
    r"\b(?:shall|will)\s+(?:cease\s+to\s+(?:have\s+effect|be\s+in\s+force)|have\s+effect\s+(?:on|from|as\s+of|"
    r"until)|continue\s+in\s+(?:force|effect)|supersede|be\s+superseded\s+by)\b|"
    # A section's duties dated ("Each State and jurisdiction shall be required to comply with the requirements of this
    # section on and after January 1, 2006.", the Help America Vote Act's ss. 301(d) and 302(d) under the catchline
    # EFFECTIVE DATE): when the duties the section states begin, no duty of its own.
    r"\bshall\s+be\s+required\s+to\s+comply\s+with\s+(?:the\s+requirements\s+of\s+)?this\s+(?:sub)?(?:section|title|"
    r"part|chapter|act|article)\s+(?:on\s+(?:and|or)\s+after|beginning(?:\s+on)?|as\s+of)\b|"
    # How a word of the act may be defined ("For purposes of subsection (a)(1)(A)(i), the term ''verify'' may not be
    # defined in a manner that makes it impossible for a paper ballot voting system to meet the requirements", HAVA
    # s. 301(c)(2), under CONSTRUCTION): a rule of construction, no one's conduct.
    r"\bterm\s+(?:''|[\"“'‘])[^\"”'’]{1,60}(?:''|[\"”'’])\s+(?:may|shall|must)\s+not\s+be\s+(?:defined|construed|"
    r"interpreted)\b|"
    # A definition's lead-in over its points ("In this section, the term ''voting information'' means—", HAVA s.
    # 302(b)(2)): what the term covers, so "(B) information regarding ... the hours during which polling places will
    # be open" binds no one.
    r"\bterm\s+(?:''|[\"“'‘])[^\"”'’]{1,60}(?:''|[\"”'’])\s+means\s*[—–:-]*\s*$|"
    r"\b(?:year|term|period)\s+(?:of\s+[^.;,]{1,40}?\s+)?shall\s+(?:begin|commence|start)\s+on\b|"
    # When a rule is first applied (Oakland's charter: "The use of ranked choice voting shall commence with the 2008
    # General Municipal Election."): a commencement, as "shall take effect on" is.
    r"\b(?:use|application|operation)\s+of\s+[^.;,]{1,60}?\s+shall\s+(?:commence|begin|start)\s+(?:with|on|at|in)\b|"
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
    # order becomes and may be enforced as an order of the Federal Court", RCW 19.375.030(2)'s "This chapter may be
    # enforced solely by the attorney general under the consumer protection act"), and the time allowed to comply
    # ("Covered Entities shall have 180 days from the effective date of this Part to comply", a period's
    # point "One year from the effective date of this Part to comply with ...", "The following provisions shall
    # include additional transitional periods") say when and by whom duties are enforced, not what to do.
    r"\b(?:this|the)\s+(?:regulation|part|act|chapter|title|rules?|ordinance|law)\s+(?:shall|will|may)\s+be\s+"
    r"enforced\s+(?:(?:solely|only|exclusively)\s+)?by\b|\b(?:becomes|become|may\s+be\s+enforced)\s+(?:and\s+may\s+be\s+enforced\s+)?as\s+an?\s+"
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
    # ("Licensees shall have at least 72 hours to provide the requested copies": the time a party is given, as the
    # time to comply is; what it must provide is the request's duty.)
    r"\bshall\s+have\s+(?:at\s+least|not\s+less\s+than|no\s+(?:less|fewer)\s+than)\s+(?:\w+\s+)?(?:\(\d+\)\s+)?"
    r"(?:hours?|(?:business\s+|calendar\s+)?days?|weeks?|months?)\s+to\s+\w+|"
    r"^\W*(?:\w+\s+){1,2}(?:days?|weeks?|months?|years?)\s+from\s+[^.;]{0,80}?\bto\s+comply\b|"
    # ("Existing automated decision systems ... will have until June 24, 2026 to comply with the new or updated
    # requirements.": the time given to comply, as above, by a date.)
    r"\b(?:shall|will)\s+have\s+until\b[^.;]{0,60}?\bto\s+comply\b|"
    r"\bshall\s+include\s+(?:\w+\s+)?transitional\s+periods?\b|"
    # severability ("shall be found and determined to be invalid ..., all valid parts ... shall remain in full force")
    # and when an instrument applies ("The provisions of this Policy shall be applicable on or after ..."); whom a
    # programme must reach (DORA 13(6): "training shall be applicable to all employees") is part of the duty
    r"\bshall\s+be\s+(?:found|held|declared|determined)\s+(?:and\s+\w+\s+)?(?:to\s+be\s+)?"
    r"(?:invalid|unconstitutional|void)\b|\bremain\s+in\s+full\s+force\b|\bshall\s+(?:not\s+)?be\s+applicable\b(?!\s+to\s+all\s+(?:employees|staff|personnel|members)\b)|"
    # What a failure or a violation may lead to ("Failure to provide requested copies may result in disciplinary
    # action.", "Any violation of this rule may result in the suspension of the license"): a consequence, no leave.
    r"^\W*(?:any\s+)?(?:failure|refusal|violations?|non-?compliance)\b[^.;]{0,160}?\b(?:may|shall|will|can)\s+"
    r"(?:also\s+)?(?:result\s+in|lead\s+to|be\s+grounds\s+for)\b|"
    r"\b(?:shall|must|will)\s+not\s+(?:result\s+in|give\s+rise\s+to)\s+(?:any\s+)?(?:civil\s+|criminal\s+)?"
    r"liability\b|\bshall\s+not\s+be\s+liable\b|"
    # A liability shield ("Neither an operator nor the operator's agent shall be held liable under any Federal or
    # State law for any disclosure made in good faith") and an exemption ("In such case, there also shall be no
    # obligation to provide notice") bind no one.
    # ("shall be held to be liable", the same shield in the slip law's words)
    r"\bshall\s+(?:not\s+)?be\s+held\s+(?:to\s+be\s+)?liable\b|\bshall\s+be\s+no\s+obligation\b|"
    # Being liable for damage (Art. 60(9) "shall be liable under applicable ... liability law") and a tacit approval
    # ("shall be understood to have been approved") are legal effects, as "shall be deemed" is.
    # ("he and his sureties shall be individually liable to the city": the adverb changes nothing)
    # (GDPR 28(4): "the initial processor shall remain fully liable to the controller for the performance of that
    # other processor's obligations": remaining liable is being liable)
    # (Hawaii's 454M-5(i)(3): "the borrower shall only be liable for reasonable and customary fees": the adverb
    # before the verb changes nothing either)
    r"\bshall\s+(?:\w+ly\s+)?(?:be|remain)\s+(?:\w+ly\s+(?:and\s+\w+ly\s+)?)?liable\s+(?:under|for|to|in\s+accordance)\b|"
    # A criminal penalty, with the conviction before or after "liable" ("commits an offence and shall, on conviction,
    # be liable to a fine ...", Malaysia's bill; "that person shall be liable, on conviction to a fine ...", Zambia's
    # Act): a sanction, as "shall be liable to" is.
    r"\bshall,?\s+(?:on|upon)\s+conviction,?\s+be\s+liable\b|\bshall\s+be\s+liable,?\s+(?:on|upon)\s+conviction\b|"
    # GDPR 28(5): "Adherence ... to an approved code of conduct ... may be used as an element by which to demonstrate
    # sufficient guarantees": what may count as evidence, a thing's standing and no one's permission; and 26(1):
    # "Where two or more controllers jointly determine ..., they shall be joint controllers.": a classification of
    # parties, a definition ("They shall in a transparent manner determine ..." is the duty).
    r"\bmay\s+be\s+used\s+as\s+(?:an?\s+)?element\b|\bmay\s+be\s+used\s+(?:as\s+\w+\s+)?to\s+demonstrate\b|"
    # (the UK GDPR's 24(3) and 25(3), "... may be used as a means of demonstrating compliance with the obligations of
    # the controller", and the DPA 2018's 66(3), "may be used by a controller or processor as a means of
    # demonstrating compliance with subsection (1)": the same standing of a code or a certificate, in other words)
    r"\bmay\s+be\s+used\s+(?:by\s+[^.;]{1,80}?\s+)?as\s+(?:an?\s+)?means\s+of\s+demonstrating\b|"
    r"\b(?:they|it|he|she)\s+shall\s+be\s+(?:joint\s+|co-)?(?:controllers?|processors?|operators?|providers?|"
    r"deployers?|manufacturers?|importers?|distributors?|owners?|employers?)\s*\.?\s*$|"
    r"\bshall\s+be\s+understood\s+to\s+(?:have\s+been|be)\b|\bshall\s+remain\s+subject\s+to\b|"
    # The MDR's 61(9): "the requirement to demonstrate a clinical benefit ... shall be understood as a requirement to
    # demonstrate the performance of the device": one requirement read as another, a rule of construction, as "shall
    # be construed as" is. (A thing "shall be understood as a continuous iterative process" still binds: its subject
    # is no requirement, and it is read as no other requirement.)
    r"\b(?:requirements?|obligations?)\b[^.;]{0,200}?\bshall\s+be\s+understood\s+as\s+(?:an?|the)\s+"
    r"(?:requirements?|obligations?)\b|"
    # The AI Act's 44(2) "Any supplement to a certificate shall remain valid, provided that the certificate which it
    # supplements is valid" (a legal effect) and 99(6) "each fine referred to in this Article shall be up to the
    # percentages or amount referred to in paragraphs 3, 4 and 5, whichever thereof is lower" (a sanction's cap, as
    # "the amount shall not exceed").
    r"\bshall\s+remain\s+valid\b|\b(?:fines?|penalt(?:y|ies))\b[^.;]{0,80}?\bshall\s+be\s+up\s+to\b|"
    # A disclaimer ("Data sets shall be available for informational purposes only. The city does not warrant
    # ..."), a short title ("This Act may be cited as"), a scope rule ("Data not subject to the requirements of
    # this Section include"), a legal status ("shall be entirely in the public domain") and what an instrument
    # may not demand ("provided that the standards shall not require the agencies to post ...") bind no one.
    # (the disclaimer's own sentence: in the DSA's 20(4) "Where a complaint ... contains information indicating that
    # the complainant's conduct does not warrant the measure taken, it shall reverse its decision" it is a condition)
    r"(?:^|\.\s+)\W*(?!(?:where|if|when|unless)\b)(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}\s+(?:does|do)\s+not\s+warrant\b|"
    r"\bmakes?\s+no\s+(?:[\w-]+\s+){0,3}warrant(?:y|ies)\b|"
    r"\bwarranties\s+(?:are\s+)?to\s+be\s+implied\b|"
    r"\b(?:is|are|shall\s+be)\s+(?:provided|available|made\s+available)\s+for\s+informational\s+purposes\b|"
    # What a duty does not change ("... but this does not extend the regulated entity's ... duty to comply ...").
    r"\bbut\s+this\s+does\s+not\s+(?:extend|affect|limit|alter|relieve|change)\b|"
    # (Washington's "This act may be known and cited as the Washington my health my data act." is the same title.)
    r"\bmay\s+be\s+(?:known\s+and\s+)?(?:cited|referred\s+to)\s+as\b|"
    r"\b(?:act|law|ordinance|chapter|article|section|subchapter)\s+shall\s+be\s+known\b|"
    # The date from which a class of parties must follow the section it closes ("A small business must comply with
    # this section beginning June 30, 2024.", Washington's HB 1155): when the section's own duties bind them, as an
    # effective date, no duty of its own.
    r"^\W*(?:an?|the|each|every|any)\s+[\w\s-]{1,60}?\s+(?:must|shall)\s+comply\s+with\s+this\s+"
    r"(?:section|subsection|chapter|part|article|subtitle|act)\s+(?:beginning|starting|on\s+and\s+after|on\s+or\s+"
    r"after)\s+[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\W*$|"
    # Missouri's "Sections 375.1400 to 375.1427 shall be known and may be cited as ...", parted at its "and may", and
    # a definitions section's lead-in "As used in sections ..., the following terms mean:" (then '"Licensee", ...').
    r"\bsections?\s+[\d.]+(?:\s+(?:to|through)\s+[\d.]+)?\s+shall\s+be\s+known\b|"
    + GLOSSARY_LEAD_IN + "|"
    # The same lead-in as "the terms below shall have the following definitions:"; a statement of policy ("It is the
    # policy of the City ... that public data will be made open ...", as findings are); and what terms of use do not
    # give ("These Terms of Use do not grant anyone any title or right to ...").
    r"\bshall\s+have\s+the\s+following\s+(?:meanings?|definitions?)\W*$|"
    r"^\W*it\s+is\s+(?:hereby\s+)?(?:declared\s+to\s+be\s+)?the\s+policy\s+of\b|"
    r"\b(?:do|does)\s+not\s+grant\s+(?:anyone|any\s+(?:person|party|user))\b|"
    r"\bshall\s+be\s+treated\s+as\s+(?:licen[cs]e|royalty|copyright)-free\b|"
    r"\bshall\s+be\s+subject\s+to\s+the\s+provisions\s+of\b|"
    # A rule of construction binds whoever reads the law, not a party, whatever its subject ("This exemption shall
    # be construed in conformity with s. 119.071(2)(c)", "shall be construed as", "to").
    # Maryland drafts the rule "MAY NOT BE CONSTRUED TO ALLOW ...", as others draft "shall not be construed to".
    r"\bshall\s+be\s+construed\b|\bmay\s+not\s+be\s+construed\b|"
    # The same rule in other words ("These rules ... shall be interpreted to conform with the statutes of the State"),
    # and an instrument's own reach ("These rules shall govern the conduct of the Council"): how the law is read and
    # what it covers, no one's duty. A right given a name ("This right may be referred to as the right to opt-out")
    # is a short title's kind; a thing treated as another for some purposes ("... and shall be treated as personal
    # information for purposes of all other sections of this Act"), a quoted term's content ("The "Consent Agenda"
    # shall consist of routine non-controversial items") and what suffices for a rule ("approval by the other ...
    # shall be sufficient for the purposes of this rule") are deemings and definitions.
    r"\bshall\s+be\s+interpreted\s+(?:to|so\s+as\s+to|in\s+(?:a\s+manner\s+)?(?:consistent|conformity|accordance))\b|"
    r"\b(?:this|these|the)\s+(?:rules?|ordinance|act|chapter|article|regulation|title|code|bylaws?)\s+shall\s+govern\b|"
    r"\bshall\s+be\s+treated\s+as\s+[^.;]{1,60}?\bfor\s+(?:the\s+)?purposes?\s+of\b|"
    # When an event counts as having happened ("a breach shall be treated as discovered by a covered entity as of the
    # first day on which ..."): a legal fiction of time, as "shall be deemed to have knowledge" is.
    r"\bshall\s+be\s+treated\s+as\s+(?:having\s+been\s+)?[a-z]+ed\s+(?:by\s+[^.;]{1,60}?\s+)?"
    r"(?:as\s+of|on\s+the\s+(?:first|date|day)|when)\b|"
    # When a party counts as complying ("a covered entity shall be treated as being in compliance with section
    # 164.502(b)(1) ... only if the covered entity limits ..."): a deeming, as "shall be deemed to comply" is.
    r"\bshall\s+be\s+treated\s+as\s+(?:being\s+)?in\s+compliance\s+with\b|"
    r"^\W*(?:the\s+)?[\"“][^\"”]{1,60}[\"”]\s+shall\s+(?:consist\s+of|mean|include)\b|"
    r"\bshall\s+be\s+sufficient\s+for\s+the\s+purposes?\s+of\b|"
    # "Subsections (2) ... and (3) are not to be construed so as to authorize ...": a rule of construction.
    # (UK GDPR 25(4): "Paragraphs 1A and 1B are not to be read as implying anything about ...": the same rule)
    r"\b(?:is|are)\s+not\s+to\s+be\s+(?:construed|interpreted|applied|read)\b|"
    # "An exemption under subsection (2) need not be published in the Gazette": an exemption.
    # (Richmond's "The appropriation ordinance shall be based on the budget but need not be itemized further than by
    # departments": what the duty does not require is part of it, not an exemption of its own.)
    # (Valdosta's charter: "The city manager shall be appointed with regard to merit only and need not be a resident
    # of the city when appointed": after "and", too, what the duty leaves open is part of it.)
    r"(?<!\bbut\s)(?<!\band\s)\bneed\s+not\b|"
    # What a charge is in law, not what anyone must do: "A lien shall exist against all property ...", "the sewer
    # service charge shall constitute a lien against any property ...", "shall be a charge and lien against the real
    # estate", a transfer that "shall vest the purchaser or transferee with all right, title, and interest", an owner
    # who "shall not lose his or her right to redeem" (Valdosta's charter 4.23-4.27).
    r"\blien\s+shall\s+exist\b|\bshall\s+(?:constitute|be)\s+a\s+(?:charge\s+and\s+)?lien\b|"
    r"\bshall\s+vest\s+(?:the|such|any)\s+(?:[\w-]+\s+){1,4}?with\s+(?:all|the)\b|"
    r"\bshall\s+not\s+lose\s+(?:his\s+or\s+her|his|her|its|their)\s+right\b|"
    # What an instrument does in law: the Data Governance Act's 11(5) "The notification referred to in paragraph 1
    # shall entitle the data intermediation services provider to provide data intermediation services in all Member
    # States" (a notification, a registration or a licence that entitles, or confers a right on its holder, as a
    # transfer that vests): no one is bound. ("Member States shall confer on their market surveillance authorities the
    # powers ...": a party acting, bound.)
    r"\b(?:notification|registration|licen[cs]e|certificate|authori[sz]ation|permit|approval|confirmation)\b"
    r"[^.;:]{0,80}?\bshall\s+(?:entitle|confer\s+(?:on|upon))\b|"
    # "The fiscal year of the city shall be as fixed by ordinance of the mayor and council": where the rule is found.
    r"\bshall\s+be\s+as\s+(?:fixed|established|set|provided)\s+by\s+(?:ordinance|resolution|law)\b|"
    # The Philippine Data Privacy Act's 19: "The immediately preceding sections are not applicable if ...": a scope
    # exception, as "shall not apply" is.
    r"\b(?:sections?|provisions?|subsections?|paragraphs?|chapters?)\s+(?:is|are)\s+not\s+applicable\b|"
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
    # (The AI Act's 46(1) "That authorisation shall be for a limited period while ...": how long a party may grant it,
    # a duty of the party that grants it.)
    r"\bshall\s+be\s+for\b(?!\s+a\s+(?:limited|fixed|specified|determined|defined|maximum)\s+(?:period|duration|time)\b)|^\W*no\s+(?:\w+\s+){1,3}?(?:is|are)\s+required\b|"
    r"\bshall\s+be\s+(?:an?\s+)?guilty\s+of\b|"
    # A penalty's measure ("A violation of this section shall be punishable by a fine not exceeding $1,000"), as a
    # guilt is; a thing saved from a rule ("The validity of the contract shall not be affected"), as "shall not
    # affect" saves it; and how words are read ("References to the repealed Directive shall be read as references
    # to this Regulation"), as "shall be construed" reads them: none binds anyone to act.
    r"\bshall\s+be\s+punishable\s+(?:by|with|as)\b|\bshall\s+not\s+be\s+(?:affected|prejudiced|impaired)\s*(?:[.;]|$|by\b)|"
    r"\bshall\s+be\s+read\s+as\s+(?:a\s+)?references?\b|"
    # What an act amounts to in law ("A violation of this chapter shall constitute an unfair trade practice", "Four
    # members shall constitute a quorum", "A quorum shall consist of a majority"), and how a presumption or a remedy
    # stands ("Such a presumption shall be rebuttable", "The remedies ... shall be cumulative"): a consequence or a
    # rule of proof, binding no one to act. No labelled duty in the three corpora says "shall constitute".
    r"\bshall\s+(?:not\s+)?constitute\b|\bquorum\s+shall\s+consist\b|\bshall\s+be\s+(?:rebuttable|cumulative)\b|"
    # The Irish AERSS Act's 22(4)(a) "the decision is not invalid, and shall be taken to have always been valid", 22(6)
    # "he or she shall thenceforth be disqualified for membership of the Board" and 24(2) "A person does not
    # contravene subsection (1) by disclosing ... if the disclosure—": a validity saved, a status that follows, an
    # exception to a prohibition; none binds anyone to act.
    r"\bshall\s+be\s+taken\s+to\s+have\s+(?:always\s+)?been\b|\bshall\s+(?:thenceforth\s+)?be\s+disqualified\b|"
    r"\bdoes\s+not\s+contravene\b|"
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
    # Nevada's NRS 432B.406: a team "must include, insofar as possible: (a) A representative of ...; (b) Medical
    # personnel" and "may include such other representatives of other organizations" (who sits, as "shall consist of"),
    # 432B.409(1)(b)'s appointees "shall serve as nonvoting members" (a member's standing, not a duty).
    r"\b(?:must|shall)\s+include,?\s+(?:insofar|so\s+far|as\s+far)\s+as\s+(?:possible|practicable)\s*:|"
    r"\bmay\s+(?:also\s+)?include\s+(?:such\s+)?(?:other\s+)?(?:representatives|members|persons)\s+(?:of|from)\b|"
    r"\bshall\s+serve\s+as\s+(?:non-?voting|ex[\s-]+officio|voting)\s+members?\b|"
    + WHOLE_SENTENCE + "|"
    # How a time limit is counted ("except that such time period shall not include Saturdays, Sundays, and legal
    # holidays", CRS 16-21-104(2)): no one is bound by it.
    r"\b(?:time\s+)?periods?\s+shall\s+not\s+include\s+(?:any\s+)?(?:Saturdays?|Sundays?|weekends?|(?:legal\s+)?holidays?)\b|"
    # Colorado's CRS 16-20.5 and 16-21: "This article and article 21 of this title shall be known and may be cited as"
    # (a short title naming two parts), "Membership of the executive board shall be comprised initially of" (who
    # sits), "The general assembly further finds and declares that the ... system should be operated through ..." (a
    # finding) and "are intended to complement the rules ... and shall not be interpreted to conflict with" (a rule of
    # construction).
    r"^\W*(?:this|these)\s+(?:act|law|ordinance|chapter|article|title|part|subchapter)s?\b[^.;]{0,60}?"
    r"\bshall\s+be\s+known\b|"
    r"\bshall\s+be\s+comprised\s+(?:initially\s+)?of\b|"
    r"\b(?:further\s+)?(?:finds?|found)\s+and\s+(?:declares?|determines?)\s+that\b|"
    r"\bshall\s+not\s+be\s+interpreted\b|"
    r"\bshall\s+serve\s+(?:for\s+)?(?:a\s+(?:period|term)\s+of|the\s+unexpired)\b|\bshall\s+hold\s+office\s+(?:during|until)\b|"
    # Charlottesville's "said officer's office shall be deemed vacant", "such removal shall operate to vacate such
    # mayor's or councilor's office" (an office ended, as by forfeiture) and "shall have the powers vested in city
    # managers" (powers given by reference, as "shall be vested in").
    r"\bshall\s+be\s+deemed\s+vacant\b|"
    r"\bshall\s+operate\s+to\s+vacate\b|\bshall\s+have\s+the\s+powers\s+vested\s+in\b|"
    r"\bshall\s+receive\s+as\s+(?:compensation|salary)\b|\bshall\s+be\s+final\b|"
    # Baltimore's charter: "The voters of Baltimore City shall elect a Comptroller ..." (how the office is filled, as
    # "shall be elected at each ... election"), "The Comptroller's salary shall be set as provided in Article VII"
    # (paid what); Springboro's "This budget shall serve as the basis for the annual appropriation ordinance" (what a
    # document is for).
    r"\bvoters\s+(?:of\s+[^,;]{1,40}?\s+)?shall\s+elect\b|"
    # (a pointer to where the pay is set; "compensation shall be fixed by the City Council" is the Council's duty)
    r"\b(?:salary|salaries|compensation)\s+shall\s+be\s+(?:set|fixed|determined)\s+as\s+provided\b|"
    r"\bshall\s+serve\s+as\s+the\s+basis\s+(?:for|of)\b|"
    # Springboro's "The attorney so designated shall serve with the title of Law Director" (a title, as Nevada's "shall
    # serve as nonvoting members") and "The limitations on debt and tax rates ... shall be continued as provided in
    # the Constitution" (the law left in force); Bethlehem's "No user of the Open Data Portal ... shall acquire or
    # have intellectual property rights ... in the Open Data" (what no one gets, a legal effect).
    r"\bshall\s+serve\s+with\s+the\s+title\s+of\b|\bshall\s+be\s+continued\s+as\s+provided\s+(?:in|by)\b|"
    # Springboro's "the annual appropriation ordinance shall become effective ... and shall constitute an
    # appropriation for the budgeted items without further legislation": what an act amounts to in law.
    r"\bshall\s+constitute\s+an?\s+(?!violation\b)[\w-]+\s+(?:for|of)\b|"
    r"\bshall\s+(?:acquire|obtain|gain)(?:\s+or\s+have)?\s+(?:any\s+)?(?:[\w-]+\s+){0,3}?(?:rights?|title)\b|"
    # Baltimore's "The term of the Comptroller shall commence on ... and shall continue for 4 years and until a
    # successor has been elected and qualified": the term's length, as "terms of office shall be for a period of".
    r"\bshall\s+continue\s+for\s+(?:a\s+(?:period|term)\s+of\s+)?[\w-]+\s+(?:\(\d+\)\s+)?years?\b|"
    r"\bterm\s+of\s+(?:office\s+of\s+)?(?:the\s+)?[\w'’ -]{1,40}?\s+shall\s+(?:commence|begin|start|expire|end)\b|"
    # Springboro's "(a) Notice and Hearing. No public hearing will be required." (a step dispensed with; "No person
    # shall be required to ..." protects someone and stays a prohibition); Baltimore's "To carry out the Auditor's
    # duties, the Auditor shall have access at all times to the financial records" (an entitlement, as Nevada's "is
    # entitled to access to:").
    r"^\W*(?:[\w-]+\.\s+){0,4}no\s+(?:[\w-]+\s+){1,3}?(?:will|shall)\s+be\s+required\s*(?:[.;]|$)|"
    r"\bshall\s+have\s+(?:full\s+|free\s+|unrestricted\s+)?access\s+(?:at\s+(?:any\s+and\s+)?all\s+times\s+)?to\b|"
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
    # (a bill's text layer may lose the spaces between its words: "shall have a rightof action ina state court")
    r"\bshall\s+have\s+a\s+(?:private\s+)?right\s*of\s*action\b|"
    # A private person's action to enforce the law ("A PERSON MAY BRING A CIVIL ACTION AGAINST A LAW ENFORCEMENT
    # AGENCY TO COMPEL COMPLIANCE"): a remedy, as a right of action is; an attorney general's "may bring an action"
    # is that officer's power; "... and any other person may bring an action to obtain actual damages" too.
    r"\b(?:a|any)\s+(?:other\s+)?(?:person|individual|consumer|resident)\s+(?:[^.;]{0,60}?\s)?may\s+(?:bring|institute|commence)\s+"
    r"(?:a|an)\s+(?:civil\s+)?action\b|"
    # The same remedy in a freedom-of-information law's words: "the person seeking disclosure may institute
    # proceedings ... in the Superior Court", "may bring suit", "Any person denied the right to inspect a public record
    # in the possession of the Council may institute proceedings", and the fees a prevailing requester "may be awarded".
    r"\b(?:a|any|the)\s+(?:person|individual|consumer|resident|requester)\s+(?:[^.;]{0,100}?\s)?may\s+"
    r"(?:bring|institute|commence|file)\s+(?:suit|proceedings)\b|"
    r"\bmay\s+be\s+awarded\s+(?:reasonable\s+)?attorney(?:['’]?s)?['’]?\s+fees\b|"
    r"\b(?:prevailing|aggrieved)\s+(?:party|person|plaintiff)\s+(?:may|is\s+entitled\s+to)\s+recover\b|"
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
    # The same cap on damages or on penalties further off, and in "may not" (PENALTY_CAP).
    + PENALTY_CAP.pattern + "|"
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
    # COPPA 1303(d): "No State or local government may impose any liability ... that is inconsistent with the
    # treatment of those activities ... under this section": preemption, as what a locality may not add is.
    r"\bno\s+state\s+or\s+local\s+government\s+(?:shall|may)\s+impose\s+any\s+(?:liability|requirements?)\b|"
    # Venue and service of process ("Any action brought under subsection (a) may be brought in the district court
    # ... that meets applicable requirements relating to venue", "process may be served in any district in which the
    # defendant"): where a suit is heard and served, a statute's procedure, as when it may be brought is.
    r"\baction\s+brought\s+under\s+[^.;]{1,60}?\s+may\s+be\s+brought\s+in\b|\bprocess\s+may\s+be\s+served\b|"
    # Precedence ("If the state has other provisions on ..., such provisions shall prevail"), commencement whatever
    # the instrument is called ("This Measures shall come into force on ..."), and a sanction stated without anyone
    # to impose it ("punishment shall be imposed according to law", "criminal liability shall be pursued according
    # to law") are legal effects, as "shall be liable under" is.
    # A web page's note of which edition governs ("In case of inconsistencies ..., the printed version will
    # prevail.") is a precedence rule too, whatever its modal verb.
    # ("Where a conflict exists between this policy and an SE's policy, the more restrictive policy will take
    # precedence.") Where a reader finds a term's meaning ("all terms shall have the meanings found in
    # http://www.its.ny.gov/glossary") is a definition by reference, and where a document "may be found" its address.
    r"\b(?:shall|will)\s+(?:prevail|take\s+precedence)\b|\bshall\s+have\s+the\s+meanings?\s+(?:found|given|set\s+forth)\b|"
    r"\bmay\s+be\s+found\s+(?:at|in|on)\b|\bshall\s+(?:come|enter)\s+into\s+force\b|"
    # A limit of a body's remit ("The Department shall not be responsible for identifying or publishing data
    # sets"): what it need not do, forbidding it nothing.
    r"\bshall\s+not\s+be\s+responsible\s+for\b|"
    # So is a sharing of it ("The controller and processor are each responsible for only the measures allocated to
    # them"), and a contract's want of effect on a liability ("In no event may any contract relieve a controller ...
    # from the liabilities imposed on them"), drafted elsewhere "Nothing ... shall be construed to relieve".
    r"\bresponsible\s+for\s+only\b|\b(?:may|shall|can)\s+(?:any|a)\s+(?:contract|agreement)\s+relieve\b|"
    r"\b(?:no|any)\s+(?:contract|agreement)\s+(?:may|shall|can)\s+relieve\b|"
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
    r"(?:according\s+to|in\s+accordance\s+with)\s+(?:the\s+)?law\b|"
    # A charter's savings of the old law until a new one ("All actions affecting such personnel shall, until such
    # time as legislation is enacted ..., continue to be subject to the provisions of acts of Congress", "Personnel
    # legislation ... shall continue to be applicable until", "shall continue to be appointed and removed in
    # accordance with applicable laws until"), what an act needs to be valid ("Such a reorganization plan shall be
    # valid only if the Council does not adopt ... a resolution disapproving"), a commencement within limits ("shall
    # take effect not earlier than 1 year nor later than 5 years after") and a budget's force ("Upon final adoption,
    # the budget shall be in effect for the ensuing fiscal year"): which law governs and when, binding no one to act.
    r"\bshall\s*(?:,[^.;]{1,240}?,\s*)?continue\s+to\s+be\s+(?:subject\s+to|applicable|in\s+(?:full\s+)?(?:force|effect)|"
    r"effective|\w+ed\s+(?:and\s+\w+ed\s+)?in\s+accordance\s+with\s+(?:the\s+)?(?:applicable|existing|such)\s+laws?)\b|"
    r"\bshall\s+(?:only\s+)?be\s+valid\s+(?:only\s+)?(?:if|unless|when|upon)\b|"
    r"\b(?:shall|will)\s+take\s+effect\s+not\s+(?:earlier|sooner|later)\s+than\b|"
    r"\bshall\s+(?:be|remain)\s+in\s+(?:full\s+)?(?:force|effect)\s+(?:for|until|during|from|on)\b|"
    # What a charter makes of one thing for another: "The hearing on the budget plan as a whole ... shall constitute
    # the hearing on all ordinances referred to in this section"; the fallback when the council fails to act ("the
    # budget as submitted by the mayor shall be the budget for the ensuing year", Oregon's "The rate limit so
    # proposed shall be the initial permanent rate limit", "shall have full force and effect to the same extent as
    # if the same had been adopted by the council"): deemings, as "shall be deemed" is ("shall be responsible for
    # making such records available to the same extent as if the record were maintained by the public body" is a duty
    # and its measure).
    r"\bshall\s+constitute\s+the\s+(?:\w+\s+){0,3}?(?:on|for|of|under)\b|"
    r"\b(?:as\s+(?:submitted|proposed|recommended)|so\s+(?:proposed|submitted|recommended))\b[^.;]{0,80}?\bshall\s+be\s+"
    r"the\b|\bshall\s+have\s+(?:full\s+)?(?:force|effect)\b[^.;]{0,40}?\bto\s+the\s+same\s+extent\s+as\s+if\b|"
    # New York City's Administrative Procedure Act (Charter ch. 45): what an omission does not void ("The inadvertent
    # failure to provide the reason ... shall not serve to invalidate the rule"), who bears the burden of proof ("the
    # party commencing the adjudication shall have the burden of proof") and a ruling's reach ("A declaratory ruling
    # shall be binding only with respect to the person who makes the petition"): legal effects, binding no one to act
    # ("The contract shall be binding and clearly set forth instructions" stays a duty).
    # (The U.S. Code's "shall have the burden of demonstrating that all notifications were made as required" is the
    # same allocation.)
    r"\bshall\s+not\s+(?:serve\s+to\s+)?invalidate\b|"
    r"\bshall\s+(?:have|bear)\s+the\s+burden\s+of\s+(?:proof|proving|persuasion|demonstrating|establishing|showing)\b|"
    r"\bshall\s+be\s+binding\s+(?:only\s+)?(?:on|upon|with\s+respect\s+to)\b|"
    # An appropriation's measure ("the sum of $100,000 or so much thereof as may be necessary for fiscal year ..."), a
    # finding that reports an idea ("the idea that certain data should be freely available ... has become prevalent")
    # and a limit a principle admits ("Reasonable privacy, security, and privilege restrictions may be allowed") allow
    # and order no one anything.
    r"\bso\s+much\s+thereof\s+as\s+may\s+be\s+necessary\b|"
    r"\b(?:idea|notion|view|belief|concept)\s+that\s+[^.;]{0,80}?\bshould\b|"
    r"\b(?:restrictions|limitations|exceptions)\s+may\s+be\s+(?:allowed|permitted)\b|"
    # New York's severability and commencement formulas: "If any clause ... shall be adjudged ... to be invalid, such
    # judgment shall not affect ..., but shall be confined in its operation to the clause ... directly involved",
    # "Effective immediately, the addition, amendment and/or repeal of any rule or regulation necessary for the
    # implementation of this act on its effective date are authorized to be made and completed on or before such
    # effective date"; and a saving of employees' rights ("The use of an automated decision-making system shall not
    # alter the rights or benefits, and privileges, ... of all existing employees ... shall be preserved").
    r"\bshall\s+be\s+confined\s+in\s+its\s+operation\b|"
    r"\b(?:are|is)\s+authorized\s+to\s+be\s+made\s+and\s+completed\s+on\s+or\s+before\b|"
    r"\bshall\s+not\s+alter\s+the\s+rights\b|"
    # A New York bill's introducers: "Introduced by Sens. GOUNARDES, ..., MAY, MAYER, ... -- read twice and ordered
    # printed, and when printed to be committed to the Committee on Rules": a senator named May is no modal verb.
    r"--\s*read\s+twice\s+and\s+ordered\s+print|"
    # A term narrowed for one paragraph ("For purposes of this paragraph, such internal business operations shall
    # not include any activities related to marketing"): a definition by exclusion, forbidding no one anything.
    r"\bfor\s+(?:the\s+)?purposes?\s+of\s+this\s+(?:paragraph|subparagraph|subdivision|clause),\s+[^.;:]{0,80}?"
    r"\bshall\s+not\s+include\b|"
    # Georgia's model charter (Ashburn, Brookhaven, Americus): what a violation does to a contract ("shall render
    # said contract or sale voidable at the option of the city council"), an officer's removal and ineligibility as
    # penalties ("shall be subject to removal in accordance with article V", "shall be ineligible for appointment or
    # election"), a right to be told ("shall be entitled to notice of all special meetings"), what satisfies a
    # requirement ("may be accepted as satisfying the requirements of this Charter"), a power's limit ("any
    # additional appropriations may be made only from an existing unexpended surplus"), an act's validity ("no
    # contract ... shall be valid and binding until after approval of the city council"), the budget year defined
    # ("Said fiscal year shall constitute the budget year"), balances that lapse ("shall lapse into the
    # unappropriated surplus"), a budget adopted by default ("shall be adopted without further action by the city
    # council") and powers given by reference ("shall have all of the powers specifically granted to the mayor
    # elsewhere in this Charter"): effects, rights and limits, binding no one to act.
    r"\bshall\s+render\s+[^.;]{0,60}?\b(?:void|voidable|null|invalid|unenforceable)\b|"
    r"\bshall\s+be\s+subject\s+to\s+(?:removal|suspension|dismissal|discharge)\b|\bshall\s+be\s+ineligible\s+(?:for|to)\b|"
    r"\bshall\s+be\s+entitled\s+to\s+(?:receive\s+)?notice\b|\bmay\s+be\s+accepted\s+as\s+satisfying\b|"
    r"\bmay\s+be\s+(?:made|spent|paid)\s+only\s+(?:from|out\s+of)\b|"
    r"\bshall\s+be\s+valid\s+and\s+binding\s+(?:only\s+)?(?:until|unless|if)\b|"
    r"\bshall\s+constitute\s+the\s+(?:\w+\s+){0,2}year\b|\bshall\s+lapse\b|"
    r"\bshall\s+be\s+adopted\s+without\s+further\s+action\b|"
    r"\bshall\s+have\s+all\s+(?:of\s+)?the\s+powers\s+(?:\w+\s+)?granted\b|"
    # The scope of a power ("provided that the power of this appointment shall not include officers and employees
    # who by this Charter are appointed ... by the mayor and the city council").
    r"\b(?:power|authority)\s+(?:of\s+[^.;]{1,40}?\s+)?shall\s+not\s+(?:include|extend\s+to)\b|"
    # When a violation arises (CalOPPA, Bus. & Prof. Code § 22575(a): "An operator shall be in violation of this
    # subdivision only if the operator fails to post its policy within 30 days after being notified of
    # noncompliance"): a condition of liability, the duty being the sentence before it.
    r"\b(?:shall\s+be|is|are)\s+(?:deemed\s+(?:to\s+be\s+)?)?in\s+violation\s+of\s+(?:this|the)\s+"
    r"(?:sub)?(?:division|section|paragraph|chapter|title|article|part|act)\s+only\s+(?:if|when|where)\b|"
    # The U.S. Code's editorial footnote ("So in original. Probably should be ''of''."): the reviser's remark on a
    # word, no one's duty.
    r"^\W*probably\s+should\s+(?:be|read)\b|"
    # A copy's disclaimer of itself with no subject ("Unofficial reproduction ... May contain errors or be out of
    # date."): what the page might hold, no one's duty.
    r"^\W*may\s+(?:contain\s+(?:errors|inaccuracies|omissions)|be\s+(?:out\s+of\s+date|outdated|incomplete))\b|"
    # A tail after a lead-in's points that narrows a term it used (47 U.S.C. 1002(a)(2): "except that, with regard to
    # information acquired solely pursuant to the authority for pen registers ..., such call-identifying information
    # shall not include any information that may disclose the physical location of the subscriber"; Colorado's
    # "except that such time period shall not include Saturdays"): what the term covers, no one's duty.
    r"\bexcept\s+that\b[^;]{0,240}?\bsuch\s+(?:[\w-]+\s+){1,3}shall\s+not\s+include\b|"
    # What relief a court may give (RCW 70.02.170(2): "Such relief may include actual damages, but shall not include
    # consequential or incidental damages."): the measure of a remedy, binding no party to act.
    r"^\W*(?:such\s+|the\s+|this\s+)?(?:relief|remedy|remedies|award)\b[^.;]{0,40}?\b(?:may|shall)\s+(?:not\s+)?"
    r"include\b|\b(?:may|shall)\s+not\s+include\s+(?:any\s+)?(?:consequential|incidental|punitive|exemplary|special)\b"
    r"[^.;]{0,40}?\bdamages\b|" + LIMITS_AND_EFFECTS_TEXT + "|" + SAVINGS_AND_DEFINITIONS_TEXT
    + "|" + EFFECTS_AND_CRITERIA_TEXT + "|" + DEFAULTS_AND_DEEMINGS_TEXT + "|" + PROVISION_OPERATION_TEXT
    + "|" + FULFILMENTS_AND_SAFE_HARBOURS_TEXT
)
# A formula inside brackets is the bracket's, not its sentence's: Japan's acts define and extend terms there ("another
# person (meaning a person other than ...; the same shall apply in Article 20 of this Act) provide an Individual
# Number"; "(... including shareholders who are deemed as having voting rights ...), none of its officers shall").
# One compile of the 500-line pattern, at import.
NON_DUTY = re.compile(rf"(?:{_NON_DUTY_TEXT})(?!(?:[^()]|\([^()]*\))*\))", re.I)
