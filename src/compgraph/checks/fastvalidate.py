"""The SHACL shapes run as SPARQL directly on the store: same findings as pySHACL, one query per constraint.

pySHACL copies the whole store into an rdflib graph and runs each SHACL-SPARQL constraint once per
focus node. Here each constraint becomes one SELECT over all its focus nodes at once: the shape's
targets are joined in as a ``?this`` pattern where pySHACL pre-binds ``$this``, and the core
constraints of the structure shapes (sh:minCount, sh:datatype, sh:class, ...) are translated into
equivalent SPARQL. Anything this translation does not cover (sh:node, sh:or, sh:rule, custom
components, subqueries over ``$this``, ...) is reported by :func:`unsupported`, and
``validate_store(engine="sparql")`` then runs pySHACL instead, so the findings never change.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, XSD
from rdflib.term import Node

from compgraph.checks.validate import Finding, Outcome, _data_graphs, _label, load_shapes
from compgraph.graph.namespaces import CG, graph_iri, shorten, sparql_prefixes
from compgraph.graph.store import GraphStore

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


@dataclass
class Query:
    """One SELECT over all focus nodes of one constraint, and how to turn its rows into results."""

    shape: Node
    component: URIRef
    sparql: str
    severity: URIRef
    path: Node | None
    messages: list[Literal]
    constraint: Node | None = None
    value_is_focus: bool = False
    generic: str = ""
    keep_vars: bool = False
    label: str = ""
    # The same query with the targets as a plain pattern, and the target classes whose size picks it.
    few_sparql: str | None = None
    target_classes: tuple[URIRef, ...] = ()


@dataclass
class Plan:
    queries: list[Query] = field(default_factory=list)


# --- reading the shapes ------------------------------------------------------------------------------


def _nt(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3()
    raise Unsupported(f"cannot write {term!r} into a query")


def sparql_path(shapes: Graph, path: Node) -> str:
    """A SHACL property path as a SPARQL property path."""
    if isinstance(path, URIRef):
        return f"<{path}>"
    if (path, RDF.first, None) in shapes:
        return "(" + "/".join(sparql_path(shapes, p) for p in Collection(shapes, path)) + ")"
    for pred, fmt in (
        (SH.inversePath, "^{}"),
        (SH.zeroOrMorePath, "{}*"),
        (SH.oneOrMorePath, "{}+"),
        (SH.zeroOrOnePath, "{}?"),
    ):
        inner = shapes.value(path, pred)
        if inner is not None:
            return "(" + fmt.format(sparql_path(shapes, inner)) + ")"
    alt = shapes.value(path, SH.alternativePath)
    if alt is not None:
        return "(" + "|".join(sparql_path(shapes, p) for p in Collection(shapes, alt)) + ")"
    raise Unsupported(f"unknown property path {path!r}")


def _prefixes(shapes: Graph, node: Node) -> str:
    """PREFIX lines from sh:prefixes/sh:declare, as pySHACL applies them."""
    lines = []
    for owner in shapes.objects(node, SH.prefixes):
        for decl in shapes.objects(owner, SH.declare):
            prefix, ns = shapes.value(decl, SH.prefix), shapes.value(decl, SH.namespace)
            if prefix is not None and ns is not None:
                lines.append(f"PREFIX {prefix}: <{ns}>\n")
    return "".join(lines)


def _targets(shapes: Graph, shape: Node) -> list[str]:
    """SPARQL patterns binding ``?this`` to each kind of target the shape declares."""
    out = []
    classes = set(shapes.objects(shape, SH.targetClass))
    types = set(shapes.objects(shape, RDF.type))
    class_types = {RDFS.Class, *shapes.subjects(RDFS.subClassOf, RDFS.Class)}
    if types & class_types:
        classes.add(shape)  # implicit class target, as pySHACL reads it
    for c in sorted(classes):
        out.append(f"{{ ?this <{RDF.type}>/<{RDFS.subClassOf}>* {_nt(c)} }}")
    nodes = sorted(shapes.objects(shape, SH.targetNode))
    if nodes:
        out.append("{ VALUES ?this { " + " ".join(_nt(n) for n in nodes) + " } }")
    for p in sorted(shapes.objects(shape, SH.targetSubjectsOf)):
        out.append(f"{{ ?this {_nt(p)} ?_any }}")
    for p in sorted(shapes.objects(shape, SH.targetObjectsOf)):
        out.append(f"{{ ?_any {_nt(p)} ?this }}")
    if (shape, SH.target, None) in shapes:
        raise Unsupported(f"shape {shape}: sh:target (SHACL-AF custom targets)")
    return out


def _target_classes(shapes: Graph, shape: Node) -> list[URIRef]:
    """The classes behind _targets' class patterns (explicit and implicit class targets)."""
    classes = set(shapes.objects(shape, SH.targetClass))
    class_types = {RDFS.Class, *shapes.subjects(RDFS.subClassOf, RDFS.Class)}
    if set(shapes.objects(shape, RDF.type)) & class_types:
        classes.add(shape)
    return sorted(c for c in classes if isinstance(c, URIRef))


def _few(sparql: str, focus: str, flat: str, classes: list[URIRef], only_classes: bool) -> dict:
    if not only_classes or not classes:
        return {}
    return {"few_sparql": sparql.replace(focus, flat), "target_classes": tuple(sorted(set(classes)))}


def _focus_block(patterns: list[str]) -> str:
    # DISTINCT: a node that is a target twice (two classes, two paths) is still one focus node.
    return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(patterns) + " } }"


def _qname(shapes: Graph, node: Node) -> str:
    try:
        return shapes.namespace_manager.normalizeUri(node)
    except Exception:  # no usable prefix: the IRI in angle brackets, as pySHACL prints it
        return f"<{node}>"


def _severity(shapes: Graph, shape: Node) -> URIRef:
    sev = shapes.value(shape, SH.severity)
    return URIRef(sev) if sev is not None else SH.Violation


def _is_true(value: Node | None) -> bool:
    return isinstance(value, Literal) and value.toPython() is True


_VAR = r"[?$]{}\b"
_SUBSELECT = re.compile(r"\{\s*SELECT\b", re.IGNORECASE)


def _strip(text: str) -> str:
    """The query without strings, IRIs and comments, to look for keywords safely."""
    text = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'', '""', text)
    text = re.sub(r"<[^<>\s{}]*>", "<>", text)
    return re.sub(r"#[^\n]*", "", text)


def _sparql_query(shapes: Graph, shape: Node, constraint: Node, focus: str, path: str | None) -> tuple[str, bool]:
    """Rewrite one sh:select so it runs once for every focus node; returns (query, projects a result var)."""
    text = str(shapes.value(constraint, SH.select))
    if path is not None:
        text = re.sub(r"\$PATH\b", path, text)
    elif "$PATH" in text:
        raise Unsupported(f"{constraint}: $PATH on a node shape")
    bare = _strip(text)
    if re.search(r"\$(shapesGraph|currentShape|value)\b", bare):
        raise Unsupported(f"{constraint}: pre-bound variables other than $this")
    if _SUBSELECT.search(bare) and re.search(_VAR.format("this"), bare):
        # Inside a subquery ?this is a different variable unless projected; pre-binding would not care.
        raise Unsupported(f"{constraint}: $this inside a subquery")
    if re.search(r"\b(LIMIT|OFFSET)\b", bare, re.IGNORECASE):
        raise Unsupported(f"{constraint}: LIMIT/OFFSET would apply to all focus nodes together")
    group = re.search(r"\bGROUP\s+BY\b(.*?)(\bHAVING\b|\bORDER\b|$)", bare, re.IGNORECASE | re.DOTALL)
    if group and not re.search(_VAR.format("this"), group.group(1)):
        raise Unsupported(f"{constraint}: GROUP BY without $this")
    select = re.search(r"\bSELECT\b\s*(DISTINCT\b|REDUCED\b)?(.*?)\bWHERE\b|\bSELECT\b(.*?)\{", bare, re.I | re.S)
    if not select:
        raise Unsupported(f"{constraint}: not a SELECT query")
    projection = select.group(2) if select.group(2) is not None else select.group(3)
    star = projection.strip() == "*"
    projects = star or any(re.search(_VAR.format(v), projection) for v in ("this", "path", "value"))
    # Find the WHERE group's opening brace in the original text (same offsets as the stripped copy
    # only if no literal shrank before it, so search the original from the SELECT keyword on).
    start = re.search(r"\bSELECT\b", text, re.IGNORECASE)
    assert start is not None
    brace = _first_brace(text, start.end())
    proj_pos = start.end()
    modifier = re.match(r"\s*(DISTINCT|REDUCED)\b", text[proj_pos:], re.IGNORECASE)
    if modifier:
        proj_pos += modifier.end()
    this_projected = star or re.search(_VAR.format("this"), projection)
    head = text[:proj_pos] + ("" if this_projected else " ?this") + text[proj_pos : brace + 1]
    query = head + " " + focus + " " + text[brace + 1 :]
    query = re.sub(r"\$this\b", "?this", query)
    if not star:  # the OPTIONAL rewrite adds a variable that SELECT * would show
        query = rewrite_not_exists(query)
    return _prefixes(shapes, constraint) + query, projects


# --- FILTER NOT EXISTS, rewritten -----------------------------------------------------------------
# Oxigraph evaluates FILTER NOT EXISTS row by row, which is orders of magnitude slower than MINUS
# (see docs of issue #6 / perf-notes). The rewrites below are only applied where they are provably
# equivalent; anything else is left as written.

_NOT_EXISTS = re.compile(r"FILTER\s+NOT\s+EXISTS\s*\{", re.IGNORECASE)
_VARIABLE = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)")


def _skip_token(text: str, i: int) -> int:
    """If a string, IRI or comment starts at ``i``, the index after it; else ``i``."""
    ch = text[i]
    if ch in "\"'":
        end = text.find(ch, i + 1)
        while end != -1 and text[end - 1] == "\\":
            end = text.find(ch, end + 1)
        return end + 1 if end != -1 else len(text)
    if ch == "<":
        end = text.find(">", i + 1)
        if end != -1 and not re.search(r"[\s{}]", text[i + 1 : end]):
            return end + 1
    if ch == "#":
        end = text.find("\n", i)
        return end + 1 if end != -1 else len(text)
    return i


def _matching(text: str, open_at: int) -> int:
    """Index of the ``}`` closing the ``{`` at ``open_at``."""
    depth, i = 0, open_at
    while i < len(text):
        j = _skip_token(text, i)
        if j != i:
            i = j
            continue
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise Unsupported("unbalanced braces in query")


def _without_blocks(text: str) -> str:
    """Top-level text of a group: nested ``{...}`` blocks and FILTER/BIND expressions removed."""
    out, i = [], 0
    while i < len(text):
        j = _skip_token(text, i)
        if j != i:
            out.append(text[i:j])
            i = j
            continue
        if text[i] == "{":
            i = _matching(text, i) + 1
            continue
        m = re.match(r"(FILTER|BIND)\s*\(", text[i:], re.IGNORECASE)
        if m and (i == 0 or not text[i - 1].isalnum()):
            depth, k = 0, i + m.end() - 1
            while k < len(text):
                if text[k] == "(":
                    depth += 1
                elif text[k] == ")":
                    depth -= 1
                    if depth == 0:
                        break
                k += 1
            i = k + 1
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


def _vars(text: str) -> set[str]:
    return set(_VARIABLE.findall(re.sub(r'"(?:\\.|[^"\\])*"|<[^<>\s{}]*>', " ", text)))


def rewrite_not_exists(query: str) -> str:
    """Rewrite the WHERE group's top-level ``FILTER NOT EXISTS { P }``.

    * ``MINUS { P }`` when P is a flat group whose variables shared with the outer group are all
      certainly bound there (plain triple patterns), at least one is shared, and P's filters only
      read P's own variables: then "no compatible solution of P" is exactly "P has no solution
      with these values".
    * otherwise ``OPTIONAL { P BIND(true AS ?_nxN) } FILTER(!BOUND(?_nxN))`` at the end of the group:
      P's top-level filters become the left-join condition and see the outer row, just as inside
      NOT EXISTS; rows where P matches are dropped, other rows are kept once.
    """
    select = re.search(r"\bSELECT\b", query, re.IGNORECASE)
    if not select:
        return query
    where_open = _first_brace(query, select.end())
    where_close = _matching(query, where_open)
    body = query[where_open + 1 : where_close]
    blocks = []  # (start, end) of each top-level FILTER NOT EXISTS in body
    i = 0
    while i < len(body):
        j = _skip_token(body, i)
        if j != i:
            i = j
            continue
        if body[i] == "{":
            i = _matching(body, i) + 1
            continue
        m = _NOT_EXISTS.match(body, i)
        if m and (i == 0 or not body[i - 1].isalnum()):
            close = _matching(body, m.end() - 1)
            blocks.append((i, m.end(), close))
            i = close + 1
            continue
        i += 1
    if not blocks:
        return query
    rest = body
    for start, _, close in reversed(blocks):
        rest = rest[:start] + " " + rest[close + 1 :]
    certain = _vars(_without_blocks(rest)) | {"this"}
    outer_all = _vars(rest)
    new_body, tail, n = body, [], 0
    for start, inner_open, close in reversed(blocks):
        inner = body[inner_open:close]
        inner_triples = _vars(_without_blocks(inner))
        shared = _vars(inner) & outer_all
        flat = "{" not in _without_blocks(inner) and "{" not in inner
        if flat and shared and shared <= certain and shared <= inner_triples:
            replacement = " MINUS {" + inner + "} "
        elif flat:
            n += 1
            var = f"?_nx{n}"
            tail.append(f" OPTIONAL {{ {inner} BIND(true AS {var}) }} FILTER(!BOUND({var})) ")
            replacement = " "
        else:
            continue
        new_body = new_body[:start] + replacement + new_body[close + 1 :]
    return query[: where_open + 1] + new_body + "".join(tail) + query[where_close:]


def _first_brace(text: str, pos: int) -> int:
    """Index of the first ``{`` at or after ``pos`` that is not inside a string or an IRI."""
    i, n = pos, len(text)
    while i < n:
        ch = text[i]
        if ch in "\"'":
            end = text.find(ch, i + 1)
            while end != -1 and text[end - 1] == "\\":
                end = text.find(ch, end + 1)
            i = end + 1 if end != -1 else n
            continue
        if ch == "<":
            end = text.find(">", i + 1)
            if end != -1 and not re.search(r"[\s{}]", text[i + 1 : end]):
                i = end + 1
                continue
        if ch == "#":
            end = text.find("\n", i)
            i = end + 1 if end != -1 else n
            continue
        if ch == "{":
            return i
        i += 1
    raise Unsupported("query has no WHERE group")


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


def _shape_kinds(shapes: Graph) -> tuple[set[Node], dict[Node, list[Node]]]:
    """(every shape node, property shape -> the node shapes it belongs to)."""
    parents: dict[Node, list[Node]] = {}
    for node, prop in shapes.subject_objects(SH.property):
        parents.setdefault(prop, []).append(node)
    found: set[Node] = set(parents) | set(shapes.subjects(SH.property, None))
    for cls in (SH.NodeShape, SH.PropertyShape):
        found |= set(shapes.subjects(RDF.type, cls))
    for pred in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.sparql, SH.path):
        found |= set(shapes.subjects(pred, None))
    return found, parents


def unsupported(shapes: Graph) -> list[str]:
    """Why the SPARQL engine cannot run these shapes exactly (empty if it can)."""
    try:
        plan(shapes)
    except Unsupported as exc:
        return [str(exc)]
    return []


def plan(shapes: Graph) -> Plan:
    """Translate every active constraint of every shape into one batched SELECT."""
    out = Plan()
    if any(shapes.triples((None, SH.rule, None))) or any(shapes.triples((None, RDF.type, SH.ConstraintComponent))):
        raise Unsupported("sh:rule or custom constraint components")
    all_shapes, parents = _shape_kinds(shapes)
    for shape in sorted(all_shapes, key=str):
        if _is_true(shapes.value(shape, SH.deactivated)):
            continue
        for pred in set(shapes.predicates(shape, None)):
            if str(pred).startswith(str(SH)) and pred not in CORE and pred not in DESCRIPTIVE:
                raise Unsupported(f"shape {shape}: {shorten(str(pred))}")
            if pred == SH.property:
                for prop in shapes.objects(shape, SH.property):
                    if (prop, SH.property, None) in shapes:
                        raise Unsupported(f"shape {prop}: nested property shapes")
        patterns = _targets(shapes, shape)
        for parent in parents.get(shape, []):
            if not _is_true(shapes.value(parent, SH.deactivated)):
                patterns += _targets(shapes, parent)
        if not patterns:
            continue
        focus = _focus_block(sorted(set(patterns)))
        # Core constraints dedupe on their own (SELECT DISTINCT, COUNT(DISTINCT), run_plan's seen-set), so
        # they can also take the targets as a plain pattern, which Oxigraph runs as index look-ups per
        # focus node; the DISTINCT sub-select is planned as a hash join that scans the whole property.
        # Look-ups win for a few focus nodes (1.2 s -> 0.03 s for the obligations' dcterms:identifier at
        # 1.1M triples), the scan for many (0.4 s vs 1.3 s for the 80k evidence items' cg:sha256).
        flat = " UNION ".join(sorted(set(patterns)))
        classes = _target_classes(shapes, shape) + [
            c for pa in parents.get(shape, []) for c in _target_classes(shapes, pa)
        ]
        only_classes = len(set(classes)) == len(set(patterns))
        path_node = shapes.value(shape, SH.path)
        path = sparql_path(shapes, path_node) if path_node is not None else None
        severity = _severity(shapes, shape)
        messages = sorted(shapes.objects(shape, SH.message), key=str)
        common = dict(shape=shape, severity=severity, path=path_node, messages=messages)

        for constraint in shapes.objects(shape, SH.sparql):
            if _is_true(shapes.value(constraint, SH.deactivated)):
                continue
            query, projects = _sparql_query(shapes, shape, constraint, focus, path)
            if not projects:
                continue  # pySHACL drops rows that bind none of this/path/value
            extra = sorted(shapes.objects(constraint, SH.message), key=str)
            out.queries.append(
                Query(
                    component=SH.SPARQLConstraintComponent,
                    sparql=query,
                    constraint=constraint,
                    value_is_focus=path_node is None,
                    keep_vars=True,
                    **{**common, "messages": [m for m in extra if m not in messages] + messages},
                )
            )

        values = f"?this {path} ?v ." if path else "BIND(?this AS ?v)"
        shown = _qname(shapes, path_node) if isinstance(path_node, URIRef) else (path or "")
        for pred, obj in sorted(shapes.predicate_objects(shape)):
            if pred not in CORE or pred == SH.flags:
                continue
            comp = COMPONENT[pred]
            if pred in (SH.minCount, SH.maxCount):
                n = int(obj)
                if path is None:
                    raise Unsupported(f"shape {shape}: {shorten(str(pred))} on a node shape")
                if pred == SH.minCount and n == 1:
                    sparql = f"SELECT ?this WHERE {{ {focus} MINUS {{ ?this {path} ?v }} }}"
                elif pred == SH.minCount:
                    if n <= 0:
                        continue
                    sparql = (
                        f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {path} ?v }} }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {n})"
                    )
                else:
                    sparql = (
                        f"SELECT ?this WHERE {{ {focus} ?this {path} ?v }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {n})"
                    )
                word = "Less" if pred == SH.minCount else "More"
                out.queries.append(
                    Query(
                        component=comp,
                        sparql=sparql,
                        generic=f"{word} than {n} values on {{this}}->{shown}",
                        **common,
                        **_few(sparql, focus, flat, classes, only_classes),
                    )
                )
                continue
            if pred == SH.hasValue:
                sparql = f"SELECT ?this WHERE {{ {focus} MINUS {{ ?this {path or ''} {_nt(obj)} }} }}"
                if path is None:
                    sparql = f"SELECT ?this WHERE {{ {focus} FILTER(!sameTerm(?this, {_nt(obj)})) }}"
                out.queries.append(
                    Query(
                        component=comp,
                        sparql=sparql,
                        generic=f"Value {obj} not found",
                        **common,
                        **_few(sparql, focus, flat, classes, only_classes),
                    )
                )
                continue
            cond, generic = _value_filter(shapes, pred, obj, shape)
            if pred == SH["class"]:
                sparql = (
                    f"SELECT DISTINCT ?this ?v WHERE {{ {focus} {values} "
                    f"MINUS {{ ?v <{RDF.type}>/<{RDFS.subClassOf}>* {_nt(obj)} }} }}"
                )
            else:
                sparql = f"SELECT DISTINCT ?this ?v WHERE {{ {focus} {values} FILTER({cond}) }}"
            out.queries.append(
                Query(
                    component=comp,
                    sparql=sparql,
                    generic=generic,
                    **common,
                    **_few(sparql, focus, flat, classes, only_classes),
                )
            )
    return out


# --- running ---------------------------------------------------------------------------------------


def _message(template: str, bindings: dict[str, Node | None]) -> str:
    for var, val in bindings.items():
        if val is not None:
            template = re.sub(f"{{[?$]{var}}}", lambda _m, v=val: str(v), template)
    return template


def _rule_name(shapes: Graph, q: Query) -> str:
    node = q.constraint if q.constraint is not None and shapes.value(q.constraint, RDFS.label) else q.shape
    return _label(shapes, node)


def run_plan(
    store: GraphStore, p: Plan, graphs: list[str], shapes: Graph
) -> list[tuple[Query, dict[str, Node | None]]]:
    rows: list[tuple[Query, dict[str, Node | None]]] = []
    # The union default graph: naming ~100 graphs explicitly makes every pattern a 100-way union
    # (minutes instead of seconds at 1M triples). The saved report graph is then visible too; it
    # only holds sh: results and a report node that is not a cg:ValidationRun.
    # pyoxigraph releases the GIL while it evaluates, so the constraints run on every core (2x on two);
    # map() keeps the plan's order, so the findings do not depend on which query finished first.
    few = _few_instances(store, {c for q in p.queries for c in q.target_classes})

    def text(q: Query) -> str:
        small = q.few_sparql is not None and all(c in few for c in q.target_classes)
        return sparql_prefixes() + (q.few_sparql if small else q.sparql)  # type: ignore[operator]

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        results = list(pool.map(lambda q: store.query(text(q)), p.queries))
    for q, res in zip(p.queries, results, strict=True):
        seen = set()
        for d in res.dicts():
            key = (
                tuple(sorted((k, v) for k, v in d.items() if v is not None))
                if q.keep_vars
                else (d.get("this"), d.get("v"))
            )
            if key in seen:
                continue
            seen.add(key)
            rows.append((q, d))
    return rows


FEW_FOCUS_NODES = 20_000


def _few_instances(store: GraphStore, classes: set[URIRef]) -> set[URIRef]:
    """The classes with fewer than FEW_FOCUS_NODES instances (each count stops at the limit)."""
    out = set()
    for c in sorted(classes):
        res = store.query(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ {{ SELECT ?x WHERE {{ ?x <{RDF.type}>/<{RDFS.subClassOf}>* <{c}> }} "
            f"LIMIT {FEW_FOCUS_NODES} }} }}"
        )
        if int(res.rows[0][0]) < FEW_FOCUS_NODES:
            out.add(c)
    return out


def _labels(store: GraphStore, nodes: Iterable[Node], graphs: list[str]) -> dict[Node, str]:
    """rdfs:label, sh:name or dcterms:title of each node, like validate._label on the data graph."""
    iris = sorted({n for n in nodes if isinstance(n, URIRef)})
    out: dict[Node, str] = {}
    ox_store = getattr(store, "oxigraph", None)
    if ox_store is not None:
        # Direct index look-ups: a VALUES join over thousands of IRIs is planned as a scan by Oxigraph.
        import pyoxigraph as ox

        preds = [ox.NamedNode(str(p)) for p in (RDFS.label, SH.name, DCTERMS.title)]
        for n in iris:
            node = ox.NamedNode(str(n))
            for pred in preds:
                quad = next(iter(ox_store.quads_for_pattern(node, pred, None, None)), None)
                if quad is not None:
                    out[n] = quad.object.value
                    break
        return out
    for i in range(0, len(iris), 2000):
        chunk = " ".join(f"<{n}>" for n in iris[i : i + 2000])
        res = store.query(
            "SELECT ?n ?k ?l WHERE { VALUES ?n { " + chunk + " } "
            "VALUES (?k ?p) { (0 <http://www.w3.org/2000/01/rdf-schema#label>) (1 <http://www.w3.org/ns/shacl#name>) "
            "(2 <http://purl.org/dc/terms/title>) } ?n ?p ?l }",
        )
        best: dict[Node, tuple[int, str]] = {}
        for n, k, lab in res.rows:
            cand = (int(k), str(lab))
            if n not in best or cand < best[n]:
                best[n] = cand
        out.update({n: v[1] for n, v in best.items()})
    return out


def findings_from_rows(
    rows: list[tuple[Query, dict[str, Node | None]]], shapes: Graph, labels: dict[Node, str]
) -> tuple[list[Finding], list[tuple[Node, Node, Node]]]:
    """The same Finding objects (and SHACL report triples) that validate.findings_from_report makes."""
    report: list[tuple[Node, Node, Node]] = []
    rule_names: dict[int, str] = {}
    report_node = BNode()
    report.append((report_node, RDF.type, SH.ValidationReport))
    findings = []
    conforms = True
    for q, d in rows:
        focus = d.get("this")
        if focus is None:
            continue
        path = d.get("path") if q.keep_vars and d.get("path") is not None else q.path
        value = d.get("value") if q.keep_vars else d.get("v")
        if value is None and q.value_is_focus:
            value = focus
        if q.keep_vars:
            binds = {k: v for k, v in d.items() if v is not None}
            messages = [_message(str(m), binds) for m in q.messages]
        else:
            shown = f"<{focus}>" if isinstance(focus, URIRef) else str(focus)  # pySHACL's stringify_node
            messages = [str(m) for m in q.messages] or [q.generic.replace("{this}", shown)]
        if id(q) not in rule_names:
            rule_names[id(q)] = _rule_name(shapes, q)
        severity = shorten(str(q.severity)).removeprefix("sh:")
        if severity == "Violation":
            conforms = False
        r = BNode()
        report.append((report_node, SH.result, r))
        report.append((r, RDF.type, SH.ValidationResult))
        report.append((r, SH.focusNode, focus))
        report.append((r, SH.resultSeverity, q.severity))
        report.append((r, SH.sourceShape, q.shape))
        report.append((r, SH.sourceConstraintComponent, q.component))
        if q.constraint is not None:
            report.append((r, SH.sourceConstraint, q.constraint))
        if path is not None:
            report.append((r, SH.resultPath, path))
        if value is not None:
            report.append((r, SH.value, value))
        for m in messages:
            report.append((r, SH.resultMessage, Literal(m)))
        findings.append(
            Finding(
                severity=severity,
                rule=rule_names[id(q)],
                focus=str(focus),
                focus_label=labels.get(focus) or (shorten(str(focus)) if isinstance(focus, URIRef) else str(focus)),
                message=messages[0] if messages else "constraint not met",
                path=shorten(str(path)) if isinstance(path, URIRef) else None,
                value=str(value) if value is not None else None,
                shape=str(q.shape) if isinstance(q.shape, URIRef) else None,
            )
        )
    report.append((report_node, SH.conforms, Literal(conforms)))
    return sorted(set(findings), key=Finding.sort_key), report


def validate_store_sparql(store: GraphStore, as_of: date, shapes: Graph | None = None) -> Outcome:
    """Run the shapes as SPARQL on the store; raises Unsupported if they need pySHACL."""
    shapes = shapes if shapes is not None else load_shapes()
    p = plan(shapes)
    graphs = _data_graphs(store)
    # The validation date lives in a throw-away graph, exactly as validate_graph adds it to the data.
    run_graph = graph_iri("validation", "run", uuid.uuid4().hex)
    run = "_:run"
    triples = f'{run} <{RDF.type}> <{CG.ValidationRun}> .\n{run} <{CG.asOf}> "{as_of}"^^<{XSD.date}> .\n'
    store.replace_graph(run_graph, triples.encode())
    try:
        rows = run_plan(store, p, graphs + [run_graph], shapes)
        labels = _labels(store, (d.get("this") for _, d in rows), graphs)
    finally:
        store.drop_graph(run_graph)
    findings, report = findings_from_rows(rows, shapes, labels)
    conforms = not any(f.severity == "Violation" for f in findings)
    return Outcome(as_of, conforms, findings, report)
