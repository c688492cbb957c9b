"""The evidence lifecycle in Debian's Chromium at desktop (1280 px) and phone (390 px) width: from the evidence
list to the form, a file uploaded (the server computes its SHA-256), the new item's page, then a renewal that
leaves the old item in place, marked as renewed. Screenshots go to test-artifacts/."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browserlaunch import SHOTS, chromium, local_page, settle
from liveserver import serving
from webfixture import browser_store

from compgraph.web import create_app

pytestmark = pytest.mark.browser

WIDTHS = [1280, 390]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store, _ = browser_store(tmp_path_factory.mktemp("evidence-browser") / "store")
    with serving(create_app(store)) as url:
        yield url


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def page(request: pytest.FixtureRequest, browser: Any, server: str) -> Iterator[Any]:
    with local_page(browser, server, request.param) as pg:
        yield pg


def shot(page: Any, name: str) -> None:
    page.wait_for_load_state("load")  # a click returns when its page starts coming: measure it once it is all here
    width = int(page.viewport_size["width"])
    page.screenshot(path=str(SHOTS / f"evidence-{name}-{width}.png"))
    if width <= 390:
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{name}: the page is {wide} px wide at {width} px"


def fill(page: Any, file: Path, ident: str, renews: str = "") -> None:
    page.set_input_files("#ev-file", str(file))
    page.select_option("#ev-control", "CTL-GOV-01")
    page.select_option("#ev-concerns", "mozart")
    page.fill("#ev-issued", "2026-11-30")
    page.fill("#ev-until", "2027-11-30")
    page.fill("#ev-id", ident)
    if renews:
        page.fill("#ev-renews", renews)
    page.get_by_role("button", name="Add evidence").click()


def test_add_then_renew_evidence_from_the_list(page: Any, server: str, tmp_path: Path) -> None:
    width = int(page.viewport_size["width"])
    first, second = tmp_path / "minutes.txt", tmp_path / "minutes-2027.txt"
    first.write_bytes(f"Ethics committee minutes, 2026-11-30 ({width} px)\n".encode())
    second.write_bytes(f"Ethics committee minutes, 2027-11-30 ({width} px)\n".encode())
    ident = f"ev-browser-{width}"

    page.goto(f"{server}/evidence")
    page.get_by_role("link", name="Add or renew evidence").click()
    shot(page, "form")
    fill(page, first, ident)
    assert page.get_by_role("status").inner_text().startswith(f"Added {ident}")
    page.get_by_role("status").get_by_role("link", name=ident).click()
    settle(page, f"/evidence/{ident}")
    assert hashlib.sha256(first.read_bytes()).hexdigest() in page.content()
    shot(page, "added")

    page.goto(f"{server}/new-evidence")
    fill(page, second, f"{ident}-v2", renews=ident)
    assert page.get_by_role("status").inner_text().startswith(f"Added {ident}-v2")
    page.goto(f"{server}/evidence/{ident}")
    assert f"{ident}-v2" in page.locator("main").inner_text()  # the old item is kept and names its renewal
    shot(page, "renewed")
