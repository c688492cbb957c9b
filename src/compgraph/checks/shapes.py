"""The shapes graph: the shipped shapes, and the validation date node the date-dependent rules read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, XSD

from compgraph.graph import paths
from compgraph.graph.build import RDF_SUFFIXES, parse_error
from compgraph.graph.catalog import InputError
from compgraph.graph.literals import parse_exact
from compgraph.graph.namespaces import CG

SHIPPED = "shipped"  # the --shapes value that means the shapes shipped in ontology/shapes


def load_shapes(shapes_dir: Path | None = None) -> Graph:
    shapes = Graph()
    for path in sorted((shapes_dir or paths.shapes_dir()).glob("*.ttl")):
        shapes += parse_shapes_file(path)
    return shapes


def parse_shapes_file(path: Path) -> Graph:
    """A shapes file as written: its literals are not rewritten (the SHACL tests tell "1" from true), and
    unlike data it is never stored, so a literal the store would rewrite is fine here."""
    fmt = RDF_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(path, None, f"unknown RDF file type {path.suffix!r} ({', '.join(RDF_SUFFIXES)})")
    try:
        return parse_exact(path, fmt)
    except Exception as exc:  # rdflib raises many parser-specific types; all mean "bad input"
        raise parse_error(path, fmt, exc) from exc


def load_shape_sources(sources: list[str | Path]) -> Graph:
    """The shapes in each file or folder (its RDF files, sorted), ``"shipped"`` meaning the shipped shapes.

    Raises InputError naming a source that does not exist, a folder without RDF files, or a bad file."""
    shapes = Graph()
    for source in sources:
        if str(source) == SHIPPED:
            shapes += load_shapes()
            continue
        path = Path(source)
        if path.is_dir():
            # Regular files only: a pipe named x.ttl in the folder blocked the run for ever.
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in RDF_SUFFIXES and p.is_file())
            if not files:
                raise InputError(path, None, f"no shapes files ({', '.join(RDF_SUFFIXES)}) in this folder")
        elif path.is_file():
            files = [path]
        else:
            raise InputError(path, None, "no such shapes file or folder")
        for f in files:
            shapes += parse_shapes_file(f)
    return shapes


def validation_run(as_of: date) -> Graph:
    g = Graph()
    run = BNode()
    g.add((run, RDF.type, CG.ValidationRun))
    g.add((run, CG.asOf, Literal(as_of.isoformat(), datatype=XSD.date)))
    return g

