"""The failure classes the first runs on two never-seen governance instruments showed (2026-12-06, twenty-sixth
session, round 28c): the Government of Canada's Directive on Automated Decision-Making as the Treasury Board
Secretariat's own XML, and New York State's IT policy NYS-P24-001 (Acceptable Use of Artificial Intelligence
Technologies) as the Office of Information Technology Services' PDF.

The directive's XML keeps every clause number and chapter title in attributes, which the reader dropped, and states
its duties as a lead-in "... is responsible for:" over gerund items numbered as sections of their own, which nothing
joined to it; the policy's text layer opens a line with "(IT)", read as a point that swallowed the rest of the
policy, and its "4.1 Use of AI" headings were not sections; footnote numbers set apart from a full stop joined two
sentences; "are not permitted.", "is required with", "are solely responsible for" and a permission conceded before a
duty ("While an SE may ..., it must ...") were not read; a precedence rule, a definition by reference, where a
document "may be found" and the time given "until" a date to comply were taken as duties. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import duty_clauses, statute_modality
from compgraph.legal.headings import heading_of
from compgraph.legal.labels import labels_of
from compgraph.legal.nonduty import NON_DUTY
from compgraph.legal.provisions import sentences
from compgraph.legal.readers import read_document

_DIRECTIVE = """<?xml version="1.0" encoding="utf-8"?>
<doc title="Directive on Automated Decision-Making" documentID="32592">
  <chapters>
    <chapter anchor="5" title="Scope">
      <clauses>
        <clause anchor="5.1">This directive applies to any automated decision system in production.</clause>
      </clauses>
    </chapter>
    <chapter anchor="6" title="Requirements">
      <p>The assistant deputy minister responsible for the program is responsible for:</p>
      <chapter anchor="6.1" title="Algorithmic impact assessment">
        <clauses>
          <clause anchor="6.1.1">Completing and publishing an algorithmic impact assessment.</clause>
          <clause anchor="6.1.2">Applying the relevant requirements prescribed in
            <a href="#appC">Appendix C</a>
            , as determined by the assessment.</clause>
        </clauses>
      </chapter>
    </chapter>
  </chapters>
</doc>
"""


def test_a_policy_instruments_xml_prints_each_clause_number_and_chapter_title_from_its_attributes(
        tmp_path: Path) -> None:
    path = tmp_path / "directive.xml"
    path.write_text(_DIRECTIVE, encoding="utf-8")
    text = read_document(path)
    assert "6.1\nAlgorithmic impact assessment" in text
    assert "6.1.1\nCompleting and publishing an algorithmic impact assessment." in text
    assert "prescribed in Appendix C, as determined by the assessment." in text  # no space before the comma


_RESPONSIBILITIES = ("5.2\nThis directive excludes systems used solely for research.\n\n"
                     "6\nRequirements\n\n"
                     "The assistant deputy minister responsible for the program is responsible for:\n\n"
                     "6.1\nAlgorithmic impact assessment\n\n"
                     "6.1.1\nCompleting and publishing an algorithmic impact assessment.\n\n"
                     "6.3\nQuality assurance\n\nTesting and monitoring outcomes\n\n"
                     "6.3.1\nBefore a system is in production, testing the data for unintended biases.\n\n"
                     "6.3.2\nMonitoring the outcomes of the system on a scheduled basis.\n\n"
                     "8\nApplication\n\n"
                     "8.1\nThis directive applies to all institutions subject to the Policy.\n")


def test_the_items_of_a_responsibilities_list_numbered_as_sections_carry_its_lead_in() -> None:
    rows = _duties(_RESPONSIBILITIES)
    assert [(ref, modality) for ref, modality, _ in rows] == [("6.1.1", "mandatory"), ("6.3.1", "mandatory"),
                                                               ("6.3.2", "mandatory")]
    assert all(text.startswith("The assistant deputy minister") for _, _, text in rows)
    assert rows[1][2].endswith("Before a system is in production, testing the data for unintended biases.")


def test_an_item_that_leads_in_itself_is_carried_by_the_items_numbered_under_it() -> None:
    text = ("6.2.4\nThe directive applies to all systems in production.\n\n"
            "The Secretariat is responsible for:\n\n"
            "6.2.5\nObtaining and safeguarding all released versions of software components.\n\n"
            "6.2.6\nIf using a proprietary licence, ensuring that:\n\n"
            "6.2.6.1\nThe department retains the right to access and test the system.\n\n"
            "6.2.6.2\nThe department retains the right to authorize external parties to audit it.\n\n"
            "6.2.7\nDocumenting the decisions made by the system.\n")
    rows = _duties(text)
    assert [ref for ref, _, _ in rows] == ["6.2.5", "6.2.6.1", "6.2.6.2", "6.2.7"]
    assert "ensuring that: The department retains the right to access" in rows[1][2]


def test_two_capitals_in_brackets_open_no_point_unless_doubled_or_a_roman_numeral() -> None:
    assert labels_of("(IT) Policy, Standards and Guidelines .")[0] == []
    assert labels_of("(AA) the first doubled point")[0] == ["AA"]
    assert labels_of("(IV) the fourth clause")[0] == ["IV"]


def test_a_policys_decimal_section_number_with_a_title_case_catchline_is_a_heading() -> None:
    assert heading_of("4.1 Use of AI") == ("section", "4.1", "Use of AI")
    assert heading_of("4.10 Intellectual Property ") == ("section", "4.10", "Intellectual Property")
    assert heading_of("1.0 Purpose and Benefits") == ("section", "1.0", "Purpose and Benefits")
    assert heading_of("2.5 Million Residents Must Be Notified") is None  # a verb: a sentence
    assert heading_of("2.5 million residents were notified") is None


def test_a_footnote_number_set_apart_from_the_full_stop_ends_the_sentence() -> None:
    assert sentences("It is documented appropriately. 5 The Information Owner is responsible for it.") == [
        "It is documented appropriately. 5", "The Information Owner is responsible for it."]
    assert sentences("It should include the SE's ethics officer .4 The SE must identify an owner.") == [
        "It should include the SE's ethics officer .4", "The SE must identify an owner."]


def test_a_thing_not_permitted_at_all_is_forbidden() -> None:
    assert statute_modality("Automated final decision systems are not permitted.") == "prohibition"
    assert statute_modality("Automated final decision systems are permitted.") != "prohibition"


def test_precedence_a_definition_by_reference_and_where_a_document_may_be_found_bind_no_one() -> None:
    assert NON_DUTY.search("Where a conflict exists between this policy and an SE's policy, the more restrictive "
                           "policy will take precedence.")
    assert NON_DUTY.search("Except for terms defined in this policy, all terms shall have the meanings found in "
                           "http://www.its.ny.gov/glossary.")
    assert NON_DUTY.search("Statewide technology policies may be found at the following website: https://its.ny.gov")
    assert not NON_DUTY.search("The SE must perform a Risk Assessment for each AI system.")


def test_a_lettered_appendix_heading_opens_an_annex() -> None:
    assert heading_of("Appendix A – Acceptable and Unacceptable use of AI Examples") == (
        "annex", "A", "Acceptable and Unacceptable use of AI Examples")
    assert heading_of("Appendix A to this policy.") is None


def test_a_colon_inside_brackets_the_line_leaves_open_ends_no_sentence() -> None:
    text = ("Appendix A – Examples\n"
            "All use of AI must comply with State policies, standards, procedures, and guidelines, as well as \n"
            "laws, rules, and regulations, ITS technical standards and policies (see NYS-S23-001: \n"
            "Establishing Technology Solutions & Standards), as well as the principles in this policy.  \n")
    rows = _duties(text)
    assert len(rows) == 1 and rows[0][2].endswith("Solutions & Standards), as well as the principles in this policy.")


def test_a_first_line_listing_things_is_no_title_when_its_sentence_goes_on_in_lower_case() -> None:
    text = ("3.1 Agencies\n"
            "This policy applies to State Entities. Where a conflict exists, the more restrictive policy will take \n"
            "precedence.  \n"
            "Non-SEs, including authorities, boards, and other New York State governmental \n"
            "organizations are strongly encouraged to adopt this policy or use this policy for guidance \n"
            "or as a model.  \n")
    assert [text.split(",")[0] for _, _, text in _duties(text)] == ["Non-SEs"]


def test_the_time_given_until_a_date_to_comply_is_no_duty() -> None:
    assert NON_DUTY.search("Existing automated decision systems developed or procured prior to June 24, 2025, will "
                           "have until June 24, 2026 to comply with the new or updated requirements.")
    assert NON_DUTY.search("Agents of Parliament will have until June 24, 2026, to comply with the requirements.")
    assert not NON_DUTY.search("The Secretariat will publish the results until June 24, 2026.")


def test_being_solely_responsible_for_binds() -> None:
    assert statute_modality("The heads of agents of Parliaments are solely responsible for monitoring and ensuring "
                            "compliance with this directive within their organizations.") == "mandatory"


def test_a_requirement_worded_is_required_with_binds() -> None:
    assert statute_modality("Compliance is required with all enterprise policies and standards.") == "mandatory"


def test_a_permission_conceded_before_a_duty_is_a_clause_of_its_own() -> None:
    assert [m for m, _ in duty_clauses("While an SE may adopt a different policy, it must include the requirements "
                                       "set forth in this one.")] == ["permission", "mandatory"]
    assert [m for m, _ in duty_clauses("While the review is pending, the SE must keep the records.")] == ["mandatory"]
