"""The failure classes the first runs on three never-seen US texts showed (2026-12-06, twenty-fourth session, round
25c): New York's LOADinG Act (S.7543-B) and Child Data Protection Act (S.7695-B) as the Legislature prints them (a
justified, hard-wrapped plain text in capitals under a Markdown header) and 45 CFR 164.312-318 as eCFR XML.

The eCFR's ``<HEAD>`` (a section's number and catchline) was dropped with a web page's head, so every duty was cited
"(a)(1)" and one section's lead-in ran into the next; a mixed-case catchline between a paragraph's label and its first
subparagraph's ("(b)(1) Standard: Documentation. (i) Maintain ...", "...(Required)—(i) Business associate contracts.")
hid the subparagraph. Markdown joined the New York print into a paragraph a page, with its running heads ("S. 7543--B
2") and typography key inside sentences; "§ 402. USE OF ... AGENCIES. 1. NO" lost its first words to the catchline;
"NO STATE AGENCY, ..., WHICH ... THAT: (A) ...; (B) ...; OR (C) ..., SHALL UTILIZE" read mandatory; "(2) ...; OR (3)
..." kept (3) inside (2); a page break in capitals, or an "AND" left alone on a line, opened a new paragraph; the
severability, commencement and introducers' formulas, a saving of employees' rights and a term narrowed "for purposes
of this paragraph" were taken as duties, "is or shall be treated as a minor" hid a duty as a deeming; "any control
users may have over their data" was a permission; a definition's "shall comply" was lost; ", however an operator may
make available" stayed inside a prohibition; labels and lettered section numbers set in capitals were cited so
("899-FF(3)(A)"), and the bill's own "§ 3." was cited as a code section. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.furniture import repair_typography
from compgraph.legal.readers import read_document

_ECFR = ('<DIV6 N="C" TYPE="SUBPART"><HEAD>Subpart C&#x2014;Security Standards</HEAD>'
         '<DIV8 N="164.316" TYPE="SECTION"><HEAD>&#xA7; 164.316 Policies and procedures.</HEAD>'
         "<P>A covered entity must, in accordance with &#xA7; 164.306:</P>"
         "<P>(a) <I>Standard: Policies and procedures.</I> Implement reasonable policies.</P></DIV8></DIV6>")


def _read(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(path)


# The New York print: lines justified to a margin of 72 characters, as many as a bill's first page has before its
# code sections, and a section of definitions before the section a test reads.
_LINES = "".join(" THE PEOPLE OF THE STATE OF NEW YORK, REPRESENTED IN SENATE AND ASSEMBLY,\n"
                 " IN RELATION TO AUTOMATED DECISION-MAKING BY STATE AGENCIES AND TO THE\n" for _ in range(10))
_DEFINITIONS = (" IN GENERAL.\n  § 401. DEFINITIONS. FOR THE PURPOSE OF THIS ARTICLE: 1. \"AGENCY\" MEANS\n"
                " ANY OFFICE OF THE STATE.\n")
_PAGE = _LINES + _DEFINITIONS


def _printed(lines: str) -> list[tuple[str, str, str]]:
    return _duties(_PAGE + lines)


def test_an_xml_head_element_is_a_heading_not_a_page_head(tmp_path: Path) -> None:
    assert "\n§ 164.316 Policies and procedures.\n" in _read(tmp_path, "part.xml", _ECFR)


def test_an_ecfr_sections_duties_are_cited_by_its_number(tmp_path: Path) -> None:
    assert [ref for ref, _, _ in _duties(_read(tmp_path, "part.xml", _ECFR))] == ["164.316(a)"]


def test_a_catchline_between_a_paragraph_and_its_first_subparagraph_hides_no_label() -> None:
    text = ("§ 164.316 Policies.\n\nA covered entity must:\n\n(b)(1) Standard: Documentation. (i) Maintain the "
            "policies in written form; and\n\n(ii) Maintain a written record of the action.\n\n(2) Implementation "
            "specifications:\n\n(i) Time limit (Required). Retain the documentation for 6 years.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["164.316(b)(1)(i)", "164.316(b)(1)(ii)", "164.316(b)(2)(i)"]


def test_a_catchline_ending_in_a_dash_before_the_first_subparagraph_hides_no_label() -> None:
    text = ("§ 164.314 Organizational requirements.\n\n(a)(1) Standard: Contracts. The contract must meet the "
            "requirements.\n\n(2) Implementation specifications (Required)—(i) Business associate contracts. The "
            "contract must provide that the business associate will—\n\n(A) Comply with this subpart;\n\n(B) Report "
            "to the covered entity any security incident.\n")
    assert "164.314(a)(2)(i)(B)" in [ref for ref, _, _ in _duties(text)]


_HEADER = ("# Enacts the act\n\n**Bill ID:** S1\n**Status:** Signed by Governor\n\n## Summary\n\nEnacts the act to "
           "regulate the use of automated decision-making systems and artificial intelligence techniques by state "
           "agencies and to require the publication of an impact assessment of every such system.\n\n"
           "## Full Text\n\n")
_PRINT = "".join(f"  {n}. THE  STATE  AGENCY  SHALL  PUBLISH  THE  REPORT  NUMBERED  {n}  ON  ITS\n WEBSITE.\n"
                 for n in range(1, 25))


def test_markdown_around_a_justified_print_is_read_line_by_line(tmp_path: Path) -> None:
    assert "\n WEBSITE.\n" in _read(tmp_path, "bill.md", _HEADER + _PRINT)


def test_new_yorks_running_heads_and_typography_key_are_page_furniture() -> None:
    text = ("§ 1. AN AGENCY SHALL PUBLISH THE\n\n EXPLANATION--Matter in ITALICS (underscored) is new; matter in "
            "brackets\n [ ] is old law to be omitted.\n LBD11734-11-4\n S. 7543--B  2\n\n REPORT.\n")
    repaired = repair_typography(text)
    assert "S. 7543--B" not in repaired and "EXPLANATION" not in repaired and "LBD" not in repaired


def test_a_catchline_run_on_into_the_first_subdivision_keeps_its_words() -> None:
    rows = _printed("  §  402.  USE  OF  AUTOMATED DECISION-MAKING SYSTEMS BY AGENCIES. 1. NO\n"
                    " STATE AGENCY SHALL AUTHORIZE ANY PROCUREMENT OF A SYSTEM UTILIZING, OR\n"
                    " RELYING ON, AUTOMATED DECISION-MAKING SYSTEMS.\n")
    assert [(ref, text[:16]) for ref, _, text in rows] == [("402(1)", "NO STATE AGENCY ")]


def test_no_subject_set_off_by_commas_before_its_modal_verb_is_a_prohibition() -> None:
    rows = _printed("  § 402. USE. 1. NO STATE AGENCY, OR ANY ENTITY ACTING  ON  BEHALF  OF  SUCH\n"
                    " AGENCY, WHICH UTILIZES ANY AUTOMATED DECISION-MAKING SYSTEM, DIRECTLY OR\n"
                    " INDIRECTLY, IN PERFORMING ANY FUNCTION  THAT:  (A)  IS  RELATED  TO  THE\n"
                    " DELIVERY  OF  ANY  PUBLIC  ASSISTANCE  BENEFIT; OR (B) AFFECTS ANY RIGHT\n"
                    " OF AN INDIVIDUAL, SHALL UTILIZE SUCH AUTOMATED DECISION-MAKING  SYSTEM,\n"
                    " UNLESS SUCH SYSTEM IS SUBJECT TO MEANINGFUL HUMAN REVIEW.\n")
    assert [(ref, modality) for ref, modality, _ in rows] == [("402(1)", "prohibition")]


def test_a_point_goes_on_to_the_next_after_a_semicolon_in_capitals() -> None:
    text = ("§ 402. USE. 1. THE USE OF A SYSTEM SHALL NOT RESULT IN THE: (1) DISCHARGE OF EMPLOYEES;\n (2) "
            "TRANSFER OF EXISTING DUTIES TO A SYSTEM; OR (3) TRANSFER OF FUTURE DUTIES.\n")
    assert [row[2] for row in _duties(text)][1:] == [
        "THE USE OF A SYSTEM SHALL NOT RESULT IN THE: (2) TRANSFER OF EXISTING DUTIES TO A SYSTEM; OR",
        "THE USE OF A SYSTEM SHALL NOT RESULT IN THE: (3) TRANSFER OF FUTURE DUTIES."]


def test_a_print_under_a_few_long_header_lines_is_still_hard_wrapped() -> None:
    header = "# Enacts the act " + "to regulate automated decision-making systems used by agencies " * 3 + "\n\n"
    rows = _duties(header + _LINES * 3 + _DEFINITIONS
                   + "  § 402. USE. 1. THE  USE  OF  AN  AUTOMATED  SYSTEM  SHALL  NOT  RESULT  IN\n"
                     " THE: (1) DISCHARGE, DISPLACEMENT OR LOSS OF POSITION OF ANY EMPLOYEE;\n"
                     " (2) TRANSFER OF EXISTING DUTIES AND  FUNCTIONS  CURRENTLY  PERFORMED  BY\n"
                     " EMPLOYEES  OF  THE STATE OR ANY AGENCY OR PUBLIC AUTHORITY THEREOF TO AN\n"
                     " AUTOMATED DECISION-MAKING SYSTEM; OR (3) TRANSFER OF FUTURE  DUTIES  AND\n"
                     " FUNCTIONS  ORDINARILY  PERFORMED BY EMPLOYEES OF THE STATE.\n")
    assert "402(1)(3)" in [ref for ref, _, _ in rows]


def test_a_severability_clause_binds_no_one() -> None:
    text = ("§ 2. Severability. If any clause of this act shall be adjudged by any court to be invalid, such "
            "judgment shall not affect the remainder thereof, but shall be confined in its operation to the clause "
            "directly involved.\n")
    assert _duties(text) == []


def test_new_yorks_commencement_formula_binds_no_one() -> None:
    text = ("§ 3. This act shall take effect one year after it shall have become a law. Effective immediately, the "
            "addition of any rule necessary for the implementation of this act on its effective date are authorized "
            "to be made and completed on or before such effective date.\n")
    assert _duties(text) == []


def test_a_saving_of_employees_rights_binds_no_one() -> None:
    text = ("§ 402. Use. 3. The use of an automated decision-making system shall not alter the rights or benefits of "
            "all existing employees.\n")
    assert _duties(text) == []


def test_a_term_narrowed_for_one_paragraph_forbids_nothing() -> None:
    text = ("§ 899. Purposes. 2. (b) Conducting the operator's internal business operations. For purposes of this "
            "paragraph, such internal business operations shall not include any activities related to marketing.\n")
    assert _duties(text) == []


def test_a_bills_introducers_are_no_duty_though_one_is_named_may() -> None:
    rows = _printed(" Introduced  by  Sens.  GOUNARDES,  BAILEY, BORRELLO, BROUK, CHU, CLEARE,\n"
                    "  MARTINEZ, MAY, MAYER, MURRAY, MYRIE -- read twice and ordered printed,\n"
                    "  and when printed to be committed to the Committee on Rules\n \n"
                    "  § 402. DELETION. 1. AN OPERATOR SHALL DELETE THE PERSONAL DATA OF A\n COVERED USER.\n")
    assert [ref for ref, _, _ in rows] == ["402(1)"]


def test_a_state_in_a_condition_is_no_deeming() -> None:
    text = ("§ 899. Flags. 1. An operator shall treat a user as a covered user if the user's device signals that the "
            "user is or shall be treated as a minor.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["mandatory"]


def test_a_page_break_in_capitals_does_not_end_the_sentence() -> None:
    rows = _printed("  § 402. CONSENT. 1. REQUESTS FOR SUCH INFORMED CONSENT SHALL:\n"
                    "  (I)  CLEARLY  AND  CONSPICUOUSLY STATE THAT THE PROCESSING FOR WHICH\n"
                    " THE CONSENT IS REQUESTED IS NOT STRICTLY NECESSARY, AND THAT THE COVERED\n\n"
                    " USER MAY DECLINE WITHOUT PREVENTING CONTINUED USE OF THE WEBSITE; AND\n"
                    "  (II)  CLEARLY  PRESENT  AN  OPTION TO REFUSE TO PROVIDE CONSENT.\n")
    assert [ref for ref, _, _ in rows] == ["402(1)(i)", "402(1)(ii)"]


def test_an_and_alone_on_its_line_goes_on_with_the_point_before() -> None:
    rows = _printed("  § 402. CONSENT. 1. REQUESTS FOR SUCH INFORMED CONSENT SHALL:\n"
                    "  (I) STATE THAT THE COVERED USER MAY DECLINE WITHOUT PREVENTING CONTINUED\n"
                    " USE OF THE WEBSITE, ONLINE SERVICE,  OR  MOBILE  APPLICATION  OR  DEVICE;\n"
                    " AND\n"
                    "  (II)  CLEARLY  PRESENT  AN  OPTION TO REFUSE TO PROVIDE CONSENT.\n")
    assert [ref for ref, _, _ in rows] == ["402(1)(i)", "402(1)(ii)"]


def test_what_users_may_have_over_their_data_is_no_permission() -> None:
    text = ("§ 403. Assessments. 1. Such impact assessments shall include: (a) the extent to which the system "
            "requires personal data, how that data is used, and any control users may have over their data; and (b) "
            "the notification mechanism.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["mandatory", "mandatory"]


def test_a_definitions_shall_comply_sentence_is_a_duty() -> None:
    text = ("§ 899-ee. Definitions. For purposes of this article:\n\n3. \"Operator\" shall mean any person who "
            "operates a website. A person that acts as both an operator and processor shall comply with the "
            "obligations of both.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["mandatory"]


def test_however_a_party_may_after_a_comma_is_a_permission_of_its_own() -> None:
    text = ("§ 899. Consent. 3. (c) If a user declines consent, another request may not be made for the following "
            "calendar year, however an operator may make available a mechanism to provide consent.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["prohibition", "permission"]


def test_a_provision_set_in_capitals_is_cited_in_the_codes_lower_case() -> None:
    rows = _printed("  § 402-FF. PRIVACY PROTECTION BY DEFAULT. 1. AN OPERATOR SHALL NOT SELL\n"
                    " THE PERSONAL DATA OF A COVERED USER.\n"
                    "  2.  (A)  FOR THE PURPOSES OF THIS SECTION, REQUESTS FOR SUCH INFORMED\n"
                    " CONSENT SHALL:\n"
                    "  (I) BE MADE SEPARATELY FROM ANY OTHER TRANSACTION.\n")
    assert [ref for ref, _, _ in rows] == ["402-ff(1)", "402-ff(2)(a)(i)"]


def test_a_new_york_bills_own_signed_sections_are_cited_apart_from_the_codes() -> None:
    text = ("Section 1. Short title. This act may be cited as the act.\n  § 2. The state technology law is amended by "
            "adding a new article 4 to read as follows:\n  § 401. DEFINITIONS. 1. \"AGENCY\" SHALL MEAN ANY OFFICE.\n"
            "  § 402. USE. 1. NO STATE AGENCY SHALL PROCURE ANY SYSTEM.\n  § 3. Disclosure. Any state agency shall "
            "submit a disclosure to the legislature.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["402(1)", "Section 3"]
