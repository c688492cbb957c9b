"""`pip install .` (not only editable) ships the ontology, mappings and web assets inside the wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
        check=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    return next(out.glob("compgraph-*.whl"))


def test_the_wheel_contains_ontology_mappings_and_web_assets(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "compgraph/_data/ontology/compgraph.ttl" in names
    assert "compgraph/_data/mappings/controls.yaml" in names
    assert "compgraph/_data/mappings/demo/mozart.yaml" in names
    assert any(n.startswith("compgraph/_data/ontology/shapes/") for n in names)
    assert any(n.startswith("compgraph/_data/ontology/queries/") and n.endswith(".rq") for n in names)
    assert any(n.startswith("compgraph/_data/web/templates/") for n in names)


def test_an_installed_wheel_builds_the_demo_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], check=True
    )
    code = (
        "import compgraph.graph.paths as p, compgraph.graph.build as b, compgraph.graph.store as s;"
        "assert '_data' in str(p.ontology_dir()), p.ontology_dir();"
        "st = s.LocalStore('store'); n = b.build(st); print(sum(n.values()))"
    )
    env = {k: v for k, v in os.environ.items() if k != "COMPGRAPH_DATA_DIR"}
    env["PYTHONPATH"] = str(target)
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) > 1000
