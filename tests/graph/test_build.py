"""Building the graph: idempotence, provenance, and bad input that never half-writes the store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compgraph.graph import paths
from compgraph.graph.build import build, load_file
from compgraph.graph.catalog import InputError
from compgraph.graph.namespaces import graph_iri
from compgraph.graph.store import LocalStore


@pytest.fixture
def mappings_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped mappings folder, to break on purpose."""
    target = tmp_path / "mappings"
    shutil.copytree(paths.mappings_dir(), target)
    return target


@pytest.fixture
def built(tmp_path: Path, mappings_copy: Path) -> LocalStore:
    store = LocalStore(tmp_path / "store")
    build(store, mappings=mappings_copy)
    return store


def _replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_build_loads_each_source_into_its_own_named_graph(built: LocalStore) -> None:
    names = built.graph_names()
    assert graph_iri("controls") in names
    assert graph_iri("crosswalk") in names
    assert graph_iri("organisation", "mozart") in names
    assert {graph_iri("document", d) for d in ("eu-coc-deployers", "mozart-rai-policy", "rai-usage-template")} <= set(
        names
    )


def test_building_twice_does_not_duplicate_anything(built: LocalStore, mappings_copy: Path) -> None:
    before = built.graph_counts()
    build(built, mappings=mappings_copy)
    after = built.graph_counts()
    # Only the provenance timestamps may differ; the number of triples per graph may not.
    assert after == before


def test_each_graph_records_the_file_and_digest_it_came_from(built: LocalStore) -> None:
    res = built.select(
        "SELECT ?file ?sha WHERE { GRAPH <"
        + graph_iri("controls")
        + "> { ?g prov:wasDerivedFrom ?file ; cg:sha256 ?sha } }"
    )
    assert [str(r[0]) for r in res.rows] == ["mappings/controls.yaml"]
    assert len(str(res.rows[0][1])) == 64


def test_malformed_yaml_names_the_file_and_line(tmp_path: Path, mappings_copy: Path) -> None:
    controls = mappings_copy / "controls.yaml"
    controls.write_text(controls.read_text() + "\n  - id: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"controls\.yaml:\d+: YAML syntax error"):
        build(LocalStore(tmp_path / "s"), mappings=mappings_copy)


def test_build_refuses_a_catalog_with_a_repeated_key_and_leaves_the_store_empty(
    tmp_path: Path, mappings_copy: Path
) -> None:
    controls = mappings_copy / "controls.yaml"
    # A second "controls:" would silently replace the whole list with an empty one.
    controls.write_text(controls.read_text(encoding="utf-8") + "\ncontrols: []\n", encoding="utf-8")
    store = LocalStore(tmp_path / "s")
    with pytest.raises(InputError, match=r"controls\.yaml:\d+: YAML syntax error: duplicate key 'controls'"):
        build(store, mappings=mappings_copy)
    assert store.triple_count() == 0


def test_an_unknown_modality_is_rejected_with_the_allowed_values(tmp_path: Path, mappings_copy: Path) -> None:
    catalog = mappings_copy / "obligations" / "mozart-rai-policy.yaml"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace("modality: commitment", "modality: promise", 1), encoding="utf-8")
    with pytest.raises(InputError, match=r"mozart-rai-policy\.yaml:\d+: modality: unknown modality 'promise' \(one of"):
        build(LocalStore(tmp_path / "s"), mappings=mappings_copy)


def test_a_duplicate_control_id_is_rejected(tmp_path: Path, mappings_copy: Path) -> None:
    controls = mappings_copy / "controls.yaml"
    text = controls.read_text(encoding="utf-8")
    first = text.split("- id: ", 2)[1].split("\n", 1)[0].strip()
    second = text.split("- id: ", 3)[2].split("\n", 1)[0].strip()
    _replace_in(controls, f"- id: {second}", f"- id: {first}")
    with pytest.raises(InputError, match=rf"duplicate control id '{first}'"):
        build(LocalStore(tmp_path / "s"), mappings=mappings_copy)


def test_an_organisation_naming_an_unknown_control_is_rejected(tmp_path: Path, mappings_copy: Path) -> None:
    org = mappings_copy / "demo" / "mozart.yaml"
    text = org.read_text(encoding="utf-8")
    marker = "controls: ["
    assert marker in text or "controls:\n" in text
    if marker in text:
        org.write_text(text.replace(marker, "controls: [CTL-NOPE-99, ", 1), encoding="utf-8")
    else:
        org.write_text(text.replace("controls:\n", "controls:\n  - CTL-NOPE-99\n", 1), encoding="utf-8")
    with pytest.raises(InputError, match=r"mozart\.yaml:\d+: .*unknown control 'CTL-NOPE-99'"):
        build(LocalStore(tmp_path / "s"), mappings=mappings_copy)


def test_a_crosswalk_row_with_a_bad_confidence_names_its_line(tmp_path: Path, mappings_copy: Path) -> None:
    tsv = mappings_copy / "crosswalk.sssom.tsv"
    lines = tsv.read_text(encoding="utf-8").splitlines()
    header_index = next(i for i, ln in enumerate(lines) if ln.startswith("subject_id"))
    cols = lines[header_index].split("\t")
    row = lines[header_index + 1].split("\t")
    row[cols.index("confidence")] = "very"
    lines[header_index + 1] = "\t".join(row)
    tsv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = rf"crosswalk\.sssom\.tsv:{header_index + 2}: confidence: 'very' is not a number"
    with pytest.raises(InputError, match=expected):
        build(LocalStore(tmp_path / "s"), mappings=mappings_copy)


def test_a_crosswalk_row_naming_an_unknown_obligation_is_rejected(tmp_path: Path, mappings_copy: Path) -> None:
    tsv = mappings_copy / "crosswalk.sssom.tsv"
    with tsv.open("a", encoding="utf-8") as f:
        f.write("obl:NOPE-1\tx\tskos:exactMatch\tctl:CTL-HO-01\tx\tsemapv:ManualMappingCuration\t0.9\tme\t2026-01-01\tx\n")
    with pytest.raises(InputError, match=r"unknown obligation 'obl:NOPE-1'"):
        build(LocalStore(tmp_path / "s"), mappings=mappings_copy)


def test_bad_input_leaves_the_store_as_it_was(built: LocalStore, mappings_copy: Path) -> None:
    before = built.graph_counts()
    _replace_in(mappings_copy / "demo" / "mozart.yaml", "risk: high", "risk: extreme")
    with pytest.raises(InputError, match="unknown risk 'extreme'"):
        build(built, mappings=mappings_copy)
    assert built.graph_counts() == before


def test_malformed_turtle_is_refused_and_leaves_the_store_as_it_was(built: LocalStore, tmp_path: Path) -> None:
    before = built.graph_counts()
    bad = tmp_path / "extra.ttl"
    bad.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e \n", encoding="utf-8")
    with pytest.raises(InputError, match=r"extra\.ttl:\d*:? ?not valid turtle"):
        load_file(built, bad)
    assert built.graph_counts() == before


def test_an_extra_turtle_file_loads_into_its_own_graph_and_replaces_it_on_reload(
    built: LocalStore, tmp_path: Path
) -> None:
    extra = tmp_path / "extra.ttl"
    extra.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c , ex:d .\n", encoding="utf-8")
    target, _ = load_file(built, extra)
    first = built.triple_count(target)
    extra.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n", encoding="utf-8")
    load_file(built, extra)
    assert built.triple_count(target) == first - 1
