"""impact.single_point_summary when a bound system without an id comes before the others.

A system with no dcterms:identifier is bound by its operator's documents but has no node impact can list, so
the summary passes over it. Mutation testing (tools/mutation.py, `single_point_summary__mutmut_87`) showed that
stopping at it instead went unnoticed: no fixture put such a system first. The snapshot's ``binds`` is
reordered here so the order is pinned, not left to the store's answer order.
"""

from __future__ import annotations

from pathlib import Path

from tinyturtle import HEAD, ONE_DUTY

from compgraph.graph.store import LocalStore
from compgraph.questions import coverage as cv
from compgraph.questions import impact

ID = "https://w3id.org/compgraph/id/"
GRAPH = HEAD + ONE_DUTY + b"""
cgr:org\\/o a cg:Organisation ; dcterms:identifier "o" ; rdfs:label "O" ; cg:subjectTo cgr:doc\\/a .
cgr:sys\\/noid a cg:AISystem ; rdfs:label "No id" ; cg:riskLevel cg:RiskHigh ; cg:operatedBy cgr:org\\/o ;
    cg:implementsControl cgr:ctl\\/C .
cgr:sys\\/s a cg:AISystem ; dcterms:identifier "s" ; rdfs:label "S" ; cg:riskLevel cg:RiskHigh ;
    cg:operatedBy cgr:org\\/o ; cg:implementsControl cgr:ctl\\/C .
"""


def test_a_bound_system_without_an_id_first_does_not_hide_the_systems_after_it(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    store.replace_graph("https://w3id.org/compgraph/graph/noid", GRAPH, "text/turtle")
    snap = cv.snapshot(store)
    noid, s = ID + "sys/noid", ID + "sys/s"
    assert set(snap.binds) == {noid, s}
    snap.binds = {noid: snap.binds[noid], s: snap.binds[s]}
    points = impact.single_point_summary(store, snap=snap)
    assert [(p.control.id, p.obligations, p.pairs, [n.id for n in p.systems]) for p in points] == [("C", 1, 1, ["s"])]
    store.close()
