"""The audit report's charts, drawn by matplotlib as SVG (sharp in the HTML and in the PDF alike)."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterable, Mapping

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


LABEL_WIDTH = 40  # characters a line of a bar's label may take on the 7.2-inch page
LABEL_LINES = 2


def tick_labels(names: Iterable[str]) -> list[str]:
    """Bar labels wrapped to two short lines, cut with an ellipsis: one 135-character document title took the whole
    width, the axes collapsed to nothing and matplotlib drew the chart without its layout (the full title is in the
    report's tables)."""
    out = []
    for name in names:
        lines = textwrap.wrap(name, LABEL_WIDTH, max_lines=LABEL_LINES, placeholder=" …") or [name]
        out.append("\n".join(lines))
    return out


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
        # Bars at positions, not at categories: two titles cut to the same label would share one bar.
        ax.barh(range(len(names)), values, left=left, color=STATUS_COLOURS[status], label=status)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(range(len(names)), labels=tick_labels(names))
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
    ax.barh(range(len(items)), [v for _, v in items], color=colour)
    ax.set_yticks(range(len(items)), labels=tick_labels(k for k, _ in items))
    for i, (_, v) in enumerate(items):
        ax.text(v, i, f" {v}", va="center")
    ax.set_title(title, loc="left", fontweight="bold")
    ax.set_xlabel(xlabel)
    ax.invert_yaxis()
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)
