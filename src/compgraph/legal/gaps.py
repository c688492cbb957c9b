"""Gap report for one document: obligations with no accepted control, and the AI systems they leave exposed.

An obligation is *covered by a mapping* when any loaded mapping set (the crosswalk or an accepted review)
gives it ``cg:satisfiedBy``. The systems affected are those operated by organisations ``cg:subjectTo`` the
document, with design.md's binding rule: an obligation scoped to a risk level binds only systems at that
level. For each such system the report also lists obligations that do have accepted controls, none of
which the system (or its organisation) implements.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from compgraph.graph.namespaces import entity_iri
from compgraph.graph.store import GraphStore
from compgraph.legal.binding import annex_scope, binds, citation

FORMATS = ("table", "csv", "markdown", "json")


class UnknownDocument(LookupError):
    """No such document in the store."""


@dataclass
class GapObligation:
    id: str
    text: str
    modality: str
    risk: str | None = None
    ref: str = ""  # the provision cited: "26(6)", "13-77-103(2)(a)"
    addressee: str | None = None
    review: str = "not reviewed"  # or "all suggestions rejected"
    suggestion: str = ""  # the best-ranked control: "CTL-HO-01 Human oversight procedure"


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


def gap_report(store: GraphStore, doc_id: str, *, suggestions: bool = True) -> GapReport:
    """The document's obligations without an accepted control, and per bound system what is left open.

    Each gap carries its citation, whether it was reviewed (a rejected suggestion) or not, and, with
    ``suggestions``, the best-ranked control to review next.
    """
    doc = entity_iri("document", doc_id)
    head = store.select(f"SELECT ?title WHERE {{ <{doc}> dcterms:identifier ?id ; rdfs:label ?title }}").values()
    if not head:
        raise UnknownDocument(f"no document {doc_id!r} in the store")
    rows = store.select(f"""
        SELECT ?id ?text ?modality ?risk ?role ?sec ?ref (GROUP_CONCAT(DISTINCT ?cid; separator=" ") AS ?controls)
        WHERE {{
          ?o cg:fromDocument <{doc}> ; dcterms:identifier ?id ; cg:sourceText ?text ; cg:modality ?modality .
          OPTIONAL {{ ?o cg:appliesToRiskLevel ?risk }}
          OPTIONAL {{ ?o cg:addressee/skos:notation ?role }}
          OPTIONAL {{ ?o cg:inSection/cg:sectionNumber ?sec }}
          OPTIONAL {{ ?o dcterms:bibliographicCitation ?ref }}
          OPTIONAL {{ ?o cg:satisfiedBy/dcterms:identifier ?cid }}
        }} GROUP BY ?id ?text ?modality ?risk ?role ?sec ?ref""").values()
    rows.sort(key=lambda r: _natural(r["id"]))
    controls_of = {r["id"]: (r.get("controls") or "").split() for r in rows}
    decisions = _review_decisions(store, doc_id)
    rejected = _rejected(decisions)
    unmapped = [
        GapObligation(r["id"], r["text"], _local(r["modality"]) or "", _risk_slug(r.get("risk")),
                      r.get("ref") or citation(r["id"], r.get("sec")), r.get("role"),
                      "all suggestions rejected" if r["id"] in rejected else "not reviewed")
        for r in rows
        if not controls_of[r["id"]]
    ]
    if suggestions and unmapped:
        _best_controls(store, doc_id, unmapped, decisions)
    orgs = store.select(f"SELECT DISTINCT ?oid WHERE {{ ?org cg:subjectTo <{doc}> ; dcterms:identifier ?oid }}")
    report = GapReport(
        document=doc_id,
        title=head[0]["title"],
        obligations=len(rows),
        mapped=len(rows) - len(unmapped),
        unmapped=unmapped,
        organisations=sorted(str(r[0]) for r in orgs.rows),
    )
    report.systems = _systems(store, doc, rows, controls_of, unmapped)
    return report


def _risk_slug(iri: str | None) -> str | None:
    return (_local(iri) or "").removeprefix("Risk").lower() or None


def _systems(store: GraphStore, doc: str, rows: list[dict[str, Any]], controls_of: dict[str, list[str]],
             unmapped: list[GapObligation]) -> list[SystemGaps]:
    """Per system of an organisation subject to the document: the gaps that bind it (``binding.binds``)."""
    systems = store.select(f"""
        SELECT ?sid ?label ?oid ?risk ?area
               (GROUP_CONCAT(DISTINCT ?role; separator=" ") AS ?roles)
               (GROUP_CONCAT(DISTINCT ?cid; separator=" ") AS ?has) WHERE {{
          ?org cg:subjectTo <{doc}> ; dcterms:identifier ?oid .
          ?s cg:operatedBy ?org ; dcterms:identifier ?sid ; rdfs:label ?label .
          OPTIONAL {{ ?s cg:riskLevel ?risk }}
          OPTIONAL {{ ?s cg:annexIIIArea/skos:prefLabel ?area }}
          # The system's own and its organisation's, as two branches: Virtuoso 7.2 answered the zero-or-one path
          # "cg:operatedBy?/..." with nothing here, so `gaps` listed no system's missing controls there.
          OPTIONAL {{ {{ ?s cg:hasRole/skos:notation ?role }}
                     UNION {{ ?s cg:operatedBy/cg:hasRole/skos:notation ?role }} }}
          OPTIONAL {{ {{ ?s cg:implementsControl/dcterms:identifier ?cid }}
                     UNION {{ ?s cg:operatedBy/cg:implementsControl/dcterms:identifier ?cid }} }}
        }} GROUP BY ?sid ?label ?oid ?risk ?area ORDER BY ?oid ?sid""").values()
    scope = {r["id"]: annex_scope(r["text"]) for r in rows}
    out = []
    for s in systems:
        has = set((s.get("has") or "").split())
        point = re.search(r"point (\d+)", s.get("area") or "")
        risk = _risk_slug(s.get("risk"))
        roles = set((s.get("roles") or "").split())
        area = int(point.group(1)) if point else None

        def bound(r: dict[str, Any], roles: set[str] = roles, risk: str | None = risk,
                  area: int | None = area) -> bool:
            return binds(addressee=r.get("role"), risk=_risk_slug(r.get("risk")), scope=scope[r["id"]],
                         system_roles=roles, system_risk=risk, system_area=area)

        open_ids = {g.id for g in unmapped}
        out.append(SystemGaps(
            id=s["sid"],
            label=s["label"],
            organisation=s["oid"],
            risk=risk,
            unmapped=[r["id"] for r in rows if r["id"] in open_ids and bound(r)],
            missing_controls=[(r["id"], sorted(controls_of[r["id"]])) for r in rows
                              if controls_of[r["id"]] and bound(r) and not has & set(controls_of[r["id"]])],
        ))
    return out


def _review_decisions(store: GraphStore, doc_id: str) -> list[Any]:
    """The document's review decisions, rejected ones included, from the file its review graph was loaded
    from (recorded as provenance), else from the default review folder."""
    from compgraph.graph.namespaces import graph_iri
    from compgraph.legal.review import find_review_file, read_review

    target = graph_iri("mappingset", f"review-{doc_id}")
    found = store.select(f"SELECT ?p WHERE {{ <{target}> prov:wasDerivedFrom ?p }}").rows
    paths = [Path(str(r[0])) for r in found if Path(str(r[0])).is_absolute()]
    with contextlib.suppress(OSError):
        paths.append(find_review_file(doc_id, None, store))
    path = next((p for p in paths if p.is_file()), None)
    return read_review(path) if path else []


def _rejected(decisions: list[Any]) -> set[str]:
    """Obligations with a rejected suggestion and no accepted one."""
    return {d.obligation for d in decisions if d.action == "reject"} - {
        d.obligation for d in decisions if d.action == "accept"}


def _best_controls(store: GraphStore, doc_id: str, gaps: list[GapObligation], decisions: list[Any]) -> None:
    """Fill each gap's best-ranked control that its review has not rejected (BM25: fast, no model)."""
    from compgraph.legal.suggest import load_controls, load_obligations, suggest_for

    refused = {(d.obligation, d.control) for d in decisions if d.action == "reject"}
    wanted = {g.id for g in gaps}
    obligations = [o for o in load_obligations(store, doc_id) if o.id in wanted]
    found = {s.obligation: s for s in suggest_for(obligations, load_controls(store), top_k=5, ranker="bm25")}
    for gap in gaps:
        sug = found.get(gap.id)
        best = next((m for m in (sug.controls if sug else []) if (gap.id, m.id) not in refused), None)
        if best is not None and not (sug and sug.no_good_match):
            gap.suggestion = f"{best.id} {best.label}"


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
            "ref": g.ref,
            "system": "",
            "organisation": "",
            "modality": g.modality,
            "review": g.review,
            "suggested_control": g.suggestion,
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
                    "ref": texts[oid].ref,
                    "system": s.id,
                    "organisation": s.organisation,
                    "modality": texts[oid].modality,
                    "review": texts[oid].review,
                    "suggested_control": texts[oid].suggestion,
                    "controls_missing": "",
                    "text": "",
                }
            )
        for oid, ctls in s.missing_controls:
            out.append(
                {
                    "kind": "system-missing-control",
                    "obligation": oid,
                    "ref": "",
                    "system": s.id,
                    "organisation": s.organisation,
                    "modality": "",
                    "review": "accepted",
                    "suggested_control": "",
                    "controls_missing": " ".join(ctls),
                    "text": "",
                }
            )
    return out


def render_csv(report: GapReport) -> str:
    buf = io.StringIO()
    fields = ["kind", "obligation", "ref", "system", "organisation", "modality", "review", "suggested_control",
              "controls_missing", "text"]
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
        for g in report.unmapped:
            lines.append(f"  {g.id:<14} {g.ref or '-':<16} {g.modality:<12} {g.review}; "
                         f"suggested: {g.suggestion or 'no good match'}")
            lines.append(f"  {'':<14} {_short(g.text)}")
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
        lines += ["| obligation | ref | modality | review | suggested control | text |", "|---|---|---|---|---|---|"]
        lines += [f"| {g.id} | {g.ref} | {g.modality} | {g.review} | {_md_cell(g.suggestion)} | {_md_cell(g.text)} |"
                  for g in report.unmapped]
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
