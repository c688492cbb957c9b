"""Sections numbered anew in each chapter: a charter or code whose every chapter opens at "§ 1" ("CHAPTER III: THE
CITY COUNCIL" then "§ 1 ... § 8", "CHAPTER XXVIII: DEPARTMENT OF INTERNAL AUDIT" then "§ 1 ... § 6") cites a section
by its chapter and number ("Chapter IV, section 2"), so its ids become "III-5", "XXVIII-1", as a charter that prints
"Section III-5" writes them; without that the second chapter's "§ 1" was told apart from the first only as "1.2".
May import: ``compgraph.legal.headings``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from compgraph.legal.headings import heading_of

__all__ = ["chapter_sections"]

_NUMERAL = re.compile(r"^[ \t#*]*\S+[ \t]+([IVXLC]+|\d+)\b")


def chapter_sections(provisions: Sequence[Any], lines: Sequence[str]) -> None:
    """Give each provision's ``section`` its chapter ("5" under "CHAPTER III" -> "III-5") when the document
    repeats a section number under another chapter; leave every id as it is otherwise."""
    chapter_at: list[str | None] = []
    chapter = None
    for line in lines:
        head = heading_of(line.strip().lstrip("#* \t"))
        numeral = _NUMERAL.match(line) if head is not None and head[0] == "group" else None
        chapter = numeral.group(1) if numeral else chapter
        chapter_at.append(chapter)
    first: dict[str, str | None] = {}
    for prov in provisions:
        first.setdefault(prov.section, chapter_at[prov.line - 1] if 0 < prov.line <= len(lines) else None)
    # the parser tells a repeated number apart with a suffix ("1.2"): a restart when the two are in other chapters
    repeated = {sid: sid.rsplit(".", 1)[0] for sid in first
                if re.fullmatch(r".+\.\d+", sid) and sid.rsplit(".", 1)[0] in first
                and first[sid] is not None and first[sid] != first[sid.rsplit(".", 1)[0]]}
    if not repeated:
        return
    for prov in provisions:
        if first.get(prov.section) is not None:
            prov.section = f"{first[prov.section]}-{repeated.get(prov.section, prov.section)}"
