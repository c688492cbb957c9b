"""Evidence is current up to and including its ``cg:validUntil`` day ("current on the as-of date").

The demo's evidence never expires exactly on the fixed check date, so the boundary is probed on the days
the demo's evidence actually runs out: on its last day the evidence still counts, the next day it does not.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from compgraph.graph.store import LocalStore
from compgraph.questions import coverage as cv
from compgraph.questions import trace as tr

ONE_DAY = timedelta(days=1)


def last_days(store: LocalStore) -> list[tuple[str, str, date]]:
    """(control, implementer, last valid day) for each pair whose newest evidence ends on that day."""
    rows = store.select(
        """SELECT ?c ?impl (MAX(?d) AS ?until) WHERE {
             ?e cg:evidenceFor ?c ; cg:concerns ?impl ; cg:validUntil ?d }
           GROUP BY ?c ?impl"""
    ).rows
    return [(str(c), str(i), date.fromisoformat(str(d))) for c, i, d in rows]


def expiry_days(store: LocalStore) -> set[date]:
    rows = store.select("SELECT DISTINCT ?d WHERE { ?e cg:validUntil ?d }").rows
    return {date.fromisoformat(str(d)) for (d,) in rows}


@pytest.fixture(scope="module")
def snap(demo_store: LocalStore) -> cv.Snapshot:
    return cv.snapshot(demo_store)


@pytest.fixture(scope="module")
def boundary_days(demo_store: LocalStore) -> list[date]:
    """Days on which some pair's newest evidence is valid for the last time, and nothing ran out the day before."""
    expiring = expiry_days(demo_store)
    days = sorted({d for _, _, d in last_days(demo_store) if d - ONE_DAY not in expiring})
    assert days, "the demo has no evidence whose last valid day can be probed"
    return days


def test_coverage_counts_evidence_as_current_on_its_last_valid_day(
    snap: cv.Snapshot, boundary_days: list[date]
) -> None:
    # Nothing expires between the day before and the last day, so coverage must be the same on both.
    for day in boundary_days:
        before = cv.evaluate(snap, day - ONE_DAY)
        on_day = cv.evaluate(snap, day)
        assert on_day.by_system == before.by_system, f"coverage changed on {day}, the evidence's last valid day"
        assert on_day.obligation_status == before.obligation_status, day


def test_coverage_counts_evidence_as_expired_the_day_after(snap: cv.Snapshot, boundary_days: list[date]) -> None:
    changed = [d for d in boundary_days if cv.evaluate(snap, d + ONE_DAY).by_system != cv.evaluate(snap, d).by_system]
    assert changed, "no evidence in the demo ever expires: the boundary test above would prove nothing"


def test_trace_counts_evidence_as_current_on_its_last_valid_day(demo_store: LocalStore) -> None:
    for control, implementer, day in last_days(demo_store):

        def current(on: date, control: str = control, implementer: str = implementer) -> bool:
            impls = tr._implementations(demo_store, [control], on).get(control, [])
            return any(e.current for i in impls if i.implementer == implementer for e in i.evidence)

        assert current(day), f"{control} evidence for {implementer} is not current on its last valid day {day}"
        assert not current(day + ONE_DAY), f"{control} evidence for {implementer} is still current after {day}"
