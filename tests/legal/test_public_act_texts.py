"""The failure classes the first run on a never-seen Connecticut public act showed: the Connecticut Data Privacy Act
(Public Act 22-15, Secs. 4 to 9) as a PDF-to-Markdown conversion prints it, sections run on into their subsections
after "(NEW) (*Effective ...*)" notes, points inline, page markers inside sentences
(tests/fixtures/regulations-heldout/SOURCES.md), one behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties


def test_a_section_opened_by_its_new_and_effective_notes_runs_on_into_its_subsections() -> None:
    text = (
        "Be it enacted by the Senate and House of Representatives in General Assembly convened:\n\n"
        "- Sec. 6. (NEW) (*Effective July 1, 2023*) (a) A controller shall keep records of requests.\n"
        "- (b) A controller shall delete data it no longer needs.\n\n"
        "Sec. 7. (NEW) (*Effective July 1, 2023*) (a) A processor shall follow the instructions of a controller.\n"
    )
    assert _duties(text) == [
        ("6(a)", "mandatory", "A controller shall keep records of requests."),
        ("6(b)", "mandatory", "A controller shall delete data it no longer needs."),
        ("7(a)", "mandatory", "A processor shall follow the instructions of a controller."),
    ]
