"""Control suggestions (compgraph.legal.suggest): ranking, evidence, the no-match flag, output formats, evaluation."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from compgraph.graph import catalog
from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.legal import suggest as sg

REPO = Path(__file__).resolve().parents[2]
LEGAL = REPO / "tests" / "fixtures" / "legal"

CONTROLS = [
    sg.ControlDoc(
        "CTL-HO",
        "Human oversight procedure",
        "Trained people oversee the system and can override it.",
        "Human oversight",
    ),
    sg.ControlDoc(
        "CTL-TN", "AI interaction notice", "Tell people they interact with an AI system.", "Transparency notice"
    ),
    sg.ControlDoc(
        "CTL-BT", "Bias testing", "Test outputs for discrimination against protected groups.", "Bias testing"
    ),
    sg.ControlDoc("CTL-LOG", "Event logging", "Systems keep automatic logs of their operation.", "Record keeping"),
]


def test_tokens_are_normalised_stemmed_and_stopword_free() -> None:
    assert sg.tokenize("Deployers shall assess the Al systems' impacts") == ["assess", "impact"]
    assert sg.stem("assessment") == sg.stem("assessments") == "assess"
    assert "shall" not in sg.tokenize("The provider shall not")


def test_right_control_ranks_first_with_matched_terms() -> None:
    obligations = [
        sg.ObligationDoc("X-1", "new", "Deployers shall assign human oversight to persons able to override it."),
        sg.ObligationDoc("X-2", "new", "Deployers shall test for bias and discrimination against protected groups."),
        sg.ObligationDoc("X-3", "new", "Deployers shall keep the logs generated automatically."),
    ]
    out = sg.suggest_for(obligations, CONTROLS, top_k=2, ranker="bm25")
    assert [s.controls[0].id for s in out] == ["CTL-HO", "CTL-BT", "CTL-LOG"]
    assert {"oversight", "override"} <= set(out[0].controls[0].evidence)
    assert all(0.0 <= m.confidence <= 1.0 for s in out for m in s.controls)
    # a top score above the measured threshold is not a gap
    assert not sg.suggest_for(obligations, CONTROLS, ranker="bm25", threshold=1.0)[0].no_good_match


def test_no_good_match_flags_an_unrelated_obligation() -> None:
    unrelated = sg.ObligationDoc("X-9", "new", "Each member shall pay an annual fee of five hundred euro by March.")
    [s] = sg.suggest_for([unrelated], CONTROLS, ranker="bm25")
    assert s.no_good_match
    assert s.controls == []  # not one shared word: nothing is suggested at all


def test_similar_obligations_come_from_other_documents_only() -> None:
    others = [
        sg.ObligationDoc("OLD-1", "old", "Deployers must enable human oversight and override of outputs."),
        sg.ObligationDoc("NEW-2", "new", "Deployers must enable human oversight."),
    ]
    ob = sg.ObligationDoc("NEW-1", "new", "Human oversight shall allow persons to override the system.")
    [s] = sg.suggest_for([ob], CONTROLS, others, ranker="bm25")
    assert [m.id for m in s.similar] == ["OLD-1"]
    assert s.similar[0].document == "old"


def test_crosswalk_expansion_lets_a_short_control_meet_new_wording() -> None:
    plain = [sg.ControlDoc("C-A", "Procedure A", "", ""), sg.ControlDoc("C-B", "Procedure B", "", "")]
    expanded = [
        sg.ControlDoc("C-A", "Procedure A", "", "", ["Staff must complete literacy training every year."]),
        sg.ControlDoc("C-B", "Procedure B", "", "", ["Incidents must be reported to the authority."]),
    ]
    ob = sg.ObligationDoc("N-1", "new", "Serious incidents shall be reported within 15 days.")
    assert sg.suggest_for([ob], plain, ranker="bm25")[0].controls == []
    assert sg.suggest_for([ob], expanded, ranker="bm25")[0].controls[0].id == "C-B"


def test_choose_threshold_separates_useless_suggestions() -> None:
    tops = [9.0, 8.0, 7.5, 2.0, 1.0, 0.5]
    useful = [True, True, True, False, False, True]
    threshold, f1 = sg.choose_threshold(tops, useful)
    assert 2.0 < threshold <= 7.5
    assert f1 > 0.7


def test_output_formats() -> None:
    obligations = [sg.ObligationDoc("X-1", "new", "Human oversight with override.")]
    out = sg.suggest_for(obligations, CONTROLS, ranker="bm25")
    data = json.loads(sg.render(out, "json", "new", "bm25"))
    assert data["suggestions"][0]["controls"][0]["id"] == "CTL-HO"
    assert sg.render(out, "csv", "new", "bm25").splitlines()[0].startswith("obligation,rank,control")
    assert "CTL-HO" in sg.render(out, "table", "new", "bm25")


def test_sssom_output_is_a_valid_unreviewed_mapping_set(tmp_path: Path) -> None:
    out = sg.suggest_for([sg.ObligationDoc("X-1", "new", "Human oversight with override.")], CONTROLS, ranker="bm25")
    path = tmp_path / "suggested.sssom.tsv"
    path.write_text(sg.render(out, "sssom", "new", "bm25"), encoding="utf-8")
    meta, rows = catalog.read_sssom(path)
    assert meta["license"] and meta["mapping_set_id"] and "obl" in meta["curie_map"]
    assert rows[0].justification == "semapv:LexicalMatching"
    assert rows[0].confidence is not None and 0 <= rows[0].confidence <= 1


@pytest.fixture
def fixture_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LocalStore:
    root = tmp_path / "root"
    root.mkdir()
    (root / "ontology").symlink_to(LEGAL / "ontology")
    shutil.copytree(LEGAL / "mappings", root / "mappings")
    monkeypatch.setenv("COMPGRAPH_DATA_DIR", str(root))
    store = LocalStore(tmp_path / "store")
    build(store)
    return store


def test_suggest_from_the_store_and_leave_one_document_out_evaluation(fixture_store: LocalStore) -> None:
    [first, *_] = sg.suggest(fixture_store, "mini-code", ranker="bm25")
    assert first.obligation == "MINI-1-01" and first.controls[0].id == "CTL-HO-01"
    ev = sg.evaluate(fixture_store, ["bm25"])
    [overall] = ev.overall
    assert overall.queries == 4  # the four crosswalk-mapped obligations; the hackathon one has no gold
    assert overall.hits_at_5 == 1.0 and overall.mrr >= 0.75
    assert "hits@1" in sg.render_eval(ev)


def test_embedding_ranker_when_installed() -> None:
    if not sg.embeddings_available():
        pytest.skip("optional extra 'embeddings' not installed (pip install 'compgraph[embeddings]')")
    ob = sg.ObligationDoc("X-1", "new", "A natural person must be able to stop the automated decision.")
    [s] = sg.suggest_for([ob], CONTROLS, ranker="embeddings")
    assert s.controls[0].id == "CTL-HO"
    assert -1.0 <= s.controls[0].score <= 1.0
