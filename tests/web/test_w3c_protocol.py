"""The W3C SPARQL 1.1 Protocol tests (w3c/rdf-tests sparql/sparql11/protocol, vendored in
tests/fixtures/w3c-sparql-protocol with its licence) run against /sparql; the pass count is printed.

Not applicable: the ``update_*`` tests, which expect SPARQL Update to succeed (this endpoint is read-only;
the ``bad_update_*`` tests, which expect a 4xx, do apply)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.collection import Collection

from compgraph.graph.store import LocalStore
from compgraph.web import create_app

SUITE = Path(__file__).resolve().parents[1] / "fixtures" / "w3c-sparql-protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"


def _manifest() -> tuple[Graph, list[Any]]:
    g = Graph()
    g.parse(SUITE / "manifest.ttl", format="turtle", publicID="http://suite.example/manifest.ttl")
    manifest = next(g.subjects(RDF.type, MF.Manifest))
    return g, list(Collection(g, g.value(manifest, MF.entries)))


GRAPH, ENTRIES = _manifest()
APPLICABLE = [e for e in ENTRIES if not str(e).split("#")[-1].startswith("update_")]
RESULTS: dict[str, bool] = {}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Any:
    store = LocalStore(tmp_path_factory.mktemp("w3c-protocol"))
    for data in GRAPH.objects(None, UT.graphData):
        name = str(GRAPH.value(data, RDFS.label))
        path = SUITE / str(GRAPH.value(data, UT.graph)).rsplit("/", 1)[-1]
        store.replace_graph(name, path.read_bytes(), "application/n-triples")
    app = create_app(store, {"ALLOWED_HOSTS": ["www.example", "localhost"], "SPARQL_TIMEOUT": 30.0})
    return app.test_client()


def _check(client: Any, request: Any) -> str | None:
    """None if the response matches the manifest's expectations, else what differed."""
    g = GRAPH
    method = str(g.value(request, HT.methodName))
    path = str(g.value(request, HT.absolutePath)).replace("/sparql/", "/sparql", 1)
    headers = {"Host": "www.example"}
    for h in Collection(g, g.value(request, HT.headers)) if g.value(request, HT.headers) else []:
        headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
    body = g.value(request, HT.body)
    data = str(g.value(body, CNT.chars)).encode(str(g.value(body, CNT.characterEncoding) or "utf-8")) if body else None
    resp = client.open(path, method=method, headers=headers, data=data)
    expected = g.value(request, HT.resp)
    classes = {str(s).removeprefix(HTS) for s in g.objects(expected, MF.expectedStatus)}
    if classes and f"{str(resp.status_code)[0]}xx" not in classes:
        return f"status {resp.status_code}, expected {sorted(classes)}: {resp.get_data(as_text=True)[:200]}"
    fmt = g.value(expected, MF.expectedFormat)
    media = resp.mimetype
    if fmt is not None:
        kinds = {"boolean": "sparql-results", "tabular": "sparql-results", "RDF": ""}
        is_results = "sparql-results" in media or media in ("text/csv", "text/tab-separated-values")
        if (str(fmt) == "RDF") == is_results:
            return f"format {media}, expected {fmt} ({kinds[str(fmt)]})"
    boolean = g.value(expected, MF.expectedBoolean)
    if boolean is not None:
        got = json.loads(resp.get_data(as_text=True)).get("boolean") if "json" in media else None
        if got is None and "xml" in media:
            got = "<boolean>true</boolean>" in resp.get_data(as_text=True)
        if got != boolean.toPython():
            return f"boolean {got}, expected {boolean}"
    return None


@pytest.mark.parametrize("entry", APPLICABLE, ids=lambda e: str(e).split("#")[-1])
def test_w3c_protocol(client: Any, entry: URIRef) -> None:
    requests = list(Collection(GRAPH, GRAPH.value(GRAPH.value(entry, MF.action), HT.requests)))
    problems = [p for r in requests if (p := _check(client, r))]
    RESULTS[str(entry).split("#")[-1]] = not problems
    assert not problems, problems


def test_w3c_protocol_pass_count(capsys: pytest.CaptureFixture[str]) -> None:
    passed = sum(RESULTS.values())
    with capsys.disabled():
        print(
            f"\nW3C SPARQL 1.1 Protocol: {passed}/{len(APPLICABLE)} applicable tests pass "
            f"({len(ENTRIES) - len(APPLICABLE)} update tests not applicable: the endpoint is read-only)"
        )
    assert len(RESULTS) == len(APPLICABLE)
