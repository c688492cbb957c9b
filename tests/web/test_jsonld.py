"""JSON-LD of every page that shows RDF nodes: the store's own triples about them, under a @context the
server publishes at /context.jsonld, which rdflib fetches from the live server to read the page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from liveserver import serving
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS
from webfixture import browser_store

from compgraph.graph.namespaces import PREFIXES, entity_iri
from compgraph.graph.store import LocalStore
from compgraph.web import create_app
from compgraph.web.auth import Users

SYSTEM = "sys-contract-summariser"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    s, _ = browser_store(tmp_path_factory.mktemp("jsonld") / "store")
    return s


@pytest.fixture(scope="module")
def base(store: LocalStore) -> Iterator[str]:
    with serving(create_app(store)) as url:
        yield url


def _read(body: str, base: str) -> Graph:
    """rdflib parses the page, fetching its @context from the server as any JSON-LD processor would."""
    assert json.loads(body)["@context"] == f"{base}/context.jsonld"
    return Graph().parse(data=body, format="json-ld")


def _store_triples(store: LocalStore, iri: str) -> set:
    res = store.query(f"CONSTRUCT {{ <{iri}> ?p ?o }} WHERE {{ <{iri}> ?p ?o }}")
    return set(res.triples)


def test_the_context_is_the_projects_namespaces(base: str) -> None:
    resp = requests.get(f"{base}/context.jsonld", timeout=10)
    assert resp.status_code == 200 and resp.headers["Content-Type"] == "application/ld+json"
    assert PREFIXES.items() <= resp.json()["@context"].items()


def test_a_detail_pages_jsonld_is_the_stores_triples_about_the_node(base: str, store: LocalStore) -> None:
    body = requests.get(f"{base}/systems/{SYSTEM}.jsonld", timeout=10).text
    graph = _read(body, base)
    iri = entity_iri("system", SYSTEM)
    about = {t for t in graph if t[0] == URIRef(iri)}
    assert about == _store_triples(store, iri) and len(about) > 5
    assert '"@type": "cg:AISystem"' in body  # compacted with the context, not full IRIs


def test_a_list_page_answers_accept_ld_json_with_every_listed_node(base: str, store: LocalStore) -> None:
    rows = requests.get(f"{base}/systems.json", timeout=10).json()["systems"]
    resp = requests.get(f"{base}/systems.json", headers={"Accept": "application/ld+json"}, timeout=10)
    assert resp.headers["Content-Type"] == "application/ld+json"
    graph = _read(resp.text, base)
    listed = {str(o) for o in graph.objects(URIRef(f"{base}/systems"), DCTERMS.references)}
    assert listed == {r["iri"] for r in rows} and listed
    for iri in listed:
        assert {t for t in graph if t[0] == URIRef(iri)} == _store_triples(store, iri)


def test_the_html_address_negotiates_json_ld_too(base: str) -> None:
    resp = requests.get(f"{base}/systems/{SYSTEM}", headers={"Accept": "application/ld+json"}, timeout=10)
    assert resp.headers["Content-Type"] == "application/ld+json"
    assert resp.headers["Vary"] == "Accept"
    browser = requests.get(f"{base}/systems/{SYSTEM}", headers={"Accept": "text/html,*/*;q=0.8"}, timeout=10)
    assert browser.headers["Content-Type"].startswith("text/html")


def test_a_page_without_rdf_nodes_says_so_with_406(base: str) -> None:
    resp = requests.get(f"{base}/index.jsonld", timeout=10)
    assert resp.status_code == 406
    assert resp.json()["message"] == "This page shows no RDF nodes, so it has no JSON-LD; its data is at .json."


def test_the_context_needs_no_login_but_the_pages_do(store: LocalStore, tmp_path: Path) -> None:
    Users(tmp_path / "users.json").add("vera", "viewer", "viewer-pass-1")
    client = create_app(store, {"USERS_FILE": str(tmp_path / "users.json")}).test_client()
    assert client.get("/context.jsonld").status_code == 200
    assert client.get(f"/systems/{SYSTEM}.jsonld").status_code == 401


def test_a_page_with_rdf_nodes_links_its_json_ld(base: str) -> None:
    html = requests.get(f"{base}/systems/{SYSTEM}", timeout=10).text
    assert f'<link rel="alternate" type="application/ld+json" href="/systems/{SYSTEM}.jsonld">' in html
    assert '.jsonld"' not in requests.get(f"{base}/", timeout=10).text


def test_a_page_asked_as_json_then_as_jsonld_answers_each_in_its_own_format(base: str) -> None:
    # The page cache must key on what was asked for: the JSON answer is not a JSON-LD one.
    plain = requests.get(f"{base}/systems/{SYSTEM}.json", timeout=10)
    linked = requests.get(f"{base}/systems/{SYSTEM}.jsonld", timeout=10)
    assert "@context" not in plain.json()
    assert linked.headers["Content-Type"].startswith("application/ld+json")
    assert "@context" in linked.json()
