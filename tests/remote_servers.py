"""Real SPARQL servers the remote-store tests start on loopback and stop after: Oxigraph and Virtuoso.

Each is reached through RemoteStore exactly as a user would point compgraph at it (README, "SPARQL endpoint and
remote stores"). A missing server binary is an error naming the install step, never a skip.

Fuseki and GraphDB are not here: neither can be obtained from the registries this project's machines reach
(README says what was tried), and a SPARQL server written for the tests would prove nothing.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from compgraph.graph.remote import RemoteStore
from sparql_fixtures import free_port, oxigraph_server

# Servers every remote test area runs against (pytest ids).
SERVERS = ["oxigraph", "virtuoso"]

# (server, canned question) -> (the one column answered differently from the embedded store because of a fault
# of that server, the fault, whether the question orders by that column). check_answers() holds every other
# column to equality (as a set of rows where the order follows the faulty column) and reports the fault as an
# xfail; a server that fixes it fails the test until the entry goes. README ("SPARQL endpoint and remote
# stores") lists the same.
SERVER_FAULTS: dict[tuple[str, str], tuple[str, str, bool]] = {
    ("virtuoso", "overdue-reviews"): (
        "sinceReview",
        "Virtuoso 7.2 subtracts two xsd:date values into a number of seconds, not the xsd:dayTimeDuration "
        "of XPath op:subtract-dates (Oxigraph, Jena), so sinceReview reads 23587200 instead of P273D",
        False,
    ),
    ("virtuoso", "evidence-expiring-soon"): (
        "remaining",
        "Virtuoso 7.2 subtracts two xsd:date values into a number of seconds, not the xsd:dayTimeDuration "
        "of XPath op:subtract-dates (Oxigraph, Jena), so remaining reads 259200 instead of P3D",
        False,
    ),
    ("virtuoso", "coverage-by-system"): (
        "coverage",
        "Virtuoso 7.2 divides an integer by an integer into an integer (SPARQL 1.1 says xsd:decimal), "
        "so coverage reads 16 instead of 16.7 and systems of equal coverage come in another order",
        True,
    ),
}


Rows = list[tuple[object, ...]]


def check_answers(server: str, question: str, variables: list[str], pairs: list[tuple[Rows, Rows]]) -> None:
    """Assert each (server's rows, embedded rows) pair equal, but for the one column of a known server fault:
    there the rest must still agree, and the fault is reported as an expected failure (xfail)."""
    fault = SERVER_FAULTS.get((server, question))
    if fault is None:
        for actual, expected in pairs:
            assert actual == expected
        return
    column, reason, reordered = fault
    i = variables.index(column)

    def rest(rows: Rows) -> Rows:
        kept = [r[:i] + r[i + 1 :] for r in rows]
        return sorted(kept, key=repr) if reordered else kept

    for actual, expected in pairs:
        assert rest(actual) == rest(expected), "beyond the known fault"
    if all(actual == expected for actual, expected in pairs):
        pytest.fail(f"{server} now answers {question} right: remove its SERVER_FAULTS entry (and README's)")
    pytest.xfail(reason)


@dataclass(frozen=True)
class Server:
    """Where one running server answers, and the credentials it demands (None: an open endpoint)."""

    name: str
    query_url: str
    update_url: str | None
    gsp_url: str
    auth: tuple[str, str] | None = None

    def store(self, *, gsp: bool = False, auth: tuple[str, str] | None = None) -> RemoteStore:
        return RemoteStore(
            self.query_url,
            update_url=self.update_url,
            gsp_url=self.gsp_url if gsp else None,
            auth=auth or self.auth,
        )

    def cli_args(self) -> list[str]:
        args = ["--endpoint", self.query_url, "--gsp-endpoint", self.gsp_url]
        return args + (["--update-endpoint", self.update_url] if self.update_url else [])


class ServerPool:
    """Servers started on first use and all stopped when the pool closes (one pool per test module)."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self.tmp = tmp_path_factory
        self.stack = ExitStack()
        self.running: dict[str, Server] = {}

    def get(self, name: str) -> Server:
        if name not in self.running:
            self.running[name] = self.stack.enter_context(running_server(name, self.tmp.mktemp(name)))
        return self.running[name]

    def __enter__(self) -> ServerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stack.close()


@contextmanager
def running_server(name: str, location: Path) -> Iterator[Server]:
    if name == "oxigraph":
        with oxigraph_server(location) as base:
            yield Server(name, f"{base}/query", None, f"{base}/store")
    elif name == "virtuoso":
        with virtuoso_server(location) as server:
            yield server
    else:
        raise ValueError(f"no such test server {name!r}")


# --- Virtuoso ---------------------------------------------------------------------------------------

VIRTUOSO_USER, VIRTUOSO_PASSWORD = "compgraph", "correct horse"

# A database of its own in the test's directory, both ports on loopback. MaxQueryExecutionTime = 0 leaves
# time limits to the client's per-query `timeout` (RemoteStore sends it and refuses the partial answer).
VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
NumberOfBuffers = 20000
MaxDirtyBuffers = 12000
CheckpointInterval = 60
DirsAllowed = {dir}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 4
MaxClientConnections = 4

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 0
MaxQueryCostEstimationTime = 0
"""

VIRTUOSO_PRIVATE_GROUP = "http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs"


def virtuoso_setup(own_graphs: list[str]) -> str:
    """isql lines: a SPARQL user of our own that may write (the anonymous one may only read), and Virtuoso's
    own graphs made private, so that the default graph is the union of compgraph's graphs alone."""
    lines = [
        f"DB.DBA.USER_CREATE('{VIRTUOSO_USER}', '{VIRTUOSO_PASSWORD}');",
        f'GRANT SPARQL_UPDATE TO "{VIRTUOSO_USER}";',
        f"DB.DBA.RDF_GRAPH_GROUP_CREATE('{VIRTUOSO_PRIVATE_GROUP}', 1);",
    ]
    lines += [f"DB.DBA.RDF_GRAPH_GROUP_INS('{VIRTUOSO_PRIVATE_GROUP}', '{g}');" for g in own_graphs]
    for user in ("nobody", VIRTUOSO_USER):
        # Public graphs: read (1) for anyone, read+write (3) for our user; private graphs (third argument 1): none.
        lines += [
            f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET('{user}', {3 if user == VIRTUOSO_USER else 1});",
            f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET('{user}', 0, 1);",
        ]
    return "\n".join(lines) + "\n"


def _binary(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise RuntimeError(
            f"the Virtuoso tests need `{name}` (Debian: apt-get install virtuoso-opensource-7-bin; `make test` does)"
        )
    return found


@contextmanager
def virtuoso_server(location: Path) -> Iterator[Server]:
    """``virtuoso-t`` in the foreground on free loopback ports with a fresh database; stopped afterwards."""
    sql_port, http_port = free_port(), free_port()
    location.mkdir(parents=True, exist_ok=True)
    ini = location / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=location, sql_port=sql_port, http_port=http_port))
    base = f"http://127.0.0.1:{http_port}"
    proc = subprocess.Popen(
        [_binary("virtuoso-t"), "-f", "-c", str(ini)],
        cwd=location,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                log_file = location / "virtuoso.log"
                log = log_file.read_text(errors="replace") if log_file.exists() else ""
                raise RuntimeError(f"virtuoso-t exited ({proc.returncode}): {log[-800:]}")
            try:
                if requests.get(f"{base}/sparql", params={"query": "ASK {}"}, timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"virtuoso-t did not answer on {base} within 60 s")
            time.sleep(0.2)
        # The fresh database's DBA password is the documented default; it never leaves loopback.
        listed = requests.get(
            f"{base}/sparql",
            params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"},
            headers={"Accept": "application/sparql-results+json"},
            timeout=30,
        ).json()
        own = [b["g"]["value"] for b in listed["results"]["bindings"]]
        setup = subprocess.run(
            [_binary("isql-vt"), f"127.0.0.1:{sql_port}", "dba", "dba"],
            input=virtuoso_setup(own),
            capture_output=True,
            text=True,
            timeout=60,
        )
        if setup.returncode != 0 or "Error" in setup.stdout + setup.stderr:
            raise RuntimeError(f"isql-vt could not create the SPARQL user: {setup.stdout[-500:]} {setup.stderr[-500:]}")
        yield Server(
            "virtuoso",
            f"{base}/sparql-auth",
            None,
            f"{base}/sparql-graph-crud-auth",
            (VIRTUOSO_USER, VIRTUOSO_PASSWORD),
        )
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
