"""/sparql over a remote store (a real `oxigraph serve`): the server runs the query, the endpoint keeps its
guard and says why it refuses, and queries are counted per signed-in user.

With a local store the query pool answers; over a remote store ``_remote_query`` does, which no endpoint
test reached (mutation testing listed its mutants as having no tests).
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from flask import Flask, g
from flask.testing import FlaskClient

from compgraph.graph.remote import RemoteStore
from compgraph.web import create_app
from compgraph.web.queryworker import SERVICE_REFUSED
from compgraph.web.views import sparql as endpoint
from sparql_fixtures import oxigraph_server

pytestmark = pytest.mark.remote

GRAPH = "https://w3id.org/compgraph/graph/remote-endpoint"
DATA = b"<urn:x:a> <urn:x:p> <urn:x:b> .\n<urn:x:b> <urn:x:p> <urn:x:c> .\n<urn:x:c> <urn:x:p> <urn:x:d> .\n"


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RemoteStore]:
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as base:
        store = RemoteStore(f"{base}/query", gsp_url=f"{base}/store")
        store.replace_graph(GRAPH, DATA)
        yield store


@pytest.fixture(scope="module")
def app(remote: RemoteStore) -> Flask:
    return create_app(remote, {"TESTING": True, "SPARQL_TIMEOUT": 5.0, "SPARQL_MAX_RESULTS": 2})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def test_a_select_is_answered_by_the_remote_store(client: FlaskClient) -> None:
    resp = client.get("/sparql", query_string={"query": "SELECT ?o WHERE { <urn:x:a> ?p ?o }"})
    assert resp.status_code == 200
    assert [b["o"]["value"] for b in resp.get_json()["results"]["bindings"]] == ["urn:x:b"]


def test_a_construct_as_n_triples_over_the_remote_store(client: FlaskClient) -> None:
    resp = client.get(
        "/sparql",
        query_string={"query": "CONSTRUCT WHERE { <urn:x:a> ?p ?o }"},
        headers={"Accept": "application/n-triples"},
    )
    assert resp.status_code == 200 and resp.text.strip() == "<urn:x:a> <urn:x:p> <urn:x:b> ."


def test_service_is_refused_before_the_remote_store_sees_it(client: FlaskClient) -> None:
    resp = client.get(
        "/sparql", query_string={"query": "SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }"}
    )
    assert (resp.status_code, resp.text) == (400, SERVICE_REFUSED + "\n")


def test_a_syntax_error_from_the_remote_store_is_400(client: FlaskClient) -> None:
    resp = client.get("/sparql", query_string={"query": "SELECT ?s WHERE { ?s ?p }"})
    assert resp.status_code == 400 and resp.text.startswith("SPARQL syntax error: ")


def test_more_rows_than_the_cap_is_400_asking_for_a_limit(client: FlaskClient) -> None:
    resp = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert resp.status_code == 400
    assert resp.text.endswith(" (the endpoint's cap); add a LIMIT or narrow the query\n")


def test_a_graph_answer_nobody_accepts_is_406_naming_the_accept(client: FlaskClient) -> None:
    resp = client.get(
        "/sparql", query_string={"query": "CONSTRUCT WHERE { <urn:x:a> ?p ?o }"}, headers={"Accept": "text/csv"}
    )
    assert (resp.status_code, resp.text) == (406, "cannot answer in text/csv\n")


def test_an_unreachable_remote_store_is_502() -> None:
    gone = RemoteStore("http://127.0.0.1:9/query", timeout=2)
    resp = create_app(gone, {"TESTING": True}).test_client().get("/sparql", query_string={"query": "ASK {}"})
    assert resp.status_code == 502 and resp.text.startswith("store error: ")


def test_queries_are_counted_per_signed_in_user_else_per_address(app: Flask) -> None:
    with app.test_request_context("/sparql", environ_base={"REMOTE_ADDR": "10.0.0.7"}):
        assert endpoint._client() == "addr:10.0.0.7"
        g.user = SimpleNamespace(name="ann")
        assert endpoint._client() == "user:ann"


def test_a_query_the_remote_store_does_not_finish_in_time_is_503(remote: RemoteStore) -> None:
    # 40^5 = 102 million rows to count: seconds on any machine, against a limit of half a second.
    values = " ".join(str(i) for i in range(40))
    joins = " ".join(f"VALUES ?v{i} {{ {values} }}" for i in range(5))
    client = create_app(remote, {"TESTING": True, "SPARQL_TIMEOUT": 0.5}).test_client()
    resp = client.get("/sparql", query_string={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {joins} }}"})
    assert resp.status_code == 503 and resp.text.endswith("; narrow the query or add a LIMIT\n")
