"""The statute import's duty extraction, one behaviour at a time: each test pins a rule a legal reviewer relies
on that the fresh seed-7 sampled mutation run of ``statute`` (statute.py, provisions.py, clauses.py) found
unchecked (docs/mutation-survivors.md, "the statute import", seed 7). Each fixture is a few lines of statute
text read through the public import functions, so the tests hold whatever the parser's internals become."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

from compgraph.legal.extract import extract_obligations
from compgraph.legal.provisions import statute_duties


def _parties(text: str) -> list[tuple[str, str | None]]:
    return [(d.ref, d.addressee) for d in statute_duties(text)]


def test_is_to_be_with_a_shared_negation_and_no_modal_verb_is_a_duty_and_a_prohibition() -> None:
    text = "Article 5\nRecords\n\n1. The data is to be deleted and not be kept.\n"
    assert _duties(text) == [("5(1)", "mandatory", "The data is to be deleted"),
                             ("5(1)", "prohibition", "… and not be kept.")]


def test_an_exception_between_two_duties_of_one_modality_keeps_them_apart() -> None:
    text = ("Article 5\nNotification\n\n1. The notification shall be made within 15 days, and shall not affect the "
            "rights of the deployer, and shall be made to the authority.\n")
    assert [t for _, _, t in _duties(text)] == [
        "The notification shall be made within 15 days", "The notification … and shall be made to the authority."]


def test_a_duty_after_two_conditions_takes_its_topic_from_the_clause_after_the_last_comma() -> None:
    # The conditions mention logs (documentation); the duty itself is to inform people (transparency).
    text = ("Article 5\nObligations\n\n1. If the system is tested, and the logs are kept, the deployer shall inform "
            "the natural persons concerned.\n")
    assert [(o.id, o.topic) for o in extract_obligations(text, "T", kind="regulation")] == [("T-5-1", "transparency")]


def test_they_in_the_second_duty_binds_the_party_of_the_first() -> None:
    text = ("Article 5\nDuties\n\n1. Deployers shall inform users. They shall keep the logs.\n"
            "2. Providers shall register the system.\n3. Providers shall test the system.\n")
    assert _parties(text)[:2] == [("5(1)", "deployer"), ("5(1), sentence 2", "deployer")]


def test_it_in_a_point_binds_the_party_its_paragraph_named() -> None:
    text = ("Article 5\nDuties\n\n1. Deployers shall inform users.\n(a) It shall keep the logs.\n"
            "2. Providers shall register the system.\n3. Providers shall test the system.\n")
    assert _parties(text)[:2] == [("5(1)", "deployer"), ("5(1)(a)", "deployer")]


def test_a_passive_duty_binds_the_party_named_after_by() -> None:
    text = ("Article 5\nDuties\n\n1. Providers shall register the system.\n"
            "2. The documentation shall be drawn up by deployers.\n")
    assert _parties(text) == [("5(1)", "provider"), ("5(2)", "deployer")]


def test_points_under_a_lead_in_without_a_modal_verb_bind_the_party_each_point_names() -> None:
    text = ("Article 5\nDuties\n\n1. In this Article:\n(a) deployers shall keep the logs;\n"
            "(b) providers shall register the system.\n")
    assert _parties(text) == [("5(1)(a)", "deployer"), ("5(1)(b)", "provider")]


def test_points_under_a_point_of_an_exception_bind_no_one() -> None:
    text = ("Article 5\nExceptions\n\n1. Paragraph 2 shall not apply where the provider:\n"
            "(a) has informed the authority, and:\n(i) shall keep the logs;\n(ii) shall register the system.\n")
    assert statute_duties(text) == []


def test_a_line_of_six_words_ending_in_a_full_stop_can_title_an_article_and_one_of_seven_cannot() -> None:
    def title(line: str) -> str:
        return statute_duties(f"Article 1\n{line}\n1. Providers shall keep records.\n")[0].section_title

    assert title("Reporting of incidents to the authority.") == "Reporting of incidents to the authority."
    assert title("Records of incidents reported to the authority.") == ""


def test_a_line_of_twelve_words_can_title_an_article_and_one_of_thirteen_cannot() -> None:
    def title(line: str) -> str:
        return statute_duties(f"Article 1\n{line}\n\n1. Providers shall keep records.\n")[0].section_title

    twelve = "Records of all new incidents of the AI systems of the EU"
    assert title(twelve) == twelve
    assert title("Records of all the new incidents of the AI systems of the EU") == ""


def test_a_letter_with_one_parenthesis_after_a_paragraph_number_is_the_paragraph_s_first_point() -> None:
    text = "Article 3\nDuties\n\n1. a) Providers shall register the system;\nb) Deployers shall keep the logs.\n"
    assert _parties(text) == [("3(1)(a)", "provider"), ("3(1)(b)", "deployer")]


def test_a_section_s_one_word_catchline_before_a_three_word_sentence_is_its_title() -> None:
    assert [(d.ref, d.section_title, d.text) for d in statute_duties("Section 2. Registration. Providers shall "
                                                                      "register.\n")] == [
        ("2", "Registration", "Providers shall register.")]


def test_a_short_line_without_a_full_stop_ends_its_sentence_and_the_next_line_is_a_new_one() -> None:
    text = "Article 2\nDuties\n\n1. Providers shall register\nThe deployers shall keep the logs.\n"
    assert _parties(text) == [("2(1)", "provider"), ("2(1), sentence 2", "deployer")]


def test_an_article_s_paragraph_cited_at_the_start_of_a_wrapped_line_opens_no_article() -> None:
    # "Article 6(1) of Regulation ..." cites a paragraph; it used to open Article 6 and file paragraph 2 there.
    text = ("Article 4\nScope\n\n1. Providers shall process the personal data in accordance with the conditions of\n"
            "Article 6(1) of Regulation (EU) 2016/679.\n2. Deployers shall inform users.\n")
    assert [(ref, t) for ref, _, t in _duties(text)] == [
        ("4(1)", "Providers shall process the personal data in accordance with the conditions of Article 6(1) of "
                 "Regulation (EU) 2016/679."),
        ("4(2)", "Deployers shall inform users.")]


def test_a_reference_followed_by_a_word_opening_in_lower_case_at_the_start_of_a_line_opens_no_article() -> None:
    # "eIDAS" opens in lower case like "of" or "by": the line goes on with a sentence, it is no heading.
    text = ("Article 4\nScope\n\n1. Providers shall accept the electronic identification means notified under the\n"
            "Article 9 eIDAS Regulation.\n2. Deployers shall inform users.\n")
    assert [(d.ref, d.section_title) for d in statute_duties(text)] == [("4(1)", "Scope"), ("4(2)", "Scope")]
