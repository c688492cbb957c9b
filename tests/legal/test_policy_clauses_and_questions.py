"""A policy's own numbering and headings, as organisations write them in plain text and Markdown: clauses "1.1 Staff
shall ..." under a numbered heading "1. Purpose" are cited by their clause number (an auditor cites "clause 1.1",
not "section 1, sentence 2"), and a heading that asks a question ("Who Should Use This Document?") is neither a duty
nor lost as a heading. One behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

POLICY = """Acceptable Use Policy

1. Purpose

1.1 Staff shall use approved tools only.

1.2 Managers must review access each quarter.

2. Scope

2.1 Contractors shall sign the policy.
"""


def test_a_clause_numbered_under_its_heading_is_cited_by_its_clause_number() -> None:
    assert [(ref, text) for ref, _, text in _duties(POLICY)] == [
        ("1.1", "Staff shall use approved tools only."),
        ("1.2", "Managers must review access each quarter."),
        ("2.1", "Contractors shall sign the policy."),
    ]


def test_a_clause_number_of_another_section_is_no_clause_of_this_one() -> None:
    # "3.1" under section 2 is no clause of it: the number stays in the text, as before.
    rows = _duties("1. Purpose\n\n2. Scope\n\n3.1 Contractors shall sign the policy.\n")
    assert rows[0][0] != "2.1" and not rows[0][0].startswith("3.1")


def test_a_question_is_no_duty() -> None:
    rows = _duties("1. Purpose\n\nWho Should Use This Document?\n\nAll staff should read it.\n")
    assert [(modality, text) for _, modality, text in rows] == [("recommended", "All staff should read it.")]


def test_a_markdown_heading_that_asks_a_question_is_still_a_heading() -> None:
    text = ("# Policy\n\n## 1. Purpose\n\n1.1 Staff shall use approved tools only.\n\n"
            "## 2. Who Should Use This Document?\n\n2.1 Contractors shall sign the policy.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["1.1", "2.1"]


def test_a_point_asked_after_a_lead_in_keeps_the_lead_ins_duty() -> None:
    rows = _duties("Section 1. Review.\n\nThe reviewer shall consider: (a) Is the data accurate?\n")
    assert [modality for _, modality, _ in rows] == ["mandatory"]
