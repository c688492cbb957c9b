"""A validUntil that is no date ("soon", "2027-13-01") proves nothing current and hides nothing: the canned question
"Controls with no or expired evidence" reads only dates, as coverage does. The MAX over all values let "soon" outrank
every real date, so a control whose evidence had all expired vanished from both of the question's lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from compgraph.graph.store import LocalStore
from compgraph.questions.queries import run_query
from compgraph.scale.bench import RdflibStore

CG = "https://w3id.org/compgraph/ontology#"
ID = "http://purl.org/dc/terms/identifier"
DATE = "^^<http://www.w3.org/2001/XMLSchema#date>"


def _answer(tmp_path: Path, first: str, second: str, rdflib: bool = False) -> list[tuple[str, str]]:
    nt = (
        f'<urn:sys> <{CG}implementsControl> <urn:ctl> .\n<urn:sys> <{ID}> "SYS" .\n<urn:ctl> <{ID}> "CTL" .\n'
        f"<urn:e1> <{CG}concerns> <urn:sys> .\n<urn:e1> <{CG}evidenceFor> <urn:ctl> .\n"
        f"<urn:e1> <{CG}validUntil> {first} .\n"
        f"<urn:e2> <{CG}concerns> <urn:sys> .\n<urn:e2> <{CG}evidenceFor> <urn:ctl> .\n"
        f"<urn:e2> <{CG}validUntil> {second} .\n"
    )
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:g", nt.encode())
        where = RdflibStore(s.to_graph()) if rdflib else s
        rows = run_query(where, "controls-without-current-evidence", {"as_of": "2026-11-22"}, keep=False).rows
    return [(str(r[4]), str(r[5])) for r in rows]


# Both engines: the question must stay plain SPARQL 1.1 that rdflib answers the same (test_query_equivalence.py).
ENGINES = pytest.mark.parametrize("rdflib", [False, True], ids=["oxigraph", "rdflib"])


@ENGINES
@pytest.mark.parametrize("odd", ['"soon"', '"2027-13-01"', '"31/12/2099"'])
def test_an_unreadable_expiry_beside_an_expired_one_leaves_the_control_expired(
    tmp_path: Path, odd: str, rdflib: bool
) -> None:
    assert _answer(tmp_path, f'"2020-01-01"{DATE}', odd, rdflib) == [("expired", "2020-01-01")]


@ENGINES
def test_evidence_with_only_unreadable_expiry_dates_is_no_evidence(tmp_path: Path, rdflib: bool) -> None:
    assert _answer(tmp_path, '"never"', '"soon"', rdflib) == [("no evidence", "None")]


@ENGINES
def test_a_current_record_still_covers_the_control(tmp_path: Path, rdflib: bool) -> None:
    assert _answer(tmp_path, f'"2020-01-01"{DATE}', f'"2099-01-01"{DATE}', rdflib) == []


def test_an_ill_formed_typed_date_is_not_a_date(tmp_path: Path) -> None:
    # Oxigraph only: rdflib 7 compares an ill-formed "2027-13-45"^^xsd:date as a date (after every real one).
    assert _answer(tmp_path, f'"2020-01-01"{DATE}', f'"2027-13-45"{DATE}') == [("expired", "2020-01-01")]
