"""A demo store of the exchange tests' own: the assessment-results export and the audit pack run a
validation, which writes its run graph, so they must not share the session's read-only demo store."""

from __future__ import annotations

import pytest
from exchangefixture import Cli

from compgraph.cli import base as cli_module
from compgraph.graph.build import build
from compgraph.graph.store import LocalStore


@pytest.fixture(scope="session")
def exchange_store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    store = LocalStore(tmp_path_factory.mktemp("exchange-store"))
    build(store)
    return store


@pytest.fixture
def cli(exchange_store: LocalStore, monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setattr(cli_module, "open_store", lambda **kw: exchange_store)
    return Cli(exchange_store)
