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


def test_a_memorandum_s_next_capital_point_after_a_bracketed_capital_list_resumes_its_list() -> None:
    # The bracketed "(A)" left a capital open: "C." is not its next letter, and was dropped as a heading-like line.
    text = (
        "Agencies must follow these practices:\n\nA. Complete an assessment.\n\nB. Test the AI.\n\n"
        "37 Agencies should assess the data.\n\n(A) Agencies should keep records.\n\nC. Evaluate the AI.\n"
    )
    assert [(d.ref, d.text) for d in statute_duties(text)][-1] == (
        "(C)",
        "Agencies must follow these practices: C. Evaluate the AI.",
    )


def test_the_next_capital_point_after_the_illustrations_of_a_capital_point_ends_them() -> None:
    # "(I)" is the point after "(H)" and also "(i)" after "(h)" as OCR capitalises it: either way the illustrations
    # (numbered "(1)") are over, and the point is read, not dropped as one of them.
    text = "Section 5\nDuties\n" + "".join(f"({c}) The provider shall keep record {c}.\n" for c in "abcdefg")
    text += "(h) The provider shall, in testing,\n" + "".join(f"({c}) test part {c};\n" for c in "ABCDEFG")
    text += "(H) test the model.\nIllustrations.\n(1) A tests the data of the system.\n(I) test the output.\n"
    assert [(p.path, p.text) for p in parse_provisions(text)][-1] == (("h", "I"), "test the output.")
