"""checks/, one behaviour at a time: what the fourteenth session's mutation run of checks/ found no test pinning.

A seeded random sample of every mutant of checks/ (docs/mutation-survivors.md, "checks/ sample of the whole
package (2026-12-04, fourteenth session)"): each test here is named for the behaviour a surviving mutant broke.
Where a shape is validated, both engines must report the same focus nodes and the SPARQL engine must run the
shape itself (a query it cannot build falls back to pySHACL, which would agree whatever the SPARQL side does).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from compgraph.checks.incremental import validate_incremental
from compgraph.checks.report import Finding, Outcome
from compgraph.checks.sparql import rewrite_not_exists
from compgraph.checks.sparqldeps import needs_of
from compgraph.checks.validate import validate_store
from compgraph.graph.store import LocalStore

AS_OF = date(2026, 11, 22)
FOCUS = "{ SELECT DISTINCT ?this WHERE { ?this a <urn:O> } }"
PREFIX = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"

# Both focus nodes have two values of p, each in the qualified shape's list.
DATA = b"""
<urn:x:least> <urn:x:p> <urn:x:y> .
<urn:x:least> <urn:x:p> <urn:x:z> .
<urn:x:most> <urn:x:p> <urn:x:y> .
<urn:x:most> <urn:x:p> <urn:x:z> .
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStore]:
    s = LocalStore(tmp_path_factory.mktemp("whole-run") / "store")
    s.replace_graph("urn:x:data", DATA)
    yield s
    s.close()


def _both_engines(store: LocalStore, shapes_ttl: str, roots: list[str]) -> list[str]:
    """The focus nodes both engines report (they must agree), with the SPARQL engine running every shape itself."""
    shapes = Graph().parse(data=PREFIX + shapes_ttl, format="turtle")
    fast = validate_store(store, AS_OF, shapes, save=False)
    reference = validate_store(store, AS_OF, shapes, save=False, engine="pyshacl")
    assert fast.engines == {"sparql": roots, "pyshacl": []}, fast.fallback_reasons
    assert sorted(f.focus for f in fast.findings) == sorted(f.focus for f in reference.findings)
    return sorted(f.focus for f in fast.findings)


# Reached through sh:node: the compiled conformance of a nested shape (logic.Compiler), not the top-level component.
QUALIFIED = """
<urn:x:AtLeastOne> a sh:NodeShape ; sh:targetNode <urn:x:least> ;
    sh:node [ sh:property [ sh:path <urn:x:p> ; sh:qualifiedValueShape [ sh:in ( <urn:x:y> <urn:x:z> ) ] ;
                            sh:qualifiedMinCount 1 ] ] .
<urn:x:AtMostOne> a sh:NodeShape ; sh:targetNode <urn:x:most> ;
    sh:node [ sh:property [ sh:path <urn:x:p> ; sh:qualifiedValueShape [ sh:in ( <urn:x:y> <urn:x:z> ) ] ;
                            sh:qualifiedMaxCount 1 ] ] .
"""


def test_a_nested_shape_with_one_conforming_value_over_its_qualified_maximum_fails_and_a_minimum_has_no_maximum(
    store: LocalStore,
) -> None:
    # <most> has exactly max + 1 conforming values; <least> has two, which only a maximum taken from the
    # other shape would refuse.
    assert _both_engines(store, QUALIFIED, ["urn:x:AtLeastOne", "urn:x:AtMostOne"]) == ["urn:x:most"]


def test_a_three_branch_union_in_a_not_exists_becomes_one_not_exists_per_branch() -> None:
    inner = "?s <urn:by> ?this . { ?s <urn:a> ?a } UNION { ?s <urn:b> ?b } UNION { ?s <urn:c> ?c }"
    q = " ".join(rewrite_not_exists(f"SELECT ?this WHERE {{ {FOCUS} FILTER NOT EXISTS {{ {inner} }} }}").split())
    assert "UNION" not in q and "EXISTS" not in q
    for p in "abc":
        assert f"?s <urn:by> ?this . ?s <urn:{p}> ?{p}" in q


def test_a_comment_between_select_and_where_is_skipped_even_when_it_holds_a_brace() -> None:
    query = (
        "SELECT $this # the focus {as planned}\nWHERE { $this a <urn:x:C> . FILTER NOT EXISTS { $this <urn:x:p> ?x } }"
    )
    out = rewrite_not_exists(query)
    assert out.startswith("SELECT $this # the focus {as planned}\nWHERE { $this a <urn:x:C> .")
    assert "MINUS { $this <urn:x:p> ?x }" in out


def test_a_variable_predicate_after_values_inside_a_group_depends_on_every_predicate() -> None:
    assert needs_of("SELECT * WHERE { VALUES ?x { 1 } ?s ?p ?x }", {}).any_predicate


INTEGER_SHAPES = """
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<urn:x:S> a sh:NodeShape ; sh:targetSubjectsOf <urn:x:p> ; sh:property [ sh:path <urn:x:p> ; sh:datatype xsd:integer ] .
"""


def test_an_incremental_run_after_no_change_says_nothing_changed_and_reports_what_a_full_run_reports(
    tmp_path: Path,
) -> None:
    shapes = Graph().parse(data=PREFIX + INTEGER_SHAPES, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b'<urn:x:a> <urn:x:p> "not a number" .\n')
        validate_incremental(s, AS_OF, shapes, save=False)
        again = validate_incremental(s, AS_OF, shapes, save=False)
        full = validate_store(s, AS_OF, shapes, save=False)
    assert (again.why_full, again.rerun) == ("", 0)
    assert "(0 changed: nothing)" in again.summary()
    assert len(full.report) > 0 and isomorphic(again.outcome.report, full.report)


def test_findings_by_rule_keeps_each_finding_under_its_own_rule() -> None:
    a, b, c = (Finding("Violation", rule, f"urn:x:{n}", n, "m") for rule, n in (("r1", "a"), ("r2", "b"), ("r1", "c")))
    assert Outcome(AS_OF, False, [a, b, c], []).by_rule() == {"r1": [a, c], "r2": [b]}


def test_needs_joined_keep_any_predicate_from_either_side() -> None:
    # A query's needs are those of its texts joined (query_needs): one text with a variable predicate is enough.
    joined = needs_of("SELECT * WHERE { ?s ?p ?o }", {})
    joined.add(needs_of("SELECT * WHERE { ?s <urn:x:p> ?o }", {}))
    assert joined.any_predicate and joined.iris == {"urn:x:p"}


CLASS_SHAPE_BESIDE_A_FALLBACK = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:x:C> a rdfs:Class, sh:NodeShape ; sh:in ( <urn:x:ok> ) .
<urn:x:K> a sh:NodeShape ; sh:targetNode <urn:x:n> ;
    sh:sparql [ sh:select "SELECT $this WHERE { $this ?p ?o } LIMIT 1" ] .
"""


def test_a_class_shape_with_only_a_node_constraint_is_reported_once_beside_a_shape_left_to_pyshacl(
    tmp_path: Path,
) -> None:
    # K's LIMIT sends it to pySHACL; C (an implicit class target, no sh:property or sh:path) stays with SPARQL.
    shapes = Graph().parse(data=PREFIX + CLASS_SHAPE_BESIDE_A_FALLBACK, format="turtle")
    data = b"<urn:x:i> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:x:C> .\n<urn:x:n> <urn:x:p> <urn:x:o> .\n"
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", data)
        fast = validate_store(s, AS_OF, shapes, save=False)
        reference = validate_store(s, AS_OF, shapes, save=False, engine="pyshacl")
    assert fast.engines == {"sparql": ["urn:x:C"], "pyshacl": ["urn:x:K"]}
    found = sorted((f.focus, f.rule) for f in fast.findings)
    assert (
        found
        == sorted((f.focus, f.rule) for f in reference.findings)
        == [("urn:x:i", "urn:x:C"), ("urn:x:n", "urn:x:K")]
    )
