"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-fifth session, round 45a):
the AI Act's Articles 33 to 36 (notified bodies: subcontracting, operational obligations, identification numbers,
changes to notifications) as the OJ page's markup, and Massachusetts G.L. c. 93H §§ 1 to 6 (security breaches) as a
repository's plain text.

"The certificates ... may remain valid for a period of nine months" was a permission; "that authority shall take the
appropriate measures" after a point's semicolon, and the cap "which shall not exceed 12 months in total" after a
leave to extend, were no rows of their own; a party's duty inside an item of a lead-in that binds no one (a scope, a
validity's circumstances) was lost with the item; a proviso "that if ... laws, rules, regulations, guidance or
guidelines, then it shall be subject to ..." was not cut off, so the rule of reference took the duty before it with
it; "such disclosure shall not require the disclosure of ... trade secrets" was a prohibition; and a power to revise a
term "as used in this chapter, to reflect ..." was read as a definition; and "Section 2. (a) The department shall ..."
was no subsection (a), so its later sentences were cited "2, sentence 2". One behaviour each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties


def test_how_long_a_thing_may_remain_valid_is_no_leave() -> None:
    text = ("Article 36\n\n3. Where a notified body decides to cease its activities, it shall inform the notifying "
            "authority as soon as possible. The certificates of the notified body may remain valid for a period of "
            "nine months after cessation of its activities, on condition that another body assumes them.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["mandatory"]


def test_a_party_named_by_that_after_a_points_semicolon_holds_a_duty_of_its_own() -> None:
    text = ("Article 36\n\n7. The notifying authority shall:\n\n(a) assess the impact on the certificates;\n\n"
            "(b) provide the competent authorities with all relevant information about the certificates; that "
            "authority shall take the appropriate measures to avoid a risk to health.\n")
    rows = _duties(text)
    assert len(rows) == 3
    assert rows[2][2].endswith("… that authority shall take the appropriate measures to avoid a risk to health.")


def test_a_cap_in_total_on_a_leave_to_extend_is_a_prohibition_beside_it() -> None:
    text = ("Article 36\n\n9. The competent authority may extend the provisional validity of the certificates for "
            "additional periods of three months, which shall not exceed 12 months in total.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["permission", "prohibition"]


def test_a_partys_own_duty_inside_an_item_of_a_scope_still_binds() -> None:
    text = ("Section 2. Regulations.\n(b) The supervisor of records shall establish rules to safeguard personal "
            "information. Such rules shall be applicable to: (1) executive offices; and (2) any authority created "
            "by the General Court, and the rules and regulations shall take into account the size of the services "
            "provided.\n")
    rows = _duties(text)
    assert len(rows) == 2 and rows[1][2].startswith("the rules and regulations shall take into account")
    assert rows[1][0] == "2(b)"  # coordinated with the whole sentence, not a part of item (2)


def test_a_proviso_with_if_then_after_a_long_list_is_cut_off_the_duty_before_it() -> None:
    text = ("Section 5. The notice to be provided to the attorney general shall consist of, but not be limited to, "
            "any steps the person has taken relating to the breach; provided further that if said person does not "
            "comply with applicable federal laws, rules, regulations, guidance or guidelines, then it shall be "
            "subject to the provisions of this chapter.\n")
    rows = _duties(text)
    assert len(rows) == 1 and rows[0][2].endswith("relating to the breach;")


def test_what_a_required_disclosure_does_not_entail_is_no_prohibition() -> None:
    text = ("Section 4. The person or agency shall cooperate with law enforcement in its investigation, which shall "
            "include the sharing of information relevant to the incident; provided however, that such disclosure "
            "shall not require the disclosure of confidential business information or trade secrets.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["mandatory"]


def test_a_power_to_revise_a_term_as_used_in_the_chapter_is_no_definition() -> None:
    text = ('Section 1. (b) The department may adopt regulations, from time to time, to revise the definition of '
            '"encrypted", as used in this chapter, to reflect applicable technological advancements.\n')
    assert [modality for _, modality, _ in _duties(text)] == ["permission"]


def test_a_first_subsection_run_into_the_section_number_cites_its_later_sentences() -> None:
    text = ("Section 2: Regulations to safeguard personal information\n"
            "Section 2. (a) The department shall adopt regulations. Such regulations shall be designed to safeguard "
            "personal information.\n(b) The supervisor of records shall establish rules.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["2(a)", "2(a), sentence 2", "2(b)"]
