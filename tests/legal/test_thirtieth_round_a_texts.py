"""The failure classes the first runs on two never-seen Japanese Acts showed (2026-12-06, twenty-seventh session,
round 30a): the Telecommunications Business Act (Arts. 3-8, 26-32) and the My Number Act (Arts. 10-16, 19-20,
26-28), both a ministry's English translation as ``pdftotext -layout`` prints it.

A justified page pads its lines and reads its margin wide, so a paragraph's first line with no verb the parser knows
was taken for a title and dropped; a citation list wrapped to a line's start ("Article 72-58; Article 317; ...")
opened an article; the translations define and extend terms in brackets in mid-sentence ("(meaning ...; the same
shall apply in Article 20 of this Act)"), whose semicolons cut clauses, whose formulas made duties non-duties and
whose modal verbs decided the modality; a prohibition's exception items, a proviso before a lead-in's colon and an
extension sentence ("The same shall apply when ...:") between a sentence and the items it names each lost or
invented rows. One behaviour each."""

from __future__ import annotations

from pathlib import Path

from dutyrows import duty_rows as _duties

from compgraph.legal.citing import continues_citation
from compgraph.legal.headings import heading_of
from compgraph.legal.readers import read_document

_HELDOUT = Path(__file__).resolve().parents[1] / "fixtures" / "regulations-heldout"


def test_a_citation_list_at_a_line_start_is_no_article_heading() -> None:
    assert heading_of("Article 72-58; Article 317; or Article 325 of the Local Tax Act and provisions of said Act") \
        is None


def test_a_line_opening_with_a_citation_list_goes_on_with_its_sentence() -> None:
    text = ("Article 21 (Notice)\n"
            "  The Minister shall notify the governor pursuant to Article 46, paragraph (4) or (5); Article 48,\n"
            "Article 72-58; Article 317; or Article 325 of the Local Tax Act, when taking measures.\n")
    rows = _duties(text)
    assert [ref for ref, _, _ in rows] == ["21"]
    assert rows[0][2].endswith("Article 325 of the Local Tax Act, when taking measures.")


def test_the_items_a_prohibition_excepts_after_fall_under_any_of_the_following_are_no_rows() -> None:
    text = ("Article 19 (Restrictions on the Provision)\n"
            "  No person shall provide Specific Personal Information except in cases that fall under any of\n"
            "the following items:\n"
            "  (i) when a Person in Charge provides it to the Person or his/her agent;\n"
            "  (ii) when the Person provides it to the Person in Charge; and\n"
            "  (iii) when it is specified by rules of the Commission as equivalent thereto.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [("19", "prohibition")]


def test_a_semicolon_inside_brackets_cuts_no_clause() -> None:
    text = ("Article 26 (Notice)\n"
            "  Any carrier shall notify its users (meaning the persons it serves; the Commission shall specify them\n"
            "by rules) in writing of the change.\n")
    rows = _duties(text)
    assert len(rows) == 1
    assert rows[0][2].endswith("in writing of the change.")


def test_a_formula_inside_brackets_leaves_the_sentence_a_duty() -> None:
    text = ("Article 31 (Reports)\n"
            "  The carrier (including shareholders who are deemed as having voting rights) shall report to the\n"
            "Minister every year.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("31", "mandatory")]


def test_none_of_them_shall_forbids() -> None:
    text = ("Article 31 (Officers)\n"
            "  Where a carrier is a juridical person, none of its officers shall concurrently act as an officer of\n"
            "any other carrier.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["prohibition"]


def test_a_modal_verb_inside_brackets_does_not_decide_the_modality() -> None:
    text = ("Article 14 (Request for Provision)\n"
            "  A Person in Charge (limited to persons provided for by Cabinet Order; the same shall apply in\n"
            "Article 19) may request that an Agency provide identity verification information.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["permission"]


def test_a_paragraphs_first_line_going_on_in_lower_case_is_no_title() -> None:
    text = ("Article 28 (Reporting on Suspension, Etc. of Business Activities)\n"
            "  When a telecommunications carrier suspends its telecommunications activities\n"
            "in part, it shall report without delay to the Minister to that effect.\n")
    rows = _duties(text)
    assert rows[0][2].startswith("When a telecommunications carrier suspends its telecommunications activities")


def test_a_labelled_line_under_a_bare_article_number_going_on_in_lower_case_is_no_title() -> None:
    text = ("Article 31\n"
            "(1) Any telecommunications carrier who installs Category I designated\n"
            "telecommunications facilities shall report to the Minister every year.\n")
    assert [(ref, text[:20]) for ref, _, text in _duties(text)] == [("31(1)", "Any telecommunicatio")]


def test_a_labelled_line_opening_with_a_condition_is_no_catchline() -> None:
    text = ("Article 30 (Prohibited Acts, Etc.)\n"
            "(1) In cases where the total profit that a telecommunications carrier who installs\n"
            "Category II facilities exceeds the percentage, the Minister may designate the carrier.\n"
            "(2) The Minister shall cancel the designation.\n")
    rows = _duties(text)
    assert rows[0][:2] == ("30(1)", "permission")
    assert rows[0][2].startswith("In cases where the total profit")


def test_a_justified_line_between_an_open_sentence_and_its_lower_case_rest_is_the_sentences() -> None:
    # the Act's own page: its lines padded to the margin read it wide (92 columns for lines of about 83)
    rows = _duties(read_document(_HELDOUT / "jp-telecommunications-business-act-1984-art3-8-26-32.txt"))
    first = next(text for ref, _, text in rows if ref == "30(1)")
    assert first.startswith("In cases where the total profit that a telecommunications carrier who installs "
                            "Category II designated telecommunications facilities set forth in Article 34")


def test_a_range_of_cited_paragraphs_left_open_at_a_line_end_goes_on_below() -> None:
    assert continues_citation("designate the carrier as one to whom the provisions of paragraphs (3) through",
                              "(5) shall apply, where the Minister finds it necessary", False, 2)


def test_a_proviso_excepting_from_a_lead_in_is_no_part_of_its_points() -> None:
    text = ("Article 31 (Prohibited Acts)\n"
            "(2) No carrier shall conduct the following acts; provided, however, that this shall not apply if there\n"
            "are compelling reasons specified by an Ordinance:\n"
            "  (i) Applying disadvantageous treatment to other carriers in comparison with specified relevant\n"
            "carriers, with regard to installing facilities necessary for interconnection\n"
            "  (ii) Applying disadvantageous treatment to other carriers in comparison with specified relevant\n"
            "carriers, with regard to consigning an agent for concluding a contract\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [("31(2)(i)", "prohibition"),
                                                              ("31(2)(ii)", "prohibition")]
    assert not any("compelling reasons" in text for _, _, text in rows)


_ASSESSMENT = ("Article 27 (Specific Personal Information Protection Assessment)\n"
               "(1) When a head of Administrative Organs intends to keep Files, he/she shall publicly announce the\n"
               "  document stating the results of assessing the following items and shall consult widely for\n"
               "  citizens’ opinions, before keeping said File. The same shall apply when making an important\n"
               "  change with regard to said File:\n"
               "  (i) the number of persons who engage in affairs handling the File;\n"
               "  (ii) measures to protect Specific Personal Information recorded in the File.\n")


def test_items_named_by_a_sentence_before_an_extension_complete_that_sentence() -> None:
    rows = _duties(_ASSESSMENT)
    items = [text for ref, _, text in rows if ref in ("27(1)(i)", "27(1)(ii)")]
    assert len(items) == 2
    assert all("the results of assessing the following items" in text for text in items)
    assert not any("The same shall apply" in text for _, _, text in rows)


def test_the_clause_after_the_one_naming_the_items_is_a_duty_of_its_own() -> None:
    rows = _duties(_ASSESSMENT)
    assert ("27(1)", "mandatory", "and shall consult widely for citizens’ opinions, before keeping said File.") in rows


def test_a_label_after_a_form_feed_is_read() -> None:
    text = ("(Re-entrustment)\n"
            "Article 10\n\n\n"
            "                                                  9\n"
            "\f(1) A person who is entrusted with all or part of Affairs may re-entrust all or part thereof only in\n"
            "  cases where the person obtains the permission of a person who made the original entrustment.\n")
    assert [(ref, modality) for ref, modality, _ in _duties(text)] == [("10(1)", "permission")]


def test_a_page_number_inside_an_open_sentence_is_no_word_of_it() -> None:
    text = ("Article 6 (Fairness in Use)\n"
            "  No telecommunications carrier shall engage in unfair and discriminatory\n\n\n"
            "                                                                                2\n"
            "\ftreatment with regard to the provision of telecommunications services.\n")
    assert [text for _, _, text in _duties(text)] == [
        "No telecommunications carrier shall engage in unfair and discriminatory treatment with regard to the "
        "provision of telecommunications services."]
