"""Suggestions scored leave-one-document-out against the hand-made crosswalk (``compgraph eval-suggest``
without ``--gold``).

Circular by construction (the crosswalk was drafted with the same keywords the word rankers read), so it is a
regression check on the word and embedding rankers, not evidence that suggestions are right: the hand-labelled
gold sets (``rank_gold``) are that.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from compgraph.graph.namespaces import entity_iri
from compgraph.graph.store import GraphStore
from compgraph.legal.suggest import (
    NO_MATCH_THRESHOLD,
    ControlDoc,
    embeddings_available,
    load_controls,
    load_obligations,
    suggest_for,
)


@dataclass
class RankMetrics:
    ranker: str
    document: str
    queries: int
    hits_at_1: float
    hits_at_5: float
    mrr: float


@dataclass
class SuggestEval:
    per_document: list[RankMetrics]
    overall: list[RankMetrics]
    thresholds: dict[str, tuple[float, float]]  # ranker -> (chosen threshold, F1 of the no-match flag)
    unavailable: dict[str, str] = field(default_factory=dict)


def crosswalk_gold(store: GraphStore) -> dict[str, set[str]]:
    """obligation id -> control ids the hand-made crosswalk maps it to."""
    res = store.select("""
        SELECT ?oid ?cid WHERE { GRAPH cgg:crosswalk { ?o cg:satisfiedBy ?c } ?o dcterms:identifier ?oid .
                                 ?c dcterms:identifier ?cid }""")
    gold: dict[str, set[str]] = defaultdict(set)
    for row in res.values():
        gold[row["oid"]].add(row["cid"])
    return dict(gold)


def _crosswalk_controls(store: GraphStore, exclude_doc: str) -> list[ControlDoc]:
    """Controls expanded only with crosswalk mappings of *other* documents (leave-one-document-out)."""
    controls = load_controls(store, mapping_graphs_excluding_document=exclude_doc)
    res = store.select(f"""
        SELECT DISTINCT ?cid ?text WHERE {{
          GRAPH cgg:crosswalk {{ ?o cg:satisfiedBy ?c }} ?o cg:sourceText ?text . ?c dcterms:identifier ?cid .
          FILTER NOT EXISTS {{ ?o cg:fromDocument <{entity_iri("document", exclude_doc)}> }} }}""")
    by_id = {c.id: c for c in controls}
    for c in controls:
        c.mapped_texts = []
    for row in res.values():
        if row["cid"] in by_id:
            by_id[row["cid"]].mapped_texts.append(row["text"])
    return controls


def choose_threshold(top_scores: list[float], useful: list[bool]) -> tuple[float, float]:
    """The top-score cut-off that best flags obligations whose suggestions are useless (max F1)."""
    best = (0.0, 0.0)
    for t in sorted(set(top_scores)):
        flagged = [s < t for s in top_scores]
        tp = sum(f and not u for f, u in zip(flagged, useful, strict=True))
        fp = sum(f and u for f, u in zip(flagged, useful, strict=True))
        fn = sum((not f) and (not u) for f, u in zip(flagged, useful, strict=True))
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best[1]:
            best = (t, f1)
    return round(best[0], 3), round(best[1], 3)


def evaluate(store: GraphStore, rankers: Sequence[str] | None = None, k: int = 5) -> SuggestEval:
    """Leave-one-document-out: rank controls for each document's obligations; gold = the crosswalk."""
    rankers = list(rankers or (["bm25", "embeddings"]))
    gold = crosswalk_gold(store)
    docs = sorted({o.document for o in load_obligations(store)})
    result = SuggestEval([], [], {})
    for name in rankers:
        if name == "embeddings" and not embeddings_available():
            result.unavailable[name] = "not installed (pip install 'compgraph[embeddings]')"
            continue
        ranks_all: list[int | None] = []
        tops: list[float] = []
        useful: list[bool] = []
        for doc in docs:
            obligations = load_obligations(store, doc)
            controls = _crosswalk_controls(store, doc)
            suggestions = suggest_for(obligations, controls, top_k=len(controls), ranker=name)
            ranks: list[int | None] = []
            for s in suggestions:
                ids = [m.id for m in s.controls]
                g = gold.get(s.obligation, set())
                rank = next((i + 1 for i, c in enumerate(ids) if c in g), None) if g else None
                tops.append(s.controls[0].score if s.controls else 0.0)
                useful.append(rank is not None and rank <= k)
                if g:
                    ranks.append(rank)
            result.per_document.append(_metrics(name, doc, ranks))
            ranks_all += ranks
        result.overall.append(_metrics(name, "all", ranks_all))
        result.thresholds[name] = choose_threshold(tops, useful)
    return result


def _metrics(ranker: str, doc: str, ranks: list[int | None]) -> RankMetrics:
    n = len(ranks)
    if not n:
        return RankMetrics(ranker, doc, 0, 0.0, 0.0, 0.0)
    return RankMetrics(
        ranker,
        doc,
        n,
        round(sum(1 for r in ranks if r == 1) / n, 3),
        round(sum(1 for r in ranks if r is not None and r <= 5) / n, 3),
        round(sum(1 / r for r in ranks if r) / n, 3),
    )


def render_eval(ev: SuggestEval) -> str:
    lines = ["Leave-one-document-out on the hand-made crosswalk (gold = its obligation -> control mappings)", ""]
    lines.append(f"{'document':<22} {'ranker':<11} {'queries':>7} {'hits@1':>7} {'hits@5':>7} {'MRR':>7}")
    for m in sorted(ev.per_document + ev.overall, key=lambda m: (m.document == "all", m.document, m.ranker)):
        lines.append(
            f"{m.document:<22} {m.ranker:<11} {m.queries:>7} {m.hits_at_1:>7.3f} {m.hits_at_5:>7.3f} {m.mrr:>7.3f}"
        )
    lines.append("")
    for name, (t, f1) in ev.thresholds.items():
        lines.append(
            f"no-good-match threshold measured for {name}: top score < {t:g} (F1 {f1:.3f} at flagging obligations "
            f"whose gold control is not in the top 5); in use: {NO_MATCH_THRESHOLD[name]:g}"
        )
    for name, why in ev.unavailable.items():
        lines.append(f"{name}: {why}")
    return "\n".join(lines) + "\n"
