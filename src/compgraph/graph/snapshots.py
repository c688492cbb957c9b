"""Time travel: a snapshot read like any store. The snapshot files themselves (taking, listing, finding, loading,
the automatic ones after each write and their rotation) are ``snapfiles``, re-exported here.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from compgraph.graph.history import HISTORY_GRAPH
from compgraph.graph.results import materialise
from compgraph.graph.snapfiles import (
    FOLDER,
    KEEP_ENV,
    SUFFIX,
    Snapshot,
    SnapshotError,
    auto,
    find,
    listed,
    load,
    prune,
    retention,
    take,
)
from compgraph.graph.store import GraphStore, QueryResult, QuerySyntaxError, StoreReadOnly

__all__ = ["FOLDER", "KEEP_ENV", "SUFFIX", "Snapshot", "SnapshotError", "SnapshotStore", "auto", "find", "listed",
           "load", "prune", "retention", "take"]


class SnapshotStore(GraphStore):
    """A loaded snapshot, read like any store (questions, coverage) and never written."""

    def __init__(self, db: ox.Store, name: str) -> None:
        self.db = db
        self.location = f"snapshot {name}"

    def query(
        self,
        sparql: str,
        *,
        timeout: float | None = None,
        max_results: int | None = None,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> QueryResult:
        kwargs: dict[str, Any] = {"use_default_graph_as_union": True}
        if default_graphs:
            kwargs = {"default_graph": [ox.NamedNode(g) for g in default_graphs]}
        if named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            return materialise(self.db.query(sparql, **kwargs), max_results)
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from exc

    def graph_names(self) -> list[str]:
        return sorted(
            g.value for g in self.db.named_graphs() if isinstance(g, ox.NamedNode) and g.value != HISTORY_GRAPH
        )

    def replace_graph(self, graph: str, data: bytes, media_type: str = "application/n-triples") -> int:
        raise StoreReadOnly(f"{self.location} is a snapshot: it cannot be written")

    def drop_graph(self, graph: str) -> None:
        raise StoreReadOnly(f"{self.location} is a snapshot: it cannot be written")

    def close(self) -> None:
        pass
