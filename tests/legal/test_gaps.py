"""Gap report of one document (compgraph.legal.gaps)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.legal import gaps as gp
from compgraph.legal import review as rv

REPO = Path(__file__).resolve().parents[2]
LEGAL = REPO / "tests" / "fixtures" / "legal"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LocalStore:
    root = tmp_path / "root"
    root.mkdir()
    (root / "ontology").symlink_to(LEGAL / "ontology")
    shutil.copytree(LEGAL / "mappings", root / "mappings")
    monkeypatch.setenv("COMPGRAPH_DATA_DIR", str(root))
    s = LocalStore(tmp_path / "store")
    build(s)
    return s


def test_crosswalk_mapped_document(store: LocalStore) -> None:
    report = gp.gap_report(store, "mini-code")
    assert (report.obligations, report.mapped) == (5, 4)
    assert [g.id for g in report.unmapped] == ["MINI-5-01"]
    assert report.organisations == ["acme"]
    systems = {s.id: s for s in report.systems}
    assert systems["benefit-triage"].unmapped == ["MINI-5-01"]
    # MINI-1-01 is scoped to high risk: it binds the triage system (which has oversight), not the chatbot
    assert dict(systems["benefit-triage"].missing_controls) == {"MINI-2-01": ["CTL-TN-01"], "MINI-3-01": ["CTL-BT-01"]}
    assert "MINI-1-01" not in dict(systems["chat-helper"].missing_controls)
    assert systems["benefit-triage"].risk == "high"


def test_imported_document_before_and_after_review(store: LocalStore, tmp_path: Path) -> None:
    doc = LEGAL / "public-sector-ai-act.md"
    rv.import_document(store, doc, "psa", prefix="PSA", out=tmp_path / "m", organisations=["acme"])
    before = gp.gap_report(store, "psa")
    assert before.mapped == 0 and len(before.unmapped) == before.obligations == 10
    rv.apply_decisions(
        store,
        "psa",
        [
            rv.Decision("PSA-2-1", "CTL-HO-01", "accept", author="A"),
            rv.Decision("PSA-3-1", "CTL-TN-01", "reject", author="A"),
        ],
        tmp_path / "m",
    )
    after = gp.gap_report(store, "psa")
    ids = [g.id for g in after.unmapped]
    assert after.mapped == 1 and "PSA-2-1" not in ids and "PSA-3-1" in ids
    chat = next(s for s in after.systems if s.id == "chat-helper")
    # Art. 2(1) binds deployers of high-risk systems: not the limited-risk chatbot
    assert "PSA-2-1" not in dict(chat.missing_controls) and "PSA-2-1" not in chat.unmapped
    assert "PSA-3-1" in chat.unmapped

    rows = list(csv.DictReader(io.StringIO(gp.render_csv(after))))
    assert {"unmapped", "system-unmapped"} <= {r["kind"] for r in rows}
    md = gp.render_markdown(after)
    assert md.startswith("# Gap report") and "| PSA-3-1 |" in md
    assert "PSA-3-1" in gp.render_table(after)


def test_document_without_organisation_and_unknown_document(store: LocalStore, tmp_path: Path) -> None:
    rv.import_document(store, LEGAL / "public-sector-ai-act.md", "psa", prefix="PSA", out=tmp_path / "m")
    report = gp.gap_report(store, "psa")
    assert report.systems == [] and report.organisations == []
    assert "--org" in gp.render_table(report)
    with pytest.raises(gp.UnknownDocument):
        gp.gap_report(store, "nope")


BOUND_ACT = """# Benefits AI Act

## Article 1 — Duties

1. Providers shall register every system in the national database.
2. Deployers shall keep the logs of every decision for six months.
3. Deployers of high-risk AI systems referred to in point 5 of Annex III shall inform claimants of each decision.
4. Deployers of high-risk AI systems referred to in point 3 of Annex III shall inform pupils of each decision.
"""


def _gaps_of(store: LocalStore, tmp_path: Path) -> dict[str, list[str]]:
    doc = tmp_path / "benefits-act.md"
    doc.write_text(BOUND_ACT, encoding="utf-8")
    rv.import_document(store, doc, "benefits-act", prefix="BEN", out=tmp_path / "m", organisations=["acme"])
    return {s.id: s.unmapped for s in gp.gap_report(store, "benefits-act").systems}


def test_a_providers_duty_does_not_bind_a_deployers_systems(store: LocalStore, tmp_path: Path) -> None:
    systems = _gaps_of(store, tmp_path)
    assert "BEN-1-1" not in systems["benefit-triage"] and "BEN-1-2" in systems["benefit-triage"]


def test_an_annex_iii_point_binds_only_systems_in_that_area(store: LocalStore, tmp_path: Path) -> None:
    systems = _gaps_of(store, tmp_path)
    assert "BEN-1-3" in systems["benefit-triage"] and "BEN-1-4" not in systems["benefit-triage"]
    assert "BEN-1-3" not in systems["chat-helper"]  # limited risk, no Annex III area


def test_each_gap_shows_its_reference_review_state_and_best_suggestion(store: LocalStore, tmp_path: Path) -> None:
    doc = LEGAL / "public-sector-ai-act.md"
    rv.import_document(store, doc, "psa", prefix="PSA", out=tmp_path / "m", organisations=["acme"])
    rv.apply_decisions(store, "psa", [rv.Decision("PSA-3-1", "CTL-TN-01", "reject", author="A")], tmp_path / "m")
    gaps = {g.id: g for g in gp.gap_report(store, "psa").unmapped}
    assert (gaps["PSA-3-1"].ref, gaps["PSA-3-1"].review) == ("3(1)", "all suggestions rejected")
    assert (gaps["PSA-2-1"].ref, gaps["PSA-2-1"].review) == ("2(1)", "not reviewed")
    assert not gaps["PSA-3-1"].suggestion.startswith("CTL-TN-01")  # a rejected control is not suggested again
    assert gaps["PSA-2-1"].suggestion.startswith("CTL-HO-01")
    table = gp.render_table(gp.gap_report(store, "psa"))
    assert "all suggestions rejected" in table and "not reviewed" in table and "2(1)" in table


def test_an_invalid_extracted_catalog_is_reported_against_the_source_not_a_temp_file(
        store: LocalStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from compgraph.legal import clauses

    monkeypatch.setattr(clauses, "statute_topic", lambda clause, title: "no-such-topic")
    doc = LEGAL / "public-sector-ai-act.md"
    with pytest.raises(rv.ReviewError) as err:
        rv.import_document(store, doc, "psa", prefix="PSA", out=tmp_path / "m")
    assert str(err.value).startswith(f"{doc}: the extracted catalog is not valid (topic: unknown topic")
    assert "/tmp" not in str(err.value).replace(str(doc), "") and not (tmp_path / "m").exists()
