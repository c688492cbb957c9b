"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-sixth session, round 47a):
the General Data Protection Regulation's Articles 12 to 14 as the OJ page's markup, and Vermont's Protection of
Personal Information chapter (9 V.S.A. 2430, 2435 and 2445) as the Vermont General Assembly's statute page.

A section printed as one list item of Word paragraphs was read as one line, its subdivisions inline; a burden of proof
("shall bear the burden of demonstrating"), a section's short title ("This section shall be known as") and a court's
jurisdiction were duties; "shall be empowered to" and "shall have sole and full authority to" were duties, not powers;
a qualifier after "the following," ("each of the following, if known to the data collector:") made the points
conditions that bind no one; a leave to weigh factors inside a definitions section was dropped with the definitions;
whole sentences after "..., as follows:" took the lead-in's "shall" over their own "may"; a relative clause's "shall"
("and which the Attorney General shall use") decided a leave's modality. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def test_a_section_printed_as_one_list_item_of_paragraphs_is_read_a_paragraph_a_line(tmp_path: Path) -> None:
    page = tmp_path / "chapter.html"
    page.write_text(
        "<html><body><h2>Chapter 62: PROTECTION OF PERSONAL INFORMATION</h2><ul>"
        "<li><p><p class=MsoPlainText><b>§\r\n2435. Notice of security breaches</b></p>\r\n"
        "<p class=MsoPlainText>(a) Notice of breach.</p>\r\n"
        "<p class=MsoPlainText>(1) A data collector shall notify the consumer of a breach. The notice shall be"
        " made without unreasonable delay.</p>\r\n"
        "<p class=MsoPlainText>(2) A data collector that maintains data it does not own shall notify the owner."
        "</p>\r\n<p class=MsoPlainText>(b) A data collector shall document each breach.</p></p></li></ul>"
        "</body></html>", encoding="utf-8")
    rows = _duties(read_document(page))
    assert [ref for ref, _, _ in rows] == ["2435(a)(1)", "2435(a)(1), sentence 2", "2435(a)(2)", "2435(b)"]


def test_a_burden_of_proof_to_bear_is_no_duty() -> None:
    text = ("Article 12\n\n5. Information provided under Articles 13 and 14 shall be provided free of charge. The "
            "controller shall bear the burden of demonstrating the manifestly unfounded or excessive character of the "
            "request.\n")
    assert [text for _, _, text in _duties(text)] == [
        "Information provided under Articles 13 and 14 shall be provided free of charge."]


def test_a_sections_short_title_is_no_duty() -> None:
    text = ("§ 2435. Notice of security breaches\n\n(a) This section shall be known as the Security Breach Notice "
            "Act.\n\n(b) A data collector shall notify the consumer of a security breach.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["2435(b)"]


def test_a_courts_jurisdiction_is_no_duty() -> None:
    text = ("§ 2445. Safe destruction of documents\n\n(e) Enforcement. The Attorney General may refer the matter to "
            "the State's Attorney. The Superior Courts shall have jurisdiction over any enforcement matter brought by "
            "the Attorney General under this subsection.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["permission"]


def test_shall_be_empowered_is_a_power() -> None:
    text = ("Article 12\n\n8. The Commission shall be empowered to adopt delegated acts in accordance with Article 92 "
            "for the purpose of determining the information to be presented by the icons.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["permission"]


def test_sole_and_full_authority_to_investigate_is_a_power() -> None:
    text = ("§ 2435. Notice of security breaches\n\n(g) Enforcement. With respect to all data collectors subject to "
            "this subchapter, the Attorney General and State's Attorney shall have sole and full authority to "
            "investigate potential violations of this subchapter.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["permission"]


def test_a_qualifier_after_the_following_leaves_the_points_duties() -> None:
    text = ("§ 2435. Notice of security breaches\n\n(b) The notice shall include a description of each of the "
            "following, if known to the data collector:\n\n(A) the incident in general terms;\n\n(B) the type of "
            "personally identifiable information that was subject to the breach; and\n\n(C) the approximate date of "
            "the breach.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["2435(b)(A)", "2435(b)(B)", "2435(b)(C)"]


def test_a_leave_to_weigh_factors_in_a_definitions_section_is_read_with_its_factors() -> None:
    text = ("§ 2430. Definitions\n\nThe following definitions shall apply throughout this chapter:\n\n(1) \"Consumer\" "
            "means an individual residing in this State.\n\n(2)(A) \"Security breach\" means unauthorized acquisition "
            "of electronic data.\n\n(B) In determining whether information has been acquired by a person without "
            "valid authorization, a data collector may consider the following factors, among others:\n\n(i) "
            "indications that the information has been downloaded or copied;\n\n(ii) indications that the "
            "information was used by an unauthorized person; or\n\n(iii) that the information has been made "
            "public.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [
        ("2430(2)(B)(i)", "permission"), ("2430(2)(B)(ii)", "permission"), ("2430(2)(B)(iii)", "permission")]


def test_whole_sentences_after_as_follows_take_their_own_verb() -> None:
    text = ("§ 2435. Notice of security breaches\n\n(b) A data collector shall provide notice of a breach to the "
            "Attorney General, as follows:\n\n(A) The data collector shall notify the Attorney General of the date of "
            "the breach.\n\n(B) The data collector may send to the Attorney General a second copy of the consumer "
            "notice.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("2435(b)(A)", "mandatory"),
                                                                       ("2435(b)(B)", "permission")]


def test_a_relative_clauses_shall_after_a_leave_is_not_the_leaves_modal_verb() -> None:
    text = ("§ 2435. Notice of security breaches\n\n(c) The sending of notices shall be subject to the following "
            "conditions:\n\n(1) the data collector shall send the notice within 45 days;\n\n(2) the data collector may "
            "send to the Attorney General a second copy of the consumer notice, from which is redacted the type of "
            "information, and which the Attorney General shall use for any public disclosure of the breach.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("2435(c)(1)", "mandatory"),
                                                                       ("2435(c)(2)", "permission")]
