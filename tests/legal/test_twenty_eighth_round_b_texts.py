"""The failure classes the first runs on two never-seen US state consumer-data statutes showed (2026-12-06,
twenty-sixth session, round 28b): Washington's My Health My Data Act (HB 1155) as wa-law.org's HTML page and the
Colorado Privacy Act (SB 21-190, C.R.S. 6-1-1305, 1308, 1309) as a Markdown conversion of the enrolled bill.

The Washington run read the items of ``<ol type="a">`` and ``<ol type="i">`` lists as digits (every paragraph a
subsection, a lead-in's points more sentences), left the converter's "[Empty]" subsections and its code block of
counters as they were, took a short title, six "A small business must comply with this section beginning June 30,
2024." lines, an exception and a limit inside their duties, made "may be delayed ... and such delay may not exceed"
one prohibition, a "may not ... except:" list's exceptions rows, and a "statement that ... may not be conditioned"
point a prohibition. The Colorado run lost "(a)" after a subsection's caption ("(1) Duty of transparency. (a) A
CONTROLLER SHALL ...") and read "IN WHICH PERSONAL DATA ARE TO BE PROCESSED" as a duty. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import duty_clauses, statute_modality
from compgraph.legal.labels import labels_of
from compgraph.legal.nonduty import NON_DUTY
from compgraph.legal.parties import statute_addressee
from compgraph.legal.readers import read_document


def _read_html(tmp_path: Path, body: str) -> str:
    page = tmp_path / "page.html"
    page.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return read_document(page)


def test_an_html_list_typed_a_or_i_numbers_its_items_with_letters_and_roman_numerals(tmp_path: Path) -> None:
    text = _read_html(tmp_path, '<h2>Section 7</h2><ol><li><p>A regulated entity shall:</p><ol type="a">'
                                "<li><p>Restrict access to consumer health data; and</p></li>"
                                "<li><p>Establish data security practices.</p></li></ol></li></ol>"
                                '<ol type="i" start="3"><li>Keep a record.</li></ol><ol type="A"><li>Notify.</li></ol>')
    starts = [" ".join(line.split()[:2]) for line in text.splitlines() if line.strip().startswith("(")]
    assert starts == ["(a) Restrict", "(b) Establish", "(iii) Keep", "(A) Notify."]


def test_an_empty_subsections_number_opens_the_line_of_its_first_paragraph(tmp_path: Path) -> None:
    text = _read_html(tmp_path, '<ol><li><p>[Empty]</p><ol type="a"><li><p>[Empty]</p><ol type="i">'
                                "<li><p>A processor may process data only pursuant to a contract.</p></li></ol></li>"
                                "<li><p>A processor shall assist the regulated entity.</p></li></ol></li>"
                                "<li><p>A small business must comply with this section beginning June 30, 2024.</p>"
                                "</li></ol>")
    assert [line.strip() for line in text.splitlines() if line.strip()] == [
        "1. a. (i) A processor may process data only pursuant to a contract.",
        "(b) A processor shall assist the regulated entity.",
        "2. A small business must comply with this section beginning June 30, 2024."]


def test_a_code_block_whose_lines_open_with_counters_is_the_list_it_continues(tmp_path: Path) -> None:
    text = _read_html(tmp_path, "<pre><code>    ii. All third parties shall honor the request.\n\n"
                                "d. A consumer may exercise the rights by submitting a request.\n</code></pre>"
                                "<pre><code>if x:\n    y = 1\n</code></pre>")
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[:2] == ["(ii) All third parties shall honor the request.",
                         "(d) A consumer may exercise the rights by submitting a request."]
    assert "    y = 1" in lines


def test_a_short_title_that_may_be_known_and_cited_as_is_no_permission() -> None:
    assert NON_DUTY.search("This act may be known and cited as the Washington my health my data act.")


def test_the_date_from_which_a_class_must_comply_with_the_section_is_no_duty_of_its_own() -> None:
    assert NON_DUTY.search("A small business must comply with this section beginning June 30, 2024.")
    assert not NON_DUTY.search("A processor must comply with this section.")
    assert not NON_DUTY.search("The controller must comply with this section beginning on the date of the request.")


def test_a_leave_to_delay_and_its_limit_are_a_permission_and_a_prohibition() -> None:
    assert [m for m, _ in duty_clauses(
        "If consumer health data is stored on archived or backup systems, then the request for deletion may be delayed "
        "to enable restoration of the archived or backup systems and such delay may not exceed six months from "
        "authenticating the deletion request.")] == ["permission", "prohibition"]


def test_an_exception_before_a_permission_is_left_out_of_the_permission_it_opens() -> None:
    [(modality, text)] = duty_clauses(
        "If a regulated entity is unable to authenticate the request using commercially reasonable efforts, the "
        "regulated entity is not required to comply with a request to initiate an action under this section and may "
        "request that the consumer provide additional information.")
    assert modality == "permission" and "not required" not in text and text.endswith("additional information.")


def test_what_a_duty_does_not_extend_is_no_part_of_the_duty() -> None:
    assert duty_clauses("A regulated entity must promptly take steps to authenticate a consumer request but this does "
                        "not extend the regulated entity's duty to comply with the consumer's request within 45 "
                        "days.") == [("mandatory", "A regulated entity must promptly take steps to authenticate a "
                                                   "consumer request")]


def test_a_prohibition_whose_points_follow_except_is_one_duty_and_its_points_exceptions() -> None:
    text = ("Section 5\n\n"
            "1. A regulated entity may not collect any consumer health data except:\n"
            "(i) With consent from the consumer for such collection for a specified purpose; or\n"
            "(ii) To the extent necessary to provide a product or service that the consumer has requested.\n")
    assert [(ref, m) for ref, m, _ in _duties(text)] == [("5(1)", "prohibition")]


def test_a_point_that_names_what_a_statement_says_takes_its_lead_ins_modality() -> None:
    text = ("Section 9\n\n"
            "2. The valid authorization to sell consumer health data must contain the following:\n"
            "(a) The specific consumer health data that the person intends to sell;\n"
            "(b) A statement that the provision of goods or services may not be conditioned on the consumer signing "
            "the valid authorization;\n")
    assert [m for _, m, _ in _duties(text)] == ["mandatory", "mandatory"]


def test_a_paragraph_label_after_a_subsections_caption_opens_the_paragraph() -> None:
    labels, _ = labels_of("(1) Duty of transparency. (a) A CONTROLLER SHALL PROVIDE CONSUMERS WITH A PRIVACY NOTICE "
                          "THAT INCLUDES:")
    assert labels == ["1", "a"]


def test_a_relative_clause_in_capitals_with_are_to_be_states_no_duty() -> None:
    assert statute_modality("DETERMINING WHETHER A PERSON IS ACTING AS A CONTROLLER IS A FACT-BASED DETERMINATION THAT "
                            "DEPENDS UPON THE CONTEXT IN WHICH PERSONAL DATA ARE TO BE PROCESSED.") is None
    assert statute_modality("PERSONAL DATA ARE TO BE PROCESSED LAWFULLY.") == "mandatory"


def test_a_duty_coordinated_with_a_status_of_the_same_subject_reads_with_it() -> None:
    sentence = ("A valid authorization to sell consumer health data is a document consistent with this section and "
                "must be written in plain language.")
    assert duty_clauses(sentence) == [("mandatory", sentence)]


def test_a_regulated_entity_of_a_health_data_act_is_the_controller() -> None:
    assert statute_addressee("A regulated entity or a small business") == "controller"
    assert statute_addressee("The regulated entities") == "controller"
