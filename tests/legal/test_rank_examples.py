"""Label transfer from hand-labelled duties and the "no good match" model (legal.rank, suggest-ranker.yaml)."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.legal import rank
from compgraph.legal import rank_gold as rg
from compgraph.legal import suggest as sg

REPO = Path(__file__).resolve().parents[2]
LEGAL = REPO / "tests" / "fixtures" / "legal"

CONTROLS = [
    sg.ControlDoc("CTL-LOG", "Event logging", "Systems keep automatic logs of their operation.", "Record keeping"),
    sg.ControlDoc("CTL-TST", "Robustness testing", "Test accuracy and robustness before release.", "Testing"),
    sg.ControlDoc("CTL-RSK", "Risk management programme", "Identify, evaluate and treat risks.", "Governance"),
]
DUTY = sg.ObligationDoc("X-1", "act", "These measures shall be applied.", section="Measures", topic="robustness")


def examples(controls: str, n: int = 6, topic: str = "robustness", document: str = "other") -> list[rank.Example]:
    return [rank.Example(f"e-{i}", document, f"Measures: measure {i} shall be taken", topic,
                         frozenset(controls.split()) if controls != "none" else frozenset()) for i in range(n)]


def test_labelled_examples_of_the_duty_s_topic_lift_the_control_they_were_mapped_to() -> None:
    [plain] = sg.suggest_for([DUTY], CONTROLS, ranker="bm25-prior", topics={})
    [taught] = sg.suggest_for([DUTY], CONTROLS, ranker="bm25-prior", topics={}, examples=examples("CTL-RSK"))
    assert plain.controls[0].id != "CTL-RSK"
    assert taught.controls[0].id == "CTL-RSK"


def test_without_embeddings_examples_worded_like_the_duty_lift_their_control_whatever_their_topic() -> None:
    worded = [rank.Example(f"w-{i}", "other", f"Measures: these measures shall be applied {i}", "governance",
                           frozenset({"CTL-RSK"})) for i in range(3)]
    unlike = [rank.Example(f"u-{i}", "other", f"Records: logs are kept {i}", "governance", frozenset({"CTL-LOG"}))
              for i in range(3)]
    [plain] = sg.suggest_for([DUTY], CONTROLS, ranker="bm25-prior", topics={})
    [taught] = sg.suggest_for([DUTY], CONTROLS, ranker="bm25-prior", topics={}, examples=worded + unlike)
    assert plain.controls[0].id != "CTL-RSK"
    assert taught.controls[0].id == "CTL-RSK"


def test_a_duty_whose_kind_usually_has_no_fitting_control_is_flagged_with_the_reason() -> None:
    [s] = sg.suggest_for([DUTY], CONTROLS, ranker="bm25-prior", topics={}, examples=examples("none"))
    assert s.no_good_match and "often have no fitting control" in s.reason


def test_a_duty_whose_kind_usually_has_a_fitting_control_is_not_flagged() -> None:
    [s] = sg.suggest_for([DUTY], CONTROLS, ranker="bm25-prior", topics={}, examples=examples("CTL-TST"))
    assert not s.no_good_match and s.reason == ""


def test_each_control_gets_the_similarity_of_its_nearest_example_and_the_neighbours_none_share() -> None:
    pool = [*examples("CTL-LOG", 1), *examples("none", 1), *examples("CTL-LOG CTL-TST", 1)]
    per_control, none = rank.neighbour_scores([0.2, 0.9, 0.5], pool, ["CTL-LOG", "CTL-TST", "CTL-RSK"],
                                              k=1, temperature=10)
    assert per_control == [0.5, 0.5, -1.0]
    assert none == 1.0


def test_the_shipped_examples_are_read_with_the_topic_the_statute_import_gives_them() -> None:
    shipped = rank.load_examples(rank.load_config())
    assert len(shipped) == 1155
    first = next(e for e in shipped if e.id == "aia72-001")
    assert first.query.startswith("Article 72: Providers shall establish") and first.topic == "monitoring"
    assert first.controls == {"CTL-MON-01", "CTL-MON-02"}


def test_a_duty_worded_like_the_examples_without_a_fitting_control_leans_toward_none() -> None:
    pool = [*examples("none", 3), *examples("CTL-LOG", 3)]
    vectors = [[1.0, 0.1], [0.9, 0.0], [1.0, -0.1], [0.1, 1.0], [0.0, 0.9], [-0.1, 1.0]]
    weights, mean = rank.text_none_direction(vectors, pool, ridge=1.0)
    like_none = float(sum(w * x for w, x in zip(weights, [1.0, 0.0], strict=True))) + mean
    like_mapped = float(sum(w * x for w, x in zip(weights, [0.0, 1.0], strict=True))) + mean
    assert like_none > mean > like_mapped


def test_each_control_gets_the_lean_of_a_duty_toward_the_examples_mapped_to_it() -> None:
    pool = [*examples("CTL-LOG", 3), *examples("CTL-TST", 3)]
    vectors = [[1.0, 0.1], [0.9, 0.0], [1.0, -0.1], [0.1, 1.0], [0.0, 0.9], [-0.1, 1.0]]
    weights, means = rank.example_text_directions(vectors, pool, ["CTL-LOG", "CTL-TST", "CTL-RSK"], ridge=0.3)
    log, tst, rsk = (float(weights[0][i] * 1.0 + weights[1][i] * 0.0 + means[i]) for i in range(3))
    assert log > tst and rsk == 0.0


def test_hybrid_flags_a_duty_worded_like_the_labelled_duties_that_had_no_fitting_control() -> None:
    if not sg.embeddings_available():
        pytest.skip("optional extra 'embeddings' not installed (pip install 'compgraph[embeddings]')")
    paperwork = ["affix the CE marking to the product", "draw up the EU declaration of conformity",
                 "keep the certificate of conformity for ten years",
                 "indicate the registered trade mark on the packaging"]
    logging = ["keep automatic logs of events", "record inputs and outputs in event logs",
               "retain the logs of operation", "log every decision and override automatically"]
    pool = [rank.Example(f"n-{i}", "other", f"Obligations: {t}", "compliance", frozenset())
            for i, t in enumerate(paperwork)]
    pool += [rank.Example(f"m-{i}", "other", f"Obligations: {t}", "compliance", frozenset({"CTL-LOG"}))
             for i, t in enumerate(logging)]
    marking = sg.ObligationDoc("X-1", "act", "Providers shall affix the CE marking to the packaging",
                               section="Obligations", topic="compliance")
    logs = sg.ObligationDoc("X-2", "act", "Providers shall keep the automatically generated logs",
                            section="Obligations", topic="compliance")
    flagged, kept = sg.suggest_for([marking, logs], CONTROLS, ranker="hybrid", topics={}, examples=pool)
    assert flagged.no_good_match and "often have no fitting control" in flagged.reason
    assert not kept.no_good_match


def test_a_text_none_ridge_that_is_not_a_positive_number_names_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "ranker.yaml"
    bad.write_text("weights:\n  hybrid: {bm25: 1}\n  bm25-prior: {bm25: 1}\n"
                   "no_match_below: {hybrid: 1, bm25-prior: 1}\ntext_none: {ridge: 0}\n", encoding="utf-8")
    with pytest.raises(rank.RankConfigError, match=r"ranker\.yaml: text_none\.ridge"):
        rank.load_config(bad)


@pytest.fixture(scope="module")
def mini_store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    tmp = tmp_path_factory.mktemp("rank-examples")
    (tmp / "root").mkdir()
    (tmp / "root" / "ontology").symlink_to(LEGAL / "ontology")
    shutil.copytree(LEGAL / "mappings", tmp / "root" / "mappings")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COMPGRAPH_DATA_DIR", str(tmp / "root"))
        store = LocalStore(tmp / "store")
        build(store)
    return store


def wrong_answers(store: LocalStore, document: str) -> list[rank.Example]:
    """Ten examples per obligation of ``document``, word for word and of its topic, all mapped to the control
    ranked last for the first one: enough to reorder any list they are allowed to teach."""
    last = sg.suggest(store, "mini-code", ranker="bm25-prior", top_k=99)[0].controls[-1].id
    return [rank.Example(f"{o.id}-{i}", document, o.text, o.topic, frozenset({last}))
            for o in sg.load_obligations(store, "mini-code") for i in range(10)]


def test_suggest_never_learns_from_examples_of_the_document_itself(mini_store: LocalStore,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    own = wrong_answers(mini_store, "mini-code")
    monkeypatch.setattr(rank, "load_examples", lambda config: ())
    before = sg.suggest(mini_store, "mini-code", ranker="bm25-prior")
    monkeypatch.setattr(rank, "load_examples", lambda config: own)
    after = sg.suggest(mini_store, "mini-code", ranker="bm25-prior")
    assert [[m.id for m in s.controls] for s in after] == [[m.id for m in s.controls] for s in before]


def test_the_gold_eval_leaves_out_examples_of_the_documents_and_duties_it_scores(
        monkeypatch: pytest.MonkeyPatch) -> None:
    pool = [*examples("CTL-LOG", 1, document="doc-a"), *examples("CTL-TST", 2, document="doc-b")]
    monkeypatch.setattr(rank, "load_examples", lambda config: pool)
    duties = [rg.GoldDuty("z-0", "doc-a", "x", "", frozenset()), rg.GoldDuty("e-1", "doc-c", "y", "", frozenset())]
    assert [(e.id, e.document) for e in rg.examples_for(duties)] == [("e-0", "doc-b")]


SPENT = ("tuning.tsv", "heldout.tsv", "heldout2.tsv", "heldout3.tsv", "heldout4.tsv", "heldout5.tsv", "heldout6.tsv",
         "heldout7.tsv", "heldout8.tsv", "heldout9.tsv", "heldout10.tsv", "heldout11.tsv", "heldout12.tsv",
         "heldout13.tsv", "heldout14.tsv")


def test_the_shipped_examples_are_the_spent_gold_files_row_for_row() -> None:
    """A relabelled gold row must reach the ranker too; only files already scored are copied (a never-seen file
    joins after its one scoring), and eval-suggest leaves out the rows of the file it scores."""
    gold = REPO / "tests" / "fixtures" / "suggest-gold"
    rows = [line for name in SPENT for line in (gold / name).read_text(encoding="utf-8").splitlines()[1:]]
    shipped = (REPO / "src" / "compgraph" / "legal" / "suggest-examples.tsv").read_text(encoding="utf-8")
    assert shipped.splitlines()[1:] == rows


def test_bm25_prior_reports_how_much_a_duty_is_worded_like_examples_mapped_to_a_control() -> None:
    """words_top, the word probe's best control, feeds the "no good match" model of both fused rankers."""
    worded = [rank.Example(f"w-{i}", "other", f"Measures: these measures shall be applied {i}", "governance",
                           frozenset({"CTL-RSK"})) for i in range(3)]
    unlike = [rank.Example(f"u-{i}", "other", f"Records: logs are kept {i}", "governance", frozenset())
              for i in range(3)]
    stranger = sg.ObligationDoc("X-2", "act", "Fees shall be paid yearly.", section="Fees")
    like, unlike_duty = sg.suggest_for([DUTY, stranger], CONTROLS, ranker="bm25-prior", topics={},
                                       examples=worded + unlike)
    assert {"top", "topic_none", "words_top"} <= set(like.features)
    assert like.features["words_top"] > unlike_duty.features["words_top"]


def test_bm25_prior_weights_cannot_read_parts_that_need_the_embeddings(tmp_path: Path) -> None:
    bad = tmp_path / "ranker.yaml"
    bad.write_text("weights:\n  hybrid: {bm25: 1}\n  bm25-prior: {bm25: 1, neighbours: 0.5}\n"
                   "no_match_below: {hybrid: 1, bm25-prior: 1}\n", encoding="utf-8")
    with pytest.raises(rank.RankConfigError, match=r"ranker\.yaml: weights\.bm25-prior cannot weigh"):
        rank.load_config(bad)


def test_the_no_match_model_flags_above_its_own_cut_off_not_above_one_half() -> None:
    even = {"intercept": 0.0}  # a chance of exactly 0.5
    assert rank.no_match_flagged(even, {}) == (False, 0.5)
    assert rank.no_match_flagged({**even, "flag_above": 0.4}, {}) == (True, 0.5)
    assert rank.no_match_flagged({**even, "emb_top": -2.0, "flag_above": 0.4}, {"emb_top": 0.2})[0]
    assert not rank.no_match_flagged({**even, "emb_top": -2.0, "flag_above": 0.4}, {"emb_top": 0.8})[0]


@pytest.mark.parametrize(("model", "field"), [
    ("{intercept: 0, loudness: 2}", r"no_match_model\.hybrid"),  # not a feature the model reads
    ("{intercept: 0, flag_above: 1.5}", r"no_match_model\.hybrid\.flag_above"),  # not a probability
])
def test_a_bad_no_match_model_names_its_field(tmp_path: Path, model: str, field: str) -> None:
    bad = tmp_path / "ranker.yaml"
    bad.write_text("weights:\n  hybrid: {bm25: 1}\n  bm25-prior: {bm25: 1}\n"
                   f"no_match_below: {{hybrid: 1, bm25-prior: 1}}\nno_match_model:\n  hybrid: {model}\n",
                   encoding="utf-8")
    with pytest.raises(rank.RankConfigError, match=rf"ranker\.yaml: {field}"):
        rank.load_config(bad)


def test_hybrid_reports_what_its_no_match_model_read_for_each_duty() -> None:
    if not sg.embeddings_available():
        pytest.skip("optional extra 'embeddings' not installed (pip install 'compgraph[embeddings]')")
    [s] = sg.suggest_for([DUTY], CONTROLS, ranker="hybrid", topics={}, examples=examples("CTL-TST"))
    assert set(s.features) == set(rank.NO_MATCH_FEATURES)
    assert round(s.features["top"], 3) == s.controls[0].score
    semantic = sg.EmbeddingRanker([f"{c.title}. {c.description}" for c in CONTROLS])
    assert s.features["emb_top"] == pytest.approx(max(semantic.scores(rank.query_text(DUTY.text, DUTY.section))))


def _worded_pool() -> list[rank.Example]:
    """Duties about fees have no fitting control; duties about logs are mapped to the logging control."""
    pool = [rank.Example(f"n-{i}", "other", f"Fees: fees shall be paid {i}", "governance", frozenset())
            for i in range(4)]
    return pool + [rank.Example(f"m-{i}", "other", f"Records: logs shall be kept {i}", "governance",
                                frozenset({"CTL-LOG"})) for i in range(4)]


def test_without_embeddings_a_duty_worded_like_the_examples_without_a_fitting_control_leans_toward_none() -> None:
    """words_none and word_neighbours_none: text_none's lean and neighbours_none's share read on the examples'
    TF-IDF rows, so that bm25-prior's "no good match" model has them in the base install."""
    fees = sg.ObligationDoc("X-3", "act", "Yearly fees shall be paid.", section="Fees")
    logs = sg.ObligationDoc("X-4", "act", "Logs of operation shall be kept.", section="Records")
    fee, log = sg.suggest_for([fees, logs], CONTROLS, ranker="bm25-prior", topics={}, examples=_worded_pool())
    assert fee.features["words_none"] > log.features["words_none"]
    assert fee.features["word_neighbours_none"] > 0.5 > log.features["word_neighbours_none"]


def test_a_section_title_longer_than_the_limit_is_left_out_of_the_query() -> None:
    long_title = "Minimum Risk Management Practices For High-Impact And Federal Personnel-Impacting AI Uses"
    assert rank.query_text("Train the operators.", long_title, 10) == "Train the operators."
    assert rank.query_text("Train the operators.", "Training", 10) == "Training: Train the operators."
    assert rank.query_text("Train the operators.", long_title) == f"{long_title}: Train the operators."


def test_an_example_s_query_drops_its_long_title_as_a_duty_s_does() -> None:
    [e] = [rank.Example("e", "doc", "A very long title of many words indeed here: Keep logs.", "governance",
                        frozenset(), "Keep logs.", "A very long title of many words indeed here")]
    assert e.query_for(3) == "Keep logs."
    assert e.query_for(None) == e.query
    assert e.query_for(20) == e.query


def test_with_a_title_limit_the_ranking_reads_the_duty_not_its_long_heading() -> None:
    """A long heading ("... Risk Management Practices ...") over every duty outweighs what each duty is about."""
    duty = sg.ObligationDoc("X-5", "act", "Event logs of the system shall be kept automatically.",
                            section="Minimum risk management practices to identify evaluate and treat risks of "
                                    "high impact uses")
    [whole] = sg._parts([duty], CONTROLS, "bm25-prior", {}, (), False, None)[0]
    [short] = sg._parts([duty], CONTROLS, "bm25-prior", {}, (), False, 10)[0]
    ids = [c.id for c in CONTROLS]
    assert max(ids, key=lambda c: whole["bm25"][ids.index(c)]) == "CTL-RSK"
    assert max(ids, key=lambda c: short["bm25"][ids.index(c)]) == "CTL-LOG"


def test_the_no_match_features_read_the_whole_query_when_the_ranking_drops_a_long_title(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether a duty has a fitting control is told better with its heading (leave one file out, hybrid)."""
    duty = sg.ObligationDoc("X-6", "act", "Logs shall be kept.", section="Fees to be paid every year by each of "
                                                                         "the persons named here")
    whole = sg._parts([duty], CONTROLS, "bm25-prior", {}, _worded_pool(), False, None)
    short = sg._parts([duty], CONTROLS, "bm25-prior", {}, _worded_pool(), False, 10)
    assert whole[1] != short[1]
    limited = dataclasses.replace(rank.load_config(), title_words={"bm25-prior": 10})
    monkeypatch.setattr(rank, "load_config", lambda path=None: limited)
    parts, features = sg.fused_parts([duty], CONTROLS, ranker="bm25-prior", topics={}, examples=_worded_pool())
    assert features == whole[1]
    assert parts == short[0]


def test_a_title_limit_that_is_not_a_whole_number_names_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "ranker.yaml"
    bad.write_text("weights:\n  hybrid: {bm25: 1}\n  bm25-prior: {bm25: 1}\n"
                   "no_match_below: {hybrid: 1, bm25-prior: 1}\nquery_title_words: {hybrid: 2.5}\n", encoding="utf-8")
    with pytest.raises(rank.RankConfigError, match=r"ranker\.yaml: query_title_words"):
        rank.load_config(bad)
