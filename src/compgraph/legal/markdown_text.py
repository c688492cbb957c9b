"""Markdown as a statute's text: the repairs a converter's or a scraper's Markdown needs before Python-Markdown
renders it, and the tests that tell a Markdown file that is really a printed text (or a ".txt" that is really
Markdown) apart. ``readers`` renders the HTML this module gives to lines.
"""

from __future__ import annotations

import re
from typing import Any

from compgraph.legal.code_annotations import without_code_annotations
from compgraph.legal.glued_labels import unglue_labels
from compgraph.legal.spelled_numerals import rejoin_spelled_numerals

__all__ = ["markdown_saved_as_text", "markdown_to_html", "printed_text"]


def markdown_to_html(raw: str) -> str:
    """The HTML of a statute written in Markdown, after the repairs its converters' habits need."""
    import markdown

    # "pdftotext -layout" opens each page after the first with a form feed; on the line that closes a
    # fence ("\f```") it hides the fence, and the rest of the file is read as one run of text
    raw = _lists_after_paragraphs(_stray_brackets_escaped(re.sub(r"^\f+", "", raw, flags=re.M)))
    raw = _bold_section_headings(without_code_annotations(_front_matter_titles(raw)))
    raw = _QUOTE_ESCAPE.sub(r"\1", _STRUCK.sub("", raw))
    raw = unglue_labels(raw)  # "a.Each agency shall ...: 1a brief description": a scraper's glued labels
    raw = rejoin_spelled_numerals(raw)  # "within ten" / "(10) calendar days": a break before the figures
    # a fenced block (```) is preformatted: a statute pasted as a PDF's text keeps its lines there
    extensions = ["tables", "fenced_code", _numbered_lists()]
    html = markdown.markdown(raw, extensions=extensions)
    if _ITEMS_AS_CODE.search(html):
        html = markdown.markdown(_indented_items_as_lists(raw), extensions=extensions)
    return str(html)


# A converter's Markdown saved as ".txt" (leginfo's "**SECTION 1\\.** Section 1367.01 ... is amended to read:"):
# read as plain text, its backslash-escaped full stops and bold markers would stay in every duty's text and hide
# the section numbers. Plain legislation never escapes a full stop or a bracket with a backslash.
_MARKDOWN_ESCAPE = re.compile(r"\w\\[.)\]]|\\\[")
_MARKDOWN_MARK = re.compile(r"^#{1,6}[ \t]+\S|\*\*\S[^*\n]*\*\*", re.M)


# A redline in Markdown prints the words an amendment deletes struck through ("A business that ~~is required to
# comply with Section 1798.120~~ *sells or shares ...* shall", "\\(~~b~~*d*) Nothing in this title"): GitHub's
# strikethrough, which Python-Markdown does not know. Struck words are no longer law, so they are not read; a span
# is one paragraph's (it never crosses a blank line).
_STRUCK = re.compile(r"~~(?=\S)(?:(?!\n[ \t]*\n)[\s\S])*?(?<=\S)~~")
# CommonMark lets any ASCII punctuation be escaped, and converters escape quotes ("[Consumers](...)\\' Right",
# "titled \\"Limit the Use ...\\""); Python-Markdown unescapes neither, so the backslash stayed in every duty.
_QUOTE_ESCAPE = re.compile(r"\\(['\"])")


# A line set justified to a fixed width, as a legislature prints a bill and its plain-text service serves it: runs
# of spaces between words ("SHALL  CONDUCT  OR  HAVE  CONDUCTED  AN  IMPACT  ASSESSMENT").
_JUSTIFIED = re.compile(r"\w[,;]?  +\w")


# A Jekyll page opens with YAML front matter ("---" / "layout: default" / "title: Section 8.02 Capital Program." /
# "---") and may print its title through a Liquid template ("{{ page.title }}" underlined as a heading); a code's
# sections saved as such pages, one after another, carry their numbers and catchlines only there. Each block
# becomes a heading with its title (the template heading goes: the block's title takes its place), so a section
# opens where the page did instead of the block's lines running into the text before it.
_FRONT_MATTER = re.compile(r"^---[ \t]*\n((?:[A-Za-z_][\w-]*:[^\n]*\n(?:(?!---)[^\n]*\n){0,3}?)+)---[ \t]*\n", re.M)
_FRONT_TITLE = re.compile(r"^title:[ \t]*(.+(?:\n(?![A-Za-z_][\w-]*:).+)*)", re.M)
_LIQUID_TITLE = re.compile(r"^[ \t]*\{\{\s*page\.title\s*\}\}[ \t]*\n(?:[-=]+[ \t]*\n)?", re.M)


# Hawaii's code as a site's Markdown: "**§454M-5 Additional duties of a mortgage servicer; good faith** **and fair
# dealing; ... servicing rights.** (a) A mortgage servicer ...": the section's number and catchline in bold (one span
# or two), run into its first subsection. The bold words are the section's heading; the subsection is a paragraph of
# its own, labelled "(a)" as the ones after it are.
_BOLD_SECTION = re.compile(r"^\*\*(\[?§[ \t]*\d[^*\n]*?)\*\*((?:[ \t]*\*\*[^*\n]+\*\*)*)(\.?)[ \t]+(?=\S)", re.M)


def _bold_section_headings(raw: str) -> str:
    def heading(m: re.Match[str]) -> str:
        # the full stop may follow the bold ("**§92-3.1 Limited meetings**. (a) ...")
        # the revisor's brackets round a section's number ("**[§489D-18] Maintenance of records.**") are no part of it
        number = re.sub(r"^\[(§[^\]\s]+)\]", r"\1", m.group(1))
        words = " ".join(f"{number} {m.group(2).replace('**', ' ')}".split()) + m.group(3)
        return f"### {words}\n\n" if words.endswith(".") else m.group(0)

    return _BOLD_SECTION.sub(heading, raw)


def _front_matter_titles(raw: str) -> str:
    def heading(block: re.Match[str]) -> str:
        if not re.search(r"^(?:layout|title):", block.group(1), re.M):
            return block.group(0)  # a rule and lines that only look like keys
        title = _FRONT_TITLE.search(block.group(1))
        words = " ".join(title.group(1).split()).strip("'\"") if title else ""
        return f"\n## {words}\n\n" if words else "\n"

    if not _FRONT_MATTER.search(raw):
        return raw
    return _LIQUID_TITLE.sub("", _FRONT_MATTER.sub(heading, raw))


def printed_text(raw: str) -> bool:
    """Markdown whose body is a print's plain text (New York's bills as the Senate's Open Legislation service gives
    them, under a short Markdown header): Markdown would join its hard-wrapped lines, and the page furniture between
    them, into one paragraph a page; its lines are the print's own. Most of its lines are at most 80 characters
    and justified with runs of spaces, which prose in Markdown is not."""
    lines = [ln for ln in raw.splitlines() if ln.strip()]
    if any(ln.lstrip().startswith("```") for ln in lines):
        return False  # a print pasted in a fenced block keeps its lines as Markdown reads it
    if len(lines) < 40:
        return False
    justified = sum(bool(_JUSTIFIED.search(ln)) for ln in lines)
    if sum(len(ln) <= 80 for ln in lines) >= 0.9 * len(lines) and justified >= 0.4 * len(lines):
        return True
    # A PDF's text extract saved as Markdown (Singapore Statutes Online's A4 page, about 95 columns): no blank line
    # at all, which Markdown would read as one paragraph, lines a page's width, some of them justified.
    unbroken = all(ln.strip() for ln in raw.strip().splitlines())
    return (unbroken and sum(len(ln.rstrip()) <= 100 for ln in lines) >= 0.9 * len(lines)
            and justified >= 0.2 * len(lines))


def markdown_saved_as_text(raw: str) -> bool:
    return bool(_MARKDOWN_ESCAPE.search(raw) and _MARKDOWN_MARK.search(raw))


# Python-Markdown looks for the end of a link's text from every "[" to the end of its paragraph, one character at
# a time: OCR noise or a pasted table with thousands of "[" and no "]" took minutes (8,000: 9 s, growing with the
# square). A "[" nothing closes, or one nested more than two deep, can start no link a statute holds, so it is
# escaped (Markdown prints it as it was) and the converter never scans for it.
_BRACKET_DEPTH = 2
_BRACKET_OR_ESCAPE = re.compile(r"\\[\s\S]|[\[\]]")


def _stray_brackets_escaped(raw: str) -> str:
    stack: list[int] = []
    stray: list[int] = []
    for m in _BRACKET_OR_ESCAPE.finditer(raw):
        if m.group(0) == "[":
            (stray if len(stack) >= _BRACKET_DEPTH else stack).append(m.start())
        elif m.group(0) == "]" and stack:
            stack.pop()
    stray = sorted(stray + stack)
    if not stray:
        return raw
    parts, last = [], 0
    for pos in stray:
        parts += [raw[last:pos], "\\["]
        last = pos + 1
    parts.append(raw[last:])
    return "".join(parts)


# CommonMark (GitHub, most converters) lets a bulleted list start right under a paragraph line ("... as follows:" then
# "- Sec. 6. ..."); Python-Markdown needs a blank line first, or reads every item as more words of that paragraph, so
# an order's sections and subsections came out as one line. A blank line before such an item gives CommonMark's list.
_BULLET_UNDER_TEXT = re.compile(
    r"^(?![ \t]*(?:[*+-][ \t]|\d{1,3}[.)][ \t]|#|>|\|))([ \t]*\S.*)\n(?=[ \t]{0,3}[*+-][ \t]+\S)", re.M)


def _lists_after_paragraphs(raw: str) -> str:
    raw = _CATCHLINE_ITEM_OVER_LEAD_IN.sub(r"\1\2", raw)
    return _numbered_lines_apart(_LABEL_UNDER_SENTENCE.sub(r"\1\n\n", _BULLET_UNDER_TEXT.sub(r"\1\n\n", raw)))


# A Public Law's print as a converter's Markdown (the Help America Vote Act, s. 301(a)(3)): a paragraph's label and
# capitals catchline as a list item of their own ("- (3) ACCESSIBILITY FOR INDIVIDUALS WITH DISABILITIES.—"), its
# lead-in the unlabelled paragraph after it ("The voting system shall—") and its points the items after that. Read
# apart, the catchline was a point with no words and the lead-in a paragraph of the subsection, its points cited
# "(a)(A)"; the lead-in is the item's own text, run in after the catchline as the print sets it.
_CATCHLINE_ITEM_OVER_LEAD_IN = re.compile(
    r"^([ \t]*[*+-][ \t]+\(\w{1,4}\)[ \t]+[A-Z][A-Z0-9 ,;'’()-]{2,120}\.?[—–])[ \t]*\n[ \t]*\n"
    r"[ \t]*(?![*+-][ \t]|\(|#|>|\||\{)([A-Z][^\n]{0,200}[—–:])[ \t]*$", re.M)


# A translation's paragraphs "1- ", "2- " and points "a) ", "A. " one to a line with no blank line between them (the
# Saudi Personal Data Protection Law's English text): Markdown joins them into one paragraph, so a lead-in's points
# came out as one run. Such a line starts a paragraph when it opens a list (its label "1", "a" or "A") under a line
# that ends a sentence or a lead-in, or goes on with the list of the line above it ("5- " after "4- ... interests",
# which has no full stop); a label of any other kind, or out of order, is left to Markdown as before.
# (Arlington's open data policy, round 49a: "B. The Departmental Data Coordinator will review the City Data
# Inventory." / "1. A City Data Inventory shall ...": Markdown's own "1." under a paragraph, which Python-Markdown
# leaves in the paragraph.)
_SEQUENCE_LABEL = re.compile(r"[ \t]{0,3}(?:(\d{1,3})-|([a-z])\)|([A-Z])\.|(\d{1,3})\.)[ \t]+\S")


def _numbered_lines_apart(raw: str) -> str:
    out: list[str] = []
    last: dict[int, int] = {}  # the ordinal of the last label of each kind in the run of lines
    for line in raw.split("\n"):
        m = _SEQUENCE_LABEL.match(line)
        if m is None:
            if not line.strip() or line.lstrip().startswith("#"):
                last = {} if line.lstrip().startswith("#") else last
            out.append(line)
            continue
        kind = next(i for i in (1, 2, 3, 4) if m.group(i))
        value = int(m.group(kind)) if kind in (1, 4) else ord(m.group(kind).lower()) - ord("a") + 1
        prev = out[-1] if out else ""
        if prev.strip() and ((value == 1 and re.search(r"[.;:][\"”’)]?[ \t]*$", prev))
                             or last.get(kind) == value - 1):
            out.append("")
        last[kind] = value
        out.append(line)
    return "\n".join(out)


# A converter from PDF writes each paragraph of a code on one line, with no blank line between them (the Fort Worth
# charter: "(a) ... message.", then "(b) The manager's budget message shall ..."); Markdown joins such lines into one
# paragraph, so every subsection after the first was read as more sentences of it. A line that opens with a
# provision's label right under a line that ends a sentence or a point (".", ";", ":", "; and", "; or") starts a
# paragraph; a label that only continues a hard-wrapped sentence ("... described in paragraph" / "(b) of this
# section") follows no such end.
_LABEL_UNDER_SENTENCE = re.compile(
    r"^(?![ \t]*(?:[*+-][ \t]|#|>|\|))([ \t]*\S.*(?:[.;:][\"”’)]?|;[ \t]+(?:and|or))[ \t]*)\n"
    r"(?=[ \t]{0,3}\((?:[a-z]{1,3}|\d{1,3}[a-z]?|[ivxlc]{1,6})\)[ \t]+\S)", re.M)


# A word processor's converter nests list items by indenting them a space or more per level, from four spaces on
# ("    * 1.2\tAn APP entity must ...", "     * (a) will ensure ..."). Markdown reads a line indented four spaces
# after a blank line as code, so each of an act's principles came out as one preformatted block, its clauses and
# points run together. Legislation holds no code: a code block that starts with a list item is the nested list the
# indentation shows, and is read as one.
_ITEMS_AS_CODE = re.compile(r"<pre><code>[ \t]*[*+-][ \t]")
_ITEM_LINE = re.compile(r"^([ \t]*)([*+-])[ \t]+(?=\S)")


def _indented_items_as_lists(raw: str) -> str:
    """``raw`` with each list item re-indented four spaces per level of nesting, the levels read from the items'
    own indentation (deeper than the item before: one level down, never more)."""
    lines = raw.split("\n")
    widths = sorted({len(m.group(1).expandtabs(4)) for line in lines if (m := _ITEM_LINE.match(line))})
    rank = {w: r for r, w in enumerate(widths)}
    out: list[str] = []
    base, level = -1, -1  # the rank of the first item of the current list, the level of the last item
    for line in lines:
        m = _ITEM_LINE.match(line)
        if m is None:
            if line.strip():
                base, level = -1, -1  # a heading or a paragraph ends the list
            out.append(line)
            continue
        r = rank[len(m.group(1).expandtabs(4))]
        if base < 0:
            base = r
        level = max(0, min(r - base, level + 1))
        out.append("    " * level + line[len(m.group(1)) :])
    return "\n".join(out)


def _numbered_lists() -> Any:
    """A Markdown extension that keeps an ordered list's first number (``<ol start="2">``).

    Python-Markdown numbers every ordered list from 1, so an article's "2." after the points of paragraph 1 (a
    new list, once the points broke the first) would be read as a second paragraph 1. Only the numbering changes:
    which lines make a list is Python-Markdown's as before."""
    from markdown.blockprocessors import OListProcessor
    from markdown.extensions import Extension

    class StartedOList(OListProcessor):
        LAZY_OL = False

    class NumberedLists(Extension):
        def extendMarkdown(self, md: Any) -> None:  # noqa: N802 - Python-Markdown's hook name
            md.parser.blockprocessors.register(StartedOList(md.parser), "olist", 40)

    return NumberedLists()
