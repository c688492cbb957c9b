"""SPARQL answers in plain rdflib terms, and timed queries run in a child process (graph.store's LocalStore).

Owns: QueryResult and the query errors, the pyoxigraph -> rdflib term conversion, and the child that runs a
query under a time limit. Imports only graph.ondisk and graph.literals; graph.store re-exports all of it.
"""

from __future__ import annotations

import multiprocessing
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from compgraph.graph import ondisk
from compgraph.graph.literals import unescape
from compgraph.graph.ondisk import StoreError

_XSD_STRING = str(XSD.string)


class QuerySyntaxError(ValueError):
    """The query text is not valid SPARQL; the message is the parser's."""


# Oxigraph's parser recurses once per bracket: a query nesting 20,000 braces or 5,000 parentheses killed the
# process (a segmentation fault in the CLI, a lost query worker behind /sparql), and the planner and rdflib's parser
# raise RecursionError long before. No query a person writes nests this deep.
MAX_QUERY_DEPTH = 256
# A SPARQL string literal: long strings may span lines, short ones may not (SPARQL 1.1, 19.8 STRING_LITERAL1/2).
SPARQL_STRING = r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\''
_NESTING = re.compile(SPARQL_STRING + r'|<[^<>\s{}"]*>|#[^\n]*|[{(\[]|[})\]]')


def check_nesting(text: str) -> None:
    """Raise QuerySyntaxError if ``text`` nests brackets deeper than MAX_QUERY_DEPTH (outside strings, IRIs and
    comments)."""
    depth = 0
    for m in _NESTING.finditer(text):
        token = m.group(0)
        if token in "{([":
            depth += 1
            if depth > MAX_QUERY_DEPTH:
                # placed as Oxigraph places its errors, so that callers count lines and name files alike
                line = text.count("\n", 0, m.start()) + 1
                column = m.start() - text.rfind("\n", 0, m.start())
                raise QuerySyntaxError(
                    f"error at {line}:{column}: brackets nested more than {MAX_QUERY_DEPTH} deep; no SPARQL engine "
                    "here parses that"
                )
        elif token in "})]":
            depth -= 1


class QueryFailed(ValueError):
    """The engine could not evaluate the query (an unknown function, a SERVICE it cannot reach) while the store
    itself reads fine: the query is at fault, not the store."""


class QueryTimeout(RuntimeError):
    """The query ran past its time limit and was stopped."""


class ResultTooLarge(RuntimeError):
    """The query produced more rows or triples than the configured cap."""


@dataclass
class QueryResult:
    """A SPARQL answer: rows for SELECT, a boolean for ASK, triples for CONSTRUCT/DESCRIBE."""

    kind: str  # "SELECT" | "ASK" | "CONSTRUCT"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Node, Node, Node]] = field(default_factory=list)

    def dicts(self) -> list[dict[str, Node | None]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]

    def values(self) -> list[dict[str, Any]]:
        """Rows as plain Python values (IRIs and literals as strings), for templates and JSON."""
        return [{k: (None if v is None else str(v)) for k, v in d.items()} for d in self.dicts()]

    def graph(self) -> Graph:
        g = Graph()
        for t in self.triples:
            g.add(t)
        return g


def to_rdflib(term: Any) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        # normalize=False: the lexical form as stored ("none"^^xsd:boolean is not "false"), and an escaped literal
        # (kept as written, see graph.literals) as it was written.
        if term.language:
            return Literal(term.value, lang=term.language, normalize=False)
        value, dt = unescape(term.value, term.datatype.value)
        return Literal(value, datatype=None if dt == _XSD_STRING else URIRef(dt), normalize=False)
    # RDF-star quoted triples have no rdflib counterpart: keep their N-Triples form readable.
    return Literal(str(term))


_MISSING: Any = object()


def materialise(results: Any, max_results: int | None) -> QueryResult:
    """Pull a pyoxigraph answer into plain rdflib terms, stopping at the result cap."""
    if isinstance(results, ox.QueryBoolean):
        return QueryResult("ASK", boolean=bool(results))
    if isinstance(results, ox.QuerySolutions):
        variables = [v.value for v in results.variables]
        rows = []
        # Answers repeat their terms (the same control, date or label on many rows), and making an rdflib
        # Literal parses its value: converting each distinct term once halves the cost of a 5k-row answer.
        seen: dict[Any, Node | None] = {None: None}
        for sol in results:
            row = []
            for term in sol:
                node = seen.get(term, _MISSING)
                if node is _MISSING:
                    node = seen[term] = to_rdflib(term)
                row.append(node)
            rows.append(tuple(row))
            if max_results is not None and len(rows) > max_results:
                raise ResultTooLarge(f"query returned more than {max_results} rows")
        return QueryResult("SELECT", variables=variables, rows=rows)
    triples = []
    for t in results:
        triples.append((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        if max_results is not None and len(triples) > max_results:
            raise ResultTooLarge(f"query returned more than {max_results} triples")
    return QueryResult("CONSTRUCT", triples=triples)


def query_kwargs(default_graphs: list[str] | None, named_graphs: list[str] | None) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    if default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    else:
        kwargs["use_default_graph_as_union"] = True
    if named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    return kwargs


# A timed query's child is forked from a clean server process (multiprocessing's forkserver, which imports this
# module once), never from the caller, and opens the store read-only itself: a fork of a process holding the
# store open for writing copies RocksDB's mutexes, its global ones too, in whatever state the background threads
# held them, and the child could wait on one for ever, a false "time limit" answer (2 of 60 timed queries right
# after a write querying through the inherited handle, 1 of 134 opening its own; stacks in rocksdb::port::Mutex::
# Lock). As with any forkserver or spawn child, a script run by path that asks a timed query guards its top level
# with ``if __name__ == "__main__":``; the server imports such a script once ("__main__" below), not each child
# (``python -m`` entry points, compgraph's own, are never re-imported).
CHILDREN = multiprocessing.get_context("forkserver")
CHILDREN.set_forkserver_preload(["__main__", __name__])


def child_query(conn: Any, root: str, sparql: str, graphs: tuple[list[str] | None, list[str] | None],
                 max_results: int | None) -> None:
    try:
        db, head = ondisk.locate(Path(root))
        store = ondisk.open_db(Path(root), db, head, read_only=True)
        payload: Any = materialise(store.query(sparql, **query_kwargs(*graphs)), max_results)
    except BaseException as exc:  # the parent re-raises it with the original type
        payload = exc
    try:
        conn.send_bytes(pickle.dumps(payload))
    except Exception as exc:  # an unpicklable exception still reaches the parent as text
        conn.send_bytes(pickle.dumps(StoreError(str(exc))))
    finally:
        conn.close()
