"""An incremental run pauses Python's cycle collector (its full collections walk every object the last run keeps) and
gives it back as it was, also after an error and with runs overlapping in a server's threads."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest

from compgraph.checks import incremental


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    # As it was before, whatever the test left: a collector left off makes the rest of the suite grow until killed.
    if was:
        gc.enable()
    else:
        gc.disable()


def _run_seeing(monkeypatch: pytest.MonkeyPatch, seen: list[bool], fail: bool = False) -> None:
    def fake(*args: Any) -> Any:
        seen.append(gc.isenabled())
        if fail:
            raise RuntimeError("store gone")
        return "done"

    monkeypatch.setattr(incremental, "_validate_incremental", fake)


def test_the_collector_is_paused_during_a_run_and_on_again_after_it(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    _run_seeing(monkeypatch, seen)
    assert incremental.validate_incremental(None, None) == "done"  # type: ignore[arg-type]
    assert seen == [False] and gc.isenabled()


def test_a_run_that_fails_gives_the_collector_back(monkeypatch: pytest.MonkeyPatch) -> None:
    _run_seeing(monkeypatch, [], fail=True)
    with pytest.raises(RuntimeError):
        incremental.validate_incremental(None, None)  # type: ignore[arg-type]
    assert gc.isenabled()


def test_a_caller_that_paused_the_collector_finds_it_paused_after_a_run(monkeypatch: pytest.MonkeyPatch) -> None:
    _run_seeing(monkeypatch, [])
    gc.disable()
    incremental.validate_incremental(None, None)  # type: ignore[arg-type]
    assert not gc.isenabled()


def test_overlapping_runs_give_the_collector_back_after_the_last_one_only() -> None:
    first = incremental._cycle_collector_paused()
    second = incremental._cycle_collector_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # the second run is still under way
    second.__exit__(None, None, None)
    assert gc.isenabled()
