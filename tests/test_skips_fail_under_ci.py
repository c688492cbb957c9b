"""Under CI=true a skipped test fails the run (tests/conftest.py), so no area of the suite quietly disappears."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CONFTEST = Path(__file__).resolve().parent / "conftest.py"


def run_suite(tmp_path: Path, body: str, ci: str | None) -> subprocess.CompletedProcess[str]:
    shutil.copy(CONFTEST, tmp_path / "conftest.py")
    (tmp_path / "test_sample.py").write_text(body, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        env["CI"] = ci
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rs", str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


SKIPPING = """
import pytest

def test_runs():
    assert True

def test_needs_an_extra():
    pytest.skip("optional extra not installed")
"""

PASSING = """
import pytest

def test_runs():
    assert True

@pytest.mark.xfail(reason="a known bug, reported", strict=True)
def test_known_bug():
    assert False
"""


def test_a_skip_fails_the_run_under_ci(tmp_path: Path) -> None:
    res = run_suite(tmp_path, SKIPPING, "true")
    assert res.returncode == pytest.ExitCode.TESTS_FAILED, res.stdout
    assert "test_needs_an_extra: optional extra not installed" in res.stdout


def test_a_skip_is_only_reported_outside_ci(tmp_path: Path) -> None:
    res = run_suite(tmp_path, SKIPPING, None)
    assert res.returncode == pytest.ExitCode.OK, res.stdout
    assert "1 skipped" in res.stdout


def test_a_run_without_skips_passes_under_ci(tmp_path: Path) -> None:
    res = run_suite(tmp_path, PASSING, "true")
    assert res.returncode == pytest.ExitCode.OK, res.stdout


def test_a_failure_under_ci_keeps_its_exit_status(tmp_path: Path) -> None:
    res = run_suite(tmp_path, SKIPPING + "\ndef test_broken():\n    assert False\n", "true")
    assert res.returncode == pytest.ExitCode.TESTS_FAILED, res.stdout
