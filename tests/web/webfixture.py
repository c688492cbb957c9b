"""Stores for the web and impact tests: the shipped demo when it builds, else a small Turtle fixture."""

from __future__ import annotations

from pathlib import Path

from compgraph.graph.store import LocalStore

REPO = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "fixture.ttl"


def demo_available() -> bool:
    return (REPO / "mappings" / "demo" / "mozart.yaml").is_file() and (REPO / "mappings" / "controls.yaml").is_file()


def fixture_store(path: Path) -> LocalStore:
    store = LocalStore(path)
    store.replace_graph("https://w3id.org/compgraph/graph/fixture", FIXTURE.read_bytes(), "text/turtle")
    return store


def browser_store(path: Path) -> tuple[LocalStore, bool]:
    """(store, is_demo): the shipped demo built with compgraph.graph.build, or the fixture while it is missing."""
    if demo_available():
        from compgraph.graph.build import build

        store = LocalStore(path)
        build(store)
        return store, True
    return fixture_store(path), False
