"""SHACL-SPARQL query forms the SPARQL engine cannot join focus nodes into, or that SHACL does not allow at all.

An ASK given as sh:select (or a SELECT as a validator's sh:ask) is refused with a line naming the query's node: pySHACL
failed on it with a TypeError, a traceback from either engine. An aggregate without GROUP BY makes, under
pre-binding, one group of each focus node's solutions, which yields a row even when there are none; the SPARQL
engine, which joins the focus nodes in, cannot say that, so such a shape goes to pySHACL (Oxigraph refused the
rewritten query, exit 2, where pySHACL found the violations).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph

from compgraph.checks.sparqlrules import ShapesError
from compgraph.checks.validate import validate_store
from compgraph.graph.store import LocalStore

AS_OF = date(2026, 11, 22)
PREFIX = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
# n has one value of urn:x:p, m has none.
DATA = b'<urn:x:n> <urn:x:p> "a" .\n<urn:x:m> <urn:x:q> "b" .\n'


def validate(tmp_path: Path, ttl: str, engine: str):  # noqa: ANN201
    with LocalStore(tmp_path / "store") as s:
        s.replace_graph("urn:x:data", DATA)
        return validate_store(s, AS_OF, Graph().parse(data=PREFIX + ttl, format="turtle"), save=False, engine=engine)


ASK_AS_SELECT = (
    '<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; sh:sparql [ sh:select "ASK { $this <urn:x:p> ?o }" ] .'
)
SELECT_AS_ASK = (
    "<urn:x:C> a sh:ConstraintComponent ; sh:parameter [ sh:path <urn:x:flag> ] ;"
    ' sh:validator [ a sh:SPARQLAskValidator ; sh:ask "SELECT $this WHERE { $this <urn:x:p> ?o }" ] .\n'
    "<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ; <urn:x:flag> true ."
)
COUNT_ZERO = (
    '<urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n>, <urn:x:m> ; sh:sparql [ sh:message "no p" ;'
    ' sh:select "SELECT (COUNT(?o) AS ?value) WHERE { $this <urn:x:p> ?o } HAVING (COUNT(?o) = 0)" ] .'
)


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_an_ask_query_given_as_sh_select_is_refused_naming_the_form(tmp_path: Path, engine: str) -> None:
    with pytest.raises(ShapesError, match=r"sh:select must hold a SPARQL SELECT query, not ASK"):
        validate(tmp_path, ASK_AS_SELECT, engine)


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_a_select_query_given_as_a_validators_sh_ask_is_refused_naming_the_form(tmp_path: Path, engine: str) -> None:
    with pytest.raises(ShapesError, match=r"sh:ask must hold a SPARQL ASK query, not SELECT"):
        validate(tmp_path, SELECT_AS_ASK, engine)


def test_an_aggregate_without_group_by_reports_the_focus_node_with_no_solutions(tmp_path: Path) -> None:
    # Pre-binding makes one group per focus node: m's is empty, COUNT 0, a violation; n's counts 1.
    fast = validate(tmp_path, COUNT_ZERO, "sparql")
    reference = validate(tmp_path / "ref", COUNT_ZERO, "pyshacl")
    assert sorted(f.focus for f in fast.findings) == sorted(f.focus for f in reference.findings) == ["urn:x:m"]


def test_an_aggregate_without_group_by_is_left_to_pyshacl(tmp_path: Path) -> None:
    outcome = validate(tmp_path, COUNT_ZERO, "sparql")
    assert outcome.engines["pyshacl"] == ["urn:x:S"] and "aggregate without GROUP BY" in str(outcome.fallback_reasons)
