"""Legal's pages: upload a new document, review suggested control mappings for it, and its gap report.

``/legal/upload`` takes a .txt/.md/.html/.pdf/.xml file with an id and a title and runs the same import as
``compgraph import`` (same reader, extractor, checks and refusal of a taken id unless "replace" is ticked),
then sends the browser to the new document's review page. A bad upload is the form again with a 400 and one
line naming the field or the file.

``/review/<doc_id>`` shows each obligation with its suggested controls and one plain-language choice per
suggestion ("fully covers", "partly covers", "covers more than", "related to" = the SKOS / IR 8477
predicate recorded, or "reject"), a tick box per suggestion for bulk decisions, and "x of y reviewed"; the
POST saves the SSSOM review file and reloads the review graph. The order the suggestions had at the first
save is stored beside the review file and kept, so the list never re-ranks under the reviewer.
This is a local tool without sessions, so there is no CSRF token, but every field is
validated and anything unexpected is a 400. ``/gaps/<doc_id>`` (also ``.csv`` and ``.md``) is the gap report.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, current_app, g, redirect, render_template, request, url_for
from werkzeug.utils import secure_filename

from compgraph.graph.catalog import DOCUMENT_KINDS, InputError
from compgraph.legal import gaps as gp
from compgraph.legal import review as rv
from compgraph.legal import suggest as sg
from compgraph.legal.readers import SUPPORTED_EXTENSIONS, IngestError
from compgraph.web.model import get_store
from compgraph.web.views.common import configured_mappings, whole_number

bp = Blueprint("legal", __name__)
CHOICES = ("", *rv.RELATIONS, "reject")
_FIELD = re.compile(r"^([dt]):([A-Za-z0-9][A-Za-z0-9._-]*):([A-Za-z0-9][A-Za-z0-9._-]*)$")
MAX_FIELDS = 2000
MAX_UPLOAD = 5_000_000  # bytes, as `compgraph import --max-bytes` (the whole request is capped at 5 MiB)


def _ranker() -> str:
    return current_app.config.get("SUGGEST_RANKER") or sg.default_ranker()


def _page(**ctx: Any) -> dict[str, Any]:
    return {"meta": None, "q": "", "request_args": {}, "tables": False, "description": "", **ctx}


def _doc_or_404(doc_id: str) -> None:
    if not rv._ID.match(doc_id) or not sg.document_exists(get_store(), doc_id):
        abort(404, description=f"No document {doc_id!r}.")


@bp.route("/review/<doc_id>", methods=["GET"])
def review_page(doc_id: str) -> str:
    _doc_or_404(doc_id)
    store = get_store()
    k = whole_number(request.args.get("k", "5"), 1, 20)
    if k is None:
        abort(400, description="k must be a whole number from 1 to 20")
    ranker = _ranker()
    suggestions = sg.suggest(store, doc_id, top_k=k, ranker=ranker)
    path = rv.find_review_file(doc_id, configured_mappings(), store)
    decided = {d.key: d for d in rv.read_review(path) if d.action in rv.ACTIONS}
    controls = rv.known_controls(store)
    stored = rv.read_order(rv.order_path(path))
    for s in suggestions:
        # a decision on a control the ranker no longer proposes must still be visible (and changeable)
        shown = {m.id for m in s.controls}
        for oid, cid in decided:
            if oid == s.obligation and cid not in shown and cid in controls:
                s.controls.append(sg.Match(cid, controls[cid], 0.0, 0.0, ["(earlier decision)"]))
        by_id = {m.id: m for m in s.controls}
        s.controls = [by_id[c] for c in rv.in_stored_order(list(by_id), stored.get(s.obligation))]
    rows = [
        {"s": s, "choices": {m.id: _current(decided.get((s.obligation, m.id))) for m in s.controls}}
        for s in suggestions
    ]
    reviewed = sum(1 for r in rows if any(r["choices"].values()))
    return render_template(
        "legal/review.html",
        **_page(
            title=f"Review control mappings: {doc_id}",
            description="Say how each suggested control relates to the obligation, or reject it. "
            "Decisions are saved to the document's SSSOM review file; only accepted ones enter the graph.",
        ),
        doc_id=doc_id,
        heading_id=doc_id,
        rows=rows,
        reviewed=reviewed,
        flagged=sum(1 for s in suggestions if s.no_good_match),
        ranker=ranker,
        ranker_note=sg.RANKER_NOTES.get(ranker, ""),
        review_file=path.name,  # the name only: a page must not show where the server keeps its files
        saved=request.args.get("saved", ""),
        imported=request.args.get("imported", "") if request.args.get("imported", "").isdigit() else "",
        relations=rv.RELATION_CHOICES,
        author=request.args.get("author", ""),
    )


def _current(d: rv.Decision | None) -> str:
    if d is None:
        return ""
    return "reject" if d.action == "reject" else d.relation.removeprefix("skos:")


@bp.route("/review/<doc_id>", methods=["POST"])
def review_save(doc_id: str) -> Response:
    _doc_or_404(doc_id)
    store = get_store()
    form = request.form
    if len(form) > MAX_FIELDS:
        abort(400, description="too many fields")
    try:
        # With logins, the decision is the logged-in user's, whatever the form says.
        user = g.get("user")
        author = rv.check_author(user.name if user is not None else form.get("author", ""))
        comment = rv.check_comment(form.get("comment", ""))
    except rv.ReviewError as exc:
        abort(400, description=str(exc))
    bulk = form.get("bulk_choice", "")
    if bulk not in CHOICES:
        abort(400, description=f"bulk_choice: choose one of {', '.join(c or '(none)' for c in CHOICES)}")
    obligations = rv.document_obligations(store, doc_id)
    controls = rv.known_controls(store)
    choices: dict[tuple[str, str], str] = {}
    ticked: set[tuple[str, str]] = set()
    for key in form:
        if key in ("author", "comment", "csrf_token", "bulk_choice", "bulk", "save"):
            continue
        m = _FIELD.match(key)
        if not m:
            abort(400, description=f"unexpected field {key[:80]!r}")
        kind, oid, cid = m.groups()
        values = form.getlist(key)
        allowed = ("1",) if kind == "t" else CHOICES
        if len(values) != 1 or values[0] not in allowed:
            abort(400, description=f"{key}: choose one of {', '.join(c or '(none)' for c in allowed)}")
        if oid not in obligations:
            abort(400, description=f"obligation {oid!r} is not in document {doc_id!r}")
        if cid not in controls:
            abort(400, description=f"unknown control {cid!r}")
        if kind == "t":
            ticked.add((oid, cid))
        else:
            choices[(oid, cid)] = values[0]
    if "bulk" in form:
        if not bulk:
            abort(400, description="bulk_choice: say what to do with the ticked suggestions")
        if not ticked:
            abort(400, description="tick the suggestions the bulk choice applies to")
        choices.update({key: bulk for key in ticked})
    decisions = [
        rv.Decision(oid, cid, "reject" if value == "reject" else "accept",
                    "skos:exactMatch" if value == "reject" else f"skos:{value}", author=author, comment=comment)
        for (oid, cid), value in choices.items()
        if value  # "" = no decision taken on this suggestion
    ]
    path = rv.find_review_file(doc_id, configured_mappings(), store)
    previous = {d.key: d for d in rv.read_review(path)}
    # re-submitting an unchanged choice must not re-date or re-attribute an earlier decision
    changed = [d for d in decisions if not _same(previous.get(d.key), d)]
    if changed:
        order: dict[str, list[str]] | None = None
        if not rv.order_path(path).exists():
            # the order the reviewer saw, before any decision feeds back into the ranking
            ranked = sg.suggest(store, doc_id, top_k=20, ranker=_ranker())
            order = {s.obligation: [m.id for m in s.controls] for s in ranked}
        try:
            rv.apply_decisions(store, doc_id, changed, configured_mappings())
        except rv.ReviewError as exc:
            abort(400, description=str(exc))
        if order is not None:
            try:
                rv.save_order(rv.order_path(path), order)
            except OSError as exc:  # the decisions are saved; only the display order is lost
                current_app.logger.warning("could not store the review order for %s: %s", doc_id, exc)
    return redirect(url_for("legal.review_page", doc_id=doc_id, saved=len(changed), author=author), code=303)


def _same(old: rv.Decision | None, new: rv.Decision) -> bool:
    return old is not None and old.action == new.action and (new.action == "reject" or old.relation == new.relation)


@bp.route("/gaps/<doc_id>", defaults={"fmt": "html"})
@bp.route("/gaps/<doc_id>.<any(csv,md):fmt>")
def gaps_page(doc_id: str, fmt: str) -> Response | str:
    if fmt == "html" and doc_id.endswith((".csv", ".md")):  # werkzeug may prefer the plain rule
        doc_id, fmt = doc_id.rsplit(".", 1)
    if not rv._ID.match(doc_id):
        abort(404)
    try:
        report = gp.gap_report(get_store(), doc_id)
    except gp.UnknownDocument as exc:
        abort(404, description=str(exc))
    if fmt == "csv":
        return Response(
            gp.render_csv(report),
            mimetype="text/csv",
            headers={"Content-Disposition": f'inline; filename="gaps-{doc_id}.csv"'},
        )
    if fmt == "md":
        return Response(gp.render_markdown(report), mimetype="text/markdown")
    texts = {g.id: g.text for g in report.unmapped}
    return render_template(
        "legal/gaps.html",
        **_page(
            title=f"Gap report: {report.title}",
            description="Obligations of this document with no accepted control, and the AI systems of "
            "organisations subject to it that they leave exposed.",
        ),
        report=report,
        texts=texts,
        doc_id=doc_id,
    )


def _organisations() -> list[tuple[str, str]]:
    res = get_store().select(
        "SELECT ?id ?label WHERE { ?o a cg:Organisation ; dcterms:identifier ?id OPTIONAL { ?o rdfs:label ?label } }"
        " ORDER BY ?id"
    )
    return [(str(i), str(label or i)) for i, label in res.rows]


def _upload_page(form: dict[str, Any], error: str = "", status: int = 200) -> tuple[str, int]:
    html = render_template(
        "legal/upload.html",
        **_page(
            title="Upload a regulation",
            description="A law, code of conduct or policy as text, Markdown, HTML or PDF: its obligations are "
            "extracted, loaded as a document of its own, and offered for review against the controls.",
        ),
        form=form,
        error=error,
        kinds=list(DOCUMENT_KINDS),
        organisations=_organisations(),
        extensions=", ".join(SUPPORTED_EXTENSIONS),
        max_mb=MAX_UPLOAD // 1_000_000,
    )
    return html, status


@bp.route("/legal/upload", methods=["GET"])
def upload_form() -> tuple[str, int]:
    return _upload_page({"kind": "regulation", "orgs": []})


def _web_message(text: str, staged: Path, name: str) -> str:
    """An import error as the browser user should read it: their file's name, the form's words, one line, and
    never where the server keeps its files."""
    text = text.replace(str(staged), name)
    folder, _ = rv.resolve_mappings_dir(configured_mappings(), get_store())
    text = text.replace(f"{folder}{os.sep}", "the mappings folder's ").replace(str(folder), "the mappings folder")
    for flag, field in (("--replace", "“Replace”"), ("--prefix", "a prefix"), ("--id", "id")):
        text = text.replace(f"give {flag}", f"tick {field}" if flag == "--replace" else f"give {field}")
        text = text.replace(flag, field)
    return " ".join(text.split())[:500]


@bp.route("/legal/upload", methods=["POST"])
def upload() -> Response | tuple[str, int]:
    """Import an uploaded document as ``compgraph import`` does, then review it."""
    from compgraph.legal.review import ReviewError, import_document

    f = request.form
    form: dict[str, Any] = {k: f.get(k, "").strip() for k in ("id", "title", "kind", "prefix")}
    form["orgs"] = f.getlist("org")
    form["replace"] = f.get("replace") == "on"
    upload = request.files.get("file")
    name = Path(upload.filename or "").name if upload is not None else ""
    if not name:
        return _upload_page(form, "file: choose the document to upload", 400)
    if not name.lower().endswith(SUPPORTED_EXTENSIONS):
        return _upload_page(form, f"{name}: not a document compgraph reads (the name must end in "
                                  f"{', '.join(SUPPORTED_EXTENSIONS)})", 400)
    if not form["id"]:
        return _upload_page(form, "id: give the document an id (letters, digits, . _ -), e.g. psa-act-2026", 400)
    if len(form["title"]) > 200 or not form["title"].isprintable():
        return _upload_page(form, "title: one line of at most 200 printable characters", 400)
    if form["kind"] not in DOCUMENT_KINDS:
        return _upload_page(form, f"kind: choose one of {', '.join(DOCUMENT_KINDS)}", 400)
    assert upload is not None
    data = upload.stream.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        return _upload_page(form, f"{name}: larger than the {MAX_UPLOAD // 1_000_000} MB a document may be", 400)
    with tempfile.TemporaryDirectory(prefix="compgraph-upload-") as tmp:
        # Under the user's own name (made safe), so the catalog's attribution names the file they chose.
        staged = Path(tmp) / (secure_filename(name) or "document" + Path(name).suffix.lower())
        staged.write_bytes(data)
        try:
            res = import_document(get_store(), staged, form["id"], title=form["title"] or None, kind=form["kind"],
                                  prefix=form["prefix"] or None, out=configured_mappings(), organisations=form["orgs"],
                                  max_bytes=MAX_UPLOAD, replace=form["replace"])
        except (IngestError, ReviewError, InputError) as exc:
            message = _web_message(str(exc), staged, name)
            if isinstance(exc, ReviewError) and "document id" in message:
                message = "id: " + message
            return _upload_page(form, message, 400)
    return redirect(url_for("legal.review_page", doc_id=res.doc_id, imported=res.obligations), code=303)
