"""graph.store's embedded reads and export, one behaviour at a time: what the store group's mutants of them showed
no store test pinned.

The whole run of ``python tools/mutation.py --group store`` stopped before the embedded store's reads and export
(docs/mutation-survivors.md, "graph/store.py"); the run of those functions, and of graph/results.py's, left these
behaviours unpinned. Every store is made per test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from storetools import OTHER, ROWS, TWO

from compgraph.graph.literals import AS_WRITTEN
from compgraph.graph.store import LocalStore, QueryFailed, QuerySyntaxError, StoreError

A = "https://w3id.org/compgraph/graph/reads/a"
B = "https://w3id.org/compgraph/graph/reads/b"
DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
# "4.0"^^xsd:decimal as `load --as-written` stores it: Oxigraph would otherwise keep it as "4" (graph.literals).
KEPT = f'<urn:x:a> <urn:x:p> "4.0"^^<{AS_WRITTEN}{DECIMAL}> .\n'.encode()


# --- export -----------------------------------------------------------------------------------------------------


def test_an_export_with_no_media_type_is_n_quads_of_every_graph(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    store.replace_graph(B, OTHER)
    lines = store.export().decode().splitlines()
    assert {f"{t[:-2]} <{g}> ." for g, data in ((A, TWO), (B, OTHER)) for t in data.decode().splitlines()} <= set(lines)


def test_an_exported_store_gives_a_literal_kept_as_written_its_own_datatype_in_its_graph(store: LocalStore) -> None:
    store.replace_graph(A, KEPT)
    lines = [line for line in store.export("application/n-quads").decode().splitlines() if line.endswith(f"<{A}> .")]
    assert lines == [f'<urn:x:a> <urn:x:p> "4.0"^^<{DECIMAL}> <{A}> .']


def test_an_exported_graph_gives_a_literal_kept_as_written_its_own_datatype(store: LocalStore) -> None:
    store.replace_graph(A, KEPT)
    store.replace_graph(B, OTHER)
    assert store.export("application/n-triples", A).decode().splitlines() == [
        f'<urn:x:a> <urn:x:p> "4.0"^^<{DECIMAL}> .'
    ]


# --- queries ----------------------------------------------------------------------------------------------------


def test_an_embedded_query_over_named_graphs_sees_only_those(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    store.replace_graph(B, OTHER)
    res = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", named_graphs=[A])
    assert res.rows == [(URIRef(A),)]


def test_an_embedded_query_over_named_default_and_named_graphs_keeps_them_apart(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    store.replace_graph(B, OTHER)
    res = store.query("SELECT ?o WHERE { ?s <urn:x:p> ?o }", default_graphs=[B], named_graphs=[A])
    assert res.rows == [(Literal("other"),)]


def test_a_query_the_engine_cannot_evaluate_is_the_query_s_fault_with_the_engine_s_reason(store: LocalStore) -> None:
    """Not "cannot read the store": the store reads fine, so calling it damaged would send the user the wrong way."""
    store.replace_graph(A, TWO)
    with pytest.raises(QueryFailed, match="^the query failed: The custom function <urn:f> is not supported"):
        store.query("SELECT ?s WHERE { ?s ?p ?o } ORDER BY (<urn:f>(?s))")


def test_a_timed_query_the_engine_cannot_evaluate_is_the_query_s_fault_too(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    with pytest.raises(QueryFailed, match="^the query failed: The custom function <urn:f> is not supported"):
        store.query("SELECT ?s WHERE { ?s ?p ?o } ORDER BY (<urn:f>(?s))", timeout=30)


def test_an_untimed_query_the_store_cannot_parse_is_a_syntax_error_with_the_parser_s_message(store: LocalStore) -> None:
    with pytest.raises(QuerySyntaxError, match="^error at 1:"):
        store.query("SELECT ?x WHERE {}}")


def test_a_query_nested_twenty_thousand_deep_is_a_syntax_error_not_a_crash(tmp_path: Path) -> None:
    # Oxigraph's parser recursed once per brace and killed the process (a segmentation fault): run in a child, so
    # that a relapse fails this test instead of ending the suite
    code = (
        "import sys; from compgraph.graph.store import LocalStore, QuerySyntaxError\n"
        "with LocalStore(sys.argv[1]) as s:\n"
        "    try:\n"
        "        s.query('SELECT * WHERE { ' + '{ ' * 20000 + '?s ?p ?o' + ' }' * 20000 + ' }')\n"
        "    except QuerySyntaxError as exc:\n"
        "        print(exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "store")], capture_output=True, text=True)
    assert (done.returncode, done.stdout.strip()) == (
        0,
        "error at 1:528: brackets nested more than 256 deep; no SPARQL engine here parses that",
    )


def test_a_query_nested_as_deep_as_allowed_is_answered(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    assert store.query("ASK { " + "{ " * 255 + "?s ?p ?o" + " }" * 255 + " }").boolean is True


def test_a_store_reopened_to_read_answers_its_queries(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph(A, TWO)
    with LocalStore(tmp_path / "store", read_only=True) as s:
        assert s.query(ROWS).rows == [(URIRef("urn:x:p"), Literal("one")), (URIRef("urn:x:q"), Literal("two"))]


def test_a_timed_query_on_a_closed_store_says_it_is_closed_and_answers_nothing(tmp_path: Path) -> None:
    # The child opens the store's files itself, so without the parent's check it would answer from a closed store.
    s = LocalStore(tmp_path / "store")
    s.replace_graph(A, TWO)
    s.close()
    with pytest.raises(StoreError, match="is closed$"):
        s.query(ROWS, timeout=30)


def test_reading_a_store_written_before_generations_leaves_its_directory_as_it_was(tmp_path: Path) -> None:
    # Such a store cannot be written (it is refused naming the rebuild command), so reading it takes no write lock.
    legacy = tmp_path / "old"
    db = ox.Store(str(legacy))  # RocksDB's files straight in the directory, no HEAD
    db.add(ox.Quad(ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:p"), ox.Literal("one"), ox.NamedNode(A)))
    db.flush()
    del db
    before = sorted(p.name for p in legacy.iterdir())
    with LocalStore(legacy, read_only=True) as s:
        assert s.graph_names() == [A]
    assert sorted(p.name for p in legacy.iterdir()) == before
