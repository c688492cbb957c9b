"""A closed embedded store lets go of its database even where something else still held it, so another process
can open the store for writing while this one goes on."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from compgraph.graph.store import LocalStore

SRC = str(Path(__file__).resolve().parents[2] / "src")
OPEN_FOR_WRITING = "import sys; from compgraph.graph.store import LocalStore; LocalStore(sys.argv[1]).close()"


def _opens_elsewhere(path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-c", OPEN_FOR_WRITING, str(path)], env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def test_a_store_closed_while_a_reference_cycle_holds_its_database_opens_in_another_process(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    was_enabled = gc.isenabled()
    gc.disable()  # the cycle must still be there when the store closes
    try:
        cycle: list[object] = [store.oxigraph]
        cycle.append(cycle)
        del cycle
        store.close()
        done = _opens_elsewhere(tmp_path / "store")
    finally:
        if was_enabled:
            gc.enable()
    assert done.returncode == 0, done.stderr[-500:]


def test_a_store_closed_with_nothing_else_holding_its_database_opens_in_another_process(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    store.close()
    done = _opens_elsewhere(tmp_path / "store")
    assert done.returncode == 0, done.stderr[-500:]
