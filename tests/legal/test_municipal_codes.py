"""Municipal codes and local laws (Municode sections, New York City's Administrative Code): the failure
classes the first run on the held-out Jackson and New York City texts showed, one behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

from compgraph.legal.extract import extract_obligations


def test_a_table_of_contents_does_not_renumber_the_sections_it_lists() -> None:
    text = ("CHAPTER 5\n\n23-501 Definitions.\n\n23-502 Availability.\n\n"
            "23-501 Definitions\n\nAs used in this chapter:\n\n"
            "23-502 Availability\n\na. The department shall publish the data sets.\n")
    assert _duties(text) == [("23-502(a)", "mandatory", "The department shall publish the data sets.")]


def test_dotted_letters_are_subdivisions_but_a_wrapped_page_reference_is_not() -> None:
    text = ("23-503 Web portal\n\na. The department may take measures.\n\n"
            "b. The department shall publish the policy as set out in the Official Journal, OJ L 330,\n"
            "p. 39 of the series.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [("23-503(a)", "permission"), ("23-503(b)", "mandatory")]
    assert _duties(text)[1][2].endswith("p. 39 of the series.")


def test_numbered_points_inline_after_a_colon_are_each_a_duty_with_the_lead_in() -> None:
    text = ("23-506 Plan\n\na. Each agency shall cooperate.\n\n"
            "b. Agencies shall consider whether the data set: (1) increases accountability; "
            "(2) creates economic opportunity; or (3) responds to a public need.\n")
    assert [(r, t.split(": ")[-1]) for r, _, t in _duties(text)][1:] == [
        ("23-506(b)(1)", "(1) increases accountability;"),
        ("23-506(b)(2)", "(2) creates economic opportunity; or"),
        ("23-506(b)(3)", "(3) responds to a public need."),
    ]


def test_a_numbered_item_inside_a_sentence_that_opened_no_list_stays_in_the_sentence() -> None:
    text = "Sec. 4. - Data.\n\n(a) The city shall publish data (1) in tables; and (2) regularly updated.\n"
    assert [r for r, _, _ in _duties(text)] == ["4(a)"]


def test_a_definitions_section_states_no_duty() -> None:
    text = ("## Sec. 2-447. - Definitions.\n\nOpen data. The word \"open data\" shall refer to structured data. "
            "Open data shall include but not be limited to:\n\n1. Spatial (GIS).\n2. Tabular.\n\n"
            "Metadata. Metadata may include title and description.\n\n"
            "## Sec. 2-448. - Publication.\n\n(a) The city shall establish a web portal.\n")
    assert _duties(text) == [("2-448(a)", "mandatory", "The city shall establish a web portal.")]


def test_definition_commencement_liability_and_status_clauses_elsewhere_are_not_duties() -> None:
    text = ("Sec. 9. - General.\n\n(a) Restrictions as used in this section shall not include access measures. "
            "Failure to comply with this chapter shall not result in liability to an agency.\n\n"
            "(b) The open data shall be subject to a Creative Commons 0 Waiver (CC0).\n\n"
            "(c) Any person that falsifies city data shall be guilty of a misdemeanor.\n\n"
            "(d) This local law shall take effect immediately.\n\n(e) The city shall keep records.\n")
    assert _duties(text) == [("9(e)", "mandatory", "The city shall keep records.")]


def test_text_after_the_points_of_an_unlabelled_lead_in_is_back_at_the_section_level() -> None:
    text = ("Sec. 7. - Portal.\n\nThe portal shall host:\n\n1. Spatial data.\n2. Budget data.\n\n"
            "The city shall review the portal yearly.\n")
    assert [r for r, _, _ in _duties(text)] == ["7(1)", "7(2)", "7, sentence 2"]


def test_a_second_duty_sentence_inside_a_point_is_its_own_duty_without_the_lead_in() -> None:
    text = ("Sec. 2-449. - Process.\n\n(b) The rules shall include the following:\n\n"
            "1. Procedural requirements for publishing. These rules shall use open formats; and\n"
            "2. A timeline for disclosure goals.\n")
    lead = "The rules shall include the following:"
    assert _duties(text) == [
        ("2-449(b)(1), sentence 2", "mandatory", "These rules shall use open formats; and"),
        ("2-449(b)(1)", "mandatory", f"{lead} 1. Procedural requirements for publishing."),
        ("2-449(b)(2)", "mandatory", f"{lead} 2. A timeline for disclosure goals."),
    ]


def test_no_subject_shall_or_may_is_a_prohibition_but_no_later_than_is_a_deadline() -> None:
    text = ("Sec. 1. - Records.\n\n(a) No public records, reports or other data shall be destroyed, nor shall any "
            "record be removed.\n\n(b) No such disposal may be made except under the guidelines.\n\n"
            "(c) No later than July fifteen, 2014, the department shall submit an update.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [("1(a)", "prohibition"), ("1(b)", "prohibition"),
                                                      ("1(c)", "mandatory")]


def test_authorised_and_reserves_the_right_are_permissions_and_the_month_may_is_not() -> None:
    text = ("Ord. No. 2014-14, adopted May 27, 2014, amended Art. IV in its entirety.\n\n"
            "Sec. 3. - Powers.\n\n(a) The head of any city department is hereby authorized to scan any record.\n\n"
            "(b) The city attorney's office reserves the right to review released datasets.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [("3(a)", "permission"), ("3(b)", "permission")]


def test_a_negation_sharing_the_modal_verb_is_a_prohibition_of_its_own() -> None:
    text = "Sec. 5. - FOIA.\n\n(b) Any publication shall be done after the request and not be charged to the bill.\n"
    assert [(m, t) for _, m, t in _duties(text)] == [
        ("mandatory", "Any publication shall be done after the request"),
        ("prohibition", "Any publication shall … and not be charged to the bill."),
    ]


def test_a_proviso_with_its_own_modal_verb_is_a_permission_beside_the_duty_but_a_bare_condition_is_not() -> None:
    duty = "Data sets shall be made available without registration provided that the department may require a source."
    condition = "A department head may recommend disposal, provided that the record has been photographed."
    assert [m for _, m, _ in _duties(f"Sec. 6. - Access.\n\n(d) {duty}\n\n(e) {condition}\n")] == [
        "mandatory", "permission", "permission"]
    assert _duties(f"Sec. 6. - Access.\n\n(e) {condition}\n")[0][2] == condition


def test_a_municipal_code_binds_the_city_its_officers_and_agencies_as_a_public_authority() -> None:
    text = ("Sec. 8. - Duties.\n\n(a) The city manager shall establish rules.\n\n"
            "(b) The office of the city attorney shall provide a form.\n\n(c) Each agency shall cooperate.\n\n"
            "(d) The Mayor shall appoint a Chief Data Officer.\n\n(e) Each Department shall publish a catalogue.\n")
    assert {o.addressee for o in extract_obligations(text, "T", kind="regulation")} == {"authority"}


def test_a_findings_section_states_no_duty() -> None:
    text = ("SEC. 22D.1.  FINDINGS.\n\n(c) City departments should take further steps.\n\n"
            "SEC. 22D.2.  DUTIES.\n\n(a) The Mayor shall appoint a Chief Data Officer.\n")
    assert _duties(text) == [("22D.2(a)", "mandatory", "The Mayor shall appoint a Chief Data Officer.")]


def test_a_sentence_opening_nothing_in_is_a_rule_of_construction() -> None:
    text = ("SEC. 4.  RULES.\n\n(a) Nothing in the rules and technical standards shall compel or authorize the "
            "disclosure of privileged information. The CDO shall publish the rules.\n")
    assert _duties(text) == [("4(a), sentence 2", "mandatory", "The CDO shall publish the rules.")]


def test_a_capitalised_duty_after_a_blank_line_opens_a_paragraph_though_the_last_had_no_full_stop() -> None:
    text = ("SEC. 2.  OFFICER.\n\n(a) Chief Data Officer. In order to coordinate implementation, the Mayor shall "
            "appoint a Chief Data Officer for the City and County of San Francisco\n\n"
            "The CDO shall be responsible for drafting rules.\n")
    assert [t for _, _, t in _duties(text)][1:] == ["The CDO shall be responsible for drafting rules."]


def test_a_wrapped_line_without_a_blank_line_still_continues_its_sentence() -> None:
    text = ("SEC. 2.  OFFICER.\n\n(a) In order to coordinate implementation of the policy, the Mayor shall appoint\n"
            "The Chief Data Officer of the City.\n")
    assert len(_duties(text)) == 1


def test_only_the_law_itself_taking_effect_is_a_commencement_clause() -> None:
    text = ("Sec. 2. - Review.\n\n(a) No decision producing legal effects shall take effect before a person has "
            "reviewed it.\n\n(b) This ordinance shall become effective 30 days after enactment.\n")
    assert _duties(text) == [("2(a)", "prohibition", "No decision producing legal effects shall take effect before "
                                                      "a person has reviewed it.")]


def test_numbered_points_a_markdown_renderer_joined_to_their_lead_in_are_each_a_duty() -> None:
    text = ("(f) The catalog shall indicate: 1. If the information is public; and 2. The date it was updated.\n")
    assert [(r, t) for r, _, t in _duties(text)] == [
        ("(f)(1)", "The catalog shall indicate: 1. If the information is public; and"),
        ("(f)(2)", "The catalog shall indicate: 2. The date it was updated."),
    ]


def test_a_catchline_opening_a_point_stays_with_the_point_s_first_duty() -> None:
    text = ("(n) The group shall serve several functions, including:\n\n"
            "1. Transparency Forum. The group shall provide a forum. This shall include process solutions; and\n"
            "2. Public Input Forum. The group shall provide a forum for resolutions.\n")
    assert [(r, t.split("including: ")[-1]) for r, _, t in _duties(text)] == [
        ("(n)(1), sentence 2", "This shall include process solutions; and"),
        ("(n)(1)", "1. Transparency Forum. The group shall provide a forum."),
        ("(n)(2)", "2. Public Input Forum. The group shall provide a forum for resolutions."),
    ]


def test_there_shall_be_and_a_relative_is_not_subject_to_are_duties_but_the_presumption_shall_is_not() -> None:
    text = ("(d) The presumption shall be in favor of openness. Officials shall publish all data that is not "
            "subject to valid exemptions.\n\n"
            "(j) If a request is limited, there shall be a redacted version released.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [("(d), sentence 2", "mandatory"), ("(j)", "mandatory")]


def test_a_section_whose_title_only_begins_with_findings_keeps_its_duties() -> None:
    text = "Sec. 9. - Findings of the authority.\n\n(a) The authority shall publish its findings.\n"
    assert [r for r, _, _ in _duties(text)] == ["9(a)"]


def test_a_charter_s_roman_numeral_articles_and_sections_are_cited() -> None:
    text = ("# Article V: Director of Finance\n\n## Section V-2: Qualifications\n\n"
            "The Director of Finance shall not hold any other public office.\n")
    assert [r for r, _, _ in _duties(text)] == ["V-2"]


def test_a_markdown_list_counter_before_an_item_s_own_label_is_not_a_label() -> None:
    text = ("Section V-3: Duties\n\nThe Director shall:\n\n1. (a) Keep the accounts.\n\n14. (d) Examine all bills.\n")
    assert [r for r, _, _ in _duties(text)] == ["V-3(a)", "V-3(d)"]


def test_charter_powers_deadlines_and_no_noun_prohibitions() -> None:
    text = ("Section III-5: Powers\n\n(a) The Mayor shall have the power to appoint any officer.\n\n"
            "(b) The Mayor shall have all the judicial powers granted by the laws of the State.\n\n"
            "(c) The Council shall not later than its next regular meeting, proceed to reconsider it.\n\n"
            "(d) The Director shall issue no warrant unless the claim is approved.\n")
    assert [m for _, m, _ in _duties(text)] == ["permission", "permission", "mandatory", "prohibition"]


def test_a_but_clause_with_its_own_modal_verb_is_a_clause_of_its_own() -> None:
    text = ("Section V-1: Term\n\nThe Director may be removed by the Mayor, but such removal shall not take place "
            "without the concurrence of Council. The Mayor may approve any item, but otherwise the approval shall be "
            "addressed to the entire ordinance.\n")
    assert [m for _, m, _ in _duties(text)] == ["permission", "prohibition", "permission", "mandatory"]


def test_a_charter_s_veto_effects_and_limits_of_office_are_not_duties() -> None:
    text = ("Section III-5: Veto\n\n(b) The Mayor shall attend Council meetings but shall have no vote therein.\n\n"
            "(c) If the Mayor does not sign it, it shall take effect in the same manner as if the Mayor had signed it. "
            "The Council shall reconsider it, and if upon reconsideration it be approved by two-thirds of Council, "
            "it shall then take effect without the signature of the Mayor.\n")
    assert [t for _, _, t in _duties(text)] == ["The Mayor shall attend Council meetings",
                                                "The Council shall reconsider it"]


def test_measures_as_are_deemed_necessary_is_discretion_not_a_deeming_clause() -> None:
    text = "Sec. 1. - Mayor.\n\n(a) The Mayor shall recommend such measures as are deemed necessary.\n"
    assert len(_duties(text)) == 1


def test_a_point_s_later_clause_of_another_modality_is_its_own_duty_and_its_exception_is_dropped() -> None:
    text = ("Section V-3: Duties\n\nThe Director shall:\n\n"
            "1. (d) Examine all bills, and shall issue no warrant unless the claim is approved.\n\n"
            "2. (e) Shall have custody of the seal and may affix it to documents, but the absence of the seal "
            "shall not affect the validity of any instrument.\n")
    assert [(r, m, t.split("shall: ")[-1]) for r, m, t in _duties(text)] == [
        ("V-3(d)", "mandatory", "(d) Examine all bills"),
        ("V-3(d)", "prohibition", "(d) … and shall issue no warrant unless the claim is approved."),
        ("V-3(e)", "mandatory", "(e) Shall have custody of the seal"),
        ("V-3(e)", "permission", "(e) … and may affix it to documents"),
    ]
