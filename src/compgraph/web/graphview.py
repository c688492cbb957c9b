"""The graph view's data: the entities within a few links of a node, each with its gap status, as Cytoscape
elements (``/graph/<kind>/<id>``). Reads the store through the cached coverage of ``model``."""

from __future__ import annotations

from datetime import date
from typing import Any

from compgraph.graph.namespaces import CG, shorten
from compgraph.graph.store import GraphStore
from compgraph.questions import trace as tr
from compgraph.web.model import (
    RELATION_NAMES,
    Cache,
    coverage,
    entity_url,
    evidence_state,
    kind_of,
    obligation_statuses,
    property_name,
    property_names,
    status_slug,
)

GRAPH_PROPERTIES = [
    CG.fromDocument,
    CG.satisfiedBy,
    CG.implementsControl,
    CG.operatedBy,
    CG.subjectTo,
    CG.usesDataset,
    CG.trainedOn,
    CG.evidenceFor,
    CG.concerns,
]


def neighbourhood(
    store: GraphStore, iri: str, depth: int, as_of: date, cache: Cache, max_nodes: int = 150
) -> dict[str, Any]:
    """Cytoscape elements for the entities within ``depth`` links of ``iri``, coloured by gap status."""
    props = " ".join(f"<{p}>" for p in GRAPH_PROPERTIES)
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    frontier = {iri}
    truncated = False
    nodes[iri] = {"dist": 0}
    for step in range(1, depth + 1):
        if not frontier:
            break
        values = " ".join(f"<{n}>" for n in sorted(frontier))
        res = store.query(f"""
            SELECT ?s ?p ?o WHERE {{
              VALUES ?p {{ {props} }} VALUES ?x {{ {values} }}
              {{ ?x ?p ?o . BIND(?x AS ?s) }} UNION {{ ?s ?p ?x . BIND(?x AS ?o) }}
            }}""")
        nxt = set()
        for s, p, o in res.rows:
            for n in (str(s), str(o)):
                if n not in nodes:
                    if len(nodes) >= max_nodes:
                        truncated = True
                        continue
                    nodes[n] = {"dist": step}
                    nxt.add(n)
            if str(s) in nodes and str(o) in nodes:
                edges[(str(s), str(p), str(o))] = {}
        frontier = nxt
    _describe_nodes(store, nodes, as_of, cache)
    elements = []
    for n, data in nodes.items():
        elements.append({"group": "nodes", "data": {"id": n, **data, "focus": n == iri}})
    props = property_names(store)
    for i, (s, p, o) in enumerate(sorted(edges)):
        names = RELATION_NAMES.get(shorten(p))
        text = names[0] if names else property_name(p, props)
        # kind: the property's local name, which graph.js keys each link's colour and line style by.
        kind = p.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        elements.append(
            {"group": "edges", "data": {"id": f"e{i}", "source": s, "target": o, "label": text, "kind": kind}}
        )
    return {"focus": iri, "depth": depth, "truncated": truncated, "elements": elements}


def _describe_nodes(store: GraphStore, nodes: dict[str, dict[str, Any]], as_of: date, cache: Cache) -> None:
    values = " ".join(f"<{n}>" for n in sorted(nodes))
    res = store.select(f"""
        SELECT ?x (SAMPLE(?id) AS ?ident) (SAMPLE(?l) AS ?label) (SAMPLE(?u) AS ?until) WHERE {{
          VALUES ?x {{ {values} }}
          OPTIONAL {{ ?x dcterms:identifier ?id }} OPTIONAL {{ ?x rdfs:label ?l }} OPTIONAL {{ ?x cg:validUntil ?u }}
        }} GROUP BY ?x""")
    statuses = obligation_statuses(store, as_of, cache)
    cov = coverage(store, as_of, cache)
    implemented = {str(r[0]) for r in store.select("SELECT DISTINCT ?c WHERE { ?x cg:implementsControl ?c }").rows}
    for x, ident, lab, until in res.rows:
        iri = str(x)
        kind = kind_of(iri) or "other"
        status = None
        if kind == "obligation":
            status = statuses.get(iri, tr.UNMAPPED)
        elif kind == "system":
            status = cov.worst(iri)
        elif kind == "evidence":
            status = tr.COVERED if evidence_state(until, as_of) == "current" else tr.EXPIRED
        elif kind == "control":
            status = tr.COVERED if iri in implemented else tr.MISSING_CONTROL
        nodes[iri].update(
            {
                "label": str(ident or lab or shorten(iri)),
                "title": str(lab or ident or shorten(iri)),
                "kind": kind,
                "status": status_slug(status) if status else "none",
                "url": entity_url(iri) or "",
            }
        )


