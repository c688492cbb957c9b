"""The failure classes the first run on a 46th never-seen text showed: British Columbia's Personal Information
Protection Act as BC Laws serves it, in its own XML (``bcl:section``, ``bcl:num``, ``bcl:marginalnote``). Read as
markup, every number stood alone on a line, so the points were lost and nothing was cited; once laid out as printed,
an excerpt's jump from section 13 to 25, a catchline with "may" in it, lead-ins that end with no punctuation, the
alternatives that restrict a permission or set a deadline, and a limit on an individual's right were read wrong.
One behaviour each; the guards keep a rule from reaching text it was not meant for."""

from __future__ import annotations

import warnings
from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document

_ACT = (
    '<?xml version="1.0" encoding="UTF-8"?><act:act xmlns:act="http://www.gov.bc.ca/2013/legislation/act" '
    'xmlns:bcl="http://www.gov.bc.ca/2013/bclegislation"><act:title>Personal Information Protection Act</act:title>'
    "<act:chapter>63</act:chapter><act:content>{}</act:content></act:act>"
)


def _section(number: str, note: str, *body: str) -> str:
    note = f"<bcl:marginalnote>{note}</bcl:marginalnote>"
    return f"<bcl:section>{note}<bcl:num>{number}</bcl:num>{''.join(body)}</bcl:section>"


def _provision(kind: str, number: str, text: str, *lower: str) -> str:
    return f"<bcl:{kind}><bcl:num>{number}</bcl:num><bcl:text>{text}</bcl:text>{''.join(lower)}</bcl:{kind}>"


def _read(tmp_path: Path, body: str) -> str:
    path = tmp_path / "act.xml"
    path.write_text(_ACT.format(body), encoding="utf-8")
    return read_document(path)


_SECTION_4 = _section(
    "4",
    "Compliance with Act",
    _provision("subsection", "1", "An organization must designate one or more individuals to be responsible."),
    _provision(
        "subsection",
        "2",
        "An organization must make available to the public",
        _provision("paragraph", "a", "the position name or title of each individual designated, and"),
        _provision("paragraph", "b", "contact information for each individual referred to in paragraph (a)."),
    ),
)


def test_bc_laws_xml_is_laid_out_as_bc_laws_prints_it(tmp_path: Path) -> None:
    text = _read(tmp_path, f"<bcl:part><bcl:num>2</bcl:num><bcl:text>General Rules</bcl:text>{_SECTION_4}</bcl:part>")
    lines = [line for line in text.splitlines() if line]
    assert lines == [
        "Personal Information Protection Act",
        "Part 2 — General Rules",
        "Compliance with Act",
        "4 (1) An organization must designate one or more individuals to be responsible.",
        "(2) An organization must make available to the public",
        "(a) the position name or title of each individual designated, and",
        "(b) contact information for each individual referred to in paragraph (a).",
    ]


def test_the_points_of_a_bc_laws_section_are_duties_cited_by_section_subsection_and_point(tmp_path: Path) -> None:
    refs = [ref for ref, _, _ in _duties(_read(tmp_path, _SECTION_4))]
    assert refs == ["4(1)", "4(2)(a)", "4(2)(b)"]


def test_xml_of_no_known_vocabulary_is_read_as_markup_without_a_parser_warning_on_stderr(tmp_path: Path) -> None:
    path = tmp_path / "other.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><doc><para>The operator shall keep logs.</para></doc>', encoding="utf-8"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "The operator shall keep logs." in read_document(path)


# An excerpt: sections 14 to 24 left out, so 25 follows 13; each later section under its catchline.
_EXCERPT = (
    "Collection of employee personal information\n\n"
    "13 (1) An organization must notify an individual that it will be collecting employee personal information.\n\n"
    "(2) An organization must not collect employee personal information without consent.\n\n"
    "Definition\n\n"
    "25 In this Part, applicant means an individual who makes a request under section 27.\n\n"
    "Circumstances in which request may be made\n\n"
    "26 An organization must answer each request made under sections 23 or 24.\n\n"
    "Duty to assist individual\n\n"
    "28 An organization must make a reasonable effort to assist each applicant.\n"
)


def test_a_later_section_under_its_catchline_opens_though_the_sections_between_are_left_out() -> None:
    assert [ref for ref, _, _ in _duties(_EXCERPT)] == ["13(1)", "13(2)", "26", "28"]


def test_a_catchline_with_a_modal_verb_above_a_section_is_the_sections_title_not_a_duty() -> None:
    assert not [t for _, _, t in _duties(_EXCERPT) if t.startswith("Circumstances")]
