"""The evidence lifecycle in Debian's Chromium at desktop (1280 px) and phone (390 px) width: from the evidence
list to the form, a file uploaded (the server computes its SHA-256), the new item's page, then a renewal that
leaves the old item in place, marked as renewed. Screenshots go to test-artifacts/."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browserlaunch import screenshot, settle
from liveserver import serving
from webfixture import browser_store

from compgraph.web import create_app

pytestmark = pytest.mark.browser



@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store, _ = browser_store(tmp_path_factory.mktemp("evidence-browser") / "store")
    with serving(create_app(store)) as url:
        yield url


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
    screenshot(page, "evidence-form")
    fill(page, first, ident)
    assert page.get_by_role("status").inner_text().startswith(f"Added {ident}")
    page.get_by_role("status").get_by_role("link", name=ident).click()
    settle(page, f"/evidence/{ident}")
    assert hashlib.sha256(first.read_bytes()).hexdigest() in page.content()
    screenshot(page, "evidence-added")

    page.goto(f"{server}/new-evidence")
    fill(page, second, f"{ident}-v2", renews=ident)
    assert page.get_by_role("status").inner_text().startswith(f"Added {ident}-v2")
    page.goto(f"{server}/evidence/{ident}")
    assert f"{ident}-v2" in page.locator("main").inner_text()  # the old item is kept and names its renewal
    screenshot(page, "evidence-renewed")
