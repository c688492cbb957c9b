"""checks/, one behaviour at a time: what the sixteenth session's third sample of checks/ mutants found no test pinning.

A seeded random sample of every mutant of checks/, drawn apart from the fourteenth and fifteenth sessions' samples
(docs/mutation-survivors.md, "checks/ third sample (2026-12-04, sixteenth session)"): each test here is named for
the behaviour a surviving mutant broke. Where a shape is validated, both engines must report the same focus nodes
and the SPARQL engine must run the shape itself (a query it cannot build falls back to pySHACL, which would agree
whatever the SPARQL side does).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH, XSD

from compgraph.checks.incremental import validate_incremental
from compgraph.checks.report import REPORT_GRAPH, Finding, Outcome, render_text
from compgraph.checks.shapes import load_shape_sources
from compgraph.checks.sparql import rewrite_not_exists
from compgraph.checks.sparql.components import Unsupported
from compgraph.checks.sparql.plan import plan_each
from compgraph.checks.sparqldeps import needs_of
from compgraph.checks.validate import validate_store
from compgraph.graph.build import load_file
from compgraph.graph.catalog import InputError
from compgraph.graph.namespaces import CG
from compgraph.graph.store import LocalStore

# the fixture of tests/checks/conftest.py
BothEngines = Callable[[LocalStore, str, list[str]], list[str]]

AS_OF = date(2026, 11, 22)
PREFIX = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"

# A node shape (no path) in a shapes graph with no RDF list and no path expression at all.
NODE_KIND_SHAPES = "<urn:x:S> a sh:NodeShape ; sh:targetSubjectsOf <urn:x:p> ; sh:nodeKind sh:BlankNode ."


def test_the_saved_report_dates_its_run_as_an_xsd_date(tmp_path: Path) -> None:
    # Auditors compare the saved report's cg:asOf with dates in SPARQL; a plain string compares as no date.
    shapes = Graph().parse(data=PREFIX + NODE_KIND_SHAPES, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b"<urn:x:a> <urn:x:p> <urn:x:o> .\n")
        validate_store(s, AS_OF, shapes)
        rows = s.query(f"SELECT ?d WHERE {{ GRAPH <{REPORT_GRAPH}> {{ ?r <{CG.asOf}> ?d }} }}").rows
    assert [(str(d), d.datatype) for (d,) in rows] == [(AS_OF.isoformat(), XSD.date)]


def test_an_incremental_run_validates_a_node_shape_in_shapes_without_any_path_or_list(tmp_path: Path) -> None:
    shapes = Graph().parse(data=PREFIX + NODE_KIND_SHAPES, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b"<urn:x:a> <urn:x:p> <urn:x:o> .\n")
        inc = validate_incremental(s, AS_OF, shapes, save=False)
    assert [f.focus for f in inc.outcome.findings] == ["urn:x:a"]


# Two patterns, one case-insensitive (its flags), the other not.
PATTERN_FLAGS = """
<urn:x:SA> a sh:NodeShape ; sh:targetSubjectsOf <urn:x:p> ;
    sh:property [ sh:path <urn:x:p> ; sh:pattern "^a$" ; sh:flags "i" ] .
<urn:x:SB> a sh:NodeShape ; sh:targetSubjectsOf <urn:x:q> ; sh:property [ sh:path <urn:x:q> ; sh:pattern "^b$" ] .
"""


def test_a_pattern_s_flags_apply_to_its_own_shape_alone_in_both_engines(
    both_engines: BothEngines, tmp_path: Path
) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b'<urn:x:a> <urn:x:p> "A" .\n<urn:x:b> <urn:x:q> "B" .\n')
        assert both_engines(s, PATTERN_FLAGS, ["urn:x:SA", "urn:x:SB"]) == ["urn:x:b"]


# Of S's two SPARQL constraints, the one saying "has q" is switched off.
ONE_CONSTRAINT_DEACTIVATED = """
<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ;
    sh:sparql [ sh:select "SELECT $this WHERE { $this <urn:x:p> ?o }" ; sh:message "has p" ] ,
              [ sh:select "SELECT $this WHERE { $this <urn:x:q> ?o }" ; sh:message "has q" ; sh:deactivated true ] .
"""


def test_a_deactivated_sparql_constraint_reports_nothing_in_both_engines(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b"<urn:x:n> <urn:x:p> <urn:x:o> .\n<urn:x:n> <urn:x:q> <urn:x:o> .\n")
        shapes = Graph().parse(data=PREFIX + ONE_CONSTRAINT_DEACTIVATED, format="turtle")
        fast = validate_store(s, AS_OF, shapes, save=False)
        reference = validate_store(s, AS_OF, shapes, save=False, engine="pyshacl")
    assert fast.engines["sparql"] == ["urn:x:S"]
    assert [f.message for f in fast.findings] == [f.message for f in reference.findings] == ["has p"]


def test_an_iri_right_after_a_comparison_between_select_and_where_is_read_whole() -> None:
    # "><" : the IRI starts just after a ">"; reading it from one character early found that ">" (and never moved on).
    query = (
        "SELECT $this (?o><urn:x:m> AS ?big) WHERE { $this a <urn:x:C> . $this <urn:x:p> ?o . "
        "FILTER NOT EXISTS { $this <urn:x:q> ?x } }"
    )
    out = rewrite_not_exists(query)
    assert out.startswith("SELECT $this (?o><urn:x:m> AS ?big) WHERE { $this a <urn:x:C> .")
    assert "MINUS { $this <urn:x:q> ?x }" in out


def test_the_text_report_names_each_finding_s_focus_node_shortened() -> None:
    found = Finding("Violation", "rule", str(CG.item), "item", "is wrong")
    assert "  [Violation] cg:item: is wrong" in render_text(Outcome(AS_OF, False, [found], []))


def test_the_text_report_counts_in_the_plural_past_one() -> None:
    found = [Finding("Violation", "rule", f"urn:x:{n}", n, "is wrong") for n in "ab"]
    found.append(Finding("Warning", "rule", "urn:x:c", "c", "is odd"))
    head = render_text(Outcome(AS_OF, False, found, [])).splitlines()[0]
    assert head == f"Validation as of {AS_OF.isoformat()}: 2 violations, 1 warning — does not conform"


# K's LIMIT leaves it to pySHACL, so an incremental run cannot run in part.
LEFT_TO_PYSHACL = """
<urn:x:K> a sh:NodeShape ; sh:targetNode <urn:x:n> ;
    sh:sparql [ sh:select "SELECT $this WHERE { $this ?p ?o } LIMIT 1" ; sh:message "has a value" ] .
"""


def test_an_incremental_run_of_shapes_pyshacl_must_run_validates_those_shapes_not_the_shipped_ones(
    tmp_path: Path,
) -> None:
    shapes = Graph().parse(data=PREFIX + LEFT_TO_PYSHACL, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b"<urn:x:n> <urn:x:p> <urn:x:o> .\n")
        inc = validate_incremental(s, AS_OF, shapes, save=False)
    assert "pySHACL" in inc.why_full
    assert [(f.focus, f.message) for f in inc.outcome.findings] == [("urn:x:n", "has a value")]


def test_a_typed_literal_object_does_not_make_a_query_depend_on_every_predicate() -> None:
    needs = needs_of('SELECT * WHERE { ?s <urn:x:p> "1"^^<urn:x:dt> }', {})
    assert (needs.any_predicate, needs.iris) == (False, {"urn:x:p", "urn:x:dt"})


# Four property shapes deep: r is read on the values of q, of p, of o of the focus node; each level's path
# variable must be its own.
FOUR_DEEP = """
<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ;
    sh:property [ sh:path <urn:x:o> ; sh:property [ sh:path <urn:x:p> ;
        sh:property [ sh:path <urn:x:q> ; sh:property [ sh:path <urn:x:r> ; sh:minCount 1 ] ] ] ] .
"""


def test_a_property_shape_four_deep_is_validated_on_the_values_at_the_end_of_the_paths_in_both_engines(
    both_engines: BothEngines, tmp_path: Path
) -> None:
    data = b"<urn:x:n> <urn:x:o> <urn:x:a> .\n<urn:x:a> <urn:x:p> <urn:x:b> .\n"
    data += b"<urn:x:b> <urn:x:q> <urn:x:c> .\n<urn:x:b> <urn:x:q> <urn:x:d> .\n<urn:x:d> <urn:x:r> <urn:x:e> .\n"
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", data)
        assert both_engines(s, FOUR_DEEP, ["urn:x:S"]) == ["urn:x:c"]


def test_the_engines_name_a_shape_by_its_iri_even_when_it_has_a_label(tmp_path: Path) -> None:
    shapes = "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n" + NODE_KIND_SHAPES
    shapes += '\n<urn:x:S> rdfs:label "Subjects of p are blank" .'
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b"<urn:x:a> <urn:x:p> <urn:x:o> .\n")
        fast = validate_store(s, AS_OF, Graph().parse(data=PREFIX + shapes, format="turtle"), save=False)
    assert fast.engines == {"sparql": ["urn:x:S"], "pyshacl": []}


# Inside sh:node: at most none of the values of p may be y, and a minimum of 0 asks nothing.
QUALIFIED_ZERO_TO_ZERO = """
<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:a>, <urn:x:b> ;
    sh:node [ sh:property [ sh:path <urn:x:p> ; sh:qualifiedValueShape [ sh:in ( <urn:x:y> ) ] ;
                            sh:qualifiedMinCount 0 ; sh:qualifiedMaxCount 0 ] ] .
"""


def test_a_nested_qualified_maximum_holds_beside_a_minimum_of_zero_in_both_engines(
    both_engines: BothEngines, tmp_path: Path
) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b"<urn:x:a> <urn:x:p> <urn:x:y> .\n<urn:x:b> <urn:x:q> <urn:x:y> .\n")
        assert both_engines(s, QUALIFIED_ZERO_TO_ZERO, ["urn:x:S"]) == ["urn:x:a"]


ANY_PREDICATE = """
<urn:x:K> a sh:NodeShape ; sh:targetNode <urn:x:n> ;
    sh:sparql [ sh:select "SELECT $this WHERE { $this ?p ?o }" ; sh:message "has a value" ] .
"""


def test_an_incremental_run_after_one_of_a_constraint_matching_any_predicate_is_a_full_run(tmp_path: Path) -> None:
    shapes = Graph().parse(data=PREFIX + ANY_PREDICATE, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b"<urn:x:n> <urn:x:p> <urn:x:o> .\n")
        validate_incremental(s, AS_OF, shapes, save=False)
        again = validate_incremental(s, AS_OF, shapes, save=False)
    assert again.why_full == "a constraint matches any predicate"
    assert [(f.focus, f.message) for f in again.outcome.findings] == [("urn:x:n", "has a value")]


# <a> is a value of p of both focus nodes: its nested shape is validated once for each, and reported so.
SHARED_VALUE = """
<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n1>, <urn:x:n2> ;
    sh:property [ sh:path <urn:x:p> ; sh:property [ sh:path <urn:x:q> ; sh:minCount 1 ] ] .
"""


def test_a_value_shared_by_two_focus_nodes_is_reported_once_for_each_as_pyshacl_does(tmp_path: Path) -> None:
    shapes = Graph().parse(data=PREFIX + SHARED_VALUE, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b"<urn:x:n1> <urn:x:p> <urn:x:a> .\n<urn:x:n2> <urn:x:p> <urn:x:a> .\n")
        fast = validate_store(s, AS_OF, shapes, save=False)
        reference = validate_store(s, AS_OF, shapes, save=False, engine="pyshacl")
    assert fast.engines["sparql"] == ["urn:x:S"]
    results = [len(list(o.report.subjects(RDF.type, SH.ValidationResult))) for o in (fast, reference)]
    assert results == [2, 2]


def test_a_variable_bound_only_in_an_optional_after_a_block_ending_in_a_string_is_not_taken_as_certain() -> None:
    # ?y may be unbound, so NOT EXISTS { ?y ... } is no MINUS (which keeps a row whose ?y is unbound); the first
    # block ends in a string right at its "}", and cutting it out must not leave a quote that hides the OPTIONAL.
    query = (
        'SELECT $this WHERE { $this <urn:x:p> ?o . FILTER NOT EXISTS { $this <urn:x:t> "a"} '
        "OPTIONAL { $this <urn:x:q> ?y } FILTER NOT EXISTS { ?y <urn:x:r> ?z } }"
    )
    out = rewrite_not_exists(query)
    assert "MINUS { ?y" not in out
    assert "OPTIONAL {  ?y <urn:x:r> ?z  BIND(true AS ?_nx1) } FILTER(!BOUND(?_nx1))" in out


# A SHACL-AF custom target: the SPARQL engine leaves the shape to pySHACL, which must then run it.
CUSTOM_TARGET = """
<urn:x:S> a sh:NodeShape ; sh:nodeKind sh:BlankNode ;
    sh:target [ a sh:SPARQLTarget ; sh:select "SELECT ?this WHERE { ?this <urn:x:p> ?o }" ] .
"""


def test_a_shape_with_a_custom_target_is_left_to_pyshacl_and_its_findings_reported(tmp_path: Path) -> None:
    shapes = Graph().parse(data=PREFIX + CUSTOM_TARGET, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b"<urn:x:a> <urn:x:p> <urn:x:o> .\n")
        fast = validate_store(s, AS_OF, shapes, save=False)
    assert (fast.engines, [f.focus for f in fast.findings]) == ({"sparql": [], "pyshacl": ["urn:x:S"]}, ["urn:x:a"])


def test_a_shape_referring_to_one_with_a_constraint_the_sparql_engine_does_not_know_is_left_to_pyshacl() -> None:
    # Compiled without it, the referred shape's constraint would be dropped and its violations never reported.
    data = "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:node <urn:x:N> .\n"
    data += "<urn:x:N> sh:expression false ."
    p = plan_each(Graph().parse(data=PREFIX + data, format="turtle"))
    assert (list(p.fallback), p.sparql_roots) == ([URIRef("urn:x:S")], [])
    assert p.fallback[URIRef("urn:x:S")] == f"shape urn:x:N: {SH.expression} in a referenced shape"


def test_an_incremental_run_on_data_kept_as_written_leaves_shacl_sparql_to_pyshacl_and_reports_its_finding(
    tmp_path: Path,
) -> None:
    # The store holds "4.0"^^xsd:decimal under an escaped datatype, which the shape's own query cannot compare.
    data = tmp_path / "data.ttl"
    data.write_text('<urn:x:n> <urn:x:price> "4.0"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n')
    select = "SELECT $this ?value WHERE { $this <urn:x:price> ?value FILTER(?value > 3.5) }"
    shapes = f'<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:sparql [ sh:select "{select}" ] .'
    with LocalStore(tmp_path / "store") as s:
        load_file(s, data, as_written=True)
        inc = validate_incremental(s, AS_OF, Graph().parse(data=PREFIX + shapes, format="turtle"), save=False)
    assert "pySHACL" in inc.why_full
    assert [(f.focus, f.value) for f in inc.outcome.findings] == [("urn:x:n", "4.0")]


# n has no value of p in the list: fewer than one conforms.
QUALIFIED_MINIMUM = """
<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ;
    sh:property [ sh:path <urn:x:p> ; sh:qualifiedValueShape [ sh:in ( <urn:x:y> ) ] ; sh:qualifiedMinCount 1 ] .
"""


def test_a_qualified_minimum_not_met_says_fewer_values_conform(tmp_path: Path) -> None:
    # pySHACL words it its own way ("Focus node does not conform to shape MinCount 1: ..."); both report n.
    shapes = Graph().parse(data=PREFIX + QUALIFIED_MINIMUM, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b"<urn:x:n> <urn:x:p> <urn:x:z> .\n")
        fast = validate_store(s, AS_OF, shapes, save=False)
        reference = validate_store(s, AS_OF, shapes, save=False, engine="pyshacl")
    assert fast.engines["sparql"] == ["urn:x:S"]
    assert [f.focus for f in fast.findings] == [f.focus for f in reference.findings] == ["urn:x:n"]
    assert [f.message for f in fast.findings] == ["Fewer than 1 values conform"]


def test_a_variable_bound_only_in_an_optional_after_a_filter_ending_in_a_string_is_not_taken_as_certain() -> None:
    # ?y may be unbound, so NOT EXISTS { ?y ... } is no MINUS; the FILTER's expression ends in a string, and reading
    # on after the FILTER from inside it must not leave a quote that hides the OPTIONAL.
    query = (
        'SELECT $this WHERE { $this <urn:x:p> ?o . FILTER(?o != "a") '
        "OPTIONAL { $this <urn:x:q> ?y } FILTER NOT EXISTS { ?y <urn:x:r> ?z } }"
    )
    out = rewrite_not_exists(query)
    assert "MINUS { ?y" not in out
    assert "OPTIONAL {  ?y <urn:x:r> ?z  BIND(true AS ?_nx1) } FILTER(!BOUND(?_nx1))" in out


PREFIXED_PATH = """
@prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetNode ex:n ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .
"""


def test_a_missing_value_s_message_names_the_path_by_the_shapes_prefix_as_pyshacl_does(tmp_path: Path) -> None:
    shapes = Graph().parse(data=PREFIX + PREFIXED_PATH, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b"<http://example.org/n> <http://example.org/q> <urn:x:o> .\n")
        fast = validate_store(s, AS_OF, shapes, save=False)
        reference = validate_store(s, AS_OF, shapes, save=False, engine="pyshacl")
    assert fast.engines["sparql"] == ["http://example.org/S"]
    messages = [f.message for f in fast.findings]
    assert messages == [f.message for f in reference.findings] == ["Less than 1 values on <http://example.org/n>->ex:p"]


SELECT_STAR = """
<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n>, <urn:x:m> ;
    sh:sparql [ sh:select "SELECT * WHERE { $this <urn:x:p> ?o }" ; sh:message "has p" ] .
"""


def test_a_sparql_constraint_selecting_star_reports_its_rows_in_both_engines(
    both_engines: BothEngines, tmp_path: Path
) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b"<urn:x:n> <urn:x:p> <urn:x:o> .\n<urn:x:m> <urn:x:q> <urn:x:o> .\n")
        assert both_engines(s, SELECT_STAR, ["urn:x:S"]) == ["urn:x:n"]


def test_an_empty_shapes_folder_is_refused_naming_the_file_types_looked_for(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no shapes files \(\.ttl, \.nt, \.jsonld, \.rdf, \.owl, \.trig\) in this"):
        load_shape_sources([tmp_path])


# The constraint projects ?value, not $this: the engine adds ?this to find each row's focus node.
THIS_NOT_PROJECTED = """
<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n>, <urn:x:m> ;
    sh:sparql [ sh:select "SELECT ?value WHERE { $this <urn:x:p> ?value }" ; sh:message "has p" ] .
"""


def test_a_sparql_constraint_not_projecting_this_reports_each_row_s_focus_node_in_both_engines(
    both_engines: BothEngines, tmp_path: Path
) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b"<urn:x:n> <urn:x:p> <urn:x:o> .\n<urn:x:m> <urn:x:q> <urn:x:o> .\n")
        assert both_engines(s, THIS_NOT_PROJECTED, ["urn:x:S"]) == ["urn:x:n"]


def test_a_less_than_between_select_and_where_is_no_iri() -> None:
    # "<" with whitespace before the next ">" is a comparison: the group's "{" after it is the WHERE group's.
    query = (
        "SELECT $this (?o < 2 AS ?small) WHERE { $this a <urn:x:C> . $this <urn:x:p> ?o . "
        "FILTER NOT EXISTS { $this <urn:x:q> ?x } }"
    )
    out = rewrite_not_exists(query)
    assert out.startswith("SELECT $this (?o < 2 AS ?small) WHERE { $this a <urn:x:C> . $this <urn:x:p> ?o .")
    assert "MINUS { $this <urn:x:q> ?x }" in out


def test_a_string_left_open_between_select_and_where_means_no_where_group() -> None:
    with pytest.raises(Unsupported, match="no WHERE group"):
        rewrite_not_exists(
            'SELECT $this ("a AS ?x) WHERE { $this <urn:x:p> ?o FILTER NOT EXISTS { $this <urn:x:q> ?o } }'
        )


def test_a_blank_node_subject_with_properties_is_followed_by_its_predicate() -> None:
    needs = needs_of("SELECT * WHERE { [ <urn:x:p> ?o ] <urn:x:q> ?x }", {})
    assert (needs.any_predicate, needs.iris) == (False, {"urn:x:p", "urn:x:q"})
