"""The failure classes the first run on a never-seen Connecticut public act showed: the Connecticut Data Privacy Act
(Public Act 22-15, Secs. 4 to 9) as a PDF-to-Markdown conversion prints it, sections run on into their subsections
after "(NEW) (*Effective ...*)" notes, points inline, page markers inside sentences
(tests/fixtures/regulations-heldout/SOURCES.md), one behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

from compgraph.legal.provisions import statute_duties
from compgraph.legal.statute import repair_typography


def test_a_section_opened_by_its_new_and_effective_notes_runs_on_into_its_subsections() -> None:
    text = (
        "Be it enacted by the Senate and House of Representatives in General Assembly convened:\n\n"
        "- Sec. 6. (NEW) (*Effective July 1, 2023*) (a) A controller shall keep records of requests.\n"
        "- (b) A controller shall delete data it no longer needs.\n\n"
        "Sec. 7. (*Effective July 1, 2023*) (a) A processor shall follow the instructions of a controller.\n"
    )
    assert _duties(text) == [
        ("6(a)", "mandatory", "A controller shall keep records of requests."),
        ("6(b)", "mandatory", "A controller shall delete data it no longer needs."),
        ("7(a)", "mandatory", "A processor shall follow the instructions of a controller."),
    ]


def test_a_point_negated_after_an_opening_phrase_with_commas_of_its_own_is_a_prohibition() -> None:
    text = (
        "Sec. 6. (a) A controller shall: (1) Limit the collection of personal data; and (2) except as otherwise "
        "provided in sections 1 to 11, inclusive, of this act, not process personal data for other purposes.\n"
    )
    assert [modality for _, modality, _ in _duties(text)] == [
        "mandatory",
        "prohibition",
    ]


def test_a_point_that_opens_with_a_deadline_not_later_than_a_date_is_no_prohibition() -> None:
    text = (
        "Sec. 6. (a) Any such means shall include: (1) Providing a clear link on the web site; and (2) Not later "
        "than January 1, 2025, allowing a consumer to opt out through an opt-out preference signal.\n"
    )
    assert [modality for _, modality, _ in _duties(text)] == [
        "mandatory",
        "mandatory",
    ]


def test_what_a_notice_must_say_does_not_make_the_duty_to_send_it_a_prohibition() -> None:
    text = (
        "Sec. 4. (a) If a controller denies a request, the controller shall send a notice to the person who made "
        "such request disclosing that the request is denied and that such controller shall not comply with it.\n"
    )
    assert [modality for _, modality, _ in _duties(text)] == ["mandatory"]


def test_an_alternative_with_a_party_and_a_permission_of_its_own_is_a_permission_beside_the_point() -> None:
    text = (
        "Sec. 7. (b) The contract shall require that the processor: (1) delete all personal data at the end of "
        "the services; and (2) allow reasonable assessments by the controller, or the processor may arrange for "
        "a qualified and independent assessor to conduct an assessment.\n"
    )
    rows = _duties(text)
    assert [modality for _, modality, _ in rows] == [
        "mandatory",
        "mandatory",
        "permission",
    ]
    assert rows[2][2].endswith(
        "or the processor may arrange for a qualified and independent assessor to conduct an assessment."
    )


def test_a_point_keeps_its_duty_when_a_proviso_excepts_part_of_it() -> None:
    text = (
        "Sec. 4. (a) A consumer shall have the right to: (1) delete personal data provided by the consumer; and "
        "(2) obtain a copy of the consumer's personal data in a portable format, provided such controller shall "
        "not be required to reveal any trade secret.\n"
    )
    rows = _duties(text)
    assert [modality for _, modality, _ in rows] == ["permission", "permission"]
    assert "obtain a copy of the consumer's personal data in a portable format" in rows[1][2]
    assert "trade secret" not in rows[1][2]


def test_a_later_sentence_that_excepts_and_then_permits_keeps_its_permission() -> None:
    text = (
        "Sec. 4. (c) A controller shall comply with a request as follows: (1) A controller shall respond to the "
        "consumer within forty-five days. A controller shall not be required to authenticate an opt-out request, "
        "but a controller may deny an opt-out request if the controller believes it is fraudulent.\n"
    )
    rows = sorted(_duties(text), key=lambda row: row[1])
    assert [modality for _, modality, _ in rows] == ["mandatory", "permission"]
    assert rows[1][2].endswith(
        "but a controller may deny an opt-out request if the controller believes it is fraudulent."
    )


def test_being_subject_to_an_enforcement_action_is_a_consequence_not_a_permission() -> None:
    text = (
        "Sec. 7. (d) If a processor begins determining the purposes and means of the processing of personal data, "
        "the processor is a controller with respect to such processing and may be subject to an enforcement action "
        "under section 11 of this act.\n"
    )
    assert _duties(text) == []


def test_a_label_after_a_page_break_that_completes_a_citation_is_no_new_point() -> None:
    text = (
        "Sec. 4. (NEW) (c) A controller shall comply with a request as follows:\n"
        "- (1) A controller shall respond to the consumer within forty-five days.\n"
        "- (2) A controller shall record each deletion request made pursuant to subdivision\n\n"
        "{11}------------------------------------------------\n\n"
        "- (3) of subsection (a) of this section.\n"
        "- (d) A controller shall establish a process for appeals.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["4(c)(1)", "4(c)(2)", "4(d)"]


def test_a_sentence_opening_with_a_after_the_last_inline_point_is_the_subsections_again() -> None:
    text = (
        "Sec. 6. (NEW) (a) A controller shall: (1) Limit the collection of personal data; and (2) not sell the "
        "personal data of a consumer under sixteen years of age. A controller shall not discriminate against a "
        "consumer for exercising consumer rights.\n"
    )
    assert [(ref.split(",")[0], modality) for ref, modality, _ in _duties(text)] == [
        ("6(a)(1)", "mandatory"),
        ("6(a)(2)", "prohibition"),
        ("6(a)", "prohibition"),
    ]


def test_records_that_shall_be_confidential_and_exempt_from_disclosure_state_a_status_not_a_duty() -> None:
    text = (
        "Sec. 8. (NEW) (c) The controller shall make the data protection assessment available to the Attorney "
        "General. Data protection assessments shall be confidential and shall be exempt from disclosure under the "
        "Freedom of Information Act.\n"
    )
    assert [(modality, row) for _, modality, row in _duties(text)] == [
        ("mandatory", "The controller shall make the data protection assessment available to the Attorney General.")
    ]


def test_a_guardian_or_conservator_exercising_the_consumers_rights_acts_for_the_data_subject() -> None:
    text = (
        "Sec. 4. (NEW) (b) In the case of processing personal data concerning a consumer subject to a guardianship, "
        "the guardian or the conservator of the consumer may exercise such rights on the consumer's behalf.\n"
    )
    assert [(d.modality, d.addressee) for d in statute_duties(repair_typography(text))] == [
        ("permission", "data-subject")
    ]
