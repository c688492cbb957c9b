"""A read-only SPARQL 1.1 Protocol endpoint at /sparql over whatever store the app holds.

Auditors point their own tools (YASGUI, SPARQLWrapper, rdflib, Excel via CSV) at it. Because the
queries come from outside, it refuses updates and federated SERVICE calls, and every query runs under
the app's time limit and result cap. Errors are one line of text/plain, which every client can show.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Response, current_app, g, request
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF

from compgraph.graph.store import (
    GraphStore,
    QuerySyntaxError,
    QueryTimeout,
    ResultTooLarge,
    StoreError,
)
from compgraph.questions.queries import GRAPH_MEDIA, SELECT_MEDIA, serialize
from compgraph.web import querypool, queryworker
from compgraph.web.queryworker import SERVICE_REFUSED, UPDATE_REFUSED

bp = Blueprint("sparql", __name__)

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")


# First entry of each list is the default when the client accepts anything.
RESULT_TYPES = list(SELECT_MEDIA)
GRAPH_TYPES = list(GRAPH_MEDIA)
# Media types clients commonly ask for that mean one of ours (SPARQLWrapper sends application/json).
ALIASES = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "application/x-turtle": "text/turtle",
    "text/plain": "application/n-triples",
}
_FORMAT_IRIS = {
    "application/sparql-results+json": FORMATS.SPARQL_Results_JSON,
    "application/sparql-results+xml": FORMATS.SPARQL_Results_XML,
    "text/csv": FORMATS.SPARQL_Results_CSV,
    "text/tab-separated-values": FORMATS.SPARQL_Results_TSV,
    "text/turtle": FORMATS.Turtle,
    "application/n-triples": FORMATS["N-Triples"],
    "application/ld+json": FORMATS["JSON-LD"],
    "application/rdf+xml": FORMATS.RDF_XML,
}
# ``format=`` as Fuseki and Virtuoso users write it: a short name, or a media type, meaning (answer to a
# SELECT or ASK, answer to a CONSTRUCT or DESCRIBE). It wins over Accept, as on those servers.
FORMAT_NAMES: dict[str, tuple[str | None, str | None]] = {
    "csv": ("text/csv", None),
    "tsv": ("text/tab-separated-values", None),
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "turtle": (None, "text/turtle"),
    "ttl": (None, "text/turtle"),
    "nt": (None, "application/n-triples"),
    "ntriples": (None, "application/n-triples"),
    "jsonld": (None, "application/ld+json"),
    "rdfxml": (None, "application/rdf+xml"),
}
# An absolute IRI: a scheme, then no spaces, angle brackets, quotes or controls (RFC 3987, loosely).
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]+$")


class ProtocolError(Exception):
    def __init__(self, status: int, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after


def _text(status: int, message: str) -> Response:
    one_line = " ".join(message.split())
    return Response(one_line + "\n", status=status, mimetype="text/plain")


@bp.errorhandler(ProtocolError)
def _protocol_error(exc: ProtocolError) -> Response:
    resp = _text(exc.status, exc.message)
    if exc.retry_after is not None:
        resp.headers["Retry-After"] = str(exc.retry_after)
    return resp


@bp.after_request
def _cors(resp: Response) -> Response:
    # Off unless the operator names origins (--cors-origin): with "*" any page a user visits could read
    # the whole graph through the user's browser.
    resp.headers.add("Vary", "Accept")
    resp.headers.add("Vary", "Origin")
    origin = request.headers.get("Origin")
    if origin and origin in current_app.config.get("CORS_ORIGINS", ()):
        resp.headers["Access-Control-Allow-Origin"] = origin
        resp.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        resp.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type, Authorization"
    return resp


def _store() -> GraphStore:
    return current_app.extensions["compgraph_store"]


def _negotiate(offers: list[str], *, fallback: bool = False, optional: bool = False) -> Any:
    """The offer that best fits the Accept header; 406 if none does (None if ``optional``, the default if
    ``fallback``)."""
    accept = request.accept_mimetypes
    if not accept or not request.headers.get("Accept", "").strip():
        return offers[0]
    best, best_q = None, 0.0
    # Walk our offers in preference order so "*/*" and ties pick the default.
    for offer in offers:
        q = accept[offer]
        for alias, target in ALIASES.items():
            if target == offer:
                q = max(q, _exact_quality(alias))
        if q > best_q:
            best, best_q = offer, q
    if best is not None:
        return best
    if fallback:
        return offers[0]
    if optional:
        return None
    wanted = request.headers.get("Accept", "")
    raise ProtocolError(406, f"cannot answer in {wanted}; available: {', '.join(offers)}")


def _exact_quality(media_type: str) -> float:
    # An alias counts only when named explicitly: "*/*" must not make text/plain win over Turtle.
    for value, q in request.accept_mimetypes:
        if value.lower() == media_type:
            return q
    return 0.0


def _request_parts() -> tuple[str | None, list[str], list[str]]:
    """(query text, default-graph-uri values, named-graph-uri values) per the protocol's three forms."""
    if request.method == "GET":
        if "update" in request.args:
            raise ProtocolError(400, UPDATE_REFUSED)
        args = request.args
        if len(args.getlist("query")) > 1:
            raise ProtocolError(400, "more than one 'query' parameter; send exactly one")
        return args.get("query"), args.getlist("default-graph-uri"), args.getlist("named-graph-uri")
    mimetype = request.mimetype
    if mimetype == "application/x-www-form-urlencoded":
        form = request.form
        if "update" in form:
            raise ProtocolError(400, UPDATE_REFUSED)
        if len(form.getlist("query")) + len(request.args.getlist("query")) > 1:
            raise ProtocolError(400, "more than one 'query' parameter; send exactly one")
        return (
            form.get("query"),
            form.getlist("default-graph-uri") + request.args.getlist("default-graph-uri"),
            form.getlist("named-graph-uri") + request.args.getlist("named-graph-uri"),
        )
    if mimetype == "application/sparql-update":
        raise ProtocolError(400, UPDATE_REFUSED)
    if mimetype == "application/sparql-query":
        charset = request.mimetype_params.get("charset", "utf-8").lower()
        if charset not in ("utf-8", "utf8"):
            raise ProtocolError(400, f"the query must be sent as UTF-8, not {charset}")
        try:
            text = request.get_data().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolError(400, f"the query is not valid UTF-8 (byte {exc.start})") from exc
        return text, request.args.getlist("default-graph-uri"), request.args.getlist("named-graph-uri")
    raise ProtocolError(
        415,
        f"unsupported content type {mimetype or '(none)'}; "
        "send application/sparql-query or application/x-www-form-urlencoded",
    )


def _pool() -> querypool.QueryPool | None:
    return querypool.for_app(current_app)


def _client() -> str:
    user = getattr(g, "user", None)
    return f"user:{user.name}" if user is not None else f"addr:{request.remote_addr}"


def _check_graph_iris(name: str, values: list[str]) -> None:
    for value in values:
        if not _ABSOLUTE_IRI.match(value):
            raise ProtocolError(400, f"{name}: {value!r} is not an absolute IRI (e.g. https://example.org/graph)")


@bp.route("/sparql", methods=["GET", "POST", "OPTIONS"])
def sparql() -> Response:
    if request.method == "OPTIONS":
        return Response(status=204)
    text, default_graphs, named_graphs = _request_parts()
    if text is None:
        if request.method == "GET":
            return service_description()
        raise ProtocolError(400, "missing 'query' parameter")
    if not text.strip():
        raise ProtocolError(400, "the query is empty")
    cfg = current_app.config
    max_query = int(cfg.get("SPARQL_MAX_QUERY_BYTES", 256 * 1024))
    if len(text.encode("utf-8", "surrogatepass")) > max_query:
        raise ProtocolError(413, f"the query is longer than this endpoint's {max_query} byte limit")
    _check_graph_iris("default-graph-uri", default_graphs)
    _check_graph_iris("named-graph-uri", named_graphs)
    wanted = _format_param()
    if wanted is not None:
        select_media, graph_media = wanted
    else:
        select_media = _negotiate(RESULT_TYPES, optional=True)
        graph_media = _negotiate(GRAPH_TYPES, optional=True)
        if select_media is None and graph_media is None:
            _negotiate(RESULT_TYPES + GRAPH_TYPES)  # raises the 406 naming every offer
    timeout = float(cfg.get("SPARQL_TIMEOUT") or 5)
    pool = _pool()
    if pool is None:
        return _remote_query(text, default_graphs, named_graphs, select_media, graph_media, timeout)
    job = {
        "query": text,
        "base_iri": request.base_url,
        "default_graphs": default_graphs,
        "named_graphs": named_graphs,
        "select_media": select_media,
        "graph_media": graph_media,
        "accept": _asked_for(),
        "select_offers": RESULT_TYPES,
        "graph_offers": GRAPH_TYPES,
        "max_results": cfg.get("SPARQL_MAX_RESULTS"),
        "max_bytes": int(cfg.get("SPARQL_MAX_BYTES", 16 * 1024 * 1024)),
    }
    try:
        answer = pool.run(job, client=_client(), timeout=timeout)
    except querypool.PoolFull as exc:
        raise ProtocolError(503, f"busy: {exc}; try again shortly", retry_after=int(timeout)) from exc
    except querypool.QueryStopped as exc:
        raise ProtocolError(503, f"{exc}; narrow the query or add a LIMIT") from exc
    except querypool.QueryRefused as exc:
        raise ProtocolError(exc.status, exc.message) from exc
    return _body(answer.body, answer.media)


def _format_param() -> tuple[str | None, str | None] | None:
    """The (SELECT, CONSTRUCT) media types ``format=`` asks for; None without it; a 400 naming the choices."""
    values = request.args.getlist("format") + (request.form.getlist("format") if request.method == "POST" else [])
    if not values:
        return None
    if len(values) > 1:
        raise ProtocolError(400, "more than one 'format' parameter; send at most one")
    raw = values[0].strip()
    name = raw.lower()
    if name in FORMAT_NAMES:
        return FORMAT_NAMES[name]
    media = ALIASES.get(name, name)
    if media in RESULT_TYPES:
        return media, None
    if media in GRAPH_TYPES:
        return None, media
    shown = ", ".join(FORMAT_NAMES)
    raise ProtocolError(400, f"format: {raw!r} is not a format this endpoint writes ({shown}, or a media type)")


def _asked_for() -> str:
    """What the client asked for, as a 406 names it: its format= value, else its Accept header."""
    fmt = request.values.get("format") if request.method == "POST" else request.args.get("format")
    return f"format={fmt}" if fmt else request.headers.get("Accept", "")


def _body(body: bytes, media: str) -> Response:
    charset = "; charset=utf-8" if media.startswith("text/") else ""
    return Response(body, status=200, content_type=media + charset)


def _remote_query(
    text: str,
    default_graphs: list[str],
    named_graphs: list[str],
    select_media: str | None,
    graph_media: str | None,
    timeout: float,
) -> Response:
    """A remote store runs the query itself; only the word SERVICE is refused (nothing is parsed here)."""
    if queryworker.service_refusal_unparsed(text):
        raise ProtocolError(400, SERVICE_REFUSED)
    cfg = current_app.config
    try:
        result = _store().query(
            text,
            timeout=timeout,
            max_results=cfg.get("SPARQL_MAX_RESULTS"),
            default_graphs=default_graphs or None,
            named_graphs=named_graphs or None,
        )
    except QuerySyntaxError as exc:
        raise ProtocolError(400, f"SPARQL syntax error: {exc}") from exc
    except QueryTimeout as exc:
        raise ProtocolError(503, f"{exc}; narrow the query or add a LIMIT") from exc
    except ResultTooLarge as exc:
        raise ProtocolError(400, f"{exc} (the endpoint's cap); add a LIMIT or narrow the query") from exc
    except StoreError as exc:
        raise ProtocolError(502, f"store error: {exc}") from exc
    media = graph_media if result.kind == "CONSTRUCT" else select_media
    if media is None:
        raise ProtocolError(406, f"cannot answer in {_asked_for()}")
    return _body(serialize(result, media), media)


def service_description() -> Response:
    """SPARQL 1.1 Service Description of this endpoint (what a GET without a query should return)."""
    g = Graph()
    g.bind("sd", SD)
    g.bind("formats", FORMATS)
    g.bind("dcterms", DCTERMS)
    service = BNode()
    endpoint = URIRef(request.base_url)
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, endpoint))
    g.add((service, DCTERMS.title, Literal("compgraph SPARQL endpoint (read-only)")))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    for media in RESULT_TYPES + GRAPH_TYPES:
        g.add((service, SD.resultFormat, _FORMAT_IRIS[media]))
    dataset, default = BNode(), BNode()
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    try:
        names = _store().graph_names()
    except StoreError:
        names = []  # the description is still useful when the store is unreachable
    for name in names:
        node = BNode()
        g.add((dataset, SD.namedGraph, node))
        g.add((node, RDF.type, SD.NamedGraph))
        g.add((node, SD.name, URIRef(name)))
    media = _negotiate(GRAPH_TYPES, fallback=True)
    body = g.serialize(format=GRAPH_MEDIA[media], encoding="utf-8")
    charset = "; charset=utf-8" if media.startswith("text/") else ""
    return Response(body, status=200, content_type=media + charset)
