"""The failure classes the first run on two more never-seen texts showed (Ontario's Personal Health Information
Protection Act as e-Laws prints it in HTML, New York's cybersecurity regulation 23 NYCRR 500 converted from its PDF
to Markdown), one behaviour each."""

from __future__ import annotations

import pytest

from compgraph.legal.clauses import duty_clauses, statute_addressee, statute_modality
from compgraph.legal.provisions import statute_duties
from compgraph.legal.statute import repair_typography


def _duties(text: str) -> list[tuple[str, str, str]]:
    return [(d.ref, d.modality, d.text) for d in statute_duties(repair_typography(text))]


def test_a_section_number_without_a_full_stop_before_its_first_subsection_opens_the_section() -> None:
    text = ("Security\n\n12 (1) A health information custodian shall take reasonable steps.\n\n"
            "Notice to Commissioner\n\n(2) The custodian shall notify the Commissioner.\n")
    assert [r for r, _, _ in _duties(text)] == ["12(1)", "12(2)"]


def test_a_decimal_number_after_its_base_section_opens_an_inserted_section() -> None:
    text = ("11 (1) A custodian shall take reasonable steps.\n\n"
            "11.1 A custodian shall take steps to ensure that information is not collected without authority.\n\n"
            "11.2 (1) No person shall use de-identified information to identify an individual.\n")
    assert [r for r, _, _ in _duties(text)] == ["11(1)", "11.1", "11.2(1)"]


def test_a_decimal_subsection_label_is_cited_as_printed() -> None:
    text = ("17 (1) A custodian may permit its agents to use the information.\n\n"
            "(1.1) A permission granted to an agent may be subject to conditions.\n")
    assert [r for r, _, _ in _duties(text)] == ["17(1)", "17(1.1)"]


def test_the_enacting_citation_closing_a_provision_is_not_part_of_its_text() -> None:
    text = ("12 (1) A custodian shall take reasonable steps. 2004, c. 3, Sched. A, s. 12 (1).\n\n"
            "(2) The custodian shall notify the individual. 2004, c. 3, Sched. A, s. 12 (2); "
            "2016, c. 6, Sched. 1, s. 1 (4).\n")
    assert [t for _, _, t in _duties(text)] == ["A custodian shall take reasonable steps.",
                                                "The custodian shall notify the individual."]


def test_a_section_amendments_block_is_blanked_as_page_furniture() -> None:
    text = ("Section Amendments with date in force (d/m/y)\n"
            "2016, c. 6, Sched. 1, s. 1 (3) - 01/06/2016\n"
            "2020, c. 5, Sched. 6, s. 3 - not in force\n")
    assert repair_typography(text) == "\n\n\n"


@pytest.mark.parametrize("condition", ["if,", "only if,", "unless the custodian that disclosed it,"])
def test_the_points_after_a_condition_that_follows_the_verb_are_conditions_not_duties(condition: str) -> None:
    text = (f"14 (1) A health care practitioner may keep a record in another place {condition}\n\n"
            "(a) the record is kept in a reasonable manner; and\n\n(b) the individual consents.\n")
    assert _duties(text) == [
        ("14(1)", "permission", f"A health care practitioner may keep a record in another place {condition}")]


def test_the_points_after_a_condition_before_the_verb_are_still_duties() -> None:
    text = ("12 (1) If the information is lost, the custodian shall,\n\n(a) notify the individual; and\n\n"
            "(b) include a statement in the notice.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [("12(1)(a)", "mandatory"), ("12(1)(b)", "mandatory")]


def test_the_points_after_a_condition_set_off_after_the_verb_are_still_duties() -> None:
    text = ("8 (1) A Data Fiduciary shall, unless retention is necessary for compliance with any law,—\n\n"
            "(a) erase personal data; and\n\n(b) cause its Data Processor to erase it.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [("8(1)(a)", "mandatory"), ("8(1)(b)", "mandatory")]


def test_is_authorized_on_behalf_of_a_party_to_is_a_permission() -> None:
    assert statute_modality("A contact person is authorized on behalf of the custodian to, respond to inquiries") \
        == "permission"


def test_is_responsible_for_states_a_duty_of_its_own_beside_a_permission() -> None:
    assert duty_clauses("A custodian is responsible for the information in its custody and may permit its agents "
                        "to use it.") == [
        ("mandatory", "A custodian is responsible for the information in its custody"),
        ("permission", "A custodian … and may permit its agents to use it.")]


def test_a_health_information_custodian_is_a_controller() -> None:
    assert statute_addressee("A health information custodian that uses personal health information ") == "controller"


def test_the_agent_of_a_custodian_is_a_processor() -> None:
    assert statute_addressee("An agent of a health information custodian ") == "processor"


def test_a_period_to_comply_is_a_transitional_rule_not_a_duty() -> None:
    assert duty_clauses("Covered Entities shall have 180 days from the effective date of this Part to comply with "
                        "the requirements set forth in this Part.") == []


def test_points_that_give_periods_to_comply_bind_no_one() -> None:
    text = ("Section 500.22 Transitional Periods.\n\n(b) Covered Entities shall have:\n\n"
            "(1) One year from the effective date of this Part to comply with section 500.4.\n\n"
            "(2) Two years from the effective date of this Part to comply with section 500.11.\n")
    assert _duties(text) == []


def test_provisions_that_include_transitional_periods_bind_no_one() -> None:
    assert duty_clauses("The following provisions shall include additional transitional periods.") == []


def test_a_part_that_will_be_effective_is_a_commencement_clause() -> None:
    assert duty_clauses("This Part will be effective March 1, 2017.") == []


def test_who_enforces_a_regulation_binds_no_one() -> None:
    assert duty_clauses("This regulation will be enforced by the superintendent pursuant to, and is not intended "
                        "to limit, the superintendent's authority under any applicable laws.") == []
