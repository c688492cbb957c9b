"""Time travel: snapshots kept compressed with their hash, and `diff` naming what changed between two."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from storetools import cg as run

PLANTED = """@prefix cg: <https://w3id.org/compgraph/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/compgraph/id/control/ctl-planted> a cg:Control ;
    dcterms:identifier "ctl-planted" ; rdfs:label "Planted control" .
"""


def cg(store: Path, *args: str) -> tuple[int, str]:
    """The real command in a subprocess (each opens and closes the store as a user's would)."""
    res = run(store, *args)
    return res.returncode, res.stdout + res.stderr


@pytest.fixture(scope="module")
def two_snapshots(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """The demo, a snapshot, a planted control, a second snapshot."""
    work = tmp_path_factory.mktemp("snap")
    store = work / "store"
    assert cg(store, "build")[0] == 0
    first = cg(store, "snapshot")[1].split()[1].rstrip(":")
    (work / "planted.ttl").write_text(PLANTED, encoding="utf-8")
    assert cg(store, "load", str(work / "planted.ttl"))[0] == 0
    second = cg(store, "snapshot")[1].split()[1].rstrip(":")
    return store, first, second


def test_a_snapshot_is_compressed_nquads_with_its_hash(two_snapshots: tuple[Path, str, str]) -> None:
    store, first, _ = two_snapshots
    record = json.loads((store / "snapshots" / f"{first}.json").read_text())
    quads = gzip.decompress((store / "snapshots" / f"{first}.nq.gz").read_bytes()).decode()
    assert record["quads"] == quads.count("\n") > 10_000


def test_diff_between_two_snapshots_shows_the_planted_control(two_snapshots: tuple[Path, str, str]) -> None:
    store, first, second = two_snapshots
    code, out = cg(store, "diff", first, second, "--format", "json", "--as-of", "2026-11-22")
    assert code == 0, out
    result = json.loads(out)
    assert result["controls"] == {"added": ["ctl-planted"], "removed": [], "changed": []}
    assert result["obligations"] == {"added": [], "removed": [], "changed": []}


def test_diff_the_other_way_shows_it_removed(two_snapshots: tuple[Path, str, str]) -> None:
    store, first, second = two_snapshots
    code, out = cg(store, "diff", second, first, "--as-of", "2026-11-22")
    assert code == 0, out
    assert "controls removed (1): ctl-planted" in out


def test_an_altered_snapshot_is_refused(two_snapshots: tuple[Path, str, str], tmp_path: Path) -> None:
    store, first, second = two_snapshots
    path = store / "snapshots" / f"{first}.nq.gz"
    original = path.read_bytes()
    try:
        path.write_bytes(gzip.compress(gzip.decompress(original) + b"<urn:x> <urn:y> <urn:z> .\n"))
        code, out = cg(store, "diff", first, second)
    finally:
        path.write_bytes(original)
    assert code == 2
    assert "does not match its recorded SHA-256" in out


def test_an_unknown_snapshot_is_one_line_and_exit_2(two_snapshots: tuple[Path, str, str]) -> None:
    store, _, _ = two_snapshots
    code, out = cg(store, "diff", "yesterday-ish", "now")
    assert code == 2
    assert "'yesterday-ish' is not a snapshot name or a date" in out
