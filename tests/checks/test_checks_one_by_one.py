"""checks/, one behaviour at a time: what its sampled mutants showed the checks group's tests did not pin.

Mutation testing (tools/mutation.py --group checks, docs/mutation-survivors.md): the evidence integrity
findings, the report helpers, loading shapes from a folder, and the FILTER NOT EXISTS rewrite's own
decisions (the engine comparisons only see that findings stay the same, which the un-rewritten query
also gives). Small stores and shapes only.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SH

from compgraph.checks.integrity import evidence_findings, with_evidence_integrity
from compgraph.checks.report import REPORT_GRAPH, Finding, Outcome, data_graphs, render_text, render_turtle, save_report
from compgraph.checks.reportiris import with_iris
from compgraph.checks.shapes import load_shape_sources, load_shapes, parse_shapes_file
from compgraph.checks.sparql import rewrite_not_exists
from compgraph.checks.sparql.components import Unsupported
from compgraph.checks.validate import only_these, validate_store
from compgraph.graph.build import load_file
from compgraph.graph.catalog import InputError
from compgraph.graph.store import LocalStore

AS_OF = date(2026, 11, 22)
EVIDENCE = """
@prefix cg: <https://w3id.org/compgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:x:ev1> a cg:Evidence ; cg:file "missing.pdf" .
<urn:x:ev2> a cg:Evidence ; rdfs:label "Signed log" ; cg:file "files/log.txt" ; cg:sha256 "00" .
"""
LOG = b"the log\n"


@pytest.fixture(scope="module")
def evidence_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LocalStore, Path]]:
    """Two evidence items loaded from a file in ``root``: one whose file is missing, one whose file changed."""
    root = tmp_path_factory.mktemp("evidence")
    (root / "files").mkdir()
    (root / "files" / "log.txt").write_bytes(LOG)
    (root / "evidence.ttl").write_text(EVIDENCE, encoding="utf-8")
    store = LocalStore(root / "store")
    load_file(store, root / "evidence.ttl")
    yield store, root
    store.close()


def test_a_missing_evidence_file_names_the_item_by_id_when_it_has_no_label(
    evidence_store: tuple[LocalStore, Path],
) -> None:
    store, root = evidence_store
    missing = next(f for f in evidence_findings(store, root) if f.focus == "urn:x:ev1")
    assert (missing.focus_label, missing.message, missing.value) == (
        "urn:x:ev1",
        "Evidence urn:x:ev1 (urn:x:ev1): file missing.pdf is missing (expected SHA-256 none recorded)",
        None,
    )


def test_a_changed_evidence_file_names_its_label_and_both_digests(evidence_store: tuple[LocalStore, Path]) -> None:
    store, root = evidence_store
    changed = next(f for f in evidence_findings(store, root) if f.focus == "urn:x:ev2")
    actual = changed.value
    assert actual is not None and len(actual) == 64
    assert (changed.focus_label, changed.message) == (
        "Signed log",
        f"Evidence Signed log (urn:x:ev2): file files/log.txt has SHA-256 {actual}, expected 00",
    )


def test_integrity_findings_make_a_conforming_outcome_not_conform(evidence_store: tuple[LocalStore, Path]) -> None:
    store, root = evidence_store
    report = BNode()
    clean = Outcome(AS_OF, True, [], [(report, RDF.type, SH.ValidationReport), (report, SH.conforms, Literal(True))])
    out = with_evidence_integrity(store, clean, root)
    assert not out.conforms and len(out.findings) == 2
    assert set(out.report.objects(report, SH.conforms)) == {Literal(False)}


def _outcome(*findings: Finding, conforms: bool = False) -> Outcome:
    node = BNode()
    return Outcome(AS_OF, conforms, list(findings), [(node, RDF.type, SH.ValidationReport)])


def test_merged_outcomes_keep_both_sides_findings_under_one_report_node() -> None:
    a = Finding("Violation", "rule a", "urn:x:a", "a", "message a")
    b = Finding("Warning", "rule b", "urn:x:b", "b", "message b")
    merged = _outcome(a).merged(_outcome(b))
    assert merged.findings == [a, b]
    assert len(set(merged.report.subjects(RDF.type, SH.ValidationReport))) == 1


def test_an_outcome_without_findings_says_so() -> None:
    assert render_text(_outcome(conforms=True)) == "Validation as of 2026-11-22: no findings — conforms\n"


def test_the_saved_report_graph_is_not_data_to_validate(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as store:
        store.replace_graph("urn:x:data", b"<urn:x:a> <urn:x:p> <urn:x:b> .\n")
        save_report(store, _outcome(conforms=True))
        assert REPORT_GRAPH in store.graph_names()
        assert data_graphs(store) == ["urn:x:data"]


def test_shapes_load_from_the_folder_given_not_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "one.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:a> .\n",
        encoding="utf-8",
    )
    shapes = load_shapes(tmp_path)
    assert set(shapes.subjects(RDF.type, SH.NodeShape)) == {URIRef("urn:x:S")} and len(shapes) == 2


def test_a_shapes_file_that_does_not_parse_names_file_and_format(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<urn:x:S> a .\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.ttl.*: not valid turtle: "):
        parse_shapes_file(bad)


def test_a_shapes_file_syntax_error_names_the_line_it_is_on(tmp_path: Path) -> None:
    # rdflib's BadSyntax.lines counts from 0; the message must count the file's lines as an editor does.
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<urn:x:S> a sh:NodeShape .\n"
        "<urn:x:T> a ] .\n<urn:x:U> a sh:NodeShape .\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        parse_shapes_file(bad)
    assert caught.value.line == 3


NOT_EXISTS = "SELECT $this WHERE { $this a <urn:x:C> . FILTER NOT EXISTS { $this <urn:x:p> ?x } }"


def test_not_exists_over_certainly_bound_variables_becomes_minus() -> None:
    assert rewrite_not_exists(NOT_EXISTS) == (
        "SELECT $this WHERE { $this a <urn:x:C> .  MINUS { $this <urn:x:p> ?x }  }"
    )


def test_a_variable_bound_only_by_a_lowercase_bind_is_not_certain_so_no_minus() -> None:
    query = "SELECT $this WHERE { $this a <urn:x:C> . bind(1 AS ?b) FILTER NOT EXISTS { $this <urn:x:p> ?b } }"
    out = rewrite_not_exists(query)
    assert "MINUS" not in out and "OPTIONAL { " in out and "FILTER(!BOUND(?_nx1))" in out


def test_unbalanced_braces_are_unsupported_saying_so() -> None:
    with pytest.raises(Unsupported, match="^unbalanced braces in query$"):
        rewrite_not_exists("SELECT $this WHERE { $this a <urn:x:C> . FILTER NOT EXISTS { $this <urn:x:p> ?x }")


CLOSED_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
<urn:x:Closed> a sh:NodeShape ; sh:targetNode <urn:x:a> ; sh:closed true ;
  sh:property [ sh:path <urn:x:p> ] .
"""


@pytest.fixture(scope="module")
def closed_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LocalStore, Graph]]:
    """<urn:x:a> with one property its closed shape allows and one it does not."""
    store = LocalStore(tmp_path_factory.mktemp("closed") / "store")
    store.replace_graph("urn:x:data", b"<urn:x:a> <urn:x:p> <urn:x:b> .\n<urn:x:a> <urn:x:q> <urn:x:c> .\n")
    yield store, Graph().parse(data=CLOSED_SHAPES, format="turtle")
    store.close()


def test_a_property_a_closed_shape_does_not_allow_is_reported_in_those_words(
    closed_store: tuple[LocalStore, Graph],
) -> None:
    store, shapes = closed_store
    outcome = validate_store(store, AS_OF, shapes, save=False)
    assert [(f.focus, f.path, f.value, f.message) for f in outcome.findings] == [
        ("urn:x:a", "urn:x:q", "urn:x:c", "Node has a property the closed shape does not allow")
    ]


def test_the_pyshacl_engine_names_every_shape_as_its_own(closed_store: tuple[LocalStore, Graph]) -> None:
    store, shapes = closed_store
    outcome = validate_store(store, AS_OF, shapes, save=False, engine="pyshacl")
    assert outcome.engines == {"sparql": [], "pyshacl": ["urn:x:Closed"]}


def test_the_report_as_turtle_reads_back_as_the_same_report(closed_store: tuple[LocalStore, Graph]) -> None:
    store, shapes = closed_store
    outcome = validate_store(store, AS_OF, shapes, save=False)
    # Its nodes named as the saved report names them (test_report_printed.py).
    named = Graph()
    for t in with_iris(outcome.report_triples(), shapes):
        named.add(t)
    assert isomorphic(Graph().parse(data=render_turtle(outcome), format="turtle"), named)


def test_a_shapes_file_named_as_a_source_is_loaded(tmp_path: Path) -> None:
    (tmp_path / "closed.ttl").write_text(CLOSED_SHAPES, encoding="utf-8")
    assert isomorphic(load_shape_sources([tmp_path / "closed.ttl"]), Graph().parse(data=CLOSED_SHAPES, format="turtle"))


NESTED_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
<urn:x:ViaClosed> a sh:NodeShape ; sh:node <urn:x:Closed> .
<urn:x:Closed> a sh:NodeShape ; sh:closed true ; sh:property [ sh:path <urn:x:p> ] .
<urn:x:ViaQualified> a sh:NodeShape ; sh:node <urn:x:OneZ> .
<urn:x:OneZ> a sh:NodeShape ;
  sh:property [ sh:path <urn:x:p> ; sh:qualifiedValueShape [ sh:hasValue <urn:x:z> ] ; sh:qualifiedMinCount 1 ] .
"""


@pytest.mark.parametrize("outer", ["urn:x:ViaClosed", "urn:x:ViaQualified"])
def test_a_closed_or_qualified_shape_reached_through_sh_node_is_checked_by_the_sparql_engine(
    closed_store: tuple[LocalStore, Graph], outer: str
) -> None:
    store, _ = closed_store
    shapes = Graph().parse(data=NESTED_SHAPES, format="turtle")
    shapes.add((URIRef(outer), SH.targetNode, URIRef("urn:x:a")))
    outcome = validate_store(store, AS_OF, shapes, save=False)
    assert outcome.engines == {"sparql": [outer], "pyshacl": []}
    assert [(f.focus, f.rule, f.message) for f in outcome.findings] == [
        ("urn:x:a", outer, "Value does not meet sh:node")
    ]


def test_only_these_drops_the_implicit_class_target_of_a_shape_not_kept() -> None:
    shapes = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <urn:x:Kept> a sh:NodeShape ; sh:targetNode <urn:x:a> .
        <urn:x:Dropped> a sh:NodeShape , rdfs:Class ; sh:property [ sh:path <urn:x:p> ; sh:minCount 1 ] .
        """,
        format="turtle",
    )
    out = only_these(shapes, {URIRef("urn:x:Kept")})
    assert (URIRef("urn:x:Dropped"), RDF.type, RDFS.Class) not in out
    assert (URIRef("urn:x:Kept"), SH.targetNode, URIRef("urn:x:a")) in out
    assert len(out) == len(shapes) - 1
