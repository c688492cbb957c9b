"""A graph written as its difference from what the store holds ends as the quads given, with a true trail entry:
hashBefore the old graph's content, hashAfter (worked out as before less what went plus what came) the new's."""

from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox
import pytest

from compgraph.graph import history
from compgraph.graph import store as store_mod
from compgraph.graph.store import LocalStore

G = "https://w3id.org/compgraph/graph/test/difference"
EX = "http://example.org/"


def _quads(rnd: random.Random, n: int) -> list[ox.Quad]:
    g = ox.NamedNode(G)
    out = []
    for _ in range(n):
        s, p = ox.NamedNode(f"{EX}s{rnd.randrange(40)}"), ox.NamedNode(f"{EX}p{rnd.randrange(3)}")
        o = rnd.choice([ox.NamedNode(f"{EX}o{rnd.randrange(40)}"), ox.Literal(f"v {rnd.randrange(40)}\n\"q\""),
                        ox.Literal(str(rnd.randrange(9)), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))])
        out.append(ox.Quad(s, p, o, g))
    return out


def _lines(s: LocalStore) -> set[str]:
    return {f"{q.subject} {q.predicate} {q.object}" for q in s.oxigraph.quads_for_pattern(None, None, None,
                                                                                        ox.NamedNode(G))}


@pytest.mark.parametrize("in_place_max", [0, 10**9], ids=["new-generation", "in-place"])
def test_each_write_leaves_the_quads_given_and_a_trail_entry_with_their_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_place_max: int
) -> None:
    monkeypatch.setattr(store_mod, "IN_PLACE_DIFF_MAX", in_place_max)
    rnd = random.Random(5)
    s = LocalStore(tmp_path / "s")
    quads = _quads(rnd, 60)
    for _ in range(6):
        before = history.graph_digest(s.oxigraph, G)
        keep = rnd.sample(quads, k=len(quads) * 3 // 4)
        quads = keep + _quads(rnd, 15) + keep[:3]  # some go, some come, a few given twice
        s.write_own_quads(G, quads)
        assert _lines(s) == {f"{q.subject} {q.predicate} {q.object}" for q in quads}
        change = history.entries(s)[-1].changes[0]
        assert (change["before"], change["hashBefore"]) == before
        assert (change["after"], change["hashAfter"]) == history.graph_digest(s.oxigraph, G)
    entries = len(history.entries(s))
    s.write_own_quads(G, list(reversed(quads)))  # the same graph: nothing to write, nothing to record
    assert len(history.entries(s)) == entries
    assert history.verify(s) == []


def test_quads_with_a_blank_node_or_a_literal_the_store_rewrites_are_loaded_whole_and_read_back(tmp_path: Path) -> None:
    s = LocalStore(tmp_path / "s")
    g = ox.NamedNode(G)
    for odd in (ox.BlankNode("b1"), ox.Literal("01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))):
        s.write_own_quads(G, [ox.Quad(ox.NamedNode(f"{EX}s"), ox.NamedNode(f"{EX}p"), odd, g)])
        change = history.entries(s)[-1].changes[0]
        assert (change["after"], change["hashAfter"]) == history.graph_digest(s.oxigraph, G) and change["after"] == 1
    assert history.verify(s) == []


def test_a_graph_with_blank_nodes_written_over_with_iris_holds_only_the_new_quads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report saved by an older compgraph (blank result nodes) is replaced whole: DELETE DATA cannot name them."""
    monkeypatch.setattr(store_mod, "IN_PLACE_DIFF_MAX", 10**9)
    s = LocalStore(tmp_path / "s")
    s.write_own_graph(G, f"_:r <{EX}p> <{EX}o> .\n_:r <{EX}q> \"x\" .\n<{EX}s> <{EX}p> _:r .\n".encode())
    quads = _quads(random.Random(1), 20)
    s.write_own_quads(G, quads)
    assert _lines(s) == {f"{q.subject} {q.predicate} {q.object}" for q in quads}
    change = history.entries(s)[-1].changes[0]
    assert change["before"] == 3 and (change["after"], change["hashAfter"]) == history.graph_digest(s.oxigraph, G)
    assert history.verify(s) == []


def test_a_write_of_quads_inside_a_batch_waits_for_the_batch(tmp_path: Path) -> None:
    # A batch's writes become visible together when it ends; the difference path writes at once, so a batch
    # takes the whole graph through its queue.
    s = LocalStore(tmp_path / "s")
    quads = _quads(random.Random(3), 20)
    with s.batch() as b:
        b.write_own_quads(G, quads)
        assert _lines(s) == set()
    assert _lines(s) == {f"{q.subject} {q.predicate} {q.object}" for q in quads}
    assert history.verify(s) == []
