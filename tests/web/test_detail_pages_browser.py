"""Detail pages, the dashboard, an obligation's source line and the graph view in Debian's Chromium, at desktop
(1280 px) and phone (390 px) width: what a reader sees first, nothing wider than a phone, screenshots in
test-artifacts/screenshots/pages-*.png."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from browserlaunch import screenshot
from liveserver import serving
from webfixture import browser_store

from compgraph.checks.validate import validate_store
from compgraph.graph import history
from compgraph.web import create_app

pytestmark = pytest.mark.browser

AS_OF = "2026-11-22"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store, _ = browser_store(tmp_path_factory.mktemp("pages-browser") / "store")
    with history.acting("tester", "validate"):
        validate_store(store, date(2026, 11, 22), save=True)
    with serving(create_app(store)) as url:
        yield url


def test_system_page_shows_its_card_and_missing_oversight_in_the_first_screen(page: Any, server: str) -> None:
    page.goto(f"{server}/systems/sys-credit-limit?as_of={AS_OF}")
    finding = page.get_by_text("has no human-oversight control")
    risk = page.locator(".card-fact", has_text="Risk level")
    assert risk.inner_text().endswith("High")
    # "Above the fold": within the first screen at 1280 px, the second at 390 px (the header takes more room).
    assert finding.bounding_box()["y"] < 900 * (1 if page.viewport_size["width"] > 390 else 2)
    screenshot(page, "pages-system")


def test_dataset_page_says_it_has_no_legal_basis(page: Any, server: str) -> None:
    page.goto(f"{server}/datasets/ds-crm-interactions")
    assert page.locator(".card-fact.flag-bad", has_text="Legal basis").is_visible()
    assert page.get_by_text("has no recorded legal basis").is_visible()
    screenshot(page, "pages-dataset")


def test_obligation_provenance_leads_to_its_highlighted_source_line(page: Any, server: str) -> None:
    page.goto(f"{server}/obligations/COC-11-10?as_of={AS_OF}")
    assert page.locator(".provenance").get_by_text("compgraph team").is_visible()
    screenshot(page, "pages-obligation")
    page.locator(".provenance a", has_text="line 339").click()
    page.wait_for_url("**/source#L339")
    line = page.locator("li#L339")
    assert line.evaluate("el => el.matches(':target')")
    assert line.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
    box = line.bounding_box()
    assert 0 <= box["y"] < 900, "the linked line is scrolled into view"
    screenshot(page, "pages-source")


def test_dashboard_tiles_and_risk_order(page: Any, server: str) -> None:
    page.goto(f"{server}/?as_of={AS_OF}")
    assert page.locator(".kpi").count() == 4
    assert page.locator(".kpi", has_text="Violations").locator(".kpi-value").inner_text() == "20"
    risk = page.locator("section", has_text="Coverage per risk level").locator(".bar-label").all_inner_texts()
    assert risk == ["High", "Medium", "Limited", "Low", "Minimal"]
    assert page.locator('input[type="date"]').count() == 1
    screenshot(page, "pages-dashboard")


def test_graph_view_centres_the_focal_node_and_keeps_ids_whole(page: Any, server: str) -> None:
    page.goto(f"{server}/graph/system/sys-credit-limit?as_of={AS_OF}")
    page.wait_for_selector("#cy[data-ready='1']")
    centre = page.evaluate(
        "(() => { const n = cy.nodes('[?focus]'); const e = cy.extent();"
        " return [n.position('x'), n.position('y'), (e.x1 + e.x2) / 2, (e.y1 + e.y2) / 2, e.w]; })()"
    )
    x, y, cx, cy_, w = centre
    assert abs(x - cx) < w * 0.15 and abs(y - cy_) < w * 0.15, "the focal node is in the middle"
    for where in ("#node-list li.focus .id", "h1 .id"):
        item = page.locator(where)
        lines = item.evaluate("el => el.getClientRects().length")
        assert item.inner_text() == "sys-credit-limit" and lines == 1, f"{where}: the id wrapped onto two lines"
    screenshot(page, "pages-graph")


@pytest.mark.parametrize(
    "url", ["/controls/CTL-HO-01", "/evidence/ev-credit-limit-bt-01", "/documents/eu-coc-deployers"]
)
def test_other_detail_pages_lead_with_a_card_and_fit_a_phone(page: Any, server: str, url: str) -> None:
    page.goto(f"{server}{url}?as_of={AS_OF}")
    assert page.locator(".header-card .card-fact").count() >= 3
    screenshot(page, "pages-" + url.split("/")[1])
