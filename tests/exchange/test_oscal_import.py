"""OSCAL import: a catalog becomes a source document whose obligations load like the shipped ones."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from exchangefixture import AS_OF, Cli

from compgraph.exchange import soa
from compgraph.graph.namespaces import graph_iri
from compgraph.graph.store import LocalStore

NIST = Path(__file__).resolve().parents[1] / "fixtures" / "oscal" / "nist-sp800-53r5-low-excerpt.json"


@pytest.fixture
def importing(cli: Cli, exchange_store: LocalStore) -> Iterator[Cli]:
    """The CLI, with every document the test imports dropped again afterwards (the store is shared)."""
    before = set(exchange_store.graph_names())
    yield cli
    for graph in set(exchange_store.graph_names()) - before:
        exchange_store.drop_graph(graph)


def _obligations(store: LocalStore, doc_id: str) -> dict[str, tuple[str, ...]]:
    """id (without its prefix) -> what the obligation says, where it sits and whom it binds."""
    res = store.select(f"""
        SELECT ?id ?text ?m ?sec ?sectitle ?topic ?addressee ?risk WHERE {{
          ?o cg:fromDocument <https://w3id.org/compgraph/id/document/{doc_id}> ; dcterms:identifier ?id ;
             cg:sourceText ?text ; cg:modality ?m ; cg:inSection ?s .
          ?s cg:sectionNumber ?sec ; rdfs:label ?sectitle .
          OPTIONAL {{ ?o cg:topic ?topic }} OPTIONAL {{ ?o cg:addressee ?addressee }}
          OPTIONAL {{ ?o cg:appliesToRiskLevel ?risk }}
        }}""")
    return {str(r[0]).split("-", 1)[1]: tuple(str(v) for v in r[1:]) for r in res.rows}


def test_exported_catalog_imported_under_a_new_id_has_the_same_obligations(importing: Cli, tmp_path: Path):
    exported = tmp_path / "coc.json"
    importing.run("export-oscal", "--kind", "catalog", "--document", "eu-coc-deployers", "--out", exported)
    importing.run("import-oscal", exported, "--id", "coc-roundtrip", "--prefix", "RT", "--out", tmp_path / "m")
    original = _obligations(importing.store, "eu-coc-deployers")
    assert len(original) > 50
    assert _obligations(importing.store, "coc-roundtrip") == original


def test_nist_catalog_imports_each_control_with_its_parameters_written_out(importing: Cli, tmp_path: Path):
    out = importing.run("import-oscal", NIST, "--id", "nist-800-53-low", "--prefix", "NIST", "--out", tmp_path)
    assert "Imported 6 obligations in 2 sections" in out
    obligations = _obligations(importing.store, "nist-800-53-low")
    assert sorted(obligations) == ["ac-1", "ac-2", "ac-8", "ir-1", "ir-4", "ir-6"]
    text, modality, section, title = obligations["ac-1"][:4]
    assert text.startswith("a. Develop, document, and disseminate to [Assignment: organization-defined personnel")
    assert "{{" not in text and modality.endswith("#Mandatory") and (section, title) == ("ac", "Access Control")


def test_imported_obligation_lines_point_at_their_verbatim_text(importing: Cli, tmp_path: Path):
    importing.run("import-oscal", NIST, "--id", "nist-800-53-low", "--prefix", "NIST", "--out", tmp_path)
    source = (tmp_path / "sources" / "nist-800-53-low.txt").read_text(encoding="utf-8").splitlines()
    res = importing.store.select("""SELECT ?line ?text WHERE { ?o cg:fromDocument
        <https://w3id.org/compgraph/id/document/nist-800-53-low> ; cg:sourceLine ?line ; cg:sourceText ?text }""")
    assert len(res.rows) == 6
    assert all(source[int(str(line)) - 1] == str(text) for line, text in res.rows)


def test_catalog_with_a_bad_field_is_refused_naming_it_and_changes_nothing(importing: Cli, tmp_path: Path):
    bad = json.loads(NIST.read_text(encoding="utf-8"))
    del bad["catalog"]["metadata"]["title"]
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    before = importing.store.graph_counts()
    result = importing.invoke("import-oscal", tmp_path / "bad.json", "--id", "bad-doc", "--out", tmp_path / "m")
    assert result.exit_code == 2
    assert "bad.json" in result.output and "metadata.title" in result.output and "Traceback" not in result.output
    assert importing.store.graph_counts() == before and not (tmp_path / "m").exists()


def test_obligation_ids_already_taken_are_refused_before_anything_is_written(importing: Cli, tmp_path: Path):
    exported = tmp_path / "coc.json"
    importing.run("export-oscal", "--kind", "catalog", "--document", "eu-coc-deployers", "--out", exported)
    result = importing.invoke("import-oscal", exported, "--id", "coc-again", "--prefix", "COC", "--out", tmp_path / "m")
    assert result.exit_code == 2 and "COC-" in result.output and "--prefix" in result.output
    assert graph_iri("document", "coc-again") not in importing.store.graph_names()
    assert not (tmp_path / "m").exists()


def test_file_that_is_not_oscal_json_is_refused_with_its_name(importing: Cli, tmp_path: Path):
    (tmp_path / "notes.json").write_text("{ not json", encoding="utf-8")
    result = importing.invoke("import-oscal", tmp_path / "notes.json", "--id", "notes", "--out", tmp_path / "m")
    assert result.exit_code == 2 and "notes.json" in result.output and "Traceback" not in result.output


def test_imported_framework_with_org_joins_that_organisations_statement_of_applicability(
    importing: Cli, tmp_path: Path
):
    importing.run(
        "import-oscal", NIST, "--id", "nist-800-53-low", "--prefix", "NIST", "--org", "mozart", "--out", tmp_path
    )
    rows = [r for r in soa.statement(importing.store, "mozart", AS_OF).rows if r.document == "nist-800-53-low"]
    assert len(rows) == 6
    assert all(r.applicable == "yes" and r.status == "unmapped" for r in rows)
