"""A graph rewritten in place whose writes kept their difference gets its per-predicate digests moved by that
difference, and they are the digests read from the whole graph: else the next run would see changes that are not
there, or miss one."""

from __future__ import annotations

import json
import random

import pyoxigraph as ox
import pytest
from test_incremental import AS_OF, ORG, change_risk_level

from compgraph.checks import incremental
from compgraph.checks.incremental import STATE, digests, moved_digests, validate_incremental
from compgraph.checks.shapes import load_shapes
from compgraph.checks.sparqldeps import TYPE
from compgraph.checks.validate import validate_store
from compgraph.graph import history
from compgraph.graph.build import build
from compgraph.graph.store import LocalStore

G = "http://x/g"
P, Q = "http://x/p", "http://x/q"
CLASSES = ["http://x/A", "http://x/B"]


def _triple(rnd: random.Random) -> ox.Triple:
    s = rnd.choice([ox.NamedNode(f"http://x/s{rnd.randrange(6)}"), ox.BlankNode(f"b{rnd.randrange(3)}")])
    kind = rnd.randrange(3)
    if kind == 0:
        return ox.Triple(s, ox.NamedNode(TYPE), ox.NamedNode(rnd.choice(CLASSES)))
    o = ox.Literal(str(rnd.randrange(4))) if kind == 1 else ox.NamedNode(f"http://x/o{rnd.randrange(4)}")
    return ox.Triple(s, ox.NamedNode(rnd.choice([P, Q])), o)


def _store_of(triples: set[ox.Triple]) -> ox.Store:
    db = ox.Store()
    db.extend(ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(G)) for t in triples)
    return db


@pytest.mark.parametrize("seed", range(40))
def test_digests_moved_by_a_graphs_difference_are_the_digests_of_the_graph_after_it(seed: int) -> None:
    rnd = random.Random(seed)
    before = {_triple(rnd) for _ in range(rnd.randrange(0, 12))}
    gone = {t for t in before if rnd.random() < 0.4}
    came = {_triple(rnd) for _ in range(rnd.randrange(0, 6))} - before
    after = (before - gone) | came
    wanted = [TYPE, P]  # Q is not asked for: its triples move nothing
    moved = moved_digests(digests(_store_of(before), G, wanted), gone, came, wanted)
    assert moved == digests(_store_of(after), G, wanted)


def test_a_predicate_whose_last_triple_went_has_no_digest_left() -> None:
    t = ox.Triple(ox.NamedNode("http://x/s"), ox.NamedNode(P), ox.NamedNode("http://x/o"))
    assert moved_digests(digests(_store_of({t}), G, [P]), [t], [], [P]) == {}


@pytest.fixture()
def store(tmp_path) -> LocalStore:  # noqa: ANN001
    s = LocalStore(tmp_path / "store")
    build(s)
    return s


def test_after_a_risk_level_changed_the_kept_digests_of_its_graph_are_read_from_the_graph_no_more(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch,
) -> None:
    shapes = load_shapes()
    validate_incremental(store, AS_OF, shapes, save=False)
    change_risk_level(store, random.Random(5), 0)
    read: list[str] = []
    monkeypatch.setattr(incremental, "digests", lambda db, g, wanted: read.append(g) or digests(db, g, wanted))
    inc = validate_incremental(store, AS_OF, shapes, save=False)
    assert ORG not in read and not inc.why_full
    kept = json.loads((store.root / STATE).read_text(encoding="utf-8"))["sigs"][ORG]
    whole = digests(store.oxigraph, ORG, set().union(*(n.iris for n in incremental._prepared(shapes, False)[1])))
    # A rewrite gives the graph's blank nodes new labels, which its kept difference leaves out (the same content):
    # their keys keep the last run's digests.
    blank = {f"type {q.object.value}" if q.predicate.value == TYPE else q.predicate.value
             for q in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(ORG))
             if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)}
    assert {k: v for k, v in kept.items() if k not in blank} == {k: v for k, v in whole.items() if k not in blank}
    assert set(kept) == set(whole)
    assert inc.outcome.findings == validate_store(store, AS_OF, shapes, save=False).findings
    assert history.HISTORY_GRAPH in read  # the trail is read whole: what it gained is not a net difference
