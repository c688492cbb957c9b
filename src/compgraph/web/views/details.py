"""The detail pages: one document, obligation, control, AI system, dataset or evidence record.

Every detail page has the same frame (``_detail``: facts, neighbours, a link to the graph view, ``.json``
and ``.csv``); each kind adds its own tables through an ``extra`` callback, such as an obligation's trace.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from flask import Response, abort, current_app, get_template_attribute, request, url_for

from compgraph.graph.store import GraphStore
from compgraph.legal.review import resolve_mappings_dir
from compgraph.questions import trace as tr
from compgraph.web import model, pageinfo
from compgraph.web.model import get_store
from compgraph.web.pagecache import cached_page
from compgraph.web.views.common import (
    PAGE_SIZE,
    Table,
    as_of_param,
    bars,
    bp,
    cache,
    configured_mappings,
    fmt_of,
    link_rows,
    resolve,
    respond,
    saved_report,
)


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


def _detail_cache() -> model.Cache:
    # Apart from the coverage cache, so that browsing many pages never pushes coverage out.
    return current_app.extensions.setdefault("compgraph_detail_cache", model.Cache(size=256))


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
    store = get_store()

    def compute() -> tuple[str, str, list[Table], dict[str, Any], dict[str, Any], list[tuple[str, str]]]:
        iri = resolve(kind, ident)
        tables: list[Table] = []
        context: dict[str, Any] = {}
        data: dict[str, Any] = {"iri": iri, "id": ident}
        if extra is not None:
            extra(store, iri, as_of, tables, context, data)
        facts = _facts(store, iri)
        data["facts"] = dict(facts)
        lab = model.label(store, iri)
        card = pageinfo.header(store, kind, iri, lab, as_of)
        context["card"] = card
        context["own"] = _own_findings(store, kind, iri, as_of, context)
        data["summary"] = {r["name"]: r["value"] for r in card.rows}
        data["findings"] = context["own"]
        tables.append(_neighbour_table(store, iri))
        # Drawn once per store state as well: a system's trace table is most of a 136 KB page, and drawing
        # it again for every user's first view took 45 ms of the GIL under load.
        draw = get_template_attribute("_macros.html", "table")
        context["rendered"] = {t.id: draw(t) for t in tables}
        return iri, lab, tables, context, data, facts

    # What the page shows, per store state: every user's first view of a page then only renders it (the
    # whole answer is kept per user by pagecache). The extras read the query string (e.g. ?gaps=1).
    key = ("detail", kind, ident, as_of, request.query_string, model.store_state(store).key)
    iri, lab, tables, context, data, facts = _detail_cache().get(key, compute)
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
        heading_id=ident,
        graph_url=url_for("browser.graph_page", kind=seg, ident=ident),
        **context,
    )


# What each coverage status means, said of one obligation (docs/design.md, coverage semantics).
STATUS_MEANS = {
    tr.UNMAPPED: "no control is mapped to it",
    tr.MISSING_CONTROL: "no system or organisation implements a control mapped to it",
    tr.NO_EVIDENCE: "its controls are implemented but no evidence is recorded",
    tr.EXPIRED: "the evidence for its controls has expired",
}


def _status_counts(counts: dict[str, int], what: str = "binding obligations") -> list[dict[str, str]]:
    """One coverage finding per non-covered status with a count, worst first."""
    return [
        {"status": st, "message": f"{counts[st]} of {sum(counts.values())} {what}: {st} ({STATUS_MEANS[st]})"}
        for st in model.STATUSES
        if st in STATUS_MEANS and counts.get(st)
    ]


def _own_findings(store: GraphStore, kind: str, iri: str, as_of: date | None, ctx: dict[str, Any]) -> dict[str, Any]:
    """What is wrong with this node: the saved validation's results about it (with that run's dates and
    whether the data changed since) and what coverage says on the page's date (from the ``extra`` callback)."""
    state = model.store_state(store)
    saved = saved_report(store)
    stale = cache().get(
        ("stale", state.key), lambda: pageinfo.validation_staleness(store, state.built, saved.get("created"))
    )
    return {
        "validation": pageinfo.saved_findings(store, iri) if saved.get("created") else None,
        "validation_as_of": saved.get("as_of"),
        "validation_run": saved.get("created"),
        "stale": stale,
        "coverage": ctx.pop("coverage_findings", []),
        "coverage_as_of": as_of.isoformat() if as_of else None,
    }


def _trace_rows(controls: list[tr.ControlLink], as_of: date | None) -> list[dict[str, Any]]:
    rows = []
    for c in controls:
        base = {
            "control": c.id,
            "control_label": c.label,
            "control_url": model.entity_url(c.iri),
            "relation": pageinfo.mapping_words(c.relation) if c.relation else "",
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
@cached_page()
def document(ident: str) -> Response | str:
    def extra(store: GraphStore, iri: str, as_of: date, tables: list[Table], ctx: dict, data: dict) -> None:
        doc_id = iri.rsplit("/", 1)[-1]
        found, total = model.obligations(store, as_of, cache(), document=doc_id, limit=PAGE_SIZE)
        rows = link_rows(found, "obligations")
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
            ctx["bar_items"] = bars({lab: cov.by_document[lab]})
            ctx["coverage_findings"] = _status_counts(cov.by_document[lab], "system-obligation pairs")

    return _detail(
        "documents",
        ident,
        "Document: {label}",
        "A source document, its obligations with their coverage status, and how well the obligations that "
        "bind the organisation's systems are covered.",
        extra,
    )


@bp.route("/obligations/<ident>")
@cached_page()
def obligation(ident: str) -> Response | str:
    def extra(store: GraphStore, iri: str, as_of: date, tables: list[Table], ctx: dict, data: dict) -> None:
        t = tr.trace_obligation(store, iri, as_of)
        ctx["status"] = t.status
        ctx["quote"] = t.text
        data["status"] = t.status
        if t.status in STATUS_MEANS:
            ctx["coverage_findings"] = [{"status": t.status, "message": f"Not covered: {STATUS_MEANS[t.status]}."}]
        ctx["provenance"] = pageinfo.obligation_provenance(store, iri)
        data["provenance"] = ctx["provenance"]
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
@cached_page()
def control(ident: str) -> Response | str:
    def extra(store: GraphStore, iri: str, as_of: date, tables: list[Table], ctx: dict, data: dict) -> None:
        maps = link_rows(model.control_mappings(store, iri), "obligations")
        for m in maps:
            m["relation"] = pageinfo.mapping_words(m["relation"]) if m["relation"] else ""
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
        weak = [r for r in rows if r["status"] != tr.COVERED]
        if not rows:
            ctx["coverage_findings"] = [
                {"status": tr.MISSING_CONTROL, "message": "No system or organisation implements it."}
            ]
        elif weak:
            ctx["coverage_findings"] = [
                {"status": r["status"], "message": f"{r['implementer']}: {r['status']} ({r['evidence']})."}
                for r in weak
            ]

    return _detail(
        "controls",
        ident,
        "Control {id}: {label}",
        "A control, the obligations mapped to it (with the mapping's justification), who implements it and "
        "the evidence for each implementation.",
        extra,
    )


@bp.route("/systems/<ident>")
@cached_page()
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
        ctx["coverage_findings"] = _status_counts(counts)
        ctx["bar_items"] = bars({t.id: {s: counts.get(s, 0) for s in model.STATUSES}})
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
@cached_page()
def dataset(ident: str) -> Response | str:
    return _detail(
        "datasets",
        ident,
        "Dataset {id}: {label}",
        "A dataset, whether it holds personal data and on which legal basis, and the systems that use it.",
        with_as_of=False,
    )


@bp.route("/evidence/<ident>")
@cached_page()
def evidence(ident: str) -> Response | str:
    def extra(store: GraphStore, iri: str, as_of: date, tables: list[Table], ctx: dict, data: dict) -> None:
        until = dict(model.facts(store, iri)).get("valid until")
        state = model.evidence_state(until, as_of)
        ctx["status"] = tr.COVERED if state == "current" else tr.EXPIRED
        ctx["status_text"] = state
        data["state"] = state
        if state != "current":
            ctx["coverage_findings"] = [
                {"status": tr.EXPIRED, "message": f"Not valid on {as_of}: {state}; it no longer counts as evidence."}
            ]

    return _detail(
        "evidence",
        ident,
        "Evidence {id}: {label}",
        "An evidence record: which control it supports, for which system or organisation, and whether it is "
        "still valid on the chosen date.",
        extra,
    )


@bp.route("/documents/<ident>/source", defaults={"fmt": "html"})
@bp.route("/documents/<ident>/source.<any(json,csv):fmt>")
@cached_page()
def document_source(ident: str, fmt: str) -> Response | str:
    """The text a document's obligations were extracted from, one anchor per line (``#L339``), with its
    SHA-256 checked against the one recorded when the document was loaded."""
    iri = resolve("documents", ident)
    store = get_store()
    user_folder, _ = resolve_mappings_dir(configured_mappings(), store)
    src = pageinfo.source_text(store, iri, user_folder)
    if src is None:
        abort(404, description=f"Document {ident!r} names no source file.")
    rows = [{"line": n, "text": text} for n, text in enumerate(src.lines, start=1)]
    return respond(
        "source.html",
        fmt,
        title=f"Source text: {model.label(store, iri)}",
        description="The document's text as loaded, line by line; an obligation's provenance links to its line.",
        tables=[Table("lines", "Lines", [("line", "Line"), ("text", "Text")], rows)],
        data={
            "document": ident,
            "file": src.file,
            "recorded_sha256": src.recorded_sha256,
            "sha256": src.actual_sha256,
            "matches_recorded": src.matches,
            "problem": src.problem,
        },
        src=src,
        document_url=url_for("browser.document", ident=ident),
    )
