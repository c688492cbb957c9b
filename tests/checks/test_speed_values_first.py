"""A batched core constraint reads its property for every subject first, then joins the focus nodes, with the
same rows as the form that starts from each focus node.

sh:maxCount counts, and the value constraints (sh:datatype, sh:class, sh:pattern, sh:in...) test, each subject's
values in a sub-select; only the subjects that fail meet the focus nodes (Oxigraph hashes the sub-select). The
run picks the per-focus form (``few_sparql``) for small classes and the batched one for large ones, so the two must
agree: here both run on one small graph where focus nodes and other subjects both break every constraint.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import SH

from compgraph.checks.sparql.plan import Query, plan, plan_each
from compgraph.graph.store import LocalStore

SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <urn:ex:> .
ex:S a sh:NodeShape ; sh:targetClass ex:C ;
  sh:property [ sh:path ex:p ; sh:maxCount 1 ] ;
  sh:property [ sh:path ex:d ; sh:datatype xsd:integer ] ;
  sh:property [ sh:path ex:k ; sh:class ex:K ] ;
  sh:property [ sh:path ex:s ; sh:pattern "^ok" ; sh:in ( "ok1" "ok2" "bad" ) ] ;
  sh:property [ sh:path ( ex:p ex:d ) ; sh:maxCount 1 ; sh:minInclusive 2 ] ;
  sh:property [ sh:path [ sh:zeroOrMorePath ex:p ] ; sh:maxCount 2 ; sh:nodeKind sh:IRI ] .
"""

XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# <urn:ex:f*> are focus nodes (class ex:C), <urn:ex:o*> are not: they break the same constraints and must not be
# reported.
DATA = f"""
<urn:ex:f1> <{TYPE}> <urn:ex:C> .
<urn:ex:f2> <{TYPE}> <urn:ex:C> .
<urn:ex:f3> <{TYPE}> <urn:ex:C> .
<urn:ex:f1> <urn:ex:p> <urn:ex:a> .
<urn:ex:f1> <urn:ex:p> <urn:ex:b> .
<urn:ex:f2> <urn:ex:p> <urn:ex:a> .
<urn:ex:f3> <urn:ex:p> "lit" .
<urn:ex:a> <urn:ex:d> "1"^^<{XSD}integer> .
<urn:ex:a> <urn:ex:d> "x" .
<urn:ex:b> <urn:ex:d> "5"^^<{XSD}integer> .
<urn:ex:f1> <urn:ex:d> "one" .
<urn:ex:f2> <urn:ex:d> "2"^^<{XSD}integer> .
<urn:ex:f1> <urn:ex:k> <urn:ex:k1> .
<urn:ex:f2> <urn:ex:k> <urn:ex:k2> .
<urn:ex:k1> <{TYPE}> <urn:ex:K> .
<urn:ex:f1> <urn:ex:s> "ok1" .
<urn:ex:f2> <urn:ex:s> "bad" .
<urn:ex:f3> <urn:ex:s> "no" .
<urn:ex:o1> <urn:ex:p> <urn:ex:a> .
<urn:ex:o1> <urn:ex:p> <urn:ex:b> .
<urn:ex:o1> <urn:ex:d> "one" .
<urn:ex:o1> <urn:ex:k> <urn:ex:k2> .
<urn:ex:o1> <urn:ex:s> "no" .
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStore]:
    s = LocalStore(Path(tmp_path_factory.mktemp("valuesfirst")) / "store")
    s.replace_graph("urn:g", DATA.encode())
    yield s
    s.close()


@pytest.fixture(scope="module")
def queries() -> list[Query]:
    return [q for q in plan(Graph().parse(data=SHAPES, format="turtle")).queries if q.few_sparql]


def rows(store: LocalStore, query: str) -> list[tuple[str, ...]]:
    return sorted(tuple(str(t) for t in r) for r in store.query(query).rows)


def test_the_batched_and_per_focus_forms_of_each_constraint_report_the_same_rows(
    store: LocalStore, queries: list[Query]
) -> None:
    for q in queries:
        assert rows(store, q.sparql) == rows(store, q.few_sparql or ""), q.sparql


def test_values_are_read_first_for_each_constraint_but_the_zero_length_path(queries: list[Query]) -> None:
    first = [q for q in queries if "{ SELECT ?this" in q.sparql]
    starred = [q for q in queries if any(p == SH.zeroOrMorePath for _, p, _ in q.path_triples)]
    # maxCount (p, p/d), datatype, class, pattern, in, minInclusive; ex:p* (maxCount, nodeKind) starts from the focus.
    assert len(first) == 7
    assert len(starred) == 2 and not any(q in first for q in starred)


def test_the_fixture_breaks_every_constraint_on_a_focus_node(store: LocalStore, queries: list[Query]) -> None:
    # Guards the first test: equal empty answers would prove nothing.
    assert all(rows(store, q.sparql) for q in queries)


def test_a_remote_store_gets_the_joined_form() -> None:
    # Virtuoso plans its own joins (and 7.2 compiles fewer sub-select forms); the values-first form is Oxigraph's.
    planned = plan_each(Graph().parse(data=SHAPES, format="turtle"), nested=False).queries
    assert planned and not any("{ SELECT ?this" in q.sparql for q in planned)
