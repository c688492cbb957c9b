"""Literals kept exactly as written: parsed without rdflib's normalisation, refused when the store would rewrite.

rdflib normalises typed literals while parsing ("01"^^xsd:integer becomes "1", "none"^^xsd:boolean becomes
"false"), and Oxigraph keeps numbers, booleans and dates in canonical form ("4.0"^^xsd:decimal is stored as
"4"; every integer-derived type such as xsd:byte as xsd:integer). A compliance store must hold what it was
given, so RDF files are parsed with normalisation off and a literal the store would change is refused with
its file, line and value. A literal the store keeps as written stays, ill-typed or not ("c"^^xsd:byte): the
checks report it (sh:datatype checks the lexical form).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import Graph, Literal

from compgraph.graph.catalog import InputError

_LOCK = threading.RLock()  # rdflib reads normalisation from a module global


@contextmanager
def keeping_lexical_forms() -> Iterator[None]:
    """rdflib makes literals without normalising them while this lasts (parsing, reading query answers):
    "none"^^xsd:boolean stays "none" instead of becoming "false"."""
    with _LOCK:
        before = rdflib.NORMALIZE_LITERALS
        rdflib.NORMALIZE_LITERALS = False
        try:
            yield
        finally:
            rdflib.NORMALIZE_LITERALS = before


def parse_exact(path: Path, fmt: str) -> Graph:
    """Parse an RDF file keeping every literal's lexical form (rdflib errors propagate to the caller)."""
    g = Graph()
    with keeping_lexical_forms():
        g.parse(path, format=fmt)
    return g


def as_stored(literals: list[Literal]) -> list[tuple[str, str | None]]:
    """(lexical form, datatype IRI) of each literal as the store keeps it (an in-memory Oxigraph store)."""
    store = ox.Store()
    pred = ox.NamedNode("urn:compgraph:value")
    subjects = [ox.NamedNode(f"urn:compgraph:literal:{i}") for i in range(len(literals))]
    store.extend(
        ox.Quad(s, pred, ox.Literal(str(lit), datatype=ox.NamedNode(str(lit.datatype))))
        for s, lit in zip(subjects, literals, strict=True)
    )
    out: list[tuple[str, str | None]] = []
    for s in subjects:
        back = next(iter(store.quads_for_pattern(s, pred, None))).object
        assert isinstance(back, ox.Literal)
        out.append((back.value, back.datatype.value if back.datatype else None))
    return out


def rewritten(graph: Graph) -> list[tuple[Literal, str]]:
    """The typed literals of ``graph`` the store would not keep as written, each with what it would become."""
    typed = sorted(
        {o for o in graph.objects() if isinstance(o, Literal) and o.datatype is not None and not o.language}, key=str
    )
    out = []
    for lit, (lexical, datatype) in zip(typed, as_stored(typed), strict=True):
        if lexical != str(lit) or datatype != str(lit.datatype):
            out.append((lit, Literal(lexical, datatype=datatype).n3()))
    return out


def check_storable(graph: Graph, path: Path) -> None:
    """Raise InputError naming the file, line and value of the first literal the store would rewrite."""
    bad = rewritten(graph)
    if not bad:
        return
    lit, becomes = bad[0]
    line = _line_of(path, str(lit))
    raise InputError(
        path,
        line,
        f"literal {lit.n3()} would be stored as {becomes} (the store keeps numbers, booleans and dates in "
        f"canonical form and integer-derived types as xsd:integer); write it as stored"
        + (f" ({len(bad) - 1} more such literals)" if len(bad) > 1 else ""),
    )


def _line_of(path: Path, lexical: str) -> int | None:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if lexical in line:
            return number
    return None
