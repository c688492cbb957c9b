"""The failure classes the first run on three never-seen texts showed (the Illinois Open Operating Standards Act
in the legislature's hard-wrapped plain text, the Montgomery County Code written in "must", the Honolulu
open-data ordinance as one-line HTML), one behaviour each."""

from __future__ import annotations

import textwrap

import pytest
from dutyrows import duty_rows as _duties

from compgraph.legal.provisions import statute_duties

# Findings with no modal verb, wrapped as the Illinois General Assembly prints an act (four-space paragraph
# indent, a margin near column 62), so that a document built around them reads as hard-wrapped text.
_FINDINGS = textwrap.fill(
    "The General Assembly finds that public data held by the agencies of the State are a public asset, that "
    "their publication in open formats increases transparency and accountability, that residents, businesses "
    "and researchers reuse them in new analyses and applications, that a common portal with common technical "
    "standards lowers the cost of publication for every agency, and that the experience of other states and "
    "cities shows the value of a single point of access for public data sets of every kind and origin.",
    width=62, initial_indent="    ")


def _act(*sections: str) -> str:
    return "Section 2. Findings.\n\n" + "\n\n".join([_FINDINGS] * 3 + list(sections)) + "\n"


def test_a_line_broken_at_a_hard_wrapped_acts_margin_is_not_dropped_as_a_title() -> None:
    text = _act("    Section 10. Open operating standard.",
                "    (b) To implement this Act, the Office of the Governor may,\n"
                "by rule, establish policies, standards, and guidance as\n"
                "required herein.")
    assert _duties(text) == [("10(b)", "permission", "To implement this Act, the Office of the Governor may, by "
                                                     "rule, establish policies, standards, and guidance as "
                                                     "required herein.")]


def test_a_labelled_line_broken_at_the_margin_is_not_a_heading() -> None:
    text = _act("    Section 15. Function.",
                "    (e) Within 120 days of the effective date of this Act, each\n"
                "State agency shall submit a compliance plan to the Governor.")
    assert _duties(text) == [("15(e)", "mandatory", "Within 120 days of the effective date of this Act, each "
                                                    "State agency shall submit a compliance plan to the Governor.")]


def test_inline_points_run_on_across_the_wrapped_lines_of_their_paragraph() -> None:
    text = _act("    Section 15. Function.",
                "    (f) For purposes of prioritizing public data sets, State\n"
                "agencies shall consider whether information embodied in the\n"
                "public data set: (1) can be used to increase agency\n"
                "accountability and responsiveness; (2) improves public\n"
                "knowledge of the agency and its operations; or (3) furthers\n"
                "the mission of the agency.")
    assert [(r, t.split(": ")[-1]) for r, _, t in _duties(text)] == [
        ("15(f)(1)", "(1) can be used to increase agency accountability and responsiveness;"),
        ("15(f)(2)", "(2) improves public knowledge of the agency and its operations; or"),
        ("15(f)(3)", "(3) furthers the mission of the agency."),
    ]


def test_a_section_heading_that_runs_on_into_its_first_sentence_opens_the_section() -> None:
    text = ("Section 1. Short title. This Act may be cited as the Open Data Act.\n\n"
            "Section 5. Definitions. As used in this Act:\n\n"
            "\"Data\" means final versions of information; it shall include geographic data.\n\n"
            "Section 6. The Office of the Governor shall publish the manual.\n")
    assert _duties(text) == [("6", "mandatory", "The Office of the Governor shall publish the manual.")]


def test_a_bills_own_sections_beside_the_code_sections_it_adds_are_cited_as_sections_of_the_bill() -> None:
    text = ("SECTION 2. Chapter 2 is amended by adding a new article to read as follows:\n\n"
            "Sec. 2-_.2 Availability.\n\n(a) Each agency shall publish its data sets.\n\n"
            "SECTION 3. The Director of Information Technology shall report to the Council within one year.\n")
    assert [(r, a) for r, a in ((d.ref, d.addressee) for d in statute_duties(text))] == [
        ("2-_.2(a)", "authority"), ("Section 3", "authority")]


def test_numbered_paragraphs_under_a_finished_sentence_are_not_points_of_a_lead_in() -> None:
    text = ("Section 15. Function.\n\n(b) Public data sets shall be made available in accordance with the standards. "
            "The technical standards shall be determined by the Office of the Governor.\n\n"
            "(1) Public data sets shall be provided in an open format.\n\n"
            "(2) Public data sets shall be updated as often as is necessary.\n")
    assert _duties(text) == [
        ("15(b)", "mandatory", "Public data sets shall be made available in accordance with the standards."),
        ("15(b), sentence 2", "mandatory",
         "The technical standards shall be determined by the Office of the Governor."),
        ("15(b)(1)", "mandatory", "Public data sets shall be provided in an open format."),
        ("15(b)(2)", "mandatory", "Public data sets shall be updated as often as is necessary."),
    ]


def test_a_duty_before_provided_that_points_stands_and_each_proviso_binds_by_its_own_verb() -> None:
    text = ("Sec. 2-_.2 Availability.\n\n(a) Each agency shall use reasonable efforts to make its data sets "
            "available; provided that:\n\n(1) Nothing in this chapter shall require agencies to create data sets;\n\n"
            "(2) Licensed data shall not be made public unless the licensor agrees.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [("2-_.2(a)", "mandatory"), ("2-_.2(a)(2)", "prohibition")]
    assert _duties(text)[0][2] == "Each agency shall use reasonable efforts to make its data sets available"


def test_and_no_x_shall_is_a_prohibition_beside_the_duty_it_follows() -> None:
    text = ("Sec. 4. Disclosure.\n\n(a) Such disclosure shall be consistent with applicable law and no personally "
            "identifiable information shall be posted online unless the individual has consented.\n")
    assert [(m, t[-40:]) for _, m, t in _duties(text)] == [
        ("mandatory", "Such disclosure shall be consistent with applicable law"[-40:]),
        ("prohibition", "online unless the individual has consented."[-40:]),
    ]


def test_a_relative_clause_that_is_authorized_to_does_not_make_the_duty_a_permission() -> None:
    text = ("Section 20. Grants.\n\n(a) Each grantor agency that is authorized to award grant funds shall "
            "coordinate with the Office of the Governor.\n")
    assert [m for _, m, _ in _duties(text)] == ["mandatory"]


def test_a_label_with_a_space_inside_its_parentheses_is_still_a_label() -> None:
    text = ("Sec. 2-_.2 Availability.\n\n(b) The director may adopt rules.\n\n"
            "( c) Each agency shall update its data sets.\n")
    assert [r for r, _, _ in _duties(text)] == ["2-_.2(b)", "2-_.2(c)"]


@pytest.mark.parametrize("clause", [
    "Data sets shall be available for informational purposes only.",
    "The city does not warrant the completeness of any data set and shall not be liable for any deficiencies.",
    "The County makes no express or implied warranty that any data set shall be complete or accurate.",
    "Failure to comply with this Article must not result in liability to the County.",
    "This Act may be cited as the Open Operating Standards Act.",
    "Data not subject to the requirements of this Section include data to which an agency may deny access.",
    "All public data sets shall be entirely in the public domain for purposes of federal copyright law.",
    "The standards shall not require the agencies to post personal information.",
    "This act shall be known and may be cited as the Open Data Initiative.",
    "Open datasets shall be treated as license-free, subject to reuse.",
    "Each such contract shall be subject to the provisions of this act and any applicable law.",
    "An agency shall not warrant the fitness of any dataset, nor shall an agency be liable for any deficiencies.",
    "The provisions of this act shall be construed as supplementing the open public records act.",
    "This Chapter shall not create any private rights or any private right of action to enforce its provisions.",
    "No user shall have intellectual property rights or proprietary interests in the Open Data.",
    "In the event that any part of this Ordinance shall be found and determined to be invalid by a court, all valid "
    "parts shall remain in full force and effect.",
    "This ordinance shall be effective immediately after the date of its publication.",
    "The provisions of this Policy shall be applicable on or after October 1, 2014.",
    "This policy is a minimum standard and should not inhibit the dissemination of other public information.",
    "The City Council, Elected Officials and multiple departments may have memberships with various associations.",
], ids=["informational-purposes", "no-warranty-no-liability", "makes-no-warranty", "must-not-result-in-liability",
        "short-title", "scope", "public-domain", "instrument-shall-not-require", "shall-be-known", "license-free",
        "subject-to-the-provisions", "shall-not-warrant-nor-be-liable", "construed-as", "no-private-rights",
        "no-intellectual-property", "severability", "shall-be-effective", "shall-be-applicable",
        "instrument-should-not-inhibit", "may-have-a-fact"])
def test_disclaimers_titles_scope_and_status_clauses_bind_no_one(clause: str) -> None:
    assert statute_duties(f"Sec. 9. General.\n\n(a) {clause}\n") == []


def test_a_proviso_on_what_an_instrument_may_not_require_leaves_the_duty_before_it() -> None:
    text = ("Sec. 9. Rules.\n\n(a) The director shall adopt rules; provided that the standards shall not require "
            "the agencies to post personal information.\n")
    assert [m for _, m, _ in _duties(text)] == ["mandatory"]
    assert "shall not require" not in _duties(text)[0][2]


@pytest.mark.parametrize("subject", ["the County", "The Office of the Governor", "The director of information "
                                     "technology", "The Legislative Branch", "Any unit of local government",
                                     "The Council"])
def test_a_county_its_officers_a_governor_and_local_government_bind_as_authority(subject: str) -> None:
    duties = statute_duties(f"Sec. 9. General.\n\n(a) Within 180 days, {subject} must publish a manual.\n")
    assert [d.addressee for d in duties] == ["authority"]


def test_a_bill_without_headings_numbers_its_sections_and_their_lettered_subsections() -> None:
    text = ("BE IT ENACTED by the Senate:\n\n1. This act shall be known as the Open Data Initiative.\n\n"
            "2. a. A Chief Data Officer shall be appointed by the Chief Technology Officer.\n\n"
            "b. Each agency shall provide datasets to the Chief Data Officer.\n\n"
            "3. Each agency shall verify the accuracy of its datasets.\n")
    assert [r for r, _, _ in _duties(text)] == ["2(a)", "2(b)", "3"]


def test_shall_have_the_authority_to_leads_in_to_permissions() -> None:
    text = ("Sec. 4. Officer.\n\n(a) The Chief Data Officer shall have the authority to:\n\n"
            "(1) establish procedures and standards;\n\n(2) monitor compliance with this act.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [("4(a)(1)", "permission"), ("4(a)(2)", "permission")]


def test_shall_be_permitted_only_when_is_a_permission_with_its_condition() -> None:
    text = ("Sec. 6. Sharing.\n\n(a) The sharing of personal data shall be permitted only when in conformity "
            "with restrictions established by the Chief Data Officer.\n")
    assert [m for _, m, _ in _duties(text)] == ["permission"]


def test_letters_with_one_parenthesis_after_a_colon_are_points_and_a_sentence_after_them_is_the_sections() -> None:
    text = ("Sec. 8. Report.\n\nThe Chief Technology Officer shall submit a report discussing: a) the progress "
            "made on the implementation of the act; b) the feasibility of requiring the Legislative Branch to "
            "make open data available; and c) such other items as the Chief Technology Officer deems necessary. "
            "The report may include any recommendations for changes to this act.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [("8(a)", "mandatory"), ("8(b)", "mandatory"),
                                                     ("8(c)", "mandatory"), ("8, sentence 2", "permission")]


def test_a_three_part_code_section_and_its_capital_letter_subsections_are_cited() -> None:
    text = ("Chapter 2.126 – Open Data Ordinance\n\n2.126.030 – Data Accessibility\n\n"
            "A. The City shall consider whether the Data: 1. improves public knowledge; or 2. adds to accountability."
            "\n\nB. Such efforts shall be consistent with applicable laws.\n")
    assert [r for r, _, _ in _duties(text)] == ["2.126.030(A)(1)", "2.126.030(A)(2)", "2.126.030(B)"]


def test_will_binds_in_a_code_but_not_where_it_predicts_or_sits_in_a_subordinate_clause() -> None:
    text = ("Sec. 9. Access.\n\n(a) Making government data open will create meaningful opportunities for the public."
            "\n\n(b) The City Manager will report periodically to the City Council.\n\n"
            "(c) The plan shall state the date by which the data set will be available.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [("9(b)", "mandatory"), ("9(c)", "mandatory")]


def test_shall_be_prohibited_is_a_prohibition() -> None:
    assert [d.modality for d in statute_duties("Sec. 9. Access.\n\n(c) The disclosure of Protected Data shall "
                                               "be prohibited.\n")] == ["prohibition"]


def test_a_passive_duty_of_a_code_that_names_no_operator_binds_whom_the_code_names() -> None:
    text = ("Sec. 1. Portal.\n\n(a) The City shall publish a portal.\n\n"
            "Sec. 2. Access.\n\n(a) Open Data shall be free of charge.\n")
    assert [d.addressee for d in statute_duties(text)] == ["authority", "authority"]


def test_a_policys_roman_numbered_headings_are_sections_and_its_numbered_catchlines_head_paragraphs() -> None:
    text = ("AN ORDINANCE ADOPTING A WEBSITE TRANSPARENCY POLICY\n\n"
            "SECTION 4. The City Clerk is hereby authorized to publish this ordinance.\n\nEXHIBIT A: POLICY\n\n"
            "I. Purpose\n\nThis policy provides guidance.\n\nII. Effective Date\n\nThis policy applies from 2014."
            "\n\nIII. Procedures/Guidelines\n\n"
            "The City website shall include the following information and documents.\n\n"
            "1. Elected Officials\n\nThe City website shall include contact information for all elected officials.\n\n"
            "2. Budgets\n\nThe City website shall include the detailed budget.\n")
    assert _duties(text) == [
        ("4", "permission", "The City Clerk is hereby authorized to publish this ordinance."),
        ("III", "mandatory", "The City website shall include the following information and documents."),
        ("III(1)", "mandatory", "The City website shall include contact information for all elected officials."),
        ("III(2)", "mandatory", "The City website shall include the detailed budget."),
    ]


def test_is_to_be_listed_is_a_duty_unless_a_modal_verb_governs_the_sentence() -> None:
    text = ("Sec. 9. Access.\n\n(a) This information is to be listed on the website in a searchable format.\n\n"
            "(b) Member States may decide that the assessment is to be carried out by an accreditation body.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [("9(a)", "mandatory"), ("9(b)", "permission")]


def test_a_recital_states_no_duty_even_in_its_later_sentences() -> None:
    text = ("WHEREAS, the Institute has developed a checklist. In addition, this checklist will provide a framework "
            "to the City.\n\nSECTION 1. The City shall publish the checklist on its website.\n")
    assert [r for r, _, _ in _duties(text)] == ["1"]


def test_shall_not_be_required_if_conditions_are_an_exception_but_a_duty_inside_a_condition_stands() -> None:
    text = ("Article 34\n\nCommunication\n\n3. The communication shall not be required if any of the following "
            "conditions are met:\n\n(a) the controller has applied encryption;\n\n(b) it would involve "
            "disproportionate effort. In such a case, there shall instead be a public communication.\n")
    assert _duties(text) == [("34(3)(b), sentence 2", "mandatory",
                              "In such a case, there shall instead be a public communication.")]
