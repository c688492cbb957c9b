"""Fixtures shared by the checks tests: both engines on one shapes graph, and a generated small store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph

from compgraph.checks.validate import validate_store
from compgraph.graph.store import LocalStore
from compgraph.scale import generate as gen

AS_OF = date(2026, 11, 22)
PREFIX = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"

BothEngines = Callable[[LocalStore, str, list[str]], list[str]]


@pytest.fixture
def both_engines() -> BothEngines:
    """The focus nodes both engines report for Turtle shapes (sh: declared), sorted. They must agree on focus and
    severity, and the SPARQL engine must run every root shape itself: a query it cannot build falls back to pySHACL,
    which would agree whatever the SPARQL side does."""

    def run(store: LocalStore, shapes_ttl: str, roots: list[str]) -> list[str]:
        shapes = Graph().parse(data=PREFIX + shapes_ttl, format="turtle")
        fast = validate_store(store, AS_OF, shapes, save=False)
        reference = validate_store(store, AS_OF, shapes, save=False, engine="pyshacl")
        assert fast.engines == {"sparql": roots, "pyshacl": []}, fast.fallback_reasons
        pairs = sorted((f.focus, f.severity) for f in fast.findings)
        assert pairs == sorted((f.focus, f.severity) for f in reference.findings)
        return [focus for focus, _ in pairs]

    return run


@pytest.fixture(scope="session")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated small store (as ``generate --scale small``), built once; each test changes its own copy."""
    root = tmp_path_factory.mktemp("generated-small") / "store"
    s = LocalStore(root)
    gen.load_into(s, gen.Spec.parse("small", 1, AS_OF))
    s.close()
    return root
