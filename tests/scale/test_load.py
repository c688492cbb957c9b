"""`compgraph bench --load` drives a real `compgraph serve` on loopback and counts what went wrong."""

from __future__ import annotations

from pathlib import Path

from compgraph.graph.store import LocalStore
from compgraph.scale.load import run_load
from sparql_fixtures import load_fixture


def test_a_short_load_run_answers_every_request_and_reports_the_runaway_phase(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    load_fixture(store)
    store.close()
    result = run_load(str(tmp_path / "store"), clients=3, seconds=3, runaways=3)
    assert result.detail_path == "/systems/beta-high"
    assert result.requests > 0
    assert result.errors == {}
    assert result.normal_status == 200
    assert sum(result.runaway_statuses.values()) == 3
    assert "req/s" in result.render()
