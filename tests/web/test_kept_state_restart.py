"""A server started after a write it never saw goes on from the evidence index and coverage the last server saved
(questions.keptstate), and shows what a server computing everything afresh shows."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from flask import Flask
from test_lasting_page_cache import add_evidence_by_cli

from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.questions import keptstate
from compgraph.web import create_app, model

AS_OF = "as_of=2026-11-22"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    built = LocalStore(tmp_path / "store")
    build(built)
    built.close()
    (tmp_path / "minutes.txt").write_text("Minutes of the AI ethics committee.\n", encoding="utf-8")
    return tmp_path / "store"


def served_once_and_saved(root: Path) -> None:
    """A server's life: its warm-up, then the saver's first round (``stop`` already set: one round only)."""
    store = LocalStore(root)
    model.warm(store, model.Cache())
    stop = threading.Event()
    stop.set()
    model.keep(store, stop, every=60)
    store.close()


def pages(app: Flask) -> dict[str, object]:
    client = app.test_client()
    out = {}
    for url in ("/evidence.json", "/systems.json", "/index.json", "/impact.json", "/gaps.json"):
        resp = client.get(f"{url}?{AS_OF}&_size=max")
        assert resp.status_code == 200, url
        out[url] = resp.get_json()
    return out


def fresh_pages(root: Path, tmp: Path) -> dict[str, object]:
    """The same pages from a copy of the store with nothing kept beside it."""
    copy = tmp / "fresh"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("cache"))
    store = LocalStore(copy)
    try:
        return pages(create_app(store))
    finally:
        store.close()


def test_a_server_started_after_a_cli_write_shows_what_a_fresh_one_shows(root: Path, tmp_path: Path) -> None:
    served_once_and_saved(root)
    add_evidence_by_cli(root, "ev-kept-state-cli")
    store = LocalStore(root)
    try:
        got = pages(create_app(store))
        index = model._evidence_indexes[store]
        keeper = model._keepers[store]
        assert (index.full_reads, keeper.structure_reads) == (0, 0)  # went on from the saved state
    finally:
        store.close()
    assert "ev-kept-state-cli" in {r["id"] for r in got["/evidence.json"]["evidence"]}  # type: ignore[index]
    assert got == fresh_pages(root, tmp_path)


def test_serve_saves_the_state_after_its_warm_up(root: Path) -> None:
    store = LocalStore(root)
    app = create_app(store, {"WARM_CACHE": True, "KEEP_STATE_EVERY": 0.2})
    try:
        deadline = time.monotonic() + 120
        names = (keptstate.INDEX, keptstate.FACTS, keptstate.ROWS, keptstate.COVERAGE)
        while not all(keptstate.path_of(store, n).exists() for n in names) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert all(keptstate.path_of(store, n).exists() for n in names)
    finally:
        app.extensions["compgraph_stop"].set()
        store.close()
