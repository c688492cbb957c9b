"""Real statutes in every drafting style: structure, lists, exceptions, modality, references, addressees."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from compgraph.legal.extract import catalog_from_text, extract_obligations
from compgraph.legal.readers import IngestError, read_document


def _duties(text: str) -> list[tuple[str, str, str]]:
    return [(o.id, o.modality, o.text) for o in extract_obligations(text, "T", kind="regulation")]


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        ("# Act\n\n## (1) Reasonable care\n\nA developer shall use reasonable care to protect consumers.\n", "T-1"),
        ("Reasonable care\n\nA developer shall use reasonable care to protect consumers.\n", "T"),
        ("§ 13-77-103\n\nA developer shall use reasonable care to protect consumers.\n", "T-13-77-103"),
        ("Sec. 2.\n\nA developer shall use reasonable care to protect consumers.\n", "T-2"),
        ("A developer shall use reasonable care to protect consumers.\n", "T"),
        ("13-77-103. Required disclosures.\n\n(1) A developer shall use reasonable care to protect consumers.\n",
         "T-13-77-103-1"),
    ],
    ids=["markdown-labelled-heading", "sentence-case-heading", "section-sign", "sec-dot", "no-heading",
         "code-section"],
)
def test_a_duty_imports_whatever_the_heading_style(text: str, ident: str) -> None:
    assert _duties(text) == [(ident, "mandatory", "A developer shall use reasonable care to protect consumers.")]


def test_each_point_of_a_lead_in_is_its_own_obligation_carrying_the_lead_in() -> None:
    text = ("Article 27\nFundamental rights impact assessment\n\n"
            "1. Deployers shall perform an assessment that consists of:\n"
            "(a) a description of the deployer’s processes;\n(b) a description of the period of time.\n")
    lead = "Deployers shall perform an assessment that consists of:"
    assert _duties(text) == [
        ("T-27-1-a", "mandatory", f"{lead} (a) a description of the deployer’s processes;"),
        ("T-27-1-b", "mandatory", f"{lead} (b) a description of the period of time."),
    ]


def test_a_point_that_leads_in_to_its_own_points_keeps_the_duty_it_states_first() -> None:
    text = ("Article 53\nObligations\n\n"
            "1. Providers shall:\n"
            "(a) draw up the technical documentation;\n"
            "(b) make information available to downstream providers. Without prejudice to trade secrets, "
            "the information shall:\n(i) enable a good understanding of the model; and\n(ii) contain the elements "
            "set out in Annex XII;\n")
    ids = [i for i, _m, _t in _duties(text)]
    assert ids == ["T-53-1-a", "T-53-1-b", "T-53-1-b-i", "T-53-1-b-ii"]
    assert _duties(text)[1] == ("T-53-1-b", "mandatory",
                                "Providers shall: (b) make information available to downstream providers.")


def test_upper_case_roman_points_under_a_lettered_point_carry_both_lead_ins() -> None:
    text = ("Sec. 6.\n\n(1) A deployer shall:\n(a) notify the consumer of:\n(I) the purpose of the system;\n"
            "(II) the nature of the decision; and\n(III) the contact information of the deployer.\n")
    obs = extract_obligations(text, "T", kind="regulation")
    assert [o.id for o in obs] == ["T-6-1-a-I", "T-6-1-a-II", "T-6-1-a-III"]
    assert obs[1].text == "A deployer shall: (a) notify the consumer of: (II) the nature of the decision; and"
    assert (obs[1].ref, obs[1].article, obs[1].paragraph, obs[1].point, obs[1].subpoint) == (
        "6(1)(a)(II)", "6", "1", "a", "II")


@pytest.mark.parametrize(
    "sentence",
    [
        "This obligation shall not apply to micro-enterprises.",
        "Article 9 shall apply mutatis mutandis to importers.",
        "The obligation referred to in paragraph 1 shall be deemed to be fulfilled by financial institutions.",
        "This Article is without prejudice to the obligations of deployers under Union law.",
        "Paragraphs 1 to 4 shall not affect the obligations of providers.",
        "The risks referred to in this Article shall concern only those which may be reasonably mitigated.",
        "Any importer shall be considered to be a provider of a high-risk AI system for the purposes of this Act.",
        "The body shall be presumed to comply with the requirements set out in Article 31.",
        "In the case referred to in Article 46(1), deployers may be exempt from that obligation to notify.",
    ],
)
def test_exception_clauses_are_not_duties(sentence: str) -> None:
    assert _duties(f"Article 5\nObligations of providers\n\n1. {sentence}\n") == []


def test_an_exception_after_a_duty_stays_out_of_its_text() -> None:
    text = ("Article 73\nReporting\n\n10. The notification shall be limited to serious incidents, and shall be "
            "made to the national competent authority.\n")
    assert _duties(text) == [("T-73-10", "mandatory",
                              "The notification … and shall be made to the national competent authority.")]


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Member States may lay down rules on penalties for deployers.", "permission"),
        ("In no case shall such data be used for training.", "prohibition"),
        ("The personal data are not to be transmitted to other parties.", "prohibition"),
        ("The Commission is empowered to adopt delegated acts amending Annex IV.", "permission"),
        ("Providers shall have a choice of integrating the elements into existing plans.", "permission"),
    ],
)
def test_statute_modality(sentence: str, modality: str) -> None:
    assert [m for _, m, _ in _duties(f"Article 2\nRules\n\n1. {sentence}\n")] == [modality]


@pytest.mark.parametrize(
    "sentence",
    [
        "Without prejudice to paragraphs 1 and 2, that deployer shall ensure that input data is relevant.",
        "Each use shall be limited to what is strictly necessary for the investigation of a specific offence.",
        "Notifying authorities shall offer or provide neither consultancy services nor conformity activities.",
    ],
)
def test_qualified_and_limiting_duties_are_still_duties(sentence: str) -> None:
    assert len(_duties(f"Article 26\nDuties\n\n1. {sentence}\n")) == 1


def test_a_flattened_paragraph_is_cut_into_its_paragraphs_and_points() -> None:
    text = ("Article 27\nAssessment\n\n1. Deployers shall perform an assessment consisting of: (a) a description "
            "of the processes; (b) a description of the period. 2. The deployer shall update the information.\n")
    assert [i for i, *_ in _duties(text)] == ["T-27-1-a", "T-27-1-b", "T-27-2"]


def test_a_sentence_mixing_a_duty_and_a_prohibition_gives_both() -> None:
    text = ("Article 73\nInvestigations\n\n6. The provider shall cooperate with the authorities, and shall not "
            "alter the AI system concerned.\n")
    assert [(i, m) for i, m, _ in _duties(text)] == [("T-73-6", "mandatory"), ("T-73-6-c2", "prohibition")]


def test_ids_cite_paragraph_and_sentence_not_a_sentence_count() -> None:
    text = ("Article 26\nObligations of deployers\n\n1. Deployers shall take measures.\n"
            "6. Deployers shall keep the logs. Deployers may keep them longer.\n")
    obs = extract_obligations(text, "EUAI", kind="regulation")
    assert [(o.id, o.ref) for o in obs] == [("EUAI-26-1", "26(1)"), ("EUAI-26-6", "26(6)"),
                                           ("EUAI-26-6-s2", "26(6), sentence 2")]


@pytest.mark.parametrize(
    ("subject", "role"),
    [("Providers", "provider"), ("Deployers", "deployer"), ("Importers", "importer"),
     ("Distributors", "distributor"), ("Member States", "member-state"), ("The Commission", "commission"),
     ("The AI Office", "ai-office"), ("Employers", "employer"), ("The market surveillance authority", "authority")],
)
def test_addressee_is_the_party_named_before_the_modal_verb(subject: str, role: str) -> None:
    obs = extract_obligations(f"Article 3\nDuties\n\n1. {subject} shall keep records.\n", "T", kind="regulation")
    assert [o.addressee for o in obs] == [role]


def test_hyphenation_across_lines_and_ligatures_are_repaired_in_the_catalog_text() -> None:
    text = "Article 4\nMeasures\n\n1. Providers shall take organi- sational measures to ﬁx ﬂaws.\n"
    assert [t for *_, t in _duties(text)] == ["Providers shall take organisational measures to fix flaws."]


def test_an_annex_repeating_article_numbers_gets_distinct_sections() -> None:
    text = ("Article 1\nScope\n\n1. Providers shall register.\n\nANNEX I\n\nArticle 1\nModel clauses\n\n"
            "1. The importer shall keep a copy.\n")
    cat = catalog_from_text(text, {"prefix": "T", "kind": "regulation"})
    assert [o["id"] for o in cat["obligations"]] == ["T-1-1", "T-AnnexI-1-1"]
    assert len({s["id"] for s in cat["sections"]}) == len(cat["sections"])


def test_utf16_with_a_byte_order_mark_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "act.txt"
    path.write_bytes("Article 1\n\n1. Providers shall keep logs.\n".encode("utf-16"))
    assert "Providers shall keep logs." in read_document(path)


def test_cp1252_is_read_with_an_encoding_hint_and_refused_without_one(tmp_path: Path) -> None:
    path = tmp_path / "act.txt"
    path.write_bytes("Article 1\n\n1. The provider’s logs shall be kept.\n".encode("cp1252"))
    with pytest.raises(IngestError, match="--encoding"):
        read_document(path)
    assert "provider’s logs" in read_document(path, encoding="cp1252")


def test_a_large_statute_parses_every_article() -> None:
    article = "Article {n}\nDuties\n\n1. Providers shall keep logs.\n(a) for ten years;\n(b) in the Union.\n\n"
    text = "".join(article.format(n=n) for n in range(1, 2001))
    obs = extract_obligations(text, "T", kind="regulation")
    assert len(obs) == 4000 and obs[-1].id == "T-2000-1-b"


def test_one_very_long_word_is_read_in_time_that_grows_with_the_text_not_its_square() -> None:
    # A word-break repair started a match inside every word at every letter: 100k letters without a space took
    # three minutes, 2 MB never ended. Read in a child so that a relapse fails here instead of hanging the suite;
    # the limit is a hundred times what the text takes now (about a second).
    code = ("from compgraph.legal.extract import extract_obligations; "
            "obs = extract_obligations('Article 1\\nLogs\\n\\n1. Providers shall keep ' + 'x' * 300_000 + '.\\n', "
            "'T', kind='regulation'); print(len(obs))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.split() == ["1"]


def test_topic_comes_from_the_article_title_unless_the_clause_names_its_own() -> None:
    text = ("Article 14\nHuman oversight\n\n1. Providers shall design the system so natural persons can oversee it.\n"
            "2. Providers shall examine the data sets for possible biases.\n")
    assert [o.topic for o in extract_obligations(text, "T", kind="regulation")] == ["human-oversight", "fairness"]


def test_a_passive_duty_binds_the_party_its_article_names() -> None:
    text = ("Article 2\nProviders\n\n1. Providers shall keep logs.\n\nArticle 28\nNotifying authorities\n\n"
            "1. Notifying authorities shall act impartially.\n2. The notification shall be made in writing.\n")
    obs = extract_obligations(text, "T", kind="regulation")
    assert [(o.id, o.addressee) for o in obs] == [("T-2-1", "provider"), ("T-28-1", "authority"),
                                                 ("T-28-2", "authority")]


def test_official_journal_points_set_as_label_and_text_cells_are_read_once_with_their_label(tmp_path: Path) -> None:
    row = ('<table><tr><td><p class="oj-normal">({0})</p></td>'
           '<td><p class="oj-normal">{1}</p></td></tr></table>')
    page = tmp_path / "oj.html"
    page.write_text('<div id="art_16"><p>Article 16</p><p>Obligations of providers</p>'
                    '<p>Providers shall:</p>' + row.format("a", "keep the documentation;")
                    + row.format("b", "keep the logs.") + "</div>", encoding="utf-8")
    assert _duties(read_document(page)) == [
        ("T-16-a", "mandatory", "Providers shall: (a) keep the documentation;"),
        ("T-16-b", "mandatory", "Providers shall: (b) keep the logs."),
    ]


def _addressees(text: str) -> list[tuple[str, str | None]]:
    return [(o.id, o.addressee) for o in extract_obligations(text, "T", kind="regulation")]


def test_a_pronoun_subject_binds_the_party_the_paragraph_just_named() -> None:
    text = ("Article 22\nAuthorised representatives\n\n"
            "1. The provider shall appoint a representative.\n"
            "2. The authorised representative shall perform the tasks. It shall provide a copy of the mandate.\n"
            "3. The provider shall keep the mandate.\n")
    assert _addressees(text) == [("T-22-1", "provider"), ("T-22-2", "authorised-representative"),
                                 ("T-22-2-s2", "authorised-representative"), ("T-22-3", "provider")]


def test_an_instrument_that_empowers_a_party_puts_the_listed_acts_on_that_party() -> None:
    text = ("Article 22\nAuthorised representatives\n\n"
            "1. The provider shall appoint a representative. The provider shall keep records.\n"
            "2. The mandate shall empower the authorised representative to carry out the following tasks:\n"
            "(a) verify the declaration;\n(b) cooperate with competent authorities.\n")
    assert [a for _, a in _addressees(text)][-2:] == ["authorised-representative", "authorised-representative"]


def test_the_high_risk_class_of_a_system_is_not_a_topic_of_risk() -> None:
    text = ("Article 16\nObligations of providers of high-risk AI systems\n\n"
            "Providers of high-risk AI systems shall:\n(a) affix the CE marking to the high-risk AI system;\n"
            "(b) carry out a risk assessment of the high-risk AI system.\n")
    topics = [o.topic for o in extract_obligations(text, "T", kind="regulation")]
    assert topics == ["compliance", "impact-assessment"]


def test_informing_an_authority_or_a_party_of_the_supply_chain_is_reporting_not_transparency() -> None:
    text = ("Article 20\nCorrective actions and duty of information\n\n"
            "1. Providers shall inform the distributors of the AI system concerned.\n"
            "2. Deployers shall inform the natural persons exposed to the system.\n")
    topics = [o.topic for o in extract_obligations(text, "T", kind="regulation")]
    assert topics == ["reporting", "transparency"]


def test_notifying_the_commission_is_reporting_and_a_document_to_add_is_documentation() -> None:
    text = ("Article 30\nNotification procedure\n\n"
            "1. Notifying authorities shall notify the Commission and the other Member States of each body.\n"
            "2. Any valid document related to existing designations shall be added.\n")
    topics = [o.topic for o in extract_obligations(text, "T", kind="regulation")]
    assert topics == ["reporting", "documentation"]


def test_a_condition_opening_the_sentence_does_not_give_the_duty_its_topic() -> None:
    text = ("Article 23\nObligations of importers\n\n"
            "2. Where an importer considers that a system is accompanied by falsified documentation, it shall not "
            "place the system on the market until it has been brought into conformity.\n")
    assert [o.topic for o in extract_obligations(text, "T", kind="regulation")] == ["compliance"]


def test_answering_an_authoritys_reasoned_request_is_compliance_and_keeping_copies_is_documentation() -> None:
    text = ("Article 24\nObligations of distributors\n\n"
            "1. Upon a reasoned request from a competent authority, distributors shall provide that authority "
            "with all the information and documentation.\n"
            "2. Importers shall keep, for a period of 10 years, a copy of the certificate issued by the notified "
            "body.\n")
    assert [o.topic for o in extract_obligations(text, "T", kind="regulation")] == ["compliance", "documentation"]


# --- a US bill converted from PDF (Colorado SB 24-205): capitals, OCR case errors, page furniture ---------

BILL = (
    "- 6-1-1703. Deployer duty to avoid algorithmic discrimination. (1) A DEPLOYER SHALL USE REASONABLE CARE. "
    "IN ANY ENFORCEMENT ACTION, THERE IS A REBUTTABLE PRESUMPTION THAT A DEPLOYER USED REASONABLE CARE.\n"
    "- (2) (a) A DEPLOYER SHALL IMPLEMENT A RISK MANAGEMENT PROGRAM THAT IS REVIEWED AND UPDATED OVER THE\n\n"
    "{10}------------------------------------------------\n\n"
    "LIFE CYCLE OF THE SYSTEM. THE PROGRAM MUST BE REASONABLE CONSIDERING:\n"
    "- (I) (A) THE NIST FRAMEWORK; OR\n- (B) ANY FRAMEWORK THE ATTORNEY GENERAL MAY DESIGNATE;\n"
    "- (II) THE SIZE OF THE DEPLOYER.\n"
    "- (b) AN IMPACT ASSESSMENT MUST INCLUDE:\n- (I) A STATEMENT OF PURPOSE; AND\n"
    "  - (II) A DESCRIPTION OF THE MONITORING AND\n\nPAGE 12-SENATE BILL 24-205\n\n"
    "USER SAFEGUARDS PROVIDED.\n"
    "- (C) AN UPDATED ASSESSMENT MUST INCLUDE A STATEMENT OF USE.\n"
)


def _bill() -> dict[str, tuple[str, str]]:
    return {o.ref: (o.modality, o.text) for o in extract_obligations(BILL, "T", kind="regulation")}


def test_a_code_section_with_its_catchline_and_first_paragraph_on_one_line_opens_the_section() -> None:
    assert "6-1-1703(1)" in _bill()


def test_a_rebuttable_presumption_is_not_a_duty() -> None:
    assert not any("PRESUMPTION" in text for _m, text in _bill().values())


def test_a_sentence_in_capitals_continues_across_a_page_break_and_its_furniture() -> None:
    assert "OVER THE LIFE CYCLE OF THE SYSTEM" in _bill()["6-1-1703(2)(a)"][1]
    assert _bill()["6-1-1703(2)(b)(II)"][1].endswith("A DESCRIPTION OF THE MONITORING AND USER SAFEGUARDS PROVIDED.")


def test_points_opened_two_levels_at_once_carry_the_lead_in_above_them() -> None:
    assert _bill()["6-1-1703(2)(a)(I)(A)"][1].startswith("THE PROGRAM MUST BE REASONABLE CONSIDERING:")
    assert _bill()["6-1-1703(2)(a)(I)(B)"][0] == "mandatory"


def test_a_capital_letter_where_the_next_point_letter_belongs_is_that_point() -> None:
    assert "6-1-1703(2)(c)" in _bill()


def test_a_developer_is_a_party_a_statute_binds() -> None:
    from compgraph.legal.clauses import statute_addressee

    assert statute_addressee("A DEVELOPER OF A HIGH-RISK ARTIFICIAL INTELLIGENCE SYSTEM") == "developer"


def test_a_dotted_code_section_under_a_markdown_heading_opens_the_section() -> None:
    text = ("#### 22757.12. Frontier AI Framework Requirements\n\n(b) Framework Review\n\n"
            "(1) A large frontier developer shall review its frontier AI framework at least once per year.\n")
    assert [o.ref for o in extract_obligations(text, "T", kind="regulation")] == ["22757.12(b)(1)"]


def test_encouraged_but_not_required_is_a_recommendation() -> None:
    from compgraph.legal.clauses import statute_modality

    sentence = "A frontier developer is encouraged, but not required, to make disclosures"
    assert statute_modality(sentence) == "recommended"
