"""The failure classes the first runs on four never-seen texts showed (2026-12-05, nineteenth session, round B): the
Whistleblower Directive's Art. 8, 9, 16 and 18 as flat text, the e-Commerce Directive's Art. 5-7, 10 and 11 as an HTML
rendering of a JSON of articles, the Iowa Code's 715D.4-5 as Markdown around a PDF's text and the Fort Worth charter's
Chapters III and XXVIII. A consolidated text's points glued to their lead-in ("following:(a) ...;(b) ...") and its
indents ("apply:— ...,— ...") were one duty; an indent under a numbered paragraph replaced the paragraph; a sentence
after an earlier paragraph's points, where a whole article runs on one line, stayed in the last point; a statute inside
a Markdown code fence was read as one run of sentences; a code section whose chapter carries a letter ("715D.4") opened
no section. In the charter, the title a converted PDF repeats on every page broke a sentence; where power is vested,
the council's composition, quorum, terms of office, pay, the vote a measure needs, forfeiture and finality, and
"Nothing herein shall" were read as duties; what an officer must be ("shall be a resident citizen") was read as none;
an opening condition's "should occur" made a permission a recommendation; an officer "shall be removable at the
will of" the Council was read as bound to something; and sections numbered anew in each chapter
were cited without it ("1.2" for XXVIII-1). One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import duty_clauses
from compgraph.legal.readers import read_document


def test_points_glued_to_their_lead_in_are_points_of_their_own() -> None:
    text = (
        "Article 9\nProcedures\n\n1. The procedures shall include the following:(a) channels for receiving the "
        "reports;(b) acknowledgment of receipt within seven days; or(c) diligent follow-up by the designated person.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["9(1)(a)", "9(1)(b)", "9(1)(c)"]


def test_indents_run_on_after_their_lead_in_are_points_of_their_own() -> None:
    text = (
        "Article 5\nInformation\n\n1. The service provider shall render accessible at least the following "
        "information:(f) as concerns the regulated professions:— any professional body with which the service "
        "provider is registered,— the professional title;(g) the VAT number.\n"
    )
    assert [text.split(": ")[-1] for _, _, text in _duties(text)] == [
        "any professional body with which the service provider is registered,", "the professional title;",
        "(g) the VAT number."]


def test_an_indent_under_a_numbered_paragraph_is_a_point_of_that_paragraph() -> None:
    text = (
        "Article 11\nPlacing of the order\n\n1. Member States shall ensure that the following principles apply:\n"
        "— the service provider has to acknowledge the receipt of the order without undue delay,\n"
        "— the service provider has to confirm the order.\n"
        "2. Member States shall ensure that the service provider makes technical means available.\n"
    )
    assert [ref.split("(")[1] for ref, _, _ in _duties(text)] == ["1)", "1)", "2)"]


def test_a_sentence_after_an_earlier_paragraphs_inline_points_is_the_paragraphs() -> None:
    text = (
        "Article 18\nRecord keeping\n\n2. Entities shall have the right to document the oral reporting in one of the "
        "following ways:(a) by making a recording of the conversation; or(b) through a complete and accurate "
        "transcript of the conversation prepared by the staff. Entities shall offer the reporting person the "
        "opportunity to check the transcript. 3. Entities shall keep minutes of the meeting.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["18(2)(a)", "18(2)(b)", "18(2), sentence 2", "18(3)"]


def test_a_statute_in_a_markdown_code_fence_keeps_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "code.md"
    path.write_text(
        "# Consumer Data Protection Act\n\n```\n  715D.4 Data controller duties.\n  1. A controller shall adopt "
        "reasonable\ndata security practices.\n  2. A controller shall not process sensitive data.\n```\n",
        encoding="utf-8",
    )
    lines = read_document(path).splitlines()
    assert "  1. A controller shall adopt reasonable" in lines
    assert "  2. A controller shall not process sensitive data." in lines


def test_a_code_section_whose_chapter_carries_a_letter_opens_the_section() -> None:
    text = "  715D.4 Data controller duties.\n  1. A controller shall adopt data security practices.\n"
    assert [ref for ref, _, _ in _duties(text)] == ["715D.4(1)"]


def test_a_title_repeated_on_every_page_is_no_heading_inside_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "charter.md"
    path.write_text(
        "Fort Worth - Charter\n\n## § 4 VACANCIES.\n\nIf vacancies should occur within thirty (30) days of the special "
        "election date, the council may set the election\n\n---\n\n# Fort Worth - Charter\n\nfor the next date "
        "following the special election date.\n\n## § 5 MEETINGS.\n\nThe Council shall meet monthly.\n\n---\n\n"
        "Fort Worth - Charter\n",
        encoding="utf-8",
    )
    assert [duty for _, _, duty in _duties(read_document(path))][0] == (
        "If vacancies should occur within thirty (30) days of the special election date, the council may set the "
        "election for the next date following the special election date.")


def test_a_charters_composition_terms_and_pay_are_no_duties() -> None:
    for sentence in (
        "The powers of the city government shall be vested in a body to be known as the City Council.",
        "The City Council shall be composed of nine (9) places.",
        "A quorum shall consist of six (6) members unless there are vacancies.",
        "Their terms of office shall be for a period of two (2) years.",
        "The mayor shall be elected at each biennial election and shall serve for a period of two (2) years.",
        "He shall hold office during the pleasure of the City Council.",
        "Each member of the City Council shall receive as compensation the sum of twenty-five thousand dollars.",
        "Every ordinance shall require on final passage the affirmative vote of a majority of the members.",
        "The action of the City Council in removing the auditor shall be final.",
    ):
        assert duty_clauses(sentence) == [], sentence


def test_nothing_herein_is_a_saving_clause() -> None:
    assert duty_clauses("Nothing herein shall prohibit a council member from waiving the right to compensation.") == []


def test_what_an_office_holder_must_be_is_a_duty() -> None:
    assert [m for m, _ in duty_clauses(
        "During his term of office, the city secretary shall be a resident citizen of the City of Fort Worth.")] == [
        "mandatory"]
    assert [m for m, _ in duty_clauses(
        "The city internal auditor must be a person knowledgeable in municipal accounting and auditing.")] == [
        "mandatory"]


def test_the_modal_verb_of_an_opening_condition_is_not_the_clauses_modality() -> None:
    assert [m for m, _ in duty_clauses(
        "If vacancies should occur within thirty (30) days of the special election date, the council may set the "
        "election for the next date.")] == ["permission"]
    assert [m for m, _ in duty_clauses(
        "When a vacancy shall occur less than ninety (90) days prior to the general election, a majority of the "
        "remaining council members may appoint a qualified person.")] == ["permission"]


def test_sections_numbered_anew_in_each_chapter_are_cited_with_their_chapter() -> None:
    text = (
        "# CHAPTER III: THE CITY COUNCIL\n\n## § 1 MEETINGS.\n\nThe Council shall meet monthly.\n\n"
        "## § 2 RULES.\n\nThe Council shall adopt rules.\n\n"
        "# CHAPTER XXVIII: DEPARTMENT OF INTERNAL AUDIT\n\n## § 1 ESTABLISHED.\n\n"
        "The City Council shall by ordinance provide for the duties of the department.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["III-1", "III-2", "XXVIII-1"]


def test_an_officer_removable_at_a_bodys_will_is_its_permission() -> None:
    assert [m for m, _ in duty_clauses(
        "The city internal auditor shall be removable at the will and pleasure of the City Council by a vote of not "
        "less than a majority of the entire council.")] == ["permission"]
