"""``compgraph bench --quick`` runs end to end and prints every row of its table (timings are not checked),
with every validation baseline: one that is there checks its findings, one that is not says why."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from compgraph.scale.bench import AFTER_WRITE, PAGES, RESTART_KINDS

REPO = Path(__file__).resolve().parents[2]
BASELINES = ["--baseline", "pyshacl", "--baseline", "pyrudof", "--baseline", "jena"]


@pytest.fixture(scope="module")
def quick(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    """One quick run with every baseline, Jena's java pointed at a path where there is none."""
    tmp = tmp_path_factory.mktemp("bench-quick")
    out, figures = tmp / "table.md", tmp / "figures.json"
    env = {**os.environ, "COMPGRAPH_JAVA": str(tmp / "no-java-here")}
    proc = subprocess.run(
        [sys.executable, "-m", "compgraph.cli", "bench", "--quick", *BASELINES, "-o", str(out), "--json", str(figures)],
        capture_output=True,
        text=True,
        cwd=tmp,
        timeout=900,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc, tmp


def _rows(table: str) -> dict[str, list[str]]:
    return {line.split("|")[1].strip(): [c.strip() for c in line.split("|")[2:-1]]
            for line in table.splitlines() if line.startswith("| ")}


def test_quick_bench_prints_the_whole_table(quick: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    proc, tmp_path = quick
    out, figures = tmp_path / "table.md", tmp_path / "figures.json"
    table = proc.stdout
    assert table == out.read_text(encoding="utf-8")
    assert table.startswith("Machine: ") and "pyoxigraph" in table and "pyshacl" in table
    assert "| step | small (" in table
    rows = {line.split("|")[1].strip() for line in table.splitlines() if line.startswith("| ")}
    expected = {"build / load", "open store", "validate", "trace one system", "trace one obligation"}
    expected |= {f"page {p}" for p in PAGES} | {f"page {p}{AFTER_WRITE}" for p in PAGES}
    # Each page's first request in a fresh process: nothing kept, pages kept, and after a write no server saw.
    expected |= {f"page {p} (cold{how})" for p in PAGES for how in RESTART_KINDS.values()}
    expected.add("peak memory (MB)")
    questions = sorted(p.stem for p in (REPO / "ontology" / "queries").glob("*.rq"))
    expected |= {f"question: {q}" for q in questions} | {f"question: {q} (asked again)" for q in questions}
    assert expected <= rows, f"missing rows: {sorted(expected - rows)}"
    # Our side must have produced a figure for each step (the baseline may report its own errors).
    for line in table.splitlines():
        if line.startswith("| ") and not line.startswith("| step"):
            ours = line.split("|")[2].strip()
            assert ours and not ours.startswith(("error", ">")), line
    # The table is made from the JSON document, so rendering the saved document gives the same table.
    again = subprocess.run(
        [sys.executable, "-m", "compgraph.cli", "bench", "--markdown", str(figures)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout == table


def test_a_baseline_that_is_not_installed_gets_a_column_saying_why_and_the_bench_goes_on(
    quick: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    proc, tmp = quick
    rows = _rows(proc.stdout)
    assert rows["step"][1:] == ["rdflib + pySHACL", "ratio", "Apache Jena SHACL", "ratio", "pyrudof", "ratio"]
    why = f"not installed: no java at {tmp / 'no-java-here'} (Java 17: apt-get install openjdk-17-jdk-headless)"
    assert rows["validate"][3] == why and rows["build / load"][3] == why


def test_every_baseline_that_ran_has_its_findings_checked_against_compgraphs(
    quick: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    proc, _ = quick
    rows = _rows(proc.stdout)
    assert rows["validate"][5].endswith((" s", " ms")), rows["validate"]  # pyrudof measured
    found = next(line for line in proc.stdout.splitlines() if line.startswith("- small: "))
    n = found.split("validation ")[1].split(" findings")[0]
    notes = proc.stdout.splitlines()
    assert f"  - rdflib + pySHACL findings: {n} (same as compgraph)" in notes
    same = f"findings: {n} (same as compgraph)"
    assert any(line.startswith("  - pyrudof 0.") and line.endswith(same) for line in notes), notes


def test_baseline_above_the_cap_loads_and_validates_but_runs_no_workload(tmp_path: Path, demo_store) -> None:
    import pyoxigraph as ox

    from compgraph.scale.bench import child_baseline

    with (tmp_path / "data.nt").open("wb") as fh:
        for g in demo_store.graph_names():
            demo_store.oxigraph.dump(fh, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g))
    out = child_baseline(tmp_path, {}, validate_only=True)
    assert isinstance(out["validate"], float) and out["findings"] > 0
    assert not [k for k in out if k.startswith(("question: ", "trace ", "page "))]
