"""The failure classes the first runs on two never-seen AI Act texts showed (Art. 8, 60, 61 and Annexes IV, XI, XII,
the EUR-Lex HTML), one behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import duty_clauses
from compgraph.legal.corpus import score_document


def test_an_annex_point_is_cited_by_the_annex_then_its_item_and_point() -> None:
    text = ("ANNEX IV\n\nTechnical documentation\n\nThe technical documentation shall contain at least the following "
            "information:\n\n1. A general description of the AI system including:\n\n(a) its intended purpose;\n\n"
            "(b) the versions of relevant software;\n\n2. A description of the post-market monitoring plan.\n")
    assert [r for r, _, _ in _duties(text)] == ["Annex IV, 1(a)", "Annex IV, 1(b)", "Annex IV, 2"]


def test_an_annex_section_is_cited_between_the_annex_and_the_item() -> None:
    text = ("ANNEX XI\n\nTechnical documentation\n\nSection 1\n\nThe documentation shall contain at least the "
            "following:\n\n1. A general description of the model.\n\nSection 2\n\nThe documentation shall contain at "
            "least the following:\n\n1. A description of the evaluation strategies.\n")
    assert [r for r, _, _ in _duties(text)] == ["Annex XI, Section 1, 1", "Annex XI, Section 2, 1"]


def test_a_citation_is_scored_on_all_of_it_but_its_sentence_number() -> None:
    truth = [{"id": "t1", "ref": "Annex IV, 2(b)", "modality": "mandatory", "text": "the design specifications"}]
    found = [{"id": "X", "ref": "Annex IV, 1(b)", "modality": "mandatory", "text": "the design specifications"}]
    assert score_document("doc", found, truth, []).ref_accuracy == 0.0


def test_points_of_a_permission_granted_only_where_all_the_conditions_are_met_are_duties() -> None:
    text = ("Article 60\n\nTesting\n\n4. Providers may conduct the testing only where all of the following conditions "
            "are met:\n(a) the provider has drawn up a testing plan;\n(b) the authority has approved the testing.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [
        ("60(4)", "permission"), ("60(4)(a)", "mandatory"), ("60(4)(b)", "mandatory")]


def test_a_sentence_about_a_point_run_on_after_the_lead_in_binds_by_its_own_verb() -> None:
    # The OJ prints it after the list; the HTML reader runs it on after the item's lead-in.
    text = ("ANNEX XI\n\nDocumentation\n\nThe documentation shall contain at least the following information:\n\n"
            "1. A description of the development, including the following elements: With regard to point (b), where "
            "the energy consumption is unknown, the energy consumption may be based on the computational resources "
            "used.\n\n"
            "(a) the computational resources used;\n\n(b) known or estimated energy consumption of the model.\n")
    duties = _duties(text)
    assert [(r.split(", sentence")[0], m) for r, m, _ in duties] == [
        ("Annex XI, 1", "permission"), ("Annex XI, 1(a)", "mandatory"), ("Annex XI, 1(b)", "mandatory")]


def test_a_list_title_naming_who_is_to_provide_its_items_leads_them_in_as_duties() -> None:
    text = ("ANNEX XI\n\nDocumentation\n\nSection 2\n\nAdditional information to be provided by providers of "
            "general-purpose AI models with systemic risk\n\n1. A detailed description of the evaluation "
            "strategies.\n\n"
            "2. A detailed description of the adversarial testing.\n")
    assert [(r, m) for r, m, _ in _duties(text)] == [
        ("Annex XI, Section 2, 1", "mandatory"), ("Annex XI, Section 2, 2", "mandatory")]


def test_being_liable_for_damage_is_a_legal_effect_not_a_duty() -> None:
    assert duty_clauses("The provider shall be liable under applicable Union and national liability law for any "
                        "damage caused in the course of the testing.") == []


def test_a_tacit_approval_is_a_deeming_rule_not_a_duty() -> None:
    assert duty_clauses("Where the authority has not answered within 30 days, the testing plan shall be understood to "
                        "have been approved.") == []


def _conditions(point: str) -> str:
    return ("Article 60\n\nTesting\n\n4. Providers may conduct the testing only where all of the following conditions "
            f"are met:\n(a) {point}\n")


def _point_rows(point: str) -> list[tuple[str, str]]:
    return [(m, t.split("(a) ")[-1]) for r, m, t in _duties(_conditions(point)) if r == "60(4)(a)"]


def test_a_duty_after_a_semicolon_in_a_point_that_borrows_its_lead_ins_verb_is_a_duty_of_its_own() -> None:
    rows = _point_rows("the deployers have been informed of all aspects of the testing; the provider and the deployer "
                       "shall conclude an agreement specifying their roles.")
    assert [m for m, _ in rows] == ["mandatory", "mandatory"]
    assert rows[1][1].endswith("the provider and the deployer shall conclude an agreement specifying their roles.")


def test_a_deeming_clause_after_a_semicolon_is_cut_out_of_the_point() -> None:
    rows = _point_rows("the authority has approved the testing; where the authority has not answered within 30 days, "
                       "the testing shall be understood to have been approved; where national law does not provide "
                       "for a tacit approval, the testing shall remain subject to an authorisation;")
    assert rows == [("mandatory", "the authority has approved the testing;")]


def test_an_extension_granted_in_a_relative_clause_is_a_permission_of_its_own() -> None:
    rows = _point_rows("the testing does not last longer than six months, which may be extended for an additional "
                       "period of six months, subject to prior notification;")
    assert [m for m, _ in rows] == ["mandatory", "permission"]


def test_an_alternative_with_verbs_of_its_own_gives_a_row_per_verb_each_keeping_its_condition() -> None:
    rows = _point_rows("the subjects have given informed consent, or in the case of law enforcement, where seeking "
                       "consent would prevent the test, the testing shall not have any negative effect on the "
                       "subjects, and their personal data shall be deleted after the test;")
    assert [m for m, _ in rows] == ["mandatory", "prohibition", "mandatory"]
    assert rows[2][1].endswith("in the case of law enforcement, where seeking consent would prevent the test, … their "
                               "personal data shall be deleted after the test;")
