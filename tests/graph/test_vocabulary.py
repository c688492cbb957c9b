"""Every DPV / AIRO IRI compgraph names exists in that vocabulary, with the kind it is used as.

The term lists in tests/fixtures/vocab/ are DPV 2.3 (core, ai, eu-aiact, risk, tech) and AIRO: a term
not listed there does not exist. "Used as" is read from where the IRI stands: the object of rdf:type or
rdfs:subClassOf is a class, a predicate or the object of rdfs:subPropertyOf is a property, a member of a
concept scheme is a concept, and a SKOS mapping target is the kind of the term mapped to it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

REPO = Path(__file__).resolve().parents[2]
VOCAB = REPO / "tests" / "fixtures" / "vocab"
CG = "https://w3id.org/compgraph/ontology#"

# Longest namespace first, so a dpv/ai IRI is not read as a dpv one.
NAMESPACES = {
    "eu-aiact": "https://w3id.org/dpv/legal/eu/aiact#",
    "dpv-risk": "https://w3id.org/dpv/risk#",
    "dpv-tech": "https://w3id.org/dpv/tech#",
    "dpv-ai": "https://w3id.org/dpv/ai#",
    "dpv": "https://w3id.org/dpv#",
    "airo": "https://w3id.org/airo#",
}
PY_NAMES = {
    "EU_AIACT": "eu-aiact",
    "DPV_RISK": "dpv-risk",
    "DPV_TECH": "dpv-tech",
    "DPV_AI": "dpv-ai",
    "DPV": "dpv",
    "AIRO": "airo",
}
CLASS_TYPES = {"rdfs:Class", "owl:Class"}
PROPERTY_TYPES = {"rdf:Property", "owl:ObjectProperty", "owl:DatatypeProperty", "owl:AnnotationProperty"}
KIND_TYPES = {"class": CLASS_TYPES, "property": PROPERTY_TYPES, "concept": {"skos:Concept"}}
MATCHES = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)
CLASS_OBJECT_OF = (
    URIRef(CG + "ruleType"),
    RDF.type,
    RDFS.subClassOf,
    OWL.equivalentClass,
    OWL.disjointWith,
    RDFS.domain,
    RDFS.range,
    SH["class"],
    SH.targetClass,
)
PROPERTY_OBJECT_OF = (RDFS.subPropertyOf, OWL.equivalentProperty, OWL.inverseOf, SH.path)


@dataclass(frozen=True)
class Term:
    types: frozenset[str]
    label: str
    status: str


@dataclass(frozen=True)
class Use:
    iri: str
    kind: str  # class | property | concept | any
    where: str


def _external(iri: object) -> bool:
    return isinstance(iri, URIRef) and any(str(iri).startswith(ns) and str(iri) != ns for ns in NAMESPACES.values())


@pytest.fixture(scope="module")
def vocabulary() -> dict[str, Term]:
    terms: dict[str, Term] = {}
    for path in sorted(VOCAB.glob("*-terms.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                terms[row["iri"]] = Term(frozenset(row["types"].split()), row["label"], row["status"] or "")
    assert len(terms) > 2400  # all six lists were read
    return terms


def _rdf_files() -> list[Path]:
    return sorted((REPO / "ontology").glob("*.ttl")) + sorted((REPO / "ontology" / "shapes").glob("*.ttl"))


def _text_files() -> list[Path]:
    found = [*_rdf_files(), *sorted((REPO / "ontology" / "queries").glob("*.rq"))]
    found += sorted(p for p in (REPO / "mappings").rglob("*") if p.suffix in {".yaml", ".tsv", ".ttl", ".md"})
    found += sorted((REPO / "src" / "compgraph").rglob("*.py"))
    return found


def _kind_of(term: URIRef, g: Graph) -> str:
    """What a compgraph term is, for the kind its SKOS mapping target must have."""
    if (term, RDF.type, SKOS.Concept) in g:
        return "concept"
    if (term, RDF.type, OWL.Class) in g:
        return "class"
    if any((term, RDF.type, t) in g for t in (OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property)):
        return "property"
    return "any"


def rdf_uses() -> Iterator[Use]:
    """External IRIs in the ontology, concepts and shapes, with the kind their position asks for."""
    merged = Graph()
    for path in _rdf_files():
        merged.parse(path)
    for s, p, o in merged:
        where = f"{s.n3(merged.namespace_manager)} {p.n3(merged.namespace_manager)} {o.n3(merged.namespace_manager)}"
        if _external(p):
            yield Use(str(p), "property", where)
        if _external(o):
            if p in CLASS_OBJECT_OF:
                yield Use(str(o), "class", where)
            elif p in PROPERTY_OBJECT_OF:
                yield Use(str(o), "property", where)
            elif p in MATCHES:
                yield Use(str(o), _kind_of(s, merged), where)  # type: ignore[arg-type]
            else:
                yield Use(str(o), "any", where)
        if _external(s):
            if p == RDF.type and o in (OWL.Class, RDFS.Class) or p in (RDFS.subClassOf, OWL.equivalentClass):
                yield Use(str(s), "class", where)
            elif p == RDF.type and o in (OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property):
                yield Use(str(s), "property", where)
            elif p in (SKOS.inScheme, SKOS.notation) or (p == RDF.type and o == SKOS.Concept):
                yield Use(str(s), "concept", where)
            else:
                yield Use(str(s), "any", where)


_CURIE = re.compile(r"(?<![\w/#.-])(eu-aiact|dpv-risk|dpv-tech|dpv-ai|dpv|airo):([A-Za-z_][\w-]*)")
_IRI = re.compile(r"https://w3id\.org/(?:dpv(?:/legal/eu/aiact|/risk|/tech|/ai)?|airo)#[\w-]*")
_PY_ATTR = re.compile(r"\b(EU_AIACT|DPV_RISK|DPV_TECH|DPV_AI|DPV|AIRO)(?:\.(\w+)|\[\"([\w-]+)\"\])")


def text_uses(path: Path) -> Iterator[Use]:
    """External IRIs written as CURIEs, full IRIs or rdflib namespace attributes anywhere in a file's text
    (comments and SPARQL strings included: naming a term that does not exist misleads readers too)."""
    text = path.read_text(encoding="utf-8")
    where = str(path.relative_to(REPO))
    for m in _IRI.finditer(text):
        if not m.group().endswith("#"):
            yield Use(m.group(), "any", where)
    for m in _CURIE.finditer(text):
        yield Use(NAMESPACES[m.group(1)] + m.group(2), "any", where)
    if path.suffix == ".py":
        for m in _PY_ATTR.finditer(text):
            local = m.group(2) or m.group(3)
            if local and not local.startswith("_"):
                yield Use(NAMESPACES[PY_NAMES[m.group(1)]] + local, "any", where)


def problems(uses: list[Use], vocabulary: dict[str, Term]) -> list[str]:
    out = set()
    for use in uses:
        term = vocabulary.get(use.iri)
        if term is None:
            out.add(f"{use.iri} does not exist ({use.where})")
        elif term.status:
            out.add(f"{use.iri} is {term.status} ({use.where})")
        elif use.kind != "any" and not term.types & KIND_TYPES[use.kind]:
            out.add(f"{use.iri} is used as a {use.kind} but is {' '.join(sorted(term.types))} ({use.where})")
    return sorted(out)


def test_the_term_lists_know_real_terms_and_not_invented_ones(vocabulary: dict[str, Term]) -> None:
    eu = NAMESPACES["eu-aiact"]
    assert (
        problems([Use(eu + "RiskLevelHigh", "concept", "x"), Use(eu + "hasRiskLevel", "property", "x")], vocabulary)
        == []
    )
    assert problems([Use(eu + "ProhibitedRisk", "any", "x")], vocabulary) == [f"{eu}ProhibitedRisk does not exist (x)"]
    assert problems([Use(eu + "hasRiskLevel", "class", "x")], vocabulary) != []


def test_every_external_iri_in_ontology_concepts_and_shapes_exists_with_a_fitting_type(
    vocabulary: dict[str, Term],
) -> None:
    uses = list(rdf_uses())
    assert len({u.iri for u in uses}) >= 20
    assert problems(uses, vocabulary) == []


def test_every_external_iri_in_queries_mappings_and_loaders_exists(vocabulary: dict[str, Term]) -> None:
    uses = [u for path in _text_files() for u in text_uses(path)]
    wheres = {u.where for u in uses}
    assert {"ontology/compgraph.ttl", "ontology/concepts.ttl"} <= wheres and any(w.endswith(".py") for w in wheres)
    assert problems(uses, vocabulary) == []


def test_external_iris_keep_the_vocabulary_s_own_labels(vocabulary: dict[str, Term]) -> None:
    # A label we give a DPV or AIRO IRI that differs from the vocabulary's own makes a merge with it carry
    # two English labels for one term.
    relabelled = []
    for path in _rdf_files():
        g = Graph().parse(path)
        for s, p, o in g:
            if (
                _external(s)
                and p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.definition)
                and isinstance(o, Literal)
            ):
                known = vocabulary.get(str(s))
                if p != SKOS.prefLabel or known is None or str(o) != known.label:
                    relabelled.append(f"{path.name}: {s} {g.qname(p)} {o!r}")
    assert relabelled == []


def _ontology() -> Graph:
    g = Graph()
    for f in ("compgraph.ttl", "concepts.ttl", "legal-bases.ttl"):
        g.parse(REPO / "ontology" / f)
    return g


def test_risk_levels_match_the_eu_ai_act_levels_and_dpv_s_three_level_scale() -> None:
    g = _ontology()
    eu, risk = NAMESPACES["eu-aiact"], NAMESPACES["dpv-risk"]
    expected = {
        "RiskProhibited": eu + "RiskLevelProhibited",
        "RiskHigh": eu + "RiskLevelHigh",
        "RiskLimited": eu + "RiskLevelTransparencyRequired",
        "RiskMinimal": eu + "RiskLevelMinimal",
        "RiskMedium": risk + "ModerateRisk",
        "RiskLow": risk + "LowRisk",
    }
    for level, target in expected.items():
        assert URIRef(target) in set(g.objects(URIRef(CG + level), SKOS.closeMatch)), level


def test_a_system_s_risk_level_aligns_with_the_ai_act_property_not_the_level_of_a_risk() -> None:
    g = _ontology()
    aligned = {
        str(o) for p in (*MATCHES, RDFS.subPropertyOf, RDFS.seeAlso) for o in g.objects(URIRef(CG + "riskLevel"), p)
    }
    assert NAMESPACES["eu-aiact"] + "hasRiskLevel" in aligned
    assert NAMESPACES["dpv"] + "hasRiskLevel" not in aligned


def test_control_types_use_dpv_s_measures_for_oversight_literacy_and_fria() -> None:
    g = _ontology()
    dpv, eu = NAMESPACES["dpv"], NAMESPACES["eu-aiact"]

    def matches(concept: str) -> set[str]:
        return {str(o) for p in MATCHES for o in g.objects(URIRef(CG + concept), p)}

    assert dpv + "HumanOversight" in matches("HumanOversight")
    assert {dpv + "AILiteracy", eu + "AILiteracy"} <= matches("AILiteracy")
    assert eu + "FRIA" in matches("ImpactAssessment")


def test_obligations_are_typed_as_dpv_rules_by_modality(tmp_path: Path) -> None:
    from compgraph.graph.catalog import Concepts, obligations_graph

    (tmp_path / "obligations").mkdir()
    path = tmp_path / "obligations" / "mini.yaml"
    path.write_text(
        "document: {id: mini, prefix: MIN, title: Mini policy, kind: policy}\n"
        "sections: [{id: '01', title: One}]\n"
        "obligations:\n"
        + "".join(
            f"  - {{id: MIN-01-0{n}, section: '01', text: Statement number {n} of the policy., modality: {m}}}\n"
            for n, m in enumerate(("mandatory", "permission", "prohibition", "recommended", "commitment"), start=1)
        ),
        encoding="utf-8",
    )
    catalog = obligations_graph(path, Concepts(_ontology()))
    dpv = NAMESPACES["dpv"]
    typed = {
        str(o).rsplit("/", 1)[1]: {str(t) for t in catalog.graph.objects(o, RDF.type) if str(t).startswith(dpv)}
        for o in catalog.graph.subjects(RDF.type, URIRef(CG + "Obligation"))
    }
    assert typed == {
        "MIN-01-01": {dpv + "Obligation"},
        "MIN-01-02": {dpv + "Permission"},
        "MIN-01-03": {dpv + "Prohibition"},
        "MIN-01-04": set(),
        "MIN-01-05": set(),
    }


MINI_ORG = """\
organisation: {id: acme, name: Acme, roles: [deployer]}
datasets:
  - {id: crm, label: CRM export, personal_data: true, legal_basis: contract,
     provenance: Exported from the CRM in 2026, source: Data Office}
systems:
  - {id: bot, label: Chat bot, risk: limited, uses: [crm]}
evidence:
  - {id: ev-1, label: Notice text, control: CTL-TN-01, concerns: bot, issued: 2026-01-01,
     valid_until: 2027-01-01, owner: Compliance Office, url: "https://evidence.example.org/ev-1",
     sha256: "%s"}
""" % ("0" * 64)


def test_agents_and_provenance_are_nodes_and_evidence_is_not_a_dcat_distribution(tmp_path: Path) -> None:
    from rdflib.namespace import DCAT, DCTERMS, PROV

    from compgraph.graph.catalog import Concepts, organisation_graph

    path = tmp_path / "acme.yaml"
    path.write_text(MINI_ORG, encoding="utf-8")
    _, g = organisation_graph(path, Concepts(_ontology()))
    for prop in (PROV.wasAttributedTo, DCTERMS.provenance, DCTERMS.creator):
        assert [o for o in g.objects(None, prop) if isinstance(o, Literal)] == [], prop
    owners = {str(g.value(a, RDFS.label)) for a in g.objects(None, PROV.wasAttributedTo)}
    assert owners == {"Data Office", "Compliance Office"}
    assert all((a, RDF.type, PROV.Agent) in g for a in g.objects(None, PROV.wasAttributedTo))
    statement = g.value(URIRef("https://w3id.org/compgraph/id/dataset/crm"), DCTERMS.provenance)
    assert (statement, RDF.type, DCTERMS.ProvenanceStatement) in g
    assert str(g.value(statement, RDFS.label)) == "Exported from the CRM in 2026"
    assert not list(g.triples((None, DCAT.downloadURL, None)))
    assert (
        URIRef("https://w3id.org/compgraph/id/evidence/ev-1"),
        URIRef(CG + "url"),
        URIRef("https://evidence.example.org/ev-1"),
    ) in g


def test_no_obligation_is_an_exact_match_of_a_control_so_no_two_obligations_become_the_same() -> None:
    from compgraph.graph.catalog import mappings_graph

    g = mappings_graph(REPO / "mappings" / "crosswalk.sssom.tsv")
    ctl = "https://w3id.org/compgraph/id/control/"
    exact_rows = {
        (s, o)
        for m in g.subjects(RDF.type, URIRef(CG + "ControlMapping"))
        if g.value(m, URIRef(CG + "mappingPredicate")) == SKOS.exactMatch
        for s, o in [(g.value(m, URIRef(CG + "mappingSubject")), g.value(m, URIRef(CG + "mappingObject")))]
    }
    assert len(exact_rows) >= 10  # the SSSOM predicate stays in the mapping record
    assert all((s, URIRef(CG + "satisfiedBy"), o) in g for s, o in exact_rows)
    assert [(s, o) for s, o in g.subject_objects(SKOS.exactMatch) if str(o).startswith(ctl)] == []
