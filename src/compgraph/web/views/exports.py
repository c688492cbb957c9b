"""Exports for auditors and other GRC tools: OSCAL, the Statement of Applicability, the audit pack, a dump.

Every download calls the same ``compgraph.exchange`` function as its CLI command (``export-oscal``, ``soa``,
``audit-pack``), so a file from the browser and one from the command line are the same file. Only the
``auditor`` role and above may download (``account.RULES``); a viewer gets 403.

The audit pack re-validates the graph, re-hashes every evidence file and renders a PDF: seconds of work
(about 5 s for the demo on one core). It is built fresh for each download, because evidence files can change
on disk without the graph changing, and only one is built at a time: a second request meanwhile gets 503 with
Retry-After at once instead of doubling the CPU load every other user of the server shares.
"""

from __future__ import annotations

import io
import re
import threading
from datetime import date
from typing import Any

from flask import Blueprint, Response, abort, current_app, render_template, request, send_file

from compgraph.web.model import get_store
from compgraph.web.views.common import as_of_param, organisations

bp = Blueprint("exports", __name__)

MEDIA = {
    "json": "application/json",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
    "nq": "application/n-quads",
}
PACK_RETRY_SECONDS = 10


def _pack_lock() -> threading.Lock:
    return current_app.extensions.setdefault("compgraph_audit_pack_lock", threading.Lock())


def _user_error(exc: Exception) -> Any:
    """400 with the exchange layer's one line; its CLI option names (``--org``) become the query parameter's."""
    abort(400, description=re.sub(r"^--", "", str(exc)))


def _errors() -> tuple[type[Exception], ...]:
    from compgraph.exchange.files import ExchangeError
    from compgraph.graph.catalog import InputError
    from compgraph.legal.review import ReviewError

    return (ExchangeError, InputError, ReviewError)


def _download(data: bytes, ext: str, name: str) -> Response:
    resp = send_file(io.BytesIO(data), mimetype=MEDIA[ext], as_attachment=True, download_name=f"{name}.{ext}")
    resp.headers["Cache-Control"] = "no-store"  # auditors' files are dated by their content, not by a cache
    return resp


@bp.route("/exports")
def exports_page() -> str:
    from compgraph.exchange import oscal

    return render_template(
        "exports.html",
        title="Exports",
        description="Files for auditors and other GRC tools, the same as the command line writes: OSCAL, the "
        "Statement of Applicability, the audit pack (verify it with `compgraph audit-pack --verify`) and "
        "a dump of every named graph.",
        meta={},
        documents=oscal.document_ids(get_store()),
        organisations=organisations(),
        today=date.today().isoformat(),
    )


@bp.route("/exports/oscal/<any(catalog, 'component-definition', 'assessment-results'):kind>.json")
def oscal_export(kind: str) -> Response:
    """The OSCAL JSON of ``compgraph export-oscal --kind KIND`` (catalog: ``?document=ID``)."""
    from compgraph.exchange import oscal

    as_of = as_of_param()
    document = request.args.get("document", "").strip() or None
    try:
        data = oscal.to_json(oscal.export(get_store(), kind, as_of, document))
    except _errors() as exc:
        _user_error(exc)
    name = f"oscal-{kind}-{document}" if kind == "catalog" and document else f"oscal-{kind}"
    return _download(data, "json", name if kind == "catalog" else f"{name}-{as_of.isoformat()}")


@bp.route("/exports/soa.<any(xlsx, csv):fmt>")
def soa_export(fmt: str) -> Response:
    """The Statement of Applicability of ``?org=ID`` as ``compgraph soa --org ID --format FMT`` writes it."""
    from compgraph.exchange import soa

    org = request.args.get("org", "").strip()
    if not org:
        known = ", ".join(i for i, _ in organisations()) or "none"
        abort(400, description=f"org: name the organisation, e.g. ?org=ID (one of: {known})")
    as_of = as_of_param()
    try:
        data = soa.FORMATS[fmt](soa.statement(get_store(), org, as_of))
    except _errors() as exc:
        _user_error(exc)
    return _download(data, fmt, f"soa-{org}-{as_of.isoformat()}")


@bp.route("/exports/audit-pack.zip")
def audit_pack() -> Response:
    """The zip of ``compgraph audit-pack --as-of D``; one is built at a time (see the module docstring)."""
    from compgraph.exchange import audit

    as_of = as_of_param()
    since = as_of_param("since") if request.values.get("since") else None
    lock = _pack_lock()
    if not lock.acquire(blocking=False):
        resp = Response(
            f"Another audit pack is being built; try again in {PACK_RETRY_SECONDS} seconds.\n",
            503,
            mimetype="text/plain",
        )
        resp.headers["Retry-After"] = str(PACK_RETRY_SECONDS)
        return resp
    try:
        files, _ = audit.build_pack(get_store(), as_of, since=since)
        data = audit.pack_bytes(files)
    except _errors() as exc:
        _user_error(exc)
    finally:
        lock.release()
    return _download(data, "zip", f"audit-pack-{as_of.isoformat()}")


@bp.route("/exports/graph.nq")
def dump() -> Response:
    """Every named graph as N-Quads: the audit pack's graph.nq on its own (the dataset's VoID dump)."""
    from compgraph.exchange import audit

    return _download(audit.snapshot(get_store()), "nq", "compgraph-graph")
