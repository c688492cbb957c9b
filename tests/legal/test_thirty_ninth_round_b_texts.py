"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-third session, round 39b):
the Philippines' Data Privacy Act of 2012 (ss. 11-21) as the LawPhil Project's HTML page, and the City of Valdosta's
(Georgia) charter, Article IV, as a Municode plain-text export.

LawPhil sets its whole page in a layout table, and the cell holding the Act was read as one line (no section opened a
line, every point took the page's first lead-in); a passive prohibition's "except in the following cases:" and a
list of who is left out ("shall cover all employees of the city except:") gave a row per exception; "shall be
allowed, subject to" was a duty; "the immediately preceding sections are not applicable if ..." a duty; a lien, a
transfer's vesting and an owner's kept right to redeem were duties; so was where a rule is found ("shall be as fixed
by ordinance"); "shall be appointed with regard to merit only and need not be a resident" was dropped whole; a point's
right ("Have the right to request ...") and a power's reach ("shall include the power to") were duties; and a duty
after a semicolon ("; except, however, that the city shall ...", "; and it shall be the duty of the city attorney to
...") stayed in the leave before it. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def test_a_page_laid_out_in_a_table_is_read_as_its_paragraphs(tmp_path: Path) -> None:
    body = "".join(
        f'<p align="justify"><b>Section {n}.</b> <i>Catchline {n}. </i>- The controller shall keep record {n}.</p>'
        for n in range(1, 4))
    points = "".join(f'<p align="justify">({c}) Point {c} of the list;</p>' for c in "abcde")
    page = tmp_path / "act.html"
    page.write_text(
        '<html><body><table><tr><td><img src="banner.jpg"></td></tr><tr><td colspan="2"><blockquote>'
        f'{body}<p align="justify"><b>Section 4.</b> <i>Duties. </i>- The controller must:</p><dir>{points}</dir>'
        '</blockquote></td></tr></table></body></html>', encoding="utf-8")
    rows = _duties(read_document(page))
    assert [ref for ref, _, _ in rows] == ["1", "2", "3", "4(a)", "4(b)", "4(c)", "4(d)", "4(e)"]
    assert "record 2" not in rows[0][2]


def test_a_passive_prohibitions_exceptions_and_a_list_of_those_left_out_are_no_duties() -> None:
    text = ("Section 13. The processing of sensitive personal information shall be prohibited, except in the "
            "following cases:\n(a) The data subject has given his or her consent;\n(b) The processing is provided "
            "for by existing laws;\n(c) The processing is necessary to protect the life of the data subject.\n\n"
            "Section 4.61. The system shall cover all employees of the city except:\n(1) elected officials;\n(2) "
            "persons temporarily employed in a professional capacity; and\n(3) temporary and part-time employees.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["prohibition", "mandatory"]


def test_shall_be_allowed_subject_to_is_a_leave() -> None:
    text = ("Section 11. The processing of personal information shall be allowed, subject to compliance with the "
            "requirements of this Act and adherence to the principles of transparency.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["permission"]


def test_sections_not_applicable_are_a_scope_exception() -> None:
    text = ("Section 19. The immediately preceding sections are not applicable if the processed personal information "
            "are used only for the needs of scientific and statistical research: Provided, That the personal "
            "information shall be held under strict confidentiality. Likewise, the immediately preceding sections are "
            "not applicable to processing of personal information gathered for the purpose of investigations.\n")
    rows = _duties(text)
    assert [modality for _, modality, _ in rows] == ["mandatory"]
    assert "strict confidentiality" in rows[0][2] and "not applicable" not in rows[0][2]


def test_a_lien_a_transfers_vesting_and_a_kept_right_to_redeem_are_no_duties() -> None:
    text = ("Section 4.23. The mayor and council may provide by ordinance for the collection of delinquent taxes. A "
            "lien shall exist against all property upon which the city property taxes are levied.\n"
            "Section 4.25. If unpaid, the sewer service charge shall constitute a lien against any property owned by "
            "the person who incurred the charges. The sanitary taxes shall be a charge and lien against the real "
            "estate.\n"
            "Section 4.27. Such transfer or assignment, when made, shall vest the purchaser or transferee with all "
            "right, title, and interest. Provided that, upon levy of execution, the owner of such property shall not "
            "lose his or her right to redeem the property.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("4.23", "permission")]


def test_where_a_rule_is_fixed_is_no_duty() -> None:
    text = ("Section 4.41. The fiscal year of the city shall be as fixed by ordinance of the mayor and council. The "
            "city manager shall submit the budget before the fiscal year begins.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("4.41, sentence 2", "mandatory")]


def test_what_a_duty_leaves_open_after_and_is_part_of_it() -> None:
    text = ("Section 4.11. The city manager shall be appointed with regard to merit only and need not be a resident "
            "of the city when appointed.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["mandatory"]


def test_a_points_right_and_a_powers_reach_are_leaves() -> None:
    text = ("Section 4.12. The city manager shall:\n(7) Investigate the affairs of the boards;\n(8) Have the right to "
            "request the counsel of the city attorney concerning any matter affecting the city.\n\n"
            "Section 4.26. The mayor and council shall have authority by ordinance to collect the costs of sanitary "
            "services. Such authority shall include the power to assess, levy, and collect annual sanitary fees.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["mandatory", "permission", "permission", "permission"]


def test_a_duty_after_a_semicolon_is_a_clause_of_its_own() -> None:
    text = ("Section 4.2. The mayor and council may by ordinance organize or discontinue such departments as they may "
            "deem desirable; except, however, that the city shall continue to provide and maintain professional "
            "firefighting services.\n"
            "Section 4.12. The city manager shall:\n(8) Have the right to request the counsel of the city attorney; "
            "and it shall be the duty of the city attorney to respond to such requests.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [
        ("4.2", "permission"), ("4.2", "mandatory"), ("4.12(8)", "permission"), ("4.12(8)", "mandatory")]
    assert "shall continue" not in rows[0][2] and "except, however, that the city shall continue" in rows[1][2]
