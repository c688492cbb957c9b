"""The failure classes the first runs on two never-seen US texts showed (2026-12-06, thirtieth session, round 35b):
California's connected-device security law (Civil Code §§ 1798.91.04-.06) as a repository's CSV of the code page's
sections, its bracketed labels run on in one field, and the Help America Vote Act of 2002's ss. 301-302 as a
converter's Markdown of the Public Law's print.

The CSV's bracketed labels stayed on one line, so no section opened and (c)'s points ran on after (b)'s; "shall become
operative on", "shall be required to comply with the requirements of this section on and after" (an effective date),
"the term ''verify'' may not be defined in a manner that" (construction) and the points of "the term ''voting
information'' means—" were read as duties; a label and capitals catchline set as a list item of their own, over the
unlabelled lead-in after them, lost their points; the paragraphs of "such individual shall be permitted to cast a
provisional ballot as follows:", each a sentence with its own party and verb, took its "permitted"; and what the
affirmation a permission rests on must state was a permission each. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def test_a_section_csv_with_bracketed_run_in_labels_opens_each_section_and_part(tmp_path: Path) -> None:
    page = tmp_path / "sections-csv.txt"
    page.write_text(
        '"section","content"\r\n'
        '"1798.91.04","(a) A manufacturer of a connected device shall equip the device with a reasonable security '
        'feature or features that are all of the following: (1) Appropriate to the nature and function of the device. '
        '(2) Appropriate to the information it may collect. (b) Subject to subdivision (a), it shall be deemed a '
        'reasonable security feature if either of the following requirements are met: (1) The password is unique. (2) '
        'The device requires a new means of authentication. (c) A manufacturer of a connected device may elect to '
        'satisfy the requirements of subdivision (a) by ensuring the connected device does all of the following: (1) '
        'Meets the baseline product criteria. (2) Bears the binary label. (Added by Stats. 2018, Ch. 860, '
        'Sec. 1.)"\r\n',
        encoding="utf-8")
    assert [(ref, modality) for ref, modality, _ in _duties(read_document(page))] == [
        ("1798.91.04(a)(1)", "mandatory"), ("1798.91.04(a)(2)", "mandatory"),
        ("1798.91.04(c)(1)", "permission"), ("1798.91.04(c)(2)", "permission")]


def test_shall_become_operative_on_a_date_binds_no_one() -> None:
    text = ("1798.91.06.\n\n(e) The Attorney General shall have the exclusive authority to enforce this title.\n\n"
            "(i) This title shall become operative on January 1, 2020.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("1798.91.06(e)", "permission")]


def test_shall_be_required_to_comply_with_this_section_on_and_after_a_date_is_an_effective_date() -> None:
    text = ("SEC. 301. VOTING SYSTEMS STANDARDS.\n\n(a) REQUIREMENTS.—The voting system shall produce a record with "
            "an audit capacity for such system.\n\n(d) EFFECTIVE DATE.—Each State and jurisdiction shall be required "
            "to comply with the requirements of this section on and after January 1, 2006.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("301(a)", "mandatory")]


def test_a_term_that_may_not_be_defined_in_a_manner_is_a_rule_of_construction() -> None:
    text = ("SEC. 301. VOTING SYSTEMS STANDARDS.\n\n(a) REQUIREMENTS.—The voting system shall produce a record with "
            "an audit capacity for such system.\n\n(c) CONSTRUCTION.—For purposes of subsection (a), the term "
            "''verify'' may not be defined in a manner that makes it impossible for a paper ballot voting system to "
            "meet the requirements of such subsection.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("301(a)", "mandatory")]


def test_the_points_of_a_term_means_lead_in_bind_no_one_whatever_their_will() -> None:
    text = ("SEC. 302. VOTING INFORMATION.\n\n(b) VOTING INFORMATION REQUIREMENTS.—\n\n"
            "(1) PUBLIC POSTING ON ELECTION DAY.—The appropriate State or local election official shall cause voting "
            "information to be publicly posted at each polling place.\n\n"
            "(2) VOTING INFORMATION DEFINED.—In this section, the term ''voting information'' means—\n\n"
            "(A) a sample version of the ballot that will be used for that election;\n\n"
            "(B) information regarding the date of the election and the hours during which polling places will be "
            "open;\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("302(b)(1)", "mandatory")]


def test_a_catchline_item_over_an_unlabelled_lead_in_paragraph_keeps_its_points(tmp_path: Path) -> None:
    page = tmp_path / "public-law-print.md"
    page.write_text(
        "### **SEC. 301. VOTING SYSTEMS STANDARDS.**\n\n"
        "- (a) REQUIREMENTS.—Each voting system shall meet the following requirements:\n"
        "- (3) ACCESSIBILITY FOR INDIVIDUALS WITH DISABILITIES.—\n\nThe voting system shall—\n\n"
        "- (A) be accessible for individuals with disabilities; and\n"
        "- (B) satisfy the requirement of subparagraph (A) at each polling place.\n"
        "- (4) ALTERNATIVE LANGUAGE ACCESSIBILITY.—The voting system shall provide alternative language "
        "accessibility.\n", encoding="utf-8")
    assert [(ref, modality) for ref, modality, _ in _duties(read_document(page))] == [
        ("301(a)(3)(A)", "mandatory"), ("301(a)(3)(B)", "mandatory"), ("301(a)(4)", "mandatory")]


def test_paragraphs_of_a_permission_as_follows_that_are_sentences_of_their_own_keep_their_own_verbs() -> None:
    text = ("SEC. 302. PROVISIONAL VOTING.\n\n(a) PROVISIONAL VOTING REQUIREMENTS.—If an individual declares that "
            "such individual is a registered voter, such individual shall be permitted to cast a provisional ballot "
            "as follows:\n\n(1) An election official at the polling place shall notify the individual that the "
            "individual may cast a provisional ballot in that election.\n\n(3) An election official at the polling "
            "place shall transmit the ballot cast by the individual to an appropriate State or local election "
            "official.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("302(a)", "permission"), ("302(a)(1)", "mandatory"), ("302(a)(3)", "mandatory")]


def test_what_the_affirmation_a_permission_rests_on_states_is_no_permission_each() -> None:
    text = ("SEC. 302. PROVISIONAL VOTING.\n\n(a) PROVISIONAL VOTING REQUIREMENTS.—\n\n(2) The individual shall be "
            "permitted to cast a provisional ballot at that polling place upon the execution of a written affirmation "
            "by the individual stating that the individual is—\n\n(A) a registered voter in the jurisdiction; and\n\n"
            "(B) eligible to vote in that election.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("302(a)(2)", "permission")]
