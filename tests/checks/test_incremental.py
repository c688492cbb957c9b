"""Incremental validation finds exactly what a full run finds, after each of a sequence of random changes."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from rdflib import Graph

from compgraph.checks.incremental import STATE, query_id, validate_incremental
from compgraph.checks.shapes import load_shapes
from compgraph.checks.sparql.plan import plan_each
from compgraph.checks.sparqldeps import needs_of
from compgraph.checks.validate import validate_store
from compgraph.graph import evidence as ev
from compgraph.graph.build import build
from compgraph.graph.namespaces import CG, graph_iri
from compgraph.graph.store import LocalStore

AS_OF = date(2026, 11, 22)
ORG = graph_iri("organisation", "mozart")
CROSSWALK = graph_iri("crosswalk")
RISKS = [CG.RiskHigh, CG.RiskMedium, CG.RiskLow, CG.RiskMinimal, CG.RiskLimited]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LocalStore:
    """A demo store of this module's own to change: a copy of the suite's shared one, open and compacting in
    the background, once lost a table file in the middle of the copy."""
    s = LocalStore(tmp_path_factory.mktemp("incremental") / "store")
    build(s)
    return s


def _ids(store: LocalStore, cls: str) -> list[str]:
    rows = store.select(f"SELECT ?id WHERE {{ ?x a cg:{cls} ; dcterms:identifier ?id }} ORDER BY ?id").rows
    return [str(r[0]) for r in rows]


def _rewrite(store: LocalStore, graph: str, change) -> None:  # noqa: ANN001
    g = Graph()
    g.parse(data=store.export("application/n-triples", graph), format="nt")
    change(g)
    store.replace_graph(graph, g.serialize(format="nt", encoding="utf-8"))


def add_evidence(store: LocalStore, rnd: random.Random, n: int) -> None:
    until = AS_OF + timedelta(days=rnd.choice([-30, 1, 365]))
    item = ev.Item(f"ev-random-{n}", "random evidence", rnd.choice(_ids(store, "Control")),
                   rnd.choice(_ids(store, "AISystem")), until, AS_OF - timedelta(days=60), "0" * 64)
    ev.add(store, item)


def renew_evidence(store: LocalStore, rnd: random.Random, n: int) -> None:
    old = ev.previous(store, rnd.choice(_ids(store, "Evidence")))
    until = AS_OF + timedelta(days=rnd.choice([-1, 400]))
    ev.add(store, ev.Item(f"ev-renewed-{n}", old.label, old.control, old.concerns, until, AS_OF - timedelta(days=1),
                          "1" * 64, revises=old.ident))


def change_risk_level(store: LocalStore, rnd: random.Random, n: int) -> None:
    systems = store.select(f"SELECT ?s WHERE {{ GRAPH <{ORG}> {{ ?s cg:riskLevel ?r }} }} ORDER BY ?s").rows
    system = systems[rnd.randrange(len(systems))][0]

    def change(g: Graph) -> None:
        g.set((system, CG.riskLevel, rnd.choice(RISKS)))

    _rewrite(store, ORG, change)


def accept_mapping(store: LocalStore, rnd: random.Random, n: int) -> None:
    obligations = store.select("SELECT ?o WHERE { ?o a cg:Obligation } ORDER BY ?o").rows
    controls = store.select("SELECT ?c WHERE { ?c a cg:Control } ORDER BY ?c").rows
    o, c = rnd.choice(obligations)[0], rnd.choice(controls)[0]

    def change(g: Graph) -> None:
        g.add((o, CG.satisfiedBy, c))

    _rewrite(store, CROSSWALK, change)


def drop_mapping(store: LocalStore, rnd: random.Random, n: int) -> None:
    def change(g: Graph) -> None:
        links = sorted(g.triples((None, CG.satisfiedBy, None)))
        g.remove(rnd.choice(links))

    _rewrite(store, CROSSWALK, change)


CHANGES = [add_evidence, renew_evidence, change_risk_level, accept_mapping, drop_mapping]


def test_after_each_random_change_the_incremental_findings_are_the_full_runs(store: LocalStore) -> None:
    shapes = load_shapes()
    rnd = random.Random(18)
    first = validate_incremental(store, AS_OF, shapes, save=False)
    assert first.why_full  # nothing kept yet
    partial = 0
    for n, change in enumerate(rnd.sample(CHANGES, len(CHANGES))):
        change(store, rnd, n)
        full = validate_store(store, AS_OF, shapes, save=False)
        inc = validate_incremental(store, AS_OF, shapes, save=False)
        assert not inc.why_full, inc.why_full
        assert inc.outcome.findings == full.findings, f"after {change.__name__}"
        assert inc.outcome.conforms == full.conforms
        partial += inc.rerun < inc.queries
    assert partial >= 3  # most changes re-run only part of the plan


def test_a_different_date_is_a_full_run(store: LocalStore) -> None:
    shapes = load_shapes()
    validate_incremental(store, AS_OF, shapes, save=False)
    again = validate_incremental(store, AS_OF + timedelta(days=1), shapes, save=False)
    assert again.why_full.startswith("the last run was as of")


def test_a_querys_id_is_its_text_whatever_the_order_of_its_prefix_lines() -> None:
    # A SPARQL constraint's PREFIX lines come from a set: their order changes from one process to the next, and
    # an id that followed it would make every command-line run a full one ("the shapes changed").
    shapes = load_shapes()
    q = next(q for q in plan_each(shapes, as_written_data=False).queries if q.sparql.count("PREFIX") > 1)
    lines = q.sparql.splitlines()
    head, body = [x for x in lines if x.startswith("PREFIX")], [x for x in lines if not x.startswith("PREFIX")]
    assert query_id(shapes, replace(q, sparql="\n".join(head[::-1] + body))) == query_id(shapes, q)
    assert query_id(shapes, replace(q, sparql=q.sparql.replace("SELECT", "SELECT DISTINCT", 1))) != query_id(shapes, q)


BLANK_FOCUS_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<urn:x:S> a sh:NodeShape ; sh:targetSubjectsOf <urn:x:p> ; sh:property [ sh:path <urn:x:p> ; sh:datatype xsd:integer ] .
"""


def test_a_kept_row_naming_a_blank_node_is_read_back_as_that_blank_node(tmp_path: Path) -> None:
    shapes = Graph().parse(data=BLANK_FOCUS_SHAPES, format="turtle")
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b'_:b <urn:x:p> "not a number" .\n')
        validate_incremental(s, AS_OF, shapes, save=False)
        s.replace_graph("urn:x:other", b"<urn:x:a> <urn:x:q> <urn:x:b> .\n")  # nothing the shape reads
        inc = validate_incremental(s, AS_OF, shapes, save=False)
        assert (inc.why_full, inc.rerun) == ("", 0)  # the finding comes from the kept rows
        full = validate_store(s, AS_OF, shapes, save=False)
        assert len(full.findings) == 1 and inc.outcome.findings == full.findings


@pytest.mark.parametrize(
    ("query", "predicates", "anything", "any_class"),
    [
        ("SELECT ?this WHERE { ?this cg:riskLevel cg:RiskHigh . FILTER NOT EXISTS { ?this cg:x/cg:y ?c } }",
         {"riskLevel", "x", "y"}, False, False),
        ("SELECT ?this WHERE { ?this ?p ?o }", set(), True, False),
        ("SELECT ?this WHERE { ?this !cg:a ?o }", set(), True, False),
        ("SELECT ?this WHERE { ?this a ?cls ; cg:name 'x'@en }", {"name"}, False, True),
        ("SELECT ?this WHERE { ?this a cg:System ; cg:p [ cg:q ?v ] . FILTER(?v > 3) }", {"p", "q"}, False, False),
        ("SELECT ?this WHERE { ?this (cg:a|^cg:b)* ?v }", {"a", "b"}, False, False),
        # after a group, a filter or a language tag the next pattern starts at its subject again
        ("SELECT ?this WHERE { ?this cg:p ?o { ?o cg:q ?v } ?this cg:r ?w }", {"p", "q", "r"}, False, False),
        ("SELECT ?this WHERE { ?this cg:p ?o FILTER(?o > 1) . ?this cg:q ?v }", {"p", "q"}, False, False),
        ("SELECT ?this WHERE { ?this cg:name 'x'@en ; cg:label ?l }", {"name", "label"}, False, False),
    ],
)
def test_a_query_depends_on_the_predicates_it_names(query: str, predicates: set[str], anything: bool,
                                                   any_class: bool) -> None:
    needs = needs_of(query, {"cg": str(CG)})
    assert {str(CG[p]) for p in predicates} <= needs.iris
    assert needs.any_predicate is anything
    assert needs.any_class is any_class


def _cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compgraph.cli", "--store", str(root), "validate", "--as-of", AS_OF.isoformat(),
         "--no-save", "--format", "json", *args],
        capture_output=True, text=True, timeout=600,
    )


def _findings(out: str) -> list[tuple[str, str, str]]:
    return sorted((f["severity"], f["focus"], f["message"]) for f in json.loads(out)["findings"])


def test_validate_incremental_on_the_command_line_says_what_ran_and_finds_what_validate_finds(
    store: LocalStore,
) -> None:
    root = store.root
    store.close()  # the last test of the module: the commands below open the store themselves
    first, plain = _cli(root, "--incremental"), _cli(root)
    again = _cli(root, "--incremental")
    assert first.returncode == plain.returncode == again.returncode, first.stderr + again.stderr
    assert "incremental: ran 0 of" in again.stderr
    assert _findings(again.stdout) == _findings(plain.stdout) == _findings(first.stdout)


def test_validate_incremental_with_pyshacl_is_refused_in_one_line(tmp_path: Path) -> None:
    proc = _cli(tmp_path / "none", "--incremental", "--engine", "pyshacl")
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()
    assert "--incremental" in line and "SPARQL engine" in line


def _algebra_needs(text: str) -> tuple[set[str], bool, bool]:
    """What rdflib's own parse of the query says it matches: the reference the token reader is held to."""
    from rdflib import URIRef, Variable
    from rdflib.namespace import RDF
    from rdflib.paths import NegatedPath
    from rdflib.paths import Path as RdfPath
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    from compgraph.graph.namespaces import sparql_prefixes

    iris: set[str] = set()
    flags = {"any_predicate": False, "any_class": False}

    def path_iris(p: object) -> set[str]:
        if isinstance(p, URIRef):
            return {str(p)}
        if isinstance(p, NegatedPath) or not isinstance(p, RdfPath):
            flags["any_predicate"] = True
            return set()
        parts = [*getattr(p, "args", []), *[getattr(p, a) for a in ("path", "arg") if hasattr(p, a)]]
        return set().union(*(path_iris(x) for x in parts))

    def walk(node: object) -> None:
        if isinstance(node, URIRef):
            iris.add(str(node))
        elif isinstance(node, dict):
            if getattr(node, "name", "") == "BGP":
                for _s, p, o in node.get("triples") or []:
                    names = path_iris(p)
                    iris.update(names)
                    flags["any_class"] |= str(RDF.type) in names and isinstance(o, Variable)
            for v in node.values():
                walk(v)
        elif isinstance(node, (list, tuple)):
            for v in node:
                walk(v)

    walk(translateQuery(parseQuery(sparql_prefixes() + text)).algebra)
    return iris, flags["any_predicate"], flags["any_class"]


def test_the_token_reader_misses_nothing_rdflibs_parse_of_a_shipped_query_finds() -> None:
    import re

    from compgraph.checks.sparql.plan import plan_each
    from compgraph.graph.namespaces import sparql_prefixes

    prefixes = dict(re.findall(r"PREFIX\s+([\w-]*):\s*<([^>]*)>", sparql_prefixes()))
    queries = plan_each(load_shapes(), as_written_data=False).queries
    texts = sorted({t for q in queries for t in (q.sparql, q.few_sparql, q.repeat_sparql) if t})
    for text in random.Random(18).sample(texts, 8):  # all of them agree, but rdflib takes 0.2 s a query
        iris, any_predicate, any_class = _algebra_needs(text)
        ours = needs_of(text, prefixes)
        assert iris <= ours.iris, text
        assert ours.any_predicate or not any_predicate, text
        assert ours.any_predicate or ours.any_class or not any_class, text


def test_a_kept_state_file_missing_a_field_means_a_full_run_not_a_traceback(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", b"<urn:x:n> <urn:x:p> <urn:x:o> .\n")
        validate_incremental(s, AS_OF, save=False)
        path = s.root / STATE
        doc = json.loads(path.read_text(encoding="utf-8"))
        del doc["sigs"]
        path.write_text(json.dumps(doc), encoding="utf-8")
        run = validate_incremental(s, AS_OF, save=False)
    assert run.why_full == "no earlier run kept beside the store"
