"""Adding and renewing evidence in the browser: ``GET /new-evidence`` (the form; ``/evidence/<id>`` is a
detail page) and ``POST /evidence``.

The same checks and storage as ``compgraph evidence add``/``renew`` (graph/evidence.py): the SHA-256 is computed
here, the bytes are kept content-addressed beside the store, a renewal revises the old item and keeps it.

Evidence is a file or a URL. The server fetches a URL for whoever fills in the form, so it does so through
graph/urlfetch.py's guard: nothing on this machine or its private networks, unless the operator allow-listed that
host:port (``COMPGRAPH_EVIDENCE_URL_HOSTS``, or the app's ``EVIDENCE_URL_HOSTS`` setting); at most the upload
limit (``MAX_CONTENT_LENGTH``) is read.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Response, abort, current_app, render_template, request

from compgraph.graph import evidence as ev
from compgraph.graph import urlfetch
from compgraph.web.model import get_store
from compgraph.web.views.common import bp


def _choices(cls: str) -> list[tuple[str, str]]:
    res = get_store().select(
        f"SELECT ?id ?label WHERE {{ ?x a cg:{cls} ; dcterms:identifier ?id OPTIONAL {{ ?x rdfs:label ?label }} }}"
        " ORDER BY ?id"
    )
    return [(str(i), str(label or i)) for i, label in res.rows]


def _page(form: dict[str, Any], error: str = "", added: str = "", status: int = 200) -> tuple[str, int]:
    targets = _choices("Organisation") + _choices("AISystem")
    html = render_template("evidence_form.html", title="Add evidence", meta={},
                           description="Attach a report, minutes or record to a control, with how long it is valid.",
                           controls=_choices("Control"), targets=targets, form=form, error=error, added=added)
    return html, status


@bp.route("/new-evidence")
def evidence_form() -> tuple[str, int]:
    return _page({"issued": date.today().isoformat()})


def _date(form: dict[str, Any], name: str, label: str) -> date:
    try:
        return date.fromisoformat(form.get(name) or date.today().isoformat())
    except ValueError:
        raise ev.EvidenceError(f"{label}: {form.get(name)!r} is not a date (YYYY-MM-DD)") from None


def _guard() -> urlfetch.Guard:
    hosts = current_app.config.get("EVIDENCE_URL_HOSTS")
    if hosts is None:
        return urlfetch.Guard.from_env()
    return urlfetch.Guard.parse(hosts if isinstance(hosts, str) else ",".join(hosts))


def _one_source(form: dict[str, Any], upload: Any) -> bool:
    """True for a file, False for a URL; neither or both is the one error named first."""
    has_file = upload is not None and bool(upload.filename)
    if has_file == bool(form["url"]):
        which = "not both" if has_file else "choose a file to attach or give the web address of the evidence"
        raise ev.EvidenceError(f"File or URL: one of them, {which}")
    return has_file


def _bytes(form: dict[str, Any], upload: Any, has_file: bool) -> tuple[bytes, str | None, str | None]:
    """(bytes, url, url after redirects) of the evidence: the uploaded file or what the URL answers now."""
    if has_file:
        return upload.read(), None, None
    cap = current_app.config.get("MAX_CONTENT_LENGTH") or ev.MAX_BYTES
    try:
        got = urlfetch.fetch(form["url"], cap, _guard())
    except urlfetch.FetchError as exc:
        raise ev.EvidenceError(f"URL: {exc}") from None
    return got.data, form["url"], got.final_url


@bp.route("/evidence", methods=["POST"])
def evidence_add() -> tuple[str, int] | Response:
    store = get_store()
    root = getattr(store, "root", None)
    if root is None:
        abort(404, description="evidence files are kept beside an embedded store; this server reads a remote one.")
    form = {k: request.form.get(k, "").strip() for k in ("control", "concerns", "issued", "valid_until", "id",
                                                          "renews", "url")}
    upload = request.files.get("file")
    try:
        has_file = _one_source(form, upload)
        if not form["valid_until"]:
            raise ev.EvidenceError("Valid until: required")
        issued, until = _date(form, "issued", "Issued"), _date(form, "valid_until", "Valid until")
        control, concerns = form["control"], form["concerns"]
        label, revises = "", form["renews"] or None
        if revises:
            old = ev.previous(store, revises)
            control, concerns, label = old.control, old.concerns, old.label
            ident = form["id"] or ev.next_version_id(store, revises)
        else:
            ident = form["id"] or f"ev-{control.lower()}-{issued.isoformat()}"
        ev.check(store, ident, control, concerns, issued, until)  # before fetching: a bad form costs no request
        data, url, final = _bytes(form, upload, has_file)
        digest, kept = ev.keep_bytes(root, data)
        named = url or upload.filename
        ev.add(store, ev.Item(ident, label or named, control, concerns, until, issued, digest, file=kept, url=url,
                              revises=revises, final_url=final))
    except ev.EvidenceError as exc:
        return _page(form, error=str(exc), status=400)
    return _page({"issued": date.today().isoformat()}, added=ident, status=201)
