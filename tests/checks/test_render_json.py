"""``validate --format json``: the report's JSON text, spelled finding by finding, is what ``json.dumps`` with an
indent of two would print for the same document (the format users and scripts read)."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

from rdflib import Graph

from compgraph.checks.report import Finding, Outcome, render_json


def _reference(outcome: Outcome) -> str:
    return json.dumps(
        {
            "as_of": outcome.as_of.isoformat(),
            "conforms": outcome.conforms,
            "engine": {**outcome.engines, "fallback_reasons": outcome.fallback_reasons},
            "counts": outcome.counts(),
            "findings": [asdict(f) for f in outcome.findings],
        },
        indent=2,
    )


def _outcome(findings: list[Finding]) -> Outcome:
    out = Outcome(date(2026, 11, 22), not findings, findings, Graph())
    out.engines = {"sparql": ["cg:ControlShape"], "pyshacl": []}
    return out


def test_findings_with_quotes_unicode_and_missing_values_print_as_json_dumps_would() -> None:
    findings = [
        Finding("Violation", "cg:r1", "https://x/s1", 'The "first" system', "Line\nbreak and a tab\t", None, None),
        Finding(
            "Warning", "cg:r2", "https://x/s2", "Système d’IA ✓", "\\ backslash", "cg:p", '"4.0"^^xsd:decimal', "_:b1"
        ),
    ]
    assert render_json(_outcome(findings)) == _reference(_outcome(findings))


def test_a_report_with_no_findings_prints_an_empty_list() -> None:
    text = render_json(_outcome([]))
    assert text == _reference(_outcome([]))
    assert json.loads(text)["findings"] == []
