"""The held-out gold sets for control suggestions (``tests/fixtures/suggest-gold/heldout2.tsv`` to ``heldout15``)."""

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
# the gold files in the order they were made: each may use none of the files before it
ORDER = ("tuning.tsv", "heldout.tsv", "heldout2.tsv", "heldout3.tsv", "heldout4.tsv", "heldout5.tsv", "heldout6.tsv",
         "heldout7.tsv", "heldout8.tsv", "heldout9.tsv", "heldout10.tsv", "heldout11.tsv",
         "heldout12.tsv", "heldout13.tsv", "heldout14.tsv", "heldout15.tsv")


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


@pytest.mark.parametrize(
    "name", ["heldout2.tsv", "heldout3.tsv", "heldout4.tsv", "heldout5.tsv", "heldout6.tsv", "heldout7.tsv",
             "heldout8.tsv", "heldout9.tsv", "heldout10.tsv", "heldout11.tsv", "heldout12.tsv", "heldout13.tsv",
             "heldout14.tsv", "heldout15.tsv"]
)
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


def test_heldout5_draws_its_quota_from_each_text() -> None:
    duties = rg.read_gold(GOLD / "heldout5.tsv", SHIPPED)
    assert Counter(d.document for d in duties) == {
        "eu-ai-act-art47-49-62-86-95-print": 25, "us-ny-23-nycrr-500-4-10-18-23": 32,
        "ca-ontario-phipa-2004-s11-17": 23, "ca-alberta-pipa-2003-s5-11": 10,
    }


def test_heldout6_draws_its_quota_from_each_text() -> None:
    duties = rg.read_gold(GOLD / "heldout6.tsv", SHIPPED)
    assert Counter(d.document for d in duties) == {
        "uk-psti-act-2022-s8-13": 19, "us-fisma-2014-44-usc-3555-3558": 29,
        "ca-alberta-pipa-2003-s5-11": 1, "ca-ontario-phipa-2004-s11-17": 2,
        "eu-eprivacy-directive-2002-58-art4-9": 3, "eu-gdpr-art30-33-34": 2, "in-dpdp-act-2023-s8-10": 3,
        "us-ny-23-nycrr-500-4-10-18-23": 2, "us-tennessee-pc408-47-18-3203-3206-3207": 5,
        "us-virginia-code-59-1-578-579": 4,
        "us-bloomington-il-website-transparency-2014": 3, "us-cambridge-ma-code-2-126": 2,
        "us-chagrin-falls-charter-iii-5-v-vi": 3, "us-cook-county-code-2-5": 3,
        "us-illinois-open-operating-standards-act": 3, "us-jackson-mi-code-2-446-458": 1,
        "us-montgomery-county-md-code-2-152-159": 3, "us-new-jersey-s727-open-data": 2,
        "us-nyc-local-law-11-2012": 2, "us-san-francisco-admin-code-22d": 3,
    }


@pytest.mark.parametrize(("name", "document"), [
    ("heldout6.tsv", "uk-psti-act-2022-s8-13"), ("heldout6.tsv", "us-fisma-2014-44-usc-3555-3558"),
    ("heldout8.tsv", "eu-ai-act-art8-60-61"), ("heldout8.tsv", "eu-ai-act-annex4-11-12"),
    ("heldout9.tsv", "us-omb-m-24-10-2024-s5b-5c"), ("heldout10.tsv", "us-nyc-dcwp-6-rcny-5-300-5-304"),
    ("heldout12.tsv", "us-california-ccpa-civ-1798-100-115"),
    ("heldout13.tsv", "us-connecticut-ctdpa-pa-22-15-s4-9"),
    ("heldout14.tsv", "us-ftc-coppa-rule-16-cfr-312-1-10"),
    ("heldout15.tsv", "uk-nis-regulations-2018-reg8a-14a"),
])
def test_a_held_out_file_holds_every_mandatory_duty_of_its_new_texts(name: str, document: str) -> None:
    with (TRUTH / f"{document}.truth.tsv").open(encoding="utf-8", newline="") as fh:
        mandatory = {r["id"] for r in csv.DictReader(fh, delimiter="\t") if r["modality"] == "mandatory"}
    assert {d.id for d in rg.read_gold(GOLD / name, SHIPPED) if d.document == document} == mandatory




@pytest.mark.parametrize("document", ["us-colorado-sb24-205-6-1-1703-4-9-1704", "us-nsm-ai-framework-2024-pillars-2-4"])
def test_heldout7_holds_every_mandatory_duty_of_its_texts_that_no_earlier_gold_file_holds(document: str) -> None:
    earlier = {d.text for name in ORDER[:7] for d in rg.read_gold(GOLD / name, SHIPPED)}
    with (TRUTH / f"{document}.truth.tsv").open(encoding="utf-8", newline="") as fh:
        mandatory = {r["id"] for r in csv.DictReader(fh, delimiter="\t")
                     if r["modality"] == "mandatory" and r["text"] not in earlier}
    assert {d.id for d in rg.read_gold(GOLD / "heldout7.tsv", SHIPPED) if d.document == document} == mandatory


def test_heldout7_repeats_no_duty_text_of_the_earlier_gold_files() -> None:
    # Colorado 6-1-1703(4)(a) is in both excerpts of the Act; its rows were labelled in heldout2/3 already.
    earlier = {d.text for name in ORDER[:7] for d in rg.read_gold(GOLD / name, SHIPPED)}
    assert not earlier & {d.text for d in rg.read_gold(GOLD / "heldout7.tsv", SHIPPED)}




@pytest.mark.parametrize("name", ["heldout8.tsv", "heldout9.tsv", "heldout10.tsv", "heldout11.tsv", "heldout12.tsv",
                                  "heldout13.tsv", "heldout14.tsv", "heldout15.tsv"])
def test_a_new_text_file_repeats_no_duty_or_document_of_the_earlier_gold_files(name: str) -> None:
    earlier = [d for before in ORDER[:ORDER.index(name)] for d in rg.read_gold(GOLD / before, SHIPPED)]
    held_out = rg.read_gold(GOLD / name, SHIPPED)
    assert not {d.text for d in earlier} & {d.text for d in held_out}
    assert not {d.document for d in earlier} & {d.document for d in held_out}


@pytest.mark.parametrize(("name", "rows", "none"), [
    ("heldout3.tsv", 60, 31), ("heldout4.tsv", 100, 81), ("heldout5.tsv", 90, 67), ("heldout6.tsv", 95, 86),
    ("heldout7.tsv", 92, 26), ("heldout8.tsv", 79, 21), ("heldout9.tsv", 82, 15), ("heldout10.tsv", 26, 1),
    ("heldout11.tsv", 49, 36), ("heldout12.tsv", 26, 23), ("heldout13.tsv", 49, 42), ("heldout14.tsv", 69, 57),
    ("heldout15.tsv", 63, 62),
])
def test_every_row_reads_cleanly_against_the_shipped_catalog(name: str, rows: int, none: int) -> None:
    duties = rg.read_gold(GOLD / name, SHIPPED)
    assert (len(duties), sum(1 for d in duties if not d.controls)) == (rows, none)
    assert all(d.section for d in duties)


@pytest.mark.parametrize("name", ORDER[3:])
def test_a_held_out_file_reuses_no_duty_of_the_files_before_it(name: str) -> None:
    earlier = [d for before in ORDER[:ORDER.index(name)] for d in rg.read_gold(GOLD / before, SHIPPED)]
    held_out = rg.read_gold(GOLD / name, SHIPPED)
    assert not {(d.document, d.id) for d in earlier} & {(d.document, d.id) for d in held_out}
    assert not {d.id for d in earlier} & {d.id for d in held_out}
