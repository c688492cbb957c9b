"""The failure classes the first runs on two never-seen New Zealand Acts showed (2026-12-06, twenty-sixth session,
round 29a): the Public Records Act 2005 (ss 17-25) and the Unsolicited Electronic Messages Act 2007 (Part 2), both
a repository's Markdown of legislation.govt.nz's reprints.

A reprint heads each section with its number and catchline alone ("##### 17 Requirement to create and maintain
records": no "Section", no full stop) and sets the section as ONE list item whose first paragraph is subsection (1),
whose later subsections are paragraphs of their own and whose points are lists nested between them. No section was
opened, every subsection ran together ahead of (1)'s points, and catchlines with a verb were read as duties. One
behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def _markdown(tmp_path: Path, text: str) -> str:
    path = tmp_path / "law.md"
    path.write_text(text, encoding="utf-8")
    return read_document(path)


_RECORDS = ("## Part 2  \nRecordkeeping requirements\n\n"
            "##### 17 Requirement to create and maintain records\n    \n"
            "*   (1) Every public office must create and maintain full and accurate records of its affairs.\n    \n"
            "    (2) Every public office must maintain in an accessible form all public records in its control.\n\n")

_REGISTERS = ("##### 19 Registers\n    \n"
              "*   (1) The Chief Archivist must keep the following registers:\n        \n"
              "    *   (a) a register of all transfers deferred under [section 22][35]; and\n    \n"
              "    *   (b) a register of public records discharged under [section 25][39].\n    \n"
              "    (2) The Chief Archivist must make the registers available for public inspection.\n    \n"
              "    Section 19(2): amended, on 1 February 2011, by [section 11][124] of the Public Records Amendment "
              "Act (No 2) 2010 (2010 No 133).\n\n")


def test_a_reprint_heading_of_a_number_and_a_catchline_opens_the_section(tmp_path: Path) -> None:
    rows = _duties(_markdown(tmp_path, _RECORDS))
    assert [ref for ref, _, _ in rows] == ["17(1)", "17(2)"]


def test_a_later_subsection_after_nested_points_is_read_where_it_stands(tmp_path: Path) -> None:
    rows = _duties(_markdown(tmp_path, _REGISTERS))
    assert [ref for ref, _, _ in rows] == ["19(1)(a)", "19(1)(b)", "19(2)"]
    assert rows[-1][2].startswith("The Chief Archivist must make the registers available")


def test_a_reprint_catchline_with_a_verb_is_a_heading_not_a_duty(tmp_path: Path) -> None:
    text = ("##### 9 Unsolicited commercial electronic messages must not be sent\n    \n"
            "*   (1) A person must not send an unsolicited commercial electronic message.\n    \n"
            "    (2) A person who contends that a recipient consented has the onus of proof in relation to that "
            "matter.\n\n"
            "##### 11 Commercial electronic messages must contain functional unsubscribe facility\n    \n"
            "*   (1) A person must not send a commercial electronic message that has a New Zealand link.\n\n")
    rows = _duties(_markdown(tmp_path, text))
    assert [ref for ref, _, _ in rows] == ["9(1)", "11(1)"]
    assert not any("must contain functional" in text or "must not be sent" in text for _, _, text in rows)


def test_a_paragraph_after_a_sections_points_is_not_its_lead_ins_words(tmp_path: Path) -> None:
    text = ("##### 10 Commercial electronic messages must include accurate sender information\n    \n"
            "*   A person must not send a commercial electronic message that has a New Zealand link unless---\n"
            "        \n"
            "    *   (a) the message clearly and accurately identifies the person who authorised the sending; and\n"
            "    \n"
            "    *   (b) the message includes accurate information about how to contact that person.\n    \n"
            "    Compare: Spam Act 2003 s 17(1) (Aust)\n\n")
    rows = _duties(_markdown(tmp_path, text))
    assert rows and all("Compare" not in text for _, _, text in rows)
    assert rows[0][0] == "10"


# Fixed in the twenty-seventh session (the round's "applies unless---" lead-in, left PENDING by it).
_UNLESS = ("(1) Every public office must transfer public records that have been in existence for 25 years---\n\n"
           "  - (a) to the possession of Archives New Zealand; or\n"
           "  - (b) to the possession of an approved repository.\n\n"
           "(2) Subsection (1) applies unless---\n\n"
           "  - (a) the public records are to be destroyed in accordance with the provisions of this Act; or\n"
           "  - (b) the transfer of the public records is to be deferred under section 22.\n")


def test_a_labelled_line_ending_in_a_markdown_dash_after_unless_is_a_lead_in_not_a_catchline() -> None:
    from compgraph.legal.headings import is_title

    assert not is_title("Subsection (1) applies unless---")
    assert is_title("Personal data transfers---")


def test_the_points_of_subsection_applies_unless_are_when_it_applies_not_duties() -> None:
    assert [ref for ref, _, _ in _duties(_UNLESS)] == ["(1)(a)", "(1)(b)"]
