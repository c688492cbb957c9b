"""A plan spelled for a remote SPARQL server: class tests as the store's own class hierarchy, listed.

The plan tests membership of a class as ``?x rdf:type/rdfs:subClassOf* C``. Virtuoso 7.2 answers that path (and
``rdf:type ?c . ?c rdfs:subClassOf+ C``) wrongly inside a MINUS or NOT EXISTS that shares ``?x`` with the row, and
at times as a focus-node sub-select: no value matched, so 631 of the demo's 632 mapped controls were "not in the
control catalog" and a whole organisation's obligations went unreported. The same test with the subclasses read
from the store first and listed, ``?x rdf:type ?c . VALUES ?c { C S1 ... }``, it answers right, and it is the same
on every engine: the hierarchy is the one the store holds when the validation runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from compgraph.checks.sparql.plan import Plan, Query
from compgraph.graph.namespaces import PREFIXES
from compgraph.graph.store import GraphStore

TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
_TERM = r"<[^<>\s]*>|(?:[A-Za-z][\w.-]*)?:[\w.%-]*"
# The plan spells a class test with full IRIs; a shape's own SPARQL constraint may spell it with its prefixes or
# "a" (the SHACL spec's own idiom), and is listed the same way when its names resolve to rdf:type and subClassOf.
_CLASS_TEST = re.compile(
    rf"([?$][A-Za-z_][A-Za-z0-9_]*|{_TERM})\s+(a|{_TERM})\s*/\s*({_TERM})\s*\*\s+({_TERM})(?=\s*[.}}])"
)
_PREFIX = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^<>\s]*)>", re.IGNORECASE)


def _class_tests(query: str) -> list[tuple[re.Match[str], str]]:
    """Each class test in ``query`` (``X rdf:type/rdfs:subClassOf* C`` ending a triple) with C's IRI."""
    # The plan's texts are sent after compgraph's own PREFIX lines (``sparql_prefixes``): a name the text does not
    # declare is one of those; one it declares again is its own.
    prefixes = {**PREFIXES, **{m.group(1) or "": m.group(2) for m in _PREFIX.finditer(query)}}

    def iri(term: str) -> str | None:
        if term.startswith("<"):
            return term[1:-1]
        name, _, local = term.partition(":")
        return prefixes[name] + local if name in prefixes else None

    found = []
    for m in _CLASS_TEST.finditer(query):
        kind = TYPE if m.group(2) == "a" else iri(m.group(2))
        cls = iri(m.group(4))
        if kind == TYPE and iri(m.group(3)) == SUBCLASS and cls is not None:
            found.append((m, cls))
    return found


def class_closure(store: GraphStore, classes: set[str]) -> dict[str, list[str]]:
    """Each class with its subclasses at any depth, as the store holds them (the class itself first)."""
    below: dict[str, set[str]] = {c: set() for c in classes}
    if classes:
        # A top-level path from a constant, which Virtuoso answers right (from a VALUES variable it refuses:
        # "transitive start not given").
        branches = " UNION ".join(f"{{ ?s <{SUBCLASS}>+ <{c}> BIND(<{c}> AS ?c) }}" for c in sorted(classes))
        for c, s in store.query(f"SELECT DISTINCT ?c ?s WHERE {{ {branches} }}").rows:
            below[str(c)].add(str(s))
    return {c: [c, *sorted(below[c] - {c})] for c in sorted(classes)}


def spelled(query: str, closure: dict[str, list[str]]) -> str:
    """The query with each class test as ``?x rdf:type ?_classN . VALUES ?_classN { ... }``."""
    out, end = [], 0
    for n, (m, cls) in enumerate(_class_tests(query), start=1):
        var = f"?_class{n}"
        members = " ".join(f"<{c}>" for c in closure.get(cls, [cls]))
        out += [query[end : m.start()], f"{{ {m.group(1)} <{TYPE}> {var} . VALUES {var} {{ {members} }} }}"]
        end = m.end()
    return "".join(out) + query[end:]


def classes_tested(p: Plan) -> set[str]:
    """The classes the plan's queries test, read through ``_with_texts`` so the texts a query sends are listed once."""
    found: set[str] = set()

    def note(text: str) -> str:
        found.update(cls for _, cls in _class_tests(text))
        return text

    for q in p.queries:
        _with_texts(q, note)
    return found


def for_a_server(p: Plan, store: GraphStore) -> Plan:
    """The plan with every query's class tests listed from ``store``'s class hierarchy."""
    closure = class_closure(store, classes_tested(p))
    return replace(p, queries=[_with_texts(q, lambda text: spelled(text, closure)) for q in p.queries])


def _with_texts(q: Query, change: Callable[[str], str]) -> Query:
    """``q`` with ``change`` applied to each SPARQL text it may send (the one place that lists them)."""
    return replace(
        q,
        sparql=change(q.sparql),
        few_sparql=q.few_sparql and change(q.few_sparql),
        repeat_sparql=q.repeat_sparql and change(q.repeat_sparql),
        probe=q.probe and (q.probe[0], change(q.probe[1])),
        lookup=q.lookup and (q.lookup[0], change(q.lookup[1])),
    )
