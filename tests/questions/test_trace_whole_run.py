"""What a trace shows and how it reads, one behaviour each: the survivors of the first whole-module mutation
run of trace.py (``tools/mutation.py --group trace``, docs/mutation-survivors.md).

The other trace tests read a few fields, and the ones that read the printed text share a module-scoped
answer, which mutmut credits to the first test only; so the order of implementers, evidence and controls,
mapping relations and justifications, the printed evidence states, the "no control"/"not implemented"
lines and the per-status counts were pinned by no test it ran. Here each test computes its own trace (the
store is shared) on the tiny web fixture plus the few nodes below.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from webfixture import fixture_store  # noqa: E402

from compgraph.graph.store import LocalStore  # noqa: E402
from compgraph.questions import trace as tr  # noqa: E402

ID = "https://w3id.org/compgraph/id/"
# The day after the fixture's hr-screener notice expired.
AS_OF = date(2026, 1, 2)
# Added to the fixture: an implementer whose IRI sorts first but whose id sorts last (and has no purpose nor
# evidence); two more evidence items for credit-scorer's oversight, whose ids, labels and IRIs sort
# differently (and not in the order the store returns them); a second control for POL-03-01 whose IRI sorts
# before CTL-GOV-01 but whose id sorts after it, with a mapping record without a comment; a link and an
# evidence item stated again (as when two source graphs hold the same triple, which the union default graph
# then matches twice); an obligation without its catalog entry, a system without a risk level or an
# operator; and datasets named by an http:// IRI, by an id with a backslash and by an id with quotes.
EXTRA = rb"""
@prefix cg: <https://w3id.org/compgraph/ontology#> .
@prefix cgr: <https://w3id.org/compgraph/id/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

cgr:system\/a-zeta-bot a cg:AISystem ; dcterms:identifier "zeta-bot" ; rdfs:label "Zeta bot" ;
    cg:riskLevel cg:RiskLimited ; cg:operatedBy cgr:organisation\/mozart ; cg:implementsControl cgr:control\/CTL-TN-01 .

cgr:evidence\/zz-training a cg:Evidence ; dcterms:identifier "ev-ho-b" ; rdfs:label "Training record" ;
    cg:evidenceFor cgr:control\/CTL-HO-01 ; cg:concerns cgr:system\/credit-scorer ;
    dcterms:issued "2026-03-01"^^xsd:date ; cg:validUntil "2027-03-01"^^xsd:date .
cgr:evidence\/aa-escalation a cg:Evidence ; dcterms:identifier "ev-ho-a" ; rdfs:label "Escalation log" ;
    cg:evidenceFor cgr:control\/CTL-HO-01 ; cg:concerns cgr:system\/credit-scorer ;
    dcterms:issued "2025-01-01"^^xsd:date ; cg:validUntil "2025-06-01"^^xsd:date .
cgr:evidence\/ev-tn-chat cg:evidenceFor cgr:control\/CTL-TN-01 .

cgr:control\/A-register-check a cg:Control ; dcterms:identifier "CTL-ZZ-09" ;
    rdfs:label "Register spot check" ; cg:scope cg:OrganisationScope .
cgr:obligation\/POL-03-01 cg:satisfiedBy cgr:control\/A-register-check, cgr:control\/CTL-GOV-01 .
cgr:mapping\/m3 a cg:ControlMapping ; cg:mappingSubject cgr:obligation\/POL-03-01 ;
    cg:mappingObject cgr:control\/A-register-check ; cg:mappingPredicate skos:relatedMatch .

cgr:obligation\/BARE-01 a cg:Obligation ; dcterms:identifier "BARE-01" .
cgr:system\/bare-bot a cg:AISystem ; dcterms:identifier "bare-bot" .

<http://example.org/data/legacy-crm> a cg:Dataset ; dcterms:identifier "legacy-crm" .
cgr:dataset\/odd-backslash a cg:Dataset ; dcterms:identifier "hr\\share" .
cgr:dataset\/odd-quotes a cg:Dataset ; dcterms:identifier "the \"gold\" set" .
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    s = fixture_store(tmp_path_factory.mktemp("trace-whole") / "store")
    s.replace_graph("https://w3id.org/compgraph/graph/trace-whole-run", EXTRA, "text/turtle")
    return s


def _link(t: tr.ObligationTrace, control_id: str) -> tr.ControlLink:
    return next(c for c in t.controls if c.id == control_id)


# --- an obligation's trace ------------------------------------------------------------------------


def test_an_obligation_trace_prints_each_implementer_by_id_with_its_status_and_evidence(store: LocalStore) -> None:
    assert tr.render_obligation(tr.trace_obligation(store, "COC-05-02", AS_OF)) == (
        "COC-05-02 (mandatory) — EU AI Act Code of Conduct — Deployers, 5 Transparency and Accountability\n"
        '  "Deployers must inform natural persons that they are interacting with an AI system."\n'
        "  status: covered\n"
        "  control CTL-TN-01: AI interaction notice [skos:broadMatch]\n"
        "    chat-assistant — covered\n"
        "      evidence ev-tn-chat: Chat banner (valid until 2027-05-01, current)\n"
        "    credit-scorer — covered\n"
        "      evidence ev-tn-credit: Credit notice text (valid until 2027-05-01, current)\n"
        "    hr-screener — evidence expired\n"
        "      evidence ev-tn-hr: Applicant notice screenshot (valid until 2026-01-01, EXPIRED)\n"
        "    zeta-bot — no evidence\n"
    )


def test_an_obligation_is_covered_when_any_one_implementer_has_current_evidence(store: LocalStore) -> None:
    t = tr.trace_obligation(store, "COC-05-02", AS_OF)
    statuses = {i.implementer_id: i.status for i in t.controls[0].implementations}
    assert statuses["hr-screener"] == tr.EXPIRED and statuses["zeta-bot"] == tr.NO_EVIDENCE
    assert t.status == tr.COVERED


def test_an_implementers_evidence_is_listed_once_each_in_id_order(store: LocalStore) -> None:
    t = tr.trace_obligation(store, "COC-05-01", AS_OF)
    [impl] = t.controls[0].implementations
    assert [(e.id, e.current) for e in impl.evidence] == [("ev-ho-a", False), ("ev-ho-b", True), ("ev-ho-credit", True)]


def test_evidence_stated_in_two_graphs_is_listed_once(store: LocalStore) -> None:
    t = tr.trace_obligation(store, "COC-05-02", AS_OF)
    chat = next(i for i in t.controls[0].implementations if i.implementer_id == "chat-assistant")
    assert [e.id for e in chat.evidence] == ["ev-tn-chat"]


def test_an_evidence_item_carries_its_iri_label_and_end_date(store: LocalStore) -> None:
    t = tr.trace_obligation(store, "COC-05-01", AS_OF)
    items = {e.id: e for e in t.controls[0].implementations[0].evidence}
    expected = tr.EvidenceItem(ID + "evidence/zz-training", "ev-ho-b", "Training record", "2027-03-01", True)
    assert items["ev-ho-b"] == expected


def test_a_control_nobody_implements_is_printed_as_not_implemented(store: LocalStore) -> None:
    assert tr.render_obligation(tr.trace_obligation(store, "POL-03-02", AS_OF)) == (
        "POL-03-02 (recommended) — Mozart Responsible AI Policy, 3 Governance\n"
        '  "Teams should test models for bias before release."\n'
        "  status: missing control\n"
        "  control CTL-BT-01: Pre-release bias testing\n"
        "    not implemented\n"
    )


def test_an_obligation_mapped_to_no_control_says_so(store: LocalStore) -> None:
    t = tr.trace_obligation(store, "COC-06-01", AS_OF)
    assert (t.controls, t.status) == ([], tr.UNMAPPED)
    assert tr.render_obligation(t) == (
        "COC-06-01 (mandatory) — EU AI Act Code of Conduct — Deployers, 6 Fairness\n"
        '  "Deployers must monitor outputs for discriminatory effects."\n'
        "  status: unmapped\n"
        "  no control is mapped to this obligation\n"
    )


def test_an_obligation_trace_carries_its_iri_id_modality_document_and_section(store: LocalStore) -> None:
    t = tr.trace_obligation(store, "COC-05-01", AS_OF)
    assert (t.iri, t.id, t.modality, t.document, t.section) == (
        ID + "obligation/COC-05-01",
        "COC-05-01",
        "mandatory",
        "EU AI Act Code of Conduct — Deployers",
        "5 Transparency and Accountability",
    )


def test_an_obligation_without_its_catalog_entry_says_so(store: LocalStore) -> None:
    with pytest.raises(tr.UnknownEntity, match=r"^obligation 'BARE-01' has no catalog entry$"):
        tr.trace_obligation(store, "BARE-01", AS_OF)


def test_an_obligation_trace_of_a_system_id_says_no_obligation_has_it(store: LocalStore) -> None:
    with pytest.raises(tr.UnknownEntity, match=r"^no Obligation with id 'hr-screener'$"):
        tr.trace_obligation(store, "hr-screener", AS_OF)


# --- the controls mapped to an obligation ---------------------------------------------------------


def test_an_obligations_controls_are_listed_once_each_in_id_order_even_if_stated_twice(store: LocalStore) -> None:
    t = tr.trace_obligation(store, "POL-03-01", AS_OF)
    assert [c.id for c in t.controls] == ["CTL-GOV-01", "CTL-ZZ-09"]


def test_a_link_shows_its_mapping_relation_and_justification(store: LocalStore) -> None:
    link = tr.trace_obligation(store, "COC-05-01", AS_OF).controls[0]
    assert (link.iri, link.id, link.label, link.relation, link.justification) == (
        ID + "control/CTL-HO-01",
        "CTL-HO-01",
        "Human oversight procedure",
        "skos:exactMatch",
        "The procedure assigns oversight.",
    )


def test_a_link_without_a_mapping_record_has_no_relation_and_no_justification(store: LocalStore) -> None:
    link = _link(tr.trace_obligation(store, "POL-03-01", AS_OF), "CTL-GOV-01")
    assert (link.relation, link.justification) == ("", "")


def test_a_mapping_record_without_a_comment_gives_an_empty_justification(store: LocalStore) -> None:
    link = _link(tr.trace_obligation(store, "POL-03-01", AS_OF), "CTL-ZZ-09")
    assert (link.relation, link.justification) == ("skos:relatedMatch", "")


# --- a system's trace -----------------------------------------------------------------------------


def test_a_system_trace_prints_counts_then_each_obligation_worst_first(store: LocalStore) -> None:
    assert tr.render_system(tr.trace_system(store, "credit-scorer", AS_OF)) == (
        "credit-scorer: Credit scoring model — risk high\n"
        "  operated by Mozart Ltd; 4 binding obligations: 1 unmapped, 3 covered\n"
        "\n"
        "  COC-06-01 (mandatory, EU AI Act Code of Conduct — Deployers) — unmapped\n"
        '    "Deployers must monitor outputs for discriminatory effects."\n'
        "    no control is mapped to this obligation\n"
        "\n"
        "  COC-05-01 (mandatory, EU AI Act Code of Conduct — Deployers) — covered\n"
        '    "Deployers must assign human oversight of high-risk AI systems to competent persons."\n'
        "    control CTL-HO-01: Human oversight procedure [skos:exactMatch]\n"
        "      credit-scorer — covered\n"
        "        evidence ev-ho-a: Escalation log (valid until 2025-06-01, EXPIRED)\n"
        "        evidence ev-ho-b: Training record (valid until 2027-03-01, current)\n"
        "        evidence ev-ho-credit: Oversight rota for credit scoring (valid until 2027-02-01, current)\n"
        "\n"
        "  COC-05-02 (mandatory, EU AI Act Code of Conduct — Deployers) — covered\n"
        '    "Deployers must inform natural persons that they are interacting with an AI system."\n'
        "    control CTL-TN-01: AI interaction notice [skos:broadMatch]\n"
        "      credit-scorer — covered\n"
        "        evidence ev-tn-credit: Credit notice text (valid until 2027-05-01, current)\n"
        "\n"
        "  POL-03-01 (mandatory, Mozart Responsible AI Policy) — covered\n"
        '    "Every AI system must be registered with the AI Ethics Committee."\n'
        "    control CTL-GOV-01: AI system register\n"
        "      mozart — covered\n"
        "        evidence ev-gov: AI register export (valid until 2027-06-01, current)\n"
        "    control CTL-ZZ-09: Register spot check [skos:relatedMatch]\n"
        "      not implemented\n"
    )


def test_a_system_trace_counts_its_obligations_per_status(store: LocalStore) -> None:
    assert tr.trace_system(store, "credit-scorer", AS_OF).counts() == {tr.UNMAPPED: 1, tr.COVERED: 3}


def test_a_system_in_annex_iii_names_its_area_in_the_heading(store: LocalStore) -> None:
    t = tr.trace_system(store, "hr-screener", AS_OF)
    assert t.annex_iii == "employment"
    assert tr.render_system(t).splitlines()[0] == (
        "hr-screener: CV screening assistant — risk high, EU AI Act Annex III: employment"
    )


def test_a_system_without_a_risk_level_or_operator_says_so_instead_of_failing(store: LocalStore) -> None:
    # Found reading the survivors, not by a mutant: the trace unpacked the first row of an empty answer.
    with pytest.raises(tr.UnknownEntity, match=r"^AI system 'bare-bot' has no risk level or operator$"):
        tr.trace_system(store, "bare-bot", AS_OF)


def test_a_system_without_a_purpose_has_an_empty_one(store: LocalStore) -> None:
    assert tr.trace_system(store, "zeta-bot", AS_OF).purpose == ""


def test_a_system_trace_carries_its_iri_and_each_obligations_text_and_section(store: LocalStore) -> None:
    t = tr.trace_system(store, "credit-scorer", AS_OF)
    assert t.iri == ID + "system/credit-scorer"
    o = next(o for o in t.obligations if o.id == "COC-05-01")
    assert (o.text, o.section) == (
        "Deployers must assign human oversight of high-risk AI systems to competent persons.",
        "5 Transparency and Accountability",
    )


def test_a_system_trace_of_an_obligation_id_says_no_ai_system_has_it(store: LocalStore) -> None:
    with pytest.raises(tr.UnknownEntity, match=r"^no AISystem with id 'COC-05-01'$"):
        tr.trace_system(store, "COC-05-01", AS_OF)


def test_only_gaps_hides_each_covered_obligation_and_nothing_after_it() -> None:
    covered = tr.ObligationTrace("urn:o1", "OB-1", "Do it.", "mandatory", "Policy", "1 Scope", status=tr.COVERED)
    gap = tr.ObligationTrace("urn:o2", "OB-2", "Do more.", "mandatory", "Policy", "1 Scope", status=tr.UNMAPPED)
    shown = tr.render_system(tr.SystemTrace("urn:s", "sys", "A system", "high", "", None, "Org", [covered, gap]), True)
    assert "OB-1" not in shown
    assert "  OB-2 (mandatory, Policy) — unmapped" in shown.splitlines()


# --- finding what to trace ------------------------------------------------------------------------


def test_an_id_resolves_to_its_node_when_no_type_is_asked_for(store: LocalStore) -> None:
    assert tr.resolve(store, "hr-screener") == ID + "system/hr-screener"


def test_a_node_named_by_an_http_iri_resolves(store: LocalStore) -> None:
    assert tr.resolve(store, "http://example.org/data/legacy-crm", "Dataset") == "http://example.org/data/legacy-crm"


@pytest.mark.parametrize(
    ("ident", "iri"), [("hr\\share", ID + "dataset/odd-backslash"), ('the "gold" set', ID + "dataset/odd-quotes")]
)
def test_an_id_with_a_backslash_or_quotes_resolves_to_its_node(store: LocalStore, ident: str, iri: str) -> None:
    assert tr.resolve(store, ident, "Dataset") == iri


def test_tracing_an_id_with_a_quote_that_names_nothing_says_it_is_unknown(store: LocalStore) -> None:
    with pytest.raises(tr.UnknownEntity, match=r"""^no Obligation with id 'no"such'$"""):
        tr.trace(store, 'no"such', AS_OF)
