"""The catalog readers (graph/catalog.py), one behaviour per test, on files of a few lines: what each YAML or
SSSOM field becomes in RDF, and the one-line refusal (file, line, field) of each malformed value.

Written for the mutants a whole mutation run of graph/catalog.py left alive (tools/mutation.py, group
``catalog-build``; docs/mutation-survivors.md). None builds the demo. Whatever a test asserts is computed in
the test itself, not in a module-scoped fixture, so mutmut credits the test that checks it (see "A pitfall of
mutmut's test attribution" there); only the ontology's parsed triples are kept between tests.
"""

from __future__ import annotations

import functools
import hashlib
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from compgraph.graph import catalog, paths
from compgraph.graph.build import load_concepts
from compgraph.graph.catalog import Concepts, InputError
from compgraph.graph.namespaces import CG, DPV, SEMAPV, agent_iri, entity_iri

ORG_HEAD = "organisation:\n  id: acme\n  name: Acme Ltd\n"
SSSOM_HEAD = (
    "# curie_map:\n"
    "#   ex: http://example.org/\n"
    "# mapping_set_id: http://example.org/set\n"
    "subject_id\tpredicate_id\tobject_id\tmapping_justification\n"
)
DIGEST = "ab" * 32


@functools.cache
def _ontology() -> Graph:
    """The shipped ontology's triples, parsed once: parsing takes a second, reading concepts from it does not."""
    union = Graph()
    for source in load_concepts(paths.ontology_dir())[1]:
        union += source.rdf
    return union


@pytest.fixture
def concepts() -> Concepts:
    return Concepts(_ontology())


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _refusal(call: object, *args: object) -> str:
    with pytest.raises(InputError) as err:
        call(*args)  # type: ignore[operator]
    return str(err.value)


def obl(ident: str) -> URIRef:
    return URIRef(entity_iri("obligation", ident))


def ctl(ident: str) -> URIRef:
    return URIRef(entity_iri("control", ident))


def objects(g: Graph, s: URIRef, p: URIRef) -> set:
    return set(g.objects(s, p))


# --- InputError's one line ----------------------------------------------------------------------------------


def test_an_input_error_reads_file_line_field_then_the_message() -> None:
    err = InputError(Path("a.yaml"), 3, "missing required field", "title")
    assert str(err) == "a.yaml:3: title: missing required field"
    assert (err.path, err.line, err.field) == ("a.yaml", 3, "title")


def test_an_input_error_without_a_line_or_field_names_only_the_file() -> None:
    err = InputError("a.yaml", None, "cannot read")
    assert str(err) == "a.yaml: cannot read"
    assert (err.line, err.field) == (None, None)


# --- reading YAML ---------------------------------------------------------------------------------------


def test_a_yaml_file_that_is_not_utf8_is_refused_as_unreadable(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes(b"name: Caf\xe9\n")
    assert _refusal(catalog.load_yaml, bad).startswith(f"{bad}: cannot read: ")


READ_IN_ASCII_LOCALE = """
import sys
from pathlib import Path
from compgraph.graph import catalog
yaml_file, tsv_file = Path(sys.argv[1]), Path(sys.argv[2])
print(ascii(catalog.load_yaml(yaml_file)["name"]), ascii(catalog.read_sssom(tsv_file)[1][0].comment))
"""


def test_catalog_files_are_read_as_utf8_whatever_the_machine_s_locale(tmp_path: Path) -> None:
    # A machine whose locale is not UTF-8 (Windows' cp1252, a C locale) would otherwise misread or refuse them.
    yaml_file = _write(tmp_path / "o.yaml", "name: Café\n")
    tsv_file = _write(
        tmp_path / "m.sssom.tsv", SSSOM_HEAD.rstrip("\n") + "\tcomment\nex:a\tskos:exactMatch\tex:b\tsemapv:M\tnaïve\n"
    )
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    run = subprocess.run(
        [sys.executable, "-c", READ_IN_ASCII_LOCALE, str(yaml_file), str(tsv_file)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert run.stdout.split() == ["'Caf\\xe9'", "'na\\xefve'"], run.stderr


def test_a_yaml_syntax_error_names_its_line_and_libyaml_s_problem(tmp_path: Path) -> None:
    bad = _write(tmp_path / "bad.yaml", "a: 1\nb: [1, 2\nc: 3\n")
    assert _refusal(catalog.load_yaml, bad) == f"{bad}:3: YAML syntax error: did not find expected ',' or ']'"


def test_a_yaml_error_without_a_place_or_problem_is_told_by_its_whole_message_on_one_line() -> None:
    assert catalog._yaml_problem(yaml.MarkedYAMLError(context="while  reading\nthe file"), "") == (
        None,
        "while reading the file",
    )


def test_a_yaml_error_s_problem_is_kept_on_one_line() -> None:
    assert catalog._yaml_problem(yaml.MarkedYAMLError(problem="two\n  lines"), "") == (None, "two lines")


def test_a_control_character_in_yaml_is_refused_naming_its_line_and_code(tmp_path: Path) -> None:
    bad = _write(tmp_path / "bell.yaml", "a: 1\nb: 2\nc: x\x07y\n")
    assert _refusal(catalog.load_yaml, bad) == f"{bad}:3: YAML syntax error: unacceptable character #x0007"


def test_a_control_character_after_a_blank_first_line_is_on_line_2(tmp_path: Path) -> None:
    bad = _write(tmp_path / "bell.yaml", "\na: x\x07y\n")
    assert _refusal(catalog.load_yaml, bad) == f"{bad}:2: YAML syntax error: unacceptable character #x0007"


def test_a_yaml_list_at_the_top_level_is_refused_on_line_1(tmp_path: Path) -> None:
    bad = _write(tmp_path / "list.yaml", "- a\n- b\n")
    assert _refusal(catalog.load_yaml, bad) == f"{bad}:1: expected a mapping at the top level"


def test_each_yaml_mapping_remembers_the_line_it_starts_on(tmp_path: Path) -> None:
    data = catalog.load_yaml(_write(tmp_path / "m.yaml", "top: 1\nitems:\n  - id: a\n  - id: b\n    x: 1\n"))
    assert data.line == 1
    assert [item.line for item in data["items"]] == [3, 4]


def test_yaml_problem_of_an_error_without_a_mark_has_no_line() -> None:
    assert catalog._yaml_problem(yaml.YAMLError("odd   thing\nhere"), "") == (None, "odd thing here")


# --- concepts -------------------------------------------------------------------------------------------

SCHEME_TTL = """@prefix cg: <https://w3id.org/compgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dpv: <https://w3id.org/dpv#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
cg:High skos:inScheme cg:RiskLevelScheme ; skos:notation "high" ; cg:reviewIntervalDays 92 .
cg:Low skos:inScheme cg:RiskLevelScheme ; skos:notation "low" ; cg:reviewIntervalDays "366" .
cg:Must skos:inScheme cg:ModalityScheme ; skos:notation "must" ; cg:ruleType dpv:Obligation .
cg:May skos:inScheme cg:ModalityScheme ; skos:notation "may" ; cg:ruleType "not an IRI" .
cg:Boss skos:inScheme cg:RoleScheme ; skos:notation "boss" ; rdfs:seeAlso cg:RiskLevelScheme .
"""


def _tiny_concepts() -> Concepts:
    return Concepts(Graph().parse(data=SCHEME_TTL, format="turtle"))


def test_a_concept_is_found_by_its_scheme_and_notation() -> None:
    c = _tiny_concepts()
    assert c.get("risk", "high", Path("f"), 1, "risk") == CG.High
    assert c.get("modality", "must", Path("f"), 1, "modality") == CG.Must


def test_a_notation_of_another_scheme_is_not_a_concept_of_this_one() -> None:
    assert _refusal(_tiny_concepts().get, "modality", "high", Path("f.yaml"), 4, "modality") == (
        "f.yaml:4: modality: unknown modality 'high' (one of: may, must)"
    )


def test_the_slugs_of_a_scheme_are_listed_sorted_without_concepts_that_only_mention_it() -> None:
    assert _tiny_concepts().slugs("risk") == ["high", "low"]  # not cg:Boss, a role that sees also the risk scheme


def test_a_scheme_without_concepts_says_none_are_defined() -> None:
    assert _refusal(_tiny_concepts().get, "topic", "x", Path("f.yaml"), 2, "topic") == (
        "f.yaml:2: topic: unknown topic 'x' (one of: none defined)"
    )


def test_a_concept_s_review_interval_is_read_as_whole_days() -> None:
    c = _tiny_concepts()
    assert c.review_interval == {CG.High: 92, CG.Low: 366}


def test_a_modality_s_rule_type_is_kept_only_when_it_is_an_iri() -> None:
    assert _tiny_concepts().rule_type == {CG.Must: DPV.Obligation}


# --- field helpers --------------------------------------------------------------------------------------


def test_a_required_field_left_empty_is_refused_as_missing(tmp_path: Path) -> None:
    item = catalog.LineDict(title="")
    item.line = 7
    assert _refusal(catalog._require, item, "title", Path("c.yaml")) == "c.yaml:7: title: missing required field"


def test_a_required_text_field_given_a_number_is_refused_naming_the_kind_expected() -> None:
    item = catalog.LineDict(title=5)
    item.line = 2
    assert _refusal(catalog._require, item, "title", Path("c.yaml")) == "c.yaml:2: title: expected text, got 5"


def test_an_id_given_as_a_list_is_refused_as_neither_text_nor_a_whole_number() -> None:
    item = catalog.LineDict(id=[1])
    item.line = 4
    assert _refusal(catalog._ident, item, Path("c.yaml")) == ("c.yaml:4: id: expected text or a whole number, got [1]")


def test_a_field_without_a_line_is_refused_on_no_line() -> None:
    assert _refusal(catalog._require, {}, "title", Path("c.yaml")) == "c.yaml: title: missing required field"


@pytest.mark.parametrize("kinds", [(float, bool), (list, dict), date])
def test_each_kind_of_value_has_a_name_a_person_reads(kinds: type | tuple[type, ...]) -> None:
    expected = {
        (float, bool): "a number or true/false",
        (list, dict): "a list or a mapping",
        date: "a date (YYYY-MM-DD)",
    }[kinds]
    assert catalog._kind_name(kinds) == expected


def test_a_kind_without_a_name_is_called_by_its_type_name() -> None:
    assert catalog._kind_name((str, bytes)) == "text or bytes"
    assert catalog._kind_name(bytes) == "bytes"


@pytest.mark.parametrize("ident", ["a", "A.b_c-9", "7", 7])
def test_an_id_of_letters_digits_dots_underscores_and_hyphens_is_kept(ident: object) -> None:
    assert catalog._ident({"id": ident}, Path("c.yaml")) == str(ident)


@pytest.mark.parametrize("ident", ["-a", ".a", "a b", "a/b", "é"])
def test_an_id_that_starts_with_punctuation_or_holds_other_characters_is_refused(ident: str) -> None:
    assert _refusal(catalog._ident, {"id": ident}, Path("c.yaml")) == (
        f"c.yaml: id: {ident!r} is not a valid id (letters, digits, . _ -)"
    )


def test_an_id_field_other_than_id_can_be_read() -> None:
    assert catalog._ident({"ref": "x-1"}, Path("c.yaml"), "ref") == "x-1"


def test_a_missing_required_date_is_refused() -> None:
    assert _refusal(catalog._date, {}, "issued", Path("e.yaml")) == "e.yaml: issued: missing required date"


def test_a_missing_optional_date_is_none() -> None:
    assert catalog._date({}, "issued", Path("e.yaml"), required=False) is None


def test_a_date_given_as_a_yaml_date_or_as_text_becomes_an_xsd_date() -> None:
    expected = Literal("2026-01-02", datatype=XSD.date)
    assert catalog._date({"d": date(2026, 1, 2)}, "d", Path("e.yaml")) == expected
    assert catalog._date({"d": "2026-01-02"}, "d", Path("e.yaml")) == expected


def test_a_date_that_is_not_yyyy_mm_dd_is_refused_naming_the_value() -> None:
    item = catalog.LineDict(d="soon")
    item.line = 9
    assert _refusal(catalog._date, item, "d", Path("e.yaml")) == "e.yaml:9: d: 'soon' is not a date (YYYY-MM-DD)"


def test_a_missing_or_empty_list_field_is_an_empty_list() -> None:
    assert catalog._list({}, "roles", Path("o.yaml")) == []
    assert catalog._list({"roles": None}, "roles", Path("o.yaml")) == []


def test_a_list_field_given_one_value_is_refused() -> None:
    assert _refusal(catalog._list, {"roles": "deployer"}, "roles", Path("o.yaml")) == (
        "o.yaml: roles: expected a list, got 'deployer'"
    )


def test_a_duplicate_id_is_refused_naming_the_line_of_the_first() -> None:
    seen: dict[str, int] = {}
    catalog._unique(seen, "X", Path("c.yaml"), 2, "control")
    assert seen == {"X": 2}
    assert _refusal(catalog._unique, seen, "X", Path("c.yaml"), 5, "control") == (
        "c.yaml:5: id: duplicate control id 'X' (first on line 2)"
    )


def test_a_catalog_graph_writes_compgraph_s_prefixes() -> None:
    g = catalog._new_graph()
    g.add((ctl("C-1"), RDF.type, CG.Control))
    assert "@prefix ctl: <https://w3id.org/compgraph/id/control/>" in g.serialize(format="turtle")
    assert dict(g.namespaces())["cg"] == URIRef(str(CG))


# --- obligation catalogs ----------------------------------------------------------------------------------

DOC_HEAD = "document:\n  id: acme-policy\n  title: Acme AI policy\n  kind: policy\n"
SECTION_1 = "sections:\n- id: '1'\n  title: Oversight\n"


def _obligation(extra: str = "", text: str = "Staff shall review outputs.") -> str:
    return f"obligations:\n- id: A-1-01\n  section: '1'\n  text: {text}\n  modality: mandatory\n{extra}"


def _catalog(tmp_path: Path, concepts: Concepts, text: str) -> catalog.Catalog:
    return catalog.obligations_graph(_write(tmp_path / "obligations" / "acme.yaml", text), concepts)


@pytest.fixture
def obligations_dir(tmp_path: Path) -> Path:
    (tmp_path / "obligations").mkdir()
    return tmp_path


def test_a_catalog_is_its_document_typed_by_kind_with_id_and_title(obligations_dir: Path, concepts: Concepts) -> None:
    cat = _catalog(obligations_dir, concepts, DOC_HEAD)
    doc = URIRef(entity_iri("document", "acme-policy"))
    assert (cat.doc_id, cat.obligation_ids) == ("acme-policy", set())
    assert cat.path == obligations_dir / "obligations" / "acme.yaml"
    assert objects(cat.graph, doc, RDF.type) == {CG.InternalPolicy}
    assert objects(cat.graph, doc, DCTERMS.identifier) == {Literal("acme-policy")}
    assert objects(cat.graph, doc, RDFS.label) == {Literal("Acme AI policy")}


@pytest.mark.parametrize(("kind", "cls"), [("regulation", CG.Regulation), ("code-of-conduct", CG.CodeOfConduct)])
def test_each_document_kind_types_the_document(
    obligations_dir: Path, concepts: Concepts, kind: str, cls: URIRef
) -> None:
    cat = _catalog(obligations_dir, concepts, DOC_HEAD.replace("kind: policy", f"kind: {kind}"))
    assert objects(cat.graph, URIRef(entity_iri("document", "acme-policy")), RDF.type) == {cls}


def test_a_catalog_without_a_document_mapping_is_refused_on_line_1(obligations_dir: Path, concepts: Concepts) -> None:
    path = obligations_dir / "obligations" / "acme.yaml"
    assert _refusal(_catalog, obligations_dir, concepts, "document: acme\n") == f"{path}:1: missing 'document' mapping"


def test_an_unknown_document_kind_is_refused_listing_the_kinds(obligations_dir: Path, concepts: Concepts) -> None:
    path = obligations_dir / "obligations" / "acme.yaml"
    assert _refusal(_catalog, obligations_dir, concepts, DOC_HEAD.replace("kind: policy", "kind: law")) == (
        f"{path}:2: kind: unknown kind 'law' (one of regulation, code-of-conduct, policy)"
    )


def test_a_document_keeps_publisher_version_attribution_and_prefix_as_text(
    obligations_dir: Path, concepts: Concepts
) -> None:
    head = DOC_HEAD + "  publisher: Acme\n  version: 1.0\n  attribution: CC-BY\n  prefix: ACM\n  issued: 2024-08-17\n"
    g = _catalog(obligations_dir, concepts, head).graph
    doc = URIRef(entity_iri("document", "acme-policy"))
    assert objects(g, doc, DCTERMS.publisher) == {Literal("Acme")}
    assert objects(g, doc, CG.documentVersion) == {Literal("1.0")}
    assert objects(g, doc, DCTERMS.bibliographicCitation) == {Literal("CC-BY")}
    assert objects(g, doc, CG.idPrefix) == {Literal("ACM")}
    assert objects(g, doc, DCTERMS.issued) == {Literal("2024-08-17", datatype=XSD.date)}


def test_a_document_without_optional_metadata_records_none(obligations_dir: Path, concepts: Concepts) -> None:
    g = _catalog(obligations_dir, concepts, DOC_HEAD).graph
    doc = URIRef(entity_iri("document", "acme-policy"))
    assert {p for p in g.predicates(doc)} == {RDF.type, DCTERMS.identifier, RDFS.label}


def test_a_document_s_source_file_is_named_and_its_digest_recorded_when_it_exists(
    obligations_dir: Path, concepts: Concepts
) -> None:
    (obligations_dir / "sources").mkdir()
    (obligations_dir / "sources" / "policy.md").write_bytes(b"Staff shall review outputs.\n")
    g = _catalog(obligations_dir, concepts, DOC_HEAD + "  source_file: sources/policy.md\n").graph
    doc = URIRef(entity_iri("document", "acme-policy"))
    assert objects(g, doc, DCTERMS.source) == {Literal("sources/policy.md")}
    assert objects(g, doc, CG.sha256) == {Literal(hashlib.sha256(b"Staff shall review outputs.\n").hexdigest())}


def test_a_document_s_missing_source_file_is_named_without_a_digest(obligations_dir: Path, concepts: Concepts) -> None:
    g = _catalog(obligations_dir, concepts, DOC_HEAD + "  source_file: sources/gone.md\n").graph
    doc = URIRef(entity_iri("document", "acme-policy"))
    assert objects(g, doc, DCTERMS.source) == {Literal("sources/gone.md")}
    assert objects(g, doc, CG.sha256) == set()


def test_sections_are_numbered_in_file_order_and_belong_to_their_document(
    obligations_dir: Path, concepts: Concepts
) -> None:
    text = DOC_HEAD + "sections:\n- id: '1'\n  title: Oversight\n- id: '2.1'\n  title: Data\n"
    g = _catalog(obligations_dir, concepts, text).graph
    first, second = (URIRef(entity_iri("section", f"acme-policy/{s}")) for s in ("1", "2.1"))
    assert objects(g, first, RDF.type) == {CG.Section}
    assert objects(g, first, DCTERMS.isPartOf) == {URIRef(entity_iri("document", "acme-policy"))}
    assert objects(g, first, CG.sectionNumber) == {Literal("1")}
    assert objects(g, first, RDFS.label) == {Literal("Oversight")}
    assert (objects(g, first, CG.order), objects(g, second, CG.order)) == ({Literal(1)}, {Literal(2)})


def test_a_section_that_is_not_a_mapping_is_refused_naming_its_position(
    obligations_dir: Path, concepts: Concepts
) -> None:
    path = obligations_dir / "obligations" / "acme.yaml"
    text = DOC_HEAD + "sections:\n- id: '1'\n  title: Oversight\n- Data\n"
    assert _refusal(_catalog, obligations_dir, concepts, text) == f"{path}: sections: section 2 is not a mapping"


def test_a_section_id_used_twice_is_refused_on_the_second(obligations_dir: Path, concepts: Concepts) -> None:
    path = obligations_dir / "obligations" / "acme.yaml"
    text = DOC_HEAD + SECTION_1 + "- id: '1'\n  title: Again\n"
    assert _refusal(_catalog, obligations_dir, concepts, text) == f"{path}:8: id: duplicate section id '1'"


def test_an_obligation_is_typed_labelled_and_placed_in_its_document_and_section(
    obligations_dir: Path, concepts: Concepts
) -> None:
    cat = _catalog(obligations_dir, concepts, DOC_HEAD + SECTION_1 + _obligation())
    g, o = cat.graph, obl("A-1-01")
    assert cat.obligation_ids == {"A-1-01"}
    assert objects(g, o, RDF.type) == {CG.Obligation, DPV.Obligation}  # mandatory's rule type
    assert objects(g, o, DCTERMS.identifier) == {Literal("A-1-01")}
    assert objects(g, o, RDFS.label) == {Literal("A-1-01: Staff shall review outputs.")}
    assert objects(g, o, CG.fromDocument) == {URIRef(entity_iri("document", "acme-policy"))}
    assert objects(g, o, CG.inSection) == {URIRef(entity_iri("section", "acme-policy/1"))}
    assert objects(g, o, CG.modality) == {CG.Mandatory}


def test_a_modality_without_a_rule_type_adds_no_second_type(obligations_dir: Path, concepts: Concepts) -> None:
    text = DOC_HEAD + SECTION_1 + _obligation().replace("modality: mandatory", "modality: commitment")
    g = _catalog(obligations_dir, concepts, text).graph
    assert objects(g, obl("A-1-01"), RDF.type) == {CG.Obligation}


def test_an_obligation_s_text_is_kept_with_its_whitespace_collapsed(obligations_dir: Path, concepts: Concepts) -> None:
    text = DOC_HEAD + SECTION_1 + _obligation(text="|\n    Staff shall\n    review   outputs.")
    g = _catalog(obligations_dir, concepts, text).graph
    assert objects(g, obl("A-1-01"), CG.sourceText) == {Literal("Staff shall review outputs.")}


def test_an_obligation_in_a_section_given_as_a_number_finds_the_section(
    obligations_dir: Path, concepts: Concepts
) -> None:
    text = DOC_HEAD + SECTION_1 + _obligation().replace("section: '1'", "section: 1")
    g = _catalog(obligations_dir, concepts, text).graph
    assert objects(g, obl("A-1-01"), CG.inSection) == {URIRef(entity_iri("section", "acme-policy/1"))}


def test_an_obligation_in_an_undeclared_section_is_refused(obligations_dir: Path, concepts: Concepts) -> None:
    path = obligations_dir / "obligations" / "acme.yaml"
    text = DOC_HEAD + SECTION_1 + _obligation().replace("section: '1'", "section: '9'")
    assert _refusal(_catalog, obligations_dir, concepts, text) == f"{path}:9: section: unknown section '9'"


def test_an_obligation_that_is_not_a_mapping_is_refused(obligations_dir: Path, concepts: Concepts) -> None:
    path = obligations_dir / "obligations" / "acme.yaml"
    text = DOC_HEAD + SECTION_1 + "obligations:\n- Staff shall review.\n"
    assert _refusal(_catalog, obligations_dir, concepts, text) == (
        f"{path}: obligations: obligation 'Staff shall review.' is not a mapping"
    )


def test_an_obligation_id_used_twice_is_refused_naming_both_lines(obligations_dir: Path, concepts: Concepts) -> None:
    path = obligations_dir / "obligations" / "acme.yaml"
    again = "- id: A-1-01\n  section: '1'\n  text: Again.\n  modality: mandatory\n"
    text = DOC_HEAD + SECTION_1 + _obligation() + again
    assert _refusal(_catalog, obligations_dir, concepts, text) == (
        f"{path}:13: id: duplicate obligation id 'A-1-01' (first on line 9)"
    )


def test_an_unknown_modality_is_refused_naming_the_line(obligations_dir: Path, concepts: Concepts) -> None:
    path = obligations_dir / "obligations" / "acme.yaml"
    text = DOC_HEAD + SECTION_1 + _obligation().replace("modality: mandatory", "modality: maybe")
    assert _refusal(_catalog, obligations_dir, concepts, text).startswith(
        f"{path}:9: modality: unknown modality 'maybe' (one of: "
    )


def test_an_obligation_s_topic_addressee_and_risk_are_concepts(obligations_dir: Path, concepts: Concepts) -> None:
    extra = "  topic: transparency\n  addressee: deployer\n  applies_to_risk: high\n"
    g = _catalog(obligations_dir, concepts, DOC_HEAD + SECTION_1 + _obligation(extra)).graph
    o = obl("A-1-01")
    assert objects(g, o, CG.topic) == {CG.TopicTransparency}
    assert objects(g, o, CG.addressee) == {CG.RoleDeployer}
    assert objects(g, o, CG.appliesToRiskLevel) == {CG.RiskHigh}


@pytest.mark.parametrize(
    ("field", "value", "kind"),
    [("topic", "weather", "topic"), ("addressee", "robot", "role"), ("applies_to_risk", "extreme", "risk")],
)
def test_an_unknown_topic_addressee_or_risk_is_refused_naming_its_field(
    obligations_dir: Path, concepts: Concepts, field: str, value: str, kind: str
) -> None:
    path = obligations_dir / "obligations" / "acme.yaml"
    text = DOC_HEAD + SECTION_1 + _obligation(f"  {field}: {value}\n")
    assert _refusal(_catalog, obligations_dir, concepts, text).startswith(
        f"{path}:9: {field}: unknown {kind} '{value}' (one of: "
    )


def test_an_obligation_without_topic_addressee_or_risk_records_none(obligations_dir: Path, concepts: Concepts) -> None:
    g = _catalog(obligations_dir, concepts, DOC_HEAD + SECTION_1 + _obligation()).graph
    o = obl("A-1-01")
    assert objects(g, o, CG.topic) | objects(g, o, CG.addressee) | objects(g, o, CG.appliesToRiskLevel) == set()
    assert objects(g, o, CG.sourceLine) == set()


@pytest.mark.parametrize("line", [1, 42])
def test_an_obligation_s_source_line_is_kept(obligations_dir: Path, concepts: Concepts, line: int) -> None:
    g = _catalog(obligations_dir, concepts, DOC_HEAD + SECTION_1 + _obligation(f"  line: {line}\n")).graph
    assert objects(g, obl("A-1-01"), CG.sourceLine) == {Literal(line)}


@pytest.mark.parametrize("line", ["0", "-3", "true", "'12'"])
def test_a_source_line_that_is_not_a_positive_whole_number_is_refused(
    obligations_dir: Path, concepts: Concepts, line: str
) -> None:
    path = obligations_dir / "obligations" / "acme.yaml"
    shown = {"0": "0", "-3": "-3", "true": "True", "'12'": "'12'"}[line]
    text = DOC_HEAD + SECTION_1 + _obligation(f"  line: {line}\n")
    assert _refusal(_catalog, obligations_dir, concepts, text) == (
        f"{path}:9: line: expected a line number, got {shown}"
    )


def test_an_obligation_s_provision_parts_are_kept_as_text(obligations_dir: Path, concepts: Concepts) -> None:
    extra = "  ref: 27(1)(b)\n  article: 27\n  paragraph: '1'\n  point: b\n  subpoint: 'ii   a'\n"
    g = _catalog(obligations_dir, concepts, DOC_HEAD + SECTION_1 + _obligation(extra)).graph
    o = obl("A-1-01")
    assert objects(g, o, DCTERMS.bibliographicCitation) == {Literal("27(1)(b)")}
    assert objects(g, o, CG.article) == {Literal("27")}
    assert objects(g, o, CG.paragraph) == {Literal("1")}
    assert objects(g, o, CG.point) == {Literal("b")}
    assert objects(g, o, CG.subpoint) == {Literal("ii a")}


def test_an_empty_provision_part_is_left_out(obligations_dir: Path, concepts: Concepts) -> None:
    g = _catalog(obligations_dir, concepts, DOC_HEAD + SECTION_1 + _obligation("  article: ''\n  point: b\n")).graph
    assert objects(g, obl("A-1-01"), CG.article) == set()
    assert objects(g, obl("A-1-01"), CG.point) == {Literal("b")}


@pytest.mark.parametrize(("value", "shown"), [("true", "True"), ("[1, 2]", "[1, 2]"), ("1.5", "1.5")])
def test_a_provision_part_that_is_not_text_or_a_whole_number_is_refused(
    obligations_dir: Path, concepts: Concepts, value: str, shown: str
) -> None:
    path = obligations_dir / "obligations" / "acme.yaml"
    text = DOC_HEAD + SECTION_1 + _obligation(f"  point: {value}\n")
    assert _refusal(_catalog, obligations_dir, concepts, text) == (
        f"{path}:9: point: expected text or a whole number, got {shown}"
    )


def test_a_short_label_keeps_text_of_up_to_90_characters_whole() -> None:
    text = "x" * 90
    assert catalog._short_label("O-1", text) == f"O-1: {text}"


def test_a_longer_text_is_cut_at_the_last_word_that_fits_with_an_ellipsis() -> None:
    text = "word " * 17 + "abcdefghij"  # 85 characters, then 10 more
    assert catalog._short_label("O-1", text) == "O-1: " + ("word " * 17).strip() + "…"


def test_a_text_of_91_characters_is_cut() -> None:
    text = "a" * 80 + " " + "b" * 10  # 91 characters: cut to the first word
    assert catalog._short_label("O-1", text) == "O-1: " + "a" * 80 + "…"


def test_a_short_label_of_89_characters_and_a_cut_word_keeps_the_89() -> None:
    text = "a" * 88 + " bb"  # 91: the first 89 end with a space, so the cut drops only the space
    assert catalog._short_label("O-1", text) == "O-1: " + "a" * 88 + "…"


# --- controls ---------------------------------------------------------------------------------------------

CONTROL = "controls:\n  - id: CTL-1\n    title: Oversight\n    type: human-oversight\n"


def _controls(tmp_path: Path, concepts: Concepts, text: str) -> tuple[Graph, set[str]]:
    return catalog.controls_graph(_write(tmp_path / "controls.yaml", text), concepts)


def test_a_control_is_typed_labelled_and_given_its_control_type(tmp_path: Path, concepts: Concepts) -> None:
    g, ids = _controls(tmp_path, concepts, CONTROL)
    assert ids == {"CTL-1"}
    assert objects(g, ctl("CTL-1"), RDF.type) == {CG.Control}
    assert objects(g, ctl("CTL-1"), DCTERMS.identifier) == {Literal("CTL-1")}
    assert objects(g, ctl("CTL-1"), RDFS.label) == {Literal("Oversight")}
    assert objects(g, ctl("CTL-1"), CG.controlType) == {CG.HumanOversight}


def test_a_control_s_scope_is_system_unless_it_says_organisation(tmp_path: Path, concepts: Concepts) -> None:
    text = CONTROL + "  - id: CTL-2\n    title: Literacy\n    type: ai-literacy\n    scope: organisation\n"
    g, _ = _controls(tmp_path, concepts, text)
    assert objects(g, ctl("CTL-1"), CG.scope) == {CG.SystemScope}
    assert objects(g, ctl("CTL-2"), CG.scope) == {CG.OrganisationScope}


@pytest.mark.parametrize(("scope", "shown"), [("team", "'team'"), ("[system]", "['system']")])
def test_an_unknown_scope_is_refused_naming_the_two_scopes(
    tmp_path: Path, concepts: Concepts, scope: str, shown: str
) -> None:
    path = tmp_path / "controls.yaml"
    assert _refusal(_controls, tmp_path, concepts, CONTROL + f"    scope: {scope}\n") == (
        f"{path}:2: scope: unknown scope {shown} (system or organisation)"
    )


def test_a_control_s_owner_is_kept_as_text(tmp_path: Path, concepts: Concepts) -> None:
    g, _ = _controls(tmp_path, concepts, CONTROL + "    owner: 42\n")
    assert objects(g, ctl("CTL-1"), CG.controlOwner) == {Literal("42")}


def test_a_control_without_description_or_owner_records_neither(tmp_path: Path, concepts: Concepts) -> None:
    g, _ = _controls(tmp_path, concepts, CONTROL)
    assert objects(g, ctl("CTL-1"), DCTERMS.description) | objects(g, ctl("CTL-1"), CG.controlOwner) == set()


def test_an_unknown_control_type_is_refused_naming_its_line(tmp_path: Path, concepts: Concepts) -> None:
    path = tmp_path / "controls.yaml"
    text = CONTROL.replace("human-oversight", "magic")
    assert _refusal(_controls, tmp_path, concepts, text).startswith(
        f"{path}:2: type: unknown control-type 'magic' (one of: "
    )


def test_a_control_entry_that_is_not_a_mapping_is_refused(tmp_path: Path, concepts: Concepts) -> None:
    path = tmp_path / "controls.yaml"
    assert _refusal(_controls, tmp_path, concepts, "controls:\n  - CTL-1\n") == (
        f"{path}: control entry 'CTL-1' is not a mapping"
    )


def test_a_control_id_used_twice_is_refused(tmp_path: Path, concepts: Concepts) -> None:
    path = tmp_path / "controls.yaml"
    text = CONTROL + "  - id: CTL-1\n    title: Again\n    type: human-oversight\n"
    assert _refusal(_controls, tmp_path, concepts, text) == (
        f"{path}:5: id: duplicate control id 'CTL-1' (first on line 2)"
    )


# --- reading SSSOM ----------------------------------------------------------------------------------------


def _sssom(tmp_path: Path, text: str) -> Path:
    return _write(tmp_path / "m.sssom.tsv", text)


def test_an_sssom_file_that_is_not_utf8_is_refused_as_unreadable(tmp_path: Path) -> None:
    bad = tmp_path / "m.sssom.tsv"
    bad.write_bytes(SSSOM_HEAD.encode() + b"ex:\xe9\tskos:exactMatch\tex:b\tsemapv:x\n")
    assert _refusal(catalog.read_sssom, bad).startswith(f"{bad}: cannot read: ")


def test_an_sssom_metadata_block_is_read_as_yaml(tmp_path: Path) -> None:
    meta, rows = catalog.read_sssom(_sssom(tmp_path, SSSOM_HEAD))
    assert meta == {"curie_map": {"ex": "http://example.org/"}, "mapping_set_id": "http://example.org/set"}
    assert rows == []


def test_an_sssom_file_without_metadata_has_empty_metadata(tmp_path: Path) -> None:
    meta, _ = catalog.read_sssom(_sssom(tmp_path, "subject_id\tpredicate_id\tobject_id\tmapping_justification\n"))
    assert meta == {}


def test_an_sssom_metadata_block_that_is_not_yaml_names_its_line(tmp_path: Path) -> None:
    tsv = _sssom(tmp_path, "# a: 1\n# b: [1\n# c: 2\n" + SSSOM_HEAD.splitlines()[-1] + "\n")
    assert _refusal(catalog.read_sssom, tsv).startswith(f"{tsv}:3: SSSOM metadata block is not YAML: ")


def test_an_sssom_metadata_block_that_is_a_list_is_refused_on_line_1(tmp_path: Path) -> None:
    tsv = _sssom(tmp_path, "# - a\n# - b\n" + SSSOM_HEAD.splitlines()[-1] + "\n")
    assert _refusal(catalog.read_sssom, tsv) == (
        f"{tsv}:1: SSSOM metadata block is not a mapping of fields (got ['a', 'b'])"
    )


def test_an_sssom_header_missing_required_columns_is_refused_naming_them_and_its_line(tmp_path: Path) -> None:
    tsv = _sssom(tmp_path, "# mapping_set_id: http://example.org/set\nsubject_id\tobject_id\n")
    assert _refusal(catalog.read_sssom, tsv) == f"{tsv}:2: missing column(s) predicate_id, mapping_justification"


def test_an_empty_sssom_file_is_refused_for_its_missing_columns(tmp_path: Path) -> None:
    tsv = _sssom(tmp_path, "")
    assert _refusal(catalog.read_sssom, tsv) == (
        f"{tsv}:1: missing column(s) subject_id, predicate_id, object_id, mapping_justification"
    )


def test_an_sssom_row_is_read_with_its_line_and_every_column_trimmed(tmp_path: Path) -> None:
    head = (
        "# mapping_set_id: x\n"
        + "\t".join(
            [
                "subject_id",
                "predicate_id",
                "object_id",
                "mapping_justification",
                "confidence",
                "author_id",
                "author_label",
                "mapping_date",
                "comment",
                "subject_label",
                "object_label",
                "predicate_modifier",
            ]
        )
        + "\n"
    )
    row = "\t".join(
        [
            " ex:a ",
            " skos:closeMatch ",
            " ex:b ",
            " semapv:M ",
            " 0.5 ",
            " orcid:1 ",
            " Ann ",
            " 2026-01-02 ",
            " ok ",
            " A ",
            " B ",
            " Not ",
        ]
    )
    _, rows = catalog.read_sssom(_sssom(tmp_path, head + row + "\n"))
    assert rows == [
        catalog.MappingRow(
            line=3,
            subject="ex:a",
            predicate="skos:closeMatch",
            object="ex:b",
            justification="semapv:M",
            confidence=0.5,
            author="orcid:1",
            mapping_date="2026-01-02",
            comment="ok",
            subject_label="A",
            author_label="Ann",
            object_label="B",
            negated=True,
        )
    ]


def test_an_sssom_row_without_optional_columns_has_empty_values(tmp_path: Path) -> None:
    _, rows = catalog.read_sssom(_sssom(tmp_path, SSSOM_HEAD + "ex:a\tskos:exactMatch\tex:b\tsemapv:M\n"))
    assert rows == [
        catalog.MappingRow(
            line=5,
            subject="ex:a",
            predicate="skos:exactMatch",
            object="ex:b",
            justification="semapv:M",
            confidence=None,
            author="",
            mapping_date="",
            comment="",
        )
    ]


def test_rows_are_numbered_by_their_line_in_the_file(tmp_path: Path) -> None:
    body = "ex:a\tskos:exactMatch\tex:b\tsemapv:M\nex:c\tskos:exactMatch\tex:d\tsemapv:M\n"
    _, rows = catalog.read_sssom(_sssom(tmp_path, SSSOM_HEAD + body))
    assert [r.line for r in rows] == [5, 6]


def test_a_predicate_modifier_other_than_not_leaves_the_mapping_asserted(tmp_path: Path) -> None:
    head = SSSOM_HEAD.rstrip("\n") + "\tpredicate_modifier\n"
    _, rows = catalog.read_sssom(_sssom(tmp_path, head + "ex:a\tskos:exactMatch\tex:b\tsemapv:M\tnot\n"))
    assert rows[0].negated is False


@pytest.mark.parametrize(("conf", "value"), [("0", 0.0), ("1", 1.0), ("  ", None)])
def test_a_confidence_from_0_to_1_is_kept_and_a_blank_one_is_none(tmp_path: Path, conf: str, value: object) -> None:
    head = SSSOM_HEAD.rstrip("\n") + "\tconfidence\n"
    _, rows = catalog.read_sssom(_sssom(tmp_path, head + f"ex:a\tskos:exactMatch\tex:b\tsemapv:M\t{conf}\n"))
    assert rows[0].confidence == value


@pytest.mark.parametrize(
    ("conf", "message"),
    [("1.01", "1.01 is outside 0..1"), ("-0.1", "-0.1 is outside 0..1"), ("high", "'high' is not a number")],
)
def test_a_confidence_outside_0_to_1_or_not_a_number_is_refused(tmp_path: Path, conf: str, message: str) -> None:
    head = SSSOM_HEAD.rstrip("\n") + "\tconfidence\n"
    tsv = _sssom(tmp_path, head + f"ex:a\tskos:exactMatch\tex:b\tsemapv:M\t{conf}\n")
    assert _refusal(catalog.read_sssom, tsv) == f"{tsv}:5: confidence: {message}"


def test_a_required_value_of_only_spaces_is_missing(tmp_path: Path) -> None:
    tsv = _sssom(tmp_path, SSSOM_HEAD + "ex:a\tskos:exactMatch\tex:b\t  \n")
    assert _refusal(catalog.read_sssom, tsv) == f"{tsv}:5: mapping_justification: missing value"


def test_a_row_with_too_few_cells_is_refused_for_the_first_missing_column(tmp_path: Path) -> None:
    tsv = _sssom(tmp_path, SSSOM_HEAD + "ex:a\tskos:exactMatch\n")
    assert _refusal(catalog.read_sssom, tsv) == f"{tsv}:5: object_id: missing value"


# --- SSSOM mapping sets into RDF --------------------------------------------------------------------------

OBL_CTL_HEAD = (
    "# curie_map:\n#   ex: http://example.org/\n# mapping_set_id: http://example.org/set\n"
    "subject_id\tpredicate_id\tobject_id\tmapping_justification\n"
)


def _row(subject: str, predicate: str, obj: str, justification: str = "semapv:ManualMappingCuration") -> str:
    return f"{subject}\t{predicate}\t{obj}\t{justification}\n"


def _mappings(
    tmp_path: Path,
    body: str,
    head: str = OBL_CTL_HEAD,
    obligations: set[str] | None = None,
    controls: set[str] | None = None,
) -> Graph:
    return catalog.mappings_graph(_write(tmp_path / "m.sssom.tsv", head + body), obligations, controls)


def _nodes(g: Graph) -> list[URIRef]:
    return sorted(g.subjects(CG.mappingSubject, None))


def test_an_obligation_mapped_to_a_control_is_satisfied_by_it_and_the_row_becomes_a_control_mapping(
    tmp_path: Path,
) -> None:
    g = _mappings(tmp_path, _row("obl:O-1", "skos:closeMatch", "ctl:C-1"))
    assert objects(g, obl("O-1"), CG.satisfiedBy) == {ctl("C-1")}
    assert objects(g, obl("O-1"), SKOS.closeMatch) == {ctl("C-1")}
    [node] = _nodes(g)
    assert objects(g, node, RDF.type) == {CG.ControlMapping}
    assert (objects(g, node, CG.mappingSubject), objects(g, node, CG.mappingPredicate)) == (
        {obl("O-1")},
        {SKOS.closeMatch},
    )
    assert objects(g, node, CG.mappingObject) == {ctl("C-1")}
    assert objects(g, node, CG.mappingJustification) == {SEMAPV.ManualMappingCuration}
    assert objects(g, node, DCTERMS.isPartOf) == {URIRef("http://example.org/set")}


def test_a_mapping_row_s_node_is_named_by_a_digest_of_subject_predicate_and_object(tmp_path: Path) -> None:
    g = _mappings(tmp_path, _row("obl:O-1", "skos:closeMatch", "ctl:C-1"))
    key = f"{obl('O-1')}|{SKOS.closeMatch}|{ctl('C-1')}"
    assert _nodes(g) == [URIRef(entity_iri("mapping", hashlib.sha1(key.encode()).hexdigest()[:16]))]


def test_an_exact_match_to_a_control_satisfies_without_asserting_skos_exact_match(tmp_path: Path) -> None:
    g = _mappings(tmp_path, _row("obl:O-1", "skos:exactMatch", "ctl:C-1"))
    assert objects(g, obl("O-1"), CG.satisfiedBy) == {ctl("C-1")}
    assert objects(g, obl("O-1"), SKOS.exactMatch) == set()
    assert objects(g, _nodes(g)[0], CG.mappingPredicate) == {SKOS.exactMatch}


def test_an_exact_match_between_obligations_is_asserted_and_the_row_is_an_obligation_mapping(tmp_path: Path) -> None:
    g = _mappings(tmp_path, _row("obl:O-1", "skos:exactMatch", "obl:O-2"))
    assert objects(g, obl("O-1"), SKOS.exactMatch) == {obl("O-2")}
    assert objects(g, obl("O-1"), CG.satisfiedBy) == set()
    assert objects(g, _nodes(g)[0], RDF.type) == {CG.ObligationMapping}


def test_a_mapping_to_something_else_is_recorded_but_satisfies_nothing(tmp_path: Path) -> None:
    g = _mappings(tmp_path, _row("obl:O-1", "skos:relatedMatch", "ex:thing"))
    assert objects(g, obl("O-1"), SKOS.relatedMatch) == {URIRef("http://example.org/thing")}
    assert list(g.triples((None, CG.satisfiedBy, None))) == []
    assert objects(g, _nodes(g)[0], RDF.type) == {CG.ControlMapping}


@pytest.mark.parametrize("predicate", ["skos:closeMatch", "skos:exactMatch"])
def test_a_control_of_a_restated_obligation_satisfies_the_restatement_both_ways(tmp_path: Path, predicate: str) -> None:
    body = (
        _row("obl:A", predicate, "obl:B")
        + _row("obl:A", "skos:closeMatch", "ctl:C-A")
        + _row("obl:B", "skos:closeMatch", "ctl:C-B")
    )
    g = _mappings(tmp_path, body)
    assert objects(g, obl("A"), CG.satisfiedBy) == {ctl("C-A"), ctl("C-B")}
    assert objects(g, obl("B"), CG.satisfiedBy) == {ctl("C-A"), ctl("C-B")}


def test_a_broader_obligation_does_not_pass_its_control_on(tmp_path: Path) -> None:
    body = _row("obl:A", "skos:broadMatch", "obl:B") + _row("obl:A", "skos:closeMatch", "ctl:C-A")
    g = _mappings(tmp_path, body)
    assert objects(g, obl("B"), CG.satisfiedBy) == set()


def test_a_control_passes_one_restatement_not_along_a_chain(tmp_path: Path) -> None:
    body = (
        _row("obl:A", "skos:closeMatch", "obl:B")
        + _row("obl:B", "skos:closeMatch", "obl:C")
        + _row("obl:A", "skos:closeMatch", "ctl:C-A")
    )
    g = _mappings(tmp_path, body)
    assert objects(g, obl("B"), CG.satisfiedBy) == {ctl("C-A")}
    assert objects(g, obl("C"), CG.satisfiedBy) == set()


def test_a_rejected_mapping_is_left_out_of_the_graph(tmp_path: Path) -> None:
    head = OBL_CTL_HEAD.rstrip("\n") + "\tpredicate_modifier\n"
    g = _mappings(tmp_path, _row("obl:O-1", "skos:closeMatch", "ctl:C-1").rstrip("\n") + "\tNot\n", head)
    assert list(g.triples((None, CG.satisfiedBy, None))) == []
    assert _nodes(g) == []


def test_an_unsupported_predicate_is_refused_listing_the_supported_ones(tmp_path: Path) -> None:
    tsv = tmp_path / "m.sssom.tsv"
    assert _refusal(_mappings, tmp_path, _row("obl:O-1", "owl:sameAs", "ctl:C-1")) == (
        f"{tsv}:5: predicate_id: unsupported predicate 'owl:sameAs' (one of skos:exactMatch, skos:closeMatch, "
        "skos:broadMatch, skos:narrowMatch, skos:relatedMatch)"
    )


@pytest.mark.parametrize(
    ("row", "field"),
    [(("zz:a", "skos:closeMatch", "ctl:C-1"), "subject_id"), (("obl:O-1", "skos:closeMatch", "nocolon"), "object_id")],
)
def test_a_curie_of_an_unknown_prefix_is_refused_naming_its_column(
    tmp_path: Path, row: tuple[str, str, str], field: str
) -> None:
    tsv = tmp_path / "m.sssom.tsv"
    curie = row[0] if field == "subject_id" else row[2]
    assert _refusal(_mappings, tmp_path, _row(*row)) == f"{tsv}:5: {field}: cannot expand {curie!r}: unknown prefix"


def test_an_unknown_justification_prefix_is_refused_naming_the_column(tmp_path: Path) -> None:
    tsv = tmp_path / "m.sssom.tsv"
    assert _refusal(_mappings, tmp_path, _row("obl:O-1", "skos:closeMatch", "ctl:C-1", "zz:Guess")) == (
        f"{tsv}:5: mapping_justification: cannot expand 'zz:Guess': unknown prefix"
    )


def test_iris_and_the_file_s_own_prefixes_expand_and_semapv_is_known_without_declaring_it(tmp_path: Path) -> None:
    head = "# curie_map:\n#   my: http://mine.example/\n" + OBL_CTL_HEAD.split("\n", 3)[3]
    g = _mappings(tmp_path, _row("http://x.example/o", "skos:closeMatch", "my:c", "semapv:LexicalMatching"), head)
    [node] = _nodes(g)
    assert objects(g, node, CG.mappingSubject) == {URIRef("http://x.example/o")}
    assert objects(g, node, CG.mappingObject) == {URIRef("http://mine.example/c")}
    assert objects(g, node, CG.mappingJustification) == {SEMAPV.LexicalMatching}


def test_a_file_s_prefix_wins_over_a_built_in_one_of_the_same_name(tmp_path: Path) -> None:
    head = "# curie_map:\n#   ctl: http://theirs.example/\n" + OBL_CTL_HEAD.split("\n", 3)[3]
    g = _mappings(tmp_path, _row("obl:O-1", "skos:closeMatch", "ctl:C-1"), head)
    assert objects(g, obl("O-1"), SKOS.closeMatch) == {URIRef("http://theirs.example/C-1")}


def test_a_mapping_naming_an_unknown_obligation_is_refused_when_the_obligations_are_known(tmp_path: Path) -> None:
    tsv = tmp_path / "m.sssom.tsv"
    body = _row("obl:O-1", "skos:closeMatch", "ctl:C-1") + _row("obl:O-9", "skos:closeMatch", "ctl:C-1")
    assert _refusal(_mappings, tmp_path, body, OBL_CTL_HEAD, {"O-1"}, {"C-1"}) == (
        f"{tsv}:6: subject_id: unknown obligation 'obl:O-9'"
    )


def test_a_mapping_naming_an_unknown_control_is_refused_when_the_controls_are_known(tmp_path: Path) -> None:
    tsv = tmp_path / "m.sssom.tsv"
    assert (
        _refusal(_mappings, tmp_path, _row("obl:O-1", "skos:closeMatch", "ctl:C-9"), OBL_CTL_HEAD, {"O-1"}, {"C-1"})
        == f"{tsv}:5: object_id: unknown control 'ctl:C-9'"
    )


def test_a_restatement_of_an_unknown_obligation_is_refused(tmp_path: Path) -> None:
    tsv = tmp_path / "m.sssom.tsv"
    assert (
        _refusal(_mappings, tmp_path, _row("obl:O-1", "skos:closeMatch", "obl:O-9"), OBL_CTL_HEAD, {"O-1"}, {"C-1"})
        == f"{tsv}:5: object_id: unknown obligation 'obl:O-9'"
    )


def test_known_obligations_and_controls_are_accepted_and_other_subjects_are_not_checked(tmp_path: Path) -> None:
    body = (
        _row("obl:O-1", "skos:closeMatch", "ctl:C-1")
        + _row("obl:O-1", "skos:closeMatch", "obl:O-2")
        + _row("ex:other", "skos:relatedMatch", "ex:thing")
    )
    g = _mappings(tmp_path, body, OBL_CTL_HEAD, {"O-1", "O-2"}, {"C-1"})
    assert objects(g, obl("O-2"), CG.satisfiedBy) == {ctl("C-1")}


def test_without_known_lists_any_obligation_and_control_is_accepted(tmp_path: Path) -> None:
    g = _mappings(
        tmp_path, _row("obl:O-9", "skos:closeMatch", "obl:O-8") + _row("obl:O-9", "skos:closeMatch", "ctl:C-9")
    )
    assert objects(g, obl("O-8"), CG.satisfiedBy) == {ctl("C-9")}


def test_a_mapping_set_is_named_and_titled_by_its_metadata(tmp_path: Path) -> None:
    head = (
        "# mapping_set_id: http://example.org/set\n# mapping_set_title: Crosswalk\n"
        "# license: https://creativecommons.org/licenses/by/4.0/\n"
    ) + OBL_CTL_HEAD.split("\n", 3)[3]
    g = _mappings(tmp_path, "", head)
    s = URIRef("http://example.org/set")
    assert objects(g, s, RDF.type) == {CG.MappingSet}
    assert objects(g, s, RDFS.label) == {Literal("Crosswalk")}
    assert objects(g, s, DCTERMS.license) == {URIRef("https://creativecommons.org/licenses/by/4.0/")}


def test_a_mapping_set_without_id_or_title_is_named_by_its_file(tmp_path: Path) -> None:
    g = _mappings(tmp_path, "", OBL_CTL_HEAD.split("\n", 3)[3])
    path = tmp_path / "m.sssom.tsv"
    s = URIRef(path.resolve().as_uri())
    assert objects(g, s, RDF.type) == {CG.MappingSet}
    assert objects(g, s, RDFS.label) == {Literal("m.sssom.tsv")}
    assert objects(g, s, DCTERMS.license) == set()


def test_a_curie_map_that_is_not_a_mapping_is_refused_on_line_1(tmp_path: Path) -> None:
    tsv = tmp_path / "m.sssom.tsv"
    assert _refusal(_mappings, tmp_path, "", "# curie_map: [ex]\n" + OBL_CTL_HEAD.split("\n", 3)[3]) == (
        f"{tsv}:1: curie_map: expected a mapping of prefix: IRI, got ['ex']"
    )


def _full_head(extra_meta: str = "", columns: str = "") -> str:
    return (
        "# curie_map:\n#   orcid: https://orcid.org/\n# mapping_set_id: http://example.org/set\n"
        + extra_meta
        + "subject_id\tpredicate_id\tobject_id\tmapping_justification"
        + columns
        + "\n"
    )


def test_a_row_s_confidence_date_and_comment_are_kept(tmp_path: Path) -> None:
    head = _full_head(columns="\tconfidence\tmapping_date\tcomment")
    g = _mappings(
        tmp_path, _row("obl:O-1", "skos:closeMatch", "ctl:C-1").rstrip("\n") + "\t0.8\t2026-01-02\tok\n", head
    )
    [node] = _nodes(g)
    assert objects(g, node, CG.confidence) == {Literal("0.8", datatype=XSD.decimal)}
    assert objects(g, node, DCTERMS.date) == {Literal("2026-01-02", datatype=XSD.date)}
    assert objects(g, node, RDFS.comment) == {Literal("ok")}


def test_a_row_without_confidence_date_comment_or_author_records_none(tmp_path: Path) -> None:
    g = _mappings(tmp_path, _row("obl:O-1", "skos:closeMatch", "ctl:C-1"))
    [node] = _nodes(g)
    assert {p for p in g.predicates(node)} == {
        RDF.type,
        CG.mappingSubject,
        CG.mappingPredicate,
        CG.mappingObject,
        CG.mappingJustification,
        DCTERMS.isPartOf,
    }


def test_a_mapping_date_that_is_not_a_date_is_refused_naming_the_row(tmp_path: Path) -> None:
    tsv = tmp_path / "m.sssom.tsv"
    head = _full_head(columns="\tmapping_date")
    assert (
        _refusal(_mappings, tmp_path, _row("obl:O-1", "skos:closeMatch", "ctl:C-1").rstrip("\n") + "\tsoon\n", head)
        == f"{tsv}:5: mapping_date: 'soon' is not a date"
    )


def _creator(tmp_path: Path, author: str, meta: str = "", label: str | None = None) -> tuple[Graph, URIRef]:
    columns = "\tauthor_id" + ("\tauthor_label" if label is not None else "")
    cells = f"\t{author}" + (f"\t{label}" if label is not None else "")
    g = _mappings(
        tmp_path, _row("obl:O-1", "skos:closeMatch", "ctl:C-1").rstrip("\n") + cells + "\n", _full_head(meta, columns)
    )
    [agent] = objects(g, _nodes(g)[0], DCTERMS.creator)
    return g, agent


def test_an_author_curie_is_named_by_its_author_label(tmp_path: Path) -> None:
    g, agent = _creator(tmp_path, "orcid:0000-1", label="Ann Smith")
    assert agent == URIRef("https://orcid.org/0000-1")
    assert objects(g, agent, RDF.type) == {PROV.Agent}
    assert objects(g, agent, RDFS.label) == {Literal("Ann Smith")}


def test_an_author_curie_without_a_label_is_named_by_the_set_s_creator_label(tmp_path: Path) -> None:
    meta = "# creator_id:\n#   - orcid:0000-1\n#   - orcid:0000-2\n# creator_label:\n#   - Ann\n#   - Bob\n"
    g, agent = _creator(tmp_path, "orcid:0000-2", meta)
    assert objects(g, agent, RDFS.label) == {Literal("Bob")}


def test_one_creator_may_be_given_without_a_list(tmp_path: Path) -> None:
    g, agent = _creator(tmp_path, "orcid:0000-1", "# creator_id: orcid:0000-1\n# creator_label: Ann\n")
    assert objects(g, agent, RDFS.label) == {Literal("Ann")}


def test_an_author_with_a_built_in_prefix_is_that_iri(tmp_path: Path) -> None:
    _, agent = _creator(tmp_path, "cgagent:ann")
    assert agent == URIRef(agent_iri("ann"))


def test_an_author_iri_over_http_is_that_agent(tmp_path: Path) -> None:
    _, agent = _creator(tmp_path, "http://people.example/ann")
    assert agent == URIRef("http://people.example/ann")


def test_a_free_text_author_becomes_a_minted_agent_named_by_it(tmp_path: Path) -> None:
    g, agent = _creator(tmp_path, "Ann Smith")
    assert agent == URIRef(agent_iri("Ann Smith"))
    assert objects(g, agent, RDFS.label) == {Literal("Ann Smith")}


def test_a_free_text_author_with_a_label_is_named_by_the_label(tmp_path: Path) -> None:
    g, agent = _creator(tmp_path, "ann", label="Ann Smith")
    assert agent == URIRef(agent_iri("Ann Smith"))
    assert objects(g, agent, RDFS.label) == {Literal("Ann Smith")}


def test_an_author_with_an_unknown_prefix_is_free_text(tmp_path: Path) -> None:
    g, agent = _creator(tmp_path, "team:ml")
    assert agent == URIRef(agent_iri("team:ml"))
    assert objects(g, agent, RDFS.label) == {Literal("team:ml")}


@pytest.mark.parametrize(("value", "shown"), [("true", "True"), ("{a: 1}", "{'a': 1}")])
def test_a_creator_list_given_as_true_or_a_mapping_is_refused(tmp_path: Path, value: str, shown: str) -> None:
    tsv = tmp_path / "m.sssom.tsv"
    assert _refusal(_mappings, tmp_path, "", _full_head(f"# creator_id: {value}\n")) == (
        f"{tsv}:1: creator_id: expected a list, got {shown}"
    )


@pytest.mark.parametrize(("value", "listed"), [("7", [7]), ("0.5", [0.5]), ("x", ["x"]), ("[a, b]", ["a", "b"])])
def test_a_metadata_list_of_one_value_may_be_written_without_the_list(value: str, listed: list) -> None:
    assert catalog._meta_list(yaml.safe_load(f"k: {value}"), "k", Path("m.tsv")) == listed


def test_a_missing_metadata_list_is_empty() -> None:
    assert catalog._meta_list({}, "k", Path("m.tsv")) == []


# --- organisations ----------------------------------------------------------------------------------------

ORG = URIRef(entity_iri("organisation", "acme"))


def _org(
    tmp_path: Path, concepts: Concepts, text: str, controls: set[str] | None = None, documents: set[str] | None = None
) -> Graph:
    org_id, g = catalog.organisation_graph(_write(tmp_path / "acme.yaml", text), concepts, controls, documents)
    assert org_id == "acme"
    return g


def _org_refusal(tmp_path: Path, concepts: Concepts, text: str, controls: set[str] | None = None) -> str:
    return _refusal(_org, tmp_path, concepts, text, controls)


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


DATASET = "datasets:\n  - id: crm\n    label: CRM export\n"


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


SYSTEM = "systems:\n  - id: bot\n    label: Chatbot\n    risk: high\n"


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


def _evidence(concerns: str = "bot", extra: str = "") -> str:
    return (
        f"evidence:\n  - id: ev1\n    label: Test report\n    control: CTL-1\n    concerns: {concerns}\n"
        f"    issued: 2026-01-01\n    valid_until: 2026-12-31\n    sha256: {DIGEST}\n{extra}"
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


# --- every refusal names the file, the line and the field -------------------------------------------------

ORG_REFUSALS = [
    ("organisation:\n  id: a b\n  name: Acme\n", "2: id: 'a b' is not a valid id (letters, digits, . _ -)"),
    ("organisation:\n  id: acme\n", "2: name: missing required field"),
    (ORG_HEAD + "  roles: deployer\n", "2: roles: expected a list, got 'deployer'"),
    (ORG_HEAD + "  subject_to: eu-ai-act\n", "2: subject_to: expected a list, got 'eu-ai-act'"),
    (ORG_HEAD + "  controls: CTL-1\n", "2: controls: expected a list, got 'CTL-1'"),
    (ORG_HEAD + "datasets: crm\n", "1: datasets: expected a list, got 'crm'"),
    (ORG_HEAD + "datasets:\n  - id: crm\n", "5: label: missing required field"),
    (ORG_HEAD + "systems: bot\n", "1: systems: expected a list, got 'bot'"),
    (ORG_HEAD + "systems:\n  - id: bot\n    label: Bot\n", "5: risk: missing required field"),
    (ORG_HEAD + "systems:\n  - label: Bot\n    risk: high\n", "5: id: missing required field"),
    (ORG_HEAD + SYSTEM + "    last_reviewed: soon\n", "5: last_reviewed: 'soon' is not a date (YYYY-MM-DD)"),
    (ORG_HEAD + SYSTEM + "    trained_on: crm\n", "5: trained_on: expected a list, got 'crm'"),
    (ORG_HEAD + SYSTEM + "    uses: crm\n", "5: uses: expected a list, got 'crm'"),
    (ORG_HEAD + SYSTEM + "    controls: CTL-1\n", "5: controls: expected a list, got 'CTL-1'"),
    (ORG_HEAD + "evidence: ev1\n", "1: evidence: expected a list, got 'ev1'"),
    (ORG_HEAD + "evidence:\n  - id: ev1\n    label: E\n", "5: control: missing required field"),
    (ORG_HEAD + "evidence:\n  - id: ev1\n    label: E\n    control: C\n", "5: concerns: missing required field"),
    (
        ORG_HEAD + _evidence("acme").replace("    issued: 2026-01-01\n", "    issued: soon\n"),
        "5: issued: 'soon' is not a date (YYYY-MM-DD)",
    ),
    (ORG_HEAD + _evidence("acme").replace(f"    sha256: {DIGEST}\n", ""), "5: sha256: missing required field"),
    (ORG_HEAD + "evidence:\n  - ev1\n", "evidence entry 'ev1' is not a mapping"),
]


@pytest.mark.parametrize(("text", "refusal"), ORG_REFUSALS)
def test_each_malformed_organisation_field_is_refused_naming_the_file(
    tmp_path: Path, concepts: Concepts, text: str, refusal: str
) -> None:
    path = tmp_path / "acme.yaml"
    expected = f"{path}:{refusal}" if refusal[0].isdigit() else f"{path}: {refusal}"
    assert _org_refusal(tmp_path, concepts, text) == expected


CATALOG_REFUSALS = [
    (DOC_HEAD.replace("id: acme-policy", "id: a b"), "2: id: 'a b' is not a valid id (letters, digits, . _ -)"),
    (DOC_HEAD.replace("  kind: policy\n", ""), "2: kind: missing required field"),
    (DOC_HEAD.replace("  title: Acme AI policy\n", ""), "2: title: missing required field"),
    (DOC_HEAD + "  issued: soon\n", "2: issued: 'soon' is not a date (YYYY-MM-DD)"),
    (DOC_HEAD + "sections: one\n", "1: sections: expected a list, got 'one'"),
    (DOC_HEAD + "sections:\n- title: S\n", "6: id: missing required field"),
    (DOC_HEAD + "sections:\n- id: '1'\n", "6: title: missing required field"),
    (DOC_HEAD + SECTION_1 + "obligations: one\n", "1: obligations: expected a list, got 'one'"),
    (
        DOC_HEAD + SECTION_1 + _obligation().replace("- id: A-1-01\n  section", "- section"),
        "9: id: missing required field",
    ),
    (DOC_HEAD + SECTION_1 + _obligation().replace("  section: '1'\n", ""), "9: section: missing required field"),
    (
        DOC_HEAD + SECTION_1 + _obligation().replace("  text: Staff shall review outputs.\n", ""),
        "9: text: missing required field",
    ),
    (
        DOC_HEAD + SECTION_1 + _obligation().replace("  modality: mandatory\n", ""),
        "9: modality: missing required field",
    ),
]


@pytest.mark.parametrize(("text", "refusal"), CATALOG_REFUSALS)
def test_each_malformed_catalog_field_is_refused_naming_the_file(
    obligations_dir: Path, concepts: Concepts, text: str, refusal: str
) -> None:
    assert (
        _refusal(_catalog, obligations_dir, concepts, text)
        == f"{obligations_dir / 'obligations' / 'acme.yaml'}:{refusal}"
    )


CONTROL_REFUSALS = [
    ("controls: CTL-1\n", "1: controls: expected a list, got 'CTL-1'"),
    ("controls:\n  - id: CTL-1\n    title: T\n", "2: type: missing required field"),
    ("controls:\n  - title: T\n    type: monitoring\n", "2: id: missing required field"),
]


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
