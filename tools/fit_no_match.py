"""Fit the fused rankers' "no good match" model on hand-labelled gold files, and say how well it generalises.

    PYTHONPATH=src python tools/fit_no_match.py [--ranker hybrid] [--feature NAME ...] GOLD.tsv ...

Each gold file is ranked as `compgraph eval-suggest --gold` ranks it (its own documents' examples and crosswalk
rows left out), and the features `Suggestion.features` carries are read per duty. The model is then checked
leave-one-file-out: fitted on every other file, applied to this one, as it will meet a document nobody
labelled. The figures are printed for each cut-off on the probability, the cut-off with the best pooled F1 is
chosen, and the model fitted on all files is printed as the `no_match_model` line of suggest-ranker.yaml.
A duty a public body owes is flagged by rule, whatever the model says: those rows count in the figures but
are not fitted on. Needs scikit-learn (installed with the embeddings extra, which sentence-transformers pulls).
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.legal import rank
from compgraph.legal.rank_gold import GoldRun

CUTS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


def read_rows(paths: list[Path], ranker: str) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        store = LocalStore(Path(tmp) / "store")
        try:
            build(store)
            for path in paths:
                run = GoldRun(store, path)
                for duty, s in zip(run.duties, run.suggestions(ranker), strict=True):
                    rows.append({"file": path.stem, "none": not duty.controls,
                                 "body": s.reason.startswith("names"), **s.features})
        finally:
            store.close()
    return rows


def fit(rows: list[dict], features: list[str]):  # noqa: ANN201 - a scikit-learn model
    from sklearn.linear_model import LogisticRegression

    train = [r for r in rows if not r["body"]]
    return LogisticRegression(C=1.0, max_iter=2000).fit([[r[f] for f in features] for r in train],
                                                         [r["none"] for r in train])


def counts(rows: list[dict], chances: list[float], cut: float) -> Counter[str]:
    c: Counter[str] = Counter()
    for r, p in zip(rows, chances, strict=True):
        flagged = r["body"] or p > cut
        c["none"] += r["none"]
        c["flagged"] += flagged
        c["hit"] += flagged and r["none"]
    return c


def figures(c: Counter[str]) -> tuple[float, float, float]:
    recall = c["hit"] / c["none"] if c["none"] else 0.0
    precision = c["hit"] / c["flagged"] if c["flagged"] else 0.0
    return recall, precision, (2 * recall * precision / (recall + precision) if c["hit"] else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--ranker", default="hybrid", choices=rank.FUSED)
    parser.add_argument("--feature", action="append", choices=rank.NO_MATCH_FEATURES,
                        help="a feature of the model (repeat); default: every one the ranker computes")
    args = parser.parse_args()
    rows = read_rows(args.gold, args.ranker)
    features = args.feature or [f for f in rank.NO_MATCH_FEATURES if all(f in r for r in rows)]
    files = list(dict.fromkeys(r["file"] for r in rows))
    held: dict[str, list[float]] = {}
    for name in files:
        model = fit([r for r in rows if r["file"] != name], features)
        held[name] = list(model.predict_proba([[r[f] for f in features] for r in rows if r["file"] == name])[:, 1])
    print(f"features: {', '.join(features)}; leave one file out (recall / precision of 'no good match'):")
    best = (-1.0, 0.5)
    for cut in CUTS:
        pooled: Counter[str] = Counter()
        cells = []
        for name in files:
            c = counts([r for r in rows if r["file"] == name], held[name], cut)
            pooled.update(c)
            recall, precision, _ = figures(c)
            cells.append(f"{name} {recall:.2f}/{precision:.2f}")
        recall, precision, f1 = figures(pooled)
        best = max(best, (f1, cut))
        print(f"  flag above {cut:.2f}: pooled {recall:.3f} / {precision:.3f} (F1 {f1:.3f}); " + ", ".join(cells))
    model = fit(rows, features)
    terms = {"intercept": float(model.intercept_[0]), **dict(zip(features, map(float, model.coef_[0]), strict=True))}
    line = ", ".join(f"{k}: {v:.3f}" for k, v in terms.items())
    print(f"best pooled F1 at {best[1]:.2f}; fitted on all {len(rows)} duties:")
    print(f"  {args.ranker}: {{{line}, flag_above: {best[1]:.2f}}}")


if __name__ == "__main__":
    main()
