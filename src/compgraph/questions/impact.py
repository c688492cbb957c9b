"""What breaks if a control fails: obligations and systems left uncovered without it.

The coverage graph is a networkx DiGraph ``obligation -> control -> implementer -> system``: an
obligation points at the controls it is satisfied by, a control at whoever implements it (a system,
or the organisation for organisation-wide controls), and an organisation at the systems it operates.
An obligation is *covered for a system* through a control when the system reaches the control's
implementer edge with current evidence (coverage semantics of docs/design.md). Which obligations bind
which system is kept beside the graph, as binding is a property of documents and risk levels, not a
path in it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

import networkx as nx

from compgraph.graph.literals import sparql_date
from compgraph.graph.namespaces import CG
from compgraph.graph.store import GraphStore
from compgraph.questions.coverage import Snapshot, snapshot, with_impact_inputs
from compgraph.questions.trace import resolve

# Only binding modalities can leave a gap; recommendations and permissions never do (as in trace.py).
BINDING_MODALITIES = (CG.Mandatory, CG.Prohibition, CG.Commitment)


@dataclass
class Node:
    iri: str
    id: str
    label: str
    kind: str  # obligation | control | system | organisation


@dataclass
class Impact:
    control: Node
    as_of: date | None
    # (obligation, system) pairs covered now and uncovered without the control
    broken: list[tuple[Node, Node]] = field(default_factory=list)
    # pairs the control helps cover but another control still covers
    still_covered: list[tuple[Node, Node]] = field(default_factory=list)

    @property
    def obligations(self) -> list[Node]:
        return _unique(o for o, _ in self.broken)

    @property
    def systems(self) -> list[Node]:
        return _unique(s for _, s in self.broken)


@dataclass
class SinglePoint:
    control: Node
    pairs: list[tuple[Node, Node]]  # (obligation, system) that only this control covers

    @property
    def obligations(self) -> list[Node]:
        return _unique(o for o, _ in self.pairs)

    @property
    def systems(self) -> list[Node]:
        return _unique(s for _, s in self.pairs)


def _unique(nodes: object) -> list[Node]:
    seen: dict[str, Node] = {}
    for n in nodes:  # type: ignore[attr-defined]
        seen.setdefault(n.iri, n)
    return sorted(seen.values(), key=lambda n: n.id)


def coverage_graph(store: GraphStore, as_of: date | None = None) -> nx.DiGraph:
    """The obligation -> control -> implementer -> system graph.

    With ``as_of``, an implementer edge only counts as ``current`` when evidence for that (implementer,
    control) is valid on that date; without it, implementing the control is enough.
    """
    g = nx.DiGraph()

    def add(iri: object, ident: object, label: object, kind: str) -> str:
        key = str(iri)
        if key not in g:
            g.add_node(key, id=str(ident), label=str(label or ident), kind=kind)
        return key

    maps = store.select("""
        SELECT ?o ?oid ?c ?cid ?cl WHERE {
          ?o a cg:Obligation ; dcterms:identifier ?oid ; cg:satisfiedBy ?c .
          ?c dcterms:identifier ?cid . OPTIONAL { ?c rdfs:label ?cl }
        }""")
    for o, oid, c, cid, cl in maps.rows:
        g.add_edge(add(o, oid, oid, "obligation"), add(c, cid, cl, "control"), rel="satisfiedBy")
    controls = store.select(
        "SELECT ?c ?cid ?cl WHERE { ?c a cg:Control ; dcterms:identifier ?cid . OPTIONAL { ?c rdfs:label ?cl } }"
    )
    for c, cid, cl in controls.rows:
        add(c, cid, cl, "control")

    date_filter = ""
    if as_of is not None:
        date_filter = (
            f"BIND(EXISTS {{ ?e cg:evidenceFor ?c ; cg:concerns ?impl ; cg:validUntil ?d ; dcterms:identifier ?eid ; "
            f"rdfs:label ?el . "
            f"FILTER(?d >= {sparql_date(as_of)}) }} AS ?current)"
        )
    impls = store.select(f"""
        SELECT ?c ?impl ?iid ?il ?org ?current WHERE {{
          ?impl cg:implementsControl ?c ; dcterms:identifier ?iid . ?c a cg:Control .
          OPTIONAL {{ ?impl rdfs:label ?il }}
          BIND(EXISTS {{ ?impl a cg:Organisation }} AS ?org)
          {date_filter}
        }}""")
    for row in impls.rows:
        c, impl, iid, il, org = row[:5]
        current = True if as_of is None else str(row[5]).lower() == "true"
        kind = "organisation" if str(org).lower() == "true" else "system"
        g.add_edge(str(c), add(impl, iid, il, kind), rel="implementedBy", current=current)

    systems = store.select("""
        SELECT ?s ?sid ?sl ?org ?oid ?ol WHERE {
          ?s a cg:AISystem ; dcterms:identifier ?sid . OPTIONAL { ?s rdfs:label ?sl }
          OPTIONAL { ?s cg:operatedBy ?org . ?org dcterms:identifier ?oid . OPTIONAL { ?org rdfs:label ?ol } }
        }""")
    for s, sid, sl, org, oid, ol in systems.rows:
        skey = add(s, sid, sl, "system")
        if org is not None:
            g.add_edge(add(org, oid, ol, "organisation"), skey, rel="operates")

    binds = binding(store)
    oids = store.select("SELECT ?o ?oid WHERE { ?o a cg:Obligation ; dcterms:identifier ?oid }")
    known = {str(o): str(i) for o, i in oids.rows}
    for obligations in binds.values():
        for o in obligations:
            if o not in g:
                add(o, known.get(o, o), known.get(o, o), "obligation")
    g.graph["binds"] = binds
    g.graph["as_of"] = as_of
    return g


def binding(store: GraphStore) -> dict[str, set[str]]:
    """system IRI -> IRIs of the obligations that bind it (docs/design.md coverage semantics).

    Joined in Python from two flat queries: the nested negation this takes in SPARQL is slow on
    Oxigraph at scale (shared perf notes), and both lists are small next to the graph.
    """
    modalities = " ".join(f"<{m}>" for m in BINDING_MODALITIES)
    systems = store.select("""
        SELECT ?s ?d ?r WHERE {
          ?s a cg:AISystem ; cg:operatedBy/cg:subjectTo ?d . OPTIONAL { ?s cg:riskLevel ?r }
        }""")
    obligations = store.select(f"""
        SELECT ?o ?d ?r WHERE {{
          ?o a cg:Obligation ; cg:fromDocument ?d ; cg:modality ?m . VALUES ?m {{ {modalities} }}
          OPTIONAL {{ ?o cg:appliesToRiskLevel ?r }}
        }}""")
    docs: dict[str, set[str]] = {}
    risks: dict[str, set[str]] = {}
    for s, d, r in systems.rows:
        docs.setdefault(str(s), set()).add(str(d))
        if r is not None:
            risks.setdefault(str(s), set()).add(str(r))
    by_doc: dict[str, dict[str, set[str]]] = {}
    for o, d, r in obligations.rows:
        levels = by_doc.setdefault(str(d), {}).setdefault(str(o), set())
        if r is not None:
            levels.add(str(r))
    out: dict[str, set[str]] = {}
    for s, ds in docs.items():
        mine = out.setdefault(s, set())
        for d in ds:
            for o, levels in by_doc.get(d, {}).items():
                # an obligation limited to risk levels binds only systems at one of them
                if not levels or levels & risks.get(s, set()):
                    mine.add(o)
    return out


def covering_controls(g: nx.DiGraph, obligation: str, system: str) -> set[str]:
    """Controls through which ``obligation`` is currently covered for ``system``."""
    out = set()
    for c in g.successors(obligation):
        for impl in g.successors(c):
            edge = g.edges[c, impl]
            if not edge.get("current", True):
                continue
            if impl == system or g.has_edge(impl, system):
                out.add(c)
                break
    return out


def _pairs(g: nx.DiGraph) -> list[tuple[str, str, set[str]]]:
    """(obligation, system, covering controls) for every binding pair; kept on the graph once computed."""
    cached = g.graph.get("_pairs")
    if cached is not None:
        return cached
    out = []
    for system, obligations in sorted(g.graph.get("binds", {}).items()):
        for o in sorted(obligations):
            out.append((o, system, covering_controls(g, o, system)))
    g.graph["_pairs"] = out
    return out


def _node(g: nx.DiGraph, key: str) -> Node:
    d = g.nodes[key]
    return Node(key, d["id"], d["label"], d["kind"])


def impact_in_graph(g: nx.DiGraph, control: str) -> Impact:
    """Which covered (obligation, system) pairs lose their last covering control if ``control`` goes."""
    result = Impact(_node(g, control), g.graph.get("as_of"))
    for o, s, covering in _pairs(g):
        if control not in covering:
            continue
        pair = (_node(g, o), _node(g, s))
        (result.broken if covering == {control} else result.still_covered).append(pair)
    return result


def control_impact(
    store: GraphStore, control_id: str, as_of: date | None = None, snap: Snapshot | None = None
) -> Impact:
    """What breaks if the control ``control_id`` (id, CURIE or IRI) fails; raises UnknownEntity.

    Computed on coverage's snapshot with bit sets (tests prove the same pairs, in the same order, as
    ``impact_in_graph`` on the networkx graph), so it needs no graph of the whole store.
    """
    iri = resolve(store, control_id, "Control")
    return impact_of(with_impact_inputs(store, snap) if snap else snapshot(store), iri, as_of, control_id)


def _current_controls(snap: Snapshot, as_of: date | None) -> dict[str, list[str]]:
    """Implementer -> the controls it implements with current evidence (any, undated), as the graph has them."""
    out: dict[str, list[str]] = {}
    for impl, c in snap.implements:
        if impl not in snap.impact_implementers or c not in snap.impact_controls:
            continue
        if as_of is not None:
            until = snap.latest.get((impl, c))
            if until is None or until < as_of:
                continue
        out.setdefault(impl, []).append(c)
    return out


def impact_masks(snap: Snapshot, control: str, as_of: date | None) -> list[tuple[str, int, int]]:
    """Per affected system, by IRI: the obligations (bits of ``snap.index``) that ``control`` alone covers
    for it (broken if it fails) and those another current control also covers (still covered)."""
    if not snap.impact_ready:
        raise ValueError("this snapshot has no impact inputs: pass it through coverage.with_impact_inputs")
    bits = snap.impact_satisfies.get(control, 0)
    if not bits:
        return []
    implemented = _current_controls(snap, as_of)

    def others(controls: list[str]) -> int:
        out = 0
        for c in controls:
            if c != control:
                out |= snap.impact_satisfies.get(c, 0)
        return out

    org_others = {org: others(cs) for org, cs in implemented.items()}
    out = []
    for s in sorted(snap.binds):
        if s not in snap.impact_systems:
            continue
        orgs = snap.impact_operators.get(s, set())
        if control not in implemented.get(s, ()) and not any(control in implemented.get(o, ()) for o in orgs):
            continue
        mine = bits & snap.binds[s]
        if not mine:
            continue
        rest = others(implemented.get(s, []))
        for org in orgs:
            rest |= org_others.get(org, 0)
        out.append((s, mine & ~rest, mine & rest))
    return out


def impact_pairs(
    snap: Snapshot, masks: list[tuple[str, int, int]], which: int, offset: int = 0, limit: int | None = None
) -> list[tuple[Node, Node]]:
    """(obligation, system) pairs of ``impact_masks``, by system then obligation IRI: ``which`` 1 for the
    broken ones, 2 for the still covered; only the ``offset``/``limit`` slice is built."""
    by_bit = {i: o for o, i in snap.index.items()}
    out: list[tuple[Node, Node]] = []
    for s, *bits in masks:
        mask = bits[which - 1]
        n = mask.bit_count()
        if offset >= n:
            offset -= n
            continue
        system = Node(s, *snap.impact_systems[s], "system")
        for o in sorted(by_bit[i] for i in bit_positions(mask))[offset:]:
            if limit is not None and len(out) >= limit:
                return out
            out.append((Node(o, snap.impact_obligations[o], snap.impact_obligations[o], "obligation"), system))
        offset = 0
    return out


def impact_of(snap: Snapshot, control: str, as_of: date | None, label: str | None = None) -> Impact:
    """Which covered (obligation, system) pairs lose their last covering control if ``control`` goes."""
    cid, clabel = snap.impact_controls.get(control, (label or control, label or control))
    result = Impact(Node(control, cid, clabel, "control"), as_of)
    masks = impact_masks(snap, control, as_of)
    result.broken = impact_pairs(snap, masks, 1)
    result.still_covered = impact_pairs(snap, masks, 2)
    return result


def bit_positions(mask: int) -> list[int]:
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


def single_points_of_failure(store: GraphStore, as_of: date | None = None) -> list[SinglePoint]:
    """Controls that are the only current coverage of some obligation for some system."""
    return single_points_in_graph(coverage_graph(store, as_of))


def single_points_in_graph(g: nx.DiGraph) -> list[SinglePoint]:
    found: dict[str, list[tuple[Node, Node]]] = {}
    for o, s, covering in _pairs(g):
        if len(covering) == 1:
            (c,) = covering
            found.setdefault(c, []).append((_node(g, o), _node(g, s)))
    points = [SinglePoint(_node(g, c), pairs) for c, pairs in found.items()]
    return sorted(points, key=lambda p: (-len(p.pairs), p.control.id))


def render_impact(impact: Impact) -> str:
    when = f" as of {impact.as_of.isoformat()}" if impact.as_of else ""
    c = impact.control
    lines = [f"If control {c.id} ({c.label}) fails{when}:"]
    if not impact.broken:
        lines.append("  nothing is left uncovered: every obligation it covers is also covered by another control")
    else:
        lines.append(f"  {len(impact.obligations)} obligation(s) become uncovered for {len(impact.systems)} system(s):")
        for o, s in impact.broken:
            lines.append(f"    {o.id} for {s.id} ({s.label})")
    if impact.still_covered:
        lines.append(f"  {len(impact.still_covered)} other pair(s) stay covered by another control")
    return "\n".join(lines) + "\n"


@dataclass
class SinglePointSummary:
    """A single point of failure counted rather than listed: what /impact shows at any scale."""

    control: Node
    obligations: int  # distinct obligations only this control covers for some system
    pairs: int  # (obligation, system) pairs only it covers
    systems: list[Node]  # the systems affected, by id


def single_point_summary(
    store: GraphStore, as_of: date | None = None, snap: Snapshot | None = None
) -> list[SinglePointSummary]:
    """``single_points_of_failure`` as counts, with bit sets instead of a graph of every pair.

    Same semantics as coverage_graph/covering_controls (tests prove equal counts): one bit per
    obligation; per system, the obligations each of its current controls (own, or its organisation's)
    satisfies; a pair has a single point of failure when exactly one of those controls covers it.
    The inputs are coverage's date-independent snapshot, so the browser reads the store once for both.
    """
    snap = with_impact_inputs(store, snap) if snap else snapshot(store)
    implemented = _current_controls(snap, as_of)
    # A write that leaves every input as it was (evidence renewing a control that was current anyway, a date that
    # changes no control's currency) leaves the answer too: 0.85 s of a fresh /impact at 1.1M triples.
    key = _inputs_digest(snap, implemented)
    kept = snap.impact_memo.get(key)
    if kept is not None:
        return list(kept)
    points = _single_points(snap, implemented)
    snap.impact_memo.clear()
    snap.impact_memo[key] = points
    return list(points)


def _inputs_digest(snap: Snapshot, implemented: dict[str, list[str]]) -> str:
    """A digest of what ``_single_points`` reads, by value (the same in any process for the same inputs). Nodes are
    IRIs (no spaces, no line breaks), bits in hexadecimal; names, which may hold anything, go with their lengths."""

    def named(n: tuple[str, str]) -> str:
        return f"{len(n[0])}:{n[0]}{len(n[1])}:{n[1]}"

    sections = (
        "\n".join(f"{s} {bits:x}" for s, bits in sorted(snap.binds.items())),
        "\n".join(f"{c} {bits:x}" for c, bits in sorted(snap.impact_satisfies.items())),
        "\n".join(f"{c} {named(n)}" for c, n in sorted(snap.impact_controls.items())),
        "\n".join(f"{s} {named(n)}" for s, n in sorted(snap.impact_systems.items())),
        "\n".join(f"{s} {' '.join(sorted(orgs))}" for s, orgs in sorted(snap.impact_operators.items())),
        "\n".join(f"{i} {' '.join(sorted(cs))}" for i, cs in sorted(implemented.items())),
    )
    return hashlib.sha256("\n\x1e\n".join(sections).encode()).hexdigest()


def _single_points(snap: Snapshot, implemented: dict[str, list[str]]) -> list[SinglePointSummary]:
    controls = {c: Node(c, cid, cl, "control") for c, (cid, cl) in snap.impact_controls.items()}
    systems = {s: Node(s, sid, sl, "system") for s, (sid, sl) in snap.impact_systems.items()}
    # An organisation's controls count for each of its systems: their overlaps (seen, seen at least twice,
    # and what each control alone covers) are worked out once per organisation, not once per system
    # (~300 organisation-wide controls x 6.7k systems: 3.4 s -> well under a second at 1.1M triples).
    per_org: dict[str, tuple[set[str], int, int, dict[str, int]]] = {}
    for org in {o for orgs in snap.impact_operators.values() for o in orgs}:
        cs = set(implemented.get(org, ()))
        seen, twice = _overlap(cs, snap.impact_satisfies, -1)
        once = seen & ~twice
        sole = {c: b for c in cs if (b := snap.impact_satisfies.get(c, 0) & once)}
        per_org[org] = (cs, seen, twice, sole)
    masks: dict[str, int] = {}
    pair_counts: dict[str, int] = {}
    hits: dict[str, list[Node]] = {}

    def hit(c: str, sole: int, system: Node) -> None:
        masks[c] = masks.get(c, 0) | sole
        pair_counts[c] = pair_counts.get(c, 0) + sole.bit_count()
        hits.setdefault(c, []).append(system)

    groups: dict[tuple[str, int], list[Node]] = {}
    for s, binds in snap.binds.items():
        if s not in systems:
            continue
        orgs = snap.impact_operators.get(s, set())
        if len(orgs) == 1:
            (org,) = orgs
            org_cs, org_seen, org_twice, org_sole = per_org[org]
            own = {c for c in implemented.get(s, ()) if c not in org_cs}
            seen, twice = _overlap(own, snap.impact_satisfies, binds)
            once = (seen | org_seen) & ~(twice | org_twice | (seen & org_seen)) & binds
            if not once:
                continue
            for c in own:
                if sole := snap.impact_satisfies.get(c, 0) & once:
                    hit(c, sole, systems[s])
            # What the organisation's controls alone cover for this system depends only on these bits:
            # systems sharing them (same risk level, no own overlap) are counted together below.
            if avail := once & org_seen:
                groups.setdefault((org, avail), []).append(systems[s])
            continue
        mine = set(implemented.get(s, ()))
        for org in orgs:
            mine.update(implemented.get(org, ()))
        seen, twice = _overlap(mine, snap.impact_satisfies, binds)
        once = seen & ~twice
        if not once:
            continue
        for c in mine:
            if sole := snap.impact_satisfies.get(c, 0) & once:
                hit(c, sole, systems[s])
    for (org, avail), nodes in groups.items():
        for c, bits in per_org[org][3].items():
            if sole := bits & avail:
                masks[c] = masks.get(c, 0) | sole
                pair_counts[c] = pair_counts.get(c, 0) + sole.bit_count() * len(nodes)
                hits.setdefault(c, []).extend(nodes)
    points = [
        SinglePointSummary(
            controls.get(c) or Node(c, c, c, "control"), mask.bit_count(), pair_counts[c], _unique(hits[c])
        )
        for c, mask in masks.items()
    ]
    return sorted(points, key=lambda p: (-p.pairs, p.control.id))


def _overlap(controls: set[str], satisfies: dict[str, int], within: int) -> tuple[int, int]:
    """The obligations (bits, within ``within``) some of ``controls`` satisfy, and those two or more do."""
    seen = twice = 0
    for c in controls:
        bits = satisfies.get(c, 0) & within
        twice |= seen & bits
        seen |= bits
    return seen, twice
