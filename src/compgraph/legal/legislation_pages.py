"""Reading legislation.gov.uk's HTML page of a revised Act as the site prints its XML (``clml``).

The page keeps a section's number in a heading of its own, beside the catchline and an extent badge ("77 Duty to give
information to debtor ... agreement.U.K."), and an inserted section's number inside the amendment's brackets and
note marker ("[F177AStatements to be provided ..."); read as it stands, no section opens, so every duty is cited by
its subsection alone. The editor's apparatus is no part of the law's words: the extent badges
(``LegExtentRestriction``), the note markers (``LegCommentaryLink``), the amendment brackets
(``LegChangeDelimiter``) and the "Textual Amendments" block after each section (``LegAnnotations``), as ``clml``
leaves out ``<Commentaries>``. Then the section is laid out as ``clml`` lays out the XML: the catchline on a line
of its own and the number run into the first subsection ("77.—(1) The creditor ...").

Met in round 50b (the Consumer Credit Act 1974, ss. 77 to 80, as the page's HTML).
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

__all__ = ["lay_out_legislation_page"]

_APPARATUS = ("LegExtentRestriction", "LegCommentaryLink", "LegChangeDelimiter", "LegAnnotations")


def _with_class(name: str) -> Any:
    return lambda tag: name in (tag.get("class") or ())


def lay_out_legislation_page(soup: Any) -> None:
    """Rewrite, in place, the sections of a legislation.gov.uk page (no other markup has these classes)."""
    labels = soup.find_all(lambda tag: bool({"LegP1No", "LegP2No"} & set(tag.get("class") or ())))
    if not any("LegP1No" in tag["class"] for tag in labels):
        return
    for name in _APPARATUS:
        for tag in soup.find_all(_with_class(name)):
            tag.decompose()
    # in document order: a section's number, then its first subsection's label unless the next section comes first
    # (a section with no subsections keeps its number in the heading)
    for number, first in pairwise(labels):
        label = " ".join(number.get_text().split())
        if "LegP1No" in number["class"] and "LegP2No" in first["class"] and label:
            number.decompose()
            first.string = f"{label}.—{first.get_text().strip()} "
