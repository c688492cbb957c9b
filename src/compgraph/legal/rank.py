"""The fused rankers of control suggestions and their "no good match" rule, configured by data.

``hybrid`` (needs the embeddings extra) and ``bm25-prior`` (base install) add, per control, the z-scores of
BM25, of sentence-embedding similarity (hybrid only) and of a control-type prior learnt from the crosswalk:
how often obligations of the query's topic are mapped to that control. Every part reads the obligation
together with the title of the section it sits in, because a statute's clauses are terse ("(b) facilitating
the post-market monitoring referred to in Article 72") and the article title ("Record-keeping") carries
their subject. With labelled examples (``suggest-examples.tsv``: statute duties an analyst mapped by hand,
or found no control for) more parts transfer their labels: a prior learnt from them, (hybrid) the
similarity of the nearest example mapped to each control and a linear probe of the examples' embeddings, and
(both rankers) a linear probe of the examples' TF-IDF rows per control; and "no good match" becomes a
logistic model of the best score, how often duties like this one had no fitting control and how much the
duty is worded like examples mapped to some control. Weights, cut-offs, that model and the public bodies
(addressee roles and names) live in ``suggest-ranker.yaml`` beside this module; the weights and the model were
chosen on the gold files already scored (``tests/fixtures/suggest-gold``, ``tuning`` and ``heldout`` to
``heldout14``), checked leave one file out (``tools/fit_no_match.py``).

This module knows nothing of the store's layout beyond one query; ``suggest`` wires it in.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from compgraph.graph.store import GraphStore
from compgraph.legal.clauses import STATUTE_ROLES, statute_addressee
from compgraph.legal.duties import POLICY_ROLES, detect_addressee, subject_area

FUSED = ("hybrid", "bm25-prior")
PARTS = ("bm25", "embeddings", "prior", "example_prior", "neighbours", "example_text", "example_words")
# Parts that read the sentence embeddings: a ranker without them (bm25-prior) cannot weigh them.
EMBEDDING_PARTS = ("embeddings", "neighbours", "example_text")
CONFIG_FILE = "suggest-ranker.yaml"
# Features of the "no good match" model: the best fused score, the share of labelled examples of the duty's
# topic that have no fitting control (as log-odds), that share among its nearest labelled examples, and how
# much the duty's wording leans toward the examples with no fitting control (``text_none``), the best
# embedding cosine of any control (``emb_top``) and the best control of the word probe (``words_top``: how
# much the duty's words look like those of examples mapped to some control); and the same two ideas on the examples'
# TF-IDF rows, so the base install has them: ``words_none`` (text_none's lean, on words) and ``word_neighbours_none``
# (neighbours_none, with TF-IDF cosine as the similarity).
NO_MATCH_FEATURES = ("top", "topic_none", "neighbours_none", "text_none", "emb_top", "words_top", "words_none",
                     "word_neighbours_none")


class RankConfigError(ValueError):
    """The ranker configuration file is unusable; the message names the file and the field."""


@dataclass(frozen=True)
class RankConfig:
    weights: dict[str, dict[str, float]]
    no_match_below: dict[str, float]
    external: re.Pattern[str]
    path: Path
    external_roles: frozenset[str] = frozenset()
    examples: Path | None = None
    neighbours: int = 5
    temperature: float = 10.0
    no_match_model: dict[str, dict[str, float]] = field(default_factory=dict)
    text_none_ridge: float = 1.0
    example_text_ridge: float = 0.3
    # ranker -> a section title longer than this many words is left out of the query its ranking parts read
    title_words: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Example:
    """A duty an analyst mapped by hand (or found no control for): what label transfer learns from."""

    id: str
    document: str
    query: str  # "section: text", as queries are read
    topic: str  # the topic the statute import gives it, so that it meets imported duties on equal terms
    controls: frozenset[str]  # empty: no fitting control in the catalog
    text: str = ""  # the duty alone and its section title, for a query without a long title (``title_words``)
    section: str = ""

    def query_for(self, title_words: int | None) -> str:
        """The query a ranking part reads: ``query``, or without its section title when that is longer than
        ``title_words`` words."""
        return query_text(self.text, self.section, title_words) if self.text and title_words else self.query


def load_config(path: Path | None = None) -> RankConfig:
    """``suggest-ranker.yaml`` beside this module (or ``path``), checked field by field.

    It ships with the code, not in the mappings folder: it is how the ranker behaves, fitted on the gold set,
    whatever catalog a user brings."""
    return _load(path or Path(__file__).with_name(CONFIG_FILE))


@lru_cache(maxsize=4)
def _load(path: Path) -> RankConfig:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RankConfigError(f"{path}: cannot read the ranker configuration ({exc})") from exc
    if not isinstance(data, dict):
        raise RankConfigError(f"{path}: expected a mapping")
    weights: dict[str, dict[str, float]] = {}
    cutoffs: dict[str, float] = {}
    for name in FUSED:
        w = (data.get("weights") or {}).get(name)
        if not isinstance(w, dict) or not w or any(k not in PARTS or not isinstance(v, int | float) for k, v in
                                                  w.items()):
            raise RankConfigError(f"{path}: weights.{name} must map some of {', '.join(PARTS)} to numbers")
        if name == "bm25-prior" and any(w.get(k) for k in EMBEDDING_PARTS):
            raise RankConfigError(f"{path}: weights.bm25-prior cannot weigh {', '.join(EMBEDDING_PARTS)}: "
                                  "they need the sentence embeddings, which bm25-prior runs without")
        weights[name] = {k: float(v) for k, v in w.items()}
        t = (data.get("no_match_below") or {}).get(name)
        if not isinstance(t, int | float):
            raise RankConfigError(f"{path}: no_match_below.{name} must be a number")
        cutoffs[name] = float(t)
    terms = data.get("external_parties") or []
    if not isinstance(terms, list) or not all(isinstance(t, str) and t for t in terms):
        raise RankConfigError(f"{path}: external_parties must be a list of regular expressions")
    try:
        pattern = re.compile(r"\b(?:" + "|".join(f"(?:{t})" for t in terms) + r")\b", re.I)
    except re.error as exc:
        raise RankConfigError(f"{path}: external_parties: {exc}") from exc
    roles = data.get("external_roles") or []
    known = set(STATUTE_ROLES) | set(POLICY_ROLES)
    if not isinstance(roles, list) or any(r not in known for r in roles):
        raise RankConfigError(f"{path}: external_roles must list addressee roles the import labels "
                              f"({', '.join(sorted(known))})")
    ridges = []
    for name, default in (("text_none", 1.0), ("example_text", 0.3)):
        ridge = (data.get(name) or {}).get("ridge", default)
        if not isinstance(ridge, int | float) or ridge <= 0:
            raise RankConfigError(f"{path}: {name}.ridge must be a number above 0")
        ridges.append(float(ridge))
    title_words = data.get("query_title_words") or {}
    if not isinstance(title_words, dict) or any(k not in FUSED or not isinstance(v, int) or isinstance(v, bool)
                                                or v < 1 for k, v in title_words.items()):
        raise RankConfigError(f"{path}: query_title_words must map some of {', '.join(FUSED)} to whole numbers >= 1")
    return RankConfig(weights, cutoffs, pattern, path, frozenset(roles), *_examples_settings(data, path),
                      _no_match_model(data, path), *ridges, title_words=dict(title_words))


def _examples_settings(data: dict, path: Path) -> tuple[Path | None, int, float]:
    name = data.get("examples")
    if name is not None and (not isinstance(name, str) or not path.with_name(name).is_file()):
        raise RankConfigError(f"{path}: examples must name a TSV file beside it")
    nb = data.get("neighbours") or {}
    k, temperature = nb.get("k", 5), nb.get("temperature", 10.0)
    if not isinstance(k, int) or k < 1 or not isinstance(temperature, int | float):
        raise RankConfigError(f"{path}: neighbours needs k (a whole number >= 1) and temperature (a number)")
    return (path.with_name(name) if name else None), k, float(temperature)


def _no_match_model(data: dict, path: Path) -> dict[str, dict[str, float]]:
    models = data.get("no_match_model") or {}
    out: dict[str, dict[str, float]] = {}
    for name, m in models.items():
        if name not in FUSED or not isinstance(m, dict) or not isinstance(m.get("intercept"), int | float) or any(
                k not in (*NO_MATCH_FEATURES, "intercept", "flag_above") or not isinstance(v, int | float)
                for k, v in m.items()):
            raise RankConfigError(f"{path}: no_match_model.{name} must map intercept and some of "
                                  f"{', '.join(NO_MATCH_FEATURES)} to numbers")
        if not 0 < m.get("flag_above", 0.5) < 1:
            raise RankConfigError(f"{path}: no_match_model.{name}.flag_above must be a probability between 0 and 1")
        out[name] = {k: float(v) for k, v in m.items()}
    return out


def load_examples(config: RankConfig) -> tuple[Example, ...]:
    """The hand-labelled duties the configuration names (none when it names no file)."""
    return _read_examples(config.examples) if config.examples else ()


@lru_cache(maxsize=2)
def _read_examples(path: Path) -> tuple[Example, ...]:
    from compgraph.legal.extract import statute_duty_topic

    out: list[Example] = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh, delimiter="\t"), start=2):
                text, section = row.get("text") or "", row.get("section") or ""
                ids = (row.get("controls") or "").split()
                if not text or not ids or not row.get("document"):
                    raise RankConfigError(f"{path}: line {line}: needs document, text and controls")
                out.append(Example(row.get("id") or f"line {line}", row["document"], query_text(text, section),
                                   statute_duty_topic(text, text, section),
                                   frozenset() if ids == ["none"] else frozenset(ids), text, section))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise RankConfigError(f"{path}: cannot read the labelled examples ({exc})") from exc
    return tuple(out)


def example_prior_scores(topic: str, examples: Sequence[Example], control_ids: Sequence[str]) -> list[float]:
    """log P(control | topic) over the labelled examples (each example's controls share one count; add-0.5):
    the same prior as ``prior_scores`` but learnt from statute duties an analyst mapped, not the crosswalk."""
    seen: Counter[str] = Counter()
    for e in examples:
        if e.topic == topic:
            for c in e.controls:
                seen[c] += 1 / len(e.controls)
    total = sum(seen.values()) + 0.5 * len(control_ids)
    return [math.log((seen[c] + 0.5) / total) for c in control_ids]


def topic_none_share(topic: str, examples: Sequence[Example]) -> float:
    """Log-odds that a duty of this topic has no fitting control, over the examples (add-one)."""
    same = [e for e in examples if e.topic == topic]
    none = sum(1 for e in same if not e.controls)
    return math.log((none + 1) / (len(same) - none + 1))


def neighbour_scores(sims: Sequence[float], examples: Sequence[Example], control_ids: Sequence[str],
                     k: int, temperature: float) -> tuple[list[float], float]:
    """Label transfer from the examples most like the duty (``sims``: its similarity to each example).

    Per control: the similarity of the most similar example mapped to it (-1 when none is). And the share of
    "no fitting control" among the ``k`` nearest examples, weighted by exp(temperature * similarity)."""
    best = dict.fromkeys(control_ids, -1.0)
    for s, e in zip(sims, examples, strict=True):
        for c in e.controls:
            if c in best and s > best[c]:
                best[c] = s
    nearest = sorted(range(len(sims)), key=lambda i: -sims[i])[:k]
    weights = [math.exp(temperature * (sims[i] - sims[nearest[0]])) for i in nearest]
    none = sum(w for w, i in zip(weights, nearest, strict=True) if not examples[i].controls)
    return [best[c] for c in control_ids], (none / sum(weights) if weights else 0.0)


def ridge_directions(vectors: Any, targets: Any, ridge: float) -> tuple[Any, Any]:
    """Ridge regression of ``targets`` (one row per example, one column per output) on the examples' vectors
    (sentence embeddings, or TF-IDF rows without the embeddings): (weights, column means); a duty's prediction
    is its vector @ weights + means. Solved in the examples' dual (a few hundred rows, whatever the vectors'
    width), so it is fitted at run time on the examples in use."""
    import numpy as np

    x = np.asarray(vectors, dtype=float)
    y = np.asarray(targets, dtype=float)
    mean = y.mean(axis=0)
    return x.T @ np.linalg.solve(x @ x.T + ridge * np.eye(len(x)), y - mean), mean


class TfIdf:
    """TF-IDF rows (sublinear tf, smooth idf, unit length) over the examples' vocabulary: the vectors of the
    linear probe when the sentence embeddings are not installed. Words the examples never use carry nothing."""

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        df: Counter[str] = Counter(t for d in documents for t in set(d))
        self.vocab = {t: i for i, t in enumerate(sorted(df))}
        self.idf = {t: math.log(1 + len(documents) / n) for t, n in df.items()}

    def matrix(self, documents: Sequence[Sequence[str]]) -> Any:
        import numpy as np

        x = np.zeros((len(documents), len(self.vocab)))
        for row, tokens in enumerate(documents):
            for t, n in Counter(t for t in tokens if t in self.vocab).items():
                x[row, self.vocab[t]] = (1 + math.log(n)) * self.idf[t]
            norm = np.linalg.norm(x[row])
            if norm:
                x[row] /= norm
        return x


def text_none_direction(vectors: Any, examples: Sequence[Example], ridge: float) -> tuple[Any, float]:
    """The direction in sentence-embedding space along which the examples with no fitting control lie
    (none = 1, mapped = 0). The nearest neighbours see only the few closest examples; this reads every one,
    so a duty worded like conformity paperwork or a records-of-processing clause leans toward "none" even when
    no single example is close. ``text_none`` of a duty is its embedding . weights + mean."""
    weights, mean = ridge_directions(vectors, [[0.0 if e.controls else 1.0] for e in examples], ridge)
    return weights[:, 0], float(mean[0])


def example_text_directions(vectors: Any, examples: Sequence[Example], control_ids: Sequence[str],
                            ridge: float) -> tuple[Any, Any]:
    """Label transfer by a linear probe: per control, the direction in embedding space of the examples mapped
    to it (1) against the others (0). Where the nearest neighbour copies one example's label, this weighs all
    of them, so a wording shared by many examples of a control counts more than one lucky neighbour."""
    targets = [[1.0 if c in e.controls else 0.0 for c in control_ids] for e in examples]
    return ridge_directions(vectors, targets, ridge)


def no_match_probability(model: dict[str, float], features: dict[str, float]) -> float:
    """The logistic "no good match" model of ``suggest-ranker.yaml`` on these features."""
    x = model.get("intercept", 0.0) + sum(model.get(k, 0.0) * features.get(k, 0.0) for k in NO_MATCH_FEATURES)
    return 1 / (1 + math.exp(-max(-50.0, min(50.0, x))))


def no_match_flagged(model: dict[str, float], features: dict[str, float]) -> tuple[bool, float]:
    """Whether the model says "no good match", and its chance: flagged above the model's ``flag_above``
    (0.5 unless given), the cut-off chosen on the gold files' pooled F1, as the chance is calibrated on
    files with more fitting controls than a new statute usually has."""
    chance = no_match_probability(model, features)
    return chance > model.get("flag_above", 0.5), chance


_STATUTE_MODAL = re.compile(r"\b(?:shall|must|may|should|(?:is|are) (?:empowered|required|obliged) to)\b", re.I)


def own_subject(text: str) -> str:
    """The words before a duty's modal verb ("the division ... may make rules", "The Commission is empowered
    to"); "" for a clause without one ("(j) the handling of communication with national competent
    authorities"), which has no subject of its own: its lead-in or section has it."""
    flat = " ".join(text.split())
    subject = subject_area(flat)
    if subject.startswith("you ") and not flat.lower().startswith("you "):
        return ""  # an imperative clause ("keep at the disposal of the authorities ..."): its lead-in's party
    m = _STATUTE_MODAL.search(flat)
    if m and m.start() < len(subject):
        return flat[: m.start()]
    return "" if subject == flat else subject


def external_party(text: str, section: str, config: RankConfig, addressee: str = "") -> str | None:
    """The public body whose duty this is, if any (then no organisational control can cover it).

    In this order: the party the duty's own subject names, nearest the verb ("Without prejudice to the powers
    of the Commission, providers shall" is the provider's); a body named only as the counterpart ("providers
    shall report ... to the market surveillance authorities") does not count, reporting to authorities is an
    organisation's control (CTL-IR-04). Then the addressee the import labelled (``external_roles`` or any
    other named role; "organisation" is its default for a duty naming none): it decides for a clause without
    a subject of its own, which inherits its lead-in's party, and a named organisational role always wins, as
    a reviewer may have corrected it. The import gives a duty with a subject of its own that names no party
    ("High-risk AI systems shall be tested") the article's most frequent party, so that case is read from the
    words: a body named in the subject (``external_parties``), or, when the subject names no party at all, a
    section named after a body ("Notifying authorities").
    """
    subject = own_subject(text)
    named = statute_addressee(subject)
    if named:
        return _body_named(subject, section, named, config) if named in config.external_roles else None
    if addressee and addressee != "organisation":
        if addressee not in config.external_roles:
            return None
        if not subject:
            return _body_named(subject, section, addressee, config)
    m = config.external.search(subject)
    if m:
        return m.group(0)
    if not detect_addressee(subject) and not re.search(r"\b(?:providers?|deployers?|suppliers?|persons?)\b",
                                                       subject, re.I):
        m = config.external.search(section)
        if m:
            return m.group(0)
    return None


def external_parties(obligations: Sequence[Any], config: RankConfig) -> list[str | None]:
    """``external_party`` of each obligation (with ``text``, ``section``, ``addressee`` and ``document``), except
    when public authorities are the party a document binds most: an agency memorandum or a city's ordinance is
    adopted by the authority it binds, so those duties are the organisation's own, not someone else's (OMB
    M-24-10 names "agencies" in 40 of its 82 mandatory duties, 35 of them with a fitting control). The EU's
    institutions (the Commission, the AI Office, the Board, Member States) are never the organisation that
    adopts a document, and other bodies a document names stay external."""
    roles = [statute_addressee(own_subject(o.text)) or o.addressee for o in obligations]
    by_doc: dict[str, Counter[str]] = {}
    for o, role in zip(obligations, roles, strict=True):
        if role and role != "organisation":
            by_doc.setdefault(o.document, Counter())[role] += 1
    own = {d: c.most_common(1)[0][0] for d, c in by_doc.items()}
    return [
        None if own.get(o.document) == role == "authority"
        else external_party(o.text, o.section, config, o.addressee)
        for o, role in zip(obligations, roles, strict=True)
    ]


def _body_named(subject: str, section: str, role: str, config: RankConfig) -> str:
    """The body's name as the text gives it ("Notified bodies"), for the reviewer; else the role."""
    m = config.external.search(subject) or config.external.search(section)
    return m.group(0) if m else role


def query_text(text: str, section: str, title_words: int | None = None) -> str:
    """"section: text", as every part reads a duty; without the section when ``title_words`` is given and the
    title is longer. A long heading ("Pillar II: Minimum Risk Management Practices For High-Impact And Federal
    Personnel-Impacting AI Uses") sits over dozens of duties about different things, and its words outweigh each
    duty's own (heldout7.tsv: CTL-RSK-01 first for most of them)."""
    if section and title_words and len(section.split()) > title_words:
        section = ""
    return f"{section}: {text}" if section else text


def topic_counts(store: GraphStore, exclude_document: str | Sequence[str] | None = None) -> dict[str, Counter[str]]:
    """topic slug -> Counter(control id) over the crosswalk's obligation -> control mappings, leaving out
    those of ``exclude_document`` (one id or several)."""
    exclude = exclude_documents_filter(exclude_document)
    res = store.select(f"""
        SELECT ?topic ?cid WHERE {{
          GRAPH cgg:crosswalk {{ ?o cg:satisfiedBy ?c }}
          ?o cg:topic/skos:notation ?topic . ?c dcterms:identifier ?cid . {exclude}
        }}""")
    counts: dict[str, Counter[str]] = {}
    for row in res.values():
        counts.setdefault(row["topic"], Counter())[row["cid"]] += 1
    return counts


def exclude_documents_filter(docs: str | Sequence[str] | None, var: str = "?o") -> str:
    """A SPARQL filter dropping obligations ``var`` of the given documents ("" for none)."""
    from compgraph.graph.namespaces import entity_iri

    ids = [docs] if isinstance(docs, str) else list(docs or ())
    if not ids:
        return ""
    values = " ".join(f"<{entity_iri('document', d)}>" for d in ids)
    return f"FILTER NOT EXISTS {{ {var} cg:fromDocument ?xdoc . VALUES ?xdoc {{ {values} }} }}"


def prior_scores(topic: str, counts: dict[str, Counter[str]], control_ids: Sequence[str]) -> list[float]:
    """log P(control | topic) with add-0.5 smoothing; flat for a topic the crosswalk never saw."""
    seen = counts.get(topic, Counter())
    total = sum(seen.values()) + 0.5 * len(control_ids)
    return [math.log((seen[c] + 0.5) / total) for c in control_ids]


def zscores(values: Sequence[float]) -> list[float]:
    """Standardise over the catalog, so parts on different scales can be added; flat parts add nothing."""
    n = len(values)
    if not n:
        return []
    mean = sum(values) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / n)
    return [(v - mean) / sd if sd > 1e-12 else 0.0 for v in values]


def fuse(parts: dict[str, Sequence[float]], weights: dict[str, float]) -> list[float]:
    """Weighted sum of the parts' z-scores."""
    n = len(next(iter(parts.values()))) if parts else 0
    total = [0.0] * n
    for name, w in weights.items():
        if name in parts and w:
            for i, z in enumerate(zscores(parts[name])):
                total[i] += w * z
    return total


def confidence(score: float, cutoff: float) -> float:
    """0..1, 0.5 at the no-match cut-off: a logistic of the distance from it (SSSOM confidence)."""
    return round(1 / (1 + math.exp(-(score - cutoff))), 3)
