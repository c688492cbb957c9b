"""Where a lead-in sentence's own duties end and the clause its points complete begins.

Split from ``clauses`` (which reads a sentence's clauses and their modality), whose size it would pass: this reads
only the end of a sentence that leads in to points. May import: ``compgraph.legal.clauses``.
"""

from __future__ import annotations

import re

from compgraph.legal.clauses import pieces, statute_modality

__all__ = ["MAY_INCLUDE", "OBTAINED_ITEMS", "PRESCRIBED_FORM", "REQUIRED_CONTENT", "cases_not_duties",
           "excepted_leave", "point_modality", "points_apply_alone", "proviso_modality", "split_lead_in", "pop_lead_in",
           "without_excepting_proviso"]

# "Any fee schedules ... shall provide that: (1) Fees shall be limited to ...": a point says what the instrument must
# provide, so its limit is the content of that duty, not an exception to it. So are the points of "shall ensure that an
# appropriate disclaimer and terms of use are placed on the City web site which shall include, but not be limited to,
# the following: (a) Public Data Sets are provided for informational purposes only; (b) the City does not warranty
# ...": what the notice must say, each a duty of the officer, though each point reads as a disclaimer.
REQUIRED_CONTENT = re.compile(r"\b(?:shall|must)\s+(?:provide|require|specify|stipulate)\s+that\s*:\s*$|"
                              r"\b(?:disclaimers?|notices?|terms\s+of\s+use)\b[^.;:]*\b(?:shall|must)\s+(?:include|"
                              r"contain|state)\b[^.;:]*\bthe\s+following\s*:\s*$", re.I)

# The DSA's 30(1): "shall ensure that traders can only use those online platforms ... if, prior to ..., they have
# obtained the following information, where applicable to the trader:" over "(a) the name, address ...": the points are
# the items to be obtained, each its own duty, not conditions of the lead-in's (a lookahead for ``provisions``).
OBTAINED_ITEMS = (r"(?![^;:]*\b(?:have|has)\s+obtained\s+the\s+following\s+"
                  r"(?:information|particulars|details|documents)\b)")
# The Consumer Rights Directive's 5(1): "the trader shall provide the consumer with the following information in a clear
# and comprehensible manner, if that information is not already apparent from the context:" over "(a) the main
# characteristics ...": the lead-in names its object ("the following information") before a condition complete in
# itself; the points are the object's items, each a duty, and the condition is the whole duty's, not the points'.
ITEMS_BEFORE_CONDITION = re.compile(r"\bthe\s+following\s+[\w-]+\b[^;:]*?,\s*(?:only\s+)?(?:if|unless)\s+"
                                    r"(?![^;:]*\bfollowing\b)\w[^;:]*:\s*$", re.I)

_PROVISO_LEAD_IN = re.compile(r"[,;]?\s*\b(?:provided|except)(?:,\s*however,)?\s+that\s*:\s*$", re.I)


_RUN_ON_LEAD_IN = re.compile(r"(?<=[a-z]{3}\.)\s+(?=[a-z][^.;:]*\b(?:shall|must)\b[^.;:]*:\s*$)")
_PROVISO_TAIL_LEAD_IN = re.compile(r",\s+(?=and\s+that\s+(?:it|they|the\s+\w+|such\s+\w+)\s"
                                   r"[^,;:]*\bthe\s+following\s*:\s*$)", re.I)


def proviso_modality(before: str | None, last: str) -> str | None:
    """The modality of a proviso's last part ("and that it includes the following:"), which has no verb of its own:
    the duty's it qualifies."""
    return statute_modality(before) if before and re.match(r"and\s+that\b", last, re.I) else None


MAY_INCLUDE = re.compile(r",\s+which\s+(?:could|may|might|can)\s+include\b[^,;]*$", re.I)


# One modal verb over two verbs, the first with an object of its own and the last a bare verb of content before the
# colon: "must use plain language and contain:".
# So is a form the verb "be" gives before the list, with an aside and "the following" (16 CFR 318.6: "notice of a
# breach of security shall be in plain language and include, to the extent possible, the following:").
_AND_CONTAIN = re.compile(r"\b(?:shall|must)\s+(?:(?!be\b)[a-z]+|be\s+in)\s+(?:[\w'’-]+\s+){0,6}?[\w'’-]+"
                          r"(\s+and\s+(?:contain|include)(?:\s*,\s*[^,:;]{1,40},)?(?:\s+the\s+following)?\s*:\s*)$",
                          re.I)


# The Telecommunications Business Act's "No ... carrier ... shall conduct the following acts; provided, however, that
# this shall not apply if there are compelling reasons ...:" then "(i) Applying disadvantageous treatment ...": the
# points complete the clause before the proviso, which excepts from it and is no part of any point's duty.
_EXCEPTING_PROVISO = re.compile(r"\bthe\s+following\s+\w+\s*;(?=\s+provided,?\s+however,?\s+that\s+this\s+"
                                r"(?:shall|does)\s+not\s+apply\b[^:;]*:\s*$)", re.I)


def without_excepting_proviso(lead_in: str) -> str:
    """``lead_in`` up to the semicolon before a proviso that excepts from it, or the whole of it."""
    proviso = _EXCEPTING_PROVISO.search(lead_in)
    return lead_in[: proviso.end()] if proviso else lead_in


# The My Number Act's 27(1): "... he/she shall publicly announce the document stating the results of assessing the
# following items (...) and shall consult widely ..., before keeping said ... File. The same shall apply when making an
# important change ...:" then "(i) the number of persons ...": the items complete the sentence that names them; the
# sentence after it, which only extends that sentence to another case, leads in to nothing.
_EXTENSION = re.compile(r"^\W*the\s+same\s+shall\s+(?:also\s+)?apply\b[^.;]*:\s*$", re.I)
_NAMES_THE_FOLLOWING = re.compile(r"\bthe\s+following\s+(?:items|matters|particulars)\b", re.I)


# Dunwoody's code 2-144(c): "The city tax collector shall perform at least the following duties. The mayor and
# council may require the city tax collector to perform other duties:" then "(1) Managing ...": the points are the
# duties the sentence before names, ending in "the following duties."; the last sentence names none and is a
# sentence of its own.
_ENDS_NAMING = re.compile(r"\bthe\s+following\s+(?:duties|functions|powers|responsibilities|tasks)\s*\.\s*$", re.I)
_FOLLOWING = re.compile(r"\bfollowing\b", re.I)


def pop_lead_in(parts: list[str]) -> str:
    """The sentence of ``parts`` (a paragraph's sentences) that its points complete, taken out of ``parts``: the last
    one, unless it only extends the one before, which names the points, or names none after one that ends naming
    them; without a proviso that excepts from it."""
    if len(parts) >= 2 and _EXTENSION.match(parts[-1]) and _NAMES_THE_FOLLOWING.search(parts[-2]):
        parts.pop()
    elif len(parts) >= 2 and _ENDS_NAMING.search(parts[-2]) and not _FOLLOWING.search(parts[-1]):
        return without_excepting_proviso(parts.pop(-2))
    return without_excepting_proviso(parts.pop()) if parts else ""


def split_lead_in(sentence: str) -> tuple[str | None, str]:
    """A lead-in sentence's duties before its last clause, and that last clause (which the points complete).

    "The oversight measures shall be commensurate with the risks, and shall be ensured through ... the
    following types of measures:" states one duty and leads in to the points.
    """
    # "... conflict with their rights or interests. the notification shall include the following:": a translation's
    # lead-in run on after the sentence before it with no capital; that sentence is a duty of its own.
    run_on = _RUN_ON_LEAD_IN.search(sentence)
    if run_on and statute_modality(sentence[: run_on.start()]):
        return sentence[: run_on.start()].strip(), sentence[run_on.end():]
    # "shall ... notify the Data Subject ..., provided that the notification is in simple and clear language, and that
    # it includes the following:": the duty and its proviso stand on their own, the proviso's last part leads in.
    tail = _PROVISO_TAIL_LEAD_IN.search(sentence)
    if tail and re.search(r"\bprovided\s+that\b", sentence[: tail.start()], re.I) \
            and statute_modality(sentence[: tail.start()]):
        return sentence[: tail.start()].strip(), sentence[tail.end():]
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
    # "The denial must use plain language and contain:" (45 CFR 164.526(d)(1)): the verb before the last, with its
    # own object, is a duty of its own; the sentence whole leads in to what the denial contains.
    content = _AND_CONTAIN.search(sentence)
    if content and statute_modality(sentence[: content.start(1)]):
        return sentence[: content.start(1)].strip(), sentence
    spans = pieces(sentence)
    if len(spans) == 1:
        return None, sentence
    # (a cut before "and the controller shall have the obligation ..." leaves the "and" to the clause before it)
    before, last = re.sub(r"\s+and$", "", sentence[: spans[-1][0]].strip()).rstrip(","), sentence[spans[-1][0]:]
    # A sentence ended by a full stop whose earlier clause names the points ("shall publicly announce the document
    # stating the results of assessing the following items (...) and shall consult widely ..."): the points complete
    # that clause, and the last one ("and shall consult ...") is the duty of its own.
    if sentence.rstrip().endswith(".") and _NAMES_THE_FOLLOWING.search(before) \
            and not _NAMES_THE_FOLLOWING.search(last):
        return last.strip(), before
    return before, last


# The Saudi PDPL's "the Controller may collect Personal Data from a source other than the Data Subject ... in the
# following situations:" then "1- The Data Subject gives their consent ...", and "may limit the exercise of this right
# in the following cases:" then "a) If ...": a permission's cases are when it may be used, so they bind no one (the
# Ontario PHIPA "may ... if, (a) ... (d)" reading). So are a prohibition's "except in the following situations:"
# (its exceptions), and a permission's points that each open with "If" ("may Transfer Personal Data outside the
# Kingdom ... in order to achieve any of the following purposes:" then "A. If this is relating to ..."). A duty's
# cases ("Impact assessment shall be conducted in the following cases:") are duties, one for each case, as before.
# Japan's My Number Act: "No person shall provide Specific Personal Information except in cases that fall under any of
# the following items:" then "(i) when a Person in Charge ... provides ...": the prohibition's exceptions too.
# So are the purposes a power may be used for and what it may establish (the NIS Regulations' 15(2): "may serve an
# information notice ... for one or more of the following purposes— (a) ...", 15(1): "... to establish whether— (a)").
_PERMITTED_CASES = re.compile(r"\bmay\b(?!\s+not\b)[^;:]*(?:\bin\s+(?:any\s+of\s+)?the\s+following\s+"
                              r"(?:cases|situations|circumstances)|\bfor\s+(?:one\s+or\s+more|any)\s+of\s+the\s+"
                              r"following\s+purposes|\bto\s+(?:establish|determine|assess)\s+whether)\W*$", re.I)
# DORA's 28(7): "Financial entities shall ensure that contractual arrangements ... may be terminated in any of the
# following circumstances:" then "(a) significant breach by the ICT third-party service provider ...": the "may" is what
# the duty must secure, not a leave; each circumstance is a duty of its own, as a duty's cases are.
_ENSURED_LEAVE = re.compile(r"\b(?:shall|must)\s+(?:\w+\s+){0,2}?ensure\s+that\b[^;:]*\bmay\b", re.I)
# The CFR's passive "Detonators are not to be stored in the same magazine with other explosive materials, except under
# the following circumstances:" (27 CFR 555.213(b)) likewise: its points say where the thing may be, each its own leave.
# The Philippine Data Privacy Act's 13: "The processing of sensitive personal information ... shall be prohibited,
# except in the following cases:" is the same prohibition in a passive; Valdosta's charter 4.61 "The system shall cover
# all employees of the city except: (1) elected officials; ..." lists who is left out, each point no duty of its own.
# So does a duty's "shall collect ... directly from the subject individual, except where:" (Saskatchewan's HIPA 25(1)).
_EXCEPTED_SITUATIONS = re.compile(r"\bexcept\s*:\s*$|\b(?:shall|must)\b[^;:]*,\s+except\s+(?:where|when)\s*:\s*$|"
                                  r"\b(?:(?:may|shall|must)\s+not|(?:is|are)\s+not\s+to|(?:shall\s+be|is|are)\s+"
                                  r"prohibited)\b[^;:]*\bexcept\s+"
                                  r"(?:in|under)\s+(?:any\s+of\s+)?the\s+"
                                  r"following\s+(?:cases|situations|circumstances)\W*$|\bexcept\s+in\s+(?:those\s+)?"
                                  r"cases\s+(?:that|which)\s+falls?\s+under\s+any\s+of\s+the\s+following\b", re.I)
# A point that completes its parent's lead-in and opens conditions of its own ("notice ... shall be provided by one of
# the following methods:" then "(d) Substitute notice, if:" then "a. The person demonstrates that the cost ...; or
# b. ..."): the point is the duty, and its points are when it applies, as under "shall ... if:" in provisions.
# The MDR's 61(3)(a), under "A clinical evaluation shall follow a ... procedure based on the following:", says the
# same in words: "a critical evaluation of the relevant scientific literature ..., where the following conditions are
# satisfied:" over two indents that say when the literature may serve; the point is one duty, the indents bind no one.
POINT_CONDITION = re.compile(r"\b(?:only\s+)?(?:if|unless)\s*:\s*$|,\s*(?:only\s+)?(?:where|if|provided\s+that)\s+"
                             r"(?:all\s+(?:of\s+)?)?the\s+following\s+conditions\s+are\s+(?:satisfied|met|fulfilled)"
                             r"\s*:\s*$", re.I)


# A permission's points that say what it rests on ("Any appropriate ATF officer may enter the business premises ...—"
# over "(a) Pursuant to duly issued search warrant ...; or (b) Upon the consent of the distributor", 27 CFR 646.153):
# each a warrant for the one leave, as "if" points are its conditions.
_IF_POINT = re.compile(r"\W*(?:if|pursuant\s+to|upon)\b", re.I)
# "The appropriate ATF officer may, pursuant to an application ..., approve a shorter retention period where—" (27 CFR
# 646.150(b)): after an aside the points are the cases the permission holds in ("may ... where —", as provisions
# reads it without the aside).
_PERMITTED_WHERE = re.compile(r"\bmay\s*,(?!\s*(?:if|where|when)\b)[^;:]*?,[^;:]*\bwhere\W*$", re.I)


def excepted_leave(lead_text: str, point: str) -> bool:
    """Whether ``point``, under a prohibition's list of excepted circumstances, is a whole sentence that grants its
    own leave ("(1) In a type 4 magazine, detonators ... may be stored with electric squibs ..."): a permission row of
    its own, though the lead-in's points bind nothing by the lead-in's verb."""
    return bool(_EXCEPTED_SITUATIONS.search(lead_text)) and point.rstrip().endswith(".") \
        and point_modality(point) == "permission"


# RCW 70.02.130(1): "a health care provider may rely, without incurring any civil or criminal liability ..., on the
# representation of a parent ... regardless of whether:" then "a. The parents are married, unmarried, or separated
# ...": the points are circumstances that do not matter to the rule, each binding no one.
_IRRELEVANT_CIRCUMSTANCES = re.compile(r"\b(?:regardless|irrespective)\s+of\s+whether\s*:\s*$", re.I)
# The Data Act's 10(5): "The Member State ... shall ... certify that body where it has demonstrated that it meets all of
# the following conditions:" then "(a) it is impartial and independent ...": what the body must show before the duty
# arises, one row; the points bind no one.
# So the DSA's 22(2): "shall be awarded ... to an applicant that has demonstrated that it meets all of the following
# conditions:". And HRS 514B-153(e)'s "a copy shall be available ... to any member who furnishes ... a duly executed and
# acknowledged affidavit stating that the list:" over "(1) Will be used ...; and (2) Shall not be used ...": what a
# document states, not duties.
_CONDITIONS_SHOWN = re.compile(r"\b(?:where|if|when|once|(?:who|that|which)\s+(?:has|have)\s+(?:demonstrated|shown))\b"
                               r"[^;:]*\b(?:meets|fulfils|fulfills|satisfies)\s+"
                               r"(?:all|each)\s+(?:of\s+)?the\s+following\s+(?:conditions|requirements|criteria)\W*$",
                               re.I)
_DOCUMENT_STATES = re.compile(r"\b(?:affidavit|affirmation|certificate|declaration|statement)\s+stating\s+that\b"
                              r"[^;:.]*:\s*$", re.I)
# HRS 92-3.1(a): "the board may hold a limited meeting ...; provided that at a regular meeting of the board prior to the
# limited meeting:" then "(1) The board determines ...", "(2) Two-thirds of all members ... vote ...": a permission's
# provisos with no modal verb of their own are its conditions (the PHIPA 14(2) reading), not duties.
_PERMISSION_PROVISO = re.compile(r"\bmay\b(?!\s+not\b)[^;]*;\s*provided\s+that\b[^;:]*:\s*$", re.I)


def cases_not_duties(lead_text: str, point_texts: list[str]) -> bool:
    """Whether the points under ``lead_text`` are the cases a permission (or a prohibition's exception) covers, not
    duties: the lead-in states the one row."""
    if (_PERMITTED_CASES.search(lead_text) and not _ENSURED_LEAVE.search(lead_text)) \
            or _EXCEPTED_SITUATIONS.search(lead_text) \
            or _PERMITTED_WHERE.search(lead_text) or _IRRELEVANT_CIRCUMSTANCES.search(lead_text) \
            or _CONDITIONS_SHOWN.search(lead_text) or _DOCUMENT_STATES.search(lead_text):
        return True
    if _PERMISSION_PROVISO.search(lead_text) and point_texts and not any(statute_modality(t) for t in point_texts):
        return True
    if _FORBIDDEN_THING.search(lead_text) and statute_modality(lead_text) == "prohibition" \
            and any(_AND_END.search(t) for t in point_texts) and not any(_OR_END.search(t) for t in point_texts):
        return True
    permission = statute_modality(lead_text) == "permission" and lead_text.rstrip().endswith((":", "—"))
    return permission and len(point_texts) >= 2 and all(_IF_POINT.match(t) for t in point_texts)


# "A person must not send, or cause to be sent, a commercial electronic message that:" then "(a) has an Australian
# link; and" / "(b) is not a designated commercial electronic message" (the Spam Act 2003, s 16(1)): points joined by
# "and" complete a relative clause on the thing forbidden, together saying which it is; they forbid nothing each.
# Alternatives ("; or") stay what they are, each a thing forbidden.
# ("; provided that:" is a proviso, not such a clause: HRS 92-3.1(b)'s provisos bind by their own verbs)
_FORBIDDEN_THING = re.compile(r"(?<!\bprovided\s)\b(?:that|which)\s*:\s*$", re.I)
_AND_END = re.compile(r"[;,]\s*and\W*$", re.I)
_OR_END = re.compile(r"[;,]\s*or\W*$", re.I)


# A point that names a document's content ("must contain the following: ... (e) A statement that the provision of
# goods or services may not be conditioned on the consumer signing ...", Washington's HB 1155): its modal verb is the
# statement's words, not the point's own; the lead-in's verb decides.
_STATED_CONTENT = re.compile(r"^\W*(?:an?\s+|the\s+)?(?:written\s+)?(?:statement|notice|notification|declaration|"
                             r"explanation|assurance|acknowledg(?:e)?ment|confirmation|certification)\s+that\b", re.I)


# "provides the individual with a written statement of the reasons for the delay and the date by which the covered
# entity will complete its action" (45 CFR 164.526(b)(2)(ii)(A), a condition of a permission): a relative clause
# after a preposition says which date; its "will" binds no one.
_RELATIVE_WILL = re.compile(r"\b(?:by|on|at|in|within|before|after|until)\s+which\s+(?:[\w'’-]+\s+){1,4}?will\b", re.I)


# The Data Act's 25(2)(d): "the contract ... shall include at least the following: ... (d) a maximum notice period for
# initiation of the switching process, which shall not exceed two months;": a relative clause that caps the period a
# point names describes it; the point forbids nothing of its own, the lead-in's verb decides.
_RELATIVE_PERIOD_CAP = re.compile(r",\s+which\s+shall\s+not\s+exceed\s+(?:[\w-]+\s+){1,2}?"
                                  r"(?:days?|weeks?|months?|years?)\b", re.I)


def point_modality(point: str) -> str | None:
    """A point's own modality, as ``statute_modality`` reads it, or None when the point only names what a document
    states."""
    point = _RELATIVE_PERIOD_CAP.sub(",", point)
    return None if _STATED_CONTENT.match(point) else statute_modality(_RELATIVE_WILL.sub("which", point))


# SB 5116's Section 4: "The following provisions apply to a public agency's development, procurement, or use of an
# automated decision system:" over "1. A public agency may not ...", "3. A public agency shall ..."; Chagrin Falls'
# 114.05(b): "The following shall apply if any or all of the members are permitted to attend virtually:" over "(1) Each
# member attending virtually shall be considered present ...", "(3) The public body shall ensure ...": a lead-in that
# only says to what or when its points apply completes none of them; each binds (or deems) by its own sentence, and
# the lead-in, a scope rule, is no part of any point's duty.
_POINTS_APPLY = re.compile(r"^\W*the\s+following\s+(?:[\w-]+\s+)?(?:shall\s+)?apply\s+(?:to|if|where|when|whenever)\b"
                           r"[^.;:]*:\s*$", re.I)


def points_apply_alone(lead_in: str) -> bool:
    """Whether ``lead_in`` only says to what or when the points after it apply."""
    return _POINTS_APPLY.match(lead_in) is not None


# The Data Governance Act's Art. 12: "The provision of data intermediation services referred in Article 10 shall be
# subject to the following conditions:" over "(a) the data intermediation services provider shall not use ...",
# "(e) data intermediation services may include offering additional specific tools ...": the lead-in names what the
# points are (conditions a thing is subject to), and each point is a clause with a verb of its own, which says
# whether it binds or allows; the lead-in's "shall" lends its modality to none of them.
# So does a duty's "except that:" (12 CFR 1002.9(a)(3)(i): "a creditor shall comply with paragraphs (a)(1) and (2) of
# this section, except that:" over "(A) The statement of the action taken may be given orally or in writing ..."): each
# exception allows or binds by its own verb.
_SUBJECT_TO_POINTS = re.compile(r"\bshall\s+be\s+subject\s+to\s+the\s+following\s+(?:[\w-]+\s+)?"
                                r"(?:conditions|requirements|rules)\W*$|,\s*except\s+that\s*:\s*$", re.I)
# So do whole sentences, each with its own subject, after "..., as follows:" (9 V.S.A. 2435(b)(3): "shall provide
# notice of a breach to the Attorney General or to the Department ..., as applicable, as follows:" over "(ii) The data
# collector may send ... a second copy ..."); points that only complete the lead-in ("a. To fulfill the controller's
# obligation ...") take its verb and its party, as before.
_AS_FOLLOWS = re.compile(r",\s*as\s+follows\s*:\s*$", re.I)
_OWN_SENTENCE = re.compile(r"^\W*(?:the|a|an|any|each|every|all)\s+(?:[\w'’-]+\s+){0,8}?(?:shall|must|may)\b", re.I)


def points_state_own_modality(lead_in: str) -> bool:
    """Whether ``lead_in`` makes its points the conditions something is subject to, each binding by its own verb."""
    return _SUBJECT_TO_POINTS.search(lead_in) is not None


# A point that is a sentence of its own, a case and then the lead-in's party named again by "that" or "such" (16 CFR
# 318.5(a)(3), under "A vendor ... shall provide notice of such breach ... in the following form:": "In any case deemed
# by the vendor ... to require urgency ..., that entity may provide information to individuals by telephone ..."): the
# same party, but the point's own "may" decides; a leave beside the duty, not the lead-in's duty.
_CASE_THEN_SAME_PARTY = re.compile(r"^\W*(?:In\s+(?:any|the)\s+cases?|If|Where|When|Whenever)\s[^;]{1,200}?,\s+"
                                   r"(?:that|such)\s+[a-z-]+(?:\s+[a-z-]+)?\s+may\s+(?!not\b)[a-z]", re.I)


def own_verb_points(lead_in: str, point: str) -> bool:
    """Whether ``point`` binds or allows by its own verb: ``points_state_own_modality``, a sentence of its own after
    an "as follows:", or a case whose party, named again, "may"."""
    return points_state_own_modality(lead_in) or (
        _AS_FOLLOWS.search(lead_in) is not None and _OWN_SENTENCE.match(point) is not None) \
        or _CASE_THEN_SAME_PARTY.match(point) is not None


# "The Department shall conspicuously publish the following Open Data Legal Policy on the city's website:", then the
# policy's paragraphs ("The City reserves the right to ...", "this website will so indicate"): words the duty
# prescribes, which bind no one as they stand, up to the next labelled provision (``provisions.statute_duties``).
# So does RCW 70.02.120(1)'s "shall create a \"notice of information practices\" that contains substantially the
# following:" over the notice's quoted words ("You may ask us to see and copy that record.").
PRESCRIBED_FORM = re.compile(r"\bthe\s+following\s+(?:[\w’'-]+\s+){0,4}?(?:policy|statement|notice|disclaimer|legend|"
                             r"wording|text|terms(?:\s+of\s+use)?)\b[^:.;]{0,80}:\s*$|"
                             r"\b(?:contains?|reads?|be|is|in)\s+substantially\s+(?:as\s+follows|the\s+following"
                             r"(?:\s+form)?)\s*:\s*$", re.I)
