"""/sparql behaviours a fresh mutation sample (tools/mutation.py --group endpoint --sample 20 --seed 2) found
unpinned: ``format=`` given as a media type, the 406 of a form POST naming its format=, a remote store
honouring default-graph-uri, and a service description people can read.

Every other endpoint test asked for formats by short name or Accept, sent format= only in a GET, and queried
the remote store's union default graph; so dropping the media-type branch of ``format=``, reading the POST's
format under the wrong name, or not passing default-graph-uri to the remote store all passed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, URIRef

from compgraph.graph.remote import RemoteStore
from compgraph.graph.store import LocalStore
from compgraph.web import create_app
from sparql_fixtures import oxigraph_server

HIRING = "https://w3id.org/compgraph/graph/fresh-hiring"
SCORING = "https://w3id.org/compgraph/graph/fresh-scoring"
HIRING_DATA = b"<urn:x:hire> <urn:x:p> <urn:x:cv> .\n"
SCORING_DATA = b"<urn:x:score> <urn:x:p> <urn:x:loan> .\n"
SUBJECTS = "SELECT ?s WHERE { ?s <urn:x:p> ?o } ORDER BY ?s"
CONSTRUCT_HIRE = "CONSTRUCT WHERE { <urn:x:hire> ?p ?o }"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    store = LocalStore(tmp_path_factory.mktemp("fresh") / "store")
    store.replace_graph(HIRING, HIRING_DATA)
    store.replace_graph(SCORING, SCORING_DATA)
    app: Flask = create_app(store, {"TESTING": True, "SPARQL_TIMEOUT": 5.0})
    return app.test_client()


@pytest.fixture(scope="module")
def remote_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as base:
        store = RemoteStore(f"{base}/query", gsp_url=f"{base}/store")
        store.replace_graph(HIRING, HIRING_DATA)
        store.replace_graph(SCORING, SCORING_DATA)
        yield create_app(store, {"TESTING": True, "SPARQL_TIMEOUT": 5.0}).test_client()


def test_format_given_as_a_result_media_type_answers_in_it(client: FlaskClient) -> None:
    resp = client.get("/sparql", query_string={"query": SUBJECTS, "format": "text/csv"})
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    assert list(csv.reader(io.StringIO(resp.text))) == [["s"], ["urn:x:hire"], ["urn:x:score"]]


def test_format_given_as_a_graph_media_type_answers_in_it(client: FlaskClient) -> None:
    resp = client.get("/sparql", query_string={"query": CONSTRUCT_HIRE, "format": "application/n-triples"})
    assert resp.status_code == 200 and resp.mimetype == "application/n-triples"
    assert resp.text.strip() == "<urn:x:hire> <urn:x:p> <urn:x:cv> ."


def test_a_form_post_whose_format_cannot_hold_the_answer_is_406_naming_that_format(client: FlaskClient) -> None:
    resp = client.post("/sparql", data={"query": CONSTRUCT_HIRE, "format": "csv"})
    assert resp.status_code == 406 and resp.mimetype == "text/plain"
    assert resp.text.startswith("cannot answer in format=csv; available: text/turtle, ")


@pytest.mark.remote
def test_default_graph_uri_over_a_remote_store_answers_from_that_graph_alone(remote_client: FlaskClient) -> None:
    resp = remote_client.get("/sparql", query_string={"query": SUBJECTS, "default-graph-uri": SCORING})
    assert resp.status_code == 200
    assert [b["s"]["value"] for b in resp.get_json()["results"]["bindings"]] == ["urn:x:score"]


def test_the_service_description_in_turtle_names_formats_by_prefix(client: FlaskClient) -> None:
    # People open /sparql in a browser and read this: formats:Turtle, not a bare IRI or an ns1: prefix.
    resp = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert "@prefix formats: <http://www.w3.org/ns/formats/> ." in resp.text
    assert "formats:SPARQL_Results_JSON" in resp.text
    described = Graph().parse(data=resp.data, format="turtle")
    assert URIRef("http://www.w3.org/ns/formats/Turtle") in set(described.objects())
