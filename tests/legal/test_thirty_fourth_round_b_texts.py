"""The failure classes the first runs on two never-seen US texts showed (2026-12-06, thirtieth session, round 34b):
California's Online Privacy Protection Act (Bus. & Prof. Code § 22575) as a converter's Markdown of leginfo's code
page, menus and all, and the Communications Assistance for Law Enforcement Act (47 U.S.C. §§ 1001-1005) as a
converter's Markdown of the U.S. Code's printed edition, whose headings carry no rank.

The section number alone on its line ("22575.") opened no section; "shall be in violation of this subdivision only
if" was read as a duty, and so was the Code's footnote "So in original. Probably should be ''of''."; a point that is a
sentence with its own party ("(7) An operator may satisfy ...") took the lead-in's "shall"; a verbless lead-in ending
in a dash ("The notices issued under paragraph (1)—") was taken for a catchline and dropped; "shall ensure that any
interception ... can be activated only in accordance with a court order" was read as a permission; and the
unindented tail "except that ..., such call-identifying information shall not include ..." after a lead-in's points
as a prohibition. One behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties


def test_a_five_digit_code_section_number_alone_on_its_line_opens_the_section() -> None:
    text = ("CHAPTER 22. Internet Privacy Requirements [22575 - 22579]\n\n22575.\n\n"
            "(a) An operator shall conspicuously post its privacy policy on its Web site.\n\n"
            "(b) The privacy policy required by subdivision (a) shall do all of the following:\n\n"
            "(1) Identify its effective date.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["22575(a)", "22575(b)(1)"]


def test_shall_be_in_violation_only_if_says_when_a_violation_arises_and_binds_no_one() -> None:
    text = ("22575.\n\n(a) An operator shall conspicuously post its privacy policy on its Web site. An operator shall "
            "be in violation of this subdivision only if the operator fails to post its policy within 30 days after "
            "being notified of noncompliance.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("22575(a)", "mandatory")]


def test_a_point_that_is_a_sentence_with_its_own_party_keeps_its_own_permission() -> None:
    text = ("22575.\n\n(b) The privacy policy required by subdivision (a) shall do all of the following:\n\n"
            "(1) Identify its effective date.\n\n"
            "(2) Disclose how the operator responds to Web browser “do not track” signals.\n\n"
            "(3) An operator may satisfy the requirement of paragraph (2) by providing a clear and conspicuous "
            "hyperlink in the operator’s privacy policy.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("22575(b)(1)", "mandatory"), ("22575(b)(2)", "mandatory"), ("22575(b)(3)", "permission")]


def test_a_us_code_footnote_so_in_original_is_no_duty() -> None:
    text = ("§ 1003. Notices of capacity requirements\n\n(a) The Attorney General shall publish a notice.\n\n"
            "<sup>1</sup>So in original. Probably should be ''of''.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("1003(a)", "mandatory")]


def test_a_verbless_subject_lead_in_ending_in_a_dash_reaches_its_points() -> None:
    text = ("§ 1003. Notices of capacity requirements\n\n(a) Notices\n\n(2) Basis of notices\n\n"
            "The notices issued under paragraph (1)—\n\n"
            "- (A) may be based upon the type of equipment, type of service, or any other measure; and\n"
            "- (B) shall identify, to the maximum extent practicable, the capacity required at specific geographic "
            "locations.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [
        ("1003(a)(2)(A)", "permission"), ("1003(a)(2)(B)", "mandatory")]
    assert all(text.startswith("The notices issued under paragraph (1)") for _, _, text in rows)


def test_shall_ensure_that_a_thing_can_be_done_only_in_accordance_with_an_order_is_a_duty() -> None:
    text = ("§ 1004. Systems security and integrity\n\nA telecommunications carrier shall ensure that any "
            "interception of communications effected within its switching premises can be activated only in "
            "accordance with a court order or other lawful authorization.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("1004", "mandatory")]


def test_an_except_that_tail_narrowing_such_a_thing_after_the_points_is_no_duty() -> None:
    text = ("§ 1002. Assistance capability requirements\n\n(a) Capability requirements\n\n"
            "A telecommunications carrier shall ensure that its services are capable of—\n\n"
            "- (1) expeditiously enabling the government to access call-identifying information that is reasonably "
            "available to the carrier—\n"
            "  - (A) before, during, or immediately after the transmission of a communication; and\n"
            "  - (B) in a manner that allows it to be associated with the communication to which it pertains,\n\n"
            "except that, with regard to information acquired solely pursuant to the authority for pen registers, "
            "such call-identifying information shall not include any information that may disclose the physical "
            "location of the subscriber;\n\n"
            "- (2) delivering intercepted communications to the government.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("1002(a)(1)(A)", "mandatory"), ("1002(a)(1)(B)", "mandatory"), ("1002(a)(2)", "mandatory")]
