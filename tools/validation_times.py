"""Itemise a full SPARQL validation: each step and each planned query on its own, wall and CPU seconds, rows.

    PYTHONPATH=src python tools/validation_times.py --store DIR [--as-of 2026-11-22] [--top 10] [--json FILE]
                                                   [--only SUBSTRING]

Runs what `compgraph validate --no-save` runs (checks.validate.validate_store with the SPARQL engine), but one
query at a time, so each query's time is its own (the engine runs them on every core at once, where their
times overlap). CPU is the process's (pyoxigraph evaluates in the calling process, on the calling thread).
Prints the steps in order, then the queries sorted by CPU seconds; ``--json`` writes every row. Rows are the
query's rows as the report counts them (de-duplicated, repeated per focus group). A probe (run.probes_to_run:
one ASK for every shape with the same path and constraint) is a row of its own, named by its first query and
how many more share it; its rows are 1 if it found something (its queries then run), else 0 and its queries
are not run. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

T = TypeVar("T")
SHAPES_NS = "https://w3id.org/compgraph/shapes#"


def timed(fn: Callable[[], T]) -> tuple[T, float, float]:
    """(result, wall seconds, CPU seconds) of one call."""
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w0, time.process_time() - c0


def query_name(shapes: Any, q: Any) -> str:
    """The constraint, or the shape (a property shape by its node shape and path) and the component."""
    from rdflib import BNode
    from rdflib.namespace import SH

    from compgraph.graph.namespaces import shorten

    comp = shorten(str(q.component)).removeprefix("sh:").removesuffix("ConstraintComponent")
    if q.constraint is not None:
        return f"{shorten(str(q.constraint))} [{comp}]".replace(SHAPES_NS, "cgs:")
    shape = q.shape
    owner = next(iter(shapes.subjects(SH.property, shape)), None) if isinstance(shape, BNode) else None
    name = shorten(str(owner if owner is not None else shape))
    path = f" {shorten(str(q.path))}" if q.path is not None and not isinstance(q.path, BNode) else ""
    return f"{name}{path} [{comp}]".replace(SHAPES_NS, "cgs:")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--as-of", default="2026-11-22")
    ap.add_argument("--top", type=int, default=10, help="how many queries to print (0: all)")
    ap.add_argument("--json", help="write every row to this file")
    ap.add_argument("--only", help="run only the queries whose name contains this")
    args = ap.parse_args()

    from compgraph.checks.integrity import with_evidence_integrity
    from compgraph.checks.report import Outcome
    from compgraph.checks.shapes import load_shapes
    from compgraph.checks.sparql import run as runmod
    from compgraph.checks.sparql.plan import plan_each
    from compgraph.checks.validate import _escaped, render_json
    from compgraph.graph.namespaces import sparql_prefixes
    from compgraph.graph.store import LocalStore

    as_of = date.fromisoformat(args.as_of)
    steps: list[dict[str, Any]] = []

    def step(name: str, fn: Callable[[], T]) -> T:
        out, wall, cpu = timed(fn)
        steps.append({"step": name, "wall": wall, "cpu": cpu})
        return out

    store = step("open store (write)", lambda: LocalStore(args.store, create=False))
    shapes = step("load shapes", load_shapes)
    escaped = step("as-written check", lambda: _escaped(store))
    p = step("plan", lambda: plan_each(shapes, as_written_data=escaped))
    queries = [q for q in p.queries if not args.only or args.only in query_name(shapes, q)]
    rows_all: list[tuple[Any, dict[str, Any]]] = []
    per_query: list[dict[str, Any]] = []
    with runmod.run_graph(store, as_of):
        counts = step(
            "few-instance counts",
            lambda: runmod._instance_counts(store, {c for q in queries for c in q.target_classes}),
        )
        few = {c for c, n in counts.items() if n < runmod.FEW_FOCUS_NODES}

        def small(q: Any) -> bool:
            return q.few_sparql is not None and all(c in few for c in q.target_classes)

        asked = step("probes worth asking", lambda: runmod.probes_to_run(store, queries, small, counts))
        empty = set()
        for probe in asked:
            found, wall, cpu = timed(lambda probe=probe: runmod.probe_answer(store, probe))
            users = [q for q in queries if q.probe == probe]
            if not found:
                empty.add(probe)
            name = f"probe for {query_name(shapes, users[0])}" + (f" (+{len(users) - 1})" if len(users) > 1 else "")
            per_query.append({"query": name, "wall": wall, "cpu": cpu, "raw_rows": int(found), "form": "probe"})
        looked_up = step("look-up forms (bounded counts)", lambda: runmod.lookups(store, queries, small, counts))

        def form(q: Any) -> str:
            return "lookup" if id(q) in looked_up else "few" if small(q) else "batched"

        for q in queries:
            if q.probe in empty:
                continue
            text = (
                sparql_prefixes()
                + {"lookup": (q.lookup or ("", ""))[1], "few": q.few_sparql, "batched": q.sparql}[form(q)]
            )
            res, wall, cpu = timed(lambda text=text: list(store.query(text).dicts()))
            per_query.append(
                {
                    "query": query_name(shapes, q),
                    "wall": wall,
                    "cpu": cpu,
                    "raw_rows": len(res),
                    "form": form(q),
                }
            )
        # The rows as the report counts them (the engine's own code: de-duplication and repeats).
        counted = step(
            "all queries again, as the engine runs them (parallel)", lambda: runmod.rows_per_query(store, queries)
        )
        run_items = iter(item for item in per_query if item["form"] != "probe")
        for rows, q in zip(counted, queries, strict=True):
            if q.probe not in empty:
                next(run_items)["rows"] = len(rows)
            rows_all += [(q, d) for d in rows]
        labels = step("labels", lambda: runmod._labels(store, (d.get("this") for _, d in rows_all)))
    findings, report = step("findings", lambda: runmod.findings_from_rows(rows_all, shapes, labels))
    outcome = Outcome(as_of, not runmod.rows_with_focus(rows_all), findings, report)
    outcome = step("evidence integrity", lambda: with_evidence_integrity(store, outcome))
    step("render json", lambda: render_json(outcome))

    total = sum(r["cpu"] for r in per_query)
    settled = sum(1 for q in queries if q.probe in empty)
    print(
        f"store {args.store}: {len(queries)} queries, {len(asked)} probes asked, {len(empty)} false "
        f"({settled} queries settled without running), {len(outcome.findings)} findings"
    )
    print(f"{'step':<58} {'wall s':>8} {'cpu s':>8}")
    for s in steps:
        print(f"{s['step']:<58} {s['wall']:8.2f} {s['cpu']:8.2f}")
    print(f"{'queries one by one (sum)':<58} {sum(r['wall'] for r in per_query):8.2f} {total:8.2f}")
    print()
    shown = sorted(per_query, key=lambda r: -r["cpu"])[: args.top or None]
    print(f"{'#':>3} {'query':<76} {'wall s':>7} {'cpu s':>7} {'rows':>7} form")
    for i, r in enumerate(shown, 1):
        print(f"{i:3d} {r['query'][:76]:<76} {r['wall']:7.2f} {r['cpu']:7.2f} {r.get('rows', 0):7d} {r['form']}")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"steps": steps, "queries": per_query, "findings": len(outcome.findings)}, fh, indent=1)
    store.close()


if __name__ == "__main__":
    main()
