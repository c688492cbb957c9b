"""Asking the graph: the canned questions (/questions), /search and the SPARQL console page.

The console is only the page; the queries it sends go to the SPARQL endpoint (``views.sparql``).
"""

from __future__ import annotations

import re
from typing import Any

from flask import Response, abort, current_app, g, render_template, request, url_for
from rdflib import SKOS, Literal, URIRef

from compgraph.graph.durations import human_duration, is_duration
from compgraph.graph.namespaces import CGR, shorten, sparql_prefixes
from compgraph.graph.store import QueryResult, QuerySyntaxError, QueryTimeout, ResultTooLarge, StoreError
from compgraph.legal.review import RELATION_CHOICES
from compgraph.web import model, pageinfo
from compgraph.web.model import get_store
from compgraph.web.pagecache import cached_page
from compgraph.web.views.common import Table, bp, fmt_of, meta, question_list, respond
from compgraph.web.views.listing import list_view

MAX_SEARCH = 200


@bp.route("/questions", defaults={"fmt": "html"})
@bp.route("/questions.<any(json,csv):fmt>")
@cached_page(questions=True)
def questions(fmt: str) -> Response | str:
    qs = question_list()
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
    columns = [("title", "Question"), ("description", "What it answers"), ("parameters", "Parameters")]
    view = list_view(columns)
    table = Table(
        "questions",
        "Canned questions",
        columns,
        view.apply(rows),
        links={"title": "url"},
        empty="No canned question matches." if rows else "No canned questions are installed (ontology/queries/*.rq).",
    )
    return respond(
        "list.html",
        fmt,
        title="Questions",
        description="Ready-made questions auditors ask of the graph. Each runs as a SPARQL query from "
        "ontology/queries; open one to set its parameters and see the answer.",
        tables=[table],
        view=view,
    )


def _cell_url(term: Any) -> str | None:
    return model.entity_url(str(term)) if isinstance(term, URIRef) else None


# Answer columns whose literal values are ids (systemId, controlId, ...) are linked to the node with that id.
_ID_COLUMN = re.compile(r"Id$")
MAX_NAMED = 2000  # distinct IRIs or ids looked up for labels on one answer page


def _names(iris: set[str], ids: set[str]) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """(IRI -> (id, label), id -> (IRI, label)) for the nodes an answer names, in two lookups."""
    store = get_store()
    by_iri: dict[str, tuple[str, str]] = {}
    by_id: dict[str, tuple[str, str]] = {}
    if iris:
        res = store.select(f"""SELECT ?x (SAMPLE(?i) AS ?id) (SAMPLE(COALESCE(?l, ?p)) AS ?label) WHERE {{
            VALUES ?x {{ {" ".join(f"<{i}>" for i in sorted(iris)[:MAX_NAMED])} }}
            OPTIONAL {{ ?x dcterms:identifier ?i }} OPTIONAL {{ ?x rdfs:label ?l }} OPTIONAL {{ ?x skos:prefLabel ?p }}
            }} GROUP BY ?x""")
        by_iri = {str(x): (str(i or ""), str(lab or "")) for x, i, lab in res.rows}
    if ids:
        values = " ".join(model.sparql_string(i) for i in sorted(ids)[:MAX_NAMED])
        res = store.select(f"""SELECT ?id ?x (SAMPLE(?l) AS ?label) WHERE {{
            VALUES ?id {{ {values} }} ?x dcterms:identifier ?id . OPTIONAL {{ ?x rdfs:label ?l }}
            }} GROUP BY ?id ?x""")
        for ident, x, lab in res.rows:
            if model.entity_url(str(x)):  # a browsable node wins over, say, an agent sharing the id
                by_id[str(ident)] = (str(x), str(lab or ""))
    return by_iri, by_id


def _relation_words(term: Any) -> tuple[str, str] | None:
    """(words, explanation) for a SKOS mapping predicate, as the review page words it ("partly covers");
    None for any other term."""
    iri = str(term)
    if not isinstance(term, URIRef) or not iri.startswith(str(SKOS)) or not iri.endswith("Match"):
        return None
    local = iri.removeprefix(str(SKOS))
    why = next((why for name, _, why in RELATION_CHOICES if name == local), "")
    return pageinfo.mapping_words(iri), why


def _column_values(result: QueryResult | None) -> dict[str, str]:
    """What each answer column's machine value is where the page shows words instead (.json says so)."""
    out: dict[str, str] = {}
    if result is None or result.kind != "SELECT":
        return out
    for i, v in enumerate(result.variables):
        terms = [row[i] for row in result.rows if row[i] is not None]
        if terms and all(_relation_words(t) for t in terms):
            out[v] = "the IRI of the SKOS mapping predicate (" + ", ".join(
                f"{name}: {words}" for name, words, _ in RELATION_CHOICES
            ) + ")"
        elif any(isinstance(t, URIRef) for t in terms):
            out[v] = "IRI"
        elif any(is_duration(t) for t in terms):
            out[v] = "xsd:duration (ISO 8601, e.g. P210D)"
    return out


def _answer_table(result: QueryResult | None, titles: dict[str, str] | None = None) -> Table:
    """The answer as a table: SELECT rows with cgr: terms shortened and linked, ASK as yes/no, graphs as triples.

    Each row keeps the machine value under the variable's name (what .json/.csv return) and, for the
    page, the words people read beside it: a node's label as text with its id as the link, a mapping's
    SKOS predicate as the review page's words ("partly covers"), and a duration of days as "210 days"
    rather than P210D.
    """
    rows: list[dict[str, Any]] = []
    columns: list[tuple[str, str]] = []
    links: dict[str, str] = {}
    titles = titles or {}
    if result is not None and result.kind == "SELECT":
        columns = [(v, titles.get(v, v)) for v in result.variables]
        iris = {str(t) for row in result.rows for t in row if isinstance(t, URIRef)}
        ids = {
            str(t)
            for row in result.rows
            for v, t in zip(result.variables, row, strict=True)
            if isinstance(t, Literal) and _ID_COLUMN.search(v)
        }
        by_iri, by_id = _names(iris, ids)
        for row in result.rows:
            r: dict[str, Any] = {}
            in_row = {str(t) for t in row if isinstance(t, URIRef)}
            for v, term in zip(result.variables, row, strict=True):
                r[v] = "" if term is None else (shorten(str(term)) if str(term).startswith(str(CGR)) else str(term))
                u = _cell_url(term)
                relation = _relation_words(term)
                if relation:
                    r[f"{v}__label"], r[f"{v}__title"] = relation
                elif isinstance(term, URIRef):
                    ident, label = by_iri.get(str(term), ("", ""))
                    r[f"{v}__label"] = label or (shorten(str(term)) if not u else "")
                    r[f"{v}__id"] = (ident or shorten(str(term))) if u else ""
                elif is_duration(term):
                    r[f"{v}__label"] = human_duration(str(term))
                elif term is not None and str(term) in by_id and _ID_COLUMN.search(v):
                    iri, label = by_id[str(term)]
                    u = model.entity_url(iri)
                    # Beside a column naming the node itself, the id column is the id alone.
                    r[f"{v}__label"] = "" if iri in in_row else label
                    r[f"{v}__id"] = str(term)
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
    return Table(
        "rows",
        "Answer",
        columns,
        rows,
        links=links,
        empty="No rows: nothing in the graph matches this question."
        if result is not None
        else "Set the required parameters and press Run.",
    )


@bp.route("/questions/<name>")
@cached_page(questions=True)
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
        result = _run(q, values)
    table = _answer_table(result, q.columns)
    column_values = _column_values(result)
    if fmt != "html" and missing:
        abort(400, description=f"parameter {missing[0]!r} is required")
    return respond(
        "question.html",
        fmt,
        title=q.title,
        description=q.description or "A canned question.",
        tables=[table],
        # The answer's rows keep the query's variable names; the titles the page shows are listed apart.
        data={
            "name": q.name,
            "parameters": values,
            "column_titles": {k: t for k, t in table.columns},
            "column_values": column_values,
        },
        column_values=column_values,
        cq=q,
        values=values,
        missing=missing,
        sparql=q.text,
    )


def _run(q: Any, values: dict[str, str]) -> QueryResult:
    """The question's answer from the query workers the SPARQL endpoint uses: reused processes, bounded in
    time and memory, instead of a process forked per question (a remote store runs its own queries)."""
    from compgraph.graph.store import with_prefixes
    from compgraph.questions import queries
    from compgraph.web import querypool

    cfg = current_app.config
    try:
        text = with_prefixes(q.bind(values))
    except queries.ParameterError as exc:
        abort(400, description=str(exc))
    pool = querypool.for_app(current_app)
    try:
        if pool is None:
            return get_store().query(text, timeout=cfg.get("SPARQL_TIMEOUT"), max_results=cfg.get("SPARQL_MAX_RESULTS"))
        job = {
            "query": text,
            "as_result": True,
            "max_results": cfg.get("SPARQL_MAX_RESULTS"),
            "max_bytes": int(cfg.get("SPARQL_MAX_BYTES", 16 * 1024 * 1024)),
        }
        user = g.get("user")
        client = f"user:{user.name}" if user is not None else f"addr:{request.remote_addr}"
        return pool.run(job, client=client, timeout=float(cfg.get("SPARQL_TIMEOUT") or 5)).result
    except (querypool.PoolFull, querypool.QueryStopped, QueryTimeout, ResultTooLarge) as exc:
        abort(503, description=f"{exc}; try again shortly")
    except (querypool.QueryRefused, QuerySyntaxError, StoreError) as exc:
        # The question's text is shipped with compgraph and its values are typed terms: a failure is ours.
        current_app.logger.error("canned question %s failed: %s", q.name, exc)
        abort(500)


@bp.route("/search", defaults={"fmt": "html"})
@bp.route("/search.<any(json,csv):fmt>")
@cached_page()
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
    # Whoever opens the console is about to query: start the query workers now, not on the first Run.
    if "compgraph_query_pool" not in current_app.extensions:
        from compgraph.web import querypool

        querypool.warm_in_background(current_app._get_current_object())  # type: ignore[attr-defined]
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
