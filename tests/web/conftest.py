"""Chromium for the page tests: a module says what is served with its own ``server`` fixture; these launch
Debian's Chromium once per module and run each test that asks for ``page`` at desktop and at phone width."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browserlaunch import chromium, local_page

WIDTHS = [1280, 390]


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def page(request: pytest.FixtureRequest, browser: Any, server: str) -> Iterator[Any]:
    # Downloads allowed for all: the console's CSV download is a page test like any other.
    with local_page(browser, server, request.param, accept_downloads=True) as pg:
        yield pg
