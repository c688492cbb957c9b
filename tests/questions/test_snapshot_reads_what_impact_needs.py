"""What coverage's snapshot reads from the store, field by field, on a graph of edge cases.

The tiny web fixture names every node fully, so the snapshot's fallbacks (a control without a label, a
system without a label or a risk level, an implementer or operator without an id or a label, evidence
missing an id) were never exercised: mutation testing (tools/mutation.py) left most of them alive. Each
test pins one field to what the Turtle below plants.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tinyturtle import HEAD

from compgraph.graph.store import LocalStore
from compgraph.questions import coverage as cv
from compgraph.questions import trace as tr

ID = "https://w3id.org/compgraph/id/"
EDGES = b"""
@prefix cg: <https://w3id.org/compgraph/ontology#> .
@prefix cgr: <https://w3id.org/compgraph/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
cg:Mandatory skos:prefLabel "mandatory"@en .
cg:Recommended skos:prefLabel "recommended"@en .
cg:RiskHigh skos:prefLabel "high"@en .
cgr:doc\\/a rdfs:label "Doc A" .
cgr:doc\\/b rdfs:label "Doc B" .
cgr:sec\\/1 rdfs:label "Section 1" .

# Traced obligations (id, text, modality, document, section); B-1 sorts after A-2 by document.
cgr:obl\\/A-1 a cg:Obligation ; dcterms:identifier "A-1" ; cg:sourceText "t" ; cg:modality cg:Mandatory ;
    cg:fromDocument cgr:doc\\/a ; cg:inSection cgr:sec\\/1 ; cg:satisfiedBy cgr:ctl\\/C1 , cgr:ctl\\/C2 .
cgr:obl\\/A-2 a cg:Obligation ; dcterms:identifier "A-2" ; cg:sourceText "t" ; cg:modality cg:Mandatory ;
    cg:fromDocument cgr:doc\\/a ; cg:inSection cgr:sec\\/1 ; cg:satisfiedBy cgr:ctl\\/C2 .
cgr:obl\\/B-1 a cg:Obligation ; dcterms:identifier "B-1" ; cg:sourceText "t" ; cg:modality cg:Recommended ;
    cg:fromDocument cgr:doc\\/b ; cg:inSection cgr:sec\\/1 ; cg:satisfiedBy cgr:ctl\\/C3 .
# Not traced (no text) and no id: it still gets a bit, after the traced ones, but impact does not list it.
cgr:obl\\/zz a cg:Obligation ; cg:modality cg:Mandatory ; cg:fromDocument cgr:doc\\/a ;
    cg:satisfiedBy cgr:ctl\\/C1 .

cgr:ctl\\/C1 a cg:Control ; dcterms:identifier "C1" ; rdfs:label "Control one" .
cgr:ctl\\/C2 a cg:Control ; dcterms:identifier "C2" .
cgr:ctl\\/C3 a cg:Control ; dcterms:identifier "C3" ; rdfs:label "Control three" ; cg:scope cg:SystemScope .
cgr:ctl\\/C4 a cg:Control ; rdfs:label "no id" .

cgr:org\\/acme a cg:Organisation ; dcterms:identifier "acme" ; rdfs:label "Acme" ;
    cg:subjectTo cgr:doc\\/a , cgr:doc\\/b ; cg:implementsControl cgr:ctl\\/C2 , cgr:ctl\\/C3 .
cgr:org\\/idonly a cg:Organisation ; dcterms:identifier "idonly" ; cg:implementsControl cgr:ctl\\/C1 .
cgr:org\\/anon a cg:Organisation ; rdfs:label "Anonymous" ; cg:implementsControl cgr:ctl\\/C1 .

cgr:sys\\/a a cg:AISystem ; dcterms:identifier "a" ; rdfs:label "System A" ; cg:riskLevel cg:RiskHigh ;
    cg:operatedBy cgr:org\\/acme ; cg:implementsControl cgr:ctl\\/C1 .
cgr:sys\\/b a cg:AISystem ; dcterms:identifier "b" ; cg:operatedBy cgr:org\\/acme ;
    cg:implementsControl cgr:ctl\\/C2 .
cgr:sys\\/c a cg:AISystem ; dcterms:identifier "c" ; rdfs:label "System C" ;
    cg:operatedBy cgr:org\\/acme , cgr:org\\/idonly .
cgr:sys\\/d a cg:AISystem ; rdfs:label "System D" ; cg:operatedBy cgr:org\\/acme , cgr:org\\/anon .
cgr:sys\\/e a cg:AISystem ; dcterms:identifier "e" ; rdfs:label "System E" ; cg:riskLevel cg:RiskHigh .

cgr:ev\\/1 dcterms:identifier "ev1" ; rdfs:label "Evidence 1" ; cg:evidenceFor cgr:ctl\\/C1 ;
    cg:concerns cgr:sys\\/a ; cg:validUntil "2026-03-01"^^xsd:date .
cgr:ev\\/2 dcterms:identifier "ev2" ; rdfs:label "Evidence 2" ; cg:evidenceFor cgr:ctl\\/C1 ;
    cg:concerns cgr:sys\\/a ; cg:validUntil "2026-06-30"^^xsd:date .
cgr:ev\\/3 rdfs:label "Evidence without an id" ; cg:evidenceFor cgr:ctl\\/C2 ;
    cg:concerns cgr:sys\\/b ; cg:validUntil "2027-01-01"^^xsd:date .
"""


def iri(path: str) -> str:
    return ID + path


@pytest.fixture(scope="module")
def edges(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    store = LocalStore(tmp_path_factory.mktemp("edges") / "store")
    store.replace_graph("https://w3id.org/compgraph/graph/edges", EDGES, "text/turtle")
    return store


@pytest.fixture
def snap(edges: LocalStore) -> cv.Snapshot:
    # Taken per test, not per module: mutmut runs for a mutant only the tests it saw reach the mutated
    # function, and a module-scoped snapshot is reached in the first test's setup alone.
    return cv.snapshot(edges)


def obligations(snap: cv.Snapshot, bits: int) -> set[str]:
    return {o.rsplit("/", 1)[1] for o, i in snap.index.items() if bits >> i & 1}


def test_traced_obligations_take_the_first_bits_grouped_by_document(snap: cv.Snapshot) -> None:
    assert snap.index == {iri("obl/A-1"): 0, iri("obl/A-2"): 1, iri("obl/B-1"): 2, iri("obl/zz"): 3}
    assert snap.doc_ranges == {"Doc A": (0, 2), "Doc B": (2, 3)}
    assert obligations(snap, snap.traced) == {"A-1", "A-2", "B-1"}


def test_a_control_satisfies_its_obligations_only_with_an_id_and_a_label(snap: cv.Snapshot) -> None:
    assert {c.rsplit("/", 1)[1]: obligations(snap, b) for c, b in snap.satisfies.items()} == {
        "C1": {"A-1", "zz"},
        "C3": {"B-1"},
    }


def test_latest_evidence_date_per_implementer_and_control_needs_an_evidence_id(snap: cv.Snapshot) -> None:
    assert snap.latest == {(iri("sys/a"), iri("ctl/C1")): date(2026, 6, 30)}


def test_a_system_scope_control_on_an_organisation_is_not_implemented(snap: cv.Snapshot) -> None:
    assert sorted(snap.implements) == sorted(
        [
            (iri("org/acme"), iri("ctl/C2")),
            (iri("org/idonly"), iri("ctl/C1")),
            (iri("org/anon"), iri("ctl/C1")),
            (iri("sys/a"), iri("ctl/C1")),
            (iri("sys/b"), iri("ctl/C2")),
        ]
    )


def test_named_implementers_are_labelled_systems_and_organisations_with_id_and_label(snap: cv.Snapshot) -> None:
    assert snap.named == {iri("sys/a"), iri("sys/c"), iri("sys/e"), iri("org/acme")}


def test_only_binding_modalities_of_the_operators_documents_bind(snap: cv.Snapshot) -> None:
    # B-1 is only recommended; sys/e has no operator, so nothing binds it.
    assert {s.rsplit("/", 1)[1]: obligations(snap, b) for s, b in snap.binds.items()} == {
        s: {"A-1", "A-2", "zz"} for s in ("a", "b", "c", "d")
    }


def test_system_rows_need_id_label_risk_label_and_a_labelled_operator(snap: cv.Snapshot) -> None:
    assert snap.systems == [(iri("sys/a"), "a", "System A", "high", iri("org/acme"))]


def test_operators_and_implementers_come_from_the_systems(snap: cv.Snapshot) -> None:
    assert snap.operators == {
        iri("sys/a"): {iri("org/acme")},
        iri("sys/b"): {iri("org/acme")},
        iri("sys/c"): {iri("org/acme"), iri("org/idonly")},
        iri("sys/d"): {iri("org/acme"), iri("org/anon")},
    }
    systems = {iri(f"sys/{s}") for s in "abcde"}
    assert snap.implementers == systems | {iri("org/acme"), iri("org/idonly"), iri("org/anon")}


def test_impact_lists_obligations_with_an_id_by_the_controls_with_an_id(snap: cv.Snapshot) -> None:
    assert snap.impact_ready
    assert snap.impact_obligations == {iri("obl/A-1"): "A-1", iri("obl/A-2"): "A-2", iri("obl/B-1"): "B-1"}
    assert {c.rsplit("/", 1)[1]: obligations(snap, b) for c, b in snap.impact_satisfies.items()} == {
        "C1": {"A-1"},
        "C2": {"A-1", "A-2"},
        "C3": {"B-1"},
    }


def test_impact_controls_fall_back_to_the_id_without_a_label(snap: cv.Snapshot) -> None:
    assert snap.impact_controls == {
        iri("ctl/C1"): ("C1", "Control one"),
        iri("ctl/C2"): ("C2", "C2"),
        iri("ctl/C3"): ("C3", "Control three"),
    }


def test_impact_implementers_are_those_with_an_id_labelled_or_not(snap: cv.Snapshot) -> None:
    assert snap.impact_implementers == {iri("org/acme"), iri("org/idonly"), iri("sys/a"), iri("sys/b")}


def test_impact_systems_are_the_bound_systems_with_an_id_label_falling_back_to_it(snap: cv.Snapshot) -> None:
    assert snap.impact_systems == {
        iri("sys/a"): ("a", "System A"),
        iri("sys/b"): ("b", "b"),
        iri("sys/c"): ("c", "System C"),
    }


def test_impact_operators_are_those_with_an_id(snap: cv.Snapshot) -> None:
    assert snap.impact_operators == {
        iri("sys/a"): {iri("org/acme")},
        iri("sys/b"): {iri("org/acme")},
        iri("sys/c"): {iri("org/acme"), iri("org/idonly")},
        iri("sys/d"): {iri("org/acme")},
    }


def test_a_snapshot_without_impact_inputs_has_them_added_once_on_demand(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    store.replace_graph("https://w3id.org/compgraph/graph/edges", EDGES, "text/turtle")
    bare = cv.snapshot(store, impact=False)
    assert not bare.impact_ready and bare.impact_controls == {} and bare.impact_systems == {}
    filled = cv.with_impact_inputs(store, bare)
    assert filled is bare and bare.impact_ready and len(bare.impact_controls) == 3
    bare.impact_controls.clear()
    cv.with_impact_inputs(store, bare)
    assert bare.impact_controls == {}  # already filled: not read again


def test_values_lookups_cover_every_iri_across_chunks(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    store.replace_graph("https://w3id.org/compgraph/graph/edges", EDGES, "text/turtle")
    systems = [iri(f"sys/{s}") for s in "abcde"]
    chunks = list(cv._by_values(store, systems, "?s ?id", "?s dcterms:identifier ?id", chunk=2))
    assert len(chunks) == 3
    assert sorted(str(r[1]) for rows in chunks for r in rows) == ["a", "b", "c", "e"]


def test_evaluate_on_the_edges_counts_system_a(snap: cv.Snapshot) -> None:
    # A-1 via C1 on sys/a (evidence until 2026-06-30); A-2 is satisfied only by C2, which has no label,
    # so a trace shows no control for it; zz is not traced, so it is not counted.
    last_day = {tr.UNMAPPED: 1, tr.MISSING_CONTROL: 0, tr.NO_EVIDENCE: 0, tr.EXPIRED: 0, tr.COVERED: 1}
    assert cv.evaluate(snap, date(2026, 6, 30)).by_system == {"a": last_day}
    day_after = {**last_day, tr.COVERED: 0, tr.EXPIRED: 1}
    assert cv.evaluate(snap, date(2026, 7, 1)).by_system == {"a": day_after}


BINDING = b"""
@prefix cg: <https://w3id.org/compgraph/ontology#> .
@prefix cgr: <https://w3id.org/compgraph/id/> .
cgr:obl\\/P a cg:Obligation ; cg:fromDocument cgr:doc\\/c ; cg:modality cg:Prohibition .
cgr:obl\\/C a cg:Obligation ; cg:fromDocument cgr:doc\\/c ; cg:modality cg:Commitment .
cgr:obl\\/R a cg:Obligation ; cg:fromDocument cgr:doc\\/c ; cg:modality cg:Recommended .
cgr:obl\\/H a cg:Obligation ; cg:fromDocument cgr:doc\\/c ; cg:modality cg:Mandatory ;
    cg:appliesToRiskLevel cg:RiskHigh .
cgr:obl\\/L a cg:Obligation ; cg:fromDocument cgr:doc\\/c ; cg:modality cg:Mandatory ;
    cg:appliesToRiskLevel cg:RiskLimited .
cgr:obl\\/O a cg:Obligation ; cg:fromDocument cgr:doc\\/other ; cg:modality cg:Mandatory .
cgr:org\\/x cg:subjectTo cgr:doc\\/c .
cgr:sys\\/high a cg:AISystem ; cg:operatedBy cgr:org\\/x ; cg:riskLevel cg:RiskHigh .
cgr:sys\\/limited a cg:AISystem ; cg:operatedBy cgr:org\\/x ; cg:riskLevel cg:RiskLimited .
cgr:sys\\/unrated a cg:AISystem ; cg:operatedBy cgr:org\\/x .
cgr:sys\\/alone a cg:AISystem ; cg:riskLevel cg:RiskHigh .
"""


def test_binding_modalities_bind_and_risk_limited_ones_only_at_their_level(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    store.replace_graph("https://w3id.org/compgraph/graph/binding", BINDING, "text/turtle")
    index = {iri(f"obl/{o}"): i for i, o in enumerate("PCRHLO")}
    bound = cv.binding(store, index)
    binds, found = bound.masks(), bound.systems
    named = {s.rsplit("/", 1)[1]: {o for o, i in index.items() if b >> i & 1} for s, b in binds.items()}
    assert named == {
        "high": {iri("obl/P"), iri("obl/C"), iri("obl/H")},
        "limited": {iri("obl/P"), iri("obl/C"), iri("obl/L")},
        "unrated": {iri("obl/P"), iri("obl/C")},
    }
    risk = "https://w3id.org/compgraph/ontology#Risk"
    assert found == {
        iri("sys/high"): ({iri("org/x")}, {risk + "High"}),
        iri("sys/limited"): ({iri("org/x")}, {risk + "Limited"}),
        iri("sys/unrated"): ({iri("org/x")}, set()),
        iri("sys/alone"): (set(), {risk + "High"}),
    }


def test_obligations_outside_the_index_bind_nothing(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    store.replace_graph("https://w3id.org/compgraph/graph/binding", BINDING, "text/turtle")
    binds = cv.binding(store, {iri("obl/C"): 3}).masks()
    assert binds == {iri(f"sys/{s}"): 1 << 3 for s in ("high", "limited", "unrated")}


TWICE = b"""
@prefix cg: <https://w3id.org/compgraph/ontology#> .
@prefix cgr: <https://w3id.org/compgraph/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
cg:RiskHigh skos:prefLabel "high"@en .
cgr:org\\/one rdfs:label "One" .
cgr:org\\/two rdfs:label "Two" .
cgr:sys\\/a a cg:AISystem ; dcterms:identifier "a" ; rdfs:label "A" ; cg:riskLevel cg:RiskHigh ;
    cg:operatedBy cgr:org\\/one , cgr:org\\/two .
cgr:sys\\/b a cg:AISystem ; dcterms:identifier "b" ; rdfs:label "B" ; cg:riskLevel cg:RiskHigh ;
    cg:operatedBy cgr:org\\/one .
"""


def test_a_system_with_two_operators_is_one_row_and_the_next_system_still_counts(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    store.replace_graph("https://w3id.org/compgraph/graph/twice", TWICE, "text/turtle")
    snap = cv.snapshot(store)
    assert [row[:2] for row in snap.systems] == [(iri("sys/a"), "a"), (iri("sys/a"), "a"), (iri("sys/b"), "b")]
    rows = cv.evaluate(snap, date(2026, 1, 1)).systems
    assert [(r.id, r.organisation) for r in rows] == [("a", iri("org/one")), ("b", iri("org/one"))]


SECOND_DOC = HEAD + b"""
cgr:doc\\/b rdfs:label "Doc B" .
cgr:obl\\/A-1 a cg:Obligation ; dcterms:identifier "A-1" ; cg:sourceText "t" ; cg:modality cg:Mandatory ;
    cg:fromDocument cgr:doc\\/a ; cg:inSection cgr:sec\\/1 .
cgr:obl\\/B-1 a cg:Obligation ; dcterms:identifier "B-1" ; cg:sourceText "t" ; cg:modality cg:Mandatory ;
    cg:fromDocument cgr:doc\\/b ; cg:inSection cgr:sec\\/1 .
cgr:org\\/first rdfs:label "First" ; cg:subjectTo cgr:doc\\/a .
cgr:org\\/second rdfs:label "Second" ; cg:subjectTo cgr:doc\\/b .
cgr:sys\\/b a cg:AISystem ; dcterms:identifier "b" ; rdfs:label "B" ; cg:riskLevel cg:RiskHigh ;
    cg:operatedBy cgr:org\\/second .
"""


def test_a_system_bound_only_by_a_later_document_counts_in_that_document(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    store.replace_graph("https://w3id.org/compgraph/graph/second", SECOND_DOC, "text/turtle")
    snap = cv.snapshot(store)
    assert list(snap.doc_ranges) == ["Doc A", "Doc B"]
    unmapped = {tr.UNMAPPED: 1, tr.MISSING_CONTROL: 0, tr.NO_EVIDENCE: 0, tr.EXPIRED: 0, tr.COVERED: 0}
    assert cv.evaluate(snap, date(2026, 1, 1)).by_document == {"Doc B": unmapped}
