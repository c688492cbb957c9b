"""The Exports page in a real headless Chromium (Debian's /usr/bin/chromium): an auditor reaches it from the
navigation and downloads the Statement of Applicability and the audit pack, which then read back and verify."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browserlaunch import launch
from liveserver import serving
from openpyxl import load_workbook
from webfixture import browser_store

from compgraph.exchange import audit
from compgraph.web import create_app

pytestmark = pytest.mark.browser

AS_OF = "2026-11-22"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store, _ = browser_store(tmp_path_factory.mktemp("exports-browser") / "store")
    with serving(create_app(store)) as url:
        yield url


@pytest.fixture(scope="module")
def page(server: str) -> Iterator:  # type: ignore[type-arg]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        context = browser.new_context(accept_downloads=True)
        pg = context.new_page()
        pg.set_default_timeout(60_000)  # the audit pack takes seconds to build
        pg.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server) else route.abort())
        yield pg
        context.close()
        browser.close()


def test_exports_are_reached_from_the_navigation(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/systems")
    page.click("nav >> text=Exports")
    assert page.url == server + "/exports"
    assert page.locator("h1").inner_text() == "Exports"


def test_the_soa_downloads_and_openpyxl_reads_it(page, server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/exports")
    page.select_option("#soa-org", "mozart")
    page.fill("#soa-asof", AS_OF)
    with page.expect_download() as info:
        page.click("text=Download SoA (XLSX)")
    download = info.value
    assert download.suggested_filename == f"soa-mozart-{AS_OF}.xlsx"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    rows = list(load_workbook(path, read_only=True)["Statement of Applicability"].iter_rows(values_only=True))
    assert len(rows) > 1 and rows[0][0] is not None


def test_the_audit_pack_downloads_and_verifies(page, server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/exports")
    page.fill("#pack-asof", AS_OF)
    with page.expect_download() as info:
        page.click("text=Download audit pack")
    download = info.value
    assert download.suggested_filename == f"audit-pack-{AS_OF}.zip"
    path = tmp_path / "pack.zip"
    download.save_as(path)
    checked, problems = audit.verify_pack(path)
    assert problems == [] and checked == 8  # the report files and history.json (the store keeps a trail)
