"""Two of the failure classes the first runs on two never-seen US federal regulations showed (2026-12-06,
twenty-sixth session, round 29b): the HIPAA Breach Notification Rule's 45 CFR 164.404 and 164.410, each a company
site's Markdown of the section.

Both runs took "a breach shall be treated as discovered by a covered entity as of the first day on which ..." (a
legal fiction of time) as a duty, and the 164.404 run joined "out-of- date" (a three-word compound broken after its
second hyphen) to "out-ofdate", and carried the lead-in "shall be provided in the following form:" onto a point that
opens with a sentence-case catchline over a sentence bound by its own verb ("(2) Substitute notice. In the case ...,
a substitute form of notice ... shall be provided."), making the catchline a row of its own. The round's catchline
fix broke a round-21 list test (a sentence-case catchline before the point's own lead-in is what the parent lists)
and was made narrower in the twenty-seventh session. One behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

from compgraph.legal.nonduty import NON_DUTY
from compgraph.legal.statute import repair_typography


def test_when_an_event_is_treated_as_having_happened_is_a_deeming_not_a_duty() -> None:
    assert NON_DUTY.search("For purposes of paragraph (a)(1) of this section, a breach shall be treated as discovered "
                           "by a covered entity as of the first day on which such breach is known to the covered "
                           "entity.")
    assert NON_DUTY.search("the notice shall be treated as received on the date of mailing")
    assert not NON_DUTY.search("A covered entity shall notify each individual of such breach.")
    assert not NON_DUTY.search("Data protection assessments shall be treated as confidential by the controller.")


def test_a_compound_broken_after_its_second_hyphen_keeps_that_hyphen() -> None:
    text = ("Where contact information is out-of-date, notice is due. Where there is insufficient or out-of- date "
            "contact information, substitute notice shall be provided.")
    assert "out-of-date contact" in repair_typography(text)
    assert "out-ofdate" not in repair_typography(text)


def test_a_sentence_case_catchline_over_a_point_with_its_own_sentence_is_no_row_of_the_lead_in() -> None:
    text = ("(d) Methods of individual notification. The notification required by paragraph (a) of this section "
            "shall be provided in the following form:\n"
            "(1) Written notice.\n"
            "(i) Written notification by first-class mail to the individual at the last known address.\n"
            "(2) Substitute notice. In the case in which there is insufficient contact information, a substitute "
            "form of notice reasonably calculated to reach the individual shall be provided.\n"
            "(i) In the case in which there is insufficient contact information for fewer than 10 individuals, "
            "then such substitute notice may be provided by telephone.\n")
    rows = _duties(text)
    assert not any(row_text.rstrip().endswith("Substitute notice.") for _, _, row_text in rows)
    assert any(ref == "(d)(2)" and "a substitute form of notice" in row_text for ref, _, row_text in rows)
