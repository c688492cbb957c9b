"""Evidence integrity: every evidence file is hashed at validation time and compared with its recorded SHA-256.

A digest that is only format-checked lets an evidence file change after it was recorded. This check reads the
file of every evidence item that names one (``cg:file``, relative to the folder of the organisation file it was
loaded from, as recorded in the graph's provenance) and reports a Violation naming the item, the expected and
the found digest, or the missing file. Both engines run it; its results join the outcome and the saved report
as ``sh:ValidationResult`` nodes like any shape's.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, SH

from compgraph.checks.report import Finding, Outcome
from compgraph.graph import paths
from compgraph.graph.namespaces import CG, shorten
from compgraph.graph.store import GraphStore

RULE = "Evidence file matches its recorded SHA-256"
SOURCE = URIRef("https://w3id.org/compgraph/shapes#EvidenceIntegrity")

_EVIDENCE_FILES = """
SELECT ?e ?label ?file ?digest ?source WHERE {
  GRAPH ?g { ?e cg:file ?file . OPTIONAL { ?e cg:sha256 ?digest } OPTIONAL { ?e rdfs:label ?label } }
  OPTIONAL { GRAPH ?meta { ?g prov:wasDerivedFrom ?source } }
}"""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def evidence_files(store: GraphStore, root: Path | None = None) -> list[Path]:
    """Where the file of each evidence item that names one is read from (a cache of validation results is
    only valid while these files are as they were)."""
    root = root if root is not None else paths.mappings_dir().parent
    out = []
    for _e, _label, file, _digest, source in store.select(_EVIDENCE_FILES).rows:
        base = root / PurePosixPath(str(source)).parent if source is not None else root
        out.append(base / str(file))
    return sorted(set(out))


def evidence_findings(store: GraphStore, root: Path | None = None) -> list[Finding]:
    """One Violation per evidence item whose file is missing or whose content does not match its digest.

    ``root`` is the folder the build's provenance paths are relative to (the parent of mappings/)."""
    root = root if root is not None else paths.mappings_dir().parent
    found: dict[str, Finding] = {}
    for e, label, file, digest, source in store.select(_EVIDENCE_FILES).rows:
        base = root / PurePosixPath(str(source)).parent if source is not None else root
        path = base / str(file)
        expected = str(digest) if digest is not None else "none recorded"
        name = str(label) if label is not None else shorten(str(e))
        ident = shorten(str(e))
        if not path.is_file():
            message = f"Evidence {name} ({ident}): file {file} is missing (expected SHA-256 {expected})"
            actual = None
        else:
            actual = _sha256(path)
            if actual == expected:
                continue
            message = f"Evidence {name} ({ident}): file {file} has SHA-256 {actual}, expected {expected}"
        found[str(e)] = Finding(
            severity="Violation",
            rule=RULE,
            focus=str(e),
            focus_label=name,
            message=message,
            path="cg:sha256",
            value=actual,
            shape=str(SOURCE),
        )
    return sorted(found.values(), key=Finding.sort_key)


def with_evidence_integrity(store: GraphStore, outcome: Outcome, root: Path | None = None) -> Outcome:
    """The outcome with the integrity findings added, to its findings and to its SHACL report triples."""
    extra = evidence_findings(store, root)
    if not extra:
        return outcome
    triples = list(outcome.report_triples())
    reports = [s for s, p, o in triples if p == RDF.type and o == SH.ValidationReport]
    triples = [t for t in triples if not (t[1] == SH.conforms and t[0] in reports)]
    for report in reports:
        triples.append((report, SH.conforms, Literal(False)))
    for f in extra:
        r = BNode()
        triples += [(report, SH.result, r) for report in reports]
        triples += [
            (r, RDF.type, SH.ValidationResult),
            (r, SH.focusNode, URIRef(f.focus)),
            (r, SH.resultSeverity, SH.Violation),
            (r, SH.sourceShape, SOURCE),
            (r, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent),
            (r, SH.resultPath, CG.sha256),
            (r, SH.resultMessage, Literal(f.message)),
        ]
        if f.value is not None:
            triples.append((r, SH.value, Literal(f.value)))
    findings = sorted(set(outcome.findings) | set(extra), key=Finding.sort_key)
    out = Outcome(outcome.as_of, False, findings, triples)
    out.engines, out.fallback_reasons, out.shapes = outcome.engines, outcome.fallback_reasons, outcome.shapes
    return out
