"""The failure classes the first runs on three never-seen GDPR texts showed (2026-12-05, twenty-third session,
round 24c): Art. 26-28 (joint controllers, representatives, processor) as the flat text of a JSON of articles, Art.
37-39 (the data protection officer) in the Official Journal's markup and Art. 17-19 (erasure, restriction,
notification) printed to PDF. A definition by classification ("Where ..., they shall be joint controllers."), a
liability ("shall remain fully liable to") and an evidential rule ("may be used as an element by which to
demonstrate") were taken as duties; a duty after a point's semicolon opened by "in such a case," was lost in its
point; "may or, where required by ... law shall, designate" gave one mandatory row, not a permission and a duty; the
first clause of a lead-in "X shall have the right to obtain from Y ... and Y shall have the obligation to ... where one
of the following grounds applies:" (no comma before its "and") was no duty of its own, and such a right to obtain
from a party was addressed to the data subject, not the party that owes it. One behaviour each; the
fixtures are drafting formulas in other words, not the Regulation's."""

from __future__ import annotations

from dutyrows import duty_rows as _duties


def _article(paragraph: str) -> str:
    return f"Article 9\nObligations of operators\n\n{paragraph}\n"


def test_a_pronoun_that_shall_be_joint_parties_is_a_classification_not_a_duty() -> None:
    rows = _duties(_article(
        "1. Where two or more operators jointly run the service, they shall be joint operators. They shall agree "
        "their respective responsibilities by an arrangement."))
    assert [mod for _, mod, _ in rows] == ["mandatory"]
    assert rows[0][0].startswith("9(1)") and "shall agree" in rows[0][2]


def test_remaining_liable_to_a_party_is_a_legal_effect_not_a_duty() -> None:
    rows = _duties(_article(
        "4. The supplier shall bind its subcontractor by contract. Where the subcontractor fails to perform, the "
        "supplier shall remain fully liable to the customer for that performance."))
    assert [(ref, mod) for ref, mod, _ in rows] == [("9(4)", "mandatory")]
    assert "liable" not in rows[0][2]


def test_what_may_be_used_as_an_element_to_demonstrate_guarantees_is_no_permission() -> None:
    rows = _duties(_article(
        "5. Adherence of a supplier to an approved code may be used as an element by which to demonstrate "
        "sufficient guarantees. 6. The supplier shall keep a register."))
    assert [(ref, mod) for ref, mod, _ in rows] == [("9(6)", "mandatory")]


def test_a_duty_after_in_such_a_case_inside_a_point_is_a_row_of_its_own() -> None:
    rows = _duties(_article(
        "3. The contract shall stipulate that the supplier: (a) acts only on written instructions from the customer, "
        "unless otherwise required by law; in such a case, the supplier shall tell the customer of that requirement "
        "before acting; (b) keeps a register of its activities."))
    assert [(ref, mod) for ref, mod, _ in rows] == [
        ("9(3)(a)", "mandatory"), ("9(3)(a)", "mandatory"), ("9(3)(b)", "mandatory")]
    assert "shall tell" not in rows[0][2]
    assert "in such a case, the supplier shall tell the customer" in rows[1][2]


def test_may_or_where_required_by_law_shall_is_a_permission_and_a_duty() -> None:
    rows = _duties(_article(
        "4. In other cases, the operator or its associations may or, where required by national law shall, appoint "
        "a security officer."))
    assert sorted(mod for _, mod, _ in rows) == ["mandatory", "permission"]
    assert all("appoint a security officer" in text for _, _, text in rows)


def test_a_right_to_obtain_and_an_obligation_in_one_lead_in_give_the_right_a_row_of_its_own() -> None:
    rows = _duties(_article(
        "1. The customer shall have the right to obtain from the operator the deletion of records without delay "
        "and the operator shall have the obligation to delete records without delay where one of the following "
        "grounds applies: (a) the records are no longer needed; (b) the customer withdraws consent."))
    assert [(ref, mod) for ref, mod, _ in rows] == [
        ("9(1)", "mandatory"), ("9(1)(a)", "mandatory"), ("9(1)(b)", "mandatory")]
    assert rows[0][2].endswith("without delay")
    assert "shall have the obligation" in rows[1][2]


def test_a_right_to_obtain_from_a_party_binds_that_party_not_the_holder_of_the_right() -> None:
    from compgraph.legal.provisions import statute_duties

    duties = statute_duties(
        "Article 9\nRight to correction\n\n1. The consumer shall have the right to obtain from the controller the "
        "correction of inaccurate personal data without undue delay. 2. The controller shall keep a record of "
        "personal data corrected.\n")
    assert [(d.ref, d.modality, d.addressee) for d in duties] == [
        ("9(1)", "mandatory", "controller"), ("9(2)", "mandatory", "controller")]
