"""Run mutants of a kept mutmut copy in one pytest process, each on only the tests that execute what it changes.

    python tools/mutation.py --module src/compgraph/graph/catalog.py --tests ... \\
        --mutant compgraph.__list_mutants_only__ --keep        # generate the mutants, run none
    (cd COPY/mutants && mutmut results --all true) | sed 's/:.*//' > names.txt
    python tools/mutation_recheck.py COPY --module graph/catalog.py --names names.txt --out out.txt \\
        --tests tests/graph/test_catalog_whole_run.py --tests ...

``--module`` repeats: with several (say every file of checks/), one clean pass serves them all, and each mutant
is matched to its file by its dotted name.

mutmut runs each mutant in a fresh pytest session on every test that reaches the mutated *function*; for a
module of long readers (catalog.py: 2,076 mutants, most in four functions) that took hours. Here one clean pass,
traced, records which tests execute each line of the mutated file; each mutant then runs only the tests that
execute a line of the statement it changes (every test of its function when it changes the signature or the
function's length), the tests that killed another mutant of the same function first, stopping at the first
failure, with every fixture torn down between mutants. A test that never executes the changed statement runs
the original code and cannot fail, so only a kill the tracer cannot see is missed: a test whose code under test
runs in a subprocess (threads a test starts are traced too). Run each survivor again on the whole files
(`MUTANT_UNDER_TEST=NAME PYTHONPATH=src pytest ...` in COPY/mutants) before counting it. Appends one line per
mutant to --out (`NAME: killed TEST`, `NAME: survived`, `NAME: timeout ...`) and skips the names already there, so
a stopped run resumes.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import signal
import sys
import threading
import time
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from _pytest.runner import runtestprotocol

MUTANT = re.compile(r"(.*)__mutmut_(\d+)$")


class Hang(Exception):
    """A mutant ran past the time limit (an endless loop): counted as killed, as mutmut counts a timeout."""


def changed_lines(source: str) -> dict[str, set[int] | None]:
    """Each mutant's lines of its original function that it changes, widened to whole statements; None when it
    changes the signature or the function's length (then every test of the function must run)."""
    lines = source.splitlines()
    funcs = {n.name: n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
    out: dict[str, set[int] | None] = {}
    for name, node in funcs.items():
        m = MUTANT.match(name)
        orig = funcs.get(f"{m.group(1)}__mutmut_orig") if m else None
        if m is None or orig is None or orig.end_lineno is None or node.end_lineno is None:
            continue
        a = [ln.replace(orig.name, "F") for ln in lines[orig.lineno - 1 : orig.end_lineno]]
        b = [ln.replace(name, "F") for ln in lines[node.lineno - 1 : node.end_lineno]]
        changed = [orig.lineno + i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y]
        if len(a) != len(b) or not changed or min(changed) < orig.body[0].lineno:
            out[name] = None
            continue
        span: set[int] = set()
        for line in changed:
            inner = [
                st
                for st in ast.walk(orig)
                if isinstance(st, ast.stmt) and st is not orig and st.lineno <= line <= (st.end_lineno or st.lineno)
            ]
            if not inner:
                break
            best = min(inner, key=lambda st: (st.end_lineno or st.lineno) - st.lineno)
            span.update(range(best.lineno, (best.end_lineno or best.lineno) + 1))
        else:
            out[name] = span
            continue
        out[name] = None
    return out


class LineRecheck:
    """The pytest plugin: replaces the run loop with a traced clean pass, then one selection per mutant."""

    def __init__(self, modules: list[str], names: list[str], out: Path, limit: int, trace: Path | None = None) -> None:
        self.modules, self.names, self.out, self.limit, self.trace = tuple(modules), names, out, limit, trace

    def module_of(self, name: str) -> str:
        """The --module holding a mutant: `compgraph.checks.sparql.plan.x_f__mutmut_1` is in sparql/plan.py."""
        dotted = name.rsplit(".", 1)[0].replace(".", "/")
        found = [m for m in self.modules if f"{dotted}.py".endswith(m) or f"{dotted}/__init__.py".endswith(m)]
        if len(found) != 1:
            raise pytest.UsageError(f"{name} is in {len(found)} of the modules given, not one: {', '.join(found)}")
        return found[0]

    @staticmethod
    def _run(items: list[pytest.Item], order: list[int]) -> int | None:
        for pos, i in enumerate(order):
            nxt = items[order[pos + 1]] if pos + 1 < len(order) else None
            if any(r.failed for r in runtestprotocol(items[i], nextitem=nxt, log=False)):
                return i
        return None

    def _clean_pass(
        self, items: list[pytest.Item]
    ) -> tuple[dict[tuple[str, str], set[int]], dict[tuple[str, int], set[int]], list[float]]:
        """Which tests reach each (file, function) and execute each (file, line), and each test's run time."""
        reach: dict[tuple[str, str], set[int]] = {}
        hits: dict[tuple[str, int], set[int]] = {}
        durations: list[float] = []
        current = 0

        def on_line(frame: FrameType, event: str, arg: Any) -> Any:
            if event == "line":
                hits.setdefault((frame.f_code.co_filename, frame.f_lineno), set()).add(current)
            return on_line

        def on_call(frame: FrameType, event: str, arg: Any) -> Any:
            if event != "call" or not frame.f_code.co_filename.endswith(self.modules):
                return None
            if frame.f_code.co_name.endswith("__mutmut_orig"):
                func = frame.f_code.co_name.removesuffix("__mutmut_orig")
                reach.setdefault((frame.f_code.co_filename, func), set()).add(current)
            return on_line

        failed = []
        for current, item in enumerate(items):
            started = time.monotonic()
            # threading.settrace too: sys.settrace follows only this thread, and run.rows_per_query builds each
            # query's text inside a thread pool, so its lines would look executed by no test
            threading.settrace(on_call)
            sys.settrace(on_call)
            try:
                reports = runtestprotocol(
                    item, nextitem=items[current + 1] if current + 1 < len(items) else None, log=False
                )
            finally:
                sys.settrace(None)
                threading.settrace(None)  # type: ignore[arg-type]
            durations.append(time.monotonic() - started)
            if any(r.failed for r in reports):
                failed.append(item.nodeid)
        if failed:
            raise pytest.UsageError(f"the unmutated code fails {len(failed)} tests, first {failed[0]}")
        return reach, hits, durations

    def _kept_pass(
        self, items: list[pytest.Item]
    ) -> tuple[dict[tuple[str, str], set[int]], dict[tuple[str, int], set[int]], list[float]]:
        """The clean pass, read from --trace when that file holds one of these very tests, else run and kept there
        (a package's clean pass can take longer than its mutants, so a stopped or split run need not repeat it)."""
        ids = [item.nodeid for item in items]
        if self.trace is not None and self.trace.exists():
            kept = json.loads(self.trace.read_text(encoding="utf-8"))
            if kept["tests"] == ids:
                return (
                    {(f, fn): set(t) for f, fn, t in kept["reach"]},
                    {(f, line): set(t) for f, line, t in kept["hits"]},
                    list(kept["durations"]),
                )
        reach, hits, durations = self._clean_pass(items)
        if self.trace is not None:
            kept = {
                "tests": ids,
                "durations": durations,
                "reach": [[f, fn, sorted(t)] for (f, fn), t in reach.items()],
                "hits": [[f, line, sorted(t)] for (f, line), t in hits.items()],
            }
            self.trace.write_text(json.dumps(kept), encoding="utf-8")
        return reach, hits, durations

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: pytest.Session) -> bool:
        done = {ln.split(": ")[0] for ln in self.out.read_text().splitlines()} if self.out.exists() else set()
        items = list(session.items)
        os.environ["MUTANT_UNDER_TEST"] = ""
        reach, hits, durations = self._kept_pass(items)
        files = [getattr(m, "__file__", None) or "" for m in list(sys.modules.values())]
        mutated = {m: next(f for f in files if f.endswith(m)) for m in self.modules}
        spans = {m: changed_lines(Path(f).read_text(encoding="utf-8")) for m, f in mutated.items()}
        killers: dict[tuple[str, str], list[int]] = {}

        def on_alarm(signum: int, frame: FrameType | None) -> None:
            raise Hang(f"over {self.limit} s")

        signal.signal(signal.SIGALRM, on_alarm)
        for name in self.names:
            if name in done:
                continue
            module = self.module_of(name)
            local = name.rsplit(".", 1)[1]
            func = (mutated[module], local.rsplit("__mutmut_", 1)[0])
            span = spans[module].get(local)
            pool = reach.get(func, set())
            if span is not None:
                pool = pool & set().union(*(hits.get((func[0], line), set()) for line in span))
            first = [i for i in killers.get(func, []) if i in pool]
            order = first + sorted(pool - set(first), key=lambda i: durations[i])
            os.environ["MUTANT_UNDER_TEST"] = name
            started = time.monotonic()
            signal.alarm(self.limit)
            try:
                killer = self._run(items, order)
            finally:
                signal.alarm(0)
                session._setupstate.teardown_exact(None)
                os.environ["MUTANT_UNDER_TEST"] = ""
            if killer is None:
                status = "survived" if order else "survived (no test executes what it changes)"
            else:
                # a Hang raised inside a test fails that test, so a timeout shows as its run time
                timed_out = time.monotonic() - started >= self.limit
                status = ("timeout " if timed_out else "") + f"killed {items[killer].nodeid}"
                killers[func] = [killer, *(i for i in killers.get(func, []) if i != killer)]
            with self.out.open("a", encoding="utf-8") as f:
                f.write(f"{name}: {status}\n")
        return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("copy", type=Path, help="a scratch copy kept by tools/mutation.py --keep")
    parser.add_argument(
        "--module",
        action="append",
        required=True,
        help="a mutated file's path ending, e.g. graph/catalog.py (repeatable: one clean pass serves them all)",
    )
    parser.add_argument("--names", type=Path, required=True, help="a file of mutant names, one a line")
    parser.add_argument("--out", type=Path, required=True, help="results are appended here")
    parser.add_argument("--tests", action="append", required=True, help="a test file (repeatable)")
    parser.add_argument("--limit", type=int, default=120, help="seconds a mutant may run")
    parser.add_argument(
        "--trace",
        type=Path,
        help="keep the clean pass in this JSON file and reuse it when it is of the same tests (for the same copy)",
    )
    args = parser.parse_args()
    names = [n.strip() for n in args.names.read_text(encoding="utf-8").splitlines() if n.strip()]
    out = args.out.resolve()
    trace = args.trace.resolve() if args.trace else None
    os.chdir(args.copy / "mutants")
    # the mutated sources must shadow the editable install, in this process and any subprocess a test starts
    sys.path.insert(0, str(Path("src").resolve()))
    os.environ["PYTHONPATH"] = str(Path("src").resolve())
    plugin = LineRecheck(args.module, names, out, args.limit, trace)
    return int(pytest.main([*args.tests, "-q", "-p", "no:cacheprovider", "--tb=native"], plugins=[plugin]))


if __name__ == "__main__":
    sys.exit(main())
