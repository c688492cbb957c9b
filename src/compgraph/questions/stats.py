"""Counts that tell a user what the graph holds: obligations per document and modality, and so on."""

from __future__ import annotations

from dataclasses import dataclass

from compgraph.graph.store import GraphStore


@dataclass
class Stats:
    graphs: dict[str, int]
    obligations: list[tuple[str, str, int]]  # (document id, modality, count)
    entities: dict[str, int]
    controls_by_type: list[tuple[str, int]]
    systems_by_risk: list[tuple[str, int]]

    def obligations_by_document(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for doc, mod, n in self.obligations:
            out.setdefault(doc, {})[mod] = n
        return out


def collect(store: GraphStore) -> Stats:
    obligations = store.select("""
        SELECT ?doc ?mod (COUNT(?o) AS ?n) WHERE {
          ?o a cg:Obligation ; cg:fromDocument/dcterms:identifier ?doc ; cg:modality/skos:notation ?mod .
        } GROUP BY ?doc ?mod ORDER BY ?doc ?mod""")
    entities = store.select("""
        SELECT ?cls (COUNT(?x) AS ?n) WHERE {
          VALUES ?cls { cg:Obligation cg:Control cg:ControlMapping cg:AISystem cg:Dataset cg:Evidence cg:Organisation }
          ?x a ?cls } GROUP BY ?cls""")
    by_type = store.select("""
        SELECT ?t (COUNT(?c) AS ?n) WHERE { ?c a cg:Control ; cg:controlType/skos:notation ?t }
        GROUP BY ?t ORDER BY DESC(?n) ?t""")
    by_risk = store.select("""
        SELECT ?r (COUNT(?s) AS ?n) WHERE { ?s a cg:AISystem ; cg:riskLevel/skos:notation ?r }
        GROUP BY ?r ORDER BY ?r""")
    return Stats(
        graphs=store.graph_counts(),
        obligations=[(str(d), str(m), int(n)) for d, m, n in obligations.rows],
        # In name order: the rows come in the engine's order (Virtuoso's differs), and `stats --format json` of the
        # same graph should read the same wherever it is kept.
        entities={str(c).rsplit("#", 1)[-1]: int(n) for c, n in sorted(entities.rows, key=lambda r: str(r[0]))},
        controls_by_type=[(str(t), int(n)) for t, n in by_type.rows],
        systems_by_risk=[(str(r), int(n)) for r, n in by_risk.rows],
    )


def render_text(s: Stats) -> str:
    lines = ["Obligations by document and modality:"]
    for doc, mods in s.obligations_by_document().items():
        total = sum(mods.values())
        detail = ", ".join(f"{m} {n}" for m, n in sorted(mods.items()))
        lines.append(f"  {doc}: {total} ({detail})")
    lines.append(f"  total: {sum(n for _, _, n in s.obligations)}")
    lines.append("")
    lines.append("Entities: " + ", ".join(f"{k} {v}" for k, v in sorted(s.entities.items())))
    lines.append("Systems by risk level: " + ", ".join(f"{r} {n}" for r, n in s.systems_by_risk))
    lines.append("Controls by type: " + ", ".join(f"{t} {n}" for t, n in s.controls_by_type))
    lines.append("")
    lines.append(f"Named graphs ({sum(s.graphs.values())} triples):")
    for g, n in s.graphs.items():
        lines.append(f"  {n:>8}  {g}")
    return "\n".join(lines) + "\n"
