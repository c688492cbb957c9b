"""Loading one file with ``compgraph load`` and building from a folder, one behaviour per test, on files of a
few lines each (none builds the demo).

Written for the mutants a mutation run of graph/build.py left alive (tools/mutation.py, group
``catalog-build``; docs/mutation-survivors.md): no test loaded an SSSOM mapping set or a ``.yml``
organisation on its own, or an organisation implementing a control the store already holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from compgraph.cli import main
from compgraph.cli.base import HeldStore
from compgraph.graph import paths
from compgraph.graph.build import build, load_file, ontology_files, plan_build
from compgraph.graph.catalog import InputError
from compgraph.graph.namespaces import entity_iri, graph_iri
from compgraph.graph.store import LocalStore

# What a mapping set and an organisation loaded later refer to: one obligation, one control, one document.
BASE = """@prefix cg: <https://w3id.org/compgraph/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<https://w3id.org/compgraph/id/obligation/T-1> a cg:Obligation ; dcterms:identifier "T-1" .
<https://w3id.org/compgraph/id/control/CTL-T-01> a cg:Control ; dcterms:identifier "CTL-T-01" .
<https://w3id.org/compgraph/id/document/tdoc> a cg:SourceDocument ; dcterms:identifier "tdoc" .
"""
SSSOM = (
    "# curie_map:\n"
    "#   obl: https://w3id.org/compgraph/id/obligation/\n"
    "#   ctl: https://w3id.org/compgraph/id/control/\n"
    "# mapping_set_id: http://example.org/tset\n"
    "subject_id\tpredicate_id\tobject_id\tmapping_justification\n"
    "obl:{obligation}\tskos:exactMatch\tctl:{control}\tsemapv:ManualMappingCuration\n"
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStore]:
    folder = tmp_path_factory.mktemp("load-whole-run")
    s = LocalStore(folder / "store")
    load_file(s, _write(folder / "base.ttl", BASE))
    yield s
    s.close()


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _sssom(path: Path, obligation: str = "T-1", control: str = "CTL-T-01") -> Path:
    return _write(path, SSSOM.format(obligation=obligation, control=control))


def test_a_loaded_sssom_mapping_set_lands_in_its_own_mapping_set_graph(store: LocalStore, tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["load", str(_sssom(tmp_path / "extra.sssom.tsv"))], obj=HeldStore(store))
    assert res.exit_code == 0, res.output
    target = graph_iri("mappingset", "extra")
    assert target in store.graph_names()
    satisfied = f"<{entity_iri('obligation', 'T-1')}> cg:satisfiedBy <{entity_iri('control', 'CTL-T-01')}>"
    assert store.select(f"ASK {{ GRAPH <{target}> {{ {satisfied} }} }}")


def test_a_loaded_mapping_set_may_name_obligations_and_controls_already_in_the_store(
    store: LocalStore, tmp_path: Path
) -> None:
    target, triples = load_file(store, _sssom(tmp_path / "known.sssom.tsv"))
    assert target == graph_iri("mappingset", "known") and triples > 0


def test_a_loaded_mapping_set_naming_an_obligation_not_in_the_store_is_refused(
    store: LocalStore, tmp_path: Path
) -> None:
    path = _sssom(tmp_path / "bad.sssom.tsv", obligation="NOPE-1")
    with pytest.raises(InputError, match="unknown obligation 'obl:NOPE-1'"):
        load_file(store, path)


def test_a_loaded_mapping_set_naming_a_control_not_in_the_store_is_refused(store: LocalStore, tmp_path: Path) -> None:
    path = _sssom(tmp_path / "bad.sssom.tsv", control="CTL-NOPE-01")
    with pytest.raises(InputError, match="unknown control 'ctl:CTL-NOPE-01'"):
        load_file(store, path)


def test_an_organisation_in_a_yml_file_loads_into_its_organisation_s_graph(store: LocalStore, tmp_path: Path) -> None:
    org = _write(tmp_path / "acme.yml", "organisation:\n  id: ymlorg\n  name: Yml Ltd\n")
    assert load_file(store, org)[0] == graph_iri("organisation", "ymlorg")


def test_a_loaded_organisation_may_implement_a_control_and_follow_a_document_already_in_the_store(
    store: LocalStore, tmp_path: Path
) -> None:
    org = _write(
        tmp_path / "org.yaml",
        "organisation:\n  id: implementer\n  name: Implementer Ltd\n  subject_to: [tdoc]\n  controls: [CTL-T-01]\n",
    )
    target, _ = load_file(store, org)
    implements = (
        f"<{entity_iri('organisation', 'implementer')}> cg:implementsControl <{entity_iri('control', 'CTL-T-01')}>"
    )
    assert store.select(f"ASK {{ GRAPH <{target}> {{ {implements} }} }}")


def test_a_file_of_an_unknown_type_is_refused_in_one_line_naming_it_and_the_known_types(
    store: LocalStore, tmp_path: Path
) -> None:
    notes = _write(tmp_path / "notes.txt", "hello\n")
    res = CliRunner().invoke(main, ["load", str(notes)], obj=HeldStore(store))
    assert res.exit_code == 2
    assert f"{notes}: unknown RDF file type '.txt' (.ttl, .nt, .jsonld, .rdf, .owl, .trig)" in res.output


def test_load_as_written_keeps_a_literal_a_plain_load_refuses(store: LocalStore, tmp_path: Path) -> None:
    price = _write(tmp_path / "price.ttl", '<urn:a> <urn:price> "4.0"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n')
    refused = CliRunner().invoke(main, ["load", str(price)], obj=HeldStore(store))
    assert refused.exit_code != 0 and f"{price}:1:" in refused.output
    kept = CliRunner().invoke(main, ["load", "--as-written", str(price)], obj=HeldStore(store))
    assert kept.exit_code == 0, kept.output
    assert graph_iri("file", "price") in store.graph_names()


# --- building from a mappings folder of a few lines ----------------------------------------------------


def _catalog(doc: str, obligation: str) -> str:
    return (
        f"document:\n  id: {doc}\n  title: Policy {doc}\n  kind: policy\n"
        "sections:\n- id: '1'\n  title: Oversight\n"
        f"obligations:\n- id: {obligation}\n  section: '1'\n  text: Staff shall review outputs.\n"
        "  modality: commitment\n"
    )


def _folder(root: Path, *catalogs: tuple[str, str, str]) -> Path:
    """A mappings folder with the given (file name, document id, obligation id) catalogs and one control."""
    (root / "obligations").mkdir(parents=True)
    for name, doc, obligation in catalogs:
        _write(root / "obligations" / name, _catalog(doc, obligation))
    _write(root / "controls.yaml", "controls:\n- id: CTL-T-01\n  title: Review\n  type: human-oversight\n")
    return root


def test_two_catalogs_using_one_obligation_id_are_refused_naming_the_second_file_and_the_id(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "m", ("a.yaml", "doc-a", "X-1-01"), ("b.yaml", "doc-b", "X-1-01"))
    with pytest.raises(InputError) as err:
        plan_build(mappings=folder, organisations=[])
    assert (
        str(err.value)
        == f"{folder / 'obligations' / 'b.yaml'}: obligation ids already used by another catalog: ['X-1-01']"
    )


def test_a_crosswalk_naming_a_control_outside_the_control_catalog_is_refused_naming_its_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "m", ("a.yaml", "doc-a", "X-1-01"))
    _write(folder / "crosswalk.sssom.tsv", SSSOM.format(obligation="X-1-01", control="CTL-NOPE-01"))
    with pytest.raises(InputError) as err:
        plan_build(mappings=folder, organisations=[])
    assert str(err.value).startswith(f"{folder / 'crosswalk.sssom.tsv'}:6: ")
    assert "unknown control 'ctl:CTL-NOPE-01'" in str(err.value)


def test_a_second_mapping_set_in_the_folder_builds_into_its_own_graph_beside_the_crosswalk(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "m", ("a.yaml", "doc-a", "X-1-01"))
    _write(folder / "crosswalk.sssom.tsv", SSSOM.format(obligation="X-1-01", control="CTL-T-01"))
    _write(folder / "vendor.sssom.tsv", SSSOM.format(obligation="X-1-01", control="CTL-T-01"))
    store = LocalStore(tmp_path / "store")
    counts = build(store, mappings=folder, organisations=[])
    assert graph_iri("crosswalk") in counts and graph_iri("mappingset", "vendor") in counts
    assert {graph_iri("crosswalk"), graph_iri("mappingset", "vendor")} <= set(store.graph_names())


def test_the_ontology_files_build_into_one_ontology_graph_each(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "m", ("a.yaml", "doc-a", "X-1-01"))
    ontology = {src.graph for src in plan_build(mappings=folder, organisations=[]).sources if "/ontology/" in src.graph}
    assert ontology == {graph_iri("ontology", p.stem) for p in ontology_files(paths.ontology_dir())}
    assert graph_iri("ontology", "compgraph") in ontology


def test_build_with_organisation_files_loads_those_instead_of_the_folder_s_demo(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "m", ("a.yaml", "doc-a", "X-1-01"))
    (folder / "demo").mkdir()
    _write(folder / "demo" / "demo.yaml", "organisation:\n  id: demo-org\n  name: Demo Ltd\n")
    mine = _write(tmp_path / "mine.yaml", "organisation:\n  id: my-org\n  name: Mine Ltd\n")
    store = LocalStore(tmp_path / "store")
    res = CliRunner().invoke(main, ["build", "--mappings", str(folder), "--org", str(mine)], obj=HeldStore(store))
    assert res.exit_code == 0, res.output
    orgs = {g for g in store.graph_names() if "/organisation/" in g}
    assert orgs == {graph_iri("organisation", "my-org")}
