"""`compgraph history --verify` as a user runs it, and the /history page, on a trail someone edited: one entry's
"what" rewritten straight in the store, behind the trail's back. A small store of two writes: the chain, not
the demo, is what is checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from e2e_cli import run

from compgraph.graph import history
from compgraph.graph.store import LocalStore
from compgraph.web import create_app

G = "https://w3id.org/compgraph/graph/file/notes"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"


def nt(n: int) -> bytes:
    return "".join(f"<urn:s{i}> <urn:p> <urn:o{i}> .\n" for i in range(n)).encode()


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A store whose trail holds two writes, before anyone edits it (each test has its own: one edits it)."""
    path = tmp_path / "store"
    s = LocalStore(path)
    with history.acting("alice", "review", "accepted CTL-HO-01 for PSA-2-1"):
        s.replace_graph(G, nt(1))
    with history.acting("bob", "load"):
        s.replace_graph(G, nt(2))
    s.close()
    return path


def verify(store: Path) -> tuple[int, str, str]:
    res = run("--store", str(store), "history", "--verify", cwd=store.parent)
    return res.returncode, res.stdout, res.stderr


def test_an_untouched_trail_verifies(store: Path) -> None:
    code, out, err = verify(store)
    assert code == 0, err
    assert out.strip() == "audit trail intact: 2 entries, each linked to the one before by its hash"


def test_history_verify_names_an_edited_entry_and_exits_1(store: Path) -> None:
    s = LocalStore(store)
    try:
        s.oxigraph.update(
            f"DELETE {{ GRAPH <{history.HISTORY_GRAPH}> {{ ?e {LABEL} 'review' }} }}"
            f" INSERT {{ GRAPH <{history.HISTORY_GRAPH}> {{ ?e {LABEL} 'nothing' }} }}"
            f" WHERE {{ GRAPH <{history.HISTORY_GRAPH}> {{ ?e {LABEL} 'review' }} }}"
        )
        # the page an auditor opens says so too
        page = create_app(s).test_client().get("/history").get_data(as_text=True)
        assert "The trail is BROKEN: entry 000001 was changed after it was written" in page
    finally:
        s.close()
    code, out, err = verify(store)
    assert code == 1
    assert out.strip() == "entry 000001 was changed after it was written (its hash does not match)"
    assert err.strip().endswith("is broken: 1 problem(s)") and err.count("\n") == 1
