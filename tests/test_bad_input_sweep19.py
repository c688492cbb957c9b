"""The CLI's file and value inputs fed bad input (the 19th sweep): each is exit 2 (or 1 for a failed check) with
one line naming the file, line or option, no traceback, and the store as it was. Each test is a failure the
sweep found in the old code."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

# A reader that blocks or never ends must fail the test, not hang it.
TIMEOUT = 120


def cg(store: Path, *args: str, timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compgraph.cli", "--store", str(store), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sweep19") / "store"
    out = cg(path, "build")
    assert out.returncode == 0, out.stderr
    return path


def head(store: Path) -> str:
    """The store's current generation: any write that succeeds moves it on."""
    return (store / "HEAD").read_text()


def refused(out: subprocess.CompletedProcess[str], *words: str) -> None:
    assert out.returncode == 2, (out.returncode, out.stderr)
    assert "Traceback" not in out.stderr, out.stderr
    for word in words:
        assert word in out.stderr, out.stderr


def test_load_refuses_a_pipe_instead_of_waiting_for_a_writer(store: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "data.ttl"
    os.mkfifo(fifo)
    refused(cg(store, "load", str(fifo), timeout=60), str(fifo), "not a regular file")


def test_evidence_add_refuses_a_device_instead_of_reading_it_without_end(store: Path, tmp_path: Path) -> None:
    # A symlink to /dev/zero: `load` of one read 23 GB before the kernel killed it.
    link = tmp_path / "minutes.pdf"
    link.symlink_to("/dev/zero")
    before = head(store)
    out = cg(store, "evidence", "add", str(link), "--control", "CTL-GOV-01", "--concerns", "mozart",
             "--valid-until", "2027-11-30", timeout=60)
    refused(out, str(link), "not a regular file")
    assert head(store) == before


def test_an_iri_with_a_space_in_turtle_is_exit_2_naming_file_and_line(store: Path, tmp_path: Path) -> None:
    data = tmp_path / "spaced.ttl"
    data.write_text('<http://example.org/a> <http://example.org/p> "x" .\n'
                    '<http://example.org/a b> <http://example.org/p> "y" .\n', encoding="utf-8")
    before = head(store)
    refused(cg(store, "load", str(data)), f"{data}:2:", "'http://example.org/a b'")
    assert head(store) == before


def test_a_literal_beyond_the_stores_line_limit_is_exit_2_naming_the_file(store: Path, tmp_path: Path) -> None:
    data = tmp_path / "long.ttl"
    data.write_text('<http://example.org/a> <http://example.org/p> "' + "x" * (17 * 1024 * 1024) + '" .\n',
                    encoding="utf-8")
    before = head(store)
    refused(cg(store, "load", str(data)), str(data), "16 MiB")
    assert head(store) == before


@pytest.mark.parametrize("graph", ["http://example.org/a b", "http://example.org/a>", "not-an-iri", ""])
def test_load_refuses_a_graph_name_that_is_not_an_iri(store: Path, graph: str) -> None:
    concepts = Path(__file__).resolve().parents[1] / "ontology" / "concepts.ttl"
    before = head(store)
    refused(cg(store, "load", str(concepts), "--graph", graph), "--graph:", repr(graph))
    assert head(store) == before


def test_an_evidence_url_with_a_space_in_an_organisation_file_names_its_line(store: Path, tmp_path: Path) -> None:
    org = tmp_path / "org.yaml"
    org.write_text(
        "organisation:\n  id: acme\n  name: Acme\n  roles: [deployer]\n  subject_to: [eu-coc-deployers]\n"
        "  controls: [CTL-GOV-01]\n"
        "evidence:\n- id: ev-acme-1\n  label: Minutes\n  control: CTL-GOV-01\n  concerns: acme\n"
        "  issued: '2026-07-14'\n  valid_until: '2027-07-14'\n  url: 'https://example.org/a b>'\n"
        f"  sha256: '{'0' * 64}'\n",
        encoding="utf-8",
    )
    before = head(store)
    refused(cg(store, "load", str(org)), f"{org}:14:", "'https://example.org/a b>'")
    assert head(store) == before


def test_an_empty_valid_until_is_refused_not_read_as_today(store: Path, tmp_path: Path) -> None:
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("Minutes\n", encoding="utf-8")
    before = head(store)
    out = cg(store, "evidence", "add", str(minutes), "--control", "CTL-GOV-01", "--concerns", "mozart",
             "--valid-until", "")
    refused(out, "--valid-until")
    assert head(store) == before


def _pack_with_a_flipped_byte(tmp_path: Path) -> Path:
    pack = tmp_path / "pack.zip"
    body = "".join(f"<http://example.org/s{i}> <http://example.org/p> \"{i}\" .\n" for i in range(20000))
    import hashlib

    with zipfile.ZipFile(pack, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("graph.nq", body)
        zf.writestr("MANIFEST", f"{hashlib.sha256(body.encode()).hexdigest()}  graph.nq\n")
    data = bytearray(pack.read_bytes())
    info = zipfile.ZipFile(pack).getinfo("graph.nq")
    data[info.header_offset + 30 + len("graph.nq") + 200] ^= 0xFF
    pack.write_bytes(bytes(data))
    return pack


def test_verifying_a_damaged_pack_names_the_damaged_file_and_exits_1(store: Path, tmp_path: Path) -> None:
    out = cg(store, "audit-pack", "--verify", str(_pack_with_a_flipped_byte(tmp_path)))
    assert out.returncode == 1, out.stderr
    assert "Traceback" not in out.stderr, out.stderr
    assert "FAILED graph.nq: cannot be read from the pack" in out.stderr


def test_verifying_a_pack_that_inflates_to_gigabytes_runs_in_bounded_memory(tmp_path: Path) -> None:
    """1 GiB of zeros in a 1 MB zip, verified in a process limited to 768 MiB of address space: the old code read
    each member whole (MemoryError with a traceback; without a limit, the machine's memory)."""
    pack = tmp_path / "bomb.zip"
    with zipfile.ZipFile(pack, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("MANIFEST", "0" * 64 + "  big\n")
        with zf.open("big", "w", force_zip64=True) as f:
            chunk = bytes(1 << 20)
            for _ in range(1024):
                f.write(chunk)
    script = (
        "import resource, sys\n"
        "from compgraph.exchange.audit import verify_pack\n"
        "resource.setrlimit(resource.RLIMIT_AS, (768 << 20, 768 << 20))\n"
        "n, problems = verify_pack(__import__('pathlib').Path(sys.argv[1]))\n"
        "print(n, problems)\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(pack)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "big: SHA-256 does not match MANIFEST" in out.stdout


def test_an_export_to_a_device_writes_into_it_and_never_replaces_it(store: Path) -> None:
    """``--out /dev/full``: the old code renamed a temporary file over the device (as root it became a regular
    file for every process) and said "Wrote"; now the device is written into, and a full one is exit 2."""
    before = os.stat("/dev/full")
    out = cg(store, "export-oscal", "--kind", "catalog", "--document", "eu-ai-act", "--out", "/dev/full")
    after = os.stat("/dev/full")
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode), "/dev/full was replaced"
    refused(out, "/dev/full: cannot write")


def test_export_to_a_missing_folder_is_exit_2_naming_the_file(store: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "dump.nq"
    refused(cg(store, "export", "-o", str(target)), str(target), "cannot write")


def test_export_of_a_graph_name_that_is_not_an_iri_is_exit_2(store: Path) -> None:
    refused(cg(store, "export", "--graph", "a b"), "--graph:", "'a b'")


@pytest.mark.parametrize("ident", ["a b", "<x>"])
def test_evidence_naming_an_id_no_node_can_have_is_exit_2(store: Path, tmp_path: Path, ident: str) -> None:
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("Minutes\n", encoding="utf-8")
    before = head(store)
    out = cg(store, "evidence", "add", str(minutes), "--control", "CTL-GOV-01", "--concerns", ident,
             "--valid-until", "2027-11-30")
    refused(out, "--concerns:", repr(ident))
    refused(cg(store, "evidence", "renew", ident, str(minutes), "--valid-until", "2027-11-30"), repr(ident))
    assert head(store) == before


def test_a_query_name_too_long_for_a_file_name_is_exit_2(store: Path) -> None:
    refused(cg(store, "query", "q" * 300), "no canned query")


def test_a_query_file_larger_than_a_query_can_be_is_exit_2_naming_it(store: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.rq"
    big.write_text("SELECT * WHERE { ?s ?p ?o }\n" + "#" * (2 * 1024 * 1024) + "\n", encoding="utf-8")
    refused(cg(store, "query", str(big)), str(big), "larger than")


BOMB = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 2 else "")) * 10}">' for i in range(2, 10))
    + ']><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
    '<rdf:Description rdf:about="http://example.org/a"><ex:p>&lol9;</ex:p></rdf:Description></rdf:RDF>'
)


def test_an_rdf_xml_entity_bomb_is_refused_at_once(store: Path, tmp_path: Path) -> None:
    bomb = tmp_path / "lolz.rdf"
    bomb.write_text(BOMB, encoding="utf-8")
    refused(cg(store, "load", str(bomb), timeout=60), str(bomb), "refers to another entity")


def test_rdf_xml_namespace_entities_as_owl_files_use_them_still_load(store: Path, tmp_path: Path) -> None:
    owl = tmp_path / "onto.rdf"
    owl.write_text(
        '<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY ex "http://example.org/" >]>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
        '<rdf:Description rdf:about="&ex;a"><ex:p>v &amp; w</ex:p></rdf:Description></rdf:RDF>',
        encoding="utf-8",
    )
    out = cg(store, "load", str(owl), "--graph", "https://example.org/graph/onto")
    assert out.returncode == 0, out.stderr
    assert "http://example.org/a" in cg(store, "export", "--graph", "https://example.org/graph/onto").stdout


def test_an_ill_typed_date_loads_without_a_traceback_on_stderr(store: Path, tmp_path: Path) -> None:
    data = tmp_path / "dates.ttl"
    data.write_text('<http://example.org/a> <http://example.org/due> '
                    '"2026-02-30"^^<http://www.w3.org/2001/XMLSchema#date> .\n', encoding="utf-8")
    out = cg(store, "load", str(data), "--graph", "https://example.org/graph/dates")
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr, out.stderr


@pytest.mark.parametrize("content", ["[1, 2]", '{"users": 5}'])
def test_users_add_refuses_a_file_that_is_not_a_users_file_and_keeps_it(tmp_path: Path, content: str) -> None:
    """A JSON list was read as "no users" and overwritten with one; a number was an AttributeError traceback."""
    path = tmp_path / "notes.json"
    path.write_text(content, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "compgraph.cli", "users", "add", "bob", "--role", "viewer", "--users", str(path),
         "--password-stdin"],
        input="password-123\n", capture_output=True, text=True, timeout=TIMEOUT, cwd=tmp_path,
        # From tmp_path a relative PYTHONPATH would miss this checkout's src.
        env={**os.environ, "PYTHONPATH": os.pathsep.join(str(Path(p).resolve()) for p in sys.path if p)},
    )
    refused(out, str(path), "not a users file")
    assert path.read_text(encoding="utf-8") == content


def test_serve_with_a_users_file_that_does_not_parse_is_exit_2_before_starting(store: Path, tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    path.write_text("", encoding="utf-8")
    refused(cg(store, "serve", "--port", "18999", "--users", str(path), timeout=60), str(path), "users file")


def test_import_oscal_never_replaces_a_document_already_in_the_store(store: Path, tmp_path: Path) -> None:
    """'--id eu-ai-act' replaced the AI Act's 125 obligations with the catalog's controls."""
    nist = Path(__file__).resolve().parent / "fixtures" / "oscal" / "nist-sp800-53r5-low-excerpt.json"
    before = head(store)
    out = cg(store, "import-oscal", str(nist), "--id", "eu-ai-act", "--prefix", "NIST", "--out", str(tmp_path / "m"))
    refused(out, "--id:", "'eu-ai-act'", "already")
    assert head(store) == before
    assert not (tmp_path / "m").exists()


def test_import_oscal_with_an_id_too_long_for_a_file_name_is_exit_2(store: Path, tmp_path: Path) -> None:
    nist = Path(__file__).resolve().parent / "fixtures" / "oscal" / "nist-sp800-53r5-low-excerpt.json"
    out = cg(store, "import-oscal", str(nist), "--id", "n" * 300, "--prefix", "NLONG", "--out", str(tmp_path / "m"))
    refused(out, "document id", "longer than 100")


def test_validate_with_a_shapes_folder_holding_a_pipe_does_not_wait_on_it(store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "shapes"
    folder.mkdir()
    os.mkfifo(folder / "x.ttl")
    before = head(store)
    refused(cg(store, "validate", "--shapes", str(folder), timeout=60), str(folder), "no shapes files")
    assert head(store) == before


def test_diff_against_an_empty_snapshot_name_is_exit_2_not_the_only_snapshot(tmp_path: Path) -> None:
    """With one snapshot, "" (a prefix of every name) selected it: `diff ""` compared with it, exit 0."""
    one = tmp_path / "store"
    assert cg(one, "build").returncode == 0  # the tests keep no automatic snapshots (conftest)
    assert cg(one, "snapshot").returncode == 0
    refused(cg(one, "diff", ""), "empty snapshot name")


def test_users_add_reads_a_bounded_password_from_stdin(tmp_path: Path) -> None:
    """``--password-stdin < /dev/zero`` read one endless line; the old code is stopped here by a 1 GiB limit."""
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from compgraph.cli import main\n"
        "main(['users', 'add', 'bob', '--role', 'viewer', '--users', sys.argv[1], '--password-stdin'])\n"
    )
    with open("/dev/zero", "rb") as zero:
        out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "users.json")], stdin=zero,
                             capture_output=True, text=True, timeout=TIMEOUT)
    refused(out, "at most 1024 characters")
    assert not (tmp_path / "users.json").exists()


def test_evidence_add_with_a_spaced_control_id_names_the_control_not_the_default_id(
    store: Path, tmp_path: Path
) -> None:
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("Minutes\n", encoding="utf-8")
    out = cg(store, "evidence", "add", str(minutes), "--control", "CTL GOV 01", "--concerns", "mozart",
             "--valid-until", "2027-11-30")
    refused(out, "--control: no control with id 'CTL GOV 01'")


def test_generate_into_a_device_is_exit_2_naming_it(store: Path) -> None:
    refused(cg(store, "generate", "--out", "/dev/null"), "--out: /dev/null")


def test_import_refuses_a_document_id_too_long_for_a_file_name(store: Path, tmp_path: Path) -> None:
    doc = tmp_path / "act.md"
    doc.write_text("# Act\n\n## Section 1\n\nThe agency shall publish a plan.\n", encoding="utf-8")
    before = head(store)
    out = cg(store, "import", str(doc), "--id", "a" * 5000, "--out", str(tmp_path / "m"))
    refused(out, "document id", "longer than 100")
    assert head(store) == before


def test_generate_refuses_a_scale_no_machine_could_hold_at_once(store: Path, tmp_path: Path) -> None:
    # the old code planned for 47 s and died of a MemoryError (a traceback)
    out = cg(store, "generate", "--scale", "99999999999999999999", "--out", str(tmp_path / "gen"), timeout=60)
    refused(out, "100,000,000")
