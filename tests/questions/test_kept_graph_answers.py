"""An answer that reads one graph only is kept under that graph's content hash (``answers.kept_graph_query``):
writes to other graphs leave it served from the file, a write to the graph itself never does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from compgraph.checks.report import REPORT_GRAPH as REPORT
from compgraph.checks.report import last_report_counts
from compgraph.checks.validate import validate_store
from compgraph.graph.store import LocalStore, QueryResult
from compgraph.questions import answers
from sparql_fixtures import load_fixture

GRAPH = "https://w3id.org/compgraph/graph/kept-scope-test"
OTHER = "https://w3id.org/compgraph/graph/kept-scope-other"
COUNT = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}"


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    s = LocalStore(tmp_path / "store")
    load_fixture(s)
    s.replace_graph(GRAPH, b"<urn:x:a> <urn:x:p> <urn:x:b> .\n")
    return s


def triples(n: int) -> bytes:
    return "".join(f"<urn:x:s{i}> <urn:x:p> <urn:x:o> .\n" for i in range(n)).encode()


def without_running(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch, text: str, graph: str | None
) -> QueryResult:
    """The kept answer to ``text`` (about ``graph`` only; None: the whole store), the store refusing to run it."""
    run = store.query

    def refuse(sparql: str, **kwargs: object) -> QueryResult:
        if sparql == text:
            raise AssertionError("run again instead of read from the kept answers")
        return run(sparql, **kwargs)  # type: ignore[arg-type]  # the graph hashes' own query

    with monkeypatch.context() as m:
        m.setattr(store, "query", refuse)
        return answers.kept_graph_query(store, text, graph) if graph else answers.kept_query(store, text)


def count(result: QueryResult) -> int:
    return int(str(result.rows[0][0]))


def test_an_answer_about_one_graph_survives_a_write_to_another(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert count(answers.kept_graph_query(store, COUNT, GRAPH)) == 1
    store.replace_graph(OTHER, triples(3))
    assert count(without_running(store, monkeypatch, COUNT, GRAPH)) == 1


def test_an_answer_about_one_graph_is_not_served_after_that_graph_is_written(store: LocalStore) -> None:
    answers.kept_graph_query(store, COUNT, GRAPH)
    store.replace_graph(GRAPH, triples(4))
    assert count(answers.kept_graph_query(store, COUNT, GRAPH)) == 4


def test_an_answer_about_a_graph_dropped_since_is_not_served(store: LocalStore) -> None:
    answers.kept_graph_query(store, COUNT, GRAPH)
    store.drop_graph(GRAPH)
    assert count(answers.kept_graph_query(store, COUNT, GRAPH)) == 0


def test_whole_state_answers_and_graph_answers_do_not_evict_each_other(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{OTHER}> {{ ?s ?p ?o }} }}"
    answers.kept_graph_query(store, COUNT, GRAPH)
    answers.kept_query(store, whole)
    assert count(without_running(store, monkeypatch, COUNT, GRAPH)) == 1
    assert count(without_running(store, monkeypatch, whole, None)) == 0


def test_the_saved_reports_counts_read_through_a_kept_answer_are_the_querys(store: LocalStore) -> None:
    validate_store(store, date(2026, 3, 1), save=True)
    direct = last_report_counts(store)
    via = last_report_counts(store, lambda text: answers.kept_graph_query(store, text, REPORT))
    store.replace_graph(OTHER, triples(2))
    again = last_report_counts(store, lambda text: answers.kept_graph_query(store, text, REPORT))
    assert direct == via == again and direct["counts"]



def test_one_graphs_hash_is_the_one_graph_hashes_gives(store: LocalStore) -> None:
    from compgraph.checks.incremental import graph_hash, graph_hashes

    store.oxigraph.update(f"INSERT DATA {{ GRAPH <{OTHER}> {{ <urn:x:u> <urn:x:p> <urn:x:v> }} }}")  # no trail entry
    hashes = graph_hashes(store)
    for g in store.graph_names():
        assert graph_hash(store, g) == hashes[g], g
    assert graph_hash(store, "https://w3id.org/compgraph/graph/none") is None
