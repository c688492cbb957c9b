"""Time travel without asking: the store keeps a compressed snapshot after each write that changes its data."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from compgraph.graph import snapfiles, snapshots
from compgraph.graph.namespaces import graph_iri
from compgraph.graph.store import IN_PLACE_MAX, LocalStore

EX = "https://example.org/"
G = "https://w3id.org/compgraph/graph/test/one"


def nt(n: int, tag: str = "a") -> bytes:
    return "".join(f"<{EX}{tag}{i}> <{EX}p> \"{i}\" .\n" for i in range(n)).encode()


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LocalStore:
    monkeypatch.delenv(snapshots.KEEP_ENV, raising=False)
    monkeypatch.delenv(snapfiles.MAX_ENV, raising=False)
    return LocalStore(tmp_path / "store")


def test_a_write_leaves_an_automatic_snapshot_of_the_new_state(store: LocalStore) -> None:
    store.replace_graph(G, nt(3))
    [snap] = snapshots.listed(store.root)
    assert snap.automatic
    loaded = snapshots.SnapshotStore(snapshots.load(store.root, snap), snap.name)
    assert loaded.triple_count(G) == 3


def test_a_large_write_in_a_new_generation_leaves_one_too(store: LocalStore) -> None:
    store.replace_graph(G, nt(IN_PLACE_MAX + 10))
    [snap] = snapshots.listed(store.root)
    assert snapshots.SnapshotStore(snapshots.load(store.root, snap), snap.name).triple_count(G) == IN_PLACE_MAX + 10


def test_a_write_that_changes_no_data_takes_no_new_snapshot(store: LocalStore) -> None:
    store.replace_graph(G, nt(3))
    store.replace_graph(G, nt(3))  # a new trail entry, the same data
    assert len(snapshots.listed(store.root)) == 1


def test_only_the_newest_automatic_snapshots_are_kept(store: LocalStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(snapshots.KEEP_ENV, "2")
    for n in (1, 2, 3, 4):
        store.replace_graph(G, nt(n))
    kept = snapshots.listed(store.root)
    assert [snapshots.SnapshotStore(snapshots.load(store.root, s), s.name).triple_count(G) for s in kept] == [3, 4]


def test_a_snapshot_taken_by_hand_outlives_the_rotation(store: LocalStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(snapshots.KEEP_ENV, "1")
    store.replace_graph(G, nt(1))
    by_hand = snapshots.take(store.root, store.oxigraph)
    store.replace_graph(G, nt(2))
    store.replace_graph(G, nt(3))
    names = [s.name for s in snapshots.listed(store.root)]
    assert by_hand.name in names and len(names) == 2


def test_keep_zero_turns_automatic_snapshots_off(store: LocalStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(snapshots.KEEP_ENV, "0")
    store.replace_graph(G, nt(3))
    assert not (store.root / snapshots.FOLDER).exists()


def test_a_store_over_the_size_limit_gets_no_automatic_snapshot(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(snapfiles.MAX_ENV, "10")
    store.replace_graph(G, nt(11))
    assert not (store.root / snapshots.FOLDER).exists()


def test_a_bad_keep_setting_is_logged_and_the_write_still_lands(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv(snapshots.KEEP_ENV, "lots")
    with caplog.at_level(logging.WARNING, logger="compgraph.snapshots"):
        store.replace_graph(G, nt(3))
    assert store.triple_count(G) == 3
    assert "COMPGRAPH_SNAPSHOT_KEEP='lots': give a whole number" in caplog.text


def test_a_scratch_graph_a_command_drops_again_is_never_snapshotted(store: LocalStore) -> None:
    store.replace_graph(graph_iri("validation", "run", "x"), nt(2))
    assert not (store.root / snapshots.FOLDER).exists()


def test_snapshot_list_says_which_were_taken_automatically(store: LocalStore) -> None:
    from click.testing import CliRunner

    from compgraph.cli import main

    store.replace_graph(G, nt(3))
    snapshots.take(store.root, store.oxigraph)
    store.close()  # the command opens it as a user's would, with no writer beside it
    out = CliRunner().invoke(main, ["--store", str(store.root), "snapshot", "--list"]).output.splitlines()
    assert [line.rsplit("  ", 1)[-1] for line in out] == ["automatic", "by hand"]
