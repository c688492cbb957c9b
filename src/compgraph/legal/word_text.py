"""A Word file's parts as Word shows them, made ready for pandoc: text boxes lifted out, hidden text out, numbers in.

Text in a text box (a callout, a boxed note, a sidebar) sits inside a drawing inside a run inside a paragraph, and
Word keeps it twice: as DrawingML (``mc:Choice``) and as VML for older readers (``mc:Fallback``). Pandoc reads neither,
so a statute's boxed proviso or a policy's boxed rule would be lost (three of three Word files of the GSA's FedRAMP
automation repository lost 5-33% of their letters that way). Each text box's paragraphs are moved out to follow the
paragraph that anchors it, where a reader meets them; the copy for older readers is dropped.

Text formatted as hidden (``w:vanish``), which Word neither shows nor prints (a drafter's note), pandoc would keep.
"""

from __future__ import annotations

import io
import re
import zipfile

from compgraph.legal.word_numbers import number_headings

__all__ = ["BODY", "NUMBERING", "STYLES", "lift_text_boxes", "visible_package"]

_TOKENS = re.compile(
    r"<mc:Fallback\b.*?</mc:Fallback>|<mc:Fallback\b[^>]*/>"  # the older readers' copy: dropped
    r"|<w:p(?=[\s>/])[^>]*?/>|<w:p(?=[\s>])[^>]*>|</w:p>"
    r"|<w:txbxContent\b[^>]*/>|<w:txbxContent\b[^>]*>|</w:txbxContent>",
    re.S,
)


def lift_text_boxes(xml: str) -> str:
    """``xml`` (a body, footnotes or endnotes part) with each text box's paragraphs after the paragraph anchoring it,
    the boxes left empty, and the copies kept for older readers dropped."""
    out: list[str] = []
    lifted: list[str] = []  # the boxes' paragraphs waiting for their anchor paragraph to close
    last, depth, boxed, opened = 0, 0, 0, 0
    for token in _TOKENS.finditer(xml):
        tag = token.group(0)
        if tag.startswith("<mc:Fallback"):
            if not boxed:
                out.append(xml[last:token.start()])
                last = token.end()
            continue
        if tag.startswith("<w:txbxContent"):
            if not tag.endswith("/>"):
                if boxed == 0:
                    out.append(xml[last:token.end()])
                    last = opened = token.end()
                boxed += 1
            continue
        if tag == "</w:txbxContent>":
            boxed -= 1
            if boxed == 0:
                lifted.append(xml[opened:token.start()])
                last = token.start()
            continue
        if boxed:
            continue
        if tag == "</w:p>":
            depth -= 1
            if depth == 0 and lifted:
                out += [xml[last:token.end()], *lifted]
                lifted, last = [], token.end()
        elif not tag.endswith("/>"):
            depth += 1
    out.append(xml[last:])
    return "".join(out) + "".join(lifted)


# A run (never nested) whose own properties hide it: ``<w:vanish/>``, or with a value that is not off. The paragraph
# mark's properties (inside ``w:pPr``) are not a run's and hide no text.
_RUN = re.compile(r"<w:r(?=[\s>])[^>]*>.*?</w:r>", re.S)
_HIDDEN = re.compile(
    r"<w:rPr\b[^>]*>(?:(?!</w:rPr>).)*<w:vanish(?:\s+w:val=\"(?!0\"|false\"|off\")[^\"]*\")?\s*/>", re.S
)
# formatting as it was before a tracked change: not what the run is now
_CHANGE = re.compile(r"<w:rPrChange\b.*?</w:rPrChange>", re.S)
_PARTS_WITH_TEXT = re.compile(r"word/(?:document|footnotes|endnotes)\.xml")
BODY, STYLES, NUMBERING = "word/document.xml", "word/styles.xml", "word/numbering.xml"


def visible_package(data: bytes) -> tuple[bytes, str]:
    """The package with its body's and notes' text boxes lifted out, their hidden runs taken out and the body's
    numbers written in (``word_numbers``), read and written once; and the body part as rewritten."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as package, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        names = set(package.namelist())
        styles, numbering = (package.read(n) if n in names else None for n in (STYLES, NUMBERING))
        body = ""
        for info in package.infolist():
            part = package.read(info)
            if _PARTS_WITH_TEXT.fullmatch(info.filename):
                # Word writes these parts in UTF-8; replacing what is not leaves pandoc the bytes' characters to read
                xml = lift_text_boxes(part.decode("utf-8", "replace"))
                xml = _RUN.sub(lambda m: "" if _HIDDEN.search(_CHANGE.sub("", m.group(0))) else m.group(0), xml)
                if info.filename == BODY:
                    body = xml = number_headings(xml, styles, numbering)
                part = xml.encode("utf-8")
            copy.writestr(info, part)
    return out.getvalue(), body
