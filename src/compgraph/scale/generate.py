"""Synthetic organisations at benchmark scale, with a known and reported set of planted gaps.

The shipped ontology, obligation catalogs, controls and crosswalk are reused as they are; synthetic
frameworks, controls, mappings and organisations are added until the graph reaches the requested
size. Everything is drawn from one ``random.Random(seed)``, so a (scale, seed, as_of) triple always
gives the same graph. The organisations are first planned as small Python records (a few thousand
systems at 1M triples) and only then streamed out as triples, so no big rdflib graph is ever built.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from compgraph.graph.namespaces import CG, CGR, DPV, SEMAPV, entity_iri, graph_iri
from compgraph.graph.store import GraphStore, LocalStore

Triple = tuple[URIRef, URIRef, URIRef | Literal]

PRESETS: dict[str, int] = {"small": 10_000, "medium": 100_000, "large": 1_000_000, "xlarge": 10_000_000}
MAX_TRIPLES = 100_000_000  # ten times xlarge
# The day the demo's planted gaps are dated against; generation is reproducible only with a fixed date.
DEFAULT_AS_OF = date(2026, 11, 22)

# Planted gap rates (fractions); the exact counts drawn are reported in the summary.
HIGH_RISK_WITHOUT_OVERSIGHT = 0.20
EXPIRED_ONLY_EVIDENCE = 0.06
MISSING_EVIDENCE = 0.03
PERSONAL_DATA_WITHOUT_LEGAL_BASIS = 0.12
OVERDUE_REVIEW = 0.15

# Estimated triples per AI system including its share of datasets, evidence and catalog growth;
# calibrated on the generator itself so the presets land near 10k / 100k / 1M.
_TRIPLES_PER_SYSTEM = 148.0
# Past the large preset a graph grows by hosting more systems, not by more law or more tenants: the obligations
# an organisation is bound by do not multiply with the systems it runs, and "xlarge" is a provider hosting about
# a hundred organisations (issue 18). Both caps sit above what the large preset draws (3,329 obligations, 110
# organisations, seed 1), so small, medium and large are the same graphs as before.
MAX_SYNTHETIC_OBLIGATIONS = 4_000
MAX_ORGANISATIONS = 120
# Once obligations are capped the size comes from systems alone: a system's own share (its organisation graph's
# triples per system) and an obligation's (its framework and crosswalk triples), calibrated on xlarge, seed 1.
_TRIPLES_PER_SYSTEM_OWN = 132.7
_TRIPLES_PER_OBLIGATION = 24.5

RISKS = ["RiskHigh", "RiskMedium", "RiskLimited", "RiskLow", "RiskMinimal", "RiskProhibited"]
RISK_WEIGHTS = [0.22, 0.24, 0.16, 0.18, 0.18, 0.02]
REVIEW_DAYS = {"RiskHigh": 92, "RiskMedium": 183}  # others 366, as in concepts.ttl (Mozart policy 3.3)

SYSTEM_TYPES = [
    "HumanOversight",
    "ImpactAssessment",
    "BiasTesting",
    "RecordKeeping",
    "TransparencyNotice",
    "DataGovernance",
    "SecurityTesting",
    "Documentation",
    "Monitoring",
    "Accessibility",
]
ORG_TYPES = [
    "Governance",
    "AILiteracy",
    "RegulatoryMonitoring",
    "ToolApproval",
    "StakeholderEngagement",
    "Sustainability",
    "IncidentResponse",
]
# Which control types a system of each risk level implements as a matter of course.
PROFILE = {
    "RiskHigh": SYSTEM_TYPES,
    "RiskMedium": SYSTEM_TYPES[:8],
    "RiskLimited": ["TransparencyNotice", "DataGovernance", "Documentation", "Monitoring"],
    "RiskLow": ["TransparencyNotice", "DataGovernance", "Documentation", "Monitoring"],
    "RiskMinimal": ["DataGovernance", "Documentation", "Monitoring"],
    "RiskProhibited": ["Documentation", "ImpactAssessment", "HumanOversight"],
}
TOPIC_TO_TYPE = {
    "TopicHumanOversight": "HumanOversight",
    "TopicTransparency": "TransparencyNotice",
    "TopicDataGovernance": "DataGovernance",
    "TopicPrivacy": "DataGovernance",
    "TopicRobustness": "SecurityTesting",
    "TopicSecurity": "SecurityTesting",
    "TopicFairness": "BiasTesting",
    "TopicImpactAssessment": "ImpactAssessment",
    "TopicDocumentation": "Documentation",
    "TopicAccountability": "RecordKeeping",
    "TopicMonitoring": "Monitoring",
    "TopicInclusiveDesign": "Accessibility",
    "TopicGovernance": "Governance",
    "TopicEthics": "Governance",
    "TopicAILiteracy": "AILiteracy",
    "TopicCompliance": "RegulatoryMonitoring",
    "TopicToolUse": "ToolApproval",
    "TopicStakeholderEngagement": "StakeholderEngagement",
    "TopicSustainability": "Sustainability",
    "TopicReporting": "IncidentResponse",
}
MODALITIES = ["Mandatory", "Recommended", "Commitment", "Prohibition", "Permission"]
MODALITY_WEIGHTS = [0.55, 0.25, 0.12, 0.05, 0.03]
ANNEX_III = [
    "AnnexIIIBiometrics",
    "AnnexIIICriticalInfrastructure",
    "AnnexIIIEducation",
    "AnnexIIIEmployment",
    "AnnexIIIEssentialServices",
    "AnnexIIILawEnforcement",
    "AnnexIIIMigration",
    "AnnexIIIJustice",
]
LEGAL_BASES = [DPV.Consent, DPV.Contract, DPV.LegitimateInterest, DPV.LegalObligation]
PURPOSES = [
    "ranks incoming support tickets",
    "screens job applications",
    "scores credit applications",
    "drafts marketing copy",
    "forecasts energy demand",
    "detects fraudulent transactions",
    "summarises contracts",
    "routes customer calls",
    "recommends learning content",
    "flags anomalies in sensor data",
]
WORDS = [
    "assess",
    "document",
    "monitor",
    "review",
    "record",
    "disclose",
    "train",
    "test",
    "report",
    "approve",
    "govern",
    "notify",
    "explain",
    "protect",
    "retain",
    "audit",
    "validate",
    "escalate",
    "inform",
    "publish",
    "measure",
    "mitigate",
    "label",
    "secure",
]


@dataclass
class Spec:
    target_triples: int
    seed: int = 1
    as_of: date = DEFAULT_AS_OF

    @classmethod
    def parse(cls, scale: str | int, seed: int = 1, as_of: date = DEFAULT_AS_OF) -> Spec:
        """``scale`` is a preset name (small, medium, large, xlarge) or a target triple count."""
        if isinstance(scale, str) and scale in PRESETS:
            return cls(PRESETS[scale], seed, as_of)
        try:
            n = int(str(scale).replace("_", "").replace(",", ""))
        except ValueError as exc:
            raise ValueError(f"scale {scale!r} is not one of {', '.join(PRESETS)} or a triple count") from exc
        if n < 1000:
            raise ValueError("scale must be at least 1000 triples")
        if n > MAX_TRIPLES:
            # 10**20 was accepted and died of a MemoryError after 47 s of planning
            raise ValueError(f"scale {n:,} is over the {MAX_TRIPLES:,} triples a generated organisation set may have "
                             "(xlarge, 10M, peaks at about 0.7 GB while generating)")
        return cls(n, seed, as_of)


@dataclass
class ControlRec:
    iri: URIRef
    ctype: str
    scope: str  # "system" | "organisation"
    synthetic: bool


@dataclass
class ObligationRec:
    iri: URIRef
    ident: str
    topic: str
    modality: str
    risk: str | None
    section: URIRef
    controls: list[ControlRec]


@dataclass
class FrameworkRec:
    doc_id: str
    iri: URIRef
    sections: list[tuple[URIRef, str, str]]
    obligations: list[ObligationRec] = field(default_factory=list)


@dataclass
class EvidenceRec:
    ident: str
    control: ControlRec
    concerns: URIRef
    issued: date
    valid_until: date


@dataclass
class DatasetRec:
    ident: str
    personal: bool
    legal_basis: URIRef | None


@dataclass
class SystemRec:
    ident: str
    risk: str
    purpose: str
    annex: str | None
    role: str
    last_reviewed: date
    controls: list[ControlRec]
    trained_on: list[str]
    uses: list[str]


@dataclass
class OrgRec:
    ident: str
    subject_to: list[URIRef]
    controls: list[ControlRec]
    datasets: list[DatasetRec] = field(default_factory=list)
    systems: list[SystemRec] = field(default_factory=list)
    evidence: list[EvidenceRec] = field(default_factory=list)


@dataclass
class Gaps:
    """What was planted, counted from the plan (the as-of date decides expiry and review)."""

    systems: int = 0
    systems_by_risk: dict[str, int] = field(default_factory=dict)
    high_risk_without_human_oversight: int = 0
    implemented_controls_with_only_expired_evidence: int = 0
    implemented_controls_without_evidence: int = 0
    expired_evidence_items: int = 0
    personal_datasets_without_legal_basis: int = 0
    overdue_reviews: int = 0


@dataclass
class GeneratedGraph:
    iri: str
    triples: Callable[[], Iterator[Triple]]


@dataclass
class Generated:
    spec: Spec
    graphs: list[GeneratedGraph]
    gaps: Gaps
    shipped_documents: list[str]
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> dict[str, object]:
        return {
            "target_triples": self.spec.target_triples,
            "seed": self.spec.seed,
            "as_of": self.spec.as_of.isoformat(),
            "triples": sum(self.counts.values()) or None,
            "graphs": self.counts,
            "gaps": self.gaps.__dict__,
        }


# --- the shipped catalogs ------------------------------------------------------------------------


def _shipped() -> tuple[list, list[ControlRec], list[URIRef]]:
    """The shipped sources (no demo organisation), their controls and their documents."""
    from compgraph.graph.build import plan_build

    plan = plan_build(organisations=[])
    union = Graph()
    for src in plan.sources:
        union += src.rdf
    controls = []
    for c in sorted(union.subjects(RDF.type, CG.Control)):
        ctype = union.value(c, CG.controlType)
        scope = "organisation" if union.value(c, CG.scope) == CG.OrganisationScope else "system"
        if ctype is not None:
            controls.append(ControlRec(URIRef(c), str(ctype).removeprefix(str(CG)), scope, False))
    documents = sorted(URIRef(entity_iri("document", d)) for d in plan.documents)
    return plan.sources, controls, documents


# --- planning --------------------------------------------------------------------------------------


def _sha(rng: random.Random) -> str:
    return f"{rng.getrandbits(256):064x}"


def plan(spec: Spec, shipped_controls: list[ControlRec], shipped_docs: list[URIRef], shipped_triples: int):
    """Decide every entity and every planted gap; returns (frameworks, controls, orgs, gaps).

    Long because every choice draws from one seeded random stream in a fixed order: moving a step into a
    helper must keep that order, or the same seed would generate a different organisation.
    """
    rng = random.Random(spec.seed)
    n_systems = max(12, round((spec.target_triples - shipped_triples) / _TRIPLES_PER_SYSTEM))
    if n_systems // 2 > MAX_SYNTHETIC_OBLIGATIONS:
        law = MAX_SYNTHETIC_OBLIGATIONS * _TRIPLES_PER_OBLIGATION
        n_systems = round((spec.target_triples - shipped_triples - law) / _TRIPLES_PER_SYSTEM_OWN)

    # Controls: the shipped ones first; synthetic variants so every type has several to choose from.
    by_type: dict[str, list[ControlRec]] = {t: [] for t in SYSTEM_TYPES + ORG_TYPES}
    for c in shipped_controls:
        by_type.setdefault(c.ctype, []).append(c)
    variants = max(2, round(n_systems**0.5 / 3))
    synthetic_controls: list[ControlRec] = []
    for ctype in SYSTEM_TYPES + ORG_TYPES:
        scope = "organisation" if ctype in ORG_TYPES else "system"
        while len(by_type[ctype]) < variants:
            n = len(by_type[ctype]) + 1
            rec = ControlRec(URIRef(entity_iri("control", f"SYN-{ctype}-{n:02d}")), ctype, scope, True)
            by_type[ctype].append(rec)
            synthetic_controls.append(rec)
    # A system-scope control must stay system-scope so the oversight gap cannot be hidden by the organisation.
    sys_pool = {t: [c for c in cs if c.scope == "system"] or cs for t, cs in by_type.items() if t in SYSTEM_TYPES}
    org_pool = [c for cs in by_type.values() for c in cs if c.scope == "organisation"]

    # Synthetic frameworks: about one obligation per two systems, mapped mostly to the canonical control
    # of the topic's type (the one every system with that type implements) so coverage stays realistic.
    n_obligations = min(MAX_SYNTHETIC_OBLIGATIONS, max(20, n_systems // 2))
    n_frameworks = max(1, min(12, n_obligations // 80))
    frameworks: list[FrameworkRec] = []
    topics = list(TOPIC_TO_TYPE)
    for f in range(n_frameworks):
        doc_id = f"synthetic-framework-{f + 1:02d}"
        doc = URIRef(entity_iri("document", doc_id))
        sections = [
            (URIRef(entity_iri("section", f"{doc_id}/{s + 1:02d}")), f"{s + 1:02d}", f"Section {s + 1}")
            for s in range(8)
        ]
        frameworks.append(FrameworkRec(doc_id, doc, sections))
    for i in range(n_obligations):
        fw = frameworks[i % n_frameworks]
        topic = rng.choice(topics)
        ctype = TOPIC_TO_TYPE[topic]
        pool = by_type[ctype]
        mapped = [pool[0]] if rng.random() < 0.7 else [rng.choice(pool)]
        if rng.random() < 0.3:
            other = rng.choice(by_type[rng.choice(SYSTEM_TYPES)])
            if other not in mapped:
                mapped.append(other)
        seq = len(fw.obligations) + 1
        sec = fw.sections[(seq - 1) % len(fw.sections)]
        fw.obligations.append(
            ObligationRec(
                URIRef(entity_iri("obligation", f"SYN{fw.doc_id[-2:]}-{sec[1]}-{seq:04d}")),
                f"SYN{fw.doc_id[-2:]}-{sec[1]}-{seq:04d}",
                topic,
                rng.choices(MODALITIES, MODALITY_WEIGHTS)[0],
                "RiskHigh" if rng.random() < 0.15 else None,
                sec[0],
                mapped,
            )
        )

    gaps = Gaps()
    orgs: list[OrgRec] = []
    n_orgs = min(MAX_ORGANISATIONS, max(1, n_systems // 60))
    for o in range(n_orgs):
        fws = rng.sample(frameworks, k=min(len(frameworks), rng.randint(1, 3)))
        org_controls = [c for c in org_pool if rng.random() < 0.8] or org_pool[:1]
        orgs.append(OrgRec(f"synth-org-{o + 1:03d}", shipped_docs + [fw.iri for fw in fws], org_controls))

    def add_evidence(org: OrgRec, implementer: URIRef, control: ControlRec, prefix: str) -> None:
        r = rng.random()
        if r < MISSING_EVIDENCE:
            gaps.implemented_controls_without_evidence += 1
            return
        n = len(org.evidence)
        if r < MISSING_EVIDENCE + EXPIRED_ONLY_EVIDENCE:
            gaps.implemented_controls_with_only_expired_evidence += 1
            until = spec.as_of - timedelta(days=rng.randint(1, 300))
        else:
            until = spec.as_of + timedelta(days=rng.randint(1, 365))
        org.evidence.append(EvidenceRec(f"{prefix}-ev{n + 1:05d}", control, implementer, until - timedelta(365), until))
        if rng.random() < 0.25:  # an older, superseded item: expired but harmless
            old = until - timedelta(days=365 + rng.randint(1, 200))
            org.evidence.append(EvidenceRec(f"{prefix}-ev{n + 2:05d}", control, implementer, old - timedelta(365), old))

    # The headline gaps are planted as exact fractions (not coin flips) so even the small preset shows them.
    risks = rng.choices(RISKS, RISK_WEIGHTS, k=n_systems)
    risks[: len(RISKS)] = RISKS  # every risk level occurs, even in the small preset
    high = [i for i, r in enumerate(risks) if r == "RiskHigh"]
    no_oversight = set(rng.sample(high, round(len(high) * HIGH_RISK_WITHOUT_OVERSIGHT)))
    overdue = set(rng.sample(range(n_systems), round(n_systems * OVERDUE_REVIEW)))
    for i, risk in enumerate(risks):
        org = orgs[i % n_orgs]
        gaps.systems += 1
        gaps.systems_by_risk[risk] = gaps.systems_by_risk.get(risk, 0) + 1
        ctypes = list(PROFILE[risk])
        if i in no_oversight:
            ctypes.remove("HumanOversight")
            gaps.high_risk_without_human_oversight += 1
        controls = []
        for t in ctypes:
            pool = sys_pool[t]
            controls.append(pool[0])
            if len(pool) > 1 and rng.random() < 0.25:
                extra = rng.choice(pool[1:])
                if extra not in controls:
                    controls.append(extra)
        interval = REVIEW_DAYS.get(risk, 366)
        if i in overdue:
            reviewed = spec.as_of - timedelta(days=interval + rng.randint(1, 200))
            gaps.overdue_reviews += 1
        else:
            reviewed = spec.as_of - timedelta(days=rng.randint(0, interval - 1))
        # Each system brings about 1.5 datasets of its own to its organisation's pool.
        for _ in range(1 if rng.random() < 0.5 else 2):
            personal = rng.random() < 0.6
            basis = None
            if personal:
                if rng.random() < PERSONAL_DATA_WITHOUT_LEGAL_BASIS:
                    gaps.personal_datasets_without_legal_basis += 1
                else:
                    basis = rng.choice(LEGAL_BASES)
            elif rng.random() < 0.3:
                basis = rng.choice(LEGAL_BASES)
            org.datasets.append(DatasetRec(f"{org.ident}-ds{len(org.datasets) + 1:05d}", personal, basis))
        names = [d.ident for d in rng.sample(org.datasets, k=min(3, len(org.datasets)))]
        sid = f"{org.ident}-sys{len(org.systems) + 1:05d}"
        system = SystemRec(
            sid,
            risk,
            rng.choice(PURPOSES),
            rng.choice(ANNEX_III) if risk == "RiskHigh" else None,
            rng.choice(["RoleProvider", "RoleDeployer"]),
            reviewed,
            controls,
            names[:1],
            names[1:],
        )
        org.systems.append(system)
        for c in controls:
            add_evidence(org, URIRef(entity_iri("system", sid)), c, sid)
    for org in orgs:
        for c in org.controls:
            add_evidence(org, URIRef(entity_iri("organisation", org.ident)), c, org.ident)
        gaps.expired_evidence_items += sum(1 for e in org.evidence if e.valid_until < spec.as_of)
    return frameworks, synthetic_controls, orgs, gaps


# --- streaming triples -----------------------------------------------------------------------------


def _lit(value: object) -> Literal:
    return Literal(value)


def _date(d: date) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


def _framework_triples(fw: FrameworkRec, rng: random.Random) -> Iterator[Triple]:
    doc = fw.iri
    yield doc, RDF.type, CG.Regulation
    yield doc, DCTERMS.identifier, _lit(fw.doc_id)
    yield doc, RDFS.label, _lit(f"Synthetic framework {fw.doc_id[-2:]}")
    yield doc, CG.idPrefix, _lit(f"SYN{fw.doc_id[-2:]}")
    yield doc, CG.documentVersion, _lit("1.0")
    for order, (sec, number, title) in enumerate(fw.sections, start=1):
        yield sec, RDF.type, CG.Section
        yield sec, DCTERMS.isPartOf, doc
        yield sec, CG.sectionNumber, _lit(number)
        yield sec, CG.order, _lit(order)
        yield sec, RDFS.label, _lit(title)
    for line, ob in enumerate(fw.obligations, start=1):
        text = f"The organisation must {' '.join(rng.choices(WORDS, k=8))}."
        yield ob.iri, RDF.type, CG.Obligation
        yield ob.iri, DCTERMS.identifier, _lit(ob.ident)
        yield ob.iri, RDFS.label, _lit(f"{ob.ident}: {text}")
        yield ob.iri, CG.fromDocument, doc
        yield ob.iri, CG.inSection, ob.section
        yield ob.iri, CG.sourceText, _lit(text)
        yield ob.iri, CG.sourceLine, _lit(line)
        yield ob.iri, CG.modality, CG[ob.modality]
        yield ob.iri, CG.topic, CG[ob.topic]
        yield ob.iri, CG.addressee, CG.RoleDeployer
        if ob.risk:
            yield ob.iri, CG.appliesToRiskLevel, CG[ob.risk]


def _controls_triples(controls: list[ControlRec]) -> Iterator[Triple]:
    for c in controls:
        ident = str(c.iri).rsplit("/", 1)[1]
        yield c.iri, RDF.type, CG.Control
        yield c.iri, DCTERMS.identifier, _lit(ident)
        yield c.iri, RDFS.label, _lit(f"{c.ctype} control {ident[-2:]}")
        yield c.iri, DCTERMS.description, _lit(f"Synthetic {c.ctype} control for scale tests.")
        yield c.iri, CG.controlType, CG[c.ctype]
        yield c.iri, CG.scope, CG.OrganisationScope if c.scope == "organisation" else CG.SystemScope
        yield c.iri, CG.controlOwner, _lit("AI Governance Office")


def _mapping_triples(frameworks: list[FrameworkRec], as_of: date) -> Iterator[Triple]:
    mapping_set = URIRef(str(CGR) + "mappingset/synthetic")
    yield mapping_set, RDF.type, CG.MappingSet
    yield mapping_set, RDFS.label, _lit("Synthetic crosswalk for scale tests")
    when = _date(as_of - timedelta(days=200))
    for fw in frameworks:
        for ob in fw.obligations:
            for i, c in enumerate(ob.controls):
                pred = SKOS.broadMatch if i == 0 else SKOS.relatedMatch
                yield ob.iri, pred, c.iri
                yield ob.iri, CG.satisfiedBy, c.iri
                node = URIRef(entity_iri("mapping", hashlib.sha1(f"{ob.iri}|{pred}|{c.iri}".encode()).hexdigest()[:16]))
                yield node, RDF.type, CG.ControlMapping
                yield node, CG.mappingSubject, ob.iri
                yield node, CG.mappingPredicate, pred
                yield node, CG.mappingObject, c.iri
                yield node, CG.mappingJustification, SEMAPV.ManualMappingCuration
                yield node, DCTERMS.isPartOf, mapping_set
                yield node, CG.confidence, Literal("0.8", datatype=XSD.decimal)
                yield node, DCTERMS.creator, _lit("compgraph generate")
                yield node, DCTERMS.date, when


def _org_triples(org: OrgRec, rng: random.Random) -> Iterator[Triple]:
    o = URIRef(entity_iri("organisation", org.ident))
    yield o, RDF.type, CG.Organisation
    yield o, DCTERMS.identifier, _lit(org.ident)
    yield o, RDFS.label, _lit(f"Synthetic organisation {org.ident[-3:]}")
    yield o, CG.hasRole, CG.RoleProvider
    yield o, CG.hasRole, CG.RoleDeployer
    for doc in org.subject_to:
        yield o, CG.subjectTo, doc
    for c in org.controls:
        yield o, CG.implementsControl, c.iri
    for d in org.datasets:
        di = URIRef(entity_iri("dataset", d.ident))
        yield di, RDF.type, CG.Dataset
        yield di, DCTERMS.identifier, _lit(d.ident)
        yield di, RDFS.label, _lit(f"Dataset {d.ident}")
        yield di, CG.containsPersonalData, _lit(d.personal)
        if d.legal_basis is not None:
            yield di, CG.legalBasis, d.legal_basis
        yield di, DCTERMS.provenance, _lit("collected by the organisation")
        yield di, PROV.wasAttributedTo, _lit("Data Office")
    for s in org.systems:
        si = URIRef(entity_iri("system", s.ident))
        yield si, RDF.type, CG.AISystem
        yield si, DCTERMS.identifier, _lit(s.ident)
        yield si, RDFS.label, _lit(f"System {s.ident}")
        yield si, CG.operatedBy, o
        yield si, CG.riskLevel, CG[s.risk]
        yield si, CG.purpose, _lit(s.purpose)
        if s.annex:
            yield si, CG.annexIIIArea, CG[s.annex]
        yield si, CG.hasRole, CG[s.role]
        yield si, CG.lastReviewed, _date(s.last_reviewed)
        for d in s.trained_on:
            yield si, CG.trainedOn, URIRef(entity_iri("dataset", d))
            yield si, CG.usesDataset, URIRef(entity_iri("dataset", d))
        for d in s.uses:
            yield si, CG.usesDataset, URIRef(entity_iri("dataset", d))
        for c in s.controls:
            yield si, CG.implementsControl, c.iri
    for e in org.evidence:
        ei = URIRef(entity_iri("evidence", e.ident))
        yield ei, RDF.type, CG.Evidence
        yield ei, DCTERMS.identifier, _lit(e.ident)
        yield ei, RDFS.label, _lit(f"{e.control.ctype} record {e.ident}")
        yield ei, CG.evidenceFor, e.control.iri
        yield ei, CG.concerns, e.concerns
        yield ei, DCTERMS.issued, _date(e.issued)
        yield ei, CG.validUntil, _date(e.valid_until)
        yield ei, PROV.wasAttributedTo, _lit("Compliance Office")
        yield ei, DCAT.downloadURL, URIRef(f"https://evidence.example.org/{e.ident}")
        yield ei, CG.sha256, _lit(_sha(rng))


def _with_provenance(graph: str, triples: Iterator[Triple], spec: Spec) -> Iterator[Triple]:
    """Append the same provenance block the builder writes, with the triple count known only at the end."""
    n = 0
    for t in triples:
        n += 1
        yield t
    g = URIRef(graph)
    yield g, RDF.type, CG.SourceGraph
    yield g, PROV.wasDerivedFrom, _lit(f"compgraph generate --scale {spec.target_triples} --seed {spec.seed}")
    yield g, CG.tripleCount, _lit(n)


def generate(spec: Spec) -> tuple[Generated, list]:
    """Plan the synthetic data; returns the streamable graphs and the shipped build sources."""
    sources, shipped_controls, shipped_docs = _shipped()
    shipped_triples = sum(len(s.rdf) for s in sources)
    frameworks, controls, orgs, gaps = plan(spec, shipped_controls, shipped_docs, shipped_triples)
    seed = spec.seed

    def stream(iri: str, make: Callable[[random.Random], Iterator[Triple]], salt: int) -> GeneratedGraph:
        # Each graph draws from its own seeded generator so graphs can be streamed in any order.
        return GeneratedGraph(iri, lambda: _with_provenance(iri, make(random.Random(seed * 1000 + salt)), spec))

    graphs = [
        stream(graph_iri("document", fw.doc_id), lambda r, fw=fw: _framework_triples(fw, r), i)
        for i, fw in enumerate(frameworks)
    ]
    graphs.append(stream(graph_iri("controls", "synthetic"), lambda r: _controls_triples(controls), 100))
    graphs.append(stream(graph_iri("mappingset", "synthetic"), lambda r: _mapping_triples(frameworks, spec.as_of), 101))
    graphs += [
        stream(graph_iri("organisation", org.ident), lambda r, org=org: _org_triples(org, r), 200 + i)
        for i, org in enumerate(orgs)
    ]
    return Generated(spec, graphs, gaps, [str(d) for d in shipped_docs]), sources


# --- output ----------------------------------------------------------------------------------------


def load_into(store: GraphStore, spec: Spec, progress: Callable[[str], None] | None = None) -> Generated:
    """Build the shipped catalogs (without the demo organisation) and stream the synthetic graphs in."""
    from compgraph.graph import paths
    from compgraph.graph.build import BuildPlan, apply_plan

    if not isinstance(store, LocalStore):
        raise TypeError("generate --store needs the embedded store (bulk loading)")
    gen, sources = generate(spec)
    # One batch: the old graphs stay until the whole new graph is written, then all change at once.
    with store.batch() as batch:
        # A generated store holds only generated organisations: the demo's would skew the planted counts.
        for g in store.graph_names():
            if g.startswith(graph_iri("organisation", "")):
                batch.drop_graph(g)
        root = paths.mappings_dir().parent
        gen.counts.update(apply_plan(batch, BuildPlan(sources=sources), progress, relative_to=root))
        for gg in gen.graphs:
            if progress:
                progress(gg.iri.rsplit("/", 1)[1])
            batch.bulk_replace_graph(gg.iri, gg.triples())
    for gg in gen.graphs:
        gen.counts[gg.iri] = store.triple_count(gg.iri)
    return gen


def _nt(term: URIRef | Literal) -> str:
    return term.n3()


def write_ntriples(gen: Generated, sources: list, out: Path) -> int:
    """Everything (shipped sources + synthetic graphs) as one N-Triples file, the union a SHACL engine reads."""
    from compgraph.graph import catalog, paths

    n = 0
    root = paths.mappings_dir().parent
    with out.open("w", encoding="utf-8") as fh:
        for src in sources:
            described = src.rdf + catalog.describe_source(src.rdf, src.graph, src.path, root)
            data = described.serialize(format="nt", encoding="utf-8").decode()
            fh.write(data)
            gen.counts[src.graph] = len(described)
            n += len(described)
        for gg in gen.graphs:
            count = 0
            for s, p, o in gg.triples():
                fh.write(f"{s.n3()} {p.n3()} {o.n3()} .\n")
                count += 1
            gen.counts[gg.iri] = count
            n += count
    return n


def write_dir(spec: Spec, out: Path) -> Generated:
    """``out/data.nt`` (all triples) and ``out/summary.json`` (sizes and planted gaps)."""
    out.mkdir(parents=True, exist_ok=True)
    gen, sources = generate(spec)
    write_ntriples(gen, sources, out / "data.nt")
    (out / "summary.json").write_text(json.dumps(gen.summary(), indent=2) + "\n", encoding="utf-8")
    return gen


def render_summary(gen: Generated) -> str:
    g = gen.gaps
    total = sum(gen.counts.values())
    high = g.systems_by_risk.get("RiskHigh", 0)
    lines = [
        f"{total:,} triples in {len(gen.counts)} graphs (target {gen.spec.target_triples:,}, seed {gen.spec.seed}, "
        f"dated {gen.spec.as_of.isoformat()})",
        f"  {g.systems} AI systems: "
        + ", ".join(f"{n} {k.removeprefix('Risk').lower()}" for k, n in sorted(g.systems_by_risk.items())),
        "Planted gaps:",
        f"  high-risk systems without a human-oversight control: {g.high_risk_without_human_oversight}"
        f" of {high} ({g.high_risk_without_human_oversight / high:.0%})"
        if high
        else "  no high-risk systems",
        f"  implemented controls whose evidence has all expired: {g.implemented_controls_with_only_expired_evidence}",
        f"  implemented controls without any evidence: {g.implemented_controls_without_evidence}",
        f"  expired evidence items (incl. superseded ones): {g.expired_evidence_items}",
        f"  personal-data datasets without a legal basis: {g.personal_datasets_without_legal_basis}",
        f"  systems overdue for review: {g.overdue_reviews}",
    ]
    return "\n".join(lines) + "\n"
