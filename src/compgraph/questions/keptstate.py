"""The evidence list's index and the kept coverage saved beside an embedded store, so that a process that has never
seen the store's state (a server started after a CLI write) goes on from the last state some server saw and reads
again only what changed since, as a running server does after a write.

Both objects already follow writes in memory: each keeps the per-graph content hashes of the state it was brought
to (``checks.incremental.graph_hashes``) and, given the hashes now, reads again only the subjects or the structure
parts those graphs change. Saved with the hashes they hold, they are valid for any later state: a restarted
process compares, exactly as the same process would have. At 1.1M triples making them from nothing is what the
first dashboard (coverage's structure, ~6 s, and its digests, ~3.5 s) and the first evidence list (~700k quads,
10-16 s) of a fresh process waited for.

Three files in ``DIR/cache`` (``graph.keptpickle``: owner-only, written whole then renamed, read back by an
unpickler that makes only the classes named here, under ``code_fingerprint``): the index's facts and latest dates,
the evidence rows as last made (read only when the list is asked for, and only if saved together with those facts),
and the coverage keeper with its last evaluations. A save pickles in a forked child (Linux) while the object's lock
is held only for the fork. Nothing here can fail a page: any error means the object is made from the store as before.
"""

from __future__ import annotations

import hashlib
import logging
import sys
import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox

from compgraph.graph import keptpickle
from compgraph.graph.store import GraphStore, LocalStore
from compgraph.questions import coverage as cv
from compgraph.questions import evidencelist as evl
from compgraph.questions import impact as im
from compgraph.questions import keptcoverage as kc

FORMAT = "kept-state-1"
INDEX, FACTS, ROWS, COVERAGE = "evidence-index", "evidence-facts", "evidence-rows", "coverage"
log = logging.getLogger(__name__)
T = TypeVar("T")

# What the saved objects are built of besides the types pickle writes without a name (str, int, tuple, list, dict,
# bool, None, bytes): anything else in a file stops the read.
_ALLOWED = frozenset({
    ("builtins", "set"), ("builtins", "frozenset"), ("builtins", "dict"),
    ("datetime", "date"), ("collections", "OrderedDict"),
    ("pyoxigraph", "NamedNode"), ("pyoxigraph", "BlankNode"),
    *(("compgraph.questions.coverage", name) for name in ("Snapshot", "Coverage", "SystemRow", "Binding", "_Masks")),
    ("compgraph.questions.keptcoverage", "_Evaluation"),
    ("compgraph.questions.impact", "SinglePointSummary"), ("compgraph.questions.impact", "Node"),
})


@cache
def code_fingerprint() -> str:
    """The code the saved objects come from, and pyoxigraph's version (their terms' classes)."""
    modules = (evl, kc, cv, im, sys.modules[__name__])
    return keptpickle.code_fingerprint(f"{FORMAT} {ox.__version__}", [Path(str(m.__file__)) for m in modules])


def _reduce(obj: object) -> object:
    # A snapshot's latest dates may be the index's own answer, which names the index: saved as the dates alone (the
    # keeper then compares them all once, instead of asking the index what changed).
    if type(obj) is evl.Latest:
        return dict, (dict(obj),)
    if type(obj) is evl.Tupled:  # done here, in the child that pickles, not under the index's lock
        return dict, ({k: tuple(v) for k, v in obj.items()},)
    return NotImplemented


def path_of(store: LocalStore, name: str) -> Path:
    return store.root / "cache" / f"{name}.pickle"


def _read(store: LocalStore, name: str) -> tuple[str, Any] | None:
    return keptpickle.read(path_of(store, name), code_fingerprint(), _ALLOWED)


def _stamp(hashes: dict[str, str] | None) -> str:
    return hashlib.sha256(repr(sorted((hashes or {}).items())).encode()).hexdigest()


# --- loading --------------------------------------------------------------------------------------------------------


def load_index(store: GraphStore) -> evl.EvidenceIndex | None:
    """The evidence index as last saved beside ``store`` (its facts and rows read when first needed); None if none."""

    def make(stamp: str, core: Any) -> evl.EvidenceIndex:
        def part(name: str) -> Callable[[], Any]:
            def read() -> Any:
                kept = _read(store, name)  # type: ignore[arg-type]
                return kept[1] if kept is not None and kept[0] == stamp else None

            return read

        return evl.EvidenceIndex.from_kept(core, part(FACTS), part(ROWS))

    return _load(store, INDEX, make)


def load_keeper(store: GraphStore) -> kc.CoverageKeeper | None:
    """The coverage keeper as last saved beside ``store``; None if none."""
    return _load(store, COVERAGE, lambda _, state: kc.CoverageKeeper.from_kept(state))


def _load(store: GraphStore, name: str, make: Callable[[str, Any], T]) -> T | None:
    """``make(stamp, state)`` of what is saved under ``name``; None if nothing is, or it is not what ``make`` takes."""
    if not isinstance(store, LocalStore):
        return None
    found = _read(store, name)
    if found is None:
        return None
    try:
        return make(*found)
    except (KeyError, TypeError, ValueError) as exc:
        log.warning("%s ignored: %s", path_of(store, name), exc)
        return None


# --- saving ---------------------------------------------------------------------------------------------------------


class Saved:
    """Which states of one store's objects are on disk, so that an unchanged one is not written again."""

    def __init__(self) -> None:
        self.stamps: dict[str, str] = {}
        self.lock = threading.Lock()


def save(store: GraphStore, index: evl.EvidenceIndex | None, keeper: kc.CoverageKeeper | None,
         saved: Saved | None = None, fork: bool | None = None) -> list[str]:
    """Write ``index`` and ``keeper`` beside ``store`` where their state moved since ``saved`` last recorded it; the
    names written. ``fork`` (default: on Linux) pickles in a child process forked while the object's lock is held,
    so that neither the lock nor the GIL is held while it pickles."""
    if not isinstance(store, LocalStore) or store.read_only:
        return []
    saved = saved or Saved()
    fork = sys.platform.startswith("linux") if fork is None else fork
    written: list[str] = []
    with saved.lock:  # one save at a time per store
        for key, obj in ((INDEX, index), (COVERAGE, keeper)):
            if obj is None:
                continue
            with obj.lock:
                found = obj.kept_state()
                if found is None:
                    continue
                if isinstance(obj, evl.EvidenceIndex):
                    core, facts, rows = found
                    files: list[tuple[str, Any]] = [(INDEX, core), (FACTS, facts)]
                    files += [(ROWS, rows)] if rows is not None else []
                    stamp = _stamp(obj.hashes) + "".join(f"+{name}" for name, _ in files)
                else:
                    files = [(COVERAGE, found)]
                    stamp = f"{_stamp(obj.hashes)}+{sorted(obj.kept_dates())}"
                if saved.stamps.get(key) == stamp:
                    continue
                done = keptpickle.dump(((path_of(store, n), v) for n, v in files), code_fingerprint(), stamp, fork,
                                       _reduce)
            if done():
                saved.stamps[key] = stamp
                written += [name for name, _ in files]
    return written


def keep_saving(store: GraphStore, objects: Callable[[], tuple[evl.EvidenceIndex | None, kc.CoverageKeeper | None]],
                stop: threading.Event, every: float) -> None:
    """Save ``objects()`` beside ``store`` now and then every ``every`` seconds until ``stop`` is set: what a server
    reached after a write is on disk for its next start within that time."""
    saved = Saved()
    while True:
        try:
            save(store, *objects(), saved=saved)
        except Exception:  # noqa: BLE001 - a thread that saves a cache must never take the server down
            log.exception("kept state not saved")
        if stop.wait(every):
            return
