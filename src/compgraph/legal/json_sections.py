"""An act exported as a JSON array of sections, one object a section, its words with every label glued to them.

The same dataset that keeps an act's sections as CSV rows (``csv_sections``) keeps them as JSON too, one object per
section, pretty-printed a field a line::

      {
        "section": "64",
        "id": "section-64",
        "title": "General obligations",
        ...
        "content": "1Where a type of processing ...—aa general description ...;ban assessment ..."
      },

Read as plain text, each ``"content"`` line is one paragraph and the act's labels never open a part. This module owns
recognising such a file, whole or cut from the middle of the array (so not a JSON document by itself: it may open
with ``{`` and end with ``},``), and reading its objects' fields; the rows are then laid out as the CSV's are.
"""

from __future__ import annotations

import json
import re

from compgraph.legal.code_seed_headings import section_fields
from compgraph.legal.csv_sections import section_rows_to_text

__all__ = ["is_section_json", "json_sections_to_text"]

# one field a line: `"name": "value",` with the value a JSON string (escapes and all)
_FIELD = re.compile(r'^\s*"(?P<name>[A-Za-z_]+)"\s*:\s*(?P<value>"(?:[^"\\]|\\.)*")\s*,?\s*$')
# a number field beside them (a code seed's `"document_index": 0`): no words of the act, passed over
_NUMBER_FIELD = re.compile(r'^\s*"[A-Za-z_]+"\s*:\s*-?\d+\s*,?\s*$')


def is_section_json(raw: str) -> bool:
    """Whether ``raw`` is an array of section objects (or a cut from one): it opens with ``[`` or ``{`` and every
    object it holds has a ``section`` and a ``content`` field on lines of their own."""
    head = raw.lstrip("\ufeff \t\r\n")
    if not head.startswith(("[", "{")):
        return False
    rows = _rows(raw)
    return bool(rows) and all("section" in row and "content" in row for row in rows)


def json_sections_to_text(raw: str) -> str:
    """Each section object as the act prints the section: its title, then its labelled parts line by line."""
    return section_rows_to_text(_rows(raw))


def _rows(raw: str) -> list[dict[str, str]]:
    """The objects' string fields, an object a dict, in the file's order; a new object at each ``{`` line."""
    rows: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in raw.splitlines():
        stripped = line.strip()
        if stripped in ("[", "]", ""):
            continue
        if stripped == "{":
            current = {}
            rows.append(current)
            continue
        if stripped in ("}", "},"):
            current = None
            continue
        m = _FIELD.match(line)
        if m is None and current is not None and _NUMBER_FIELD.match(line):
            continue
        if m is None or current is None:
            return []  # anything else (nested values, numbers, prose) is not a flat section export
        try:
            current[m.group("name").lower()] = str(json.loads(m.group("value")))
        except ValueError:
            return []
    return [section_fields(row) for row in rows]
