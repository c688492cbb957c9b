"""The failure classes the first runs on three never-seen US texts showed (2026-12-05, twenty-third session, round
24b): New Hampshire's HB 418 (2012) as Markdown, whose RSA sections ("21-R:12 Metrics; Inventory ... . Each state agency
shall ...") and session-law sections ("5:1 Statement of Purpose and Findings.") opened no section, so the findings'
"may" was taken as a permission and every duty was cited "whole text, sentence N"; Hawaii's HB 632 (2013) as Markdown
with inline HTML, whose lettered inserted sections ("527-B Electronic data set availability; updates. (a) Each ...")
opened none and whose "1." points under a definition were read as the bill's sections; and the New York City
Charter's Administrative Procedure Act as a scraper's Markdown with its labels glued to the words ("a.Each agency
shall ...: 1a brief description ...; 2a summary ..."), so no subdivision, point or sentence opened at a label, and its
validity, burden-of-proof and binding-effect formulas were taken as duties. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document

_GLUED = ("## Section 1042. Regulatory agenda.\n\n**Citation:** § 1042\n\na.Each agency shall publish by the first day "
          "of May annually, a regulatory agenda which shall contain: 1a brief description of the subject areas; 2a "
          "summary of the anticipated contents of each proposed rule; and 3an approximate schedule for adopting the "
          "proposed rule. b.Each agency shall forward to the mayor its regulatory agenda. c. Review. The mayor shall "
          "review such regulatory agenda.\n")


def test_labels_glued_to_their_words_open_subdivisions_and_points(tmp_path: Path) -> None:
    path = tmp_path / "charter.md"
    path.write_text(_GLUED, encoding="utf-8")
    text = read_document(path)
    assert "(a) Each agency shall publish" in text
    assert "(2) a summary of the anticipated contents" in text
    assert "(b) Each agency shall forward to the mayor" in text
    assert "(c) Review. The mayor shall review" in text


def test_the_points_of_a_glued_lead_in_are_duties_cited_at_their_labels(tmp_path: Path) -> None:
    path = tmp_path / "charter.md"
    path.write_text(_GLUED, encoding="utf-8")
    assert [ref for ref, _, _ in _duties(read_document(path))] == [
        "1042(a)(1)", "1042(a)(2)", "1042(a)(3)", "1042(b)",
        "1042(c), sentence 2"]


def test_a_catchline_moved_after_a_lead_ins_colon_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "charter.md"
    path.write_text("a.All parties shall be given reasonable notice of such hearing, which shall include: Notice. 1a "
                    "statement of the nature of the proceeding; and 2a short and plain statement of the matters. "
                    "b.Agencies shall adopt rules.\n", encoding="utf-8")
    text = read_document(path)
    assert "which shall include:\n" in text
    assert "Notice." not in text


def test_a_subdivision_that_is_its_catchline_alone_does_not_make_the_text_before_a_lead_in() -> None:
    text = ("Section 1046. Adjudication.\n\nWhere any agency is authorized to conduct an adjudication, it shall act in "
            "accordance with the provisions set forth below.\n\n(a) Agencies shall adopt rules governing "
            "adjudications.\n\n(b) Hearing.\n\n(1) All parties shall be afforded an opportunity for a hearing.\n")
    assert [(ref, t) for ref, _, t in _duties(text)][1] == (
        "1046(a)", "Agencies shall adopt rules governing adjudications.")


def test_is_authorized_to_in_a_condition_before_its_partys_shall_is_no_permission() -> None:
    text = ("Section 1046. Adjudication.\n\nWhere any agency is authorized to conduct an adjudication, it shall "
            "act, at a minimum, in accordance with the provisions of this section.\n")
    assert [mod for _, mod, _ in _duties(text)] == ["mandatory"]


def test_validity_proof_and_binding_effect_bind_no_one() -> None:
    for sentence in ("The inadvertent failure to provide the reason such rule was not included in the regulatory "
                     "agenda shall not serve to invalidate the rule.",
                     "Except as otherwise provided for by state or local law, the party commencing the adjudication "
                     "shall have the burden of proof.",
                     "A declaratory ruling shall be binding only with respect to the person who makes the petition.",
                     "Any of such documents so filed shall, if otherwise valid, continue to be effective."):
        assert _duties(f"Section 1045. Compilation of city rules.\n\n{sentence}\n") == [], sentence


def test_an_appropriations_measure_an_idea_and_a_limit_a_principle_admits_allow_no_one_anything() -> None:
    for sentence in ("There is appropriated out of the general revenues of the State the sum of $100,000 or so much "
                     "thereof as may be necessary for fiscal year 2013-2014.",
                     "In recent years, the idea that certain data should be freely available to everyone has become "
                     "prevalent.",
                     "Reasonable privacy, security, and privilege restrictions may be allowed."):
        assert _duties(f"SECTION 3. {sentence}\n") == [], sentence


def test_a_point_that_says_avoid_under_a_shall_lead_in_is_a_prohibition() -> None:
    text = ("21-R:11 Use of Open Source Software by State Agencies.\n\nI. Each state agency shall:\n\n(a) Consider "
            "whether open source software offers the most cost effective solution;\n\n(b) Avoid the acquisition of "
            "products that do not comply with open standards.\n")
    assert [mod for _, mod, _ in _duties(text)] == ["mandatory", "prohibition"]


def test_an_rsa_section_number_with_a_letter_and_a_colon_opens_its_section() -> None:
    text = ("21-R:12 Metrics; Inventory of Open Source Software Used by State Agencies. Each state agency shall "
            "maintain an inventory of all software products used by the agency.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["21-R:12"]


def test_a_session_laws_statement_of_purpose_and_findings_binds_no_one() -> None:
    text = ("5:1 Statement of Purpose and Findings.\n\nI. The general court finds that:\n\n(a) It is in the public "
            "interest that the state be free of conditions on how the state may use the software it has acquired."
            "\n\n5:4 Effective Date. The commissioner shall report to the committee.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["5:4"]


def test_a_section_a_bill_inserts_with_the_revisors_letter_opens_its_section() -> None:
    text = ("527-B Electronic data set availability; updates. (a) Each executive branch department shall use "
            "reasonable efforts to make data sets available.\n\n(b) Each department shall update its data sets.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["527-B(a)", "527-B(b)"]


def test_numbered_points_in_a_bill_whose_sections_say_section_are_no_sections() -> None:
    text = ("SECTION 1. This Act relates to open data.\n\nSECTION 2. Chapter 27 is amended to read as follows:\n\n"
            "27-A Definitions. For purposes of this part:\n\n\"Data\" means final versions of information:\n\n"
            "1. In alphanumeric form; and\n2. Regularly created by an executive branch department.\n\n\"Data set\" "
            "means a named collection of records; provided that a data set shall not include any data that is "
            "protected from disclosure.\n\nSECTION 3. The sums appropriated shall be expended by the office.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["Section 3"]


def test_a_contract_that_shall_be_binding_and_set_forth_instructions_stays_a_duty() -> None:
    text = ("Sec. 7. Processors.\n\n(b) The contract shall be binding and clearly set forth instructions for "
            "processing data.\n")
    assert [mod for _, mod, _ in _duties(text)] == ["mandatory"]


def test_a_proviso_whose_subject_runs_long_is_a_duty_of_its_own_after_a_saving() -> None:
    text = ("Section 1045. Compilation of city rules.\n\nAny of such documents so filed shall, if otherwise valid, "
            "continue to be effective provided, however, that the amendment or repeal of any document which is within "
            "the definition of rule set forth in subdivision five of section 1041 shall be in accordance with section "
            "1043.\n")
    rows = _duties(text)
    assert [mod for _, mod, _ in rows] == ["mandatory"]
    assert rows[0][2].endswith("shall be in accordance with section 1043.")
    assert "continue to be effective" not in rows[0][2]
