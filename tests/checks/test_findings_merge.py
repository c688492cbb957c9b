"""An incremental run's findings come from the last run's list, with only the changed queries' findings taken out
and put in; the result is the list a full sort of every query's findings gives, in the same order."""

from __future__ import annotations

import random

from compgraph.checks import lastrun
from compgraph.checks.report import Finding


def _f(n: int, focus: str = "x", severity: str = "Violation") -> Finding:
    return Finding(severity, f"rule-{n % 3}", focus, "same label", f"message {n % 2}")


def _run(per_query: list[list[Finding]], memo: lastrun.LastRun | None) -> lastrun.LastRun:
    merged, owners = lastrun.merged(per_query, memo)
    return lastrun.LastRun((0, 0, 0), {}, [], [], per_query, {}, merged, owners)


def test_findings_alike_but_for_their_focus_node_are_listed_in_one_order_whatever_order_they_came_in() -> None:
    a, b = _f(1, "http://x/a"), _f(1, "http://x/b")
    assert sorted([b, a], key=Finding.sort_key) == sorted([a, b], key=Finding.sort_key) == [a, b]


def test_a_finding_two_queries_found_stays_when_one_of_them_stops_finding_it() -> None:
    shared = _f(1)
    memo = _run([[shared, _f(2)], [shared]] + [[_f(n, str(n))] for n in range(20)], None)
    after = _run([[_f(2)], memo.findings[1]] + memo.findings[2:], memo)
    assert shared in after.merged and after.owners[shared] == 1


def test_a_finding_no_query_finds_any_more_leaves_the_list() -> None:
    gone = _f(1, "http://x/gone")
    memo = _run([[gone]] + [[_f(n, str(n))] for n in range(20)], None)
    after = _run([[]] + memo.findings[1:], memo)
    assert gone not in after.merged and gone not in after.owners


def test_findings_merged_into_the_last_runs_list_equal_a_full_sort_over_random_changes() -> None:
    rnd = random.Random(7)
    pool = [_f(n, f"http://x/{rnd.randrange(30)}", rnd.choice(["Violation", "Warning", "Info"])) for n in range(400)]
    per_query = [rnd.sample(pool, 25) for _ in range(40)]
    memo = _run(per_query, None)
    for _ in range(30):
        per_query = list(per_query)
        for i in rnd.sample(range(40), 2):
            per_query[i] = rnd.sample(pool, rnd.randrange(0, 8))
        memo = _run(per_query, memo)
        assert memo.merged == sorted({f for found in per_query for f in found}, key=Finding.sort_key)


def test_a_kept_list_missing_a_finding_its_counts_hold_is_sorted_again_not_merged_wrong() -> None:
    gone, stays = _f(1, "http://x/gone"), [_f(n, str(n)) for n in range(20)]
    memo = _run([[gone]] + [[f] for f in stays], None)
    memo.merged.remove(gone)  # a list and counts that disagree
    after = _run([[]] + memo.findings[1:], memo)
    assert after.merged == sorted(stays, key=Finding.sort_key)
