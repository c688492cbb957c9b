"""Logins and roles for a shared server: argon2 users file, session cookies, bearer tokens, role checks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from compgraph.cli import main
from compgraph.graph.store import LocalStore
from compgraph.web import create_app
from compgraph.web.auth import Users
from sparql_fixtures import load_fixture


@pytest.fixture(scope="module")
def users_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("users") / "users.json"
    users = Users(path)
    users.add("vera", "viewer", "viewer-pass-1")
    users.add("ada", "admin", "admin-pass-1")
    token = users.add("bot", "viewer", None, token=True)
    assert token
    return path, token


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, users_file: tuple[Path, str]) -> Flask:
    store = LocalStore(tmp_path_factory.mktemp("store"))
    load_fixture(store)
    return create_app(store, {"USERS_FILE": str(users_file[0])})


def _login(client: FlaskClient, name: str, password: str) -> int:
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    return client.post("/login", data={"name": name, "password": password, "csrf_token": token}).status_code


def test_the_users_file_keeps_argon2_hashes_and_no_token(users_file: tuple[Path, str]) -> None:
    path, token = users_file
    text = path.read_text()
    data = json.loads(text)
    assert data["users"]["vera"]["password"].startswith("$argon2id$")
    assert "viewer-pass-1" not in text and token not in text


def test_pages_need_a_login(app: Flask) -> None:
    resp = app.test_client().get("/systems")
    assert resp.status_code == 302 and "/login" in resp.headers["Location"]


def test_sparql_without_credentials_is_401(app: Flask) -> None:
    resp = app.test_client().get("/sparql", query_string={"query": "ASK {}"})
    assert resp.status_code == 401
    assert resp.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_bearer_token_opens_the_endpoint(app: Flask, users_file: tuple[Path, str]) -> None:
    resp = app.test_client().get(
        "/sparql", query_string={"query": "ASK {}"}, headers={"Authorization": f"Bearer {users_file[1]}"}
    )
    assert resp.status_code == 200
    wrong = app.test_client().get("/sparql", query_string={"query": "ASK {}"}, headers={"Authorization": "Bearer no"})
    assert wrong.status_code == 401


def test_a_wrong_password_is_refused(app: Flask) -> None:
    assert _login(app.test_client(), "vera", "nope-nope") == 401


def test_a_session_cookie_is_httponly_and_samesite(app: Flask) -> None:
    client = app.test_client()
    assert _login(client, "vera", "viewer-pass-1") == 303
    cookie = client.get_cookie("session")
    assert cookie is not None and cookie.http_only and cookie.same_site == "Lax"
    assert client.get("/systems").status_code == 200


def test_a_viewer_may_not_validate_but_an_admin_may(app: Flask) -> None:
    viewer = app.test_client()
    _login(viewer, "vera", "viewer-pass-1")
    page = viewer.get("/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert viewer.post("/validate", data={"as_of": "2026-03-01", "csrf_token": token}).status_code == 403
    admin = app.test_client()
    _login(admin, "ada", "admin-pass-1")
    page = admin.get("/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert admin.post("/validate", data={"as_of": "2026-03-01", "csrf_token": token}).status_code == 303


def test_open_mode_says_so_on_the_page(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "s")
    load_fixture(store)
    body = create_app(store).test_client().get("/systems").get_data(as_text=True)
    assert "Open single-user mode" in body


def test_users_add_command_writes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "u.json"
    result = CliRunner().invoke(
        main,
        ["users", "add", "lee", "--role", "legal", "--users", str(path), "--password-stdin", "--token"],
        input="long-enough-pw\n",
    )
    assert result.exit_code == 0, result.output
    assert "API token (shown once): cg_" in result.output
    assert Users(path).check_password("lee", "long-enough-pw") is not None


def test_serving_beyond_loopback_without_users_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "s"), "serve", "--host", "0.0.0.0"])
    assert result.exit_code != 0
    assert "--users" in result.output
