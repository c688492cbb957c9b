"""``compgraph bench --load``: many clients against a real ``compgraph serve`` on loopback, and runaway queries.

Phase 1: once the server has answered the dashboard and the detail page (made its caches; timed apart),
``clients`` threads, each with its own API token (a team, not one user), loop for ``seconds`` over what
``mix`` names; every answer that is not 200 is an error. ``pages``: the dashboard, a detail page and a
/sparql COUNT. ``count``: the same /sparql COUNT every time (after the first, the server's kept answer).
``count-distinct``: a /sparql COUNT whose text no one sent before (its own variable name), so each one
passes the guard and is run by a query worker: the reused pool's own rate, with no answer kept. Phase 2:
``runaways`` cross-join queries from one user run at once while another user asks a normal COUNT (a text
not asked before, so a worker runs it rather than the answer cache); the figure is that COUNT's time.
Latencies are measured on the client side, over HTTP.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
# Phase 2's normal query is a text phase 1 never sent: the server keeps answers per store state, and this one
# must be run by a query worker while the runaways hold the others.
NORMAL = "SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }"
# What each ``mix`` sends, as the report names it ("{}": the detail page).
_MIX_SAYS = {
    "pages": "dashboard, {}, /sparql COUNT",
    "count": "/sparql, the same COUNT each time",
    "count-distinct": "/sparql, a COUNT never sent before each time",
}
MIXES = tuple(_MIX_SAYS)
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"


@dataclass
class LoadResult:
    clients: int
    seconds: float
    requests: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    normal_during_runaways: float | None = None
    normal_status: int | None = None
    runaway_statuses: dict[int, int] = field(default_factory=dict)
    detail_path: str = ""
    mix: str = "pages"
    first_pages: float | None = None  # the dashboard and the detail page, once, right after start
    load: tuple[float, ...] = ()  # os.getloadavg() when the clients stopped: the machine is shared

    def percentile(self, p: float) -> float:
        xs = sorted(self.latencies)
        return xs[min(len(xs) - 1, int(p / 100 * len(xs)))] if xs else float("nan")

    def render(self) -> str:
        errors = sum(self.errors.values())
        lines = [
            f"{self.clients} clients for {self.seconds:.0f} s ({_MIX_SAYS[self.mix].format(self.detail_path)}):",
            f"  first dashboard + detail page after start (caches made): {self.first_pages or 0:.1f} s; "
            f"machine load average (1/5/15 min) as the clients stopped: {' '.join(f'{x:.1f}' for x in self.load)}",
            f"  {self.requests} requests, {self.requests / self.seconds:.1f} req/s, {errors} errors"
            + (f" {dict(self.errors)}" if errors else ""),
            f"  p50 {self.percentile(50) * 1000:.0f} ms, p95 {self.percentile(95) * 1000:.0f} ms, "
            f"p99 {self.percentile(99) * 1000:.0f} ms, max {max(self.latencies, default=0) * 1000:.0f} ms",
        ]
        if self.normal_during_runaways is not None:
            lines.append(
                f"  a normal COUNT while {sum(self.runaway_statuses.values())} runaway queries ran: "
                f"{self.normal_during_runaways * 1000:.0f} ms (HTTP {self.normal_status}); runaways answered "
                + ", ".join(f"{n}x HTTP {s}" for s, n in sorted(self.runaway_statuses.items()))
            )
        return "\n".join(lines) + "\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _tokens(path: Path, names: list[str]) -> dict[str, str]:
    from compgraph.web.auth import Users

    users = Users(path)
    return {name: users.add(name, "viewer", None, token=True) or "" for name in names}


def run_load(
    store_location: str,
    *,
    clients: int = 50,
    seconds: float = 60.0,
    runaways: int = 20,
    detail_path: str | None = None,
    query_workers: int = 2,
    mix: str = "pages",
    progress: object = None,
) -> LoadResult:
    """Long because the phases share the server's set-up and tear-down; each phase is a short loop."""
    import requests

    if mix not in MIXES:
        raise ValueError(f"mix: {mix!r} is not one of {', '.join(MIXES)}")
    say = progress if callable(progress) else (lambda _m: None)
    tmp = Path(tempfile.mkdtemp(prefix="compgraph-load-"))
    tokens = _tokens(tmp / "users.json", [f"load{i}" for i in range(clients)] + ["runaway", "normal"])
    port = _free_port()
    env = dict(os.environ, COMPGRAPH_STORE=store_location)
    cmd = [sys.executable, "-m", "compgraph.cli", "serve", "--port", str(port), "--users", str(tmp / "users.json")]
    cmd += ["--threads", str(min(64, clients + runaways + 4)), "--query-workers", str(query_workers)]
    server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    result = LoadResult(clients, seconds, mix=mix)
    lock = threading.Lock()
    try:
        _wait_up(base, tokens["normal"])
        detail_path = result.detail_path = detail_path or _first_system_page(base, tokens["normal"])
        # The clock starts once the server has made its caches (coverage, the detail page's data): the
        # figure is the served load, and the start-up is reported apart.
        t0 = time.perf_counter()
        for path in ("/", detail_path):
            requests.get(base + path, headers={"Authorization": f"Bearer {tokens['normal']}"}, timeout=600)
        result.first_pages = time.perf_counter() - t0
        say(f"server up on {base}; {clients} clients for {seconds:.0f} s: {_MIX_SAYS[mix].format(detail_path)}")
        stop = time.monotonic() + seconds

        def client(i: int) -> None:
            s = requests.Session()
            s.headers["Authorization"] = f"Bearer {tokens[f'load{i}']}"
            k = i
            while time.monotonic() < stop:
                path, params = request_for(mix, detail_path, i, k)
                k += 1
                t0 = time.perf_counter()
                try:
                    status = s.get(base + path, params=params, timeout=30).status_code
                except requests.RequestException as exc:
                    status = type(exc).__name__  # type: ignore[assignment]
                took = time.perf_counter() - t0
                with lock:
                    result.requests += 1
                    result.latencies.append(took)
                    if status != 200:
                        result.errors[str(status)] = result.errors.get(str(status), 0) + 1

        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        result.load = os.getloadavg()
        if runaways:
            say(f"{runaways} runaway queries and one normal COUNT")
            _runaway_phase(base, tokens, runaways, result)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        # The folder holds every client's API token: it must not outlive the run.
        shutil.rmtree(tmp, ignore_errors=True)
    return result


def request_for(mix: str, detail_path: str, client: int, k: int) -> tuple[str, dict[str, str] | None]:
    """The path and query parameters of client ``client``'s ``k``-th request under ``mix``."""
    if mix == "pages":
        return [("/", None), (detail_path, None), ("/sparql", {"query": COUNT})][k % 3]
    if mix == "count":
        return "/sparql", {"query": COUNT}
    # Same work as COUNT; a variable name of its own makes a text no client sent before.
    return "/sparql", {"query": COUNT.replace("?n", f"?n_{client}_{k}")}


def _first_system_page(base: str, token: str) -> str:
    """The detail page of the store's first AI system (the list page if it has none)."""
    import requests

    query = "SELECT ?id WHERE { ?s a cg:AISystem ; dcterms:identifier ?id } ORDER BY ?id LIMIT 1"
    resp = requests.get(
        base + "/sparql", params={"query": query}, headers={"Authorization": f"Bearer {token}"}, timeout=60
    )
    rows = resp.json()["results"]["bindings"] if resp.ok else []
    return f"/systems/{rows[0]['id']['value']}" if rows else "/systems"


def _wait_up(base: str, token: str) -> None:
    import requests

    for _ in range(600):
        try:
            requests.get(
                base + "/sparql", params={"query": "ASK {}"}, headers={"Authorization": f"Bearer {token}"}, timeout=30
            )
            return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise RuntimeError(f"compgraph serve did not come up at {base}")


def _runaway_phase(base: str, tokens: dict[str, str], runaways: int, result: LoadResult) -> None:
    import requests

    statuses: list[int] = []
    lock = threading.Lock()

    def runaway() -> None:
        r = requests.get(
            base + "/sparql",
            params={"query": RUNAWAY},
            timeout=60,
            headers={"Authorization": f"Bearer {tokens['runaway']}"},
        )
        with lock:
            statuses.append(r.status_code)

    threads = [threading.Thread(target=runaway) for _ in range(runaways)]
    for t in threads:
        t.start()
    time.sleep(0.5)  # the runaways hold their workers now
    t0 = time.perf_counter()
    resp = requests.get(
        base + "/sparql", params={"query": NORMAL}, timeout=60, headers={"Authorization": f"Bearer {tokens['normal']}"}
    )
    result.normal_during_runaways = time.perf_counter() - t0
    result.normal_status = resp.status_code
    for t in threads:
        t.join()
    for s in statuses:
        result.runaway_statuses[s] = result.runaway_statuses.get(s, 0) + 1
