"""``compgraph bench --quick`` runs end to end and prints every row of its table (timings are not checked)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from compgraph.scale.bench import PAGES

REPO = Path(__file__).resolve().parents[2]


def test_quick_bench_prints_the_whole_table(tmp_path: Path) -> None:
    out, figures = tmp_path / "table.md", tmp_path / "figures.json"
    proc = subprocess.run(
        [sys.executable, "-m", "compgraph.cli", "bench", "--quick", "-o", str(out), "--json", str(figures)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    table = proc.stdout
    assert table == out.read_text(encoding="utf-8")
    assert table.startswith("Machine: ") and "pyoxigraph" in table and "pyshacl" in table
    assert "| step | small (" in table
    rows = {line.split("|")[1].strip() for line in table.splitlines() if line.startswith("| ")}
    expected = {"build / load", "open store", "validate", "trace one system", "trace one obligation"}
    expected |= {f"page {p}" for p in PAGES}
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


def test_baseline_above_the_cap_loads_and_validates_but_runs_no_workload(tmp_path: Path, demo_store) -> None:
    import pyoxigraph as ox

    from compgraph.scale.bench import child_baseline

    with (tmp_path / "data.nt").open("wb") as fh:
        for g in demo_store.graph_names():
            demo_store.oxigraph.dump(fh, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g))
    out = child_baseline(tmp_path, {}, validate_only=True)
    assert isinstance(out["validate"], float) and out["findings"] > 0
    assert not [k for k in out if k.startswith(("question: ", "trace ", "page "))]
