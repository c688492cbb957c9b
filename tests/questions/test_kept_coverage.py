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


@pytest.mark.parametrize("write", [change_risk, accept_mapping], ids=lambda w: w.__name__)
def test_a_risk_level_changed_or_a_mapping_accepted_reads_only_its_part_of_the_structure_again(
    store: LocalStore, write: Callable
) -> None:
    kept = Kept(store)
    kept.coverage()
    write(store, random.Random(4))
    kept.coverage()
    assert (kept.keeper.structure_reads, kept.keeper.part_reads) == (1, 1)


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
