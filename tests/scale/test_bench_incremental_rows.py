"""The bench's incremental rows say what the run after each change did: a run that did not finish within its limit
gives no "queries run" figure of an earlier run, and no verdict comparing an earlier run's findings with a full run
after the changes (the 2026-12-05 xlarge bench printed both: "0 of 129" and "DIFFER FROM")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from compgraph.checks import incremental, validate
from compgraph.scale import bench


@dataclass
class _Outcome:
    findings: list[str] = field(default_factory=list)


@dataclass
class _Run:
    rerun: int
    queries: int = 129
    outcome: _Outcome = field(default_factory=_Outcome)
    focused: int = 0


def _bench(monkeypatch: pytest.MonkeyPatch, unfinished: set[int]) -> dict[str, Any]:
    """incremental_times with validations that find "f<state>" and runs numbered 0, 1, ...; ``unfinished`` runs stop
    at their limit as a timed-out step does (timed returns its string, the run never returns)."""
    state = {"changes": 0, "calls": 0}
    for name in ("_add_evidence", "_change_risk", "_accept_mapping"):
        monkeypatch.setattr(bench, name, lambda store, *a: state.__setitem__("changes", state["changes"] + 1))

    def fake_incremental(store: object, as_of: object, shapes: object, save: bool = True, **kw: object) -> _Run:
        return _Run(rerun=10 + state["changes"], outcome=_Outcome([f"f{state['changes']}"]))

    def fake_full(store: object, as_of: object, shapes: object, **kw: object) -> _Outcome:
        return _Outcome([f"f{state['changes']}"])

    def fake_timed(fn: Callable[[], Any], repeat: int = 1, limit: int = 0) -> float | str:
        call = state["calls"]
        state["calls"] += 1
        if call in unfinished:
            return f">{limit}s"
        fn()
        return 0.5

    monkeypatch.setattr(incremental, "validate_incremental", fake_incremental)
    monkeypatch.setattr(validate, "validate_store", fake_full)
    monkeypatch.setattr(bench, "timed", fake_timed)
    return bench.incremental_times(object(), object())


def test_runs_that_finish_give_their_own_queries_and_a_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _bench(monkeypatch, unfinished=set())
    assert out["incremental validate: after an evidence item added: queries run"] == "11 of 129"
    assert out["incremental validate: after a mapping accepted: queries run"] == "13 of 129"
    assert "equal a full run's" in out["incremental_note"]


def test_a_run_that_did_not_finish_gives_no_earlier_runs_figure(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _bench(monkeypatch, unfinished={2})  # the run after the evidence item
    assert out["incremental validate: after an evidence item added: queries run"] == "– (did not finish)"
    assert out["incremental validate: after a risk level changed: queries run"] == "12 of 129"


def test_when_the_last_run_did_not_finish_no_difference_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _bench(monkeypatch, unfinished={2, 3, 4, 5})
    assert "DIFFER" not in out["incremental_note"]
    assert "not compared" in out["incremental_note"]


def test_every_incremental_run_has_the_validations_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    limits: list[int] = []
    monkeypatch.setattr(incremental, "validate_incremental", lambda *a, **k: _Run(rerun=1))
    monkeypatch.setattr(validate, "validate_store", lambda *a, **k: _Outcome())
    for name in ("_add_evidence", "_change_risk", "_accept_mapping"):
        monkeypatch.setattr(bench, name, lambda store, *a: None)

    def fake_timed(fn: Callable[[], Any], repeat: int = 1, limit: int = 0) -> float:
        limits.append(limit)
        fn()
        return 0.1

    monkeypatch.setattr(bench, "timed", fake_timed)
    bench.incremental_times(object(), object())
    assert limits == [bench.VALIDATE_LIMIT_S] * 6
