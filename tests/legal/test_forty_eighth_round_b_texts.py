"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-seventh session, round 48b):
Kenya's Data Protection Act, 2019, sections 28 to 31 and 39 to 43, as a repository's JSON seed of the Act's
provisions (one object a section, its words one run-in ``content`` string), and the FTC Safeguards Rule, 16 CFR
314.4, as a repository's Markdown rendering of the eCFR.

A section object's number was laid out alone on a line ("28."), which reads as a list item, so no duty was cited
under its section ("(1)" for 28(1), "(3)(a)" for 29(a)); and a sentence inside a point opening with a condition that
denies ("If no such board of directors ... exists, such report shall be timely presented ...") was read as a point
whose verb takes "no" as its object, a prohibition. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def test_sections_of_a_json_seed_cite_each_duty_under_its_section_number(tmp_path: Path) -> None:
    seed = tmp_path / "act-seed.txt"
    seed.write_text(
        '    {\n      "provision_ref": "s28",\n      "chapter": "Part IV",\n      "section": "28",\n'
        '      "title": "Collection of personal data",\n      "content": "(1) A data controller shall collect '
        'personal data directly from the data subject. (2) A data controller shall collect personal data for a '
        'lawful purpose."\n    },\n    {\n      "provision_ref": "s29",\n      "chapter": "Part IV",\n'
        '      "section": "29",\n      "title": "Duty to notify",\n      "content": "A data controller shall, before '
        'collecting personal data, inform the data subject of— (a) the rights of the data subject; (b) the purpose '
        'of the collection."\n    },\n', encoding="utf-8")
    assert [(ref, modality) for ref, modality, _ in _duties(read_document(seed))] == [
        ("28(1)", "mandatory"), ("28(2)", "mandatory"), ("29(a)", "mandatory"), ("29(b)", "mandatory")]


def test_a_condition_that_no_such_body_exists_does_not_make_a_points_duty_a_prohibition() -> None:
    text = ("§ 314.4 Elements.\n\nIn order to maintain your information security program, you shall:\n\n(i) Require "
            "your Qualified Individual to report in writing, at least annually, to your board of directors. If no such "
            "board of directors or equivalent governing body exists, such report shall be timely presented to a senior "
            "officer responsible for your information security program. The report shall include the following "
            "information:\n\n(1) The overall status of the information security program; and\n\n(2) Material matters "
            "related to the information security program.\n")
    rows = _duties(text)
    assert [modality for _, modality, _ in rows] == ["mandatory"] * 4
    assert any(row.endswith("such report shall be timely presented to a senior officer responsible for your "
                                "information security program.") for _, _, row in rows)
