"""The failure classes the first runs on three never-seen US Code sections showed (2026-12-06, twenty-eighth session,
round 31b): 42 U.S.C. 17932, 17935(a)-(e) and 17937 (the HITECH Act's breach notification, restrictions and vendor
notification), as a repository splits the Code into Markdown chunks, one per subsection.

Each chunk repeats the title, chapter and section headings, so every subsection opened a section of the same number
anew ("17932.2(b)"); the Code's catchlines stand alone on a line ("(2) Burden of proof") and took the paragraph's label
with them when read as titles; its lead-ins lost their em dash ("In promulgating such regulations, the Secretary" over
"(A) shall evaluate ..."); and an allocation of the burden of proof and a deemed compliance were read as duties. One
behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

_HEAD = ("\n# Title 42— THE PUBLIC HEALTH AND WELFARE\n### CHAPTER 156— HEALTH INFORMATION TECHNOLOGY\n"
         "#### § 17932. Notification in the case of breach\n")


def test_a_section_heading_repeated_above_each_subsection_keeps_the_section() -> None:
    text = (_HEAD + "##### (a) In general\n\nA covered entity shall notify each individual of such breach.\n"
            + _HEAD + "##### (b) Notification of covered entity by business associate\n\n"
            "A business associate shall notify the covered entity of such breach.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["17932(a)", "17932(b)"]



def test_a_section_heading_printed_twice_over_nothing_is_cited_by_its_number_alone() -> None:
    heading = "#### § 17932. Notification in the case of breach\n\n"
    text = heading + heading + "(a) A covered entity shall notify each individual of such breach.\n"
    assert [ref for ref, _, _ in _duties(text)] == ["17932(a)"]

def test_the_text_under_a_catchline_alone_on_its_labelled_line_is_that_paragraphs() -> None:
    text = (_HEAD + "##### (e) Methods of notice\n\n(3) Notice to Secretary\n\n"
            "Notice shall be provided to the Secretary.\n\n(4) Posting on HHS public website\n\n"
            "The Secretary shall make available to the public a list.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["17932(e)(3)", "17932(e)(4)"]


def test_who_has_the_burden_of_demonstrating_compliance_binds_no_one() -> None:
    text = (_HEAD + "##### (d) Timeliness of notification\n\n(2) Burden of proof\n\nThe covered entity involved shall "
            "have the burden of demonstrating that all notifications were made as required under this part.\n")
    assert _duties(text) == []


def test_a_party_treated_as_being_in_compliance_is_a_deeming() -> None:
    text = (_HEAD + "##### (b) Minimum necessary\n\nA covered entity shall be treated as being in compliance with "
            "section 164.502(b)(1) only if the covered entity limits such information to the limited data set.\n")
    assert _duties(text) == []


def test_a_point_that_is_a_case_then_its_own_party_and_may_is_a_permission_under_a_passive_lead_in() -> None:
    text = (_HEAD + "##### (e) Methods of notice\n\n(1) Individual notice\n\n"
            "Notice required under this section shall be provided promptly and in the following form:\n\n"
            "(A) Written notification by first-class mail to the individual.\n\n"
            "(C) In any case deemed by the covered entity involved to require urgency, the covered entity, "
            "in addition to notice provided under subparagraph (A), may provide information to individuals "
            "by telephone.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("17932(e)(1)(A)", "mandatory"),
                                                                      ("17932(e)(1)(C)", "permission")]


def test_a_footnote_number_after_a_cited_sections_full_stop_ends_the_sentence() -> None:
    text = (_HEAD + "##### (c) Accounting\n\n(2) Regulations\n\nThe Secretary shall promulgate regulations on such "
            "disclosures, as added by section 13101. 2 Such regulations shall only require such information to be "
            "collected through an electronic health record.\n")
    rows = _duties(text)
    assert len(rows) == 2
    assert rows[1][2].startswith("Such regulations shall only require")
