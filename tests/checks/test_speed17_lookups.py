"""sh:minCount 1 over a few focus nodes: a look-up per node (FILTER NOT EXISTS) where the property is large.

The per-focus form's MINUS reads the whole property whatever the number of focus nodes; the look-up form asks each
focus node alone. Both remove the same rows (``?this``, bound on every row, is the one variable they share), and
the run picks the look-ups only where the property holds many triples per focus node (``run.lookups``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from compgraph.checks.sparql import run as sparql_run
from compgraph.checks.sparql.plan import Query, plan
from compgraph.checks.validate import validate_store
from compgraph.graph.store import LocalStore

SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <urn:ex:> .
ex:S a sh:NodeShape ; sh:targetClass ex:C ;
  sh:property [ sh:path ex:name ; sh:minCount 1 ] ;
  sh:property [ sh:path ( ex:part ex:name ) ; sh:minCount 1 ] ;
  sh:property [ sh:path [ sh:zeroOrMorePath ex:part ] ; sh:minCount 1 ] ;
  sh:property [ sh:path ex:tag ; sh:minCount 2 ] .
ex:T a sh:NodeShape ; sh:targetNode ex:f1 ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .
"""

TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# f1..f3 are focus nodes (ex:C), sub is one through a subclass; o1..o6 only make ex:name large.
DATA = f"""
<urn:ex:f1> <{TYPE}> <urn:ex:C> .
<urn:ex:f2> <{TYPE}> <urn:ex:C> .
<urn:ex:f3> <{TYPE}> <urn:ex:C> .
<urn:ex:sub> <{TYPE}> <urn:ex:C2> .
<urn:ex:C2> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <urn:ex:C> .
<urn:ex:f1> <urn:ex:name> "one" .
<urn:ex:f1> <urn:ex:part> <urn:ex:f2> .
<urn:ex:f3> <urn:ex:part> <urn:ex:o1> .
""" + "".join(f'<urn:ex:o{i}> <urn:ex:name> "o{i}" .\n' for i in range(1, 7))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStore]:
    s = LocalStore(Path(tmp_path_factory.mktemp("lookups")) / "store")
    s.replace_graph("urn:g", DATA.encode())
    yield s
    s.close()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(data=SHAPES, format="turtle")


def _mincounts(shapes: Graph, node_shape: str) -> list[Query]:
    props = set(shapes.objects(URIRef(node_shape), SH.property))
    return [q for q in plan(shapes).queries if q.shape in props and q.component == SH.MinCountConstraintComponent]


def _rows(store: LocalStore, text: str | None) -> list[str]:
    return sorted(str(r[0]) for r in store.query(text or "").rows)


def test_the_look_up_form_finds_the_same_focus_nodes_as_the_minus_form(store: LocalStore, shapes: Graph) -> None:
    looked = [q for q in _mincounts(shapes, "urn:ex:S") if q.lookup is not None]
    assert len(looked) == 2  # ex:name and ex:part/ex:name
    for q in looked:
        assert _rows(store, q.lookup[1]) == _rows(store, q.few_sparql), q.lookup  # type: ignore[index]
    # Guards the comparison: each form reports focus nodes, the subclass's among them.
    assert all("urn:ex:sub" in _rows(store, q.few_sparql) for q in looked)


def test_only_min_count_one_on_a_path_read_alone_with_class_targets_has_a_look_up_form(shapes: Graph) -> None:
    without = [q for q in _mincounts(shapes, "urn:ex:S") if q.lookup is None]
    # The zero-or-more path (alone it matches every node) and sh:minCount 2 (a count, not a MINUS).
    assert len(without) == 2
    assert [q.lookup for q in _mincounts(shapes, "urn:ex:T")] == [None]


def test_look_ups_are_chosen_only_where_the_property_is_large_next_to_the_focus_nodes(
    store: LocalStore, shapes: Graph
) -> None:
    (name,) = [q for q in _mincounts(shapes, "urn:ex:S") if q.lookup and q.lookup[0] == "<urn:ex:name>"]
    # ex:name holds 7 triples: enough for 0 focus nodes at 8 a node, not for 1.
    assert sparql_run.lookups(store, [name], lambda q: True, {URIRef("urn:ex:C"): 0}) == {id(name)}
    assert sparql_run.lookups(store, [name], lambda q: True, {URIRef("urn:ex:C"): 1}) == set()
    # A query run batched keeps its batched form.
    assert sparql_run.lookups(store, [name], lambda q: False, {URIRef("urn:ex:C"): 0}) == set()


def test_findings_are_the_same_with_look_ups_and_without(
    store: LocalStore, shapes: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sparql_run, "FEW_FOCUS_NODES", 10**9)
    monkeypatch.setattr(sparql_run, "LOOKUP_TRIPLES_PER_FOCUS_NODE", 0)  # any size will do: look-ups everywhere
    found = validate_store(store, date(2026, 1, 1), shapes, save=False).findings
    monkeypatch.setattr(sparql_run, "LOOKUP_TRIPLES_PER_FOCUS_NODE", 10**9)  # no property is that large
    assert found == validate_store(store, date(2026, 1, 1), shapes, save=False).findings
    assert len(found) >= 6
