"""IRIs for the saved validation report's nodes, made from what each node says, in place of blank nodes.

A result is named by a hash of every triple it has (focus node, path, value, source shape and constraint,
component, severity, messages), so the same findings always make the same report graph. That is what lets the
save be cheap (``graph.writes.difference``): the report's content hash is known from the triples as written
(the store may relabel a blank node, so a graph with them has to be read back), and a run after a change
writes only the results that went and came. IRIs are allowed for results by the SHACL spec
(sh:ValidationResult is a class of nodes, not of blank nodes).

Two results that say exactly the same (two rows of one constraint differing only in a variable no message
names) stay two results, as in the report with blank nodes: the second and later get a count after the hash.
A blank node the report only points at (a source shape written as a blank node in the shapes graph) is
named from its description in the shapes graph, and from its label only when no shapes graph is given.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from compgraph.graph.namespaces import graph_iri

Triple = tuple[Node, Node, Node]

REPORT_NODE = URIRef(graph_iri("validation", "report"))
_RESULT = graph_iri("validation", "result", "")
_NODE = graph_iri("validation", "node", "")


def _hash(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest()[:40]


class _Keys:
    """A content key for each blank node: its outgoing triples, blank objects by their own key. ``spell`` gives
    a term's N-Triples (the caller's, cached: rdflib's n3() per triple took 9 s for 30k results)."""

    def __init__(self, triples: list[Triple], shapes: Graph | None, spell: Callable[[Node], str]) -> None:
        self.edges: dict[Node, list[tuple[Node, Node]]] = {}
        for s, p, o in triples:
            if type(s) is BNode:
                self.edges.setdefault(s, []).append((p, o))
        self.shapes, self.spell = shapes, spell
        self.keys: dict[Node, str] = {}

    def key(self, node: Node, visiting: frozenset[Node] = frozenset()) -> str:
        if node in self.keys:
            return self.keys[node]
        if node in visiting:  # a cycle: reports and paths are trees, so this only guards the recursion
            return "cycle"
        edges = self.edges.get(node)
        if edges is None:
            key = self._outside(node)
        else:
            inner, spell = visiting | {node}, self.spell
            key = _hash([f"{spell(p)} {self.key(o, inner) if type(o) is BNode else spell(o)}" for p, o in edges])
        self.keys[node] = key
        return key

    def _outside(self, node: Node) -> str:
        """A blank node the report names but does not describe: described by the shapes graph, if given."""
        if self.shapes is None or (node, None, None) not in self.shapes:
            return _hash(["label", str(node)])
        return _hash(["shape", _shape_key(self.shapes, node, frozenset())])


def _shape_key(shapes: Graph, node: Node, visiting: frozenset[Node]) -> str:
    """A blank shape by its own triples (blank objects in turn) and by the named nodes that point at it (a
    property shape's node shape), so two alike property shapes of two node shapes stay two."""
    if node in visiting:
        return "cycle"
    inner = visiting | {node}
    lines = [
        f"{p.n3()} {_shape_key(shapes, o, inner) if isinstance(o, BNode) else o.n3()}"
        for p, o in shapes.predicate_objects(node)
    ]
    lines += [f"^{p.n3()} {s.n3()}" for s, p in shapes.subject_predicates(node) if not isinstance(s, BNode)]
    return _hash(lines)


def with_iris(
    triples: Iterable[Triple], shapes: Graph | None = None, spell: Callable[[Node], str] | None = None
) -> list[Triple]:
    """The report's triples with every blank node named: the report node :data:`REPORT_NODE`, each result
    by its content (a count after the hash for a second alike result), any other node by its content."""
    triples = list(triples)
    name = namer(triples, shapes, spell)
    return [(name(s), p, name(o)) if type(s) is BNode or type(o) is BNode else (s, p, o) for s, p, o in triples]


def namer(
    triples: list[Triple], shapes: Graph | None = None, spell: Callable[[Node], str] | None = None
) -> Callable[[Node], Node]:
    """The name :func:`with_iris` gives each term of ``triples`` (a term not blank is its own name), for a caller
    that needs only some triples named (the incremental save: those of results that came)."""
    # rdflib's URIRef == is a Python call (900k of them took 1.4 s of a save at 1.1M): the same test, made as a
    # type check and a str comparison in C.
    a, report, has_result, iri, eq = str(RDF.type), str(SH.ValidationReport), str(SH.result), URIRef, str.__eq__
    reports = {
        s for s, p, o in triples
        if type(s) is BNode and type(p) is iri and eq(p, a) and type(o) is iri and eq(o, report)
    }
    keys = _Keys(triples, shapes, spell or (lambda t: t.n3()))
    names: dict[Node, URIRef] = {r: REPORT_NODE for r in reports}
    seen: dict[str, int] = {}
    for s, p, o in triples:
        if type(o) is BNode and type(p) is iri and eq(p, has_result) and s in reports and o not in names:
            key = keys.key(o)
            n = seen.get(key, 0)
            seen[key] = n + 1
            names[o] = URIRef(_RESULT + key + (f"-{n}" if n else ""))

    def name(t: Node) -> Node:
        if type(t) is not BNode:
            return t
        if t not in names:
            names[t] = URIRef(_NODE + keys.key(t))
        return names[t]

    return name
