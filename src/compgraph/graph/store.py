"""Where the graph lives: an embedded on-disk Oxigraph store, or any SPARQL 1.1 endpoint (``remote``).

Both speak the same small interface so ``build``, ``validate``, ``query`` and the web app never care
which one they have. Every source (ontology file, catalog, organisation) lives in its own named graph
and is replaced atomically; queries see the union of the named graphs as their default graph.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from compgraph.graph import deltas, history, ondisk
from compgraph.graph.literals import AS_WRITTEN, unescape
from compgraph.graph.ondisk import (
    StoreBusy,  # noqa: F401  (re-exported: callers catch it from here)
    StoreDamaged,
    StoreError,
    StoreMissing,
    StoreReadOnly,
    StoreUnavailable,
)
from compgraph.graph.remote import RemoteStore
from compgraph.graph.results import (  # noqa: F401  (re-exported: callers import them from here)
    CHILDREN,
    QueryFailed,
    QueryResult,
    QuerySyntaxError,
    QueryTimeout,
    ResultTooLarge,
    check_nesting,
    child_query,
    query_kwargs,
    to_rdflib,
)
from compgraph.graph.results import materialise as _materialise
from compgraph.graph.storebase import GraphStore, with_prefixes  # noqa: F401  (re-exported)
from compgraph.graph.writes import (
    IN_PLACE_DIFF_MAX,
    IN_PLACE_MAX,
    SCRATCH_PREFIXES,
    Difference,
    audited,
    bulk_graph,
    difference,
    drop_scratch,
    has_blank,
    load_graph,
    recorded,
    scratch_graphs,
    snapshot_after,
    trail_entry,
)

DEFAULT_LOCATION = "compgraph-data"


# --- term conversion --------------------------------------------------------------------------


def _unescaped(term: Any) -> Any:
    if isinstance(term, ox.Literal) and term.datatype.value.startswith(AS_WRITTEN):
        return ox.Literal(term.value, datatype=ox.NamedNode(unescape(term.value, term.datatype.value)[1] or ""))
    return term


def to_oxigraph(term: Node) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}")


_MEDIA_TO_OX = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


# --- embedded store ---------------------------------------------------------------------------


class LocalStore(GraphStore):
    """Oxigraph (RocksDB) on disk: persistent, transactional, and fast at a million triples.

    ``read_only`` opens an existing store for reading only (a read-only directory is fine); otherwise the store is
    opened for writing and holds the write lock until closed, and ``create`` says whether a missing store may be
    created. Every write leaves the old state or the new one (see :mod:`compgraph.graph.ondisk`).
    """

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False, create: bool = True) -> None:
        self.root = Path(path).resolve()
        self.location = str(self.root)
        self.read_only = read_only
        self._lock: Any = None
        self._store: ox.Store | None = None
        if read_only:
            self._open_for_reading()
        else:
            self._open_for_writing(create)

    def _open_for_reading(self) -> None:
        db, head = ondisk.locate(self.root)
        self._store = ondisk.open_db(self.root, db, head, read_only=True)
        held = ondisk.try_lock(self.root) if head is not None and ondisk.writable(self.root) else None
        if held is None:
            return
        # No one is writing, so what a killed write left behind is safe to remove: generations HEAD never named
        # (no query sees them anyway) and scratch graphs (which every query would see).
        try:
            ondisk.remove_stale(self.root)
            if scratch_graphs(self._store):
                self._store = None
                drop_scratch(ondisk.open_db(self.root, db, head, read_only=False))
                self._store = ondisk.open_db(self.root, db, head, read_only=True)
        finally:
            held.close()

    def _open_for_writing(self, create: bool) -> None:
        if not create and not ondisk.has_files(self.root):
            raise StoreMissing(f"no store at {self.root}; " + ondisk.BUILD_HINT.format(root=self.root))
        if ondisk.is_legacy(self.root):
            raise StoreUnavailable(
                f"the store at {self.root} was written by an older compgraph without crash-safe writes; "
                "build a new one with: compgraph --store NEW_DIR build"
            )
        if self.root.exists() and not ondisk.writable(self.root):
            raise StoreReadOnly(f"the store at {self.root} is read-only; this command writes to it")
        self._lock = ondisk.lock(self.root)
        try:
            ondisk.remove_stale(self.root)
            if ondisk.has_files(self.root):
                db, head = ondisk.locate(self.root)
                self._store = ondisk.open_db(self.root, db, head, read_only=False)
                drop_scratch(self._store)
            else:
                self._commit(lambda db: None)
        except BaseException:
            self.close()
            raise

    @property
    def oxigraph(self) -> ox.Store:
        if self._store is None:
            raise StoreError(f"the store at {self.location} is closed")
        return self._store

    # --- writes: small ones in one transaction in place, the rest as a new generation ----------------------

    def _writable_store(self) -> ox.Store:
        if self.read_only:
            raise StoreReadOnly(f"the store at {self.location} was opened read-only; this command writes to it")
        return self.oxigraph

    def _commit(
        self,
        apply: Callable[[ox.Store], None],
        graphs: Iterable[str] = (),
        known: dict[str, tuple[int, str]] | None = None,
        known_before: dict[str, tuple[int, str]] | None = None,
    ) -> None:
        current = self._store
        try:
            run = recorded(apply, list(graphs), known, known_before)
            new = ondisk.commit(self.root, current, run, SCRATCH_PREFIXES)
        except OSError as exc:
            raise StoreError(f"cannot write to the store at {self.location}: {exc.strerror or exc}") from exc
        except RuntimeError as exc:
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"cannot write to the store at {self.location}: {exc}") from exc
        self._store = None
        del current
        self._store = ondisk.open_db(self.root, new, None, read_only=False)
        ondisk.remove_stale(self.root)
        snapshot_after(self.root, self._store, list(graphs))

    @contextmanager
    def batch(self) -> Iterator[GraphStore]:
        """Writes made through the yielded store become visible together when the block ends, or never."""
        self._writable_store()
        pending: list[Callable[[ox.Store], None]] = []
        touched: list[str] = []
        known: dict[str, tuple[int, str]] = {}
        yield _Batch(self, pending, touched, known)

        def apply(db: ox.Store) -> None:
            for op in pending:
                op(db)

        self._commit(apply, touched, known)

    def replace_graph(self, graph: str, data: bytes, media_type: str = "application/n-triples") -> int:
        fmt = _MEDIA_TO_OX.get(media_type)
        if fmt is None:
            raise StoreError(f"unsupported RDF media type {media_type}")
        store = self._writable_store()
        # Parse before touching the store: a syntax error leaves it exactly as it was.
        quads = list(ox.parse(data, format=fmt))
        # What a rewrite of a graph removed and added is kept beside it for incremental validation (``deltas``).
        old = deltas.content(store, graph) if audited([graph]) else None
        try:
            return self._replace_graph(store, graph, data, fmt, quads)
        finally:
            if old is not None:
                deltas.after_write(self.root, self.oxigraph, graph, *old)

    def _replace_graph(self, store: ox.Store, graph: str, data: bytes, fmt: ox.RdfFormat, quads: list[ox.Quad]) -> int:
        # INSERT DATA gives blank nodes new labels, so their graph's hash after the write is only known once written.
        if len(quads) <= IN_PLACE_MAX and not any(has_blank(q) for q in quads):
            lines = {history.quad_line(q) for q in quads}
            body = "\n".join(line + " ." for line in lines)
            # One update is one transaction: the old graph and the new one never coexist, nothing is staged, and
            # the history entry lands with the change or not at all.
            store.update(
                f"DROP SILENT GRAPH <{graph}> ; INSERT DATA {{ GRAPH <{graph}> {{ {body} }} }} ;"
                f" CREATE SILENT GRAPH <{graph}>" + trail_entry(store, graph, history.digest_lines(lines))
            )
            snapshot_after(self.root, store, [graph])
        else:
            self._commit(lambda db: load_graph(db, graph, data, fmt), [graph])
        return self.triple_count(graph)

    def write_own_graph(self, graph: str, data: bytes) -> None:
        self._writable_store()
        self._commit(lambda db: load_graph(db, graph, data, ox.RdfFormat.N_TRIPLES), [graph])

    def write_own_quads(self, graph: str, quads: list[ox.Quad]) -> None:
        """Make ``graph`` hold exactly ``quads``, writing only the difference and its trail entry in one transaction
        (in place when small); one read of the old graph gives the difference and hashBefore (``difference``)."""
        diff = difference(self._writable_store(), graph, quads)
        if diff is None:
            GraphStore.write_own_quads(self, graph, quads)  # blank nodes: loaded whole, the trail reads it back
        else:
            self.write_difference(diff)

    def write_difference(self, diff: Difference) -> None:
        """Make the change ``diff`` describes, with its trail entry, in one transaction (in place when small). The
        caller vouches that ``diff.before`` is the graph's content now (``difference`` read it; the incremental
        report save knows it from the trail) and that what it removes is held and what it adds is not."""
        store, graph = self._writable_store(), diff.graph
        if diff.empty:
            return  # the graph already holds exactly this: no write, so no trail entry either
        if len(diff.removed) + len(diff.added) <= IN_PLACE_DIFF_MAX and not diff.blank_goes():
            store.update(diff.update() + trail_entry(store, graph, diff.after, diff.before))
            snapshot_after(self.root, store, [graph])
        else:
            self._commit(diff.apply, [graph], {graph: diff.after}, {graph: diff.before})

    def bulk_replace_graph(self, graph: str, quads_or_triples: Iterator[tuple[Node, Node, Node]]) -> None:
        """Load a large generated graph without holding it in memory (benchmarks, generated orgs)."""
        self._writable_store()
        known: dict[str, tuple[int, str]] = {}
        self._commit(lambda db: _bulk(db, graph, quads_or_triples, known), [graph], known)

    def drop_graph(self, graph: str) -> None:
        store = self._writable_store()
        store.update(f"DROP SILENT GRAPH <{graph}>" + trail_entry(store, graph, (0, history.EMPTY)))
        snapshot_after(self.root, store, [graph])

    # --- reads -------------------------------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        timeout: float | None = None,
        max_results: int | None = None,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> QueryResult:
        check_nesting(sparql)
        if timeout is None:
            try:
                return _materialise(
                    self.oxigraph.query(sparql, **query_kwargs(default_graphs, named_graphs)), max_results
                )
            except SyntaxError as exc:
                raise QuerySyntaxError(str(exc)) from exc
            except (OSError, RuntimeError) as exc:
                if isinstance(exc, StoreError | QueryTimeout | ResultTooLarge):
                    raise
                raise self._fault(exc) from exc
        return self._query_in_child(sparql, (default_graphs, named_graphs), timeout, max_results)

    def _fault(self, exc: BaseException) -> Exception:
        """Whose fault an evaluation error is. Oxigraph raises the same RuntimeError or OSError for a query it
        cannot evaluate (an unknown function, an unreachable SERVICE) as for a store it cannot read, so a trivial
        read of the store decides: it answers, the query failed; it fails too, the store is damaged."""
        try:
            self.oxigraph.query("ASK { ?s ?p ?o }")
        except (OSError, RuntimeError):
            return StoreDamaged(f"cannot read the store at {self.location}: {exc}")
        return QueryFailed(f"the query failed: {exc}")

    def _query_in_child(
        self, sparql: str, graphs: tuple[list[str] | None, list[str] | None], timeout: float, max_results: int | None
    ) -> QueryResult:
        # Oxigraph cannot cancel a running query, so an untrusted one runs in a child process that opens the
        # store read-only and is killed at the deadline; the server thread that asked is freed either way.
        _ = self.oxigraph  # a closed store says so here, not in the child
        parent, child = CHILDREN.Pipe(duplex=False)
        proc = CHILDREN.Process(
            target=child_query, args=(child, self.location, sparql, graphs, max_results), daemon=True
        )
        proc.start()
        child.close()
        try:
            if not parent.poll(timeout):
                raise QueryTimeout(f"query stopped after the {timeout:g} s time limit")
            payload = pickle.loads(parent.recv_bytes())
        except EOFError as exc:
            raise StoreError("query worker ended without an answer") from exc
        finally:
            if proc.is_alive():
                proc.kill()
            proc.join(1)
            parent.close()
        if isinstance(payload, SyntaxError):
            raise QuerySyntaxError(str(payload))
        if isinstance(payload, OSError | RuntimeError) and not isinstance(
            payload, StoreError | QueryTimeout | ResultTooLarge
        ):
            raise self._fault(payload) from payload
        if isinstance(payload, BaseException):
            raise payload
        return payload

    def graph_names(self) -> list[str]:
        """The data graphs; the audit trail (graph.history) is read with its own functions, never validated as data."""
        return sorted(
            g.value
            for g in self.oxigraph.named_graphs()
            if isinstance(g, ox.NamedNode) and g.value != history.HISTORY_GRAPH
        )

    def to_graph(self, graphs: Iterable[str] | None = None) -> Graph:
        # Reading quads directly skips a CONSTRUCT and its de-duplication: much faster at scale.
        g = Graph()
        names = [ox.NamedNode(x) for x in (self.graph_names() if graphs is None else graphs)]
        for name in names:
            for q in self.oxigraph.quads_for_pattern(None, None, None, name):
                g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        return g

    def export(self, media_type: str = "application/n-quads", graph: str | None = None) -> bytes:
        fmt = _MEDIA_TO_OX[media_type]
        if graph:
            data = self.oxigraph.dump(format=fmt, from_graph=ox.NamedNode(graph))
        else:
            data = self.oxigraph.dump(format=fmt)
        assert data is not None  # dump returns the bytes when not given an output
        if AS_WRITTEN.encode() not in data:
            return data
        # Literals kept as written leave the store as they were written, not under their escaped datatype.
        parsed = ox.parse(data, format=fmt)
        quads = (ox.Quad(q.subject, q.predicate, _unescaped(q.object), q.graph_name) for q in parsed)
        out = ox.serialize(quads, format=fmt)
        assert out is not None
        return out

    def flush(self) -> None:
        if not self.read_only:
            self.oxigraph.flush()

    def close(self) -> None:
        # pyoxigraph closes RocksDB when the last reference to the database goes. One held elsewhere would keep
        # RocksDB's lock past this close, against other processes too (``ondisk.let_go``): let those go now.
        db, self._store = self._store, None
        if db is not None and sys.getrefcount(db) > 2:  # more than this local and the call's argument
            del db
            ondisk.let_go()
        if self._lock is not None:
            self._lock.close()
            self._lock = None


def _bulk(
    db: ox.Store, graph: str, triples: Iterable[tuple[Node, Node, Node]], known: dict[str, tuple[int, str]]
) -> None:
    """Bulk-load ``graph``; ``known`` gets its digest when the stream proves it (else the trail reads it back)."""
    target = ox.NamedNode(graph)
    quads = (ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), target) for s, p, o in triples)
    digest = bulk_graph(db, graph, quads)
    if digest is None:
        known.pop(graph, None)
    else:
        known[graph] = digest


class _Batch(GraphStore):
    """The writes of one :meth:`LocalStore.batch`, queued until it commits; reads see the store as it was."""

    def __init__(
        self,
        store: LocalStore,
        pending: list[Callable[[ox.Store], None]],
        touched: list[str],
        known: dict[str, tuple[int, str]],
    ) -> None:
        self.location = store.location
        self._store = store
        self._pending = pending
        self._touched = touched
        self._known = known  # digests a bulk load proved; any later write to that graph makes it read back

    def _queue(self, graph: str, op: Callable[[ox.Store], None]) -> None:
        """Queue a write of ``graph`` that forgets any digest a bulk load proved for it: every write method but
        ``bulk_replace_graph`` goes through here, or the trail would record the bulk load's digest for a graph
        that was written again after it."""

        def run(db: ox.Store) -> None:
            self._known.pop(graph, None)
            op(db)

        self._pending.append(run)
        self._touched.append(graph)

    def query(self, sparql: str, **kw: Any) -> QueryResult:
        return self._store.query(sparql, **kw)

    def replace_graph(self, graph: str, data: bytes, media_type: str = "application/n-triples") -> int:
        fmt = _MEDIA_TO_OX.get(media_type)
        if fmt is None:
            raise StoreError(f"unsupported RDF media type {media_type}")
        quads = list(ox.parse(data, format=fmt))  # a syntax error aborts the batch before anything is written
        self._queue(graph, lambda db: load_graph(db, graph, data, fmt))
        return len(quads)

    def write_own_graph(self, graph: str, data: bytes) -> None:
        self._queue(graph, lambda db: load_graph(db, graph, data, ox.RdfFormat.N_TRIPLES))

    def bulk_replace_graph(self, graph: str, quads_or_triples: Iterator[tuple[Node, Node, Node]]) -> None:
        self._pending.append(lambda db: _bulk(db, graph, quads_or_triples, self._known))
        self._touched.append(graph)

    def drop_graph(self, graph: str) -> None:
        self._queue(graph, lambda db: db.remove_graph(ox.NamedNode(graph)))

    def graph_names(self) -> list[str]:
        return self._store.graph_names()

    def close(self) -> None:
        pass


# --- configuration ------------------------------------------------------------------------------


READ, WRITE, CREATE = "read", "write", "create"


def open_store(
    location: str | None = None,
    *,
    endpoint: str | None = None,
    update_endpoint: str | None = None,
    gsp_endpoint: str | None = None,
    read_only: bool = False,
    mode: str | None = None,
) -> GraphStore:
    """Open the store named by the arguments or, failing those, by the COMPGRAPH_* environment.

    ``mode``: READ opens an existing store read-only, WRITE an existing one for writing, CREATE for writing and
    creates it if missing (the default, and READ when ``read_only``). A remote endpoint ignores it.
    """
    endpoint = endpoint or os.environ.get("COMPGRAPH_ENDPOINT")
    if endpoint:
        user, password = os.environ.get("COMPGRAPH_USER"), os.environ.get("COMPGRAPH_PASSWORD")
        return RemoteStore(
            endpoint,
            update_url=update_endpoint or os.environ.get("COMPGRAPH_UPDATE_ENDPOINT"),
            gsp_url=gsp_endpoint or os.environ.get("COMPGRAPH_GSP_ENDPOINT"),
            auth=(user, password or "") if user else None,
        )
    mode = mode or (READ if read_only else CREATE)
    if mode not in (READ, WRITE, CREATE):
        raise ValueError(f"unknown store mode {mode!r}")
    path = location or os.environ.get("COMPGRAPH_STORE") or DEFAULT_LOCATION
    return LocalStore(path, read_only=mode == READ, create=mode == CREATE)
