"""Coverage counts on the tiny web fixture graph (tests/web/fixture.ttl), around its evidence expiry days.

Fast enough to run for every mutant of questions/coverage.py (tools/mutation.py): the bit-set counts must
equal tracing each system one by one, by risk level they must add up, and the per-document counts and
system rows are pinned to what the fixture's comments plant (hr-screener's notice evidence runs out on
2026-01-01, credit-scorer's oversight evidence on 2027-02-01; COC-06-01 is mapped to no control).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from tinyturtle import counts  # noqa: E402
from webfixture import fixture_store  # noqa: E402

from compgraph.graph.store import LocalStore  # noqa: E402
from compgraph.questions import coverage as cv  # noqa: E402
from compgraph.questions import trace as tr  # noqa: E402

DAYS = [date(2025, 12, 31), date(2026, 1, 1), date(2026, 1, 2), date(2027, 2, 1), date(2027, 2, 2), date(2027, 6, 2)]
ORG = "https://w3id.org/compgraph/id/organisation/mozart"
COC = "EU AI Act Code of Conduct — Deployers"
POL = "Mozart Responsible AI Policy"


# What the tiny fixture lacks, for the trace comparisons: a control implemented with no evidence, an
# obligation for limited-risk systems only, and a second organisation subject to one document, whose
# system shares a control with Mozart's but not its evidence.
MORE = b"""
@prefix cg: <https://w3id.org/compgraph/ontology#> .
@prefix cgr: <https://w3id.org/compgraph/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
cgr:obligation\\/COC-05-09 a cg:Obligation ; dcterms:identifier "COC-05-09" ;
    cg:fromDocument cgr:document\\/eu-coc-deployers ; cg:inSection cgr:section\\/eu-coc-deployers\\/05 ;
    cg:modality cg:Mandatory ; cg:appliesToRiskLevel cg:RiskLimited ;
    cg:sourceText "Deployers of limited-risk systems must label generated content." ;
    cg:satisfiedBy cgr:control\\/CTL-BT-01 .
cgr:system\\/chat-assistant cg:implementsControl cgr:control\\/CTL-BT-01 .
cgr:organisation\\/haydn a cg:Organisation ; dcterms:identifier "haydn" ; rdfs:label "Haydn GmbH" ;
    cg:subjectTo cgr:document\\/eu-coc-deployers .
cgr:system\\/haydn-bot a cg:AISystem ; dcterms:identifier "haydn-bot" ; rdfs:label "Haydn support bot" ;
    cg:riskLevel cg:RiskLimited ; cg:operatedBy cgr:organisation\\/haydn ;
    cg:implementsControl cgr:control\\/CTL-TN-01 , cgr:control\\/CTL-HO-01 .
cgr:evidence\\/ev-haydn-tn a cg:Evidence ; dcterms:identifier "ev-haydn-tn" ; rdfs:label "Haydn banner" ;
    cg:evidenceFor cgr:control\\/CTL-TN-01 ; cg:concerns cgr:system\\/haydn-bot ;
    dcterms:issued "2026-01-01"^^xsd:date ; cg:validUntil "2027-02-01"^^xsd:date .
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    return fixture_store(tmp_path_factory.mktemp("tiny-coverage") / "store")


@pytest.fixture(scope="module")
def richer(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    s = fixture_store(tmp_path_factory.mktemp("tiny-coverage-more") / "store")
    s.replace_graph("https://w3id.org/compgraph/graph/organisation/haydn", MORE, "text/turtle")
    return s


@pytest.fixture(params=["fixture", "richer"])
def any_store(request: pytest.FixtureRequest) -> LocalStore:
    return request.getfixturevalue("store" if request.param == "fixture" else "richer")


def traced(store: LocalStore, on: date) -> dict[str, dict[str, int]]:
    out = {}
    for (sid,) in store.select("SELECT ?id WHERE { ?s a cg:AISystem ; dcterms:identifier ?id }").rows:
        t = tr.trace_system(store, str(sid), on)
        out[t.id] = {st: sum(1 for o in t.obligations if o.status == st) for st in cv.STATUSES}
    return out


@pytest.mark.parametrize("on", DAYS, ids=str)
def test_system_counts_equal_the_traces(any_store: LocalStore, on: date) -> None:
    assert cv.compute(any_store, on).by_system == traced(any_store, on)


@pytest.mark.parametrize("on", DAYS, ids=str)
def test_risk_counts_are_the_sums_of_their_systems(any_store: LocalStore, on: date) -> None:
    cov = cv.compute(any_store, on)
    sums: dict[str, dict[str, int]] = {}
    for s in cov.systems:
        row = sums.setdefault(s.risk, dict.fromkeys(cv.STATUSES, 0))
        for st, n in s.counts.items():
            row[st] += n
    assert cov.by_risk == sums


@pytest.mark.parametrize("on", DAYS, ids=str)
def test_each_systems_worst_status_is_its_first_nonzero_count(any_store: LocalStore, on: date) -> None:
    cov = cv.compute(any_store, on)
    for s in cov.systems:
        assert s.worst == next((st for st in cv.STATUSES if s.counts[st]), None)
        assert cov.worst(s.iri) == s.worst


def test_system_rows_name_the_system_its_risk_and_its_organisation(store: LocalStore) -> None:
    rows = [(s.id, s.label, s.risk, s.organisation) for s in cv.compute(store, DAYS[0]).systems]
    assert rows == [
        ("chat-assistant", "Customer chat assistant", "limited", ORG),
        ("credit-scorer", "Credit scoring model", "high", ORG),
        ("hr-screener", "CV screening assistant", "high", ORG),
    ]


@pytest.mark.parametrize(
    ("on", "coc", "credit", "hr"),
    [
        (date(2026, 1, 1), counts(3, 1, 0, 0, 4), counts(1, 0, 0, 0, 3), counts(1, 1, 0, 0, 2)),
        (date(2026, 1, 2), counts(3, 1, 0, 1, 3), counts(1, 0, 0, 0, 3), counts(1, 1, 0, 1, 1)),
        (date(2027, 2, 1), counts(3, 1, 0, 1, 3), counts(1, 0, 0, 0, 3), counts(1, 1, 0, 1, 1)),
        (date(2027, 2, 2), counts(3, 1, 0, 2, 2), counts(1, 0, 0, 1, 2), counts(1, 1, 0, 1, 1)),
    ],
    ids=str,
)
def test_counts_change_the_day_after_evidence_runs_out(
    store: LocalStore, on: date, coc: dict[str, int], credit: dict[str, int], hr: dict[str, int]
) -> None:
    cov = cv.compute(store, on)
    assert cov.by_document == {COC: coc, POL: counts(covered=3)}
    assert cov.by_system["credit-scorer"] == credit and cov.by_system["hr-screener"] == hr
    assert cov.by_system["chat-assistant"] == counts(1, 0, 0, 0, 2)


@pytest.mark.parametrize(("on", "coc_05_01"), [(date(2027, 2, 1), tr.COVERED), (date(2027, 2, 2), tr.EXPIRED)], ids=str)
def test_obligation_status_over_all_implementers(store: LocalStore, on: date, coc_05_01: str) -> None:
    obl = "https://w3id.org/compgraph/id/obligation/"
    assert cv.compute(store, on).obligation_status == {
        obl + "COC-05-01": coc_05_01,
        obl + "COC-05-02": tr.COVERED,
        obl + "COC-06-01": tr.UNMAPPED,
        obl + "POL-03-01": tr.COVERED,
        obl + "POL-03-02": tr.MISSING_CONTROL,
    }


def test_the_richer_graph_has_every_status_and_both_organisations(richer: LocalStore) -> None:
    cov = cv.compute(richer, date(2026, 1, 2))
    assert {st for s in cov.systems for st, n in s.counts.items() if n} == set(cv.STATUSES)
    assert {s.organisation.rsplit("/", 1)[1] for s in cov.systems} == {"mozart", "haydn"}
    assert cov.by_system["haydn-bot"] == counts(unmapped=1, missing=1, covered=1)
