"""The endpoint never calls another server: SERVICE is refused from the parsed query, and the query workers
have no network to call it with. A loopback listener stands in for the victim and must receive nothing."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compgraph.graph.store import LocalStore
from compgraph.web import create_app
from compgraph.web.queryworker import expand_escapes, has_service, leave_network
from sparql_fixtures import load_fixture


class Listener:
    """A TCP server on loopback that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    self.hits.append(conn.recv(4096))
                except OSError:
                    self.hits.append(b"")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    srv = Listener()
    yield srv
    srv.close()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    store = LocalStore(tmp_path_factory.mktemp("guard"))
    load_fixture(store)
    return create_app(store, {"TESTING": True, "SPARQL_TIMEOUT": 10.0, "SPARQL_WORKERS": 2})


def _ask(app: Flask, query: str) -> tuple[int, str]:
    resp = app.test_client().get("/sparql", query_string={"query": query})
    return resp.status_code, resp.text


# The spellings from issue #13, each of which a keyword lexer can miss.
def _spellings(url: str) -> list[str]:
    return [
        f"PREFIX ex: <http://ex/> SELECT * WHERE {{ BIND(ex:a\\# AS ?z) SERVICE <{url}> {{ ?x ?y ?w }} }}",
        f"PREFIX ex: <http://ex/> ASK {{ BIND(ex:a\\# AS ?z) SERVICE <{url}> {{ ?x ?y ?w }} }}",
        f"PREFIX ex: <http://ex/> CONSTRUCT {{ ?x ?y ?w }} WHERE {{ BIND(ex:a\\# AS ?z) "
        f"SERVICE <{url}> {{ ?x ?y ?w }} }}",
        f"SELECT * WHERE {{ SERVIC\\u0045 <{url}> {{ ?x ?y ?w }} }}",
        f"SELECT * WHERE {{ \\U00000053ERVICE <{url}> {{ ?x ?y ?w }} }}",
        f'SELECT * WHERE {{ BIND("#" AS ?h) sErViCe SILENT <{url}> {{ ?x ?y ?w }} }}',
        f"PREFIX s: <urn:s#> SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ # a comment\n OPTIONAL {{ {{ SERVICE <{url}> {{ ?x ?y ?w }} }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    ]


@pytest.mark.parametrize("index", range(9))
def test_every_spelling_of_service_is_refused_and_nothing_is_fetched(
    app: Flask, listener: Listener, index: int
) -> None:
    query = _spellings(f"http://127.0.0.1:{listener.port}/sparql")[index]
    before = len(listener.hits)
    status, text = _ask(app, query)
    assert status == 400, text
    assert "SERVICE" in text
    assert len(listener.hits) == before


def test_the_query_workers_have_no_network(tmp_path: Path, listener: Listener) -> None:
    """Even a SERVICE the guard missed could reach nothing: a worker cannot connect to loopback."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_try_connect, args=(child, listener.port))
    proc.start()
    before = len(listener.hits)
    isolated, connected = parent.recv()
    proc.join(10)
    if not isolated:
        pytest.skip("this kernel gives no network namespace to the test's user; the word check stands alone")
    assert connected is False
    assert len(listener.hits) == before


def _try_connect(conn, port: int) -> None:  # noqa: ANN001
    isolated = leave_network()
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        connected = True
    except OSError:
        connected = False
    conn.send((isolated, connected))


def test_the_word_service_outside_the_grammar_keyword_is_answered(app: Flask) -> None:
    status, text = _ask(app, 'PREFIX service: <urn:x/>\nSELECT ("SERVICE" AS ?x) WHERE { BIND(service:SERVICE AS ?y) }')
    assert status == 200, text


# --- property-based: every way the grammar lets one write SERVICE ------------------------------------

_KEYWORD = st.tuples(
    *[
        st.sampled_from([c.lower(), c.upper(), f"\\u{ord(c.upper()):04X}", f"\\u{ord(c.lower()):04x}"])
        for c in "SERVICE"
    ]
).map("".join)
_NOISE = st.sampled_from(
    [
        " ",
        "\n",
        "\t",
        " # SERVICE in a comment\n",
        ' BIND("#}" AS ?s1) ',
        " BIND(<urn:a#b> AS ?s2) ",
        " BIND(ex:a\\# AS ?s3) ",
        " BIND(ex:a\\.b AS ?s4) ",
        ' BIND("""SERVICE\n""" AS ?s5) ',
        " ?q1 ?q2 ?q3 . ",
    ]
)
_TARGET = st.sampled_from(["<http://127.0.0.1:9/sparql>", "?endpoint", "ex:svc", "<http://127.0.0.1:9/a#b>"])


@st.composite
def service_queries(draw: st.DrawFn) -> str:
    keyword = draw(_KEYWORD)
    silent = draw(st.sampled_from(["", " SILENT", " silent", " \\u0053ILENT"]))
    before, after = draw(_NOISE), draw(_NOISE)
    inner = f"{keyword}{silent} {draw(_TARGET)} {{ ?x ?y ?w }}"
    for _ in range(draw(st.integers(0, 3))):
        inner = draw(
            st.sampled_from(["{{ {} }}", "OPTIONAL {{ {} }}", "MINUS {{ {} }}", "{{ ?a ?b ?c }} UNION {{ {} }}"])
        ).format(inner)
    form = draw(st.sampled_from(["SELECT *", "ASK", "CONSTRUCT { ?x ?y ?w }", "SELECT (COUNT(*) AS ?n)"]))
    return f"PREFIX ex: <http://ex/>\n{form} WHERE {{{before}{inner}{after}}}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=service_queries())
def test_generated_service_queries_are_all_refused(app: Flask, listener: Listener, query: str) -> None:
    before = len(listener.hits)
    status, text = _ask(app, query.replace("127.0.0.1:9", f"127.0.0.1:{listener.port}"))
    assert status == 400, (query, text)
    assert "SERVICE" in text
    assert len(listener.hits) == before


@settings(max_examples=200, deadline=None)
@given(query=service_queries())
def test_the_guard_never_reads_a_generated_service_query_as_free_of_service(query: str) -> None:
    # has_service may fail to parse (None), which the worker treats as "refuse"; it must never say False.
    assert has_service(query) is not False


@given(st.text(alphabet="SERVICEservice\\u0123456789ABCDEF", max_size=40))
def test_escape_expansion_reaches_a_fixed_point(text: str) -> None:
    once = expand_escapes(text)
    assert expand_escapes(once) == once
