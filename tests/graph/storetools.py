"""Helpers for the store-safety tests: run the real CLI, find the database files, hash what a store holds."""

from __future__ import annotations

import hashlib
import os
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

from compgraph.graph import history
from compgraph.graph.store import LocalStore

# Generous bounds that only a runaway hits: RocksDB damage has been seen to spin while memory grows ~300 MB/s.
MEMORY_LIMIT = 4 << 30
RUNAWAY_SECONDS = 300


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def cg(store: Path, *args: str, env: dict[str, str] | None = None, user: list[str] | None = None,
       cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``compgraph --store STORE ARGS``, bounded in memory and time."""
    return subprocess.run(
        [*(user or []), sys.executable, "-m", "compgraph.cli", "--store", str(store), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
        preexec_fn=_bounded,
        timeout=RUNAWAY_SECONDS,
        cwd=cwd,
    )


def database_dir(store: Path) -> Path:
    """The RocksDB directory queries read: HEAD's generation, or the store itself in the older layout."""
    head = store / "HEAD"
    return store / head.read_text().split()[0] if head.exists() else store


def file_digests(store: Path) -> dict[str, str]:
    """Every file under the store with its SHA-256: equal before and after means nothing was touched."""
    return {
        str(p.relative_to(store)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(store.rglob("*"))
        if p.is_file() and p.name != "write.lock"
    }


_BNODE = re.compile(r"_:[A-Za-z0-9]+")
_DATETIME = re.compile(r'"[^"]*"\^\^<http://www.w3.org/2001/XMLSchema#dateTime>')
_ENTRY = re.compile(r"^<" + re.escape(history.entry_iri(0)[:-6]) + r"\d{6}>$")


def content_hash(store: Path) -> str:
    """A hash of the quads the store holds, blind to blank-node labels and load times (which differ per run).

    The audit trail counts by its number of entries: each entry holds its own times and the hash of the one
    before, so two runs of the same write never give the same trail triples, only the same number of entries.
    """
    s = LocalStore(store, read_only=True)
    try:
        text = s.export("application/n-quads").decode()
    finally:
        s.close()
    trail_tail = f" <{history.HISTORY_GRAPH}> ."
    data = [line for line in text.splitlines() if line and not line.endswith(trail_tail)]
    subjects = {line.split(" ", 1)[0] for line in text.splitlines() if line.endswith(trail_tail)}
    entries = {s for s in subjects if _ENTRY.match(s)}
    lines = sorted(_DATETIME.sub('"T"', _BNODE.sub("_:b", line)) for line in data)
    lines.append(f"trail entries: {len(entries)}")
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def copy_store(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("write.lock"))
    return dst


def largest(folder: Path, pattern: str) -> Path:
    return max(folder.glob(pattern), key=lambda p: p.stat().st_size)


# Two small graphs and a query that reads the first (tests/graph/test_store_sample8.py, test_store_whole_run.py).
TWO = b'<urn:x:a> <urn:x:p> "one" .\n<urn:x:a> <urn:x:q> "two" .\n'
OTHER = b'<urn:x:b> <urn:x:p> "other" .\n'
ROWS = "SELECT ?p ?o WHERE { <urn:x:a> ?p ?o } ORDER BY ?p"
