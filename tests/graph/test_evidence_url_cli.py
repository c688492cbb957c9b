"""`compgraph evidence add --url`: the same fetch as the browser's form (graph/urlfetch.py), run as the local
user without the server's address guard, which its --help says. In-process (click's runner, lent the open store
as a running server lends it to a command forwarded to it) on a store that holds only the control and the
organisation the evidence names: the demo's build is not what is tested."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib.namespace import RDF

from compgraph.cli import main
from compgraph.cli.base import HeldStore
from compgraph.graph.namespaces import CG, entity_iri, graph_iri
from compgraph.graph.store import LocalStore
from evidence_sites import Site, site

BODY = b"DPIA of the CRM dataset, approved 2026-10-02.\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStore]:
    s = LocalStore(tmp_path_factory.mktemp("evidence-url") / "store")
    named = [(entity_iri("control", "CTL-GOV-01"), CG.Control), (entity_iri("organisation", "mozart"), CG.Organisation)]
    s.replace_graph(graph_iri("controls"), "".join(f"<{iri}> <{RDF.type}> <{cls}> .\n" for iri, cls in named).encode())
    yield s
    s.close()


def cg(store: LocalStore, *args: str) -> Any:
    return CliRunner().invoke(main, list(args), obj=HeldStore(store))


@pytest.fixture(scope="module")
def local() -> Iterator[Site]:
    with site({"/dpia.txt": (200, {}, BODY)}) as s:
        yield s


def test_add_url_records_the_address_and_the_sha256_of_what_it_answered(store: LocalStore, local: Site) -> None:
    url = f"{local.base}/dpia.txt"
    res = cg(store, "evidence", "add", "--url", url, "--control", "CTL-GOV-01", "--concerns", "mozart",
             "--valid-until", "2027-10-02", "--id", "ev-dpia")
    assert res.exit_code == 0, res.output
    digest = hashlib.sha256(BODY).hexdigest()
    out = cg(store, "query", f"SELECT ?d WHERE {{ ev:ev-dpia cg:url <{url}> ; cg:sha256 ?d }}").output
    assert digest in out


def test_a_url_that_cannot_be_fetched_is_one_line_exit_2_and_writes_nothing(store: LocalStore, local: Site) -> None:
    res = cg(store, "evidence", "add", "--url", f"{local.base}/missing", "--control", "CTL-GOV-01",
             "--concerns", "mozart", "--valid-until", "2027-10-02", "--id", "ev-missing")
    assert (res.exit_code, res.output.strip()) == (2, f"Error: --url: {local.base}/missing: the server answered "
                                                      "404 Not Found")
    assert "ev-missing" not in cg(store, "query", "SELECT ?e WHERE { ?e a cg:Evidence }").output


def test_help_says_the_cli_fetch_has_no_address_guard(store: LocalStore) -> None:
    assert "without the address guard" in " ".join(cg(store, "evidence", "add", "--help").output.split())


def test_add_url_records_where_redirects_ended_as_the_items_source(store: LocalStore, local: Site) -> None:
    local.pages["/dpia/latest"] = (302, {"Location": "/dpia.txt"}, b"")
    res = cg(store, "evidence", "add", "--url", f"{local.base}/dpia/latest", "--control", "CTL-GOV-01",
             "--concerns", "mozart", "--valid-until", "2027-10-02", "--id", "ev-dpia-latest")
    assert res.exit_code == 0, res.output
    out = cg(store, "query", "SELECT ?u ?s WHERE { ev:ev-dpia-latest cg:url ?u ; dcterms:source ?s }").output
    assert f"{local.base}/dpia/latest" in out
    assert f"{local.base}/dpia.txt" in out
