"""Small Word files made in the tests: a body of ``w:p`` paragraphs and, when given, a numbering part.

Written out by hand (a few XML parts in a ZIP), so that what a test relies on is in plain sight: a list's labels
only in the numbering definition, a deletion only as tracked, hidden text only as hidden.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/styles.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="word/document.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
</Relationships>"""
_DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="numbering.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"/>
<Relationship Id="rId2" Target="styles.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"/>
</Relationships>"""


def para(text: str, *, num: int | None = None, level: int = 0, style: str | None = None) -> str:
    """A paragraph of one run; ``num``: the list (numbering instance) it is an item of, at ``level``."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
    return f"<w:p><w:pPr>{props}</w:pPr>{run(text)}</w:p>"


def run(text: str, *, hidden: bool = False) -> str:
    props = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def text_box(*paragraphs: str) -> str:
    """A run holding a text box of ``paragraphs``, as Word writes one: DrawingML for today's readers and a VML copy
    for older ones (namespaces declared on the run, so that the body's root needs none)."""
    body = "".join(paragraphs)
    return (
        '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        f"<mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx>"
        "</wps:wsp></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def deleted(text: str) -> str:
    """A run deleted with changes tracked: Word shows it struck through until the change is accepted."""
    return (f'<w:del w:id="1" w:author="Drafter" w:date="2026-01-01T00:00:00Z"><w:r>'
            f'<w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>')


def inserted(text: str) -> str:
    return f'<w:ins w:id="2" w:author="Drafter" w:date="2026-01-01T00:00:00Z">{run(text)}</w:ins>'


def numbering(*levels: tuple[str, str]) -> str:
    """One list definition (numbering instance 1) with a (format, level text) per level, e.g.
    ("decimal", "%1."), ("lowerLetter", "(%2)")."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">'
            f'<w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum>'
            f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def heading_styles(*numbered: tuple[str, int | None]) -> str:
    """A styles part with "heading 1" .. "heading 9" styles (Heading1 ...), each (style id, list level) given tied to
    list instance 1 at that level (None: a style with no numbering)."""
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{_style_name(sid)}"/><w:pPr>'
        + (f'<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="1"/></w:numPr>' if lvl is not None else "")
        + "</w:pPr></w:style>"
        for sid, lvl in numbered
    )
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">{styles}</w:styles>'


def _style_name(style_id: str) -> str:
    return f"heading {style_id[-1]}" if style_id.startswith("Heading") else style_id


def docx(*paragraphs: str, numbered: str | None = None, stored: bool = False, styles: str | None = None) -> bytes:
    """The bytes of a .docx whose body is ``paragraphs`` (``para`` or raw ``w:p`` XML); ``stored``: uncompressed, so
    that a test can find the body's bytes in the file."""
    body = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'
            f'{"".join(paragraphs)}</w:body></w:document>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", body)
        if numbered is not None:
            z.writestr("word/_rels/document.xml.rels", _DOC_RELS)
            z.writestr("word/numbering.xml", numbered)
        if styles is not None:
            z.writestr("word/styles.xml", styles)
    return out.getvalue()


_ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3"')
_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def odt(body: str, styles: bytes) -> bytes:
    """The bytes of an OpenDocument text whose ``office:text`` is ``body``, with ``styles`` (a ``styles.xml`` as a word
    processor writes it: pandoc reads no file without one)."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODT_NS}><office:body><office:text>'
               f"{body}</office:text></office:body></office:document-content>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", _MANIFEST)
        z.writestr("content.xml", content)
        z.writestr("styles.xml", styles)
    return out.getvalue()
