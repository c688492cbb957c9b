"""The three hand-verified obligation catalogs: counts, ids, verbatim text, and the extractor scored on them."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from compgraph.legal.evaluate import evaluate
from compgraph.legal.extract import extract_obligations

REPO = Path(__file__).resolve().parents[2]
MAPPINGS = REPO / "mappings"
DOCIDS = ("eu-coc-deployers", "mozart-rai-policy", "rai-usage-template")

# Verified by reading each source document (see mappings/obligations/README.md).
EXPECTED_COUNTS = {
    "eu-coc-deployers": {"mandatory": 70, "recommended": 110},
    "mozart-rai-policy": {"commitment": 106, "mandatory": 19},
    "rai-usage-template": {"mandatory": 13, "prohibition": 6, "commitment": 2, "recommended": 1},
}
MODALITIES = {"mandatory", "recommended", "commitment", "permission", "prohibition"}
TOPICS = {
    "transparency", "accountability", "data-governance", "privacy", "human-oversight", "robustness", "fairness",
    "sustainability", "ai-literacy", "inclusive-design", "impact-assessment", "stakeholder-engagement",
    "governance", "reporting", "security", "documentation", "monitoring", "compliance", "tool-use", "ethics",
}
ROLES = {"provider", "deployer", "organisation", "employee", "committee", "management"}


def _load(docid: str) -> dict:
    return yaml.safe_load((MAPPINGS / "obligations" / f"{docid}.yaml").read_text(encoding="utf-8"))


def _source(catalog: dict) -> str:
    return (MAPPINGS / catalog["document"]["source_file"]).read_text(encoding="utf-8")


def _collapse(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module", params=DOCIDS)
def catalog(request: pytest.FixtureRequest) -> dict:
    return _load(request.param)


def test_catalog_file_name_is_its_document_id(catalog: dict) -> None:
    assert catalog["document"]["id"] in DOCIDS


@pytest.mark.parametrize("docid", DOCIDS)
def test_obligation_count_per_modality_matches_verified_reading(docid: str) -> None:
    counts = Counter(o["modality"] for o in _load(docid)["obligations"])
    assert dict(counts) == EXPECTED_COUNTS[docid]


def test_code_of_conduct_has_well_over_150_obligations() -> None:
    assert len(_load("eu-coc-deployers")["obligations"]) == 180


def test_every_text_is_a_verbatim_span_of_its_source(catalog: dict) -> None:
    source = _collapse(_source(catalog))
    missing = [o["id"] for o in catalog["obligations"] if _collapse(o["text"]) not in source]
    assert missing == []


def test_every_line_number_points_at_the_start_of_the_statement(catalog: dict) -> None:
    lines = _source(catalog).split("\n")
    wrong = []
    for o in catalog["obligations"]:
        first_words = " ".join(o["text"].split()[:3])
        if first_words not in " ".join(lines[o["line"] - 1].split()):
            wrong.append(o["id"])
    assert wrong == []


def test_ids_are_unique(catalog: dict) -> None:
    ids = [o["id"] for o in catalog["obligations"]]
    assert len(ids) == len(set(ids))


def test_ids_follow_prefix_section_sequence_format(catalog: dict) -> None:
    prefix = catalog["document"]["prefix"]
    for o in catalog["obligations"]:
        assert re.fullmatch(rf"{prefix}-[0-9][0-9.]*-\d{{2}}", o["id"]), o["id"]
        assert o["id"].rsplit("-", 1)[0] == f"{prefix}-{o['section']}"


def test_sequence_numbers_run_from_01_within_each_section(catalog: dict) -> None:
    by_section: dict[str, list[int]] = {}
    for o in catalog["obligations"]:
        by_section.setdefault(o["section"], []).append(int(o["id"].rsplit("-", 1)[1]))
    for section, seqs in by_section.items():
        assert seqs == list(range(1, len(seqs) + 1)), section


def test_every_obligation_section_is_declared(catalog: dict) -> None:
    declared = {s["id"] for s in catalog["sections"]}
    assert {o["section"] for o in catalog["obligations"]} <= declared


def test_fields_use_the_design_vocabularies(catalog: dict) -> None:
    for o in catalog["obligations"]:
        assert o["modality"] in MODALITIES, o["id"]
        assert o["topic"] in TOPICS, o["id"]
        assert o.get("addressee", "organisation") in ROLES, o["id"]
        assert o.get("applies_to_risk") in (None, "high", "medium", "low"), o["id"]


def test_document_metadata_carries_attribution(catalog: dict) -> None:
    doc = catalog["document"]
    for key in ("id", "prefix", "title", "kind", "publisher", "source_file", "attribution"):
        assert doc.get(key), key
    assert (MAPPINGS / doc["source_file"]).is_file()


def test_code_of_conduct_metadata_names_publisher_version_and_date() -> None:
    doc = _load("eu-coc-deployers")["document"]
    assert doc["publisher"] == "AI & Partners B.V."
    assert doc["version"] == "1.0"
    assert str(doc["issued"]) == "2024-08-17"
    assert doc["kind"] == "code-of-conduct"


def test_code_of_conduct_sections_are_the_sixteen_body_headings_plus_intro_and_conclusion() -> None:
    sections = _load("eu-coc-deployers")["sections"]
    assert [s["id"] for s in sections] == [f"{n:02d}" for n in range(18)]
    assert sections[5] == {"id": "05", "title": "Transparency and Accountability"}
    assert sections[0]["title"] == "Introduction" and sections[-1]["title"] == "Conclusion"


def _by_id(docid: str) -> dict[str, dict]:
    return {o["id"]: o for o in _load(docid)["obligations"]}


def test_coc_disclosure_of_decision_making_is_mandatory_in_transparency_section() -> None:
    o = _by_id("eu-coc-deployers")["COC-05-03"]
    assert o["section"] == "05"
    assert o["text"].startswith("Deployers must disclose the decision-making processes employed by AI systems")
    assert (o["modality"], o["topic"], o["addressee"]) == ("mandatory", "transparency", "deployer")


def test_coc_second_duty_sentence_of_a_bullet_is_its_own_obligation() -> None:
    obs = _by_id("eu-coc-deployers")
    assert obs["COC-04-04"]["text"].startswith("Based on the findings of impact assessments, deployers must develop")
    assert obs["COC-04-05"]["text"].startswith("This plan should outline strategies for risk mitigation")
    assert obs["COC-04-05"]["modality"] == "recommended"


def test_coc_ai_office_sub_bullets_are_committee_duties() -> None:
    obs = _by_id("eu-coc-deployers")
    tasks = [o for o in obs.values() if o["section"] == "15" and 429 <= o["line"] <= 434]
    assert len(tasks) == 6
    assert {(o["modality"], o["addressee"]) for o in tasks} == {("mandatory", "committee")}


def test_coc_statement_continued_across_page_break_is_whole() -> None:
    o = _by_id("eu-coc-deployers")["COC-08-05"]
    assert _collapse(o["text"]).startswith("Risk mitigation strategies should be implemented to address identified")


def test_coc_framing_sections_contribute_no_obligations() -> None:
    sections = {o["section"] for o in _load("eu-coc-deployers")["obligations"]}
    assert sections.isdisjoint({"00", "01", "02", "17"})


def test_mozart_review_requirements_bind_per_risk_level() -> None:
    obs = _by_id("mozart-rai-policy")
    assert obs["MOZ-3.3-03"]["text"] == "Low-risk projects: Approval by department head"
    assert (obs["MOZ-3.3-03"]["applies_to_risk"], obs["MOZ-3.3-03"]["addressee"]) == ("low", "management")
    assert (obs["MOZ-3.3-04"]["applies_to_risk"], obs["MOZ-3.3-04"]["addressee"]) == ("medium", "committee")
    assert (obs["MOZ-3.3-05"]["applies_to_risk"], obs["MOZ-3.3-05"]["addressee"]) == ("high", "committee")


def test_mozart_user_notification_commitment_is_present() -> None:
    o = _by_id("mozart-rai-policy")["MOZ-2.2-03"]
    assert o["text"] == "We will always notify users when they are interacting with an AI system."
    assert (o["section"], o["modality"], o["topic"]) == ("2.2", "commitment", "transparency")


def test_mozart_items_under_a_requires_lead_in_are_mandatory() -> None:
    docs = [o for o in _load("mozart-rai-policy")["obligations"] if o["section"] == "4.5"]
    assert len(docs) == 8 and {o["modality"] for o in docs} == {"mandatory"}


def test_mozart_introduction_is_not_catalogued() -> None:
    sections = {o["section"] for o in _load("mozart-rai-policy")["obligations"]}
    assert sections.isdisjoint({"1", "1.1", "1.2"})


def test_template_tool_restriction_is_a_prohibition_on_employees() -> None:
    o = _by_id("rai-usage-template")["RAU-1.2-02"]
    assert o["text"].startswith("It is imperative that all employees strictly adhere to this list and refrain")
    assert (o["modality"], o["addressee"], o["topic"]) == ("prohibition", "employee", "tool-use")


def test_template_human_review_before_publishing_is_a_prohibition() -> None:
    o = _by_id("rai-usage-template")["RAU-1.3-03"]
    assert "never publish or send content that has been solely generated by AI" in o["text"]
    assert o["modality"] == "prohibition"


def test_template_example_statement_and_editorial_note_are_not_catalogued() -> None:
    texts = " ".join(o["text"] for o in _load("rai-usage-template")["obligations"])
    assert "we have established internal AI usage standards" not in texts
    assert "Delete this note before distribution" not in texts


@pytest.mark.parametrize("docid", DOCIDS)
def test_extractor_reaches_target_scores_against_the_catalog(docid: str) -> None:
    catalog = _load(docid)
    predicted = extract_obligations(_source(catalog), catalog["document"]["prefix"], kind=catalog["document"]["kind"])
    result = evaluate(predicted, catalog["obligations"])
    assert result.recall >= 0.95, result
    assert result.precision >= 0.90, result
    assert result.modality_accuracy >= 0.95, result
