"""The saved validation report names its results with IRIs made from what they say, so a save writes only what
changed: the same graph a full rewrite would leave, the trail's hashes true, nothing but the date when nothing
changed (issue #18: saving the report was most of a validation's wait at 1.1M triples)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SH
from test_incremental import AS_OF, CHANGES

from compgraph.checks import report as report_mod
from compgraph.checks.incremental import validate_incremental
from compgraph.checks.report import REPORT_GRAPH, last_report_counts, save_report
from compgraph.checks.reportiris import REPORT_NODE, with_iris
from compgraph.checks.shapes import load_shapes
from compgraph.checks.validate import validate_store
from compgraph.graph import history
from compgraph.graph import store as store_mod
from compgraph.graph.store import LocalStore

CREATED = f"<{DCTERMS.created}>"


@pytest.fixture
def store(small: Path, tmp_path: Path) -> LocalStore:
    shutil.copytree(small, tmp_path / "store")
    s = LocalStore(tmp_path / "store")
    yield s
    s.close()


def _lines(s: LocalStore, graph: str = REPORT_GRAPH) -> set[str]:
    return {f"{q.subject} {q.predicate} {q.object}" for q in s.oxigraph.quads_for_pattern(None, None, None,
                                                                                        ox.NamedNode(graph))}


def _without_date(lines: set[str]) -> set[str]:
    return {x for x in lines if f" {CREATED} " not in x}


def _last_report_change(s: LocalStore) -> dict:
    for e in reversed(history.entries(s)):
        for c in e.changes:
            if c["graph"] == REPORT_GRAPH:
                return c
    raise AssertionError("no trail entry for the report")


def test_the_saved_reports_results_are_iris_and_the_same_in_two_runs(store: LocalStore) -> None:
    shapes = load_shapes()
    first = validate_store(store, AS_OF, shapes)
    once = _lines(store)
    validate_store(store, AS_OF, shapes)
    twice = _lines(store)
    assert first.findings and not any("_:" in x for x in once | twice)
    results = store.select(f"SELECT ?r WHERE {{ GRAPH <{REPORT_GRAPH}> {{ ?rep sh:result ?r . "
                           f"?r a sh:ValidationResult }} }}").rows
    assert len(results) == sum(1 for _, p, _ in first.report_triples() if p == SH.result)
    assert all(isinstance(r, URIRef) for (r,) in results)
    assert _without_date(once) == _without_date(twice)
    assert last_report_counts(store)["counts"] == first.counts()


@pytest.mark.parametrize("in_place_max", [0, 10**9], ids=["new-generation", "in-place"])
def test_writing_the_difference_leaves_the_graph_a_full_rewrite_leaves_and_the_trail_its_hash(
    store: LocalStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_place_max: int
) -> None:
    monkeypatch.setattr(store_mod, "IN_PLACE_DIFF_MAX", in_place_max)
    monkeypatch.setattr(report_mod, "_now", lambda: "2026-11-22T09:00:00+00:00")
    shapes = load_shapes()
    rnd = random.Random(18)
    validate_incremental(store, AS_OF, shapes)
    for n, change in enumerate(rnd.choices(CHANGES, k=4)):
        change(store, rnd, n)
        outcome = validate_incremental(store, AS_OF, shapes).outcome
        fresh = LocalStore(tmp_path / f"fresh-{n}")
        save_report(fresh, outcome, shapes)  # no report before: the whole graph is written
        assert _lines(store) == _lines(fresh), change.__name__
        fresh.close()
        change_entry = _last_report_change(store)
        assert (change_entry["after"], change_entry["hashAfter"]) == history.graph_digest(store.oxigraph, REPORT_GRAPH)
    assert history.verify(store) == []


def test_saving_the_same_findings_again_writes_only_the_date_and_at_the_same_second_nothing(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    shapes = load_shapes()
    outcome = validate_store(store, AS_OF, shapes, save=False)
    monkeypatch.setattr(report_mod, "_now", lambda: "2026-11-22T09:00:00+00:00")
    save_report(store, outcome, shapes)
    before, entries = _lines(store), len(history.entries(store))
    monkeypatch.setattr(report_mod, "_now", lambda: "2026-11-22T09:00:01+00:00")
    save_report(store, outcome, shapes)
    after = _lines(store)
    assert len(before ^ after) == 2 and all(f" {CREATED} " in x for x in before ^ after)
    assert len(history.entries(store)) == entries + 1
    save_report(store, outcome, shapes)
    assert _lines(store) == after and len(history.entries(store)) == entries + 1


SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
ex:A a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .
ex:B a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .
"""


def _report(shapes: Graph, copies: int) -> list[tuple]:
    """A report whose results name the shapes' blank property shapes, each result ``copies`` times."""
    rep, out = BNode(), []
    out.append((rep, RDF.type, SH.ValidationReport))
    for shape in sorted(shapes.objects(None, SH.property), key=lambda b: str(next(shapes.subjects(SH.property, b)))):
        for _ in range(copies):
            r = BNode()
            out += [(rep, SH.result, r), (r, RDF.type, SH.ValidationResult), (r, SH.sourceShape, shape),
                    (r, SH.focusNode, URIRef("http://example.org/x")), (r, SH.resultMessage, Literal("missing"))]
    return out


def test_blank_source_shapes_are_named_by_the_shapes_graph_and_alike_results_stay_apart() -> None:
    one, two = Graph().parse(data=SHAPES, format="turtle"), Graph().parse(data=SHAPES, format="turtle")
    a, b = (set(with_iris(_report(g, 2), g)) for g in (one, two))
    assert a == b  # two parses give the blank shapes new labels; the report's triples are the same
    results = {o for _, p, o in a if p == SH.result}
    shapes = {o for _, p, o in a if p == SH.sourceShape}
    assert len(results) == 4 and len(shapes) == 2  # ex:A's and ex:B's property shapes are two, each result too
    assert not any(isinstance(t, BNode) for triple in a for t in triple)
    assert (REPORT_NODE, RDF.type, SH.ValidationReport) in a
