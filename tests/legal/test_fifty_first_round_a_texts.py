"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-eighth session, round 51a):
the AI Act's Article 57 (AI regulatory sandboxes) as the OJ page's markup, and Saskatchewan's Health Information
Protection Act, sections 16 to 26, as a repository's text conversion of the King's Printer's PDF.

The conversion sets a section's number with its first subsection's label on a line of its own ("17(1)" / blank / "A
trustee must:"), so the section opened nowhere and its points were cited under the section before; and it prints some
points' labels after the point's first line ("for the purpose of combining records containing personal health" /
"(d) information."), so the label was an empty point and the line above it a lead-in of its own. The exceptions listed
after a duty's "except where:" were read as duties; a "must not" in what a recipient is made aware of was read as the
sentence's prohibition; and three formulas with a modal verb that bind no one were taken as duties: an obligation that
"may also be fulfilled by" another act, a safe harbour ("no administrative fines shall be imposed") and records a
disclosure "may become a part of". The trustee, who holds the data, and the information management service provider,
who keeps it for the trustee, were read as a `provider`. One behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties

from compgraph.legal.parties import statute_addressee


def test_a_section_number_on_a_line_of_its_own_opens_its_section() -> None:
    text = ("Duty to protect\n\n16(1)  A trustee must protect the information.\n\n1999, c.H-0.021, s.16.\n\n"
            "Retention policy\n\n17(1)\n\n A trustee must:\n\n(a)  have a written retention policy; and\n\n"
            "(b)  comply with that policy.\n\n(2)  A trustee must ensure that:\n\n(a)  the information is readable; "
            "and\n\n(b)  the information is destroyed securely.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["16(1)", "17(1)(a)", "17(1)(b)", "17(2)(a)", "17(2)(b)"]


def test_a_point_label_printed_after_the_points_first_line_is_that_points() -> None:
    text = ("26(1)  A trustee shall not use personal health information except in accordance with this section.\n\n"
            "(2)  A trustee may use personal health information:\n\n"
            "for a purpose for which the information may be disclosed by the trustee\n\n(a) pursuant to section 27;\n\n"
            "(b)  for the purposes of de-identifying the information; or\n\n"
            "for the purpose of combining records containing personal health\n\n(c) information.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [
        ("26(1)", "prohibition"), ("26(2)(a)", "permission"), ("26(2)(b)", "permission"), ("26(2)(c)", "permission")]


def test_the_exceptions_listed_after_a_duties_except_where_are_no_duties() -> None:
    text = ("25(1)  A trustee shall collect personal health information directly from the subject individual, except "
            "where:\n\n(a)  the individual consents to collection by other methods;\n\n(b)  the individual is unable "
            "to provide the information; or\n\n(c)  the information is available to the public.\n\n"
            "(2)  The trustee must verify the accuracy of the information.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["25(1)", "25(2)"]


def test_a_must_not_in_what_a_recipient_is_made_aware_of_is_not_the_duties_modality() -> None:
    text = ("21(1)  Where a trustee discloses personal health information to a person who is not a trustee, the "
            "trustee must:\n\n(a)  take reasonable steps to verify the identity of the person; and\n\n(b)  take "
            "reasonable steps to ensure that the person is aware that the information must not be used for any "
            "other purpose.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("21(1)(a)", "mandatory"),
                                                                     ("21(1)(b)", "mandatory")]


def test_an_obligation_that_may_also_be_fulfilled_another_way_grants_no_leave() -> None:
    text = ("Article 57\n\n1. Member States shall ensure that their competent authorities establish at least one "
            "sandbox. The obligation under the first subparagraph may also be fulfilled by participating in an "
            "existing sandbox.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("57(1)", "mandatory")]


def test_a_safe_harbour_from_fines_binds_no_one() -> None:
    text = ("Article 57\n\n12. Providers shall remain liable for any damage. However, provided that the prospective "
            "providers observe the specific plan, no administrative fines shall be imposed by the authorities for "
            "infringements of this Regulation.\n\n13. National competent authorities shall coordinate their "
            "activities.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["57(13)"]


def test_records_a_disclosure_may_become_a_part_of_are_no_leave() -> None:
    text = ("Section 20. Duty where one trustee discloses to another.\n\n(1) Where one trustee discloses information "
            "to another trustee, the information may become a part of the records of the trustee to whom it is "
            "disclosed.\n\n(2) The trustee to whom the information is disclosed must keep it secure.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["20(2)"]


def test_a_trustee_is_a_controller_and_its_information_management_service_provider_a_processor() -> None:
    assert [statute_addressee(s) for s in ("A trustee", "An information management service provider",
                                           "with the approval of the library board of trustees, the librarian")] == [
        "controller", "processor", None]
