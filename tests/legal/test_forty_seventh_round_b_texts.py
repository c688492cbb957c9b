"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-sixth session, round 47b):
the Data Act's Articles 23 to 27 (switching between data processing services) as a PDF printed by headless Chromium
from the OJ page's markup, and the City of Norfolk's Ordinance No. 46,912 with the Open Data Policy it approves, as a
repository's Markdown.

"The City commits to develop and implement practices that will allow it to:" was no duty, so its points were
dropped; "will actively encourage" was read as a prediction ("will encourage"); a lead-in whose two verbs share one
object ("shall not impose and shall remove obstacles ...:") gave its points the duty only, and the prohibition a row
of its own with no object; a relative clause capping a period a point names ("..., which shall not exceed two
months") made the point a prohibition; a point naming a contract's term ("a clause specifying that the contract shall
be considered to be terminated ..., in one of the following cases:") was read as a deeming, its points dropped. One
behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties


def test_a_body_that_commits_to_practices_is_bound_by_each_point() -> None:
    text = ("Section 3: Open Data Program\n\n1. The City commits to develop and implement practices that will allow "
            "it to:\n\n(a) Proactively release publishable City data;\n\n(b) Provide or support access to free, "
            "historical archives of all released City data.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("3(1)(a)", "mandatory"),
                                                                       ("3(1)(b)", "mandatory")]


def test_what_a_party_will_actively_do_binds_it() -> None:
    text = ("Section 4: Governance\n\n2. In order to increase and improve use of the City's open data, the Chief "
            "Information Officer will actively encourage Department and public participation through providing "
            "regular opportunities for feedback and collaboration.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("4(2)", "mandatory")]


def test_a_prohibition_and_a_duty_sharing_one_object_bind_each_point_twice() -> None:
    text = ("Article 23\n\nRemoving obstacles to effective switching\n\nProviders of data processing services shall "
            "take the measures provided for in Article 25. In particular, providers of data processing services shall "
            "not impose and shall remove commercial and technical obstacles, which inhibit customers from:\n\n(a) "
            "terminating the contract of the data processing service;\n\n(b) concluding new contracts with a "
            "different provider of data processing services.\n")
    rows = _duties(text)
    assert sorted((ref, modality) for ref, modality, _ in rows if ref.startswith("23(")) == [
        ("23(a)", "mandatory"), ("23(a)", "prohibition"), ("23(b)", "mandatory"), ("23(b)", "prohibition")]
    assert len(rows) == 5  # the first sentence, and no row for "shall not impose" alone


def test_a_relative_clause_capping_a_period_a_point_names_leaves_the_lead_ins_verb() -> None:
    text = ("Article 25\n\n2. The contract referred to in paragraph 1 shall include at least the following:\n\n(a) an "
            "exhaustive specification of all categories of data that can be ported;\n\n(b) a maximum notice period "
            "for initiation of the switching process, which shall not exceed two months;\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("25(2)(a)", "mandatory"),
                                                                       ("25(2)(b)", "mandatory")]


def test_a_contract_term_that_deems_keeps_its_cases_duties() -> None:
    text = ("Article 25\n\n2. The contract referred to in paragraph 1 shall include at least the following:\n\n(a) an "
            "obligation of the provider to support the customer's exit strategy;\n\n(b) a clause specifying that the "
            "contract shall be considered to be terminated and the customer shall be notified of the termination, in "
            "one of the following cases:\n\n(i) where applicable, upon the successful completion of the switching "
            "process;\n\n(ii) at the end of the maximum notice period, where the customer does not wish to switch;\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("25(2)(a)", "mandatory"), ("25(2)(b)(i)", "mandatory"), ("25(2)(b)(ii)", "mandatory")]
