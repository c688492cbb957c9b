"""What compgraph needs from a quad store, whichever it is: ``GraphStore``, the interface the embedded store
(``store.LocalStore``) and a remote SPARQL 1.1 endpoint (``remote.RemoteStore``) both speak, with the reads
every store answers the same way given its queries."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from compgraph.graph import history
from compgraph.graph.namespaces import sparql_prefixes
from compgraph.graph.results import QueryResult


def with_prefixes(query: str) -> str:
    """Prepend compgraph's PREFIX declarations; later declarations in the query text win."""
    return sparql_prefixes() + query



class GraphStore(ABC):
    """The operations compgraph needs from a quad store."""

    location: str

    @abstractmethod
    def query(
        self,
        sparql: str,
        *,
        timeout: float | None = None,
        max_results: int | None = None,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> QueryResult:
        """Run a SPARQL query. ``timeout`` (seconds) and ``max_results`` bound untrusted queries."""

    @abstractmethod
    def replace_graph(self, graph: str, data: bytes, media_type: str = "application/n-triples") -> int:
        """Replace one named graph with ``data`` in a single transaction; returns its triple count."""

    @abstractmethod
    def drop_graph(self, graph: str) -> None: ...

    @abstractmethod
    def graph_names(self) -> list[str]: ...

    @abstractmethod
    def close(self) -> None: ...

    def write_own_graph(self, graph: str, data: bytes) -> None:
        """Replace a graph with N-Triples compgraph wrote itself (a validation report), which cannot fail
        to parse; stores may skip the staging copy that protects user data."""
        self.replace_graph(graph, data)

    def write_own_quads(self, graph: str, quads: list[ox.Quad]) -> None:
        """:meth:`write_own_graph` given the quads; the embedded store writes only what differs from the graph."""
        self.write_own_graph(graph, ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES) or b"")

    @contextmanager
    def batch(self) -> Iterator[GraphStore]:
        """Group writes so they become visible together; a remote store applies each as it comes."""
        yield self

    def select(self, sparql: str, **kw: Any) -> QueryResult:
        return self.query(with_prefixes(sparql), **kw)

    def triple_count(self, graph: str | None = None) -> int:
        if graph:
            q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        else:
            q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{history.HISTORY_GRAPH}>) }}"
        return int(str(self.query(q).rows[0][0]))

    def graph_counts(self) -> dict[str, int]:
        """Triples per data graph (the audit trail is not data: see graph.history)."""
        res = self.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
        return {str(g): int(str(n)) for g, n in res.rows if str(g) != history.HISTORY_GRAPH}

    def to_graph(self, graphs: Iterable[str] | None = None) -> Graph:
        """The union of the named graphs (or the given ones) as an in-memory rdflib Graph."""
        g = Graph()
        if graphs is None:
            res = self.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        else:
            values = " ".join(f"<{x}>" for x in graphs)
            res = self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
        for t in res.triples:
            g.add(t)
        return g

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
