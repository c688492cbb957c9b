"""The browser in a real headless Chromium (Debian's /usr/bin/chromium), against a live local server.

Screenshots of the main pages go to test-artifacts/screenshots/ for people to look at.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
from browserlaunch import launch
from webfixture import REPO, browser_store
from werkzeug.serving import make_server

from compgraph.web import create_app

pytestmark = pytest.mark.browser

SHOTS = REPO / "test-artifacts" / "screenshots"
AS_OF = "2026-11-22"
QUESTION = "high-risk-without-human-oversight"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    s, _ = browser_store(tmp_path_factory.mktemp("browser") / "store")
    return s


@pytest.fixture(scope="module")
def server(store) -> Iterator[str]:  # type: ignore[no-untyped-def]
    app = create_app(store)
    port = _free_port()
    srv = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    srv.shutdown()
    thread.join(5)


@pytest.fixture(scope="module")
def page(server: str) -> Iterator:  # type: ignore[type-arg]
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = launch(pw)
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        pg = context.new_page()
        pg.set_default_timeout(15_000)
        errors: list[str] = []
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        # Anything not served by our own server would be a network dependency: refuse it.
        pg.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server) else route.abort())
        pg.js_errors = errors  # type: ignore[attr-defined]
        yield pg
        context.close()
        browser.close()


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_dashboard_loads(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/?as_of={AS_OF}")
    assert page.locator("h1").inner_text() == "Compliance dashboard"
    assert page.locator("svg.bar").count() > 0
    assert page.locator(f'a[href="/questions/{QUESTION}"]').count() == 1
    # keyboard: the first Tab lands on the skip link, which moves focus to the content
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    shot(page, "dashboard")
    for path, name in [
        ("/obligations", "obligations"),
        ("/systems", "systems"),
        ("/gaps", "gaps"),
        ("/impact", "impact"),
        ("/questions", "questions"),
    ]:
        page.goto(f"{server}{path}?as_of={AS_OF}")
        assert page.locator("h1").count() == 1
        shot(page, name)
    assert not page.js_errors


def test_canned_question_leads_to_the_planted_systems_trace(page, server: str, store) -> None:  # type: ignore[no-untyped-def]
    from compgraph.questions.queries import run_query

    expected = [str(r["systemId"]) for r in run_query(store, QUESTION).dicts()]
    assert expected, "the demo plants a high-risk system without a human-oversight control"
    page.goto(f"{server}/?as_of={AS_OF}")
    page.click(f'a[href="/questions/{QUESTION}"]')
    page.wait_for_url(f"**/questions/{QUESTION}")
    table = page.locator("#t-rows table")
    for ident in expected:
        assert ident in table.inner_text()
    shot(page, "question")
    page.click(f'#t-rows a[href="/systems/{expected[0]}"]')
    page.wait_for_url(f"**/systems/{expected[0]}")
    assert expected[0] in page.locator("h1").inner_text()
    trace = page.locator("#t-trace")
    assert "Binding obligations" in trace.inner_text()
    assert trace.locator("td.status").count() > 0
    shot(page, "system-trace")


def test_sparql_console_runs_a_query(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/sparql-console")
    page.wait_for_function("window.sparqlEditor !== undefined")
    page.evaluate(
        "window.sparqlEditor.setValue('SELECT ?s ?id WHERE { ?s a cg:AISystem ; dcterms:identifier ?id } ORDER BY ?id')"
    )
    page.click("#run")
    page.wait_for_selector("#result-table tbody tr")
    rows = page.locator("#result-table tbody tr").count()
    assert rows >= 1
    assert "row" in page.locator("#status").inner_text()
    assert page.locator('#result-table a[href^="/systems/"]').count() == rows
    shot(page, "sparql-console")


def test_graph_view_renders_nodes(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/systems?as_of={AS_OF}")
    first = page.locator('#t-systems tbody a[href^="/systems/"]').first.get_attribute("href")
    assert first
    ident = first.rsplit("/", 1)[-1]
    page.goto(f"{server}/graph/system/{ident}?depth=2&as_of={AS_OF}")
    page.wait_for_selector("#cy[data-ready='1']")
    nodes = page.evaluate("window.cy.nodes().length")
    assert nodes > 1
    assert page.evaluate("window.cy.nodes('[?focus]').length") == 1
    assert page.locator("#node-list li").count() == nodes
    shot(page, "graph")
    assert not page.js_errors
