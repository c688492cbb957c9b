"""The audit pack: every file under a SHA-256 MANIFEST that --verify checks, evidence digests re-verified,
a report as HTML and PDF."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from exchangefixture import AS_OF, Cli
from pypdf import PdfReader

from compgraph.exchange import audit
from compgraph.graph import history, paths
from compgraph.graph.store import LocalStore

FILES = {
    "graph.nq",
    "shacl-report.ttl",
    "coverage.csv",
    "gaps.csv",
    "evidence-manifest.csv",
    "report.html",
    "report.pdf",
    "history.json",
    "MANIFEST",
}


@pytest.fixture(scope="module")
def pack(exchange_store: LocalStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    files, _ = audit.build_pack(exchange_store, AS_OF)
    out = tmp_path_factory.mktemp("pack") / "pack.zip"
    audit.write_pack(files, out)
    return out


def _read(pack: Path, name: str) -> bytes:
    with zipfile.ZipFile(pack) as zf:
        return zf.read(name)


def _rewrite(pack: Path, out: Path, name: str, content: bytes | None) -> Path:
    """A copy of the pack with one member replaced (or dropped when ``content`` is None)."""
    with zipfile.ZipFile(pack) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.namelist():
            if item != name:
                dst.writestr(item, src.read(item))
        if content is not None:
            dst.writestr(name, content)
    return out


def test_pack_holds_every_file_and_the_manifest_lists_each_digest(pack: Path):
    with zipfile.ZipFile(pack) as zf:
        assert set(zf.namelist()) == FILES
        manifest = dict(reversed(line.split("  ")) for line in zf.read("MANIFEST").decode().splitlines())
        assert set(manifest) == FILES - {"MANIFEST"}
        assert all(hashlib.sha256(zf.read(n)).hexdigest() == d for n, d in manifest.items())


def test_verify_accepts_the_pack_as_written(cli: Cli, pack: Path):
    assert "OK: 8 files match" in cli.run("audit-pack", "--verify", pack)


def test_verify_names_a_tampered_file_and_exits_1(cli: Cli, pack: Path, tmp_path: Path):
    tampered = _rewrite(pack, tmp_path / "t.zip", "coverage.csv", _read(pack, "coverage.csv") + b"x,y\n")
    result = cli.invoke("audit-pack", "--verify", tampered)
    assert result.exit_code == 1
    assert "coverage.csv: SHA-256 does not match" in result.output and "report.pdf" not in result.output


def test_verify_names_a_missing_file(pack: Path, tmp_path: Path):
    _, problems = audit.verify_pack(_rewrite(pack, tmp_path / "m.zip", "report.pdf", None))
    assert problems == ["report.pdf: listed in MANIFEST but missing from the pack"]


def test_verify_of_a_file_that_is_not_a_zip_is_bad_input(cli: Cli, tmp_path: Path):
    (tmp_path / "x.zip").write_text("not a zip", encoding="utf-8")
    result = cli.invoke("audit-pack", "--verify", tmp_path / "x.zip")
    assert result.exit_code == 2 and "not a readable zip file" in result.output


def test_evidence_manifest_reverifies_every_digest(pack: Path):
    rows = list(csv.DictReader(io.StringIO(_read(pack, "evidence-manifest.csv").decode())))
    assert len(rows) >= 90 and all(r["verdict"] == "verified" for r in rows if r["file"])
    assert all(r["actual_sha256"] == r["recorded_sha256"] for r in rows if r["verdict"] == "verified")


def test_a_changed_evidence_file_is_reported_as_a_mismatch(exchange_store: LocalStore, tmp_path: Path):
    root = tmp_path / "evidence-root"
    shutil.copytree(paths.mappings_dir() / "demo" / "evidence", root / "evidence")
    victim = sorted((root / "evidence").iterdir())[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "edited\n", encoding="utf-8")
    checks = {Path(c.file).name: c.verdict for c in audit.check_evidence(exchange_store, AS_OF, root)}
    assert checks[victim.name] == "MISMATCH"
    assert sorted(v for n, v in checks.items() if n != victim.name and v != "verified") == []


def test_snapshot_and_shacl_report_are_rdf_with_the_findings(pack: Path):
    from rdflib import Dataset, Graph
    from rdflib.namespace import SH

    ds = Dataset()
    ds.parse(data=_read(pack, "graph.nq"), format="nquads")
    assert len(ds) > 10_000
    report = Graph().parse(data=_read(pack, "shacl-report.ttl"), format="turtle")
    # the demo's 19 planted violations and AIA-14-4-b, the AI Act duty mapped only to the expired training
    assert len(set(report.subjects(SH.resultSeverity, SH.Violation))) == 20


def test_coverage_and_gap_csvs_agree(pack: Path):
    coverage = list(csv.DictReader(io.StringIO(_read(pack, "coverage.csv").decode())))
    gaps = list(csv.DictReader(io.StringIO(_read(pack, "gaps.csv").decode())))
    systems = [r for r in coverage if r["scope"] == "system"]
    not_covered = sum(
        int(r[s]) for r in systems for s in ("unmapped", "missing control", "no evidence", "evidence expired")
    )
    assert not_covered == len(gaps) > 0


def test_report_pdf_has_the_charts_and_the_as_of_date(pack: Path):
    reader = PdfReader(io.BytesIO(_read(pack, "report.pdf")))
    text = " ".join(page.extract_text() for page in reader.pages)
    for heading in (
        "Coverage per document",
        "Coverage per risk level",
        "Coverage per system",
        "Findings by rule",
        "Evidence by expiry",
    ):
        assert heading in text
    assert AS_OF.isoformat() in text and len(reader.pages) >= 2


def test_report_pdf_renders_to_an_image(pack: Path, tmp_path: Path):
    """Needs Debian's poppler-utils (pdftoppm), as `make test` installs."""
    (tmp_path / "r.pdf").write_bytes(_read(pack, "report.pdf"))
    subprocess.run(
        ["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", tmp_path / "r.pdf", tmp_path / "p"],
        check=True,
        timeout=120,
    )
    assert next(tmp_path.glob("p*.png")).stat().st_size > 5_000


def test_pack_needs_exactly_one_of_out_and_verify(cli: Cli):
    result = cli.invoke("audit-pack")
    assert result.exit_code == 2 and "either --out" in result.output


def _trail_store(tmp_path: Path) -> LocalStore:
    store = LocalStore(tmp_path / "trail-store")
    with history.acting("alice", "import"):
        store.replace_graph("urn:graph:a", b"<urn:s> <urn:p> <urn:o> .\n", "application/n-triples")
    with history.acting("bob", "review"):
        store.replace_graph("urn:graph:a", b"<urn:s> <urn:p> <urn:o2> .\n", "application/n-triples")
    return store


def test_history_in_the_pack_lists_the_changes_since_the_date_and_the_chains_verdict(tmp_path: Path):
    store = _trail_store(tmp_path)
    doc = json.loads(audit.history_json(store, None) or b"")
    assert doc["chain_intact"] is True and doc["problems"] == []
    assert [(e["agent"], e["command"]) for e in doc["entries"]] == [("alice", "import"), ("bob", "review")]
    assert doc["last_entry_hash"] == doc["entries"][-1]["hash"]
    later = json.loads(audit.history_json(store, date(2999, 1, 1)) or b"")
    assert later["entries"] == [] and later["chain_intact"] is True  # the window is empty, the chain still checked


def test_history_in_the_pack_says_when_the_trail_was_edited(tmp_path: Path):
    store = _trail_store(tmp_path)
    store.oxigraph.update(
        f"DELETE {{ GRAPH <{history.HISTORY_GRAPH}> {{ ?e ?p 'bob' }} }}"
        f" INSERT {{ GRAPH <{history.HISTORY_GRAPH}> {{ ?e ?p 'mallory' }} }}"
        f" WHERE {{ GRAPH <{history.HISTORY_GRAPH}> {{ ?e ?p 'bob' }} }}"
    )
    doc = json.loads(audit.history_json(store, None) or b"")
    assert doc["chain_intact"] is False and doc["problems"]


def test_a_store_without_a_trail_gives_no_history_file(tmp_path: Path):
    assert audit.history_json(LocalStore(tmp_path / "empty"), None) is None


def test_a_since_that_is_not_a_date_is_bad_input_naming_the_option(cli: Cli, tmp_path: Path):
    result = cli.invoke("audit-pack", "--out", tmp_path / "p.zip", "--since", "last-audit")
    assert result.exit_code == 2 and "--since: 'last-audit' is not a date" in result.output
    assert not (tmp_path / "p.zip").exists()
