"""The held-out gold sets for control suggestions (``tests/fixtures/suggest-gold/heldout2.tsv`` to ``heldout5``)."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from compgraph.graph import catalog
from compgraph.legal import rank_gold as rg

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "fixtures" / "suggest-gold"
TRUTH = REPO / "tests" / "fixtures" / "regulations-heldout"
SHIPPED = {c["id"] for c in catalog.load_yaml(REPO / "mappings" / "controls.yaml")["controls"]}


def test_every_heldout2_row_reads_cleanly_against_the_shipped_catalog() -> None:
    duties = rg.read_gold(GOLD / "heldout2.tsv", SHIPPED)
    assert len(duties) == 130
    assert {d.document for d in duties} == {
        "eu-ai-act-art16-22-50", "eu-ai-act-art23-24", "eu-ai-act-art4-53-55",
        "us-colorado-sb24-205-excerpt", "us-california-sb53-22757-12",
    }
    assert all(d.section for d in duties)


def test_no_document_of_the_earlier_gold_files_is_reused() -> None:
    earlier = {d.document for name in ("tuning.tsv", "heldout.tsv") for d in rg.read_gold(GOLD / name, SHIPPED)}
    assert not earlier & {d.document for d in rg.read_gold(GOLD / "heldout2.tsv", SHIPPED)}


@pytest.mark.parametrize("name", ["heldout2.tsv", "heldout3.tsv", "heldout4.tsv", "heldout5.tsv"])
def test_each_duty_is_its_mandatory_truth_row_word_for_word(name: str) -> None:
    with (GOLD / name).open(encoding="utf-8", newline="") as fh:
        gold = list(csv.DictReader(fh, delimiter="\t"))
    truth: dict[str, dict[str, str]] = {}
    for document in {row["document"] for row in gold}:
        with (TRUTH / f"{document}.truth.tsv").open(encoding="utf-8", newline="") as fh:
            truth.update({r["id"]: r for r in csv.DictReader(fh, delimiter="\t")})
    for row in gold:
        source = truth[row["id"]]
        assert [row[k] for k in ("ref", "modality", "topic", "text")] == [
            source[k] for k in ("ref", "modality", "topic", "text")
        ], row["id"]
        assert row["modality"] == "mandatory"


def test_every_heldout3_row_reads_cleanly_against_the_shipped_catalog() -> None:
    duties = rg.read_gold(GOLD / "heldout3.tsv", SHIPPED)
    assert len(duties) == 60
    assert sum(1 for d in duties if not d.controls) == 31
    assert all(d.section for d in duties)


def test_no_duty_of_the_earlier_gold_files_is_reused() -> None:
    earlier = {d.id for name in ("tuning.tsv", "heldout.tsv", "heldout2.tsv")
               for d in rg.read_gold(GOLD / name, SHIPPED)}
    assert not earlier & {d.id for d in rg.read_gold(GOLD / "heldout3.tsv", SHIPPED)}


def test_every_heldout4_row_reads_cleanly_against_the_shipped_catalog() -> None:
    duties = rg.read_gold(GOLD / "heldout4.tsv", SHIPPED)
    assert len(duties) == 100
    assert sum(1 for d in duties if not d.controls) == 81
    assert all(d.section for d in duties)


def test_heldout4_reuses_no_duty_of_the_earlier_gold_files() -> None:
    earlier = {(d.document, d.id) for name in ("tuning.tsv", "heldout.tsv", "heldout2.tsv", "heldout3.tsv")
               for d in rg.read_gold(GOLD / name, SHIPPED)}
    assert not earlier & {(d.document, d.id) for d in rg.read_gold(GOLD / "heldout4.tsv", SHIPPED)}


def test_every_heldout5_row_reads_cleanly_against_the_shipped_catalog() -> None:
    duties = rg.read_gold(GOLD / "heldout5.tsv", SHIPPED)
    assert len(duties) == 90
    assert sum(1 for d in duties if not d.controls) == 67
    assert all(d.section for d in duties)


def test_heldout5_draws_its_quota_from_each_text() -> None:
    duties = rg.read_gold(GOLD / "heldout5.tsv", SHIPPED)
    assert Counter(d.document for d in duties) == {
        "eu-ai-act-art47-49-62-86-95-print": 25, "us-ny-23-nycrr-500-4-10-18-23": 32,
        "ca-ontario-phipa-2004-s11-17": 23, "ca-alberta-pipa-2003-s5-11": 10,
    }


def test_heldout5_reuses_no_duty_of_the_earlier_gold_files() -> None:
    earlier = {(d.document, d.id)
               for name in ("tuning.tsv", "heldout.tsv", "heldout2.tsv", "heldout3.tsv", "heldout4.tsv")
               for d in rg.read_gold(GOLD / name, SHIPPED)}
    assert not earlier & {(d.document, d.id) for d in rg.read_gold(GOLD / "heldout5.tsv", SHIPPED)}
