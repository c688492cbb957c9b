"""The dashboard's evidence tiles: current records expiring within the window, expired, and all current ones."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from compgraph.graph.store import LocalStore
from compgraph.web.pageinfo import evidence_figures

CG = "https://w3id.org/compgraph/ontology#"
D = "^^<http://www.w3.org/2001/XMLSchema#date>"
RECORDS = f"""
<urn:e:on-the-day> <{CG}validUntil> "2026-11-22"{D} .
<urn:e:last-day-of-window> <{CG}validUntil> "2026-12-22"{D} .
<urn:e:day-after-window> <{CG}validUntil> "2026-12-23"{D} .
<urn:e:expired> <{CG}validUntil> "2026-11-21"{D} .
<urn:e:renewed> <{CG}validUntil> "2026-01-01"{D} .
<urn:e:renewal> <{CG}validUntil> "2027-01-01"{D} ; <http://www.w3.org/ns/prov#wasRevisionOf> <urn:e:renewed> .
"""


def test_the_window_includes_both_ends_and_a_renewed_record_is_not_counted(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "s")
    store.replace_graph("https://example.org/evidence", RECORDS.encode(), "text/turtle")
    assert evidence_figures(store, date(2026, 11, 22)) == {"expiring": 2, "expired": 1, "undated": 0, "total": 5}


def test_an_empty_store_has_no_evidence_figures(tmp_path: Path) -> None:
    empty = {"expiring": 0, "expired": 0, "undated": 0, "total": 0}
    assert evidence_figures(LocalStore(tmp_path / "s"), date(2026, 11, 22)) == empty


def test_a_record_with_no_readable_expiry_date_is_counted_as_undated_and_the_others_still_count(tmp_path: Path) -> None:
    # One value that is no xsd:date made both sums an error: the tiles said nothing was expiring or expired.
    store = LocalStore(tmp_path / "s")
    odd = (f'<urn:e:odd> <{CG}validUntil> "soon" .\n'
           f'<urn:e:time> <{CG}validUntil> "2026-11-30T00:00:00"^^<http://www.w3.org/2001/XMLSchema#dateTime> .\n')
    store.replace_graph("https://example.org/evidence", (RECORDS + odd).encode(), "text/turtle")
    assert evidence_figures(store, date(2026, 11, 22)) == {"expiring": 2, "expired": 1, "undated": 2, "total": 7}


def test_a_record_whose_date_two_graphs_hold_is_one_record(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "s")
    store.replace_graph("https://example.org/evidence", RECORDS.encode(), "text/turtle")
    store.replace_graph("https://example.org/copy", f'<urn:e:expired> <{CG}validUntil> "2026-11-21"{D} .\n'.encode(),
                        "text/turtle")
    assert evidence_figures(store, date(2026, 11, 22)) == {"expiring": 2, "expired": 1, "undated": 0, "total": 5}
