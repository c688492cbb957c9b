"""sh:in is term equality on every engine: a literal member matched by its lexical form, datatype and language tag.

Virtuoso 7.2 answers ``sameTerm(?v, "a")`` false for a stored plain string "a" and ``sameTerm(?v, 1)`` false for a
stored integer 1, so a value in the list was reported as not in it there (and a negated chain of sameTerm of IRIs is
wrong there too). The list's literal members are now compared by their parts, its IRIs with IN."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph

from compgraph.checks.validate import validate_store
from compgraph.graph.store import GraphStore, LocalStore
from remote_servers import SERVERS, ServerPool

SHAPES = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<urn:S> a sh:NodeShape ; sh:targetClass <urn:C> ;
    sh:property [ sh:path <urn:p> ; sh:in ( "a" "b"@en 1 "2020-01-01"^^xsd:date <urn:i> ) ] ."""
XSD = "http://www.w3.org/2001/XMLSchema#"
# (value, in the list?)
VALUES = [
    ('"a"', True), ('"b"@en', True), (f'"1"^^<{XSD}integer>', True), (f'"2020-01-01"^^<{XSD}date>', True),
    ("<urn:i>", True), ('"b"@EN', True),  # a language tag is read in lower case
    ('"c"', False), ('"b"', False), ('"a"@en', False), ('"1"', False), ("<urn:j>", False),
    (f'"a"^^<{XSD}token>', False),
]
T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
DATA = "".join(f"<urn:x{i}> {T} <urn:C> .\n<urn:x{i}> <urn:p> {v} .\n" for i, (v, _) in enumerate(VALUES))
OUTSIDE = {f"urn:x{i}" for i, (_, inside) in enumerate(VALUES) if not inside}


def reported(store: GraphStore, engine: str = "sparql") -> set[str]:
    shapes = Graph().parse(data=SHAPES, format="turtle")
    return {str(f.focus) for f in validate_store(store, date(2026, 11, 22), shapes, save=False, engine=engine).findings}


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    store = LocalStore(tmp_path_factory.mktemp("in-lists") / "store")
    store.replace_graph("urn:x:g", DATA.encode())
    return store


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_only_values_outside_the_list_are_reported(embedded: LocalStore, engine: str) -> None:
    assert reported(embedded, engine) == OUTSIDE


@pytest.mark.remote
@pytest.mark.parametrize("server", SERVERS)
def test_a_sparql_server_reports_only_values_outside_the_list(servers: ServerPool, server: str, tmp_path: Path) -> None:
    remote = servers.get(server).store(gsp=True)
    remote.replace_graph("urn:x:in-lists", DATA.encode())
    assert reported(remote) == OUTSIDE
