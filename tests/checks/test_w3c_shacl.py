"""The W3C SHACL Core test suite (tests/fixtures/w3c-shacl, see its README) through the project's own path:
each test's data graph loaded into an embedded store as ``compgraph load`` does, its shapes given as
``validate --shapes`` gives them, and the report compared with the expected one.

A result is compared on focus node, path, value, source shape, constraint component and severity, as the
suite asks; blank nodes (store and parser name them differently) are compared by what they describe.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from rdflib import BNode, Graph, Namespace
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from compgraph.checks.report import data_graphs
from compgraph.checks.shapes import load_shape_sources
from compgraph.checks.validate import validate_store
from compgraph.graph.build import load_file
from compgraph.graph.literals import parse_exact
from compgraph.graph.store import LocalStore

SUITE = Path(__file__).resolve().parents[1] / "fixtures" / "w3c-shacl" / "core"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = Namespace("http://www.w3.org/ns/shacl-test#")
AS_OF = date(2026, 11, 22)
# Tests this path knowingly does not pass, with the reason (also listed in README.md): none. Four data graphs
# hold literals Oxigraph would store in another form ("4.0"^^xsd:decimal as "4", "300"^^xsd:byte as
# xsd:integer); they are loaded as ``compgraph load --as-written`` loads them, kept verbatim (graph/literals.py).
KNOWN: dict[str, str] = {}
# pySHACL 0.40.1 reads sh:uniqueLang "1"^^xsd:boolean as true; the suite says only the literal true activates it.
KNOWN_PYSHACL = {**KNOWN, "property/uniqueLang-002": 'pySHACL activates sh:uniqueLang "1"^^xsd:boolean'}


@dataclass(frozen=True)
class SuiteTest:
    name: str
    data: Path
    shapes: Path
    manifest: Path
    iri: Node


def _path(iri: Node) -> Path:
    return Path(unquote(urlparse(str(iri)).path))


def suite_tests() -> list[SuiteTest]:
    out = []
    top = Graph().parse(SUITE / "manifest.ttl")
    for area in sorted(top.objects(None, MF.include), key=str):
        for file_iri in sorted(Graph().parse(_path(area)).objects(None, MF.include), key=str):
            g = Graph().parse(_path(file_iri))
            for entries in g.objects(None, MF.entries):
                for test in Collection(g, entries):
                    action = g.value(test, MF.action)
                    out.append(
                        SuiteTest(
                            name=_path(test).parent.name + "/" + _path(test).name,
                            data=_path(g.value(action, SHT.dataGraph)),
                            shapes=_path(g.value(action, SHT.shapesGraph)),
                            manifest=_path(file_iri),
                            iri=test,
                        )
                    )
    return out


def _sig(term: Node | None, g: Graph, seen: frozenset = frozenset()) -> object:
    """A blank node as the sorted description it heads (recursively); any other term as itself."""
    if not isinstance(term, BNode):
        return term
    if term in seen:
        return "cycle"
    return tuple(sorted((str(p), repr(_sig(o, g, seen | {term}))) for p, o in g.predicate_objects(term)))


def _results(report: Graph, node: Node | None, g: Graph) -> Counter:
    keys = (SH.focusNode, SH.resultPath, SH.value, SH.sourceShape, SH.sourceConstraintComponent, SH.resultSeverity)
    # The report's own results, not the nested sh:detail results pySHACL adds under sh:node and the like.
    node = node if node is not None else next(report.subjects(RDF.type, SH.ValidationReport))
    results = report.objects(node, SH.result)
    def sig(term: Node | None) -> str:
        # A path copied into the report is read there: pySHACL reuses the head's id for a new list.
        return repr(_sig(term, report if (term, None, None) in report else g))

    return Counter(tuple(sig(report.value(r, k)) for k in keys) for r in results)


def expected(test: SuiteTest) -> tuple[bool, Counter]:
    g = parse_exact(test.manifest, "turtle") + parse_exact(test.data, "turtle") + parse_exact(test.shapes, "turtle")
    report = g.value(test.iri, MF.result)
    return bool(g.value(report, SH.conforms).toPython()), _results(g, report, g)


def actual(test: SuiteTest, engine: str, tmp: Path) -> tuple[bool, Counter, dict]:
    """Load the data graph as ``compgraph load --as-written`` does and validate as ``validate --shapes`` does."""
    store = LocalStore(tmp)
    try:
        load_file(store, test.data, as_written=True)
        shapes = load_shape_sources([test.shapes])
        outcome = validate_store(store, AS_OF, shapes, save=False, engine=engine)
        described = store.to_graph(data_graphs(store)) + shapes + outcome.report
        return outcome.conforms, _results(outcome.report, None, described), outcome.engines
    finally:
        store.close()


TESTS = suite_tests()


def test_the_vendored_suite_has_all_98_core_tests() -> None:
    assert len(TESTS) == 98


def _passes(test: SuiteTest, engine: str, tmp: Path) -> bool:
    try:
        got = actual(test, engine, tmp)
    except Exception as exc:  # a test the load refuses counts as not passed, with its reason printed
        print(f"  {test.name} ({engine}): {type(exc).__name__}: {exc}")
        return False
    ok = got[:2] == expected(test)
    if not ok:
        print(f"  {test.name} ({engine}): got {got[:2]}, expected {expected(test)}")
    return ok


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_the_core_suite_passes_through_load_and_validate(engine: str, tmp_path: Path) -> None:
    passed = [t.name for i, t in enumerate(TESTS) if _passes(t, engine, tmp_path / str(i))]
    failed = sorted({t.name for t in TESTS} - set(passed))
    print(f"\nW3C SHACL core suite, engine={engine}: {len(passed)}/{len(TESTS)} passed; not passed: {failed}")
    known = KNOWN if engine == "sparql" else KNOWN_PYSHACL
    assert set(failed) <= set(known), f"not passed: {sorted(set(failed) - set(known))}"
