"""tests/scale/bench_pages.py stays runnable and every page it times answers (no timing is asserted)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from flask.testing import FlaskClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_pages  # noqa: E402

from compgraph.web import create_app  # noqa: E402

LEAKS = ("Traceback", "werkzeug.exceptions", "jinja2.exceptions")


@pytest.fixture(scope="module")
def synthetic_client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    """The demo plus 200 synthetic systems (4,000 obligations): the lists span more than one page."""
    store, _ = bench_pages.browser_store(tmp_path_factory.mktemp("bench-pages") / "store")
    bench_pages.synthetic(store, 200)
    return create_app(store).test_client()


def test_every_timed_page_answers_on_a_graph_with_long_lists(synthetic_client: FlaskClient) -> None:
    for url in bench_pages.pages(synthetic_client):
        resp = synthetic_client.get(url)
        body = resp.get_data(as_text=True)
        assert resp.status_code == 200, f"{url}: {resp.status_code}"
        assert not any(leak in body for leak in LEAKS), url


def test_the_two_pages_of_systems_hold_each_system_once(synthetic_client: FlaskClient) -> None:
    first, second = (synthetic_client.get(f"/systems.json?page={n}&as_of=2026-11-22").get_json() for n in (1, 2))
    ids = [r["id"] for r in first["systems"] + second["systems"]]
    assert len(ids) == len(set(ids)) == first["total"] > first["page_size"]


def test_the_script_runs_on_the_demo(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["bench_pages.py", "-n", "1"])
    assert bench_pages.main() == 0
    out = capsys.readouterr().out
    assert "graph: shipped demo" in out and "page(s) over the" in out
    timed = [line for line in out.splitlines() if line.startswith("/")]
    assert len(timed) >= 20, out
