"""What changed between two states of the graph (two snapshots, or a snapshot and now): the auditor's first
question, "what changed since the last audit?".

Entities are compared by kind and id: added, removed, and changed (the same id whose own statements differ).
Findings are the saved validation report's results (focus node, shape, message); coverage is each obligation's
status over all its implementers, as of one date for both sides so that only the data explains a change.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from compgraph.graph.store import GraphStore
from compgraph.questions import coverage as cv

KINDS = {
    "obligations": "Obligation",
    "controls": "Control",
    "systems": "AISystem",
    "datasets": "Dataset",
    "evidence": "Evidence",
}


@dataclass
class KindDiff:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


@dataclass
class Diff:
    before: str
    after: str
    as_of: date
    kinds: dict[str, KindDiff]
    findings_added: list[str]
    findings_removed: list[str]
    coverage_before: dict[str, int]
    coverage_after: dict[str, int]
    status_changes: list[tuple[str, str, str]]  # obligation id, status before, status after

    @property
    def empty(self) -> bool:
        return not (
            any(k.added or k.removed or k.changed for k in self.kinds.values())
            or self.findings_added
            or self.findings_removed
            or self.status_changes
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "before": self.before,
            "after": self.after,
            "as_of": self.as_of.isoformat(),
            **{k: vars(v) for k, v in self.kinds.items()},
            "findings": {"added": self.findings_added, "removed": self.findings_removed},
            "coverage": {"before": self.coverage_before, "after": self.coverage_after},
            "status_changes": [{"obligation": o, "before": b, "after": a} for o, b, a in self.status_changes],
        }


def _entities(store: GraphStore, cls: str) -> dict[str, str]:
    """id -> hash of the entity's own statements."""
    res = store.select(f"SELECT ?id ?p ?o WHERE {{ ?x a cg:{cls} ; dcterms:identifier ?id ; ?p ?o }}")
    lines: dict[str, list[str]] = {}
    for ident, p, o in res.rows:
        lines.setdefault(str(ident), []).append(f"{p} {o.n3() if o is not None else ''}")
    return {k: hashlib.sha256("\n".join(sorted(v)).encode()).hexdigest() for k, v in lines.items()}


def _findings(store: GraphStore) -> set[str]:
    res = store.select("""
        SELECT ?focus ?shape ?msg WHERE {
          ?r a sh:ValidationResult ; sh:focusNode ?focus .
          OPTIONAL { ?r sh:sourceShape ?shape } OPTIONAL { ?r sh:resultMessage ?msg }
        }""")
    return {f"{focus}: {msg or shape}" for focus, shape, msg in res.rows}


def _ids(store: GraphStore) -> dict[str, str]:
    res = store.select("SELECT ?o ?id WHERE { ?o a cg:Obligation ; dcterms:identifier ?id }")
    return {str(o): str(i) for o, i in res.rows}


def compare(before: GraphStore, after: GraphStore, as_of: date, names: tuple[str, str]) -> Diff:
    kinds = {}
    for kind, cls in KINDS.items():
        a, b = _entities(before, cls), _entities(after, cls)
        kinds[kind] = KindDiff(
            added=sorted(b.keys() - a.keys()),
            removed=sorted(a.keys() - b.keys()),
            changed=sorted(k for k in a.keys() & b.keys() if a[k] != b[k]),
        )
    f_before, f_after = _findings(before), _findings(after)
    s_before = cv.compute(before, as_of).obligation_status
    s_after = cv.compute(after, as_of).obligation_status
    ids = {**_ids(before), **_ids(after)}
    changes = sorted(
        (ids.get(o, o), s_before.get(o, "absent"), s_after.get(o, "absent"))
        for o in s_before.keys() | s_after.keys()
        if s_before.get(o) != s_after.get(o)
    )
    return Diff(
        names[0],
        names[1],
        as_of,
        kinds,
        sorted(f_after - f_before),
        sorted(f_before - f_after),
        dict(Counter(s_before.values())),
        dict(Counter(s_after.values())),
        changes,
    )


def render(d: Diff) -> str:
    out = [f"Changes from {d.before} to {d.after} (coverage as of {d.as_of})"]
    for kind, k in d.kinds.items():
        for label, ids in (("added", k.added), ("removed", k.removed), ("changed", k.changed)):
            if ids:
                out.append(f"  {kind} {label} ({len(ids)}): {', '.join(ids)}")
    for label, items in (("added", d.findings_added), ("removed", d.findings_removed)):
        out += [f"  finding {label}: {x}" for x in items]
    statuses = sorted(d.coverage_before.keys() | d.coverage_after.keys())
    moves = ", ".join(f"{s} {d.coverage_before.get(s, 0)} -> {d.coverage_after.get(s, 0)}" for s in statuses)
    out.append(f"  coverage of obligations: {moves}")
    out += [f"  obligation {o}: {b} -> {a}" for o, b, a in d.status_changes]
    if d.empty:
        out.append("  no obligations, controls, systems, datasets, evidence or findings changed")
    return "\n".join(out) + "\n"
