"""Accepted review decisions whose obligation no longer exists (``compgraph validate``'s orphan section).

``import --replace`` keeps a reviewer's decisions in the review file but loads only those whose obligation
the new text still has. The others are the reviewer's record of a mapping the graph no longer shows: an
auditor must hear about them, not find them missing. The store records which file each review graph was
loaded from (``prov:wasDerivedFrom`` on the mapping set), so validation can re-read those files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from compgraph.graph.catalog import InputError
from compgraph.graph.namespaces import graph_iri
from compgraph.graph.store import GraphStore
from compgraph.legal.review import read_review

__all__ = ["OrphanedReview", "orphaned_reviews", "render_orphans"]


@dataclass(frozen=True)
class OrphanedReview:
    document: str
    obligation: str
    control: str
    file: str
    problem: str = ""  # set when the review file could not be read


def orphaned_reviews(store: GraphStore) -> list[OrphanedReview]:
    """Accepted decisions in the loaded review files whose obligation is not in the store, file by file."""
    prefix = graph_iri("mappingset", "review-")
    rows = store.select(f"""
        SELECT DISTINCT ?g ?file WHERE {{
          GRAPH ?g {{ ?g prov:wasDerivedFrom ?file }}
          FILTER(STRSTARTS(STR(?g), "{prefix}"))
        }} ORDER BY ?g""").rows
    if not rows:
        return []
    existing = {str(r[0]) for r in store.select(
        "SELECT ?id WHERE { ?o a cg:Obligation ; dcterms:identifier ?id }").rows}
    # A mapping set names its file twice: the path it was loaded from and, as build provenance, its name.
    files: dict[str, list[str]] = {}
    for g, file in rows:
        files.setdefault(str(g)[len(prefix):], []).append(str(file))
    found: list[OrphanedReview] = []
    for doc_id, names in files.items():
        path = next((Path(n) for n in sorted(names, key=len, reverse=True) if Path(n).is_file()), None)
        if path is None:
            found.append(OrphanedReview(doc_id, "", "", max(names, key=len), "review file not found, cannot check"))
            continue
        try:
            decisions = read_review(path)
        except InputError as exc:
            found.append(OrphanedReview(doc_id, "", "", str(path), str(exc)))
            continue
        found.extend(OrphanedReview(doc_id, d.obligation, d.control, str(path))
                     for d in decisions if d.action == "accept" and d.obligation not in existing)
    return found


def render_orphans(orphans: list[OrphanedReview]) -> str:
    """A warning section: one line per orphaned decision (or unreadable review file)."""
    if not orphans:
        return ""
    count = sum(1 for o in orphans if not o.problem)
    lines = [f"Orphaned review decisions: {count} accepted mapping(s) name obligations that no longer exist "
             "(the document was re-imported with --replace); review them again or remove them from the file"]
    for o in orphans:
        if o.problem:
            lines.append(f"  {o.document}: {o.file}: {o.problem}")
        else:
            lines.append(f"  {o.document}: {o.obligation} = {o.control} ({o.file})")
    return "\n".join(lines) + "\n"
