"""Validation with the user's own shapes (``POST /validate/shapes``), as ``compgraph validate --shapes`` does.

The /gaps page offers the form: one or more Turtle shapes files, the shipped shapes too if asked, and saving the
run as the latest validation only if asked (the saved report is what the dashboard counts and auditors query,
so a trial run with a user's shapes must not replace it silently). The answer names the engine that ran each
shape and why a shape went to pySHACL. A bad shapes file is a 400 naming the file and what is wrong.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from flask import abort, render_template, request
from pyshacl.errors import ReportableRuntimeError, ShapeLoadError
from werkzeug.utils import secure_filename

from compgraph.graph.catalog import InputError
from compgraph.web.model import get_store
from compgraph.web.views.common import as_of_param, bp, meta

MAX_SHAPES_FILE = 1024 * 1024  # bytes; the shipped shapes are ~40 kB, and the whole request is capped at 5 MB
MAX_SHAPES_FILES = 10
SUFFIXES = (".ttl",)


@bp.route("/validate/shapes", methods=["POST"])
def validate_with_shapes() -> str:
    from compgraph.checks.shapes import SHIPPED, load_shape_sources
    from compgraph.checks.validate import validate_store

    as_of = as_of_param()
    uploads = [f for f in request.files.getlist("shapes") if f.filename]
    if not uploads:
        abort(400, description="shapes: choose at least one shapes file (.ttl) to validate with.")
    if len(uploads) > MAX_SHAPES_FILES:
        abort(400, description=f"shapes: {len(uploads)} files; at most {MAX_SHAPES_FILES} at a time.")
    with_shipped = request.form.get("shipped") == "on"
    save = request.form.get("save") == "on"
    names = [Path(f.filename or "").name for f in uploads]
    with tempfile.TemporaryDirectory(prefix="compgraph-shapes-") as tmp:
        # Each file in a folder of its own under a safe name; messages name the file as the user chose it.
        shown: dict[str, str] = {}
        sources: list[str | Path] = []
        for i, (upload, name) in enumerate(zip(uploads, names, strict=True)):
            if not name.lower().endswith(SUFFIXES):
                abort(400, description=f"{name}: not a Turtle shapes file (the name must end in .ttl).")
            data = upload.stream.read(MAX_SHAPES_FILE + 1)
            if len(data) > MAX_SHAPES_FILE:
                abort(400, description=f"{name}: larger than the {MAX_SHAPES_FILE // 1024} kB a shapes file may be.")
            folder = Path(tmp) / str(i)
            folder.mkdir()
            path = folder / (secure_filename(name) or "shapes.ttl")
            path.write_bytes(data)
            shown[str(path)] = name
            sources.append(path)
        if with_shipped:
            sources.append(SHIPPED)
        try:
            shapes = load_shape_sources(sources)
            outcome = validate_store(get_store(), as_of, shapes, save=save)
        except (InputError, ShapeLoadError, ReportableRuntimeError, ValueError) as exc:
            message = " ".join(str(exc).split())
            for temp, name in shown.items():
                message = message.replace(temp, name)
            abort(400, description=message[:500])
    groups: dict[str, list[dict[str, str]]] = {}
    for f in outcome.findings:
        groups.setdefault(f.rule, []).append(
            {"severity": f.severity, "focus": f.focus_label, "message": f.message, "value": f.value or ""}
        )
    # No .json/.csv twin as other pages have: the answer to an upload cannot be fetched again by URL.
    return render_template(
        "validation.html",
        title="Validation with your shapes",
        description="What the uploaded SHACL shapes find in the graph on the chosen date, and which engine ran "
        "each shape.",
        meta=meta(as_of),
        tables=[],
        json_url=None,
        csv_url=None,
        outcome=outcome,
        groups=groups,
        files=names,
        with_shipped=with_shipped,
        saved=save,
    )
