"""Legal's pages in a real headless Chromium: review a suggestion for a never-seen act, see the gap report move.

One store, server and Chromium for the module. The act is imported four times: each test that saves decisions has
a document of its own (psa, psb, psc), so none depends on what another saved; the others read
READ (an id with hyphens, as a page heading shows it). Screenshots at 1280 and
390 px go to test-artifacts/screenshots/review-*.png."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browserlaunch import SHOTS, WRAPPED_IDS, chromium, fits, local_page
from liveserver import serving

from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.legal import review as rv
from compgraph.web import create_app

REPO = Path(__file__).resolve().parents[2]
LEGAL = REPO / "tests" / "fixtures" / "legal"

pytestmark = pytest.mark.browser
READ = "ai-public-sector-act"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    tmp = tmp_path_factory.mktemp("legal-browser")
    root = tmp / "root"
    root.mkdir()
    (root / "ontology").symlink_to(LEGAL / "ontology")
    (root / "web").symlink_to(REPO / "web")
    shutil.copytree(LEGAL / "mappings", root / "mappings")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COMPGRAPH_DATA_DIR", str(root))
        store = LocalStore(tmp / "store")
        build(store)
        user = tmp / "user-mappings"
        for doc, prefix in (("psa", "PSA"), ("psb", "PSB"), ("psc", "PSC"), (READ, "PSD")):
            rv.import_document(store, LEGAL / "public-sector-ai-act.md", doc, prefix=prefix, out=user,
                               organisations=["acme"])
        app = create_app(store, {"SUGGEST_RANKER": "bm25", "COMPGRAPH_MAPPINGS": str(user)})
        with serving(app) as url:
            yield url, user


@pytest.fixture(scope="module")
def browser(site: tuple[str, Path]) -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser: Any, site: tuple[str, Path]) -> Iterator[Any]:
    with local_page(browser, site[0], 1280) as pg:
        yield pg


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
    assert post(f"{base}/review/{READ}", form={"author": "A", "d:PSD-2-1:CTL-HO-01": "closeMatch"}).status == 400
    assert post(f"{base}/review/{READ}", form={"author": "", "d:PSD-2-1:CTL-HO-01": "reject"}).status == 400
    assert post(f"{base}/review/{READ}", form={"author": "A", "d:MINI-1-01:CTL-HO-01": "reject"}).status == 400
    assert post(f"{base}/review/{READ}", form={"author": "A", "d:PSD-2-1:CTL-NOPE": "reject"}).status == 400
    assert post(f"{base}/review/{READ}", form={"author": "A", "evil": "1"}).status == 400
    assert page.request.get(f"{base}/review/{READ}?k=999").status == 400
    assert page.request.get(f"{base}/review/{READ}?k=%C2%B2").status == 400  # "²": isdigit() yet not int()
    assert page.request.get(f"{base}/review/nope").status == 404


def _controls_of(page, oid: str) -> list[str]:  # noqa: ANN001
    return [n.split(":")[-1] for n in page.eval_on_selector_all(
        f"#o-{oid} select", "els => els.map(e => e.name)")]


def test_accepting_a_control_keeps_the_order_the_reviewer_saw(site: tuple[str, Path], page) -> None:  # noqa: ANN001
    base, user = site
    page.goto(f"{base}/review/psb")
    before = _controls_of(page, "PSB-2-1")
    page.select_option(f"select[name='d:PSB-2-1:{before[-1]}']", label="fully covers")
    page.fill("#author", "Ada")
    page.locator("#review-form button[name=save]").first.click()
    page.wait_for_url("**/review/psb?saved=1*")
    assert _controls_of(page, "PSB-2-1") == before
    assert (user / "review-psb.order.tsv").is_file()
    [d] = rv.read_review(user / "review-psb.sssom.tsv")
    assert (d.control, d.relation) == (before[-1], "skos:exactMatch")  # "fully covers" = exactMatch


def test_bulk_reject_of_ticked_suggestions_and_progress(site: tuple[str, Path], page) -> None:  # noqa: ANN001
    base, user = site
    page.goto(f"{base}/review/psc")
    assert page.locator("#progress").inner_text().startswith("0 of 10")
    first, second = _controls_of(page, "PSC-7-1")[:2]
    page.check(f"input[name='t:PSC-7-1:{first}']")
    page.check(f"input[name='t:PSC-7-1:{second}']")
    page.select_option("#bulk_choice", label="reject")
    page.fill("#author", "Ada")
    page.click("#bulk button")
    page.wait_for_url("**/review/psc?saved=2*")
    assert page.locator("#progress").inner_text().startswith("1 of 10")
    assert {(d.control, d.action) for d in rv.read_review(user / "review-psc.sssom.tsv")} == {
        (first, "reject"), (second, "reject")}


def test_review_page_shows_why_there_is_no_good_match_and_hides_raw_scores(
        site: tuple[str, Path], page) -> None:  # noqa: ANN001
    base, _ = site
    page.goto(f"{base}/review/{READ}")
    assert "Why:" in page.locator("#o-PSD-8-1").inner_text()
    assert page.locator("th", has_text="Score").count() == 0
    assert page.locator("#o-PSD-2-1 td.fit").first.inner_text() in ("strong", "fair", "weak")


@pytest.mark.parametrize("width", [1280, 390])
def test_review_page_fits_the_screen_and_keeps_ids_whole(site: tuple[str, Path], browser: Any, width: int) -> None:
    base, _ = site
    with local_page(browser, base, width) as page:
        page.goto(f"{base}/review/{READ}")
        fits(page)
        ids = [READ, *page.eval_on_selector_all("fieldset.obligation", "els => els.map(e => e.id.slice(2))"),
               *page.eval_on_selector_all("td[data-label=Control] a", "els => els.map(e => e.innerText)")]
        assert len(ids) > 20
        assert page.evaluate(WRAPPED_IDS, ids) == []
        page.screenshot(path=str(SHOTS / f"review-{width}.png"), full_page=False)
        page.locator("#o-PSD-2-1").screenshot(path=str(SHOTS / f"review-obligation-{width}.png"))


def test_bulk_without_a_choice_or_a_tick_is_400(site: tuple[str, Path], page) -> None:  # noqa: ANN001
    base, _ = site
    post = page.request.post
    assert post(f"{base}/review/{READ}", form={"author": "A", "bulk": "1", "t:PSD-2-1:CTL-HO-01": "1"}).status == 400
    assert post(f"{base}/review/{READ}", form={"author": "A", "bulk": "1", "bulk_choice": "reject"}).status == 400
    assert post(f"{base}/review/{READ}", form={"author": "A", "bulk_choice": "closeMatch"}).status == 400
    assert post(f"{base}/review/{READ}", form={"author": "A", "t:PSD-2-1:CTL-HO-01": "yes"}).status == 400
