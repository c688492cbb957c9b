"""Two of the failure classes the first runs on two never-seen US federal regulations showed (2026-12-06,
twenty-sixth session, round 29b): the HIPAA Breach Notification Rule's 45 CFR 164.404 and 164.410, each a company
site's Markdown of the section.

Both runs took "a breach shall be treated as discovered by a covered entity as of the first day on which ..." (a
legal fiction of time) as a duty, and the 164.404 run joined "out-of- date" (a three-word compound broken after its
second hyphen) to "out-ofdate". The round's third fix (a sentence-case catchline over a point's own sentence) broke
a round-21 list test and was left out when these two were applied again (twenty-seventh session). One behaviour
each."""

from __future__ import annotations

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
