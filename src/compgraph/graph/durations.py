"""How a duration reads to people: ``P210D`` as "210 days".

One formatter for every place people read an answer (the browser's pages and ``compgraph query``'s table),
so the CLI and the browser never word the same value two ways. Machine formats (.json, .csv, ``--format
json/csv/tsv``) keep the xsd:duration lexical form, which is what scripts parse.
"""

from __future__ import annotations

import re
from typing import Any

from rdflib import Literal
from rdflib.namespace import XSD

DURATION_TYPES = frozenset({str(XSD.duration), str(XSD.dayTimeDuration)})
_DAYS = re.compile(r"^(-?)P(\d+)D$")


def human_duration(value: Any) -> str:
    """An xsd:duration of whole days as people write it ('P210D' -> '210 days'); other values unchanged."""
    text = "" if value is None else str(value)
    m = _DAYS.match(text)
    if not m:
        return text
    n = int(m.group(2))
    phrase = f"{n} day{'' if n == 1 else 's'}"
    return f"minus {phrase}" if m.group(1) and n else phrase


def is_duration(term: Any) -> bool:
    """Whether ``term`` is a literal typed xsd:duration or xsd:dayTimeDuration."""
    return isinstance(term, Literal) and str(term.datatype) in DURATION_TYPES
