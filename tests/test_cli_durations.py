"""`compgraph query` words a duration as the browser does ("276 days", not P276D) in its table, while its
machine formats keep the xsd:duration lexical form scripts parse."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from compgraph.graph.store import LocalStore

# Two durations and a plain string, so the test sees that only durations are reworded.
QUERY = """SELECT ?left ?overdue ?note WHERE {
  BIND("P276D"^^xsd:dayTimeDuration AS ?left) BIND("-P1D"^^xsd:duration AS ?overdue) BIND("P276D" AS ?note)
}"""


def query(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compgraph.cli", "--store", str(store), "query", "-", *args],
        input=QUERY,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-durations") / "store"
    LocalStore(path).close()  # an empty store: the query makes its own values
    return path


def test_the_table_words_durations_in_days(store: Path) -> None:
    out = query(store)
    assert out.returncode == 0, out.stderr
    row = out.stdout.splitlines()[2].split("  ")
    assert [c.strip() for c in row if c.strip()] == ["276 days", "minus 1 day", "P276D"]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_machine_formats_keep_the_lexical_form(store: Path, fmt: str) -> None:
    out = query(store, "--format", fmt)
    assert out.returncode == 0, out.stderr
    if fmt == "json":
        binding = json.loads(out.stdout)["results"]["bindings"][0]
        assert (binding["left"]["value"], binding["overdue"]["value"]) == ("P276D", "-P1D")
    else:
        rows = list(csv.reader(io.StringIO(out.stdout)))
        assert rows == [["left", "overdue", "note"], ["P276D", "-P1D", "P276D"]]
