"""SHACL validation of the compliance graph: structure and coverage, as of a date.

The shapes live in ``ontology/shapes``. Coverage rules that depend on the date read it from a
``cg:ValidationRun`` node added to the data graph, so the shapes stay plain SHACL(-SPARQL) that any
SHACL engine can run. The report is kept as RDF (the SHACL validation report vocabulary) in its own
named graph so auditors can query the last result and the browser can count it.

This is the entry point: the report types, the shapes and the engines live in the modules beside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from compgraph.checks.integrity import with_evidence_integrity
from compgraph.checks.reference import findings_from_report, validate_graph
from compgraph.checks.report import (
    REPORT_GRAPH,
    SEVERITY_ORDER,
    Finding,
    Outcome,
    data_graphs,
    last_report_counts,
    node_label,
    render_engines,
    render_json,
    render_text,
    render_turtle,
    save_report,
)
from compgraph.checks.reportpart import save_report_in_part
from compgraph.checks.shapes import load_shapes, validation_run
from compgraph.checks.sparql.plan import plan_each, shape_nodes
from compgraph.checks.sparql.run import run_sparql
from compgraph.checks.sparql.server import for_a_server
from compgraph.checks.sparqlrules import check_rules
from compgraph.checks.targets import subclasses
from compgraph.graph.literals import KEPT_AS_WRITTEN
from compgraph.graph.namespaces import shorten
from compgraph.graph.remote import RemoteStore
from compgraph.graph.store import GraphStore, LocalStore

__all__ = [
    "ENGINES",
    "REPORT_GRAPH",
    "SEVERITY_ORDER",
    "Finding",
    "Outcome",
    "data_graphs",
    "findings_from_report",
    "last_report_counts",
    "load_shapes",
    "render_engines",
    "render_json",
    "render_text",
    "render_turtle",
    "save_report",
    "validate_graph",
    "validate_store",
    "validation_run",
]

ENGINES = ("sparql", "pyshacl")
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)


def validate_store(
    store: GraphStore, as_of: date, shapes: Graph | None = None, save: bool = True, engine: str = "sparql"
) -> Outcome:
    """``engine="sparql"`` runs the shapes as SPARQL in the store (same findings, much faster; see
    checks.sparql); a shape it cannot translate exactly is run by pySHACL, that shape alone, and the
    outcome's ``engines`` and ``fallback_reasons`` say which engine ran what and why."""
    if engine not in ENGINES:
        raise ValueError(f"unknown validation engine {engine!r} (one of {', '.join(ENGINES)})")
    shapes = shapes if shapes is not None else load_shapes()
    check_rules(shapes)
    # A remote server gets the standard nested NOT EXISTS: the MINUS form is for Oxigraph's planner, and
    # Virtuoso 7.2 cannot compile it.
    p = plan_each(shapes, as_written_data=engine == "sparql" and (None, SH.sparql, None) in shapes and _escaped(store),
                  nested=not isinstance(store, RemoteStore))
    if isinstance(store, RemoteStore) and engine == "sparql":
        p = for_a_server(p, store)
    if engine == "pyshacl":
        outcome = validate_graph(_data(store), as_of, shapes)
        outcome.engines = {"sparql": [], "pyshacl": _names(shapes, [*p.sparql_roots, *p.fallback])}
    else:
        outcome = run_sparql(store, as_of, shapes, p)
        if p.fallback:
            rest = validate_graph(_data(store), as_of, only_these(shapes, set(p.fallback)))
            outcome = outcome.merged(rest)
        outcome.engines = {"sparql": _names(shapes, p.sparql_roots), "pyshacl": _names(shapes, p.fallback)}
        outcome.fallback_reasons = {_name(shapes, s): why for s, why in p.fallback.items()}
    outcome.shapes = shapes
    # Evidence files are hashed for both engines; their findings join the outcome and the saved report.
    outcome = with_evidence_integrity(store, outcome)
    if save:
        if isinstance(store, LocalStore):
            # As the incremental path saves: the next save (full or incremental) then reads back only what went.
            save_report_in_part(store, outcome, shapes)
        else:
            save_report(store, outcome, shapes)
    return outcome


def _data(store: GraphStore) -> Graph:
    """The data graphs in memory, literals as written ("none"^^xsd:boolean stays "none", see store.to_rdflib)."""
    return store.to_graph(data_graphs(store))


def _escaped(store: GraphStore) -> bool:
    """Whether the store holds a literal kept as written (a graph loaded as written says so, see graph.literals)."""
    return bool(store.query(f"ASK {{ ?g <{KEPT_AS_WRITTEN}> ?n }}").boolean)


def only_these(shapes: Graph, keep: set[Node]) -> Graph:
    """The shapes graph with every other shape's targets removed: pySHACL then runs just ``keep``, while
    shapes that ``keep`` refers to (sh:node, sh:or, ...) are still there to be referred to."""
    out = Graph()
    class_types = subclasses(shapes, RDFS.Class)
    # A shape's implicit class target must go too, or pySHACL runs it beside the SPARQL engine and its findings
    # come twice. Any class type of a shape goes, as pySHACL reads one (targets.for_pyshacl then gives the spec's
    # reading of what is left). The planner's own notion of a shape, so the two never drift apart, and sh:target,
    # which the planner leaves to pySHACL.
    shapes_here = shape_nodes(shapes) | set(shapes.subjects(SH.target, None))
    for s, p, o in shapes:
        if s not in keep and (p in _TARGETS or (p == RDF.type and o in class_types and s in shapes_here)):
            continue
        out.add((s, p, o))
    for prefix, ns in shapes.namespaces():
        out.bind(prefix, ns, override=True)
    return out


def _name(shapes: Graph, shape: Node) -> str:
    return shorten(str(shape)) if isinstance(shape, URIRef) else node_label(shapes, shape)


def _names(shapes: Graph, nodes: Iterable[Node]) -> list[str]:
    return sorted({_name(shapes, n) for n in nodes})
