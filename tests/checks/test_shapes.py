"""Each coverage rule fires on its planted demo gap, and fixing that gap makes the rule pass.

Two levels: the shipped demo (built by the loader), and tiny hand-written graphs under
tests/fixtures/coverage/ validated by pySHACL directly with the ontology, the concepts and the shapes, so
each rule's meaning is pinned down without the loader."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, XSD

from compgraph.checks.report import Finding
from compgraph.checks.validate import validate_graph
from compgraph.graph.namespaces import CG, DPV, entity_iri
from compgraph.graph.store import LocalStore

AS_OF = date(2026, 11, 22)  # the date the demo's gaps are planted against (see conftest.py)


def sys_(i: str) -> URIRef:
    return URIRef(entity_iri("system", i))


def ctl(i: str) -> URIRef:
    return URIRef(entity_iri("control", i))


def ev(i: str) -> URIRef:
    return URIRef(entity_iri("evidence", i))


FUTURE = Literal("2027-12-31", datatype=XSD.date)


def add_oversight(g: Graph) -> None:
    g.add((sys_("sys-credit-limit"), CG.implementsControl, ctl("CTL-HO-01")))
    g.add((ev("ev-new"), CG.evidenceFor, ctl("CTL-HO-01")))
    g.add((ev("ev-new"), CG.concerns, sys_("sys-credit-limit")))
    g.add((ev("ev-new"), CG.validUntil, FUTURE))


def renew(evidence_id: str) -> Callable[[Graph], None]:
    def fix(g: Graph) -> None:
        g.set((ev(evidence_id), CG.validUntil, FUTURE))

    return fix


def add_legal_basis(g: Graph) -> None:
    d = URIRef(entity_iri("dataset", "ds-crm-interactions"))
    g.add((d, CG.legalBasis, DPV.LegitimateInterest))
    g.add((d, DCTERMS.provenance, Literal("CRM export, documented in the data register")))


def reviewed(g: Graph) -> None:
    # Medium risk: reviewed every 183 days, so a review on 2026-11-01 is due again on 2027-05-03.
    g.set((sys_("sys-contract-summariser"), CG.lastReviewed, Literal("2026-11-01", datatype=XSD.date)))


def map_obligation(g: Graph) -> None:
    g.add((URIRef(entity_iri("obligation", "COC-16-09")), CG.satisfiedBy, ctl("CTL-GOV-01")))


CASES = [
    ("High-risk AI system has a human-oversight control", entity_iri("system", "sys-credit-limit"), add_oversight),
    (
        "High-risk AI system has a current impact assessment",
        entity_iri("system", "sys-cv-screener"),
        renew("ev-cv-screener-ia-01"),
    ),
    (
        "Implemented control has current evidence",
        entity_iri("system", "sys-support-chat"),
        renew("ev-support-chat-mon-01"),
    ),
    (
        "Dataset with personal data has a legal basis and provenance",
        entity_iri("dataset", "ds-crm-interactions"),
        add_legal_basis,
    ),
    ("Review cadence by risk level", entity_iri("system", "sys-contract-summariser"), reviewed),
    ("Binding obligation is mapped to a control", entity_iri("organisation", "mozart"), map_obligation),
]


@pytest.fixture(scope="module")
def demo_graph(demo_store: LocalStore) -> Graph:
    return demo_store.to_graph()


@pytest.fixture(scope="module")
def demo_findings(demo_graph: Graph) -> list[Finding]:
    # pySHACL takes ~15 s on the demo graph: every case reads the one run before its own fix.
    return validate_graph(demo_graph, AS_OF).findings


def _hits(findings: list[Finding], rule: str, focus: str) -> int:
    # The obligation rules focus on the organisation; the one checked here names COC-16-09.
    return sum(
        1
        for f in findings
        if f.rule == rule and f.focus == focus and ("obligation" not in rule or "COC-16-09" in f.message)
    )


@pytest.mark.parametrize(("rule", "focus", "fix"), CASES, ids=[c[0] for c in CASES])
def test_rule_finds_the_planted_gap_and_passes_once_it_is_fixed(
    demo_graph: Graph, demo_findings: list[Finding], rule: str, focus: str, fix: Callable[[Graph], None]
) -> None:
    assert _hits(demo_findings, rule, focus) == 1
    fixed = Graph()
    fixed += demo_graph
    fix(fixed)
    assert _hits(validate_graph(fixed, AS_OF).findings, rule, focus) == 0


# --- tiny fixture graphs, pySHACL directly -------------------------------------------------------

REPO = Path(__file__).resolve().parents[2]
COVERAGE = REPO / "tests" / "fixtures" / "coverage"
ID = "https://w3id.org/compgraph/id/"

# fixture stem -> (the rule it plants a gap for, every finding on the gap graph as (rule, focus, message))
HO = "High-risk AI system has a human-oversight control"
MAPPED = "Binding obligation is mapped to a control"
EVIDENCE = "Implemented control has current evidence"
TRAINING = "Dataset with personal data has a legal basis and provenance"
IA = "High-risk AI system has a current impact assessment"
CADENCE = "Review cadence by risk level"
ANNEX = "Annex III AI system is high-risk unless a derogation is documented"
SCOPE = "System-scope control is implemented per system"
IMPLEMENTED = "Binding obligation is implemented with current evidence"
GAPS = {
    "a-human-oversight": (HO, {(HO, "system/hr", "High-risk system CV ranker has no human-oversight control")}),
    "b-mapped-obligation": (
        MAPPED,
        {
            (
                MAPPED,
                "organisation/fixture",
                "Mandatory obligation FIX-1-02 of Fixture AI policy is not mapped to any control",
            )
        },
    ),
    "c-current-evidence": (
        EVIDENCE,
        {
            (
                EVIDENCE,
                "system/chat",
                "Support chatbot implements control CTL-MON-01 with no evidence valid on the validation date",
            )
        },
    ),
    "d-training-data": (
        TRAINING,
        {
            (
                TRAINING,
                "dataset/crm",
                "Training dataset CRM interaction history contains personal data but has no recorded legal basis",
            ),
            # a dataset the system only uses needs a basis too
            (
                TRAINING,
                "dataset/tickets",
                "Dataset used by an AI system Support tickets contains personal data but has no recorded"
                " legal basis and no provenance",
            ),
        },
    ),
    "e-impact-assessment": (
        IA,
        {
            (
                IA,
                "system/hr",
                "High-risk system CV ranker has no impact assessment with evidence valid on the validation date",
            ),
            # the expired assessment is also an implemented control without current evidence
            (
                EVIDENCE,
                "system/hr",
                "CV ranker implements control CTL-IA-01 with no evidence valid on the validation date",
            ),
        },
    ),
    "f-review-cadence": (
        CADENCE,
        {
            (
                CADENCE,
                "system/summ",
                "Contract summariser was last reviewed on 2026-03-01; its review was due by 2026-08-31",
            )
        },
    ),
    "g-annex-iii": (
        ANNEX,
        {
            (
                ANNEX,
                "system/tutor",
                "Exam grader is in Annex III area education but recorded as limited risk with no documented"
                " Art. 6(3) derogation; it is treated as high-risk",
            ),
            (HO, "system/tutor", "High-risk system Exam grader has no human-oversight control"),
            (
                IA,
                "system/tutor",
                "High-risk system Exam grader has no impact assessment with evidence valid on the validation date",
            ),
        },
    ),
    "h-control-scope": (
        SCOPE,
        {
            (
                SCOPE,
                "organisation/fixture",
                "Fixture Ltd lists system-scope control CTL-HO-01 organisation-wide; it counts for none of its systems",
            )
        },
    ),
    "i-implemented-obligation": (
        IMPLEMENTED,
        {
            (
                IMPLEMENTED,
                "organisation/fixture",
                "Mandatory obligation FIX-1-04 of Fixture AI policy: no mapped control is implemented by Fixture Ltd"
                " or its systems with evidence valid on the validation date",
            )
        },
    ),
}


@pytest.fixture(scope="module")
def shapes() -> Graph:
    g = Graph()
    for path in sorted((REPO / "ontology" / "shapes").glob("*.ttl")):
        g.parse(path)
    return g


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    g = Graph()
    for name in ("compgraph.ttl", "concepts.ttl", "legal-bases.ttl"):
        g.parse(REPO / "ontology" / name)
    return g


def _findings(vocabulary: Graph, shapes: Graph, fixture: str, as_of: date = AS_OF) -> tuple[bool, set]:
    """(conforms, {(rule, focus, message)}) for common.ttl + one fixture, validated as of ``as_of``."""
    data = Graph()
    data += vocabulary
    data.parse(COVERAGE / "common.ttl")
    data.parse(COVERAGE / fixture)
    run = BNode()
    data.add((run, RDF.type, CG.ValidationRun))
    data.add((run, CG.asOf, Literal(as_of.isoformat(), datatype=XSD.date)))
    conforms, report, _ = validate(data, shacl_graph=shapes, inference="none", advanced=True)
    found = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        rule_node = report.value(result, SH.sourceConstraint) or report.value(result, SH.sourceShape)
        rule = str(shapes.value(rule_node, RDFS.label) or rule_node)
        focus = str(report.value(result, SH.focusNode)).removeprefix(ID)
        found.add((rule, focus, str(report.value(result, SH.resultMessage))))
    return bool(conforms), found


def test_every_coverage_rule_has_a_fixture_pair() -> None:
    coverage = Graph().parse(REPO / "ontology" / "shapes" / "coverage.ttl")
    rules = {str(coverage.value(c, RDFS.label)) for c in coverage.subjects(RDF.type, SH.SPARQLConstraint)}
    assert rules == {rule for rule, _ in GAPS.values()}
    for rule, expected in GAPS.values():
        assert rule in {r for r, _, _ in expected}
    for stem in GAPS:
        assert (COVERAGE / f"{stem}-gap.ttl").is_file() and (COVERAGE / f"{stem}-fixed.ttl").is_file()


def test_the_common_fixture_alone_conforms(vocabulary: Graph, shapes: Graph) -> None:
    conforms, found = _findings(vocabulary, shapes, "common.ttl")
    assert conforms, found


@pytest.mark.parametrize("stem", sorted(GAPS))
def test_the_rule_reports_exactly_its_gap(vocabulary: Graph, shapes: Graph, stem: str) -> None:
    _, expected = GAPS[stem]
    conforms, found = _findings(vocabulary, shapes, f"{stem}-gap.ttl")
    assert not conforms
    # The rule fires on the planted node only (no false positives on the decoys in the fixture), and
    # its message names the node and what is missing.
    assert found == expected


@pytest.mark.parametrize("stem", sorted(GAPS))
def test_fixing_the_gap_makes_the_graph_conform(vocabulary: Graph, shapes: Graph, stem: str) -> None:
    conforms, found = _findings(vocabulary, shapes, f"{stem}-fixed.ttl")
    assert conforms, found


def test_date_rules_report_instead_of_passing_without_a_validation_run(vocabulary: Graph, shapes: Graph) -> None:
    # The fixed fixtures conform on the date; with no date nothing can be proven current or on time.
    data = Graph()
    data += vocabulary
    for name in (
        "common.ttl",
        "c-current-evidence-fixed.ttl",
        "e-impact-assessment-fixed.ttl",
        "f-review-cadence-fixed.ttl",
    ):
        data.parse(COVERAGE / name)
    conforms, report, text = validate(data, shacl_graph=shapes, inference="none", advanced=True)
    assert not conforms
    rules = {str(shapes.value(c, RDFS.label)) for c in report.objects(None, SH.sourceConstraint)}
    assert {EVIDENCE, IA, CADENCE, IMPLEMENTED} <= rules, text


def test_evidence_valid_until_the_validation_date_is_current_and_expires_the_day_after(
    vocabulary: Graph, shapes: Graph
) -> None:
    # c-current-evidence-fixed.ttl renews the chatbot's evidence until 2026-11-22 exactly.
    assert _findings(vocabulary, shapes, "c-current-evidence-fixed.ttl", date(2026, 11, 22))[0]
    _, found = _findings(vocabulary, shapes, "c-current-evidence-fixed.ttl", date(2026, 11, 23))
    assert {f for r, f, _ in found if r == EVIDENCE} == {"system/chat"}


def test_structure_shapes_catch_each_mistake(vocabulary: Graph, shapes: Graph) -> None:
    conforms, found = _findings(vocabulary, shapes, "structure-gap.ttl")
    assert not conforms
    by_focus: dict[str, set[str]] = {}
    for _, focus, message in found:
        by_focus.setdefault(focus, set()).add(message)
    # An Annex III area, even a malformed one, also makes the coverage rules treat the system as high-risk.
    assert {
        "AI system needs exactly one risk level",
        "Annex III area must be one of the eight areas of EU AI Act Annex III",
    } <= by_focus["system/bad"]
    assert {m for m in by_focus["system/bad"] if "risk" not in m and "Annex III" not in m} == set()
    assert by_focus["system/undated"] == {
        "AI system has no last review date, so it is reported as overdue for review",
        "Never reviewed system has no recorded review, so its review is overdue",
    }
    assert by_focus["evidence/bad"] == {
        "Evidence needs a SHA-256 digest (64 hex digits)",
        "Evidence Badly recorded evidence is valid until 2026-09-30, before it was issued on 2026-10-01",
    }
    assert by_focus["evidence/undated"] == {
        "Evidence must back exactly one control of the catalog",
        "Evidence needs one expiry or review date",
    }
    assert by_focus["obligation/FIX-1-09"] == {
        "Obligation has no single source text",
        "Obligation needs exactly one modality (mandatory, recommended, commitment, permission, prohibition)",
        "Obligation must sit in exactly one section",
    }
    assert by_focus["dataset/bad"] == {
        "Personal-data flag must be true or false",
        "Legal basis must be consent, contract, legitimate-interest or legal-obligation (DPV)",
    }
    assert by_focus["mapping/0001"] == {
        "Mapping predicate must be a SKOS mapping relation"
        " (exactMatch, closeMatch, broadMatch, narrowMatch, relatedMatch)",
        "Mapping confidence must be one decimal between 0 and 1",
    }


FIXTURES = sorted(p.name for p in COVERAGE.glob("*.ttl"))


@pytest.mark.parametrize("fixture", FIXTURES)
def test_the_sparql_engine_finds_what_pyshacl_finds_on_each_fixture(
    vocabulary: Graph, shapes: Graph, fixture: str, tmp_path: Path
) -> None:
    from compgraph.checks.sparql import validate_store_sparql

    data = Graph()
    data += vocabulary
    data.parse(COVERAGE / "common.ttl")
    data.parse(COVERAGE / fixture)
    store = LocalStore(tmp_path / "store")
    store.replace_graph("https://w3id.org/compgraph/graph/fixture", data.serialize(format="nt", encoding="utf-8"))
    fast = validate_store_sparql(store, AS_OF, shapes)
    conforms, found = _findings(vocabulary, shapes, fixture)
    assert fast.conforms == conforms
    assert {(f.rule, f.focus.removeprefix(ID), f.message) for f in fast.findings} == found
