"""checks/, the lines and branches no test of tests/checks/ ran (measured with coverage.py, docs/checks-coverage.md).

A mutant on a line no test executes always survives. Each test here reaches one such line or branch through the
public entry points (validate_store, validate_incremental, the CLI's validate, the shapes loaders, the report) on a
small fixture and asserts what it does there: the finding, the message, the refusal. Where a shape is validated,
the two engines are compared, and the test says which engine ran the shape (a fallback to pySHACL would agree
whatever the SPARQL side does).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import RDF, SH

from compgraph.checks.incremental import validate_incremental
from compgraph.checks.report import last_report_counts, render_engines
from compgraph.checks.shapes import load_shape_sources, load_shapes
from compgraph.checks.sparql import rewrite_not_exists
from compgraph.checks.sparqldeps import needs_of
from compgraph.checks.sparqlrules import ShapesError
from compgraph.checks.validate import validate_store
from compgraph.cli import main
from compgraph.graph.catalog import InputError
from compgraph.graph.remote import RemoteStore
from compgraph.graph.store import LocalStore
from sparql_fixtures import oxigraph_server  # tests/sparql_fixtures.py

# the fixture of tests/checks/conftest.py
BothEngines = Callable[[LocalStore, str, list[str]], list[str]]

AS_OF = date(2026, 11, 22)
PREFIX = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
DATA = b'<urn:x:n> <urn:x:p> "a" .\n<urn:x:n> <urn:x:q> "b" .\n'


def shapes_of(ttl: str) -> Graph:
    return Graph().parse(data=PREFIX + ttl, format="turtle")


def run(tmp_path: Path, ttl: str, data: bytes = DATA, engine: str = "sparql"):  # noqa: ANN201
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", data)
        return validate_store(s, AS_OF, shapes_of(ttl), save=False, engine=engine)


def results(outcome) -> int:  # noqa: ANN001
    return len(set(outcome.report.subjects(RDF.type, SH.ValidationResult)))


# --- shapes SHACL does not allow: refused with a line, not a traceback -----------------------------------------


MIN_COUNT_ON_A_NODE_SHAPE = "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:minCount 1 ."
UNIQUE_LANG_ON_A_NODE_SHAPE = "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:uniqueLang true ."
PATH_OF_NO_KNOWN_KIND = (
    "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:property [ sh:path [ <urn:x:foo> <urn:x:p> ] ;"
    " sh:minCount 1 ] ."
)
UNBALANCED_QUERY = (
    '<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:sparql [ sh:select "SELECT $this WHERE '
    '{ $this <urn:x:p> ?o FILTER((?o = 1) }" ] .'
)


def test_a_min_count_on_a_node_shape_is_refused_naming_the_rule(tmp_path: Path) -> None:
    with pytest.raises(ShapesError, match="MinCountConstraintComponent can only be present on a PropertyShape"):
        run(tmp_path, MIN_COUNT_ON_A_NODE_SHAPE)


def test_a_unique_lang_on_a_node_shape_is_refused_naming_the_rule(tmp_path: Path) -> None:
    with pytest.raises(ShapesError, match="UniqueLangConstraintComponent can only be present on a PropertyShape"):
        run(tmp_path, UNIQUE_LANG_ON_A_NODE_SHAPE)


def test_a_path_node_of_no_known_kind_is_refused_naming_its_property(tmp_path: Path) -> None:
    with pytest.raises(ShapesError, match="urn:x:foo is not a known property for a sh:path"):
        run(tmp_path, PATH_OF_NO_KNOWN_KIND)


def test_a_sparql_constraint_that_does_not_parse_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ShapesError, match="sh:select is not valid SPARQL: line 1, column "):
        run(tmp_path, UNBALANCED_QUERY)


def test_the_cli_refuses_shapes_pyshacl_cannot_load_with_one_line_and_exit_2(tmp_path: Path) -> None:
    shapes = tmp_path / "bad.ttl"
    shapes.write_text(PREFIX + MIN_COUNT_ON_A_NODE_SHAPE)
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", DATA)
    out = CliRunner().invoke(
        main, ["--store", str(tmp_path / "store"), "validate", "--no-save", "--shapes", str(shapes)]
    )
    assert out.exit_code == 2, out.output
    assert "can only be present on a PropertyShape" in out.output
    assert "Traceback" not in out.output


# --- shapes the SPARQL engine leaves to pySHACL, which runs them ----------------------------------------------


def test_a_blank_node_in_sh_in_is_left_to_pyshacl_which_reports_the_value(tmp_path: Path) -> None:
    out = run(
        tmp_path,
        "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:property [ sh:path <urn:x:p> ; sh:in ( [] ) ] .",
    )
    assert out.engines == {"sparql": [], "pyshacl": ["urn:x:S"]}
    assert out.fallback_reasons["urn:x:S"].startswith("cannot write")
    assert [(f.focus, f.value) for f in out.findings] == [("urn:x:n", "a")]


def test_sparql_in_a_shape_named_by_sh_node_is_left_to_pyshacl(tmp_path: Path) -> None:
    ttl = (
        "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:node <urn:x:T> .\n"
        '<urn:x:T> sh:sparql [ sh:select "SELECT $this WHERE { $this <urn:x:p> ?o }" ] .'
    )
    out = run(tmp_path, ttl)
    assert "SHACL-SPARQL in a referenced shape" in out.fallback_reasons["urn:x:S"]
    assert [f.focus for f in out.findings] == ["urn:x:n"]


def test_path_in_a_node_shape_s_query_is_refused_as_pyshacl_refuses_it(tmp_path: Path) -> None:
    # The SPARQL engine leaves the shape to pySHACL ("$PATH on a node shape"), which says there is no path.
    ttl = (
        '<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:sparql [ sh:select "SELECT $this WHERE '
        '{ $this <urn:x:p> ?o . FILTER(bound($PATH)) }" ] .'
    )
    with pytest.raises(ShapesError, match=r"has \$PATH in it, but no path is known on this Shape"):
        run(tmp_path, ttl)


def test_this_inside_a_sub_select_is_left_to_pyshacl_which_reports_it(tmp_path: Path) -> None:
    ttl = (
        '<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:sparql [ sh:select "SELECT $this WHERE '
        '{ { SELECT $this WHERE { $this <urn:x:p> ?o } } }" ] .'
    )
    out = run(tmp_path, ttl)
    assert "$this inside a subquery" in out.fallback_reasons["urn:x:S"]
    assert [f.focus for f in out.findings] == ["urn:x:n"]


def test_a_group_by_without_this_is_left_to_pyshacl_which_reports_it(tmp_path: Path) -> None:
    ttl = (
        '<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:sparql [ sh:select "SELECT $this ?o WHERE '
        '{ $this <urn:x:p> ?o } GROUP BY ?o" ] .'
    )
    out = run(tmp_path, ttl)
    assert "GROUP BY without $this" in out.fallback_reasons["urn:x:S"]
    assert [f.focus for f in out.findings] == ["urn:x:n"]


# --- shapes the SPARQL engine runs itself, agreeing with pySHACL ----------------------------------------------


def test_a_shape_named_by_sh_node_that_is_deactivated_is_met_by_every_node(
    both_engines: BothEngines, tmp_path: Path
) -> None:
    ttl = (
        "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:node <urn:x:T> .\n"
        "<urn:x:T> sh:deactivated true ; sh:property [ sh:path <urn:x:absent> ; sh:minCount 1 ] ."
    )
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", DATA)
        assert both_engines(s, ttl, ["urn:x:S"]) == []


def test_not_of_a_shape_with_min_count_zero_fails_every_focus_node(both_engines: BothEngines, tmp_path: Path) -> None:
    # sh:minCount 0 holds for every node, so sh:not of it holds for none.
    ttl = "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:not [ sh:path <urn:x:absent> ; sh:minCount 0 ] ."
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", DATA)
        assert both_engines(s, ttl, ["urn:x:S"]) == ["urn:x:n"]


def test_equals_inside_a_shape_named_by_sh_node_compares_the_two_properties(
    both_engines: BothEngines, tmp_path: Path
) -> None:
    ttl = (
        "<urn:x:S> a sh:NodeShape ; sh:targetSubjectsOf <urn:x:p> ; sh:node <urn:x:T> .\n"
        "<urn:x:T> sh:property [ sh:path <urn:x:p> ; sh:equals <urn:x:q> ] ."
    )
    data = DATA + b'<urn:x:m> <urn:x:p> "c" .\n<urn:x:m> <urn:x:q> "c" .\n'
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", data)
        assert both_engines(s, ttl, ["urn:x:S"]) == ["urn:x:n"]


def test_a_query_that_returns_none_of_this_path_or_value_reports_nothing(
    both_engines: BothEngines, tmp_path: Path
) -> None:
    ttl = (
        '<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:sparql [ sh:select "SELECT ?o WHERE '
        '{ $this <urn:x:p> ?o }" ] .'
    )
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", DATA)
        assert both_engines(s, ttl, ["urn:x:S"]) == []


def test_a_node_of_two_small_target_classes_gets_one_result_in_the_report(tmp_path: Path) -> None:
    ttl = (
        "<urn:x:S> a sh:NodeShape ; sh:targetClass <urn:x:A> , <urn:x:B> ;"
        " sh:property [ sh:path <urn:x:absent> ; sh:minCount 1 ] ."
    )
    data = DATA + f"<urn:x:n> <{RDF.type}> <urn:x:A> .\n<urn:x:n> <{RDF.type}> <urn:x:B> .\n".encode()
    fast, reference = run(tmp_path / "a", ttl, data), run(tmp_path / "b", ttl, data, engine="pyshacl")
    assert fast.engines["sparql"] == ["urn:x:S"]
    assert results(fast) == results(reference) == 1


# --- the report -----------------------------------------------------------------------------------------------


def test_the_engine_lines_name_each_engine_s_shapes_and_why_pyshacl_ran_one(tmp_path: Path) -> None:
    ttl = (
        "<urn:x:A> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:property [ sh:path <urn:x:p> ; sh:minCount 1 ] .\n"
        "<urn:x:B> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:property [ sh:path <urn:x:q> ; sh:minCount 1 ] .\n"
        "<urn:x:K> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:property [ sh:path <urn:x:p> ; sh:in ( [] ) ] ."
    )
    out = run(tmp_path, ttl)
    lines = render_engines(out).splitlines()
    assert lines[0] == "sparql engine ran 2 shapes: urn:x:A, urn:x:B"
    assert lines[1] == "pyshacl engine ran 1 shape: urn:x:K"
    assert lines[2].startswith("  urn:x:K: run by pySHACL because the SPARQL engine does not translate cannot write")
    assert len(lines) == 3


def test_the_saved_report_of_a_conforming_run_counts_nothing_but_keeps_its_date(tmp_path: Path) -> None:
    ttl = "<urn:x:A> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:property [ sh:path <urn:x:p> ; sh:minCount 1 ] ."
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", DATA)
        assert validate_store(s, AS_OF, shapes_of(ttl)).conforms
        counts = last_report_counts(s)
    assert counts["counts"] == {}
    assert counts["as_of"] == AS_OF.isoformat()


# --- loading shapes -------------------------------------------------------------------------------------------


def test_a_shapes_file_of_an_unknown_type_is_refused_naming_the_file_and_the_types(tmp_path: Path) -> None:
    path = tmp_path / "shapes.txt"
    path.write_text(PREFIX)
    with pytest.raises(InputError, match=r"shapes\.txt.*unknown RDF file type '\.txt' \(.*\.ttl"):
        load_shape_sources([path])


def test_shipped_among_the_sources_adds_the_shipped_shapes(tmp_path: Path) -> None:
    path = tmp_path / "mine.ttl"
    path.write_text(PREFIX + MIN_COUNT_ON_A_NODE_SHAPE)
    both = load_shape_sources(["shipped", path])
    shipped = load_shapes()
    assert len(both) == len(shipped) + 3
    assert (None, SH.targetNode, None) in both and len(shipped) > 0


def test_a_folder_of_shapes_is_read_for_its_rdf_files_only(tmp_path: Path) -> None:
    (tmp_path / "a.ttl").write_text(PREFIX + "<urn:x:A> a sh:NodeShape .")
    (tmp_path / "b.nt").write_text(f"<urn:x:B> <{RDF.type}> <{SH.NodeShape}> .\n")
    (tmp_path / "notes.txt").write_text("not RDF at all {")
    shapes = load_shape_sources([tmp_path])
    assert sorted(str(s) for s in shapes.subjects(RDF.type, SH.NodeShape)) == ["urn:x:A", "urn:x:B"]


def test_min_count_on_a_node_shape_named_by_sh_node_is_refused_naming_the_rule(tmp_path: Path) -> None:
    ttl = "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:node <urn:x:T> .\n<urn:x:T> sh:minCount 1 ."
    with pytest.raises(ShapesError, match="MinCountConstraintComponent can only be present on a PropertyShape"):
        run(tmp_path, ttl)


def test_an_ask_query_in_sh_select_is_refused_with_a_line(tmp_path: Path) -> None:
    ttl = '<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:sparql [ sh:select "ASK { $this <urn:x:p> ?o }" ] .'
    with pytest.raises(InputError):
        run(tmp_path, ttl)


# --- prefixes, class hierarchies and query forms the SPARQL engine must read as pySHACL does ---------------------


OWL_RDFS = "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"


def test_prefixes_imported_in_a_cycle_are_declared_once(both_engines: BothEngines, tmp_path: Path) -> None:
    ttl = OWL_RDFS + (
        "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ;"
        ' sh:sparql [ sh:prefixes <urn:x:P1> ; sh:select "SELECT $this WHERE { $this ex:p ?o }" ] .\n'
        "<urn:x:P1> owl:imports <urn:x:P2> .\n"
        '<urn:x:P2> owl:imports <urn:x:P1> ; sh:declare [ sh:prefix "ex" ; sh:namespace "urn:x:" ] .'
    )
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", DATA)
        assert both_engines(s, ttl, ["urn:x:S"]) == ["urn:x:n"]


def test_a_shape_typed_by_a_class_below_rdfs_class_twice_targets_its_instances(
    both_engines: BothEngines, tmp_path: Path
) -> None:
    # C is below rdfs:Class directly and through owl:Class, so S (a C and a shape) is its own target class.
    ttl = OWL_RDFS + (
        "<urn:x:C> rdfs:subClassOf rdfs:Class , owl:Class .\n"
        "<urn:x:S> a <urn:x:C> , sh:NodeShape ; sh:property [ sh:path <urn:x:absent> ; sh:minCount 1 ] ."
    )
    data = DATA + f"<urn:x:n> <{RDF.type}> <urn:x:S> .\n<urn:x:m> <urn:x:p> <urn:x:o> .\n".encode()
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", data)
        assert both_engines(s, ttl, ["urn:x:S"]) == ["urn:x:n"]


# n's p-value o1 has a q, m's o2 has none.
VALUES_WITH_AND_WITHOUT_Q = (
    b"<urn:x:n> <urn:x:p> <urn:x:o1> .\n<urn:x:o1> <urn:x:q> <urn:x:z> .\n<urn:x:m> <urn:x:p> <urn:x:o2> .\n"
)


def test_a_nested_not_exists_on_a_variable_bound_after_it_keeps_its_meaning(
    both_engines: BothEngines, tmp_path: Path
) -> None:
    # The outer NOT EXISTS reads ?y, which only the pattern after it binds: its MINUS must go to the group's end
    # (in place, MINUS would share no variable with the rows and remove none).
    ttl = (
        '<urn:x:S> a sh:NodeShape ; sh:targetSubjectsOf <urn:x:r> ; sh:sparql [ sh:select "SELECT $this WHERE '
        '{ FILTER NOT EXISTS { ?y <urn:x:p> ?o . FILTER NOT EXISTS { ?o <urn:x:q> ?z } } $this <urn:x:r> ?y }" ] .'
    )
    # n reaches y1, whose only p-value has a q; m reaches y2, whose p-value has none.
    data = (
        b"<urn:x:n> <urn:x:r> <urn:x:y1> .\n<urn:x:y1> <urn:x:p> <urn:x:o1> .\n<urn:x:o1> <urn:x:q> <urn:x:z> .\n"
        b"<urn:x:m> <urn:x:r> <urn:x:y2> .\n<urn:x:y2> <urn:x:p> <urn:x:o2> .\n"
    )
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", data)
        found = both_engines(s, ttl, ["urn:x:S"])
    assert found == ["urn:x:n"]


def test_an_exists_inside_a_not_exists_keeps_its_meaning(both_engines: BothEngines, tmp_path: Path) -> None:
    ttl = (
        '<urn:x:S> a sh:NodeShape ; sh:targetSubjectsOf <urn:x:p> ; sh:sparql [ sh:select "SELECT $this WHERE '
        '{ FILTER NOT EXISTS { $this <urn:x:p> ?o . FILTER EXISTS { ?o <urn:x:q> ?z } } }" ] .'
    )
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", VALUES_WITH_AND_WITHOUT_Q)
        assert both_engines(s, ttl, ["urn:x:S"]) == ["urn:x:m"]


def test_a_brace_in_a_string_with_an_escaped_quote_before_where_is_not_the_where_group(
    both_engines: BothEngines, tmp_path: Path
) -> None:
    ttl = (
        '<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:sparql [ sh:select "SELECT $this '
        '(\\"x\\\\\\"{\\" AS ?k) WHERE { $this <urn:x:p> ?o }" ] .'
    )
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", DATA)
        assert both_engines(s, ttl, ["urn:x:S"]) == ["urn:x:n"]


def test_a_statement_ending_in_a_semicolon_is_read_as_its_triples(both_engines: BothEngines, tmp_path: Path) -> None:
    ttl = (
        '<urn:x:S> a sh:NodeShape ; sh:targetSubjectsOf <urn:x:p> ; sh:sparql [ sh:select "SELECT $this WHERE '
        '{ $this <urn:x:p> ?o ; . FILTER NOT EXISTS { $this <urn:x:absent> ?x } }" ] .'
    )
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", VALUES_WITH_AND_WITHOUT_Q)
        assert both_engines(s, ttl, ["urn:x:S"]) == ["urn:x:m", "urn:x:n"]


def test_a_not_exists_over_a_graph_union_is_left_as_written() -> None:
    # Split into one NOT EXISTS per branch, the GRAPH would be lost from the first branch.
    query = (
        "SELECT ?this WHERE { ?this <urn:x:p> ?o . "
        "FILTER NOT EXISTS { GRAPH ?g { ?this <urn:x:q> ?x } UNION { ?this <urn:x:r> ?x } } }"
    )
    assert rewrite_not_exists(query) == query


# --- incremental validation -----------------------------------------------------------------------------------


NEEDS_Q = (
    "<urn:x:S> a sh:NodeShape ; sh:targetSubjectsOf <urn:x:p> ; sh:property [ sh:path <urn:x:q> ; sh:minCount 1 ] ."
)


def foci(outcome) -> list[str]:  # noqa: ANN001
    return [f.focus for f in outcome.findings]


def test_a_first_incremental_run_says_it_was_a_full_one_and_why(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", DATA)
        inc = validate_incremental(s, AS_OF, shapes_of(NEEDS_Q), save=False)
    assert re.fullmatch(
        r"incremental: full run \(no earlier run kept beside the store\); 1 constraint queries, \d+\.\d\d s",
        inc.summary(),
    )


def test_other_shapes_than_the_last_incremental_run_s_mean_a_full_run(tmp_path: Path) -> None:
    needs_r = NEEDS_Q.replace("<urn:x:q>", "<urn:x:r>")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", DATA)
        validate_incremental(s, AS_OF, shapes_of(NEEDS_Q), save=False)
        inc = validate_incremental(s, AS_OF, shapes_of(needs_r), save=False)
    assert inc.why_full == "the shapes changed"
    assert foci(inc.outcome) == ["urn:x:n"]


def test_a_dropped_graph_s_findings_go_on_the_next_incremental_run(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:ok", b'<urn:x:n> <urn:x:p> "a" .\n<urn:x:n> <urn:x:q> "b" .\n')
        s.replace_graph("urn:x:wrong", b'<urn:x:m> <urn:x:p> "a" .\n')
        assert foci(validate_incremental(s, AS_OF, shapes_of(NEEDS_Q), save=False).outcome) == ["urn:x:m"]
        s.drop_graph("urn:x:wrong")
        inc = validate_incremental(s, AS_OF, shapes_of(NEEDS_Q), save=False)
    assert (inc.why_full, foci(inc.outcome)) == ("", [])
    assert inc.rerun == 1 and "urn:x:p" in inc.changed


def test_an_incremental_run_after_a_graph_changed_twice_sees_the_second_change(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", DATA)
        assert foci(validate_incremental(s, AS_OF, shapes_of(NEEDS_Q), save=False).outcome) == []
        s.replace_graph("urn:x:data", b'<urn:x:n> <urn:x:p> "a" .\n')
        s.replace_graph("urn:x:data", b'<urn:x:n> <urn:x:p> "a" .\n<urn:x:n> <urn:x:r> "c" .\n')
        inc = validate_incremental(s, AS_OF, shapes_of(NEEDS_Q), save=False)
    assert (inc.why_full, foci(inc.outcome)) == ("", ["urn:x:n"])


def test_a_store_whose_cache_cannot_be_written_validates_in_full_every_time(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as s:
        (s.root / "cache").write_text("a file where the cache folder would be")
        s.replace_graph("urn:x:data", b'<urn:x:n> <urn:x:p> "a" .\n')
        first = validate_incremental(s, AS_OF, shapes_of(NEEDS_Q), save=False)
        second = validate_incremental(s, AS_OF, shapes_of(NEEDS_Q), save=False)
    assert foci(first.outcome) == foci(second.outcome) == ["urn:x:n"]
    assert second.why_full == "no earlier run kept beside the store"


def test_a_kept_row_with_an_unbound_variable_comes_back_unbound(tmp_path: Path) -> None:
    # The constraint's ?value is never bound (OPTIONAL over an absent property): the second run reads the rows
    # the first kept, and must report what a full run reports.
    ttl = (
        "<urn:x:S> a sh:NodeShape ; sh:targetSubjectsOf <urn:x:p> ; sh:property [ sh:path <urn:x:p> ; sh:sparql [ "
        'sh:select "SELECT $this ?value WHERE { $this $PATH ?o OPTIONAL { $this <urn:x:absent> ?value } }" ] ] .'
    )
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", DATA)
        shapes = shapes_of(ttl)  # one parse: the rule is named by its blank node
        validate_incremental(s, AS_OF, shapes, save=False)
        kept = validate_incremental(s, AS_OF, shapes, save=False)
        full = validate_store(s, AS_OF, shapes, save=False)
    assert kept.rerun == 0 and kept.why_full == ""
    assert kept.outcome.findings == full.findings
    assert [(f.focus, f.value) for f in kept.outcome.findings] == [("urn:x:n", None)]


# --- a remote store: focus labels read by query, not by index look-ups ------------------------------------------


LABELLED = (
    b'<urn:x:n> <http://www.w3.org/2000/01/rdf-schema#label> "n label" .\n'
    b'<urn:x:n> <http://www.w3.org/ns/shacl#name> "n name" .\n'
    b'<urn:x:m> <http://purl.org/dc/terms/title> "m title" .\n'
    b'<urn:x:m> <http://www.w3.org/ns/shacl#name> "m name" .\n'
    b'<urn:x:k> <http://purl.org/dc/terms/title> "k title" .\n'
    b"<urn:x:j> <urn:x:p> <urn:x:o> .\n"
)
ANY_NODE_NEEDS_Q = (
    "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> , <urn:x:m> , <urn:x:k> , <urn:x:j> ;"
    " sh:property [ sh:path <urn:x:q> ; sh:minCount 1 ] ."
)


@pytest.mark.remote
def test_a_remote_store_labels_focus_nodes_as_the_embedded_store_does(tmp_path: Path) -> None:
    with oxigraph_server(tmp_path / "oxigraph") as base, RemoteStore(f"{base}/query") as remote:
        remote.replace_graph("urn:x:data", LABELLED)
        far = validate_store(remote, AS_OF, shapes_of(ANY_NODE_NEEDS_Q), save=False)
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", LABELLED)
        near = validate_store(s, AS_OF, shapes_of(ANY_NODE_NEEDS_Q), save=False)
    labels = {f.focus: f.focus_label for f in far.findings}
    # rdfs:label before sh:name before dcterms:title; no label: the IRI shortened
    assert labels == {"urn:x:n": "n label", "urn:x:m": "m name", "urn:x:k": "k title", "urn:x:j": "urn:x:j"}
    assert labels == {f.focus: f.focus_label for f in near.findings}


# --- what a constraint query depends on (incremental validation) ---------------------------------------------


def test_a_query_naming_its_predicates_depends_on_them_alone() -> None:
    needs = needs_of("SELECT ?this WHERE { ?this <urn:x:p> ?value }", {})
    assert (needs.iris, needs.any_predicate) == ({"urn:x:p"}, False)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?this WHERE { ?this <urn:x:p> ?größe }",  # a variable the reader's tokens do not cover
        "SELECT ?this WHERE { ?this nope:p ?o }",  # a prefix it cannot expand
        'SELECT ?this WHERE { ?this "x" ?o }',  # no predicate where one should be
        "SELECT ?this WHERE { ?this <urn:x:p> . }",  # no object where one should be
        "SELECT ?this WHERE { ?this <urn:x:p> ?o ?x }",  # a term after the object
        'SELECT ?this WHERE { ?this <urn:x:p>/"x" ?o }',  # a path step that is no predicate
    ],
    ids=["unknown-token", "undeclared-prefix", "no-predicate", "no-object", "term-after-object", "path-of-a-literal"],
)
def test_a_query_the_dependency_reader_cannot_follow_depends_on_every_predicate(query: str) -> None:
    assert needs_of(query, {}).any_predicate


# --- more queries that do not parse, each read by the rule checks and the planner before pySHACL refuses it ------


@pytest.mark.parametrize(
    "query",
    [
        "SELECT $this WHERE { { SELECT $this } }",
        "SELECT $this WHERE { { SELECT $this WHERE { $this <urn:x:p> ?o",
        "SELECT $this WHERE",
        "SELECT $this WHERE { $this <urn:x:p> ?o { FILTER(?o = $this)",
        "SELECT $this WHERE { $this <urn:x:p> ?o { FILTER",
    ],
    ids=["sub-select-without-group", "unclosed-sub-select", "no-where-group", "unclosed-inner-group", "bare-filter"],
)
def test_a_malformed_sparql_constraint_is_refused_with_a_line(tmp_path: Path, query: str) -> None:
    ttl = f'<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:sparql [ sh:select "{query}" ] .'
    with pytest.raises(ShapesError, match="sh:select is not valid SPARQL: line 1, column "):
        run(tmp_path, ttl)


def test_the_engine_lines_leave_out_an_engine_that_ran_nothing_and_count_one_shape_singular(tmp_path: Path) -> None:
    ttl = "<urn:x:A> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:property [ sh:path <urn:x:p> ; sh:minCount 1 ] ."
    assert render_engines(run(tmp_path, ttl)) == "sparql engine ran 1 shape: urn:x:A"


# NOT EXISTS bodies the rewriter must read whole: opening with a FILTER, a blank node in the first statement, no
# space inside the braces. Each only flags urn:x:m, whose value has no urn:x:q.
ODD_NOT_EXISTS_BODIES = {
    "body-starts-with-a-filter": "{ $this <urn:x:p> ?o . FILTER NOT EXISTS { FILTER(isIRI(?z)) ?o <urn:x:q> ?z } }",
    "blank-node-first": "{ $this <urn:x:p> ?o . FILTER NOT EXISTS { ?o <urn:x:q> [ ] . ?o <urn:x:q> ?z } }",
    "no-spaces-inside-braces": "{ $this <urn:x:p> ?o FILTER NOT EXISTS {?o <urn:x:q> ?z}}",
}


@pytest.mark.parametrize("where", ODD_NOT_EXISTS_BODIES.values(), ids=ODD_NOT_EXISTS_BODIES.keys())
def test_a_not_exists_written_oddly_keeps_its_meaning(both_engines: BothEngines, tmp_path: Path, where: str) -> None:
    ttl = (
        '<urn:x:S> a sh:NodeShape ; sh:targetSubjectsOf <urn:x:p> ; sh:sparql [ sh:select "SELECT $this WHERE '
        f'{where}" ] .'
    )
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", VALUES_WITH_AND_WITHOUT_Q)
        assert both_engines(s, ttl, ["urn:x:S"]) == ["urn:x:m"]


def test_a_filter_on_this_in_an_optional_holding_a_group_is_left_to_pyshacl(tmp_path: Path) -> None:
    # The OPTIONAL's own patterns do not bind $this, so only pre-binding gives its FILTER a value: pySHACL runs it.
    ttl = (
        '<urn:x:S> a sh:NodeShape ; sh:targetSubjectsOf <urn:x:p> ; sh:sparql [ sh:select "SELECT $this ?z WHERE '
        "{ $this <urn:x:p> ?o . OPTIONAL { ?o <urn:x:q> ?z { ?z <urn:x:r> ?w } FILTER(!sameTerm(?z, $this)) } "
        'FILTER(bound(?z)) }" ] .'
    )
    data = VALUES_WITH_AND_WITHOUT_Q + b"<urn:x:z> <urn:x:r> <urn:x:w> .\n"
    out = run(tmp_path, ttl, data)
    assert "reads $this in an inner group" in out.fallback_reasons["urn:x:S"]
    assert [(f.focus, f.value) for f in out.findings] == [("urn:x:n", "urn:x:n")]


# Q's values are R's focus nodes and R's values are Q's again: a cycle of sh:property, which SHACL leaves undefined.
PROPERTY_CYCLE = (
    "<urn:x:P> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:property <urn:x:Q> .\n"
    "<urn:x:Q> sh:path <urn:x:p> ; sh:property <urn:x:R> .\n"
    "<urn:x:R> sh:path <urn:x:q> ; sh:minCount 1 ; sh:property <urn:x:Q> ."
)


def test_a_cycle_of_property_shapes_is_left_to_pyshacl_not_a_recursion_error(tmp_path: Path) -> None:
    data = b"<urn:x:n> <urn:x:p> <urn:x:o> .\n<urn:x:o> <urn:x:p> <urn:x:o2> .\n"
    fast, reference = run(tmp_path / "a", PROPERTY_CYCLE, data), run(tmp_path / "b", PROPERTY_CYCLE, data, "pyshacl")
    assert fast.engines == {"sparql": [], "pyshacl": ["urn:x:P", "urn:x:Q", "urn:x:R"]}
    assert "recursive sh:property references" in fast.fallback_reasons["urn:x:P"]
    assert sorted(foci(fast)) == sorted(foci(reference)) and foci(fast)
