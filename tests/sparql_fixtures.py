"""The small graph the canned-question tests run on, and the answers each question must give on it.

Kept apart from conftest.py so the embedded-store, remote-store and real-client tests can all check
the very same expectations. tests/fixtures/sparql/org.ttl explains which rows must and must not appear.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

from compgraph.graph.store import GraphStore, QueryResult
from compgraph.questions.queries import run_query

REPO = Path(__file__).resolve().parents[1]
FIXTURE_DIR = REPO / "tests" / "fixtures" / "sparql"
GRAPH_BASE = "https://w3id.org/compgraph/graph/test/"
AS_OF = "2026-03-01"


def fixture_graphs() -> dict[str, Path]:
    return {GRAPH_BASE + p.stem: p for p in sorted(FIXTURE_DIR.glob("*.ttl"))}


def load_fixture(store: GraphStore) -> None:
    for graph, path in fixture_graphs().items():
        store.replace_graph(graph, path.read_bytes(), "text/turtle")


def rows(result: QueryResult, columns: list[str] | None = None) -> list[tuple[str | None, ...]]:
    """Rows as tuples of strings; GROUP_CONCAT lists are sorted because their order is not defined."""
    columns = columns or result.variables
    out = []
    for d in result.values():
        out.append(tuple(_normalise(c, d.get(c)) for c in columns))
    return out


def _normalise(column: str, value: str | None) -> str | None:
    if value is not None and column in CONCAT_COLUMNS:
        return " ".join(sorted(value.split()))
    return value


CONCAT_COLUMNS = {"systems", "documents"}

# name -> (params, the columns compared, the exact rows in order)
EXPECTED: dict[str, tuple[dict[str, str], list[str], list[tuple[str | None, ...]]]] = {
    "high-risk-without-human-oversight": (
        {},
        ["systemId", "organisation"],
        [("score", "acme"), ("gamma-high", "gamma")],
    ),
    "obligations-without-controls": (
        {"organisation": "acme"},
        ["document", "obligationId", "modality"],
        [("reg", "REG-01-03", "mandatory"), ("coc", "COC-01-03", "recommended"), ("reg", "REG-01-04", "recommended")],
    ),
    "controls-without-current-evidence": (
        {"as_of": AS_OF},
        ["controlId", "implementerId", "status", "lastValidUntil"],
        [
            ("CTL-BIAS", "score", "expired", "2026-01-31"),
            ("CTL-DOC", "hire", "no evidence", None),
            ("CTL-HO", "gamma", "no evidence", None),
        ],
    ),
    "coverage-by-system": (
        {},
        ["risk", "systemId", "binding", "covered"],
        [
            ("https://w3id.org/compgraph/ontology#RiskHigh", "gamma-high", "1", "0"),
            ("https://w3id.org/compgraph/ontology#RiskHigh", "beta-high", "6", "1"),
            ("https://w3id.org/compgraph/ontology#RiskHigh", "score", "7", "3"),
            ("https://w3id.org/compgraph/ontology#RiskHigh", "hire", "7", "6"),
            ("https://w3id.org/compgraph/ontology#RiskLimited", "chat", "7", "3"),
        ],
    ),
    "obligation-trace": (
        {"obligation": "REG-01-01", "as_of": AS_OF},
        ["obligationId", "controlId", "relation", "implementerId", "evidenceId", "status"],
        [
            ("REG-01-01", "CTL-HO", "http://www.w3.org/2004/02/skos/core#exactMatch", "gamma", None, "no evidence"),
            ("REG-01-01", "CTL-HO", "http://www.w3.org/2004/02/skos/core#exactMatch", "hire", "ev-ho-hire", "current"),
            ("REG-01-01", "CTL-HO-ORG", None, "beta", "ev-ho-beta", "current"),
        ],
    ),
    "personal-data-without-legal-basis": (
        {},
        ["datasetId", "systems"],
        [("cvs", "chat hire"), ("faq", "chat")],
    ),
    "controls-across-documents": (
        {},
        ["controlId", "documentCount", "documents", "obligationCount"],
        [("CTL-GOV", "2", "coc reg", "2")],
    ),
    "document-obligations": (
        {"document": "coc"},
        ["m", "obligationId"],
        [
            ("https://w3id.org/compgraph/ontology#Mandatory", "COC-01-02"),
            ("https://w3id.org/compgraph/ontology#Commitment", "COC-01-01"),
            ("https://w3id.org/compgraph/ontology#Recommended", "COC-01-03"),
        ],
    ),
    "evidence-expiring-soon": (
        {"as_of": AS_OF, "days": "30"},
        ["evidenceId", "validUntil"],
        [("ev-tn-chat", "2026-03-01"), ("ev-bias-hire", "2026-03-20")],
    ),
    "overdue-reviews": (
        {"as_of": AS_OF},
        ["systemId", "sinceReview"],
        [("score", "P273D")],
    ),
}


def expected_answers(store: GraphStore) -> dict[str, list[tuple[str | None, ...]]]:
    """Each canned question's answer on ``store``, in the shape EXPECTED holds."""
    return {name: rows(run_query(store, name, params), cols) for name, (params, cols, _) in EXPECTED.items()}


# --- a real Oxigraph server -------------------------------------------------------------------------


def oxigraph_binary() -> str:
    """The oxigraph CLI (the test extra installs it); a missing binary is an error, never a skip."""
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not os.access(found, os.X_OK):
        raise RuntimeError(
            "the remote-store tests need the `oxigraph` server binary (pip install -e '.[test]' installs it); "
            f"not found on PATH nor next to {sys.executable}"
        )
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def oxigraph_server(location: Path) -> Iterator[str]:
    """``oxigraph serve`` on a free loopback port; yields its base URL and stops it afterwards."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [
            oxigraph_binary(),
            "serve",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
            # A query the client gave up on (a timeout test) must not keep a server core busy for hours.
            "--timeout-s",
            "10",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited: {proc.stderr.read().decode(errors='replace')[:500]}")
            try:
                requests.get(f"{base}/query", params={"query": "ASK {}"}, timeout=1)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph serve did not answer on {base} within 30 s") from None
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
