"""The failure classes the first runs on two more never-seen texts showed (the UK's Product Security and
Telecommunications Infrastructure Act 2022 as a converter flattens legislation.gov.uk's XML, and the US Federal
Information Security Modernization Act of 2014 as a Markdown conversion of the slip law), one behaviour each; a guard
keeps a rule from reaching text it was not meant for."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import statute_addressee
from compgraph.legal.statute import repair_typography


def test_an_amending_acts_opening_quotation_marks_do_not_hide_the_label_behind_them() -> None:
    text = ("''§ 3556. Federal information security incident center\n\n"
            "''(b) NATIONAL SECURITY SYSTEMS.—Each agency shall share information with the center.\n")
    assert [r for r, _, _ in _duties(text)] == ["3556(b)"]


def test_a_capital_catchline_between_a_subsection_and_its_first_paragraph_is_skipped() -> None:
    text = ("§ 3555. Annual independent evaluation\n\n"
            "(a) IN GENERAL.—(1) Each year each agency shall have performed an independent evaluation.\n\n"
            "(2) Each evaluation under this section shall include testing.\n")
    assert [r for r, _, _ in _duties(text)] == ["3555(a)(1)", "3555(a)(2)"]


def test_a_subsection_with_a_capital_catchline_run_on_after_a_full_stop_opens_there() -> None:
    text = ("§ 3555. Annual independent evaluation\n\n"
            "(h) COMPTROLLER GENERAL.—The Comptroller General shall report to Congress. (i) ASSESSMENT TECHNICAL "
            "ASSISTANCE.—The Comptroller General may provide technical assistance to an Inspector General.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [("3555(h)", "mandatory"), ("3555(i)", "permission")]


def test_a_relative_clause_that_does_not_apply_excepts_nothing() -> None:
    text = ("§ 3555. Annual independent evaluation\n\n(b) INDEPENDENT AUDITOR.—Subject to subsection (c)—\n\n"
            "(1) for each agency with an Inspector General, the evaluation shall be performed by the Inspector General;"
            " and\n\n(2) for each agency to which paragraph (1) does not apply, the head of the agency shall engage an"
            " independent external auditor to perform the evaluation.\n")
    assert [r for r, _, _ in _duties(text)] == ["3555(b)(1)", "3555(b)(2)"]


def test_after_the_closing_quotation_marks_the_amending_acts_own_section_goes_on() -> None:
    text = ("SEC. 2. FISMA REFORM.\n\n(a) IN GENERAL.—Chapter 35 is amended by inserting the following:\n\n"
            "''§ 3558. Effect on existing law\n\n''Nothing in this subchapter may be construed as affecting the"
            " authority of the President.''.\n\n"
            "(b) MAJOR INCIDENT.—The Director of the Office of Management and Budget shall—\n\n"
            "(1) develop guidance on what constitutes a major incident; and\n\n"
            "(2) provide to Congress periodic briefings on the status of the guidance.\n")
    assert [r for r, _, _ in _duties(text)] == ["Section 2(b)(1)", "Section 2(b)(2)"]


def test_subsections_under_capital_catchlines_complete_nothing_of_the_sentence_before_them() -> None:
    text = ("SEC. 2. FISMA REFORM.\n\nThis Act may be cited as the ''Federal Information Security Modernization Act"
            " of 2014''.\n\n(a) IN GENERAL.—Chapter 35 of title 44 is amended by striking subchapter II.\n\n"
            "(b) MAJOR INCIDENT.—The Director shall—\n\n(1) develop guidance on major incidents.\n")
    assert [r for r, _, _ in _duties(text)] == ["2(b)(1)"]


def test_a_flattened_uk_section_with_bare_labels_is_read_as_numbered_subsections_and_points() -> None:
    text = ("11 Duties to take action in relation to compliance failure\n\n"
            "1 This section applies to a manufacturer. 2 The manufacturer must, as soon as is practicable, take all"
            " reasonable steps to— a prevent the product from being made available to customers; b remedy the"
            " compliance failure. 3 The manufacturer must notify the enforcement authority of the compliance"
            " failure.\n")
    assert [r for r, _, _ in _duties(text)] == ["11(2)(a)", "11(2)(b)", "11(3)"]


def test_bare_numbers_out_of_order_are_not_read_as_subsections() -> None:
    text = "1 The period is 10 years. 4 Regulations may be made. 2 The manufacturer must keep records.\n"
    assert repair_typography(text).startswith("1. The period is 10 years. 4 Regulations may be made. 2. The")


def test_a_labelled_condition_ending_in_a_dash_is_a_lead_in_not_a_catchline() -> None:
    text = ("9 Statements of compliance\n\n1 Subsection (2) applies if a manufacturer of a connectable product— a"
            " intends the product to be sold, or b knows that the product will be sold. 2 The manufacturer may not"
            " make the product available unless it is accompanied by a statement.\n")
    assert [r for r, _, _ in _duties(text)] == ["9(2)"]


def test_the_points_of_a_lead_in_saying_when_a_section_applies_bind_no_one() -> None:
    text = ("10 Duty to investigate\n\n1 This section applies if, at any time after a product has been made"
            " available— a the manufacturer is informed that there may be a compliance failure, and b the"
            " manufacturer will be selling the product. 2 The manufacturer must take all reasonable steps to"
            " investigate.\n")
    assert [r for r, _, _ in _duties(text)] == ["10(2)"]


def test_the_secretary_of_state_is_an_authority() -> None:
    assert statute_addressee("The Secretary of State may by regulations make further provision") == "authority"
