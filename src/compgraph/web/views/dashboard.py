"""The dashboard (``/``, ``/index.json``): coverage by document, risk level and system; and ``POST /validate``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from flask import Response, abort, current_app, get_template_attribute, redirect, request, url_for

from compgraph.questions import trace as tr
from compgraph.web import model, pageinfo
from compgraph.web.model import get_store
from compgraph.web.pagecache import cached_page
from compgraph.web.views.common import Table, as_of_param, bars, bp, cache, question_list, respond, saved_report

# A page cannot draw thousands of systems: the dashboard shows this many of the least covered.
DASHBOARD_SYSTEMS = 50


@bp.route("/", defaults={"fmt": "html"})
@bp.route("/index.<any(json):fmt>")
@cached_page(questions=True)
def dashboard(fmt: str) -> Response | str:
    store = get_store()
    as_of = as_of_param()
    cache().start(*_figures(store, as_of))
    parts = cache().get(("dashboard", model.store_state(store).key, as_of), lambda: _coverage_parts(store, as_of))
    questions = question_list()
    kpi = cache().get(("kpis", model.store_state(store).key, as_of), lambda: _kpis(store, as_of))
    data = parts["data"] | {"questions": [{"name": q.name, "title": q.title} for q in questions], "kpis": kpi}
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
        kpi=kpi,
    )


def _kpis(store: Any, as_of: date) -> dict[str, Any]:
    """The dashboard's tiles: obligations covered, systems, evidence expiring within 30 days, and what the
    saved validation found, with whether the data changed after it was saved."""
    cov = model.coverage(store, as_of, cache())
    # Counted per (system, binding obligation) pair, as the bars are: an obligation covered for one system
    # and not for another must not count as covered.
    pairs = sum(sum(c.values()) for c in cov.by_system.values())
    covered = sum(c.get(tr.COVERED, 0) for c in cov.by_system.values())
    state = model.store_state(store)
    saved = saved_report(store)
    stale = cache().get(
        ("stale", state.key), lambda: pageinfo.validation_staleness(store, state.built, saved.get("created"))
    )
    counts = saved.get("counts") or {}
    return {
        "binding_pairs": pairs,
        "binding_pairs_covered": covered,
        "binding_pairs_covered_pct": round(100 * covered / pairs) if pairs else None,
        "systems": len(cov.systems),
        "systems_with_gaps": sum(1 for s in cov.systems if s.worst not in (None, tr.COVERED)),
        "evidence": cache().get(*_figures(store, as_of)),
        "violations": counts.get("Violation", 0) if saved.get("created") else None,
        "validation_as_of": saved.get("as_of"),
        "validation_run": saved.get("created"),
        "validation_stale": stale,
    }


def _figures(store: Any, as_of: date) -> tuple[tuple[Any, ...], Callable[[], dict[str, int]]]:
    """The evidence tile's cache key and computation: begun ahead by the dashboard, read by its tiles."""
    return ("evidence-figures", model.store_state(store).key, as_of), lambda: pageinfo.evidence_figures(store, as_of)


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
    # Most severe first, as the concepts' ordered collection lists them; a level it lacks goes last.
    order = {name: i for i, name in enumerate(pageinfo.risk_order(store))}
    by_risk = bars(dict(sorted(cov.by_risk.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))))
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
            "coverage_by_risk": {b["key"]: b["counts"] for b in by_risk},
            "risk_order": list(order),
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
    # Back to the page that asked (a detail page's "validate now"), never to another site.
    back = request.form.get("next", "")
    # A control character (CR LF) in it made the redirect's Location header raise: a 500 after the run was saved.
    if back and (not back.startswith("/") or back.startswith("//") or "\\" in back or not back.isprintable()):
        abort(400, description=f"next: {back[:80]!r} is not a page of this site (it must start with one '/').")
    store = get_store()
    try:
        validate_store(store, as_of, save=True)
    except Exception as exc:
        current_app.logger.error("validation failed", exc_info=exc)
        abort(500)
    if back:
        return redirect(back, code=303)
    return redirect(url_for("browser.gaps", as_of=as_of.isoformat()), code=303)
