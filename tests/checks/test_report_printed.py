"""The printed report (`validate --format turtle`, the audit pack's shacl-report.ttl) names its nodes as the saved
report graph does: an auditor cites a result by the same IRI in both, the same findings print the same text
whichever run made them, and the printed triples are the saved graph's but for its date and creation
time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import DCTERMS
from test_incremental import AS_OF

from compgraph.checks.report import REPORT_GRAPH, render_turtle
from compgraph.checks.shapes import load_shapes
from compgraph.checks.validate import validate_store
from compgraph.graph.namespaces import CG
from compgraph.graph.store import LocalStore

SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetClass ex:T ;
  sh:property [ sh:path ex:p ; sh:minCount 1 ] ,
    [ sh:path ex:q ; sh:datatype <http://www.w3.org/2001/XMLSchema#integer> ] .
"""
DATA = (b"<http://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/T> .\n"
        b"<http://example.org/b> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/T> .\n"
        b'<http://example.org/b> <http://example.org/q> "x" .\n')


def _triples(text: str) -> set[tuple[str, str, str]]:
    return {(str(s), str(p), str(o)) for s, p, o in Graph().parse(data=text, format="turtle")}


def test_the_printed_report_is_the_saved_graph_but_for_its_date_and_creation_time(
    small: Path, tmp_path: Path
) -> None:
    shutil.copytree(small, tmp_path / "store")
    with LocalStore(tmp_path / "store") as s:
        outcome = validate_store(s, AS_OF, load_shapes())
        saved = {(str(a), str(b), str(c)) for a, b, c in s.to_graph([REPORT_GRAPH])}
    printed = _triples(render_turtle(outcome))
    assert outcome.findings and "_:" not in render_turtle(outcome)
    assert printed <= saved
    assert {p for _, p, _ in saved - printed} == {str(DCTERMS.created), str(CG.asOf)}


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_the_same_findings_print_the_same_text_from_two_parses_of_the_shapes(tmp_path: Path, engine: str) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", DATA)
        texts = [
            render_turtle(validate_store(s, AS_OF, Graph().parse(data=SHAPES, format="turtle"), save=False,
                                         engine=engine))
            for _ in range(2)
        ]
    assert texts[0] == texts[1] and "_:" not in texts[0]

