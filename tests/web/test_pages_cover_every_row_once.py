"""Paged lists: the pages together hold every row exactly once, in order, and the pager counts them all.

The demo has 452 obligations, more than two pages of PAGE_SIZE (200) and not a multiple of it, so a page
count rounded down or a page starting one row early shows up here.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from flask.testing import FlaskClient

from compgraph.graph.store import LocalStore
from compgraph.web import create_app, model
from compgraph.web.views.common import PAGE_SIZE

AS_OF = "2026-11-22"


@pytest.fixture(scope="module")
def client(demo_store: LocalStore) -> FlaskClient:
    return create_app(demo_store).test_client()


def body(client: FlaskClient, url: str, status: int = 200) -> str:
    resp = client.get(url)
    assert resp.status_code == status, f"{url}: {resp.status_code}"
    return resp.get_data(as_text=True)


def csv_ids(client: FlaskClient, kind: str) -> list[str]:
    return [r["id"] for r in csv.DictReader(io.StringIO(body(client, f"/{kind}.csv?as_of={AS_OF}")))]


def json_page(client: FlaskClient, kind: str, page: int) -> list[str]:
    return [r["id"] for r in json.loads(body(client, f"/{kind}.json?as_of={AS_OF}&page={page}"))[kind]]


@pytest.fixture(scope="module")
def all_obligations(client: FlaskClient) -> list[str]:
    ids = csv_ids(client, "obligations")
    assert len(ids) > PAGE_SIZE and len(ids) % PAGE_SIZE, "the demo no longer spans a partial second page"
    return ids


def test_obligation_pages_hold_every_row_once_in_order(client: FlaskClient, all_obligations: list[str]) -> None:
    pages = -(-len(all_obligations) // PAGE_SIZE)
    joined = [i for p in range(1, pages + 1) for i in json_page(client, "obligations", p)]
    assert joined == all_obligations


def test_the_last_page_holds_the_remainder(client: FlaskClient, all_obligations: list[str]) -> None:
    pages = -(-len(all_obligations) // PAGE_SIZE)
    assert json_page(client, "obligations", pages) == all_obligations[(pages - 1) * PAGE_SIZE :]


def test_a_page_past_the_last_is_not_found(client: FlaskClient, all_obligations: list[str]) -> None:
    pages = -(-len(all_obligations) // PAGE_SIZE)
    body(client, f"/obligations?as_of={AS_OF}&page={pages + 1}", status=404)


def test_the_pager_counts_a_partial_last_page(client: FlaskClient, all_obligations: list[str]) -> None:
    pages = -(-len(all_obligations) // PAGE_SIZE)
    html = body(client, f"/obligations?as_of={AS_OF}")
    assert f"page 1 of {pages} ({len(all_obligations)} rows" in html
    assert re.search(r'<a href="[^"]*page=2[^"]*" rel="next">', html), "page 1 has no link to page 2"


def test_the_last_page_links_back_and_not_forward(client: FlaskClient, all_obligations: list[str]) -> None:
    pages = -(-len(all_obligations) // PAGE_SIZE)
    html = body(client, f"/obligations?as_of={AS_OF}&page={pages}")
    assert f"page {pages} of {pages}" in html
    assert 'rel="prev"' in html and 'rel="next"' not in html


Lister = Callable[[LocalStore, int | None, int], tuple[list[dict[str, Any]], int]]
ON = date.fromisoformat(AS_OF)
LISTERS: dict[str, Lister] = {
    "systems": lambda st, limit, offset: model.systems_basic(st, model.Cache(), limit, offset),
    "evidence": lambda st, limit, offset: model.evidence(st, ON, model.Cache(), limit, offset),
    "obligations": lambda st, limit, offset: model.obligations(st, ON, model.Cache(), limit=limit, offset=offset),
}


@pytest.mark.parametrize(
    ("kind", "size"),
    [
        ("systems", 1),
        ("systems", 2),
        ("systems", 3),
        ("systems", 5),
        ("evidence", 7),
        ("evidence", 40),
        ("obligations", 50),
        ("obligations", 120),
    ],
)
def test_model_pages_of_any_size_hold_every_row_once(demo_store: LocalStore, kind: str, size: int) -> None:
    listing = LISTERS[kind]
    everything, total = listing(demo_store, None, 0)
    assert total == len(everything) > size
    joined = []
    for offset in range(0, total, size):
        rows, n = listing(demo_store, size, offset)
        assert n == total and len(rows) == min(size, total - offset), (offset, len(rows))
        joined += [r["id"] for r in rows]
    assert joined == [r["id"] for r in everything]
