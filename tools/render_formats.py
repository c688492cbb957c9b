"""Render one labelled plain-text statute excerpt in the other layouts real copies of it come in, so the extractor
can be held to the same duties whichever copy a team has (tests/fixtures/regulations-formats).

    python tools/render_formats.py SOURCE.txt OUT_DIR NAME "HTML TITLE"
    chromium --headless --no-sandbox --disable-gpu --print-to-pdf=OUT_DIR/NAME-print.pdf file://OUT_DIR/NAME-eurlex.html

SOURCE.txt is in the layout of ../shared/regulations/eu-ai-act-providers.txt ("Article N", its title, then a line
per paragraph, subparagraph and point). Written: NAME-eurlex.html (the Official Journal's HTML markup: oj-ti-art and
oj-sti-art headings, "1.   " paragraphs with non-breaking spaces, each point in a two-column table), NAME-converted.md
(an HTML-to-Markdown converter's output: "## Article N", "### title", each line a paragraph) and NAME-flat.txt (each
article's content on one line under its number and title, as the JSON parses of EUR-Lex pages give it). The words
are never changed; the labels are copied unchanged beside each file.
"""

from __future__ import annotations

import html
import re
import shutil
import sys
from pathlib import Path

POINT = re.compile(r"^\(([a-z]+|[ivx]+)\) (.*)$")
PARAGRAPH = re.compile(r"^(\d+)\. (.*)$")


def articles(text: str) -> list[tuple[str, str, list[str]]]:
    lines = text.splitlines()
    out: list[tuple[str, str, list[str]]] = []
    i = 0
    while i < len(lines):
        m = re.match(r"^Article (\d+)$", lines[i])
        if m:
            out.append((m.group(1), lines[i + 1].strip(), []))
            i += 2
            continue
        if lines[i].strip() and out:
            out[-1][2].append(lines[i].strip())
        i += 1
    return out


def eurlex(arts: list[tuple[str, str, list[str]]], title: str) -> str:
    h = [f"<html><head><title>{html.escape(title)}</title></head><body>"]
    for num, heading, body in arts:
        h.append(f'<div class="eli-subdivision" id="art_{num}"><p class="oj-ti-art">Article {num}</p>'
                 f'<div class="eli-title"><p class="oj-sti-art">{html.escape(heading)}</p></div>')
        for ln in body:
            pm, nm = POINT.match(ln), PARAGRAPH.match(ln)
            if pm:
                h.append('<table width="100%" border="0" cellspacing="0" cellpadding="0"><col width="4%"/>'
                         '<col width="96%"/><tbody><tr><td valign="top"><p class="oj-normal">'
                         f'({pm.group(1)})</p></td><td valign="top"><p class="oj-normal">{html.escape(pm.group(2))}'
                         "</p></td></tr></tbody></table>")
            elif nm:
                h.append(f'<p class="oj-normal">{nm.group(1)}.\u00a0\u00a0\u00a0{html.escape(nm.group(2))}</p>')
            else:
                h.append(f'<p class="oj-normal">{html.escape(ln)}</p>')
        h.append("</div>")
    h.append("</body></html>")
    return "\n".join(h)


def converted(arts: list[tuple[str, str, list[str]]], title: str) -> str:
    md = [f"# {title}", ""]
    for num, heading, body in arts:
        md += [f"## Article {num}", "", f"### {heading}", ""]
        for ln in body:
            md += [ln, ""]
    return "\n".join(md)


def flat(arts: list[tuple[str, str, list[str]]]) -> str:
    out: list[str] = []
    for num, heading, body in arts:
        out += [f"Article {num}", heading, " ".join(body), ""]
    return "\n".join(out)


def main(source: Path, out: Path, name: str, title: str) -> None:
    arts = articles(source.read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}-eurlex.html").write_text(eurlex(arts, title), encoding="utf-8")
    (out / f"{name}-converted.md").write_text(converted(arts, title), encoding="utf-8")
    (out / f"{name}-flat.txt").write_text(flat(arts), encoding="utf-8")
    for layout in ("eurlex", "converted", "flat", "print"):
        for kind in ("truth", "traps"):
            shutil.copyfile(source.with_suffix(f".{kind}.tsv"), out / f"{name}-{layout}.{kind}.tsv")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4])
