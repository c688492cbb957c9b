"""checks/, one behaviour at a time: what the fifteenth session's fresh sample of checks/ mutants found no test pinning.

A seeded random sample of every mutant of checks/, drawn apart from the fourteenth session's
(docs/mutation-survivors.md, "checks/ fresh sample (2026-12-04, fifteenth session)"): each test here is named for
the behaviour a surviving mutant broke. Where a shape is validated, both engines must report the same focus nodes
and the SPARQL engine must run the shape itself (a query it cannot build falls back to pySHACL, which would agree
whatever the SPARQL side does).
"""

from __future__ import annotations

import re
import stat
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from compgraph.checks.incremental import STATE, validate_incremental
from compgraph.checks.report import Outcome, last_report_counts
from compgraph.checks.sparql import rewrite_not_exists
from compgraph.checks.sparql.plan import plan, plan_each
from compgraph.checks.sparqldeps import needs_of
from compgraph.checks.validate import only_these, validate_store
from compgraph.graph.store import LocalStore

# the fixture of tests/checks/conftest.py
BothEngines = Callable[[LocalStore, str, list[str]], list[str]]

AS_OF = date(2026, 11, 22)
PREFIX = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"

# <a> has one value of p in the qualified shape's list, <b> none.
DATA = b"""
<urn:x:a> <urn:x:p> <urn:x:y> .
<urn:x:b> <urn:x:q> <urn:x:y> .
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStore]:
    s = LocalStore(tmp_path_factory.mktemp("whole-run2") / "store")
    s.replace_graph("urn:x:data", DATA)
    yield s
    s.close()


NEGATIVE_QUALIFIED_MAXIMUM = """
<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:a>, <urn:x:b> ;
    sh:node [ sh:property [ sh:path <urn:x:p> ; sh:qualifiedValueShape [ sh:in ( <urn:x:y> ) ] ;
                            sh:qualifiedMaxCount -1 ] ] .
"""


def test_a_nested_shape_with_a_negative_qualified_maximum_fails_where_a_value_conforms(
    both_engines: BothEngines, store: LocalStore
) -> None:
    # No count can be under -1; pySHACL reports the focus node that has a conforming value, and so must the compiled
    # nested shape (its "none may conform" form, not the counting one).
    assert both_engines(store, NEGATIVE_QUALIFIED_MAXIMUM, ["urn:x:S"]) == ["urn:x:a"]


def test_a_blank_node_subject_is_followed_by_its_predicate() -> None:
    # "[]" as a subject: the predicate after it is read as one, not as something unknown that could match any.
    needs = needs_of("SELECT * WHERE { [] <urn:x:p> ?o }", {})
    assert (needs.any_predicate, needs.iris) == (False, {"urn:x:p"})


def test_a_token_the_reader_cannot_place_where_a_subject_should_be_makes_the_query_depend_on_every_predicate() -> None:
    # What the reader does not follow must make the query depend on everything (a missed dependency costs a finding).
    assert needs_of("SELECT * WHERE { ?s <urn:x:p> ?o . = }", {}).any_predicate is True


# C is a class and a shape only because J refers to it with sh:node. Not being a SHACL instance of sh:NodeShape,
# it has no implicit class target (SHACL 1.0 2.1.3.3; pySHACL would give it one, checks/targets.py), so its own
# instance <i>, which is not in its list, is not validated; <n> is, through J.
CLASS_SHAPE_BY_REFERENCE = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:x:C> a rdfs:Class ; sh:in ( <urn:x:ok> ) .
<urn:x:J> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:node <urn:x:C> .
"""
# The same class declared a node shape too: now it is its own target class, and <i> violates it.
NODE_SHAPE_CLASS_BY_REFERENCE = CLASS_SHAPE_BY_REFERENCE.replace("a rdfs:Class ;", "a rdfs:Class, sh:NodeShape ;")
CLASS_DATA = b"""
<urn:x:i> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:x:C> .
<urn:x:n> <urn:x:p> <urn:x:o> .
"""


def test_a_class_that_is_a_shape_only_through_sh_node_is_not_validated_on_its_own_instances(
    both_engines: BothEngines, tmp_path: Path
) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", CLASS_DATA)
        assert both_engines(s, CLASS_SHAPE_BY_REFERENCE, ["urn:x:J"]) == ["urn:x:n"]


def test_a_node_shape_class_named_by_sh_node_is_validated_on_its_own_instances(
    both_engines: BothEngines, tmp_path: Path
) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", CLASS_DATA)
        assert both_engines(s, NODE_SHAPE_CLASS_BY_REFERENCE, ["urn:x:C", "urn:x:J"]) == ["urn:x:i", "urn:x:n"]


def fast_and_reference(tmp_path: Path, shapes_text: str) -> tuple[Outcome, Outcome]:
    """The default engine's and pySHACL's outcomes for these shapes on CLASS_DATA."""
    shapes = Graph().parse(data=PREFIX + shapes_text, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", CLASS_DATA)
        fast = validate_store(s, AS_OF, shapes, save=False)
        return fast, validate_store(s, AS_OF, shapes, save=False, engine="pyshacl")


LEFT_TO_PYSHACL = """
<urn:x:K> a sh:NodeShape ; sh:targetNode <urn:x:n> ;
    sh:sparql [ sh:select "SELECT $this WHERE { $this ?p ?o } LIMIT 1" ] .
"""


def test_a_node_shape_class_named_by_sh_node_is_reported_once_beside_a_shape_left_to_pyshacl(
    tmp_path: Path,
) -> None:
    # K's LIMIT sends it to pySHACL: C's findings must come from one engine, once.
    fast, reference = fast_and_reference(tmp_path, NODE_SHAPE_CLASS_BY_REFERENCE + LEFT_TO_PYSHACL)
    found = sorted((f.focus, f.rule) for f in fast.findings)
    assert found == sorted((f.focus, f.rule) for f in reference.findings)
    assert found == [("urn:x:i", "urn:x:C"), ("urn:x:n", "urn:x:J"), ("urn:x:n", "urn:x:K")]


def test_a_class_that_is_a_shape_only_through_sh_node_gets_no_target_from_the_pyshacl_fallback_either(
    tmp_path: Path,
) -> None:
    fast, reference = fast_and_reference(tmp_path, CLASS_SHAPE_BY_REFERENCE + LEFT_TO_PYSHACL)
    found = sorted((f.focus, f.rule) for f in fast.findings)
    assert found == sorted((f.focus, f.rule) for f in reference.findings)
    assert found == [("urn:x:n", "urn:x:J"), ("urn:x:n", "urn:x:K")]


INTEGER_SHAPES = """
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<urn:x:S> a sh:NodeShape ; sh:targetSubjectsOf <urn:x:p> ; sh:property [ sh:path <urn:x:p> ; sh:datatype xsd:integer ] .
"""


def test_an_incremental_run_saves_its_report_unless_told_not_to(tmp_path: Path) -> None:
    shapes = Graph().parse(data=PREFIX + INTEGER_SHAPES, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b'<urn:x:a> <urn:x:p> "not a number" .\n')
        validate_incremental(s, AS_OF, shapes)
        saved = last_report_counts(s)
    assert (saved["as_of"], saved["counts"]) == (AS_OF.isoformat(), {"Violation": 1})


def test_a_saved_report_is_stamped_in_utc_to_the_second(tmp_path: Path) -> None:
    shapes = Graph().parse(data=PREFIX + INTEGER_SHAPES, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b'<urn:x:a> <urn:x:p> "not a number" .\n')
        validate_store(s, AS_OF, shapes)
        created = last_report_counts(s)["created"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", str(created)), created


def test_leaving_a_shape_out_removes_its_targets_but_not_a_type_that_is_no_class() -> None:
    # Only an implicit class target (a type that is rdfs:Class or a subclass of it) is a target; a shape's other
    # types stay, even when the shapes graph says what they are subclasses of.
    data = "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    data += "sh:NodeShape rdfs:subClassOf sh:Shape .\n<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ."
    kept = only_these(Graph().parse(data=PREFIX + data, format="turtle"), set())
    assert (URIRef("urn:x:S"), RDF.type, SH.NodeShape) in kept
    assert (URIRef("urn:x:S"), SH.targetNode, None) not in kept


def test_a_string_between_select_and_where_is_skipped_even_when_it_holds_a_brace() -> None:
    query = 'SELECT $this ("a {b}" AS ?s) WHERE { $this a <urn:x:C> . FILTER NOT EXISTS { $this <urn:x:p> ?x } }'
    out = rewrite_not_exists(query)
    assert out.startswith('SELECT $this ("a {b}" AS ?s) WHERE { $this a <urn:x:C> .')
    assert "MINUS { $this <urn:x:p> ?x }" in out


def test_the_incremental_state_is_kept_in_a_directory_only_its_owner_can_enter(tmp_path: Path) -> None:
    # The kept rows quote the data: the directory holding them is created private (mode 700), not traversable by others.
    shapes = Graph().parse(data=PREFIX + INTEGER_SHAPES, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b'<urn:x:a> <urn:x:p> "not a number" .\n')
        validate_incremental(s, AS_OF, shapes, save=False)
        state = s.root / STATE
    assert state.exists() and stat.S_IMODE(state.parent.stat().st_mode) == 0o700


def test_an_incremental_run_with_the_shapes_read_anew_reruns_nothing_when_nothing_changed(tmp_path: Path) -> None:
    # Each process parses the shapes again, naming the blank property shape anew: a query is known by what it is,
    # not by that name, or every run after the first would run every query again.
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b'<urn:x:a> <urn:x:p> "not a number" .\n')
        validate_incremental(s, AS_OF, Graph().parse(data=PREFIX + INTEGER_SHAPES, format="turtle"), save=False)
        again = validate_incremental(s, AS_OF, Graph().parse(data=PREFIX + INTEGER_SHAPES, format="turtle"), save=False)
    assert (again.why_full, again.rerun, len(again.outcome.findings)) == ("", 0, 1)


def test_a_comment_right_after_a_string_before_where_is_skipped_even_when_it_holds_a_brace() -> None:
    query = (
        'SELECT $this ("a"# {not the group}\n AS ?s) WHERE { $this a <urn:x:C> . '
        "FILTER NOT EXISTS { $this <urn:x:p> ?x } }"
    )
    out = rewrite_not_exists(query)
    assert out.startswith('SELECT $this ("a"# {not the group}\n AS ?s) WHERE { $this a <urn:x:C> .')
    assert "MINUS { $this <urn:x:p> ?x }" in out


def test_a_value_constraint_on_a_class_s_instances_has_a_form_for_few_focus_nodes() -> None:
    # For a class with few instances the targets are joined as a plain pattern (index look-ups per focus node),
    # not as the DISTINCT sub-select that Oxigraph plans as a scan of the whole property.
    data = "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    data += "<urn:x:S> a sh:NodeShape ; sh:targetClass <urn:x:K> ; "
    data += "sh:property [ sh:path <urn:x:p> ; sh:datatype xsd:integer ] ."
    (q,) = plan(Graph().parse(data=PREFIX + data, format="turtle")).queries
    assert q.target_classes == (URIRef("urn:x:K"),) and q.few_sparql is not None
    assert "SELECT DISTINCT ?this WHERE" in q.sparql and "SELECT DISTINCT ?this WHERE" not in q.few_sparql


def test_an_iri_holding_a_hash_between_select_and_where_is_no_comment() -> None:
    query = "SELECT $this (<urn:x:ns#v> AS ?t) WHERE { $this a <urn:x:C> . FILTER NOT EXISTS { $this <urn:x:p> ?x } }"
    out = rewrite_not_exists(query)
    assert out.startswith("SELECT $this (<urn:x:ns#v> AS ?t) WHERE { $this a <urn:x:C> .")
    assert "MINUS { $this <urn:x:p> ?x }" in out


SEE_ALSO_DECLARES = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ;
    sh:sparql [ sh:select "SELECT $this WHERE { $this a:p ?o }" ; sh:prefixes <urn:x:own> ;
                rdfs:seeAlso <urn:x:other> ] .
<urn:x:own> sh:declare [ sh:prefix "a" ; sh:namespace "urn:a:"^^<http://www.w3.org/2001/XMLSchema#anyURI> ] .
<urn:x:other> sh:declare [ sh:prefix "b" ; sh:namespace "urn:b:"^^<http://www.w3.org/2001/XMLSchema#anyURI> ] .
"""


def test_a_sparql_constraint_takes_prefixes_only_from_its_sh_prefixes() -> None:
    (q,) = plan(Graph().parse(data=PREFIX + SEE_ALSO_DECLARES, format="turtle")).queries
    assert "PREFIX a: <urn:a:>" in q.sparql and "PREFIX b:" not in q.sparql


def test_a_shape_with_a_constraint_the_sparql_engine_does_not_know_is_left_to_pyshacl_naming_it() -> None:
    # Planned without it, the constraint would be dropped and its violations never reported.
    data = "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:expression false ."
    p = plan_each(Graph().parse(data=PREFIX + data, format="turtle"))
    assert (p.fallback, p.queries) == ({URIRef("urn:x:S"): "sh:expression"}, [])


UNWORDED_SPARQL = """
<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ;
    sh:sparql [ sh:select "SELECT $this WHERE { $this <urn:x:p> ?o }" ] .
"""


def test_a_sparql_constraint_with_no_message_is_reported_as_a_constraint_not_met_by_both_engines(
    tmp_path: Path,
) -> None:
    fast, reference = fast_and_reference(tmp_path, UNWORDED_SPARQL)
    assert fast.engines["sparql"] == ["urn:x:S"]
    assert [f.message for f in fast.findings] == [f.message for f in reference.findings] == ["constraint not met"]


def test_an_exclusive_minimum_refuses_a_value_equal_to_it_in_both_engines(
    both_engines: BothEngines, tmp_path: Path
) -> None:
    shapes = "<urn:x:S> a sh:NodeShape ; sh:targetSubjectsOf <urn:x:p> ;"
    shapes += " sh:property [ sh:path <urn:x:p> ; sh:minExclusive 1 ] ."
    integer = b"<http://www.w3.org/2001/XMLSchema#integer>"
    data = b'<urn:x:equal> <urn:x:p> "1"^^' + integer + b' .\n<urn:x:above> <urn:x:p> "2"^^' + integer + b" .\n"
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", data)
        assert both_engines(s, shapes, ["urn:x:S"]) == ["urn:x:equal"]
