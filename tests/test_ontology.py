"""The ontology is OWL 2 that a reasoner accepts, documented term by term, and covers every YAML slug."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

REPO = Path(__file__).resolve().parents[1]
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


def test_a_reasoner_finds_the_ontology_consistent(ontology: Graph, tmp_path: Path) -> None:
    import owlready2

    # HermiT knows only the OWL 2 datatype map, which lacks xsd:date; the reasoner sees those ranges as
    # xsd:dateTime (the closest type in the map). SHACL checks the real xsd:date values.
    owl_view = Graph()
    for s, p, o in ontology:
        owl_view.add((s, p, XSD.dateTime if (p == RDFS.range and o == XSD.date) else o))
    rdfxml = tmp_path / "compgraph.owl"
    owl_view.serialize(rdfxml, format="xml")
    onto = owlready2.get_ontology(rdfxml.as_uri()).load()
    with onto:
        owlready2.sync_reasoner(debug=0)  # raises OwlReadyInconsistentOntologyError if inconsistent
    assert not list(owlready2.default_world.inconsistent_classes())


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
    conforms, _, text = validate(shapes, meta_shacl=True, shacl_graph=Graph(), advanced=True)
    assert conforms, text
