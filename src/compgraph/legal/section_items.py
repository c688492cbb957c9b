"""A statute page that prints each section as one list item (the Vermont General Assembly's chapter pages: an
``<li>`` per section holding Word's paragraphs, "§ 2430. Definitions" first, then "(a) ...", "(b) Notice of
breach.", "(1) Except as set forth in ...", "(B)(i) The data collector shall ..." each a paragraph of its own).

A browser shows those paragraphs one under another. Read as one line, the item ran the whole section together: its
subdivisions' labels sat inside a single paragraph, so points were taken for inline lists (a section's 45 sentences
cited "2435, sentence 14"), a lead-in took the next subsection's sentences and notice contents lost their points.
"""

from __future__ import annotations

import re
from typing import Any

# A paragraph that opens a subdivision with its label: "(a) ...", "(12) ...", "(B)(i) ...", "(iv) ...", "(II) ...".
_LABELLED = re.compile(r"^\((?:\d{1,3}[A-Z]?|[a-z]{1,2}|[A-Z]{1,2}|[ivxl]{1,6}|[IVXL]{1,6})\)")
# The item's first paragraph names its section: "§ 2430. Definitions", "Sec. 12. Notice", "2430. Definitions".
_SECTION = re.compile(r"^(?:§{1,2}|Sec(?:tion)?\.?)?\s*\d[\w.:-]*\.?\s+\S")


def section_paragraphs(li: Any) -> list[Any] | None:
    """The paragraphs after the first of a list item whose first paragraph names a section and most of whose later
    paragraphs open with a subdivision's label, each to be read as a line of its own; None for any other item."""
    paragraphs = li.find_all("p", recursive=False)
    if len(paragraphs) < 3 or not _SECTION.match(" ".join(paragraphs[0].get_text().split())):
        return None
    later = paragraphs[1:]
    labelled = sum(1 for p in later if _LABELLED.match(p.get_text().lstrip()))
    return later if labelled >= 2 and 2 * labelled >= len(later) else None
