"""A bounded pool of reusable query worker processes for the SPARQL endpoint's untrusted queries.

Oxigraph cannot cancel a running query and a query can ask for gigabytes, so untrusted text never runs in
the server process. Each worker is a fresh (spawned, not forked) process that opens the store read-only,
caps its own address space (RLIMIT_AS), leaves the network behind (a network namespace of its own when the
kernel allows it), and does everything with the query text there: the SERVICE guard's parse, Oxigraph's
evaluation, the result caps and the serialisation. The server thread only waits for bytes or the deadline.

A worker is reused until it misbehaves: at the deadline it is killed and a new one started, and one that
dies (out of memory) is replaced the same way. When every worker is busy and the short waiting line is
full, ``run`` raises ``PoolFull`` at once (the endpoint answers 503 with Retry-After), and no client may
hold more than ``size - 1`` workers, so one client's runaway queries cannot starve everyone else.

Answers are kept per store state (``storestate.files_stamp``: it changes with every write) and the whole
request (text, base IRI, graphs, media types, caps), so a query that dashboards and scripts repeat is
answered from memory without a worker: under fifty clients that is what keeps a COUNT from queueing behind
the workers (each spends ~15 ms parsing the text for SERVICE and ~35 ms counting 12k triples). Only answers
a worker gave are kept (so only texts that passed its checks), never errors, and never a query that may
answer differently on the same data: any text naming NOW, RAND, UUID/STRUUID or BNODE, even inside a string
or a longer word, is always run.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import threading
from collections import OrderedDict
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from compgraph.web.queryworker import expand_escapes
from compgraph.web.storestate import files_stamp

DEFAULT_MEMORY_BYTES = 1024 * 1024 * 1024
# The folder holding the compgraph package, so the worker imports this very copy of it.
_SRC = str(Path(__file__).resolve().parents[2])
_BOOT = "import sys; from compgraph.web.queryworker import boot; boot(sys.argv[1:])"


class PoolFull(RuntimeError):
    """Every worker is busy and the waiting line is full, or this client already holds its share."""


class QueryRefused(ValueError):
    """The query was refused or failed in a way that is the client's to fix (a 4xx)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class QueryStopped(RuntimeError):
    """The worker was stopped: past the time limit or out of memory (a 503)."""


@dataclass
class Answer:
    kind: str  # SELECT | ASK | CONSTRUCT
    media: str
    body: bytes
    result: Any = None  # the QueryResult itself, for a request with ``as_result`` (no body then)


# Functions whose answer can change without a write (SPARQL 1.1 §17.4): such a query is never answered from
# the cache. A bare substring test: a false match only costs a worker run.
_VOLATILE = re.compile("now|rand|uuid|bnode", re.IGNORECASE)
ANSWERS_BUDGET = 64 * 1024 * 1024
# The canned questions' answers at 1M triples are 1-3.5 MB of JSON (coverage-by-system: 6.7k systems), and a
# repeat of one took 1-9 s of a worker when only answers under 1 MB were kept.
ANSWER_MAX = 8 * 1024 * 1024


class AnswerCache:
    """Answers by (store state, request), least recently used out once they pass ``budget`` bytes."""

    def __init__(self, budget: int = ANSWERS_BUDGET) -> None:
        self.budget = budget
        self.size = 0
        self.hits = 0
        self._data: OrderedDict[tuple, Answer] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(location: str, request: dict[str, Any]) -> tuple | None:
        """The cache key of a request, or None when it must run (volatile text, or no readable store)."""
        if request.get("as_result") or _VOLATILE.search(expand_escapes(request["query"])):
            return None
        stamp = files_stamp(location)
        if stamp is None:
            return None
        return (hash(stamp), repr(sorted(request.items())))

    def get(self, key: tuple) -> Answer | None:
        with self._lock:
            answer = self._data.get(key)
            if answer is not None:
                self.hits += 1
                self._data.move_to_end(key)
            return answer

    def put(self, key: tuple, answer: Answer) -> None:
        if len(answer.body) > ANSWER_MAX:
            return
        with self._lock:
            old = self._data.pop(key, None)
            self.size += len(answer.body) - (len(old.body) if old is not None else 0)
            self._data[key] = answer
            while self.size > self.budget and self._data:
                _, dropped = self._data.popitem(last=False)
                self.size -= len(dropped.body)


@dataclass
class _Worker:
    proc: Any
    conn: Any
    isolated: bool


@dataclass
class PoolSettings:
    size: int = 2
    waiting: int = 32  # requests that may wait for a free worker before the pool answers "full"
    memory_bytes: int = DEFAULT_MEMORY_BYTES
    isolate_network: bool = True
    per_client: int | None = None  # default: size - 1 (at least 1)


class QueryPool:
    """Reusable query workers over one on-disk store; thread-safe."""

    def __init__(self, location: str, settings: PoolSettings | None = None) -> None:
        self.location = location
        self.settings = settings or PoolSettings()
        self._lock = threading.Condition()
        self._idle: list[_Worker] = []
        self._count = 0  # live workers, busy or idle
        self._waiting = 0
        self._clients: dict[str, int] = {}
        self._closed = False
        self.network_isolated: bool | None = None  # known once a worker has started
        self.answers = AnswerCache()

    @property
    def per_client(self) -> int:
        s = self.settings
        return s.per_client if s.per_client is not None else max(1, s.size - 1)

    # --- workers -------------------------------------------------------------------------------

    def _start_worker(self) -> _Worker:
        # A fresh interpreter rather than multiprocessing's spawn: that one re-imports the caller's __main__,
        # which fails in any script without a main guard. The socket pair carries pickled messages.
        parent_sock, child_sock = socket.socketpair()
        s = self.settings
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_SRC, env.get("PYTHONPATH", "")) if p)
        # The memory limit caps address space, and glibc reserves 64 MB of it for each malloc arena, one per
        # thread that meets contention (RocksDB's and Oxigraph's among them): an idle worker reserved 490-620 MB,
        # peaking at 580-720 MB while it opened the store, so under a 700 MB limit it sometimes aborted before
        # it could answer. Two arenas keep the idle worker at 225 MB and the limit about the query.
        env["MALLOC_ARENA_MAX"] = "2"
        args = [str(child_sock.fileno()), self.location, str(s.memory_bytes), "1" if s.isolate_network else "0"]
        try:
            proc = subprocess.Popen(
                [sys.executable, "-c", _BOOT, *args], pass_fds=[child_sock.fileno()], env=env, close_fds=True
            )
        finally:
            child_sock.close()
        conn = Connection(parent_sock.detach())
        if not conn.poll(60):
            proc.kill()
            raise QueryStopped("a query worker did not start within 60 s")
        try:
            hello = conn.recv()
        except EOFError as exc:
            proc.wait(5)
            raise QueryStopped(f"a query worker failed to start (exit code {proc.returncode})") from exc
        if hello.get("error"):
            proc.kill()
            raise QueryStopped(f"a query worker failed to start: {hello['error']}")
        self.network_isolated = bool(hello["isolated"])
        return _Worker(proc, conn, bool(hello["isolated"]))

    @staticmethod
    def _discard(worker: _Worker) -> None:
        if worker.proc.poll() is None:
            worker.proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):  # the pool forgets it either way
            worker.proc.wait(5)
        worker.conn.close()

    def _acquire(self, client: str, wait: float) -> _Worker | None:
        """An idle worker, or None when the caller should start one; PoolFull when it must not wait."""
        s = self.settings
        with self._lock:
            if self._closed:
                raise PoolFull("the query pool is shut down")
            if self._clients.get(client, 0) >= self.per_client:
                raise PoolFull(f"you already have {self.per_client} queries running; wait for one to finish")
            if not self._idle and self._count >= s.size and self._waiting >= s.waiting:
                raise PoolFull("every query worker is busy")
            self._clients[client] = self._clients.get(client, 0) + 1
            self._waiting += 1
            try:
                ok = self._lock.wait_for(lambda: self._idle or self._count < s.size, timeout=wait)
                if not ok:
                    self._release_client(client)
                    raise PoolFull("every query worker stayed busy")
                if self._idle:
                    return self._idle.pop()
                self._count += 1  # reserved: the caller starts it outside the lock
                return None
            finally:
                self._waiting -= 1

    def _release_client(self, client: str) -> None:
        n = self._clients.get(client, 0) - 1
        if n > 0:
            self._clients[client] = n
        else:
            self._clients.pop(client, None)

    def _give_back(self, client: str, worker: _Worker | None) -> None:
        with self._lock:
            self._release_client(client)
            if worker is not None and not self._closed:
                self._idle.append(worker)
            else:
                self._count -= 1
                if worker is not None:
                    self._discard(worker)
            self._lock.notify()

    # --- the one entry point ---------------------------------------------------------------------

    def run(self, request: dict[str, Any], *, client: str, timeout: float) -> Answer:
        """Run one query request (see ``queryworker.handle``) within ``timeout`` seconds, or answer it from
        the cache when the same request was answered on the store as it is now."""
        key = AnswerCache.key(self.location, request)
        cached = self.answers.get(key) if key is not None else None
        if cached is not None:
            return cached
        worker = self._acquire(client, wait=timeout)
        keep: _Worker | None = None
        try:
            if worker is None:
                worker = self._start_worker()
            worker.conn.send(request)
            if not worker.conn.poll(timeout):
                raise QueryStopped(f"query stopped after the {timeout:g} s time limit")
            try:
                reply = worker.conn.recv()
            except EOFError as exc:
                mib = self.settings.memory_bytes // (1024 * 1024)
                raise QueryStopped(f"the query worker stopped (more than the {mib} MiB memory limit?)") from exc
            keep = worker if reply.get("reusable", True) else None
        finally:
            self._give_back(client, keep)
            if keep is None and worker is not None:
                self._discard(worker)
        if "error" in reply:
            raise QueryRefused(reply["status"], reply["error"])
        answer = Answer(reply["kind"], reply["media"], reply["body"], reply.get("result"))
        if key is not None:
            self.answers.put(key, answer)
        return answer

    def warm(self) -> None:
        """Start every worker now (``serve`` does, in the background) so no query waits for a start-up."""
        while True:
            with self._lock:
                if self._closed or self._count >= self.settings.size:
                    return
                self._count += 1
            try:
                worker = self._start_worker()
            except QueryStopped:
                with self._lock:
                    self._count -= 1
                raise
            with self._lock:
                self._idle.append(worker)
                self._lock.notify()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
            self._count -= len(idle)
        for w in idle:
            self._discard(w)


def for_app(app: Any) -> QueryPool | None:
    """The Flask app's pool, made on first use; None for a remote store (it runs its own queries)."""
    from compgraph.graph.store import LocalStore

    store = app.extensions.get("compgraph_store")
    if not isinstance(store, LocalStore):
        return None
    pool = app.extensions.get("compgraph_query_pool")
    if pool is not None:
        return pool
    cfg = app.config
    settings = PoolSettings(
        size=int(cfg.get("SPARQL_WORKERS", 2)),
        waiting=int(cfg.get("SPARQL_WAITING", 32)),
        memory_bytes=int(cfg.get("SPARQL_WORKER_MEMORY", DEFAULT_MEMORY_BYTES)),
        isolate_network=bool(cfg.get("SPARQL_ISOLATE_NETWORK", True)),
    )
    with _CREATE_LOCK:
        pool = app.extensions.get("compgraph_query_pool")
        if pool is None:
            pool = app.extensions["compgraph_query_pool"] = QueryPool(store.location, settings)
    return pool


def warm_in_background(app: Any) -> None:
    """Start the app's query workers in a thread (at ``serve``, or when the SPARQL console opens)."""

    def warm() -> None:
        pool = for_app(app)
        if pool is None:
            return
        try:
            pool.warm()
        except QueryStopped as exc:
            app.logger.error("query workers could not start: %s", exc)

    threading.Thread(target=warm, name="compgraph-workers", daemon=True).start()


_CREATE_LOCK = threading.Lock()
