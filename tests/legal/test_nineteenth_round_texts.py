"""The failure classes the first runs on four never-seen texts showed (2026-12-05, nineteenth session): two eIDAS
implementing regulations (2024/2977 as EUR-Lex HTML, 2024/2979 printed to PDF), Florida's s. 501.171 as a code page's
Markdown and the Fort Worth charter's budget chapter converted from its PDF. An EU regulation's final formula, a rule
of construction whatever its subject, a commencement or a period's dates whatever their subject, liability and
deeming with a word between the modal verb and the verb, a reverting balance and a public-records exemption were read
as duties; "shall be a part of" was read as no duty; a clause with its own modal verb after ", except that" or ",
which certificate" was not read apart; a converter's one-line paragraphs "(b) ..." right under the line before were
read as more words of it. One behaviour each."""

from __future__ import annotations

from compgraph.legal.clauses import duty_clauses


def test_an_eu_regulations_final_formula_binds_no_one() -> None:
    assert duty_clauses("This Regulation shall be binding in its entirety and directly applicable in all Member "
                        "States.") == []
