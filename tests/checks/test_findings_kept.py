"""An incremental run on unchanged data takes the last run's findings as kept (``checks.keptfindings``) instead of
making them again, and stays the full run's: the same findings, the report made when asked for, the evidence files
checked afresh, and the report graph saved whenever it may not hold this run's report (issue #18)."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.namespace import RDF
from test_incremental import AS_OF

from compgraph.checks import incremental, keptfindings
from compgraph.checks import report as report_mod
from compgraph.checks.incremental import validate_incremental
from compgraph.checks.report import REPORT_GRAPH, save_report
from compgraph.checks.shapes import load_shapes
from compgraph.checks.validate import validate_store
from compgraph.graph import paths
from compgraph.graph.namespaces import CG, graph_iri
from compgraph.graph.store import LocalStore
from compgraph.scale import bench


@pytest.fixture
def store(small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalStore]:
    monkeypatch.setattr(report_mod, "_now", lambda: "2026-11-22T09:00:00+00:00")
    # Evidence files are read relative to the parent of the mappings folder: this test's folder.
    monkeypatch.setattr(paths, "mappings_dir", lambda: tmp_path / "mappings")
    shutil.copytree(small, tmp_path / "store")
    s = LocalStore(tmp_path / "store")
    yield s
    s.close()


# One parse for every run and save: a blank source shape is named from its description in the shapes graph given.
SHAPES = load_shapes()


def _settled(s: LocalStore, save: bool = True) -> incremental.Incremental:
    """Runs until one takes the kept findings (the second sees the first one's own save)."""
    for _ in range(3):
        run = validate_incremental(s, AS_OF, SHAPES, save=save)
    return run


def _no_findings_made(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_a: object) -> None:
        raise AssertionError("findings were made from the rows")

    monkeypatch.setattr(incremental, "findings_from_rows", refuse)


def _lines(s: LocalStore) -> set[str]:
    return {str(q) for q in s.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(REPORT_GRAPH))}


def _whole_save_lines(outcome: report_mod.Outcome, tmp_path: Path, name: str = "fresh") -> set[str]:
    fresh = LocalStore(tmp_path / name)
    save_report(fresh, outcome, SHAPES)
    lines = _lines(fresh)
    fresh.close()
    return lines


def test_a_run_on_unchanged_data_takes_the_kept_findings_which_are_the_full_runs(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    _settled(store)
    with monkeypatch.context() as m:
        _no_findings_made(m)
        run = validate_incremental(store, AS_OF, SHAPES)
    assert run.rerun == 0 and not run.why_full
    full = validate_store(store, AS_OF, SHAPES, save=False)
    assert run.outcome.findings == full.findings
    assert run.outcome.conforms == full.conforms


def test_the_report_of_kept_findings_is_made_when_asked_for_and_is_the_full_runs(
    store: LocalStore, tmp_path: Path
) -> None:
    run = _settled(store)
    assert run.rerun == 0
    full = validate_store(store, AS_OF, SHAPES, save=False)
    assert _whole_save_lines(run.outcome, tmp_path, "kept") == _whole_save_lines(full, tmp_path, "full")


def test_after_runs_that_did_not_save_the_report_is_saved_even_with_nothing_changed(
    store: LocalStore, tmp_path: Path
) -> None:
    _settled(store)
    bench._change_risk(store)  # the findings move, and the runs below do not save them
    _settled(store, save=False)
    run = validate_incremental(store, AS_OF, SHAPES)
    assert run.rerun == 0
    assert _lines(store) == _whole_save_lines(run.outcome, tmp_path)


def test_an_evidence_file_changed_on_disk_is_found_and_saved_although_the_store_did_not_change(
    store: LocalStore, tmp_path: Path
) -> None:
    log = tmp_path / "log.txt"
    log.write_bytes(b"the log\n")
    digest = hashlib.sha256(log.read_bytes()).hexdigest()
    store.replace_graph(
        graph_iri("evidence-test"),
        (f"<urn:x:ev> <{RDF.type}> <{CG.Evidence}> .\n<urn:x:ev> <{CG.file}> \"log.txt\" .\n"
         f"<urn:x:ev> <{CG.sha256}> \"{digest}\" .\n").encode(),
    )
    before = _settled(store)
    assert not [f for f in before.outcome.findings if f.focus == "urn:x:ev" and "SHA-256" in f.message]
    log.write_bytes(b"the log, changed\n")
    run = validate_incremental(store, AS_OF, SHAPES)
    assert run.rerun == 0
    assert [f.focus for f in run.outcome.findings if "has SHA-256" in f.message] == ["urn:x:ev"]
    assert _lines(store) == _whole_save_lines(run.outcome, tmp_path)


def test_kept_findings_of_another_state_are_not_taken(store: LocalStore, monkeypatch: pytest.MonkeyPatch) -> None:
    _settled(store)
    path = store.root / keptfindings.KEPT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"key": "', '"key": "0', 1), encoding="utf-8")
    made = []
    real = incremental.findings_from_rows
    monkeypatch.setattr(incremental, "findings_from_rows", lambda *a: made.append(1) or real(*a))
    run = validate_incremental(store, AS_OF, SHAPES)
    assert made and run.rerun == 0
    assert keptfindings.load(store.root, "0") is None



@pytest.mark.parametrize("broken", ['{"format": "compgraph-findings-kept/1", "key": "K"}', "not json", "[]",
                                    '{"format": "compgraph-findings-kept/1", "key": "K", "conforms": true, '
                                    '"after": "x", "saved": null, "findings": [["only one field"]]}'])
def test_a_kept_findings_file_that_is_not_one_this_module_wrote_is_not_taken(tmp_path: Path, broken: str) -> None:
    (tmp_path / keptfindings.KEPT).parent.mkdir(parents=True)
    (tmp_path / keptfindings.KEPT).write_text(broken, encoding="utf-8")
    assert keptfindings.load(tmp_path, "K") is None
