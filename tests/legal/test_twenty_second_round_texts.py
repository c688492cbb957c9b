"""The failure classes the first runs on three never-seen US texts showed (2026-12-05, twenty-second session): the
Utah Consumer Privacy Act (S.B. 227, 2022) as a `marker` conversion of the enrolled bill's PDF to Markdown tables,
§ 1-204.22 of the District of Columbia's charter (the Home Rule Act) as the D.C. Council's code page, and Chapter 6
(Budgets) of Richmond's charter as the Virginia Law portal's page, all on one line. The D.C. page's section number
has an en dash ("§ 1–204.22.") and Richmond's an inserted section's colon ("§ 6.15:3."), so neither opened a section;
the D.C. page's editorial notes (an `<aside class="annotations">` reporting other laws' "shall") were read as its
text; its lead paragraph ends "... including but not limited to the following powers, duties, and functions:" over
twelve paragraphs that are sentences of their own, and they took its "shall"; savings, validity and effect clauses
("shall ... continue to be subject to", "shall be valid only if", "shall be in effect for the ensuing fiscal year",
"shall constitute the hearing", "shall have full force and effect to the same extent as if") were taken as duties.
One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def test_a_section_number_with_an_en_dash_opens_the_section_and_is_cited_with_a_hyphen() -> None:
    text = ("§ 1–204.22. Powers and duties.\n\n(1) The Mayor may submit drafts of acts to the Council.\n\n"
            "(2) The Mayor shall appoint a City Administrator.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["1-204.22(1)", "1-204.22(2)"]


def test_a_section_inserted_with_a_colon_in_its_number_opens_a_section_of_its_own() -> None:
    text = ("§ 6.15. (1948, c. 116; repealed 1998, c. 711)\n\n§ 6.15:3. School buildings.\n\n"
            "(a) The mayor shall present a plan to the council.\n\n(b) The plan shall not be based on new taxes.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["6.15:3(a)", "6.15:3(b)"]


def test_what_a_page_sets_aside_from_its_text_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "section.html"
    path.write_text('<html><body><article><h1>§ 1–204.22. Powers and duties.</h1><p>(5) The Mayor may submit drafts '
                    'of acts to the Council.</p><aside class="annotations" role="note"><p>Section 811 of D.C. Law '
                    "10-253 provided that the Mayor shall submit to the Council a report.</p></aside></article>"
                    "</body></html>", encoding="utf-8")
    text = read_document(path)
    assert "The Mayor may submit drafts" in text
    assert "shall submit to the Council a report" not in text


_DC = ("§ 1-204.22. Powers and duties.\n\n"
       "The Mayor shall be responsible for the proper execution of all laws relating to the District, including but not"
       " limited to the following powers, duties, and functions:\n\n"
       "(1) The Mayor may designate the officer or officers of the executive department of the District.\n\n"
       "(4) The Mayor shall, through the heads of administrative boards, offices, and agencies, supervise and direct "
       "the activities of such boards, offices, and agencies.\n\n"
       "(5) The Mayor may submit drafts of acts to the Council.\n\n"
       "(11) The Mayor is authorized to issue and enforce administrative orders.\n")


def test_a_colon_over_paragraphs_that_are_each_a_sentence_of_their_own_leads_in_nothing() -> None:
    rows = _duties(_DC)
    assert rows[0][:2] == ("1-204.22", "mandatory")
    assert rows[0][2].startswith("The Mayor shall be responsible for the proper execution")
    assert [(ref, mod) for ref, mod, _ in rows[1:]] == [
        ("1-204.22(1)", "permission"), ("1-204.22(4)", "mandatory"), ("1-204.22(5)", "permission"),
        ("1-204.22(11)", "permission")]
    assert rows[2][2].startswith("The Mayor shall, through the heads")


def test_a_colon_over_points_that_complete_it_still_leads_in() -> None:
    """Guard: points that are words of the lead-in's sentence ("shall: (a) adhere ...") carry it, as before."""
    text = ("13-61-301. Responsibility according to role.\n\n(1) A processor shall:\n\n"
            "(a) adhere to the controller's instructions; and\n\n(b) assist the controller in meeting obligations.\n")
    assert _duties(text) == [
        ("13-61-301(1)(a)", "mandatory", "A processor shall: (a) adhere to the controller's instructions; and"),
        ("13-61-301(1)(b)", "mandatory", "A processor shall: (b) assist the controller in meeting obligations.")]


def test_a_charters_savings_of_the_old_law_and_conditions_of_validity_bind_no_one() -> None:
    text = ("§ 1-204.22. Powers and duties.\n\n(2) The Mayor shall administer all laws relating to personnel. All "
            "actions affecting such personnel shall, until such time as legislation is enacted by the Council, pursuant"
            " to paragraph (3) of this section, continue to be subject to the provisions of acts of Congress. The "
            "officers of each agency shall continue to be appointed and removed in accordance with applicable laws "
            "until such laws are superseded.\n\n(3) Personnel legislation enacted by Congress shall continue to be "
            "applicable until such time as the Council provides otherwise. The merit system shall take effect not "
            "earlier than 1 year nor later than 5 years after January 2, 1975.\n\n(12) The Mayor may reorganize the "
            "offices of the District. Such a reorganization plan shall be valid only if the Council does not adopt a "
            "resolution disapproving it.\n\n§ 6.12. Effective date of budget.\n\nUpon final adoption, the budget shall "
            "be in effect for the ensuing fiscal year. A copy of such budget shall be certified by the city clerk.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["1-204.22(2)", "1-204.22(12)", "6.12, sentence 2"]


def test_a_charters_deemings_of_one_thing_for_another_bind_no_one() -> None:
    text = ("§ 6.07. Appropriation ordinances.\n\nThe mayor shall introduce in the council any appropriation ordinance "
            "required. The hearing on the budget plan as a whole, as provided in § 6.09, shall constitute the hearing "
            "on all ordinances referred to in this section.\n\n§ 6.11. Adoption of budget.\n\nThe council shall adopt "
            "the budget. If for any reason the council fails to adopt the budget on or before such day, the budget as "
            "submitted by the mayor shall be the budget for the ensuing year and the appropriation ordinance shall have"
            " full force and effect to the same extent as if the same had been adopted by the council.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["6.07", "6.11"]


def test_the_days_a_body_shall_have_to_take_action_are_its_power_to_act_within_them() -> None:
    text = ("§ 6.16. School buildings.\n\n(d) Once the mayor has complied with subsection (a), the city council shall"
            " have 90 days to take such action as it deems appropriate.\n\n(e) Covered entities shall have 180 days "
            "from the effective date of this Part to comply with this section.\n")
    assert _duties(text) == [("6.16(d)", "permission", "Once the mayor has complied with subsection (a), the city "
                              "council shall have 90 days to take such action as it deems appropriate.")]


_UCPA = ("| 528 | (3) A controller who uses pseudonymous data or deidentified data shall take reasonable |\n"
         "|-----|------------------------------------------------------------------------------------|\n"
         "| 529 | steps to ensure the controller: |\n"
         "| 530 | (a) complies with any contractual obligations to which the pseudonymous data or |\n"
         "| 531 | deidentified data are subject; and |\n"
         "| 532 | (b) promptly addresses any breach of a contractual obligation described in Subsection |\n"
         "| 533 | (3)(a). |\n")


def test_a_bills_margin_line_numbers_in_a_markdown_table_are_no_words_of_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "ucpa.md"
    path.write_text("13-61-303. Processing deidentified data.\n\n" + _UCPA, encoding="utf-8")
    text = read_document(path)
    assert "529" not in text and "531" not in text
    assert "shall take reasonable" in text and "steps to ensure the controller:" in text


def test_a_table_whose_first_column_does_not_count_its_rows_keeps_it(tmp_path: Path) -> None:
    """Guard: a schedule's numbers (not one after another) are words of the table."""
    path = tmp_path / "fines.md"
    path.write_text("| Item | Penalty |\n|---|---|\n| 10 | A fine of $100 |\n| 25 | A fine of $500 |\n"
                    "| 40 | A fine of $900 |\n", encoding="utf-8")
    text = read_document(path)
    assert "25" in text and "A fine of $500" in text


def test_a_citation_broken_off_before_its_labels_and_full_stop_goes_on_in_its_sentence() -> None:
    rows = _duties("13-61-303. Processing deidentified data.\n\n(3) A controller who uses pseudonymous data shall "
                   "take reasonable steps to ensure the controller:\n\n(a) complies with any contractual obligations; "
                   "and\n\n(b) promptly addresses any breach of a contractual obligation described in Subsection\n\n"
                   "(3)(a).\n")
    assert [ref for ref, _, _ in rows] == ["13-61-303(3)(a)", "13-61-303(3)(b)"]
    assert rows[1][2].endswith("described in Subsection (3)(a).")


def test_the_points_after_a_prohibitions_without_are_its_exceptions() -> None:
    text = ("13-61-302. Responsibilities of controllers.\n\n(3) Except as otherwise provided in this chapter, a "
            "controller may not process sensitive data collected from a consumer without:\n\n(a) first presenting the"
            " consumer with clear notice and an opportunity to opt out of the processing; or\n\n(b) processing the data"
            " in accordance with the federal Children's Online Privacy Protection Act.\n")
    rows = _duties(text)
    assert [(ref, mod) for ref, mod, _ in rows] == [("13-61-302(3)", "prohibition")]


def test_an_exception_that_names_its_own_subject_and_verb_is_a_duty_of_its_own() -> None:
    text = ("§ 6.09. Public hearings on budget plan.\n\nA public hearing on the budget plan as a whole shall be held "
            "by the council within the time provided for hearings on ordinances by § 4.10 of this charter, except "
            "that the notice of such hearing shall be printed in a newspaper published in the city.\n")
    assert [(mod, t) for _, mod, t in _duties(text)] == [
        ("mandatory", "A public hearing on the budget plan as a whole shall be held by the council within the time "
                      "provided for hearings on ordinances by § 4.10 of this charter"),
        ("mandatory", "except that the notice of such hearing shall be printed in a newspaper published in the city.")]


def test_what_a_duty_need_not_include_after_but_is_part_of_the_duty() -> None:
    text = ("§ 6.07. Appropriation ordinances.\n\nThe appropriation ordinance shall be based on the budget but need "
            "not be itemized further than by departments unless required by the council.\n\n§ 6.08. Exemptions.\n\nAn "
            "exemption under this section need not be published.\n")
    assert _duties(text) == [("6.07", "mandatory", "The appropriation ordinance shall be based on the budget but need "
                              "not be itemized further than by departments unless required by the council.")]


def test_except_that_no_item_shall_be_reduced_is_a_prohibition() -> None:
    text = ("§ 6.10. Action by council on budget.\n\nAfter the public hearing, the council may insert new items of "
            "expenditure in the budget, except that no item of expenditure for debt service shall be reduced or "
            "stricken out.\n")
    assert [mod for _, mod, _ in _duties(text)] == ["permission", "prohibition"]


def test_a_relative_clause_of_place_or_thing_with_a_shall_of_its_own_is_a_duty_of_its_own() -> None:
    text = ("§ 6.14. School budget.\n\nThe school board shall file with the director of finance its budget. It shall "
            "have power to order transfers from one item of appropriation to another, notice of which shall be "
            "immediately transmitted to the director of finance.\n\n§ 6.08. Distribution of copies.\n\nThe mayor shall "
            "cause two copies to be deposited in the office of the city clerk where they shall be open to public "
            "inspection during regular business hours.\n")
    assert [(ref, mod, t) for ref, mod, t in _duties(text)][1:] == [
        ("6.14, sentence 2", "permission", "It shall have power to order transfers from one item of appropriation to "
                                           "another"),
        ("6.14, sentence 2", "mandatory", "notice of which shall be immediately transmitted to the director of "
                                          "finance."),
        ("6.08", "mandatory", "The mayor shall cause two copies to be deposited in the office of the city clerk"),
        ("6.08", "mandatory", "where they shall be open to public inspection during regular business hours.")]


def test_who_shall_after_the_person_chosen_stays_in_the_duty_that_chooses() -> None:
    """Guard: "shall elect one of its members as mayor pro tem, who shall perform the duties of mayor" is one duty,
    as the Fort Worth and Charlottesville charters are labelled."""
    text = ("Section III-6. Mayor pro tem.\n\nThe City Council shall elect one of its members as mayor pro tem, who "
            "shall perform the duties of mayor in case of the absence of the mayor.\n")
    assert len(_duties(text)) == 1


def test_a_short_table_of_items_numbered_from_one_keeps_its_numbers(tmp_path: Path) -> None:
    """Guard: "| 1 | Controllers shall ... |" rows are numbered items, not a bill's margin."""
    path = tmp_path / "items.md"
    path.write_text("| 1 | Controllers shall keep records. |\n|---|---|\n| 2 | Controllers shall report breaches. |\n"
                    "| 3 | Processors shall assist controllers. |\n", encoding="utf-8")
    assert "2" in read_document(path).split()


def test_a_duty_as_follows_over_sentences_of_their_own_still_leads_in() -> None:
    """Guard: "shall comply with a request as follows:" is completed by its children, whole sentences or not."""
    text = ("§ 4. Requests.\n\n(c) A controller shall comply with a request as follows:\n\n(1) A controller shall "
            "respond to the consumer within forty-five days.\n\n(2) A controller shall record each deletion request.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["4(c)(1)", "4(c)(2)"]
