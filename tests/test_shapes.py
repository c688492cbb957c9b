"""Each coverage rule fires on its planted demo gap, and fixing that gap makes the rule pass."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from compgraph.namespaces import CG, DPV, entity_iri
from compgraph.store import LocalStore
from compgraph.validate import validate_graph

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
    g.set((sys_("sys-contract-summariser"), CG.reviewDue, Literal("2027-05-01", datatype=XSD.date)))


def map_obligation(g: Graph) -> None:
    g.add((URIRef(entity_iri("obligation", "RAU-2.4-02")), CG.satisfiedBy, ctl("CTL-GOV-01")))


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
        "Training data with personal data has a legal basis and provenance",
        entity_iri("dataset", "ds-crm-interactions"),
        add_legal_basis,
    ),
    ("Review cadence by risk level", entity_iri("system", "sys-contract-summariser"), reviewed),
    ("Mandatory obligation is mapped to a control", entity_iri("obligation", "RAU-2.4-02"), map_obligation),
]


@pytest.fixture(scope="module")
def demo_graph(demo_store: LocalStore) -> Graph:
    return demo_store.to_graph()


def _hits(g: Graph, rule: str, focus: str) -> int:
    return sum(1 for f in validate_graph(g, AS_OF).findings if f.rule == rule and f.focus == focus)


@pytest.mark.parametrize(("rule", "focus", "fix"), CASES, ids=[c[0] for c in CASES])
def test_rule_finds_the_planted_gap_and_passes_once_it_is_fixed(
    demo_graph: Graph, rule: str, focus: str, fix: Callable[[Graph], None]
) -> None:
    assert _hits(demo_graph, rule, focus) == 1
    fixed = Graph()
    fixed += demo_graph
    fix(fixed)
    assert _hits(fixed, rule, focus) == 0
