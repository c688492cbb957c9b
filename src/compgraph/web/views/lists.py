"""The list pages: /documents, /obligations, /controls, /systems, /datasets and /evidence.

Each list is also ``.json`` and ``.csv``. The long lists (obligations, systems, evidence) go page by page
in HTML and JSON, and the CSV is the export of every matching row.
"""

from __future__ import annotations

from flask import Response, abort, url_for

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
)


@bp.route("/documents", defaults={"fmt": "html"})
@bp.route("/documents.<any(json,csv):fmt>")
@cached_page()
def documents(fmt: str) -> Response | str:
    rows = link_rows(model.documents(get_store()), "documents")
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
@cached_page()
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
    link_rows(rows, "obligations")
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
@cached_page()
def controls(fmt: str) -> Response | str:
    rows = link_rows(model.controls(get_store()), "controls")
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
@cached_page()
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
    rows = link_rows(rows, "systems")
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
@cached_page()
def datasets(fmt: str) -> Response | str:
    rows = link_rows(model.datasets(get_store()), "datasets")
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
@cached_page()
def evidence_list(fmt: str) -> Response | str:
    as_of = as_of_param()
    page = page_param()
    limit, offset = (None, 0) if fmt == "csv" else (PAGE_SIZE, (page - 1) * PAGE_SIZE)
    rows, total = model.evidence(get_store(), as_of, cache(), limit, offset)
    if page > 1 and not rows:
        abort(404, description=f"page {page} is past the last page of results.")
    rows = link_rows(rows, "evidence")
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
