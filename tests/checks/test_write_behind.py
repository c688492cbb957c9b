"""The incremental validation's files written behind (``checks.lastrun.write``, as a server and the bench run it):
encoded and written by a forked child, so the GIL the encoding holds keeps none of the server's requests waiting;
the process keeps its memory copy only for the very file the child wrote, and a child that fails costs the next run
its shortcut, never its findings."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from test_incremental import AS_OF, add_evidence

from compgraph.checks import keptfindings, lastrun
from compgraph.checks.incremental import STATE, validate_incremental
from compgraph.checks.shapes import load_shapes
from compgraph.checks.validate import validate_store
from compgraph.graph import ondisk
from compgraph.graph.build import build
from compgraph.graph.store import LocalStore


@pytest.fixture()
def store(tmp_path: Path) -> LocalStore:
    s = LocalStore(tmp_path / "store")
    build(s)
    return s


def test_written_behind_the_files_are_encoded_in_another_process(store: LocalStore, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    seen = tmp_path / "writers"
    real = ondisk.keep_json

    def noted(path: Path, doc: object) -> bool:
        with open(seen, "a") as fh:
            fh.write(f"{os.getpid()}\n")
        return real(path, doc)

    monkeypatch.setattr(ondisk, "keep_json", noted)
    validate_incremental(store, AS_OF, load_shapes(), save=False, write_behind=True)
    lastrun.settle(store.root / STATE)
    writers = seen.read_text().split()
    assert len(writers) == 2  # the state file and the kept findings
    assert str(os.getpid()) not in writers


def test_written_behind_the_memory_copy_is_of_the_file_the_child_wrote(store: LocalStore) -> None:
    path = store.root / STATE
    validate_incremental(store, AS_OF, load_shapes(), save=False, write_behind=True)
    lastrun.settle(path)
    kept = lastrun._KEPT[str(path)]
    assert kept.stamp == lastrun.stamp_of(path)
    assert lastrun.recall(path, kept.ids) is kept


def test_written_behind_a_copy_on_disk_is_left_for_the_next_process(store: LocalStore) -> None:
    path = store.root / STATE
    validate_incremental(store, AS_OF, load_shapes(), save=False, write_behind=True)
    lastrun.settle(path)
    ids = lastrun._KEPT[str(path)].ids
    lastrun._KEPT.clear()  # as a new process starts
    found = lastrun.recall_from_disk(path, ids, {}, lastrun.stamp_of(path))
    assert found is not None and found.ids == ids


def test_a_failed_write_behind_keeps_no_copy_and_the_next_run_still_finds_a_full_runs_findings(
        store: LocalStore, monkeypatch: pytest.MonkeyPatch) -> None:
    path, shapes = store.root / STATE, load_shapes()
    validate_incremental(store, AS_OF, shapes, save=False, write_behind=True)
    lastrun.settle(path)

    def broken(*args: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(keptfindings, "keep", broken)
    add_evidence(store, random.Random(1), 1)
    validate_incremental(store, AS_OF, shapes, save=False, write_behind=True)
    lastrun.settle(path)  # the child's failure is not the caller's error
    assert str(path) not in lastrun._KEPT
    monkeypatch.undo()
    add_evidence(store, random.Random(2), 2)
    inc = validate_incremental(store, AS_OF, shapes, save=False, write_behind=True)
    assert inc.outcome.findings == validate_store(store, AS_OF, shapes, save=False).findings
