"""`compgraph serve` runs under waitress: a real server on loopback, no version banner, an access log,
and a graceful stop on SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from compgraph.graph.store import LocalStore
from sparql_fixtures import load_fixture

SRC = Path(__file__).resolve().parents[2] / "src"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_runs_waitress_logs_each_request_and_stops_on_sigterm(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    load_fixture(store)
    store.close()
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(SRC), COMPGRAPH_STORE=str(tmp_path / "store"))
    cmd = [sys.executable, "-m", "compgraph.cli", "serve", "--port", str(port), "--threads", "4"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                resp = requests.get(f"{url}/sparql", params={"query": "ASK {}"}, timeout=30)
                break
            except requests.ConnectionError:
                time.sleep(0.2)
        else:
            raise AssertionError("the server did not start: " + proc.stderr.read() if proc.stderr else "")
        assert resp.status_code == 200
        assert "Server" not in resp.headers
        assert requests.get(url + "/", headers={"Host": "evil.example"}, timeout=30).status_code == 400
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err[-2000:]
    assert '"GET /sparql?query=ASK' in err and " 200 " in err


SERVE_WITH_A_FAILING_PAGE = """
import sys
from compgraph.graph.store import LocalStore
from compgraph.web import create_app, serving

app = create_app(LocalStore(sys.argv[1], read_only=True))


def boom() -> str:
    raise RuntimeError("boom-" + "once")


app.add_url_rule("/boom", "boom", boom)
serving.serve(app, "127.0.0.1", int(sys.argv[2]), threads=2)
"""


def test_a_failing_request_logs_its_traceback_once_under_serve(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    load_fixture(store)
    store.close()
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(SRC))
    cmd = [sys.executable, "-c", SERVE_WITH_A_FAILING_PAGE, str(tmp_path / "store"), str(port)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(300):
            try:
                resp = requests.get(f"http://127.0.0.1:{port}/boom", timeout=30)
                break
            except requests.ConnectionError:
                time.sleep(0.2)
        else:
            raise AssertionError("the server did not start")
        assert resp.status_code == 500
        assert "boom-once" not in resp.text  # the page says it was logged, not what happened
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    assert err.count("Traceback (most recent call last)") == 1, err[-3000:]
    assert err.count("RuntimeError: boom-once") == 1
    assert '"GET /boom" 500' in err


def test_a_stop_signal_inside_a_waitress_handler_leaves_the_loop_instead_of_being_logged() -> None:
    from waitress import wasyncore

    from compgraph.web import serving

    class Closing:
        def handle_read_event(self) -> None:
            raise serving._Stop(signal.SIGTERM)

        def handle_error(self) -> None:
            raise AssertionError("the stop was swallowed as an error of the handler")

    try:
        wasyncore.read(Closing())
    except serving._Stop:
        pass
    else:
        raise AssertionError("the stop did not leave the handler")
