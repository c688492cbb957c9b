"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-third session, round 40b):
Hawaii's mortgage servicer duties (HRS § 454M-5) as a site's Hugo Markdown page, and the City of Oakland's charter
section 1105 (ranked choice voting) as a hard-wrapped text copy of the Municode page.

A section's whole opening rule ("Elections ... shall be conducted using ranked choice voting, ...".") was read as the
lead-in of every subsection after it; a bold section number and catchline run into subsection (a) ("**§454M-5 ...**
(a) ...") was no heading, so no row cited the section and (a) led in to the rest; "has a duty of good faith" bound no
one; "shall only be liable for" was a duty; so was "The use of ... shall commence with the 2008 ... Election"; "shall
further have the authority to" was a duty, not a power; a point's "may, at its option," and "may only ... if" under a
"shall comply with the following requirements:" lead-in were duties; and a duty followed by "; provided that ... is
not required to ..." was dropped whole. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def test_a_whole_opening_rule_leads_in_to_no_subsection_that_binds_by_its_own_verb() -> None:
    text = ('Section 1105. Ranked Choice Voting. Elections for all city offices shall be conducted using ranked '
            'choice voting, known sometimes as "instant runoff voting."\n\n'
            "(b) General Provisions. The City shall conduct a voter education campaign.\n\n"
            "(c) Ballot. The ballot shall allow voters to rank as many choices as there are candidates.\n\n"
            "(d) Ties. In the event of a tie, the candidate to eliminate shall be chosen by lot.\n\n"
            "(e) Elimination. During the elimination stage of any round. all the candidates with fewer votes shall be "
            "eliminated simultaneously.\n")
    rows = _duties(text)
    assert [ref.split(",")[0] for ref, _, _ in rows] == ["1105", "1105(b)", "1105(c)", "1105(d)", "1105(e)"]
    assert all("Elections for all city offices" not in row for _, _, row in rows[1:])


def test_a_bold_section_number_and_catchline_run_into_subsection_a_is_the_sections_heading(tmp_path: Path) -> None:
    page = tmp_path / "section.md"
    page.write_text("---\ntitle: Duties of a servicer\n---\n**§454M-5 Additional duties of a servicer; good faith** "
                    "**and fair dealing; records.** (a) A servicer shall act in good faith.\n\n"
                    "(b) A servicer shall keep records for seven years.\n\n"
                    "(c) Where this chapter requires a person to comply, the required compliance applies to any "
                    "person.\n", encoding="utf-8")
    rows = _duties(read_document(page))
    assert [(ref, text) for ref, _, text in rows] == [
        ("454M-5(a)", "A servicer shall act in good faith."),
        ("454M-5(b)", "A servicer shall keep records for seven years.")]


def test_has_a_duty_of_binds() -> None:
    text = ("Section 1. A mortgage servicer licensed under this chapter, has a duty of good faith and fair dealing in "
            "its communications with each borrower.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["mandatory"]


def test_shall_only_be_liable_for_is_a_liability_not_a_duty() -> None:
    text = ("Section 2. (a) Attorneys' fees shall not exceed reasonable and customary fees. If a foreclosure action is "
            "terminated prior to the public sale, the borrower shall only be liable for reasonable and customary "
            "fees for work actually performed.\n")
    rows = _duties(text)
    assert [modality for _, modality, _ in rows] == ["prohibition"]


def test_the_use_of_a_rule_commencing_with_an_election_is_a_commencement() -> None:
    text = ("Section 3. (b) The City shall conduct a voter education campaign. The use of ranked choice voting "
            "shall commence with the 2008 General Municipal Election.\n")
    rows = _duties(text)
    assert len(rows) == 1 and "commence" not in rows[0][2]


def test_shall_further_have_the_authority_to_is_a_power() -> None:
    text = ("Section 4. (a) The City Clerk shall further have the authority to make any changes to these procedures "
            "necessary to preserve the secrecy of the ballot.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["permission"]


def test_a_points_leave_at_the_partys_option_or_only_in_a_case_is_a_permission_under_a_shall_lead_in() -> None:
    text = ("Section 5. (h) A mortgage servicer shall comply with the following requirements concerning inquiries:\n"
            "(1) A mortgage servicer shall establish a system to respond to borrower inquiries; and\n"
            "(2) In addition to the information required, a mortgage servicer may, at its option, provide any other "
            "information that would be helpful to a borrower.\n"
            "(3) A mortgage servicer may only collect a fee if the fee is for services actually rendered.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["mandatory", "permission", "permission"]


def test_a_duty_before_a_proviso_that_excuses_is_kept_and_the_excuse_left_out() -> None:
    text = ("Section 6. (f) A mortgage servicer shall send a payment reminder notice to a borrower no later than "
            "seventeen days after the payment becomes due; provided that a mortgage servicer is not required to send "
            "a separate payment reminder notice for each consecutive month.\n")
    rows = _duties(text)
    assert [modality for _, modality, _ in rows] == ["mandatory"]
    assert "not required" not in rows[0][2]
