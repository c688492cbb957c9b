"""Trace an obligation down to evidence, or an AI system up to the obligations that bind it.

obligation -> controls mapped to it -> systems (or the organisation) implementing them -> evidence,
each link with a status: covered, evidence expired, missing evidence, missing control, unmapped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rdflib import URIRef

from compgraph.graph.literals import NO_READABLE_DATE, iso_date
from compgraph.graph.namespaces import CG, shorten
from compgraph.graph.store import GraphStore

COVERED = "covered"
EXPIRED = "evidence expired"
NO_EVIDENCE = "no evidence"
MISSING_CONTROL = "missing control"
UNMAPPED = "unmapped"
STATUS_ORDER = {UNMAPPED: 0, MISSING_CONTROL: 1, NO_EVIDENCE: 2, EXPIRED: 3, COVERED: 4}


class UnknownEntity(LookupError):
    """No node with that id (or IRI) exists in the graph."""


@dataclass
class EvidenceItem:
    iri: str
    id: str
    label: str
    valid_until: str
    current: bool


@dataclass
class Implementation:
    """One implementer (a system, or the organisation for org-wide controls) of one control."""

    implementer: str
    implementer_id: str
    implementer_label: str
    evidence: list[EvidenceItem] = field(default_factory=list)

    @property
    def status(self) -> str:
        if any(e.current for e in self.evidence):
            return COVERED
        return EXPIRED if self.evidence else NO_EVIDENCE


@dataclass
class ControlLink:
    iri: str
    id: str
    label: str
    relation: str
    justification: str
    implementations: list[Implementation] = field(default_factory=list)


@dataclass
class ObligationTrace:
    iri: str
    id: str
    text: str
    modality: str
    document: str
    section: str
    controls: list[ControlLink] = field(default_factory=list)
    status: str = UNMAPPED


@dataclass
class SystemTrace:
    iri: str
    id: str
    label: str
    risk: str
    purpose: str
    annex_iii: str | None
    organisation: str
    obligations: list[ObligationTrace]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for o in self.obligations:
            out[o.status] = out.get(o.status, 0) + 1
        return out


def resolve(store: GraphStore, ident: str, cls: str | None = None) -> str:
    """An IRI, CURIE or dcterms:identifier -> the node's IRI; raises UnknownEntity."""
    type_filter = f"?x a cg:{cls} ." if cls else ""
    if ident.startswith(("http://", "https://")):
        res = store.select(f"ASK {{ <{ident}> ?p ?o . {type_filter.replace('?x', f'<{ident}>')} }}")
        if res.boolean:
            return ident
    else:
        literal = ident.replace("\\", "\\\\").replace('"', '\\"')
        res = store.select(f'SELECT ?x WHERE {{ ?x dcterms:identifier "{literal}" . {type_filter} }} LIMIT 2')
        if res.rows:
            return str(res.rows[0][0])
    raise UnknownEntity(f"no {cls or 'node'} with id {ident!r}")


def _values(iris: list[str]) -> str:
    return " ".join(f"<{i}>" for i in sorted(set(iris)))


def _mappings(store: GraphStore, obligations: list[str]) -> dict[str, list[ControlLink]]:
    if not obligations:
        return {}
    # Links and mapping records in two flat queries joined here: as one OPTIONAL, Oxigraph evaluated the
    # mapping group for every mapping in the store (a system's 619 obligations at 1.1M triples: 175 -> 85 ms).
    values = _values(obligations)
    links = store.select(f"""
        SELECT ?o ?c ?cid ?clabel WHERE {{
          VALUES ?o {{ {values} }} ?o cg:satisfiedBy ?c . ?c dcterms:identifier ?cid ; rdfs:label ?clabel .
        }}""")
    records: dict[tuple[str, str], tuple[str, str]] = {}
    for o, c, rel, why in store.select(f"""
        SELECT ?o ?c ?rel ?why WHERE {{
          VALUES ?o {{ {values} }} ?m cg:mappingSubject ?o ; cg:mappingObject ?c ; cg:mappingPredicate ?rel .
          OPTIONAL {{ ?m rdfs:comment ?why }}
        }}""").rows:
        records.setdefault((str(o), str(c)), (shorten(str(rel)), str(why or "")))
    out: dict[str, list[ControlLink]] = {}
    for o, c, cid, clabel in sorted(links.rows, key=lambda r: (str(r[0]), str(r[2]), str(r[1]))):
        found = out.setdefault(str(o), [])
        if not any(link.iri == str(c) for link in found):
            rel, why = records.get((str(o), str(c)), ("", ""))
            found.append(ControlLink(str(c), str(cid), str(clabel), rel, why))
    return out


def _implementations(
    store: GraphStore, controls: list[str], as_of: date, only_for: str | None = None
) -> dict[str, list[Implementation]]:
    """Who implements each control and with what evidence; ``only_for`` limits to one system."""
    if not controls:
        return {}
    # Implementers: the systems (or only_for) and the organisations operating them.
    if only_for:
        # BIND, not a VALUES alone in the branch: Virtuoso 7.2 found no row for that branch, so a system page there
        # called 325 of 330 obligations "missing control" (58 are).
        scope = f"{{ BIND(<{only_for}> AS ?impl) }} UNION {{ <{only_for}> cg:operatedBy ?impl }}"
    else:
        scope = "{ ?impl a cg:AISystem } UNION { ?s a cg:AISystem ; cg:operatedBy ?impl }"
    values = _values(controls)
    # Whichever side is smaller first (Oxigraph joins in the written order): one system's two
    # implementers, or an obligation's few controls.
    first, second = f"VALUES ?c {{ {values} }}", f"{{ SELECT DISTINCT ?impl WHERE {{ {scope} }} }}"
    if only_for:
        first, second = second, first
    # The evidence OPTIONAL restates the smaller side: Oxigraph evaluates an OPTIONAL on its own, and
    # unrestricted it joined every evidence item in the store (3.9 s for one obligation at 1.1M triples).
    # Sorted in Python: ORDER BY on ids decodes them from the store on every comparison.
    res = store.select(f"""
        SELECT ?c ?impl ?implid ?impllabel ?e ?eid ?elabel ?until WHERE {{
          {first}
          ?impl cg:implementsControl ?c .
          {second}
          FILTER NOT EXISTS {{ ?impl a cg:Organisation . ?c cg:scope cg:SystemScope }}
          ?impl dcterms:identifier ?implid ; rdfs:label ?impllabel .
          OPTIONAL {{
            {first}
            ?e cg:concerns ?impl ; cg:evidenceFor ?c ; cg:validUntil ?until ;
               dcterms:identifier ?eid ; rdfs:label ?elabel .
          }}
        }}""")
    res.rows.sort(key=lambda r: (str(r[0]), str(r[2]), "" if r[5] is None else str(r[5])))
    out: dict[str, list[Implementation]] = {}
    for c, impl, implid, impllabel, e, eid, elabel, until in res.rows:
        impls = out.setdefault(str(c), [])
        current = next((i for i in impls if i.implementer == str(impl)), None)
        if current is None:
            current = Implementation(str(impl), str(implid), str(impllabel))
            impls.append(current)
        if e is not None and not any(x.iri == str(e) for x in current.evidence):
            current.evidence.append(
                EvidenceItem(str(e), str(eid), str(elabel), str(until), _current(until, as_of))
            )
    return out


def _current(until: object, as_of: date) -> bool:
    # A validUntil that is not a date (validation reports it) proves nothing current.
    day = iso_date(until)
    return day is not None and day >= as_of


def _status(controls: list[ControlLink]) -> str:
    if not controls:
        return UNMAPPED
    statuses = [i.status for c in controls for i in c.implementations]
    if not statuses:
        return MISSING_CONTROL
    return min(statuses, key=lambda s: -STATUS_ORDER[s])  # the best link decides


def trace_obligation(store: GraphStore, ident: str, as_of: date) -> ObligationTrace:
    iri = resolve(store, ident, "Obligation")
    res = store.select(f"""
        SELECT ?id ?text ?mod ?doc ?sec WHERE {{
          <{iri}> dcterms:identifier ?id ; cg:sourceText ?text ; cg:modality ?m ; cg:fromDocument ?d ; cg:inSection ?s .
          ?m skos:prefLabel ?mod . ?d rdfs:label ?doc . ?s rdfs:label ?sec .
        }} LIMIT 1""")
    if not res.rows:
        raise UnknownEntity(f"obligation {ident!r} has no catalog entry")
    oid, text, mod, doc, sec = (str(v) for v in res.rows[0])
    trace = ObligationTrace(iri, oid, text, mod, doc, sec)
    trace.controls = _mappings(store, [iri]).get(iri, [])
    impls = _implementations(store, [c.iri for c in trace.controls], as_of)
    for c in trace.controls:
        c.implementations = impls.get(c.iri, [])
    trace.status = _status(trace.controls)
    return trace


def trace_system(store: GraphStore, ident: str, as_of: date) -> SystemTrace:
    iri = resolve(store, ident, "AISystem")
    res = store.select(f"""
        SELECT ?id ?label ?risk ?purpose ?annex ?org WHERE {{
          <{iri}> dcterms:identifier ?id ; rdfs:label ?label ; cg:riskLevel ?r ; cg:operatedBy ?o .
          ?r skos:prefLabel ?risk . ?o rdfs:label ?org .
          OPTIONAL {{ <{iri}> cg:purpose ?purpose }}
          OPTIONAL {{ <{iri}> cg:annexIIIArea ?a . ?a skos:prefLabel ?annex }}
        }} LIMIT 1""")
    if not res.rows:
        raise UnknownEntity(f"AI system {ident!r} has no risk level or operator")
    sid, label, risk, purpose, annex, org = res.rows[0]
    binding = store.select(f"""
        SELECT ?o ?id ?text ?mod ?doc ?sec WHERE {{
          <{iri}> cg:operatedBy/cg:subjectTo ?d .
          ?o cg:fromDocument ?d ; dcterms:identifier ?id ; cg:sourceText ?text ; cg:modality ?m ; cg:inSection ?s .
          ?m skos:prefLabel ?mod . ?d rdfs:label ?doc . ?s rdfs:label ?sec .
          FILTER(?m IN (cg:Mandatory, cg:Prohibition, cg:Commitment))
          MINUS {{ ?o cg:appliesToRiskLevel ?r . FILTER NOT EXISTS {{ <{iri}> cg:riskLevel ?r }} }}
        }} ORDER BY ?id""")
    obligations = [ObligationTrace(str(o), str(i), str(t), str(m), str(d), str(s)) for o, i, t, m, d, s in binding.rows]
    mappings = _mappings(store, [o.iri for o in obligations])
    controls = sorted({c.iri for links in mappings.values() for c in links})
    impls = _implementations(store, controls, as_of, only_for=iri)
    for o in obligations:
        o.controls = mappings.get(o.iri, [])
        for c in o.controls:
            c.implementations = impls.get(c.iri, [])
        o.status = _status(o.controls)
    obligations.sort(key=lambda o: (STATUS_ORDER[o.status], o.id))
    return SystemTrace(
        iri, str(sid), str(label), str(risk), str(purpose or ""), str(annex) if annex else None, str(org), obligations
    )


def trace(store: GraphStore, ident: str, as_of: date) -> ObligationTrace | SystemTrace:
    """Trace whatever ``ident`` names: an obligation or an AI system."""
    kinds = store.select(f'SELECT ?t WHERE {{ ?x dcterms:identifier "{ident}" ; a ?t }}') if '"' not in ident else None
    types = {str(r[0]) for r in kinds.rows} if kinds else set()
    if str(CG.AISystem) in types or (ident.startswith("http") and _is_a(store, ident, CG.AISystem)):
        return trace_system(store, ident, as_of)
    return trace_obligation(store, ident, as_of)


def _is_a(store: GraphStore, iri: str, cls: URIRef) -> bool:
    return bool(store.query(f"ASK {{ <{iri}> a <{cls}> }}").boolean)


# --- text rendering ----------------------------------------------------------------------------


def _render_controls(lines: list[str], controls: list[ControlLink], indent: str) -> None:
    for c in controls:
        rel = f" [{c.relation}]" if c.relation else ""
        lines.append(f"{indent}control {c.id}: {c.label}{rel}")
        if not c.implementations:
            lines.append(f"{indent}  not implemented")
        for impl in c.implementations:
            lines.append(f"{indent}  {impl.implementer_id} — {impl.status}")
            for e in impl.evidence:
                state = "current" if e.current else "EXPIRED" if iso_date(e.valid_until) else NO_READABLE_DATE
                lines.append(f"{indent}    evidence {e.id}: {e.label} (valid until {e.valid_until}, {state})")


def render_obligation(t: ObligationTrace) -> str:
    lines = [f"{t.id} ({t.modality}) — {t.document}, {t.section}", f'  "{t.text}"', f"  status: {t.status}"]
    if not t.controls:
        lines.append("  no control is mapped to this obligation")
    _render_controls(lines, t.controls, "  ")
    return "\n".join(lines) + "\n"


def render_system(t: SystemTrace, only_gaps: bool = False) -> str:
    head = f"{t.id}: {t.label} — risk {t.risk}" + (f", EU AI Act Annex III: {t.annex_iii}" if t.annex_iii else "")
    counts = ", ".join(f"{n} {s}" for s, n in sorted(t.counts().items(), key=lambda kv: STATUS_ORDER[kv[0]]))
    lines = [head, f"  operated by {t.organisation}; {len(t.obligations)} binding obligations: {counts}"]
    for o in t.obligations:
        if only_gaps and o.status == COVERED:
            continue
        lines.append("")
        lines.append(f"  {o.id} ({o.modality}, {o.document}) — {o.status}")
        lines.append(f'    "{o.text}"')
        if not o.controls:
            lines.append("    no control is mapped to this obligation")
        _render_controls(lines, o.controls, "    ")
    return "\n".join(lines) + "\n"
