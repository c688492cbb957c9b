"""Shapes to a plan: one batched SELECT per active constraint over all of its focus nodes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from compgraph.checks.sparql.components import (
    COMPONENT,
    CORE,
    DESCRIPTIVE,
    Unsupported,
    _nt,
    _value_filter,
)
from compgraph.checks.sparql.logic import EXTENDED, is_true
from compgraph.checks.sparql.rewrite import _first_brace, _reads_alone, hash_join_query, rewrite_not_exists
from compgraph.checks.sparql.shaped import extended_queries
from compgraph.checks.sparqlrules import declared_prefixes, reads_this_in_an_inner_group
from compgraph.checks.sparqltext import strip
from compgraph.checks.targets import is_implicit_class_shape, shacl_instances, typed_shapes
from compgraph.graph.namespaces import shorten


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
    # For the value nodes of a property shape above: how many focus nodes above reach each (see _focus_groups).
    repeat_sparql: str | None = None
    # A blank-node path as the report writes it: the path as the query reads it, copied out of the shapes.
    path_triples: list[tuple[Node, Node, Node]] = field(default_factory=list)
    # (path, ASK): the ASK is false only if the query has no rows, whichever form runs (see run._empty_probes).
    probe: tuple[str, str] | None = None
    # (path, query): the per-focus form as row-by-row look-ups (FILTER NOT EXISTS) instead of a MINUS that reads
    # the whole property, for a few focus nodes and a large property (see run.lookups).
    lookup: tuple[str, str] | None = None


@dataclass
class Plan:
    queries: list[Query] = field(default_factory=list)
    # Shapes with targets the SPARQL engine runs, and those left to pySHACL with the reason.
    sparql_roots: list[Node] = field(default_factory=list)
    fallback: dict[Node, str] = field(default_factory=dict)




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


def copy_path(shapes: Graph, path: Node | None) -> tuple[Node | None, list[tuple[Node, Node, Node]]]:
    """(node, triples) of a copy of a SHACL path holding just what ``sparql_path`` reads, so the report
    states the path that was validated even when the shapes' path node says more (W3C path-strange)."""
    if not isinstance(path, BNode):
        return path, []
    node, out = BNode(), []
    if (path, RDF.first, None) in shapes:
        items = [copy_path(shapes, p) for p in Collection(shapes, path)]
        head: Node = RDF.nil
        for item, triples in reversed(items):
            cell = BNode()
            out += [(cell, RDF.first, item), (cell, RDF.rest, head), *triples]  # type: ignore[list-item]
            head = cell
        return head, out
    for pred in (SH.inversePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath, SH.alternativePath):
        inner = shapes.value(path, pred)
        if inner is not None:
            copied, triples = copy_path(shapes, inner)
            return node, [(node, pred, copied), *triples]  # type: ignore[list-item]
    return path, []


def _prefixes(shapes: Graph, node: Node) -> str:
    """PREFIX lines from sh:prefixes/sh:declare (and what the prefixes' nodes owl:import)."""
    return "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in declared_prefixes(shapes, node))


def _targets(shapes: Graph, shape: Node) -> list[str]:
    """SPARQL patterns binding ``?this`` to each kind of target the shape declares."""
    out = []
    classes = set(_target_classes(shapes, shape, named_only=False))
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


def _target_classes(shapes: Graph, shape: Node, named_only: bool = True) -> list:
    """The classes behind _targets' class patterns (explicit and implicit class targets; with ``named_only``
    only IRIs)."""
    classes = set(shapes.objects(shape, SH.targetClass))
    if is_implicit_class_shape(shapes, shape):
        classes.add(shape)
    return sorted((c for c in classes if isinstance(c, URIRef) or not named_only), key=str)


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


_is_true = is_true


_VAR = r"[?$]{}\b"
_SUBSELECT = re.compile(r"\{\s*SELECT\b", re.IGNORECASE)
_AGGREGATE = re.compile(r"\b(COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\s*\(", re.IGNORECASE)


def _sparql_query(
    shapes: Graph, shape: Node, constraint: Node, focus: str, path: str | None, nested: bool = True
) -> tuple[str, bool]:
    """Rewrite one sh:select so it runs once for every focus node; returns (query, projects a result var)."""
    text = str(shapes.value(constraint, SH.select))
    if path is not None:
        text = re.sub(r"\$PATH\b", path, text)
    elif "$PATH" in text:
        raise Unsupported(f"{constraint}: $PATH on a node shape")
    bare = strip(text)
    if re.search(r"\$(shapesGraph|currentShape|value)\b", bare):
        raise Unsupported(f"{constraint}: pre-bound variables other than $this")
    if reads_this_in_an_inner_group(bare):
        raise Unsupported(f"{constraint}: a FILTER or BIND reads $this in an inner group (only pre-binding binds it)")
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
    if not group and (_AGGREGATE.search(projection) or re.search(r"\bHAVING\b", bare, re.IGNORECASE)):
        # Under pre-binding all of a focus node's solutions are one group, which yields a row even when there are
        # none (COUNT 0); grouping the joined focus nodes by ?this would drop exactly those. Oxigraph refused it.
        raise Unsupported(f"{constraint}: an aggregate without GROUP BY (one group per focus node by pre-binding only)")
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
        query = rewrite_not_exists(query, focus, nested)
    if nested:  # the embedded store: its patterns read whole and hash-joined (see rewrite.hash_joins)
        query = hash_join_query(query)
    return _prefixes(shapes, constraint) + query, projects




def _shape_kinds(shapes: Graph) -> tuple[set[Node], dict[Node, list[Node]]]:
    """(every shape node, property shape -> the node shapes it belongs to)."""
    parents: dict[Node, list[Node]] = {}
    for node, prop in shapes.subject_objects(SH.property):
        parents.setdefault(prop, []).append(node)
    found: set[Node] = set(parents) | set(shapes.subjects(SH.property, None))
    found |= typed_shapes(shapes)
    for pred in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.sparql, SH.path):
        found |= set(shapes.subjects(pred, None))
    return found | shapes_by_reference(shapes), parents


def shape_nodes(shapes: Graph) -> set[Node]:
    """Every node of the shapes graph that is a shape (typed, targeted, with a property, path or SPARQL
    constraint, or named as one): what the planner plans, and what validate.only_these must know to leave a
    shape out."""
    return _shape_kinds(shapes)[0]


def shapes_by_reference(shapes: Graph) -> set[Node]:
    """The nodes that are shapes because sh:node, sh:not, sh:qualifiedValueShape or an sh:and/or/xone list names
    them, or because they have an sh:node, as pySHACL finds them: a class among them has an implicit class target."""
    found = set(shapes.subjects(SH.node, None))
    for pred in (SH.node, SH["not"], SH.qualifiedValueShape):
        found |= set(shapes.objects(None, pred))
    for pred in (SH["and"], SH["or"], SH.xone):
        for lst in shapes.objects(None, pred):
            found |= set(shapes.items(lst))
    return found


def unsupported(shapes: Graph) -> list[str]:
    """Why the SPARQL engine cannot run some of these shapes (empty if it runs them all)."""
    return [f"{shorten(str(shape))}: {why}" for shape, why in plan_each(shapes).fallback.items()]


def plan(shapes: Graph) -> Plan:
    """Every active constraint of every shape as one batched SELECT; raises Unsupported if any shape needs pySHACL."""
    p = plan_each(shapes)
    if p.fallback:
        raise Unsupported("; ".join(unsupported(shapes)))
    return p


AS_WRITTEN_IN_DATA = (
    "SHACL-SPARQL on data holding literals kept as written (load --as-written): its query would see them "
    "under their escaped datatype"
)


def plan_each(shapes: Graph, as_written_data: bool = False, nested: bool = True) -> Plan:
    """Plan each shape on its own: a shape the translation does not cover goes to ``Plan.fallback`` (with the
    reason) and takes its node shapes with it (their targets are its focus nodes), the rest runs as SPARQL.
    ``as_written_data``: the data holds escaped literals, which a shape's own SPARQL cannot read as written.
    ``nested``: a NOT EXISTS nested in a NOT EXISTS may become a MINUS of a sub-select (for the embedded store;
    Virtuoso 7.2 cannot compile that form: "SP031 ... must print something but can not")."""
    out = Plan()
    all_shapes, parents = _shape_kinds(shapes)
    if any(shapes.triples((None, SH.rule, None))) or shacl_instances(shapes, SH.ConstraintComponent):
        out.fallback = {s: "sh:rule or custom constraint components" for s in _roots(shapes, all_shapes, parents)}
        return out
    fallback: dict[Node, str] = {}
    while True:
        queries, failed = [], {}
        for shape in sorted(all_shapes, key=str):
            if as_written_data and (shape, SH.sparql, None) in shapes:
                failed[shape] = AS_WRITTEN_IN_DATA
                continue
            try:
                queries += _plan_shape(shapes, shape, parents, set(fallback), nested)
            except Unsupported as exc:
                failed[shape] = str(exc)
        grown = dict(fallback)
        for shape, why in failed.items():
            for root in _owners(shapes, shape, parents):
                grown.setdefault(root, why)
        if grown.keys() == fallback.keys():
            break
        fallback = grown
    out.queries, out.fallback = queries, fallback
    out.sparql_roots = [r for r in _roots(shapes, all_shapes, parents) if r not in fallback]
    return out


def _has_targets(shapes: Graph, shape: Node) -> bool:
    # Read from the triples, not from _targets' patterns: a target no query can name (a blank node class) must
    # still count, or its Unsupported escapes the planner instead of sending the shape to pySHACL.
    if (shape, SH.target, None) in shapes or _target_classes(shapes, shape, named_only=False):
        return True
    return any((shape, p, None) in shapes for p in (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf))


def _owners(shapes: Graph, shape: Node, parents: dict[Node, list[Node]], seen: frozenset = frozenset()) -> set[Node]:
    """The shape itself if it has targets, and the node shapes above it through sh:property."""
    out = {shape} if _has_targets(shapes, shape) else set()
    for parent in parents.get(shape, []):
        if parent not in seen:
            out |= _owners(shapes, parent, parents, seen | {shape}) | {parent}
    return out


def _roots(shapes: Graph, all_shapes: set[Node], parents: dict[Node, list[Node]]) -> list[Node]:
    """The shapes with targets of their own, or under one that has: what an engine is said to run."""
    return sorted((s for s in all_shapes if _has_targets(shapes, s)), key=str)


def _plan_shape(
    shapes: Graph, shape: Node, parents: dict[Node, list[Node]], skip: set[Node], nested: bool = True
) -> list[Query]:
    """The queries of one shape over each group of its focus nodes (``skip``'s targets excepted)."""
    out: list[Query] = []
    if _is_true(shapes.value(shape, SH.deactivated)):
        return out
    for pred in set(shapes.predicates(shape, None)):
        if str(pred).startswith(str(SH)) and pred not in CORE and pred not in DESCRIPTIVE and pred not in EXTENDED:
            raise Unsupported(f"{shorten(str(pred))}")
    for patterns, classes in _focus_groups(shapes, shape, parents, skip):
        queries = _group_queries(shapes, shape, patterns, classes, nested)
        if any("?_up0" in p for p in patterns):
            inner = f"SELECT DISTINCT * WHERE {{ {patterns[0]} }}"
            repeat = f"SELECT ?this (COUNT(*) AS ?n) WHERE {{ {inner} }} GROUP BY ?this"
            for q in queries:
                q.repeat_sparql = repeat
        out += queries
    return out


def _focus_groups(
    shapes: Graph, shape: Node, parents: dict[Node, list[Node]], skip: set[Node], depth: int = 0
) -> list[tuple[list[str], list[URIRef]]]:
    """The shape's focus nodes as groups of ``?this`` patterns (with the classes behind them): its own and its
    node shapes' targets in one group; for each property shape it sits under, that shape's value nodes, in a
    group of their own so a node reached through two paths is validated (and reported) once per path."""
    if depth > len(parents):  # deeper than there are property shapes: a cycle of sh:property (recursion, undefined)
        raise Unsupported(f"shape {shorten(str(shape))}: recursive sh:property references")
    direct = _targets(shapes, shape) if shape not in skip else []
    classes = _target_classes(shapes, shape) if shape not in skip else []
    nested: list[tuple[list[str], list[URIRef]]] = []
    for parent in parents.get(shape, []):
        if parent in skip or _is_true(shapes.value(parent, SH.deactivated)):
            continue
        parent_path = shapes.value(parent, SH.path)
        if parent_path is None:
            direct += _targets(shapes, parent)
            classes += _target_classes(shapes, parent)
            continue
        for patterns, _ in _focus_groups(shapes, parent, parents, skip, depth + 1):
            up = f"?_up{depth}"
            inner = " UNION ".join(sorted(set(patterns))).replace("?this", up)
            nested.append(([f"{{ {inner} {up} {sparql_path(shapes, parent_path)} ?this }}"], []))
    # A value node reached from several focus nodes above is validated, and reported, once for each.
    return ([(direct, classes)] if direct else []) + nested


def _group_queries(
    shapes: Graph, shape: Node, patterns: list[str], classes: list[URIRef], nested: bool = True
) -> list[Query]:
    """The queries of one shape over one group of focus nodes.

    Long because each constraint kind (core parameter, sh:class, sh:hasValue, SHACL-SPARQL, shape-based) shares
    the target and focus-block set-up computed once per shape; split, that state would travel in a dozen args.
    """
    out: list[Query] = []
    focus = _focus_block(sorted(set(patterns)))
    # Core constraints dedupe on their own (SELECT DISTINCT, COUNT(DISTINCT), run_plan's seen-set), so
    # they can also take the targets as a plain pattern, which Oxigraph runs as index look-ups per
    # focus node; the DISTINCT sub-select is planned as a hash join that scans the whole property.
    # Look-ups win for a few focus nodes (1.2 s -> 0.03 s for the obligations' dcterms:identifier at
    # 1.1M triples), the scan for many (0.4 s vs 1.3 s for the 80k evidence items' cg:sha256).
    flat = " UNION ".join(sorted(set(patterns)))
    only_classes = len(set(classes)) == len(set(patterns))
    path_node = shapes.value(shape, SH.path)
    path = sparql_path(shapes, path_node) if path_node is not None else None
    severity = _severity(shapes, shape)
    messages = sorted(shapes.objects(shape, SH.message), key=str)
    report_path, path_triples = copy_path(shapes, path_node)
    common = dict(shape=shape, severity=severity, path=report_path, messages=messages, path_triples=path_triples)

    for constraint in shapes.objects(shape, SH.sparql):
        if _is_true(shapes.value(constraint, SH.deactivated)):
            continue
        query, projects = _sparql_query(shapes, shape, constraint, focus, path, nested)
        if not projects:
            continue  # pySHACL drops rows that bind none of this/path/value
        extra = sorted(shapes.objects(constraint, SH.message), key=str)
        out.append(
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
        if pred in EXTENDED:
            out += [Query(**common, **q) for q in extended_queries(shapes, shape, pred, obj, focus, path, sparql_path)]
            continue
        if pred not in CORE or pred == SH.flags:
            continue
        comp = COMPONENT[pred]
        if pred in (SH.minCount, SH.maxCount):
            n = int(obj)
            if path is None:
                raise Unsupported(f"shape {shape}: {shorten(str(pred))} on a node shape")
            lookup = None
            if pred == SH.minCount and n == 1:
                sparql = f"SELECT ?this WHERE {{ {focus} MINUS {{ ?this {path} ?v }} }}"
                if only_classes and classes and _reads_alone(path):
                    # ?this is bound on every row of the class patterns, the only variable the two sides share:
                    # MINUS and NOT EXISTS remove the same rows.
                    lookup = (path, f"SELECT ?this WHERE {{ {flat} FILTER NOT EXISTS {{ ?this {path} ?v }} }}")
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
            # Batched, a query meets all of its focus nodes anyway, and Oxigraph joins a sub-select by hashing it:
            # the values counted (here) or tested (the value constraints below) for every subject first, only
            # the few wrong ones meet the focus nodes (the 81k evidence items' sh:maxCount 0.32 -> 0.11 CPU s at
            # 1.1M triples). Not for a path of length zero (``*``, ``?``): alone it matches every node; and only on
            # the embedded store (``nested``), as the hash-join form: a remote server plans its own joins.
            batched, probe = sparql, None
            if pred == SH.maxCount and nested and _reads_alone(path):
                counted = f"SELECT ?this WHERE {{ ?this {path} ?v }} GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {n})"
                batched = f"SELECT ?this WHERE {{ {focus} {{ {counted} }} }}"
                # Each subject has one value or more, so if the values beyond each subject's first number fewer than
                # n, no subject has more than n: two counts, cheaper than counting per subject (exact for n = 1).
                pairs = f"SELECT DISTINCT ?s ?o WHERE {{ ?s {path} ?o }}"
                excess = f"SELECT (COUNT(*) AS ?t) (COUNT(DISTINCT ?s) AS ?u) WHERE {{ {{ {pairs} }} }}"
                probe = (path, f"ASK {{ {{ {excess} }} FILTER(?t - ?u >= {n}) }}")
            out.append(
                Query(
                    component=comp,
                    sparql=batched,
                    generic=f"{word} than {n} values on {{this}}->{shown}",
                    probe=probe,
                    lookup=lookup,
                    **common,
                    **_few(sparql, focus, flat, classes, only_classes),
                )
            )
            continue
        if pred == SH.hasValue:
            sparql = f"SELECT ?this WHERE {{ {focus} MINUS {{ ?this {path or ''} {_nt(obj)} }} }}"
            if path is None:
                sparql = f"SELECT ?this WHERE {{ {focus} FILTER(!sameTerm(?this, {_nt(obj)})) }}"
            out.append(
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
        batched, probe = sparql, None
        if path is not None and nested and _reads_alone(path):
            wrong = sparql.replace(f"{{ {focus} ", "{ ", 1).replace("SELECT DISTINCT", "SELECT", 1)
            batched = f"SELECT DISTINCT ?this ?v WHERE {{ {focus} {{ {wrong} }} }}"
            # Every row of either form is a row of ``wrong``, which reads no focus node: the values that break the
            # constraint wherever they are. Most often there are none, and one look at them settles every shape
            # with the same path and constraint (dcterms:identifier's datatype: seven shapes).
            probe = (path, f"ASK {{ {{ {wrong} }} }}")
        out.append(
            Query(
                component=comp,
                sparql=batched,
                probe=probe,
                generic=generic,
                **common,
                **_few(sparql, focus, flat, classes, only_classes),
            )
        )
    return out
