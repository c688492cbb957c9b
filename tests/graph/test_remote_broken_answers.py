"""A remote store's answer that breaks off part-way is the endpoint's error, never rows and never a traceback.

Oxigraph streams an answer: when the query fails after the 200 has begun (a SERVICE it cannot reach), it ends
the body with the error's text. A real ``oxigraph serve`` on loopback; port 1 is one it refuses to call.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from compgraph.graph.remote import RemoteStore
from compgraph.graph.store import StoreError

UNREACHABLE = "<http://127.0.0.1:1/sparql>"


@pytest.mark.parametrize("form", ["SELECT *", "CONSTRUCT { ?s ?p ?o }"])
def test_an_answer_that_breaks_off_is_a_store_error_quoting_its_end(oxigraph: str, form: str) -> None:
    store = RemoteStore(oxigraph + "/query")
    with pytest.raises(StoreError) as err:
        store.query(f"{form} WHERE {{ SERVICE {UNREACHABLE} {{ ?s ?p ?o }} }}")
    message = str(err.value)
    assert message.startswith(f"{oxigraph}/query sent an answer that breaks off (")
    assert "The port 1 is not allowed" in message.split("it ends: ", 1)[1]


def test_the_cli_over_such_an_endpoint_exits_3_with_one_line(oxigraph: str, tmp_path: Path) -> None:
    rq = tmp_path / "service.rq"
    rq.write_text(f"SELECT * WHERE {{ SERVICE {UNREACHABLE} {{ ?s ?p ?o }} }}\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "compgraph.cli", "--endpoint", oxigraph + "/query", "query", str(rq)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert out.returncode == 3
    assert "Traceback" not in out.stderr
    assert "sent an answer that breaks off" in out.stderr
