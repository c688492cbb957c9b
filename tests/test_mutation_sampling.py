"""tools/mutation.py's sampled measurement: the same seed picks the same mutants, at most N per module,
and the interval reported is the 95% Wilson score interval of the killed share."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

TOOL = Path(__file__).resolve().parents[1] / "tools" / "mutation.py"


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutation_tool", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


NAMES = [f"compgraph.a.x_f__mutmut_{i}" for i in range(1, 31)] + [
    f"compgraph.b.xǁStoreǁquery__mutmut_{i}" for i in range(1, 6)
]


def test_a_mutant_belongs_to_the_module_before_its_function(tool: ModuleType) -> None:
    assert tool.module_of("compgraph.graph.store.xǁStoreǁquery__mutmut_3") == "compgraph.graph.store"


def test_the_sample_takes_at_most_n_per_module_and_all_of_a_smaller_one(tool: ModuleType) -> None:
    sample = tool.sample_per_module(NAMES, 10, seed=1)
    assert len(sample["compgraph.a"]) == 10 and set(sample["compgraph.a"]) <= set(NAMES)
    assert sample["compgraph.b"] == sorted(n for n in NAMES if n.startswith("compgraph.b."))


def test_the_same_seed_gives_the_same_sample_whatever_the_listing_order(tool: ModuleType) -> None:
    assert tool.sample_per_module(NAMES, 10, seed=1) == tool.sample_per_module(NAMES[::-1], 10, seed=1)
    assert tool.sample_per_module(NAMES, 10, seed=1) != tool.sample_per_module(NAMES, 10, seed=2)


def test_the_interval_is_wilsons(tool: ModuleType) -> None:
    low, high = tool.wilson(16, 20)
    assert (round(low, 3), round(high, 3)) == (0.584, 0.919)
    assert tool.wilson(20, 20)[1] == pytest.approx(1.0)


def test_the_report_counts_timeouts_as_killed_and_no_tests_as_not(tool: ModuleType) -> None:
    statuses = {
        "compgraph.a.x_f__mutmut_1": "killed",
        "compgraph.a.x_f__mutmut_2": "timeout",
        "compgraph.a.x_f__mutmut_3": "no tests",
        "compgraph.a.x_f__mutmut_4": "survived",
    }
    lines = tool.report(statuses, {"compgraph.a": 30})
    assert lines[0] == "  compgraph.a: 2/4 killed (50.0%), 95% CI 15-85%, sampled from 30 mutants"
    assert lines[-1] == "mutation score: 2/4 killed (50.0%)"
