"""What an instrument does in law is no one's duty: at the ends of its life it ceases to have effect, has effect from
a date, continues in force, supersedes another; meanwhile it saves a thing from a rule ("shall not be affected"),
says how words are read ("shall be read as references to") and measures a penalty ("shall be punishable by"). A
party told to stop or to end something is still bound. One behaviour each."""

from __future__ import annotations

import pytest
from dutyrows import duty_rows as _duties


@pytest.mark.parametrize("sentence", [
    "The designation shall cease to have effect on 1 January 2030.",
    "The notice shall have effect from the date on which it is served.",
    "The existing rules shall continue in force until they are replaced.",
    "This ordinance shall supersede Ordinance No. 12.",
    "The validity of the contract shall not be affected.",
    "References to the repealed Directive shall be read as references to this Regulation.",
    "A violation of this section shall be punishable by a fine not exceeding $1,000.",
])
def test_an_instruments_force_is_no_duty(sentence: str) -> None:
    assert _duties(f"Section 1. Effect.\n\n{sentence}\n") == []


def test_a_party_that_must_end_something_is_bound() -> None:
    rows = _duties("Section 1. Mandate.\n\nThe representative shall terminate the mandate if the provider breaches "
                   "it. Member States shall cease to apply national measures that conflict with it.\n")
    assert [modality for _, modality, _ in rows] == ["mandatory", "mandatory"]


def test_a_registration_that_confers_a_right_is_no_duty_and_a_state_that_confers_powers_is_bound() -> None:
    rows = _duties("Section 1. Registration.\n\nThe registration shall confer on the holder the right to trade in "
                   "every Member State. Member States shall confer on their authorities the powers to inspect.\n")
    assert [(modality, text[:13]) for _, modality, text in rows] == [("mandatory", "Member States")]


@pytest.mark.parametrize("sentence", [
    "A violation of this chapter shall constitute an unfair trade practice.",
    "Four members of the board shall constitute a quorum.",
    "A quorum shall consist of a majority of the members.",
    "Such a presumption shall be rebuttable.",
    "The remedies provided in this section shall be cumulative.",
])
def test_what_an_act_amounts_to_and_how_a_presumption_stands_is_no_duty(sentence: str) -> None:
    assert _duties(f"Section 1. Effect.\n\n{sentence}\n") == []
