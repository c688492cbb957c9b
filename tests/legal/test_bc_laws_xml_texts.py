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


def test_a_condition_that_ends_a_lead_in_without_punctuation_leaves_its_points_conditions() -> None:
    text = (
        "Accuracy of personal information\n\n"
        "33 (1) An organization must make a reasonable effort to ensure that personal information collected by the "
        "organization is accurate and complete, if the personal information\n\n"
        "(a) is likely to be used by the organization to make a decision that affects the individual, or\n\n"
        "(b) is likely to be disclosed by the organization to another organization.\n"
    )
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("33(1)", "mandatory")]


def test_alternatives_that_complete_the_clause_restricting_a_permission_are_one_permission() -> None:
    text = (
        "Limitations on collection of personal information\n\n"
        "11 (1) Subject to this Act, an organization may collect personal information only for purposes that a "
        "reasonable person would consider appropriate in the circumstances and that\n\n"
        "(a) fulfill the purposes that the organization discloses under section 10 (1), or\n\n"
        "(b) are otherwise permitted under this Act.\n"
    )
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("11(1)", "permission")]


def test_alternative_deadlines_after_not_later_than_are_one_duty() -> None:
    text = (
        "Time limit for response\n\n"
        "29 (1) Subject to this section, an organization must respond to an applicant not later than\n\n"
        "(a) 30 days after receiving the applicant's request, or\n\n"
        "(b) the end of an extended time period if the time period is extended under section 31.\n"
    )
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("29(1)", "mandatory")]


def test_alternatives_completing_a_clause_without_only_stay_a_duty_each() -> None:
    # guard: the rules a division may make "that: (a) satisfy ...; or (b) do not satisfy ..." are two permissions
    text = (
        "(2) The division may make rules specifying forms and methods of disclosure that:\n\n"
        "(a) satisfy the requirements of Subsection (1); or\n\n"
        "(b) do not satisfy the requirements of Subsection (1).\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["(2)(a)", "(2)(b)"]


def test_alternative_events_after_a_deadline_stay_a_duty_each() -> None:
    # guard: a disclosure due "no later than ninety days after the date on which: (a) ...; or (b) ..." is due after
    # each event
    text = (
        "(5) A developer shall disclose to the Attorney General any known risks without unreasonable delay but no "
        "later than ninety days after the date on which:\n\n"
        "(a) the developer discovers that the system has caused algorithmic discrimination; or\n\n"
        "(b) the developer receives from a deployer a credible report that the system has caused discrimination.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["(5)(a)", "(5)(b)"]


def test_what_an_individual_may_not_do_limits_a_right_and_binds_no_organization() -> None:
    text = (
        "Withdrawal of consent\n\n"
        "9 (1) An organization must not prohibit an individual from withdrawing his or her consent.\n\n"
        "(2) An individual may not withdraw consent if withdrawing the consent would frustrate the performance of a "
        "legal obligation.\n"
    )
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("9(1)", "prohibition")]
