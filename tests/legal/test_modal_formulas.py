"""Modal formulas a drafter uses besides "shall" and "must", each read with the modality it states: two negations
that bind ("shall not fail to"), "under no circumstances may", "is forbidden to", "shall abstain from", an obligation
a party "has" or "is under", and "It is the duty of X to". One behaviour each."""

from __future__ import annotations

import pytest
from dutyrows import duty_rows as _duties


def _modality(sentence: str) -> list[str]:
    return [modality for _, modality, _ in _duties(f"Section 1. Test.\n\n{sentence}\n")]


def test_shall_not_fail_to_is_a_duty_to_act() -> None:
    assert _modality("The provider shall not fail to notify the authority.") == ["mandatory"]


def test_under_no_circumstances_may_forbids() -> None:
    assert _modality("Under no circumstances may the provider sell the data.") == ["prohibition"]


@pytest.mark.parametrize("sentence", ["The provider is forbidden to sell the data.",
                                      "The provider shall abstain from selling the data."])
def test_forbidden_and_abstain_from_forbid(sentence: str) -> None:
    assert _modality(sentence) == ["prohibition"]


@pytest.mark.parametrize("sentence", ["The provider has an obligation to notify the authority.",
                                      "The provider is under an obligation to notify the authority.",
                                      "It is the duty of the clerk to keep the minutes."])
def test_an_obligation_or_duty_named_binds(sentence: str) -> None:
    assert _modality(sentence) == ["mandatory"]


def test_a_body_that_has_an_obligation_named_in_a_relative_clause_is_not_bound_by_it() -> None:
    assert _modality("The register lists every provider that has an obligation to notify the authority.") == []
