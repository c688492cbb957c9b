"""The statute import's duty extraction, one behaviour at a time: each test pins a rule a legal reviewer relies
on that the seed-3 sampled mutation run of ``statute`` (statute.py, provisions.py, clauses.py) found unchecked
(docs/mutation-survivors.md, "the statute import", seed 3). Each fixture is a few lines of statute text read
through the public import functions, so the tests hold whatever the parser's internals become."""

from __future__ import annotations

import textwrap

from dutyrows import duty_rows as _duties

from compgraph.legal.extract import extract_obligations
from compgraph.legal.provisions import statute_duties


def test_a_duty_coordinated_after_a_clause_without_a_modal_verb_of_its_own_is_still_read() -> None:
    text = ("Article 5\nRecords\n\n1. The deployer shall keep the logs for six months, but longer where it may be "
            "needed, and shall not delete them.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("5(1)", "mandatory"), ("5(1)", "prohibition")]


def test_a_single_duty_keeps_the_qualifying_clause_that_follows_it_in_its_text() -> None:
    text = ("Article 5\nRecords\n\n1. The deployer shall keep the logs for six months, but longer where it may be "
            "needed.\n")
    assert [d.text for d in statute_duties(text)] == [
        "The deployer shall keep the logs for six months, but longer where it may be needed."]


def test_a_point_cut_before_its_own_prohibition_keeps_the_whole_annex_number_it_cites() -> None:
    text = ("Article 3\nObligations\n\n1. Providers shall submit:\n"
            "(a) the documentation listed in Annex IX, but shall not disclose trade secrets;\n(b) the logs.\n")
    assert _duties(text)[0] == (
        "3(1)(a)", "mandatory", "Providers shall submit: (a) the documentation listed in Annex IX")


def test_a_point_is_quoted_as_written_with_its_closing_comma() -> None:
    text = "Article 3\nObligations\n\n1. Providers shall submit:\n(a) the logs,\n(b) the records.\n"
    assert [d.text for d in statute_duties(text)] == [
        "Providers shall submit: (a) the logs,", "Providers shall submit: (b) the records."]


def test_a_duty_stated_before_a_lead_in_keeps_the_whole_annex_number_it_cites() -> None:
    text = ("Article 3\nObligations\n\n1. Providers shall comply with Annex IX, and shall ensure the following:\n"
            "(a) the logs are kept;\n(b) the records are kept.\n")
    assert _duties(text)[0] == ("3(1)", "mandatory", "Providers shall comply with Annex IX")


def test_points_take_the_modality_of_the_lead_in_s_last_clause_not_of_an_earlier_prohibition() -> None:
    text = ("Article 3\nObligations\n\n1. Providers shall register the system and shall not sell the logs, and shall "
            "report the following:\n(a) the incidents;\n(b) the measures taken.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("3(1)", "mandatory"), ("3(1)", "prohibition"), ("3(1)(a)", "mandatory"), ("3(1)(b)", "mandatory")]


def test_a_duty_opening_with_a_condition_takes_its_topic_from_its_whole_main_clause() -> None:
    # The main clause runs from the comma before "shall" to the end; the words after its own later comma
    # ("within 15 days") name no topic, so the article's title would decide if they were taken alone.
    text = ("Article 5\nRecords\n\n1. Where personal data are processed, the provider shall report the incident to "
            "the authority, within 15 days.\n")
    assert [(o.id, o.topic) for o in extract_obligations(text, "T", kind="regulation")] == [("T-5-1", "reporting")]


def test_a_markdown_heading_with_a_bare_section_number_opens_that_section() -> None:
    text = "#### 1107. Disclosures\n\nA developer shall disclose the system.\n"
    assert [(d.ref, d.section_title) for d in statute_duties(text)] == [("1107", "Disclosures")]


def test_an_upper_case_roman_subclause_under_a_lower_case_roman_clause_nests_below_it() -> None:
    # The United States Code's hierarchy: (a) subsection, (i) clause, (I) subclause.
    text = ("Sec. 5. Duties\n(a) The provider shall keep:\n(i) the logs, including:\n(I) the inputs; and\n"
            "(II) the outputs; and\n(ii) the records.\n")
    assert [d.ref for d in statute_duties(text)] == ["5(a)(i)(I)", "5(a)(i)(II)", "5(a)(ii)"]


def test_a_catchline_between_the_paragraphs_of_a_titled_article_does_not_retitle_it() -> None:
    text = "Article 1\nScope\n\n1. Providers shall register.\nReasonable care\n2. Deployers shall inform users.\n"
    assert [(d.ref, d.section_title) for d in statute_duties(text)] == [("1(1)", "Scope"), ("1(2)", "Scope")]


def test_an_article_cited_at_the_start_of_a_wrapped_line_stays_in_the_duty_and_opens_no_article() -> None:
    text = ("Article 4\nScope\n\n1. Providers shall keep the logs referred to in the provisions laid down in the\n"
            "Article 71.\n2. Deployers shall inform users.\n")
    assert _duties(text) == [
        ("4(1)", "mandatory",
         "Providers shall keep the logs referred to in the provisions laid down in the Article 71."),
        ("4(2)", "mandatory", "Deployers shall inform users.")]


def test_a_section_whose_sentence_runs_on_from_its_number_has_no_title() -> None:
    text = "SECTION 3. The Director shall report to the Governor on the use of the system.\n"
    assert [(d.ref, d.section_title) for d in statute_duties(text)] == [("3", "")]


def test_a_text_hard_wrapped_at_120_columns_carries_its_inline_points_across_lines() -> None:
    # A PDF's lines run to about 90-120 characters: a text broken at column 120 is hard-wrapped, so point (2),
    # which a line break put after the first line's "(1)", goes on with that run and is a point of its own.
    records = "The deployer shall keep the logs that the system generates for the period set out in the act. " * 22
    report = ("The provider shall report to the authority every quarter on the operation of the system, including: "
              "(1) the incidents that the system caused or that the deployers reported to the provider in that "
              "quarter; (2) the measures taken to correct them.")
    records_lines, report_lines = textwrap.wrap(records, width=120), textwrap.wrap(report, width=120)
    assert max(len(line) for line in records_lines + report_lines) == 120 and report_lines[1].count("(2)") == 1
    text = ("Section 4. Records\n\n" + "\n".join(records_lines) + "\n\nSection 5. Reports\n\n"
            + "\n".join(report_lines) + "\n")
    assert [d.ref for d in statute_duties(text) if d.section == "5"] == ["5(1)", "5(2)"]
