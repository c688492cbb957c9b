"""The graph as standard RDF on the web: JSON-LD of the nodes a page shows, its published @context, and the
VoID/DCAT description of the dataset.

The @context is the project's namespaces (``graph.namespaces.PREFIXES``) and nothing else, so every term in a
page's JSON-LD is a CURIE a reader can expand with or without fetching it. A page's JSON-LD is the store's
own triples about each node the page lists (every triple with the node as subject, in the union of the named
graphs), written by rdflib's JSON-LD serializer, not a re-shaping of the page's JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, VOID, XSD
from rdflib.plugins.serializers.jsonld import from_rdf

from compgraph.graph.namespaces import CGR, PREFIXES
from compgraph.graph.store import GraphStore

JSONLD = "application/ld+json"
CONTEXT_PATH = "/context.jsonld"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
# Namespaces the dataset description needs besides the project's own.
DESCRIPTION_PREFIXES = {"void": str(VOID), "sd": str(SD), "foaf": str(FOAF)}
# IRIs per query when reading the nodes of a page: a page shows at most a few hundred.
_BATCH = 200


def context() -> dict[str, Any]:
    """The published @context document."""
    return {"@context": {**PREFIXES, **DESCRIPTION_PREFIXES}}


def to_jsonld(graph: Graph, context_url: str) -> str:
    """``graph`` compacted with the project's context, which the document then names by its URL."""
    doc = from_rdf(graph, context_data=context()["@context"], auto_compact=True)
    if isinstance(doc, list):
        doc = {"@graph": doc}
    doc["@context"] = context_url
    return json.dumps(doc, indent=2, ensure_ascii=False)


def describe(store: GraphStore, iris: Iterable[str]) -> Graph:
    """Every triple whose subject is one of ``iris``, from the union of the named graphs."""
    wanted = sorted({i for i in iris if i and i.startswith(("http://", "https://")) and ">" not in i})
    out = Graph()
    for start in range(0, len(wanted), _BATCH):
        values = " ".join(f"<{i}>" for i in wanted[start : start + _BATCH])
        res = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }}")
        for triple in res.triples:
            out.add(triple)
    return out


def page_graph(store: GraphStore, page_url: str, title: str, description: str, iris: Iterable[str]) -> Graph:
    """The nodes a page shows, and the page itself (title, description, which nodes it references)."""
    nodes = list(iris)
    graph = describe(store, nodes)
    page = URIRef(page_url)
    graph.add((page, DCTERMS.title, Literal(title)))
    if description:
        graph.add((page, DCTERMS.description, Literal(description)))
    for iri in nodes:
        graph.add((page, DCTERMS.references, URIRef(iri)))
    return graph


def _namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def vocabularies(store: GraphStore) -> list[str]:
    """The namespaces of every predicate and class the data uses, excluding compgraph's own instance IRIs."""
    res = store.query("SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s a ?t } }")
    spaces = {_namespace(str(t)) for (t,) in res.rows if isinstance(t, URIRef)}
    return sorted(ns for ns in spaces if ns and not ns.startswith(str(CGR)))


def void_graph(store: GraphStore, base: str, downloads: dict[str, tuple[str, str]]) -> Graph:
    """VoID and DCAT for the dataset at ``base`` (the server's root URL, ending in ``/``).

    ``downloads`` maps a title to (path, media type) of a file the server offers (the dump, exports).
    """
    g = Graph()
    for prefix, ns in {**PREFIXES, **DESCRIPTION_PREFIXES}.items():
        g.bind(prefix, ns)
    me = URIRef(base + ".well-known/void")
    ds = URIRef(base + ".well-known/void#dataset")
    endpoint = URIRef(base + "sparql")
    g.add((me, RDF.type, VOID.DatasetDescription))
    g.add((me, DCTERMS.title, Literal("Description of the compgraph compliance graph")))
    g.add((me, FOAF.primaryTopic, ds))
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal("compgraph compliance graph")))
    g.add(
        (
            ds,
            DCTERMS.description,
            Literal(
                "Source documents, their obligations, the controls that satisfy them, the AI systems and datasets "
                "that implement the controls, and the evidence, as RDF named graphs."
            ),
        )
    )
    g.add((ds, VOID.sparqlEndpoint, endpoint))
    g.add((ds, VOID.uriSpace, Literal(str(CGR))))
    counts = store.graph_counts()
    g.add((ds, VOID.triples, Literal(sum(counts.values()), datatype=XSD.integer)))
    for ns in vocabularies(store):
        g.add((ds, VOID.vocabulary, URIRef(ns)))
    for n, (name, triples) in enumerate(sorted(counts.items()), start=1):
        sub = URIRef(f"{base}.well-known/void#graph-{n}")
        g.add((ds, VOID.subset, sub))
        g.add((sub, RDF.type, VOID.Dataset))
        g.add((sub, RDF.type, SD.NamedGraph))
        g.add((sub, SD.name, URIRef(name)))
        g.add((sub, VOID.triples, Literal(triples, datatype=XSD.integer)))
    service = BNode()
    g.add((ds, DCAT.accessService, service))
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCAT.endpointURL, endpoint))
    g.add((service, DCAT.servesDataset, ds))
    for title, (path, media) in downloads.items():
        url = URIRef(base + path.lstrip("/"))
        dist = BNode()
        g.add((ds, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(title)))
        g.add((dist, DCAT.downloadURL, url))
        g.add((dist, DCAT.mediaType, Literal(media)))
        if path.endswith(".nq"):
            g.add((ds, VOID.dataDump, url))
    return g


class JsonLdSuffix:
    """WSGI wrapper: ``PAGE.jsonld`` is ``PAGE.json`` asked for as JSON-LD, for every page with a ``.json``.

    The pages' routes know ``.json`` and ``.csv``; this turns the suffix into the Accept header they already
    negotiate on, so no page module needs a route of its own for it.
    """

    def __init__(self, app: Callable[..., Any]) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        path = environ.get("PATH_INFO", "")
        if path.endswith(".jsonld") and path != CONTEXT_PATH:
            environ["PATH_INFO"] = path[: -len(".jsonld")] + ".json"
            environ["HTTP_ACCEPT"] = JSONLD
        return self.app(environ, start_response)
