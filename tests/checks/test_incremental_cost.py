"""What an incremental run does not do again: rewrite the store for the date, plan, or rewrite its kept file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from compgraph.checks import incremental
from compgraph.checks.incremental import STATE, validate_incremental
from compgraph.checks.shapes import load_shapes
from compgraph.graph.ondisk import HEAD
from compgraph.graph.store import LocalStore

AS_OF = date(2026, 11, 22)
CG = "https://w3id.org/compgraph/ontology#"
DATA = f"""<urn:x:org> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{CG}Organisation> .
<urn:x:org> <http://www.w3.org/2000/01/rdf-schema#label> "Org" .
<urn:x:org> <{CG}implementsControl> <urn:x:control> .
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    s = LocalStore(Path(tmp_path_factory.mktemp("cost")) / "store")
    s.replace_graph("https://w3id.org/compgraph/graph/cost", DATA.encode())
    return s


def test_the_validation_date_is_written_in_place_not_as_a_new_generation_of_the_store(store: LocalStore) -> None:
    head = (store.root / HEAD).read_text()
    validate_incremental(store, AS_OF, load_shapes(), save=False)
    assert (store.root / HEAD).read_text() == head


def test_with_nothing_changed_the_kept_file_is_left_as_it_is(store: LocalStore) -> None:
    shapes = load_shapes()
    validate_incremental(store, AS_OF, shapes, save=False)
    before = (store.root / STATE).stat().st_mtime_ns
    again = validate_incremental(store, AS_OF, shapes, save=False)
    assert (again.why_full, again.rerun) == ("", 0)
    assert (store.root / STATE).stat().st_mtime_ns == before


def test_the_plan_is_made_once_per_shapes_graph(store: LocalStore, monkeypatch: pytest.MonkeyPatch) -> None:
    shapes = load_shapes()
    validate_incremental(store, AS_OF, shapes, save=False)
    monkeypatch.setattr(incremental, "plan_each", lambda *a, **k: pytest.fail("planned again"))
    validate_incremental(store, AS_OF, shapes, save=False)
