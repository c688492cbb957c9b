"""Loading one file at a time, and the catalog readers' refusals, one behaviour per test: which graph a
loaded file lands in, the line a syntax error names, what an SSSOM author becomes, and that every refusal
names the file (and line) a person has to open. Each test writes the few lines it needs; none builds the demo.

Written for the `catalog-build` group's surviving mutants (docs/mutation-survivors.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from catalogkit import _refusal, _write
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDFS

from compgraph.cli import main
from compgraph.cli.base import HeldStore
from compgraph.graph import catalog, paths
from compgraph.graph.build import load_concepts, load_file, parse_rdf_file
from compgraph.graph.catalog import Concepts
from compgraph.graph.namespaces import entity_iri, graph_iri
from compgraph.graph.store import LocalStore

SSSOM_HEADER = (
    "# curie_map:\n"
    "#   ex: http://example.org/\n"
    "#   orcid: https://orcid.org/\n"
    "# mapping_set_id: http://example.org/set\n"
    "subject_id\tpredicate_id\tobject_id\tmapping_justification\tauthor_id\n"
)


@pytest.fixture(scope="module")
def concepts() -> Concepts:
    return load_concepts(paths.ontology_dir())[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStore]:
    s = LocalStore(tmp_path_factory.mktemp("load-one") / "store")
    yield s
    s.close()


# --- which graph a loaded file lands in ----------------------------------------------------------------


def test_an_rdf_file_loads_into_a_graph_named_after_the_file_so_two_files_keep_both(
    store: LocalStore, tmp_path: Path
) -> None:
    one = _write(tmp_path / "one.ttl", "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n")
    two = _write(tmp_path / "two.ttl", "<http://example.org/c> <http://example.org/p> <http://example.org/d> .\n")
    assert load_file(store, one)[0] == graph_iri("file", "one")
    assert load_file(store, two)[0] == graph_iri("file", "two")
    assert store.triple_count(graph_iri("file", "one")) > 0  # the second load replaced only its own graph


def test_an_organisation_yaml_loads_into_its_organisation_s_graph(store: LocalStore, tmp_path: Path) -> None:
    org = _write(tmp_path / "acme.yaml", "organisation:\n  id: acme\n  name: Acme Ltd\n")
    target, _ = load_file(store, org)
    assert target == graph_iri("organisation", "acme")
    assert store.select(f"ASK {{ GRAPH <{target}> {{ <{entity_iri('organisation', 'acme')}> a cg:Organisation }} }}")


def test_a_catalog_yaml_loads_into_its_document_s_graph(store: LocalStore, tmp_path: Path) -> None:
    doc = _write(
        tmp_path / "whatever-name.yaml",
        "document:\n  id: acme-policy\n  title: Acme AI policy\n  kind: policy\n"
        "sections:\n- id: '1'\n  title: Oversight\n"
        "obligations:\n- id: ACME-1-01\n  section: '1'\n  text: Staff shall review outputs.\n"
        "  modality: commitment\n",
    )
    target, _ = load_file(store, doc)
    assert target == graph_iri("document", "acme-policy")
    assert store.select(f"ASK {{ GRAPH <{target}> {{ <{entity_iri('obligation', 'ACME-1-01')}> a cg:Obligation }} }}")


def test_a_yaml_file_that_is_neither_organisation_nor_catalog_is_refused_in_one_line_naming_it(
    store: LocalStore, tmp_path: Path
) -> None:
    odd = _write(tmp_path / "odd.yaml", "controls: []\n")
    res = CliRunner().invoke(main, ["load", str(odd)], obj=HeldStore(store))
    assert res.exit_code != 0
    assert res.exception is None or isinstance(res.exception, SystemExit)  # a UserError, not a traceback
    assert f"{odd}:1: a YAML source needs an 'organisation' or a 'document' mapping" in res.output


# --- the line a syntax error names ---------------------------------------------------------------------


def test_a_turtle_syntax_error_names_the_line_it_is_on(tmp_path: Path) -> None:
    # rdflib's BadSyntax.lines counts from 0; the file's third line is the bad one.
    bad = _write(tmp_path / "bad.ttl", '@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e "x .\n'
                 "ex:f ex:g ex:h .\n")
    assert _refusal(parse_rdf_file, bad).startswith(f"{bad}:3: not valid turtle: Bad syntax")


def test_a_turtle_file_cut_short_names_its_last_line_not_one_past_the_end(tmp_path: Path) -> None:
    # At the end of the input rdflib counts lines past the file (here "line 8" of five).
    text = "@prefix ex: <http://example.org/> .\n" + "ex:a ex:b ex:c .\n" * 3 + "ex:d ex:e\n"
    bad = _write(tmp_path / "cut.ttl", text)
    assert _refusal(parse_rdf_file, bad).startswith(f"{bad}:5: not valid turtle:")


def test_a_json_ld_syntax_error_names_the_line_json_reports(tmp_path: Path) -> None:
    bad = _write(tmp_path / "bad.jsonld", '{\n  "@id": "http://example.org/a",\n  "http://example.org/p": \n}\n')
    assert _refusal(parse_rdf_file, bad).startswith(f"{bad}:4: not valid json-ld:")


def test_an_empty_json_ld_file_is_refused_naming_line_1(tmp_path: Path) -> None:
    empty = _write(tmp_path / "empty.jsonld", "  \n\n")
    assert _refusal(parse_rdf_file, empty).startswith(f"{empty}:1: not valid json-ld:")


def test_an_n_triples_syntax_error_is_refused_naming_the_file_when_rdflib_names_no_line(tmp_path: Path) -> None:
    bad = _write(tmp_path / "bad.nt", "<http://a> <http://b> <http://c> .\n<http://a> <http://b> .\n")
    assert _refusal(parse_rdf_file, bad).startswith(f"{bad}: not valid nt: Invalid line")


def test_an_rdf_xml_syntax_error_names_its_line(tmp_path: Path) -> None:
    bad = _write(
        tmp_path / "bad.rdf",
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        "<rdf:Description>\n</rdf:RDF>\n",
    )
    assert _refusal(parse_rdf_file, bad).startswith(f"{bad}:4: not valid xml:")


# --- catalog refusals name the file ------------------------------------------------------------------


def test_a_control_without_a_title_is_refused_naming_file_line_and_field(concepts: Concepts, tmp_path: Path) -> None:
    controls = _write(tmp_path / "controls.yaml", "controls:\n  - id: CTL-X-01\n    type: human-oversight\n")
    assert _refusal(catalog.controls_graph, controls, concepts) == f"{controls}:2: title: missing required field"


def test_a_control_s_description_is_kept_with_its_whitespace_collapsed(concepts: Concepts, tmp_path: Path) -> None:
    controls = _write(
        tmp_path / "controls.yaml",
        "controls:\n  - id: CTL-X-01\n    title: Oversight\n    type: human-oversight\n"
        "    description: |\n      Named reviewers\n      can stop   the system.\n",
    )
    g, _ = catalog.controls_graph(controls, concepts)
    assert list(g.objects(URIRef(entity_iri("control", "CTL-X-01")), DCTERMS.description)) == [
        Literal("Named reviewers can stop the system.")
    ]


def test_an_unknown_legal_basis_is_refused_naming_file_line_and_the_choices(
    concepts: Concepts, tmp_path: Path
) -> None:
    org = _write(
        tmp_path / "acme.yaml",
        "organisation:\n  id: acme\n  name: Acme\ndatasets:\n  - id: crm\n    label: CRM\n    legal_basis: whim\n",
    )
    message = _refusal(catalog.organisation_graph, org, concepts, set(), set())
    assert message.startswith(f"{org}:5: legal_basis: unknown legal-basis 'whim' (one of: ")
    assert "contract" in message


def test_an_organisation_subject_to_an_unknown_document_is_refused_naming_the_file(
    concepts: Concepts, tmp_path: Path
) -> None:
    org = _write(tmp_path / "acme.yaml", "organisation:\n  id: acme\n  name: Acme\n  subject_to: [no-such-act]\n")
    assert (
        _refusal(catalog.organisation_graph, org, concepts, set(), {"eu-ai-act"})
        == f"{org}:2: subject_to: unknown document 'no-such-act'"
    )


def test_an_sssom_row_missing_a_required_value_names_its_line_and_column(tmp_path: Path) -> None:
    tsv = _write(tmp_path / "m.sssom.tsv", SSSOM_HEADER + "ex:a\tskos:exactMatch\t\tsemapv:ManualMappingCuration\t\n")
    assert _refusal(catalog.read_sssom, tsv) == f"{tsv}:6: object_id: missing value"


# --- what an SSSOM author becomes ----------------------------------------------------------------------


def test_an_sssom_author_given_as_an_https_iri_is_that_agent(tmp_path: Path) -> None:
    tsv = _write(
        tmp_path / "m.sssom.tsv",
        SSSOM_HEADER + "ex:a\tskos:exactMatch\tex:b\tsemapv:ManualMappingCuration\thttps://orcid.org/0000-0001\n",
    )
    g = catalog.mappings_graph(tsv)
    assert set(g.objects(None, DCTERMS.creator)) == {URIRef("https://orcid.org/0000-0001")}


def test_an_sssom_author_curie_without_any_name_is_left_unnamed(tmp_path: Path) -> None:
    tsv = _write(
        tmp_path / "m.sssom.tsv",
        SSSOM_HEADER + "ex:a\tskos:exactMatch\tex:b\tsemapv:ManualMappingCuration\torcid:0000-0002\n",
    )
    g = catalog.mappings_graph(tsv)
    author = URIRef("https://orcid.org/0000-0002")
    assert set(g.objects(None, DCTERMS.creator)) == {author}
    assert (author, None, PROV.Agent) in g
    assert list(g.objects(author, RDFS.label)) == []  # no name made up for it
