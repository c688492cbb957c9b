"""A code's sections seeded as JSON objects whose fields are named for the code, not the act.

A repository's seed of a US Code title keeps each section as an object with ``"section_number": "§ 551"`` and its
words in ``"text"``, beside numeric fields (``"document_index": 0``, ``"order_index": 249``). The words are the
code's paragraphs, ``\\n\\n`` apart, each subsection's heading run into its first words with nothing between them:
"(a) Notice to subscriber regarding personally identifiable information; definitions(1) At the time ...",
"(d) Subscriber access to informationA cable subscriber shall be provided ...". Read so, the heading and the first
sentence are one, and a point's label ("(1)") glued to a heading's last word opens no point.

:func:`section_fields` names such an object's fields as the act exports are named (``section``, ``content``);
:func:`split_run_in_headings` puts each subsection's heading on a line of its own, its label before it, and the
words after it on the next line ("(d) Subscriber access to information" / "A cable subscriber shall ..."), and a
list's first point glued to its lead-in's dash ("—(A) the nature ...") on a line of its own, as the points after it.
"""

from __future__ import annotations

import re

__all__ = ["section_fields", "split_run_in_headings"]

# the code's field names and the act export's they stand for
_FIELD_NAMES = {"section_number": "section", "text": "content"}
# "§ 551", "Sec. 551": the section's number without its sign
_SECTION_SIGN = re.compile(r"^(?:§+|Sec\.)\s*")
# a subsection's label at a paragraph's start, then its heading (no sentence's end in it) up to the first word glued
# to the next: a label "(1)" / "(A)" straight after a letter, or a capital opening a word straight after a small letter
_RUN_IN_HEADING = re.compile(
    r"(?m)^(?P<label>\([a-z]{1,2}\)) (?P<heading>[A-Z][^\n.]{0,200}?[a-z’”])"
    r"(?=\((?:\d{1,3}|[A-Z])\) |[A-Z](?:[a-z]*|) )"
)

# a list's first point glued to its lead-in's dash ("informs the subscriber of—(A) the nature ..."): a paragraph of
# its own, as the points after it are, so that "(B)" reads as the next point, not as subsection (b)
_POINT_AFTER_DASH = re.compile(r"—(?=\((?:[a-z]{1,2}|[A-Z]{1,3}|[ivx]{1,5}|\d{1,3})\) )")


def section_fields(fields: dict[str, str]) -> dict[str, str]:
    """The object's fields, those of a code's seed named as an act export's (``section``, ``content``)."""
    named = {_FIELD_NAMES.get(name, name): value for name, value in fields.items()}
    if "section_number" in fields:
        # printed as the code prints a section's heading, "§ 551. Protection of subscriber privacy", which opens it
        number = _SECTION_SIGN.sub("", fields["section_number"])
        named["section"] = f"§ {number}. {named.pop('title', '')}".rstrip(". ")
        named["content"] = split_run_in_headings(named.get("content", ""))
    return named


def split_run_in_headings(text: str) -> str:
    """Each subsection's heading run into its first words set on a line of its own after its label."""
    text = _RUN_IN_HEADING.sub(lambda m: f"{m.group('label')} {m.group('heading')}\n\n", text)
    return _POINT_AFTER_DASH.sub("—\n\n", text)
