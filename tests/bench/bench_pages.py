"""Server time of each browser page on the demo graph (Flask test client, no network, no browser).

    .venv/bin/python tests/bench/bench_pages.py [-n 15]

Prints one row per page: the first request (cold: caches empty) and the median of the next N (warm).
Falls back to the small web-test fixture while the shipped demo organisation is missing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from webfixture import browser_store  # noqa: E402

from compgraph.web import create_app  # noqa: E402

AS_OF = "2026-11-22"
TARGET_MS = 300.0


def pages(client) -> list[str]:  # type: ignore[no-untyped-def]
    def first(kind: str) -> str:
        rows = client.get(f"/{kind}.json").get_json()[kind]
        return rows[0]["id"]

    doc, obl, ctl, sysid = first("documents"), first("obligations"), first("controls"), first("systems")
    ds, ev = first("datasets"), first("evidence")
    q = f"as_of={AS_OF}"
    return [
        f"/?{q}",
        f"/index.json?{q}",
        "/documents",
        f"/documents/{doc}?{q}",
        f"/obligations?{q}",
        f"/obligations.csv?{q}",
        f"/obligations?{q}&modality=mandatory&status=covered",
        f"/obligations/{obl}?{q}",
        "/controls",
        f"/controls/{ctl}?{q}",
        f"/controls/{ctl}/impact?{q}",
        f"/impact?{q}",
        f"/systems?{q}",
        f"/systems/{sysid}?{q}",
        "/datasets",
        f"/datasets/{ds}",
        f"/evidence?{q}",
        f"/evidence/{ev}?{q}",
        f"/gaps?{q}",
        "/questions",
        "/questions/high-risk-without-human-oversight",
        "/search?q=oversight",
        "/sparql-console",
        f"/graph/system/{sysid}?{q}",
        f"/graph/system/{sysid}.json?depth=2&{q}",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=15, help="warm requests per page [15]")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store, is_demo = browser_store(Path(tmp) / "store")
        client = create_app(store).test_client()
        print(f"graph: {'shipped demo' if is_demo else 'web-test fixture'}, {store.triple_count()} triples")
        print(f"{'page':<58} {'cold ms':>8} {'median ms':>10}")
        slow = 0
        for url in pages(client):
            t0 = time.perf_counter()
            resp = client.get(url)
            cold = (time.perf_counter() - t0) * 1000
            assert resp.status_code == 200, f"{url}: {resp.status_code}"
            times = []
            for _ in range(args.n):
                t0 = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - t0) * 1000)
            med = statistics.median(times)
            flag = "  SLOW" if med > TARGET_MS else ""
            slow += med > TARGET_MS
            print(f"{url[:58]:<58} {cold:>8.1f} {med:>10.1f}{flag}")
        print(f"{slow} page(s) over the {TARGET_MS:.0f} ms target (warm median)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
