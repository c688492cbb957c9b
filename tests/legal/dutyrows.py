"""The rows the per-style statute tests compare: each duty a text yields as (citation, modality, text).

One helper for every such test file: the text is repaired as the importer repairs it (ligatures, hyphenation)
before the provisions are read, so a test sees what `compgraph import` would."""

from __future__ import annotations

from compgraph.legal.provisions import statute_duties
from compgraph.legal.statute import repair_typography


def duty_rows(text: str) -> list[tuple[str, str, str]]:
    return [(d.ref, d.modality, d.text) for d in statute_duties(repair_typography(text))]
