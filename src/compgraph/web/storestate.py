"""What names the store's current state, cheaply enough to ask on every request: the key of every cache.

For the embedded store, when to read the state again is told by its files, not queried: HEAD (a large write
moves it to a new generation) and the generation's RocksDB files (a small write is one transaction in place,
which appends to the write-ahead log at once, so the log's size changes). SST and OPTIONS files never change
once written, so their names are enough; RocksDB's own text ``LOG`` is left out because it changes without any
write. Any write, by this process or another, therefore gives a new stamp before the next request reads it, and
the state is read again then.

The files also change with no write (a flush or compaction after one, a reopen), so the caches, in memory and
on disk, are keyed by ``lasting_key``: the audit trail's head (``graph.storestate``), which every write path
moves, read with the rest of the state. A remote store has no files here and no trail; its state, and its key,
is what the build and validation left in the graph (one small query).
"""

from __future__ import annotations

import os
import threading
import weakref
from dataclasses import dataclass
from typing import Any

from compgraph.graph.store import GraphStore
from compgraph.graph.storestate import state_token


def files_stamp(root: str | os.PathLike[str]) -> tuple[Any, ...] | None:
    """A value that changes with every write to the on-disk store at ``root``; None if it has no HEAD."""
    # Plain os calls: this runs on every request, and pathlib's objects cost more than the syscalls.
    root = os.fspath(root)
    try:
        with open(os.path.join(root, "HEAD"), "rb") as f:
            head = f.read()
    except OSError:
        return None
    words = head.split()
    folder = os.path.join(root, words[0].decode("ascii", "replace")) if words else root
    stamp: list[Any] = [head]
    try:
        with os.scandir(folder) as entries:
            for e in entries:
                name = e.name
                # A write appends to the log (*.log); a flush or compaction adds SSTs and rewrites the
                # MANIFEST that CURRENT names. SSTs and the OPTIONS files never change once written.
                if name.endswith(".log") or name.startswith(("MANIFEST", "CURRENT")):
                    st = e.stat()
                    stamp.append((name, st.st_size, st.st_mtime_ns))
                elif not name.startswith("LOG"):
                    stamp.append((name, 0, 0))
    except OSError:
        return None  # a generation removed under us: the caller queries instead
    return tuple(sorted(stamp[1:]) + stamp[:1])


def dir_stamp(folder: str | os.PathLike[str], suffix: str = "") -> tuple[Any, ...]:
    """Names, sizes and modification times of the files in ``folder`` ending in ``suffix`` (e.g. ``.rq``)."""
    out = []
    try:
        with os.scandir(folder) as entries:
            for e in entries:
                if e.name.endswith(suffix):
                    st = e.stat()
                    out.append((e.name, st.st_size, st.st_mtime_ns))
    except OSError:
        return ()
    return tuple(sorted(out))


@dataclass
class StoreState:
    built: str | None  # when the newest graph was loaded
    validated_created: str | None
    graphs: int
    stamp: tuple[Any, ...] | None = None
    token: str | None = None  # graph.storestate: survives a restart, moves with every write

    @property
    def key(self) -> tuple:
        # The trail's head when there is one: RocksDB rewrites its files after a write (a flush, a compaction)
        # with no write at all, and keyed by the files every page after a risk level changed was made twice
        # (0.46 s more for the dashboard at 1.1M triples). The head moves with every write path, as the caches
        # kept on disk already rely on; the files only say when to read it again.
        lasting = self.lasting_key
        return lasting if lasting is not None else (self.built, self.validated_created, self.graphs, hash(self.stamp))

    @property
    def lasting_key(self) -> tuple[str, str, str, int] | None:
        """The state as a cache on disk keys it: the same after a restart, changed by any write."""
        if self.token is None:
            return None
        return (self.token, self.built or "", self.validated_created or "", self.graphs)


_known: weakref.WeakKeyDictionary[GraphStore, StoreState] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _query_state(store: GraphStore, stamp: tuple[Any, ...] | None) -> StoreState:
    res = store.select("""
        SELECT (MAX(?t) AS ?built) (MAX(?c) AS ?created) WHERE {
          { ?g a cg:SourceGraph ; prov:wasGeneratedBy/prov:endedAtTime ?t }
          UNION { ?r a sh:ValidationReport ; dcterms:created ?c }
        }""")
    built, created = res.rows[0] if res.rows else (None, None)
    return StoreState(
        str(built) if built else None,
        str(created) if created else None,
        len(store.graph_names()),
        stamp,
        state_token(store),
    )


def store_state(store: GraphStore) -> StoreState:
    """The store's state now: from its files when it has them (a query only when they changed)."""
    location = getattr(store, "root", None)
    stamp = files_stamp(location) if location is not None else None
    if stamp is None:
        return _query_state(store, None)
    with _lock:
        known = _known.get(store)
    if known is not None and known.stamp == stamp:
        return known
    state = _query_state(store, stamp)
    with _lock:
        _known[store] = state
    return state
