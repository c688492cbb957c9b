"""The words that give a statute's clause its modality: prohibitions, permissions, duties, recommendations, and the
relative clauses whose modal verb is no clause of their own.

Split from ``clauses`` (which splits a sentence into its clauses and reads each one's modality with these): the
formulas grow with every drafting tradition read, each with a comment quoting the text it came from. May import:
``compgraph.legal.parties``.
"""

from __future__ import annotations

import re

from compgraph.legal.embedded_clauses import AWARE_THAT, CONTEMPLATED_WILL, RELATIVE_SHALL, WHETHER_SHOULD
from compgraph.legal.parties import _RESPONSIBLE_FOR

# "should not use the AI" advises against, as "should" advises: a recommendation; "should never" still forbids.
# A thing not permitted at all ("Automated final decision systems are not permitted."): forbidden, and a modal
# verb's place in the sentence for the provisions (``provisions._MODAL``); or not in the places a lead-in lists
# ("Smoking ... are not permitted: (a) In any magazine;").
NOT_PERMITTED_AT_ALL = r"\b(?:is|are)\s+not\s+(?:permitted|allowed)(?=\s*[.;:—])"
# Oregon's OAR 125-055-0020(2)(c): "An OFC's contract to provide a service cannot obligate an Agency to buy a product
# tied to that service unless ...": what a contract may not impose, a prohibition in "cannot".
CANNOT_OBLIGE = r"\bcannot\s+(?:obligate|oblige|require|compel)\b"
# Norfolk's open data policy: "The City commits to develop and implement practices that will allow it to:": an
# undertaking the body gives in its own rules binds it, as "shall" would.
COMMITS_TO = r"\b(?:hereby\s+)?commits\s+to\b"
_PROHIBITION = re.compile(
    # ("shall not fail to notify": a duty to notify, in two negations)
    r"\b(?:shall|must|may)\s+(?:\w+ly\s+|also\s+)?(?:not(?!\s+later\s+than)(?!\s+fail\s+to\b)|never)\b|"
    r"\bshould\s+(?:\w+ly\s+)?never\b|"
    # Oregon's ORS 837.320(2): "In no event may a warrant provide for ... more than 30 days": "may" under "in no event"
    # denies, as "In no event shall" does.
    r"\b(?:in|under)\s+no\s+(?:case|event|circumstances?)\s+(?:shall|may|must)\b|\bshall\s+(?!be\b|have\b)\w+\s+no\s+(?!later\b)\w+|"
    # Zambia's DPA 15(9): "the data controller or data processor shall no longer process that personal data": to stop
    # doing a thing is not to do it ("shall no longer be required" changes a status, no one's conduct).
    r"\b(?:shall|must)\s+no\s+longer\s+(?!be\b|have\b)\w+|"
    # the GDPR's 21(3): "the personal data shall no longer be processed for such purposes": a thing no longer to be done
    # to the data, as "shall not be processed"
    r"\b(?:shall|must)\s+no\s+longer\s+be\s+(?:processed|used|disclosed|retained|stored|kept|shared|sold|transferred)\b|"
    # Des Moines' rules: "Any person may have no more than one Agenda item request pending at a time": a limit.
    r"\bmay\s+(?!be\b)\w+\s+no\s+more\s+than\b|"
    # and HRS 92-3.1(b)(3): "No more than one limited meeting per month shall be held by a county council ...": a cap
    # on how many, a prohibition of more.
    r"(?:^|,\s+|;\s+)no\s+more\s+than\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
    r"[^.;]{1,160}?\s+(?:shall|may|must)\s+be\b|"
    r"\b(?:is|are)\s+not\s+to\s+be\b|(?<!\bthat\s)(?<!\bwhich\s)\b(?:is|are|shall\s+be)\s+(?:hereby\s+)?"
    r"(?:prohibited|forbidden)\b|(?:(?<=\bthat\s)|(?<=\bwhich\s))(?:is|are)\s+(?:prohibited|forbidden)\b(?!\s+by\b)|"
    # AIDA 18(1): "However, the Minister is not permitted to require that the person disclose ...": a permission
    # denied is a prohibition.
    r"\b(?:is|are)\s+not\s+(?:permitted|allowed|authori[sz]ed)\s+to\b|"
    + NOT_PERMITTED_AT_ALL + "|"
    # "No controller shall ...", also after an opening phrase ("Subject to ..., no controller shall process ...").
    # ("... to ensure that the AI system, when placed on the market, no longer presents that risk ..., within a
    # period it may prescribe": "no longer" negates nothing the sentence requires)
    # (Richmond's "..., except that no item of expenditure for debt service ... shall be reduced or stricken out")
    # (Springboro's "..., provided that no amendment to the budget shall increase the authorized expenditures ...": a
    # proviso that forbids)
    # (the Telecommunications Business Act's "..., none of its officers shall concurrently act as an officer of ...")
    r"(?:^|,\s+)(?:and\s+|except\s+that\s+|provided,?\s+(?:however,?\s+)?that\s+)?"
    r"(?:none\s+of\s+|no\s+(?!later\b|sooner\b|earlier\b|more\b|less\b|fewer\b|longer\b))"
    r"(?:[\w\s,'’-]|\((?:[^()]|\([^()]*\))*\)){1,160}?\s+"  # (a bracket inside: "(limited to juridical person; ...)")
    r"(?:shall|may|must)\b|"
    # "No individual, other than a licensed physician or ... requested by the provider, may deny ...": the excepted
    # persons may run long.
    r"(?:^|,\s+)no\s+\w+,\s+other\s+than\s+[^;.]{1,300}?,\s+(?:shall|may|must)\b|"
    # "No state agency, or any entity acting on behalf of such agency, which utilizes ... in performing any function
    # that: (a) ...; (b) ...; or (c) ..., shall utilize such system, unless ...": a subject set off by commas, however
    # long its relative clause and the conditions it lists inline.
    r"^\W*no\s+(?!later\b|sooner\b|earlier\b|more\b|less\b|fewer\b|longer\b)\w+(?:\s+\w+)?,\s+[^.]{1,600}?,\s+"
    r"(?:shall|may|must)\b|"
    r"\bnor\s+shall\b|"
    # Georgia's model charter: "neither the city council nor its members shall give orders to any such officer",
    # "Except where authorized by law, neither the mayor nor any councilmember shall hold any other ... office".
    r"(?:^|,\s+)(?:and\s+)?neither\s+[^.;]{1,120}?\bnor\s+[^.;]{1,120}?\s(?:shall|may|must)\b|"
    # "It shall be unlawful for any operator ... to collect personal information from a child in a manner that
    # violates the regulations": what is unlawful is forbidden.
    r"\bit\s+(?:shall\s+be|is)\s+unlawful\s+(?:for|to)\b|"
    # "It shall be a violation of this subtitle for any person to obtain ...": what violates the law is forbidden.
    r"\bit\s+(?:shall\s+be|is)\s+a\s+violation\s+of\s+[^.;]{0,60}?\b(?:for|to)\b|"
    r"\bshall\s+in\s+no\s+(?:case|event)\b|\b(?:refrain|abstain)\s+from\b|\bshall\s+(?:\w+\s+){0,4}?neither\b|"
    # Japan's translated acts put the negation after a clause: "shall, in case of altering a utilization purpose,
    # not do so beyond ...", "shall, except in those cases set forth in the following, not acquire ...". A PDF's
    # text may join the words: "shallnot handle".
    r"\bshall\s*,[^;:]{1,300}?,\s+not\s+(?!later\b|sooner\b|earlier\b|less\b|more\b|only\b|exceeding\b)[a-z]+|"
    r"\b(?:shall|must)not\b|"
    # Art. 59(1)(e): "any personal data created in the sandbox cannot be shared outside the sandbox".
    # ("the plan must state the reasons why such sets cannot be made available" reports a fact, it forbids nothing)
    r"\bcannot\s+be\s+(?:shared|disclosed|transferred|transmitted|sold|used)\s+(?:outside|beyond|with|to|for)\b|"
    + CANNOT_OBLIGE,
    re.I,
)
# A power given together with a duty in the same words ("the power and duties", "the power and it shall be his or
# her duty to", "the additional power, duty, and responsibility to") binds: the grant is no mere permission.
# So is "the power and shall be required to receive ..." (San Mateo's charter 4.10).
_REQUIRED_TOO = r"\s+and\s+(?:shall\s+)?be\s+required\s+to\b"
# The power's own words end where the requirement is joined on: one duty, not a power and a duty (``clauses``).
def power_then_required(sentence: str, begin: int, at: int) -> bool:
    """Whether the clause from ``begin`` ends on "the power" and "and shall be required to" follows at ``at``."""
    return bool(re.search(r"\b(?:power|authority)\s*$", sentence[begin:at], re.I)
                and re.match(_REQUIRED_TOO, sentence[at:], re.I))


_AND_DUTY = (r"(?!,?\s+(?:and\s+)?(?:it\s+shall\s+be\s+(?:his|her|its|their)(?:\s+or\s+her)?\s+)?dut(?:y|ies)\b|"
             + _REQUIRED_TOO + ")")
_PERMISSION = re.compile(
    # Chagrin Falls' 114.03(b): "Any requesting person, organization or group of persons shall receive advance notice
    # of all meetings ...": what any person who asks "shall receive" is that person's entitlement (as "is entitled to"
    # in 114.03(a)); whoever must send it is not named.
    r"^\W*any\s+(?:requesting\s+)?(?:persons?|individuals?|residents?|members?\s+of\s+the\s+public)\b[^;]{0,60}?"
    r"\bshall\s+receive\b|"
    # CPRA 1798.135(a): "A business ... shall, in a form that is reasonably accessible to consumers: ... (3) At the
    # business's discretion, utilize a single, clearly-labeled link ..., in lieu of complying with paragraphs (1) and
    # (2)": a point left to the party's discretion is an option, not the lead-in's duty.
    r"^\W*at\s+(?:the\s+[\w-]+(?:'s|’s)?|its|their|his|her)\s+(?:sole\s+|own\s+)?discretion\b"
    r"(?![^.;]*\b(?:shall|must|may)\b)|"
    r"\b(?:is|are|shall\s+be)\s+empowered\s+to\b|\bshall\s+have\s+(?:a|the)\s+(?:choice|right|option|discretion)\b|"
    # The DMA's 7(7) "The end users ... shall remain free to decide whether to make use of ..." and 8(3) "The
    # Commission shall have discretion in deciding whether to engage in such a process": a freedom, a discretion.
    r"\bshall\s+remain\s+free\s+to\b|\bshall\s+have\s+(?:full\s+|sole\s+|broad\s+)?discretion\b|"
    # "Each grantor agency that is authorized to award grant funds ... shall coordinate": a relative clause
    # says which agency, the sentence's own verb says what it must do.
    r"(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s)"
    # "is authorized on behalf of the custodian to, (a) facilitate ...": the party acted for may come between.
    # ("It is also authorized to lease such property for fixed terms": the adverb changes nothing.)
    r"\b(?:is|are|shall\s+be)\s+(?:hereby\s+|also\s+)?(?:entitled|permitted|allowed|free|authori[sz]ed)"
    # ("Where any agency is authorized to conduct an adjudication, it shall act ...": a condition, whose pronoun's
    # "shall" after the comma says what the party must do.)
    r"(?:\s+on\s+behalf\s+of\s+[^,;]{1,60}?)?\s+to\b(?![^.;]{0,160}?,\s*(?:it|they|he|she)\s+(?:shall|must)\b)|"
    # A rule's leave with its condition and no "to" ("The use of motion detection is authorized when a Licensee can
    # demonstrate ...", "Off-site Monitoring ... is authorized as long as standards ... meet ...").
    r"(?<!\bthat\s)(?<!\bwhich\s)\b(?:is|are)\s+(?:hereby\s+)?(?:authori[sz]ed|permitted)\s+"
    r"(?:(?:as|so)\s+long\s+as|when(?:ever)?|(?:only\s+)?if|provided)\b|"
    # (Arlington's policy V(C), round 49a: "reserves all rights to determine whether ... shall be published": the same
    # leave as "reserves the right to")
    r"\b(?:has|have|reserves?)\s+(?:the|a)\s+right\s+to\b|\breserves?\s+all\s+rights\s+to\b|"
    # A point that completes "The mayor shall:" with "Have power to administer oaths and to take affidavits": a power.
    # (Valdosta's city manager shall "(8) Have the right to request the counsel ... of the city attorney": a right.)
    r"^\W*(?:\(\w{1,4}\)\s*)?have\s+(?:the\s+)?(?:full\s+)?(?:power|authority|right)\s+to\b|"
    # "Such authority shall include the power to assess, levy, and collect ...": what a power reaches is a power.
    r"\bshall\s+include\s+the\s+power\s+to\b|"
    # ("shall have all the authority and duties of the recorder" is given duties too: Rivergrove's clerk pro tem;
    # so are a Georgia charter's city manager, who "shall have the power and it shall be his or her duty to:" and
    # "shall have the additional power, duty, and responsibility to:" do what the points list)
    r"\bshall\s+have\s+(?:the|all\s+(?:of\s+)?the)\s+(?:[\w-]+\s+){0,2}(?:powers?|authority)\b" + _AND_DUTY + "|"
    # Rivergrove's charter: "He shall have authority to preserve order", "He shall have a vote on all questions".
    # Charlottesville's: "The mayor ... shall have power at any time to call a meeting".
    r"\bshall\s+have\s+(?:(?:full|sole)\s+(?:and\s+)?){0,2}(?:authority|power)\s+(?:[\w-]+\s+){0,3}?to\b|\bshall\s+have\s+a\s+vote\b|"
    # Richmond's charter: "shall have power, whenever the interests of the city require, irrespective of any other
    # provisions of this charter, to assign employees ..." (asides between the power and its "to").
    r"\bshall\s+have\s+(?:full\s+)?(?:authority|power)\s*,[^.;:]{1,200}?,\s*to\s+\w+|"
    # Oakland's charter: "The City Clerk shall further have the authority to make any changes ...": an adverb between
    # "shall" and "have" leaves the grant a power.
    r"\bshall\s+(?:further|also|likewise|additionally)\s+have\s+(?:the\s+|full\s+)?(?:authority|power|right|option)\s+(?!and\s+(?:shall\s+)?be\s+required\b)"
    r"(?:[\w-]+\s+){0,3}?to\b|"
    # "The city internal auditor ... shall be removable at the will and pleasure of the City Council": the Council
    # may remove him, whenever it will.
    r"\bshall\s+be\s+removable\b|"
    # Springboro's charter: "the employees ... shall have and may exercise all powers and duties provided for similar
    # employees by the State law": the old formula of a grant of powers, one permission.
    r"\bshall\s+have\s+and\s+(?:may\s+)?exercise\b|"
    # "Once the mayor has complied with subsection (a), the city council shall have 90 days to take such action as
    # it deems appropriate": the time allowed to act is a power to act within it ("to comply" is a grace period).
    r"\bshall\s+have\s+(?:\w+\s+)?(?:\(\d+\)\s+)?(?:days?|weeks?|months?)\s+(?:\w+\s+){0,4}?to\s+(?!comply\b)\w+|"
    # The old formulas of a power: "It may be competent for the council ... to elect non-residents", "it shall be
    # lawful for", and the passive "There may be elected by the council additional officers".
    r"\bit\s+(?:shall|may)\s+be\s+(?:competent|lawful)\s+for\b|^\W*there\s+may\s+be\s+\w+ed\s+by\b|"
    # A grant of office-wide power ("the city manager shall have full executive and administrative authority and
    # shall have the right to employ and discharge all employees"): a power, as "shall have full authority to" is.
    r"\bshall\s+have\s+(?:full|complete)\s+(?:[\w-]+\s+(?:and\s+)?){0,3}authority\b" + _AND_DUTY + "|"
    # "The sharing of personal data shall be permitted only when in conformity with restrictions": a permission
    # with its condition.
    r"\b(?:is|are|shall\s+be)\s+permitted\s+only\b|"
    # The Philippine Data Privacy Act's 11: "The processing of personal information shall be allowed, subject to
    # compliance with the requirements of this Act ...": a leave with its terms.
    r"\b(?:is|are|shall\s+be)\s+allowed\s*,\s*subject\s+to\b|"
    # "providers can further share the originally collected data only in accordance with Union data protection law"
    # (not what a party must see to: 47 U.S.C. 1004's "A telecommunications carrier shall ensure that any
    # interception ... can be activated only in accordance with a court order" is the carrier's duty)
    r"^(?![\s\S]*?\b(?:shall|must)\s+(?:\w+\s+)?(?:ensure|make\s+sure|see\s+to\s+it)\s+that\b[^.;]*?\bcan\s)"
    r"[\s\S]*?\bcan\s+(?:\w+\s+)?\w+\s+[^.;]{0,120}?\bonly\s+(?:in\s+accordance\s+with|where|if|when)\b",
    re.I,
)
# "The City Manager will report periodically": a code's "will" binds, but not in a subordinate clause ("the date
# by which ... will be available") or where it predicts ("making data open will create opportunities").
# (Norfolk's policy: "the Chief Information Officer will actively encourage Department and public participation": what
# a party does "actively" is its conduct, never a prediction.)
# A short aside between "will" and its verb ("the City will, as appropriate, promptly correct or remove ... such Data",
# Arlington's open data policy IX(B), round 49a): the same undertaking.
_ASIDE = (r"(?:,\s+(?:as|where|when|if)\s+(?:appropriate|necessary|needed|possible|practicable|required),)?")
_WILL = (r"(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s)(?<!\bwhere\s)(?<!\bwhen\s)(?<!\bhow\s)(?<!\bwhether\s)"
         r"(?<!\bif\s)\bwill" + _ASIDE
         + r"\s+(?!not\b)(?!(?:(?!(?:pro)?actively\b)\w+ly\s+)?(?:create|allow|make\s+(?:the|it|our|an?)\b|"
         r"streamline|improve|promote|enhance|enable|help|increase|result|lead|benefit|foster|spur|reduce|contribute|"
         r"support|encourage|save|drive|generate|empower|strengthen|continue|provide\s+(?:benefits|opportunities)|"
         # (PIPEDA's 4.7.2 "The nature of the safeguards will vary depending on the sensitivity ...": what varies, as
         # "may vary")
         # (Arlington's policy VIII(B): "The Departments ... will aspire to: 1. Enhance and expand cooperation ...": an
         # aim, as "it is the objective of the City to" is, no one's duty; round 49a)
         r"vary|differ|depend|aspire)\b)")
# "This information is to be listed on the City's website", "Such records are to be available whenever requested":
# a duty, unless a modal verb of its own governs the sentence ("Member States may decide that the assessment is to be
# carried out by ...").
# An adverb may stand before the participle, and a rule for things says what they are to be made of: "Floors are to
# be regularly swept.", "Tools ... are to be of nonsparking materials" (27 CFR 555.214-555.215).
_TO_BE = re.compile(r"\b(?:is|are)\s+to\s+be\s+(?:\w+ly\s+)?(?:\w+ed|kept|held|made|available|swept|done|given|"
                    r"taken|shown|built|sent|paid|laid|brought|written|drawn|sold|of)\b", re.I)
# "Consent is required for the collection ...", "the consent of the individual is required before ...": a requirement
# stated in the passive, as a model code states its principles ("is required by law" says what a law demands).
# A policy's "Compliance is required with all enterprise policies and standards." likewise.
_REQUIRED = r"(?<!\bthat\s)(?<!\bwhich\s)\b(?:is|are)\s+required\s+(?:for|before|prior\s+to|with)\b"
_MANDATORY = re.compile(r"\b(?:shall|must)\b|\b(?:is|are)\s+(?:required|obliged|obligated)\s+to\b|\bhas\s+to\b|"
                        + COMMITS_TO + "|" + _REQUIRED + "|"
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
# "obtain such insurance as may be necessary ... or as may be required by applicable law": what the need or the law
# calls for, not a leave.
# (UK GDPR 25(1B)(b)(i): children "merit specific protection ... because they may be less aware of the risks": what
# a reason says may be so, no leave.)
_MAY = re.compile(r"(?<!\bthat )(?<!\bwhich )(?<!\bwho )(?<!\bwhere )(?<!\bwhat )(?<!\bas )"
                  r"(?<!\bbecause they )(?<!\bbecause it )"
                  # (Springboro's "In amending the tax budget, it may add or increase programs ...": "it" after an
                  # opening phrase is the party, Council, with a verb of its own)
                  r"(?:(?<!\bit )|(?<=\bit )(?=may\s+(?:do\s+so|\w+\s+only)\b)|(?<=,\sit\s)(?=may\s+(?!be\b|have\b|"
                  r"happen|occur|seem|appear|prove|become|result|take|turn|well\b|also\b|not\b)[a-z]+\b))"
                  r"\bmay\b(?! not\b)"
                  r"(?!\s+(?:\d{1,2}|1[89]\d\d|20\d\d)\b)(?!\s+have\s+(?!access\b|recourse\b)[a-z]+s\b)"
                  # "The form of the consent ... may vary, depending upon the circumstances": what varies, not a leave
                  r"(?!\s+(?:vary|differ|depend)\b)", re.I)
# A plural noun with no article as a clause's subject: "providers shall", "deployers must".
_BARE_PLURAL = r"(?!(?:thus|always|also|as|is|has|does|was|this|its|us|less|unless)\b)[a-z]+s\s+(?:shall|must)\b"
_RELATIVE_DUTY = (r"(?:where\s+(?:they|it)|\w+\s+of\s+which"
                  r")"
                  r"\s+shall\s+(?!not\b)"
                  # ("There shall be a Department of Audits, the head of which shall be the City Auditor": who
                  # heads it, an identity stated with the department, not a duty of its own)
                  r"(?!(?:serve|hold|continue|remain)\b|be\s+(?:appointed|elected|deemed|subject|the|an?)\b)")
# What a named person shall or may do, after a comma ("shall be referred to the presiding officer, who shall decide
# the matter"), and what a party may do with a thing ("shall separately designate items as "Consent Agenda" which
# may be acted upon by the Council", "prior opt-in consent ..., and which may be revoked by the consumer at any
# time"): clauses with a party and a verb of their own. The party is named ("by the Council", "by any member"), not a
# class that may supply a thing ("relevant data which may be provided by deployers": a description of the data).
# (Brookhaven's charter: "... to call the same to the attention of the city attorney, whose duty it shall be
# forthwith to take such steps as are necessary": the named officer's own duty.)
_RELATIVE_PARTY = (r"who\s+(?:shall\s+(?!not\b)(?!(?:serve|hold|continue|remain)\b|be\b)|may\s+(?!not\b|be\b))|"
                   r"whose\s+duty\s+it\s+shall\s+be\s+(?:\w+\s+)?to\b|"
                   r"which\s+may\s+be\s+[a-z]+(?:ed|en)\s+(?:upon\s+|on\s+)?by\s+(?:the|any)\b")
# D.C. Code 2-532(a), 2-537(d): "in accordance with reasonable rules that shall be issued by a public body", "a
# citation, which shall be personally served upon the defendant": a thing that a party must make or serve, a passive
# duty of its own.
_RELATIVE_PASSIVE = r"(?:which|that)\s+shall\s+be\s+(?:\w+ly\s+)?[a-z]+(?:ed|en)\s+(?:by|upon)\s+(?:the|a|an|any)\b"
_RELATIVE_CLAUSE_DUTY = re.compile(_RELATIVE_DUTY + "|" + _RELATIVE_PARTY + "|" + _RELATIVE_PASSIVE, re.I)
# "... pending at a time and the City Clerk shall not accept ...": an office named in capitals, after "and", is a
# party of its own.
_NAMED_PARTY = re.compile(r"the\s+(?:(?-i:[A-Z])[\w'’-]+\s+){1,3}(?:shall|must|may)\b")
_RELATIVE_PERMISSION = re.compile(r"(?:who\s+may|which\s+may\s+be)\b", re.I)
# The person a sentence chooses ("shall elect one of its members as mayor pro tem, who shall perform the duties of
# mayor"): what the relative clause says is what the office chosen is for, one duty with the choice (Fort Worth and
# Charlottesville as labelled); the person a sentence only names ("referred to the presiding officer, who shall
# decide") has a duty of its own.
_CHOOSES = re.compile(r"\b(?:elect|appoint|designate|select|choose|name|hire|employ)(?:s|ed|ing)?\b[^;]*$", re.I)
# Chagrin Falls' 114.05(f): "The Council, by motion, may determine when virtual meetings ... will be utilized, and which
# public bodies shall hold virtual meetings", "Council has not determined that public bodies shall meet virtually",
# "... at which time the Council will determine if virtual meetings shall continue": a "shall" or "will" in what is
# determined or decided is the decision's content, and a "will" after "at which time" says what happens then; neither
# is the clause's own modal verb. ("shall not" is left: "determine that ... shall not" still reads as the clause did.)
# The decision's content stops at a comma (after it comes the main clause: "If the Mayor decides that the record may
# not be withheld, he shall order ...") or a "then", unless the comma joins a second question (", and which ...");
# "to determine whether to approve" has no clause of its own.
# A condition set off by commas may open the content: Directive 2023/970's 12(3) "Member States may decide that, where
# the disclosure ... would lead to the disclosure ... of the pay of an identifiable worker, only the workers'
# representatives ... shall have access to that information" (a comma after "that" opens no main clause).
_DECIDED_SHALL = re.compile(r"\b((?:determin|decid)(?:e|es|ed|ing)\s+(?:that|if|whether|when|which|how)"
                            r"(?:(?<=that),\s+(?:where|if|when|in\s+case)\b[^;]{1,240}?,)?\s+(?!to\b)"
                            r"(?:(?!\bthen\b)[^,;]){0,120}?(?:,\s+and\s+(?:which|when|whether|how|if|that)\s+"
                            r"(?:(?!\bthen\b)[^,;]){0,80}?)?)\b(?:shall|will)\s+(?!not\b)", re.I)
_AT_WHICH_TIME = re.compile(r",?\s+(?:at|by|after|from)\s+which\s+(?:time|date|point)\b[^,;]*", re.I)


def without_decided(clause: str) -> str:
    """``clause`` without the modal verbs of what it says is decided, or of what happens at a time it names."""
    clause = _AT_WHICH_TIME.sub("", clause)
    clause = CONTEMPLATED_WILL.sub(r"\1", WHETHER_SHOULD.sub(r"\1", clause))  # a question's, an expectation's
    clause = RELATIVE_SHALL.sub(r"\1", AWARE_THAT.sub(r"\1", clause))  # a leave's object; what a party is told
    for _ in range(3):  # one verb at a time: "when meetings will be utilized, and which bodies shall hold them"
        clause, found = _DECIDED_SHALL.subn(r"\1", clause)
        if not found:
            break
    return clause
# SB 5116's 5(5): "no agency may develop ... prior to obtaining the approval ..., and after approval, such an agency may
# use the automated decision system only in accordance with ...": after ", and", the time from which a party of its
# own acts, set off by a comma, opens a clause of its own (here a permission beside the prohibition).
AFTER_EVENT_PARTY = (r",\s+and\s+(?=(?:after|upon|once|following)\s+[^,;]{1,40},\s+(?:the|such|each|any|an?)\s+"
                     r"(?:[\w'’-]+\s+){0,4}?(?:shall|must|may)\b)")
# Valdosta's charter: "The mayor and council may by ordinance organize ... departments ...; except, however, that
# the city shall continue to provide ... firefighting": a duty kept out of the leave opens a clause of its own; so does
# "...; and it shall be the duty of the city attorney to respond", a party's own duty after another's right.
# Hawaii's 454M-5(f): "a mortgage servicer shall send a payment reminder notice ...; provided that a mortgage servicer
# is not required to send a separate payment reminder notice for each consecutive month ...": the proviso that
# excuses is a clause of its own (an exception, left out), not a reason to drop the duty before it.
SEMICOLON_DUTY = (r"(?<=;)\s+(?=provided(?:,\s*however,)?\s+that\s+[^;]{0,160}?\b(?:is|are)\s+not\s+required\s+to\b)|"
                  r"(?<=;)\s+(?=except,?\s+however,?\s+that\s+[^,;]{0,60}?\b(?:shall|must)\b)|"
                  r"(?<=;)\s+(?=and\s+it\s+shall\s+be\s+the\s+duty\s+of\b)")
# Hawaii's 454M-5: "A mortgage servicer shall comply with the following requirements concerning ...:" over "(4) ..., a
# mortgage servicer may, at its option, provide any other information ..." and "(2) A mortgage servicer may only
# collect a fee if ...": a point that leaves the act to the party's option, or allows it only in a case, is a leave
# whatever the lead-in's verb ("may ... only" is a permission with its condition, as elsewhere in the set).
POINT_OWN_LEAVE = re.compile(r"\bmay\s*,\s*at\s+(?:its|their|his|her)\s+(?:own\s+|sole\s+)?(?:option|discretion)\s*,|"
                             r"\bmay\s+only\s+(?!be\b)[a-z]+", re.I)
