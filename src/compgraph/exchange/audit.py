"""The audit pack: one zip an auditor can check on their own.

graph.nq (every named graph), shacl-report.ttl, coverage.csv, gaps.csv, evidence-manifest.csv (every
evidence file's digest re-computed against the one recorded), report.html and report.pdf (the same page,
with charts), history.json (the store's audit trail since a date, with the verdict on its hash chain, when
the store keeps a trail), and MANIFEST: the SHA-256 of every other file in ``sha256sum`` format, so
``sha256sum -c MANIFEST`` works on the unzipped pack as well as ``compgraph audit-pack --verify``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
import zlib
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from rdflib import Dataset, URIRef

from compgraph.checks.report import render_turtle
from compgraph.checks.validate import validate_store
from compgraph.exchange.files import ExchangeError, sha256_bytes, write_atomic
from compgraph.exchange.packdata import UNDATED, EvidenceCheck, PackData
from compgraph.exchange.report import render_html, render_pdf
from compgraph.graph import history, paths
from compgraph.graph.literals import iso_date
from compgraph.graph.store import GraphStore
from compgraph.questions import coverage as cv
from compgraph.questions import trace as tr

MANIFEST = "MANIFEST"


def _evidence_roots(store: GraphStore) -> dict[str, Path]:
    """Graph IRI -> folder its source file was in: evidence ``file`` paths are relative to the organisation YAML."""
    root = paths.mappings_dir().parent
    res = store.select("SELECT ?g ?src WHERE { ?g a cg:SourceGraph ; prov:wasDerivedFrom ?src }")
    return {str(g): (root / str(src)).parent for g, src in res.rows}


def check_evidence(store: GraphStore, as_of: date, evidence_root: Path | None = None) -> list[EvidenceCheck]:
    """Every evidence item with a file: its digest re-computed now and compared with the recorded one."""
    roots = _evidence_roots(store)
    res = store.select("""
        SELECT ?g ?id ?control ?concerns ?until ?file ?url ?digest WHERE {
          GRAPH ?g { ?e a cg:Evidence ; dcterms:identifier ?id ; cg:validUntil ?until ;
                        cg:evidenceFor ?c ; cg:concerns ?s .
                     OPTIONAL { ?e cg:file ?file } OPTIONAL { ?e dcat:downloadURL ?url }
                     OPTIONAL { ?e cg:sha256 ?digest } }
          ?c dcterms:identifier ?control . ?s dcterms:identifier ?concerns .
        } ORDER BY ?id""")
    out = []
    for g, ident, control, concerns, until, file, url, digest in res.rows:
        recorded, actual, where = str(digest or ""), "", str(file or url or "")
        if file is None:
            verdict = "no file (URL only)" if url else "no file"
        else:
            path = (evidence_root or roots.get(str(g), Path.cwd())) / str(file)
            if not path.is_file():
                verdict = "file missing"
            else:
                actual = hashlib.sha256(path.read_bytes()).hexdigest()
                verdict = "no digest recorded" if not recorded else "verified" if actual == recorded else "MISMATCH"
        day = iso_date(until)
        state = UNDATED if day is None else "current" if day >= as_of else "expired"
        out.append(
            EvidenceCheck(str(ident), str(control), str(concerns), str(until), state, where, recorded, actual, verdict)
        )
    return out


def _gaps(store: GraphStore, coverage: cv.Coverage, as_of: date) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for system in coverage.systems:
        for o in tr.trace_system(store, system.iri, as_of).obligations:
            if o.status != tr.COVERED:
                rows.append((system.id, o.id, o.document, o.section, o.status, " ".join(c.id for c in o.controls)))
    return rows


def collect(store: GraphStore, as_of: date, evidence_root: Path | None = None) -> PackData:
    outcome = validate_store(store, as_of, save=False)
    coverage = cv.compute(store, as_of)
    return PackData(
        as_of,
        outcome,
        coverage,
        _gaps(store, coverage, as_of),
        check_evidence(store, as_of, evidence_root),
        store.graph_counts(),
    )


def _csv(header: Iterable[str], rows: Iterable[Iterable[object]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(list(header))
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def coverage_csv(coverage: cv.Coverage) -> bytes:
    rows = []
    for scope, table in (
        ("document", coverage.by_document),
        ("risk", coverage.by_risk),
        ("system", coverage.by_system),
    ):
        rows += [[scope, name, *(counts.get(s, 0) for s in cv.STATUSES)] for name, counts in table.items()]
    return _csv(["scope", "name", *cv.STATUSES], rows)


def snapshot(store: GraphStore) -> bytes:
    """Every named graph as N-Quads (the embedded store dumps itself; a remote one is read graph by graph)."""
    export = getattr(store, "export", None)
    if export is not None:
        return bytes(export("application/n-quads"))
    ds = Dataset()
    for name in store.graph_names():
        target = ds.graph(URIRef(name))
        for triple in store.to_graph([name]):
            target.add(triple)
    return ds.serialize(format="nquads", encoding="utf-8")


def history_json(store: GraphStore, since: date | None) -> bytes | None:
    """The trail's entries ended on or after ``since`` (all without it), and the whole chain's verdict.

    None when the store keeps no trail (a remote store, or one written before the trail existed): the pack then
    has no history file rather than an empty one that would read as "nothing changed".
    """
    everything = history.entries(store)
    if not everything:
        return None
    # The chain is verified whole: a window cut from it can only be trusted if what led up to it holds.
    problems = history.verify(store)
    shown = [e for e in everything if since is None or e.ended[:10] >= since.isoformat()]
    doc = {
        "since": since.isoformat() if since else None,
        "chain_intact": not problems,
        "problems": problems,
        "last_entry_hash": everything[-1].hash,
        "entries": [e.as_dict() for e in shown],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False).encode("utf-8")


def build_pack(
    store: GraphStore, as_of: date, evidence_root: Path | None = None, since: date | None = None
) -> tuple[dict[str, bytes], PackData]:
    """The pack's files by name (MANIFEST last) and the data the report was drawn from."""
    data = collect(store, as_of, evidence_root)
    html = render_html(data)
    files = {
        "graph.nq": snapshot(store),
        "shacl-report.ttl": render_turtle(data.outcome).encode("utf-8"),
        "coverage.csv": coverage_csv(data.coverage),
        "gaps.csv": _csv(["system", "obligation", "document", "section", "status", "controls"], data.gaps),
        "evidence-manifest.csv": _csv(
            [
                "evidence",
                "control",
                "concerns",
                "valid_until",
                "state_on_as_of",
                "file",
                "recorded_sha256",
                "actual_sha256",
                "verdict",
            ],
            (
                [e.id, e.control, e.concerns, e.valid_until, e.state, e.file, e.recorded, e.actual, e.verdict]
                for e in data.evidence
            ),
        ),
        "report.html": html.encode("utf-8"),
        "report.pdf": render_pdf(html),
    }
    trail = history_json(store, since)
    if trail is not None:
        files["history.json"] = trail
    files[MANIFEST] = "".join(f"{sha256_bytes(b)}  {name}\n" for name, b in sorted(files.items())).encode()
    return files, data


def pack_bytes(files: dict[str, bytes]) -> bytes:
    """The pack as a zip in memory (the browser's download; ``write_pack`` writes the same bytes to a file)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return buf.getvalue()


def write_pack(files: dict[str, bytes], out: Path) -> None:
    write_atomic(out, pack_bytes(files))


# A pack's MANIFEST lists nine files in under 1 kB; reading one far larger is reading something else.
MAX_MANIFEST = 1024 * 1024
# Pack members are hashed as they are inflated, this much at a time: a small zip can inflate to gigabytes.
_CHUNK = 1024 * 1024


def verify_pack(path: Path) -> tuple[int, list[str]]:
    """(files checked, problems): each problem is one line naming the file. Raises ExchangeError if unreadable.

    A member that cannot be inflated (a flipped byte in the zip) is a problem naming it, as a changed one is;
    members are hashed as a stream, so a pack of a few MB inflating to gigabytes is checked in constant memory."""
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise ExchangeError(f"{path}: not a readable zip file ({exc})") from exc
    with zf:
        names = set(zf.namelist())
        if MANIFEST not in names:
            raise ExchangeError(f"{path}: no {MANIFEST} in the pack")
        try:
            with zf.open(MANIFEST) as f:
                manifest = f.read(MAX_MANIFEST + 1)
        except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
            raise ExchangeError(f"{path}: {MANIFEST} cannot be read ({exc})") from exc
        if len(manifest) > MAX_MANIFEST:
            raise ExchangeError(f"{path}: {MANIFEST} is over {MAX_MANIFEST // 1024} kB: not a compgraph pack's")
        listed: dict[str, str] = {}
        for n, line in enumerate(manifest.decode("utf-8", "replace").splitlines(), start=1):
            digest, sep, name = line.partition("  ")
            if not sep or len(digest) != 64:
                raise ExchangeError(f"{path}: {MANIFEST} line {n} is not '<sha256>  <file>'")
            listed[name] = digest
        problems = []
        for name, digest in sorted(listed.items()):
            if name not in names:
                problems.append(f"{name}: listed in {MANIFEST} but missing from the pack")
                continue
            try:
                actual = _member_sha256(zf, name)
            except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
                problems.append(f"{name}: cannot be read from the pack, it is damaged ({exc})")
                continue
            if actual != digest:
                problems.append(f"{name}: SHA-256 does not match {MANIFEST} (changed after the pack was made)")
        problems += [f"{n}: not listed in {MANIFEST}" for n in sorted(names - set(listed) - {MANIFEST})]
    return len(listed), problems


def _member_sha256(zf: zipfile.ZipFile, name: str) -> str:
    h = hashlib.sha256()
    with zf.open(name) as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()
