"""Canned questions: each one answers exactly the expected rows on a small graph; parameters are typed."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from rdflib import Literal, URIRef, Variable
from rdflib.plugins.sparql.results.tsvresults import TSVResultParser
from rdflib.query import Result

from compgraph.graph.store import LocalStore, QueryResult
from compgraph.questions import queries as q
from sparql_fixtures import AS_OF, EXPECTED, load_fixture, rows

REPO = Path(__file__).resolve().parents[2]
QUERY_DIR = REPO / "ontology" / "queries"
# Plain strings: pytest probing an rdflib ClosedNamespace at module level only produces warnings.
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    s = LocalStore(tmp_path_factory.mktemp("sparql-fixture"))
    load_fixture(s)
    return s


def test_every_shipped_query_has_a_title_and_an_expectation() -> None:
    found = q.list_queries()
    names = {x.name for x in found}
    assert names == {p.stem for p in QUERY_DIR.glob("*.rq")}
    # A question nobody checks is a question nobody notices breaking.
    assert names == set(EXPECTED)
    for canned in found:
        assert canned.title and canned.title != canned.name, canned.name
        assert canned.description, canned.name
        assert canned.form == "SELECT", canned.name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_canned_question_answers_exactly(store: LocalStore, name: str) -> None:
    params, columns, expected = EXPECTED[name]
    assert rows(q.run_query(store, name, params), columns) == expected


def test_coverage_percentages(store: LocalStore) -> None:
    res = q.run_query(store, "coverage-by-system")
    got = {d["systemId"]: float(d["coverage"]) for d in res.values()}
    assert got == {"gamma-high": 0.0, "beta-high": 16.7, "score": 42.9, "hire": 85.7, "chat": 42.9}


def test_optional_parameter_left_out_matches_everything(store: LocalStore) -> None:
    res = q.run_query(store, "obligations-without-controls")
    orgs = {d["org"].rsplit("/", 1)[-1] for d in res.values()}
    assert orgs == {"acme", "beta", "gamma"}
    # The policy nobody is subject to never shows up, however unmapped it is.
    assert "POL-01-01" not in {d["obligationId"] for d in res.values()}


def test_modality_filter(store: LocalStore) -> None:
    res = q.run_query(store, "document-obligations", {"document": "reg", "modality": "prohibition"})
    assert rows(res, ["obligationId"]) == [("REG-01-05",)]


def test_as_of_moves_the_answer(store: LocalStore) -> None:
    # A day later the chat banner evidence (valid until 2026-03-01) has expired too.
    res = q.run_query(store, "controls-without-current-evidence", {"as_of": "2026-03-02"})
    assert ("CTL-TN", "chat", "expired") in rows(res, ["controlId", "implementerId", "status"])


def test_today_is_the_default_date() -> None:
    canned = q.get_query("controls-without-current-evidence")
    assert f'"{date.today().isoformat()}"^^<{XSD_DATE}>' in canned.bind({})


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("controls-without-current-evidence", {"as_of": "2026-13-01"}, "parameter 'as_of': '2026-13-01' is not a date"),
        ("controls-without-current-evidence", {"as_of": "20260301"}, "parameter 'as_of'"),
        ("evidence-expiring-soon", {"days": "thirty"}, "parameter 'days': 'thirty' is not an integer"),
        ("obligation-trace", {}, "parameter 'obligation' is required"),
        ("obligation-trace", {"obligation": "X", "bogus": "1"}, "unknown parameter 'bogus'"),
    ],
)
def test_parameter_errors_name_the_parameter(store: LocalStore, name: str, params: dict, message: str) -> None:
    with pytest.raises(q.ParameterError, match=message):
        q.run_query(store, name, params)


def test_injection_is_just_a_string(store: LocalStore) -> None:
    # The value becomes one escaped literal, so this matches no identifier instead of rewriting the query.
    evil = 'REG-01-01" } UNION { ?o ?p ?q } #'
    canned = q.get_query("obligation-trace")
    assert Literal(evil).n3() in canned.bind({"obligation": evil})
    assert q.run_query(store, "obligation-trace", {"obligation": evil, "as_of": AS_OF}).rows == []


def test_substitution_skips_strings_iris_and_comments() -> None:
    canned = q.parse_query(
        '# param: x integer 5\nSELECT * WHERE { ?s <http://e/?x> "?x" . # ?x\n FILTER(?s = ?x || $x = 1) }'
    )
    text = canned.bind({})
    five = Literal(5, datatype=URIRef(XSD_INTEGER)).n3()
    assert text.count(five) == 2
    assert '<http://e/?x> "?x" . # ?x' in text


def test_typed_values() -> None:
    p = q.Param("v", "iri", "required")
    assert p.term("https://w3id.org/compgraph/id/system/hire") == URIRef("https://w3id.org/compgraph/id/system/hire")
    with pytest.raises(q.ParameterError, match="not an absolute IRI"):
        p.term("http://x> } DROP ALL {")
    assert q.Param("b", "boolean", "false").term(None) == Literal(False)
    assert q.Param("d", "decimal", "required").term("1.50") == Literal("1.50", datatype=URIRef(XSD_DECIMAL))


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("# param: x when today\n", "unknown type 'when'"),
        ("# param: x date\n", "needs a name, a type and a default"),
        ("# param: x integer many\n", "default of parameter 'x'"),
        ("# param: y integer 1\n", "'y' is not a variable of the query"),
    ],
)
def test_malformed_headers(header: str, message: str) -> None:
    with pytest.raises(q.QueryError, match=message):
        q.parse_query(header + "SELECT * WHERE { ?x ?p ?o }")


def test_names_files_and_text(store: LocalStore, tmp_path: Path) -> None:
    f = tmp_path / "mine.rq"
    f.write_text("# title: mine\n# param: id string required\nSELECT ?s WHERE { ?s dcterms:identifier ?id }\n")
    assert [str(r[0]) for r in q.run_query(store, str(f), {"id": "hire"}).rows] == [
        "https://w3id.org/compgraph/id/system/hire"
    ]
    assert q.run_query(store, "ASK { sys:hire a cg:AISystem }").boolean is True
    with pytest.raises(q.UnknownQuery, match="no canned query 'no-such-question'.*known: "):
        q.run_query(store, "no-such-question")


# --- formats --------------------------------------------------------------------------------------


def _select() -> QueryResult:
    return QueryResult(
        "SELECT",
        variables=["s", "label", "n", "missing"],
        rows=[
            (URIRef("https://w3id.org/compgraph/id/system/hire"), Literal('tab\there, "quoted"'), Literal(3), None),
            (URIRef("https://w3id.org/compgraph/id/system/chat"), Literal("chat", lang="en"), Literal(1), None),
        ],
    )


def test_json_is_sparql_results_json() -> None:
    body = json.loads(q.format_result(_select(), "json"))
    assert body["head"]["vars"] == ["s", "label", "n", "missing"]
    first = body["results"]["bindings"][0]
    assert first["s"] == {"type": "uri", "value": "https://w3id.org/compgraph/id/system/hire"}
    assert first["n"] == {"type": "literal", "value": "3", "datatype": XSD_INTEGER}
    assert "missing" not in first
    assert json.loads(q.format_result(QueryResult("ASK", boolean=True), "json"))["boolean"] is True


def test_csv_follows_the_spec() -> None:
    text = q.format_result(_select(), "csv")
    assert text.startswith("s,label,n,missing\r\n")
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed[1] == ["https://w3id.org/compgraph/id/system/hire", 'tab\there, "quoted"', "3", ""]


def test_tsv_round_trips_through_rdflib() -> None:
    text = q.format_result(_select(), "tsv")
    assert text.splitlines()[0] == "?s\t?label\t?n\t?missing"
    parsed = TSVResultParser().parse(io.StringIO(text))
    first = parsed.bindings[0]
    assert str(first[Variable("label")]) == 'tab\there, "quoted"'
    assert first[Variable("n")] == Literal(3)
    assert parsed.bindings[1][Variable("label")] == Literal("chat", lang="en")


def test_table_shortens_iris(store: LocalStore) -> None:
    text = q.format_result(q.run_query(store, "high-risk-without-human-oversight"), "table")
    assert "sys:score" in text and text.rstrip().endswith("(2 rows)")
    assert q.format_result(QueryResult("ASK", boolean=False), "table") == "no\n"
    with pytest.raises(ValueError, match="unknown format"):
        q.format_result(_select(), "yaml")


def test_xml_keeps_falsy_literals() -> None:
    # rdflib's own XML results writer drops 0 and false; ours must not.
    zero = QueryResult("SELECT", variables=["n", "b"], rows=[(Literal(0), Literal(False))])
    parsed = Result.parse(io.BytesIO(q.serialize(zero, "application/sparql-results+xml")), format="xml")
    assert parsed.bindings[0][Variable("n")] == Literal(0)
    assert parsed.bindings[0][Variable("b")] == Literal(False)


# --- the command line -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli-store") / "store"
    s = LocalStore(path)
    load_fixture(s)
    s.close()
    return str(path)


def _cli(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    # A real process: the embedded store's RocksDB lock is per process, and the command keeps its store open.
    return subprocess.run(
        [sys.executable, "-m", "compgraph.cli", *args], input=stdin, capture_output=True, text=True, timeout=120
    )


def test_cli_lists_and_runs_queries(store_dir: str) -> None:
    listed = _cli(["--store", store_dir, "queries"])
    assert listed.returncode == 0, listed.stdout
    assert "obligation-trace: Full trace of one obligation" in listed.stdout
    assert "--param as_of=<date> [default: today]" in listed.stdout

    csv_out = _cli(["--store", store_dir, "query", "high-risk-without-human-oversight", "--format", "csv"])
    assert csv_out.returncode == 0, csv_out.stdout
    assert [r[1] for r in csv.reader(io.StringIO(csv_out.stdout))][1:] == ["score", "gamma-high"]

    args = ["--store", store_dir, "query", "obligation-trace", "-p", "obligation=REG-01-01", "-p", f"as_of={AS_OF}"]
    as_json = _cli([*args, "--format", "json"])
    assert as_json.returncode == 0, as_json.stdout
    assert len(json.loads(as_json.stdout)["results"]["bindings"]) == 3

    piped = _cli(["--store", store_dir, "query", "-"], stdin="SELECT ?id WHERE { sys:chat dcterms:identifier ?id }")
    assert piped.returncode == 0 and "chat" in piped.stdout and "(1 row)" in piped.stdout


def test_cli_bad_parameter_is_one_line_and_exit_2(store_dir: str) -> None:
    res = _cli(["--store", store_dir, "query", "overdue-reviews", "-p", "as_of=yesterday"])
    assert res.returncode == 2
    assert res.stderr.strip() == "Error: parameter 'as_of': 'yesterday' is not a date (YYYY-MM-DD)"
