"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-fourth session, round 43a):
the Digital Services Act (EU) 2022/2065's Articles 34, 39 and 41 as a dataset's flat article text, and Hawaii's HRS
§§ 489D-18 to 489D-22 (money transmitters) as a repository's Hugo Markdown pages joined.

A bold section label in the revisor's brackets ("**[§489D-18] Maintenance of records.** (a) ...") was not read as the
section's heading, so its rows were cited by the points alone or by the section before; "is under a duty to" was
missed; "shall have the discretion to" was a duty; "The disclosures prohibited by this section shall include ...:"
(what a section's prohibition covers) was a lead-in whose points were duties; "shall be impressed with a trust" (a
legal effect) was a duty; "The report ... shall remain the property of the commissioner and shall not be disclosed ..."
yielded a duty for the status; "As regards paragraph 2, points (a), (b) and (c), where ..." cut a point at "(b)". One
behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def test_a_bold_section_label_in_brackets_is_the_sections_heading(tmp_path: Path) -> None:
    page = tmp_path / "sections.md"
    page.write_text("**§12-1 Licences.** (a) A licensee shall display its licence.\n\n"
                    "**[§12-2] Maintenance of records.** (a) Each licensee shall keep the following records:\n\n"
                    "(1) A ledger of each payment;\n\n(2) Bank statements.\n\n"
                    "(b) Records shall be kept in English.\n", encoding="utf-8")
    rows = _duties(read_document(page))
    assert [ref.split(",")[0] for ref, _, _ in rows] == ["12-1(a)", "12-2(a)(1)", "12-2(a)(2)", "12-2(b)"]


def test_is_under_a_duty_to_binds() -> None:
    text = "Section 5. An authorized agent is under a duty to act only as authorized under the contract.\n"
    assert [modality for _, modality, _ in _duties(text)] == ["mandatory"]


def test_shall_have_the_discretion_to_is_a_permission() -> None:
    text = "Section 5. (c) The commissioner shall have the discretion to set, by rule, the maximum remittance time.\n"
    assert [modality for _, modality, _ in _duties(text)] == ["permission"]


def test_what_a_sections_prohibition_covers_is_a_definition_not_a_lead_in() -> None:
    text = ("Section 9. (a) The commissioner shall not divulge any information obtained in the course of official "
            "duties. The disclosures prohibited by this section shall include, without limitation, information that "
            "is:\n(1) Privileged under any law;\n(2) Related to an examination.\n")
    rows = _duties(text)
    assert [modality for _, modality, _ in rows] == ["prohibition"]
    assert all("disclosures prohibited" not in t for _, _, t in rows)


def test_a_trust_the_law_impresses_on_property_is_no_duty() -> None:
    text = ("Section 9. (f) An agent shall remit all money to the licensee. If an agent commingles any trust funds "
            "with other funds, all commingled funds shall be impressed with a trust in favor of the licensee.\n")
    rows = _duties(text)
    assert [modality for _, modality, _ in rows] == ["mandatory"]
    assert all("impressed with a trust" not in t for _, _, t in rows)


def test_whose_property_a_thing_remains_is_no_duty_but_a_duty_after_it_binds() -> None:
    text = ("Section 9. (c) The report shall remain the property of the commissioner and shall not be disclosed to any "
            "person outside the licensee. The ledger shall remain the property of the licensee.\n")
    rows = _duties(text)
    assert [modality for _, modality, _ in rows] == ["prohibition"]
    assert all("remain the property" not in t for _, _, t in rows)


def test_point_labels_cited_after_points_are_no_points() -> None:
    text = ("Article 39\n\n2. The repository shall include the following information: (a) the content; (b) the "
            "payer; (c) the period. 3. As regards paragraph 2, points (a), (b) and (c), where the provider has removed "
            "an advertisement, the repository shall not include the information referred to in those points.\n")
    rows = _duties(text)
    assert [ref.split(",")[0] for ref, _, _ in rows] == ["39(2)(a)", "39(2)(b)", "39(2)(c)", "39(3)"]
