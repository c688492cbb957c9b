"""The dashboard (``/``, ``/index.json``): coverage by document, risk level and system; and ``POST /validate``."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Response, abort, current_app, get_template_attribute, redirect, url_for

from compgraph.questions import trace as tr
from compgraph.web import model
from compgraph.web.model import get_store
from compgraph.web.pagecache import cached_page
from compgraph.web.views.common import Table, as_of_param, bars, bp, cache, question_list, respond

# A page cannot draw thousands of systems: the dashboard shows this many of the least covered.
DASHBOARD_SYSTEMS = 50


@bp.route("/", defaults={"fmt": "html"})
@bp.route("/index.<any(json):fmt>")
@cached_page(questions=True)
def dashboard(fmt: str) -> Response | str:
    store = get_store()
    as_of = as_of_param()
    parts = cache().get(("dashboard", model.store_state(store).key, as_of), lambda: _coverage_parts(store, as_of))
    questions = question_list()
    data = parts["data"] | {"questions": [{"name": q.name, "title": q.title} for q in questions]}
    return respond(
        "dashboard.html",
        fmt,
        title="Compliance dashboard",
        description="How well the binding obligations of each document, risk level and AI system are covered "
        "by implemented controls with current evidence, and what the last SHACL validation found.",
        as_of=as_of,
        tables=[parts["table"]],
        data=data,
        by_system=parts["by_system"],
        systems_hidden=parts["systems_hidden"],
        drawn=parts["drawn"],
        questions=questions,
    )


def _coverage_parts(store: Any, as_of: date) -> dict[str, Any]:
    """What the dashboard shows of coverage, with its bars and table drawn: once per (store state, date),
    since drawing them was 40 ms of every user's first view under load."""
    cov = model.coverage(store, as_of, cache())
    docs = {
        d["title"]: d["id"]
        for d in cache().get(("documents", model.store_state(store).key), lambda: model.documents(store))
    }
    # A page cannot draw thousands of systems: it shows the least covered ones; /systems lists them all.
    shown = cov.systems
    if len(shown) > DASHBOARD_SYSTEMS:
        least = sorted(shown, key=lambda s: (s.counts[tr.COVERED] / (sum(s.counts.values()) or 1), s.id))
        keep = {s.iri for s in least[:DASHBOARD_SYSTEMS]}
        shown = [s for s in shown if s.iri in keep]
    systems = {s.id: s for s in shown}
    by_doc = bars(cov.by_document, lambda k: url_for("browser.document", ident=docs[k]) if k in docs else None)
    by_risk = bars(cov.by_risk)
    by_system = bars({k: cov.by_system[k] for k in systems}, lambda k: url_for("browser.system", ident=k))
    for b in by_system:
        b["label"] = f"{b['key']}: {systems[b['key']].label}" if b["key"] in systems else b["key"]
    table = Table(
        "systems",
        "Coverage per system",
        [("id", "System"), ("label", "Name"), ("risk", "Risk level")]
        + [(model.status_slug(s), s) for s in model.STATUSES],
        [
            {"id": s.id, "label": s.label, "risk": s.risk, "url": url_for("browser.system", ident=s.id)}
            | {model.status_slug(k): v for k, v in cov.by_system.get(s.id, {}).items()}
            for s in shown
        ],
        links={"id": "url"},
    )
    draw_bars = get_template_attribute("_macros.html", "bars")
    return {
        "data": {
            "coverage_by_document": cov.by_document,
            "coverage_by_risk": cov.by_risk,
            "coverage_by_system": cov.by_system,
        },
        "table": table,
        "by_system": by_system,
        "systems_hidden": len(cov.systems) - len(shown),
        "drawn": {
            "by_doc": draw_bars(by_doc),
            "by_risk": draw_bars(by_risk),
            "by_system": draw_bars(by_system),
            "table": get_template_attribute("_macros.html", "table")(table),
        },
    }


@bp.route("/validate", methods=["POST"])
def run_validation() -> Response:
    from compgraph.checks.validate import validate_store

    as_of = as_of_param()
    store = get_store()
    try:
        validate_store(store, as_of, save=True)
    except Exception as exc:
        current_app.logger.error("validation failed", exc_info=exc)
        abort(500)
    return redirect(url_for("browser.gaps", as_of=as_of.isoformat()), code=303)
