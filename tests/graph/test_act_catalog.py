"""The EU AI Act catalog (mappings/obligations/eu-ai-act.yaml): imported with `compgraph import`, then reviewed.

Pins what the review decided (mappings/obligations/README.md, "The EU AI Act"): the counts, that every text is
a verbatim span of the shipped source, that every duty binds a provider of high-risk systems, that the removed
authority duties are listed and gone, and that every binding duty reaches a control through the crosswalk.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
MAPPINGS = REPO / "mappings"
CATALOG = yaml.safe_load((MAPPINGS / "obligations" / "eu-ai-act.yaml").read_text(encoding="utf-8"))
OBLIGATIONS = {o["id"]: o for o in CATALOG["obligations"]}
BINDING = ("mandatory", "prohibition", "commitment")


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _crosswalk() -> list[dict[str, str]]:
    lines = (MAPPINGS / "crosswalk.sssom.tsv").read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader([ln for ln in lines if not ln.startswith("#")], delimiter="\t"))


def test_the_act_has_125_duties_after_review_by_modality() -> None:
    assert Counter(o["modality"] for o in CATALOG["obligations"]) == {"mandatory": 114, "permission": 9,
                                                                      "prohibition": 2}


def test_every_text_is_verbatim_from_the_shipped_articles() -> None:
    """A point is quoted with its lead-in ("... the following aspects: (a) ..."), an elided clause with "…":
    each part is a verbatim span of the source."""
    source = _collapse((MAPPINGS / CATALOG["document"]["source_file"]).read_text(encoding="utf-8"))
    parts = {i: re.split(r"(?<=:) (?=\()| … ", _collapse(o["text"])) for i, o in OBLIGATIONS.items()}
    assert [i for i, ps in parts.items() if any(p.strip(" .") not in source for p in ps)] == []


def test_every_line_number_points_at_the_statement() -> None:
    lines = (MAPPINGS / CATALOG["document"]["source_file"]).read_text(encoding="utf-8").split("\n")
    assert [i for i, o in OBLIGATIONS.items() if o["text"].split()[-1] not in lines[o["line"] - 1]
            and o["text"].split()[0] not in lines[o["line"] - 1]] == []


def test_every_duty_binds_the_provider_of_a_high_risk_system() -> None:
    assert {(o["addressee"], o["applies_to_risk"]) for o in CATALOG["obligations"]} == {("provider", "high")}


def test_the_authority_duties_the_review_removed_are_listed_and_absent() -> None:
    removed = CATALOG["document"]["review"]["removed"]
    assert len(removed) == 11 and {"AIA-73-8", "AIA-72-3-s3", "AIA-11-1-s7"} <= set(removed)
    assert set(removed).isdisjoint(OBLIGATIONS)


def test_a_hand_correction_is_marked_on_the_obligation() -> None:
    assert OBLIGATIONS["AIA-11-1"]["corrected"] == "addressee commission -> provider"
    assert OBLIGATIONS["AIA-11-1"]["addressee"] == "provider"


def test_the_source_text_is_attributed_to_the_official_journal() -> None:
    doc = CATALOG["document"]
    assert doc["kind"] == "regulation" and doc["prefix"] == "AIA"
    assert "2011/833/EU" in doc["attribution"] and "12.7.2024" in doc["version"]
    assert "eu-ai-act.txt" in (MAPPINGS / "sources" / "ATTRIBUTION.md").read_text(encoding="utf-8")


def test_every_binding_duty_reaches_a_control_directly_or_through_a_restating_duty() -> None:
    rows = _crosswalk()
    mapped = {r["subject_id"][4:] for r in rows if r["object_id"].startswith("ctl:")}
    linked = {r["object_id"][4:] for r in rows if r["object_id"].startswith("obl:")
              and r["predicate_id"] == "skos:closeMatch" and r["subject_id"][4:] in mapped}
    binding = {i for i, o in OBLIGATIONS.items() if o["modality"] in BINDING}
    assert sorted(binding - mapped - linked) == []
    assert "AIA-15-5" in linked - mapped  # covered only through COC-13-08


def test_every_act_crosswalk_row_has_its_own_justification_and_reviewer() -> None:
    rows = [r for r in _crosswalk() if "AIA-" in r["subject_id"] + r["object_id"]]
    comments = [r["comment"] for r in rows]
    assert len(rows) > 140 and len(set(comments)) == len(comments)
    assert {r["reviewer_id"] for r in rows} == {"compgraph:act-reviewer"}
    assert {r["confidence"] for r in rows} <= {"0.95", "0.9", "0.75", "0.6"}
