"""What SPARQL servers do differently from the standard, read or written for RemoteStore.

Kept apart from ``store`` so the store's contract stays readable; README ("SPARQL endpoint and remote
stores") says, per server, which of these matter and why.
"""

from __future__ import annotations

import re
from typing import Any

from rdflib import BNode, Graph

# Virtuoso's own RDF-view metadata, in every Virtuoso database; seen by compgraph only if not made private.
VIRTUOSO_METADATA_GRAPH = "http://www.openlinksw.com/schemas/virtrdf#"

# The first keyword after the prologue (PREFIX/BASE declarations and comments) names a query's form.
_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)*", re.IGNORECASE)
_FORM = re.compile(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def query_form(sparql: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE, read from the query text (None if it starts otherwise)."""
    prologue = _PROLOGUE.match(sparql)
    m = _FORM.match(sparql, prologue.end() if prologue else 0)
    return m.group(1).upper() if m else None


def accept_for(sparql: str) -> str:
    """One media type per query form: Virtuoso ignores q-values and would send a CONSTRUCT as a table."""
    if query_form(sparql) in ("CONSTRUCT", "DESCRIBE"):
        return "application/n-triples"
    return "application/sparql-results+json, application/n-triples;q=0.9"


def virtuoso_ask(variables: list[str], bindings: list[dict[str, Any]]) -> bool | None:
    """Virtuoso 7.2 answers ASK as a table of ``__ASK_RETVAL`` (one row of 1, or none); None if not that."""
    if variables != ["__ASK_RETVAL"]:
        return None
    return any(b["__ASK_RETVAL"]["value"] == "1" for b in bindings)


# SQL states Virtuoso sends, as an HTTP 500, when it stopped a query at its time limit rather than answering
# the rows it had: S1T00 (timeout), HY008 (its watchdog cancelled the statement: "SR203: Async statement killed
# by SQLCancel", seen in CI on a loaded machine) and SR171 (transaction timed out).
_VIRTUOSO_STOPPED = re.compile(r"^Virtuoso (S1T00|HY008|SR171)\b|\bSR171:")


def virtuoso_stopped(body: str) -> bool:
    """Whether a Virtuoso error body says the query was stopped for time, not that it was wrong."""
    return bool(_VIRTUOSO_STOPPED.search(body.strip()))


def virtuoso_insert(graph: str, parsed: Graph) -> str:
    """SPARQL Update that inserts ``parsed`` into ``graph`` on Virtuoso.

    Virtuoso refuses blank nodes in INSERT DATA, and compiles a template into SQL too long past a few
    hundred triples: the triples without blank nodes go as data, the rest (few: provenance) as a template
    matched once, so each label stays one node.
    """
    plain, with_bnodes = Graph(), Graph()
    for t in parsed:
        (with_bnodes if any(isinstance(x, BNode) for x in t) else plain).add(t)
    ops = [f"INSERT DATA {{ GRAPH <{graph}> {{\n{plain.serialize(format='nt')}\n}} }}"] if len(plain) else []
    if len(with_bnodes):
        ops.append(f"INSERT {{ GRAPH <{graph}> {{\n{with_bnodes.serialize(format='nt')}\n}} }} WHERE {{}}")
    return " ;\n".join(ops) or "INSERT DATA {}"
