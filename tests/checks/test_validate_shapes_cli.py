"""`compgraph validate --shapes`: the user's shapes instead of (or with) the shipped ones; stderr names the engines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_cli import cg  # the CLI run as a user runs it (tests/test_cli.py)

PREFIXES = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix t: <https://example.org/t#> .
@prefix cg: <https://w3id.org/compgraph/ontology#> .
"""
SHAPES = PREFIXES + "t:S a sh:NodeShape ; sh:targetNode t:x ; sh:property [ sh:path t:q ; sh:minCount 1 ] .\n"
WARNING = PREFIXES + (
    "t:W a sh:NodeShape ; sh:targetNode t:x ; sh:property [ sh:path t:q ; sh:minCount 1 ; sh:severity sh:Warning ] .\n"
)
RECURSIVE = PREFIXES + "t:R a sh:NodeShape ; sh:targetNode t:x ; sh:property [ sh:path t:p ; sh:node t:R ] .\n"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    data = tmp_path / "data.ttl"
    data.write_text(PREFIXES + "t:x t:p t:y .\n")
    path = tmp_path / "store"
    out = cg(path, "load", str(data))
    assert out.returncode == 0, out.stderr
    return path


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_validate_shapes_replaces_the_shipped_shapes(store: Path, tmp_path: Path) -> None:
    out = cg(store, "validate", "--no-save", "--format", "json", "--shapes", str(write(tmp_path, "s.ttl", SHAPES)))
    assert out.returncode == 1, out.stderr
    report = json.loads(out.stdout)
    assert [(f["focus"], f["path"]) for f in report["findings"]] == [("https://example.org/t#x", "https://example.org/t#q")]
    assert report["engine"]["sparql"] == ["https://example.org/t#S"]


def test_validate_shapes_shipped_adds_the_shipped_shapes(store: Path, tmp_path: Path) -> None:
    write(tmp_path, "s.ttl", SHAPES)
    out = cg(store, "validate", "--no-save", "--format", "json", "--shapes", str(tmp_path), "--shapes", "shipped")
    ran = json.loads(out.stdout)["engine"]["sparql"]
    assert "https://example.org/t#S" in ran and any(name.startswith("cg:") or "compgraph" in name for name in ran)


def test_a_folder_of_shapes_is_read_file_by_file(store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "shapes"
    folder.mkdir()
    write(folder, "a.ttl", SHAPES)
    write(folder, "b.ttl", WARNING)
    out = cg(store, "validate", "--no-save", "--format", "json", "--shapes", str(folder))
    assert json.loads(out.stdout)["counts"] == {"Violation": 1, "Warning": 1}


def test_a_missing_shapes_path_is_one_line_naming_it(store: Path, tmp_path: Path) -> None:
    out = cg(store, "validate", "--shapes", str(tmp_path / "nope.ttl"))
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [f"Error: {tmp_path / 'nope.ttl'}: no such shapes file or folder"]


def test_a_bad_shapes_file_is_one_line_naming_file_and_line(store: Path, tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.ttl", PREFIXES + "t:S a sh:NodeShape ;\n  sh:targetNode t:x t:y .\n")
    out = cg(store, "validate", "--shapes", str(bad))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.startswith(f"Error: {bad}") and len(out.stderr.strip().splitlines()) == 1


def test_stderr_says_which_engine_ran_which_shapes(store: Path, tmp_path: Path) -> None:
    write(tmp_path, "s.ttl", SHAPES)
    write(tmp_path, "r.ttl", RECURSIVE)
    out = cg(store, "validate", "--no-save", "--shapes", str(tmp_path))
    assert "sparql engine ran 1 shape: https://example.org/t#S" in out.stderr
    assert "pyshacl engine ran 1 shape: https://example.org/t#R" in out.stderr
    assert "recursive" in out.stderr


def test_warnings_alone_exit_0_while_the_report_says_it_does_not_conform(store: Path, tmp_path: Path) -> None:
    out = cg(store, "validate", "--no-save", "--format", "json", "--shapes", str(write(tmp_path, "w.ttl", WARNING)))
    assert out.returncode == 0
    assert json.loads(out.stdout)["conforms"] is False
    help_text = " ".join(cg(store, "validate", "--help").stdout.split())
    assert "warnings and infos alone exit 0" in help_text and "sh:conforms false" in help_text
