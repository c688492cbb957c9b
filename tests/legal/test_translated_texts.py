"""The failure classes the first runs on two never-seen translated texts showed (China's Generative AI Interim
Measures, an English machine translation in plain text; Japan's APPI Art. 15-22-2, the PPC's translation converted
from PDF to Markdown), one behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

from compgraph.legal.provisions import statute_duties
from compgraph.legal.statute import repair_typography


def _parties(text: str) -> list[str | None]:
    return [d.addressee for d in statute_duties(repair_typography(text))]


def test_an_article_number_run_into_its_first_paragraph_opens_the_article() -> None:
    text = ("Article 12 Providers shall mark the generated content such as pictures and videos.\n\n"
            "Article 13: Providers shall provide safe, stable and continuous services.\n")
    assert [r for r, _, _ in _duties(text)] == ["12", "13"]


def test_an_article_with_a_branch_number_is_cited_by_it() -> None:
    text = ("Article 16 A business operator shall not handle personal information without consent.\n\n"
            "Article 16-2 A business operator shall not utilize personal information by an improper method.\n\n"
            "# Article 22-2\n\n- (1) A business operator shall report a leakage to the Commission.\n")
    assert [r for r, _, _ in _duties(text)] == ["16", "16-2", "22-2(1)"]


def test_a_roman_label_that_continues_a_numbered_list_is_its_next_item() -> None:
    # A list of its own would open at "(i)"; the translation printed items 4 and 5 as "(iv)" and "(V)".
    text = ("Article 4 Providers shall comply with the following provisions:\n\n(1) Respect business ethics;\n\n"
            "(2) Keep business secrets;\n\n(3) Use lawful data;\n\n(iv) respect the rights of others;\n\n"
            "(V) Take effective measures.\n")
    assert [r for r, _, _ in _duties(text)] == ["4(1)", "4(2)", "4(3)", "4(4)", "4(5)"]


def test_a_clause_saying_other_provisions_prevail_is_no_duty() -> None:
    text = "Article 2 If the state has other provisions on news publishing, such provisions shall prevail.\n"
    assert _duties(text) == []


def test_an_instrument_coming_into_force_is_no_duty_whatever_it_is_called() -> None:
    assert _duties("Article 24 This Measures shall come into force on August 15, 2023.\n") == []


def test_a_sanction_to_be_imposed_according_to_law_is_a_legal_effect_not_a_duty() -> None:
    text = ("Article 21 If the act constitutes a violation of public security management, public security management "
            "punishment shall be imposed according to law; if it constitutes a crime, criminal liability shall be "
            "pursued according to law.\n")
    assert _duties(text) == []


def test_shall_with_its_negation_after_a_clause_is_a_prohibition() -> None:
    text = ("Article 15\n\n(2) A business operator shall, in case of altering a utilization purpose, not do so beyond "
            "the scope reasonably relevant to the pre-altered purpose.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [("15(2)", "prohibition")]


def test_shall_joined_to_not_by_the_conversion_is_a_prohibition() -> None:
    text = "Article 16\n\n(1) A business operator shallnot handle personal information without consent.\n"
    assert [(r, m) for r, m, _ in _duties(text)] == [("16(1)", "prohibition")]


def test_a_practice_that_is_encouraged_is_a_recommendation() -> None:
    text = "Article 6 The use of safe and reliable chips, software and data resources is encouraged.\n"
    assert [(r, m) for r, m, _ in _duties(text)] == [("6", "recommended")]


def test_the_cases_a_duty_is_excepted_in_are_no_duties_and_the_duty_stands_alone() -> None:
    text = ("Article 17\n\n- (2) A business operator shall, except in those cases set forth in the following, not "
            "acquire special care-required personal information without obtaining in advance a principal's consent.\n"
            "  - (i) cases based on laws and regulations\n"
            "  - (ii) cases in which there is a need to protect a human life\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [("17(2)", "prohibition")]


def test_a_public_body_that_will_act_is_bound_whatever_the_verb() -> None:
    text = "Article 16 The relevant national authorities will improve scientific regulatory methods.\n"
    assert [(r, m) for r, m, _ in _duties(text)] == [("16", "mandatory")]


def test_an_imperative_point_with_a_negation_of_its_own_holds_a_duty_and_a_prohibition() -> None:
    text = ("Article 4 Providers shall comply with the following provisions:\n\n"
            "(1) Respect the rights of others, do not endanger their health, and do not infringe their privacy;\n\n"
            "(2) Take effective measures to improve the accuracy of generated content.\n")
    duties = _duties(text)
    assert [(r, m) for r, m, _ in duties] == [("4(1)", "mandatory"), ("4(1)", "prohibition"), ("4(2)", "mandatory")]
    assert "do not endanger their health, and do not infringe their privacy" in duties[1][2]


def test_a_modal_verb_repeated_in_the_negative_after_a_comma_is_a_prohibition_of_its_own() -> None:
    text = ("Article 11 Providers shall protect users' input information, shall not collect non-essential personal "
            "information, and shall not illegally retain usage records.\n")
    duties = _duties(text)
    assert [m for _, m, _ in duties] == ["mandatory", "prohibition"]
    assert "shall not collect non-essential personal information, and shall not illegally retain" in duties[1][2]


def test_a_coordinated_clause_naming_its_own_party_by_a_bare_plural_is_a_duty_of_that_party() -> None:
    text = ("Article 19 The relevant competent authorities shall conduct supervision and inspection, and providers "
            "shall cooperate in accordance with the law.\n")
    assert [t for _, _, t in _duties(text)] == [
        "The relevant competent authorities shall conduct supervision and inspection",
        "providers shall cooperate in accordance with the law."]


def test_a_government_department_named_by_its_competence_is_an_authority() -> None:
    text = ("Article 20 Providers shall mark generated content.\n\n"
            "Article 21 If a provider violates these Measures, the relevant competent department shall impose "
            "penalties.\n\n"
            "Article 22 The national cybersecurity and informatization department shall notify the institutions.\n")
    assert _parties(text) == ["provider", "authority", "authority"]


def test_a_personal_information_handling_business_operator_is_the_controller() -> None:
    text = ("Article 20 A personal information handling business operator shall take necessary and appropriate action "
            "for the security control of personal data.\n")
    assert _parties(text) == ["controller"]


def test_a_catchline_in_parentheses_above_an_article_is_its_title() -> None:
    text = ("(Security Control Action)\n\nArticle 20 A business operator shall take necessary action for the "
            "security control of personal data.\n")
    assert [(d.ref, d.section_title) for d in statute_duties(text)] == [("20", "Security Control Action")]


def test_a_catchline_then_paragraph_one_again_opens_the_article_whose_number_line_was_lost() -> None:
    text = ("# Article 17\n\n- (1) A business operator shall not acquire personal information by deceit.\n"
            "- (2) A business operator shall not acquire sensitive personal information without consent.\n\n"
            "(Notification of a Utilization Purpose)\n\n"
            "- (1) A business operator shall promptly inform a principal of the utilization purpose.\n\n"
            "Article 19 A business operator shall keep personal data accurate.\n")
    assert [r for r, _, _ in _duties(text)] == ["17(1)", "17(2)", "18(1)", "19"]
