"""The failure classes the first runs on three never-seen US texts showed (2026-12-05, twenty-first session): the
Washington breach-notification chapter (RCW 19.255) as Markdown whose list counters stand for the subdivisions, the
Portland charter's Article 1 as the city's Drupal page and the Oregon chapter on airport districts (ORS 838) as the
Legislature's Word HTML in windows-1252. The Oregon page, which declares its charset, was refused as "not valid UTF-8";
its sections run their number and a catchline with semicolons into the first paragraph with no full stop after the
number ("838.030 Officers of board; vacancies; rules of procedure. (1) ..."); a history note in square brackets after
a section's last sentence ("... the district. [Formerly 494.010]") kept the sentence open, so the next section ran on
into it. In the Washington chapter the lettered and Roman counters ("    a.", "        i.") under a numbered item were
words of that item, so its points ran together, and "[Empty]" stood for a subdivision with no words of its own. In
the Portland page each section's whole text was the one item of a numbered list, cited as its subsection "(1)", and
the bracketed history note before it ran into its first sentence. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.readers import read_document

_ORS = ("838.005 Definitions\n\n838.010 Establishing district; election\n\n838.030 Officers of board; vacancies\n\n"
        "838.005 Definitions. As used in this chapter, unless the context requires otherwise:\n\n"
        "(1) \u201cDistrict\u201d means an airport district established under this chapter. [Formerly 494.010]\n\n"
        "838.010 Establishing district; election. (1) The county board shall call an election within 30 days.\n\n"
        "(2) The county clerk shall publish the notice of the election.\n\n"
        "838.030 Officers of board; vacancies. (1) At its first meeting the district board shall choose a chairperson."
        " [Formerly 494.046]\n\n838.040 Powers of district. A district may operate airports. [Formerly 494.060]\n")


def test_an_html_page_in_a_legacy_encoding_is_read_in_the_charset_it_declares(tmp_path: Path) -> None:
    path = tmp_path / "ors838.html"
    page = ('<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"></head>'
            "<body><p class=MsoNormal>838.030 Officers \u2014 the board shall choose a \u201cchairperson\u201d.</p>"
            "</body></html>")
    path.write_bytes(page.encode("cp1252"))
    assert "\u2014 the board shall choose a \u201cchairperson\u201d" in read_document(path)


def test_a_page_that_declares_no_charset_and_is_not_utf8_is_still_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes("<p>The board shall act \u2014 now.</p>".encode("cp1252"))
    try:
        read_document(path)
    except ValueError as exc:
        assert "--encoding" in str(exc)
    else:
        raise AssertionError("an undeclared cp1252 page was read")


def test_a_section_number_and_catchline_run_into_its_first_paragraph_open_the_section() -> None:
    refs = [ref for ref, _, _ in _duties(_ORS)]
    assert refs == ["838.010(1)", "838.010(2)", "838.030(1)", "838.040"]


def test_a_bracketed_history_note_after_a_full_stop_ends_the_sentence() -> None:
    texts = {ref: text for ref, _, text in _duties(_ORS)}
    assert texts["838.030(1)"].endswith("shall choose a chairperson. [Formerly 494.046]")


_RCW = ("# 19.255 - Notice of security breaches.\n## 19.255.010 - Notice of security breaches.\n"
        "4. Notice may be provided by one of the following methods:\n\n    a. Written notice;\n\n"
        "    c. Substitute notice. Substitute notice shall consist of all of the following:\n\n"
        "        i. Email notice when the business has an email address; and\n\n"
        "        ii. Notification to major statewide media; or\n\n"
        "    d. [Empty]\n        i. If the breach involves a password, notice may be provided by email.\n\n"
        "5. Any business that is required to issue notification shall meet all of the following requirements:\n\n"
        "    a. The notification must be written in plain language; and\n\n"
        "    b. The notification must include the name of the business.\n")


def _read_md(tmp_path: Path, text: str) -> str:
    path = tmp_path / "rcw.md"
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def test_lettered_and_roman_list_counters_under_a_numbered_item_are_its_points(tmp_path: Path) -> None:
    refs = [ref for ref, _, _ in _duties(_read_md(tmp_path, _RCW))]
    assert refs == ["19.255.010(4)(a)", "19.255.010(4)(c)", "19.255.010(4)(c)(i)", "19.255.010(4)(c)(ii)",
                    "19.255.010(4)(d)(i)", "19.255.010(5)(a)", "19.255.010(5)(b)"]


def test_an_empty_subdivision_marker_is_no_part_of_the_text(tmp_path: Path) -> None:
    assert "[Empty]" not in _read_md(tmp_path, _RCW)


def test_a_numbered_items_later_paragraph_with_no_counter_stays_part_of_the_item(tmp_path: Path) -> None:
    text = "## 1.100 - Duties.\n1. The board shall act.\n\n    It shall meet monthly.\n"
    assert "1. The board shall act. It shall meet monthly." in _read_md(tmp_path, text)


def _charter_page(tmp_path: Path) -> str:
    block = ('<article><h2><a href="/charter/2/1/{n}"><span>Section 2-{n} {title}</span></a></h2>'
             '<div class="note"><div class="field__item"><p>[May 3, 1913, new sec. 30; rev. Nov. 6, 1962.]</p>'
             "</div></div>"
             '<div class="body"><div class="field__item"><ol class="code-list"><li>{text}</li></ol></div></div>'
             "</article>")
    page = "<html><body>" + "".join(block.format(n=n, title=title, text=text) for n, title, text in (
        ("112", "Meetings and Journal.", "All meetings of the Council shall be public. The Council shall keep a "
         "journal of its proceedings."),
        ("113", "Calendar.", "The Auditor shall produce a summary of all matters to come before the Council."),
    )) + "</body></html>"
    path = tmp_path / "charter.html"
    path.write_text(page, encoding="utf-8")
    return read_document(path)


def test_a_sections_whole_text_as_the_one_item_of_a_list_is_cited_as_the_section(tmp_path: Path) -> None:
    assert [ref for ref, _, _ in _duties(_charter_page(tmp_path))] == ["2-112", "2-112, sentence 2", "2-113"]


def test_a_bracketed_history_note_before_a_sections_text_is_no_part_of_its_duties(tmp_path: Path) -> None:
    assert not [t for _, _, t in _duties(_charter_page(tmp_path)) if "1962" in t or "]" in t]


def test_a_numbered_list_of_one_item_among_other_paragraphs_keeps_its_number(tmp_path: Path) -> None:
    text = "## 19.255.010 - Duties.\n\nThe board is established.\n\n1. The board shall meet monthly.\n"
    assert [ref for ref, _, _ in _duties(_read_md(tmp_path, text))] == ["19.255.010(1)"]


def _rows(*sentences: str) -> list[tuple[str, str, str]]:
    return _duties("Section 2-120 Ordinances.\n\n" + "\n\n".join(sentences) + "\n")


def test_a_noun_before_a_relative_that_reports_nothing() -> None:
    assert [m for _, m, _ in _rows("Any person that maintains data that may include information that it does not own "
                                   "shall notify the owner of any breach.")] == ["mandatory"]


def test_a_will_in_what_an_authority_determines_is_no_modal_of_the_clause() -> None:
    assert [m for _, m, _ in _rows("The notification may be delayed if a law enforcement agency determines that the "
                                   "notification will impede a criminal investigation.")] == ["permission"]


def test_an_injunction_a_consumers_civil_action_and_a_bar_on_an_action_are_remedies() -> None:
    assert _rows("Any consumer injured by a violation of this chapter may institute a civil action to recover damages.",
                 "Any person or business that violates this chapter may be enjoined.",
                 "An action to enforce this chapter may not be brought under RCW 19.86.090.",
                 "In any such action the prevailing party is entitled to recover its reasonable attorneys' fees.") == []


def test_the_attorney_generals_action_stays_a_power() -> None:
    rows = _rows("The attorney general may bring an action to enforce this chapter.")
    assert [m for _, m, _ in rows] == ["permission"]


def test_deemed_compliance_perjury_a_privilege_and_a_tax_sale_bind_no_one() -> None:
    assert _rows("A processor will be considered compliant if its compliance was validated by an annual assessment.",
                 "Willful false swearing in such investigations shall be perjury, and punishable as such.",
                 "A member of the Council for words uttered in debate shall not be questioned in any other place.",
                 "Property shall be subject to sale for nonpayment of taxes levied by the district.") == []


def test_a_commencement_a_period_after_passage_and_a_vote_threshold_bind_no_one() -> None:
    assert _rows("All other ordinances shall take effect thirty (30) days after their passage.",
                 "At least seven (7) affirmative votes are required to pass an ordinance.",
                 "The electors of a district may exercise the powers of the initiative and referendum.") == []


def test_a_plural_party_after_a_semicolon_has_a_clause_of_its_own() -> None:
    rows = _rows("No ordinance, except one making an appropriation, shall contain more than one general subject; "
                 "ordinances making appropriations shall be confined to the subject of appropriations.")
    assert [(m, t.split(" … ")[-1][:25]) for _, m, t in rows] == [("prohibition", "No ordinance, except one "),
                                                                  ("mandatory", "ordinances making appropr")]


def test_a_may_after_a_comma_where_a_shall_came_before_is_a_permission_beside_the_duty() -> None:
    rows = _rows("The Council shall determine its own rules of procedure, may establish Council committees, may punish "
                 "its members for disorderly conduct, and may compel the attendance of members.")
    assert [m for _, m, _ in rows] == ["mandatory", "permission"]
    assert rows[1][2].endswith("may establish Council committees, may punish its members for disorderly conduct, "
                               "and may compel the attendance of members.")


def test_a_named_party_after_and_with_no_comma_has_a_clause_of_its_own() -> None:
    rows = _rows("There shall be annually appropriated the sum of five thousand dollars to be known as the Emergency "
                 "Fund and the Council may use and expend such Fund for any purpose.")
    assert [m for _, m, _ in rows] == ["mandatory", "permission"]
    assert rows[1][2].endswith("the Council may use and expend such Fund for any purpose.")


def test_a_may_inside_a_relative_clause_or_condition_stays_that_clauses_own() -> None:
    rows = _rows("Agencies and evaluators shall take appropriate steps to ensure the protection of information which, "
                 "if disclosed, may adversely affect information security.")
    assert [m for _, m, _ in rows] == ["mandatory"]


def test_a_forfeiture_after_and_any_party_who_with_no_comma_is_no_part_of_the_duty_before_it() -> None:
    rows = _rows("If a member of the council shall become a candidate for any public office, he shall forfeit his "
                 "place in the council; but shall continue to hold the office until a successor is duly qualified in "
                 "cases in which such holdover is required by state law and any appointive officer of the city who "
                 "shall become a candidate for any public office shall immediately forfeit the office held under the "
                 "city.")
    assert rows and [t for _, _, t in rows if "forfeit the office" in t] == []


def test_a_forfeiture_in_a_condition_after_but_if_is_no_part_of_the_duty_before_it() -> None:
    rows = _rows("The officers shall take the oaths, and a certificate shall be filed with the clerk, who shall enter "
                 "the same upon the journal thereof; but if any of said officers shall fail to qualify, as aforesaid, "
                 "for ten days after the term for which said officer was elected, or shall neglect to give such bond "
                 "or said officer's office shall be deemed vacant.")
    assert rows and [t for _, _, t in rows if "deemed vacant" in t] == []
