"""Property tests of the catalog loaders (#13): any text, any YAML value in any field, any SSSOM table
gives a graph or one InputError naming the file (and line or field), never another exception."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from compgraph.graph.catalog import (
    Concepts,
    InputError,
    controls_graph,
    mappings_graph,
    obligations_graph,
    organisation_graph,
)

REPO = Path(__file__).resolve().parents[2]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _concepts() -> Concepts:
    g = Graph()
    for name in ("compgraph.ttl", "concepts.ttl", "legal-bases.ttl"):
        g.parse(REPO / "ontology" / name)
    return Concepts(g)


CONCEPTS = _concepts()
LOADERS: dict[str, Callable[[Path], Any]] = {
    "obligations": lambda p: obligations_graph(p, CONCEPTS),
    "controls": lambda p: controls_graph(p, CONCEPTS),
    "organisation": lambda p: organisation_graph(p, CONCEPTS, controls={"CTL-1"}, documents={"act"}),
    "mappings": lambda p: mappings_graph(p, {"ACT-1"}, {"CTL-1"}),
}
VALID = {
    "obligations": {"document": {"id": "act", "kind": "regulation", "title": "Act", "prefix": "ACT"},
                    "sections": [{"id": "1", "title": "Article 1"}],
                    "obligations": [{"id": "ACT-1", "section": "1", "text": "Providers shall keep logs.",
                                     "modality": "mandatory", "topic": "documentation", "addressee": "provider",
                                     "ref": "1(1)", "article": "1", "paragraph": "1", "line": 3}]},
    "controls": {"controls": [{"id": "CTL-1", "title": "Logging", "type": "record-keeping", "scope": "system"}]},
    "organisation": {"organisation": {"id": "acme", "name": "Acme", "roles": ["deployer"], "subject_to": ["act"],
                                      "controls": ["CTL-1"]},
                     "datasets": [{"id": "crm", "label": "CRM", "personal_data": True, "legal_basis": "contract"}],
                     "systems": [{"id": "bot", "label": "Bot", "risk": "limited", "uses": ["crm"],
                                  "last_reviewed": "2026-01-01"}],
                     "evidence": [{"id": "ev", "label": "Notice", "control": "CTL-1", "concerns": "bot",
                                   "issued": "2026-01-01", "valid_until": "2027-01-01", "sha256": "0" * 64}]},
}
SSSOM = ("#curie_map:\n#  obl: https://w3id.org/compgraph/id/obligation/\n"
         "#  ctl: https://w3id.org/compgraph/id/control/\n#mapping_set_id: https://example.org/set\n"
         "subject_id\tpredicate_id\tobject_id\tmapping_justification\tconfidence\n"
         "obl:ACT-1\tskos:exactMatch\tctl:CTL-1\tsemapv:ManualMappingCuration\t0.9\n")
TABLE = SSSOM.split("#mapping_set_id", 1)[1].split("\n", 1)[1]  # the rows without the metadata block

SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                   st.text(max_size=20), st.dates())
VALUE = st.recursive(SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                     st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                     max_leaves=8)


def _outcome(kind: str, text: str, name: str = "file") -> tuple[Path, Any]:
    # One folder per Hypothesis example, removed at once (tmp_path is one per test).
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}.{'sssom.tsv' if kind == 'mappings' else 'yaml'}"
        path.write_text(text, encoding="utf-8")
        try:
            return path, LOADERS[kind](path)
        except InputError as exc:
            return path, exc


def _is_clear_error_or_result(path: Path, result: Any) -> bool:
    if not isinstance(result, InputError):
        return True
    message = str(result)
    return message.startswith(str(path)) and "\n" not in message.strip()


@pytest.mark.parametrize("kind", sorted(LOADERS))
def test_the_valid_example_of_each_loader_loads(kind: str) -> None:
    _, result = _outcome(kind, SSSOM if kind == "mappings" else yaml.safe_dump(VALID[kind]))
    assert not isinstance(result, InputError), result


@SETTINGS
@given(kind=st.sampled_from(sorted(LOADERS)), text=st.text(max_size=300))
def test_any_text_gives_a_graph_or_an_error_naming_the_file(kind: str, text: str) -> None:
    assert _is_clear_error_or_result(*_outcome(kind, text))


def _fields(node: Any, trail: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a catalog (mapping keys and list indexes)."""
    out = [trail] if trail else []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, child in items:
        out.extend(_fields(child, (*trail, key)))
    return out


@SETTINGS
@given(kind=st.sampled_from(sorted(VALID)), data=st.data())
def test_any_value_in_any_field_gives_a_graph_or_an_error_naming_file_and_field(kind: str, data: Any) -> None:
    catalog = yaml.safe_load(yaml.safe_dump(VALID[kind]))
    trail = data.draw(st.sampled_from(_fields(catalog)))
    holder = catalog
    for key in trail[:-1]:
        holder = holder[key]
    holder[trail[-1]] = data.draw(VALUE)
    assert _is_clear_error_or_result(*_outcome(kind, yaml.safe_dump(catalog, allow_unicode=True)))


@SETTINGS
@given(header=st.text(max_size=80), cells=st.lists(st.lists(st.text(max_size=12), max_size=6), max_size=4))
def test_any_sssom_table_gives_a_graph_or_an_error_naming_the_file(header: str, cells: list[list[str]]) -> None:
    meta = "".join(f"#{line}\n" for line in header.splitlines())
    body = "\n".join("\t".join(row) for row in cells)
    head, table = SSSOM.rsplit("subject_id", 1)
    assert _is_clear_error_or_result(*_outcome("mappings", meta + head + "subject_id" + table + body))


@SETTINGS
@given(key=st.sampled_from(["curie_map", "creator_id", "creator_label", "mapping_set_id", "mapping_set_title",
                            "license"]), value=VALUE)
def test_any_value_of_an_sssom_metadata_field_gives_a_graph_or_an_error_naming_the_file(key: str, value: Any) -> None:
    meta = {"curie_map": {"obl": "https://w3id.org/compgraph/id/obligation/",
                          "ctl": "https://w3id.org/compgraph/id/control/"}, key: value}
    header = "".join(f"#{line}\n" for line in yaml.safe_dump(meta, allow_unicode=True).splitlines())
    assert _is_clear_error_or_result(*_outcome("mappings", header + TABLE))


# What the properties found, kept as examples: each was a traceback before.
@pytest.mark.parametrize(("kind", "text", "message"), [
    ("controls", "\x1f", r"file\.yaml:1: YAML syntax error: unacceptable character #x001f$"),
    ("controls", "controls:\n- {id: CTL-1, title: T, type: record-keeping, scope: [system]}\n",
     r"file\.yaml:2: scope: unknown scope"),
    ("obligations", yaml.safe_dump({**VALID["obligations"], "obligations": [
        {**VALID["obligations"]["obligations"][0], "line": ""}]}), r"file\.yaml:\d+: line: expected a line number"),
    ("mappings", "#a sentence\n" + TABLE, r"file\.sssom\.tsv:1: SSSOM metadata block is not a mapping of fields"),
    ("mappings", "#curie_map: true\n" + TABLE, r"file\.sssom\.tsv:1: curie_map: expected a mapping of prefix: IRI"),
], ids=["control-character", "scope-list", "line-empty", "sssom-header-scalar", "curie-map-scalar"])
def test_the_cases_the_properties_found_are_one_line_errors(kind: str, text: str, message: str) -> None:
    path, result = _outcome(kind, text)
    assert isinstance(result, InputError) and _is_clear_error_or_result(path, result)
    assert re.search(message, str(result)), str(result)
