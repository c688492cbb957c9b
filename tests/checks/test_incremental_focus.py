"""Incremental validation after triples were only added (a new evidence item, a new mapping graph, the audit
trail's new entries): each query the change can affect runs again only for the focus nodes the change reaches
(``checks.affected``), and the findings stay a full run's."""

from __future__ import annotations

import random
import threading
from datetime import timedelta
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import URIRef
from test_incremental import AS_OF, add_evidence, renew_evidence

from compgraph.checks import affected, incremental, lastrun
from compgraph.checks.affected import entries_of, restricted
from compgraph.checks.incremental import STATE, validate_incremental
from compgraph.checks.shapes import load_shapes
from compgraph.checks.sparql.rewrite import rewrite_not_exists
from compgraph.checks.sparql.run import _labels
from compgraph.checks.validate import validate_store
from compgraph.graph import evidence as ev
from compgraph.graph.build import build
from compgraph.graph.namespaces import CG
from compgraph.graph.store import LocalStore

GAP_RULE = "Implemented control has current evidence"


@pytest.fixture()
def store(tmp_path) -> LocalStore:  # noqa: ANN001
    s = LocalStore(tmp_path / "store")
    build(s)
    return s


def _close_a_gap(store: LocalStore) -> None:
    """Current evidence for a control a system implements without current evidence: one finding goes."""
    shapes = load_shapes()
    gap = next(f for f in validate_store(store, AS_OF, shapes, save=False).findings if f.rule == GAP_RULE)
    ids = store.select(f"SELECT ?sid ?cid WHERE {{ <{gap.focus}> dcterms:identifier ?sid . <{gap.value}> "
                       "dcterms:identifier ?cid }").rows[0]
    ev.add(store, ev.Item("ev-closes-a-gap", "closes a gap", str(ids[1]), str(ids[0]), AS_OF + timedelta(days=365),
                          AS_OF - timedelta(days=1), "2" * 64))


def test_after_evidence_items_are_added_only_their_focus_nodes_run_again_and_the_findings_are_a_full_runs(
    store: LocalStore,
) -> None:
    shapes = load_shapes()
    rnd = random.Random(26)
    validate_incremental(store, AS_OF, shapes, save=False)
    for n in range(4):
        rnd.choice([add_evidence, renew_evidence])(store, rnd, n)
        inc = validate_incremental(store, AS_OF, shapes, save=False)
        full = validate_store(store, AS_OF, shapes, save=False)
        assert inc.outcome.findings == full.findings
        assert inc.focused > 0 and inc.rerun < inc.focused


def test_a_gap_closed_by_new_evidence_goes_from_the_findings(store: LocalStore) -> None:
    shapes = load_shapes()
    before = validate_incremental(store, AS_OF, shapes, save=False)
    _close_a_gap(store)
    inc = validate_incremental(store, AS_OF, shapes, save=False)
    assert inc.outcome.findings == validate_store(store, AS_OF, shapes, save=False).findings
    gaps = [f for f in inc.outcome.findings if f.rule == GAP_RULE]
    assert len(gaps) == len([f for f in before.outcome.findings if f.rule == GAP_RULE]) - 1


def test_focus_nodes_left_out_would_show_a_closed_gap_still_open(store: LocalStore,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison above can fail: with no focus node read again, the kept rows stand and the gap stays."""
    shapes = load_shapes()
    validate_incremental(store, AS_OF, shapes, save=False)
    monkeypatch.setattr(incremental, "focus_nodes", lambda *a: set())
    _close_a_gap(store)
    inc = validate_incremental(store, AS_OF, shapes, save=False)
    assert inc.outcome.findings != validate_store(store, AS_OF, shapes, save=False).findings


def test_a_pattern_linked_to_this_only_through_a_bind_reruns_the_whole_query() -> None:
    entries = entries_of("SELECT ?this WHERE { ?this <http://x/p> ?a . BIND(?a AS ?b) ?c <http://x/q> ?b }")
    assert entries is not None
    by_pred = {e.predicate: e for e in entries}
    assert by_pred["http://x/p"].side == "s" and by_pred["http://x/p"].query == ""
    assert by_pred["http://x/q"].side == ""  # no chain: a change it matches means a whole rerun


def test_an_exists_inside_an_aggregate_is_not_followed() -> None:
    query = ("PREFIX ex: <urn:ex:> SELECT ?this (SUM(IF(EXISTS { ?this ex:p ?o }, 1, 0)) AS ?n) "
             "WHERE { ?this a ex:C } GROUP BY ?this")
    assert entries_of(query) is None


def test_a_sub_selects_unprojected_variable_is_not_the_outer_one() -> None:
    entries = entries_of("SELECT ?this WHERE { ?this <http://x/p> ?v . { SELECT ?w WHERE { ?v <http://x/q> ?w } } }")
    assert entries is not None
    assert {e.predicate: e.side for e in entries}["http://x/q"] == ""


def test_a_changed_step_of_a_path_reaches_the_focus_nodes_through_the_steps_before_it() -> None:
    entries = entries_of(
        "SELECT ?this WHERE { ?this a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <http://x/C> }"
    )
    assert entries is not None
    sub = {e.predicate: e for e in entries}["http://www.w3.org/2000/01/rdf-schema#subClassOf"]
    assert sub.side == "s" and "?this" in sub.query and "?_changed" in sub.query


def test_a_restricted_query_holds_the_focus_nodes_in_its_focus_blocks_and_in_a_minus_that_binds_this() -> None:
    query = ("SELECT ?this WHERE { { SELECT DISTINCT ?this WHERE { ?this a <http://x/C> } } "
             "MINUS { ?this <http://x/p> ?v } MINUS { ?other <http://x/q> ?v } }")
    text = restricted(query, ["<http://x/a>"])
    assert text.count("VALUES ?this { <http://x/a> }") == 3
    assert "MINUS { ?other" in text.replace("  ", " ")  # ?this unbound there: a VALUES would bind it


def test_a_restricted_query_reads_its_hash_join_blocks_as_plain_patterns_from_the_focus_nodes() -> None:
    query = ("SELECT ?this WHERE { { SELECT DISTINCT ?this WHERE { ?this a <http://x/C> } } "
             "{ SELECT * WHERE { ?this <http://x/p> ?v } } { SELECT * WHERE { ?v <http://x/q> ?w } } "
             "MINUS { { SELECT * WHERE { ?w <http://x/r> ?z } } } }")
    text = restricted(query, ["<http://x/a>"])
    assert "SELECT * WHERE" not in text
    assert "?v <http://x/q> ?w ." in text and "?w <http://x/r> ?z ." in text


# A NOT EXISTS whose filter reads only the outer row, as the planner rewrites it: a left join read on its own.
_NOT_EXISTS = rewrite_not_exists(
    "SELECT ?this ?l WHERE { ?this <http://x/p> ?l . "
    "FILTER NOT EXISTS { ?a <http://x/o> ?this ; <http://x/q> ?area . FILTER (?l = 1) } }")


def test_a_restricted_query_holds_the_focus_nodes_in_the_planners_not_exists_left_join() -> None:
    assert "(true AS ?_nx1) WHERE {" in _NOT_EXISTS
    text = " ".join(restricted(_NOT_EXISTS, ["<http://x/a>"]).split())
    assert "(true AS ?_nx1) WHERE { VALUES ?this { <http://x/a> } ?a <http://x/o> ?this" in text


def test_a_restricted_not_exists_left_join_gives_the_focus_nodes_rows_of_the_whole_query() -> None:
    db = ox.Store()
    x = "http://x/"
    for s, p, o in [("a", "p", ox.Literal("1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
                    ("b", "p", ox.Literal("1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
                    ("c", "p", ox.Literal("2", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
                    ("s1", "o", ox.NamedNode(x + "b")), ("s1", "q", ox.NamedNode(x + "area")),
                    ("s2", "o", ox.NamedNode(x + "c")), ("s2", "q", ox.NamedNode(x + "area"))]:
        db.add(ox.Quad(ox.NamedNode(x + s), ox.NamedNode(x + p), o))

    def rows(text: str) -> set[tuple[str, ...]]:
        return {tuple(str(t) for t in r) for r in db.query(text)}  # type: ignore[union-attr]

    whole = rows(_NOT_EXISTS)
    for focus in (["<http://x/a>"], ["<http://x/b>"], ["<http://x/a>", "<http://x/b>", "<http://x/c>"]):
        names = {f[1:-1] for f in focus}
        assert rows(restricted(_NOT_EXISTS, focus)) == {r for r in whole if r[0][1:-1] in names}
    assert len(whole) == 2  # a (no annexed system) and c (one, but its level is not 1); b is dropped


def test_a_restricted_query_keeps_a_shapes_own_sub_select_whose_filter_would_change_scope() -> None:
    own = "{ SELECT * WHERE { ?v <http://x/q> ?w FILTER (?w > 1) } }"
    text = restricted(f"SELECT ?this WHERE {{ {{ SELECT DISTINCT ?this WHERE {{ ?this a <http://x/C> }} }} {own} }}",
                      ["<http://x/a>"])
    assert own in text


def test_a_label_added_in_a_new_graph_relabels_the_findings_kept_in_memory(store: LocalStore) -> None:
    """Findings of queries whose rows did not change are kept from the last run in the process; a focus node whose
    label triples changed gets its findings made again, as a full run names them."""
    shapes = load_shapes()
    validate_incremental(store, AS_OF, shapes, save=False)
    org = URIRef("https://w3id.org/compgraph/id/organisation/mozart")
    store.replace_graph("https://w3id.org/compgraph/graph/test/relabel",
                        f'<{org}> <http://www.w3.org/2000/01/rdf-schema#label> "0" .\n'.encode())
    assert _labels(store, [org])[org] == "0"  # the store reads a one-character label first: it names the findings
    inc = validate_incremental(store, AS_OF, shapes, save=False)
    assert inc.outcome.findings == validate_store(store, AS_OF, shapes, save=False).findings
    assert any(f.focus_label == "0" for f in inc.outcome.findings)


def test_written_behind_the_state_is_on_disk_once_settled_and_the_next_run_uses_it(store: LocalStore) -> None:
    shapes = load_shapes()
    validate_incremental(store, AS_OF, shapes, save=False, write_behind=True)
    lastrun.settle(store.root / STATE)
    assert (store.root / STATE).is_file()
    _close_a_gap(store)
    inc = validate_incremental(store, AS_OF, shapes, save=False, write_behind=True)
    assert not inc.why_full and inc.focused > 0
    assert inc.outcome.findings == validate_store(store, AS_OF, shapes, save=False).findings


class _NothingRead(affected.EntriesRead):
    def __init__(self, texts: dict[str, str], value_key: str | None = None) -> None:
        super().__init__({})


class _AllRead(affected.EntriesRead):
    def stop(self) -> dict[str, list[Any] | None]:
        self._thread.join()  # as on a store large enough for the run's queries to outlast the reading
        return super().stop()


def test_a_full_run_reads_the_focus_entries_so_the_first_change_after_it_parses_none(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch,
) -> None:
    shapes = load_shapes()
    monkeypatch.setattr(incremental, "EntriesRead", _AllRead)
    assert validate_incremental(store, AS_OF, shapes, save=False).why_full
    parsed: list[str] = []
    monkeypatch.setattr(incremental, "entries_json",
                        lambda text, *target: parsed.append(text) or affected.entries_json(text, *target))
    add_evidence(store, random.Random(31), 0)
    inc = validate_incremental(store, AS_OF, shapes, save=False)
    assert inc.focused > 0 and parsed == []
    assert inc.outcome.findings == validate_store(store, AS_OF, shapes, save=False).findings


def test_focus_entries_kept_for_a_text_no_longer_planned_are_not_used(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """They are kept under the digest of the text they were read from: a planner that now writes another text for
    the same query (a new version) reads its entries again rather than following the old text's."""
    shapes = load_shapes()
    monkeypatch.setattr(incremental, "EntriesRead", _AllRead)
    validate_incremental(store, AS_OF, shapes, save=False)
    planned = incremental._entries_text
    monkeypatch.setattr(incremental, "_entries_text", lambda q: planned(q) + "\n# as another version plans it\n")
    monkeypatch.setattr(incremental, "_PREPARED", {})
    parsed: list[str] = []
    monkeypatch.setattr(incremental, "entries_json",
                        lambda text, *target: parsed.append(text) or affected.entries_json(text, *target))
    add_evidence(store, random.Random(32), 0)
    inc = validate_incremental(store, AS_OF, shapes, save=False)
    assert inc.focused > 0 and len(parsed) >= inc.focused  # each query the change touched read again
    assert inc.outcome.findings == validate_store(store, AS_OF, shapes, save=False).findings


def test_the_entries_reader_stops_after_the_query_it_is_on(monkeypatch: pytest.MonkeyPatch) -> None:
    readers: list[affected.EntriesRead] = []
    made = threading.Event()

    def on_it_until_asked_to_stop(text: str) -> list[Any] | None:
        made.wait(10)
        readers[0]._stop.wait(10)  # the first query ends only once stop has been asked for
        return []

    monkeypatch.setattr(affected, "entries_json", on_it_until_asked_to_stop)
    readers.append(affected.EntriesRead({f"q{n}": "SELECT * WHERE { ?this ?p ?o }" for n in range(20)}))
    made.set()
    assert readers[0].stop() == {"q0": []}


def test_focus_entries_read_after_a_change_are_kept_through_a_full_run_on_another_day(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """They depend on a query's text alone: a full run (another day) keeps them, so the next change parses none."""
    shapes = load_shapes()
    rnd = random.Random(30)
    monkeypatch.setattr(incremental, "EntriesRead", _NothingRead)  # only the change below reads entries
    validate_incremental(store, AS_OF, shapes, save=False)
    add_evidence(store, rnd, 0)
    assert validate_incremental(store, AS_OF, shapes, save=False).focused > 0  # its queries' entries read here
    day = AS_OF + timedelta(days=1)
    assert validate_incremental(store, day, shapes, save=False).why_full
    parsed: list[str] = []
    monkeypatch.setattr(incremental, "entries_json",
                        lambda text, *target: parsed.append(text) or affected.entries_json(text, *target))
    add_evidence(store, rnd, 1)
    inc = validate_incremental(store, day, shapes, save=False)
    assert inc.focused > 0 and parsed == []
    assert inc.outcome.findings == validate_store(store, day, shapes, save=False).findings


def test_a_state_file_another_process_wrote_is_read_not_the_copy_in_memory(store: LocalStore) -> None:
    shapes = load_shapes()
    validate_incremental(store, AS_OF, shapes, save=False)
    assert lastrun.recall(store.root / STATE, lastrun._KEPT[str(store.root / STATE)].ids) is not None
    (store.root / STATE).write_text((store.root / STATE).read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert lastrun.recall(store.root / STATE, lastrun._KEPT[str(store.root / STATE)].ids) is None


def _rewrite(store: LocalStore, graph: str, keep) -> None:  # noqa: ANN001
    lines = store.export("application/n-triples", graph).decode().splitlines()
    store.replace_graph(graph, "".join(x + "\n" for x in lines if keep(x)).encode())


def test_a_system_removed_from_its_organisations_graph_is_followed_through_the_triples_removed_with_it(
    store: LocalStore,
) -> None:
    """Its controls reach the organisation only through its own cg:operatedBy, removed in the same write: the
    focus nodes are read with the removed triples put back for the while."""
    shapes = load_shapes()
    validate_incremental(store, AS_OF, shapes, save=False)
    graph = str(store.select("SELECT ?g WHERE { GRAPH ?g { ?s cg:operatedBy ?o ; cg:implementsControl ?c } }"
                             " ORDER BY ?g LIMIT 1").rows[0][0])
    system = str(store.select(f"SELECT ?s WHERE {{ GRAPH <{graph}> {{ ?s cg:operatedBy ?o ; cg:implementsControl ?c }}"
                              " } ORDER BY ?s LIMIT 1").rows[0][0])
    _rewrite(store, graph, lambda line: not line.startswith(f"<{system}> "))
    inc = validate_incremental(store, AS_OF, shapes, save=False)
    assert not inc.why_full and inc.focused > 0
    assert inc.outcome.findings == validate_store(store, AS_OF, shapes, save=False).findings


def test_risk_levels_changed_in_place_rerun_only_the_focus_nodes_they_reach(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The demo has a handful of systems: one is more than a tenth of them, which a whole rerun serves better.
    monkeypatch.setattr(incremental, "_many", lambda *a: False)
    shapes = load_shapes()
    validate_incremental(store, AS_OF, shapes, save=False)
    rows = store.select("SELECT ?s ?r ?g WHERE { GRAPH ?g { ?s cg:riskLevel ?r } } ORDER BY ?s").rows
    for n, (system, risk, graph) in enumerate(rows[:3]):
        new = ["RiskHigh", "RiskMinimal", "RiskLimited"][n]
        lines = store.export("application/n-triples", str(graph)).decode().replace(
            f"<{system}> <{CG.riskLevel}> <{risk}>", f"<{system}> <{CG.riskLevel}> <{CG}{new}>")
        store.replace_graph(str(graph), lines.encode())
        inc = validate_incremental(store, AS_OF, shapes, save=False)
        assert inc.rerun < 10 and inc.focused > 0, inc.summary()
        assert inc.outcome.findings == validate_store(store, AS_OF, shapes, save=False).findings
