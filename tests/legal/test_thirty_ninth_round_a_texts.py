"""The failure classes the first runs on two never-seen texts of the Pay Transparency Directive (EU) 2023/970 showed
(2026-12-07, thirty-third session, round 39a): Articles 4 to 8 as a repository's Markdown of the EUR-Lex page, and
Articles 9 to 13 as a PDF that headless Chromium printed from that Markdown rendered to HTML.

In the PDF the points stayed one-row pipe tables ("| (a) | the gender pay gap; | | --- | --- |"), so no lead-in had
points; a duty "where all the following conditions are met:" (10(1)) would then have given a row per condition, the
facts that trigger it; "Member States may decide that, where ..., only the workers' representatives ... shall have
access to that information" (12(3)) was dropped whole, what is decided read as the clause's own entitlement; and
rights held against a party named between commas ("the right to receive, from the prospective employer,
information") or asked ("the right to ask employers for") were read as permissions. One behaviour each."""

from __future__ import annotations

from pathlib import Path

import pytest
from dutyrows import duty_rows as _duties

from compgraph.legal import readers
from compgraph.legal.provisions import statute_duties

_PRINTED = (
    "Article 9\n"
    "1. Member States shall ensure that employers provide the following information concerning their\n"
    "organisation, in accordance with this Article:\n"
    "| (a) | the gender pay gap; | | --- | --- |\n"
    "| (b) | the median gender pay gap; | | --- | --- |\n"
    "| (c) | the gender pay gap between workers by categories of workers broken down by ordinary basic wage or\n"
    "salary and complementary or variable components. | | --- | --- |\n"
    "2. Employers shall provide the information to the labour inspectorate upon request.\n"
)


def test_a_printed_point_table_in_a_pdf_is_a_point(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    class _Page:
        def extract_text(self) -> str:
            return _PRINTED

    class _Reader:
        is_encrypted = False
        pages = [_Page()]

        def __init__(self, *_: object, **__: object) -> None:
            pass

    monkeypatch.setattr("pypdf.PdfReader", _Reader)
    pdf = tmp_path / "print.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    rows = [(d.ref, d.modality) for d in statute_duties(readers.read_document(pdf))]
    assert rows == [("9(1)(a)", "mandatory"), ("9(1)(b)", "mandatory"), ("9(1)(c)", "mandatory"),
                    ("9(2)", "mandatory")]


def test_the_conditions_that_trigger_a_duty_are_no_duties() -> None:
    rows = _duties(
        "Article 10\n\n1. Member States shall take appropriate measures to ensure that employers conduct a joint pay "
        "assessment where all the following conditions are met:\n\n(a) the pay reporting demonstrates a difference "
        "of at least 5 %;\n\n(b) the employer has not justified such a difference;\n\n(c) the employer has not "
        "remedied such a difference within six months.\n\n2. Employers shall make the joint pay assessment "
        "available to workers.\n")
    assert [(ref, modality) for ref, modality, _ in rows] == [("10(1)", "mandatory"), ("10(2)", "mandatory")]
    assert rows[0][2].startswith("Member States shall take appropriate measures")
    # A leave granted only where all the conditions are met still binds each condition (the AI Act's 60(4)).
    leave = _duties("Article 60\n\n4. Providers may conduct the testing only where all of the following conditions "
                    "are met:\n\n(a) the provider has drawn up a plan;\n\n(b) the provider has registered it.\n")
    assert [(ref, modality) for ref, modality, _ in leave] == [
        ("60(4)", "permission"), ("60(4)(a)", "mandatory"), ("60(4)(b)", "mandatory")]


def test_what_a_body_may_decide_after_an_opening_condition_is_its_leave() -> None:
    rows = _duties(
        "Article 12\n\n3. Member States may decide that, where the disclosure of information pursuant to Articles 7, "
        "9 and 10 would lead to the disclosure, either directly or indirectly, of the pay of an identifiable worker, "
        "only the workers’ representatives or the equality body shall have access to that information.\n")
    assert [(ref, modality) for ref, modality, _ in rows] == [("12(3)", "permission")]
    # An entitlement of one's own stays none ("the Auditor shall have access at all times to the records").
    assert _duties("9. The Auditor shall have access at all times to the financial records of all agencies.\n") == []


def test_a_right_held_against_a_party_named_between_commas_or_asked_is_its_duty() -> None:
    rows = _duties(
        "Article 5\n\n1. Applicants for employment shall have the right to receive, from the prospective employer, "
        "information about the initial pay.\n\n"
        "2. Workers shall have the right to ask employers for additional clarifications regarding the data.\n")
    assert [(ref, modality) for ref, modality, _ in rows] == [("5(1)", "mandatory"), ("5(2)", "mandatory")]
    # A right held against no one named stays a leave (the ePrivacy Directive's "the right to receive non-itemised
    # bills").
    assert _duties("Article 7\n\n1. Subscribers shall have the right to receive non-itemised bills.\n")[0][1] \
        == "permission"
