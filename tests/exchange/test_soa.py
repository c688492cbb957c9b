"""Statement of Applicability: one row per obligation the organisation is subject to, read back by openpyxl."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from exchangefixture import AS_OF, Cli
from openpyxl import load_workbook

from compgraph.exchange import soa
from compgraph.exchange.files import ExchangeError
from compgraph.graph.store import LocalStore
from compgraph.questions import trace as tr


def _read_workbook(path: Path) -> dict[str, dict[str, str]]:
    sheet = load_workbook(path, read_only=True)["Statement of Applicability"]
    rows = list(sheet.iter_rows(values_only=True))
    header = [str(h).lower().replace(" ", "_") for h in rows[0]]
    assert header == soa.COLUMNS
    return {str(r[2]): dict(zip(header, ("" if v is None else str(v) for v in r), strict=True)) for r in rows[1:]}


@pytest.fixture(scope="module")
def workbook_rows(exchange_store: LocalStore, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    out = tmp_path_factory.mktemp("soa") / "soa.xlsx"
    out.write_bytes(soa.render_xlsx(soa.statement(exchange_store, "mozart", AS_OF)))
    return _read_workbook(out)


def test_soa_command_writes_a_workbook_openpyxl_reads(cli: Cli, tmp_path: Path, workbook_rows: dict):
    out = tmp_path / "soa.xlsx"
    assert f"Wrote {len(workbook_rows)} obligations" in cli.run(
        "soa", "--org", "mozart", "--as-of", AS_OF, "--out", out
    )
    assert _read_workbook(out) == workbook_rows
    about = dict(load_workbook(out, read_only=True)["About"].iter_rows(values_only=True))
    assert about["As of"] == AS_OF.isoformat() and about["Obligations"] == len(workbook_rows)


def test_soa_has_a_row_for_every_obligation_of_the_documents_the_org_is_subject_to(
    workbook_rows: dict[str, dict[str, str]], exchange_store: LocalStore
):
    res = exchange_store.select("""SELECT ?id WHERE { <https://w3id.org/compgraph/id/organisation/mozart>
        cg:subjectTo ?d . ?o cg:fromDocument ?d ; dcterms:identifier ?id }""")
    assert set(workbook_rows) == {str(r[0]) for r in res.rows}


def test_recommendation_is_not_applicable_and_says_why(workbook_rows: dict[str, dict[str, str]]):
    recommended = [r for r in workbook_rows.values() if r["modality"] == "recommended"]
    assert recommended
    assert all(r["applicable"] == "no" and "not binding" in r["reason"] for r in recommended)


def test_applicable_row_has_the_status_and_evidence_the_trace_gives(
    workbook_rows: dict[str, dict[str, str]], exchange_store: LocalStore
):
    row = next(r for r in workbook_rows.values() if r["applicable"] == "yes" and r["status"] == tr.COVERED)
    traced = tr.trace_obligation(exchange_store, row["obligation"], AS_OF)
    assert set(row["controls"].split()) == {c.id for c in traced.controls}
    current = {e.id for c in traced.controls for i in c.implementations for e in i.evidence if e.current}
    assert set(row["current_evidence"].split()) <= current and row["current_evidence"]
    assert row["justification"].startswith("covered on every bound system")


def test_gap_rows_name_the_systems_with_the_gap(workbook_rows: dict[str, dict[str, str]]):
    gaps = [r for r in workbook_rows.values() if r["applicable"] == "yes" and r["status"] != tr.COVERED]
    assert gaps
    assert all(r["status"] in r["justification"] for r in gaps)


def test_risk_restricted_obligation_binds_only_systems_of_that_risk_level(exchange_store: LocalStore):
    st = soa.statement(exchange_store, "mozart", AS_OF)
    high = [r for r in st.rows if r.applies_to_risk == "high" and r.applicable == "yes"]
    assert high and all(r.systems and "high-risk" in r.reason for r in high)
    assert all("sys-marketing-copy" not in r.systems for r in high)


def test_csv_has_the_same_rows_as_the_workbook(cli: Cli, tmp_path: Path, workbook_rows: dict[str, dict[str, str]]):
    out = tmp_path / "soa.csv"
    cli.run("soa", "--org", "mozart", "--as-of", AS_OF, "--format", "csv", "--out", out)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = {r["obligation"]: r for r in csv.DictReader(fh)}
    assert rows == workbook_rows


def test_unknown_organisation_is_refused_naming_the_known_ones(exchange_store: LocalStore):
    with pytest.raises(ExchangeError, match="unknown organisation 'nobody'.*mozart"):
        soa.statement(exchange_store, "nobody", AS_OF)
