"""The statute import's duty extraction, one behaviour at a time: the rules the twelfth session's whole run of the
``statute`` mutation group (statute.py, labels.py, provisions.py, clauses.py; every mutant) found unchecked by the
group's tests (docs/mutation-survivors.md, "the statute import", "Whole run (2026-12-04, twelfth session)"). Each
fixture is a few lines of statute text read through the public import functions; nothing is computed in a shared
fixture (mutmut's attribution pitfall)."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import duty_clauses, statute_topic
from compgraph.legal.statute import parse_provisions

# A California code's subdivision whose points each state a requirement of the plan (Health and Safety Code 1367.01).
_PLAN = "(h) A health care service plan subject to this section shall meet the following requirements:\n\n"


def _point_modalities(point: str) -> list[tuple[str, str]]:
    return [(ref, modality) for ref, modality, _ in _duties(_PLAN + point + "\n")]


def _paths(text: str) -> list[tuple[tuple[str, ...], str]]:
    return [(p.path, p.text) for p in parse_provisions(text)]


# --- a point whose own clause names a party other than its lead-in's (provisions._names_own_party)


def test_a_point_s_party_after_a_condition_binds_that_party_by_its_own_verb() -> None:
    assert _point_modalities("(1) If a plan has failed to meet the timeframes, the director may assess administrative "
                             "penalties.") == [("(h)(1)", "permission")]


def test_a_party_named_in_four_words_after_a_point_s_condition_binds_that_party_by_its_own_verb() -> None:
    assert _point_modalities("(1) If a plan has failed to meet the timeframes, the director of health may assess "
                             "administrative penalties.") == [("(h)(1)", "permission")]


def test_a_party_named_in_five_words_after_a_point_s_condition_is_not_taken_for_the_point_s_own_party() -> None:
    assert _point_modalities("(1) If a plan has failed to meet the timeframes, the director under Annex X may assess "
                             "administrative penalties.") == [("(h)(1)", "mandatory")]


def test_a_party_whose_discretion_a_point_s_last_comma_sets_off_binds_that_party_by_its_own_verb() -> None:
    # The words before "may" end in a comma; the party is the last thing named before it, not an empty piece.
    assert _point_modalities("(1) If a plan has failed to meet the timeframes, the director, in the director's "
                             "discretion, may assess administrative penalties.") == [("(h)(1)", "permission")]


def test_a_point_opening_with_what_its_duty_is_for_keeps_its_lead_in_s_verb() -> None:
    # "So that the director may review them": the purpose of the records, not a permission of the director's.
    assert _point_modalities("(1) So that the director may review them, keep records of each decision.") == [
        ("(h)(1)", "mandatory")]


def test_a_point_saying_the_lead_in_s_own_party_may_act_keeps_the_lead_in_s_verb() -> None:
    text = ("Article 8\nDuties\n\n1. The provider shall meet the following requirements:\n"
            "(a) the provider may charge a fee.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("8(1)(a)", "mandatory")]


def test_a_point_saying_what_the_person_the_duty_is_owed_to_may_do_keeps_the_lead_in_s_verb() -> None:
    text = ("Article 8\nDuties\n\n1. The controller shall tell each consumer in writing that:\n"
            "(a) the consumer may make a complaint to the Commissioner.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("8(1)(a)", "mandatory")]


# --- coordinated clauses (clauses.duty_clauses)


def test_two_coordinated_duties_of_one_modality_are_one_duty() -> None:
    assert duty_clauses("The provider shall keep the logs, and shall make them available to the authority.") == [
        ("mandatory", "The provider shall keep the logs, and shall make them available to the authority.")]


def test_the_third_of_three_coordinated_clauses_joins_the_second_when_their_modalities_agree() -> None:
    assert duty_clauses("The provider shall keep the logs, shall not delete them, and shall not alter them.") == [
        ("mandatory", "The provider shall keep the logs"),
        ("prohibition", "The provider … shall not delete them, and shall not alter them.")]


# --- the topic of a duty about a class of system (clauses.strip_risk_class)


def test_a_risk_class_three_words_after_a_notifying_verb_does_not_hide_the_reporting_topic() -> None:
    # The reporting rule allows three words between "notify" and the party; the risk class is not one of them.
    assert statute_topic("The importer shall notify all of the high-risk providers.", "Obligations") == "reporting"


# --- unlabelled bullets under a lead-in (statute._bullet_label)


def test_asterisk_bullets_under_a_lead_in_are_its_points() -> None:
    text = ("Oversight\n\nAI Governance Boards must:\n* Be chaired by the Chief AI Officer.\n"
            "* Include senior officials.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("(1)", "mandatory"), ("(2)", "mandatory")]


def test_round_bullets_under_a_lead_in_are_its_points() -> None:
    text = ("Oversight\n\nAI Governance Boards must:\n• Be chaired by the Chief AI Officer.\n"
            "• Include senior officials.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("(1)", "mandatory"), ("(2)", "mandatory")]


def test_a_bullet_after_a_paragraph_that_interrupts_a_bulleted_list_is_a_paragraph_not_the_list_s_next_point() -> None:
    text = ("Oversight\n\nAI Governance Boards must:\n- Be chaired by the Chief AI Officer.\n"
            "The Board shall meet quarterly.\n- Include senior officials for privacy and security.\n")
    assert [p for p, _ in _paths(text)] == [(), ("1",), (), ()]


def test_a_bullet_after_a_labelled_paragraph_numbered_as_the_last_bullet_is_a_paragraph_not_the_next_bullet() -> None:
    # "(1)" is a point of its own, not bullet 1: the bullet after it does not go on with the bulleted list.
    text = ("Oversight\n\nAI Governance Boards must:\n- Be chaired by the Chief AI Officer.\n"
            "(1) The Board shall meet quarterly.\n- The Board shall publish its minutes.\n")
    assert _paths(text)[-1] == ((), "The Board shall publish its minutes.")


def test_a_bullet_with_nothing_above_it_is_a_paragraph() -> None:
    assert _duties("Oversight\n\n- The Board shall meet quarterly.\n") == [
        ("whole text", "mandatory", "The Board shall meet quarterly.")]


# --- a lower-case line after a point (statute._after_point, _dash_lead_in)


def test_a_point_taken_for_a_catchline_takes_its_lower_case_line_but_not_a_capitalised_line_after_it() -> None:
    text = ("Section 5. Duties\n\n(1) A controller shall not process personal data in a manner that results in:\n"
            "(a) Unfair or deceptive treatment of, or unlawful disparate impact\non consumers\n"
            "Which the controller shall report.\n")
    assert _paths(text)[1:] == [
        (("1", "a"), "Unfair or deceptive treatment of, or unlawful disparate impact on consumers"),
        (("1",), "Which the controller shall report.")]


def test_a_lower_case_line_after_a_point_ending_in_a_comma_under_a_colon_lead_in_goes_on_with_that_point() -> None:
    # Only a lead-in ending in a dash has words after its points that finish its sentence.
    text = ("Article 8\nDuties\n\n1. The provider shall:\n(a) keep the logs of the system,\n(b) keep the records,\n"
            "which it shall make available to the authority.\n")
    assert _paths(text)[-1] == (("1", "b"), "keep the records, which it shall make available to the authority.")


# --- dotted letters and Roman numerals that a line break left at the start of a line (labels.letter_opens)


def test_an_initial_i_wrapped_to_the_start_of_a_line_under_a_numbered_paragraph_is_part_of_the_name() -> None:
    text = ("Article 8\nDuties\n\n1. Each notice shall be signed by the data protection officer of the Agency, John\n"
            "I. Smith, and filed with the authority.\n")
    assert _paths(text)[-1] == (("1",), "Each notice shall be signed by the data protection officer of the Agency, "
                                        "John I. Smith, and filed with the authority.")


def test_a_roman_point_number_wrapped_to_the_start_of_a_line_under_a_numbered_paragraph_continues_it() -> None:
    text = ("Article 8\nDuties\n\n1. The provider shall keep the records set out in point\n"
            "ii. of Annex III for ten years.\n")
    assert _paths(text)[-1] == (("1",), "The provider shall keep the records set out in point ii. of Annex III for "
                                        "ten years.")


# --- text after a list of points: inside which list (statute._Parser.resumed, upcoming)


def test_a_line_after_the_points_of_a_definition_list_that_goes_on_after_it_belongs_to_the_last_point() -> None:
    text = ('Section 5. Definitions\n\n(a) As used in this section:\n(1) "Agency" means a state agency.\n'
            '(2) "Data" means records.\nIn determining whether data is records, the agency shall consider its use.\n'
            '(3) "System" means a tool.\n')
    assert _paths(text)[3] == (("a", "2"), "In determining whether data is records, the agency shall consider its use.")


def test_a_line_after_sub_points_whose_point_s_list_goes_on_after_it_belongs_to_that_point() -> None:
    text = ("Section 5. Duties\n\n(a) The provider shall:\n(1) keep logs;\n(A) of inputs;\n(B) of outputs.\n"
            "The logs shall be kept for five years.\n(2) report incidents.\n(b) The deployer shall keep records.\n")
    assert _paths(text)[4] == (("a", "1"), "The logs shall be kept for five years.")


def test_a_lead_in_after_points_whose_own_points_renumber_from_one_is_a_subparagraph_of_the_enclosing_one() -> None:
    text = ("Section 5. Duties\n\n(a) The provider shall:\n(1) keep logs;\n(2) report.\nThe provider shall also:\n"
            "(1) publish a summary;\n(2) train staff.\n(b) The deployer shall keep records.\n")
    assert _paths(text)[3] == (("a",), "The provider shall also:")


def test_a_lead_in_whose_own_list_runs_past_the_open_list_s_next_number_is_a_subparagraph_of_the_outer_one() -> None:
    # Its points "(1)" to "(3)" are a list of its own, so "(3)" is not the third point of the list above it.
    text = ("Section 5. Duties\n\n(a) The provider shall:\n(1) keep logs;\n(2) report incidents.\n"
            "The provider shall also:\n(1) publish a summary;\n(2) train staff;\n(3) test the system.\n"
            "(b) The deployer shall keep records.\n")
    assert _paths(text)[3] == (("a",), "The provider shall also:")


def test_a_lead_in_whose_own_list_reaches_the_open_list_s_next_number_is_a_subparagraph_of_the_enclosing_one() -> None:
    text = ("Section 5. Duties\n\n(a) The provider shall:\n(1) keep logs.\nThe provider shall also:\n"
            "(1) publish a summary;\n(2) train staff.\n(b) The deployer shall keep records.\n")
    assert _paths(text)[2] == (("a",), "The provider shall also:")


def test_a_lead_in_after_points_whose_list_goes_on_below_its_own_points_belongs_to_the_last_point() -> None:
    text = ("Section 5. Duties\n\n(a) The provider shall:\n(1) keep logs;\n(2) report incidents.\n"
            "The provider shall also:\n(i) publish a summary;\n(ii) train staff.\n(3) test the system.\n")
    assert _paths(text)[3] == (("a", "2"), "The provider shall also:")


def test_a_line_after_dotted_letter_points_whose_list_goes_on_after_it_belongs_to_the_last_letter() -> None:
    text = ("Section 5. Duties\n\n(1) The agency shall:\na. publish a plan;\nb. train staff.\n"
            "The plan shall be public.\nc. report yearly.\n")
    assert _paths(text)[3] == (("1", "b"), "The plan shall be public.")


def _points_then_far_point(blank_lines: int) -> str:
    return ("Section 5. Duties\n\n(a) The provider shall:\n(1) keep logs;\n(2) report incidents.\n"
            "The provider shall keep records.\n" + "\n" * blank_lines + "(3) train staff.\n")


def test_a_list_that_goes_on_forty_lines_after_a_line_holds_that_line_and_one_forty_one_lines_after_does_not() -> None:
    # The point "(3)" is looked for on the 40 lines after the unlabelled one: 39 blank lines put it on the 40th.
    assert _paths(_points_then_far_point(39))[3][0] == ("a", "2")
    assert _paths(_points_then_far_point(40))[3][0] == ("a",)


# --- a paragraph that opens by citing an article or a section (statute._ascends, _follows)


def test_a_paragraph_opening_with_the_number_of_its_own_article_stays_a_paragraph_of_it() -> None:
    assert [ref for ref, _, _ in _duties("Article 4 Providers shall keep the logs.\n"
                                         "Article 4 The deployer shall also keep them.\n")] == ["4", "4, sentence 2"]


def test_a_paragraph_opening_with_a_branch_of_an_earlier_article_stays_a_paragraph() -> None:
    text = "Article 16 Providers shall keep the logs.\nArticle 3-2 The deployer shall also keep them.\n"
    assert [ref for ref, _, _ in _duties(text)] == ["16", "16, sentence 2"]


def test_a_bare_section_number_that_skips_a_section_is_not_a_section_heading() -> None:
    assert [ref for ref, _, _ in _duties("12 (1) A health information custodian shall keep records.\n"
                                         "15 The custodian shall protect them.\n")] == ["12(1)", "12(1), sentence 2"]


# --- a code's "2." subdivisions and the "(1)" items inside them (statute._Parser.num_kind)


def test_bracketed_numbers_under_a_dotted_number_inside_a_lettered_subsection_are_its_items() -> None:
    # New York City's rules: subsection (a), subdivision "2.", its items "(1)", "(2)"; then subdivision "3.".
    text = ("§ 5-300 Rules\n\n(a) Definitions.\n1. The agency shall keep records.\n"
            "2. The agency may consider the following factors:\n(1) cost;\n(2) risk.\n"
            "3. The agency shall publish its findings.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["5-300(a)(1)", "5-300(a)(2)(1)", "5-300(a)(2)(2)", "5-300(a)(3)"]


# --- a point's own sentences, an exception among them (provisions._own_sentences)


def test_an_exception_between_a_point_s_sentences_is_left_out_and_the_sentences_around_it_kept() -> None:
    text = ("Article 8\nDuties\n\n1. The provider shall:\n"
            "(a) Keep the logs. This point shall not apply to SMEs. Keep the records.\n(b) report.\n")
    assert _duties(text)[0] == ("8(1)(a)", "mandatory", "The provider shall: (a) Keep the logs. Keep the records.")


# --- an amending act's own sections (statute._note_bill_section)


def test_after_the_closing_quotation_marks_an_act_s_section_headed_sec_in_title_case_goes_on() -> None:
    # As "SEC. 2." in capitals: the act's own section, cited apart from the code section it inserts.
    text = ("Sec. 2. FISMA REFORM.\n\n(a) IN GENERAL.—Chapter 35 is amended by inserting the following:\n\n"
            "''§ 3558. Effect on existing law\n\n''Nothing in this subchapter may be construed as affecting the"
            " authority of the President.''.\n\n"
            "(b) MAJOR INCIDENT.—The Director of the Office of Management and Budget shall—\n\n"
            "(1) develop guidance on what constitutes a major incident; and\n\n"
            "(2) provide to Congress periodic briefings on the status of the guidance.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["Section 2(b)(1)", "Section 2(b)(2)"]


# --- a point's own prohibition under a lead-in's duty (provisions._point)


def test_a_point_that_states_a_prohibition_of_its_own_under_a_mandatory_lead_in_is_a_prohibition() -> None:
    text = ("Article 8\nDuties\n\n1. The provider shall meet the following requirements:\n(a) the logs shall be kept;\n"
            "(b) the data shall not be sold.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("8(1)(a)", "mandatory"),
                                                                       ("8(1)(b)", "prohibition")]


# --- a document's own numbering (statute._Parser's starting state)


def test_a_policy_s_roman_numbered_headings_from_i_open_its_sections() -> None:
    text = "I. Purpose\nThe agency shall keep records.\nII. Scope\nThe agency shall publish them.\n"
    assert [ref for ref, _, _ in _duties(text)] == ["I", "II"]


def test_a_bill_without_headings_numbering_its_sections_from_one_opens_a_section_at_each_number() -> None:
    text = "1. The agency shall keep records.\n2. The agency shall publish them.\n"
    assert [ref for ref, _, _ in _duties(text)] == ["1", "2"]


def test_a_text_without_headings_has_no_section_title() -> None:
    assert [p.section_title for p in parse_provisions("The agency shall keep records.\n")] == [""]


# --- where each provision's words are in the text (statute.parse_provisions)


def test_each_provision_s_offset_points_at_its_words_on_the_first_line_and_after_an_inline_number() -> None:
    text = "The catalog shall indicate: 1. The name of each data set; and 2. The date it was published.\n"
    provisions = parse_provisions(text)
    assert len(provisions) == 3
    assert all(text[p.start:p.start + len(p.text)] == p.text for p in provisions)
