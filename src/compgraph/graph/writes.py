"""The embedded store's low-level writes: scratch graphs, the audit trail's entry for each write, bulk loads.

Kept apart from ``store`` so the one write path's bookkeeping reads in one place: the trail entry goes in
with the change, and the automatic snapshot (``snapfiles``) follows it. May import ``history``, ``snapfiles``
and ``namespaces`` (never ``store``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from compgraph.graph import history, snapfiles
from compgraph.graph.namespaces import graph_iri

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# Graphs a command writes for its own use and drops before it ends (validate's run graph); any a killed command
# left behind are dropped at the next open.
SCRATCH_PREFIXES = (graph_iri("validation", "run", ""),)


def scratch_graphs(db: ox.Store) -> list[str]:
    return [g.value for g in db.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(SCRATCH_PREFIXES)]


def drop_scratch(db: ox.Store) -> None:
    stale = scratch_graphs(db)
    if stale:
        db.update(" ; ".join(f"DROP SILENT GRAPH <{g}>" for g in stale))


def audited(graphs: list[str]) -> list[str]:
    """The graphs whose changes go into the audit trail: not scratch graphs, not the trail itself."""
    return [g for g in graphs if not g.startswith(SCRATCH_PREFIXES) and g != history.HISTORY_GRAPH]


def recorded(
    apply: Callable[[ox.Store], None],
    graphs: list[str],
    known: dict[str, tuple[int, str]] | None = None,
    known_before: dict[str, tuple[int, str]] | None = None,
) -> Callable[[ox.Store], None]:
    """``apply`` followed, in the same new generation, by the history entry of what it changed. ``known``: graphs
    whose (count, digest) ``apply`` worked out as it wrote them (``bulk_graph``), so they are not read back;
    ``known_before``: graphs the writer hashed from their content before the write (``difference``)."""

    def run(db: ox.Store) -> None:
        started = history.now()
        changes = history.before(db, audited(graphs), known_before)
        apply(db)
        if changes:
            db.update(history.entry_update(db, changes, started, known))

    return run


def trail_entry(
    db: ox.Store, graph: str, after: tuple[int, str], before: tuple[int, str] | None = None
) -> str:
    """`` ; INSERT DATA ...`` of the history entry for an in-place write of ``graph`` (empty if not audited)."""
    if not audited([graph]):
        return ""
    started = history.now()
    changes = history.before(db, [graph], {graph: before} if before else None)
    return " ; " + history.entry_update(db, changes, started, {graph: after})


def snapshot_after(root: Path, db: ox.Store, graphs: list[str]) -> None:
    """After a write of ``graphs`` to the store at ``root``: the automatic snapshot, when the write is audited
    (a scratch graph comes and goes within one command; a snapshot of it would show a state nobody saw)."""
    if audited(graphs):
        snapfiles.after_write(root, db)


def has_blank(q: Any) -> bool:
    return isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)


IN_PLACE_MAX = 500  # triples; above this a new generation (bulk-loaded) is faster than one SPARQL transaction
# Quads removed plus added, for a write of only what changed (``Difference``): a SPARQL update costs ~35 us a
# quad, a new generation of a 1.1M-triple store more than a second whatever it holds (measured: 5,000 quads
# in place 22 s, as a generation 33 s, the rest of each the same read of a 259k-triple graph on a loaded machine).
IN_PLACE_DIFF_MAX = 10_000


# Distinct typed literals whose check is kept: each check writes the literal into a throw-away in-memory store.
_KEPT_CHECKS = 100_000
_TEXT_TYPES = frozenset({XSD_STRING, "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"})
_PROBE = ox.NamedNode("urn:compgraph:probe")


@functools.lru_cache(maxsize=_KEPT_CHECKS)
def kept_as_written(literal: ox.Literal) -> bool:
    """Whether the store gives ``literal`` back as written: it keeps typed values in a canonical form, so
    "01"^^xsd:integer comes back as "1" and a digest of the written line would not be the stored graph's."""
    if literal.datatype.value in _TEXT_TYPES:
        return True
    probe = ox.Store()
    probe.add(ox.Quad(_PROBE, _PROBE, literal))
    return next(iter(probe)).object == literal


def digest_as_written(q: ox.Quad) -> bool:
    """Whether the store gives ``q`` back as written, so its line's digest is the stored graph's: no blank node
    (the store may relabel it) and no literal the store rewrites (``kept_as_written``)."""
    if has_blank(q):
        return False
    return not isinstance(q.object, ox.Literal) or kept_as_written(q.object)


def bulk_graph(db: ox.Store, graph: str, quads: Iterable[ox.Quad]) -> tuple[int, str] | None:
    """Replace ``graph`` by ``quads``, bulk-loaded, and return its (count, digest) for the trail entry when the
    stream proves it; None when the graph must be read back: a blank node (the store may relabel it), a literal the
    store rewrites (``kept_as_written``), or a quad streamed twice (the store keeps it once; the counts differ).
    Reading a graph back costs ~9 us a quad at 10M triples, most of a generated store's load."""
    target = ox.NamedNode(graph)
    db.remove_graph(target)
    digest = history.StreamDigest()
    exact = True

    def watched() -> Iterator[ox.Quad]:
        nonlocal exact
        for q in quads:
            if exact:
                if digest_as_written(q):
                    digest.add(history.quad_line(q))
                else:
                    exact = False
            yield q

    db.bulk_extend(watched())
    db.add_graph(target)
    if not exact:
        return None
    stored = next(iter(db.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")))  # type: ignore[arg-type]
    return digest.result() if int(stored[0].value) == digest.count else None


def load_graph(db: ox.Store, graph: str, data: bytes, fmt: ox.RdfFormat) -> None:
    target = ox.NamedNode(graph)
    db.remove_graph(target)
    db.bulk_load(data, format=fmt, to_graph=target)
    db.add_graph(target)


@dataclass
class Difference:
    """What a write of a whole graph changes in it: the quads that go, those that come, and the graph's
    (count, digest) before (hashed from the graph as it is) and after (that digest less the quads that go plus
    those that come: the digest is an additive multiset hash, see ``history``)."""

    graph: str
    removed: list[ox.Quad]
    added: list[ox.Quad]
    before: tuple[int, str]
    after: tuple[int, str]
    whole: list[ox.Quad]

    @property
    def empty(self) -> bool:
        return not self.removed and not self.added

    def blank_goes(self) -> bool:
        """Whether a quad that goes has a blank node, which DELETE DATA cannot name (a report saved by an older
        compgraph): the graph is then dropped and written whole."""
        return any(has_blank(q) for q in self.removed)

    def update(self) -> str:
        """One SPARQL update making the change (no trail entry); empty parts are left out."""
        parts = [self._data(verb, quads) for verb, quads in (("DELETE", self.removed), ("INSERT", self.added)) if quads]
        return " ; ".join([*parts, f"CREATE SILENT GRAPH <{self.graph}>"])

    def _data(self, verb: str, quads: list[ox.Quad]) -> str:
        return f"{verb} DATA {{ GRAPH <{self.graph}> {{ {' '.join(history.quad_line(q) + ' .' for q in quads)} }} }}"

    def apply(self, db: ox.Store) -> None:
        """The change inside a new generation (its HEAD switch is the transaction). Measured on 50-100k quads:
        DELETE DATA ~22 us a quad, bulk_extend ~11, INSERT DATA ~35, remove_graph ~50 (so it is avoided)."""
        target = ox.NamedNode(self.graph)
        if self.blank_goes():
            db.remove_graph(target)
            db.bulk_extend(self.whole)
        else:
            if self.removed:
                db.update(self._data("DELETE", self.removed))
            db.bulk_extend(self.added)
        db.add_graph(target)


def difference(db: ox.Store, graph: str, quads: Iterable[ox.Quad]) -> Difference | None:
    """How writing ``quads`` as the whole of ``graph`` changes it, or None when the new graph's digest cannot be
    proved from the quads (a blank node, a literal the store rewrites: see ``bulk_graph``). The caller holds the
    write lock, so the graph read here is the graph the write changes. Quads are compared as terms (hashed in
    Rust); only the old graph's lines (for hashBefore) and the changed ones are spelled out and hashed."""
    target = ox.NamedNode(graph)
    new: dict[ox.Quad, None] = {}  # ordered, and a quad given twice is stored once
    for q in quads:
        if not digest_as_written(q):
            return None
        new[q if q.graph_name == target else ox.Quad(q.subject, q.predicate, q.object, target)] = None
    digest = history.StreamDigest()
    old = list(db.quads_for_pattern(None, None, None, target))
    for q in old:
        digest.add(history.quad_line(q))
    before = digest.result()
    held = set(old)
    removed = [q for q in old if q not in new]
    added = [q for q in new if q not in held]
    for q in removed:
        digest.remove(history.quad_line(q))
    for q in added:
        digest.add(history.quad_line(q))
    return Difference(graph, removed, added, before, digest.result(), list(new))
