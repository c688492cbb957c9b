"""What the last incremental run in this process left, kept in memory beside its file (``incremental``).

A process that validates after each write (the web server, the bench) would otherwise read back and decode the
whole state file and make every finding again after each change: at 1.1M triples 28k rows, ~2.7 s of a run whose
queries take a few hundred milliseconds. The memory copy is used only while the state file is the very one this
process wrote or read (same inode, size and modification time): another process's write, a deleted file or a
different plan means reading the file as before.

A process that has not run before (the CLI's next ``validate --incremental``, a restarted server) finds the same
copy on disk beside the state file (``lastrun.pickle``, ``graph.keptpickle``: owner-only, read back by an unpickler
that makes only findings and RDF terms, under a fingerprint of this package's code), used on the same condition: the
state file is still the one the copy was made with. At 1.1M triples that took a fresh process's run after one
evidence item from ~2 s (decoding 28k rows, making every finding and label again) to ~1 s. The copy is pickled by a
forked child; a run that does not write behind (the CLI) does not wait for it (a second fork detaches it), so the
next process may not find it yet and reads the state file as before.

A process that keeps serving after a run (``write_behind``) writes the files behind: the findings are returned
before the ~0.6 s of writing at 1.1M triples, which a forked child does (Linux; else a background thread), so the
GIL its encoding holds keeps no request waiting. Each file is replaced whole (``ondisk``), so a crash leaves the old
file or the new one; the next run in the process waits for the write first (``settle``), and the interpreter waits
for it at exit.
"""

from __future__ import annotations

import logging
import os
import sys
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import rdflib
from rdflib.term import Node

from compgraph.checks.report import Finding
from compgraph.graph import keptpickle


@dataclass
class LastRun:
    stamp: tuple[int, int, int]
    doc: dict[str, Any]  # the state file's content (its rows encoded as written)
    ids: list[str]  # the plan's query ids, in the plan's order
    rows: list[list[dict[str, Node | None]]]  # each query's rows as terms
    findings: list[list[Finding]]  # each query's findings
    labels: dict[Node, str]  # the focus nodes' labels the findings were made with
    merged: list[Finding]  # every query's findings once, in report order (``merged``)
    owners: dict[Finding, int]  # how many queries found each


log = logging.getLogger(__name__)
_KEPT: dict[str, LastRun] = {}
_FORK = sys.platform.startswith("linux")  # where the files are written by a forked child (see ``write``)
FORMAT = "lastrun-1"
_ALLOWED = frozenset({
    ("rdflib.term", "URIRef"), ("rdflib.term", "Literal"), ("rdflib.term", "BNode"),
    ("compgraph.checks.report", "Finding"), ("builtins", "set"), ("builtins", "frozenset"),
})


@cache
def code_fingerprint() -> str:
    """The code the kept rows and findings were made by: every module of this package, rdflib's version (the terms'
    classes)."""
    return keptpickle.code_fingerprint(f"{FORMAT} {rdflib.__version__}", sorted(Path(__file__).parent.rglob("*.py")))


def memo_path(path: Path) -> Path:
    return path.with_name("lastrun.pickle")


def stamp_of(path: Path) -> tuple[int, int, int] | None:
    """What tells one version of the state file at ``path`` from another (taken before reading it)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def recall(path: Path, ids: list[str]) -> LastRun | None:
    """The last run's memory copy, if the file at ``path`` is still the one it was kept with, for this plan."""
    kept = _KEPT.get(str(path))
    if kept is None or kept.ids != ids or stamp_of(path) != kept.stamp:
        return None
    return kept


def recall_from_disk(path: Path, ids: list[str], doc: dict[str, Any], stamp: tuple[int, int, int] | None,
                     ) -> LastRun | None:
    """The copy another process kept on disk of its run that wrote the state file ``doc`` was read from (its
    ``stamp`` taken before), if that file is still the one at ``path``, for this plan."""
    if stamp is None:
        return None
    found = keptpickle.read(memo_path(path), code_fingerprint(), _ALLOWED)
    if found is None or found[0] != repr(stamp) or stamp_of(path) != stamp:
        return None
    kept_ids, rows, findings, labels, merged, owners = found[1]
    # The same plan may list its queries in another order in another process: each query's part goes by its id.
    at = {qid: i for i, qid in enumerate(kept_ids)}
    if len(at) != len(kept_ids) or at.keys() != set(ids) or len(ids) != len(kept_ids):
        return None
    rows, findings = [rows[at[q]] for q in ids], [findings[at[q]] for q in ids]
    run = LastRun(stamp, doc, ids, rows, findings, labels, merged, owners)
    keep(path, run, on_disk=False)
    return run if stamp_of(path) == stamp else None


def keep(path: Path, run: LastRun | None, on_disk: bool = True, wait: bool = True) -> None:
    """Keep ``run`` as what the file now at ``path`` holds (or forget it: None, or the file cannot be read); with
    ``on_disk``, for other processes too (``wait``: for the child that writes it; else it is detached)."""
    _KEPT.pop(str(path), None)
    stamp = stamp_of(path)
    if run is not None and stamp is not None:
        _remember(path, run, stamp)
        if on_disk:
            done = keptpickle.dump([(memo_path(path), _on_disk(run))], code_fingerprint(), repr(stamp), _FORK,
                                   detach=_FORK and not wait)
            done()


def _remember(path: Path, run: LastRun, stamp: tuple[int, int, int]) -> None:
    run.stamp = stamp
    if len(_KEPT) >= 8:  # a process opening many stores (the test suite) keeps a few
        _KEPT.clear()
    _KEPT[str(path)] = run


def merged(per_query: list[list[Finding]], memo: LastRun | None) -> tuple[list[Finding], dict[Finding, int]]:
    """Every query's findings once, in report order, and how many queries found each. Where only some queries'
    findings changed since ``memo``, its list with theirs taken out and put in (sorting 28k findings again took
    ~0.1 s of a ~0.3 s run at 1.1M triples); a finding leaves only when no query finds it any more."""
    if memo is not None and len(memo.findings) == len(per_query):
        changed = [i for i, found in enumerate(per_query) if found is not memo.findings[i]]
        got = _merged_into(memo, per_query, changed)
        if got is not None:
            return got
    owners = Counter(f for found in per_query for f in set(found))
    return sorted(owners, key=Finding.sort_key), dict(owners)


def _merged_into(
    memo: LastRun, per_query: list[list[Finding]], changed: list[int],
) -> tuple[list[Finding], dict[Finding, int]] | None:
    """None where the kept list does not hold a finding its counts say it does: sorted again, never a wrong list.
    None too where more than a quarter of the list went or came: each is a list insertion, sorting is cheaper then
    (a query's findings compared as sets: the implemented rule after a mapping holds 20k, of which a few moved)."""
    diffs = [(set(memo.findings[i]), set(per_query[i])) for i in changed]
    if sum(len(old ^ new) for old, new in diffs) > len(memo.merged) // 4:
        return None
    out, owners = list(memo.merged), dict(memo.owners) if changed else memo.owners
    for old, new in diffs:
        for f in old - new:
            if owners.get(f, 0) < 1:
                return None
            owners[f] -= 1
            if not owners[f]:
                del owners[f]
                at = bisect_left(out, f.sort_key(), key=Finding.sort_key)
                if at == len(out) or out[at] != f:
                    return None
                del out[at]
        for f in new - old:
            owners[f] = owners.get(f, 0) + 1
            if owners[f] == 1:
                insort(out, f, key=Finding.sort_key)
    return out, owners


_WRITER: ThreadPoolExecutor | None = None
_PENDING: dict[str, Future[None]] = {}
# Written behind in a forked child where there is fork (Linux): encoding the state file and the findings as JSON
# (26 MB, ~0.4 s at 1.1M triples) holds the GIL, so in a thread the page that asked for the run, and every other
# request, waited for it (a first /gaps after a write spent ~0.5 s more). The child writes from a copy of memory
# taken at the fork; the parent's thread waits for it without the GIL.


def write(path: Path, files: Callable[[], bool], run: LastRun | None, behind: bool) -> None:
    """Write the files beside ``path`` (``files``: False if they could not be written, e.g. a read-only store), then
    keep ``run`` as what the state file holds (None: leave what is kept as it is): now (the copy on disk pickled by
    a detached child the caller does not wait for), or ``behind``: after this returns, the writing in a forked
    child, which pickles the copy on disk itself."""
    global _WRITER
    if not behind:
        _here(path, files, run, wait=False)
        return
    if _WRITER is None:
        _WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="compgraph-state")
    _PENDING[str(path)] = _WRITER.submit(_behind, path, files, run)


def _here(path: Path, files: Callable[[], bool], run: LastRun | None, wait: bool = True) -> None:
    """``write``'s work in this process (``wait``: for the child that pickles the copy on disk)."""
    written = files()
    if run is not None or not written:
        keep(path, run if written else None, wait=wait)


def _behind(path: Path, files: Callable[[], bool], run: LastRun | None) -> None:
    if not _FORK:
        _here(path, files, run)
        return
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no process to spare: written here, as without fork
        os.close(read_end)
        os.close(write_end)
        _here(path, files, run)
        return
    if pid == 0:  # the child: no logging (another thread may have held its lock at the fork), no exit handlers
        code = 1
        try:
            os.close(read_end)
            if files():
                stamp = stamp_of(path)
                if run is not None and stamp is not None:
                    keptpickle.write_file(memo_path(path), code_fingerprint(), repr(stamp), _on_disk(run))
                os.write(write_end, repr(stamp).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as said:
        told = said.read().decode()
    _, status = os.waitpid(pid, 0)
    failed = os.waitstatus_to_exitcode(status) != 0
    if failed or not told:
        if failed:
            log.warning("the validation state beside %s was not written (the writing child failed)", path)
        keep(path, None, on_disk=False)  # not written (or not wholly): the next run reads the file, or runs whole
    elif run is not None:
        # Kept in memory only for the very file the child wrote: another process may have replaced it since.
        _KEPT.pop(str(path), None)
        stamp = stamp_of(path)
        if stamp is not None and repr(stamp) == told:
            _remember(path, run, stamp)


def _on_disk(run: LastRun) -> tuple[Any, ...]:
    return (run.ids, run.rows, run.findings, run.labels, run.merged, run.owners)


def settle(path: Path) -> None:
    """Wait for a background write of the files beside ``path`` (its error, if any, is raised here)."""
    pending = _PENDING.pop(str(path), None)
    if pending is not None:
        pending.result()
