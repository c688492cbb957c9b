"""Every state-changing route of the app, found in ``app.url_map``, refuses a request without the form's CSRF
token, one from another site and one from a user below its role, unless it is listed here as exempt with a
reason. A route added later without a role in ``account.RULES`` fails this test by name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.routing import Rule
from werkzeug.routing.converters import AnyConverter

from compgraph.graph.store import LocalStore
from compgraph.web import create_app
from compgraph.web.auth import Users
from compgraph.web.views.account import needed_role
from sparql_fixtures import load_fixture

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}

# path -> why it needs no CSRF token and no same-origin check
CSRF_EXEMPT = {
    "/sparql": "read-only: the endpoint answers queries and refuses updates, so a cross-site POST changes nothing",
}
# path -> why any user (or nobody yet) may post to it
ROLE_EXEMPT = {
    "/sparql": "read-only, and reading is the viewer's right",
    "/login": "logging in is how a user gets a role; it changes only that browser's session",
    "/logout": "any logged-in user may end their own session",
}


def _state_changing_routes(app: Flask) -> list[tuple[str, str]]:
    """(method, concrete path) for every rule that accepts a state-changing method."""
    out = []
    for rule in app.url_map.iter_rules():
        for method in sorted((rule.methods or set()) & STATE_CHANGING):
            out.append((method, _sample_path(rule)))
    return sorted(set(out))


def _sample_path(rule: Rule) -> str:
    values = {}
    for arg in rule.arguments:
        conv = rule._converters[arg]
        values[arg] = sorted(conv.items)[0] if isinstance(conv, AnyConverter) else "sample-id"
    built = rule.build(values)
    assert built is not None, rule.rule
    return built[1]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    store = LocalStore(tmp_path_factory.mktemp("store"))
    load_fixture(store)
    path: Path = tmp_path_factory.mktemp("users") / "users.json"
    users = Users(path)
    users.add("vera", "viewer", "viewer-pass-1")
    users.add("ada", "admin", "admin-pass-1")
    return create_app(store, {"USERS_FILE": str(path)})


def _logged_in(app: Flask, name: str, password: str) -> tuple[FlaskClient, str]:
    """A client with a session and the CSRF token its pages carry."""
    client = app.test_client()
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").get_data(as_text=True))
    assert token is not None
    resp = client.post("/login", data={"name": name, "password": password, "csrf_token": token.group(1)})
    assert resp.status_code == 303
    page = client.get("/").get_data(as_text=True)
    fresh = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert fresh is not None
    return client, fresh.group(1)


@pytest.fixture(scope="module")
def admin(app: Flask) -> tuple[FlaskClient, str]:
    return _logged_in(app, "ada", "admin-pass-1")


@pytest.fixture(scope="module")
def viewer(app: Flask) -> tuple[FlaskClient, str]:
    return _logged_in(app, "vera", "viewer-pass-1")


def _routes() -> Iterator[tuple[str, str]]:
    # Collected from a throwaway app at import time so each route is its own test case, named by its path.
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        store = LocalStore(Path(tmp) / "s")
        try:
            yield from _state_changing_routes(create_app(store))
        finally:
            store.close()


ROUTES = list(_routes())
CSRF_CHECKED = [r for r in ROUTES if r[1] not in CSRF_EXEMPT]
ROLE_CHECKED = [r for r in ROUTES if r[1] not in ROLE_EXEMPT]


def test_the_app_has_state_changing_routes_to_check() -> None:
    assert ("POST", "/validate") in ROUTES and ("POST", "/review/sample-id") in ROUTES


@pytest.mark.parametrize(("method", "path"), CSRF_CHECKED)
def test_a_post_without_the_csrf_token_is_refused(admin: tuple[FlaskClient, str], method: str, path: str) -> None:
    resp = admin[0].open(path, method=method, data={"as_of": "2026-03-01"})
    assert resp.status_code == 400, f"{method} {path} accepted a request without a CSRF token"
    assert "CSRF" in resp.get_data(as_text=True)


@pytest.mark.parametrize(("method", "path"), CSRF_CHECKED)
def test_a_post_from_another_site_is_refused(admin: tuple[FlaskClient, str], method: str, path: str) -> None:
    client, token = admin
    resp = client.open(path, method=method, data={"csrf_token": token}, headers={"Origin": "https://evil.example"})
    assert resp.status_code == 403, f"{method} {path} accepted a request from another site"
    assert "cross-site request refused" in resp.get_data(as_text=True)


@pytest.mark.parametrize(("method", "path"), ROLE_CHECKED)
def test_a_post_needs_more_than_the_viewer_role(viewer: tuple[FlaskClient, str], method: str, path: str) -> None:
    assert needed_role(method, path) != "viewer", f"{method} {path} has no role in account.RULES"
    client, token = viewer
    resp = client.open(path, method=method, data={"csrf_token": token})
    assert resp.status_code == 403, f"{method} {path} let a viewer through"
    assert "this needs the" in resp.get_data(as_text=True)


def test_every_exemption_names_a_route_that_exists() -> None:
    paths = {p for _, p in ROUTES}
    assert set(CSRF_EXEMPT) <= paths and set(ROLE_EXEMPT) <= paths
