"""The failure classes the first runs on four never-seen texts showed (2026-12-05, eighteenth session): the NIS 2
Directive's Art. 20, 21 and 24 as the Official Journal's HTML, the CIRCIA proposed rule as the Federal Register's
XML, the Artificial Intelligence and Data Act as the Parliament of Canada's bill XML and Executive Order 14028 as a
converter's Markdown. Canada's XML, which numbers its provisions in ``Label`` elements, was read as one line; a bare
section number under its catchline opened no section; a bulleted list right under a paragraph line was read as more
words of that paragraph; an order's long catchline hid its section number; the Federal Register's sentence-case
catchlines made the sentence above the paragraphs a lead-in; "is not permitted to" was no prohibition; an order's
own limits and a court-registration effect were read as duties. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document

_CANADA_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<BillInternal><LongTitle>An Act respecting artificial intelligence'
    '</LongTitle><Body><Heading level="2"><TitleText>Requirements</TitleText></Heading><Section><MarginalNote>'
    "Anonymized data</MarginalNote><Label>6</Label><Text>A person who processes anonymized data must establish "
    "measures with respect to</Text><Paragraph><Label>(a)</Label><Text>the manner in which data is anonymized; and"
    "</Text></Paragraph><Paragraph><Label>(b)</Label><Text>the use of anonymized data.</Text></Paragraph></Section>"
    "<Section><MarginalNote>Keeping records</MarginalNote><Label>10</Label><Subsection><Label>(1)</Label><Text>A "
    "person must keep records.</Text></Subsection></Section></Body></BillInternal>\n"
)


def test_canadas_bill_xml_is_laid_out_as_printed_with_its_labels(tmp_path: Path) -> None:
    path = tmp_path / "aida.xml"
    path.write_text(_CANADA_XML, encoding="utf-8")
    lines = read_document(path).splitlines()
    assert "6 A person who processes anonymized data must establish measures with respect to" in lines
    assert "(a) the manner in which data is anonymized; and" in lines
    assert "10 (1) A person must keep records." in lines
    assert "Requirements" in lines and "Anonymized data" in lines


def test_a_bare_section_number_under_its_catchline_opens_the_section() -> None:
    text = (
        "Requirements\n\nAnonymized data\n\n"
        "6 A person who processes anonymized data must establish measures with respect to\n\n"
        "(a) the manner in which data is anonymized; and\n\n(b) the use of anonymized data.\n\n"
        "Assessment\n\n7 A person who is responsible for a system must assess whether it is a high-impact system.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["6(a)", "6(b)", "7"]


def test_a_bulleted_list_right_under_a_paragraph_line_is_a_list(tmp_path: Path) -> None:
    path = tmp_path / "order.md"
    path.write_text(
        "It is hereby ordered as follows:\n- *Sec. 6*. *Playbook*. (a) The Director shall develop a playbook.\n"
        "- (b) The Director of OMB shall issue guidance.\n",
        encoding="utf-8",
    )
    lines = read_document(path).splitlines()
    assert "It is hereby ordered as follows:" in lines
    assert "- (b) The Director of OMB shall issue guidance." in lines


def test_an_orders_long_catchline_before_its_first_subsection_still_opens_the_section() -> None:
    text = (
        "Sec. 6. Standardizing the Federal Government's Playbook for Responding to Cybersecurity Vulnerabilities and "
        "Incidents. (a) The response procedures currently used vary across agencies.\n"
        "(b) The Director of OMB shall issue guidance on agency use of the playbook.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["6(b)"]


def test_a_sentence_before_paragraphs_that_open_with_catchlines_is_no_lead_in() -> None:
    text = (
        "§ 226.5\n\nCIRCIA Report submission deadlines.\n\n"
        "Covered entities must submit CIRCIA Reports in accordance with the deadlines specified in this section.\n\n"
        "(a) Covered Cyber Incident Report deadline. A covered entity must submit a Covered Cyber Incident Report to "
        "CISA no later than 72 hours after the incident.\n\n"
        "(b) Ransom Payment Report deadline. A covered entity must submit a Ransom Payment Report to CISA no later "
        "than 24 hours after the ransom payment.\n"
    )
    texts = [t for _, _, t in _duties(text)]
    assert len(texts) == 3
    assert sum("in accordance with the deadlines" in t for t in texts) == 1


def test_a_power_that_is_not_permitted_is_a_prohibition() -> None:
    text = (
        "18 (1) The Minister may, by order, require that a person publish any information related to those sections. "
        "However, the Minister is not permitted to require that the person disclose confidential business "
        "information.\n"
    )
    rows = _duties(text)
    assert (
        "prohibition",
        "However, the Minister is not permitted to require that the person disclose confidential business information.",
    ) in [(m, t) for _, m, t in rows]


def test_an_order_implemented_consistent_with_law_and_appropriations_binds_no_one() -> None:
    text = (
        "Sec. 11. General Provisions. (a) The Director shall report annually.\n"
        "(c) This order shall be implemented in a manner consistent with applicable law and subject to the "
        "availability of appropriations.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["11(a)"]


def test_an_order_filed_in_court_that_becomes_enforceable_as_its_order_is_a_legal_effect() -> None:
    text = (
        "20 The Minister may file a certified copy of an order made under any of sections 13 to 18 in the Federal "
        "Court and, on the certified copy being filed, the order becomes and may be enforced as an order of the "
        "Federal Court.\n"
    )
    assert not any("enforced as an order" in t for _, _, t in _duties(text))


# The first run on Quebec's private-sector privacy Act (ss. 3.1-3.8 as LégisQuébec's HTML), after the fixes above.


def test_a_degree_sign_numbers_a_point_under_its_lead_in() -> None:
    text = (
        "Section 34. The person in charge may suggest protection measures applicable to the project, such as\n\n"
        "1° the appointment of a person to be responsible for the measures;\n\n"
        "2° training activities for project participants.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["34(1)", "34(2)"]


def test_a_decimal_section_number_closed_by_a_full_stop_opens_a_section_first_in_an_excerpt() -> None:
    text = (
        "DIVISION I.1\n\nRESPONSIBILITIES\n\n"
        "3.1. Any person carrying on an enterprise must keep a register.\n\n"
        "3.2. Any person carrying on an enterprise must establish governance policies.\n\n"
        "3.6. For the purposes of this Act, “confidentiality incident” means\n\n"
        "1° access not authorized by law to personal information; or\n\n"
        "2° loss of personal information.\n\n"
        "3.7. The person must also consult the person in charge.\n"
    )
    assert [ref for ref, _, _ in _duties(text)] == ["3.1", "3.2", "3.7"]


def test_words_the_page_hides_are_not_read(tmp_path: Path) -> None:
    path = tmp_path / "act.html"
    path.write_text(
        '<html><body><div class="section"><p>3.8. A person carrying on an enterprise must keep a register.</p>'
        '<div class="HistoricalNote"><span class="Hidden">2021, c. 25</span><span>2021, c. 25, s. 103.</span></div>'
        '<p style="display: none">A copy of the register must be burned.</p></div></body></html>',
        encoding="utf-8",
    )
    text = read_document(path)
    assert "2021, c. 25, s. 103." in text
    assert "2021, c. 252021" not in text and "burned" not in text


def test_a_pronoun_after_a_semicolon_opens_a_clause_of_its_own_modality() -> None:
    text = (
        "3.1. That person shall exercise the function of person in charge of the protection of personal "
        "information; he may delegate all or part of that function in writing to any person.\n"
    )
    rows = [(m, t) for _, m, t in _duties(text)]
    assert [m for m, _ in rows] == ["mandatory", "permission"]
    assert rows[1][1].endswith("he may delegate all or part of that function in writing to any person.")


def test_what_another_party_may_do_failing_the_duty_is_its_own_permission() -> None:
    text = (
        "3.5. He must also notify any person whose personal information is concerned by the incident, failing which "
        "the Commission may order him to do so.\n"
    )
    rows = [(m, t) for _, m, t in _duties(text)]
    assert [m for m, _ in rows] == ["mandatory", "permission"]
    assert rows[1][1].endswith("the Commission may order him to do so.")
