"""Every write leaves the old state or the new one.

Each write command is killed with SIGKILL at the store's commit points (``COMPGRAPH_CRASH_AT``) and at moments
spread over the time it runs once it has begun changing the store's files. The content hash of what the store
then holds must equal the old state's or the new state's (a full run of the same command on the same old store),
staging must not show in any query, and the next open must leave only the current generation behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from storetools import cg, content_hash, copy_store

from compgraph.graph import history, paths
from compgraph.graph.store import LocalStore

AS_OF = "2026-11-22"
POINTS = ["generation-opened", "generation-applied", "generation-flushed", "head-written", "head-moved"]
FRACTIONS = [0.0, 0.25, 0.5, 0.75]  # of the time a complete run takes once it has begun writing


def _signature(store: Path) -> list[tuple[str, int, int]]:
    out = []
    for p in store.rglob("*"):
        try:
            st = p.stat()
        except FileNotFoundError:
            continue
        if p.is_file() and p.name != "write.lock":
            out.append((str(p), st.st_size, st.st_mtime_ns))
    return sorted(out)


def run_until(store: Path, args: list[str], fraction: float | None, duration: float = 0.0) -> float:
    """Start the command and wait until it first changes the store's files; then SIGKILL it after ``fraction``
    of ``duration`` seconds, or (``fraction`` None) let it finish. Returns the seconds from that first change on."""
    before = _signature(store)
    proc = subprocess.Popen(
        [sys.executable, "-m", "compgraph.cli", "--store", str(store), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    try:
        while proc.poll() is None and _signature(store) == before:
            time.sleep(0.005)
        began = time.monotonic()
        if fraction is not None:
            time.sleep(fraction * duration)
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    return time.monotonic() - began


def assert_clean_after_reopen(store: Path) -> None:
    s = LocalStore(store, read_only=True)
    try:
        names = s.graph_names()
        assert history.verify(s) == []  # the trail of whichever state survived is whole
    finally:
        s.close()
    assert not [g for g in names if "staging" in g]
    if (store / "HEAD").exists():
        head = (store / "HEAD").read_text().split()[0]
        assert sorted(p.name for p in store.glob("gen-*")) == [head]
        assert not (store / "HEAD.tmp").exists()


class Write:
    """One write command, its old state and the hash of its new state."""

    def __init__(self, tmp: Path, name: str, args: list[str], old: Path) -> None:
        self.tmp, self.name, self.args, self.old = tmp, name, args, old
        self.old_hash = content_hash(old)
        done = copy_store(old, tmp / f"{name}-complete")
        # How long the write runs once it has begun, so the kills below land throughout it.
        self.duration = run_until(done, args, None)
        self.new_hash = content_hash(done)
        assert self.new_hash != self.old_hash, f"{name} must change the store for the test to mean anything"

    def fresh(self, label: str) -> Path:
        return copy_store(self.old, self.tmp / f"{self.name}-{label}")

    def check(self, store: Path) -> None:
        assert content_hash(store) in (self.old_hash, self.new_hash)
        assert_clean_after_reopen(store)


def _mappings_copy(tmp: Path, name: str) -> Path:
    import shutil

    return Path(shutil.copytree(paths.mappings_dir(), tmp / name))


def _turtle(tmp: Path, triples: int) -> Path:
    path = tmp / f"extra-{triples}.ttl"
    path.write_text("".join(f"<urn:x:s{i}> <urn:x:p> \"{i}\" .\n" for i in range(triples)))
    return path


@pytest.fixture(scope="module")
def old_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("old")
    store = tmp / "store"
    out = cg(store, "build", "--mappings", str(_mappings_copy(tmp, "mappings-v1")))
    assert out.returncode == 0, out.stderr
    return store


SETUPS: dict[str, Callable[[Path], list[str]]] = {
    # The new build reads other files (different names), so every catalog graph's provenance changes.
    "build": lambda tmp: ["build", "--mappings", str(_mappings_copy(tmp, "mappings-v2"))],
    "generate": lambda tmp: ["generate", "--scale", "small", "--seed", "3"],
    "validate": lambda tmp: ["validate", "--as-of", AS_OF],
    "load-large": lambda tmp: ["load", str(_turtle(tmp, 2000))],
    "load-small": lambda tmp: ["load", str(_turtle(tmp, 20))],
}


@pytest.fixture(scope="module", params=sorted(SETUPS))
def write(request: pytest.FixtureRequest, old_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Write:
    tmp = tmp_path_factory.mktemp(request.param)
    return Write(tmp, request.param, SETUPS[request.param](tmp), old_store)


@pytest.mark.parametrize("point", POINTS)
def test_a_write_killed_at_a_commit_point_leaves_the_old_or_the_new_state(write: Write, point: str) -> None:
    store = write.fresh(point)
    out = cg(store, *write.args, env={"COMPGRAPH_CRASH_AT": point})
    assert out.returncode in (-signal.SIGKILL, 0, 1), out.stderr  # 0/1: a small write has no generation to kill
    write.check(store)


@pytest.mark.parametrize("fraction", FRACTIONS)
def test_a_write_killed_while_it_runs_leaves_the_old_or_the_new_state(write: Write, fraction: float) -> None:
    store = write.fresh(f"after-{fraction}")
    run_until(store, write.args, fraction, write.duration)
    write.check(store)


def test_a_full_disk_is_a_clean_error_and_leaves_no_staging(old_store: Path, tmp_path: Path) -> None:
    """Disk full is injected as ENOSPC where the new generation is written (``COMPGRAPH_FAIL_AT``)."""
    store = copy_store(old_store, tmp_path / "store")
    old = content_hash(store)
    out = cg(store, "build", "--mappings", str(_mappings_copy(tmp_path, "mappings-v2")),
             env={"COMPGRAPH_FAIL_AT": "generation-applied"})
    assert out.returncode == 3, out.stderr
    assert "Traceback" not in out.stderr
    assert out.stderr.strip().splitlines() == [out.stderr.strip()] and "No space left on device" in out.stderr
    assert content_hash(store) == old
    head = (store / "HEAD").read_text().split()[0]
    assert sorted(p.name for p in store.glob("gen-*")) == [head]
