"""The failure classes the first runs on four more never-seen texts showed (2026-12-05, eighteenth session, second
round): the Digital Markets Act's Art. 11 and 13-15 as flat text, the Machinery Regulation's Art. 15-19 printed to
PDF, Montana's consumer privacy act (MCA 30-14-2812, 2813) as the code's web pages in Markdown and Madison's open
data ordinance (MGO 3.72) as one-line HTML. A decimal section number over a catchline in capitals opened no section;
dotted points after an unlabelled definition paragraph were read as the enclosing subsection's siblings, so the
subsections after them nested under the last point; a Title Case catchline with a modal verb in it was read as a
duty; the text of a policy a duty prescribes was read as duties; a web page's "the printed version will prevail", a
body's "shall not be responsible for", a thing's "may include but is not limited to", a practice that "shall
prevent" no authority's power and a determination that "does not foreclose" access were read as duties. One
behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import duty_clauses


def test_a_decimal_section_number_over_a_capitals_catchline_opens_the_section() -> None:
    text = "3.72 PUBLIC ACCESSIBILITY TO MUNICIPAL DATA SETS.\n\n(1) Each agency shall publish its data sets.\n"
    assert [ref for ref, _, _ in _duties(text)] == ["3.72(1)"]


def test_dotted_points_after_an_unlabelled_definition_stay_under_their_subsection() -> None:
    text = (
        "Sec. 3.72. Open data.\n\n(2) Definitions. As used in this ordinance:\n\n"
        '"Data" means final versions of information:\n\n1. In alphanumeric form; and\n\n2. Regularly created.\n\n'
        "(3) Availability.\n\n(a) Each agency shall publish its data sets.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["3.72(3)(a)"]


def test_a_title_case_catchline_with_a_modal_verb_is_no_duty() -> None:
    text = (
        "(e) Data Set Users May Remain Anonymous. Such public data sets shall be made available without any "
        "registration requirement.\n"
    )
    assert [modality for _, modality, _ in _duties(text)] == ["mandatory"]


def test_the_text_of_a_policy_a_duty_prescribes_binds_no_one() -> None:
    text = (
        "(4) Open Data Legal Policy.\n\n"
        "a. The Department shall conspicuously publish the following Open Data Legal Policy on the city's website:\n\n"
        "The City reserves the right to discontinue availability of content on this website.\n\n"
        "If the City claims any rights, then this website will so indicate on the webpage.\n\n"
        "(5) Each agency shall report annually.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["(4)(a)", "(5)"]


def test_a_web_pages_note_that_the_printed_version_will_prevail_is_no_duty() -> None:
    assert (
        duty_clauses(
            "In case of inconsistencies resulting from omissions or other errors, the printed version will prevail."
        )
        == []
    )


def test_a_body_that_shall_not_be_responsible_for_a_task_is_not_forbidden_it() -> None:
    assert duty_clauses("The Department shall not be responsible for identifying or publishing data sets.") == []


def test_what_a_method_may_include_but_is_not_limited_to_allows_no_one_anything() -> None:
    assert (
        duty_clauses(
            'This method may include but is not limited to an internet hyperlink clearly labeled "your privacy rights".'
        )
        == []
    )


def test_a_practice_that_shall_prevent_no_authoritys_power_is_a_saving_clause() -> None:
    assert (
        duty_clauses(
            "No such practice of an undertaking shall prevent the Commission from designating it as a "
            "gatekeeper pursuant to Article 3(4)."
        )
        == []
    )


def test_a_determination_that_does_not_foreclose_access_is_no_part_of_a_points_duty() -> None:
    text = (
        "(g) Agencies shall consider the following factors:\n\n"
        "1. Whether the data set furthers the agency's missions;\n\n"
        "2. The accuracy of the data set. Such a determination does not foreclose a requester's access to the data.\n"
    )
    assert not any("foreclose" in row for _, _, row in _duties(text))
