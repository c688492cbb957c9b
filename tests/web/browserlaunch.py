"""Debian's Chromium for the browser tests: never a downloaded browser, and never a silent skip when it is missing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
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
