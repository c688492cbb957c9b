"""Saving the report in part: the difference from the last saved report worked out in memory, not read back.

``save_report`` reads the whole report graph back to find what changed and its hash before (5.3 of an
incremental run's 15 s at 1.1M triples, 259k report triples). Its results are named by their content
(``reportiris``), so the report graph is known from the set of its subjects: a result's or a node's IRI is a hash of
its triples, and the report node's triples are its links to the results and a few more (date, conforms).

So the last save through this module leaves beside the store (``DIR/cache/report.json``) the report graph's
(count, hash) after the write and its subjects. The next save trusts that only if the audit trail's last record of
the report graph has that same count and hash: a hash is of the graph's whole content, so it is then exactly the
graph that save wrote; any other write to it (``validate`` without ``--incremental``, an edit through the store)
is a later trail entry with another hash. Then the subjects that went are read (only they: a few index look-ups),
only the triples of those that came are named and converted (``NamedReport``), and hashBefore is the trail's hash.
Any doubt (no file, another hash, a subject that came already in the graph, a blank node, a triple that would come
twice) falls back to ``save_report``'s read of the whole graph, which then leaves the file for the next save. The
file is written after the store's write, by an atomic rename: a crash in between leaves a file whose hash the trail
no longer holds, so the next save is whole.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import DCTERMS, SH

from compgraph.checks.report import REPORT_GRAPH, NamedReport, Outcome, Triple
from compgraph.checks.reportiris import _NODE, _RESULT, REPORT_NODE
from compgraph.graph import history, ondisk
from compgraph.graph.store import LocalStore
from compgraph.graph.writes import Difference, difference, digest_as_written, has_blank

FORMAT = "compgraph-report-kept/1"
KEPT = Path("cache") / "report.json"
_HAS_RESULT = ox.NamedNode(str(SH.result))
_REPORT = ox.NamedNode(str(REPORT_NODE))
_CREATED = ox.NamedNode(str(DCTERMS.created))


def save_report_in_part(store: LocalStore, outcome: Outcome, shapes: Graph | None = None) -> str:
    """Save the report as ``save_report`` does (the same graph, the same trail entry), reading back only what
    went when the last save is known to be what the store holds. Returns why it read the whole graph ("" if not)."""
    named = NamedReport(outcome, shapes)
    path = store.root / KEPT
    kept = _load(path)
    db = store.oxigraph
    why = "no earlier save kept beside the store" if kept is None else ""
    diff = None
    if kept is not None:
        recorded = history.last_recorded(db, REPORT_GRAPH)
        if recorded != (kept["count"], kept["digest"]):
            why = "the report graph was written by another path since the last save"
        else:
            diff, why, subjects, preds = _in_part(db, kept, named)
    if diff is None:
        new = dict.fromkeys(named.quads(named.raw + named.header))  # ordered; a quad given twice is held once
        diff = difference(db, REPORT_GRAPH, new)
        if diff is None:  # not provable from the quads: written whole, and nothing kept to trust next time
            _forget(path)
            store.write_own_quads(REPORT_GRAPH, list(new))
            return why or "a quad the store would not give back as written"
        subjects = {q.subject for q in new}
        preds = {q.predicate.value for q in new if q.subject == _REPORT and q.predicate != _HAS_RESULT}
    if _restamped_only(diff) and history.newest_entry_graphs(db) == {REPORT_GRAPH}:
        # The same report of data nobody wrote since it was saved: only its creation time would move. Not written,
        # so a re-run on unchanged data leaves the store, its audit trail and what is keyed on them (the kept
        # incremental rows, page caches) as they were, and the report still says when these findings were saved.
        # A write to any data graph since (its trail entry is newer) makes this run's report the one to save.
        _keep(path, diff.before, subjects, preds)
        return why
    store.write_difference(diff)
    _keep(path, diff.after, subjects, preds)
    return why


def _restamped_only(diff: Difference) -> bool:
    """Whether the only change is the report node's dcterms:created (one value for another)."""
    quads = [*diff.removed, *diff.added]
    return len(diff.removed) == len(diff.added) == 1 and all(
        q.subject == _REPORT and q.predicate == _CREATED for q in quads
    )


def _in_part(
    db: ox.Store, kept: dict[str, Any], named: NamedReport
) -> tuple[Difference | None, str, set[Any], set[str]]:
    """The difference from the graph the last save left (``kept``: its hash is the trail's) to ``named``'s, why
    there is none, the new graph's subjects and the report node's predicates but sh:result (for the next save).
    Only the triples of subjects that came, and the report node's own (not its links), are named and converted."""
    target = ox.NamedNode(REPORT_GRAPH)
    name, term = named.name, named.term
    by_raw: dict[Any, list[Triple]] = {}
    for t in named.raw + named.header:
        by_raw.setdefault(t[0], []).append(t)
    by_subject: dict[Any, list[Triple]] = {}  # two blank nodes alike (a path two queries share) are one subject
    for raw_s, triples in by_raw.items():
        by_subject.setdefault(term(name(raw_s)), []).extend(triples)
    old = {ox.NamedNode(s) for s in kept["subjects"]}
    new = set(by_subject)
    removed: list[ox.Quad] = []
    added: list[ox.Quad] = []
    mine: list[Triple] = []
    for s, triples in by_subject.items():
        if s == _REPORT:
            mine += triples
        elif s not in old:
            if next(iter(db.quads_for_pattern(s, None, None, target)), None) is not None:
                return _doubt("a result to add is in the report graph already")
            added += dict.fromkeys(named.quads(triples))
        elif not _named_by_content(s):  # named otherwise (a path node the shapes name): compared triple by triple
            quads = set(named.quads(triples))
            held = set(db.quads_for_pattern(s, None, None, target))
            removed += [q for q in held if q not in quads]
            added += [q for q in quads if q not in held]
        # else: an IRI made from the node's triples, so the same triples
    for s in old - new:
        removed += db.quads_for_pattern(s, None, None, target)
    # The report node: its links to results follow the result subjects; its other triples are read (a handful).
    links_old = {s for s in old if s.value.startswith(_RESULT)}
    links_new = {term(name(o)) for _, p, o in mine if p == SH.result}
    removed += [ox.Quad(_REPORT, _HAS_RESULT, s, target) for s in links_old - links_new]
    added += [ox.Quad(_REPORT, _HAS_RESULT, s, target) for s in links_new - links_old]
    own = set(named.quads([t for t in mine if t[1] != SH.result]))
    others = {ox.NamedNode(p) for p in kept["report_predicates"]} | {q.predicate for q in own}
    held = {q for p in others - {_HAS_RESULT} for q in db.quads_for_pattern(_REPORT, p, None, target)}
    removed += [q for q in held if q not in own]
    added += [q for q in own if q not in held]
    if any(has_blank(q) for q in removed):
        return _doubt("a blank node in the saved report")
    # Only the lines that come are hashed, so only they must be stored as written (the rest the graph holds already).
    if not all(digest_as_written(q) for q in added):
        return _doubt("a quad the store would not give back as written")
    if len(set(added)) != len(added) or len(set(removed)) != len(removed):  # not a difference to apply
        return _doubt("a triple that came or went twice")
    digest = history.StreamDigest.of(kept["count"], kept["digest"])
    for q in removed:
        digest.remove(history.quad_line(q))
    for q in added:
        digest.add(history.quad_line(q))
    diff = Difference(REPORT_GRAPH, removed, added, (kept["count"], kept["digest"]), digest.result(), [])
    return diff, "", new, {q.predicate.value for q in own}


def _doubt(why: str) -> tuple[None, str, set[Any], set[str]]:
    return None, why, set(), set()


def _named_by_content(s: ox.NamedNode) -> bool:
    return s.value.startswith((_RESULT, _NODE))


def _load(path: Path) -> dict[str, Any] | None:
    doc = ondisk.kept_json(path, FORMAT, {"count": int, "digest": str, "subjects": list, "report_predicates": list})
    return doc if doc is not None and doc.get("graph") == REPORT_GRAPH else None


def _keep(path: Path, after: tuple[int, str], subjects: set[Any], report_predicates: set[str]) -> None:
    doc = {"format": FORMAT, "graph": REPORT_GRAPH, "count": after[0], "digest": after[1],
           "subjects": sorted(s.value for s in subjects), "report_predicates": sorted(report_predicates)}
    if not ondisk.keep_json(path, doc):
        _forget(path)  # a read-only cache folder: every save reads the graph back


def _forget(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
