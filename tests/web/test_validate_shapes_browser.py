"""The validation page's shapes upload in a real headless Chromium (Debian's /usr/bin/chromium): pick a file,
submit the form, read the findings and which engine ran the shape."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from browserlaunch import launch
from test_validate_shapes_web import AS_OF, SHAPES, small_store
from werkzeug.serving import make_server

from compgraph.web import create_app

pytestmark = pytest.mark.browser



@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = make_server("127.0.0.1", port, create_app(small_store(tmp_path / "store")), threaded=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    srv.shutdown()
    thread.join(5)


def test_uploading_a_shapes_file_in_the_browser_shows_its_findings_and_engine(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    shapes = tmp_path / "mine.ttl"
    shapes.write_text(SHAPES)
    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            page = browser.new_page()
            page.set_default_timeout(30_000)
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            # Anything not served by our own server would be a network dependency: refuse it.
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(server) else r.abort())
            page.goto(f"{server}/gaps?as_of={AS_OF}")
            page.set_input_files("#shapes-files", str(shapes))
            page.click("#own-shapes button[type=submit]")
            page.wait_for_selector("#engines")
            assert "1 violation" in page.locator("#verdict").inner_text()
            row = page.locator("#engines tbody tr").first.inner_text()
            assert "https://example.org/t#S" in row and "sparql" in row
            assert "not saved" in page.content()
            assert not errors
        finally:
            browser.close()
