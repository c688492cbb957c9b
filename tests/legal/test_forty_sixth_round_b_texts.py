"""The failure classes the first runs on two never-seen texts showed (2026-12-07, thirty-sixth session, round 46b):
the Consumer Rights Directive 2011/83/EU, Articles 5, 6a, 7 and 8, as a dataset's flat article text, and Nova Scotia's
Personal Health Information Act, ss. 60 to 70, as a repository's text conversion of the Legislature's PDF.

A consolidation's amendment marks glued before a point label ("...;▼M4(e) ...") hid the point; inserted points
("(ea)", "(eb)") run on after a semicolon were no points; a lead-in that names "the following information" before a
condition of its own (", if that information is not already apparent from the context:") was read as a condition
lead-in, its points as cases; "the consumer shall not be bound by the contract" was a duty; a point telling "that the
consumer rights ... do not apply" was dropped as an exception; "Member States may provide that the trader has to" was
mandatory; section numbers a converter set apart from their words ("Confidentiality" / "61" / "A custodian ...")
opened no section; labels a converter stacked before their points' words ("(a)" / "(b)" / "facilitate ...;" /
"ensure ...;"), and a point's last line printed beside its label before its first, were misread. One behaviour
each."""

from __future__ import annotations

from dutyrows import duty_rows as _duties


def test_consolidation_marks_glued_before_a_point_label_are_no_words() -> None:
    text = ("Article 5\nInformation requirements\n\n1. The trader shall provide the consumer with the following "
            "information:(a) the main characteristics of the goods;▼M4(b) the identity of the trader;▼B(c) the total "
            "price of the goods.\n\n2. ►M4 The trader shall keep a record of the information given.** ◄ **\n")
    rows = _duties(text)
    assert [ref for ref, _, _ in rows] == ["5(1)(a)", "5(1)(b)", "5(1)(c)", "5(2)"]
    assert not any(mark in row for _, _, row in rows for mark in ("▼", "►", "◄", "**"))


def test_inserted_points_run_on_after_a_semicolon_are_points_of_their_own() -> None:
    text = ("Article 5\nInformation requirements\n\n1. The trader shall provide the consumer with the following "
            "information:(a) the main characteristics of the goods;(b) a reminder of the legal guarantee of "
            "conformity for goods;(ba) a reminder of the legal guarantee of conformity for digital content;(bb) the "
            "conditions of after-sales services;(c) the duration of the contract.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["5(1)(a)", "5(1)(b)", "5(1)(ba)", "5(1)(bb)", "5(1)(c)"]


def test_a_lead_in_naming_its_items_before_its_own_condition_gives_each_point_a_duty() -> None:
    text = ("Article 5\nInformation requirements\n\n1. Before the consumer is bound by a contract, the trader shall "
            "provide the consumer with the following information in a clear and comprehensible manner, if that "
            "information is not already apparent from the context:(a) the main characteristics of the goods;(b) the "
            "identity of the trader;(c) the total price of the goods.\n")
    rows = _duties(text)
    assert [(ref, modality) for ref, modality, _ in rows] == [
        ("5(1)(a)", "mandatory"), ("5(1)(b)", "mandatory"), ("5(1)(c)", "mandatory")]


def test_not_being_bound_by_the_contract_is_a_legal_effect_not_a_duty() -> None:
    text = ("Article 8\nFormal requirements\n\n2. The trader shall ensure that the consumer explicitly acknowledges "
            "that the order implies an obligation to pay. If the trader has not complied with this subparagraph, "
            "the consumer shall not be bound by the contract or order.\n")
    assert [row for _, _, row in _duties(text)] == [
        "The trader shall ensure that the consumer explicitly acknowledges that the order implies an obligation to "
        "pay."]


def test_a_point_telling_that_rights_do_not_apply_is_information_not_an_exception() -> None:
    text = ("Article 6a\nOnline marketplaces\n\n1. The provider of the online marketplace shall provide the consumer "
            "with the following information:(a) whether the third party offering the goods is a trader or not;(b) "
            "where the third party offering the goods is not a trader, that the consumer rights stemming from Union "
            "consumer protection law do not apply to the contract.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["6a(1)(a)", "6a(1)(b)"]


def test_what_member_states_may_provide_that_a_trader_has_to_do_is_their_leave() -> None:
    text = ("Article 8\nFormal requirements\n\n6. Where a distance contract is to be concluded by telephone, Member "
            "States may provide that the trader has to confirm the offer to the consumer.\n")
    assert [modality for _, modality, _ in _duties(text)] == ["permission"]


def test_section_numbers_a_converter_set_apart_from_their_words_open_their_sections() -> None:
    text = ("Confidentiality\n61\n\nA custodian shall protect the confidentiality of personal health information "
            "that is in its custody or under its control.\n\nRecord of user activity\n\n63\n\n(1)\n\nA custodian "
            "shall create and maintain a record of user activity for any electronic information system it uses.\n\n"
            "(2) A custodian shall not charge an individual for a record of user activity.\n\nSafeguards\n\n65\n\n"
            "A custodian who maintains an electronic information system shall implement any additional safeguards "
            "required by the regulations.\n")
    assert [ref for ref, _, _ in _duties(text)] == ["61", "63(1)", "63(2)", "65"]


def test_labels_stacked_before_their_words_are_dealt_to_them_in_order() -> None:
    text = ("67 (1) A custodian shall designate one or more individuals as a contact person who is authorized on "
            "behalf of the custodian to\n\n(a)\n\n(b)\n\nfacilitate the custodian's compliance with this Act;\n\n"
            "ensure that all agents of the custodian are appropriately\n\ninformed of their duties under the Act;\n\n"
            "(c) practices;\n\nrespond to inquiries about the custodian's information\n\n(d) receive and process "
            "complaints under this Act.\n")
    rows = _duties(text)
    assert [ref for ref, _, _ in rows] == ["67(1)(a)", "67(1)(b)", "67(1)(c)", "67(1)(d)"]
    assert [row.split(" to ", 1)[1] for _, _, row in rows] == [
        "(a) facilitate the custodian's compliance with this Act;",
        "(b) ensure that all agents of the custodian are appropriately informed of their duties under the Act;",
        "(c) respond to inquiries about the custodian's information practices;",
        "(d) receive and process complaints under this Act."]
