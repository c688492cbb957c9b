"""One writer, many hands: the running server takes the writes of CLI commands started beside it.

RocksDB lets one process write a store. While ``compgraph serve`` holds it, a CLI command that writes sends its
arguments and working directory to ``POST /_writer/run`` on loopback, with the token the server put in the
store folder (``writer.json``, mode 0600, removed when it stops); the server runs the command in-process on its
own open store, one at a time, and answers with the exit code and output. Reads never come here: they open the
store read-only beside the server.

The gate is WSGI middleware in front of the Flask app, so the browser's logins and CSRF rules do not apply to
it and it cannot be reached without the token: a request from another host, or without the token, is refused.

``init_app`` also names who is writing for every browser request, so the audit trail records the logged-in
user (see :mod:`compgraph.graph.history`).
"""

from __future__ import annotations

import hmac
import json
import threading
from collections.abc import Callable, Iterable
from typing import Any

import requests
from flask import Flask, g, request

from compgraph.graph import history
from compgraph.graph.ondisk import StoreBusy, Writer

PATH = "/_writer/run"
LOOPBACK = frozenset({"127.0.0.1", "::1"})
Runner = Callable[[list[str], str, str], tuple[int, str, str]]


class WriterGate:
    """Answers ``POST /_writer/run`` with ``run(argv, cwd, agent)``; every other request goes to the app."""

    def __init__(self, app: Callable[..., Iterable[bytes]], token: str, run: Runner) -> None:
        self.app = app
        self.token = token
        self.run = run
        self.lock = threading.Lock()  # one forwarded command at a time, as one writer process would

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != PATH:
            return self.app(environ, start_response)

        def answer(status: str, body: dict[str, Any]) -> list[bytes]:
            start_response(status, [("Content-Type", "application/json")])
            return [json.dumps(body).encode()]

        if environ.get("REQUEST_METHOD") != "POST":
            return answer("405 Method Not Allowed", {"error": "POST only"})
        if environ.get("REMOTE_ADDR") not in LOOPBACK:
            return answer("403 Forbidden", {"error": "the writer takes commands from this machine only"})
        sent = environ.get("HTTP_AUTHORIZATION", "")
        if not hmac.compare_digest(sent.encode(), f"Bearer {self.token}".encode()):
            return answer("401 Unauthorized", {"error": "wrong or missing writer token"})
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = json.loads(environ["wsgi.input"].read(length) or b"{}")
            argv, cwd, agent = body["argv"], body["cwd"], body["agent"]
            if not (isinstance(argv, list) and all(isinstance(a, str) for a in argv)):
                raise TypeError("argv")
            if not (isinstance(cwd, str) and isinstance(agent, str)):
                raise TypeError("cwd, agent")
        except (ValueError, KeyError, TypeError) as exc:
            return answer("400 Bad Request", {"error": f"bad writer request: {exc}"})
        with self.lock:
            code, out, err = self.run(argv, cwd, agent)
        return answer("200 OK", {"exit_code": code, "stdout": out, "stderr": err})


def send(writer: Writer, argv: list[str], cwd: str, agent: str) -> tuple[int, str, str]:
    """Run a CLI command in the server named by ``writer``; raises StoreBusy when it cannot be reached."""
    try:
        resp = requests.post(
            writer.url.rstrip("/") + PATH,
            json={"argv": argv, "cwd": cwd, "agent": agent},
            headers={"Authorization": f"Bearer {writer.token}"},
            timeout=3600,  # a build of a large organisation runs as long as it runs
        )
    except requests.RequestException as exc:
        raise StoreBusy(
            f"the store is held by another process and its server at {writer.url} does not answer"
            f" ({type(exc).__name__})"
        ) from exc
    if resp.status_code != 200:
        raise StoreBusy(f"the server at {writer.url} refused the command: {resp.text.strip()[:300]}")
    body = resp.json()
    return int(body["exit_code"]), str(body["stdout"]), str(body["stderr"])


def init_app(app: Flask) -> None:
    """Record browser writes under the logged-in user's name (or the open mode's "browser")."""

    @app.before_request
    def _actor() -> None:
        user = getattr(g.get("user"), "name", None)
        agent = user or "browser (no logins)"
        g.history_token = history.enter(history.Actor(agent, f"{request.method} {request.path}"))

    @app.teardown_request
    def _done(_exc: BaseException | None) -> None:
        if g.pop("history_token", None) is not None:
            history.leave()  # the thread serves other requests next: forget this one's user
