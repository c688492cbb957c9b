"""Coverage of every (AI system, binding obligation) pair and of every obligation, computed as bit sets.

The statuses are those of ``trace`` (docs/design.md, coverage semantics): an obligation is covered for a
system when one of its mapped controls is implemented by the system or its organisation with evidence
about that implementer valid on the date; otherwise its best link decides (evidence expired, no
evidence, missing control), and it is unmapped when no control is mapped to it at all.

Tracing each system (``trace.trace_system``) builds a Python object per system, obligation, control,
implementer and evidence item: minutes at a million triples. Here each obligation is one bit, each
control the set of obligations it satisfies, and each implementer the union of those sets per evidence
state, so a system's statuses are a handful of integer operations on ints of a few hundred bytes.
Six flat queries read the inputs; tests prove the counts equal the traces on the demo and on
generated organisations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from . import trace as tr
from .store import GraphStore

# Worst first, as the dashboard and lists show them.
STATUSES = [tr.UNMAPPED, tr.MISSING_CONTROL, tr.NO_EVIDENCE, tr.EXPIRED, tr.COVERED]
BINDING_MODALITIES = ("Mandatory", "Prohibition", "Commitment")


@dataclass
class SystemRow:
    iri: str
    id: str
    label: str
    risk: str
    organisation: str
    counts: dict[str, int]
    worst: str | None  # the worst status among its binding obligations; None when nothing binds it


@dataclass
class Coverage:
    as_of: date
    systems: list[SystemRow]
    by_document: dict[str, dict[str, int]] = field(default_factory=dict)
    by_risk: dict[str, dict[str, int]] = field(default_factory=dict)
    by_system: dict[str, dict[str, int]] = field(default_factory=dict)
    obligation_status: dict[str, str] = field(default_factory=dict)  # over all implementers

    def worst(self, iri: str) -> str | None:
        return self._worst.get(iri)

    def __post_init__(self) -> None:
        self._worst = {s.iri: s.worst for s in self.systems}


class _Masks:
    """Per implementer: the obligations its implemented controls satisfy, split by evidence state."""

    def __init__(self) -> None:
        self.covered = self.expired = self.no_evidence = 0

    def add(self, state: str, bits: int) -> None:
        if state == tr.COVERED:
            self.covered |= bits
        elif state == tr.EXPIRED:
            self.expired |= bits
        else:
            self.no_evidence |= bits


def _split(masks: list[_Masks], mapped: int) -> dict[str, int]:
    """Bit set per status for the union of some implementers' masks (the best link decides)."""
    cov = exp = noev = 0
    for m in masks:
        cov |= m.covered
        exp |= m.expired
        noev |= m.no_evidence
    exp &= ~cov
    noev &= ~(cov | exp)
    return {
        tr.COVERED: cov,
        tr.EXPIRED: exp,
        tr.NO_EVIDENCE: noev,
        tr.MISSING_CONTROL: mapped & ~(cov | exp | noev),
        tr.UNMAPPED: ~mapped,
    }


def binding_masks(store: GraphStore, index: dict[str, int]) -> dict[str, int]:
    """System IRI -> bit set of the obligations (by ``index``) that bind it: the binding modalities of its
    organisations' documents, unless restricted to risk levels the system is not at (impact.binding)."""
    modalities = " ".join(f"cg:{m}" for m in BINDING_MODALITIES)
    doc_bits: dict[str, int] = {}
    level_bits: dict[str, int] = {}
    unrestricted = limited = 0
    for o, d, r in store.select(f"""
        SELECT ?o ?d ?r WHERE {{
          ?o a cg:Obligation ; cg:fromDocument ?d ; cg:modality ?m . VALUES ?m {{ {modalities} }}
          OPTIONAL {{ ?o cg:appliesToRiskLevel ?r }}
        }}""").rows:
        if str(o) not in index:
            continue
        bit = 1 << index[str(o)]
        doc_bits[str(d)] = doc_bits.get(str(d), 0) | bit
        if r is None:
            unrestricted |= bit
        else:
            limited |= bit
            level_bits[str(r)] = level_bits.get(str(r), 0) | bit
    org_docs: dict[str, int] = {}
    for org, d in store.select("SELECT ?org ?d WHERE { ?org cg:subjectTo ?d }").rows:
        org_docs[str(org)] = org_docs.get(str(org), 0) | doc_bits.get(str(d), 0)
    docs: dict[str, int] = {}
    levels: dict[str, int] = {}
    for s, org, r in store.select("""
        SELECT ?s ?org ?r WHERE {
          ?s a cg:AISystem . OPTIONAL { ?s cg:operatedBy ?org } OPTIONAL { ?s cg:riskLevel ?r }
        }
    """).rows:
        docs[str(s)] = docs.get(str(s), 0) | org_docs.get(str(org), 0)
        if r is not None:
            levels[str(s)] = levels.get(str(s), 0) | level_bits.get(str(r), 0)
    # An obligation limited to risk levels binds only systems at one of them.
    return {s: mask & (unrestricted | (limited & levels.get(s, 0))) for s, mask in docs.items() if mask}


def compute(store: GraphStore, as_of: date) -> Coverage:
    # Obligations with what a trace shows of them, ordered by document so each document is a bit range.
    # Every obligation gets a bit (the obligation list shows them all); a document for those a system trace
    # shows, i.e. with id, text, modality, document and section. Two queries: as one OPTIONAL, Oxigraph
    # scanned every identifier in the store (1.3 s -> 0.7 s at 1.1M triples).
    detailed = store.select("""
        SELECT ?o ?doc WHERE {
          ?o a cg:Obligation ; dcterms:identifier ?id ; cg:sourceText ?text ; cg:modality ?m ; cg:fromDocument ?d ;
             cg:inSection ?s .
          ?m skos:prefLabel ?mod . ?d rdfs:label ?doc . ?s rdfs:label ?sec .
        } ORDER BY ?doc ?o""").rows
    index: dict[str, int] = {}
    doc_ranges: dict[str, list[int]] = {}
    traced = 0
    for o, doc in detailed:
        if str(o) not in index:
            index[str(o)] = len(index)
        doc_ranges.setdefault(str(doc), []).append(index[str(o)])
        traced |= 1 << index[str(o)]
    for (o,) in store.select("SELECT ?o WHERE { ?o a cg:Obligation } ORDER BY ?o").rows:
        index.setdefault(str(o), len(index))

    satisfies: dict[str, int] = {}
    for o, c in store.select("""
        SELECT DISTINCT ?o ?c WHERE { ?o cg:satisfiedBy ?c . ?c dcterms:identifier ?cid ; rdfs:label ?cl . }
    """).rows:
        if str(o) in index:
            satisfies[str(c)] = satisfies.get(str(c), 0) | 1 << index[str(o)]
    mapped_any = 0
    for bits in satisfies.values():
        mapped_any |= bits

    # Evidence state per (implementer, control): covered when any evidence about the implementer is
    # valid on the date, i.e. when the latest validUntil is.
    latest: dict[tuple[str, str], date] = {}
    for impl, c, until in store.select("""
        SELECT ?impl ?c (MAX(?u) AS ?until) WHERE {
          ?e cg:concerns ?impl ; cg:evidenceFor ?c ; cg:validUntil ?u ; dcterms:identifier ?eid ; rdfs:label ?el .
        } GROUP BY ?impl ?c""").rows:
        latest[(str(impl), str(c))] = date.fromisoformat(str(until))
    # Implementers need an id and a label to appear in a trace; asked apart, not joined (1.7 s -> 0.8 s).
    named = {
        str(r[0])
        for q in (
            "SELECT ?i WHERE { ?i a cg:AISystem ; dcterms:identifier ?id ; rdfs:label ?l }",
            "SELECT DISTINCT ?i WHERE { ?s cg:operatedBy ?i . ?i dcterms:identifier ?id ; rdfs:label ?l }",
        )
        for r in store.select(q).rows
    }
    masks: dict[str, _Masks] = {}
    for impl, c in store.select("SELECT DISTINCT ?impl ?c WHERE { ?impl cg:implementsControl ?c }").rows:
        key = (str(impl), str(c))
        if key[0] not in named:
            continue
        until = latest.get(key)
        state = tr.NO_EVIDENCE if until is None else tr.COVERED if until >= as_of else tr.EXPIRED
        masks.setdefault(key[0], _Masks()).add(state, satisfies.get(key[1], 0))

    binds = binding_masks(store, index)

    risk_labels = {
        str(r): str(lab)
        for r, lab in store.select("SELECT DISTINCT ?r ?l WHERE { ?x cg:riskLevel ?r . ?r skos:prefLabel ?l }").rows
    }
    org_labelled = {
        str(r[0]) for r in store.select("SELECT DISTINCT ?o WHERE { ?s cg:operatedBy ?o . ?o rdfs:label ?l }").rows
    }
    systems = [
        (s, sid, label, risk_labels[str(r)], org)
        for s, sid, label, r, org in store.select("""
            SELECT ?s ?id ?label ?r ?org WHERE {
              ?s a cg:AISystem ; dcterms:identifier ?id ; rdfs:label ?label ; cg:riskLevel ?r ; cg:operatedBy ?org .
            } ORDER BY ?id""").rows
        if str(r) in risk_labels and str(org) in org_labelled
    ]
    cov = Coverage(as_of, [])
    seen: set[str] = set()
    ranges = {doc: (min(ix), max(ix) + 1) for doc, ix in doc_ranges.items()}
    for s, sid, label, risk, org in systems:
        iri = str(s)
        if iri in seen:
            continue
        seen.add(iri)
        binding = binds.get(iri, 0) & traced
        split = _split([m for m in (masks.get(iri), masks.get(str(org))) if m is not None], mapped_any)
        counts = {st: (split[st] & binding).bit_count() for st in STATUSES}
        worst = next((st for st in STATUSES if counts[st]), None)
        row = SystemRow(iri, str(sid), str(label), str(risk), str(org), counts, worst)
        cov.systems.append(row)
        cov.by_system[row.id] = counts
        risk_counts = cov.by_risk.setdefault(row.risk, dict.fromkeys(STATUSES, 0))
        for st in STATUSES:
            risk_counts[st] += counts[st]
        for doc, (lo, hi) in ranges.items():
            window = (binding >> lo) & ((1 << (hi - lo)) - 1)
            if not window:
                continue
            doc_counts = cov.by_document.setdefault(doc, dict.fromkeys(STATUSES, 0))
            for st in STATUSES:
                doc_counts[st] += ((split[st] >> lo) & window).bit_count()
    cov.__post_init__()

    # Over all implementers, for the obligation list: systems and the organisations operating a system.
    implementers = {
        str(r[0])
        for r in store.select("""
            SELECT DISTINCT ?i WHERE { { ?i a cg:AISystem } UNION { ?s a cg:AISystem ; cg:operatedBy ?i } }
        """).rows
    }
    split = _split([m for i, m in masks.items() if i in implementers], mapped_any)
    for o, i in index.items():
        cov.obligation_status[o] = next(st for st in STATUSES[::-1] if split[st] >> i & 1)
    return cov
