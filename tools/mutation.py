"""Mutation testing of the modules that decide compliance, with mutmut, in a scratch copy of the checkout.

    python tools/mutation.py                      # every module in [tool.mutmut] only_mutate, its test selection
    python tools/mutation.py --module src/compgraph/questions/coverage.py \\
        --tests tests/questions/test_coverage.py --tests tests/questions/test_evidence_valid_on_its_last_day.py

mutmut reads its settings from pyproject.toml's [tool.mutmut]; ``--module``/``--tests`` narrow a run to one
module and the tests that matter for it (a full run is far slower than CI's budget). The checkout is
copied first so the run never leaves ``mutants/`` or a rewritten pyproject.toml behind. Prints killed,
survived and the score, and the surviving mutants' names (``mutmut show NAME`` in the copy shows each).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KILLED = {"killed", "timeout", "segfault", "caught by type check"}


def toml_list(values: list[str]) -> str:
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"


def narrowed_pyproject(text: str, modules: list[str], tests: list[str]) -> str:
    """pyproject.toml with [tool.mutmut]'s module and test selection replaced by the ones asked for."""
    if modules:
        text = re.sub(r"(?m)^only_mutate = \[[^\]]*\]", f"only_mutate = {toml_list(modules)}", text)
    if tests:
        text = re.sub(
            r"(?m)^pytest_add_cli_args_test_selection = \[[^\]]*\]",
            f"pytest_add_cli_args_test_selection = {toml_list(tests)}",
            text,
        )
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", action="append", default=[], help="a source file to mutate (repeatable)")
    parser.add_argument("--tests", action="append", default=[], help="a test file or folder to run (repeatable)")
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the scratch copy (to `mutmut show` mutants)")
    args = parser.parse_args()
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    mutmut = Path(sys.executable).with_name("mutmut")
    work = Path(tempfile.mkdtemp(prefix="compgraph-mutation-"))
    try:
        shutil.copytree(
            REPO,
            work,
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns(".git", ".venv", "mutants", "__pycache__", "compgraph-data"),
        )
        pyproject = work / "pyproject.toml"
        pyproject.write_text(narrowed_pyproject(pyproject.read_text(encoding="utf-8"), args.module, args.tests))
        # mutmut puts mutants/src first on sys.path; a PYTHONPATH naming the real sources would shadow it.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        subprocess.run([str(mutmut), "run", "--max-children", str(args.max_children)], cwd=work, env=env, check=False)
        res = subprocess.run(
            [str(mutmut), "results", "--all", "true"], cwd=work, env=env, capture_output=True, text=True
        )
        statuses: dict[str, list[str]] = {}
        for line in res.stdout.splitlines():
            if ":" in line:
                name, status = line.strip().rsplit(":", 1)
                statuses.setdefault(status.strip(), []).append(name.strip())
        killed = sum(len(v) for k, v in statuses.items() if k in KILLED)
        survived = statuses.get("survived", [])
        total = sum(len(v) for v in statuses.values())
        print(f"modules: {', '.join(args.module or config.get('only_mutate', []))}")
        print("statuses: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(statuses.items())))
        if total:
            print(f"mutation score: {killed}/{total} killed ({100 * killed / total:.1f}%)")
        for name in survived:
            print(f"survived: {name}")
        return 0
    finally:
        if args.keep:
            print(f"scratch copy kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
