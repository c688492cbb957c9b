"""/sparql behaviours the first whole-module mutation run of the endpoint guard (``tools/mutation.py --group
endpoint``, docs/mutation-survivors.md) found unpinned, one behaviour each.

Two samples of 20 of its 432 mutants had been tried: nothing checked that a remote store is given
named-graph-uri and the endpoint's time limit (the existing 503 test passes, only later, under the store's
own 60 s), that an Accept header naming no media type is no preference, that a refusal with a retry time
says when to retry, or what the service description says (its title, its prefixes, its answer to an Accept
it cannot meet, its answer when the store is unreachable).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, RDF
from werkzeug.test import TestResponse

from compgraph.graph.remote import RemoteStore
from compgraph.graph.store import LocalStore
from compgraph.web import create_app
from compgraph.web.views import sparql as endpoint
from sparql_fixtures import oxigraph_server

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
HIRING = "https://w3id.org/compgraph/graph/whole-hiring"
SCORING = "https://w3id.org/compgraph/graph/whole-scoring"
HIRING_DATA = b"<urn:x:hire> <urn:x:p> <urn:x:cv> .\n"
SCORING_DATA = b"<urn:x:score> <urn:x:p> <urn:x:loan> .\n"
IN_NAMED_GRAPHS = "SELECT ?g ?s WHERE { GRAPH ?g { ?s <urn:x:p> ?o } } ORDER BY ?g"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    store = LocalStore(tmp_path_factory.mktemp("whole") / "store")
    store.replace_graph(HIRING, HIRING_DATA)
    store.replace_graph(SCORING, SCORING_DATA)
    return create_app(store, {"TESTING": True, "SPARQL_TIMEOUT": 5.0})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RemoteStore]:
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as base:
        store = RemoteStore(f"{base}/query", gsp_url=f"{base}/store")
        store.replace_graph(HIRING, HIRING_DATA)
        store.replace_graph(SCORING, SCORING_DATA)
        yield store


@pytest.fixture(scope="module")
def remote_client(remote: RemoteStore) -> FlaskClient:
    return create_app(remote, {"TESTING": True, "SPARQL_TIMEOUT": 5.0}).test_client()


# --- the remote store -----------------------------------------------------------------------------


@pytest.mark.remote
def test_named_graph_uri_over_a_remote_store_limits_graph_patterns_to_that_graph(remote_client: FlaskClient) -> None:
    resp = remote_client.get("/sparql", query_string={"query": IN_NAMED_GRAPHS, "named-graph-uri": SCORING})
    assert resp.status_code == 200, resp.text
    assert [(b["g"]["value"], b["s"]["value"]) for b in resp.get_json()["results"]["bindings"]] == [
        (SCORING, "urn:x:score")
    ]


@pytest.mark.remote
def test_a_remote_query_runs_under_the_endpoints_time_limit_not_the_stores(remote: RemoteStore) -> None:
    # 40^5 = 102 million rows to count: seconds on any machine. The store's own limit is 60 s; the 503 must
    # come from the endpoint's 0.5 s and say so.
    values = " ".join(str(i) for i in range(40))
    joins = " ".join(f"VALUES ?v{i} {{ {values} }}" for i in range(5))
    client = create_app(remote, {"TESTING": True, "SPARQL_TIMEOUT": 0.5}).test_client()
    resp = client.get("/sparql", query_string={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {joins} }}"})
    assert (resp.status_code, resp.text) == (
        503,
        "the endpoint did not answer within 0.5 s; narrow the query or add a LIMIT\n",
    )


# --- content negotiation ---------------------------------------------------------------------------


def test_an_accept_header_naming_no_media_type_gets_the_default_answer(client: FlaskClient) -> None:
    # "Accept: ," states no preference (werkzeug reads it as an empty list), so it is answered as if absent.
    resp = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Accept": ","})
    assert (resp.status_code, resp.mimetype) == (200, "application/sparql-results+json")


# --- refusals -------------------------------------------------------------------------------------


def test_a_refusal_with_a_retry_time_tells_the_client_when_to_retry(app: Flask) -> None:
    with app.test_request_context("/sparql"):
        resp = endpoint._protocol_error(endpoint.ProtocolError(503, "busy; try again shortly", retry_after=7))
    assert (resp.status_code, resp.headers["Retry-After"], resp.get_data(as_text=True)) == (
        503,
        "7",
        "busy; try again shortly\n",
    )


# --- the service description ----------------------------------------------------------------------


def test_the_service_description_names_the_endpoint_read_only(client: FlaskClient) -> None:
    described = Graph().parse(data=client.get("/sparql", headers={"Accept": "text/turtle"}).data, format="turtle")
    service = next(described.subjects(RDF.type, SD.Service))
    assert described.value(service, DCTERMS.title) == Literal("compgraph SPARQL endpoint (read-only)")


def test_the_service_description_in_turtle_writes_sd_and_dcterms_terms_by_prefix(client: FlaskClient) -> None:
    text = client.get("/sparql", headers={"Accept": "text/turtle"}).text
    assert "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> ." in text
    assert " a sd:Service " in text
    assert 'dcterms:title "compgraph SPARQL endpoint (read-only)"' in text


def test_the_service_description_answers_in_turtle_to_an_accept_it_cannot_meet(client: FlaskClient) -> None:
    resp = client.get("/sparql", headers={"Accept": "text/csv"})
    assert (resp.status_code, resp.mimetype) == (200, "text/turtle")
    assert (None, RDF.type, SD.Service) in Graph().parse(data=resp.data, format="turtle")


def test_the_service_description_of_an_unreachable_remote_store_lists_no_graphs() -> None:
    gone = RemoteStore("http://127.0.0.1:9/query", timeout=2)
    resp = create_app(gone, {"TESTING": True}).test_client().get("/sparql", headers={"Accept": "text/turtle"})
    assert resp.status_code == 200, resp.text
    described = Graph().parse(data=resp.data, format="turtle")
    assert (None, RDF.type, SD.Service) in described
    assert list(described.objects(None, SD.namedGraph)) == []


def _graphs_and_subjects(resp: TestResponse) -> list[tuple[str, str]]:
    assert resp.status_code == 200, resp.text
    return [(b["g"]["value"], b["s"]["value"]) for b in resp.get_json()["results"]["bindings"]]


def test_named_graph_uri_in_a_posted_form_limits_graph_patterns_to_that_graph(client: FlaskClient) -> None:
    resp = client.post("/sparql", data={"query": IN_NAMED_GRAPHS, "named-graph-uri": HIRING},
                       headers={"Accept": "application/sparql-results+json"})
    assert _graphs_and_subjects(resp) == [(HIRING, "urn:x:hire")]


def test_named_graph_uri_beside_a_posted_query_body_limits_graph_patterns(client: FlaskClient) -> None:
    # POST with the query as the body: the protocol puts the dataset in the query string.
    resp = client.post(f"/sparql?named-graph-uri={SCORING}", data=IN_NAMED_GRAPHS.encode(),
                       headers={"Content-Type": "application/sparql-query",
                                "Accept": "application/sparql-results+json"})
    assert _graphs_and_subjects(resp) == [(SCORING, "urn:x:score")]
