"""The key of the server's caches: moved by every write, not by RocksDB rewriting its files on its own."""

from __future__ import annotations

from pathlib import Path

from compgraph.graph.store import LocalStore
from compgraph.web.storestate import StoreState, files_stamp, store_state


def _store(tmp_path: Path) -> LocalStore:
    store = LocalStore(tmp_path / "s")
    store.replace_graph("https://example.org/g", b'<https://example.org/a> <https://example.org/p> "1" .\n')
    return store


def test_files_rewritten_without_a_write_keep_the_key(tmp_path: Path) -> None:
    store = _store(tmp_path)
    before_stamp, before = files_stamp(store.root), store_state(store).key
    store.oxigraph.optimize()  # a compaction, as RocksDB runs in the background after a large write
    store.oxigraph.flush()
    assert files_stamp(store.root) != before_stamp  # the files did change: what this test is about
    assert store_state(store).key == before


def test_a_write_moves_the_key(tmp_path: Path) -> None:
    store = _store(tmp_path)
    before = store_state(store).key
    store.replace_graph("https://example.org/g", b'<https://example.org/a> <https://example.org/p> "2" .\n')
    assert store_state(store).key != before


def test_without_an_audit_trail_the_key_follows_the_files() -> None:
    # A remote store has no trail head: its state can only be told by what the build and validation left.
    one = StoreState("2026-01-01", None, 3, stamp=("a",), token=None)
    two = StoreState("2026-01-01", None, 3, stamp=("b",), token=None)
    assert one.key != two.key
