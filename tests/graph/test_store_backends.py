"""One contract, every store: the embedded Oxigraph, and real ``oxigraph serve`` and Virtuoso servers behind
RemoteStore (tests/remote_servers.py starts them on loopback).

Every test runs against each backend, so the web app, build and canned questions can rely on the
GraphStore interface alone. The remote ones are marked ``remote``; a missing server binary makes
them fail with a message saying so, never skip.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from compgraph.graph.build import BuildPlan, apply_plan
from compgraph.graph.store import GraphStore, LocalStore, QuerySyntaxError, QueryTimeout, StoreError
from remote_servers import SERVER_FAULTS, SERVERS, ServerPool, check_answers
from sparql_fixtures import EXPECTED, expected_answers, fixture_graphs, load_fixture

REPO = Path(__file__).resolve().parents[2]
ORG_GRAPH = "https://w3id.org/compgraph/graph/test/org"
CONTROLS_GRAPH = "https://w3id.org/compgraph/graph/test/controls"
HIRE = URIRef("https://w3id.org/compgraph/id/system/hire")


@pytest.fixture(
    params=["local"]
    + [pytest.param(f"{name}{how}", marks=pytest.mark.remote) for name in SERVERS for how in ("", "-gsp")]
)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """An empty store of each kind (remote: SPARQL Update, or Graph Store Protocol, for writes)."""
    if request.param == "local":
        s: GraphStore = LocalStore(tmp_path / "store")
    else:
        name, _, how = request.param.partition("-")
        s = request.getfixturevalue("servers").get(name).store(gsp=how == "gsp")
        # The server outlives each test; start every test from nothing (but Virtuoso's own graphs).
        for graph in s.graph_names():
            s.drop_graph(graph)
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


def _server_of(request: pytest.FixtureRequest) -> str:
    return str(request.node.callspec.params["store"]).partition("-")[0]


def test_same_canned_answers(store: GraphStore, request: pytest.FixtureRequest) -> None:
    load_fixture(store)
    server = _server_of(request)
    got = expected_answers(store)
    # A server's known fault is checked (strictly expected to fail) by the test below, not hidden here.
    faulty = {q for (s, q), (column, *_) in SERVER_FAULTS.items() if s == server and column in EXPECTED[q][1]}
    assert {n: r for n, r in got.items() if n not in faulty} == {
        name: rows for name, (_, _, rows) in EXPECTED.items() if name not in faulty
    }


@pytest.mark.remote
@pytest.mark.parametrize(
    ("server", "question"),
    [(s, q) for (s, q), (column, *_) in SERVER_FAULTS.items() if q in EXPECTED and column in EXPECTED[q][1]],
)
def test_canned_answer_a_server_gets_wrong(servers: ServerPool, server: str, question: str) -> None:
    store = servers.get(server).store()
    for graph in store.graph_names():
        store.drop_graph(graph)
    load_fixture(store)
    _, columns, rows = EXPECTED[question]
    check_answers(server, question, columns, [(expected_answers(store)[question], rows)])


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


@pytest.mark.remote
def test_virtuoso_whose_own_graphs_are_visible_is_refused(servers: ServerPool) -> None:
    # Its DBA sees Virtuoso's private graphs, which would then be counted and matched with compgraph's.
    running = servers.get("virtuoso")
    store = running.store(auth=("dba", "dba"))
    with pytest.raises(StoreError, match="make them private first") as err:
        store.graph_names()
    assert "\n" not in str(err.value)
    with pytest.raises(StoreError):  # and on every later call, not just the first
        store.triple_count()


@pytest.mark.remote
def test_virtuoso_partial_answer_at_its_time_limit_is_refused(servers: ServerPool) -> None:
    # Virtuoso answers 200 with the rows it had when time ran out (a COUNT far too small), flagged only
    # by its X-SQL-State header: that must be a timeout, never a number.
    store = servers.get("virtuoso").store()
    triples = "".join(f"<urn:s{i}> <urn:p> <urn:o{i % 97}> .\n" for i in range(2000))
    store.replace_graph("urn:graph:big", triples.encode(), "application/n-triples")
    # On a loaded machine Virtuoso's watchdog may cancel the statement instead (a 500, HY008): also a timeout.
    with pytest.raises(QueryTimeout, match="incomplete results|stopped the query at its time limit"):
        store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }", timeout=1)
    store.drop_graph("urn:graph:big")
