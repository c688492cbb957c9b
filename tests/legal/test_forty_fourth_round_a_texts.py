"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-fourth session, round 44a):
the Digital Services Act (EU) 2022/2065's Articles 20 and 22 as a PDF printed by headless Chromium from the OJ page's
markup, and Hawaii's HRS §§ 514B-153 and 514B-154 (condominium association records) as a repository's Markdown.

A sentence saying when a period starts ("The period ... shall start on the day on which ...") was a duty (only a
point's period bounds were read as none); a condition "indicating that the complainant's conduct does not warrant the
measure taken" was read as a disclaimer ("The city does not warrant ...") and the whole duty after it was lost; a
lead-in "to an applicant that has demonstrated that it meets all of the following conditions:" had its conditions
split off as duties; so had "an affidavit stating that the list:" its affidavit's contents; "the association shall
only be required to maintain ..." (a limitation) and "Costs ... shall be subject to section 514B-105(d)." (a bare
cross-reference) were duties. One behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties


def test_a_sentence_saying_when_a_period_starts_binds_no_one() -> None:
    text = ("Article 20\n\n1. Providers shall give access to a complaint system for six months.\n\n"
            "2. The period of at least six months referred to in paragraph 1 of this Article shall start on the day on "
            "which the recipient is informed about the decision.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["20(1)"]


def test_a_condition_that_conduct_does_not_warrant_a_measure_is_no_disclaimer() -> None:
    text = ("Article 20\n\n4. Providers shall handle complaints diligently. Where a complaint contains information "
            "indicating that the complainant's conduct does not warrant the measure taken, it shall reverse its "
            "decision without undue delay.\n")
    rows = _duties(text)
    assert len(rows) == 2 and "shall reverse its decision" in rows[1][2]


def test_conditions_an_applicant_has_demonstrated_it_meets_are_no_duties() -> None:
    text = ("Article 22\n\n2. The status shall be awarded by the coordinator to an applicant that has demonstrated "
            "that it meets all of the following conditions:\n\n(a) it has particular expertise;\n\n"
            "(b) it is independent from any provider.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [("22(2)", "mandatory")]


def test_what_an_affidavit_states_is_no_duty() -> None:
    text = ("Section 3. (e) A copy of the list shall be available to any member who furnishes to the board an "
            "affidavit stating that the list:\n\n(1) Will be used by the owner personally; and\n\n"
            "(2) Shall not be used by the owner for any other purpose.\n")
    rows = _duties(text)
    assert [modality for _, modality, _ in rows] == ["mandatory"]
    assert rows[0][2].rstrip().endswith("stating that the list:")


def test_what_a_party_is_only_required_to_do_is_a_limitation() -> None:
    text = ("Section 3. The board shall keep a list of members and their addresses. Where units are subject to a time "
            "share plan, the association shall only be required to maintain the name of the time share "
            "association.\n")
    assert len(_duties(text)) == 1


def test_a_sentence_that_only_sends_to_another_section_binds_no_one() -> None:
    text = ("Section 4. The financial statement shall be provided to any owner at no cost. Costs incurred by owners "
            "pursuant to this subsection shall be subject to section 514B-105(d).\n")
    assert len(_duties(text)) == 1
