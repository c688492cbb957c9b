"""The ``compgraph`` command: a thin layer over the stages, one module per command group.

``base`` holds the group and its plumbing (how each command opens the store, errors, exit codes); ``data``,
``legal``, ``exchange``, ``history``, ``evidence`` and ``server`` add their commands to it when imported here.

May import: every stage.
"""

from __future__ import annotations

from compgraph.cli import data, evidence, exchange, history, legal, server
from compgraph.cli.base import EXIT_CODES, main

__all__ = ["EXIT_CODES", "data", "evidence", "exchange", "history", "legal", "main", "run", "server"]


def run() -> None:
    """Entry point; errors become one line and the exit code of their kind (see EXIT_CODES)."""
    main(standalone_mode=True)
