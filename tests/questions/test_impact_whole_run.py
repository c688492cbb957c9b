"""Impact analysis, one behaviour per test, on graphs of a few lines each.

Written for the mutants a whole mutation run of questions/impact.py left alive (tools/mutation.py --group
impact; docs/mutation-survivors.md): no fixture had a system operated by two organisations or by none with
an id, an operator implementing nothing, a control satisfying nothing, an unmapped binding obligation,
evidence valid until exactly the date asked about, or a snapshot that lags the store; and no test read the
coverage graph's node names, kinds and edge relations, the pages of impact pairs, or render_impact's text.
Each test builds its own store and snapshot (function scope: mutmut credits a mutant only to the tests it
saw reach it).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from tinyturtle import HEAD, SYSTEM, duty, evidence, implements

from compgraph.graph.store import LocalStore
from compgraph.questions import coverage as cv
from compgraph.questions import impact as im
from compgraph.questions.impact import Impact, Node
from compgraph.questions.trace import UnknownEntity

ID = "https://w3id.org/compgraph/id/"
ON = date(2026, 6, 1)


def system(name: str, *operators: str, risk: str = "RiskHigh") -> bytes:
    out = f'cgr:sys\\/{name} a cg:AISystem ; dcterms:identifier "{name}" ; rdfs:label "{name.upper()}" .\n'
    if risk:
        out += f"cgr:sys\\/{name} cg:riskLevel cg:{risk} .\n"
    out += "".join(f"cgr:sys\\/{name} cg:operatedBy cgr:org\\/{o} .\n" for o in operators)
    return out.encode()


def org(name: str) -> bytes:
    return (
        f'cgr:org\\/{name} a cg:Organisation ; dcterms:identifier "{name}" ; rdfs:label "{name.upper()}" ;'
        f" cg:subjectTo cgr:doc\\/a .\n"
    ).encode()


def store_of(tmp_path: Path, *turtle: bytes) -> LocalStore:
    store = LocalStore(tmp_path / "store")
    store.replace_graph("https://w3id.org/compgraph/graph/test", HEAD + b"".join(turtle), "text/turtle")
    return store


def add(store: LocalStore, *turtle: bytes) -> None:
    store.replace_graph("https://w3id.org/compgraph/graph/later", HEAD + b"".join(turtle), "text/turtle")


def obligation(name: str) -> Node:
    return Node(ID + "obl/" + name, name, name, "obligation")


def sys_node(name: str, label: str) -> Node:
    return Node(ID + "sys/" + name, name, label, "system")


def summary(points: list[im.SinglePointSummary]) -> list[tuple[Node, int, int, list[Node]]]:
    return [(p.control, p.obligations, p.pairs, p.systems) for p in points]


def control(name: str, label: str = "") -> Node:
    return Node(ID + "ctl/" + name, name, label or f"Control {name}", "control")


# --- the coverage graph (the reference the snapshot's bit sets are tested against) -------------------


def test_the_coverage_graph_names_each_edge_by_its_relation(tmp_path: Path) -> None:
    g = im.coverage_graph(store_of(tmp_path, SYSTEM, duty("A-1", "C"), implements("C")))
    assert g.edges[ID + "obl/A-1", ID + "ctl/C"]["rel"] == "satisfiedBy"
    assert g.edges[ID + "ctl/C", ID + "sys/s"]["rel"] == "implementedBy"
    assert g.edges[ID + "org/o", ID + "sys/s"]["rel"] == "operates"


def test_a_control_satisfying_an_obligation_is_a_node_with_its_id_label_and_kind(tmp_path: Path) -> None:
    g = im.coverage_graph(store_of(tmp_path, SYSTEM, duty("A-1", "C")))
    assert g.nodes[ID + "ctl/C"] == {"id": "C", "label": "Control C", "kind": "control"}


def test_a_control_satisfying_nothing_is_still_a_node_with_its_id_label_and_kind(tmp_path: Path) -> None:
    x = b'cgr:ctl\\/X a cg:Control ; dcterms:identifier "X" ; rdfs:label "Unrelated" .\n'
    g = im.coverage_graph(store_of(tmp_path, SYSTEM, duty("A-1", "C"), x))
    assert g.nodes[ID + "ctl/X"] == {"id": "X", "label": "Unrelated", "kind": "control"}


def test_an_implementer_is_a_system_or_an_organisation_by_its_type(tmp_path: Path) -> None:
    g = im.coverage_graph(
        store_of(tmp_path, SYSTEM, duty("A-1", "C1", "C2"), implements("C1"), implements("C2", by="org\\/o"))
    )
    assert g.nodes[ID + "sys/s"]["kind"] == "system"
    assert g.nodes[ID + "org/o"]["kind"] == "organisation"


def test_a_system_implementing_nothing_is_a_node_with_its_id_label_and_kind(tmp_path: Path) -> None:
    g = im.coverage_graph(store_of(tmp_path, SYSTEM, duty("A-1", "C")))
    assert g.nodes[ID + "sys/s"] == {"id": "s", "label": "S", "kind": "system"}


def test_an_operator_implementing_nothing_is_a_node_with_its_id_label_and_kind(tmp_path: Path) -> None:
    g = im.coverage_graph(store_of(tmp_path, SYSTEM, duty("A-1", "C"), implements("C")))
    assert g.nodes[ID + "org/o"] == {"id": "o", "label": "O", "kind": "organisation"}


def test_an_unmapped_binding_obligation_is_a_node_named_by_its_id(tmp_path: Path) -> None:
    g = im.coverage_graph(store_of(tmp_path, SYSTEM, duty("A-1")))
    assert g.nodes[ID + "obl/A-1"] == {"id": "A-1", "label": "A-1", "kind": "obligation"}


def test_an_unmapped_binding_obligation_without_an_id_is_named_by_its_iri(tmp_path: Path) -> None:
    noid = b"cgr:obl\\/n a cg:Obligation ; cg:modality cg:Mandatory ; cg:fromDocument cgr:doc\\/a .\n"
    g = im.coverage_graph(store_of(tmp_path, SYSTEM, noid))
    iri = ID + "obl/n"
    assert g.nodes[iri] == {"id": iri, "label": iri, "kind": "obligation"}


def test_a_dated_graph_gives_its_date_to_each_impact_asked_of_it(tmp_path: Path) -> None:
    g = im.coverage_graph(store_of(tmp_path, SYSTEM, duty("A-1", "C"), implements("C")), None)
    assert im.impact_in_graph(g, ID + "ctl/C").as_of is None
    dated = im.coverage_graph(store_of(tmp_path / "dated", SYSTEM, duty("A-1", "C"), implements("C")), ON)
    assert im.impact_in_graph(dated, ID + "ctl/C").as_of == ON


def test_impact_in_the_graph_names_the_control_and_each_pair_with_their_kinds(tmp_path: Path) -> None:
    g = im.coverage_graph(store_of(tmp_path, SYSTEM, duty("A-1", "C"), implements("C")))
    result = im.impact_in_graph(g, ID + "ctl/C")
    assert result.control == control("C")
    assert result.broken == [(obligation("A-1"), sys_node("s", "S"))]


def test_an_implementer_edge_without_a_current_flag_counts_as_current() -> None:
    # A graph built by hand (no dates): only an edge marked current=False is not coverage.
    g = nx.DiGraph()
    g.add_edge("o", "c")
    g.add_edge("c", "s")
    assert im.covering_controls(g, "o", "s") == {"c"}


def test_a_graphs_binding_pairs_are_worked_out_once_and_kept_on_it(tmp_path: Path) -> None:
    g = im.coverage_graph(store_of(tmp_path, SYSTEM, duty("A-1", "C"), implements("C")))
    first = im._pairs(g)
    assert im._pairs(g) is first


def test_a_graph_without_binding_information_has_no_single_points() -> None:
    assert im.single_points_in_graph(nx.DiGraph()) == []


def test_a_document_without_binding_obligations_binds_nothing(tmp_path: Path) -> None:
    b = b"cgr:org\\/o cg:subjectTo cgr:doc\\/b .\n"
    assert im.binding(store_of(tmp_path, SYSTEM, b, duty("A-1"))) == {ID + "sys/s": {ID + "obl/A-1"}}


def test_a_system_without_a_risk_level_is_not_bound_by_an_obligation_limited_to_one(tmp_path: Path) -> None:
    store = store_of(tmp_path, org("o"), system("s", "o", risk=""), duty("A-1"), duty("A-2", level="RiskHigh"))
    assert im.binding(store) == {ID + "sys/s": {ID + "obl/A-1"}}


# --- control_impact and impact_of on the snapshot -----------------------------------------------------


def test_control_impact_asked_for_a_system_id_says_no_control_has_it(tmp_path: Path) -> None:
    store = store_of(tmp_path, SYSTEM, duty("A-1", "C"), implements("C"))
    with pytest.raises(UnknownEntity):
        im.control_impact(store, "s")


def test_control_impact_answers_from_the_snapshot_it_is_given(tmp_path: Path) -> None:
    store = store_of(tmp_path, SYSTEM, duty("A-1", "C"))
    before = cv.snapshot(store)
    add(store, implements("C"))
    assert im.control_impact(store, "C", snap=before).broken == []
    assert im.control_impact(store, "C").broken == [(obligation("A-1"), sys_node("s", "S"))]


def test_control_impact_fills_in_a_snapshot_taken_without_impact_inputs(tmp_path: Path) -> None:
    store = store_of(tmp_path, SYSTEM, duty("A-1", "C"), implements("C"))
    result = im.control_impact(store, "C", snap=cv.snapshot(store, impact=False))
    assert result.broken == [(obligation("A-1"), sys_node("s", "S"))]


def test_a_control_the_snapshot_does_not_know_is_named_by_the_id_asked_for(tmp_path: Path) -> None:
    store = store_of(tmp_path, SYSTEM, duty("A-1", "C"))
    before = cv.snapshot(store)
    add(store, b'cgr:ctl\\/N a cg:Control ; dcterms:identifier "N-1" ; rdfs:label "New" .\n')
    assert im.control_impact(store, "N-1", snap=before).control == Node(ID + "ctl/N", "N-1", "N-1", "control")


def test_impact_of_names_an_unknown_control_by_the_label_given_else_by_its_iri(tmp_path: Path) -> None:
    snap = cv.snapshot(store_of(tmp_path, SYSTEM, duty("A-1", "C")))
    iri = ID + "ctl/unknown"
    assert im.impact_of(snap, iri, None, "U-1").control == Node(iri, "U-1", "U-1", "control")
    assert im.impact_of(snap, iri, None).control == Node(iri, iri, iri, "control")


def test_impact_of_carries_the_control_node_and_the_date(tmp_path: Path) -> None:
    snap = cv.snapshot(store_of(tmp_path, SYSTEM, duty("A-1", "C"), implements("C")))
    result = im.impact_of(snap, ID + "ctl/C", ON)
    assert result.control == control("C")
    assert result.as_of == ON


def test_impact_masks_of_a_snapshot_without_impact_inputs_says_how_to_get_them(tmp_path: Path) -> None:
    snap = cv.snapshot(store_of(tmp_path, SYSTEM, duty("A-1", "C"), implements("C")), impact=False)
    with pytest.raises(ValueError, match="^this snapshot has no impact inputs: pass it through coverage.with_impact"):
        im.impact_masks(snap, ID + "ctl/C", None)


def test_impact_masks_pass_over_a_bound_system_without_an_id_sorted_first(tmp_path: Path) -> None:
    # sys/a sorts before sys/s; it is bound (its operator is subject to Doc A) but impact cannot name it.
    noid = b"cgr:sys\\/a a cg:AISystem ; cg:riskLevel cg:RiskHigh ; cg:operatedBy cgr:org\\/o .\n"
    snap = cv.snapshot(
        store_of(tmp_path, SYSTEM, noid, duty("A-1", "C"), implements("C"), implements("C", by="sys\\/a"))
    )
    assert im.impact_masks(snap, ID + "ctl/C", None) == [(ID + "sys/s", 1, 0)]


def test_impact_masks_count_the_own_controls_of_a_system_whose_operator_has_no_id(tmp_path: Path) -> None:
    anon = b'cgr:org\\/x a cg:Organisation ; rdfs:label "X" ; cg:subjectTo cgr:doc\\/a .\n'
    snap = cv.snapshot(store_of(tmp_path, anon, system("s", "x"), duty("A-1", "C"), implements("C")))
    assert im.impact_masks(snap, ID + "ctl/C", None) == [(ID + "sys/s", 1, 0)]


def test_a_control_nobody_implements_breaks_nothing_where_the_operator_implements_nothing(tmp_path: Path) -> None:
    snap = cv.snapshot(store_of(tmp_path, SYSTEM, duty("A-1", "C")))
    assert im.impact_masks(snap, ID + "ctl/C", None) == []


def test_impact_masks_go_on_past_a_system_the_control_implements_but_does_not_bind(tmp_path: Path) -> None:
    # sys/a sorts first and implements C, but is not at the risk level C's obligation is limited to.
    turtle = (
        SYSTEM,
        system("a", "o", risk=""),
        duty("A-1", "C", level="RiskHigh"),
        duty("A-2", "D"),
        implements("C"),
        implements("C", by="sys\\/a"),
    )
    snap = cv.snapshot(store_of(tmp_path, *turtle))
    assert im.impact_masks(snap, ID + "ctl/C", None) == [(ID + "sys/s", 1 << snap.index[ID + "obl/A-1"], 0)]


def test_evidence_valid_until_the_date_asked_about_is_current_on_it(tmp_path: Path) -> None:
    snap = cv.snapshot(store_of(tmp_path, SYSTEM, duty("A-1", "C"), implements("C"), evidence("C", "2026-06-01")))
    assert im.impact_of(snap, ID + "ctl/C", ON).broken == [(obligation("A-1"), sys_node("s", "S"))]


def test_an_implementer_impact_cannot_name_listed_first_does_not_hide_the_others(tmp_path: Path) -> None:
    # sys/a has no id, so impact passes over its implementation of C; s's comes after it.
    noid = b"cgr:sys\\/a a cg:AISystem ; cg:riskLevel cg:RiskHigh ; cg:operatedBy cgr:org\\/o .\n"
    store = store_of(tmp_path, SYSTEM, noid, duty("A-1", "C"), implements("C"), implements("C", by="sys\\/a"))
    snap = cv.snapshot(store)
    snap.implements = [(ID + "sys/a", ID + "ctl/C"), (ID + "sys/s", ID + "ctl/C")]
    assert im.impact_of(snap, ID + "ctl/C", None).broken == [(obligation("A-1"), sys_node("s", "S"))]


def test_a_satisfying_node_not_typed_as_a_control_is_no_coverage(tmp_path: Path) -> None:
    # U has an id and satisfies A-1 but is no cg:Control: C is still the only coverage (as in the graph).
    untyped = b'cgr:obl\\/A-1 cg:satisfiedBy cgr:ctl\\/U . cgr:ctl\\/U dcterms:identifier "U" .\n'
    store = store_of(tmp_path, SYSTEM, duty("A-1", "C"), untyped, implements("C", "U"))
    assert im.impact_of(cv.snapshot(store), ID + "ctl/C", None).broken == [(obligation("A-1"), sys_node("s", "S"))]


# --- pages of pairs -----------------------------------------------------------------------------------

# Systems a and b implement C, which satisfies A-1..A-3; a also implements D: C alone covers
# A-1 for a, and all three for b.
PAGED = (
    SYSTEM,
    system("a", "o"),
    system("b", "o"),
    duty("A-1", "C"),
    duty("A-2", "C", "D"),
    duty("A-3", "C", "D"),
    implements("C", "D", by="sys\\/a"),
    implements("C", by="sys\\/b"),
)
BROKEN = [
    (obligation("A-1"), sys_node("a", "A")),
    (obligation("A-1"), sys_node("b", "B")),
    (obligation("A-2"), sys_node("b", "B")),
    (obligation("A-3"), sys_node("b", "B")),
]


def test_impact_pairs_are_obligation_and_system_nodes_by_system(tmp_path: Path) -> None:
    snap = cv.snapshot(store_of(tmp_path, *PAGED))
    masks = im.impact_masks(snap, ID + "ctl/C", None)
    assert im.impact_pairs(snap, masks, 1) == BROKEN


def test_impact_pairs_one_per_page_give_each_pair_once_in_order(tmp_path: Path) -> None:
    snap = cv.snapshot(store_of(tmp_path, *PAGED))
    masks = im.impact_masks(snap, ID + "ctl/C", None)
    pages = [im.impact_pairs(snap, masks, 1, offset, 1) for offset in range(5)]
    assert pages == [[pair] for pair in BROKEN] + [[]]


def test_bit_positions_are_the_set_bits_lowest_first() -> None:
    assert im.bit_positions(0b10110) == [1, 2, 4]


# --- render_impact ------------------------------------------------------------------------------------


def test_render_impact_lists_the_broken_pairs_and_counts_the_others_with_the_date() -> None:
    result = Impact(
        control("C"), ON, [(obligation("A-1"), sys_node("s", "S"))], [(obligation("A-2"), sys_node("s", "S"))]
    )
    assert im.render_impact(result) == (
        "If control C (Control C) fails as of 2026-06-01:\n"
        "  1 obligation(s) become uncovered for 1 system(s):\n"
        "    A-1 for s (S)\n"
        "  1 other pair(s) stay covered by another control\n"
    )


def test_render_impact_without_a_date_or_anything_broken_says_nothing_is_left_uncovered() -> None:
    assert im.render_impact(Impact(control("C"), None)) == (
        "If control C (Control C) fails:\n"
        "  nothing is left uncovered: every obligation it covers is also covered by another control\n"
    )


# --- single_point_summary -------------------------------------------------------------------------------

# s is operated by o1 and o2 and implements C1, C3 and X (nothing); o1 implements C2;
# o2 implements nothing; t, also operated by both, implements nothing. C1 alone covers A-1 for s, C2 alone
# covers A-3 for s and for t.
TWO_OPERATORS = (
    org("o1"),
    org("o2"),
    system("s", "o1", "o2"),
    system("t", "o1", "o2"),
    duty("A-1", "C1"),
    duty("A-2", "C2", "C3"),
    duty("A-3", "C2"),
    b'cgr:ctl\\/X a cg:Control ; dcterms:identifier "X" ; rdfs:label "Unrelated" .\n',
    implements("C1", "C3", "X"),
    implements("C2", by="org\\/o1"),
)


def test_single_points_of_a_system_with_two_operators_count_both_operators_controls(tmp_path: Path) -> None:
    store = store_of(tmp_path, *TWO_OPERATORS)
    assert summary(im.single_point_summary(store)) == [
        (control("C2"), 2, 3, [sys_node("s", "S"), sys_node("t", "T")]),
        (control("C1"), 1, 1, [sys_node("s", "S")]),
    ]


def test_single_points_of_a_system_whose_operator_has_no_id_are_its_own_controls(tmp_path: Path) -> None:
    anon = b'cgr:org\\/x a cg:Organisation ; rdfs:label "X" ; cg:subjectTo cgr:doc\\/a .\n'
    store = store_of(tmp_path, anon, system("s", "x"), duty("A-1", "C"), implements("C"))
    assert summary(im.single_point_summary(store)) == [(control("C"), 1, 1, [sys_node("s", "S")])]


@pytest.mark.parametrize("operators", [("o1", "o2"), ("o1",)], ids=["two-operators", "one-operator"])
def test_single_points_go_on_past_a_system_with_none(tmp_path: Path, operators: tuple[str, ...]) -> None:
    # u comes first in the snapshot's binds and has no single point (it implements nothing, nor do its
    # operators); s after it does.
    turtle = (org("o1"), org("o2"), system("u", *operators), system("s", "o1"), duty("A-1", "C"), implements("C"))
    store = store_of(tmp_path, *turtle)
    snap = cv.snapshot(store)
    u, s = ID + "sys/u", ID + "sys/s"
    snap.binds = {u: snap.binds[u], s: snap.binds[s]}
    assert summary(im.single_point_summary(store, snap=snap)) == [(control("C"), 1, 1, [sys_node("s", "S")])]


def test_an_organisation_control_alone_covering_the_first_obligation_is_a_single_point(tmp_path: Path) -> None:
    store = store_of(tmp_path, SYSTEM, duty("A-1", "C"), implements("C", by="org\\/o"))
    assert summary(im.single_point_summary(store)) == [(control("C"), 1, 1, [sys_node("s", "S")])]


def test_an_organisation_control_satisfying_nothing_is_no_single_point(tmp_path: Path) -> None:
    x = b'cgr:ctl\\/X a cg:Control ; dcterms:identifier "X" ; rdfs:label "Unrelated" .\n'
    store = store_of(tmp_path, SYSTEM, duty("A-1", "C"), x, implements("C", "X", by="org\\/o"))
    assert summary(im.single_point_summary(store)) == [(control("C"), 1, 1, [sys_node("s", "S")])]


def test_single_point_summary_answers_from_the_snapshot_it_is_given(tmp_path: Path) -> None:
    store = store_of(tmp_path, SYSTEM, duty("A-1", "C"))
    before = cv.snapshot(store)
    add(store, implements("C"))
    assert im.single_point_summary(store, snap=before) == []


def test_single_point_summary_fills_in_a_snapshot_taken_without_impact_inputs(tmp_path: Path) -> None:
    store = store_of(tmp_path, SYSTEM, duty("A-1", "C"), implements("C"))
    points = im.single_point_summary(store, snap=cv.snapshot(store, impact=False))
    assert summary(points) == [(control("C"), 1, 1, [sys_node("s", "S")])]
