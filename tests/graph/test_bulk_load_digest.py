"""A bulk-loaded graph's trail entry holds the digest of the graph as stored, worked out as the quads stream in.

Reading a graph back to hash it cost ~9 us a quad at 10M triples, most of `generate --scale xlarge`; the digest is
now taken from the stream when the stream proves it. The store keeps typed values canonically ("01"^^xsd:integer
comes back as "1"), may relabel blank nodes and keeps a repeated quad once: then the graph is read back. Either way
the trail's hash must be the one `history.graph_digest` reads from the store, since incremental validation trusts
the trail's latest hash as the graph's state.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from compgraph.graph import history
from compgraph.graph.store import LocalStore
from compgraph.graph.writes import bulk_graph

GRAPH = "https://w3id.org/compgraph/graph/bulk-digest"
P = URIRef("urn:x:p")
CANONICAL = [
    (URIRef("urn:x:a"), P, Literal(7)),
    (URIRef("urn:x:a"), P, Literal("2026-01-31", datatype=XSD.date)),
    (URIRef("urn:x:a"), P, Literal("0.8", datatype=XSD.decimal)),
    (URIRef("urn:x:a"), P, Literal(True)),
    (URIRef("urn:x:a"), P, Literal("plain")),
    (URIRef("urn:x:a"), P, Literal("chat", lang="fr")),
    (URIRef("urn:x:b"), P, URIRef("urn:x:a")),
]


def _trail_hash(store: LocalStore, graph: str) -> tuple[int, str]:
    last = [c for e in history.entries(store) for c in e.changes if c["graph"] == graph][-1]
    return last["after"], last["hashAfter"]


def _read_back(store: LocalStore, graph: str) -> tuple[int, str]:
    return history.graph_digest(store.oxigraph, graph)


def _quads(triples: list) -> list[ox.Quad]:
    from compgraph.graph.store import to_oxigraph

    g = ox.NamedNode(GRAPH)
    return [ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), g) for s, p, o in triples]


def test_a_stream_of_canonical_terms_proves_the_stored_graphs_digest() -> None:
    db = ox.Store()
    streamed = bulk_graph(db, GRAPH, _quads(CANONICAL))
    assert streamed == history.graph_digest(db, GRAPH)
    assert streamed is not None and streamed[0] == len(CANONICAL)


def test_a_literal_the_store_rewrites_sends_the_digest_to_be_read_back() -> None:
    db = ox.Store()
    xsd_integer = ox.NamedNode(str(XSD.integer))
    one = ox.Literal("01", datatype=xsd_integer)
    rewritten = ox.Quad(ox.NamedNode("urn:x:a"), ox.NamedNode(P), one, ox.NamedNode(GRAPH))
    assert bulk_graph(db, GRAPH, [*_quads(CANONICAL), rewritten]) is None


def test_a_quad_streamed_twice_sends_the_digest_to_be_read_back() -> None:
    db = ox.Store()
    assert bulk_graph(db, GRAPH, _quads([*CANONICAL, CANONICAL[0]])) is None


def test_a_blank_node_sends_the_digest_to_be_read_back() -> None:
    db = ox.Store()
    assert bulk_graph(db, GRAPH, _quads([*CANONICAL, (BNode("n1"), P, Literal("x"))])) is None


def test_the_trail_holds_the_stored_digest_after_a_bulk_load(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as store:
        store.bulk_replace_graph(GRAPH, iter(CANONICAL))
        assert _trail_hash(store, GRAPH) == _read_back(store, GRAPH)


def test_the_trail_holds_the_stored_digest_when_the_store_rewrote_a_literal(tmp_path: Path) -> None:
    # rdflib already writes "01"^^xsd:integer as "1"; the store also rewrites an out-of-range xsd:byte.
    triples = [*CANONICAL, (URIRef("urn:x:a"), P, Literal("300", datatype=XSD.byte))]
    with LocalStore(tmp_path / "store") as store:
        store.bulk_replace_graph(GRAPH, iter(triples))
        assert _trail_hash(store, GRAPH) == _read_back(store, GRAPH)
        assert _trail_hash(store, GRAPH)[0] == len(CANONICAL) + 1


def test_a_later_write_in_the_same_batch_is_not_hidden_by_the_bulk_loads_digest(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as store:
        with store.batch() as batch:
            batch.bulk_replace_graph(GRAPH, iter(CANONICAL))
            batch.replace_graph(GRAPH, b"<urn:x:c> <urn:x:p> <urn:x:d> .\n")
        assert _trail_hash(store, GRAPH) == _read_back(store, GRAPH)
        assert _trail_hash(store, GRAPH)[0] == 1


def test_a_bulk_load_after_a_drop_in_the_same_batch_keeps_its_digest(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as store:
        store.bulk_replace_graph(GRAPH, iter(CANONICAL[:2]))
        with store.batch() as batch:
            batch.drop_graph(GRAPH)
            batch.bulk_replace_graph(GRAPH, iter(CANONICAL))
        assert _trail_hash(store, GRAPH) == _read_back(store, GRAPH)
        assert _trail_hash(store, GRAPH)[0] == len(CANONICAL)
