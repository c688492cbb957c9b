"""Time every canned question on a store: run, asked again, through `compgraph query` and through /sparql.

    PYTHONPATH=src python tools/question_times.py --store DIR [--repeat 5] [--param obligation=ID ...]

Prints, per question: the query's own time in process (median of REPEAT after one warm-up, keep=False),
the time when asked again (the answer kept beside the store), `compgraph query` net of a trivial query's
run taken just before each one (median of REPEAT), and /sparql's first and repeated request (Flask test
client, JSON). The README's "Canned questions asked again" table was measured this way. Nothing here
asserts a time: it only reports.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

TRIVIAL = "SELECT * WHERE { ?s ?p ?o } LIMIT 1"


class Refused(Exception):
    """/sparql answered with an error status."""


def median_ms(fn: Callable[[], Any], repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def cli_ms(store: str, args: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "compgraph.cli", "--store", store, "query", *args],
                   check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--param", action="append", default=[], help="NAME=VALUE for the questions that declare it")
    ap.add_argument("--only", help="comma-separated question names")
    ap.add_argument("--worker-memory-mb", type=int, default=1024, help="/sparql's query worker limit (the default's)")
    args = ap.parse_args()

    from compgraph.graph.store import LocalStore, with_prefixes
    from compgraph.questions.queries import list_queries, run_query
    from compgraph.web import create_app

    given = dict(p.split("=", 1) for p in args.param)
    store = LocalStore(args.store, read_only=True)
    app = create_app(store, {"TESTING": True, "SPARQL_TIMEOUT": 600.0, "SPARQL_MAX_RESULTS": 10**6,
                             "SPARQL_MAX_BYTES": 1 << 30, "SPARQL_WORKER_MEMORY": args.worker_memory_mb << 20})
    client = app.test_client()
    wanted = set(args.only.split(",")) if args.only else None
    print("question | run | asked again | CLI net | /sparql first | /sparql again (ms)")
    for q in list_queries():
        if wanted and q.name not in wanted:
            continue
        params = {p.name: given[p.name] for p in q.params if p.name in given}
        if any(p.required and p.name not in params for p in q.params):
            print(f"{q.name}: skipped (needs --param for {', '.join(p.name for p in q.params if p.required)})")
            continue
        run = median_ms(lambda q=q, params=params: run_query(store, q.name, params, keep=False), args.repeat)
        again = median_ms(lambda q=q, params=params: run_query(store, q.name, params), args.repeat)
        cli_args = [q.name, *(f"--param={k}={v}" for k, v in params.items())]
        cli_ms(args.store, cli_args)
        nets = [-cli_ms(args.store, [TRIVIAL]) + cli_ms(args.store, cli_args) for _ in range(args.repeat)]
        text = with_prefixes(q.bind(params))

        def post(text: str = text) -> None:
            resp = client.post("/sparql", data=text, content_type="application/sparql-query",
                               headers={"Accept": "application/sparql-results+json"})
            if resp.status_code != 200:
                raise Refused(f"{resp.status_code}: {resp.get_data(as_text=True).strip()[:200]}")

        t0 = time.perf_counter()
        try:
            post()
            first = f"{(time.perf_counter() - t0) * 1000:.1f}"
            repeated = f"{median_ms(post, args.repeat):.1f}"
        except Refused as exc:  # reported, not hidden: e.g. the worker's memory limit at 10M triples
            first, repeated = f"refused ({exc})", "-"
        print(f"{q.name} | {run:.1f} | {again:.1f} | {statistics.median(nets):.1f} | {first} | {repeated}", flush=True)


if __name__ == "__main__":
    main()
