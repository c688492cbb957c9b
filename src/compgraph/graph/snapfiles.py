"""Snapshot files: the whole store kept compressed beside it with its SHA-256, taken by hand or after each write.

::

    DIR/snapshots/2026-12-02T15-40-01.123Z.nq.gz   every quad (the audit trail too), gzip-compressed N-Quads
    DIR/snapshots/2026-12-02T15-40-01.123Z.json    when, how many quads, the file's SHA-256, the trail's last
                                                   hash, the data's SHA-256, and whether it was automatic

The file is written under a temporary name and renamed, so a snapshot either exists whole or not at all.
Loading one checks its hash first: an altered file is refused, never diffed.

Automatic snapshots (:func:`auto`, called by the store after every write) are skipped when the data (every
graph but the trail, which every write extends) has the same SHA-256 as the newest snapshot's, and only the
newest ``COMPGRAPH_SNAPSHOT_KEEP`` of them (default 20; 0 turns them off) are kept. Snapshots taken by hand are
never removed by the rotation: someone took them on purpose ("before the audit"). A store larger than
``COMPGRAPH_SNAPSHOT_MAX_QUADS`` (default 200,000: a dump costs about 0.15 s per 10,000 quads, paid by the
write that triggers it) gets no automatic snapshot, and the log says so; take them by hand there.

Apart from ``snapshots`` (which adds reading a snapshot as a store) so the store itself can call :func:`auto`
without an import circle. May import ``history``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pyoxigraph as ox

from compgraph.graph import history

FOLDER = "snapshots"
SUFFIX = ".nq.gz"
KEEP_ENV = "COMPGRAPH_SNAPSHOT_KEEP"
DEFAULT_KEEP = 20
MAX_ENV = "COMPGRAPH_SNAPSHOT_MAX_QUADS"
DEFAULT_MAX_QUADS = 200_000
_TRAIL_LINE_END = f" <{history.HISTORY_GRAPH}> .".encode()
log = logging.getLogger("compgraph.snapshots")


class SnapshotError(ValueError):
    """No such snapshot, or its file does not match its recorded hash."""


@dataclass(frozen=True)
class Snapshot:
    name: str
    created: str
    quads: int
    sha256: str
    trail_head: str
    content_sha256: str = ""  # of the data without the trail; records from before it was kept have ""
    automatic: bool = False

    def path(self, root: Path) -> Path:
        return root / FOLDER / (self.name + SUFFIX)


def content_hash(nquads: bytes) -> str:
    """SHA-256 of a dump's lines outside the audit trail (Oxigraph dumps equal content in the same order)."""
    h = hashlib.sha256()
    for line in nquads.splitlines(keepends=True):
        if not line.rstrip(b"\n").endswith(_TRAIL_LINE_END):
            h.update(line)
    return h.hexdigest()


def take(root: Path, db: ox.Store, trail_head: str | None = None, *, automatic: bool = False) -> Snapshot:
    """Write every quad of ``db`` (the store at ``root``) as a new snapshot."""
    return _write(root, db.dump(format=ox.RdfFormat.N_QUADS) or b"", db, trail_head, automatic)


def _write(root: Path, data: bytes, db: ox.Store, trail_head: str | None, automatic: bool) -> Snapshot:
    now = datetime.now(UTC)
    folder = root / FOLDER
    folder.mkdir(exist_ok=True)
    name = now.strftime("%Y-%m-%dT%H-%M-%S") + f".{now.microsecond // 1000:03d}Z"
    n = 1
    while (folder / (name + ".json")).exists():  # two writes in one millisecond
        name, n = f"{name.split('~')[0]}~{n}", n + 1
    packed = gzip.compress(data, compresslevel=6, mtime=0)
    head = history.head(db)[1] if trail_head is None else trail_head
    snap = Snapshot(name, now.isoformat(timespec="seconds"), data.count(b"\n"), hashlib.sha256(packed).hexdigest(),
                    head, content_hash(data), automatic)
    tmp = folder / (name + SUFFIX + ".tmp")
    tmp.write_bytes(packed)
    os.replace(tmp, snap.path(root))
    meta_tmp = folder / (name + ".json.tmp")
    meta_tmp.write_text(json.dumps(asdict(snap), indent=2), encoding="utf-8")
    os.replace(meta_tmp, folder / (name + ".json"))
    return snap


def _setting(name: str, default: int, meaning: str) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise SnapshotError(f"{name}={raw!r}: give a whole number ({meaning})")
    return value


def retention() -> int:
    """How many automatic snapshots to keep (``COMPGRAPH_SNAPSHOT_KEEP``); 0 means take none."""
    return _setting(KEEP_ENV, DEFAULT_KEEP, "automatic snapshots to keep; 0 = none")


def size_limit() -> int:
    """The largest store, in quads, that gets automatic snapshots (``COMPGRAPH_SNAPSHOT_MAX_QUADS``)."""
    return _setting(MAX_ENV, DEFAULT_MAX_QUADS, "the most quads a store may hold to get automatic snapshots")


def auto(root: Path, db: ox.Store) -> Snapshot | None:
    """After a write: a new automatic snapshot unless the data is unchanged since the newest one; then rotate."""
    keep = retention()
    if keep == 0:
        return None
    limit, size = size_limit(), len(db)
    if size > limit:
        log.info("no automatic snapshot of %s: %d quads, over %s=%d", root, size, MAX_ENV, limit)
        return None
    data = db.dump(format=ox.RdfFormat.N_QUADS) or b""
    taken = listed(root) if (root / FOLDER).is_dir() else []
    if taken and taken[-1].content_sha256 == content_hash(data):
        return None
    snap = _write(root, data, db, None, automatic=True)
    prune(root, keep, [*taken, snap])
    return snap


def prune(root: Path, keep: int, taken: list[Snapshot] | None = None) -> list[str]:
    """Remove all but the newest ``keep`` automatic snapshots; returns the names removed."""
    autos = [s for s in (taken if taken is not None else listed(root)) if s.automatic]
    gone = autos[: max(0, len(autos) - keep)]
    for s in gone:
        # The record goes first: a snapshot without its record is ignored, one without its file is an error.
        (root / FOLDER / (s.name + ".json")).unlink(missing_ok=True)
        s.path(root).unlink(missing_ok=True)
    return [s.name for s in gone]


def after_write(root: Path, db: ox.Store) -> None:
    """The store's hook after each write: a snapshot that fails must not fail the write, which is done."""
    try:
        auto(root, db)
    except (OSError, SnapshotError) as exc:
        log.warning("no automatic snapshot of %s after this write: %s", root, exc)


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
    if not spec.strip():
        # "" is a prefix of every name: `diff ""` compared with the store's only snapshot without a word.
        raise SnapshotError("an empty snapshot name: give a name, a date (YYYY-MM-DD) or now")
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
