"""Who each duty of a statute binds: its addressee, named from its subject, its paragraph and its document.

Split from ``provisions`` (which finds the duties and their references): this runs once over a document's duties,
after they are all found, since a passive duty ("High-risk AI systems shall be tested") binds the party its
paragraph or article names most often. May import: ``compgraph.legal.clauses``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from compgraph.legal.parties import acting_party, statute_addressee

__all__ = ["name_addressees"]

_OPERATORS = ("provider", "deployer", "importer", "distributor", "supplier", "employer", "professional", "controller",
              "processor")


class Duty(Protocol):
    """What naming the addressee reads of a duty (``provisions.StatuteDuty``), and the field it sets."""

    subject: str
    text: str
    modality: str
    section: str
    path: tuple[str, ...]
    addressee: str | None


# "It shall ...", "In such a case, they shall ...": the party is the one the paragraph has just named.
_PRONOUN_SUBJECT = re.compile(r"(?:^|[\s,])(?:it|they|he or she|he|she)\s*,?\s*$", re.I)
# "The mandate shall empower the authorised representative to carry out: ...": an instrument that
# "empowers" or "requires" a party to act puts the acts on that party.
# "Traffic data necessary for subscriber billing may be processed": whoever processes it acts, not the subscriber.
# ("The individual concerned shall be entitled ...": a right held, not a passive act.)
_PASSIVE = re.compile(r"\s*(?:shall|must|may|should)\s+(?:not\s+)?(?:\w+ly\s+)?be\s+(?!entitled\b)\w+(?:ed|en)\b", re.I)
# "Subscribers shall have the right to receive non-itemised bills": a right held by the person named.
_RIGHT_OF = re.compile(r"\b(?:shall|must)\s+(?:have|be entitled to)\s+(?:the\s+)?rights?\b|\bis entitled to\b", re.I)
_CONFERS_ON = re.compile(r"\bshall (?:empower|entitle|require|oblige|authori[sz]e) (.{0,60}?) to\b", re.I)


_PERSONAL_DATA = re.compile(r"\b(?:personal|private)\s+(?:health\s+)?(?:information|data)\b", re.I)
# New York's breach law binds "any person or business which owns or licenses computerized data" (and "such
# business", a "covered entity") as PIPEDA binds an organization; one "which maintains ... data ... which [it] does
# not own" holds it for another, as a processor does.
# The COPPA Rule binds the "operator" of a website or online service that collects children's personal information
# (the AI Act's "provider or other relevant operator" is the provider, or whichever operator the Act names).
_OPERATOR = r"(?<!\brelevant\s)(?<!\bother\s)\boperators?"
_ORGANISATION = re.compile(r"\borgani[sz]ations?\b|\bperson\s+or\s+business\b|\bsuch\s+business\b|"
                           r"\bcovered\s+entit(?:y|ies)\b|" + _OPERATOR + r"\b", re.I)
_ORGANISATION_LAST = re.compile(r"(?:\borgani[sz]ations?|\bperson\s+or\s+business|\bsuch\s+business|" + _OPERATOR
                                + r")\W*$", re.I)
_HOLDS_FOR_ANOTHER = re.compile(r"\bdoes\s+not\s+own\b", re.I)
# New Zealand's "agency" is any person or body that holds personal information, Australia's "APP entity" an agency or
# organisation that does: where the document says so of its agencies ("An agency that holds personal information
# shall ..."), each agency it binds is the controller, and the individual it entitles the data subject.
_HOLDER = r"\bagenc(?:y|ies)\s+(?:that\s+|which\s+)?(?:holds?|collects?)\s+personal\b|\bAPP\s+entit(?:y|ies)\b"
_AGENCY = re.compile(r"\bagenc(?:y|ies)\b|\bAPP\s+entit(?:y|ies)\b", re.I)
_INDIVIDUAL_LAST = re.compile(r"\bindividuals?(?:\s+concerned)?\W*$", re.I)


def _data_protection_role(role: str | None, duty: Duty, holders: bool) -> str | None:
    """The party of a duty in a document about personal information: an organization is the controller (or the
    processor, holding another's data), so is a business, and an agency where the document's agencies hold the data."""
    if _ORGANISATION.search(duty.subject) and (not role or _ORGANISATION_LAST.search(duty.subject)):
        return "processor" if _HOLDS_FOR_ANOTHER.search(duty.subject) else "controller"
    if holders and _INDIVIDUAL_LAST.search(duty.subject) and duty.modality == "permission":
        return "data-subject"
    if _BUSINESS_HEAD.match(duty.subject) or (holders and _AGENCY.search(duty.subject)):
        return "controller"
    return role
# California's CCPA binds "a business that collects a consumer's personal information": the business heads the
# subject, whatever its relative clause names after it ("that sells consumers' personal information").
_BUSINESS_HEAD = re.compile(r"^\W*(?:(?:a|an|the|each|every|any|such)\s+)?business(?:es)?\b", re.I)


# A party the role scheme has no role for, named by the subject as the one who acts: the UK NIS Regulations' "An
# OES", "A RDSP", "Operators of essential services". Its duties bind that party, so they borrow no other party's
# role from their paragraph or article ("An OES must notify the designated competent authority" in a regulation
# whose other paragraphs bind the authority). An acronym names such a party when the document introduces it with
# an indefinite article, as a class of regulated persons ("An OES", then "The OES"); one only ever named with "the"
# or "each" is an office ("The CDO shall", "Each DC shall" in a city's code: the city's own officers, who take the
# city's role from their article). An acronym counts only as the head of its noun phrase ("an EU database" names a
# database); a role's own acronym ("SMEs", "CSIRT") is read as that role first.
_ACRONYM_HEAD = r"\s+([A-Z]{2,6})s?(?=\s*(?:$|[,(]|(?:to|who|whom|which|that|whose|under|in|within|outside|concerned|" \
                r"is|are)\b))"
_CLASS_ACRONYM = re.compile(r"\b(?i:an?)" + _ACRONYM_HEAD)
_NAMED_ACRONYM = re.compile(r"\b(?i:an?|the|each|any|every|such|that)" + _ACRONYM_HEAD)
_OUTSIDE_PARTY = re.compile(r"\b(?i:operators?\s+of\s+essential\s+services)\b")


def _outside_party(subject: str, classes: set[str]) -> bool:
    return bool(_OUTSIDE_PARTY.search(subject)) or any(m.group(1) in classes
                                                       for m in _NAMED_ACRONYM.finditer(subject))


# "The notification mentioned in paragraph (1) must ...", "The notification under paragraph (3) must ...", "The first
# report mentioned in paragraph (9) must be submitted": a thing another paragraph of the same article requires is
# the business of the party that paragraph binds.
_OTHER_PARAGRAPH = re.compile(r"\b(?:(?:mentioned|referred\s+to|required|taken|made|given|submitted|notified)\s+"
                              r"(?:in|under|by)|under)\s+paragraph\s+\(([0-9]+[A-Z]?)\)", re.I)


def name_addressees(duties: Sequence[Duty]) -> None:
    """Name each duty's party; a pronoun subject takes the party of the paragraph's previous duty; an
    instrument's subject ("the mandate shall empower X to") the party it confers the acts on; a passive
    duty ("High-risk AI systems shall be tested") binds the party its article names most often, else the
    operator the document addresses most often."""
    named = [statute_addressee(d.subject) for d in duties]
    # A data protection law's "organization" (PIPEDA, Alberta's PIPA) is the party that controls the personal
    # information: the controller. Only where most of the document's duties are about personal information.
    # The organisation named right before the verb is the party even where the subject names another on the way
    # ("on or after notifying the Commission ..., the organisation must also notify").
    # A code of practice names the information less often than an act does ("The purposes ... shall be identified",
    # "Consent shall not be obtained through deception"): one duty in ten naming it marks the document, where texts
    # on other subjects name it in none or a few (seven in a hundred at most in the held-out set).
    if sum(bool(_PERSONAL_DATA.search(d.text)) for d in duties) * 10 >= len(duties):
        holders = any(re.search(_HOLDER, d.subject, re.I) for d in duties)
        named = [_data_protection_role(role, d, holders) for role, d in zip(named, duties, strict=True)]
    for i, duty in enumerate(duties):
        predicate = duty.text[len(duty.subject):] if duty.text.startswith(duty.subject) else duty.text
        # (GDPR 17(1): "The data subject shall have the right to obtain from the controller ...", a duty: the
        # controller's, the party the right is held against)
        if named[i] == "data-subject" and (_PASSIVE.match(predicate) or duty.modality != "permission"
                                           and (not _RIGHT_OF.search(duty.text) or acting_party(predicate))):
            # "Users or subscribers shall be given the possibility to withdraw": the person the duty is owed
            # to stands as the grammatical subject; the party bound is found as for a passive duty.
            named[i] = None
        if named[i]:
            continue
        named[i] = acting_party(predicate)
        if named[i]:
            continue
        conferred = _CONFERS_ON.search(predicate)
        if conferred and statute_addressee(conferred.group(1)):
            named[i] = statute_addressee(conferred.group(1))
        elif _PRONOUN_SUBJECT.search(duty.subject) and i > 0 and named[i - 1] \
                and duties[i - 1].section == duty.section and duties[i - 1].path[:1] == duty.path[:1]:
            named[i] = named[i - 1]
    # A passive duty binds the party its paragraph names most ("Each controller ... shall maintain a record
    # ... That record shall contain: (a) ..." binds the controller though the article's paragraph 2 binds
    # processors), else the party its article names most.
    by_section: dict[str, Counter[str]] = {}
    by_paragraph: dict[tuple[str, str], Counter[str]] = {}
    for duty, role in zip(duties, named, strict=True):
        if role and role != "data-subject":  # a right of the data subject says nothing of who acts around it
            by_section.setdefault(duty.section, Counter())[role] += 1
            by_paragraph.setdefault((duty.section, duty.path[0] if duty.path else ""), Counter())[role] += 1
    # A code that binds only its city names no operator: its passive duties bind whom the code names most.
    operators = Counter(r for r in named if r in _OPERATORS) or Counter(r for r in named if r and r != "data-subject")
    default = operators.most_common(1)[0][0] if operators else None
    classes = {m.group(1) for d in duties for m in _CLASS_ACRONYM.finditer(d.subject)}
    outside = [not role and _outside_party(d.subject, classes) for role, d in zip(named, duties, strict=True)]
    # the party each paragraph binds first, by role or as a party outside the scheme (None)
    party_of: dict[tuple[str, str], str | None] = {}
    for duty, role, out in zip(duties, named, outside, strict=True):
        if (role or out) and duty.path:
            party_of.setdefault((duty.section, duty.path[0]), role)
    for duty, role, out in zip(duties, named, outside, strict=True):
        if role or out:
            duty.addressee = role
            continue
        other = _OTHER_PARAGRAPH.search(duty.subject)
        if other and (duty.section, other.group(1)) in party_of:
            duty.addressee = party_of[(duty.section, other.group(1))]
            continue
        local = by_paragraph.get((duty.section, duty.path[0] if duty.path else "")) or by_section.get(duty.section)
        duty.addressee = local.most_common(1)[0][0] if local else default
