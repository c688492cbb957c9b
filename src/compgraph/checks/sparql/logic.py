"""Shape-based and pair constraints as SPARQL: sh:node, sh:not, sh:and, sh:or, sh:xone, sh:qualifiedValueShape,
sh:closed, sh:equals, sh:disjoint, sh:lessThan(OrEquals), sh:languageIn, sh:uniqueLang.

The shape-based ones ask "does this value conform to shape S?". :meth:`Compiler.fails` writes S as a group
pattern that has a solution exactly when the node in a given variable does not conform (the union of one
pattern per constraint of S, property shapes included), so conformance is ``NOT EXISTS { fails(S, ?v) }``.
Recursive shapes (undefined in SHACL Core) and SHACL-SPARQL inside a referenced shape are left to pySHACL.
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from compgraph.checks.sparql.components import CORE, DESCRIPTIVE, Unsupported, _nt, _value_filter
from compgraph.graph.literals import sparql_value

LOGIC = {SH.node, SH["not"], SH["and"], SH["or"], SH.xone}
PAIRS = {SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals}
# Parameters that travel with another one (closed with ignoredProperties, qualified counts with the shape).
COMPANIONS = {SH.ignoredProperties, SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint}
EXTENDED = LOGIC | PAIRS | COMPANIONS | {SH.closed, SH.qualifiedValueShape, SH.languageIn, SH.uniqueLang}
# SHACL Core names each parameter's component after it: sh:languageIn -> sh:LanguageInConstraintComponent.
LOGIC_COMPONENT = {
    p: SH[str(p).removeprefix(str(SH))[:1].upper() + str(p).removeprefix(str(SH))[1:] + "ConstraintComponent"]
    for p in LOGIC | PAIRS | {SH.languageIn, SH.uniqueLang, SH.closed}
}
_TYPE = f"<{RDF.type}>/<{RDFS.subClassOf}>*"


def is_true(value: Node | None) -> bool:
    # Only the literal true: "1"^^xsd:boolean has the same value but is not what the spec names (W3C uniqueLang-002).
    return isinstance(value, Literal) and value.datatype == XSD.boolean and str(value) == "true"


def members(shapes: Graph, node: Node) -> list[Node]:
    return list(Collection(shapes, node))


def distinct(variables: list[str]) -> str:
    pairs = [f"!sameTerm({a}, {b})" for i, a in enumerate(variables) for b in variables[i + 1 :]]
    return " && ".join(pairs) or "true"


class Compiler:
    """Writes shapes as "does not conform" patterns; fresh variable names per pattern keep them apart."""

    def __init__(self, shapes: Graph, path_of: Callable[[Graph, Node], str]) -> None:
        self.shapes, self._n = shapes, 0
        self._stack: list[Node] = []
        self.sparql_path = path_of  # plan.sparql_path, passed in to keep the import one way

    def var(self) -> str:
        self._n += 1
        return f"?_s{self._n}"

    def path(self, shape: Node) -> str | None:
        node = self.shapes.value(shape, SH.path)
        return self.sparql_path(self.shapes, node) if node is not None else None

    def fails(self, shape: Node, x: str) -> str:
        """A group pattern with a solution iff the node bound to ``x`` does not conform to ``shape``."""
        if shape in self._stack:
            raise Unsupported(f"shape {shape}: recursive shape references")
        if is_true(self.shapes.value(shape, SH.deactivated)):
            return "FILTER(false)"
        if (shape, SH.sparql, None) in self.shapes:
            raise Unsupported(f"shape {shape}: SHACL-SPARQL in a referenced shape")
        self._stack.append(shape)
        try:
            path = self.path(shape)
            parts = []
            for pred, obj in sorted(self.shapes.predicate_objects(shape)):
                if pred == SH.property:
                    parts.append(self.fails(obj, x))
                elif pred in CORE or pred in EXTENDED:
                    parts.extend(self.violations(shape, pred, obj, x, path))
                elif str(pred).startswith(str(SH)) and pred not in DESCRIPTIVE:
                    raise Unsupported(f"shape {shape}: {pred} in a referenced shape")
        finally:
            self._stack.pop()
        return " UNION ".join("{ " + p + " }" for p in parts) if parts else "FILTER(false)"

    def conforms(self, shape: Node, v: str) -> str:
        return f"NOT EXISTS {{ {self.fails(shape, v)} }}"

    def values(self, x: str, path: str | None) -> tuple[str, str]:
        """(pattern binding the value nodes, their variable): the path's values, or the focus node itself."""
        if path is None:
            return "", x
        v = self.var()
        return f"{x} {path} {v} .", v

    def value_condition(self, shape: Node, pred: URIRef, obj: Node, v: str) -> str:
        """SPARQL condition true for a value node in ``v`` that violates a per-value constraint."""
        if pred == SH["class"]:
            return f"NOT EXISTS {{ {v} {_TYPE} {_nt(obj)} }}"
        if pred == SH.node:
            return f"EXISTS {{ {self.fails(obj, v)} }}"
        if pred == SH["not"]:
            return self.conforms(obj, v)
        if pred in (SH["and"], SH["or"], SH.xone):
            parts = [f"EXISTS {{ {self.fails(s, v)} }}" for s in members(self.shapes, obj)]
            if pred == SH["and"]:
                return "(" + (" || ".join(parts) or "false") + ")"
            if pred == SH["or"]:
                return "(" + (" && ".join(parts) or "true") + ")"
            return "((" + (" + ".join(f"IF({p}, 0, 1)" for p in parts) or "0") + ") != 1)"
        if pred == SH.languageIn:
            tags = " || ".join(f"langMatches(LANG({v}), {Literal(str(t)).n3()})" for t in members(self.shapes, obj))
            return f"!(isLiteral({v}) && ({tags or 'false'}))"
        cond, _ = _value_filter(self.shapes, pred, obj, shape, v)
        return cond

    def violations(self, shape: Node, pred: URIRef, obj: Node, x: str, path: str | None) -> list[str]:
        """Patterns with a solution iff focus ``x`` violates the constraint (``pred obj``) of ``shape``."""
        values, v = self.values(x, path)
        if pred in (SH.flags, *COMPANIONS) or (pred in (SH.closed, SH.uniqueLang) and not is_true(obj)):
            return []
        if pred in (SH.minCount, SH.maxCount):
            if path is None:
                raise Unsupported(f"shape {shape}: {pred} on a node shape")
            n = int(obj) + (1 if pred == SH.maxCount else 0)
            if n <= 0:
                return [] if pred == SH.minCount else [values]
            vs = [self.var() for _ in range(n)]
            found = " ".join(f"{x} {path} {a} ." for a in vs) + f" FILTER({distinct(vs)})"
            return [f"FILTER NOT EXISTS {{ {found} }}"] if pred == SH.minCount else [found]
        if pred == SH.hasValue:
            if path is None:
                return [f"FILTER(!sameTerm({x}, {_nt(obj)}))"]
            return [f"FILTER NOT EXISTS {{ {x} {path} {_nt(obj)} }}"]
        if pred == SH.closed:
            p, o = self.var(), self.var()
            allowed = ", ".join(_nt(a) for a in self.closed_allowed(shape)) or "<urn:compgraph:none>"
            return [f"{values} {v} {p} {o} FILTER({p} NOT IN ({allowed}))"]
        if pred in PAIRS or pred == SH.uniqueLang:
            return self.pair_pattern(shape, pred, obj, x, path)[0]
        if pred == SH.qualifiedValueShape:
            return self.qualified(shape, obj, x, path)
        return [f"{values} FILTER({self.value_condition(shape, pred, obj, v)})"]

    def closed_allowed(self, shape: Node) -> list[Node]:
        allowed: list[Node] = [
            p for prop in self.shapes.objects(shape, SH.property) for p in self.shapes.objects(prop, SH.path)
        ]
        allowed = [p for p in allowed if isinstance(p, URIRef)]
        for lst in self.shapes.objects(shape, SH.ignoredProperties):
            allowed += members(self.shapes, lst)
        return sorted(set(allowed))

    def pair_pattern(
        self, shape: Node, pred: URIRef, obj: Node, x: str, path: str | None
    ) -> tuple[list[str], str, str | None]:
        """(alternative patterns, value variable, the other value's variable) for the property-pair
        constraints and sh:uniqueLang; each alternative binds ``x`` itself where ``x`` is not pre-bound."""
        values, v = self.values(x, path)
        if pred == SH.uniqueLang:
            if path is None:
                raise Unsupported(f"shape {shape}: sh:uniqueLang on a node shape")
            w = self.var()
            cond = f"!sameTerm({v}, {w}) && LANG({v}) != '' && LCASE(LANG({v})) = LCASE(LANG({w}))"
            return [f"{values} {x} {path} {w} FILTER({cond})"], v, None
        other = _nt(obj)
        if pred == SH.disjoint:
            return [f"{values} {x} {other} {v} ."], v, None
        if pred == SH.equals:
            u = self.var()
            if path is None:
                first = f"FILTER NOT EXISTS {{ {x} {other} {x} }} BIND({x} AS {u})"
                second = f"{x} {other} {u} FILTER(!sameTerm({u}, {x}))"
            else:
                first = f"{x} {path} {u} FILTER NOT EXISTS {{ {x} {other} {u} }}"
                second = f"{x} {other} {u} FILTER NOT EXISTS {{ {x} {path} {u} }}"
            return [first, second], u, None
        w = self.var()
        op = "<" if pred == SH.lessThan else "<="
        cmp = f"{sparql_value(v)} {op} {sparql_value(w)}"
        return [f"{values} {x} {other} {w} FILTER(!COALESCE({cmp}, false))"], v, w

    def qualified_condition(self, shape: Node, q: Node, v: str) -> str:
        """True for a value node that counts towards the qualified shape ``q`` (disjointness included)."""
        cond = [self.conforms(q, v)]
        if is_true(self.shapes.value(shape, SH.qualifiedValueShapesDisjoint)):
            for parent in self.shapes.subjects(SH.property, shape):
                for sibling in self.shapes.objects(parent, SH.property):
                    if sibling == shape:
                        continue
                    for other in self.shapes.objects(sibling, SH.qualifiedValueShape):
                        cond.append(f"!({self.conforms(other, v)})")
        return " && ".join(cond)

    def qualified(self, shape: Node, q: Node, x: str, path: str | None) -> list[str]:
        out = []
        low, high = self.shapes.value(shape, SH.qualifiedMinCount), self.shapes.value(shape, SH.qualifiedMaxCount)
        for bound, is_min in ((low, True), (high, False)):
            if bound is None:
                continue
            n = int(bound) + (0 if is_min else 1)
            if n <= 0:
                if not is_min:
                    values, v = self.values(x, path)
                    out.append(f"{values} FILTER({self.qualified_condition(shape, q, v)})")
                continue
            vs = [self.var() for _ in range(n)]
            parts = []
            for a in vs:
                parts.append(f"{x} {path} {a} ." if path else f"BIND({x} AS {a})")
                parts.append(f"FILTER({self.qualified_condition(shape, q, a)})")
            found = " ".join(parts) + f" FILTER({distinct(vs)})"
            out.append(f"FILTER NOT EXISTS {{ {found} }}" if is_min else found)
        return out

