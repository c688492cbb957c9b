"""Scoring extracted obligations against hand-verified ones (``compgraph eval-extract``, the catalog tests).

``spans_match`` is the matching rule: texts are compared after ``normalise_for_match``, so OCR damage in a
source does not count against the extractor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from compgraph.legal.text import normalise_for_match

__all__ = ["EvalResult", "evaluate", "spans_match"]


@dataclass
class EvalResult:
    precision: float
    recall: float
    modality_accuracy: float
    matched: list[tuple[Any, Any]]
    false_positives: list[Any]
    false_negatives: list[Any]

    def __str__(self) -> str:
        return (f"precision {self.precision:.3f} recall {self.recall:.3f} "
                f"modality accuracy {self.modality_accuracy:.3f} "
                f"({len(self.matched)} matched, {len(self.false_positives)} spurious, "
                f"{len(self.false_negatives)} missed)")


def _field(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def _tokens(text: str) -> list[str]:
    return normalise_for_match(text).split()


def spans_match(a: str, b: str) -> bool:
    """The matching rule of ``evaluate``.

    Two obligation texts match when, after normalisation (OCR fixes, lower case, punctuation and Markdown
    emphasis removed), one contains the other as a token sequence, or their token sets have Jaccard
    similarity >= 0.5.
    """
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    sa, sb = " ".join(ta), " ".join(tb)
    if f" {sa} " in f" {sb} " or f" {sb} " in f" {sa} ":
        return True
    set_a, set_b = set(ta), set(tb)
    return len(set_a & set_b) / len(set_a | set_b) >= 0.5


def _similarity(a: str, b: str) -> float:
    set_a, set_b = set(_tokens(a)), set(_tokens(b))
    if not set_a or not set_b:
        return 0.0
    return len(set_a & set_b) / len(set_a | set_b)


def evaluate(predicted: Iterable[Any], gold: Iterable[Any]) -> EvalResult:
    """Score predicted obligations against gold ones (dicts or ExtractedObligation objects).

    Matching is one-to-one and greedy by text similarity, using ``spans_match``.  Precision is matched /
    predicted, recall matched / gold, and modality accuracy the share of matched pairs whose modality
    agrees.
    """
    predicted = list(predicted)
    gold = list(gold)
    candidates: list[tuple[float, int, int]] = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            pt, gt = _field(p, "text") or "", _field(g, "text") or ""
            if spans_match(pt, gt):
                candidates.append((_similarity(pt, gt), i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched: list[tuple[Any, Any]] = []
    for _sim, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        matched.append((predicted[i], gold[j]))
    correct = sum(1 for p, g in matched if _field(p, "modality") == _field(g, "modality"))
    return EvalResult(
        precision=len(matched) / len(predicted) if predicted else 0.0,
        recall=len(matched) / len(gold) if gold else 0.0,
        modality_accuracy=correct / len(matched) if matched else 0.0,
        matched=matched,
        false_positives=[p for i, p in enumerate(predicted) if i not in used_p],
        false_negatives=[g for j, g in enumerate(gold) if j not in used_g],
    )
