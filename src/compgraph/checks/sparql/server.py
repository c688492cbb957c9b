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
    out = {c: [c] for c in sorted(classes)}
    if not classes:
        return out
    # A top-level path from a constant, which Virtuoso answers right (from a VALUES variable it refuses:
    # "transitive start not given").
    branches = " UNION ".join(f"{{ ?s <{SUBCLASS}>+ <{c}> BIND(<{c}> AS ?c) }}" for c in sorted(classes))
    res = store.query(f"SELECT DISTINCT ?c ?s WHERE {{ {branches} }}")
    for c, s in res.rows:
        if str(s) not in out[str(c)]:
            out[str(c)].append(str(s))
    return {c: [out[c][0], *sorted(out[c][1:])] for c in out}


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
    return {m.group(2) for q in p.queries for text in _texts(q) for m in _CLASS_TEST.finditer(text)}


def for_a_server(p: Plan, store: GraphStore) -> Plan:
    """The plan with every query's class tests listed from ``store``'s class hierarchy."""
    closure = class_closure(store, classes_tested(p))

    def one(q: Query) -> Query:
        return replace(
            q,
            sparql=spelled(q.sparql, closure),
            few_sparql=q.few_sparql and spelled(q.few_sparql, closure),
            repeat_sparql=q.repeat_sparql and spelled(q.repeat_sparql, closure),
            probe=q.probe and (q.probe[0], spelled(q.probe[1], closure)),
            lookup=q.lookup and (q.lookup[0], spelled(q.lookup[1], closure)),
        )

    return replace(p, queries=[one(q) for q in p.queries])


def _texts(q: Query) -> list[str]:
    return [t for t in (q.sparql, q.few_sparql, q.repeat_sparql, q.probe and q.probe[1], q.lookup and q.lookup[1]) if t]
