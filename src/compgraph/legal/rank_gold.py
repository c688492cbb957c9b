"""Scoring control suggestions against a hand-labelled gold set (``compgraph eval-suggest --gold FILE``).

A gold file is a TSV with one duty a row (``tests/fixtures/suggest-gold/README.md`` says how it was made):
``id``, ``document``, ``section``, ``text`` and ``controls`` (acceptable control ids, space-separated, or
``none`` when the catalog has no fitting control). Each ranker ranks the whole catalog for each duty, reading
it as the statute import would: the text, its section title, the topic (``extract.statute_duty_topic``) and
the addressee (``clauses.statute_addressee`` of the words before the modal verb) the extractor's rules give it.

Reported per document and overall: hits@1, hits@3 and MRR over duties with an acceptable control, and for
"no good match" its recall (share of ``none`` duties flagged) and precision (share of flags that are
``none``). ``_fit`` finds, on the file given, the cut-off that best separates the ``none`` duties. The fused
rankers also use the shipped labelled examples (``suggest-examples.tsv``, copies of earlier gold files) less
those of the gold file's own documents and duties (``examples_for``).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from compgraph.graph.store import GraphStore
from compgraph.legal import rank
from compgraph.legal import suggest as sg
from compgraph.legal.clauses import statute_addressee
from compgraph.legal.extract import statute_duty_topic

REQUIRED = ("id", "document", "text", "controls")
TARGETS = {"hits@1": 0.6, "hits@3": 0.85, "none recall": 0.8, "none precision": 0.8}


class GoldError(ValueError):
    """The gold file is unusable; the message names the file, the line and the field."""


@dataclass(frozen=True)
class GoldDuty:
    id: str
    document: str
    text: str
    section: str
    controls: frozenset[str]  # empty: "none", the catalog lacks a fitting control


@dataclass
class GoldMetrics:
    ranker: str
    document: str
    duties: int = 0
    ranks: list[int] = field(default_factory=list)  # rank of the first acceptable control, per mapped duty
    none: int = 0
    flagged: int = 0
    none_flagged: int = 0

    def share(self, k: int) -> float:
        return sum(1 for r in self.ranks if r <= k) / len(self.ranks) if self.ranks else 0.0

    @property
    def mrr(self) -> float:
        return sum(1 / r for r in self.ranks) / len(self.ranks) if self.ranks else 0.0

    @property
    def recall(self) -> float:
        return self.none_flagged / self.none if self.none else 0.0

    @property
    def precision(self) -> float:
        return self.none_flagged / self.flagged if self.flagged else 0.0

    def figures(self) -> dict[str, float]:
        return {"hits@1": self.share(1), "hits@3": self.share(3), "MRR": self.mrr, "none recall": self.recall,
                "none precision": self.precision}

    def meets_targets(self) -> bool:
        f = self.figures()
        return all(f[k] >= v for k, v in TARGETS.items())


@dataclass
class GoldEval:
    path: Path
    metrics: list[GoldMetrics]
    fitted: dict[str, tuple[float, float, float]]  # ranker -> (cut-off, recall, precision) best on this file
    unavailable: dict[str, str] = field(default_factory=dict)


def read_gold(path: Path, known_controls: set[str]) -> list[GoldDuty]:
    """The gold rows; a missing column, an empty field or an unknown control is a GoldError naming the line."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t")
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                raise GoldError(f"{path}: line 1: missing column(s) {', '.join(missing)}")
            duties: list[GoldDuty] = []
            seen: set[str] = set()
            for line, row in enumerate(reader, start=2):
                for col in REQUIRED:
                    if not (row.get(col) or "").strip():
                        raise GoldError(f"{path}: line {line}: empty {col!r}")
                if row["id"] in seen:
                    raise GoldError(f"{path}: line {line}: duplicate id {row['id']!r}")
                seen.add(row["id"])
                ids = row["controls"].split()
                if ids != ["none"]:
                    unknown = [c for c in ids if c not in known_controls]
                    if unknown or "none" in ids:
                        raise GoldError(f"{path}: line {line}: controls: unknown control "
                                        f"{(unknown or ['none'])[0]!r} (give control ids, or 'none' alone)")
                duties.append(GoldDuty(row["id"], row["document"], row["text"], (row.get("section") or "").strip(),
                                       frozenset() if ids == ["none"] else frozenset(ids)))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise GoldError(f"{path}: cannot read ({exc})") from exc
    if not duties:
        raise GoldError(f"{path}: no duties")
    return duties


class GoldRun:
    """The gold duties of one file, ready to rank as ``eval-suggest --gold`` ranks them."""

    def __init__(self, store: GraphStore, path: Path) -> None:
        self.duties = read_gold(path, {c.id for c in sg.load_controls(store)})
        # A shipped document holding the gold duties themselves (the AI Act articles) must not teach the ranker
        # its own answers: its crosswalk rows are left out of label transfer and the topic prior.
        answers = documents_holding(store, self.duties)
        self.controls = sg.load_controls(store, mapping_graphs_excluding_document=answers)
        self.topics = rank.topic_counts(store, exclude_document=answers)
        self.examples = examples_for(self.duties)

    def obligations(self) -> list[sg.ObligationDoc]:
        return [as_imported(d) for d in self.duties]

    def parts(self, ranker: str) -> tuple[list[dict[str, list[float]]], list[dict[str, float]]]:
        """Every part's raw scores and the no-match features of each duty, as the ranker computes them for
        ``suggestions`` (tools/fit_no_match.py weighs them)."""
        return sg.fused_parts(self.obligations(), self.controls, ranker=ranker, topics=self.topics,
                              examples=self.examples, every_part=True)

    def suggestions(self, ranker: str) -> list[sg.Suggestion]:
        """The whole catalog ranked for each duty, in the file's order."""
        return sg.suggest_for(self.obligations(), self.controls, top_k=len(self.controls),
                              ranker=ranker, topics=self.topics, examples=self.examples)


def evaluate_gold(store: GraphStore, path: Path, rankers: Sequence[str] | None = None) -> GoldEval:
    """Rank the catalog of ``store`` for every gold duty with each ranker; see the module docstring."""
    run = GoldRun(store, path)
    duties, controls = run.duties, run.controls
    result = GoldEval(path, [], {})
    for name in rankers or sg.RANKERS:
        if sg.needs_embeddings(name) and not sg.embeddings_available():
            result.unavailable[name] = "not installed (pip install 'compgraph[embeddings]')"
            continue
        suggestions = run.suggestions(name)
        per_doc: dict[str, GoldMetrics] = {}
        overall = GoldMetrics(name, "all")
        for d, s in zip(duties, suggestions, strict=True):
            doc = per_doc.setdefault(d.document, GoldMetrics(name, d.document))
            ranked = [m.id for m in s.controls]
            for m in (doc, overall):
                m.duties += 1
                m.flagged += s.no_good_match
                if d.controls:
                    m.ranks.append(next((i + 1 for i, c in enumerate(ranked) if c in d.controls), len(controls) + 1))
                else:
                    m.none += 1
                    m.none_flagged += s.no_good_match
        result.metrics += [*per_doc.values(), overall]
        if name in rank.FUSED:
            result.fitted[name] = _fit(duties, suggestions)
    return result


def examples_for(duties: Sequence[GoldDuty]) -> list[rank.Example]:
    """The shipped labelled examples less those of the gold file's own documents and duties: scoring a gold
    file must not read its answers (the examples are copies of the earlier gold files)."""
    scored = {d.document for d in duties} | {d.id for d in duties}
    return [e for e in rank.load_examples(rank.load_config()) if not {e.document, e.id} & scored]


def as_imported(duty: GoldDuty) -> sg.ObligationDoc:
    """The duty as ``compgraph import --kind regulation`` would store it: with the topic and the addressee
    the statute rules give its text and section title."""
    return sg.ObligationDoc(duty.id, duty.document, duty.text, duty.section,
                            statute_duty_topic(duty.text, duty.text, duty.section),
                            statute_addressee(rank.own_subject(duty.text)) or "")


def documents_holding(store: GraphStore, duties: Sequence[GoldDuty]) -> list[str]:
    """Ids of the documents in ``store`` with an obligation whose text contains a gold duty (every
    ``...``-separated fragment, whitespace collapsed)."""
    texts: dict[str, list[str]] = {}
    for row in store.select("""
        SELECT ?docid ?text WHERE { ?o a cg:Obligation ; cg:sourceText ?text ; cg:fromDocument ?d .
                                    ?d dcterms:identifier ?docid }""").values():
        texts.setdefault(str(row["docid"]), []).append(" ".join(str(row["text"]).split()))
    fragments = [[" ".join(f.split()) for f in d.text.split("...") if f.strip()] for d in duties]
    return sorted(doc for doc, obligations in texts.items()
                  if any(all(f in text for f in parts) for parts in fragments for text in obligations))


def _fit(duties: Sequence[GoldDuty], suggestions: Sequence[sg.Suggestion]) -> tuple[float, float, float]:
    """The no-match cut-off with the best F1 on these duties (public-body duties stay flagged whatever it is).

    Each candidate lies halfway between two neighbouring top scores, so it splits these duties as the best
    split does without sitting on one of them."""
    rows = [(not d.controls, s.controls[0].score if s.controls else float("-inf"), s.reason.startswith("names"))
            for d, s in zip(duties, suggestions, strict=True)]
    tops = sorted({score for _, score, _ in rows})
    best = (0.0, 0.0, 0.0, 0.0)
    for cut in [(a + b) / 2 for a, b in zip(tops, tops[1:], strict=False)] + tops[-1:]:
        flags = [(none, body or score < cut) for none, score, body in rows]
        tp = sum(1 for none, f in flags if none and f)
        flagged = sum(1 for _, f in flags if f)
        nones = sum(1 for none, _ in flags if none)
        recall, precision = (tp / nones if nones else 0.0), (tp / flagged if flagged else 0.0)
        f1 = 2 * recall * precision / (recall + precision) if tp else 0.0
        if f1 > best[0]:
            best = (f1, cut, recall, precision)
    return round(best[1], 3), round(best[2], 3), round(best[3], 3)


def render_gold(ev: GoldEval) -> str:
    lines = [f"Control suggestions scored against the hand-labelled gold set {ev.path.name}", ""]
    head = f"{'document':<26} {'ranker':<11} {'duties':>6} {'mapped':>6} {'hits@1':>7} {'hits@3':>7} {'MRR':>6}"
    lines.append(head + f" {'none':>5} {'flagged':>7} {'recall':>7} {'precis.':>7}")
    for m in sorted(ev.metrics, key=lambda m: (m.document == "all", m.document, sg.RANKERS.index(m.ranker))):
        f = m.figures()
        lines.append(
            f"{m.document:<26} {m.ranker:<11} {m.duties:>6} {len(m.ranks):>6} {f['hits@1']:>7.3f} "
            f"{f['hits@3']:>7.3f} {f['MRR']:>6.3f} {m.none:>5} {m.flagged:>7} {f['none recall']:>7.3f} "
            f"{f['none precision']:>7.3f}"
        )
    lines.append("")
    targets = ", ".join(f"{k} >= {v:g}" for k, v in TARGETS.items())
    lines.append(f"Targets: {targets}.")
    for m in ev.metrics:
        if m.document == "all":
            f = m.figures()
            missed = [f"{k} {f[k]:.3f} < {v:g}" for k, v in TARGETS.items() if f[k] < v]
            lines.append(f"{m.ranker}: " + (f"misses {', '.join(missed)}" if missed else "meets every target"))
    config = rank.load_config()
    for name, (cut, recall, precision) in ev.fitted.items():
        lines.append(f"{name}: the no-match cut-off that fits this file best is {cut:g} (recall {recall:.3f}, "
                     f"precision {precision:.3f}); in use: {config.no_match_below[name]:g} when no labelled "
                     "examples are given, else the no-match model (fitted on the spent gold files by "
                     "tools/fit_no_match.py)")
    for name, why in ev.unavailable.items():
        lines.append(f"{name}: {why}")
    return "\n".join(lines) + "\n"
