"""The failure classes the first run on a 45th never-seen text showed: the UK Network and Information Systems
Regulations 2018 as legislation.gov.uk serves them, in its Crown Legislation Markup Language (CLML) XML. The first
run refused the file (no reader for ``.xml``); once read, a UK statutory instrument's regulators, its regulated
parties (an "OES", a "RDSP"), its alternatives that only name a duty's scope, and its notices to the regulator
were read wrong. One behaviour each; a few guards keep a rule from reaching text it was not meant for."""

from __future__ import annotations

from pathlib import Path

import pytest
from dutyrows import duty_rows as _duties

from compgraph.legal.clauses import statute_addressee
from compgraph.legal.corpus import evaluate_corpus, extract_file
from compgraph.legal.extract import statute_duty_topic
from compgraph.legal.provisions import statute_duties
from compgraph.legal.readers import IngestError, read_document
from compgraph.legal.statute import repair_typography

_CLML = "http://www.legislation.gov.uk/namespaces/legislation"


def _clml(body: str, commentaries: str = "") -> str:
    """A CLML document as legislation.gov.uk serves it: the body's regulations, then the editor's notes."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Legislation xmlns="{_CLML}"><Secondary><Body>{body}</Body>'
        f"</Secondary><Commentaries>{commentaries}</Commentaries></Legislation>\n"
    )


def _regulation(number: str, title: str, *paragraphs: str) -> str:
    return (
        f'<P1group><Title>{title}</Title><P1><Pnumber PuncAfter=".">{number}</Pnumber><P1para>'
        f"{''.join(paragraphs)}</P1para></P1></P1group>"
    )


def _paragraph(number: str, text: str, *points: str) -> str:
    return f"<P2><Pnumber>{number}</Pnumber><P2para><Text>{text}</Text>{''.join(points)}</P2para></P2>"


def _point(letter: str, text: str) -> str:
    return f"<P3><Pnumber>{letter}</Pnumber><P3para><Text>{text}</Text></P3para></P3>"


def _read(tmp_path: Path, content: str, name: str = "regs.xml") -> str:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return read_document(path)


def _addressees(text: str) -> list[tuple[str, str | None]]:
    return [(d.ref, d.addressee) for d in statute_duties(repair_typography(text))]


def test_a_clml_regulation_is_read_as_legislation_gov_uk_prints_it(tmp_path: Path) -> None:
    xml = _clml(
        _regulation(
            "10",
            "The security duties of operators of essential services",
            _paragraph("1", "An OES must take appropriate measures."),
            _paragraph(
                "2", "The measures must—", _point("a", "prevent incidents; and"), _point("b", "minimise their impact.")
            ),
        )
    )
    assert [line for line in _read(tmp_path, xml).split("\n") if line] == [
        "The security duties of operators of essential services",
        "10.—(1) An OES must take appropriate measures.",
        "(2) The measures must—",
        "(a) prevent incidents; and",
        "(b) minimise their impact.",
    ]


def test_a_clml_duty_is_cited_by_its_regulation_paragraph_and_point(tmp_path: Path) -> None:
    xml = _clml(
        _regulation(
            "8A",
            "Nomination",
            _paragraph(
                "1", "An OES must—", _point("a", "nominate a person; and"), _point("b", "notify the authority.")
            ),
        )
    )
    assert [r for r, _, _ in _duties(_read(tmp_path, xml))] == ["8A(1)(a)", "8A(1)(b)"]


def test_the_editors_notes_and_their_markers_are_not_read_as_the_law(tmp_path: Path) -> None:
    xml = _clml(
        _regulation(
            "12",
            "Relevant digital service providers",
            _paragraph(
                "1", 'A RDSP must notify the <CommentaryRef Ref="c1"/>Information Commissioner about any incident.'
            ),
        ),
        '<Commentary id="c1" Type="F"><Para><Text>Words in reg. 12(3) substituted (31.12.2020) by S.I. 2020/1245; '
        "the Secretary of State must publish them.</Text></Para></Commentary>",
    )
    assert _duties(_read(tmp_path, xml)) == [
        ("12(1)", "mandatory", "A RDSP must notify the Information Commissioner about any incident.")
    ]


def test_amended_words_are_read_inside_their_sentence(tmp_path: Path) -> None:
    xml = _clml(
        _regulation(
            "11",
            "The duty to notify incidents",
            _paragraph(
                "1",
                'An OES must notify the designated competent authority <Addition ChangeId="k" CommentaryRef="c2">'
                "for the OES</Addition> in writing about any incident.",
            ),
        )
    )
    assert _duties(_read(tmp_path, xml))[0][2] == (
        "An OES must notify the designated competent authority for the OES in writing about any incident."
    )


def test_a_paragraph_omitted_by_amendment_states_no_duty(tmp_path: Path) -> None:
    xml = _clml(
        _regulation(
            "12",
            "Relevant digital service providers",
            _paragraph("1", "The operator must notify the authority without undue delay."),
            _paragraph("2", ". . . . . . . . . . . . . . . ."),
            _paragraph("3", "The Information Commissioner must keep a register."),
        )
    )
    assert [r for r, _, _ in _duties(_read(tmp_path, xml))] == ["12(1)", "12(3)"]


def test_xml_that_is_not_well_formed_is_refused_naming_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<Legislation><Body><Text>An OES must</Body></Legislation>\n', encoding="utf-8"
    )
    with pytest.raises(IngestError, match=r"broken\.xml: not well-formed XML \(line 2, column \d+\)"):
        read_document(path)


def test_xml_in_another_vocabulary_is_read_element_by_element(tmp_path: Path) -> None:
    xml = (
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body><section eId="sec_9">'
        "<num>9.</num><heading>Record-keeping</heading><content><p>The provider shall keep the logs.</p></content>"
        "</section></body></act></akomaNtoso>"
    )
    path = tmp_path / "act.xml"
    path.write_text(xml, encoding="utf-8")
    assert [(o["modality"], o["text"]) for o in extract_file(path)] == [
        ("mandatory", "The provider shall keep the logs.")
    ]


def test_eval_extract_scores_a_labelled_xml_text(tmp_path: Path) -> None:
    (tmp_path / "regs.xml").write_text(
        _clml(_regulation("10", "Security", _paragraph("1", "An OES must take appropriate measures."))),
        encoding="utf-8",
    )
    (tmp_path / "regs.truth.tsv").write_text(
        "id\tref\tmodality\ttext\nx1\t10(1)\tmandatory\tAn OES must take appropriate measures\n", encoding="utf-8"
    )
    [score] = evaluate_corpus(tmp_path, extract_file)
    assert (score.document, score.recall, score.ref_accuracy) == ("regs.xml", 1.0, 1.0)


@pytest.mark.parametrize(
    "subject",
    [
        "the Information Commissioner",
        "the Commissioner",
        "the CSIRT",
        "The Information Commissioner or GCHQ",
        "the single point of contact",
    ],
)
def test_a_uk_regulator_is_an_authority(subject: str) -> None:
    assert statute_addressee(subject) == "authority"


def test_the_european_commission_is_still_the_commission() -> None:
    assert statute_addressee("The Commission") == "commission"


_NOTIFY = (
    "The duty to notify incidents\n\n"
    "11.—(1) An OES must notify the competent authority about any incident.\n\n"
    "(2) The notification mentioned in paragraph (1) must be made within 72 hours.\n\n"
    "(3) The competent authority must share the incident information with the CSIRT.\n\n"
    "(4) The competent authority must provide an annual report to the SPOC.\n\n"
    "(5) The first report mentioned in paragraph (4) must be submitted on or before 1st July 2018.\n"
)


def test_a_party_the_role_scheme_lacks_borrows_no_role_from_its_regulation() -> None:
    assert _addressees(_NOTIFY)[0] == ("11(1)", None)


def test_a_thing_another_paragraph_requires_is_the_business_of_the_party_that_paragraph_binds() -> None:
    assert [a for r, a in _addressees(_NOTIFY) if r in ("11(2)", "11(5)")] == [None, "authority"]


def test_an_office_named_by_its_acronym_keeps_the_role_of_its_article() -> None:
    # a city's code: "The CDO" is the city's own officer, never introduced as "a CDO"
    text = (
        "SEC. 22D.2. CHIEF DATA OFFICER.\n\n(a) The City shall appoint a Chief Data Officer.\n\n"
        "(b) The CDO shall draft rules to implement the open data policy.\n"
    )
    assert _addressees(text)[-1] == ("22D.2(b)", "authority")


def test_alternatives_that_only_name_the_services_a_duty_covers_are_one_duty() -> None:
    text = (
        "12.—(1) A RDSP must take measures to manage the risks to the systems on which it relies to provide the "
        "following services—\n\n(a) online marketplace;\n\n(b) online search engine; or\n\n"
        "(c) cloud computing service.\n"
    )
    assert _duties(text) == [
        (
            "12(1)",
            "mandatory",
            "A RDSP must take measures to manage the risks to the systems "
            "on which it relies to provide the following services— (a) online marketplace; (b) "
            "online search engine; or (c) cloud computing service.",
        )
    ]


def test_alternative_cases_that_set_when_a_duty_is_due_are_one_duty() -> None:
    text = (
        "14A.—(1) The digital service provider must comply with regulation 14—\n\n"
        "(a) in the case of a provider offering services on the coming into force date, within three months of "
        "that date; or\n\n(b) in any other case, within three months of the provider first offering services.\n"
    )
    assert [r for r, _, _ in _duties(text)] == ["14A(1)"]


def test_alternative_acts_after_a_lead_in_stay_duties_of_their_own() -> None:
    text = "9.—(1) The operator must—\n\n(a) notify the authority; or\n\n(b) publish a notice on its website.\n"
    assert [r for r, _, _ in _duties(text)] == ["9(1)(a)", "9(1)(b)"]


def test_a_notice_to_the_information_commissioner_is_reporting() -> None:
    assert (
        statute_duty_topic(
            "A RDSP must notify the Information Commissioner in writing about any incident",
            "A RDSP must notify the Information Commissioner in writing about any incident",
            "Relevant digital service providers",
        )
        == "reporting"
    )


def test_a_catchline_standing_above_a_regulation_number_is_its_title() -> None:
    text = (
        "The security duties of operators of essential services\n\n10.—(1) An OES must take measures.\n\n"
        "The duty to notify incidents\n\n11.—(1) An OES must notify the competent authority.\n"
    )
    assert [(d.ref, d.section_title) for d in statute_duties(repair_typography(text))] == [
        ("10(1)", "The security duties of operators of essential services"),
        ("11(1)", "The duty to notify incidents"),
    ]


def test_a_gazette_section_keeps_no_title_from_the_line_above() -> None:
    # India's Gazette prints "8. (1)" with its catchline in the margin; the line above is the text before
    text = "Obligations of Data Fiduciary\n\n8. (1) A Data Fiduciary shall be responsible for complying.\n"
    assert [d.section_title for d in statute_duties(repair_typography(text))] == [""]


def test_a_catchline_in_sentence_case_still_opens_the_regulation_below_it() -> None:
    # "Nomination by an OES of a person to act on its behalf" is no title case and has "to act" in it; standing
    # alone above "10A.—(1)" it is 10A's catchline, not an unfinished sentence that 10A's number would continue
    text = (
        "The security duties\n\n10.—(1) An OES must take measures.\n\n"
        "Nomination by an OES of a person to act on its behalf in the United Kingdom\n\n"
        "10A.—(1) An OES must nominate a person.\n\n(2) The OES must notify the authority.\n"
    )
    assert [(d.ref, d.section_title) for d in statute_duties(repair_typography(text))] == [
        ("10(1)", "The security duties"),
        ("10A(1)", "Nomination by an OES of a person to act on its behalf in the United Kingdom"),
        ("10A(2)", "Nomination by an OES of a person to act on its behalf in the United Kingdom"),
    ]


def test_an_excerpt_of_regulations_is_headed_by_the_title_in_its_metadata(tmp_path: Path) -> None:
    xml = _clml(_regulation("10", "Security", _paragraph("1", "An OES must take appropriate measures."))).replace(
        "<Secondary>",
        '<Metadata xmlns="http://www.legislation.gov.uk/namespaces/metadata"><title '
        'xmlns="http://purl.org/dc/elements/1.1/">The Network and Information Systems Regulations 2018</title>'
        "</Metadata><Secondary>",
    )
    assert _read(tmp_path, xml).split("\n")[0] == "The Network and Information Systems Regulations 2018"
