"""The audit trail page: ``/history`` (and ``.json``/``.csv``): every write to the store, newest first, and
whether the hash chain that links the entries is intact."""

from __future__ import annotations

from datetime import date

from flask import Response, abort, request

from compgraph.graph import history as hist
from compgraph.web.model import get_store
from compgraph.web.views.common import Table, bp, respond


def _since() -> str | None:
    raw = request.args.get("since", "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        abort(400, description=f"since: {raw!r} is not a date; use the form YYYY-MM-DD, e.g. 2026-11-22.")


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
        [("seq", "#"), ("ended", "When (UTC)"), ("agent", "Who"), ("command", "What"), ("graphs", "Graphs: triples"),
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
    )
