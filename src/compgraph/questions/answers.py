"""Canned answers kept beside the embedded store, keyed by its lasting state: a repeated question is a lookup.

At ~1M triples the slow questions spend most of their time on work whose result only a write can change
(coverage-by-system counts 6.7k systems over 3.7k obligations; controls-without-current-evidence aggregates
81k evidence records), and each ``compgraph query`` is a new process, so an answer kept in memory would never
be asked twice. The answer is therefore kept on disk, in ``DIR/cache/answers.sqlite`` (readable by its owner
only, beside the browser's ``pages.sqlite``), under a hash of:

- the query text as run, parameters bound (so ``as_of``, which defaults to today, is part of it);
- the store's lasting state token (``graph.storestate``: the audit trail's head, which every write of
  ``LocalStore`` moves in the same transaction as its change), so nothing kept before a write is served
  after it, by this process or any other;
- the code that turns Oxigraph's terms into rdflib's (``graph.store``, ``graph.literals``), pyoxigraph's
  version and ``FORMAT``, so an upgrade never serves what the old code answered.

The token is read before and after the query and the answer is kept only if both agree: an answer is never
filed under a state it was not computed on, even with a write landing meanwhile. While a validation's scratch
graph exists (data no trail entry records) nothing is served or kept. The first answer kept under a
new state removes the others. Only SELECT and ASK answers are kept, and only of texts the caller found
deterministic (``queries.deterministic``). Terms are written as JSON (never pickle: the file is data).
Any SQLite error, an unwritable store directory or a remote store (no lasting state) means the question is
simply run; nothing here can fail a question.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from compgraph.checks.incremental import graph_hash
from compgraph.graph import durations, literals, namespaces
from compgraph.graph import store as store_module
from compgraph.graph.keptfile import KeptFile
from compgraph.graph.store import GraphStore, LocalStore, QueryResult, ResultTooLarge
from compgraph.graph.storestate import state_token
from compgraph.graph.writes import scratch_graphs

FORMAT = "answers-1"
# Larger answers are not worth a file's room: the web's own caches and a re-run serve them.
MAX_ENTRY = 8 * 1024 * 1024
BUDGET = 64 * 1024 * 1024
@cache
def code_fingerprint() -> str:
    """The code an answer or its rendering comes from: the term conversion, the formats, the versions."""
    h = hashlib.sha256(f"{FORMAT} {ox.__version__} {rdflib.__version__}".encode())
    for module in (store_module, literals, durations, namespaces):
        h.update(Path(str(module.__file__)).read_bytes())
    # By path, not import: queries imports this module.
    h.update((Path(__file__).parent / "queries.py").read_bytes())
    return h.hexdigest()


# --- terms as JSON ---------------------------------------------------------------------------


def _encode_term(term: Node) -> list[str]:
    if isinstance(term, URIRef):
        return ["u", str(term)]
    if isinstance(term, BNode):
        return ["b", str(term)]
    if isinstance(term, Literal):
        return ["l", str(term), str(term.datatype or ""), term.language or ""]
    raise TypeError(f"cannot keep {term!r}")


def _decode_term(code: list[str], datatypes: dict[str, URIRef | None]) -> Node:
    if code[0] == "u":
        return URIRef(code[1])
    if code[0] == "b":
        return BNode(code[1])
    _, value, datatype, language = code
    # normalize=False: the lexical form exactly as the store gave it, as store.to_rdflib makes it.
    if language:
        return Literal(value, lang=language, normalize=False)
    if datatype not in datatypes:  # a handful of datatypes over thousands of literals
        datatypes[datatype] = URIRef(datatype) if datatype else None
    return Literal(value, datatype=datatypes[datatype], normalize=False)


def encode(result: QueryResult) -> bytes:
    """A SELECT or ASK answer as compressed JSON: each distinct term once, rows as indexes into them."""
    index: dict[Node, int] = {}
    terms: list[list[str]] = []
    rows = []
    for row in result.rows:
        out = []
        for term in row:
            if term is None:
                out.append(-1)
                continue
            at = index.get(term)
            if at is None:
                at = index[term] = len(terms)
                terms.append(_encode_term(term))
            out.append(at)
        rows.append(out)
    doc = {"kind": result.kind, "variables": result.variables, "boolean": result.boolean, "terms": terms, "rows": rows}
    return zlib.compress(json.dumps(doc, separators=(",", ":")).encode("utf-8"), 1)


def _decoded(blob: bytes) -> QueryResult | None:
    """The kept answer, or None when the file holds something this code cannot read (run the query)."""
    try:
        return decode(blob)
    except (zlib.error, ValueError, KeyError, TypeError, IndexError) as exc:
        logging.getLogger(__name__).warning("a kept answer could not be read, so the question runs: %s", exc)
        return None


def decode(blob: bytes) -> QueryResult:
    doc = json.loads(zlib.decompress(blob))
    datatypes: dict[str, URIRef | None] = {}
    terms: list[Node | None] = [_decode_term(t, datatypes) for t in doc["terms"]]
    terms.append(None)  # index -1: an unbound variable
    rows = [tuple(terms[i] for i in row) for row in doc["rows"]]
    return QueryResult(doc["kind"], variables=doc["variables"], rows=rows, boolean=doc["boolean"])


# --- the file --------------------------------------------------------------------------------


class KeptAnswers(KeptFile):
    """One SQLite file of answers, each under a hash of its key and tagged with the state it belongs to."""

    def __init__(self, path: Path, budget: int = BUDGET) -> None:
        super().__init__(
            path, budget,
            [
                "CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, state TEXT NOT NULL, body BLOB, used REAL)",
                # Answers that read one graph only, under that graph's content hash (``scope``: the graph).
                "CREATE TABLE IF NOT EXISTS graph_answers (key TEXT PRIMARY KEY, scope TEXT NOT NULL,"
                " state TEXT NOT NULL, body BLOB, used REAL)",
            ],
            "kept answers",
        )

    def get(self, key: str, state: str, scope: str | None = None) -> bytes | None:
        def read(db: sqlite3.Connection) -> bytes | None:
            table = "answers" if scope is None else "graph_answers"
            row = db.execute(f"SELECT body FROM {table} WHERE key = ? AND state = ?", (key, state)).fetchone()
            return None if row is None else bytes(row[0])

        return self._run(read)  # type: ignore[no-any-return]

    def put(self, key: str, state: str, body: bytes, now: float, scope: str | None = None) -> None:
        def write(db: sqlite3.Connection) -> None:
            # The store (or the graph) has moved on: what was kept for other states is never served again.
            if scope is None:
                db.execute("DELETE FROM answers WHERE state != ?", (state,))
                db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)", (key, state, body, now))
                self._within_budget(db, "answers")
            else:
                db.execute("DELETE FROM graph_answers WHERE scope = ? AND state != ?", (scope, state))
                db.execute("INSERT OR REPLACE INTO graph_answers VALUES (?, ?, ?, ?, ?)",
                           (key, scope, state, body, now))
                self._within_budget(db, "graph_answers")

        self._run(write)


_files: dict[str, KeptAnswers | None] = {}


def file_for(store: LocalStore) -> KeptAnswers | None:
    """The store's answer file (one per store and process), or None when its directory cannot be written."""
    where = str(store.root)
    known = _files.get(where)
    if known is not None and not known.path.exists():  # the store was removed and made anew at this path
        known.close()
        del _files[where]
    if where not in _files:
        try:
            _files[where] = KeptAnswers(store.root / "cache" / "answers.sqlite")
        except (OSError, sqlite3.Error):
            _files[where] = None
    return _files[where]


T = TypeVar("T")


def _kept(
    store: GraphStore, key_text: str, make: Callable[[], T], dump: Callable[[T], bytes | None],
    load: Callable[[bytes], T | None], graph: str | None = None,
) -> T:
    """What ``make()`` gives on the store as it is now, kept under ``key_text`` and the store's state (``graph``
    given: that graph's content hash, when ``make`` reads nothing else)."""
    kept = file_for(store) if isinstance(store, LocalStore) else None
    if kept is None:
        return make()
    if graph is None:
        # A validation's scratch graph is data every query sees that no trail entry records: while one exists,
        # the state token does not name what a query would answer.
        def state() -> str | None:
            return None if scratch_graphs(store.oxigraph) else state_token(store)
    else:
        def state() -> str | None:
            return graph_hash(store, graph) or "absent"  # type: ignore[arg-type]
    before = state()
    key = hashlib.sha256(f"{code_fingerprint()}\n{key_text}".encode()).hexdigest()
    body = kept.get(key, before, graph) if before else None
    found = load(body) if body is not None else None
    if found is not None:
        return found
    made = make()
    if before is not None and state() == before:
        blob = dump(made)
        if blob is not None and len(blob) <= MAX_ENTRY:
            kept.put(key, before, blob, time.time(), graph)
    return made


def kept_query(
    store: GraphStore, text: str, *, timeout: float | None = None, max_results: int | None = None
) -> QueryResult:
    """``store.query(text)``, answered from the kept answers when the store's state has one for the text.

    ``text`` must answer the same every time on the same data (no NOW, RAND, UUID, BNODE or SERVICE)."""
    result = _kept(
        store,
        f"answer\n{text}",
        lambda: store.query(text, timeout=timeout, max_results=max_results),
        lambda r: encode(r) if r.kind in ("SELECT", "ASK") else None,
        _decoded,
    )
    if max_results is not None and len(result.rows) > max_results:
        raise ResultTooLarge(f"query returned more than {max_results} rows")
    return result


def kept_graph_query(store: GraphStore, text: str, graph: str) -> QueryResult:
    """``store.query(text)`` for a ``text`` that reads ``graph`` only (every pattern inside ``GRAPH <graph>``), kept
    under that graph's content hash as ``checks.incremental.graph_hash`` gives it: writes to other graphs leave it
    valid, so a new process after an evidence item added still finds the saved report's counts (0.2-0.4 s of the
    first dashboard at 1.1M triples). Deterministic texts only, as for ``kept_query``."""
    return _kept(store, f"graph answer\n{text}", lambda: store.query(text),
                 lambda r: encode(r) if r.kind in ("SELECT", "ASK") else None, _decoded, graph)


def kept_text(store: GraphStore, text: str, form: str, render: Callable[[], str]) -> str:
    """The answer to ``text`` as ``render()`` writes it in ``form`` (the CLI's table, CSV, JSON, TSV), kept
    like the answer itself: a 7k-row table takes longer to write than the kept answer takes to read."""

    def load(blob: bytes) -> str | None:
        try:
            return zlib.decompress(blob).decode("utf-8")
        except (zlib.error, UnicodeDecodeError):
            return None

    return _kept(store, f"text {form}\n{text}", render, lambda t: zlib.compress(t.encode("utf-8"), 1), load)
