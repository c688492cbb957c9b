"""The last incremental run kept on disk (``checks.lastrun``): a process that never ran before (the CLI's next call, a
restarted server) goes on from another process's rows and findings, and its findings stay a full run's.

"Another process" is this one with its memory copy forgotten (``lastrun._KEPT`` cleared), as a new process starts.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_incremental import (
    AS_OF,
    accept_mapping,
    add_evidence,
    change_risk_level,
    drop_mapping,
    renew_evidence,
)
from test_incremental_focus import _close_a_gap

from compgraph.checks import incremental, lastrun
from compgraph.checks.incremental import STATE, validate_incremental
from compgraph.checks.shapes import load_shapes
from compgraph.checks.validate import validate_store
from compgraph.graph import keptpickle
from compgraph.graph.build import build
from compgraph.graph.store import LocalStore

CHANGES = [add_evidence, renew_evidence, change_risk_level, accept_mapping, drop_mapping]


def close_a_gap(store: LocalStore, rnd: random.Random, n: int) -> None:
    _close_a_gap(store)  # the kept rows of the current-evidence rule matter: one of its findings goes


@pytest.fixture()
def store(tmp_path: Path) -> LocalStore:
    s = LocalStore(tmp_path / "store")
    build(s)
    return s


class Recalls:
    """Counts the runs that went on from the copy on disk."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.hits = 0
        real = lastrun.recall_from_disk

        def spy(*args: object) -> lastrun.LastRun | None:
            got = real(*args)  # type: ignore[arg-type]
            self.hits += got is not None
            return got

        monkeypatch.setattr(lastrun, "recall_from_disk", spy)


def a_new_process() -> None:
    lastrun._KEPT.clear()


def run(store: LocalStore) -> incremental.Incremental:
    """A run that waits for its copy on disk (as a server's writer thread does), so the next one can find it."""
    return validate_incremental(store, AS_OF, load_shapes(), save=False, write_behind=True)


def settled(store: LocalStore) -> None:
    lastrun.settle(store.root / STATE)


def kept_run(store: LocalStore) -> None:
    """A run whose copy is on disk when this returns."""
    run(store)
    settled(store)


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.__name__)
def test_a_new_process_after_a_change_goes_on_from_the_kept_copy_and_finds_what_a_full_run_finds(
    store: LocalStore, change: object, monkeypatch: pytest.MonkeyPatch,
) -> None:
    recalls = Recalls(monkeypatch)
    kept_run(store)
    a_new_process()
    change(store, random.Random(3), 0)  # type: ignore[operator]
    inc = run(store)
    assert inc.outcome.findings == validate_store(store, AS_OF, load_shapes(), save=False).findings
    assert recalls.hits == 1


def test_a_sequence_of_changes_each_in_a_new_process_keeps_the_findings_a_full_runs(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch,
) -> None:
    recalls = Recalls(monkeypatch)
    rnd = random.Random(41)
    run(store)
    for n in range(5):
        settled(store)
        a_new_process()
        rnd.choice(CHANGES)(store, rnd, n)
        inc = run(store)
        assert inc.outcome.findings == validate_store(store, AS_OF, load_shapes(), save=False).findings
    assert recalls.hits == 5


def test_a_copy_kept_for_an_older_state_file_is_not_used(store: LocalStore, monkeypatch: pytest.MonkeyPatch) -> None:
    recalls = Recalls(monkeypatch)
    kept_run(store)
    kept = lastrun.memo_path(store.root / STATE).read_bytes()
    add_evidence(store, random.Random(5), 0)
    kept_run(store)
    lastrun.memo_path(store.root / STATE).write_bytes(kept)  # the first run's copy beside the second run's file
    a_new_process()
    add_evidence(store, random.Random(6), 1)
    inc = run(store)
    assert recalls.hits == 0
    assert inc.outcome.findings == validate_store(store, AS_OF, load_shapes(), save=False).findings


def test_a_copy_listing_the_queries_in_another_order_is_read_by_their_ids(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A plan may order its queries differently in another process (set order): each query's rows go by id."""
    recalls = Recalls(monkeypatch)
    kept_run(store)
    path = store.root / STATE
    stamp, (ids, rows, findings, labels, merged, owners) = keptpickle.read(
        lastrun.memo_path(path), lastrun.code_fingerprint(), lastrun._ALLOWED)  # type: ignore[misc]
    order = list(reversed(range(len(ids))))
    state = ([ids[i] for i in order], [rows[i] for i in order], [findings[i] for i in order], labels, merged, owners)
    assert keptpickle.dump([(lastrun.memo_path(path), state)], lastrun.code_fingerprint(), stamp, fork=False)()
    a_new_process()
    rnd = random.Random(8)
    for n, change in enumerate([close_a_gap, add_evidence, change_risk_level, renew_evidence, accept_mapping]):
        change(store, rnd, n)  # the first run reads the copy, the next ones go on in memory from what it made
        inc = run(store)
        assert inc.outcome.findings == validate_store(store, AS_OF, load_shapes(), save=False).findings
    assert recalls.hits == 1


def test_a_copy_made_by_other_code_is_not_used(store: LocalStore, monkeypatch: pytest.MonkeyPatch) -> None:
    recalls = Recalls(monkeypatch)
    kept_run(store)
    a_new_process()
    monkeypatch.setattr(lastrun, "code_fingerprint", lambda: "another version")
    add_evidence(store, random.Random(9), 0)
    run(store)
    assert recalls.hits == 0


def test_the_command_line_leaves_its_copy_for_the_next_call_without_waiting_for_it(store: LocalStore) -> None:
    root = store.root
    store.close()
    res = subprocess.run([sys.executable, "-m", "compgraph.cli", "--store", str(root), "validate", "--incremental",
                          "--as-of", AS_OF.isoformat()], capture_output=True, text=True, timeout=600)
    assert res.returncode in (0, 1), res.stderr
    memo = lastrun.memo_path(root / STATE)
    deadline = time.monotonic() + 60
    while not memo.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert memo.exists() and memo.stat().st_mode & 0o077 == 0
