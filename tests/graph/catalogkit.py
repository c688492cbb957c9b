"""What the catalog readers' whole-run tests share (test_catalog_whole_run.py, test_sssom_whole_run.py,
test_organisation_whole_run.py): the ontology parsed once, a few lines of YAML or SSSOM written to a file, the
one-line refusal they raise, and the IRIs the tests compare."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS

from compgraph.graph import catalog, paths
from compgraph.graph.build import load_concepts
from compgraph.graph.catalog import Concepts, InputError
from compgraph.graph.namespaces import CG, entity_iri

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


READ_IN_ASCII_LOCALE = """
import sys
from pathlib import Path
from compgraph.graph import catalog
yaml_file, tsv_file = Path(sys.argv[1]), Path(sys.argv[2])
print(ascii(catalog.load_yaml(yaml_file)["name"]), ascii(catalog.read_sssom(tsv_file)[1][0].comment))
"""


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


# --- obligation catalogs ----------------------------------------------------------------------------------

DOC_HEAD = "document:\n  id: acme-policy\n  title: Acme AI policy\n  kind: policy\n"


SECTION_1 = "sections:\n- id: '1'\n  title: Oversight\n"


def _obligation(extra: str = "", text: str = "Staff shall review outputs.") -> str:
    return f"obligations:\n- id: A-1-01\n  section: '1'\n  text: {text}\n  modality: mandatory\n{extra}"


def _catalog(tmp_path: Path, concepts: Concepts, text: str) -> catalog.Catalog:
    return catalog.obligations_graph(_write(tmp_path / "obligations" / "acme.yaml", text), concepts)


# --- controls ---------------------------------------------------------------------------------------------

CONTROL = "controls:\n  - id: CTL-1\n    title: Oversight\n    type: human-oversight\n"


def _controls(tmp_path: Path, concepts: Concepts, text: str) -> tuple[Graph, set[str]]:
    return catalog.controls_graph(_write(tmp_path / "controls.yaml", text), concepts)


# --- reading SSSOM ----------------------------------------------------------------------------------------

def _sssom(tmp_path: Path, text: str) -> Path:
    return _write(tmp_path / "m.sssom.tsv", text)


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


def _full_head(extra_meta: str = "", columns: str = "") -> str:
    return (
        "# curie_map:\n#   orcid: https://orcid.org/\n# mapping_set_id: http://example.org/set\n"
        + extra_meta
        + "subject_id\tpredicate_id\tobject_id\tmapping_justification"
        + columns
        + "\n"
    )


def _creator(tmp_path: Path, author: str, meta: str = "", label: str | None = None) -> tuple[Graph, URIRef]:
    columns = "\tauthor_id" + ("\tauthor_label" if label is not None else "")
    cells = f"\t{author}" + (f"\t{label}" if label is not None else "")
    g = _mappings(
        tmp_path, _row("obl:O-1", "skos:closeMatch", "ctl:C-1").rstrip("\n") + cells + "\n", _full_head(meta, columns)
    )
    [agent] = objects(g, _nodes(g)[0], DCTERMS.creator)
    return g, agent


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


DATASET = "datasets:\n  - id: crm\n    label: CRM export\n"


SYSTEM = "systems:\n  - id: bot\n    label: Chatbot\n    risk: high\n"


def _evidence(concerns: str = "bot", extra: str = "") -> str:
    return (
        f"evidence:\n  - id: ev1\n    label: Test report\n    control: CTL-1\n    concerns: {concerns}\n"
        f"    issued: 2026-01-01\n    valid_until: 2026-12-31\n    sha256: {DIGEST}\n{extra}"
    )


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


CONTROL_REFUSALS = [
    ("controls: CTL-1\n", "1: controls: expected a list, got 'CTL-1'"),
    ("controls:\n  - id: CTL-1\n    title: T\n", "2: type: missing required field"),
    ("controls:\n  - title: T\n    type: monitoring\n", "2: id: missing required field"),
]
