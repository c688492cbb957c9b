"""The statute import's duty extraction, one behaviour at a time: each test pins a rule a legal reviewer relies
on that the whole-module mutation run of ``statute`` (statute.py, provisions.py, clauses.py; every mutant, not a
sample) found unchecked (docs/mutation-survivors.md, "the statute import", whole run). Each fixture is a few
lines of statute text read through the public import functions, so the tests hold whatever the parser's
internals become; nothing is computed in a shared fixture (mutmut's attribution pitfall)."""

from __future__ import annotations

import textwrap

from dutyrows import duty_rows as _duties

from compgraph.legal.extract import extract_obligations
from compgraph.legal.provisions import statute_duties

# A dash lead-in whose points end in a comma, then the words that finish its sentence (India's DPDP Act, s. 8(3)).
_DASH_LEAD_IN = ("Article 8\nDuties\n\n1. Where personal data is likely to be—\n(a) used to make a decision; or\n"
                 "(b) disclosed to another controller,\nthe controller shall ensure its completeness.\n")


def test_the_words_after_a_dash_lead_in_s_points_are_its_duty_and_read_the_lead_in_first() -> None:
    assert _duties(_DASH_LEAD_IN) == [
        ("8(1)", "mandatory", "Where personal data is likely to be— … the controller shall ensure its completeness.")]


def test_the_duty_after_a_dash_lead_in_s_points_is_found_on_the_line_of_its_words() -> None:
    assert [o.line for o in extract_obligations(_DASH_LEAD_IN, "T", kind="regulation")] == [7]


def test_the_words_after_the_points_of_a_dash_heading_state_their_duty_alone() -> None:
    # The heading "Personal data transfers—" states nothing, so the duty reads only the words after its points.
    text = ("Article 8\nDuties\n\n1. Personal data transfers—\n(a) to a processor; or\n(b) to another controller,\n"
            "shall be recorded by the controller.\n")
    assert _duties(text) == [("8(1)", "mandatory", "shall be recorded by the controller.")]


def test_the_words_after_the_points_of_an_exception_s_dash_lead_in_bind_no_one() -> None:
    text = ("Article 8\nDuties\n\n1. Paragraph 2 shall not apply where the data is—\n(a) used to make a decision; or\n"
            "(b) disclosed to another controller,\nand the controller shall then keep a record.\n")
    assert statute_duties(text) == []


def test_sentences_after_a_dash_lead_in_s_points_are_numbered_on_from_the_paragraph_s_duties() -> None:
    text = ("Article 8\nDuties\n\n1. The controller shall keep records. Where personal data is likely to be—\n"
            "(a) used to make a decision; or\n(b) disclosed to another controller,\n"
            "the controller shall ensure its completeness. The processor shall assist the controller.\n")
    assert [d.ref for d in statute_duties(text)] == ["8(1)", "8(1), sentence 2", "8(1), sentence 3"]


def test_two_duties_in_the_sentence_after_a_dash_lead_in_s_points_are_its_first_and_second_clause() -> None:
    text = _DASH_LEAD_IN.replace("completeness.", "completeness, and shall not disclose it.")
    assert [(d.id_path, d.modality) for d in statute_duties(text)] == [("8-1", "mandatory"),
                                                                       ("8-1-c2", "prohibition")]


def test_the_duty_after_a_dash_lead_in_s_points_takes_its_topic_from_its_own_words_not_the_lead_in() -> None:
    # The lead-in speaks of personal data (privacy); the duty is to monitor.
    text = _DASH_LEAD_IN.replace("ensure its completeness", "monitor its use")
    assert [(o.id, o.topic) for o in extract_obligations(text, "T", kind="regulation")] == [("T-8-1", "monitoring")]


def test_a_page_reference_wrapped_to_the_start_of_a_line_outside_any_lettered_list_continues_the_duty() -> None:
    text = ("Article 8\nDuties\n\n1. The provider shall keep the records set out in Regulation (EU) 2016/679 "
            "(OJ L 119,\np. 39) for ten years.\n")
    assert _duties(text) == [("8(1)", "mandatory", "The provider shall keep the records set out in Regulation (EU) "
                                                   "2016/679 (OJ L 119, p. 39) for ten years.")]


def test_an_initial_wrapped_to_the_start_of_a_line_is_part_of_the_name_not_a_lettered_point() -> None:
    text = ("Article 8\nDuties\n\n1. Each notice shall be signed by the data protection officer of the Agency, Jane\n"
            "X. Doe, and filed with the authority.\n")
    assert [(d.ref, d.text) for d in statute_duties(text)] == [
        ("8(1)", "Each notice shall be signed by the data protection officer of the Agency, Jane X. Doe, and filed "
                 "with the authority.")]


def test_a_point_broken_under_a_lower_case_word_that_would_not_fit_on_its_line_goes_on_with_that_word() -> None:
    # In a hard-wrapped text the line of point (b) ends in a comma because the margin came there: "or" (and the
    # space before it) would have run one column past it, so the next line is still point (b), not the words
    # that finish the dash lead-in's sentence.
    point_b = "(b) another controller, a public authority, a court or a tribunal of any Member State,"
    margin = len(point_b) + len(" or") - 1
    records = "The deployer shall keep the logs that the system generates for the period set out in the act. " * 22
    lines = textwrap.wrap(records, width=margin)
    assert max(len(line) for line in lines) == margin
    text = ("Section 4. Records\n\n" + "\n".join(lines) + "\n\nSection 5. Disclosure\n\n"
            "(1) The controller shall not disclose personal data to—\n(a) a processor; or\n" + point_b
            + "\nor any other person in a third country.\n")
    assert [(d.ref, d.text) for d in statute_duties(text) if d.section == "5"][1] == (
        "5(1)(b)", "The controller shall not disclose personal data to— (b) another controller, a public authority, "
                   "a court or a tribunal of any Member State, or any other person in a third country.")


def test_a_point_a_pdf_took_for_a_catchline_goes_on_with_the_lower_case_line_under_it_once() -> None:
    text = ("Section 5. Duties\n\n(1) A controller shall not process personal data in a manner that results in:\n"
            "(a) Unfair or deceptive treatment of, or unlawful disparate impact\non, consumers; or\n"
            "(b) Financial injury to consumers.\n")
    assert [d.own_text for d in statute_duties(text)] == [
        "Unfair or deceptive treatment of, or unlawful disparate impact on, consumers; or",
        "Financial injury to consumers."]


def test_a_point_whose_line_ends_where_the_next_word_would_still_have_fitted_is_followed_by_the_lead_in_s_end() -> None:
    # The margin would have taken " the" exactly, so the line of point (b) ended on purpose: the next line
    # finishes the dash lead-in's sentence, as in a text without hard wrapping.
    point_b = "(b) disclosed to another controller, a public authority or a court of a Member State,"
    margin = len(point_b) + len(" the")
    records = "The deployer shall keep the logs that the system generates for the period set out in the act. " * 22
    lines = textwrap.wrap(records, width=margin)
    assert max(len(line) for line in lines) == margin
    text = ("Section 4. Records\n\n" + "\n".join(lines) + "\n\nSection 5. Disclosure\n\n"
            "(1) Where personal data is likely to be—\n(a) used to make a decision; or\n" + point_b
            + "\nthe controller shall ensure its completeness.\n")
    assert [(d.ref, d.text) for d in statute_duties(text) if d.section == "5"] == [
        ("5(1)", "Where personal data is likely to be— … the controller shall ensure its completeness.")]


def test_a_lower_case_line_under_a_dash_lead_in_s_point_ending_in_a_semicolon_goes_on_with_that_point() -> None:
    # Only a point closing in a comma hands over to words that finish the lead-in's sentence; after a semicolon
    # the point goes on (no subparagraph starts in lower case).
    text = ("Article 5\nSMEs\n\n1. The AI Office shall grant priority access to—\n(a) start-ups; and\n"
            "(b) providers that meet the eligibility criteria;\n"
            "the priority access shall not preclude other providers.\n")
    assert [(d.ref, d.own_text) for d in statute_duties(text)][1] == (
        "5(1)(b)",
        "providers that meet the eligibility criteria; the priority access shall not preclude other providers.")


def test_a_text_opening_in_lower_case_is_read_as_a_duty() -> None:
    assert _duties("the provider shall keep the logs.\n") == [
        ("whole text", "mandatory", "the provider shall keep the logs.")]


def test_the_words_after_the_sub_points_of_a_point_s_dash_lead_in_are_cited_at_that_point() -> None:
    text = ("Article 8\nDuties\n\n1. The following rules govern disclosures:\n"
            "(a) where personal data is likely to be—\n(i) used to make a decision; or\n"
            "(ii) disclosed to another controller,\n"
            "the controller shall ensure its completeness;\n(b) the processor shall keep a record.\n")
    assert [d.ref for d in statute_duties(text)] == ["8(1)(a)", "8(1)(b)"]


def test_a_section_whose_sentence_runs_on_from_its_number_past_the_end_of_its_line_opens_that_section() -> None:
    # Before the fix, a run-in line ending in a comma or semicolon opened no section: both duties were cited as
    # sentences of section 2.
    text = ("Section 2. Scope. This Act applies to every agency.\n\n"
            "Section 3. The Director shall report to the Governor on the use of the system,\nand on its costs.\n\n"
            "Section 4. The Director shall publish the report;\nthe Governor may comment on it.\n")
    assert [d.ref for d in statute_duties(text)] == ["3", "4"]


def test_a_catchline_of_eight_words_before_a_section_s_run_in_sentence_titles_it_and_one_of_nine_does_not() -> None:
    def title(catchline: str) -> str:
        return statute_duties(f"Section 5. {catchline}. The agency shall publish the data.\n")[-1].section_title

    assert title("Publication of the data sets held by agencies") == "Publication of the data sets held by agencies"
    assert title("Publication of the data sets held by city agencies") == ""


def test_a_section_heading_of_four_words_without_a_verb_is_its_title_not_its_first_sentence() -> None:
    text = "Section 10. Open data operating standards.\nThe agency shall publish the data.\n"
    assert [(d.ref, d.section_title, d.text) for d in statute_duties(text)] == [
        ("10", "Open data operating standards.", "The agency shall publish the data.")]


def test_a_section_whose_four_word_sentence_runs_on_from_its_number_states_that_duty() -> None:
    assert _duties("Section 2. Scope. This Act applies to every agency.\n\nSECTION 3. The Director shall report.\n") \
        == [("3", "mandatory", "The Director shall report.")]


def test_a_relative_clause_after_the_main_verb_does_not_make_a_permission_an_exception() -> None:
    # "above which ... shall be exempt from" says which age; the Commission's power to set it stands.
    text = ("Article 9\nChildren\n\n1. The Commission may set the age above which a controller shall be exempt from "
            "this duty.\n")
    assert [(d.ref, d.modality) for d in statute_duties(text)] == [("9(1)", "permission")]


def test_a_relative_clause_after_the_main_verb_does_not_make_a_permission_a_duty() -> None:
    text = "Article 9\nOfficers\n\n1. The controller may designate the officer to whom the processor shall report.\n"
    assert [(d.ref, d.modality) for d in statute_duties(text)] == [("9(1)", "permission")]


def test_a_duty_naming_an_exemption_only_in_its_relative_clause_is_quoted_without_its_line_s_closing_comma() -> None:
    text = ("Section 5. Duties\n\n(1) The Commission may set the age above which a controller shall be exempt from "
            "this duty,\n(2) The controller shall keep records.\n")
    assert [d.text for d in statute_duties(text)][0] == (
        "The Commission may set the age above which a controller shall be exempt from this duty")


def test_the_first_of_two_duties_is_quoted_up_to_the_and_that_joins_them_with_the_annex_number_it_cites_whole() -> None:
    text = "Section 6. Annexes\n\n(1) The provider shall comply with Annex IX and shall not sell the system.\n"
    assert _duties(text) == [("6(1)", "mandatory", "The provider shall comply with Annex IX"),
                             ("6(1)", "prohibition", "The provider … and shall not sell the system.")]


def test_a_coordinated_duty_with_a_subject_of_its_own_is_quoted_from_that_subject() -> None:
    text = ("Section 6. Disclosure\n\n(1) The processor shall assist the controller, and the controller shall not "
            "disclose the data.\n")
    assert _duties(text) == [("6(1)", "mandatory", "The processor shall assist the controller"),
                             ("6(1)", "prohibition", "the controller shall not disclose the data.")]


_EXCEPTION_POINT = ("Section 5. Requests\n\n(1) Where a request for personal data is manifestly unfounded:\n"
                    "(a) the controller is not required to comply with it, and may publish the request online; and\n"
                    "(b) the controller shall inform the consumer.\n")


def test_a_permission_beside_an_exception_in_a_point_is_cited_as_the_point_s_second_clause() -> None:
    assert [(d.id_path, d.modality) for d in statute_duties(_EXCEPTION_POINT)] == [
        ("5-1-a-c2", "permission"), ("5-1-b", "mandatory")]


def test_a_permission_beside_an_exception_in_a_point_takes_its_topic_from_its_own_words() -> None:
    # The lead-in speaks of personal data (privacy); the permission is to publish (transparency).
    assert [(o.id, o.topic) for o in extract_obligations(_EXCEPTION_POINT, "T", kind="regulation")][0] == (
        "T-5-1-a-c2", "transparency")


def test_a_point_with_two_labels_on_its_line_quotes_both_labels_after_its_lead_in() -> None:
    text = "Section 6. Duties\n\n(1) A developer shall:\n(a) (I) keep the logs; and\n(II) register the system.\n"
    assert statute_duties(text)[0].text == "A developer shall: (a) (I) keep the logs; and"


def test_points_opening_with_a_deadline_under_a_lead_in_without_a_modal_verb_are_duties() -> None:
    text = ("Section 7. Deadlines\n\n(a) The following deadlines apply:\n"
            "(1) Within three months, department heads designate a data coordinator.\n"
            "(2) No later than one year after the effective date, each agency publishes its data inventory.\n")
    assert [(d.ref, d.modality) for d in statute_duties(text)] == [("7(a)(1)", "mandatory"),
                                                                   ("7(a)(2)", "mandatory")]


def test_a_point_takes_its_topic_from_its_own_words_not_its_lead_in() -> None:
    # The lead-in speaks of personal data (privacy); point (a) is a duty to monitor.
    text = ("Section 8. Systems\n\n(1) A controller that processes personal data shall:\n(a) monitor the system; and\n"
            "(b) keep the logs.\n")
    assert [(o.id, o.topic) for o in extract_obligations(text, "T", kind="regulation")] == [
        ("T-8-1-a", "monitoring"), ("T-8-1-b", "documentation")]


def test_two_duties_in_a_point_s_later_sentence_of_its_own_are_that_sentence_s_first_and_second_clause() -> None:
    text = ("Section 9. Forum\n\n(1) The working group shall adopt:\n(a) procedural rules for the forum. These rules "
            "shall use open formats, and shall not require fees.\n")
    assert [(d.id_path, d.ref, d.modality) for d in statute_duties(text)] == [
        ("9-1-a-s2", "9(1)(a), sentence 2", "mandatory"), ("9-1-a-s2-c2", "9(1)(a), sentence 2", "prohibition"),
        ("9-1-a", "9(1)(a)", "mandatory")]


def test_a_duty_after_a_condition_whose_comma_lost_its_space_takes_its_topic_from_its_main_clause() -> None:
    # PDF text often drops the space after a comma: "fails,logs" still puts the logs in the main clause.
    text = "Article 5\nDuties\n\n1. If the system fails,logs shall be kept by the deployer.\n"
    assert [(o.id, o.topic) for o in extract_obligations(text, "T", kind="regulation")] == [("T-5-1", "documentation")]


def _lines_and_texts(text: str) -> list[tuple[str, int, str]]:
    return [(o.id, o.line, o.text) for o in extract_obligations(text, "T", kind="regulation")]


def test_a_text_with_windows_line_endings_reads_as_with_unix_ones_on_the_same_lines() -> None:
    text = "Article 5\nDuties\n\n1. The provider shall keep the logs.\n2. The deployer shall inform users.\n"
    assert _lines_and_texts(text.replace("\n", "\r\n")) == _lines_and_texts(text) == [
        ("T-5-1", 4, "The provider shall keep the logs."), ("T-5-2", 5, "The deployer shall inform users.")]


def test_a_text_with_old_mac_line_endings_reads_as_with_unix_ones_on_the_same_lines() -> None:
    text = "Article 5\nDuties\n\n1. The provider shall keep the logs.\n2. The deployer shall inform users.\n"
    assert _lines_and_texts(text.replace("\n", "\r")) == _lines_and_texts(text)


def test_numbered_points_under_a_letter_alone_on_its_line_nest_below_it_though_numbers_are_open_above() -> None:
    text = "Article 5\nDuties\n\n1. The provider shall:\n(a)\n(1) keep the logs; and\n(2) register the system.\n"
    assert [d.ref for d in statute_duties(text)] == ["5(1)(a)(1)", "5(1)(a)(2)"]


def test_roman_points_under_a_letter_alone_on_its_line_nest_below_it_though_roman_points_are_open_above() -> None:
    text = ("Article 5\nDuties\n\n1. The provider shall:\n(i) for its own systems:\n(a)\n(i) keep the logs; and\n"
            "(ii) register the system.\n")
    assert [d.ref for d in statute_duties(text)] == ["5(1)(i)(a)(i)", "5(1)(i)(a)(ii)"]


# Label kinds and their order (``_kind``, ``_ordinal``): a point's place decides the reference a reviewer cites.
def test_a_capital_roman_point_alone_under_a_capital_roman_label_opens_a_level_below_it() -> None:
    text = ("Article 4\nDuties\n\n1. The provider shall keep records:\n(A) of training;\n(II)\n"
            "(I) The deployer shall keep logs.\n")
    assert [d.ref for d in statute_duties(text)] == ["4(1)(A)(II)(I)"]


def test_a_roman_point_after_a_gap_in_its_list_stays_under_its_letter() -> None:
    # Point (ii) repealed: "(iii)" still follows "(i)" under point (a), it is not a letter of its own.
    text = ("Article 4\nDuties\n\n1. The provider shall keep records:\n(a) of training:\n(i) of testing;\n"
            "(iii) The deployer shall keep logs.\n")
    assert [d.ref for d in statute_duties(text)] == ["4(1)(a)(i)", "4(1)(a)(iii)"]


def test_a_lettered_point_after_a_gap_in_its_list_stays_a_letter_of_that_list() -> None:
    # Point (b) repealed: "(c)" is the next point of paragraph 1, not a Roman hundred under point (a).
    text = ("Article 4\nDuties\n\n1. The provider shall keep records:\n(a) of training;\n"
            "(c) The deployer shall keep logs.\n")
    assert [d.ref for d in statute_duties(text)] == ["4(1)(a)", "4(1)(c)"]


# Whether a line ran to the margin (``_Parser.mid_sentence``): a line broken there goes on with the next one.
def test_a_line_of_sixty_characters_without_a_full_stop_goes_on_with_the_capitalised_line_under_it() -> None:
    line = "1. The provider shall keep the logs of every AI system under"
    assert len(line) == 60
    text = f"Article 4\nDuties\n\n{line}\nRegulation (EU) 2016/679.\n"
    assert [d.text for d in statute_duties(text)] == [
        "The provider shall keep the logs of every AI system under Regulation (EU) 2016/679."]


def _hard_wrapped(margin: int, section: str) -> str:
    records = "The deployer shall keep the logs that the system generates for the period set out in the act. " * 22
    lines = textwrap.wrap(records, width=margin)
    assert max(len(line) for line in lines) == margin
    return "Section 4. Records\n\n" + "\n".join(lines) + "\n\nSection 5. Logs\n\n" + section


def test_a_hard_wrapped_line_the_next_word_would_have_overrun_by_one_goes_on_with_that_capitalised_word() -> None:
    line = "(1) The provider shall keep the logs for the periods under"
    text = _hard_wrapped(len(line) + len(" Regulation") - 1, f"{line}\nRegulation (EU) 2016/679.\n")
    assert [d.text for d in statute_duties(text) if d.section == "5"] == [
        "The provider shall keep the logs for the periods under Regulation (EU) 2016/679."]


def test_a_hard_wrapped_line_that_stops_where_the_next_word_would_have_fitted_leaves_the_catchline_out() -> None:
    # The margin would have taken " Retention" exactly, so the line ended on purpose: "Retention period" is the
    # catchline of paragraph 2, not words of paragraph 1's duty.
    line = "(1) The provider shall keep the following records"
    text = _hard_wrapped(len(line) + len(" Retention"),
                         f"{line}\nRetention period\n(2) The deployer shall keep logs.\n")
    assert [d.text for d in statute_duties(text) if d.section == "5"] == [
        "The provider shall keep the following records", "The deployer shall keep logs."]
