"""The validation baselines of ``compgraph bench --baseline``: pyrudof and Apache Jena's SHACL validate the same
triples with the same shapes as compgraph, and the bench says whether they found the same results.

Both engines run for real (pyrudof from PyPI, Jena from Debian's libapache-jena-java) on one small generated
organisation; under CI=true a missing one fails here rather than being skipped."""

from __future__ import annotations

import os
import stat
from collections import Counter
from pathlib import Path

import pytest

from compgraph.checks.validate import validate_store
from compgraph.graph.store import LocalStore
from compgraph.scale import baselines, bench
from compgraph.scale import generate as gen


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the bench's ``ours`` child leaves for the baselines: data.nt, shapes.ttl, run.nt and its own findings."""
    work = tmp_path_factory.mktemp("bench-baselines")
    store = LocalStore(work / "store")
    gen.load_into(store, gen.Spec(2000, 1, bench.AS_OF))
    shapes, _ = bench.bench_shapes()
    outcome = validate_store(store, bench.AS_OF, shapes, save=False)
    bench.write_baseline_inputs(store, shapes, work)
    baselines.save_keys(baselines.result_keys(outcome.report), work / "findings-compgraph.json")
    store.close()
    assert outcome.findings, "the generated organisation has planted gaps: an empty report would prove nothing"
    return work


def _compgraph_findings(work: Path) -> int:
    return sum(baselines.load_keys(work / "findings-compgraph.json").values())


def test_pyrudof_validates_the_same_triples_and_finds_what_compgraph_finds(workdir: Path) -> None:
    figures = baselines.measure("pyrudof", workdir, validate_limit=600)
    assert isinstance(figures["build / load"], float) and isinstance(figures["validate"], float), figures
    assert figures["findings"] == _compgraph_findings(workdir)
    assert figures["findings check"] == f"{figures['findings']} (same as compgraph)"
    assert figures["peak memory (MB)"] > 0


def test_jena_validates_the_same_triples_and_finds_what_compgraph_finds(workdir: Path) -> None:
    figures = baselines.measure("jena", workdir, validate_limit=600)
    assert isinstance(figures["build / load"], float) and isinstance(figures["validate"], float), figures
    assert figures["version"].startswith("4.") and "Java 17" in figures["version"]
    assert figures["findings"] == _compgraph_findings(workdir)
    assert figures["findings check"] == f"{figures['findings']} (same as compgraph)"


def test_a_baseline_that_finds_other_results_is_never_called_the_same(workdir: Path) -> None:
    ours = baselines.load_keys(workdir / "findings-compgraph.json")
    theirs = Counter(ours)
    dropped = next(k for k in ours if k[2] == "<http://www.w3.org/ns/shacl#SPARQLConstraintComponent>")
    theirs[dropped] -= 1
    theirs += Counter()  # a count of 0 is no result
    extra = ("<https://example.org/x>", None, "<http://www.w3.org/ns/shacl#MinCountConstraintComponent>", None,
             None, "<http://www.w3.org/ns/shacl#Violation>", None)
    theirs[extra] += 1
    text = baselines.compare(ours, theirs, "pyrudof")
    n = sum(ours.values())
    assert text.startswith(f"{n}, NOT the same as compgraph's {n}"), text
    assert "1 only in compgraph (" in text and "SPARQLConstraintComponent" in text
    assert "1 only in pyrudof (a blank node MinCountConstraintComponent: 1)" in text


def test_a_java_that_is_not_there_gives_a_column_saying_why(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMPGRAPH_JAVA", str(workdir / "no-such-java"))
    figures = baselines.measure("jena", workdir, validate_limit=600)
    assert figures["validate"] == f"not installed: no java at {workdir / 'no-such-java'} " \
        "(Java 17: apt-get install openjdk-17-jdk-headless)"
    assert "findings" not in figures


def test_a_java_that_is_no_program_gives_a_column_saying_why(
    workdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    java = tmp_path / "java"
    java.write_text("not a program\n", encoding="utf-8")
    java.chmod(java.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("COMPGRAPH_JAVA", str(java))
    figures = baselines.measure("jena", workdir, validate_limit=600)
    assert figures["validate"] == f"error: cannot start {java}: Exec format error", figures


def test_jars_that_are_not_there_give_a_column_saying_why(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMPGRAPH_JENA_LIB", str(workdir))
    figures = baselines.measure("jena", workdir, validate_limit=600)
    assert figures["validate"] == f"not installed: no jena-shacl.jar in {workdir} (apt-get install libapache-jena-java)"


def test_a_validation_over_its_time_limit_is_stopped_and_reported_as_a_lower_bound(
    workdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A stand-in for java that parses in no time and then never finishes validating.
    java = tmp_path / "java"
    java.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = -version ]; then echo \'openjdk version "17"\' >&2; exit 0; fi\n'
        "echo '{\"build / load\": 0.5}'\n"
        "exec tail -f /dev/null\n",
        encoding="utf-8",
    )
    java.chmod(java.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("COMPGRAPH_JAVA", str(java))
    figures = baselines.measure("jena", workdir, validate_limit=1)
    assert figures["build / load"] == 0.5 and figures["validate"] == ">1s"
    assert "findings" not in figures


def test_a_baseline_that_fails_says_what_went_wrong(tmp_path: Path) -> None:
    # An empty work folder: no data.nt to read.
    figures = baselines.measure("pyrudof", tmp_path, validate_limit=600)
    assert figures["validate"].startswith("error: ") and "data.nt" in figures["validate"], figures
    assert os.path.exists(tmp_path / "pyrudof.stderr")
