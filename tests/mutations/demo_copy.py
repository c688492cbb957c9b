"""A small copy of the shipped demo that mutations edit: its files (YAML, TSV, evidence) and its graphs.

The demo is planned once per session from a copy of ontology/ and mappings/. A mutation edits a copy of
those files (the loader then re-plans them) and/or the planned RDF, and the result is loaded into a fresh
embedded store. To keep pySHACL at a few seconds per run, only the obligations in KEEP (and their mappings)
stay in the graphs: every rule still sees obligations of each modality, mapped and unmapped.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from compgraph.graph import catalog
from compgraph.graph.build import plan_build
from compgraph.graph.namespaces import CG, entity_iri
from compgraph.graph.store import LocalStore

REPO = Path(__file__).resolve().parents[2]

KEEP = {
    # sustainability (one org-wide control), mapped mandatory/commitment/prohibition, the planted unmapped ones
    "COC-10-01", "COC-10-03", "COC-10-11", "COC-04-03", "COC-03-06", "COC-06-13", "MOZ-2.1-01", "MOZ-2.1-04",
    "MOZ-4.5-03", "MOZ-6.1-07", "RAU-1.3-03", "RAU-2.4-01", "RAU-2.4-02", "RAU-2.4-03", "COC-16-09", "RAU-1.4-01",
}  # fmt: skip


def obligation(oid: str) -> URIRef:
    return URIRef(entity_iri("obligation", oid))


def trim(graph: Graph) -> Graph:
    """The graph without the obligations outside KEEP, their satisfiedBy links and their mapping nodes."""
    drop = {o for o in graph.subjects(RDF.type, CG.Obligation) if str(o).rsplit("/", 1)[-1] not in KEEP}
    drop |= {m for m, o in graph.subject_objects(CG.mappingSubject) if str(o).rsplit("/", 1)[-1] not in KEEP}
    out = Graph()
    for t in graph:
        if t[0] not in drop:
            out.add(t)
    return out


def planned(root: Path) -> dict[str, Graph]:
    """graph IRI -> trimmed RDF with its provenance, as build() would write it from the files under root."""
    plan = plan_build(ontology=root / "ontology", mappings=root / "mappings")
    return {
        s.graph: trim(s.rdf + catalog.describe_source(s.rdf, s.graph, s.path, relative_to=root)) for s in plan.sources
    }


@dataclass
class Demo:
    """One mutable copy: the files under ``root`` and the planned graphs."""

    root: Path
    graphs: dict[str, Graph]
    replanned: bool = field(default=False)

    def edit(self, relative: str, change: Callable[[str], str]) -> None:
        """Edit a source file (the loader re-plans the copy before validation)."""
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        new = change(text)
        assert new != text, f"mutation did not change {relative}"
        path.write_text(new, encoding="utf-8")
        self.replanned = True

    def union(self) -> Graph:
        g = Graph()
        for part in self.graphs.values():
            g += part
        return g

    def graph_holding(self, node: URIRef) -> Graph:
        for g in self.graphs.values():
            if (node, None, None) in g:
                return g
        raise AssertionError(f"{node} is in no graph")

    def store(self, path: Path) -> LocalStore:
        if self.replanned:
            self.graphs = planned(self.root)
            self.replanned = False
        store = LocalStore(path)
        for iri, g in self.graphs.items():
            store.replace_graph(iri, g.serialize(format="nt", encoding="utf-8"))
        return store


def copy_files(target: Path) -> Path:
    for name in ("ontology", "mappings"):
        shutil.copytree(REPO / name, target / name)
    return target


def copy_demo(base: Demo, target: Path) -> Demo:
    shutil.copytree(base.root, target)
    graphs = {}
    for iri, g in base.graphs.items():
        copy = Graph()
        copy += g
        graphs[iri] = copy
    return Demo(target, graphs)
