"""The failure classes the first runs on two never-seen Saudi texts showed (2026-12-06, twenty-sixth session, round
28a): the Personal Data Protection Law (Arts. 8-22, 29-31) and its Implementing Regulation (Arts. 23-25, 33), both
the official English translations as a repository's Markdown.

The translations number paragraphs "1- ", "2- " (a number and a hyphen) and print them, and their points "a) " and
"A. ", one to a line with no blank line between them: the numbers were read as words, a lead-in's points came out as
one run-together row, and paragraphs with no lead-in were joined to their neighbours. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import duty_clauses, statute_modality
from compgraph.legal.labels import labels_of
from compgraph.legal.nonduty import NON_DUTY
from compgraph.legal.readers import read_document


def _markdown(tmp_path: Path, text: str) -> str:
    path = tmp_path / "law.md"
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def test_a_number_and_a_hyphen_opening_a_line_is_a_paragraph_label() -> None:
    assert labels_of("1- The Controller shall notify the Competent Authority.")[0] == ["1"]
    assert labels_of("12- The records shall be written.")[0] == ["12"]
    assert labels_of("1-2 weeks after the notice the Controller shall act.")[0] == []


def test_numbered_paragraphs_one_to_a_line_are_paragraphs_of_their_own(tmp_path: Path) -> None:
    text = _markdown(tmp_path, "## Article 11\n\n"
                     "1- The purpose for which Personal Data is collected shall be directly related to the purposes.\n"
                     "2- The methods of Collection shall be appropriate for the circumstances of the Data Subject.\n"
                     "3- The content of the Personal Data shall be appropriate to the purpose of the Collection.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["11(1)", "11(2)", "11(3)"]


def test_a_lead_ins_points_one_to_a_line_are_a_row_each_even_after_one_with_no_full_stop(tmp_path: Path) -> None:
    text = _markdown(tmp_path, "## Article 29\n\n"
                     "2- The conditions that must be met are as follows:\n"
                     "A. The Transfer shall not cause any prejudice to national security\n"
                     "B. The Transfer shall be recorded in the records of processing activities.\n\n"
                     "## Article 31\n\n"
                     "The Controller shall maintain records. The records shall contain the following information:\n\n"
                     "1- Contact details of the Controller.\n"
                     "2- Any other entity to which Personal Data has been disclosed\n"
                     "3- The expected period for which Personal Data shall be retained.\n")
    rows = _duties(text)
    assert [ref for ref, _, _ in rows if ref.startswith("29")] == ["29(2)(A)", "29(2)(B)"]
    assert [ref for ref, _, _ in rows if ref.startswith("31(")] == ["31(1)", "31(2)", "31(3)"]


def test_a_permissions_cases_and_a_prohibitions_excepted_situations_are_no_duties(tmp_path: Path) -> None:
    text = _markdown(tmp_path, "## Article 10\n\n"
                     "However, the Controller may collect Personal Data from a source other than the Data Subject in "
                     "the following situations:\n\n"
                     "1- The Data Subject gives their consent in accordance with the provisions of this Law.\n"
                     "2- Personal Data is publicly available or was collected from a publicly available source.\n\n"
                     "## Article 15\n\n"
                     "The Controller may not Disclose Personal Data except in the following situations:\n\n"
                     "1- Data Subject consents to the Disclosure in accordance with the provisions of the Law.\n"
                     "2- The Disclosure will only involve subsequent Processing in an anonymous form.\n\n"
                     "## Article 29\n\n"
                     "1- A Controller may Transfer Personal Data outside the Kingdom in order to achieve any of the "
                     "following purposes:\n"
                     "A. If this is relating to performing an obligation under an agreement.\n"
                     "B. If it is to serve the interests of the Kingdom.\n\n"
                     "## Article 25\n\n"
                     "1- Impact assessment shall be conducted in the following cases:\n"
                     "a) Processing of Sensitive Data.\n"
                     "b) Collecting or linking two or more datasets of Personal Data.\n")
    rows = _duties(text)
    assert [(ref, mod) for ref, mod, _ in rows if not ref.startswith("25")] == [
        ("10", "permission"), ("15", "prohibition"), ("29(1)", "permission")]
    assert [ref for ref, _, _ in rows if ref.startswith("25")] == ["25(1)(a)", "25(1)(b)"]


def test_a_lead_in_run_on_after_a_duty_with_no_capital_leaves_the_duty_its_own_row(tmp_path: Path) -> None:
    text = _markdown(tmp_path, "## Article 24\n\n"
                     "1- The Controller shall notify the Competent Authority within (72) hours of becoming aware of "
                     "the incident, if such incident potentially causes harm to the Data Subject. the notification "
                     "shall include the following:\n"
                     "a) A description of the Personal Data Breach incident.\n"
                     "b) Contact details of the Controller.\n")
    rows = _duties(text)
    assert [ref for ref, _, _ in rows] == ["24(1)", "24(1)(a)", "24(1)(b)"]
    assert rows[0][2].endswith("potentially causes harm to the Data Subject.")


def test_a_provisos_last_part_leads_in_with_the_duty_it_qualifies(tmp_path: Path) -> None:
    text = _markdown(tmp_path, "## Article 24\n\n"
                     "5- The Controller shall, without undue delay, notify the Data Subject of a Personal Data Breach, "
                     "provided that the notification is in simple and clear language, and that it includes the "
                     "following:\n"
                     "a) Description of the Personal Data Breach.\n"
                     "b) Name and contact details of the Controller.\n")
    rows = _duties(text)
    assert [(ref, mod) for ref, mod, _ in rows] == [("24(5)", "mandatory"), ("24(5)(a)", "mandatory"),
                                                    ("24(5)(b)", "mandatory")]
    assert rows[0][2].endswith("in simple and clear language")


def test_a_list_of_shall_and_shall_not_clauses_after_commas_is_a_row_per_run_of_one_modality() -> None:
    clauses = duty_clauses("The methods and means of Personal Data Collection shall not conflict with any legal "
                           "provisions, shall be appropriate for the circumstances of the Data Subject, shall be "
                           "direct, clear and secure, and shall not involve any deception, misleading or extortion.")
    assert [modality for modality, _ in clauses] == ["prohibition", "mandatory", "prohibition"]
    assert clauses[1][1].endswith("shall be direct, clear and secure")


def test_shall_not_prejudice_is_a_without_prejudice_clause() -> None:
    assert NON_DUTY.search("This shall not prejudice the Controller’s responsibilities towards the Data Subject or "
                           "the Competent Authority as the case may be.")


def test_shall_be_limited_to_the_minimum_is_data_minimisation_not_a_limitation() -> None:
    assert not NON_DUTY.search("The Transfer or Disclosure shall be limited to the minimum amount of Personal Data "
                               "needed.")
    assert NON_DUTY.search("The liability of the processor shall be limited to the amount paid under the contract.")


def test_are_to_be_available_is_a_duty() -> None:
    assert statute_modality("Such records are to be available whenever requested by the Competent Authority.") \
        == "mandatory"
    assert statute_modality("Such records are to be kept for five years.") == "mandatory"
