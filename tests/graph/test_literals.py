"""The store holds every literal exactly as it was written: a literal the store would rewrite is refused naming
file, line and value, or with ``load --as-written`` kept verbatim under an escaped datatype every read reverses."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import rdflib
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import XSD

from compgraph.checks.report import data_graphs
from compgraph.graph.build import apply_plan, load_file, plan_build
from compgraph.graph.catalog import InputError
from compgraph.graph.literals import AS_WRITTEN, KEPT_AS_WRITTEN, keeping_lexical_forms, parse_exact
from compgraph.graph.store import LocalStore

REPO = Path(__file__).resolve().parents[2]
SUITE = REPO / "tests" / "fixtures" / "w3c-shacl" / "core"
# The suite's data files holding a literal Oxigraph would store in another form ("4.0"^^xsd:decimal, "300"^^xsd:byte).
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
    return {o for o in store.to_graph(data_graphs(store)).objects() if isinstance(o, Literal)}


def exported_literals(store: LocalStore) -> set[Literal]:
    g = rdflib.Dataset()
    with keeping_lexical_forms():
        g.parse(data=store.export(), format="nquads")
    return {o for _, _, o, _ in g.quads() if isinstance(o, Literal)}


def test_every_literal_of_the_shipped_files_comes_back_from_the_store_as_written(tmp_path: Path) -> None:
    plan = plan_build()
    store = LocalStore(tmp_path / "store")
    apply_plan(store, plan)
    written = {o for src in plan.sources for o in src.rdf.objects() if isinstance(o, Literal)}
    assert len(written) > 100
    assert written - stored_literals(store) == set()


@pytest.mark.parametrize("data", suite_data_files(), ids=lambda p: str(p.relative_to(SUITE)))
def test_every_literal_of_the_w3c_suite_comes_back_as_written_from_a_load_as_written(
    tmp_path: Path, data: Path
) -> None:
    store = LocalStore(tmp_path / "store")
    load_file(store, data, as_written=True)
    written = {o for o in parse_exact(data, "turtle").objects() if isinstance(o, Literal)}
    stored = stored_literals(store)
    assert written - stored == set()
    assert not any(str(lit.datatype or "").startswith(AS_WRITTEN) for lit in stored)  # the escape never shows


@pytest.mark.parametrize("data", sorted(REFUSED))
def test_a_plain_load_refuses_the_w3c_files_whose_literals_the_store_would_rewrite(tmp_path: Path, data: str) -> None:
    store = LocalStore(tmp_path / "store")
    with pytest.raises(InputError, match="--as-written"):
        load_file(store, SUITE / data)
    assert store.graph_names() == []


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


REWRITTEN = ['"4.0"^^xsd:decimal', '"300"^^xsd:byte', '"5"^^xsd:byte', '"1"^^xsd:boolean', '"01"^^xsd:integer',
             '"2026-01-01+00:00"^^xsd:date', '"1.0E0"^^xsd:double']


@pytest.mark.parametrize("literal", REWRITTEN)
def test_a_literal_loaded_as_written_comes_back_byte_identical_from_reads_and_the_export(
    tmp_path: Path, literal: str
) -> None:
    data = tmp_path / "odd.ttl"
    data.write_text(f"@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n<urn:a> <urn:b> {literal} .\n")
    store = LocalStore(tmp_path / "store")
    load_file(store, data, as_written=True)
    (written,) = parse_exact(data, "turtle").objects()
    assert written in stored_literals(store)
    assert written in exported_literals(store)
    assert literal.split("^^")[0].encode() in store.export()


def test_reading_the_store_keeps_lexical_forms_without_touching_rdflibs_global_switch(tmp_path: Path) -> None:
    data = tmp_path / "odd.ttl"
    data.write_text('@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n<urn:a> <urn:b> "none"^^xsd:boolean .\n')
    store = LocalStore(tmp_path / "store")
    load_file(store, data)
    assert rdflib.NORMALIZE_LITERALS is True
    assert "none" in {str(lit) for lit in stored_literals(store) if lit.datatype == XSD.boolean}
    assert rdflib.NORMALIZE_LITERALS is True


def test_load_refuses_data_that_already_uses_the_reserved_escaped_datatype(tmp_path: Path) -> None:
    data = tmp_path / "forged.ttl"
    data.write_text(f'<urn:a> <urn:b> "4.0"^^<{AS_WRITTEN}http://www.w3.org/2001/XMLSchema#decimal> .\n')
    store = LocalStore(tmp_path / "store")
    for as_written in (False, True):
        with pytest.raises(InputError, match=f"{data}:1: .*reserved"):
            load_file(store, data, as_written=as_written)
    assert store.graph_names() == []


def test_a_graph_loaded_as_written_records_how_many_literals_it_keeps_escaped(tmp_path: Path) -> None:
    data = tmp_path / "odd.ttl"
    data.write_text(
        '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n<urn:a> <urn:b> "4.0"^^xsd:decimal , "01"^^xsd:integer .\n'
    )
    store = LocalStore(tmp_path / "store")
    target, _ = load_file(store, data, as_written=True)
    assert store.query(f"SELECT ?n WHERE {{ <{target}> <{KEPT_AS_WRITTEN}> ?n }}").rows == [(Literal(2),)]
