"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-third session, round 41b):
the Data Act (EU) 2023/2854's Articles 8 to 12 as a dataset's flat article text, and Richmond's charter §§ 4.18 to
5.07 (city auditor, inspector general, mayor, chief administrative officer) as the Virginia Law portal's HTML.

"an obligation to make data available ... shall not oblige the disclosure of trade secrets" (what a duty does not
reach) was a prohibition; the auditor's "shall have access at any and all times to" (an entitlement) a duty; "users
shall have the same rights as data holders" and "shall have power, whenever ..., irrespective of ..., to assign"
(powers with asides) duties; "; however, the appointment of members of a ... authority in the city shall be made by
the council" stayed inside the veto permission's row; the points after "certify that body where it has demonstrated
that it meets all of the following conditions:" (what the body must show) were a duty each; and "may (i) ..., (ii)
..., or (iii) ..." (a permission's points run on after its verb) one row. One behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties


def test_what_an_obligation_shall_not_oblige_binds_no_one() -> None:
    text = ("Article 8\nConditions\n\n3. A data holder shall not discriminate between data recipients. 6. Unless "
            "otherwise provided for in Union law, an obligation to make data available to a data recipient shall not "
            "oblige the disclosure of trade secrets.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("8(3)", "prohibition")]


def test_access_at_any_and_all_times_is_an_entitlement_not_a_duty() -> None:
    text = ("§ 4.18. City auditor.\n\nIt shall be the duty of the city auditor to audit all accounts of the city. "
            "In performing the city auditor's duties, the city auditor shall have access at any and all times to all "
            "books, records, and accounts of each department.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("4.18", "mandatory")]


def test_the_same_rights_as_another_party_are_a_permission() -> None:
    text = ("Article 11\nProtection measures\n\n5. Where the data recipient infringes Article 6(2), users shall have "
            "the same rights as data holders under paragraph 2 of this Article.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("11(5)", "permission")]


def test_a_power_with_asides_before_its_to_is_a_permission() -> None:
    text = ("§ 5.04. Temporary transfer of personnel.\n\nThe chief administrative officer shall have power, whenever "
            "the interests of the city require, irrespective of any other provisions of this charter, to assign "
            "employees of any department to the temporary performance of duties in another department.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("5.04", "permission")]


def test_conditions_a_body_must_show_it_meets_are_one_row() -> None:
    text = ("Article 10\nDispute settlement\n\n5. The Member State where the body is established shall, at the request "
            "of that body, certify that body where it has demonstrated that it meets all of the following conditions: "
            "(a) it is impartial and independent; (b) it has the necessary expertise; (c) it is easily accessible "
            "through electronic communication technology. 6. Member States shall notify to the Commission the bodies "
            "certified in accordance with paragraph 5.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("10(5)", "mandatory"), ("10(6)", "mandatory")]


def test_roman_points_run_on_after_a_modal_verb_are_a_row_each() -> None:
    text = ("§ 5.03. Involvement of mayor and council.\n\nThe mayor may participate in the hiring of heads of "
            "departments. The mayor and members of council may (i) communicate their approval or disapproval of the "
            "performance of any city employee, (ii) recommend persons to the chief administrative officer for hiring, "
            "or (iii) request of the chief administrative officer that he remove any city employee, as they may see "
            "fit. Ultimate responsibility for personnel decisions shall reside in the chief administrative officer.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("5.03", "permission"), ("5.03(i)", "permission"), ("5.03(ii)", "permission"), ("5.03(iii)", "permission"),
        ("5.03, sentence 3", "mandatory")]


def test_a_however_clause_with_a_long_subject_of_its_own_is_its_own_row() -> None:
    text = ("§ 5.05. General duties; mayor.\n\nIt shall be the duty of the mayor to:\n\n(d) Perform such other duties "
            "as may be prescribed by ordinance, provided that the mayor shall have the power to veto any city "
            "ordinance by written notice of veto delivered to the city clerk; however, the appointment of members of a "
            "redevelopment and housing authority in the city shall be made by the council; and\n\n(e) Issue such "
            "regulations as may be necessary.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [
        ("5.05(d)", "mandatory"), ("5.05(d)", "permission"), ("5.05(d)", "mandatory"), ("5.05(e)", "mandatory")]
    assert rows[2][2].endswith("however, the appointment of members of a redevelopment and housing authority in the "
                               "city shall be made by the council; and")
