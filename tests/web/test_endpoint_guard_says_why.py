"""The /sparql guard's refusals, one each: the status and the one line that says why.

tests/web/test_endpoint.py checks that bad requests are refused; mutation testing (tools/mutation.py)
showed the exact limits and messages were not pinned: a byte limit off by one, a charset check
inverted or a message naming the wrong field would all pass. Each test here pins one.
"""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, URIRef

from compgraph.graph.store import LocalStore
from compgraph.web import create_app
from compgraph.web.queryworker import UPDATE_REFUSED

GRAPH = "https://w3id.org/compgraph/graph/guard"
DATA = b"<urn:x:a> <urn:x:p> <urn:x:b> .\n"
ASK = "ASK { ?s ?p ?o }"
LIMIT = 64


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    store = LocalStore(tmp_path_factory.mktemp("guard") / "store")
    store.replace_graph(GRAPH, DATA)
    return create_app(
        store,
        {
            "TESTING": True,
            "SPARQL_TIMEOUT": 5.0,
            "SPARQL_MAX_QUERY_BYTES": LIMIT,
            "CORS_ORIGINS": ("https://yasgui.example",),
        },
    )


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def refusal(resp: object) -> tuple[int, str]:
    assert resp.mimetype == "text/plain"  # type: ignore[attr-defined]
    return resp.status_code, resp.text  # type: ignore[attr-defined]


def test_a_query_of_exactly_the_byte_limit_runs(client: FlaskClient) -> None:
    query = ASK + " " * (LIMIT - len(ASK))
    assert client.get("/sparql", query_string={"query": query}).status_code == 200


def test_a_query_one_byte_over_the_limit_is_413_naming_the_limit(client: FlaskClient) -> None:
    query = ASK + " " * (LIMIT - len(ASK) + 1)
    resp = client.get("/sparql", query_string={"query": query})
    assert refusal(resp) == (413, f"the query is longer than this endpoint's {LIMIT} byte limit\n")


def test_the_limit_counts_utf8_bytes_not_characters(client: FlaskClient) -> None:
    query = ASK + " #" + "é" * ((LIMIT - len(ASK) - 2) // 2 + 1)  # fits in characters, not in bytes
    assert len(query) <= LIMIT < len(query.encode("utf-8"))
    assert client.get("/sparql", query_string={"query": query}).status_code == 413


def test_a_blank_query_is_400_the_query_is_empty(client: FlaskClient) -> None:
    assert refusal(client.get("/sparql", query_string={"query": " \n "})) == (400, "the query is empty\n")


def test_a_form_post_without_query_is_400_missing_query(client: FlaskClient) -> None:
    assert refusal(client.post("/sparql", data={"other": "x"})) == (400, "missing 'query' parameter\n")


def test_a_query_body_in_another_charset_is_400_naming_it(client: FlaskClient) -> None:
    resp = client.post(
        "/sparql", data=ASK.encode("latin-1"), content_type="application/sparql-query; charset=ISO-8859-1"
    )
    assert refusal(resp) == (400, "the query must be sent as UTF-8, not iso-8859-1\n")


@pytest.mark.parametrize("charset", ["utf-8", "UTF8"])
def test_a_query_body_declared_utf8_either_way_runs(client: FlaskClient, charset: str) -> None:
    resp = client.post("/sparql", data=ASK, content_type=f"application/sparql-query; charset={charset}")
    assert resp.status_code == 200
    assert resp.get_json() == {"head": {}, "boolean": True}


def test_a_query_body_that_is_not_utf8_is_400_naming_the_byte(client: FlaskClient) -> None:
    resp = client.post("/sparql", data=b"ASK {\xff}", content_type="application/sparql-query")
    assert refusal(resp) == (400, "the query is not valid UTF-8 (byte 5)\n")


def test_a_post_without_content_type_is_415_saying_none(client: FlaskClient) -> None:
    resp = client.post("/sparql", data=b"")
    assert refusal(resp) == (
        415,
        "unsupported content type (none); send application/sparql-query or application/x-www-form-urlencoded\n",
    )


@pytest.mark.parametrize("field", ["default-graph-uri", "named-graph-uri"])
def test_a_relative_graph_iri_is_400_naming_the_field_and_value(client: FlaskClient, field: str) -> None:
    resp = client.get("/sparql", query_string={"query": ASK, field: "graph 1"})
    assert refusal(resp) == (400, f"{field}: 'graph 1' is not an absolute IRI (e.g. https://example.org/graph)\n")


def test_an_absolute_graph_iri_is_accepted(client: FlaskClient) -> None:
    resp = client.get("/sparql", query_string={"query": ASK, "default-graph-uri": GRAPH})
    assert resp.get_json() == {"head": {}, "boolean": True}


def test_a_form_update_next_to_a_query_is_refused(client: FlaskClient) -> None:
    resp = client.post("/sparql", data={"query": ASK, "update": "DROP ALL"})
    assert refusal(resp) == (400, UPDATE_REFUSED + "\n")


def test_one_query_in_the_form_and_one_in_the_url_is_two(client: FlaskClient) -> None:
    resp = client.post("/sparql?query=ASK%7B%7D", data={"query": ASK})
    assert refusal(resp) == (400, "more than one 'query' parameter; send exactly one\n")


def test_graph_iris_in_the_url_of_a_form_post_count(client: FlaskClient) -> None:
    resp = client.post("/sparql?default-graph-uri=urn:nowhere", data={"query": ASK})
    assert resp.get_json() == {"head": {}, "boolean": False}
    resp = client.post("/sparql?named-graph-uri=relative", data={"query": ASK})
    assert resp.status_code == 400


def test_graph_iris_in_the_url_of_a_query_body_post_count(client: FlaskClient) -> None:
    resp = client.post(
        "/sparql?default-graph-uri=urn:nowhere", data="ASK { ?s ?p ?o }", content_type="application/sparql-query"
    )
    assert resp.get_json() == {"head": {}, "boolean": False}


def test_options_is_204_with_cors_for_a_named_origin(client: FlaskClient) -> None:
    resp = client.options("/sparql", headers={"Origin": "https://yasgui.example"})
    assert resp.status_code == 204
    assert resp.headers["Access-Control-Allow-Origin"] == "https://yasgui.example"
    assert resp.headers["Access-Control-Allow-Methods"] == "GET, POST, OPTIONS"
    assert resp.headers["Access-Control-Allow-Headers"] == "Accept, Content-Type, Authorization"


def test_another_origin_gets_no_cors_headers(client: FlaskClient) -> None:
    resp = client.get("/sparql", query_string={"query": ASK}, headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in resp.headers
    assert "Access-Control-Allow-Methods" not in resp.headers


def test_answers_vary_by_accept_and_origin(client: FlaskClient) -> None:
    resp = client.get("/sparql", query_string={"query": ASK})
    assert resp.headers.getlist("Vary") == ["Accept", "Origin"]


@pytest.mark.parametrize(
    ("accept", "content_type"),
    [
        ("text/csv", "text/csv; charset=utf-8"),
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/json", "application/sparql-results+json"),
        ("text/xml", "application/sparql-results+xml"),
    ],
)
def test_text_answers_say_utf8_and_aliases_mean_ours(client: FlaskClient, accept: str, content_type: str) -> None:
    resp = client.get("/sparql", query_string={"query": "SELECT ?s WHERE { ?s ?p ?o }"}, headers={"Accept": accept})
    assert resp.status_code == 200 and resp.headers["Content-Type"] == content_type


def test_an_unacceptable_accept_names_what_was_asked_and_every_offer(client: FlaskClient) -> None:
    resp = client.get("/sparql", query_string={"query": ASK}, headers={"Accept": "image/png"})
    status, text = refusal(resp)
    assert status == 406 and text.startswith("cannot answer in image/png; available: application/sparql-results+json, ")
    assert "text/turtle" in text


def test_the_service_description_lists_every_result_format_and_the_union_default(client: FlaskClient) -> None:
    sd = "http://www.w3.org/ns/sparql-service-description#"
    resp = client.get("/sparql")
    assert resp.headers["Content-Type"] == "text/turtle; charset=utf-8"
    g = Graph().parse(data=resp.data, format="turtle")
    formats = {str(o).rsplit("/", 1)[1] for o in g.objects(None, URIRef(sd + "resultFormat"))}
    assert formats == {
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "JSON-LD",
        "RDF_XML",
    }
    assert (None, URIRef(sd + "feature"), URIRef(sd + "UnionDefaultGraph")) in g
    assert {str(o) for o in g.objects(None, URIRef(sd + "name"))} == {GRAPH}


def test_a_service_description_as_json_ld_has_no_charset(client: FlaskClient) -> None:
    resp = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert resp.headers["Content-Type"] == "application/ld+json"


def test_two_queries_in_a_get_are_400_saying_send_exactly_one(client: FlaskClient) -> None:
    resp = client.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D")
    assert refusal(resp) == (400, "more than one 'query' parameter; send exactly one\n")
