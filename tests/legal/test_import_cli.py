"""The legal workflow end to end through the CLI, on a document no part of compgraph has seen before:
import -> suggest -> review -> gaps; and bad input files refused with exit 2 and nothing changed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from compgraph.cli import base as cli_main
from compgraph.cli import main
from compgraph.graph.store import LocalStore

REPO = Path(__file__).resolve().parents[2]
LEGAL = REPO / "tests" / "fixtures" / "legal"
DOC = LEGAL / "public-sector-ai-act.md"


class Env:
    """Runs CLI commands in-process against one open store (RocksDB allows one opener per process)."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.store = tmp_path / "store"
        self.out = tmp_path / "user-mappings"
        self.runner = CliRunner()
        self.shared = LocalStore(self.store)
        monkeypatch.setattr(cli_main, "open_store", lambda **kw: self.shared)

    def run(self, *args: str | Path, code: int = 0) -> str:
        result = self.invoke(*args)
        assert result.exit_code == code, result.output
        return result.output

    def invoke(self, *args: str | Path) -> Result:
        return self.runner.invoke(main, ["--store", str(self.store), *map(str, args)])

    def counts(self) -> dict[str, int]:
        return self.shared.graph_counts()


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Env:
    root = tmp_path / "root"
    root.mkdir()
    (root / "ontology").symlink_to(LEGAL / "ontology")
    shutil.copytree(LEGAL / "mappings", root / "mappings")
    monkeypatch.setenv("COMPGRAPH_DATA_DIR", str(root))
    monkeypatch.setenv("COMPGRAPH_RANKER", "bm25")
    e = Env(tmp_path, monkeypatch)
    e.run("build")
    return e


def test_import_suggest_review_gaps(env: Env) -> None:
    out = env.run(
        "import",
        DOC,
        "--id",
        "psa",
        "--title",
        "Public Sector ADM Act",
        "--prefix",
        "PSA",
        "--org",
        "acme",
        "--out",
        env.out,
    )
    assert "Extracted 10 obligations" in out
    catalog = (env.out / "obligations" / "psa.yaml").read_text(encoding="utf-8")
    assert "id: PSA-2-1" in catalog and "source_file: sources/psa.txt" in catalog
    assert (env.out / "sources" / "psa.txt").is_file()
    assert env.counts()["https://w3id.org/compgraph/graph/document/psa"] > 0

    table = env.run("suggest", "psa", "--top-k", "3")
    assert "CTL-HO-01" in table and "! PSA-8-1" in table  # the supervision fee opens a gap
    data = json.loads(env.run("suggest", "psa", "--format", "json"))
    first = {s["obligation"]: s["controls"][0]["id"] for s in data["suggestions"] if s["controls"]}
    assert first["PSA-2-1"] == "CTL-HO-01" and first["PSA-4-1"] == "CTL-BT-01"
    assert first["PSA-5-1"] == "CTL-RK-01" and first["PSA-6-1"] == "CTL-IR-01"
    similar = next(s for s in data["suggestions"] if s["obligation"] == "PSA-2-1")["similar"]
    assert similar[0]["id"] == "MINI-1-01"
    assert "semapv:LexicalMatching" in env.run("suggest", "psa", "--format", "sssom")
    assert env.run("suggest", "psa", "--format", "csv").startswith("obligation,rank,control")

    out = env.run(
        "review",
        "psa",
        "--accept",
        "PSA-2-1=CTL-HO-01",
        "--accept",
        "PSA-4-1=CTL-BT-01:narrowMatch",
        "--reject",
        "PSA-7-1=CTL-IA-01",
        "--author",
        "Ada Lovelace",
        "--mappings",
        env.out,
    )
    assert "2 accepted, 1 rejected" in out
    assert (env.out / "review-psa.sssom.tsv").is_file()

    gaps = env.run("gaps", "psa")
    assert "10 obligations, 2 with an accepted control, 8 without" in gaps
    assert "PSA-7-1" in gaps and "  PSA-2-1 " not in gaps
    assert "System benefit-triage" in gaps
    assert env.run("gaps", "psa", "--format", "markdown").startswith("# Gap report")
    assert env.run("gaps", "psa", "--format", "csv").startswith("kind,obligation")


def _corrupt_pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF")
    return path


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("broken.pdf", _corrupt_pdf, "PDF"),
        ("not-a.pdf", lambda p: (p.write_bytes(b"PK\x03\x04 zip, not pdf"), p)[1], "PDF"),
        ("empty.md", lambda p: (p.write_bytes(b""), p)[1], "empty"),
        ("blob.txt", lambda p: (p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20), p)[1], "binary"),
        ("huge.txt", lambda p: (p.write_bytes(b"Providers shall keep logs.\n" * 200_000), p)[1], "limit"),
        ("no-duties.md", lambda p: (p.write_text("# Notes\n\nThe weather was fine.\n"), p)[1], "no obligation"),
        ("locked.docx", lambda p: (p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), p)[1],
         "password"),
        ("renamed.docx", lambda p: (p.write_bytes(b"Providers shall keep logs.\n"), p)[1], "not a ZIP package"),
    ],
)
def test_bad_documents_exit_2_and_change_nothing(env: Env, tmp_path: Path, name: str, make, message: str) -> None:
    path = make(tmp_path / name)
    before = env.counts()
    result = env.invoke("import", path, "--id", "bad", "--out", env.out)
    assert result.exit_code == 2
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and message.lower() in lines[0].lower()
    assert env.counts() == before
    assert not (env.out / "obligations" / "bad.yaml").exists()


def test_an_extractor_failure_on_a_text_is_one_line_exit_2_naming_the_file_and_nothing_is_written(
        env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    from compgraph.legal import extract

    def stumble(text: str, meta: dict) -> dict:
        raise IndexError("list index out of range")

    # a rule stumbling on an unforeseen layout, as a bare "# " line once made it do
    monkeypatch.setattr(extract, "catalog_from_text", stumble)
    before = env.counts()
    result = env.invoke("import", DOC, "--id", "psa", "--out", env.out)
    assert result.exit_code == 2
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and DOC.name in lines[0] and "IndexError" in lines[0] and "nothing was written" in lines[0]
    assert env.counts() == before
    assert not (env.out / "obligations" / "psa.yaml").exists()


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_a_word_processors_file_imports_the_same_obligations_as_its_text(env: Env, suffix: str) -> None:
    # LibreOffice's save of the Markdown statute: the paragraph numbers the ids cite are only list numbering there
    out = env.run("import", LEGAL / f"public-sector-ai-act{suffix}", "--id", "psa", "--prefix", "PSA",
                  "--out", env.out)
    assert "Extracted 10 obligations" in out
    catalog = (env.out / "obligations" / "psa.yaml").read_text(encoding="utf-8")
    assert "id: PSA-2-1" in catalog and "id: PSA-8-2" in catalog


def test_bad_options_exit_2(env: Env) -> None:
    env.run("import", DOC, "--id", "psa", "--org", "nobody", "--out", env.out, code=2)
    env.run("import", DOC, "--id", "bad id", "--out", env.out, code=2)
    env.run("import", DOC, "--id", "psa2", "--prefix", "MINI", "--out", env.out, code=2)  # prefix in use
    env.run("suggest", "nope", code=2)
    env.run("gaps", "nope", code=2)
    env.run("review", "mini-code", "--accept", "MINI-5-01=CTL-XX", "--author", "A", "--mappings", env.out, code=2)
    env.run("review", "mini-code", "--accept", "MINI-5-01", "--author", "A", "--mappings", env.out, code=2)


def test_eval_suggest_on_the_fixture_crosswalk(env: Env) -> None:
    out = env.run("eval-suggest", "--ranker", "bm25")
    assert "hits@1" in out and "MRR" in out and "mini-code" in out


def test_eval_extract_meets_targets_on_the_shipped_catalogs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COMPGRAPH_DATA_DIR", raising=False)
    result = CliRunner().invoke(main, ["eval-extract"])
    assert "precision" in result.output and "eu-coc-deployers" in result.output
    assert result.exit_code == 0, result.output


def test_real_process_reports_one_line_and_exit_2(tmp_path: Path) -> None:
    """The installed entry point, not just the click group: a corrupt PDF is one line on stderr, exit 2."""
    pdf = _corrupt_pdf(tmp_path / "broken.pdf")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "compgraph.cli",
            "--store",
            str(tmp_path / "store"),
            "import",
            str(pdf),
            "--id",
            "x",
            "--out",
            str(tmp_path / "m"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "PDF" in proc.stderr
    assert not (tmp_path / "m").exists()


def test_import_refuses_an_existing_id_without_replace(env: Env) -> None:
    env.run("import", DOC, "--id", "psa", "--out", env.out)
    before = (env.out / "obligations" / "psa.yaml").read_bytes()
    result = env.invoke("import", LEGAL / "public-sector-ai-act.md", "--id", "psa", "--out", env.out)
    assert result.exit_code == 2 and "already exists" in result.output and "--replace" in result.output
    assert (env.out / "obligations" / "psa.yaml").read_bytes() == before


def test_import_refuses_a_shipped_id_and_never_rewrites_the_shipped_file(env: Env) -> None:
    shipped = sorted((Path(os.environ["COMPGRAPH_DATA_DIR"]) / "mappings" / "obligations").glob("*.yaml"))[0]
    before = shipped.read_bytes()
    result = env.invoke("import", DOC, "--id", shipped.stem, "--prefix", "NEW")
    assert result.exit_code == 2 and "already exists" in result.output
    result = env.invoke("import", DOC, "--id", shipped.stem, "--prefix", "NEW", "--replace",
                        "--out", shipped.parent.parent)
    assert result.exit_code == 2 and "never rewritten" in result.output
    assert shipped.read_bytes() == before


def test_replace_keeps_reviews_of_surviving_obligations_and_reports_the_orphans(env: Env, tmp_path: Path) -> None:
    env.run("import", DOC, "--id", "psa", "--prefix", "PSA", "--out", env.out)
    env.run("review", "psa", "--accept", "PSA-2-1=CTL-HO-01", "--accept", "PSA-8-2=CTL-HO-01", "--author", "A",
            "--mappings", env.out)
    shorter = tmp_path / "psa-v2.md"
    shorter.write_text(DOC.read_text(encoding="utf-8").split("## Article 8")[0], encoding="utf-8")
    result = env.invoke("import", shorter, "--id", "psa", "--prefix", "PSA", "--out", env.out, "--replace")
    assert result.exit_code == 0, result.output
    assert "PSA-8-2=CTL-HO-01" in result.output and "PSA-2-1=" not in result.output
    kept = env.shared.select("""SELECT ?c WHERE { ?o dcterms:identifier "PSA-2-1" ; cg:satisfiedBy ?c }""").rows
    assert len(kept) == 1


def test_eval_extract_on_the_labelled_regulations_meets_the_targets(env: Env) -> None:
    out = env.run("eval-extract", "--corpus", REPO / "tests" / "fixtures" / "regulations")
    assert "us-utah-genai-disclosure.md" in out and out.count(" met") == 4


def test_eval_extract_names_a_malformed_label_file(env: Env, tmp_path: Path) -> None:
    (tmp_path / "act.txt").write_text("Article 1\n\n1. Providers shall keep logs.\n", encoding="utf-8")
    (tmp_path / "act.truth.tsv").write_text("id\tref\ttext\nx\t1(1)\tProviders shall keep logs.\n", encoding="utf-8")
    result = env.invoke("eval-extract", "--corpus", tmp_path)
    assert result.exit_code == 2 and "act.truth.tsv: line 1: missing column 'modality'" in result.output


def test_validate_reports_accepted_reviews_orphaned_by_a_replacing_import(env: Env, tmp_path: Path) -> None:
    env.run("import", DOC, "--id", "psa", "--prefix", "PSA", "--out", env.out)
    env.run("review", "psa", "--accept", "PSA-2-1=CTL-HO-01", "--accept", "PSA-8-2=CTL-HO-01", "--author", "A",
            "--mappings", env.out)
    assert "Orphaned review decisions" not in env.invoke("validate", "--no-save").output
    shorter = tmp_path / "psa-v2.md"
    shorter.write_text(DOC.read_text(encoding="utf-8").split("## Article 8")[0], encoding="utf-8")
    env.run("import", shorter, "--id", "psa", "--prefix", "PSA", "--out", env.out, "--replace")
    report = env.invoke("validate", "--no-save").output
    section = report.split("Orphaned review decisions: 1 accepted mapping(s)", 1)[1]
    assert "psa: PSA-8-2 = CTL-HO-01" in section and "PSA-2-1" not in section


def test_import_says_which_title_it_chose_and_the_gap_report_shows_it(env: Env, tmp_path: Path) -> None:
    excerpt = tmp_path / "ai-act-article-9.txt"
    excerpt.write_text("Article 9\nRisk management system\n\n1. A risk management system shall be established, "
                       "implemented, documented and maintained.\n", encoding="utf-8")
    out = env.run("import", excerpt, "--id", "aia9", "--out", env.out)
    assert "Title: ai-act-article-9 (from the file name" in out
    assert "Gap report: aia9 — ai-act-article-9" in env.run("gaps", "aia9")


def test_import_with_a_title_given_says_nothing_of_one(env: Env) -> None:
    out = env.run("import", DOC, "--id", "psa", "--title", "Public Sector AI Act", "--out", env.out)
    assert "Title:" not in out
    assert "Public Sector AI Act" in env.run("gaps", "psa")
