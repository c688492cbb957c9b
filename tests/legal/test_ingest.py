"""Reading documents, cleaning text, finding structure and extracting obligations (compgraph.legal)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pdfmaker import pdf_text

from compgraph.legal.evaluate import evaluate, spans_match
from compgraph.legal.extract import catalog_from_text, extract_obligations, write_catalog
from compgraph.legal.readers import IngestError, read_document
from compgraph.legal.structure import split_sections
from compgraph.legal.text import clean_text

REPO = Path(__file__).resolve().parents[2]
SOURCES = REPO / "mappings" / "sources"
FIXTURE = REPO / "tests" / "fixtures" / "ingest" / "sample-regulation.txt"


# --- reading -------------------------------------------------------------------------------------------


def test_reads_plain_text_file() -> None:
    text = read_document(SOURCES / "mozart-responsible-ai-policy.txt")
    assert text.startswith("Mozart Itd Responsible Al Policy")


def test_reads_text_from_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "policy.pdf"
    path.write_bytes(pdf_text("Providers shall keep logs."))
    assert "Providers shall keep logs." in read_document(path)


def test_reads_html_keeping_headings_and_bullets(tmp_path: Path) -> None:
    path = tmp_path / "policy.html"
    path.write_text(
        "<html><body><h2>Data Governance</h2><p>Mozart Ltd will:</p>"
        "<ul><li>Encrypt data at rest</li><li>Audit access</li></ul></body></html>",
        encoding="utf-8",
    )
    text = read_document(path)
    assert "Data Governance" in text
    assert "- Encrypt data at rest" in text and "- Audit access" in text


def test_reads_markdown_as_text_with_bullets(tmp_path: Path) -> None:
    path = tmp_path / "policy.md"
    path.write_text("# Tools\n\nStaff must:\n\n- use **approved** tools\n- report incidents\n", encoding="utf-8")
    text = read_document(path)
    assert "- use approved tools" in text
    assert "**" not in text and "#" not in text


def test_markdown_brackets_nothing_closes_stay_in_the_text_as_written(tmp_path: Path) -> None:
    path = tmp_path / "act.md"
    path.write_text("# Act\n\nThe provider shall keep logs [sic. See [1] and [[2]].\n", encoding="utf-8")
    assert "The provider shall keep logs [sic. See [1] and [[2]]." in read_document(path)


def test_markdown_with_thousands_of_stray_brackets_is_read_in_time_that_grows_with_the_text(tmp_path: Path) -> None:
    # Python-Markdown scanned from each unclosed "[" to its paragraph's end: 8,000 took 9 s, 50,000 minutes. Read
    # in a child so that a relapse fails instead of hanging the suite; the limit is far above the ~1 s it takes.
    path = tmp_path / "noisy.md"
    path.write_text("# Act\n\nThe provider shall keep logs " + "[ " * 50_000 + ".\n", encoding="utf-8")
    code = "import sys; from compgraph.legal.readers import read_document; print(len(read_document(sys.argv[1])))"
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120,
                          check=True)
    assert int(done.stdout) > 100_000


def test_empty_file_is_rejected_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(IngestError, match="empty.txt.*empty"):
        read_document(path)


def test_whitespace_only_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n\t\n", encoding="utf-8")
    with pytest.raises(IngestError, match="no text"):
        read_document(path)


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    with pytest.raises(IngestError, match="binary"):
        read_document(path)


def test_undecodable_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Providers shall keep logs \u00e9\u00e8".encode("utf-16-le").replace(b"\x00", b"\x01"))
    with pytest.raises(IngestError, match="UTF-8"):
        read_document(path)


def test_corrupt_pdf_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> garbage without xref\n")
    with pytest.raises(IngestError, match="broken.pdf"):
        read_document(path)


def test_file_that_is_not_a_pdf_despite_its_name_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("just text", encoding="utf-8")
    with pytest.raises(IngestError, match="not a PDF"):
        read_document(path)


def test_pdf_without_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_text(""))
    with pytest.raises(IngestError, match="no extractable text"):
        read_document(path)


def test_oversized_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Providers shall keep logs.\n" * 10, encoding="utf-8")
    with pytest.raises(IngestError, match="over the 100-byte limit"):
        read_document(path, max_bytes=100)


def test_unknown_extension_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "policy.rtf"
    path.write_bytes(b"{\\rtf1 Providers shall keep logs.}")
    with pytest.raises(IngestError, match="unsupported file type '.rtf'"):
        read_document(path)


def test_an_old_word_file_is_rejected_saying_which_format_to_save_it_in(tmp_path: Path) -> None:
    path = tmp_path / "policy.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(IngestError, match=r"policy\.doc: unsupported file type '\.doc'; save it as \.docx"):
        read_document(path)


def test_missing_file_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="cannot read"):
        read_document(tmp_path / "absent.txt")


def test_ingest_error_is_a_value_error() -> None:
    assert issubclass(IngestError, ValueError)


# --- cleaning ------------------------------------------------------------------------------------------


def test_clean_text_fixes_ocr_ai_and_ltd() -> None:
    cleaned = clean_text("Mozart Itd Responsible Al Policy for Al-driven decisions by Mozart ltd.\n")
    assert cleaned == "Mozart Ltd Responsible AI Policy for AI-driven decisions by Mozart Ltd.\n"


def test_clean_text_leaves_the_name_al_alone() -> None:
    assert clean_text("Al Gore spoke.\n") == "Al Gore spoke.\n"


def test_clean_text_dehyphenates_across_line_breaks() -> None:
    assert clean_text("energy-\nefficient design.\n") == "energyefficient design.\n"


def test_clean_text_joins_a_statement_split_by_a_page_break() -> None:
    text = "Risk mitigation strategies should\n\n\n\n8\n\n\nbe implemented.\n"
    assert clean_text(text) == "Risk mitigation strategies should be implemented.\n"


def test_clean_text_repairs_broken_bullets() -> None:
    text = "• Stakeholder Collaboration: Deployers should act.\n - o Medium-risk projects: Review\n"
    assert clean_text(text) == "- Stakeholder Collaboration: Deployers should act.\n  - Medium-risk projects: Review\n"


def test_clean_text_joins_orphan_bullet_continuation() -> None:
    text = "- Data Security: We will encrypt data and\n\n- regularly audit data security measures.\n"
    assert clean_text(text) == "- Data Security: We will encrypt data and regularly audit data security measures.\n"


# --- structure -----------------------------------------------------------------------------------------


def test_split_sections_finds_the_code_of_conducts_unnumbered_headings_not_its_contents_list() -> None:
    sections = split_sections((SOURCES / "eu-ai-act-code-of-conduct-deployers.txt").read_text(encoding="utf-8"))
    assert len(sections) == 18
    assert sections[0].title == "Introduction" and sections[0].line == 44
    body = [s for s in sections if s.normative]
    assert len(body) == 14  # 16 headings between Introduction and Conclusion, less Purpose and Definitions
    assert sections[5].id == "05" and sections[5].title == "Transparency and Accountability"


def test_split_sections_reads_numbered_headings() -> None:
    sections = split_sections((SOURCES / "mozart-responsible-ai-policy.txt").read_text(encoding="utf-8"))
    assert [s.id for s in sections][:5] == ["1", "1.1", "1.2", "2", "2.1"]
    assert next(s for s in sections if s.id == "4.2").title == "Data Governance and Management"
    assert next(s for s in sections if s.id == "4.2").parent == "4"
    assert "AI Ethics Committee" not in {s.title for s in sections}  # contact lines are not headings


def test_split_sections_prefixes_restarted_numbering_with_the_part() -> None:
    sections = split_sections((SOURCES / "responsible-ai-usage-policy-template.txt").read_text(encoding="utf-8"))
    ids = {s.id: s.title for s in sections}
    assert ids["1"] == "Guidelines for Responsible AI Usage"
    assert ids["2.1"] == "Bias" and ids["3.1"] == "Best Practices for Implementation"


def test_split_sections_reads_article_headings_with_title_on_next_line() -> None:
    sections = split_sections(FIXTURE.read_text(encoding="utf-8"))
    assert [(s.id, s.title) for s in sections][:2] == [
        ("1", "Article 1 Subject matter"),
        ("2", "Article 2 Obligations of providers"),
    ]
    assert sections[0].normative is False


def test_split_sections_finds_bullets_sub_bullets_and_labels() -> None:
    sections = split_sections((SOURCES / "mozart-responsible-ai-policy.txt").read_text(encoding="utf-8"))
    blocks = next(s for s in sections if s.id == "3.3").blocks
    assert [(b.kind, b.level) for b in blocks[1:5]] == [("bullet", 0), ("bullet", 0), ("bullet", 0), ("bullet", 1)]
    assert blocks[1].label == "Initial Assessment"


# --- extraction ----------------------------------------------------------------------------------------


def test_extractor_on_unseen_regulation_finds_every_duty_with_its_modality() -> None:
    obs = extract_obligations(FIXTURE.read_text(encoding="utf-8"), "REG")
    assert [(o.id, o.modality, o.addressee) for o in obs] == [
        ("REG-2-1", "mandatory", "provider"),
        ("REG-2-2", "prohibition", "provider"),
        ("REG-2-3", "permission", "provider"),
        ("REG-3-a", "mandatory", "provider"),
        ("REG-3-b", "mandatory", "provider"),
        ("REG-3-c", "mandatory", "provider"),
        ("REG-4-1", "mandatory", "deployer"),
        ("REG-4-2", "recommended", "deployer"),
        ("REG-4-3", "prohibition", "deployer"),
        ("REG-4-4", "mandatory", "deployer"),
    ]


def test_extractor_skips_descriptive_sentences_and_scope_articles() -> None:
    texts = " ".join(o.text for o in extract_obligations(FIXTURE.read_text(encoding="utf-8"), "REG"))
    assert "lays down rules" not in texts
    assert "Such information helps" not in texts


def test_extractor_makes_each_item_after_a_duty_lead_in_an_obligation_carrying_the_lead_in() -> None:
    obs = extract_obligations(FIXTURE.read_text(encoding="utf-8"), "REG")
    items = [o for o in obs if o.section == "3"]
    lead = "Providers shall ensure that the instructions for use contain:"
    assert [o.text for o in items] == [
        f"{lead} (a) the identity and contact details of the provider;",
        f"{lead} (b) the intended purpose of the system;",
        f"{lead} (c) the known limitations of the system's accuracy.",
    ]


def test_extracted_text_starts_on_its_line() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    lines = text.split("\n")
    for o in extract_obligations(text, "REG"):
        assert " ".join(o.text.split()[:3]) in " ".join(lines[o.line - 1].split()) or o.text.startswith(
            "Providers shall ensure")


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Providers shall keep logs.", "mandatory"),
        ("Deployers are required to notify users.", "mandatory"),
        ("Staff should report incidents.", "recommended"),
        ("Deployers are encouraged to engage with stakeholders.", "recommended"),
        ("Users may request a human review of the decision.", "permission"),
        ("Providers must not use biometric categorisation.", "prohibition"),
        ("Employees should never share client data with chatbots.", "prohibition"),
        ("Employees must refrain from using unapproved tools.", "prohibition"),
    ],
)
def test_modal_rules_assign_modality(sentence: str, modality: str) -> None:
    text = f"Article 1 Obligations\n\n{sentence}\n"
    obs = extract_obligations(text, "T", kind="regulation")
    assert [o.modality for o in obs] == [modality]


def test_may_describing_a_possibility_is_not_a_permission() -> None:
    text = "Article 1 Risks\n\nThe risks that may emerge are listed in Annex I.\n"
    assert extract_obligations(text, "T", kind="regulation") == []


def test_will_in_a_policy_is_a_commitment() -> None:
    obs = extract_obligations("1. Notice\n\nWe will notify users when they interact with AI.\n", "T", kind="policy")
    assert [o.modality for o in obs] == ["commitment"]


def test_policy_lead_in_with_will_gives_its_bullets_commitment_modality() -> None:
    text = (
        "1. Monitoring\n\nTo keep our systems safe, Acme Ltd will:\n\n"
        "- Monitor drift in production\n- Audit models yearly\n"
    )
    obs = extract_obligations(text, "ACME", kind="policy")
    assert [(o.text, o.modality, o.addressee) for o in obs] == [
        ("Monitor drift in production", "commitment", "organisation"),
        ("Audit models yearly", "commitment", "organisation"),
    ]


def test_imperative_in_a_policy_is_a_duty_of_the_reader() -> None:
    text = "1. Security\n\nEnsure you use the approved tool list.\n"
    obs = extract_obligations(text, "P", kind="policy")
    assert [(o.modality, o.addressee) for o in obs] == [("mandatory", "employee")]


def test_catalog_from_text_round_trips_through_yaml(tmp_path: Path) -> None:
    import yaml

    meta = {"id": "sample-regulation", "prefix": "REG", "title": "Sample", "kind": "regulation"}
    catalog = catalog_from_text(FIXTURE.read_text(encoding="utf-8"), meta)
    path = tmp_path / "sample-regulation.yaml"
    write_catalog(catalog, path)
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert loaded["document"]["prefix"] == "REG"
    assert loaded["sections"][1] == {"id": "2", "title": "Article 2 Obligations of providers"}
    assert loaded["obligations"][0]["id"] == "REG-2-1"
    assert set(loaded["obligations"][0]) >= {"id", "section", "line", "text", "modality", "topic", "ref"}
    assert (loaded["obligations"][0]["ref"], loaded["obligations"][0]["article"],
            loaded["obligations"][0]["paragraph"]) == ("2(1)", "2", "1")


# --- evaluation ----------------------------------------------------------------------------------------


def test_spans_match_when_one_contains_the_other() -> None:
    assert spans_match("Deployers must keep logs.", "**Logging**: Deployers must keep logs.")


def test_spans_match_on_token_overlap_of_at_least_half() -> None:
    assert spans_match("providers shall keep logs for ten years", "providers shall keep logs for six months")
    assert not spans_match("providers shall keep logs", "deployers should inform affected persons")


def test_evaluate_reports_precision_recall_and_modality_accuracy() -> None:
    gold = [
        {"text": "Providers shall keep logs.", "modality": "mandatory"},
        {"text": "Deployers should inform persons.", "modality": "recommended"},
    ]
    predicted = [
        {"text": "Providers shall keep logs.", "modality": "mandatory"},
        {"text": "Deployers should inform persons.", "modality": "mandatory"},
        {"text": "Something unrelated entirely here.", "modality": "mandatory"},
    ]
    result = evaluate(predicted, gold)
    assert (result.precision, result.recall, result.modality_accuracy) == (2 / 3, 1.0, 0.5)
    assert len(result.false_positives) == 1 and result.false_negatives == []


def test_evaluate_matches_one_to_one() -> None:
    gold = [{"text": "Providers shall keep logs.", "modality": "mandatory"}]
    predicted = [gold[0], dict(gold[0])]
    result = evaluate(predicted, gold)
    assert (result.precision, result.recall) == (0.5, 1.0)
