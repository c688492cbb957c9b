"""The failure classes the first runs on two never-seen texts from outside the US showed (2026-12-06, thirtieth
session, round 35a): Alberta's Health Information Act (ss. 57-65) as the `marker` converter's Markdown of the King's
Printer's PDF, and Australia's Anti-Money Laundering and Counter-Terrorism Financing Act 2006 (ss. 32-34, 36) as a
repository's Markdown of the compilation.

A long catchline (fourteen words) over the list item "- 57(1) In this section, ..." was read as a paragraph, so
section 57 never opened and its subsections were cited "(2)", "(3)"; a Markdown heading whose catchline ends in a
full stop ("##### 32  Carrying out ... a designated service.") opened no section; "..., and if so, the custodian
must collect ..." and "..., in which case the custodian must immediately give notice ..." were read as part of the
duty or permission before them; a period's bounds ("A period ...: (a) must commence at ...; and (b) may be expressed
to end ...") were read as duties; the aims of a duty ("monitor ..., with a view to: (i) identifying; and (ii)
mitigating; ...") were read as duties of their own; and "the risk the reporting entity may reasonably face" as a
permission. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def test_a_long_verbless_catchline_above_a_bulleted_section_number_opens_that_section(tmp_path: Path) -> None:
    page = tmp_path / "act.md"
    page.write_text(
        "## **Part 6 Duties and Powers of Custodians Relating to Health Information**\n\n"
        "## **Duty to collect, use or disclose health information with highest degree of anonymity possible**\n\n"
        "- **57(1)** In this section, \"aggregate health information\" means non-identifying health information.\n"
        "- **(2)** A custodian must first consider whether aggregate health information is adequate.\n",
        encoding="utf-8")
    assert [ref for ref, _, _ in _duties(read_document(page))] == ["57(2)"]


def test_a_markdown_section_heading_whose_catchline_ends_in_a_full_stop_opens_the_section(tmp_path: Path) -> None:
    page = tmp_path / "act.md"
    page.write_text(
        "##### 32  Carrying out the applicable customer identification procedure before the commencement of the "
        "provision of a designated service.\n\n"
        "     * (1) A reporting entity must not commence to provide a designated service to a customer.\n",
        encoding="utf-8")
    assert [ref for ref, _, _ in _duties(read_document(page))] == ["32(1)"]


def test_and_if_so_with_the_party_named_again_is_a_duty_of_its_own() -> None:
    text = ("57(1) A custodian that intends to disclose health information must first consider whether aggregate "
            "health information is adequate, and if so, the custodian must disclose only aggregate health "
            "information.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [("57(1)", "mandatory"), ("57(1)", "mandatory")]
    assert "and if so, the custodian must disclose only" in rows[1][2]


def test_in_which_case_after_a_permission_is_a_duty_of_its_own() -> None:
    text = ("§ 60. Duty to notify\n\n(5) If giving notice could result in harm, the custodian may decide not to "
            "give notice to the "
            "individual, in which case the custodian must immediately give notice to the Commissioner of the "
            "decision.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("60(5)", "permission"), ("60(5)", "mandatory")]


def test_when_a_period_commences_or_may_end_binds_no_one() -> None:
    text = ("§ 34. Periods\n\n(4) A period ascertained in accordance with the Rules:\n\n"
            "(a) must commence at the time when the reporting entity commences to provide the service; and\n\n"
            "(b) may be expressed to end on the occurrence of a specified event.\n")
    assert _duties(text) == []


def test_the_points_a_duty_is_done_with_a_view_to_are_its_aims_not_duties() -> None:
    text = ("§ 36. Ongoing customer due diligence\n\n(1) A reporting entity must:\n\n"
            "(a) monitor the reporting entity's customers, with a view to:\n\n"
            "(i) identifying; and\n\n(ii) mitigating; and\n\n(iii) managing;\n\n"
            "(b) do so in accordance with the Rules.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("36(1)(a)", "mandatory"), ("36(1)(b)", "mandatory")]


def test_the_risk_a_party_may_reasonably_face_is_no_permission() -> None:
    text = ("§ 36. Due diligence\n\n(1) A reporting entity must keep records.\n\n"
            "(2) The risk the reporting entity may reasonably face is to be assessed yearly.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("36(1)", "mandatory"), ("36(2)", "mandatory")]
