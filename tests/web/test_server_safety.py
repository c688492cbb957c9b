"""A server a team can share (#13): no cross-site writes, only its own host names, no CORS unless asked,
protective headers, bounded query workers, and 4xx (never 500) for malformed requests."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from webfixture import REPO, browser_store

from compgraph.graph.store import LocalStore
from compgraph.web import create_app
from sparql_fixtures import load_fixture

AS_OF = "2026-03-01"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    s = LocalStore(tmp_path_factory.mktemp("safety"))
    load_fixture(s)
    return s


@pytest.fixture(scope="module")
def app(store: LocalStore) -> Flask:
    return create_app(store, {"SPARQL_TIMEOUT": 5.0})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def _token(client: FlaskClient, url: str = "/") -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(url).get_data(as_text=True))
    assert found, f"{url} has no form with a CSRF token"
    return found.group(1)


# --- cross-site writes -------------------------------------------------------------------------------


def test_a_write_without_the_csrf_token_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    store, _ = browser_store(tmp_path / "store")
    client = create_app(store).test_client()
    before = store.graph_names()
    resp = client.post("/validate", data={"as_of": AS_OF})
    assert resp.status_code == 400
    assert "CSRF" in resp.get_data(as_text=True)
    assert store.graph_names() == before


def test_a_write_from_another_origin_is_refused_even_with_a_token(client: FlaskClient) -> None:
    token = _token(client)
    resp = client.post(
        "/validate", data={"as_of": AS_OF, "csrf_token": token}, headers={"Origin": "https://attacker.example"}
    )
    assert resp.status_code == 403
    assert "attacker.example" in resp.get_data(as_text=True)


def test_a_write_whose_referer_is_another_site_is_refused(client: FlaskClient) -> None:
    token = _token(client)
    resp = client.post(
        "/validate", data={"as_of": AS_OF, "csrf_token": token}, headers={"Referer": "https://attacker.example/x"}
    )
    assert resp.status_code == 403


def test_review_post_without_token_is_refused(client: FlaskClient) -> None:
    resp = client.post("/review/anything", data={"author": "attacker"})
    assert resp.status_code in (400, 403)
    assert "CSRF" in resp.get_data(as_text=True)


def test_a_same_origin_write_with_the_token_goes_through(tmp_path: Path) -> None:
    store, _ = browser_store(tmp_path / "store")
    client = create_app(store).test_client()
    token = _token(client)
    resp = client.post("/validate", data={"as_of": AS_OF, "csrf_token": token}, headers={"Origin": "http://localhost"})
    assert resp.status_code == 303


# --- hosts, CORS, headers ------------------------------------------------------------------------------


def test_an_unknown_host_name_is_refused(client: FlaskClient) -> None:
    resp = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Host": "rebind.attacker.example"})
    assert resp.status_code == 400


def test_an_allowed_host_name_is_served(store: LocalStore) -> None:
    client = create_app(store, {"ALLOWED_HOSTS": ["compliance.example.org"]}).test_client()
    assert client.get("/sparql", headers={"Host": "compliance.example.org"}).status_code == 200
    assert client.get("/sparql", headers={"Host": "localhost"}).status_code == 400


def test_no_cors_header_unless_an_origin_is_named(client: FlaskClient) -> None:
    resp = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Origin": "https://any.example"})
    assert resp.status_code == 200
    assert "Access-Control-Allow-Origin" not in resp.headers


def test_cors_answers_only_the_named_origin(store: LocalStore) -> None:
    client = create_app(store, {"CORS_ORIGINS": ["https://yasgui.example"]}).test_client()
    named = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Origin": "https://yasgui.example"})
    assert named.headers["Access-Control-Allow-Origin"] == "https://yasgui.example"
    other = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Origin": "https://other.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


@pytest.mark.parametrize("url", ["/", "/sparql", "/sparql-console", "/nope"])
def test_every_answer_carries_the_protective_headers(client: FlaskClient, url: str) -> None:
    h = client.get(url).headers
    csp = h["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert h["X-Content-Type-Options"] == "nosniff"
    assert h["X-Frame-Options"] == "DENY"
    assert h["Referrer-Policy"] == "same-origin"


def test_templates_hold_no_inline_script_or_style() -> None:
    for path in (REPO / "web" / "templates").rglob("*.html"):
        text = path.read_text()
        assert "<style" not in text, path
        assert not re.search(r"\son[a-z]+=", text), path
        assert not re.search(r"\sstyle=", text), path
        for tag in re.findall(r"<script[^>]*>", text):
            assert "src=" in tag or 'type="application/json"' in tag, (path, tag)


# --- 4xx, not 500 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/sparql?query=ASK%20%7B%7D&default-graph-uri=not%20an%20iri",
        "/sparql?query=ASK%20%7B%7D&named-graph-uri=%3C%3E",
        "/sparql?query=SELECT%20(%3Chttp://x/f%3E(1)%20AS%20?x)%20%7B%7D",
        "/systems/%00",
        "/systems/%ff%fe",
        "/systems/a%0d%0aX",
        "/obligations/%ff%fe.json",
        "/questions/" + "a" * 255,
        "/questions/" + "é" * 150,
    ],
)
def test_malformed_requests_are_4xx_with_one_line(client: FlaskClient, url: str) -> None:
    resp = client.get(url)
    assert 400 <= resp.status_code < 500, resp.get_data(as_text=True)[:300]
    if url.startswith("/sparql"):
        assert resp.text.count("\n") == 1


def test_a_failing_page_logs_its_traceback_once(store: LocalStore, caplog: pytest.LogCaptureFixture) -> None:
    app = create_app(store)

    def boom() -> str:
        raise RuntimeError("boom")

    app.add_url_rule("/boom", "boom", boom)
    with caplog.at_level("ERROR"):
        assert app.test_client().get("/boom").status_code == 500
    assert sum(1 for r in caplog.records if r.exc_info) == 1


# --- bounded query workers -------------------------------------------------------------------------------

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    s = LocalStore(tmp_path_factory.mktemp("big"))
    s.replace_graph("urn:graph:big", "".join(f"<urn:s{i}> <urn:p> <urn:o{i % 97}> .\n" for i in range(2000)).encode())
    return s


def test_a_full_pool_answers_503_with_retry_after_at_once(big: LocalStore) -> None:
    app = create_app(big, {"SPARQL_TIMEOUT": 4.0, "SPARQL_WORKERS": 1, "SPARQL_WAITING": 0})
    assert app.test_client().get("/sparql", query_string={"query": "ASK {}"}).status_code == 200  # worker up
    first: dict[str, int] = {}

    def runaway() -> None:
        first["status"] = app.test_client().get("/sparql", query_string={"query": RUNAWAY}).status_code

    t = threading.Thread(target=runaway)
    t.start()
    threading.Event().wait(1.0)  # the runaway now holds the only worker for its 4 s
    # Not the warm-up's text: that answer is kept and needs no worker.
    probe = {"query": "ASK { <urn:s1> ?p ?o }"}
    resp = app.test_client().get("/sparql", query_string=probe, environ_base={"REMOTE_ADDR": "10.0.0.9"})
    t.join()
    assert resp.status_code == 503, resp.text
    assert int(resp.headers["Retry-After"]) >= 1
    assert first["status"] == 503  # the runaway itself hit the time limit


def test_one_client_cannot_take_every_worker(big: LocalStore) -> None:
    app = create_app(big, {"SPARQL_TIMEOUT": 4.0, "SPARQL_WORKERS": 2})
    done: list[int] = []
    started = threading.Event()

    def runaway() -> None:
        started.set()
        done.append(app.test_client().get("/sparql", query_string={"query": RUNAWAY}).status_code)

    t = threading.Thread(target=runaway)
    t.start()
    started.wait()
    threading.Event().wait(1.0)
    second = app.test_client().get("/sparql", query_string={"query": RUNAWAY})
    assert second.status_code == 503 and "already have" in second.text
    other = app.test_client().get(
        "/sparql",
        query_string={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
        environ_base={"REMOTE_ADDR": "10.0.0.7"},
    )
    assert other.status_code == 200, other.text
    t.join()


def test_a_worker_past_its_memory_limit_is_stopped_and_replaced(big: LocalStore) -> None:
    app = create_app(big, {"SPARQL_TIMEOUT": 20.0, "SPARQL_WORKERS": 1, "SPARQL_WORKER_MEMORY": 700 * 1024 * 1024})
    client = app.test_client()
    hog = "SELECT ?a ?b ?c WHERE { ?a ?p ?b . ?c ?q ?d } ORDER BY ?a ?b ?c"  # 4 M rows sorted in memory
    resp = client.get("/sparql", query_string={"query": hog})
    assert resp.status_code in (400, 503), resp.text
    assert "memory" in resp.text or "larger than" in resp.text or "more than" in resp.text
    data = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != cgg:history) }"  # not the trail
    after = client.get("/sparql", query_string={"query": data})
    assert after.status_code == 200, after.text
    assert after.get_json()["results"]["bindings"][0]["n"]["value"] == "2000"


def test_a_worker_starts_well_inside_a_tight_memory_limit(big: LocalStore) -> None:
    # The limit caps address space: glibc's per-thread malloc arenas once took an idle worker to 490-620 MB
    # reserved (peaks to 720 MB), so a replacement under a 700 MB limit sometimes aborted at start (CI, stop 27).
    # Under 400 MB the old worker never started; each of five starts must now answer.
    for i in range(5):  # a new app, so a new pool and worker, and a new text: a kept answer needs no worker
        settings = {"SPARQL_TIMEOUT": 20.0, "SPARQL_WORKERS": 1, "SPARQL_WORKER_MEMORY": 400 * 1024 * 1024}
        app = create_app(big, settings)
        resp = app.test_client().get("/sparql", query_string={"query": f"ASK {{ <urn:s{i}> ?p ?o }}"})
        app.extensions["compgraph_query_pool"].close()
        assert resp.status_code == 200, resp.text


def test_answers_are_capped_in_bytes(store: LocalStore) -> None:
    client = create_app(store, {"SPARQL_MAX_BYTES": 2000}).test_client()
    long_row = 'SELECT ?x WHERE { BIND(CONCAT(STR(1), "' + "x" * 5000 + '") AS ?x) }'
    resp = client.get("/sparql", query_string={"query": long_row})
    assert resp.status_code == 400
    assert "larger than 2000 bytes" in resp.text


def test_a_repeated_query_is_answered_without_a_worker_even_when_the_pool_is_full(big: LocalStore) -> None:
    app = create_app(big, {"SPARQL_TIMEOUT": 4.0, "SPARQL_WORKERS": 1, "SPARQL_WAITING": 0})
    # The data graph only: the union default graph also holds the audit trail of the write above.
    count = {"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:graph:big> { ?s ?p ?o } }"}
    assert app.test_client().get("/sparql", query_string=count).status_code == 200
    t = threading.Thread(target=lambda: app.test_client().get("/sparql", query_string={"query": RUNAWAY}))
    t.start()
    threading.Event().wait(1.0)  # the runaway now holds the only worker
    again = app.test_client().get("/sparql", query_string=count, environ_base={"REMOTE_ADDR": "10.0.0.9"})
    t.join()
    assert again.status_code == 200, again.text
    assert again.get_json()["results"]["bindings"][0]["n"]["value"] == "2000"


def test_a_query_that_may_answer_differently_is_never_answered_from_memory(store: LocalStore) -> None:
    client = create_app(store, {"SPARQL_WORKERS": 1}).test_client()
    rand = {"query": "SELECT (RAND() AS ?r) WHERE {}"}
    values = {client.get("/sparql", query_string=rand).get_json()["results"]["bindings"][0]["r"]["value"] for _ in "ab"}
    assert len(values) == 2


def test_workers_see_writes_made_after_they_started(tmp_path: Path) -> None:
    s = LocalStore(tmp_path / "s")
    s.replace_graph("urn:g:1", b"<urn:a> <urn:p> <urn:b> .\n")
    client = create_app(s, {"SPARQL_WORKERS": 1}).test_client()
    # Data graphs only: each write also adds an audit-trail entry to cgg:history.
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'urn:g:')) }"
    assert (
        client.get("/sparql", query_string={"query": count}).get_json()["results"]["bindings"][0]["n"]["value"] == "1"
    )
    s.replace_graph("urn:g:2", b"<urn:c> <urn:p> <urn:d> .\n")
    assert (
        client.get("/sparql", query_string={"query": count}).get_json()["results"]["bindings"][0]["n"]["value"] == "2"
    )


def test_a_huge_query_text_is_refused_before_any_parsing(client: FlaskClient) -> None:
    text = "PREFIX a: <urn:a#>\n" * 100_000 + "ASK {}"
    resp = client.post("/sparql", data=text.encode(), content_type="application/sparql-query")
    assert resp.status_code == 413
