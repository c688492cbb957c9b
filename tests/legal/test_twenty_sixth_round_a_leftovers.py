"""Somerville's surveillance-technology ordinance (round 26a) prints a whole subsection as one Markdown list item:
"(c) ... exceptions ...: (1) ... may temporarily acquire ... . However, ... must: i. Report ...; ii. Submit ...; and
iii. Include ... . (2) Any ... shall be made publicly available. (3) ... (4) A city department head may apply ... .
The department shall not use ...". One behaviour each (twenty-fifth session, each failing on main aabe6eb)."""

from __future__ import annotations

from compgraph.legal.inline import inline_segments

LINE = ("(c) The following situations are exceptions: (1) The department may temporarily acquire the technology. "
        "However, if the department acquires it, the chief must: i. Report that acquisition to the council; ii. Submit "
        "an impact report to the council; and iii. Include that technology in the next annual surveillance report. "
        "(2) Any report submitted under this section shall be made publicly available. (3) A department head may "
        "apply a technical patch. The department shall not use the new capabilities until the council approves.")


def segments() -> list[str]:
    return [text.strip() for _, text in inline_segments(LINE)[0]]


def test_numbered_points_opened_after_a_colon_go_on_after_a_full_stop() -> None:
    starts = [s[:3] for s in segments()]
    assert "(2)" in starts and "(3)" in starts


def test_roman_points_with_a_full_stop_after_a_colon_are_points() -> None:
    starts = [s.split(" ", 1)[0] for s in segments()]
    assert starts[starts.index("(1)") + 1 :][:3] == ["i.", "ii.", "iii."]


def test_a_numbered_points_later_sentence_stays_with_it() -> None:
    assert segments()[-1] == ("(3) A department head may apply a technical patch. The department shall not use the new "
                              "capabilities until the council approves.")
