"""The fused rankers of control suggestions and their "no good match" rule, configured by data.

``hybrid`` (needs the embeddings extra) and ``bm25-prior`` (base install) add, per control, the z-scores of
BM25, of sentence-embedding similarity (hybrid only) and of a control-type prior learnt from the crosswalk:
how often obligations of the query's topic are mapped to that control. Every part reads the obligation
together with the title of the section it sits in, because a statute's clauses are terse ("(b) facilitating
the post-market monitoring referred to in Article 72") and the article title ("Record-keeping") carries
their subject. Weights, cut-offs and the public bodies (addressee roles and names) live in
``suggest-ranker.yaml`` beside this module; they were chosen on the tuning half of the gold set
(``tests/fixtures/suggest-gold``) only.

This module knows nothing of the store's layout beyond one query; ``suggest`` wires it in.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from compgraph.graph.store import GraphStore
from compgraph.legal.clauses import STATUTE_ROLES, statute_addressee
from compgraph.legal.duties import POLICY_ROLES, detect_addressee, subject_area

FUSED = ("hybrid", "bm25-prior")
PARTS = ("bm25", "embeddings", "prior")
CONFIG_FILE = "suggest-ranker.yaml"


class RankConfigError(ValueError):
    """The ranker configuration file is unusable; the message names the file and the field."""


@dataclass(frozen=True)
class RankConfig:
    weights: dict[str, dict[str, float]]
    no_match_below: dict[str, float]
    external: re.Pattern[str]
    path: Path
    external_roles: frozenset[str] = frozenset()


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
    return RankConfig(weights, cutoffs, pattern, path, frozenset(roles))


_STATUTE_MODAL = re.compile(r"\b(?:shall|must|may|should|(?:is|are) (?:empowered|required|obliged) to)\b", re.I)


def own_subject(text: str) -> str:
    """The words before a duty's modal verb ("the division ... may make rules", "The Commission is empowered
    to"); "" for a clause without one ("(j) the handling of communication with national competent
    authorities"), which has no subject of its own: its lead-in or section has it."""
    flat = " ".join(text.split())
    subject = subject_area(flat)
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


def _body_named(subject: str, section: str, role: str, config: RankConfig) -> str:
    """The body's name as the text gives it ("Notified bodies"), for the reviewer; else the role."""
    m = config.external.search(subject) or config.external.search(section)
    return m.group(0) if m else role


def query_text(text: str, section: str) -> str:
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
