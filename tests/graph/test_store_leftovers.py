"""graph.store and graph.results: the behaviours the whole runs of their mutants left explained but untested.

docs/mutation-survivors.md, "Explained survivors settled (2026-12-04, fifteenth session)": the query child
killed from outside, a store damaged while a reader has it open, a raw RocksDB writer holding a generation, a bulk
load whose source fails, the error answers of a real ``oxigraph serve`` longer than the part kept. Real processes
and real files throughout: every store is a test's own.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from storetools import OTHER, ROWS, TWO

import compgraph
from compgraph.graph.remote import RemoteStore
from compgraph.graph.store import (
    SCRATCH_PREFIXES,
    LocalStore,
    StoreDamaged,
    StoreError,
)

A = "https://w3id.org/compgraph/graph/leftovers/a"
SCRATCH = SCRATCH_PREFIXES[0] + "killed"
EXPECTED = [(URIRef("urn:x:p"), Literal("one")), (URIRef("urn:x:q"), Literal("two"))]


def generation(root: Path) -> Path:
    return root / (root / "HEAD").read_text().split()[0]


# --- a store whose only graphs were scratch graphs --------------------------------------------------


@pytest.fixture
def only_scratch(tmp_path: Path) -> Path:
    """A store whose one generation was written holding nothing but a scratch graph (left by a killed command)."""
    with LocalStore(tmp_path / "store") as s:
        s.write_own_graph(SCRATCH, OTHER)  # a new generation
    return (tmp_path / "store").resolve()


def test_a_store_left_holding_only_a_scratch_graph_reads_as_empty_not_damaged(only_scratch: Path) -> None:
    with LocalStore(only_scratch, read_only=True) as s:
        assert s.graph_names() == []


def test_a_store_whose_only_scratch_graph_a_writer_dropped_opens_again(only_scratch: Path) -> None:
    LocalStore(only_scratch).close()  # the writer drops the scratch graph in place
    with LocalStore(only_scratch) as s:
        assert s.graph_names() == []


# --- a timed query's child ended from outside ---------------------------------------------------------------

# Ten values in each of twelve columns: 10**12 rows to count, far more than any machine evaluates before the test
# kills the child (the store's own triples do not matter).
ENDLESS = (
    "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"VALUES ?v{i} {{ 0 1 2 3 4 5 6 7 8 9 }}" for i in range(12)) + " }"
)


def kill_the_query_child(before: set[multiprocessing.process.BaseProcess], stop: threading.Event) -> None:
    """Kill (SIGKILL) the first child this process starts after ``before``, as the out-of-memory killer would."""
    while not stop.is_set():
        started = [c for c in multiprocessing.active_children() if c not in before]
        if started:
            os.kill(started[0].pid or 0, signal.SIGKILL)
            return
        stop.wait(0.01)


def test_a_timed_query_whose_child_is_killed_says_the_worker_ended_without_an_answer(store: LocalStore) -> None:
    stop = threading.Event()
    killer = threading.Thread(target=kill_the_query_child, args=(set(multiprocessing.active_children()), stop))
    killer.start()
    try:
        with pytest.raises(StoreError, match="^query worker ended without an answer$"):
            store.query(ENDLESS, timeout=3600)
    finally:
        stop.set()
        killer.join()


# --- a store damaged under a reader: the timed query's child reports it, naming the store ---------------


@pytest.fixture
def reader(tmp_path: Path) -> Iterator[LocalStore]:
    """A store of one new generation (HEAD records its graphs), open for reading."""
    with LocalStore(tmp_path / "store") as s:
        s.write_own_graph(A, TWO)
    with LocalStore(tmp_path / "store", read_only=True) as s:
        yield s


def test_a_timed_query_on_a_store_whose_files_were_damaged_since_it_was_opened_names_its_directory(
    reader: LocalStore,
) -> None:
    (generation(reader.root) / "CURRENT").unlink()
    with pytest.raises(StoreDamaged, match=f"^{re.escape(reader.location)} is damaged: gen-\\d+/CURRENT is missing$"):
        reader.query(ROWS, timeout=60)


def test_a_timed_query_on_a_store_emptied_since_it_was_opened_says_it_opens_empty(reader: LocalStore) -> None:
    gen = generation(reader.root)
    gen.rename(gen.with_name("lost"))  # the reader keeps its open files
    ox.Store(str(gen))  # an empty database in its place: what RocksDB opens when it cannot read the logs
    with pytest.raises(
        StoreDamaged, match=f"^{re.escape(reader.location)} is damaged: it opens empty but held 2 graphs$"
    ):
        reader.query(ROWS, timeout=60)


# --- a read that must drop scratch graphs while another program holds the database ------------------


HOLD = "import sys, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); print('held', flush=True); sys.stdin.read()"


@pytest.fixture
def held_with_scratch(tmp_path: Path) -> Iterator[Path]:
    """A store with a scratch graph a killed command left, whose database another program has open for writing
    (an ``oxigraph`` pointed at the generation, say): compgraph's own write lock is free."""
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph(A, TWO)
        s.write_own_graph(SCRATCH, OTHER)
    root = (tmp_path / "store").resolve()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(generation(root))], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        yield root
    finally:
        holder.communicate("")


def test_a_read_that_cannot_drop_the_scratch_graphs_says_the_store_cannot_be_opened_for_writing(
    held_with_scratch: Path,
) -> None:
    with pytest.raises(StoreDamaged, match=f"^{re.escape(str(held_with_scratch))} cannot be opened for writing: "):
        LocalStore(held_with_scratch, read_only=True)


# --- a bulk load whose source fails -------------------------------------------------------------------------


def failing_source() -> Iterator[tuple[URIRef, URIRef, Literal]]:
    yield URIRef("urn:x:a"), URIRef("urn:x:p"), Literal("one")
    raise RuntimeError("the generator lost its input")


def test_a_bulk_load_whose_source_fails_says_which_store_it_could_not_write_and_why(store: LocalStore) -> None:
    with pytest.raises(
        StoreError, match=f"^cannot write to the store at {re.escape(store.location)}: the generator lost its input$"
    ):
        store.bulk_replace_graph(A, failing_source())


# --- a store in a directory this user cannot write ----------------------------------------------------------

# Run as a separate process, importing compgraph from where this test did (so a changed copy is the one tested).
OPEN_TO_WRITE = """
import sys
from compgraph.graph.store import LocalStore, StoreReadOnly
try:
    LocalStore(sys.argv[1])
except StoreReadOnly as exc:
    print(exc)
"""


@pytest.fixture
def unwritable(tmp_path: Path) -> Iterator[tuple[Path, list[str]]]:
    """A store in a directory without write permission, and the command prefix of a user it stops (as root, whom
    permissions do not stop, the unprivileged ``nobody``)."""
    top = Path(tempfile.mkdtemp(prefix="cg-unwritable-"))
    LocalStore(top / "store").close()
    for p in [top, top / "store", *(top / "store").rglob("*")]:
        p.chmod(p.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) | stat.S_IROTH | stat.S_IXOTH)
    user = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] if os.geteuid() == 0 else []
    if user and not shutil.which("setpriv"):
        pytest.skip("needs setpriv (util-linux) to drop root")
    yield top / "store", user
    for p in [top, top / "store", *(top / "store").rglob("*")]:
        p.chmod(p.stat().st_mode | stat.S_IWUSR)
    shutil.rmtree(top)


def test_opening_a_store_to_write_in_a_directory_the_user_cannot_write_says_it_is_read_only(
    unwritable: tuple[Path, list[str]],
) -> None:
    store, user = unwritable
    imported_from = str(Path(compgraph.__file__).resolve().parents[1])
    out = subprocess.run(
        [*user, sys.executable, "-c", OPEN_TO_WRITE, str(store)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": imported_from},
        cwd="/",
        timeout=300,
    )
    assert (out.stdout, out.returncode) == (f"the store at {store} is read-only; this command writes to it\n", 0), (
        out.stderr
    )


# --- a remote store's waits and error answers ---------------------------------------------------------------


def test_a_remote_store_waits_a_minute_for_an_answer_unless_told_otherwise() -> None:
    assert RemoteStore("http://127.0.0.1:9/query").default_timeout == 60


# Oxigraph answers a function it does not know with 500 and a message naming it: here well over 500 characters.
UNKNOWN_FUNCTION = "<urn:f" + "x" * 700 + ">"


def error_answer(message: str, url: str, status: int = 500) -> str:
    prefix = f"{url} answered {status}: "
    assert message.startswith(prefix), message
    return message[len(prefix) :]


def test_a_remote_query_s_error_answer_is_given_to_its_first_500_characters(oxigraph: str) -> None:
    store = RemoteStore(oxigraph + "/query")
    with pytest.raises(StoreError) as err:
        store.query(f"SELECT * WHERE {{ BIND({UNKNOWN_FUNCTION}(1) AS ?x) }}")
    answer = error_answer(str(err.value), store.query_url)
    assert (len(answer), answer[:26]) == (500, "The custom function <urn:f")


def test_a_remote_update_s_error_answer_is_given_to_its_first_500_characters(oxigraph: str) -> None:
    store = RemoteStore(oxigraph + "/query")
    with pytest.raises(StoreError) as err:
        store.update(f"INSERT {{ <urn:x:a> <urn:x:p> ?x }} WHERE {{ BIND({UNKNOWN_FUNCTION}(1) AS ?x) }}")
    answer = error_answer(str(err.value), store.update_url)
    assert (len(answer), answer[:26]) == (500, "The custom function <urn:f")


def test_a_remote_graph_store_s_error_answer_is_given_to_its_first_500_characters(oxigraph: str) -> None:
    # A Graph Store URL with a wrong path: Oxigraph refuses the PUT with 404, naming the method and the path.
    store = RemoteStore(oxigraph + "/query", gsp_url=oxigraph + "/" + "x" * 700)
    with pytest.raises(StoreError) as err:
        store.replace_graph(A, TWO)
    answer = error_answer(str(err.value), str(store.gsp_url), 404)
    assert (len(answer), answer[:6]) == (500, "PUT /x")
