"""The evidence list's rows: every evidence record with its id, title, control, what it concerns, owner, dates and
the renewal that replaced it.

Two ways to the same rows. ``query_rows`` asks SPARQL, which any store answers (a remote endpoint has nothing
else). ``EvidenceIndex`` keeps, for an embedded store, the few properties the rows are made of, and after a write
reads again only what the changed graphs touch: at 1.1M triples the query reads ~700k triples (10-16 s), while
an evidence item added is a few lookups. Which graphs changed is what incremental validation asks too
(``checks.incremental.graph_hashes``: each graph's content hash as the audit trail last recorded it, the trail
itself by its head, a graph the trail never saw by its content); the default graph is read again every time.

Where a record has two values of one property (two titles, two controls) both ways take the smallest, so the rows
never depend on the order an engine happens to join in; ``tests/questions/test_evidence_list_rows.py`` holds the
two to the same rows.
"""

from __future__ import annotations

import bisect
import re
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any, TypeVar

import pyoxigraph as ox

from compgraph.checks.incremental import graph_hashes
from compgraph.graph.literals import iso_date
from compgraph.graph.namespaces import CG
from compgraph.graph.store import GraphStore, LocalStore
from compgraph.questions.coverage import plain_rows

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
EVIDENCE = f"{CG}Evidence"
ID = "http://purl.org/dc/terms/identifier"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
FOR = f"{CG}evidenceFor"
CONCERNS = f"{CG}concerns"
ISSUED = "http://purl.org/dc/terms/issued"
UNTIL = f"{CG}validUntil"
BY = "http://www.w3.org/ns/prov#wasAttributedTo"
REVISION_OF = "http://www.w3.org/ns/prov#wasRevisionOf"
# Read subject -> values; wasRevisionOf is read the other way (a record -> the records that renew it).
FORWARD = (ID, LABEL, FOR, CONCERNS, ISSUED, UNTIL, BY)
_FORWARD = frozenset(FORWARD)
# Values the rows look up as subjects in turn: a literal there matches no subject, so it is kept behind a mark no
# IRI can hold (coverage's latest dates still count it, as its query does).
NODES = frozenset({FOR, CONCERNS, BY})
LITERAL = "\x00"

# Each property a sub-select, which Oxigraph hash-joins; OPTIONALs looking each record up in turn took half as
# long again (6.2k records at 100k triples: 3.8-4.7 s -> 2.2-2.9 s, busy machine).
QUERY = """SELECT ?e ?id ?label ?c ?cid ?x ?xid ?issued ?until ?owner ?newer WHERE {
  { SELECT ?e ?id WHERE { ?e a cg:Evidence ; dcterms:identifier ?id } }
  OPTIONAL { SELECT ?e ?label WHERE { ?e a cg:Evidence ; rdfs:label ?label } }
  OPTIONAL { SELECT ?e ?c ?cid WHERE { ?e a cg:Evidence ; cg:evidenceFor ?c . ?c dcterms:identifier ?cid } }
  OPTIONAL { SELECT ?e ?x ?xid WHERE { ?e a cg:Evidence ; cg:concerns ?x . ?x dcterms:identifier ?xid } }
  OPTIONAL { SELECT ?e ?issued WHERE { ?e a cg:Evidence ; dcterms:issued ?issued } }
  OPTIONAL { SELECT ?e ?until WHERE { ?e a cg:Evidence ; cg:validUntil ?until } }
  OPTIONAL { SELECT ?e ?owner WHERE { ?e a cg:Evidence ; prov:wasAttributedTo ?a . ?a rdfs:label ?owner } }
  OPTIONAL { SELECT ?e (MIN(?nid) AS ?newer) WHERE { ?n prov:wasRevisionOf ?e ; dcterms:identifier ?nid }
             GROUP BY ?e }
}"""

_PLAIN_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_LIKE = re.compile(r"\d{4}-\d{2}-\d{2}")  # anything holding one might cast to xsd:date some other way
T = TypeVar("T")
REMAKE_ALL = 1000  # rows to make again above which all are made again
Row = tuple[str | None, ...]  # (e, id, label, c, cid, x, xid, issued, until, owner, newer)
# What ``EvidenceIndex.kept_state`` saves: the latest dates with what they were made from, the facts, and the rows
# as made, each apart: a later process reads the facts only when it needs a subject's it has not read again itself.
_CORE = ("evidence", "keys", "blank", "hashes", "_latest", "_gave", "_by_key", "_odd", "_days", "_latest_dirty")


def _as_dict(r: Row) -> dict[str, Any]:
    e, ident, label, c, cid, x, xid, issued, until, owner, newer = r
    return {
        "iri": str(e),
        "id": str(ident),
        "label": str(label or ident),
        "control": str(cid or ""),
        "control_iri": str(c or ""),
        "concerns": str(xid or ""),
        "concerns_iri": str(x or ""),
        "owner": str(owner or ""),
        "issued": str(issued or ""),
        "valid_until": str(until or ""),
        "renewed_by": str(newer or ""),  # the id of a newer version (renewal), if any
    }


def _order(r: Row) -> tuple[str, ...]:
    # By id, then IRI; then the smallest of each column, so a second value never depends on join order.
    return tuple("" if v is None else v for v in (r[1], r[0], *r[2:]))


def _key_dict(k: tuple[str, ...]) -> dict[str, Any]:
    """``_as_dict`` of the row whose order key is ``k``: the key holds every column (None as ""), so saved rows
    are their keys alone (the dicts were 22 of the rows file's 27 MB)."""
    ident, e, label, c, cid, x, xid, issued, until, owner, newer = k
    return {"iri": e, "id": ident, "label": label or ident, "control": cid, "control_iri": c, "concerns": xid,
            "concerns_iri": x, "owner": owner, "issued": issued, "valid_until": until, "renewed_by": newer}


class Tupled(dict[str, Any]):
    """A map of subjects to sets, saved with tuples for the sets (``questions.keptstate`` reduces it so, in the
    process that pickles): tuples read back about twice as fast, and the index makes a set again only of a
    subject whose set it changes."""


def rows_from(rows: Iterable[Row]) -> list[dict[str, Any]]:
    """One dict per record, by id: of the record's rows (one per combination of values) the smallest."""
    out: dict[str, dict[str, Any]] = {}
    for r in sorted(rows, key=_order):
        if str(r[0]) not in out:
            out[str(r[0])] = _as_dict(r)
    return list(out.values())


def query_rows(store: GraphStore) -> list[dict[str, Any]]:
    """The rows by one SPARQL query over the whole store."""
    return rows_from(plain_rows(store, QUERY))


def _value(term: Any) -> str:
    # Interned: each read makes a new string, and one IRI recurs under every property (at 1.1M triples the
    # index held ~8 copies of each of 81k record IRIs).
    return sys.intern(str(term.value))


def _object(p: str, term: Any) -> str:
    return sys.intern(LITERAL + _value(term)) if p in NODES and isinstance(term, ox.Literal) else _value(term)


def _graph_key(term: Any) -> str:
    return "" if isinstance(term, ox.DefaultGraph) else _value(term)


def _graph_term(key: str) -> Any:
    return ox.DefaultGraph() if key == "" else ox.NamedNode(key)


class Latest(dict[tuple[str, str], date]):
    """Coverage's latest dates as ``EvidenceIndex.latest`` answers them, with the keys each of its last answers
    changed, so that a coverage kept from an earlier answer learns what changed without comparing all
    (60k keys at 1.1M triples)."""

    def __init__(self, dates: dict[tuple[str, str], date], source: object, version: int,
                 changes: tuple[tuple[int, frozenset[tuple[str, str]]], ...]) -> None:
        super().__init__(dates)
        self.source, self.version, self.changes = source, version, changes

    def changed_since(self, earlier: object) -> set[tuple[str, str]] | None:
        """The keys whose date differs from ``earlier``'s (an answer of the same index); None when unknown."""
        if not isinstance(earlier, Latest) or earlier.source is not self.source or earlier.version > self.version:
            return None
        wanted = range(earlier.version + 1, self.version + 1)
        found = [keys for v, keys in self.changes if v in wanted]
        if len(found) != len(wanted):
            return None
        return set().union(*found)


def _read(db: ox.Store, graph: Any) -> Iterator[tuple[str, ox.Quad]]:
    """The triples the rows read in ``graph`` (None: all graphs), each with the property it is read as: the typing
    as RDF_TYPE, the ``FORWARD`` ones, and renewals that name a record (a literal renews nothing)."""
    for q in db.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), ox.NamedNode(EVIDENCE), graph):
        yield RDF_TYPE, q
    for p in FORWARD:
        for q in db.quads_for_pattern(None, ox.NamedNode(p), None, graph):
            yield p, q
    for q in db.quads_for_pattern(None, ox.NamedNode(REVISION_OF), None, graph):
        if not isinstance(q.object, ox.Literal):
            yield REVISION_OF, q


class FactsLost(Exception):
    """The saved facts an index was loaded with cannot be read any more (removed, replaced by a later save)."""


def _put(facts: dict[str, dict[str, list[str]]], key: str, found: dict[str, list[str]]) -> None:
    """``key``'s facts made ``found`` (property -> values; a property not there: none)."""
    for p, per in facts.items():
        if p in found:
            per[key] = found[p]
        else:
            per.pop(key, None)


def _hold(keys: dict[str, dict[str, int]], q: ox.Quad, *subjects: str) -> None:
    """``q`` counted in the hash of each subject's triples in its graph. The hash of a set of distinct triples is
    the exclusive or of theirs: no order to keep, and a graph holds each triple once."""
    held = keys.setdefault(_graph_key(q.graph_name), {})
    h = hash(q.triple)
    for s in subjects:
        held[s] = held.get(s, 0) ^ h


class EvidenceIndex:
    """The properties evidence rows read, per subject, and which subjects each graph holds them for.

    ``facts[p][s]``: the distinct values of ``p`` for ``s`` over every graph (``REVISION_OF``: the records that
    renew ``s``); ``evidence``: the subjects typed cg:Evidence; ``keys[g]``: the subjects (and renewed records)
    graph ``g`` holds any of them for, each with a hash of those triples there. After a write, each subject whose
    triples in a changed graph differ (by that hash; held before or holds now) is read again whole, from every
    graph: whatever the write did to it, its facts are then the store's. A graph written again whole with one
    thing changed (a system's risk level in its organisation's graph) reads again only what changed in it, not the
    hundreds of subjects with an id or a title there.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.full_reads = 0  # reads of the whole store
        self.fact_loads = 0  # saved facts read (``questions.keptstate``)
        # The store being read, for facts read one subject at a time: set only while an answer is made under the
        # lock (``_brought_up``), so that the index never keeps the database, and RocksDB's lock, past a close.
        self._db: ox.Store | None = None
        self.forget()

    def forget(self) -> None:
        """As never read: the next refresh reads the whole store."""
        self._facts: dict[str, dict[str, list[str]]] | None = {p: {} for p in (*FORWARD, REVISION_OF)}
        # Facts saved by an earlier process, read when first needed, and the subjects read again before that.
        self._kept_facts: Callable[[], dict[str, dict[str, list[str]]] | None] | None = None
        self._edits: dict[str, dict[str, list[str]]] = {}
        self.evidence: set[str] = set()
        self.keys: dict[str, dict[str, int]] = {}
        self.blank: set[str] = set()  # subjects that are blank nodes (keys are plain strings)
        self.hashes: dict[str, str] | None = None
        self.last_reread: set[str] = set()  # the subjects the last refresh read again (none after a full read)
        # The rows as last made: each record's order key (which holds its row: ``_key_dict``) and the row's dict,
        # made when first asked for; the subjects each row was made from (to know which rows a subject read again
        # can change), the rows' order keys sorted, and the records to make again. Read back from a save, the
        # subjects' sets are tuples till one changes. Rows read back make no new tuples: each one a collection
        # would then walk, and enough of them set off a full collection over everything the files held.
        self._made: dict[str, tuple[str, ...]] | None = None
        self._dicts: dict[str, dict[str, Any]] = {}
        self._sources: dict[str, set[str] | tuple[str, ...]] = {}
        self._users: dict[str, set[str] | tuple[str, ...]] = {}
        self._order: list[tuple[str, ...]] = []
        self._dirty: set[str] = set()
        # Coverage's latest dates as last made: what each record gave (its latest date, the keys it is about),
        # each key's dates by record, the records with a value only the query reads as a date, the dates read,
        # and the records read again since (None: make them all again).
        self._latest: dict[tuple[str, str], date] | None = None
        self._gave: dict[str, tuple[date, list[tuple[str, str]]]] = {}
        self._by_key: dict[tuple[str, str], dict[str, date]] = {}
        self._odd: set[str] = set()
        self._days: dict[str, tuple[bool, date | None]] = {}
        self._latest_dirty: set[str] = set()
        self._version = 0
        self._changes: tuple[tuple[int, frozenset[tuple[str, str]]], ...] = ()  # the last few answers' changes
        # Rows saved by an earlier process (``questions.keptstate``), read when first asked for, and the subjects
        # read again since this process loaded the facts (whose rows to make again is known once those are read).
        self._kept_rows: Callable[[], dict[str, Any] | None] | None = None
        self._pending: set[str] = set()

    @property
    def built(self) -> bool:
        """Whether the whole store has been read once (after that, refreshes read only what changed)."""
        return self.hashes is not None

    @property
    def facts(self) -> dict[str, dict[str, list[str]]]:
        """``facts[p][s]``; saved ones are read here, when first needed (``FactsLost`` if they cannot be)."""
        if self._facts is None:
            loader, self._kept_facts = self._kept_facts, None
            kept = loader() if loader is not None else None
            if kept is None:
                raise FactsLost
            self.fact_loads += 1
            for key, found in self._edits.items():
                _put(kept, key, found)
            self._facts, self._edits = kept, {}
        return self._facts

    def _own(self, e: str) -> dict[str, dict[str, list[str]]]:
        """``facts`` as far as ``e``'s own go: without reading the saved facts (``e`` read from the store instead,
        if it was not read again since; the index is at the store's state, so the store has the same facts)."""
        if self._facts is not None or self._db is None:
            return self.facts
        return self._view([e])

    def _near(self, e: str) -> dict[str, dict[str, list[str]]]:
        """``facts`` as far as ``e``'s row goes (its own and those of the nodes it names), read likewise: the few
        rows a write touched are made again without reading the saved facts (1.1 s of a fresh evidence list at
        1.1M triples)."""
        if self._facts is not None or self._db is None:
            return self.facts
        own = self._lazily(e)
        return self._view([e, *{k for p in (FOR, CONCERNS, BY, REVISION_OF) for k in own.get(p, ())
                                 if not k.startswith(LITERAL)}])

    def _view(self, keys: list[str]) -> dict[str, dict[str, list[str]]]:
        view: dict[str, dict[str, list[str]]] = {p: {} for p in (*FORWARD, REVISION_OF)}
        for k in keys:
            for p, values in self._lazily(k).items():
                view[p][k] = values
        return view

    def _lazily(self, key: str) -> dict[str, list[str]]:
        assert self._db is not None
        found = self._edits.get(key)
        if found is None:
            found = self._edits[key] = self._read_subject(self._db, key)[0]
        return found

    def kept_state(self) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any] | None] | None:
        """What a later process needs to go on from this state (``questions.keptstate``): the latest dates with
        what they are made from, the facts, and the rows as last made (None if never made); None before the first
        read, or when the facts this index was loaded with are gone (it is then as never read). Under ``lock``."""
        if not self.built:
            return None
        try:
            facts = self.facts
            self._load_kept_rows()
        except FactsLost:
            self.forget()
            return None
        core = {k: getattr(self, k) for k in _CORE}
        if self._made is None:
            return core, facts, None
        rows = {"_order": self._order, "_sources": Tupled(self._sources), "_users": Tupled(self._users),
                "_dirty": self._dirty}
        return core, facts, rows

    @classmethod
    def from_kept(cls, core: dict[str, Any], facts: Callable[[], dict[str, dict[str, list[str]]] | None],
                  rows: Callable[[], dict[str, Any] | None]) -> EvidenceIndex:
        """An index at the state ``core`` was saved in; ``facts`` and ``rows`` read what was saved with it (None:
        none), each when first needed."""
        index = cls()
        for k in _CORE:
            setattr(index, k, core[k])
        index._facts, index._kept_facts, index._kept_rows = None, facts, rows
        return index

    def _load_kept_rows(self) -> None:
        if self._kept_rows is None:
            return
        kept, self._kept_rows = self._kept_rows(), None
        if kept is not None:
            self._order, self._sources, self._users = kept["_order"], kept["_sources"], kept["_users"]
            self._dirty = set(kept["_dirty"])
            self._made, self._dicts = {k[1]: k for k in self._order}, {}
        pending, self._pending = self._pending, set()
        self._mark(pending)

    def _mark(self, affected: set[str]) -> None:
        """The rows made from ``affected`` subjects are to be made again."""
        if self._kept_rows is not None:  # which rows used them is saved with the rows, not read yet
            self._pending |= affected
            return
        for key in affected:
            self._dirty.add(key)
            self._dirty.update(self._users.get(key, ()))

    # --- reading ---------------------------------------------------------------------------------------

    def _subject(self, term: Any) -> str:
        key = _value(term)
        if isinstance(term, ox.BlankNode):
            self.blank.add(key)
        return key

    def _scan(self, db: ox.Store, graph: Any) -> dict[str, dict[str, int]]:
        """Every triple the rows read in ``graph`` (None: all graphs), added to the facts; the keys per graph."""
        keys: dict[str, dict[str, int]] = {}
        renewals = self.facts[REVISION_OF]
        for p, q in _read(db, graph):
            s = self._subject(q.subject)
            if p == RDF_TYPE:
                self.evidence.add(s)
                _hold(keys, q, s)
            elif p == REVISION_OF:
                e = self._subject(q.object)
                newer = renewals.setdefault(e, [])
                if s not in newer:
                    newer.append(s)
                _hold(keys, q, s, e)
            else:
                values = self.facts[p].setdefault(s, [])
                o = _object(p, q.object)
                if o not in values:
                    values.append(o)
                _hold(keys, q, s)
        return keys

    def _keys_in(self, db: ox.Store, graph: str) -> dict[str, int]:
        """The subjects (and renewed records) ``graph`` holds a fact for now, each with the hash of those triples."""
        keys: dict[str, dict[str, int]] = {}
        for p, q in _read(db, _graph_term(graph)):
            s = self._subject(q.subject)
            _hold(keys, q, *((s, self._subject(q.object)) if p == REVISION_OF else (s,)))
        return keys.get(graph, {})

    def _reread(self, db: ox.Store, key: str) -> None:
        """``key``'s facts as the whole store has them now."""
        found, typed = self._read_subject(db, key)
        if self._facts is None:
            self._edits[key] = found
        else:
            _put(self._facts, key, found)
        if typed:
            self.evidence.add(key)
        else:
            self.evidence.discard(key)

    def _read_subject(self, db: ox.Store, key: str) -> tuple[dict[str, list[str]], bool]:
        """``key``'s facts in the store now, and whether it is typed cg:Evidence."""
        if key in self.blank:
            term: ox.NamedNode | ox.BlankNode = ox.BlankNode(key)
        else:
            try:
                term = ox.NamedNode(key)
            except ValueError:  # a blank node no read has seen as a subject: it has no facts
                return {}, False
        found: dict[str, list[str]] = {}
        typed = False
        for q in db.quads_for_pattern(term, None, None, None):
            p = q.predicate.value
            if p in _FORWARD:
                values = found.setdefault(p, [])
                o = _object(p, q.object)
                if o not in values:
                    values.append(o)
            elif p == RDF_TYPE and q.object == ox.NamedNode(EVIDENCE):
                typed = True
        newer: list[str] = []
        for q in db.quads_for_pattern(None, ox.NamedNode(REVISION_OF), term, None):
            n = self._subject(q.subject)
            if n not in newer:
                newer.append(n)
        if newer:
            found[REVISION_OF] = newer
        return found, typed

    def refresh(self, store: LocalStore) -> None:
        """Bring the index to the store's state: everything the first time, then what changed since."""
        hashes = graph_hashes(store)
        db = store.oxigraph
        if self.hashes is None:
            self.forget()
            self.keys = self._scan(db, None)
            self.hashes = hashes
            self.full_reads += 1
            self.last_reread = set()
            self._kept_rows, self._pending = None, set()
            self._made = None
            self._latest = None
            self.latest()  # with the whole read (~0.5 s of 10-20 s at 1.1M triples), not on a write's first view
            return
        old = self.hashes
        changed = {g for g in set(old) | set(hashes) if old.get(g) != hashes.get(g)}
        affected: set[str] = set()
        for g in changed | {""}:  # the trail never records the default graph: read it every time
            now = self._keys_in(db, g) if g in hashes or g == "" else {}
            before = self.keys.pop(g, {})
            affected.update(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
            if now:
                self.keys[g] = now
        for key in affected:
            self._reread(db, key)
        self._mark(affected)
        self._latest_dirty |= affected
        self.hashes = hashes
        self.last_reread = affected

    # --- the rows --------------------------------------------------------------------------------------

    def _row(self, e: str, f: dict[str, dict[str, list[str]]] | None = None) -> Row | None:
        f = self.facts if f is None else f
        ids = f[ID].get(e)
        if not ids:
            return None
        labels = f[LABEL].get(e, ())
        control = min(((c, i) for c in f[FOR].get(e, ()) for i in f[ID].get(c, ())), default=(None, None))
        concerns = min(((x, i) for x in f[CONCERNS].get(e, ()) for i in f[ID].get(x, ())), default=(None, None))
        owner = min((lab for a in f[BY].get(e, ()) for lab in f[LABEL].get(a, ())), default=None)
        newer = min((i for n in f[REVISION_OF].get(e, ()) for i in f[ID].get(n, ())), default=None)
        return (
            e,
            min(ids),
            min(labels, default=None),
            *control,
            *concerns,
            min(f[ISSUED].get(e, ()), default=None),
            min(f[UNTIL].get(e, ()), default=None),
            owner,
            newer,
        )

    def _uses(self, e: str, f: dict[str, dict[str, list[str]]] | None = None) -> set[str]:
        f = self.facts if f is None else f
        return {e, *f[FOR].get(e, ()), *f[CONCERNS].get(e, ()), *f[BY].get(e, ()), *f[REVISION_OF].get(e, ())}

    def _make(self, e: str) -> None:
        """(Re)make ``e``'s row, if it has one, and note what it was made from."""
        assert self._made is not None
        for k in self._sources.pop(e, ()):
            users = self._own_users(k)
            if users is not None:
                users.discard(e)
                if not users:
                    del self._users[k]
        old = self._made.pop(e, None)
        self._dicts.pop(e, None)
        if old is not None:
            at = bisect.bisect_left(self._order, old)
            del self._order[at]
        f = self._near(e)
        r = self._row(e, f) if e in self.evidence else None
        if r is None:
            return
        key = self._made[e] = _order(r)
        bisect.insort(self._order, key)
        sources = self._sources[e] = self._uses(e, f)
        for k in sources:
            users = self._own_users(k)
            if users is None:
                users = self._users[k] = set()
            users.add(e)

    def _own_users(self, k: str) -> set[str] | None:
        """The records whose rows ``k`` was read for, as a set this index may change (a save's tuple made one)."""
        users = self._users.get(k)
        if type(users) is tuple:
            users = self._users[k] = set(users)
        return users  # type: ignore[return-value]

    def latest(self) -> dict[tuple[str, str], date] | None:
        """(implementer, control) -> the latest valid-until date of the evidence about it with an id and a title,
        as coverage's query (``coverage.LATEST``) has it; None where the store holds a value that query may read
        as a date and this would not (a time zone, a year past 9999), so that the query answers instead.

        A record's part in the answer depends on its own facts only, so after a refresh only the records read
        again are taken out and put back (at 1.1M triples making it whole took 0.34 s of the first dashboard
        after a write). A new dict each time: the caller's snapshot keeps it."""
        touched: set[tuple[str, str]] = set()
        if self._latest is None:
            self._latest, self._gave, self._by_key, self._odd = {}, {}, {}, set()
            for e in self.facts[UNTIL]:
                self._give(e, set())
            full = True
        else:
            full = False
            for e in self._latest_dirty:
                self._take(e, touched)
                self._give(e, touched)
            for key in touched:
                days = self._by_key.get(key)
                if days:
                    self._latest[key] = max(days.values())
                else:
                    self._by_key.pop(key, None)
                    self._latest.pop(key, None)
        self._latest_dirty = set()
        self._version += 1
        # After a full make every key may have changed: no entry, so no earlier answer learns from this one.
        self._changes = () if full else (*self._changes[-15:], (self._version, frozenset(touched)))
        return None if self._odd else Latest(self._latest, self, self._version, self._changes)

    def _day(self, v: str) -> tuple[bool, date | None]:
        """Whether coverage's query might read ``v`` as a date and this cannot (a time zone...); else ``v`` as a
        date, None if it is none. 81k records at 1.1M triples share a few thousand dates: each is read once."""
        if v not in self._days:
            plain = _PLAIN_DATE.fullmatch(v) is not None
            self._days[v] = (not plain and _DATE_LIKE.search(v) is not None, iso_date(v) if plain else None)
        return self._days[v]

    def _give(self, e: str, touched: set[tuple[str, str]]) -> None:
        """Put record ``e``'s latest date into the answer, under each (implementer, control) it is about."""
        assert self._latest is not None
        f = self._own(e)
        days = []
        for v in f[UNTIL].get(e, ()):
            odd, day = self._day(v)
            if odd:
                self._odd.add(e)
            elif day is not None:
                days.append(day)
        if not days or e not in f[ID] or e not in f[LABEL]:
            return
        day = max(days)
        keys = [
            (impl.removeprefix(LITERAL), c.removeprefix(LITERAL))
            for impl in f[CONCERNS].get(e, ())
            for c in f[FOR].get(e, ())
        ]
        self._gave[e] = (day, keys)
        for key in keys:
            self._by_key.setdefault(key, {})[e] = day
            if key not in self._latest or self._latest[key] < day:
                self._latest[key] = day
            touched.add(key)

    def _take(self, e: str, touched: set[tuple[str, str]]) -> None:
        """Take record ``e``'s part out of the answer (the keys' latest dates are made again by the caller)."""
        self._odd.discard(e)
        gave = self._gave.pop(e, None)
        for key in gave[1] if gave else ():
            self._by_key.get(key, {}).pop(e, None)
            touched.add(key)

    def rows(self) -> list[dict[str, Any]]:
        """The same rows as ``query_rows`` on the store as of the last refresh (only changed ones made again)."""
        self._load_kept_rows()
        # Past a quarter of a large list, sorting it all again beats inserting each row in turn.
        if self._made is None or len(self._dirty) > max(REMAKE_ALL, len(self._made) // 4):
            self._made, self._dicts, self._sources, self._users, self._dirty = {}, {}, {}, {}, set()
            for e in self.evidence:
                r = self._row(e)
                if r is not None:
                    self._made[e] = _order(r)
                    sources = self._sources[e] = self._uses(e)
                    for k in sources:
                        self._users.setdefault(k, set()).add(e)
            self._order = sorted(self._made.values())
        else:
            for e in self._dirty:
                self._make(e)
            self._dirty = set()
        # Each order key starts with (id, IRI), and one row per IRI: the IRI finds the row.
        dicts, out = self._dicts, []
        for key in self._order:
            row = dicts.get(key[1])
            if row is None:
                row = dicts[key[1]] = _key_dict(key)
            out.append(row)
        return out


def latest(store: GraphStore, index: EvidenceIndex | None = None) -> dict[tuple[str, str], date] | None:
    """Coverage's latest valid-until per (implementer, control) from ``index`` (brought up to date) for an
    embedded store; None when coverage must ask its query (no index, a remote store, dates only it reads)."""
    if index is None or not isinstance(store, LocalStore):
        return None
    return _brought_up(store, index, index.latest)


def rows(store: GraphStore, index: EvidenceIndex | None = None) -> list[dict[str, Any]]:
    """The evidence rows: from ``index`` (brought up to date) for an embedded store, else by the query."""
    if index is None or not isinstance(store, LocalStore):
        return query_rows(store)
    return _brought_up(store, index, index.rows)


def _brought_up(store: LocalStore, index: EvidenceIndex, answer: Callable[[], T]) -> T:
    """``answer()`` once ``index`` is at the store's state; read whole again if the facts it was saved with are
    gone (a cache never fails the page that needs it)."""
    with index.lock:
        index._db = store.oxigraph
        try:
            index.refresh(store)
            return answer()
        except FactsLost:
            index.forget()
            index.refresh(store)
            return answer()
        finally:
            index._db = None
