"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-seventh session, round 49b):
Zimbabwe's Cyber and Data Protection Act, 2021, sections 18 to 21, as a repository's JSON seed of the Act's provisions,
and 47 U.S.C. 551 (protection of subscriber privacy), as a repository's JSON seed of the US Code.

A seed whose ``content`` repeats the section's number and heading ("18. Security (1) In order ...") was laid out
"18.—(18) . Security (1) ...", so no subsection opened and a lead-in's points were lost; a code seed's object, with
number fields beside its strings and its words under ``section_number`` and ``text``, was not read as a section at
all, and its subsections' headings ran into their first words ("(d) Subscriber access to informationA cable
subscriber shall ..."); and a private right of action ("Any person aggrieved ... may bring a civil action") was taken
for a permission. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def test_a_json_seeds_content_repeating_its_section_number_and_heading_opens_its_subsections(tmp_path: Path) -> None:
    seed = tmp_path / "act-seed.txt"
    seed.write_text(
        '    {\n      "provision_ref": "s21",\n      "chapter": "Part V",\n      "section": "21",\n'
        '      "title": "Content of notification",\n      "content": "21. Content of notification (1) The '
        'notification referred to in section 20 shall state, at least— (a) the date of notification; (b) the purpose '
        'of the processing ; (c) the categories of data being processed. (2) The Authority may prescribe other '
        'information which shall be mentioned in the notification."\n    },\n', encoding="utf-8")
    assert [(ref, modality) for ref, modality, _ in _duties(read_document(seed))] == [
        ("21(1)(a)", "mandatory"), ("21(1)(b)", "mandatory"), ("21(1)(c)", "mandatory"), ("21(2)", "permission")]


def test_a_code_seeds_section_object_is_read_as_its_section_with_each_subsection_cited(tmp_path: Path) -> None:
    seed = tmp_path / "code-seed.txt"
    seed.write_text(
        '    {\n      "document_index": 0,\n      "jurisdiction": "US-FED",\n      "section_number": "§ 551",\n'
        '      "title": "Protection of subscriber privacy",\n      "text": "(a) Notice to subscriber(1) A cable '
        'operator shall provide notice to such subscriber which informs the subscriber of—(A) the nature of the '
        'information collected;\\n\\n(B) the period during which such information will be maintained.\\n\\n'
        '(b) Subscriber access to informationA cable subscriber shall be provided access to all such information.'
        '\\n\\n(c) Destruction of informationA cable operator shall destroy such information if it is no longer '
        'necessary.",\n      "order_index": 249\n    },\n', encoding="utf-8")
    assert [(ref, modality) for ref, modality, _ in _duties(read_document(seed))] == [
        ("551(a)(1)(A)", "mandatory"), ("551(a)(1)(B)", "mandatory"), ("551(b)", "mandatory"),
        ("551(c)", "mandatory")]


def test_a_private_right_of_action_of_a_person_aggrieved_is_no_duty() -> None:
    text = ("§ 551. Protection of subscriber privacy.\n\n(e) A cable operator shall destroy personally identifiable "
            "information if the information is no longer necessary.\n\n(f) Any person aggrieved by any act of a cable "
            "operator in violation of this section may bring a civil action in a United States district court.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("551(e)", "mandatory")]
