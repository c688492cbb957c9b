"""The audit trail of legal work: a review decision names what it decided, who, and why; `users add` is recorded."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from compgraph.cli import main
from compgraph.cli.base import StoreContext
from compgraph.graph import history
from compgraph.graph.build import build
from compgraph.graph.namespaces import entity_iri, graph_iri
from compgraph.graph.store import LocalStore
from compgraph.legal import review as rv
from compgraph.web.auth import Users

LEGAL = Path(__file__).resolve().parents[1] / "fixtures" / "legal"


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo store with the fictitious public-sector act imported; closed again, for the CLI to open."""
    root = tmp_path_factory.mktemp("trail")
    store = LocalStore(root / "store")
    try:
        build(store)
        rv.import_document(store, LEGAL / "public-sector-ai-act.md", "psa", prefix="PSA", out=root / "mappings")
        with history.acting("grace", "review"):
            rv.apply_decisions(store, "psa", [
                rv.Decision("PSA-2-1", "CTL-HO-01", "accept", "narrowMatch", author="Grace Hopper",
                            comment="oversight plan names the people"),
                rv.Decision("PSA-7-1", "CTL-HO-01", "reject", author="Grace Hopper"),
            ], root / "mappings")
    finally:
        store.close()
    return root


def cg(store: Path, *args: str, stdin: str | None = None) -> Any:
    """The real command, in this process (a subprocess would cost an interpreter start per call); the store it
    opened is closed afterwards, as the end of a process would close it."""
    sc = StoreContext(str(store), None, None, None)
    try:
        return CliRunner().invoke(main, ["--store", str(store), *args], input=stdin, obj=sc)
    finally:
        if sc._store is not None:
            sc._store.close()


def last_entry(store_dir: Path) -> history.Entry:
    store = LocalStore(store_dir, read_only=True)
    try:
        return history.entries(store)[-1]
    finally:
        store.close()


def test_a_review_entry_says_who_decided_what_and_why(work: Path) -> None:
    entry = last_entry(work / "store")
    assert entry.agent == "grace"
    assert entry.reason == (
        "review by Grace Hopper: PSA-2-1 -> CTL-HO-01: accepted as 'partly covers' (skos:narrowMatch); "
        "PSA-7-1 -> CTL-HO-01: rejected — why: oversight plan names the people"
    )


def test_a_review_entry_names_the_obligations_controls_and_the_accepted_mapping(work: Path) -> None:
    entry = last_entry(work / "store")
    mapping = rv.mapping_iri("PSA-2-1", "skos:narrowMatch", "CTL-HO-01")
    assert {entity_iri("obligation", "PSA-2-1"), entity_iri("obligation", "PSA-7-1"),
            entity_iri("control", "CTL-HO-01"), mapping} == set(entry.entities)


def test_the_named_mapping_is_the_one_the_review_graph_holds(work: Path) -> None:
    store = LocalStore(work / "store", read_only=True)
    try:
        mapping = rv.mapping_iri("PSA-2-1", "skos:narrowMatch", "CTL-HO-01")
        graph = graph_iri("mappingset", "review-psa")
        assert store.select(f"ASK {{ GRAPH <{graph}> {{ <{mapping}> ?p ?o }} }}").boolean
    finally:
        store.close()


def test_an_obligations_own_history_shows_who_accepted_its_mapping(work: Path) -> None:
    store = LocalStore(work / "store", read_only=True)
    try:
        own = history.about(store, entity_iri("obligation", "PSA-2-1"))
        assert [(e["agent"], e["command"]) for e in own] == [("grace", "review")]
        assert "oversight plan names the people" in own[0]["reason"]
    finally:
        store.close()


def test_a_review_from_the_cli_is_recorded_with_its_decision(work: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(work / "store", store)
    res = cg(store, "review", "psa", "--accept", "PSA-5-1=CTL-DOC-01:exactMatch", "--author", "Ada",
             "--comment", "logs kept a year", "--mappings", str(work / "mappings"))
    assert res.exit_code == 0, res.output
    entry = last_entry(store)
    assert entry.command == "review"
    assert "PSA-5-1 -> CTL-DOC-01: accepted as 'fully covers' (skos:exactMatch) — why: logs kept a year" in entry.reason
    assert rv.mapping_iri("PSA-5-1", "skos:exactMatch", "CTL-DOC-01") in entry.entities


def users_add(store: Path, users: Path, role: str) -> Any:
    """`compgraph users add vera`, the password on stdin as a provisioning script gives it."""
    return cg(store, "users", "add", "vera", "--role", role, "--users", str(users), "--password-stdin",
              stdin="correct horse battery\n")


def test_users_add_records_the_role_change_in_the_trail(tmp_path: Path) -> None:
    store = tmp_path / "store"
    LocalStore(store).close()  # any store keeps a trail; the demo's data is not needed
    users = tmp_path / "users.json"
    Users(users).add("vera", "viewer", "correct horse battery")
    res = users_add(store, users, "admin")
    assert res.exit_code == 0, res.output
    entry = last_entry(store)
    assert (entry.command, entry.reason) == ("users add", "vera: role viewer -> admin")
    assert entry.entities == [history.user_iri("vera")]


def test_users_add_without_a_store_says_it_was_not_recorded(tmp_path: Path) -> None:
    res = users_add(tmp_path / "no-store", tmp_path / "u.json", "viewer")
    assert res.exit_code == 0
    assert "not recorded in an audit trail: there is no store here" in res.stderr
