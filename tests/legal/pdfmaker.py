"""Small PDFs for the reader's tests, written object by object: no PDF-writing library is installed (pypdf only
reads what these need), and a few Helvetica lines with a correct cross-reference table are all the tests ask."""

from __future__ import annotations


def pdf_pages(pages: list[list[str]]) -> bytes:
    """A PDF of Helvetica pages, each line of ``pages`` on a line of its own, with a correct cross-reference table."""
    n = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids.encode(), n)]
    for i, lines in enumerate(pages):
        shown = " T* ".join(f"({line}) Tj" for line in lines)
        content = f"BT /F1 10 Tf 12 TL 72 720 Td {shown} ET".encode("latin-1")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + 2 * i, 3 + 2 * n))
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_text(text: str) -> bytes:
    """A one-page PDF showing ``text`` on one line."""
    return pdf_pages([[text]])
