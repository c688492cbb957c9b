"""Obligation -> obligation links in an SSSOM mapping set (ontology: cg:ObligationMapping).

A code-of-conduct duty that restates an article (skos:closeMatch or exactMatch) passes the controls mapped
to it to the article and back, one hop; a partial link (narrowMatch, relatedMatch) passes nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

from compgraph.graph.catalog import InputError, mappings_graph
from compgraph.graph.namespaces import CG, entity_iri

HEADER = """#curie_map:
#  obl: https://w3id.org/compgraph/id/obligation/
#  ctl: https://w3id.org/compgraph/id/control/
#mapping_set_id: https://example.org/links
subject_id\tpredicate_id\tobject_id\tmapping_justification\tconfidence\tcomment
"""


def _graph(tmp_path: Path, rows: str, obligations: set[str] | None = None):  # type: ignore[no-untyped-def]
    path = tmp_path / "links.sssom.tsv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return mappings_graph(path, obligations, {"CTL-A", "CTL-B"})


def obl(i: str) -> URIRef:
    return URIRef(entity_iri("obligation", i))


def ctl(i: str) -> URIRef:
    return URIRef(entity_iri("control", i))


def row(s: str, p: str, o: str) -> str:
    return f"obl:{s}\tskos:{p}\t{o}\tsemapv:ManualMappingCuration\t0.9\t{s} {p} {o}\n"


def test_a_control_of_the_restating_duty_satisfies_the_article(tmp_path: Path) -> None:
    g = _graph(tmp_path, row("COC-1", "narrowMatch", "ctl:CTL-A") + row("COC-1", "closeMatch", "obl:AIA-1"))
    assert (obl("AIA-1"), CG.satisfiedBy, ctl("CTL-A")) in g
    assert (obl("COC-1"), SKOS.closeMatch, obl("AIA-1")) in g


def test_a_control_of_the_article_satisfies_the_restating_duty(tmp_path: Path) -> None:
    g = _graph(tmp_path, row("AIA-1", "broadMatch", "ctl:CTL-B") + row("COC-1", "exactMatch", "obl:AIA-1"))
    assert (obl("COC-1"), CG.satisfiedBy, ctl("CTL-B")) in g


def test_a_partial_link_passes_no_control(tmp_path: Path) -> None:
    g = _graph(tmp_path, row("COC-1", "narrowMatch", "ctl:CTL-A") + row("COC-1", "narrowMatch", "obl:AIA-1")
               + row("COC-1", "relatedMatch", "obl:AIA-2"))
    assert set(g.subjects(CG.satisfiedBy, ctl("CTL-A"))) == {obl("COC-1")}


def test_restatement_is_one_hop_not_a_chain(tmp_path: Path) -> None:
    g = _graph(tmp_path, row("COC-1", "narrowMatch", "ctl:CTL-A") + row("COC-1", "closeMatch", "obl:AIA-1")
               + row("AIA-1", "closeMatch", "obl:AIA-2"))
    assert (obl("AIA-1"), CG.satisfiedBy, ctl("CTL-A")) in g
    assert (obl("AIA-2"), CG.satisfiedBy, ctl("CTL-A")) not in g


def test_the_link_is_recorded_as_an_obligation_mapping_not_a_control_mapping(tmp_path: Path) -> None:
    g = _graph(tmp_path, row("COC-1", "closeMatch", "obl:AIA-1"))
    node = next(g.subjects(CG.mappingObject, obl("AIA-1")))
    assert (node, RDF.type, CG.ObligationMapping) in g and (node, RDF.type, CG.ControlMapping) not in g


def test_a_link_to_an_unknown_obligation_names_the_line_and_field(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"links.sssom.tsv:6: object_id: unknown obligation 'obl:AIA-9'"):
        _graph(tmp_path, row("COC-1", "closeMatch", "obl:AIA-9"), obligations={"COC-1", "AIA-1"})
