"""A query stopped at its time limit leaves no process behind: its child is killed and reaped.

The child is forked by multiprocessing's fork server (graph.store says why), so it is this process's
grandchild; the fork server (and its resource tracker) stay, one each a process, for the next query."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from multiprocessing import forkserver, resource_tracker
from pathlib import Path

import pytest

from compgraph.graph.store import LocalStore, QueryTimeout

# A cross product of 2000 triples three times over: far longer than any time limit used here.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"


def children() -> set[int]:
    """Pids of this process's live (not zombie) descendants, from /proc, less multiprocessing's helpers."""
    parent: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while we looked
            continue
        if fields[0] != "Z":
            parent[int(stat.parent.name)] = int(fields[1])
    found = set()
    for pid in parent:
        up = parent.get(pid)
        while up is not None and up > 1:
            if up == os.getpid():
                found.add(pid)
                break
            up = parent.get(up)
    # multiprocessing's own standing helpers: the fork server and the resource tracker it starts
    return found - {getattr(forkserver._forkserver, "_forkserver_pid", None),
                    getattr(resource_tracker._resource_tracker, "_pid", None)}


@pytest.fixture
def busy_store(tmp_path: Path) -> Iterator[LocalStore]:
    store = LocalStore(tmp_path / "store")
    data = "".join(f"<urn:s{i}> <urn:p> <urn:o{i % 7}> .\n" for i in range(2000)).encode()
    store.replace_graph("urn:g", data)
    before = children()
    yield store
    for pid in children() - before:  # never leave a runaway child to the rest of the session
        os.kill(pid, signal.SIGKILL)


def test_timed_out_query_leaves_no_child_running(busy_store: LocalStore) -> None:
    before = children()
    with pytest.raises(QueryTimeout):
        busy_store.query(ENDLESS, timeout=0.5)
    assert children() - before == set()


def test_answered_query_leaves_no_child_running(busy_store: LocalStore) -> None:
    before = children()
    data_only = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:g> { ?s ?p ?o } }"  # not the audit trail of the load
    assert int(busy_store.query(data_only, timeout=30).rows[0][0]) == 2000
    assert children() - before == set()
