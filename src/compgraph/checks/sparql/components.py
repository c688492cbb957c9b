"""SHACL Core constraint components as SPARQL conditions.

Which ``sh:`` parameters the SPARQL engine translates, the component each one reports, and the condition
that is true for a value violating it. Kept apart from the planner so adding a component is a change here.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from compgraph.graph.namespaces import shorten

# Constraint parameters translated below; any other sh: parameter on a shape makes the shapes unsupported.
CORE = {
    SH.minCount,
    SH.maxCount,
    SH.datatype,
    SH.pattern,
    SH.flags,
    SH["class"],
    SH["in"],
    SH.nodeKind,
    SH.hasValue,
    SH.minInclusive,
    SH.maxInclusive,
    SH.minExclusive,
    SH.maxExclusive,
    SH.minLength,
    SH.maxLength,
}
# Non-constraint predicates a shape may carry.
DESCRIPTIVE = {
    SH.path,
    SH.property,
    SH.sparql,
    SH.severity,
    SH.message,
    SH.name,
    SH.description,
    SH.order,
    SH.group,
    SH.deactivated,
    SH.targetClass,
    SH.targetNode,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.defaultValue,
    RDF.type,
    RDFS.label,
    RDFS.comment,
}
COMPONENT = {
    SH.minCount: SH.MinCountConstraintComponent,
    SH.maxCount: SH.MaxCountConstraintComponent,
    SH.datatype: SH.DatatypeConstraintComponent,
    SH.pattern: SH.PatternConstraintComponent,
    SH["class"]: SH.ClassConstraintComponent,
    SH["in"]: SH.InConstraintComponent,
    SH.nodeKind: SH.NodeKindConstraintComponent,
    SH.hasValue: SH.HasValueConstraintComponent,
    SH.minInclusive: SH.MinInclusiveConstraintComponent,
    SH.maxInclusive: SH.MaxInclusiveConstraintComponent,
    SH.minExclusive: SH.MinExclusiveConstraintComponent,
    SH.maxExclusive: SH.MaxExclusiveConstraintComponent,
    SH.minLength: SH.MinLengthConstraintComponent,
    SH.maxLength: SH.MaxLengthConstraintComponent,
    SH.sparql: SH.SPARQLConstraintComponent,
}
NODE_KINDS = {
    SH.IRI: "isIRI(?v)",
    SH.BlankNode: "isBlank(?v)",
    SH.Literal: "isLiteral(?v)",
    SH.BlankNodeOrIRI: "(isBlank(?v) || isIRI(?v))",
    SH.BlankNodeOrLiteral: "(isBlank(?v) || isLiteral(?v))",
    SH.IRIOrLiteral: "(isIRI(?v) || isLiteral(?v))",
}
# Datatypes whose lexical form SPARQL can check with a cast: rdflib calls such literals ill-typed.
CASTABLE = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.boolean, XSD.date, XSD.dateTime}


class Unsupported(ValueError):
    """The shapes use a SHACL feature the SPARQL translation does not cover."""


def _nt(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3()
    raise Unsupported(f"cannot write {term!r} into a query")


def _value_filter(shapes: Graph, pred: URIRef, obj: Node, shape: Node) -> tuple[str, str]:
    """(SPARQL condition true for a violating ?v, pySHACL-like generic message) for one core constraint."""
    if pred == SH.datatype:
        ok = f"isLiteral(?v) && datatype(?v) = {_nt(obj)}"
        if obj in CASTABLE:
            ok += f" && COALESCE(IF(BOUND(?v) && isLiteral({_nt(obj)}(STR(?v))), true, false), false)"
        return f"!({ok})", f"Value is not Literal with datatype {shorten(str(obj))}"
    if pred == SH["class"]:
        # handled with MINUS by the caller (faster than NOT EXISTS on Oxigraph)
        return "", f"Value does not have class {shorten(str(obj))}"
    if pred == SH.nodeKind:
        return f"!{NODE_KINDS[URIRef(obj)]}", f"Value is not of Node Kind {shorten(str(obj))}"
    if pred == SH.pattern:
        flags = shapes.value(shape, SH.flags)
        args = f"STR(?v), {Literal(str(obj)).n3()}" + (f", {Literal(str(flags)).n3()}" if flags else "")
        return f"(isBlank(?v) || !REGEX({args}))", f"Value does not match pattern '{obj}'"
    if pred == SH["in"]:
        members = list(Collection(shapes, obj))
        cond = " || ".join(f"sameTerm(?v, {_nt(m)})" for m in members) or "false"
        return f"!({cond})", f"Value not in list {[str(m) for m in members]}"
    ops = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
    if pred in ops:
        return f"!COALESCE(?v {ops[pred]} {_nt(obj)}, false)", f"Value is not {ops[pred]} {obj}"
    if pred in (SH.minLength, SH.maxLength):
        op = ">=" if pred == SH.minLength else "<="
        return (
            f"(isBlank(?v) || !COALESCE(STRLEN(STR(?v)) {op} {int(obj)}, false))",
            f"String length not {op} {obj}",
        )
    raise Unsupported(f"constraint {pred}")
