"""The failure classes the first runs on three never-seen Georgia municipal charters showed (2026-12-06, twenty-fourth
session, round 25b): Ashburn's and Americus's charters as Municode's plain text, and Brookhaven's as the University of
Georgia's TEI XML, whose whole charter is one ``<p>`` keeping the export's lines, so it was read as one paragraph: no
"Section 3.04. - ..." line opened a section, every duty was cited "(9), sentence N" or "whole text", and the city
manager's fourteen points were read as more points of the mayor's "(a) The mayor shall:". The Georgia model charter's
lead-ins "shall have the power and it shall be his or her duty to:" and "shall have the additional power, duty, and
responsibility to:" made every point a permission; "neither ... nor ... shall" read as a duty (and, after ", and",
ran into the duty before); a coordinated subject ("The mayor and any councilmember who ...", "No former mayor and no
former councilmember shall") was cut as two clauses; a point "Have power to administer oaths" read as a duty; "as
they may deem pertinent" and a proviso opening with a phrase ("provided, however, that regardless of ..., the city
manager may") were cut wrongly; the charter's effects, penalties, rights and limits ("shall render ... voidable",
"shall be subject to removal", "shall be ineligible for", "shall be entitled to notice", "may be accepted as
satisfying", "may be made only from", "shall be valid and binding until", "shall lapse", "shall be adopted without
further action", "shall constitute the budget year", "shall have all of the powers ... granted") were taken as
duties. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import duty_clauses, later_clauses, statute_modality
from compgraph.legal.nonduty import NON_DUTY
from compgraph.legal.readers import read_document

_TEI = ('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <text>\n     <body>\n'
        '         <div type="charter">\n            <p>PART I - CHARTER[1] \n'
        "                  ARTICLE III. - EXECUTIVE BRANCH \n\n"
        "                  Section 3.01. - Powers and duties of the mayor. \n"
        "                  (a)\u2003The mayor shall: \n"
        "                  (1)\u2003Preside over all meetings of the city council; \n"
        "                  (2)\u2003Serve in a part-time capacity. \n"
        "                  Section 3.04. - City manager; powers and duties enumerated. \n"
        "                  The city manager shall have the power and it shall be his or her duty to: \n"
        "                  (1)\u2003See that all laws and ordinances are enforced; \n"
        "                  (2)\u2003Keep the city council fully advised. \n"
        "</p>\n         </div>\n     </body>\n  </text>\n</TEI>\n")


def test_an_xml_element_that_keeps_a_codes_lines_is_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "charter.xml"
    path.write_text(_TEI, encoding="utf-8")
    lines = read_document(path).splitlines()
    assert "Section 3.04. - City manager; powers and duties enumerated." in lines
    assert "(1) See that all laws and ordinances are enforced;" in lines


def test_the_sections_of_a_line_laid_xml_charter_cite_their_duties(tmp_path: Path) -> None:
    path = tmp_path / "charter.xml"
    path.write_text(_TEI, encoding="utf-8")
    assert [ref for ref, _, _ in _duties(read_document(path))] == ["3.01(a)(1)", "3.01(a)(2)", "3.04(1)", "3.04(2)"]


def test_a_paragraph_wrapped_in_html_is_still_one_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>Section 1. The council shall\n(a) meet;\n(b) vote;\n(c) adjourn;\n(d) sit.</p>"
                    "</body></html>", encoding="utf-8")
    assert "The council shall (a) meet; (b) vote;" in read_document(path)


def test_a_lead_in_giving_power_and_duty_binds_its_points() -> None:
    assert statute_modality("The city manager shall have the power and it shall be his or her duty to:") == "mandatory"
    assert statute_modality("The city manager shall have the additional power, duty, and responsibility to:") \
        == "mandatory"
    assert statute_modality("The mayor shall have the authority to transfer appropriations.") == "permission"


def test_neither_nor_shall_is_a_prohibition() -> None:
    assert statute_modality("Except where authorized by law, neither the mayor nor any councilmember shall hold any "
                            "other elective office.") == "prohibition"


def test_neither_nor_after_and_is_a_clause_of_its_own() -> None:
    assert [m for m, _ in duty_clauses(
        "The city council shall deal with city officers solely through the city manager, and neither the city "
        "council nor its members shall give orders to any such officer.")] == ["mandatory", "prohibition"]


def test_a_coordinated_subject_is_not_cut_as_two_clauses() -> None:
    sentence = "No former mayor and no former councilmember shall hold any compensated appointive office."
    assert duty_clauses(sentence) == [("prohibition", sentence)]


def test_a_point_granting_a_power_under_a_shall_lead_in_is_a_permission() -> None:
    text = "Section 2.28. - Powers and duties of mayor. The mayor shall: (1) Preside at all meetings; (2) Have power " \
           "to administer oaths and to take affidavits.\n"
    assert [m for _, m, _ in _duties(text)] == ["mandatory", "permission"]


def test_what_a_party_may_deem_pertinent_is_no_clause_of_its_own() -> None:
    assert len(duty_clauses("The budget shall be accompanied by a message containing a general summary of the budget, "
                            "and such other comments and information as they may deem pertinent.")) == 1


def test_a_proviso_opening_with_a_phrase_is_a_permission_of_its_own() -> None:
    _, later = later_clauses("Attend all meetings of the city council; provided, however, that regardless of the "
                             "decision of the meeting chair, the city manager may take part in any discussion.",
                             "mandatory")
    assert [m for m, _ in later] == ["permission"]


def test_a_relative_clause_naming_whose_duty_it_is_is_a_duty_of_its_own() -> None:
    _, later = later_clauses("See that all terms are kept and call the same to the attention of the city attorney, "
                             "whose duty it shall be forthwith to take such steps as are necessary.", "mandatory")
    assert [m for m, _ in later] == ["mandatory"]


def test_a_verb_repeated_for_the_same_subject_stays_in_its_proviso() -> None:
    _, later = later_clauses("Attend all meetings; provided, however, that the city manager shall not be authorized "
                             "to vote and shall not be authorized to attend executive sessions.", "mandatory")
    assert len(later) == 1 and later[0][1].endswith("attend executive sessions.")


def test_what_the_council_may_adopt_in_a_relative_clause_is_not_the_clauses_modality() -> None:
    _, later = later_clauses("Appoint city employees in accordance with the rules that the city council may adopt; "
                             "provided, however, that the city manager may delegate such authority.", "mandatory")
    assert [m for m, _ in later] == ["permission"]


def test_a_charters_effects_penalties_rights_and_limits_bind_no_one() -> None:
    for clause in ("Any violation shall render said contract or sale voidable at the option of the city council.",
                   "Any officer who knowingly violates this section shall be subject to removal.",
                   "Any officer removed shall be ineligible for appointment for three years.",
                   "The city manager shall be entitled to notice of all special meetings;",
                   "Any audit by the state may be accepted as satisfying the requirements of this Charter.",
                   "but any additional appropriations may be made only from an existing unexpended surplus.",
                   "no contract requiring a budget amendment shall be valid and binding until after approval.",
                   "Said fiscal year shall constitute the budget year.",
                   "All unencumbered balances shall lapse into the unappropriated surplus.",
                   "the budget proposed by the mayor shall be adopted without further action by the city council.",
                   "The mayor shall have all of the powers specifically granted to the mayor elsewhere.",
                   "provided that the power of this appointment shall not include officers elected by the people"):
        assert NON_DUTY.search(clause), clause


def test_an_exception_with_its_own_verb_after_a_phrase_set_off_by_commas_is_a_clause_of_its_own() -> None:
    assert [m for m, _ in duty_clauses(
        "The city council may amend the operating budget proposed by the city manager in accordance with section 5.03 "
        "except that the budget, as finally amended and adopted, must provide for all debt service requirements.")] \
        == ["permission", "mandatory"]
