"""Coverage kept across writes (questions.keptcoverage) equals coverage computed afresh, after every kind of write.

The store is a small generated organisation (several systems at each risk level, mappings, evidence). Each test
views coverage once, as the browser does, then writes as a user would, and holds the kept snapshot and the kept
evaluation to a full computation (``coverage.snapshot`` with coverage's own query for the latest dates, then
``coverage.evaluate``). The latest dates come from the evidence list's index, as in the browser.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from compgraph.graph import evidence as ev
from compgraph.graph.store import LocalStore
from compgraph.questions import coverage as cv
from compgraph.questions import evidencelist as evl
from compgraph.questions import keptcoverage as kc
from compgraph.scale import generate as gen

AS_OF = date(2026, 11, 22)
CG = "https://w3id.org/compgraph/ontology#"
ACCEPTED = "https://w3id.org/compgraph/graph/test/accepted-mappings"
TITLES = "https://w3id.org/compgraph/graph/test/titles"


class Kept:
    """What the browser keeps for one store: the evidence index and the coverage keeper."""

    def __init__(self, store: LocalStore) -> None:
        self.store, self.index, self.keeper = store, evl.EvidenceIndex(), kc.CoverageKeeper()

    def snapshot(self) -> cv.Snapshot:
        return self.keeper.snapshot(self.store, evl.latest(self.store, self.index))

    def coverage(self, as_of: date = AS_OF) -> cv.Coverage:
        return self.keeper.evaluate(self.snapshot(), as_of)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("generated") / "store"
    s = LocalStore(root)
    gen.load_into(s, gen.Spec.parse(3000, seed=3, as_of=AS_OF))
    s.close()
    return root


@pytest.fixture
def store(generated: Path, tmp_path: Path) -> LocalStore:
    """A copy of the generated store for each test (the tests write to it)."""
    shutil.copytree(generated, tmp_path / "store")
    return LocalStore(tmp_path / "store")


def fresh(store: LocalStore, as_of: date = AS_OF) -> cv.Coverage:
    return cv.evaluate(cv.snapshot(store, impact=False), as_of)


def _pairs(store: LocalStore) -> list[tuple[str, str]]:
    """(control id, system id) of every control a system implements."""
    res = store.select(
        "SELECT ?cid ?sid WHERE { ?s a cg:AISystem ; cg:implementsControl ?c ; dcterms:identifier ?sid ."
        " ?c dcterms:identifier ?cid } ORDER BY ?sid ?cid"
    )
    return [(str(c), str(s)) for c, s in res.rows]


def add_evidence(store: LocalStore, rng: random.Random) -> None:
    control, system = rng.choice(_pairs(store))
    until = AS_OF + timedelta(days=rng.randint(-40, 400))
    ident = f"ev-test-{rng.randrange(10**9)}"
    ev.add(store, ev.Item(ident, "test", control, system, until, until - timedelta(days=365), "0" * 64))


def renew_evidence(store: LocalStore, rng: random.Random) -> None:
    ids = sorted(str(r[0]) for r in store.select("SELECT ?id WHERE { ?e a cg:Evidence ; dcterms:identifier ?id }").rows)
    old = ev.previous(store, rng.choice(ids))
    until = AS_OF + timedelta(days=rng.randint(1, 400))
    new = ev.next_version_id(store, old.ident)
    ev.add(store, ev.Item(new, old.label, old.control, old.concerns, until, AS_OF, "0" * 64, revises=old.ident))


def change_risk(store: LocalStore, rng: random.Random) -> None:
    """A system's risk level changed, written as a user's edit is: its graph replaced."""
    res = store.select("SELECT ?s ?r ?g WHERE { GRAPH ?g { ?s cg:riskLevel ?r } } ORDER BY ?s")
    system, level, graph = (str(x) for x in rng.choice(res.rows))
    other = rng.choice(sorted({str(r[1]) for r in res.rows} - {level}))
    text = store.export("application/n-triples", graph).decode()
    text = text.replace(f"<{system}> <{CG}riskLevel> <{level}>", f"<{system}> <{CG}riskLevel> <{other}>")
    store.replace_graph(graph, text.encode())


def accept_mapping(store: LocalStore, rng: random.Random) -> None:
    """An obligation mapped to one more control, in the graph of accepted mappings."""
    obligations = sorted(str(r[0]) for r in store.select("SELECT ?o WHERE { ?o a cg:Obligation }").rows)
    controls = sorted(str(r[0]) for r in store.select("SELECT ?c WHERE { ?c a cg:Control }").rows)
    kept = store.export("application/n-triples", ACCEPTED).decode() if ACCEPTED in store.graph_names() else ""
    line = f"<{rng.choice(obligations)}> <{CG}satisfiedBy> <{rng.choice(controls)}> .\n"
    store.replace_graph(ACCEPTED, (kept + line).encode())


def retitle_control(store: LocalStore, rng: random.Random) -> None:
    """A control gets another title in a graph of its own (a title the structure reads, nothing else)."""
    controls = sorted(str(r[0]) for r in store.select("SELECT ?c WHERE { ?c a cg:Control }").rows)
    line = f'<{rng.choice(controls)}> <http://www.w3.org/2000/01/rdf-schema#label> "A" .\n'
    store.replace_graph(TITLES, line.encode())


def new_control(store: LocalStore, rng: random.Random, title: str = "New") -> str:
    """A control the store has never named, implemented by a system and mapped to an obligation in one write."""
    system = rng.choice(sorted(str(r[0]) for r in store.select("SELECT ?s WHERE { ?s a cg:AISystem }").rows))
    obligation = rng.choice(sorted(str(r[0]) for r in store.select("SELECT ?o WHERE { ?o a cg:Obligation }").rows))
    c = f"https://w3id.org/compgraph/id/control/NEW-{rng.randrange(10**9)}"
    titled = f' ; <http://www.w3.org/2000/01/rdf-schema#label> "{title}"' if title else ""
    store.replace_graph(
        f"https://w3id.org/compgraph/graph/test/{c.rsplit('/', 1)[-1]}",
        (
            f'<{c}> a <{CG}Control> ; <http://purl.org/dc/terms/identifier> "{c[-8:]}"{titled} .\n'
            f"<{system}> <{CG}implementsControl> <{c}> .\n<{obligation}> <{CG}satisfiedBy> <{c}> .\n"
        ).encode(),
        "text/turtle",
    )
    return c


def drop_evidence_graph(store: LocalStore, rng: random.Random) -> None:
    graphs = sorted(g for g in store.graph_names() if "/graph/evidence/" in g)
    if graphs:
        store.drop_graph(rng.choice(graphs))


WRITES: list[Callable[[LocalStore, random.Random], None]] = [
    add_evidence, renew_evidence, change_risk, accept_mapping, retitle_control, new_control, drop_evidence_graph,
]


@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.__name__)
def test_after_a_write_the_kept_coverage_equals_a_fresh_one(store: LocalStore, write: Callable) -> None:
    kept = Kept(store)
    kept.coverage()
    write(store, random.Random(1))
    assert kept.coverage() == fresh(store)


@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.__name__)
def test_after_a_write_the_kept_snapshot_equals_a_fresh_one_with_impacts_inputs(
    store: LocalStore, write: Callable
) -> None:
    kept = Kept(store)
    cv.with_impact_inputs(store, kept.snapshot())
    write(store, random.Random(2))
    assert cv.with_impact_inputs(store, kept.snapshot()) == cv.snapshot(store)


def test_after_a_random_sequence_of_writes_the_kept_coverage_equals_a_fresh_one_on_each_date(store: LocalStore) -> None:
    rng = random.Random(7)
    kept = Kept(store)
    dates = [AS_OF, AS_OF + timedelta(days=90)]
    for _ in range(14):
        rng.choice(WRITES)(store, rng)
        day = rng.choice(dates)
        assert kept.coverage(day) == fresh(store, day)


def test_a_title_given_later_to_a_control_named_in_an_earlier_write_reaches_the_snapshot(store: LocalStore) -> None:
    kept = Kept(store)
    kept.snapshot()
    c = new_control(store, random.Random(6), title="")
    kept.snapshot()
    store.replace_graph(TITLES, f'<{c}> <http://www.w3.org/2000/01/rdf-schema#label> "Titled later" .\n'.encode())
    assert kept.snapshot() == cv.snapshot(store, impact=False)


def test_an_evidence_item_added_reads_no_structure_and_evaluates_in_part(store: LocalStore) -> None:
    kept = Kept(store)
    kept.coverage()
    add_evidence(store, random.Random(3))
    kept.coverage()
    assert (kept.keeper.structure_reads, kept.keeper.partial_evaluations) == (1, 1)


def test_a_mapping_accepted_reads_only_the_mappings_of_the_controls_it_names(store: LocalStore) -> None:
    kept = Kept(store)
    kept.coverage()
    accept_mapping(store, random.Random(4))
    assert kept.coverage() == fresh(store)
    assert (kept.keeper.structure_reads, kept.keeper.part_reads, kept.keeper.mapping_updates) == (1, 0, 1)


def test_a_risk_level_changed_reads_no_structure_and_evaluates_only_that_systems_row_again(store: LocalStore) -> None:
    kept = Kept(store)
    kept.coverage()
    change_risk(store, random.Random(4))
    assert kept.coverage() == fresh(store)
    counts = kept.keeper
    assert (counts.structure_reads, counts.part_reads, counts.risk_updates, counts.partial_evaluations) == (1, 0, 1, 1)


def _set_levels(store: LocalStore, system: str, levels: list[str]) -> None:
    """``system``'s risk levels become ``levels`` in the graph that states its level, as a user's edit is."""
    res = store.select(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{system}> cg:riskLevel ?r }} }}")
    graph = str(res.rows[0][0])
    lines = [
        line
        for line in store.export("application/n-triples", graph).decode().splitlines()
        if not line.startswith(f"<{system}> <{CG}riskLevel> ")
    ]
    lines += [f"<{system}> <{CG}riskLevel> <{level}> ." for level in levels]
    store.replace_graph(graph, "\n".join(lines).encode())


def _systems_at(store: LocalStore) -> dict[str, list[str]]:
    res = store.select("SELECT ?r ?s WHERE { ?s a cg:AISystem ; cg:riskLevel ?r } ORDER BY ?r ?s")
    out: dict[str, list[str]] = {}
    for r, s in res.rows:
        out.setdefault(str(r), []).append(str(s))
    return out


View = Callable[[], object]


def _to_a_level_no_system_has(store: LocalStore, view: View) -> None:
    at = _systems_at(store)
    _set_levels(store, at[sorted(at)[0]][0], [f"{CG}RiskNobodyHas"])


def _every_system_of_a_level_moved_to_another(store: LocalStore, view: View) -> None:
    at = _systems_at(store)
    low, other = sorted(at, key=lambda r: len(at[r]))[:2]
    for system in at[low]:
        _set_levels(store, system, [other])


def _level_removed(store: LocalStore, view: View) -> None:
    at = _systems_at(store)
    _set_levels(store, at[sorted(at)[0]][0], [])


def _a_second_level(store: LocalStore, view: View) -> None:
    at = _systems_at(store)
    first, second = sorted(at)[:2]
    _set_levels(store, at[first][0], [first, second])


def _a_second_level_taken_away_again(store: LocalStore, view: View) -> None:
    at = _systems_at(store)
    first, second = sorted(at)[:2]
    _set_levels(store, at[first][0], [first, second])
    view()
    _set_levels(store, at[first][0], [first])


def _back_and_forth(store: LocalStore, view: View) -> None:
    at = _systems_at(store)
    first, second = sorted(at)[:2]
    _set_levels(store, at[first][0], [second])
    view()
    _set_levels(store, at[first][0], [first])


def _an_early_row_to_a_level_first_seen_later(store: LocalStore, view: View) -> None:
    """The totals per risk level follow the rows' order (the systems' ids): a system moved to a level that only
    later rows had brings that level forward."""
    at = _systems_at(store)
    level_of = {s: r for r, systems in at.items() for s in systems}
    res = store.select("SELECT ?s WHERE { ?s a cg:AISystem ; cg:riskLevel ?r ; dcterms:identifier ?id } ORDER BY ?id")
    order = list(dict.fromkeys(str(r[0]) for r in res.rows))
    seen = {level_of[s]: i for i, s in reversed(list(enumerate(order)))}  # level -> its first row
    early = next(s for s in order if len(at[level_of[s]]) > 1)
    later = next(r for r, first in sorted(seen.items(), key=lambda x: x[1]) if first > order.index(early))
    _set_levels(store, early, [later])


def _a_system_of_two_organisations_to_another_level(store: LocalStore, view: View) -> None:
    """Such a system has a row per organisation in the snapshot; coverage shows its first."""
    at = _systems_at(store)
    system = next(s for r in sorted(at) if len(at[r]) > 1 for s in at[r])
    # an organisation whose IRI sorts before and one after the system's own
    store.replace_graph(
        "https://w3id.org/compgraph/graph/test/more-operators",
        "".join(
            f'<{o}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{CG}Organisation> .\n'
            f'<{o}> <http://www.w3.org/2000/01/rdf-schema#label> "{o[-1]}" .\n'
            f"<{system}> <{CG}operatedBy> <{o}> .\n"
            for o in ("https://w3id.org/compgraph/id/0-org", "https://w3id.org/compgraph/id/~-org")
        ).encode(),
    )
    view()
    _set_levels(store, system, [next(r for r in sorted(at) if system not in at[r])])


def _a_system_whose_id_sorts_apart_from_its_iri_to_another_level(store: LocalStore, view: View) -> None:
    """The snapshot lists systems by id, not by IRI."""
    at = _systems_at(store)
    level = next(r for r in sorted(at) if len(at[r]) > 1)
    org = str(store.select("SELECT ?o WHERE { ?s cg:operatedBy ?o } ORDER BY ?o LIMIT 1").rows[0][0])
    system = "https://w3id.org/compgraph/id/system/0-first-by-iri"
    store.replace_graph(
        "https://w3id.org/compgraph/graph/test/late-system",
        f"""<{system}> a <{CG}AISystem> ; <http://purl.org/dc/terms/identifier> "~last-by-id" ;
            <http://www.w3.org/2000/01/rdf-schema#label> "Late" ; <{CG}operatedBy> <{org}> ;
            <{CG}riskLevel> <{level}> .""".encode(),
        "text/turtle",
    )
    view()
    _set_levels(store, system, [next(r for r in sorted(at) if r != level)])


@pytest.mark.parametrize(
    "edit",
    [_to_a_level_no_system_has, _every_system_of_a_level_moved_to_another, _level_removed, _a_second_level,
     _a_second_level_taken_away_again, _back_and_forth, _an_early_row_to_a_level_first_seen_later,
     _a_system_of_two_organisations_to_another_level, _a_system_whose_id_sorts_apart_from_its_iri_to_another_level],
    ids=lambda e: e.__name__.strip("_"),
)
def test_after_an_unusual_risk_level_edit_the_kept_snapshot_and_coverage_equal_fresh_ones(
    store: LocalStore, edit: Callable
) -> None:
    kept = Kept(store)
    kept.coverage()
    kept.coverage(AS_OF + timedelta(days=90))
    edit(store, kept.coverage)
    assert kept.snapshot() == cv.snapshot(store, impact=False)
    for day in (AS_OF, AS_OF + timedelta(days=90)):
        now, full = kept.coverage(day), fresh(store, day)
        assert now == full
        # and in the same order, which the dashboard's tables follow
        assert (list(now.by_risk), list(now.by_document)) == (list(full.by_risk), list(full.by_document))


def test_a_control_retitled_reads_the_whole_structure_again(store: LocalStore) -> None:
    kept = Kept(store)
    kept.coverage()
    retitle_control(store, random.Random(4))
    kept.coverage()
    assert (kept.keeper.structure_reads, kept.keeper.part_reads) == (2, 0)


def test_the_latest_dates_name_the_keys_an_added_item_changed(store: LocalStore) -> None:
    index = evl.EvidenceIndex()
    before = evl.latest(store, index)
    add_evidence(store, random.Random(5))
    after = evl.latest(store, index)
    assert isinstance(after, evl.Latest)
    changed = after.changed_since(before)
    assert changed and changed == {k for k, _ in before.items() ^ after.items()}  # type: ignore[union-attr]


def _map(store: LocalStore, obligation: str, control: str) -> None:
    """``obligation`` mapped to ``control`` in the graph of accepted mappings, as a reviewer's accept writes it."""
    kept = store.export("application/n-triples", ACCEPTED).decode() if ACCEPTED in store.graph_names() else ""
    store.replace_graph(ACCEPTED, (kept + f"<{obligation}> <{CG}satisfiedBy> <{control}> .\n").encode())


def _implemented_control(store: LocalStore) -> str:
    return str(store.select("SELECT ?c WHERE { ?s cg:implementsControl ?c } ORDER BY ?c LIMIT 1").rows[0][0])


def _unmapped_binding_obligation(store: LocalStore) -> str:
    """An obligation some system is bound by that no control is mapped to (its rows count it as unmapped)."""
    snap = cv.snapshot(store, impact=False)
    mapped, bound = cv.mapped(snap), 0
    for bits in snap.binds.values():
        bound |= bits
    return next(o for o, i in sorted(snap.index.items()) if bound >> i & 1 and not mapped >> i & 1)


def _mapped_obligation(store: LocalStore) -> str:
    return str(store.select("SELECT ?o WHERE { ?o cg:satisfiedBy ?c } ORDER BY ?o LIMIT 1").rows[0][0])


@pytest.mark.parametrize(
    "obligation", [_unmapped_binding_obligation, _mapped_obligation], ids=["first-mapping", "another-control"]
)
def test_a_mapping_accepted_is_evaluated_in_part_and_equals_a_fresh_evaluation(
    store: LocalStore, obligation: Callable[[LocalStore], str]
) -> None:
    kept = Kept(store)
    kept.coverage()
    kept.coverage(AS_OF + timedelta(days=90))
    _map(store, obligation(store), _implemented_control(store))
    for day in (AS_OF, AS_OF + timedelta(days=90)):
        now, full = kept.coverage(day), fresh(store, day)
        assert now == full
        assert now.obligation_status == full.obligation_status
        assert (list(now.by_risk), list(now.by_document)) == (list(full.by_risk), list(full.by_document))
    k = kept.keeper
    assert (k.structure_reads, k.part_reads, k.mapping_updates, k.partial_evaluations) == (1, 0, 1, 2)


def test_a_first_mapping_moves_the_rows_of_every_system_the_obligation_binds_from_unmapped(store: LocalStore) -> None:
    """Not only the implementers of the mapped control: every bound system's unmapped count drops."""
    kept = Kept(store)
    before = kept.coverage()
    obligation = _unmapped_binding_obligation(store)
    _map(store, obligation, _implemented_control(store))
    after = kept.coverage()
    moved = [b.id for b, a in zip(before.systems, after.systems, strict=True) if b.counts != a.counts]
    snap = cv.snapshot(store, impact=False)
    bound = [r.id for r in after.systems if snap.binds.get(r.iri, 0) >> snap.index[obligation] & 1]
    assert moved and set(bound) <= set(moved)


def test_a_mapping_taken_away_again_leaves_the_control_as_it_was(store: LocalStore) -> None:
    kept = Kept(store)
    before = kept.coverage()
    obligation, control = _unmapped_binding_obligation(store), _implemented_control(store)
    _map(store, obligation, control)
    kept.coverage()
    store.drop_graph(ACCEPTED)
    assert kept.snapshot() == cv.snapshot(store, impact=False)
    assert kept.coverage() == fresh(store) == before
    assert kept.keeper.mapping_updates == 2


def _control(store: LocalStore, iri: str, title: str | None) -> None:
    """A control with an id (and a title, if given), implemented by no one, in a graph of its own."""
    titled = f' ; <http://www.w3.org/2000/01/rdf-schema#label> "{title}"' if title else ""
    store.replace_graph(
        f"https://w3id.org/compgraph/graph/test/{iri.rsplit('/', 1)[-1]}",
        f'<{iri}> a <{CG}Control> ; <http://purl.org/dc/terms/identifier> "{iri[-6:]}"{titled} .'.encode(),
        "text/turtle",
    )


def test_a_mapping_to_a_control_with_an_id_but_no_title_maps_nothing(store: LocalStore) -> None:
    """coverage.satisfies_of reads only controls with an id and a label; followed in part, the same."""
    control = "https://w3id.org/compgraph/id/control/NO-TITLE"
    _control(store, control, None)
    kept = Kept(store)
    kept.coverage()
    _map(store, _unmapped_binding_obligation(store), control)
    assert kept.snapshot() == cv.snapshot(store, impact=False)
    assert kept.coverage() == fresh(store)
    assert kept.keeper.mapping_updates == 1


def test_a_controls_only_mapping_taken_away_leaves_it_satisfying_nothing(store: LocalStore) -> None:
    control = "https://w3id.org/compgraph/id/control/ONLY-ONE"
    _control(store, control, "Only one mapping")
    kept = Kept(store)
    kept.coverage()
    _map(store, _unmapped_binding_obligation(store), control)
    assert control in kept.snapshot().satisfies
    store.drop_graph(ACCEPTED)
    assert kept.snapshot() == cv.snapshot(store, impact=False)
    assert kept.coverage() == fresh(store)
    assert kept.keeper.mapping_updates == 2
