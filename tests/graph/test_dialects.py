"""Reading a query's form from its text, which decides the one media type asked of a server that ignores
Accept q-values (Virtuoso)."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from compgraph.graph.dialects import accept_for, query_form, virtuoso_insert, virtuoso_stopped


@pytest.mark.parametrize(
    ("query", "form"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        (
            "PREFIX ex: <http://example.org/ns#>\n# a comment naming SELECT\nconstruct { ?s ?p ?o } WHERE { ?s ?p ?o }",
            "CONSTRUCT",
        ),
        ("BASE <http://example.org/> PREFIX : <#> ASK { ?s ?p ?o }", "ASK"),
        ("  # DESCRIBE in a comment\nDESCRIBE <urn:x>", "DESCRIBE"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", None),
    ],
)
def test_query_form_is_the_first_keyword_after_the_prologue(query: str, form: str | None) -> None:
    assert query_form(query) == form


def test_a_graph_query_asks_for_n_triples_alone() -> None:
    assert accept_for("PREFIX ex: <http://example.org/ns#> CONSTRUCT WHERE { ?s ?p ?o }") == "application/n-triples"
    assert accept_for("SELECT ?s WHERE { ?s ?p ?o }").startswith("application/sparql-results+json")


def test_virtuoso_insert_keeps_blank_nodes_in_one_template() -> None:
    g = Graph()
    node = BNode()
    g.add((URIRef("urn:a"), URIRef("urn:p"), Literal("plain")))
    g.add((URIRef("urn:a"), URIRef("urn:q"), node))
    g.add((node, URIRef("urn:r"), Literal("x")))
    update = virtuoso_insert("urn:g", g)
    data, template = update.split(" ;\n")
    assert data.startswith("INSERT DATA") and "_:" not in data and '"plain"' in data
    assert template.startswith("INSERT {") and template.endswith("WHERE {}") and template.count("_:") == 2


@pytest.mark.parametrize(
    "body",
    [
        "Virtuoso HY008 Error SR203: Async statement killed by SQLCancel.\n\nSPARQL query:\nSELECT ...",
        "Virtuoso S1T00 Error SR171: Transaction timed out\n\nSPARQL query:\nSELECT ...",
    ],
)
def test_a_virtuoso_error_for_its_time_limit_reads_as_stopped(body: str) -> None:
    assert virtuoso_stopped(body)


@pytest.mark.parametrize(
    "body",
    [
        "Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error at 'SELEC'",
        "Virtuoso 42000 Error SR186: No permission to execute procedure DB.DBA.SPARQL_INSERT_DICT_CONTENT",
        "Internal Server Error",
    ],
)
def test_any_other_virtuoso_error_does_not_read_as_stopped(body: str) -> None:
    assert not virtuoso_stopped(body)
