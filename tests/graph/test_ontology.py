"""The ontology is OWL 2 that a reasoner accepts, documented term by term, and covers every YAML slug."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import yaml
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

REPO = Path(__file__).resolve().parents[2]
ONTOLOGY = REPO / "ontology"
CG = "https://w3id.org/compgraph/ontology#"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "compgraph.ttl")


@pytest.fixture(scope="module")
def notations() -> set[str]:
    g = Graph()
    for f in ("concepts.ttl", "legal-bases.ttl"):
        g.parse(ONTOLOGY / f)
    return {str(n) for n in g.objects(None, SKOS.notation)}


@pytest.mark.parametrize(
    "files",
    [("compgraph.ttl",), ("compgraph.ttl", "concepts.ttl", "legal-bases.ttl")],
    ids=["ontology", "ontology+concepts"],
)
def test_a_reasoner_finds_the_ontology_consistent(files: tuple[str, ...], tmp_path: Path) -> None:
    import owlready2

    # HermiT knows only the OWL 2 datatype map, which lacks xsd:date; the reasoner sees those ranges as
    # xsd:dateTime (the closest type in the map). SHACL checks the real xsd:date values.
    owl_view = Graph()
    for f in files:
        for s, p, o in Graph().parse(ONTOLOGY / f):
            owl_view.add((s, p, XSD.dateTime if (p == RDFS.range and o == XSD.date) else o))
    rdfxml = tmp_path / "compgraph.owl"
    owl_view.serialize(rdfxml, format="xml")
    world = owlready2.World()  # one world per case: the default world keeps what earlier tests loaded
    onto = world.get_ontology(rdfxml.as_uri()).load()
    with onto:
        owlready2.sync_reasoner(world, debug=0)  # raises OwlReadyInconsistentOntologyError if inconsistent
    assert not list(world.inconsistent_classes())


def test_the_ontology_stays_in_owl2_dl_typing(ontology: Graph) -> None:
    # No IRI is two kinds of property, or a class and a property (punning HermiT would reject); mapping
    # links from classes use annotation properties.
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    typed: dict[str, set[str]] = {}
    for kind in kinds:
        for term in ontology.subjects(RDF.type, kind):
            if not isinstance(term, BNode):
                typed.setdefault(str(term), set()).add(str(kind))
    assert {t: k for t, k in typed.items() if len(k) > 1} == {}
    for p in (SKOS.closeMatch, SKOS.exactMatch):
        for s in ontology.subjects(p, None):
            assert (s, RDF.type, OWL.Class) in ontology or (s, RDF.type, OWL.ObjectProperty) in ontology
        assert (p, RDF.type, OWL.AnnotationProperty) in ontology


def test_every_term_named_in_the_design_contract_is_declared() -> None:
    design = (REPO / "docs" / "design.md").read_text(encoding="utf-8")
    names = set(re.findall(r"cg:([A-Za-z][A-Za-z0-9]*)", design))
    classes = re.search(r"## Classes \(cg:\)\n(.*?)\n", design)
    assert classes
    names |= set(re.findall(r"`([A-Z][A-Za-z]+)`", classes.group(1)))
    for scheme, members in re.findall(r"- `cg:(\w+Scheme)`: `([^`]*)`", design):
        names |= {scheme, *members.split()}
    g = Graph()
    for f in ("compgraph.ttl", "concepts.ttl", "legal-bases.ttl"):
        g.parse(ONTOLOGY / f)
    declared = {str(s) for s in g.subjects(RDF.type, None)}
    assert sorted(n for n in names if CG + n not in declared) == []


def test_every_concept_has_a_scheme_a_label_a_definition_and_a_unique_slug() -> None:
    g = Graph().parse(ONTOLOGY / "concepts.ttl")
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) >= 60
    seen: dict[tuple[str, str], str] = {}
    for c in concepts:
        scheme, notation = g.value(c, SKOS.inScheme), g.value(c, SKOS.notation)
        assert scheme is not None and (scheme, RDF.type, SKOS.ConceptScheme) in g, c
        assert g.value(c, SKOS.prefLabel) is not None and g.value(c, SKOS.definition) is not None, c
        assert notation is not None, c
        key = (str(scheme), str(notation))
        assert key not in seen, f"{c} and {seen.get(key)} share the slug {notation}"
        seen[key] = str(c)


def test_risk_levels_carry_the_review_intervals_of_the_policy() -> None:
    g = Graph().parse(ONTOLOGY / "concepts.ttl")
    days = {str(c).removeprefix(CG): int(v) for c, v in g.subject_objects(URIRef(CG + "reviewIntervalDays"))}
    assert days == {
        "RiskProhibited": 0,
        "RiskHigh": 92,
        "RiskMedium": 183,
        "RiskLow": 366,
        "RiskLimited": 366,
        "RiskMinimal": 366,
    }
    for level in days:
        assert any(g.objects(URIRef(CG + level), SKOS.closeMatch)), level


def test_every_compgraph_class_and_property_has_a_label_and_a_comment(ontology: Graph) -> None:
    missing = []
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in ontology.subjects(RDF.type, kind):
            if str(term).startswith(CG) and (
                ontology.value(term, RDFS.label) is None or ontology.value(term, RDFS.comment) is None
            ):
                missing.append(str(term))
    assert missing == []


def test_core_classes_align_with_dpv_airo_prov_and_dcat(ontology: Graph) -> None:
    sup = {
        str(s): {str(o) for o in ontology.objects(s, RDFS.subClassOf)} for s in ontology.subjects(RDF.type, OWL.Class)
    }
    assert "https://w3id.org/airo#AISystem" in sup[CG + "AISystem"]
    assert "https://w3id.org/dpv#TechnicalOrganisationalMeasure" in sup[CG + "Control"]
    assert "http://www.w3.org/ns/prov#Entity" in sup[CG + "Evidence"]
    assert "http://www.w3.org/ns/dcat#Dataset" in sup[CG + "Dataset"]
    assert "https://w3id.org/dpv#Rule" in sup[CG + "Obligation"]
    assert "http://www.w3.org/ns/prov#Organization" in sup[CG + "Organisation"]
    assert (URIRef(CG + "Obligation"), SKOS.closeMatch, URIRef("https://w3id.org/dpv#Obligation")) in ontology
    subprop = RDFS.subPropertyOf
    assert (URIRef(CG + "satisfiedBy"), subprop, SKOS.mappingRelation) in ontology
    assert (URIRef(CG + "legalBasis"), subprop, URIRef("https://w3id.org/dpv#hasLegalBasis")) in ontology
    assert (URIRef(CG + "trainedOn"), subprop, URIRef(CG + "usesDataset")) in ontology
    assert (URIRef(CG + "fromDocument"), subprop, URIRef("http://purl.org/dc/terms/source")) in ontology


def _slugs_in_yaml(path: Path, keys: tuple[str, ...]) -> set[str]:
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k in keys and isinstance(v, str):
                    found.add(v)
                elif k in keys and isinstance(v, list):
                    found.update(x for x in v if isinstance(x, str))
                else:
                    walk(v)
        elif isinstance(node, list):
            for x in node:
                walk(x)

    walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def test_every_slug_used_in_the_shipped_yaml_is_a_concept_notation(notations: set[str]) -> None:
    keys = (
        "modality",
        "topic",
        "addressee",
        "applies_to_risk",
        "type",
        "scope",
        "risk",
        "annex_iii",
        "role",
        "roles",
        "legal_basis",
    )
    used: set[str] = set()
    for path in [
        REPO / "mappings" / "controls.yaml",
        REPO / "mappings" / "demo" / "mozart.yaml",
        *sorted((REPO / "mappings" / "obligations").glob("*.yaml")),
    ]:
        used |= _slugs_in_yaml(path, keys)
    assert used - notations == set()


def test_every_evidence_digest_matches_its_file() -> None:
    demo = REPO / "mappings" / "demo"
    data = yaml.safe_load((demo / "mozart.yaml").read_text(encoding="utf-8"))
    for item in data["evidence"]:
        assert hashlib.sha256((demo / item["file"]).read_bytes()).hexdigest() == item["sha256"], item["id"]


def test_the_shapes_are_valid_shacl() -> None:
    from pyshacl import validate

    shapes = Graph()
    for f in sorted((ONTOLOGY / "shapes").glob("*.ttl")):
        shapes.parse(f)
    # meta_shacl=True checks the shapes graph against SHACL-SHACL and raises if it is not valid SHACL;
    # the shapes are the data graph here and also the shapes graph pySHACL meta-validates.
    conforms, _, text = validate(shapes, meta_shacl=True, shacl_graph=Graph(), advanced=True)
    assert conforms, text


def test_the_shapes_meta_validation_rejects_broken_shapes() -> None:
    from pyshacl import validate
    from pyshacl.errors import ReportableRuntimeError

    broken = Graph().parse(
        data="@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .\n"
        'ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount "one" ] .',
        format="turtle",
    )
    with pytest.raises(ReportableRuntimeError):
        validate(broken, meta_shacl=True, shacl_graph=Graph(), advanced=True)


def test_every_sparql_constraint_parses_with_its_declared_prefixes() -> None:
    from rdflib.namespace import SH
    from rdflib.plugins.sparql import prepareQuery

    shapes = Graph()
    for f in sorted((ONTOLOGY / "shapes").glob("*.ttl")):
        shapes.parse(f)
    constraints = list(shapes.subjects(SH.select, None))
    assert len(constraints) >= 6
    for c in constraints:
        decls = [d for ont in shapes.objects(c, SH.prefixes) for d in shapes.objects(ont, SH.declare)]
        ns = {str(shapes.value(d, SH.prefix)): str(shapes.value(d, SH.namespace)) for d in decls}
        prepareQuery(str(shapes.value(c, SH.select)), initNs=ns)  # raises on a syntax error or unknown prefix
        assert shapes.value(c, SH.message) is not None and shapes.value(c, RDFS.label) is not None, c
