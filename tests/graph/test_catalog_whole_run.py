"""The catalog readers (graph/catalog.py), one behaviour per test, part one of three: the one-line
InputError, reading YAML, concepts, field helpers, obligation catalogs and controls.

Written for the mutants a whole mutation run of graph/catalog.py left alive (tools/mutation.py, group
``catalog-build``; docs/mutation-survivors.md). None builds the demo. Whatever a test asserts is computed in
the test itself, not in a module-scoped fixture, so mutmut credits the test that checks it (see "A pitfall of
mutmut's test attribution" there). Builders shared by the three files: catalogkit.py.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from catalogkit import (
    CONTROL,
    DOC_HEAD,
    READ_IN_ASCII_LOCALE,
    SECTION_1,
    SSSOM_HEAD,
    _catalog,
    _controls,
    _obligation,
    _refusal,
    _tiny_concepts,
    _write,
    ctl,
    objects,
    obl,
)
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from compgraph.graph import catalog
from compgraph.graph.catalog import Concepts, InputError
from compgraph.graph.namespaces import CG, DPV, entity_iri

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


def test_an_impossible_date_in_yaml_is_refused_naming_its_line(tmp_path: Path) -> None:
    # Found by the twelfth session's whole run: YAML reads 2026-02-30 as a date and datetime's ValueError
    # escaped every reader (a traceback from `compgraph load`, not a line naming the file).
    bad = _write(tmp_path / "day.yaml", "a: 1\nissued: 2026-02-30\n")
    assert _refusal(catalog.load_yaml, bad) == (
        f"{bad}:2: YAML syntax error: '2026-02-30' is not a date (day is out of range for month)"
    )


def test_a_possible_date_in_yaml_is_still_read_as_a_date(tmp_path: Path) -> None:
    assert catalog.load_yaml(_write(tmp_path / "day.yaml", "issued: 2024-02-29\n")) == {"issued": date(2024, 2, 29)}


def test_a_yaml_list_at_the_top_level_is_refused_on_line_1(tmp_path: Path) -> None:
    bad = _write(tmp_path / "list.yaml", "- a\n- b\n")
    assert _refusal(catalog.load_yaml, bad) == f"{bad}:1: expected a mapping at the top level"


def test_each_yaml_mapping_remembers_the_line_it_starts_on(tmp_path: Path) -> None:
    data = catalog.load_yaml(_write(tmp_path / "m.yaml", "top: 1\nitems:\n  - id: a\n  - id: b\n    x: 1\n"))
    assert data.line == 1
    assert [item.line for item in data["items"]] == [3, 4]


def test_yaml_problem_of_an_error_without_a_mark_has_no_line() -> None:
    assert catalog._yaml_problem(yaml.YAMLError("odd   thing\nhere"), "") == (None, "odd thing here")


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


def test_a_word_ending_on_the_90th_character_is_cut_so_the_label_with_its_ellipsis_fits_in_90() -> None:
    text = "a" * 85 + " bbbb " + "c" * 20  # the b's are the 87th to the 90th characters
    label = catalog._short_label("O-1", text)
    assert label == "O-1: " + "a" * 85 + "…"
    assert len(label) <= len("O-1: ") + 90


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
