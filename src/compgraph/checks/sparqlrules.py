"""SHACL-SPARQL's own rules for the queries of a shapes graph, applied before either engine runs them.

SHACL 1.0 runs a constraint's query with variables pre-bound ($this, $currentShape, $shapesGraph, a
validator's $value and its component's parameters). Pre-binding is defined only for queries without MINUS,
SERVICE or VALUES, whose sub-selects project $this and which never bind a pre-bound variable with AS; a
processor must report a failure for any other query (§5.3.1, the W3C suite's sparql/pre-binding tests). Such
a shapes graph is refused here with one line naming the query's node, so neither engine answers for it:
pySHACL returned a failure object the report reader could not read, and the SPARQL engine, which joins the
focus nodes in instead of pre-binding them, gave an answer.

Prefixes (§5.2.1) are the sh:declare values of each sh:prefixes node and of every ontology it owl:imports,
transitively; two namespaces for one prefix are refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, SH
from rdflib.term import Node

from compgraph.checks.sparqltext import matching, strip
from compgraph.graph.catalog import InputError
from compgraph.graph.namespaces import PREFIXES, shorten
from compgraph.graph.results import QuerySyntaxError, check_nesting
from compgraph.graph.sparqlparse import parse_query

SHAPES_GRAPH = "shapes graph"
_CONSTRAINT_PREBOUND = ("this", "currentShape", "shapesGraph")
_VALIDATOR_PREBOUND = (*_CONSTRAINT_PREBOUND, "value")
_FORBIDDEN = ("MINUS", "SERVICE", "VALUES")


class ShapesError(InputError):
    """A shapes graph SHACL says a processor must refuse; ``str()`` names the query's node and the rule."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(SHAPES_GRAPH, None, message, field=where)


def node_name(shapes: Graph, node: Node) -> str:
    """An IRI as a short name; a blank node by what holds it (the shape whose sh:sparql it is, or the
    component whose validator it is)."""
    if isinstance(node, URIRef):
        return shorten(str(node))
    for pred, what in (
        (SH.sparql, "sh:sparql"),
        (SH.validator, "sh:validator"),
        (SH.nodeValidator, "sh:nodeValidator"),
        (SH.propertyValidator, "sh:propertyValidator"),
    ):
        for owner in shapes.subjects(pred, node):
            return f"the {what} of {node_name(shapes, owner)}"
    return "a blank node"


def _with_imports(shapes: Graph, nodes: list[Node]) -> list[Node]:
    """``nodes`` and every node they owl:import, transitively (each once, in the order reached)."""
    seen: list[Node] = []
    todo = list(nodes)
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.append(node)
            todo.extend(shapes.objects(node, OWL.imports))
    return seen


def declared_prefixes(shapes: Graph, node: Node) -> list[tuple[str, str]]:
    """(prefix, namespace) for a query node: its sh:prefixes' declarations and those of what they import."""
    found: dict[str, str] = {}
    for owner in _with_imports(shapes, list(shapes.objects(node, SH.prefixes))):
        for decl in shapes.objects(owner, SH.declare):
            prefixes, namespaces = list(shapes.objects(decl, SH.prefix)), list(shapes.objects(decl, SH.namespace))
            if len(prefixes) != 1 or len(namespaces) != 1:
                # SHACL 1.0 5.2.1; pySHACL refused it while the SPARQL engine skipped the declaration.
                raise ShapesError(
                    node_name(shapes, node),
                    f"a sh:declare of {node_name(shapes, owner)} has {len(prefixes)} sh:prefix and {len(namespaces)}"
                    " sh:namespace values; SHACL 1.0 (5.2.1) needs exactly one of each",
                )
            prefix, ns = prefixes[0], namespaces[0]
            if found.setdefault(str(prefix), str(ns)) != str(ns):
                raise ShapesError(
                    node_name(shapes, node), f"prefix {prefix!s}: is declared as both <{found[str(prefix)]}> and <{ns}>"
                )
    return sorted(found.items())


def _queries(shapes: Graph) -> Iterator[tuple[Node, str, tuple[str, ...], str]]:
    """Each query node, its text, the variables pre-bound when it runs and the query form its property asks for."""
    validators: dict[Node, set[str]] = {}
    for pred in (SH.validator, SH.nodeValidator, SH.propertyValidator):
        for component, validator in shapes.subject_objects(pred):
            names = validators.setdefault(validator, set())
            for param in shapes.objects(component, SH.parameter):
                path = shapes.value(param, SH.path)
                if path is not None:
                    names.add(re.split(r"[#/:]", str(path))[-1])
    # Only constraints and validators: a SHACL-AF target's or rule's query binds $this itself.
    constraints = set(shapes.objects(None, SH.sparql))
    for pred in (SH.select, SH.ask):
        for node, text in shapes.subject_objects(pred):
            if node not in constraints and node not in validators:
                continue
            params = validators.get(node)
            prebound = _CONSTRAINT_PREBOUND if params is None else (*_VALIDATOR_PREBOUND, *sorted(params))
            yield node, str(text), prebound, "SELECT" if pred == SH.select else "ASK"


def rule_errors(shapes: Graph) -> list[ShapesError]:
    """Each query of the shapes graph that breaks SHACL-SPARQL's pre-binding or prefix rules, by message."""
    errors = []
    for node, text, prebound, form in _queries(shapes):
        try:
            where, bare = node_name(shapes, node), strip(text)
            _check_form(where, bare, form)
            _check(where, bare, prebound)
            _check_parses(where, text, form, declared_prefixes(shapes, node))
        except ShapesError as exc:
            errors.append(exc)
    return sorted(errors, key=str)


def check_rules(shapes: Graph) -> None:
    """Raise the first ShapesError of :func:`rule_errors`, if any."""
    errors = rule_errors(shapes)
    if errors:
        raise errors[0]


# The query form: the first keyword after the prologue's PREFIX and BASE declarations.
_FORM = re.compile(r"\s*(?:(?:PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*([A-Za-z]+)", re.IGNORECASE)


def _check_form(where: str, bare: str, form: str) -> None:
    """sh:select holds a SELECT query (SHACL 1.0, 5.1) and a validator's sh:ask an ASK (6.3.1): pySHACL ran an ASK
    given as sh:select and failed with a TypeError, a traceback from either engine."""
    m = _FORM.match(bare)
    found = m.group(1).upper() if m else ""
    if found != form:
        prop = "sh:select" if form == "SELECT" else "sh:ask"
        raise ShapesError(where, f"{prop} must hold a SPARQL {form} query, not {found or 'this text'} (SHACL 1.0)")


def _check_parses(where: str, text: str, form: str, prefixes: list[tuple[str, str]]) -> None:
    """The query parses as the SPARQL engine reads it (compgraph's prefixes and the declared ones). pySHACL parses
    a query only when a focus node reaches it, so a shape whose braces never closed 'conformed' on data without
    one; the SPARQL engine's parse error named no shape and counted lines of its own rewritten query; and a query
    nested thousands deep crashed Oxigraph's parser."""
    prop = "sh:select" if form == "SELECT" else "sh:ask"
    try:
        check_nesting(text)
    except QuerySyntaxError as exc:
        said = re.sub(r"^error at (\d+):(\d+): ", r"line \1, column \2: ", str(exc))
        raise ShapesError(where, f"{prop} cannot be read: {said}") from None
    import pyoxigraph as ox

    # $PATH is replaced by the path before a component's query runs (SHACL 1.0, 6.3); a SELECT is only parsed
    # here (its rows are never asked for), while an ASK would be evaluated, SERVICE calls and all: an ASK is
    # parsed as the SELECT of the same pattern.
    query = re.sub(r"\$PATH\b", "<urn:x-compgraph:path>", text)
    if form == "ASK":
        m = _FORM.match(query)
        if m is None or m.group(1).upper() != "ASK":
            return
        query = query[: m.start(1)] + "SELECT (1 AS ?compgraph_ask)" + query[m.end(1) :]
    try:
        ox.Store().query(query, prefixes={**dict(PREFIXES), **dict(prefixes)})
    except SyntaxError as exc:
        said = str(exc)
        # Oxigraph also applies rules pre-binding lifts ("SELECT $this ?o ... GROUP BY ?o": $this is a constant
        # once bound): a query rdflib's parser reads is pySHACL's to run, as before, unless a prefix is unknown.
        if "Prefix not found" not in said and _rdflib_parses(text):
            return
        raise ShapesError(where, f"{prop} is not valid SPARQL: {_parse_error(said, text)}") from None


def _rdflib_parses(text: str) -> bool:
    try:
        parse_query(text)
    except Exception:  # rdflib's parser raises several types (and RecursionError); any means "does not parse"
        return False
    return True


def _parse_error(said: str, text: str) -> str:
    """Oxigraph's "error at L:C: expected one of <every token>" as the place in the query and what stands there."""
    m = re.match(r"error at (\d+):(\d+)", said)
    if m is None:
        return said[:200]
    line, column = int(m.group(1)), int(m.group(2))
    lines = text.split("\n")
    # the parser stops just past what it could not read, so the words before the place are shown too
    near = lines[line - 1][max(0, column - 21) : column + 9].strip() if line <= len(lines) else ""
    why = "an undeclared prefix" if "Prefix not found" in said else "a syntax error"
    return f"line {line}, column {column}: {why}" + (f" near {near!r}" if near else "")


def _check(where: str, bare: str, prebound: tuple[str, ...]) -> None:
    rule = "SHACL-SPARQL pre-binding (SHACL 1.0, 5.3.1) does not allow"
    for word in _FORBIDDEN:
        # The keyword, not a variable (?values), a prefixed name (ex:minus) or a prefix (values:x).
        if re.search(rf"(?<![\w?$:-]){word}\b(?![\w-]*:)", bare, re.IGNORECASE):
            raise ShapesError(where, f"{rule} {word} in a query")
    for var in prebound:
        if re.search(rf"\bAS\s*[?$]{var}\b", bare, re.IGNORECASE):
            raise ShapesError(where, f"{rule} rebinding the pre-bound variable ${var} with AS")
    for projection, _body in _sub_selects(bare):
        # "SELECT *" does not count: it projects the sub-select's in-scope variables, and the W3C suite (as
        # pySHACL) reads it as not returning the pre-bound ones (sparql/pre-binding/pre-binding-006).
        if not re.search(r"[?$]this\b", projection):
            raise ShapesError(where, f"{rule} a sub-select that does not return $this")


def _sub_selects(bare: str) -> Iterator[tuple[str, str]]:
    """(projection, body) of each SELECT nested in the query's WHERE group."""
    for m in re.finditer(r"\{\s*SELECT\b", bare, re.IGNORECASE):
        where = re.search(r"\{", bare[m.end() :])
        if where is None:
            continue
        start = m.end() + where.start()
        close = matching(bare, start, tokens=False)
        end = len(bare) if close is None else close
        head = bare[m.end() : start]
        yield re.sub(r"^\s*(DISTINCT|REDUCED)\b|\bWHERE\s*$", "", head.strip(), flags=re.IGNORECASE), bare[start:end]


def reads_this_in_an_inner_group(bare: str) -> bool:
    """Whether a FILTER or BIND reads $this in a group below the WHERE group (a UNION branch, an OPTIONAL, a
    plain {...}) that does not itself match $this in a triple pattern. Pre-binding gives $this the focus node
    there; a query that joins the focus nodes in leaves it unbound until the group is joined, so the filter
    fails and a violation goes unreported (the W3C suite's pre-binding-002, -003 and -005). An EXISTS inside
    the expression is read with it: its pattern sees $this only if the group around it binds it."""
    where = bare.find("{")
    if where < 0:
        return False
    starts: list[int] = []  # where each open group below the WHERE group begins
    i = where + 1
    while i < len(bare):
        c = bare[i]
        if c == "{":
            starts.append(i)
        elif c == "}":
            if not starts:
                break
            starts.pop()
        elif m := re.match(r"(FILTER|BIND)\b", bare[i:], re.IGNORECASE):
            end = _expression_end(bare, i + m.end())
            if starts and re.search(r"[?$]this\b", bare[i:end]) and not _matches_this(bare, starts[-1]):
                return True
            i = end
            continue
        i += 1
    return False


def _matches_this(bare: str, start: int) -> bool:
    """Whether the group opening at ``start`` has $this in a pattern of its own (outside FILTER, BIND and nested
    groups)."""
    i = start + 1
    while i < len(bare):
        c = bare[i]
        if c == "{":
            close = matching(bare, i, tokens=False)
            if close is None:
                return False
            i = close + 1
            continue
        if c == "}":
            return False
        if m := re.match(r"(FILTER|BIND)\b", bare[i:], re.IGNORECASE):
            i = _expression_end(bare, i + m.end())
            continue
        if re.match(r"[?$]this\b", bare[i:]) and not re.match(r"\w", bare[i - 1]):
            return True
        i += 1
    return False


def _expression_end(bare: str, i: int) -> int:
    """Where the expression after FILTER/BIND ends: its parentheses, or an EXISTS group, or a call."""
    m = re.match(r"\s*(NOT\s+)?EXISTS\s*", bare[i:], re.IGNORECASE)
    pair = "{}" if m else "()"
    j = bare.find(pair[0], i)
    close = None if j < 0 else matching(bare, j, pair, tokens=False)
    return len(bare) if close is None else close + 1


def with_imported_prefixes(shapes: Graph) -> Graph:
    """``shapes`` with each sh:prefixes node also declaring what the nodes it owl:imports declare: pySHACL reads
    a node's own sh:declare values only, so a query using an imported prefix failed there ("Unknown namespace
    prefix")."""
    out = Graph()
    out += shapes
    for owner in set(shapes.objects(None, SH.prefixes)):
        for imported in _with_imports(shapes, list(shapes.objects(owner, OWL.imports))):
            for decl in shapes.objects(imported, SH.declare):
                out.add((owner, SH.declare, decl))
    for prefix, ns in shapes.namespaces():
        out.bind(prefix, ns, override=True)
    return out
