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
from rdflib import URIRef
from rdflib.namespace import RDF

from compgraph.cli import main
from compgraph.cli.base import HeldStore
from compgraph.graph import build as build_module
from compgraph.graph import paths
from compgraph.graph.build import apply_plan, build, load_file, ontology_files, parse_rdf_file, plan_build
from compgraph.graph.catalog import InputError
from compgraph.graph.namespaces import CG, entity_iri, graph_iri
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


# --- the whole run of build.py (2026-12-03, eleventh session) -------------------------------------------


def test_two_catalogs_of_one_document_id_are_refused_naming_the_second_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "m", ("a.yaml", "same-doc", "X-1-01"), ("b.yaml", "same-doc", "Y-1-01"))
    with pytest.raises(InputError) as err:
        plan_build(mappings=folder, organisations=[])
    assert str(err.value) == f"{folder / 'obligations' / 'b.yaml'}: document id 'same-doc' is used by another catalog"


def test_a_clash_of_obligation_ids_lists_the_first_five_sorted(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "m", ("a.yaml", "doc-a", "X-1-01"))
    ids = [f"Z-{n}" for n in (7, 3, 5, 1, 6, 2, 4)]
    body = "".join(f"- id: {i}\n  section: '1'\n  text: Staff shall review.\n  modality: commitment\n" for i in ids)
    head = "document:\n  id: doc-b\n  title: B\n  kind: policy\nsections:\n- id: '1'\n  title: S\nobligations:\n"
    _write(folder / "obligations" / "a.yaml", head.replace("doc-b", "doc-a") + body)
    _write(folder / "obligations" / "b.yaml", head + body)
    with pytest.raises(InputError) as err:
        plan_build(mappings=folder, organisations=[])
    assert str(err.value).endswith("already used by another catalog: ['Z-1', 'Z-2', 'Z-3', 'Z-4', 'Z-5']")


def test_a_plan_holds_each_source_in_its_graph_and_what_it_defines(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "m", ("a.yaml", "doc-a", "X-1-01"), ("b.yaml", "doc-b", "Y-1-01"))
    _write(folder / "crosswalk.sssom.tsv", SSSOM.format(obligation="X-1-01", control="CTL-T-01"))
    org = _write(tmp_path / "org.yaml", "organisation:\n  id: acme\n  name: Acme\n  subject_to: [doc-a]\n")
    plan = plan_build(mappings=folder, organisations=[org])
    assert (plan.documents, plan.obligations, plan.controls) == ({"doc-a", "doc-b"}, {"X-1-01", "Y-1-01"}, {"CTL-T-01"})
    placed = {src.graph: src.path for src in plan.sources if "/ontology/" not in src.graph}
    assert placed == {
        graph_iri("document", "doc-a"): folder / "obligations" / "a.yaml",
        graph_iri("document", "doc-b"): folder / "obligations" / "b.yaml",
        graph_iri("controls"): folder / "controls.yaml",
        graph_iri("crosswalk"): folder / "crosswalk.sssom.tsv",
        graph_iri("organisation", "acme"): org,
    }
    docs = [src for src in plan.sources if src.graph == graph_iri("document", "doc-a")]
    assert (URIRef(entity_iri("obligation", "X-1-01")), RDF.type, CG.Obligation) in docs[0].rdf


def test_an_organisation_of_the_folder_is_checked_against_its_catalogs_and_controls(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "m", ("a.yaml", "doc-a", "X-1-01"))
    bad_doc = _write(tmp_path / "doc.yaml", "organisation:\n  id: o1\n  name: O\n  subject_to: [doc-z]\n")
    bad_ctl = _write(tmp_path / "ctl.yaml", "organisation:\n  id: o2\n  name: O\n  controls: [CTL-Z]\n")
    for org, refusal in ((bad_doc, "unknown document 'doc-z'"), (bad_ctl, "unknown control 'CTL-Z'")):
        with pytest.raises(InputError, match=refusal):
            plan_build(mappings=folder, organisations=[org])


def test_a_folder_without_a_control_catalog_plans_no_controls_graph(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "m", ("a.yaml", "doc-a", "X-1-01"))
    (folder / "controls.yaml").unlink()
    plan = plan_build(mappings=folder, organisations=[])
    assert plan.controls == set()
    assert graph_iri("controls") not in {src.graph for src in plan.sources}


def test_without_organisation_files_the_folder_s_demo_organisations_are_planned(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "m", ("a.yaml", "doc-a", "X-1-01"))
    (folder / "demo").mkdir()
    _write(folder / "demo" / "demo.yaml", "organisation:\n  id: demo-org\n  name: Demo Ltd\n")
    planned = {src.graph for src in plan_build(mappings=folder).sources}
    assert graph_iri("organisation", "demo-org") in planned
    assert graph_iri("organisation", "demo-org") not in {
        s.graph for s in plan_build(mappings=folder, organisations=[]).sources
    }


def test_applying_a_plan_reports_each_file_and_counts_each_graph_with_its_provenance(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "m", ("a.yaml", "doc-a", "X-1-01"))
    plan = plan_build(mappings=folder, organisations=[])
    plan.sources = [s for s in plan.sources if "/ontology/" not in s.graph]
    seen: list[str] = []
    store = LocalStore(tmp_path / "store")
    counts = apply_plan(store, plan, seen.append, relative_to=tmp_path)
    assert seen == ["a.yaml", "controls.yaml"]
    controls = graph_iri("controls")
    assert counts[controls] == store.triple_count(controls) == len(plan.sources[1].rdf) + 7  # provenance: 7 triples
    assert store.select(f'ASK {{ GRAPH <{controls}> {{ <{controls}> prov:wasDerivedFrom "m/controls.yaml" }} }}')


def test_a_build_names_each_source_file_from_the_mappings_folder_s_parent(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "m", ("a.yaml", "doc-a", "X-1-01"))
    store = LocalStore(tmp_path / "store")
    build(store, mappings=folder, organisations=[])
    rows = store.select("SELECT ?g ?f WHERE { GRAPH ?g { ?g prov:wasDerivedFrom ?f } }").rows
    named = {str(g): str(f) for g, f in rows}
    assert named[graph_iri("document", "doc-a")] == "m/obligations/a.yaml"
    assert named[graph_iri("ontology", "compgraph")] == "compgraph.ttl"  # outside that parent: its name


def test_a_file_loaded_into_a_graph_of_its_own_choosing_lands_there(store: LocalStore, tmp_path: Path) -> None:
    target = "https://example.org/graph/mine"
    org = _write(tmp_path / "chosen.yaml", "organisation:\n  id: chosen\n  name: Chosen Ltd\n")
    rdf = _write(tmp_path / "chosen.ttl", "<urn:a> <urn:p> <urn:b> .\n")
    tsv = _sssom(tmp_path / "chosen.sssom.tsv")
    doc = _write(tmp_path / "doc.yaml", _catalog("chosen-doc", "CH-1-01"))
    for path in (org, rdf, tsv, doc):
        assert load_file(store, path, graph=target) == (target, store.triple_count(target))
    assert store.select(f"ASK {{ GRAPH <{target}> {{ <{entity_iri('obligation', 'CH-1-01')}> a cg:Obligation }} }}")


def test_a_loaded_file_is_named_in_its_graph_by_its_file_name(store: LocalStore, tmp_path: Path) -> None:
    (tmp_path / "deep").mkdir()
    rdf = _write(tmp_path / "deep" / "named.ttl", "<urn:a> <urn:p> <urn:b> .\n")
    target, _ = load_file(store, rdf)
    assert store.select(f'ASK {{ GRAPH <{target}> {{ <{target}> prov:wasDerivedFrom "named.ttl" }} }}')


def test_an_rdf_file_s_type_is_read_from_its_suffix_in_any_case(tmp_path: Path) -> None:
    loud = _write(tmp_path / "LOUD.TTL", "<urn:a> <urn:p> <urn:b> .\n")
    assert len(parse_rdf_file(loud)) == 1


def test_a_literal_written_escaped_in_an_rdf_file_is_refused(tmp_path: Path) -> None:
    escaped = _write(tmp_path / "esc.ttl", '<urn:a> <urn:p> "4.0"^^<urn:compgraph:as-written:http://x/dt> .\n')
    with pytest.raises(InputError, match=r"esc\.ttl"):
        parse_rdf_file(escaped)


def test_a_parser_message_keeps_its_first_300_characters_on_one_line() -> None:
    assert (
        build_module._first_line("at line 3 of <>:  Bad\n   syntax " + "x" * 400) == ("Bad syntax " + "x" * 400)[:300]
    )


def test_a_parser_message_without_turtle_s_line_prefix_is_kept() -> None:
    assert build_module._first_line("Invalid line: 2") == "Invalid line: 2"


def test_the_line_a_parser_names_is_read_from_its_message() -> None:
    assert build_module._line_from_message("bad syntax at line 12 of <>") == 12
    assert build_module._line_from_message("no number here") is None


def test_a_line_past_the_end_of_a_file_that_is_gone_is_kept_as_the_parser_said(tmp_path: Path) -> None:
    assert build_module._error_line(ValueError("at line 9"), tmp_path / "gone.ttl") == 9


def test_a_line_of_a_blank_file_is_kept_as_the_parser_said(tmp_path: Path) -> None:
    assert build_module._error_line(ValueError("at line 4"), _write(tmp_path / "blank.ttl", "\n\n")) == 4


def test_a_line_within_the_file_is_kept(tmp_path: Path) -> None:
    path = _write(tmp_path / "f.ttl", "a\nb\nc\n\n")
    assert build_module._error_line(ValueError("at line 2"), path) == 2
    assert build_module._error_line(ValueError("at line 9"), path) == 3


def test_a_loaded_organisation_subject_to_a_document_not_in_the_store_is_refused(
    store: LocalStore, tmp_path: Path
) -> None:
    org = _write(tmp_path / "org.yaml", "organisation:\n  id: stray\n  name: Stray Ltd\n  subject_to: [no-such-doc]\n")
    with pytest.raises(InputError, match="subject_to: unknown document 'no-such-doc'"):
        load_file(store, org)


def test_a_loaded_organisation_s_roles_are_the_ontology_s_concepts(store: LocalStore, tmp_path: Path) -> None:
    org = _write(tmp_path / "org.yaml", "organisation:\n  id: roled\n  name: Roled Ltd\n  roles: [deployer]\n")
    target, _ = load_file(store, org)
    assert store.select(
        f"ASK {{ GRAPH <{target}> {{ <{entity_iri('organisation', 'roled')}> cg:hasRole cg:RoleDeployer }} }}"
    )


def test_a_build_reads_the_ontology_folder_it_is_given(tmp_path: Path) -> None:
    ontology = tmp_path / "ontology"
    ontology.mkdir()
    for path in ontology_files(paths.ontology_dir()):
        (ontology / path.name).write_bytes(path.read_bytes())
    _write(ontology / "extra.ttl", "<urn:a> <urn:p> <urn:b> .\n")
    folder = _folder(tmp_path / "m", ("a.yaml", "doc-a", "X-1-01"))
    counts = build(LocalStore(tmp_path / "store"), ontology=ontology, mappings=folder, organisations=[])
    assert graph_iri("ontology", "extra") in counts


def test_loading_a_file_refuses_a_literal_the_store_would_rewrite_unless_asked_to_keep_it(
    store: LocalStore, tmp_path: Path
) -> None:
    price = _write(tmp_path / "price2.ttl", '<urn:a> <urn:price> "4.0"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n')
    with pytest.raises(InputError, match=r"price2\.ttl:1:"):
        load_file(store, price)


def test_a_build_tells_its_progress_callback_each_file_it_loads(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "m", ("a.yaml", "doc-a", "X-1-01"))
    seen: list[str] = []
    build(LocalStore(tmp_path / "store"), mappings=folder, organisations=[], progress=seen.append)
    assert seen[-2:] == ["a.yaml", "controls.yaml"]
    assert "compgraph.ttl" in seen


def test_a_crosswalk_naming_an_obligation_outside_the_catalogs_is_refused_naming_its_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "m", ("a.yaml", "doc-a", "X-1-01"))
    _write(folder / "crosswalk.sssom.tsv", SSSOM.format(obligation="NOPE-1", control="CTL-T-01"))
    with pytest.raises(InputError) as err:
        plan_build(mappings=folder, organisations=[])
    assert str(err.value) == f"{folder / 'crosswalk.sssom.tsv'}:6: subject_id: unknown obligation 'obl:NOPE-1'"


def test_a_loaded_organisation_implementing_a_control_not_in_the_store_is_refused(
    store: LocalStore, tmp_path: Path
) -> None:
    org = _write(tmp_path / "org.yaml", "organisation:\n  id: stray2\n  name: Stray Ltd\n  controls: [CTL-NOPE]\n")
    with pytest.raises(InputError, match="controls: unknown control 'CTL-NOPE'"):
        load_file(store, org)


def test_parsing_an_rdf_file_refuses_a_literal_the_store_would_rewrite_by_default(tmp_path: Path) -> None:
    price = _write(tmp_path / "price.ttl", '<urn:a> <urn:price> "4.0"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n')
    with pytest.raises(InputError, match=r"price\.ttl:1:"):
        parse_rdf_file(price)


def test_a_folder_s_organisation_is_read_with_the_ontology_s_concepts(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "m", ("a.yaml", "doc-a", "X-1-01"))
    org = _write(tmp_path / "org.yaml", "organisation:\n  id: acme\n  name: Acme\n  roles: [deployer]\n")
    [source] = [s for s in plan_build(mappings=folder, organisations=[org]).sources if "/organisation/" in s.graph]
    assert (URIRef(entity_iri("organisation", "acme")), CG.hasRole, CG.RoleDeployer) in source.rdf
