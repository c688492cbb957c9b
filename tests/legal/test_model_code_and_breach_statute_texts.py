"""The failure classes the first runs on two more never-seen texts showed (PIPEDA's Schedule 1, a national standard's
principles as the bilingual Justice Laws consolidation converts to Markdown, and New York's breach-notification
statute, General Business Law § 899-aa, as the State Senate's web page converts), one behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import duty_clauses, statute_modality
from compgraph.legal.provisions import statute_duties
from compgraph.legal.statute import repair_typography


def _parties(text: str) -> list[str | None]:
    return [d.addressee for d in statute_duties(repair_typography(text))]


# New York General Business Law § 899-aa (structure)

def test_a_section_whose_catchline_wraps_opens_its_first_subdivision_where_the_catchline_ends() -> None:
    text = ("§ 899-aa. Notification; person without valid authorization has\n"
            "acquired private information. 1. The business shall keep a log of every breach.\n")
    assert [r for r, _, _ in _duties(text)] == ["899-aa(1)"]


def test_a_bracketed_number_inside_a_dotted_subdivision_is_an_item_not_the_next_subdivision() -> None:
    text = ("§ 899-aa. Notification.\n\n5. The notice shall be provided by one of the following methods:\n\n"
            "(a) written notice; or\n\n(d) substitute notice. Substitute notice shall consist of all of the following:"
            "\n\n(1) e-mail notice;\n\n(2) notification to major statewide media.\n")
    assert [r for r, _, _ in _duties(text)] == ["899-aa(5)(a)", "899-aa(5)(d)", "899-aa(5)(d)(1)", "899-aa(5)(d)(2)"]


def test_an_unlabelled_paragraph_before_the_list_goes_on_is_the_paragraph_above_it() -> None:
    text = ("§ 899-aa. Notification.\n\n1. As used in this section, the following terms shall have the following "
            "meanings:\n\n(a) \"Log\" shall mean a record.\n\n(b) \"Breach\" shall mean unauthorized access.\n\n"
            "In determining whether there was a breach, the business may consider any factor.\n\n"
            "(c) \"Notice\" shall mean a letter.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [("899-aa(1)(b)", "permission")]


def test_the_next_subdivision_run_on_into_its_first_paragraph_is_not_a_list_counter() -> None:
    text = ("§ 899-aa. Notification.\n\n5. The notice shall be provided in writing.\n\n"
            "6. (a) The attorney general may bring an action.\n")
    assert [r for r, _, _ in _duties(text)] == ["899-aa(5)", "899-aa(6)(a)"]


# New York General Business Law § 899-aa (clauses)

def test_the_points_of_a_condition_naming_the_following_laws_bind_no_one() -> None:
    text = ("§ 899-aa. Notification.\n\n2. Any business shall disclose a breach.\n\n(b) If notice is made pursuant "
            "to any of the following laws, nothing in this section shall require additional notice, but notice still "
            "shall be provided to the attorney general:\n\n(i) regulations promulgated pursuant to Title V;\n\n"
            "(ii) regulations implementing HIPAA.\n")
    assert [(r, t.split("… ")[-1]) for r, _, t in _duties(text)][1:] == [
        ("899-aa(2)(b)", "but notice still shall be provided to the attorney general:")]


def test_an_old_style_conditional_shall_is_not_the_clauses_modal_verb() -> None:
    assert statute_modality("whenever the attorney general shall believe that there is a violation he or she may "
                            "bring an action") == "permission"


def test_a_prohibition_in_a_further_proviso_is_a_clause_of_its_own() -> None:
    text = ("§ 899-aa. Notification.\n\n5. The notice shall be provided by one of the following methods:\n\n"
            "(b) electronic notice, provided that the person has consented; provided further, however, that in no "
            "case shall any business require a person to consent as a condition of a transaction.\n")
    assert [m for _, m, _ in _duties(text)] == ["mandatory", "prohibition"]


def test_a_duty_for_some_only_set_off_in_a_proviso_binds_no_one() -> None:
    clauses = duty_clauses("the business shall notify the state attorney general; provided, however, that notice to "
                           "the department shall only be required if the business is a covered entity.")
    assert clauses == [("mandatory", "the business shall notify the state attorney general;")]


def test_a_remedys_cap_and_its_limitation_periods_are_no_duties() -> None:
    text = ("§ 899-aa. Notification.\n\n6. (b) the remedies provided by this section shall be in addition to any "
            "other lawful remedy available.\n\n(c) no action may be brought under this section unless commenced "
            "within three years. In no event shall an action be brought after six years.\n\n"
            "(d) the court may impose a civil penalty, provided that the latter amount shall not exceed one "
            "hundred dollars.\n")
    assert [t for _, _, t in _duties(text)] == ["the court may impose a civil penalty"]


def test_preemption_of_local_law_binds_no_one() -> None:
    text = ("§ 899-aa. Notification.\n\n10. The provisions of this section shall be exclusive and shall preempt any "
            "provisions of local law, and no locality shall impose requirements that are more restrictive.\n")
    assert _duties(text) == []


def test_in_a_breach_law_the_data_owner_is_the_controller_and_one_holding_it_for_another_the_processor() -> None:
    text = ("§ 899-aa. Notification.\n\n2. Any person or business which owns computerized data which includes "
            "private information shall disclose any breach.\n\n3. Any person or business which maintains "
            "computerized data which includes private information which such person or business does not own "
            "shall notify the owner.\n")
    assert _parties(text) == ["controller", "processor"]


# PIPEDA Schedule 1 (a model code's principles, in a bilingual consolidation)

def test_a_model_codes_numbered_principles_and_clauses_are_sections() -> None:
    text = ("4.1 Principle 1 — Accountability\n\nAn organization shall designate an individual.\n\n4.1.2\n\n"
            "The identity of the individual shall be made known upon request.\n\n4.3 Principle 3 - Consent\n\n"
            "Consent shall not be obtained through deception.\n")
    assert [r for r, _, _ in _duties(text)] == ["4.1", "4.1.2", "4.3"]


def test_text_after_the_points_of_a_lead_in_ending_in_including_is_not_another_point() -> None:
    text = ("4.1.4\n\nOrganizations shall implement policies and practices, including\n\n"
            "- (a) implementing procedures to protect personal information;\n\n- (b) training staff.\n\n"
            "ANNEXE 1\n\nLes organisations doivent assurer la mise en œuvre des politiques.\n")
    assert [r for r, _, _ in _duties(text)] == ["4.1.4(a)", "4.1.4(b)"]


def test_a_standards_note_explains_its_clause_and_binds_no_one() -> None:
    text = ("4.3 Principle 3 - Consent\n\nConsent shall be obtained.\n\nNote: In certain circumstances consent is "
            "not sought. For example, legal reasons may make it impossible to seek consent.\n")
    assert [t for _, _, t in _duties(text)] == ["Consent shall be obtained."]


def test_a_requirement_stated_in_the_passive_binds() -> None:
    assert statute_modality("Consent is required for the collection of personal information") == "mandatory"


def test_what_may_vary_is_no_permission() -> None:
    assert statute_modality("The form of the consent sought by the organization may vary, depending upon the "
                            "circumstances") is None


def test_a_description_an_expectation_and_a_concession_bind_no_one() -> None:
    text = ("4.3.1\n\nTypically, an organization will seek consent at the time of collection.\n\n4.3.5\n\n"
            "For example, an individual should reasonably expect that the organization would contact the person."
            "\n\n4.1.1\n\nAccountability rests with the designated individual, even though other individuals may be "
            "responsible for the day-to-day collection.\n")
    assert _duties(text) == []


def test_a_deeming_sentence_after_a_points_permission_is_no_part_of_it() -> None:
    text = ("4.3.7\n\nIndividuals can give consent in many ways. For example:\n\n- (b) a checkoff box may be used to "
            "allow individuals to opt out. Individuals who do not check the box are assumed to consent.\n")
    assert [t.split("For example: ")[-1] for _, _, t in _duties(text)] == [
        "(b) a checkoff box may be used to allow individuals to opt out."]


def test_in_a_model_code_on_personal_information_an_organization_is_the_controller() -> None:
    text = ("4.1 Principle 1 — Accountability\n\nAn organization shall designate an individual.\n\n"
            "4.1.2\n\nOrganizations shall train staff.\n\n4.1.3\n\nOrganizations shall answer complaints.\n\n"
            "4.1.4\n\nOrganizations shall publish a policy.\n\n4.2 Principle 2 — Identifying Purposes\n\n"
            "The organization shall document the purposes for which personal information is collected.\n")
    assert set(_parties(text)) == {"controller"}
