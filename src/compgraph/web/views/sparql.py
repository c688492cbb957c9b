"""A read-only SPARQL 1.1 Protocol endpoint at /sparql over whatever store the app holds.

Auditors point their own tools (YASGUI, SPARQLWrapper, rdflib, Excel via CSV) at it. Because the
queries come from outside, it refuses updates and federated SERVICE calls, and every query runs under
the app's time limit and result cap. Errors are one line of text/plain, which every client can show.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, request
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF

from compgraph.graph.namespaces import PREFIXES
from compgraph.graph.store import GraphStore, QuerySyntaxError, QueryTimeout, ResultTooLarge, StoreError
from compgraph.questions.queries import GRAPH_MEDIA, SELECT_MEDIA, query_form, serialize, uses_service

bp = Blueprint("sparql", __name__)

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

UPDATE_REFUSED = "SPARQL Update is not accepted on this endpoint"
SERVICE_REFUSED = "Federated queries (SERVICE) are not accepted on this endpoint"

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
# One line, so the line numbers in a parser's error message still match the user's query text.
_PREFIX_LINE = "".join(f"PREFIX {p}: <{iri}> " for p, iri in PREFIXES.items())


class ProtocolError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _text(status: int, message: str) -> Response:
    one_line = " ".join(message.split())
    return Response(one_line + "\n", status=status, mimetype="text/plain")


@bp.errorhandler(ProtocolError)
def _protocol_error(exc: ProtocolError) -> Response:
    return _text(exc.status, exc.message)


@bp.after_request
def _cors(resp: Response) -> Response:
    # The endpoint is read-only, so any origin may call it (browser-based SPARQL editors).
    resp.headers["Access-Control-Allow-Origin"] = "*"
    resp.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    resp.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
    resp.headers.add("Vary", "Accept")
    return resp


def _store() -> GraphStore:
    return current_app.extensions["compgraph_store"]


def _negotiate(offers: list[str], *, fallback: bool = False) -> str:
    """The offer that best fits the Accept header; 406 if none does (unless ``fallback``)."""
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
        return args.get("query"), args.getlist("default-graph-uri"), args.getlist("named-graph-uri")
    mimetype = request.mimetype
    if mimetype == "application/x-www-form-urlencoded":
        form = request.form
        if "update" in form:
            raise ProtocolError(400, UPDATE_REFUSED)
        return (
            form.get("query"),
            form.getlist("default-graph-uri") + request.args.getlist("default-graph-uri"),
            form.getlist("named-graph-uri") + request.args.getlist("named-graph-uri"),
        )
    if mimetype == "application/sparql-update":
        raise ProtocolError(400, UPDATE_REFUSED)
    if mimetype == "application/sparql-query":
        text = request.get_data(as_text=True)
        return text, request.args.getlist("default-graph-uri"), request.args.getlist("named-graph-uri")
    raise ProtocolError(
        415,
        f"unsupported content type {mimetype or '(none)'}; "
        "send application/sparql-query or application/x-www-form-urlencoded",
    )


def _parses_as_update(text: str) -> bool:
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except Exception:  # any parser failure just means "not an update"
        return False
    return True


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

    form = query_form(text)
    if form == "UPDATE":
        raise ProtocolError(400, UPDATE_REFUSED)
    if uses_service(text):
        raise ProtocolError(400, SERVICE_REFUSED)
    media = _negotiate(GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else RESULT_TYPES)

    cfg = current_app.config
    try:
        result = _store().query(
            _PREFIX_LINE + text,
            timeout=cfg.get("SPARQL_TIMEOUT"),
            max_results=cfg.get("SPARQL_MAX_RESULTS"),
            default_graphs=default_graphs or None,
            named_graphs=named_graphs or None,
        )
    except QuerySyntaxError as exc:
        if _parses_as_update(text):
            raise ProtocolError(400, UPDATE_REFUSED) from exc
        raise ProtocolError(400, f"SPARQL syntax error: {exc}") from exc
    except QueryTimeout as exc:
        raise ProtocolError(503, f"{exc}; narrow the query or add a LIMIT") from exc
    except ResultTooLarge as exc:
        raise ProtocolError(400, f"{exc} (the endpoint's cap); add a LIMIT or narrow the query") from exc
    except StoreError as exc:
        raise ProtocolError(502, f"store error: {exc}") from exc

    if result.kind == "CONSTRUCT" and media not in GRAPH_MEDIA:
        # The form could not be told from the text (unusual syntax): negotiate again for a graph.
        media = _negotiate(GRAPH_TYPES)
    elif result.kind != "CONSTRUCT" and media not in SELECT_MEDIA:
        media = _negotiate(RESULT_TYPES)
    body = serialize(result, media)
    charset = "; charset=utf-8" if media.startswith("text/") else ""
    return Response(body, status=200, content_type=media + charset)


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
