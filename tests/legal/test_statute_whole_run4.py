"""The statute import's structure reading, one behaviour at a time: rules that the fourteenth session's whole run of
statute.py (every mutant, each on the tests that execute the line it changes) and the survivors left from the
thirteenth session found unchecked (docs/mutation-survivors.md, "the statute import", "Whole run (2026-12-04,
fourteenth session)"). Each fixture is a few lines of statute text read through the public import functions; nothing
is computed in a shared fixture (mutmut's attribution pitfall)."""

from __future__ import annotations

import textwrap

from compgraph.legal.provisions import statute_duties
from compgraph.legal.statute import parse_provisions


def _places(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    return [(p.section, p.path, p.text) for p in parse_provisions(text)]


# --- headings (statute._heading)


def test_a_wrapped_line_citing_an_article_and_ending_in_a_semicolon_stays_in_its_point() -> None:
    text = (
        "Article 30\nRecords\n1. The controller shall keep:\n(a) the arrangement referred to in\n"
        "Article 26 GDPR;\n(b) the name of the controller.\n"
    )
    assert _places(text)[1:] == [
        ("30", ("1", "a"), "the arrangement referred to in Article 26 GDPR;"),
        ("30", ("1", "b"), "the name of the controller."),
    ]


def test_a_code_section_numbered_alone_on_its_line_takes_its_catchline_from_the_next_line() -> None:
    text = (
        "1798.100.\nGeneral Duties of Businesses that Collect Personal Information\n"
        "(a) A business shall inform consumers of the categories of personal information collected.\n"
    )
    assert [(d.ref, d.section_title) for d in statute_duties(text)] == [
        ("1798.100(a)", "General Duties of Businesses that Collect Personal Information")
    ]


def test_a_part_heading_too_long_for_a_catchline_between_sections_is_not_text_of_the_section_above() -> None:
    text = (
        "Section 4\nRecords\n(1) The controller shall keep a record.\n"
        "PART 3 DUTIES OF CONTROLLERS AND PROCESSORS AND THE RIGHTS OF CONSUMERS AND OF THE PUBLIC\n"
        "Section 5\nNotice\n(1) The controller shall give notice.\n"
    )
    assert _places(text) == [
        ("4", ("1",), "The controller shall keep a record."),
        ("5", ("1",), "The controller shall give notice."),
    ]


def test_a_wrapped_line_citing_a_point_of_a_part_stays_in_its_sentence() -> None:
    text = (
        "Section 4\nRecords\n(1) The controller shall keep the arrangement referred to in\nPart 3 (b) of Schedule 1.\n"
    )
    assert _places(text) == [
        ("4", ("1",), "The controller shall keep the arrangement referred to in Part 3 (b) of Schedule 1.")
    ]


# --- catchlines and lead-ins (statute._is_title)


def test_a_labelled_condition_opening_with_a_capital_where_and_ending_in_a_dash_leads_in_to_its_points() -> None:
    text = (
        "Section 4\nSecurity\n(1) This section applies to a manufacturer.\n"
        "(2) Where a manufacturer of a relevant connectable product\u2014\n"
        "(a) the manufacturer shall publish the support period;\n(b) the manufacturer shall keep a record.\n"
    )
    assert [d.text for d in statute_duties(text)] == [
        "Where a manufacturer of a relevant connectable product\u2014 (a) the manufacturer shall publish the support "
        "period;",
        "Where a manufacturer of a relevant connectable product\u2014 (b) the manufacturer shall keep a record.",
    ]


# --- sections (statute._Parser.open_section)


def test_an_annex_whose_heading_has_no_title_is_titled_by_its_name() -> None:
    text = "ANNEX III\n1. The provider shall keep the logs.\n"
    assert [(d.ref, d.section_title) for d in statute_duties(text)] == [("Annex III, 1", "Annex III")]


# --- the parser's state before the first line (statute._Parser.__init__)


def test_the_inline_points_on_the_first_line_of_a_hard_wrapped_text_are_points() -> None:
    filler = " ".join(
        f"Each report under this section shall state the number of systems reviewed in year {n}." for n in range(12)
    )
    paragraph = (
        "The agency shall: (1) keep a record of each automated decision system it uses; (2) publish that record "
        "on its website every year; and (3) review the record before it buys a new system. " + filler
    )
    text = "\n".join(textwrap.wrap(paragraph, 64)) + "\n"
    assert [(d.ref, d.own_text) for d in statute_duties(text)][:3] == [
        ("(1)", "keep a record of each automated decision system it uses;"),
        ("(2)", "publish that record on its website every year; and"),
        ("(3)", "review the record before it buys a new system."),
    ]


# --- a code's "(1)" items inside its "2." subdivisions (statute._Parser.num_kind, labels.ordinal)


def test_items_numbered_1_under_a_label_alone_on_its_line_in_a_subdivision_s_item_are_a_level_of_their_own() -> None:
    text = (
        "§ 5. Duties.\n1. The agency shall consider the following factors:\n(1) the cost of the system; and\n"
        "(2) its benefit.\n2. The agency shall, in each year:\n(1) publish a report that states:\n(i)\n"
        "(1) the number of systems; and\n(2) the cost of each;\n(2) keep a copy.\n"
    )
    assert [d.ref for d in statute_duties(text)] == ["5(1)(1)", "5(1)(2)", "5(2)(1)(i)(1)", "5(2)(1)(i)(2)", "5(2)(2)"]


def test_a_section_opening_with_item_1_after_a_section_with_subdivision_1_is_read() -> None:
    text = "Section 1.\n1. The agency shall keep records.\nSection 2.\n(1) The agency shall publish them.\n"
    assert [d.ref for d in statute_duties(text)] == ["1(1)", "2(1)"]


def test_items_under_a_lettered_paragraph_go_on_after_a_sentence_between_them_in_a_section_after_a_dotted_one() -> None:
    text = (
        "Section 1.\n1. The agency shall keep records.\nSection 2.\n(a) The agency shall:\n"
        "(1) publish a report each year that states the number of systems it uses;\n"
        "In this paragraph, a report is a written statement.\n(2) keep a copy of each report.\n"
    )
    assert [d.ref for d in statute_duties(text)][-1] == "2(a)(2)"


# --- capital letter points and the lead-ins they keep (statute._Parser.add)


def test_capital_points_of_a_second_numbered_paragraph_are_under_that_paragraph_s_lead_in() -> None:
    text = (
        "Section 1\nDuties\n1. The agency shall:\nA. publish a report.\nB. keep a copy.\n2. The vendor shall:\n"
        "A. deliver the system.\n"
    )
    assert [(d.ref, d.text) for d in statute_duties(text)][-1] == (
        "1(2)(A)",
        "The vendor shall: A. deliver the system.",
    )


def test_a_capital_point_resumed_after_the_next_numbered_paragraph_keeps_its_numbered_lead_in() -> None:
    text = (
        "Section 1\nPractices\nAgencies must follow this section.\n1. Agencies must follow these practices:\n"
        "A. Complete an assessment.\nB. Test the AI.\n2. Agencies should assess the data.\nC. Evaluate the AI.\n"
    )
    assert [(d.ref, d.text) for d in statute_duties(text)][-1] == (
        "1(1)(C)",
        "Agencies must follow these practices: C. Evaluate the AI.",
    )


def test_a_paragraph_after_a_resumed_capital_point_is_that_point_s_next_sentence() -> None:
    text = (
        "Agencies must follow these practices:\n\nA. Complete an assessment.\n\nB. Test the AI.\n\n"
        "37 Agencies should assess the data.\n\nC. Evaluate the AI.\n\nAgencies must review the documentation.\n"
    )
    assert [d.ref for d in statute_duties(text)][-1] == "(C), sentence 2"


def test_a_paragraph_after_a_numbered_paragraph_that_follows_an_unlabelled_lead_in_s_list_is_that_paragraph_s() -> None:
    text = (
        "Section 1\nDefinitions\nOpen data shall include:\n1. maps;\n2. lists.\n"
        "Open format means a format anyone can read.\n3. The agency shall publish open data.\n"
        "The agency shall publish it every year.\n"
    )
    assert _places(text)[-1] == ("1", ("3",), "The agency shall publish it every year.")


# --- the first line and the last lines of a text (statute.parse_provisions)


def test_a_long_verbless_first_line_is_the_act_s_title_not_a_provision() -> None:
    text = (
        "An Act concerning consumer protections in interactions with artificial intelligence systems and other "
        "matters\nSection 1\nDuties\n(1) A developer shall use reasonable care.\n"
    )
    assert _places(text) == [("1", ("1",), "A developer shall use reasonable care.")]


def test_a_text_of_blank_lines_has_no_provisions() -> None:
    assert parse_provisions("\n\n") == []


def test_a_catchline_like_line_broken_at_the_margin_before_a_text_s_last_line_goes_on_into_it() -> None:
    filler = " ".join(
        "Each report under this section shall state the number of systems that the agency reviewed in the year."
        for _ in range(14)
    )
    # no newline at the end: the line before the last has a last line after it
    text = (
        "\n".join(textwrap.wrap(filler, 64)) + "\nThe agency shall keep the records.\n"
        "Records of Automated Decision Systems and of Their Vendors Kept by\nthe agency shall be published."
    )
    assert _places(text)[-1] == (
        "main",
        (),
        "Records of Automated Decision Systems and of Their Vendors Kept by the agency shall be published.",
    )


# --- inline points (statute.parse_provisions, _first_subdivision)


def test_the_inline_points_of_a_second_paragraph_are_numbered_from_1_again() -> None:
    text = (
        "The agency shall: (1) keep records; (2) publish them.\n"
        "The vendor shall: (1) deliver the system; (2) test it.\n"
    )
    assert [d.ref for d in statute_duties(text)] == ["(1)", "(2)", "(1)", "(2)"]


def test_the_inline_points_of_a_hard_wrapped_paragraph_after_a_blank_line_are_numbered_from_1_again() -> None:
    filler = " ".join(
        "Each report under this section shall state the number of systems that the agency reviewed in the year."
        for _ in range(7)
    )
    first = (
        "The agency shall: (1) keep a record of each automated decision system it uses; (2) publish that record "
        "every year. " + filler
    )
    second = (
        "The vendor shall: (1) deliver the system with its documentation; (2) test the system before it is "
        "delivered. " + filler
    )
    text = "\n".join(textwrap.wrap(first, 64)) + "\n\n" + "\n".join(textwrap.wrap(second, 64)) + "\n"
    vendor = [d for d in statute_duties(text) if d.subject.startswith("The vendor")]
    assert [(d.ref, d.own_text) for d in vendor] == [
        ("(1)", "deliver the system with its documentation;"),
        ("(2)", "test the system before it is delivered."),
    ]


def test_a_first_subdivision_run_on_after_a_wrapped_catchline_starts_where_its_text_starts() -> None:
    text = (
        "§ 899-aa. Notification; person without valid authorization has\n"
        "acquired private information. 1. As used in this section, the business shall give notice.\n"
    )
    point = [p for p in parse_provisions(text) if p.path == ("1",)]
    assert [p.start for p in point] == [text.index("As used")]


def test_a_run_on_1_is_cut_off_only_after_a_catchline_not_after_a_sentence_without_a_duty() -> None:
    text = (
        "Section 5\nPurpose\nThis section sets out the notices. It has two parts\n"
        "and a schedule. 1. The agency shall give notice.\n"
    )
    assert [p.path for p in parse_provisions(text)] == [()]


def test_a_run_on_1_is_cut_off_only_after_a_catchline_not_after_words_that_state_a_duty() -> None:
    text = (
        "Section 5\nNotice\nThe agency shall give notice of\n"
        "any breach of security. 1. The notice shall be in writing.\n"
    )
    assert [p.path for p in parse_provisions(text)] == [()]


def test_a_run_on_1_is_cut_off_only_after_a_catchline_not_after_a_bulleted_point() -> None:
    text = (
        "Section 5\nReports\nThe report must include:\n- the name of the agency\n"
        "Notice to consumers. 1. The agency shall give notice.\n"
    )
    assert [p.path for p in parse_provisions(text)] == [(), ("1",), ()]


# --- reading one line (statute._read_line)


def test_a_lead_in_with_spaces_after_its_colon_is_a_paragraph_not_a_catchline() -> None:
    text = (
        "Article 3\nDefinitions\n1. The provider shall keep logs.\nFor the purposes of this Article:  \n"
        "(a) a log is a record of events.\n"
    )
    assert ("3", ("1",), "For the purposes of this Article:") in _places(text)


def test_a_bullet_after_a_long_line_without_a_full_stop_opens_a_paragraph_of_its_own() -> None:
    text = (
        "Section 5\nRecords\nThe provider shall keep the following records for each system it places on the market\n"
        "- The name of the system;\n"
    )
    assert [t for _, _, t in _places(text)] == [
        "The provider shall keep the following records for each system it places on the market",
        "The name of the system;",
    ]


def test_an_indented_list_counter_before_an_item_s_own_label_opens_no_section() -> None:
    text = "Section 4\nRecords\nThe agency shall keep records.\n\n  1. (1) The vendor shall deliver the system.\n"
    assert _places(text)[-1] == ("4", ("1",), "The vendor shall deliver the system.")


def test_a_line_opening_with_a_bracketed_aside_after_a_labelled_catchline_is_a_paragraph_under_it() -> None:
    text = (
        "Section 5\nDuties\n(1) Reasonable care\n"
        "(whether or not the developer is paid) the developer shall use reasonable care.\n"
    )
    assert [(p.path, p.heading) for p in parse_provisions(text)] == [(("1",), True), (("1",), False)]


def test_a_catchline_between_two_numbered_paragraphs_is_no_provision() -> None:
    text = "Section 5\nDuties\n(1) The provider shall keep logs.\nRecords\n(2) The deployer shall keep them.\n"
    assert [t for _, _, t in _places(text)] == ["The provider shall keep logs.", "The deployer shall keep them."]


def test_a_lower_case_line_after_a_full_stop_is_a_sentence_of_its_own_not_the_line_above_going_on() -> None:
    text = "Section 5\nDuties\n(1) The provider shall keep logs.\nthe deployer shall monitor them.\n"
    assert _places(text) == [
        ("5", ("1",), "The provider shall keep logs."),
        ("5", ("1",), "the deployer shall monitor them."),
    ]


def test_a_sentence_in_capitals_goes_on_across_a_line_break_after_a_word() -> None:
    text = (
        "SECTION 5\n(1) A DEVELOPER SHALL USE CARE TO AVOID ANY KNOWN RISKS\n"
        "OF DISCRIMINATION THAT THE DEVELOPER SHOULD KNOW OF.\n"
    )
    assert _places(text) == [
        (
            "5",
            ("1",),
            "A DEVELOPER SHALL USE CARE TO AVOID ANY KNOWN RISKS OF DISCRIMINATION THAT THE DEVELOPER SHOULD KNOW OF.",
        )
    ]


# --- section numbers run into their text (statute._run_in_heading)


def test_an_article_number_before_a_short_title_ending_in_a_full_stop_opens_the_article_with_that_title() -> None:
    text = "Article 5 Definitions.\n1. A provider is a person who places a system on the market.\n"
    assert [(p.section, p.section_title, p.path) for p in parse_provisions(text)] == [("5", "Definitions.", ("1",))]


def test_an_article_number_run_into_a_sentence_whose_verb_is_not_a_modal_opens_the_article() -> None:
    text = (
        "Article 5 The state encourages the innovative application of generative AI technology in all industries.\n"
        "Article 6 Providers shall label generated content.\n"
    )
    assert [p.section for p in parse_provisions(text)] == ["5", "6"]


def test_a_code_section_s_catchline_run_on_before_its_subsection_is_the_section_s_title() -> None:
    text = (
        "6-1-1702. Developer duty to avoid algorithmic discrimination. (1) ON AND AFTER JUNE 30, 2026, A DEVELOPER "
        "SHALL USE REASONABLE CARE.\n"
    )
    assert [(d.ref, d.section_title) for d in statute_duties(text)] == [
        ("6-1-1702(1)", "Developer duty to avoid algorithmic discrimination")
    ]


def test_an_inserted_section_leading_in_with_an_en_dash_opens_that_section_without_a_title() -> None:
    text = (
        "26 (1) An organisation must protect personal data.\n26A. Where an organisation \u2013\n"
        "(a) collects personal data, it must notify the individual.\n"
    )
    assert [(p.section, p.section_title, p.path) for p in parse_provisions(text)] == [
        ("26", "", ("1",)),
        ("26A", "", ()),
        ("26A", "", ("a",)),
    ]


def test_a_hard_wrapped_act_opens_each_section_whatever_style_numbers_it() -> None:
    filler = " ".join(
        "Each report under this section shall state the number of systems that the agency reviewed in the year."
        for _ in range(4)
    )
    sections = [
        "12 (1) A health information custodian shall keep a record of each disclosure. ",
        "12.1 A custodian shall publish the record every year. ",
        "13. (1) A custodian shall notify the individual. ",
        "Article 14 The custodian shall keep the notice. ",
    ]
    text = "".join("\n".join(textwrap.wrap(s + filler, 64)) + "\nThe record is kept.\n" for s in sections)
    assert [p.section for p in parse_provisions(text)] == ["12", "12", "12.1", "12.1", "13", "13", "14", "14"]


# --- a policy's Roman-numbered sections (statute._roman_heading)


def _policy(heading: str) -> str:
    return f"I. Purpose\nThis policy sets rules for agencies.\n{heading}\nAgencies must follow this policy.\n"


def test_a_policy_s_next_roman_heading_of_six_words_opens_its_section() -> None:
    provisions = parse_provisions(_policy("II. Roles of the Chief Data Officer"))
    assert [(p.section, p.section_title) for p in provisions][-1] == ("II", "Roles of the Chief Data Officer")


def test_a_policy_s_next_roman_line_of_seven_words_is_no_heading() -> None:
    provisions = parse_provisions(_policy("II. Roles and duties of the Data Officer"))
    assert {p.section for p in provisions} == {"I"}


def test_a_policy_s_next_roman_line_of_ten_verbless_words_is_no_heading() -> None:
    provisions = parse_provisions(_policy("II. Scope of the policy on the use of artificial intelligence by agencies"))
    assert {p.section for p in provisions} == {"I"}


def test_a_roman_line_that_skips_the_next_number_is_no_heading() -> None:
    provisions = parse_provisions(_policy("III. Roles"))
    assert {p.section for p in provisions} == {"I"}


# --- parents (statute._link)


def test_the_points_under_a_resumed_capital_point_are_under_it_and_its_lead_in() -> None:
    text = (
        "Agencies must follow these practices:\n\nA. Complete an assessment.\n\nB. Test the AI.\n\n"
        "37 Agencies should assess the data.\n\nC. Evaluate the AI as follows:\n\n1. test it;\n\n2. review it.\n"
    )
    assert [d.text for d in statute_duties(text)][-2:] == [
        "Agencies must follow these practices: C. Evaluate the AI as follows: 1. test it;",
        "Agencies must follow these practices: C. Evaluate the AI as follows: 2. review it.",
    ]


# --- an act's illustrations (statute._aside)


def test_the_sub_section_after_an_act_s_illustrations_keeps_the_section_s_title() -> None:
    text = (
        "(7) X shall retain the records.\nIllustrations.\n(a) Y shall retain the documents.\n"
        "(8) X shall report to the Board.\n"
    )
    assert [(p.path, p.section_title) for p in parse_provisions(text)] == [(("7",), ""), (("8",), "")]


def test_the_next_dotted_letter_after_a_point_s_illustrations_ends_them() -> None:
    text = (
        "Section 3\nDuties\na. X shall retain the records.\nIllustrations.\n(i) Y shall retain the documents.\n"
        "b. X shall report to the Board.\n"
    )
    assert [p.path for p in parse_provisions(text)] == [("a",), ("b",)]


def test_the_text_after_the_sub_section_that_ends_the_illustrations_is_read() -> None:
    text = (
        "Section 3\nDuties\n(7) X shall retain the records.\nIllustrations.\n(a) Y shall retain the documents.\n"
        "(8) X shall report to the Board.\nX shall publish the report.\n"
    )
    assert _places(text)[-1] == ("3", ("8",), "X shall publish the report.")


# --- a bill that numbers its sections "1.", "2." (statute._add_labelled)


def test_a_bill_s_numbered_sections_have_no_title_and_their_subsections_keep_their_written_labels() -> None:
    text = (
        "BE IT ENACTED by the Senate:\n\n1. This act shall be known as the Open Data Initiative.\n\n"
        "2. a. A Chief Data Officer shall be appointed by the Chief Technology Officer.\nData Officer\n\n"
        "b. Each agency shall provide datasets to the Chief Data Officer.\n"
    )
    assert [(p.section, p.section_title, p.labels) for p in parse_provisions(text)] == [
        ("1", "", ()),
        ("2", "", ("a.",)),
        ("2", "", ("b.",)),
    ]


# --- an article whose number line a conversion lost (statute._lost_article)


def test_a_catchline_then_paragraph_1_after_a_branch_article_opens_the_next_article() -> None:
    text = (
        "# Article 5-2\n\n- (1) A business operator shall not acquire personal information by deceit.\n\n"
        "(Notification of a Utilization Purpose)\n\n"
        "- (1) A business operator shall promptly inform a principal of the utilization purpose.\n"
    )
    assert [d.ref for d in statute_duties(text)] == ["5-2(1)", "6(1)"]


def test_a_catchline_then_paragraph_1_with_its_first_item_on_its_line_opens_the_next_article() -> None:
    text = (
        "# Article 17\n\n- (1) A business operator shall not acquire personal information by deceit.\n\n"
        "(Notification of a Utilization Purpose)\n\n"
        "- (1) (i) A business operator shall promptly inform a principal of the utilization purpose.\n"
    )
    assert [d.ref for d in statute_duties(text)] == ["17(1)", "18(1)(i)"]


def test_the_item_under_paragraph_1_of_an_article_whose_number_line_was_lost_is_not_its_title() -> None:
    text = (
        "# Article 17\n\n- (1) A business operator shall not acquire personal information by deceit.\n\n"
        "(Notification of a Utilization Purpose)\n\n"
        "- (1) A business operator shall inform a principal of the following:\n- (i) the utilization purpose\n"
    )
    assert _places(text)[-1] == ("18", ("1", "i"), "the utilization purpose")


# --- whether a text is hard-wrapped (statute._wrap_width): a point's "(2)" on the next line of a hard-wrapped
# paragraph goes on with the "(1)" of the line above; in a text whose lines are paragraphs it does not


_POINTS = [
    "The agency shall: (1) keep a record of each system it",
    "uses; (2) publish that record on its website every year.",
]
_FILLER = " ".join(
    "Each report under this section shall state the number of systems that the agency reviewed in the year."
    for _ in range(40)
)


def _point_refs(lines: list[str]) -> list[str]:
    return [d.ref for d in statute_duties("\n".join(lines) + "\n") if d.ref.startswith("(")]


def test_a_text_of_twenty_lines_half_of_them_at_its_margin_is_hard_wrapped() -> None:
    at_margin = textwrap.wrap(_FILLER, 60)[:8]
    short = ["The record is kept."] * 10
    assert _point_refs(_POINTS + at_margin + short) == ["(1)", "(2)"]


def test_a_text_of_twenty_two_lines_eight_of_them_at_its_margin_is_not_hard_wrapped() -> None:
    at_margin = textwrap.wrap(_FILLER, 60)[:6]
    short = ["The record is kept."] * 14
    assert _point_refs(_POINTS + at_margin + short) == ["(1)"]


def test_a_hard_wrapped_text_with_one_line_far_past_its_margin_is_still_hard_wrapped() -> None:
    at_margin = textwrap.wrap(_FILLER, 60)[:97]
    table_row = "Table 1: systems reviewed | " + "number of systems reviewed by the agency in the year | " * 2
    assert len(table_row) > 120
    assert _point_refs(_POINTS + at_margin + [table_row]) == ["(1)", "(2)"]


def test_a_text_whose_lines_are_paragraphs_longer_than_120_characters_is_not_hard_wrapped() -> None:
    paragraphs = [
        "The agency shall: (1) keep a record of each system it uses in the year; (2) publish that record on its "
        "website; and (3) send it to the Board by {month}.",
        "The vendor shall: (1) deliver the system with its documentation and its source code; (2) test the system "
        "before it is delivered; and (3) report by {month}.",
    ]
    lines = [p.format(month=m) for m in ("March", "June") for p in paragraphs] * 5
    refs = [d.ref for d in statute_duties("\n".join(lines) + "\n")]
    assert refs[:6] == ["(1)", "(2)", "(3)", "(1)", "(2)", "(3)"]


# --- the thirteenth session's survivors in the other modules (clauses, provisions)


def test_a_permission_given_only_if_a_body_shall_find_it_necessary_is_a_permission() -> None:
    text = "Section 5\nRecords\n(1) The data can be shared only if the Commission shall find it necessary.\n"
    assert [(d.ref, d.modality) for d in statute_duties(text)] == [("5(1)", "permission")]


def test_a_duty_whose_subject_opens_with_who_and_a_modal_verb_has_the_whole_clause_for_subject() -> None:
    text = "Article 5\nDuties\n1. Who shall keep the register shall be decided by the deployer.\n"
    assert [d.subject.strip() for d in statute_duties(text)] == ["Who shall keep the register"]


def test_a_permission_given_only_if_listed_conditions_are_met_is_read_once() -> None:
    lead_in = "Providers may process personal data in the sandbox only if all the following conditions are met:"
    text = (
        f"Article 59\nProcessing\n1. {lead_in}\n(a) the system is developed for a public interest;\n"
        "(b) the data are necessary.\n"
    )
    assert [d.text for d in statute_duties(text)].count(lead_in) == 1


def test_a_point_s_own_words_keep_the_spacing_between_its_sentences() -> None:
    text = (
        "Section 5\nLogs\n(1) The provider shall:\n"
        "(a) keep the logs.  The logs are records of the events of the system.\n(b) test the system.\n"
    )
    assert statute_duties(text)[0].own_text == "keep the logs.  The logs are records of the events of the system."


def test_a_lower_case_verbless_note_under_a_section_s_catchline_is_no_provision() -> None:
    text = "Section 5\nDefinitions\nas amended in 2020\n(1) A provider is a person who places a system on the market.\n"
    assert _places(text) == [("5", ("1",), "A provider is a person who places a system on the market.")]


def test_a_gazette_section_s_first_sub_section_that_is_a_catchline_is_no_section_title() -> None:
    text = (
        "8. (1) Definitions\n(a) A provider is a person who places a system on the market.\n"
        "9. (1) The provider shall keep logs.\n"
    )
    assert [(p.section, p.section_title, p.path, p.heading) for p in parse_provisions(text)][:2] == [
        ("8", "", ("1",), True),
        ("8", "", ("1", "a"), False),
    ]


def test_a_capital_point_after_a_lower_case_letter_list_that_closed_it_goes_on_under_its_lead_in() -> None:
    text = (
        "Agencies must follow these practices:\n\nA. Complete an assessment.\n\nB. Test the AI.\n\n"
        "37 Agencies should assess the data.\n\na. Agencies should keep records.\n\nC. Evaluate the AI.\n"
    )
    assert [(d.ref, d.text) for d in statute_duties(text)][-1] == (
        "(C)",
        "Agencies must follow these practices: C. Evaluate the AI.",
    )


# --- a line broken at the margin (statute.parse_provisions): a text hard-wrapped at 60 characters


_AT_60 = ["The agency shall publish each report in its public register."] * 20
_CATCHLINE = "Records of Automated Decision Systems and Their Vendors"  # 55 characters


def test_a_catchline_like_line_the_next_word_would_still_have_fitted_on_is_a_heading() -> None:
    text = "\n".join([*_AT_60, _CATCHLINE, "kept by the agency are public."]) + "\n"
    assert [(p.section_title, p.text) for p in parse_provisions(text)][-1] == (
        _CATCHLINE,
        "kept by the agency are public.",
    )


def test_a_catchline_like_line_the_next_word_would_have_overrun_by_one_goes_on_into_that_word() -> None:
    text = "\n".join([*_AT_60, _CATCHLINE, "shall be kept by the agency."]) + "\n"
    assert [(p.section_title, p.text) for p in parse_provisions(text)][-1] == (
        "",
        f"{_CATCHLINE} shall be kept by the agency.",
    )


def test_a_text_whose_lines_all_run_to_121_characters_is_not_hard_wrapped() -> None:
    first = (
        "The agency shall: (1) keep a record of each automated decision system that it uses in the course of its core "
        "work for the"
    )
    second = (
        "public; (2) publish that record on its website every year, together with the name of the official who is in "
        "charge of it."
    )
    report = (
        "Each report under this section shall state the number of automated decision systems that the agency reviewed "
        "in the year."
    )
    assert {len(first), len(second), len(report)} == {121}
    assert _point_refs([first, second] + [report] * 18) == ["(1)"]


# --- labels (labels.labels_of): the thirteenth session's survivor


def test_a_dotted_number_after_a_bracketed_letter_is_the_point_s_text_not_a_label() -> None:
    text = "Section 5\nDuties\n(b) 1. The provider shall keep the logs.\n"
    assert _places(text) == [("5", ("b",), "1. The provider shall keep the logs.")]


def test_a_wrapped_line_citing_a_part_with_a_bracketed_note_stays_in_its_sentence() -> None:
    text = (
        "Section 4\nRecords\n(1) The controller shall keep the records required by\nPart 2 (as amended) of the Act.\n"
    )
    assert _places(text) == [
        ("4", ("1",), "The controller shall keep the records required by Part 2 (as amended) of the Act.")
    ]


def test_a_line_of_four_fifths_of_the_margin_counts_as_at_the_margin() -> None:
    four_fifths = "The agency shall keep each report for ten years."  # 48 of the margin's 60 characters
    assert len(four_fifths) == 48
    # 22 lines, 11 of them at the margin: the two lines of points, eight of 60 characters and the one of 48
    assert _point_refs(_POINTS + _AT_60[:8] + [four_fifths] + ["The record is kept."] * 11) == ["(1)", "(2)"]
