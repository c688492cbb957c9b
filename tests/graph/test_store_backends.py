"""One contract, two stores: the embedded Oxigraph and a real ``oxigraph serve`` behind RemoteStore.

Every test runs against each backend, so the web app, build and canned questions can rely on the
GraphStore interface alone. The remote ones are marked ``remote``; a missing oxigraph binary makes
them fail with a message saying so, never skip.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from compgraph.graph.build import BuildPlan, apply_plan
from compgraph.graph.store import GraphStore, LocalStore, QuerySyntaxError, QueryTimeout, RemoteStore
from sparql_fixtures import EXPECTED, expected_answers, fixture_graphs, load_fixture, oxigraph_server

REPO = Path(__file__).resolve().parents[2]
ORG_GRAPH = "https://w3id.org/compgraph/graph/test/org"
CONTROLS_GRAPH = "https://w3id.org/compgraph/graph/test/controls"
HIRE = URIRef("https://w3id.org/compgraph/id/system/hire")


@pytest.fixture(scope="module")
def oxigraph_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph-server")) as base:
        yield base


@pytest.fixture(
    params=[
        "local",
        pytest.param("remote", marks=pytest.mark.remote),
        pytest.param("remote-gsp", marks=pytest.mark.remote),
    ]
)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """An empty store of each kind (remote: SPARQL Update, or Graph Store Protocol, for writes)."""
    if request.param == "local":
        s: GraphStore = LocalStore(tmp_path / "store")
    else:
        base = request.getfixturevalue("oxigraph_url")
        gsp = f"{base}/store" if request.param == "remote-gsp" else None
        s = RemoteStore(f"{base}/query", gsp_url=gsp)
        s.update("DROP ALL")  # the server outlives each test; start every test from nothing
    yield s
    s.close()


def _parsed_sizes() -> dict[str, int]:
    return {g: len(Graph().parse(p, format="turtle")) for g, p in fixture_graphs().items()}


def test_replace_graph_and_counts(store: GraphStore) -> None:
    load_fixture(store)
    sizes = _parsed_sizes()
    assert store.graph_counts() == sizes
    assert store.graph_names() == sorted(sizes)
    assert store.triple_count(ORG_GRAPH) == sizes[ORG_GRAPH]
    assert store.triple_count() == sum(sizes.values())


def test_replace_replaces_and_is_idempotent(store: GraphStore) -> None:
    load_fixture(store)
    load_fixture(store)
    assert store.graph_counts() == _parsed_sizes()
    n = store.replace_graph(CONTROLS_GRAPH, b"<urn:a> <urn:b> <urn:c> .\n", "application/n-triples")
    assert n == 1
    assert store.triple_count(CONTROLS_GRAPH) == 1
    assert store.query("ASK { ?c a <https://w3id.org/compgraph/ontology#Control> }").boolean is False


@pytest.mark.parametrize(
    ("data", "media"),
    [
        (b"<urn:a> <urn:b> .\n", "application/n-triples"),
        (b'@prefix cg: <https://w3id.org/compgraph/ontology#> .\n<urn:a> cg:x "unterminated .\n', "text/turtle"),
    ],
)
def test_malformed_data_leaves_the_graph_as_it_was(store: GraphStore, data: bytes, media: str) -> None:
    load_fixture(store)
    before = store.graph_counts()
    answers = expected_answers(store)
    with pytest.raises(SyntaxError):
        store.replace_graph(ORG_GRAPH, data, media)
    assert store.graph_counts() == before
    assert expected_answers(store) == answers


def test_same_canned_answers(store: GraphStore) -> None:
    load_fixture(store)
    got = expected_answers(store)
    assert got == {name: rows for name, (_, _, rows) in EXPECTED.items()}


def test_query_forms_and_errors(store: GraphStore) -> None:
    load_fixture(store)
    sel = store.select("SELECT ?id WHERE { sys:hire dcterms:identifier ?id }")
    assert sel.kind == "SELECT" and sel.variables == ["id"] and [str(r[0]) for r in sel.rows] == ["hire"]
    assert store.select("ASK { sys:hire a cg:AISystem }").boolean is True
    con = store.select("CONSTRUCT { sys:hire ?p ?o } WHERE { sys:hire ?p ?o }")
    assert con.kind == "CONSTRUCT"
    assert len(con.triples) == len(list(Graph().parse(fixture_graphs()[ORG_GRAPH]).predicate_objects(HIRE)))
    with pytest.raises(QuerySyntaxError):
        store.query("SELECT ?s WHERE { ?s ?p }")


def test_dataset_arguments(store: GraphStore) -> None:
    load_fixture(store)
    sizes = _parsed_sizes()
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(store.query(count, default_graphs=[CONTROLS_GRAPH]).rows[0][0]) == sizes[CONTROLS_GRAPH]
    per_graph = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    res = store.query(per_graph, named_graphs=[CONTROLS_GRAPH])
    assert [(str(g), int(n)) for g, n in res.rows] == [(CONTROLS_GRAPH, sizes[CONTROLS_GRAPH])]


def test_drop_graph_and_to_graph(store: GraphStore) -> None:
    load_fixture(store)
    store.drop_graph(CONTROLS_GRAPH)
    assert CONTROLS_GRAPH not in store.graph_names()
    sizes = _parsed_sizes()
    del sizes[CONTROLS_GRAPH]
    assert len(store.to_graph()) <= sum(sizes.values())
    assert len(store.to_graph([ORG_GRAPH])) == sizes[ORG_GRAPH]


def test_build_writes_each_graph_with_its_provenance(store: GraphStore) -> None:
    plan = BuildPlan()
    for graph, path in fixture_graphs().items():
        plan.add(graph, path, Graph().parse(path, format="turtle"))
    counts = apply_plan(store, plan, relative_to=REPO)
    # Each graph carries 7 provenance triples (source file, digest, count, activity and its time).
    assert counts == {g: n + 7 for g, n in _parsed_sizes().items()}
    assert store.graph_counts() == counts
    derived = store.select(f"SELECT ?f WHERE {{ GRAPH <{ORG_GRAPH}> {{ <{ORG_GRAPH}> prov:wasDerivedFrom ?f }} }}").rows
    assert [str(r[0]) for r in derived] == ["tests/fixtures/sparql/org.ttl"]


def test_time_limit(store: GraphStore) -> None:
    triples = "".join(f"<urn:s{i}> <urn:p> <urn:o{i % 97}> .\n" for i in range(2000))
    store.replace_graph("urn:graph:big", triples.encode(), "application/n-triples")
    with pytest.raises(QueryTimeout):
        store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }", timeout=1)
    # The store still answers straight after.
    big = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:graph:big> { ?s ?p ?o } }"  # not the audit trail's triples
    assert int(store.query(big, timeout=5).rows[0][0]) == 2000
