"""Evidence whose cg:validUntil is not a date: validation reports it, and every answer still comes.

RDF loaded with `compgraph load` can say anything ("soon"); coverage and traces used to raise ValueError on
it (so the dashboard and a system's page failed). A value that is not an xsd:date proves no evidence
current, and it must not hide a real date recorded beside it. Fixture: tests/web/fixture.ttl, where
hr-screener's notice evidence (CTL-TN-01) ran out on 2026-01-01.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from webfixture import fixture_store  # noqa: E402

from compgraph.graph.literals import iso_date  # noqa: E402
from compgraph.graph.store import LocalStore  # noqa: E402
from compgraph.questions import coverage as cv  # noqa: E402
from compgraph.questions import trace as tr  # noqa: E402
from compgraph.web import create_app  # noqa: E402

ON = date(2026, 6, 1)
HEAD = b"""@prefix cg: <https://w3id.org/compgraph/ontology#> .
@prefix cgr: <https://w3id.org/compgraph/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def evidence(ident: str, until: str) -> bytes:
    return (
        f"cgr:evidence\\/{ident} a cg:Evidence ; dcterms:identifier \"{ident}\" ; rdfs:label \"Notice {ident}\" ;"
        f" cg:evidenceFor cgr:control\\/CTL-TN-01 ; cg:concerns cgr:system\\/hr-screener ; cg:validUntil {until} .\n"
    ).encode()


def store_with(tmp_path: Path, *items: bytes) -> LocalStore:
    store = fixture_store(tmp_path / "store")
    store.replace_graph("urn:test:more-evidence", HEAD + b"".join(items), "text/turtle")
    return store


def notice_status(store: LocalStore) -> str:
    t = tr.trace_system(store, "hr-screener", ON)
    return next(o.status for o in t.obligations if any(c.id == "CTL-TN-01" for c in o.controls))


def test_evidence_valid_until_soon_counts_as_no_current_evidence(tmp_path: Path) -> None:
    store = store_with(tmp_path, evidence("ev-soon", '"soon"'))
    assert notice_status(store) == tr.EXPIRED
    assert cv.compute(store, ON).by_system["hr-screener"][tr.COVERED] == 1


def test_a_malformed_expiry_is_shown_as_written_and_not_current(tmp_path: Path) -> None:
    store = store_with(tmp_path, evidence("ev-soon", '"soon"'))
    items = [
        e
        for o in tr.trace_system(store, "hr-screener", ON).obligations
        for c in o.controls
        for impl in c.implementations
        for e in impl.evidence
        if e.id == "ev-soon"
    ]
    assert items and {(e.valid_until, e.current) for e in items} == {("soon", False)}


def test_the_trace_text_and_the_evidence_page_say_the_expiry_is_unreadable_not_expired(tmp_path: Path) -> None:
    # The trace printed "EXPIRED" and the evidence page "bad date" where the question and the exports say this.
    store = store_with(tmp_path, evidence("ev-soon", '"soon"'))
    assert "(valid until soon, no readable expiry date)" in tr.render_system(tr.trace_system(store, "hr-screener", ON))
    page = create_app(store).test_client().get("/evidence.json?as_of=2026-06-01").get_json()
    assert [r["state"] for r in page["evidence"] if r["id"] == "ev-soon"] == ["no readable expiry date"]


def test_a_malformed_expiry_does_not_hide_a_real_date_beside_it(tmp_path: Path) -> None:
    store = store_with(tmp_path, evidence("ev-soon", '"soon"'), evidence("ev-real", '"2027-01-01"^^xsd:date'))
    assert notice_status(store) == tr.COVERED
    cov = cv.compute(store, ON)
    assert cov.by_system["hr-screener"][tr.COVERED] == 2


def test_coverage_still_equals_the_trace_with_a_malformed_expiry(tmp_path: Path) -> None:
    store = store_with(tmp_path, evidence("ev-soon", '"soon"'), evidence("ev-month", '"2027-13-01"'))
    t = tr.trace_system(store, "hr-screener", ON)
    assert cv.compute(store, ON).by_system["hr-screener"] == {
        st: sum(1 for o in t.obligations if o.status == st) for st in cv.STATUSES
    }


def test_the_dashboard_and_the_systems_page_answer_with_a_malformed_expiry(tmp_path: Path) -> None:
    client = create_app(store_with(tmp_path, evidence("ev-soon", '"soon"'))).test_client()
    for url in ("/", "/systems/hr-screener", "/evidence"):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    ("text", "day"),
    [("2027-01-01", date(2027, 1, 1)), ("2027-01-01Z", date(2027, 1, 1)), ("2027-01-01+02:00", date(2027, 1, 1))],
)
def test_an_xsd_date_reads_as_its_day(text: str, day: date) -> None:
    assert iso_date(text) == day


@pytest.mark.parametrize("text", ["soon", "20270101", "2027-W01-1", "2027-13-01", "2027-01-01T00:00:00", "", None])
def test_what_is_not_an_xsd_date_reads_as_none(text: str | None) -> None:
    assert iso_date(text) is None
