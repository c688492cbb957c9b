"""What a statute's text carries besides its words: ligatures, soft hyphens, words hyphenated across a line break,
page furniture (page separators, running headers and footers, a consolidation's enacting citations and amendment
history), an amending act's opening quotation marks, and a flattened act's bare labels. ``repair_typography`` takes
them out before ``statute.parse_provisions`` reads the structure; it keeps every line, so line numbers still point
into the source file.
"""

from __future__ import annotations

import re

from compgraph.legal.consolidation_marks import without_consolidation_marks
from compgraph.legal.pdf_point_order import stacked_labels_dealt
from compgraph.legal.pdf_section_numbers import join_margin_section_numbers
from compgraph.legal.pdf_stranded_labels import stranded_labels_joined

__all__ = ["QUESTION", "SENTENCE_BREAK", "VERB", "capital_wraps", "repair_typography", "set_in_capitals"]

# Where a provision's sentence ends: a full stop, a question or exclamation mark before a capital. A footnote's
# number a PDF glued to the full stop ("... to the APNSA.6 Within 180 days ...") ends the sentence too, and so does
# one its text layer set apart from it ("... documented appropriately. 5 The Information Owner ...", "... the SE's
# ethics officer .4 The SE must ...", the U.S. Code's "... as added by section 13101. 2 Such regulations ...").
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z(])|(?<=[A-Za-z]{2}\.)\d{1,2}[ \t]+(?=[A-Z][a-z])"
                            r"|(?:(?<=[a-z]{2}\.)|(?<=\d{3}\.))[ \t]+\d{1,2}[ \t]+(?=[A-Z][a-z])"
                            r"|(?<=[a-z]{2})[ \t]\.\d{1,2}[ \t]+(?=[A-Z][a-z])"
                            # a form quoted inline after its duty: 12 CFR 1002.9(b)(1) "the creditor shall provide a
                            # notice that is substantially similar to the following: The Federal Equal Credit ..."
                            r"|(?<=substantially similar to the following:)[ \t]+(?=[\"“]?[A-Z])")

# A question, as a policy asks its headings ("Who Should Use This Document?", "What must I report?"): a whole
# sentence that opens with the question word and ends with the mark. It has a verb, and is no statement: it asks
# what the text below it answers. (A point asked after a lead-in, "shall consider: (a) Is the data accurate?",
# carries the lead-in's duty and does not match: the lead-in's words come first.)
QUESTION = (r"^\W*(?:who|whom|whose|what|which|when|where|why|how|is|are|do|does|can|could|should|must|may|shall|"
            r"will)\b[^.:;?]*\?[\s\"”’')\]]*$")

# A verb of the kind a statement has and a heading lacks.
VERB = re.compile(r"\b(?:shall|must|may|should|will|is|are|has|have|does|do)\b", re.I)

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
                            "\u00ad": "", "\u00a0": " ", "\u2009": " ", "\u202f": " "})
# "organi- sational" (PDF line break turned into a space) or "organi-\nsational"; "high- and low-risk" stays.
# A match starts only where no letter precedes: from inside a word it would scan to the word's end from each letter
# (quadratic in a long word), and any match inside a word is also one from the word's start.
# The line break moves to the space after the joined word, so the text keeps its lines: a page's margin, read from
# their widths, stays the page's (a joined pair of lines read 229 characters wide and hid it).
_BROKEN_PARTS = re.compile(r"(?<![A-Za-z])([A-Za-z]*[a-z]{2})-([ \t]*\n[ \t]*|[ \t])"
                           r"(?!(?:and|or|nor|to|as|in)\b)([a-z]{2,}\w*)([ \t]?)")


# One act's citation as a statute book gives it: year, chapter, schedule, section ("2016, c. 6, Sched. 1, s. 1 (4)"
# in Ontario; "2003 cP-6.5 s6", "2009 c50 s4" and an amending regulation "AR 137/2022" in Alberta).
_ENACTED = (r"(?:\d{4},[ \t]+c\.[ \t]*\d+(?:,[ \t]*Sched\.[ \t]*\w+)?,[ \t]+ss?\.[ \t]*[\d.]+"
            r"(?:[ \t]*\([^()\n]{1,20}\))?|"
            r"\d{4}[ \t]+c[A-Z]?[\w.-]*\d[ \t]+ss?\d[\w.]*|AR[ \t]+\d+/\d{4}|"
            # Singapore's note of the amending act ("[40/2020]") after a provision
            r"\[\d{1,3}/\d{4}\])")


# Page furniture a PDF-to-Markdown conversion leaves between two halves of a sentence: marker's page
# separators ("{6}------"), a bill's running footer ("PAGE 12-SENATE BILL 24-205") and page images; and what
# a browser's "Print to PDF" puts on every page: a header with the date and time before the page title
# ("12/2/26, 9:56 PM Regulation ...") and a footer with the page's address and number ("https://... 2/4").
# An act printed with a margin cites the acts it names there ("53 of 2005."), and a bill's pages carry its number
# as a running header ("HB1181", after a form feed when ``pdftotext -layout`` keeps the page break).
_PAGE_FURNITURE = re.compile(r"^[ \t\f]*(?:\{\d+\}-{5,}|"
                             r"PAGE[ \t]+\d+[ \t]*-[ \t]*(?:SENATE|HOUSE)[ \t]+BILL[ \t]+[\w-]+|"
                             r"\d{1,3}[ \t]+of[ \t]+\d{4}\.|[HS]B[ \t]?\d{1,5}|"
                             r"!\[[^\]\n]*\]\([^)\n]*\)|"
                             r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?[ \t]+\d{1,2}:\d{2}(?:[ \t]?[AaPp]\.?[Mm]\.?)?"
                             r"[ \t]+\S.*|(?:file|https?)://\S+[ \t]+\d{1,4}[ \t]*/[ \t]*\d{1,4}|"
                             r"(?:Page|PAGE)[ \t]+\d+[ \t]+of[ \t]+\d+|"
                             # New York's bill print: the bill's number and the page's as running head ("S. 7543--B
                             # 2"), and under the first page the key to its typography and the drafting office's
                             # code ("EXPLANATION--Matter in ITALICS (underscored) is new; matter in brackets", "[ ] is
                             # old law to be omitted.", "LBD11734-11-4")
                             r"[SA]\.[ \t]+\d{1,5}(?:--[A-Z])?[ \t]+\d{1,3}|EXPLANATION--Matter[ \t]+in[ \t]+\w+\b.*|"
                             r"\[[ \t]*\][ \t]+is[ \t]+old[ \t]+law[ \t]+to[ \t]+be[ \t]+omitted\.|LBD\d{4,6}-\d{2}-\d|"
                             # a consolidation's amendment history: "Section Amendments with date in force
                             # (d/m/y)", then "2016, c. 6, Sched. 1, s. 1 (3) - 01/06/2016" per amending act, or
                             # the acts alone after a section ("2003 cP-6.5 s6;2009 c50 s4")
                             r"Section[ \t]+Amendments[ \t]+with[ \t]+date[ \t]+in[ \t]+force[ \t]+\(d/m/y\)|"
                             rf"{_ENACTED}(?:[;,][ \t]*{_ENACTED})*(?:[ \t]+-[ \t]+"
                             r"(?:\d{2}/\d{2}/\d{4}|not[ \t]+in[ \t]+force))?)"
                             r"[ \t]*$", re.M)
# The enacting citation a consolidation prints after each provision ("... or disposal. 2004, c. 3, Sched. A, s. 12
# (1)."; "...; 2016, c. 6, Sched. 1, s. 1 (5)." when amended): where the words come from, not part of them.
_ENACTING_CITATION = re.compile(rf"(?<=[.;:,—])[ \t]+{_ENACTED}(?:[;,]?[ \t]*{_ENACTED})*\.?[ \t]*$", re.M)
# An amending act prints the code text it inserts inside quotation marks opened again at every paragraph
# ("''(a) IN GENERAL.—(1) Each year ...", "''§ 3555. ...", "...; and ''(5) consult ..."): the mark is the slip
# law's typography, and left in place it hides the label or the section sign behind it.
# A paragraph's number that a page's margin left at the end of the line before its text ("... operational
# resilience. 2." then "Financial entities shall ..."): it opens the next line, as it opens the paragraph.
_TRAILING_NUMBER = re.compile(r"(?<=[.;:])[ \t]+(\d{1,3}\.)[ \t]*\n(?=[A-Z])")
# A PDF's page number left before the next page's first bullet ("6 - Regularly monitor ...", "10 - Share ..."): the
# number is the page's, the bullet is the text's.
_PAGE_NUMBER_BULLET = re.compile(r"^\d{1,3}[ \t]+(?=-[ \t]+[A-Z])", re.M)
_INSERTED_QUOTE = re.compile(r"(?:(?<=^)|(?<=^[-*#][ \t])|(?<=^#[#*][ \t])|(?<=[ \t*]))(?:''|\u201c)(?=\(\w{1,4}\)|§)"
                             r"|^([ \t]*(?:[-*][ \t]+|#{1,6}[ \t]+)?(?:\*\*)?)(?:''|\u201c)(?=[A-Z§(])", re.M)


def repair_typography(text: str) -> str:
    """Undo ligatures, soft hyphens and words hyphenated across a line break, which a catalog must not keep;
    blank out page furniture (the line stays, so line numbers still point into the source file)."""
    text = without_consolidation_marks(text.replace("\r\n", "\n").replace("\r", "\n").translate(_LIGATURES))
    text = _ENACTING_CITATION.sub("", _PAGE_FURNITURE.sub("", _DIGEST.sub(_blank_lines, text)))
    text = _margin_numbers_blanked(_running_heads_blanked(text))
    text = _PAGE_NUMBER_BULLET.sub("", text)
    text = _INSERTED_QUOTE.sub(lambda m: m.group(1) or "", text)
    text = _bracket_bare_labels(text)
    text = _TRAILING_NUMBER.sub(lambda m: "\n" + m.group(1) + " ", text)
    text = _GLUED_SENTENCE.sub(". ", text)
    # a swapped point's tail goes back to its label first ("(c) practices;" / "respond to ..."), then stranded labels
    return _join_broken_words(stranded_labels_joined(stacked_labels_dealt(join_margin_section_numbers(text))))


# A PDF's text may lose the space after a sentence that ends in a parenthesis ("... oversee the Open Data Management
# Team (defined below).Within ninety (90) days of the Effective Date, the Mayor shall designate ..."): two sentences
# read as one, the second duty lost inside the first.
_GLUED_SENTENCE = re.compile(r"(?<=[a-z]\))\.(?=[A-Z][a-z]+[ \t])")


# A California bill opens with the Legislative Counsel's Digest, a summary of the law before and after the bill in
# the words of duties ("Existing law requires a health care service plan ... to comply", "This bill would require
# ..."); it is no part of what is enacted, which starts at the enacting clause ("The people of the State of
# California do enact as follows:").
_DIGEST = re.compile(r"^[ \t#*]*LEGISLATIVE[ \t]+COUNSEL['’]S[ \t]+DIGEST\W*$"
                     r".*?(?=^[^\n]*\bdo[ \t]+enact[ \t]+as[ \t]+follows\b)", re.M | re.S | re.I)


# A converted PDF repeats the document's title on every page ("Fort Worth - Charter", as a "#" heading or a line
# between two rules), in the middle of a sentence where the page broke: a short line with no verb that the text
# prints three times or more is a running head, not a heading of what follows it.
_RUNNING_HEAD = re.compile(r"^[ \t#*]*([A-Za-z][^\n.;:]{2,60}?)[ \t*]*$", re.M)


# A statute site's PDF prints a longer footer on every page, its publication and the PDF's date: "Singapore Statutes
# Online Published in Acts Supplement on 12 Mar 2018 PDF created date on: 13 Dec 2025" (a colon, and too long for a
# running head): a line of nine to thirty words with a year and no verb, printed three times or more.
_RUNNING_FOOTER = re.compile(r"^[ \t]*([A-Z][^\n.;]{40,200}?\b(?:19|20)\d\d\b[^\n.;]*?)[ \t]*$", re.M)


def _running_heads_blanked(text: str) -> str:
    counts: dict[str, int] = {}
    for m in _RUNNING_HEAD.finditer(text):
        key = " ".join(m.group(1).split())
        if len(key.split()) <= 8 and not VERB.search(key):
            counts[key] = counts.get(key, 0) + 1
    for m in _RUNNING_FOOTER.finditer(text):
        key = " ".join(m.group(1).split())
        if 9 <= len(key.split()) <= 30 and not VERB.search(key):
            counts[key] = counts.get(key, 0) + 1
    heads = {k for k, n in counts.items() if n >= 3}
    if not heads:
        return text

    def blank(m: re.Match[str]) -> str:
        return "" if " ".join(m.group(1).split()) in heads else m.group(0)

    return _RUNNING_FOOTER.sub(blank, _RUNNING_HEAD.sub(blank, text))


# A bill printed with numbered lines ("pdftotext -layout" of an enrolled bill) keeps each line's number in a left
# margin: " 1   AN ACT concerning", "17   GENERATED BY ... MAY NOT BE INTRODUCED IN A". The number is the page's, not
# the text's: left in place it runs into the sentence a line broke ("... RESULTS 21 GENERATED BY") and reads as a
# provision's label. A margin number is one of a run counting up by one from line to line (a subparagraph's text
# may start on an unnumbered line of its own between two of them); a lone number at a line's start is the text's.
_MARGIN_NUMBER = re.compile(r"^([ \t]{0,3})(\d{1,2})(?=[ \t]{2,}\S|[ \t]*$)", re.M)
_LONE_ITEM = re.compile(r"^[ \t]*(\d{1,3}\.)[ \t]*\n[ \t]*(?=[A-Za-z])", re.M)
_GLUED_ITEM = re.compile(r"^([ \t]*\d{1,3}\.)(?=[A-Z]{2})", re.M)
_MARGIN_RUN = 20  # numbered lines a text needs before its small numbers are read as a margin


def _margin_numbers_blanked(text: str) -> str:
    # Line numbers counted on from the previous match, not from the text's start: counting from the start made this
    # quadratic (a 2.4 MB text of numbered lines took 21.6 s).
    found: list[tuple[int, int, re.Match[str]]] = []
    line = last = 0
    for m in _MARGIN_NUMBER.finditer(text):
        line += text.count("\n", last, m.start())
        last = m.start()
        found.append((line, int(m.group(2)), m))

    def follows(a: tuple[int, int, re.Match[str]], b: tuple[int, int, re.Match[str]]) -> bool:
        return b[1] == a[1] + 1 and 0 < b[0] - a[0] <= 3

    margin = [m for k, (line, number, m) in enumerate(found)
              if (k and follows(found[k - 1], found[k])) or (k + 1 < len(found) and follows(found[k], found[k + 1]))]
    if len(margin) < _MARGIN_RUN:
        return text
    out, pos = [], 0
    for m in margin:
        out += [text[pos:m.start(2)], " " * len(m.group(2))]
        pos = m.end(2)
    # The layout sets an item's number apart from its words: alone on the line above them ("11." over "A CRIMINAL
    # ACT ...") or run into the first ("1.THE DATABASE"). The number opens the line of its words.
    return _GLUED_ITEM.sub(r"\1 ", _LONE_ITEM.sub(r"\n\1 ", "".join(out + [text[pos:]])))


def _blank_lines(m: re.Match[str]) -> str:
    return "\n" * m.group(0).count("\n")


def _join_broken_words(text: str) -> str:
    """Join words hyphenated at a line end; a compound the text also prints whole with its hyphen
    ("rights-\nimpacting" where "rights-impacting" occurs elsewhere) keeps it, since that hyphen is the word's.
    So does one whose halves are both words of four letters or more that the text uses on their own, unless it
    also prints them joined: "human-\nmachine" stays a compound, "organi-\nsational" and "with-\nout" are
    joined, and "over-\nseen" is joined where "overseen" occurs elsewhere; "un-\ninstallation" keeps its hyphen
    where the text prints "un-install" (the same prefix, hyphened, before the same stem)."""
    # (overlapping: "out-of-date" gives "out-of" and "of-date", so "out-of- date" keeps its second hyphen)
    compounds = {c.lower() for c in re.findall(r"(?=\b([A-Za-z]+-[a-z]+)\b)", text)}
    # what each prefix is hyphened before ("un" -> ["install"]), looked up per broken word, not scanned
    stems: dict[str, list[str]] = {}
    for compound in compounds:
        prefix, _, stem = compound.partition("-")
        stems.setdefault(prefix, []).append(stem)
    words: set[str] | None = None

    def join(m: re.Match[str]) -> str:
        nonlocal words
        left, broke, right, space = m.group(1), m.group(2), m.group(3), m.group(4)
        after = "\n" if "\n" in broke and space else space
        head = re.match(r"[a-z]+", right)
        tail = head.group(0) if head else right
        # "un-\ninstallation" where "un-install" occurs: the prefix's hyphen
        if f"{left}-{tail}".lower() in compounds or any(
                len(stem) >= 4 and tail.lower().startswith(stem) for stem in stems.get(left.lower(), ())):
            return f"{left}-{right}{after}"
        if len(left) >= 4 and len(tail) >= 4:
            if words is None:  # read only when a line break splits two long halves
                words = {w.lower() for w in re.findall(r"(?<![-\w])[A-Za-z]+(?![-\w])", text)}
            if left.lower() in words and tail.lower() in words and (left + tail).lower() not in words:
                return f"{left}-{right}{after}"
        return left + right + after

    return _BROKEN_PARTS.sub(join, text)


# A converter that flattens legislation.gov.uk's XML prints each section on one line with its labels bare ("1 A
# manufacturer ... is met. 2 Condition A is that the manufacturer— a intends ..., or b is aware ..."), under a line
# "8 Duty to comply with security requirements". Where the numbers run in order from "1" the labels are written as
# a flattened act's ("1.", "(a)", "(i)"), and the line above is marked as the section's heading.
_BARE_BODY = re.compile(r"^1[ \t]+(?=[A-Z“\"‘'])")
_BARE_NUMBER = re.compile(r"(?<=[.:])[ \t]+(\d{1,2})[ \t]+(?=[A-Z“\"‘'])")
# a list opens after a dash ("— a", "— i") and goes on after a comma or semicolon (", or b", "; c", ", and ii")
_BARE_LETTER = re.compile(r"(?:(—)|[,;][ \t]+(?:(?:and|or)[ \t]+)?)[ \t]*([a-z]{1,4})[ \t]+(?=\S)")
_BARE_HEADING = re.compile(r"^(\d{1,3}[A-Z]{0,2})[ \t]+([A-Z][^.;:—]{0,150})$")
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def _bracket_line(line: str) -> str | None:
    """``line`` with its bare labels written out, or None when it is not a flattened section (no "2" after "1")."""
    if not _BARE_BODY.match(line):
        return None
    events: list[tuple[int, int, str, str]] = []  # (start, end, "number"|"letter", label)
    expected = 2
    for m in _BARE_NUMBER.finditer(line):
        if int(m.group(1)) == expected:
            events.append((m.start(1), m.end(1), "number", m.group(1)))
            expected += 1
    if expected == 2:
        return None
    events += [(m.start(2), m.end(2), "dash" if m.group(1) else "letter", m.group(2))
               for m in _BARE_LETTER.finditer(line)]
    cuts: list[tuple[int, int, str]] = [(0, 1, "1.")]
    stack: list[tuple[tuple[str, ...], int]] = []  # (the list's labels in order, the index of the last one)
    for start, end, kind, label in sorted(events):
        if kind == "number":
            stack = []
            cuts.append((start, end, f"{label}."))
        elif kind == "dash" and label in ("a", "i"):
            stack.append((tuple("abcdefghijklmnopqrstuvwxyz") if label == "a" else _ROMANS, 0))
            cuts.append((start, end, f"({label})"))
        elif kind == "letter":
            for depth in range(len(stack) - 1, -1, -1):
                labels, at = stack[depth]
                if at + 1 < len(labels) and labels[at + 1] == label:
                    stack[depth + 1:] = []
                    stack[depth] = (labels, at + 1)
                    cuts.append((start, end, f"({label})"))
                    break
    out, pos = [], 0
    for start, end, written in cuts:
        out += [line[pos:start], written]
        pos = end
    return "".join(out + [line[pos:]])


def _bracket_bare_labels(text: str) -> str:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        written = _bracket_line(line)
        if written is None:
            continue
        lines[i] = written
        above = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
        if above is not None and _BARE_HEADING.match(lines[above]) and not VERB.search(lines[above]):
            lines[above] = "§ " + lines[above]
    return "\n".join(lines)


# An enrolled bill prints the matter it adds in capitals ("(A) EXCEPT AS OTHERWISE PROVIDED IN THIS SECTION,
# RESULTS" over "GENERATED BY FACIAL RECOGNITION TECHNOLOGY MAY NOT BE ..."): there a short line without a verb is no
# catchline, since every line is in capitals, and a line that stops without closing its sentence was broken there.
_SENTENCE_CLOSED = re.compile(r"[.;:!?—][\"”’)\]]*$")


def set_in_capitals(text: str) -> bool:
    """Three in five of the text's letters (of two thousand or more) are capitals, as in a bill that adds a whole
    subtitle: there capitals say nothing of a line, and "(A)", "(I)" are the labels "(a)", "(i)" the code cites."""
    letters = re.findall(r"[A-Za-z]", text)
    return len(letters) >= 2000 and sum(c.isupper() for c in letters) >= 0.6 * len(letters)


def capital_wraps(lines: list[str]) -> list[bool]:
    """For each line, whether it was broken mid-sentence in a text set in capitals (``set_in_capitals``): a line in
    capitals that does not close its sentence, with text after it."""
    if not set_in_capitals("\n".join(lines)):
        return [False] * len(lines)
    return [bool(i + 1 < len(lines) and lines[i + 1].strip() and line.strip().isupper()
                 and not _SENTENCE_CLOSED.search(line.strip())) for i, line in enumerate(lines)]

