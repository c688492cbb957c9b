"""A canned question asked again is answered from the answers kept beside the store, exactly as its query
answers it, and never with an answer from before a write (evidence added, a risk level changed) or while a
validation's scratch graph is in the store."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from compgraph.graph import evidence as ev
from compgraph.graph.store import LocalStore, QueryResult, ResultTooLarge
from compgraph.graph.writes import SCRATCH_PREFIXES, drop_scratch
from compgraph.questions import answers
from compgraph.questions.queries import FORMATS, answer_text, deterministic, format_result, list_queries, run_query
from compgraph.scale import generate as gen
from sparql_fixtures import load_fixture

SHIPPED = [q.name for q in list_queries()]
REFERENCES = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "reference-queries").glob("*.rq"))
AS_OF = "2026-11-22"
CG = "https://w3id.org/compgraph/ontology#"


@pytest.fixture(scope="module")
def medium(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    store = LocalStore(tmp_path_factory.mktemp("kept-medium"))
    gen.load_into(store, gen.Spec.parse("medium", seed=3))
    return store


def params_for(store: LocalStore, name: str) -> dict[str, str]:
    declared = {p.name for p in next(q for q in list_queries() if q.name == name).params}
    params = {"as_of": AS_OF} if "as_of" in declared else {}
    if "obligation" in declared:
        params["obligation"] = first(store, "SELECT ?id WHERE { ?o cg:satisfiedBy ?c ; dcterms:identifier ?id }")
    if "document" in declared:
        params["document"] = first(store, "SELECT ?id WHERE { ?o cg:fromDocument ?d . ?d dcterms:identifier ?id }")
    return params


def first(store: LocalStore, sparql: str) -> str:
    return str(store.select(sparql + " ORDER BY ?id LIMIT 1").rows[0][0])


def from_file_only(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch, name: str, params: dict[str, str]
) -> QueryResult:
    """The answer of a question asked again, with the store refusing to run any query."""

    def refuse(*args: object, **kwargs: object) -> QueryResult:
        raise AssertionError("the question was run again instead of read from the kept answers")

    with monkeypatch.context() as m:
        m.setattr(store, "query", refuse)
        return run_query(store, name, params)


def keep_every_answer(store: LocalStore) -> None:
    for name in SHIPPED:
        run_query(store, name, params_for(store, name))


def assert_every_question_answers_as_its_query(store: LocalStore) -> None:
    for name in SHIPPED:
        params = params_for(store, name)
        expected = run_query(store, name, params, keep=False)
        got = run_query(store, name, params)
        assert got.variables == expected.variables, name
        assert got.rows == expected.rows, name


@pytest.mark.parametrize("reference", REFERENCES, ids=[p.stem for p in REFERENCES])
def test_the_first_form_of_each_rewritten_question_answers_as_the_shipped_one_on_a_medium_organisation(
    medium: LocalStore, reference: Path
) -> None:
    # tests/questions/test_query_equivalence.py holds them equal on the demo and a small organisation.
    params = params_for(medium, reference.stem)
    expected = run_query(medium, reference, params)
    got = run_query(medium, reference.stem, params, keep=False)
    assert got.variables == expected.variables
    assert got.rows == expected.rows


@pytest.mark.parametrize("name", SHIPPED)
def test_a_question_asked_again_is_read_from_the_kept_answers_as_its_query_answers_it(
    demo_store: LocalStore, medium: LocalStore, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    for store in (demo_store, medium):
        params = params_for(store, name)
        expected = run_query(store, name, params, keep=False)
        run_query(store, name, params)
        again = from_file_only(store, monkeypatch, name, params)
        assert again.variables == expected.variables
        assert again.rows == expected.rows
        # Same terms, not only equal ones: a date stays an xsd:date, a count an xsd:integer.
        assert [[(type(t), getattr(t, "datatype", None)) for t in row] for row in again.rows] == [
            [(type(t), getattr(t, "datatype", None)) for t in row] for row in expected.rows
        ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_question_printed_again_is_read_from_the_kept_answers_as_its_query_answer_prints(
    medium: LocalStore, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    params = {"as_of": AS_OF}
    expected = format_result(run_query(medium, "controls-without-current-evidence", params, keep=False), fmt)
    assert answer_text(medium, "controls-without-current-evidence", params, fmt) == expected
    with monkeypatch.context() as m:
        m.setattr(medium, "query", lambda *a, **k: pytest.fail("the question was run again"))
        assert answer_text(medium, "controls-without-current-evidence", params, fmt) == expected


def test_after_evidence_is_added_every_question_answers_as_its_query(medium: LocalStore) -> None:
    keep_every_answer(medium)  # under the state before the write
    control, system = (
        str(x)
        for x in medium.select(
            "SELECT ?cid ?sid WHERE { ?s a cg:AISystem ; cg:implementsControl ?c ; dcterms:identifier ?sid ."
            " ?c dcterms:identifier ?cid } ORDER BY ?sid ?cid LIMIT 1"
        ).rows[0]
    )
    day = date.fromisoformat(AS_OF)
    ev.add(medium, ev.Item("ev-kept-added", "added", control, system, day + timedelta(days=3), day, "0" * 64))
    expiring = run_query(medium, "evidence-expiring-soon", {"as_of": AS_OF})
    assert "ev-kept-added" in {str(row[0]) for row in expiring.rows}
    assert_every_question_answers_as_its_query(medium)


def test_after_a_risk_level_changes_every_question_answers_as_its_query(medium: LocalStore) -> None:
    keep_every_answer(medium)
    high_risk = "SELECT ?s ?g WHERE { GRAPH ?g { ?s cg:riskLevel cg:RiskHigh } } ORDER BY ?s LIMIT 1"
    system, graph = (str(x) for x in medium.select(high_risk).rows[0])
    lines = medium.export("application/n-triples", graph).decode()
    high, lowered = f"<{system}> <{CG}riskLevel> <{CG}RiskHigh>", f"<{system}> <{CG}riskLevel> <{CG}RiskMinimal>"
    medium.replace_graph(graph, lines.replace(high, lowered).encode())
    coverage = run_query(medium, "coverage-by-system")
    assert {str(r[0]) for r in coverage.rows if str(r[2]) == system} == {f"{CG}RiskMinimal"}
    assert_every_question_answers_as_its_query(medium)


def test_while_a_scratch_graph_is_in_the_store_nothing_is_served_or_kept(
    medium: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = run_query(medium, "overdue-reviews", {"as_of": AS_OF})
    scratch = SCRATCH_PREFIXES[0] + "kept-test"
    medium.oxigraph.update(
        f"INSERT DATA {{ GRAPH <{scratch}> {{ <urn:x:sys> a <{CG}AISystem> ; <{CG}riskLevel> <{CG}RiskHigh> }} }}"
    )
    during = run_query(medium, "overdue-reviews", {"as_of": AS_OF})
    assert len(during.rows) == len(before.rows) + 1
    drop_scratch(medium.oxigraph)
    assert from_file_only(medium, monkeypatch, "overdue-reviews", {"as_of": AS_OF}).rows == before.rows


def test_the_kept_answers_file_is_readable_by_its_owner_only(medium: LocalStore) -> None:
    run_query(medium, "overdue-reviews", {"as_of": AS_OF})
    assert (medium.root / "cache" / "answers.sqlite").stat().st_mode & 0o077 == 0


def test_a_kept_answer_larger_than_the_cap_is_refused_as_the_query_would_be(medium: LocalStore) -> None:
    full = run_query(medium, "overdue-reviews", {"as_of": AS_OF})
    assert len(full.rows) > 1
    with pytest.raises(ResultTooLarge):
        run_query(medium, "overdue-reviews", {"as_of": AS_OF}, max_results=1)


def test_a_text_that_may_answer_differently_on_the_same_data_is_never_kept() -> None:
    for text in ("SELECT (NOW() AS ?t) {}", "SELECT (RAND() AS ?r) {}", "SELECT (STRUUID() AS ?u) {}",
                 "SELECT ?s { SERVICE <http://x/> { ?s ?p ?o } }", "SELECT (BNODE() AS ?b) {}"):
        assert not deterministic(text), text
    # The words inside a string, a comment or a prefixed name call nothing.
    assert deterministic('# RAND\nSELECT ?s WHERE { ?s ex:now "NOW()" }')


def test_answers_round_trip_through_the_file_format_term_for_term(demo_store: LocalStore) -> None:
    res = run_query(demo_store, "coverage-by-system", keep=False)
    back = answers.decode(answers.encode(res))
    assert back.rows == res.rows and back.variables == res.variables


def test_the_command_line_answers_a_question_again_after_a_write_as_its_query(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = LocalStore(path)
    load_fixture(store)
    store.close()

    def ask() -> str:
        out = cli(path, "query", "controls-without-current-evidence", "--param", "as_of=2026-03-01")
        assert out.returncode == 0, out.stderr
        return out.stdout

    before = ask()
    assert ask() == before and "CTL-DOC" in before
    document = tmp_path / "documentation.txt"
    document.write_text("technical documentation\n")
    added = cli(path, "evidence", "add", str(document), "--control", "CTL-DOC",
                "--concerns", "hire", "--valid-until", "2027-01-01", "--issued", "2026-02-01")
    assert added.returncode == 0, added.stderr
    after = ask()
    reader = LocalStore(path, read_only=True)
    expected = run_query(reader, "controls-without-current-evidence", {"as_of": "2026-03-01"}, keep=False)
    reader.close()
    assert after == format_result(expected) and "CTL-DOC" not in after


def cli(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compgraph.cli", "--store", str(store), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )


def test_a_damaged_kept_answer_is_run_again_not_served(medium: LocalStore) -> None:
    expected = run_query(medium, "overdue-reviews", {"as_of": AS_OF}, keep=False)
    run_query(medium, "overdue-reviews", {"as_of": AS_OF})
    with sqlite3.connect(medium.root / "cache" / "answers.sqlite") as db:
        assert db.execute("UPDATE answers SET body = ?", (b"not an answer",)).rowcount > 0
    assert run_query(medium, "overdue-reviews", {"as_of": AS_OF}).rows == expected.rows


def test_a_store_made_anew_at_the_same_path_keeps_its_answers_in_its_own_file(tmp_path: Path) -> None:
    path = tmp_path / "store"
    first = LocalStore(path)
    load_fixture(first)
    run_query(first, "overdue-reviews", {"as_of": "2026-03-01"})
    first.close()
    shutil.rmtree(path)
    again = LocalStore(path)
    load_fixture(again)
    again.drop_graph(again.graph_names()[-1])
    expected = run_query(again, "overdue-reviews", {"as_of": "2026-03-01"}, keep=False)
    assert run_query(again, "overdue-reviews", {"as_of": "2026-03-01"}).rows == expected.rows
    assert (path / "cache" / "answers.sqlite").is_file()
