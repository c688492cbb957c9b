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
those that came are written, and hashBefore is the trail's hash. Any doubt (no file, another hash, a count that does
not add up, a subject that came already in the graph, a blank node) falls back to ``save_report``'s read of the
whole graph, which then leaves the file for the next save. The file is written after the store's write, by an
atomic rename: a crash in between leaves a file whose hash the trail no longer holds, so the next save is whole.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import SH

from compgraph.checks.report import REPORT_GRAPH, Outcome, report_quads
from compgraph.checks.reportiris import _NODE, _RESULT, REPORT_NODE
from compgraph.graph import history
from compgraph.graph.store import LocalStore
from compgraph.graph.writes import Difference, difference, digest_as_written, has_blank

FORMAT = "compgraph-report-kept/1"
KEPT = Path("cache") / "report.json"
_HAS_RESULT = ox.NamedNode(str(SH.result))
_REPORT = ox.NamedNode(str(REPORT_NODE))


def save_report_in_part(store: LocalStore, outcome: Outcome, shapes: Graph | None = None) -> str:
    """Save the report as ``save_report`` does (the same graph, the same trail entry), reading back only what
    went when the last save is known to be what the store holds. Returns why it read the whole graph ("" if not)."""
    new = dict.fromkeys(report_quads(outcome, shapes))  # ordered; a quad given twice is held once
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
            diff, why = _in_part(db, kept, new)
    if diff is None:
        diff = difference(db, REPORT_GRAPH, new)
        if diff is None:  # not provable from the quads: written whole, and nothing kept to trust next time
            _forget(path)
            store.write_own_quads(REPORT_GRAPH, list(new))
            return why or "a quad the store would not give back as written"
    store.write_difference(diff)
    _keep(path, diff.after, new)
    return why


def _in_part(
    db: ox.Store, kept: dict[str, Any], new: dict[ox.Quad, None]
) -> tuple[Difference | None, str]:
    """The difference from the graph the last save left (``kept``: its hash is the trail's) to ``new``."""
    target = ox.NamedNode(REPORT_GRAPH)
    if not all(digest_as_written(q) for q in new):
        return None, "a quad the store would not give back as written"
    by_subject: dict[Any, list[ox.Quad]] = {}
    for q in new:
        by_subject.setdefault(q.subject, []).append(q)
    old = {ox.NamedNode(s) for s in kept["subjects"]}
    removed: list[ox.Quad] = []
    added: list[ox.Quad] = []
    for s, quads in by_subject.items():
        if s == _REPORT:
            continue
        if s not in old:
            if next(iter(db.quads_for_pattern(s, None, None, target)), None) is not None:
                return None, "a result to add is in the report graph already"
            added += quads
        elif not _named_by_content(s):  # named otherwise (a path node the shapes name): compared triple by triple
            held = set(db.quads_for_pattern(s, None, None, target))
            removed += [q for q in held if q not in new]
            added += [q for q in quads if q not in held]
        # else: an IRI made from the node's triples, so the same triples
    for s in old:
        if s not in by_subject and s != _REPORT:
            removed += db.quads_for_pattern(s, None, None, target)
    # The report node: its links to results follow the result subjects; its other triples are read (a handful).
    mine = by_subject.get(_REPORT, [])
    links_old = {ox.Quad(_REPORT, _HAS_RESULT, s, target) for s in old if s.value.startswith(_RESULT)}
    links_new = {q for q in mine if q.predicate == _HAS_RESULT}
    removed += [q for q in links_old if q not in links_new]
    added += [q for q in links_new if q not in links_old]
    others = {ox.NamedNode(p) for p in kept["report_predicates"]} | {q.predicate for q in mine}
    held = {q for p in others - {_HAS_RESULT} for q in db.quads_for_pattern(_REPORT, p, None, target)}
    removed += [q for q in held if q not in new]
    added += [q for q in mine if q.predicate != _HAS_RESULT and q not in held]
    if any(has_blank(q) for q in removed):
        return None, "a blank node in the saved report"
    count = kept["count"] - len(removed) + len(added)
    if count != len(new):  # what the last save left, as worked out here, is not the size the trail says it was
        return None, f"the saved report's size does not add up ({count} against {len(new)})"
    digest = history.StreamDigest.of(kept["count"], kept["digest"])
    for q in removed:
        digest.remove(history.quad_line(q))
    for q in added:
        digest.add(history.quad_line(q))
    return Difference(REPORT_GRAPH, removed, added, (kept["count"], kept["digest"]), digest.result(), list(new)), ""


def _named_by_content(s: ox.NamedNode) -> bool:
    return s.value.startswith((_RESULT, _NODE))


def _load(path: Path) -> dict[str, Any] | None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    ok = (
        isinstance(doc, dict) and doc.get("format") == FORMAT and doc.get("graph") == REPORT_GRAPH
        and isinstance(doc.get("count"), int) and isinstance(doc.get("digest"), str)
        and isinstance(doc.get("subjects"), list) and isinstance(doc.get("report_predicates"), list)
    )
    return doc if ok else None


def _keep(path: Path, after: tuple[int, str], quads: dict[ox.Quad, None]) -> None:
    subjects = {q.subject.value for q in quads if isinstance(q.subject, ox.NamedNode)}
    preds = {q.predicate.value for q in quads if q.subject == _REPORT and q.predicate != _HAS_RESULT}
    doc = {"format": FORMAT, "graph": REPORT_GRAPH, "count": after[0], "digest": after[1],
           "subjects": sorted(subjects), "report_predicates": sorted(preds)}
    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(doc))
        os.replace(tmp, path)  # the next save reads the old file or the new one, never half of one
    except OSError:
        _forget(path)  # a read-only cache folder: every save reads the graph back


def _forget(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
