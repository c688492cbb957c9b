"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-fifth session, round 46a):
the Network and Information Systems Regulations 2018, regs. 15 to 17, as legislation.gov.uk's CLML XML, and Regulation
B, 12 CFR 1002.9 and 1002.12, as the CFPB's RegML.

A power's purposes ("for one or more of the following purposes—") and what it may establish ("to establish
whether—") were split into a row per point; a paragraph omitted by amendment, printed as dots, was a point; an
indirect question's "should" ("whether a person should be") made a leave a recommendation; a relative clause's "is
not required to" ("an application for which the creditor is not required to comply") dropped the sentence's duty;
"shall have no further obligation" was a duty; exceptions after "except that:" took the lead-in's "shall" over their
own "may"; a contemplated "will" and a relative "that is prohibited by" decided a leave's modality; a model notice
quoted inline after "substantially similar to the following:" stayed in the duty's sentence. One behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties


def test_a_powers_purposes_and_what_it_may_establish_are_one_leave() -> None:
    text = ("Regulation 15\n\n(1) A designated competent authority may serve an information notice upon any person "
            "requiring that person to provide such information as it reasonably requires to establish whether—\n\n"
            "(a) a threshold requirement is met; or\n\n(b) the conditions are met.\n\n(2) A designated competent "
            "authority may serve an information notice upon an OES requiring it to provide such information as it "
            "reasonably requires for one or more of the following purposes—\n\n(a) to assess the security of its "
            "systems;\n\n(b) to identify any failure to comply with any duty.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [("(1)", "permission"), ("(2)", "permission")]


def test_a_paragraph_omitted_and_printed_as_dots_is_no_point() -> None:
    text = ("Regulation 17\n\n(3) An enforcement notice must specify the following—\n\n(a) the reasons for serving "
            "the notice;\n\n(b) the alleged failure; and\n\n(c) . . . . . . . . . . . . . . . .\n")
    rows = _duties(text)
    assert [text.rsplit("—", 1)[-1].strip() for _, _, text in rows] == ["(a) the reasons for serving the notice;",
                                                                       "(b) the alleged failure; and"]


def test_an_indirect_questions_should_is_not_the_sentences_modal_verb() -> None:
    text = ("Regulation 15\n\n(1) In order to assess whether a person should be an OES, a designated competent "
            "authority may serve an information notice upon that person.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["permission"]


def test_a_relative_clauses_not_required_leaves_the_sentences_duty() -> None:
    text = ("§ 1002.12 Record retention.\n\n(b) For 25 months after the date that a creditor receives an application "
            "for which the creditor is not required to comply with the notification requirements of § 1002.9, the "
            "creditor shall retain all written or recorded information concerning the applicant.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["mandatory"]


def test_no_further_obligation_is_a_limitation_not_a_duty() -> None:
    text = ("§ 1002.9 Notifications.\n\n(c) If additional information is needed, the creditor shall send a written "
            "notice to the applicant. The creditor shall have no further obligation under this section if the "
            "applicant fails to respond within the designated time period.\n")
    assert [text for _, _, text in _duties(text)] == [
        "If additional information is needed, the creditor shall send a written notice to the applicant."]


def test_exceptions_after_except_that_take_their_own_modal_verb() -> None:
    text = ("§ 1002.9 Notifications.\n\n(a) For business credit, a creditor shall comply with the notification "
            "requirements of this section in the following manner:\n\n(1) With regard to a small business, a creditor "
            "shall comply with paragraph (b) of this section, except that:\n\n(i) The statement of the action taken "
            "may be given orally or in writing;\n\n(ii) The creditor shall keep a record of an oral statement.\n")
    points = [(ref, modality) for ref, modality, _ in _duties(text) if ref != "1002.9(a)(1)"]
    assert points == [("1002.9(a)(1)(i)", "permission"), ("1002.9(a)(1)(ii)", "mandatory")]


def test_a_contemplated_will_and_a_relative_prohibited_describe_a_leave() -> None:
    text = ("§ 1002.9 Notifications.\n\n(e) If the parties contemplate that the applicant will inquire about its "
            "status and the applicant has not inquired within 30 days, the creditor may treat the application as "
            "withdrawn.\n\n(f) A creditor may retain in its files information that is prohibited by the Act if the "
            "information was obtained before 1977.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["permission", "permission"]


def test_a_form_quoted_inline_after_substantially_similar_to_the_following_is_not_the_duty() -> None:
    text = ("§ 1002.9 Notifications.\n\n(b) The creditor shall provide a notice that is substantially similar to the "
            "following: The Federal Equal Credit Opportunity Act prohibits creditors from discriminating against "
            "credit applicants. The Federal agency that administers compliance with this law is [name].\n")
    assert [text for _, _, text in _duties(text)] == [
        "The creditor shall provide a notice that is substantially similar to the following:"]
