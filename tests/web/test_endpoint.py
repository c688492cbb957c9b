"""The /sparql endpoint: SPARQL 1.1 Protocol forms, content negotiation, and what it refuses."""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, Literal, URIRef, Variable
from rdflib.query import Result

from compgraph.graph.store import LocalStore
from compgraph.web import create_app
from sparql_fixtures import GRAPH_BASE, fixture_graphs, load_fixture

SELECT_SYSTEMS = (
    "PREFIX cg: <https://w3id.org/compgraph/ontology#>\n"
    "SELECT ?s ?id WHERE { ?s a cg:AISystem ; <http://purl.org/dc/terms/identifier> ?id } ORDER BY ?id"
)
CONSTRUCT_HIRE = "CONSTRUCT { ?s ?p ?o } WHERE { BIND(sys:hire AS ?s) ?s ?p ?o }"
SYSTEM_IDS = ["beta-high", "chat", "gamma-high", "hire", "score"]
CONTROLS_GRAPH = GRAPH_BASE + "controls"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    s = LocalStore(tmp_path_factory.mktemp("endpoint"))
    load_fixture(s)
    return s


@pytest.fixture(scope="module")
def app(store: LocalStore) -> Flask:
    return create_app(store, {"TESTING": True, "SPARQL_TIMEOUT": 5.0, "SPARQL_MAX_RESULTS": 1000})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def _ids(result: Result) -> list[str]:
    return [str(b[Variable("id")]) for b in result.bindings]


# --- the three request forms --------------------------------------------------------------------


def test_get_post_form_and_post_body_agree(client: FlaskClient) -> None:
    answers = [
        client.get("/sparql", query_string={"query": SELECT_SYSTEMS}),
        client.post("/sparql", data={"query": SELECT_SYSTEMS}),
        client.post("/sparql", data=SELECT_SYSTEMS, content_type="application/sparql-query"),
    ]
    for resp in answers:
        assert resp.status_code == 200, resp.text
        assert resp.mimetype == "application/sparql-results+json"
        ids = [b["id"]["value"] for b in resp.get_json()["results"]["bindings"]]
        assert ids == SYSTEM_IDS


def test_compgraph_prefixes_need_no_declaration(client: FlaskClient) -> None:
    resp = client.get("/sparql", query_string={"query": "ASK { sys:hire a cg:AISystem }"})
    assert resp.get_json() == {"head": {}, "boolean": True}


# --- content negotiation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "media", "parse_as"),
    [
        (None, "application/sparql-results+json", "json"),
        ("*/*", "application/sparql-results+json", "json"),
        ("application/sparql-results+json", "application/sparql-results+json", "json"),
        ("application/json", "application/sparql-results+json", "json"),
        ("application/sparql-results+xml", "application/sparql-results+xml", "xml"),
        ("text/csv", "text/csv", "csv"),
        ("text/tab-separated-values", "text/tab-separated-values", "tsv"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json", "json"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml", "xml"),
    ],
)
def test_select_formats(client: FlaskClient, accept: str | None, media: str, parse_as: str) -> None:
    headers = {"Accept": accept} if accept else {}
    resp = client.get("/sparql", query_string={"query": SELECT_SYSTEMS}, headers=headers)
    assert resp.status_code == 200, resp.text
    assert resp.mimetype == media
    parsed = Result.parse(io.BytesIO(resp.data), format=parse_as)
    assert _ids(parsed) == SYSTEM_IDS
    if parse_as != "csv":  # CSV drops term types by design; the others keep IRIs as IRIs
        assert parsed.bindings[0][Variable("s")] == URIRef("https://w3id.org/compgraph/id/system/beta-high")


@pytest.mark.parametrize("media", ["application/sparql-results+xml", "text/csv", "text/tab-separated-values"])
def test_ask_formats(client: FlaskClient, media: str) -> None:
    resp = client.get("/sparql", query_string={"query": "ASK { ?s a cg:Dataset }"}, headers={"Accept": media})
    assert resp.status_code == 200
    assert resp.mimetype == media
    assert "true" in resp.text


@pytest.mark.parametrize(
    ("accept", "media", "rdf_format"),
    [
        (None, "text/turtle", "turtle"),
        ("text/turtle", "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("application/sparql-results+json;q=0.9, */*;q=0.1", "text/turtle", "turtle"),
    ],
)
def test_construct_formats(
    client: FlaskClient, store: LocalStore, accept: str | None, media: str, rdf_format: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    resp = client.post("/sparql", data={"query": CONSTRUCT_HIRE}, headers=headers)
    assert resp.status_code == 200, resp.text
    assert resp.mimetype == media
    got = Graph().parse(data=resp.data, format=rdf_format)
    hire = URIRef("https://w3id.org/compgraph/id/system/hire")
    assert (hire, URIRef("http://purl.org/dc/terms/identifier"), Literal("hire")) in got
    assert len(got) == len(list(store.to_graph().predicate_objects(hire)))


def test_describe_is_a_graph(client: FlaskClient) -> None:
    resp = client.get("/sparql", query_string={"query": "DESCRIBE sys:score"})
    assert resp.status_code == 200
    assert resp.mimetype == "text/turtle"
    assert len(Graph().parse(data=resp.data, format="turtle")) > 0


@pytest.mark.parametrize(
    ("query", "accept"),
    [(SELECT_SYSTEMS, "image/png"), (SELECT_SYSTEMS, "text/turtle"), (CONSTRUCT_HIRE, "text/csv")],
)
def test_unacceptable_accept_is_406(client: FlaskClient, query: str, accept: str) -> None:
    resp = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    assert resp.status_code == 406
    assert resp.mimetype == "text/plain"
    assert "available:" in resp.text


# --- errors ----------------------------------------------------------------------------------------


def test_unsupported_post_content_type_is_415(client: FlaskClient) -> None:
    resp = client.post("/sparql", data=SELECT_SYSTEMS, content_type="text/plain")
    assert resp.status_code == 415
    assert "application/sparql-query" in resp.text


def test_syntax_error_is_400_with_the_parser_message(client: FlaskClient) -> None:
    resp = client.get("/sparql", query_string={"query": "SELECT ?s WHERE { ?s ?p }"})
    assert resp.status_code == 400
    assert resp.mimetype == "text/plain"
    assert resp.text.startswith("SPARQL syntax error:")
    assert len(resp.text.strip().splitlines()) == 1


def test_a_query_nested_thousands_deep_is_400_and_the_worker_lives(client: FlaskClient) -> None:
    # Oxigraph's parser crashed the query worker: a 503 blaming its memory limit
    deep = "SELECT * WHERE { " + "{ " * 20000 + "?s ?p ?o" + " }" * 20000 + " }"
    resp = client.post("/sparql", data={"query": deep})
    assert (resp.status_code, resp.text.strip()) == (
        400,
        "SPARQL syntax error: error at 1:528: brackets nested more than 256 deep; no SPARQL engine here parses that",
    )
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200


def test_missing_query_in_post_is_400(client: FlaskClient) -> None:
    assert client.post("/sparql", data={"nothing": "here"}).status_code == 400
    assert client.post("/sparql", data="  ", content_type="application/sparql-query").status_code == 400


def _counts(store: LocalStore) -> dict[str, int]:
    return store.graph_counts()


@pytest.mark.parametrize(
    "send",
    [
        lambda c: c.get("/sparql", query_string={"update": "DROP ALL"}),
        lambda c: c.post("/sparql", data={"update": "DROP ALL"}),
        lambda c: c.post("/sparql", data="DROP ALL", content_type="application/sparql-update"),
        lambda c: c.post(
            "/sparql", data="INSERT DATA { <urn:a> <urn:b> <urn:c> }", content_type="application/sparql-query"
        ),
        lambda c: c.get("/sparql", query_string={"query": "PREFIX x: <urn:x#>\n# SELECT\nDELETE WHERE { ?s ?p ?o }"}),
        lambda c: c.post(
            "/sparql", data={"query": f"WITH <{CONTROLS_GRAPH}> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}"}
        ),
        lambda c: c.post("/sparql", data={"query": "CLEAR ALL ; LOAD <http://example.org/x>"}),
    ],
    ids=["get-update", "form-update", "sparql-update-body", "insert-as-query", "delete", "with-delete", "clear"],
)
def test_updates_are_refused_and_change_nothing(client: FlaskClient, store: LocalStore, send) -> None:  # type: ignore[no-untyped-def]
    before = _counts(store)
    resp = send(client)
    assert resp.status_code == 400
    assert resp.text.strip() == "SPARQL Update is not accepted on this endpoint"
    assert _counts(store) == before


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o . service   silent <http://127.0.0.1:9/sparql> { ?s ?p ?x } }",
        "PREFIX s: <urn:s#> SELECT * WHERE { BIND(<http://127.0.0.1:9/sparql> AS ?e) SERVICE ?e { ?a ?b ?c } }",
    ],
)
def test_federated_service_is_refused(client: FlaskClient, query: str) -> None:
    resp = client.get("/sparql", query_string={"query": query})
    assert resp.status_code == 400
    assert "SERVICE" in resp.text


def test_the_word_service_in_strings_iris_and_comments_is_fine(client: FlaskClient) -> None:
    query = 'PREFIX service: <urn:SERVICE#>\nSELECT ("SERVICE" AS ?x) WHERE { BIND(service:SERVICE AS ?y) } # SERVICE'
    resp = client.get("/sparql", query_string={"query": query})
    assert resp.status_code == 200, resp.text
    assert resp.get_json()["results"]["bindings"][0]["x"]["value"] == "SERVICE"


def test_result_cap(store: LocalStore) -> None:
    capped = create_app(store, {"TESTING": True, "SPARQL_MAX_RESULTS": 3}).test_client()
    resp = capped.get("/sparql", query_string={"query": SELECT_SYSTEMS})
    assert resp.status_code == 400
    assert "more than 3 rows" in resp.text
    assert capped.get("/sparql", query_string={"query": SELECT_SYSTEMS + " LIMIT 3"}).status_code == 200


def test_a_query_that_runs_forever_is_stopped(tmp_path: Path) -> None:
    big = LocalStore(tmp_path / "big")
    triples = "".join(f"<urn:s{i}> <urn:p> <urn:o{i % 97}> .\n" for i in range(3000))
    big.replace_graph("urn:graph:big", triples.encode(), "application/n-triples")
    client = create_app(big, {"TESTING": True, "SPARQL_TIMEOUT": 1.0}).test_client()
    # 3000^3 = 2.7e10 solutions to count: hours of work without the limit.
    forever = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
    # A query worker's start-up (a new interpreter, seconds on a loaded machine) is not the query's time.
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
    started = time.monotonic()
    resp = client.get("/sparql", query_string={"query": forever})
    elapsed = time.monotonic() - started
    assert resp.status_code == 503
    assert "time limit" in resp.text
    assert elapsed < 5
    # The server is not left busy: the next question is answered at once.
    data_only = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:graph:big> { ?s ?p ?o } }"  # not the audit trail
    nxt = client.get("/sparql", query_string={"query": data_only})
    assert nxt.status_code == 200
    assert nxt.get_json()["results"]["bindings"][0]["n"]["value"] == "3000"


# --- dataset parameters, CORS, service description -------------------------------------------------------


def test_named_graph_uri_limits_the_named_graphs(client: FlaskClient) -> None:
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    resp = client.get("/sparql", query_string={"query": query, "named-graph-uri": CONTROLS_GRAPH})
    rows = resp.get_json()["results"]["bindings"]
    assert [(r["g"]["value"], r["n"]["value"]) for r in rows] == [(CONTROLS_GRAPH, "30")]


def test_default_graph_uri_sets_the_default_graph(client: FlaskClient) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    for resp in (
        client.get("/sparql", query_string={"query": query, "default-graph-uri": CONTROLS_GRAPH}),
        client.post("/sparql", data={"query": query, "default-graph-uri": CONTROLS_GRAPH}),
        client.post(f"/sparql?default-graph-uri={CONTROLS_GRAPH}", data=query, content_type="application/sparql-query"),
    ):
        assert resp.get_json()["results"]["bindings"][0]["n"]["value"] == "30"
    union = client.get("/sparql", query_string={"query": query}).get_json()
    assert int(union["results"]["bindings"][0]["n"]["value"]) > 30


def test_cors_is_off_by_default(client: FlaskClient) -> None:
    resp = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Origin": "https://yasgui.example"})
    assert "Access-Control-Allow-Origin" not in resp.headers
    assert "Access-Control-Allow-Origin" not in client.options("/sparql").headers


# --- SPARQL 1.1 Protocol details (#20) ----------------------------------------------------------------


def test_two_query_parameters_are_400(client: FlaskClient) -> None:
    twice = "query=ASK%20%7B%7D&query=SELECT%20*%20%7B%7D"
    assert client.get("/sparql?" + twice).status_code == 400
    resp = client.post("/sparql", data=twice, content_type="application/x-www-form-urlencoded")
    assert resp.status_code == 400
    assert "more than one 'query'" in resp.text


def test_construct_with_relative_iris_resolves_against_the_endpoint(client: FlaskClient) -> None:
    resp = client.get(
        "/sparql",
        query_string={"query": "CONSTRUCT { <s> <p> <o> } WHERE {}"},
        headers={"Accept": "application/n-triples"},
    )
    assert resp.status_code == 200, resp.text
    assert resp.text.strip() == "<http://localhost/s> <http://localhost/p> <http://localhost/o> ."


def test_syntax_error_positions_are_in_the_users_own_text(client: FlaskClient) -> None:
    query = "SELECT * WHERE { ?s ?p }"
    resp = client.get("/sparql", query_string={"query": query})
    assert resp.status_code == 400
    line, column = map(int, re.search(r"at (\d+):(\d+)", resp.text).groups())  # type: ignore[union-attr]
    assert line == 1 and query.index("}") <= column <= len(query) + 1, resp.text


def test_get_without_query_describes_the_service(client: FlaskClient) -> None:
    resp = client.get("/sparql")
    assert resp.status_code == 200
    assert resp.mimetype == "text/turtle"
    g = Graph().parse(data=resp.data, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert (None, URIRef(sd + "endpoint"), URIRef("http://localhost/sparql")) in g
    assert (None, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in g
    names = {str(o) for o in g.objects(None, URIRef(sd + "name"))}
    assert names == set(fixture_graphs())
    as_json = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert as_json.mimetype == "application/ld+json"
    assert json.loads(as_json.data)


def test_a_repeated_answer_of_a_few_megabytes_is_answered_from_memory(app: Flask, client: FlaskClient) -> None:
    # A canned question's answer at 1M triples is this size (coverage-by-system: 3.5 MB of JSON).
    from compgraph.web import querypool

    pad = "x" * 3000
    query = f'SELECT ?s (CONCAT(STR(?s), "{pad}") AS ?long) WHERE {{ ?s ?p ?o . ?a ?b ?c }} LIMIT 1000'
    first = client.post("/sparql", data={"query": query})
    assert first.status_code == 200 and len(first.data) > 2 * 1024 * 1024
    pool = querypool.for_app(app)
    assert pool is not None
    hits = pool.answers.hits
    again = client.post("/sparql", data={"query": query})
    assert again.data == first.data and pool.answers.hits == hits + 1
