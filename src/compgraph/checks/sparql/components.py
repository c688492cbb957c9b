"""SHACL Core constraint components as SPARQL conditions.

Which ``sh:`` parameters the SPARQL engine translates, the component each one reports, and the condition
that is true for a value violating it. Kept apart from the planner so adding a component is a change here.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from compgraph.graph.literals import AS_WRITTEN, sparql_value, stored_term
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
# Datatypes whose lexical form SPARQL can also check with a cast (rdflib calls such literals ill-typed).
CASTABLE = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.boolean, XSD.date, XSD.dateTime}
_TZ = r"(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
_DATE = r"-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
_TIME = r"(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?|24:00:00(\.0+)?)"
_INT = r"[+-]?[0-9]+"
_FLOAT = r"([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([Ee][+-]?[0-9]+)?|[+-]?INF|NaN)"
_YEAR = r"-?([1-9][0-9]{3,}|0[0-9]{3})"
# XSD 1.1 lexical spaces as regular expressions without look-arounds (SPARQL REGEX has none): every XSD
# datatype the SHACL tests and the shipped files use, and the other common ones.
LEXICAL = {
    XSD.boolean: "true|false|1|0",
    XSD.decimal: r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)",
    XSD.float: _FLOAT,
    XSD.double: _FLOAT,
    XSD.date: _DATE + _TZ,
    XSD.dateTime: _DATE + "T" + _TIME + _TZ,
    XSD.dateTimeStamp: _DATE + "T" + _TIME + r"(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))",
    XSD.time: _TIME + _TZ,
    XSD.gYear: _YEAR + _TZ,
    XSD.gYearMonth: _YEAR + "-(0[1-9]|1[0-2])" + _TZ,
    XSD.gMonth: "--(0[1-9]|1[0-2])" + _TZ,
    XSD.gDay: "---(0[1-9]|[12][0-9]|3[01])" + _TZ,
    XSD.gMonthDay: "--(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])" + _TZ,
    XSD.duration: r"-?P([0-9]+Y)?([0-9]+M)?([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?",
    XSD.dayTimeDuration: r"-?P([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?",
    XSD.yearMonthDuration: r"-?P([0-9]+Y)?([0-9]+M)?",
    XSD.hexBinary: "([0-9a-fA-F]{2})*",
    XSD.base64Binary: "([A-Za-z0-9+/] ?)*(=? ?=)?",
    XSD.language: "[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*",
    XSD.normalizedString: "[^\\r\\n\\t]*",
    XSD.token: "([^\\s]+( [^\\s]+)*)?",
    XSD.NMTOKEN: "[-.:_A-Za-z0-9\u00B7\u00C0-\uFFFD]+",
    XSD.Name: "[:_A-Za-z\u00C0-\uFFFD][-.:_A-Za-z0-9\u00B7\u00C0-\uFFFD]*",
    XSD.NCName: "[_A-Za-z\u00C0-\uFFFD][-._A-Za-z0-9\u00B7\u00C0-\uFFFD]*",
}
# The integer types: the integer lexical space within these bounds (None: unbounded on that side).
INTEGER_RANGES = {
    XSD.integer: (None, None),
    XSD.nonPositiveInteger: (None, 0),
    XSD.negativeInteger: (None, -1),
    XSD.nonNegativeInteger: (0, None),
    XSD.positiveInteger: (1, None),
    XSD.long: (-(2**63), 2**63 - 1),
    XSD.int: (-(2**31), 2**31 - 1),
    XSD.short: (-(2**15), 2**15 - 1),
    XSD.byte: (-128, 127),
    XSD.unsignedLong: (0, 2**64 - 1),
    XSD.unsignedInt: (0, 2**32 - 1),
    XSD.unsignedShort: (0, 2**16 - 1),
    XSD.unsignedByte: (0, 255),
}
# Forms the regular expressions let through: a duration needs a field after P (and after T).
_EMPTY_DURATION = r"^-?P$|T$"


def lexical_check(datatype: Node, v: str = "?v") -> str:
    """A SPARQL condition true when the literal in ``v`` is in the lexical (and value) space of ``datatype``."""
    out = []
    if datatype in INTEGER_RANGES:
        out.append(f"REGEX(STR({v}), {Literal('^' + _INT + '$').n3()})")
        low, high = INTEGER_RANGES[URIRef(datatype)]
        number = f"<{XSD.integer}>(STR({v}))"
        for bound, op in ((low, ">="), (high, "<=")):
            if bound is not None:
                out.append(f"COALESCE({number} {op} {bound}, false)")
    elif datatype in LEXICAL:
        out.append(f"REGEX(STR({v}), {Literal('^(' + LEXICAL[URIRef(datatype)] + ')$').n3()})")
        if "duration" in str(datatype).lower():
            out.append(f"!REGEX(STR({v}), {Literal(_EMPTY_DURATION).n3()})")
    if datatype in CASTABLE:
        out.append(f"COALESCE(IF(isLiteral({_nt(datatype)}(STR({v}))), true, false), false)")
    return " && ".join(out)


class Unsupported(ValueError):
    """The shapes use a SHACL feature the SPARQL translation does not cover."""


def _nt(term: Node) -> str:
    """A term as SPARQL matches it with sameTerm: a literal as the store holds it (see graph.literals)."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        return stored_term(term).n3()
    raise Unsupported(f"cannot write {term!r} into a query")


def _same_literal(v: str, member: Node) -> str:
    """A condition true when ``v`` is the literal ``member`` (as the store holds it), by lexical form, datatype
    and language tag (compared in lower case, as RDF 1.1 reads tags)."""
    if not isinstance(member, Literal):
        raise Unsupported(f"cannot write {member!r} into a query")
    held = stored_term(member)
    lexical = Literal(str(held)).n3()
    if held.language:
        return f"(isLiteral({v}) && STR({v}) = {lexical} && LCASE(LANG({v})) = {Literal(held.language.lower()).n3()})"
    datatype = held.datatype or XSD.string
    return f"(isLiteral({v}) && LANG({v}) = \"\" && STR({v}) = {lexical} && DATATYPE({v}) = <{datatype}>)"


def _value_filter(shapes: Graph, pred: URIRef, obj: Node, shape: Node, v: str = "?v") -> tuple[str, str]:
    """(SPARQL condition true for a violating ``v``, pySHACL-like generic message) for one core constraint."""
    if pred == SH.datatype:
        # The datatype as written: a literal kept as written ("300"^^xsd:byte) has an escaped one in the store.
        dt, kept = _nt(obj), _nt(URIRef(AS_WRITTEN + str(obj)))
        ok = f"isLiteral({v}) && (datatype({v}) = {dt} || datatype({v}) = {kept})"
        lexical = lexical_check(obj, v)
        if lexical:
            ok += " && " + lexical
        return f"!({ok})", f"Value is not Literal with datatype {shorten(str(obj))}"
    if pred == SH["class"]:
        # handled with MINUS by the caller (faster than NOT EXISTS on Oxigraph)
        return "", f"Value does not have class {shorten(str(obj))}"
    if pred == SH.nodeKind:
        return f"!{NODE_KINDS[URIRef(obj)].replace('?v', v)}", f"Value is not of Node Kind {shorten(str(obj))}"
    if pred == SH.pattern:
        flags = shapes.value(shape, SH.flags)
        args = f"STR({v}), {Literal(str(obj)).n3()}" + (f", {Literal(str(flags)).n3()}" if flags else "")
        return f"(isBlank({v}) || !REGEX({args}))", f"Value does not match pattern '{obj}'"
    if pred == SH["in"]:
        members = list(Collection(shapes, obj))
        message = f"Value not in list {[str(m) for m in members]}"
        # Term equality spelled so that every engine agrees: for IRIs IN is term equality too, and Virtuoso 7.2
        # answers a negated chain of sameTerm wrongly (572 of the demo's 632 mappings "not a SKOS mapping
        # relation"); a literal by its parts, since there sameTerm is false for a plain string or an integer
        # equal to the member (a value in the list reported as not in it).
        iris = [_nt(m) for m in members if isinstance(m, URIRef)]
        conds = [f"{v} IN ({', '.join(iris)})"] if iris else []
        conds += [_same_literal(v, m) for m in members if not isinstance(m, URIRef)]
        return f"!({' || '.join(conds) or 'false'})", message
    ops = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
    if pred in ops:
        # Compared as values: the bound as SPARQL reads it, a value kept as written as its typed value.
        bound = obj.n3() if isinstance(obj, Literal) else _nt(obj)
        return f"!COALESCE({sparql_value(v)} {ops[pred]} {bound}, false)", f"Value is not {ops[pred]} {obj}"
    if pred in (SH.minLength, SH.maxLength):
        op = ">=" if pred == SH.minLength else "<="
        return (
            f"(isBlank({v}) || !COALESCE(STRLEN(STR({v})) {op} {int(obj)}, false))",
            f"String length not {op} {obj}",
        )
    raise Unsupported(f"constraint {pred}")
