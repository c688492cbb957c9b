"""Who a statute's clause binds and what it is about: the addressee, the acting party and the topic.

Split from ``clauses`` (which splits a sentence into its modal clauses and reads their modality) so neither module
passes the layout limit; ``clauses`` imports from here, never the other way round.
"""

from __future__ import annotations

import re

# "A health information custodian is responsible for personal health information in its custody": accountability
# stated in the present tense binds as "shall be responsible for" does; not in a relative clause ("the officer
# who is responsible for"). A modal verb of its own, so it also ends the duty's subject (``_MODAL_VERB``). "are solely
# responsible for monitoring and ensuring compliance" binds them alone, and binds. So does "the covered entity is
# bound by the privacy practices as stated in the notice" (45 CFR 164.530(i)(4)(ii)), as "shall be bound by" does.
_RESPONSIBLE_FOR = (r"(?<!\bwho\s)(?<!\bthat\s)(?<!\bwhich\s)\b(?:is|are)(?:,\s+[^,;]{1,60},)?\s+"
                    r"(?:(?:solely\s+)?responsible(?:\s+under\s+this\s+\w+)?\s+for|bound\s+by)\b"
                    # Hawaii's 454M-5(a): "A mortgage servicer ... has a duty of good faith and fair dealing in its
                    # communications ...": a duty the statute names is one.
                    r"|(?<!\bwho\s)(?<!\bthat\s)(?<!\bwhich\s)\b(?:has|have)\s+a\s+duty\s+(?:of|to)\b"
                    # ... and so does one it names an obligation ("The provider has an obligation to notify", "is under
                    # an obligation to notify") or a party's duty ("It is the duty of the clerk to keep the minutes").
                    r"|(?<!\bwho\s)(?<!\bthat\s)(?<!\bwhich\s)\b(?:(?:has|have)\s+an|(?:is|are)\s+under\s+an)\s+"
                    r"obligation\s+to\b|^\W*it\s+is\s+the\s+duty\s+of\b"
                    # "An authorized delegate is under a duty to act only as authorized under the contract"
                    r"|(?<!\bwho\s)(?<!\bthat\s)(?<!\bwhich\s)\b(?:is|are)\s+under\s+a\s+duty\s+to\b")

# "shall have the right to obtain from the deployer ... explanations": a right held against a named party is
# that party's duty; so when the party is set off by commas ("the right to receive, from the prospective employer,
# information about:") or is the one asked ("the right to ask employers for additional clarifications").
_RIGHT_AGAINST = re.compile(r"\b(?:shall\s+have|has|have)\s+the\s+right\s+to\s+(?:(?:obtain|receive|request)\s*,?\s+"
                            r"from\s+((?:the|a|an|its|their)\s+(?:prospective\s+)?\w+)|ask\s+((?:the\s+)?\w+)\s+for\b)",
                            re.I)


def _subject_of(sentence: str) -> str:
    m = _MODAL_VERB.search(sentence)
    return sentence[: m.start()].strip() if m else ""


_MODAL_VERB = re.compile(r"\b(?:shall|must|may|should)\b|\bneed\s+not\b|" + _RESPONSIBLE_FOR, re.I)


def _table(*rules: tuple[str, str]) -> list[tuple[str, re.Pattern[str]]]:
    """(name, pattern) pairs compiled case-insensitively, in order (first match wins where it is used)."""
    return [(name, re.compile(rx, re.I)) for name, rx in rules]


_ROLES = _table(
    ("ai-office", r"\bAI Office\b"),
    ("commission", r"\bCommission\b"),
    ("board", r"\bthe Board\b"),
    ("member-state", r"\bMember States?\b"),
    ("authority", r"\b(?:market surveillance|national competent|competent|supervisory|notifying|public)\s+"
                  r"authorit(?:y|ies)\b|\bthe division\b|\bthe department\b|\bthe attorney general\b|"
                  # a municipal code binds the city and its officers, departments and agencies
                  r"\bthe city(?:\s+(?:manager|attorney|clerk|council))?\b|\bcity attorney's office\b|"
                  r"\boffice of the city attorney\b|"
                  r"\b(?:city\s+)?department\s+heads?\b|\bhead of any city department\b|"
                  # an employment agency finds workers for employers (NYC's AEDT rules): a business, not a body
                  r"(?<!\bemployment )(?<!\bstaffing )\bagenc(?:y|ies)\b|"
                  r"\b(?:each|every|all|city)\s+departments?\b|\bthe mayor\b|\bchief\s+[\w ]{0,20}officer\b|"
                  # a county, a state's governor, the officers a code names by office, a council
                  r"\bthe county\b|\bcounty officials?\b|\boffice of the governor\b|\bthe governor\b|"
                  # a California code's "the director" (of the department that administers it, as defined)
                  r"\bdirector of\b|\bthe director\b|\b(?:legislative|executive) branch\b|"
                  r"\bunits? of (?:state or )?local government\b|"
                  r"\bthe council\b|\b(?:central|state|federal) government\b|"
                  # a UK Act's minister, who makes the regulations it provides for; a minister or secretary by office
                  # (New Zealand's "the Minister", HIPAA's "the Secretary"), an archives' chief, a public office or
                  # a local authority (New Zealand's Public Records Act binds both)
                  r"\bthe secretary of state\b|\bthe (?:minister|secretary|chief archivist)\b|"
                  r"\bpublic offices?\b|\blocal authorit(?:y|ies)\b|"
                  # UK regulators: the (Information) Commissioner, the incident response team, GCHQ, the SPOC
                  r"\bcommissioner\b|\bCSIRTs?\b|\bGCHQ\b|\bsingle\s+point\s+of\s+contact\b|\bSPOC\b|"
                  # China's Measures: "the relevant competent department", "the national cybersecurity and
                  # informatization department", "the relevant national authorities", "... and other departments"
                  r"\b(?:competent|relevant|national|regulatory|administrative)\s+(?:[\w-]+\s+){0,3}?"
                  r"(?:authorit(?:y|ies)|departments?|ministr(?:y|ies))\b|\bother\s+departments\b|"
                  # DORA's "The ESAs shall, through the Joint Committee, develop draft ... technical standards"
                  r"\bESAs?\b|\bEuropean\s+Supervisory\s+Authorit(?:y|ies)\b"),
    ("notified-body", r"\bnotified bod(?:y|ies)\b"),
    ("authorised-representative", r"\bauthori[sz]ed representatives?\b"),
    ("importer", r"\bimporters?\b"),
    ("distributor", r"\bdistributors?\b"),
    # California's "a health care service plan ... that uses an artificial intelligence, algorithm, or other software
    # tool for the purpose of utilization review" uses the tool under its authority: its deployer.
    ("deployer", r"\bdeployers?\b|\busers? of (?:a |an )?(?:high-risk )?AI\b|"
                 r"\b(?:that|which|who)\s+uses?\s+(?:an?\s+)?(?:artificial\s+intelligence|AI)\b"),
    # A health care statute's "providers" ("requests by providers", "contracting providers", "the enrollee's
    # treating provider") are physicians and hospitals, not the providers of an AI system.
    # the manufacturer of a connected device or of equipment makes the product, as a provider does; CALEA's
    # telecommunications carrier provides the service
    ("provider", r"\bmanufacturers?\b|\btelecommunications\s+carriers?\b|"
                 r"(?<!\bhealth care )(?<!\bcontracting )(?<!\brequesting )(?<!\btreating )(?<!\bnetwork )"
                 r"(?<!\brequests by )(?<!\brequested by )(?<!\bmanagement service )\bproviders?\b|\bSMEs\b|"
                 r"\bstart-ups\b"),
    ("employer", r"\bemployers?\b|\b(?:employment|staffing)\s+agenc(?:y|ies)\b"),
    ("supplier", r"\bsuppliers?\b"),
    ("developer", r"\bdevelopers?\b"),
    ("professional", r"\bindividual providing services in a regulated occupation\b|"
                     r"\blicensed\s+(?:professional|person|individual|practitioner)s?\b"),
    # data protection law: "controller" (a "data fiduciary" in India's DPDP Act), "processor", and the people
    # the data is about, whose rights and permissions bind no organisation ("A consumer may invoke ...").
    # "consumer request", "consumer rights", "consumer protection authority" name no consumer as the party.
    # Canadian health privacy law's "health information custodian" holds the data and decides its uses, as a
    # controller does; its agent acts for it, as a processor (listed first: the agent's phrase ends in "custodian").
    # California's CCPA: a "service provider or contractor" processes for the business (ePrivacy's "the service
    # provider" alone is the provider of the communications service).
    # HIPAA's "business associate" acts for the covered entity.
    ("processor", r"\bagents?\s+of\s+(?:a|an|the)\s+(?:health\s+information\s+)?custodians?\b|"
                  r"\bbusiness\s+associates?(?:\s+of\s+(?:a|an|the)\s+covered\s+entit(?:y|ies))?\b|"
                  r"\bservice\s+providers?\s+or\s+contractors?\b|"
                  # Saskatchewan's HIPA: the "information management service provider" keeps data for a trustee
                  r"\binformation\s+management\s+service\s+providers?\b"),
    # Japan's APPI calls it a "personal information handling business operator"; Washington's My Health My Data Act
    # a "regulated entity" (one that "determines the purpose and means of collecting, processing ... consumer health
    # data"); Malaysia's PDPA a "data user" (one who "processes any personal data or has control over or authorizes
    # the processing of any personal data").
    ("controller", r"\b(?:data\s+)?controllers?\b|\bdata\s+fiduciar(?:y|ies)\b|\bregulated\s+entit(?:y|ies)\b|"
                   r"\bdata\s+users?\b|"
                   r"\bhealth\s+information\s+custodians?\b|\bpersonal\s+information\s+handling\s+business\s+"
                   r"operators?\b|"
                   # HIPAA's "covered entity", Alberta's "custodian", GLBA's "financial institution", the insurance
                   # data security laws' "licensee", a "data broker" and a web site's "operator" hold the data and
                   # decide its uses
                   r"\bcovered\s+entit(?:y|ies)\b|(?<!\bas )\bcustodians?\b|\bfinancial\s+institutions?\b|"
                   # Saskatchewan's HIPA "trustee" has custody or control of the data (a library's board is no party)
                   r"(?<!\bboard of )\btrustees?\b|"
                   r"\blicensees?\b|"
                   r"\bdata\s+brokers?\b|\boperators?\s+of\s+(?:a\s+|an\s+)?(?:commercial\s+)?"
                   r"(?:web\s*sites?|online\s+services?)\b"),
    # Singapore's PDPA calls the processor a "data intermediary".
    ("processor", r"\b(?:data\s+)?processors?\b|\bdata\s+intermediar(?:y|ies)\b"),
    ("data-subject", r"\bconsumers?\b(?!['’]s\b)(?![\s-]+(?:requests?|rights?|data|health|protection|reporting|"
                     r"complaints?|agenc))|\bdata\s+(?:subjects?|principals?)\b|\bsubscribers?\b|"
                     r"\bparent or (?:legal )?guardian\b|\bguardian\s+or\s+(?:the\s+)?conservator\b|"
                     # "An individual may give his or her consent": the person the data is about, not an individual
                     # an organisation designates or employs
                     r"\b(?:an?|the|any)\s+individual\b(?!\s+(?:designated|appointed|employed|acting|who|that|"
                     r"authori[sz]ed|responsible))"),
)


STATUTE_ROLES: tuple[str, ...] = tuple(dict.fromkeys(name for name, _ in _ROLES))


# "deployers that are public authorities ...": the relative clause says which deployers, the party is the
# deployer. "The identification number of the notified body shall be affixed": whose number, not who acts.
# "The Office of the Governor shall": an office named after its holder is the party, not a qualifier; so is
# "An operator of a commercial Web site" (CalOPPA, COPPA): the site says which operator.
_QUALIFIER = re.compile(r"\b(?:that|which|who)\s+(?:are|is)\b.*$|(?<!\boffice\s)(?<!\bagent\s)(?<!\bagents\s)"
                        r"(?<!\boperator\s)(?<!\boperators\s)"
                        r"\bof\s+(?:the|a|an|its|their)\s+"
                        r"[\w\s-]{0,40}$",
                        re.I)


# "The communication to the data subject ... shall", "Where the notification to the supervisory authority is
# not made ..., it shall": a party after a preposition is whom the act is for or about, not who acts ("by"
# is left out: "information obtained by a competent authority shall be treated ..." binds that authority).
_AFTER_PREPOSITION = re.compile(r"\b(?:to|from|for|with|against|between|concerning|about|regarding|towards|"
                                r"relating to|on behalf of)\s+(?:the\s+|a\s+|an\s+|any\s+|each\s+|such\s+)?$",
                                re.I)


def statute_addressee(subject: str) -> str | None:
    """The party named in a clause's subject (the words before its modal verb); the one nearest the verb
    wins ("Without prejudice to the deployer's rights, the provider shall" binds the provider)."""
    best: tuple[int, str] | None = None
    subject = _QUALIFIER.sub("", subject)
    for role, rule in _ROLES:
        for m in rule.finditer(subject):
            if _AFTER_PREPOSITION.search(subject, 0, m.start()):
                continue
            if best is None or m.end() > best[0]:
                best = (m.end(), role)
    return best[1] if best else None


# "may be drawn up by individual providers or deployers": a passive clause names its party after "by".
# Only the first words after "by" ("followed by the identification number of the notified body" names no agent).
_PASSIVE_AGENT = re.compile(r"\b(?:shall|must|may|should)\s+(?:\w+ly\s+)?be\s+\w+(?:\s+(?:up|out))?\s+by\s+"
                            r"((?:[\w-]+\s+){0,2}[\w-]+)", re.I)


def acting_party(clause: str) -> str | None:
    """The party a clause without one in its subject binds: the one a right is held against ("the right to
    obtain from the deployer") or a passive clause's agent ("may be drawn up by providers")."""
    for rx in (_RIGHT_AGAINST, _PASSIVE_AGENT):
        m = rx.search(clause)
        if m:
            role = statute_addressee(m.group(1) or m.group(2))
            if role:
                return role
    return None


# A statute files its duties by article: the article's title names the topic ("Human oversight", "Record-
# keeping"), and a clause overrides it only when it names a more specific subject of its own (bias in a
# data article, cybersecurity in a robustness article). First match wins in both tables.
_TITLE_TOPICS = _table(
    ("human-oversight", r"human oversight"),
    ("impact-assessment", r"impact assessment|risk management|data protection assessment"),
    ("monitoring", r"monitoring"),
    ("reporting", r"reporting|incident"),
    ("transparency", r"transparency|information to|disclos"),
    ("documentation", r"documentation|record-keeping|logs?\b|records?\b"),
    ("data-governance", r"\bdata\b"),
    ("robustness", r"accuracy|robustness"),
    ("security", r"security"),
    ("governance", r"quality management|notif|authorit|board|office|governance|penalt"),
    ("accountability", r"responsibilit|value chain|representatives?\b"),
    ("ai-literacy", r"literacy"),
)
_CLAUSE_TOPICS = _table(
    ("transparency", r"\bindicate (?:their|its) name\b"),
    ("compliance", r"\bupon (?:a )?reasoned request\b|\bcooperate with the relevant competent authorit"),
    # what a party tells a regulator, a regulator passes on ("notify the Information Commissioner", "submit ... to")
    ("reporting", r"\bincident notification\b|\b(?:notify|submit|share)\b[^.;]{0,80}?\b(?:commissioner|CSIRT|SPOC)\b"),
    ("reporting", r"serious incident|\breport(?:s|ing)?\b|procedures related to the reporting|communication with|"
                  r"\b(?:inform|notify)\b(?: \w+){0,3} (?:the )?(?:relevant )?(?:market surveillance authorit|"
                  r"competent authorit|distributors?\b|importers?\b|providers?\b|notified bod|Commission\b|"
                  r"other Member States)"),
    ("documentation", r"\blogs?\b|record-keeping|police file|documentation|documentary|documented in|"
                      r"\bdocuments\b|\b(?:any|the|a|each) (?:valid )?document\b|"
                      r"\bkeep\b[^.;]{0,160}\bcop(?:y|ies) of\b"),
    ("impact-assessment", r"data protection assessments?"),
    ("privacy", r"personal data|personal information|data protection|confidentiality|pseudonymous|de-identified"),
    ("fairness", r"\bbias|discriminat"),
    ("security", r"cybersecurity|unauthori[sz]ed third parties|vulnerabilit"),
    ("human-oversight", r"human oversight|solely on the output"),
    # An open-data code's "shall make ... data sets available", "shall be posted online": what the public sees.
    ("transparency", r"\bpublish(?:ed|es|ing)?\b|\bpost(?:ed|s)?\s+(?:on|online)\b|\bpublicly\b|\bto the public\b|"
                     r"\bonline\b|\bweb\s?(?:site|portal)\b"),
    ("data-governance", r"data sets?\b|data management|input data|data governance"),
    ("monitoring", r"\bmonitor"),
    ("robustness", r"\btest(?:ing|ed|s)?\b|validation procedures"),
    ("impact-assessment", r"risk management system|impact assessment|risk assessment"),
    ("accountability", r"accountability|cooperate with new providers|written agreement"),
    ("transparency", r"\binform (?:the )?(?:natural persons|workers|affected)|published|disclos"),
    ("compliance", r"regulatory compliance|registration obligations|authori[sz]ation|CE marking|"
                   r"(?:undergoes|declaration of) (?:the relevant )?conformity|demonstrate the conformity|"
                   r"\bcorrective actions?\b|compl(?:y|iant|iance)\b[^.;]{0,30}\bwith the requirements"),
    ("inclusive-design", r"accessibility requirements"),
    ("governance", r"quality management system"),
)
# Consulted when neither the clause's own subject nor its article's title names a topic.
_FALLBACK_TOPICS = _table(
    # Who is appointed or designated to do what, and the rules an office sets: how the duties are organised.
    # ("the provider has appointed a representative" is a fact an importer checks, not how it organises itself)
    ("governance", r"\b(?:appoint|designate|oversee)s?\b|\bcoordinat\w*|\bworking group\b|"
                   r"\badvisory (?:group|board|council)\b|"
                   r"\b(?:establish|adopt|promulgate|issue)\s+(?:[\w-]+\s+){0,3}(?:rules|polic(?:y|ies)|procedures|"
                   r"standards|guidelines)\b"),
)


# "High-risk AI system", "systemic risk": the class of system a duty is about, not a duty about risk.
_RISK_CLASS = re.compile(r"\bhigh-risk\b|\bsystemic risks?\b|\b(?:un)?acceptable risk\b", re.I)


def strip_risk_class(text: str) -> str:
    """``text`` without the names of risk classes, so they do not read as a topic of risk; the words around one
    close up ("shall notify the high-risk providers" reads "shall notify the providers", as a topic rule that
    spans a few words expects)."""
    return re.sub(r"[ \t]{2,}", " ", _RISK_CLASS.sub("", text))


# "Where an importer has reason to consider that ... falsified documentation, it shall not place ...": the
# condition says when the duty applies, the main clause what it is about.
_CONDITION = re.compile(r"^(?:Where|If|When|Before|Prior to|In the case|Once)\b", re.I)


def main_clause(sentence: str) -> str:
    """The sentence from the subject of its main clause when it opens with a condition, else all of it."""
    if not _CONDITION.match(sentence):
        return sentence
    modal = re.search(r"\b(?:shall|must|may|should)\b", sentence)
    if modal is None:
        return sentence
    comma = sentence.rfind(",", 0, modal.start())
    return sentence[comma + 1:] if comma > 0 else sentence


def statute_topic(clause: str, title: str) -> str | None:
    """The topic of a statute's clause: its own specific subject, else its article's, else None."""
    clause, title = main_clause(strip_risk_class(clause)), strip_risk_class(title)
    for topic, rule in _CLAUSE_TOPICS:
        if rule.search(clause):
            return topic
    for topic, rule in _TITLE_TOPICS:
        if rule.search(title):
            return topic
    return next((topic for topic, rule in _FALLBACK_TOPICS if rule.search(clause)), None)
