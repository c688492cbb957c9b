"""A statute as a reader's PDF gives it: lines wrapped at the margin, a browser's page header and footer
between the halves of a sentence, references at the start of a line, limits and rights inside duties."""

from __future__ import annotations

from compgraph.legal.clauses import acting_party, duty_clauses, statute_addressee, statute_modality
from compgraph.legal.extract import extract_obligations
from compgraph.legal.statute import repair_typography


def _found(text: str) -> dict[str, tuple[str, str, str | None]]:
    return {o.ref: (o.modality, o.text, o.addressee) for o in extract_obligations(text, "T", kind="regulation")}


WRAPPED = (
    "Article 47\nEU declaration of conformity\n"
    "4.   By drawing up the EU declaration of conformity, the provider shall assume responsibility for compliance\n"
    "with the requirements set out in Section 2. The provider shall keep the EU declaration of conformity up-to-date\n"
    "as appropriate.\n"
    "5.   The Commission is empowered to adopt delegated acts in accordance with Article 97 in order to amend\n"
    "Annex V by updating the content of the EU declaration of conformity set out in that Annex, in order to introduce\n"
    "elements that become necessary in light of technical progress.\n"
    "Article 48\nCE marking\n"
    "3.   The CE marking shall be affixed visibly, legibly and indelibly for high-risk AI systems. Where that is\n"
    "not possible or not warranted on account of the nature of the high-risk AI system, it shall be affixed to\n"
    "the packaging or to the accompanying documentation, as appropriate.\n"
)


def test_a_browsers_printed_page_header_and_footer_are_page_furniture() -> None:
    text = ("other than\n12/2/26, 9:56 PM Regulation (EU) 2024/1689 (Arti\ufb01cial Intelligence Act)\n"
            "\ufb01le:///tmp/print.html 3/4\nPage 3 of 4\nhigh-risk AI systems")
    assert repair_typography(text).split("\n") == ["other than", "", "", "", "high-risk AI systems"]


def test_a_short_last_line_of_a_wrapped_sentence_stays_in_the_sentence() -> None:
    assert _found(WRAPPED)["47(4), sentence 2"][1] == (
        "The provider shall keep the EU declaration of conformity up-to-date as appropriate.")


def test_a_wrapped_line_starting_with_a_reference_does_not_open_an_annex() -> None:
    found = _found(WRAPPED)
    assert "in order to amend Annex V by updating" in found["47(5)"][1]
    assert "48(3)" in found  # not "AnnexV-48(3)"


def test_a_sentence_cut_by_a_page_break_continues_after_the_furniture() -> None:
    text = repair_typography(
        "Article 95\nCodes of conduct\n"
        "1.   The AI Office and the Member States shall encourage and facilitate the drawing up of codes of conduct,\n"
        "intended to foster the voluntary application to AI systems, other than\n"
        "12/2/26, 9:56 PM Regulation (EU) 2024/1689 (Artificial Intelligence Act), Articles 47, 48, 49, 62, 86 and 95\n"
        "file:///tmp/print.html 3/4\n\n"
        "high-risk AI systems, of some or all of the requirements set out in Chapter III.\n")
    assert _found(text)["95(1)"][1].endswith("other than high-risk AI systems, of some or all of the requirements "
                                             "set out in Chapter III.")


def test_a_point_keeps_its_duty_and_modality_when_a_limit_follows_its_semicolon() -> None:
    text = ("Article 62\nMeasures for SMEs\n1.   Member States shall undertake the following actions:\n"
            "(a) provide SMEs with priority access to the AI regulatory sandboxes, to the extent that they fulfil the\n"
            "eligibility conditions and selection criteria;\n"
            "the priority access shall not preclude other SMEs from access to the AI regulatory sandbox;\n"
            "(b) organise specific awareness raising and training activities on the application of this Regulation.\n")
    found = _found(text)
    assert found["62(1)(a)"][0] == "mandatory" and "the priority access shall not preclude" in found["62(1)(a)"][1]
    assert found["62(1)(b)"][1].startswith("Member States shall undertake the following actions: (b) organise")


def test_a_rule_of_reference_and_an_access_restriction_are_not_duties() -> None:
    assert duty_clauses("The CE marking shall be subject to the general principles set out in Article 30.") == []
    assert duty_clauses("Only the Commission and national authorities referred to in Article 74(8) shall have "
                        "access to the respective restricted sections of the EU database.") == []


def test_a_right_held_against_a_named_party_is_that_partys_duty() -> None:
    clause = ("Any affected person subject to a decision which is taken by the deployer shall have the right to "
              "obtain from the deployer clear and meaningful explanations")
    assert statute_modality(clause) == "mandatory"
    assert acting_party(clause) == "deployer"


def test_a_right_held_against_no_one_stays_a_permission() -> None:
    assert statute_modality("The consumer shall have the right to appeal the decision") == "permission"


def test_a_passive_clause_binds_the_party_named_right_after_by() -> None:
    assert acting_party("may be drawn up by individual providers or deployers of AI systems") in {"provider",
                                                                                                 "deployer"}
    assert acting_party("shall be followed by the identification number of the notified body") is None


def test_a_relative_clause_after_the_party_does_not_replace_it() -> None:
    assert statute_addressee("deployers that are public authorities, Union institutions, bodies ") == "deployer"


def test_whose_thing_a_passive_duty_is_about_is_not_the_party_it_binds() -> None:
    assert statute_addressee("The identification number of the notified body ") is None


def test_a_program_that_must_be_a_process_kept_up_is_a_duty_but_a_request_that_must_be_clear_is_not() -> None:
    assert duty_clauses("THE RISK MANAGEMENT POLICY AND PROGRAM MUST BE AN ITERATIVE PROCESS PLANNED, "
                        "IMPLEMENTED, AND REGULARLY AND SYSTEMATICALLY REVIEWED AND UPDATED")
    assert duty_clauses("The individual's prompt must be a clear and unambiguous request to determine whether the "
                        "interaction is with a human") == []
