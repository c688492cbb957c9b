"""The store's lasting state token: the same after a reopen, moved by every write path, never ahead of the data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from compgraph.graph.namespaces import graph_iri
from compgraph.graph.store import LocalStore
from compgraph.graph.storestate import state_token
from compgraph.graph.writes import IN_PLACE_MAX

GRAPH = graph_iri("test", "token")


def _triples(n: int, tag: str = "a") -> bytes:
    return "".join(f"<urn:s{i}> <urn:p> \"{tag}{i}\" .\n" for i in range(n)).encode()


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    s = LocalStore(tmp_path / "store")
    s.replace_graph(GRAPH, _triples(3))
    return s


def test_an_unchanged_store_keeps_its_token_across_a_reopen(store: LocalStore) -> None:
    before = state_token(store)
    store.close()
    again = LocalStore(store.root)
    assert state_token(again) == before
    assert state_token(LocalStore(store.root, read_only=True)) == before


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda s: s.replace_graph(GRAPH, _triples(3, "b")), id="small write in place"),
        pytest.param(lambda s: s.replace_graph(GRAPH, _triples(IN_PLACE_MAX + 1)), id="large write, new generation"),
        pytest.param(lambda s: s.drop_graph(GRAPH), id="drop"),
        pytest.param(lambda s: s.bulk_replace_graph(GRAPH, iter([])), id="bulk load"),
    ],
)
def test_every_write_path_moves_the_token(store: LocalStore, write) -> None:
    before = state_token(store)
    write(store)
    assert state_token(store) != before


def test_a_batch_moves_the_token_once_it_commits(store: LocalStore) -> None:
    before = state_token(store)
    with store.batch() as b:
        b.replace_graph(GRAPH, _triples(2, "c"))
        assert state_token(store) == before
    assert state_token(store) != before


def test_a_write_killed_before_its_generation_is_named_leaves_the_old_token_with_the_old_data(
    store: LocalStore,
) -> None:
    before, root = state_token(store), store.root
    store.close()
    code = (
        "import sys; from compgraph.graph.store import LocalStore; "
        f"LocalStore(sys.argv[1]).replace_graph({GRAPH!r}, sys.stdin.buffer.read())"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(root)],
        input=_triples(IN_PLACE_MAX + 1, "d"),
        env={**os.environ, "COMPGRAPH_CRASH_AT": "generation-flushed"},
        capture_output=True,
    )
    assert proc.returncode == -9, proc.stderr
    again = LocalStore(root)
    assert state_token(again) == before
    assert again.triple_count(GRAPH) == 3
