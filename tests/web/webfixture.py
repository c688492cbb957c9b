"""Stores for the web and impact tests: the shipped demo (which must build), or the small Turtle fixture
when a test asks for it by name. A missing demo is an error, never a quiet switch to the small graph."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from compgraph.graph.store import LocalStore

REPO = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "fixture.ttl"
DEMO_FILES = (REPO / "mappings" / "demo" / "mozart.yaml", REPO / "mappings" / "controls.yaml")


class DemoMissing(FileNotFoundError):
    """The shipped demo files the browser tests run on are not in the checkout."""


def missing_demo_files() -> list[Path]:
    return [p for p in DEMO_FILES if not p.is_file()]


def fixture_store(path: Path) -> LocalStore:
    store = LocalStore(path)
    store.replace_graph("https://w3id.org/compgraph/graph/fixture", FIXTURE.read_bytes(), "text/turtle")
    return store


def browser_store(path: Path) -> tuple[LocalStore, bool]:
    """(store, True): the shipped demo built with compgraph.graph.build. The flag stays for callers that
    unpack it; it is always True because a missing demo raises DemoMissing naming the missing files."""
    missing = missing_demo_files()
    if missing:
        raise DemoMissing(f"the browser tests need the shipped demo; missing: {', '.join(map(str, missing))}")
    from compgraph.graph.build import build

    store = LocalStore(path)
    build(store)
    return store, True


def post_evidence(client: Any, **fields: Any) -> Any:
    """Submit the evidence form as a browser does: with the CSRF token of the page it came from, for the
    demo's CTL-GOV-01 at Mozart unless ``fields`` say otherwise."""
    page = client.get("/new-evidence").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    data = {"control": "CTL-GOV-01", "concerns": "mozart", "valid_until": "2027-11-30", "issued": "2026-11-30",
            "csrf_token": token}
    data.update(fields)
    return client.post("/evidence", data=data, content_type="multipart/form-data")
