"""Pages kept per store state (#13, load): a warm page is not recomputed, any write shows at once, and a kept
page never reaches another user or another session."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from compgraph.graph.store import LocalStore
from compgraph.web import create_app, model
from compgraph.web.auth import Users
from sparql_fixtures import load_fixture

CG = "https://w3id.org/compgraph/ontology#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _document(ident: str) -> bytes:
    node = f"<https://w3id.org/compgraph/id/document/{ident}>"
    return f'{node} <{RDF_TYPE}> <{CG}SourceDocument> .\n{node} <{DCT}identifier> "{ident}" .\n'.encode()


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    s = LocalStore(tmp_path / "store")
    load_fixture(s)
    return s


@pytest.fixture
def app(store: LocalStore) -> Flask:
    return create_app(store)


def _token(client: FlaskClient, url: str = "/") -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(url).get_data(as_text=True))
    assert found, f"{url} has no form with a CSRF token"
    return found.group(1)


def test_a_warm_page_is_answered_without_asking_the_store_again(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = model.documents
    monkeypatch.setattr(model, "documents", lambda st: calls.append(1) or real(st))
    client = app.test_client()
    first = client.get("/documents.json").get_data()
    assert client.get("/documents.json").get_data() == first
    assert len(calls) == 1


def test_a_small_write_in_place_shows_on_the_next_page_view(app: Flask, store: LocalStore) -> None:
    client = app.test_client()
    assert "doc-new-small" not in client.get("/documents.json").get_data(as_text=True)
    store.replace_graph("urn:test:small", _document("doc-new-small"))  # one transaction in the open database
    assert "doc-new-small" in client.get("/documents.json").get_data(as_text=True)


def test_a_large_write_as_a_new_generation_shows_on_the_next_page_view(app: Flask, store: LocalStore) -> None:
    client = app.test_client()
    assert "doc-new-large" not in client.get("/documents").get_data(as_text=True)
    store.write_own_graph("urn:test:large", _document("doc-new-large"))  # HEAD moves to a new generation
    assert "doc-new-large" in client.get("/documents").get_data(as_text=True)


def test_a_write_through_the_browser_shows_on_the_dashboard_at_once(app: Flask) -> None:
    client = app.test_client()
    assert client.get("/index.json").get_json()["validation"]["created"] is None
    resp = client.post("/validate", data={"csrf_token": _token(client)}, headers={"Origin": "http://localhost"})
    assert resp.status_code == 303
    assert client.get("/index.json").get_json()["validation"]["created"] is not None


def test_a_kept_page_is_never_served_to_another_user(store: LocalStore, tmp_path: Path) -> None:
    users = Users(tmp_path / "users.json")
    tokens = {name: users.add(name, role, None, token=True) for name, role in (("ann", "viewer"), ("bob", "admin"))}
    app = create_app(store, {"USERS_FILE": str(tmp_path / "users.json")})
    pages = {}
    for name, token in tokens.items():
        client = app.test_client()
        for _ in range(2):  # the second view is the one kept for this user
            pages[name] = client.get("/", headers={"Authorization": f"Bearer {token}"}).get_data(as_text=True)
    assert "<strong>ann</strong> (viewer)" in pages["ann"] and "<strong>bob</strong>" not in pages["ann"]
    assert "<strong>bob</strong> (admin)" in pages["bob"] and "<strong>ann</strong>" not in pages["bob"]


def test_a_new_session_gets_a_form_token_that_its_own_session_accepts(app: Flask) -> None:
    first = app.test_client()
    for _ in range(3):
        first.get("/")  # the dashboard is now kept for the first session
    second = app.test_client()
    token = _token(second)
    assert token != _token(first)
    resp = second.post("/validate", data={"csrf_token": token}, headers={"Origin": "http://localhost"})
    assert resp.status_code == 303, resp.get_data(as_text=True)[:300]


def test_a_question_page_runs_in_the_reused_query_workers_not_a_forked_child(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compgraph.web import querypool

    def no_fork(*_a: object, **_k: object) -> None:
        raise AssertionError("a question forked a child for its query")

    monkeypatch.setattr(LocalStore, "_query_in_child", no_fork)
    client = app.test_client()
    for name in ("high-risk-without-human-oversight", "controls-without-current-evidence"):
        assert client.get(f"/questions/{name}.json").status_code == 200
    pool = querypool.for_app(app)
    assert pool is not None and pool._count >= 1  # the workers answered, and stay for the next question
