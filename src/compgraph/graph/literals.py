"""Literals kept exactly as written: parsed without rdflib's normalisation, refused or escaped when the store
would rewrite them.

rdflib normalises typed literals while parsing ("01"^^xsd:integer becomes "1", "none"^^xsd:boolean becomes
"false"), and Oxigraph keeps numbers, booleans and dates in canonical form ("4.0"^^xsd:decimal is stored as
"4"; every integer-derived type such as xsd:byte as xsd:integer), with no option to turn that off. A
compliance store must hold what it was given, so RDF files are parsed with normalisation off and a literal
the store would change is either refused with its file, line and value (the default) or, when the user asks
for it (``load --as-written``), stored under an escaped datatype Oxigraph does not know and so keeps verbatim:
``"4.0"^^<urn:compgraph:as-written:http://www.w3.org/2001/XMLSchema#decimal>``. Every read path turns it back
(``store.to_rdflib``, the export); the SPARQL validation engine reads its datatype and value through
:func:`sparql_datatype` and :func:`sparql_value`. SPARQL questions see the escaped literal as an unknown
datatype, which is why escaping is asked for, not the default. A literal the store keeps as written stays,
ill-typed or not ("c"^^xsd:byte): the checks report it (sh:datatype checks the lexical form).
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from compgraph.graph.catalog import InputError
from compgraph.graph.xmlentities import check_entities

_LOCK = threading.RLock()  # rdflib's parsers read normalisation from a module global
# The datatype prefix of a literal kept as written: an IRI scheme no one else mints, so no real datatype has it.
AS_WRITTEN = "urn:compgraph:as-written:"
# A graph loaded as written says how many literals it holds escaped: finding that out by scanning every literal
# took seconds per 100k triples, while this predicate is one index look-up.
KEPT_AS_WRITTEN = URIRef("urn:compgraph:literals-kept-as-written")


@contextmanager
def keeping_lexical_forms() -> Iterator[None]:
    """rdflib's parsers make literals without normalising them while this lasts: "none"^^xsd:boolean stays
    "none" instead of becoming "false". Only for parsing, which has no per-call switch; code that makes its
    own literals passes ``normalize=False``."""
    with _LOCK:
        before = rdflib.NORMALIZE_LITERALS
        rdflib.NORMALIZE_LITERALS = False
        try:
            yield
        finally:
            rdflib.NORMALIZE_LITERALS = before


def parse_exact(path: Path, fmt: str) -> Graph:
    """Parse an RDF file keeping every literal's lexical form (rdflib errors propagate to the caller; an RDF/XML
    file whose entities could expand without bound is a ValueError before expat sees it)."""
    if fmt == "xml":
        check_entities(path.read_bytes())
    g = Graph()
    with keeping_lexical_forms():
        g.parse(path, format=fmt)
    return g


def as_stored(literals: list[Literal]) -> list[tuple[str, str | None]]:
    """(lexical form, datatype IRI) of each literal as the store keeps it (an in-memory Oxigraph store)."""
    store = ox.Store()
    pred = ox.NamedNode("urn:compgraph:value")
    subjects = [ox.NamedNode(f"urn:compgraph:literal:{i}") for i in range(len(literals))]
    store.extend(
        ox.Quad(s, pred, ox.Literal(str(lit), datatype=ox.NamedNode(str(lit.datatype))))
        for s, lit in zip(subjects, literals, strict=True)
    )
    out: list[tuple[str, str | None]] = []
    for s in subjects:
        back = next(iter(store.quads_for_pattern(s, pred, None))).object
        assert isinstance(back, ox.Literal)
        out.append((back.value, back.datatype.value if back.datatype else None))
    return out


def rewritten(graph: Graph) -> list[tuple[Literal, str]]:
    """The typed literals of ``graph`` the store would not keep as written, each with what it would become."""
    typed = sorted(
        {o for o in graph.objects() if isinstance(o, Literal) and o.datatype is not None and not o.language}, key=str
    )
    out = []
    for lit, (lexical, datatype) in zip(typed, as_stored(typed), strict=True):
        if lexical != str(lit) or datatype != str(lit.datatype):
            out.append((lit, Literal(lexical, datatype=datatype).n3()))
    return out


def check_storable(graph: Graph, path: Path) -> None:
    """Raise InputError naming the file, line and value of the first literal the store would rewrite."""
    bad = rewritten(graph)
    if not bad:
        return
    lit, becomes = bad[0]
    line = _line_of(path, str(lit))
    raise InputError(
        path,
        line,
        f"literal {lit.n3()} would be stored as {becomes} (the store keeps numbers, booleans and dates in "
        f"canonical form and integer-derived types as xsd:integer); write it as stored, or load with "
        f"--as-written to keep it verbatim"
        + (f" ({len(bad) - 1} more such literals)" if len(bad) > 1 else ""),
    )


def escape(lit: Literal) -> Literal:
    """``lit`` under the escaped datatype the store keeps verbatim."""
    return Literal(str(lit), datatype=URIRef(AS_WRITTEN + str(lit.datatype)), normalize=False)


def unescape(lexical: str, datatype: str | None) -> tuple[str, str | None]:
    """(lexical form, datatype) of a stored literal as it was written: the escape removed, if any."""
    if datatype is not None and datatype.startswith(AS_WRITTEN):
        return lexical, datatype[len(AS_WRITTEN) :]
    return lexical, datatype


def escapes(terms: Iterable[Node]) -> dict[Literal, Literal]:
    """The typed literals among ``terms`` the store would rewrite, each with its escaped form."""
    typed = sorted(
        {t for t in terms if isinstance(t, Literal) and t.datatype is not None and not t.language}, key=str
    )
    return {
        lit: escape(lit)
        for lit, stored in zip(typed, as_stored(typed), strict=True)
        if stored != (str(lit), str(lit.datatype))
    }


def check_not_escaped(graph: Graph, path: Path) -> None:
    """Raise InputError if the input already uses the escaped datatype: reading it would change the datatype."""
    for o in graph.objects():
        if isinstance(o, Literal) and str(o.datatype or "").startswith(AS_WRITTEN):
            line = _line_of(path, AS_WRITTEN)
            raise InputError(path, line, f"datatype {o.datatype} is reserved for compgraph's own use")


def mark_kept_as_written(graph: Graph, graph_iri: str) -> int:
    """Count the escaped literals of ``graph`` and, if any, record the count on the graph's own IRI."""
    n = sum(1 for o in set(graph.objects()) if isinstance(o, Literal) and str(o.datatype or "").startswith(AS_WRITTEN))
    if n:
        graph.add((URIRef(graph_iri), KEPT_AS_WRITTEN, Literal(n)))
    return n


def keep_as_written(graph: Graph) -> tuple[Graph, int]:
    """``graph`` with every literal the store would rewrite escaped, and how many distinct literals that was."""
    bad = escapes(graph.objects())
    if not bad:
        return graph, 0
    out = Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns, override=True)
    for s, p, o in graph:
        out.add((s, p, bad.get(o, o)))  # type: ignore[arg-type, call-overload]
    return out, len(bad)


def triples_as_written(triples: list[tuple[Node, Node, Node]]) -> list[tuple[Node, Node, Node]]:
    """``triples`` with every object literal the store would rewrite escaped (a report quoting such a value)."""
    bad = escapes(o for _, _, o in triples)
    return [(s, p, bad.get(o, o)) for s, p, o in triples] if bad else triples  # type: ignore[call-overload]


@functools.lru_cache(maxsize=4096)  # the planner writes the same constants into many queries
def stored_term(term: Literal) -> Literal:
    """The literal as the store holds it when kept as written: escaped if the store would rewrite it. SPARQL
    must name a literal this way to match it with sameTerm (Oxigraph reads "4.0"^^xsd:decimal in a query as
    "4", so sh:in ("4.0"^^xsd:decimal) would otherwise match a stored "4")."""
    return escapes([term]).get(term, term)


def sparql_datatype(v: str) -> str:
    """A SPARQL expression for the datatype of the literal in ``v`` as it was written."""
    dt = f"DATATYPE({v})"
    return f'IF(STRSTARTS(STR({dt}), "{AS_WRITTEN}"), IRI(STRAFTER(STR({dt}), "{AS_WRITTEN}")), {dt})'


def sparql_value(v: str) -> str:
    """A SPARQL expression for the value of ``v`` to compare with < or >: an escaped literal as its typed value
    ("4.0"^^xsd:decimal compares as 4.0), any other term as itself."""
    return f'IF(STRSTARTS(STR(DATATYPE({v})), "{AS_WRITTEN}"), STRDT(STR({v}), {sparql_datatype(v)}), {v})'


def _line_of(path: Path, lexical: str) -> int | None:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if lexical in line:
            return number
    return None


# xsd:date's lexical form (an optional time zone allowed); date.fromisoformat alone also takes "20270101" and
# week dates, which are not xsd:dates.
_XSD_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$")


# What every page, export and question calls a valid-until value that spells no date ("soon", "2027-13-01").
NO_READABLE_DATE = "no readable expiry date"

# The same lexical form as a SPARQL REGEX (months and days in range), for queries reading a date written without
# its datatype as ``iso_date`` does; a day past the month's end is left to the engine's date comparison.
SPARQL_DATE_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(Z|[+-][0-9]{2}:[0-9]{2})?$"


def sparql_as_date(var: str, day: str | None = None) -> str:
    """A SPARQL expression giving ``var``'s value as an xsd:date when it is one or spells one ("2026-12-01" with no
    datatype), else an error (so unbound in a BIND).

    ``day``: a typed date constant (``sparql_date``) for an engine that errs comparing a string with a date, as SPARQL
    says (Oxigraph): a value that compares with it is taken as it is, so only the rare others pay for the REGEX (81k
    records: 0.12-0.20 s, against 0.28-0.40 s testing the datatype first). Without it the datatype is tested first,
    for engines that compare anything (Virtuoso 7.2 took "soon" and "2026-12-01" for dates before any date)."""
    known = f"COALESCE({var} < {day} || {var} >= {day}, false)" if day else f"datatype({var}) = xsd:date"
    return (f'IF({known}, {var}, IF(REGEX(STR({var}), "{SPARQL_DATE_PATTERN}"), '
            f"STRDT(STR({var}), xsd:date), ?notADate))")


def sparql_date(d: date) -> str:
    """``d`` as a typed literal in a query: a constant Oxigraph compares as it is, where ``xsd:date("...")`` is cast
    again on every row (0.46 s -> 0.18 s over 81k evidence records)."""
    return f'"{d.isoformat()}"^^xsd:date'


def iso_date(value: object) -> date | None:
    """The date an xsd:date value stands for, or None when it is not one ("soon", "2027-13-01", nothing).

    Data loaded as RDF can say anything, and validation reports a malformed date; the questions must still
    answer, and a value that is not a date proves no evidence current.
    """
    m = _XSD_DATE.match("" if value is None else str(value).strip())
    if not m:
        return None
    try:
        return date.fromisoformat(m.group(1))
    except ValueError:
        return None
