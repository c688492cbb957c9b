"""Whole answers of the browser's read-only pages, kept per store state: a warm page is a dict lookup.

Under fifty clients on two cores the pages themselves were the cost (a system's trace page: 130 ms of
queries and 45 ms of template per request, all under the GIL), not the data. An answer is kept under
(page and its query string, host, store state, today's date, who asks):

- the store state (``storestate``) changes with every write, so no page from before a write is served
  after it; today's date is in the key because "as of" defaults to today;
- who asks (user name and role, or nobody in single-user mode) is in the key because the page shows it: a
  page is never served to another user;
- a form's CSRF token belongs to one session: it is kept as a random placeholder (made anew each time
  the process starts, so no page text can spell it) and each answer gets the asking session's own token;
- pages that list the canned questions add the question files' names, sizes and times to the key;
- every page adds the sizes and times of the evidence files validation hashes, so a changed file is
  reported at once, not after the next write.

Only 200 answers to GET are kept, never their cookies; the cache holds at most ``BUDGET`` bytes (least
recently used out first) and no single answer over ``MAX_ENTRY``. A remote store has no cheap state, so
its pages are not kept. ``PAGE_CACHE = False`` in the app config turns the cache off.

The answers are also kept on disk beside the embedded store (``DIR/cache/pages.sqlite``, readable by its
owner only), keyed by the store's lasting state (``storestate.lasting_key``: the audit trail's head, which
every write moves in the same transaction) instead of its files, so the first visitor after a server restart
on an unchanged store gets the page from there rather than seconds of queries. Any write, by the CLI or the
server, moves the key: nothing kept before it is served after it, and the first answer kept under a new state
removes the old ones. The key also holds a fingerprint of the files pages are made from (code, templates,
shapes and questions), so an upgrade never serves
pages its templates no longer make, and of the app's configuration, so a server restarted with other options
never serves the pages of the old ones. ``PAGE_CACHE_DISK = True`` in the app config (``compgraph serve``
sets it) turns the disk on; a store whose directory cannot be written keeps its pages in memory only.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import secrets
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar, cast

from flask import Response, current_app, g, request
from flask_wtf.csrf import generate_csrf

from compgraph.graph import paths
from compgraph.graph.keptfile import KeptFile
from compgraph.web.storestate import dir_stamp, store_state

BUDGET = 64 * 1024 * 1024
MAX_ENTRY = 4 * 1024 * 1024
F = TypeVar("F", bound=Callable[..., Any])
_Entry = tuple[int, list[tuple[str, str]], bytes]
_PLACEHOLDER = f"csrf-placeholder-{secrets.token_hex(16)}".encode()


class DiskPages(KeptFile):
    """Answers kept in one SQLite file under a hash of their key, tagged with the store state they belong to.

    The CSRF placeholder is per process, so on disk the file's own random placeholder (kept in the file,
    which only the owner can read) stands in for it. Any SQLite error turns the disk off for this process:
    a page is then made as if it had never been kept, never failed.
    """

    def __init__(self, path: Path, budget: int = BUDGET) -> None:
        super().__init__(
            path, budget,
            ["CREATE TABLE IF NOT EXISTS pages (key TEXT PRIMARY KEY, state TEXT NOT NULL, status INTEGER,"
             " headers TEXT, body BLOB, used REAL)",
             "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)"],
            "page cache on disk",
        )
        self.hits = 0
        self._state: str | None = None
        assert self._db is not None  # just opened
        with self._db:
            self._db.execute(
                "INSERT OR IGNORE INTO meta VALUES ('placeholder', ?)", (f"csrf-kept-{secrets.token_hex(16)}",)
            )
        row = self._db.execute("SELECT value FROM meta WHERE name = 'placeholder'").fetchone()
        self._placeholder = str(row[0]).encode()

    def get(self, key: str) -> _Entry | None:
        def read(db: sqlite3.Connection) -> _Entry | None:
            row = db.execute("SELECT status, headers, body FROM pages WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            db.execute("UPDATE pages SET used = ? WHERE key = ?", (time.time(), key))
            headers = [(str(k), str(v)) for k, v in json.loads(row[1])]
            return int(row[0]), headers, bytes(row[2]).replace(self._placeholder, _PLACEHOLDER)

        entry = self._run(read)
        if entry is not None:
            self.hits += 1
        return entry

    def put(self, key: str, state: str, entry: _Entry) -> None:
        status, headers, body = entry

        def write(db: sqlite3.Connection) -> None:
            if state != self._state:  # the store has moved on: what was kept for earlier states is never served
                db.execute("DELETE FROM pages WHERE state != ?", (state,))
                self._state = state
            db.execute(
                "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?)",
                (key, state, status, json.dumps(headers), body.replace(_PLACEHOLDER, self._placeholder), time.time()),
            )
            self._within_budget(db, "pages")

        self._run(write)


@functools.cache
def code_fingerprint() -> str:
    """Names, sizes and times of the files pages are made from: compgraph's code, the templates and static
    files, and the ontology folder (shapes and questions, read at run time). A new version differs."""
    import compgraph

    seen = []
    for root in (Path(compgraph.__file__).resolve().parent, paths.web_dir(), paths.ontology_dir()):
        for folder, _dirs, files in os.walk(root):
            for name in files:
                if not name.endswith((".pyc", ".pyo")):
                    st = os.stat(os.path.join(folder, name))
                    seen.append(f"{os.path.join(folder, name)} {st.st_size} {st.st_mtime_ns}")
    return hashlib.sha256("\n".join(sorted(seen)).encode()).hexdigest()


def config_fingerprint() -> str:
    """The app's configuration as a page depends on it (logins, hosts, limits): part of the key on disk."""
    known = current_app.extensions.get("compgraph_config_fingerprint")
    if known is None:
        # Values that print as a memory address (functions, objects) differ in every process; they name code,
        # which code_fingerprint covers. The secret key changes no page and stays out of anything written down.
        # Sets print in an order that differs between processes.
        items = sorted(
            (k, str(sorted(map(str, v)) if isinstance(v, (set, frozenset)) else v))
            for k, v in current_app.config.items()
            if k != "SECRET_KEY" and " at 0x" not in str(v)
        )
        known = current_app.extensions["compgraph_config_fingerprint"] = hashlib.sha256(
            json.dumps(items).encode()
        ).hexdigest()
    return str(known)


def disk_for(store: Any) -> DiskPages | None:
    """The store's page file (one per store and process), or None: a remote store, or an unwritable one."""
    root = getattr(store, "root", None)
    if root is None or current_app.config.get("PAGE_CACHE_DISK") is not True:
        return None
    disks: dict[str, DiskPages | None] = current_app.extensions.setdefault("compgraph_page_disk", {})
    where = str(root)
    if where not in disks:
        try:
            disks[where] = DiskPages(Path(root) / "cache" / "pages.sqlite")
        except (OSError, sqlite3.Error):
            disks[where] = None  # a read-only store: pages are kept in memory only
    return disks[where]


class PageCache:
    """Answers by key, least recently used out first once they pass ``budget`` bytes; thread-safe."""

    def __init__(self, budget: int = BUDGET) -> None:
        self.budget = budget
        self.size = 0
        self.hits = 0
        self.misses = 0
        self._data: OrderedDict[tuple, _Entry] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> _Entry | None:
        with self._lock:
            entry = self._data.get(key)
            if entry is None:
                self.misses += 1
                return None
            self.hits += 1
            self._data.move_to_end(key)
            return entry

    def put(self, key: tuple, entry: _Entry) -> None:
        if len(entry[2]) > MAX_ENTRY:
            return
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self.size -= len(old[2])
            self._data[key] = entry
            self.size += len(entry[2])
            while self.size > self.budget and self._data:
                _, dropped = self._data.popitem(last=False)
                self.size -= len(dropped[2])


def for_app() -> PageCache:
    return current_app.extensions.setdefault("compgraph_page_cache", PageCache())


def _csrf_field() -> str:
    return str(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"))


_evidence_paths: dict[tuple, list[str]] = {}
_evidence_lock = threading.Lock()


def evidence_stamp(store: Any, state_key: tuple) -> tuple[tuple[str, int, int], ...]:
    """Sizes and times of the evidence files validation hashes: a page showing its findings (the gaps, the
    dashboard's counts) is only kept while they are as they were. Which files is read once per store state."""
    with _evidence_lock:
        files = _evidence_paths.get(state_key)
    if files is None:
        from compgraph.checks.integrity import evidence_files

        files = [str(p) for p in evidence_files(store)]
        with _evidence_lock:
            if len(_evidence_paths) > 16:
                _evidence_paths.clear()
            _evidence_paths[state_key] = files
    out = []
    for f in files:
        try:
            st = os.stat(f)
            out.append((f, st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((f, -1, 0))
    return tuple(out)


def _key(questions: bool) -> tuple[tuple, tuple[DiskPages, str, str] | None] | None:
    """The answer's key in memory, and where on disk it is kept (file, key, state) if it is."""
    from compgraph.web.model import get_store

    store = get_store()
    state = store_state(store)
    if state.stamp is None:
        return None
    user = g.get("user")
    parts = (
        request.endpoint,
        request.host,
        request.full_path,
        # Pages negotiate HTML, JSON and JSON-LD on Accept (a ``.jsonld`` address becomes that header).
        request.headers.get("Accept", ""),
        date.today(),
        (user.name, user.role) if user is not None else None,
        dir_stamp(paths.queries_dir(), ".rq") if questions else None,
        evidence_stamp(store, state.key),
    )
    disk = disk_for(store) if state.lasting_key is not None else None
    kept = None
    if disk is not None:
        lasting = json.dumps([state.lasting_key, code_fingerprint(), config_fingerprint()], default=str)
        key = hashlib.sha256(json.dumps([lasting, parts], default=str).encode()).hexdigest()
        kept = (disk, key, hashlib.sha256(lasting.encode()).hexdigest())
    return (*parts, state.key), kept


def cached_page(questions: bool = False) -> Callable[[F], F]:
    """Keep the view's 200 answers to GET per store state (see the module's docstring)."""

    def wrap(view: F) -> F:
        @functools.wraps(view)
        def cached(*args: Any, **kwargs: Any) -> Any:
            if request.method != "GET" or current_app.config.get("PAGE_CACHE") is False:
                return view(*args, **kwargs)
            keys = _key(questions)
            if keys is None:
                return view(*args, **kwargs)
            key, kept = keys
            cache = for_app()
            entry = cache.get(key)
            if entry is None and kept is not None:
                entry = kept[0].get(kept[1])
                if entry is not None:
                    cache.put(key, entry)
            if entry is not None:
                status, headers, body = entry
                if _PLACEHOLDER in body:
                    body = body.replace(_PLACEHOLDER, generate_csrf().encode())
                return Response(body, status=status, headers=headers)
            resp = current_app.make_response(view(*args, **kwargs))
            if resp.status_code == 200 and not resp.is_streamed:
                body = resp.get_data()
                token = g.get(_csrf_field())
                if token:
                    body = body.replace(str(token).encode(), _PLACEHOLDER)
                headers = [(k, v) for k, v in resp.headers.items() if k.lower() not in ("set-cookie", "content-length")]
                cache.put(key, (resp.status_code, headers, body))
                if kept is not None:
                    kept[0].put(kept[1], kept[2], (resp.status_code, headers, body))
            return resp

        return cast(F, cached)

    return wrap
