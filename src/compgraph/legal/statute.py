"""The structure of a statute: its articles or sections, and the numbered paragraphs and points inside them.

Legislation cites by structure (Art. 27(1)(b), § 13-77-103(2)(a)), so an obligation taken from a statute is
identified by where it sits, not by how many sentences precede it. ``parse_provisions`` reads every drafting
style met so far into a flat list of ``Provision`` (one per paragraph, subparagraph or point, in order):

- section headings: "Article 9" (title on the next line or after a dash, or a catchline in parentheses on the
  line above), "Article 4 The provision ..." (run into its first paragraph), "§ 13-77-103", "Sec. 2.",
  "Section 4", "13-77-103. Required disclosures.", and "ANNEX III" (whose articles are then kept apart from
  the main text's); a document with no heading at all is one section;
- labels: "1.", "(1)", "(a)", "a)", "(i)", "(I)", "(A)", several on one line ("(1) (a)"); which level a label
  is at is learnt from the order the label kinds appear in (so "(1)(a)(I)" and "1.(a)(i)" both work);
- a short line with no verb and no full stop ("Reasonable care", "(1) Reasonable care") is a heading;
- an unlabelled line after points is a new subparagraph of the enclosing paragraph; a line starting in lower
  case continues the previous one (hard-wrapped text).

The state kept while reading (open section, open labels, the last lines) and the ``Provision`` built are in
``statute_state``; this module reads the lines.
"""

from __future__ import annotations

import re

from compgraph.legal.catchlines import subheading_item
from compgraph.legal.citing import continues_citation
from compgraph.legal.furniture import VERB as _VERB
from compgraph.legal.furniture import capital_wraps, repair_typography
from compgraph.legal.headings import (
    heading_of,
    is_title,
    long_title,
    numbered_catchline,
    principle_cite,
    principle_name,
)
from compgraph.legal.inline import inline_segments
from compgraph.legal.labels import LABEL, label_kind, labels_of, letter_opens
from compgraph.legal.section_numbers import DASHED_NUMBER as _DASHED_NUMBER
from compgraph.legal.section_numbers import DUTY_WORD as _DUTY_WORD
from compgraph.legal.section_numbers import catchline_above_section as _catchline_above_section
from compgraph.legal.section_numbers import roman_heading as _roman_heading
from compgraph.legal.section_numbers import run_in_heading as _run_in_heading
from compgraph.legal.statute_state import ENDED as _ENDED
from compgraph.legal.statute_state import MARKUP as _MARKUP
from compgraph.legal.statute_state import OPEN_END as _OPEN_END
from compgraph.legal.statute_state import Parser as _Parser
from compgraph.legal.statute_state import Provision
from compgraph.legal.statute_state import goes_on_below as _goes_on_below

__all__ = ["Provision", "parse_provisions", "repair_typography"]

_RECITAL_LINE = re.compile(r"WHEREAS\b", re.I)


def parse_provisions(text: str) -> list[Provision]:
    """Every paragraph, subparagraph and point of ``text`` in order, with its section and label path."""
    p = _Parser(text)
    offsets = [0] + [m.end() for m in re.finditer("\n", text)]
    lines = text.split("\n")
    wraps = capital_wraps(lines)
    p.wrap = _wrap_width(lines)
    p.numbered = _numbers_sections(lines)
    first_text = next((i for i, ln in enumerate(lines) if ln.strip()), 0)
    for i, raw_line in enumerate(lines):
        following = lines[i + 1].split() if i + 1 < len(lines) else []
        # A line is broken at the margin when the next line's first word would not have fitted on it.
        p.wrapped_here = bool(
            p.wrap and following and len(raw_line.rstrip().expandtabs()) + 1 + len(following[0]) > p.wrap
        ) or wraps[i]
        if not raw_line.strip() or LABEL.match(raw_line.strip()):
            p.inline_point = 1  # a blank line or a labelled line ends a run of inline points
        p.before_dashed = bool(_DASHED_NUMBER.match(next((ln for ln in lines[i + 1 : i + 3] if ln.strip()), "")))
        # In a hard-wrapped text a paragraph's number may fall mid-line ("... resilience. 2. Financial entities"):
        # the next paragraph's number is carried over, as the inline points' count is.
        opened = [int(label) for kind, label in p.stack if kind == "num" and label.isdigit()][:1]
        paragraph = opened[0] + 1 if p.wrap and opened and not LABEL.match(raw_line.strip()) else None
        segments, p.inline_point = inline_segments(raw_line, p.inline_point if p.wrap else 1, paragraph)
        segments = _first_subdivision(p, segments)
        for seg_start, raw in segments:
            _read_line(p, raw, offsets[i] + seg_start, i, first_text)
        _close_quote(p, raw_line)
    _link(p.out)
    # A bill that adds sections to a code ("SECTION 2. Chapter 2 ... is amended by adding ... Sec. 2-_.2",
    # "Section 1." before "23-502") has sections of its own; a lawyer cites those as "Section 3" of the bill,
    # apart from the code's numbers, which is only needed where the code's numbers are not plain integers.
    if p.bill_sections and (p.quoted or any(re.search(r"[-._]", prov.section) for prov in p.out)):
        for prov in p.out:
            if prov.section in p.bill_sections:
                prov.cite = f"Section {prov.section}"
    for prov in p.out:
        annex = _ANNEX_ID.fullmatch(prov.section)
        if annex and not prov.cite:
            prov.cite = f"Annex {annex[1]}" + (f", Section {annex[2]}" if annex[2] else "")
        if not prov.cite:
            prov.cite = principle_cite(prov.section)
    return p.out


# An annex is cited by name, its section where it has sections, then its item and point: "Annex IV, 2(b)",
# "Annex XI, Section 2, 1" (the ids stay "AnnexXI-2").
_ANNEX_ID = re.compile(r"Annex([IVXLC]+|\d+)(?:-(\w+))?")


# "§ 899-aa. Notification; person without valid authorization has" then "acquired private information. 1. As used
# in this section, ...": a catchline long enough to wrap, and the first subdivision run on after it.
_FIRST_SUBDIVISION = re.compile(r"(?<=[a-z]\.)[ \t]+(?=1\.[ \t]+[A-Z])")


def _first_subdivision(p: _Parser, segments: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``segments`` with the last cut before a run-on "1." where the line goes on with the catchline of a section
    opened on the line before (its text so far states nothing: no modal verb, no full stop)."""
    cur = p.current
    if (
        len(segments) != 1
        or cur is None
        or cur.path
        or cur.labels
        or cur.section != p.section
        or _DUTY_WORD.search(cur.text)
        or "." in cur.text
    ):
        return segments
    start, line = segments[0]
    m = _FIRST_SUBDIVISION.search(line)
    if not m or _DUTY_WORD.search(line[: m.start()]):
        return segments
    return [(start, line[: m.start()]), (start + m.end(), line[m.end() :])]


def _note_bill_section(p: _Parser, line: str) -> None:
    # New York's bills word only the first ("Section 1. Short title.") and sign the rest ("§ 3. Disclosure of
    # existing ..."), between the code's sections they add ("§ 401.", "§ 899-EE."): the next number is the bill's.
    # (A worded "SECTION 401." of the article's table of contents is not in the run 1, 2, 3 of the bill's own.)
    signed = re.match(r"§[ \t]*(\d+)\.", line)
    numbers, expected = {int(x) for x in p.bill_sections if x.isdigit()}, 1
    while expected in numbers:
        expected += 1
    signed_next = bool(signed and expected > 1 and int(signed.group(1)) == expected)
    if signed_next:
        p.bill_sections = {x for x in p.bill_sections if not x.isdigit() or int(x) < expected}
        p.quoted = True  # its sections stand apart from the code's, as after a closing quote
    if (re.match(r"(?:Section|SECTION|Sec\.|SEC\.)[ \t]*\d+\b(?![-.]\d)", line) or signed_next) and p.section.isdigit():
        p.bill_sections.add(p.section)
        p.bill_section = (p.section, p.title)


def _close_quote(p: _Parser, line: str) -> None:
    """After the closing quotation marks of the code text an amending act inserts ("... of the United States.''."),
    the act's own section goes on ("(b) MAJOR INCIDENT.—The Director ... shall—" is Section 2(b), not 3558(b))."""
    if p.bill_section is None or p.section in p.bill_sections or not re.search(r"(?:''|”)[.;][ \t]*$", line):
        return
    p.section, p.title = p.bill_section
    p.stack, p.current, p.quoted = [], None, True


_WORDED_SECTION = re.compile(r"(?:SECTION|Section|SEC\.|Sec\.)[ \t]*\d+\.[ \t]")


def _numbers_sections(lines: list[str]) -> bool:
    """A bill with no section headings numbers its sections "1.", "2.", ... ("**4\\.** a. A Chief Data Officer
    shall ..."): true when no line is a heading and the first labelled line is "1."."""
    first = None
    for ln in lines:
        line = ln[_MARKUP.match(ln).end() :].strip()  # type: ignore[union-attr]  # the pattern matches any line
        # (nor does a bill whose sections say so: "SECTION 1. ...", then "1. In alphanumeric form ..." is a point)
        if line and (heading_of(line) is not None or _WORDED_SECTION.match(line)):
            return False
        if first is None and line and LABEL.match(line):
            first = line
    return first is not None and re.match(r"1\.[ \t]", first) is not None


def _wrap_width(lines: list[str]) -> int:
    """The margin of a hard-wrapped text, or 0: a legislature's plain text (Illinois's breaks every line near
    column 64) has most lines close to one width, where Markdown or HTML has a line per paragraph."""
    widths = sorted(len(ln.rstrip().expandtabs()) for ln in lines if ln.strip())
    if len(widths) < 20:
        return 0
    if sum(w > 120 for w in widths) <= len(widths) // 50:
        widths = [w for w in widths if w <= 120]  # a print under a few long lines of a page's header
    margin = widths[(len(widths) * 98) // 100]
    near = sum(1 for w in widths if w >= 0.8 * margin)
    return margin if margin <= 120 and near >= len(widths) / 2 else 0


_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+$")


def _read_line(p: _Parser, raw: str, offset: int, i: int, first_text: int, after_number: bool = False) -> None:
    """One physical (or inline-cut) line into the parser state: a heading, a title, a labelled provision,
    a continuation or a new subparagraph. Long because it is the one place a line is told apart from the others:
    each reading it may have is tried in order, and the first that fits takes it."""
    lead = _MARKUP.match(raw)
    pos = lead.end() if lead else 0
    line = raw[pos:].rstrip()
    if not raw.strip():
        p.blank = True
        return
    if not line:  # a bare heading or list marker ("# ", left of a PDF table's "# of Applicants") says nothing
        return
    if _HISTORY_NOTE.match(line):  # a paragraph that is only the section's history: no words of the law
        p.blank = True
        return
    blank_before, p.blank = p.blank, False
    if _page_number(p, line, i, blank_before):
        p.blank = True
        return
    p.line_raw = len(raw.rstrip().expandtabs())
    start = offset + pos
    marked = bool(lead and lead.group(0).strip())
    next_word = len(line.split()[0])
    hashed = "#" in (lead.group(0) if lead else "")
    # a reprint's "##### 11 Commercial electronic messages must contain ...": a heading, not a section run in
    run_in = None if hashed and numbered_catchline(line) else _run_in_heading(p, line, next_word,
                                                                              at_margin=raw[:1] not in " \t")
    if run_in is not None:
        number, catchline, rest = run_in
        p.open_section(number, catchline or p.catchline)
        p.catchline = ""
        _note_bill_section(p, line)
        p.expect_title = False
        _read_line(p, " " * (pos + rest) + line[rest:], offset, i, first_text, after_number=True)
        return
    if _principle_line(p, line) or _heading_line(p, line, hashed, marked, next_word):
        return
    if _aside(p, line) or _catchline(p, line) or _completes_citation(p, line, next_word) or (
            p.current is not None and not p.current.heading and subheading_item(p.lines, i, p.current.text)):
        return
    if p.expect_title and not p.wrapped_here and (is_title(line) or (blank_before and long_title(line))) \
            and not (LABEL.match(line) and _goes_on_below(p, i)):  # ("(1) Any ... designated" over "facilities ...")
        p.title, p.expect_title = line, False
        return
    p.expect_title = False
    _resume_capitals(p, line)
    labels, after = labels_of(line, p.stack)
    _lost_article(p, labels)
    bullet = not labels and bool(labels := _bullet_label(p, lead))
    body = line[after:].strip()
    cur = p.current
    if not labels and body[:1].islower() and _after_point(p, line, body, start + after, i, next_word):
        return
    if not labels and cur is not None and not cur.heading and re.fullmatch(r"(?:and|or)", body, re.I):
        cur.text = f"{cur.text} {body}"  # "...; OR CONNECTED DEVICE;" then "AND" alone: the margin left it over
        return
    # A recital opens its own paragraph ("...; and", a blank line, then "WHEREAS, ..."): it goes on with no sentence.
    recital = blank_before and bool(_RECITAL_LINE.match(line))
    if not labels and cur is not None and not cur.heading and _OPEN_END.search(cur.text) and not recital:
        cur.text = f"{cur.text} {body}"  # the sentence broke off after "AND" (a page break): any line goes on
        return
    # After a blank line, a capitalised line with a duty of its own is a new paragraph even when the one before
    # ran long without a full stop (an HTML paragraph "... the Mayor shall appoint a CDO for the City and County
    # of San Francisco", then "The CDO shall be responsible ...").
    # (Not in a text set in capitals, where every line opens with one: "... AND THAT THE COVERED", a page break, then
    # "USER MAY DECLINE WITHOUT ..." goes on with the sentence.)
    new_paragraph = recital or (blank_before and line[:1].isupper() and bool(_DUTY_WORD.search(line))
                                and not line.isupper())
    if not labels and not marked and p.mid_sentence(next_word) and not new_paragraph:
        p.extend(body, len(line))
        return
    open_end = cur is not None and not re.search(r"[.:;]$", cur.text)
    continues = cur is not None and not cur.heading and open_end and body[:1].islower()
    # A justified page's margin reads wide ("... a telecommunications carrier who installs" then "Category II designated
    # telecommunications facilities set forth in Article 34" then "paragraph (2) earned ..."): a line between an open
    # sentence and a line going on in lower case is that sentence's.
    if not labels and not marked and open_end and cur is not None and not cur.heading and p.wrap \
            and _goes_on_below(p, i):
        p.extend(body, len(line))
        return
    if not labels and cur is not None and not cur.heading and cur.text.endswith(":") and _WEB_ADDRESS.match(body):
        # "... established by the National Institute of Standards and Technology ... at:", then "http://www.time.gov."
        # on the next line: the address ends the sentence, it is no title and no paragraph of its own.
        p.extend(body, len(line))
        return
    # The words a section number runs into are its text, however short ("26E. Where an organisation —").
    if (
        not labels
        and not continues
        and not p.wrapped_here
        and not after_number
        and not _goes_on_below(p, i)
        and (is_title(line) or ((i == first_text or blank_before and p.before_dashed) and not _DUTY_WORD.search(line))
             or (blank_before and _catchline_above_section(p, line, i)))
    ):
        if not p.headed and i != first_text:
            p.title = line  # a sentence-case heading in a document without numbered sections
        p.title_above = line if blank_before or i == first_text else ""
        return
    if (
        not labels
        and cur is not None
        and not cur.heading
        and (
            (re.match(r"[a-z]", body) and (open_end or (cur.text.endswith(";") and not marked)))
            or (open_end and not marked and body.isupper() and re.search(r"[\w,]$", cur.text))
        )
    ):
        # A hard-wrapped line continues its sentence: one starting in lower case (also after a semicolon: "(a)
        # ... criteria; the priority access shall not preclude ..." is still point (a), as no subparagraph
        # starts in lower case), or, in a statute set in capitals, an unmarked line after a sentence cut off
        # mid-way (by a page break).
        p.extend(body, len(line))
        return
    _add_labelled(p, line, after, labels, bullet, body, start + after, i)


def _page_number(p: _Parser, line: str, i: int, blank_before: bool) -> bool:
    """A PDF text layer's page number: a bare number alone between blank lines (or before the next page's form feed)
    inside a sentence that has not ended ("... regarding the consumer's", a page break, "request, then ...")."""
    below = p.lines[i + 1] if i + 1 < len(p.lines) else ""
    cur = p.current
    return (bool(re.fullmatch(r"\d{1,4}", line)) and blank_before and (not below.strip() or below.startswith("\f"))
            and cur is not None and not cur.heading and _ENDED.search(cur.text) is None)


def _principle_line(p: _Parser, line: str) -> bool:
    """Note the initials of a heading "Information privacy principles" (False: the line is read on as before), or
    open the principle a bare "Principle 5" under it heads (True; ``headings.principle_name``)."""
    named, number = principle_name(line)
    p.principles = named or p.principles
    if number is None or not p.principles:
        return False
    p.open_section(f"{p.principles}{number}", "")
    return True


def _heading_line(p: _Parser, line: str, hashed: bool, marked: bool, next_word: int) -> bool:
    """Whether the line is a heading, read into the parser state (a section or annex opened, a grouping passed)."""
    head = heading_of(line, marked=hashed) or _roman_heading(p, line)
    if head is not None and not marked and p.mid_sentence(next_word) and not head[2] and line.endswith((".", ",", ";")):
        head = None  # "Article 71." ending a wrapped sentence cites an article, it does not open one
    if head is None:
        return False
    kind, number, title = head
    if kind != "group":
        p.open_section(number, title or p.catchline, annex=kind == "annex")
        _note_bill_section(p, line)
        p.catchline = ""
    return True


# A wrapped line of a Japanese act that opens with one of a list of citations ("Article 72-58; Article 317; or Article
# 325 of the Local Tax Act ...", after "... Article 48, paragraph (7);"): the sentence goes on, no article opens.
_CITATION_LIST = re.compile(r"(?:Article|Section)[ \t]+\d+(?:-\d+)*[ \t]*[,;]")


def _completes_citation(p: _Parser, line: str, next_word: int = 0) -> bool:
    """Continue the current provision with ``line`` when it starts with the number its sentence broke off citing
    (``citing.continues_citation``)."""
    cur = p.current
    if cur is None:
        return False
    if _CITATION_LIST.match(line) and not cur.heading:  # "Article 72-58; Article 317; or Article 325 of ..."
        p.extend(line, len(line))
        return True
    opened = [int(label) for kind, label in p.stack if kind == "num" and label.isdigit()]
    if not continues_citation(cur.text, line, p.mid_sentence(next_word), opened[-1] + 1 if opened else 1):
        return False
    p.extend(line, len(line))
    return True


def _resume_capitals(p: _Parser, line: str) -> None:
    """A memorandum's practices "A." to "I." run over pages of paragraphs, footnotes and lists of their own, which
    close the open labels; the next capital after the last one read ("C. Independently evaluate the AI.") is
    still its list's next point, at that list's level."""
    if re.match(r"[ivx]{1,5}\.[ \t]+[A-Z]", line) and not letter_opens(line[0], p.stack):
        # "v. Additional Minimum Practices ...": a subsection of the memorandum; the points above it are closed
        p.stack, p.capitals = [], []
        return
    m = re.match(r"([A-Z])\.[ \t]+[A-Z]", line)
    last = p.capitals[-1][1] if p.capitals else ""
    # Once the list is closed (its last point no longer open): a bracketed "(A)" opened since is another list.
    if m and last and ord(m.group(1)) == ord(last) + 1 and p.capitals[-1] not in p.stack:
        p.stack, p.resuming = list(p.capitals), p.capitals_lead


# Japan's acts, as translated, set each article's catchline in parentheses on the line above it: "(Proper Acquisition)"
# then "Article 17".
_PAREN_CATCHLINE = re.compile(r"^\(([A-Z][^()\d]{2,100}?(?:\([^()\d]*\)[^()\d]*)?)\)$")


def _catchline(p: _Parser, line: str) -> bool:
    """Keep ``line`` as the title of the article below when it is a catchline in parentheses."""
    catchline = _PAREN_CATCHLINE.match(line)
    if not catchline or _VERB.search(catchline.group(1)):
        return False
    p.catchline = catchline.group(1)
    p.last_width = p.last_raw = 0  # the paragraph before has ended, whatever its width
    return True


def _lost_article(p: _Parser, labels: list[str]) -> None:
    """Open the next article where a catchline is followed by paragraph (1) of an article that has had its (1): a PDF
    conversion that lost the "Article 18" line between "(Notification etc. of a Utilization Purpose when Acquiring)"
    and "- (1) A personal information handling business operator shall ..." still starts Article 18 there."""
    pending, p.catchline = p.catchline, ""
    if pending and labels[:1] == ["1"] and (p.section, ("1",)) in p.by_path and p.section[:1].isdigit():
        p.open_section(str(int(re.match(r"\d+", p.section).group(0)) + 1), pending)  # type: ignore[union-attr]
        p.expect_title = False


# A label as written on its line: "(a)", "1.", "a)", and a translation's "1- " (the Saudi PDPL's paragraphs).
_WRITTEN_LABEL = re.compile(r"\(\w+(?:\.\d+)?\)|\b(?:\d{1,3}[a-z]?|[a-zA-Z]|[ivxlcIVXLC]{2,6})[.)]|\b\d{1,3}-(?=\s)")

def _add_labelled(
    p: _Parser, line: str, after: int, labels: list[str], bullet: bool, body: str, start: int, i: int
) -> None:
    """A new provision with the labels written before ``after`` (none for a new paragraph)."""
    # only labels' own tokens: a catchline between two labels ("(b)(1) Standard: Documentation. (i) Maintain ...")
    # writes no label, its "Documentation." no "n."
    written = tuple(re.findall(_WRITTEN_LABEL, line[:after]))
    if len(written) > len(labels):
        written = written[len(written) - len(labels) :]  # the Markdown counter of "1. (b)" is not cited
    if p.numbered and written and re.fullmatch(r"\d+\.", written[0]) and labels[0] == str(p.next_number):
        p.open_section(labels[0], "")  # "4. a. A Chief Data Officer shall ...": section 4, subsection (a)
        p.expect_title, p.next_number = False, p.next_number + 1
        labels, written = labels[1:], written[1:]
    p.add(labels, written, body, start, i + 1, len(line), bullet=bullet)


def _bullet_label(p: _Parser, lead: re.Match[str] | None) -> list[str]:
    """An unlabelled bullet or OJ indent under a lead-in ("... must:" then "- Be chaired by ...", "— the service"): a
    point of it, numbered by its place, at a level of its own (kind "bullet"); any other bullet is a paragraph."""
    cur = p.current
    if lead is None or lead.group(0).strip()[:1] not in ("-", "*", "•", "—", "–") or cur is None or cur.heading:
        return []
    if p.bullet and cur.bullet and cur.path and cur.path[-1] == str(p.bullet):
        p.bullet += 1  # the list goes on
    elif cur.text.rstrip().endswith(":"):
        p.bullet = 1
    else:
        p.bullet = 0
        return []
    return [str(p.bullet)]


# "Illustrations." in an act: examples of the provision above them, in the words of duties ("Y shall retain").
_ASIDE = re.compile(r"^\W*Illustrations?\W*$")


def _aside(p: _Parser, line: str) -> bool:
    """Whether ``line`` is an act's "Illustrations." or one of them; the next sub-section of the enclosing list
    ("(8)" after the illustrations of (7)) ends them."""
    if _ASIDE.match(line):
        p.aside = True
        return True
    if p.aside:
        first = labels_of(line, p.stack)[0]
        # Only the outermost open label is in view here, so an illustration's "(II)" (its "(I)" skipped as an
        # aside) must not pass for the item after "(1)".
        if not (first and p.stack and label_kind(first[0], p.stack[:1], continues=False) == p.stack[0][0]):
            return True
        p.aside = False
    return False


def _after_point(p: _Parser, line: str, body: str, start: int, i: int, next_word: int) -> bool:
    """Read a lower-case unlabelled line that a point's reading decides; False when it is none of these:

    - "(A) Unfair or deceptive treatment of, or unlawful disparate impact" then "on, consumers;": a point a PDF
      wrapped before a lower-case word, not a catchline;
    - "(3) Where ... is likely to be— (a) ...; or (b) ...," then "the Data Fiduciary ... shall ensure ...": the
      words after a dash lead-in's points finish its sentence, at the lead-in's place."""
    cur = p.current
    if cur is not None and cur.heading and cur.path:
        cur.heading = False
        p.extend(body, len(line))
        return True
    lead = _dash_lead_in(p, cur)
    if lead is None or (p.wrap and p.last_raw + 1 + next_word > p.wrap):
        return False
    del p.stack[len(lead.path) :]
    p.current = Provision(p.section, p.title, lead.path, (), body, start, i + 1, flush=True)
    p.out.append(p.current)
    p.last_width, p.last_raw, p.last_wrapped = len(line), p.line_raw, p.wrapped_here
    return True


def _dash_lead_in(p: _Parser, cur: Provision | None) -> Provision | None:
    """The lead-in ending in a dash ("is likely to be—") whose last point ``cur`` ends in a comma, else None."""
    if cur is None or not cur.path or not cur.text.endswith(","):
        return None
    lead = p.by_path.get((cur.section, cur.path[:-1]))
    return lead if lead is not None and re.search(r"[—–-]$", lead.text) else None


# A section's history as a paragraph of its own in square brackets, before its text (Portland's charter: "[May 3,
# 1913, new sec. 30; rev. 1914, sec. 38; ...]") or after it (the RCW's "[ 2019 c 241 § 1; ]"): it cites years of
# enactment and holds no words of the law, so it is neither a lead-in to the text below nor part of a sentence.
# So is an administrative rule's line of its authority and history, as the Oregon Secretary of State prints it after
# each rule ("Statutory/Other Authority: ORS 192.005–192.170 ... Statutes/Other Implemented: ...", "History: OSA
# 1-2026, amend filed 01/06/2026, ..."): no part of a list that ends above it.
_HISTORY_NOTE = re.compile(r"^\[[^\[\]]*\b(?:1[789]|20)\d\d\b[^\[\]]*\]$|"
                           r"^(?:Statutory/Other\s+Authority|Statutes/Other\s+Implemented|History):\s")


def _link(provisions: list[Provision]) -> None:
    """Give each point its parent: the latest provision of the same section at the nearest level above that
    has one ("(I) (A) ..." opens two levels on one line, so (A)'s and (B)'s parent is the lead-in above (I))."""
    latest: dict[tuple[str, tuple[str, ...]], Provision] = {}
    for prov in provisions:
        if prov.lead_in is not None:
            prov.lead_in.children.append(prov)
            latest[(prov.section, prov.path)] = prov
            continue
        for up in range(len(prov.path) - 1, -1, -1):
            parent = latest.get((prov.section, prov.path[:up]))
            if parent is not None:
                parent.children.append(prov)
                break
        latest[(prov.section, prov.path)] = prov
