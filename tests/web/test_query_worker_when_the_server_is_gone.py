"""A query worker whose server stopped while it started or answered ends quietly (web.queryworker)."""

from __future__ import annotations

from multiprocessing import Pipe
from pathlib import Path

from compgraph.graph.store import LocalStore
from compgraph.web import queryworker


def a_store(tmp_path: Path) -> str:
    store = LocalStore(tmp_path / "store")
    store.replace_graph("urn:g", b"<urn:a> <urn:p> <urn:b> .\n")
    store.close()
    return str(tmp_path / "store")


def test_a_worker_whose_server_is_gone_before_the_handshake_returns_without_raising(tmp_path: Path) -> None:
    """`compgraph serve` stopped by SIGTERM while a worker booted printed the worker's BrokenPipeError traceback
    (seen in tests/e2e/test_demo_commands.py on a loaded machine)."""
    server, worker = Pipe()
    server.close()
    queryworker.main(worker, a_store(tmp_path), 0, False)  # raised BrokenPipeError before


def test_a_worker_whose_server_is_gone_before_the_answer_returns_without_raising(tmp_path: Path) -> None:
    server, worker = Pipe()
    location = a_store(tmp_path)
    server.send({"query": "ASK { ?s ?p ?o }", "as_result": True, "max_results": 10, "max_bytes": 1 << 20})
    server.close()  # the request is in the pipe; nobody will read the answer
    queryworker.main(worker, location, 0, False)
