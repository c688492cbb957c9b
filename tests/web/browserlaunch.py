"""Debian's Chromium for the browser tests: never a downloaded browser, and never a silent skip when it is missing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
# Without the background-networking flags Chromium's own connections are refused by this closed network, many at a
# time; as root it needs --no-sandbox.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch(pw: Any) -> Any:
    """A headless Debian Chromium from a Playwright instance; the test fails (not skips) if it is not installed."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make browser) to run the browser tests")
    return pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium under Playwright for one test module (the screenshots folder made ready)."""
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def local_page(browser: Any, server: str, width: int, **context_args: Any) -> Iterator[Any]:
    """A page ``width`` px wide that may reach only ``server`` (anything else would be a network dependency)
    and fails the test on any JavaScript error."""
    context = browser.new_context(viewport={"width": width, "height": 900}, **context_args)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server) else route.abort())
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        yield page
        assert not errors, f"JavaScript errors: {errors}"
    finally:
        context.close()


def settle(page: Any, part: str) -> None:
    """Wait until the page a click navigated to is at an address containing ``part`` and has loaded.

    Playwright's click returns once the navigation commits: the new rows may still be arriving and the
    stylesheets (the phone layout among them) not yet applied, so a width or a column read then is of a page
    half built. That is why a 390 px check once saw the table wider than the screen."""
    page.wait_for_url(lambda url: part in url, wait_until="load")


def screenshot(page: Any, name: str, full_page: bool = False) -> None:
    """Saves ``name-WIDTH.png`` once the page has loaded (a click returns when the next page starts coming):
    the first screen unless ``full_page`` (what a reader sees first; a system page is 18,000 px and slow to
    capture). At phone width nothing on the whole page may be wider than the screen."""
    page.wait_for_load_state("load")
    width = int(page.viewport_size["width"])
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=full_page)
    if width <= 390:
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{name}: the page is {wide} px wide at {width} px"


# The script for fits(): the page's own width, and each table wrapper that scrolls (its table wider than it).
_WIDTHS = """() => ({page: document.documentElement.scrollWidth,
  wraps: [...document.querySelectorAll('.table-wrap')].filter(w => w.scrollWidth > w.clientWidth)
           .map(w => (w.closest('section') || w).id || 'a table')})"""


def fits(page: Any) -> None:
    """Nothing scrolls the page sideways; on a desktop (600 px and wider) no table needs its own scroll bar
    either. A phone may scroll a wide table inside its wrapper."""
    width = int(page.viewport_size["width"])
    seen = page.evaluate(_WIDTHS)
    assert seen["page"] <= width, f"the page is {seen['page']} px wide at {width} px"
    if width >= 600:
        assert seen["wraps"] == [], f"tables wider than the screen at {width} px: {seen['wraps']}"


# The known ids in table cells, legends, the heading, the status line and a page's own history that the browser
# laid out on more than one line.
WRAPPED_IDS = """(ids) => {
  const known = new Set(ids), out = [];
  for (const cell of document.querySelectorAll('td, legend, h1, .asof p, #own-history li')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.closest('.visually-hidden')) continue;  // a screen reader's text, one pixel wide
      for (const m of n.data.matchAll(/[A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9]/g)) {
        if (!known.has(m[0])) continue;
        const r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
        if (lines.size > 1) out.push(m[0]);
      }
    }
  }
  return out;
}"""
