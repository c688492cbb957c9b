"""The audit trail and time travel pages: ``/history`` (every write to the store, newest first, and whether the
hash chain that links the entries is intact) and ``/diff`` (what changed between two snapshots); each also
``.json`` and ``.csv``. ``POST /snapshots`` takes a snapshot by hand (admins). Every page's own history (the
writes that named its entity: who accepted this mapping, when, why) comes from the ``own_history`` template
global, shown by ``_own_history.html``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from flask import Response, abort, g, redirect, request, url_for

from compgraph.graph import history as hist
from compgraph.graph import snapshots as snaps
from compgraph.graph.store import GraphStore, LocalStore
from compgraph.web.model import get_store
from compgraph.web.views.common import Table, as_of_param, bp, respond


def _since() -> str | None:
    raw = request.args.get("since", "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        abort(400, description=f"since: {raw!r} is not a date; use the form YYYY-MM-DD, e.g. 2026-11-22.")


@bp.app_template_global("own_history")
def own_history(iri: str | None) -> list[dict[str, str]]:
    """The writes that named ``iri``, newest first, for a page's own history (``_own_history.html``)."""
    return hist.about(get_store(), iri or "")


def _may_snapshot() -> bool:
    user = g.get("user")
    return user is None or user.can("admin")  # no user: open single-user mode (with logins, one is always set)


@bp.route("/snapshots", methods=["POST"])
def take_snapshot() -> Response:
    """Take a snapshot by hand (admins; the form on /history and /diff), then compare it with now."""
    store = get_store()
    if not isinstance(store, LocalStore):
        abort(404, description="snapshots are kept beside an embedded store; this server reads a remote endpoint.")
    try:
        snap = snaps.take(store.root, store.oxigraph)
    except OSError as exc:
        abort(503, description=f"cannot write the snapshot: {exc.strerror or exc}")
    return redirect(url_for("browser.diff", before=snap.name, taken=snap.name), code=303)


def _graph_name(iri: str) -> str:
    return iri.rsplit("/graph/", 1)[-1]


@bp.route("/history", defaults={"fmt": "html"})
@bp.route("/history.<any(json,csv):fmt>")
def history(fmt: str) -> Response | str:
    store = get_store()
    since = _since()
    entries = hist.entries(store, since=since)
    problems = hist.verify(store)
    rows = [
        {
            "seq": e.seq,
            "ended": e.ended[:19].replace("T", " "),
            "agent": e.agent,
            "command": e.command,
            "reason": e.reason,
            # the ids the write named (obligations, controls, mappings, documents, users), as their pages call them
            "named": ", ".join(sorted(x.rsplit("/", 1)[-1] for x in e.entities)),
            "graphs": "; ".join(f"{_graph_name(c['graph'])}: {c['before']} → {c['after']}" for c in e.changes),
            "hash": e.hash[:16],
        }
        for e in reversed(entries)
    ]
    intro = (
        f"The trail is intact: each of its {len(hist.entries(store)) if since else len(entries)} entries carries "
        "the hash of the one before."
        if not problems
        else "The trail is BROKEN: " + " ".join(problems)
    )
    table = Table(
        "history",
        "Writes to the store" + (f" since {since}" if since else ""),
        [("seq", "#"), ("ended", "When (UTC)"), ("agent", "Who"), ("command", "What"), ("named", "About"),
         ("graphs", "Graphs: triples"),
         ("reason", "Why"), ("hash", "Entry hash")],
        rows,
        intro=intro,
        empty="No writes recorded" + (f" since {since}." if since else "."),
    )
    return respond(
        "list.html",
        fmt,
        title="History",
        description="Every build, import, review, evidence change and validation run: who, when, which graphs.",
        tables=[table],
        data={"verified": not problems, "problems": problems, "entries": [e.as_dict() for e in entries]},
        snapshot_form=_may_snapshot() and isinstance(store, LocalStore),
    )


_KIND_PAGES = {"obligations": "obligations", "controls": "controls", "systems": "systems", "datasets": "datasets",
               "evidence": "evidence"}


def _side(root: Path, spec: str, live: GraphStore) -> tuple[GraphStore, str]:
    if spec == "now":
        return live, "now"
    try:
        snap = snaps.find(root, spec)
        return snaps.SnapshotStore(snaps.load(root, snap), snap.name), snap.name
    except snaps.SnapshotError as exc:
        abort(400, description=str(exc))


@bp.route("/diff", defaults={"fmt": "html"})
@bp.route("/diff.<any(json,csv):fmt>")
def diff(fmt: str) -> Response | str:
    """What changed between two snapshots, or a snapshot and now."""
    from compgraph.questions import diff as df

    store = get_store()
    root = getattr(store, "root", None)
    if root is None:
        abort(404, description="snapshots are kept beside an embedded store; this server reads a remote endpoint.")
    try:
        taken = snaps.listed(root)
    except snaps.SnapshotError as exc:
        abort(500, description=str(exc))
    options = [("now", "now")] + [
        (s.name, s.name.replace("T", " ") + ("" if s.automatic else " (taken by hand)")) for s in reversed(taken)
    ]
    before = request.args.get("before") or (taken[-1].name if taken else "")
    after = request.args.get("after") or "now"
    as_of = as_of_param()
    rows: list[dict[str, Any]] = []
    coverage: list[dict[str, Any]] = []
    data: dict[str, Any] = {"snapshots": [s.name for s in taken]}
    if before:
        a_store, a_name = _side(root, before, store)
        b_store, b_name = _side(root, after, store)
        result = df.compare(a_store, b_store, as_of, (a_name, b_name))
        data["diff"] = result.as_dict()
        for kind, k in result.kinds.items():
            for change, ids in (("added", k.added), ("removed", k.removed), ("changed", k.changed)):
                # A removed entity has no page to link to any more.
                url = (lambda i: None) if change == "removed" else (lambda i, k=kind: f"/{_KIND_PAGES[k]}/{i}")
                rows += [{"kind": kind, "change": change, "id": i, "url": url(i)} for i in ids]
        rows += [{"kind": "findings", "change": "added", "id": f} for f in result.findings_added]
        rows += [{"kind": "findings", "change": "removed", "id": f} for f in result.findings_removed]
        coverage = [
            {"status": s, "before": result.coverage_before.get(s, 0), "after": result.coverage_after.get(s, 0)}
            for s in sorted(result.coverage_before.keys() | result.coverage_after.keys())
        ]
        coverage += [{"status": f"{o}: {b} → {a}", "before": "", "after": ""} for o, b, a in result.status_changes]
    taken_now = request.args.get("taken", "")
    intro = ((f"Snapshot {taken_now} taken. " if taken_now in data["snapshots"] else "") +
        f"From {before} to {after}; coverage of both as of {as_of}."
        if before
        else "No snapshot has been taken yet: take one with `compgraph snapshot` or the button below, change "
        "something, then compare."
    )
    tables = [
        Table("changes", "What was added, removed or changed", [("kind", "Kind"), ("change", "Change"), ("id", "Id")],
              rows, intro=intro, links={"id": "url"}, empty="Nothing changed between these two."),
        Table("coverage", "Obligation coverage", [("status", "Status"), ("before", "Before"), ("after", "After")],
              coverage, empty="No comparison yet."),
    ]
    return respond(
        "list.html",
        fmt,
        title="What changed",
        description="Obligations, controls, systems, datasets, evidence and findings between two snapshots.",
        as_of=as_of,
        tables=tables,
        data=data,
        filters={"before": options, "after": options},
        chosen={"before": before, "after": after},
        snapshot_form=_may_snapshot(),
    )
