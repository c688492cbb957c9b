"""Data protection law binds its parties by their role towards personal data: a controller (a "data fiduciary"
in India's DPDP Act), a processor, and the data subject whose rights bind no organisation. One behaviour each,
on small statutes written in the drafting styles of GDPR, the Virginia and Tennessee codes and the DPDP Act."""

from __future__ import annotations

from compgraph.legal import rank
from compgraph.legal.binding import AnnexScope, binds
from compgraph.legal.clauses import statute_addressee
from compgraph.legal.provisions import statute_duties


def _parties(text: str) -> list[tuple[str, str | None]]:
    return [(d.ref, d.addressee) for d in statute_duties(text)]


def test_a_controller_is_named_as_the_controller() -> None:
    assert statute_addressee("A controller") == "controller"
    assert statute_addressee("Each data controller") == "controller"


def test_a_data_fiduciary_is_a_controller() -> None:
    assert statute_addressee("The Significant Data Fiduciary") == "controller"


def test_a_data_user_is_a_controller() -> None:
    """Malaysia's PDPA: the "data user" processes or controls the processing of personal data."""
    assert statute_addressee("A data user") == "controller"
    assert [d.addressee for d in statute_duties("5. (1) The processing of personal data by a data user shall be in "
                                                "compliance with the Personal Data Protection Principles.\n")] == [
        "controller"]


def test_a_processor_is_named_as_the_processor() -> None:
    assert statute_addressee("The processor") == "processor"


def test_a_government_that_notifies_is_an_authority() -> None:
    assert statute_addressee("The Central Government") == "authority"


def test_a_party_after_a_preposition_is_not_the_one_who_acts() -> None:
    assert statute_addressee("The communication to the data subject referred to in paragraph 1") is None
    assert statute_addressee("Where the notification to the supervisory authority is not made, it") is None


def test_a_party_after_by_is_the_agent_and_binds() -> None:
    assert statute_addressee("Any information obtained by a competent authority") == "authority"


def test_a_consumer_request_names_no_consumer() -> None:
    assert statute_addressee("Information provided in response to a consumer request") is None
    assert statute_addressee("A consumer's request") is None


def test_licensed_data_is_not_a_licensed_professional() -> None:
    assert statute_addressee("Data licensed to the city by another person") is None


def test_a_consumer_who_may_invoke_a_right_is_the_data_subject() -> None:
    text = "47-18-3203. Rights.\n\n(a) A consumer may invoke the consumer rights at any time.\n"
    assert _parties(text) == [("47-18-3203(a)", "data-subject")]


def test_a_subscriber_given_a_possibility_is_owed_the_duty_not_bound_by_it() -> None:
    text = ("Article 6\nTraffic data\n\n1. The provider shall erase traffic data when it is no longer needed.\n\n"
            "2. Users or subscribers shall be given the possibility to withdraw their consent at any time.\n")
    assert _parties(text) == [("6(1)", "provider"), ("6(2)", "provider")]


def test_data_processed_for_subscriber_billing_is_not_the_subscribers_permission() -> None:
    text = ("Article 6\nTraffic data\n\n1. The provider shall erase traffic data when it is no longer needed.\n\n"
            "2. Traffic data necessary for subscriber billing may be processed.\n")
    assert _parties(text)[1] == ("6(2)", "provider")


def test_a_right_the_subscriber_holds_binds_the_subscriber() -> None:
    text = "Article 7\nItemised billing\n\n1. Subscribers shall have the right to receive non-itemised bills.\n"
    assert _parties(text) == [("7(1)", "data-subject")]


def test_a_passive_point_binds_the_party_its_own_paragraph_names() -> None:
    text = ("Article 30\nRecords of processing activities\n\n"
            "1. Each controller shall maintain a record of processing activities. That record shall contain:\n"
            "(a) the name of the controller;\n(b) the purposes of the processing.\n\n"
            "2. Each processor shall maintain a record of processing activities, containing:\n"
            "(a) the name of the processor;\n(b) the categories of processing;\n(c) transfers of personal data.\n")
    parties = dict(_parties(text))
    assert parties["30(1)(a)"] == parties["30(1)(b)"] == "controller"
    assert parties["30(2)(a)"] == "processor"


def test_a_data_subjects_right_binds_no_system_of_an_organisation_with_roles() -> None:
    assert not binds(addressee="data-subject", risk=None, scope=AnnexScope(), system_roles={"provider", "controller"},
                     system_risk="high", system_area=None)


def test_a_controllers_duty_binds_a_system_of_a_controller() -> None:
    assert binds(addressee="controller", risk=None, scope=AnnexScope(), system_roles={"deployer", "controller"},
                 system_risk="minimal", system_area=None)


def test_a_processors_duty_does_not_bind_an_organisation_that_is_only_a_controller() -> None:
    assert not binds(addressee="processor", risk=None, scope=AnnexScope(), system_roles={"provider", "controller"},
                     system_risk="minimal", system_area=None)


def test_a_controllers_duty_binds_an_organisation_that_recorded_no_data_protection_role() -> None:
    # A provider/deployer that never said whether it is a controller is not known to be exempt: leaving the
    # duty out would report no gap for a privacy statute.
    assert binds(addressee="controller", risk=None, scope=AnnexScope(), system_roles={"provider", "deployer"},
                 system_risk="minimal", system_area=None)


def test_a_consumers_permission_is_flagged_as_binding_no_organisation() -> None:
    config = rank.load_config()
    assert rank.external_party("A consumer may invoke the consumer rights at any time.", "Consumer rights",
                               config) == "data-subject"


def test_a_controller_notifying_the_authority_is_the_organisations_duty() -> None:
    # Its article's title names the supervisory authority; the duty is still the controller's to perform.
    config = rank.load_config()
    assert rank.external_party("the controller shall notify the personal data breach to the supervisory authority",
                               "Notification of a personal data breach to the supervisory authority", config) is None
