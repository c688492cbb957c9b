"""The failure classes the first runs on two never-seen Australian texts showed (2026-12-06, twenty-eighth session,
round 32a): the Spam Act 2003 (Part 2) as a repository's Markdown of the compilation, and the Therapeutic Goods
(Medical Devices) Regulations 2002's Essential Principles 1 to 7 as a quality system's checklist copies them.

The checklist heads each clause with its number closed by a parenthesis ("### 1) Use of medical devices not to
compromise health and safety"), which opened no clause, so every row was cited from its points and one clause's lead-in
ran on over the next clauses' points; the Act's "Simplified outline" was read as duties; its prohibitions of a thing
described by points joined by "and" ("must not send ... a commercial electronic message that: (a) has an Australian
link; and (b) ...") gave a row per point; and a subheading set as a list item ("Message must not be sent to a
nonexistent electronic address") was read as a sentence. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document


def _markdown(tmp_path: Path, text: str) -> str:
    path = tmp_path / "law.md"
    path.write_text(text, encoding="utf-8")
    return read_document(path)


_SCAFFOLD = "_Applicable:_ **TODO**\n\n_Evidence of Conformity:_\n\n- **TODO**\n\n"


def test_a_markdown_heading_of_a_number_closed_by_a_parenthesis_opens_the_clause(tmp_path: Path) -> None:
    text = ("## Part 1: General Principles\n\n### 1) Use of medical devices not to compromise health and safety\n\n"
            "A medical device is to be designed and produced in a way that ensures that:\n\n"
            "- (a) the device will not compromise the safety of a patient; and\n"
            "- (b) any risks associated with the use of the device are acceptable.\n\n" + _SCAFFOLD
            + "### 3) Medical devices to be suitable for intended purpose\n\nA medical device must:\n\n"
            "- (a) perform in the way intended by the manufacturer; and\n- (b) be suitable for its purpose.\n\n"
            + _SCAFFOLD + "#### 7.2) Minimisation of risks associated with contaminants and residues\n\n"
            "- (1) A medical device must be designed in a way that ensures that any risks are minimised.\n\n")
    rows = _duties(_markdown(tmp_path, text))
    assert [ref for ref, _, _ in rows] == ["1(a)", "1(b)", "3(a)", "3(b)", "7.2(1)"]
    assert all("Evidence of Conformity" not in row for _, _, row in rows)
    assert rows[2][2].startswith("A medical device must:")


def test_a_simplified_outline_states_no_duties(tmp_path: Path) -> None:
    text = ("##### 15  Simplified outline\n\n    * The following is a simplified outline of this Part: \n\n"
            "     *  \tUnsolicited commercial electronic messages must not be sent.\n\n"
            "     *  \tCommercial electronic messages must contain a functional unsubscribe facility.\n\n"
            "##### 16  Unsolicited commercial electronic messages must not be sent\n\n"
            "    * (1) A person must not send, or cause to be sent, a commercial electronic message.\n")
    assert [ref for ref, _, _ in _duties(_markdown(tmp_path, text))] == ["16(1)"]


def test_a_prohibition_of_a_thing_its_points_joined_by_and_describe_is_one_row(tmp_path: Path) -> None:
    text = ("##### 16  Unsolicited commercial electronic messages must not be sent\n\n"
            "    * (1) A person must not send, or cause to be sent, a commercial electronic message that:\n\n"
            "     * (a) has an Australian link; and\n\n"
            "     * (b) is not a designated commercial electronic message.\n\n"
            "    * (9) A person must not:\n\n"
            "     * (a) aid, abet, counsel or procure a contravention of subsection (1); or\n\n"
            "     * (b) conspire with others to effect a contravention of subsection (1).\n")
    rows = _duties(_markdown(tmp_path, text))
    assert [(ref, modality) for ref, modality, _ in rows] == [("16(1)", "prohibition"), ("16(9)(a)", "prohibition"),
                                                              ("16(9)(b)", "prohibition")]


def test_a_subheading_set_as_a_list_item_between_subsections_binds_no_one(tmp_path: Path) -> None:
    text = ("##### 16  Unsolicited commercial electronic messages must not be sent\n\n"
            "    * (5) A person who wishes to rely on subsection (4) bears an evidential burden in relation to that "
            "matter.\n\n    * Message must not be sent to a nonexistent electronic address\n\n"
            "    * (6) A person must not send, or cause to be sent, a commercial electronic message to a nonexistent "
            "electronic address.\n")
    assert [ref for ref, _, _ in _duties(_markdown(tmp_path, text))] == ["16(6)"]
