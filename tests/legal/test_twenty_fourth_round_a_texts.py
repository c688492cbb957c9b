"""The failure classes the first runs on three never-seen AI Act texts showed (2026-12-05, twenty-third session,
round 24a): Art. 5 (prohibited practices) as the flat text of a JSON of articles, Art. 44-46 (certificates, notified
bodies' information, derogation) in the Official Journal's markup and Art. 99 (penalties) printed to PDF. Point (h)'s
exception list "(i) ...; (ii) ...; (iii) ..." was read as letter (i) after (h), one more prohibition; the exceptions
after a semicolon inside points (d) and (g) ("; this prohibition shall not apply to", "; this prohibition does not
cover") stayed in their prohibitions; the first clause of a lead-in whose last clause has a subject of its own ("...,
and it shall take into account the following elements:", "shall be taken into account and, as appropriate, regard
shall be given to the following:") was no duty; "shall remain valid" and a fine's cap "shall be up to" were taken as
duties; "shall be for a limited period" was read as a scope rule; a validity with a cap in its relative clause
("shall be valid for the period they indicate, which shall not exceed five years") was read as mandatory. One
behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties


def _article(paragraph: str) -> str:
    return f"Article 5\nProhibited AI practices\n\n{paragraph}\n"


def test_roman_points_under_a_letter_that_leads_in_are_its_own_points_not_the_next_letter() -> None:
    rows = _duties(_article(
        "1. The following practices shall be prohibited: (g) the use of biometric categorisation systems; (h) the "
        "use of remote identification systems for the following purposes: (i) the search for persons; (ii) "
        "the tracking of persons. 2. The Commission shall publish a report."))
    assert [ref for ref, _, _ in rows] == ["5(1)(g)", "5(1)(h)(i)", "5(1)(h)(ii)", "5(2)"]


def test_an_unless_lead_in_with_one_of_the_following_objectives_makes_its_points_exceptions() -> None:
    rows = _duties(_article(
        "1. The following practices shall be prohibited: (a) the use of scoring systems; (b) the use of remote "
        "identification systems, unless such use is strictly necessary for one of the following objectives: "
        "(i) the targeted search for victims; (ii) the prevention of a threat to life."))
    assert [(ref, mod) for ref, mod, _ in rows] == [("5(1)(a)", "prohibition"), ("5(1)(b)", "prohibition")]
    assert "unless such use is strictly necessary" in rows[1][2]
    assert not any("targeted search" in text for _, _, text in rows)


def test_an_exception_after_a_semicolon_in_a_point_is_cut_off_it() -> None:
    rows = _duties(_article(
        "1. The following practices shall be prohibited: (d) the use of an AI system for risk assessments of natural "
        "persons; this prohibition shall not apply to AI systems used to support the human assessment; (e) the use "
        "of systems that create facial recognition databases."))
    assert [(ref, mod) for ref, mod, _ in rows] == [("5(1)(d)", "prohibition"), ("5(1)(e)", "prohibition")]
    assert "shall not apply" not in rows[0][2]


def test_an_exception_in_the_present_tense_after_a_semicolon_in_a_point_is_cut_off_it() -> None:
    rows = _duties(_article(
        "1. The following practices shall be prohibited: (g) the use of biometric categorisation systems that "
        "categorise natural persons; this prohibition does not cover any labelling or filtering of lawfully acquired "
        "biometric datasets; (h) the use of systems that infer emotions."))
    assert [(ref, mod) for ref, mod, _ in rows] == [("5(1)(g)", "prohibition"), ("5(1)(h)", "prohibition")]
    assert "does not cover" not in rows[0][2]


def test_a_lead_in_clause_before_and_it_shall_the_following_is_a_duty_of_its_own() -> None:
    rows = _duties(_article(
        "2. The use of such systems shall be deployed only to confirm the identity of the targeted individual, and "
        "it shall take into account the following elements: (a) the nature of the situation; (b) the consequences "
        "of the use."))
    assert [(ref, mod) for ref, mod, _ in rows] == [("5(2)", "mandatory"), ("5(2)(a)", "mandatory"),
                                                     ("5(2)(b)", "mandatory")]
    assert rows[0][2].endswith("only to confirm the identity of the targeted individual")


def test_a_lead_in_clause_before_and_comma_phrase_a_subject_of_its_own_is_a_duty_of_its_own() -> None:
    rows = _duties(_article(
        "7. When deciding on the amount of the fine, all relevant circumstances shall be taken into account and, as "
        "appropriate, regard shall be given to the following: (a) the gravity of the infringement; (b) the size of "
        "the operator."))
    assert [ref for ref, _, _ in rows] == ["5(7)", "5(7)(a)", "5(7)(b)"]
    assert rows[0][2].endswith("all relevant circumstances shall be taken into account")


def test_a_supplement_that_shall_remain_valid_binds_no_one() -> None:
    rows = _duties(_article("2. Any supplement to a certificate shall remain valid, provided that the certificate "
                            "which it supplements is valid."))
    assert rows == []


def test_a_fines_cap_in_shall_be_up_to_binds_no_one() -> None:
    rows = _duties(_article("6. In the case of SMEs, each fine referred to in this Article shall be up to the "
                            "percentages or amount referred to in paragraphs 3, 4 and 5, whichever thereof is lower."))
    assert rows == []


def test_an_authorisation_that_shall_be_for_a_limited_period_is_a_duty() -> None:
    rows = _duties(_article("1. That authorisation shall be for a limited period while the necessary conformity "
                            "assessment procedures are being carried out."))
    assert [(ref, mod) for ref, mod, _ in rows] == [("5(1)", "mandatory")]


def test_a_validity_capped_in_its_relative_clause_is_a_prohibition() -> None:
    rows = _duties(_article("2. Certificates shall be valid for the period they indicate, which shall not exceed five "
                            "years for AI systems covered by Annex I."))
    assert [(ref, mod) for ref, mod, _ in rows] == [("5(2)", "prohibition")]
