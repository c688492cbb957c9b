"""The duty-reading rules of legal/duties.py, one sentence per behaviour.

tests/legal/test_ingest.py checks whole extractions; mutation testing (tools/mutation.py) showed that the
names the rules return, the topic weights and tie-break, and a risk level written with a capital were
never pinned: renaming "mandatory" or "permission", or dividing the hit count instead of multiplying,
passed every test. The full run over all 176 mutants (docs/mutation-survivors.md) added the rest: whether a
duty is explicit or implicit (a list's lead-in may override only an implicit one), each prohibition path,
the weight of each source of a topic, the addressee's tie-break and a passing mention of a risk level.
"""

from __future__ import annotations

import pytest

from compgraph.legal.duties import detect_addressee, detect_modality, detect_topic, risk_level, subject_area


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


def test_an_imperative_in_a_policy_is_an_implicit_mandatory_duty_by_default() -> None:
    # No kind given: a policy is the default reading.
    assert detect_modality("Keep the logs for a year.") == ("mandatory", False)


def test_a_bold_label_before_an_imperative_does_not_hide_it() -> None:
    assert detect_modality("**Logging**: Keep the logs for a year.") == ("mandatory", False)


def test_a_sentence_about_the_document_is_no_duty_and_not_explicit() -> None:
    assert detect_modality("This section sets out what providers must do.") == (None, False)


def test_an_imperative_refraining_from_something_is_a_prohibition() -> None:
    assert detect_modality("Always refrain from pasting client data into public chatbots.") == ("prohibition", True)


def test_a_prohibition_wins_over_a_positive_marker_in_the_same_sentence() -> None:
    sentence = "Sharing client data with public chatbots is prohibited and staff are required to report any leak."
    assert detect_modality(sentence) == ("prohibition", True)


def test_dont_at_the_start_of_a_sentence_is_a_prohibition() -> None:
    assert detect_modality("Don't paste client data into public chatbots.") == ("prohibition", True)


def test_a_negated_may_in_capitals_is_a_prohibition() -> None:
    assert detect_modality("PERSONAL DATA MAY NOT BE ENTERED INTO PUBLIC TOOLS.") == ("prohibition", True)


def test_a_sentence_only_describing_what_is_prohibited_is_no_duty() -> None:
    assert detect_modality("Some practices are prohibited under Article 5.") == (None, False)


def test_we_never_is_a_prohibition_not_a_commitment() -> None:
    assert detect_modality("We never sell customer data.") == ("prohibition", True)


def test_a_policy_sentence_ending_on_a_ban_is_a_prohibition() -> None:
    assert detect_modality("The use of personal devices is prohibited.") == ("prohibition", True)


def test_a_statute_sentence_that_only_calls_something_prohibited_is_no_duty() -> None:
    # a regulation's "X is prohibited." restates a ban made elsewhere (Article 5); its duties carry a modal
    assert detect_modality("The use of such systems is prohibited.", "regulation") == (None, False)


def test_avoid_with_a_gerund_is_an_implicit_prohibition() -> None:
    assert detect_modality("Avoid sharing passwords.") == ("prohibition", False)


def test_we_with_a_present_tense_verb_is_an_implicit_commitment() -> None:
    assert detect_modality("We design every model with a human in the loop.") == ("commitment", False)


def test_topic_hits_in_the_title_and_the_statement_add_up() -> None:
    assert detect_topic(None, "security, security, security; privacy and privacy", "Privacy") == "privacy"


def test_a_keyword_counts_at_most_three_times() -> None:
    # security capped at 3 ties privacy's 3; the tie goes to the earlier rule.
    assert detect_topic(None, "security security security security privacy privacy privacy", "") == "privacy"


def test_a_bullet_label_weighs_as_much_as_three_statement_hits() -> None:
    assert detect_topic("Security", "privacy, privacy, privacy", "") == "privacy"


def test_a_section_title_weighs_more_than_one_statement_hit() -> None:
    assert detect_topic(None, "privacy", "Security") == "security"


def test_roles_ending_at_the_same_word_go_to_the_earlier_rule() -> None:
    assert detect_addressee("The management team") == "management"


def test_a_subject_naming_no_role_has_no_addressee() -> None:
    assert detect_addressee("Nobody in particular") is None


def test_the_subject_of_an_imperative_is_the_reader() -> None:
    assert subject_area("Keep the logs for a year.") == "you Keep the logs for a year."


def test_the_words_before_an_impersonal_it_is_stay_in_the_subject() -> None:
    assert subject_area("In small firms it is essential that staff keep logs.") == "In small firms  staff keep "


def test_a_passing_mention_of_a_risk_level_does_not_scope_the_statement() -> None:
    assert risk_level("Staff must take particular care in high-risk applications.") is None
