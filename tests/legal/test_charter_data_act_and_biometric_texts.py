"""The failure classes the first runs on three never-seen texts showed (2026-12-05, second round): the Data Act's
Art. 3, 6-7 as the Official Journal's HTML, the Rivergrove (Oregon) city charter's Secs. 13-27 in Markdown and the
Illinois Biometric Information Privacy Act as Justia's page in Markdown. A charter's rules of validity and evidence,
a contract term's legal effect and a statute's remedies were read as duties, "shall have authority to" as a duty, a
findings section with its first words run into the title was read as operative, and a section whose predecessor
ended in a comma was filed under that predecessor. One behaviour each."""

from __future__ import annotations

import pytest
from dutyrows import duty_rows as _duties


@pytest.mark.parametrize(
    "text",
    [
        "Section 14. Quorum. A majority of members of the council shall constitute a quorum for its business.\n",
        "Section 16. Proceedings to be Public. No action by the council shall have legal effect unless the motion for "
        "the action and the vote by which it is disposed of take place at proceedings open to the public.\n",
        "Section 19. Vote Required. Except as this charter otherwise provides, the concurrence of a majority of the "
        "members of the council present at a council meeting shall be necessary to decide any question before the "
        "council.\n",
        "Section 26. Regulation of Elections. When not governed by ordinances or this charter, all proceedings in the "
        "municipal court shall be governed by the applicable general laws of the state.\n",
        "Section 27. Canvass of Returns. A certificate so made and delivered shall be prima facie evidence of the "
        "truth of the statements contained in it.\n",
        "2. Any contractual term which, to the detriment of the user, excludes the application of, derogates from or "
        "varies the effect of the user's rights under this Chapter shall not be binding on the user.\n",
    ],
    ids=["quorum", "legal-effect", "necessary-to-decide", "governed-by-laws", "prima-facie-evidence", "not-binding"],
)
def test_a_rule_of_validity_evidence_or_governing_law_binds_no_one(text: str) -> None:
    assert _duties(text) == []


def test_an_office_without_a_power_still_has_the_duty_in_the_same_sentence() -> None:
    text = (
        "Section 20. Mayor. He shall have no veto power and shall sign all ordinances passed by the council "
        "within three days after their passage.\n"
    )
    rows = _duties(text)
    assert [m for _, m, _ in rows] == ["mandatory"]
    assert "veto" not in rows[0][2]


def test_a_right_of_action_and_what_a_prevailing_party_may_recover_are_remedies_not_duties() -> None:
    text = (
        "Sec. 20. Right of action.\n\n"
        "(a) Any person aggrieved by a violation of this Act shall have a right of action in a State circuit court "
        "against an offending party. A prevailing party may recover for each violation:\n\n"
        "(1) against a private entity that negligently violates a provision of this Act, liquidated damages of "
        "$1,000 or actual damages, whichever is greater;\n\n"
        "(2) reasonable attorneys' fees and costs.\n\n"
        "(b) For purposes of subsection (b) of Section 15, a private entity that collects the same biometric "
        "identifier in violation of subsection (b) of Section 15 has committed a single violation of subsection (b) "
        "of Section 15 for which the aggrieved person is entitled to, at most, one recovery under this Section.\n"
    )
    assert _duties(text) == []


def test_the_findings_of_a_section_whose_first_words_run_into_its_title_are_not_duties() -> None:
    text = (
        "Sec. 5. Legislative findings; intent. The General Assembly finds all of the\nfollowing:\n\n"
        "(a) The use of biometrics is growing in the business and security screening sectors.\n\n"
        "(g) The public welfare, security, and safety will be served by regulating the collection, use, "
        "safeguarding, handling, storage, retention, and destruction of biometric identifiers and information.\n\n"
        "Sec. 15. Retention.\n\n"
        "(c) No private entity in possession of a biometric identifier may sell, lease, trade, or otherwise profit "
        "from a person's biometric identifier.\n"
    )
    assert [(ref, m) for ref, m, _ in _duties(text)] == [("15(c)", "prohibition")]


@pytest.mark.parametrize(
    "text",
    [
        "Section 17. Mayor's Functions. He shall have authority to preserve order, enforce the rules of the council, "
        "and determine the order of business under the rules of the council.\n",
        "Section 17. Mayor's Functions. He shall have a vote on all questions before it.\n",
    ],
    ids=["authority-to", "a-vote"],
)
def test_having_authority_or_a_vote_is_a_permission(text: str) -> None:
    assert [m for _, m, _ in _duties(text)] == ["permission"]


def test_an_officer_given_all_the_authority_and_duties_of_another_is_bound() -> None:
    text = (
        "Section 22. Recorder. In the recorder's absence from a council meeting, the mayor shall appoint a clerk of "
        "the council pro tem who, while acting in that capacity, shall have all the authority and duties of the "
        "recorder.\n"
    )
    assert [m for _, m, _ in _duties(text)] == ["mandatory"]


def test_a_section_opens_after_a_last_sentence_the_typist_ended_with_a_comma() -> None:
    text = (
        "Section 21. Municipal Judge. The municipal judge shall be the judicial officer of the city. When not governed "
        "by ordinances or this charter, all proceedings in the municipal court for the violation of a city ordinance "
        "shall be governed by the applicable general laws of the state governing justices of the peace and justice "
        "courts,\n\n"
        "Section 22. Recorder. The recorder shall serve ex officio as clerk of the council, attend all its meetings "
        "unless excused therefrom by the council, keep an accurate record of its proceedings, and sign all orders on "
        "the treasury.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["21", "22"]


def test_a_second_party_with_a_long_name_after_and_has_a_clause_of_its_own() -> None:
    text = (
        "(1) The Federal banking agencies shall jointly prescribe such regulations as necessary to carry out the "
        "purposes of this Act, and the Board of Governors of the Federal Reserve System shall have authority to "
        "prescribe regulations consistent with such joint regulations.\n"
    )
    assert [m for _, m, _ in _duties(text)] == ["mandatory", "permission"]


def test_one_verb_under_may_and_under_shall_is_a_permission_and_a_duty() -> None:
    text = (
        "Section 13. Meetings. The mayor, upon his own motion may, or at the request of two members of the council "
        "shall, by giving notice thereof to all members of the council then in the city, call a special meeting of "
        "the council for a time not earlier than twenty-four hours after the notice is given.\n"
    )
    rows = _duties(text)
    assert [m for _, m, _ in rows] == ["permission", "mandatory"]
    assert all("call a special meeting" in t for _, _, t in rows)


def test_a_deadline_before_a_second_party_after_and_is_a_duty_of_its_own() -> None:
    text = (
        "Section 27. Canvass of Returns. In each special city election the returns therefrom shall be filed with the "
        "recorder on or before noon of the day following, and not later than five days after the election the "
        "council shall meet and canvass the returns.\n"
    )
    rows = _duties(text)
    assert len(rows) == 2
    assert rows[1][2].startswith("not later than five days after the election the council shall meet")


def test_a_scope_rule_after_a_comma_the_typist_left_for_a_full_stop_is_not_part_of_the_duty() -> None:
    text = (
        "Section 21. Municipal Judge. The court shall be open for the transaction of judicial business at times "
        "specified by the council, All area within the city shall be within the territorial jurisdiction of the "
        "court.\n"
    )
    rows = _duties(text)
    assert [m for _, m, _ in rows] == ["mandatory"]
    assert "territorial" not in rows[0][2]


def test_shall_also_not_forbids() -> None:
    text = (
        "2. Third parties shall also not use any non-personal product data to derive insights about the data holder.\n"
    )
    assert [m for _, m, _ in _duties(text)] == ["prohibition"]


def test_a_point_s_clause_after_a_semicolon_naming_a_bare_plural_party_is_a_prohibition_of_its_own() -> None:
    text = (
        "2. The third party shall not:\n\n"
        "(e) use the data it receives to develop a product that competes with the connected product or share the data "
        "with another third party for that purpose; third parties shall also not use any non-personal product data "
        "made available to them to derive insights about the economic situation of the data holder;\n\n"
        "(f) use the data it receives in a manner that has an adverse impact on the security of the connected "
        "product.\n"
    )
    rows = _duties(text)
    assert [m for _, m, _ in rows] == ["prohibition", "prohibition", "prohibition"]
    assert rows[0][0] == rows[1][0] != rows[2][0]
    assert "third parties shall also not use" in rows[1][2] and "develop a product" not in rows[1][2]


def test_training_applicable_to_all_employees_is_part_of_the_duty_not_a_scope_rule() -> None:
    # DORA 13(6), the first run after the fixes above: whom a programme must reach is what it must do
    text = (
        "6. Those programmes and training shall be applicable to all employees and to senior management staff, and "
        "shall have a level of complexity commensurate to the remit of their functions.\n"
    )
    rows = _duties(text)
    assert [m for _, m, _ in rows] == ["mandatory"]
    assert "applicable to all employees" in rows[0][2]
