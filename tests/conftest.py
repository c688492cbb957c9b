"""Shared fixtures: the shipped demo built once per session into a temporary on-disk store."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from rdflib import plugin
from rdflib.query import Processor

from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from remote_servers import ServerPool

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
# The demo's planted gaps (expired evidence, overdue reviews) are dated against this day.
AS_OF = date(2026, 11, 22)


# Automatic snapshots dump the whole store after each write (about 0.2 s for the demo): over the suite's hundreds
# of builds that is minutes of CI time spent on a feature only a few tests are about. Those turn them back on
# (tests/graph/test_auto_snapshots.py); the e2e tests run the command with a clean environment, so with them on.
os.environ.setdefault("COMPGRAPH_SNAPSHOT_KEEP", "0")


# --- no silent skips under CI -------------------------------------------------------------------
# A skip means an area of the suite did not run (a missing extra, binary or fixture). On a developer's
# machine that is a note in the summary; under CI=true it fails the run, so nothing quietly disappears.


def _under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        _skipped.append(f"{report.nodeid}: {str(reason).removeprefix('Skipped: ')}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _under_ci() and _skipped and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _under_ci() and _skipped:
        terminalreporter.section("skipped tests fail the run under CI=true", red=True)
        for line in _skipped:
            terminalreporter.line(line, red=True)


@pytest.fixture(scope="session", autouse=True)
def sparql_texts_parsed_once() -> Iterator[None]:
    """rdflib's "sparql" processor reuses each query text's parse (tests/prepared_queries.py says why)."""
    plugin.register("sparql", Processor, "prepared_queries", "PreparedOnceProcessor")
    yield
    plugin.register("sparql", Processor, "rdflib.plugins.sparql.processor", "SPARQLProcessor")


@pytest.fixture(autouse=True)
def cycle_collector_left_on(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test that leaves Python's cycle collector off fails, and the collector is turned back on.

    With it off for the rest of the run the suite's memory grew until CI killed it (a collector-pause test once left
    it off); this names the test instead."""
    yield
    if not gc.isenabled():
        gc.enable()
        pytest.fail(f"{request.node.nodeid} left the cycle collector off (gc.disable() without gc.enable())",
                    pytrace=False)


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    """The shipped ontology, catalogs, crosswalk and demo organisation in an embedded store (read-only use)."""
    store = LocalStore(tmp_path_factory.mktemp("demo-store"))
    build(store)
    return store


@pytest.fixture
def empty_store(tmp_path: Path) -> LocalStore:
    return LocalStore(tmp_path / "store")


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerPool]:
    """The real SPARQL servers of tests/remote_servers.py, each started on loopback when a test first asks for it."""
    with ServerPool(tmp_path_factory) as pool:
        yield pool
