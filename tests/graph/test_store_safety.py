"""The store never lies about itself: a missing or damaged store is exit 3 and one line, never an empty "conforms";
opening never changes its files; a read-only store can be read."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from storetools import cg, copy_store, database_dir, file_digests, largest

from compgraph.graph.store import LocalStore

STORE_UNAVAILABLE = 3
AS_OF = "2026-11-22"
READ_COMMANDS = [
    ("validate", "--as-of", AS_OF),
    ("stats",),
    ("query", "coverage-by-system"),
    ("trace", "sys-cv-screener"),
    ("export",),
    ("gaps", "eu-coc-deployers"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("built") / "store"
    out = cg(store, "build")
    assert out.returncode == 0, out.stderr
    return store


def assert_one_line_store_error(out: subprocess.CompletedProcess[str], *words: str) -> None:
    rc, stdout, stderr = out.returncode, out.stdout, out.stderr
    assert rc == STORE_UNAVAILABLE, (rc, stdout, stderr)
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    for word in words:
        assert word in lines[0]
    assert "conforms" not in stdout.lower()


@pytest.mark.parametrize("args", READ_COMMANDS, ids=lambda a: a[0])
def test_a_read_command_on_a_missing_store_is_exit_3_and_creates_nothing(tmp_path: Path, args: tuple[str, ...]) -> None:
    store = tmp_path / "mistyped-store"
    out = cg(store, *args)
    assert_one_line_store_error(out, "no store at", "compgraph --store", "build")
    assert not store.exists()


def test_a_read_command_on_an_empty_directory_is_exit_3_and_leaves_it_empty(tmp_path: Path) -> None:
    out = cg(tmp_path, "validate", "--as-of", AS_OF)
    assert_one_line_store_error(out, "no store at")
    assert list(tmp_path.iterdir()) == []


def lose_current(db: Path) -> None:
    (db / "CURRENT").unlink()


def lose_current_and_logs(db: Path) -> None:
    # What RocksDB, opened for writing, "recovers" into an empty database, deleting the old files.
    (db / "CURRENT").unlink()
    for log in db.glob("*.log"):
        log.unlink()


def truncate_sst(db: Path) -> None:
    sst = largest(db, "*.sst")
    os.truncate(sst, sst.stat().st_size // 2)


def zero_sst(db: Path) -> None:
    sst = largest(db, "*.sst")
    sst.write_bytes(b"\0" * sst.stat().st_size)


def garbage_manifest(db: Path) -> None:
    manifest = next(db.glob("MANIFEST-*"))
    manifest.write_bytes(bytes(range(256)) * (manifest.stat().st_size // 256 + 1))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "lost CURRENT": lose_current,
    "lost CURRENT and logs": lose_current_and_logs,
    "truncated SST": truncate_sst,
    "zeroed SST": zero_sst,
    "garbage MANIFEST": garbage_manifest,
}


@pytest.fixture(params=sorted(DAMAGE))
def damaged(request: pytest.FixtureRequest, built: Path, tmp_path: Path) -> Iterator[Path]:
    store = copy_store(built, tmp_path / "store")
    DAMAGE[request.param](database_dir(store))
    yield store


@pytest.mark.parametrize("args", [("validate", "--as-of", AS_OF), ("stats",), ("build",)], ids=lambda a: a[0])
def test_a_damaged_store_is_exit_3_one_line_and_its_files_stay_as_they_were(
    damaged: Path, args: tuple[str, ...]
) -> None:
    before = file_digests(damaged)
    out = cg(damaged, *args)
    assert_one_line_store_error(out, "damaged")
    assert file_digests(damaged) == before


def test_a_garbage_head_is_a_damaged_store(built: Path, tmp_path: Path) -> None:
    store = copy_store(built, tmp_path / "store")
    (store / "HEAD").write_text("not a generation\n")
    assert_one_line_store_error(cg(store, "stats"), "damaged", "HEAD")


# --- a read-only store directory ----------------------------------------------------------------------------


@pytest.fixture
def read_only_store(built: Path) -> Iterator[tuple[Path, list[str]]]:
    """A copy of the built store that the CLI cannot write: a directory without write permission, and as root
    (whom permissions do not stop) the CLI runs as the unprivileged user ``nobody``."""
    top = Path(tempfile.mkdtemp(prefix="cg-readonly-"))
    store = copy_store(built, top / "store")
    for p in [top, *store.rglob("*"), store]:
        p.chmod(p.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) | stat.S_IROTH
                | (stat.S_IXOTH if p.is_dir() else 0))
    user = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] if os.geteuid() == 0 else []
    if user and not shutil.which("setpriv"):
        pytest.skip("needs setpriv (util-linux) to drop root")
    yield store, user
    for p in [top, store, *store.rglob("*")]:
        p.chmod(p.stat().st_mode | stat.S_IWUSR)
    shutil.rmtree(top)


def test_read_commands_work_on_a_read_only_store(read_only_store: tuple[Path, list[str]]) -> None:
    store, user = read_only_store
    before = file_digests(store)
    out = cg(store, "stats", "--format", "json", user=user, cwd=store.parent)
    assert out.returncode == 0, out.stderr
    assert '"eu-coc-deployers"' in out.stdout
    out = cg(store, "trace", "sys-cv-screener", user=user, cwd=store.parent)
    assert out.returncode == 0, out.stderr
    assert file_digests(store) == before


def test_validate_on_a_read_only_store_reports_findings_without_saving(read_only_store: tuple[Path, list[str]]) -> None:
    store, user = read_only_store
    before = file_digests(store)
    out = cg(store, "validate", "--as-of", AS_OF, user=user, cwd=store.parent)
    assert out.returncode == 1, out.stderr
    assert "has no human-oversight control" in out.stdout
    assert "read-only" in out.stderr and "not saved" in out.stderr
    assert file_digests(store) == before


def test_a_write_to_a_read_only_store_says_so(read_only_store: tuple[Path, list[str]]) -> None:
    store, user = read_only_store
    before = file_digests(store)
    out = cg(store, "build", user=user, cwd=store.parent)
    assert_one_line_store_error(out, "read-only")
    assert file_digests(store) == before


def test_a_second_writer_is_exit_3_while_the_first_holds_the_store(built: Path, tmp_path: Path) -> None:
    store = copy_store(built, tmp_path / "store")
    first = LocalStore(store)
    try:
        before = first.graph_counts()
        assert_one_line_store_error(cg(store, "build"), "another process is writing")
        assert first.graph_counts() == before
        assert len(list(store.glob("gen-*"))) == 1
    finally:
        first.close()


def test_a_batch_is_invisible_to_readers_until_it_ends(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    store.replace_graph("urn:g:old", b"<urn:a> <urn:b> <urn:c> .\n")
    with store.batch() as batch:
        batch.drop_graph("urn:g:old")
        batch.replace_graph("urn:g:new", b"<urn:a> <urn:b> <urn:d> .\n")
        assert store.graph_names() == ["urn:g:old"]
    assert store.graph_names() == ["urn:g:new"]
    store.close()
    assert LocalStore(tmp_path / "store", read_only=True).graph_names() == ["urn:g:new"]


def test_a_failed_batch_changes_nothing_and_leaves_no_generation_behind(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "store")
    store.replace_graph("urn:g:old", b"<urn:a> <urn:b> <urn:c> .\n")
    with pytest.raises(SyntaxError), store.batch() as batch:
        batch.drop_graph("urn:g:old")
        batch.replace_graph("urn:g:new", b"<urn:a> <urn:b> .\n")
    assert store.graph_names() == ["urn:g:old"]
    assert len(list((tmp_path / "store").glob("gen-*"))) == 1


def test_a_head_naming_a_missing_generation_deletes_nothing(built: Path, tmp_path: Path) -> None:
    store = copy_store(built, tmp_path / "store")
    head = (store / "HEAD").read_text().split()
    (store / "HEAD").write_text(f"gen-{int(head[0][4:]) + 1:06d} {head[1]}\n")
    before = file_digests(store)
    assert_one_line_store_error(cg(store, "build"), "damaged", "missing")
    assert file_digests(store) == before


def test_a_half_copied_generation_left_by_a_killed_write_is_removed_by_the_next_open(
    built: Path, tmp_path: Path
) -> None:
    """RocksDB copies the next generation into ``gen-N.tmp`` first; SIGKILL during that copy leaves it behind."""
    store = copy_store(built, tmp_path / "store")
    head = (store / "HEAD").read_text().split()[0]
    staging = store / f"gen-{int(head[4:]) + 1:06d}.tmp"
    staging.mkdir()
    (staging / "000001.sst").write_bytes(b"half a table")
    LocalStore(store, read_only=True).close()
    assert sorted(p.name for p in store.glob("gen-*")) == [head]
