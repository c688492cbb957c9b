"""The audit report's charts, drawn by matplotlib as SVG (sharp in the HTML and in the PDF alike)."""

from __future__ import annotations

import io
from collections.abc import Mapping

import matplotlib

matplotlib.use("Agg")  # no display: the report is drawn on servers and in tests
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)

from compgraph.questions.coverage import STATUSES  # noqa: E402

# Worst first, as the dashboard: red for unmapped through green for covered.
STATUS_COLOURS = {
    "unmapped": "#9e2a2b",
    "missing control": "#e07a5f",
    "no evidence": "#b8b8d1",
    "evidence expired": "#e9c46a",
    "covered": "#2a9d8f",
}
matplotlib.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9, "svg.fonttype": "none"})


def _svg(fig: plt.Figure) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg")
    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg") :]  # inline in HTML: no XML declaration or doctype


def stacked_status(counts: Mapping[str, Mapping[str, int]], title: str) -> str:
    """One horizontal bar per row (document, risk level, system), split by coverage status."""
    names = list(counts)
    # One width and constrained layout for every chart, so all are drawn at the same scale on the page.
    fig, ax = plt.subplots(figsize=(7.2, 0.38 * len(names) + 1.4), layout="constrained")
    left = [0] * len(names)
    for status in STATUSES[::-1]:
        values = [counts[n].get(status, 0) for n in names]
        ax.barh(names, values, left=left, color=STATUS_COLOURS[status], label=status)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_title(title, loc="left", fontweight="bold")
    ax.set_xlabel("binding (system, obligation) pairs")
    ax.invert_yaxis()
    ax.spines[["top", "right"]].set_visible(False)
    fig.legend(*ax.get_legend_handles_labels(), ncols=5, loc="outside lower center", frameon=False)
    return _svg(fig)


def bars(counts: Mapping[str, int], title: str, xlabel: str, colour: str = "#264653", keep_order: bool = False) -> str:
    """Plain horizontal bars, largest first unless ``keep_order`` (e.g. time buckets)."""
    items = list(counts.items()) if keep_order else sorted(counts.items(), key=lambda kv: -kv[1])
    items = items or [("none", 0)]
    fig, ax = plt.subplots(figsize=(7.2, 0.32 * len(items) + 1.0), layout="constrained")
    ax.barh([k if len(k) <= 60 else k[:59] + "…" for k, _ in items], [v for _, v in items], color=colour)
    for i, (_, v) in enumerate(items):
        ax.text(v, i, f" {v}", va="center")
    ax.set_title(title, loc="left", fontweight="bold")
    ax.set_xlabel(xlabel)
    ax.invert_yaxis()
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)
