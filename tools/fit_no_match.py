"""Fit a fused ranker's weights and "no good match" model on hand-labelled gold files, measured leave one file out.

    PYTHONPATH=src python tools/fit_no_match.py [--ranker hybrid] [--search] [--feature NAME ...] GOLD.tsv ...

Each gold file is read as `compgraph eval-suggest --gold` reads it (its own documents' examples and crosswalk rows
left out), and every part's scores and the no-match features of each duty are taken from the ranker's own code
(`GoldRun.parts`). Then, for each file in turn, everything fitted is fitted without it (leave one file out):

- the weights: the shipped ones, or with ``--search`` the point of a small grid (``GRIDS``) with the best pooled
  hits@1 + hits@3 + MRR over the other files;
- the no-match model (scikit-learn's logistic regression, C=1) on the other files' duties, less those of the
  scored file's documents and the duties a public body owes (flagged by rule, whatever the model says);
- its cut-off: the one nearest both targets (the larger shortfall of recall and precision from 0.8 as small as it
  gets, F1 then the higher cut-off to break ties) over the other files' own held-out chances (each from a model
  fitted without that file and without the scored one).

Printed per file and pooled: hits@1, hits@3, MRR over duties with a fitting control; "none" duties, flags,
recall and precision of "no good match". Last, the weights, model and cut-off fitted the same way on every file,
as the lines of suggest-ranker.yaml. Needs scikit-learn (installed with the embeddings extra).
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
from pathlib import Path
from typing import Any

from compgraph.graph.build import build
from compgraph.graph.store import LocalStore
from compgraph.legal import rank
from compgraph.legal.rank_gold import TARGETS, GoldRun

CUTS = tuple(round(0.2 + 0.05 * i, 2) for i in range(13))  # 0.20 ... 0.80


def _steps(low: float, high: float) -> list[float]:
    return [round(low + 0.25 * i, 2) for i in range(round((high - low) / 0.25) + 1)]


# The grids of the fourteenth session (suggest-ranker.yaml), unchanged, so that the search stays as small as it was.
GRIDS = {
    "hybrid": {
        "bm25": _steps(1.25, 2.5),
        "embeddings": _steps(0.25, 0.75),
        "prior": _steps(0.25, 0.5),
        "example_prior": _steps(0, 0.25),
        "neighbours": _steps(0.5, 1.5),
        "example_text": _steps(0.25, 0.75),
        "example_words": _steps(0.75, 2),
    },
    "bm25-prior": {
        "bm25": _steps(0.75, 2),
        "prior": _steps(0, 0.5),
        "example_prior": _steps(0, 0.5),
        "example_words": _steps(0.5, 2.5),
    },
}


def read_files(paths: list[Path], ranker: str) -> dict[str, dict[str, Any]]:
    import numpy as np

    config = rank.load_config()
    files: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = LocalStore(Path(tmp) / "store")
        try:
            build(store)
            for path in paths:
                run = GoldRun(store, path)
                parts, features = run.parts(ranker)
                bodies = rank.external_parties(run.obligations(), config)
                names = [n for n in rank.PARTS if n in parts[0]]
                ids = [c.id for c in run.controls]
                raw = np.array([[p[n] for n in names] for p in parts])
                mean, sd = raw.mean(axis=2, keepdims=True), raw.std(axis=2, keepdims=True)
                files[path.stem] = {
                    "names": names,
                    "z": np.where(sd > 1e-12, (raw - mean) / np.where(sd > 1e-12, sd, 1.0), 0.0),  # as rank.zscores
                    "gold": np.array([[c in d.controls for c in ids] for d in run.duties]),
                    "none": np.array([not d.controls for d in run.duties]),
                    "document": [d.document for d in run.duties],
                    "body": np.array([b is not None for b in bodies]),
                    "features": features,
                }
        finally:
            store.close()
    return files


def fused(f: dict[str, Any], weights: dict[str, float]) -> Any:
    import numpy as np

    return np.einsum("npc,p->nc", f["z"], np.array([weights.get(n, 0.0) for n in f["names"]]))


def ranks(f: dict[str, Any], scores: Any) -> Any:
    """Rank of the first acceptable control of each mapped duty (ties: catalog order, as suggest's _top)."""
    import numpy as np

    gold = np.broadcast_to(f["gold"], scores.shape)
    hit = np.take_along_axis(gold, np.argsort(-scores, axis=-1, kind="stable"), axis=-1)
    found = np.where(hit.any(axis=-1), hit.argmax(axis=-1) + 1, scores.shape[-1] + 1)
    return found[..., ~f["none"]]


def grid_sums(files: dict[str, dict[str, Any]], grid: list[dict[str, float]]) -> dict[str, Any]:
    """Per file, per grid point: mapped duties, hits@1, hits@3 and the sum of reciprocal ranks."""
    import numpy as np

    out = {}
    for name, f in files.items():
        w = np.array([[g.get(n, 0.0) for n in f["names"]] for g in grid])
        rows = []
        for start in range(0, len(grid), 500):
            r = ranks(f, np.einsum("gp,npc->gnc", w[start : start + 500], f["z"]))
            rows.append(np.stack([np.full(len(r), r.shape[1]), (r == 1).sum(1), (r <= 3).sum(1), (1 / r).sum(1)], 1))
        out[name] = np.concatenate(rows)
    return out


def best_point(sums: dict[str, Any], names: list[str]) -> int:
    total = sum(sums[n] for n in names)
    return int(((total[:, 1] + total[:, 2] + total[:, 3]) / total[:, 0].clip(min=1)).argmax())


def matrix(f: dict[str, Any], weights: dict[str, float], features: list[str]) -> Any:
    import numpy as np

    top = fused(f, weights).max(axis=1)
    return np.array([[top[i] if k == "top" else r[k] for k in features] for i, r in enumerate(f["features"])])


def fit(xs: list[Any], ys: list[Any]) -> Any:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=1.0, max_iter=5000).fit(np.concatenate(xs), np.concatenate(ys))


def train(files: dict[str, dict[str, Any]], x: dict[str, Any], names: list[str], leave: set[str]) -> Any:
    """The model on these files' duties, less public bodies' duties and the duties of the documents ``leave``."""
    keep = {n: ~files[n]["body"] & [d not in leave for d in files[n]["document"]] for n in names}
    return fit([x[n][keep[n]] for n in names], [files[n]["none"][keep[n]] for n in names])


def counts(none: Any, flags: Any) -> tuple[int, int, int]:
    return int(none.sum()), int(flags.sum()), int((flags & none).sum())


def figures(c: tuple[int, int, int]) -> tuple[float, float, float]:
    recall = c[2] / c[0] if c[0] else 0.0
    precision = c[2] / c[1] if c[1] else 0.0
    return recall, precision, (2 * recall * precision / (recall + precision) if c[2] else 0.0)


def choose_cut(held: list[tuple[Any, Any, Any]]) -> float:
    """The cut-off nearest both targets over (none, body, chance) rows: the larger shortfall as small as it gets."""

    def key(cut: float) -> tuple[float, float, float]:
        c = [sum(x) for x in zip(*(counts(n, b | (p > cut)) for n, b, p in held), strict=True)]
        recall, precision, f1 = figures((c[0], c[1], c[2]))
        shortfall = max(TARGETS["none recall"] - recall, TARGETS["none precision"] - precision, 0.0)
        return -round(shortfall, 9), f1, cut

    return max(CUTS, key=key)


def cut_without(files: dict[str, dict[str, Any]], x: dict[str, Any], names: list[str], leave: set[str]) -> float:
    held = []
    for n in names:
        model = train(files, x, [m for m in names if m != n], leave | set(files[n]["document"]))
        held.append((files[n]["none"], files[n]["body"], model.predict_proba(x[n])[:, 1]))
    return choose_cut(held)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--ranker", default="hybrid", choices=rank.FUSED)
    parser.add_argument("--search", action="store_true", help="choose the weights on the grid, leave one file out")
    parser.add_argument(
        "--feature",
        action="append",
        choices=rank.NO_MATCH_FEATURES,
        help="a feature of the model (repeat); default: those of the shipped model",
    )
    args = parser.parse_args()
    files = read_files(args.gold, args.ranker)
    names = list(files)
    shipped = rank.load_config()
    features = args.feature or [k for k in rank.NO_MATCH_FEATURES if k in shipped.no_match_model[args.ranker]]
    grid = [dict(zip(GRIDS[args.ranker], v, strict=True)) for v in itertools.product(*GRIDS[args.ranker].values())]
    sums = grid_sums(files, grid) if args.search else {}
    print(
        f"{args.ranker}, leave one file out; weights {'searched' if args.search else 'as shipped'}; "
        f"no-match features {', '.join(features)}"
    )
    print(f"  {'file':<10} mapped hits@1 hits@3   MRR | none flagged recall precision  cut")
    pooled_ranks: list[Any] = []
    pooled = [0, 0, 0]
    for name in names:
        others = [n for n in names if n != name]
        weights = grid[best_point(sums, others)] if args.search else shipped.weights[args.ranker]
        x = {n: matrix(files[n], weights, features) for n in names}
        leave = set(files[name]["document"])
        cut = cut_without(files, x, others, leave)
        chance = train(files, x, others, leave).predict_proba(x[name])[:, 1]
        c = counts(files[name]["none"], files[name]["body"] | (chance > cut))
        r = ranks(files[name], fused(files[name], weights))
        pooled_ranks += list(r)
        pooled = [a + b for a, b in zip(pooled, c, strict=True)]
        print(f"  {name:<10} {line(r)} | {c[0]:4d} {c[1]:7d} {figures(c)[0]:6.3f} {figures(c)[1]:9.3f} {cut:4.2f}")
    c = (pooled[0], pooled[1], pooled[2])
    print(f"  {'pooled':<10} {line(pooled_ranks)} | {c[0]:4d} {c[1]:7d} {figures(c)[0]:6.3f} {figures(c)[1]:9.3f}")
    weights = grid[best_point(sums, names)] if args.search else shipped.weights[args.ranker]
    x = {n: matrix(files[n], weights, features) for n in names}
    model = train(files, x, names, set())
    cut = cut_without(files, x, names, set())
    terms = {"intercept": float(model.intercept_[0]), **dict(zip(features, map(float, model.coef_[0]), strict=True))}
    print(f"fitted on all {sum(len(f['none']) for f in files.values())} duties of {len(names)} files:")
    print(f"  weights {args.ranker}: {{{', '.join(f'{k}: {v:g}' for k, v in weights.items() if v)}}}")
    print(
        f"  no_match_model {args.ranker}: {{{', '.join(f'{k}: {v:.3f}' for k, v in terms.items())}, "
        f"flag_above: {cut:.2f}}}"
    )


def line(r: list[Any]) -> str:
    n = len(r)
    if not n:
        return f"{0:6d}      -      -     -"
    return (
        f"{n:6d} {sum(k == 1 for k in r) / n:6.3f} {sum(k <= 3 for k in r) / n:6.3f} {sum(1 / k for k in r) / n:5.3f}"
    )


if __name__ == "__main__":
    main()
