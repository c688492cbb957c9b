"""Load the ontology, the catalogs, the crosswalk and organisations into the store.

Everything is parsed and cross-checked in memory first; only when every source is good is any named
graph replaced, each in one transaction. A bad file therefore leaves the store exactly as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax import SAXParseException

from rdflib import Graph

from compgraph.graph import catalog, literals, paths
from compgraph.graph.catalog import Concepts, InputError
from compgraph.graph.namespaces import IRI_EXCLUDED, graph_iri
from compgraph.graph.store import GraphStore

RDF_SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".rdf": "xml", ".owl": "xml", ".trig": "trig"}


@dataclass
class Source:
    graph: str
    path: Path
    rdf: Graph


@dataclass
class BuildPlan:
    sources: list[Source] = field(default_factory=list)
    obligations: set[str] = field(default_factory=set)
    controls: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)

    def add(self, graph: str, path: Path, rdf: Graph) -> None:
        self.sources.append(Source(graph, path, rdf))


def parse_rdf_file(path: Path, as_written: bool = False) -> Graph:
    """An RDF file's graph. A literal the store would rewrite is refused, naming file and line, or with
    ``as_written`` escaped so the store keeps it verbatim (see graph.literals)."""
    fmt = RDF_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(path, None, f"unknown RDF file type {path.suffix!r} ({', '.join(RDF_SUFFIXES)})")
    try:
        g = literals.parse_exact(path, fmt)
    except Exception as exc:  # rdflib raises many parser-specific types; all mean "bad input"
        raise parse_error(path, fmt, exc) from exc
    literals.check_not_escaped(g, path)
    if as_written:
        return literals.keep_as_written(g)[0]
    literals.check_storable(g, path)
    return g


def parse_error(path: Path, fmt: str, exc: Exception) -> InputError:
    """The one-line error for an RDF file its parser refused, naming the file's own 1-based line (shared by
    data and shapes files so both count lines the same way)."""
    return InputError(path, _error_line(exc, path), f"not valid {fmt}: {_first_line(str(exc))}")


def _error_line(exc: Exception, path: Path) -> int | None:
    """The 1-based line a parser error points at, if it names one. Not Turtle's ``BadSyntax.lines``: it
    counts from 0 (its message prints ``lines + 1``). At the end of the input rdflib counts past the last
    line, so a line beyond the file is the last line with content: where the input ran out."""
    line = exc.getLineNumber() if isinstance(exc, SAXParseException) else _line_from_message(str(exc))
    if line is None:
        return None
    try:
        filled = [n for n, text in enumerate(path.read_bytes().splitlines(), start=1) if text.strip()]
    except OSError:  # gone since the parser read it: rdflib's count is all there is
        return line
    return min(line, filled[-1]) if filled else line


def _line_from_message(message: str) -> int | None:
    m = re.search(r"line (\d+)", message)
    return int(m.group(1)) if m else None


def _first_line(message: str) -> str:
    # Turtle's own "at line N of <>:" is dropped: the line is given once, before it, counted from the file.
    message = re.sub(r"^\s*at line \d+ of <[^>]*>:", "", message)
    return " ".join(message.strip().split())[:300]


def ontology_files(ontology: Path) -> list[Path]:
    """The ontology and concept files that belong in the data graph (shapes and queries are tools, not data)."""
    return catalog.iter_files(ontology, "*.ttl")


def load_concepts(ontology: Path) -> tuple[Concepts, list[Source]]:
    sources = [Source(graph_iri("ontology", p.stem), p, parse_rdf_file(p)) for p in ontology_files(ontology)]
    union = Graph()
    for s in sources:
        union += s.rdf
    return Concepts(union), sources


def plan_build(
    ontology: Path | None = None,
    mappings: Path | None = None,
    organisations: list[Path] | None = None,
) -> BuildPlan:
    """Parse and cross-check every source; raises InputError naming the first bad file and line."""
    ontology = ontology or paths.ontology_dir()
    mappings = mappings or paths.mappings_dir()
    plan = BuildPlan()
    concepts, onto_sources = load_concepts(ontology)
    plan.sources.extend(onto_sources)

    for path in catalog.iter_files(mappings / "obligations", "*.yaml"):
        cat = catalog.obligations_graph(path, concepts)
        if cat.doc_id in plan.documents:
            raise InputError(path, None, f"document id {cat.doc_id!r} is used by another catalog")
        clash = plan.obligations & cat.obligation_ids
        if clash:
            raise InputError(path, None, f"obligation ids already used by another catalog: {sorted(clash)[:5]}")
        plan.documents.add(cat.doc_id)
        plan.obligations |= cat.obligation_ids
        plan.add(graph_iri("document", cat.doc_id), path, cat.graph)

    controls_file = mappings / "controls.yaml"
    if controls_file.is_file():
        g, plan.controls = catalog.controls_graph(controls_file, concepts)
        plan.add(graph_iri("controls"), controls_file, g)

    for path in catalog.iter_files(mappings, "*.sssom.tsv"):
        name = path.name.removesuffix(".sssom.tsv")
        g = catalog.mappings_graph(path, plan.obligations, plan.controls)
        plan.add(graph_iri("crosswalk") if name == "crosswalk" else graph_iri("mappingset", name), path, g)

    if organisations is None:
        organisations = catalog.iter_files(mappings / "demo", "*.yaml")
    for path in organisations:
        org_id, g = catalog.organisation_graph(path, concepts, plan.controls, plan.documents)
        plan.add(graph_iri("organisation", org_id), path, g)
    return plan


def apply_plan(
    store: GraphStore, plan: BuildPlan, progress: Callable[[str], None] | None = None, relative_to: Path | None = None
) -> dict[str, int]:
    """Replace the planned graphs together: queries see all of them new or, if anything fails or the process dies,
    all of them as they were. Each graph carries its own provenance (file, digest, time)."""
    counts: dict[str, int] = {}
    with store.batch() as batch:
        for src in plan.sources:
            if progress:
                progress(src.path.name)
            described = src.rdf + catalog.describe_source(src.rdf, src.graph, src.path, relative_to)
            counts[src.graph] = batch.replace_graph(src.graph, _ntriples(described, src.path), "application/n-triples")
    return counts


# What rdflib's N-Triples writer says of an IRI it cannot write ("http://ex/a b", a '>' inside one).
_UNWRITABLE_IRI = re.compile(r'^"(.*)" does not look like a valid URI', re.DOTALL)
# Oxigraph's N-Triples reader refuses a line longer than this, so no literal that long can be stored.
_MAX_LINE = 16 * 1024 * 1024


def _ntriples(graph: Graph, path: Path) -> bytes:
    """``graph`` as N-Triples for the store, or InputError naming ``path`` (and the line, when it can be found)
    for what parses but cannot be stored: an IRI with a space or a '>' in it (rdflib raises a bare Exception
    and the command died with a traceback) or a literal beyond the store's line limit (a MemoryError)."""
    try:
        data = graph.serialize(format="nt", encoding="utf-8")
    except Exception as exc:  # noqa: BLE001  (rdflib's writer raises Exception itself)
        m = _UNWRITABLE_IRI.match(str(exc))
        if m is None:
            raise
        iri = m.group(1)
        raise InputError(path, _line_with(path, iri), f"IRI {iri[:200]!r} is not a valid IRI (no spaces, <, >, \", "
                         f"{{, }}, |, ^ or backquotes) and cannot be stored") from None
    longest = max((len(line) for line in data.split(b"\n")), default=0) if len(data) >= _MAX_LINE else 0
    if longest >= _MAX_LINE:
        raise InputError(path, None, f"a value of {longest // (1024 * 1024)} MiB: the store takes at most "
                         f"{_MAX_LINE // (1024 * 1024)} MiB in one literal or IRI")
    return data


# An absolute IRI as the store takes it: a scheme, then no character RFC 3987 leaves out of IRIs.
_IRI = re.compile(f"^[A-Za-z][A-Za-z0-9+.-]*:[^{IRI_EXCLUDED}\\x7f]+$")


def iri_problem(iri: str) -> str | None:
    """Why ``iri`` cannot name a graph in the store, or None: it must be absolute and hold no spaces, <, >, ",
    {, }, |, ^, backquote or backslash (a graph name is written into N-Triples and SPARQL as ``<iri>``)."""
    if _IRI.match(iri):
        return None
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", iri):
        return f"{iri[:200]!r} is not an absolute IRI (it needs a scheme, e.g. https://example.org/graph/x)"
    return f"{iri[:200]!r} is not a valid IRI (no spaces, control characters, <, >, \", {{, }}, |, ^, ` or \\)"


def _line_with(path: Path, text: str) -> int | None:
    """The first line of ``path`` holding ``text``, if the file can be read and has it."""
    try:
        with path.open(encoding="utf-8", errors="replace") as f:
            return next((n for n, line in enumerate(f, start=1) if text in line), None)
    except OSError:
        return None


def build(
    store: GraphStore,
    *,
    ontology: Path | None = None,
    mappings: Path | None = None,
    organisations: list[Path] | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, int]:
    plan = plan_build(ontology, mappings, organisations)
    root = (mappings or paths.mappings_dir()).parent
    return apply_plan(store, plan, progress, relative_to=root)


def load_file(
    store: GraphStore, path: Path, graph: str | None = None, as_written: bool = False
) -> tuple[str, int]:
    """Load one extra source (an RDF file, an SSSOM mapping set or an organisation YAML) into its own graph;
    ``as_written`` keeps an RDF file's literals the store would rewrite verbatim instead of refusing them."""
    concepts, _ = load_concepts(paths.ontology_dir())
    name = path.name
    if name.endswith(".sssom.tsv"):
        rdf = catalog.mappings_graph(path, _known(store, "Obligation"), _known(store, "Control"))
        target = graph or graph_iri("mappingset", name.removesuffix(".sssom.tsv"))
    elif path.suffix in (".yaml", ".yml"):
        data = catalog.load_yaml(path)
        if "organisation" in data:
            org_id, rdf = catalog.organisation_graph(path, concepts, _known(store, "Control"), _known_docs(store))
            target = graph or graph_iri("organisation", org_id)
        elif "document" in data:
            cat = catalog.obligations_graph(path, concepts)
            rdf, target = cat.graph, graph or graph_iri("document", cat.doc_id)
        else:
            raise InputError(path, 1, "a YAML source needs an 'organisation' or a 'document' mapping")
    else:
        rdf = parse_rdf_file(path, as_written)
        target = graph or graph_iri("file", path.stem)
        literals.mark_kept_as_written(rdf, target)
    plan = BuildPlan(sources=[Source(target, path, rdf)])
    counts = apply_plan(store, plan, relative_to=path.parent)
    return target, counts[target]


def _known(store: GraphStore, cls: str) -> set[str]:
    res = store.select(f"SELECT ?id WHERE {{ ?x a cg:{cls} ; dcterms:identifier ?id }}")
    return {str(r[0]) for r in res.rows}


def _known_docs(store: GraphStore) -> set[str]:
    res = store.select("SELECT ?id WHERE { ?x a/rdfs:subClassOf* cg:SourceDocument ; dcterms:identifier ?id }")
    return {str(r[0]) for r in res.rows}
