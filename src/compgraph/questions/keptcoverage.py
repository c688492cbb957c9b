"""Coverage kept across writes for an embedded store: after a write only what the write can change is made again.

The coverage snapshot (``coverage.snapshot``) has two parts. The latest evidence dates come from the evidence
list's index, which a write updates in part (``questions.evidencelist``). Everything else, its structure
(obligations, mappings, implemented controls, systems, organisations, risk levels), is read by a dozen queries
(2.5 s at 1.1M triples) from a few predicates: it can only change if a triple with one of them changes. So the
structure is kept with a digest, per graph, of the triples it can read there:

- every triple whose predicate is one of ``STRUCTURE`` (the snapshot's joins), and every ``rdf:type`` triple
  naming one of ``CLASSES``;
- the identifiers and titles (``NAMED``) of the subjects those triples name. Evidence items have ids and titles
  too, and each is a graph of its own: counting every id and title, an item added would change the structure.
  The subjects named are the same while the triples naming them are, so digests made with the same set compare.

After a write, the graphs whose content hash in the audit trail moved (as incremental validation finds them,
``checks.incremental.graph_hashes``) are digested again; the default graph, which the trail never records, every
time. If no digest moved, the structure is the last one's, with the new latest dates; else it is read again.

The evaluation on a date (``coverage.evaluate``) is kept the same way: when only latest dates changed, only the
implementers they are about get new masks and only the systems of those implementers new rows, and the totals
per risk level and document lose the old rows' counts and gain the new ones'. A risk level changed makes only
that system's row again; a mapping accepted the masks of the implementers of the controls it changed, their rows
and, when an obligation became mapped (or unmapped), the rows of the systems it binds.
``tests/questions/test_kept_coverage.py`` holds both to a full computation after each kind of write.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

import pyoxigraph as ox

from compgraph.checks.incremental import graph_hashes
from compgraph.graph.history import digest_lines, quad_line
from compgraph.graph.namespaces import CG
from compgraph.graph.store import LocalStore
from compgraph.questions import coverage as cv
from compgraph.questions.evidencelist import Latest

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# What the snapshot's queries (coverage.snapshot, coverage.binding, _impact_inputs) join on, besides ids and titles.
STRUCTURE = (
    *(f"{CG}{p}" for p in (
        "sourceText", "modality", "fromDocument", "inSection", "satisfiedBy", "implementsControl", "scope",
        "appliesToRiskLevel", "subjectTo", "operatedBy", "riskLevel",
    )),
    "http://www.w3.org/2004/02/skos/core#prefLabel",
)
CLASSES = frozenset(f"{CG}{c}" for c in ("Obligation", "AISystem", "Organisation", "Control"))
# Which part of the structure a triple can change (by predicate, or rdf:type's class); the rest, ids and titles
# included, is "other", and a change there reads the whole structure again. A mapping accepted changes only the
# mappings (coverage.satisfies_of), a change to systems only the systems' part (coverage.systems_of).
# A risk level changed alone (the most common edit to a system) is narrower still: only the systems whose
# riskLevel triples moved get their binding mask and rows made again.
MAPPINGS, SYSTEMS, RISK, OTHER = "mappings", "systems", "risk", "other"
RISK_LEVEL = f"{CG}riskLevel"
PART = {f"{CG}satisfiedBy": MAPPINGS, RISK_LEVEL: RISK} | {
    f"{CG}{p}": SYSTEMS for p in ("operatedBy", "subjectTo", "appliesToRiskLevel", "AISystem")
}
NAMED = ("http://purl.org/dc/terms/identifier", "http://www.w3.org/2000/01/rdf-schema#label")
# Snapshot fields that are only ever replaced whole: a kept evaluation holds while its snapshot shares them.
_STRUCTURE_FIELDS = tuple(f.name for f in fields(cv.Snapshot) if f.name != "latest" and not f.name.startswith("impact"))
# What a risk level changed alone replaces (``CoverageKeeper._risk_fields``); the rest of the structure is shared.
_RISK_FIELDS = ("binds", "systems", "binding")
_BESIDE_RISK = tuple(f for f in _STRUCTURE_FIELDS if f not in _RISK_FIELDS)
_KEPT_DATES = 8
# What ``CoverageKeeper.kept_state`` saves (the counters stay this process's).
_KEPT = ("snap", "hashes", "digests", "nodes_in", "nodes", "risk_lines", "mapping_lines", "_evaluations")


Term = ox.NamedNode | ox.BlankNode
Dates = dict[tuple[str, str], date]  # coverage's latest evidence dates


Lines = dict[str, list[str]]  # part -> the triples in it, as lines
# A graph's digests by part, the nodes its structure names, its riskLevel and its satisfiedBy triples as lines.
_Digested = tuple[dict[str, str], dict[str, Term], set[str], set[str]]


def _lines(db: ox.Store, graph: ox.NamedNode | ox.DefaultGraph | None) -> dict[str, tuple[Lines, dict[str, Term]]]:
    """Per graph, the structure's triples in ``graph`` (None: all) as lines by part, and the nodes they name."""
    out: dict[str, tuple[Lines, dict[str, Term]]] = {}
    quads = [(p, q) for p in STRUCTURE for q in db.quads_for_pattern(None, ox.NamedNode(p), None, graph)]
    for c in sorted(CLASSES):  # each class by itself: rdf:type triples are a sixth of the store
        quads.extend((c, q) for q in db.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), ox.NamedNode(c), graph))
    for p, q in quads:
        lines, nodes = out.setdefault(_key(q.graph_name), ({}, {}))
        lines.setdefault(PART.get(p, OTHER), []).append(quad_line(q))
        nodes[str(q.subject)] = q.subject
        if not isinstance(q.object, ox.Literal):
            nodes[str(q.object)] = q.object
    return out


def _digests(lines: Lines, named: list[str]) -> dict[str, str]:
    """Per part, the digest of its lines (ids and titles count as "other"); parts without any left out."""
    parts = dict(lines)
    parts[OTHER] = parts.get(OTHER, []) + named
    return {part: digest_lines(found)[1] for part, found in parts.items() if found}


def _named(db: ox.Store, graph: ox.NamedNode | ox.DefaultGraph | None, nodes: dict[str, Term]) -> dict[str, list[str]]:
    """Per graph, the ids and titles of ``nodes`` in ``graph`` (None: all) as lines. In one graph, its ids and titles
    are read and those of other subjects left out; in all, each node is looked up (a store holds ~15 times as many
    ids and titles as the structure names: 4 s to read at 1.1M triples)."""
    out: dict[str, list[str]] = {}
    for p in NAMED:
        if graph is None:
            found = (q for node in nodes.values() for q in db.quads_for_pattern(node, ox.NamedNode(p), None, None))
        else:
            found = (q for q in db.quads_for_pattern(None, ox.NamedNode(p), None, graph) if str(q.subject) in nodes)
        for q in found:
            out.setdefault(_key(q.graph_name), []).append(quad_line(q))
    return out


def _key(term: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> str:
    return "" if isinstance(term, ox.DefaultGraph) else term.value


def _term(graph: str) -> ox.NamedNode | ox.DefaultGraph:
    return ox.DefaultGraph() if graph == "" else ox.NamedNode(graph)


@dataclass
class _Evaluation:
    """One date's coverage with what making it again in part needs."""

    snap: cv.Snapshot
    cov: cv.Coverage
    masks: dict[str, cv._Masks]
    docs: list[dict[str, list[int]]]  # per row of cov.systems: its counts per document
    rows_of: dict[str, list[int]] = field(default_factory=dict)  # implementer -> rows it counts in
    last_of: dict[str, int] = field(default_factory=dict)  # system id -> its last row (by_system shows that one)
    controls_of: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # implementer -> its keys


class CoverageKeeper:
    """The last coverage snapshot and evaluations of one embedded store, brought up to date after a write."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.snap: cv.Snapshot | None = None
        self.hashes: dict[str, str] = {}
        self.digests: dict[str, dict[str, str]] = {}  # graph -> part -> digest of what the structure reads there
        self.nodes_in: dict[str, dict[str, Term]] = {}  # graph -> the nodes its structure triples name
        self.nodes: dict[str, Term] = {}  # all of them: the subjects whose ids and titles count
        self.structure_reads = 0  # reads of the whole structure by its queries
        self.part_reads = 0  # reads of the mappings' or the systems' part only
        self.risk_updates = 0  # risk levels changed, followed without a query
        self.risk_lines: dict[str, set[str]] = {}  # graph -> its riskLevel triples, as lines
        self.mapping_lines: dict[str, set[str]] = {}  # graph -> its satisfiedBy triples, as lines
        self.mapping_updates = 0  # mappings changed, followed by the controls they name
        self.full_digests = 0  # digests of every graph (a node named for the first time, or none yet)
        self.partial_evaluations = 0  # evaluations made in part from a kept one
        self._evaluations: OrderedDict[date, _Evaluation] = OrderedDict()

    def kept_state(self) -> dict[str, Any] | None:
        """What a later process needs to go on from this state (``questions.keptstate``); None before the first
        snapshot. Under ``lock``."""
        return None if self.snap is None else {k: getattr(self, k) for k in _KEPT}

    def kept_dates(self) -> list[date]:
        """The dates whose evaluations are kept."""
        return list(self._evaluations)

    @classmethod
    def from_kept(cls, state: dict[str, Any]) -> CoverageKeeper:
        """A keeper at the state ``state`` was saved in."""
        keeper = cls()
        for k in _KEPT:
            setattr(keeper, k, state[k])
        return keeper

    def snapshot(self, store: LocalStore, latest: Dates | None) -> cv.Snapshot:
        """The store's snapshot now; ``latest`` as ``coverage.snapshot`` takes it (None: its query is asked)."""
        with self.lock:
            hashes = graph_hashes(store)
            snap = self._update(store, hashes, latest)
            if graph_hashes(store) != hashes:
                # A write landed while the store was read: what was read may be older or newer than the digests,
                # so nothing is kept and the next call reads everything again.
                self.snap, self.hashes, self.digests = None, {}, {}
            return snap

    def _update(self, store: LocalStore, hashes: dict[str, str], latest: Dates | None) -> cv.Snapshot:
        db = store.oxigraph
        if self.snap is not None:
            changed = {g for g in self.hashes.keys() | hashes.keys() if self.hashes.get(g) != hashes.get(g)}
            found = {
                g: self._digest(db, g) if g in hashes or g == "" else ({}, {}, set(), set()) for g in changed | {""}
            }
            self.hashes = hashes
            parts = {
                part
                for g, (d, *_) in found.items()
                for part in d.keys() | self.digests.get(g, {}).keys()
                if d.get(part) != self.digests.get(g, {}).get(part)
            }
            dates = cv.latest_until(store) if latest is None else latest
            if not parts:
                self.snap = _with_latest(self.snap, dates)
                return self.snap
            if OTHER in parts:
                self.snap = cv.snapshot(store, impact=False, latest=latest)
                self.structure_reads += 1
            elif parts == {RISK} and (risk_fields := self._risk_fields(db, found)) is not None:
                self.snap = _with_latest(replace(self.snap, impact_ready=False, **risk_fields), dates)
                self.risk_updates += 1
            else:
                # Only mappings or systems changed: those fields are read again, the rest kept (impact's inputs,
                # which read both, are left to be filled again).
                fields: dict[str, Any] = {"latest": dates}
                if MAPPINGS in parts:
                    satisfies = self._satisfies(store, found)
                    if satisfies is None:
                        satisfies = cv.satisfies_of(store, self.snap.index)
                        self.part_reads += 1
                    else:
                        self.mapping_updates += 1
                    fields["satisfies"] = satisfies
                if parts & {SYSTEMS, RISK}:
                    fields |= cv.systems_of(store, self.snap.index)
                self.snap = _with_latest(replace(self.snap, impact_ready=False, **fields), dates)
                self.part_reads += bool(parts & {SYSTEMS, RISK})
            for g, (d, nodes, risks, mappings) in found.items():
                self.digests[g], self.nodes_in[g], self.risk_lines[g], self.mapping_lines[g] = d, nodes, risks, mappings
            # The digests just made counted the ids and titles of the nodes named before; they hold while
            # no graph names another node (a write changing a risk level or accepting a mapping names none).
            if {n for nodes in self.nodes_in.values() for n in nodes} == self.nodes.keys():
                return self.snap
        else:
            self.snap = cv.snapshot(store, impact=False, latest=latest)
            self.structure_reads += 1
            self.hashes = hashes
        self._digest_all(db)
        return self.snap

    def _digest_all(self, db: ox.Store) -> None:
        per_graph = _lines(db, None)
        self.nodes_in = {g: nodes for g, (_, nodes) in per_graph.items()}
        self.risk_lines = {g: set(lines.get(RISK, ())) for g, (lines, _) in per_graph.items()}
        self.mapping_lines = {g: set(lines.get(MAPPINGS, ())) for g, (lines, _) in per_graph.items()}
        self.nodes = {n: t for nodes in self.nodes_in.values() for n, t in nodes.items()}
        named = _named(db, None, self.nodes)
        self.digests = {g: _digests(per_graph.get(g, ({}, {}))[0], named.get(g, [])) for g in per_graph.keys() | named}
        self.full_digests += 1

    def _digest(self, db: ox.Store, graph: str) -> _Digested:
        """The digests of what the structure reads in ``graph`` now (ids and titles of the nodes named before), the
        nodes it names and its riskLevel and satisfiedBy triples."""
        lines, nodes = _lines(db, _term(graph)).get(graph, ({}, {}))
        digests = _digests(lines, _named(db, _term(graph), self.nodes).get(graph, []))
        return digests, nodes, set(lines.get(RISK, ())), set(lines.get(MAPPINGS, ()))

    def _satisfies(self, store: LocalStore, found: dict[str, _Digested]) -> dict[str, int] | None:
        """The snapshot's ``satisfies`` once only satisfiedBy triples moved: the controls a moved triple names are
        read again by ``coverage.satisfies_of`` itself, the rest kept; None where a moved triple is not between two
        IRIs. Reading every mapping again was 0.15-0.46 s at 1.1M triples."""
        assert self.snap is not None
        moved = set().union(*(self.mapping_lines.get(g, set()) ^ lines for g, (*_, lines) in found.items()))
        controls: set[str] = set()
        for line in moved:
            s, _, o = line.split(" ", 2)
            if not (s.startswith("<") and o.startswith("<") and o.endswith(">")):
                return None
            controls.add(o[1:-1])
        again = cv.satisfies_of(store, self.snap.index, sorted(controls)) if controls else {}
        satisfies = {c: bits for c, bits in self.snap.satisfies.items() if c not in controls}
        return satisfies | again

    def _risk_fields(
        self, db: ox.Store, found: dict[str, _Digested]
    ) -> dict[str, Any] | None:
        """The snapshot's ``binds``, ``systems`` and ``binding`` once only riskLevel triples moved, made from the kept
        ones for the systems they are about; None where ``coverage.systems_of`` must read them again: a subject
        that is no AI system, a system with other than one risk level before or after, a level no system had
        (no label kept) or one no system has any more (``risk_labels`` would lose it), a system no row shows."""
        assert self.snap is not None
        snap, bound = self.snap, self.snap.binding
        moved = set().union(*(self.risk_lines.get(g, set()) ^ risks for g, (_, _, risks, _) in found.items()))
        subjects = {line.split(" ", 1)[0] for line in moved}
        if bound is None or not all(x.startswith("<") and x.endswith(">") for x in subjects):
            return None
        systems = dict(bound.systems)
        rows: dict[str, list[tuple[str, str, str, str, str]]] = {x[1:-1]: [] for x in subjects}
        kept = []
        for t in snap.systems:
            if t[0] in rows:
                rows[t[0]].append(t)
            else:
                kept.append(t)
        for s, mine in rows.items():
            objects = {q.object for q in db.quads_for_pattern(ox.NamedNode(s), ox.NamedNode(RISK_LEVEL), None, None)}
            if s not in systems or not mine or len(systems[s][1]) != 1 or len(objects) != 1:
                return None
            level = objects.pop()
            if not isinstance(level, ox.NamedNode) or level.value not in snap.risk_labels:
                return None
            systems[s] = (systems[s][0], {level.value})
            kept += [(t[0], t[1], t[2], snap.risk_labels[level.value], t[4]) for t in mine]
        if {r for _, levels in systems.values() for r in levels} != {r for _, lv in bound.systems.values() for r in lv}:
            return None
        binding = replace(bound, systems=systems)
        binds = dict(snap.binds)
        for s in rows:
            # None only for a system whose organisations are bound by nothing, at any level: no entry before either
            if (mask := binding.mask(s)) is not None:
                binds[s] = mask
        kept.sort(key=lambda t: (t[1], t[0], t[2], t[3], t[4]))  # coverage.systems_of's order
        return {"binds": binds, "systems": kept, "binding": binding}

    def evaluate(self, snap: cv.Snapshot, as_of: date) -> cv.Coverage:
        """``coverage.evaluate(snap, as_of)``, made in part from the date's last evaluation when ``snap`` shares
        its structure but for latest dates, risk levels and mappings."""
        with self.lock:
            kept = self._evaluations.get(as_of)
            moved = _moved(kept, snap) if kept is not None else None
            if kept is not None and moved is not None:
                out = _again(kept, snap, *moved)
                self.partial_evaluations += 1
            else:
                out = _evaluation(snap, as_of)
            self._evaluations[as_of] = out
            self._evaluations.move_to_end(as_of)
            while len(self._evaluations) > _KEPT_DATES:
                self._evaluations.popitem(last=False)
            return out.cov


def _with_latest(snap: cv.Snapshot, latest: dict[tuple[str, str], date]) -> cv.Snapshot:
    """``snap`` with other latest dates; impact's inputs go along once filled (the structure decides them), else
    the new snapshot gets its own to fill."""
    if snap.impact_ready:
        return replace(snap, latest=latest)
    return replace(
        snap, latest=latest, impact_satisfies={}, impact_controls={}, impact_implementers=set(),
        impact_obligations={}, impact_systems={}, impact_operators={},
    )


def _evaluation(snap: cv.Snapshot, as_of: date) -> _Evaluation:
    """``coverage.evaluate``'s coverage, with the masks, each row's counts per document and where each implementer's
    and system's rows are."""
    cov, masks, docs = cv.evaluated(snap, as_of)
    kept = _Evaluation(snap, cov, masks, docs)
    for at, row in enumerate(cov.systems):
        kept.last_of[row.id] = at
        for impl in {row.iri, row.organisation}:
            kept.rows_of.setdefault(impl, []).append(at)
    for impl, c in snap.implements:
        kept.controls_of.setdefault(impl, []).append((impl, c))
    return kept


def _moved(kept: _Evaluation, snap: cv.Snapshot) -> tuple[set[str], set[str], int] | None:
    """What ``snap`` changes beside latest dates: the systems whose row must be made again, the implementers whose
    masks must, and the obligations mapped for the first time or no more (empty, 0: none); or None when it changes
    more than ``_again`` can follow: structure other than risk levels and mappings, or which systems have a row, or
    in what order."""
    if all(getattr(kept.snap, f) is getattr(snap, f) for f in _STRUCTURE_FIELDS):
        return set(), set(), 0
    if not all(getattr(kept.snap, f) is getattr(snap, f) for f in _BESIDE_RISK if f != "satisfies"):
        return None
    moved: set[str] = set()
    implementers: set[str] = set()
    flipped = 0
    if not all(getattr(kept.snap, f) is getattr(snap, f) for f in _RISK_FIELDS):
        first: dict[str, tuple[str, str, str, str, str]] = {}
        for t in snap.systems:  # coverage.evaluated's rows: each system's first tuple
            first.setdefault(t[0], t)
        rows = kept.cov.systems
        if list(first) != [r.iri for r in rows]:
            return None
        old = kept.snap.binds
        moved = {
            r.iri
            for r in rows
            if first[r.iri] != (r.iri, r.id, r.label, r.risk, r.organisation) or old.get(r.iri) != snap.binds.get(r.iri)
        }
    if kept.snap.satisfies is not snap.satisfies:
        # A mapping accepted changes the masks of the implementers of the controls whose obligations moved and,
        # if an obligation became mapped or unmapped, the rows bound by it (missing control against unmapped).
        before, after = kept.snap.satisfies, snap.satisfies
        controls = {c for c in before.keys() | after.keys() if before.get(c) != after.get(c)}
        implementers = {impl for impl, c in snap.implements if c in controls}
        flipped = cv.mapped(kept.snap) ^ cv.mapped(snap)
    return moved, implementers, flipped


def _again(kept: _Evaluation, snap: cv.Snapshot, moved: set[str], remask: set[str], flipped: int) -> _Evaluation:
    """``kept`` on ``snap``, whose structure is the same but for the rows of the ``moved`` systems (their risk
    level), the masks of the ``remask`` implementers (a control of theirs mapped otherwise) and which obligations
    are mapped at all (``flipped``): latest dates may differ too."""
    old, new = kept.snap.latest, snap.latest
    changed = new.changed_since(old) if isinstance(new, Latest) else None
    if changed is None:
        changed = {k for k, _ in old.items() ^ new.items()}  # set operations in C: 60k keys in ~10 ms
    implementers = {impl for impl, _ in changed if impl in snap.named} | (remask & snap.named)
    as_of = kept.cov.as_of
    if not implementers and not moved and not flipped:
        return replace(kept, snap=snap)
    masks = dict(kept.masks)
    for impl in implementers:
        masks.update(cv.implementer_masks(snap, kept.controls_of.get(impl, ()), as_of))
    prev = kept.cov
    cov = cv.Coverage(
        as_of,
        list(prev.systems),
        {d: dict(c) for d, c in prev.by_document.items()},
        {r: dict(c) for r, c in prev.by_risk.items()},
        dict(prev.by_system),
    )
    docs = list(kept.docs)
    mapped = cv.mapped(snap)
    # A moved system's binding changed: its row is made whole.
    rows = sorted({at for s in moved for at in kept.rows_of.get(s, ())})
    first = {t[0]: t for t in reversed(snap.systems) if t[0] in moved}
    for at in rows:
        cv.add_row(cov, cov.systems[at], docs[at], -1)
        r = cov.systems[at]
        system = first.get(r.iri, (r.iri, r.id, r.label, r.risk, r.organisation))
        row, docs[at] = cv.system_row(snap, masks, mapped, system)
        cov.systems[at] = row
        cv.add_row(cov, row, docs[at])
    # Any other row changes only at the obligations where its implementers' masks or the mapped set changed.
    bits = {impl: _changed_bits(kept.masks.get(impl), masks.get(impl)) for impl in implementers}
    candidates = {at for impl in implementers for at in kept.rows_of.get(impl, ())}
    if flipped:
        candidates |= {at for at, r in enumerate(cov.systems) if snap.binds.get(r.iri, 0) & flipped}
    before = _Split(kept.masks, cv.mapped(kept.snap) if flipped else mapped)
    after = _Split(masks, mapped)
    shifted = []
    for at in sorted(candidates - set(rows)):
        r = cov.systems[at]
        where = snap.binds.get(r.iri, 0) & snap.traced & (bits.get(r.iri, 0) | bits.get(r.organisation, 0) | flipped)
        if where:
            _shift(cov, docs, at, snap, before.of(r), after.of(r), where)
            shifted.append(at)
    for sid in {cov.systems[at].id for at in [*rows, *shifted]}:
        cov.by_system[sid] = cov.systems[kept.last_of[sid]].counts
    # A full evaluation has a total for each risk level and document some row counts in, in the rows' order; a
    # system moved to another level may leave one with no row, or make one new.
    cov.by_risk = {risk: cov.by_risk[risk] for risk in dict.fromkeys(r.risk for r in cov.systems)}
    cov.by_document = {doc: cov.by_document[doc] for doc in dict.fromkeys(d for ds in docs for d in ds)}
    cov.__post_init__()
    cov.obligation_status = cv.obligation_statuses(snap, masks, mapped)
    return replace(kept, snap=snap, cov=cov, masks=masks, docs=docs)


def _changed_bits(old: cv._Masks | None, new: cv._Masks | None) -> int:
    o, n = old or cv._Masks(), new or cv._Masks()
    return (o.covered ^ n.covered) | (o.expired ^ n.expired) | (o.no_evidence ^ n.no_evidence)


class _Split:
    """A row's obligations by status (``coverage._split`` of its system's and organisation's masks)."""

    def __init__(self, masks: dict[str, cv._Masks], mapped: int) -> None:
        self.masks, self.mapped = masks, mapped

    def of(self, r: cv.SystemRow) -> dict[str, int]:
        own = (self.masks.get(r.iri), self.masks.get(r.organisation))
        return cv._split([m for m in own if m is not None], self.mapped)


def _shift(
    cov: cv.Coverage, docs: list[dict[str, list[int]]], at: int, snap: cv.Snapshot,
    before: dict[str, int], after: dict[str, int], where: int,
) -> None:
    """Row ``at``'s counts, its risk level's and its documents' totals moved by what changed at the obligations
    ``where`` (its binding ones whose status may differ). Making the row whole, as a full evaluation does, took
    0.9 s at 1.1M triples for one obligation mapped for the first time (5,812 of 6,658 rows bound by it)."""
    r = cov.systems[at]
    counts, totals = dict(r.counts), cov.by_risk[r.risk]
    for st in cv.STATUSES:
        if d := (after[st] & where).bit_count() - (before[st] & where).bit_count():
            counts[st] += d
            totals[st] += d
    cov.systems[at] = replace(r, counts=counts, worst=cv.worst_status(counts))
    row_docs = docs[at] = dict(docs[at])
    for doc, (lo, hi) in snap.doc_ranges.items():
        if here := where & (((1 << (hi - lo)) - 1) << lo):
            n = row_docs[doc] = list(row_docs[doc])
            doc_totals = cov.by_document[doc]
            for i, st in enumerate(cv.STATUSES):
                if d := (after[st] & here).bit_count() - (before[st] & here).bit_count():
                    n[i] += d
                    doc_totals[st] += d
