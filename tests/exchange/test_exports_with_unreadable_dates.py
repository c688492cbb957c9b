"""An evidence item whose validUntil is no date ("soon": `compgraph load` takes any RDF, validation reports the value)
is exported as what it is, "no readable expiry date", never as current and never as a traceback: the audit pack, its
report and both OSCAL exports used date.fromisoformat on every value."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from compgraph.exchange import oscal
from compgraph.exchange.audit import check_evidence, collect
from compgraph.exchange.packdata import UNDATED
from compgraph.exchange.report import render_html
from compgraph.graph.build import build
from compgraph.graph.store import LocalStore

AS_OF = date(2026, 11, 22)
ODD = """@prefix cg: <https://w3id.org/compgraph/ontology#> . @prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:x:ev-odd> a cg:Evidence ; dcterms:identifier "ev-odd" ; rdfs:label "Odd" ; dcterms:issued "last spring" ;
  cg:evidenceFor <https://w3id.org/compgraph/id/control/CTL-DG-03> ;
  cg:concerns <https://w3id.org/compgraph/id/organisation/mozart> ; cg:validUntil "soon" .
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("odd-evidence") / "store"
    with LocalStore(root) as s:
        build(s)
        s.replace_graph("urn:x:odd", ODD.encode(), "text/turtle")
    return root


@pytest.fixture
def store(built: Path, tmp_path: Path) -> Iterator[LocalStore]:
    shutil.copytree(built, tmp_path / "store")
    with LocalStore(tmp_path / "store") as s:
        yield s


def test_the_audit_packs_evidence_check_says_the_date_is_unreadable(store: LocalStore) -> None:
    odd = [e for e in check_evidence(store, AS_OF) if e.id == "ev-odd"]
    assert [(e.valid_until, e.state) for e in odd] == [("soon", UNDATED)]


def test_the_packs_expiry_chart_counts_it_apart_and_its_report_renders(store: LocalStore) -> None:
    data = collect(store, AS_OF)
    buckets = data.expiry_buckets()
    assert buckets[UNDATED] == 1 and sum(buckets.values()) == len(data.evidence)
    assert UNDATED in render_html(data)  # the chart's bar, beside "expired" and "within 30 days"


def test_the_packs_report_names_each_record_with_no_readable_expiry_date(store: LocalStore) -> None:
    # The chart counted them and no table named them: an auditor could not tell which record to ask about.
    html = render_html(collect(store, AS_OF))
    section = html[html.index("<h3>With no readable expiry date</h3>"):]
    assert "<td>ev-odd</td><td>CTL-DG-03</td><td>mozart</td>" in section and ">soon</td>" in section


def test_both_oscal_exports_read_it_as_not_current(store: LocalStore) -> None:
    components = oscal.to_json(oscal.export(store, "component-definition", AS_OF)).decode()
    results = oscal.to_json(oscal.export(store, "assessment-results", AS_OF)).decode()
    assert components.startswith("{")  # exported (the control is not one the organisation implements)
    assert "ev-odd" in results
    assert "Evidence ev-odd for control CTL-DG-03 concerning mozart: no readable expiry date" in results
