"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-fifth session, round 45a):
the AI Act's Articles 33 to 36 (notified bodies: subcontracting, operational obligations, identification numbers,
changes to notifications) as the OJ page's markup, and Massachusetts G.L. c. 93H §§ 1 to 6 (security breaches) as a
repository's plain text.

"The certificates ... may remain valid for a period of nine months" was a permission; "that authority shall take the
appropriate measures" after a point's semicolon, and the cap "which shall not exceed 12 months in total" after a
leave to extend, were no rows of their own; a party's duty inside an item of a lead-in that binds no one (a scope, a
validity's circumstances) was lost with the item; a proviso "that if ... laws, rules, regulations, guidance or
guidelines, then it shall be subject to ..." was not cut off, so the rule of reference took the duty before it with
it; "such disclosure shall not require the disclosure of ... trade secrets" was a prohibition; and a power to revise a
term "as used in this chapter, to reflect ..." was read as a definition. One behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties


def test_how_long_a_thing_may_remain_valid_is_no_leave() -> None:
    text = ("Article 36\n\n3. Where a notified body decides to cease its activities, it shall inform the notifying "
            "authority as soon as possible. The certificates of the notified body may remain valid for a period of "
            "nine months after cessation of its activities, on condition that another body assumes them.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["mandatory"]


def test_what_a_required_disclosure_does_not_entail_is_no_prohibition() -> None:
    text = ("Section 4. The person or agency shall cooperate with law enforcement in its investigation, which shall "
            "include the sharing of information relevant to the incident; provided however, that such disclosure "
            "shall not require the disclosure of confidential business information or trade secrets.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["mandatory"]
