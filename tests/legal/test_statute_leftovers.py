"""The statute import, one behaviour at a time: what the thirteenth and fourteenth sessions' whole runs left explained
but untested (docs/mutation-survivors.md, "Explained survivors settled (2026-12-04, fifteenth session)"). Each
fixture is a few lines of statute text read through the import, or one label read by ``label_kind``.
"""

from __future__ import annotations

from compgraph.legal.labels import label_kind
from compgraph.legal.provisions import statute_duties
from compgraph.legal.statute import parse_provisions


def test_an_inserted_section_lettered_x_keeps_its_letter() -> None:
    text = (
        "26 (1) An organisation must protect personal data.\n26X. Where an organisation \u2013\n"
        "(a) collects personal data, it must notify the individual.\n"
    )
    assert [(p.section, p.path) for p in parse_provisions(text)] == [("26", ("1",)), ("26X", ()), ("26X", ("a",))]


def test_a_point_whose_first_sentence_ends_in_a_deeming_clause_keeps_the_spacing_between_its_sentences() -> None:
    text = (
        "Section 5\nLogs\n(1) The provider shall:\n"
        "(a) keep the logs; such logs are deemed records of the provider.  The logs are records of the events.\n"
        "(b) test the system.\n"
    )
    assert statute_duties(text)[0].own_text == (
        "keep the logs; such logs are deemed records of the provider.  The logs are records of the events."
    )


def test_an_i_after_an_item_numbered_0_opens_a_roman_list() -> None:
    # Only "(ii)" and later go on from an open number ("(iv)" after "(3)"); a list of its own opens at "(i)".
    assert label_kind("i", [("num", "0")]) == "roman"


def test_a_two_letter_roman_label_that_follows_no_list_is_a_roman_numeral() -> None:
    assert label_kind("ii", []) == "roman"
