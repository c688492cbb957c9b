"""The SSSOM files compgraph ships and writes are valid SSSOM: sssom-py reads every row, validates the
set (schema, prefix map completeness, CURIE format) and converts it to RDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS

from compgraph.graph import catalog
from compgraph.graph.namespaces import CGR
from compgraph.legal import review as rv

REPO = Path(__file__).resolve().parents[2]
CROSSWALK = REPO / "mappings" / "crosswalk.sssom.tsv"

pytest.importorskip("sssom", reason="sssom-py is in the test extra")


def _data_rows(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return sum(1 for ln in lines if ln.strip() and not ln.startswith("#")) - 1  # minus the column header


def _check_with_sssom_py(path: Path) -> tuple[int, dict[str, object], int]:
    """(rows sssom-py kept, its metadata, mapping axioms in its RDF); raises if validation finds an error."""
    from sssom.parsers import parse_sssom_table
    from sssom.validators import validate
    from sssom.writers import to_rdf_graph

    msdf = parse_sssom_table(path)
    validate(msdf, fail_on_error=True)  # raises on any schema, prefix-map or CURIE error
    rdf = to_rdf_graph(msdf)
    return len(msdf.df), dict(msdf.metadata), len(set(rdf.subjects(RDF.type, OWL.Axiom)))


def _review_file(tmp_path: Path) -> Path:
    decisions = [
        rv.Decision("PSA-2-01", "CTL-HO-01", "accept", "skos:broadMatch", "Ada Lovelace", "2026-01-02", None, "same"),
        rv.Decision("PSA-7-01", "CTL-IA-01", "reject", "skos:exactMatch", "Zoë Ünal", "2026-01-03"),
        rv.Decision("PSA-8-01", "CTL-BT-01", "suggested", "skos:relatedMatch", "compgraph-suggest", "2026-01-02", 0.4),
    ]
    path = tmp_path / "review-psa.sssom.tsv"
    path.write_text(rv.render_sssom("psa", decisions), encoding="utf-8")
    return path


def test_the_shipped_crosswalk_validates_and_converts_to_rdf_with_sssom_py() -> None:
    rows, meta, axioms = _check_with_sssom_py(CROSSWALK)
    assert rows == _data_rows(CROSSWALK) > 400  # no row dropped
    assert axioms == rows
    assert meta["mapping_set_version"]


def test_a_review_file_validates_and_converts_to_rdf_with_sssom_py(tmp_path: Path) -> None:
    path = _review_file(tmp_path)
    rows, meta, axioms = _check_with_sssom_py(path)
    assert rows == _data_rows(path) == 3  # free-text reviewer names no longer make sssom-py drop rows
    assert axioms == 3
    assert meta["mapping_set_version"] == "2026-01-03"
    assert meta["creator_label"] == ["Ada Lovelace", "compgraph-suggest", "Zoë Ünal"]


def test_a_review_file_keeps_the_reviewer_s_name_as_author_label_and_reads_back(tmp_path: Path) -> None:
    path = _review_file(tmp_path)
    _, rows = catalog.read_sssom(path)
    assert [(r.author, r.author_label) for r in rows] == [
        ("cgagent:ada-lovelace", "Ada Lovelace"),
        ("cgagent:zoe-unal", "Zoë Ünal"),
        ("cgagent:compgraph-suggest", "compgraph-suggest"),
    ]
    assert [d.author for d in rv.read_review(path)] == ["Ada Lovelace", "Zoë Ünal", "compgraph-suggest"]


def test_a_mapping_s_creator_is_an_agent_named_by_author_label(tmp_path: Path) -> None:
    g = catalog.mappings_graph(_review_file(tmp_path))
    ada = URIRef(f"{CGR}agent/ada-lovelace")
    assert (ada, RDF.type, PROV.Agent) in g and (ada, RDFS.label, Literal("Ada Lovelace")) in g
    assert set(g.objects(None, DCTERMS.creator)) == {ada, URIRef(f"{CGR}agent/compgraph-suggest")}
    assert not [o for o in g.objects(None, DCTERMS.creator) if isinstance(o, Literal)]


def test_the_crosswalk_s_creator_is_an_agent_from_its_declared_prefix() -> None:
    g = catalog.mappings_graph(CROSSWALK)
    team = URIRef(f"{CGR}agent/team")
    assert set(g.objects(None, DCTERMS.creator)) == {team}
    assert (team, RDFS.label, Literal("compgraph team")) in g  # named by the set's creator_label


def _shipped_rows() -> list[dict[str, str]]:
    import csv

    lines = [ln for ln in CROSSWALK.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_every_shipped_crosswalk_row_has_a_justification_of_its_own_a_reviewer_and_a_date() -> None:
    # Issue #15's review found one stock comment on 26 rows: a justification shared by rows justifies none of them.
    rows = _shipped_rows()
    comments = [r["comment"].strip() for r in rows]
    assert len(rows) > 600 and all(comments) and len(set(comments)) == len(comments)
    assert all(r["reviewer_id"] and r["reviewer_label"] and r["mapping_date"] for r in rows)


def test_a_crosswalk_row_s_confidence_is_not_read_off_its_predicate() -> None:
    # The same review found confidence set by the predicate alone (every broadMatch 0.85): then it says nothing.
    by_predicate: dict[str, set[str]] = {}
    for r in _shipped_rows():
        by_predicate.setdefault(r["predicate_id"], set()).add(r["confidence"])
    assert all(len(v) > 1 for v in by_predicate.values()), by_predicate
