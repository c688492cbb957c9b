"""Duties of a statute, one per duty-stating clause or innermost point, each with its citable reference.

``statute_duties`` walks the provisions of ``statute.parse_provisions``. A provision followed by points ends
in a lead-in ("shall: (a) ... (b) ...", "the following information: ... including: (i) ..."); the lead-in
is not a duty itself, each innermost point is, and its text carries every lead-in above it so it reads as
the sentence it is. A point takes its lead-in's modality unless it states its own prohibition; points under
an exception ("A person is not subject to ... if ... discloses:") bind no one. The reference is the
provision's place: article or section, paragraph, point, sub-point, and the sentence when a paragraph holds
more than one duty ("9(6)" and "9(6), sentence 2" -> ids ``9-6`` and ``9-6-s2``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from compgraph.legal.addressees import name_addressees
from compgraph.legal.captions import under_purpose_caption
from compgraph.legal.catchlines import TITLE_CATCHLINE as _CATCHLINE
from compgraph.legal.catchlines import after_catchline as _after_catchline
from compgraph.legal.catchlines import is_catchline as _is_catchline
from compgraph.legal.catchlines import names_point
from compgraph.legal.chapters import chapter_sections
from compgraph.legal.citations import capitals_cite, cites_run_in, run_in_depth, written_styles
from compgraph.legal.clauses import (
    NON_DUTY,
    duty_clauses,
    explicit_permission,
    later_clauses,
    statute_addressee,
    statute_modality,
)
from compgraph.legal.definition_leaves import weighs_factors
from compgraph.legal.furniture import SENTENCE_BREAK, set_in_capitals
from compgraph.legal.indent_conditions import indents_are_conditions
from compgraph.legal.labels import CAPITAL_CATCHLINE
from compgraph.legal.lead_ins import (
    ITEMS_BEFORE_CONDITION,
    MAY_INCLUDE,
    OBTAINED_ITEMS,
    PRESCRIBED_FORM,
    REQUIRED_CONTENT,
    cases_not_duties,
    excepted_leave,
    own_verb_points,
    point_modality,
    points_apply_alone,
    proviso_modality,
    split_lead_in,
)
from compgraph.legal.lead_ins import POINT_CONDITION as _POINT_CONDITION
from compgraph.legal.lead_ins import pop_lead_in as _pop_lead_in
from compgraph.legal.limits_and_effects import LIFTED_POINT
from compgraph.legal.modal_words import CANNOT_OBLIGE, COMMITS_TO, NOT_PERMITTED_AT_ALL, POINT_OWN_LEAVE
from compgraph.legal.nonduty import PERIOD_BOUNDS
from compgraph.legal.own_paragraphs import rule_over_own_subsections
from compgraph.legal.own_sentences import glossary_item, glossary_rules, own_duty_lead_in
from compgraph.legal.permitted_as_follows import permission_over_own_sentences
from compgraph.legal.responsibilities import carry_responsibilities
from compgraph.legal.scope_items import own_limbs
from compgraph.legal.shared_objects import names_contract_term, negated_twin
from compgraph.legal.statute import Provision, parse_provisions

__all__ = ["StatuteDuty", "statute_duties"]

# ("Pub. L. No. 104-191": a Public Law's citation, "Pub." as "No." is)
_ABBREVIATION = re.compile(r"(?:\b(?:Art|No|Nos|para|e\.g|i\.e|cf|p|pp|Sec|Ch|Reg|seq|etc|Inc|Ltd|U\.S|Pub)\.|"
                           r"\b[A-Z]\.)$")
_MODAL = re.compile(r"\b(?:shall|must|may|should|will|is required to|are required to|are not to|is not to|is to be|"
                    r"are to be|"
                    r"is empowered|are empowered|is hereby authori[sz]ed|are hereby authori[sz]ed|is authori[sz]ed|"
                    r"are authori[sz]ed|reserves the right|is not permitted to|are not permitted to)\b|"
                    r"\bin no case\b|" + NOT_PERMITTED_AT_ALL + "|" + CANNOT_OBLIGE + "|" + COMMITS_TO, re.I)
# A definitions section ("Sec. 2-447. - Definitions.", "23-501 Definitions") says what words mean: its "shall
# refer to", "shall include but not be limited to" and "Such term shall not include" bind no one; a findings
# section ("SEC. 22D.1. FINDINGS.", "Declaration of legislative findings and intent") says why the law was made,
# so its "The City should develop a strategy" is not operative either.
# Only a title that is nothing else: "Findings of the market surveillance authority" may hold duties. BIPA's "Sec. 5.
# Legislative findings; intent. The General Assembly finds all of the" runs the section's first words into its title.
_DEFINITIONS_TITLE = r"definitions?(?:\s+and\s+interpretation)?|interpretation|meaning\s+of\s+terms"
_NOT_OPERATIVE = re.compile(r"^\W*(?:" + _DEFINITIONS_TITLE + r"|"
                            r"(?:legislative\s+)?findings(?:(?:\s+and|;|,)\s+(?:purposes?|intent|declarations?))?|"
                            # New Hampshire's "5:1 Statement of Purpose and Findings."
                            r"(?:statement\s+of\s+)?(?:purposes?|intent)\s+and\s+(?:legislative\s+)?findings|"
                            r"declaration\s+of\s+(?:legislative\s+)?(?:findings|intent|policy)(?:\s+and\s+intent)?|"
                            # a Commonwealth Act's "15 Simplified outline" ("Unsolicited commercial electronic
                            # messages must not be sent."): a summary of the sections that bind
                            r"simplified\s+outline)"
                            r"(?:\W*$|\.\s+(?:the\s+)?(?:general\s+assembly|legislature|council|congress)\s+finds\b)",
                            re.I)


# The COPPA Rule's definition of a "mixed audience website" goes on: "Any collection of age information ... must be
# done in a neutral manner that does not default to a set age": a definitions section's "must" still binds (its "shall
# mean", "shall include" and "shall not be deemed" do not).
_DEFINITIONS = re.compile(r"^\W*(?:" + _DEFINITIONS_TITLE + r")\W*$", re.I)
# (So does New York's "A person that acts as both an operator and processor shall comply with the ... obligations")
_MUST = re.compile(r"\bmust\b|\bshall\s+comply\b", re.I)


def _definition_requirements(walker: _Walker, prov: Provision) -> None:
    """The sentences of a definition that require something in "must" words, each a duty of its own."""
    if prov.heading or not prov.text or not _DEFINITIONS.match(prov.section_title):
        return
    _sentence_duties(walker, prov, [s for s in sentences(prov.text) if _MUST.search(s)])


def _sentence_duties(walker: _Walker, prov: Provision, texts: list[str], catchline: bool = False) -> None:
    """Each sentence the next one at the provision's place, one duty per clause, each binding the party it names;
    with ``catchline`` the first sentence is the paragraph's title and counted, not read."""
    key = (prov.section, prov.path)
    for n, sentence in enumerate(texts):
        walker.sentence_no[key] += 1
        if catchline and n == 0:
            continue
        for c, (modality, clause) in enumerate(duty_clauses(sentence), start=1):
            if modality == "prohibition" and _RIGHT_LIMIT.match(clause):
                continue
            walker.add(prov, clause, modality, _subject(clause), walker.sentence_no[key], c)


def _only_if(walker: _Walker, prov: Provision) -> bool:
    """Whether the provision's lead-in is only "If:": no sentence of its own, so the words after its conditions are
    the provision's first sentence ("APP 13.1", not "APP 13.1, sentence 2")."""
    lead = walker.lead.get(id(prov))
    return lead is not None and _BARE_CONDITION.match(lead[0]) is not None


# New Zealand's exemptions: "It is not necessary for an agency to comply with subclause (1) if the agency believes,
# on reasonable grounds,--- (a) ...": the points are the grounds, no duty ("(g)(ii) ... will not be published").
_NOT_NECESSARY = re.compile(r"\bit\s+is\s+not\s+necessary\s+for\b[^.;]{0,60}?\bto\s+comply\b", re.I)
# "the individual concerned shall be entitled---" then "(a) to obtain from the agency confirmation ...": the points
# are what the individual may do.
_ENTITLED_LEAD_IN = re.compile(r"\b(?:is|are|shall\s+be)\s+entitled\W*$", re.I)


def _lead_in_modality(last: str) -> str | None:
    """The modality a lead-in's last clause gives its points: "shall be entitled---" (then "(a) to obtain ...") lets
    the individual, whatever its "shall"."""
    mod = statute_modality(last)
    return "permission" if mod and _ENTITLED_LEAD_IN.search(last) else mod


# "An individual may not withdraw consent if withdrawing the consent would frustrate the performance of a legal
# obligation": what the person the information is about may not do limits that person's right (to withdraw, to
# request); it binds no organisation.
_RIGHT_LIMIT = re.compile(r"^\W*(?:an?|the)\s+(?:individual|consumer|data\s+subject|data\s+principal|applicant)\s+"
                          r"may\s+not\b", re.I)


# "Note: In certain circumstances personal information can be collected ... without the knowledge and consent
# of the individual. For example, ... may make it impossible ...": a standard's note explains its clause, as an act's
# Illustrations do; it is not a clause of its own (French "Note :" too, in a bilingual consolidation).
_NOTE = re.compile(r"^\W*Notes?\s*:")
# "7. Repealed.Cameras shall also be placed ...": an agency's amendment copy prints a repealed paragraph as the word
# and, run on without the strike-through a PDF's text loses, the words it repealed; none of them is law any more.
_REPEALED = re.compile(r"^\W*(?:Repealed(?:[.\]]|\s*$|\s+(?:by|eff\.|effective)\b)|$)")  # or dots only: omitted


# "WHEREAS, the Illinois Policy Institute has developed ... . In addition, this checklist will provide ...": a
# recital says why the law was made, as a findings section does.
_RECITAL = re.compile(r"^\W*whereas\b", re.I)


@dataclass
class StatuteDuty:
    id_path: str  # "9-2-a", "13-77-103-2-a-s2": the id without the document prefix
    ref: str  # "9(2)(a)", "13-77-103(2)(a)"; with ", sentence N" when a paragraph holds several duties
    section: str
    section_title: str
    path: tuple[str, ...]
    text: str
    modality: str
    subject: str  # the words naming who is bound (before the modal verb, or the lead-in's)
    start: int
    line: int
    addressee: str | None = None
    own_text: str = ""  # the point or clause alone, without the lead-ins it carries


def sentences(text: str) -> list[str]:
    """Split a provision's text into sentences (not after "Art.", "No.", initials)."""
    out: list[str] = []
    begin = 0
    for m in SENTENCE_BREAK.finditer(text):  # (a footnote's number after the full stop too: ``furniture``)
        piece = text[begin : m.start()].rstrip()
        if _ABBREVIATION.search(piece):
            continue
        out.append(text[begin : m.end()].strip())
        begin = m.end()
    if text[begin:].strip():
        out.append(text[begin:].strip())
    return out


# "Subject to any exception that may be prescribed, an agent ... may collect": the modal verb of a relative clause
# in an opening phrase is not the sentence's.
_RELATIVE_MODAL = re.compile(r"\b(?:that|which|who)\s+$", re.I)


def _subject(clause: str) -> str:
    for m in _MODAL.finditer(clause):
        if not _RELATIVE_MODAL.search(clause, 0, m.start()):
            return clause[: m.start()]
    m = _MODAL.search(clause)
    return clause[: m.start()] if m else clause


def _ref(section: str, path: tuple[str, ...], run_in: int | None = None) -> str:
    if section.startswith("Annex ") and path:
        # An annex's items are numbered, not bracketed: "Annex IV, 2(b)", as a lawyer cites them.
        return f"{section}, {path[0]}" + "".join(f"({p})" for p in path[1:])
    if run_in is not None:  # Delaware's "(e)(1)a.2.A" (``citations``)
        return section + "".join(f"({p})" for p in path[:run_in]) + ".".join(path[run_in:])
    return section + "".join(f"({p})" for p in path)


class _Walker:
    """Collects duties; ``sentence_no`` numbers sentences within one provision path (across subparagraphs)."""

    def __init__(self, styles: dict[tuple[str, tuple[str, ...]], str], capitals: bool = False) -> None:
        self.duties: list[StatuteDuty] = []
        self.capitals = capitals  # set in capitals, labels too: its "(B)(1)(I)" is cited "(b)(1)(i)"
        self.sentence_no: Counter[tuple[str, tuple[str, ...]]] = Counter()
        self.lead: dict[int, tuple[str, str | None, str, bool]] = {}  # id(prov) -> (text, modality, subject, void)
        self.styles = styles  # the labels as written, where the text cites its levels run in (``citations``)

    def add(self, prov: Provision, text: str, modality: str, subject: str, sentence: int, clause: int,
            own: str | None = None) -> None:
        base = "-".join(x for x in (prov.section, *prov.path) if x and x != "main")
        suffix = (f"-s{sentence}" if sentence > 1 else "") + (f"-c{clause}" if clause > 1 else "")
        run_in = run_in_depth(prov.section, prov.path, self.styles) if self.styles else None
        section, path = prov.cite or prov.section, tuple(p.lower() for p in prov.path) if self.capitals else prov.path
        section, path = capitals_cite(section, prov.path, prov.section_title, prov.text) or (section, path)
        ref = (_ref("" if prov.section == "main" else section, path, run_in) or "whole text") + (
            f", sentence {sentence}" if sentence > 1 else "")
        self.duties.append(StatuteDuty(base + suffix, ref, prov.section, prov.section_title, prov.path,
                                       " ".join(text.split()), modality, subject, prov.start, prov.line,
                                       own_text=own if own is not None else text))


def statute_duties(text: str) -> list[StatuteDuty]:
    """Every duty, prohibition, permission and recommendation of a statute, in document order.

    Long because it is the one walk over the provisions in order, and how each is read depends on what the walk
    has passed: the lead-in above it, the text a duty prescribes that it sits in, the section's earlier lists."""
    provisions = parse_provisions(text)
    chapter_sections(provisions, text.split("\n"))
    # (Colorado's bill, also in capitals, writes its paragraphs "(a)" and its subparagraphs "(I)": its case is its own)
    small = set_in_capitals(text) and not re.search(r"\([a-z]{1,4}\)", text)
    walker = _Walker(written_styles(provisions) if cites_run_in(text) else {}, small)
    parent_of: dict[int, Provision] = {}
    for prov in provisions:
        parent_of.update({id(child): prov for child in prov.children})
    leads: dict[tuple[str, tuple[str, ...]], Provision] = {}
    flushes = {(prov.section, prov.path): prov for prov in provisions if prov.flush}
    quoting: str | None = None  # the section whose unlabelled paragraphs are a text some duty prescribes
    glossaries: set[str] = set()  # sections led in "the following terms mean:"
    previous: Provision | None = None
    for prov in provisions:
        previous, above_it = prov, previous
        if quoting is not None and (prov.labels or prov.section != quoting):
            quoting = None
        if indents_are_conditions(above_it, prov):
            continue
        if quoting is not None:
            continue
        if PRESCRIBED_FORM.search(prov.text) and not prov.children:
            quoting = prov.section
        if not prov.text and prov.children and id(prov) in parent_of:
            # "(i)" alone on its line, its points below it: they carry the lead-in above it, and its label.
            above = walker.lead.get(id(parent_of[id(prov)]))
            if above is not None:
                walker.lead[id(prov)] = (f"{above[0]} {' '.join(prov.labels)}", *above[1:])
        if prov.heading or not prov.text or _NOT_OPERATIVE.match(prov.section_title) \
                and not weighs_factors(prov, parent_of) or _RECITAL.match(prov.text) \
                or _NOTE.match(prov.text) or _REPEALED.match(prov.text) or glossary_item(prov, glossaries) \
                or under_purpose_caption(above_it, prov):
            _definition_requirements(walker, prov)
            if prov.text and not prov.heading and glossary_item(prov, glossaries):
                parts = sentences(prov.text)
                lead, rules = glossary_rules(parts, bool(prov.children))
                if lead:
                    walker.lead[id(prov)] = (lead, None, _subject(lead), False)
                if rules:
                    _sentence_duties(walker, prov, [parts[0], *rules], catchline=True)
            continue
        if prov.flush:
            _flush_out(walker, prov, leads.get((prov.section, prov.path)))
            continue
        if prov.children:
            leads[(prov.section, prov.path)] = prov
        parts = sentences(prov.text)
        lead_in = parent_of.get(id(prov))
        inherited = walker.lead.get(id(lead_in)) if lead_in is not None else None
        if inherited is not None and inherited[3] and not prov.labels and _MODAL.search(prov.text):
            # An unlabelled paragraph of a definition ("(c) 'Breach ...' shall mean ...", then "In determining
            # whether ..., such business may consider ..."): its own sentences, not the definitions' lead-in.
            inherited = None
        if prov.children and _leads_in(parts, prov.children):
            # "... including the following elements:", the points, then "With regard to point (e), ... may be based
            # on ...": a sentence printed after the list reads into the item's text, but the colon still leads in.
            lead_text = _pop_lead_in(parts)
            after = _AFTER_LIST.search(lead_text)
            if after:
                # That sentence binds by its own verb, not the lead-in's: it is the item's second sentence.
                for c, (modality, clause) in enumerate(duty_clauses(lead_text[after.end():]), start=1):
                    walker.add(prov, clause, modality, _subject(clause), 2, c)
                lead_text = lead_text[:after.end()].rstrip()
            before, last = split_lead_in(lead_text)
            if twin := negated_twin(lead_text):  # "shall not impose and shall remove obstacles ...:", each point twice
                lead_text, before, last, walker.lead[-id(prov)] = twin[0], None, twin[0], twin[1]
            condition = (_CONDITION_LEAD_IN.search(lead_text) and not ITEMS_BEFORE_CONDITION.search(lead_text)) \
                or _OPEN_IF.search(lead_text) \
                or _SCOPE_LEAD_IN.search(lead_text) or _AIMS_LEAD_IN.search(lead_text) \
                or _LISTED_CONDITION.search(lead_text) or _EXCEPTED_CASES.search(lead_text) \
                or (inherited is not None and _POINT_CONDITION.search(lead_text)) \
                or cases_not_duties(lead_text, [c.text for c in prov.children]) \
                or (_CONDITIONS_MET.search(lead_text) and _lead_in_modality(last) == "mandatory")
            cases = None if condition else _with_alternatives(lead_text, prov.children)
            if cases:
                parts.append(cases)  # one duty, read with the alternatives that say what it covers or when it is due
                condition = True
            elif condition and not _SCOPE_LEAD_IN.search(lead_text) and not _BARE_CONDITION.match(lead_text):
                verb = flushes.get((prov.section, prov.path)) if _OPEN_IF.search(lead_text) else None
                # the sentence states the duty; its points are its conditions
                parts.append(f"{lead_text} … {verb.text}" if verb is not None else lead_text)
            elif before:
                parts.append(before)
            void = bool(condition or NON_DUTY.search(last) and not (inherited and names_contract_term(lead_text))
                        or _NOT_NECESSARY.search(last) or inherited and inherited[3])
            mod = _lead_in_modality(last) or proviso_modality(before, last) if not void else None
            if mod is None and not void and MAY_INCLUDE.search(f", {last}"):
                mod = "permission"  # "which could include:": each point is one way the duty may be met
            if mod is None and not void and _LIST_TITLE.match(lead_text):
                mod = "mandatory"
            if mod and not void and not condition and own_duty_lead_in(lead_text, prov.children):
                parts.append(lead_text)  # "the contract must include ..., as well as the following requirements:"
            if mod and _CONDITIONS_MET.search(lead_text):
                parts.append(lead_text)  # the permission (or duty) is the sentence's own ...
                mod = "mandatory"  # ... and each condition listed must hold for it
            if inherited is not None:
                lead_text = f"{inherited[0]} {' '.join(prov.labels)} {lead_text}"
                mod = mod or inherited[1]
            walker.lead[id(prov)] = (lead_text.strip(), mod, _subject(lead_text), void)
        if inherited is not None and not prov.children:
            _point(walker, prov, inherited)
            if -id(lead_in) in walker.lead:  # the prohibition of a lead-in's shared object (``negated_twin``)
                _point(walker, prov, walker.lead[-id(lead_in)])
            continue
        if inherited is not None:
            # A point that is itself a lead-in: its own points carry the lead-in, its sentences before them complete
            # the parent's as any point's do (Art. 53(1)(b): "... . Without prejudice to ..., the ... shall: (i) ...").
            # (Bethlehem's "4. ...; Privacy protection. In collaboration with ...: (a) ...", the CFR's "(2) Substitute
            # notice. In the case ... shall be provided.": the point's catchline names it, it completes nothing.)
            for sentence in (parts[1:] if parts and names_point(parts) else parts):
                _point(walker, prov, inherited, sentence)
            continue
        # A labelled paragraph's Title Case catchline ("(e) Data Set Users May Remain Anonymous. Such public data
        # sets shall ...") names the paragraph: its modal verb is the title's, not a duty. A bill in capitals ("(1) A
        # DEPLOYER SHALL USE REASONABLE CARE.") has no Title Case to tell a catchline by.
        titled = bool(prov.labels) and len(parts) > 1 and _CATCHLINE.match(parts[0]) is not None \
            and not parts[0].isupper()
        _sentence_duties(walker, prov, parts, titled)
        if prov.children and not _only_if(walker, prov):
            walker.sentence_no[(prov.section, prov.path)] += 1
    carry_responsibilities(provisions, walker)
    name_addressees(walker.duties)
    _unique(walker.duties)
    return walker.duties


# "may keep a record ... in a place other than the individual's home if, (a) ... (d) ...", "may permit ... only if,",
# "shall not notify the individual ..., unless the health information custodian that disclosed [it], (a) first
# obtains ...": a condition opened after the verb, which the points complete, is what the duty or permission
# depends on; the points bind no one. A condition before the verb ("If ... is stolen, the custodian shall, (a)
# notify ...") leaves the points the duties they are, and so does a condition set off after the verb ("shall,
# unless retention is necessary ...,— (a) erase ..."): the points complete the verb.
# The condition may stop at its conjunction ("may collect ... for particular purposes if", then the points).
# So may a time ("must cease to retain ..., as soon as it is reasonable to assume that — (a) ... and (b) ...").
# "such steps (if any) as are reasonable in the circumstances:" is no condition: "(if any)" qualifies the steps.
# BC Laws prints a lead-in with no closing punctuation ("..., if the personal information" then "(a) is likely to be
# used ..."): the condition may end the lead-in without a comma or colon.
# A lead-in that is only its condition ("If:", then the conditions, then "the entity must ...") states nothing of
# its own: its points are the conditions of the words after them. An "if" after "the following," only qualifies the
# points ("shall include a description of each of the following, if known to the data collector:", 9 V.S.A. 2435(b)(5)).
_CONDITION_LEAD_IN = re.compile(r"\b(?:shall|must|may)\b(?!\s*,).*?\b(?:(?:only\s+)?(?<!following,\s)"
                                r"(?:if(?!\s+any\b)" + OBTAINED_ITEMS + r"|unless)|"
                                r"as\s+soon\s+as)\b(?:(?![^;]*\b(?:shall|must|may)\b)[^;]*)?\s*$|"
                                r"^\W*(?:if|where|when)\W*$|"
                                # the Irish AERSS Act's 24(1): "a person shall not disclose confidential information
                                # obtained by him or her while performing functions as—" over "(a) a member of the
                                # Board, ...": the capacities that bring a person under the duty, no duty each
                                r"\b(?:shall|must)\b[^;]*\b(?:while|when)\s+[a-z]+ing\s+(?:[\w'’-]+\s+){0,4}?as\W*$|"
                                # Art. 5(1)(h), a point of "shall be prohibited:": "the use of ... unless and in so far
                                # as such use is strictly necessary for one of the following objectives:" (exceptions)
                                r"\bunless\b[^;:]*\b(?:one|any|either)\s+of\s+the\s+following\b[^;:]*:\s*$|"
                                # Utah's "a controller may not process sensitive data ... without:" then "(a) first
                                # presenting the consumer with clear notice ...; or (b) ...": what lifts a
                                # prohibition is its exception, as "unless" and "except:" are; no point binds.
                                r"\b(?:shall|must|may)\s+not\b[^;]*\b(?:without|except)\W*$|"
                                # the UK DPA 2018's "The controller may restrict ... to the extent that and for so long
                                # as the restriction is ... a necessary and proportionate measure to—" then "(a) avoid
                                # obstructing ...": the purposes a permission is limited to, no permission each;
                                # so RCW 19.375.020(4)(b)'s "May retain the biometric identifier no longer than is
                                # reasonably necessary to:" over "(i) Comply with a court order ..."
                                r"\bmay\b(?!\s*,)[^;]*?\b(?:to\s+the\s+extent\s+that|no\s+longer\s+than)\b[^;]*$|"
                                # Zambia's DPA 13: "a data controller may process personal data where —" then "(a)
                                # the data subject has given consent ...": the cases a permission holds in, as "if"
                                r"\bmay\b(?!\s*,)[^;]*?\bwhere\W*$|"
                                # HAVA 302(a)(2): "shall be permitted to cast a provisional ballot ... upon the
                                # execution of a written affirmation ... stating that the individual is—" over "(A) a
                                # registered voter ...": what the statement a permission rests on says, no permission
                                r"\b(?:may|permitted\s+to)\b[^;]*?\bupon\s+the\s+(?:execution|submission|filing|signing)"
                                r"\s+of\b[^;]*\bstating\s+that\b[^;]*$", re.I)
# Singapore's 12(1): "The Commissioner may, if the Commissioner thinks —" over "(a) it is necessary ...; or (b) ...",
# then "issue a written direction ...": an "if" left open at the dash is completed by the points, which are its cases,
# and the words after them are the permission's verb, read with the lead-in.
_OPEN_IF = re.compile(r"\bmay\s*,\s*(?:if|where|when)\b[^,;]*[—–]\s*$", re.I)
_BARE_CONDITION = re.compile(r"^\W*(?:if|where|when)\W*$", re.I)


# "must identify and take ... measures to manage the risks posed to the security of network and information systems on
# which it relies to provide ... the following services— (a) online marketplace; (b) online search engine; or (c)
# cloud computing service", "must comply with paragraph (2)— (a) in the case of a provider which is offering ...,
# within three months ...; or (b) in any other case, within three months of ...": alternatives that only name what
# the duty covers ("the following services", each a name of a few words) or the case that sets when it is due are
# not duties of their own; the lead-in with its points is one duty, cited by the lead-in. Alternatives after "shall
# consider whether the Data: 1. improves ...; or 2. adds to ..." are what to consider: duties, each.
# Australia's cases: "(i) if the entity is an agency--within 30 days after the request is made; or (ii) if the entity
# is an organisation--within a reasonable period ...": the case, a dash, then when the duty is due.
_CASE_POINT = re.compile(r"^\W*(?:in\s+(?:the\s+case\s+of|any\s+other\s+case)\b|if\b[^;—–]{1,80}?(?:--|[—–])\s*"
                         r"(?:within|not\s+later\s+than|by)\b)", re.I)
# "may collect personal information only for purposes that ... and that" then "(a) fulfill ..., or (b) are otherwise
# permitted": alternatives that complete the clause restricting a permission ("only ... that"), or the deadline itself
# ("must respond ... not later than" then "(a) 30 days after ..., or (b) the end of an extended time period"), say
# what the duty covers or when it is due. Without "only" the alternatives stay what they are: "may make rules ...
# that: (a) satisfy ...; or (b) do not satisfy ..." (two permissions), "no later than ninety days after the date on
# which: (a) the developer discovers ...; or (b) ... receives ..." (the two events, a disclosure due after each).
_COMPLETED_LEAD_IN = re.compile(r"\bonly\b[^;:]*\b(?:that|which)\W*$|\b(?:not|no)\s+later\s+than\W*$", re.I)
_LAST_ALTERNATIVE = re.compile(r"[;,]\s*or\W*$", re.I)
_NAMES_FOLLOW = re.compile(r"\bthe\s+following\s+\w+\W*$", re.I)


# "shall provide a ... statement of reasons ... for any of the following restrictions ...:" (DSA 17(1)), "shall submit
# the notifications ... in the Member State determined pursuant to the following order ...:" (CRA 14(7)): the points
# are the cases the one duty is due for, or the order that picks its one addressee; they need no "or".
_CASES_FOLLOW = re.compile(r"\bfor\s+any\s+of\s+the\s+following\s+\w+|\bpursuant\s+to\s+the\s+following\s+order\b",
                           re.I)


# "This subtitle ... shall be enforced by the Federal functional regulators ... as follows:" then "(1) Under section 8
# of the Federal Deposit Insurance Act, in the case of— (A) national banks ...", "Compliance with this subtitle shall be
# enforced under— (A) ...": the points, however deep, say which regulator enforces on whom; the enforcers' one duty is
# the lead-in's (GLBA 505(a), 522(b)(1)).
_ENFORCED = re.compile(r"\bshall\s+be\s+enforced\s+(?:by|under)\b[^.;]*$", re.I)


# Malaysia's bill 6(1): "A data user shall not— (a) in the case of personal data other than sensitive personal data,
# process personal data ... unless ...; or (b) in the case of sensitive personal data, process ... except ...": a
# lead-in that stops at its modal verb leaves the verb to each point, so the points are acts, each its own duty,
# whatever case opens them.
_BARE_MODAL_LEAD_IN = re.compile(r"\b(?:shall|must)(?:\s+not)?\W*$", re.I)


def _with_alternatives(lead_text: str, children: list[Provision]) -> str | None:
    """The lead-in read with its points when they are such alternatives, else None."""
    texts = [" ".join(c.text.split()) for c in children]
    if _BARE_MODAL_LEAD_IN.search(lead_text):
        return None
    if len(texts) >= 2 and _ENFORCED.search(lead_text) and not any(_MODAL.search(t) for t in texts):
        return " ".join([lead_text, *(f"{' '.join(c.labels)} {t}" for c, t in zip(children, texts, strict=True))])
    if len(texts) < 2 or any(c.children for c in children):
        return None
    cases = _CASES_FOLLOW.search(lead_text) is not None and not any(_MODAL.search(t) for t in texts)
    if not cases and not _LAST_ALTERNATIVE.search(texts[-2]):
        return None
    if not cases and not all(_CASE_POINT.match(t) for t in texts) and not _COMPLETED_LEAD_IN.search(lead_text) and not (
            _NAMES_FOLLOW.search(lead_text) and all(len(t.split()) <= 4 and not _MODAL.search(t) for t in texts)):
        return None
    return " ".join([lead_text, *(f"{' '.join(c.labels)} {t}" for c, t in zip(children, texts, strict=True))])


# "This section applies if, at any time after ... — (a) ... (b) ...", "Subsection (2) applies if a manufacturer —",
# "Condition A is that the manufacturer — (a) intends ...": the points say when another provision applies, and the
# lead-in states nothing of its own.
# The AML/CTF Act 2006's 36(1)(a): "monitor the reporting entity's customers ..., with a view to: (i) identifying;
# and (ii) mitigating; and (iii) managing; the risk ...": the points are what the duty aims at, the point one duty.
_AIMS_LEAD_IN = re.compile(r"\bwith\s+a\s+view\s+to\s*:$", re.I)
_SCOPE_LEAD_IN = re.compile(r"^\W*(?:(?:this|the)\s+(?:section|sub-?section|part|article|regulation|paragraph|chapter)|"
                            r"(?:sub-?sections?|paragraphs?|articles?)\s+\(?\w{1,4}\)?)\s+(?:only\s+)?appl(?:y|ies)\s+"
                            r"(?:only\s+)?(?:if|where|when|unless)\b|^\W*condition\s+\w{1,3}\s+is\s+that\b", re.I)


# "If notice ... is made ... pursuant to the breach notification requirements under any of the following laws,
# nothing in this section shall require ..., but notice still shall be provided to ...:" then "(i) regulations
# promulgated pursuant to ...": the points list what the opening condition names, so they bind no one and the
# sentence states its duty itself.
_LISTED_CONDITION = re.compile(r"^\W*(?:if|where|when|unless)\b[^,;:]*\b(?:any|all|one|each|either)\s+of\s+the\s+"
                               r"following\b[^,;:]*,", re.I)


# "A ... business operator shall, except in those cases set forth in the following, not acquire special care-required
# personal information without obtaining in advance a principal's consent." then "(i) cases based on laws and
# regulations": the points are the exceptions to the sentence's duty, which stands on its own.
# The CFR's "Verifiable parental consent is required prior to any collection ... except as set forth in this
# paragraph:" then "(1) Where the sole purpose of collecting ... is to ...": the same, the exceptions as the points.
_EXCEPTED_CASES = re.compile(r"\bexcept\s+(?:in\s+)?(?:those\s+|the\s+)?cases\s+(?:set\s+forth|listed|specified|"
                             r"described|referred\s+to)\s+(?:in\s+)?(?:the\s+following|below)\b|"
                             r"\bexcept\s+as\s+(?:set\s+forth|provided|specified|described)\s+in\s+this\s+"
                             r"(?:paragraph|subsection|section|subdivision)\W*$|"
                             # COPPA 1303(b)(2): "The regulations shall provide that verifiable parental consent ... is
                             # not required in the case of—" then "(A) online contact information collected ...":
                             # the points are the cases excepted, the sentence states its duty itself.
                             r"\bis\s+not\s+required\s+in\s+the\s+case\s+of\W*$", re.I)


# "Providers ... may conduct the testing ... only where all of the following conditions are met:" then "(a) the
# provider has drawn up a plan ...": the sentence grants the permission, and each point is a condition the party must
# meet before using it, so the points bind (Art. 10(5)'s "all the following conditions must be met" says it outright).
# "... shall not be required if any of the following conditions are met:" is an exception, left to NON_DUTY.
# Art. 59(1): "personal data ... may be processed solely for the purpose of ... when all of the following conditions are
# met:" reads the same without "only".
# A duty "where all the following conditions are met:" (Directive 2023/970's 10(1): "shall ... ensure that employers
# ... conduct ... a joint pay assessment where all ...: (a) the pay reporting demonstrates a difference ...") is due
# when the points hold: they are facts that trigger it, not things anyone must bring about.
_CONDITIONS_MET = re.compile(r"\b(?:only\s+)?(?:where|if|when)\s+all\s+(?:of\s+)?the\s+following\s+conditions\s+are\s+"
                             r"(?:met|fulfilled|satisfied)\W*$", re.I)


# "... including the following elements:", the points, then "With regard to point (e), ... may be based on ...": a
# sentence about one of the points is printed after the list but reads into the item's text; the colon still leads in.
_AFTER_LIST = re.compile(r":\s+(?=(?:with\s+regard\s+to|as\s+regards|in\s+respect\s+of|as\s+for)\s+points?\s+\()",
                         re.I)


# Annex XI, Section 2: "Additional information to be provided by providers of general-purpose AI models with systemic
# risk", then "1. A detailed description of ...": a verbless title over a list that says who is to provide its items
# leads in as "Providers shall provide:" would.
# Australia's "The matters for the purposes of subclause 5.1 are as follows:": what another provision's notice must
# tell, listed apart from its duty; each point is part of that duty.
_LIST_TITLE = re.compile(r"^[^.;:]*\bto\s+be\s+(?:provided|supplied|submitted|included|given|drawn\s+up)\s+by\s+"
                         r"[^.;:]+$|^\W*the\s+(?:matters|information|particulars)\s+(?:for\s+the\s+purposes\s+of|"
                         r"referred\s+to\s+in)\s+(?:sub)?(?:clause|section|paragraph|regulation)\s+[\w.()]+\s+are\s+"
                         r"(?:as\s+follows|the\s+following)\W*$", re.I)


def _leads_in(parts: list[str], children: list[Provision]) -> bool:
    """A paragraph's last sentence leads in to its numbered children unless it ends with a full stop and the
    children state duties of their own ("(b) Public data sets shall be made available ... . The technical
    standards shall be determined by ... ." then "(1) Public data sets shall be provided ...": paragraphs)."""
    if not parts:
        return True
    if points_apply_alone(parts[-1]) or rule_over_own_subsections(
            parts[-1], lambda: [_after_catchline(sentences(c.text))[0] for c in children if c.text], _MODAL):
        return False
    if not parts[-1].rstrip().endswith("."):
        # "The Mayor shall be responsible for ..., including but not limited to the following powers, duties, and
        # functions:" over "(1) The Mayor may designate ... ." and "(5) The Mayor may submit drafts of acts to the
        # Council.": a duty whole before its "including ... the following", over children that are each a sentence of
        # their own (a subject and its modal verb), announces examples, not words that complete it; the lead-in is a
        # duty of its own and each child binds by its own verb. ("A controller shall comply with a request as
        # follows:" over "(1) A controller shall respond ..." still leads in: the children say how.)
        return not (_INCLUDING_THE_FOLLOWING.search(parts[-1]) and len(children) > 1
                    and all(_sentence_of_its_own(child.text) for child in children)) \
            and not permission_over_own_sentences(parts[-1], [child.text for child in children])
    # Children under catchlines ("1. Elected Administrative Officials", then "The City website shall include ...")
    # are headed paragraphs; they complete nothing.
    # So do the U.S. Code's subsections under capital catchlines ("(b) MAJOR INCIDENT.—The Director ... shall—").
    # So do a charter's subdivisions when one is its catchline alone ("(c) Hearing." between "(b) Agencies shall ...").
    if any(child.heading or CAPITAL_CATCHLINE.match(child.text) or _BARE_CATCHLINE.match(child.text.strip())
           for child in children):
        return False
    # A label alone on its line ("(a)" above "(i) The deployer shall ...") says nothing either way: its own
    # points decide at their level.
    return not all(_MODAL.search(_after_catchline(sentences(child.text))[0]) for child in children if child.text)


_BARE_CATCHLINE = re.compile(r"^[A-Z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,4}\.$")
_INCLUDING_THE_FOLLOWING = re.compile(r",\s+including(?:,?\s+but\s+not\s+limited\s+to,?)?\s+the\s+following\b"
                                      r"[^.;:]{0,80}:\s*$", re.I)
_OWN_SUBJECT = re.compile(r"^(?:The|A|An|Each|Every|No|Such|Any|All)\s+(?:[A-Z]\w*|[a-z]+)(?:\s+\S+){0,6}?\s+"
                          r"(?:shall|must|may|is\s+(?:hereby\s+)?(?:authorized|empowered)\s+to)\b")


def _sentence_of_its_own(text: str) -> bool:
    """Whether a child's first sentence is a whole one: it opens with its subject, its modal verb a few words on
    ("The Mayor may submit ...", "The Mayor, as custodian thereof, shall ..."), and ends with a full stop."""
    first = sentences(text)[0] if text.strip() else ""
    return first.rstrip().endswith(".") and _OWN_SUBJECT.match(re.sub(r",[^,]{0,60},", "", first)) is not None


def _point(walker: _Walker, prov: Provision, lead: tuple[str, str | None, str, bool],
           own_text: str | None = None) -> None:
    """An innermost point under a lead-in (or the words of a point before its own lead-in): one duty, its
    text the lead-ins then the point."""
    lead_text, lead_mod, subject, void = lead
    point = prov.text if own_text is None else own_text
    if own_text is None:
        point = _own_sentences(walker, prov, point)
        if not point.strip():
            return  # every sentence of the paragraph bound by its own verb
    # Only the point's first clause decides: "provide SMEs with priority access ...; the priority access shall
    # not preclude other SMEs ..." is a duty with its limit attached, not an exception.
    if void:
        # the exceptions of "are not to be stored ..., except under the following circumstances:" bind nothing by the
        # lead-in's verb, but a point that is a sentence granting its own leave is still that leave
        if own_text is None and excepted_leave(lead_text, point):
            walker.add(prov, point, "permission", _subject(point), 1, 1, own=point)
        for c, (limb, whole) in enumerate(own_limbs(point), start=2):  # a party's own duty in a scope's item
            walker.add(replace(prov, path=prov.path[:-1]) if whole else prov, limb, "mandatory", _subject(limb), 1, c,
                       own=limb)
        return
    point, later = later_clauses(point, lead_mod)
    first = point.split(";")[0]
    labels = " ".join(prov.labels)
    bound_by_none = NON_DUTY.search(first) or PERIOD_BOUNDS.search(f"{lead_text} {first}") \
        or LIFTED_POINT.match(first)  # a period's bounds too; "shall: ... (4) Not be required to delete ..."
    if bound_by_none and not REQUIRED_CONTENT.search(lead_text):
        # "then the controller is not required to comply ... and may request that the consumer provide ...": the
        # exception binds no one, the permission beside it still does.
        _later(walker, prov, f"{lead_text} {labels}", later, subject)
        return
    own = point_modality(first)
    # "shall meet the following requirements: ... (6) If the director determines ..., the director may assess
    # penalties": a point whose own clause names another party than the lead-in binds that party by its own verb.
    # (or whose lead-in only names the points the conditions a thing is subject to: each binds its own party)
    own_party = (own == "permission" and _names_own_party(first, subject)) or own_verb_points(lead_text, first)
    # A condition that must hold for a permission says in its own verb whether it allows or forbids: Art. 59(1)(e)
    # "providers can further share ... only in accordance with ...", (f) "neither leads to ... nor does it affect".
    conditions = lead_mod == "mandatory" and bool(_CONDITIONS_MET.search(lead_text))
    if conditions and own is None and _NEITHER_NOR.search(first):
        own = "prohibition"
    conditions = conditions and (own != "permission" or explicit_permission(first))
    modality = own if own == "prohibition" or (own and (not lead_mod or own_party or conditions)) \
        or (own == "permission" and (_AT_DISCRETION.match(first) or POINT_OWN_LEAVE.search(first))) else lead_mod
    if modality is None and _DEADLINE.match(first):
        modality = "mandatory"  # "The following deadlines ...: (1) Within three months, department heads designate"
    if modality is None:
        return
    if modality == "mandatory" and _NEGATED_POINT.match(first):
        modality = "prohibition"  # "A controller shall: ... (2) Except as ..., not process personal data ..."
    text = f"{lead_text} {labels} {point}"
    walker.add(prov, text, modality, subject if lead_mod and not own_party else _subject(point), 1, 1, own=point)
    _later(walker, prov, f"{lead_text} {labels}", later, subject)


def _later(walker: _Walker, prov: Provision, lead: str, later: list[tuple[str, str]], subject: str) -> None:
    """A point's later clauses, each a duty after the point's own (clause 2 on), its text the lead-ins, an ellipsis
    and the clause; each binds the party it names itself ("; the deployer shall keep them"), else the lead-in's."""
    for c, (modality, clause) in enumerate(later, start=2):
        party = _subject(clause) if _names_own_party(clause, subject) else subject
        walker.add(prov, f"{lead} … {clause}", modality, party, 1, c, own=clause)


def _names_own_party(clause: str, lead_subject: str) -> bool:
    """Whether ``clause``'s subject ends with a party ("..., the director may") other than the lead-in's and other
    than the person the duty is owed to ("the individual may make a complaint" is what the notice must say)."""
    # the party opens the main clause, after any opening clause ("If ..., the director"); "so that agency personnel
    # may raise concerns" says what the duty is for
    # An aside set off by commas between the party and its verb ("the covered entity, in addition to notice provided
    # under subparagraph (A), may provide ...") is no part of the party.
    parts = _subject(clause).rstrip(" ,").split(",")
    while len(parts) > 1 and _ASIDE.match(parts[-1]):
        parts.pop()
    tail = parts[-1].strip()
    if len(tail.split()) > 4 or re.match(r"(?:so|that|which|who|where|when|if|because|unless)\b", tail, re.I):
        return False
    role = statute_addressee(tail)
    if role is None and statute_addressee(lead_subject) is None:
        # a point that is a whole sentence of its own, a case then its party ("In any case deemed ... to require
        # urgency ..., the covered entity ... may provide information ..."), under a passive lead-in that names none
        # ("Notice ... shall be provided promptly and in the following form:"): the party the point names
        # So does a whole sentence that opens with its own party under a lead-in whose subject is a thing ("The
        # privacy policy ... shall do all of the following:" over "(7) An operator may satisfy the requirement of
        # paragraph (5) by providing ...", CalOPPA § 22575(b)).
        return bool(_CASE_THEN_PARTY.match(clause)) and re.fullmatch(r"(?:the|each|any)\s+[a-z]+(?:\s+[a-z]+){0,2}",
                                                                     tail) is not None \
            or _sentence_of_its_own(clause) and (tail.split() or [""])[-1].lower() not in lead_subject.lower()
    return role not in (None, "data-subject") and role != statute_addressee(lead_subject)


_CASE_THEN_PARTY = re.compile(r"(?:In\s+(?:any|the)\s+cases?|If|Where|When|Whenever)\s[^;]{1,200}?,"
                              r"\s+(?:the|each|any)\s")
_ASIDE = re.compile(r"\s*(?:in\s+addition\s+to|in\s+accordance\s+with|pursuant\s+to|upon|after|before|within)\s")


# A point that opens with a deadline and goes on in the present tense states what must be done by then.
_DEADLINE = re.compile(r"^(?:within\s+(?:\w+\s+){1,3}?(?:\(\d+\)\s+)?(?:days?|weeks?|months?|years?)|"
                       r"(?:no|not)\s+later\s+than\s+[^,;]{1,60}),\s+\S", re.I)


# A condition of a permission that forbids in its own verb: Art. 59(1)(f) "... neither leads to ... nor does it affect".
_NEITHER_NOR = re.compile(r"\bneither\s+[a-z]+s\b[^;]{1,200}?\bnor\b", re.I)
# A point that completes "shall:" with "not": "Not process sensitive data ...", "Except as otherwise provided, not
# process ...", also when the opening phrase holds commas of its own ("except as otherwise provided in sections 1 to
# 11, inclusive, of this act, not process ..."); "Not later than January 1, 2025, allowing ..." sets a deadline.
# A point left to the party's discretion under a "shall" lead-in ("(3) At the business's discretion, utilize a single
# ... link ..., in lieu of complying with paragraphs (1) and (2)") is an option, not the lead-in's duty; so is a
# power the point grants ("The mayor shall: ... (3) Have power to administer oaths and to take affidavits").
_AT_DISCRETION = re.compile(r"^\W*(?:at\s+(?:the\s+[\w-]+(?:'s|’s)?|its|their|his|her)\s+(?:sole\s+|own\s+)?"
                            r"discretion\b|have\s+(?:the\s+)?(?:full\s+)?(?:power|authority|right)\s+to\b)", re.I)
_NEGATED_POINT = re.compile(r"^(?:(?:except|unless|subject|notwithstanding|save|where|when|if|in|without)\b"
                            r"[^;]{0,160}?,\s*)?(?:not\b(?!\s+later\s+than\b)|avoid\b|refrain\s+from\b|"
                            # 5 U.S.C. 552a(e)(7): "Each agency ... shall ... (7) maintain no record describing how
                            # any individual exercises rights ... unless ...": a verb whose object is "no" forbids
                            r"(?!ensure\b|verify\b|confirm\b|certify\b|if\b|where\b|when\b|unless\b)[a-z]+\s+no\s+"
                            r"(?!later\b|less\b|more\b|fewer\b|longer\b|sooner\b|earlier\b|other\b)[a-z])", re.I)


def _flush_out(walker: _Walker, prov: Provision, lead: Provision | None) -> None:
    """The words after a dash lead-in's points finish its sentence ("Where ... is likely to be— (a) ...; or (b)
    ..., the Data Fiduciary ... shall ensure ..."): their duty is cited at the lead-in's place and reads the lead-in
    first; after an exception or deeming lead-in ("shall be deemed ..., if ... does not— ...") they bind no one."""
    info = walker.lead.get(id(lead)) if lead is not None else None
    if info is not None and info[3]:
        return
    prefix = f"{info[0]} … " if info else ""
    # The bare lead-in stated no duty, so the first duty at its place is its sentence 1, as a lawyer cites it.
    n = len({d.ref for d in walker.duties if d.section == prov.section and d.path == prov.path})
    for sentence in sentences(prov.text):
        n += 1
        for c, (modality, clause) in enumerate(duty_clauses(sentence), start=1):
            walker.add(prov, prefix + clause, modality, _subject(clause), n, c, own=clause)


def _own_sentences(walker: _Walker, prov: Provision, point: str) -> str:
    """The point's words up to its first sentence with a duty of its own subject; that sentence and the ones
    after it are duties of their own under the point's reference ("1. Procedural requirements for ... . These
    rules shall, whenever possible, use open formats ...": the second sentence binds without the lead-in)."""
    parts = sentences(point)
    # A catchline opening the point ("Transparency Forum. The working group shall ...") is not its first sentence.
    begin = 1 if len(parts) > 1 and _CATCHLINE.match(parts[0]) else 0
    # "(b) a checkoff box may be used to ... . Individuals who do not check the box are assumed to consent ...": a
    # later sentence that deems or excepts is no part of the point's duty.
    # One that also grants or imposes something keeps that part ("A controller shall not be required to authenticate
    # an opt-out request, but a controller may deny an opt-out request if ...": the permission binds).
    def excepts(part: str) -> bool:
        return bool(NON_DUTY.search(part)) and not duty_clauses(part)

    if any(n > begin and excepts(part) for n, part in enumerate(parts)):
        parts = [part for n, part in enumerate(parts) if n <= begin or not excepts(part)]
        point = " ".join(parts)
    # A later paragraph of a point ("A. Complete an AI impact assessment." then "Agencies should update ...") has no
    # label: its first sentence, too, binds by its own verb.
    if not prov.labels and not prov.bullet:
        begin = -1
    own = next((n for n, part in enumerate(parts) if n > begin and _MODAL.search(part) and duty_clauses(part)), None)
    if own is None:
        return point
    # Bethlehem's "9. Contracting; Procurement Policies. Where operationally and financially feasible, the Chief Data
    # Officer shall coordinate ...": before the point's own sentence there is only its catchline, which completes
    # no lead-in.
    if own == 1 and _is_catchline(parts[0]):
        parts[0] = ""
    for n, sentence in enumerate(parts[own:], start=2):
        for c, (modality, clause) in enumerate(duty_clauses(sentence), start=1):
            walker.add(prov, clause, modality, _subject(clause), n, c)
    return " ".join(parts[:own])


def _unique(duties: list[StatuteDuty]) -> None:
    seen: Counter[str] = Counter()
    for duty in duties:
        seen[duty.id_path] += 1
        if seen[duty.id_path] > 1:
            duty.id_path = f"{duty.id_path}-{seen[duty.id_path]}"
