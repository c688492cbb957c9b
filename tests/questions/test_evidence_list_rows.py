"""The evidence list's rows from the index a write updates in part (questions.evidencelist) are the rows of its
one SPARQL query: on a small store with the cases easy to get wrong, and after each kind of write.

A base graph holds an organisation, a system, an owner team with two names, and controls; another graph the
items: several for one control (one ending on the as-of date, one the day before, one about the organisation),
one for a control without an id, none for another control; items without a title, with two titles, without an
id, one renewed twice, one about a plain name, one whose end is a date and a word. A write to one graph must
reach the rows the other graph's items make. Coverage's latest end per (implementer, control) comes from the same
index; it is held to coverage's query the same way.
"""

from __future__ import annotations

from datetime import date

import pytest

from compgraph.graph import evidence as ev
from compgraph.graph.store import LocalStore
from compgraph.questions import coverage as cv
from compgraph.questions import evidencelist as evl

AS_OF = date(2026, 11, 22)
BASE_GRAPH = "https://w3id.org/compgraph/graph/base"
ITEMS_GRAPH = "https://w3id.org/compgraph/graph/items"
PREFIXES = """
@prefix cg: <https://w3id.org/compgraph/ontology#> .
@prefix cgr: <https://w3id.org/compgraph/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
BASE = PREFIXES + """
cgr:organisation\\/o a cg:Organisation ; dcterms:identifier "o" ; rdfs:label "O" .
cgr:system\\/s a cg:AISystem ; dcterms:identifier "s" ; cg:operatedBy cgr:organisation\\/o .
cgr:team\\/t rdfs:label "Team T", "Audit team" .
cgr:control\\/C1 a cg:Control ; dcterms:identifier "C1" .
cgr:control\\/C2 a cg:Control ; dcterms:identifier "C2" .
cgr:control\\/C-no-id a cg:Control .
"""
ITEMS = PREFIXES + """
cgr:evidence\\/ev-today a cg:Evidence ; dcterms:identifier "ev-today" ; rdfs:label "Ends on the as-of date" ;
    cg:evidenceFor cgr:control\\/C1 ; cg:concerns cgr:system\\/s ; prov:wasAttributedTo cgr:team\\/t ;
    dcterms:issued "2025-11-22"^^xsd:date ; cg:validUntil "2026-11-22"^^xsd:date .
cgr:evidence\\/ev-yesterday a cg:Evidence ; dcterms:identifier "ev-yesterday" ; rdfs:label "Ended the day before" ;
    cg:evidenceFor cgr:control\\/C1 ; cg:concerns cgr:system\\/s ; cg:validUntil "2026-11-21"^^xsd:date .
cgr:evidence\\/ev-org a cg:Evidence ; dcterms:identifier "ev-org" ; rdfs:label "About the organisation" ;
    cg:evidenceFor cgr:control\\/C1 ; cg:concerns cgr:organisation\\/o ; cg:validUntil "2027-01-01"^^xsd:date .
cgr:evidence\\/ev-untitled a cg:Evidence ; dcterms:identifier "ev-untitled" ;
    cg:evidenceFor cgr:control\\/C-no-id ; cg:concerns cgr:system\\/s ; cg:validUntil "2027-01-01"^^xsd:date .
cgr:evidence\\/ev-two-titles a cg:Evidence ; dcterms:identifier "ev-two-titles" ; rdfs:label "Zeta", "Alpha" ;
    cg:evidenceFor cgr:control\\/C1 ; cg:concerns cgr:system\\/s ; cg:validUntil "2027-01-01"^^xsd:date .
cgr:evidence\\/ev-literal a cg:Evidence ; dcterms:identifier "ev-literal" ; rdfs:label "Concerns a name" ;
    cg:evidenceFor cgr:control\\/C1 ; cg:concerns "s" ; cg:validUntil "2027-03-01"^^xsd:date .
cgr:evidence\\/ev-soon a cg:Evidence ; dcterms:identifier "ev-soon" ; rdfs:label "Two ends, one a word" ;
    cg:evidenceFor cgr:control\\/C1 ; cg:concerns cgr:system\\/s ; cg:validUntil "soon", "2027-02-01"^^xsd:date .
cgr:evidence\\/no-id a cg:Evidence ; rdfs:label "Has no id" ; cg:evidenceFor cgr:control\\/C1 .
cgr:evidence\\/ev-old a cg:Evidence ; dcterms:identifier "ev-old" ; cg:evidenceFor cgr:control\\/C1 ;
    cg:concerns cgr:system\\/s ; cg:validUntil "2026-01-01"^^xsd:date .
cgr:evidence\\/ev-renewal-b a cg:Evidence ; dcterms:identifier "ev-renewal-b" ;
    prov:wasRevisionOf cgr:evidence\\/ev-old ;
    cg:evidenceFor cgr:control\\/C1 ; cg:concerns cgr:system\\/s ; cg:validUntil "2027-01-01"^^xsd:date .
cgr:evidence\\/ev-renewal-a a cg:Evidence ; dcterms:identifier "ev-renewal-a" ;
    prov:wasRevisionOf cgr:evidence\\/ev-old ;
    cg:evidenceFor cgr:control\\/C1 ; cg:concerns cgr:system\\/s ; cg:validUntil "2027-01-02"^^xsd:date .
"""


@pytest.fixture
def store(empty_store: LocalStore) -> LocalStore:
    empty_store.replace_graph(BASE_GRAPH, BASE.encode(), "text/turtle")
    empty_store.replace_graph(ITEMS_GRAPH, ITEMS.encode(), "text/turtle")
    return empty_store


def by_id(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {r["id"]: r for r in rows}


def test_the_index_gives_the_query_rows(store: LocalStore) -> None:
    index = evl.EvidenceIndex()
    assert evl.rows(store, index) == evl.query_rows(store)


def test_the_index_gives_coverages_latest_dates(store: LocalStore) -> None:
    index = evl.EvidenceIndex()
    assert evl.latest(store, index) == cv.latest_until(store)


def test_a_date_with_a_time_zone_leaves_the_latest_dates_to_the_query(store: LocalStore) -> None:
    text = ITEMS.replace('"2027-02-01"^^xsd:date', '"2027-02-01+14:00"^^xsd:date')
    store.replace_graph(ITEMS_GRAPH, text.encode(), "text/turtle")
    assert evl.latest(store, evl.EvidenceIndex()) is None


def test_every_item_with_an_id_is_listed_once_and_the_rest_not(store: LocalStore) -> None:
    rows = evl.rows(store, evl.EvidenceIndex())
    ids = [r["id"] for r in rows]
    assert ids == sorted(set(ids))
    assert "Has no id" not in {r["label"] for r in rows}
    assert {"ev-today", "ev-yesterday", "ev-org"} <= set(ids), "several items for one control are each a row"
    assert "C2" not in {r["control"] for r in rows}, "a control without evidence has no row"


def test_an_item_without_a_title_shows_its_id(store: LocalStore) -> None:
    assert by_id(evl.rows(store, evl.EvidenceIndex()))["ev-untitled"]["label"] == "ev-untitled"


def test_a_control_without_an_id_leaves_the_control_empty(store: LocalStore) -> None:
    row = by_id(evl.rows(store, evl.EvidenceIndex()))["ev-untitled"]
    assert (row["control"], row["control_iri"]) == ("", "")


def test_of_two_values_both_ways_take_the_smallest(store: LocalStore) -> None:
    for rows in (evl.rows(store, evl.EvidenceIndex()), evl.query_rows(store)):
        assert by_id(rows)["ev-two-titles"]["label"] == "Alpha"
        assert by_id(rows)["ev-today"]["owner"] == "Audit team"


def test_an_item_renewed_twice_names_the_first_renewal_by_id(store: LocalStore) -> None:
    assert by_id(evl.rows(store, evl.EvidenceIndex()))["ev-old"]["renewed_by"] == "ev-renewal-a"


def _add(store: LocalStore) -> None:
    ev.add(store, ev.Item("ev-added", "Added", "C2", "s", AS_OF, AS_OF, "0" * 64))


def _renew(store: LocalStore) -> None:
    ev.add(store, ev.Item("ev-today-2", "Renewed", "C1", "s", date(2027, 11, 22), AS_OF, "1" * 64, revises="ev-today"))


def _rename_control(store: LocalStore) -> None:
    store.replace_graph(BASE_GRAPH, BASE.replace('"C1"', '"C1-renamed"').encode(), "text/turtle")


def _rename_owner(store: LocalStore) -> None:
    store.replace_graph(BASE_GRAPH, BASE.replace('"Audit team"', '"Team Z"').encode(), "text/turtle")


def _drop_renewal(store: LocalStore) -> None:
    text = ITEMS.replace("prov:wasRevisionOf cgr:evidence\\/ev-old ;", "", 1)
    store.replace_graph(ITEMS_GRAPH, text.encode(), "text/turtle")


def _drop_both_renewals(store: LocalStore) -> None:
    text = ITEMS.replace("prov:wasRevisionOf cgr:evidence\\/ev-old ;", "")
    store.replace_graph(ITEMS_GRAPH, text.encode(), "text/turtle")


def _drop_item_graph(store: LocalStore) -> None:
    store.drop_graph("https://w3id.org/compgraph/graph/evidence/ev-added")


def _into_the_default_graph(store: LocalStore) -> None:
    # compgraph writes named graphs only, and the trail records no other; a store written by other tools may not.
    store.oxigraph.update(
        'INSERT DATA { <https://w3id.org/compgraph/id/evidence/ev-old> <http://purl.org/dc/terms/identifier> "ev-0" }'
    )


WRITES = [
    _add, _renew, _rename_control, _rename_owner, _drop_renewal, _drop_both_renewals, _drop_item_graph,
    _into_the_default_graph,
]


@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.__name__.strip("_"))
def test_after_a_write_the_index_gives_the_query_rows(store: LocalStore, write) -> None:
    index = evl.EvidenceIndex()
    if write is _drop_item_graph:
        _add(store)
    evl.rows(store, index)
    write(store)
    assert evl.rows(store, index) == evl.query_rows(store)
    assert evl.latest(store, index) == cv.latest_until(store)


def test_after_an_item_is_added_no_other_item_is_read_again(store: LocalStore) -> None:
    index = evl.EvidenceIndex()
    before = {r["iri"] for r in evl.rows(store, index)}
    _add(store)
    rows = evl.rows(store, index)
    assert index.full_reads == 1
    assert index.last_reread & before == set()
    assert {r["iri"] for r in rows} - before == {"https://w3id.org/compgraph/id/evidence/ev-added"}


def test_a_graph_written_again_whole_reads_again_only_the_subjects_whose_triples_there_changed(
    store: LocalStore,
) -> None:
    index = evl.EvidenceIndex()
    evl.rows(store, index)
    _rename_owner(store)
    assert evl.rows(store, index) == evl.query_rows(store)
    owner = {str(r[0]) for r in store.select('SELECT ?a WHERE { ?a rdfs:label "Team Z" }').rows}
    # besides the write's own record in the audit trail
    assert {k for k in index.last_reread if "/id/history/" not in k} == owner
