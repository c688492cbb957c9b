"""checks/, one behaviour at a time: what the eighteenth session's fifth sample of checks/ mutants found no test
pinning.

A seeded random sample of every mutant of checks/, drawn apart from the seed-14 to 17 samples
(docs/mutation-survivors.md, "checks/ fifth sample (2026-12-05, eighteenth session)"): each test here is named for
the behaviour a surviving mutant broke.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import SH

from compgraph.checks import incremental
from compgraph.checks.incremental import validate_incremental
from compgraph.checks.integrity import evidence_findings, with_evidence_integrity
from compgraph.checks.report import Finding, Outcome
from compgraph.checks.shapes import load_shapes
from compgraph.checks.sparql.plan import unsupported
from compgraph.checks.sparql.rewrite import hash_joins, rewrite_not_exists
from compgraph.checks.sparqldeps import needs_of
from compgraph.checks.sparqlrules import ShapesError, rule_errors
from compgraph.checks.sparqltext import matching
from compgraph.checks.validate import validate_store
from compgraph.graph.build import load_file
from compgraph.graph.store import LocalStore

# the fixture of tests/checks/conftest.py
BothEngines = Callable[[LocalStore, str, list[str]], list[str]]

AS_OF = date(2026, 11, 22)
CG = "https://w3id.org/compgraph/ontology#"
RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
PREFIX = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
ORG = f"<urn:x:org> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{CG}Organisation> .\n"


def test_a_one_or_more_path_depends_on_its_predicate_only() -> None:
    needs = needs_of("SELECT ?this WHERE { ?this <urn:x:p>+ ?v }", {})
    assert (needs.any_predicate, needs.iris) == (False, {"urn:x:p"})


def test_an_incremental_run_with_nothing_changed_does_not_read_the_class_hierarchy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the subclass closure is a path query over the whole store, needed only to follow a changed class membership
    # (every write changes one: the history graph's new write); with nothing written there is none to follow
    shapes = load_shapes()
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", (ORG + f'<urn:x:org> {RDFS_LABEL} "Org" .\n').encode())
        validate_incremental(s, AS_OF, shapes, save=False)
        monkeypatch.setattr(incremental, "_superclasses", lambda store: pytest.fail("read the class hierarchy"))
        again = validate_incremental(s, AS_OF, shapes, save=False)
    assert (again.why_full, again.rerun) == ("", 0)


def test_a_sh_select_that_starts_with_no_query_word_is_refused_as_this_text() -> None:
    shapes = PREFIX + '<urn:x:S> a sh:NodeShape ; sh:sparql [ sh:select "{ $this <urn:x:p> ?o }" ] .'
    (error,) = rule_errors(Graph().parse(data=shapes, format="turtle"))
    assert str(error).endswith("sh:select must hold a SPARQL SELECT query, not this text (SHACL 1.0)")


def test_a_term_ended_by_a_dot_with_no_space_before_it_is_read_as_its_own_pattern() -> None:
    assert hash_joins(" ?s <urn:p> ?o. ?o <urn:q> ?z ") == (
        " { SELECT * WHERE { ?s <urn:p> ?o } } { SELECT * WHERE { ?o <urn:q> ?z } } "
    )


def test_a_query_cut_off_after_a_prefix_name_depends_on_every_predicate() -> None:
    # no IRI follows the name, so there is no declaration to read; the reader must not fail on it
    assert needs_of("SELECT ?this WHERE { ?this <urn:x:p> ?o } PREFIX ex:", {}).any_predicate


# n has two values of p in the list: more than one conforms.
QUALIFIED_MAXIMUM = """
<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ;
    sh:property [ sh:path <urn:x:p> ; sh:qualifiedValueShape [ sh:in ( <urn:x:y> <urn:x:z> ) ] ;
                  sh:qualifiedMaxCount 1 ] .
"""


def test_a_qualified_maximum_exceeded_says_more_values_conform(tmp_path: Path) -> None:
    shapes = Graph().parse(data=PREFIX + QUALIFIED_MAXIMUM, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b"<urn:x:n> <urn:x:p> <urn:x:y> .\n<urn:x:n> <urn:x:p> <urn:x:z> .\n")
        fast = validate_store(s, AS_OF, shapes, save=False)
    assert fast.engines["sparql"] == ["urn:x:S"]
    assert [(f.focus, f.message) for f in fast.findings] == [("urn:x:n", "More than 1 values conform")]


def test_an_object_list_after_a_comma_depends_on_its_predicate_only() -> None:
    needs = needs_of("SELECT ?this WHERE { ?this <urn:x:p> ?a , ?b }", {})
    assert (needs.any_predicate, needs.iris) == (False, {"urn:x:p"})


def test_an_incremental_run_after_a_run_as_of_another_day_names_that_day(tmp_path: Path) -> None:
    shapes = load_shapes()
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", ORG.encode())
        validate_incremental(s, AS_OF, shapes, save=False)
        later = validate_incremental(s, AS_OF + timedelta(days=1), shapes, save=False)
    assert later.why_full == "the last run was as of 2026-11-22"


def test_an_incremental_run_says_the_sparql_engine_ran_the_shapes(tmp_path: Path) -> None:
    # the key the report's engines line and --json read: "sparql", as validate_store writes it
    shapes = Graph().parse(data=PREFIX + "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> .", format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", ORG.encode())
        run = validate_incremental(s, AS_OF, shapes, save=False)
    assert run.outcome.engines == {"sparql": ["urn:x:S"], "pyshacl": []}


def test_a_validator_rebinding_its_parameter_with_as_is_refused() -> None:
    # SHACL 1.0 6.3.1: a validator's query has $this and each parameter of its component pre-bound
    shapes = PREFIX + (
        "<urn:x:C> a sh:ConstraintComponent ; sh:parameter [ sh:path <urn:x:flag> ] ;"
        ' sh:validator [ a sh:SPARQLAskValidator ; sh:ask "ASK { BIND (1 AS $flag) }" ] .'
    )
    (error,) = rule_errors(Graph().parse(data=shapes, format="turtle"))
    assert "rebinding the pre-bound variable $flag with AS" in str(error)


def _changed_evidence_file_checked(tmp_path: Path) -> Outcome:
    """An empty outcome after the evidence-integrity check of one item whose file no longer has its digest."""
    (tmp_path / "log.txt").write_bytes(b"the log\n")
    (tmp_path / "evidence.ttl").write_text(
        f'@prefix cg: <{CG}> .\n<urn:x:ev> a cg:Evidence ; cg:file "log.txt" ; cg:sha256 "00" .\n', encoding="utf-8"
    )
    with LocalStore(tmp_path / "store") as s:
        load_file(s, tmp_path / "evidence.ttl")
        return with_evidence_integrity(s, Outcome(AS_OF, True, [], []), tmp_path)


def test_a_changed_evidence_file_s_digest_is_the_value_of_its_report_result(tmp_path: Path) -> None:
    out = _changed_evidence_file_checked(tmp_path)
    values = [o for _, p, o in out.report_triples() if p == SH.value]
    assert values == [Literal(hashlib.sha256(b"the log\n").hexdigest())]


def test_patterns_after_a_filter_are_each_read_whole() -> None:
    assert hash_joins(" ?s <urn:p> ?o FILTER(?o != <urn:x>) ?o <urn:q> ?z . ?s <urn:r> ?w ") == (
        " { SELECT * WHERE { ?s <urn:p> ?o } } FILTER(?o != <urn:x>)"
        " { SELECT * WHERE { ?o <urn:q> ?z } } { SELECT * WHERE { ?s <urn:r> ?w } } "
    )


def test_a_filter_reading_this_in_an_optional_goes_to_pyshacl_though_a_later_pattern_matches_this(
    tmp_path: Path,
) -> None:
    # only pre-binding gives the OPTIONAL's $this a value; the pattern after the OPTIONAL binds it too late
    select = "SELECT $this WHERE { OPTIONAL { ?x <urn:x:p> ?o . FILTER ($this = ?x) } $this <urn:x:q> ?z }"
    shapes = PREFIX + f'<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:sparql [ sh:select "{select}" ] .'
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", b"<urn:x:n> <urn:x:q> <urn:x:z> .\n")
        fast = validate_store(s, AS_OF, Graph().parse(data=shapes, format="turtle"), save=False)
    assert fast.engines == {"sparql": [], "pyshacl": ["urn:x:S"]}


def test_an_unlabelled_focus_node_is_named_by_its_shortened_iri(tmp_path: Path) -> None:
    shapes = PREFIX + "<urn:x:S> a sh:NodeShape ; sh:targetNode <https://w3id.org/compgraph/ontology#n> ; sh:in ( ) ."
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", ORG.encode())
        fast = validate_store(s, AS_OF, Graph().parse(data=shapes, format="turtle"), save=False)
    assert fast.engines["sparql"] == ["urn:x:S"]
    assert [f.focus_label for f in fast.findings] == ["cg:n"]


def test_shapes_pyshacl_cannot_load_are_refused_naming_pyshacl(tmp_path: Path) -> None:
    # sh:minCount on a node shape: SHACL allows it only on property shapes, and pySHACL refuses to load it
    shapes = PREFIX + "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:minCount 1 ."
    with LocalStore(tmp_path / "store") as s, pytest.raises(ShapesError) as refused:
        validate_store(s, AS_OF, Graph().parse(data=shapes, format="turtle"), save=False, engine="pyshacl")
    assert str(refused.value).startswith("shapes graph: pySHACL: cannot load these shapes: ")


def test_the_planner_says_a_node_shape_s_sparql_constraint_using_path_is_why_it_cannot_run_it() -> None:
    # pySHACL refuses such shapes too (it cannot load them): the planner's reason is the one that says why
    select = "SELECT $this WHERE { $this $PATH ?o }"
    shapes = PREFIX + f'<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:sparql [ sh:select "{select}" ] .'
    (reason,) = unsupported(Graph().parse(data=shapes, format="turtle"))
    assert reason.startswith("urn:x:S: ") and reason.endswith(": $PATH on a node shape")


def test_a_sparql_constraint_after_one_that_projects_no_result_variable_still_runs(tmp_path: Path) -> None:
    # rows binding none of this/path/value are dropped (as pySHACL drops them): the first constraint reports
    # nothing, the second still reports n
    shapes = PREFIX + (
        "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ;"
        ' sh:sparql [ sh:select "SELECT ?x WHERE { $this <urn:x:q> ?x }" ] ,'
        ' [ sh:select "SELECT $this WHERE { $this <urn:x:q> ?x }" ] .'
    )
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", b"<urn:x:n> <urn:x:q> <urn:x:z> .\n")
        fast = validate_store(s, AS_OF, Graph().parse(data=shapes, format="turtle"), save=False)
    assert fast.engines["sparql"] == ["urn:x:S"]
    assert [f.focus for f in fast.findings] == ["urn:x:n"]


def test_a_sub_select_with_no_where_keyword_is_read_as_patterns() -> None:
    # WHERE is optional before a group; its variable predicate matches every predicate
    assert needs_of("SELECT ?this WHERE { { SELECT ?this { ?this ?p ?o } } }", {}).any_predicate


def test_a_pyshacl_finding_names_the_shape_it_broke(tmp_path: Path) -> None:
    shapes = PREFIX + "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:in ( ) ."
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", ORG.encode())
        reference = validate_store(s, AS_OF, Graph().parse(data=shapes, format="turtle"), save=False, engine="pyshacl")
    assert [(f.focus, f.shape) for f in reference.findings] == [("urn:x:n", "urn:x:S")]


def test_an_empty_string_ends_at_its_second_quote() -> None:
    text = '{ FILTER (?v != "") } ?s ?p "x" }'
    assert matching(text, 0) == text.index("}")


def test_a_variable_bound_right_after_a_not_exists_with_no_space_is_certain_so_minus() -> None:
    query = "SELECT ?this WHERE { FILTER NOT EXISTS { ?y <urn:x:p> ?o }?y <urn:x:a> ?this . }"
    assert rewrite_not_exists(query) == "SELECT ?this WHERE {  ?y <urn:x:a> ?this .  MINUS { ?y <urn:x:p> ?o } }"


def test_a_maximum_count_exceeded_says_more_values(tmp_path: Path) -> None:
    shapes = PREFIX + "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:property [ sh:path <urn:x:p> ;"
    shapes += " sh:maxCount 1 ] ."
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", b"<urn:x:n> <urn:x:p> <urn:x:y> .\n<urn:x:n> <urn:x:p> <urn:x:z> .\n")
        fast = validate_store(s, AS_OF, Graph().parse(data=shapes, format="turtle"), save=False)
    assert [f.message for f in fast.findings] == ["More than 1 values on <urn:x:n>-><urn:x:p>"]


def test_a_sparql_query_pyshacl_cannot_parse_is_refused_naming_pyshacl(tmp_path: Path) -> None:
    # SPARQL 1.2's isTRIPLE: Oxigraph reads it (so the shapes pass the parse both engines' shapes get first),
    # rdflib's parser does not
    select = "SELECT $this WHERE { $this <urn:x:p> ?o FILTER(isTRIPLE(?o)) }"
    shapes = PREFIX + f'<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:sparql [ sh:select "{select}" ] .'
    with LocalStore(tmp_path / "store") as s, pytest.raises(ShapesError) as refused:
        validate_store(s, AS_OF, Graph().parse(data=shapes, format="turtle"), save=False, engine="pyshacl")
    assert str(refused.value).startswith("shapes graph: pySHACL: a SPARQL query of these shapes does not parse: ")


def test_evidence_integrity_keeps_the_outcome_s_date(tmp_path: Path) -> None:
    out = _changed_evidence_file_checked(tmp_path)
    assert out.as_of == AS_OF


def test_a_closed_shape_allowing_no_property_inside_sh_node_is_broken_by_any_property_in_both_engines(
    both_engines: BothEngines, tmp_path: Path
) -> None:
    shapes = "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> , <urn:x:m> ; sh:node [ sh:closed true ] ."
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", b"<urn:x:n> <urn:x:p> <urn:x:z> .\n")
        assert both_engines(s, shapes, ["urn:x:S"]) == ["urn:x:n"]


# N's first property needs one value z that conforms to no sibling's qualified shape; its sibling's qualified
# shape also admits z, so d1's one value does not count and d1 breaks N (SHACL 1.0 4.7.3).
DISJOINT_INSIDE_SH_NODE = """
<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:d1> , <urn:x:d2> ; sh:node <urn:x:N> .
<urn:x:N> sh:property [ sh:path <urn:x:p> ; sh:qualifiedValueShape [ sh:hasValue <urn:x:z> ] ;
                        sh:qualifiedValueShapesDisjoint true ; sh:qualifiedMinCount 1 ] ,
                      [ sh:path <urn:x:q> ; sh:qualifiedValueShape [ sh:in ( <urn:x:z> <urn:x:w> ) ] ;
                        sh:qualifiedMaxCount 5 ] .
"""


def test_disjoint_qualified_shapes_inside_sh_node_exclude_a_value_a_sibling_s_qualified_shape_admits(
    both_engines: BothEngines, tmp_path: Path
) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", b"<urn:x:d1> <urn:x:p> <urn:x:z> .\n<urn:x:d2> <urn:x:p> <urn:x:y> .\n")
        assert both_engines(s, DISJOINT_INSIDE_SH_NODE, ["urn:x:S"]) == ["urn:x:d1", "urn:x:d2"]


def test_with_no_folder_given_a_missing_evidence_file_is_still_reported(tmp_path: Path) -> None:
    # the folder defaults to the one holding mappings/, where the build's provenance paths start
    (tmp_path / "evidence.ttl").write_text(
        f'@prefix cg: <{CG}> .\n<urn:x:ev> a cg:Evidence ; cg:file "no/such/file.txt" ; cg:sha256 "00" .\n',
        encoding="utf-8",
    )
    with LocalStore(tmp_path / "store") as s:
        load_file(s, tmp_path / "evidence.ttl")
        found = evidence_findings(s)
    assert [(f.focus, f.severity) for f in found] == [("urn:x:ev", "Violation")]


def test_a_filter_right_after_a_not_exists_with_no_space_binds_no_variable(tmp_path: Path) -> None:
    # ?y is never bound, so the second NOT EXISTS is no MINUS (a MINUS sharing no bound variable removes nothing)
    query = (
        "SELECT ?this WHERE { ?this <urn:x:a> ?x . FILTER NOT EXISTS { ?this <urn:x:p> ?o }FILTER(!BOUND(?y)) "
        "FILTER NOT EXISTS { ?y <urn:x:q> ?o } }"
    )
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", b"<urn:x:s> <urn:x:a> <urn:x:x> .\n<urn:x:u> <urn:x:q> <urn:x:w> .\n")
        assert s.query(rewrite_not_exists(query)).rows == s.query(query).rows == []


def test_the_planner_says_an_unknown_property_path_is_why_it_cannot_run_a_shape() -> None:
    shapes = PREFIX + (
        "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ;"
        " sh:property [ sh:path [ <urn:x:notAPathForm> <urn:x:p> ] ; sh:minCount 1 ] ."
    )
    reasons = unsupported(Graph().parse(data=shapes, format="turtle"))
    assert len(reasons) == 1 and "unknown property path" in reasons[0]


def test_a_value_of_the_wrong_class_is_reported_naming_the_class(tmp_path: Path) -> None:
    shapes = PREFIX + (
        "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ;"
        f" sh:property [ sh:path <urn:x:p> ; sh:class <{CG}Organisation> ] ."
    )
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", b"<urn:x:n> <urn:x:p> <urn:x:z> .\n")
        fast = validate_store(s, AS_OF, Graph().parse(data=shapes, format="turtle"), save=False)
    assert fast.engines["sparql"] == ["urn:x:S"]
    assert [f.message for f in fast.findings] == ["Value does not have class cg:Organisation"]


def test_a_blank_node_target_class_leaves_its_shape_to_pyshacl(tmp_path: Path) -> None:
    # a blank node cannot be written into a query (there it would match any class), so the planner gives it up
    shapes = PREFIX + "<urn:x:S> a sh:NodeShape ; sh:targetClass [ ] ; sh:in ( ) ."
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", ORG.encode())
        fast = validate_store(s, AS_OF, Graph().parse(data=shapes, format="turtle"), save=False)
    assert fast.engines == {"sparql": [], "pyshacl": ["urn:x:S"]}
    assert fast.findings == []


def test_a_filter_exists_inside_an_optional_that_also_matches_this_is_run_by_the_sparql_engine(tmp_path: Path) -> None:
    # the OPTIONAL binds $this itself after the FILTER, so no pre-binding is needed (SHACL 1.0 5.3.1)
    select = "SELECT $this WHERE { OPTIONAL { FILTER EXISTS { $this <urn:x:q> ?z } $this <urn:x:p> ?o } }"
    shapes = PREFIX + f'<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:sparql [ sh:select "{select}" ] .'
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", b"<urn:x:n> <urn:x:p> <urn:x:z> .\n")
        fast = validate_store(s, AS_OF, Graph().parse(data=shapes, format="turtle"), save=False)
    assert fast.engines == {"sparql": ["urn:x:S"], "pyshacl": []}


def test_a_pattern_right_after_a_not_exists_of_a_union_with_no_space_keeps_the_query_s_rows(tmp_path: Path) -> None:
    query = (
        "SELECT ?this WHERE { ?this <urn:x:a> ?x . "
        "FILTER NOT EXISTS { { ?this <urn:x:p> ?o } UNION { ?this <urn:x:q> ?o } }?this <urn:x:b> ?y }"
    )
    data = b"".join(
        f"<urn:x:s{i}> <urn:x:a> <urn:x:x> .\n<urn:x:s{i}> <urn:x:b> <urn:x:y> .\n".encode() for i in (1, 2, 3)
    )
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", data + b"<urn:x:s1> <urn:x:p> <urn:x:o> .\n<urn:x:s2> <urn:x:q> <urn:x:o> .\n")
        rows = sorted(str(r[0]) for r in s.query(rewrite_not_exists(query)).rows)
        assert rows == sorted(str(r[0]) for r in s.query(query).rows) == ["urn:x:s3"]


def test_a_sparql_constraint_of_a_property_shape_not_binding_path_reports_the_shape_s_path(tmp_path: Path) -> None:
    select = "SELECT $this ?value WHERE { $this $PATH ?value }"
    shapes = PREFIX + (
        "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ;"
        f' sh:property [ sh:path <urn:x:p> ; sh:sparql [ sh:select "{select}" ] ] .'
    )
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", b"<urn:x:n> <urn:x:p> <urn:x:z> .\n")
        fast = validate_store(s, AS_OF, Graph().parse(data=shapes, format="turtle"), save=False)
    assert fast.engines["sparql"] == ["urn:x:S"]
    assert [(f.focus, f.path, f.value) for f in fast.findings] == [("urn:x:n", "urn:x:p", "urn:x:z")]


def test_a_boolean_literal_subject_is_a_term_not_a_predicate() -> None:
    needs = needs_of("SELECT ?this WHERE { ?this <urn:x:q> ?v . false <urn:x:p> ?o }", {})
    assert (needs.any_predicate, needs.iris) == (False, {"urn:x:p", "urn:x:q"})


def test_a_typed_value_kept_for_the_next_incremental_run_keeps_its_datatype(tmp_path: Path) -> None:
    shapes = PREFIX + (
        "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:property [ sh:path <urn:x:p> ; sh:maxInclusive 1 ] ."
    )
    graph = Graph().parse(data=shapes, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", b'<urn:x:n> <urn:x:p> "5"^^<http://www.w3.org/2001/XMLSchema#integer> .\n')
        validate_incremental(s, AS_OF, graph, save=False)
        again = validate_incremental(s, AS_OF, graph, save=False)
    assert again.why_full == ""
    values = [o for _, p, o in again.outcome.report_triples() if p == SH.value]
    assert [(str(v), str(v.datatype)) for v in values] == [("5", "http://www.w3.org/2001/XMLSchema#integer")]


def test_a_semicolon_ending_a_statement_is_read_as_no_further_predicate() -> None:
    # SPARQL allows a ";" with nothing after it (PropertyListPathNotEmpty)
    assert hash_joins(" ?s <urn:p> ?o ; . ?s <urn:q> ?z ; ") == (
        " { SELECT * WHERE { ?s <urn:p> ?o } } { SELECT * WHERE { ?s <urn:q> ?z } } "
    )


def test_findings_sort_violations_before_warnings_whatever_their_rule() -> None:
    warning = Finding("Warning", "A rule", "urn:x:n", "n", "m")
    violation = Finding("Violation", "B rule", "urn:x:n", "n", "m")
    assert sorted([warning, violation], key=Finding.sort_key) == [violation, warning]


def test_a_comment_running_to_the_text_s_end_hides_the_rest() -> None:
    assert matching("{ ?s ?p ?o # no closing brace and no line end }", 0) is None


def test_a_lower_case_sub_select_not_returning_this_is_refused() -> None:
    select = "SELECT $this WHERE { $this ?p ?o . { select ?o WHERE { ?s ?q ?o } } }"
    shapes = PREFIX + f'<urn:x:S> a sh:NodeShape ; sh:sparql [ sh:select "{select}" ] .'
    (error,) = rule_errors(Graph().parse(data=shapes, format="turtle"))
    assert "does not return $this" in str(error)


def test_an_incremental_run_reports_its_own_duration(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", ORG.encode())
        run = validate_incremental(s, AS_OF, load_shapes(), save=False)
    assert 0 < run.seconds < 300


def test_a_constraint_using_a_built_in_prefix_without_declaring_it_keeps_incremental_runs_incremental(
    tmp_path: Path,
) -> None:
    # rdfs: is one of the prefixes a query may use undeclared; read as unknown, it would match any predicate
    select = "SELECT $this WHERE { $this rdfs:label ?n }"
    shapes = PREFIX + f'<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:sparql [ sh:select "{select}" ] .'
    graph = Graph().parse(data=shapes, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", f'<urn:x:n> {RDFS_LABEL} "x" .\n'.encode())
        validate_incremental(s, AS_OF, graph, save=False)
        again = validate_incremental(s, AS_OF, graph, save=False)
    assert (again.why_full, again.rerun) == ("", 0)


# P has a target of its own and a parent, N; the planner cannot translate P (a constraint it does not know), so
# both go to pySHACL, P's own target included.
TARGETED_PROPERTY_SHAPE_UNDER_A_NODE_SHAPE = """
<urn:x:N> a sh:NodeShape ; sh:targetNode <urn:x:m> ; sh:property <urn:x:P> .
<urn:x:P> a sh:PropertyShape ; sh:targetNode <urn:x:n> ; sh:path <urn:x:p> ; sh:minCount 1 ; sh:unknownThing true .
"""


def test_a_property_shape_with_its_own_target_goes_to_pyshacl_with_its_parent(tmp_path: Path) -> None:
    graph = Graph().parse(data=PREFIX + TARGETED_PROPERTY_SHAPE_UNDER_A_NODE_SHAPE, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", b"<urn:x:z> <urn:x:q> <urn:x:w> .\n")
        fast = validate_store(s, AS_OF, graph, save=False)
    assert fast.engines == {"sparql": [], "pyshacl": ["urn:x:N", "urn:x:P"]}
    assert sorted(f.focus for f in fast.findings) == ["urn:x:m", "urn:x:n"]
