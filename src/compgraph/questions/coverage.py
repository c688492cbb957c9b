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

import threading
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from compgraph.graph.literals import iso_date
from compgraph.graph.store import GraphStore, LocalStore, with_prefixes
from compgraph.questions import trace as tr

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


def plain_rows(store: GraphStore, sparql: str) -> list[tuple[str | None, ...]]:
    """Answer rows as plain strings (IRIs, lexical forms), for long answers only compared and sorted.

    On a local store they come straight from Oxigraph: making rdflib terms of 80k distinct ids took as
    long as the query (evidence ids at 1.1M triples: 2.8 s through ``select``, 1.6 s read directly).
    """
    if isinstance(store, LocalStore):
        res = store.oxigraph.query(with_prefixes(sparql), use_default_graph_as_union=True)
        return [tuple(None if t is None else t.value for t in row) for row in res]
    return [tuple(None if t is None else str(t) for t in row) for row in store.select(sparql).rows]


@dataclass
class Binding:
    """What decides which obligations bind each AI system, kept so that one system's mask can be made again alone
    after its risk level changed (``questions.keptcoverage``)."""

    org_docs: dict[str, int]  # organisation -> the binding obligations of the documents it is subject to
    level_bits: dict[str, int]  # risk level -> the obligations restricted to it
    unrestricted: int  # binding obligations restricted to no risk level
    limited: int  # binding obligations restricted to some
    systems: dict[str, tuple[set[str], set[str]]]  # every AI system -> its organisations and risk levels

    def mask(self, system: str) -> int | None:
        """The obligations that bind ``system``; None when its organisations are subject to no binding one (it
        then has no entry in ``Snapshot.binds``)."""
        orgs, risks = self.systems.get(system, ((), ()))
        docs = levels = 0
        for org in orgs:
            docs |= self.org_docs.get(org, 0)
        if not docs:
            return None
        for r in risks:
            levels |= self.level_bits.get(r, 0)
        # An obligation limited to risk levels binds only systems at one of them.
        return docs & (self.unrestricted | (self.limited & levels))

    def masks(self) -> dict[str, int]:
        return {s: m for s in self.systems if (m := self.mask(s)) is not None}


def binding(store: GraphStore, index: dict[str, int]) -> Binding:
    """``Binding``: the binding modalities of each organisation's documents, the risk levels obligations are
    restricted to (impact.binding), and every AI system with its organisations and risk levels."""
    modalities = " ".join(f"cg:{m}" for m in BINDING_MODALITIES)
    doc_bits: dict[str, int] = {}
    level_bits: dict[str, int] = {}
    unrestricted = limited = 0
    # Plain strings (every value here is a node): rdflib terms for 40k rows were 1.2 s at 1.1M triples.
    for o, d, r in plain_rows(store, f"""
        SELECT ?o ?d ?r WHERE {{
          ?o a cg:Obligation ; cg:fromDocument ?d ; cg:modality ?m . VALUES ?m {{ {modalities} }}
          OPTIONAL {{ ?o cg:appliesToRiskLevel ?r }}
        }}"""):
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
    for org, d in plain_rows(store, "SELECT ?org ?d WHERE { ?org cg:subjectTo ?d }"):
        org_docs[str(org)] = org_docs.get(str(org), 0) | doc_bits.get(str(d), 0)
    systems: dict[str, tuple[set[str], set[str]]] = {}
    for s, org, r in plain_rows(store, """
        SELECT ?s ?org ?r WHERE {
          ?s a cg:AISystem . OPTIONAL { ?s cg:operatedBy ?org } OPTIONAL { ?s cg:riskLevel ?r }
        }
    """):
        orgs, risks = systems.setdefault(str(s), (set(), set()))
        if org is not None:
            orgs.add(str(org))
        if r is not None:
            risks.add(str(r))
    return Binding(org_docs, level_bits, unrestricted, limited, systems)


@dataclass
class Snapshot:
    """What coverage and impact read from the store, none of it depending on the date.

    Read once per store state (the browser caches it), so every date, the dashboard, the systems list,
    the obligation statuses and the single points of failure share one pass over the evidence, which is
    the costly part at scale (80k evidence records: seconds on Oxigraph).
    """

    index: dict[str, int]  # obligation IRI -> bit; obligations of a document are one bit range
    traced: int  # obligations a trace shows (id, text, modality, document, section)
    doc_ranges: dict[str, tuple[int, int]]  # document label -> [lo, hi) bit range
    satisfies: dict[str, int]  # control (with id and label) -> obligations it satisfies
    latest: dict[tuple[str, str], date]  # (implementer, control) -> latest validUntil of its evidence
    implements: list[tuple[str, str]]  # distinct (implementer, control)
    named: set[str]  # implementers with an id and a label (a trace shows only those)
    binds: dict[str, int]  # system -> binding obligations
    systems: list[tuple[str, str, str, str, str]]  # (iri, id, label, risk label, organisation), by id
    implementers: set[str]  # systems and the organisations operating one
    # what impact's coverage graph takes: (obligation with id) -> (control with id) bits, typed controls
    # with id and label, implementers with an id, systems with id and label and their operators with an id
    impact_satisfies: dict[str, int] = field(default_factory=dict)
    impact_controls: dict[str, tuple[str, str]] = field(default_factory=dict)
    impact_implementers: set[str] = field(default_factory=set)
    impact_obligations: dict[str, str] = field(default_factory=dict)  # obligation with id -> id
    impact_systems: dict[str, tuple[str, str]] = field(default_factory=dict)
    impact_operators: dict[str, set[str]] = field(default_factory=dict)
    operators: dict[str, set[str]] = field(default_factory=dict)  # system -> its organisations
    binding: Binding | None = None  # what ``binds`` was made from
    risk_labels: dict[str, str] = field(default_factory=dict)  # risk level used by a system -> its label
    impact_ready: bool = False  # whether the impact_* fields are filled (with_impact_inputs)
    # The last single points of failure made, under a digest of everything they were made from (questions.impact):
    # shared by the snapshots a keeper makes from this one, kept with it on disk.
    impact_memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


LATEST = """
SELECT ?impl ?c (MAX(?u) AS ?until) WHERE {
  { SELECT ?e ?impl WHERE { ?e cg:concerns ?impl } }
  { SELECT ?e ?c WHERE { ?e cg:evidenceFor ?c } }
  { SELECT ?e ?u WHERE { ?e cg:validUntil ?v BIND (xsd:date(STR(?v)) AS ?u) FILTER (BOUND(?u)) } }
  { SELECT ?e WHERE { ?e dcterms:identifier ?eid } }
  { SELECT ?e WHERE { ?e rdfs:label ?el } }
} GROUP BY ?impl ?c"""


def latest_until(store: GraphStore) -> dict[tuple[str, str], date]:
    """(implementer, control) -> the latest valid-until date of the evidence about it.

    Covered when any evidence about the implementer is valid on the date, i.e. when the latest validUntil is.
    Each property is its own sub-select, which Oxigraph hash-joins; as one pattern it looked each record's
    properties up in turn, and the answer is read as plain strings (1.1M triples: 2.6 s -> 0.7 s). Only
    values that are dates take part in the MAX (a "soon" or "2027-13-01" could outrank a real date there):
    the cast leaves them unbound. They prove nothing, and validation reports them.
    """
    return {
        (impl, c): day
        for impl, c, until in plain_rows(store, LATEST)
        if impl is not None and c is not None and (day := iso_date(until)) is not None
    }


def snapshot(
    store: GraphStore, impact: bool = True, latest: dict[tuple[str, str], date] | None = None
) -> Snapshot:
    """The snapshot; ``impact=False`` leaves out what only impact needs (~1.2 s at 1.1M triples), which
    ``with_impact_inputs`` adds when first asked, so the dashboard's first view does not wait for it.
    ``latest``: ``latest_until``'s answer when the caller keeps it (questions.evidencelist), else it is asked.

    Long because each input is one tuned query (see the comments) whose rows feed the next step's bit
    sets; the order of the steps is the data flow.
    """
    # Obligations with what a trace shows of them, ordered by document so each document is a bit range.
    # Every obligation gets a bit (the obligation list shows them all); a document for those a system trace
    # shows, i.e. with id, text, modality, document and section. Two queries: as one OPTIONAL, Oxigraph
    # scanned every identifier in the store (1.3 s -> 0.7 s at 1.1M triples).
    detailed = store.select("""
        SELECT ?o ?doc WHERE {
          ?o a cg:Obligation ; dcterms:identifier ?id ; cg:sourceText ?text ; cg:modality ?m ; cg:fromDocument ?d ;
             cg:inSection ?s .
          ?m skos:prefLabel ?mod . ?d rdfs:label ?doc . ?s rdfs:label ?sec .
        }""").rows
    index: dict[str, int] = {}
    doc_bits: dict[str, list[int]] = {}
    traced = 0
    # Sorted in Python: Oxigraph's ORDER BY decodes the terms on every comparison.
    for doc, o in sorted({(str(doc), str(o)) for o, doc in detailed}):
        if o not in index:
            index[o] = len(index)
        doc_bits.setdefault(doc, []).append(index[o])
        traced |= 1 << index[o]
    for o in sorted(str(r[0]) for r in store.select("SELECT ?o WHERE { ?o a cg:Obligation }").rows):
        index.setdefault(o, len(index))

    satisfies = satisfies_of(store, index)
    if latest is None:
        latest = latest_until(store)
    # A system-scope control on an organisation covers none of its systems (the shapes' scope rule).
    implements = plain_rows(
        store,
        "SELECT DISTINCT ?impl ?c WHERE { ?impl cg:implementsControl ?c ."
        " FILTER NOT EXISTS { ?impl a cg:Organisation . ?c cg:scope cg:SystemScope } }",
    )
    parts = systems_of(store, index)
    snap = Snapshot(
        index=index,
        traced=traced,
        doc_ranges={doc: (min(ix), max(ix) + 1) for doc, ix in doc_bits.items()},
        satisfies=satisfies,
        latest=latest,
        implements=implements,
        **parts,
    )
    return with_impact_inputs(store, snap) if impact else snap


def satisfies_of(store: GraphStore, index: dict[str, int], controls: list[str] | None = None) -> dict[str, int]:
    """Control (with id and label) -> the obligations (by ``index``) it satisfies; only ``controls`` if given (kept
    coverage reads again those a write's mappings name)."""
    satisfies: dict[str, int] = {}
    only = "" if controls is None else "VALUES ?c { " + " ".join(f"<{c}>" for c in controls) + " } "
    # Plain strings: rdflib terms of every mapping were 0.43 of the 0.46 s this took at 1.1M triples.
    for o, c in plain_rows(store, f"""
        SELECT DISTINCT ?o ?c WHERE {{ {only}?o cg:satisfiedBy ?c . ?c dcterms:identifier ?cid ; rdfs:label ?cl . }}
    """):
        if o in index and c is not None:
            satisfies[c] = satisfies.get(c, 0) | 1 << index[o]
    return satisfies


def systems_of(store: GraphStore, index: dict[str, int]) -> dict[str, Any]:
    """The snapshot's fields about systems and their organisations: binds, systems, named, implementers, operators."""
    # Every AI system with its organisations and risk levels comes from the binding query; what a trace
    # needs besides (ids, labels) is asked flat, the organisations' by VALUES: one 5-pattern join over
    # every system and three scans of operatedBy were 1.5 s at 1.1M triples.
    bound = binding(store, index)
    binds, found = bound.masks(), bound.systems
    operators = {sys: orgs for sys, (orgs, _) in found.items() if orgs}
    orgs = sorted({o for ops in operators.values() for o in ops})
    org_ids = {str(r[0]) for rows in _by_values(store, orgs, "?o", "?o dcterms:identifier ?id") for r in rows}
    org_labelled = {str(r[0]) for rows in _by_values(store, orgs, "?o", "?o rdfs:label ?l") for r in rows}
    risk_labels = {
        str(r): str(lab)
        for r, lab in store.select("SELECT DISTINCT ?r ?l WHERE { ?x cg:riskLevel ?r . ?r skos:prefLabel ?l }").rows
    }
    named_systems = store.select("SELECT ?s ?id ?l WHERE { ?s a cg:AISystem ; dcterms:identifier ?id ; rdfs:label ?l }")
    # Implementers need an id and a label to appear in a trace.
    named = {str(r[0]) for r in named_systems.rows} | (org_ids & org_labelled)
    systems = sorted(
        (str(sid), str(sys), str(label), risk_labels[r], org)
        for sys, sid, label in named_systems.rows
        for r in found.get(str(sys), ((), ()))[1]
        if r in risk_labels
        for org in found.get(str(sys), ((), ()))[0]
        if org in org_labelled
    )
    return {
        "named": named,
        "binds": binds,
        "systems": [(sys, sid, label, risk, org) for sid, sys, label, risk, org in systems],
        "implementers": set(found) | set(orgs),
        "operators": operators,
        "binding": bound,
        "risk_labels": risk_labels,
    }


_IMPACT_LOCK = threading.Lock()


def with_impact_inputs(store: GraphStore, snap: Snapshot) -> Snapshot:
    """``snap`` with the impact_* fields filled (once, even when threads ask together)."""
    with _IMPACT_LOCK:
        if not snap.impact_ready:
            _impact_inputs(store, snap)
            snap.impact_ready = True
    return snap


def _impact_inputs(store: GraphStore, snap: Snapshot) -> None:
    """The small extra lists impact's single points of failure need (its graph's node requirements)."""
    for o, oid, c in store.select("""
        SELECT ?o ?oid ?c WHERE {
          ?o a cg:Obligation ; dcterms:identifier ?oid ; cg:satisfiedBy ?c . ?c dcterms:identifier ?cid
        }
    """).rows:
        snap.impact_obligations.setdefault(str(o), str(oid))
        if str(o) in snap.index:
            snap.impact_satisfies[str(c)] = snap.impact_satisfies.get(str(c), 0) | 1 << snap.index[str(o)]
    for c, cid, cl in store.select(
        "SELECT ?c ?cid ?cl WHERE { ?c a cg:Control ; dcterms:identifier ?cid . OPTIONAL { ?c rdfs:label ?cl } }"
    ).rows:
        snap.impact_controls.setdefault(str(c), (str(cid), str(cl or cid)))
    # Implementers and systems the coverage part already knows to have an id (and label) need no query;
    # only the others are looked up, usually none (1.1M triples: 0.7 s -> 0 s).
    implementers = {i for i, _ in snap.implements}
    snap.impact_implementers = implementers & snap.named
    for rows in _by_values(store, sorted(implementers - snap.named), "?i", "?i dcterms:identifier ?id"):
        snap.impact_implementers.update(str(r[0]) for r in rows)
    known: dict[str, tuple[str, str]] = {}
    for iri, sid, label, _, _ in snap.systems:
        known.setdefault(iri, (sid, label))
    snap.impact_systems = {s: known[s] for s in snap.binds if s in known}
    rest = sorted(s for s in snap.binds if s not in known)
    pattern = "?s a cg:AISystem ; dcterms:identifier ?sid . OPTIONAL { ?s rdfs:label ?sl }"
    for rows in _by_values(store, rest, "?s ?sid ?sl", pattern):
        for s, sid, sl in rows:
            snap.impact_systems.setdefault(str(s), (str(sid), str(sl or sid)))
    # Operators with an id, from the organisations the binding query already found for each system.
    orgs = sorted({o for ops in snap.operators.values() for o in ops})
    with_id = {str(r[0]) for rows in _by_values(store, orgs, "?o", "?o dcterms:identifier ?oid") for r in rows}
    for s, ops in snap.operators.items():
        if mine := ops & with_id:
            snap.impact_operators[s] = set(mine)


def _by_values(store: GraphStore, iris: list[str], variables: str, pattern: str, chunk: int = 2000) -> Any:
    """Answers of ``pattern`` for the first variable bound to each of ``iris``, a chunk at a time."""
    first = variables.split()[0]
    for i in range(0, len(iris), chunk):
        values = " ".join(f"<{x}>" for x in iris[i : i + chunk])
        yield store.select(f"SELECT {variables} WHERE {{ VALUES {first} {{ {values} }} {pattern} }}").rows


def compute(store: GraphStore, as_of: date) -> Coverage:
    return evaluate(snapshot(store), as_of)


def evaluate(snap: Snapshot, as_of: date) -> Coverage:
    """Every system's binding obligations counted by status on ``as_of``: integer operations only."""
    return evaluated(snap, as_of)[0]


def evaluated(snap: Snapshot, as_of: date) -> tuple[Coverage, dict[str, _Masks], list[dict[str, list[int]]]]:
    """``evaluate``'s coverage with the masks it made and each system row's counts per document, from which kept
    coverage (``questions.keptcoverage``) makes it again in part after a write."""
    mapped_any = mapped(snap)
    masks = implementer_masks(snap, snap.implements, as_of)
    cov = Coverage(as_of, [])
    row_docs: list[dict[str, list[int]]] = []
    seen: set[str] = set()
    for iri, sid, label, risk, org in snap.systems:
        if iri in seen:
            continue
        seen.add(iri)
        row, docs = system_row(snap, masks, mapped_any, (iri, sid, label, risk, org))
        cov.systems.append(row)
        cov.by_system[row.id] = row.counts
        add_row(cov, row, docs)
        row_docs.append(docs)
    cov.__post_init__()
    cov.obligation_status = obligation_statuses(snap, masks, mapped_any)
    return cov, masks, row_docs


def mapped(snap: Snapshot) -> int:
    """The obligations some control is mapped to."""
    out = 0
    for bits in snap.satisfies.values():
        out |= bits
    return out


def implementer_masks(snap: Snapshot, keys: Any, as_of: date) -> dict[str, _Masks]:
    """Per named implementer among the (implementer, control) ``keys``: its obligations by evidence state."""
    masks: dict[str, _Masks] = {}
    for key in keys:
        if key[0] not in snap.named:
            continue
        until = snap.latest.get(key)
        state = tr.NO_EVIDENCE if until is None else tr.COVERED if until >= as_of else tr.EXPIRED
        masks.setdefault(key[0], _Masks()).add(state, snap.satisfies.get(key[1], 0))
    return masks


def system_row(
    snap: Snapshot, masks: dict[str, _Masks], mapped_any: int, system: tuple[str, str, str, str, str]
) -> tuple[SystemRow, dict[str, list[int]]]:
    """One system's counts by status, and its counts per document (by ``STATUSES``, documents it is bound by)."""
    iri, sid, label, risk, org = system
    binding = snap.binds.get(iri, 0) & snap.traced
    split = _split([m for m in (masks.get(iri), masks.get(org)) if m is not None], mapped_any)
    counts = {st: (split[st] & binding).bit_count() for st in STATUSES}
    worst = worst_status(counts)
    docs: dict[str, list[int]] = {}
    for doc, (lo, hi) in snap.doc_ranges.items():
        window = (binding >> lo) & ((1 << (hi - lo)) - 1)
        if window:
            docs[doc] = [((split[st] >> lo) & window).bit_count() for st in STATUSES]
    return SystemRow(iri, sid, label, risk, org, counts, worst), docs


def worst_status(counts: dict[str, int]) -> str | None:
    """The worst status a row counts any obligation in; None when nothing binds it."""
    return next((st for st in STATUSES if counts[st]), None)


def add_row(cov: Coverage, row: SystemRow, docs: dict[str, list[int]], sign: int = 1) -> None:
    """Add (``sign`` -1: take away) one system's counts to the risk level's and the documents' totals."""
    risk_counts = cov.by_risk.setdefault(row.risk, dict.fromkeys(STATUSES, 0))
    for st in STATUSES:
        risk_counts[st] += sign * row.counts[st]
    for doc, n in docs.items():
        doc_counts = cov.by_document.setdefault(doc, dict.fromkeys(STATUSES, 0))
        for st, k in zip(STATUSES, n, strict=True):
            doc_counts[st] += sign * k


def obligation_statuses(snap: Snapshot, masks: dict[str, _Masks], mapped_any: int) -> dict[str, str]:
    """Each obligation's status over all implementers (for the obligation list): systems and the organisations
    operating a system."""
    split = _split([m for i, m in masks.items() if i in snap.implementers], mapped_any)
    return {o: next(st for st in STATUSES[::-1] if split[st] >> i & 1) for o, i in snap.index.items()}
