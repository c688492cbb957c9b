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
