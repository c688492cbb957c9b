"""The bit-set coverage counts equal what tracing every system and obligation one by one gives."""

from __future__ import annotations

from datetime import date

import pytest

from compgraph.graph.store import LocalStore
from compgraph.questions import coverage as cv
from compgraph.questions import trace as tr
from compgraph.questions.impact import binding
from compgraph.scale import generate as gen

AS_OF = date(2026, 11, 22)


@pytest.fixture(scope="module", params=[1, 4], ids=["seed1", "seed4"])
def generated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    store = LocalStore(tmp_path_factory.mktemp(f"gen-coverage-{request.param}"))
    gen.load_into(store, gen.Spec.parse("small", seed=request.param))
    return store


def traced_counts(store: LocalStore, as_of: date) -> dict[str, dict[str, int]]:
    """Per system id: its binding obligations by status, from trace.trace_system (the reference)."""
    out = {}
    for (sid,) in store.select("SELECT ?id WHERE { ?s a cg:AISystem ; dcterms:identifier ?id }").rows:
        t = tr.trace_system(store, str(sid), as_of)
        out[t.id] = {st: sum(1 for o in t.obligations if o.status == st) for st in cv.STATUSES}
    return out


def traced_obligation_statuses(store: LocalStore, as_of: date) -> dict[str, str]:
    iris = [str(r[0]) for r in store.select("SELECT ?o WHERE { ?o a cg:Obligation }").rows]
    links = tr._mappings(store, iris)
    impls = tr._implementations(store, sorted({c.iri for ls in links.values() for c in ls}), as_of)
    out = {}
    for o in iris:
        for c in links.get(o, []):
            c.implementations = impls.get(c.iri, [])
        out[o] = tr._status(links.get(o, []))
    return out


@pytest.mark.parametrize("as_of", [AS_OF, date(2027, 6, 1)], ids=["today", "later"])
def test_system_counts_equal_the_traces_on_the_demo(demo_store: LocalStore, as_of: date) -> None:
    assert cv.compute(demo_store, as_of).by_system == traced_counts(demo_store, as_of)


def test_system_counts_equal_the_traces_on_generated_organisations(generated: LocalStore) -> None:
    assert cv.compute(generated, AS_OF).by_system == traced_counts(generated, AS_OF)


def test_binding_counts_equal_impact_binding(generated: LocalStore) -> None:
    cov = cv.compute(generated, AS_OF)
    binds = binding(generated)
    expected = {s.iri: len(binds.get(s.iri, ())) for s in cov.systems}
    assert {s.iri: sum(s.counts.values()) for s in cov.systems} == expected


def test_obligation_statuses_equal_the_traces(demo_store: LocalStore, generated: LocalStore) -> None:
    for store in (demo_store, generated):
        assert cv.compute(store, AS_OF).obligation_status == traced_obligation_statuses(store, AS_OF)


def test_document_and_risk_totals_add_up_to_the_system_counts(generated: LocalStore) -> None:
    cov = cv.compute(generated, AS_OF)
    for st in cv.STATUSES:
        per_system = sum(c[st] for c in cov.by_system.values())
        assert sum(c[st] for c in cov.by_document.values()) == per_system
        assert sum(c[st] for c in cov.by_risk.values()) == per_system


def test_worst_status_is_the_lowest_present(demo_store: LocalStore) -> None:
    cov = cv.compute(demo_store, AS_OF)
    for s in cov.systems:
        present = [st for st in cv.STATUSES if s.counts[st]]
        assert cov.worst(s.iri) == (present[0] if present else None)
    assert any(s.worst not in (None, tr.COVERED) for s in cov.systems)  # the demo's planted gaps


def _mappings_as_one_query(store: LocalStore, obligations: list[str]) -> dict[str, list[tuple]]:
    """trace._mappings before it was split in two flat queries: the reference formulation."""
    res = store.select(f"""
        SELECT ?o ?c ?cid ?clabel ?rel ?why WHERE {{
          VALUES ?o {{ {tr._values(obligations)} }}
          ?o cg:satisfiedBy ?c . ?c dcterms:identifier ?cid ; rdfs:label ?clabel .
          OPTIONAL {{ ?m cg:mappingSubject ?o ; cg:mappingObject ?c ; cg:mappingPredicate ?rel .
                      OPTIONAL {{ ?m rdfs:comment ?why }} }}
        }} ORDER BY ?o ?cid""")
    out: dict[str, list[tuple]] = {}
    for o, c, cid, clabel, rel, why in res.rows:
        links = out.setdefault(str(o), [])
        if not any(link[0] == str(c) for link in links):
            links.append((str(c), str(cid), str(clabel), tr.shorten(str(rel)) if rel else "", str(why or "")))
    return out


def test_trace_mappings_equal_the_single_query_formulation(demo_store: LocalStore, generated: LocalStore) -> None:
    for store in (demo_store, generated):
        iris = [str(r[0]) for r in store.select("SELECT ?o WHERE { ?o a cg:Obligation }").rows]
        got = {
            o: [(c.iri, c.id, c.label, c.relation, c.justification) for c in links]
            for o, links in tr._mappings(store, iris).items()
        }
        assert got == _mappings_as_one_query(store, iris)
