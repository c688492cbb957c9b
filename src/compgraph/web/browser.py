"""The compliance browser: dashboard, lists and detail pages, gaps, impact, canned questions, search.

Styled on datasette: URLs mirror the data (``/obligations/COC-05-03``), every list and detail page is
also served as ``.json`` and ``.csv`` at the same URL plus the suffix, and canned questions are one
click from the dashboard. Views only arrange what ``model`` reads; the rules live in the library.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any
from urllib.parse import quote

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException, InternalServerError

from compgraph.graph.namespaces import CGR, shorten, sparql_prefixes
from compgraph.graph.store import GraphStore, QuerySyntaxError, QueryTimeout, ResultTooLarge, StoreError
from compgraph.questions import impact as im
from compgraph.questions import trace as tr
from compgraph.web import get_store, model

bp = Blueprint("browser", __name__)
FORMATS = ("html", "json", "csv")
MAX_SEARCH = 200


# --- page plumbing -----------------------------------------------------------------------------


@dataclass
class Table:
    """One table of a page: what the HTML shows, and what .json/.csv return."""

    id: str
    title: str
    columns: list[tuple[str, str]]  # (key, heading)
    rows: list[dict[str, Any]]
    intro: str = ""
    links: dict[str, str] = field(default_factory=dict)  # column key -> row key holding its URL
    status_col: str | None = None  # column whose value is a coverage status (coloured)
    empty: str = "Nothing to show."

    def url(self, row: dict[str, Any], key: str) -> str | None:
        return row.get(self.links[key]) if key in self.links else None

    def plain_rows(self) -> list[dict[str, Any]]:
        keys = [k for k, _ in self.columns]
        extra = [k for k in ("iri",) if k not in keys]
        return [{k: row.get(k) for k in keys + extra if k in row or k in keys} for row in self.rows]


def cache() -> model.Cache:
    return current_app.extensions.setdefault("compgraph_browser_cache", model.Cache())


def fmt_of(ident: str) -> tuple[str, str]:
    """Split a ``.json``/``.csv`` suffix off a path segment."""
    for fmt in ("json", "csv"):
        if ident.endswith("." + fmt):
            return ident[: -len(fmt) - 1], fmt
    return ident, "html"


def as_of_param(name: str = "as_of") -> date:
    raw = request.values.get(name, "").strip()
    if not raw or raw == "today":
        return date.today()
    try:
        if len(raw) != 10:
            raise ValueError
        return date.fromisoformat(raw)
    except ValueError:
        abort(400, description=f"{name}: {raw!r} is not a date; use the form YYYY-MM-DD, e.g. 2026-11-22.")


def choice_param(name: str, allowed: list[tuple[str, str]]) -> str | None:
    raw = request.args.get(name, "").strip()
    if not raw:
        return None
    if raw not in {slug for slug, _ in allowed}:
        shown = ", ".join(slug for slug, _ in allowed[:20]) or "none"
        abort(400, description=f"{name}: {raw!r} is not one of the known values ({shown}).")
    return raw


PAGE_SIZE = 200
GAPS_PER_RULE = 100
DASHBOARD_SYSTEMS = 50
SYSTEM_IDS_SHOWN = 12


def page_param() -> int:
    raw = request.args.get("page", "1").strip() or "1"
    if not raw.isdigit() or int(raw) < 1 or len(raw) > 6:
        abort(400, description=f"page: {raw!r} is not a page number (1, 2, 3, ...).")
    return int(raw)


def pager(page: int, total: int) -> dict[str, Any] | None:
    """Links to the neighbouring pages, keeping every other query parameter."""
    pages = max(1, -(-total // PAGE_SIZE))
    if pages == 1:
        return None

    def link(n: int) -> str:
        args = request.args.to_dict()
        args["page"] = str(n)
        return request.path + "?" + "&".join(f"{k}={quote(v)}" for k, v in args.items())

    return {
        "page": page,
        "pages": pages,
        "total": total,
        "prev": link(page - 1) if page > 1 else None,
        "next": link(page + 1) if page < pages else None,
    }


def meta(as_of: date | None) -> dict[str, Any]:
    from compgraph.checks.validate import last_report_counts

    store = get_store()
    state = model.store_state(store)
    last = last_report_counts(store)
    return {
        "as_of": as_of.isoformat() if as_of else None,
        "data_built": state.built,
        "validation": last,
    }


def respond(
    template: str,
    fmt: str,
    *,
    title: str,
    description: str,
    as_of: date | None = None,
    tables: list[Table] | None = None,
    data: dict[str, Any] | None = None,
    **context: Any,
) -> Response | str:
    """Render the page as HTML, or its data as JSON, or its first table as CSV."""
    tables = tables or []
    info = meta(as_of)
    if fmt == "json":
        body: dict[str, Any] = {"title": title, "description": description, **info}
        if data:
            body.update(data)
        for t in tables:
            body[t.id] = t.plain_rows()
        return Response(json.dumps(body, indent=2, default=str), mimetype="application/json")
    if fmt == "csv":
        if not tables:
            abort(404, description="This page has no table to export as CSV.")
        return csv_response(tables[0])
    base = "/index" if request.path == "/" else request.path
    qs = request.query_string.decode()
    suffix = f"?{qs}" if qs else ""
    return render_template(
        template,
        title=title,
        description=description,
        meta=info,
        tables=tables,
        json_url=f"{base}.json{suffix}",
        csv_url=f"{base}.csv{suffix}" if tables and base != "/index" else None,
        **context,
    )


def csv_response(table: Table) -> Response:
    buf = io.StringIO()
    writer = csv.writer(buf)
    keys = [k for k, _ in table.columns]
    writer.writerow(keys)
    for row in table.rows:
        writer.writerow(["" if row.get(k) is None else row.get(k) for k in keys])
    return Response(
        buf.getvalue(), mimetype="text/csv", headers={"Content-Disposition": f"inline; filename={table.id}.csv"}
    )


@bp.app_template_filter("status_class")
def status_class(value: Any) -> str:
    return "status-" + model.status_slug(str(value or "none"))


@bp.app_template_filter("short")
def short_filter(value: Any) -> str:
    return shorten(str(value))


@bp.app_context_processor
def inject_helpers() -> dict[str, Any]:
    return {"entity_url": model.entity_url, "STATUSES": model.STATUSES, "request_args": request.args}


# --- errors ------------------------------------------------------------------------------------


def _wants_json() -> bool:
    path = request.path
    if path.endswith(".json"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json" and request.accept_mimetypes["text/html"] < request.accept_mimetypes[best]


@bp.app_errorhandler(HTTPException)
def http_error(exc: HTTPException) -> tuple[Response | str, int]:
    code = exc.code or 500
    message = exc.description or exc.name
    if isinstance(exc, InternalServerError):
        # Never show the exception text: it can quote queries and paths; the log keeps the details.
        message = "Something went wrong while building this page. The error has been logged."
    if _wants_json():
        return Response(
            json.dumps({"error": exc.name, "status": code, "message": message}), mimetype="application/json"
        ), code
    if request.path.startswith("/sparql") and not request.path.startswith("/sparql-console"):
        return Response(f"{exc.name}: {message}\n", mimetype="text/plain"), code
    try:
        return render_template(
            "error.html", title=f"{code} {exc.name}", description="", code=code, name=exc.name, message=message, meta={}
        ), code
    except Exception:  # a broken template must not turn an error page into a traceback
        return Response(f"{code} {exc.name}: {message}\n", mimetype="text/plain"), code


@bp.app_errorhandler(500)
def server_error(exc: Exception) -> tuple[Response | str, int]:
    original = getattr(exc, "original_exception", None)
    if original is not None:
        current_app.logger.error("page %s failed", request.path, exc_info=original)
    return http_error(exc if isinstance(exc, HTTPException) else InternalServerError())


# --- dashboard and validation ------------------------------------------------------------------


def _bars(counts: dict[str, dict[str, int]], url_for_key: Any = None) -> list[dict[str, Any]]:
    out = []
    for key, c in counts.items():
        total = sum(c.values())
        segments = []
        x = 0.0
        for s in model.STATUSES:
            n = c.get(s, 0)
            if not n:
                continue
            w = 100.0 * n / total
            segments.append({"status": s, "n": n, "x": x, "w": w})
            x += w
        out.append(
            {
                "key": key,
                "total": total,
                "covered": c.get(tr.COVERED, 0),
                "segments": segments,
                "counts": c,
                "url": url_for_key(key) if url_for_key else None,
            }
        )
    return out


def _question_list() -> list[Any]:
    try:
        from compgraph.questions import queries
    except ImportError:
        return []
    try:
        return queries.list_queries()
    except Exception as exc:  # a malformed .rq file must not take the dashboard down
        current_app.logger.warning("canned questions unavailable: %s", exc)
        return []


@bp.route("/", defaults={"fmt": "html"})
@bp.route("/index.<any(json):fmt>")
def dashboard(fmt: str) -> Response | str:
    store = get_store()
    as_of = as_of_param()
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
    by_doc = _bars(cov.by_document, lambda k: url_for("browser.document", ident=docs[k]) if k in docs else None)
    by_risk = _bars(cov.by_risk)
    by_system = _bars({k: cov.by_system[k] for k in systems}, lambda k: url_for("browser.system", ident=k))
    for b in by_system:
        b["label"] = f"{b['key']}: {systems[b['key']].label}" if b["key"] in systems else b["key"]
    questions = _question_list()
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
    data = {
        "coverage_by_document": cov.by_document,
        "coverage_by_risk": cov.by_risk,
        "coverage_by_system": cov.by_system,
        "questions": [{"name": q.name, "title": q.title} for q in questions],
    }
    return respond(
        "dashboard.html",
        fmt,
        title="Compliance dashboard",
        description="How well the binding obligations of each document, risk level and AI system are covered "
        "by implemented controls with current evidence, and what the last SHACL validation found.",
        as_of=as_of,
        tables=[table],
        data=data,
        by_doc=by_doc,
        by_risk=by_risk,
        by_system=by_system,
        systems_hidden=len(cov.systems) - len(shown),
        questions=questions,
    )


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


def _validation(store: GraphStore, as_of: date) -> Any:
    from compgraph.checks.validate import validate_store

    # Validation reads the whole graph with pySHACL: seconds, not milliseconds, so keep each result
    # for as long as the store is unchanged.
    return cache().get(
        ("validation", model.store_state(store).key, as_of), lambda: validate_store(store, as_of, save=False)
    )


@bp.route("/gaps", defaults={"fmt": "html"})
@bp.route("/gaps.<any(json,csv):fmt>")
def gaps(fmt: str) -> Response | str:
    store = get_store()
    as_of = as_of_param()
    outcome = _validation(store, as_of)
    rows = []
    for f in outcome.findings:
        rows.append(
            {
                "severity": f.severity,
                "rule": f.rule,
                "focus": f.focus_label,
                "focus_iri": f.focus,
                "focus_url": model.entity_url(f.focus),
                "message": f.message,
                "path": f.path or "",
                "value": shorten(f.value) if f.value else "",
            }
        )
    table = Table(
        "findings",
        "Findings",
        [("severity", "Severity"), ("rule", "Rule"), ("focus", "Where"), ("message", "What is wrong")],
        rows,
        links={"focus": "focus_url"},
        empty="No findings: the graph conforms to every shape on this date.",
    )
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(r["rule"], []).append(r)
    # A large graph has tens of thousands of findings: the HTML shows the first GAPS_PER_RULE of each rule
    # with its full count; the CSV and JSON keep every finding.
    shown = {rule: items[:GAPS_PER_RULE] for rule, items in groups.items()}
    counts = {rule: len(items) for rule, items in groups.items()}
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


# --- lists -------------------------------------------------------------------------------------


def _link_rows(rows: list[dict[str, Any]], kind: str, key: str = "id") -> list[dict[str, Any]]:
    for r in rows:
        r["url"] = f"/{kind}/{r[key]}"
    return rows


@bp.route("/documents", defaults={"fmt": "html"})
@bp.route("/documents.<any(json,csv):fmt>")
def documents(fmt: str) -> Response | str:
    rows = _link_rows(model.documents(get_store()), "documents")
    for r in rows:
        r["obligations_url"] = url_for("browser.obligations", document=r["id"])
    table = Table(
        "documents",
        "Documents",
        [("id", "Id"), ("title", "Title"), ("kind", "Kind"), ("version", "Version"), ("obligations", "Obligations")],
        rows,
        links={"id": "url", "obligations": "obligations_url"},
    )
    return respond(
        "list.html",
        fmt,
        title="Documents",
        description="The regulations, codes of conduct and internal policies whose obligations the graph holds.",
        tables=[table],
    )


@bp.route("/obligations", defaults={"fmt": "html"})
@bp.route("/obligations.<any(json,csv):fmt>")
def obligations(fmt: str) -> Response | str:
    store = get_store()
    as_of = as_of_param()
    # The filters' values change only with the data (180 ms of queries at 1.1M triples).
    options = cache().get(("obligation-filters", model.store_state(store).key), lambda: model.obligation_filters(store))
    chosen = {name: choice_param(name, options[name]) for name in ("document", "modality", "topic", "status")}
    page = page_param()
    # CSV is the export: every matching row; HTML and JSON go page by page.
    limit, offset = (None, 0) if fmt == "csv" else (PAGE_SIZE, (page - 1) * PAGE_SIZE)
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
    if page > 1 and not rows:
        abort(404, description=f"page {page} is past the last page of results.")
    _link_rows(rows, "obligations")
    for r in rows:
        r["document_url"] = f"/documents/{r['document']}"
    table = Table(
        "obligations",
        "Obligations",
        [
            ("id", "Id"),
            ("document", "Document"),
            ("modality", "Modality"),
            ("topic", "Topic"),
            ("status", "Status"),
            ("text", "Text"),
        ],
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
        filters=options,
        chosen=chosen,
        pager=pager(page, total),
    )


@bp.route("/controls", defaults={"fmt": "html"})
@bp.route("/controls.<any(json,csv):fmt>")
def controls(fmt: str) -> Response | str:
    rows = _link_rows(model.controls(get_store()), "controls")
    table = Table(
        "controls",
        "Controls",
        [
            ("id", "Id"),
            ("title", "Title"),
            ("type", "Type"),
            ("scope", "Scope"),
            ("owner", "Owner"),
            ("obligations", "Obligations satisfied"),
            ("implementers", "Implemented by"),
        ],
        rows,
        links={"id": "url"},
    )
    return respond(
        "list.html",
        fmt,
        title="Controls",
        description="The control catalog: what each control is, who owns it, how many obligations it satisfies "
        "and how many systems or organisations implement it.",
        tables=[table],
    )


@bp.route("/systems", defaults={"fmt": "html"})
@bp.route("/systems.<any(json,csv):fmt>")
def systems(fmt: str) -> Response | str:
    store = get_store()
    as_of = as_of_param()
    cov = model.coverage(store, as_of, cache())
    page = page_param()
    # CSV is the export: every row; HTML and JSON go page by page. The statuses come from coverage.
    limit, offset = (None, 0) if fmt == "csv" else (PAGE_SIZE, (page - 1) * PAGE_SIZE)
    rows, total = model.systems_basic(store, cache(), limit, offset)
    if page > 1 and not rows:
        abort(404, description=f"page {page} is past the last page of results.")
    rows = _link_rows(rows, "systems")
    for r in rows:
        counts = cov.by_system.get(r["id"], {})
        r["binding"] = sum(counts.values())
        r["gaps"] = r["binding"] - counts.get(tr.COVERED, 0)
        r["status"] = cov.worst(r["iri"]) or ""
    table = Table(
        "systems",
        "AI systems",
        [
            ("id", "Id"),
            ("label", "Name"),
            ("risk", "Risk level"),
            ("annex_iii", "Annex III area"),
            ("binding", "Binding obligations"),
            ("gaps", "Not covered"),
            ("status", "Worst status"),
        ],
        rows,
        links={"id": "url"},
        status_col="status",
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
        pager=pager(page, total),
    )


@bp.route("/datasets", defaults={"fmt": "html"})
@bp.route("/datasets.<any(json,csv):fmt>")
def datasets(fmt: str) -> Response | str:
    rows = _link_rows(model.datasets(get_store()), "datasets")
    table = Table(
        "datasets",
        "Datasets",
        [
            ("id", "Id"),
            ("label", "Name"),
            ("personal_data", "Personal data"),
            ("legal_basis", "Legal basis"),
            ("systems", "Used by systems"),
        ],
        rows,
        links={"id": "url"},
    )
    return respond(
        "list.html",
        fmt,
        title="Datasets",
        description="Datasets the AI systems are trained on or use, whether they hold personal data, and the "
        "legal basis recorded for that.",
        tables=[table],
    )


@bp.route("/evidence", defaults={"fmt": "html"})
@bp.route("/evidence.<any(json,csv):fmt>")
def evidence_list(fmt: str) -> Response | str:
    as_of = as_of_param()
    page = page_param()
    limit, offset = (None, 0) if fmt == "csv" else (PAGE_SIZE, (page - 1) * PAGE_SIZE)
    rows, total = model.evidence(get_store(), as_of, cache(), limit, offset)
    if page > 1 and not rows:
        abort(404, description=f"page {page} is past the last page of results.")
    rows = _link_rows(rows, "evidence")
    for r in rows:
        r["control_url"] = model.entity_url(r["control_iri"])
        r["concerns_url"] = model.entity_url(r["concerns_iri"])
        r["status"] = tr.COVERED if r["state"] == "current" else tr.EXPIRED
    table = Table(
        "evidence",
        "Evidence",
        [
            ("id", "Id"),
            ("label", "Title"),
            ("control", "Control"),
            ("concerns", "Concerns"),
            ("issued", "Issued"),
            ("valid_until", "Valid until"),
            ("state", "State"),
        ],
        rows,
        links={"id": "url", "control": "control_url", "concerns": "concerns_url"},
    )
    return respond(
        "list.html",
        fmt,
        title="Evidence",
        description="Evidence records for implemented controls and whether each is still valid on the chosen date.",
        as_of=as_of,
        tables=[table],
        data={"total": total, "page": page, "page_size": PAGE_SIZE},
        pager=pager(page, total),
    )


# --- detail pages ------------------------------------------------------------------------------


def _resolve(kind: str, ident: str) -> str:
    try:
        return model.resolve_kind(get_store(), kind, ident)
    except tr.UnknownEntity:
        singular = model.KINDS[kind][0]
        abort(404, description=f"There is no {singular} with id {ident!r}.")


def _neighbour_table(store: GraphStore, iri: str) -> Table:
    rows = [asdict(n) for n in model.neighbours(store, iri)]
    return Table(
        "neighbours",
        "Linked to",
        [("relation", "Relation"), ("label", "Node")],
        rows,
        links={"label": "url"},
        intro="Every node this one links to or is linked from.",
    )


def _facts(store: GraphStore, iri: str) -> list[tuple[str, str]]:
    return model.facts(store, iri)


def _detail(
    kind: str,
    raw_ident: str,
    title_fmt: str,
    description: str,
    extra: Any = None,
    with_as_of: bool = True,
) -> Response | str:
    ident, fmt = fmt_of(raw_ident)
    as_of = as_of_param() if with_as_of else None
    iri = _resolve(kind, ident)
    store = get_store()
    lab = model.label(store, iri)
    tables: list[Table] = []
    context: dict[str, Any] = {}
    data: dict[str, Any] = {"iri": iri, "id": ident}
    if extra is not None:
        extra(store, iri, as_of, tables, context, data)
    facts = _facts(store, iri)
    data["facts"] = dict(facts)
    tables.append(_neighbour_table(store, iri))
    seg = model.KINDS[kind][0]
    return respond(
        "detail.html",
        fmt,
        title=title_fmt.format(id=ident, label=lab),
        description=description,
        as_of=as_of,
        tables=tables,
        data=data,
        facts=facts,
        iri=iri,
        kind=kind,
        ident=ident,
        graph_url=url_for("browser.graph_page", kind=seg, ident=ident),
        **context,
    )


def _trace_rows(controls: list[tr.ControlLink], as_of: date | None) -> list[dict[str, Any]]:
    rows = []
    for c in controls:
        base = {
            "control": c.id,
            "control_label": c.label,
            "control_url": model.entity_url(c.iri),
            "relation": c.relation,
        }
        if not c.implementations:
            rows.append(base | {"implementer": "", "status": tr.MISSING_CONTROL, "evidence": "not implemented"})
        for impl in c.implementations:
            ev = "; ".join(
                f"{e.id} (valid until {e.valid_until}{'' if e.current else ', expired'})" for e in impl.evidence
            )
            rows.append(
                base
                | {
                    "implementer": impl.implementer_id,
                    "implementer_url": model.entity_url(impl.implementer),
                    "status": impl.status,
                    "evidence": ev or "no evidence recorded",
                }
            )
    return rows


TRACE_COLUMNS = [
    ("control", "Control"),
    ("control_label", "Control title"),
    ("relation", "Mapping"),
    ("implementer", "Implemented by"),
    ("status", "Status"),
    ("evidence", "Evidence"),
]


@bp.route("/documents/<ident>")
def document(ident: str) -> Response | str:
    def extra(store: GraphStore, iri: str, as_of: date, tables: list[Table], ctx: dict, data: dict) -> None:
        doc_id = iri.rsplit("/", 1)[-1]
        found, total = model.obligations(store, as_of, cache(), document=doc_id, limit=PAGE_SIZE)
        rows = _link_rows(found, "obligations")
        if total > len(rows):
            ctx["more_url"] = url_for("browser.obligations", document=doc_id, page=2)
        tables.append(
            Table(
                "obligations",
                "Obligations",
                [("id", "Id"), ("modality", "Modality"), ("topic", "Topic"), ("status", "Status"), ("text", "Text")],
                rows,
                links={"id": "url"},
                status_col="status",
            )
        )
        cov = model.coverage(store, as_of, cache())
        lab = model.label(store, iri)
        if lab in cov.by_document:
            ctx["bar_items"] = _bars({lab: cov.by_document[lab]})

    return _detail(
        "documents",
        ident,
        "Document: {label}",
        "A source document, its obligations with their coverage status, and how well the obligations that "
        "bind the organisation's systems are covered.",
        extra,
    )


@bp.route("/obligations/<ident>")
def obligation(ident: str) -> Response | str:
    def extra(store: GraphStore, iri: str, as_of: date, tables: list[Table], ctx: dict, data: dict) -> None:
        t = tr.trace_obligation(store, iri, as_of)
        ctx["status"] = t.status
        ctx["quote"] = t.text
        data["status"] = t.status
        tables.append(
            Table(
                "trace",
                "Trace: obligation → controls → implementers → evidence",
                TRACE_COLUMNS,
                _trace_rows(t.controls, as_of),
                links={"control": "control_url", "implementer": "implementer_url"},
                status_col="status",
                empty="No control is mapped to this obligation (unmapped).",
            )
        )

    return _detail(
        "obligations",
        ident,
        "Obligation {id}",
        "One obligation, verbatim from its source, traced to the controls that satisfy it, who implements "
        "them and whether their evidence is current.",
        extra,
    )


@bp.route("/controls/<ident>")
def control(ident: str) -> Response | str:
    def extra(store: GraphStore, iri: str, as_of: date, tables: list[Table], ctx: dict, data: dict) -> None:
        maps = _link_rows(model.control_mappings(store, iri), "obligations")
        tables.append(
            Table(
                "obligations",
                "Obligations it satisfies",
                [("id", "Obligation"), ("relation", "Mapping"), ("justification", "Why"), ("text", "Text")],
                maps,
                links={"id": "url"},
                empty="No obligation is mapped to this control.",
            )
        )
        rows = []
        for impl in model.control_implementers(store, iri, as_of):
            ev = "; ".join(
                f"{e.id} (valid until {e.valid_until}{'' if e.current else ', expired'})" for e in impl.evidence
            )
            rows.append(
                {
                    "implementer": impl.implementer_id,
                    "implementer_label": impl.implementer_label,
                    "url": model.entity_url(impl.implementer),
                    "status": impl.status,
                    "evidence": ev or "no evidence recorded",
                }
            )
        tables.append(
            Table(
                "implementations",
                "Implemented by",
                [
                    ("implementer", "Implementer"),
                    ("implementer_label", "Name"),
                    ("status", "Status"),
                    ("evidence", "Evidence"),
                ],
                rows,
                links={"implementer": "url"},
                status_col="status",
                empty="No system or organisation implements this control.",
            )
        )
        ctx["impact_url"] = url_for("browser.control_impact", ident=iri.rsplit("/", 1)[-1])

    return _detail(
        "controls",
        ident,
        "Control {id}: {label}",
        "A control, the obligations mapped to it (with the mapping's justification), who implements it and "
        "the evidence for each implementation.",
        extra,
    )


@bp.route("/systems/<ident>")
def system(ident: str) -> Response | str:
    def extra(store: GraphStore, iri: str, as_of: date, tables: list[Table], ctx: dict, data: dict) -> None:
        t = tr.trace_system(store, iri, as_of)
        only_gaps = request.args.get("gaps", "") in ("1", "true", "yes")
        rows = []
        for o in t.obligations:
            if only_gaps and o.status == tr.COVERED:
                continue
            rows.append(
                {
                    "id": o.id,
                    "url": model.entity_url(o.iri),
                    "document": o.document,
                    "modality": o.modality,
                    "status": o.status,
                    "controls": ", ".join(c.id for c in o.controls) or "none mapped",
                    "text": o.text,
                }
            )
        tables.insert(
            0,
            Table(
                "trace",
                "Binding obligations and their status",
                [
                    ("id", "Obligation"),
                    ("document", "Document"),
                    ("modality", "Modality"),
                    ("status", "Status"),
                    ("controls", "Controls mapped"),
                    ("text", "Text"),
                ],
                rows,
                links={"id": "url"},
                status_col="status",
                empty="No binding obligation" + (" is uncovered." if only_gaps else "."),
            ),
        )
        counts = t.counts()
        ctx["bar_items"] = _bars({t.id: {s: counts.get(s, 0) for s in model.STATUSES}})
        ctx["only_gaps"] = only_gaps
        ctx["system_trace"] = t
        data["counts"] = counts

    return _detail(
        "systems",
        ident,
        "AI system {id}: {label}",
        "An AI system, the obligations that bind it (its organisation's documents, filtered by risk level) and "
        "whether each is covered by an implemented control with current evidence.",
        extra,
    )


@bp.route("/datasets/<ident>")
def dataset(ident: str) -> Response | str:
    return _detail(
        "datasets",
        ident,
        "Dataset {id}: {label}",
        "A dataset, whether it holds personal data and on which legal basis, and the systems that use it.",
        with_as_of=False,
    )


@bp.route("/evidence/<ident>")
def evidence(ident: str) -> Response | str:
    def extra(store: GraphStore, iri: str, as_of: date, tables: list[Table], ctx: dict, data: dict) -> None:
        until = dict(model.facts(store, iri)).get("valid until")
        state = model.evidence_state(until, as_of)
        ctx["status"] = tr.COVERED if state == "current" else tr.EXPIRED
        ctx["status_text"] = state
        data["state"] = state

    return _detail(
        "evidence",
        ident,
        "Evidence {id}: {label}",
        "An evidence record: which control it supports, for which system or organisation, and whether it is "
        "still valid on the chosen date.",
        extra,
    )


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
def control_impact(ident: str, fmt: str) -> Response | str:
    store = get_store()
    as_of = as_of_param()
    iri = _resolve("controls", ident)
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
def single_points(fmt: str) -> Response | str:
    store = get_store()
    as_of = as_of_param()
    # Counted with bit sets, not listed pair by pair: at 1M triples there are ~10^5 pairs.
    points = cache().get(
        ("single-points", model.store_state(store).key, as_of),
        lambda: im.single_point_summary(store, as_of, model.impact_snapshot(store, cache())),
    )
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
def graph_page(kind: str, ident: str) -> Response | str:
    plural = _graph_kind(kind)
    ident, fmt = fmt_of(ident)
    if fmt == "csv":
        abort(404, description="The graph view is available as HTML and JSON only.")
    depth_raw = request.args.get("depth", "1")
    if depth_raw not in ("1", "2", "3"):
        abort(400, description=f"depth: {depth_raw!r} must be 1, 2 or 3.")
    as_of = as_of_param()
    iri = _resolve(plural, ident)
    store = get_store()
    if fmt == "json":
        data = model.neighbourhood(store, iri, int(depth_raw), as_of, cache())
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
    )


# --- canned questions, search, console ---------------------------------------------------------


@bp.route("/questions", defaults={"fmt": "html"})
@bp.route("/questions.<any(json,csv):fmt>")
def questions(fmt: str) -> Response | str:
    qs = _question_list()
    rows = [
        {
            "name": q.name,
            "title": q.title,
            "description": q.description,
            "parameters": ", ".join(p.name for p in q.params),
            "url": url_for("browser.question", name=q.name),
        }
        for q in qs
    ]
    table = Table(
        "questions",
        "Canned questions",
        [("title", "Question"), ("description", "What it answers"), ("parameters", "Parameters")],
        rows,
        links={"title": "url"},
        empty="No canned questions are installed (ontology/queries/*.rq).",
    )
    return respond(
        "list.html",
        fmt,
        title="Questions",
        description="Ready-made questions auditors ask of the graph. Each runs as a SPARQL query from "
        "ontology/queries; open one to set its parameters and see the answer.",
        tables=[table],
    )


def _cell_url(term: Any) -> str | None:
    from rdflib import URIRef

    return model.entity_url(str(term)) if isinstance(term, URIRef) else None


@bp.route("/questions/<name>")
def question(name: str) -> Response | str:
    from compgraph.questions import queries

    name, fmt = fmt_of(name)
    try:
        q = queries.get_query(name)
    except queries.UnknownQuery:
        abort(404, description=f"There is no canned question called {name!r}.")
    except queries.QueryError as exc:
        abort(500, description=str(exc))
    declared = {p.name for p in q.params}
    unknown = sorted(k for k in request.args if k not in declared)
    if unknown:
        abort(
            400, description=f"unknown parameter {unknown[0]!r} (this question takes: {', '.join(declared) or 'none'})"
        )
    values = {k: v for k, v in request.args.items() if v.strip() != ""}
    missing = [p.name for p in q.params if p.required and p.name not in values]
    result = None
    if not missing:
        try:
            result = queries.run_query(
                get_store(),
                name,
                values,
                timeout=current_app.config.get("SPARQL_TIMEOUT"),
                max_results=current_app.config.get("SPARQL_MAX_RESULTS"),
            )
        except queries.ParameterError as exc:
            abort(400, description=str(exc))
        except (QueryTimeout, ResultTooLarge) as exc:
            abort(503, description=str(exc))
        except (QuerySyntaxError, StoreError) as exc:
            current_app.logger.error("canned question %s failed: %s", name, exc)
            abort(500)
    rows: list[dict[str, Any]] = []
    columns: list[tuple[str, str]] = []
    links: dict[str, str] = {}
    if result is not None and result.kind == "SELECT":
        columns = [(v, v) for v in result.variables]
        for row in result.rows:
            r: dict[str, Any] = {}
            for v, term in zip(result.variables, row, strict=True):
                r[v] = "" if term is None else (shorten(str(term)) if str(term).startswith(str(CGR)) else str(term))
                u = _cell_url(term)
                if u:
                    r[f"{v}__url"] = u
                    links[v] = f"{v}__url"
            rows.append(r)
    elif result is not None and result.kind == "ASK":
        columns = [("answer", "Answer")]
        rows = [{"answer": "yes" if result.boolean else "no"}]
    elif result is not None:
        columns = [("subject", "subject"), ("predicate", "predicate"), ("object", "object")]
        rows = [{"subject": str(s), "predicate": str(p), "object": str(o)} for s, p, o in result.triples]
    table = Table(
        "rows",
        "Answer",
        columns,
        rows,
        links=links,
        empty="No rows: nothing in the graph matches this question."
        if result is not None
        else "Set the required parameters and press Run.",
    )
    if fmt != "html" and missing:
        abort(400, description=f"parameter {missing[0]!r} is required")
    return respond(
        "question.html",
        fmt,
        title=q.title,
        description=q.description or "A canned question.",
        tables=[table],
        data={"name": q.name, "parameters": values},
        cq=q,
        values=values,
        missing=missing,
        sparql=q.text,
    )


@bp.route("/search", defaults={"fmt": "html"})
@bp.route("/search.<any(json,csv):fmt>")
def search(fmt: str) -> Response | str:
    q = request.args.get("q", "").strip()
    if len(q) > MAX_SEARCH:
        abort(400, description=f"q: the search text is longer than {MAX_SEARCH} characters.")
    rows = model.search(get_store(), q) if q else []
    table = Table(
        "results",
        f"Results for “{q}”" if q else "Results",
        [("id", "Id"), ("kind", "Kind"), ("label", "Title"), ("match", "Matched text")],
        rows,
        links={"id": "url"},
        empty="Nothing matches." if q else "Type a word to search titles, ids and obligation texts.",
    )
    return respond(
        "search.html",
        fmt,
        title="Search",
        description="Find documents, obligations, controls, systems, datasets and evidence by id, title or the "
        "obligation's source text (case-insensitive).",
        tables=[table],
        data={"q": q},
        q=q,
    )


@bp.route("/sparql-console")
def sparql_console() -> str:
    example = (
        "SELECT ?system ?label ?risk WHERE {\n"
        "  ?system a cg:AISystem ; rdfs:label ?label ; cg:riskLevel/skos:prefLabel ?risk .\n"
        "}\nORDER BY ?label\nLIMIT 50\n"
    )
    return render_template(
        "console.html",
        title="SPARQL console",
        description="Ask the graph anything in SPARQL. compgraph's prefixes (cg:, cgr:, obl:, ctl:, sys:, "
        "dcterms:, skos:, …) are declared for you. Queries run read-only with a time limit.",
        meta=meta(None),
        tables=[],
        query=request.args.get("query") or example,
        prefixes=sparql_prefixes(),
    )
