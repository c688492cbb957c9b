"""The failure classes the first runs on two never-seen US state agency rules showed (2026-12-06, twenty-fifth
session, round 27c): Oregon's OAR 166-017-0015 to -0045 (public records, a repository's Markdown copy of the
Secretary of State's pages) and Colorado's 1 CCR 212-3 Rule 3-225 (video surveillance, a repository's text of the
Marijuana Enforcement Division's PDF, an amendment copy whose struck and inserted words run together).

The Colorado run took the paragraphs an amendment repealed ("7. Repealed.Cameras shall also be placed ...") and a
consequence ("Failure to provide requested copies may result in disciplinary action.") as duties and missed
permissions worded "is authorized as long as" / "is authorized when"; the Oregon run dropped a duty whose object is
described by a relative clause ("records that are exempt from public disclosure"), read a point by its lead-in's
modal verb although the point has its own ("... may be used" under "must meet the following minimum requirements:"),
and cited every rule after one whose number ran into its catch line and first sentence ("166-017-0035 Digitization
Standards Agency electronic records systems ... must meet ...") under the rule before. One behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import duty_clauses, statute_modality
from compgraph.legal.nonduty import NON_DUTY


def test_a_paragraph_an_amendment_repealed_is_no_duty_whatever_words_follow_repealed() -> None:
    text = ("3-225 – Video Surveillance\n"
            "C. Placement of Cameras.\n"
            "6. Areas where camera coverage is required shall have camera placement in the room facing the door.\n"
            "7. Repealed.Cameras shall also be placed at each location where weighing or packaging occurs.\n"
            "8. Repealed.At least one camera must be dedicated to record the access points. A second sentence must "
            "go too.\n"
            "9. All outdoor cultivation areas must meet the same video surveillance requirements.\n")
    assert [text.split()[0] for _, _, text in _duties(text)] == ["Areas", "All"]


def test_what_a_failure_may_result_in_is_a_consequence_not_a_permission() -> None:
    assert NON_DUTY.search("Failure to provide requested copies may result in disciplinary action.")
    assert NON_DUTY.search("Any violation of this rule may result in the suspension of the license.")
    assert not NON_DUTY.search("The Division may request copies of video surveillance recordings.")


def test_is_authorized_with_a_condition_and_no_to_is_a_permission() -> None:
    assert statute_modality("The use of motion detection is authorized when a Licensee can demonstrate that "
                            "monitored activities are adequately recorded.") == "permission"
    assert statute_modality("Off-site Monitoring and video recording storage by the Licensee or an independent "
                            "third-party is authorized as long as standards exercised at the remote location meet "
                            "all standards for on-site Monitoring.") == "permission"
    assert statute_modality("Any use of the funds, unless authorized by law, is prohibited.") != "permission"


def test_a_relative_clause_that_says_records_are_exempt_from_disclosure_excepts_nothing() -> None:
    assert not NON_DUTY.search("Agencies must also maintain confidentiality for electronic public records that are "
                               "exempt from public disclosure.")
    assert NON_DUTY.search("Such records are exempt from public disclosure.")


def test_a_rule_number_run_into_its_catch_line_and_first_sentence_opens_the_rule() -> None:
    text = ("166-017-0025 Electronic Records Management Systems\n\n"
            "Statutory/Other Authority: ORS 192.005\n\n"
            "166-017-0035 Digitization Standards Agency electronic records systems that maintain official copies "
            "of public records must meet the following minimum requirements:\n\n"
            "(1) Documents containing no signatures must be scanned at a minimum density of 200 DPI.\n\n"
            "(2) Digitized documents must be verified for accuracy and completeness.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["166-017-0035(1)", "166-017-0035(2)"]


def test_a_numbered_paragraphs_first_line_with_a_relative_clause_is_no_title_of_the_paragraph() -> None:
    text = ("3-225 – Video Surveillance\n"
            "D. Location and Maintenance of Surveillance Equipment.\n"
            "6. Licensed Premises that combine both a Medical Marijuana Business and a Retail\n"
            "Marijuana Business may have one central surveillance room located at the shared\n"
            "Licensed Premises.\n")
    assert [text.split()[:2] for _, _, text in _duties(text)] == [["Licensed", "Premises"]]


def test_a_web_address_on_the_line_after_a_colon_ends_the_sentence() -> None:
    text = ("3-225 – Video Surveillance\n"
            "E. Video Recording and Retention Requirements.\n"
            "5. Time is to be measured in accordance with the official United States time established by the\n"
            "National Institute of Standards and Technology at:\n"
            "http://www.time.gov.\n")
    assert [text.split()[-1] for _, _, text in _duties(text)] == ["http://www.time.gov."]


def test_the_time_a_defined_party_is_given_after_and_is_no_duty_of_its_own() -> None:
    assert duty_clauses("Requests for copies of video surveillance will be made in writing and Licensees shall have "
                        "at least 72 hours to provide the requested copies.") == [
        ("mandatory", "Requests for copies of video surveillance will be made in writing")]


def test_a_rules_authority_and_history_lines_are_no_part_of_the_list_above_them() -> None:
    text = ("166-017-0045 Official Copy Electronic records may serve as the official copy under the following "
            "conditions:\n\n"
            "(4) Born-digital records may be created in a wide variety of file formats, however such records must be "
            "converted to one of the following file formats: (a) Textual data (A) Extensible Markup Language (XML) "
            "(B) Plain Text (TXT) (b) Still images (A) Portable Network Graphics (PNG)\n\n"
            "Statutory/Other Authority: ORS 192.005–192.170 Statutes/Other Implemented: ORS 357.805–357.895\n\n"
            "History: OSA 2-2026, minor correction filed 01/06/2026, effective 01/06/2026\n")
    assert not any("Authority" in text or "History" in text for _, _, text in _duties(text))
