"""Fit the fused rankers' "no good match" model on hand-labelled gold files, and say how well it generalises.

    PYTHONPATH=src python tools/fit_no_match.py [--ranker hybrid] [--feature NAME ...] GOLD.tsv ...

Each gold file is ranked as `compgraph eval-suggest --gold` ranks it (its own documents' examples and crosswalk
rows left out), and the features `Suggestion.features` carries are read per duty. Printed, per file and pooled:

- the ranking (hits@1, hits@3, MRR over the duties with a fitting control), as eval-suggest prints it;
- "no good match" as the shipped model decides it (in-sample on the files it was fitted on);
- the model checked leave-one-file-out: fitted on every other file, applied to this one, as it will meet a
  document nobody labelled, at each cut-off on its probability; then at the cut-off chosen without the file
  (the one that best meets both targets, recall and precision >= 0.8, on the other files' held-out chances:
  the larger of the two shortfalls as small as it gets, F1 to break ties).

The model fitted on all files is printed as the `no_match_model` line of suggest-ranker.yaml, with the cut-off
the same rule chooses over every file. A duty a public body owes is flagged by rule, whatever the model says:
those rows count in the figures but are not fitted on. Needs scikit-learn (installed with the embeddings extra,
which sentence-transformers pulls).
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.legal import rank
from compgraph.legal.rank_gold import TARGETS, GoldRun

CUTS = tuple(round(0.2 + 0.05 * i, 2) for i in range(13))  # 0.20 ... 0.80


def read_rows(paths: list[Path], ranker: str) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        store = LocalStore(Path(tmp) / "store")
        try:
            build(store)
            for path in paths:
                run = GoldRun(store, path)
                for duty, s in zip(run.duties, run.suggestions(ranker), strict=True):
                    ranked = [m.id for m in s.controls]
                    first = next((i + 1 for i, c in enumerate(ranked) if c in duty.controls), len(ranked) + 1)
                    rows.append(
                        {
                            "file": path.stem,
                            "none": not duty.controls,
                            "rank": first if duty.controls else 0,
                            "shipped": s.no_good_match,
                            "body": s.reason.startswith("names"),
                            **s.features,
                        }
                    )
        finally:
            store.close()
    return rows


def fit(rows: list[dict], features: list[str]):  # noqa: ANN201 - a scikit-learn model
    from sklearn.linear_model import LogisticRegression

    train = [r for r in rows if not r["body"]]
    return LogisticRegression(C=1.0, max_iter=2000).fit(
        [[r[f] for f in features] for r in train], [r["none"] for r in train]
    )


def counts(rows: list[dict], flags: list[bool]) -> Counter[str]:
    c: Counter[str] = Counter()
    for r, flagged in zip(rows, flags, strict=True):
        c["none"] += r["none"]
        c["flagged"] += flagged
        c["hit"] += flagged and r["none"]
    return c


def flags_at(rows: list[dict], chances: list[float], cut: float) -> list[bool]:
    return [r["body"] or p > cut for r, p in zip(rows, chances, strict=True)]


def figures(c: Counter[str]) -> tuple[float, float, float]:
    recall = c["hit"] / c["none"] if c["none"] else 0.0
    precision = c["hit"] / c["flagged"] if c["flagged"] else 0.0
    return recall, precision, (2 * recall * precision / (recall + precision) if c["hit"] else 0.0)


def choose_cut(rows: list[dict], chances: list[float]) -> float:
    """The cut-off nearest both targets on these rows: the larger shortfall of recall and precision from
    their targets as small as it gets (F1, then the higher cut-off, break ties)."""

    def key(cut: float) -> tuple[float, float, float]:
        recall, precision, f1 = figures(counts(rows, flags_at(rows, chances, cut)))
        shortfall = max(TARGETS["none recall"] - recall, TARGETS["none precision"] - precision, 0.0)
        return -round(shortfall, 9), f1, cut

    return max(CUTS, key=key)


def ranking(rows: list[dict]) -> str:
    ranks = [r["rank"] for r in rows if not r["none"]]
    if not ranks:
        return "mapped    0   -     -     -  "
    n = len(ranks)
    return (
        f"mapped {n:4d} {sum(k == 1 for k in ranks) / n:.3f} {sum(k <= 3 for k in ranks) / n:.3f} "
        f"{sum(1 / k for k in ranks) / n:.3f}"
    )


def no_match(rows: list[dict], flags: list[bool]) -> str:
    c = counts(rows, flags)
    recall, precision, _ = figures(c)
    return f"none {c['none']:3d} flagged {c['flagged']:3d} {recall:.3f} / {precision:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--ranker", default="hybrid", choices=rank.FUSED)
    parser.add_argument(
        "--feature",
        action="append",
        choices=rank.NO_MATCH_FEATURES,
        help="a feature of the model (repeat); default: every one the ranker computes",
    )
    args = parser.parse_args()
    rows = read_rows(args.gold, args.ranker)
    features = args.feature or [f for f in rank.NO_MATCH_FEATURES if all(f in r for r in rows)]
    files = list(dict.fromkeys(r["file"] for r in rows))
    of = {name: [r for r in rows if r["file"] == name] for name in files}
    held: dict[str, list[float]] = {}
    for name in files:
        model = fit([r for r in rows if r["file"] != name], features)
        held[name] = list(model.predict_proba([[r[f] for f in features] for r in of[name]])[:, 1])
    print(f"{args.ranker}: ranking (hits@1 hits@3 MRR) and 'no good match' as shipped (recall / precision)")
    for name in [*files, "pooled"]:
        part = rows if name == "pooled" else of[name]
        print(f"  {name:<10} {ranking(part)}  {no_match(part, [r['shipped'] for r in part])}")
    print(f"features: {', '.join(features)}; leave one file out (recall / precision of 'no good match'):")
    every = [r for name in files for r in of[name]]
    chances = [p for name in files for p in held[name]]
    for cut in CUTS:
        cells = []
        for name in files:
            recall, precision, _ = figures(counts(of[name], flags_at(of[name], held[name], cut)))
            cells.append(f"{name} {recall:.2f}/{precision:.2f}")
        recall, precision, f1 = figures(counts(every, flags_at(every, chances, cut)))
        print(f"  flag above {cut:.2f}: pooled {recall:.3f} / {precision:.3f} (F1 {f1:.3f}); " + ", ".join(cells))
    print("at the cut-off chosen without the file (on the other files' held-out chances):")
    pooled_flags: list[bool] = []
    for name in files:
        others = [n for n in files if n != name]
        cut = choose_cut([r for n in others for r in of[n]], [p for n in others for p in held[n]])
        flags = flags_at(of[name], held[name], cut)
        pooled_flags += flags
        print(f"  {name:<10} cut {cut:.2f}  {no_match(of[name], flags)}")
    print(f"  {'pooled':<10}           {no_match(every, pooled_flags)}")
    model = fit(rows, features)
    cut = choose_cut(every, chances)
    terms = {"intercept": float(model.intercept_[0]), **dict(zip(features, map(float, model.coef_[0]), strict=True))}
    line = ", ".join(f"{k}: {v:.3f}" for k, v in terms.items())
    print(
        f"cut-off nearest both targets over every file's held-out chances: {cut:.2f}; fitted on all {len(rows)} duties:"
    )
    print(f"  {args.ranker}: {{{line}, flag_above: {cut:.2f}}}")


if __name__ == "__main__":
    main()
