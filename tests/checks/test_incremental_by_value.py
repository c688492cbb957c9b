"""Incremental validation read again per value: a change that reaches many focus nodes but few values (a mapping
accepted reaches every organisation subject to the obligation's document, but one obligation) reads again only
the rows of those values (``affected.by_value``), and the findings stay a full run's."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node
from test_incremental import AS_OF

from compgraph.checks import incremental
from compgraph.checks.affected import VALUE, by_value, entries_of
from compgraph.checks.incremental import validate_incremental
from compgraph.checks.report import Finding
from compgraph.checks.shapes import load_shapes
from compgraph.checks.sparql.plan import Query
from compgraph.checks.sparql.run import distinct_rows, run_graph
from compgraph.checks.validate import validate_store
from compgraph.graph.build import build
from compgraph.graph.namespaces import CG, sparql_prefixes
from compgraph.graph.store import LocalStore

IMPLEMENTED = "Binding obligation is implemented with current evidence"


@pytest.fixture()
def store(tmp_path) -> LocalStore:  # noqa: ANN001
    s = LocalStore(tmp_path / "store")
    build(s)
    return s


def _map_a_finding_away(store: LocalStore) -> tuple[str, str]:
    """An obligation reported as not implemented gets a control its organisation implements with current evidence
    as a mapping: its finding goes. Returns (obligation, control)."""
    shapes = load_shapes()
    findings = validate_store(store, AS_OF, shapes, save=False).findings
    for f in (f for f in findings if f.rule == IMPLEMENTED):
        rows = store.select(
            f"SELECT ?c WHERE {{ <{f.focus}> cg:implementsControl ?c . ?e cg:evidenceFor ?c ; cg:concerns <{f.focus}> ;"
            f" cg:validUntil ?u . FILTER (?u >= \"{AS_OF.isoformat()}\"^^xsd:date) }} LIMIT 1").rows
        if rows:
            control = str(rows[0][0])
            store.replace_graph("https://w3id.org/compgraph/graph/test/accepted-mapping",
                                f"<{f.value}> <{CG}satisfiedBy> <{control}> .\n".encode())
            return str(f.value), control
    raise AssertionError("no finding of the rule has a control with current evidence to map")


def test_a_mapping_accepted_reads_again_only_its_obligations_rows_and_the_findings_are_a_full_runs(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch,
) -> None:
    shapes = load_shapes()
    validate_incremental(store, AS_OF, shapes, save=False)
    obligation, _ = _map_a_finding_away(store)
    whole: list[str] = []
    real = incremental.rows_per_query

    def recorded(st: LocalStore, queries: list[Query]) -> list[list[dict[str, Node | None]]]:
        whole.extend(str(q.constraint) for q in queries)
        return real(st, queries)

    monkeypatch.setattr(incremental, "rows_per_query", recorded)
    inc = validate_incremental(store, AS_OF, shapes, save=False)
    assert inc.outcome.findings == validate_store(store, AS_OF, shapes, save=False).findings
    assert not any(f.rule == IMPLEMENTED and str(f.value) == obligation for f in inc.outcome.findings)
    # The organisation is the demo's only one, so reached: "many" focus nodes; the rule is read for one value.
    assert inc.focused > 0 and not any(c.endswith("ImplementedObligationRule") for c in whole)


def test_values_left_out_would_keep_a_mapped_obligations_finding(store: LocalStore,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison above can fail: with no value read again, the kept rows stand and the finding stays."""
    shapes = load_shapes()
    validate_incremental(store, AS_OF, shapes, save=False)
    real = incremental.focus_nodes
    monkeypatch.setattr(incremental, "focus_nodes",
                        lambda q, e, c, target=incremental.THIS: set() if target == VALUE else real(q, e, c, target))
    obligation, _ = _map_a_finding_away(store)
    inc = validate_incremental(store, AS_OF, shapes, save=False)
    assert any(f.rule == IMPLEMENTED and str(f.value) == obligation for f in inc.outcome.findings)
    assert inc.outcome.findings != validate_store(store, AS_OF, shapes, save=False).findings


def test_every_query_read_by_value_gives_the_whole_querys_rows_of_those_values(store: LocalStore) -> None:
    shapes = load_shapes()
    p, _, _, _, plain, _ = incremental._prepared(shapes, False)
    tried = 0
    with run_graph(store, AS_OF):
        for q, form in zip(p.queries, plain, strict=True):
            if form is None or entries_of(sparql_prefixes() + form.sparql, VALUE) is None:
                continue
            whole = distinct_rows(q, store.query(sparql_prefixes() + form.sparql).dicts())
            values = sorted({d["value"] for d in whole if d.get("value") is not None})[:3]
            if not values:
                continue
            text = by_value(form.sparql, [v.n3() for v in values])
            got = distinct_rows(q, store.query(sparql_prefixes() + text).dicts())
            expected = [d for d in whole if d.get("value") in values]
            assert {frozenset(d.items()) for d in got} == {frozenset(d.items()) for d in expected}, q.constraint
            tried += 1
    assert tried >= 3


def test_a_value_a_row_may_leave_unbound_names_no_rows() -> None:
    assert entries_of("SELECT ?this ?value WHERE { ?this <http://x/p> ?a OPTIONAL { ?a <http://x/q> ?value } }",
                      VALUE) is None
    assert entries_of("SELECT ?this ?value WHERE { ?this <http://x/p> ?value }", VALUE) is not None


def test_a_change_reaches_the_values_through_the_patterns_its_solution_matches() -> None:
    entries = entries_of("SELECT ?this ?value WHERE { ?this <http://x/p> ?d . ?value <http://x/from> ?d . "
                         "MINUS { ?value <http://x/by> ?c . ?e <http://x/for> ?c } }", VALUE)
    assert entries is not None
    by_pred = {e.predicate: e for e in entries}
    assert by_pred["http://x/by"].side == "s" and by_pred["http://x/by"].query == ""
    assert by_pred["http://x/for"].side == "o" and "?value <http://x/by> ?_changed" in by_pred["http://x/for"].query


def test_a_minus_group_and_a_sub_select_that_bind_the_value_get_its_values() -> None:
    query = ("SELECT ?this ?value WHERE { ?this <http://x/p> ?value . { SELECT DISTINCT ?value WHERE { "
             "?value <http://x/q> ?m } } MINUS { ?value <http://x/r> ?c } MINUS { ?other <http://x/s> ?c } "
             "{ SELECT ?this WHERE { ?value <http://x/t> ?this } } OPTIONAL { ?value <http://x/u> ?o } }")
    text = " ".join(by_value(query, ["<http://x/a>"]).split())
    assert text.count("VALUES ?value { <http://x/a> }") == 3  # the outer group, the sub-select, the first MINUS
    assert "MINUS { ?other" in text  # ?value unbound there: a VALUES would bind it
    assert "{ SELECT ?this WHERE { ?value" in text  # that sub-select's ?value is its own
    assert "OPTIONAL { ?value" in text


def test_a_minus_sub_select_is_read_inline_only_where_its_own_variables_are_seen_nowhere_else() -> None:
    inner = "{ SELECT DISTINCT ?c ?this WHERE { ?e <http://x/for> ?c ; <http://x/on> ?this . FILTER (?e != 1) } }"
    query = f"SELECT ?this ?value WHERE {{ ?this <http://x/p> ?value . MINUS {{ ?value <http://x/by> ?c . {inner} }} }}"
    assert "SELECT DISTINCT ?c ?this" not in by_value(query, ["<http://x/a>"])
    seen = query.replace("?this <http://x/p> ?value .", "?this <http://x/p> ?value ; <http://x/w> ?e .")
    assert "SELECT DISTINCT ?c ?this" in by_value(seen, ["<http://x/a>"])
    optional = query.replace("FILTER (?e != 1)", "OPTIONAL { ?e <http://x/z> ?this }")
    assert "SELECT DISTINCT ?c ?this" in by_value(optional, ["<http://x/a>"])


def test_after_a_mapping_only_the_mapped_obligations_findings_are_made_again(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch,
) -> None:
    shapes = load_shapes()
    validate_incremental(store, AS_OF, shapes, save=False)
    _map_a_finding_away(store)
    made: dict[str, int] = {}
    real = incremental._made

    def counted(sh: Graph, q: Query, rows: list[dict[str, Node | None]], labels: dict[Node, str]) -> list[Finding]:
        made[str(q.constraint)] = made.get(str(q.constraint), 0) + len(rows)
        return real(sh, q, rows, labels)

    monkeypatch.setattr(incremental, "_made", counted)
    inc = validate_incremental(store, AS_OF, shapes, save=False)
    assert inc.outcome.findings == validate_store(store, AS_OF, shapes, save=False).findings
    rule = next(c for c in made if c.endswith("ImplementedObligationRule"))
    rows = sum(1 for f in validate_store(store, AS_OF, shapes, save=False).findings if f.rule == IMPLEMENTED)
    assert made[rule] < rows  # the rows of the one mapped obligation, not every row of the rule


def test_a_literal_spelling_a_read_value_makes_the_querys_findings_again() -> None:
    """A finding names its value as text: one of a literal "urn:x" cannot be told from one of <urn:x> by it."""
    shapes = load_shapes()
    p, *_ = incremental._prepared(shapes, False)
    q = next(q for q in p.queries if str(q.constraint).endswith("ImplementedObligationRule"))
    org = URIRef("urn:org")
    rows: list[dict[str, Node | None]] = [{"this": org, "value": URIRef("urn:x"), "id": Literal("1")},
                                          {"this": org, "value": Literal("urn:x"), "id": Literal("2")}]
    got = incremental._values_made(shapes, q, rows, {}, [], {URIRef("urn:x")})
    assert len(got) == 2


def test_a_sub_select_counting_with_a_star_keeps_its_own_value() -> None:
    """``COUNT(*)`` names no variable: the sub-select projects only its count, so its ?value is its own."""
    query = ("SELECT ?this ?value ?n WHERE { ?this <http://x/p> ?value . "
             "{ SELECT (COUNT(*) AS ?n) WHERE { ?value <http://x/q> ?m } } }")
    text = " ".join(by_value(query, ["<http://x/a>"]).split())
    assert text.count("VALUES ?value") == 1
