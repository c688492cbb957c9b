"""The failure classes the first runs on two never-seen texts from outside the corpus's jurisdictions showed
(2026-12-06, twenty-ninth session, round 33a): Zambia's Data Protection Act 2021, Part 4, as an mkdocs site's
Markdown, and Malaysia's Personal Data Protection Bill 2009, clauses 5 to 12, as a bill tracker's Markdown of the PDF.

The site leaves the Act's labels to its stylesheet: the heading "## 12. Principles ..." opened no section, the
paragraphs nested under a subsection were "1.", "2." again and no lead-in carried them, and a list the site marks
lettered (``<ol data-list-a>``) was read in digits; the bill's section without subsections ("8. Subject to section
39, no personal data shall ...") was read as a point of the section before; "shall not— (a) in the case of ...,
process ...; or (b) in the case of ..., process ..." was one duty, its points read as cases; a permission "may
process personal data where —" gave each of its cases a row; a criminal penalty with "on conviction" beside
"liable" was read as a duty; "shall no longer process" as a mandatory duty; and a duty coordinated after a non-duty
("shall not affect the lawfulness ... and all personal data ... shall ... be destroyed") was lost with it.
One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def _read_markdown(tmp_path: Path, body: str) -> str:
    page = tmp_path / "part.md"
    page.write_text(body, encoding="utf-8")
    return read_document(page)


def test_a_markdown_heading_of_a_number_and_full_stop_over_its_list_opens_the_section(tmp_path: Path) -> None:
    text = _read_markdown(tmp_path, "# Part 4 » Principles\n\n## 15. Consent, justification and objection\n\n"
                                    "1.  A data controller shall not process personal data unless the\n"
                                    "    data subject consents to the processing.\n"
                                    "2.  A data subject may consent to the processing in writing.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("15(1)", "prohibition"),
                                                                       ("15(2)", "permission")]


def test_a_numbered_list_nested_in_a_numbered_list_is_lettered(tmp_path: Path) -> None:
    text = _read_markdown(tmp_path, "## 12. Principles relating to processing of personal data\n\n"
                                    "1.  A data controller shall ensure that personal data is —\n\n"
                                    "    1.  processed lawfully, fairly and transparently;\n"
                                    "    2.  collected for explicit, specified and legitimate purposes.\n")
    assert [(ref, row.split("—")[-1].strip()) for ref, _, row in _duties(text)] == [
        ("12(1)(a)", "(a) processed lawfully, fairly and transparently;"),
        ("12(1)(b)", "(b) collected for explicit, specified and legitimate purposes.")]


def test_a_list_the_site_marks_lettered_is_read_in_letters(tmp_path: Path) -> None:
    text = _read_markdown(tmp_path, "## 13. Processing of personal data\n\n"
                                    "A data controller shall keep a record where —\n\n"
                                    "<ol data-list-a>\n    <li>\n        the data subject has consented;\n    </li>\n"
                                    "    <li>\n        the processing is necessary.\n    </li>\n</ol>\n")
    assert "(a) the data subject has consented;" in text and "(b) the processing is necessary." in text


def test_a_permission_where_its_points_are_the_cases_is_one_row() -> None:
    text = ("## 13. Processing of personal data\n\nSubject to the other provisions of this Act, a data controller may "
            "process personal data where —\n\n(a) the data subject has given consent to the processing;\n(b) the "
            "processing is necessary for compliance with a legal obligation; or\n(c) the processing relates to data "
            "made public by the data subject.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("13", "permission")]


def test_a_penalty_on_conviction_is_no_duty() -> None:
    text = ("## 18. Offence and penalty\n\n(1) A body corporate that contravenes the provisions of this Part commits "
            "an offence and shall, on conviction, be liable to a fine not exceeding three hundred thousand ringgit.\n\n"
            "(2) Where the offence is committed by a natural person, that person shall be liable, on conviction to a "
            "fine not exceeding one million penalty units.\n")
    assert _duties(text) == []


def test_shall_no_longer_process_is_a_prohibition() -> None:
    text = ("## 15. Consent\n\n(9) Where a data subject has objected to the processing of that data subject's personal "
            "data, the data controller shall no longer process that personal data.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("15(9)", "prohibition")]


def test_after_a_section_opened_before_its_subsection_one_numbered_sentence_opens_the_next() -> None:
    text = ("Notice and Choice Principle\n\n7. (1) A data user shall by written notice inform a data subject of the "
            "purposes.\n\n(2) A notice shall be in the national and English languages.\n\nDisclosure Principle\n\n"
            "8. Subject to section 39, no personal data shall, without the consent of the data subject, be disclosed "
            "for any other purpose.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["7(1)", "7(2)", "8"]


def test_points_that_supply_a_bare_shall_not_its_verb_are_duties_each_whatever_case_opens_them() -> None:
    text = ("6. (1) A data user shall not— (a) in the case of personal data, process personal data unless the data "
            "subject has given his consent; or (b) in the case of sensitive personal data, process it except in "
            "accordance with section 40.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("6(1)(a)", "prohibition"),
                                                                       ("6(1)(b)", "prohibition")]


def test_a_duty_whose_own_subject_opens_with_all_after_a_non_duty_clause_is_kept() -> None:
    text = ("## 15. Consent\n\n7. The withdrawal of consent shall not affect the lawfulness of processing before its "
            "withdrawal and all personal data collected following withdrawal of the consent shall, subject to the "
            "provisions of this Act, be destroyed immediately.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [("15(7)", "mandatory")]
    assert "shall not affect" not in rows[0][2] and rows[0][2].endswith("be destroyed immediately.")
