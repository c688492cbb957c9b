"""graph.store, one behaviour at a time: what the whole run of its mutants showed no store test pinned.

``python tools/mutation.py --group store`` (all of its mutants; docs/mutation-survivors.md, "graph/store.py",
"Whole run") left alive what no test of the group reached: dropping a graph from the embedded store, queries
inside a batch, ``QueryResult``'s plain values and graph, reopening a store read-only after a killed write, ...
Every store a test asserts on is its own; the remote tests run against real ``oxigraph serve`` and Virtuoso
servers (tests/remote_servers.py), on the one Virtuoso a graph per test.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef, Variable
from storetools import OTHER, ROWS, TWO

from compgraph.graph import history, snapfiles, snapshots
from compgraph.graph.remote import RemoteStore
from compgraph.graph.store import (
    IN_PLACE_MAX,
    SCRATCH_PREFIXES,
    WRITE,
    LocalStore,
    QueryResult,
    QuerySyntaxError,
    QueryTimeout,
    ResultTooLarge,
    StoreDamaged,
    StoreError,
    StoreMissing,
    StoreReadOnly,
    open_store,
    to_oxigraph,
)
from remote_servers import Server

A = "https://w3id.org/compgraph/graph/whole-run/a"
B = "https://w3id.org/compgraph/graph/whole-run/b"
SCRATCH = SCRATCH_PREFIXES[0] + "killed"
EXPECTED = [(URIRef("urn:x:p"), Literal("one")), (URIRef("urn:x:q"), Literal("two"))]


# --- QueryResult ------------------------------------------------------------------------------------


def test_a_row_wider_than_the_variables_is_an_error_not_cut_short() -> None:
    res = QueryResult("SELECT", variables=["a"], rows=[(Literal("1"), Literal("2"))])
    with pytest.raises(ValueError, match="zip"):
        res.dicts()


def test_values_give_each_term_as_a_string_and_an_unbound_one_as_none() -> None:
    res = QueryResult("SELECT", variables=["a", "b"], rows=[(URIRef("urn:x:a"), None), (None, Literal("2"))])
    assert res.values() == [{"a": "urn:x:a", "b": None}, {"a": None, "b": "2"}]


def test_a_construct_answer_reads_as_a_graph_of_its_triples(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    graph = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{A}> {{ ?s ?p ?o }} }}").graph()
    assert sorted(graph) == [(URIRef("urn:x:a"), p, o) for p, o in EXPECTED]


def test_an_embedded_select_is_answered_as_a_select(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    res = store.query(ROWS)
    assert (res.kind, res.variables) == ("SELECT", ["p", "o"])


def test_an_embedded_select_of_exactly_the_row_cap_is_answered(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    assert store.query(ROWS, max_results=2).rows == EXPECTED


CONSTRUCT_A = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{A}> {{ ?s ?p ?o }} }}"


def test_an_embedded_construct_is_answered_as_a_construct_up_to_its_triple_cap(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    res = store.query(CONSTRUCT_A, max_results=2)
    assert (res.kind, len(res.triples)) == ("CONSTRUCT", 2)


def test_an_embedded_construct_past_its_triple_cap_is_refused_naming_the_cap(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    with pytest.raises(ResultTooLarge, match="^query returned more than 1 triples$"):
        store.query(CONSTRUCT_A, max_results=1)


# --- timed queries (run in a forked child) ----------------------------------------------------------


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[LocalStore]:
    """A store holding TWO, reopened read-only, as a server answering untrusted queries has it (a fork just
    after a write to a store open for writing has been seen to hang: docs/mutation-survivors.md, seed 8)."""
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph(A, TWO)
    with LocalStore(tmp_path / "store", read_only=True) as s:
        yield s


def test_a_timed_query_the_store_cannot_parse_is_a_syntax_error_with_the_parser_s_message(
    read_only: LocalStore,
) -> None:
    with pytest.raises(QuerySyntaxError, match="^error at 1:"):
        read_only.query("SELECT ?x WHERE {}}", timeout=30)


def test_a_timed_query_past_its_limit_is_stopped_naming_the_limit(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph(A, "".join(f"<urn:s{i}> <urn:p> <urn:o{i % 97}> .\n" for i in range(2000)).encode())
    with (
        LocalStore(tmp_path / "store", read_only=True) as s,
        pytest.raises(QueryTimeout, match="^query stopped after the 0.5 s time limit$"),
    ):
        s.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }", timeout=0.5)


# --- select and to_graph on any store ------------------------------------------------------------


def test_select_passes_its_query_options_on(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    with pytest.raises(ResultTooLarge, match="more than 1 rows"):
        store.select(ROWS, max_results=1)


@pytest.mark.remote
def test_a_remote_to_graph_of_two_named_graphs_holds_both(oxigraph: str) -> None:
    with RemoteStore(f"{oxigraph}/query") as store:
        store.replace_graph(A, TWO)
        store.replace_graph(B, OTHER)
        store.replace_graph(A + "/c", b'<urn:x:c> <urn:x:p> "c" .\n')
        assert len(store.to_graph([A, B])) == 3


def test_to_graph_of_the_embedded_store_is_the_union_of_its_data_graphs(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    store.replace_graph(B, OTHER)
    assert len(store.to_graph()) == 3  # not the audit trail's triples


def test_to_graph_of_named_graphs_of_the_embedded_store_holds_those_alone(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    store.replace_graph(B, OTHER)
    assert sorted(store.to_graph([A])) == [(URIRef("urn:x:a"), p, o) for p, o in EXPECTED]


def test_to_graph_keeps_a_blank_node_shared_by_two_triples_one_node(store: LocalStore) -> None:
    store.replace_graph(A, b'_:n <urn:x:p> "one" .\n_:n <urn:x:q> "two" .\n')
    assert len(set(store.to_graph([A]).subjects())) == 1


def test_an_ill_typed_literal_reads_back_as_written_not_normalised(store: LocalStore) -> None:
    # rdflib would make "none"^^xsd:boolean "false"; the store keeps what it was given (graph.literals).
    store.replace_graph(A, b'<urn:x:a> <urn:x:p> "none"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n')
    [(value,)] = store.query("SELECT ?o WHERE { ?s <urn:x:p> ?o }").rows
    assert str(value) == "none"


# --- the bulk loader ----------------------------------------------------------------------------------


def test_a_bulk_load_keeps_a_plain_literal_s_text(store: LocalStore) -> None:
    store.bulk_replace_graph(A, iter([(URIRef("urn:x:a"), URIRef("urn:x:p"), Literal("one"))]))
    assert store.query("SELECT ?o WHERE { ?s <urn:x:p> ?o }").rows == [(Literal("one"),)]


def test_a_bulk_load_keeps_two_blank_nodes_apart(store: LocalStore) -> None:
    store.bulk_replace_graph(
        A, iter([(BNode(), URIRef("urn:x:p"), Literal("1")), (BNode(), URIRef("urn:x:p"), Literal("2"))])
    )
    subjects = f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH <{A}> {{ ?s ?p ?o }} }}"
    assert store.query(subjects).rows == [(Literal(2),)]


def test_a_term_the_store_cannot_hold_is_refused_naming_it() -> None:
    with pytest.raises(TypeError, match=r"cannot store rdflib.term.Variable\('x'\)"):
        to_oxigraph(Variable("x"))


def test_a_bulk_load_is_recorded_in_the_trail(store: LocalStore) -> None:
    store.bulk_replace_graph(A, iter([(URIRef("urn:x:a"), URIRef("urn:x:p"), Literal("one"))]))
    [change] = history.entries(store)[-1].changes
    assert (change["graph"], change["before"], change["after"]) == (A, 0, 1)


# --- writes to the embedded store ---------------------------------------------------------------------


def nt(n: int) -> bytes:
    return "".join(f'<urn:x:s{i}> <urn:x:p> "{i}" .\n' for i in range(n)).encode()


@pytest.fixture
def snapshotting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalStore]:
    """A store taking its automatic snapshots (the suite turns them off: tests/conftest.py)."""
    monkeypatch.delenv(snapshots.KEEP_ENV, raising=False)
    monkeypatch.delenv(snapfiles.MAX_ENV, raising=False)
    with LocalStore(tmp_path / "store") as s:
        yield s


def newest_snapshot_counts(store: LocalStore) -> dict[str, int]:
    newest = snapshots.listed(store.root)[-1]
    return snapshots.SnapshotStore(snapshots.load(store.root, newest), newest.name).graph_counts()


def test_the_store_s_triple_count_is_of_its_data_not_its_trail(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    store.replace_graph(B, OTHER)
    assert store.triple_count() == 3


def test_a_replace_returns_the_count_of_that_graph_alone(store: LocalStore) -> None:
    store.replace_graph(B, OTHER)
    assert store.replace_graph(A, TWO) == 2


def test_the_embedded_store_refuses_an_unsupported_media_type_naming_it(store: LocalStore) -> None:
    with pytest.raises(StoreError, match="^unsupported RDF media type text/n3$"):
        store.replace_graph(A, TWO, "text/n3")


def test_a_small_write_is_recorded_in_the_trail_with_the_graph_s_new_count(store: LocalStore) -> None:
    store.replace_graph(A, OTHER)
    store.replace_graph(A, TWO)
    [change] = history.entries(store)[-1].changes
    assert (change["graph"], change["before"], change["after"]) == (A, 1, 2)


def test_the_trail_s_hash_after_a_write_of_blank_nodes_is_the_hash_of_the_graph_as_stored(store: LocalStore) -> None:
    # The store gives blank nodes labels of its own; the entry must describe what it holds, not what was sent.
    store.replace_graph(A, b'_:n <urn:x:p> "one" .\n_:n <urn:x:q> "two" .\n')
    [change] = history.entries(store)[-1].changes
    assert change["hashAfter"] == history.graph_digest(store.oxigraph, A)[1]


def test_a_small_write_leaves_an_automatic_snapshot_of_the_new_state(snapshotting: LocalStore) -> None:
    snapshotting.replace_graph(A, TWO)
    assert newest_snapshot_counts(snapshotting) == {A: 2}


def test_a_large_write_leaves_an_automatic_snapshot_of_the_new_state(snapshotting: LocalStore) -> None:
    snapshotting.replace_graph(A, nt(IN_PLACE_MAX + 1))
    assert newest_snapshot_counts(snapshotting) == {A: IN_PLACE_MAX + 1}


def test_a_large_write_is_recorded_in_the_trail(store: LocalStore) -> None:
    store.replace_graph(A, nt(IN_PLACE_MAX + 1))
    [change] = history.entries(store)[-1].changes
    assert (change["graph"], change["before"], change["after"]) == (A, 0, IN_PLACE_MAX + 1)


def test_a_large_write_keeps_the_store_s_other_graphs(store: LocalStore) -> None:
    store.replace_graph(B, OTHER)
    store.replace_graph(A, nt(IN_PLACE_MAX + 1))
    assert store.graph_counts() == {A: IN_PLACE_MAX + 1, B: 1}


def test_a_write_the_disk_refuses_is_an_error_naming_the_store_and_the_reason(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPGRAPH_FAIL_AT", "generation-applied")  # ENOSPC there, as a full disk would
    with pytest.raises(StoreError, match=f"^cannot write to the store at {store.location}: No space left on device$"):
        store.replace_graph(A, nt(IN_PLACE_MAX + 1))


# --- opening the embedded store ------------------------------------------------------------------------


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A store whose current generation lost its CURRENT file."""
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph(A, TWO)
    head = (tmp_path / "store" / "HEAD").read_text().split()[0]
    (tmp_path / "store" / head / "CURRENT").unlink()
    return (tmp_path / "store").resolve()


@pytest.mark.parametrize("read_only", [False, True], ids=["to-write", "to-read"])
def test_a_damaged_store_is_reported_naming_its_directory(damaged: Path, read_only: bool) -> None:
    with pytest.raises(StoreDamaged, match=f"^{re.escape(str(damaged))} is damaged: gen-\\d+/CURRENT is missing$"):
        LocalStore(damaged, read_only=read_only)


@pytest.fixture
def emptied(tmp_path: Path) -> Path:
    """A store whose current generation opens as an empty database, though HEAD recorded the graphs it held."""
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph(A, nt(IN_PLACE_MAX + 1))  # a new generation: HEAD records its number of graphs
    generation = tmp_path / "store" / (tmp_path / "store" / "HEAD").read_text().split()[0]
    shutil.rmtree(generation)
    ox.Store(str(generation))  # an empty database in its place: what RocksDB opens when it cannot read the logs
    return (tmp_path / "store").resolve()


@pytest.mark.parametrize("read_only", [False, True], ids=["to-write", "to-read"])
def test_a_store_that_opens_empty_though_it_held_graphs_is_damaged(emptied: Path, read_only: bool) -> None:
    with pytest.raises(StoreDamaged, match="it opens empty but held 2 graphs$"):
        LocalStore(emptied, read_only=read_only)


def test_a_missing_store_opened_to_write_but_not_create_says_how_to_build_it(tmp_path: Path) -> None:
    absent = (tmp_path / "absent").resolve()
    with pytest.raises(StoreMissing, match=f"build one with: compgraph --store {re.escape(str(absent))} build$"):
        LocalStore(absent, create=False)


def test_a_store_can_be_read_while_a_writer_has_it_open(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as writer:
        writer.replace_graph(A, TWO)
        with LocalStore(tmp_path / "store", read_only=True) as reader:
            assert reader.query(ROWS).rows == EXPECTED


@pytest.fixture
def left_by_a_killed_command(tmp_path: Path) -> Path:
    """A store holding TWO, a scratch graph a killed ``validate`` left behind, and a generation HEAD never named."""
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph(A, TWO)
        s.write_own_graph(SCRATCH, OTHER)  # dropped when a writer opens the store, not when one closes it
    (tmp_path / "store" / "gen-999999").mkdir()
    return tmp_path / "store"


def test_reading_a_store_no_one_writes_drops_the_scratch_graphs_a_killed_command_left(
    left_by_a_killed_command: Path,
) -> None:
    with LocalStore(left_by_a_killed_command, read_only=True) as s:
        assert (s.graph_names(), s.query(ROWS).rows) == ([A], EXPECTED)


def test_reading_a_store_no_one_writes_removes_the_generation_a_killed_write_left(
    left_by_a_killed_command: Path,
) -> None:
    LocalStore(left_by_a_killed_command, read_only=True).close()
    assert not (left_by_a_killed_command / "gen-999999").exists()


def test_a_store_read_after_its_scratch_graphs_were_dropped_leaves_it_free_for_a_writer(
    left_by_a_killed_command: Path,
) -> None:
    with LocalStore(left_by_a_killed_command, read_only=True), LocalStore(left_by_a_killed_command) as writer:
        writer.replace_graph(B, OTHER)
        assert writer.graph_names() == [A, B]


def test_a_store_reopened_for_writing_takes_writes(tmp_path: Path) -> None:
    LocalStore(tmp_path / "store").close()
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph(A, TWO)
        assert s.query(ROWS).rows == EXPECTED


# --- dropping a graph from the embedded store -------------------------------------------------------


def test_a_dropped_graph_is_gone_and_the_others_stay(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    store.replace_graph(B, OTHER)
    store.drop_graph(A)
    assert store.graph_counts() == {B: 1}


def test_a_drop_is_recorded_in_the_trail_as_the_graph_emptied(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    store.drop_graph(A)
    [change] = history.entries(store)[-1].changes
    assert (change["graph"], change["before"], change["after"], change["hashAfter"]) == (A, 2, 0, history.EMPTY)


def test_a_drop_leaves_an_automatic_snapshot_without_the_graph(snapshotting: LocalStore) -> None:
    snapshotting.replace_graph(A, TWO)
    snapshotting.replace_graph(B, OTHER)
    snapshotting.drop_graph(A)
    assert newest_snapshot_counts(snapshotting) == {B: 1}


def test_a_store_opened_read_only_refuses_a_drop(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph(A, TWO)
    with (
        LocalStore(tmp_path / "store", read_only=True) as s,
        pytest.raises(StoreReadOnly, match="was opened read-only; this command writes to it$"),
    ):
        s.drop_graph(A)


# --- batches, flush ---------------------------------------------------------------------------------


def test_a_query_inside_a_batch_sees_the_store_as_it_was(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    with store.batch() as b:
        b.replace_graph(A, OTHER)
        assert b.query(ROWS).rows == EXPECTED


def test_a_query_inside_a_batch_keeps_its_options(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    with store.batch() as b, pytest.raises(ResultTooLarge, match="more than 1 rows"):
        b.query(ROWS, max_results=1)


def test_a_batch_is_located_where_its_store_is(store: LocalStore) -> None:
    with store.batch() as b:
        assert b.location == store.location


def test_a_batch_lists_the_store_s_graphs_as_they_were(store: LocalStore) -> None:
    store.replace_graph(A, TWO)
    with store.batch() as b:
        b.replace_graph(B, OTHER)
        assert b.graph_names() == [A]


def test_a_batch_refuses_an_unsupported_media_type_naming_it(store: LocalStore) -> None:
    with pytest.raises(StoreError, match="^unsupported RDF media type text/n3$"), store.batch() as b:
        b.replace_graph(A, TWO, "text/n3")


def test_flushing_a_store_opened_read_only_is_harmless(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph(A, TWO)
    with LocalStore(tmp_path / "store", read_only=True) as s:
        s.flush()
        assert s.query(ROWS).rows == EXPECTED


# --- open_store ---------------------------------------------------------------------------------------


@pytest.fixture
def no_store_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No COMPGRAPH_* store setting from the environment the tests run in; the test sets what it needs."""
    for name in (
        "COMPGRAPH_ENDPOINT",
        "COMPGRAPH_UPDATE_ENDPOINT",
        "COMPGRAPH_GSP_ENDPOINT",
        "COMPGRAPH_USER",
        "COMPGRAPH_PASSWORD",
        "COMPGRAPH_STORE",
    ):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_open_store_signs_in_with_the_password_from_the_environment(no_store_env: pytest.MonkeyPatch) -> None:
    no_store_env.setenv("COMPGRAPH_USER", "auditor")
    no_store_env.setenv("COMPGRAPH_PASSWORD", "correct horse")
    store = open_store(endpoint="http://127.0.0.1:1/query")
    assert isinstance(store, RemoteStore) and store.session.auth == ("auditor", "correct horse")


def test_open_store_without_a_user_sends_no_credentials(no_store_env: pytest.MonkeyPatch) -> None:
    store = open_store(endpoint="http://127.0.0.1:1/query")
    assert isinstance(store, RemoteStore) and store.session.auth is None


def test_open_store_uses_the_graph_store_endpoint_given(no_store_env: pytest.MonkeyPatch) -> None:
    store = open_store(endpoint="http://127.0.0.1:1/query", gsp_endpoint="http://127.0.0.1:1/store")
    assert isinstance(store, RemoteStore) and store.gsp_url == "http://127.0.0.1:1/store"


def test_open_store_reads_the_graph_store_endpoint_from_the_environment(no_store_env: pytest.MonkeyPatch) -> None:
    no_store_env.setenv("COMPGRAPH_GSP_ENDPOINT", "http://127.0.0.1:1/store")
    store = open_store(endpoint="http://127.0.0.1:1/query")
    assert isinstance(store, RemoteStore) and store.gsp_url == "http://127.0.0.1:1/store"


def test_open_store_read_only_opens_the_store_for_reading(tmp_path: Path, no_store_env: pytest.MonkeyPatch) -> None:
    LocalStore(tmp_path / "store").close()
    with open_store(str(tmp_path / "store"), read_only=True) as store:
        assert isinstance(store, LocalStore) and store.read_only


def test_open_store_to_write_does_not_create_a_missing_store(tmp_path: Path, no_store_env: pytest.MonkeyPatch) -> None:
    with pytest.raises(StoreMissing, match="no store at"):
        open_store(str(tmp_path / "absent"), mode=WRITE)
    assert not (tmp_path / "absent").exists()


def test_open_store_reads_the_location_from_the_environment(tmp_path: Path, no_store_env: pytest.MonkeyPatch) -> None:
    no_store_env.setenv("COMPGRAPH_STORE", str(tmp_path / "from-env"))
    with open_store() as store:
        assert store.location == str((tmp_path / "from-env").resolve())


def test_open_store_with_no_location_opens_compgraph_data_here(
    tmp_path: Path, no_store_env: pytest.MonkeyPatch
) -> None:
    no_store_env.chdir(tmp_path)
    with open_store() as store:
        assert store.location == str((tmp_path / "compgraph-data").resolve())


# --- remote answers -----------------------------------------------------------------------------------


@pytest.mark.remote
def test_a_remote_blank_node_reads_as_one_blank_node_wherever_it_appears(oxigraph: str) -> None:
    with RemoteStore(f"{oxigraph}/query") as store:
        store.replace_graph(A, b'_:n <urn:x:p> "one" .\n_:n <urn:x:q> "two" .\n')
        rows = store.query("SELECT ?s WHERE { ?s ?p ?o }").rows
        assert len(rows) == 2 and rows[0] == rows[1] and isinstance(rows[0][0], BNode)


@pytest.mark.remote
def test_a_remote_graph_of_many_triples_is_named_once(oxigraph: str) -> None:
    with RemoteStore(f"{oxigraph}/query") as store:
        store.replace_graph(A, TWO)
        assert store.graph_names() == [A]


RDF_XML = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:x="urn:x:">
  <rdf:Description rdf:about="urn:x:a"><x:p>one</x:p><x:q>two</x:q></rdf:Description>
</rdf:RDF>
"""
JSON_LD = b'{"@id": "urn:x:a", "urn:x:p": "one", "urn:x:q": "two"}'
TURTLE = b'@prefix x: <urn:x:> .\nx:a x:p "one" ; x:q "two" .\n'


@pytest.mark.remote
@pytest.mark.parametrize(
    ("data", "media_type"),
    [(RDF_XML, "application/rdf+xml"), (JSON_LD, "application/ld+json"), (TURTLE, "text/turtle")],
    ids=["rdf-xml", "json-ld", "turtle"],
)
def test_a_remote_replace_reads_each_listed_media_type(oxigraph: str, data: bytes, media_type: str) -> None:
    with RemoteStore(f"{oxigraph}/query") as store:
        assert store.replace_graph(A, data, media_type) == 2
        assert store.query(ROWS).rows == EXPECTED


@pytest.mark.remote
def test_a_remote_ask_is_answered_as_an_ask(oxigraph: str) -> None:
    with RemoteStore(f"{oxigraph}/query") as store:
        store.replace_graph(A, TWO)
        res = store.query("ASK { <urn:x:a> <urn:x:p> ?o }")
        assert (res.kind, res.boolean) == ("ASK", True)


@pytest.mark.remote
def test_a_remote_query_over_named_default_graphs_reads_only_those(oxigraph: str) -> None:
    with RemoteStore(f"{oxigraph}/query") as store:
        store.replace_graph(A, TWO)
        store.replace_graph(B, OTHER)
        res = store.query("SELECT ?o WHERE { ?s <urn:x:p> ?o }", default_graphs=[B])
        assert res.rows == [(Literal("other"),)]


@pytest.mark.remote
def test_a_remote_construct_of_exactly_the_triple_cap_is_answered(oxigraph: str) -> None:
    with RemoteStore(f"{oxigraph}/query") as store:
        store.replace_graph(A, TWO)
        assert len(store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", max_results=2).triples) == 2


@pytest.mark.remote
def test_a_remote_query_the_server_cannot_parse_is_a_syntax_error_with_its_message(oxigraph: str) -> None:
    with RemoteStore(f"{oxigraph}/query") as store, pytest.raises(QuerySyntaxError, match="error at 1:"):
        store.query("SELECT ?x WHERE {}}")


@pytest.mark.remote
def test_a_remote_query_endpoint_that_is_not_there_says_what_the_server_answered(oxigraph: str) -> None:
    with (
        RemoteStore(f"{oxigraph}/nothere") as store,
        pytest.raises(StoreError, match=r"/nothere answered 404: POST /nothere is not supported"),
    ):
        store.query("ASK {}")


def test_a_remote_store_nothing_answers_at_is_an_error_naming_the_address() -> None:
    with (
        RemoteStore("http://127.0.0.1:1/query") as store,
        pytest.raises(StoreError, match=r"cannot reach http://127\.0\.0\.1:1/query"),
    ):
        store.query("ASK {}")


@pytest.mark.remote
def test_a_remote_query_past_its_time_limit_is_stopped_by_the_client(oxigraph: str) -> None:
    # The server would stop it only after its own --timeout-s (tests/sparql_fixtures.py), with an error answer.
    with RemoteStore(f"{oxigraph}/query") as store:
        store.replace_graph(A, "".join(f"<urn:s{i}> <urn:p> <urn:o{i % 97}> .\n" for i in range(2000)).encode())
        with pytest.raises(QueryTimeout, match="did not answer within 1 s"):
            store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }", timeout=1)


@pytest.mark.remote
def test_credentials_a_server_accepts_stay_basic(oxigraph: str) -> None:
    # Only a refusal without a Basic challenge turns them into Digest (Virtuoso's authenticated endpoints).
    with RemoteStore(f"{oxigraph}/query", auth=("auditor", "secret")) as store:
        store.query("ASK {}")
        assert store.session.auth == ("auditor", "secret")


# --- a remote Virtuoso ----------------------------------------------------------------------------


@pytest.mark.remote
def test_a_virtuoso_construct_answer_is_read_past_its_charset_parameter(virtuoso: Server) -> None:
    # Virtuoso answers "application/n-triples; charset=UTF-8" (Oxigraph sends no parameter).
    store = virtuoso.store()
    store.replace_graph(A + "/construct", TWO)
    res = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{A}/construct> {{ ?s ?p ?o }} }}")
    assert sorted(res.triples) == [(URIRef("urn:x:a"), p, o) for p, o in EXPECTED]


@pytest.mark.remote
def test_a_virtuoso_partial_answer_at_its_time_limit_is_a_timeout_with_virtuoso_s_reason(virtuoso: Server) -> None:
    store = virtuoso.store()
    big = "".join(f"<urn:s{i}> <urn:p> <urn:o{i % 97}> .\n" for i in range(2000)).encode()
    store.replace_graph(A + "/partial", big)
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{A}/partial> {{ ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }} }}"
    # On a loaded machine Virtuoso's watchdog may cancel the statement instead (a 500, HY008): also a timeout.
    stopped = (
        "^the endpoint (gave up: RC...: Returning incomplete results|stopped the query at its time limit: .*HY008)"
    )
    with pytest.raises(QueryTimeout, match=stopped):
        store.query(query, timeout=1)


@pytest.mark.remote
def test_virtuoso_showing_its_own_graphs_is_refused_saying_where_the_readme_explains(virtuoso: Server) -> None:
    store = virtuoso.store(auth=("dba", "dba"))  # its DBA sees Virtuoso's private graphs
    readme = r"make them private first \(README: SPARQL endpoint and remote stores, Virtuoso\)$"
    with pytest.raises(StoreError, match=readme):
        store.graph_names()


@pytest.mark.remote
def test_virtuoso_showing_its_own_graphs_is_refused_on_every_later_call_too(virtuoso: Server) -> None:
    store = virtuoso.store(auth=("dba", "dba"))
    with pytest.raises(StoreError, match="make them private first"):
        store.graph_names()
    with pytest.raises(StoreError, match="make them private first"):
        store.triple_count()


def test_write_own_graph_is_recorded_in_the_trail(store: LocalStore) -> None:
    store.write_own_graph(A, TWO)
    [change] = history.entries(store)[-1].changes
    assert (change["graph"], change["before"], change["after"]) == (A, 0, 2)


@pytest.mark.remote
def test_virtuoso_takes_a_graph_with_blank_nodes_through_sparql_update(virtuoso: Server) -> None:
    # Virtuoso refuses blank nodes in INSERT DATA; they go as a template (graph.dialects.virtuoso_insert).
    store = virtuoso.store()
    assert store.replace_graph(A + "/blank", b'_:n <urn:x:p> "one" .\n_:n <urn:x:q> "two" .\n') == 2
    subjects = f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH <{A}/blank> {{ ?s ?p ?o }} }}"
    assert int(store.query(subjects).rows[0][0]) == 1


def test_a_remote_store_is_located_at_its_query_url() -> None:
    assert RemoteStore("http://127.0.0.1:1/query").location == "http://127.0.0.1:1/query"


@pytest.mark.remote
def test_virtuoso_s_graph_store_write_retried_as_digest_carries_its_graph_and_data(virtuoso: Server) -> None:
    # The first request a fresh store sends here is the PUT itself, refused without a Basic challenge.
    store = virtuoso.store(gsp=True)
    assert store.replace_graph(A + "/gsp", TWO) == 2
    rows = f"SELECT ?p ?o WHERE {{ GRAPH <{A}/gsp> {{ <urn:x:a> ?p ?o }} }} ORDER BY ?p"
    assert store.query(rows).rows == EXPECTED
