"""Real SPARQL clients against the endpoint served over HTTP: they must see what the library sees.

SPARQLWrapper and rdflib's SPARQLStore each have their own ideas about Accept headers, methods and
result formats; a Flask test client would not notice a mismatch, a real socket does.
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator

import pytest
from rdflib import Graph, Literal
from rdflib.plugins.sparql.results.jsonresults import parseJsonTerm
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, SPARQLWrapper
from werkzeug.serving import make_server

from compgraph.graph.store import LocalStore, QueryResult, with_prefixes
from compgraph.questions.queries import get_query
from compgraph.web import create_app
from sparql_fixtures import EXPECTED, free_port, load_fixture

CONSTRUCT_HIRE = (
    "PREFIX sys: <https://w3id.org/compgraph/id/system/>\nCONSTRUCT { sys:hire ?p ?o } WHERE { sys:hire ?p ?o }"
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    s = LocalStore(tmp_path_factory.mktemp("clients"))
    load_fixture(s)
    return s


@pytest.fixture(scope="module")
def endpoint(store: LocalStore) -> Iterator[str]:
    """What `compgraph serve` runs, on a free loopback port in a thread."""
    app = create_app(store, {"SPARQL_TIMEOUT": 10.0, "SPARQL_MAX_RESULTS": 10_000})
    port = free_port()
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/sparql"
    finally:
        server.shutdown()
        thread.join(10)


def _canned_text(name: str) -> str:
    params = EXPECTED[name][0]
    return get_query(name).bind(params)


def _as_a_client_reads(term: object) -> object:
    # The store keeps lexical forms as written ("PT0S"); a client's rdflib makes its literals canonical ("P0D").
    if isinstance(term, Literal) and term.datatype is not None:
        return Literal(str(term), datatype=term.datatype)
    return term


def _embedded(store: LocalStore, text: str) -> QueryResult:
    result = store.query(with_prefixes(text))
    result.rows = [tuple(_as_a_client_reads(v) for v in row) for row in result.rows]
    return result


NAMES = sorted(EXPECTED)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_json(endpoint: str, store: LocalStore, name: str, method: str) -> None:
    text = _canned_text(name)
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(text)
    sw.setReturnFormat(JSON)
    if method == "POST":
        sw.setMethod(POST)
    body = sw.query().convert()
    want = _embedded(store, text)
    assert body["head"]["vars"] == want.variables
    got = [tuple(parseJsonTerm(b[v]) if v in b else None for v in want.variables) for b in body["results"]["bindings"]]
    assert got == want.rows
    assert got, f"{name} should have rows on the fixture graph"


@pytest.mark.parametrize("name", NAMES)
def test_sparqlwrapper_csv(endpoint: str, store: LocalStore, name: str) -> None:
    text = _canned_text(name)
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(text)
    sw.setReturnFormat(CSV)
    raw = sw.query().convert()
    table = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
    want = store.query(with_prefixes(text))  # CSV is text: the lexical forms as the store keeps them
    assert table[0] == want.variables
    assert table[1:] == [["" if t is None else str(t) for t in row] for row in want.rows]


@pytest.mark.parametrize("name", NAMES)
def test_rdflib_sparqlstore_select(endpoint: str, store: LocalStore, name: str) -> None:
    text = _canned_text(name)
    remote = Graph(store=SPARQLStore(endpoint))
    got = [tuple(row) for row in remote.query(text)]
    assert got == _embedded(store, text).rows


def test_rdflib_sparqlstore_ask_and_construct(endpoint: str, store: LocalStore) -> None:
    remote = Graph(store=SPARQLStore(endpoint))
    assert remote.query("ASK { ?s a <https://w3id.org/compgraph/ontology#AISystem> }").askAnswer is True
    got = remote.query(CONSTRUCT_HIRE).graph
    want = _embedded(store, CONSTRUCT_HIRE).graph()
    assert set(got) == set(want)
    assert len(want) > 5
