"""What the Gramm-Leach-Bliley Act's Title V still got wrong after its first fix round (2026-12-05): the lists of
regulators under "shall be enforced by ... as follows:" read as a duty each, "no inference shall be drawn" read as a
duty, and a duty whose subject is a list of agencies ("The Federal banking agencies, ..., and the Federal Trade
Commission shall each prescribe") lost under a lead-in with no verb. One behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

_ENFORCEMENT = (
    "SEC. 505. ENFORCEMENT.\n\n"
    "- (a) IN GENERAL.—This subtitle shall be enforced by the Federal functional regulators and the Federal Trade "
    "Commission with respect to financial institutions subject to their jurisdiction, as follows:\n"
    "  - (1) Under section 8 of the Federal Deposit Insurance Act, in the case of—\n"
    "    - (A) national banks, by the Office of the Comptroller of the Currency;\n"
    "    - (B) member banks of the Federal Reserve System, by the Board of Governors.\n"
    "  - (2) Under the Federal Credit Union Act, by the Board of the National Credit Union Administration.\n"
    "  - (3) Under the Federal Trade Commission Act, by the Federal Trade Commission for any other institution.\n"
)


def test_the_regulators_listed_under_an_enforcement_clause_are_one_duty_of_the_enforcers() -> None:
    rows = _duties(_ENFORCEMENT)
    assert [(ref.split(",")[0], m) for ref, m, _ in rows] == [("505(a)", "mandatory")]
    assert "shall be enforced by the Federal functional regulators" in rows[0][2]


def test_a_list_under_enforced_under_is_one_duty_too() -> None:
    text = (
        "SEC. 522. ADMINISTRATIVE ENFORCEMENT.\n\n"
        "- (b) ENFORCEMENT BY OTHER AGENCIES.— (1) IN GENERAL.—Compliance with this subtitle shall be enforced under—\n"
        "  - (A) section 8 of the Federal Deposit Insurance Act, by the appropriate banking agency; and\n"
        "  - (B) the Federal Credit Union Act, by the Administrator of the National Credit Union Administration.\n"
    )
    assert [(ref.split(",")[0], m) for ref, m, _ in _duties(text)] == [("522(b)(1)", "mandatory")]


def test_points_that_each_state_a_duty_under_an_enforcement_clause_stay_duties() -> None:
    # guard: the rule is for lists that only name who enforces; a point with a verb of its own keeps it
    text = (
        "SEC. 9. ENFORCEMENT.\n\n"
        "(a) Compliance with this section shall be enforced by the Commission as follows:\n\n"
        "(1) the Commission shall publish its enforcement policy;\n\n"
        "(2) the Commission shall report each year to Congress.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["9(a)(1)", "9(a)(2)"]


def test_no_inference_to_be_drawn_binds_no_one() -> None:
    text = (
        "(c) RELATION TO OTHER PROVISIONS.—Except for the amendments made by subsections (a) and (b), nothing in this "
        "title shall be construed to modify the operation of the Fair Credit Reporting Act, and no inference shall be "
        "drawn on the basis of the provisions of this title regarding whether information is transaction information.\n"
    )
    assert _duties(text) == []


def test_a_list_of_parties_before_the_verb_keeps_its_duty_under_a_lead_in_without_one() -> None:
    text = (
        "SEC. 504. RULEMAKING.\n\n"
        "- (a) REGULATORY AUTHORITY.—\n"
        "- (1) RULEMAKING.—The Federal banking agencies, the Secretary of the Treasury, and the Federal Trade "
        "Commission shall each prescribe such regulations as may be necessary.\n"
        "- (2) COORDINATION.—Each of the agencies shall consult and coordinate with each other.\n"
    )
    rows = _duties(text)
    assert [(ref, m) for ref, m, _ in rows] == [("504(a)(1)", "mandatory"), ("504(a)(2)", "mandatory")]
    assert "The Federal banking agencies, the Secretary of the Treasury, and the Federal Trade" in rows[0][2]
