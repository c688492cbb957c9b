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
from compgraph.graph.store import GraphStore

TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
_CLASS_TEST = re.compile(
    r"([?$][A-Za-z_][A-Za-z0-9_]*|<[^<>\s]*>)\s+" + re.escape(f"<{TYPE}>/<{SUBCLASS}>*") + r"\s+<([^<>\s]*)>(?=\s*[.}])"
)


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
    n = 0

    def listed(m: re.Match[str]) -> str:
        nonlocal n
        n += 1
        var = f"?_class{n}"
        members = " ".join(f"<{c}>" for c in closure.get(m.group(2), [m.group(2)]))
        return f"{{ {m.group(1)} <{TYPE}> {var} . VALUES {var} {{ {members} }} }}"

    return _CLASS_TEST.sub(listed, query)


def classes_tested(p: Plan) -> set[str]:
    """The classes the plan's queries test, read through ``_with_texts`` so the texts a query sends are listed once."""
    found: set[str] = set()

    def note(text: str) -> str:
        found.update(m.group(2) for m in _CLASS_TEST.finditer(text))
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
