"""The evidence index and the kept coverage saved beside the store (questions.keptstate): a process that loads them
after writes it never saw answers what one computing afresh answers, without reading the store whole.

Each test views the evidence list and coverage as the browser does, saves, writes as a user would (through another
process's eyes: the objects in memory are dropped), loads and compares with a fresh computation.
"""

from __future__ import annotations

import os
import pickle
import random
from collections.abc import Callable
from pathlib import Path

import pytest
import test_kept_coverage
from test_kept_coverage import AS_OF, WRITES, add_evidence, fresh

from compgraph.graph.store import LocalStore
from compgraph.questions import evidencelist as evl
from compgraph.questions import keptcoverage as kc
from compgraph.questions import keptstate

# The same generated organisation as the kept-coverage tests, a copy per test.
generated, store = test_kept_coverage.generated, test_kept_coverage.store


def viewed_and_saved(store: LocalStore, rows: bool = True, fork: bool = False) -> list[str]:
    """A server's work on ``store``: the evidence list (if ``rows``) and coverage, then saved."""
    index, keeper = evl.EvidenceIndex(), kc.CoverageKeeper()
    if rows:
        evl.rows(store, index)
    keeper.evaluate(keeper.snapshot(store, evl.latest(store, index)), AS_OF)
    return keptstate.save(store, index, keeper, fork=fork)


def loaded(store: LocalStore) -> tuple[evl.EvidenceIndex, kc.CoverageKeeper]:
    index, keeper = keptstate.load_index(store), keptstate.load_keeper(store)
    assert index is not None and keeper is not None
    return index, keeper


def kept_coverage(store: LocalStore, index: evl.EvidenceIndex, keeper: kc.CoverageKeeper) -> object:
    return keeper.evaluate(keeper.snapshot(store, evl.latest(store, index)), AS_OF)


@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.__name__)
def test_rows_of_an_index_loaded_after_a_write_are_a_fresh_querys(store: LocalStore, write: Callable) -> None:
    viewed_and_saved(store)
    write(store, random.Random(11))
    index, _ = loaded(store)
    assert evl.rows(store, index) == evl.query_rows(store)
    assert index.full_reads == 0


@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.__name__)
def test_coverage_of_a_keeper_loaded_after_a_write_is_a_fresh_one(store: LocalStore, write: Callable) -> None:
    viewed_and_saved(store)
    write(store, random.Random(12))
    index, keeper = loaded(store)
    assert kept_coverage(store, index, keeper) == fresh(store)


def test_an_evidence_item_added_before_a_load_reads_neither_the_store_nor_the_structure(store: LocalStore) -> None:
    viewed_and_saved(store)
    add_evidence(store, random.Random(13))
    index, keeper = loaded(store)
    kept_coverage(store, index, keeper)
    assert (index.full_reads, keeper.structure_reads, keeper.full_digests) == (0, 0, 0)
    assert len(index.last_reread) <= 3  # the item, its control and what it concerns at most


def test_rows_saved_before_being_made_are_made_from_the_loaded_facts(store: LocalStore) -> None:
    viewed_and_saved(store, rows=False)
    assert not keptstate.path_of(store, keptstate.ROWS).exists()
    add_evidence(store, random.Random(14))
    index, _ = loaded(store)
    assert evl.rows(store, index) == evl.query_rows(store)


def test_a_write_between_load_and_first_rows_remakes_the_rows_it_touches(store: LocalStore) -> None:
    """Rows are read from disk only when the list is asked for: subjects read again before that still count."""
    viewed_and_saved(store)
    index, _ = loaded(store)
    evl.latest(store, index)  # a dashboard before the evidence list
    for seed in (15, 16):
        add_evidence(store, random.Random(seed))
        evl.latest(store, index)
    assert evl.rows(store, index) == evl.query_rows(store)


def test_a_sequence_of_restarts_and_writes_keeps_the_answers_fresh(store: LocalStore) -> None:
    rng = random.Random(17)
    viewed_and_saved(store)
    for _ in range(6):
        rng.choice(WRITES)(store, rng)
        index, keeper = loaded(store)
        assert kept_coverage(store, index, keeper) == fresh(store)
        assert evl.rows(store, index) == evl.query_rows(store)
        keptstate.save(store, index, keeper, fork=False)


def test_a_save_in_a_forked_child_writes_the_same_state(store: LocalStore) -> None:
    assert viewed_and_saved(store, fork=True) == [keptstate.INDEX, keptstate.FACTS, keptstate.ROWS, keptstate.COVERAGE]
    add_evidence(store, random.Random(18))
    index, keeper = loaded(store)
    assert evl.rows(store, index) == evl.query_rows(store)
    assert kept_coverage(store, index, keeper) == fresh(store)


def test_a_rows_order_key_gives_the_same_dict_as_the_row() -> None:
    rng = random.Random(31)
    values = [None, "", "x", "CTL-1", "2026-01-02"]
    for _ in range(500):
        row = ("https://e/1", rng.choice(["id-1", "0"]), *(rng.choice(values) for _ in range(9)))
        assert evl._key_dict(evl._order(row)) == evl._as_dict(row)


def test_saved_rows_are_their_order_keys_and_the_subjects_sets_tuples(store: LocalStore) -> None:
    """The rows file holds no row dicts and no sets (2.5x slower to read back at 81k rows); loaded, it answers."""
    viewed_and_saved(store, fork=True)
    _, _, saved = pickle.loads(keptstate.path_of(store, keptstate.ROWS).read_bytes())
    assert set(saved) == {"_order", "_sources", "_users", "_dirty"}
    assert all(type(v) is tuple for part in ("_sources", "_users") for v in saved[part].values())
    index, _ = loaded(store)
    assert evl.rows(store, index) == evl.query_rows(store)


def test_an_unchanged_state_is_not_written_again(store: LocalStore) -> None:
    index, keeper = evl.EvidenceIndex(), kc.CoverageKeeper()
    evl.rows(store, index)
    keeper.snapshot(store, evl.latest(store, index))
    saved = keptstate.Saved()
    assert keptstate.save(store, index, keeper, saved, fork=False)
    assert keptstate.save(store, index, keeper, saved, fork=False) == []
    add_evidence(store, random.Random(19))
    evl.rows(store, index)
    assert keptstate.save(store, index, keeper, saved, fork=False) == [keptstate.INDEX, keptstate.FACTS, keptstate.ROWS]


class _Runs:
    def __reduce__(self) -> tuple:
        return (os.system, ("touch ran",))


def test_a_file_naming_anything_but_the_kept_classes_is_not_loaded_and_runs_nothing(
    store: LocalStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    viewed_and_saved(store)
    target = keptstate.path_of(store, keptstate.INDEX)
    target.write_bytes(pickle.dumps((keptstate.code_fingerprint(), "x", {"facts": _Runs()})))
    assert keptstate.load_index(store) is None
    assert not (tmp_path / "ran").exists()


def test_a_file_another_user_could_write_is_not_loaded(store: LocalStore) -> None:
    viewed_and_saved(store)
    target = keptstate.path_of(store, keptstate.COVERAGE)
    target.chmod(0o622)
    assert keptstate.load_keeper(store) is None


def test_a_file_from_other_code_is_not_loaded(store: LocalStore, monkeypatch: pytest.MonkeyPatch) -> None:
    viewed_and_saved(store)
    keptstate.code_fingerprint.cache_clear()
    monkeypatch.setattr(keptstate, "FORMAT", "kept-state-0")
    try:
        assert keptstate.load_index(store) is None
        assert keptstate.load_keeper(store) is None
    finally:
        keptstate.code_fingerprint.cache_clear()


def test_rows_saved_with_other_facts_are_not_used(store: LocalStore) -> None:
    """Rows and facts are two files: rows from another save are left, and made from the loaded facts instead."""
    viewed_and_saved(store)
    rows = keptstate.path_of(store, keptstate.ROWS).read_bytes()
    add_evidence(store, random.Random(20))
    viewed_and_saved(store)
    keptstate.path_of(store, keptstate.ROWS).write_bytes(rows)  # the first save's rows beside the second's facts
    index, _ = loaded(store)
    assert evl.rows(store, index) == evl.query_rows(store)


def test_coverage_after_an_evidence_item_reads_no_saved_facts(store: LocalStore) -> None:
    """The facts are most of the index's file (0.75 of a fresh dashboard's 1.6 s at 1.1M triples): the latest
    dates after a write need only the records the write touched, which the index reads from the store anyway."""
    viewed_and_saved(store)
    add_evidence(store, random.Random(21))
    index, keeper = loaded(store)
    assert kept_coverage(store, index, keeper) == fresh(store)
    assert index.fact_loads == 0


def test_rows_after_a_load_are_made_again_without_reading_the_saved_facts(store: LocalStore) -> None:
    """The rows a write touched are made from the facts of the few subjects they name, read from the store."""
    viewed_and_saved(store)
    add_evidence(store, random.Random(22))
    index, _ = loaded(store)
    evl.latest(store, index)
    add_evidence(store, random.Random(23))
    assert evl.rows(store, index) == evl.query_rows(store)
    assert (index.fact_loads, index.full_reads) == (0, 0)


def test_facts_saved_after_subjects_were_read_one_at_a_time_are_the_stores(store: LocalStore) -> None:
    """A save reads the saved facts and lays over them what was read since: the next process's rows are right."""
    viewed_and_saved(store)
    add_evidence(store, random.Random(27))
    index, keeper = loaded(store)
    evl.rows(store, index)
    keptstate.save(store, index, keeper, fork=False)
    assert index.fact_loads == 1
    add_evidence(store, random.Random(28))
    again, _ = loaded(store)
    assert evl.rows(store, again) == evl.query_rows(store)
    assert again.facts == _whole(store).facts


def test_an_index_that_read_subjects_one_at_a_time_lets_the_store_close(store: LocalStore) -> None:
    """The index reads the store only while it answers: after a close the store opens again for writing in this
    process (a kept reference to the database would keep RocksDB's lock; a CLI write after a server stopped failed)."""
    viewed_and_saved(store)
    add_evidence(store, random.Random(29))
    index, _ = loaded(store)
    evl.latest(store, index)
    evl.rows(store, index)
    store.close()
    again = LocalStore(store.root)
    add_evidence(again, random.Random(30))
    again.close()


def _whole(store: LocalStore) -> evl.EvidenceIndex:
    index = evl.EvidenceIndex()
    evl.rows(store, index)
    return index


@pytest.mark.parametrize("facts", ["removed", "of another save"])
def test_an_index_whose_saved_facts_are_gone_answers_right_and_is_read_whole_when_it_needs_them(
    store: LocalStore, facts: str
) -> None:
    viewed_and_saved(store)
    first = keptstate.path_of(store, keptstate.FACTS).read_bytes()
    add_evidence(store, random.Random(24))
    viewed_and_saved(store)
    index, _ = loaded(store)
    evl.latest(store, index)
    if facts == "removed":
        keptstate.path_of(store, keptstate.FACTS).unlink()
    else:
        keptstate.path_of(store, keptstate.FACTS).write_bytes(first)
    add_evidence(store, random.Random(25))
    assert evl.rows(store, index) == evl.query_rows(store)  # made from subjects read one at a time
    assert evl.latest(store, index) == evl.latest(store, evl.EvidenceIndex())
    assert keptstate.save(store, index, None, fork=False) == []  # a save needs them all: the index is read again
    assert evl.rows(store, index) == evl.query_rows(store)
    assert index.full_reads == 1


def test_a_cut_off_file_is_not_loaded(store: LocalStore) -> None:
    viewed_and_saved(store)
    target = keptstate.path_of(store, keptstate.INDEX)
    target.write_bytes(target.read_bytes()[:1000])
    assert keptstate.load_index(store) is None


def test_the_files_are_the_owners_only(store: LocalStore) -> None:
    viewed_and_saved(store)
    for name in (keptstate.INDEX, keptstate.FACTS, keptstate.ROWS, keptstate.COVERAGE):
        assert keptstate.path_of(store, name).stat().st_mode & 0o077 == 0


def test_a_save_that_cannot_fork_keeps_nothing_and_raises_nothing(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_fork() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    assert viewed_and_saved(store, fork=True) == []
    assert not keptstate.path_of(store, keptstate.INDEX).exists()
