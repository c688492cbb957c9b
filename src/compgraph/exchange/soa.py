"""Statement of Applicability: per obligation of the documents an organisation is subject to, whether it
applies and why, the controls answering it, their status and current evidence, and the justification.

Applicability follows docs/design.md's coverage semantics (the same as ``trace``): an obligation of a
document the organisation is subject to binds when its modality is binding (mandatory, prohibition,
commitment), its addressee is a role the organisation holds (provider/deployer) or an internal one, and,
when it names a risk level, some system of the organisation has that level. Status and evidence come from
``questions.trace`` per system, so the SoA, the trace and the dashboard agree.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from compgraph.exchange.files import ExchangeError
from compgraph.graph.namespaces import entity_iri
from compgraph.graph.store import GraphStore
from compgraph.questions import trace as tr

BINDING = {"mandatory", "prohibition", "commitment"}
ROLE_ADDRESSEES = {"provider", "deployer"}  # roles an organisation may or may not hold; the others are internal
COLUMNS = [
    "document",
    "section",
    "obligation",
    "text",
    "modality",
    "addressee",
    "applies_to_risk",
    "applicable",
    "reason",
    "systems",
    "controls",
    "status",
    "current_evidence",
    "expired_evidence",
    "justification",
]


@dataclass
class SoaRow:
    document: str
    section: str
    obligation: str
    text: str
    modality: str
    addressee: str
    applies_to_risk: str
    applicable: str = "no"
    reason: str = ""
    systems: list[str] = field(default_factory=list)
    controls: list[str] = field(default_factory=list)
    status: str = ""
    current_evidence: list[str] = field(default_factory=list)
    expired_evidence: list[str] = field(default_factory=list)
    justification: str = ""

    def cells(self) -> list[str]:
        return [" ".join(v) if isinstance(v, list) else str(v) for v in (getattr(self, c) for c in COLUMNS)]


@dataclass
class Statement:
    organisation: str
    organisation_label: str
    as_of: date
    rows: list[SoaRow]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.rows:
            key = r.status if r.applicable == "yes" else "not applicable"
            out[key] = out.get(key, 0) + 1
        return out


def _org(store: GraphStore, org_id: str) -> tuple[str, str, set[str]]:
    iri = entity_iri("organisation", org_id)
    res = store.select(f"""SELECT ?label ?role WHERE {{ <{iri}> a cg:Organisation ; rdfs:label ?label .
                            OPTIONAL {{ <{iri}> cg:hasRole/skos:notation ?role }} }}""")
    if not res.rows:
        known = store.select("SELECT ?id WHERE { ?o a cg:Organisation ; dcterms:identifier ?id }").rows
        raise ExchangeError(
            f"--org: unknown organisation {org_id!r} (one of: {', '.join(sorted(str(r[0]) for r in known))})"
        )
    return iri, str(res.rows[0][0]), {str(r[1]) for r in res.rows if r[1] is not None}


def _rows(store: GraphStore, org: str) -> list[tuple[str, SoaRow]]:
    res = store.select(f"""
        SELECT ?o ?doc ?sec ?id ?text ?m ?addressee ?risk WHERE {{
          <{org}> cg:subjectTo ?d . ?d dcterms:identifier ?doc .
          ?o cg:fromDocument ?d ; dcterms:identifier ?id ; cg:sourceText ?text ; cg:modality/skos:notation ?m ;
             cg:inSection ?s .
          ?s cg:sectionNumber ?secnum ; rdfs:label ?sectitle . BIND(CONCAT(?secnum, " ", ?sectitle) AS ?sec)
          OPTIONAL {{ ?o cg:addressee/skos:notation ?addressee }}
          OPTIONAL {{ ?o cg:appliesToRiskLevel/skos:notation ?risk }}
          OPTIONAL {{ ?o cg:sourceLine ?line }}
        }} ORDER BY ?doc ?line ?id""")
    return [
        (str(o), SoaRow(str(doc), str(sec), str(i), str(t), str(m), str(a or ""), str(r or "")))
        for o, doc, sec, i, t, m, a, r in res.rows
    ]


def _systems(store: GraphStore, org: str) -> dict[str, tuple[str, str]]:
    res = store.select(f"""SELECT ?s ?id ?risk WHERE {{ ?s cg:operatedBy <{org}> ; a cg:AISystem ;
                            dcterms:identifier ?id ; cg:riskLevel/skos:notation ?risk }} ORDER BY ?id""")
    return {str(s): (str(i), str(r)) for s, i, r in res.rows}


def _applicability(row: SoaRow, org_label: str, roles: set[str], systems: dict[str, tuple[str, str]]) -> list[str]:
    """Sets ``applicable`` and ``reason``; returns the bound systems' IRIs."""
    if row.modality not in BINDING:
        row.reason = f"not binding: the obligation is {row.modality}"
        return []
    if row.addressee in ROLE_ADDRESSEES and row.addressee not in roles:
        row.reason = f"addressed to the {row.addressee}; {org_label} is not a {row.addressee}"
        return []
    bound = [s for s, (_, risk) in systems.items() if not row.applies_to_risk or risk == row.applies_to_risk]
    if row.applies_to_risk and not bound:
        row.reason = f"applies to {row.applies_to_risk}-risk systems only; {org_label} operates none"
        return []
    row.applicable = "yes"
    who = f"the {row.addressee}" if row.addressee else org_label
    scope = f" for its {row.applies_to_risk}-risk systems" if row.applies_to_risk else ""
    row.reason = f"binding ({row.modality}) on {who}{scope}"
    return bound


def _fill(row: SoaRow, traces: list[tr.ObligationTrace]) -> None:
    """Status (the worst over the bound systems), controls, evidence and justification from the traces."""
    if not traces:
        row.status = "no systems"
        row.justification = "no AI system of the organisation to assess"
        return
    worst = min(traces, key=lambda t: tr.STATUS_ORDER[t.status])
    row.status = worst.status
    current, expired, why = set(), set(), []
    for t in traces:
        for c in t.controls:
            if c.id not in row.controls:
                row.controls.append(c.id)
                if c.justification:
                    why.append(f"{c.id}: {c.justification}")
            for impl in c.implementations:
                current |= {e.id for e in impl.evidence if e.current}
                expired |= {e.id for e in impl.evidence if not e.current}
    row.current_evidence, row.expired_evidence = sorted(current), sorted(expired - current)
    gaps: dict[str, list[str]] = {}
    for system, t in zip(row.systems, traces, strict=True):
        if t.status != tr.COVERED:
            gaps.setdefault(t.status, []).append(system)
    verdicts = [f"{status} on {', '.join(names)}" for status, names in sorted(gaps.items())]
    row.justification = "; ".join([*(verdicts or ["covered on every bound system"]), *why])


def statement(store: GraphStore, org_id: str, as_of: date) -> Statement:
    org, label, roles = _org(store, org_id)
    systems = _systems(store, org)
    by_system = {s: {o.iri: o for o in tr.trace_system(store, s, as_of).obligations} for s in systems}
    rows = []
    for iri, row in _rows(store, org):
        rows.append(row)
        bound = _applicability(row, label, roles, systems)
        if row.applicable != "yes":
            row.status = "not applicable"
            row.justification = row.reason
            continue
        traced = [s for s in bound if iri in by_system[s]]
        row.systems = [systems[s][0] for s in traced]
        _fill(row, [by_system[s][iri] for s in traced])
    return Statement(org_id, label, as_of, rows)


def render_csv(st: Statement) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in st.rows:
        writer.writerow(row.cells())
    return buf.getvalue().encode("utf-8")


def render_xlsx(st: Statement) -> bytes:
    """A workbook with the statement (filterable, frozen header, wrapped text) and an About sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "Statement of Applicability"
    ws.append([c.replace("_", " ").capitalize() for c in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
    fills = {"covered": "E2EFDA", "not applicable": "EDEDED"}
    for row in st.rows:
        ws.append(row.cells())
        colour = fills.get(row.status if row.applicable == "yes" else "not applicable", "FCE4D6")
        ws.cell(ws.max_row, COLUMNS.index("status") + 1).fill = PatternFill("solid", fgColor=colour)
    widths = {"text": 70, "reason": 40, "justification": 60, "section": 28, "document": 20}
    for i, name in enumerate(COLUMNS, start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = widths.get(name, 16)
    for cells in ws.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "D2"
    ws.auto_filter.ref = ws.dimensions
    about = wb.create_sheet("About")
    for item in (
        ("Organisation", f"{st.organisation_label} ({st.organisation})"),
        ("As of", st.as_of.isoformat()),
        ("Generated", datetime.now().replace(microsecond=0).isoformat()),
        ("Obligations", len(st.rows)),
        *sorted(st.counts().items()),
    ):
        about.append(list(item))
    about.column_dimensions["A"].width = 20
    about.column_dimensions["B"].width = 50
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


FORMATS = {"csv": render_csv, "xlsx": render_xlsx}
