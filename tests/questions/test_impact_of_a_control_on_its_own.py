"""impact.impact_masks when a system's operator implements nothing itself.

Mutation testing (tools/mutation.py) showed no fixture had an operator without controls of its own: the
lookup of such an operator's other controls could return None and no test noticed.
"""

from __future__ import annotations

from pathlib import Path

from tinyturtle import HEAD, ONE_DUTY

from compgraph.graph.store import LocalStore
from compgraph.questions import coverage as cv
from compgraph.questions import impact

ID = "https://w3id.org/compgraph/id/"
GRAPH = HEAD + ONE_DUTY + b"""
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
