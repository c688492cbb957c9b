"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-third session, round 41a):
the Digital Services Act (EU) 2022/2065's Articles 24 to 28 as a PDF printed by headless Chromium from the OJ page's
markup, and Washington's health care information chapter (RCW 70.02.080 to 70.02.170) as wa-law.org's Markdown.

"Compliance with the obligations ... shall not oblige providers to process ..." (a limitation) was a prohibition; the
quoted model notice a duty prescribes ("shall create a notice that contains substantially the following:") gave its
"You may ask us ..." as permissions; the points under "may rely ... regardless of whether:" (circumstances that do not
matter) were a row each; "Such relief may include actual damages, but shall not include consequential or incidental
damages" (the measure of a remedy) was a permission and a prohibition; and "may charge a reasonable fee ... and is not
required to permit examination until the fee is paid" was dropped whole by "is not required to". One behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties


def test_what_compliance_with_duties_shall_not_oblige_a_party_to_do_binds_no_one() -> None:
    text = ("Article 28\nProtection of minors\n\n1. Providers of online platforms shall put in place appropriate "
            "measures to protect minors.\n\n3. Compliance with the obligations set out in this Article shall not "
            "oblige providers of online platforms to process additional personal data.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("28(1)", "mandatory")]


def test_a_quoted_text_the_duty_prescribes_in_substance_is_no_duty() -> None:
    text = ("## 12.01.120 - Notice of practices.\n"
            "1. A clinic that keeps records shall create a notice that contains substantially the following:\n\n"
            "\"We keep a record of the services we provide you. You may ask us to see and copy that record. You may "
            "also ask us to correct that record.\"\n\n"
            "2. The clinic shall place a copy of the notice in a conspicuous place.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("12.01.120(1)", "mandatory"), ("12.01.120(2)", "mandatory")]


def test_points_of_circumstances_a_rule_holds_regardless_of_are_one_row() -> None:
    text = ("## 12.01.130 - Consent by others.\n"
            "1. A clinic may rely on the representation of a parent that he or she may consent for the minor "
            "regardless of whether:\n\n"
            "    a. The parents are married or separated;\n\n"
            "    b. The consenting parent is, or is not, a custodial parent of the minor.\n\n"
            "2. A person authorized to act for a patient shall act in good faith.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("12.01.130(1)", "permission"), ("12.01.130(2)", "mandatory")]


def test_the_measure_of_relief_a_court_may_give_binds_no_one() -> None:
    text = ("## 12.01.170 - Civil remedies.\n"
            "2. The court may order the clinic to comply with this chapter. Such relief may include actual damages, "
            "but shall not include consequential or incidental damages. The court shall award reasonable attorneys' "
            "fees to the prevailing party.\n")
    rows = _duties(text)
    assert [modality for _, modality, _ in rows] == ["permission", "mandatory"]
    assert not any("relief" in row_text for _, _, row_text in rows)


def test_a_leave_with_and_is_not_required_to_stays_a_leave() -> None:
    text = ("## 12.01.080 - Copies.\n"
            "2. The clinic shall explain any code used in the record. The clinic is not required to create a new "
            "record. The clinic may charge a reasonable fee for providing the record and is not required to permit "
            "copying until the fee is paid.\n")
    rows = _duties(text)
    assert [modality for _, modality, _ in rows] == ["mandatory", "permission"]
    assert rows[1][2].startswith("The clinic may charge a reasonable fee")
