"""The embedded store's low-level writes: scratch graphs, the audit trail's entry for each write, bulk loads.

Kept apart from ``store`` so the one write path's bookkeeping reads in one place: the trail entry goes in
with the change, and the automatic snapshot (``snapfiles``) follows it. May import ``history``, ``snapfiles``
and ``namespaces`` (never ``store``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from compgraph.graph import history, snapfiles
from compgraph.graph.namespaces import graph_iri

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


def recorded(apply: Callable[[ox.Store], None], graphs: list[str]) -> Callable[[ox.Store], None]:
    """``apply`` followed, in the same new generation, by the history entry of what it changed."""

    def run(db: ox.Store) -> None:
        started = history.now()
        changes = history.before(db, audited(graphs))
        apply(db)
        if changes:
            db.update(history.entry_update(db, changes, started))

    return run


def trail_entry(db: ox.Store, graph: str, after: tuple[int, str]) -> str:
    """`` ; INSERT DATA ...`` of the history entry for an in-place write of ``graph`` (empty if not audited)."""
    if not audited([graph]):
        return ""
    started = history.now()
    return " ; " + history.entry_update(db, history.before(db, [graph]), started, {graph: after})


def snapshot_after(root: Path, db: ox.Store, graphs: list[str]) -> None:
    """After a write of ``graphs`` to the store at ``root``: the automatic snapshot, when the write is audited
    (a scratch graph comes and goes within one command; a snapshot of it would show a state nobody saw)."""
    if audited(graphs):
        snapfiles.after_write(root, db)


def has_blank(q: Any) -> bool:
    return isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)


IN_PLACE_MAX = 500  # triples; above this a new generation (bulk-loaded) is faster than one SPARQL transaction


def load_graph(db: ox.Store, graph: str, data: bytes, fmt: ox.RdfFormat) -> None:
    target = ox.NamedNode(graph)
    db.remove_graph(target)
    db.bulk_load(data, format=fmt, to_graph=target)
    db.add_graph(target)
