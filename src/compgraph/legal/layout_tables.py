"""Tables a page uses only to lay itself out, read as the text they frame.

An older site sets its whole page in one table (LawPhil's: a row for the banner, one for the search box, one for the
menu, and one cell holding every paragraph of the Act in a ``<blockquote>``). Read as a table, that cell was one
line: every section, lead-in and point of the Act run together, so no section number opened a line and each point
took the first lead-in of the page.
"""

from __future__ import annotations

from typing import Any

# A cell with this many paragraphs of its own is a page's body, not a table's entry: a point row of the Official
# Journal holds one paragraph per cell, an annex's cell a few lines.
_BODY_PARAGRAPHS = 8


def _own(node: Any, table: Any) -> bool:
    return bool(node.find_parent("table") is table)


def unwrap_layout_tables(soup: Any) -> None:
    """Unwrap every table one of whose cells holds a page's body, so its paragraphs are read as paragraphs; a table
    nested in that body (a signature block) stays a table."""
    for table in soup.find_all("table"):
        cells = [c for c in table.find_all(["td", "th"]) if _own(c, table)]
        if not any(sum(1 for p in c.find_all("p") if _own(p, table)) >= _BODY_PARAGRAPHS for c in cells):
            continue
        for part in [x for x in table.find_all(["tbody", "thead", "tfoot", "tr", "td", "th"]) if _own(x, table)]:
            part.unwrap()
        table.unwrap()
