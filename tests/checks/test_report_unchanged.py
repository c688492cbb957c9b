"""A validation that finds the same report on data nobody wrote since it was saved writes nothing: no new creation
time, no trail entry, so what is keyed on the store's state (the kept incremental rows, page caches) stays valid and
a third incremental run on unchanged data runs no query. A write to a data graph since the save makes the same
report saved again, so the trail and the dashboard say the data was validated after that write (issue #18)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from test_incremental import AS_OF

from compgraph.checks import report as report_mod
from compgraph.checks.incremental import validate_incremental
from compgraph.checks.report import last_report_counts
from compgraph.checks.shapes import load_shapes
from compgraph.checks.validate import validate_store
from compgraph.graph import history
from compgraph.graph.namespaces import graph_iri
from compgraph.graph.store import LocalStore
from compgraph.web.pageinfo import validation_staleness


class Clock:
    """The report's creation time, moved on by each test as a wall clock would between runs."""

    def __init__(self) -> None:
        self.second = 0

    def __call__(self) -> str:
        return f"2026-11-22T09:00:{self.second:02d}+00:00"


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(report_mod, "_now", c)
    return c


@pytest.fixture
def store(small: Path, tmp_path: Path) -> Iterator[LocalStore]:
    shutil.copytree(small, tmp_path / "store")
    s = LocalStore(tmp_path / "store")
    yield s
    s.close()


def test_validating_unchanged_data_again_writes_no_new_report_and_no_trail_entry(
    store: LocalStore, clock: Clock
) -> None:
    shapes = load_shapes()
    validate_store(store, AS_OF, shapes)
    head = history.head(store.oxigraph)
    clock.second = 30
    validate_store(store, AS_OF, shapes)
    assert history.head(store.oxigraph) == head
    assert last_report_counts(store)["created"] == "2026-11-22T09:00:00+00:00"
    assert history.verify(store) == []


def test_a_data_write_since_the_save_makes_the_same_report_saved_again(store: LocalStore, clock: Clock) -> None:
    shapes = load_shapes()
    first = validate_store(store, AS_OF, shapes)
    # A graph no shape reads: the findings stay the same, but the data was written after the report was saved.
    store.replace_graph(graph_iri("notes"), b'<urn:example:note> <urn:example:says> "hello" .\n')
    assert validation_staleness(store, None, "2026-11-22T09:00:00+00:00") is not None
    clock.second = 30
    again = validate_store(store, AS_OF, shapes)
    assert again.findings == first.findings
    created = last_report_counts(store)["created"]
    assert created == "2026-11-22T09:00:30+00:00"
    assert validation_staleness(store, None, str(created)) is None
    assert history.verify(store) == []


def test_a_third_incremental_run_on_unchanged_data_runs_no_query_and_finds_the_same(
    store: LocalStore, clock: Clock
) -> None:
    shapes = load_shapes()
    first = validate_incremental(store, AS_OF, shapes)
    clock.second = 10
    second = validate_incremental(store, AS_OF, shapes)  # sees the first run's own save (report, trail entry)
    clock.second = 20
    third = validate_incremental(store, AS_OF, shapes)
    assert third.rerun == 0 and not third.why_full
    assert third.outcome.findings == second.outcome.findings == first.outcome.findings
    assert last_report_counts(store)["created"] == "2026-11-22T09:00:00+00:00"


def test_a_run_as_of_another_date_on_unchanged_data_saves_its_report(store: LocalStore, clock: Clock) -> None:
    shapes = load_shapes()
    validate_store(store, AS_OF, shapes)
    clock.second = 30
    validate_store(store, date(2026, 12, 24), shapes)
    saved = last_report_counts(store)
    assert saved["as_of"] == "2026-12-24" and saved["created"] == "2026-11-22T09:00:30+00:00"
