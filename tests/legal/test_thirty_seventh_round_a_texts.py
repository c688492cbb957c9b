"""The failure classes the first runs on two never-seen texts from outside the US and UK showed (2026-12-06,
thirty-first session, round 37a): Ireland's Automatic Enrolment Retirement Savings System Act 2024 (ss. 22-24) as the
Irish Statute Book's own XML, and PIPEDA's Schedule 1 clauses 4.7-4.8 as the Justice Laws Website's LIMS XML.

The eISB XML writes its dashes, quotes, apostrophes and fadas as empty elements, which vanished, so no lead-in led in;
the LIMS XML's `<GroupHeading>` titles were dropped, so a principle's statement had no number; an opening "Where the
chief executive is satisfied ..., the chief executive shall decide" was read as an old-style conditional "shall"; a
passive with its own subject and agent after "and" ("and the question shall be determined by majority vote") stayed
in the duty before it; a pronoun after ", and, where ..., " opened no clause; a validity saving, a disqualification
and "does not contravene" were read as duties; the capacities a prohibition's lead-in ends on ("while performing
functions as—") were a prohibition each; and "will vary depending on" was a duty. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def test_eisb_character_elements_are_read_as_their_characters_so_a_lead_in_leads_in(tmp_path: Path) -> None:
    act = tmp_path / "eisb.xml"
    act.write_text(
        '<?xml version="1.0"?>\r\n<act><metadata><title>TEST ACT 2024</title></metadata>\r\n<sect>\r\n'
        '<number>5.</number>\r\n<title>\r\n<p class="-3 11 0 left 1 0"><b>Disclosure of interests</b></p>\r\n'
        '</title>\r\n'
        '<p class="-3 11 0 left 1 0"><b>5.</b> (1) A member of the Board<emdash/></p>\r\n'
        '<p class="-3 14 0 left 1 0">(a) shall disclose that interest to the Board, and</p>\r\n'
        '<p class="-3 14 0 left 1 0">(b) shall not vote on the matter.</p>\r\n'
        '<p class="-3 11 0 left 1 0">(2) The Board may refer to the disclosure in the Authority<csq/>s annual '
        'report.</p>\r\n</sect>\r\n</act>\r\n', encoding="utf-8")
    rows = _duties(read_document(act))
    assert [(ref, modality) for ref, modality, _ in rows] == [
        ("5(1)(a)", "mandatory"), ("5(1)(b)", "prohibition"), ("5(2)", "permission")]
    assert rows[0][2].startswith("A member of the Board— (a) shall disclose")
    assert "the Authority’s annual report" in rows[2][2]


def test_a_schedules_group_heading_numbers_the_principle_stated_under_it(tmp_path: Path) -> None:
    act = tmp_path / "lims.xml"
    act.write_text(
        '<?xml version="1.0"?><Statute xmlns:lims="http://justice.gc.ca/lims">'
        '<GroupHeading lims:id="1" format-ref="group1-part"><TitleText>4.7 Principle 7 — Safeguards</TitleText>'
        '</GroupHeading><Provision lims:id="2" format-ref="indent-0-0"><Text>Personal information shall be protected '
        'by security safeguards.</Text></Provision><Provision lims:id="3"><Text><Emphasis style="bold">4.7.1'
        '</Emphasis></Text><Provision lims:id="4"><Text>The methods of protection should include</Text>'
        '<Paragraph lims:id="5"><Label>(a)</Label><Text>physical measures; and</Text></Paragraph>'
        '<Paragraph lims:id="6"><Label>(b)</Label><Text>technological measures.</Text></Paragraph></Provision>'
        '</Provision></Statute>\n', encoding="utf-8")
    assert [(ref, modality) for ref, modality, _ in _duties(read_document(act))] == [
        ("4.7", "mandatory"), ("4.7.1(a)", "recommended"), ("4.7.1(b)", "recommended")]


def test_an_opening_where_clause_then_the_party_shall_decide_is_a_duty() -> None:
    text = ("9. (1) Where the chief executive is satisfied that a person has contravened subsection (1), the chief "
            "executive shall decide the appropriate action to be taken.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("9(1)", "mandatory")]


def test_a_passive_with_its_own_subject_and_agent_after_and_is_a_duty_of_its_own_in_a_point() -> None:
    text = ("9. (1) If a question arises as to whether a member has complied with subsection (2)—\n\n"
            "(a) the chairperson shall determine the question, or\n\n"
            "(b) if the question concerns the chairperson, he or she shall retire from the chair and the question "
            "shall be determined by majority vote of the remaining members.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [
        ("9(1)(a)", "mandatory"), ("9(1)(b)", "mandatory"), ("9(1)(b)", "mandatory")]
    assert rows[1][2].endswith("he or she shall retire from the chair")
    assert rows[2][2].endswith("the question shall be determined by majority vote of the remaining members.")


def test_a_pronoun_after_and_where_opens_a_clause_so_a_disqualification_drops_out() -> None:
    text = ("9. (1) The Minister shall decide the appropriate action to be taken in relation to that person which may "
            "include removal from office under section 16 and, where a person is removed from office pursuant to this "
            "subsection, he or she shall thenceforth be disqualified for membership of the Board.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [("9(1)", "mandatory")]
    assert "disqualified" not in rows[0][2]


def test_a_validity_saving_and_does_not_contravene_bind_no_one() -> None:
    text = ("9. (1) If a member fails to disclose an interest and the Board makes a decision on the matter—\n\n"
            "(a) the decision is not invalid, and shall be taken to have always been valid, if the Board confirms "
            "it, and\n\n(b) a contract entered into in consequence of the decision is not invalid.\n\n"
            "(2) A person does not contravene subsection (1) by disclosing confidential information if the "
            "disclosure—\n\n(a) is made in the performance of functions of the Authority, or\n\n"
            "(b) is made to a member of the police and, in the opinion of the person making the disclosure, the "
            "information may relate to the commission of an offence.\n")
    assert _duties(text) == []


def test_the_capacities_a_prohibitions_lead_in_ends_on_are_one_prohibition() -> None:
    text = ("9. (1) Subject to subsection (2), a person shall not disclose confidential information obtained by him "
            "or her while performing functions as—\n\n(a) a member of the Board,\n\n"
            "(b) a consultant or adviser to the Authority, or\n\n(c) a member of the staff of the Authority.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("9(1)", "prohibition")]


def test_what_will_vary_depending_on_a_thing_binds_no_one() -> None:
    text = ("4.7.2 The nature of the safeguards will vary depending on the sensitivity of the information. More "
            "sensitive information should be safeguarded by a higher level of protection.\n")
    assert [(modality, t) for _, modality, t in _duties(text)] == [
        ("recommended", "More sensitive information should be safeguarded by a higher level of protection.")]
