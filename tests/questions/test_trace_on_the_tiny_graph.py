"""trace.py's answers on the tiny web fixture (tests/web/fixture.ttl), one behaviour each.

The coverage tests compare trace counts with the bit-set counts, which says nothing of what a trace
shows besides statuses: mutation testing (tools/mutation.py) left a system's purpose, an evidence date,
the type check of an IRI, the escaping of an id and ``trace``'s dispatch untested.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from webfixture import fixture_store  # noqa: E402

from compgraph.graph.store import LocalStore  # noqa: E402
from compgraph.questions import trace as tr  # noqa: E402

ID = "https://w3id.org/compgraph/id/"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    return fixture_store(tmp_path_factory.mktemp("trace") / "store")


def test_a_system_trace_shows_purpose_annex_area_and_operator(store: LocalStore) -> None:
    t = tr.trace_system(store, "hr-screener", date(2026, 1, 1))
    assert (t.id, t.label, t.risk, t.purpose, t.organisation) == (
        "hr-screener",
        "CV screening assistant",
        "high",
        "Ranks job applications",
        "Mozart Ltd",
    )
    assert t.annex_iii is not None


@pytest.mark.parametrize(("on", "current"), [(date(2026, 1, 1), True), (date(2026, 1, 2), False)], ids=str)
def test_evidence_shows_its_valid_until_date_and_whether_it_is_current(
    store: LocalStore, on: date, current: bool
) -> None:
    t = tr.trace_system(store, "hr-screener", on)
    items = [e for o in t.obligations for c in o.controls for i in c.implementations for e in i.evidence]
    assert {(e.id, e.valid_until, e.current) for e in items if e.id == "ev-tn-hr"} == {
        ("ev-tn-hr", "2026-01-01", current)
    }


def test_an_iri_of_another_type_does_not_resolve(store: LocalStore) -> None:
    with pytest.raises(tr.UnknownEntity, match="^no Obligation with id 'https://"):
        tr.resolve(store, ID + "system/hr-screener", "Obligation")
    assert tr.resolve(store, ID + "system/hr-screener", "AISystem") == ID + "system/hr-screener"


def test_an_unknown_id_names_what_was_looked_for(store: LocalStore) -> None:
    with pytest.raises(tr.UnknownEntity, match=r"^no node with id 'nope'$"):
        tr.resolve(store, "nope")


@pytest.mark.parametrize("ident", ['a"b', "a\\b", "a\\"])
def test_an_id_with_quotes_or_backslashes_is_unknown_not_a_syntax_error(store: LocalStore, ident: str) -> None:
    with pytest.raises(tr.UnknownEntity):
        tr.resolve(store, ident)


def test_trace_of_a_system_id_is_a_system_trace(store: LocalStore) -> None:
    assert isinstance(tr.trace(store, "credit-scorer", date(2026, 1, 1)), tr.SystemTrace)
    assert isinstance(tr.trace(store, ID + "system/credit-scorer", date(2026, 1, 1)), tr.SystemTrace)


def test_trace_of_an_obligation_shows_who_implements_its_controls(store: LocalStore) -> None:
    t = tr.trace(store, "COC-05-01", date(2026, 1, 1))
    assert isinstance(t, tr.ObligationTrace)
    assert [c.id for c in t.controls] == ["CTL-HO-01"]
    assert [i.implementer_id for i in t.controls[0].implementations] == ["credit-scorer"]
    assert t.status == tr.COVERED
