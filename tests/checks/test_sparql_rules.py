"""SHACL-SPARQL's own rules, the same in both engines: pre-binding, what a query may not use, prefixes.

Each test is one behaviour the W3C SHACL-SPARQL suite (tests/fixtures/w3c-shacl/sparql) checks, on a small graph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph

from compgraph.checks.sparql.plan import plan_each
from compgraph.checks.sparqlrules import ShapesError
from compgraph.checks.validate import validate_store
from compgraph.graph.store import LocalStore
from test_cli import cg  # the CLI run as a user runs it (tests/test_cli.py)

# the fixture of tests/checks/conftest.py
BothEngines = Callable[[LocalStore, str, list[str]], list[str]]

AS_OF = date(2026, 11, 22)
HEAD = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
DATA = b"<urn:x:bad> <urn:x:p> <urn:x:o> .\n<urn:x:good> <urn:x:q> <urn:x:o> .\n"


def constraint(select: str, extra: str = "") -> str:
    """A node shape on both data nodes with one SPARQL constraint."""
    return (
        '<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:bad>, <urn:x:good> ; sh:sparql [ sh:select """'
        + select
        + '""" ] .\n'
        + extra
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", DATA)
        yield s


def refusal(store: LocalStore, shapes_ttl: str, engine: str) -> str:
    with pytest.raises(ShapesError) as caught:
        validate_store(store, AS_OF, Graph().parse(data=HEAD + shapes_ttl, format="turtle"), save=False, engine=engine)
    return str(caught.value)


def test_a_filter_reading_this_in_a_union_branch_is_left_to_pyshacl_which_pre_binds_it(store: LocalStore):
    # Joining the focus nodes in leaves $this unbound inside the branch: the SPARQL engine said "conforms" (the W3C
    # suite's pre-binding-002). One target: pySHACL (rdflib) misreads such a branch for a node it should not report.
    shapes = HEAD + constraint("SELECT $this WHERE { { FILTER (false) } UNION { FILTER ($this = <urn:x:bad>) } }")
    shapes = shapes.replace("sh:targetNode <urn:x:bad>, <urn:x:good>", "sh:targetNode <urn:x:bad>")
    fast = validate_store(store, AS_OF, Graph().parse(data=shapes, format="turtle"), save=False)
    assert [f.focus for f in fast.findings] == ["urn:x:bad"]
    assert fast.engines == {"sparql": [], "pyshacl": ["urn:x:S"]}
    assert "reads $this in an inner group" in next(iter(fast.fallback_reasons.values()))


def test_a_union_branch_that_matches_this_in_a_pattern_stays_with_the_sparql_engine(
    store: LocalStore, both_engines: BothEngines
):
    branches = "{ $this <urn:x:p> ?o . FILTER ($this != <urn:x:z>) } UNION { $this <urn:x:none> ?o }"
    shapes = constraint("SELECT $this WHERE { " + branches + " }")
    assert both_engines(store, shapes, ["urn:x:S"]) == ["urn:x:bad"]


def test_a_constraint_component_typed_by_a_subclass_is_run_not_ignored(store: LocalStore):
    # The SPARQL engine knew components only by the direct type sh:ConstraintComponent and ran the shape without it.
    shapes = (
        HEAD
        + """
    <urn:x:MyComponentClass> rdfs:subClassOf sh:ConstraintComponent .
    <urn:x:NoP> a <urn:x:MyComponentClass> ; sh:parameter [ sh:path <http://example.org/forbidden> ] ;
        sh:validator [ a sh:SPARQLAskValidator ; sh:ask "ASK { FILTER NOT EXISTS { $this ?forbidden ?o } }" ] .
    <urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:bad>, <urn:x:good> ; <http://example.org/forbidden> <urn:x:p> .
    """
    )
    graph = Graph().parse(data=shapes, format="turtle")
    for engine in ("sparql", "pyshacl"):
        outcome = validate_store(store, AS_OF, graph, save=False, engine=engine)
        assert [f.focus for f in outcome.findings] == ["urn:x:bad"], engine


@pytest.mark.parametrize(
    ("select", "why"),
    [
        ("SELECT $this WHERE { $this ?p ?o . MINUS { $this <urn:x:q> ?o } }", "MINUS"),
        ("SELECT $this WHERE { $this ?p ?o . SERVICE <http://example.org/sparql> { ?a ?b ?c } }", "SERVICE"),
        ("SELECT $this WHERE { VALUES ?o { <urn:x:o> } $this ?p ?o }", "VALUES"),
        ("SELECT $this WHERE { BIND (<urn:x:bad> AS $this) }", "rebinding the pre-bound variable $this"),
        ("SELECT $this WHERE { $this ?p ?o . { SELECT ?o WHERE { ?s ?q ?o } } }", "does not return $this"),
        ("SELECT $this WHERE { $this ?p ?o . { SELECT * WHERE { $this ?q ?o } } }", "does not return $this"),
    ],
)
@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_a_query_pre_binding_cannot_run_is_refused_naming_the_shape(store: LocalStore, engine: str, select, why):
    message = refusal(store, constraint(select), engine)
    assert why in message and "urn:x:S" in message and "\n" not in message


def test_prefixes_declared_by_an_imported_ontology_are_used(store: LocalStore, both_engines: BothEngines):
    extra = """
    <urn:x:Prefixes> owl:imports <urn:x:Ontology> .
    <urn:x:Ontology> sh:declare [ sh:prefix "ex" ; sh:namespace "urn:x:"^^xsd:anyURI ] .
    """
    shapes = constraint("SELECT $this WHERE { $this ex:p ?o }", extra).replace(
        "sh:sparql [ sh:select", "sh:sparql [ sh:prefixes <urn:x:Prefixes> ; sh:select"
    )
    assert both_engines(store, HEAD + shapes, ["urn:x:S"]) == ["urn:x:bad"]


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_one_prefix_declared_with_two_namespaces_is_refused(store: LocalStore, engine: str):
    extra = """
    <urn:x:Prefixes> sh:declare [ sh:prefix "ex" ; sh:namespace "urn:x:"^^xsd:anyURI ],
                                [ sh:prefix "ex" ; sh:namespace "urn:y:"^^xsd:anyURI ] .
    """
    shapes = constraint("SELECT $this WHERE { $this ex:p ?o }", extra).replace(
        "sh:sparql [ sh:select", "sh:sparql [ sh:prefixes <urn:x:Prefixes> ; sh:select"
    )
    assert "prefix ex: is declared as both" in refusal(store, shapes, engine)


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_a_prefix_declaration_without_a_namespace_is_refused_by_both_engines(store: LocalStore, engine: str):
    # SHACL 1.0 5.2.1: one sh:prefix and one sh:namespace each. The SPARQL engine skipped such a declaration and
    # answered; pySHACL refused the shapes.
    extra = '<urn:x:Prefixes> sh:declare [ sh:prefix "ex" ] , [ sh:prefix "ex" ; sh:namespace "urn:x:"^^xsd:anyURI ] .'
    shapes = constraint("SELECT $this WHERE { $this ex:p ?o }", extra).replace(
        "sh:sparql [ sh:select", "sh:sparql [ sh:prefixes <urn:x:Prefixes> ; sh:select"
    )
    assert "has 1 sh:prefix and 0 sh:namespace values" in refusal(store, shapes, engine)


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_shapes_graph_variable_is_refused_in_one_line(store: LocalStore, engine: str):
    message = refusal(store, constraint("SELECT $this WHERE { GRAPH $shapesGraph { $this ?p ?o } }"), engine)
    assert "shapesGraph" in message and "\n" not in message


def test_the_shipped_shapes_keep_to_the_rules_and_stay_with_the_sparql_engine():
    from compgraph.checks.shapes import load_shapes
    from compgraph.checks.sparqlrules import rule_errors

    shapes = load_shapes()
    assert (rule_errors(shapes), plan_each(shapes).fallback) == ([], {})


def test_the_cli_refuses_such_shapes_with_exit_2_and_one_line(tmp_path: Path):
    data = tmp_path / "data.ttl"
    data.write_text("<urn:x:bad> <urn:x:p> <urn:x:o> .\n")
    shapes = tmp_path / "minus.ttl"
    shapes.write_text(HEAD + constraint("SELECT $this WHERE { $this ?p ?o . MINUS { $this <urn:x:q> ?o } }"))
    assert cg(tmp_path / "store", "load", str(data)).returncode == 0
    out = cg(tmp_path / "store", "validate", "--no-save", "--shapes", str(shapes))
    assert out.returncode == 2 and "MINUS" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize(
    "select",
    [
        "SELECT $this WHERE { $this <urn:x:p> ?values . FILTER (?values != <urn:x:z>) }",
        "SELECT $this ?minus WHERE { $this <urn:x:p> ?minus }",
    ],
)
def test_a_variable_named_like_a_forbidden_keyword_is_not_refused(store: LocalStore, select):
    shapes = Graph().parse(data=HEAD + constraint(select), format="turtle")
    fast = validate_store(store, AS_OF, shapes, save=False)
    assert ([f.focus for f in fast.findings], fast.engines["sparql"]) == (["urn:x:bad"], ["urn:x:S"])
    # pySHACL looks for the word anywhere and refuses: one line, never a traceback.
    assert "\n" not in refusal(store, constraint(select), "pyshacl")


def test_a_shacl_af_target_query_may_bind_this_itself(store: LocalStore):
    # sh:SPARQLTarget's query produces $this: the pre-binding rules are for constraints and validators.
    shapes = (
        HEAD
        + """
    <urn:x:S> a sh:NodeShape ; sh:target [ a sh:SPARQLTarget ; sh:select "SELECT ?this WHERE { ?this <urn:x:p> ?o }" ] ;
        sh:property [ sh:path <urn:x:q> ; sh:minCount 1 ] .
    """
    )
    outcome = validate_store(store, AS_OF, Graph().parse(data=shapes, format="turtle"), save=False)
    assert [f.focus for f in outcome.findings] == ["urn:x:bad"]


NO_FOCUS = "sh:targetClass <urn:x:Nothing>"


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_a_query_whose_braces_never_close_is_refused_though_no_focus_node_reaches_it(store: LocalStore, engine: str):
    # pySHACL parses a query only for a focus node, and the SPARQL engine left this one to pySHACL: "conforms"
    shapes = constraint("SELECT $this WHERE { $this <urn:x:p> ?o . { }")
    said = refusal(store, shapes.replace("sh:targetNode <urn:x:bad>, <urn:x:good>", NO_FOCUS), engine)
    assert said.startswith("shapes graph: the sh:sparql of urn:x:S: sh:select is not valid SPARQL: line 1, column")


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_a_syntax_error_is_placed_in_the_query_as_written_not_in_the_engines_rewrite(store: LocalStore, engine: str):
    # Oxigraph's message counted the lines of the engine's own query (25 prefix lines first) and named no shape
    said = refusal(store, constraint("SELECT $this WHERE {\n  $this <urn:x:p> ?o .\n  FILTER (?o = )\n}"), engine)
    # the parser stops where it can read no further: the FILTER's line or the brace after it, of four lines
    assert re.search(r"sh:sparql of urn:x:S: sh:select is not valid SPARQL: line [34], column \d+: a syntax", said)


def test_a_prefix_no_declaration_gives_is_called_undeclared(store: LocalStore):
    said = refusal(store, constraint("SELECT $this WHERE { $this nope:p ?o }"), "sparql")
    assert "line 1, column" in said and "an undeclared prefix" in said


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_a_query_nested_thousands_deep_is_refused_in_one_line(store: LocalStore, engine: str):
    # the planner and rdflib's parser raised RecursionError (a traceback), and Oxigraph's parser crashed the process
    select = "SELECT $this WHERE { " + "{ " * 2000 + "$this <urn:x:p> ?o ." + " }" * 2000 + " }"
    said = refusal(store, constraint(select), engine)
    assert said == (
        "shapes graph: the sh:sparql of urn:x:S: sh:select cannot be read: line 1, column 532: brackets nested more"
        " than 256 deep; no SPARQL engine here parses that"
    )


def test_pyshacl_refuses_a_prefix_the_shapes_do_not_declare_in_one_line(store: LocalStore):
    # compgraph's own prefixes let the SPARQL engine read cg:, pySHACL reads only sh:prefixes: rdflib's bare
    # Exception was a traceback
    said = refusal(store, constraint("SELECT $this WHERE { $this cg:nope ?o }"), "pyshacl")
    assert said == (
        "shapes graph: pySHACL: a SPARQL query of these shapes uses a prefix they do not declare (Unknown namespace"
        " prefix : cg)"
    )
