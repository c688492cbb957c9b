"""The SPARQL engine runs all of SHACL Core itself, says which engine ran what, checks literals' lexical forms,
and reports conformance as the SHACL spec defines it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SH

from compgraph.checks import sparql as fv
from compgraph.checks.validate import data_graphs, render_json, validate_graph, validate_store
from compgraph.graph.literals import keeping_lexical_forms
from compgraph.graph.store import LocalStore
from compgraph.scale import generate as gen

AS_OF = date(2026, 11, 22)
HEAD = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix cg: <https://w3id.org/compgraph/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix t: <https://example.org/t#> .
"""
# Every constraint that used to send the whole run to pySHACL, on the generated organisation's classes.
CORE_LOGIC = HEAD + """
t:Named a sh:NodeShape ; sh:property [ sh:path rdfs:label ; sh:minCount 1 ] .
t:Systems a sh:NodeShape ; sh:targetClass cg:AISystem ;
  sh:or ( [ sh:path cg:purpose ; sh:minCount 1 ] [ sh:path cg:annexIIIArea ; sh:minCount 1 ] ) ;
  sh:not [ sh:path cg:riskLevel ; sh:hasValue cg:RiskMinimal ] ;
  sh:and ( t:Named [ sh:path cg:riskLevel ; sh:maxCount 1 ] ) ;
  sh:xone ( [ sh:path cg:riskLevel ; sh:hasValue cg:RiskHigh ] [ sh:path cg:riskLevel ; sh:hasValue cg:RiskLow ] ) ;
  sh:property [ sh:path cg:usesDataset ; sh:node t:Named ; sh:disjoint cg:trainedOn ] ;
  sh:property [ sh:path cg:implementsControl ; sh:qualifiedValueShape [ sh:path cg:controlType ; sh:minCount 1 ] ;
                sh:qualifiedMinCount 2 ; sh:qualifiedMaxCount 6 ] ;
  sh:property [ sh:path cg:lastReviewed ; sh:lessThan cg:validUntil ; sh:equals cg:lastReviewed ] ;
  sh:property [ sh:path rdfs:label ; sh:languageIn ( "en" ) ; sh:uniqueLang true ] .
t:ClosedControls a sh:NodeShape ; sh:targetClass cg:Control ; sh:closed true ;
  sh:ignoredProperties ( <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ) ;
  sh:property [ sh:path rdfs:label ] , [ sh:path cg:controlType ] .
"""
RECURSIVE = HEAD + """
t:Chain a sh:NodeShape ; sh:targetClass cg:AISystem ; sh:property [ sh:path cg:operatedBy ; sh:node t:Chain ] .
"""


def key(f: object) -> tuple:
    return (f.focus, f.shape, f.rule, f.path, f.value, f.severity)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    store = LocalStore(tmp_path_factory.mktemp("gen"))
    gen.load_into(store, gen.Spec.parse("small", seed=3))
    return store


def small_store(tmp_path: Path, turtle: str) -> LocalStore:
    store = LocalStore(tmp_path / "store")
    with keeping_lexical_forms():  # as compgraph load parses: "none"^^xsd:boolean stays "none"
        data = Graph().parse(data=HEAD + turtle, format="turtle").serialize(format="nt")
    store.replace_graph("https://example.org/data", data.encode())
    return store


def test_logic_pair_and_closed_constraints_run_in_the_sparql_engine_with_pyshacls_findings(
    generated: LocalStore,
) -> None:
    shapes = Graph().parse(data=CORE_LOGIC, format="turtle")
    assert fv.unsupported(shapes) == []
    fast = validate_store(generated, AS_OF, shapes, save=False, engine="sparql")
    slow = validate_graph(generated.to_graph(data_graphs(generated)), AS_OF, shapes)
    assert fast.engines["pyshacl"] == [] and "https://example.org/t#Systems" in str(fast.engines["sparql"])
    assert {key(f) for f in fast.findings} == {key(f) for f in slow.findings}
    assert len({f.rule for f in fast.findings}) >= 5  # the shapes find something, on several constraints


def test_a_shape_the_sparql_engine_cannot_translate_goes_to_pyshacl_alone_and_is_named(
    generated: LocalStore,
) -> None:
    shapes = Graph().parse(data=CORE_LOGIC + RECURSIVE.removeprefix(HEAD), format="turtle")
    outcome = validate_store(generated, AS_OF, shapes, save=False, engine="sparql")
    assert outcome.engines["pyshacl"] == ["https://example.org/t#Chain"]
    assert "https://example.org/t#Systems" in str(outcome.engines["sparql"])
    assert "recursive" in outcome.fallback_reasons["https://example.org/t#Chain"]
    report = json.loads(render_json(outcome))
    assert report["engine"]["pyshacl"] == ["https://example.org/t#Chain"]
    slow = validate_graph(generated.to_graph(data_graphs(generated)), AS_OF, shapes)
    assert {key(f) for f in outcome.findings} == {key(f) for f in slow.findings}


@pytest.mark.parametrize(
    "literal",
    ['"c"^^xsd:byte', '"none"^^xsd:boolean', '"aldi"^^xsd:integer', '"2020-13-01"^^xsd:date', '"P"^^xsd:duration',
     '"12:61:00"^^xsd:time', '"20x1"^^xsd:gYear', '"1.5"^^xsd:long', '"zz"^^xsd:hexBinary'],
)
def test_an_ill_formed_literal_fails_sh_datatype_in_the_sparql_engine(tmp_path: Path, literal: str) -> None:
    assert datatype_findings(tmp_path, literal) == [literal.split('"')[1]]


@pytest.mark.parametrize(
    "literal", ['"12"^^xsd:integer', '"true"^^xsd:boolean', '"2020-12-01"^^xsd:date', '"P1DT2H"^^xsd:duration',
                '"12:30:00"^^xsd:time', '"2021"^^xsd:gYear', '"0aFF"^^xsd:hexBinary', '"1.5E3"^^xsd:double']
)
def test_a_well_formed_literal_passes_sh_datatype_in_the_sparql_engine(tmp_path: Path, literal: str) -> None:
    assert datatype_findings(tmp_path, literal) == []


def datatype_findings(tmp_path: Path, literal: str) -> list[str | None]:
    """The values the SPARQL engine reports for ``t:x t:p literal`` against sh:datatype of the literal's type."""
    datatype = literal.split("^^")[1]
    store = small_store(tmp_path, f"t:x t:p {literal} .")
    shapes = Graph().parse(
        data=HEAD + f"t:S a sh:NodeShape ; sh:targetNode t:x ; sh:property [ sh:path t:p ; sh:datatype {datatype} ] .",
        format="turtle",
    )
    return [f.value for f in validate_store(store, AS_OF, shapes, save=False, engine="sparql").findings]


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_a_report_with_only_warnings_does_not_conform(tmp_path: Path, engine: str) -> None:
    store = small_store(tmp_path, "t:x t:p 1 .")
    shapes = Graph().parse(
        data=HEAD + "t:S a sh:NodeShape ; sh:targetNode t:x ; sh:severity sh:Warning ; "
        "sh:property [ sh:path t:q ; sh:minCount 1 ; sh:severity sh:Warning ] .",
        format="turtle",
    )
    outcome = validate_store(store, AS_OF, shapes, save=False, engine=engine)
    assert outcome.counts() == {"Warning": 1} and outcome.violations == []
    assert outcome.conforms is False
    report = outcome.report
    assert list(report.objects(next(report.subjects(RDF.type, SH.ValidationReport)), SH.conforms)) == [Literal(False)]


NESTED = HEAD + """
t:Operated a sh:NodeShape ; sh:targetClass cg:AISystem ; sh:property [ sh:path cg:operatedBy ; sh:node t:Named ] .
t:Named a sh:NodeShape ;
  sh:property [ sh:path rdfs:label ; sh:minCount 1 ] , [ sh:path cg:controlType ; sh:minCount 1 ] .
"""


def test_a_failing_sh_node_is_one_finding_in_both_engines_not_one_per_nested_result(tmp_path: Path) -> None:
    store = small_store(tmp_path, "t:a a cg:AISystem ; cg:operatedBy t:x . t:x a cg:Organisation .")
    shapes = Graph().parse(data=NESTED, format="turtle")
    fast = validate_store(store, AS_OF, shapes, save=False, engine="sparql")
    slow = validate_graph(store.to_graph(data_graphs(store)), AS_OF, shapes)
    assert len(slow.findings) == 1
    assert {key(f) for f in fast.findings} == {key(f) for f in slow.findings}
