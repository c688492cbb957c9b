"""Implicit class targets as SHACL 1.0 §2.1.3.3 defines them, the same in both engines.

"If s is a SHACL instance of sh:NodeShape or sh:PropertyShape in a shapes graph SG and s is also a SHACL instance
of rdfs:Class in SG then the set of SHACL instances of s in a data graph DG is a target." SHACL instances follow
rdf:type/rdfs:subClassOf* in the shapes graph; OWL's own axiom owl:Class rdfs:subClassOf rdfs:Class is read as given
(as pySHACL and TopBraid read it). Each case: the class shape allows only <urn:x:ok>, and <urn:x:i> is an instance of
the class, so <urn:x:i> is reported exactly when the class is its own target.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH

from compgraph.checks.targets import for_pyshacl, implicit_class_shapes, is_implicit_class_shape
from compgraph.graph.store import LocalStore

# the fixture of tests/checks/conftest.py
BothEngines = Callable[[LocalStore, str, list[str]], list[str]]

HEAD = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
"""
TYPED, UNTYPED = URIRef("urn:x:Typed"), URIRef("urn:x:Untyped")
INSTANCE = b"<urn:x:i> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:x:C> .\n"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", INSTANCE)
        yield s


def test_an_owl_class_declared_a_node_shape_validates_its_instances(store: LocalStore, both_engines: BothEngines):
    # The way ontologies declare class shapes (Brick, TopBraid EDG): the SPARQL engine used to report nothing here.
    shapes = HEAD + "<urn:x:C> a owl:Class, sh:NodeShape ; sh:in ( <urn:x:ok> ) ."
    assert both_engines(store, shapes, ["urn:x:C"]) == ["urn:x:i"]


def test_a_class_typed_by_a_subclass_of_sh_node_shape_validates_its_instances(
    store: LocalStore, both_engines: BothEngines
):
    shapes = (
        HEAD
        + """
    <urn:x:ClassShape> rdfs:subClassOf sh:NodeShape .
    <urn:x:C> a rdfs:Class, <urn:x:ClassShape> ; sh:in ( <urn:x:ok> ) ."""
    )
    assert both_engines(store, shapes, ["urn:x:C"]) == ["urn:x:i"]


def test_a_node_shape_typed_by_a_class_two_steps_below_rdfs_class_validates_its_instances(
    store: LocalStore, both_engines: BothEngines
):
    shapes = (
        HEAD
        + """
    <urn:x:Meta> rdfs:subClassOf <urn:x:MetaMeta> . <urn:x:MetaMeta> rdfs:subClassOf rdfs:Class .
    <urn:x:C> a <urn:x:Meta>, sh:NodeShape ; sh:in ( <urn:x:ok> ) ."""
    )
    assert both_engines(store, shapes, ["urn:x:C"]) == ["urn:x:i"]


def test_a_class_with_constraints_that_is_not_declared_a_shape_has_no_target(
    store: LocalStore, both_engines: BothEngines
):
    # It is a shape (it has sh:property) but not a SHACL instance of sh:NodeShape: pySHACL alone would target it.
    shapes = HEAD + "<urn:x:C> a rdfs:Class ; sh:property [ sh:path <urn:x:p> ; sh:minCount 1 ] ."
    assert both_engines(store, shapes, []) == []


def test_pyshacl_is_given_the_spec_reading_of_which_shapes_are_their_own_target_class():
    shapes = Graph().parse(
        data="@prefix sh: <http://www.w3.org/ns/shacl#> ."
        + HEAD
        + """
        <urn:x:Typed> a owl:Class, sh:NodeShape .
        <urn:x:Untyped> a rdfs:Class ; sh:property [ sh:path <urn:x:p> ; sh:minCount 1 ] .""",
        format="turtle",
    )
    given = for_pyshacl(shapes)
    assert implicit_class_shapes(given) == implicit_class_shapes(shapes) == {TYPED}
    assert (TYPED, RDF.type, RDFS.Class) in given
    assert not any(given.triples((UNTYPED, RDF.type, None)))
    assert (TYPED, RDF.type, SH.NodeShape) in given


def test_asking_one_shape_gives_the_same_answer_as_listing_them_all():
    shapes = Graph().parse(
        data="@prefix sh: <http://www.w3.org/ns/shacl#> ."
        + HEAD
        + """
        <urn:x:Meta> rdfs:subClassOf rdfs:Class . <urn:x:Loop> rdfs:subClassOf <urn:x:Loop> .
        <urn:x:A> a owl:Class, sh:NodeShape . <urn:x:B> a <urn:x:Meta>, sh:PropertyShape ; sh:path <urn:x:p> .
        <urn:x:C> a rdfs:Class . <urn:x:D> a <urn:x:Loop>, sh:NodeShape . <urn:x:E> a sh:NodeShape .""",
        format="turtle",
    )
    nodes = {URIRef(f"urn:x:{n}") for n in "ABCDE"}
    assert {n for n in nodes if is_implicit_class_shape(shapes, n)} == implicit_class_shapes(shapes)
    assert implicit_class_shapes(shapes) == {URIRef("urn:x:A"), URIRef("urn:x:B")}
