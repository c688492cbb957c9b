"""The documents list: obligations counted per document in a sub-select, the same rows as grouping every row."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.web.webfixture import browser_store

from compgraph.graph.store import LocalStore
from compgraph.web import model

# The plain form the list was first written as: grouped over every joined row.
GROUPED = """
    SELECT ?d ?id ?title ?kind ?version (COUNT(DISTINCT ?o) AS ?n) WHERE {
      ?cls rdfs:subClassOf* cg:SourceDocument . ?d a ?cls ; dcterms:identifier ?id .
      FILTER(?cls != cg:SourceDocument || NOT EXISTS { ?d a ?sub . ?sub rdfs:subClassOf cg:SourceDocument })
      OPTIONAL { ?d rdfs:label ?title } OPTIONAL { ?d cg:documentVersion ?version }
      OPTIONAL { ?o cg:fromDocument ?d }
      BIND(REPLACE(STR(?cls), "^.*#", "") AS ?kind)
    } GROUP BY ?d ?id ?title ?kind ?version ORDER BY ?id"""

CG = "https://w3id.org/compgraph/ontology#"
EDGES = f"""
<{CG}Regulation> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <{CG}SourceDocument> .
<urn:d:empty> a <{CG}Regulation> ; <http://purl.org/dc/terms/identifier> "a-empty" .
<urn:d:two> a <{CG}Regulation> ; <http://purl.org/dc/terms/identifier> "b-two" ;
  <http://www.w3.org/2000/01/rdf-schema#label> "First title", "Second title" ; <{CG}documentVersion> "2" .
<urn:o:1> <{CG}fromDocument> <urn:d:two> . <urn:o:2> <{CG}fromDocument> <urn:d:two> .
<urn:o:3> <{CG}fromDocument> <urn:d:nowhere> .
"""


def _grouped(store: LocalStore) -> list[tuple[str, str, int]]:
    seen: dict[str, tuple[str, str, int]] = {}
    for d, ident, title, _kind, _version, n in store.select(GROUPED).rows:
        seen.setdefault(str(d), (str(ident), str(title or ident), int(n)))
    return list(seen.values())


def _listed(store: LocalStore) -> list[tuple[str, str, int]]:
    return [(d["id"], d["title"], d["obligations"]) for d in model.documents(store)]


def test_the_demo_documents_are_counted_as_grouping_every_row_counts_them(tmp_path: Path) -> None:
    store, _ = browser_store(tmp_path / "store")
    assert _listed(store) == _grouped(store)
    assert all(n > 0 for _, _, n in _listed(store))


@pytest.fixture
def edges(tmp_path: Path) -> LocalStore:
    store = LocalStore(tmp_path / "s")
    store.replace_graph("https://example.org/docs", EDGES.encode(), "text/turtle")
    return store


def test_a_document_without_obligations_counts_none(edges: LocalStore) -> None:
    assert ("a-empty", "a-empty", 0) in _listed(edges)


def test_a_document_with_two_titles_is_listed_once_with_all_its_obligations(edges: LocalStore) -> None:
    assert [row for row in _listed(edges) if row[0] == "b-two"] == [r for r in _grouped(edges) if r[0] == "b-two"]
    assert [row[2] for row in _listed(edges) if row[0] == "b-two"] == [2]
