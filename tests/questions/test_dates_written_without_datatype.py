"""An expiry date written without its datatype (`cg:validUntil "2026-12-01"`, as hand-written Turtle often has it)
is read as the date it spells everywhere: coverage, the trace and the exports always did, while three canned
questions and the dashboard's tiles did not, so they contradicted the coverage beside them ("no evidence" for a
control coverage counted as covered, an expiring record missing from the renewals list, a trace row with no status).
Validation still reports the missing datatype. A value that spells no date ("soon") proves nothing, and the trace
question says so instead of leaving the status empty (or, in rdflib, calling it current)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from compgraph.graph.store import GraphStore, LocalStore
from compgraph.questions.coverage import latest_until
from compgraph.questions.queries import run_query
from compgraph.scale.bench import RdflibStore
from compgraph.web.pageinfo import evidence_figures
from remote_servers import SERVERS, ServerPool, check_answers

CG = "https://w3id.org/compgraph/ontology#"
ID = "http://purl.org/dc/terms/identifier"
AS_OF = "2026-11-22"


def _graph(until: str) -> str:
    return (
        f'<urn:sys> <{CG}implementsControl> <urn:ctl> .\n<urn:sys> <{ID}> "SYS" .\n<urn:ctl> <{ID}> "CTL" .\n'
        f'<urn:e1> <{CG}concerns> <urn:sys> .\n<urn:e1> <{CG}evidenceFor> <urn:ctl> .\n<urn:e1> <{ID}> "E1" .\n'
        f'<urn:e1> <http://www.w3.org/2000/01/rdf-schema#label> "Evidence one" .\n'
        f"<urn:e1> <{CG}validUntil> {until} .\n"
        f'<urn:o> <{ID}> "O1" .\n<urn:o> <{CG}fromDocument> <urn:d> .\n<urn:o> <{CG}satisfiedBy> <urn:ctl> .\n'
    )


@pytest.fixture(params=["oxigraph", "rdflib"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """Where the questions run: the embedded store, or rdflib (the questions stay plain SPARQL 1.1)."""

    def load(until: str) -> GraphStore:
        store = LocalStore(tmp_path / "store")
        store.replace_graph("urn:x:g", _graph(until).encode())
        return RdflibStore(store.to_graph()) if request.param == "rdflib" else store  # type: ignore[return-value]

    yield load


def _without_evidence(store: GraphStore) -> list[tuple[str, str]]:
    rows = run_query(store, "controls-without-current-evidence", {"as_of": AS_OF}, keep=False).rows
    return [(str(r[4]), str(r[5])) for r in rows]


def _trace_status(store: GraphStore) -> list[str]:
    rows = run_query(store, "obligation-trace", {"as_of": AS_OF, "obligation": "O1"}, keep=False).rows
    return [str(r[-1]) for r in rows]


def test_a_current_date_without_datatype_covers_the_control(engine) -> None:  # noqa: ANN001
    assert _without_evidence(engine('"2099-01-01"')) == []


def test_a_past_date_without_datatype_leaves_the_control_expired_on_that_date(engine) -> None:  # noqa: ANN001
    assert _without_evidence(engine('"2020-01-01"')) == [("expired", "2020-01-01")]


def test_the_trace_question_reads_a_date_without_datatype(engine) -> None:  # noqa: ANN001
    assert _trace_status(engine('"2099-01-01"')) == ["current"]
    assert _trace_status(engine('"2020-01-01"')) == ["expired"]


def test_the_trace_question_says_when_an_expiry_is_no_date(engine) -> None:  # noqa: ANN001
    # Oxigraph left the status empty; rdflib compares "soon" with a date as true and said "current".
    assert _trace_status(engine('"soon"')) == ["no readable expiry date"]


def test_an_expiry_that_is_no_date_is_not_listed_as_expiring_in_either_engine(engine) -> None:  # noqa: ANN001
    # rdflib recursed without end subtracting the date from a string once the question read such values.
    assert run_query(engine('"soon"'), "evidence-expiring-soon", {"as_of": AS_OF}, keep=False).rows == []


def test_a_date_without_datatype_inside_the_window_is_listed_as_expiring(tmp_path: Path) -> None:
    # Oxigraph only: rdflib does not subtract xsd:date values (test_query_equivalence.RDFLIB_LIMITS).
    store = LocalStore(tmp_path / "store")
    store.replace_graph("urn:x:g", _graph('"2026-12-01"').encode())
    rows = run_query(store, "evidence-expiring-soon", {"as_of": AS_OF, "days": "30"}, keep=False).rows
    assert [(str(r[0]), str(r[3]), str(r[4])) for r in rows] == [("E1", "2026-12-01", "P9D")]


def test_the_question_and_coverage_agree_on_a_date_without_datatype(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    store.replace_graph("urn:x:g", _graph('"2099-01-01"').encode())
    assert latest_until(store) == {("urn:sys", "urn:ctl"): date(2099, 1, 1)}
    assert _without_evidence(store) == []


def test_the_dashboard_tiles_count_a_date_without_datatype_and_not_as_undated(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    records = (f'<urn:e:a> <{CG}validUntil> "2026-12-01" .\n<urn:e:b> <{CG}validUntil> "2026-01-01" .\n'
               f'<urn:e:c> <{CG}validUntil> "soon" .\n<urn:e:d> <{CG}validUntil> "2026-13-01" .\n')
    store.replace_graph("urn:x:g", records.encode())
    assert evidence_figures(store, date(2026, 11, 22)) == {"expiring": 1, "expired": 1, "undated": 2, "total": 4}


MIXED = "".join(
    f'<urn:s{i}> <{CG}implementsControl> <urn:c{i}> .\n<urn:s{i}> <{ID}> "S{i}" .\n<urn:c{i}> <{ID}> "C{i}" .\n'
    f'<urn:o> <{CG}satisfiedBy> <urn:c{i}> .\n<urn:e{i}> <{ID}> "E{i}" .\n'
    f"<urn:e{i}> <{CG}concerns> <urn:s{i}> .\n<urn:e{i}> <{CG}evidenceFor> <urn:c{i}> .\n"
    f"<urn:e{i}> <{CG}validUntil> {v} .\n"
    for i, v in enumerate(['"2026-12-01"^^<http://www.w3.org/2001/XMLSchema#date>', '"2026-12-02"', '"2020-01-01"',
                           '"soon"', '"2026-13-01"'])
) + f'<urn:o> <{ID}> "O1" .\n<urn:o> <{CG}fromDocument> <urn:d> .\n'
QUESTIONS = {
    "controls-without-current-evidence": {"as_of": AS_OF},
    "obligation-trace": {"as_of": AS_OF, "obligation": "O1"},
    "evidence-expiring-soon": {"as_of": AS_OF, "days": "30"},
}


@pytest.mark.remote
@pytest.mark.parametrize("question", sorted(QUESTIONS))
@pytest.mark.parametrize("server", SERVERS)
def test_a_sparql_server_answers_as_the_embedded_store_over_dates_and_non_dates(
    tmp_path: Path, servers: ServerPool, server: str, question: str
) -> None:
    # Virtuoso 7.2 stopped (the whole server) when the question subtracted a date STRDT had made.
    local = LocalStore(tmp_path / "store")
    local.replace_graph("urn:x:g", MIXED.encode())
    remote = servers.get(server).store(gsp=True)
    remote.replace_graph("urn:x:g", MIXED.encode(), "application/n-triples")
    expected = run_query(local, question, QUESTIONS[question], keep=False)
    actual = run_query(remote, question, QUESTIONS[question], keep=False)
    assert expected.rows, "the fixture must give the question something to answer"
    check_answers(server, question, expected.variables, [(actual.rows, expected.rows)])


@pytest.mark.remote
@pytest.mark.parametrize("server", SERVERS)
def test_a_sparql_servers_dashboard_tiles_count_as_the_embedded_stores(
    tmp_path: Path, servers: ServerPool, server: str
) -> None:
    # Virtuoso 7.2 took "soon" and "2026-12-01" for dates before any date, and a comparison with an unbound value for
    # true: its tiles said 4 expired, then 4 expiring, of these five records.
    records = (f'<urn:e:a> <{CG}validUntil> "2026-12-01" .\n<urn:e:b> <{CG}validUntil> "2026-01-01" .\n'
               f'<urn:e:c> <{CG}validUntil> "soon" .\n<urn:e:d> <{CG}validUntil> "2026-13-01" .\n'
               f'<urn:e:e> <{CG}validUntil> "2026-12-05"^^<http://www.w3.org/2001/XMLSchema#date> .\n')
    local = LocalStore(tmp_path / "store")
    local.replace_graph("urn:x:g", records.encode())
    remote = servers.get(server).store(gsp=True)
    remote.replace_graph("urn:x:tiles", records.encode(), "application/n-triples")
    remote.replace_graph("urn:x:g", b"", "application/n-triples")
    expected = {"expiring": 2, "expired": 1, "undated": 2, "total": 5}
    assert evidence_figures(local, date(2026, 11, 22)) == expected
    assert evidence_figures(remote, date(2026, 11, 22)) == expected
