"""`compgraph bench --load` drives a real `compgraph serve` on loopback and counts what went wrong."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from compgraph.graph.store import LocalStore
from compgraph.scale.load import COUNT, request_for, run_load
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


def test_the_pages_mix_cycles_the_dashboard_the_detail_page_and_a_sparql_count() -> None:
    paths = [request_for("pages", "/systems/a", 0, k)[0] for k in range(3)]
    assert paths == ["/", "/systems/a", "/sparql"]


def test_the_count_mix_sends_the_same_sparql_count_every_time() -> None:
    sent = {(path, params["query"]) for k in range(5) for path, params in [request_for("count", "/x", 1, k)] if params}
    assert sent == {("/sparql", COUNT)}


def test_the_count_distinct_mix_never_sends_a_text_twice_so_a_worker_runs_each() -> None:
    texts = [request_for("count-distinct", "/x", c, k) for c in range(3) for k in range(50)]
    assert {path for path, _ in texts} == {"/sparql"}
    queries = [params["query"] for _, params in texts if params]
    assert len(set(queries)) == len(queries) == 150
    assert all(q.startswith("SELECT (COUNT(*) AS ?n_") for q in queries)


def test_a_short_count_distinct_load_run_answers_every_request(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    load_fixture(store)
    store.close()
    result = run_load(str(tmp_path / "store"), clients=3, seconds=3, runaways=0, mix="count-distinct")
    assert result.requests > 0
    assert result.errors == {}
    assert "a COUNT never sent before" in result.render()


def test_a_load_run_leaves_no_scratch_folder_with_its_users_tokens_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = LocalStore(tmp_path / "store")
    load_fixture(store)
    store.close()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    run_load(str(tmp_path / "store"), clients=1, seconds=1, runaways=0)
    assert list(scratch.iterdir()) == []


def test_an_unknown_mix_is_refused_before_a_server_starts(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="mix: 'everything' is not one of pages, count, count-distinct"):
        run_load(str(tmp_path / "nowhere"), clients=1, seconds=1, mix="everything")
