"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-fourth session, round 43b):
the Digital Services Act (EU) 2022/2065's Articles 30 to 32 as the OJ page's markup, and the San Mateo (California)
City Charter's Articles III and IV as the Open Law Library's HTML.

A section heading of two-decimal number and Title Case phrases each closed by a full stop ("3.01 Appointment.
Qualifications. Compensation.") was not read as a section, so every row was cited by its article; "shall have the power
and shall be required to receive ..." was cut into a power and a duty; "The council may remove the city manager ... in
accordance with the following procedures:" was a lead-in whose steps, each a sentence binding by its own verb, took
its "may" (and the power itself was lost); "shall ensure that traders can only use ... if ... they have obtained the
following information, where applicable to the trader:" was read as a duty with conditions, its items no duties. One
behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def test_a_numbered_heading_of_title_case_phrases_is_a_section(tmp_path: Path) -> None:
    page = tmp_path / "charter.html"
    page.write_text("<html><body><h1>ARTICLE III CITY MANAGER</h1>"
                    "<h1>3.01 Appointment. Qualifications. Compensation.</h1>"
                    "<p>The city manager shall be appointed by the council.</p>"
                    "<h1>3.04 Powers and Duties of the City Manager.</h1>"
                    "<p>The city manager shall be the chief administrative officer of the city.</p>"
                    "</body></html>", encoding="utf-8")
    rows = _duties(read_document(page))
    assert [ref.split(",")[0] for ref, _, _ in rows] == ["3.01", "3.04"]


def test_the_power_and_a_requirement_joined_are_one_duty() -> None:
    text = ("Section 4. The treasurer shall have the power and shall be required to receive and safely keep all money "
            "belonging to the city.\n")
    rows = _duties(text)
    assert [modality for _, modality, _ in rows] == ["mandatory"]
    assert "safely keep" in rows[0][2] and "the power" in rows[0][2]


def test_a_power_used_by_procedures_leaves_each_step_its_own_verb() -> None:
    text = ("Section 3. The council may remove the manager from office in accordance with the following procedures:\n"
            "(a) The council shall adopt a preliminary resolution stating the reasons for removal.\n"
            "(b) The manager may file a written reply within five days.\n"
            "(c) The manager shall continue to receive his salary until the removal takes effect.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["permission", "mandatory", "permission", "mandatory"]


def test_items_a_duty_requires_obtained_first_are_each_a_duty_not_conditions() -> None:
    text = ("Article 30\n\n1. Providers shall ensure that traders can only use the platform if, prior to its use, they "
            "have obtained the following information, where applicable to the trader:\n\n"
            "(a) the name and address of the trader;\n\n(b) the payment account details of the trader.\n")
    rows = _duties(text)
    assert [ref for ref, _, _ in rows] == ["30(1)(a)", "30(1)(b)"]
    assert all(modality == "mandatory" for _, modality, _ in rows)
