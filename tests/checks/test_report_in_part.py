"""The incremental path saves the report in part: when the audit trail shows the report graph is the one the last
save left, only what went is read back and hashBefore is the trail's; any doubt reads the whole graph. Either way
the graph is the one a whole save leaves and the trail's hashes are true (issue #18)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_incremental import AS_OF

from compgraph.checks import report as report_mod
from compgraph.checks import reportpart
from compgraph.checks.incremental import validate_incremental
from compgraph.checks.report import REPORT_GRAPH, save_report
from compgraph.checks.reportpart import KEPT, save_report_in_part
from compgraph.checks.shapes import load_shapes
from compgraph.checks.validate import validate_store
from compgraph.graph import history
from compgraph.graph import store as store_mod
from compgraph.graph.store import LocalStore
from compgraph.scale import bench

# The bench's changes, made on a generated store as a user's edits are: an evidence item, a risk level, a mapping.
CHANGES = [bench._add_evidence, bench._change_risk, bench._accept_mapping]


@pytest.fixture
def store(small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalStore]:
    monkeypatch.setattr(report_mod, "_now", lambda: "2026-11-22T09:00:00+00:00")
    shutil.copytree(small, tmp_path / "store")
    s = LocalStore(tmp_path / "store")
    yield s
    s.close()


def _lines(s: LocalStore) -> set[str]:
    return {f"{q.subject} {q.predicate} {q.object}" for q in s.oxigraph.quads_for_pattern(None, None, None,
                                                                                        ox.NamedNode(REPORT_GRAPH))}


def _whole_save_lines(outcome: report_mod.Outcome, tmp_path: Path, name: str) -> set[str]:
    fresh = LocalStore(tmp_path / name)
    save_report(fresh, outcome, load_shapes())  # no report before: the whole graph is written
    lines = _lines(fresh)
    fresh.close()
    return lines


def _assert_true_to_the_trail(s: LocalStore) -> None:
    # The last entry naming the report graph (a save that changed nothing writes none) holds its content's hash.
    assert history.last_recorded(s.oxigraph, REPORT_GRAPH) == history.graph_digest(s.oxigraph, REPORT_GRAPH)
    assert history.verify(s) == []


def _no_whole_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_a: object) -> None:
        raise AssertionError("the whole report graph was read back")

    monkeypatch.setattr(reportpart, "difference", refuse)
    monkeypatch.setattr(store_mod, "difference", refuse)  # nor by a save through the store's whole-graph path


def test_after_a_change_only_what_went_is_read_and_the_graph_is_a_whole_saves(
    store: LocalStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shapes = load_shapes()
    assert save_report_in_part(store, validate_store(store, AS_OF, shapes, save=False), shapes)  # nothing kept yet
    moved = 0
    for n, change in enumerate(CHANGES):
        before = _lines(store)
        change(store)
        outcome = validate_store(store, AS_OF, shapes, save=False)
        with monkeypatch.context() as m:
            _no_whole_read(m)
            assert save_report_in_part(store, outcome, shapes) == ""
        assert _lines(store) == _whole_save_lines(outcome, tmp_path, f"fresh-{n}"), change.__name__
        _assert_true_to_the_trail(store)
        moved += _lines(store) != before
    assert moved >= 2  # the changes moved findings: results went and came, not only nothing


def test_a_report_graph_written_by_another_path_is_noticed_and_read_whole(
    store: LocalStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shapes = load_shapes()
    outcome = validate_store(store, AS_OF, shapes, save=False)
    save_report_in_part(store, outcome, shapes)
    # Another writer (an edit through the store) takes a result out: the trail records a hash the kept file lacks.
    victim = next(x for x in sorted(_lines(store)) if "/validation/result/" in x.split(" ")[0])
    store.replace_graph(REPORT_GRAPH, "".join(f"{x} .\n" for x in sorted(_lines(store) - {victim})).encode())
    why = save_report_in_part(store, outcome, shapes)
    assert "another path" in why
    assert _lines(store) == _whole_save_lines(outcome, tmp_path, "fresh")
    _assert_true_to_the_trail(store)


def test_a_kept_file_that_does_not_match_the_graph_falls_back_to_a_whole_read(
    store: LocalStore, tmp_path: Path
) -> None:
    shapes = load_shapes()
    outcome = validate_store(store, AS_OF, shapes, save=False)
    save_report_in_part(store, outcome, shapes)
    path = store.root / KEPT
    doc = json.loads(path.read_text())
    # The trail's hash still, but subjects that are not the graph's.
    doc["subjects"] = [s for s in doc["subjects"] if "/validation/result/" not in s][:1]
    path.write_text(json.dumps(doc))
    assert save_report_in_part(store, outcome, shapes) != ""
    assert _lines(store) == _whole_save_lines(outcome, tmp_path, "fresh")
    _assert_true_to_the_trail(store)


def test_a_crash_between_the_write_and_the_kept_file_makes_the_next_save_read_the_whole_graph(
    store: LocalStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shapes = load_shapes()
    save_report_in_part(store, validate_store(store, AS_OF, shapes, save=False), shapes)
    bench._change_risk(store)
    outcome = validate_store(store, AS_OF, shapes, save=False)

    def crash(*_a: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(reportpart, "_keep", crash)
        with pytest.raises(KeyboardInterrupt):
            save_report_in_part(store, outcome, shapes)  # the store is written, the file still the last save's
    bench._accept_mapping(store)
    outcome = validate_store(store, AS_OF, shapes, save=False)
    assert "another path" in save_report_in_part(store, outcome, shapes)
    assert _lines(store) == _whole_save_lines(outcome, tmp_path, "fresh")
    _assert_true_to_the_trail(store)


def test_nothing_changed_leaves_the_report_graph_and_the_trail_intact_and_verifiable(
    store: LocalStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shapes = load_shapes()
    first = validate_incremental(store, AS_OF, shapes)
    saved = _lines(store)
    assert saved == _whole_save_lines(first.outcome, tmp_path, "fresh")
    # Later by the clock: only the report's creation time would move, so nothing is written (test_report_unchanged).
    monkeypatch.setattr(report_mod, "_now", lambda: "2026-11-22T09:00:05+00:00")
    with monkeypatch.context() as m:
        _no_whole_read(m)
        again = validate_incremental(store, AS_OF, shapes)
    assert not again.why_full
    assert _lines(store) == saved
    _assert_true_to_the_trail(store)
    root = store.root
    store.close()
    proc = subprocess.run([sys.executable, "-m", "compgraph.cli", "--store", str(root), "history", "--verify"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_full_validation_saves_so_that_the_next_save_reads_only_what_went(
    store: LocalStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shapes = load_shapes()
    validate_store(store, AS_OF, shapes)  # a full run, saving
    bench._change_risk(store)
    with monkeypatch.context() as m:
        _no_whole_read(m)
        outcome = validate_store(store, AS_OF, shapes)
    assert _lines(store) == _whole_save_lines(outcome, tmp_path, "fresh")
    _assert_true_to_the_trail(store)
