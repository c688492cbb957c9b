"""A graph rewritten in place leaves what the write removed and added beside the store (``graph.deltas``), so
incremental validation knows what changed, not only that the graph's hash moved."""

from __future__ import annotations

from pathlib import Path

import pytest

from compgraph.graph import deltas, history
from compgraph.graph.store import LocalStore

G = "https://w3id.org/compgraph/graph/test/deltas"


def _nt(*lines: str) -> bytes:
    return "".join(f"{x} .\n" for x in lines).encode()


def _hash(store: LocalStore) -> str:
    recorded = history.last_recorded(store.oxigraph, G)
    assert recorded is not None
    return recorded[1]


def _lines(triples: list) -> set[str]:  # noqa: ANN001
    return {f"{t.subject} {t.predicate} {t.object}" for t in triples}


@pytest.fixture()
def store(tmp_path: Path) -> LocalStore:
    s = LocalStore(tmp_path / "store")
    s.replace_graph(G, _nt("<urn:a> <urn:p> <urn:b>", "<urn:a> <urn:q> \"1\"", "<urn:c> <urn:p> <urn:d>"))
    return s


def test_an_in_place_rewrite_keeps_what_it_removed_and_added(store: LocalStore) -> None:
    before = _hash(store)
    store.replace_graph(G, _nt("<urn:a> <urn:p> <urn:b>", "<urn:a> <urn:q> \"2\"", "<urn:c> <urn:p> <urn:d>"))
    got = deltas.between(store.root, G, before, _hash(store))
    assert got is not None
    assert _lines(got[0]) == {'<urn:a> <urn:q> "1"'} and _lines(got[1]) == {'<urn:a> <urn:q> "2"'}


def test_two_writes_chain_to_their_net_difference(store: LocalStore) -> None:
    first = _hash(store)
    store.replace_graph(G, _nt("<urn:a> <urn:p> <urn:b>", "<urn:a> <urn:q> \"2\""))
    store.replace_graph(G, _nt("<urn:a> <urn:p> <urn:b>", "<urn:a> <urn:q> \"1\"", "<urn:e> <urn:p> <urn:f>"))
    got = deltas.between(store.root, G, first, _hash(store))
    assert got is not None
    assert _lines(got[0]) == {"<urn:c> <urn:p> <urn:d>"} and _lines(got[1]) == {"<urn:e> <urn:p> <urn:f>"}


def test_a_write_whose_file_is_missing_leaves_the_change_unknown(store: LocalStore) -> None:
    before = _hash(store)
    store.replace_graph(G, _nt("<urn:a> <urn:p> <urn:b>"))
    for f in (store.root / deltas.DIR).glob("*.nt"):
        f.unlink()
    assert deltas.between(store.root, G, before, _hash(store)) is None


def test_blank_nodes_the_store_only_labelled_again_are_no_difference(store: LocalStore) -> None:
    """A graph loaded again gets new blank node labels (the build's provenance activity): not a change."""
    store.replace_graph(G, _nt("<urn:g> <urn:by> _:act", "_:act <urn:at> \"t\"", "<urn:a> <urn:p> <urn:b>"))
    before = _hash(store)
    store.replace_graph(G, _nt("<urn:g> <urn:by> _:act", "_:act <urn:at> \"t\"", "<urn:a> <urn:p> <urn:c>"))
    got = deltas.between(store.root, G, before, _hash(store))
    assert got is not None
    assert _lines(got[0]) == {"<urn:a> <urn:p> <urn:b>"} and _lines(got[1]) == {"<urn:a> <urn:p> <urn:c>"}


def test_a_change_among_blank_nodes_keeps_no_difference(store: LocalStore) -> None:
    store.replace_graph(G, _nt("<urn:g> <urn:by> _:act", "_:act <urn:at> \"t\""))
    before = _hash(store)
    store.replace_graph(G, _nt("<urn:g> <urn:by> _:act", "_:act <urn:at> \"u\""))
    assert deltas.between(store.root, G, before, _hash(store)) is None
