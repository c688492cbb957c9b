"""The failure classes the first run on a 47th never-seen text showed: Australia's Privacy Act 1988, Schedule 1 (the
Australian Privacy Principles), as a ComLaw compilation converted from DOCX to Markdown. The converter indents its
list items four spaces and more, so Markdown read each principle as one block of code: 7 duties found of 58. Once
read as lists: principles cited by their name's initials ("APP 11.1"), "If: (a) ...; and (b) ...; the entity must"
sentences, "(if any)", the matters a notice must tell listed in the next subclause, cases that set a deadline, and
"must not apply" in a prohibition. One behaviour each."""

from __future__ import annotations

import re
from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.extract import catalog_from_text
from compgraph.legal.readers import read_document

_PRINCIPLE_1 = (
    "##### 1  Australian Privacy Principle 1--open and transparent management of personal information\n\n"
    "    * 1.2\tAn APP entity must take such steps as are reasonable in the circumstances to implement practices, "
    "procedures and systems that:\n\n"
    "     * (a) will ensure that the entity complies with the Australian Privacy Principles; and\n\n"
    "     * (b) will enable the entity to deal with inquiries or complaints from individuals.\n\n"
    "    * APP Privacy policy\n\n"
    "    * 1.3\tAn APP entity must have a clearly expressed and uptodate policy about the management of personal "
    "information by the entity.\n"
)


def _read(tmp_path: Path, markdown: str) -> str:
    path = tmp_path / "act.md"
    path.write_text(markdown, encoding="utf-8")
    return read_document(path)


def test_list_items_a_converter_indented_four_spaces_or_more_are_read_as_a_nested_list(tmp_path: Path) -> None:
    lines = [line for line in _read(tmp_path, _PRINCIPLE_1).splitlines() if line]
    assert lines[1:4] == [
        "- 1.2 An APP entity must take such steps as are reasonable in the circumstances to implement practices, "
        "procedures and systems that:",
        "  - (a) will ensure that the entity complies with the Australian Privacy Principles; and",
        "  - (b) will enable the entity to deal with inquiries or complaints from individuals.",
    ]


def test_a_principles_clauses_are_cited_by_the_initials_of_its_name_and_the_clause_number(tmp_path: Path) -> None:
    assert [ref for ref, _, _ in _duties(_read(tmp_path, _PRINCIPLE_1))] == ["APP 1.2(a)", "APP 1.2(b)", "APP 1.3"]


_IF = (
    "13 Australian Privacy Principle 13--correction of personal information\n\n"
    "- 13.1 If:\n"
    "  - (a) an APP entity holds personal information about an individual; and\n"
    "  - (b) either:\n"
    "    - (i) the entity is satisfied that the information is inaccurate; or\n"
    "    - (ii) the individual requests the entity to correct the information;\n"
    "- the entity must take such steps (if any) as are reasonable in the circumstances to correct that information.\n"
)


def test_the_words_after_the_conditions_of_an_if_lead_in_are_the_duty_cited_by_its_clause() -> None:
    assert [(ref, modality) for ref, modality, _ in _duties(_IF)] == [("APP 13.1", "mandatory")]


def test_if_any_qualifies_the_steps_and_sets_no_condition() -> None:
    text = (
        "5 Australian Privacy Principle 5--notification of the collection of personal information\n\n"
        "- 5.1 At or before the time an APP entity collects personal information about an individual, the entity "
        "must take such steps (if any) as are reasonable in the circumstances:\n"
        "  - (a) to notify the individual of such matters referred to in subclause 5.2 as are reasonable; or\n"
        "  - (b) to otherwise ensure that the individual is aware of any such matters.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["APP 5.1(a)", "APP 5.1(b)"]


def test_the_matters_a_notice_must_tell_listed_in_the_next_subclause_are_duties_of_that_notice() -> None:
    text = (
        "5 Australian Privacy Principle 5--notification of the collection of personal information\n\n"
        "- 5.2 The matters for the purposes of subclause 5.1 are as follows:\n"
        "  - (a) the identity and contact details of the APP entity;\n"
        "  - (b) that the APP privacy policy of the APP entity contains information about how the individual may "
        "access the personal information.\n"
    )
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("APP 5.2(a)", "mandatory"),
        ("APP 5.2(b)", "mandatory"),
    ]


def test_cases_that_set_when_a_duty_is_due_are_one_duty_with_its_point() -> None:
    text = (
        "12 Australian Privacy Principle 12--access to personal information\n\n"
        "- 12.4 The APP entity must:\n"
        "  - (a) respond to the request for access to the personal information:\n"
        "    - (i) if the entity is an agency--within 30 days after the request is made; or\n"
        "    - (ii) if the entity is an organisation--within a reasonable period after the request is made; and\n"
        "  - (b) give access to the information in the manner requested by the individual.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["APP 12.4(a)", "APP 12.4(b)"]


def test_must_not_apply_said_of_a_charge_is_part_of_the_prohibition_not_a_scope_rule() -> None:
    text = (
        "12 Australian Privacy Principle 12--access to personal information\n\n"
        "- 12.8 If the entity charges the individual for giving access to the personal information, the charge must "
        "not be excessive and must not apply to the making of the request.\n"
    )
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [("APP 12.8", "prohibition")]
    assert rows[0][2].endswith("must not apply to the making of the request.")


def test_a_principles_sections_and_obligations_have_ids_an_import_accepts(tmp_path: Path) -> None:
    # the citation has a space ("APP 1.2"); an id may not, or `compgraph import` refuses the catalog
    catalog = catalog_from_text(_read(tmp_path, _PRINCIPLE_1), {"prefix": "AU", "kind": "regulation"})
    ids = [s["id"] for s in catalog["sections"]] + [o["id"] for o in catalog["obligations"]]
    assert ids and all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", i) for i in ids)
    assert [o["ref"] for o in catalog["obligations"]] == ["APP 1.2(a)", "APP 1.2(b)", "APP 1.3"]
