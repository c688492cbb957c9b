"""Coverage's counts, one behaviour per test, on graphs of a few lines each.

Written for the mutants a whole mutation run of questions/coverage.py left alive (tools/mutation.py
--group coverage; docs/mutation-survivors.md): the fixtures elsewhere never had an obligation satisfied by
two controls in different evidence states, a system implementing two controls without evidence, an
unmapped obligation in the first bit, a third document, or a system nothing binds. Each test builds its
own store and snapshot (function scope: mutmut credits a mutant only to the tests it saw reach it).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tinyturtle import HEAD, SYSTEM, counts, duty, evidence, implements

from compgraph.graph.snapshots import SnapshotStore
from compgraph.graph.store import LocalStore
from compgraph.questions import coverage as cv
from compgraph.questions import trace as tr

ID = "https://w3id.org/compgraph/id/"
ON = date(2026, 6, 1)


def snap_of(tmp_path: Path, *turtle: bytes) -> cv.Snapshot:
    store = LocalStore(tmp_path / "store")
    store.replace_graph("https://w3id.org/compgraph/graph/test", HEAD + b"".join(turtle), "text/turtle")
    return cv.snapshot(store)


def test_two_controls_implemented_without_evidence_leave_both_their_obligations_without_evidence(
    tmp_path: Path,
) -> None:
    snap = snap_of(tmp_path, SYSTEM, duty("A-1", "C1"), duty("A-2", "C2"), implements("C1", "C2"))
    assert cv.evaluate(snap, ON).by_system == {"s": counts(none=2)}


def test_an_obligation_covered_by_one_control_is_not_also_without_evidence_through_another(tmp_path: Path) -> None:
    snap = snap_of(tmp_path, SYSTEM, duty("A-1", "C1", "C2"), implements("C1", "C2"), evidence("C1", "2027-01-01"))
    assert cv.evaluate(snap, ON).by_system == {"s": counts(covered=1)}


def test_an_obligation_expired_through_one_control_is_not_also_without_evidence_through_another(
    tmp_path: Path,
) -> None:
    snap = snap_of(tmp_path, SYSTEM, duty("A-1", "C1", "C2"), implements("C1", "C2"), evidence("C1", "2026-01-01"))
    assert cv.evaluate(snap, ON).by_system == {"s": counts(expired=1)}


def test_the_first_obligation_is_unmapped_when_no_control_satisfies_it(tmp_path: Path) -> None:
    # A-0 sorts first, so it takes bit 0.
    snap = snap_of(tmp_path, SYSTEM, duty("A-0"), duty("A-1", "C1"), implements("C1"))
    assert snap.index[ID + "obl/A-0"] == 0
    cov = cv.evaluate(snap, ON)
    assert cov.by_system == {"s": counts(unmapped=1, none=1)}
    assert cov.obligation_status[ID + "obl/A-0"] == tr.UNMAPPED


def test_a_control_satisfying_no_obligation_covers_nothing(tmp_path: Path) -> None:
    # The system implements only X, which satisfies nothing; A-1 (bit 0) needs C1, which nobody implements.
    x = b'cgr:ctl\\/X a cg:Control ; dcterms:identifier "X" ; rdfs:label "Unrelated" .\n'
    snap = snap_of(tmp_path, SYSTEM, duty("A-1", "C1"), x, implements("X"))
    cov = cv.evaluate(snap, ON)
    assert cov.by_system == {"s": counts(missing=1)}
    assert cov.obligation_status == {ID + "obl/A-1": tr.MISSING_CONTROL}


def test_coverage_records_the_date_it_was_evaluated_on(tmp_path: Path) -> None:
    snap = snap_of(tmp_path, SYSTEM, duty("A-1", "C1"))
    assert cv.evaluate(snap, ON).as_of == ON


def test_a_system_no_document_binds_has_no_counts_and_no_worst_status(tmp_path: Path) -> None:
    free = b"""
cgr:org\\/free a cg:Organisation ; dcterms:identifier "free" ; rdfs:label "Free" .
cgr:sys\\/f a cg:AISystem ; dcterms:identifier "f" ; rdfs:label "F" ; cg:riskLevel cg:RiskHigh ;
    cg:operatedBy cgr:org\\/free .
"""
    snap = snap_of(tmp_path, SYSTEM, free, duty("A-1"))
    cov = cv.evaluate(snap, ON)
    assert cov.by_system["f"] == counts()
    assert cov.worst(ID + "sys/f") is None
    assert cov.by_system["s"] == counts(unmapped=1)


def test_each_system_row_and_its_worst_status_are_found_by_the_system_iri(tmp_path: Path) -> None:
    snap = snap_of(tmp_path, SYSTEM, duty("A-1", "C1"))
    cov = cv.evaluate(snap, ON)
    assert [row.iri for row in cov.systems] == [ID + "sys/s"]
    assert cov.worst(ID + "sys/s") == tr.MISSING_CONTROL


def test_a_middle_document_counts_only_its_own_obligations(tmp_path: Path) -> None:
    docs = b"""
cgr:doc\\/b rdfs:label "Doc B" .
cgr:doc\\/c rdfs:label "Doc C" .
cgr:org\\/o cg:subjectTo cgr:doc\\/b , cgr:doc\\/c .
"""
    snap = snap_of(
        tmp_path, SYSTEM, docs, duty("A-1"), duty("B-1", doc="b"), duty("C-1", doc="c"), duty("C-2", doc="c")
    )
    assert snap.doc_ranges == {"Doc A": (0, 1), "Doc B": (1, 2), "Doc C": (2, 4)}
    assert cv.evaluate(snap, ON).by_document == {
        "Doc A": counts(unmapped=1),
        "Doc B": counts(unmapped=1),
        "Doc C": counts(unmapped=2),
    }


def test_plain_rows_read_an_unbound_variable_as_none_on_a_local_store_and_on_a_loaded_snapshot(
    tmp_path: Path,
) -> None:
    # A snapshot (compgraph history) is read through the generic select path, the local store directly.
    store = LocalStore(tmp_path / "store")
    store.replace_graph("https://w3id.org/compgraph/graph/test", HEAD + SYSTEM, "text/turtle")
    query = "SELECT ?o ?doc ?y WHERE { ?o a cg:Organisation ; cg:subjectTo ?doc . OPTIONAL { ?o cg:x ?y } }"
    expected = [(ID + "org/o", ID + "doc/a", None)]
    assert cv.plain_rows(store, query) == expected
    assert cv.plain_rows(SnapshotStore(store.oxigraph, "test"), query) == expected


def test_a_system_given_two_risk_levels_is_bound_by_the_obligations_of_each(tmp_path: Path) -> None:
    # Two levels break the one-level shape (validate reports it); coverage must still count every duty
    # either level brings rather than silently drop one.
    levels = b"""
cg:RiskLimited skos:prefLabel "limited"@en .
cgr:sys\\/s cg:riskLevel cg:RiskLimited .
cgr:obl\\/A-1 cg:appliesToRiskLevel cg:RiskHigh .
cgr:obl\\/A-2 cg:appliesToRiskLevel cg:RiskLimited .
"""
    snap = snap_of(tmp_path, SYSTEM, levels, duty("A-1"), duty("A-2"))
    assert snap.binds == {ID + "sys/s": 0b11}


def test_an_obligation_a_trace_cannot_show_is_not_counted_even_when_it_is_the_only_one(tmp_path: Path) -> None:
    # No source text: a trace shows no such obligation, so coverage must not count it either.
    untraced = b"""
cgr:obl\\/U-1 a cg:Obligation ; dcterms:identifier "U-1" ; cg:modality cg:Mandatory ; cg:fromDocument cgr:doc\\/a ;
    cg:inSection cgr:sec\\/1 .
"""
    snap = snap_of(tmp_path, SYSTEM, untraced)
    assert snap.index == {ID + "obl/U-1": 0} and snap.binds == {ID + "sys/s": 1}
    assert snap.traced == 0
    assert cv.evaluate(snap, ON).by_system == {"s": counts()}


def test_a_system_with_two_names_is_named_alike_by_the_coverage_rows_and_by_impact(tmp_path: Path) -> None:
    # The shapes allow several rdfs:labels; the dashboard's row and impact's node must show the same one.
    two_names = b"""
cgr:sys\\/s rdfs:label "Zeta system with a long name" , "Alpha system with a long name" .
"""
    snap = snap_of(tmp_path, SYSTEM.replace(b' rdfs:label "S" ;', b""), two_names, duty("A-1"))
    (row,) = cv.evaluate(snap, ON).systems
    assert snap.impact_systems == {ID + "sys/s": ("s", row.label)}


def test_two_obligations_limited_to_one_risk_level_both_bind_a_system_at_it(tmp_path: Path) -> None:
    high = b"cgr:obl\\/A-1 cg:appliesToRiskLevel cg:RiskHigh .\ncgr:obl\\/A-2 cg:appliesToRiskLevel cg:RiskHigh .\n"
    snap = snap_of(tmp_path, SYSTEM, high, duty("A-1"), duty("A-2"))
    assert snap.binds == {ID + "sys/s": 0b11}


def test_a_system_without_a_risk_level_is_not_bound_by_an_obligation_limited_to_one(tmp_path: Path) -> None:
    # A-1 takes bit 0 and binds only high-risk systems; "u" has no risk level.
    unrated = b"""
cgr:sys\\/u a cg:AISystem ; dcterms:identifier "u" ; rdfs:label "U" ; cg:operatedBy cgr:org\\/o .
cgr:obl\\/A-1 cg:appliesToRiskLevel cg:RiskHigh .
"""
    snap = snap_of(tmp_path, SYSTEM, unrated, duty("A-1"), duty("A-2"))
    assert snap.binds.get(ID + "sys/u", 0) == 0b10
    assert snap.binds[ID + "sys/s"] == 0b11


def test_a_document_without_binding_obligations_binds_its_organisation_s_systems_to_nothing(tmp_path: Path) -> None:
    # Organisation p follows only Doc B, which has no obligations; A-1 (bit 0) belongs to Doc A.
    other = b"""
cgr:doc\\/b rdfs:label "Doc B" .
cgr:org\\/p a cg:Organisation ; dcterms:identifier "p" ; rdfs:label "P" ; cg:subjectTo cgr:doc\\/b .
cgr:sys\\/t a cg:AISystem ; dcterms:identifier "t" ; rdfs:label "T" ; cg:riskLevel cg:RiskHigh ;
    cg:operatedBy cgr:org\\/p .
"""
    snap = snap_of(tmp_path, SYSTEM, other, duty("A-1"))
    assert snap.binds == {ID + "sys/s": 1}
