"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-fourth session, round 41b):
the Data Act (EU) 2023/2854's Articles 8 to 12 as a dataset's flat article text, and Richmond's charter §§ 4.18 to
5.07 (city auditor, inspector general, mayor, chief administrative officer) as the Virginia Law portal's HTML.

The auditor's "shall have access at any and all times to" (an entitlement) was a duty; "shall have power, whenever ...,
irrespective of ..., to assign" (a power with asides) a duty; "may (i) ..., (ii) ..., or (iii) ..." (a permission's
points run on after its verb) one row; and "; however, the appointment of members of a ... authority in the city shall
be made by the council" stayed inside the veto permission's row. (The Data Act's "an obligation to ... shall not
oblige", "shall have the same rights as" and the points after "meets all of the following conditions:" were fixed on
main by round 42a, which had the same articles, before this round merged.) One behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties


def test_access_at_any_and_all_times_is_an_entitlement_not_a_duty() -> None:
    text = ("§ 4.18. City auditor.\n\nIt shall be the duty of the city auditor to audit all accounts of the city. "
            "In performing the city auditor's duties, the city auditor shall have access at any and all times to all "
            "books, records, and accounts of each department.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("4.18", "mandatory")]


def test_a_power_with_asides_before_its_to_is_a_permission() -> None:
    text = ("§ 5.04. Temporary transfer of personnel.\n\nThe chief administrative officer shall have power, whenever "
            "the interests of the city require, irrespective of any other provisions of this charter, to assign "
            "employees of any department to the temporary performance of duties in another department.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("5.04", "permission")]


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
