"""Where a statute's section opens on a line that also carries its text: a section number run in before its
first paragraph ("6-1-1702. Developer duty ... (1) ON AND AFTER", "Sec. 2. The Director shall", "8. (1) A Data
Fiduciary shall", "Article 4 The provision ..."), a policy's Roman-numbered heading ("II. Effective Date"), a
catchline alone above a bare section number, and whether a number goes on from the current section.

Split from ``statute`` (which joins the lines and keeps the stack of open labels): this module reads section
numbering only. It sees the parser through ``Numbering``, the few fields it reads and sets, so it does not
import ``statute`` back.
"""

from __future__ import annotations

import re
from typing import Protocol

from compgraph.legal.furniture import VERB as _VERB
from compgraph.legal.headings import CODE_INITIALS, is_title, long_title, principle_clause
from compgraph.legal.inline import roman_value
from compgraph.legal.labels import BARE_SECTION

__all__ = ["DUTY_WORD", "Numbering", "ascends", "catchline_above_section", "follows", "roman_heading",
           "run_in_heading", "DASHED_NUMBER"]


class Numbering(Protocol):
    """What the section-number rules read from (and set on) the statute parser."""

    section: str
    title: str
    title_above: str
    numbered: bool
    bare_numbers: bool
    gazette_numbers: bool
    next_roman: int
    lines: list[str]

    def mid_sentence(self, next_word: int = 0) -> bool: ...


DUTY_WORD = re.compile(r"\b(?:shall|must|may|should)\b", re.I)
_CODE_SECTION_INLINE = re.compile(
    r"^(\d+(?:-\d+[a-z]?){1,3})\.[ \t]+([A-Z][^.;:]{2,200}?)\.[ \t]+(\(\w{1,4}\)[ \t]*\S.*)$"
)
# (G.L. c. 93H: "Section 2. (a) The department ... shall adopt ...": the first subsection runs into the number; not
# "Section 1. (a) As used in this chapter, ...", whose definitions carry points "(a)" to "(c)" of their own)
_SECTION_RUN_IN = re.compile(r"^(?:§|Sec\.|SEC\.|Section|SECTION)[ \t]*(\d+[\w.-]*?)\.[ \t]+"
                             r"([A-Z].*|\((?:a|1)\)[ \t]+(?!As\s+used\b)[A-Z].*)$")
# A Connecticut public act notes between a section's number and its text that the section is new and when it takes
# effect: "Sec. 6. (NEW) (*Effective July 1, 2023*) (a) A controller shall: ..."; the notes are no part of the text.
_NOTED_SECTION_RUN_IN = re.compile(r"^(?:Sec\.|SEC\.|Section|SECTION)[ \t]*(\d+[\w.-]*?)\.[ \t]+"
                                   r"(?:\([*_]{0,2}(?:NEW|Effective\b[^()]*)\)[ \t]*)+(?=\S)")


_ROMAN_HEADING = re.compile(r"^([IVXLC]+)\.[ \t]+([A-Z][^.;:]*?)[ \t]*$")
# A title all in capitals is a heading however long, with a full stop after it or none after the number (Arlington's
# open data policy, round 49a: "VII. REQUIRE PUBLISHING METADATA DOCUMENTATION.", "IX.RESERVATIONS AND DISCLAIMERS",
# "X. FUTURE REVIEW FOR POTENTIAL CHANGES TO THIS POLICY").
_ROMAN_CAPITALS = re.compile(r"^([IVXLC]+)\.[ \t]*([A-Z][A-Z/&,'’ -]{2,120}?)\.?[ \t]*$")


def roman_heading(p: Numbering, line: str) -> tuple[str, str, str] | None:
    """("section", "III", "Procedures/Guidelines") for the next of a policy's Roman-numbered headings ("I.
    Purpose", "II. Effective Date"): short, verbless and in order, so a list's "I." after "H." is no heading."""
    m = _ROMAN_HEADING.match(line)
    if m is None or len(m.group(2).split()) > 6:
        m = _ROMAN_CAPITALS.match(line)
    if not m or roman_value(m.group(1)) != p.next_roman or len(m.group(2).split()) > 12 or _VERB.search(m.group(2)):
        return None
    p.next_roman += 1
    return "section", m.group(1), m.group(2).strip()


# "8. (1) A Data Fiduciary shall ...": an act printed as the Gazette does numbers its sections in bold before the
# first sub-section; at the margin, unlike a Markdown list's counter before an item's own label ("  1. (1)").
# A Canadian consolidation prints the number without a full stop ("12 (1) A health information custodian shall",
# "11.2 (1) Subject to ..."), so there the sub-section must open a sentence.
# Alberta's prints it against the sub-section ("5(1) An organization is responsible", "34.1(1) An organization").
# Singapore's sets a dash between them ("26.—(1) An organisation must not", "22A.—(1) Where —").
# A California bill prints the code section it amends in bold before subdivision (a): "1367.01. (a) A health ...";
# a Missouri bill before subsection 1: "375.1405. 1. Commensurate with the size ...", in a chapter of one or two
# digits too ("1.566. 1. Any private entity ..."), there with at least three digits after the point (not "1.5").
_SECTION_BEFORE_SUBSECTION = re.compile(
    r"^(?:(\d{1,3}[A-Z]?)\.[ \t]+(?=\(1\)[ \t])|"
    r"(\d{1,3}(?:\.\d{1,2})?[A-Z]?)(?:\.[ \t]*[—–][ \t]*|[ \t]*)"
    r"(?=\(1\)[ \t]+[A-Z])|(\d{3,}(?:\.\d+[a-z]?)+|\d{1,2}\.\d{3,}[a-z]?|\d+(?:-\d+[a-z]?){1,3})\.[ \t]+"
    r"(?=(?:\((?:1|a)\)|1\.)[ \t]+[A-Z]))"
)
# A Missouri bill's code section with no subsections runs its number into its only sentence: "1.567. A private entity
# shall not:", "1.569. Any person aggrieved by a violation ... shall have a right of action", "1.563. As used in
# sections 1.561 to 1.572, the following terms mean:". The number is a code section's (a chapter, a point and three
# or more digits), which no list item or decimal ("3.6. “X” means") is.
_CODE_SECTION_SENTENCE = re.compile(r"^(\d{3,}\.\d{3,}[a-z]?|\d{1,2}\.\d{3,}[a-z]?)\.[ \t]+(?=[A-Z])")


def _runs_on_in_sentence(rest: str) -> bool:
    """Whether the words after a code section's number are a sentence ("A private entity shall not:"), not its Title
    Case catchline ("1798.120. Consumers' Right to Opt-Out of Sale or Sharing of Personal Information"), which the
    heading readers take as the section's title."""
    words = [w for w in rest.split()[:6] if len(w) > 3 and w[0].isalpha()][:4]
    return any(w[0].islower() for w in words)


# legislation.gov.uk (and Singapore Statutes Online) print a regulation's catchline alone on the line above
# "10.—(1) An OES must ...": the title of the regulation the dash opens. (A Gazette's "8. (1)" or e-Laws' "12 (1)"
# keeps no title from the line above: there it is the text before, or a marginal note the reader lost.)
DASHED_NUMBER = re.compile(r"^\d{1,3}[A-Z]{0,2}\.[ \t]*[—–][ \t]*\(1\)")
# "11.1 A health information custodian shall ...": a section inserted after section 11 by a later act; "10 If an
# organization obtains ...": the next section, when it has no sub-sections.
# Singapore's: "23. An organisation must ..." after 22A, "26A. In this Part" after 26.
_INSERTED_SECTION = re.compile(r"^(\d{1,3})(\.\d{1,2}|[A-Z]{1,2})?\.?[ \t]+(?=[A-Z])")


def run_in_heading(p: Numbering, line: str, next_word: int, at_margin: bool = False) -> tuple[str, str, int] | None:
    """(number, catchline, offset of the text) of a section heading that runs on into its first paragraph:
    "6-1-1702. Developer duty to avoid algorithmic discrimination. (1) ON AND AFTER ...", "Section 1. Short
    title. This Act may be cited as ...", "SECTION 3. The Director ... shall report", "8. (1) A ... shall"."""
    clause = principle_clause(p.section, line)
    if clause and not p.mid_sentence(next_word):
        return clause[0], p.title, clause[1]
    gazette = _SECTION_BEFORE_SUBSECTION.match(line) if at_margin and not p.numbered else None
    if gazette and gazette.group(1) and re.fullmatch(r"\d+\.\d+", p.section or "") \
            and not follows(p.section, gazette.group(1), False):
        gazette = None  # "375.1405. ... 6. (1) A licensee shall": subsection 6 of a code section, not section 6
    titled = bool(p.title_above)
    title_above, p.title_above = p.title_above if DASHED_NUMBER.match(line) else "", ""
    if gazette and not p.mid_sentence(next_word):
        p.bare_numbers = p.bare_numbers or gazette.group(2) is not None
        p.gazette_numbers = p.gazette_numbers or gazette.group(1) is not None
        return gazette.group(1) or gazette.group(2) or gazette.group(3), title_above, gazette.end()
    code = _CODE_SECTION_SENTENCE.match(line) if at_margin and not p.numbered else None
    if code and not p.mid_sentence(next_word) and _runs_on_in_sentence(line[code.end():]):
        return code.group(1), title_above, code.end()
    bare_number = BARE_SECTION.match(line)  # not a policy's "4.1 The ..." (labels.BARE_SECTION)
    # A Malaysian bill numbers its sections in bold before subsection (1) ("**6. (1) A data user shall not—**"), and a
    # section with no subsections before its only sentence ("**8. Subject to section 39, no personal data shall**"):
    # once a section has opened the first way, the next number at the margin with a sentence after it opens the next.
    bare = p.bare_numbers or p.gazette_numbers or (bare_number is not None and (titled or not bare_number.group(1)))
    inserted = _INSERTED_SECTION.match(line) if at_margin and bare else None
    rest = line[inserted.end() :] if inserted else ""
    # a sentence, or a lead-in to points ("26E. Where an organisation —", Quebec's "3.6. ... “X” means")
    if (
        inserted
        and not p.mid_sentence(next_word)
        and (_VERB.search(rest) or re.search(r"\bmeans\b", rest) or rest.rstrip().endswith(("—", "–")))
        # the next section, or a later one under its catchline (an excerpt, or sections repealed between)
        and (follows(p.section, inserted.group(1), bool(inserted.group(2))) or (titled and ascends(p.section, line)))
    ):
        return line[: inserted.end()].strip().rstrip("."), "", inserted.end()
    inline = _CODE_SECTION_INLINE.match(line)
    if inline and not DUTY_WORD.search(inline.group(2)):
        return inline.group(1), inline.group(2).strip(), inline.start(3)
    rule = _RULE_RUN_IN.match(line) if at_margin else None
    if rule and not p.mid_sentence(next_word) and _later_rule(p.section, rule.group(1)):
        return rule.group(1), "", rule.end()
    catchline = (_CATCHLINE_RUN_IN.match(line) or _LETTERED_CODE_SECTION.match(line)) if at_margin else None
    if catchline and not _VERB.search(catchline.group(2)) and not p.mid_sentence(next_word):
        return catchline.group(1), catchline.group(2).strip(), catchline.end()
    noted = _NOTED_SECTION_RUN_IN.match(line)
    if noted and not p.mid_sentence(next_word):
        return noted.group(1), "", noted.end()
    run_in = _SECTION_RUN_IN.match(line)  # the next section opens even after a comma ("... justice courts," Sec. 21)
    nxt = run_in is not None and run_in.group(1).isdigit() and follows(p.section, run_in.group(1), False)
    text = _run_in_text(run_in) if run_in and (nxt or not p.mid_sentence(next_word)) else None
    if run_in and text:
        return run_in.group(1), *text
    article = _ARTICLE_RUN_IN.match(line)
    # The words must be a sentence (a verb, or a full stop: "Article 5 Encourages the innovative application ...
    # ecosystem."), not a long title ("Article 2 Requirements for the documentation ... alike").
    if (
        article
        and not p.mid_sentence(next_word)
        and not is_title(article.group(2))
        and (_VERB.search(article.group(2)) or re.search(r"[.;:]$", article.group(2)))
        and ascends(p.section, article.group(1))
    ):
        return article.group(1), "", article.start(2)
    return None


# An administrative code numbers its rules by chapter, division and rule ("166-017-0035", Oregon's OAR), and a copy
# of the rules may run the number, the catch line and the first sentence together with no full stop between them
# ("166-017-0035 Digitization Standards Agency electronic records systems ... must meet the following ...:"): where
# the catch line ends cannot be told, but the number opens the rule when it comes after the rule before.
_RULE_RUN_IN = re.compile(r"^(\d{2,3}-\d{2,4}-\d{3,4})[ \t]+(?=[A-Z])")


def _later_rule(section: str, number: str) -> bool:
    """Whether ``number`` is a later rule of the same numbering as ``section`` ("166-017-0035" after
    "166-017-0025"), so that a paragraph opening by citing an earlier rule stays a paragraph."""
    if not _RULE_RUN_IN.match(section + " X"):
        return False
    return tuple(map(int, number.split("-"))) > tuple(map(int, section.split("-")))


# The Oregon Revised Statutes run a section's number and its catchline, whose parts a semicolon separates, into its
# first paragraph with no full stop after the number: "838.030 Officers of board; vacancies; rules of procedure. (1) At
# its first meeting ...", "838.040 Powers of district. A district may establish ...". A chapter number of two to four
# digits (a letter after it: "646A.578") and a section of two to four, so a paragraph "1.5 ..." or a year is no
# section; the catchline has no verb and the text after it opens a sentence or a subsection.
_CATCHLINE_RUN_IN = re.compile(
    r"^" + CODE_INITIALS + r"(\d{2,4}[A-Z]?\.\d{2,4}[a-z]?)[ \t]+([A-Z][^.:()]{1,240}?)\.[ \t]+"
    r"(?=\((?:1|a)\)[ \t]+[A-Z]|[A-Z][a-z]*[ \t]+\w)"
)
# New Hampshire's RSA numbers a section by its chapter, a letter and a colon ("21-R:12 Metrics; Inventory ... .
# Each state agency shall ...", "21-R:11 Use of Open Source Software by State Agencies." alone on its line), its
# session laws by chapter and section ("5:1 Statement of Purpose and Findings."), and a bill inserting sections
# into a code letters them for the revisor ("527-B Electronic data set availability; updates. (a) Each ...", Hawaii's
# §27-B as printed): the same run-in catchline as Oregon's, or a catchline alone on the heading's line.
_LETTERED_CODE_SECTION = re.compile(
    r"^(\d{1,3}-[A-Z]{1,2}:\d{1,4}(?:-[a-z])?|\d{1,3}:\d{1,3}|\d{1,4}-[A-Z])[ \t]+([A-Z][^.:()]{1,240}?)\."
    r"(?:[ \t]*$|[ \t]+(?=\((?:1|a)\)[ \t]+[A-Z]|[A-Z][a-z]*[ \t]+\w))"
)
# "Article 4 The provision and use of ... shall comply with ...", "Article 17: Those who provide ...": a translated
# regulation (China's, Japan's) runs its article number into the first paragraph, with no full stop or title.
_ARTICLE_RUN_IN = re.compile(r"^(?:Article|ARTICLE)[ \t]+(\d+(?:-\d+)?[a-z]?):?[ \t]+([A-Z(].*)$")


def catchline_above_section(p: Numbering, line: str, i: int) -> bool:
    """In an act printed with bare section numbers (e-Laws, BC Laws), a short unpunctuated line right above a later
    section's number is that section's catchline, even with a modal verb in it ("Circumstances in which request may
    be made" above "26 An individual may make a request ...").

    A converter's Markdown of Alberta's Health Information Act puts a long verbless catchline ("Duty to collect, use
    or disclose health information with highest degree of anonymity possible", fourteen words) over a list item
    "- 57(1) In this section, ...": set off by a blank line, it is that section's catchline too."""
    after = next((x.strip() for x in p.lines[i + 1 :] if x.strip()), "")
    if not p.bare_numbers and long_title(line) and line[:1].isupper() \
            and i + 1 < len(p.lines) and not p.lines[i + 1].strip():
        item = re.sub(r"^[-*•][ \t]+", "", after)
        return _SECTION_BEFORE_SUBSECTION.match(item) is not None and ascends(p.section, item)
    if not p.bare_numbers or len(line.split()) > 12 or not line[:1].isupper() or re.search(r"[.;:,—–-]$", line):
        return False
    opens = _INSERTED_SECTION.match(after) or _SECTION_BEFORE_SUBSECTION.match(after)
    return opens is not None and ascends(p.section, after)


def ascends(section: str, number: str) -> bool:
    """Whether article ``number`` comes after ``section`` (the first article, a later one, or a branch of the
    current one: "16-2" after 16), so that a paragraph that opens by citing an article stays a paragraph."""
    current, new = re.match(r"\d*", section).group(0), re.match(r"\d+", number).group(0)  # type: ignore[union-attr]
    return not current or int(new) > int(current) or (int(new) == int(current) and "-" in number)


def follows(section: str, base: str, decimal: bool) -> bool:
    """Whether a bare number goes on from ``section``: its insert ("11.1" after 11, "26A" after 26, or first in an
    excerpt: Quebec's "3.1." under its division) or the next section ("23" after 22A)."""
    current = re.match(r"\d*", section).group(0)  # type: ignore[union-attr]  # matches any string
    if decimal:
        return current in ("", base)
    return current.isdigit() and int(base) == int(current) + 1


def _run_in_text(m: re.Match[str]) -> tuple[str, int] | None:
    """(catchline, offset of the first paragraph) of a section heading that runs on into its text, else None.

    A short verbless catchline ("Short title.", "Definitions.") may come between the number and the text; the
    text must be a sentence ("This Act may be cited ...", "As used in this Act:"), so "SEC. 22D.2. CAPITALS."
    and "Section 10. Open operating standard." stay plain headings (an order's catchline before "(a)" runs to 16 words).
    The line may end mid-sentence ("SECTION 3. The Director shall report ..., " then "and on its costs."): still its."""
    rest, at = m.group(2), m.start(2)
    # New York's bills run a code section's catchline into its first subdivision ("§ 402. USE OF AUTOMATED
    # DECISION-MAKING SYSTEMS BY AGENCIES. 1. NO" / "STATE AGENCY ...") and wrap the line right after: the words
    # after the catchline are the text however few, where the line breaks off mid-sentence.
    catch = re.match(r"([A-Z][^.;:]{0,160}?)\.[ \t]+(?=(\(a\)[ \t]|1\.[ \t]+)?[A-Z(])", rest)
    if catch and len(catch.group(1).split()) <= 8 + 8 * bool(catch[2]) and not _VERB.search(catch.group(1)):
        text = rest[catch.end() :]
        if len(text.split()) >= 3 or (text.strip() and not re.search(r"[.;:]\s*$", text)):
            return catch.group(1).strip(), at + catch.end()
    if len(rest.split()) >= 4 and _VERB.search(rest):
        return "", at
    return None


