"""The audit trail: every write to the embedded store as a PROV activity in one append-only, hash-chained graph.

The store's write paths (``LocalStore``) call :func:`entry_update` inside the same transaction or generation as
the change itself, so an entry exists exactly when its change does. Who and why come from :func:`acting`, a
context the CLI, the server and the forwarded commands set around their work; nothing else in compgraph needs
to know the trail exists.

Each entry records, per graph it changed, the triple count and a content hash before and after, and carries the
hash of the previous entry (``cg:previousEntryHash``) and its own (``cg:entryHash``, SHA-256 of its fields in a
canonical JSON form). :func:`verify` recomputes the chain: an edited entry no longer matches its hash, a deleted
one leaves a gap in the sequence and a broken link.

A graph's content hash is order-independent: the sum, modulo 2**256, of the SHA-256 of each triple's N-Triples
line (an additive multiset hash), so it needs no sort and no memory beyond one line. Blank-node labels are part
of the line, so loading the same file twice may give two hashes; compgraph's own graphs use IRIs.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from compgraph.graph.namespaces import CG, CGR, agent_slug, graph_iri

HISTORY_GRAPH = graph_iri("history")
EMPTY = "0" * 64
_MOD = 1 << 256
_XSD_INT = str(XSD.integer)
_XSD_DT = str(XSD.dateTime)


@dataclass(frozen=True)
class Actor:
    """Who is writing and why: set around a command or request with :func:`acting`."""

    agent: str
    command: str
    reason: str = ""
    entities: tuple[str, ...] = ()


_current: ContextVar[Actor | None] = ContextVar("compgraph_actor", default=None)


@contextmanager
def acting(agent: str, command: str, reason: str = "", entities: tuple[str, ...] = ()) -> Iterator[Actor]:
    """Writes made inside the block are recorded as done by ``agent`` running ``command``."""
    actor = Actor(agent, command, reason, tuple(entities))
    token = _current.set(actor)
    try:
        yield actor
    finally:
        _current.reset(token)


def enter(actor: Actor) -> Token[Actor | None]:
    """:func:`acting` for code that cannot wrap a block (a web request's before/teardown hooks)."""
    return _current.set(actor)


def leave(token: Token[Actor | None] | None = None) -> None:
    """Undo :func:`enter`. A web server may run a request's teardown in another context than its start, where
    the token is not valid: then the request's thread just forgets the actor."""
    try:
        if token is not None:
            _current.reset(token)
            return
    except ValueError:
        pass
    _current.set(None)


def announced() -> Actor | None:
    """The actor set by an enclosing :func:`acting`, if any."""
    return _current.get()


def current_actor() -> Actor:
    # A write nobody announced (a script using the library) is still recorded, under the operating-system user.
    return _current.get() or Actor(os_user(), "library")


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _canon_time(text: str) -> str:
    """One spelling of an instant (readers may give "Z" or "+00:00", micro- or milliseconds)."""
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    return when.astimezone(UTC).isoformat(timespec="milliseconds")


# --- graph content hashes ---------------------------------------------------------------------------------


def digest_lines(lines: Iterator[str] | list[str] | set[str]) -> tuple[int, str]:
    """(count, additive SHA-256 multiset hash) of N-Triples lines without the final " ."."""
    digest = StreamDigest()
    for line in lines:
        digest.add(line)
    return digest.result()


class StreamDigest:
    """The digest of :func:`digest_lines` fed one line at a time, for a graph whose quads stream past only once."""

    def __init__(self) -> None:
        self.total = self.count = 0

    @classmethod
    def of(cls, count: int, hex_digest: str) -> StreamDigest:
        """The digest of a graph already hashed, to add or take away lines as the graph changes."""
        out = cls()
        out.count, out.total = count, int(hex_digest, 16)
        return out

    def add(self, line: str) -> None:
        self.total = (self.total + int.from_bytes(hashlib.sha256(line.encode()).digest(), "big")) % _MOD
        self.count += 1

    def remove(self, line: str) -> None:
        """Take away a line the graph held (the multiset hash is a sum, so this undoes :meth:`add`)."""
        self.total = (self.total - int.from_bytes(hashlib.sha256(line.encode()).digest(), "big")) % _MOD
        self.count -= 1

    def result(self) -> tuple[int, str]:
        return self.count, f"{self.total:064x}"


def quad_line(q: ox.Quad) -> str:
    """The line a quad adds to its graph's digest: its triple as N-Triples, without the final " ."."""
    return f"{q.subject} {q.predicate} {q.object}"


def graph_digest(db: ox.Store, graph: str) -> tuple[int, str]:
    return digest_lines(quad_line(q) for q in db.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


# --- entries ------------------------------------------------------------------------------------------------


@dataclass
class Change:
    graph: str
    before: int
    hash_before: str
    after: int = 0
    hash_after: str = EMPTY

    def fields(self) -> dict[str, Any]:
        return {
            "graph": self.graph,
            "before": self.before,
            "hashBefore": self.hash_before,
            "after": self.after,
            "hashAfter": self.hash_after,
        }


@dataclass
class Entry:
    seq: int
    agent: str
    command: str
    reason: str
    started: str
    ended: str
    changes: list[dict[str, Any]]
    entities: list[str] = field(default_factory=list)
    previous: str = EMPTY
    hash: str = ""

    def fields(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "agent": self.agent,
            "command": self.command,
            "reason": self.reason,
            "started": _canon_time(self.started),
            "ended": _canon_time(self.ended),
            "changes": sorted(self.changes, key=lambda c: c["graph"]),
            "entities": sorted(self.entities),
            "previous": self.previous,
        }

    def computed_hash(self) -> str:
        text = json.dumps(self.fields(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    @property
    def iri(self) -> str:
        return entry_iri(self.seq)

    def as_dict(self) -> dict[str, Any]:
        return {**self.fields(), "hash": self.hash, "id": self.iri}


def user_iri(name: str) -> str:
    return f"{CGR}user/{agent_slug(name)}"


def users_graph(name: str) -> str:
    return graph_iri("user", agent_slug(name))


def user_record(name: str, role: str) -> bytes:
    """N-Triples of a server user's graph: the agent the trail names for them and the role they now hold (the
    users file keeps the password hash; this keeps who had which role when, through the trail)."""
    user = f"<{user_iri(name)}>"
    return (
        f"{user} <{RDF.type}> <{PROV.Agent}> .\n{user} <{RDFS.label}> {_lit(name)} .\n"
        f"{user} <{DCTERMS.type}> {_lit(role)} .\n"
    ).encode()


def entry_iri(seq: int) -> str:
    return f"{CGR}history/{seq:06d}"


def before(db: ox.Store, graphs: list[str], known: dict[str, tuple[int, str]] | None = None) -> list[Change]:
    """The state of ``graphs`` before a write, to be completed by :func:`entry_update` after it. ``known``: graphs
    the writer hashed from their content just before, holding the write lock (so not read twice)."""
    known = known or {}
    return [Change(g, *(known.get(g) or graph_digest(db, g))) for g in sorted(set(graphs)) if g != HISTORY_GRAPH]


def head(db: ox.Store) -> tuple[int, str]:
    res = db.query(
        f"SELECT ?n ?h WHERE {{ GRAPH <{HISTORY_GRAPH}> {{ ?e <{CG}sequence> ?n ; <{CG}entryHash> ?h }} }}"
        " ORDER BY DESC(?n) LIMIT 1"
    )
    for row in res:  # type: ignore[union-attr]
        return int(row[0].value), row[1].value
    return 0, EMPTY


def newest_entry_graphs(db: ox.Store) -> set[str]:
    """The graphs the trail's newest entry records a write of (none without a trail)."""
    seq, _ = head(db)
    if not seq:
        return set()
    res = db.query(
        f"SELECT ?g WHERE {{ GRAPH <{HISTORY_GRAPH}> {{ <{entry_iri(seq)}> <{CG}graphChange>/<{CG}graph> ?g }} }}"
    )
    return {row[0].value for row in res}  # type: ignore[union-attr,index]


def last_recorded(db: ox.Store, graph: str) -> tuple[int, str] | None:
    """``graph``'s (triple count, content hash) after the last write the trail records of it; None if none does."""
    res = db.query(
        f"SELECT ?n ?c ?h WHERE {{ GRAPH <{HISTORY_GRAPH}> {{ ?e <{CG}sequence> ?n ; <{CG}graphChange> ?x ."
        f" ?x <{CG}graph> <{graph}> ; <{CG}triplesAfter> ?c ; <{CG}hashAfter> ?h }} }} ORDER BY DESC(?n) LIMIT 1"
    )
    for row in res:  # type: ignore[union-attr]
        return int(row[1].value), row[2].value
    return None


def entry_update(
    db: ox.Store, changes: list[Change], started: str, after: dict[str, tuple[int, str]] | None = None
) -> str:
    """A SPARQL INSERT DATA adding the entry for ``changes`` (``after`` given, or read from ``db`` as it is now)."""
    actor = current_actor()
    for c in changes:
        c.after, c.hash_after = (after or {}).get(c.graph) or graph_digest(db, c.graph)
    seq, previous = head(db)
    entry = Entry(
        seq + 1,
        actor.agent,
        actor.command,
        actor.reason,
        started,
        now(),
        [c.fields() for c in changes],
        list(actor.entities),
        previous,
    )
    entry.hash = entry.computed_hash()
    return f"INSERT DATA {{ GRAPH <{HISTORY_GRAPH}> {{\n{_triples(entry)}\n}} }}"


def _lit(value: object, datatype: str | None = None) -> str:
    return str(ox.Literal(str(value), datatype=ox.NamedNode(datatype) if datatype else None))


def _triples(e: Entry) -> str:
    # Users get their own IRIs (cgr:user/...), apart from the owners and reviewers catalogs name (cgr:agent/...).
    s, agent = f"<{e.iri}>", f"<{user_iri(e.agent)}>"
    out = [
        f"{s} <{RDF.type}> <{PROV.Activity}>",
        f"{s} <{RDF.type}> <{CG.StoreWrite}>",
        f"{s} <{CG.sequence}> {_lit(e.seq, _XSD_INT)}",
        f"{s} <{RDFS.label}> {_lit(e.command)}",
        f"{s} <{PROV.wasAssociatedWith}> {agent}",
        f"{agent} <{RDF.type}> <{PROV.Agent}>",
        f"{agent} <{RDFS.label}> {_lit(e.agent)}",
        f"{s} <{PROV.startedAtTime}> {_lit(e.started, _XSD_DT)}",
        f"{s} <{PROV.endedAtTime}> {_lit(e.ended, _XSD_DT)}",
        f"{s} <{CG.previousEntryHash}> {_lit(e.previous)}",
        f"{s} <{CG.entryHash}> {_lit(e.hash)}",
    ]
    if e.reason:
        out.append(f"{s} <{RDFS.comment}> {_lit(e.reason)}")
    out += [f"{s} <{DCTERMS.subject}> <{x}>" for x in e.entities]
    for i, c in enumerate(sorted(e.changes, key=lambda c: c["graph"]), 1):
        node = f"<{e.iri}/change/{i}>"
        g = f"<{c['graph']}>"
        if c["before"]:
            out.append(f"{s} <{PROV.used}> {g}")
        if c["after"]:
            out.append(f"{s} <{PROV.generated}> {g}")
        out += [
            f"{s} <{CG.graphChange}> {node}",
            f"{node} <{RDF.type}> <{CG.GraphChange}>",
            f"{node} <{CG.graph}> {g}",
            f"{node} <{CG.triplesBefore}> {_lit(c['before'], _XSD_INT)}",
            f"{node} <{CG.triplesAfter}> {_lit(c['after'], _XSD_INT)}",
            f"{node} <{CG.hashBefore}> {_lit(c['hashBefore'])}",
            f"{node} <{CG.hashAfter}> {_lit(c['hashAfter'])}",
        ]
    return " .\n".join(out) + " ."


# --- reading and checking ----------------------------------------------------------------------------------

_ENTRIES = f"""
PREFIX cg: <{CG}> PREFIX prov: <{PROV}> PREFIX rdfs: <{RDFS}>
SELECT ?e ?seq ?cmd ?agent ?start ?end ?prev ?hash ?reason WHERE {{ GRAPH <{HISTORY_GRAPH}> {{
  ?e cg:sequence ?seq .
  OPTIONAL {{ ?e rdfs:label ?cmd }} OPTIONAL {{ ?e prov:wasAssociatedWith/rdfs:label ?agent }}
  OPTIONAL {{ ?e prov:startedAtTime ?start }} OPTIONAL {{ ?e prov:endedAtTime ?end }}
  OPTIONAL {{ ?e cg:previousEntryHash ?prev }} OPTIONAL {{ ?e cg:entryHash ?hash }}
  OPTIONAL {{ ?e rdfs:comment ?reason }}
}} }} ORDER BY ?seq"""

_CHANGES = f"""
PREFIX cg: <{CG}>
SELECT ?e ?g ?b ?a ?hb ?ha WHERE {{ GRAPH <{HISTORY_GRAPH}> {{
  ?e cg:graphChange ?c . ?c cg:graph ?g .
  OPTIONAL {{ ?c cg:triplesBefore ?b }} OPTIONAL {{ ?c cg:triplesAfter ?a }}
  OPTIONAL {{ ?c cg:hashBefore ?hb }} OPTIONAL {{ ?c cg:hashAfter ?ha }}
}} }}"""

_ENTITIES = f"SELECT ?e ?x WHERE {{ GRAPH <{HISTORY_GRAPH}> {{ ?e <{DCTERMS.subject}> ?x }} }}"


def _rows(query: Any, sparql: str) -> list[list[str | None]]:
    """Rows of plain strings from any store's ``query`` (a GraphStore: compgraph.graph.store)."""
    return [[None if v is None else str(v) for v in row] for row in query(sparql).rows]


def entries(store: Any, since: str | None = None) -> list[Entry]:
    """Every entry of the store's trail in sequence order (``since``: ended on or after this ISO date)."""
    changes: dict[str, list[dict[str, Any]]] = {}
    for e, g, b, a, hb, ha in _rows(store.query, _CHANGES):
        changes.setdefault(str(e), []).append(
            {"graph": g, "before": int(b or 0), "after": int(a or 0), "hashBefore": hb, "hashAfter": ha}
        )
    ents: dict[str, list[str]] = {}
    for e, x in _rows(store.query, _ENTITIES):
        ents.setdefault(str(e), []).append(str(x))
    out, seen = [], set()
    for e, seq, cmd, agent, start, end, prev, h, reason in _rows(store.query, _ENTRIES):
        if e in seen:  # two agent names with one slug give one agent node two labels: keep the first row
            continue
        seen.add(e)
        entry = Entry(
            int(seq or 0),
            agent or "",
            cmd or "",
            reason or "",
            start or "",
            end or "",
            sorted(changes.get(str(e), []), key=lambda c: c["graph"]),
            ents.get(str(e), []),
            prev or "",
            h or "",
        )
        if since is None or entry.ended[:10] >= since:
            out.append(entry)
    return out


def about(store: Any, iri: str, limit: int = 20) -> list[dict[str, str]]:
    """The newest entries (at most ``limit``) whose write named ``iri`` (an entity page's own history): who,
    when, what command and why, newest first."""
    if not iri or any(ch in iri for ch in '<>"{}|^`\\ '):
        return []
    sparql = f"""
PREFIX cg: <{CG}> PREFIX prov: <{PROV}> PREFIX rdfs: <{RDFS}> PREFIX dcterms: <{DCTERMS}>
SELECT ?seq ?cmd ?agent ?end ?reason WHERE {{ GRAPH <{HISTORY_GRAPH}> {{
  ?e dcterms:subject <{iri}> ; cg:sequence ?seq .
  OPTIONAL {{ ?e rdfs:label ?cmd }} OPTIONAL {{ ?e prov:wasAssociatedWith/rdfs:label ?agent }}
  OPTIONAL {{ ?e prov:endedAtTime ?end }} OPTIONAL {{ ?e rdfs:comment ?reason }}
}} }} ORDER BY DESC(?seq) LIMIT {int(limit)}"""
    out, seen = [], set()
    for seq, cmd, agent, end, reason in _rows(store.query, sparql):
        if seq in seen:
            continue
        seen.add(seq)
        out.append({"seq": str(seq), "command": cmd or "", "agent": agent or "", "ended": end or "",
                    "reason": reason or ""})
    return out


def verify(store: Any) -> list[str]:
    """Every break in the chain, one line each; empty when the trail is intact."""
    problems = []
    previous, expected = EMPTY, 1
    for e in entries(store):
        if e.seq != expected:
            problems.append(f"entry {expected:06d} is missing (the next one is {e.seq:06d})")
        if e.previous != previous:
            problems.append(f"entry {e.seq:06d} does not follow the entry before it (previous-hash mismatch)")
        if e.computed_hash() != e.hash:
            problems.append(f"entry {e.seq:06d} was changed after it was written (its hash does not match)")
        previous, expected = e.hash, e.seq + 1
    return problems
