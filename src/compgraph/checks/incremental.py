"""Incremental validation: after a change, run again only the constraint queries the change can affect.

The SPARQL engine runs one query per constraint (``checks.sparql``). A query's answer can only change if a
triple it can match changed, and a triple pattern only matches triples whose predicate it names (a pattern
with a variable predicate, or a negated path, matches any: such a query depends on everything). So each
query's dependencies are read from its parsed algebra: the IRIs it names, and whether it matches
``rdf:type`` with a variable class. A change is measured per (graph, predicate), and for ``rdf:type`` per
(graph, class), as an order-free digest of the triples: the graphs that changed since the last run are
those whose content hash in the audit trail moved (``graph.history``), and only their triples with the
predicates some query names are read. A query is run again when

- it names a changed predicate (or matches any predicate), or
- a changed class is one it names, or a subclass of one, or it matches any class;

every other query's rows are the last run's. Labels, the evidence files' hashes and the report are made
afresh each time, exactly as a full run makes them, so the findings are the full run's (a test applies
random changes and compares after each). The report is saved in part (``reportpart``): when the audit trail
shows the report graph is still what the last save left, only the results that went and came are written.

What the last run left is kept beside the store in ``DIR/cache/validation.json``: the date, a digest of
the shapes and the plan, each graph's content hash, the digests above and each query's rows. A different
date, other shapes, a plan with shapes pySHACL must run, or a file that cannot be read means a full run
(which writes the file for the next one).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import re
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import RDFS, SH
from rdflib.term import Node

from compgraph.checks import keptfindings, lastrun
from compgraph.checks.affected import (
    THIS,
    VALUE,
    Changed,
    EntriesRead,
    Entry,
    by_value,
    entries_json,
    focus_block,
    focus_nodes,
    restricted,
)
from compgraph.checks.integrity import with_evidence_integrity
from compgraph.checks.report import REPORT_GRAPH, Finding, Outcome, Triple
from compgraph.checks.reportpart import save_report_in_part
from compgraph.checks.shapes import load_shapes
from compgraph.checks.sparql.plan import Plan, Query, plan_each
from compgraph.checks.sparql.run import (
    _bounded_count,
    _labels,
    distinct_rows,
    findings_from_rows,
    rows_per_query,
    rows_with_focus,
    run_graph,
)
from compgraph.checks.sparqldeps import TYPE, Needs, needs_of
from compgraph.checks.sparqlrules import check_rules
from compgraph.checks.validate import _names, validate_store
from compgraph.graph import deltas, history, ondisk
from compgraph.graph.literals import KEPT_AS_WRITTEN
from compgraph.graph.namespaces import CG, graph_iri, shorten, sparql_prefixes, used_prefixes
from compgraph.graph.store import LocalStore

FORMAT = "compgraph-incremental/1"
VALUE_KEY = "value "  # the focus entries of a query's values are kept under its key with this before it
VALUE_LIMIT = 100  # values; past this the whole query, planned for all of them, is the surer cost
STATE = Path("cache") / "validation.json"


def query_needs(q: Query, prefixes: dict[str, str]) -> Needs:
    out = Needs()
    for text in (q.sparql, q.few_sparql, q.repeat_sparql):
        if text:
            out.add(needs_of(text, prefixes))
    return out


# --- what changed -------------------------------------------------------------------------------------


def graph_hashes(store: LocalStore) -> dict[str, str]:
    """Each data graph's content hash as the audit trail last recorded it (the trail itself: the store's token)."""
    db = store.oxigraph
    latest: dict[str, tuple[int, str]] = {}
    res = store.query(
        f"SELECT ?g ?n ?h WHERE {{ GRAPH <{history.HISTORY_GRAPH}> {{ ?e <{CG}sequence> ?n ; <{CG}graphChange> ?c ."
        f" ?c <{CG}graph> ?g ; <{CG}hashAfter> ?h }} }}"
    )
    for name, n, h in res.rows:
        seq = int(str(n))
        if str(name) not in latest or seq > latest[str(name)][0]:
            latest[str(name)] = (seq, str(h))
    out = {}
    for g in store.graph_names():
        # A graph the trail never recorded (written before it existed) is hashed from its content.
        out[g] = latest[g][1] if g in latest else history.graph_digest(db, g)[1]
    seq, head = history.head(db)
    out[history.HISTORY_GRAPH] = f"{seq}-{head}"
    return out


def graph_hash(store: LocalStore, graph: str) -> str | None:
    """``graph_hashes(store).get(graph)`` for one data graph, without hashing every graph the trail never recorded."""
    if graph not in store.graph_names():
        return None
    recorded = history.last_recorded(store.oxigraph, graph)
    return recorded[1] if recorded is not None else history.graph_digest(store.oxigraph, graph)[1]


def _class_key(o: Any) -> str:
    """An rdf:type object as the digests key it: a class's IRI as the queries name it, any other term's text."""
    return o.value if isinstance(o, ox.NamedNode) else str(o)


def digests(db: ox.Store, graph: str, predicates: Iterable[str]) -> dict[str, str]:
    """Order-free digests of the graph's triples per predicate, and per class for rdf:type."""
    g = ox.NamedNode(graph)
    out: dict[str, str] = {}
    for p in sorted(set(predicates)):
        quads = db.quads_for_pattern(None, ox.NamedNode(p), None, g)
        if p == TYPE:
            per: dict[str, list[str]] = {}
            for q in quads:
                # Keyed by the class's IRI as the queries name it: str() of a pyoxigraph NamedNode is "<iri>", which no
                # query's needs matched, so a change to which nodes have a class re-ran nothing.
                cls = _class_key(q.object)
                per.setdefault(cls, []).append(str(q.subject))
            out.update({f"type {c}": history.digest_lines(subjects)[1] for c, subjects in per.items()})
        else:
            lines = [f"{q.subject} {q.object}" for q in quads]
            if lines:
                out[p] = history.digest_lines(lines)[1]
    return out


def moved_digests(old: dict[str, str], gone: Iterable[ox.Triple], came: Iterable[ox.Triple],
                  predicates: Iterable[str]) -> dict[str, str]:
    """``digests`` of a graph whose digests were ``old``, after it lost ``gone`` and gained ``came`` (net of each
    other: ``deltas.between``). The digests are sums, so a line is added or taken away; a key whose sum comes back
    to zero has no lines left (``digests`` leaves it out), but for a 2**-256 chance. Blank nodes a rewrite only
    gave new labels are not in the difference (the same content): their keys keep the last run's digests, where a
    whole read would see new labels; a later whole read then sees those keys changed and runs their queries again,
    one run more, never one fewer."""
    wanted = set(predicates)
    sums = {k: history.StreamDigest.of(0, v) for k, v in old.items()}
    for triples, step in ((gone, history.StreamDigest.remove), (came, history.StreamDigest.add)):
        for t in triples:
            p = t.predicate.value
            if p not in wanted:
                continue
            if p == TYPE:
                key, line = f"type {_class_key(t.object)}", str(t.subject)
            else:
                key, line = p, f"{t.subject} {t.object}"
            step(sums.setdefault(key, history.StreamDigest()), line)
    return {k: d.result()[1] for k, d in sums.items() if d.total}


def _superclasses(store: LocalStore) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for c, s in store.query(f"SELECT ?c ?s WHERE {{ ?c <{RDFS.subClassOf}>+ ?s }}").rows:
        out.setdefault(str(c), set()).add(str(s))
    return out


# --- rows on disk -----------------------------------------------------------------------------------------


def _term_out(t: Node | None) -> Any:
    if t is None:
        return None
    if isinstance(t, URIRef):
        return ["u", str(t)]
    if isinstance(t, BNode):
        return ["b", str(t)]
    assert isinstance(t, Literal)
    return ["l", str(t), str(t.datatype) if t.datatype else None, t.language]


def _term_in(v: Any) -> Node | None:
    if v is None:
        return None
    if v[0] == "u":
        return URIRef(v[1])
    if v[0] == "b":
        return BNode(v[1])
    return Literal(v[1], datatype=URIRef(v[2]) if v[2] else None, lang=v[3])


def _stable(text: str | None) -> str | None:
    """A query's text with its PREFIX lines in one order (they come from a set)."""
    if text is None:
        return None
    lines = text.splitlines()
    head = sorted(x for x in lines if x.startswith("PREFIX"))
    return "\n".join(head + [x for x in lines if not x.startswith("PREFIX")])


def _stable_name(shapes: Graph, q: Query) -> str:
    """The rule's name, unless it is a blank node's label (new with every parse of the shapes)."""
    from compgraph.checks.sparql.run import _rule_name

    name = _rule_name(shapes, q)
    return "" if name in (str(q.shape), str(q.constraint)) else name


def query_id(shapes: Graph, q: Query) -> str:
    """A query by what its findings are made of: its texts, messages, severity, rule and path. The plan's order
    and its blank nodes' names change from one process to the next; this does not."""
    from compgraph.checks.sparql.plan import sparql_path

    made_of = [
        _stable(q.sparql), _stable(q.few_sparql), _stable(q.repeat_sparql), str(q.severity), str(q.component),
        sorted(str(m) for m in q.messages), q.generic, q.keep_vars, q.value_is_focus, _stable_name(shapes, q),
        None if q.path is None else sparql_path(shapes, q.path),
        str(q.shape) if isinstance(q.shape, URIRef) else "",
    ]
    return hashlib.sha256(json.dumps(made_of, default=str).encode()).hexdigest()


def _plan_digest(shapes: Graph, ids: list[str], escaped: bool) -> str:
    """The queries (as a set) and the shapes' triples without blank nodes."""
    lines = sorted(
        f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in shapes if not isinstance(s, BNode) and not isinstance(o, BNode)
    )
    return hashlib.sha256(json.dumps([lines, sorted(ids), escaped]).encode()).hexdigest()


_Prepared = tuple[Plan, list[Needs], list[str], str, list[Query | None], list[str | None]]
_PREPARED: dict[tuple[str, bool], _Prepared] = {}


def _prepared(shapes: Graph, escaped: bool) -> _Prepared:
    """The plan, each query's dependencies and id, the plan's digest, each query's plain form and the key of its
    focus entries (``_entries_key``): made once per shapes graph (keyed by
    its triples as parsed, blank node labels included, since the plan's queries name those nodes) and kept for
    the process (a server validating after each write, the bench). Planning and reading the dependencies
    took 0.25 s of every run at 13k triples."""
    key = (hashlib.sha256("\n".join(sorted(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in shapes)).encode()).hexdigest(),
           escaped)
    if key not in _PREPARED:
        p = plan_each(shapes, as_written_data=escaped and (None, SH.sparql, None) in shapes)
        prefixes = dict(re.findall(r"PREFIX\s+([\w-]*):\s*<([^>]*)>", sparql_prefixes()))
        ids = [query_id(shapes, q) for q in p.queries]
        if len(_PREPARED) >= 4:
            _PREPARED.clear()
        plain = _plain_forms(shapes, p, escaped)
        _PREPARED[key] = (p, [query_needs(q, prefixes) for q in p.queries], ids, _plan_digest(shapes, ids, escaped),
                          plain, [None if q is None else _entries_key(q) for q in plain])
    return _PREPARED[key]


def _plain_forms(shapes: Graph, p: Plan, escaped: bool) -> list[Query | None]:
    """Each query as planned for a remote server: standard SPARQL, its patterns not read whole and hash-joined, so
    a VALUES of a few focus nodes restricts what it reads (``affected.restricted``). None where the two plans do
    not line up query by query, or a query's rows are repeated per focus group (a count over other nodes)."""
    plain = plan_each(shapes, as_written_data=escaped and (None, SH.sparql, None) in shapes, nested=False).queries
    if len(plain) != len(p.queries):
        return [None] * len(p.queries)

    def same(a: Query, b: Query) -> bool:
        return (a.shape, a.component, a.constraint, str(a.path), a.keep_vars) == (
            b.shape, b.component, b.constraint, str(b.path), b.keep_vars)

    # Except where the embedded plan turned a nested NOT EXISTS into a MINUS of a sub-select: Oxigraph runs the
    # standard form's nested NOT EXISTS per row from scratch (1.1M triples, one organisation: 21.8 s standard,
    # 0.51 s the embedded form with the focus nodes in its focus blocks; its whole run 2.7 s).
    return [(a if _NESTED_MINUS.search(a.sparql) else b) if same(a, b) and not a.repeat_sparql and not b.repeat_sparql
            else None for a, b in zip(p.queries, plain, strict=True)]


_NESTED_MINUS = re.compile(r"\bMINUS\s*\{\s*SELECT\b", re.IGNORECASE)


def _load(path: Path) -> dict[str, Any] | None:
    # Not a file this module wrote (a field missing or of another kind): a full run, never a traceback.
    return ondisk.kept_json(path, FORMAT, {"as_of": str, "plan": str, "graphs": dict, "sigs": dict, "rows": dict})


# --- the run ----------------------------------------------------------------------------------------------


@dataclass
class Incremental:
    outcome: Outcome
    queries: int  # in the plan
    rerun: int  # of them run this time
    changed: list[str]  # the (predicate or class) keys that changed, shortened for people
    why_full: str = ""  # empty when the last run's rows were used
    seconds: float = 0.0
    focused: int = 0  # of them run only for the focus nodes the change reaches

    def summary(self) -> str:
        if self.why_full:
            return f"incremental: full run ({self.why_full}); {self.queries} constraint queries, {self.seconds:.2f} s"
        what = ", ".join(self.changed[:5]) + (" ..." if len(self.changed) > 5 else "")
        part = f", {self.focused} more for the focus nodes the change reaches" if self.focused else ""
        return (
            f"incremental: ran {self.rerun} of {self.queries} constraint queries again{part}"
            f" ({len(self.changed)} changed: {what or 'nothing'}), {self.seconds:.2f} s"
        )


def validate_incremental(
    store: LocalStore, as_of: date, shapes: Graph | None = None, save: bool = True, write_behind: bool = False
) -> Incremental:
    """The findings of a full validation (SPARQL engine), running only what changed since the last run can affect.
    ``write_behind``: the file for the next run is written after this returns (a server, the bench: ``lastrun``).

    Python's cycle collector is paused for the run: what the run allocates is freed by reference counting as it
    goes, but its allocations set off full collections, each a walk over every object the process keeps (the last
    run's rows and findings: ~0.13 s at 1.1M triples), so one run in three took 0.3 s instead of 0.17 s after an
    evidence item. Collections resume when it returns; a caller that had paused them keeps them paused."""
    with _cycle_collector_paused():
        return _validate_incremental(store, as_of, shapes, save, write_behind)


_PAUSE_LOCK = threading.Lock()
_pauses = [0, False]  # runs under way, and whether collections were on before the first of them


@contextlib.contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Collections off while any run is under way (a server may run two at once), back as they were after the last."""
    with _PAUSE_LOCK:
        if _pauses[0] == 0:
            _pauses[1] = gc.isenabled()
            gc.disable()
        _pauses[0] += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _pauses[0] -= 1
            if _pauses[0] == 0 and _pauses[1]:
                gc.enable()


def _validate_incremental(
    store: LocalStore, as_of: date, shapes: Graph | None, save: bool, write_behind: bool
) -> Incremental:
    """``validate_incremental``'s work.

    Long because it is one sequence that must stay in this order: what the last run kept, what changed since,
    which queries that affects, their rows, then labels, report and the file for the next run."""
    t0 = time.perf_counter()
    shapes = shapes if shapes is not None else load_shapes()
    check_rules(shapes)
    escaped = bool(store.query(f"ASK {{ ?g <{KEPT_AS_WRITTEN}> ?n }}").boolean)
    p, needs, ids, plan_id, plain, entry_keys = _prepared(shapes, escaped)
    path = store.root / STATE
    lastrun.settle(path)
    if p.fallback:
        outcome = validate_store(store, as_of, shapes, save=save)
        why = f"{len(p.fallback)} shapes need pySHACL, which cannot run in part"
        return Incremental(outcome, len(p.queries), len(p.queries), [], why, time.perf_counter() - t0)
    wanted: set[str] | None = set().union(*(n.iris for n in needs))
    if any(n.any_predicate for n in needs):
        wanted = None  # every predicate matters
    hashes = graph_hashes(store)
    db = store.oxigraph
    memo = lastrun.recall(path, ids)  # this process's copy of the file, rows decoded and findings made
    stamp = lastrun.stamp_of(path) if memo is None else None
    last = memo.doc if memo is not None else _load(path)
    why = ""
    if last is None:
        why = "no earlier run kept beside the store"
    elif last.get("as_of") != as_of.isoformat():
        why = f"the last run was as of {last.get('as_of')}"
    elif last.get("plan") != plan_id or not isinstance(last.get("rows"), dict) or set(last["rows"]) != set(ids):
        why = "the shapes changed"
    elif wanted is None:
        why = "a constraint matches any predicate"
    sigs: dict[str, dict[str, str]] = {}
    changed: set[str] = set()
    added: list[Changed] = []  # the triples of graphs new since the last run, and those kept writes added
    removed: list[Changed] = []  # what kept writes removed (``deltas``)
    touched: list[int] = []  # queries only those can affect: run again for the focus nodes they reach
    whole_keys: set[str] = set()  # the keys changed in graphs whose change is not known triple by triple
    # A query's focus entries are read from its plain form's text alone and kept under that text's digest: they
    # stay right whatever made this a full run (another day, other shapes, another version of the planner), so the
    # first change after one does not parse them again (~15 ms a query).
    kept_focus = last.get("focus") if last is not None else None
    planned = {k for k in entry_keys if k is not None} | {VALUE_KEY + k for k in entry_keys if k is not None}
    focus = {k: v for k, v in kept_focus.items() if k in planned} if isinstance(kept_focus, dict) else {}
    if why:
        rerun = list(range(len(p.queries)))
        for g in hashes:
            sigs[g] = digests(db, g, wanted if wanted is not None else _predicates(db, g))
    else:
        assert last is not None and wanted is not None
        old_hashes, old_sigs = last["graphs"], last["sigs"]
        sigs = {g: old_sigs[g] for g in hashes if g in old_sigs and old_hashes.get(g) == hashes[g]}
        for g in set(hashes) | set(old_hashes):
            if g in hashes and g in sigs:
                continue
            # A graph rewritten in place whose writes kept their difference (a risk level changed): its digests
            # are the last run's moved by that difference, not read again from the whole graph.
            kept_delta = deltas.between(store.root, g, old_hashes[g], hashes[g]) if (
                g in hashes and g in old_hashes and g in old_sigs and g != history.HISTORY_GRAPH) else None
            if kept_delta is not None:
                new = moved_digests(old_sigs[g], kept_delta[0], kept_delta[1], wanted)
            else:
                new = digests(db, g, wanted) if g in hashes else {}
            if g in hashes:
                sigs[g] = new
            old = old_sigs.get(g, {})
            moved = {k for k in set(old) | set(new) if old.get(k) != new.get(k)}
            changed |= moved
            trail = _trail_added(db, old_hashes.get(g), wanted) if g == history.HISTORY_GRAPH and g in hashes else None
            if trail is not None:
                added += trail
            elif g in hashes and g not in old_hashes and g != history.HISTORY_GRAPH:
                # A graph new since the last run (an evidence item, say): what changed is exactly its content.
                added += _content(db, g, wanted)
            elif kept_delta is not None:
                removed += _changed(kept_delta[0], wanted)
                added += _changed(kept_delta[1], wanted)
            else:
                whole_keys |= moved
        supers = _superclasses(store) if any(k.startswith("type ") for k in changed) else {}
        rerun = [i for i, n in enumerate(needs) if any(n.affected_by(k, supers) for k in whole_keys)]
        whole = set(rerun)
        touched = [i for i, n in enumerate(needs) if i not in whole and any(n.affected_by(k, supers) for k in changed)]
    unchanged = not why and not rerun and not touched and last is not None and last.get("graphs") == hashes
    key = keptfindings.state_key(plan_id, as_of.isoformat(), hashes)
    kept_findings = keptfindings.load(store.root, key) if unchanged else None
    if kept_findings is not None:
        assert last is not None
        return _as_kept(store, as_of, shapes, p, ids, last, kept_findings, key, save, t0)
    if memo is None and not why and last is not None:
        memo = lastrun.recall_from_disk(path, ids, last, stamp)  # the copy the process that wrote the file kept
    per_query = [[] for _ in p.queries] if why else list(memo.rows) if memo else _kept_rows(last, ids)  # type: ignore[arg-type]
    focused = 0
    remade = set(range(len(p.queries))) if why else set()  # the queries whose rows may differ from the last run's
    by_values: dict[int, set[Any]] = {}  # of those, the ones read again for some values only: the values
    # A full run reads the entries the next change will need while it waits on the store (none are needed where
    # any predicate matters: every run is a full one).
    reading = EntriesRead({k: _entries_text(q) for q, k in zip(plain, entry_keys, strict=True) if q is not None
                           and k is not None and k not in focus}, VALUE_KEY) if why and wanted is not None else None
    try:
        if rerun or touched:  # the date's scratch graph is a write, so only if needed
            with run_graph(store, as_of):
                nodes = _focus_sets(store, touched, plain, focus, entry_keys, added + removed, removed)
                for i in touched:
                    (found, values), form = nodes[i], plain[i]
                    got = None if form is None else _for_focus_nodes(
                        store, p.queries[i], form, found, per_query[i]) if found is not None else _for_values(
                        store, p.queries[i], form, values, per_query[i]) if values is not None else None
                    if got is None:
                        rerun.append(i)
                    else:
                        if got is not per_query[i]:
                            remade.add(i)
                            if found is None and values is not None:
                                by_values[i] = values
                        per_query[i] = got
                        focused += 1
                fresh = rows_per_query(store, [p.queries[i] for i in rerun])
            for i, rows in zip(rerun, fresh, strict=True):
                per_query[i] = rows
            remade |= set(rerun)
    finally:
        if reading is not None:
            focus.update(reading.stop())
    flat = [(q, d) for q, rows in zip(p.queries, per_query, strict=True) for d in rows]
    labels, per_findings = _findings(store, shapes, p.queries, per_query, remade, by_values, memo if not why else None,
                                     None if whole_keys & _LABELS else {t.s for t in added + removed if t.p in _LABELS})
    findings, owners = lastrun.merged(per_findings, memo if not why else None)
    kept = list(findings)  # the memory copy's own: a caller may reorder the outcome's
    made = Outcome(as_of, not rows_with_focus(flat), findings, lambda: findings_from_rows(flat, shapes, labels)[1])
    made.engines = {"sparql": _names(shapes, p.sparql_roots), "pyshacl": []}
    made.shapes = shapes
    outcome = with_evidence_integrity(store, made)
    if save:
        # The saved report is visible to the queries, so the next run compares against the state these rows
        # were read from: it sees the report graph (and the trail) as changed, as they are. Saved in part: the
        # last save is known from the trail, so only what changed is read back (``reportpart``).
        save_report_in_part(store, outcome, shapes)
    saved = history.last_recorded(db, REPORT_GRAPH) if save else None
    if unchanged:
        # Nothing changed: the incremental file already says all of this (2.5 s to write at 1.1M).
        def kept_only() -> bool:
            keptfindings.keep(store.root, key, made.conforms, made.findings, outcome.findings, saved)
            return True

        same = None if last is None else lastrun.LastRun((0, 0, 0), last, ids, per_query, per_findings, labels, kept,
                                                         owners)
        lastrun.write(path, kept_only, same, write_behind)
        return Incremental(outcome, len(p.queries), 0, [], why, time.perf_counter() - t0)
    encoded: dict[Node, Any] = {}  # the same few thousand terms recur in 100k rows: each encoded once (0.3 s to 0.1 s)

    def term_out(v: Node | None) -> Any:
        if v is None:
            return None
        got = encoded.get(v)
        if got is None:
            got = encoded[v] = _term_out(v)
        return got

    doc = {
        "format": FORMAT,
        "as_of": as_of.isoformat(),
        "plan": plan_id,
        "graphs": hashes,
        "sigs": sigs,
        "focus": focus,
        "rows": {
            # A query whose rows did not change keeps them as the last file wrote them (0.6 s to encode 28k rows).
            qid: last["rows"][qid] if last is not None and i not in remade else [
                {k: term_out(v) for k, v in d.items()} for d in rows]
            for i, (qid, rows) in enumerate(zip(ids, per_query, strict=True))
        },
    }

    def both() -> bool:
        if not ondisk.keep_json(path, doc):  # not written (a read-only store): every run is a full one
            return False
        keptfindings.keep(store.root, key, made.conforms, made.findings, outcome.findings, saved)
        return True

    run = lastrun.LastRun((0, 0, 0), doc, ids, per_query, per_findings, labels, kept, owners)
    lastrun.write(path, both, run, write_behind)
    names = sorted(shorten(k[5:]) + " (class)" if k.startswith("type ") else shorten(k) for k in changed)
    return Incremental(outcome, len(p.queries), len(rerun), names, why, time.perf_counter() - t0, focused)


def _kept_rows(last: dict[str, Any], ids: list[str]) -> list[list[dict[str, Node | None]]]:
    """The last run's rows of each query, as terms."""
    memo: dict[tuple, Node | None] = {}  # the same few thousand terms recur in 100k rows

    def term(v: Any) -> Node | None:
        key = tuple(v) if v is not None else ()
        if key not in memo:
            memo[key] = _term_in(v)
        return memo[key]

    return [[{k: term(v) for k, v in d.items()} for d in last["rows"][qid]] for qid in ids]


def _as_kept(
    store: LocalStore, as_of: date, shapes: Graph, p: Plan, ids: list[str], last: dict[str, Any],
    kept: dict[str, Any], key: str, save: bool, t0: float,
) -> Incremental:
    """Nothing changed and the last run's findings are kept (``keptfindings``): they are this run's. The report
    is made from the kept rows only if something asks for it; the evidence files are checked afresh."""

    def report() -> list[Triple]:
        flat = [(q, d) for q, rows in zip(p.queries, _kept_rows(last, ids), strict=True) for d in rows]
        return findings_from_rows(flat, shapes, {})[1]  # labels name findings, not report triples

    made = Outcome(as_of, kept["conforms"], kept["findings"], report)
    made.engines = {"sparql": _names(shapes, p.sparql_roots), "pyshacl": []}
    made.shapes = shapes
    outcome = with_evidence_integrity(store, made)
    if save and keptfindings.save_needed(kept, outcome.findings, history.last_recorded(store.oxigraph, REPORT_GRAPH)):
        save_report_in_part(store, outcome, shapes)
        saved = history.last_recorded(store.oxigraph, REPORT_GRAPH)
        keptfindings.keep(store.root, key, made.conforms, made.findings, outcome.findings, saved)
    return Incremental(outcome, len(p.queries), 0, [], "", time.perf_counter() - t0)


def _predicates(db: ox.Store, graph: str) -> set[str]:
    res = db.query(f"SELECT DISTINCT ?p WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return {row[0].value for row in res}  # type: ignore[union-attr,index]


TRAIL_ENTRIES_READ = 1_000  # new trail entries since the last run read as added triples; more: whole reruns


def _trail_added(db: ox.Store, token: str | None, wanted: set[str]) -> list[Changed] | None:
    """The triples the audit trail gained since the state ``token`` ("seq-hash" of its head then), or None when
    that cannot be vouched for: the trail only grows, one entry per write, so what it gained is the entries after
    that head, their graph changes and their agents (an agent known before counts as added too: a node checked
    again for nothing, never one missed)."""
    if token is None or "-" not in token:
        return None
    seq_text, _, old_head = token.partition("-")
    if not seq_text.isdigit():
        return None
    old_seq, (new_seq, _) = int(seq_text), history.head(db)
    if new_seq < old_seq or new_seq - old_seq > TRAIL_ENTRIES_READ:
        return None
    trail = ox.NamedNode(history.HISTORY_GRAPH)
    if old_seq:
        kept = list(db.quads_for_pattern(ox.NamedNode(history.entry_iri(old_seq)), ox.NamedNode(f"{CG}entryHash"),
                                         None, trail))
        if [str(getattr(q.object, "value", "")) for q in kept] != [old_head]:
            return None  # not the trail the last run saw
    out: list[Changed] = []
    for n in range(old_seq + 1, new_seq + 1):
        entry = ox.NamedNode(history.entry_iri(n))
        quads = list(db.quads_for_pattern(entry, None, None, trail))
        for q in list(quads):
            if q.predicate.value in (f"{CG}graphChange", "http://www.w3.org/ns/prov#wasAssociatedWith"):
                quads += db.quads_for_pattern(q.object, None, None, trail)  # type: ignore[arg-type]
        out += _changed(quads, wanted)
    return out


def _content(db: ox.Store, graph: str, wanted: set[str]) -> list[Changed]:
    """The triples of ``graph`` with a predicate some query names."""
    return _changed(db.quads_for_pattern(None, None, None, ox.NamedNode(graph)), wanted)


def _changed(quads: Iterable[ox.Quad] | Iterable[ox.Triple], wanted: set[str]) -> list[Changed]:
    out = []
    for q in quads:
        if q.predicate.value not in wanted:
            continue
        s, o = q.subject, q.object
        out.append(Changed(
            s.value if isinstance(s, ox.NamedNode) else str(s), q.predicate.value,
            o.value if isinstance(o, ox.NamedNode) else str(o),
            None if isinstance(s, ox.BlankNode) else str(s), None if isinstance(o, ox.BlankNode) else str(o),
        ))
    return out


def _entries_text(q: Query) -> str:
    """The text a query's focus entries are read from: the plain form with the PREFIX lines it uses."""
    return used_prefixes(q.sparql) + q.sparql


def _entries_key(q: Query) -> str:
    """What a query's focus entries are kept under in the state file: the digest of the text they are read from."""
    return hashlib.sha256(_entries_text(q).encode()).hexdigest()


def _focus_sets(
    store: LocalStore, touched: list[int], plain: list[Query | None], focus: dict[str, Any], keys: list[str | None],
    changed: list[Changed], removed: list[Changed],
) -> dict[int, tuple[set[Any] | None, set[Any] | None]]:
    """The focus nodes each touched query must read again, or where they are not known or many (``_many``) the
    values (None, None: the whole query). Read over the data as it is plus the triples removed since the last
    run, put back in a scratch graph for the while: a focus node could reach a removed triple only through others
    removed with it (a system and its evidence deleted together)."""
    back = graph_iri("validation", "run", uuid.uuid4().hex + "-removed")
    if removed:
        store.replace_graph(back, "".join(f"{t.s_text} <{t.p}> {t.o_text} .\n" for t in removed).encode())
    try:
        out: dict[int, tuple[set[Any] | None, set[Any] | None]] = {}

        def reached(q: Query, key: str, target: Variable) -> set[Any] | None:
            if key not in focus:
                # Read once per text and kept in the state file: rdflib's parser takes ~15-25 ms a query.
                focus[key] = entries_json(_entries_text(q), target)
            entries = [Entry.from_json(e) for e in focus[key]] if focus[key] is not None else None
            return None if entries is None else focus_nodes(
                lambda text: [r[0] for r in store.query(sparql_prefixes() + text).rows], entries, changed, target)

        for i in touched:
            q, key = plain[i], keys[i]
            if q is None or key is None:
                out[i] = (None, None)
                continue
            nodes = reached(q, key, THIS)
            if nodes is not None and not _many(store, q, nodes):
                out[i] = (nodes, None)
                continue
            values = reached(q, VALUE_KEY + key, VALUE)
            out[i] = (None, values if values is not None and len(values) <= VALUE_LIMIT else None)
        return out
    finally:
        if removed:
            store.drop_graph(back)


def _many(store: LocalStore, q: Query, nodes: set[Any]) -> bool:
    """Whether ``nodes`` are a tenth of ``q``'s focus nodes or more: then the whole query, planned for all of them,
    costs less (a mapping to an AI Act obligation reaches every organisation subject to the Act; 1.1M triples:
    the organisation rule for all 100 restricted 6.8 s, whole 2.7 s). Counted up to ten times their number."""
    block = focus_block(q.sparql)
    if not nodes or block is None:
        return False
    limit = 10 * len(nodes)
    return _bounded_count(store, block, limit) < limit


def _for_values(
    store: LocalStore, q: Query, plain: Query, values: set[Any], kept: list[dict[str, Node | None]],
) -> list[dict[str, Node | None]]:
    """``q``'s rows after a change whose focus nodes are many, but whose values (``?value``) are few: the kept rows
    of the other values and those of these, read again (``affected.by_value``)."""
    if not values:
        return kept
    res = store.query(sparql_prefixes() + by_value(plain.sparql, sorted(v.n3() for v in values)))
    return _replaced(kept, distinct_rows(q, res.dicts()), "value", values)


def _for_focus_nodes(
    store: LocalStore, q: Query, plain: Query, nodes: set[Any], kept: list[dict[str, Node | None]],
) -> list[dict[str, Node | None]]:
    """``q``'s rows after a change: the kept rows of the focus nodes the change cannot reach and the rows of
    those it can (``nodes``), read again."""
    if not nodes:
        return kept
    res = store.query(sparql_prefixes() + restricted(plain.sparql, sorted(n.n3() for n in nodes)))
    return _replaced(kept, distinct_rows(q, res.dicts()), "this", nodes)


def _replaced(
    kept: list[dict[str, Node | None]], fresh: list[dict[str, Node | None]], var: str, read: set[Any],
) -> list[dict[str, Node | None]]:
    """The kept rows whose ``var`` is not one of those ``read`` again, and the ``fresh`` rows; ``kept`` itself where
    the fresh rows are those it held (the query's findings and its rows in the file stand)."""
    before = [d for d in kept if d.get(var) in read]
    if len(before) == len(fresh) and {frozenset(d.items()) for d in before} == {frozenset(d.items()) for d in fresh}:
        return kept
    return [d for d in kept if d.get(var) not in read] + fresh


_LABELS = {str(RDFS.label), str(SH.name), "http://purl.org/dc/terms/title"}  # what ``_labels`` reads


def _findings(
    store: LocalStore, shapes: Graph, queries: list[Query], per_query: list[list[dict[str, Node | None]]],
    remade: set[int], by_values: dict[int, set[Any]], memo: lastrun.LastRun | None, relabelled: set[str] | None,
) -> tuple[dict[Node, str], list[list[Finding]]]:
    """The focus nodes' labels and each query's findings: from the last run's where its rows and their focus nodes'
    labels are the same (``relabelled``: the nodes whose label triples were added; None: labels may have changed
    anywhere), else made again; for a query read again for some values only (``by_values``), the last run's of the
    other values and those of its rows of these (the implemented rule after a mapping: 20k findings, ~0.3 s)."""
    if memo is None or relabelled is None:
        labels = _labels(store, (d.get("this") for rows in per_query for d in rows))  # type: ignore[misc]
        return labels, [_made(shapes, q, rows, labels) for q, rows in zip(queries, per_query, strict=True)]
    labels = dict(memo.labels)
    stale = {URIRef(x) for x in relabelled}
    fresh = {d.get("this") for i in remade for d in per_query[i]} | stale
    for n in fresh:  # a label removed: the node is named by its IRI now, not by the label kept
        labels.pop(n, None)  # type: ignore[arg-type]
    labels.update(_labels(store, (n for n in fresh if n is not None)))
    out = []
    for i, (q, rows) in enumerate(zip(queries, per_query, strict=True)):
        relabel = stale and any(d.get("this") in stale for d in rows)
        if i in by_values and not relabel and q.keep_vars:
            out.append(_values_made(shapes, q, rows, labels, memo.findings[i], by_values[i]))
        else:
            out.append(_made(shapes, q, rows, labels) if i in remade or relabel else memo.findings[i])
    return labels, out


def _values_made(
    shapes: Graph, q: Query, rows: list[dict[str, Node | None]], labels: dict[Node, str], kept: list[Finding],
    values: set[Any],
) -> list[Finding]:
    """A query's findings after its rows of ``values`` were read again: the kept ones of other values and those
    made from these rows. A finding names its value as text, so where another row's value has the same text (a
    literal spelling an IRI) all are made again."""
    shown = {str(v) for v in values}
    if any(str(d.get("value")) in shown and d.get("value") not in values for d in rows):
        return _made(shapes, q, rows, labels)
    fresh = _made(shapes, q, [d for d in rows if d.get("value") in values], labels)
    return sorted({f for f in kept if f.value not in shown} | set(fresh), key=Finding.sort_key)


def _made(shapes: Graph, q: Query, rows: list[dict[str, Node | None]], labels: dict[Node, str]) -> list[Finding]:
    return findings_from_rows([(q, d) for d in rows], shapes, labels, report_too=False)[0]
