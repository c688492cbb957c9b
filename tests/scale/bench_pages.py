"""Server time of each browser page on the demo graph (Flask test client, no network, no browser).

    .venv/bin/python tests/scale/bench_pages.py [-n 15] [--store DIR | --synthetic SYSTEMS]

Prints one row per page: the first request (cold: caches empty) and the median of the next N (warm).
Uses the shipped demo (tests/scale/test_bench_pages.py runs it and checks every page answers); ``--store`` benchmarks an
existing store (e.g. one built by ``compgraph build``/``generate``) and ``--synthetic N`` adds an
organisation of N systems over 20 N obligations to the fixture, to see how the pages scale.
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


def synthetic(store, systems: int) -> None:  # type: ignore[no-untyped-def]
    """N systems, 20 N obligations in 4 documents, 2 N controls, evidence half current, some unmapped."""
    import random

    rnd = random.Random(1)
    cg, r = "https://w3id.org/compgraph/ontology#", "https://w3id.org/compgraph/id/"
    dc, rdfs = "http://purl.org/dc/terms/", "http://www.w3.org/2000/01/rdf-schema#"
    lines: list[str] = []

    def t(s: str, p: str, o: str) -> None:
        lines.append(f"<{s}> <{p}> {o} .")

    def lit(v: str, dt: str | None = None) -> str:
        return f'"{v}"' + (f"^^<http://www.w3.org/2001/XMLSchema#{dt}>" if dt else "")

    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    org = f"{r}organisation/synth"
    t(org, rdf_type, f"<{cg}Organisation>")
    t(org, f"{dc}identifier", lit("synth"))
    t(org, f"{rdfs}label", lit("Synthetic Org"))
    ncontrols = 2 * systems
    for c in range(ncontrols):
        iri = f"{r}control/SYN-{c:04d}"
        t(iri, rdf_type, f"<{cg}Control>")
        t(iri, f"{dc}identifier", lit(f"SYN-{c:04d}"))
        t(iri, f"{rdfs}label", lit(f"Synthetic control {c}"))
        t(iri, f"{cg}controlType", f"<{cg}{rnd.choice(['HumanOversight', 'Governance', 'BiasTesting'])}>")
    for d in range(4):
        doc = f"{r}document/synth-{d}"
        sec = f"{r}section/synth-{d}/01"
        t(doc, rdf_type, f"<{cg}InternalPolicy>")
        t(doc, f"{dc}identifier", lit(f"synth-{d}"))
        t(doc, f"{rdfs}label", lit(f"Synthetic policy {d}"))
        t(sec, rdf_type, f"<{cg}Section>")
        t(sec, f"{rdfs}label", lit("1 General"))
        t(org, f"{cg}subjectTo", f"<{doc}>")
        for i in range(5 * systems):
            o = f"{r}obligation/SYN-{d}-{i:04d}"
            t(o, rdf_type, f"<{cg}Obligation>")
            t(o, f"{dc}identifier", lit(f"SYN-{d}-{i:04d}"))
            t(o, f"{cg}fromDocument", f"<{doc}>")
            t(o, f"{cg}inSection", f"<{sec}>")
            t(o, f"{cg}sourceText", lit(f"Synthetic obligation {d}-{i} must be met."))
            t(o, f"{cg}modality", f"<{cg}{'Mandatory' if i % 4 else 'Recommended'}>")
            t(o, f"{cg}topic", f"<{cg}TopicGovernance>")
            if i % 10:
                for c in rnd.sample(range(ncontrols), 2):
                    t(o, f"{cg}satisfiedBy", f"<{r}control/SYN-{c:04d}>")
    for n in range(systems):
        s = f"{r}system/syn-{n:04d}"
        t(s, rdf_type, f"<{cg}AISystem>")
        t(s, f"{dc}identifier", lit(f"syn-{n:04d}"))
        t(s, f"{rdfs}label", lit(f"Synthetic system {n}"))
        t(s, f"{cg}riskLevel", f"<{cg}{'RiskHigh' if n % 3 == 0 else 'RiskLimited'}>")
        t(s, f"{cg}operatedBy", f"<{org}>")
        for c in rnd.sample(range(ncontrols), min(ncontrols, 8)):
            ctl = f"{r}control/SYN-{c:04d}"
            t(s, f"{cg}implementsControl", f"<{ctl}>")
            e = f"{r}evidence/syn-{n:04d}-{c:04d}"
            t(e, rdf_type, f"<{cg}Evidence>")
            t(e, f"{dc}identifier", lit(f"syn-{n:04d}-{c:04d}"))
            t(e, f"{rdfs}label", lit("Synthetic evidence"))
            t(e, f"{cg}evidenceFor", f"<{ctl}>")
            t(e, f"{cg}concerns", f"<{s}>")
            t(e, f"{cg}validUntil", lit(rnd.choice(["2026-01-01", "2027-06-30"]), "date"))
    data = ("\n".join(lines) + "\n").encode()
    store.replace_graph("https://w3id.org/compgraph/graph/organisation/synth", data, "application/n-triples")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=15, help="warm requests per page [15]")
    parser.add_argument("--store", type=Path, help="benchmark this existing embedded store instead")
    parser.add_argument("--synthetic", type=int, default=0, metavar="N", help="add N synthetic systems")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.store:
            from compgraph.graph.store import LocalStore

            store, what = LocalStore(args.store), str(args.store)
        else:
            store, is_demo = browser_store(Path(tmp) / "store")
            what = "shipped demo" if is_demo else "web-test fixture"
        if args.synthetic:
            synthetic(store, args.synthetic)
            what += f" + {args.synthetic} synthetic systems"
        client = create_app(store).test_client()
        print(f"graph: {what}, {store.triple_count()} triples")
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
