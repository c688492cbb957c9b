"""Time travel: snapshots of the whole store, kept compressed beside it with their SHA-256.

::

    DIR/snapshots/2026-12-02T15-40-01Z.nq.gz     every quad (the audit trail too), gzip-compressed N-Quads
    DIR/snapshots/2026-12-02T15-40-01Z.json      when, how many quads, the file's SHA-256, the trail's last hash

A snapshot is a read of the store, so it can be taken beside a running server; the file is written under a
temporary name and renamed, so a snapshot either exists whole or not at all. Loading one checks its hash first:
an altered file is refused, never diffed.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from compgraph.graph.history import HISTORY_GRAPH
from compgraph.graph.store import GraphStore, QueryResult, QuerySyntaxError, StoreReadOnly
from compgraph.graph.store import _materialise as materialise

FOLDER = "snapshots"
SUFFIX = ".nq.gz"


class SnapshotError(ValueError):
    """No such snapshot, or its file does not match its recorded hash."""


@dataclass(frozen=True)
class Snapshot:
    name: str
    created: str
    quads: int
    sha256: str
    trail_head: str

    def path(self, root: Path) -> Path:
        return root / FOLDER / (self.name + SUFFIX)


def take(root: Path, db: ox.Store, trail_head: str = "") -> Snapshot:
    """Write every quad of ``db`` (the store at ``root``) as a new snapshot."""
    now = datetime.now(UTC)
    name = now.strftime("%Y-%m-%dT%H-%M-%S") + f".{now.microsecond // 1000:03d}Z"
    folder = root / FOLDER
    folder.mkdir(exist_ok=True)
    data = db.dump(format=ox.RdfFormat.N_QUADS) or b""
    packed = gzip.compress(data, compresslevel=6, mtime=0)
    snap = Snapshot(
        name, now.isoformat(timespec="seconds"), data.count(b"\n"), hashlib.sha256(packed).hexdigest(), trail_head
    )
    tmp = folder / (name + SUFFIX + ".tmp")
    tmp.write_bytes(packed)
    os.replace(tmp, snap.path(root))
    (folder / (name + ".json")).write_text(json.dumps(asdict(snap), indent=2), encoding="utf-8")
    return snap


def listed(root: Path) -> list[Snapshot]:
    """Every snapshot of the store, oldest first."""
    out = []
    for meta in sorted((root / FOLDER).glob("*.json")):
        try:
            out.append(Snapshot(**json.loads(meta.read_text(encoding="utf-8"))))
        except (OSError, ValueError, TypeError) as exc:
            raise SnapshotError(f"{meta}: not a snapshot record ({exc})") from exc
    return out


def find(root: Path, spec: str) -> Snapshot:
    """A snapshot by name (or a unique prefix of one), or the last one taken on or before a date (YYYY-MM-DD)."""
    snaps = listed(root)
    exact = [s for s in snaps if s.name == spec]
    if exact:
        return exact[0]
    try:
        day: date | None = date.fromisoformat(spec)
    except ValueError:
        day = None
    if day is not None:
        before = [s for s in snaps if s.created[:10] <= day.isoformat()]
        if not before:
            raise SnapshotError(f"no snapshot was taken on or before {day}")
        return before[-1]
    prefixed = [s for s in snaps if s.name.startswith(spec)]
    if len(prefixed) == 1:
        return prefixed[0]
    if prefixed:
        raise SnapshotError(f"{spec!r} names {len(prefixed)} snapshots: give more of the name")
    names = ", ".join(s.name for s in snaps[-5:]) or "none yet: take one with `compgraph snapshot`"
    raise SnapshotError(f"{spec!r} is not a snapshot name or a date (YYYY-MM-DD); latest: {names}")


def load(root: Path, snap: Snapshot) -> ox.Store:
    """The snapshot as an in-memory store, after checking the file against its recorded SHA-256."""
    try:
        packed = snap.path(root).read_bytes()
    except OSError as exc:
        raise SnapshotError(f"{snap.path(root)}: cannot read the snapshot ({exc.strerror})") from exc
    if hashlib.sha256(packed).hexdigest() != snap.sha256:
        raise SnapshotError(f"{snap.path(root)} does not match its recorded SHA-256: it was altered")
    db = ox.Store()
    db.bulk_load(gzip.decompress(packed), format=ox.RdfFormat.N_QUADS)
    return db


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
