"""What the first run on a never-seen AI-governance rule showed: New York City's rules on automated employment
decision tools (6 RCNY 5-300 to 5-304, read from DCWP's own PDF; tests/fixtures/regulations-heldout/SOURCES.md).

The extractor raised on the text at first (a bare "# " line); it now reads it, and its held-out figures are PENDING
in test_corpus.py. Each failure class still open is one behaviour marked ``xfail(strict=True)``: it fails today, and
the day a fix makes it pass the marker must come off (a pass under the marker fails the run).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import duty_clauses, statute_addressee
from compgraph.legal.corpus import fragment_occurs, read_labels
from compgraph.legal.readers import read_document

RULES = Path(__file__).resolve().parents[1] / "fixtures" / "regulations-heldout" / "us-nyc-dcwp-6-rcny-5-300-5-304.pdf"


def test_the_rules_pdf_reads_as_the_worked_tables_print_it_with_their_split_headers() -> None:
    # pypdf gives the tables' "# of Applicants" header as a line "# " and the rest below: the line that stops
    # the extractor is in the text the reader hands it
    text = read_document(RULES)
    assert sum(1 for line in text.splitlines() if line.strip() == "#") == 3
    rows = read_labels(RULES.with_name(RULES.stem + ".truth.tsv"), ("id", "text"))
    assert all(fragment_occurs(r["text"], text) for r in rows)


def test_a_table_header_left_as_a_bare_hash_line_does_not_stop_the_extractor() -> None:
    text = ("§ 5-301 Bias Audit.\n(a) An employer must keep the results.\n# \nof Applicants\n"
            "(b) An employer must post the results.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["5-301(a)", "5-301(b)"]


def test_an_employment_agency_is_bound_as_an_employer_not_as_a_public_body() -> None:
    assert statute_addressee("An employer or employment agency") == "employer"


def test_roman_items_under_a_numbered_point_are_duties_and_the_next_point_follows_them() -> None:
    text = ("§ 5-301 Bias Audit.\n(a) Where a tool selects candidates, a bias audit must, at a minimum:\n"
            "(1) Calculate the selection rate for each category;\n"
            "(2) Ensure that the calculations separately calculate the impact of the tool on:\n"
            "i. Sex categories,\nii. Race/Ethnicity categories, and\niii. intersectional categories.\n"
            "(3) Indicate the number of individuals in an unknown category.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["5-301(a)(1)", "5-301(a)(2)(i)", "5-301(a)(2)(ii)",
                                                    "5-301(a)(2)(iii)", "5-301(a)(3)"]


def test_what_an_example_says_a_party_will_need_binds_no_one() -> None:
    assert duty_clauses("The employment agency will need an updated bias audit if it will continue to use the AEDT "
                        "once 12 months have passed.") == []


@pytest.mark.xfail(strict=True, reason="PENDING: 'may be met with' is read as a permission")
def test_another_way_of_meeting_a_requirement_is_no_duty() -> None:
    assert duty_clauses("The requirements of subdivision (a) of this section may be met with an active hyperlink to a "
                        "website containing the summary, provided that the link is clearly identified.") == []
