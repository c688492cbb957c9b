"""The failure classes the first runs on three never-seen US municipal texts showed (2026-12-06, twenty-fifth
session, round 27b): Springboro's charter Arts. VII-VIII (a civic repository's Jekyll pages), Baltimore's charter
Art. V (the city's own WordPerfect DocBook XML) and Bethlehem's Ord. 2017-34 (a PDF as Markdown).

A codifier's zero-width space before each label hid the points after "The capital program shall include:"; "There
shall be a Department of Law, the head of which shall be the Law Director." was cut at its relative clause; "shall
have and may exercise all powers" was cut into a duty and a permission; a list of parties before the verb ("The
Mayor, the Administration, and the City Departments shall have ...") was cut at its last "and"; "as may be necessary"
in a point made the point a permission, so its "and shall ... seek competitive bids" was cut off; "is also authorized
to" was no permission; "The foregoing shall not prohibit ..." was read as a prohibition. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import duty_clauses
from compgraph.legal.readers import read_document


def test_a_zero_width_space_before_a_label_is_no_text(tmp_path: Path) -> None:
    page = tmp_path / "charter.md"
    page.write_text("The capital program shall include:\n\n\u200b(1) A clear, general summary of its contents;\n\n"
                    "\u200b(2) Cost estimates for each improvement.\n", encoding="utf-8")
    text = read_document(page)
    assert "\u200b" not in text
    rows = _duties(text)
    assert [row[2] for row in rows] == [
        "The capital program shall include: (1) A clear, general summary of its contents;",
        "The capital program shall include: (2) Cost estimates for each improvement.",
    ]


def test_a_zero_width_space_written_as_an_html_entity_before_a_label_is_no_text(tmp_path: Path) -> None:
    page = tmp_path / "charter.html"
    page.write_text("<p>The capital program shall include:</p>"
                    "<p>&#8203;(1) A clear, general summary of its contents;</p>"
                    "<p>&ZeroWidthSpace;(2) Cost estimates for each improvement.</p>", encoding="utf-8")
    text = read_document(page)
    assert "\u200b" not in text
    assert [row[2] for row in _duties(text)] == [
        "The capital program shall include: (1) A clear, general summary of its contents;",
        "The capital program shall include: (2) Cost estimates for each improvement.",
    ]


def test_the_head_of_which_shall_be_names_who_heads_the_department() -> None:
    assert duty_clauses("There shall be a Department of Law, the head of which shall be the Law Director.") == [
        ("mandatory", "There shall be a Department of Law, the head of which shall be the Law Director.")]


def test_shall_have_and_may_exercise_all_powers_is_one_permission() -> None:
    sentence = ("Where the Charter and the Administrative Code are silent, the employees through the Manager of the "
                "City shall have and may exercise all powers and duties provided for similar employees by the State "
                "law.")
    assert duty_clauses(sentence) == [("permission", sentence)]


def test_a_list_of_parties_before_the_verb_is_one_subject() -> None:
    sentence = ("The Mayor, the Administration, and the City Departments shall have the authority to promulgate "
                "reasonable rules and regulations.")
    assert duty_clauses(sentence) == [("permission", sentence)]


def test_as_may_be_necessary_gives_no_leave() -> None:
    text = ("The Comptroller shall:\n\n(e) obtain such insurance as may be necessary for the protection of the City "
            "or as may be required by applicable law, and shall, whenever it would be to the City's advantage, seek "
            "competitive bids for the insurance; and\n\n(f) perform such other duties as prescribed by law.\n")
    rows = _duties(text)
    assert len(rows) == 2
    assert rows[0][1] == "mandatory" and rows[0][2].endswith("seek competitive bids for the insurance; and")


def test_is_also_authorized_to_is_a_permission() -> None:
    sentence = "It is also authorized to lease such property for fixed terms."
    assert duty_clauses(sentence) == [("permission", sentence)]


def test_the_foregoing_shall_not_prohibit_binds_no_one() -> None:
    text = ("The Chief Data Officer shall coordinate with the City Solicitor to develop rules for contracts. The "
            "foregoing shall not prohibit the negotiation of contract terms which do not include open data "
            "requirements.\n")
    assert [row[1] for row in _duties(text)] == ["mandatory"]


def test_a_jekyll_page_s_front_matter_title_opens_its_section(tmp_path: Path) -> None:
    pages = tmp_path / "charter.md"
    pages.write_text("---\nlayout: default \ntitle: Section 8.03 Submission of Budget.\n---\n\n{{ page.title }}\n"
                     "----------------\n\nThe Manager shall submit to the Council a budget.\n---\nlayout: default \n"
                     "title: Section 8.04 The Budget.\n---\n\n{{ page.title }}\n----------------\n\n"
                     "The budget shall provide a complete financial plan.\n", encoding="utf-8")
    text = read_document(pages)
    assert "layout:" not in text and "page.title" not in text
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("8.03", "mandatory"), ("8.04", "mandatory")]


def test_what_a_charter_constitutes_about_an_office_binds_no_one() -> None:
    text = ("The voters of Baltimore City shall elect a Comptroller of the City every fourth year. The term of the "
            "Comptroller shall commence in December and shall continue for 4 years. The Comptroller's salary shall "
            "be set as provided in Article VII. This budget shall serve as the basis for the annual appropriation "
            "ordinance. No public hearing will be required. To carry out the Auditor's duties, the Auditor shall "
            "have access at all times to the financial records of all municipal agencies.\n")
    assert _duties(text) == []


def test_an_office_holder_s_profession_is_a_qualification_he_must_keep() -> None:
    sentence = ("The Law Director shall be an attorney-at-law, qualified to practice law in the State of Ohio, "
                "appointed by and subject to the direction of the Council.")
    assert [row[1] for row in _duties(sentence + "\n")] == ["mandatory"]


def test_a_proviso_that_no_amendment_shall_increase_is_a_prohibition() -> None:
    sentence = ("In amending the tax budget, it may add or increase programs or amounts and may delete or decrease any "
                "programs or amounts, provided that no amendment to the budget shall increase the authorized "
                "expenditures to the amount greater than the total estimated income and reserves.")
    assert [modality for modality, _ in duty_clauses(sentence)] == ["permission", "prohibition"]
    assert duty_clauses(sentence)[0][1].startswith("In amending the tax budget, it may add or increase programs")


def test_except_that_no_function_may_be_discontinued_is_a_prohibition_of_its_own() -> None:
    sentence = ("They may prescribe the functions and names of all departments except that no function assigned by "
                "this Charter to a particular department may be discontinued.")
    assert [modality for modality, _ in duty_clauses(sentence)] == ["permission", "prohibition"]


def test_a_point_s_joined_catchlines_complete_no_lead_in(tmp_path: Path) -> None:
    page = tmp_path / "ordinance.md"
    page.write_text("C.   **Responsibilities.** The Chief Data Officer shall ensure the performance of the following "
                    "functions:\n\n1.   **Data Catalogue.** Oversee the creation of a data catalogue.\n\n"
                    "2.   **Risk Assessment and Management; Privacy protection.** In collaboration with the City "
                    "Solicitor: (a) Develop a process for determining the level of risk; (b) Ensure that the City is "
                    "reasonably insured.\n\n3.   **Contracting; Procurement Policies.** Where feasible, the Chief "
                    "Data Officer shall coordinate with the Purchasing Department to develop rules.\n",
                    encoding="utf-8")
    rows = [row[2] for row in _duties(read_document(page))]
    assert len(rows) == 4
    assert not any(row.endswith(("Privacy protection.", "Procurement Policies.")) for row in rows)


def test_a_title_the_law_left_in_force_and_rights_no_one_acquires_bind_no_one() -> None:
    text = ("The limitations on debt and tax rates without vote of the electors shall be continued as provided in "
            "the Constitution and general laws of the State of Ohio. No user of the Open Data Portal shall acquire "
            "or have intellectual property rights in the Open Data.\n")
    assert _duties(text) == []
    sentence = ("The attorney so designated shall serve with the title of Law Director, and other attorneys of that "
                "firm may serve as Acting Law Director when the Law Director is not available.")
    assert duty_clauses(sentence) == [
        ("permission", "other attorneys of that firm may serve as Acting Law Director when the Law Director is not "
                       "available.")]


def test_a_subject_of_its_own_before_a_phrase_set_off_by_commas_is_a_clause_of_its_own() -> None:
    sentence = ("The annual Ordinance of Estimates shall include the appropriations charged to the account, and the "
                "state of the account, with the particulars as to sources of receipts, shall be reported by the "
                "Comptroller annually to the City Council.")
    assert [text for _, text in duty_clauses(sentence)] == [
        "The annual Ordinance of Estimates shall include the appropriations charged to the account",
        "the state of the account, with the particulars as to sources of receipts, shall be reported by the "
        "Comptroller annually to the City Council."]


def test_a_sentence_glued_to_a_parenthesis_before_it_is_a_sentence_of_its_own() -> None:
    text = ("The program will be managed by the Chief Data Officer (defined below).Within ninety (90) days of the "
            "Effective Date, the Mayor shall designate a Chief Data Officer.\n")
    assert [row[2] for row in _duties(text)] == [
        "The program will be managed by the Chief Data Officer (defined below).",
        "Within ninety (90) days of the Effective Date, the Mayor shall designate a Chief Data Officer."]


def test_a_party_of_its_own_after_in_that_case_is_a_clause_of_its_own() -> None:
    sentence = ("A law firm may serve as Law Director and in that case, an attorney of that firm may be designated by "
                "the Council to serve as the nominal Law Director.")
    assert [modality for modality, _ in duty_clauses(sentence)] == ["permission", "permission"]


def test_what_an_ordinance_amounts_to_in_law_binds_no_one() -> None:
    text = ("Upon adoption, the annual appropriation ordinance shall become effective as of the first day of January "
            "and shall constitute an appropriation for the budgeted items without further legislation.\n")
    assert _duties(text) == []
