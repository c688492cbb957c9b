"""The statute import's duty extraction, one behaviour at a time: each test pins a rule a legal reviewer relies
on that the sampled mutation run of ``statute`` (statute.py, provisions.py, clauses.py) found unchecked
(docs/mutation-survivors.md, "the statute import")."""

from __future__ import annotations

from compgraph.legal.clauses import statute_topic
from compgraph.legal.extract import extract_obligations
from compgraph.legal.provisions import statute_duties


def _refs(text: str) -> list[str]:
    return [d.ref for d in statute_duties(text)]


def test_a_duty_of_a_text_without_sections_or_labels_is_cited_as_the_whole_text() -> None:
    obs = extract_obligations("A developer shall use reasonable care.\n", "T", kind="regulation")
    assert [(o.id, o.ref) for o in obs] == [("T", "whole text")]


def test_a_section_number_the_document_repeats_is_cited_apart_from_the_first() -> None:
    text = ("Article 1\nScope\n\n1. Providers shall register.\n\n"
            "Article 1\nRecords\n\n1. Deployers shall keep logs.\n")
    assert _refs(text) == ["1(1)", "1.2(1)"]


def test_a_line_of_more_than_160_characters_is_text_not_a_heading() -> None:
    def text(heading: str) -> str:
        return f"Article 1\nScope\n\n1. Providers shall keep logs.\n{heading}\n2. Deployers shall inform users.\n"

    title = "Requirements for the documentation, the logging and the human oversight of the systems listed in " \
            "Annex III, points 1 to 8, and of the general-purpose models alike"
    at_limit = f"Article 2 {title}"[:160]
    assert _refs(text(at_limit)) == ["1(1)", "2(2)"]
    assert _refs(text(at_limit + "x")) == ["1(1)", "1(2)"]


def test_sentences_split_after_initials_that_end_an_abbreviation_only_where_a_sentence_ends() -> None:
    text = ("Article 2\nNotification\n\n1. The provider shall notify the U.S. Department of Commerce. "
            "The deployer shall keep the logs. The importer shall verify the marking.\n")
    assert _refs(text) == ["2(1)", "2(1), sentence 2", "2(1), sentence 3"]


def test_the_offset_of_a_paragraph_on_its_section_s_heading_line_points_at_the_paragraph_s_words() -> None:
    text = ("Preamble.\n\n6-1-1702. Developer duty to avoid discrimination. "
            "(1) A developer shall use reasonable care.\n")
    [duty] = statute_duties(text)
    assert (duty.ref, text[duty.start:duty.start + len(duty.text)]) == (
        "6-1-1702(1)", "A developer shall use reasonable care.")


def test_a_part_heading_above_an_unsectioned_text_opens_no_section_and_the_catchline_under_it_titles_it() -> None:
    obs = extract_obligations("PART 1\nTransparency\n\nA developer shall disclose the system.\n", "T",
                              kind="regulation")
    assert [(o.id, o.ref, o.section_title, o.topic) for o in obs] == [
        ("T", "whole text", "Transparency", "transparency")]


def test_a_chapter_cited_at_the_start_of_a_wrapped_line_stays_in_the_duty_s_text() -> None:
    text = ("Article 4\nScope\n\n1. Providers shall comply with the requirements set out in\n"
            "Chapter 2 of this Regulation.\n")
    assert [d.text for d in statute_duties(text)] == [
        "Providers shall comply with the requirements set out in Chapter 2 of this Regulation."]


def test_a_prohibition_added_to_a_point_takes_its_topic_from_its_own_words_not_the_lead_in() -> None:
    text = ("Article 3\nObligations\n\n1. Providers shall report to the authority:\n"
            "(a) the incidents, but shall not disclose personal data;\n(b) the measures taken.\n")
    obs = extract_obligations(text, "T", kind="regulation")
    assert [(o.id, o.modality, o.topic) for o in obs][:2] == [
        ("T-3-1-a", "mandatory", "reporting"), ("T-3-1-a-c2", "prohibition", "privacy")]


def test_a_passive_duty_in_an_article_naming_no_party_binds_the_operator_the_document_addresses() -> None:
    text = ("Article 1\nObligations\n\n1. Providers shall register the system.\n\n"
            "Article 2\nRecords\n\n1. The logs shall be kept for six months.\n")
    assert [(d.ref, d.addressee) for d in statute_duties(text)] == [("1(1)", "provider"), ("2(1)", "provider")]


def test_a_passive_duty_binds_the_party_its_own_paragraph_names_before_the_articles_majority() -> None:
    # "Providers ... shall keep the logs. The logs shall be kept for a period ..." (AI Act Art. 19(1)).
    text = ("Article 5\nDuties\n\n1. Deployers shall inform users.\n2. Deployers shall keep records.\n"
            "3. Providers shall register the system. The logs shall be kept for six months.\n")
    assert [(d.ref, d.addressee) for d in statute_duties(text)][2:] == [
        ("5(3)", "provider"), ("5(3), sentence 2", "provider")]


def test_a_passive_duty_in_a_paragraph_naming_no_party_binds_the_party_its_article_names_most() -> None:
    text = ("Article 5\nDuties\n\n1. Deployers shall inform users.\n2. Deployers shall keep records.\n"
            "3. Providers shall register the system.\n4. The logs shall be kept for six months.\n")
    assert [(d.ref, d.addressee) for d in statute_duties(text)][3:] == [("5(4)", "deployer")]


def test_a_run_in_section_sentence_wrapped_after_a_comma_keeps_its_duty() -> None:
    # The wrapped line once made "Section 3. The Director shall report ...," a heading: its duty was lost.
    text = ("Section 3. The Director shall report to the Governor on the open data system,\n"
            "and on its costs.\n\nSection 4. The Director shall publish the report.\n")
    assert [(d.ref, d.text) for d in statute_duties(text)] == [
        ("3", "The Director shall report to the Governor on the open data system, and on its costs."),
        ("4", "The Director shall publish the report.")]


def test_a_clause_with_its_own_subject_after_a_semicolon_and_is_a_duty_of_its_own() -> None:
    text = "Section 4. The Director shall publish the report; and the Governor shall approve it.\n"
    assert [(d.ref, d.text) for d in statute_duties(text)] == [
        ("4", "The Director shall publish the report"), ("4", "the Governor shall approve it.")]


def test_two_duties_of_one_modality_with_subjects_of_their_own_stay_two() -> None:
    # Each binds its own party (an auditor asks the Governor for the approval, not the Director).
    text = "Section 4. The Director shall publish the report, and the Governor shall approve it.\n"
    assert [d.text for d in statute_duties(text)] == [
        "The Director shall publish the report", "the Governor shall approve it."]


def test_a_label_alone_on_its_line_does_not_make_the_paragraph_above_a_lead_in() -> None:
    # Once the empty "(a)" made "(1)" a lead-in: its own duty was lost and "(i)" was bound to the provider.
    text = ("Article 5\nRecords\n\n(1) The provider shall keep records.\n(a)\n"
            "(i) The deployer shall keep logs.\n")
    assert [(d.ref, d.text, d.addressee) for d in statute_duties(text)] == [
        ("5(1)", "The provider shall keep records.", "provider"),
        ("5(1)(a)(i)", "The deployer shall keep logs.", "deployer")]


def test_a_risk_class_between_a_reporting_verb_and_its_object_does_not_hide_the_reporting_topic() -> None:
    assert statute_topic("The importer shall notify the high-risk providers of the incident.", "Obligations") == \
        "reporting"
