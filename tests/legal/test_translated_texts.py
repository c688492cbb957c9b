"""The failure classes the first runs on two never-seen translated texts showed (China's Generative AI Interim
Measures, an English machine translation in plain text; Japan's APPI Art. 15-22-2, the PPC's translation converted
from PDF to Markdown), one behaviour each."""

from __future__ import annotations

from compgraph.legal.provisions import statute_duties
from compgraph.legal.statute import repair_typography


def _duties(text: str) -> list[tuple[str, str, str]]:
    return [(d.ref, d.modality, d.text) for d in statute_duties(repair_typography(text))]


def test_an_article_number_run_into_its_first_paragraph_opens_the_article() -> None:
    text = ("Article 12 Providers shall mark the generated content such as pictures and videos.\n\n"
            "Article 13: Providers shall provide safe, stable and continuous services.\n")
    assert [r for r, _, _ in _duties(text)] == ["12", "13"]


def test_an_article_with_a_branch_number_is_cited_by_it() -> None:
    text = ("Article 16 A business operator shall not handle personal information without consent.\n\n"
            "Article 16-2 A business operator shall not utilize personal information by an improper method.\n\n"
            "# Article 22-2\n\n- (1) A business operator shall report a leakage to the Commission.\n")
    assert [r for r, _, _ in _duties(text)] == ["16", "16-2", "22-2(1)"]


def test_a_roman_label_that_continues_a_numbered_list_is_its_next_item() -> None:
    # A list of its own would open at "(i)"; the translation printed items 4 and 5 as "(iv)" and "(V)".
    text = ("Article 4 Providers shall comply with the following provisions:\n\n(1) Respect business ethics;\n\n"
            "(2) Keep business secrets;\n\n(3) Use lawful data;\n\n(iv) respect the rights of others;\n\n"
            "(V) Take effective measures.\n")
    assert [r for r, _, _ in _duties(text)] == ["4(1)", "4(2)", "4(3)", "4(4)", "4(5)"]
