"""The failure classes the first runs on two never-seen texts with labels glued to their words showed (2026-12-06,
twenty-eighth session, round 31a): the Treasury Board of Canada's Directive on Digital Talent as a watcher's Markdown
of its web page ("- 4.1.1Participating in ...") and the UK Data Protection Act 2018's sections 44 to 48 as a
dataset's CSV rows, one a section, every label run into the words ("1The controller must ...—athe identity ...;bwhere
applicable, ...").

Read as printed, the CSV gave one run of words per section, and the directive's numbers opened nothing, so the first
lead-in of each part was carried into every item after it; a "but" inside a sentence's opening condition cut a
clause. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.headings import heading_of
from compgraph.legal.readers import read_document

_CSV_HEADER = '"section","id","title","part","chapter","content"\r\n'


def _csv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "act.txt"
    path.write_bytes((_CSV_HEADER + "".join(row + "\r\n" for row in rows)).encode("utf-8"))
    return path


def test_a_section_csv_row_is_read_as_its_section_with_its_glued_labels_apart(tmp_path: Path) -> None:
    path = _csv(tmp_path, '"7","section-7","Rights to information","PART 3","CHAPTER 3","1The controller must make '
                'available the following information—athe identity of the controller;bthe purposes of the processing;'
                'cthe existence of the rights of data subjects to request—iaccess to personal data,iirectification of '
                'personal data, andiiierasure of personal data;dthe right to complain.2AUnder subsection (1), the '
                'controller may restrict the information to the extent necessary to—aavoid obstructing an inquiry;b. '
                '. . . .cprotect public security."')
    lines = [line for line in read_document(path).splitlines() if line]
    assert lines == [
        "Rights to information",
        "7.—(1) The controller must make available the following information—",
        "(a) the identity of the controller;",
        "(b) the purposes of the processing;",
        "(c) the existence of the rights of data subjects to request—",
        "(i) access to personal data,",
        "(ii) rectification of personal data, and",
        "(iii) erasure of personal data;",
        "(d) the right to complain.",
        "(2A) Under subsection (1), the controller may restrict the information to the extent necessary to—",
        "(a) avoid obstructing an inquiry;",
        "(b) . . . . .",
        "(c) protect public security.",
    ]


def test_a_but_inside_an_opening_condition_cuts_no_clause() -> None:
    text = ("Rectification\n\n"
            "46.—(1) The controller must rectify inaccurate personal data.\n\n"
            "(4) Where the controller would be required to rectify personal data under this section but the personal "
            "data must be maintained for the purposes of evidence, the controller must (instead of rectifying the "
            "personal data) restrict its processing.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [("46(1)", "mandatory"), ("46(4)", "mandatory")]
    assert rows[1][2] == ("Where the controller would be required to rectify personal data under this section but the "
                          "personal data must be maintained for the purposes of evidence, the controller must (instead "
                          "of rectifying the personal data) restrict its processing.")


def test_the_purposes_a_permission_is_limited_to_the_extent_of_are_no_permission_each() -> None:
    text = ("Information\n\n"
            "44.—(1) The controller must make the information available.\n\n"
            "(4) The controller may restrict, wholly or partly, the provision of information to the data subject to "
            "the extent that and for so long as the restriction is a necessary and proportionate measure to—\n\n"
            "(a) avoid obstructing an official or legal inquiry;\n\n"
            "(b) protect public security.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [("44(1)", "mandatory"), ("44(4)", "permission")]


def test_an_example_of_where_a_duty_applies_is_no_duty() -> None:
    text = ("Information\n\n"
            "44.—(1) The controller must give the data subject such further information as is necessary.\n\n"
            "(3) An example of where further information may be necessary as mentioned in subsection (1) is where the "
            "personal data being processed was collected without the knowledge of the data subject.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["44(1)"]


def test_what_it_is_envisaged_will_happen_is_no_duty() -> None:
    text = ("Access\n\n"
            "45.—(1) The controller must give the data subject the information set out in subsection (2).\n\n"
            "(2) That information is—\n\n"
            "(a) the purposes of the processing;\n\n"
            "(b) the period for which it is envisaged that the personal data will be stored.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["45(1)"]


def _markdown(tmp_path: Path, text: str) -> str:
    path = tmp_path / "directive.md"
    path.write_text(text, encoding="utf-8")
    return read_document(path)


_DIRECTIVE = ("# Directive on Digital Talent\n\n"
              "## 4. Requirements\n\n"
              "#### Planning and reporting\n\n"
              "* 4.1Departmental chief information officers, in collaboration with other departmental officials, as "
              "appropriate, are responsible for the following:\n"
              "  + 4.1.1Participating in annual government-wide planning and reporting exercises for digital talent, "
              "including completing the annual digital talent survey; and\n"
              "  + 4.1.2For new digital initiatives that expect a digital talent component for delivery, engaging with "
              "the Secretariat throughout the planning process.\n"
              "* 4.2Managers, for each subordinate executive, are responsible for:\n"
              "  + 4.2.1Balancing risk as a cohesive whole, meaning that the risk of applying certain flexibilities "
              "is carefully weighed against the impact of failing to deliver digital services.\n\n"
              "## 5. Roles of other government organizations\n\n"
              "* 5.1The roles and responsibilities of other government organizations are described in section 5 of "
              "the Policy.\n")


def test_a_list_item_whose_number_is_glued_to_its_words_is_laid_out_as_a_numbered_clause(tmp_path: Path) -> None:
    lines = [line for line in _markdown(tmp_path, _DIRECTIVE).splitlines() if line]
    assert lines[lines.index("4.1.1") + 1].startswith("Participating in annual government-wide planning")
    assert "A.2.4.1" not in lines and "4.1.2" in lines


def test_a_part_heading_after_the_last_numbered_item_is_no_point_of_it(tmp_path: Path) -> None:
    rows = _duties(_markdown(tmp_path, _DIRECTIVE))
    assert ("4.2.1", "mandatory") in [(ref, modality) for ref, modality, _ in rows]


def test_an_appendix_clause_number_opens_a_section() -> None:
    assert heading_of("A.2.5.4") == ("section", "A.2.5.4", "")


def test_responsible_for_the_following_leads_in_its_gerund_items_as_responsible_for_does(tmp_path: Path) -> None:
    rows = _duties(_markdown(tmp_path, _DIRECTIVE))
    assert sorted((ref, modality) for ref, modality, _ in rows if ref.startswith("4.1")) == \
        [("4.1.1", "mandatory"), ("4.1.2", "mandatory")]
    assert all(text.startswith("Departmental chief information officers") for ref, _, text in rows
               if ref.startswith("4.1"))


def test_the_following_actions_lead_in_their_imperatives_each_under_its_innermost_lead_in() -> None:
    text = ("A.2 Procedures\n\n"
            "A.2.5\nThe manager overseeing the sourcing process is required to take the following actions:\n\n"
            "A.2.5.1\nCheck with TBS-OCIO-led talent pools to verify the availability of existing talent.\n\n"
            "A.2.5.2\nWhere the manager intends to initiate a procurement, the manager is required to take the "
            "following actions:\n\n"
            "A.2.5.2.1\nFollow all the planning steps of the Directive on the Management of Procurement.\n\n"
            "A.2.5.2.2\nPrior to contracting out, managers must confirm with TBS-OCIO that no talent is available.\n\n"
            "A.2.5.3\nImplement measures identified by TBS-OCIO to advance diversity.\n")
    rows = _duties(text)
    by_ref = {ref: (modality, words) for ref, modality, words in rows}
    assert sorted(by_ref) == ["A.2.5.1", "A.2.5.2.1", "A.2.5.2.2", "A.2.5.3"] and len(rows) == 4
    assert {modality for modality, _ in by_ref.values()} == {"mandatory"}
    assert by_ref["A.2.5.2.1"][1].startswith("Where the manager intends to initiate a procurement")
    assert by_ref["A.2.5.3"][1].startswith("The manager overseeing the sourcing process is required to take")


def test_a_rule_on_how_to_read_the_directive_is_no_duty() -> None:
    text = ("2. Authorities\n\n"
            "2.1\nThis directive is issued under the authority of section 7 of the Financial Administration Act.\n\n"
            "2.2\nThis directive must be read in conjunction with other policy requirements, including but not "
            "limited to, the Policy on the Planning and Management of Investments.\n\n"
            "2.3\nDeputy heads must publish the plan on the departmental website every year.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["2.3"]


def test_a_gerund_item_may_open_with_a_long_phrase() -> None:
    text = ("4.1\nDepartmental chief information officers, in collaboration with other departmental officials, are "
            "responsible for the following:\n\n"
            "4.1.1\nParticipating in annual government-wide planning and reporting exercises for digital talent.\n\n"
            "4.1.2\nFor new digital initiatives that expect or require a substantial digital talent component for "
            "delivery, engaging with the Treasury Board of Canada Secretariat throughout the planning process.\n")
    assert sorted(ref for ref, _, _ in _duties(text)) == ["4.1.1", "4.1.2"]


def test_each_sentence_of_an_action_is_an_action_of_its_own() -> None:
    text = ("A.2.4\nBusiness owners of digital initiatives are required to take the following actions if a new "
            "digital initiative requires 10 or more net new full-time equivalents:\n\n"
            "A.2.4.1\nNotify TBS-OCIO by email at least 6 months prior to the selection of the sourcing mechanism. If "
            "6-month advance notice is not feasible, notify TBS-OCIO as soon as the business owner is aware of the "
            "requirement.\n\n"
            "A.2.4.2\nEnsure compliance with all reporting requirements related to IT investment.\n")
    rows = _duties(text)
    assert len(rows) == 3
    assert any(words.endswith("notify TBS-OCIO as soon as the business owner is aware of the requirement.")
               and "Notify TBS-OCIO by email" not in words for _, _, words in rows)


def test_required_to_and_encouraged_to_in_one_sentence_are_a_duty_and_a_recommendation() -> None:
    text = ("A.2.3\nDepartments are required to complete and submit the Annual Digital Talent Survey in accordance "
            "with the instructions of the Office of the Chief Information Officer and are encouraged to use the tools "
            "it provides for data collection.\n")
    rows = _duties(text)
    assert [modality for _, modality, _ in rows] == ["mandatory", "recommended"]
    assert rows[1][2].endswith("are encouraged to use the tools it provides for data collection.")
