"""The failure classes the first runs on four never-seen texts showed (2026-12-05, nineteenth session): two eIDAS
implementing regulations (2024/2977 as EUR-Lex HTML, 2024/2979 printed to PDF), Florida's s. 501.171 as a code page's
Markdown and the Fort Worth charter's budget chapter converted from its PDF. An EU regulation's final formula, a rule
of construction whatever its subject, a commencement or a period's dates whatever their subject, liability and
deeming with a word between the modal verb and the verb, a reverting balance and a public-records exemption were read
as duties; "shall be a part of" was read as no duty; a clause with its own modal verb after ", except that" was not
read apart; a converter's one-line paragraphs "(b) ..." right under the line before were read as more words of it.
One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import duty_clauses
from compgraph.legal.readers import read_document


def test_an_eu_regulations_final_formula_binds_no_one() -> None:
    assert duty_clauses("This Regulation shall be binding in its entirety and directly applicable in all Member "
                        "States.") == []


def test_a_rule_of_construction_binds_no_one_whatever_its_subject() -> None:
    assert duty_clauses("This exemption shall be construed in conformity with s. 119.071(2)(c).") == []


def test_a_commencement_binds_no_one_whatever_its_subject() -> None:
    assert duty_clauses("The budget will become effective upon this second publication.") == []
    assert duty_clauses("The provisions of this section, as amended, shall take effect on January 1, 1984.") == []


def test_a_decision_that_shall_take_effect_only_after_a_review_stays_a_prohibition() -> None:
    assert [m for m, _ in duty_clauses("No decision producing legal effects for a person shall take effect before "
                                       "a natural person has reviewed it.")] == ["prohibition"]


def test_the_dates_a_period_begins_and_ends_on_bind_no_one() -> None:
    assert duty_clauses("The fiscal year of the city shall begin on the first day of October and end on the last "
                        "day of September.") == []


def test_a_period_rule_leaves_a_duty_to_begin_an_act_a_duty() -> None:
    assert [m for m, _ in duty_clauses("Within six months, each Department shall begin conducting quarterly "
                                       "reviews of their progress.")] == ["mandatory"]


def test_liability_with_an_adverb_before_liable_is_a_legal_effect() -> None:
    assert duty_clauses("If the controller of accounts issues a warrant for which no appropriation has been made, "
                        "he and his sureties shall be individually liable to the city for the amount thereof.") == []


def test_deeming_with_a_word_or_a_phrase_before_its_verb_binds_no_one() -> None:
    assert duty_clauses("The sum so certified shall not thereafter be considered unappropriated until the City is "
                        "discharged from the contract.") == []
    assert duty_clauses("All monies actually in the treasury shall, for the purpose of such certificate, be deemed "
                        "in the treasury to the credit of the appropriate fund.") == []


def test_a_balance_that_shall_revert_to_its_fund_is_a_legal_effect() -> None:
    assert duty_clauses("At the close of each fiscal year the unencumbered balance of each appropriation shall "
                        "revert to the fund from which it was appropriated.") == []


def test_a_balance_that_shall_be_subject_to_future_appropriation_is_a_legal_effect() -> None:
    assert duty_clauses("The unencumbered balance of each appropriation shall be subject to future "
                        "appropriations.") == []


def test_information_that_shall_remain_confidential_and_exempt_gives_its_points_no_duties() -> None:
    text = ("(c) Upon completion of an investigation, the following information received by the department shall "
            "remain confidential and exempt from s. 119.07(1):\n\n1. Personal information.\n\n"
            "2. A computer forensic report.\n\n(d) The department shall publish a report.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["(d)"]


def test_what_shall_be_a_part_of_an_agenda_is_a_duty() -> None:
    assert [m for m, _ in duty_clauses("Public hearings on the appropriations ordinance shall be a part of each "
                                       "regular City Council meeting agenda.")] == ["mandatory"]



def test_a_clause_after_except_that_with_its_own_modal_verb_is_a_clause_of_its_own() -> None:
    assert [m for m, _ in duty_clauses(
        "Such information may be disclosed by the department for print, publication, or broadcast, except that "
        "information made confidential by paragraph (c) may not be released pursuant to this subparagraph.")] \
        == ["permission", "prohibition"]



def test_a_converters_one_line_subsections_in_markdown_are_paragraphs_of_their_own(tmp_path: Path) -> None:
    path = tmp_path / "charter.md"
    path.write_text("## § 1 FISCAL YEAR AND BUDGET.\n\n"
                    "(a) On or before August 15, the manager shall submit a proposed budget to the council.\n"
                    "(b) The budget message shall explain the budget. It shall indicate in separate sections:\n"
                    "(1) Proposed expenditures for current operations; and\n"
                    "(2) Proposed capital expenditures.\n", encoding="utf-8")
    assert [ref for ref, _, _ in _duties(read_document(path))] == ["1(a)", "1(b)", "1(b)(1)", "1(b)(2)"]


def test_a_hard_wrapped_line_that_opens_with_a_cross_reference_stays_in_its_sentence(tmp_path: Path) -> None:
    path = tmp_path / "act.md"
    path.write_text("(a) The controller shall give the notice described in paragraph\n"
                    "(b) of this section within 30 days.\n", encoding="utf-8")
    assert [ref for ref, _, _ in _duties(read_document(path))] == ["(a)"]
