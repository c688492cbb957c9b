"""A section number that a PDF's text conversion sets apart from the section's words.

Nova Scotia's consolidated statutes print the section number in the margin beside the catchline's last line or the
first line of text; a converter that reads the page line by line puts it on a line of its own after the catchline
("Custodian-researcher agreement" / blank / "60" / blank / "(1) Where a custodian ..."), at the catchline's end where
a reader joins a paragraph's lines ("Confidentiality 61" / blank / "A custodian shall ..."), and, where the first
subsection's label stands in the margin too, before or after the number ("Designation of contact person (1)" / blank
/ "67" / blank / "A custodian shall designate ...", "63" / blank / "(1)" / blank / "A custodian shall create ...").
Read so, the number opens nothing and every section's subsections are cited as the first section's.

``join_margin_section_numbers`` moves such a number (with a first subsection's label stranded beside it) to the
front of the section's first line of words, "60 (1) Where a custodian ...", as BC Laws and e-Laws print a section
("26 An individual may make a request ..."); the lines it empties are blanked, not removed, so line numbers still
point into the source. A number counts only beside a catchline (a short line that opens with a capital and ends with
no punctuation or modal verb, and is no heading of its own: "Division 1", "Regulation 15"), before a sentence (eight
words or more, opening with a capital) or the label "(1)", above the number taken before it, and in a text that heads
no section ("Article 72", "Section 5", "§ 2"): a page number beside a running head ("Personal Data Protection 17"),
a paragraph's number under an article's title, or a figure in a sentence, stays where it is.
"""

from __future__ import annotations

import re

__all__ = ["join_margin_section_numbers"]

_NUMBER = re.compile(r"^[ \t]*(\d{1,3}[A-Z]?)[ \t]*$")
_LABEL = re.compile(r"^[ \t]*\(1\)[ \t]*$")
_CATCHLINE = re.compile(r"^[ \t]*"
                        r"(?!(?i:part|division|chapter|schedule|title|regulation|rule|article|section|clause|annex)\b)"
                        r"([A-Z][\w’'-]*(?:[ \t]+[\w’'-]+){0,11}?)"
                        r"(?:[ \t]+(\(1\)|\d{1,3}[A-Z]?))?[ \t]*$")
_WORDS = re.compile(r"^[ \t]*(?:\(1\)[ \t]+\S|[A-Z](?:\S*[ \t]+){7})")
_MODAL = re.compile(r"\b(?:shall|must|may)\b", re.I)
_HEADED = re.compile(r"^[ \t#*]*(?:Article|ARTICLE|Section|SECTION|Sec\.|SEC\.|§)[ \t]*\d", re.M)


def _near(lines: list[str], i: int, step: int) -> int | None:
    """The index of the nearest non-blank line from ``i`` in direction ``step``, across one blank line at most."""
    j = i + step
    for _ in range(2):
        if not 0 <= j < len(lines):
            return None
        if lines[j].strip():
            return j
        j += step
    return None


def _catchline(lines: list[str], i: int | None) -> re.Match[str] | None:
    if i is None:
        return None
    m = _CATCHLINE.match(lines[i])
    return m if m is not None and not _MODAL.search(lines[i]) else None


def join_margin_section_numbers(text: str) -> str:
    """``text`` with each margin section number set before its section's first words (see the module's doc)."""
    if _HEADED.search(text):
        return text  # a text that heads its sections ("Article 72", "Section 5") numbers them there
    lines = text.split("\n")
    last = 0
    for i, line in enumerate(lines):
        bare = _NUMBER.match(line)
        above = _near(lines, i, -1) if bare else None
        emptied = [i] if bare else []
        label = False
        if above is not None and _LABEL.match(lines[above]):
            label, emptied, above = True, [*emptied, above], _near(lines, above, -1)
        catch = _catchline(lines, above if bare else i)
        if catch is None or (bare is None and (catch.group(2) is None or catch.group(2) == "(1)")):
            continue
        if bare is not None and catch.group(2) is not None and catch.group(2) != "(1)":
            continue  # a catchline with a number of its own: the bare line is something else
        number = bare.group(1) if bare else catch.group(2)
        label = label or catch.group(2) == "(1)"
        below = _near(lines, i, 1)
        if below is not None and _LABEL.match(lines[below]):
            label, emptied, below = True, [*emptied, below], _near(lines, below, 1)
        value = int(re.match(r"\d+", number).group(0))  # type: ignore[union-attr]  # the pattern's digits
        if below is None or value <= last or not _WORDS.match(lines[below]):
            continue
        if catch.group(2) is not None:
            lines[above if bare else i] = catch.group(1)
        lines[below] = f"{number}{' (1)' if label else ''} {lines[below].lstrip()}"
        for j in emptied:
            lines[j] = ""
        last = value
    return "\n".join(lines)
