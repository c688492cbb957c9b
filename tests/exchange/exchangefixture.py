"""Helpers of the exchange tests: the demo's as-of date and the in-process CLI runner."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner, Result

from compgraph.cli import main
from compgraph.graph.store import LocalStore

# The demo's planted gaps (expired evidence, overdue reviews) are dated against this day (tests/conftest.py).
AS_OF = date(2026, 11, 22)


class Cli:
    """Runs ``compgraph`` in-process against the open exchange store (RocksDB allows one opener per process)."""

    def __init__(self, store: LocalStore) -> None:
        self.store = store

    def invoke(self, *args: object) -> Result:
        return CliRunner().invoke(main, ["--store", self.store.location, *map(str, args)])

    def run(self, *args: object) -> str:
        result = self.invoke(*args)
        assert result.exit_code == 0, result.output
        return result.output
