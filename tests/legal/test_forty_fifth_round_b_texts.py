"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-fifth session, round 45b):
the Digital Markets Act (EU) 2022/1925's Articles 7 and 8 as a PDF printed by headless Chromium from the OJ markup, and
Oregon's OAR 125-055-0010 to -0025 (the Oregon Forward Program) as a repository's Markdown rule pages.

A converter that breaks its text before every parenthesised number broke "within ten (10) calendar days" after "ten",
and "(10) calendar days ..." was read as a subsection (10); "shall remain free to decide" and "shall have discretion"
were duties; a decision's legal effect ("will constitute a final order"), a proceeding's reach ("the contested case
will be limited to ..."), a status kept ("will remain listed") and a criterion of listing ("No product or service may
be suitable where ...") were duties; what a review may bring about ("may result in removal", "may also cause a
review") was a leave; "cannot obligate" was no modal verb. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def test_a_number_in_words_then_in_figures_broken_by_a_converter_stays_one_sentence(tmp_path: Path) -> None:
    rule = tmp_path / "rule.md"
    rule.write_text("# Appeals (OAR 125-055-0015)\n\n## Full text\n\n125-055-0015 Appeals\n\n(4) The applicant may "
                    "submit a written appeal to the Department within ten\n\n(10) calendar days of the date of the "
                    "notice. The appeal must state the error in the decision.\n\n(5) The Department will decide the "
                    "appeal.\n", encoding="utf-8")
    rows = _duties(read_document(rule))
    assert [ref.split(",")[0] for ref, _, _ in rows] == ["125-055-0015(4)", "125-055-0015(4)", "125-055-0015(5)"]
    assert any(text.endswith("within ten (10) calendar days of the date of the notice.") for _, _, text in rows)


def test_a_freedom_to_decide_and_a_discretion_are_permissions() -> None:
    text = ("Article 7\n\n7. The end users of the services shall remain free to decide whether to make use of the "
            "interoperable functionalities.\n\nArticle 8\n\n3. The Commission shall have discretion in deciding "
            "whether to engage in such a process.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["permission", "permission"]


def test_a_decisions_effect_a_proceedings_reach_a_kept_status_and_a_listing_criterion_bind_no_one() -> None:
    text = ("125-055-0020 Suitability\n\n(1) The Department will publish a Procurement List. Products determined "
            "suitable will remain listed, subject to the Department's examination. No product or service may be "
            "suitable where the work of individuals does not add value. The Department's written decision will "
            "constitute a final order under ORS 183.484. If the Department grants the request, the contested case "
            "will be limited to the issues raised in the protest.\n")
    assert [text for _, _, text in _duties(text)] == ["The Department will publish a Procurement List."]


def test_what_a_review_or_information_may_bring_about_is_no_leave() -> None:
    text = ("125-055-0025 Review\n\n(1) Information that was not available to the Department may also cause a review. "
            "The review may result in removal of the product from the Procurement List. An OFC may appeal a "
            "decision to remove a product.\n")
    assert [text for _, _, text in _duties(text)] == ["An OFC may appeal a decision to remove a product."]


def test_a_contract_that_cannot_obligate_a_party_is_a_prohibition() -> None:
    text = ("125-055-0020 Suitability\n\n(2) An OFC's contract to provide a service cannot obligate an Agency to buy "
            "a product tied to that service unless the product is incidental to the service.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["prohibition"]
