"""What the audit pack is made from: the validation outcome, coverage, gaps and the evidence checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from compgraph.checks.report import Outcome
from compgraph.graph.literals import NO_READABLE_DATE, iso_date
from compgraph.questions import coverage as cv

EXPIRY_BUCKETS = ("expired", "within 30 days", "31-90 days", "91-180 days", "later")
# An evidence item whose validUntil is no date (data loaded as RDF can say "soon"; validation reports it).
UNDATED = NO_READABLE_DATE


@dataclass
class EvidenceCheck:
    id: str
    control: str
    concerns: str
    valid_until: str
    state: str  # current / expired on the as-of date
    file: str
    recorded: str
    actual: str
    verdict: str  # verified / MISMATCH / file missing / no file / no digest recorded


@dataclass
class PackData:
    as_of: date
    outcome: Outcome
    coverage: cv.Coverage
    gaps: list[tuple[str, ...]]
    evidence: list[EvidenceCheck]
    graphs: dict[str, int] = field(default_factory=dict)

    def expiry_buckets(self) -> dict[str, int]:
        out = dict.fromkeys(EXPIRY_BUCKETS, 0)
        for e in self.evidence:
            day = iso_date(e.valid_until)
            if day is None:
                out[UNDATED] = out.get(UNDATED, 0) + 1  # shown only when there is one
                continue
            days = (day - self.as_of).days
            key = (
                "expired"
                if days < 0
                else "within 30 days"
                if days <= 30
                else "31-90 days"
                if days <= 90
                else "91-180 days"
                if days <= 180
                else "later"
            )
            out[key] += 1
        return out
