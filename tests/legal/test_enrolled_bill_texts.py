"""The failure classes the first run on a never-seen chaptered California bill showed (SB 1120, 2024: Health and
Safety Code 1367.01 on utilization review with artificial intelligence tools, as leginfo prints it, converted to
Markdown and saved as .txt), one behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.provisions import statute_duties
from compgraph.legal.readers import read_document
from compgraph.legal.statute import repair_typography


def _parties(text: str) -> list[str | None]:
    return [d.addressee for d in statute_duties(repair_typography(text))]


def test_markdown_saved_as_a_text_file_is_read_as_markdown(tmp_path: Path) -> None:
    path = tmp_path / "SB-1120.txt"
    path.write_text("## Bill Text\n\n**SECTION 1\\.** A plan shall review care rendered after January 1, 2000\\.\n",
                    encoding="utf-8")
    assert read_document(path).strip().split("\n") == [
        "Bill Text", "", "SECTION 1. A plan shall review care rendered after January 1, 2000."]


def test_a_code_section_number_run_into_subdivision_a_opens_that_section() -> None:
    text = ("SECTION 1. Section 1367.01 of the Health and Safety Code is amended to read:\n\n"
            "1367.01. (a) A health care service plan shall comply with this section.\n\n"
            "(b) A health care service plan shall have written policies and procedures.\n")
    assert [r for r, _, _ in _duties(text)] == ["1367.01(a)", "1367.01(b)"]


def test_the_legislative_counsels_digest_states_no_duty() -> None:
    text = ("## LEGISLATIVE COUNSEL'S DIGEST\n\n"
            "Existing law generally authorizes a plan to use prior authorization, under which a licensed physician may "
            "approve requests.\n\nThis bill would require a plan to ensure compliance with specified requirements.\n\n"
            "## Bill Text\n\n## The people of the State of California do enact as follows:\n\n"
            "SECTION 1. A health care service plan shall maintain telephone access for providers.\n")
    assert [t for _, _, t in _duties(text)] == ["A health care service plan shall maintain telephone access for "
                                                 "providers."]


def test_a_proceeding_subject_to_notice_and_a_hearing_is_no_duty() -> None:
    text = ("(6) A proceeding for the issuance of an order assessing administrative penalties shall be subject to "
            "appropriate notice to, and an opportunity for a hearing with regard to, the person affected.\n")
    assert _duties(text) == []


def test_a_remedy_not_deemed_exclusive_is_no_prohibition() -> None:
    assert _duties("(6) The administrative penalties shall not be deemed an exclusive remedy for the director.\n") == []


def test_guidance_not_subject_to_an_act_is_an_exemption_not_a_prohibition() -> None:
    assert _duties("(5) Such guidance shall not be subject to the Administrative Procedure Act.\n") == []


def test_what_reviews_shall_be_for_is_their_scope_not_a_duty() -> None:
    text = ("(1) For purposes of this section, retrospective reviews shall be for care rendered on or after "
            "January 1, 2000.\n")
    assert _duties(text) == []


def test_no_reimbursement_required_by_the_act_is_no_duty() -> None:
    text = ("SEC. 3. No reimbursement is required by this act pursuant to Section 6 of Article XIII B of the "
            "California Constitution because the only costs that may be incurred by a local agency or school district "
            "will be incurred because this act creates a new crime or infraction.\n")
    assert _duties(text) == []


def test_no_one_other_than_a_long_list_of_persons_may_act_is_a_prohibition() -> None:
    text = ("(e) No individual, other than a licensed physician or a licensed health care professional who is "
            "competent to evaluate the specific clinical issues involved in the health care services requested by the "
            "provider, may deny or modify requests for authorization of health care services.\n")
    assert [m for _, m, _ in _duties(text)] == ["prohibition"]


def test_a_point_whose_own_clause_names_another_party_keeps_its_own_verb() -> None:
    text = ("(h) A health care service plan subject to this section shall meet the following requirements:\n\n"
            "(1) Decisions to approve requests shall be made within five business days.\n\n"
            "(2) If the director determines that a plan has failed to meet any of the timeframes, the director may "
            "assess administrative penalties for each failure.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [("(h)(1)", "mandatory"), ("(h)(2)", "permission")]


def test_a_party_that_uses_an_artificial_intelligence_tool_is_its_deployer() -> None:
    text = ("(k) A health care service plan that uses an artificial intelligence, algorithm, or other software tool "
            "for the purpose of utilization review shall ensure that the tool is fairly and equitably applied.\n")
    assert _parties(text) == ["deployer"]


def test_the_director_a_code_names_is_an_authority() -> None:
    text = "(l) The director shall review a health care service plan's compliance with this section.\n"
    assert _parties(text) == ["authority"]


def test_health_care_providers_are_not_the_providers_of_an_ai_system() -> None:
    text = ("(d) Decisions on requests by providers shall be communicated to the requesting provider within 24 "
            "hours.\n\n(e) Any written communication to a physician or other health care provider shall include a "
            "telephone number.\n")
    assert "provider" not in _parties(text)


def test_what_the_party_provides_shall_be_is_a_duty() -> None:
    text = "(4) The telephone number provided shall be a direct number or an extension.\n"
    assert [m for _, m, _ in _duties(text)] == ["mandatory"]
