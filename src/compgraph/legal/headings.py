"""Which lines of a statute are headings: a section's number and title in every drafting style met so far, an annex,
a grouping (Chapter, Part, Title), and the catchline tests (``is_title``, ``long_title``).

Pure functions of one line, split from ``statute`` (which reads the lines in order and keeps the state): a heading
read here is where a citation starts, so a line wrongly taken for one loses the end of a duty.
May import: ``compgraph.legal.furniture``.
"""

from __future__ import annotations

import re

from compgraph.legal.furniture import QUESTION
from compgraph.legal.furniture import VERB as _VERB

__all__ = ["CODE_INITIALS", "heading_of", "is_title", "long_title", "principle_cite", "principle_clause",
           "principle_name"]

# A charter numbers its articles and sections in Roman numerals ("Article III: Mayor", "Section III-5: Duties").
# Japan's acts number an article inserted after Article 16 "Article 16-2" (a branch number, not a range).
_ARTICLE = re.compile(r"^(?:Article|ARTICLE|Art\.)[ \t]+(\d+(?:-\d+)?[a-z]?|[IVXLC]+)\b[ \t]*[-–—:.]?[ \t]*(.*)$")
# The District of Columbia's code prints the dash in a section number as an en dash ("§ 1–204.22. Powers and
# duties."), as an enrolled Maryland bill does; Virginia numbers a section inserted after another with a colon
# ("§ 6.15:3. School buildings ...", after § 6.15). Both are parts of the number (cited "1-204.22", "6.15:3").
_SECTION = re.compile(
    r"^(?:§§?|Sec\.|SEC\.|Section|SECTION)[ \t]*([IVXLC]+-\d+[\w.-]*?|\d+(?:[\w.-]|[–:](?=\d))*?)[.:]?"
    r"(?:[ \t]+[-–—:.]?[ \t]*(.*))?$"
)
# "4 7-18-3206. Data protection assessments.": OCR split the first part of a three-part number.
# Colorado numbers an article inserted between two others with a decimal, and a section likewise: "16-20.5-101.5.".
_CODE_SECTION = re.compile(r"^(\d+(?:-\d+(?:\.\d+)?[a-z]?){1,3}|\d{1,2} \d{1,2}(?:-\d+[a-z]?){2,3})\.?[ \t]+(.*)$")
# California-style code sections: "22757.12. Frontier AI Framework Requirements" (three or more digits, so a
# numbered paragraph "1. ..." never reads as one); any number under a Markdown heading.
# A municipal code's three-part numbers ("2.126.030 – Data Accessibility") are sections too, and so are those of a
# code whose chapters carry a letter ("715D.4 Data controller duties.", as Iowa and Minnesota number them).
# Nevada's and Oregon's publishers set the code's initials before the number ("NRS 432B.405 Organization of child
# death review teams."), which the citation leaves out (432B.405(1)).
CODE_INITIALS = r"(?:[A-Z]{2,4}[ \t]+)?"
_INITIALLED_NUMBER = re.compile(r"[A-Z]{2,4}[ \t]+\d")
_DOTTED_SECTION = re.compile(r"^" + CODE_INITIALS + r"(\d{3,}[A-Z]{0,2}(?:\.\d+[a-z]?)+|\d+(?:\.\d+[a-z]?){2,})"
                             r"\.?[ \t]+(?:[-–—][ \t]*)?([A-Z].*)$")
# California's code page (leginfo) sets a section's number alone on its line, its catchline on the next: "1798.100."
# (three or more digits before the point and a closing full stop, so neither a paragraph "1." nor a year reads as one).
# A five-digit number has no point of its own ("22575.", the Online Privacy Protection Act's section as the page's
# Markdown sets it): longer than a year or a paragraph's number.
_BARE_CODE_SECTION = re.compile(r"^(\d{3,}(?:\.\d+[a-z]?)+|\d{5})\.$")
# A state code's section number with a dash, alone on its line as an enrolled bill sets it ("2–503.", "2-503."),
# its subsections on the lines below.
_BARE_DASHED_SECTION = re.compile(r"^(\d{1,3}[A-Z]?[-–]\d{2,4}(?:\.\d+)?)\.$")
# A national standard's clauses, as a schedule to an act prints them: "4.1 Principle 1 — Accountability" over the
# principle's statement, then its clauses numbered on a line of their own ("4.1.1", the text below).
# An appendix numbers its clauses after its letter ("A.2.5.4.1", a Treasury Board directive's mandatory procedures).
_DECIMAL_CLAUSE = re.compile(
    r"^((?:[A-Z]\.)?\d{1,3}(?:\.\d{1,3}){1,3})"
    r"(?:[ \t]+([A-Z][^.;:]{0,60}?[ \t][—–-][ \t]*[A-Z][^.;:]*))?$"
)
# A schedule of principles: "1  Australian Privacy Principle 1--open and transparent management of personal
# information", New Zealand's "Information privacy principle 5". A principle is cited by the initials of its name
# and its number ("APP 1", "IPP 5"), as the act itself abbreviates it ("APP entity") and lawyers cite it; the section's
# id has no space ("APP1"), its citation has (``statute``).
_PRINCIPLE = re.compile(
    r"^(?:\d{1,3}[A-Z]?[ \t]+)?((?:[A-Za-z]+[ \t]+){1,3})[Pp]rinciple[ \t]+(\d{1,3})\b[ \t]*(?:--|[—–:.-])?[ \t]*(.*)$"
)
# A municipal code's section number with one decimal and its catchline in capitals ("3.72 PUBLIC ACCESSIBILITY TO
# MUNICIPAL DATA SETS."): a heading, as the three-part numbers above are; no paragraph is written in capitals.
_CAPITALS_SECTION = re.compile(r"^(\d{1,3}\.\d{1,3}[A-Z]?)\.?[ \t]+"
                               r"([A-Z][A-Z0-9,'’&()-]*(?:[ \t]+[A-Z0-9,'’&()-]+)+\.?)$")
# An IT or records policy numbers its sections with one decimal ("1.0 Purpose and Benefits", "4.1 Use of AI", "4.10
# Intellectual Property") on a line of their own, in Title Case, at most eight words, with no verb or closing stop: a
# heading, as a code's "3.72 PUBLIC ACCESSIBILITY ..." is (a sentence a line break left starting with "2.5" goes on
# in lower case or with a verb).
_SMALL_WORDS = r"(?:and|of|or|the|to|for|in|on|a|an|by|with|&)"
_POLICY_SECTION = re.compile(r"^(\d{1,2}\.\d{1,2})[ \t]+([A-Z][\w’'-]*(?:,?[ \t]+(?:[A-Z][\w’'-]*|" + _SMALL_WORDS
                             + r")){0,7})[ \t]*$")
# A charter's section number with two decimals and a catchline of Title Case phrases, each closed by a full stop
# ("3.01 Appointment. Qualifications. Compensation.", "4.10 Treasurer/Fiscal Director. Powers and Duties."), on a
# line of its own: a heading (no sentence is a run of capitalised phrases without a verb).
_PHRASES_SECTION = re.compile(r"^(\d{1,2}\.\d{2})[ \t]+((?:[A-Z][\w’'/-]*(?:[ \t]+(?:[A-Z][\w’'/-]*|" + _SMALL_WORDS
                              + r")){0,7}\.[ \t]*){1,4})$")
_MARKED_SECTION = re.compile(r"^(\d+(?:[.-]\d+[a-z]?)*)\.[ \t]+([A-Z].*)$")
# A council's rules of procedure number rules as an act numbers its sections ("Rule 11. Agenda Deadline", "Rule 33A.",
# cited "Rule 37"): a rule is a section. The full stop after the number is required, so a sentence that a line break
# left starting with a citation ("Rule 11 shall also apply ...") stays a sentence.
_RULE = re.compile(r"^(?:Rule|RULE)[ \t]+(\d{1,3}[A-Z]?)\.(?:[ \t]+(.*))?$")
# A policy's appendix is lettered ("Appendix A – Acceptable and Unacceptable use of AI Examples").
_ANNEX = re.compile(r"^(?:ANNEX|Annex|(?=APPENDIX|Appendix)\w+(?=[ \t]+[A-Z]\b))[ \t]+([IVXLC]+|\d+|[A-Z])\b"
                    r"[ \t]*[-–—:.]?[ \t]*(.*)$")
# A Markdown heading of a section's number and its catchline, no full stop: New Zealand's reprints ("9 Unsolicited
# commercial electronic messages must not be sent"); a heading, so the catchline's verb states no duty.
NUMBERED_CATCHLINE = re.compile(r"^(\d{1,3}[A-Z]{0,3})[ \t]+([A-Z][^.;:]*)\.?$")
# A checklist's copy of a schedule: "### 1) Use of medical devices not to compromise ...", "#### 7.1) Choice of
# materials": the clause's number closed by a parenthesis, then its catchline.
PAREN_CATCHLINE = re.compile(r"^(\d{1,3}(?:\.\d{1,3})?)\)[ \t]+([A-Z][^.;:]*)$")
_CAPITALS_SEC = re.compile(r"^(?:SEC\.|SECTION)[ \t]*\d+[A-Z]?\.[ \t]+[A-Z][A-Z0-9 ,;:'’&()—–-]+\.?$")
_QUESTION = re.compile(QUESTION, re.I)
_CITED_LABEL = re.compile(r"\((?:\d{1,3}[a-z]?|[a-z]{1,4})\)")
_GROUPING = re.compile(r"^(?:CHAPTER|Chapter|TITLE|Title|PART|Part|SUBSECTION)[ \t]+[IVXLC\d]+\b")


def numbered_catchline(line: str) -> bool:
    """Whether a Markdown heading's words are a section's number and catchline ("17 Requirement to ...")."""
    return _catchline(line) is not None


def _catchline(line: str) -> re.Match[str] | None:
    """The number and catchline of such a heading (groups 1 and 2), or None."""
    paren = PAREN_CATCHLINE.match(line)
    if paren:
        return paren
    numbered = NUMBERED_CATCHLINE.match(line)
    # not "1  Australian Privacy Principle 1--open ...": a principle, cited by its initials
    return numbered if numbered is not None and _PRINCIPLE.match(line) is None else None


def heading_of(line: str, marked: bool = False) -> tuple[str, str, str] | None:
    """("section"|"annex"|"group", number, title) for a heading line, else None; ``marked``: the line was a
    Markdown heading, where a bare code number ("#### 22757.12. Title", "#### 1107. Definitions") is one."""
    # The eCFR's catchlines run long ("§ 312.3 Regulation of unfair or deceptive acts or practices in connection
    # with the collection, use, and/or disclosure of personal information from and about children on the internet.").
    # So do Nevada's ("NRS 432B.409 Establishment, composition and duties of Executive Committee ...; creation of
    # and use of money in Review of Death of Children Account.").
    # So does a slip law's capitals catchline ("SEC. 1303. REGULATION OF UNFAIR AND DECEPTIVE ACTS AND PRACTICES IN
    # CONNECTION WITH THE COLLECTION AND USE OF PERSONAL INFORMATION FROM AND ABOUT CHILDREN ON THE INTERNET."): no
    # sentence is written in capitals.
    if len(line) > (240 if line.startswith("§") or _INITIALLED_NUMBER.match(line) or _CAPITALS_SEC.match(line)
                    else 160):
        return None
    for kind, rx in (("section", _ARTICLE), ("section", _SECTION), ("section", _RULE), ("annex", _ANNEX)):
        m = rx.match(line)
        # "Annex V by updating the content ...", "Article 6(1) of Regulation ...", "Annex IV, where necessary, to
        # ensure ...": a sentence that a line break left starting with a reference (to a paragraph or point, when a
        # label follows the number; a comma and a word in lower case go on with the sentence). A semicolon or a
        # comma right after the number goes on with a list of citations ("Article 72-58; Article 317; or Article 325
        # of the Local Tax Act ...", a wrapped line of a Japanese act): no title starts with one.
        rest = (m.group(2) or "") if m else ""
        if m and (rest[:1].islower() or _CITED_LABEL.match(rest) or re.match(r"[,;]", rest)):
            continue
        if m and not (m.group(2) or "").rstrip().endswith((";", ",")) and not _VERB.search(m.group(2) or ""):
            return kind, m.group(1).replace("–", "-"), (m.group(2) or "").strip()
    # a reprint's "17 Requirement to ..." (``nz_reprints``)
    if marked and (nz := _catchline(line)):
        return "section", nz.group(1), nz.group(2).strip()
    m = _CODE_SECTION.match(line) or _DOTTED_SECTION.match(line) or (_MARKED_SECTION.match(line) if marked else None)
    # A Markdown heading that asks a question ("## 2. Who Should Use This Document?") is a heading despite its verb.
    if m and (not _VERB.search(m.group(2)) or (marked and _QUESTION.match(m.group(2)))):
        return "section", m.group(1).replace(" ", ""), m.group(2).strip()
    bare = _BARE_CODE_SECTION.match(line) or _BARE_DASHED_SECTION.match(line)
    if bare:
        return "section", bare.group(1).replace("–", "-"), ""
    principle = _PRINCIPLE.match(line)
    if principle and not _VERB.search(principle.group(3)):
        initials = "".join(word[0].upper() for word in principle.group(1).split())
        return "section", f"{initials}P{principle.group(2)}", principle.group(3).strip()
    capitals = _CAPITALS_SECTION.match(line)
    if capitals:
        return "section", capitals.group(1), capitals.group(2).strip()
    policy = _POLICY_SECTION.match(line)
    if policy and not _VERB.search(policy.group(2)):
        return "section", policy.group(1), policy.group(2).strip()
    phrases = _PHRASES_SECTION.match(line)
    if phrases and not _VERB.search(phrases.group(2)):
        return "section", phrases.group(1), phrases.group(2).strip()
    clause = _DECIMAL_CLAUSE.match(line)
    if clause and not _VERB.search(clause.group(2) or ""):
        return "section", clause.group(1), (clause.group(2) or "").strip()
    group = _GROUPING.match(line)
    rest = line[group.end() :].strip() if group else ""
    # "Chapter 2 of this Regulation.", "Part 3 (b) of Schedule 1.", "Part 2 (as amended) of the Act.": a citation that
    # a line break left at the start of a line, as above.
    if group and not re.match(r"\(?[a-z]", rest) and not _CITED_LABEL.match(rest):
        return "group", "", line
    return None


def is_title(text: str) -> bool:
    """A short line without a verb or a closing full stop: a catchline, not a statement. A dash may end a heading
    ("Personal data transfers—"), but not a condition ("Subsection (2) applies if a manufacturer of a relevant
    connectable product—", "Subsection (1) applies unless---" as a Markdown reprint writes the dash: a lead-in), nor a
    subject opened by an article ("The notices issued under paragraph (1)—" over "(A) may be based upon ...", 47
    U.S.C. 1003(a)(2): the points complete it with their own verbs)."""
    dashed = re.search(r"(?:[—–]|--+)$", text) is not None
    return (
        bool(text)
        and len(text.split()) <= 12
        and not _VERB.search(text)
        and not re.search(r"[;:,]$", text)
        and not (dashed and re.search(r"\b(?:if|where|when|unless)\b", text, re.I))
        and not (dashed and re.match(r"(?:The|A|An|Each|Every|Any|Such|All)\s", text))
        and not (text.endswith(".") and len(text.split()) > 6)
    )


def long_title(text: str) -> bool:
    """The line under "Article 59", set off by a blank line: an article's title may run to 25 words ("Further
    processing of personal data for developing certain AI systems in the public interest in the AI regulatory
    sandbox"); with no verb and no closing punctuation it is no statement. Run on right under the number, a line of
    more than twelve words is not taken for a title (``is_title``)."""
    # "Additional information to be provided by providers of ...": what is to be provided leads in to a list.
    return (
        len(text.split()) <= 25
        and not _VERB.search(text)
        and not re.search(r"[.;:,]$", text)
        and not re.search(r"\bto\s+be\s+\w+ed\b", text)
    )


# A principle's clauses under its heading ("Australian Privacy Principle 1", read as section "APP1"): "1.2 An APP
# entity must ...", "11.1 If an APP entity holds ..." are each cited "APP 1.2" (id "APP1.2"), as the act cites
# "subclause 1.3". A policy's clauses under its numbered heading ("1. Purpose", read as section "1") are numbered
# the same way and cited so: "1.1 Staff shall ..." is clause 1.1, not a second sentence of section 1.
_PRINCIPLE_SECTION = re.compile(r"^([A-Z]{1,4}P)?(\d{1,3})(?:\.\d{1,3})?$")
_PRINCIPLE_CLAUSE = re.compile(r"^(\d{1,3})\.(\d{1,3})[ \t]+(?=[A-Z(])")
# New Zealand's section 6, "Information privacy principles", heads each principle "Principle 1" alone, its catchline
# on the next line: the principle is "IPP 1", the initials of the principles' name the heading above gave.
_PRINCIPLES_NAMED = re.compile(r"^(?:\d{1,3}[A-Z]?[ \t]+)?((?:[A-Za-z]+[ \t]+){1,3})principles$", re.I)
_BARE_PRINCIPLE = re.compile(r"^Principle[ \t]+(\d{1,3})$")


def principle_clause(section: str, line: str) -> tuple[str, int] | None:
    """(section id, offset of the text) of a clause "1.2 ..." of the principle ``section`` ("APP1") opens, else None."""
    principle = _PRINCIPLE_SECTION.match(section)
    clause = _PRINCIPLE_CLAUSE.match(line) if principle else None
    if principle is None or clause is None or clause.group(1) != principle.group(2):
        return None
    if not principle.group(1) and (len(clause.group(1)) > 2 or len(clause.group(2)) > 2
                                   or is_title(line[clause.end():].strip())):
        # a code's "837.310", "114.02": a section number of its own; "4.1 Use of AI": a section's heading
        return None
    return f"{principle.group(1) or ''}{clause.group(1)}.{clause.group(2)}", clause.end()


def principle_cite(section: str) -> str:
    """How a principle's section is cited ("APP 1.2" for "APP1.2"), "" for any other section."""
    principle = _PRINCIPLE_SECTION.fullmatch(section)
    return f"{principle[1]} {section[len(principle[1]) :]}" if principle and principle[1] else ""


def principle_name(line: str) -> tuple[str, str | None]:
    """("IPP", None) for a heading "Information privacy principles"; ("", "5") for a bare "Principle 5"; else ("",
    None)."""
    named = _PRINCIPLES_NAMED.match(line)
    if named:
        return "".join(word[0].upper() for word in named.group(1).split()) + "P", None
    bare = _BARE_PRINCIPLE.match(line)
    return "", bare.group(1) if bare else None
