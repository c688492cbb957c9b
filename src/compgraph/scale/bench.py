"""``compgraph bench``: how compgraph scales, next to a plain rdflib + pySHACL baseline measured in the same run.

For each size a synthetic organisation is generated (compgraph.scale.generate) and three child processes
run, one after the other so their memory peaks stay separate and the two cores are never shared:

* ours: generate + load the store, validate (SPARQL engine), canned questions, traces, web pages (each page's
  first view, later views, and its first view after an evidence item is added, as a running server serves it);
* open: open the existing store and answer a first query (a fresh process, as a CLI call would);
* restart (three times): a fresh process opens the store and asks for every page once, as the first visitors of
  a restarted server would: first with nothing kept on disk, then with the pages ``ours`` kept beside the store,
  then after a write no server saw (an evidence item added), with the evidence index and coverage ``ours`` saved
  (``questions.keptstate``) but no page kept for the new state;
* baseline: parse the same triples (N-Triples) into an rdflib Graph, pySHACL with the same shapes, and
  the same questions, traces and pages over that Graph.

Each child prints one JSON object; the parent gathers them into one document (``scale.report``: ``--json``
writes it) and prints the Markdown table made from it, with the ratio baseline/ours.
"""

from __future__ import annotations

import json
import os
import platform
import re
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rdflib import Graph

from compgraph.graph.store import GraphStore, LocalStore, QueryResult
from compgraph.scale import baselines, report
from compgraph.scale.generate import PRESETS

SIZES = PRESETS
AS_OF = date(2026, 11, 22)
QUERY_LIMIT_S = 120  # per baseline step; rdflib cannot be interrupted any other way
VALIDATE_LIMIT_S = 1800
# The baseline's address space, as a share of the machine's memory: rdflib materialises every
# intermediate solution, and one question's join at 100k triples outgrew 24 GB and had the whole
# process killed. Capped, that step fails with MemoryError and is reported like a time-out.
BASELINE_MEMORY_SHARE = 0.6
# Above this no baseline runs at all: rdflib holds every triple as Python objects (its validation-only run at
# 1.1M triples peaked at 4.0 GB and pySHACL was stopped after 300 s), so at xlarge (10M) it would outgrow the
# machine before pySHACL started. The xlarge targets of issue 18 are absolute figures, not ratios.
BASELINE_MAX_TRIPLES = 2_000_000
PAGES = [
    "/",
    "/documents",
    "/obligations",
    "/obligations/{obligation}",
    "/controls",
    "/systems",
    "/systems/{system}",
    "/evidence",
    "/gaps",
    "/impact",
    "/questions",
]

# Used only while the project ships no shapes (ontology/shapes empty), so the benchmark still measures
# real coverage rules; the table says which shapes ran.
FALLBACK_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix cg: <https://w3id.org/compgraph/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix b: <https://w3id.org/compgraph/bench-shapes#> .
b:prefixes sh:declare [ sh:prefix "cg" ; sh:namespace "https://w3id.org/compgraph/ontology#"^^xsd:anyURI ] .
b:Evidence a sh:NodeShape ; sh:targetClass cg:Evidence ;
  sh:property [ sh:path cg:validUntil ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:date ] ;
  sh:property [ sh:path cg:evidenceFor ; sh:class cg:Control ; sh:minCount 1 ] .
b:System a sh:NodeShape ; sh:targetClass cg:AISystem ;
  sh:property [ sh:path cg:riskLevel ; sh:minCount 1 ; sh:maxCount 1 ] ;
  sh:sparql [ a sh:SPARQLConstraint ; rdfs:label "High-risk system without human oversight" ;
    sh:message "high-risk, no human-oversight control" ; sh:prefixes b:prefixes ;
    sh:select \"\"\"SELECT $this WHERE { $this cg:riskLevel cg:RiskHigh .
      FILTER NOT EXISTS { $this cg:operatedBy?/cg:implementsControl ?c .
                          ?c cg:controlType cg:HumanOversight } }\"\"\" ] ;
  sh:sparql [ a sh:SPARQLConstraint ; rdfs:label "Control without current evidence" ;
    sh:message "control {?c} lacks current evidence" ; sh:prefixes b:prefixes ;
    sh:select \"\"\"SELECT $this ?c WHERE { ?run a cg:ValidationRun ; cg:asOf ?asOf . $this cg:implementsControl ?c .
      FILTER NOT EXISTS { ?e cg:evidenceFor ?c ; cg:concerns $this ; cg:validUntil ?d .
                          FILTER(?d >= ?asOf) } }\"\"\" ] .
b:Dataset a sh:NodeShape ; sh:targetClass cg:Dataset ;
  sh:sparql [ a sh:SPARQLConstraint ; sh:message "personal data without legal basis" ; sh:prefixes b:prefixes ;
    sh:select \"\"\"SELECT $this WHERE { $this cg:containsPersonalData true .
      FILTER NOT EXISTS { $this cg:legalBasis ?b } }\"\"\" ] .
"""


def bench_shapes() -> tuple[Graph, str]:
    from compgraph.checks.validate import load_shapes

    shapes = load_shapes()
    if len(shapes):
        return shapes, f"shipped shapes ({len(shapes)} triples)"
    return Graph().parse(data=FALLBACK_SHAPES, format="turtle"), "fallback bench shapes (none shipped yet)"


# --- measuring ----------------------------------------------------------------------------------------


class StepTimeout(BaseException):
    """Not an Exception, so the web app's error handling cannot swallow it."""


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def handler(signum: int, frame: object) -> None:
        raise StepTimeout()

    old = signal.signal(signal.SIGALRM, handler)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def timed(fn: Callable[[], Any], repeat: int = 1, limit: int = QUERY_LIMIT_S) -> float | str:
    """Median seconds of ``repeat`` runs, or a string saying why there is no figure."""
    times = []
    try:
        with time_limit(limit):
            for _ in range(repeat):
                t0 = time.perf_counter()
                fn()
                times.append(time.perf_counter() - t0)
    except StepTimeout:
        return f">{limit}s"
    except Exception as exc:  # a baseline that cannot run a step is reported, not fatal
        return f"error: {type(exc).__name__}: {str(exc)[:80]}"
    return statistics.median(times)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- the rdflib baseline as a GraphStore, so the same trace / question / page code runs on it -------


class RdflibStore(GraphStore):
    """A GraphStore over one in-memory rdflib Graph (the baseline); writes go to named graphs beside it."""

    def __init__(self, graph: Graph) -> None:
        from rdflib import Dataset

        self.graph = graph
        # The same triples seen as a dataset (no copy: the same memory store), for the app's GRAPH queries.
        self.dataset = Dataset(store=graph.store, default_union=True)
        self.location = "rdflib in-memory Graph"

    def query(self, sparql: str, *, timeout: float | None = None, max_results: int | None = None, **_: Any):
        target = self.dataset if re.search(r"\bGRAPH\b", sparql, re.IGNORECASE) else self.graph
        res = target.query(sparql)
        if res.type == "ASK":
            return QueryResult("ASK", boolean=bool(res.askAnswer))
        if res.type == "SELECT":
            variables = [str(v) for v in res.vars]
            return QueryResult("SELECT", variables=variables, rows=[tuple(r) for r in res])
        return QueryResult("CONSTRUCT", triples=list(res))

    def replace_graph(self, graph: str, data: bytes, media_type: str = "application/n-triples") -> int:
        from rdflib import URIRef

        self.dataset.remove_graph(URIRef(graph))
        g = self.dataset.graph(URIRef(graph))
        g.parse(data=data, format="nt" if "n-triples" in media_type else media_type.split("/")[-1])
        return len(g)

    def drop_graph(self, graph: str) -> None:
        from rdflib import URIRef

        self.dataset.remove_graph(URIRef(graph))

    def graph_names(self) -> list[str]:
        return [str(self.graph.identifier)]

    def triple_count(self, graph: str | None = None) -> int:
        return len(self.graph)

    def close(self) -> None:
        pass


# --- the workload, shared by ours and the baseline ---------------------------------------------------


def pick_entities(store: GraphStore) -> dict[str, str]:
    """A system (high-risk where there is one: a small generated sample may have none), a mapped obligation and
    a document to trace, query and show."""
    out = {}
    res = store.select(
        "SELECT ?id WHERE { ?s a cg:AISystem ; dcterms:identifier ?id OPTIONAL { ?s cg:riskLevel ?r } }"
        " ORDER BY DESC(COALESCE(?r = cg:RiskHigh, false)) ?id LIMIT 1"
    )
    out["system"] = str(res.rows[0][0]) if res.rows else ""
    res = store.select(
        "SELECT ?id ?did WHERE { ?o a cg:Obligation ; cg:satisfiedBy ?c ; dcterms:identifier ?id ; cg:fromDocument ?d ."
        " ?d dcterms:identifier ?did } ORDER BY ?id LIMIT 1"
    )
    out["obligation"] = str(res.rows[0][0]) if res.rows else ""
    out["document"] = str(res.rows[0][1]) if res.rows else ""
    return out


def workload(store: GraphStore, entities: dict[str, str], pages: bool = True) -> dict[str, Any]:
    """Time every canned question, the two traces and the main pages on ``store``."""
    from compgraph.questions import trace

    out: dict[str, Any] = {}
    try:
        from compgraph.questions.queries import list_queries, run_query
    except ImportError:
        out["questions_note"] = "compgraph.questions.queries is not available: canned questions skipped"
        list_queries = None  # type: ignore[assignment]
    if list_queries is not None:
        for q in list_queries():
            params = {"as_of": AS_OF.isoformat()} if any(p.name == "as_of" for p in q.params) else {}
            for p in q.params:
                if p.default == "required":
                    params[p.name] = entities.get(p.name, "")
            # keep=False: the query's own time, not a lookup of the answer the first run kept.
            ask = lambda q=q, params=params: run_query(store, q.name, params, keep=False)  # noqa: E731
            out[f"question: {q.name}"] = timed(ask, repeat=3)
            if isinstance(store, LocalStore):  # asked again before a write: the answer kept beside the store
                again = lambda q=q, params=params: run_query(store, q.name, params)  # noqa: E731
                again()
                out[f"question: {q.name} (asked again)"] = timed(again, repeat=3)
    out["trace one system"] = timed(lambda: trace.trace_system(store, entities["system"], AS_OF), repeat=3)
    out["trace one obligation"] = timed(lambda: trace.trace_obligation(store, entities["obligation"], AS_OF), repeat=3)
    if pages:
        out.update(page_times(store, entities))
    return out


def page_times(store: GraphStore, entities: dict[str, str], restart: str = "") -> dict[str, Any]:
    """Cold and warm figures of every page; ``restart`` (a row suffix): only the first request, in a process
    that has just opened an existing store, as a restarted server would ("" for the process that built it)."""
    try:
        from compgraph.web import create_app
    except ImportError as exc:
        return {"pages_note": f"web app not available: {exc}"}
    # As `compgraph serve` runs: pages kept on disk beside the store (the rdflib baseline has no disk).
    disk = restart != RESTART_NO_DISK
    client = create_app(store, {"PAGE_CACHE_DISK": disk}).test_client()
    out: dict[str, Any] = {}
    for url in PAGES:
        get = _request(client, url, entities)
        # The first request fills the app's caches, so both are reported: the first user after a build
        # waits for the cold figure, everyone after for the warm one (median of 3). Only a page whose
        # first request took over half a minute is not repeated: its cold figure stands.
        first = timed(get)
        if restart:
            out[f"page {url} (cold{restart})"] = first
            continue
        out[f"page {url} (cold)"] = first
        out[f"page {url}"] = timed(get, repeat=3) if isinstance(first, float) and first < 30 else first
    if not restart and isinstance(store, LocalStore):
        out.update(after_write_times(client, store, entities))
        _save_kept_state(store)
    return out


def _save_kept_state(store: LocalStore) -> None:
    """What a server's saver does after a write (``web.model.keep``), once."""
    import threading

    from compgraph.web import model

    stop = threading.Event()
    stop.set()
    model.keep(store, stop, 0)


AFTER_WRITE = " (first view after a write)"


def after_write_times(client: Any, store: LocalStore, entities: dict[str, str]) -> dict[str, Any]:
    """The first request of every page after one evidence item is added, in the app that has served them all
    before: what a running server's users wait for after someone records evidence (nothing kept for the new
    state yet, on disk or in memory)."""
    _add_evidence(store, "ev-bench-after-write")
    return {f"page {url}{AFTER_WRITE}": timed(_request(client, url, entities)) for url in PAGES}


def _request(client: Any, url: str, entities: dict[str, str]) -> Callable[[], None]:
    """One GET of the page ``url`` (entities filled in) as of the bench's date; an error unless it answers 200."""
    path = url.format(**entities)
    full = f"{path}{'&' if '?' in path else '?'}as_of={AS_OF.isoformat()}"

    def get() -> None:
        resp = client.get(full)
        if resp.status_code != 200:
            raise RuntimeError(f"HTTP {resp.status_code}")

    return get


# --- child processes ---------------------------------------------------------------------------------


def child_ours(size: str, target: int, seed: int, workdir: Path) -> dict[str, Any]:
    from compgraph.checks.validate import validate_store
    from compgraph.graph.store import LocalStore
    from compgraph.scale import generate as gen

    store_dir = workdir / "store"
    store_dir.mkdir(parents=True, exist_ok=True)
    shapes, shapes_note = bench_shapes()
    out: dict[str, Any] = {"shapes": shapes_note}
    store = LocalStore(store_dir)
    t0 = time.perf_counter()
    result = gen.load_into(store, gen.Spec(target, seed, AS_OF))
    out["build / load"] = time.perf_counter() - t0
    out["triples"] = store.triple_count()
    out["gaps"] = result.gaps.__dict__
    write_baseline_inputs(store, shapes, workdir)
    validations: list[Any] = []

    def validate() -> None:
        validations.append(validate_store(store, AS_OF, shapes, save=False, engine="sparql"))

    out["validate"] = timed(validate, repeat=1, limit=VALIDATE_LIMIT_S)
    if validations:
        out["findings"] = len(validations[0].findings)
        baselines.save_keys(baselines.result_keys(validations[0].report), workdir / "findings-compgraph.json")
    out.update(incremental_times(store, shapes))
    entities = pick_entities(store)
    out["entities"] = entities
    out.update(workload(store, entities))
    store.flush()
    out["peak memory (MB)"] = peak_mb()
    return out


def write_baseline_inputs(store: Any, shapes: Graph, workdir: Path) -> None:
    """What every baseline validates (not timed for any engine): the store's triples as one N-Triples file
    (data.nt), the same shapes (shapes.ttl) and the validation date node the date rules read (run.nt)."""
    import pyoxigraph as ox

    from compgraph.checks.validate import validation_run

    with (workdir / "data.nt").open("wb") as fh:
        for g in store.graph_names():
            store.oxigraph.dump(fh, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g))
    shapes.serialize(workdir / "shapes.ttl", format="turtle")
    validation_run(AS_OF).serialize(workdir / "run.nt", format="nt", encoding="utf-8")


RESTART = ", after a restart"
RESTART_NO_DISK = ", after a restart, nothing kept on disk"
RESTART_AFTER_WRITE = ", after a write and a restart"
RESTART_KINDS = {"no-disk": RESTART_NO_DISK, "disk": RESTART, "write": RESTART_AFTER_WRITE}


def child_restart(workdir: Path, entities: dict[str, str], how: str) -> dict[str, Any]:
    """The first request of every page in a fresh process on the store the ``ours`` child built and browsed:
    ``how`` is "no-disk" (nothing kept beside the store is used), "disk" (the pages and state ``ours`` kept) or
    "write" (an evidence item added first, by this process, before the app opens: the kept pages are then for an
    older state, the kept evidence index and coverage are what it goes on from)."""
    from compgraph.graph.store import LocalStore
    from compgraph.questions import keptstate

    store = LocalStore(workdir / "store")
    if how == "write":
        _add_evidence(store, "ev-bench-restart-write")
    if how != "no-disk":
        return page_times(store, entities, RESTART_KINDS[how])
    kept = [keptstate.path_of(store, name) for name in (keptstate.INDEX, keptstate.ROWS, keptstate.COVERAGE)]
    aside = [p.with_name(p.name + ".aside") for p in kept]
    for p, q in zip(kept, aside, strict=True):
        if p.exists():
            p.rename(q)
    try:
        return page_times(store, entities, RESTART_NO_DISK)
    finally:
        for p, q in zip(kept, aside, strict=True):
            if q.exists():
                q.rename(p)


def _change_risk(store: Any) -> None:
    """The first high-risk system (by IRI) becomes medium-risk, written through the store as a user's edit is."""
    res = store.select("SELECT ?s ?g WHERE { GRAPH ?g { ?s cg:riskLevel cg:RiskHigh } } ORDER BY ?s LIMIT 1")
    system, graph = (str(x) for x in res.rows[0])
    cg = "https://w3id.org/compgraph/ontology#"
    lines = store.export("application/n-triples", graph).decode().replace(
        f"<{system}> <{cg}riskLevel> <{cg}RiskHigh>", f"<{system}> <{cg}riskLevel> <{cg}RiskMedium>"
    )
    store.replace_graph(graph, lines.encode())


def _add_evidence(store: Any, ident: str = "ev-bench-added") -> None:
    from compgraph.graph import evidence as ev

    res = store.select(
        "SELECT ?cid ?sid WHERE { ?s a cg:AISystem ; cg:implementsControl ?c ; dcterms:identifier ?sid ."
        " ?c dcterms:identifier ?cid } ORDER BY ?sid ?cid LIMIT 1"
    )
    control, system = (str(x) for x in res.rows[0])
    ev.add(store, ev.Item(ident, "bench", control, system, AS_OF, AS_OF, "0" * 64))


def _accept_mapping(store: Any) -> None:
    # One obligation, then a control not yet mapped to it: a join of the two lists would be every pair.
    o = str(store.select("SELECT ?o WHERE { ?o a cg:Obligation } ORDER BY ?o LIMIT 1").rows[0][0])
    res = store.select(
        f"SELECT ?c WHERE {{ ?c a cg:Control . FILTER NOT EXISTS {{ <{o}> cg:satisfiedBy ?c }} }} LIMIT 1"
    )
    c = str(res.rows[0][0])
    graph = "https://w3id.org/compgraph/graph/bench/accepted-mappings"
    store.replace_graph(graph, f"<{o}> <https://w3id.org/compgraph/ontology#satisfiedBy> <{c}> .\n".encode())


def incremental_times(store: Any, shapes: Any) -> dict[str, Any]:
    """validate --incremental: the first run (full, keeps its rows), one with nothing changed, and one after each
    kind of change; then whether the last one's findings are a full run's."""
    from compgraph.checks.incremental import validate_incremental
    from compgraph.checks.validate import validate_store

    out: dict[str, Any] = {}
    runs: list[Any] = []

    def run() -> None:
        # As the server runs it: the state for the next process written after the findings are out.
        runs.append(validate_incremental(store, AS_OF, shapes, save=False, write_behind=True))

    # Each run is a validation, so each has the validation's limit: at 10M triples a run after a change took
    # longer than a question's 120 s, and the rows below then came from the run before the change.
    out["incremental validate: first run (full)"] = timed(run, limit=VALIDATE_LIMIT_S)
    out["incremental validate: nothing changed"] = timed(run, limit=VALIDATE_LIMIT_S)
    finished = ""  # the last change whose run finished
    changes = (
        ("an evidence item added", _add_evidence),
        ("a risk level changed", _change_risk),
        ("a mapping accepted", _accept_mapping),
        # The first run after a change also reads the algebra of the queries it follows, once per plan and store
        # (kept in the state file): this one shows a run after that, as a server meets every later change.
        ("another evidence item added", lambda st: _add_evidence(st, "ev-bench-added-again")),
    )
    for name, change in changes:
        change(store)
        before = len(runs)
        out[f"incremental validate: after {name}"] = timed(run, limit=VALIDATE_LIMIT_S)
        if len(runs) > before:
            last = runs[-1]
            focused = f", {last.focused} more for the focus nodes reached" if last.focused else ""
            out[f"incremental validate: after {name}: queries run"] = f"{last.rerun} of {last.queries}{focused}"
            finished = name
        else:
            out[f"incremental validate: after {name}: queries run"] = "– (did not finish)"
    if finished != changes[-1][0]:
        # Comparing an earlier run's findings with a full run after all the changes would report a difference
        # that is not there (the 2026-12-05 xlarge run did).
        out["incremental_note"] = (
            "after the changes, incremental findings not compared (the last run did not finish)"
        )
        return out
    full = validate_store(store, AS_OF, shapes, save=False, engine="sparql")
    verdict = "equal" if runs[-1].outcome.findings == full.findings else "DIFFER FROM"
    out["incremental_note"] = (
        f"after the changes, incremental findings {verdict} a full run's ({len(full.findings)})"
    )
    return out


def child_open(workdir: Path) -> dict[str, Any]:
    from compgraph.graph.store import LocalStore

    t0 = time.perf_counter()
    store = LocalStore(workdir / "store")
    store.triple_count()
    return {"open store": time.perf_counter() - t0}


def child_baseline(
    workdir: Path, entities: dict[str, str], validate_only: bool = False, validate_limit: int = VALIDATE_LIMIT_S
) -> dict[str, Any]:
    from compgraph.checks.validate import validate_graph

    shapes, _ = bench_shapes()
    out: dict[str, Any] = {}
    graphs: list[Graph] = []
    out["build / load"] = timed(lambda: graphs.append(Graph().parse(workdir / "data.nt", format="nt")), limit=3600)
    if not graphs:
        return out
    g = graphs[0]
    # rdflib has no persistent store to reopen: opening means parsing again.
    out["open store"] = out["build / load"]
    validations: list[Any] = []
    out["validate"] = timed(
        lambda: validations.append(validate_graph(g, AS_OF, shapes)), repeat=1, limit=validate_limit
    )
    if validations:
        out["findings"] = len(validations[0].findings)
        baselines.save_keys(baselines.result_keys(validations[0].report), workdir / "findings-pyshacl.json")
    if not validate_only:
        out.update(workload(RdflibStore(g), entities))
    out["peak memory (MB)"] = peak_mb()
    return out


def _run_child(args: list[str]) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "compgraph.scale.bench", *args], capture_output=True, text=True, env=os.environ.copy()
    )
    if proc.returncode != 0:
        how = f"killed by signal {-proc.returncode}" if proc.returncode < 0 else f"exit {proc.returncode}"
        raise RuntimeError(f"bench child {args[0]} failed, {how}:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _child_main(argv: list[str]) -> None:
    kind = argv[0]
    if kind == "ours":
        out = child_ours(argv[1], int(argv[2]), int(argv[3]), Path(argv[4]))
    elif kind == "open":
        out = child_open(Path(argv[1]))
    elif kind == "restart":
        out = child_restart(Path(argv[1]), json.loads(argv[2]), argv[3])
    else:
        cap = int(BASELINE_MEMORY_SHARE * os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"))
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        flags = dict(a.partition("=")[::2] for a in argv[3:])
        out = child_baseline(
            Path(argv[1]),
            json.loads(argv[2]),
            validate_only="validate-only" in flags,
            validate_limit=int(flags.get("validate-limit") or VALIDATE_LIMIT_S),
        )
    print(json.dumps(out, default=str))


# --- the run and the table ---------------------------------------------------------------------------


@dataclass
class SizeResult:
    size: str
    triples: int
    ours: dict[str, Any]
    baseline: dict[str, Any] | None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def machine() -> str:
    from importlib.metadata import version

    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} cores, {mem:.0f} GB RAM, {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}, pyoxigraph {version('pyoxigraph')}, pyshacl {version('pyshacl')}, "
        f"rdflib {version('rdflib')}"
    )


BASELINES = ("pyshacl", *baselines.NAMES)  # what `compgraph bench --baseline` offers


def baselines_for(triples: int, validators: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """The baselines a size of ``triples`` gets, and the table's note when it gets none of those asked for."""
    if triples > BASELINE_MAX_TRIPLES and validators:
        return (), f"no baseline above {BASELINE_MAX_TRIPLES:,} triples (rdflib would outgrow the machine's memory)"
    return validators, ""


def run(
    sizes: list[str],
    seed: int = 1,
    baseline_max_triples: int | None = None,
    progress: Callable[[str], None] | None = None,
    baseline_validate_limit: int = VALIDATE_LIMIT_S,
    validators: tuple[str, ...] = ("pyshacl",),
) -> list[SizeResult]:
    """``validators``: the baselines measured beside compgraph (``BASELINES``), each in its own process."""
    results = []
    for size in sizes:
        target = SIZES[size]
        with tempfile.TemporaryDirectory(prefix=f"compgraph-bench-{size}-") as tmp:
            work = Path(tmp)
            if progress:
                progress(f"{size}: generating and measuring compgraph")
            ours = _run_child(["ours", size, str(target), str(seed), str(work)])
            ours.update(_run_child(["open", str(work)]))
            if progress:
                progress(f"{size}: first pages after a restart: nothing kept, pages kept, after a write")
            # Without first: that run keeps nothing on disk, so the second finds what the ``ours`` child kept; the
            # write last, since it moves the store's state.
            for how in RESTART_KINDS:
                ours.update(_run_child(["restart", str(work), json.dumps(ours["entities"]), how]))
            baseline = None
            wanted, note = baselines_for(ours["triples"], validators)
            if "pyshacl" in wanted:
                if progress:
                    progress(f"{size}: measuring the rdflib + pySHACL baseline")
                baseline, note = _pyshacl(work, ours, baseline_max_triples, baseline_validate_limit)
            extra = {}
            for name in (v for v in wanted if v in baselines.NAMES):
                if progress:
                    progress(f"{size}: measuring the {baselines.NAMES[name]} baseline (validation only)")
                extra[baselines.NAMES[name]] = baselines.measure(name, work, baseline_validate_limit)
            results.append(SizeResult(size, ours["triples"], ours, baseline, note, extra))
    return results


def _pyshacl(
    work: Path, ours: dict[str, Any], max_triples: int | None, validate_limit: int
) -> tuple[dict[str, Any] | None, str]:
    args = ["baseline", str(work), json.dumps(ours["entities"]), f"validate-limit={validate_limit}"]
    note = ""
    # Above the cap the baseline still loads and validates (the 10x validation target needs its
    # figure) but skips questions, traces and pages, each of which may take minutes on rdflib.
    if max_triples is not None and ours["triples"] > max_triples:
        args.append("validate-only")
        note = f"baseline: load and validation only above {max_triples:,} triples"
    try:
        baseline = _run_child(args)
    except RuntimeError as exc:  # compgraph's figures stand without the baseline's
        return None, f"baseline failed ({str(exc).splitlines()[0]}); {note}".rstrip("; ")
    mine, theirs = work / "findings-compgraph.json", work / "findings-pyshacl.json"
    if mine.exists() and theirs.exists():
        keys = baselines.load_keys(theirs)
        baseline["findings check"] = baselines.compare(baselines.load_keys(mine), keys, "pySHACL")
    return baseline, note


def document(results: list[SizeResult], shapes_note: str = "", command: str = "") -> dict[str, Any]:
    """Every figure of the run as one JSON-ready document (see scale.report)."""
    return report.document(results, machine(), shapes_note, command)


def render(results: list[SizeResult], shapes_note: str = "") -> str:
    """The Markdown table, made from the same document ``--json`` writes."""
    return report.markdown(document(results, shapes_note))


if __name__ == "__main__":  # the child processes
    _child_main(sys.argv[1:])
