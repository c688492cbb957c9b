"""The parties US, Canadian and New Zealand privacy and records laws bind by their own names: who holds the data
and decides its uses (a controller), who acts for them (a processor), a minister or office of state (an
authority), and who makes the product (a provider). One behaviour each."""

from __future__ import annotations

from compgraph.legal.clauses import statute_addressee
from compgraph.legal.provisions import statute_duties


def test_hipaas_covered_entity_is_a_controller() -> None:
    assert statute_addressee("A covered entity") == "controller"


def test_a_business_associate_of_a_covered_entity_is_a_processor() -> None:
    assert statute_addressee("A business associate of a covered entity that accesses, maintains, retains, "
                             "modifies, records, stores, destroys, or otherwise holds protected health "
                             "information") == "processor"


def test_a_custodian_is_a_controller_and_its_agent_a_processor() -> None:
    assert statute_addressee("A custodian that intends to collect health information") == "controller"
    assert statute_addressee("An agent of a custodian") == "processor"


def test_an_officer_acting_as_custodian_of_a_seal_is_not_a_data_holder() -> None:
    assert statute_addressee("The Mayor, as custodian thereof,") == "authority"


def test_a_financial_institution_a_licensee_a_data_broker_and_a_web_sites_operator_are_controllers() -> None:
    assert [statute_addressee(s) for s in ("Each financial institution", "Each licensee", "A data broker",
                                           "An operator of a commercial Web site or online service")] == [
        "controller"] * 4


def test_a_minister_a_secretary_and_a_chief_archivist_are_authorities() -> None:
    assert [statute_addressee(s) for s in ("the Minister", "In promulgating such regulations, the Secretary",
                                           "The Chief Archivist")] == ["authority"] * 3


def test_a_public_office_and_a_local_authority_are_authorities() -> None:
    assert [d.addressee for d in statute_duties(
        "17 Requirement to create and maintain records\n\n(1) Every public office and local authority must create "
        "and maintain full and accurate records of its affairs.\n")] == ["authority"]


def test_a_manufacturer_and_a_telecommunications_carrier_are_providers() -> None:
    assert statute_addressee("A manufacturer of a connected device") == "provider"
    assert statute_addressee("A telecommunications carrier") == "provider"
