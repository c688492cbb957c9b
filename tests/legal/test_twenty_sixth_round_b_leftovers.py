"""The failure classes round 26b left (tests/fixtures/regulations-heldout/SOURCES.md), fixed in the twenty-fifth
session: Nevada's "NRS 432B.405 Catchline." headings, Colorado's CRS XML catch lines and decimal section numbers, a
body's composition, rules of evidence, definitions, time-counting provisos and findings. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from compgraph.legal.clauses import duty_clauses
from compgraph.legal.headings import heading_of
from compgraph.legal.readers import read_document


def test_a_section_heading_with_the_codes_initials_opens_the_section() -> None:
    assert heading_of("NRS 432B.405 Organization of child death review teams.") == (
        "section", "432B.405", "Organization of child death review teams."
    )


def test_a_long_catchline_after_the_codes_initials_is_still_a_heading() -> None:
    line = ("NRS 432B.409 Establishment, composition and duties of Executive Committee to Review the Death of "
            "Children; creation of and use of money in Review of Death of Children Account.")
    assert len(line) > 160
    heading = heading_of(line)
    assert heading is not None and heading[:2] == ("section", "432B.409")


def test_a_section_number_with_decimal_parts_is_a_heading() -> None:
    assert heading_of("16-20.5-101.5. Legislative declaration.") == (
        "section", "16-20.5-101.5", "Legislative declaration."
    )


CRS = """<?xml version="1.0" encoding="UTF-8"?>
<CRS>
  <ARTICLE-NUM>ARTICLE 21</ARTICLE-NUM>
  <ART-ANAL>
    <AL>16-21-103.
    <I>Information on offenders required.</I></AL>
  </ART-ANAL>
  <SECTION-TEXT>
  <P N="(1)"></P>
  <CATCH-LINE>
  <RHFTO>16-21-103</RHFTO>.
  <M>Information on offenders required - duties of law enforcement
  agencies - court.</M></CATCH-LINE>(1) Each arresting agency shall report the arrest.</SECTION-TEXT>
  <SOURCE-NOTE><B>Source:</B> <B>L. <N></N>87:</B>Entire article added.</SOURCE-NOTE>
  <EDITORS-NOTE><B>Editor's note:</B>Amendments to this section were harmonized.</EDITORS-NOTE>
</CRS>
"""


def test_a_crs_catch_line_is_a_heading_line_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "crs.xml"
    path.write_text(CRS, encoding="utf-8")
    lines = [line for line in read_document(path).splitlines() if line.strip()]
    heading = "16-21-103. Information on offenders required - duties of law enforcement agencies - court."
    assert heading in lines
    assert lines[lines.index(heading) + 1].startswith("(1) Each arresting agency shall report")


def test_a_crs_articles_table_and_the_publishers_notes_are_not_read(tmp_path: Path) -> None:
    path = tmp_path / "crs.xml"
    path.write_text(CRS, encoding="utf-8")
    text = read_document(path)
    assert "Editor's note" not in text and "Entire article added" not in text
    assert text.count("16-21-103") == 1


def test_who_a_team_must_include_insofar_as_possible_binds_no_one() -> None:
    lead_in = "A multidisciplinary team to review the death of a child must include, insofar as possible:"
    assert duty_clauses(lead_in) == []


def test_that_a_team_may_include_other_representatives_is_no_permission() -> None:
    assert duty_clauses("A multidisciplinary team may include such other representatives of other organizations "
                        "concerned with the death of the child as the agency deems appropriate.") == []


def test_serving_as_nonvoting_members_is_a_standing_not_a_duty() -> None:
    assert duty_clauses("Members of the Executive Committee who are appointed pursuant to this paragraph shall serve "
                        "as nonvoting members of the Executive Committee.") == []


def test_a_rule_of_evidence_binds_no_one_in_any_of_its_clauses() -> None:
    assert duty_clauses("Is not admissible in, and may not be disclosed in, a judicial proceeding, administrative "
                        "proceeding, arbitration proceeding or other adjudicatory proceeding; and") == []
    assert duty_clauses("May not be used to establish reasonable suspicion or probable cause to believe that an "
                        "offense has been committed.") == []


def test_a_definition_whose_relative_clause_says_shall_binds_no_one() -> None:
    assert duty_clauses('For purposes of this section, unless the context otherwise requires: (II) "Arrest number" '
                        "means a number that shall be assigned by the arresting agency to an arrest of the "
                        "arrestee.") == []


def test_a_proviso_on_counting_days_after_a_semicolon_is_parted_from_its_duty() -> None:
    assert duty_clauses("Any fingerprints required by this section to be forwarded shall be forwarded within "
                        "twenty-four hours after completion; except that such time period shall not include "
                        "Saturdays, Sundays, and legal holidays.") == [
        ("mandatory", "Any fingerprints required by this section to be forwarded shall be forwarded within "
                      "twenty-four hours after completion")
    ]


def test_a_short_title_naming_two_articles_binds_no_one() -> None:
    assert duty_clauses("This article and article 21 of this title shall be known") == []


def test_who_a_board_is_comprised_of_binds_no_one() -> None:
    assert duty_clauses("Membership of the executive board shall be comprised initially of the executive directors "
                        "of the department of public safety and the state court administrator.") == []


def test_a_legislative_finding_of_what_should_be_binds_no_one() -> None:
    assert duty_clauses("The general assembly further finds and declares that the offender-based tracking system "
                        "should be operated through the Colorado integrated criminal justice information system "
                        "program.") == []


def test_a_rule_of_construction_binds_no_one() -> None:
    assert duty_clauses("The requirements of this section are intended to complement the rules of criminal procedure "
                        "and shall not be interpreted to conflict with or supersede any such rules.") == []


def test_a_lead_ins_earlier_duty_before_a_phrase_set_off_with_commas_stands_on_its_own() -> None:
    from compgraph.legal.lead_ins import split_lead_in

    before, last = split_lead_in(
        "The report shall include the disposition of each charge, and, with respect to any charge, the factual basis "
        "of which includes a sexual offense, the court and the bureau shall comply with the following procedures:"
    )
    assert before == "The report shall include the disposition of each charge"
    assert last.endswith("the court and the bureau shall comply with the following procedures:")


def test_a_clause_left_open_on_its_preposition_shares_the_object_after_the_inserted_one() -> None:
    assert duty_clauses("A team may petition the district court for the issuance of, and the district court may "
                        "issue, a subpoena to compel the production of any records.") == [
        ("permission", "A team may petition the district court for the issuance of, and the district court may "
                       "issue, a subpoena to compel the production of any records.")
    ]


def test_a_status_after_a_prohibition_is_parted_from_it() -> None:
    prohibition = "The records of a team are confidential, must not be disclosed"
    assert duty_clauses(prohibition + ", and are not subject to subpoena.") == [("prohibition", prohibition)]
