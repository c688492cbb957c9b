"""impact.impact_masks when a system's operator implements nothing itself.

Mutation testing (tools/mutation.py) showed no fixture had an operator without controls of its own: the
lookup of such an operator's other controls could return None and no test noticed.
"""

from __future__ import annotations

from pathlib import Path

from compgraph.graph.store import LocalStore
from compgraph.questions import coverage as cv
from compgraph.questions import impact

ID = "https://w3id.org/compgraph/id/"
GRAPH = b"""
@prefix cg: <https://w3id.org/compgraph/ontology#> .
@prefix cgr: <https://w3id.org/compgraph/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
cg:Mandatory skos:prefLabel "mandatory"@en .
cg:RiskHigh skos:prefLabel "high"@en .
cgr:doc\\/a rdfs:label "Doc A" .
cgr:sec\\/1 rdfs:label "Section 1" .
cgr:obl\\/A-1 a cg:Obligation ; dcterms:identifier "A-1" ; cg:sourceText "t" ; cg:modality cg:Mandatory ;
    cg:fromDocument cgr:doc\\/a ; cg:inSection cgr:sec\\/1 ; cg:satisfiedBy cgr:ctl\\/C .
cgr:ctl\\/C a cg:Control ; dcterms:identifier "C" ; rdfs:label "The control" .
cgr:org\\/idle a cg:Organisation ; dcterms:identifier "idle" ; rdfs:label "Idle" ; cg:subjectTo cgr:doc\\/a .
cgr:sys\\/s a cg:AISystem ; dcterms:identifier "s" ; rdfs:label "S" ; cg:riskLevel cg:RiskHigh ;
    cg:operatedBy cgr:org\\/idle ; cg:implementsControl cgr:ctl\\/C .
"""


def test_a_control_alone_covering_a_system_whose_operator_implements_nothing_breaks_it(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    store.replace_graph("https://w3id.org/compgraph/graph/idle", GRAPH, "text/turtle")
    snap = cv.snapshot(store)
    assert snap.impact_operators == {ID + "sys/s": {ID + "org/idle"}}
    bit = 1 << snap.index[ID + "obl/A-1"]
    assert impact.impact_masks(snap, ID + "ctl/C", None) == [(ID + "sys/s", bit, 0)]
