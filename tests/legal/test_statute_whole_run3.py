"""The statute import's duty extraction, one behaviour at a time: rules that the thirteenth session's whole run of the
``statute`` mutation group (statute.py, labels.py, provisions.py, clauses.py; every mutant, each on the tests that
execute the line it changes) found unchecked (docs/mutation-survivors.md, "the statute import", "Whole run
(2026-12-04, thirteenth session)"). Each fixture is a few lines of statute text read through the public import
functions; nothing is computed in a shared fixture (mutmut's attribution pitfall)."""

from __future__ import annotations

import pytest
from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import duty_clauses
from compgraph.legal.provisions import statute_duties
from compgraph.legal.statute import parse_provisions


def _parties(text: str) -> list[tuple[str, str | None]]:
    return [(d.ref, d.addressee) for d in statute_duties(text)]


# --- who a duty binds (provisions._addressees)


def test_it_in_a_paragraph_binds_the_party_named_just_before_not_the_one_the_paragraph_names_most() -> None:
    text = (
        "Article 5\nDuties\n\n1. The provider shall keep the logs. The provider shall test the system. "
        "The deployer shall monitor the system. It shall report incidents.\n"
    )
    assert _parties(text)[-1] == ("5(1), sentence 4", "deployer")


def test_it_in_a_point_binds_the_party_the_point_before_names() -> None:
    text = (
        "Article 5\nDuties\n\n1. The following rules apply:\n(a) The provider shall keep records.\n"
        "(b) The deployer shall monitor the system.\n(c) It shall report incidents.\n"
    )
    assert _parties(text)[-1] == ("5(1)(c)", "deployer")


def test_it_right_after_a_paragraph_s_first_duty_binds_that_duty_s_party() -> None:
    text = (
        "Article 5\nDuties\n\n1. The deployer shall monitor the system. It shall report incidents. "
        "The provider shall keep logs. The provider shall test the system.\n"
    )
    assert _parties(text)[1] == ("5(1), sentence 2", "deployer")


def test_it_binds_the_party_named_just_before_when_the_article_before_holds_a_duty_of_its_own() -> None:
    text = (
        "Article 4\nScope\n\n1. The provider shall register.\n\nArticle 5\nDuties\n\n"
        "1. The deployer shall monitor the system. It shall report incidents. The provider shall keep logs. "
        "The provider shall test the system.\n"
    )
    assert _parties(text)[2] == ("5(1), sentence 2", "deployer")


def test_it_binds_the_party_named_just_before_when_the_paragraph_before_holds_a_duty_of_its_own() -> None:
    text = (
        "Article 5\nDuties\n\n1. The provider shall register.\n2. The deployer shall monitor the system. "
        "It shall report incidents. The provider shall keep logs. The provider shall test the system.\n"
    )
    assert _parties(text)[2] == ("5(2), sentence 2", "deployer")


def test_it_binds_the_party_named_just_before_when_the_duty_before_that_names_none() -> None:
    text = (
        "Article 5\nDuties\n\n1. Records shall be kept. The deployer shall monitor the system. It shall report "
        "incidents. The provider shall keep logs. The provider shall test the system.\n"
    )
    assert _parties(text)[2] == ("5(1), sentence 3", "deployer")


def test_it_opening_a_text_binds_the_party_its_paragraph_names_most_not_the_text_s_last_party() -> None:
    text = (
        "Article 5\nDuties\n\n1. It shall keep the logs. The provider shall test the system. "
        "The provider shall register. The deployer shall monitor the system.\n"
    )
    assert _parties(text)[0] == ("5(1)", "provider")


def test_it_opening_a_new_paragraph_binds_the_party_its_article_names_most_not_the_last_paragraph_s() -> None:
    text = (
        "Article 5\nDuties\n\n1. The provider shall keep the logs. The provider shall test the system.\n"
        "2. The deployer shall monitor the system.\n3. It shall report incidents.\n"
    )
    assert _parties(text)[-1] == ("5(3)", "provider")


def test_a_duty_whose_subject_is_the_data_subject_binds_the_party_its_article_names() -> None:
    # "The data subject shall provide the information": stated as the data subject's, met by whoever asks for it
    text = (
        "Article 5\nDuties\n\n1. The processor shall keep records. The processor shall assist.\n"
        "2. The data subject shall provide the information requested.\n"
    )
    assert _parties(text)[-1] == ("5(2)", "processor")


def test_a_passive_permission_about_data_subjects_binds_the_party_its_article_names() -> None:
    text = (
        "Article 5\nDuties\n\n1. The processor shall keep records. The processor shall assist.\n"
        "2. Data subjects may be contacted only in writing.\n"
    )
    assert _parties(text)[-1] == ("5(2)", "processor")


def test_after_a_passive_duty_s_agent_the_next_duty_s_party_is_still_looked_for() -> None:
    text = (
        "Article 5\nDuties\n\n1. The technical documentation shall be drawn up by the provider.\n"
        "2. The deployer shall keep logs. The deployer shall monitor the system.\n"
        "3. The data subject shall provide the information requested.\n"
    )
    assert _parties(text) == [
        ("5(1)", "provider"),
        ("5(2)", "deployer"),
        ("5(2), sentence 2", "deployer"),
        ("5(3)", "deployer"),
    ]


def test_a_passive_duty_binds_the_party_its_paragraph_names_most_often_not_the_one_it_names_first() -> None:
    text = (
        "Article 5\nDuties\n\n1. The deployer shall monitor the system. The provider shall keep logs. The provider "
        "shall test the system. Records shall be kept.\n"
    )
    assert _parties(text)[-1] == ("5(1), sentence 4", "provider")


def test_a_passive_duty_beside_the_data_subject_s_rights_binds_the_party_that_acts_not_the_data_subject() -> None:
    text = (
        "Article 5\nDuties\n\n1. The consumer may ask for a copy. The consumer may ask for a correction. "
        "The controller shall keep records. Records shall be kept for a year.\n"
    )
    assert _parties(text)[-1] == ("5(1), sentence 4", "controller")


def test_a_passive_duty_in_an_article_s_unnumbered_opening_binds_the_party_that_opening_names() -> None:
    text = (
        "Article 5\nDuties\n\nThe deployer shall monitor the system. Records shall be kept.\n"
        "1. The provider shall keep logs.\n2. The provider shall test the system.\n"
    )
    assert _parties(text)[1] == ("5, sentence 2", "deployer")


def test_a_passive_duty_in_an_article_naming_no_party_binds_the_operator_the_text_names_not_a_public_body() -> None:
    text = (
        "Article 5\nDuties\n\n1. The provider shall keep logs.\n2. The Commission shall publish guidance. "
        "The Commission shall review it.\n\nArticle 6\nRecords\n\n1. Records shall be kept.\n"
    )
    assert _parties(text)[-1] == ("6(1)", "provider")


def test_a_passive_duty_in_a_text_naming_no_operator_binds_the_body_it_names_not_the_data_subject() -> None:
    text = (
        "Article 5\nRights\n\n1. The consumer may ask for a copy. The consumer may ask for a correction.\n"
        "2. The Commission shall publish guidance.\n\nArticle 6\nRecords\n\n1. Records shall be kept.\n"
    )
    assert _parties(text)[-1] == ("6(1)", "commission")


def _organisation_among(duties: int) -> str:
    # one duty naming personal information, of ``duties`` in all
    others = "".join(f"{n}. The provider shall keep record number {n}.\n" for n in range(2, duties + 1))
    return f"Article 5\nDuties\n\n1. The organisation shall protect personal information.\n{others}"


def test_an_organisation_is_the_controller_where_one_duty_in_ten_is_about_personal_information() -> None:
    assert _parties(_organisation_among(10))[0] == ("5(1)", "controller")


def test_an_organisation_is_not_the_controller_where_one_duty_in_eleven_is_about_personal_information() -> None:
    assert _parties(_organisation_among(11))[0] == ("5(1)", "provider")


def test_a_passive_duty_about_personal_information_binds_the_party_its_article_names_not_a_controller() -> None:
    # only an "organisation" is read as the controller in a personal-data law; a passive duty names no one
    text = (
        "Article 5\nDuties\n\n1. The processor shall protect personal information.\n"
        "2. The processor shall keep records.\n3. Personal information shall be kept accurate.\n"
    )
    assert _parties(text)[-1] == ("5(3)", "processor")


# --- the citation and id of each duty (provisions.statute_duties, _ref, _unique)


def test_a_sub_point_of_an_annex_item_is_cited_as_a_lawyer_cites_it() -> None:
    text = (
        "Annex IV\nTechnical documentation\n\n2. The documentation shall contain:\n(b) the design, including:\n"
        "(i) the logic;\n(ii) the choices.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["Annex IV, 2(b)(i)", "Annex IV, 2(b)(ii)"]


def test_points_under_a_label_alone_on_its_line_read_the_lead_in_and_that_label() -> None:
    text = "Article 8\nDuties\n\n1. The provider shall:\n(a)\n(i) keep the logs;\n(ii) keep records.\n"
    assert _duties(text) == [
        ("8(1)(a)(i)", "mandatory", "The provider shall: (a) (i) keep the logs;"),
        ("8(1)(a)(ii)", "mandatory", "The provider shall: (a) (ii) keep records."),
    ]


def test_points_under_two_labels_alone_on_their_line_read_the_lead_in_and_both_labels() -> None:
    text = "Article 8\nDuties\n\n1. The provider shall:\n(a) (i)\n(A) keep logs;\n(B) keep records.\n"
    assert _duties(text) == [
        ("8(1)(a)(i)(A)", "mandatory", "The provider shall: (a) (i) (A) keep logs;"),
        ("8(1)(a)(i)(B)", "mandatory", "The provider shall: (a) (i) (B) keep records."),
    ]


def test_points_under_a_lead_in_with_two_labels_on_its_line_read_both_labels() -> None:
    text = (
        "Article 8\nDuties\n\n1. The provider shall:\n(a) (i) ensure that:\n(A) logs are kept;\n(B) records are kept.\n"
    )
    assert _duties(text) == [
        ("8(1)(a)(i)(A)", "mandatory", "The provider shall: (a) (i) ensure that: (A) logs are kept;"),
        ("8(1)(a)(i)(B)", "mandatory", "The provider shall: (a) (i) ensure that: (B) records are kept."),
    ]


def test_a_sentence_after_a_paragraph_s_list_is_numbered_after_the_list_s_lead_in() -> None:
    text = (
        "Article 8\nDuties\n\n1. The provider shall keep logs. The provider shall test. The provider shall:\n"
        "(a) keep records;\n(b) keep plans.\nThe provider shall also register.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == [
        "8(1)",
        "8(1), sentence 2",
        "8(1)(a)",
        "8(1)(b)",
        "8(1), sentence 4",
    ]


def test_every_duty_of_a_paragraph_has_an_id_of_its_own_where_two_are_cited_as_its_sentence_2() -> None:
    # the sentence that follows the lead-in's colon on its line binds by its own verbs, as the lead-in's sentence 2
    text = (
        "Article 8\nDuties\n\n1. The provider shall keep logs. The provider shall test. The documentation shall "
        "contain the following elements: With regard to point (b), the provider may use a template, and the deployer "
        "shall keep it.\n(a) the design;\n(b) the logic.\n"
    )
    assert [d.id_path for d in statute_duties(text)] == ["8-1-s2", "8-1-s2-c2", "8-1", "8-1-s2-2", "8-1-a", "8-1-b"]


def test_a_translation_s_roman_item_after_a_third_numbered_item_is_the_fourth_across_a_line_of_text() -> None:
    # "(iv)" after "(3)" is item 4; the line between belongs to item 3, as the list goes on after it
    text = (
        "Article 3\nDuties\n\n(a) The provider shall:\n(1) keep logs;\n(2) keep records;\n(3) keep plans.\n"
        "The plans are kept for a year.\n(iv) keep notes.\n"
    )
    assert [p.path for p in parse_provisions(text)] == [
        ("a",),
        ("a", "1"),
        ("a", "2"),
        ("a", "3"),
        ("a", "3"),
        ("a", "4"),
    ]


# --- which lines open an article or section, and its title (statute._heading, statute._long_title)


def test_an_article_heading_of_160_characters_opens_its_article() -> None:
    heading = "Article 5 " + " ".join(["Requirements"] * 11)
    heading += " " + "y" * (160 - len(heading) - 1)
    assert len(heading) == 160
    text = (
        f"Article 4\nScope\n\n1. The provider shall keep logs.\n\n{heading}\n\n1. The provider shall test the system.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["4(1)", "5(1)"]


def test_a_line_citing_an_article_and_its_title_before_a_comma_does_not_open_that_article() -> None:
    text = (
        "Article 4\nScope\n\n1. The provider shall comply with the requirements of\n"
        "Article 9 Risk management system,\nin full.\n2. The provider shall keep logs.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["4(1)", "4(2)"]


def test_a_bill_without_headings_whose_first_section_is_its_short_title_cites_its_second_section_as_2() -> None:
    text = "1. Short title\nThis Act may be cited as the Data Act.\n2. The agency shall publish a report.\n"
    assert [ref for ref, _, _ in _duties(text)] == ["2"]


def test_an_article_title_of_twenty_five_words_set_off_by_a_blank_line_is_its_title() -> None:
    title = " ".join(["Rules"] * 25)
    text = f"Article 5\n\n{title}\n\n1. The provider shall keep logs.\n"
    assert [d.section_title for d in statute_duties(text)] == [title]


def test_a_line_of_twenty_six_words_under_an_article_number_is_not_its_title() -> None:
    text = "Article 5\n\n" + " ".join(["Rules"] * 26) + "\n\n1. The provider shall keep logs.\n"
    assert [d.section_title for d in statute_duties(text)] == [""]


def test_a_standard_s_clause_numbered_on_a_line_of_its_own_opens_a_section_without_a_title() -> None:
    text = "4.1 Principle 1 — Accountability\n\n4.1.1\nThe organization shall designate an individual.\n"
    assert [(d.ref, d.section_title) for d in statute_duties(text)] == [("4.1.1", "")]


def test_a_paragraph_ending_in_a_closing_quotation_mark_in_a_text_that_amends_nothing_is_read_as_it_stands() -> None:
    # the closing quotation marks end quoted code text only inside an amending bill's section
    text = (
        "Article 5\nLabels\n\n1. The provider shall label content as “AI-generated”.\n"
        "2. The deployer shall keep the labels.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["5(1)", "5(2)"]


def test_a_line_of_text_between_capital_roman_items_whose_list_goes_on_belongs_to_the_item_above() -> None:
    text = (
        "Article 3\nDuties\n\n(a) The provider shall:\n(I) keep logs;\n(II) keep records.\n"
        "The records are kept for a year.\n(III) keep plans.\n"
    )
    assert [p.path for p in parse_provisions(text)] == [
        ("a",),
        ("a", "I"),
        ("a", "II"),
        ("a", "II"),
        ("a", "III"),
    ]


def test_a_translation_s_roman_second_item_after_its_first_numbered_item_is_item_2() -> None:
    text = "Article 3\nDuties\n\n(a) The provider shall:\n(1) keep logs;\n(ii) keep records.\n"
    assert [ref for ref, _, _ in _duties(text)] == ["3(a)(1)", "3(a)(2)"]


# --- the words naming who is bound (provisions._subject)


def test_a_party_whose_only_modal_verb_is_in_its_relative_clause_is_the_party_bound() -> None:
    text = "Article 8\nDuties\n\n1. Any provider who must register notifies the deployer.\n"
    assert _parties(text) == [("8(1)", "provider")]


# --- a point that borrows its lead-in's verb, then a clause of its own after a semicolon (clauses._semicolon_duties)


def test_a_party_s_own_duty_after_a_point_s_semicolon_is_a_duty_of_its_own() -> None:
    text = (
        "Article 8\nDuties\n\n1. The provider shall:\n(a) keep the logs; the deployer shall keep them for six months.\n"
    )
    assert _duties(text) == [
        ("8(1)(a)", "mandatory", "The provider shall: (a) keep the logs;"),
        ("8(1)(a)", "mandatory", "The provider shall: (a) … the deployer shall keep them for six months."),
    ]


def test_an_exception_to_the_obligation_between_two_parties_own_duties_after_a_point_is_left_out() -> None:
    text = (
        "Article 8\nDuties\n\n1. The provider shall:\n(a) keep the logs; the deployer shall keep them for six months; "
        "this obligation shall not cover SMEs; the importer shall verify them.\n"
    )
    assert _duties(text) == [
        ("8(1)(a)", "mandatory", "The provider shall: (a) keep the logs;"),
        ("8(1)(a)", "mandatory", "The provider shall: (a) … the deployer shall keep them for six months;"),
        ("8(1)(a)", "mandatory", "The provider shall: (a) … the importer shall verify them."),
    ]


def test_a_party_s_own_duty_joined_by_and_after_a_point_s_semicolon_is_cut_again_at_the_next_party_s() -> None:
    text = (
        "Article 8\nDuties\n\n1. The provider shall:\n(a) keep the logs; and the deployer shall keep them for six "
        "months; the importer shall verify them.\n"
    )
    assert _duties(text) == [
        ("8(1)(a)", "mandatory", "The provider shall: (a) keep the logs;"),
        ("8(1)(a)", "mandatory", "The provider shall: (a) … and the deployer shall keep them for six months;"),
        ("8(1)(a)", "mandatory", "The provider shall: (a) … the importer shall verify them."),
    ]


def test_a_party_s_own_duty_after_a_point_s_semicolon_is_kept_apart_from_an_exception_coordinated_after_it() -> None:
    text = (
        "Article 8\nDuties\n\n1. The provider shall:\n(a) keep the logs; the deployer shall keep them for six months, "
        "and the rule shall not apply to SMEs; the importer shall verify them.\n"
    )
    assert _duties(text) == [
        ("8(1)(a)", "mandatory", "The provider shall: (a) keep the logs;"),
        ("8(1)(a)", "mandatory", "The provider shall: (a) … the deployer shall keep them for six months"),
        ("8(1)(a)", "mandatory", "The provider shall: (a) … the importer shall verify them."),
    ]


def test_an_extension_a_point_s_period_may_be_given_is_a_permission_beside_its_duty() -> None:
    text = (
        "Article 8\nDuties\n\n1. The provider shall:\n(a) keep the logs for a period not longer than six months, "
        "which may be extended for six months.\n"
    )
    assert _duties(text) == [
        ("8(1)(a)", "mandatory", "The provider shall: (a) keep the logs for a period not longer than six months"),
        ("8(1)(a)", "permission", "The provider shall: (a) … which may be extended for six months."),
    ]


@pytest.mark.xfail(
    strict=True,
    reason="known loss: the deployer's own clause after the point's semicolon is read "
    "together with the exception after the next semicolon, and both are dropped",
)
def test_a_party_s_own_duty_after_a_point_s_semicolon_survives_an_exception_that_follows_it() -> None:
    text = (
        "Article 8\nDuties\n\n1. The provider shall:\n(a) keep the logs; the deployer shall keep them for six "
        "months; this point shall not apply to SMEs.\n"
    )
    assert _duties(text) == [
        ("8(1)(a)", "mandatory", "The provider shall: (a) keep the logs;"),
        ("8(1)(a)", "mandatory", "The provider shall: (a) … the deployer shall keep them for six months;"),
    ]


def test_a_party_s_own_duty_after_a_point_s_semicolon_binds_that_party() -> None:
    text = (
        "Article 8\nDuties\n\n1. The provider shall:\n(a) keep the logs; the deployer shall keep them for six months.\n"
    )
    assert _parties(text) == [("8(1)(a)", "provider"), ("8(1)(a)", "deployer")]


def test_a_second_party_s_duty_after_a_semicolon_in_a_point_with_its_own_verb_is_a_duty_of_its_own() -> None:
    text = (
        "Article 8\nDuties\n\n1. The following applies:\n(a) the provider shall keep the logs; the deployer shall keep "
        "them for six months.\n"
    )
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [("8(1)(a)", "mandatory"), ("8(1)(a)", "mandatory")]
    assert rows[1][2].endswith("the deployer shall keep them for six months.")


# --- the modality of a point (provisions._point, clauses.explicit_permission, clauses.later_clauses)


def test_a_point_s_first_sentence_stays_its_duty_when_it_and_a_later_deeming_sentence_both_hold_exceptions() -> None:
    text = (
        "Article 8\nDuties\n\n1. The provider shall:\n(a) keep the logs; this point shall not apply to SMEs. The logs "
        "are deemed complete.\n(b) keep records.\n"
    )
    assert _duties(text) == [
        ("8(1)(a)", "mandatory", "The provider shall: (a) keep the logs; this point shall not apply to SMEs."),
        ("8(1)(b)", "mandatory", "The provider shall: (b) keep records."),
    ]


def test_a_permission_s_condition_allowing_in_so_many_words_is_a_permission_one_with_a_bare_may_a_duty() -> None:
    text = (
        "Article 8\nDuties\n\n1. The provider may process personal data only where all the following conditions are "
        "met:\n(a) the data can be shared only in accordance with Union law;\n(b) the results may be published.\n"
    )
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("8(1)", "permission"),
        ("8(1)(a)", "permission"),
        ("8(1)(b)", "mandatory"),
    ]


def test_a_permission_s_condition_that_neither_leads_to_one_thing_nor_affects_another_is_a_prohibition() -> None:
    text = (
        "Article 8\nDuties\n\n1. The provider may process personal data only where all the following conditions are "
        "met:\n(a) the data are kept secure;\n(b) the processing neither leads to measures against the persons nor "
        "affects their rights.\n"
    )
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("8(1)", "permission"),
        ("8(1)(a)", "mandatory"),
        ("8(1)(b)", "prohibition"),
    ]


def test_a_point_s_own_should_under_a_shall_lead_in_is_bound_by_the_lead_in() -> None:
    text = "Article 8\nDuties\n\n1. The provider shall ensure that:\n(a) the system should be tested before use.\n"
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("8(1)(a)", "mandatory")]


def test_a_statement_of_fact_coordinated_after_a_point_s_duty_stays_in_the_point_and_grants_nothing() -> None:
    text = "Article 8\nDuties\n\n1. The provider shall:\n(a) keep the logs, and the logs are not public.\n"
    assert _duties(text) == [
        ("8(1)(a)", "mandatory", "The provider shall: (a) keep the logs, and the logs are not public."),
    ]


def test_a_second_party_s_permission_after_a_semicolon_in_a_point_with_its_own_verb_stands_apart() -> None:
    text = (
        "Article 8\nDuties\n\n1. The following applies:\n(a) the provider shall keep the logs; the deployer may read "
        "them.\n"
    )
    assert _duties(text) == [
        ("8(1)(a)", "mandatory", "The following applies: (a) the provider shall keep the logs;"),
        ("8(1)(a)", "permission", "The following applies: (a) … the deployer may read them."),
    ]


# --- a verb repeated after a comma (clauses._pieces)


def test_a_prohibition_whose_subject_a_comma_sets_off_is_one_duty() -> None:
    assert duty_clauses("The provider, in any case, shall not delete the logs.") == [
        ("prohibition", "The provider, in any case, shall not delete the logs.")
    ]


def test_a_second_party_s_duty_after_a_prohibition_whose_subject_a_comma_sets_off_is_a_duty_of_its_own() -> None:
    assert duty_clauses("The provider, in any case, shall not delete the logs, and the deployer shall keep them.") == [
        ("prohibition", "The provider, in any case, shall not delete the logs"),
        ("mandatory", "the deployer shall keep them."),
    ]


# --- a party named after a preposition (clauses.statute_addressee)


def test_a_party_a_passive_duty_s_opening_words_address_is_not_bound_by_it() -> None:
    # "To the deployer, notice shall be given": the deployer is whom the notice is for
    text = (
        "Article 5\nDuties\n\n1. The provider shall keep logs. The provider shall test the system.\n"
        "2. To the deployer, notice shall be given.\n"
    )
    assert _parties(text)[-1] == ("5(2)", "provider")


def test_a_party_named_after_a_preposition_and_again_before_the_verb_is_bound() -> None:
    text = (
        "Article 5\nDuties\n\n1. The provider shall keep logs. The provider shall test the system.\n"
        "2. In agreement with the deployer, the deployer shall keep the logs.\n"
    )
    assert _parties(text)[-1] == ("5(2)", "deployer")
