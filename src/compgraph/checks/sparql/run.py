"""Running a plan on the store and turning its rows into findings and SHACL report triples."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, XSD
from rdflib.term import Node

from compgraph.checks.report import Finding, Outcome, node_label
from compgraph.checks.shapes import load_shapes
from compgraph.checks.sparql.plan import Plan, Query, plan
from compgraph.graph.namespaces import CG, graph_iri, shorten, sparql_prefixes
from compgraph.graph.store import GraphStore

_PLACEHOLDER = re.compile(r"\{[?$]([^{}]+)\}")


def _message(template: str, bindings: dict[str, Node | None]) -> str:
    """The template with each ``{?var}`` (or ``{$var}``) of a bound variable replaced by its value."""
    values = {var: str(val) for var, val in bindings.items() if val is not None}
    if "{" in "".join(values.values()):
        # A value holding a brace could hold a placeholder, which the variables after it substitute in turn.
        for var, text in values.items():
            template = re.sub(f"{{[?$]{var}}}", lambda _m, t=text: t, template)
        return template
    # One pass (28k findings at 1.1M triples: a regex per variable and row was 0.3 s of the run).
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def _rule_name(shapes: Graph, q: Query) -> str:
    node = q.constraint if q.constraint is not None and shapes.value(q.constraint, RDFS.label) else q.shape
    return node_label(shapes, node)


def run_plan(store: GraphStore, p: Plan) -> list[tuple[Query, dict[str, Node | None]]]:
    per_query = rows_per_query(store, p.queries)
    return [(q, d) for q, rows in zip(p.queries, per_query, strict=True) for d in rows]


def rows_per_query(store: GraphStore, queries: list[Query]) -> list[list[dict[str, Node | None]]]:
    """Each query's result rows as the report counts them (de-duplicated, repeated per focus group), in order."""
    # The union default graph: naming ~100 graphs explicitly makes every pattern a 100-way union
    # (minutes instead of seconds at 1M triples). The saved report graph is then visible too; it
    # only holds sh: results and a report node that is not a cg:ValidationRun.
    # pyoxigraph releases the GIL while it evaluates, so the constraints run on every core (2x on two);
    # map() keeps the plan's order, so the findings do not depend on which query finished first.
    counts = _instance_counts(store, {c for q in queries for c in q.target_classes})
    few = {c for c, n in counts.items() if n < FEW_FOCUS_NODES}

    def small(q: Query) -> bool:
        return q.few_sparql is not None and all(c in few for c in q.target_classes)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        empty = _empty_probes(store, queries, small, counts, pool)
        looked_up = lookups(store, queries, small, counts, pool.map)

        def text(q: Query) -> str:
            form = q.lookup[1] if id(q) in looked_up else q.few_sparql if small(q) else q.sparql  # type: ignore[index]
            return sparql_prefixes() + form  # type: ignore[operator]

        results = list(pool.map(lambda q: None if q.probe in empty else store.query(text(q)), queries))
    repeats: dict[str, dict[Node | None, int]] = {}
    for text_ in {q.repeat_sparql for q in queries if q.repeat_sparql}:
        repeats[text_] = {this: int(n) for this, n in store.query(sparql_prefixes() + text_).rows}  # type: ignore[arg-type]
    return [
        distinct_rows(q, res.dicts() if res is not None else (), repeats.get(q.repeat_sparql or "", {}))
        for q, res in zip(queries, results, strict=True)
    ]


def distinct_rows(
    q: Query, dicts: Iterable[dict[str, Node | None]], times: dict[Node | None, int] | None = None
) -> list[dict[str, Node | None]]:
    """A query's rows as the report counts them: de-duplicated, each repeated ``times`` per focus node."""
    rows: list[dict[str, Node | None]] = []
    seen = set()
    for d in dicts:
        key = (
            tuple(sorted((k, v) for k, v in d.items() if v is not None))
            if q.keep_vars
            else (d.get("this"), d.get("v"))
        )
        if key in seen:
            continue
        seen.add(key)
        rows.extend([d] * (times.get(d.get("this"), 1) if times else 1))
    return rows


FEW_FOCUS_NODES = 20_000
# A probe that only saves per-focus-node look-ups runs if its path holds fewer triples than this many per focus node.
PROBE_TRIPLES_PER_FOCUS_NODE = 4
PROBES = True  # off in tests/checks/test_speed17_probes.py, which holds the findings equal without probes


def _few_instances(store: GraphStore, classes: set[URIRef]) -> set[URIRef]:
    """The classes with fewer than FEW_FOCUS_NODES instances (each count stops at the limit)."""
    return {c for c, n in _instance_counts(store, classes).items() if n < FEW_FOCUS_NODES}


def _instance_counts(store: GraphStore, classes: set[URIRef]) -> dict[URIRef, int]:
    """How many instances each class has, counted up to FEW_FOCUS_NODES."""
    out = {}
    for c in sorted(classes):
        out[c] = _bounded_count(store, f"?x <{RDF.type}>/<{RDFS.subClassOf}>* <{c}>", FEW_FOCUS_NODES)
    return out


def _focus_nodes(q: Query, counts: dict[URIRef, int]) -> int:
    """How many focus nodes ``q``'s target classes have (as counted, each up to FEW_FOCUS_NODES)."""
    return sum(counts.get(c, FEW_FOCUS_NODES) for c in q.target_classes)


def _bounded_count(store: GraphStore, pattern: str, limit: int) -> int:
    res = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {{ SELECT * WHERE {{ {pattern} }} LIMIT {limit} }} }}")
    return int(res.rows[0][0])  # type: ignore[arg-type]


def _empty_probes(
    store: GraphStore,
    queries: list[Query],
    small: Callable[[Query], bool],
    counts: dict[URIRef, int],
    pool: ThreadPoolExecutor,
) -> set[tuple[str, str]]:
    """The probes (Query.probe) found false: their queries have no rows and need not run.

    A probe asks whether any value anywhere breaks a constraint; it reads no focus node, so several shapes with
    the same path and constraint share one, and most often the answer is no (1.1M triples: 78 of 129 queries
    settled by 66 probes)."""
    run = probes_to_run(store, queries, small, counts, pool.map)
    return {p for p, found in zip(run, pool.map(lambda p: probe_answer(store, p), run), strict=True) if not found}


def probes_to_run(
    store: GraphStore,
    queries: list[Query],
    small: Callable[[Query], bool],
    counts: dict[URIRef, int],
    map_: Callable[..., Iterable[Any]] = map,
) -> list[tuple[str, str]]:
    """Each distinct probe worth asking. Where a query of it would run batched, the probe costs about what that
    query does. Where every query of it runs per focus node (``small``), it runs only if its path holds fewer
    than PROBE_TRIPLES_PER_FOCUS_NODE triples per focus node of those queries (a bounded count decides), so a
    large property is not read whole for a few focus nodes."""
    users: dict[tuple[str, str], list[Query]] = {}
    for q in queries:
        if q.probe is not None and PROBES:
            users.setdefault(q.probe, []).append(q)
    run = [p for p, qs in users.items() if not all(small(q) for q in qs)]
    sized = [p for p in users if p not in run]

    def worth(probe: tuple[str, str]) -> bool:
        limit = PROBE_TRIPLES_PER_FOCUS_NODE * sum(_focus_nodes(q, counts) for q in users[probe])
        return _bounded_count(store, f"?s {probe[0]} ?o", limit) < limit

    return run + [p for p, ok in zip(sized, map_(worth, sized), strict=True) if ok]


LOOKUP_TRIPLES_PER_FOCUS_NODE = 8


def lookups(
    store: GraphStore,
    queries: list[Query],
    small: Callable[[Query], bool],
    counts: dict[URIRef, int],
    map_: Callable[..., Iterable[Any]] = map,
) -> set[int]:
    """The queries (by id) to run in their look-up form (Query.lookup): those run per focus node whose path holds at
    least LOOKUP_TRIPLES_PER_FOCUS_NODE triples per focus node (one bounded count per path). Their MINUS reads the
    whole property, a look-up per focus node does not (1.1M triples, rdfs:label's 102k triples: MINUS ~0.09 CPU s
    whatever the class, look-ups ~7 us a node: 0.001 s for the organisations, 0.05 s for 6,658 systems)."""
    candidates = [q for q in queries if q.lookup is not None and small(q)]
    limits: dict[str, int] = {}
    for q in candidates:
        path = q.lookup[0]  # type: ignore[index]
        limits[path] = max(limits.get(path, 0), LOOKUP_TRIPLES_PER_FOCUS_NODE * _focus_nodes(q, counts))
    sizes = dict(zip(limits, map_(lambda p: _bounded_count(store, f"?s {p} ?o", limits[p]), limits), strict=True))
    return {
        id(q) for q in candidates
        if sizes[q.lookup[0]] >= LOOKUP_TRIPLES_PER_FOCUS_NODE * _focus_nodes(q, counts)  # type: ignore[index]
    }


def probe_answer(store: GraphStore, probe: tuple[str, str]) -> bool:
    return bool(store.query(sparql_prefixes() + probe[1]).boolean)


def _labels(store: GraphStore, nodes: Iterable[Node]) -> dict[Node, str]:
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
    rows: list[tuple[Query, dict[str, Node | None]]], shapes: Graph, labels: dict[Node, str], report_too: bool = True
) -> tuple[list[Finding], list[tuple[Node, Node, Node]]]:
    """The same Finding objects (and SHACL report triples) that validate.findings_from_report makes."""
    report: list[tuple[Node, Node, Node]] = []
    rule_names: dict[int, str] = {}
    report_node = BNode()
    report.append((report_node, RDF.type, SH.ValidationReport))
    findings = []
    conforms = True
    paths_written: set[int] = set()
    severities: dict[int, str] = {}
    templates: dict[int, list[str]] = {}
    # Result nodes named from one random stem and a count: BNode() draws a UUID each (~30k per run at 1.1M triples).
    stem = uuid.uuid4().hex
    for n, (q, d) in enumerate(rows):
        focus = d.get("this")
        if focus is None:
            continue
        path = d.get("path") if q.keep_vars and d.get("path") is not None else q.path
        value = d.get("value") if q.keep_vars else d.get("v")
        if value is None and q.value_is_focus:
            value = focus
        if q.keep_vars:
            binds = {k: v for k, v in d.items() if v is not None}
            if id(q) not in templates:
                templates[id(q)] = [str(m) for m in q.messages]
            messages = [_message(m, binds) for m in templates[id(q)]] or ([q.generic] if q.generic else [])
        else:
            shown = f"<{focus}>" if isinstance(focus, URIRef) else str(focus)  # pySHACL's stringify_node
            messages = [str(m) for m in q.messages] or [q.generic.replace("{this}", shown)]
        if id(q) not in rule_names:
            rule_names[id(q)] = _rule_name(shapes, q)
        if id(q) not in severities:
            severities[id(q)] = shorten(str(q.severity)).removeprefix("sh:")
        severity = severities[id(q)]
        conforms = False  # the SHACL spec: any result, whatever its severity, means the data does not conform
        if report_too:
            _result_triples(report, report_node, BNode(f"{stem}r{n}"), q, focus, path, value, messages, paths_written)
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


def _result_triples(
    report: list[tuple[Node, Node, Node]], report_node: Node, r: Node, q: Query, focus: Node, path: Node | None,
    value: Node | None, messages: list[str], paths_written: set[int],
) -> None:
    """One sh:ValidationResult's triples, as pySHACL writes them."""
    report.append((report_node, _RESULT, r))
    report.append((r, _A, _KIND))
    report.append((r, _FOCUS, focus))
    report.append((r, _SEVERITY, q.severity))
    report.append((r, _SHAPE, q.shape))
    report.append((r, _COMPONENT, q.component))
    if q.constraint is not None:
        report.append((r, _CONSTRAINT, q.constraint))
    if path is not None:
        report.append((r, _PATH, path))
        if path == q.path and id(q) not in paths_written:
            paths_written.add(id(q))
            report.extend(q.path_triples)
    if value is not None:
        report.append((r, _VALUE, value))
    for m in messages:
        report.append((r, _MESSAGE, Literal(m)))


# rdflib's namespace attributes cost a lookup each (~290k per 28k findings): read once.
_RESULT, _KIND, _FOCUS, _SEVERITY = SH.result, SH.ValidationResult, SH.focusNode, SH.resultSeverity
_SHAPE, _COMPONENT, _CONSTRAINT = SH.sourceShape, SH.sourceConstraintComponent, SH.sourceConstraint
_PATH = SH.resultPath
_VALUE, _MESSAGE, _A = SH.value, SH.resultMessage, RDF.type


def validate_store_sparql(store: GraphStore, as_of: date, shapes: Graph | None = None) -> Outcome:
    """Run the shapes as SPARQL on the store; raises Unsupported if any of them needs pySHACL."""
    shapes = shapes if shapes is not None else load_shapes()
    return run_sparql(store, as_of, shapes, plan(shapes))


def run_sparql(store: GraphStore, as_of: date, shapes: Graph, p: Plan) -> Outcome:
    """Run a plan's queries on the store (the shapes in ``p.fallback`` are not in it)."""
    with run_graph(store, as_of):
        # Values are reported as written ("none"^^xsd:boolean, not rdflib's "false"): store.to_rdflib keeps them.
        rows = run_plan(store, p)
        labels = _labels(store, (d.get("this") for _, d in rows))
    findings, report = findings_from_rows(rows, shapes, labels)
    return Outcome(as_of, not rows_with_focus(rows), findings, report)


@contextmanager
def run_graph(store: GraphStore, as_of: date) -> Iterator[str]:
    """The validation date in a throw-away graph for the block, exactly as validate_graph adds it to the data."""
    name = graph_iri("validation", "run", uuid.uuid4().hex)
    # Named, not blank (as validation_run has it): a blank node makes the write a new generation of the whole
    # store (0.42 s of an incremental run's 1.0 s at 13k triples); no query reads which node the run is.
    run = f"<{name}#run>"
    triples = f'{run} <{RDF.type}> <{CG.ValidationRun}> .\n{run} <{CG.asOf}> "{as_of}"^^<{XSD.date}> .\n'
    store.replace_graph(name, triples.encode())
    try:
        yield name
    finally:
        store.drop_graph(name)


def rows_with_focus(rows: list[tuple[Query, dict[str, Node | None]]]) -> bool:
    return any(d.get("this") is not None for _, d in rows)
