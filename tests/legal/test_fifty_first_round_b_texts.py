"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-eighth session, round 51b):
Tanzania's e-Government Act, 2019, sections 36 to 49, as a repository's JSON seed of the Act's provisions (met every
target on its first run), and the FTC Health Breach Notification Rule, 16 CFR 318.3 to 318.6, as the eCFR's Markdown.

A provision's own operation ("This paragraph shall be implemented in the same manner as provided under ...") was
taken as a duty; a lead-in's form given by "be" before "and include ... the following:" ("shall be in plain language
and include, to the extent possible, the following:") gave no row of its own; and a point that is a case and then the
lead-in's party named again with "may" ("In any case deemed by the vendor ... to require urgency ..., that entity may
provide information ...") took the lead-in's "shall". One behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties


def test_a_provision_implemented_in_the_same_manner_as_another_is_no_duty() -> None:
    text = ("##### § 9.4 Timeliness of notice. #####\n\n(c) *Delay.* If an official determines that a notice would "
            "impede an investigation, such notice shall be delayed. This section shall be applied in the same manner "
            "as provided under 45 CFR 100.5(b), in the case of a disclosure covered under such section.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("9.4(c)", "mandatory")]


def test_a_lead_ins_form_given_by_be_before_and_include_the_following_is_a_duty_of_its_own() -> None:
    text = ("##### § 9.6 Content of notice. #####\n\nA notice of a security incident shall be in clear language and "
            "include, where known, the following:\n\n(a) The date of the incident;\n\n(b) A telephone number to call."
            "\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [
        ("9.6", "mandatory"), ("9.6(a)", "mandatory"), ("9.6(b)", "mandatory")]
    assert rows[0][2] == "A notice of a security incident shall be in clear language"


def test_a_points_case_whose_party_named_again_may_act_is_a_leave_not_the_lead_ins_duty() -> None:
    text = ("##### § 9.5 Methods of notice. #####\n\n(a) *Notice.* A hosting company that discovers an incident shall "
            "notify each customer in the following form:\n\n(1) Written notice, by mail to the customer's last known "
            "address.\n\n(2) Where the hosting company considers the matter urgent, such company may call customers "
            "by telephone, in addition to notice provided under paragraph (a)(1) of this section.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("9.5(a)(1)", "mandatory"), ("9.5(a)(2)", "permission")]
