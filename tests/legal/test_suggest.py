"""Control suggestions (compgraph.legal.suggest): ranking, evidence, the no-match flag, output formats, evaluation."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from compgraph.graph import catalog
from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.legal import crosswalk_eval as ce
from compgraph.legal import rank
from compgraph.legal import rank_gold as rg
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


def test_a_hyphenated_risk_or_impact_class_is_one_term_not_the_impact_an_assessment_weighs() -> None:
    assert sg.tokenize("Rights-impacting and high-impact AI") == ["rightsimpact", "highimpact"]
    assert sg.tokenize("high‑risk systems") == ["highrisk"]
    assert "impact" in sg.tokenize("an impact assessment")


def test_a_duty_about_rights_impacting_ai_does_not_rank_the_impact_assessment_first() -> None:
    controls = [sg.ControlDoc("CTL-IA", "Impact assessment", "Assess the impact of the system."),
                sg.ControlDoc("CTL-TST", "Pre-deployment testing", "Test the system in real-world conditions.")]
    duty = sg.ObligationDoc("X-1", "new", "Agencies must test rights-impacting AI in real-world conditions.")
    [s] = sg.suggest_for([duty], controls, ranker="bm25")
    assert [m.id for m in s.controls] == ["CTL-TST"]


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
    threshold, f1 = ce.choose_threshold(tops, useful)
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
    ev = ce.evaluate(fixture_store, ["bm25"])
    [overall] = ev.overall
    assert overall.queries == 4  # the four crosswalk-mapped obligations; the hackathon one has no gold
    assert overall.hits_at_5 == 1.0 and overall.mrr >= 0.75
    assert "hits@1" in ce.render_eval(ev)


def test_obligations_are_read_with_the_addressee_their_catalog_gives(fixture_store: LocalStore) -> None:
    obligations = sg.load_obligations(fixture_store, "mini-code")
    assert obligations and {o.addressee for o in obligations} == {"deployer"}


def test_embedding_ranker_when_installed() -> None:
    if not sg.embeddings_available():
        pytest.skip("optional extra 'embeddings' not installed (pip install 'compgraph[embeddings]')")
    ob = sg.ObligationDoc("X-1", "new", "A natural person must be able to stop the automated decision.")
    [s] = sg.suggest_for([ob], CONTROLS, ranker="embeddings")
    assert s.controls[0].id == "CTL-HO"
    assert -1.0 <= s.controls[0].score <= 1.0


# --- the fused rankers (legal.rank) and the gold-set evaluation (legal.rank_gold) ------------------------

GOLD = REPO / "tests" / "fixtures" / "suggest-gold"


def test_section_title_gives_a_terse_clause_its_subject() -> None:
    clause = sg.ObligationDoc("X-1", "new", "(b) facilitating the post-market follow-up referred to in Article 72",
                              section="Automatic logs of operation")
    [s] = sg.suggest_for([clause], CONTROLS, ranker="bm25-prior", topics={})
    assert s.controls[0].id == "CTL-LOG"


def test_topic_prior_prefers_the_control_the_crosswalk_uses_for_that_topic() -> None:
    ob = sg.ObligationDoc("X-1", "new", "Inform the public about it.", topic="transparency")
    flat = sg.suggest_for([ob], CONTROLS, ranker="bm25-prior", topics={})
    learnt = sg.suggest_for([ob], CONTROLS, ranker="bm25-prior",
                            topics={"transparency": Counter({"CTL-TN": 30, "CTL-HO": 1})})
    assert flat[0].controls[0].id != "CTL-TN"
    assert learnt[0].controls[0].id == "CTL-TN"


def test_a_duty_of_a_public_body_is_flagged_no_good_match_with_its_reason() -> None:
    ob = sg.ObligationDoc("X-1", "new", "The Commission shall adopt an implementing act on human oversight logs.")
    [s] = sg.suggest_for([ob], CONTROLS, ranker="bm25-prior", topics={})
    assert s.no_good_match and "Commission" in s.reason


def test_a_duty_towards_a_public_body_is_the_organisation_s_not_flagged_for_naming_it() -> None:
    config = rank.load_config()
    assert rank.external_party("Providers shall report any serious incident to the market surveillance "
                               "authorities of the Member States", "Reporting of serious incidents", config) is None
    assert rank.external_party("The market surveillance authority shall take appropriate measures", "Article 73",
                               config) == "market surveillance authority"


def test_a_subjectless_clause_belongs_to_the_body_its_section_is_named_after() -> None:
    config = rank.load_config()
    assert rank.external_party("shall have an adequate number of competent personnel", "Notifying authorities",
                               config) == "Notifying authorities"
    assert rank.external_party("Providers shall keep logs", "Notifying authorities", config) is None


def test_a_clear_fit_is_more_confident_than_a_loose_one() -> None:
    clear = sg.ObligationDoc("X-1", "new", "Test outputs for discrimination against protected groups.",
                             section="Bias testing")
    loose = sg.ObligationDoc("X-2", "new", "Groups of people shall be told things.")
    a, b = sg.suggest_for([clear, loose], CONTROLS, ranker="bm25-prior", topics={}, threshold=1.0)
    assert a.controls[0].id == "CTL-BT" and not a.no_good_match
    assert a.controls[0].confidence > b.controls[0].confidence


def test_ranker_configuration_errors_name_the_file_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "ranker.yaml"
    bad.write_text("weights:\n  hybrid: {bm25: 1}\n  bm25-prior: {bm25: loud}\nno_match_below: {hybrid: 1}\n",
                   encoding="utf-8")
    with pytest.raises(rank.RankConfigError, match=r"ranker\.yaml: weights\.bm25-prior"):
        rank.load_config(bad)


def test_gold_file_with_an_unknown_control_names_its_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.tsv"
    gold.write_text("id\tdocument\ttext\tcontrols\nd-1\tdoc\tKeep logs.\tCTL-LOG\nd-2\tdoc\tX.\tCTL-NOPE\n",
                    encoding="utf-8")
    with pytest.raises(rg.GoldError, match=r"gold\.tsv: line 3: controls: unknown control 'CTL-NOPE'"):
        rg.read_gold(gold, {c.id for c in CONTROLS})


def test_gold_set_rows_are_labelled_against_the_shipped_catalog() -> None:
    controls = {c["id"] for c in catalog.load_yaml(REPO / "mappings" / "controls.yaml")["controls"]}
    tuning = rg.read_gold(GOLD / "tuning.tsv", controls)
    heldout = rg.read_gold(GOLD / "heldout.tsv", controls)
    assert not {d.document for d in tuning} & {d.document for d in heldout}  # split by document
    assert (len(tuning), len(heldout)) == (119, 89)


def test_gold_metrics_count_hits_and_no_match_flags(fixture_store: LocalStore, tmp_path: Path) -> None:
    gold = tmp_path / "gold.tsv"
    gold.write_text(
        "id\tdocument\tsection\ttext\tcontrols\n"
        "d-1\tdoc-a\tHuman oversight\tA person can override and stop the system.\tCTL-HO-01\n"
        "d-2\tdoc-a\tNotifying authorities\tThe Commission shall publish a list of bodies.\tnone\n",
        encoding="utf-8",
    )
    ev = rg.evaluate_gold(fixture_store, gold, ["bm25-prior"])
    overall = next(m for m in ev.metrics if m.document == "all")
    assert overall.ranks == [1] and overall.none == 1 and overall.none_flagged == 1
    assert overall.figures()["hits@1"] == 1.0 and overall.recall == 1.0
    out = rg.render_gold(ev)
    assert "doc-a" in out and "hits@3" in out and "recall" in out


def test_a_document_holding_the_gold_duties_does_not_teach_the_ranker_its_answers(
    fixture_store: LocalStore, tmp_path: Path
) -> None:
    """The shipped AI Act holds the gold set's duties: its crosswalk rows would be the answers."""
    gold = tmp_path / "gold.tsv"
    gold.write_text("id\tdocument\ttext\tcontrols\n"
                    "d-1\telsewhere\tmust keep logs of the operation ... AI systems\tCTL-RK-01\n", encoding="utf-8")
    duties = rg.read_gold(gold, {c.id for c in sg.load_controls(fixture_store)})
    assert rg.documents_holding(fixture_store, duties) == ["mini-code"]
    taught = {c.id: c.mapped_texts for c in sg.load_controls(fixture_store, ["mini-code"])}
    assert not any("keep logs" in text for texts in taught.values() for text in texts)


def test_eval_suggest_gold_cli_reports_the_figures_and_rejects_a_bad_file(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from compgraph.cli import main

    few = tmp_path / "few.tsv"
    lines = (GOLD / "heldout.tsv").read_text(encoding="utf-8").splitlines()
    few.write_text("\n".join(lines[:6]) + "\n", encoding="utf-8")
    ok = CliRunner().invoke(main, ["eval-suggest", "--gold", str(few), "--ranker", "bm25-prior"])
    assert ok.exit_code == 0, ok.output
    assert "eu-ai-act-art72-73" in ok.output and "hits@1" in ok.output and "precis." in ok.output
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\ttext\nx\ty\n", encoding="utf-8")
    err = CliRunner().invoke(main, ["eval-suggest", "--gold", str(bad)])
    assert err.exit_code == 2 and "bad.tsv: line 1: missing column(s) document, controls" in err.output


def test_accepting_a_control_does_not_reorder_the_suggestions(fixture_store: LocalStore, tmp_path: Path) -> None:
    from compgraph.legal import review as rv

    before = sg.suggest(fixture_store, "mini-code", ranker="bm25-prior")
    first = before[0]
    chosen = first.controls[-1].id
    rv.apply_decisions(fixture_store, "mini-code", [rv.Decision(first.obligation, chosen, "accept",
                                                                "skos:exactMatch", author="A")], tmp_path)
    after = sg.suggest(fixture_store, "mini-code", ranker="bm25-prior")
    assert [(m.id, m.score) for m in after[0].controls] == [(m.id, m.score) for m in first.controls]


def test_table_says_which_ranker_ran_and_why_an_obligation_has_no_good_match() -> None:
    ob = sg.ObligationDoc("X-1", "new", "The Commission shall publish guidance.")
    out = sg.render_table(sg.suggest_for([ob], CONTROLS, ranker="bm25-prior", topics={}), "bm25-prior")
    assert "Ranker: bm25-prior (word overlap" in out and "embeddings" in out
    assert "no good match: names 'Commission'" in out


def test_hybrid_ranker_fuses_meaning_with_words_when_installed() -> None:
    if not sg.embeddings_available():
        pytest.skip("optional extra 'embeddings' not installed (pip install 'compgraph[embeddings]')")
    ob = sg.ObligationDoc("X-1", "new", "(e) to interrupt the operation through a stop button",
                          section="Human oversight")
    [s] = sg.suggest_for([ob], CONTROLS, ranker="hybrid", topics={})
    assert s.controls[0].id == "CTL-HO"
    assert 0.0 <= s.controls[0].confidence <= 1.0
