"""OSCAL export: source documents as catalogs, controls and their implementers as a component-definition,
a validation run as assessment-results. The objects are compliance-trestle's pydantic models, so what is
written is what trestle (and the NIST schemas it is generated from) accepts.

UUIDs are name-based (uuid5 of the graph IRI), so exporting the same graph twice gives the same file
apart from ``last-modified``: exports can be diffed and re-imported without identities drifting.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from trestle.oscal import OSCAL_VERSION
from trestle.oscal import common as oc
from trestle.oscal.assessment_results import AssessmentResults, ImportAp, Result
from trestle.oscal.catalog import Catalog, Control, Group2
from trestle.oscal.component import ComponentDefinition, ControlImplementation, DefinedComponent, ImplementedRequirement

from compgraph.checks.report import Finding as ShaclFinding
from compgraph.checks.validate import validate_store
from compgraph.exchange.files import ExchangeError
from compgraph.exchange.packdata import UNDATED
from compgraph.graph.catalog import DOCUMENT_KINDS
from compgraph.graph.literals import iso_date
from compgraph.graph.namespaces import entity_iri
from compgraph.graph.store import GraphStore

# compgraph's own property names live in its ontology namespace, as OSCAL asks of non-NIST props.
NS = "https://w3id.org/compgraph/ontology"
KINDS = ("catalog", "component-definition", "assessment-results")
_KIND_SLUG = {str(iri): slug for slug, iri in DOCUMENT_KINDS.items()}


def stable_uuid(*names: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "|".join(names)))


def prop(name: str, value: object, own: bool = True) -> oc.Property:
    """An OSCAL property; ``own`` puts it in compgraph's namespace (NIST names such as ``label`` do not)."""
    return oc.Property(name=name, value=str(value), ns=NS if own else None)


def metadata(
    title: str, version: str = "1.0", props: list[oc.Property] | None = None, published: Any = None
) -> oc.Metadata:
    return oc.Metadata(
        title=" ".join(title.split()),
        last_modified=datetime.now(UTC).replace(microsecond=0),
        version=version,
        oscal_version=OSCAL_VERSION,
        published=published,
        props=props or None,
    )


def _day(d: date) -> datetime:
    return datetime.combine(d, time(0, 0), tzinfo=UTC)


def _s(value: Any) -> str:
    return "" if value is None else str(value)


# --- catalog ------------------------------------------------------------------------------------


def document_ids(store: GraphStore) -> list[str]:
    res = store.select("SELECT ?id WHERE { ?d a/rdfs:subClassOf* cg:SourceDocument ; dcterms:identifier ?id }")
    return sorted({str(r[0]) for r in res.rows})


def _document(store: GraphStore, doc_id: str) -> dict[str, str]:
    doc = entity_iri("document", doc_id)
    res = store.select(f"""
        SELECT ?kind ?title ?version ?publisher ?issued ?source ?digest ?attribution ?prefix WHERE {{
          <{doc}> a ?kind ; rdfs:label ?title .
          FILTER(?kind IN (cg:Regulation, cg:CodeOfConduct, cg:InternalPolicy))
          OPTIONAL {{ <{doc}> cg:documentVersion ?version }} OPTIONAL {{ <{doc}> dcterms:publisher ?publisher }}
          OPTIONAL {{ <{doc}> dcterms:issued ?issued }} OPTIONAL {{ <{doc}> dcterms:source ?source }}
          OPTIONAL {{ <{doc}> cg:sha256 ?digest }} OPTIONAL {{ <{doc}> dcterms:bibliographicCitation ?attribution }}
          OPTIONAL {{ <{doc}> cg:idPrefix ?prefix }}
        }} LIMIT 1""")
    if not res.rows:
        known = ", ".join(document_ids(store)) or "none loaded"
        raise ExchangeError(f"--document: no source document {doc_id!r} in the store (one of: {known})")
    row = dict(zip(res.variables, (_s(v) for v in res.rows[0]), strict=True))
    row["kind"] = _KIND_SLUG.get(row["kind"], "regulation")
    return row


def _obligations(store: GraphStore, doc_id: str) -> list[dict[str, str]]:
    doc = entity_iri("document", doc_id)
    res = store.select(f"""
        SELECT ?o ?id ?sec ?text ?modality ?topic ?addressee ?risk ?line WHERE {{
          ?o cg:fromDocument <{doc}> ; dcterms:identifier ?id ; cg:sourceText ?text ; cg:inSection ?s ;
             cg:modality ?m .
          ?s cg:sectionNumber ?sec . ?m skos:notation ?modality .
          OPTIONAL {{ ?o cg:topic/skos:notation ?topic }}
          OPTIONAL {{ ?o cg:addressee/skos:notation ?addressee }}
          OPTIONAL {{ ?o cg:appliesToRiskLevel/skos:notation ?risk }}
          OPTIONAL {{ ?o cg:sourceLine ?line }}
        }}""")
    rows = [dict(zip(res.variables, (_s(v) for v in r), strict=True)) for r in res.rows]
    rows.sort(key=lambda r: (int(r["line"]) if r["line"] else 0, r["id"]))
    return rows


def _sections(store: GraphStore, doc_id: str) -> list[tuple[str, str]]:
    doc = entity_iri("document", doc_id)
    res = store.select(f"""
        SELECT ?n ?title ?order WHERE {{ ?s dcterms:isPartOf <{doc}> ; a cg:Section ; cg:sectionNumber ?n ;
                                          rdfs:label ?title ; cg:order ?order }}""")
    return [(str(n), str(t)) for n, t, _ in sorted(res.rows, key=lambda r: int(str(r[2])))]


def group_id(section: str) -> str:
    # OSCAL ids must start with a letter or underscore; section numbers such as "05" do not.
    return f"sec-{section}"


def _control(ob: dict[str, str], source_ref: str | None) -> Control:
    props = [prop("label", ob["id"], own=False), prop("modality", ob["modality"])]
    for key, name in (("topic", "topic"), ("addressee", "addressee"), ("risk", "applies-to-risk")):
        if ob[key]:
            props.append(prop(name, ob[key]))
    if ob["line"]:
        props.append(prop("source-line", ob["line"]))
    links = [oc.Link(href=ob["o"], rel="canonical")]
    if source_ref:
        links.append(oc.Link(href=source_ref, rel="reference", text="source document"))
    text = ob["text"]
    return Control(
        id=ob["id"],
        title=text if len(text) <= 90 else text[:89].rsplit(" ", 1)[0] + "…",
        props=props,
        links=links,
        parts=[oc.Part(id=f"{ob['id']}_smt", name="statement", prose=text)],
    )


def export_catalog(store: GraphStore, doc_id: str) -> Catalog:
    """One source document as an OSCAL catalog: a group per section, a control per obligation."""
    doc = _document(store, doc_id)
    obligations = _obligations(store, doc_id)
    back_matter, source_ref = None, None
    if doc["source"]:
        resource_uuid = stable_uuid(entity_iri("document", doc_id), "source")
        hashes = [oc.Hash(algorithm="SHA-256", value=doc["digest"])] if doc["digest"] else None
        back_matter = oc.BackMatter(
            resources=[
                oc.Resource(
                    uuid=resource_uuid,
                    title=doc["title"],
                    description=doc["attribution"] or None,
                    rlinks=[oc.Rlink(href=doc["source"], media_type="text/plain", hashes=hashes)],
                )
            ]
        )
        source_ref = f"#{resource_uuid}"
    groups = []
    for number, title in _sections(store, doc_id):
        controls = [_control(ob, source_ref) for ob in obligations if ob["sec"] == number]
        groups.append(
            Group2(
                id=group_id(number), title=title, props=[prop("label", number, own=False)], controls=controls or None
            )
        )
    props = [prop("document-id", doc_id), prop("kind", doc["kind"])]
    if doc["prefix"]:
        props.append(prop("id-prefix", doc["prefix"]))
    if doc["publisher"]:
        props.append(prop("publisher", doc["publisher"]))
    issued = iso_date(doc["issued"])  # a document's dcterms:issued may be any literal ("2024", "soon")
    published = _day(issued) if issued is not None else None
    return Catalog(
        uuid=stable_uuid(entity_iri("document", doc_id)),
        metadata=metadata(doc["title"], doc["version"] or "1.0", props, published),
        groups=groups or None,
        back_matter=back_matter,
    )


# --- component-definition -----------------------------------------------------------------------


@dataclass
class _Implementer:
    iri: str
    id: str
    label: str
    kind: str
    description: str
    controls: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # control iri -> evidence rows


def _implementers(store: GraphStore, as_of: date) -> list[_Implementer]:
    res = store.select("""
        SELECT ?impl ?id ?label ?kind ?purpose ?c ?e ?until ?url ?file ?digest WHERE {
          ?impl cg:implementsControl ?c ; dcterms:identifier ?id ; rdfs:label ?label ; a ?kind .
          FILTER(?kind IN (cg:AISystem, cg:Organisation))
          OPTIONAL { ?impl cg:purpose ?purpose }
          OPTIONAL { ?e cg:evidenceFor ?c ; cg:concerns ?impl ; cg:validUntil ?until .
                     OPTIONAL { ?e dcat:downloadURL ?url } OPTIONAL { ?e cg:file ?file }
                     OPTIONAL { ?e cg:sha256 ?digest } }
        }""")
    out: dict[str, _Implementer] = {}
    for impl, ident, label, kind, purpose, c, e, until, url, file, digest in res.rows:
        row = out.get(str(impl))
        if row is None:
            is_org = str(kind).endswith("Organisation")
            desc = _s(purpose) or (f"Organisation-wide controls of {label}" if is_org else str(label))
            row = out[str(impl)] = _Implementer(
                str(impl), str(ident), str(label), "policy" if is_org else "software", desc
            )
        evidence = row.controls.setdefault(str(c), [])
        if e is not None and all(x["iri"] != str(e) for x in evidence):
            evidence.append(
                {
                    "iri": str(e),
                    "until": str(until),
                    "href": _s(url) or _s(file),
                    "digest": _s(digest),
                    "current": str((iso_date(until) or date.min) >= as_of).lower(),  # no date: not current
                }
            )
    return sorted(out.values(), key=lambda i: (i.kind != "policy", i.id))


def _controls(store: GraphStore) -> dict[str, dict[str, str]]:
    res = store.select("""
        SELECT ?c ?id ?title ?desc ?type ?owner (GROUP_CONCAT(?oid; separator=" ") AS ?satisfies) WHERE {
          ?c a cg:Control ; dcterms:identifier ?id ; rdfs:label ?title .
          OPTIONAL { ?c dcterms:description ?desc } OPTIONAL { ?c cg:controlType/skos:notation ?type }
          OPTIONAL { ?c cg:controlOwner ?owner }
          OPTIONAL { ?o cg:satisfiedBy ?c ; dcterms:identifier ?oid }
        } GROUP BY ?c ?id ?title ?desc ?type ?owner""")
    return {str(r[0]): dict(zip(res.variables, (_s(v) for v in r), strict=True)) for r in res.rows}


def _requirement(impl: _Implementer, control: dict[str, str], evidence: list[dict[str, str]]) -> ImplementedRequirement:
    state = "covered" if any(e["current"] == "true" for e in evidence) else ("expired" if evidence else "no evidence")
    props = [prop("evidence-status", state)]
    if control["type"]:
        props.append(prop("control-type", control["type"]))
    if control["owner"]:
        props.append(prop("control-owner", control["owner"]))
    props += [prop("satisfies", oid) for oid in sorted(set(control["satisfies"].split()))]
    links = [oc.Link(href=e["href"], rel="evidence", text=f"valid until {e['until']}") for e in evidence if e["href"]]
    return ImplementedRequirement(
        uuid=stable_uuid(impl.iri, control["c"]),
        control_id=control["id"],
        description=control["desc"] or control["title"],
        props=props,
        links=links or None,
    )


def export_component_definition(store: GraphStore, as_of: date) -> ComponentDefinition:
    """The controls as implemented: one component per AI system, one for the organisation's own controls."""
    controls = _controls(store)
    components = []
    for impl in _implementers(store, as_of):
        reqs = [_requirement(impl, controls[c], ev) for c, ev in sorted(impl.controls.items()) if c in controls]
        if not reqs:
            continue
        components.append(
            DefinedComponent(
                uuid=stable_uuid(impl.iri),
                type=impl.kind,
                title=impl.label,
                description=impl.description,
                props=[prop("id", impl.id), prop("as-of", as_of.isoformat())],
                links=[oc.Link(href=impl.iri, rel="canonical")],
                control_implementations=[
                    ControlImplementation(
                        uuid=stable_uuid(impl.iri, "controls"),
                        source=entity_iri("control", ""),
                        description=f"compgraph controls implemented by {impl.label}",
                        implemented_requirements=sorted(reqs, key=lambda r: r.control_id),
                    )
                ],
            )
        )
    if not components:
        raise ExchangeError("the store has no implemented controls to export (build or load an organisation first)")
    return ComponentDefinition(
        uuid=stable_uuid("compgraph", "component-definition"),
        metadata=metadata(
            "compgraph controls and the systems implementing them", props=[prop("as-of", as_of.isoformat())]
        ),
        components=components,
    )


# --- assessment-results -------------------------------------------------------------------------


def _evidence(store: GraphStore) -> list[dict[str, str]]:
    res = store.select("""
        SELECT ?e ?id ?label ?control ?subject ?subjectid ?issued ?until ?url ?file ?digest WHERE {
          ?e a cg:Evidence ; dcterms:identifier ?id ; rdfs:label ?label ; cg:evidenceFor/dcterms:identifier ?control ;
             cg:concerns ?subject ; cg:validUntil ?until .
          ?subject dcterms:identifier ?subjectid .
          OPTIONAL { ?e dcterms:issued ?issued } OPTIONAL { ?e dcat:downloadURL ?url }
          OPTIONAL { ?e cg:file ?file } OPTIONAL { ?e cg:sha256 ?digest }
        } ORDER BY ?id""")
    return [dict(zip(res.variables, (_s(v) for v in r), strict=True)) for r in res.rows]


def _observation(ev: dict[str, str], as_of: date) -> oc.Observation:
    until = iso_date(ev["until"])  # None: no date ("soon"), which proves nothing current
    state = UNDATED if until is None else "current" if until >= as_of else "expired"
    href = ev["url"] or ev["file"] or None
    evidence_props = [prop("sha256", ev["digest"])] if ev["digest"] else None
    return oc.Observation(
        uuid=stable_uuid(ev["e"]),
        title=ev["label"],
        description=f"Evidence {ev['id']} for control {ev['control']} concerning {ev['subjectid']}: {state} on "
        f"{as_of.isoformat()} (valid until {ev['until']}).",
        props=[prop("evidence-id", ev["id"]), prop("control", ev["control"]), prop("evidence-state", state)],
        methods=["EXAMINE"],
        types=["control-objective"],
        subjects=[
            oc.SubjectReference(subject_uuid=stable_uuid(ev["subject"]), type="component", title=ev["subjectid"])
        ],
        relevant_evidence=[oc.RelevantEvidence(href=href, description=ev["label"], props=evidence_props)],
        collected=_day(iso_date(ev["issued"]) or as_of),
        expires=_day(until) if until is not None else None,
    )


def _finding(f: ShaclFinding, observations: dict[str, list[str]], as_of: date) -> oc.Finding:
    related = [oc.RelatedObservation(observation_uuid=u) for u in observations.get(f.focus, [])]
    return oc.Finding(
        uuid=stable_uuid(f.rule, f.focus, f.message, f.path or ""),
        title=f"{f.rule}: {f.focus_label}",
        description=f.message,
        props=[prop("severity", f.severity), prop("rule", f.rule), prop("as-of", as_of.isoformat())],
        links=[oc.Link(href=f.focus, rel="subject")],
        target=oc.FindingTarget(
            type="objective-id",
            target_id=_token(f.rule),
            title=f.rule,
            status=oc.ObjectiveStatus(state="not-satisfied" if f.severity == "Violation" else "satisfied"),
        ),
        related_observations=related or None,
    )


def _token(text: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in text)
    return cleaned if cleaned[:1].isalpha() or cleaned[:1] == "_" else f"_{cleaned}"


def export_assessment_results(store: GraphStore, as_of: date, engine: str = "sparql") -> AssessmentResults:
    """A validation run on ``as_of``: every SHACL finding, and every evidence item as an observation."""
    outcome = validate_store(store, as_of, save=False, engine=engine)
    evidence = _evidence(store)
    observations = [_observation(ev, as_of) for ev in evidence]
    by_subject: dict[str, list[str]] = {}
    for ev, obs in zip(evidence, observations, strict=True):
        by_subject.setdefault(ev["subject"], []).append(obs.uuid)
    findings = [_finding(f, by_subject, as_of) for f in sorted(outcome.findings, key=lambda f: f.sort_key())]
    counts = outcome.counts()
    result = Result(
        uuid=stable_uuid("compgraph", "validation", as_of.isoformat()),
        title=f"compgraph validation as of {as_of.isoformat()}",
        description=f"SHACL validation of the compliance graph as of {as_of.isoformat()}: "
        f"{'conforms' if outcome.conforms else 'does not conform'}; "
        + ", ".join(f"{n} {k.lower()}{'s' if n != 1 else ''}" for k, n in sorted(counts.items())),
        start=_day(as_of),
        end=_day(as_of),
        props=[prop("as-of", as_of.isoformat()), prop("conforms", str(outcome.conforms).lower())],
        reviewed_controls=oc.ReviewedControls(control_selections=[oc.ControlSelectionsAll(include_all={})]),
        observations=observations or None,
        findings=findings or None,
    )
    return AssessmentResults(
        uuid=stable_uuid("compgraph", "assessment-results", as_of.isoformat()),
        metadata=metadata(
            f"compgraph assessment results {as_of.isoformat()}", props=[prop("as-of", as_of.isoformat())]
        ),
        import_ap=ImportAp(href="#", remarks="compgraph validates against its SHACL shapes; there is no separate plan"),
        results=[result],
    )


def export(store: GraphStore, kind: str, as_of: date, document: str | None = None) -> Any:
    """The trestle model of ``kind`` (one of KINDS); raises ExchangeError naming what is wrong."""
    if kind == "catalog":
        docs = document_ids(store)
        if document is None:
            if len(docs) != 1:
                raise ExchangeError(f"--document: choose the document to export (one of: {', '.join(docs) or 'none'})")
            document = docs[0]
        return export_catalog(store, document)
    if kind == "component-definition":
        return export_component_definition(store, as_of)
    if kind == "assessment-results":
        return export_assessment_results(store, as_of)
    raise ExchangeError(f"--kind: unknown OSCAL kind {kind!r} (one of {', '.join(KINDS)})")


def to_json(model: Any) -> bytes:
    return (model.oscal_serialize_json(pretty=True) + "\n").encode("utf-8")


def iter_props(props: Iterable[oc.Property] | None, name: str) -> list[str]:
    return [p.value for p in props or [] if p.name == name]


def value_of(token: Any) -> str:
    """A trestle token that may have been parsed as one of its enums, as text."""
    token = getattr(token, "root", token)
    return str(getattr(token, "value", token))
