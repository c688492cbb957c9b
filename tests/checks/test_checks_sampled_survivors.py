"""checks/, one behaviour at a time: what the finished sampled mutation run found no test pinning.

``python tools/mutation.py --group checks --sample 5 --seed 1`` (docs/mutation-survivors.md, "checks/"): each
test here is named for the behaviour a surviving mutant broke. Where a shape is validated, both engines must
find the expected findings, and the SPARQL engine must run the shape itself: a query it cannot build falls
back to pySHACL, which finds the same, so an agreement alone would not show the SPARQL side works.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from compgraph.checks.integrity import evidence_files
from compgraph.checks.report import Finding, Outcome
from compgraph.checks.sparql import rewrite_not_exists
from compgraph.checks.validate import findings_from_report, validate_store
from compgraph.graph.store import LocalStore

# the fixture of tests/checks/conftest.py
BothEngines = Callable[[LocalStore, str, list[str]], list[str]]

AS_OF = date(2026, 11, 22)

# One data graph for every shape below; each shape targets its own nodes by sh:targetNode.
DATA = b"""
<urn:x:a> <urn:x:p> <urn:x:y> .
<urn:x:b> <urn:x:p> <urn:x:y> .
<urn:x:q1> <urn:x:p> <urn:x:y> .
<urn:x:q2> <urn:x:p> <urn:x:z> .
<urn:x:c1> <urn:x:p> <urn:x:y> .
<urn:x:c1> <urn:x:q> <urn:x:y> .
<urn:x:c2> <urn:x:p> <urn:x:y> .
<urn:x:c2> <urn:x:r> <urn:x:y> .
<urn:x:d1> <urn:x:p> <urn:x:z> .
<urn:x:d2> <urn:x:p> <urn:x:y> .
"""
PREFIX = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStore]:
    s = LocalStore(tmp_path_factory.mktemp("survivors") / "store")
    s.replace_graph("urn:x:data", DATA)
    yield s
    s.close()


def test_a_node_shapes_has_value_is_run_as_sparql_and_finds_the_other_node(
    both_engines: BothEngines, store: LocalStore
) -> None:
    shapes = "<urn:x:IsA> a sh:NodeShape ; sh:targetNode <urn:x:a> , <urn:x:b> ; sh:hasValue <urn:x:a> .\n"
    assert both_engines(store, shapes, ["urn:x:IsA"]) == ["urn:x:b"]


def test_a_focus_node_with_no_value_conforming_to_the_qualified_shape_has_fewer_than_the_minimum(
    both_engines: BothEngines, store: LocalStore
) -> None:
    shapes = """<urn:x:OneZ> a sh:NodeShape ; sh:targetNode <urn:x:q1> , <urn:x:q2> ;
      sh:property [ sh:path <urn:x:p> ; sh:qualifiedValueShape [ sh:hasValue <urn:x:z> ] ; sh:qualifiedMinCount 1 ] .
    """
    assert both_engines(store, shapes, ["urn:x:OneZ"]) == ["urn:x:q1"]


def test_a_closed_shape_reached_through_sh_node_allows_each_of_its_properties(
    both_engines: BothEngines, store: LocalStore
) -> None:
    shapes = """<urn:x:ViaClosed> a sh:NodeShape ; sh:targetNode <urn:x:c1> , <urn:x:c2> ; sh:node <urn:x:Closed> .
    <urn:x:Closed> a sh:NodeShape ; sh:closed true ; sh:property [ sh:path <urn:x:p> ] , [ sh:path <urn:x:q> ] .
    """
    assert both_engines(store, shapes, ["urn:x:ViaClosed"]) == ["urn:x:c2"]


def test_disjoint_qualified_shapes_are_kept_apart_only_from_sibling_property_shapes(
    both_engines: BothEngines, store: LocalStore
) -> None:
    # The sh:not shape also has a qualified value shape that <urn:x:z> conforms to, but it is not a value of
    # sh:property, so not a sibling (SHACL 4.7.3): <urn:x:d1>'s one value still counts.
    shapes = """<urn:x:Disjoint> a sh:NodeShape ; sh:targetNode <urn:x:d1> , <urn:x:d2> ;
      sh:property [ sh:path <urn:x:p> ; sh:qualifiedValueShape [ sh:hasValue <urn:x:z> ] ;
                    sh:qualifiedValueShapesDisjoint true ; sh:qualifiedMinCount 1 ] ;
      sh:not [ sh:path <urn:x:q> ; sh:qualifiedValueShape [ sh:hasValue <urn:x:z> ] ; sh:qualifiedMinCount 1 ] .
    """
    assert both_engines(store, shapes, ["urn:x:Disjoint"]) == ["urn:x:d2"]


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_only_the_report_node_says_whether_the_data_conforms(store: LocalStore, engine: str) -> None:
    shapes = Graph().parse(
        data=PREFIX + "<urn:x:IsA> a sh:NodeShape ; sh:targetNode <urn:x:a> , <urn:x:b> ; sh:hasValue <urn:x:a> .",
        format="turtle",
    )
    report = validate_store(store, AS_OF, shapes, save=False, engine=engine).report
    (node,) = report.subjects(RDF.type, SH.ValidationReport)
    assert set(report.subject_objects(SH.conforms)) == {(node, Literal(False))}


def test_a_bare_reported_result_is_a_violation_of_an_unnamed_rule() -> None:
    # pySHACL always writes the severity and the source shape; a report from elsewhere may not (SHACL's
    # default severity is sh:Violation).
    report, node, result = Graph(), BNode(), BNode()
    report.add((node, RDF.type, SH.ValidationReport))
    report.add((node, SH.result, result))
    report.add((result, SH.focusNode, URIRef("urn:x:a")))
    (finding,) = findings_from_report(report, Graph(), Graph())
    assert (finding.severity, finding.rule, finding.message) == ("Violation", "unnamed rule", "constraint not met")


def test_merged_outcomes_keep_the_other_sides_results_linked_and_typed() -> None:
    def outcome(result: BNode, severity: str) -> Outcome:
        node = BNode()
        triples = [(node, RDF.type, SH.ValidationReport), (node, SH.conforms, Literal(False)),
                   (node, SH.result, result), (result, RDF.type, SH.ValidationResult),
                   (result, SH.focusNode, URIRef("urn:x:a"))]
        return Outcome(AS_OF, False, [Finding(severity, "r", "urn:x:a", "a", severity)], triples)

    mine, theirs = BNode(), BNode()
    merged = outcome(mine, "Violation").merged(outcome(theirs, "Warning")).report
    (node,) = merged.subjects(RDF.type, SH.ValidationReport)
    assert set(merged.objects(node, SH.result)) == {mine, theirs}
    assert set(merged.subjects(RDF.type, SH.ValidationResult)) == {mine, theirs}


def test_evidence_files_are_read_beside_the_file_each_item_came_from_once_each(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:org", b'<urn:x:e1> <https://w3id.org/compgraph/ontology#file> "ev/a.pdf" .\n'
                                     b'<urn:x:e2> <https://w3id.org/compgraph/ontology#file> "ev/a.pdf" .\n')
        s.replace_graph("urn:x:loose", b'<urn:x:e3> <https://w3id.org/compgraph/ontology#file> "b.pdf" .\n')
        s.replace_graph("urn:x:meta", b'<urn:x:org> <http://www.w3.org/ns/prov#wasDerivedFrom> "orgs/acme.ttl" .\n')
        assert evidence_files(s, tmp_path) == [tmp_path / "b.pdf", tmp_path / "orgs" / "ev" / "a.pdf"]


def test_a_variable_bound_by_a_pattern_after_a_filter_expression_is_certain_so_minus() -> None:
    query = ("SELECT $this WHERE { $this <urn:x:q> ?y . FILTER(?y != (1)) ?y <urn:x:r> ?z ."
             " FILTER NOT EXISTS { ?z <urn:x:p> ?x } }")
    assert rewrite_not_exists(query) == (
        "SELECT $this WHERE { $this <urn:x:q> ?y . FILTER(?y != (1)) ?y <urn:x:r> ?z .  MINUS { ?z <urn:x:p> ?x }  }"
    )


def test_a_bracket_inside_a_string_of_a_filter_does_not_end_the_filter_so_its_variables_stay_uncertain() -> None:
    # ?z is only named in the FILTER: read as bound by a pattern, NOT EXISTS became a MINUS, which keeps the row
    # NOT EXISTS drops (a MINUS with no shared bound variable removes nothing), so the rows must stay the same
    query = ('SELECT $this WHERE { $this <urn:x:q> ?y . FILTER(?y IN (")", "a") || ?z = 1)'
             " FILTER NOT EXISTS { ?z <urn:x:p> ?x } }")
    data = Graph().parse(data="<urn:x:t> <urn:x:q> \")\" .\n<urn:x:a> <urn:x:p> <urn:x:b> .\n", format="nt")
    rewritten = rewrite_not_exists(query)
    assert "MINUS" not in rewritten
    assert {tuple(r) for r in data.query(rewritten)} == {tuple(r) for r in data.query(query)} == set()
