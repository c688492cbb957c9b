"""Every constraint of the shipped shapes, one at a time: a graph that breaks exactly it gets its message.

The cases are read from ``ontology/shapes/*.ttl``: for each property shape and each Core constraint
component on it, the valid base graph below is altered at exactly the constrained triple (values removed
for sh:minCount, one more value for sh:maxCount, a value of the wrong datatype, kind, class, length,
pattern, range or list). SPARQL constraints (the coverage rules and the two evidence rules) cannot be
derived from their text, so each has an explicit alteration in ``SPARQL_CASES``.

``INVENTORY`` pins which constraints the shapes hold: deleting one (say the sh:minCount of
cg:operatedBy) fails ``test_the_shapes_hold_exactly_the_inventoried_constraints`` instead of silently
dropping its case; a new one fails it until it is listed, and its derived case already runs.
Both engines run every case: they share the shapes, so agreeing with each other proves nothing about a
shape; asserting the message does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, XSD
from rdflib.term import Node

from compgraph.checks.report import Finding
from compgraph.checks.shapes import load_shapes
from compgraph.checks.validate import validate_graph, validate_store
from compgraph.graph import paths
from compgraph.graph.namespaces import CG, CGR, graph_iri, shorten
from compgraph.graph.store import LocalStore

AS_OF = date(2026, 11, 22)
CGS = Namespace("https://w3id.org/compgraph/shapes#")
ENGINES = ["sparql", "pyshacl"]

# One valid instance of every class the shapes target, with every optional field filled in, so each
# constraint has a triple to break. A second document, section, obligation, control and organisation exist so
# that "one value too many" can name another real node of the right class. The organisation implements an
# organisation-scope control and a second organisation has evidence, so the organisation constraints and the
# "what evidence concerns" rule have a triple to break too.
BASE = """
@prefix cg: <https://w3id.org/compgraph/ontology#> .
@prefix cgr: <https://w3id.org/compgraph/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dpv: <https://w3id.org/dpv#> .
@prefix semapv: <https://w3id.org/semapv/vocab/> .

cgr:document\\/reg a cg:Regulation ; dcterms:identifier "reg" ; rdfs:label "Base regulation" .
cgr:document\\/pol a cg:InternalPolicy ; dcterms:identifier "pol" ; rdfs:label "Base policy" .
cgr:section\\/reg\\/1 a cg:Section ; dcterms:isPartOf cgr:document\\/reg ; cg:order 1 .
cgr:section\\/reg\\/2 a cg:Section ; dcterms:isPartOf cgr:document\\/reg ; cg:order 2 .
cgr:obligation\\/REG-1-01 a cg:Obligation ; dcterms:identifier "REG-1-01" ;
    cg:sourceText "Providers must keep a log of every automated decision." ; cg:sourceLine 3 ;
    cg:modality cg:Mandatory ; cg:fromDocument cgr:document\\/reg ; cg:inSection cgr:section\\/reg\\/1 ;
    cg:topic cg:TopicTransparency ; cg:addressee cg:RoleProvider ; cg:appliesToRiskLevel cg:RiskHigh ;
    cg:satisfiedBy cgr:control\\/CTL-HO , cgr:control\\/CTL-IA .
cgr:obligation\\/REG-2-01 a cg:Obligation ; dcterms:identifier "REG-2-01" ;
    cg:sourceText "Providers should publish a summary of the log." ; cg:modality cg:Recommended ;
    cg:fromDocument cgr:document\\/reg ; cg:inSection cgr:section\\/reg\\/2 .
cgr:control\\/CTL-HO a cg:Control ; dcterms:identifier "CTL-HO" ; rdfs:label "Human oversight" ;
    cg:controlType cg:HumanOversight ; cg:scope cg:SystemScope ; cg:controlOwner "Ethics committee" .
cgr:control\\/CTL-IA a cg:Control ; dcterms:identifier "CTL-IA" ; rdfs:label "Impact assessment" ;
    cg:controlType cg:ImpactAssessment ; cg:scope cg:SystemScope ; cg:controlOwner "Risk office" .
cgr:control\\/CTL-GOV a cg:Control ; dcterms:identifier "CTL-GOV" ; rdfs:label "AI governance policy" ;
    cg:controlType cg:Governance ; cg:scope cg:OrganisationScope ; cg:controlOwner "Board" .
cgr:control\\/CTL-LOG a cg:Control ; dcterms:identifier "CTL-LOG" ; rdfs:label "Decision log" ;
    cg:controlType cg:RecordKeeping ; cg:scope cg:SystemScope .
cgr:mapping\\/m1 a cg:ControlMapping ; cg:mappingSubject cgr:obligation\\/REG-1-01 ;
    cg:mappingObject cgr:control\\/CTL-HO ; cg:mappingPredicate skos:exactMatch ;
    cg:mappingJustification semapv:ManualMappingCuration ; cg:confidence 0.9 .
cgr:organisation\\/base a cg:Organisation ; dcterms:identifier "base" ; rdfs:label "Base Ltd" ;
    cg:subjectTo cgr:document\\/reg ; cg:implementsControl cgr:control\\/CTL-GOV .
cgr:organisation\\/other a cg:Organisation ; dcterms:identifier "other" ; rdfs:label "Other Ltd" .
cgr:system\\/scorer a cg:AISystem ; dcterms:identifier "scorer" ; rdfs:label "CV scorer" ;
    cg:riskLevel cg:RiskHigh ; cg:operatedBy cgr:organisation\\/base ; cg:lastReviewed "2026-11-01"^^xsd:date ;
    cg:purpose "Ranks job applications" ; cg:annexIIIArea cg:AnnexIIIEmployment ;
    cg:implementsControl cgr:control\\/CTL-HO , cgr:control\\/CTL-IA ;
    cg:usesDataset cgr:dataset\\/cvs ; cg:trainedOn cgr:dataset\\/cvs .
cgr:dataset\\/cvs a cg:Dataset ; dcterms:identifier "cvs" ; rdfs:label "Past applications" ;
    cg:containsPersonalData true ; cg:legalBasis dpv:Consent ; dcterms:provenance cgr:dataset\\/cvs\\/provenance ;
    prov:wasAttributedTo cgr:agent\\/hr .
cgr:dataset\\/cvs\\/provenance a dcterms:ProvenanceStatement ; rdfs:label "Collected with consent" .
cgr:agent\\/hr a prov:Agent ; rdfs:label "HR" .
cgr:agent\\/ethics a prov:Agent ; rdfs:label "Ethics committee" .
cgr:agent\\/risk a prov:Agent ; rdfs:label "Risk office" .
cgr:evidence\\/ho a cg:Evidence ; dcterms:identifier "ho" ; rdfs:label "Oversight procedure" ;
    cg:evidenceFor cgr:control\\/CTL-HO ; cg:concerns cgr:system\\/scorer ; dcterms:issued "2026-01-01"^^xsd:date ;
    cg:validUntil "2027-06-30"^^xsd:date ; prov:wasAttributedTo cgr:agent\\/ethics ;
    cg:url <https://example.org/ho.pdf> ;
    cg:sha256 "0000000000000000000000000000000000000000000000000000000000000001" .
cgr:evidence\\/ia a cg:Evidence ; dcterms:identifier "ia" ; rdfs:label "Impact assessment 2026" ;
    cg:evidenceFor cgr:control\\/CTL-IA ; cg:concerns cgr:system\\/scorer ; dcterms:issued "2026-02-01"^^xsd:date ;
    cg:validUntil "2027-06-30"^^xsd:date ; prov:wasAttributedTo cgr:agent\\/risk ;
    cg:sha256 "0000000000000000000000000000000000000000000000000000000000000002" .
cgr:evidence\\/pol-other a cg:Evidence ; dcterms:identifier "pol-other" ; rdfs:label "Governance policy of Other Ltd" ;
    cg:evidenceFor cgr:control\\/CTL-GOV ; cg:concerns cgr:organisation\\/other ;
    dcterms:issued "2026-03-01"^^xsd:date ; cg:validUntil "2027-06-30"^^xsd:date ;
    cg:sha256 "0000000000000000000000000000000000000000000000000000000000000003" .
cgr:evidence\\/pol a cg:Evidence ; dcterms:identifier "pol" ; rdfs:label "Governance policy 2026" ;
    cg:evidenceFor cgr:control\\/CTL-GOV ; cg:concerns cgr:organisation\\/base ;
    dcterms:issued "2026-03-01"^^xsd:date ; cg:validUntil "2027-06-30"^^xsd:date ;
    cg:sha256 "0000000000000000000000000000000000000000000000000000000000000004" .
"""

SYSTEM = CGR["system/scorer"]
DATASET = CGR["dataset/cvs"]
EVIDENCE_IA = CGR["evidence/ia"]
OBLIGATION = CGR["obligation/REG-1-01"]
ORGANISATION = CGR["organisation/base"]
UNDECLARED = CGR["system/undeclared"]

# Every Core constraint the shapes hold, as "NodeShape path component". Keep in step with the shapes.
INVENTORY = """
SourceDocumentShape dcterms:identifier minCount | maxCount | datatype
SourceDocumentShape rdfs:label minCount | maxCount
SectionShape dcterms:isPartOf minCount | maxCount | class
SectionShape cg:order maxCount | datatype
ObligationShape dcterms:identifier minCount | maxCount | datatype
ObligationShape cg:sourceText minCount | maxCount | minLength
ObligationShape cg:sourceLine maxCount | datatype | minInclusive
ObligationShape cg:modality minCount | maxCount | in
ObligationShape cg:fromDocument minCount | maxCount | nodeKind
ObligationShape cg:inSection minCount | maxCount | class
ObligationShape cg:topic maxCount | nodeKind
ObligationShape cg:addressee in
ObligationShape cg:satisfiedBy class
ObligationShape cg:appliesToRiskLevel in
ControlShape dcterms:identifier minCount | maxCount | datatype
ControlShape rdfs:label minCount
ControlShape cg:controlType minCount | maxCount | nodeKind
ControlShape cg:scope minCount | maxCount | in
ControlShape cg:controlOwner maxCount | datatype
ControlMappingShape cg:mappingSubject minCount | maxCount | nodeKind | class
ControlMappingShape cg:mappingObject minCount | maxCount | nodeKind | class
ControlMappingShape cg:mappingPredicate minCount | maxCount | in
ControlMappingShape cg:mappingJustification minCount | maxCount | nodeKind
ControlMappingShape cg:confidence maxCount | datatype | minInclusive | maxInclusive
OrganisationShape dcterms:identifier minCount | maxCount | datatype
OrganisationShape rdfs:label minCount
OrganisationShape cg:implementsControl class
OrganisationShape cg:subjectTo class
SystemShape dcterms:identifier minCount | maxCount | datatype
SystemShape rdfs:label minCount
SystemShape cg:riskLevel minCount | maxCount | in
SystemShape cg:operatedBy minCount | maxCount | class
SystemShape cg:lastReviewed maxCount | datatype
SystemShape cg:purpose maxCount | datatype
SystemShape cg:annexIIIArea in
SystemShape cg:implementsControl class
SystemShape cg:usesDataset class
SystemShape cg:trainedOn class
SystemReviewDateShape cg:lastReviewed minCount
DatasetShape dcterms:identifier minCount | maxCount | datatype
DatasetShape rdfs:label minCount
DatasetShape cg:containsPersonalData minCount | maxCount | datatype
DatasetShape cg:legalBasis in
DatasetShape dcterms:provenance maxCount | minLength
EvidenceShape dcterms:identifier minCount | maxCount | datatype
EvidenceShape rdfs:label minCount
EvidenceShape cg:evidenceFor minCount | maxCount | class
EvidenceShape cg:concerns minCount | maxCount | nodeKind
EvidenceShape dcterms:issued minCount | maxCount | datatype
EvidenceShape cg:validUntil minCount | maxCount | datatype
EvidenceShape cg:sha256 minCount | maxCount | pattern
EvidenceShape prov:wasAttributedTo maxCount
"""

COMPONENTS = {
    SH.minCount: "minCount",
    SH.maxCount: "maxCount",
    SH.datatype: "datatype",
    SH["class"]: "class",
    SH.nodeKind: "nodeKind",
    SH["in"]: "in",
    SH.minLength: "minLength",
    SH.pattern: "pattern",
    SH.minInclusive: "minInclusive",
    SH.maxInclusive: "maxInclusive",
}
# Parameters of a property shape that are not constraints of their own.
NOT_CONSTRAINTS = {SH.path, SH.message, SH.severity, SH.name, SH.description, RDFS.label, RDFS.comment, RDF.type}


def inventory() -> set[str]:
    out = set()
    for line in INVENTORY.strip().splitlines():
        head, comps = line.rsplit(" ", 1)[0], line.split(" ", 2)[2]
        shape, path = head.split(" ")[:2]
        out |= {f"{shape} {path} {c.strip()}" for c in comps.split("|")}
    return out


@dataclass(frozen=True)
class Case:
    """One constraint: the node shape, the property shape, the component and its parameter."""

    shape: URIRef
    prop: Node
    path: URIRef
    component: URIRef
    param: Node | None  # None: inventoried but gone from the shapes

    @property
    def name(self) -> str:
        return f"{self.shape.split('#')[-1]} {shorten(str(self.path))} {COMPONENTS.get(self.component, self.component)}"


def shapes_graph() -> Graph:
    return load_shapes()


def derived_cases(shapes: Graph) -> list[Case]:
    cases = []
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape))):
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            for component, param in shapes.predicate_objects(prop):
                if component not in NOT_CONSTRAINTS:
                    cases.append(Case(shape, prop, path, component, param))
    return sorted(cases, key=lambda c: c.name)


def world() -> Graph:
    """The ontology and the concepts, which the shapes need (class hierarchy, review intervals)."""
    g = Graph()
    g.parse(paths.ontology_dir() / "compgraph.ttl")
    g.parse(paths.ontology_dir() / "concepts.ttl")
    return g


def lost_cases(shapes: Graph, derived: list[Case]) -> list[Case]:
    """Inventoried constraints gone from a property shape that still exists: their cases must still hold,
    so a dropped sh:minCount shows up as the missing finding it causes, not only as an inventory diff."""
    by_name = {v: k for k, v in COMPONENTS.items()}
    have = {c.name for c in derived}
    out = []
    for name in sorted(inventory() - have):
        shape_name, path_name, component = name.split(" ")
        shape = CGS[shape_name]
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            if shorten(str(path)) == path_name:
                out.append(Case(shape, prop, path, by_name[component], None))
    return out


WORLD = world()
WORLD_NT = WORLD.serialize(format="nt", encoding="utf-8")
SHAPES = shapes_graph()
CASES = derived_cases(SHAPES)
CASES += lost_cases(SHAPES, CASES)


def base() -> Graph:
    return Graph().parse(data=BASE, format="turtle")


def focus_of(shape: URIRef, data: Graph) -> URIRef:
    """The base graph's instance of the class a node shape targets (subclasses count)."""
    target = SHAPES.value(shape, SH.targetClass)
    assert target is not None, f"{shape} has no sh:targetClass: add its focus node to the test"
    classes = set(WORLD.transitive_subjects(RDFS.subClassOf, target)) | {target}
    nodes = sorted({s for c in classes for s in data.subjects(RDF.type, c) if isinstance(s, URIRef)})
    assert nodes, f"the base graph has no {shorten(str(target))}: add one"
    return nodes[0]


def on_path(case: Case, component: URIRef) -> Node | None:
    """The parameter of ``component`` for the case's path: on its property shape, or on another property shape
    of the same node shape with the same path (a value must satisfy them all)."""
    props = [case.prop] + [q for q in SHAPES.objects(case.shape, SH.property) if q != case.prop]
    return next((v for q in props if SHAPES.value(q, SH.path) == case.path for v in SHAPES.objects(q, component)), None)


def another_value(case: Case, data: Graph, current: Node | None) -> Node:
    """A second value that is fine on its own (right kind, class, list, range), so only the count is wrong."""
    p = SHAPES
    allowed = on_path(case, SH["in"])
    if allowed is not None:
        return next(v for v in Collection(p, allowed) if v != current)
    cls = on_path(case, SH["class"])
    if cls is not None:
        classes = set(WORLD.transitive_subjects(RDFS.subClassOf, cls)) | {cls}
        return next(s for c in classes for s in sorted(data.subjects(RDF.type, c)) if s != current)
    if isinstance(current, Literal):
        v = current.toPython()
        if isinstance(v, bool):
            return Literal(not v)
        if isinstance(v, date):
            return Literal(v + timedelta(days=1))
        if isinstance(v, Decimal):
            return Literal(Decimal("0.5"), datatype=XSD.decimal)
        if isinstance(v, int):
            return Literal(v + 1)
        if p.value(case.prop, SH.pattern) is not None:
            return Literal(str(current)[::-1], datatype=current.datatype)
        return Literal(str(current) + " (second)", datatype=current.datatype, lang=current.language)
    return URIRef("urn:compgraph-test:another")


def wrong_value(case: Case, data: Graph, current: Node | None) -> Node:
    """A replacement for the value that breaks only this component."""
    c, param = case.component, case.param
    assert param is not None or c not in (SH.minLength, SH.minInclusive, SH.maxInclusive), f"{case.name}: gone"
    lexical = str(current) if current is not None else "x"
    if c == SH.datatype:
        return Literal(lexical, lang="en") if param == XSD.string else Literal(lexical, datatype=XSD.string)
    if c in (SH["class"], SH["in"]):
        return URIRef("urn:compgraph-test:not-allowed")
    if c == SH.nodeKind:
        if isinstance(current, URIRef) and on_path(case, SH["class"]) is not None:
            # A literal is an instance of no class, so it would break the path's sh:class too: a blank node
            # carrying the value's own description is of the right class and breaks only the node kind.
            copy = BNode()
            for p, o in list(data.predicate_objects(current)):
                data.add((copy, p, o))
            return copy
        return Literal(lexical)
    if c == SH.minLength:
        return Literal("x" * (int(param) - 1))
    if c == SH.pattern:
        return Literal("not a match: " + lexical)
    if c in (SH.minInclusive, SH.maxInclusive):
        bound = param.toPython()
        step = Decimal("0.5") if isinstance(bound, Decimal) else 1
        datatype = current.datatype if isinstance(current, Literal) else None
        return Literal(bound - step if c == SH.minInclusive else bound + step, datatype=datatype)
    raise AssertionError(f"{case.name}: no way to break {shorten(str(c))}; list it in SPARQL_CASES or extend")


def break_constraint(case: Case, data: Graph) -> URIRef:
    """Alter ``data`` so exactly ``case`` fails on the returned focus node."""
    focus = focus_of(case.shape, data)
    values = sorted(data.objects(focus, case.path))
    current = values[0] if values else None
    if case.component == SH.minCount:
        data.remove((focus, case.path, None))
    elif case.component == SH.maxCount:
        needed = int(case.param if case.param is not None else 1) + 1 - len(values)
        if current is None:  # optional and absent in the base: start from one valid value
            raise AssertionError(f"{case.name}: the base graph gives {shorten(str(focus))} no value to repeat")
        extra = current
        for _ in range(needed):
            extra = another_value(case, data, extra)
            data.add((focus, case.path, extra))
    else:
        assert current is not None, f"{case.name}: the base graph gives {shorten(str(focus))} no value to alter"
        data.remove((focus, case.path, current))
        data.add((focus, case.path, wrong_value(case, data, current)))
    return focus


def validate(data: Graph, engine: str, where: Path) -> list[Finding]:
    if engine == "pyshacl":
        return validate_graph(WORLD + data, AS_OF, SHAPES).findings
    store = LocalStore(where)
    store.replace_graph(graph_iri("ontology"), WORLD_NT)
    store.replace_graph(graph_iri("organisation", "base"), data.serialize(format="nt", encoding="utf-8"))
    try:
        return validate_store(store, AS_OF, SHAPES, save=False, engine="sparql").findings
    finally:
        store.close()


def message_of(case: Case) -> str:
    msg = SHAPES.value(case.prop, SH.message) or SHAPES.value(case.shape, SH.message)
    assert msg is not None, f"{case.name} has no sh:message: every constraint must say what is wrong"
    return str(msg)


def structural(findings: list[Finding]) -> set[tuple[str, str]]:
    """(focus, message) of the property-shape findings: SPARQL rules may react to a change too."""
    return {(f.focus, f.message) for f in findings if f.path is not None}


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_the_base_graph_is_valid(engine: str, tmp_path: Path) -> None:
    assert validate(base(), engine, tmp_path / "s") == []


def test_the_shapes_hold_exactly_the_inventoried_constraints() -> None:
    derived = {c.name for c in CASES if c.param is not None}
    listed = inventory()
    assert not (listed - derived), f"constraints gone from the shapes: {sorted(listed - derived)}"
    assert not (derived - listed), f"constraints missing from INVENTORY (their cases run): {sorted(derived - listed)}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_breaking_one_constraint_reports_its_message(case: Case, engine: str, tmp_path: Path) -> None:
    data = base()
    focus = break_constraint(case, data)
    findings = validate(data, engine, tmp_path / "s")
    expected = (str(focus), message_of(case))
    assert structural(findings) == {expected}, f"{case.name}: {[(f.focus, f.message) for f in findings]}"
    # SHACL: a result's severity is that of the property shape that produced it (a node shape's own
    # sh:severity does not reach its property shapes).
    severity = SHAPES.value(case.prop, SH.severity) or SH.Violation
    assert {f.severity for f in findings if (f.focus, f.message) == expected} == {str(severity).split("#")[-1]}


# --- SPARQL constraints: one explicit alteration each ----------------------------------------------


def _set(s: URIRef, p: URIRef, o: Node) -> Callable[[Graph], None]:
    def alter(g: Graph) -> None:
        g.set((s, p, o))

    return alter


def _drop(s: URIRef, p: URIRef, o: Node | None = None) -> Callable[[Graph], None]:
    def alter(g: Graph) -> None:
        g.remove((s, p, o))

    return alter


def org_wide_impact_assessment(g: Graph) -> None:
    """The impact assessment moves to the organisation as an organisation-scope control, with current evidence
    concerning the organisation: an impact assessment is per system, so it no longer counts."""
    ia = CGR["control/CTL-IA"]
    g.remove((SYSTEM, CG.implementsControl, ia))
    g.add((ORGANISATION, CG.implementsControl, ia))
    g.set((ia, CG.scope, CG.OrganisationScope))
    g.set((EVIDENCE_IA, CG.concerns, ORGANISATION))


# rule IRI -> (focus, alteration, a fragment of the expected message)
SPARQL_CASES: dict[URIRef, tuple[URIRef, Callable[[Graph], None], str]] = {
    CGS.EvidenceDatesRule: (
        EVIDENCE_IA,
        _set(EVIDENCE_IA, DCTERMS.issued, Literal(date(2027, 7, 1))),
        "Evidence Impact assessment 2026 is valid until 2027-06-30, before it was issued on 2027-07-01",
    ),
    CGS.HumanOversightRule: (
        SYSTEM,
        _drop(SYSTEM, CG.implementsControl, CGR["control/CTL-HO"]),
        "High-risk system CV scorer has no human-oversight control",
    ),
    CGS.ImpactAssessmentRule: (
        SYSTEM,
        org_wide_impact_assessment,
        "High-risk system CV scorer has no impact assessment with evidence valid on the validation date",
    ),
    CGS.CurrentEvidenceRule: (
        SYSTEM,
        _set(CGR["evidence/ho"], CG.validUntil, Literal(date(2026, 11, 21))),
        "CV scorer implements control CTL-HO with no evidence valid on the validation date",
    ),
    CGS.MappedObligationRule: (
        ORGANISATION,
        _drop(OBLIGATION, CG.satisfiedBy),
        "Mandatory obligation REG-1-01 of Base regulation is not mapped to any control",
    ),
    CGS.ImplementedObligationRule: (
        ORGANISATION,
        _set(OBLIGATION, CG.satisfiedBy, CGR["control/CTL-LOG"]),
        "Mandatory obligation REG-1-01 of Base regulation: no mapped control is implemented by Base Ltd or its"
        " systems with evidence valid on the validation date",
    ),
    CGS.ControlScopeRule: (
        ORGANISATION,
        _set(CGR["control/CTL-GOV"], CG.scope, CG.SystemScope),
        "Base Ltd lists system-scope control CTL-GOV organisation-wide; it counts for none of its systems",
    ),
    CGS.AnnexIIIRule: (
        SYSTEM,
        _set(SYSTEM, CG.riskLevel, CG.RiskLimited),
        "CV scorer is in Annex III area employment but recorded as limited risk with no documented Art. 6(3)"
        " derogation; it is treated as high-risk",
    ),
    CGS.EvidenceConcernsRule: (
        UNDECLARED,
        _set(CGR["evidence/pol-other"], CG.concerns, UNDECLARED),
        "Evidence concerns a node that is not a declared AI system or organisation",
    ),
    CGS.LegalBasisRule: (
        DATASET,
        _drop(DATASET, CG.legalBasis),
        "Training dataset Past applications contains personal data but has no recorded legal basis",
    ),
    CGS.ReviewCadenceRule: (
        SYSTEM,
        _set(SYSTEM, CG.lastReviewed, Literal(date(2026, 8, 21))),
        "CV scorer was last reviewed on 2026-08-21; its review was due by 2026-11-21",
    ),
}


def sparql_constraints() -> Iterator[URIRef]:
    for shape in sorted(set(SHAPES.subjects(SH.sparql, None))):
        for c in SHAPES.objects(shape, SH.sparql):
            assert isinstance(c, URIRef), f"{shape}: give its SPARQL constraint an IRI so it can have a case"
            yield c


def test_every_sparql_constraint_has_a_case() -> None:
    assert set(sparql_constraints()) == set(SPARQL_CASES), "add or remove a SPARQL_CASES entry"


@pytest.mark.parametrize("rule", sorted(SPARQL_CASES), ids=[str(r).split("#")[-1] for r in sorted(SPARQL_CASES)])
def test_breaking_one_rule_reports_its_message(rule: URIRef, engine: str, tmp_path: Path) -> None:
    focus, alter, message = SPARQL_CASES[rule]
    data = base()
    alter(data)
    findings = validate(data, engine, tmp_path / "s")
    label = str(SHAPES.value(rule, RDFS.label))
    assert [(f.focus, f.rule, f.message) for f in findings] == [(str(focus), label, message)]
