"""checks/, one behaviour at a time: what the fourteenth session's mutation run of checks/ found no test pinning.

A seeded random sample of every mutant of checks/ (docs/mutation-survivors.md, "checks/ sample of the whole
package (2026-12-04, fourteenth session)"): each test here is named for the behaviour a surviving mutant broke.
Where a shape is validated, both engines must report the same focus nodes and the SPARQL engine must run the
shape itself (a query it cannot build falls back to pySHACL, which would agree whatever the SPARQL side does).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SH

from compgraph.checks.incremental import validate_incremental
from compgraph.checks.report import Finding, Outcome, last_report_counts, render_json, render_turtle
from compgraph.checks.shapes import load_shape_sources
from compgraph.checks.sparql import rewrite_not_exists
from compgraph.checks.sparql.components import Unsupported
from compgraph.checks.sparql.plan import plan
from compgraph.checks.sparql.rewrite import _first_statement
from compgraph.checks.sparqldeps import needs_of
from compgraph.checks.validate import only_these, validate_store
from compgraph.graph.catalog import InputError
from compgraph.graph.store import LocalStore

# the fixture of tests/checks/conftest.py
BothEngines = Callable[[LocalStore, str, list[str]], list[str]]

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
    both_engines: BothEngines,
    store: LocalStore,
) -> None:
    # <most> has exactly max + 1 conforming values; <least> has two, which only a maximum taken from the
    # other shape would refuse.
    assert both_engines(store, QUALIFIED, ["urn:x:AtLeastOne", "urn:x:AtMostOne"]) == ["urn:x:most"]


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


@pytest.mark.parametrize(
    ("query", "any_predicate"),
    [
        # patterns go on after a VALUES block, after a FILTER's parentheses and after a GRAPH's name
        ("SELECT * WHERE { VALUES ?x { 1 } ?s ?p ?x }", True),
        ("SELECT * WHERE { ?s <urn:x:p> ?o FILTER(?o > 1) ?s ?q ?z }", True),
        # a VALUES block's terms and a GRAPH's name are no patterns; a blank node's property list is an object
        ("SELECT * WHERE { ?s <urn:x:p> [ <urn:x:q> ?z ] . ?a <urn:x:r> ?b }", False),
        ("SELECT * WHERE { ?s <urn:x:p> [] . ?a <urn:x:r> ?b }", False),
        ("SELECT * WHERE { ?s <urn:x:p> [] . ?a ?r ?b }", True),
        ("SELECT * WHERE { ?s <urn:x:p> ?x } VALUES ?x { 1 2 }", False),
        # a language tag is its literal's, in capitals too
        ('SELECT * WHERE { ?s <urn:x:p> "x"@EN ; <urn:x:q> ?o }', False),
        ("SELECT * WHERE { VALUES ?x { <urn:x:a> <urn:x:b> } ?s <urn:x:p> ?x }", False),
        ("SELECT * WHERE { ?s <urn:x:p> ?o GRAPH ?g { ?s <urn:x:q> ?z } }", False),
        # a prefix the query declares is expanded (an unknown one could match anything)
        ("PREFIX ex: <urn:x:> SELECT * WHERE { ?s ex:p ?o }", False),
    ],
)
def test_a_query_depends_on_every_predicate_exactly_when_a_pattern_can_match_any(
    query: str, any_predicate: bool
) -> None:
    assert needs_of(query, {}).any_predicate is any_predicate


def test_a_prefix_the_query_declares_names_the_predicate_it_reads() -> None:
    assert "urn:x:p" in needs_of("PREFIX ex: <urn:x:> SELECT * WHERE { ?s ex:p ?o }", {}).iris


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
    assert again.seconds > 0  # the run is timed, not left at a default
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


def test_only_these_keeps_the_shapes_prefixes_for_pyshacl_s_messages() -> None:
    shapes = Graph().parse(
        data=PREFIX + "@prefix ex: <urn:x:> .\nex:S a sh:NodeShape ; sh:targetNode ex:n .", format="turtle"
    )
    kept = dict(only_these(shapes, set()).namespaces())
    assert str(kept["ex"]) == "urn:x:" and str(kept["sh"]) == "http://www.w3.org/ns/shacl#"


def test_the_report_as_turtle_names_terms_by_the_project_s_prefixes() -> None:
    data = "@prefix cg: <https://w3id.org/compgraph/ontology#> .\n"
    data += "[] a sh:ValidationReport ; sh:result [ sh:focusNode cg:x ] ."
    text = render_turtle(Outcome(AS_OF, False, [], Graph().parse(data=PREFIX + data, format="turtle")))
    assert "@prefix cg: <https://w3id.org/compgraph/ontology#> ." in text and "sh:focusNode cg:x" in text


def test_a_shape_left_to_pyshacl_makes_an_incremental_run_a_full_one_that_runs_every_query(tmp_path: Path) -> None:
    shapes = Graph().parse(data=PREFIX + CLASS_SHAPE_BESIDE_A_FALLBACK, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b"<urn:x:n> <urn:x:p> <urn:x:o> .\n")
        inc = validate_incremental(s, AS_OF, shapes, save=False)
    assert "need pySHACL" in inc.why_full and inc.rerun == inc.queries


def test_a_graph_written_before_the_audit_trail_is_validated_incrementally(tmp_path: Path) -> None:
    import pyoxigraph as ox

    shapes = Graph().parse(data=PREFIX + INTEGER_SHAPES, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        # written straight into the store, as a store made before the trail existed holds it
        s.oxigraph.add(
            ox.Quad(ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:p"), ox.Literal("x"), ox.NamedNode("urn:x:old"))
        )
        inc = validate_incremental(s, AS_OF, shapes, save=False)
        full = validate_store(s, AS_OF, shapes, save=False)
    assert len(full.findings) == 1 and inc.outcome.findings == full.findings


CLASS_TARGET_SHAPES = """
<urn:x:S> a sh:NodeShape ; sh:targetClass <urn:x:C> ; sh:property [ sh:path <urn:x:p> ; sh:minCount 1 ] .
"""
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def _incremental_after_a_new_instance_of_the_target_class(tmp_path: Path):  # noqa: ANN202
    """An incremental run, then a new instance of the target class (its type only), then the next incremental run
    and a full run: (incremental, full)."""
    shapes = Graph().parse(data=PREFIX + CLASS_TARGET_SHAPES, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", f'<urn:x:a> {TYPE} <urn:x:C> .\n<urn:x:a> <urn:x:p> "1" .\n'.encode())
        validate_incremental(s, AS_OF, shapes, save=False)
        s.replace_graph(
            "urn:x:data",
            f'<urn:x:a> {TYPE} <urn:x:C> .\n<urn:x:a> <urn:x:p> "1" .\n<urn:x:b> {TYPE} <urn:x:C> .\n'.encode(),
        )
        return validate_incremental(s, AS_OF, shapes, save=False), validate_store(s, AS_OF, shapes, save=False)


def test_a_new_instance_of_a_target_class_is_validated_by_the_next_incremental_run(tmp_path: Path) -> None:
    inc, full = _incremental_after_a_new_instance_of_the_target_class(tmp_path)
    assert [f.focus for f in full.findings] == ["urn:x:b"]
    assert not inc.why_full and inc.outcome.findings == full.findings


def test_an_incremental_run_names_a_change_in_class_membership_by_its_class(tmp_path: Path) -> None:
    # Named by the class's IRI as people read it, not by the raw "type IRI" key (found by the checks/ fourth sample).
    inc, _ = _incremental_after_a_new_instance_of_the_target_class(tmp_path)
    assert "urn:x:C (class)" in inc.changed


def test_a_shapes_source_that_does_not_exist_is_refused_saying_so(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such shapes file or folder"):
        load_shape_sources([tmp_path / "missing.ttl"])


def test_a_store_with_no_saved_report_has_no_counts_and_no_date(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as s:
        assert last_report_counts(s) == {"as_of": None, "created": None, "counts": {}}


def test_two_conforming_outcomes_merged_conform_and_say_so_once_in_the_report() -> None:
    def conforming() -> Outcome:
        node = BNode()
        return Outcome(AS_OF, True, [], [(node, RDF.type, SH.ValidationReport), (node, SH.conforms, Literal(True))])

    merged = conforming().merged(conforming())
    assert merged.conforms is True
    assert list(merged.report.objects(None, SH.conforms)) == [Literal(True)]


def test_a_string_with_an_escaped_quote_ends_at_its_own_closing_quote() -> None:
    query = (
        'SELECT $this WHERE { $this a <urn:x:C> ; <urn:x:n> ?n . FILTER(?n != "a\\"b")'
        ' FILTER NOT EXISTS { $this <urn:x:p> "c" } }'
    )
    assert 'FILTER(?n != "a\\"b")  MINUS { $this <urn:x:p> "c" }' in rewrite_not_exists(query)


def test_a_first_statement_with_a_parenthesised_path_ends_at_its_full_stop() -> None:
    group = "?s (<urn:x:a>|<urn:x:b>) ?o . ?o <urn:x:c> ?v"
    assert _first_statement(group) == group.index(" .") + 1


def test_planning_shapes_the_sparql_engine_cannot_run_names_each_of_them() -> None:
    shapes = Graph().parse(data=PREFIX + CLASS_SHAPE_BESIDE_A_FALLBACK, format="turtle")
    with pytest.raises(Unsupported, match="^urn:x:K: .*LIMIT/OFFSET"):
        plan(shapes)


SUBCLASS_SHAPES = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:x:S> a sh:NodeShape ; sh:targetClass <urn:x:Super> ; sh:property [ sh:path <urn:x:p> ; sh:minCount 1 ] .
"""


def test_a_new_instance_of_a_subclass_of_a_target_class_is_validated_by_the_next_incremental_run(
    tmp_path: Path,
) -> None:
    shapes = Graph().parse(data=PREFIX + SUBCLASS_SHAPES, format="turtle")
    sub = "<urn:x:Sub> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <urn:x:Super> .\n"
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", f'{sub}<urn:x:a> {TYPE} <urn:x:Super> .\n<urn:x:a> <urn:x:p> "1" .\n'.encode())
        validate_incremental(s, AS_OF, shapes, save=False)
        s.replace_graph("urn:x:more", f"<urn:x:b> {TYPE} <urn:x:Sub> .\n".encode())
        inc = validate_incremental(s, AS_OF, shapes, save=False)
        full = validate_store(s, AS_OF, shapes, save=False)
    assert [f.focus for f in full.findings] == ["urn:x:b"]
    assert not inc.why_full and inc.outcome.findings == full.findings


def test_a_nested_shape_with_an_empty_or_is_violated_by_every_focus_node(store: LocalStore) -> None:
    # No member of an empty sh:or conforms (SHACL: a value node must conform to at least one). pySHACL refuses
    # the empty list when it loads the shapes, so only the SPARQL engine is asked here.
    empty_or = "<urn:x:EmptyOr> a sh:NodeShape ; sh:targetNode <urn:x:least> ; sh:node [ sh:or () ] ."
    shapes = Graph().parse(data=PREFIX + empty_or, format="turtle")
    outcome = validate_store(store, AS_OF, shapes, save=False)
    assert outcome.engines == {"sparql": ["urn:x:EmptyOr"], "pyshacl": []}
    assert [f.focus for f in outcome.findings] == ["urn:x:least"]


def test_a_decimal_in_a_first_statement_is_no_full_stop() -> None:
    group = "?s <urn:x:p> 1.5 . ?s <urn:x:q> ?v"
    assert _first_statement(group) == group.index(" .") + 1


def test_the_json_report_says_why_a_shape_was_left_to_pyshacl(store: LocalStore) -> None:
    shapes = Graph().parse(data=PREFIX + CLASS_SHAPE_BESIDE_A_FALLBACK, format="turtle")
    engine = json.loads(render_json(validate_store(store, AS_OF, shapes, save=False)))["engine"]
    assert engine["pyshacl"] == ["urn:x:K"] and "LIMIT/OFFSET" in engine["fallback_reasons"]["urn:x:K"]


def test_pyshacl_asked_alone_names_a_blank_root_shape_by_its_label(store: LocalStore) -> None:
    blank = "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    blank += '[] a sh:NodeShape ; rdfs:label "Blank root" ; sh:targetNode <urn:x:least> ;'
    blank += " sh:property [ sh:path <urn:x:p> ; sh:minCount 1 ] ."
    outcome = validate_store(
        store, AS_OF, Graph().parse(data=PREFIX + blank, format="turtle"), save=False, engine="pyshacl"
    )
    assert outcome.engines == {"sparql": [], "pyshacl": ["Blank root"]}


NONE_MAY_CONFORM = """
<urn:x:NoneInList> a sh:NodeShape ; sh:targetNode <urn:x:least> ;
    sh:node [ sh:property [ sh:path <urn:x:p> ; sh:qualifiedValueShape [ sh:in ( <urn:x:y> ) ] ;
                            sh:qualifiedMaxCount 0 ] ] .
"""


def test_a_nested_qualified_maximum_of_zero_is_violated_by_one_conforming_value(
    both_engines: BothEngines, store: LocalStore
) -> None:
    assert both_engines(store, NONE_MAY_CONFORM, ["urn:x:NoneInList"]) == ["urn:x:least"]


def test_a_nested_empty_language_list_is_violated_by_every_value(store: LocalStore) -> None:
    # The SPARQL engine alone: what pySHACL makes of an empty sh:languageIn list is not what this pins.
    shape = "<urn:x:NoLanguage> a sh:NodeShape ; sh:targetNode <urn:x:least> ;"
    shape += " sh:node [ sh:property [ sh:path <urn:x:p> ; sh:languageIn () ] ] ."
    outcome = validate_store(store, AS_OF, Graph().parse(data=PREFIX + shape, format="turtle"), save=False)
    assert outcome.engines == {"sparql": ["urn:x:NoLanguage"], "pyshacl": []}
    assert [f.focus for f in outcome.findings] == ["urn:x:least"]


TWO_PREFIXES = """
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<urn:x:pa> sh:declare [ sh:prefix "ex" ; sh:namespace "urn:a:"^^xsd:anyURI ] .
<urn:x:pb> sh:declare [ sh:prefix "ex" ; sh:namespace "urn:b:"^^xsd:anyURI ] .
<urn:x:A> a sh:NodeShape ; sh:targetNode <urn:x:least> ;
    sh:sparql [ sh:prefixes <urn:x:pa> ; sh:select "SELECT $this WHERE { $this ex:p ?o }" ] .
<urn:x:B> a sh:NodeShape ; sh:targetNode <urn:x:least> ;
    sh:sparql [ sh:prefixes <urn:x:pb> ; sh:select "SELECT $this WHERE { $this ex:p ?o }" ] .
"""


def test_each_sparql_constraint_reads_its_own_prefixes(both_engines: BothEngines, tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b"<urn:x:least> <urn:a:p> <urn:x:y> .\n")
        found = both_engines(s, TWO_PREFIXES, ["urn:x:A", "urn:x:B"])
    assert found == ["urn:x:least"]
