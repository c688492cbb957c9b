"""The failure classes the first run on a never-seen agency memorandum showed (OMB M-24-10, Section 5(b)-(c), read
from the memorandum's own PDF), one behaviour each."""

from __future__ import annotations

from compgraph.legal.corpus import fragment_occurs
from compgraph.legal.statute import repair_typography


def test_a_compound_broken_at_a_line_end_keeps_its_hyphen_when_the_text_prints_it_whole() -> None:
    text = "Rights-impacting AI is listed.\nAgencies must assess rights-\nimpacting AI and hyphen-\nated words.\n"
    assert repair_typography(text) == ("Rights-impacting AI is listed.\n"
                                       "Agencies must assess rights-impacting AI and hyphenated words.\n")


def test_a_label_copying_a_line_broken_compound_matches_the_compound_printed_whole() -> None:
    assert fragment_occurs("testing in a real- world context", "Agencies must conduct testing in a real-world context.")
