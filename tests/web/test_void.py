"""The dataset's VoID/DCAT description at /.well-known/void, read with rdflib and checked against the store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from liveserver import serving
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, RDF, VOID
from webfixture import browser_store

from compgraph.graph import history
from compgraph.graph.namespaces import CG, CGR, DPV, PROV
from compgraph.graph.store import LocalStore
from compgraph.web import create_app
from compgraph.web.linkeddata import SD


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    s, _ = browser_store(tmp_path_factory.mktemp("void") / "store")
    return s


@pytest.fixture(scope="module")
def base(store: LocalStore) -> Iterator[str]:
    with serving(create_app(store)) as url:
        yield url


@pytest.fixture(scope="module")
def turtle(base: str) -> Graph:
    resp = requests.get(f"{base}/.well-known/void", timeout=30)
    assert resp.headers["Content-Type"].startswith("text/turtle")
    return Graph().parse(data=resp.text, format="turtle")


def _dataset(base: str) -> URIRef:
    return URIRef(f"{base}/.well-known/void#dataset")


def _counts(graph: Graph, base: str) -> dict[str, int]:
    out = {}
    for sub in graph.objects(_dataset(base), VOID.subset):
        out[str(graph.value(sub, SD.name))] = int(graph.value(sub, VOID.triples))  # type: ignore[arg-type]
    return out


def test_each_named_graph_has_its_triple_count_from_the_store(turtle: Graph, base: str, store: LocalStore) -> None:
    assert _counts(turtle, base) == store.graph_counts()
    total = turtle.value(_dataset(base), VOID.triples)
    assert total == Literal(store.triple_count())


def test_json_ld_by_accept_says_the_same_as_turtle(turtle: Graph, base: str) -> None:
    resp = requests.get(f"{base}/.well-known/void", headers={"Accept": "application/ld+json"}, timeout=30)
    assert resp.headers["Content-Type"] == "application/ld+json"
    assert resp.json()["@context"] == f"{base}/context.jsonld"
    jsonld = Graph().parse(data=resp.text, format="json-ld")
    assert _counts(jsonld, base) == _counts(turtle, base) and len(jsonld) == len(turtle)


def test_the_sparql_endpoint_it_names_answers(turtle: Graph, base: str) -> None:
    endpoint = turtle.value(_dataset(base), VOID.sparqlEndpoint)
    assert endpoint == URIRef(f"{base}/sparql")
    resp = requests.get(str(endpoint), params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
    assert resp.status_code == 200 and resp.json()["boolean"] is True


def test_the_dump_it_links_holds_every_named_graph(turtle: Graph, base: str, store: LocalStore) -> None:
    dump = turtle.value(_dataset(base), VOID.dataDump)
    assert dump is not None
    data = requests.get(str(dump), timeout=30).content
    trail = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{history.HISTORY_GRAPH}> {{ ?s ?p ?o }} }}"
    # The dump carries the audit trail too; triple_count counts the data graphs only.
    assert len(data.splitlines()) == store.triple_count() + int(store.query(trail).rows[0][0])


def test_vocabularies_are_the_namespaces_the_data_uses(turtle: Graph, base: str) -> None:
    vocabularies = {str(v) for v in turtle.objects(_dataset(base), VOID.vocabulary)}
    assert {str(CG), str(DPV), str(PROV), str(RDF)} <= vocabularies
    assert not any(v.startswith(str(CGR)) for v in vocabularies)


def test_every_export_is_a_dcat_distribution(turtle: Graph, base: str) -> None:
    urls = {str(turtle.value(d, DCAT.downloadURL)) for d in turtle.objects(_dataset(base), DCAT.distribution)}
    assert f"{base}/exports/audit-pack.zip" in urls and f"{base}/exports/soa.xlsx?org=mozart" in urls
    service = turtle.value(_dataset(base), DCAT.accessService)
    assert turtle.value(service, DCAT.endpointURL) == URIRef(f"{base}/sparql")
