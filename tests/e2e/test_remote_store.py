"""The CLI and the browser over a remote store: a real `oxigraph serve` behind a loopback gate that demands
HTTP Basic credentials, reached with --endpoint/--gsp-endpoint and COMPGRAPH_USER/COMPGRAPH_PASSWORD."""

from __future__ import annotations

import base64
import json
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
import requests
from e2e_cli import run

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from compgraph.graph.store import RemoteStore  # noqa: E402
from compgraph.web import create_app  # noqa: E402
from sparql_fixtures import oxigraph_server  # noqa: E402

USER, PASSWORD = "auditor", "correct horse"
AS_OF = "2026-11-22"


class Gate:
    """Forwards every request to the SPARQL server only with the right Basic credentials (else 401),
    and counts what it let through and what it refused."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.expected = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        self.passed = self.refused = 0

    def __call__(self, environ: dict, start_response):  # type: ignore[no-untyped-def]
        if environ.get("HTTP_AUTHORIZATION") != self.expected:
            self.refused += 1
            start_response("401 Unauthorized", [("WWW-Authenticate", 'Basic realm="sparql"')])
            return [b"credentials required"]
        self.passed += 1
        length = int(environ.get("CONTENT_LENGTH") or 0)
        headers = {
            k: environ[h] for k, h in (("Content-Type", "CONTENT_TYPE"), ("Accept", "HTTP_ACCEPT")) if environ.get(h)
        }
        resp = requests.request(
            environ["REQUEST_METHOD"],
            self.upstream + environ.get("PATH_INFO", ""),
            params=environ.get("QUERY_STRING") or None,
            data=environ["wsgi.input"].read(length) if length else None,
            headers=headers,
            timeout=120,
        )
        keep = [(k, v) for k, v in resp.headers.items() if k.lower() in ("content-type",)]
        start_response(f"{resp.status_code} {resp.reason}", keep)
        return [resp.content]


class Quiet(WSGIRequestHandler):
    def log_message(self, *args: object) -> None:  # the gate's access log would drown pytest's output
        pass


@pytest.fixture(scope="module")
def gate(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Gate]]:
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as upstream:
        app = Gate(upstream)
        server: WSGIServer = make_server("127.0.0.1", 0, app, handler_class=Quiet)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}", app
        finally:
            server.shutdown()
            server.server_close()


def remote_args(base: str) -> list[str]:
    return ["--endpoint", f"{base}/query", "--gsp-endpoint", f"{base}/store"]


@pytest.fixture(scope="module")
def built(gate: tuple[str, Gate], tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Gate, Path]:
    base, g = gate
    cwd = tmp_path_factory.mktemp("remote-cli")
    res = run(*remote_args(base), "build", cwd=cwd, COMPGRAPH_USER=USER, COMPGRAPH_PASSWORD=PASSWORD)
    assert res.returncode == 0, res.stderr
    assert "organisation/mozart" in res.stdout
    return base, g, cwd


def cli(built: tuple[str, Gate, Path], *args: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    base, _, cwd = built
    return run(*remote_args(base), *args, cwd=cwd, COMPGRAPH_USER=USER, COMPGRAPH_PASSWORD=password)


def test_build_sends_the_credentials(built: tuple[str, Gate, Path]) -> None:
    _, g, _ = built
    assert g.passed > 0 and g.refused == 0


def test_validate_over_the_remote_store_finds_the_planted_gaps(built: tuple[str, Gate, Path]) -> None:
    res = cli(built, "validate", "--as-of", AS_OF, "--no-save")
    assert res.returncode == 1, res.stdout[-2000:] + res.stderr[-2000:]
    assert "Customer credit-limit recommender has no human-oversight control" in res.stdout


def test_a_question_over_the_remote_store(built: tuple[str, Gate, Path]) -> None:
    res = cli(built, "query", "high-risk-without-human-oversight", "--format", "json")
    assert res.returncode == 0, res.stderr
    assert "sys-credit-limit" in res.stdout


def test_trace_over_the_remote_store(built: tuple[str, Gate, Path]) -> None:
    res = cli(built, "trace", "sys-credit-limit", "--as-of", AS_OF, "--format", "json")
    assert res.returncode == 0, res.stderr
    trace = json.loads(res.stdout)
    assert "sys-credit-limit" in json.dumps(trace) and trace


def test_a_wrong_password_is_a_one_line_error(built: tuple[str, Gate, Path]) -> None:
    _, g, _ = built
    refused = g.refused
    res = cli(built, "stats", password="wrong")
    assert res.returncode != 0
    assert g.refused > refused
    assert len(res.stderr.strip().splitlines()) == 1, res.stderr
    assert "401" in res.stderr or "credential" in res.stderr.lower() or "auth" in res.stderr.lower(), res.stderr


@pytest.mark.parametrize(
    "url",
    [
        "/",
        f"/obligations?as_of={AS_OF}",
        f"/systems?as_of={AS_OF}",
        f"/evidence?as_of={AS_OF}",
        f"/systems/sys-credit-limit?as_of={AS_OF}",
        f"/gaps?as_of={AS_OF}",
        "/controls",
        "/documents",
    ],
)
def test_browser_pages_over_the_remote_store(built: tuple[str, Gate, Path], url: str) -> None:
    base, _, _ = built
    store = RemoteStore(f"{base}/query", gsp_url=f"{base}/store", auth=(USER, PASSWORD))
    resp = create_app(store).test_client().get(url)
    body = resp.get_data(as_text=True)
    assert resp.status_code == 200, f"{url}: {resp.status_code}\n{body[:1500]}"
    assert "Traceback" not in body
    assert "Mozart" in body or "sys-credit-limit" in body or "Obligation" in body
