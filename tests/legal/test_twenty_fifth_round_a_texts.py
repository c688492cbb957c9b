"""The failure classes the first runs on three never-seen US state texts in Markdown showed (2026-12-06,
twenty-fourth session, round 25a): Missouri's SB 1108 (2024) as a bill PDF's text layer saved as Markdown, every line
led by its margin number and the running page header ("SB 1108 6") between two lines of a sentence, so the numbers
were words, no section or point opened and the file was one paragraph (P 0.545, R 0.176); its code sections printed
"375.1405. 1. Commensurate ..." and its subsections "6. (1) A licensee shall", its short title "shall be known and
may be cited as" and its glossary '(10) "Licensee", any person ..., but shall not include ...' after "the following
terms mean:"; and Washington's HB 1850 as wa-law.org's generated Markdown, whose "1. [Empty]" items (a subsection
whose words begin in its paragraph "a.") lost their number, so the subsections after them were cited under the
last point ("9(1)(c)(iii)(2)"), with "are responsible under this chapter for", "each responsible for only the
measures allocated to them", "In no event may any contract relieve ..." and a lead-in "must include ..., as well as
the following requirements:" over points that are sentences of their own. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def _numbered(body: list[str], first: int = 1) -> list[str]:
    return [f"{n} {line}" for n, line in enumerate(body, start=first)]


_BILL_HEAD = ["SECOND REGULAR SESSION", "SENATE BILL NO. 1108", "AN ACT",
              "Be it enacted by the General Assembly of the State of Missouri, as follows:"]
_SECTION = _numbered([
    "375.1405. 1. Commensurate with the size and",
    "complexity of the licensee, each licensee shall",
    "develop, implement, and maintain a comprehensive written",
    "information security program.",
    "2. The licensee shall:",
    "(1) Designate one or more employees to be responsible",
    "for the information security program; and",
    "(2) Identify reasonably foreseeable internal or",
    "external threats.",
    "3. (1) A licensee shall exercise due diligence in",
    "selecting its third-party service provider.",
    "(2) A licensee shall require a third-party service",
    "provider to implement appropriate measures.",
    "4. The licensee shall monitor, evaluate, and adjust,",
    "as appropriate, the information security program.",
    "5. The licensee shall keep records of the",
    "program for five years.",
    "6. The licensee shall submit a report to the",
    "director annually.",
    "7. The licensee shall designate an officer for",
    "the program.",
])


def _bill(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "bill.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_bills_margin_line_numbers_are_no_words_of_its_lines(tmp_path: Path) -> None:
    lines = [*_BILL_HEAD, *_SECTION[:4], "SB 1108 2", *_SECTION[4:12], "SB 1108 3", *_SECTION[12:]]
    text = read_document(_bill(tmp_path, lines))
    assert "each licensee shall develop, implement, and maintain a comprehensive written information" in text
    assert "SB 1108" not in text
    assert "\n(2) Identify reasonably foreseeable internal or external threats." in text


def test_a_code_section_number_before_subsection_1_opens_the_section(tmp_path: Path) -> None:
    text = read_document(_bill(tmp_path, [*_BILL_HEAD, *_SECTION]))
    assert _duties(text)[0][0] == "375.1405(1)"


def test_a_subsection_number_before_its_first_subdivision_stays_in_the_code_section(tmp_path: Path) -> None:
    text = read_document(_bill(tmp_path, [*_BILL_HEAD, *_SECTION]))
    assert ("375.1405(3)(1)", "mandatory") in [(ref, mod) for ref, mod, _ in _duties(text)]


def test_sections_that_shall_be_known_and_may_be_cited_as_a_title_bind_no_one() -> None:
    text = ('375.1400. 1. Sections 375.1400 to 375.1427 shall be known and may be cited as the "Insurance Data '
            'Security Act".\n\n2. Each licensee shall keep records.\n')
    assert [ref for ref, _, _ in _duties(text)] == ["375.1400(2)"]


def test_a_quoted_terms_definition_after_the_following_terms_mean_is_no_duty() -> None:
    text = ('375.1402. As used in sections 375.1400 to 375.1427, the following terms mean:\n\n(1) "Director", the '
            'director of the department;\n\n(2) "Licensee", any person licensed pursuant to the insurance laws of this '
            'state, but shall not include a purchasing group;\n\n(3) "Risk assessment", the risk assessment that each '
            'licensee is required to conduct under section 375.1405.\n\n375.1405. 1. Each licensee shall keep '
            'records.\n')
    assert [ref for ref, _, _ in _duties(text)] == ["375.1405(1)"]


_EMPTY = ("# House Bill 1850\n\n## Section 9\n1. [Empty]\n\n    a. Controllers shall provide consumers with a privacy "
          "notice that includes:\n\n        i. The categories of personal data processed by the controller;\n\n"
          "        ii. The purposes for which the categories of personal data are processed.\n\n    b. The controller "
          "must disclose the processing.\n\n2. A controller's collection of personal data must be limited.\n\n3. A "
          "controller shall establish data security practices.\n")


def test_an_empty_subsection_item_keeps_its_number_before_its_first_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "bill.md"
    path.write_text(_EMPTY, encoding="utf-8")
    assert [ref for ref, _, _ in _duties(read_document(path))][:2] == ["9(1)(a)(i)", "9(1)(a)(ii)"]


def test_the_subsections_after_an_empty_items_points_are_not_cited_under_them(tmp_path: Path) -> None:
    path = tmp_path / "bill.md"
    path.write_text(_EMPTY, encoding="utf-8")
    assert [ref for ref, _, _ in _duties(read_document(path))][-2:] == ["9(2)", "9(3)"]


def test_are_responsible_under_this_chapter_for_is_a_duty() -> None:
    text = ("Section 8\n\n1. Processors are responsible under this chapter for adhering to the instructions of the "
            "controller.\n")
    assert [(ref, mod) for ref, mod, _ in _duties(text)] == [("8(1)", "mandatory")]


def test_parties_each_responsible_for_only_the_measures_allocated_to_them_is_no_duty() -> None:
    text = ("Section 8\n\n2. This assistance includes the following:\n\n(a) The processor shall assist the "
            "controller.\n\n(b) The processor shall provide information to the controller. The controller and "
            "processor are each responsible for only the measures allocated to them.\n")
    assert _duties(text)[-1] == ("8(2)(b)", "mandatory", "This assistance includes the following: (b) The processor "
                                 "shall provide information to the controller.")


def test_in_no_event_may_any_contract_relieve_a_party_of_its_liabilities_is_no_duty() -> None:
    text = ("Section 8\n\n1. The processor shall assist the controller.\n2. In no event may any contract relieve a "
            "controller or a processor from the liabilities imposed on them by virtue of its role.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["8(1)"]


def test_a_lead_in_requiring_more_than_its_sentence_points_is_a_duty_of_its_own() -> None:
    text = ("Section 8\n\n5. Processing by a processor must be governed by a contract. In addition, the contract must "
            "include the requirements imposed by this subsection, as well as the following requirements:\n\n(a) At "
            "the choice of the controller, the processor shall delete or return all personal data;\n\n(b) The "
            "processor shall make available to the controller all information necessary.\n")
    rows = _duties(text)
    assert [ref for ref, _, _ in rows] == ["8(5)", "8(5), sentence 2", "8(5)(a)", "8(5)(b)"]
    assert rows[1][2].startswith("In addition, the contract must include the requirements imposed by this subsection")
