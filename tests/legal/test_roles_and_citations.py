"""Every party an import can name is a role concept, and a catalog's provision references reach the graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from compgraph.graph.catalog import Concepts, InputError, obligations_graph
from compgraph.graph.namespaces import CG
from compgraph.legal.extract import addressee_roles, catalog_from_text, write_catalog

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    g = Graph()
    for name in ("compgraph.ttl", "concepts.ttl"):
        g.parse(REPO / "ontology" / name)
    return g


def _role_slugs(g: Graph) -> set[str]:
    return {str(n) for c in g.subjects(SKOS.inScheme, CG.RoleScheme) for n in g.objects(c, SKOS.notation)}


def test_every_addressee_the_extractor_can_write_is_a_role_concept(ontology: Graph) -> None:
    assert addressee_roles() - _role_slugs(ontology) == set()


def test_every_statute_party_role_is_aligned_to_a_dpv_or_airo_term(ontology: Graph) -> None:
    matches = (SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch, SKOS.exactMatch)
    unaligned = [str(n) for c in ontology.subjects(SKOS.inScheme, CG.RoleScheme)
                 for n in ontology.objects(c, SKOS.notation)
                 if str(n) not in {"organisation", "employee", "committee", "management"}
                 and not any(ontology.value(c, m) for m in matches)]
    assert unaligned == []


STATUTE = """Article 23
Obligations of operators

1. Importers shall verify the conformity assessment.
2. Distributors shall verify the CE marking.
3. The authorised representative shall keep the mandate.
4. Notified bodies shall keep records.
5. Market surveillance authorities shall inform the Commission.
6. The AI Office shall publish guidance.
7. The Commission shall adopt guidelines.
8. Member States shall lay down rules on penalties.
9. Employers shall inform workers' representatives.
10. Providers shall:
(a) keep the logs;
(b) draw up the declaration.
"""


def _load(tmp_path: Path, ontology: Graph, catalog: dict) -> Graph:
    path = tmp_path / "obligations" / "act.yaml"
    write_catalog(catalog, path)
    return obligations_graph(path, Concepts(ontology)).graph


def test_an_imported_statute_loads_with_each_party_as_a_role_concept(tmp_path: Path, ontology: Graph) -> None:
    catalog = catalog_from_text(STATUTE, {"id": "act", "title": "Act", "kind": "regulation", "prefix": "ACT"})
    g = _load(tmp_path, ontology, catalog)
    roles = {ontology.value(r, SKOS.notation).toPython() for r in g.objects(None, CG.addressee)}
    assert roles == {"importer", "distributor", "authorised-representative", "notified-body", "authority",
                     "ai-office", "commission", "member-state", "employer", "provider"}


def test_the_catalog_loader_keeps_each_obligations_citation_and_its_parts(tmp_path: Path, ontology: Graph) -> None:
    catalog = catalog_from_text(STATUTE, {"id": "act", "title": "Act", "kind": "regulation", "prefix": "ACT"})
    g = _load(tmp_path, ontology, catalog)
    point = next(o for o in g.subjects(DCTERMS.identifier, Literal("ACT-23-10-b")) if isinstance(o, URIRef))
    assert (g.value(point, DCTERMS.bibliographicCitation), g.value(point, CG.article),
            g.value(point, CG.paragraph), g.value(point, CG.point)) == (
        Literal("23(10)(b)"), Literal("23"), Literal("10"), Literal("b"))


def test_a_citation_that_is_not_text_is_refused_naming_the_field(tmp_path: Path, ontology: Graph) -> None:
    catalog = catalog_from_text(STATUTE, {"id": "act", "title": "Act", "kind": "regulation", "prefix": "ACT"})
    catalog["obligations"][0]["ref"] = ["23", "1"]
    with pytest.raises(InputError, match=r"act\.yaml:\d+: ref: expected text or a whole number"):
        _load(tmp_path, ontology, catalog)
