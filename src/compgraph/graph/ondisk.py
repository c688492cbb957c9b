"""The embedded store's directory: generations of an Oxigraph database and a HEAD file naming the current one.

::

    DIR/HEAD          "gen-000007" and the number of graphs it held when written
    DIR/gen-000007/   an Oxigraph (RocksDB) database: the only one anything reads
    DIR/write.lock    flock() held by the one process allowed to write

A write that is more than a few triples builds the next generation beside the current one (a RocksDB checkpoint,
which hard-links the files, so it is cheap), applies its changes there, flushes them, and only then replaces HEAD
(``os.replace``, atomic). Until HEAD moves nothing reads the new generation; a crash before that leaves a
generation HEAD does not name, which the next open removes. Readers therefore see the old state or the new one,
never a mix and never staging data.

Opening never creates or repairs anything behind the user's back: a database is first opened read-only (RocksDB
then writes nothing, so it cannot "recover" a damaged directory into an empty one and delete the old files), and
every RocksDB error becomes :class:`StoreDamaged`.
"""

from __future__ import annotations

import errno
import fcntl
import gc
import json
import os
import re
import shutil
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from compgraph.graph import sparqlparse

HEAD = "HEAD"
LOCK = "write.lock"
_GEN = re.compile(r"gen-(\d{6,})")
# RocksDB writes a checkpoint into "<dir>.tmp" and renames it when complete: a write killed while the
# next generation is being copied leaves that staging directory behind.
_GEN_STAGING = re.compile(r"gen-\d{6,}\.tmp")
BUILD_HINT = "build one with: compgraph --store {root} build"
READ_ONLY_ERRNOS = (errno.EACCES, errno.EPERM, errno.EROFS)


class StoreError(RuntimeError):
    """The store could not be opened, read or written."""


class StoreUnavailable(StoreError):
    """There is no usable store: missing, damaged, locked by another writer, or read-only for a write."""


class StoreMissing(StoreUnavailable):
    """No store at the given location."""


class StoreDamaged(StoreUnavailable):
    """The store's files are damaged or are not a compgraph store."""


class StoreReadOnly(StoreUnavailable):
    """A write was asked of a store that can only be read."""


class StoreBusy(StoreUnavailable):
    """Another process is writing to the store."""


def inject(point: str) -> None:
    """Test hook: ``COMPGRAPH_CRASH_AT=point`` kills the process here (SIGKILL, no clean-up runs);
    ``COMPGRAPH_FAIL_AT=point`` raises ENOSPC here, as a full disk would. Both are unset in normal use."""
    if os.environ.get("COMPGRAPH_CRASH_AT") == point:
        os.kill(os.getpid(), signal.SIGKILL)
    if os.environ.get("COMPGRAPH_FAIL_AT") == point:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), point)


@dataclass(frozen=True)
class Head:
    generation: str
    graphs: int


def _first_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] or type(exc).__name__


def has_files(root: Path) -> bool:
    return root.is_dir() and any(p.name != LOCK for p in root.iterdir())


def is_legacy(root: Path) -> bool:
    """A database written by compgraph before generations: RocksDB files directly in the directory."""
    return (root / "CURRENT").exists() and not (root / HEAD).exists()


def read_head(root: Path) -> Head:
    try:
        words = (root / HEAD).read_text(encoding="ascii").split()
    except FileNotFoundError as exc:
        raise StoreDamaged(f"{root} is not a compgraph store or is damaged: its HEAD file is missing") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise StoreDamaged(f"{root} is damaged: cannot read HEAD ({_first_line(exc)})") from exc
    if len(words) != 2 or not _GEN.fullmatch(words[0]) or not words[1].isdigit():
        raise StoreDamaged(f"{root} is damaged: HEAD does not name a generation")
    return Head(words[0], int(words[1]))


def locate(root: Path) -> tuple[Path, Head | None]:
    """The database directory to open (and what HEAD promised about it); raises if there is none."""
    if not has_files(root):
        raise StoreMissing(f"no store at {root}; " + BUILD_HINT.format(root=root))
    if is_legacy(root):
        return root, None
    head = read_head(root)
    db = root / head.generation
    if not db.is_dir():
        raise StoreDamaged(f"{root} is damaged: HEAD names {head.generation}, which is missing")
    return db, head


_LIVE_RETRIES = 5


def open_db(root: Path, db: Path, head: Head | None, *, read_only: bool) -> ox.Store:
    """Open a database, read-only first so a damaged one is reported, never rewritten."""
    if not (db / "CURRENT").is_file():
        raise StoreDamaged(f"{root} is damaged: {db.name}/CURRENT is missing")
    for attempt in range(_LIVE_RETRIES + 1):
        try:
            probe = ox.Store.read_only(str(db))
            graphs = sum(1 for _ in probe.named_graphs())
            break
        except (OSError, RuntimeError) as exc:
            # A read-only open beside a live writer can read a MANIFEST naming a table file the writer's
            # compaction has just replaced: open again (it reads the new MANIFEST) before calling it damaged.
            if attempt < _LIVE_RETRIES and "No such file or directory" in str(exc):
                time.sleep(0.05 * (attempt + 1))
                continue
            raise StoreDamaged(f"{root} is damaged: {_first_line(exc)}") from exc
    if head is not None and head.graphs and not graphs:
        # RocksDB drops a log it cannot read and opens what is left: here, nothing of what HEAD recorded.
        raise StoreDamaged(f"{root} is damaged: it opens empty but held {head.graphs} graphs")
    if read_only:
        return probe
    del probe
    try:
        return ox.Store(str(db))
    except (OSError, RuntimeError) as exc:
        if "lock hold by current process" not in str(exc):
            raise _unwritable(root, exc) from exc
    # A store this process closed whose database is still held somewhere (``let_go``) holds RocksDB's lock.
    let_go()
    try:
        return ox.Store(str(db))
    except (OSError, RuntimeError) as again:
        raise _unwritable(root, again) from again


def _unwritable(root: Path, exc: BaseException) -> StoreDamaged:
    return StoreDamaged(f"{root} cannot be opened for writing: {_first_line(exc)}")


def let_go() -> None:
    """Let go of databases (and their RocksDB locks) held only by a reference cycle waiting for the garbage
    collector or by a frame a parser's cache keeps (``sparqlparse``)."""
    sparqlparse.forget_parses()
    gc.collect()


def writable(root: Path) -> bool:
    probe = root if root.exists() else root.parent
    return os.access(probe, os.W_OK)


def lock(root: Path) -> IO[bytes]:
    """Take the store's write lock (held until the returned file is closed)."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        fh = (root / LOCK).open("ab")
    except OSError as exc:
        if exc.errno in READ_ONLY_ERRNOS:
            raise StoreReadOnly(f"the store at {root} is read-only: {exc.strerror}") from exc
        raise StoreUnavailable(f"cannot write to {root}: {_first_line(exc)}") from exc
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        fh.close()
        raise StoreBusy(f"another process is writing to the store at {root}; try again when it has finished") from exc
    return fh


def try_lock(root: Path) -> IO[bytes] | None:
    try:
        return lock(root)
    except StoreUnavailable:
        return None


def remove_stale(root: Path) -> None:
    """Remove generations HEAD does not name (a crashed or finished write's leftovers); caller holds the lock."""
    keep = read_head(root).generation if (root / HEAD).exists() else None
    if keep is not None and not (root / keep / "CURRENT").is_file():
        return  # HEAD's own generation is broken: keep every file for whoever repairs it
    for p in root.iterdir():
        if (_GEN.fullmatch(p.name) and p.name != keep) or _GEN_STAGING.fullmatch(p.name) or p.name == HEAD + ".tmp":
            shutil.rmtree(p) if p.is_dir() else p.unlink()


def next_generation(root: Path) -> Path:
    numbers = [int(m.group(1)) for p in root.iterdir() if (m := _GEN.fullmatch(p.name))]
    return root / f"gen-{max(numbers, default=0) + 1:06d}"


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_head(root: Path, generation: str, graphs: int) -> None:
    tmp = root / (HEAD + ".tmp")
    with tmp.open("w", encoding="ascii") as fh:
        fh.write(f"{generation} {graphs}\n")
        fh.flush()
        os.fsync(fh.fileno())
    inject("head-written")
    os.replace(tmp, root / HEAD)
    _fsync_dir(root)


def commit(
    root: Path, current: ox.Store | None, apply: Callable[[ox.Store], None], scratch: tuple[str, ...] = ()
) -> Path:
    """Write a new generation (a copy of ``current`` changed by ``apply``) and make it HEAD; caller holds the lock.

    On any error the new generation is removed and HEAD still names the old one. HEAD records the number of graphs
    the generation holds less those named with a ``scratch`` prefix: the next open drops them in place, so a count
    with them would call a store that held only scratch graphs damaged ("opens empty") from then on.
    """
    new = next_generation(root)
    try:
        if current is not None:
            current.backup(str(new))
        db = ox.Store(str(new))
        inject("generation-opened")
        apply(db)
        inject("generation-applied")
        db.flush()
        graphs = sum(1 for g in db.named_graphs() if not (isinstance(g, ox.NamedNode) and g.value.startswith(scratch)))
        del db
        inject("generation-flushed")
        write_head(root, new.name, graphs)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        (root / (HEAD + ".tmp")).unlink(missing_ok=True)
        raise
    inject("head-moved")
    return new


# --- the running writer: how other processes reach the one process holding the write lock -------------------

WRITER = "writer.json"


@dataclass(frozen=True)
class Writer:
    url: str
    token: str


def publish_writer(root: Path, url: str) -> Writer:
    """Write DIR/writer.json (mode 0600: only the store's owner can read the token) naming a server that takes
    writes for this store; the caller holds the write lock and calls :func:`withdraw_writer` when it stops."""
    import json
    import secrets

    writer = Writer(url, secrets.token_urlsafe(32))
    tmp = root / (WRITER + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"url": url, "token": writer.token, "pid": os.getpid()}, fh)
    os.replace(tmp, root / WRITER)
    return writer


def withdraw_writer(root: Path, writer: Writer) -> None:
    current = read_writer(root)
    if current is not None and current.token == writer.token:
        (root / WRITER).unlink(missing_ok=True)


def read_writer(root: Path) -> Writer | None:
    """The running server that takes writes for this store, if one said so (the file may outlive a killed one)."""
    import json

    try:
        data = json.loads((root / WRITER).read_text(encoding="utf-8"))
        return Writer(str(data["url"]), str(data["token"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def kept_json(path: Path, fmt: str, kinds: dict[str, type]) -> dict[str, Any] | None:
    """What :func:`keep_json` left at ``path``, if it is a JSON object of the ``format`` ``fmt`` whose fields named in
    ``kinds`` are of those types; None for anything else (missing, unreadable, another writer's): the caller then
    does the work afresh, never a traceback."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or doc.get("format") != fmt:
        return None
    return doc if all(isinstance(doc.get(k), t) for k, t in kinds.items()) else None


def keep_json(path: Path, doc: object) -> bool:
    """Write ``doc`` as JSON to a private file beside the store (``DIR/cache/...``), whole or not at all: the next
    reader finds the old file or the new one, never half of one. False if it could not be written (a read-only
    folder), for callers whose file only saves work next time."""
    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            # dumps, not dump: json.dump streams through the pure-Python encoder (3.6 of 4.6 s for the kept rows
            # at 1.1M triples), dumps encodes in C in one piece (the same text; ~5x faster).
            fh.write(json.dumps(doc))
        os.replace(tmp, path)
    except OSError:
        return False
    return True
