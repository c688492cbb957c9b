"""A line that starts with the number its sentence broke off citing: a line break left it where a label stands.

"... pursuant to subdivision", a page break, then a converter's list item "- (3) of subsection (a) of this section
by ..."; "... the ICT business continuity policy referred to in Article" at a printed line's end, then "11. Financial
entities, other than ...". The number is the one cited, not a new point or paragraph, and the line goes on with the
sentence (``statute._completes_citation``).
"""

from __future__ import annotations

import re

__all__ = ["continues_citation"]

# the word that cites a subdivision, then a label followed by the words that go on citing ("(3) of subsection (a)")
_CITING_END = re.compile(r"\b(?:sub)?(?:divisions?|sections?|paragraphs?|clauses?)$|\bsubparagraphs?$", re.I)
# Utah's "... described in Subsection" at a printed line's end, then "(3)(a)." (the whole citation, then the
# sentence's full stop): labels that end the line after at most a stop are no point, which needs words of its own.
_CITED_LABEL_LINE = re.compile(r"^\(\w{1,4}\)(?:[ \t]+(?:of|to|and|or|through|in)\b|(?:\(\w{1,4}\))*[.,;:]?[ \t]*$)")
# a range of cited labels left open at a line's end ("to whom the provisions of paragraphs (3) through", then "(5) shall
# apply, where ..."): the next label closes the range
_OPEN_RANGE = re.compile(r"\b(?:sub)?(?:paragraphs?|sections?|items?|clauses?|Articles?)[ \t]+\(?\w{1,4}\)?[ \t]+"
                         r"(?:through|to)$", re.I)
# Singapore's 15(7)(b): "fails to comply with the Commissioner’s direction under subsection (3)," at a line's end,
# then "(5)(a) or (6); or": a list of cited labels broken after its comma goes on with the labels and "or" / "and"
_CITING_LIST_END = re.compile(r"\b(?:sub)?(?:sections?|paragraphs?|clauses?)[ \t]+(?:\(\w{1,4}\))+,$", re.I)
_CITED_LIST_LINE = re.compile(r"^(?:\(\w{1,4}\))+[ \t]+(?:or|and)[ \t]+\(\w{1,4}\)")
# the name of a numbered provision, then a bare number
_CITING_NAME_END = re.compile(r"\b(?:Articles?|Annex(?:es)?|Sections?|Chapters?|paragraphs?|points?|No\.)$")
_CITED_NUMBER_LINE = re.compile(r"^(\d{1,4})[.,;:]?(?=[ \t]|$)")


def continues_citation(text: str, line: str, mid_sentence: bool, next_paragraph: int) -> bool:
    """Whether ``line`` goes on with ``text``, whose sentence broke off citing the number ``line`` starts with.

    A bare number counts only when ``text``'s last line was broken at the margin in mid-sentence and the number is
    not ``next_paragraph`` (the paragraph that would come next): "Article" then "3." while 2 is open is still
    read as paragraph 3."""
    if _CITING_END.search(text) and _CITED_LABEL_LINE.match(line):
        return True
    if _OPEN_RANGE.search(text) and re.match(r"\(\w{1,4}\)", line):
        return True
    if _CITING_LIST_END.search(text) and _CITED_LIST_LINE.match(line):
        return True
    number = _CITED_NUMBER_LINE.match(line)
    return (number is not None and mid_sentence and bool(_CITING_NAME_END.search(text))
            and int(number.group(1)) != next_paragraph)
