"""Mutations of the demo that a compliance check must notice: each one-line change gains a named finding.

Each case edits a copy of the demo (organisation YAML, control catalog, crosswalk, an evidence file, or the
loaded RDF), validates it with both engines and asserts that (1) the two engines report the same findings,
(2) a finding of the expected rule, absent before, names the mutated thing, and (3) the findings listed in
``keeps`` are still there (a mutation must not hide a planted gap).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from demo_copy import Demo, copy_demo, copy_files, obligation, planned
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from compgraph.checks.report import Finding, data_graphs
from compgraph.checks.validate import validate_store
from compgraph.graph.namespaces import CG, entity_iri

AS_OF = date(2026, 11, 22)
ORG_YAML = "mappings/demo/mozart.yaml"

HO = "High-risk AI system has a human-oversight control"
IA = "High-risk AI system has a current impact assessment"
ANNEX = "Annex III AI system is high-risk unless a derogation is documented"
EVIDENCE = "Implemented control has current evidence"
SCOPE = "System-scope control is implemented per system"
MAPPED = "Binding obligation is mapped to a control"
IMPLEMENTED = "Binding obligation is implemented with current evidence"
PERSONAL = "Dataset with personal data has a legal basis and provenance"
CADENCE = "Review cadence by risk level"
INTEGRITY = "Evidence file matches its recorded SHA-256"
# Structure findings come from unnamed property shapes: those cases match the finding's message.
UNKNOWN_CONTROL = "AI system implements a control that is not in the control catalog"
UNKNOWN_DATASET = "AI system is trained on a dataset that is not declared"
NO_SYSTEM_ID = "AI system has no single id"
ORG_UNKNOWN_CONTROL = "Organisation implements a control that is not in the control catalog"
MAPPED_TO_UNKNOWN = "Obligation is mapped to a control that is not in the control catalog"
ONE_MODALITY = "Obligation needs exactly one modality (mandatory, recommended, commitment, permission, prohibition)"
NO_FLAG = "Dataset does not say whether it contains personal data (personal_data: true or false)"
EVIDENCE_UNKNOWN_CONTROL = "Evidence must back exactly one control of the catalog"
MAPPING_UNKNOWN_CONTROL = "Mapping object is not a control of the catalog"
EVIDENCE_DATES = "Evidence is valid after it is issued"
CONCERNS = "Evidence concerns a declared AI system or organisation"
REVIEW_DATE = "AI system has no last review date, so it is reported as overdue for review"


def sys_(i: str) -> URIRef:
    return URIRef(entity_iri("system", i))


def ctl(i: str) -> URIRef:
    return URIRef(entity_iri("control", i))


def ev(i: str) -> URIRef:
    return URIRef(entity_iri("evidence", i))


def ds(i: str) -> URIRef:
    return URIRef(entity_iri("dataset", i))


ORG = URIRef(entity_iri("organisation", "mozart"))


# --- edits ---------------------------------------------------------------------------------------


def yaml_block(item_id: str, change: Callable[[str], str]) -> Callable[[Demo], None]:
    """Edit the block of one list item (``- id: item_id`` up to the next item) of the organisation YAML."""

    def mutate(demo: Demo) -> None:
        def edit(text: str) -> str:
            start = text.index(f"- id: {item_id}\n")
            nxt = re.compile(r"^(- id: |\w)", re.M).search(text, start + 2)
            end = nxt.start() if nxt else len(text)
            return text[:start] + change(text[start:end]) + text[end:]

        demo.edit(ORG_YAML, edit)

    return mutate


def sub(pattern: str, repl: str) -> Callable[[str], str]:
    return lambda text: re.sub(pattern, repl, text, count=1, flags=re.M)


def org_controls(change: Callable[[list[str]], list[str]]) -> Callable[[Demo], None]:
    def mutate(demo: Demo) -> None:
        def edit(text: str) -> str:
            block = re.search(r"^  controls:\n((?:  - .*\n)+)", text, re.M)
            assert block is not None
            ids = [line.removeprefix("  - ") for line in block.group(1).splitlines()]
            new = "".join(f"  - {c}\n" for c in change(ids))
            return text[: block.start(1)] + new + text[block.end(1) :]

        demo.edit(ORG_YAML, edit)

    return mutate


def drop_crosswalk_rows(oid: str) -> Callable[[Demo], None]:
    def mutate(demo: Demo) -> None:
        demo.edit(
            "mappings/crosswalk.sssom.tsv",
            lambda text: "".join(line for line in text.splitlines(True) if not line.startswith(f"obl:{oid}\t")),
        )

    return mutate


def rdf(*triples: tuple) -> Callable[[Demo], None]:
    """Add raw triples to the graph holding their subject (or the organisation's graph)."""

    def mutate(demo: Demo) -> None:
        for t in triples:
            try:
                g = demo.graph_holding(t[0])
            except AssertionError:
                g = demo.graph_holding(ORG)
            g.add(t)

    return mutate


def rdf_set(subject: URIRef, predicate: URIRef, value: URIRef | Literal) -> Callable[[Demo], None]:
    def mutate(demo: Demo) -> None:
        demo.graph_holding(subject).set((subject, predicate, value))

    return mutate


def rdf_remove(subject: URIRef, predicate: URIRef) -> Callable[[Demo], None]:
    def mutate(demo: Demo) -> None:
        g = demo.graph_holding(subject)
        assert (subject, predicate, None) in g
        g.remove((subject, predicate, None))

    return mutate


def evidence_file(name: str, change: Callable[[Path], None]) -> Callable[[Demo], None]:
    # The file changes after the build: what validation must catch is a file edited after its digest was recorded.
    return lambda demo: change(demo.root / "mappings" / "demo" / "evidence" / name)


def both(*mutations: Callable[[Demo], None]) -> Callable[[Demo], None]:
    def mutate(demo: Demo) -> None:
        for m in mutations:
            m(demo)

    return mutate


# --- the table -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    mutate: Callable[[Demo], None]
    rule: str
    names: str  # the new finding's focus, value or message contains this
    keeps: tuple[tuple[str, str], ...] = ()  # (rule, focus id) findings of the demo that must stay
    severity: str = "Violation"


CREDIT_HO = ((HO, "sys-credit-limit"),)
ANOTHER_DIGEST = "ab" * 32

CASES = [
    # Scope: a system-scope control on the organisation covers no system, and is itself reported.
    Case("org-lists-system-oversight", org_controls(lambda ids: [*ids, "CTL-HO-01"]), SCOPE, "CTL-HO-01", CREDIT_HO),
    Case(
        "org-implements-impact-assessment-rdf",
        rdf((ORG, CG.implementsControl, ctl("CTL-IA-01"))),
        SCOPE,
        "CTL-IA-01",
        ((IA, "sys-cv-screener"),),
    ),
    Case(
        "control-catalog-scope-flipped",
        lambda d: d.edit(
            "mappings/controls.yaml", sub(r"(- id: CTL-SU-01\n(?:    .*\n)*?    scope: )organisation", r"\1system")
        ),
        SCOPE,
        "CTL-SU-01",
    ),
    # Annex III: recorded below high risk, still high-risk without a documented derogation.
    Case(
        "annex-iii-credit-limit-as-limited",
        yaml_block("sys-credit-limit", sub(r"risk: high", "risk: limited")),
        ANNEX,
        "sys-credit-limit",
        CREDIT_HO,
    ),
    Case(
        "annex-iii-cv-screener-as-minimal",
        yaml_block("sys-cv-screener", sub(r"risk: high", "risk: minimal")),
        ANNEX,
        "sys-cv-screener",
        ((IA, "sys-cv-screener"),),
    ),
    Case(
        "annex-iii-area-added-to-limited-chatbot",
        rdf((sys_("sys-support-chat"), CG.annexIIIArea, CG.AnnexIIIEmployment)),
        ANNEX,
        "sys-support-chat",
    ),
    Case(
        "annex-iii-limited-chatbot-reviewed-quarterly",
        rdf((sys_("sys-support-chat"), CG.annexIIIArea, CG.AnnexIIIEducation)),
        CADENCE,
        "sys-support-chat",
    ),
    Case(
        "derogation-without-evidence",
        yaml_block(
            "sys-credit-limit",
            lambda b: b.replace("risk: high", "risk: limited").replace(
                "  controls:\n", "  controls:\n  - CTL-DRG-01\n"
            ),
        ),
        ANNEX,
        "sys-credit-limit",
        CREDIT_HO,
    ),
    # Mapped is not implemented.
    Case(
        "sustainability-control-dropped",
        org_controls(lambda ids: [i for i in ids if i != "CTL-SU-01"]),
        IMPLEMENTED,
        "COC-10-01",
    ),
    Case(
        "sustainability-evidence-expired",
        yaml_block("ev-mozart-su-01", sub(r"valid_until: .*", "valid_until: '2026-01-31'")),
        IMPLEMENTED,
        "COC-10-03",
    ),
    Case("sustainability-evidence-removed", yaml_block("ev-mozart-su-01", lambda b: ""), IMPLEMENTED, "COC-10-11"),
    Case("crosswalk-rows-of-mandatory-dropped", drop_crosswalk_rows("COC-04-03"), MAPPED, "COC-04-03"),
    Case("crosswalk-rows-of-prohibition-dropped", drop_crosswalk_rows("RAU-1.3-03"), MAPPED, "RAU-1.3-03"),
    Case("crosswalk-rows-of-commitment-dropped", drop_crosswalk_rows("MOZ-2.1-01"), MAPPED, "MOZ-2.1-01"),
    Case(
        "recommendation-made-mandatory",
        rdf_set(obligation("COC-06-13"), CG.modality, CG.Mandatory),
        MAPPED,
        "COC-06-13",
    ),
    Case("second-modality", rdf((obligation("COC-06-13"), CG.modality, CG.Mandatory)), ONE_MODALITY, "COC-06-13"),
    # Unknown references must resolve to typed, identified nodes.
    Case(
        "system-implements-unknown-control",
        rdf((sys_("sys-credit-limit"), CG.implementsControl, ctl("CTL-HO-99"))),
        UNKNOWN_CONTROL,
        "CTL-HO-99",
        CREDIT_HO,
    ),
    Case(
        "org-implements-unknown-control",
        rdf((ORG, CG.implementsControl, ctl("CTL-GOV-99"))),
        ORG_UNKNOWN_CONTROL,
        "CTL-GOV-99",
    ),
    Case(
        "obligation-satisfied-by-unknown-control",
        rdf((obligation("COC-16-09"), CG.satisfiedBy, ctl("CTL-GOV-99"))),
        MAPPED_TO_UNKNOWN,
        "CTL-GOV-99",
        ((MAPPED, "mozart"),),
    ),
    Case(
        "evidence-for-unknown-control",
        rdf((ev("ev-mozart-gov-01"), CG.evidenceFor, ctl("CTL-GOV-99"))),
        EVIDENCE_UNKNOWN_CONTROL,
        "ev-mozart-gov-01",
    ),
    Case(
        "evidence-concerns-unknown-system",
        rdf((ev("ev-mozart-gov-01"), CG.concerns, sys_("sys-ghost"))),
        CONCERNS,
        "sys-ghost",
    ),
    Case(
        "system-trained-on-undeclared-dataset",
        rdf((sys_("sys-lead-scoring"), CG.trainedOn, ds("ds-ghost"))),
        UNKNOWN_DATASET,
        "ds-ghost",
    ),
    Case(
        "mapping-object-unknown-control",
        lambda d: [
            g.set((m, CG.mappingObject, ctl("CTL-GHOST-01")))
            for g in d.graphs.values()
            for m in list(g.subjects(CG.mappingSubject, obligation("COC-10-01")))
        ],
        MAPPING_UNKNOWN_CONTROL,
        "CTL-GHOST-01",
    ),
    Case(
        "system-without-identifier",
        rdf_remove(sys_("sys-marketing-copy"), DCTERMS.identifier),
        NO_SYSTEM_ID,
        "sys-marketing-copy",
    ),
    # Personal data: unknown is not "no"; used datasets need a basis too.
    Case(
        "personal-data-flag-missing",
        yaml_block("ds-telemetry", sub(r"  personal_data: false\n", "")),
        NO_FLAG,
        "ds-telemetry",
    ),
    Case(
        "used-dataset-has-personal-data",
        yaml_block("ds-customer-vacancies", sub(r"personal_data: false", "personal_data: true")),
        PERSONAL,
        "ds-customer-vacancies",
    ),
    Case(
        "training-data-legal-basis-removed",
        rdf_remove(ds("ds-payment-history"), CG.legalBasis),
        PERSONAL,
        "ds-payment-history",
    ),
    Case(
        "used-dataset-provenance-removed",
        yaml_block("ds-customer-contracts", sub(r"  provenance: .*\n", "")),
        PERSONAL,
        "ds-customer-contracts",
    ),
    # Review cadence: no review date is overdue (and a warning is a warning).
    Case(
        "review-date-missing",
        yaml_block("sys-infra-anomaly", sub(r"  last_reviewed: .*\n", "")),
        CADENCE,
        "sys-infra-anomaly",
    ),
    Case(
        "review-date-missing-warns",
        yaml_block("sys-marketing-copy", sub(r"  last_reviewed: .*\n", "")),
        REVIEW_DATE,
        "sys-marketing-copy",
        severity="Warning",
    ),
    Case(
        "review-long-ago",
        yaml_block("sys-marketing-copy", sub(r"last_reviewed: .*", "last_reviewed: '2025-01-02'")),
        CADENCE,
        "sys-marketing-copy",
    ),
    # Evidence integrity: the file must still hash to the recorded digest.
    Case(
        "evidence-file-edited",
        evidence_file("ev-mozart-gov-01.txt", lambda p: p.write_text(p.read_text() + "edited\n")),
        INTEGRITY,
        "ev-mozart-gov-01",
    ),
    Case(
        "evidence-file-deleted",
        evidence_file("ev-credit-limit-ia-01.txt", Path.unlink),
        INTEGRITY,
        "ev-credit-limit-ia-01",
    ),
    Case(
        "evidence-digest-changed",
        yaml_block("ev-mozart-ir-01", sub(r"sha256: .*", f"sha256: {ANOTHER_DIGEST}")),
        INTEGRITY,
        ANOTHER_DIGEST,
    ),
    Case(
        "evidence-valid-before-issued",
        rdf_set(ev("ev-mozart-ta-01"), CG.validUntil, Literal("2020-01-01", datatype=XSD.date)),
        EVIDENCE_DATES,
        "ev-mozart-ta-01",
    ),
]


# --- running -------------------------------------------------------------------------------------


def key(f: Finding) -> tuple:
    # An unnamed property shape's "rule" is its blank node id, which differs between the engines' copies.
    rule = "(property shape)" if re.fullmatch(r"n[0-9a-f]{32,}", f.rule) else f.rule
    return (f.severity, rule, f.focus, f.value, f.message)


def run_both(demo: Demo, path: Path, monkeypatch: pytest.MonkeyPatch) -> set[tuple]:
    """Findings of the SPARQL engine, asserted equal to pySHACL's, for the demo copy's files and graphs."""
    monkeypatch.setenv("COMPGRAPH_DATA_DIR", str(demo.root))  # evidence files resolve in the copy
    store = demo.store(path)
    fast = validate_store(store, AS_OF, save=False, engine="sparql")
    slow = validate_store(store, AS_OF, save=False, engine="pyshacl")
    assert data_graphs(store)
    fast_keys, slow_keys = {key(f) for f in fast.findings}, {key(f) for f in slow.findings}
    assert fast_keys == slow_keys, (fast_keys - slow_keys, slow_keys - fast_keys)
    assert fast.conforms == slow.conforms
    return fast_keys


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    root = copy_files(tmp_path_factory.mktemp("demo-files") / "root")
    return Demo(root, planned(root))


@pytest.fixture(scope="module")
def base_findings(base: Demo, tmp_path_factory: pytest.TempPathFactory) -> set[tuple]:
    mp = pytest.MonkeyPatch()
    try:
        return run_both(base, tmp_path_factory.mktemp("base-store") / "store", mp)
    finally:
        mp.undo()


def _names(k: tuple, needle: str) -> bool:
    return any(needle in str(part) for part in (k[2], k[3], k[4]))


def test_the_unmutated_copy_has_the_planted_gaps_only(base_findings: set[tuple]) -> None:
    rules = {k[1] for k in base_findings}
    assert {HO, IA, EVIDENCE, MAPPED, PERSONAL, CADENCE} <= rules
    assert not {INTEGRITY, SCOPE, ANNEX, CONCERNS, "(property shape)"} & rules


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_mutation_gains_a_finding_naming_it_in_both_engines(
    case: Case, base: Demo, base_findings: set[tuple], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = copy_demo(base, tmp_path / "root")
    case.mutate(demo)
    found = run_both(demo, tmp_path / "store", monkeypatch)
    gained = {k for k in found - base_findings if case.rule in (k[1], k[4]) and _names(k, case.names)}
    assert gained, f"no new {case.rule!r} finding names {case.names}; new: {sorted(found - base_findings)}"
    assert {k[0] for k in gained} == {case.severity}
    for rule, focus in case.keeps:
        assert any(k[1] == rule and k[2].endswith("/" + focus) for k in found), (rule, focus)


def test_there_are_at_least_thirty_mutations() -> None:
    assert len(CASES) >= 30 and len({c.name for c in CASES}) == len(CASES)


def test_a_documented_derogation_lifts_the_annex_iii_rule(
    base: Demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The low-risk anomaly detector gains an Annex III area and a derogation assessment with current evidence.
    demo = copy_demo(base, tmp_path / "root")
    yaml_block("sys-infra-anomaly", lambda b: b.replace("  controls:\n", "  controls:\n  - CTL-DRG-01\n"))(demo)
    demo.graphs, demo.replanned = planned(demo.root), False
    e = ev("ev-infra-anomaly-drg-01")
    rdf(
        (sys_("sys-infra-anomaly"), CG.annexIIIArea, CG.AnnexIIICriticalInfrastructure),
        (e, RDF.type, CG.Evidence),
        (e, DCTERMS.identifier, Literal("ev-infra-anomaly-drg-01")),
        (e, RDFS.label, Literal("Art. 6(3) derogation assessment — anomaly detector")),
        (e, CG.evidenceFor, ctl("CTL-DRG-01")),
        (e, CG.concerns, sys_("sys-infra-anomaly")),
        (e, DCTERMS.issued, Literal("2026-06-30", datatype=XSD.date)),
        (e, CG.validUntil, Literal("2027-06-30", datatype=XSD.date)),
        (e, CG.sha256, Literal(ANOTHER_DIGEST)),
    )(demo)
    found = run_both(demo, tmp_path / "store", monkeypatch)
    assert [k for k in found if k[2].endswith("/sys-infra-anomaly")] == []
