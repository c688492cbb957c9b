"""The shapes graph: the shipped shapes, and the validation date node the date-dependent rules read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, XSD

from compgraph.graph import paths
from compgraph.graph.build import parse_rdf_file
from compgraph.graph.namespaces import CG


def load_shapes(shapes_dir: Path | None = None) -> Graph:
    shapes = Graph()
    for path in sorted((shapes_dir or paths.shapes_dir()).glob("*.ttl")):
        shapes += parse_rdf_file(path)
    return shapes


def validation_run(as_of: date) -> Graph:
    g = Graph()
    run = BNode()
    g.add((run, RDF.type, CG.ValidationRun))
    g.add((run, CG.asOf, Literal(as_of.isoformat(), datatype=XSD.date)))
    return g

