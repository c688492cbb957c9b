"""The reference engine: pySHACL over an in-memory copy of the data graph.

Slow at scale, but it is the SHACL implementation the fast SPARQL engine is tested against, and it runs
any shapes, including those the SPARQL engine cannot translate.
"""

from __future__ import annotations

from datetime import date

from pyparsing import ParseBaseException
from pyshacl import validate as shacl_validate
from pyshacl.errors import ReportableRuntimeError
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from compgraph.checks.report import Finding, Outcome, node_label
from compgraph.checks.shapes import load_shapes, validation_run
from compgraph.checks.sparqlrules import ShapesError, with_imported_prefixes
from compgraph.checks.targets import for_pyshacl
from compgraph.graph.namespaces import shorten


def validate_graph(data: Graph, as_of: date, shapes: Graph | None = None) -> Outcome:
    """Run pySHACL on an in-memory data graph (the ontology must be in it for class hierarchies)."""
    shapes = shapes if shapes is not None else load_shapes()
    data = data + validation_run(as_of)
    try:
        _, report, _ = shacl_validate(
            data,
            shacl_graph=with_imported_prefixes(for_pyshacl(shapes)),
            inference="none",
            advanced=True,
            allow_warnings=True,
            allow_infos=True,
        )
    except NotImplementedError as exc:  # pySHACL's word for a SHACL-SPARQL feature it lacks ($shapesGraph)
        raise ShapesError("pySHACL", f"cannot run these shapes: {exc}") from exc
    except ReportableRuntimeError as exc:  # a shape SHACL does not allow (sh:minCount on a node shape, a bad path)
        raise ShapesError("pySHACL", f"cannot load these shapes: {exc.message}") from exc
    except ParseBaseException as exc:  # a SHACL-SPARQL query that does not parse (rdflib's parser is pyparsing's)
        raise ShapesError("pySHACL", f"a SPARQL query of these shapes does not parse: {exc}") from exc
    except Exception as exc:
        # rdflib raises a bare Exception for a prefix no sh:prefixes declares (the SPARQL engine also reads
        # compgraph's own prefixes, so only pySHACL meets it): a traceback before
        if not str(exc).startswith("Unknown namespace prefix"):
            raise
        said = f"a SPARQL query of these shapes uses a prefix they do not declare ({exc})"
        raise ShapesError("pySHACL", said) from exc
    if not isinstance(report, Graph):
        # A ValidationFailure: pySHACL refused a query (check_rules catches the rules SHACL states first).
        raise ShapesError("pySHACL", f"refused these shapes: {getattr(report, 'message', report)}")
    findings = findings_from_report(report, shapes, data)
    # pySHACL with allow_warnings says conforms when only warnings and infos were found; the SHACL spec
    # says any result means the data does not conform, and the report in the store keeps to the spec.
    conforms = not any(report.subjects(RDF.type, SH.ValidationResult))
    for node in report.subjects(RDF.type, SH.ValidationReport):
        report.set((node, SH.conforms, Literal(conforms)))
    outcome = Outcome(as_of, conforms, findings, report)
    outcome.shapes = shapes
    return outcome



def findings_from_report(report: Graph, shapes: Graph, data: Graph) -> list[Finding]:
    findings = []
    # Only the report's own results: pySHACL nests the results that made an sh:node (or sh:not, sh:and ...)
    # fail under sh:detail, and those are the reasons for one finding, not findings of their own.
    results = [r for rep in report.subjects(RDF.type, SH.ValidationReport) for r in report.objects(rep, SH.result)]
    for result in results:
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
                rule=node_label(shapes, rule_node) if rule_node is not None else "unnamed rule",
                focus=str(focus),
                focus_label=node_label(data, focus),
                message=messages[0] if messages else "constraint not met",
                path=shorten(str(path)) if isinstance(path, URIRef) else None,
                value=str(value) if value is not None else None,
                shape=str(shape) if isinstance(shape, URIRef) else None,
            )
        )
    return sorted(set(findings), key=Finding.sort_key)

