"""OSCAL export: every file is read back by compliance-trestle's models, and carries what the graph holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchangefixture import AS_OF, Cli
from trestle.oscal.assessment_results import AssessmentResults
from trestle.oscal.catalog import Catalog
from trestle.oscal.component import ComponentDefinition

from compgraph.exchange import oscal
from compgraph.exchange.files import ExchangeError
from compgraph.graph.store import LocalStore


def _export(cli: Cli, tmp_path: Path, kind: str, *extra: str) -> Path:
    out = tmp_path / f"{kind}.json"
    cli.run("export-oscal", "--kind", kind, "--as-of", AS_OF, *extra, "--out", out)
    return out


@pytest.fixture
def catalog(cli: Cli, tmp_path: Path) -> Catalog:
    return Catalog.oscal_read(_export(cli, tmp_path, "catalog", "--document", "eu-coc-deployers"))


def _controls(cat: Catalog) -> dict[str, object]:
    return {c.id: c for g in cat.groups or [] for c in getattr(g, "controls", None) or []}


def test_catalog_has_a_group_per_section_and_a_control_per_obligation(catalog: Catalog, exchange_store: LocalStore):
    doc = "https://w3id.org/compgraph/id/document/eu-coc-deployers"
    n_obl = exchange_store.select(f"SELECT (COUNT(?o) AS ?n) WHERE {{ ?o cg:fromDocument <{doc}> }}").rows[0][0]
    n_sec = exchange_store.select(f"SELECT (COUNT(?s) AS ?n) WHERE {{ ?s dcterms:isPartOf <{doc}> }}").rows[0][0]
    assert len(_controls(catalog)) == int(n_obl)
    assert len(catalog.groups) == int(n_sec)


def test_catalog_control_carries_statement_modality_addressee_and_source(catalog: Catalog):
    ctl = _controls(catalog)["COC-05-03"]
    statement = next(p for p in ctl.parts if p.name == "statement")
    assert statement.prose.startswith("Deployers")
    assert oscal.iter_props(ctl.props, "modality") == ["mandatory"]
    assert oscal.iter_props(ctl.props, "addressee") == ["deployer"]
    assert oscal.iter_props(ctl.props, "source-line")
    resource = catalog.back_matter.resources[0]
    assert resource.rlinks[0].href == "sources/eu-ai-act-code-of-conduct-deployers.txt"
    assert len(resource.rlinks[0].hashes[0].value) == 64
    assert any(link.href == f"#{resource.uuid}" for link in ctl.links)


def test_component_definition_lists_each_system_with_its_controls_and_evidence(cli: Cli, tmp_path: Path):
    comp = ComponentDefinition.oscal_read(_export(cli, tmp_path, "component-definition"))
    screener = next(c for c in comp.components if c.title == "Candidate ranking assistant")
    reqs = {r.control_id: r for r in screener.control_implementations[0].implemented_requirements}
    assert "CTL-HO-01" in reqs
    assert oscal.iter_props(reqs["CTL-HO-01"].props, "evidence-status")[0] in {"covered", "expired", "no evidence"}
    assert any(r.links for r in reqs.values()), "evidence links are exported"
    org = next(c for c in comp.components if oscal.value_of(c.type) == "policy")
    assert "CTL-GOV-01" in {r.control_id for r in org.control_implementations[0].implemented_requirements}


def test_assessment_results_hold_findings_and_dated_evidence_observations(cli: Cli, tmp_path: Path):
    ar = AssessmentResults.oscal_read(_export(cli, tmp_path, "assessment-results"))
    result = ar.results[0]
    assert result.start.date() == AS_OF
    assert oscal.iter_props(result.props, "as-of") == [AS_OF.isoformat()]
    assert result.findings, "the demo's planted gaps are findings"
    assert {f.target.status.state.value for f in result.findings} >= {"not-satisfied"}
    expired = [o for o in result.observations if oscal.iter_props(o.props, "evidence-state") == ["expired"]]
    assert expired and all(o.expires.date() < AS_OF for o in expired)
    assert all(o.relevant_evidence[0].description for o in result.observations)
    linked = {r.observation_uuid for f in result.findings for r in f.related_observations or []}
    assert linked <= {o.uuid for o in result.observations} and linked


def test_catalog_export_of_unknown_document_names_the_known_ones(exchange_store: LocalStore):
    with pytest.raises(ExchangeError, match="no source document 'nope'.*eu-coc-deployers"):
        oscal.export(exchange_store, "catalog", AS_OF, "nope")


def test_export_to_a_missing_folder_fails_with_one_line_and_writes_nothing(cli: Cli, tmp_path: Path):
    out = tmp_path / "absent" / "c.json"
    result = cli.invoke("export-oscal", "--kind", "catalog", "--document", "eu-coc-deployers", "--out", out)
    assert result.exit_code == 2
    assert "does not exist" in result.output and "Traceback" not in result.output
    assert not out.parent.exists()
