"""The failure classes the first runs on two never-seen UK texts showed (2026-12-06, thirty-first session, round 36a):
the UK GDPR's Articles 24, 25, 35 and 36 and the Data Protection Act 2018's sections 64-67, each as a repository's
JSON of sections (one object a section, a field a line, the section's words in ``"content"`` with every label glued
on), cut from the middle of the array.

No reader took the JSON for what it is, so no paragraph or point opened; once read, the UK GDPR's colon lead-ins
(":aa systematic ...") opened no points and "4A.In paragraph 4" no paragraph; "may be used as a means of demonstrating
compliance", "are not to be read as implying" and "because they may be less aware" were read as duties or leaves;
"provide written advice to the controller and, where applicable to the processor, and may use ..." lost its phrase
to a clause of its own; and "ensure that any systems ... function properly and may, in the case of interruption, be
restored" gave a permission beside the duty. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def _csv(tmp_path: Path, number: str, content: str) -> str:
    page = tmp_path / "sections-csv.txt"
    page.write_text(f'"section","content"\r\n"{number}","{content}"\r\n', encoding="utf-8")
    return read_document(page)


def test_a_json_array_of_sections_cut_from_its_middle_opens_each_section_and_point(tmp_path: Path) -> None:
    page = tmp_path / "sections-json.txt"
    page.write_text(
        '  {\n    "section": "64",\n    "id": "section-64",\n    "title": "General obligations",\n'
        '    "part": "PART 3",\n    "chapter": "CHAPTER 4",\n'
        '    "content": "1The controller must carry out an assessment.2An assessment must include the following'
        '\\u2014aa general description of the operations;ban assessment of the risks."\n  },\n'
        '  {\n    "section": "67",\n    "id": "section-67",\n    "title": "Breaches",\n'
        '    "content": "1The processor must notify the controller without undue delay."\n  },\n',
        encoding="utf-8")
    assert [(ref, modality) for ref, modality, _ in _duties(read_document(page))] == [
        ("64(1)", "mandatory"), ("64(2)(a)", "mandatory"), ("64(2)(b)", "mandatory"), ("67(1)", "mandatory")]


def test_a_colon_lead_in_glued_to_its_first_point_opens_the_points(tmp_path: Path) -> None:
    text = _csv(tmp_path, "35", "1The controller shall carry out an assessment.2An assessment shall in particular be "
                "required in the case of:aa systematic evaluation of personal aspects;bprocessing on a large scale of "
                "special categories of data; orca systematic monitoring of a public area.")
    assert [ref for ref, _, _ in _duties(text)] == ["35(1)", "35(2)(a)", "35(2)(b)", "35(2)(c)"]


def test_an_inserted_paragraph_labelled_with_a_full_stop_opens_a_paragraph(tmp_path: Path) -> None:
    text = _csv(tmp_path, "36", "1The controller shall consult the Commissioner.2The relevant authority must consult "
                "the Commissioner during the preparation of a proposal.2A.In paragraph 2, the relevant authority "
                "must be read as the Secretary of State.")
    assert "(2A) In paragraph 2, the relevant authority must be read as the Secretary of State." in text
    assert [ref for ref, _, _ in _duties(text)][:2] == ["36(1)", "36(2)"]


def test_may_be_used_as_a_means_of_demonstrating_compliance_is_no_leave(tmp_path: Path) -> None:
    text = _csv(tmp_path, "24", "1The controller shall implement appropriate technical and organisational measures."
                "2Adherence to approved codes of conduct may be used as a means of demonstrating compliance with the "
                "obligations of the controller.3Adherence to a code of conduct approved under section 71A may be used "
                "by a controller or processor as a means of demonstrating compliance with subsection (1).")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("24(1)", "mandatory")]


def test_paragraphs_that_are_not_to_be_read_as_implying_are_a_rule_of_reading(tmp_path: Path) -> None:
    text = _csv(tmp_path, "25", "1The controller shall implement appropriate technical and organisational measures."
                "2Paragraphs 1A and 1B are not to be read as implying anything about the matters that may be relevant "
                "to the assessment for the purposes of paragraph 1.")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("25(1)", "mandatory")]


def test_what_a_reason_says_may_be_so_is_no_leave(tmp_path: Path) -> None:
    text = _csv(tmp_path, "25", "1The controller must take into account the higher protection matters.2The higher "
                "protection matters are\u2014ahow children can best be protected, andbthe fact that children merit "
                "specific protection because they may be less aware of the risks.")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("25(1)", "mandatory")]


def test_a_phrase_closing_the_objects_before_and_may_stays_with_the_duty(tmp_path: Path) -> None:
    text = _csv(tmp_path, "36", "1The controller shall consult the Commissioner.2The Commissioner shall, within eight "
                "weeks, provide written advice to the controller and, where applicable to the processor, and may use "
                "any of its powers referred to in Article 58.")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [
        ("36(1)", "mandatory"), ("36(2)", "mandatory"), ("36(2)", "permission")]
    assert "where applicable to the processor" in rows[1][2]


def test_a_passive_may_be_inside_the_that_clause_of_a_duty_point_is_no_permission(tmp_path: Path) -> None:
    text = _csv(tmp_path, "66", "1Each controller must implement measures designed to\u2014aprevent unauthorised "
                "processing,bensure that any systems used in connection with the processing function properly and "
                "may, in the case of interruption, be restored, andcensure that stored personal data cannot be "
                "corrupted.")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("66(1)(a)", "mandatory"), ("66(1)(b)", "mandatory"), ("66(1)(c)", "mandatory")]
