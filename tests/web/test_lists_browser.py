"""Lists, the evidence list and the SPARQL console in Debian's Chromium at desktop (1280 px) and phone (390 px)
width: a user sorts and filters a list, narrows evidence to what expires within 30 days, downloads the console's
answer as CSV and reads a syntax error at the line of their own query. Every click that loads a page is waited
on until that page has loaded (browserlaunch.settle) before anything on it is read. Screenshots go to
test-artifacts/."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from browserlaunch import SHOTS, WRAPPED_IDS, fits, settle
from liveserver import serving
from webfixture import browser_store

from compgraph.web import create_app

pytestmark = pytest.mark.browser

AS_OF = "2027-06-01"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store, _ = browser_store(tmp_path_factory.mktemp("lists-browser") / "store")
    with serving(create_app(store)) as url:
        yield url


def width(page: Any) -> int:
    return int(page.viewport_size["width"])


def cells(page: Any, label: str) -> list[str]:
    """The texts of one column of the list's table, found by its heading."""
    return [t.strip() for t in page.locator(f'table.sortable td[data-label="{label}"]').all_inner_texts()]


def test_sorting_and_filtering_the_controls_list(page: Any, server: str) -> None:
    page.goto(f"{server}/controls")
    if width(page) >= 600:
        page.get_by_role("link", name="Obligations satisfied").click()
        settle(page, "sort=obligations")
        page.get_by_role("link", name="Obligations satisfied").click()  # the second click turns the order round
    else:  # on a phone the headings make way for cards: the form's Sort by does the same
        page.select_option("select[name=sort]", "obligations")
        page.check("input[name=desc]")
        page.get_by_role("button", name="Filter").click()
    settle(page, "desc=1")
    assert "sort=obligations" in page.url
    counts = [int(c) for c in cells(page, "Obligations satisfied")]
    assert counts == sorted(counts, reverse=True) and len(set(counts)) > 1
    page.select_option("select[name=owner]", "Legal/Compliance")
    page.get_by_role("button", name="Filter").click()
    settle(page, "owner=Legal")
    assert set(cells(page, "Owner")) == {"Legal/Compliance"}
    counts = [int(c) for c in cells(page, "Obligations satisfied")]
    assert counts == sorted(counts, reverse=True), "the filter keeps the sort"
    fits(page)
    page.screenshot(path=str(SHOTS / f"controls-sorted-filtered-{width(page)}.png"), full_page=True)


def test_evidence_expiring_within_30_days(page: Any, server: str) -> None:
    page.goto(f"{server}/evidence?as_of={AS_OF}")
    page.get_by_role("link", name="30 days", exact=True).click()
    settle(page, "within=30")
    until = cells(page, "Valid until")
    assert until, "some evidence runs out within 30 days of the date"
    assert all(0 <= (date.fromisoformat(u) - date.fromisoformat(AS_OF)).days <= 30 for u in until)
    assert until == sorted(until)
    assert set(cells(page, "State")) == {"expiring"}
    assert all(t.endswith(" days") or t in ("1 day", "today") for t in cells(page, "Time left"))
    fits(page)
    page.screenshot(path=str(SHOTS / f"evidence-30-days-{width(page)}.png"), full_page=True)


def test_the_whole_evidence_list_fits_the_screen(page: Any, server: str) -> None:
    # Every column, the State last among them, on a 1280 px desktop without a scroll bar; on a phone each row
    # is a card.
    page.goto(f"{server}/evidence?as_of={AS_OF}")
    assert len(cells(page, "State")) > 90
    fits(page)
    built = re.search(r"Data built (\S+)\.", page.locator(".asof p").inner_text()).group(1)  # type: ignore[union-attr]
    assert page.evaluate(WRAPPED_IDS, [AS_OF, built.split(":")[0]]) == [], "dates in the status line stay whole"
    page.screenshot(path=str(SHOTS / f"evidence-list-{width(page)}.png"))


def test_the_console_downloads_the_answer_as_csv(page: Any, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/sparql-console")
    page.evaluate(
        "window.sparqlEditor.setValue('SELECT ?id WHERE { ?s a cg:AISystem ; dcterms:identifier ?id } ORDER BY ?id')"
    )
    page.get_by_role("button", name="Run query").click()
    page.wait_for_selector("#result-table")
    with page.expect_download() as info:
        page.get_by_role("button", name="CSV").click()
    download = info.value
    assert download.suggested_filename == "results.csv"
    target = tmp_path / "results.csv"
    download.save_as(target)
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows[0] == ["id"] and "sys-credit-limit" in [r[0] for r in rows[1:]]
    shown = [t.strip() for t in page.locator("#result-table tbody td").all_inner_texts()]
    assert shown == [r[0] for r in rows[1:]]
    page.screenshot(path=str(SHOTS / f"console-download-{width(page)}.png"), full_page=True)


def test_a_syntax_error_names_the_line_of_the_users_query(page: Any, server: str) -> None:
    page.goto(f"{server}/sparql-console")
    page.evaluate("window.sparqlEditor.setValue('SELECT ?s\\nWHERE { ?s ?p }')")
    page.get_by_role("button", name="Run query").click()
    status = page.locator("#status")
    status.filter(has_text="Error").wait_for()
    assert "line 2, column" in status.inner_text() and "of your query" in status.inner_text()
    page.screenshot(path=str(SHOTS / f"console-syntax-error-{width(page)}.png"))
