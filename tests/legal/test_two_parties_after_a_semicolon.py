"""A sentence that states one party's duty, then after a semicolon another party's: two duties, each binding its own
party (a lawyer citing the output must not find the deployer's retention duty put on the provider)."""

from __future__ import annotations

from dutyrows import duty_rows

from compgraph.legal.clauses import duty_clauses
from compgraph.legal.provisions import statute_duties


def _parties(text: str) -> list[tuple[str, str | None]]:
    return [(d.ref, d.addressee) for d in statute_duties(text)]


PARAGRAPH = "Article 8\nDuties\n\n1. The provider shall keep the logs; the deployer shall keep them for six months.\n"


def test_another_party_s_duty_after_a_semicolon_in_a_paragraph_is_a_duty_of_its_own() -> None:
    assert duty_rows(PARAGRAPH) == [
        ("8(1)", "mandatory", "The provider shall keep the logs;"),
        ("8(1)", "mandatory", "the deployer shall keep them for six months."),
    ]


def test_another_party_s_duty_after_a_semicolon_in_a_paragraph_binds_that_party() -> None:
    assert _parties(PARAGRAPH) == [("8(1)", "provider"), ("8(1)", "deployer")]


def test_the_same_party_s_second_duty_after_a_semicolon_stays_in_one_duty() -> None:
    assert duty_clauses("The provider shall keep the logs; the provider shall also delete them.") == [
        ("mandatory", "The provider shall keep the logs; the provider shall also delete them.")
    ]

