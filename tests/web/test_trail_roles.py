"""Who may upload a regulation and take a snapshot by hand, and that both need the form's CSRF token."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from flask import Flask

from compgraph.graph import snapshots
from compgraph.graph.store import LocalStore
from compgraph.web import create_app
from compgraph.web.auth import Users
from sparql_fixtures import load_fixture


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    s = LocalStore(tmp_path_factory.mktemp("roles") / "store")
    load_fixture(s)
    return s


@pytest.fixture(scope="module")
def tokens(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("users") / "users.json"
    users = Users(path)
    made = {role: users.add(f"{role}-bot", role, None, token=True) for role in ("viewer", "legal", "admin")}
    return path, {role: str(t) for role, t in made.items()}


@pytest.fixture(scope="module")
def shared(store: LocalStore, tokens: tuple[Path, dict[str, str]]) -> Flask:
    return create_app(store, {"USERS_FILE": str(tokens[0])})


def as_(tokens: tuple[Path, dict[str, str]], role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens[1][role]}"}


def test_a_viewer_may_not_open_the_upload_form(shared: Flask, tokens: tuple[Path, dict[str, str]]) -> None:
    assert shared.test_client().get("/legal/upload", headers=as_(tokens, "viewer")).status_code == 403


def test_a_viewer_may_not_upload(shared: Flask, tokens: tuple[Path, dict[str, str]]) -> None:
    resp = shared.test_client().post("/legal/upload", headers=as_(tokens, "viewer"),
                                     data={"id": "x", "file": (io.BytesIO(b"Deployers shall log."), "x.txt")})
    assert resp.status_code == 403


def test_a_legal_user_may_not_take_a_snapshot(shared: Flask, tokens: tuple[Path, dict[str, str]]) -> None:
    assert shared.test_client().post("/snapshots", headers=as_(tokens, "legal")).status_code == 403


def test_an_admin_takes_a_snapshot_by_hand(
    shared: Flask, tokens: tuple[Path, dict[str, str]], store: LocalStore
) -> None:
    resp = shared.test_client().post("/snapshots", headers=as_(tokens, "admin"))
    assert resp.status_code == 303
    name = re.search(r"taken=([^&]+)", resp.headers["Location"]).group(1)  # type: ignore[union-attr]
    [snap] = [s for s in snapshots.listed(store.root) if s.name == name]
    assert not snap.automatic  # taken by hand: never rotated away


def test_the_snapshot_button_is_offered_to_admins_only(shared: Flask, tokens: tuple[Path, dict[str, str]]) -> None:
    client = shared.test_client()
    assert 'action="/snapshots"' in client.get("/history", headers=as_(tokens, "admin")).get_data(as_text=True)
    assert 'action="/snapshots"' not in client.get("/history", headers=as_(tokens, "legal")).get_data(as_text=True)


def test_a_snapshot_without_the_forms_token_is_refused(store: LocalStore) -> None:
    before = len(snapshots.listed(store.root))
    resp = create_app(store).test_client().post("/snapshots")  # open mode: a browser, so the token is required
    assert resp.status_code == 400
    assert len(snapshots.listed(store.root)) == before


def test_the_diff_page_says_which_snapshot_was_just_taken(store: LocalStore) -> None:
    client = create_app(store).test_client()
    page = client.get("/diff").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    resp = client.post("/snapshots", data={"csrf_token": token}, follow_redirects=True)
    assert resp.status_code == 200
    assert re.search(r"Snapshot \S+ taken\. From \S+ to now", resp.get_data(as_text=True))
