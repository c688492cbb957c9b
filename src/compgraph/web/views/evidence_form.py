"""Adding and renewing evidence in the browser: ``GET /new-evidence`` (the form; ``/evidence/<id>`` is a
detail page) and ``POST /evidence``.

The same checks and storage as ``compgraph evidence add``/``renew`` (graph/evidence.py): the SHA-256 is computed
here, the bytes are kept content-addressed beside the store, a renewal revises the old item and keeps it. Only a
file can be uploaded: fetching a URL from the server would let a form make it reach any address.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Response, abort, render_template, request

from compgraph.graph import evidence as ev
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


@bp.route("/evidence", methods=["POST"])
def evidence_add() -> tuple[str, int] | Response:
    store = get_store()
    root = getattr(store, "root", None)
    if root is None:
        abort(404, description="evidence files are kept beside an embedded store; this server reads a remote one.")
    form = {k: request.form.get(k, "").strip() for k in ("control", "concerns", "issued", "valid_until", "id",
                                                          "renews")}
    upload = request.files.get("file")
    try:
        if upload is None or not upload.filename:
            raise ev.EvidenceError("file: choose the file to attach")
        if not form["valid_until"]:
            raise ev.EvidenceError("Valid until: required")
        issued, until = _date(form, "issued", "Issued"), _date(form, "valid_until", "Valid until")
        control, concerns = form["control"], form["concerns"]
        label, revises = upload.filename, form["renews"] or None
        if revises:
            old = ev.previous(store, revises)
            control, concerns, label = old.control, old.concerns, old.label
            ident = form["id"] or ev.next_version_id(store, revises)
        else:
            ident = form["id"] or f"ev-{control.lower()}-{issued.isoformat()}"
        ev.check(store, ident, control, concerns, issued, until)
        digest, kept = ev.keep_bytes(root, upload.read())
        ev.add(store, ev.Item(ident, label, control, concerns, until, issued, digest, file=kept, revises=revises))
    except ev.EvidenceError as exc:
        return _page(form, error=str(exc), status=400)
    return _page({"issued": date.today().isoformat()}, added=ident, status=201)
