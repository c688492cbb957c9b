"""Turtle the question tests build their tiny graphs from: the prefixes with one document, one section and the
labels of a modality and a risk level (``HEAD``), and that document's one mandatory obligation satisfied by one
control (``ONE_DUTY``). Each test adds its own organisations and systems. ``SYSTEM``, ``duty``, ``implements``
and ``evidence``: the one-behaviour tests' builders (an organisation operating one high-risk system, and what
each test adds to it). ``counts``: a row of coverage counts by status, zero where not given."""

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

# An organisation "o" subject to Doc A, operating one high-risk system "s"; each test adds duties and controls.
SYSTEM = b"""
cgr:org\\/o a cg:Organisation ; dcterms:identifier "o" ; rdfs:label "O" ; cg:subjectTo cgr:doc\\/a .
cgr:sys\\/s a cg:AISystem ; dcterms:identifier "s" ; rdfs:label "S" ; cg:riskLevel cg:RiskHigh ;
    cg:operatedBy cgr:org\\/o .
"""


def duty(name: str, *controls: str, doc: str = "a", level: str = "") -> bytes:
    """A mandatory obligation of ``doc`` satisfied by ``controls`` (each a labelled cg:Control with an id),
    limited to the risk level ``level`` when given."""
    out = (
        f'cgr:obl\\/{name} a cg:Obligation ; dcterms:identifier "{name}" ; cg:sourceText "t" ;'
        f" cg:modality cg:Mandatory ; cg:fromDocument cgr:doc\\/{doc} ; cg:inSection cgr:sec\\/1 .\n"
    )
    if level:
        out += f"cgr:obl\\/{name} cg:appliesToRiskLevel cg:{level} .\n"
    for c in controls:
        out += f"cgr:obl\\/{name} cg:satisfiedBy cgr:ctl\\/{c} .\n"
        out += f'cgr:ctl\\/{c} a cg:Control ; dcterms:identifier "{c}" ; rdfs:label "Control {c}" .\n'
    return out.encode()


def implements(*controls: str, by: str = "sys\\/s") -> bytes:
    return b"".join(f"cgr:{by} cg:implementsControl cgr:ctl\\/{c} .\n".encode() for c in controls)


def evidence(control: str, until: str, about: str = "sys\\/s") -> bytes:
    return (
        f'cgr:ev\\/{control} dcterms:identifier "ev-{control}" ; rdfs:label "Evidence {control}" ;'
        f" cg:evidenceFor cgr:ctl\\/{control} ; cg:concerns cgr:{about} ;"
        f' cg:validUntil "{until}"^^<http://www.w3.org/2001/XMLSchema#date> .\n'
    ).encode()


def counts(unmapped: int = 0, missing: int = 0, none: int = 0, expired: int = 0, covered: int = 0) -> dict[str, int]:
    return {
        tr.UNMAPPED: unmapped,
        tr.MISSING_CONTROL: missing,
        tr.NO_EVIDENCE: none,
        tr.EXPIRED: expired,
        tr.COVERED: covered,
    }
