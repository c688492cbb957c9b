"""Objects a later process goes on from, kept as files beside an embedded store: written whole then renamed,
readable and writable by their owner only, and read back so that a file nobody should trust makes data at most.

Used for what took seconds to make and is valid for any later state because it carries the state it was made for
(the evidence list's index, the kept coverage: ``questions.keptstate``; the last validation's rows and findings:
``checks.lastrun``). The format is pickle, read back by an unpickler that makes only the classes the caller names
(the Python documentation's "restricting globals"): a file written by anyone else can make data, never run code.
A file is read only if it belongs to this process's user and nobody else may write it, and only if it was written
under the caller's fingerprint of the code that made it.

``dump`` can pickle in a forked child (Linux): pickling millions of small objects holds the GIL for a second or
more, which a server's other threads would wait for; the child pickles a copy of memory taken at the fork (so the
caller forks while nothing mutates the objects, e.g. under their lock) and the parent waits without the GIL.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import logging
import os
import pickle
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def code_fingerprint(label: str, sources: Iterable[Path]) -> str:
    """The fingerprint a caller writes and reads its files under: ``label`` (its format and the versions of what
    makes its objects), Python's version, and the source of the modules its objects come from."""
    h = hashlib.sha256(f"{label} {sys.version}".encode())
    for source in sources:
        h.update(source.read_bytes())
    return h.hexdigest()


def write_file(target: Path, fingerprint: str, stamp: str, state: Any,
               reduce: Callable[[Any], Any] | None = None) -> None:
    """Write one file here and now, whole then renamed; raises what writing raised (for a caller that is itself a
    forked child, where logging could wait forever for a lock another thread held at the fork)."""
    class Pickler(pickle.Pickler):
        def reducer_override(self, obj: Any) -> Any:
            return reduce(obj) if reduce is not None else NotImplemented

    buf = io.BytesIO()
    Pickler(buf, protocol=5).dump((fingerprint, stamp, state))
    target.parent.mkdir(mode=0o700, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(buf.getbuffer())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def dump(files: Iterable[tuple[Path, Any]], fingerprint: str, stamp: str, fork: bool,
         reduce: Callable[[Any], Any] | None = None, detach: bool = False) -> Callable[[], bool]:
    """Start writing each (path, state) under ``fingerprint`` and ``stamp``: with ``fork`` in a child that exits when
    done, else here and now. The returned call tells whether all were written (waiting for the child). ``reduce``:
    pickle's ``reducer_override`` (NotImplemented for the usual way). ``detach``: the writing child is forked by a
    child that exits at once, so nobody waits for it (a CLI command returns; the init process reaps it); the
    returned call then only says it started."""
    files = list(files)
    if not fork:
        try:
            for target, state in files:
                write_file(target, fingerprint, stamp, state, reduce)
        except Exception as exc:  # noqa: BLE001 - a cache that cannot be kept is not kept
            log.warning("not kept: %s", exc)
            return lambda: False
        return lambda: True
    try:
        pid = os.fork()
    except OSError as exc:  # no process to spare (memory, a process limit): not kept, never an error of the caller's
        log.warning("not kept: %s", exc)
        return lambda: False
    if pid == 0:  # the child: write, then leave without the parent's exit handlers, buffers or logging locks
        code = 1
        try:
            if not detach or os.fork() == 0:
                for target, state in files:
                    write_file(target, fingerprint, stamp, state, reduce)
            code = 0
        finally:
            os._exit(code)

    def wait() -> bool:
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status) == 0

    return wait


def read(target: Path, fingerprint: str, allowed: frozenset[tuple[str, str]]) -> tuple[str, Any] | None:
    """The stamp and state written at ``target`` under ``fingerprint``; None when there is none, it was written by
    other code, or it cannot be trusted (another owner, writable by others, a class not ``allowed``, cut off)."""

    class Unpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            if (module, name) not in allowed:
                raise pickle.UnpicklingError(f"{module}.{name} is not part of a kept state")
            return super().find_class(module, name)

    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if (hasattr(os, "geteuid") and st.st_uid != os.geteuid()) or st.st_mode & 0o022:
                log.warning("%s ignored: not this user's own file", target)
                return None
            data = fh.read()
        with collector_paused():  # millions of small objects: a full collection would walk them again and again
            written, stamp, state = Unpickler(io.BytesIO(data)).load()
            # Straight into the oldest generation (freeze, then unfreeze, moves every object there without walking
            # any): left young, the next two collections would walk the millions again (0.15 s of a fresh dashboard
            # at 1.1M triples). Nothing stays frozen, so nothing is kept from the collector for good.
            gc.freeze()
            gc.unfreeze()
    except Exception as exc:  # noqa: BLE001 - a kept state is a cache: anything wrong means "make it again"
        log.warning("%s ignored: %s", target, exc)
        return None
    return (stamp, state) if written == fingerprint else None


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
