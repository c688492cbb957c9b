"""Fixtures the graph test files share: an embedded store, a fresh ``oxigraph serve``, one Virtuoso a module, and
the concepts and obligations folder of the catalog readers' whole-run tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from catalogkit import _ontology

from compgraph.graph.catalog import Concepts
from compgraph.graph.store import LocalStore
from remote_servers import Server, virtuoso_server
from sparql_fixtures import oxigraph_server


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    with LocalStore(tmp_path / "store") as s:
        yield s


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[str]:
    """A fresh ``oxigraph serve`` for one test; its base URL."""
    with oxigraph_server(tmp_path / "oxigraph") as base:
        yield base


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    # Started once a module (it takes seconds); each test writes and asserts on a graph of its own.
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server


# for the catalog readers' whole-run tests (test_catalog_whole_run.py and its two siblings)
@pytest.fixture
def concepts() -> Concepts:
    return Concepts(_ontology())


@pytest.fixture
def obligations_dir(tmp_path: Path) -> Path:
    (tmp_path / "obligations").mkdir()
    return tmp_path
