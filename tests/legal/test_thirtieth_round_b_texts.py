"""The failure classes the first runs on two never-seen sections of the HIPAA Privacy Rule showed (2026-12-06,
twenty-seventh session, round 30b): 45 CFR 164.526 (amendment) and 164.530 (administrative requirements), as a
company site's Markdown with blockquotes for the paragraph levels (tests/fixtures/regulations-heldout/SOURCES.md).

The Privacy Rule says "must" and heads its paragraphs with "Standard: ..." catchlines. A sentence that only points
to the paragraphs below ("must comply with the following requirements.") was read as a duty; a condition's "the date
by which the covered entity will complete" made the condition a duty; the first verb of "must use plain language and
contain:" was lost in the lead-in; and "is bound by the privacy practices", a duty with no modal verb, was missed.
One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def _markdown(tmp_path: Path, text: str) -> str:
    path = tmp_path / "rule.md"
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def test_a_sentence_pointing_to_the_following_requirements_is_no_duty(tmp_path: Path) -> None:
    text = ("(c) Implementation specifications: Accepting the amendment. If the covered entity accepts the requested "
            "amendment, in whole or in part, the covered entity must comply with the following requirements.\n\n"
            "> (1) Making the amendment. The covered entity must make the appropriate amendment to the record.\n\n"
            "> (2) Informing the individual. The covered entity must timely inform the individual that the "
            "amendment is accepted.\n")
    rows = _duties(_markdown(tmp_path, text))
    assert [ref for ref, _, _ in rows] == ["(c)(1), sentence 2", "(c)(2), sentence 2"]
    assert not any("following requirements" in t for _, _, t in rows)


def test_a_will_in_a_relative_clause_after_a_preposition_makes_no_condition_a_duty(tmp_path: Path) -> None:
    text = ("> > (ii) If the covered entity is unable to act on the amendment within the time required, the covered "
            "entity may extend the time for such action by no more than 30 days, provided that:\n\n"
            "> > > (A) The covered entity, within the time limit, provides the individual with a written statement of "
            "the reasons for the delay and the date by which the covered entity will complete its action on the "
            "request; and\n\n"
            "> > > (B) The covered entity may have only one such extension of time for action on a request.\n")
    rows = _duties(_markdown(tmp_path, text))
    assert [(ref, modality) for ref, modality, _ in rows] == [("(ii)", "permission"), ("(ii)(B)", "permission")]


def test_the_verb_before_a_lead_ins_last_verb_is_a_duty_of_its_own(tmp_path: Path) -> None:
    text = ("> (1) Denial. The covered entity must provide the individual with a timely, written denial. The denial "
            "must use plain language and contain:\n\n"
            "> > (i) The basis for the denial;\n\n"
            "> > (ii) A description of how the individual may complain to the covered entity.\n")
    rows = _duties(_markdown(tmp_path, text))
    assert ("(1), sentence 3", "mandatory", "The denial must use plain language") in rows
    assert [t for _, _, t in rows if "(i)" in t] == ["The denial must use plain language and contain: (i) The basis "
                                                     "for the denial;"]


def test_is_bound_by_binds_as_shall_be_bound_by_does(tmp_path: Path) -> None:
    text = ("> (4) If a covered entity has not reserved its right to change a privacy practice that is stated in the "
            "notice, the covered entity is bound by the privacy practices as stated in the notice.\n")
    rows = _duties(_markdown(tmp_path, text))
    assert [(modality, t.split(", the covered")[1][:20]) for _, modality, t in rows] == [
        ("mandatory", " entity is bound by ")]
