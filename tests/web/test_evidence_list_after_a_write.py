"""/evidence and the dashboard after writes, in one app that saw the store before them (as a running server has):
each view shows the store as it is now, and the states the list derives on the as-of date stay right at their
edges. The rows themselves are held to the SPARQL query's in tests/questions/test_evidence_list_rows.py."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "questions"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_evidence_list_rows import BASE, BASE_GRAPH, ITEMS, ITEMS_GRAPH  # noqa: E402
from webfixture import fixture_store  # noqa: E402

from compgraph.graph import evidence as ev  # noqa: E402
from compgraph.graph.store import LocalStore  # noqa: E402
from compgraph.web import create_app  # noqa: E402

AS_OF = date(2026, 11, 22)


@pytest.fixture
def store(empty_store: LocalStore) -> LocalStore:
    empty_store.replace_graph(BASE_GRAPH, BASE.encode(), "text/turtle")
    empty_store.replace_graph(ITEMS_GRAPH, ITEMS.encode(), "text/turtle")
    return empty_store


def listed(client: Any) -> dict[str, dict[str, Any]]:
    resp = client.get(f"/evidence.json?as_of={AS_OF}&_size=max")
    assert resp.status_code == 200
    return {r["id"]: r for r in json.loads(resp.get_data())["evidence"]}


def test_an_item_ending_on_the_as_of_date_is_expiring_today_and_the_day_before_expired(store: LocalStore) -> None:
    rows = listed(create_app(store).test_client())
    assert (rows["ev-today"]["state"], rows["ev-today"]["remaining"]) == ("expiring", "today")
    assert (rows["ev-yesterday"]["state"], rows["ev-yesterday"]["remaining"]) == ("expired", "expired 1 day ago")


def test_an_item_added_after_the_first_view_is_listed_at_the_next(store: LocalStore) -> None:
    client = create_app(store).test_client()
    before = listed(client)
    ev.add(store, ev.Item("ev-added", "Added", "C2", "s", AS_OF, AS_OF, "0" * 64))
    after = listed(client)
    assert set(after) - set(before) == {"ev-added"}
    assert (after["ev-added"]["control"], after["ev-added"]["concerns"]) == ("C2", "s")


def test_a_renewal_after_the_first_view_supersedes_the_item_it_renews(store: LocalStore) -> None:
    client = create_app(store).test_client()
    assert listed(client)["ev-today"]["state"] == "expiring"
    ev.add(store, ev.Item("ev-today-2", "Renewed", "C1", "s", date(2027, 11, 22), AS_OF, "1" * 64, revises="ev-today"))
    rows = listed(client)
    assert (rows["ev-today"]["state"], rows["ev-today"]["renewed_by"]) == ("superseded", "ev-today-2")
    assert rows["ev-today-2"]["state"] == "current"


def test_a_control_renamed_after_the_first_view_is_shown_under_its_new_id(store: LocalStore) -> None:
    client = create_app(store).test_client()
    listed(client)
    store.replace_graph(BASE_GRAPH, BASE.replace('"C1"', '"C1-renamed"').encode(), "text/turtle")
    rows = listed(client)
    assert {rows[i]["control"] for i in ("ev-today", "ev-yesterday", "ev-org")} == {"C1-renamed"}


def hr_screener(client: Any, day: str) -> dict[str, int]:
    resp = client.get(f"/index.json?as_of={day}")
    assert resp.status_code == 200
    return dict(json.loads(resp.get_data())["coverage_by_system"]["hr-screener"])


def test_a_renewal_after_the_first_views_reaches_the_dashboards_coverage(tmp_path: Path) -> None:
    # Coverage's latest evidence dates come from the evidence index once /evidence has built it. On the web
    # fixture hr-screener's notice evidence ran out on 2026-01-01; renewed to 2027, that duty is covered again.
    store = fixture_store(tmp_path / "store")
    client = create_app(store).test_client()
    listed(client)
    before = hr_screener(client, "2026-06-01")
    ev.add(store, ev.Item("ev-tn-hr-2", "Notice, renewed", "CTL-TN-01", "hr-screener", date(2027, 1, 1),
                          date(2026, 1, 1), "2" * 64, revises="ev-tn-hr"))
    after = hr_screener(client, "2026-06-01")
    assert after["evidence expired"] == before["evidence expired"] - 1
    assert after["covered"] == before["covered"] + 1
