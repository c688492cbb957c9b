"""SHACL validation of the compliance graph: structure and coverage, as of a date.

The shapes live in ``ontology/shapes``. Coverage rules that depend on the date read it from a
``cg:ValidationRun`` node added to the data graph, so the shapes stay plain SHACL(-SPARQL) that any
SHACL engine can run. The report is kept as RDF (the SHACL validation report vocabulary) in its own
named graph so auditors can query the last result and the browser can count it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, XSD
from rdflib.plugins.serializers.nt import _nt_row
from rdflib.term import Node

from compgraph.graph import paths
from compgraph.graph.build import parse_rdf_file
from compgraph.graph.namespaces import CG, PREFIXES, graph_iri, shorten
from compgraph.graph.store import GraphStore

REPORT_GRAPH = graph_iri("validation", "latest")
SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class Finding:
    severity: str
    rule: str
    focus: str
    focus_label: str
    message: str
    path: str | None = None
    value: str | None = None
    shape: str | None = None

    def sort_key(self) -> tuple:
        return (SEVERITY_ORDER.get(self.severity, 9), self.rule, self.focus_label, self.message)


Triple = tuple[Node, Node, Node]


class Outcome:
    """Findings plus the SHACL validation report as RDF. The report may be given as a list of triples and
    is then only made an rdflib Graph when asked for: at 1M triples (8k results, 70k report triples)
    building that Graph took longer than running half the shapes, and saving needs no Graph."""

    def __init__(self, as_of: date, conforms: bool, findings: list[Finding], report: Graph | list[Triple]) -> None:
        self.as_of, self.conforms, self.findings = as_of, conforms, findings
        self._report = report

    @property
    def report(self) -> Graph:
        if not isinstance(self._report, Graph):
            g = Graph()
            for t in self._report:
                g.add(t)
            self._report = g
        return self._report

    def report_triples(self) -> Iterable[Triple]:
        return iter(self._report)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self.findings:
            out[f.severity] = out.get(f.severity, 0) + 1
        return out

    def by_rule(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        for f in self.findings:
            out.setdefault(f.rule, []).append(f)
        return out


def load_shapes(shapes_dir: Path | None = None) -> Graph:
    shapes = Graph()
    for path in sorted((shapes_dir or paths.shapes_dir()).glob("*.ttl")):
        shapes += parse_rdf_file(path)
    return shapes


def validation_run(as_of: date) -> Graph:
    g = Graph()
    run = BNode()
    g.add((run, RDF.type, CG.ValidationRun))
    g.add((run, CG.asOf, Literal(as_of.isoformat(), datatype=XSD.date)))
    return g


def validate_graph(data: Graph, as_of: date, shapes: Graph | None = None) -> Outcome:
    """Run pySHACL on an in-memory data graph (the ontology must be in it for class hierarchies)."""
    shapes = shapes if shapes is not None else load_shapes()
    data = data + validation_run(as_of)
    conforms, report, _ = shacl_validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=True,
        allow_infos=True,
    )
    findings = findings_from_report(report, shapes, data)
    return Outcome(as_of, bool(conforms), findings, report)


ENGINES = ("sparql", "pyshacl")


def validate_store(
    store: GraphStore, as_of: date, shapes: Graph | None = None, save: bool = True, engine: str = "sparql"
) -> Outcome:
    """``engine="sparql"`` runs the shapes as SPARQL in the store (same findings, much faster; see
    fastvalidate); shapes it cannot translate exactly are run by pySHACL instead."""
    outcome = None
    if engine == "sparql":
        from compgraph.checks.fastvalidate import Unsupported, validate_store_sparql

        try:
            outcome = validate_store_sparql(store, as_of, shapes)
        except Unsupported:
            outcome = None
    elif engine != "pyshacl":
        raise ValueError(f"unknown validation engine {engine!r} (one of {', '.join(ENGINES)})")
    if outcome is None:
        outcome = validate_graph(store.to_graph(_data_graphs(store)), as_of, shapes)
    if save:
        save_report(store, outcome)
    return outcome


def _data_graphs(store: GraphStore) -> list[str]:
    # The saved report of an earlier run is not data to validate.
    return [g for g in store.graph_names() if not g.startswith(graph_iri("validation"))]


def _label(graph: Graph, node: object) -> str:
    for prop in (RDFS.label, SH.name, DCTERMS.title):
        value = graph.value(node, prop)  # type: ignore[arg-type]
        if value is not None:
            return str(value)
    return shorten(str(node)) if isinstance(node, URIRef) else str(node)


def findings_from_report(report: Graph, shapes: Graph, data: Graph) -> list[Finding]:
    findings = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        shape = report.value(result, SH.sourceShape)
        severity = report.value(result, SH.resultSeverity)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        messages = [str(m) for m in report.objects(result, SH.resultMessage)]
        # A SPARQL constraint's label is a better rule name than its anonymous parent shape.
        constraint = report.value(result, SH.sourceConstraint)
        rule_node = constraint if constraint is not None and shapes.value(constraint, RDFS.label) else shape
        findings.append(
            Finding(
                severity=shorten(str(severity)).removeprefix("sh:") if severity else "Violation",
                rule=_label(shapes, rule_node) if rule_node is not None else "unnamed rule",
                focus=str(focus),
                focus_label=_label(data, focus),
                message=messages[0] if messages else "constraint not met",
                path=shorten(str(path)) if isinstance(path, URIRef) else None,
                value=str(value) if value is not None else None,
                shape=str(shape) if isinstance(shape, URIRef) else None,
            )
        )
    return sorted(set(findings), key=Finding.sort_key)


def save_report(store: GraphStore, outcome: Outcome) -> None:
    triples = list(outcome.report_triples())
    when = Literal(_now(), datatype=XSD.dateTime)
    as_of = Literal(outcome.as_of.isoformat(), datatype=XSD.date)
    for node in [s for s, p, o in triples if p == RDF.type and o == SH.ValidationReport]:
        triples += [(node, CG.asOf, as_of), (node, DCTERMS.created, when)]
    # N-Triples written row by row (rdflib's own escaping): the store parses it natively, no Graph round trip.
    data = "".join(_nt_row(t) for t in triples)
    store.write_own_graph(REPORT_GRAPH, data.encode("utf-8"))


def _now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).replace(microsecond=0).isoformat()


# --- rendering ---------------------------------------------------------------------------------


def render_text(outcome: Outcome) -> str:
    counts = outcome.counts()
    head = (
        f"Validation as of {outcome.as_of.isoformat()}: "
        + (", ".join(f"{n} {k.lower()}{'s' if n != 1 else ''}" for k, n in sorted(counts.items())) or "no findings")
        + (" — conforms" if outcome.conforms else " — does not conform")
    )
    lines = [head]
    for rule, items in outcome.by_rule().items():
        lines.append("")
        lines.append(f"{rule} ({len(items)})")
        for f in items:
            lines.append(f"  [{f.severity}] {shorten(f.focus)}: {f.message}")
    return "\n".join(lines) + "\n"


def render_json(outcome: Outcome) -> str:
    return json.dumps(
        {
            "as_of": outcome.as_of.isoformat(),
            "conforms": outcome.conforms,
            "counts": outcome.counts(),
            "findings": [asdict(f) for f in outcome.findings],
        },
        indent=2,
    )


def render_turtle(outcome: Outcome) -> str:
    report = Graph()
    for prefix, ns in PREFIXES.items():
        report.bind(prefix, ns)
    report += outcome.report
    return report.serialize(format="turtle")


def last_report_counts(store: GraphStore) -> dict[str, object]:
    """Severity counts and date of the last saved report, for the dashboard."""
    res = store.select(
        "SELECT ?sev (COUNT(?r) AS ?n) (SAMPLE(?d) AS ?asof) (SAMPLE(?c) AS ?created) WHERE { GRAPH <"
        + REPORT_GRAPH
        + "> { ?rep a sh:ValidationReport ; cg:asOf ?d ; dcterms:created ?c ."
        " OPTIONAL { ?rep sh:result ?r . ?r sh:resultSeverity ?sev } } } GROUP BY ?sev"
    )
    counts: dict[str, int] = {}
    as_of = created = None
    for sev, n, d, c in res.rows:
        as_of, created = d, c
        if sev is not None:
            counts[shorten(str(sev)).removeprefix("sh:")] = int(n)
    return {"as_of": str(as_of) if as_of else None, "created": str(created) if created else None, "counts": counts}
