"""Turtle the question tests build their tiny graphs from: the prefixes with one document, one section and the
labels of a modality and a risk level (``HEAD``), and that document's one mandatory obligation satisfied by one
control (``ONE_DUTY``). Each test adds its own organisations and systems. ``counts``: a row of coverage counts
by status, zero where not given."""

from compgraph.questions import trace as tr

HEAD = b"""
@prefix cg: <https://w3id.org/compgraph/ontology#> .
@prefix cgr: <https://w3id.org/compgraph/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
cg:Mandatory skos:prefLabel "mandatory"@en .
cg:RiskHigh skos:prefLabel "high"@en .
cgr:doc\\/a rdfs:label "Doc A" .
cgr:sec\\/1 rdfs:label "Section 1" .
"""
ONE_DUTY = b"""
cgr:obl\\/A-1 a cg:Obligation ; dcterms:identifier "A-1" ; cg:sourceText "t" ; cg:modality cg:Mandatory ;
    cg:fromDocument cgr:doc\\/a ; cg:inSection cgr:sec\\/1 ; cg:satisfiedBy cgr:ctl\\/C .
cgr:ctl\\/C a cg:Control ; dcterms:identifier "C" ; rdfs:label "The control" .
"""


def counts(unmapped: int = 0, missing: int = 0, none: int = 0, expired: int = 0, covered: int = 0) -> dict[str, int]:
    return {
        tr.UNMAPPED: unmapped,
        tr.MISSING_CONTROL: missing,
        tr.NO_EVIDENCE: none,
        tr.EXPIRED: expired,
        tr.COVERED: covered,
    }
