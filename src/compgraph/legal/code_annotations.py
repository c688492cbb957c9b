"""A code's annotations: the editor's notes an annotated code prints after a section's history note.

Hawaii's Revised Statutes, as a site's Markdown carries them, follow a section with "Attorney General Opinions",
"Law Journals and Reviews" and "Case Notes" (once in bold), each a line of its own over short summaries of opinions and
cases ("Opportunity to present testimony, when it must be afforded; cannot delegate committee to hear testimony. Att.
Gen. Op. 86-5.", "Executive meeting ... may not be closed."). They are not the law's words: read as more sentences of
the section, their "must" and "may not" were duties. From such a line to the next heading or section the lines go.
"""

from __future__ import annotations

import re

__all__ = ["ANNOTATION_HEADINGS", "without_code_annotations"]

# The headings of an annotated code's notes (Hawaii's; West's and Lexis's names for the same notes).
ANNOTATION_HEADINGS = (
    "Attorney General Opinions", "Case Notes", "Law Journals and Reviews", "Notes of Decisions",
    "Cross References", "Revision Note", "Revision Notes", "Research References", "Library References",
    "Rules of Court", "Annotations",
)

_HEADING_LINE = re.compile(
    r"^[ \t]*(?:\*\*|__)?(?:" + "|".join(re.escape(h) for h in ANNOTATION_HEADINGS) + r")(?:\*\*|__)?[ \t]*$")
# what ends the notes: a Markdown heading or a section that opens with its number ("**§92-4 ...", "§ 92-4.")
_SECTION_START = re.compile(r"^[ \t]*(?:#{1,6}[ \t]|(?:\*\*)?§)")


def without_code_annotations(raw: str) -> str:
    """``raw`` without the annotation blocks: each from a line that is an annotation heading alone, after a blank
    line, to the next heading or section."""
    lines = raw.split("\n")
    out: list[str] = []
    skipping = False
    for i, line in enumerate(lines):
        if skipping and _SECTION_START.match(line):
            skipping = False
        elif not skipping and _HEADING_LINE.match(line) and (i == 0 or not lines[i - 1].strip()):
            skipping = True
        if not skipping:
            out.append(line)
    return "\n".join(out)
