"""Scoring the extractor on a folder of labelled real texts (``compgraph eval-extract --corpus DIR``).

Each text ``NAME.txt|.md|.html|.pdf|.docx|.odt|.xml|.adoc`` (any type ``readers`` reads) sits beside
``NAME.truth.tsv`` (id, ref, modality, text[, topic][, addressee]: one row per duty; an addressee may list
alternatives as ``provider/deployer``) and optionally ``NAME.traps.tsv`` (id, ref, text: sentences that look like
duties but are not).
The matching rule is the corpus's own (its README): a row matches an extracted obligation when every
fragment of the row's text (split on ``...``) occurs, in order, in the obligation's text once whitespace is
normalised; one row, one obligation. A trap counts as "extracted as a duty" when some obligation's text
contains it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compgraph.legal.readers import SUPPORTED_EXTENSIONS

__all__ = ["CORPUS_TARGETS", "DocumentScore", "LabelError", "evaluate_corpus", "extract_file", "fragment_occurs",
           "render_corpus", "score_document"]

CORPUS_TARGETS = {"precision": 0.95, "recall": 0.95, "modality_accuracy": 0.98, "trap_rate": 0.05}


class LabelError(ValueError):
    """A label file is malformed; the message names the file, line and field."""


@dataclass
class DocumentScore:
    document: str
    predicted: int
    gold: int
    traps: int
    precision: float
    recall: float
    modality_accuracy: float
    trap_rate: float
    topic_accuracy: float | None = None
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong_modality: list[str] = field(default_factory=list)
    traps_taken: list[str] = field(default_factory=list)
    topic_counts: tuple[int, int] = (0, 0)  # (right, labelled) among matched rows
    addressee_counts: tuple[int, int] = (0, 0)  # (right, labelled) among matched rows
    wrong_addressee: list[str] = field(default_factory=list)
    wrong_topic: list[str] = field(default_factory=list)
    ref_counts: tuple[int, int] = (0, 0)  # (right, labelled) among matched rows: the citation an auditor quotes
    wrong_ref: list[str] = field(default_factory=list)

    @property
    def ref_accuracy(self) -> float | None:
        return _share(self.ref_counts)

    @property
    def addressee_accuracy(self) -> float | None:
        return _share(self.addressee_counts)

    def meets_targets(self) -> bool:
        t = CORPUS_TARGETS
        return (self.precision >= t["precision"] and self.recall >= t["recall"]
                and self.modality_accuracy >= t["modality_accuracy"] and self.trap_rate <= t["trap_rate"])


def _norm(text: str) -> str:
    return " ".join(text.split())


def _match_form(text: str) -> str:
    # A label copies a PDF's text as it reads, "real- world" where a line broke after the hyphen; the catalog
    # prints the word whole, "real-world". Both are the same words.
    return re.sub(r"(?<=[a-z])- (?=[a-z])", "-", _norm(text))


def fragment_occurs(fragment: str, text: str) -> bool:
    """The corpus rule: every ``...``-separated part of ``fragment`` occurs in ``text``, in order."""
    text = _match_form(text)
    pos = 0
    for part in (_match_form(p) for p in fragment.split("...")):
        if not part:
            continue
        i = text.find(part, pos)
        if i < 0:
            return False
        pos = i + len(part)
    return True


def read_labels(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a TSV label file; a missing column or empty required field is a LabelError naming the line."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise LabelError(f"{path}: line 1: missing column {missing[0]!r}")
        rows = []
        for n, row in enumerate(reader, start=2):
            for col in required:
                if not (row.get(col) or "").strip():
                    raise LabelError(f"{path}: line {n}: empty field {col!r}")
            rows.append({k: (v or "").strip() for k, v in row.items() if k})
    return rows


def score_document(name: str, obligations: list[dict[str, Any]], truth: list[dict[str, str]],
                   traps: list[dict[str, str]]) -> DocumentScore:
    """Per-document precision, recall, modality, topic, addressee and citation accuracy and the share of traps
    taken as duties.

    Matching is one-to-one: rows are taken in order of how many obligations could match them (fewest first),
    each getting the first free obligation, so a row with one candidate is not starved by a row with many.
    """
    texts = [_norm(str(o.get("text", ""))) for o in obligations]
    candidates = [[i for i, t in enumerate(texts) if fragment_occurs(row["text"], t)] for row in truth]
    used: set[int] = set()
    pairs: list[tuple[dict[str, str], dict[str, Any]]] = []
    missed = []
    for j in sorted(range(len(truth)), key=lambda j: (len(candidates[j]), j)):
        free = [i for i in candidates[j] if i not in used]
        if not free:
            missed.append(truth[j])
            continue
        used.add(free[0])
        pairs.append((truth[j], obligations[free[0]]))
    right = [(g, p) for g, p in pairs if p.get("modality") == g["modality"]]
    topical = [(g, p) for g, p in pairs if g.get("topic")]
    addressed = [(g, p) for g, p in pairs if g.get("addressee")]
    bound = [(g, p) for g, p in addressed if p.get("addressee") in g["addressee"].split("/")]
    taken = [t for t in traps if any(fragment_occurs(t["text"], x) for x in texts)]
    cited = [(g, p) for g, p in pairs if g.get("ref")]
    cited_right = [(g, p) for g, p in cited if _ref_key(str(p.get("ref") or "")) == _ref_key(g["ref"])]
    return DocumentScore(
        document=name,
        predicted=len(obligations),
        gold=len(truth),
        traps=len(traps),
        precision=len(pairs) / len(obligations) if obligations else 0.0,
        recall=len(pairs) / len(truth) if truth else 0.0,
        modality_accuracy=len(right) / len(pairs) if pairs else 0.0,
        trap_rate=len(taken) / len(traps) if traps else 0.0,
        topic_accuracy=(sum(1 for g, p in topical if p.get("topic") == g["topic"]) / len(topical)
                        if topical else None),
        false_positives=[f"{o.get('id')}: {texts[i][:100]}" for i, o in enumerate(obligations) if i not in used],
        missed=[f"{g['id']} {g.get('ref', '')}: {g['text'][:100]}" for g in missed],
        wrong_modality=[f"{g['id']} {g.get('ref', '')}: {p.get('modality')} (labelled {g['modality']})"
                        for g, p in pairs if (g, p) not in right],
        traps_taken=[f"{t['id']} {t.get('ref', '')}: {t['text'][:100]}" for t in traps if t in taken],
        topic_counts=(sum(1 for g, p in topical if p.get("topic") == g["topic"]), len(topical)),
        addressee_counts=(len(bound), len(addressed)),
        wrong_topic=[f"{g['id']} {g.get('ref', '')}: {p.get('topic')} (labelled {g['topic']})"
                     for g, p in topical if p.get("topic") != g["topic"]],
        wrong_addressee=[f"{g['id']} {g.get('ref', '')}: {p.get('addressee')} (labelled {g['addressee']})"
                         for g, p in addressed if (g, p) not in bound],
        ref_counts=(len(cited_right), len(cited)),
        wrong_ref=[f"{g['id']} {g['ref']}: cited as {p.get('ref')}" for g, p in cited if (g, p) not in cited_right],
    )


def _share(counts: tuple[int, int]) -> float | None:
    """right / labelled, or None where no row was labelled."""
    right, labelled = counts
    return right / labelled if labelled else None


def _ref_key(ref: str) -> str:
    """A citation without its sentence number or spacing: "13-77-103 (2)(a), sentence 2" -> "13-77-103(2)(a)".

    Only the sentence number goes: "Annex IV, 2(b)" keeps its item and point after the comma."""
    return re.sub(r"\s+", "", re.sub(r",\s*sentence\s+\d+\s*$", "", ref))


def labelled_texts(folder: Path) -> list[Path]:
    """The texts of a corpus folder that have a ``.truth.tsv`` beside them, in name order."""
    if not folder.is_dir():
        raise LabelError(f"{folder}: not a folder")
    texts = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUPPORTED_EXTENSIONS
                   and (folder / f"{p.stem}.truth.tsv").is_file())
    if not texts:
        kinds = "|".join(SUPPORTED_EXTENSIONS)
        raise LabelError(f"{folder}: no labelled texts (NAME{kinds} with NAME.truth.tsv beside it)")
    return texts


def evaluate_corpus(folder: Path, extract: Callable[[Path], list[dict[str, Any]]]) -> list[DocumentScore]:
    """Score ``extract`` (a path -> obligation dicts function) on every labelled text of ``folder``."""
    scores = []
    for text in labelled_texts(Path(folder)):
        truth = read_labels(text.with_name(f"{text.stem}.truth.tsv"), ("id", "modality", "text"))
        traps_file = text.with_name(f"{text.stem}.traps.tsv")
        traps = read_labels(traps_file, ("id", "text")) if traps_file.is_file() else []
        scores.append(score_document(text.name, extract(text), truth, traps))
    return scores


def _overall(scores: list[DocumentScore]) -> DocumentScore:
    """Micro-averaged figures over all documents (each obligation and row counts once)."""
    pred = sum(s.predicted for s in scores)
    gold = sum(s.gold for s in scores)
    matched = sum(round(s.recall * s.gold) for s in scores)
    right = sum(round(s.modality_accuracy * round(s.recall * s.gold)) for s in scores)
    traps = sum(s.traps for s in scores)
    taken = sum(round(s.trap_rate * s.traps) for s in scores)
    topic_right = sum(s.topic_counts[0] for s in scores)
    topic_all = sum(s.topic_counts[1] for s in scores)
    return DocumentScore("overall", pred, gold, traps, matched / pred if pred else 0.0,
                         matched / gold if gold else 0.0, right / matched if matched else 0.0,
                         taken / traps if traps else 0.0, topic_right / topic_all if topic_all else None,
                         addressee_counts=(sum(s.addressee_counts[0] for s in scores),
                                           sum(s.addressee_counts[1] for s in scores)),
                         ref_counts=(sum(s.ref_counts[0] for s in scores), sum(s.ref_counts[1] for s in scores)))


def render_corpus(scores: list[DocumentScore], verbose: bool = False) -> str:
    """A table: one row per document and an overall row, then (``verbose``) every error, one per line."""
    t = CORPUS_TARGETS
    head = (f"{'document':<32} {'found':>5} {'gold':>5} {'precision':>9} {'recall':>7} {'modality':>8} "
            f"{'traps':>6} {'topic':>6} {'party':>6} {'cite':>6}  target")
    lines = [head]
    for s in [*scores, _overall(scores)]:
        topic, party, cite = (f"{x:>6.3f}" if x is not None else f"{'-':>6}"
                              for x in (s.topic_accuracy, s.addressee_accuracy, s.ref_accuracy))
        lines.append(f"{s.document:<32} {s.predicted:>5} {s.gold:>5} {s.precision:>9.3f} {s.recall:>7.3f} "
                     f"{s.modality_accuracy:>8.3f} {s.trap_rate:>6.3f} {topic} {party} {cite}  "
                     f"{'met' if s.meets_targets() else 'MISSED'}")
    lines.append(f"targets: precision >= {t['precision']}, recall >= {t['recall']}, modality accuracy >= "
                 f"{t['modality_accuracy']}, traps extracted as duties <= {t['trap_rate']}")
    if verbose:
        for s in scores:
            for kind, items in (("spurious", s.false_positives), ("missed", s.missed),
                                ("modality", s.wrong_modality), ("trap", s.traps_taken),
                                ("topic", s.wrong_topic), ("addressee", s.wrong_addressee),
                                ("reference", s.wrong_ref)):
                lines.extend(f"{s.document}: {kind}: {_norm(x)}" for x in items)
    return "\n".join(lines) + "\n"


def extract_file(path: Path, kind: str = "regulation", encoding: str | None = None) -> list[dict[str, Any]]:
    """The obligations ``compgraph import`` would extract from ``path`` (a labelled text's stem is its prefix)."""
    from compgraph.legal.extract import catalog_from_text
    from compgraph.legal.readers import IngestError, read_document

    try:
        text = read_document(path, **({"encoding": encoding} if encoding else {}))
    except IngestError:
        return []  # refused: nothing imported, which scores as recall 0
    prefix = re.sub(r"[^A-Za-z0-9]+", "", path.stem.upper())[:8] or "DOC"
    return list(catalog_from_text(text, {"prefix": prefix, "kind": kind})["obligations"])
