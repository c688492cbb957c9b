"""Characters written as empty XML elements, as the Irish Statute Book's XML writes them.

The eISB's ``legislation.dtd`` has no character entities: a dash is ``<emdash/>``, quotation marks ``<odq/>`` and
``<cdq/>``, an apostrophe ``<csq/>``, an accented vowel ``<afada/>``. Read as markup each one vanishes, so a lead-in
loses the dash that says points follow ("A person to whom this section applies<emdash/>" reads as a sentence that
stops short) and words lose letters ("the Authority s annual report", "Garda S och na"). This module owns turning
them back into the characters before the markup is read.
"""

from __future__ import annotations

import re

__all__ = ["character_elements_to_text"]

_CHARACTERS = {
    "emdash": "\u2014", "endash": "\u2013", "odq": "\u201c", "cdq": "\u201d", "osq": "\u2018", "csq": "\u2019",
    "afada": "á", "efada": "é", "ifada": "í", "ofada": "ó", "ufada": "ú",
    "Afada": "Á", "Efada": "É", "Ifada": "Í", "Ofada": "Ó", "Ufada": "Ú",
}
_ELEMENT = re.compile(r"<(" + "|".join(_CHARACTERS) + r")\s*/>")


def character_elements_to_text(raw: str) -> str:
    """``raw`` with each empty character element (``<emdash/>``, ``<csq/>``, ``<ifada/>``) replaced by its
    character; XML without them is returned unchanged."""
    return _ELEMENT.sub(lambda m: _CHARACTERS[m.group(1)], raw)
