"""What every page of the compliance browser shares: the blueprint, the page plumbing and the error pages.

The browser's pages live in one blueprint, ``browser``, defined here; each page family's module adds its
routes to it, so ``url_for("browser.<view>")`` does not depend on which module holds the view. The plumbing
makes every list and detail page available as HTML, ``.json`` and ``.csv`` from the same ``Table``, and the
RDF nodes a page shows as JSON-LD (``Accept: application/ld+json`` or ``.jsonld``, see ``web.linkeddata``).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from flask import Blueprint, Response, abort, current_app, render_template, request
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException, InternalServerError, RequestEntityTooLarge

from compgraph.graph import paths
from compgraph.graph.namespaces import shorten
from compgraph.questions import answers
from compgraph.questions import trace as tr
from compgraph.web import linkeddata, model, pageinfo
from compgraph.web.model import get_store
from compgraph.web.storestate import dir_stamp

bp = Blueprint("browser", __name__)

def configured_mappings() -> Path | None:
    """The mappings folder the app was told to write reviews and imports to (COMPGRAPH_MAPPINGS), if any."""
    configured = current_app.config.get("COMPGRAPH_MAPPINGS") or os.environ.get("COMPGRAPH_MAPPINGS")
    return Path(configured) if configured else None



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


# Rows per page of every paged list, shared so that a page number means the same thing everywhere.
PAGE_SIZE = 200


def whole_number(raw: str, lowest: int, highest: int) -> int | None:
    """``raw`` as a whole number from ``lowest`` to ``highest``, else None. ASCII digits only, and few of them:
    str.isdigit() also passes "²" (which int() refuses) and int() refuses more than 4,300 digits, both a 500."""
    if not re.fullmatch(r"[0-9]{1,9}", raw):
        return None
    n = int(raw)
    return n if lowest <= n <= highest else None


def page_param() -> int:
    raw = request.args.get("page", "1").strip() or "1"
    n = whole_number(raw, 1, 999_999)
    if n is None:
        abort(400, description=f"page: {raw[:40]!r} is not a page number (1, 2, 3, ...).")
    return n


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


def saved_report(store: Any) -> dict[str, Any]:
    """The saved validation report's counts and dates (``last_report_counts``), kept until the report graph itself
    is written: a data write leaves the report as it was, and reading it again was 0.2 s of the first dashboard after
    every write at 1.1M triples. Keyed by the report graph's (count, hash) as the embedded store's audit trail
    records its last write; a store without that record (a remote one) by the store's state."""
    from compgraph.checks.report import REPORT_GRAPH, last_report_counts
    from compgraph.graph import history

    state = model.store_state(store)

    def key() -> tuple[Any, ...]:
        db = getattr(store, "oxigraph", None)
        recorded = history.last_recorded(db, REPORT_GRAPH) if db is not None else None
        return ("trail", *recorded) if recorded is not None else ("state", state.key)

    report_key = cache().get(("report-key", state.key), key)
    return cache().get(  # type: ignore[no-any-return]
        ("last-report", report_key),
        lambda: last_report_counts(store, lambda text: answers.kept_graph_query(store, text, REPORT_GRAPH)),
    )


def meta(as_of: date | None) -> dict[str, Any]:
    store = get_store()
    state = model.store_state(store)
    last = saved_report(store)
    return {
        "as_of": as_of.isoformat() if as_of else None,
        # A store filled by `compgraph load` has no load record of a catalog; its audit trail knows when.
        "data_built": state.built or cache().get(("last-write", state.key), lambda: pageinfo.last_data_write(store)),
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
    if fmt in ("json", "html") and wants_jsonld():
        return jsonld_response(title, description, [data.get("iri") if data else None, *rdf_nodes(tables)])
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
        jsonld_url=f"{base}.jsonld{suffix}" if (data or {}).get("iri") or rdf_nodes(tables) else None,
        **context,
    )


def wants_jsonld() -> bool:
    """Whether the client prefers JSON-LD (``Accept: application/ld+json``, or a ``.jsonld`` address)."""
    offered = ["text/html", "application/json", linkeddata.JSONLD]
    return request.accept_mimetypes.best_match(offered) == linkeddata.JSONLD


def rdf_nodes(tables: list[Table]) -> list[str]:
    return [str(row["iri"]) for t in tables for row in t.rows if row.get("iri")]


def jsonld_response(title: str, description: str, iris: list[str | None]) -> Response:
    """The RDF nodes a page shows, as JSON-LD under the published @context; 406 for a page with none."""
    nodes = list(dict.fromkeys(i for i in iris if i))
    if not nodes:
        abort(406, description="This page shows no RDF nodes, so it has no JSON-LD; its data is at .json.")
    qs = request.query_string.decode()
    page = request.base_url.removesuffix(".json") + (f"?{qs}" if qs else "")
    graph = linkeddata.page_graph(get_store(), page, title, description, nodes)
    body = linkeddata.to_jsonld(graph, request.host_url.rstrip("/") + linkeddata.CONTEXT_PATH)
    return Response(body, mimetype=linkeddata.JSONLD, headers={"Vary": "Accept"})


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


# A word with a hyphen in it: an id such as CTL-GOV-01 or sys-credit-limit, or a date.
_HYPHENATED = re.compile(r"[^\s,;()]+-[^\s,;()]+")


@bp.app_template_filter("whole_words")
def whole_words(value: Any) -> Markup:
    """The value as HTML with each hyphenated word in a span CSS keeps on one line (``.nobr``): a cell wraps
    at the spaces between ids, never inside CTL-GOV-01. Copying the text gives the plain hyphens back,
    which non-breaking hyphen characters would not."""
    if isinstance(value, Markup):
        return value  # already HTML: its words are its author's to mark
    text = "" if value is None else str(value)
    out, at = [], 0
    for m in _HYPHENATED.finditer(text):
        out.append(escape(text[at : m.start()]))
        out.append(Markup('<span class="nobr">%s</span>') % m.group())
        at = m.end()
    out.append(escape(text[at:]))
    return Markup("").join(out)


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


def _too_large() -> str:
    """Werkzeug's "The data value transmitted exceeds the capacity limit", said so a user knows what to do: the
    request was refused before its form was read, so its file cannot be named, but the limit can."""
    limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
    size = f"{limit / (1024 * 1024):g} MiB" if limit >= 1024 * 1024 else f"{limit:,} bytes"
    return f"The upload is larger than the {size} this server accepts in one request; nothing was read or stored."


@bp.app_errorhandler(HTTPException)
def http_error(exc: HTTPException) -> tuple[Response | str, int]:
    code = exc.code or 500
    message = exc.description or exc.name
    if isinstance(exc, InternalServerError):
        # Never show the exception text: it can quote queries and paths; the log keeps the details.
        message = "Something went wrong while building this page. The error has been logged."
    elif isinstance(exc, RequestEntityTooLarge) and message == RequestEntityTooLarge.description:
        message = _too_large()
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
    # Flask has already logged the traceback ("Exception on ..."): logging it here again doubled it.
    return http_error(exc if isinstance(exc, HTTPException) else InternalServerError())


# No id, question name or document name is this long or holds these; refusing them up front keeps them out of
# file names and query texts, where they failed as 500s.
MAX_SEGMENT = 200
_BAD_PATH = re.compile("[\x00-\x1f\x7f\ufffd]")


@bp.before_app_request
def plain_path() -> None:
    if _BAD_PATH.search(request.path):
        abort(400, description="the address holds a control character or bytes that are not UTF-8; no id does.")
    if any(len(seg.encode()) > MAX_SEGMENT for seg in request.path.split("/")):
        abort(404, description=f"no page: ids and names are at most {MAX_SEGMENT} bytes long.")


# --- helpers shared by several page families ---------------------------------------------------


def bars(counts: dict[str, dict[str, int]], url_for_key: Any = None) -> list[dict[str, Any]]:
    """One stacked coverage bar per key: its status segments in ``model.STATUSES`` order, widths in percent."""
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


def question_list() -> list[Any]:
    """The canned questions, or none when they cannot be read (the dashboard links them, so it must not fail)."""
    try:
        from compgraph.questions import queries
    except ImportError:
        return []
    try:
        # Parsing every .rq file took 17 ms per dashboard view; they change only when edited.
        return cache().get(("questions", dir_stamp(paths.queries_dir(), ".rq")), queries.list_queries)
    except Exception as exc:  # a malformed .rq file must not take the dashboard down
        current_app.logger.warning("canned questions unavailable: %s", exc)
        return []


def link_rows(rows: list[dict[str, Any]], kind: str, key: str = "id") -> list[dict[str, Any]]:
    for r in rows:
        r["url"] = f"/{kind}/{r[key]}"
    return rows


def resolve(kind: str, ident: str) -> str:
    try:
        return model.resolve_kind(get_store(), kind, ident)
    except tr.UnknownEntity:
        singular = model.KINDS[kind][0]
        abort(404, description=f"There is no {singular} with id {ident!r}.")


def organisations() -> list[tuple[str, str]]:
    """(id, label) of every organisation: the choices of the Statement of Applicability."""
    res = get_store().select("""SELECT ?id (SAMPLE(?l) AS ?label) WHERE {
        ?o a cg:Organisation ; dcterms:identifier ?id . OPTIONAL { ?o rdfs:label ?l } } GROUP BY ?id ORDER BY ?id""")
    return [(str(i), str(label or i)) for i, label in res.rows]
