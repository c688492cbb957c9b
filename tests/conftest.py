"""Shared fixtures: the shipped demo built once per session into a temporary on-disk store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from compgraph.graph.build import build
from compgraph.graph.store import LocalStore

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
# The demo's planted gaps (expired evidence, overdue reviews) are dated against this day.
AS_OF = date(2026, 11, 22)


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    """The shipped ontology, catalogs, crosswalk and demo organisation in an embedded store (read-only use)."""
    store = LocalStore(tmp_path_factory.mktemp("demo-store"))
    build(store)
    return store


@pytest.fixture
def empty_store(tmp_path: Path) -> LocalStore:
    return LocalStore(tmp_path / "store")
