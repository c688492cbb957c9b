"""The failure classes the first runs on two never-seen AI-governance texts showed (Colorado SB 24-205 6-1-1703(4)-(9)
and 6-1-1704 as an OCR conversion, and the White House NSM AI Framework's Pillars II-IV as a PDF converted to
Markdown), one behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import duty_clauses


def test_a_coordinated_clause_whose_subject_lists_several_things_is_a_clause_of_its_own() -> None:
    sentence = ("The attorney general may evaluate the policy, assessment, or records to ensure compliance, and the "
                "risk management policy, impact assessment, and records are not subject to disclosure.")
    assert duty_clauses(sentence) == [
        ("permission", "The attorney general may evaluate the policy, assessment, or records to ensure compliance")]


def test_what_a_duty_shall_not_extend_to_is_its_limit_not_a_prohibition() -> None:
    sentence = ("The officer shall perform responsibilities confidentially; confidentiality, however, shall not extend "
                "to significant misconduct.")
    assert [modality for modality, _ in duty_clauses(sentence)] == ["mandatory"]


def test_each_unlabelled_bullet_under_a_lead_in_is_its_point_numbered_by_its_place() -> None:
    text = ("Oversight\n\nAI Governance Boards must:\n- Be chaired by the Chief AI Officer.\n"
            "- Include senior officials for privacy and security.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [("(1)", "mandatory"), ("(2)", "mandatory")]
    assert _duties(text)[1][2].startswith("AI Governance Boards must: ")


def test_a_bullet_rendered_into_its_lead_in_paragraph_is_cut_out_of_it() -> None:
    text = ("Oversight\n\nAgencies shall begin these practices before using AI: - Complete an assessment.\n"
            "- Test the system.\n")
    assert [r for r, _, _ in _duties(text)] == ["(1)", "(2)"]


def test_two_bullets_run_on_one_line_are_two_points_each_with_its_own_modal_verb() -> None:
    text = ("Waivers\n\nChief AI Officers:\n- May revoke a waiver at any time. - Must centrally track such waivers.\n"
            "- May not delegate authority to grant waivers.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [
        ("(1)", "permission"), ("(2)", "mandatory"), ("(3)", "prohibition")]


def test_a_page_number_left_before_a_bullet_is_not_part_of_it() -> None:
    text = ("Pillar IV\n\nUpdated policies shall:\n- Identify who assesses risks.\n"
            "6 - Require appropriate documentation and reporting.\n")
    assert [(r, t.split(": ")[-1]) for r, _, t in _duties(text)] == [
        ("(1)", "Identify who assesses risks."), ("(2)", "Require appropriate documentation and reporting.")]


def test_a_bullet_with_no_lead_in_above_it_stays_a_paragraph() -> None:
    text = "Waivers\n\nThe officer shall keep a register.\n- The register shall be public.\n"
    assert [r for r, _, _ in _duties(text)] == ["whole text", "whole text, sentence 2"]


def test_a_footnote_number_glued_to_a_full_stop_ends_the_sentence() -> None:
    text = "Pillar II\n\nAll updates must be provided to the APNSA.6 Within 180 days, agencies shall report.\n"
    assert [(r, t) for r, _, t in _duties(text)] == [
        ("whole text", "All updates must be provided to the APNSA.6"),
        ("whole text, sentence 2", "Within 180 days, agencies shall report.")]
