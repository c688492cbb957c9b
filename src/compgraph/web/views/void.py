"""The dataset as Linked Data: the published JSON-LD ``@context`` and the VoID/DCAT description at
``/.well-known/void`` (Turtle, or JSON-LD when asked for by Accept), built by ``web.linkeddata``."""

from __future__ import annotations

import json

from flask import Blueprint, Response, request

from compgraph.web import linkeddata
from compgraph.web.model import get_store
from compgraph.web.views.common import organisations, wants_jsonld

bp = Blueprint("linked", __name__)


@bp.route(linkeddata.CONTEXT_PATH)
def context() -> Response:
    resp = Response(json.dumps(linkeddata.context(), indent=2), mimetype=linkeddata.JSONLD)
    # A JSON-LD processor in any web page must be able to fetch the context: it is the project's namespace
    # table and nothing else, so it is the one answer that is open to other origins and needs no login.
    resp.headers["Access-Control-Allow-Origin"] = "*"
    resp.headers["Cache-Control"] = "public, max-age=3600"
    return resp


def downloads() -> dict[str, tuple[str, str]]:
    """The files the server offers (``views.exports``), by title: the dataset's distributions."""
    from compgraph.exchange import oscal

    out = {
        "Every named graph as N-Quads": ("/exports/graph.nq", "application/n-quads"),
        "Audit pack (zip with a SHA-256 MANIFEST)": ("/exports/audit-pack.zip", "application/zip"),
        "OSCAL component definition": ("/exports/oscal/component-definition.json", "application/json"),
        "OSCAL assessment results": ("/exports/oscal/assessment-results.json", "application/json"),
    }
    for doc in oscal.document_ids(get_store()):
        out[f"OSCAL catalog of {doc}"] = (f"/exports/oscal/catalog.json?document={doc}", "application/json")
    for org, label in organisations():
        out[f"Statement of Applicability of {label} (XLSX)"] = (
            f"/exports/soa.xlsx?org={org}",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    return out


@bp.route("/.well-known/void")
def void() -> Response:
    graph = linkeddata.void_graph(get_store(), request.host_url, downloads())
    if wants_jsonld():
        body = linkeddata.to_jsonld(graph, request.host_url.rstrip("/") + linkeddata.CONTEXT_PATH)
        return Response(body, mimetype=linkeddata.JSONLD, headers={"Vary": "Accept"})
    return Response(graph.serialize(format="turtle"), mimetype="text/turtle", headers={"Vary": "Accept"})
