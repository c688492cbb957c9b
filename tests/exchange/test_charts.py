"""The audit report's charts: every label fits, and every row keeps its own bar."""

from __future__ import annotations

import re
import warnings

from compgraph.exchange import charts

LONG = (
    "Regulation (EU) 2024/1689 (Artificial Intelligence Act) — provider duties, Articles 9-15 and 17, and"
    " post-market duties, Articles 72-73"
)


def _patches(svg: str) -> int:
    return len(re.findall(r'<g id="patch_\d+">', svg))


def test_a_long_document_title_is_drawn_without_a_collapsed_layout() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns, and draws without its layout, when the axes collapse
        charts.stacked_status({LONG: {"covered": 3, "unmapped": 1}, "Short": {"covered": 1}}, "Coverage per document")
        charts.bars({LONG: 4, "Short": 1}, "Findings by rule", "findings")


def test_a_label_is_at_most_two_lines_of_forty_characters() -> None:
    (label,) = charts.tick_labels([LONG])
    lines = label.split("\n")
    assert len(lines) == 2 and all(len(line) <= 40 for line in lines)
    assert lines[1].endswith("…") and LONG.startswith(lines[0])


def test_a_short_label_is_kept_as_it_is() -> None:
    assert charts.tick_labels(["Mozart Ltd Responsible AI Policy"]) == ["Mozart Ltd Responsible AI Policy"]


def test_two_titles_cut_to_the_same_label_keep_a_bar_each() -> None:
    twins = {LONG + " (deployers)": {"covered": 2}, LONG + " (providers)": {"covered": 5}}
    assert len(set(charts.tick_labels(twins))) == 1  # the case this test is about
    distinct = {"A": {"covered": 2}, "B": {"covered": 5}}
    assert _patches(charts.stacked_status(twins, "t")) == _patches(charts.stacked_status(distinct, "t"))
    assert _patches(charts.bars({k: 1 for k in twins}, "t", "x")) == _patches(charts.bars({"A": 1, "B": 1}, "t", "x"))
