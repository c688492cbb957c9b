"""The list pages: /documents, /obligations, /controls, /systems, /datasets and /evidence.

Each list is also ``.json`` and ``.csv``. Every list sorts by any column and filters on the server
(``views.listing``: ``sort=``, ``desc=``, ``q=`` and per-column values, kept in the pager links and the
.json/.csv alternates). The long lists (obligations, systems, evidence) go page by page in HTML and JSON,
and the CSV is the export of every matching row.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Response, abort, request, url_for

from compgraph.graph.literals import NO_READABLE_DATE
from compgraph.questions import trace as tr
from compgraph.web import model
from compgraph.web.model import get_store
from compgraph.web.pagecache import cached_page
from compgraph.web.views.common import (
    PAGE_SIZE,
    Table,
    as_of_param,
    bp,
    cache,
    choice_param,
    link_rows,
    page_param,
    pager,
    respond,
    whole_number,
)
from compgraph.web.views.listing import ListView, days_between, days_phrase, list_view, options, page_of

# Evidence ending within this many days of the chosen date is "expiring", and the quick filters offer these.
EXPIRING_DAYS = 30
WINDOWS = (30, 60, 90)
# Control statuses, worst first: from the coverage snapshot's evidence per (implementer, control).
CONTROL_STATUSES = ["no evidence", "evidence expired", "mapped only", "not mapped", "implemented"]


def _listed(
    template_args: dict[str, Any],
    table: Table,
    view: ListView,
    rows: list[dict[str, Any]],
    fmt: str,
    *,
    filters: dict[str, list[tuple[str, str]]] | None = None,
    paged: bool = False,
) -> Response | str:
    """Render a list whose rows are all in hand: the view's filters and order, then one page of it."""
    shown = view.apply(rows)
    page = page_param()
    table.rows = page_of(shown, page, fmt) if paged else shown
    chosen = dict(view.filters)
    data = {"total": len(shown), "page": page, "page_size": PAGE_SIZE} if paged else {"total": len(shown)}
    return respond(
        "list.html",
        fmt,
        tables=[table],
        data=data,
        view=view,
        filters=filters or {},
        chosen=chosen,
        pager=pager(page, len(shown)) if paged else None,
        **template_args,
    )


# A column with more distinct values than this gets no drop-down (thousands of systems would make every
# page megabytes); its filter still works from the address and the "Contains" box.
MAX_CHOICES = 200


def _choices(rows: list[dict[str, Any]], *keys: str) -> dict[str, list[tuple[str, str]]]:
    found = {k: options(rows, k) for k in keys}
    return {k: [(v, v) for v in values] for k, values in found.items() if len(values) <= MAX_CHOICES}


@bp.route("/documents", defaults={"fmt": "html"})
@bp.route("/documents.<any(json,csv):fmt>")
@cached_page()
def documents(fmt: str) -> Response | str:
    rows = link_rows(model.documents(get_store()), "documents")
    for r in rows:
        r["obligations_url"] = url_for("browser.obligations", document=r["id"])
    columns = [
        ("id", "Id"),
        ("title", "Title"),
        ("kind", "Kind"),
        ("version", "Version"),
        ("obligations", "Obligations"),
    ]
    table = Table(
        "documents",
        "Documents",
        columns,
        [],
        links={"id": "url", "obligations": "obligations_url"},
        empty="No document matches these filters.",
    )
    page = {
        "title": "Documents",
        "description": "The regulations, codes of conduct and internal policies whose obligations the graph holds.",
    }
    return _listed(page, table, list_view(columns, ["kind"]), rows, fmt, filters=_choices(rows, "kind"))


@bp.route("/obligations", defaults={"fmt": "html"})
@bp.route("/obligations.<any(json,csv):fmt>")
@cached_page()
def obligations(fmt: str) -> Response | str:
    store = get_store()
    as_of = as_of_param()
    # The filters' values change only with the data (180 ms of queries at 1.1M triples). Their queries and the ids'
    # run in threads while coverage is read from disk (Oxigraph lets go of the GIL): a fresh process's first view.
    key = ("obligation-filters", model.store_state(store).key)

    def filters() -> dict[str, list[tuple[str, str]]]:
        return model.obligation_filters(store)

    cache().start(key, filters)
    if not any(request.args.get(name) for name in ("document", "modality", "topic")):
        model.ordered_ids_ahead(store, cache(), "Obligation")  # a filtered list asks for its own ids instead
    model.obligation_statuses(store, as_of, cache())
    options_ = cache().get(key, filters)
    chosen = {name: choice_param(name, options_[name]) for name in ("document", "modality", "topic", "status")}
    columns = [
        ("id", "Id"),
        ("document", "Document"),
        ("modality", "Modality"),
        ("topic", "Topic"),
        ("status", "Status"),
        ("text", "Text"),
    ]
    view = list_view(columns)
    view.sort_as["status"] = "status_rank"  # worst first, not alphabetical
    page = page_param()
    # A sort or a word filter needs every matching row; otherwise only one page's details are read.
    # CSV is the export: every matching row; HTML and JSON go page by page.
    whole = fmt == "csv" or view.narrows
    limit, offset = (None, 0) if whole else (PAGE_SIZE, (page - 1) * PAGE_SIZE)
    rows, total = model.obligations(
        store,
        as_of,
        cache(),
        document=chosen["document"],
        modality=chosen["modality"],
        topic=chosen["topic"],
        status=model.STATUS_BY_SLUG[chosen["status"]] if chosen["status"] else None,
        limit=limit,
        offset=offset,
    )
    if whole:
        for r in rows:
            r["status_rank"] = tr.STATUS_ORDER.get(r["status"])
        rows = view.apply(rows)
        total = len(rows)
        rows = page_of(rows, page, fmt)
    elif page > 1 and not rows:
        abort(404, description=f"page {page} is past the last page of results.")
    link_rows(rows, "obligations")
    for r in rows:
        r["document_url"] = f"/documents/{r['document']}"
    table = Table(
        "obligations",
        "Obligations",
        columns,
        rows,
        links={"id": "url", "document": "document_url"},
        status_col="status",
        empty="No obligation matches these filters.",
    )
    return respond(
        "list.html",
        fmt,
        title="Obligations",
        description="Obligations from every catalogued document with their coverage status across all "
        "implementers (the best link decides). Filter by document, modality, topic or status.",
        as_of=as_of,
        tables=[table],
        data={"total": total, "page": page, "page_size": PAGE_SIZE},
        filters=options_,
        chosen=chosen,
        view=view,
        pager=pager(page, total),
    )


def control_statuses(as_of: date) -> dict[str, str]:
    """Each control's status on ``as_of`` from the coverage snapshot, the worst over its implementers:
    "no evidence" or "evidence expired" when some implementer lacks current evidence, "implemented" when
    every implementer has it, "mapped only" when it satisfies obligations but nobody implements it."""
    snap = model.coverage_snapshot(get_store(), cache())
    rank = {s: i for i, s in enumerate(CONTROL_STATUSES)}
    out: dict[str, str] = {}
    for impl, control in snap.implements:
        until = snap.latest.get((impl, control))
        state = "no evidence" if until is None else "implemented" if until >= as_of else "evidence expired"
        if control not in out or rank[state] < rank[out[control]]:
            out[control] = state
    for control in snap.satisfies:
        out.setdefault(control, "mapped only")
    return out


@bp.route("/controls", defaults={"fmt": "html"})
@bp.route("/controls.<any(json,csv):fmt>")
@cached_page()
def controls(fmt: str) -> Response | str:
    as_of = as_of_param()
    rows = link_rows(model.controls(get_store()), "controls")
    statuses = control_statuses(as_of)
    for r in rows:
        r["status"] = statuses.get(r["iri"], "not mapped")
        r["status_rank"] = CONTROL_STATUSES.index(r["status"])
    columns = [
        ("id", "Id"),
        ("title", "Title"),
        ("type", "Type"),
        ("scope", "Scope"),
        ("owner", "Owner"),
        ("obligations", "Obligations satisfied"),
        ("implementers", "Implemented by"),
        ("status", "Status"),
    ]
    table = Table(
        "controls",
        "Controls",
        columns,
        [],
        links={"id": "url"},
        status_col="status",
        empty="No control matches these filters.",
    )
    page = {
        "title": "Controls",
        "description": "The control catalog: what each control is, who owns it, how many obligations it satisfies, "
        "how many systems or organisations implement it, and its status on the chosen date (implemented with "
        "current evidence, evidence expired, no evidence, or mapped to obligations but implemented by no one).",
        "as_of": as_of,
    }
    filterable = ["type", "scope", "owner", "status"]
    choices = _choices(rows, "type", "scope", "owner")
    choices["status"] = [(s, s) for s in CONTROL_STATUSES]
    view = list_view(columns, filterable)
    view.sort_as["status"] = "status_rank"  # worst first, not alphabetical
    return _listed(page, table, view, rows, fmt, filters=choices)


@bp.route("/systems", defaults={"fmt": "html"})
@bp.route("/systems.<any(json,csv):fmt>")
@cached_page()
def systems(fmt: str) -> Response | str:
    store = get_store()
    as_of = as_of_param()
    model.ordered_ids_ahead(store, cache(), "AISystem")  # its query runs while coverage is read from disk
    cov = model.coverage(store, as_of, cache())
    columns = [
        ("id", "Id"),
        ("label", "Name"),
        ("risk", "Risk level"),
        ("annex_iii", "Annex III area"),
        ("binding", "Binding obligations"),
        ("gaps", "Not covered"),
        ("status", "Worst status"),
    ]
    view = list_view(columns, ["risk", "annex_iii", "status"])
    view.sort_as["status"] = "status_rank"  # worst first, not alphabetical
    page = page_param()
    # CSV, a sort or a filter needs every row; otherwise one page. The statuses come from coverage.
    whole = fmt == "csv" or view.narrows
    limit, offset = (None, 0) if whole else (PAGE_SIZE, (page - 1) * PAGE_SIZE)
    rows, total = model.systems_basic(store, cache(), limit, offset)
    if not whole and page > 1 and not rows:
        abort(404, description=f"page {page} is past the last page of results.")
    rows = link_rows(rows, "systems")
    for r in rows:
        counts = cov.by_system.get(r["id"], {})
        r["binding"] = sum(counts.values())
        r["gaps"] = r["binding"] - counts.get(tr.COVERED, 0)
        r["status"] = cov.worst(r["iri"]) or ""
        r["status_rank"] = tr.STATUS_ORDER.get(r["status"])
    if whole:
        rows = view.apply(rows)
        total = len(rows)
        rows = page_of(rows, page, fmt)
    table = Table(
        "systems",
        "AI systems",
        columns,
        rows,
        links={"id": "url"},
        status_col="status",
        empty="No AI system matches these filters.",
    )
    return respond(
        "list.html",
        fmt,
        title="AI systems",
        description="The organisation's AI systems with their risk level and how many of the obligations that "
        "bind them are not covered on the chosen date.",
        as_of=as_of,
        tables=[table],
        data={"total": total, "page": page, "page_size": PAGE_SIZE},
        view=view,
        filters=_system_choices(store),
        chosen=dict(view.filters),
        pager=pager(page, total),
    )


def _system_choices(store: Any) -> dict[str, list[tuple[str, str]]]:
    snap = model.coverage_snapshot(store, cache())
    risks = sorted({risk for _, _, _, risk, _ in snap.systems})
    return {"risk": [(r, r) for r in risks], "status": [(s, s) for s in model.STATUSES]}


@bp.route("/datasets", defaults={"fmt": "html"})
@bp.route("/datasets.<any(json,csv):fmt>")
@cached_page()
def datasets(fmt: str) -> Response | str:
    rows = link_rows(model.datasets(get_store()), "datasets")
    columns = [
        ("id", "Id"),
        ("label", "Name"),
        ("personal_data", "Personal data"),
        ("legal_basis", "Legal basis"),
        ("systems", "Used by systems"),
    ]
    table = Table("datasets", "Datasets", columns, [], links={"id": "url"}, empty="No dataset matches these filters.")
    page = {
        "title": "Datasets",
        "description": "Datasets the AI systems are trained on or use, whether they hold personal data, and the "
        "legal basis recorded for that.",
    }
    view = list_view(columns, ["personal_data", "legal_basis"])
    return _listed(page, table, view, rows, fmt, filters=_choices(rows, "personal_data", "legal_basis"))


def evidence_state(days: int | None, until: str, renewed_by: str = "") -> str:
    """current / expiring (within EXPIRING_DAYS) / expired, from the days left on the chosen date;
    superseded once a renewal replaces it (the renewal's own dates then count, not these)."""
    if renewed_by:
        return "superseded"
    if not until:
        return "no expiry date"
    if days is None:
        return NO_READABLE_DATE  # as the exports and the questions say
    return "expired" if days < 0 else "expiring" if days <= EXPIRING_DAYS else "current"


def window_param() -> int | None:
    """``within=N``: only evidence still valid that runs out within N days (the 30/60/90-day filters)."""
    raw = request.args.get("within", "").strip()
    if not raw:
        return None
    days = whole_number(raw, 1, 3660)
    if days is None:
        abort(400, description=f"within: {raw[:40]!r} is not a number of days (1 to 3660), e.g. 30.")
    return days


@bp.route("/evidence", defaults={"fmt": "html"})
@bp.route("/evidence.<any(json,csv):fmt>")
@cached_page()
def evidence_list(fmt: str) -> Response | str:
    as_of = as_of_param()
    within = window_param()
    rows = [dict(r) for r in model.evidence_rows(get_store(), cache())]
    # 81k records at 1.1M triples share a few thousand dates, controls and systems: each worked out once
    # (the pages of controls and systems by model.entity_url's own memo).
    by_until: dict[str, tuple[int | None, str]] = {}
    for r in link_rows(rows, "evidence"):
        until = r["valid_until"]
        if until not in by_until:
            days = days_between(until, as_of) if until else None
            by_until[until] = (days, days_phrase(days, "expired {n} ago"))
        r["days_left"], r["remaining"] = by_until[until]
        r["state"] = evidence_state(r["days_left"], until, r["renewed_by"])
        r["renewed_by_url"] = f"/evidence/{r['renewed_by']}" if r["renewed_by"] else None
        r["control_url"], r["concerns_url"] = model.entity_url(r["control_iri"]), model.entity_url(r["concerns_iri"])
    if within is not None:
        # A superseded version running out is not a renewal to plan: its successor is the one that counts.
        rows = [r for r in rows if r["state"] != "superseded" and r["days_left"] is not None]
        rows = [r for r in rows if 0 <= r["days_left"] <= within]
    columns = [
        ("id", "Id"),
        ("label", "Title"),
        ("control", "Control"),
        ("concerns", "Concerns"),
        ("owner", "Owner"),
        ("issued", "Issued"),
        ("valid_until", "Valid until"),
        ("remaining", "Time left"),
        ("state", "State"),
        ("renewed_by", "Renewed by"),
    ]
    view = list_view(columns, ["state", "owner", "control", "concerns"])
    # "210 days" and "expired 12 days ago" sort by the days they stand for, not as text.
    view.sort_as["remaining"] = "days_left"
    view.sort_as["state"] = "days_left"
    table = Table(
        "evidence",
        "Evidence",
        columns,
        [],
        links={"id": "url", "control": "control_url", "concerns": "concerns_url", "renewed_by": "renewed_by_url"},
        status_col="state",
        empty="No evidence matches these filters.",
    )
    choices = {"state": [(s, s) for s in ("current", "expiring", "expired", "superseded")]}
    choices.update(_choices(rows, "owner", "control", "concerns"))
    page = {
        "title": "Evidence",
        "description": "Evidence records for implemented controls and whether each is still valid on the chosen "
        f"date: expiring means it runs out within {EXPIRING_DAYS} days; superseded means a renewal replaced it.",
        "as_of": as_of,
        "windows": WINDOWS,
        "within": within,
    }
    return _listed(page, table, view, rows, fmt, filters=choices, paged=True)
