"""Probes: one ASK per path and constraint over every subject, asked before the queries it can settle.

A core constraint's batched query joins its focus nodes with the values that break the constraint anywhere
(``Query.probe``); when no value anywhere breaks it, neither form of the query has a row, and every shape with the
same path and constraint is settled by the one answer. The run asks a probe only where it is cheap next to the
queries it settles (``run.probes_to_run``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from compgraph.checks.sparql import run as sparql_run
from compgraph.checks.sparql.plan import Query, plan
from compgraph.checks.validate import validate_store
from compgraph.graph.namespaces import sparql_prefixes
from compgraph.graph.store import LocalStore

SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <urn:ex:> .
ex:S a sh:NodeShape ; sh:targetClass ex:C ;
  sh:property [ sh:path ex:p ; sh:maxCount 1 ] ;
  sh:property [ sh:path ex:d ; sh:datatype xsd:integer ; sh:minInclusive 2 ] ;
  sh:property [ sh:path ex:k ; sh:class ex:K ] ;
  sh:property [ sh:path ex:s ; sh:pattern "^ok" ; sh:in ( "ok1" "ok2" "bad" ) ; sh:maxLength 3 ] ;
  sh:property [ sh:path ( ex:p ex:d ) ; sh:maxCount 1 ; sh:nodeKind sh:Literal ] .
ex:T a sh:NodeShape ; sh:targetClass ex:D ;
  sh:property [ sh:path ex:d ; sh:datatype xsd:integer ] ;
  sh:property [ sh:path ex:p ; sh:maxCount 2 ] .
"""

XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# f1, f2 are focus nodes of ex:S, g1 of ex:T; o1 is no focus node and breaks constraints too.
DATA = f"""
<urn:ex:f1> <{TYPE}> <urn:ex:C> .
<urn:ex:f2> <{TYPE}> <urn:ex:C> .
<urn:ex:g1> <{TYPE}> <urn:ex:D> .
<urn:ex:f1> <urn:ex:p> <urn:ex:a> .
<urn:ex:f1> <urn:ex:p> <urn:ex:b> .
<urn:ex:f2> <urn:ex:p> <urn:ex:a> .
<urn:ex:a> <urn:ex:d> "1"^^<{XSD}integer> .
<urn:ex:a> <urn:ex:d> "x" .
<urn:ex:f1> <urn:ex:d> "one" .
<urn:ex:f2> <urn:ex:d> "3"^^<{XSD}integer> .
<urn:ex:g1> <urn:ex:d> "two" .
<urn:ex:f1> <urn:ex:k> <urn:ex:k1> .
<urn:ex:f2> <urn:ex:k> <urn:ex:k2> .
<urn:ex:k1> <{TYPE}> <urn:ex:K> .
<urn:ex:f1> <urn:ex:s> "ok1" .
<urn:ex:f2> <urn:ex:s> "bad1" .
<urn:ex:b> <urn:ex:d> <urn:ex:iri> .
<urn:ex:g1> <urn:ex:p> <urn:ex:a> .
<urn:ex:g1> <urn:ex:p> <urn:ex:b> .
<urn:ex:g1> <urn:ex:p> <urn:ex:c> .
<urn:ex:o1> <urn:ex:s> "none" .
<urn:ex:o1> <urn:ex:p> <urn:ex:a> .
<urn:ex:o1> <urn:ex:p> <urn:ex:b> .
<urn:ex:o1> <urn:ex:p> <urn:ex:c> .
"""


def _store(tmp: Path, data: str) -> LocalStore:
    s = LocalStore(tmp / "store")
    s.replace_graph("urn:g", data.encode())
    return s


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStore]:
    s = _store(Path(tmp_path_factory.mktemp("probes")), DATA)
    yield s
    s.close()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(data=SHAPES, format="turtle")


@pytest.fixture(scope="module")
def queries(shapes: Graph) -> list[Query]:
    return plan(shapes).queries


def _query(shapes: Graph, node_shape: str, path: str, component: str) -> Query:
    """The query of ``node_shape``'s property shape on ``path`` for one constraint component."""
    props = set(shapes.objects(URIRef(node_shape), SH.property))
    (q,) = [
        q
        for q in plan(shapes).queries
        if q.shape in props and str(q.path) == path and str(q.component) == f"{SH}{component}ConstraintComponent"
    ]
    return q


def _rows(store: LocalStore, text: str | None) -> list[tuple[str, ...]]:
    return sorted(tuple(str(t) for t in r) for r in store.query(sparql_prefixes() + (text or "")).rows)


def test_a_query_with_rows_in_either_form_has_a_probe_that_finds_something(
    store: LocalStore, queries: list[Query]
) -> None:
    probed = [q for q in queries if q.probe is not None]
    for q in probed:
        if _rows(store, q.sparql) or _rows(store, q.few_sparql):
            assert sparql_run.probe_answer(store, q.probe), q.sparql  # type: ignore[arg-type]


def test_the_fixture_gives_rows_to_every_probed_query(store: LocalStore, queries: list[Query]) -> None:
    # Guards the test above: with no rows it would check nothing.
    probed = [q for q in queries if q.probe is not None]
    assert len(probed) >= 8
    assert all(_rows(store, q.sparql) for q in probed)


def test_shapes_with_the_same_path_and_constraint_share_one_probe(shapes: Graph) -> None:
    s, t = (_query(shapes, shape, "urn:ex:d", "Datatype") for shape in ("urn:ex:S", "urn:ex:T"))
    assert s.probe is not None and s.probe == t.probe
    assert _query(shapes, "urn:ex:S", "urn:ex:d", "MinInclusive").probe != s.probe


def test_a_maxcount_probe_names_its_count(queries: list[Query]) -> None:
    maxcounts = {q.probe for q in queries if str(q.component).endswith("MaxCountConstraintComponent")}
    # ex:p at most 1 (S) and at most 2 (T), and the path ex:p/ex:d: three different questions.
    assert len(maxcounts) == 3 and None not in maxcounts


def test_a_probe_settles_its_queries_only_when_nothing_anywhere_breaks_the_constraint(tmp_path: Path) -> None:
    clean = f'<urn:ex:f1> <{TYPE}> <urn:ex:C> .\n<urn:ex:f1> <urn:ex:d> "5"^^<{XSD}integer> .\n'
    s = _store(tmp_path, clean + '<urn:ex:o1> <urn:ex:d> "x" .\n')
    try:
        q = _query(Graph().parse(data=SHAPES, format="turtle"), "urn:ex:T", "urn:ex:d", "Datatype")
        assert sparql_run.probe_answer(s, q.probe)  # type: ignore[arg-type]
        s.replace_graph("urn:g", clean.encode())
        assert not sparql_run.probe_answer(s, q.probe)  # type: ignore[arg-type]
    finally:
        s.close()


def test_a_probe_for_a_few_focus_nodes_is_asked_only_if_its_property_is_small_next_to_them(tmp_path: Path) -> None:
    datatype = _query(Graph().parse(data=SHAPES, format="turtle"), "urn:ex:T", "urn:ex:d", "Datatype")
    counts = {datatype.target_classes[0]: 1}
    others = "".join(f'<urn:ex:o{i}> <urn:ex:d> "{i}"^^<{XSD}integer> .\n' for i in range(12))
    s = _store(tmp_path, f"<urn:ex:g1> <{TYPE}> <urn:ex:D> .\n" + others)
    try:
        # One focus node, twelve values of ex:d: reading them all costs more than looking at the one node.
        assert sparql_run.probes_to_run(s, [datatype], lambda q: True, counts) == []
        # Run batched, the query reads them all anyway: then the probe is asked.
        assert sparql_run.probes_to_run(s, [datatype], lambda q: False, counts) == [datatype.probe]
        s.replace_graph("urn:g", (f"<urn:ex:g1> <{TYPE}> <urn:ex:D> .\n" + others.splitlines(True)[0]).encode())
        assert sparql_run.probes_to_run(s, [datatype], lambda q: True, counts) == [datatype.probe]
    finally:
        s.close()


@pytest.mark.parametrize("few", [10**9, 0], ids=["look-ups", "batched"])
def test_findings_are_the_same_with_probes_and_without(
    store: LocalStore, shapes: Graph, few: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sparql_run, "FEW_FOCUS_NODES", few)
    with_probes = validate_store(store, date(2026, 1, 1), shapes, save=False).findings
    monkeypatch.setattr(sparql_run, "PROBES", False)
    without = validate_store(store, date(2026, 1, 1), shapes, save=False).findings
    assert with_probes == without and len(with_probes) >= 8


def test_a_max_count_probe_finds_nothing_only_when_no_subject_can_have_too_many_values(tmp_path: Path) -> None:
    shapes = Graph().parse(data=SHAPES, format="turtle")
    at_most_1, at_most_2 = (_query(shapes, shape, "urn:ex:p", "MaxCount").probe for shape in ("urn:ex:S", "urn:ex:T"))
    two = "<urn:ex:x> <urn:ex:p> <urn:ex:a> .\n<urn:ex:x> <urn:ex:p> <urn:ex:b> .\n<urn:ex:y> <urn:ex:p> <urn:ex:a> .\n"
    s = _store(tmp_path, two)
    try:
        assert sparql_run.probe_answer(s, at_most_1)  # type: ignore[arg-type]
        assert not sparql_run.probe_answer(s, at_most_2)  # type: ignore[arg-type]
        s.replace_graph("urn:g", (two + "<urn:ex:x> <urn:ex:p> <urn:ex:c> .\n").encode())
        assert sparql_run.probe_answer(s, at_most_2)  # type: ignore[arg-type]
    finally:
        s.close()
