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
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from compgraph.graph.namespaces import graph_iri

REPORT_NODE = ox.NamedNode(graph_iri("validation", "report"))
_RESULT = graph_iri("validation", "result", "")
_NODE = graph_iri("validation", "node", "")
_TYPE, _REPORT, _HAS_RESULT = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(SH.ValidationReport)), ox.NamedNode(
    str(SH.result)
)


def _hash(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest()[:40]


class _Keys:
    """A content key for each blank node: its outgoing triples, blank objects by their own key. Worked on the
    store's terms, whose N-Triples spelling is made in Rust (rdflib's n3() took 9 s for 30k results)."""

    def __init__(self, quads: list[ox.Quad], shapes: Graph | None) -> None:
        self.edges: dict[ox.BlankNode, list[tuple[ox.NamedNode, object]]] = {}
        for q in quads:
            if isinstance(q.subject, ox.BlankNode):
                self.edges.setdefault(q.subject, []).append((q.predicate, q.object))
        self.shapes = shapes
        self.keys: dict[ox.BlankNode, str] = {}

    def key(self, node: ox.BlankNode, visiting: frozenset[ox.BlankNode] = frozenset()) -> str:
        if node in self.keys:
            return self.keys[node]
        if node in visiting:  # a cycle: reports and paths are trees, so this only guards the recursion
            return "cycle"
        edges = self.edges.get(node)
        if edges is None:
            key = self._outside(node)
        else:
            inner = visiting | {node}
            key = _hash([f"{p} {self.key(o, inner) if isinstance(o, ox.BlankNode) else o}" for p, o in edges])
        self.keys[node] = key
        return key

    def _outside(self, node: ox.BlankNode) -> str:
        """A blank node the report names but does not describe: described by the shapes graph, if given (the
        store's blank node keeps the label of the rdflib node it was made from)."""
        shape = BNode(node.value)
        if self.shapes is None or (shape, None, None) not in self.shapes:
            return _hash(["label", node.value])
        return _hash(["shape", _shape_key(self.shapes, shape, frozenset())])


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


def with_iris(quads: list[ox.Quad], shapes: Graph | None = None) -> list[ox.Quad]:
    """The report's quads with every blank node named: the report node :data:`REPORT_NODE`, each result
    by its content (a count after the hash for a second alike result), any other node by its content."""
    reports = {q.subject for q in quads if q.predicate == _TYPE and q.object == _REPORT}
    keys = _Keys(quads, shapes)
    names: dict[object, ox.NamedNode] = {r: REPORT_NODE for r in reports if isinstance(r, ox.BlankNode)}
    seen: dict[str, int] = {}
    for q in quads:
        o = q.object
        if q.predicate == _HAS_RESULT and isinstance(o, ox.BlankNode) and q.subject in reports and o not in names:
            key = keys.key(o)
            n = seen.get(key, 0)
            seen[key] = n + 1
            names[o] = ox.NamedNode(_RESULT + key + (f"-{n}" if n else ""))

    def name(t: Any) -> Any:
        if not isinstance(t, ox.BlankNode):
            return t
        if t not in names:
            names[t] = ox.NamedNode(_NODE + keys.key(t))
        return names[t]

    return [
        q if not (isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode))
        else ox.Quad(name(q.subject), q.predicate, name(q.object), q.graph_name)
        for q in quads
    ]
