"""The failure classes the first run on a never-seen agency memorandum showed (OMB M-24-10, Section 5(b)-(c), read
from the memorandum's own PDF), one behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties
from pdfmaker import pdf_pages

from compgraph.legal.clauses import duty_clauses
from compgraph.legal.corpus import fragment_occurs
from compgraph.legal.readers import read_document
from compgraph.legal.statute import repair_typography


def test_a_compound_broken_at_a_line_end_keeps_its_hyphen_when_the_text_prints_it_whole() -> None:
    text = "Rights-impacting AI is listed.\nAgencies must assess rights-\nimpacting AI and hyphen-\nated words.\n"
    # the line breaks move past the joined words, so the text keeps its lines
    assert repair_typography(text) == ("Rights-impacting AI is listed.\n"
                                       "Agencies must assess rights-impacting\nAI and hyphenated\nwords.\n")


def test_a_label_copying_a_line_broken_compound_matches_the_compound_printed_whole() -> None:
    assert fragment_occurs("testing in a real- world context", "Agencies must conduct testing in a real-world context.")


def test_a_pages_footnotes_move_past_the_sentence_the_page_breaks_off(tmp_path: Path) -> None:
    path = tmp_path / "memo.pdf"
    path.write_bytes(pdf_pages([["The request for the component29 must state what practices the agency has in", " ",
                            "29 Artificial Intelligence Risk Management Framework."],
                           ["17", " ", "place to mitigate the risks.", " ", "Agencies must report."]]))
    assert " ".join(read_document(path).split()) == (
        "The request for the component29 must state what practices the agency has in 17 place to mitigate the risks. "
        "29 Artificial Intelligence Risk Management Framework. Agencies must report.")


def test_a_capital_point_after_a_page_of_notes_goes_on_with_its_list_under_its_lead_in() -> None:
    text = ("Agencies must follow these practices before using the AI:\n\n"
            "A. Complete an impact assessment. Agencies must document it.\n\n"
            "B. Test the AI. Agencies must conduct testing.\n\n"
            "37 Agencies should assess the data. Such outcomes can result from bias.\n\n"
            "C. Independently evaluate the AI. Agencies must review the documentation.\n")
    point = [d for d in _duties(text) if d[0] == "(C)"]
    assert point and point[0][2].startswith("Agencies must follow these practices before using the AI: ")


def test_a_memorandums_roman_subsection_closes_the_points_above_it() -> None:
    text = ("Agencies must follow these practices:\n\nA. Complete an assessment.\n\nB. Test the AI.\n\n"
            "37 Agencies should assess the data.\n\nC. Evaluate the AI.\n\n"
            "v. Additional Practices for Rights-Impacting AI.\n\n"
            "Agencies must also follow these practices:\n\nA. Assess equity.\n")
    assert [d[2] for d in _duties(text)][-2:] == ["Agencies must follow these practices: C. Evaluate the AI.",
                                                  "Agencies must also follow these practices: A. Assess equity."]


def test_the_points_after_a_resumed_capital_keep_its_lead_in() -> None:
    text = ("Agencies must follow these practices:\n\nA. Complete an assessment.\n\nB. Test the AI.\n\n"
            "37 Agencies should assess the data.\n\nC. Evaluate the AI.\n\nD. Monitor the AI.\n")
    assert _duties(text)[-1][2] == "Agencies must follow these practices: D. Monitor the AI."


def test_also_or_strongly_encouraged_is_a_recommendation() -> None:
    assert duty_clauses("Agencies are strongly encouraged to solicit feedback from affected communities.") == [
        ("recommended", "Agencies are strongly encouraged to solicit feedback from affected communities.")]


def test_should_not_advises_against_it_does_not_prohibit() -> None:
    sentence = "If the benefits do not outweigh the risks, the agency should not use the AI."
    assert [modality for modality, _ in duty_clauses(sentence)] == ["recommended"]


def test_the_ways_a_lead_in_could_include_are_permissions_and_its_duty_stands_alone() -> None:
    text = ("B. Consult affected communities.\n\nAgencies must take appropriate steps to solicit input from affected "
            "communities, which could include:\n\n1. direct usability testing;\n\n2. public hearings.\n")
    assert [m for _, m, _ in _duties(text)] == ["mandatory", "permission", "permission"]
    assert _duties(text)[0][2] == "Agencies must take appropriate steps to solicit input from affected communities"


def test_what_a_text_does_not_mean_binds_no_one() -> None:
    assert duty_clauses("This does not mean that agencies must provide a perfect breakdown of the decision.") == []


def test_a_memorandum_that_does_not_replace_other_requirements_binds_no_one() -> None:
    assert duty_clauses("Some uses may be subject to other guidance, and this memorandum does not replace, "
                        "supersede, otherwise interfere with any such requirements.") == []


def test_a_later_paragraph_of_a_point_binds_by_its_own_verb() -> None:
    text = ("Agencies must follow these practices:\n\nA. Complete an impact assessment. In it, agencies must document:"
            "\n\n1. the purpose of the AI;\n\n2. the risks of the AI.\n\n"
            "Agencies should be attentive to the risks to underserved communities.\n")
    assert _duties(text)[-1][1:] == ("recommended",
                                     "Agencies should be attentive to the risks to underserved communities.")
