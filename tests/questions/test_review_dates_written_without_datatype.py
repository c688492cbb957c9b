"""A last review date written without its datatype (`cg:lastReviewed "2026-11-01"`, as hand-written Turtle has it).

The question "AI systems overdue for review" left such a system out whatever the date (it subtracted a string from
a date), while validation's review-cadence rule reported it overdue "but its risk level has no review interval",
which was not so. The question now reads the date the value spells, as the evidence questions read expiry dates,
and lists a value that spells no date as it lists a system never reviewed; validation stays strict (the datatype is
reported) and says the value is not a date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from compgraph.checks.reference import validate_graph
from compgraph.checks.validate import validate_store
from compgraph.graph.namespaces import CG, entity_iri
from compgraph.graph.store import GraphStore, LocalStore
from compgraph.questions.queries import run_query
from remote_servers import SERVERS, ServerPool, check_answers

AS_OF = "2026-11-22"
# Medium risk: a review every 183 days.
SYSTEM = URIRef(entity_iri("system", "sys-contract-summariser"))
CADENCE = "Review cadence by risk level"
MESSAGE = (
    "Contract summarisation assistant has a last review date, {}, that is not a date (xsd:date), so it shows no"
    " review and its review is overdue"
)


@pytest.fixture(scope="module")
def demo_graph(demo_store: LocalStore) -> Graph:
    return demo_store.to_graph()


def _with_review(demo_graph: Graph, value: Literal) -> Graph:
    g = Graph()
    g += demo_graph
    g.set((SYSTEM, CG.lastReviewed, value))
    return g


def _store(tmp_path: Path, g: Graph) -> LocalStore:
    store = LocalStore(tmp_path / "store")
    store.replace_graph("urn:x:data", g.serialize(format="nt").encode(), "application/n-triples")
    return store


def _overdue(store: LocalStore) -> dict[str, tuple[str, str]]:
    rows = run_query(store, "overdue-reviews", {"as_of": AS_OF}, keep=False).rows
    return {str(r[0]): (str(r[3] or ""), str(r[5] or "")) for r in rows}


def test_the_question_does_not_list_a_recent_review_written_without_datatype(tmp_path: Path, demo_graph: Graph) -> None:
    store = _store(tmp_path, _with_review(demo_graph, Literal("2026-11-01")))
    assert "sys-contract-summariser" not in _overdue(store)


def test_the_question_lists_an_old_review_written_without_datatype_with_the_time_since(
    tmp_path: Path, demo_graph: Graph
) -> None:
    store = _store(tmp_path, _with_review(demo_graph, Literal("2026-01-01")))
    assert _overdue(store)["sys-contract-summariser"] == ("2026-01-01", "P325D")


def test_the_question_lists_a_review_date_that_is_no_date_as_overdue(tmp_path: Path, demo_graph: Graph) -> None:
    store = _store(tmp_path, _with_review(demo_graph, Literal("last spring")))
    assert _overdue(store)["sys-contract-summariser"] == ("last spring", "")


def test_a_typed_review_date_is_answered_as_before(tmp_path: Path, demo_graph: Graph) -> None:
    store = _store(tmp_path, _with_review(demo_graph, Literal("2026-01-01", datatype=XSD.date)))
    assert _overdue(store)["sys-contract-summariser"] == ("2026-01-01", "P325D")
    store = _store(tmp_path / "b", _with_review(demo_graph, Literal("2026-11-01", datatype=XSD.date)))
    assert "sys-contract-summariser" not in _overdue(store)


@pytest.fixture(params=["sparql", "pyshacl"])
def cadence(request: pytest.FixtureRequest, tmp_path: Path, demo_graph: Graph) -> Iterator[object]:
    """The review-cadence messages about the system, from either engine."""

    def messages(value: Literal) -> set[str]:
        g = _with_review(demo_graph, value)
        if request.param == "pyshacl":
            outcome = validate_graph(g, date.fromisoformat(AS_OF))
        else:
            outcome = validate_store(
                _store(tmp_path / value.replace(" ", "-"), g), date.fromisoformat(AS_OF), save=False
            )
        return {f.message for f in outcome.findings if f.rule == CADENCE and f.focus == str(SYSTEM)}

    yield messages


def test_validation_says_a_review_date_that_is_no_date_is_not_a_date(cadence) -> None:  # noqa: ANN001
    assert cadence(Literal("last spring")) == {MESSAGE.format("last spring")}


def test_validation_stays_strict_about_a_date_written_without_datatype(cadence) -> None:  # noqa: ANN001
    # The structure rule reports the datatype; the cadence rule does not read the value as a date.
    assert cadence(Literal("2026-11-01")) == {MESSAGE.format("2026-11-01")}


def test_validation_still_reads_a_typed_review_date(cadence) -> None:  # noqa: ANN001
    assert cadence(Literal("2026-11-01", datatype=XSD.date)) == set()
    assert cadence(Literal("2026-01-01", datatype=XSD.date)) == {
        "Contract summarisation assistant was last reviewed on 2026-01-01; its review was due by 2026-07-03"
    }


@pytest.mark.remote
@pytest.mark.parametrize("server", SERVERS)
def test_a_sparql_server_lists_overdue_reviews_as_the_embedded_store(
    tmp_path: Path, servers: ServerPool, server: str, demo_graph: Graph
) -> None:
    g = Graph()
    g += demo_graph
    for i, value in enumerate(
        [Literal("2026-11-01"), Literal("2026-01-01"), Literal("last spring"), Literal("2026-01-01", datatype=XSD.date)]
    ):
        node = URIRef(entity_iri("system", f"sys-written-{i}"))
        for p, o in demo_graph.predicate_objects(SYSTEM):
            g.add((node, p, o))
        g.set((node, CG.lastReviewed, value))
        g.set((node, DCTERMS.identifier, Literal(f"sys-written-{i}")))
    data = g.serialize(format="nt").encode()
    local = _store(tmp_path, g)
    remote = servers.get(server).store(gsp=True)
    remote.replace_graph("urn:x:data", data, "application/n-triples")
    expected = run_query(local, "overdue-reviews", {"as_of": AS_OF}, keep=False)
    actual = run_query(remote, "overdue-reviews", {"as_of": AS_OF}, keep=False)
    assert {"sys-written-1", "sys-written-2", "sys-written-3"} <= {str(r[0]) for r in expected.rows}
    check_answers(server, "overdue-reviews", expected.variables, [(actual.rows, expected.rows)])


@pytest.mark.remote
@pytest.mark.parametrize("server", SERVERS)
def test_a_sparql_server_gives_the_review_cadence_findings_of_the_embedded_store(
    tmp_path: Path, servers: ServerPool, server: str, demo_graph: Graph
) -> None:
    g = _with_review(demo_graph, Literal("last spring"))
    remote = servers.get(server).store(gsp=True)
    remote.replace_graph("urn:x:data", g.serialize(format="nt").encode(), "application/n-triples")

    def cadence(store: GraphStore) -> set[tuple[str, str]]:
        outcome = validate_store(store, date.fromisoformat(AS_OF), save=False)
        return {(f.focus, f.message) for f in outcome.findings if f.rule == CADENCE}

    expected = cadence(_store(tmp_path, g))
    assert (str(SYSTEM), MESSAGE.format("last spring")) in expected
    assert cadence(remote) == expected
