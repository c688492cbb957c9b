"""The batched SELECTs for the shape-based and pair constraints of a shape with targets (see ``logic``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from compgraph.checks.sparql.logic import COMPANIONS, LOGIC_COMPONENT, PAIRS, Compiler, is_true
from compgraph.graph.namespaces import shorten


def extended_queries(
    shapes: Graph,
    shape: Node,
    pred: URIRef,
    obj: Node,
    focus: str,
    path: str | None,
    path_of: Callable[[Graph, Node], str],
) -> list[dict[str, Any]]:
    """Query arguments (component, sparql, generic, ...) for one constraint over all focus nodes in ``focus``;
    ``path_of`` writes a SHACL path as SPARQL (the planner's, passed in so the import goes one way)."""
    c = Compiler(shapes, path_of)
    values = f"?this {path} ?v ." if path else "BIND(?this AS ?v)"
    name = shorten(str(pred))
    if pred in COMPANIONS or (pred in (SH.closed, SH.uniqueLang) and not is_true(obj)):
        return []
    if pred == SH.qualifiedValueShape:
        return _qualified(c, shape, obj, focus, values)
    if pred == SH.closed:
        allowed = ", ".join(f"<{a}>" for a in c.closed_allowed(shape)) or "<urn:compgraph:none>"
        sparql = (
            f"SELECT DISTINCT ?this ?path ?value WHERE {{ {focus} {values} ?v ?path ?value "
            f"FILTER(?path NOT IN ({allowed})) }}"
        )
        return [_kept(pred, sparql, "Node has a property the closed shape does not allow")]
    if pred == SH.uniqueLang or pred in PAIRS:
        branches, v, w = c.pair_pattern(shape, pred, obj, "?this", path)
        where = " UNION ".join(f"{{ {focus} {b} }}" for b in branches)
        if pred == SH.uniqueLang:
            sparql = f"SELECT DISTINCT ?this (LCASE(LANG({v})) AS ?lang) WHERE {{ {where} }}"
            return [_kept(pred, sparql, "More than one value shares a language tag")]
        # One result per pair of values for lessThan(OrEquals): ?other keeps the rows apart.
        other = f" ({w} AS ?other)" if w else ""
        sparql = f"SELECT DISTINCT ?this ({v} AS ?value){other} WHERE {{ {where} }}"
        return [_kept(pred, sparql, f"Value violates {name} {shorten(str(obj))}")]
    cond = c.value_condition(shape, pred, obj, "?v")
    return [
        {
            "component": LOGIC_COMPONENT[pred],
            "sparql": f"SELECT DISTINCT ?this ?v WHERE {{ {focus} {values} FILTER({cond}) }}",
            "generic": f"Value does not meet {name}",
        }
    ]


def _kept(pred: URIRef, sparql: str, generic: str) -> dict[str, Any]:
    """A query whose rows name their own value and path (``keep_vars``), as SHACL-SPARQL rows do."""
    return {"component": LOGIC_COMPONENT[pred], "sparql": sparql, "generic": generic, "keep_vars": True}


def _qualified(c: Compiler, shape: Node, q: Node, focus: str, values: str) -> list[dict[str, Any]]:
    out = []
    cond = c.qualified_condition(shape, q, "?v")
    for param, op, comp in (
        (SH.qualifiedMinCount, "<", SH.QualifiedMinCountConstraintComponent),
        (SH.qualifiedMaxCount, ">", SH.QualifiedMaxCountConstraintComponent),
    ):
        bound = c.shapes.value(shape, param)
        if bound is None:
            continue
        matched = f"{values} FILTER({cond})"
        where = f"{focus} OPTIONAL {{ {matched} }}" if op == "<" else f"{focus} {matched}"
        sparql = f"SELECT ?this WHERE {{ {where} }} GROUP BY ?this HAVING (COUNT(DISTINCT ?v) {op} {int(bound)})"
        word = "Fewer" if op == "<" else "More"
        out.append({"component": comp, "sparql": sparql, "generic": f"{word} than {bound} values conform"})
    return out
