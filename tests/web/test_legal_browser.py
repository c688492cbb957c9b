"""Legal's pages in a real headless Chromium: review a suggestion for a never-seen act, see the gap report move."""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.legal import review as rv
from compgraph.web import create_app

REPO = Path(__file__).resolve().parents[2]
LEGAL = REPO / "tests" / "fixtures" / "legal"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Path]]:
    root = tmp_path / "root"
    root.mkdir()
    (root / "ontology").symlink_to(LEGAL / "ontology")
    (root / "web").symlink_to(REPO / "web")
    shutil.copytree(LEGAL / "mappings", root / "mappings")
    monkeypatch.setenv("COMPGRAPH_DATA_DIR", str(root))
    store = LocalStore(tmp_path / "store")
    build(store)
    user = tmp_path / "user-mappings"
    rv.import_document(store, LEGAL / "public-sector-ai-act.md", "psa", prefix="PSA", out=user, organisations=["acme"])
    app = create_app(store, {"SUGGEST_RANKER": "bm25", "COMPGRAPH_MAPPINGS": str(user)})
    port = _free_port()
    srv = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}", user
    finally:
        srv.shutdown()
        thread.join(5)


@pytest.fixture
def page() -> Iterator[object]:
    if not CHROMIUM.is_file():
        pytest.fail(f"Chromium is required for browser tests and is missing at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser.new_page()
        finally:
            browser.close()


def test_review_a_suggestion_and_see_the_gap_report_update(site: tuple[str, Path], page) -> None:  # noqa: ANN001
    base, user = site
    page.goto(f"{base}/gaps/psa")
    assert "10 obligations, 0 with an accepted control, 10 without" in page.locator("#gap-summary").inner_text()
    assert page.locator("#t-unmapped a", has_text="PSA-2-1").count() == 1

    page.goto(f"{base}/review/psa")
    assert "no good match" in page.locator("#o-PSA-8-1 legend").inner_text()
    first = page.locator("#o-PSA-2-1 tbody tr").first
    assert "CTL-HO-01" in first.inner_text()
    page.select_option("select[name='d:PSA-2-1:CTL-HO-01']", "broadMatch")
    page.select_option("select[name='d:PSA-7-1:CTL-IA-01']", "reject")
    page.fill("#author", "Grace Hopper")
    page.locator("#review-form button[type=submit]").first.click()
    page.wait_for_url("**/review/psa?saved=2*")
    assert "Saved 2 decisions" in page.locator(".saved").inner_text()
    # the page shows what was decided, and the file keeps it
    assert page.locator("select[name='d:PSA-2-1:CTL-HO-01']").input_value() == "broadMatch"
    assert page.locator("select[name='d:PSA-7-1:CTL-IA-01']").input_value() == "reject"
    decisions = {(d.obligation, d.control): d for d in rv.read_review(user / "review-psa.sssom.tsv")}
    assert decisions[("PSA-2-1", "CTL-HO-01")].author == "Grace Hopper"
    assert decisions[("PSA-7-1", "CTL-IA-01")].action == "reject"

    page.click("text=gap report")
    assert "1 with an accepted control, 9 without" in page.locator("#gap-summary").inner_text()
    assert page.locator("#t-unmapped a", has_text="PSA-2-1").count() == 0
    assert page.locator("#t-unmapped a", has_text="PSA-7-1").count() == 1
    md = page.request.get(f"{base}/gaps/psa.md").text()
    assert "| PSA-7-1 |" in md and "| PSA-2-1 |" not in md


def test_bad_form_values_are_400(site: tuple[str, Path], page) -> None:  # noqa: ANN001
    base, _ = site
    post = page.request.post
    assert post(f"{base}/review/psa", form={"author": "A", "d:PSA-2-1:CTL-HO-01": "closeMatch"}).status == 400
    assert post(f"{base}/review/psa", form={"author": "", "d:PSA-2-1:CTL-HO-01": "reject"}).status == 400
    assert post(f"{base}/review/psa", form={"author": "A", "d:MINI-1-01:CTL-HO-01": "reject"}).status == 400
    assert post(f"{base}/review/psa", form={"author": "A", "d:PSA-2-1:CTL-NOPE": "reject"}).status == 400
    assert post(f"{base}/review/psa", form={"author": "A", "evil": "1"}).status == 400
    assert page.request.get(f"{base}/review/psa?k=999").status == 400
    assert page.request.get(f"{base}/review/nope").status == 404
