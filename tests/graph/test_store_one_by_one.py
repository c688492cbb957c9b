"""graph.store, one behaviour at a time: what its mutants showed no test in the store group pinned.

Mutation testing (tools/mutation.py --group store, docs/mutation-survivors.md) found the store group's tests
(safety and crash tests over the embedded store) never reached RemoteStore, ``open_store``, the bulk loader or
the trail's exclusion from the per-graph counts. The remote tests run against a real ``oxigraph serve``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from compgraph.graph import history
from compgraph.graph.remote import RemoteStore
from compgraph.graph.store import LocalStore, ResultTooLarge, StoreError, open_store
from sparql_fixtures import oxigraph_server

GRAPH = "https://w3id.org/compgraph/graph/one-by-one"
DATA = b'<urn:x:a> <urn:x:p> "2026-01-31"^^<http://www.w3.org/2001/XMLSchema#date> .\n<urn:x:a> <urn:x:q> "plain" .\n'
ROWS = "SELECT ?p ?o WHERE { <urn:x:a> ?p ?o } ORDER BY ?p"
EXPECTED_ROWS = [
    (URIRef("urn:x:p"), Literal("2026-01-31", datatype=XSD.date)),
    (URIRef("urn:x:q"), Literal("plain")),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as base:
        yield base


def test_graph_counts_leave_out_the_audit_trail(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as store:
        store.replace_graph(GRAPH, DATA)
        assert store.triple_count(history.HISTORY_GRAPH) > 0  # the write left a trail entry
        assert store.graph_counts() == {GRAPH: 2}


def test_a_bulk_replaced_graph_holds_exactly_the_triples_given(tmp_path: Path) -> None:
    triples = [(URIRef(f"urn:x:s{i}"), URIRef("urn:x:p"), Literal(i)) for i in range(3)]
    with LocalStore(tmp_path / "store") as store:
        store.replace_graph(GRAPH, DATA)
        store.bulk_replace_graph(GRAPH, iter(triples))
        assert set(store.to_graph([GRAPH])) == set(triples)


def test_open_store_opens_the_local_store_at_the_location_given(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "here")) as store:
        assert isinstance(store, LocalStore) and store.location == str((tmp_path / "here").resolve())


def test_a_user_without_a_password_signs_in_with_an_empty_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMPGRAPH_ENDPOINT", "http://127.0.0.1:1/query")
    monkeypatch.setenv("COMPGRAPH_USER", "auditor")
    monkeypatch.delenv("COMPGRAPH_PASSWORD", raising=False)
    with open_store() as store:
        assert isinstance(store, RemoteStore) and store.session.auth == ("auditor", "")


def test_a_remote_update_url_defaults_to_the_query_url_ending_in_update() -> None:
    assert RemoteStore("http://127.0.0.1:1/ds/query").update_url == "http://127.0.0.1:1/ds/update"


@pytest.mark.remote
def test_a_remote_select_gives_its_variables_and_typed_terms(server: str) -> None:
    with RemoteStore(f"{server}/query", gsp_url=f"{server}/store") as store:
        store.replace_graph(GRAPH, DATA)
        res = store.query(ROWS)
        assert (res.kind, res.variables, res.rows) == ("SELECT", ["p", "o"], EXPECTED_ROWS)


@pytest.mark.remote
def test_a_remote_select_past_the_row_cap_is_refused(server: str) -> None:
    with RemoteStore(f"{server}/query", gsp_url=f"{server}/store") as store:
        store.replace_graph(GRAPH, DATA)
        assert len(store.query(ROWS, max_results=2).rows) == 2
        with pytest.raises(ResultTooLarge, match="more than 1 rows"):
            store.query(ROWS, max_results=1)


@pytest.mark.remote
def test_n_quads_replace_a_remote_graph_through_sparql_update(server: str) -> None:
    # In the default graph: RemoteStore parses into one rdflib Graph, which drops the quads of named graphs.
    quads = b'<urn:x:a> <urn:x:q> "plain" .\n'
    with RemoteStore(f"{server}/query") as store:
        assert store.replace_graph(GRAPH, quads, "application/n-quads") == 1
        assert store.query(ROWS).rows == [(URIRef("urn:x:q"), Literal("plain"))]


def test_n_quads_naming_a_graph_are_refused_by_a_remote_replace_not_dropped(server: str) -> None:
    quads = b'<urn:x:a> <urn:x:q> "plain" .\n<urn:x:a> <urn:x:q> "named" <urn:x:g> .\n'
    with RemoteStore(f"{server}/query") as store, pytest.raises(StoreError, match="1 quad"):
        store.replace_graph(GRAPH, quads, "application/n-quads")
