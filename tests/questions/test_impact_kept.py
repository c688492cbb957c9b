"""The single points of failure are made again only when something they are made from moved (questions.impact):
after each kind of write they equal a fresh computation, and a write that leaves their inputs as they were (old
evidence, which makes no control current) is answered from the answer kept with the snapshot, in this process or,
through the kept coverage, the next one."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta

import pytest
import test_kept_coverage
from test_kept_coverage import AS_OF, WRITES, _pairs

from compgraph.graph import evidence as ev
from compgraph.graph.store import LocalStore
from compgraph.questions import coverage as cv
from compgraph.questions import evidencelist as evl
from compgraph.questions import impact as im
from compgraph.questions import keptcoverage as kc
from compgraph.questions import keptstate

generated, store = test_kept_coverage.generated, test_kept_coverage.store


def summary(store: LocalStore, keeper: kc.CoverageKeeper, index: evl.EvidenceIndex) -> list[im.SinglePointSummary]:
    snap = cv.with_impact_inputs(store, keeper.snapshot(store, evl.latest(store, index)))
    return im.single_point_summary(store, AS_OF, snap)


def old_evidence(store: LocalStore, rng: random.Random) -> None:
    """Evidence that ran out long before the date: it makes no control current."""
    control, system = rng.choice(_pairs(store))
    until = AS_OF - timedelta(days=900)
    ev.add(store, ev.Item(f"ev-old-{rng.randrange(10**9)}", "old", control, system, until, until, "0" * 64))


def refuse(*args: object) -> list[im.SinglePointSummary]:
    raise AssertionError("made again although nothing it is made from moved")


@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.__name__)
def test_single_points_after_a_write_are_a_fresh_computations(store: LocalStore, write: Callable) -> None:
    keeper, index = kc.CoverageKeeper(), evl.EvidenceIndex()
    summary(store, keeper, index)
    write(store, random.Random(31))
    assert summary(store, keeper, index) == im.single_point_summary(store, AS_OF)


def test_a_write_that_moves_none_of_their_inputs_is_answered_from_the_kept_answer(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    keeper, index = kc.CoverageKeeper(), evl.EvidenceIndex()
    before = summary(store, keeper, index)
    old_evidence(store, random.Random(32))
    monkeypatch.setattr(im, "_single_points", refuse)
    assert summary(store, keeper, index) == before
    monkeypatch.undo()
    assert before == im.single_point_summary(store, AS_OF)


def test_the_kept_answer_reaches_the_next_process_with_the_kept_coverage(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    keeper, index = kc.CoverageKeeper(), evl.EvidenceIndex()
    summary(store, keeper, index)
    keptstate.save(store, index, keeper, fork=False)
    old_evidence(store, random.Random(33))
    loaded_index, loaded_keeper = keptstate.load_index(store), keptstate.load_keeper(store)
    assert loaded_index is not None and loaded_keeper is not None
    with monkeypatch.context() as m:
        m.setattr(im, "_single_points", refuse)
        kept = summary(store, loaded_keeper, loaded_index)
    assert kept == im.single_point_summary(store, AS_OF)


def test_a_digest_names_every_input_by_value() -> None:
    """Two snapshots equal in value but made apart (other string objects, other insertion order) share a digest;
    one bit moved in any input gives another."""
    def snap(order: int, bit: int = 0) -> cv.Snapshot:
        items = [("urn:s1", 0b101), ("urn:s2", 0b011)][::order]
        s = cv.Snapshot({}, 0, {}, {}, {}, [], set(), dict(items), [], set())
        s.impact_satisfies = {"urn:c": 0b111 ^ bit}
        return s

    implemented = {"urn:s1": ["urn:c"]}
    assert im._inputs_digest(snap(1), implemented) == im._inputs_digest(snap(-1), dict(implemented))
    assert im._inputs_digest(snap(1), implemented) != im._inputs_digest(snap(1, bit=0b10), implemented)
    assert im._inputs_digest(snap(1), implemented) != im._inputs_digest(snap(1), {"urn:s2": ["urn:c"]})
