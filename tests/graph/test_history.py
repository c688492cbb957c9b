"""The audit trail: each write to the store leaves one hash-chained PROV activity naming who did what."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from compgraph.graph import history
from compgraph.graph.store import IN_PLACE_MAX, LocalStore

EX = "https://example.org/"
G = "https://w3id.org/compgraph/graph/test/one"
G2 = "https://w3id.org/compgraph/graph/test/two"


def nt(n: int, tag: str = "a") -> bytes:
    return "".join(f"<{EX}{tag}{i}> <{EX}p> \"{i}\" .\n" for i in range(n)).encode()


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    return LocalStore(tmp_path / "store")


def test_a_write_records_who_ran_which_command(store: LocalStore) -> None:
    with history.acting("alice", "build"):
        store.replace_graph(G, nt(3))
    [entry] = history.entries(store)
    assert (entry.seq, entry.agent, entry.command) == (1, "alice", "build")
    assert entry.changes == [
        {"graph": G, "before": 0, "after": 3, "hashBefore": history.EMPTY, "hashAfter": entry.changes[0]["hashAfter"]}
    ]


def test_an_entry_is_a_prov_activity_associated_with_its_agent(store: LocalStore) -> None:
    with history.acting("alice", "import"):
        store.replace_graph(G, nt(2))
    res = store.select(
        "ASK { GRAPH cgg:history { ?e a prov:Activity ; prov:wasAssociatedWith/rdfs:label 'alice' ;"
        f" prov:generated <{G}> ; prov:startedAtTime ?s ; prov:endedAtTime ?t }} }}"
    )
    assert res.boolean


def test_counts_and_hashes_before_follow_the_previous_write(store: LocalStore) -> None:
    store.replace_graph(G, nt(2))
    store.replace_graph(G, nt(5, "b"))
    first, second = history.entries(store)
    assert (second.changes[0]["before"], second.changes[0]["after"]) == (2, 5)
    assert second.changes[0]["hashBefore"] == first.changes[0]["hashAfter"]


def test_a_large_write_in_a_new_generation_is_recorded_with_it(store: LocalStore) -> None:
    store.replace_graph(G, nt(IN_PLACE_MAX + 10))
    [entry] = history.entries(store)
    assert entry.changes[0]["after"] == IN_PLACE_MAX + 10


def test_a_batch_is_one_entry_for_all_its_graphs(store: LocalStore) -> None:
    with store.batch() as b:
        b.replace_graph(G, nt(1))
        b.replace_graph(G2, nt(1, "c"))
    [entry] = history.entries(store)
    assert [c["graph"] for c in entry.changes] == sorted([G, G2])


def test_dropping_a_graph_is_recorded_as_going_to_zero(store: LocalStore) -> None:
    store.replace_graph(G, nt(4))
    store.drop_graph(G)
    assert history.entries(store)[-1].changes[0]["after"] == 0


def test_the_same_content_hashes_the_same_whatever_its_order(store: LocalStore) -> None:
    lines = nt(20).decode().splitlines(keepends=True)
    store.replace_graph(G, "".join(lines).encode())
    store.replace_graph(G2, "".join(reversed(lines)).encode())
    a, b = history.entries(store)
    assert a.changes[0]["hashAfter"] == b.changes[0]["hashAfter"]


def test_each_entry_carries_the_hash_of_the_one_before(store: LocalStore) -> None:
    for i in range(3):
        store.replace_graph(G, nt(i + 1))
    entries = history.entries(store)
    assert [e.previous for e in entries[1:]] == [e.hash for e in entries[:-1]]
    assert history.verify(store) == []


def test_verify_detects_an_edited_entry(store: LocalStore) -> None:
    with history.acting("alice", "review"):
        store.replace_graph(G, nt(1))
    store.replace_graph(G, nt(2))
    store.oxigraph.update(
        f"DELETE {{ GRAPH <{history.HISTORY_GRAPH}> {{ ?e <http://www.w3.org/2000/01/rdf-schema#label> 'review' }} }}"
        f" INSERT {{ GRAPH <{history.HISTORY_GRAPH}> {{ ?e <http://www.w3.org/2000/01/rdf-schema#label> 'nothing' }} }}"
        f" WHERE {{ GRAPH <{history.HISTORY_GRAPH}> {{ ?e <http://www.w3.org/2000/01/rdf-schema#label> 'review' }} }}"
    )
    assert history.verify(store) == ["entry 000001 was changed after it was written (its hash does not match)"]


def test_verify_detects_a_deleted_entry(store: LocalStore) -> None:
    for i in range(3):
        store.replace_graph(G, nt(i + 1))
    entry = ox.NamedNode(history.entry_iri(2))
    for q in list(store.oxigraph.quads_for_pattern(entry, None, None, ox.NamedNode(history.HISTORY_GRAPH))):
        store.oxigraph.remove(q)
    problems = history.verify(store)
    assert "entry 000002 is missing (the next one is 000003)" in problems
    assert "entry 000003 does not follow the entry before it (previous-hash mismatch)" in problems


def test_scratch_graphs_of_a_validation_run_are_not_recorded(store: LocalStore) -> None:
    from compgraph.graph.store import SCRATCH_PREFIXES

    store.replace_graph(SCRATCH_PREFIXES[0] + "x", nt(1))
    assert history.entries(store) == []


def test_writes_nobody_announced_are_recorded_under_the_system_user(store: LocalStore) -> None:
    store.replace_graph(G, nt(1))
    assert history.entries(store)[0].agent == history.os_user()
