"""Evidence added and renewed by people (CLI or browser), in the demo's own terms, with the bytes kept safe.

An item is ``cg:Evidence`` with ``dcterms:identifier``, ``rdfs:label``, ``cg:evidenceFor`` (a control),
``cg:concerns`` (a system or the organisation), ``dcterms:issued``, ``cg:validUntil`` and ``cg:sha256``, as the
catalog loader writes them (graph/catalog.py), plus ``cg:file`` (where its bytes are kept) or ``cg:url`` and,
for a URL, ``dcterms:source``: the address that answered after redirects, which the bytes derive from. Each
item lives in its own graph ``cgg:evidence/<id>``, so adding one is one small write and one audit-trail entry.

The bytes are stored content-addressed beside the store (``DIR/evidence-files/ab/abcdef...``): the name is
the SHA-256 computed here, never one the caller claims, so the digest in the graph always describes the file.
Renewing makes a new item that ``prov:wasRevisionOf`` the old one; the old one is kept.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from compgraph.graph.history import acting, current_actor
from compgraph.graph.namespaces import CG, IRI_EXCLUDED, entity_iri, graph_iri
from compgraph.graph.store import GraphStore

FILES = "evidence-files"
MAX_BYTES = 50 * 1024 * 1024
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,80}")


class EvidenceError(ValueError):
    """Bad evidence input: the message names the field."""


@dataclass(frozen=True)
class Item:
    ident: str
    label: str
    control: str
    concerns: str
    valid_until: date
    issued: date
    sha256: str
    file: str | None = None
    url: str | None = None
    revises: str | None = None
    final_url: str | None = None


def keep_bytes(root: Path, data: bytes) -> tuple[str, str]:
    """Store ``data`` under its SHA-256 beside the store; (digest, path relative to the store)."""
    if len(data) > MAX_BYTES:
        raise EvidenceError(f"file: larger than {MAX_BYTES // (1024 * 1024)} MiB")
    digest = hashlib.sha256(data).hexdigest()
    rel = f"{FILES}/{digest[:2]}/{digest}"
    target = root / rel
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
    return digest, rel


# "a b" or "<x>" as an id made the query a syntax error (a 500 from the evidence form, a traceback from the CLI).
_NOT_IN_IRI = re.compile(f"[{IRI_EXCLUDED}]")


def _exists(store: GraphStore, iri: str, cls: str) -> bool:
    """Whether ``iri`` is a ``cls``; an IRI no node can have (a space, a '>') is simply not one."""
    if _NOT_IN_IRI.search(iri):
        return False
    return bool(store.select(f"ASK {{ <{iri}> a cg:{cls} }}").boolean)


def concerns_iri(store: GraphStore, ident: str) -> str:
    for kind, cls in (("system", "AISystem"), ("organisation", "Organisation")):
        iri = entity_iri(kind, ident)
        if _exists(store, iri, cls):
            return iri
    raise EvidenceError(f"--concerns: no AI system or organisation with id {ident!r}")


def check_id(ident: str) -> str:
    if not _ID.fullmatch(ident):
        raise EvidenceError(f"--id: {ident!r} is not an id (letters, digits, '.', '_', '-'; at most 81)")
    return ident


def check(store: GraphStore, ident: str, control: str, concerns: str, issued: date, valid_until: date) -> None:
    """Everything about a new item that can be wrong, checked before its bytes are kept or anything written.

    The control and what it concerns first: the default id is made from the control, so a control id with a
    space was reported as a bad --id the user never gave."""
    if not _exists(store, entity_iri("control", control), "Control"):
        raise EvidenceError(f"--control: no control with id {control!r}")
    concerns_iri(store, concerns)
    check_id(ident)
    if _exists(store, entity_iri("evidence", ident), "Evidence"):
        raise EvidenceError(f"--id: evidence {ident!r} exists already (renew it instead)")
    if valid_until < issued:
        raise EvidenceError(f"--valid-until: {valid_until} is before the issue date {issued}")


def add(store: GraphStore, item: Item) -> str:
    """Write the item (its own graph, one audit-trail entry naming it); returns its IRI."""
    check(store, item.ident, item.control, item.concerns, item.issued, item.valid_until)
    iri = entity_iri("evidence", item.ident)
    control = entity_iri("control", item.control)
    g = Graph()
    e = URIRef(iri)
    g.add((e, RDF.type, CG.Evidence))
    g.add((e, DCTERMS.identifier, Literal(item.ident)))
    g.add((e, RDFS.label, Literal(item.label)))
    g.add((e, CG.evidenceFor, URIRef(control)))
    g.add((e, CG.concerns, URIRef(concerns_iri(store, item.concerns))))
    g.add((e, DCTERMS.issued, Literal(item.issued.isoformat(), datatype=XSD.date)))
    g.add((e, CG.validUntil, Literal(item.valid_until.isoformat(), datatype=XSD.date)))
    g.add((e, CG.sha256, Literal(item.sha256)))
    if item.file:
        g.add((e, CG.file, Literal(item.file)))
    if item.url:
        g.add((e, CG.url, URIRef(item.url)))
    if item.final_url:
        g.add((e, DCTERMS.source, URIRef(item.final_url)))
    if item.revises:
        g.add((e, PROV.wasRevisionOf, URIRef(entity_iri("evidence", item.revises))))
    actor = current_actor()
    with acting(actor.agent, actor.command, actor.reason, (iri,)):
        store.replace_graph(graph_iri("evidence", item.ident), g.serialize(format="nt", encoding="utf-8"))
    return iri


def previous(store: GraphStore, ident: str) -> Item:
    """The item ``ident`` as stored (to renew it)."""
    if _NOT_IN_IRI.search(entity_iri("evidence", ident)):
        raise EvidenceError(f"ID: no evidence with id {ident!r}")
    res = store.select(f"""
        SELECT ?label ?ctl ?concerns WHERE {{
          <{entity_iri("evidence", ident)}> a cg:Evidence ; cg:evidenceFor ?c ; cg:concerns ?t .
          OPTIONAL {{ <{entity_iri("evidence", ident)}> rdfs:label ?label }}
          ?c dcterms:identifier ?ctl . ?t dcterms:identifier ?concerns .
        }} LIMIT 1""")
    if not res.rows:
        raise EvidenceError(f"ID: no evidence with id {ident!r}")
    label, ctl, concerns = (str(v) if v is not None else "" for v in res.rows[0])
    return Item(ident, label, ctl, concerns, date.today(), date.today(), "")


def next_version_id(store: GraphStore, ident: str) -> str:
    base = re.sub(r"-v\d+$", "", ident)
    n = 2
    while _exists(store, entity_iri("evidence", f"{base}-v{n}"), "Evidence"):
        n += 1
    return f"{base}-v{n}"
