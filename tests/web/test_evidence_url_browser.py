"""URL evidence added in Debian's Chromium at desktop (1280 px) and phone (390 px) width: the form's URL field,
the server fetching an allow-listed internal evidence host on loopback (through a redirect, as a "latest version"
link does), and the new item's page showing the address asked for and the one that answered (links) and the
SHA-256 of what it answered. Screenshots go to test-artifacts/."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import pytest
from browserlaunch import screenshot
from liveserver import serving
from webfixture import browser_store

from compgraph.web import create_app
from evidence_sites import Site, site

pytestmark = pytest.mark.browser



@pytest.fixture(scope="module")
def intranet() -> Iterator[Site]:
    with site() as s:
        yield s


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, intranet: Site) -> Iterator[str]:
    store, _ = browser_store(tmp_path_factory.mktemp("evidence-url-browser") / "store")
    with serving(create_app(store, {"EVIDENCE_URL_HOSTS": f"127.0.0.1:{intranet.port}"})) as url:
        yield url


def test_add_evidence_from_a_url_through_the_form(page: Any, server: str, intranet: Site) -> None:
    width = int(page.viewport_size["width"])
    body = f"Model card of the credit-limit model, v3 ({width} px)\n".encode()
    intranet.pages[f"/model-card-{width}.txt"] = (200, {}, body)
    intranet.pages[f"/model-card-{width}/latest"] = (302, {"Location": f"/model-card-{width}.txt"}, b"")
    url, ident = f"{intranet.base}/model-card-{width}/latest", f"ev-url-{width}"

    page.goto(f"{server}/new-evidence")
    page.fill("#ev-url", url)
    page.select_option("#ev-control", "CTL-GOV-01")
    page.select_option("#ev-concerns", "mozart")
    page.fill("#ev-until", "2027-11-30")
    page.fill("#ev-id", ident)
    screenshot(page, "evidence-url-form", full_page=True)
    page.get_by_role("button", name="Add evidence").click()
    assert page.get_by_role("status").inner_text().startswith(f"Added {ident}")

    page.get_by_role("status").get_by_role("link", name=ident).click()
    card = page.locator(".card-facts")
    assert card.get_by_role("link", name=url).get_attribute("href") == url
    answered = f"{intranet.base}/model-card-{width}.txt"
    assert card.get_by_role("link", name=answered).get_attribute("href") == answered
    assert hashlib.sha256(body).hexdigest() in card.inner_text()
    screenshot(page, "evidence-url-added", full_page=True)
