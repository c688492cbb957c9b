"""What a validation run reports: findings, the outcome, the SHACL report kept in the store, renderings.

The report is kept as RDF (the SHACL validation report vocabulary) in its own named graph so auditors can
query the last result and the browser can count it. Both engines produce these same types. Its results are
saved under IRIs made from what they say (``reportiris``), so a save writes only the findings that changed.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import date

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, XSD
from rdflib.term import Node

from compgraph.checks.reportiris import namer, with_iris
from compgraph.graph.literals import triples_as_written
from compgraph.graph.namespaces import CG, PREFIXES, graph_iri, shorten
from compgraph.graph.store import GraphStore, QueryResult, to_oxigraph, with_prefixes

REPORT_GRAPH = graph_iri("validation", "latest")
SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class Finding:
    severity: str
    rule: str
    focus: str
    focus_label: str
    message: str
    path: str | None = None
    value: str | None = None
    shape: str | None = None

    def sort_key(self) -> tuple:
        # A total order: findings alike in the first four fields come in one order however they were gathered
        # (a full run's set, an incremental run's list merged from the last one), so reports compare line by line.
        return (SEVERITY_ORDER.get(self.severity, 9), self.rule, self.focus_label, self.message, self.focus,
                self.path is not None, self.path or "", self.value is not None, self.value or "", self.shape or "")


Triple = tuple[Node, Node, Node]


class Outcome:
    """Findings plus the SHACL validation report as RDF. The report may be given as a list of triples and
    is then only made an rdflib Graph when asked for: at 1M triples (8k results, 70k report triples)
    building that Graph took longer than running half the shapes, and saving needs no Graph."""

    def __init__(
        self, as_of: date, conforms: bool, findings: list[Finding],
        report: Graph | list[Triple] | Callable[[], list[Triple]],
    ) -> None:
        self.as_of, self.conforms, self.findings = as_of, conforms, findings
        self._report = report
        # Which engine ran which shapes (shape names), and why a shape was left to pySHACL.
        self.engines: dict[str, list[str]] = {}
        self.fallback_reasons: dict[str, str] = {}
        # The shapes graph the run read: a blank source shape of the report is named from its description there.
        self.shapes: Graph | None = None

    @property
    def report(self) -> Graph:
        if not isinstance(self._report, Graph):
            g = Graph()
            for t in self.report_triples():
                g.add(t)
            self._report = g
        return self._report

    def report_triples(self) -> Iterable[Triple]:
        if not isinstance(self._report, (Graph, list)):  # made when first asked for (see checks.keptfindings)
            self._report = self._report()
        return iter(self._report)

    def merged(self, other: Outcome) -> Outcome:
        """Both outcomes' findings and results under this outcome's one report node; conforms only if neither
        has a result (the SHACL spec: any result, whatever its severity, means not conforming)."""
        mine = list(self.report_triples())
        node = next(s for s, p, o in mine if p == RDF.type and o == SH.ValidationReport)
        theirs = next(s for s, p, o in other.report_triples() if p == RDF.type and o == SH.ValidationReport)
        conforms = self.conforms and other.conforms
        triples = [t for t in mine if t[1] != SH.conforms]
        for s, p, o in other.report_triples():
            if s == theirs and p in (SH.conforms, RDF.type):
                continue
            triples.append((node if s == theirs else s, p, o))
        triples.append((node, SH.conforms, Literal(conforms)))
        findings = sorted(set(self.findings) | set(other.findings), key=Finding.sort_key)
        out = Outcome(self.as_of, conforms, findings, triples)
        out.shapes = self.shapes
        return out

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self.findings:
            out[f.severity] = out.get(f.severity, 0) + 1
        return out

    def by_rule(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        for f in self.findings:
            out.setdefault(f.rule, []).append(f)
        return out


def data_graphs(store: GraphStore) -> list[str]:
    # The saved report of an earlier run is not data to validate.
    return [g for g in store.graph_names() if not g.startswith(graph_iri("validation"))]


def node_label(graph: Graph, node: object) -> str:
    for prop in (RDFS.label, SH.name, DCTERMS.title):
        value = graph.value(node, prop)  # type: ignore[arg-type]
        if value is not None:
            return str(value)
    return shorten(str(node)) if isinstance(node, URIRef) else str(node)


def save_report(store: GraphStore, outcome: Outcome, shapes: Graph | None = None) -> None:
    """Save the outcome's SHACL report as :data:`REPORT_GRAPH`, its nodes named by their content
    (``reportiris``; ``shapes`` names a blank source shape), so the store writes only what changed."""
    store.write_own_quads(REPORT_GRAPH, report_quads(outcome, shapes))


def report_quads(outcome: Outcome, shapes: Graph | None = None) -> list[ox.Quad]:
    """The quads :func:`save_report` makes :data:`REPORT_GRAPH` hold (a quad may come twice)."""
    named = NamedReport(outcome, shapes)
    return named.quads(named.raw + named.header)


class NamedReport:
    """The outcome's report triples as made (``raw``, blank nodes), the date triples the save adds (``header``),
    and the names ``reportiris`` gives their nodes: :meth:`quads` names and converts only the triples asked for,
    so a save that knows the rest are stored already (``reportpart``) does not convert 259k triples at 1.1M."""

    def __init__(self, outcome: Outcome, shapes: Graph | None = None) -> None:
        # The same few thousand terms recur in 259k triples at 1.1M: each is converted (and spelled) once.
        self.term = functools.lru_cache(maxsize=None)(to_oxigraph)
        term = self.term
        self.raw: list[Triple] = list(outcome.report_triples())
        self.name = namer(self.raw, shapes, functools.lru_cache(maxsize=None)(lambda t: str(term(t))))
        when = Literal(_now(), datatype=XSD.dateTime)
        as_of = Literal(outcome.as_of.isoformat(), datatype=XSD.date)
        a, report, iri, eq = str(RDF.type), str(SH.ValidationReport), URIRef, str.__eq__  # as in reportiris.namer
        self.header: list[Triple] = []
        reports = {s for s, p, o in self.raw if type(o) is iri and eq(o, report) and type(p) is iri and eq(p, a)}
        for node in {self.name(s) for s in reports}:
            self.header += [(node, CG.asOf, as_of), (node, DCTERMS.created, when)]
        self.target = ox.NamedNode(REPORT_GRAPH)

    def quads(self, triples: Iterable[Triple]) -> list[ox.Quad]:
        """``triples`` (of ``raw`` or ``header``) named, as written, as quads of :data:`REPORT_GRAPH`."""
        name, term, target = self.name, self.term, self.target
        named = [(name(s), p, name(o)) if type(s) is BNode or type(o) is BNode else (s, p, o) for s, p, o in triples]
        # A value quoted from data kept as written ("4.0"^^xsd:decimal) is saved as written too.
        return [ox.Quad(term(s), term(p), term(o), target) for s, p, o in triples_as_written(named)]


def _now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).replace(microsecond=0).isoformat()


# --- rendering ---------------------------------------------------------------------------------


def render_text(outcome: Outcome) -> str:
    counts = outcome.counts()
    head = (
        f"Validation as of {outcome.as_of.isoformat()}: "
        + (", ".join(f"{n} {k.lower()}{'s' if n != 1 else ''}" for k, n in sorted(counts.items())) or "no findings")
        + (" — conforms" if outcome.conforms else " — does not conform")
    )
    lines = [head]
    for rule, items in outcome.by_rule().items():
        lines.append("")
        lines.append(f"{rule} ({len(items)})")
        for f in items:
            lines.append(f"  [{f.severity}] {shorten(f.focus)}: {f.message}")
    return "\n".join(lines) + "\n"


def render_engines(outcome: Outcome) -> str:
    """One line per engine saying which shapes it ran, and why a shape was left to pySHACL."""
    lines = []
    for engine, shapes in outcome.engines.items():
        if shapes:
            plural = "s" if len(shapes) != 1 else ""
            lines.append(f"{engine} engine ran {len(shapes)} shape{plural}: {', '.join(shapes)}")
    for shape, why in outcome.fallback_reasons.items():
        lines.append(f"  {shape}: run by pySHACL because the SPARQL engine does not translate {why}")
    return "\n".join(lines)


def render_json(outcome: Outcome) -> str:
    """The outcome as JSON, indented by two spaces. The findings are spelled here, each value by ``json.dumps``:
    with ``indent`` the json module encodes in Python, and ``asdict`` copies deeply, which together took 5.6 s
    of ``validate --format json`` at 1.1M triples (29k findings); the text is the same."""
    head = json.dumps(
        {
            "as_of": outcome.as_of.isoformat(),
            "conforms": outcome.conforms,
            "engine": {**outcome.engines, "fallback_reasons": outcome.fallback_reasons},
            "counts": outcome.counts(),
            "findings": [],
        },
        indent=2,
    )
    if not outcome.findings:
        return head
    names = [f.name for f in fields(Finding)]
    keys = [f"      {json.dumps(n)}: " for n in names]
    spell = json.encoder.encode_basestring_ascii  # what json.dumps spells a str with, without its per-call cost

    def value(v: object) -> str:
        return spell(v) if type(v) is str else "null" if v is None else json.dumps(v)

    items = [
        "    {\n" + ",\n".join(k + value(getattr(f, n)) for k, n in zip(keys, names, strict=True)) + "\n    }"
        for f in outcome.findings
    ]
    assert head.endswith('"findings": []\n}')
    return head[: -len("[]\n}")] + "[\n" + ",\n".join(items) + "\n  ]\n}"


def render_turtle(outcome: Outcome) -> str:
    """The report as Turtle, its nodes named as the saved report names them (``reportiris``): the printed report
    and the store's graph cite a result by the same IRI, and the same findings print the same text."""
    report = Graph()
    for prefix, ns in PREFIXES.items():
        report.bind(prefix, ns)
    for t in with_iris(outcome.report_triples(), outcome.shapes):
        report.add(t)
    return report.serialize(format="turtle")


def last_report_counts(store: GraphStore, ask: Callable[[str], QueryResult] | None = None) -> dict[str, object]:
    """Severity counts and date of the last saved report, for the dashboard. ``ask`` runs the query, which reads
    the report graph only (the browser keeps its answer under that graph's hash); default: the store."""
    text = with_prefixes(
        "SELECT ?sev (COUNT(?r) AS ?n) (SAMPLE(?d) AS ?asof) (SAMPLE(?c) AS ?created) WHERE { GRAPH <"
        + REPORT_GRAPH
        + "> { ?rep a sh:ValidationReport ; cg:asOf ?d ; dcterms:created ?c ."
        " OPTIONAL { ?rep sh:result ?r . ?r sh:resultSeverity ?sev } } } GROUP BY ?sev"
    )
    res = (ask or store.query)(text)
    counts: dict[str, int] = {}
    as_of = created = None
    for sev, n, d, c in res.rows:
        as_of, created = d, c
        if sev is not None:
            counts[shorten(str(sev)).removeprefix("sh:")] = int(n)
    return {"as_of": str(as_of) if as_of else None, "created": str(created) if created else None, "counts": counts}
