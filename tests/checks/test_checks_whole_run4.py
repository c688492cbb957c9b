"""checks/, one behaviour at a time: what the seventeenth session's fourth sample of checks/ mutants found no test
pinning.

A seeded random sample of every mutant of checks/, drawn apart from the seed-14, 15 and 16 samples
(docs/mutation-survivors.md, "checks/ fourth sample (2026-12-05, seventeenth session)"): each test here is named
for the behaviour a surviving mutant broke. Where a shape is validated, both engines must report the same focus
nodes and the SPARQL engine must run the shape itself (a query it cannot build falls back to pySHACL, which would
agree whatever the SPARQL side does).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from compgraph.checks.integrity import with_evidence_integrity
from compgraph.checks.report import Outcome, render_engines, render_json
from compgraph.checks.sparql.components import Unsupported
from compgraph.checks.sparql.rewrite import hash_joins, rewrite_not_exists
from compgraph.checks.sparql.run import _labels
from compgraph.checks.sparqldeps import needs_of
from compgraph.checks.sparqlrules import rule_errors, with_imported_prefixes
from compgraph.graph.build import load_file
from compgraph.graph.snapshots import SnapshotStore
from compgraph.graph.store import LocalStore

# the fixture of tests/checks/conftest.py
BothEngines = Callable[[LocalStore, str, list[str]], list[str]]

AS_OF = date(2026, 11, 22)
PREFIX = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"


# A's values must include one with value z, kept apart from its siblings' qualified shapes; B, another shape,
# has a qualified shape z also conforms to. B's property shape is no sibling of A's (SHACL 4.7.3: siblings share
# a parent), so d1's one value z still counts for A.
DISJOINT_BESIDE_ANOTHER_SHAPE = """
<urn:x:A> a sh:NodeShape ; sh:targetNode <urn:x:d1> , <urn:x:d2> ;
    sh:property [ sh:path <urn:x:p> ; sh:qualifiedValueShape [ sh:hasValue <urn:x:z> ] ;
                  sh:qualifiedValueShapesDisjoint true ; sh:qualifiedMinCount 1 ] .
<urn:x:B> a sh:NodeShape ; sh:targetNode <urn:x:d3> ;
    sh:property [ sh:path <urn:x:q> ; sh:qualifiedValueShape [ sh:hasValue <urn:x:z> ] ; sh:qualifiedMinCount 1 ] .
"""


def test_disjoint_qualified_shapes_ignore_the_qualified_shapes_of_another_shape_in_both_engines(
    both_engines: BothEngines, tmp_path: Path
) -> None:
    data = b"<urn:x:d1> <urn:x:p> <urn:x:z> .\n<urn:x:d2> <urn:x:p> <urn:x:w> .\n<urn:x:d3> <urn:x:q> <urn:x:z> .\n"
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", data)
        assert both_engines(s, DISJOINT_BESIDE_ANOTHER_SHAPE, ["urn:x:A", "urn:x:B"]) == ["urn:x:d2"]


def test_a_nested_not_exists_before_the_pattern_binding_its_shared_variable_keeps_the_query_s_rows(
    tmp_path: Path,
) -> None:
    # ?y is bound only after the block: its MINUS goes to the group's end. s1's y has a p value without q (kept
    # out), s2's y has a p value with q (kept), s3's y has no p value (kept).
    query = (
        "SELECT ?this WHERE { FILTER NOT EXISTS { ?y <urn:x:p> ?o . FILTER NOT EXISTS { ?o <urn:x:q> ?z } } "
        "?this <urn:x:a> ?y . }"
    )
    data = (
        b"<urn:x:s1> <urn:x:a> <urn:x:y1> .\n<urn:x:y1> <urn:x:p> <urn:x:o1> .\n"
        b"<urn:x:s2> <urn:x:a> <urn:x:y2> .\n<urn:x:y2> <urn:x:p> <urn:x:o2> .\n<urn:x:o2> <urn:x:q> <urn:x:z> .\n"
        b"<urn:x:s3> <urn:x:a> <urn:x:y3> .\n"
    )
    rewritten = rewrite_not_exists(query)
    assert "NOT EXISTS" not in rewritten
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", data)
        rows = sorted(str(r[0]) for r in s.query(rewritten).rows)
        assert rows == sorted(str(r[0]) for r in s.query(query).rows) == ["urn:x:s2", "urn:x:s3"]


def test_a_not_exists_right_after_the_where_brace_is_rewritten_though_the_group_ends_in_a_name() -> None:
    # Nothing before FILTER (the group's first character) is no name it could be part of, whatever ends the group.
    out = rewrite_not_exists("SELECT $this WHERE {FILTER NOT EXISTS { $this <urn:x:q> ?x } $this <urn:x:p> ?o}")
    assert "NOT EXISTS" not in out
    assert "MINUS { $this <urn:x:q> ?x }" in out


def test_an_iri_ending_in_a_hash_is_read_whole_not_as_a_comment() -> None:
    # An ontology's namespace IRI as an object: its "#" opens no comment hiding the rest of the line.
    query = "SELECT $this WHERE { $this <urn:x:p> <http://x.org/ns#> . FILTER NOT EXISTS { $this <urn:x:q> ?x } }"
    out = rewrite_not_exists(query)
    assert out.startswith("SELECT $this WHERE { $this <urn:x:p> <http://x.org/ns#> .")
    assert "MINUS { $this <urn:x:q> ?x }" in out and "NOT EXISTS" not in out


def test_a_less_than_with_no_greater_than_after_it_means_no_where_group() -> None:
    # "<" with no ">" after it opens no IRI; the reader must go on to the end, not back to the query's start.
    with pytest.raises(Unsupported, match="no WHERE group"):
        rewrite_not_exists("SELECT ?this WHERE <x")


def test_a_filter_with_unbalanced_parentheses_is_refused_saying_so() -> None:
    with pytest.raises(Unsupported, match="^unbalanced parentheses in query$"):
        hash_joins("?s <urn:x:p> ?o FILTER(?o > (1)")


def test_values_data_inside_the_where_group_is_no_pattern() -> None:
    needs = needs_of('SELECT ?this WHERE { ?this <urn:x:p> ?v . VALUES ?v { "a" "b" } }', {})
    assert (needs.any_predicate, needs.iris) == (False, {"urn:x:p"})


def test_the_engines_line_counts_one_shape_in_the_singular() -> None:
    outcome = Outcome(AS_OF, True, [], [])
    outcome.engines = {"sparql": ["urn:x:S"], "pyshacl": ["urn:x:T", "urn:x:U"]}
    assert render_engines(outcome).splitlines() == [
        "sparql engine ran 1 shape: urn:x:S",
        "pyshacl engine ran 2 shapes: urn:x:T, urn:x:U",
    ]


def test_the_json_report_is_indented_one_key_a_line() -> None:
    outcome = Outcome(AS_OF, True, [], [])
    text = render_json(outcome)
    assert text.splitlines()[:3] == ["{", '  "as_of": "2026-11-22",', '  "conforms": true,']
    assert json.loads(text)["conforms"] is True


LABELLED = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<urn:x:a> rdfs:label "Alpha" ; dcterms:title "Title of a" .
<urn:x:b> dcterms:title "Beta" .
<urn:x:c> <urn:x:p> 3 .
"""


def test_focus_nodes_are_labelled_by_one_query_on_a_store_without_an_embedded_index() -> None:
    # A remote endpoint (here a snapshot, read the same way: by SPARQL only) gets the labels from one query,
    # rdfs:label before dcterms:title; a node without either has none.
    db = ox.Store()
    db.load(LABELLED.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("urn:x:data"))
    nodes = [URIRef("urn:x:a"), URIRef("urn:x:b"), URIRef("urn:x:c"), Literal("a")]
    assert _labels(SnapshotStore(db, "test"), nodes) == {
        URIRef("urn:x:a"): "Alpha",
        URIRef("urn:x:b"): "Beta",
    }


# P declares "a", imports I (declaring "i") and only points at O (declaring "o") with rdfs:seeAlso.
PREFIXES_NODE = """
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<urn:x:P> sh:declare [ sh:prefix "a" ; sh:namespace "urn:a:"^^xsd:anyURI ] ;
    owl:imports <urn:x:I> ; rdfs:seeAlso <urn:x:O> .
<urn:x:I> sh:declare [ sh:prefix "i" ; sh:namespace "urn:i:"^^xsd:anyURI ] .
<urn:x:O> sh:declare [ sh:prefix "o" ; sh:namespace "urn:o:"^^xsd:anyURI ] .
<urn:x:S> a sh:NodeShape ; sh:sparql [ sh:prefixes <urn:x:P> ; sh:select "SELECT $this WHERE { }" ] .
"""


def test_pyshacl_s_shapes_give_a_prefixes_node_what_it_imports_and_nothing_it_only_points_at() -> None:
    out = with_imported_prefixes(Graph().parse(data=PREFIX + PREFIXES_NODE, format="turtle"))
    declared = {str(out.value(d, SH.prefix)) for d in out.objects(URIRef("urn:x:P"), SH.declare)}
    assert declared == {"a", "i"}


def test_a_refused_blank_constraint_is_named_as_the_sh_sparql_of_its_shape() -> None:
    select = "SELECT $this WHERE { VALUES ?o { 1 } $this ?p ?o }"
    shapes = PREFIX + f'<urn:x:S> a sh:NodeShape ; sh:sparql [ sh:select "{select}" ] .'
    (error,) = rule_errors(Graph().parse(data=shapes, format="turtle"))
    assert str(error).startswith("shapes graph: the sh:sparql of urn:x:S: ")


def test_a_changed_evidence_file_counts_as_a_violation(tmp_path: Path) -> None:
    # The severity is the one the counts and the command's exit status read: "Violation", as SHACL's sh:Violation.
    (tmp_path / "log.txt").write_bytes(b"the log\n")
    (tmp_path / "evidence.ttl").write_text(
        "@prefix cg: <https://w3id.org/compgraph/ontology#> .\n"
        '<urn:x:ev> a cg:Evidence ; cg:file "log.txt" ; cg:sha256 "00" .\n',
        encoding="utf-8",
    )
    with LocalStore(tmp_path / "store") as s:
        load_file(s, tmp_path / "evidence.ttl")
        out = with_evidence_integrity(s, Outcome(AS_OF, True, [], []), tmp_path)
    assert out.counts() == {"Violation": 1}
