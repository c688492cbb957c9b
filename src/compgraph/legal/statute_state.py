"""The state ``statute.parse_provisions`` keeps while it reads a statute line by line, and the ``Provision`` it builds.

``Parser`` holds the open section, the stack of open labels and what the last lines were (wrapped at the margin, a
lead-in, a heading); its methods open sections and add provisions. The tests a label's line needs from that state
(a catchline after a label, a line that goes on below) live here too, because ``Parser.add`` asks them. Line-level
reading (``_read_line`` and its rules) stays in ``statute``, which imports this module and never the reverse.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from compgraph.legal.headings import is_title
from compgraph.legal.inline import roman_value
from compgraph.legal.labels import LABEL, label_kind, labels_of, ordinal, own_level

__all__ = ["ENDED", "MARKUP", "OPEN_END", "Parser", "Provision", "goes_on_below"]


@dataclass
class Provision:
    """One paragraph, subparagraph or point: where it sits and its text (labels stripped)."""

    section: str  # "9", "13-77-103", "AnnexIII-1"
    section_title: str
    path: tuple[str, ...]  # ("2",), ("3", "b", "iv"); () for unnumbered text
    labels: tuple[str, ...]  # the labels as written on this provision's own line: ("(a)",), ("1.",)
    text: str
    start: int  # offset in the parsed text of the first character of ``text``
    line: int
    heading: bool = False  # a labelled heading ("(1) Reasonable care"): sets the path, states nothing
    cite: str = ""  # how the section is cited when that is not its number: "Section 3" of an amending bill
    flush: bool = False  # the words after a dash lead-in's points that finish its sentence ("..., the X shall ...")
    bullet: bool = False  # an unlabelled bullet read as a point of the lead-in above it ("must:" then "- Be ...")
    children: list[Provision] = field(default_factory=list)
    # a resumed point's parent, when text at its lead-in's level came between ("C." after B's footnotes)
    lead_in: Provision | None = field(default=None, compare=False, repr=False)


# A line ending in a conjunction, article or preposition breaks off mid-sentence: not a heading.
OPEN_END = re.compile(r"\b(?:and|or|nor|of|the|a|an|to|in|for|by|with|on)$", re.I)

# (a form feed opens a PDF text layer's page: "\f(1) A person who is entrusted ..." is paragraph (1); before a running
# header, "\fHB1181", it is left to mark the page break)
MARKUP = re.compile(r"^[ \t]*(?:\f(?=[ \t]*\())?[ \t]*(?:#{1,6}[ \t]+|[-*•—–][ \t]+)?")

# A PDF's text lines run to about 90-120 characters; a shorter last line ended its paragraph on purpose.
WRAPPED_WIDTH = 60


class Parser:
    """State of ``parse_provisions``: the current section and the stack of open labels."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[Provision] = []
        self.section = "main"
        self.title = ""
        self.annex = ""
        self.seen: dict[str, int] = {}
        self.stack: list[tuple[str, str]] = []  # (kind, label)
        self.current: Provision | None = None
        self.expect_title = False
        self.headed = False
        self.last_width = 0  # length of the last physical line of ``current``: a full one was wrapped
        self.filled: set[str] = set()  # section numbers that hold a provision
        self.blank = False  # a blank line came after the last text line
        self.bare_lead_in = False  # the open list's points follow an unlabelled lead-in ("... include:")
        self.wrap = 0  # the margin of a hard-wrapped text (``_wrap_width``), 0 when lines are paragraphs
        self.line_raw = 0  # width of the physical line being read, indentation included
        self.last_raw = 0  # that width for the last physical line of ``current``
        self.wrapped_here = False  # the line being read was broken at the margin: not a heading or title
        self.last_wrapped = False  # so was the last physical line of ``current``
        self.inline_point = 1  # the next "(n)" expected inline, carried across a hard-wrapped paragraph's lines
        self.bill_sections: set[str] = set()  # "SECTION 3." headings: the enacting bill's own sections
        self.bill_section: tuple[str, str] | None = None  # the last of them, with its title
        self.quoted = False  # code text quoted inside a bill section was closed: the bill's sections are cited apart
        self.numbered = False  # no heading anywhere and the first label is "1.": "N." numbers the sections
        self.bare_numbers = False  # sections numbered without a full stop ("12 (1)", "5(1)"): "11.1 A ..." opens one
        self.gazette_numbers = False  # a section opened "5. (1) ...": the next may run into its only sentence
        self.next_roman = 1  # "I. Purpose", "II. Effective Date": a policy's Roman-numbered sections, in order
        self.next_number = 1
        self.aside = False  # inside an act's "Illustrations.": examples of the provision above, not operative
        self.by_path: dict[tuple[str, tuple[str, ...]], Provision] = {}  # the latest provision at each place
        self.lines = text.split("\n")
        self.dotted: tuple[int, str] | None = None  # (depth, label) of the open "2." subdivision, if one is open
        self.bullet = 0  # the place of the last unlabelled bullet read as a point of its lead-in, 0 when none
        self.catchline = ""  # "(Proper Acquisition)" on the line before an article: that article's title
        # a title alone on the line before "10.—(1) ...", as legislation.gov.uk prints a regulation: its catchline
        self.title_above = ""
        self.before_dashed = False  # the next line with text is such a "10.—(1) ..."
        self.capitals: list[tuple[str, str]] = []  # the open labels down to the last dotted capital ("B.") read
        self.capitals_lead: Provision | None = None  # the lead-in of that capital's list
        self.resuming: Provision | None = None  # set while the line that resumes that list is read
        self.principles = ""  # "IPP": the initials of the last "Information privacy principles" heading

    def mid_sentence(self, next_word: int = 0) -> bool:
        """The current provision's last line ran to the margin and its sentence has not ended: the next
        unlabelled line goes on with it, whatever its first letter (a PDF breaks lines before "Regulation").

        In a hard-wrapped text the margin is the document's own: a line was broken there when the next line's
        first word (``next_word`` characters) would not have fitted on it."""
        cur = self.current
        full = self.last_wrapped or self.last_width >= WRAPPED_WIDTH or (
            self.wrap > 0 and self.last_raw + 1 + next_word > self.wrap)
        ended = ENDED.search(cur.text) is not None and not INSIDE_BRACKETS.search(cur.text) if cur else True
        return cur is not None and not cur.heading and full and not ended

    def open_section(self, number: str, title: str, annex: bool = False) -> None:
        if annex:
            self.annex = f"Annex{number}"
            number, title = self.annex, title or f"Annex {number}"
        elif self.annex:
            number = f"{self.annex}-{number}"
        # A document that repeats a number (an annex without its own heading) still gets distinct ids; a number
        # whose first heading held nothing (a table of contents: "23-501 Definitions." above the chapter) is
        # the same section, cited without a suffix, and so is the open section's heading repeated, its title
        # unchanged, before each subsection of a chunked code ("#### § 17932. Notification in the case of breach"
        # above "(a)", again above "(b)"). Either once: both counted, a heading printed twice was cited "17932.0".
        same = title and (number, title) == (self.section, self.title)
        if (number in self.seen and number not in self.filled) or same:
            self.seen[number] -= 1
        n = self.seen.get(number, 0) + 1
        self.seen[number] = n
        self.section = number if n == 1 else f"{number}.{n}"
        self.title = title
        self.stack, self.dotted = [], None
        self.capitals = []
        self.bare_lead_in = False
        self.current = None
        self.expect_title = not title
        self.headed = True
        self.aside = False

    def resumed(self, line: int) -> int:
        """How many open levels the text of ``line`` stays inside: up to the deepest list that a later labelled line
        goes on with (the next label of its kind) before any line reopens the outermost one; 0 when none does."""
        nested: tuple[str, int] | None = None  # a list the later lines open below the open ones: "(1)", "(2)"
        for first in self.upcoming(line):
            kind = label_kind(first, self.stack)
            n = ordinal(kind, first)
            if nested == (kind, n - 1):
                nested = (kind, n)
                continue
            at = [d for d, (k, lbl) in enumerate(self.stack) if k == kind and n == ordinal(k, lbl) + 1]
            if at:
                return at[-1] + 1 if at[-1] >= 1 else 0
            if n == 1:
                nested = (kind, 1)
        return 0

    def upcoming(self, line: int) -> Iterable[str]:
        """The first labels of the labelled lines after line number ``line`` (1-based), up to 40 lines on."""
        for raw in self.lines[line : line + 40]:
            text = raw[MARKUP.match(raw).end() :].strip()  # type: ignore[union-attr]  # matches any line
            first = labels_of(text, self.stack)[0] if LABEL.match(text) else []
            if first:
                yield first[0]

    def num_kind(self, kind: str, style: str) -> str:
        """A code that numbers its subdivisions "2." numbers the items inside them "(1)" (New York's "(c) ... may
        consider the following factors: (1) ..."): where the outermost open number was written with a full stop, a
        number in brackets is a level of its own, and so is a dotted one under brackets (``own_level``)."""
        kind = own_level(kind, style, self.stack, self.out, self.section)
        if kind != "num" or not style.startswith("(") or self.dotted is None:
            return kind
        depth, label = self.dotted
        if (
            depth >= len(self.stack)
            or self.stack[depth] != ("num", label)
            or any(k == "num" for k, _ in self.stack[:depth])
        ):
            return kind
        return "pnum"

    def extend(self, body: str, width: int) -> None:
        """Append a wrapped line to the current provision's text."""
        self.current.text = f"{self.current.text} {body}"  # type: ignore[union-attr]  # callers checked current
        self.last_width = width
        self.last_raw, self.last_wrapped = self.line_raw, self.wrapped_here

    def add(
        self,
        labels: list[str],
        written: tuple[str, ...],
        body: str,
        start: int,
        line: int,
        width: int,
        bullet: bool = False,
    ) -> None:
        cur = self.current
        # a lead-in ends with a colon, or with no punctuation after "including" ("shall implement policies and
        # practices to give effect to the principles, including" then "(a) implementing procedures ..."), or with the
        # modal verb its inline points complete ("The mayor ... may" then "(i) communicate ..., (ii) ...")
        if (
            labels
            and not self.stack
            and cur is not None
            and not cur.path
            and re.search(r"(?::|\bincluding|\s(?:may|shall|must))$", cur.text)
        ):
            self.bare_lead_in = True
        styles = ("",) * (len(labels) - len(written)) + tuple(written[-len(labels) :]) if labels else ()
        lead_in = cur is not None and cur.text.rstrip().endswith(":")
        for n, (label, style) in enumerate(zip(labels, styles, strict=True)):
            kind = "bullet" if bullet else self.num_kind(label_kind(label, self.stack, after_colon=lead_in and not n),
                                                         style)
            label = label.lower() if kind == "alpha" else label
            label = str(roman_value(label)) if kind == "num" and not label[0].isdigit() else label
            at = reopened(self.stack, kind, label, cur)
            if at is not None:
                del self.stack[at:]
            self.stack.append((kind, label))
            if kind == "num" and style.endswith("."):
                self.dotted = (len(self.stack) - 1, label)
            if kind == "ALPHA" and style.endswith("."):
                last = self.capitals
                if last and len(last) == len(self.stack) and ord(label) == ord(last[-1][1]) + 1:
                    self.resuming = self.resuming or self.capitals_lead  # the list's lead-in, whatever came between
                else:
                    self.capitals_lead = self.by_path.get((self.section, tuple(lbl for _, lbl in self.stack[:-1])))
                self.capitals = list(self.stack)
        # Text after the points of an unlabelled lead-in ("Open data shall include: 1. ... 5. ..." then "Open
        # format. The term ..."): back at the section's own level, not a subparagraph of point 5. After a lead-in
        # that is only a condition ("If:", "(a) ...; and (b) either: (i) ...; or (ii) ...;", then "the entity must
        # ..."), however deep its conditions went: the words close the sentence "If:" opened.
        opened = self.by_path.get((self.section, ()))
        only_if = opened is not None and re.fullmatch(r"\W*(?:if|where|when)\s*:", opened.text, re.I) is not None
        if not labels and cur is not None and cur.path and self.bare_lead_in and (len(self.stack) == 1 or only_if):
            self.stack, self.bare_lead_in = [], False
        # (Not below a catchline alone on its labelled line, "(4) Posting on HHS public website", as the U.S. Code
        # prints one: the text under it is that paragraph's own.)
        own = cur is not None and cur.heading and cur.path == tuple(lbl for _, lbl in self.stack)
        if not labels and cur is not None and cur.path and len(self.stack) > 1 and not own:
            # text after a list of points: a subparagraph of the enclosing paragraph, unless the list goes on after
            # it ("(c) ... shall mean ...", then "In determining whether ...", then "(d)": paragraph (c)'s text)
            del self.stack[max(1, self.resumed(line)) :]
        path = tuple(lbl for _, lbl in self.stack)
        heading = bool(labels) and labelled_heading(self, body, line)
        # a resumed point's later paragraphs keep its lead-in
        same = None if labels else self.by_path.get((self.section, path))
        self.current = Provision(
            self.section,
            self.title,
            path,
            written,
            body,
            start,
            line,
            heading,
            bullet=bullet and bool(labels),
            lead_in=self.resuming or (same and same.lead_in),
        )
        self.resuming = None
        self.out.append(self.current)
        self.by_path[(self.section, path)] = self.current
        self.filled.add(self.section)
        self.last_width = width
        self.last_raw, self.last_wrapped = self.line_raw, self.wrapped_here


def reopened(stack: list[tuple[str, str]], kind: str, label: str, cur: Provision | None) -> int | None:
    """Where the open labels are closed for ``label`` (its list's place in ``stack``), or None: it opens a level.

    A label alone on its line ("(i)", then "(a) Retaining ...") has its points on the next lines even where their
    kind is open further up (Tennessee nests (a)(1)(A)(i)(a)); a kind open at two levels goes on at the deeper
    one when the label follows its last label there ("(b)" after the inner "(a)"), else at the outer one."""
    at = [n for n, (k, _) in enumerate(stack) if k == kind]
    if not at:  # a labelled line ends the bullets above it ("- Be chaired ...", then "(1) The Board shall ...")
        return next((n for n, (k, _) in enumerate(stack) if k == "bullet"), None) if kind != "bullet" else None
    if cur is not None and not cur.text and cur.path and ordinal(kind, label) == 1:
        return None
    return next((n for n in reversed(at) if ordinal(kind, label) == ordinal(kind, stack[n][1]) + 1), at[0])


def labelled_heading(p: Parser, body: str, line: int) -> bool:
    """Whether the words after a label (on line number ``line``, 1-based) are a catchline ("(c) Hearing"), not the
    start of a sentence."""
    return (is_title(body) and body[:1].isupper() and not re.search(r"[.;]", body)
            and not OPEN_END.search(body) and not p.wrapped_here
            # ("6. Licensed Premises that combine both a Medical Marijuana Business and a Retail", a PDF line broken
            # before "Marijuana Business may have ...": a relative clause with its verb makes it a sentence, no title)
            and not re.search(r"\b(?:that|which|who)\s+(?!is\b|are\b)[a-z]+\s+(?:both|all|the|a|an|any)\b", body)
            # ("(1) Where a telecommunications carrier who installs Category I designated", a Japanese act's
            # paragraph wrapped before its verb: a condition opens a sentence, never a catchline; nor does a line
            # that goes on in lower case below)
            and not re.match(r"(?:In\s+(?:the\s+)?cases?\s+where|Where|When|Whenever|If)\s", body)
            and not goes_on_below(p, line - 1))


def goes_on_below(p: Parser, i: int) -> bool:
    """A line that runs a list of things ("A, B, and C") and whose next line with text goes on in lower case:
    "Non-SEs, including authorities, boards, and other New York State governmental" over "organizations are strongly
    encouraged to adopt this policy ..." is a paragraph's first line, however like a title it looks alone (no verb,
    no closing stop). Only with such a list, or once a section heading has opened the text, outside an annex (a
    justified page's wrapped first lines, round 30a): elsewhere a wrapped line without one stays as it was read."""
    if not SERIES.search(p.lines[i]) and not (p.headed and not p.annex):
        return False
    below = next((ln.strip() for ln in p.lines[i + 1 : i + 3] if ln.strip()), "")
    return bool(re.match(r"[a-z]{2,}\b", below)) and not labels_of(below, p.stack)[0]


SERIES = re.compile(r"\b\w+,[ \t]+\w+,[ \t]+(?:and|or)\b")

# A sentence ends at its full stop, also before a history note that cites its acts ("... city. (1946, c. 384)",
# the Oregon Revised Statutes' "... of the district. [Formerly 494.010]").
# A colon inside brackets the line leaves open ("..., ITS technical standards and policies (see NYS-S23-001:", then
# "Establishing Technology Solutions & Standards), as well as ...") ends no sentence: the bracket closes below.
INSIDE_BRACKETS = re.compile(r"\([^()]*:$")
ENDED = re.compile(r"[.:;!?](?:[\"”’)\]]*|[ \t]*\([^()]*\)|[ \t]*\[[^\[\]]*\])$")
