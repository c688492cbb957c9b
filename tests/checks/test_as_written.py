"""Data loaded with ``load --as-written`` keeps literals the store would rewrite; no engine is fooled by them:
both validate the value as written, and the saved report quotes it as written."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import SH, XSD

from compgraph.checks.report import REPORT_GRAPH
from compgraph.checks.shapes import load_shape_sources
from compgraph.checks.sparql.plan import AS_WRITTEN_IN_DATA
from compgraph.checks.validate import validate_store
from compgraph.graph.build import load_file
from compgraph.graph.store import LocalStore
from test_cli import cg  # the CLI run as a user runs it (tests/test_cli.py)

AS_OF = date(2026, 11, 22)
PREFIXES = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix t: <https://example.org/t#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
DATA = PREFIXES + 't:x t:price "4.0"^^xsd:decimal ; t:small "5"^^xsd:byte ; t:big "300"^^xsd:byte ; t:low 3 .\n'


def shape(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "shapes.ttl"
    path.write_text(PREFIXES + f"t:S a sh:NodeShape ; sh:targetNode t:x ; {body} .\n")
    return path


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    data = tmp_path / "data.ttl"
    data.write_text(DATA)
    s = LocalStore(tmp_path / "store")
    load_file(s, data, as_written=True)
    return s


# (constraint, whether t:x violates it): the value as written decides, for the datatype, the term and the number.
CASES = [
    ("sh:property [ sh:path t:price ; sh:datatype xsd:decimal ]", False),
    ("sh:property [ sh:path t:small ; sh:datatype xsd:byte ]", False),
    ("sh:property [ sh:path t:big ; sh:datatype xsd:byte ]", True),
    ("sh:property [ sh:path t:big ; sh:datatype xsd:integer ]", True),
    ('sh:property [ sh:path t:price ; sh:in ( "4.0"^^xsd:decimal ) ]', False),
    ('sh:property [ sh:path t:price ; sh:in ( "4"^^xsd:decimal ) ]', True),
    ('sh:property [ sh:path t:price ; sh:hasValue "4.0"^^xsd:decimal ]', False),
    ("sh:property [ sh:path t:price ; sh:minInclusive 4 ]", False),
    ("sh:property [ sh:path t:price ; sh:maxExclusive 4 ]", True),
    ("sh:property [ sh:path t:small ; sh:maxInclusive 5 ]", False),
    ("sh:property [ sh:path t:low ; sh:lessThan t:price ]", False),
    ("sh:property [ sh:path t:price ; sh:lessThan t:low ]", True),
    ("sh:property [ sh:path t:price ; sh:maxLength 2 ]", True),
    ('sh:property [ sh:path t:price ; sh:pattern "^4\\\\.0$" ]', False),
]


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
@pytest.mark.parametrize(("constraint", "violated"), CASES, ids=[c for c, _ in CASES])
def test_both_engines_validate_a_literal_kept_as_written_by_its_written_form(
    store: LocalStore, tmp_path: Path, engine: str, constraint: str, violated: bool
) -> None:
    outcome = validate_store(store, AS_OF, load_shape_sources([shape(tmp_path, constraint)]), save=False, engine=engine)
    assert outcome.engines[engine] == ["https://example.org/t#S"]
    assert (not outcome.conforms) == violated


def test_a_violation_quotes_the_value_as_written_and_the_saved_report_keeps_it(
    store: LocalStore, tmp_path: Path
) -> None:
    shapes = load_shape_sources([shape(tmp_path, "sh:property [ sh:path t:price ; sh:maxExclusive 4 ]")])
    outcome = validate_store(store, AS_OF, shapes, save=True)
    assert [f.value for f in outcome.findings] == ["4.0"]
    saved = set(store.to_graph([REPORT_GRAPH]).objects(None, SH.value))
    assert saved == {Literal("4.0", datatype=XSD.decimal, normalize=False)}


def test_shacl_sparql_on_data_kept_as_written_is_run_by_pyshacl_with_the_reason(
    store: LocalStore, tmp_path: Path
) -> None:
    select = "SELECT $this ?value WHERE { $this <https://example.org/t#price> ?value FILTER(?value > 3.5) }"
    shapes = load_shape_sources([shape(tmp_path, f'sh:sparql [ sh:select """{select}""" ]')])
    outcome = validate_store(store, AS_OF, shapes, save=False)
    assert outcome.engines == {"sparql": [], "pyshacl": ["https://example.org/t#S"]}
    assert outcome.fallback_reasons == {"https://example.org/t#S": AS_WRITTEN_IN_DATA}
    assert [f.value for f in outcome.findings] == ["4.0"]


def test_load_as_written_then_validate_shapes_through_the_cli(tmp_path: Path) -> None:
    data = tmp_path / "data.ttl"
    data.write_text(DATA)
    refused = cg(tmp_path / "store", "load", str(data))
    assert refused.returncode != 0 and f"{data}:3:" in refused.stderr and "--as-written" in refused.stderr
    assert cg(tmp_path / "store", "load", "--as-written", str(data)).returncode == 0
    rule = shape(tmp_path, "sh:property [ sh:path t:big ; sh:datatype xsd:byte ]")
    out = cg(tmp_path / "store", "validate", "--no-save", "--format", "json", "--shapes", str(rule))
    assert out.returncode == 1, out.stderr
    assert [f["value"] for f in json.loads(out.stdout)["findings"]] == ["300"]
