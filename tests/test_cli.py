"""End to end through the `compgraph` command on the shipped demo, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

AS_OF = "2026-11-22"


def cg(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compgraph.cli", "--store", str(store), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    out = cg(path, "build")
    assert out.returncode == 0, out.stderr
    return path


def test_build_reports_the_graphs_it_loaded(store: Path) -> None:
    out = cg(store, "build")
    assert out.returncode == 0
    assert "graph/document/eu-coc-deployers" in out.stdout


def test_stats_prints_obligations_per_document_and_modality(store: Path) -> None:
    out = cg(store, "stats", "--format", "json")
    by_doc = json.loads(out.stdout)["obligations_by_document"]
    assert by_doc["eu-coc-deployers"] == {"mandatory": 70, "recommended": 110}
    assert by_doc["mozart-rai-policy"] == {"mandatory": 19, "commitment": 106}
    assert by_doc["rai-usage-template"] == {"mandatory": 13, "recommended": 1, "commitment": 2, "prohibition": 6}


def test_validate_exits_1_and_names_every_planted_gap(store: Path) -> None:
    out = cg(store, "validate", "--as-of", AS_OF)
    assert out.returncode == 1, out.stderr
    for expected in (
        "High-risk system Customer credit-limit recommender has no human-oversight control",
        "High-risk system Candidate ranking assistant has no impact assessment",
        "Customer support chatbot implements control CTL-MON-01 with no evidence valid",
        "Mozart Ltd implements control CTL-LT-02 with no evidence valid",
        "Training dataset CRM interaction history contains personal data but has no recorded legal basis",
        "Contract summarisation assistant was last reviewed on 2026-03-01",
        "Mandatory obligation COC-16-09",
    ):
        assert expected in out.stdout


def test_validate_as_json_lists_findings_with_focus_nodes(store: Path) -> None:
    out = cg(store, "validate", "--as-of", AS_OF, "--format", "json")
    report = json.loads(out.stdout)
    assert report["conforms"] is False
    assert any(f["focus"].endswith("system/sys-credit-limit") for f in report["findings"])


def test_a_bad_date_is_exit_2_with_one_line(store: Path) -> None:
    out = cg(store, "validate", "--as-of", "2026-13-01")
    assert out.returncode == 2
    assert "is not a date" in out.stderr
    assert "Traceback" not in out.stderr


def test_trace_of_the_annex_iii_system_shows_obligations_evidence_and_gaps(store: Path) -> None:
    out = cg(store, "trace", "sys-cv-screener", "--as-of", AS_OF)
    assert out.returncode == 0, out.stderr
    assert "Annex III: Employment" in out.stdout
    assert "binding obligations" in out.stdout
    assert "evidence ev-cv-screener-ho-01" in out.stdout  # current evidence is shown
    assert "EXPIRED" in out.stdout  # the expired impact assessment is flagged
    assert "no control is mapped to this obligation" in out.stdout


def test_trace_of_an_obligation_reaches_evidence(store: Path) -> None:
    out = cg(store, "trace", "MOZ-2.2-03", "--as-of", AS_OF)
    assert out.returncode == 0, out.stderr
    assert "control CTL-TN-01" in out.stdout
    assert "evidence ev-" in out.stdout


def test_trace_of_an_unknown_id_is_exit_2(store: Path) -> None:
    out = cg(store, "trace", "NOPE-1")
    assert out.returncode == 2
    assert "no node with id 'NOPE-1'" in out.stderr or "NOPE-1" in out.stderr


def test_a_query_the_engine_cannot_evaluate_is_exit_2_blaming_the_query(store: Path, tmp_path: Path) -> None:
    rq = tmp_path / "unknown-function.rq"
    rq.write_text("SELECT ?s WHERE { ?s ?p ?o } ORDER BY (<urn:f>(?s)) LIMIT 1\n", encoding="utf-8")
    out = cg(store, "query", str(rq))
    assert out.returncode == 2, out.stderr
    assert "the query failed: The custom function <urn:f> is not supported" in out.stderr
    assert "cannot read the store" not in out.stderr and "Traceback" not in out.stderr


def test_a_syntax_error_in_a_query_file_names_the_file_and_its_own_line(store: Path, tmp_path: Path) -> None:
    rq = tmp_path / "typo.rq"
    rq.write_text("PREFIX x: <urn:x:>\nSELECT * WHERE { ?s x:p ?o . ?s nope:q ?z }\n", encoding="utf-8")
    out = cg(store, "query", str(rq))
    assert out.returncode == 2
    # Line 2, column 39 of the file (where `nope:` is), not the line of the text with compgraph's PREFIXes in front.
    assert f"Error: {rq}:2:39: " in out.stderr


@pytest.mark.parametrize(
    "option",
    [["--port", "99999"], ["--port", "0"], ["--timeout", "0"], ["--timeout", "-1"], ["--max-results", "0"]],
    ids=lambda o: " ".join(o),
)
def test_serve_refuses_an_option_out_of_range_before_starting(store: Path, option: list[str]) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "compgraph.cli", "--store", str(store), "serve", *option],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,  # a server that starts never returns: the test then fails rather than hangs
    )
    assert out.returncode == 2
    assert f"Invalid value for '{option[0]}'" in out.stderr


def test_building_with_a_broken_organisation_file_is_exit_2_and_keeps_the_store(store: Path, tmp_path: Path) -> None:
    before = cg(store, "stats", "--format", "json").stdout
    broken = tmp_path / "org.yaml"
    broken.write_text("organisation:\n  id: x\n  name: X\nsystems:\n  - id: s1\n    label: S\n    risk: [\n")
    out = cg(store, "build", "--org", str(broken))
    assert out.returncode == 2
    assert "org.yaml:" in out.stderr
    assert cg(store, "stats", "--format", "json").stdout == before


def test_help_documents_four_distinct_exit_codes() -> None:
    out = subprocess.run([sys.executable, "-m", "compgraph.cli", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    for line in ("0  success", "1  validate found violations", "2  bad input or usage", "3  store unavailable"):
        assert line in out.stdout
