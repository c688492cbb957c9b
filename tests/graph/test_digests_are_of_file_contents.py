"""Every recorded SHA-256 is the digest of the file's bytes: not of its name, not of its path."""

from __future__ import annotations

import hashlib
from pathlib import Path

from compgraph.graph import paths
from compgraph.graph.catalog import sha256_file
from compgraph.graph.store import LocalStore


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sha256_file_is_the_digest_of_the_bytes(tmp_path: Path) -> None:
    f = tmp_path / "evidence.txt"
    f.write_bytes(b"bias test report, 2026-10-01\n")
    assert sha256_file(f) == hashlib.sha256(b"bias test report, 2026-10-01\n").hexdigest()


def test_same_name_different_content_gives_different_digests(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "report.txt").write_bytes(b"version 1")
    (tmp_path / "b" / "report.txt").write_bytes(b"version 2")
    assert sha256_file(tmp_path / "a" / "report.txt") != sha256_file(tmp_path / "b" / "report.txt")


def test_each_loaded_graph_records_the_digest_of_its_source_file(demo_store: LocalStore) -> None:
    rows = demo_store.select(
        "SELECT ?g ?file ?sha WHERE { ?g a cg:SourceGraph ; prov:wasDerivedFrom ?file ; cg:sha256 ?sha }"
    ).rows
    assert rows, "the build recorded no source graphs"
    root = paths.mappings_dir().parent
    for g, file, sha in rows:
        assert str(sha) == digest(root / str(file)), f"{g}: digest of {file} is wrong"


def test_each_document_records_the_digest_of_its_source_text(demo_store: LocalStore) -> None:
    rows = demo_store.select(
        "SELECT ?doc ?file ?sha WHERE { ?doc a ?kind ; dcterms:source ?file ; cg:sha256 ?sha . "
        "?kind rdfs:subClassOf* cg:SourceDocument . FILTER(isLiteral(?file)) }"
    ).rows
    assert rows, "no document records the digest of its source text"
    for doc, file, sha in rows:
        assert str(sha) == digest(paths.mappings_dir() / str(file)), f"{doc}: digest of {file} is wrong"
