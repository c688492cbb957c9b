"""The browser's POST forms fed bad input (the 19th sweep), through a logged-in admin with real CSRF tokens: each
is a 4xx page naming the field, never a 500, and the store as it was. Each test is a 500 the sweep found."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from webfixture import browser_store

from compgraph.graph.store import LocalStore
from compgraph.web import create_app
from compgraph.web.auth import Users


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    return browser_store(tmp_path_factory.mktemp("forms19") / "store")[0]


@pytest.fixture(scope="module")
def app(store: LocalStore, tmp_path_factory: pytest.TempPathFactory) -> Flask:
    path = tmp_path_factory.mktemp("users") / "users.json"
    Users(path).add("ada", "admin", "admin-pass-1")
    return create_app(store, {"USERS_FILE": str(path)})


@pytest.fixture(scope="module")
def admin(app: Flask) -> tuple[FlaskClient, str]:
    """A logged-in admin and the CSRF token of its pages."""
    client = app.test_client()
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").get_data(as_text=True))
    assert token is not None
    resp = client.post("/login", data={"name": "ada", "password": "admin-pass-1", "csrf_token": token.group(1)})
    assert resp.status_code == 303
    fresh = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/new-evidence").get_data(as_text=True))
    assert fresh is not None
    return client, fresh.group(1)


def head(store: LocalStore) -> str:
    """The store's current generation: any write that succeeds moves it on."""
    return (Path(store.root) / "HEAD").read_text()


def test_validate_refuses_a_next_page_with_a_line_break_before_running(
    admin: tuple[FlaskClient, str], store: LocalStore
) -> None:
    """The old code ran and saved the validation, then failed to put CR LF into the Location header: a 500."""
    client, token = admin
    before = head(store)
    resp = client.post("/validate", data={"csrf_token": token, "as_of": "2026-11-22",
                                          "next": "/gaps\r\nSet-Cookie: x=1"})
    assert resp.status_code == 400
    assert "next:" in resp.get_data(as_text=True)
    assert head(store) == before


@pytest.mark.parametrize(("field", "value"), [("control", "CTL GOV 01"), ("concerns", "<mozart>"),
                                              ("renews", "ev a b")])
def test_the_evidence_form_names_an_id_no_node_can_have(
    admin: tuple[FlaskClient, str], store: LocalStore, field: str, value: str
) -> None:
    """An id with a space or '<>' went into a SPARQL IRI unchecked: a syntax error, a 500."""
    client, token = admin
    data = {"control": "CTL-GOV-01", "concerns": "mozart", "valid_until": "2027-11-30", "issued": "2026-11-30",
            "id": "ev-sweep19", "csrf_token": token, field: value, "file": (io.BytesIO(b"minutes"), "m.txt")}
    before = head(store)
    resp = client.post("/evidence", data=data, content_type="multipart/form-data")
    assert resp.status_code == 400, resp.status_code
    page = resp.get_data(as_text=True)
    assert "no control with id" in page or "no AI system or organisation" in page or "no evidence with id" in page
    assert head(store) == before


def test_login_with_a_line_break_in_next_goes_home_not_to_a_500(app: Flask) -> None:
    """The old code accepted the password, then failed to write CR LF into the Location header: a 500."""
    client = app.test_client()
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").get_data(as_text=True))
    assert token is not None
    resp = client.post("/login", data={"name": "ada", "password": "admin-pass-1", "next": "/gaps\r\nSet-Cookie: x=1",
                                       "csrf_token": token.group(1)})
    assert resp.status_code == 303
    assert resp.headers["Location"] == "/"


def test_upload_refuses_a_document_id_too_long_for_a_file_name(
    admin: tuple[FlaskClient, str], store: LocalStore
) -> None:
    """A 5,000-character id reached the file system: 'File name too long', a 500."""
    client, token = admin
    before = head(store)
    doc = (io.BytesIO(b"# Act\n\n## Section 1\n\nThe agency shall publish a plan.\n"), "act.md")
    resp = client.post("/legal/upload", data={"csrf_token": token, "id": "a" * 5000, "kind": "regulation",
                                              "file": doc}, content_type="multipart/form-data")
    assert resp.status_code == 400, resp.status_code
    assert "longer than 100" in resp.get_data(as_text=True)
    assert head(store) == before
