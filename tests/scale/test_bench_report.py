"""The benchmark's JSON document holds every figure, and the README's table is rendered from it alone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from compgraph.scale import bench, report

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "bench" / "two-baselines.json"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compgraph.cli", "bench", *args], capture_output=True, text=True, timeout=120
    )


def test_the_document_holds_every_figure_of_a_run() -> None:
    ours = {"build / load": 1.5, "open store": 0.1, "validate": 0.3, "findings": 17, "triples": 12000,
            "question: q": 0.01, "page / (cold)": 0.2, "peak memory (MB)": 130.0, "entities": {"system": "S1"}}
    base = {"build / load": 2.0, "validate": ">300s", "findings": 17, "peak memory (MB)": 460.0}
    doc = bench.document([bench.SizeResult("small", 12000, ours, base, "a note")], "shapes", "compgraph bench")
    (size,) = json.loads(json.dumps(doc))["sizes"]
    assert size["triples"] == 12000 and size["note"] == "a note"
    assert size["findings"] == {"compgraph": 17, report.BASELINE: 17}
    assert size["peak_memory_mb"] == {"compgraph": 130.0, report.BASELINE: 460.0}
    steps = {s["step"]: s for s in size["steps"]}
    assert steps["validate"] == {"step": "validate", "compgraph": 0.3, "baselines": {report.BASELINE: ">300s"}}
    assert steps["question: q"]["compgraph"] == 0.01 and steps["page / (cold)"]["compgraph"] == 0.2
    assert list(steps)[-1] == report.MEMORY


def test_the_table_is_rendered_from_a_saved_document_with_a_column_per_baseline() -> None:
    proc = _cli("--markdown", str(FIXTURE))
    assert proc.returncode == 0, proc.stderr
    rows = {line.split("|")[1].strip(): line for line in proc.stdout.splitlines() if line.startswith("| ")}
    assert "rdflib + pySHACL | ratio | pyrudof | ratio" in rows["step"]
    assert rows["validate"] == "| validate | 250.0 ms | 5.00 s | 20.0× | >300s | – |"
    assert "findings (rdflib + pySHACL: 17; pyrudof: 17)" in proc.stdout


def test_a_file_that_is_not_a_bench_document_is_refused_in_one_line_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "figures.json"
    bad.write_text(json.dumps({"format": "compgraph-bench/1", "sizes": [{"size": "small"}]}), encoding="utf-8")
    proc = _cli("--markdown", str(bad))
    assert proc.returncode == 2 and proc.stdout == ""
    (line,) = proc.stderr.strip().splitlines()
    assert str(bad) in line and "sizes[0].triples" in line


def test_a_baseline_without_findings_shows_none_and_no_check_while_one_that_ran_shows_its_check() -> None:
    ours = {"validate": 0.3, "findings": 17, "triples": 12000}
    extra = {
        "pyrudof": {"build / load": 0.9, "validate": ">600s"},
        "Apache Jena SHACL": {
            "validate": 2.0, "findings": 17, "version": "4.5.0", "findings check": "17 (same as compgraph)"
        },
    }
    doc = bench.document([bench.SizeResult("small", 12000, ours, None, "", extra)], "shapes", "compgraph bench")
    table = report.markdown(json.loads(json.dumps(doc)))
    assert "validation 17 findings (Apache Jena SHACL: 17; pyrudof: –)" in table
    assert "  - Apache Jena SHACL 4.5.0 findings: 17 (same as compgraph)" in table.splitlines()
    assert "pyrudof findings" not in table
