"""The store holds every literal exactly as it was written, or the load is refused naming file, line and value."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from rdflib import Graph, Literal, Namespace

from compgraph.checks.report import data_graphs
from compgraph.graph.build import apply_plan, load_file, plan_build
from compgraph.graph.catalog import InputError
from compgraph.graph.literals import keeping_lexical_forms, parse_exact
from compgraph.graph.store import LocalStore

REPO = Path(__file__).resolve().parents[2]
SUITE = REPO / "tests" / "fixtures" / "w3c-shacl" / "core"
# The suite's data files holding a literal Oxigraph would store in another form (see test_w3c_shacl.KNOWN).
REFUSED = {"node/maxExclusive-001.ttl", "node/maxInclusive-001.ttl", "node/minExclusive-001.ttl",
           "property/datatype-ill-formed-data.ttl"}
SHT = Namespace("http://www.w3.org/ns/shacl-test#")


def suite_data_files() -> list[Path]:
    """Every file a test of the suite names as its data graph."""
    files = set()
    for manifest in SUITE.rglob("*.ttl"):
        for iri in Graph().parse(manifest).objects(None, SHT.dataGraph):
            files.add(Path(unquote(urlparse(str(iri)).path)))
    return sorted(files)


def stored_literals(store: LocalStore) -> set[Literal]:
    with keeping_lexical_forms():
        return {o for o in store.to_graph(data_graphs(store)).objects() if isinstance(o, Literal)}


def test_every_literal_of_the_shipped_files_comes_back_from_the_store_as_written(tmp_path: Path) -> None:
    plan = plan_build()
    store = LocalStore(tmp_path / "store")
    apply_plan(store, plan)
    written = {o for src in plan.sources for o in src.rdf.objects() if isinstance(o, Literal)}
    assert len(written) > 100
    assert written - stored_literals(store) == set()


@pytest.mark.parametrize("data", suite_data_files(), ids=lambda p: str(p.relative_to(SUITE)))
def test_every_literal_of_the_w3c_suite_comes_back_as_written_or_the_file_is_refused(
    tmp_path: Path, data: Path
) -> None:
    store = LocalStore(tmp_path / "store")
    if str(data.relative_to(SUITE)) in REFUSED:
        with pytest.raises(InputError):
            load_file(store, data)
        return
    load_file(store, data)
    written = {o for o in parse_exact(data, "turtle").objects() if isinstance(o, Literal)}
    assert written - stored_literals(store) == set()


def test_load_refuses_a_literal_the_store_would_rewrite_naming_file_line_and_value(tmp_path: Path) -> None:
    data = tmp_path / "prices.ttl"
    data.write_text(
        '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n<urn:a> <urn:b> "x" .\n'
        '<urn:a> <urn:price> "4.0"^^xsd:decimal .\n'
    )
    store = LocalStore(tmp_path / "store")
    with pytest.raises(InputError) as err:
        load_file(store, data)
    assert str(err.value).startswith(f"{data}:3: ") and '"4.0"' in str(err.value) and '"4"' in str(err.value)
    assert store.graph_names() == []  # nothing half-written


@pytest.mark.parametrize("literal", ['"none"^^xsd:boolean', '"c"^^xsd:byte', '"2020-1-1"^^xsd:date'])
def test_an_ill_typed_literal_the_store_keeps_is_loaded_exactly_as_written(tmp_path: Path, literal: str) -> None:
    data = tmp_path / "odd.ttl"
    data.write_text(f"@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n<urn:a> <urn:b> {literal} .\n")
    store = LocalStore(tmp_path / "store")
    load_file(store, data)
    lexical, datatype = literal.split("^^xsd:")
    expected = Literal(lexical.strip('"'), datatype=f"http://www.w3.org/2001/XMLSchema#{datatype}", normalize=False)
    assert expected in stored_literals(store)
