"""A store closed after an incremental validation can be opened again in the same process, even while pyparsing's
packrat cache is on (matplotlib's mathtext, imported by the audit report's charts, switches it on for the process):
rdflib's parses must keep no frame, and so no store database, of their callers alive."""

from __future__ import annotations

import gc
import random
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyparsing import ParserElement
from test_incremental import AS_OF, add_evidence

from compgraph.checks.incremental import validate_incremental
from compgraph.graph.build import build
from compgraph.graph.sparqlparse import parse_query
from compgraph.graph.store import LocalStore

QUERY = """PREFIX ex: <https://example.org/>
SELECT ?this WHERE {  # a comment, so the parser also tries its ignorables
  ?this a ex:System . FILTER NOT EXISTS { ?this ex:oversight ?o }
}"""


@pytest.fixture()
def packrat() -> Iterator[None]:
    was_on = ParserElement._packratEnabled
    ParserElement.enable_packrat()
    yield
    if not was_on:
        ParserElement.disable_memoization()


class _Held:
    """Stands for a store's database held in a caller's local variable."""


def test_a_parse_with_packrat_on_keeps_no_local_of_its_caller_alive(packrat: None) -> None:
    def caller() -> weakref.ref[_Held]:
        held = _Held()
        parse_query(QUERY)
        return weakref.ref(held)

    ref = caller()
    gc.collect()
    assert ref() is None


def test_a_store_closed_after_a_focus_node_rerun_with_packrat_on_opens_again_for_writing(
    tmp_path: Path, packrat: None,
) -> None:
    store = LocalStore(tmp_path / "store")
    build(store)
    validate_incremental(store, AS_OF, save=False)
    add_evidence(store, random.Random(1), 0)
    assert validate_incremental(store, AS_OF, save=False).focused  # the rerun read each query's focus entries
    store.close()
    LocalStore(tmp_path / "store").close()
