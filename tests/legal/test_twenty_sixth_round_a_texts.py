"""The failure classes the first runs on three never-seen US municipal ordinances showed (2026-12-06, twenty-fourth
session, round 26a): Somerville's Code 10-61 to 10-64 (surveillance technology, Markdown list items), Kansas City's
Code 2-2130 to 2-2135 (open data, Markdown) and Pittsburgh's Code ch. 162 (open data, HTML paragraphs).

An ordinance's title without a full stop and its recitals, each ending "; and", were read as one paragraph that runs
on, so the recitals' second sentences ("Online government interactions mean ...") were taken as duties; the lead-in
"the terms below shall have the following definitions:" made each definition a duty; a statement of policy ("It is
the policy of the City ... that public data will be made open ...") and what terms of use do not give ("These Terms
of Use do not grant anyone any title or right ...") were taken as duties. One behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

_TITLE = ("Ordinance supplementing the Code of Ordinances, Title I, Administrative, by adding a new Chapter, "
          "\u201cChapter 9: Open Data Sets\u201d")


def test_a_recital_after_a_paragraph_ending_and_is_a_paragraph_of_its_own() -> None:
    text = (f"Ord. No. 8-2014\n\n{_TITLE}\n\n"
            "WHEREAS, every citizen has the right to prompt service from the City; and\n\n"
            "WHEREAS, it should be easy to do business with the City. Online interactions mean more convenient "
            "services for citizens; and\n\nWHEREAS, the City will consider public information to be open by "
            "default and will proactively publish data.\n")
    assert _duties(text) == []


def test_the_points_of_a_shall_have_the_following_definitions_lead_in_are_no_duties() -> None:
    text = ("As used in this legislation, the terms below shall have the following definitions:\n\n"
            "(a) \u201cOpen Format\u201d is any widely accepted, nonproprietary method for formatting data.\n\n"
            "(b) \u201cDepartment\u201d means any City department, office or board.\n")
    assert _duties(text) == []


def test_a_statement_of_policy_binds_no_one() -> None:
    text = ("## Section 2-2130. Open data policy declared.\n\nIt is the policy of the City of Kansas City, Missouri "
            "that public data will be made open and freely available to all online in a machine-readable, open "
            "format.\n\n## Section 2-2131. Portal.\n\nThe City shall maintain the Open Data Portal.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["2-2131"]


def test_terms_of_use_that_do_not_grant_anyone_a_right_bind_no_one() -> None:
    text = ("These Terms of Use do not grant anyone any title or right to any patent, copyright, trademark or other "
            "intellectual property rights that the City may have in any of the information.\n")
    assert _duties(text) == []
