"""The dashboard's validation tiles read the saved report once per state of the report graph, not once per write:
a data write leaves the report as it was (reading its counts again was 0.2 s of the first dashboard after every
write at 1.1M triples), and a validation that saves a new report is shown at once (issue #18)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from compgraph.checks import report as report_mod
from compgraph.checks.validate import validate_store
from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.scale import bench
from compgraph.web import create_app

AS_OF = date(2026, 11, 22)


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    s = LocalStore(tmp_path / "store")
    build(s)
    yield s
    s.close()


def test_a_data_write_does_not_read_the_saved_reports_counts_again_and_a_new_report_is_shown(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    validate_store(store, AS_OF)
    reads: list[dict[str, object]] = []
    real = report_mod.last_report_counts

    def counting(s: object, ask: object = None) -> dict[str, object]:
        reads.append(real(s, ask))  # type: ignore[arg-type]
        return reads[-1]

    monkeypatch.setattr(report_mod, "last_report_counts", counting)
    client = create_app(store, {"PAGE_CACHE_DISK": False}).test_client()
    assert client.get("/index.json").status_code == 200
    assert len(reads) == 1
    bench._change_risk(store)  # a data write: the report graph is as it was
    page = client.get("/index.json").get_json()
    assert len(reads) == 1
    assert page["kpis"]["validation_stale"] is not None  # the write is still seen: the report is stale
    violations = page["kpis"]["violations"]
    monkeypatch.setattr(report_mod, "_now", lambda: "2099-01-01T00:00:00+00:00")
    validate_store(store, AS_OF)  # a new report (the risk change moved the findings, and the time)
    page = client.get("/index.json").get_json()
    assert len(reads) == 2
    assert page["kpis"]["validation_run"] == "2099-01-01T00:00:00+00:00"
    assert page["kpis"]["validation_stale"] is None
    assert isinstance(violations, int)
