"""Analysis pages: /gaps (what SHACL validation finds), what breaks if a control fails, /impact and /graph.

They belong together because each is computed rather than read off an entity's facts: a SHACL validation
run, bit sets over the cached coverage snapshot, a walk of a node's neighbourhood.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from flask import Response, abort, render_template, request, url_for

from compgraph.checks.report import Finding
from compgraph.graph.namespaces import shorten
from compgraph.graph.store import GraphStore, LocalStore
from compgraph.questions import impact as im
from compgraph.web import graphview, model
from compgraph.web.model import get_store
from compgraph.web.pagecache import cached_page
from compgraph.web.views.common import (
    PAGE_SIZE,
    Table,
    as_of_param,
    bp,
    cache,
    fmt_of,
    meta,
    page_param,
    pager,
    resolve,
    respond,
)

GAPS_PER_RULE = 100
SYSTEM_IDS_SHOWN = 12


# --- gaps --------------------------------------------------------------------------------------


def _validation(store: GraphStore, as_of: date) -> Any:
    from compgraph.checks.validate import validate_store

    # Validation takes seconds, so keep each result for as long as the store is unchanged. Under the lasting
    # state (the trail's head) where there is one: the validation's own scratch graph moves the files' stamp,
    # so keyed by that, the next visit validated again.
    state = model.store_state(store)
    if isinstance(store, LocalStore) and not store.read_only:
        from compgraph.checks.incremental import validate_incremental

        # After a write (through this server or not) or a restart, only what changed is validated again.
        return cache().get(
            ("validation", state.lasting_key, as_of),
            lambda: validate_incremental(store, as_of, save=False, write_behind=True).outcome,
        )
    return cache().get(("validation", state.key, as_of), lambda: validate_store(store, as_of, save=False))


@bp.route("/gaps", defaults={"fmt": "html"})
@bp.route("/gaps.<any(json,csv):fmt>")
# Kept like every page: its findings follow from the store's state, the date and the evidence files, all in the
# page's key, so the first view after a restart on an unchanged store needs no validation (1.9-4 s at 1.1M).
@cached_page()
def gaps(fmt: str) -> Response | str:
    store = get_store()
    as_of = as_of_param()
    outcome = _validation(store, as_of)
    by_rule: dict[str, list[Finding]] = {}
    for f in outcome.findings:
        by_rule.setdefault(f.rule, []).append(f)
    # A large graph has tens of thousands of findings: the HTML shows the first GAPS_PER_RULE of each rule
    # with its full count, so only those become rows (32k rows at 1.1M triples were ~0.3 s of a first view);
    # the CSV and JSON keep every finding.
    shown = {rule: [_gap_row(f) for f in found[:GAPS_PER_RULE]] for rule, found in by_rule.items()} \
        if fmt == "html" else {}
    rows = [r for rs in shown.values() for r in rs] if fmt == "html" else [_gap_row(f) for f in outcome.findings]
    table = Table(
        "findings",
        "Findings",
        [("severity", "Severity"), ("rule", "Rule"), ("focus", "Where"), ("message", "What is wrong")],
        rows,
        links={"focus": "focus_url"},
        empty="No findings: the graph conforms to every shape on this date.",
    )
    counts = {rule: len(found) for rule, found in by_rule.items()}
    return respond(
        "gaps.html",
        fmt,
        title="Gaps",
        description="What the SHACL shapes (structure and coverage rules) find wrong in the graph on the chosen "
        "date, grouped by rule, each linked to the node concerned.",
        as_of=as_of,
        tables=[table],
        data={"conforms": outcome.conforms, "counts": outcome.counts()},
        outcome=outcome,
        groups=shown,
        group_counts=counts,
        csv_all=f"/gaps.csv?as_of={as_of.isoformat()}",
    )


def _gap_row(f: Finding) -> dict[str, Any]:
    return {
        "severity": f.severity,
        "rule": f.rule,
        "focus": f.focus_label,
        "focus_iri": f.focus,
        "focus_url": model.entity_url(f.focus),
        "message": f.message,
        "path": f.path or "",
        "value": shorten(f.value) if f.value else "",
    }


# --- impact ------------------------------------------------------------------------------------


def _pair_rows(pairs: list[tuple[im.Node, im.Node]]) -> list[dict[str, Any]]:
    return [
        {
            "obligation": o.id,
            "obligation_url": model.entity_url(o.iri),
            "system": s.id,
            "system_label": s.label,
            "system_url": model.entity_url(s.iri),
        }
        for o, s in pairs
    ]


PAIR_COLUMNS = [("obligation", "Obligation"), ("system", "System"), ("system_label", "System name")]


@bp.route("/controls/<ident>/impact", defaults={"fmt": "html"})
@bp.route("/controls/<ident>/impact.<any(json,csv):fmt>")
@cached_page()
def control_impact(ident: str, fmt: str) -> Response | str:
    store = get_store()
    as_of = as_of_param()
    iri = resolve("controls", ident)
    # Bit sets over the cached coverage snapshot, no graph of the whole store; an organisation-wide control
    # can stand behind ~10^5 pairs, so pages of PAGE_SIZE (JSON: ?_size=max for all; CSV: every broken pair).
    snap = model.impact_snapshot(store, cache())
    masks = im.impact_masks(snap, iri, as_of)
    page = page_param()
    everything = fmt == "csv" or request.args.get("_size") == "max"
    limit, offset = (None, 0) if everything else (PAGE_SIZE, (page - 1) * PAGE_SIZE)
    n_broken = sum(b.bit_count() for _, b, _ in masks)
    n_still = sum(k.bit_count() for _, _, k in masks)
    if page > 1 and offset >= max(n_broken, n_still):
        abort(404, description=f"page {page} is past the last page of results.")
    broken = Table(
        "broken",
        f"Left uncovered ({n_broken} pairs)",
        PAIR_COLUMNS,
        _pair_rows(im.impact_pairs(snap, masks, 1, offset, limit)),
        links={"obligation": "obligation_url", "system": "system_url"},
        intro="Obligation and system pairs for which this control is the only current coverage.",
        empty="Nothing: every obligation this control covers is also covered by another control."
        if not n_broken
        else "No more pairs on this page.",
    )
    still = Table(
        "still_covered",
        f"Still covered by another control ({n_still} pairs)",
        PAIR_COLUMNS,
        _pair_rows(im.impact_pairs(snap, masks, 2, offset, limit)),
        links={"obligation": "obligation_url", "system": "system_url"},
    )
    c = im.Node(iri, *snap.impact_controls.get(iri, (ident, ident)), "control")
    lost = 0
    for _, b, _ in masks:
        lost |= b
    by_bit = {i: o for o, i in snap.index.items()}
    obligations = sorted(snap.impact_obligations[by_bit[i]] for i in im.bit_positions(lost))
    systems = [snap.impact_systems[s][0] for s, b, _ in masks if b]
    summary = {"obligations": len(obligations), "systems": len(systems), "broken": n_broken, "still": n_still}
    return respond(
        "impact.html",
        fmt,
        title=f"What breaks if control {c.id} fails",
        heading_id=c.id,
        description=f"The obligations and systems that would lose their last current coverage if {c.id} "
        f"({c.label}) stopped working, computed on the obligation → control → implementer graph.",
        as_of=as_of,
        tables=[broken, still],
        data={
            "control": c.id,
            "obligations": obligations,
            "systems": sorted(systems),
            "pairs_broken": n_broken,
            "pairs_still_covered": n_still,
            "page": page,
            "page_size": None if everything else PAGE_SIZE,
        },
        summary=summary,
        control=c,
        control_url=url_for("browser.control", ident=ident),
        pager=pager(page, max(n_broken, n_still)),
    )


@bp.route("/impact", defaults={"fmt": "html"})
@bp.route("/impact.<any(json,csv):fmt>")
@cached_page()
def single_points(fmt: str) -> Response | str:
    store = get_store()
    as_of = as_of_param()
    # Counted with bit sets, not listed pair by pair: at 1M triples there are ~10^5 pairs.
    points = model.single_points(store, as_of, cache())
    rows = [
        {
            "control": p.control.id,
            "control_label": p.control.label,
            "url": model.entity_url(p.control.iri),
            "impact_url": url_for("browser.control_impact", ident=p.control.iri.rsplit("/", 1)[-1]),
            "obligations": p.obligations,
            "systems": len(p.systems),
            "pairs": p.pairs,
            "system_ids": ", ".join(s.id for s in p.systems[:SYSTEM_IDS_SHOWN])
            + (f" and {len(p.systems) - SYSTEM_IDS_SHOWN} more" if len(p.systems) > SYSTEM_IDS_SHOWN else ""),
        }
        for p in points
    ]
    table = Table(
        "single_points_of_failure",
        "Single points of failure",
        [
            ("control", "Control"),
            ("control_label", "Title"),
            ("obligations", "Obligations only it covers"),
            ("systems", "Systems affected"),
            ("system_ids", "Which systems"),
        ],
        rows,
        links={"control": "url", "obligations": "impact_url"},
        empty="No control is the only current coverage of any obligation.",
    )
    return respond(
        "list.html",
        fmt,
        title="Single points of failure",
        description="Controls that are the only current coverage of some obligation for some system: if one "
        "fails, those obligations become gaps. Follow a count to see exactly what breaks.",
        as_of=as_of,
        tables=[table],
    )


# --- graph view --------------------------------------------------------------------------------


def _graph_kind(kind: str) -> str:
    if kind in model.KINDS:
        return kind
    if kind in model.SEGMENT_TO_KIND:
        return model.SEGMENT_TO_KIND[kind]
    abort(404, description=f"There is no kind of node called {kind!r}.")


@bp.route("/graph/<kind>/<ident>")
@cached_page()
def graph_page(kind: str, ident: str) -> Response | str:
    plural = _graph_kind(kind)
    ident, fmt = fmt_of(ident)
    if fmt == "csv":
        abort(404, description="The graph view is available as HTML and JSON only.")
    depth_raw = request.args.get("depth", "1")
    if depth_raw not in ("1", "2", "3"):
        abort(400, description=f"depth: {depth_raw!r} must be 1, 2 or 3.")
    as_of = as_of_param()
    iri = resolve(plural, ident)
    store = get_store()
    if fmt == "json":
        data = graphview.neighbourhood(store, iri, int(depth_raw), as_of, cache())
        data["as_of"] = as_of.isoformat()
        return Response(json.dumps(data, indent=1), mimetype="application/json")
    seg = model.KINDS[plural][0]
    return render_template(
        "graph.html",
        title=f"Graph around {seg} {ident}",
        description="The nodes linked to this one, coloured by type (shape) and by gap status (colour). "
        "Click a node to open its page.",
        meta=meta(as_of),
        tables=[],
        data_url=url_for(
            "browser.graph_page", kind=seg, ident=ident + ".json", depth=depth_raw, as_of=as_of.isoformat()
        ),
        page_url=f"/{plural}/{ident}",
        depth=depth_raw,
        kind=seg,
        ident=ident,
        heading_id=ident,
    )
