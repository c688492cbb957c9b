"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-fifth session, round 44b):
the Digital Operational Resilience Act (EU) 2022/2554's Articles 28 and 29 as a dataset's flat article text, and the
City of San Diego's Open Data Policy (2014) as a repository's HTML.

"shall ensure that contractual arrangements ... may be terminated in any of the following circumstances:" was read as a
permission's cases (one row), though the "may" is what the duty must secure; a point of "circumstances ... that are
deemed capable of altering ..." was dropped as a deeming; the points of a disclaimer the officer "shall ensure" is
placed, "which shall include ... the following:", were dropped as disclaimers ("are provided for informational
purposes only", "does not warranty"); the paragraph under a bare "PURPOSE:" caption ("The City will devote its best
efforts to ...") was a duty; the ESAs were a provider. One behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

from compgraph.legal.parties import statute_addressee


def test_a_duty_to_ensure_that_something_may_be_done_has_a_duty_per_listed_circumstance() -> None:
    text = ("Article 28\n\n7. Financial entities shall ensure that contractual arrangements may be terminated in any "
            "of the following circumstances: (a) significant breach by the provider of applicable laws; (b) weaknesses "
            "of its risk management; (c) where the authority can no longer supervise the financial entity.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["28(7)(a)", "28(7)(b)", "28(7)(c)"]


def test_a_relative_clause_on_what_is_deemed_capable_of_something_is_no_deeming() -> None:
    text = ("Article 28\n\n7. Financial entities shall keep a register of the following: (a) breaches by the provider; "
            "(b) circumstances that are deemed capable of altering the performance of the functions provided.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["28(7)(a)", "28(7)(b)"]


def test_the_statements_a_required_disclaimer_must_include_are_each_a_duty() -> None:
    text = ("Section 2. Duties.\n\n2.7  The Chief Officer shall ensure that an appropriate disclaimer is placed on the "
            "web site which shall include, but not be limited to, the following: (a) data sets are provided for "
            "informational purposes only; (b) the city does not warrant the accuracy of any data set; and (c) the city "
            "is not liable for any deficiencies in any data set.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("2.7(a)", "mandatory"), ("2.7(b)", "mandatory"), ("2.7(c)", "mandatory")]


def test_a_paragraph_under_a_bare_purpose_caption_binds_no_one() -> None:
    text = ("City of Example Open Data Policy\n\nPURPOSE:\n\nThis policy creates a process for publishing data. "
            "The City will devote its best efforts to making its data available online.\n\nSection 2. Duties.\n\n"
            "2.1  The Chief Officer shall review this policy annually.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["2.1"]


def test_the_european_supervisory_authorities_are_an_authority() -> None:
    assert statute_addressee("The ESAs") == "authority"
