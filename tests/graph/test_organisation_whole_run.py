"""The catalog readers (graph/catalog.py), one behaviour per test, part three of three: organisations, the
provenance of a loaded graph, the files a folder holds, and every refusal naming the file, the line and the field.

Written for the mutants a whole mutation run of graph/catalog.py left alive (tools/mutation.py, group
``catalog-build``; docs/mutation-survivors.md). None builds the demo. Whatever a test asserts is computed in
the test itself, not in a module-scoped fixture, so mutmut credits the test that checks it (see "A pitfall of
mutmut's test attribution" there). Builders shared by the three files: catalogkit.py.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from catalogkit import (
    CATALOG_REFUSALS,
    CONTROL_REFUSALS,
    DATASET,
    DIGEST,
    ORG,
    ORG_HEAD,
    ORG_REFUSALS,
    SSSOM_HEAD,
    SYSTEM,
    _catalog,
    _controls,
    _creator,
    _evidence,
    _mappings,
    _org,
    _org_refusal,
    _refusal,
    _row,
    _sssom,
    _write,
    ctl,
    objects,
)
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from compgraph.graph import catalog
from compgraph.graph.catalog import Concepts
from compgraph.graph.namespaces import CG, agent_iri, entity_iri


def test_an_organisation_is_typed_identified_and_named(tmp_path: Path, concepts: Concepts) -> None:
    g = _org(tmp_path, concepts, ORG_HEAD)
    assert objects(g, ORG, RDF.type) == {CG.Organisation}
    assert objects(g, ORG, DCTERMS.identifier) == {Literal("acme")}
    assert objects(g, ORG, RDFS.label) == {Literal("Acme Ltd")}


def test_a_file_without_an_organisation_mapping_is_refused_on_line_1(tmp_path: Path, concepts: Concepts) -> None:
    assert _org_refusal(tmp_path, concepts, "organisation: acme\n") == (
        f"{tmp_path / 'acme.yaml'}:1: missing 'organisation' mapping"
    )


def test_an_organisation_s_roles_documents_and_controls_are_linked(tmp_path: Path, concepts: Concepts) -> None:
    text = ORG_HEAD + "  roles: [deployer, provider]\n  subject_to: [eu-ai-act]\n  controls: [CTL-1]\n"
    g = _org(tmp_path, concepts, text, {"CTL-1"}, {"eu-ai-act"})
    assert objects(g, ORG, CG.hasRole) == {CG.RoleDeployer, CG.RoleProvider}
    assert objects(g, ORG, CG.subjectTo) == {URIRef(entity_iri("document", "eu-ai-act"))}
    assert objects(g, ORG, CG.implementsControl) == {ctl("CTL-1")}


def test_without_known_lists_any_document_and_control_is_linked(tmp_path: Path, concepts: Concepts) -> None:
    g = _org(tmp_path, concepts, ORG_HEAD + "  subject_to: [any-doc]\n  controls: [ANY-1]\n")
    assert objects(g, ORG, CG.subjectTo) == {URIRef(entity_iri("document", "any-doc"))}
    assert objects(g, ORG, CG.implementsControl) == {ctl("ANY-1")}


def test_an_unknown_role_is_refused_naming_the_organisation_s_line(tmp_path: Path, concepts: Concepts) -> None:
    assert _org_refusal(tmp_path, concepts, ORG_HEAD + "  roles: [king]\n").startswith(
        f"{tmp_path / 'acme.yaml'}:2: roles: unknown role 'king' (one of: "
    )


def test_an_organisation_implementing_an_unknown_control_is_refused(tmp_path: Path, concepts: Concepts) -> None:
    assert _org_refusal(tmp_path, concepts, ORG_HEAD + "  controls: [CTL-9]\n", {"CTL-1"}) == (
        f"{tmp_path / 'acme.yaml'}:2: controls: unknown control 'CTL-9'"
    )


def test_a_dataset_is_typed_and_labelled_with_what_the_file_says_of_it(tmp_path: Path, concepts: Concepts) -> None:
    text = (
        ORG_HEAD
        + DATASET
        + (
            "    personal_data: true\n    legal_basis: contract\n    provenance: |\n      Exported  nightly\n"
            "      from the CRM.\n    source: Sales Team\n    description: Customer  records\n"
        )
    )
    g = _org(tmp_path, concepts, text)
    d = URIRef(entity_iri("dataset", "crm"))
    assert objects(g, d, RDF.type) == {CG.Dataset}
    assert objects(g, d, RDFS.label) == {Literal("CRM export")}
    assert objects(g, d, CG.containsPersonalData) == {Literal(True)}
    assert objects(g, d, CG.legalBasis) == {concepts.get("legal-basis", "contract", Path(), 0, "")}
    assert objects(g, d, DCTERMS.description) == {Literal("Customer  records")}
    assert objects(g, d, PROV.wasAttributedTo) == {URIRef(agent_iri("Sales Team"))}
    assert objects(g, URIRef(agent_iri("Sales Team")), RDFS.label) == {Literal("Sales Team")}


def test_a_dataset_s_provenance_is_a_statement_node_holding_the_text(tmp_path: Path, concepts: Concepts) -> None:
    g = _org(tmp_path, concepts, ORG_HEAD + DATASET + "    provenance: |\n      Exported  nightly\n      daily.\n")
    d = URIRef(entity_iri("dataset", "crm"))
    statement = URIRef(f"{d}/provenance")
    assert objects(g, d, DCTERMS.provenance) == {statement}
    assert objects(g, statement, RDF.type) == {DCTERMS.ProvenanceStatement}
    assert objects(g, statement, RDFS.label) == {Literal("Exported nightly daily.")}


def test_a_dataset_without_optional_fields_records_none(tmp_path: Path, concepts: Concepts) -> None:
    g = _org(tmp_path, concepts, ORG_HEAD + DATASET)
    d = URIRef(entity_iri("dataset", "crm"))
    assert {p for p in g.predicates(d)} == {RDF.type, DCTERMS.identifier, RDFS.label}


def test_a_dataset_without_personal_data_says_so(tmp_path: Path, concepts: Concepts) -> None:
    g = _org(tmp_path, concepts, ORG_HEAD + DATASET + "    personal_data: false\n")
    assert objects(g, URIRef(entity_iri("dataset", "crm")), CG.containsPersonalData) == {Literal(False)}


def test_personal_data_that_is_not_true_or_false_is_refused(tmp_path: Path, concepts: Concepts) -> None:
    assert _org_refusal(tmp_path, concepts, ORG_HEAD + DATASET + "    personal_data: maybe\n") == (
        f"{tmp_path / 'acme.yaml'}:5: personal_data: expected true/false"
    )


def test_a_dataset_id_used_twice_is_refused(tmp_path: Path, concepts: Concepts) -> None:
    assert _org_refusal(tmp_path, concepts, ORG_HEAD + DATASET + "  - id: crm\n    label: Again\n") == (
        f"{tmp_path / 'acme.yaml'}:7: id: duplicate dataset id 'crm' (first on line 5)"
    )


def test_a_system_is_operated_by_the_organisation_at_its_risk_level(tmp_path: Path, concepts: Concepts) -> None:
    text = ORG_HEAD + SYSTEM + "    purpose: |\n      Answers\n      questions.\n    annex_iii: employment\n"
    text += "    role: deployer\n"
    g = _org(tmp_path, concepts, text)
    s = URIRef(entity_iri("system", "bot"))
    assert objects(g, s, RDF.type) == {CG.AISystem}
    assert objects(g, s, RDFS.label) == {Literal("Chatbot")}
    assert objects(g, s, CG.operatedBy) == {ORG}
    assert objects(g, s, CG.riskLevel) == {CG.RiskHigh}
    assert objects(g, s, CG.purpose) == {Literal("Answers questions.")}
    assert objects(g, s, CG.annexIIIArea) == {concepts.get("annex-iii", "employment", Path(), 0, "")}
    assert objects(g, s, CG.hasRole) == {CG.RoleDeployer}


def test_a_system_without_optional_fields_records_none(tmp_path: Path, concepts: Concepts) -> None:
    g = _org(tmp_path, concepts, ORG_HEAD + SYSTEM)
    s = URIRef(entity_iri("system", "bot"))
    assert {p for p in g.predicates(s)} == {RDF.type, DCTERMS.identifier, RDFS.label, CG.operatedBy, CG.riskLevel}


@pytest.mark.parametrize(
    ("field", "value", "kind"),
    [("risk", "extreme", "risk"), ("annex_iii", "weather", "annex-iii"), ("role", "king", "role")],
)
def test_a_system_s_unknown_risk_area_or_role_is_refused_naming_its_field(
    tmp_path: Path, concepts: Concepts, field: str, value: str, kind: str
) -> None:
    text = ORG_HEAD + SYSTEM.replace("    risk: high\n", "    risk: high\n" if field != "risk" else "")
    text += f"    {field}: {value}\n"
    assert _org_refusal(tmp_path, concepts, text).startswith(
        f"{tmp_path / 'acme.yaml'}:5: {field}: unknown {kind} '{value}' (one of: "
    )


def test_a_reviewed_system_is_due_again_after_its_risk_level_s_interval(tmp_path: Path, concepts: Concepts) -> None:
    g = _org(tmp_path, concepts, ORG_HEAD + SYSTEM + "    last_reviewed: 2026-01-01\n")
    s = URIRef(entity_iri("system", "bot"))
    assert objects(g, s, CG.lastReviewed) == {Literal("2026-01-01", datatype=XSD.date)}
    assert objects(g, s, CG.reviewDue) == {Literal("2026-04-03", datatype=XSD.date)}  # high: 92 days


def test_a_risk_level_with_no_interval_has_no_review_due_date(tmp_path: Path, concepts: Concepts) -> None:
    text = ORG_HEAD + SYSTEM.replace("risk: high", "risk: prohibited") + "    last_reviewed: 2026-01-01\n"
    g = _org(tmp_path, concepts, text)
    s = URIRef(entity_iri("system", "bot"))
    assert objects(g, s, CG.lastReviewed) == {Literal("2026-01-01", datatype=XSD.date)}
    assert objects(g, s, CG.reviewDue) == set()


def test_a_system_s_datasets_and_controls_are_linked(tmp_path: Path, concepts: Concepts) -> None:
    text = (
        ORG_HEAD
        + DATASET
        + "  - id: logs\n    label: Logs\n"
        + SYSTEM
        + ("    trained_on: [crm]\n    uses: [logs]\n    controls: [CTL-1]\n")
    )
    g = _org(tmp_path, concepts, text, {"CTL-1"})
    s = URIRef(entity_iri("system", "bot"))
    crm, logs = (URIRef(entity_iri("dataset", d)) for d in ("crm", "logs"))
    assert objects(g, s, CG.trainedOn) == {crm}
    assert objects(g, s, CG.usesDataset) == {crm, logs}
    assert objects(g, s, CG.implementsControl) == {ctl("CTL-1")}


@pytest.mark.parametrize("field", ["trained_on", "uses"])
def test_a_system_using_an_undeclared_dataset_is_refused(tmp_path: Path, concepts: Concepts, field: str) -> None:
    assert _org_refusal(tmp_path, concepts, ORG_HEAD + DATASET + SYSTEM + f"    {field}: [hr]\n") == (
        f"{tmp_path / 'acme.yaml'}:8: {field}: unknown dataset 'hr'"
    )


def test_a_system_implementing_an_unknown_control_is_refused_naming_its_line(
    tmp_path: Path, concepts: Concepts
) -> None:
    assert _org_refusal(tmp_path, concepts, ORG_HEAD + SYSTEM + "    controls: [CTL-9]\n", {"CTL-1"}) == (
        f"{tmp_path / 'acme.yaml'}:5: controls: unknown control 'CTL-9'"
    )


def test_evidence_is_for_its_control_concerning_a_system_and_carries_dates_and_digest(
    tmp_path: Path, concepts: Concepts
) -> None:
    g = _org(tmp_path, concepts, ORG_HEAD + SYSTEM + _evidence(), {"CTL-1"})
    e = URIRef(entity_iri("evidence", "ev1"))
    assert objects(g, e, RDF.type) == {CG.Evidence}
    assert objects(g, e, CG.evidenceFor) == {ctl("CTL-1")}
    assert objects(g, e, CG.concerns) == {URIRef(entity_iri("system", "bot"))}
    assert objects(g, e, DCTERMS.issued) == {Literal("2026-01-01", datatype=XSD.date)}
    assert objects(g, e, CG.validUntil) == {Literal("2026-12-31", datatype=XSD.date)}
    assert objects(g, e, CG.sha256) == {Literal(DIGEST)}
    assert objects(g, e, PROV.wasAttributedTo) | objects(g, e, CG.url) | objects(g, e, CG.file) == set()


def test_evidence_may_concern_the_organisation_itself(tmp_path: Path, concepts: Concepts) -> None:
    g = _org(tmp_path, concepts, ORG_HEAD + _evidence("acme"))
    assert objects(g, URIRef(entity_iri("evidence", "ev1")), CG.concerns) == {ORG}


def test_evidence_concerning_neither_a_system_nor_the_organisation_is_refused(
    tmp_path: Path, concepts: Concepts
) -> None:
    assert _org_refusal(tmp_path, concepts, ORG_HEAD + SYSTEM + _evidence("other")) == (
        f"{tmp_path / 'acme.yaml'}:9: concerns: unknown system or organisation 'other'"
    )


def test_evidence_for_an_unknown_control_is_refused(tmp_path: Path, concepts: Concepts) -> None:
    assert _org_refusal(tmp_path, concepts, ORG_HEAD + SYSTEM + _evidence(), {"CTL-2"}) == (
        f"{tmp_path / 'acme.yaml'}:9: control: unknown control 'CTL-1'"
    )


def test_evidence_s_owner_url_and_file_are_kept(tmp_path: Path, concepts: Concepts) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF")
    extra = "    owner: QA Team\n    url: https://example.org/report\n    file: report.pdf\n"
    g = _org(tmp_path, concepts, ORG_HEAD + _evidence("acme", extra))
    e = URIRef(entity_iri("evidence", "ev1"))
    assert objects(g, e, PROV.wasAttributedTo) == {URIRef(agent_iri("QA Team"))}
    assert objects(g, e, CG.url) == {URIRef("https://example.org/report")}
    assert objects(g, e, CG.file) == {Literal("report.pdf")}


def test_evidence_naming_a_file_that_is_not_beside_the_organisation_file_is_refused(
    tmp_path: Path, concepts: Concepts
) -> None:
    (tmp_path / "folder.pdf").mkdir()
    assert _org_refusal(tmp_path, concepts, ORG_HEAD + _evidence("acme", "    file: folder.pdf\n")) == (
        f"{tmp_path / 'acme.yaml'}:5: file: evidence file 'folder.pdf' not found"
    )


def test_an_evidence_digest_in_capitals_is_kept_in_lower_case(tmp_path: Path, concepts: Concepts) -> None:
    g = _org(tmp_path, concepts, ORG_HEAD + _evidence("acme").replace(DIGEST, DIGEST.upper()))
    assert objects(g, URIRef(entity_iri("evidence", "ev1")), CG.sha256) == {Literal(DIGEST)}


@pytest.mark.parametrize("digest", ["ab" * 31, "ab" * 33, "zz" * 32])
def test_an_evidence_digest_that_is_not_64_hex_digits_is_refused(
    tmp_path: Path, concepts: Concepts, digest: str
) -> None:
    assert _org_refusal(tmp_path, concepts, ORG_HEAD + _evidence("acme").replace(DIGEST, digest)) == (
        f"{tmp_path / 'acme.yaml'}:5: sha256: expected 64 hexadecimal digits"
    )


@pytest.mark.parametrize("field", ["issued", "valid_until"])
def test_evidence_without_its_dates_is_refused(tmp_path: Path, concepts: Concepts, field: str) -> None:
    text = "\n".join(ln for ln in (ORG_HEAD + _evidence("acme")).splitlines() if f"{field}:" not in ln) + "\n"
    assert _org_refusal(tmp_path, concepts, text) == f"{tmp_path / 'acme.yaml'}:5: {field}: missing required date"


# --- provenance of a loaded graph, and the files a folder holds -----------------------------------------

def test_a_source_graph_records_its_file_digest_size_and_when_it_was_made(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    source = _write(tmp_path / "sub" / "c.yaml", "controls: []\n")
    data = Graph()
    data.add((ctl("C-1"), RDF.type, CG.Control))
    data.add((ctl("C-2"), RDF.type, CG.Control))
    meta = catalog.describe_source(data, "https://w3id.org/compgraph/graph/x", source, tmp_path)
    g = URIRef("https://w3id.org/compgraph/graph/x")
    assert objects(meta, g, RDF.type) == {CG.SourceGraph}
    assert objects(meta, g, PROV.wasDerivedFrom) == {Literal("sub/c.yaml")}
    assert objects(meta, g, CG.sha256) == {Literal(hashlib.sha256(b"controls: []\n").hexdigest())}
    assert objects(meta, g, CG.tripleCount) == {Literal(2)}
    [activity] = objects(meta, g, PROV.wasGeneratedBy)
    assert isinstance(activity, BNode)
    assert objects(meta, activity, RDF.type) == {PROV.Activity}
    [ended] = objects(meta, activity, PROV.endedAtTime)
    assert ended.datatype == XSD.dateTime and "." not in str(ended) and str(ended).endswith("+00:00")


def test_a_source_outside_the_folder_or_without_one_is_named_by_its_file_name(tmp_path: Path) -> None:
    source = _write(tmp_path / "c.yaml", "controls: []\n")
    for relative_to in (None, tmp_path / "elsewhere"):
        meta = catalog.describe_source(Graph(), "https://w3id.org/compgraph/graph/x", source, relative_to)
        assert set(meta.objects(None, PROV.wasDerivedFrom)) == {Literal("c.yaml")}


def test_a_folder_s_files_matching_a_pattern_are_listed_sorted_without_folders(tmp_path: Path) -> None:
    for name in ("b.yaml", "a.yaml", "c.txt"):
        _write(tmp_path / name, "")
    (tmp_path / "d.yaml").mkdir()
    assert list(catalog.iter_files(tmp_path, "*.yaml")) == [tmp_path / "a.yaml", tmp_path / "b.yaml"]


def test_an_author_curie_is_split_at_its_first_colon(tmp_path: Path) -> None:
    _, agent = _creator(tmp_path, "orcid:0000:1")
    assert agent == URIRef("https://orcid.org/0000:1")


def test_an_author_of_a_prefix_declared_without_an_iri_is_refused_naming_the_file_line_and_column(
    tmp_path: Path,
) -> None:
    # Found by the whole run (x__author__mutmut_16): the refusal named no file ('.'), as if the author had none.
    head = "# curie_map:\n#   team: ''\n# mapping_set_id: http://example.org/set\n"
    head += "subject_id\tpredicate_id\tobject_id\tmapping_justification\tauthor_id\n"
    tsv = tmp_path / "m.sssom.tsv"
    assert _refusal(
        _mappings, tmp_path, _row("obl:O-1", "skos:closeMatch", "ctl:C-1").rstrip("\n") + "\tteam:ml\n", head
    ) == (f"{tsv}:5: author_id: cannot expand 'team:ml': unknown prefix")


@pytest.mark.parametrize(("text", "refusal"), ORG_REFUSALS)
def test_each_malformed_organisation_field_is_refused_naming_the_file(
    tmp_path: Path, concepts: Concepts, text: str, refusal: str
) -> None:
    path = tmp_path / "acme.yaml"
    expected = f"{path}:{refusal}" if refusal[0].isdigit() else f"{path}: {refusal}"
    assert _org_refusal(tmp_path, concepts, text) == expected


@pytest.mark.parametrize(("text", "refusal"), CATALOG_REFUSALS)
def test_each_malformed_catalog_field_is_refused_naming_the_file(
    obligations_dir: Path, concepts: Concepts, text: str, refusal: str
) -> None:
    assert (
        _refusal(_catalog, obligations_dir, concepts, text)
        == f"{obligations_dir / 'obligations' / 'acme.yaml'}:{refusal}"
    )


@pytest.mark.parametrize(("text", "refusal"), CONTROL_REFUSALS)
def test_each_malformed_control_field_is_refused_naming_the_file(
    tmp_path: Path, concepts: Concepts, text: str, refusal: str
) -> None:
    assert _refusal(_controls, tmp_path, concepts, text) == f"{tmp_path / 'controls.yaml'}:{refusal}"


def test_an_sssom_row_with_more_cells_than_the_header_is_refused_naming_its_line(tmp_path: Path) -> None:
    # Found by the whole run (x_read_sssom__mutmut_85): the check could never fire (it asked for the last
    # column to be empty and a cell past it at once), so a stray tab's text was silently dropped.
    tsv = _sssom(
        tmp_path,
        SSSOM_HEAD + "ex:a\tskos:exactMatch\tex:b\tsemapv:M\n" + "ex:c\tskos:exactMatch\tex:d\tsemapv:M\tstray\n",
    )
    assert _refusal(catalog.read_sssom, tsv) == f"{tsv}:6: row has more cells than the header"


def test_a_control_character_in_an_sssom_metadata_block_names_its_line(tmp_path: Path) -> None:
    tsv = _sssom(tmp_path, "# a: 1\n# b: x\x07y\n" + SSSOM_HEAD.splitlines()[-1] + "\n")
    assert _refusal(catalog.read_sssom, tsv) == (
        f"{tsv}:2: SSSOM metadata block is not YAML: unacceptable character #x0007"
    )


def test_a_control_character_on_a_later_sssom_metadata_line_names_that_line(tmp_path: Path) -> None:
    # the character's position is counted in the block as YAML read it: one newline between lines
    tsv = _sssom(tmp_path, "# a: 1\n# b: 2\n# c\x07: 3\n" + SSSOM_HEAD.splitlines()[-1] + "\n")
    assert _refusal(catalog.read_sssom, tsv) == (
        f"{tsv}:3: SSSOM metadata block is not YAML: unacceptable character #x0007"
    )


def test_a_word_ending_on_the_89th_character_of_a_long_text_stays_in_its_label() -> None:
    text = "a" * 40 + " " + "b" * 47 + " ccccc"  # the 89th character is the space after the b's
    assert catalog._short_label("O-1", text) == "O-1: " + "a" * 40 + " " + "b" * 47 + "…"


def test_an_sssom_metadata_line_without_a_space_after_the_hash_is_read(tmp_path: Path) -> None:
    meta, _ = catalog.read_sssom(
        _sssom(tmp_path, "#mapping_set_id: http://example.org/set\n" + SSSOM_HEAD.splitlines()[-1] + "\n")
    )
    assert meta == {"mapping_set_id": "http://example.org/set"}


def test_creators_without_a_label_each_are_still_read(tmp_path: Path) -> None:
    meta = "# creator_id:\n#   - orcid:0000-1\n#   - orcid:0000-2\n# creator_label:\n#   - Ann\n"
    g, agent = _creator(tmp_path, "orcid:0000-1", meta)
    assert objects(g, agent, RDFS.label) == {Literal("Ann")}
