"""Pages kept on disk beside the store survive a server restart and are never served after a write."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from flask import Flask

from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.web import create_app

AS_OF = "as_of=2026-11-22"


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo store of this module's own, to restart and write to (a file copy of the suite's shared one, open
    and compacting in the background, can lose a table file in the middle of the copy)."""
    work = tmp_path_factory.mktemp("lasting-pages")
    built = LocalStore(work / "store")
    build(built)
    built.close()
    (work / "minutes.txt").write_text("Minutes of the AI ethics committee.\n", encoding="utf-8")
    return work / "store"


def serve(root: Path) -> tuple[LocalStore, Flask]:
    """What `compgraph serve` does at start: open the store, make the app with the disk cache on."""
    store = LocalStore(root)
    return store, create_app(store, {"PAGE_CACHE_DISK": True})


def disk_hits(app: Flask, store: LocalStore) -> int:
    return app.extensions["compgraph_page_disk"][str(store.root)].hits


def gap_rows(app: Flask) -> list[tuple[str, str, str]]:
    data = app.test_client().get(f"/gaps.json?{AS_OF}").get_json()
    return sorted((f["severity"], f["focus"], f["message"]) for f in data["findings"])


def add_evidence_by_cli(root: Path, ident: str) -> None:
    """A write by another process while no server runs: `compgraph evidence add` on the store."""
    res = subprocess.run(
        [sys.executable, "-m", "compgraph.cli", "--store", str(root), "evidence", "add", "minutes.txt",
         "--control", "CTL-GOV-01", "--concerns", "mozart", "--valid-until", "2027-11-30", "--id", ident],
        capture_output=True, text=True, cwd=root.parent, timeout=300,
    )
    assert res.returncode == 0, res.stderr


def evidence_total(app: Flask) -> int:
    resp = app.test_client().get(f"/evidence.json?{AS_OF}")
    assert resp.status_code == 200
    return int(resp.get_json()["total"])


def test_the_first_page_after_a_restart_on_an_unchanged_store_comes_from_the_disk(root: Path) -> None:
    store, app = serve(root)
    first = app.test_client().get(f"/?{AS_OF}")
    assert first.status_code == 200 and disk_hits(app, store) == 0
    store.close()
    store, app = serve(root)
    again = app.test_client().get(f"/?{AS_OF}")
    assert disk_hits(app, store) == 1
    strip = re.compile(rb'name="csrf_token" value="[^"]*"')
    assert strip.sub(b"", again.data) == strip.sub(b"", first.data)
    store.close()


def test_a_page_from_the_disk_carries_the_asking_sessions_own_csrf_token(root: Path) -> None:
    store, app = serve(root)
    app.test_client().get(f"/?{AS_OF}")
    store.close()
    store, app = serve(root)
    body = app.test_client().get(f"/?{AS_OF}").get_data(as_text=True)
    assert disk_hits(app, store) == 1
    tokens = re.findall(r'name="csrf_token" value="([^"]*)"', body)
    assert tokens and all(t and "csrf-" not in t for t in tokens)
    store.close()


def test_a_write_by_the_cli_between_two_runs_of_the_server_is_never_served_stale(root: Path) -> None:
    store, app = serve(root)
    before = evidence_total(app)
    store.close()
    add_evidence_by_cli(root, "ev-lasting-cli")
    store, app = serve(root)
    assert evidence_total(app) == before + 1
    assert disk_hits(app, store) == 0
    store.close()


def test_a_write_through_the_server_replaces_what_the_disk_kept(root: Path) -> None:
    from compgraph.graph import evidence as ev

    store, app = serve(root)
    before = evidence_total(app)
    item = ev.Item("ev-lasting-server", "minutes", "CTL-GOV-01", "mozart", date(2027, 11, 30),
                   date(2026, 11, 1), "0" * 64)
    ev.add(store, item)
    assert evidence_total(app) == before + 1
    store.close()
    store, app = serve(root)
    assert evidence_total(app) == before + 1 and disk_hits(app, store) == 1
    with sqlite3.connect(root / "cache" / "pages.sqlite") as db:
        states = {s for (s,) in db.execute("SELECT DISTINCT state FROM pages")}
    assert len(states) == 1  # what was kept for the state before the write is gone
    store.close()


def test_the_page_file_is_readable_by_the_stores_owner_only(root: Path) -> None:
    assert (root / "cache" / "pages.sqlite").stat().st_mode & 0o077 == 0


def test_the_gaps_after_a_write_through_the_server_are_what_a_full_validation_finds(root: Path) -> None:
    from compgraph.checks.validate import validate_store

    store, app = serve(root)
    before = gap_rows(app)  # validates in full and keeps the rows beside the store
    org = "https://w3id.org/compgraph/graph/organisation/mozart"
    data = store.export("application/n-triples", org).decode()
    # Through the server's store: the marketing-copy system becomes high-risk (it has no human oversight).
    data = data.replace(
        "<https://w3id.org/compgraph/id/system/sys-marketing-copy> <https://w3id.org/compgraph/ontology#riskLevel>"
        " <https://w3id.org/compgraph/ontology#RiskMinimal>",
        "<https://w3id.org/compgraph/id/system/sys-marketing-copy> <https://w3id.org/compgraph/ontology#riskLevel>"
        " <https://w3id.org/compgraph/ontology#RiskHigh>",
    )
    store.replace_graph(org, data.encode())
    after = gap_rows(app)  # validates again only what the risk level can affect
    full = validate_store(store, date(2026, 11, 22), save=False)
    assert after == sorted((f.severity, f.focus_label, f.message) for f in full.findings)
    assert len(after) > len(before)
    store.close()


def test_the_gaps_after_a_restart_on_an_unchanged_store_come_from_the_disk_without_validating(root: Path) -> None:
    store, app = serve(root)
    first = gap_rows(app)
    store.close()
    store, app = serve(root)
    assert gap_rows(app) == first
    assert disk_hits(app, store) == 1
    store.close()


def test_the_gaps_after_a_write_by_the_cli_between_two_runs_are_a_full_validations_findings(root: Path) -> None:
    from compgraph.checks.validate import validate_store

    store, app = serve(root)
    gap_rows(app)
    store.close()
    add_evidence_by_cli(root, "ev-gaps-cli")
    store, app = serve(root)
    after = gap_rows(app)
    assert disk_hits(app, store) == 0
    full = validate_store(store, date(2026, 11, 22), save=False)
    assert after == sorted((f.severity, f.focus_label, f.message) for f in full.findings)
    store.close()
