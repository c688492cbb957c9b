"""Gap report for one document: obligations with no accepted control, and the AI systems they leave exposed.

An obligation is *covered by a mapping* when any loaded mapping set (the crosswalk or an accepted review)
gives it ``cg:satisfiedBy``. The systems affected are those operated by organisations ``cg:subjectTo`` the
document, with design.md's binding rule: an obligation scoped to a risk level binds only systems at that
level. For each such system the report also lists obligations that do have accepted controls, none of
which the system (or its organisation) implements.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from compgraph.graph.namespaces import entity_iri
from compgraph.graph.store import GraphStore

FORMATS = ("table", "csv", "markdown", "json")


class UnknownDocument(LookupError):
    """No such document in the store."""


@dataclass
class GapObligation:
    id: str
    text: str
    modality: str
    risk: str | None = None


@dataclass
class SystemGaps:
    id: str
    label: str
    organisation: str
    risk: str | None
    unmapped: list[str]  # obligation ids with no accepted control that bind this system
    missing_controls: list[tuple[str, list[str]]]  # (obligation id, its controls the system lacks)


@dataclass
class GapReport:
    document: str
    title: str
    obligations: int
    mapped: int
    unmapped: list[GapObligation]
    organisations: list[str]
    systems: list[SystemGaps] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _local(iri: str | None) -> str | None:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if iri else None


def _natural(ident: str) -> list[Any]:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", ident)]


def gap_report(store: GraphStore, doc_id: str) -> GapReport:
    doc = entity_iri("document", doc_id)
    head = store.select(f"SELECT ?title WHERE {{ <{doc}> dcterms:identifier ?id ; rdfs:label ?title }}").values()
    if not head:
        raise UnknownDocument(f"no document {doc_id!r} in the store")
    rows = store.select(f"""
        SELECT ?id ?text ?modality ?risk (GROUP_CONCAT(DISTINCT ?cid; separator=" ") AS ?controls) WHERE {{
          ?o cg:fromDocument <{doc}> ; dcterms:identifier ?id ; cg:sourceText ?text ; cg:modality ?modality .
          OPTIONAL {{ ?o cg:appliesToRiskLevel ?risk }}
          OPTIONAL {{ ?o cg:satisfiedBy/dcterms:identifier ?cid }}
        }} GROUP BY ?id ?text ?modality ?risk""").values()
    rows.sort(key=lambda r: _natural(r["id"]))
    controls_of = {r["id"]: (r.get("controls") or "").split() for r in rows}
    risk_of = {r["id"]: r.get("risk") for r in rows}
    unmapped = [
        GapObligation(r["id"], r["text"], _local(r["modality"]) or "", _local(r.get("risk")))
        for r in rows
        if not controls_of[r["id"]]
    ]
    systems = store.select(f"""
        SELECT ?sid ?label ?oid ?risk (GROUP_CONCAT(DISTINCT ?cid; separator=" ") AS ?has) WHERE {{
          ?org cg:subjectTo <{doc}> ; dcterms:identifier ?oid .
          ?s cg:operatedBy ?org ; dcterms:identifier ?sid ; rdfs:label ?label .
          OPTIONAL {{ ?s cg:riskLevel ?risk }}
          OPTIONAL {{ ?s cg:operatedBy?/cg:implementsControl/dcterms:identifier ?cid }}
        }} GROUP BY ?sid ?label ?oid ?risk ORDER BY ?oid ?sid""").values()
    orgs = store.select(f"SELECT DISTINCT ?oid WHERE {{ ?org cg:subjectTo <{doc}> ; dcterms:identifier ?oid }}")
    report = GapReport(
        document=doc_id,
        title=head[0]["title"],
        obligations=len(rows),
        mapped=len(rows) - len(unmapped),
        unmapped=unmapped,
        organisations=sorted(str(r[0]) for r in orgs.rows),
    )
    for s in systems:
        has = set((s.get("has") or "").split())

        def binds(oid: str, system_risk: str | None = s.get("risk")) -> bool:
            return risk_of[oid] is None or risk_of[oid] == system_risk

        report.systems.append(
            SystemGaps(
                id=s["sid"],
                label=s["label"],
                organisation=s["oid"],
                risk=(_local(s.get("risk")) or "").removeprefix("Risk").lower() or None,
                unmapped=[g.id for g in unmapped if binds(g.id)],
                missing_controls=[
                    (r["id"], sorted(controls_of[r["id"]]))
                    for r in rows
                    if controls_of[r["id"]] and binds(r["id"]) and not has & set(controls_of[r["id"]])
                ],
            )
        )
    return report


# --- rendering ---------------------------------------------------------------------------------


def _short(text: str, width: int = 110) -> str:
    words = " ".join(text.split())
    return words if len(words) <= width else words[: width - 1].rsplit(" ", 1)[0] + "…"


def rows(report: GapReport) -> list[dict[str, str]]:
    """One row per (unmapped obligation) and per (system, obligation it leaves uncovered), for CSV."""
    out = [
        {
            "kind": "unmapped",
            "obligation": g.id,
            "system": "",
            "organisation": "",
            "modality": g.modality,
            "controls_missing": "",
            "text": " ".join(g.text.split()),
        }
        for g in report.unmapped
    ]
    texts = {g.id: g for g in report.unmapped}
    for s in report.systems:
        for oid in s.unmapped:
            out.append(
                {
                    "kind": "system-unmapped",
                    "obligation": oid,
                    "system": s.id,
                    "organisation": s.organisation,
                    "modality": texts[oid].modality,
                    "controls_missing": "",
                    "text": "",
                }
            )
        for oid, ctls in s.missing_controls:
            out.append(
                {
                    "kind": "system-missing-control",
                    "obligation": oid,
                    "system": s.id,
                    "organisation": s.organisation,
                    "modality": "",
                    "controls_missing": " ".join(ctls),
                    "text": "",
                }
            )
    return out


def render_csv(report: GapReport) -> str:
    buf = io.StringIO()
    fields = ["kind", "obligation", "system", "organisation", "modality", "controls_missing", "text"]
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(report))
    return buf.getvalue()


def _summary(report: GapReport) -> str:
    return f"{report.obligations} obligations, {report.mapped} with an accepted control, {len(report.unmapped)} without"


def render_table(report: GapReport) -> str:
    lines = [f"Gap report: {report.document} — {report.title}", _summary(report), ""]
    if report.unmapped:
        lines.append("Obligations with no accepted control:")
        lines += [f"  {g.id:<14} {g.modality:<12} {_short(g.text)}" for g in report.unmapped]
    else:
        lines.append("Every obligation has an accepted control.")
    lines.append("")
    if not report.organisations:
        lines.append(
            "No organisation is marked subject to this document (import with --org ORG_ID), "
            "so no AI system is affected yet."
        )
    for s in report.systems:
        lines.append(f"System {s.id} ({s.label}; {s.organisation}; risk {s.risk or 'unknown'}):")
        lines.append(f"  no accepted control: {', '.join(s.unmapped) or 'none'}")
        missing = "; ".join(f"{o} needs {' or '.join(c)}" for o, c in s.missing_controls)
        lines.append(f"  control not implemented: {missing or 'none'}")
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_markdown(report: GapReport) -> str:
    lines = [f"# Gap report: {_md_cell(report.title)} (`{report.document}`)", "", _summary(report) + ".", ""]
    lines += ["## Obligations with no accepted control", ""]
    if report.unmapped:
        lines += ["| obligation | modality | text |", "|---|---|---|"]
        lines += [f"| {g.id} | {g.modality} | {_md_cell(g.text)} |" for g in report.unmapped]
    else:
        lines.append("Every obligation has an accepted control.")
    lines += ["", "## AI systems affected", ""]
    if not report.systems:
        lines.append("No system of an organisation subject to this document.")
    else:
        lines += [
            "| system | organisation | risk | no accepted control | control not implemented |",
            "|---|---|---|---|---|",
        ]
        for s in report.systems:
            missing = "; ".join(f"{o} ({', '.join(c)})" for o, c in s.missing_controls)
            lines.append(f"| {s.id} | {s.organisation} | {s.risk or ''} | {', '.join(s.unmapped)} | {missing} |")
    return "\n".join(lines) + "\n"


def render(report: GapReport, fmt: str) -> str:
    if fmt == "csv":
        return render_csv(report)
    if fmt == "markdown":
        return render_markdown(report)
    if fmt == "json":
        import json

        return json.dumps(report.as_dict(), indent=2) + "\n"
    return render_table(report)
