"""Running compgraph as users do: the installed command in a subprocess, against this checkout's code."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

import compgraph

REPO = Path(__file__).resolve().parents[2]
# Python code leaking into output means an unhandled error, whatever the exit status.
LEAKS = ("Traceback (most recent call last)", 'File "/')


def env(**extra: str) -> dict[str, str]:
    """The caller's environment, with this checkout's compgraph first on the path and no stray COMPGRAPH_*."""
    out = {k: v for k, v in os.environ.items() if not k.startswith("COMPGRAPH_")}
    out["PYTHONPATH"] = str(Path(compgraph.__file__).resolve().parents[1])
    out.update(extra)
    return out


def command() -> list[str]:
    """The `compgraph` console script of this interpreter's environment (what `pip install` puts there)."""
    script = Path(sys.executable).with_name("compgraph")
    assert script.is_file(), f"no compgraph script next to {sys.executable}: install the project (make install)"
    return [str(script)]


def run(*args: str, cwd: Path, timeout: float = 600, **extra: str) -> subprocess.CompletedProcess[str]:
    res = subprocess.run(
        [*command(), *args], cwd=cwd, env=env(**extra), capture_output=True, text=True, timeout=timeout
    )
    for leak in LEAKS:
        assert leak not in res.stdout + res.stderr, f"compgraph {' '.join(args)} leaked:\n{res.stderr[-3000:]}"
    return res


@contextmanager
def served(args: list[str], cwd: Path, base: str, **extra: str) -> Iterator[subprocess.Popen[str]]:
    """A `compgraph ... serve` process, yielded once ``base`` answers; killed if a test leaves it running."""
    proc = subprocess.Popen(
        [*command(), *args], cwd=cwd, env=env(**extra), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 120  # a generous start-up margin: the machine is shared
        while True:
            if proc.poll() is not None:
                raise AssertionError(f"serve exited with {proc.returncode}: {proc.stderr.read()[-2000:]}")
            try:
                requests.get(base + "/", timeout=5)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline:
                    raise AssertionError(f"serve did not answer on {base} within 120 s") from None
                time.sleep(0.2)
        yield proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait()


def stop(proc: subprocess.Popen[str], sig: signal.Signals) -> tuple[int, str]:
    """Send ``sig``; the exit status and stderr once the process has ended (generous 60 s margin)."""
    proc.send_signal(sig)
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise AssertionError(f"serve did not stop within 60 s of {sig.name}") from None
    return proc.returncode, err
