"""The audit pack's human report: one Jinja page with matplotlib's SVG charts, printed to PDF by WeasyPrint.

WeasyPrint lays the same HTML and CSS out as paged media (through Debian's pango), so the HTML in the pack
and the PDF are one document, not two renderings to keep in step.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from compgraph.exchange import charts
from compgraph.exchange.packdata import PackData
from compgraph.graph.literals import iso_date
from compgraph.questions.coverage import STATUSES

TEMPLATES = Path(__file__).with_name("templates")
EXPIRING_DAYS = 180


def render_html(data: PackData) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    cov = data.coverage
    by_rule = {rule: len(found) for rule, found in data.outcome.by_rule().items()}
    figures = [
        charts.stacked_status(cov.by_document, "Coverage per document"),
        charts.stacked_status(cov.by_risk, "Coverage per risk level"),
        charts.stacked_status({s.id: s.counts for s in cov.systems}, "Coverage per system"),
        charts.bars(by_rule, "Findings by rule", "findings", colour="#9e2a2b"),
        charts.bars(
            data.expiry_buckets(),
            f"Evidence by expiry (from {data.as_of.isoformat()})",
            "evidence items",
            keep_order=True,
        ),
    ]
    soon = data.as_of + timedelta(days=EXPIRING_DAYS)
    # Dates, not strings: "soon" sorted after every date and a "2026-1-5" before them.
    expiring = sorted(
        (e for e in data.evidence if (day := iso_date(e.valid_until)) is not None and day <= soon),
        key=lambda e: e.valid_until,
    )
    # By name, as the expiring ones are: the chart only counts them, and an auditor must be able to ask for each.
    undated = sorted((e for e in data.evidence if iso_date(e.valid_until) is None), key=lambda e: e.id)
    integrity: dict[str, int] = {}
    for e in data.evidence:
        integrity[e.verdict] = integrity.get(e.verdict, 0) + 1
    return env.get_template("report.html").render(
        as_of=data.as_of.isoformat(),
        generated=datetime.now().replace(microsecond=0).isoformat(sep=" "),
        outcome=data.outcome,
        counts=data.outcome.counts(),
        by_rule=sorted(by_rule.items(), key=lambda kv: -kv[1]),
        statuses=STATUSES,
        systems=cov.systems,
        figures=[Markup(f) for f in figures],  # noqa: S704 - matplotlib's own SVG
        evidence=data.evidence,
        expiring=expiring,
        expiring_days=EXPIRING_DAYS,
        undated=undated,
        integrity=sorted(integrity.items()),
        mismatches=[e for e in data.evidence if e.verdict in ("MISMATCH", "file missing")],
        gaps=len(data.gaps),
        triples=sum(data.graphs.values()),
        graphs=len(data.graphs),
    )


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=html, base_url=str(TEMPLATES)).write_pdf())
