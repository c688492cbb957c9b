"""The duty-reading rules of legal/duties.py, one sentence per behaviour.

tests/legal/test_ingest.py checks whole extractions; mutation testing (tools/mutation.py) showed that the
names the rules return, the topic weights and tie-break, and a risk level written with a capital were
never pinned: renaming "mandatory" or "permission", or dividing the hit count instead of multiplying,
passed every test.
"""

from __future__ import annotations

import pytest

from compgraph.legal.duties import detect_modality, detect_topic, risk_level, subject_area


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Providers shall keep the logs for six months.", "mandatory"),
        ("Deployers should review the output weekly.", "recommended"),
        ("The company is committed to fair hiring.", "commitment"),
        ("Deployers may request the technical documentation.", "permission"),
    ],
)
def test_an_explicit_marker_names_its_modality(sentence: str, modality: str) -> None:
    assert detect_modality(sentence) == (modality, True)


def test_a_negated_duty_with_a_positive_marker_is_a_prohibition() -> None:
    assert detect_modality("Staff must not share passwords with the model.") == ("prohibition", True)


def test_a_negated_can_without_any_positive_marker_is_a_prohibition() -> None:
    assert detect_modality("Customer data can not be pasted into public chat tools.") == ("prohibition", True)


def test_a_statement_without_any_marker_has_no_modality() -> None:
    assert detect_modality("The weather was fine.") == (None, False)


def test_a_topic_hit_three_times_outweighs_one_hit_once() -> None:
    assert detect_topic(None, "privacy, privacy and privacy before security", "") == "privacy"
    assert detect_topic(None, "security, security and security before privacy", "") == "security"


def test_topics_that_tie_go_to_the_earlier_more_specific_rule() -> None:
    assert detect_topic(None, "security and privacy", "") == "privacy"


def test_a_bullet_label_weighs_more_than_the_section_title() -> None:
    assert detect_topic("Security", "nothing here", "Privacy") == "security"


def test_a_statement_without_keywords_is_about_compliance() -> None:
    assert detect_topic(None, "zzz", "") == "compliance"


def test_a_capitalised_risk_level_at_the_start_scopes_the_statement() -> None:
    assert risk_level("High-risk systems shall be logged.") == "high"


def test_the_clause_after_an_impersonal_it_is_that_joins_the_subject() -> None:
    assert subject_area("It is essential that providers keep logs.") == " providers keep "
