"""`make demo` as a user runs it: its compgraph commands, read from the Makefile, on a fresh store."""

from __future__ import annotations

import re
import shlex
import signal
import subprocess
from pathlib import Path

import pytest
import requests
from e2e_cli import REPO, run, served, stop

SPARQL_JSON = "application/sparql-results+json"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def demo_recipe() -> list[list[str]]:
    """The compgraph command lines of the Makefile's `demo` target, as argument lists (`$(BIN)/compgraph` dropped)."""
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^demo:.*\n((?:\t.*\n)+)", text, re.M)
    assert recipe, "the Makefile has no demo target"
    lines = []
    for line in recipe.group(1).splitlines():
        cmd = line.strip().split(";")[0]
        if cmd.startswith("$(BIN)/compgraph"):
            lines.append(shlex.split(cmd)[1:])
    return lines


def fill(args: list[str], store: Path, port: int) -> list[str]:
    values = {"$(STORE)": str(store), "$(HOST)": "127.0.0.1", "$(PORT)": str(port)}
    return [values.get(a, a) for a in args]


@pytest.fixture(scope="module")
def recipe() -> dict[str, list[str]]:
    steps = {next(a for a in args if not a.startswith("-") and not a.startswith("$(")): args for args in demo_recipe()}
    assert list(steps) == ["build", "stats", "validate", "serve"], f"the demo recipe changed: {list(steps)}"
    return steps


@pytest.fixture(scope="module")
def build_run(
    recipe: dict[str, list[str]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    cwd = tmp_path_factory.mktemp("demo")
    store = cwd / "compgraph-data"
    return cwd, store, run(*fill(recipe["build"], store, 0), cwd=cwd)


@pytest.fixture(scope="module")
def built(build_run: tuple[Path, Path, subprocess.CompletedProcess[str]]) -> tuple[Path, Path]:
    """(working directory, store) after the recipe's build step on a fresh store."""
    cwd, store, res = build_run
    assert res.returncode == 0, res.stderr
    return cwd, store


def test_build_loads_every_shipped_graph(build_run: tuple[Path, Path, subprocess.CompletedProcess[str]]) -> None:
    _, store, res = build_run
    assert res.returncode == 0, res.stderr
    assert store.is_dir()
    for graph in ("graph/ontology", "graph/controls", "graph/crosswalk", "graph/organisation/mozart"):
        assert graph in res.stdout, f"build did not report {graph}"


def test_stats_reports_the_demo(recipe: dict[str, list[str]], built: tuple[Path, Path]) -> None:
    cwd, store = built
    res = run(*fill(recipe["stats"], store, 0), cwd=cwd)
    assert res.returncode == 0, res.stderr
    assert "mozart" in res.stdout.lower() or "Mozart" in res.stdout
    assert re.search(r"\b\d{3,}\b", res.stdout), "stats shows no counts"


def test_stats_counts_the_ai_act_as_a_fourth_document(recipe: dict[str, list[str]], built: tuple[Path, Path]) -> None:
    cwd, store = built
    res = run(*fill(recipe["stats"], store, 0), cwd=cwd)
    assert "eu-ai-act: 125 (mandatory 114, permission 9, prohibition 2)" in res.stdout
    assert "Obligation 452" in res.stdout


def test_an_act_article_is_covered_by_the_control_of_the_code_duty_restating_it(built: tuple[Path, Path]) -> None:
    """AIA-15-5 has no crosswalk row of its own: COC-13-08 restates it (skos:closeMatch), so CTL-ST-01 covers it."""
    cwd, store = built
    res = run("--store", str(store), "trace", "AIA-15-5", cwd=cwd)
    assert res.returncode == 0, res.stderr
    assert "status: covered" in res.stdout and "control CTL-ST-01" in res.stdout


def test_validate_exits_1_with_the_planted_gaps(recipe: dict[str, list[str]], built: tuple[Path, Path]) -> None:
    cwd, store = built
    res = run(*fill(recipe["validate"], store, 0), cwd=cwd)
    assert res.returncode == 1, f"exit {res.returncode}\n{res.stdout[-2000:]}\n{res.stderr[-2000:]}"
    for planted in (
        "has no human-oversight control",
        "contains personal data but has no recorded legal basis",
    ):
        assert planted in res.stdout, planted


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_serve_answers_pages_and_sparql_then_stops_cleanly(
    recipe: dict[str, list[str]], built: tuple[Path, Path], sig: signal.Signals
) -> None:
    cwd, store = built
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with served(fill(recipe["serve"], store, port), cwd, base) as proc:
        home = requests.get(base + "/", timeout=60)
        assert home.status_code == 200 and "Mozart" in home.text
        ask = requests.get(
            base + "/sparql",
            params={"query": "ASK { ?s a <https://w3id.org/compgraph/ontology#AISystem> }"},
            headers={"Accept": SPARQL_JSON},
            timeout=60,
        )
        assert ask.status_code == 200 and ask.json()["boolean"] is True
        bad = requests.get(base + "/sparql", params={"query": "SELEC nonsense"}, timeout=60)
        assert bad.status_code == 400
        status, err = stop(proc, sig)
    assert "Traceback" not in err, err[-2000:]
    assert status in (0, -sig, 128 + sig), f"serve ended with {status} on {sig.name}\n{err[-2000:]}"
    # The stopped server left the store whole and unlocked: the next command opens it.
    after = run("--store", str(store), "stats", cwd=cwd)
    assert after.returncode == 0, after.stderr
