"""The failure classes the first runs on two never-seen texts of the EU Medical Devices Regulation showed (2026-12-07,
thirty-second session, round 38a): Articles 13 and 14 (importers, distributors) as the EUR-Lex OJ HTML, and Article 61
(clinical evaluation) as a repository's plain-text extract of that page.

The HTML met the targets on its first run. In the text, a point that opens conditions of its own ("(a) a critical
evaluation of the relevant scientific literature ..., where the following conditions are satisfied:") is followed by
its indents as a block of their own ("— it is demonstrated ...", "— the data adequately demonstrate ..."), which came
out as a second duty of the point under the paragraph's lead-in; and "the requirement to demonstrate a clinical benefit
... shall be understood as a requirement to demonstrate the performance of the device", a rule of construction, was
read as a duty. One behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

_EXTRACT = (
    "Article 61\n\nClinical evaluation\n\n"
    "3.   A clinical evaluation shall follow a defined and methodologically sound procedure based on the following:\n\n"
    "(a)\n\na critical evaluation of the relevant scientific literature currently available relating to the safety of "
    "the device, where the following conditions are satisfied:\n\n"
    "—\n\nit is demonstrated that the device is equivalent to the device to which the data relate, and\n\n"
    "—\n\nthe data adequately demonstrate compliance with the relevant requirements;\n\n"
    "(b)\n\na critical evaluation of the results of all available clinical investigations; and\n\n"
    "(c)\n\na consideration of currently available alternative treatment options for that purpose, if any.\n\n"
    "4.   The manufacturer shall keep the clinical evaluation report up to date.\n"
)


def test_indents_after_a_point_that_opens_conditions_are_its_conditions() -> None:
    rows = _duties(_EXTRACT)
    assert [(ref, modality) for ref, modality, _ in rows] == [
        ("61(3)(a)", "mandatory"), ("61(3)(b)", "mandatory"), ("61(3)(c)", "mandatory"), ("61(4)", "mandatory")]
    assert rows[0][2].startswith("A clinical evaluation shall follow")
    assert "(a) a critical evaluation of the relevant scientific literature" in rows[0][2]


def test_a_requirement_to_be_understood_as_another_requirement_is_no_duty() -> None:
    text = ("Article 61\n\nClinical evaluation\n\n9.   In the case of the products without an intended medical "
            "purpose listed in Annex XVI, the requirement "
            "to demonstrate a clinical benefit in accordance with this Chapter shall be understood as a requirement to "
            "demonstrate the performance of the device. Clinical evaluations of those products shall be based on "
            "relevant data concerning safety.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [("61(9), sentence 2", "mandatory")]
    assert rows[0][2].startswith("Clinical evaluations of those products")
    # A thing read as a process, not one requirement as another, still binds (the AI Act's 9(2)).
    assert _duties("2.   The risk management system shall be understood as a continuous iterative process planned "
                   "and run throughout the entire lifecycle.\n")[0][1] == "mandatory"
