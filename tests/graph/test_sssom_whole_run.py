"""The catalog readers (graph/catalog.py), one behaviour per test, part two of three: reading SSSOM files
and turning mapping sets into RDF.

Written for the mutants a whole mutation run of graph/catalog.py left alive (tools/mutation.py, group
``catalog-build``; docs/mutation-survivors.md). None builds the demo. Whatever a test asserts is computed in
the test itself, not in a module-scoped fixture, so mutmut credits the test that checks it (see "A pitfall of
mutmut's test attribution" there). Builders shared by the three files: catalogkit.py.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml
from catalogkit import (
    OBL_CTL_HEAD,
    SSSOM_HEAD,
    _creator,
    _full_head,
    _mappings,
    _nodes,
    _refusal,
    _row,
    _sssom,
    ctl,
    objects,
    obl,
)
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from compgraph.graph import catalog
from compgraph.graph.namespaces import CG, SEMAPV, agent_iri, entity_iri


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


def test_an_impossible_date_in_an_sssom_metadata_block_is_refused_naming_its_line(tmp_path: Path) -> None:
    # Found by the twelfth session's whole run: datetime's ValueError escaped read_sssom with no file or line.
    tsv = _sssom(tmp_path, SSSOM_HEAD.replace("# mapping_set_id", "# mapping_date: 2026-13-01\n# mapping_set_id"))
    assert _refusal(catalog.read_sssom, tsv) == (
        f"{tsv}:3: SSSOM metadata block is not YAML: '2026-13-01' is not a date (month must be in 1..12)"
    )


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


def test_a_rejected_mapping_leaves_the_rows_after_it_mapped(tmp_path: Path) -> None:
    head = OBL_CTL_HEAD.rstrip("\n") + "\tpredicate_modifier\n"
    body = _row("obl:O-1", "skos:closeMatch", "ctl:C-1").rstrip("\n") + "\tNot\n"
    body += _row("obl:O-2", "skos:closeMatch", "ctl:C-2").rstrip("\n") + "\t\n"
    g = _mappings(tmp_path, body, head)
    assert list(g.subject_objects(CG.satisfiedBy)) == [(obl("O-2"), ctl("C-2"))]


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
