"""The rules that read a duty: the modality, topic, addressee and risk level of one statement.

Modal verbs and duty phrases decide modality (``detect_modality``), weighted keyword rules the topic
(``detect_topic``), role words the addressee (``detect_addressee``), and a statement scoped to one risk
level its ``applies_to_risk`` (``risk_level``). The rule tables are domain knowledge kept together here;
they know nothing of document structure, which ``extract`` brings.
"""

from __future__ import annotations

import re

__all__ = [
    "IMPERATIVE",
    "WE_PRESENT",
    "POLICY_ROLES",
    "detect_addressee",
    "detect_modality",
    "detect_topic",
    "risk_level",
    "subject_area",
]

# "We never sell customer data": a subject that never does something has bound itself not to.
_SUBJECT_NEVER = re.compile(r"\b(?:we|you|employees|staff|users|deployers|providers)(?: \w+ly)? never\b", re.I)
# A policy's "The use of personal devices is prohibited." is a rule; "... are prohibited under Article 5"
# describes a law, so only a sentence that ends on the ban is one.
_BANNED_AT_END = re.compile(
    r"\b(?:is|are)(?: strictly)? (?:prohibited|forbidden|not permitted|not allowed)[.;!]?$", re.I
)
_MODAL_NOT = re.compile(r"\b(?:must|shall|should|may|will|can)(?: \w+ly)? (?:not|never)\b", re.I)
_PROHIBITION = [
    _MODAL_NOT,
    re.compile(r"\bcannot\b(?= be used| use)", re.I),
    _SUBJECT_NEVER,
    re.compile(r"\brefrain(?:s|ing)? from\b", re.I),
    re.compile(r"\b(?:is|are)(?: strictly)? (?:prohibited|forbidden|not permitted|not allowed)\b", re.I),
    re.compile(r"^(?:do not|don't|never)\b", re.I),
]
IMPERATIVE = re.compile(
    r"^(?:(?:for|to|in|with|when|before|after|if)\b[^,]{0,100}, )?(?:please )?"
    r"(ensure|refer|adhere|gain|confirm|review|use|report|consult|obtain|keep|check|verify|"
    r"document|protect|seek|inform|notify|complete|follow|update|avoid|make|read|familiari[sz]e|regularly|"
    r"always|do not|never)\b",
    re.I,
)
_AVOID_IMPERATIVE = re.compile(r"(?:^|,? and )avoid(?:ing)? \w+ing\b", re.I)

_MANDATORY = [
    re.compile(r"\b(?:must|shall)\b", re.I),
    re.compile(r"\b(?:is|are|am)(?: \w+ly)? (?:required|obligated|obliged|bound) to\b", re.I),
    # "Processors are responsible under this chapter for adhering to the instructions of the controller"
    re.compile(r"\b(?:is|are)(?: \w+ly)? (?:responsible|accountable|liable)(?: under this \w+)? for\b", re.I),
    re.compile(r"\b(?:is|are) tasked with\b", re.I),
    re.compile(r"\bneeds? to\b", re.I),
    re.compile(
        r"\bit is (?:imperative|essential|crucial|necessary|vital|mandatory)\b"
        r"(?! to (?:recognize|recognise|acknowledge|note|understand|remember|realise|realize) that)"
        r"(?! for \w+ to (?:recognize|recognise|acknowledge|note|understand) that)",
        re.I,
    ),
    re.compile(r"\bit is (?:our|your|their|the \w+'s) (?:duty|responsibility|obligation)\b", re.I),
    re.compile(r"^(?:[A-Z]\w*(?: [A-Z]\w*)? (?:Ltd|Itd|ltd|Inc|LLC|plc|GmbH)|We|The company|The organi[sz]ation)"
               r" requires?\b"),
]
_RECOMMENDED = [
    re.compile(r"\bshould\b", re.I),
    re.compile(r"\bought to\b", re.I),
    re.compile(r"\b(?:is|are)(?: \w+ly)? (?:expected|encouraged|recommended|advised|invited) to\b", re.I),
    re.compile(r"\bit is (?:recommended|advisable|good practice)\b", re.I),
]
_COMMITMENT = [
    re.compile(r"\bwill\b", re.I),
    re.compile(r"\b(?:is|are) committed to\b", re.I),
    re.compile(r"\bwe (?:commit|undertake|pledge)\b", re.I),
    re.compile(r"\b(?:has|have) established\b", re.I),
    re.compile(r"\bmakes? the following\b", re.I),
    re.compile(r"\bfollows? (?:a|an|the) [\w\s-]*?(?:process|procedure)\b", re.I),
]
WE_PRESENT = re.compile(
    r"^We (?!will\b|must\b|should\b|shall\b|may\b|can\b|could\b|would\b|believe|recogni[sz]e|demonstrate|"
    r"embrace|encourage|aim|hope|understand|know|acknowledge|are\b|were\b|have\b|had\b|do\b|did\b|think|see\b|"
    r"feel|want|invite|welcome|look)[a-z]+\b"
)
_ACTOR = (
    r"(?:providers?|deployers?|users?|employees?|staff|we|you|they|operators?|importers?|distributors?|"
    r"authorities|authority|member states|persons?|individuals?|customers?|committee|office|organi[sz]ations?|"
    r"company|companies|it)"
)
_PERMISSION = [
    re.compile(
        rf"\b{_ACTOR} may (?!not\b|be\b|include|involve|result|vary|affect|impact|apply|lead|contain|differ|"
        r"need|have|cause|become|occur|arise|also be|marginali[sz]e|exclude|pose)\w+",
        re.I,
    ),
    re.compile(r"\b(?:is|are) (?:permitted|allowed|entitled|free) to\b", re.I),
    re.compile(r"\b(?:has|have) the right to\b", re.I),
]
_SKIP_SENTENCE = re.compile(
    r"^(?:this (?:section|code|document|chapter|part|policy applies|policy aims)\b|this (?:includes|involves|may)|"
    r"by (?:\w+ing)\b|example\b|for example\b|e\.g\.)",
    re.I,
)

_MODALITY_ORDER = ("prohibition", "mandatory", "recommended", "commitment", "permission")


def detect_modality(sentence: str, kind: str = "policy") -> tuple[str | None, bool]:
    """Return (modality, explicit) for one sentence.

    ``explicit`` is False for implicit duty forms (imperatives, "We design ..." present-tense statements)
    which a list's lead-in may override.
    """
    s = " ".join(sentence.split())
    s = re.sub(r"^\*\*[^*]+\*\*\s*:\s*", "", s)
    if _SKIP_SENTENCE.match(s):
        return None, False
    positive: list[tuple[int, str]] = []
    for name, rules in (("mandatory", _MANDATORY), ("recommended", _RECOMMENDED),
                        ("commitment", _COMMITMENT), ("permission", _PERMISSION)):
        for rule in rules:
            m = rule.search(s)
            if m:
                positive.append((m.start(), name))
    prohibited = any(rule.search(s) for rule in _PROHIBITION)
    if prohibited and (positive or IMPERATIVE.match(s) or re.match(r"^(?:do not|don't|never)\b", s, re.I)):
        return "prohibition", True
    if prohibited and (_SUBJECT_NEVER.search(s) or _MODAL_NOT.search(s)):
        return "prohibition", True
    if positive:
        positive.sort()
        return positive[0][1], True
    if kind == "policy":
        if prohibited and _BANNED_AT_END.search(s):
            return "prohibition", True
        if IMPERATIVE.match(s):
            if _AVOID_IMPERATIVE.search(s):
                return "prohibition", False
            return "mandatory", False
        if WE_PRESENT.match(s):
            return "commitment", False
    return None, False


_TOPIC_RULES: list[tuple[str, str]] = [
    ("human-oversight", r"human (?:oversight|review|control|intervention|involvement|judg(?:e)?ment)|"
                        r"without human|override|\boversee"),
    ("sustainability", r"environment|energy|carbon|sustainab|eco-|green al|green ai"),
    ("fairness", r"\bbias|discriminat|fairness|\bfair\b|equit"),
    ("privacy", r"privacy|personal data|confidential|anonymi|pseudonymi|\bgdpr\b|client information"),
    ("security", r"security|cyber|encrypt|vulnerabilit|penetration|secure|malicious"),
    ("data-governance", r"data governance|data quality|data minimi|retention|provenance|training data|"
                        r"customer data|datasets?|data sources|data transfers|data processing|data used"),
    ("ai-literacy", r"training|education|literacy|awareness|learning|expertise|onboarding|workshops?"),
    ("inclusive-design", r"inclusiv|accessib|diversity|diverse|language|gender|cultural|user-centered"),
    ("impact-assessment", r"impact assessment|risk assessment|vulnerability assessment|assess(?:ment)?s? of|"
                          r"\bimpacts?\b|risk management|risk classification|risks?\b"),
    ("stakeholder-engagement", r"stakeholder|engage|consult|communit|collaborat|feedback"),
    ("reporting", r"\breport|grievance|whistleblow|complain|investigat|enforcement|violation|remediat|"
                  r"incident|notify affected"),
    ("documentation", r"document|records?\b|record-keeping|version control"),
    ("monitoring", r"monitor|audit|\bkpis?\b|drift|performance|periodic review|review"),
    ("transparency", r"transparen|disclos|explain|explainab|\bnotif|inform|communicat|interacting with|"
                     r"acknowledge"),
    ("tool-use", r"\btools?\b|approved|sanctioned|authori[sz]ed instruments|utilities"),
    ("governance", r"\bai office\b|committee|governance|policy|approval|roles?\b|responsibilit|decision-making"),
    ("accountability", r"accountab|responsib|ownership"),
    ("robustness", r"robust|reliab|safety|\bsafe|testing|validation|fail"),
    ("compliance", r"compl(?:y|iance|iant)|regulat|\blaws?\b|legal"),
    ("ethics", r"ethic|deceive|harm|dignity|fundamental rights"),
]
_TOPIC_RES = [(t, re.compile(p, re.I)) for t, p in _TOPIC_RULES]


def detect_topic(label: str | None, text: str, section_title: str) -> str:
    """Topic slug by weighted keyword hits: bullet label x3, section title x2, statement x1.

    Ties go to the earlier (more specific) rule in ``_TOPIC_RULES``.
    """
    scores: dict[str, float] = {}
    for source, weight in ((label or "", 3.0), (section_title, 2.0), (text, 1.0)):
        for topic, rule in _TOPIC_RES:
            hits = len(rule.findall(source))
            if hits:
                scores[topic] = scores.get(topic, 0.0) + weight * min(hits, 3)
    if not scores:
        return "compliance"
    order = {t: i for i, (t, _) in enumerate(_TOPIC_RULES)}
    return max(scores, key=lambda t: (scores[t], -order[t]))


_ADDRESSEE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("committee", re.compile(r"\b(?:ai office|ethics committee|committee|ethics board|oversight body)\b", re.I)),
    ("management", re.compile(r"\b(?:ceo|leadership|executives?|department heads?|senior leader|board of "
                              r"directors|management team)\b", re.I)),
    ("provider", re.compile(r"\bproviders?\b", re.I)),
    ("deployer", re.compile(r"\bdeployers?\b", re.I)),
    ("employee", re.compile(r"\b(?:employees?|staff(?: members?)?|personnel|you|your|engineering|data scien\w*|"
                            r"product manag\w*|legal/compliance|customer success|developers?|team)\b", re.I)),
    ("organisation", re.compile(r"\b(?:we|our company|the company|organi[sz]ation|ltd|itd|inc|business owner|"
                                r"member states?)\b", re.I)),
]


POLICY_ROLES: tuple[str, ...] = tuple(dict.fromkeys(name for name, _ in _ADDRESSEE_RULES))


def detect_addressee(subject: str) -> str | None:
    """Role named in a subject phrase; the mention nearest the verb wins ("Given our size (50 employees),
    Mozart Ltd will" binds the organisation)."""
    best: tuple[int, int, str] | None = None
    for rank, (role, rule) in enumerate(_ADDRESSEE_RULES):
        for m in rule.finditer(subject):
            key = (m.end(), -rank, role)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


def subject_area(sentence: str) -> str:
    """The words before the first duty marker, plus the clause after an impersonal "it is ... that"."""
    s = " ".join(sentence.split())
    first = len(s)
    for rules in (_MANDATORY, _RECOMMENDED, _COMMITMENT, _PERMISSION, _PROHIBITION):
        for rule in rules:
            m = rule.search(s)
            if m and m.start() < first:
                first = m.start()
    subject = s[:first]
    if IMPERATIVE.match(s):
        return "you " + subject  # an imperative addresses the reader
    m = re.search(r"\bit is [\w\s]+? (?:that|for) ((?:\w+ ){1,4})", s, re.I)
    if m:
        subject += " " + m.group(1)
    return subject


def risk_level(text: str) -> str | None:
    """The risk level ("low", "medium", "high") a statement is scoped to, if it is scoped to exactly one."""
    levels = set(m.group(1).lower() for m in re.finditer(r"\b(low|medium|high)[- ]risk\b", text, re.I))
    if len(levels) != 1:
        return None
    level = levels.pop()
    # Only a statement scoped to one level binds to it; a passing mention ("particularly in high-risk
    # applications") does not narrow a general duty.
    scoped = re.search(rf"^(?:\*\*)?{level}[- ]risk\b|\bfor {level}[- ]risk\b", text, re.I)
    return level if scoped else None


# --------------------------------------------------------------------------------------------------------
