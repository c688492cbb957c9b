"""/history and /diff over HTTP (Flask's client) and in Debian's Chromium at desktop and phone width."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browserlaunch import SHOTS, WRAPPED_IDS, chromium, fits, local_page, settle
from werkzeug.serving import make_server

from compgraph.graph import history, snapshots
from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.web import create_app

REPO = Path(__file__).resolve().parents[2]
CTL = "<https://w3id.org/compgraph/id/control/ctl-planted>"
OBL = "<https://w3id.org/compgraph/id/obligation/obl-planted>"
PLANTED = (
    f"{CTL} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/compgraph/ontology#Control> .\n"
    f'{CTL} <http://purl.org/dc/terms/identifier> "ctl-planted" .\n'
    # and a mandatory duty no control is mapped to: coverage moves by one "unmapped" obligation
    f"{OBL} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/compgraph/ontology#Obligation> .\n"
    f'{OBL} <http://purl.org/dc/terms/identifier> "obl-planted" .\n'
    f"{OBL} <https://w3id.org/compgraph/ontology#modality> <https://w3id.org/compgraph/ontology#Mandatory> .\n"
    f"{OBL} <https://w3id.org/compgraph/ontology#fromDocument> <https://w3id.org/compgraph/id/document/eu-ai-act> .\n"
).encode()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[LocalStore, str, str]:
    """The demo built by "alice", a snapshot, a control planted by "bob", a second snapshot."""
    s = LocalStore(tmp_path_factory.mktemp("history") / "store")
    with history.acting("alice", "build", "quarterly rebuild"):
        build(s)
    first = snapshots.take(s.root, s.oxigraph).name
    with history.acting("bob", "load", entities=("https://w3id.org/compgraph/id/control/ctl-planted",)):
        s.replace_graph("https://w3id.org/compgraph/graph/file/planted", PLANTED)
    second = snapshots.take(s.root, s.oxigraph).name
    return s, first, second


@pytest.fixture(scope="module")
def client(store: tuple[LocalStore, str, str]) -> Any:
    return create_app(store[0]).test_client()


def test_history_page_lists_who_did_what_newest_first(client: Any) -> None:
    html = client.get("/history").get_data(as_text=True)
    assert html.index("bob") < html.index("alice")
    assert "quarterly rebuild" in html
    assert "The trail is intact" in html


def test_history_json_carries_the_chain(client: Any) -> None:
    body = client.get("/history.json").get_json()
    assert body["verified"] is True
    first, second = body["entries"]
    assert second["previous"] == first["hash"]


def test_history_csv_has_one_row_per_write(client: Any) -> None:
    lines = client.get("/history.csv").get_data(as_text=True).strip().splitlines()
    assert lines[0].startswith("seq,")
    assert len(lines) == 3


def test_history_since_a_bad_date_is_a_400(client: Any) -> None:
    assert client.get("/history?since=yesterday").status_code == 400


def test_diff_page_shows_the_planted_control(client: Any, store: tuple[LocalStore, str, str]) -> None:
    _, first, second = store
    body = client.get(f"/diff.json?before={first}&after={second}&as_of=2026-11-22").get_json()
    assert body["diff"]["controls"]["added"] == ["ctl-planted"]
    html = client.get(f"/diff?before={first}&after={second}&as_of=2026-11-22").get_data(as_text=True)
    assert 'href="/controls/ctl-planted"' in html


def test_diff_page_shows_how_coverage_moved(client: Any, store: tuple[LocalStore, str, str]) -> None:
    _, first, second = store
    body = client.get(f"/diff.json?before={first}&after={second}&as_of=2026-11-22").get_json()["diff"]
    assert body["obligations"]["added"] == ["obl-planted"]
    before, after = body["coverage"]["before"], body["coverage"]["after"]
    assert after == {**before, "unmapped": before.get("unmapped", 0) + 1}
    html = client.get(f"/diff?before={first}&after={second}&as_of=2026-11-22").get_data(as_text=True)
    assert 'href="/obligations/obl-planted"' in html
    assert re.search(r"obl-planted:(</span>)? absent → unmapped", html)


def test_diff_between_a_snapshot_and_a_date_takes_the_last_snapshot_of_that_day(
    client: Any, store: tuple[LocalStore, str, str]
) -> None:
    _, first, second = store
    day = second[:10]  # a snapshot's name begins with the UTC date it was taken
    body = client.get(f"/diff.json?before={first}&after={day}&as_of=2026-11-22").get_json()["diff"]
    assert (body["after"], body["controls"]["added"]) == (second, ["ctl-planted"])


def test_diff_from_a_date_before_any_snapshot_is_a_400_saying_so(client: Any) -> None:
    resp = client.get("/diff?before=2000-01-01")
    assert resp.status_code == 400
    assert "no snapshot was taken on or before 2000-01-01" in resp.get_data(as_text=True)


def test_diff_against_an_unknown_snapshot_is_a_400(client: Any) -> None:
    resp = client.get("/diff?before=no-such-snapshot")
    assert resp.status_code == 400
    assert "no-such-snapshot" in resp.get_data(as_text=True)


# --- in the browser -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(store: tuple[LocalStore, str, str]) -> Iterator[str]:
    srv = make_server("127.0.0.1", 0, create_app(store[0]), threaded=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    thread.join(5)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
def test_history_and_diff_pages_in_chromium(browser: Any, server: str, store: Any, width: int) -> None:
    _, first, second = store
    with local_page(browser, server, width) as page:
        page.goto(f"{server}/history")
        assert page.locator("h1").inner_text() == "History"
        assert page.get_by_text("bob").count() >= 1
        days = sorted({e.ended[:10] for e in history.entries(store[0])})
        assert page.evaluate(WRAPPED_IDS, ["ctl-planted", *days]) == []
        fits(page)
        page.screenshot(path=str(SHOTS / f"history-{width}.png"), full_page=True)
        page.goto(f"{server}/diff?as_of=2026-11-22")
        page.select_option("select[name=before]", first)
        page.select_option("select[name=after]", second)
        page.get_by_role("button", name="Filter").click()
        settle(page, f"after={second}")
        assert page.locator('a[href="/controls/ctl-planted"]').count() == 1
        fits(page)
        page.screenshot(path=str(SHOTS / f"diff-{width}.png"), full_page=True)


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
def test_a_snapshot_taken_in_the_browser_leads_to_what_changed_since(browser: Any, server: str, width: int) -> None:
    with local_page(browser, server, width) as page:
        page.goto(f"{server}/history")
        page.get_by_role("button", name="Take a snapshot now").click()
        settle(page, "taken=")
        assert re.search(r"Snapshot \S+ taken\. From \S+ to now", page.locator("main").inner_text())
        fits(page)
        page.screenshot(path=str(SHOTS / f"snapshot-taken-{width}.png"), full_page=True)
