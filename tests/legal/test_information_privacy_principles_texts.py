"""The failure classes the first run on a 48th never-seen text showed: New Zealand's Privacy Act 1993, section 6 (the
information privacy principles), as gitlaw-nz's Markdown of the 2014 reprint. Its points print their labels alone
("(a)", then the words), all inside one list item, so the whole section was one lead-in; once read as lines: principles
headed "Principle 1" alone, an exemption "It is not necessary ... to comply", the individual "shall be entitled", the
"agency" that holds personal information, and a date. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.provisions import statute_duties
from compgraph.legal.readers import read_document
from compgraph.legal.statute import repair_typography


def _read(tmp_path: Path, markdown: str) -> str:
    path = tmp_path / "act.md"
    path.write_text(markdown, encoding="utf-8")
    return read_document(path)


def test_labels_printed_alone_inside_a_list_item_open_their_points(tmp_path: Path) -> None:
    markdown = (
        "*   The information privacy principles are as follows:\n    \n    Principle 1\n    \n"
        "    Personal information shall not be collected by any agency unless---\n    \n    (a)\n    \n"
        "    the information is collected for a lawful purpose; and\n    \n    (b)\n    \n"
        "    the collection of the information is necessary for that purpose.\n"
    )
    lines = [line for line in _read(tmp_path, markdown).splitlines() if line]
    assert lines[-2:] == [
        "(a) the information is collected for a lawful purpose; and",
        "(b) the collection of the information is necessary for that purpose.",
    ]


_PRINCIPLES = (
    "6 Information privacy principles\n\n"
    "Principle 5\n\n"
    "Storage and security of personal information\n\n"
    "An agency that holds personal information shall ensure---\n\n"
    "(a) that the information is protected against loss; and\n\n"
    "(b) that everything reasonably within the power of the agency is done to prevent unauthorised use.\n\n"
    "Principle 12\n\n"
    "Unique identifiers\n\n"
    "(1) An agency shall not assign a unique identifier to an individual unless the assignment is necessary.\n"
)


def test_a_bare_principle_heading_under_named_principles_is_cited_by_their_initials() -> None:
    assert [ref for ref, _, _ in _duties(_PRINCIPLES)] == ["IPP 5(a)", "IPP 5(b)", "IPP 12(1)"]


def test_every_agency_of_a_text_whose_agencies_hold_personal_information_is_the_controller() -> None:
    assert [d.addressee for d in statute_duties(repair_typography(_PRINCIPLES))] == ["controller"] * 3


def test_it_is_not_necessary_to_comply_is_an_exemption_whose_grounds_bind_no_one() -> None:
    text = (
        "(1) Where an agency collects personal information, the agency shall collect the information directly from the "
        "individual concerned.\n\n"
        "(2) It is not necessary for an agency to comply with subclause (1) if the agency believes, on reasonable "
        "grounds,---\n\n"
        "(a) that the information is publicly available information; or\n\n"
        "(b) that the information will be used for statistical purposes and will not be published in a form that "
        "could identify the individual concerned.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["(1)"]


def test_what_the_individual_shall_be_entitled_to_is_the_individuals_permission() -> None:
    text = (
        "Principle 6\n\n"
        "(1) Where an agency holds personal information in such a way that it can readily be retrieved, the "
        "individual concerned shall be entitled---\n\n"
        "(a) to obtain from the agency confirmation of whether or not the agency holds such personal information; "
        "and\n\n"
        "(b) to have access to that information.\n"
    )
    rows = [(d.modality, d.addressee) for d in statute_duties(repair_typography(text))]
    assert rows == [("permission", "data-subject"), ("permission", "data-subject")]


def test_a_date_in_may_is_no_permission() -> None:
    assert _duties("Privacy Act 1993\n\nDate of assent17 May 1993\n\nCommencementsee section 1(2)\n") == []
