"""Reading legislation.gov.uk's XML (Crown Legislation Markup Language, the ``data.xml`` of every UK Act and
statutory instrument) as the lines a reader sees on the printed page.

CLML keeps a provision's number apart from its text and without brackets (``<Pnumber>3</Pnumber>``,
``<Pnumber>b</Pnumber>``) and marks amended words with ``<Addition>`` / ``<Substitution>`` and the editor's
notes with ``<CommentaryRef/>``. Read as bare text, a duty would lose its citation ("(3)(b)") and gain the
annotations' words. So the text is laid out as legislation.gov.uk prints it: the catchline (``<Title>``) on
a line of its own, then ``10.—(1) An OES must ...``, each lower provision ``(a) ...`` on its own line, and the
words that close a list of points after it. The editor's notes (``<Commentaries>``), the metadata and the
explanatory note ("This note is not part of the Regulations") are not the law's words and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

__all__ = ["CLML_NAMESPACE", "clml_to_text"]

CLML_NAMESPACE = "http://www.legislation.gov.uk/namespaces/legislation"
_NS = "{" + CLML_NAMESPACE + "}"

# Elements whose words are not the law's: editor's notes, their markers, metadata, the explanatory note.
_LEFT_OUT = frozenset(
    {
        "Commentaries",
        "CommentaryRef",
        "FootnoteRef",
        "Footnotes",
        "MarginNoteRef",
        "MarginNotes",
        "ExplanatoryNotes",
        "EarlierOrders",
        "Contents",
        "Resources",
        "Metadata",
    }
)
# Numbered provisions, highest first: a P1 is a section or regulation, P2 a sub-section or paragraph, ...
_PROVISIONS = frozenset({"P1", "P2", "P3", "P4", "P5", "P6", "P7"})
# Headed groups whose Number and Title are heading lines ("PART 4", "Digital Services").
_HEADINGS = frozenset({"Number", "Title", "Subtitle", "Reference", "LongTitle", "SubjectInformation"})


def _local(tag: Any) -> str:
    return tag[len(_NS) :] if isinstance(tag, str) and tag.startswith(_NS) else str(tag).rpartition("}")[2]


def _words(element: Any) -> str:
    """An element's text on one line, without the editor's note markers inside it ("<CommentaryRef/>...")."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if _local(node.tag) in _LEFT_OUT:
            parts.append(node.tail or "")
            return
        parts.append(node.text or "")
        for child in node:
            walk(child)
        parts.append(node.tail or "")

    parts.append(element.text or "")
    for child in element:
        walk(child)
    return " ".join("".join(parts).split())


def _number(provision: Any) -> str:
    """A provision's printed number: "10." for a regulation or section, "(3)" and "(b)" below it; the source's
    own punctuation (``PuncBefore``/``PuncAfter``) when it gives one."""
    pnumber = provision.find(_NS + "Pnumber")
    if pnumber is None:
        return ""
    number = _words(pnumber)
    if not number:
        return ""
    if _local(provision.tag) == "P1":
        return pnumber.get("PuncBefore", "") + number + pnumber.get("PuncAfter", ".")
    return pnumber.get("PuncBefore", "(") + number + pnumber.get("PuncAfter", ")")


class Page:
    """The lines being laid out, and the number waiting to open the next line ("10." before "(1)")."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.pending = ""

    def joiner(self, text: str) -> str:
        """What joins a waiting number to the words after it."""
        # legislation.gov.uk prints a regulation's number and its first paragraph's together: "10.—(1) An OES"
        return "—" if text.startswith("(") else " "

    def line(self, text: str) -> None:
        text = " ".join(text.split())
        if self.pending:
            text = (self.pending + self.joiner(text) + text).strip() if text else self.pending
            self.pending = ""
        if text:
            self.lines.extend([text, ""])

    def heading(self, text: str) -> None:
        text = " ".join(text.split())
        if text:
            self.lines.extend(["", text, ""])


def _lay_out(element: Any, page: Page, label: str = "") -> None:
    """Lay out ``element`` on ``page``; ``label`` is the provision number its first text line opens with."""
    name = _local(element.tag)
    if name in _LEFT_OUT:
        return
    if name in _PROVISIONS:
        number = label + _number(element)  # "(1)(a)": a paragraph whose first words are its first point's
        if name == "P1":
            page.pending = (page.pending + " " + number).strip() if number else page.pending
            number = ""
        first = True
        for child in element:
            if _local(child.tag) == "Pnumber":
                continue
            _lay_out(child, page, number if first else "")
            first = False
        if first and number:  # a provision with a number and no text: a repealed "(10)"
            page.line(number)
        return
    if name in ("Text", "BlockText"):
        text = _words(element) if name == "Text" else ""
        if name == "BlockText":
            for child in element:
                _lay_out(child, page, label)
                label = ""
            return
        page.line(f"{label} {text}".strip() if label else text)
        return
    if name in _HEADINGS:
        page.heading(_words(element))
        return
    if name == "ListItem":
        marker = element.get("NumberOverride")
        _children(element, page, f"({marker})" if marker else label)
        return
    if name == "tr":
        cells = [_words(c) for c in element if _local(c.tag) in ("td", "th")]
        page.line(" ".join(c for c in cells if c))
        return
    _children(element, page, label)


def _children(element: Any, page: Page, label: str) -> None:
    first = True
    for child in element:
        _lay_out(child, page, label if first else "")
        first = False
    if first and label:
        page.line(label)


def _documents(root: Any) -> Iterator[Any]:
    """The parts of a CLML document that hold the law: its preliminaries, body and schedules."""
    for child in root:
        if _local(child.tag) in ("Primary", "Secondary", "EURetained"):
            yield from child
        elif _local(child.tag) not in _LEFT_OUT:
            yield child


_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


def _title_line(root: Any) -> str:
    """The document's title, as the page heads it, where no preliminaries print it (an excerpt of regulations): the
    metadata's ``dc:title``."""
    if any(_local(e.tag) in ("PrimaryPrelims", "SecondaryPrelims", "EUPrelims") for e in root.iter()):
        return ""
    title = root.find(f".//{_DC_TITLE}")
    return " ".join((title.text or "").split()) if title is not None else ""


def clml_to_text(root: Any) -> str:
    """The text of a parsed CLML ``<Legislation>`` element, one line per heading and provision."""
    page = Page()
    page.heading(_title_line(root))
    for part in _documents(root):
        _lay_out(part, page)
    if page.pending:
        page.line("")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(page.lines)).strip() + "\n"
