"""A remote SPARQL 1.1 endpoint as a store: queries, updates and the Graph Store Protocol over HTTP.

Speaks ``storebase.GraphStore``'s interface, so commands and pages never care whether the graph is embedded or remote;
the dialects of particular servers (Virtuoso) are read and written with ``dialects``.
"""

from __future__ import annotations

import re
from typing import Any

import requests
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node
from requests.auth import HTTPDigestAuth

from compgraph.graph.dialects import (
    VIRTUOSO_METADATA_GRAPH,
    accept_for,
    virtuoso_ask,
    virtuoso_insert,
    virtuoso_stopped,
)
from compgraph.graph.ondisk import StoreError
from compgraph.graph.results import QueryResult, QuerySyntaxError, QueryTimeout, ResultTooLarge
from compgraph.graph.storebase import GraphStore
from compgraph.graph.writes import XSD_STRING


class RemoteStore(GraphStore):
    """Any SPARQL 1.1 Query/Update (+ optional Graph Store Protocol) service.

    The server must expose the union of its named graphs as the default graph (Oxigraph
    ``--union-default-graph``, Fuseki ``unionDefaultGraph``, GraphDB's default, Virtuoso's default),
    as compgraph's queries do not name graphs.

    Virtuoso, recognised by its ``Server`` header, differs in ways this class absorbs or refuses: its
    own graphs are part of the default graph unless made private (refused with a line saying so); it
    answers a query that ran out of time with a partial result and an ``X-SQL-State`` header (refused
    as a timeout); it takes blank nodes only in an INSERT template; it ignores Accept q-values (so the
    Accept header names the one type the query form needs); its authenticated endpoints want HTTP
    Digest, not Basic (any server that refuses Basic without a Basic challenge gets the same
    credentials as Digest); it answers ASK as a SELECT of ``__ASK_RETVAL``, read here as the boolean.
    """

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        gsp_url: str | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float = 60.0,
    ) -> None:
        self.location = query_url
        self.query_url = query_url
        self.update_url = update_url or re.sub(r"/query$", "/update", query_url)
        self.gsp_url = gsp_url
        self.session = requests.Session()
        if auth:
            self.session.auth = auth
        self.default_timeout = timeout
        self._virtuoso: bool | None = None  # known after the first answer

    def _request(self, method: str, url: str, *, timeout: float | None, **kw: Any) -> requests.Response:
        try:
            resp = self.session.request(method, url, timeout=timeout or self.default_timeout, **kw)
            # Refused Basic credentials with no Basic challenge (Virtuoso sends none at all): try them as Digest.
            challenge = resp.headers.get("WWW-Authenticate", "")
            if resp.status_code == 401 and "basic" not in challenge.lower() and isinstance(self.session.auth, tuple):
                self.session.auth = HTTPDigestAuth(*self.session.auth)
                resp = self.session.request(method, url, timeout=timeout or self.default_timeout, **kw)
        except requests.Timeout as exc:
            raise QueryTimeout(f"the endpoint did not answer within {timeout or self.default_timeout:g} s") from exc
        except requests.RequestException as exc:
            raise StoreError(f"cannot reach {url}: {exc}") from exc
        if self._virtuoso is None:
            self._virtuoso = resp.headers.get("Server", "").startswith("Virtuoso/")
        return resp

    def _post(self, url: str, *, timeout: float | None, **kw: Any) -> requests.Response:
        return self._request("POST", url, timeout=timeout, **kw)

    def _is_virtuoso(self) -> bool:
        if self._virtuoso is None:
            self._request("GET", self.query_url, timeout=None, params={"query": "ASK {}"})
            if self._virtuoso and self.query(f"ASK {{ GRAPH <{VIRTUOSO_METADATA_GRAPH}> {{ ?s ?p ?o }} }}").boolean:
                # Its own graphs would be part of every answer over the default graph (counts, searches).
                self._virtuoso = None  # so every later call refuses too
                raise StoreError(
                    f"{self.query_url}: Virtuoso's own graphs ({VIRTUOSO_METADATA_GRAPH} ...) are visible to "
                    "this user; make them private first (README: SPARQL endpoint and remote stores, Virtuoso)"
                )
        return bool(self._virtuoso)

    def query(
        self,
        sparql: str,
        *,
        timeout: float | None = None,
        max_results: int | None = None,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> QueryResult:
        params: list[tuple[str, str]] = [("query", sparql)]
        params += [("default-graph-uri", g) for g in default_graphs or []]
        params += [("named-graph-uri", g) for g in named_graphs or []]
        wait = timeout or self.default_timeout
        if self._is_virtuoso():
            # Virtuoso stops the query itself at this many milliseconds (rather than computing on after we gave
            # up) and says so in X-SQL-State; we wait a little longer to read that answer.
            params.append(("timeout", str(int(wait * 1000))))
            wait += 5
        resp = self._post(self.query_url, timeout=wait, data=params, headers={"Accept": accept_for(sparql)})
        if resp.status_code == 400:
            raise QuerySyntaxError(resp.text.strip() or "the endpoint rejected the query")
        if resp.status_code >= 500 and self._is_virtuoso() and virtuoso_stopped(resp.text):
            raise QueryTimeout(f"the endpoint stopped the query at its time limit: {resp.text.strip()[:300]}")
        if resp.status_code >= 400:
            raise StoreError(f"{self.query_url} answered {resp.status_code}: {resp.text.strip()[:500]}")
        if resp.headers.get("X-SQL-State"):
            # Virtuoso's "anytime" answer: rows found before the time ran out, given as if complete.
            raise QueryTimeout(f"the endpoint gave up: {resp.headers.get('X-SQL-Message', '').strip()[:300]}")
        ctype = resp.headers.get("Content-Type", "").split(";")[0].strip()
        if ctype == "application/sparql-results+json":
            try:
                body = resp.json()
                if "boolean" in body:
                    return QueryResult("ASK", boolean=bool(body["boolean"]))
                variables = body["head"].get("vars", [])
                bindings = body["results"]["bindings"]
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                raise self._broken(resp, exc) from exc
            if (asked := virtuoso_ask(variables, bindings)) is not None:
                return QueryResult("ASK", boolean=asked)
            if max_results is not None and len(bindings) > max_results:
                raise ResultTooLarge(f"query returned more than {max_results} rows")
            rows = [tuple(_json_term(b.get(v)) for v in variables) for b in bindings]
            return QueryResult("SELECT", variables=variables, rows=rows)
        g = Graph()
        try:
            g.parse(data=resp.content, format="nt" if ctype == "application/n-triples" else ctype or "nt")
        except Exception as exc:  # rdflib's parsers raise many types; any of them means the same here
            raise self._broken(resp, exc) from exc
        if max_results is not None and len(g) > max_results:
            raise ResultTooLarge(f"query returned more than {max_results} triples")
        return QueryResult("CONSTRUCT", triples=list(g))

    def _broken(self, resp: requests.Response, exc: Exception) -> StoreError:
        """Oxigraph streams an answer and, when the query fails part-way (a SERVICE it cannot reach), ends the
        200 it has begun with the error's text: an answer that is not whole is the endpoint's error, never rows."""
        return StoreError(
            f"{self.query_url} sent an answer that breaks off ({type(exc).__name__}: {str(exc)[:200]}); "
            f"it ends: {resp.text.strip()[-300:]}"
        )

    def update(self, sparql_update: str) -> None:
        resp = self._post(
            self.update_url,
            timeout=None,
            data=sparql_update.encode(),
            headers={"Content-Type": "application/sparql-update"},
        )
        if resp.status_code >= 400:
            raise StoreError(f"{self.update_url} answered {resp.status_code}: {resp.text.strip()[:500]}")

    def replace_graph(self, graph: str, data: bytes, media_type: str = "application/n-triples") -> int:
        # Parse locally first so malformed input never reaches the server. Quads naming a graph are refused:
        # one rdflib Graph would drop them silently, and this replaces one graph.
        ds = Dataset()
        try:
            ds.parse(data=data, format=_rdflib_format(media_type))
        except Exception as exc:
            raise SyntaxError(str(exc)) from exc
        if named := len(ds) - len(ds.default_graph):
            raise StoreError(f"{named} quad(s) name a graph of their own; replace_graph loads one graph")
        parsed = ds.default_graph
        ntriples = parsed.serialize(format="nt", encoding="utf-8")
        if self.gsp_url:
            resp = self._request(
                "PUT",
                self.gsp_url,
                timeout=None,
                params={"graph": graph},
                data=ntriples,
                headers={"Content-Type": "application/n-triples"},
            )
            if resp.status_code >= 400:
                raise StoreError(f"{self.gsp_url} answered {resp.status_code}: {resp.text.strip()[:500]}")
        else:
            # One update request is one transaction on a conforming server.
            insert = (
                virtuoso_insert(graph, parsed)
                if self._is_virtuoso()
                else f"INSERT DATA {{ GRAPH <{graph}> {{\n{ntriples.decode()}\n}} }}"
            )
            self.update(f"DROP SILENT GRAPH <{graph}> ;\n{insert}")
        return len(parsed)

    def drop_graph(self, graph: str) -> None:
        self.update(f"DROP SILENT GRAPH <{graph}>")

    def graph_names(self) -> list[str]:
        # Virtuoso 7.2 answers this DISTINCT from its graph list, private graphs included; GROUP BY reads the data.
        group = " GROUP BY ?g" if self._is_virtuoso() else ""
        res = self.query(f"SELECT {'' if group else 'DISTINCT '}?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}{group}")
        return sorted(str(r[0]) for r in res.rows)

    def close(self) -> None:
        self.session.close()


def _rdflib_format(media_type: str) -> str:
    return {
        "text/turtle": "turtle",
        "application/n-triples": "nt",
        "application/n-quads": "nquads",
        "application/trig": "trig",
        "application/rdf+xml": "xml",
        "application/ld+json": "json-ld",
    }.get(media_type, "turtle")


def _json_term(b: dict[str, str] | None) -> Node | None:
    if b is None:
        return None
    t = b["type"]
    if t == "uri":
        return URIRef(b["value"])
    if t == "bnode":
        return BNode(b["value"])
    dt = b.get("datatype")
    if b.get("xml:lang"):
        return Literal(b["value"], lang=b["xml:lang"])
    return Literal(b["value"], datatype=URIRef(dt) if dt and dt != XSD_STRING else None)
