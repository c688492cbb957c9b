"""SHACL validation of the compliance graph: structure and coverage, as of a date.

The shapes live in ``ontology/shapes``. Coverage rules that depend on the date read it from a
``cg:ValidationRun`` node added to the data graph, so the shapes stay plain SHACL(-SPARQL) that any
SHACL engine can run. The report is kept as RDF (the SHACL validation report vocabulary) in its own
named graph so auditors can query the last result and the browser can count it.

This is the entry point: the report types, the shapes and the engines live in the modules beside it.
"""

from __future__ import annotations

from datetime import date

from rdflib import Graph

from compgraph.checks.integrity import with_evidence_integrity
from compgraph.checks.reference import findings_from_report, validate_graph
from compgraph.checks.report import (
    REPORT_GRAPH,
    SEVERITY_ORDER,
    Finding,
    Outcome,
    data_graphs,
    last_report_counts,
    render_json,
    render_text,
    render_turtle,
    save_report,
)
from compgraph.checks.shapes import load_shapes, validation_run
from compgraph.checks.sparql import Unsupported, validate_store_sparql
from compgraph.graph.store import GraphStore

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
    "render_json",
    "render_text",
    "render_turtle",
    "save_report",
    "validate_graph",
    "validate_store",
    "validation_run",
]

ENGINES = ("sparql", "pyshacl")


def validate_store(
    store: GraphStore, as_of: date, shapes: Graph | None = None, save: bool = True, engine: str = "sparql"
) -> Outcome:
    """``engine="sparql"`` runs the shapes as SPARQL in the store (same findings, much faster; see
    checks.sparql); shapes it cannot translate exactly are run by pySHACL instead."""
    outcome = None
    if engine == "sparql":
        try:
            outcome = validate_store_sparql(store, as_of, shapes)
        except Unsupported:
            outcome = None
    elif engine != "pyshacl":
        raise ValueError(f"unknown validation engine {engine!r} (one of {', '.join(ENGINES)})")
    if outcome is None:
        outcome = validate_graph(store.to_graph(data_graphs(store)), as_of, shapes)
    # Evidence files are hashed for both engines; their findings join the outcome and the saved report.
    outcome = with_evidence_integrity(store, outcome)
    if save:
        save_report(store, outcome)
    return outcome
