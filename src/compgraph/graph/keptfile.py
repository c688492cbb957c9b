"""One private SQLite file of things kept under a store state: the browser's pages and the canned answers.

Both are caches a process may lose at any time, so any SQLite error turns the file off for this process (the
caller then computes as if nothing had been kept, never fails), and both keep their size under a budget by
dropping the least recently used quarter of their rows.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any


class KeptFile:
    """A SQLite file created readable by its owner only, used under one lock; ``label`` names it in the log
    line written when an error turns it off."""

    def __init__(self, path: Path, budget: int, schema: Iterable[str], label: str) -> None:
        self.path = path
        self.budget = budget
        self._label = label
        self._lock = threading.Lock()
        path.parent.mkdir(mode=0o700, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))  # private before SQLite opens it
        self._db: sqlite3.Connection | None = sqlite3.connect(path, timeout=5, check_same_thread=False)
        with self._db:
            self._db.execute("PRAGMA journal_mode=WAL")
            for statement in schema:
                self._db.execute(statement)

    def _run(self, work: Callable[[sqlite3.Connection], Any]) -> Any:
        """``work`` in one transaction; None once the file is off."""
        with self._lock:
            if self._db is None:
                return None
            try:
                with self._db:
                    return work(self._db)
            except sqlite3.Error as exc:
                logging.getLogger(__name__).warning("%s turned off: %s: %s", self._label, self.path, exc)
                self._db.close()
                self._db = None
                return None

    def _within_budget(self, db: sqlite3.Connection, table: str) -> None:
        """Over the budget, drop the least recently used quarter of ``table``'s rows (``body`` and ``used``)."""
        total = db.execute(f"SELECT COALESCE(SUM(LENGTH(body)), 0) FROM {table}").fetchone()[0]
        if total > self.budget:
            db.execute(
                f"DELETE FROM {table} WHERE key IN (SELECT key FROM {table} ORDER BY used LIMIT"
                f" (SELECT COUNT(*) / 4 + 1 FROM {table}))"
            )

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
