"""Legal work end to end in Debian's Chromium, at desktop (1280 px) and phone (390 px) width: upload a small
statute, review a suggestion, open the gap report, and find the decision in the obligation page's own history."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browserlaunch import WRAPPED_IDS, launch
from liveserver import serving

from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.web import create_app

REPO = Path(__file__).resolve().parents[2]
LEGAL = REPO / "tests" / "fixtures" / "legal"
SHOTS = REPO / "test-artifacts" / "screenshots"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The small legal fixture data (one organisation, "acme"), built and served on loopback in open mode."""
    tmp = tmp_path_factory.mktemp("upload-browser")
    root = tmp / "root"
    root.mkdir()
    (root / "ontology").symlink_to(LEGAL / "ontology")
    (root / "web").symlink_to(REPO / "web")
    shutil.copytree(LEGAL / "mappings", root / "mappings")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COMPGRAPH_DATA_DIR", str(root))
        store = LocalStore(tmp / "store")
        build(store)
        app = create_app(store, {"SUGGEST_RANKER": "bm25", "COMPGRAPH_MAPPINGS": str(tmp / "user-mappings")})
        with serving(app) as url:
            yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = launch(pw)
        try:
            yield chromium
        finally:
            chromium.close()


def shot(page: Any, name: str, width: int) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"legal-upload-{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize(("width", "doc", "prefix"), [(1280, "psa-desk", "PSD"), (390, "psa-phone", "PSP")])
def test_upload_review_gaps_and_the_pages_own_history(
    base: str, browser: Any, width: int, doc: str, prefix: str
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.goto(f"{base}/documents")
        page.locator("main a", has_text="Upload a regulation").click()
        page.wait_for_url("**/legal/upload")
        page.set_input_files("#up-file", str(LEGAL / "public-sector-ai-act.md"))
        page.fill("#up-id", doc)
        page.fill("#up-title", "Public Sector ADM Act")
        page.fill("#up-prefix", prefix)
        page.select_option("#up-org", "acme")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        shot(page, "form", width)
        page.click("#upload-form button[type=submit]")
        page.wait_for_url(f"**/review/{doc}?imported=10")
        assert "Imported 10 obligations" in page.locator("#imported").inner_text()
        shot(page, "review", width)

        page.select_option(f"select[name='d:{prefix}-2-1:CTL-HO-01']", "broadMatch")
        page.fill("#author", "Grace Hopper")
        page.fill("#comment", "the oversight plan names who may stop it")
        page.locator("#review-form button[name=save]").first.click()
        page.wait_for_url(f"**/review/{doc}?saved=1*")

        page.locator("#imported a, .review-summary a", has_text="gap report").first.click()
        page.wait_for_url(f"**/gaps/{doc}")
        assert "1 with an accepted control, 9 without" in page.locator("#gap-summary").inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        ids = page.eval_on_selector_all("main td a", "els => els.map(e => e.innerText)")
        assert "benefit-triage" in ids and any(i.startswith(f"{prefix}-") for i in ids)
        assert page.evaluate(WRAPPED_IDS, ids) == []
        shot(page, "gaps", width)

        page.goto(f"{base}/obligations/{prefix}-2-1")
        own = page.locator("#own-history").inner_text()
        assert "Grace Hopper" in own and "the oversight plan names who may stop it" in own
        assert f"{prefix}-2-1 -> CTL-HO-01: accepted as 'covers more than'" in own
        assert page.evaluate(WRAPPED_IDS, [f"{prefix}-2-1", "CTL-HO-01", doc]) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        shot(page, "own-history", width)
    finally:
        page.close()


def test_a_bad_upload_shows_one_line_naming_the_file(base: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 900})
    try:
        page.goto(f"{base}/legal/upload")
        page.set_input_files("#up-file", str(LEGAL / "upload" / "no-duties.txt"))
        page.fill("#up-id", "minutes")
        with page.expect_response(lambda r: r.url.endswith("/legal/upload") and r.request.method == "POST") as resp:
            page.click("#upload-form button[type=submit]")
        assert resp.value.status == 400
        assert page.locator("#upload-error").inner_text().startswith("no-duties.txt: found no obligation statements")
        shot(page, "error", 390)
    finally:
        page.close()


def test_a_word_file_uploads_to_its_review_page_with_the_ids_its_list_numbers_give(base: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 900})
    try:
        page.goto(f"{base}/legal/upload")
        assert ".docx" in page.locator("main").inner_text()  # the form says which files it takes
        page.set_input_files("#up-file", str(LEGAL / "public-sector-ai-act.docx"))
        page.fill("#up-id", "psa-word")
        page.fill("#up-prefix", "PSW")
        page.click("#upload-form button[type=submit]")
        page.wait_for_url("**/review/psa-word?imported=10")
        assert "Imported 10 obligations" in page.locator("#imported").inner_text()
        assert "PSW-8-2" in page.locator("main").inner_text()
        shot(page, "word-review", 390)
    finally:
        page.close()
