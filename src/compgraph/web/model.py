"""What the browser pages read from the graph: lists, details, neighbours, coverage, search, graph views.

Every function takes the store and returns plain Python data; the views only arrange it. Results that
need many queries (coverage of every system, SHACL validation) are cached per (store state, date),
where the store state (``storestate``) changes with every write, so a rebuild, a review decision or a
new validation run invalidates them without any explicit signal.
"""

from __future__ import annotations

import functools
import logging
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from rdflib import Literal

from compgraph.graph.literals import NO_READABLE_DATE, iso_date
from compgraph.graph.namespaces import CGR, shorten
from compgraph.graph.store import GraphStore, LocalStore
from compgraph.questions import coverage as cv
from compgraph.questions import evidencelist as evl
from compgraph.questions import impact as im
from compgraph.questions import keptcoverage as kc
from compgraph.questions import keptstate
from compgraph.questions import trace as tr
from compgraph.web.storestate import StoreState as StoreState  # re-exported: views and tests name model.*
from compgraph.web.storestate import store_state

T = TypeVar("T")

# URL segment (plural, as in the browser) -> (IRI segment of cgr:, class local name)
KINDS: dict[str, tuple[str, str]] = {
    "documents": ("document", "SourceDocument"),
    "obligations": ("obligation", "Obligation"),
    "controls": ("control", "Control"),
    "systems": ("system", "AISystem"),
    "datasets": ("dataset", "Dataset"),
    "evidence": ("evidence", "Evidence"),
    "organisations": ("organisation", "Organisation"),
}
SEGMENT_TO_KIND = {seg: kind for kind, (seg, _) in KINDS.items()}
STATUSES = cv.STATUSES
MODALITIES = ["mandatory", "recommended", "commitment", "permission", "prohibition"]

# Plain-language names for the relations a compliance officer meets on detail pages: (outgoing, incoming).
RELATION_NAMES: dict[str, tuple[str, str]] = {
    "cg:fromDocument": ("from document", "contains obligation"),
    "cg:inSection": ("in section", "contains obligation"),
    "cg:satisfiedBy": ("satisfied by control", "satisfies obligation"),
    "cg:implementsControl": ("implements control", "implemented by"),
    "cg:operatedBy": ("operated by", "operates"),
    "cg:subjectTo": ("subject to", "applies to"),
    "cg:usesDataset": ("uses dataset", "used by"),
    "cg:trainedOn": ("trained on", "trains"),
    "cg:evidenceFor": ("evidence for control", "evidenced by"),
    "cg:concerns": ("concerns", "evidence concerning it"),
    "cg:modality": ("modality", "modality of"),
    "cg:topic": ("topic", "topic of"),
    "cg:addressee": ("addressed to", "addressee of"),
    "cg:appliesToRiskLevel": ("applies to risk level", "risk level of"),
    "cg:riskLevel": ("risk level", "risk level of"),
    "cg:annexIIIArea": ("EU AI Act Annex III area", "Annex III area of"),
    "cg:controlType": ("control type", "type of"),
    "cg:scope": ("scope", "scope of"),
    "cg:hasRole": ("role", "role of"),
    "cg:legalBasis": ("legal basis", "legal basis of"),
    "cg:mappingSubject": ("mapping of obligation", "mapped in"),
    "cg:mappingObject": ("mapping to control", "mapped in"),
    "dcterms:isPartOf": ("part of", "has part"),
}
FACT_NAMES: dict[str, str] = {
    "dcterms:identifier": "id",
    "rdfs:label": "title",
    "cg:sourceText": "text",
    "cg:sourceLine": "line in source file",
    "cg:purpose": "purpose",
    "cg:lastReviewed": "last reviewed",
    "cg:controlOwner": "owner",
    "dcterms:description": "description",
    "cg:containsPersonalData": "contains personal data",
    "dcterms:provenance": "provenance",
    "prov:wasAttributedTo": "attributed to",
    "dcterms:issued": "issued",
    "cg:validUntil": "valid until",
    "cg:sha256": "SHA-256",
    "cg:file": "file",
    "dcat:downloadURL": "download URL",
    "cg:documentVersion": "version",
    "cg:idPrefix": "id prefix",
    "cg:sectionNumber": "section number",
    "dcterms:publisher": "publisher",
}


def status_slug(status: str) -> str:
    return status.replace(" ", "-")


STATUS_BY_SLUG = {status_slug(s): s for s in STATUSES}


_CGR = str(CGR)


# Memoised: a list of findings or evidence links one node per row, tens of thousands at 1.1M triples, most
# of them the same few thousand nodes; the answer depends on the IRI alone.
@functools.lru_cache(maxsize=1 << 16)
def entity_url(iri: str) -> str | None:
    """The browser page of a cgr: entity, or None for concepts and other nodes."""
    if not iri.startswith(_CGR):
        return None
    seg, _, ident = iri[len(_CGR) :].partition("/")
    kind = SEGMENT_TO_KIND.get(seg)
    if kind is None or kind == "organisations" or not ident or "/" in ident:
        return None
    return f"/{kind}/{ident}"


def kind_of(iri: str) -> str | None:
    if not iri.startswith(_CGR):
        return None
    return iri[len(_CGR) :].partition("/")[0]


def sparql_string(text: str) -> str:
    """A SPARQL string literal for untrusted text (escapes quotes, backslashes and line breaks)."""
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    )
    return f'"{escaped}"'


# --- cache -------------------------------------------------------------------------------------


class Cache:
    """A small LRU keyed by (what, store state, date); shared by the app's threads."""

    def __init__(self, size: int = 64) -> None:
        self._data: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[tuple, threading.Event] = {}
        self.size = size

    def get(self, key: tuple, compute: Callable[[], T]) -> T:
        """The cached value, computing it once: a second caller for the same key (another request, or
        the warm-up thread) waits for the first instead of running the same seconds-long queries."""
        while True:
            with self._lock:
                if key in self._data:
                    self._data.move_to_end(key)
                    return self._data[key]
                running = self._computing.get(key)
                if running is None:
                    running = self._computing[key] = threading.Event()
                    break
            running.wait()  # then look again: computed, or failed and ours to try
        try:
            value = compute()
            with self._lock:
                self._data[key] = value
                while len(self._data) > self.size:
                    self._data.popitem(last=False)
            return value
        finally:
            with self._lock:
                del self._computing[key]
            running.set()

    def start(self, key: tuple, compute: Callable[[], Any]) -> None:
        """Begin computing ``key`` in a thread of its own unless it is cached or under way; a later ``get`` waits for
        it. For a store's query, which lets go of the GIL while Oxigraph evaluates it, beside the caller's own Python
        work (a fresh dashboard's evidence tile, 0.2 s at 1.1M triples, while the kept coverage is read from disk)."""
        with self._lock:
            if key in self._data or key in self._computing:
                return

        def run() -> None:
            try:
                self.get(key, compute)
            except Exception:  # noqa: BLE001 - the caller's own get computes it again and meets the error itself
                logging.getLogger(__name__).debug("%r not computed ahead", key, exc_info=True)

        threading.Thread(target=run, name="compgraph-ahead", daemon=True).start()


# --- lists -------------------------------------------------------------------------------------


def documents(store: GraphStore) -> list[dict[str, Any]]:
    res = store.select("""
        SELECT ?d ?id ?title ?kind ?version ?n WHERE {
          # The document classes first: Oxigraph keeps the written order, and "?d a ?cls" first is every
          # typed node in the store (2.6 s at 1.1M triples).
          ?cls rdfs:subClassOf* cg:SourceDocument . ?d a ?cls ; dcterms:identifier ?id .
          FILTER(?cls != cg:SourceDocument || NOT EXISTS { ?d a ?sub . ?sub rdfs:subClassOf cg:SourceDocument })
          OPTIONAL { ?d rdfs:label ?title } OPTIONAL { ?d cg:documentVersion ?version }
          # Counted once per document in a sub-select Oxigraph hash-joins, not grouped over every joined row:
          # 143 ms -> 20 ms at 1.1M triples (3,781 obligations), the same rows.
          OPTIONAL { SELECT ?d (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o cg:fromDocument ?d } GROUP BY ?d }
          BIND(REPLACE(STR(?cls), "^.*#", "") AS ?kind)
        } ORDER BY ?id""")
    out: dict[str, dict[str, Any]] = {}
    for d, ident, title, kind, version, n in res.rows:
        out.setdefault(
            str(d),
            {
                "iri": str(d),
                "id": str(ident),
                "title": str(title or ident),
                "kind": _split_camel(str(kind)),
                "version": str(version or ""),
                "obligations": int(n or 0),
            },
        )
    return list(out.values())


def _split_camel(name: str) -> str:
    out = "".join(" " + c.lower() if c.isupper() and i else c.lower() for i, c in enumerate(name))
    return out.strip()


def obligation_filters(store: GraphStore) -> dict[str, list[tuple[str, str]]]:
    """The values each obligation filter accepts: (slug, label)."""
    # The topics first, then their names: naming every obligation's topic before DISTINCT was 0.10-0.24 s of a fresh
    # obligation list at 1.1M triples (3.8k obligations, 20 topics), this 0.03 s.
    topics = store.select("""
        SELECT DISTINCT ?t ?n ?l WHERE { { SELECT DISTINCT ?t WHERE { ?o a cg:Obligation ; cg:topic ?t } }
          OPTIONAL { ?t skos:notation ?n } OPTIONAL { ?t skos:prefLabel ?l } } ORDER BY ?l""")
    docs = documents(store)
    return {
        "document": [(d["id"], d["title"]) for d in docs],
        "modality": [(m, m) for m in MODALITIES],
        "topic": sorted({(_slug(t, n), str(lab or _slug(t, n))) for t, n, lab in topics.rows}, key=lambda x: x[1]),
        "status": [(status_slug(s), s) for s in STATUSES],
    }


def _slug(concept: Any, notation: Any) -> str:
    if notation is not None:
        return str(notation)
    return str(concept).rsplit("#", 1)[-1]


def obligations(
    store: GraphStore,
    as_of: date,
    cache: Cache,
    *,
    document: str | None = None,
    modality: str | None = None,
    topic: str | None = None,
    status: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """One page of the obligations matching the filters, and how many match in all."""
    conds = []
    if document:
        conds.append(f"?o cg:fromDocument/dcterms:identifier {sparql_string(document)} .")
    if modality:
        conds.append(
            f"?o cg:modality ?mf . OPTIONAL {{ ?mf skos:prefLabel ?mfl }} OPTIONAL {{ ?mf skos:notation ?mfn }} "
            f"FILTER(LCASE(STR(?mfl)) = {sparql_string(modality)} || LCASE(STR(?mfn)) = {sparql_string(modality)})"
        )
    if topic:
        conds.append(
            f"?o cg:topic ?tf . OPTIONAL {{ ?tf skos:notation ?tfn }} "
            f'FILTER(STR(?tfn) = {sparql_string(topic)} || REPLACE(STR(?tf), "^.*#", "") = {sparql_string(topic)})'
        )
    # Ids first, details for one page only: turning query answers into Python terms is what costs
    # time on long lists, so a page never converts more rows than it shows.
    if conds:
        res = store.select(f"""
            SELECT DISTINCT ?o ?id WHERE {{ ?o a cg:Obligation ; dcterms:identifier ?id . {" ".join(conds)} }}
            ORDER BY ?id""")
        iris = list(dict.fromkeys(str(o) for o, _ in res.rows))
    else:
        iris = [o for o, _ in ordered_ids(store, cache, "Obligation")]
    statuses = obligation_statuses(store, as_of, cache)
    if status:
        iris = [o for o in iris if statuses.get(o, tr.UNMAPPED) == status]
    total = len(iris)
    page = iris[offset : offset + limit] if limit is not None else iris[offset:]
    if not page:
        return [], total
    detail = store.select(f"""
        SELECT ?o ?id ?text ?modl ?mnote ?did ?dtitle ?topicl WHERE {{
          VALUES ?o {{ {" ".join(f"<{o}>" for o in page)} }}
          ?o dcterms:identifier ?id .
          OPTIONAL {{ ?o cg:fromDocument ?d . ?d dcterms:identifier ?did . OPTIONAL {{ ?d rdfs:label ?dtitle }} }}
          OPTIONAL {{ ?o cg:sourceText ?text }}
          OPTIONAL {{ ?o cg:modality ?m . OPTIONAL {{ ?m skos:prefLabel ?modl }}
                      OPTIONAL {{ ?m skos:notation ?mnote }} }}
          OPTIONAL {{ ?o cg:topic ?t . ?t skos:prefLabel ?topicl }}
        }}""")
    out: dict[str, dict[str, Any]] = {}
    for o, ident, text, modl, mnote, did, dtitle, topicl in detail.rows:
        row = out.get(str(o))
        if row is None:
            row = out[str(o)] = {
                "iri": str(o),
                "id": str(ident),
                "document": str(did or ""),
                "document_title": str(dtitle or did or ""),
                "modality": str(modl or mnote or ""),
                "topic": str(topicl or ""),
                "text": str(text or ""),
                "status": statuses.get(str(o), tr.UNMAPPED),
            }
        elif topicl and str(topicl) not in row["topic"].split(", "):
            row["topic"] += ", " + str(topicl)
    return [out[o] for o in page if o in out], total


def obligation_statuses(store: GraphStore, as_of: date, cache: Cache) -> dict[str, str]:
    """Each obligation's trace status (its best link over all implementers)."""
    return coverage(store, as_of, cache).obligation_status


def controls(store: GraphStore) -> list[dict[str, Any]]:
    res = store.select("""
        SELECT ?c ?id ?title ?type ?scope ?owner ?nobl ?nimpl WHERE {
          ?c a cg:Control ; dcterms:identifier ?id .
          OPTIONAL { ?c rdfs:label ?title } OPTIONAL { ?c cg:controlType/skos:prefLabel ?type }
          OPTIONAL { ?c cg:scope ?sc } BIND(REPLACE(STR(?sc), "^.*#", "") AS ?scope)
          OPTIONAL { ?c cg:controlOwner ?owner }
          # Counted apart: two OPTIONALs side by side multiply obligations by implementers for every
          # control before counting (5.5 s -> 0.2 s for 460 controls at 1.1M triples).
          OPTIONAL { SELECT ?c (COUNT(DISTINCT ?o) AS ?nobl) WHERE { ?o cg:satisfiedBy ?c } GROUP BY ?c }
          OPTIONAL { SELECT ?c (COUNT(DISTINCT ?impl) AS ?nimpl) WHERE { ?impl cg:implementsControl ?c } GROUP BY ?c }
        } ORDER BY ?id""")
    out: dict[str, dict[str, Any]] = {}
    for c, ident, title, ctype, scope, owner, nobl, nimpl in res.rows:
        out.setdefault(
            str(c),
            {
                "iri": str(c),
                "id": str(ident),
                "title": str(title or ident),
                "type": str(ctype or ""),
                "scope": _split_camel(str(scope or "")).replace(" scope", ""),
                "owner": str(owner or ""),
                "obligations": int(nobl or 0),
                "implementers": int(nimpl or 0),
            },
        )
    return list(out.values())


def ordered_ids(store: GraphStore, cache: Cache, cls: str) -> list[tuple[str, str]]:
    """Every ``cg:{cls}`` node with its (smallest) id, by id; kept per store state.

    Sorted in Python: Oxigraph's ORDER BY decodes each id on every comparison (7 s for 80k evidence
    records at 1.1M triples), and paged lists then fetch one page's details with a VALUES query.
    """
    return cache.get(*_ordered_ids_job(store, cls))


def ordered_ids_ahead(store: GraphStore, cache: Cache, cls: str) -> None:
    """``ordered_ids`` begun in a thread (``Cache.start``), for a later call to wait for."""
    cache.start(*_ordered_ids_job(store, cls))


def _ordered_ids_job(store: GraphStore, cls: str) -> tuple[tuple[str, ...], Callable[[], list[tuple[str, str]]]]:
    def compute() -> list[tuple[str, str]]:
        # Two sub-selects, which Oxigraph hash-joins (one pattern looked each node's id up: 81k evidence
        # records 0.85 s -> 0.56 s).
        res = cv.plain_rows(
            store,
            f"SELECT ?x ?id WHERE {{ {{ SELECT ?x WHERE {{ ?x a cg:{cls} }} }}"
            " { SELECT ?x ?id WHERE { ?x dcterms:identifier ?id } } }",
        )
        first: dict[str, str] = {}
        for ident, x in sorted((i, x) for x, i in res):
            first.setdefault(x, ident)
        return list(first.items())

    return ("ordered-ids", cls, store_state(store).key), compute


def _page(items: list[T], limit: int | None, offset: int) -> list[T]:
    return items[offset : offset + limit] if limit is not None else items[offset:]


def systems_basic(
    store: GraphStore, cache: Cache, limit: int | None = None, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """One page of the AI systems by id (all with no limit), and how many there are."""
    ids = ordered_ids(store, cache, "AISystem")
    page = _page(ids, limit, offset)
    if not page:
        return [], len(ids)
    res = store.select(f"""
        SELECT ?s ?label ?risk ?annex ?org ?reviewed WHERE {{
          VALUES ?s {{ {" ".join(f"<{s}>" for s, _ in page)} }}
          OPTIONAL {{ ?s rdfs:label ?label }} OPTIONAL {{ ?s cg:riskLevel/skos:prefLabel ?risk }}
          OPTIONAL {{ ?s cg:annexIIIArea/skos:prefLabel ?annex }} OPTIONAL {{ ?s cg:operatedBy/rdfs:label ?org }}
          OPTIONAL {{ ?s cg:lastReviewed ?reviewed }}
        }}""")
    found: dict[str, tuple] = {}
    for s, *rest in res.rows:
        found.setdefault(str(s), tuple(rest))
    out = []
    for s, ident in page:
        label, risk, annex, org, reviewed = found.get(s, (None,) * 5)
        out.append(
            {
                "iri": s,
                "id": ident,
                "label": str(label or ident),
                "risk": str(risk or ""),
                "annex_iii": str(annex or ""),
                "organisation": str(org or ""),
                "last_reviewed": str(reviewed or ""),
            }
        )
    return out, len(ids)


def datasets(store: GraphStore) -> list[dict[str, Any]]:
    res = store.select("""
        SELECT ?d ?id ?label ?pd ?basis (COUNT(DISTINCT ?s) AS ?n) WHERE {
          ?d a cg:Dataset ; dcterms:identifier ?id .
          OPTIONAL { ?d rdfs:label ?label } OPTIONAL { ?d cg:containsPersonalData ?pd }
          OPTIONAL { ?d cg:legalBasis ?b . OPTIONAL { ?b skos:prefLabel ?bl } }
          BIND(COALESCE(?bl, REPLACE(STR(?b), "^.*[#/]", "")) AS ?basis)
          OPTIONAL { ?s cg:usesDataset|cg:trainedOn ?d }
        } GROUP BY ?d ?id ?label ?pd ?basis ORDER BY ?id""")
    out: dict[str, dict[str, Any]] = {}
    for d, ident, label, pd, basis, n in res.rows:
        out.setdefault(
            str(d),
            {
                "iri": str(d),
                "id": str(ident),
                "label": str(label or ident),
                "personal_data": "yes" if str(pd).lower() == "true" else ("no" if pd is not None else ""),
                "legal_basis": str(basis or ""),
                "systems": int(n),
            },
        )
    return list(out.values())


def evidence(
    store: GraphStore, as_of: date, cache: Cache, limit: int | None = None, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """One page of the evidence records (all with no limit), each with its state on ``as_of``, and how many
    there are: a page of ``evidence_rows``, so one query and one row shape serve the list and its pages."""
    rows = evidence_rows(store, cache)
    page = [dict(r, state=evidence_state(r["valid_until"] or None, as_of)) for r in _page(rows, limit, offset)]
    return page, len(rows)


def evidence_rows(store: GraphStore, cache: Cache) -> list[dict[str, Any]]:
    """Every evidence record by id with what the evidence list sorts and filters on; kept per store state.

    The list sorts by valid-until and filters by owner, control and system over all records, so it reads
    them all. An embedded store keeps them in an index that a write updates in part (``questions.evidencelist``):
    the first view after adding an evidence item reads that item, not the 81k records of a 1.1M-triple store.
    """
    return cache.get(("evidence-rows", store_state(store).key), lambda: evl.rows(store, _evidence_index(store)))


_evidence_indexes: weakref.WeakKeyDictionary[GraphStore, evl.EvidenceIndex] = weakref.WeakKeyDictionary()
_indexes_lock = threading.Lock()


def _evidence_index(store: GraphStore) -> evl.EvidenceIndex:
    # As the last server left it, if one saved it (``keep``): a write since then is read as a running server reads it.
    return _held(_evidence_indexes, store, lambda: keptstate.load_index(store) or evl.EvidenceIndex())


def _new_keeper(store: GraphStore) -> kc.CoverageKeeper:
    return keptstate.load_keeper(store) or kc.CoverageKeeper()


def _held(table: weakref.WeakKeyDictionary[GraphStore, T], store: GraphStore, make: Callable[[], T]) -> T:
    """What ``table`` keeps for ``store`` (an index, a kept coverage), made on first use; the server's threads
    share it, so it is made once."""
    with _indexes_lock:
        held = table.get(store)
        if held is None:
            held = table[store] = make()
        return held


def evidence_state(until: Any, as_of: date) -> str:
    if until is None:
        return "no expiry date"
    day = iso_date(until)
    if day is None:
        return NO_READABLE_DATE  # as the exports and the questions say
    return "current" if day >= as_of else "expired"


# --- coverage ----------------------------------------------------------------------------------


def coverage(store: GraphStore, as_of: date, cache: Cache) -> cv.Coverage:
    """Every system's binding obligations counted by status, per document, risk level and system."""
    state = store_state(store).key

    def compute() -> cv.Coverage:
        snap = coverage_snapshot(store, cache, state)
        keeper = _keeper(store)
        return keeper.evaluate(snap, as_of) if keeper is not None else cv.evaluate(snap, as_of)

    return cache.get(("coverage", state, as_of), compute)


def warm(store: GraphStore, cache: Cache, as_of: date | None = None) -> None:
    """Fill the caches the first page views need (coverage inputs, the paged lists' order), so the
    first visitor after a server start does not wait seconds for them; ``serve`` runs it in a thread."""
    import logging

    try:
        evidence_rows(store, cache)  # first: builds the evidence index coverage's snapshot then reads
        coverage(store, as_of or date.today(), cache)
        for cls in ("AISystem", "Evidence", "Obligation"):
            ordered_ids(store, cache, cls)
        single_points(store, as_of or date.today(), cache)  # saved with the coverage: a new process's /impact
    except Exception:  # a warm-up must never take the server down; the page will report the error
        logging.getLogger(__name__).exception("cache warm-up failed")


def keep(store: GraphStore, stop: threading.Event, every: float) -> None:
    """Save the evidence index and the kept coverage beside an embedded store after ``warm``, then every ``every``
    seconds if a write moved them (``questions.keptstate``), until ``stop`` is set: the next server started on a
    state it has not seen goes on from these instead of reading the store whole."""
    if not isinstance(store, LocalStore) or store.read_only:
        return

    def objects() -> tuple[evl.EvidenceIndex | None, kc.CoverageKeeper | None]:
        with _indexes_lock:
            return _evidence_indexes.get(store), _keepers.get(store)

    keptstate.keep_saving(store, objects, stop, every)


def coverage_snapshot(store: GraphStore, cache: Cache, state: tuple | None = None) -> cv.Snapshot:
    """Coverage's date-independent inputs, read once per store state (shared by every date and /impact)."""
    key = state if state is not None else store_state(store).key

    def compute() -> cv.Snapshot:
        keeper = _keeper(store)
        if keeper is None:  # a remote store: no graph hashes to tell what a write changed
            return cv.snapshot(store, impact=False, latest=_kept_latest(store))
        return keeper.snapshot(store, _kept_latest(store))

    return cache.get(("coverage-snapshot", key), compute)


_keepers: weakref.WeakKeyDictionary[GraphStore, kc.CoverageKeeper] = weakref.WeakKeyDictionary()


def _keeper(store: GraphStore) -> kc.CoverageKeeper | None:
    """The embedded store's kept coverage (questions.keptcoverage): after a write, only what it can change is
    made again. None for a remote store (no graph hashes to tell what changed)."""
    return _held(_keepers, store, lambda: _new_keeper(store)) if isinstance(store, LocalStore) else None


def _kept_latest(store: GraphStore) -> dict[tuple[str, str], date] | None:
    """The latest evidence dates from the evidence list's index once it is built (a write then updates it in
    part); None before, so a process's first dashboard does not wait for the index (~3 s query, ~12 s index
    at 1.1M triples): ``warm`` and /evidence build it."""
    index = _evidence_index(store)
    return evl.latest(store, index) if index.built else None


def impact_snapshot(store: GraphStore, cache: Cache) -> cv.Snapshot:
    """The coverage snapshot with what impact needs besides (added on first use)."""
    return cv.with_impact_inputs(store, coverage_snapshot(store, cache))


def single_points(store: GraphStore, as_of: date, cache: Cache) -> list[im.SinglePointSummary]:
    """/impact's single points of failure, once per store state and date (kept with the snapshot besides)."""
    return cache.get(
        ("single-points", store_state(store).key, as_of),
        lambda: im.single_point_summary(store, as_of, impact_snapshot(store, cache)),
    )


# --- detail pages ------------------------------------------------------------------------------


def resolve_kind(store: GraphStore, kind: str, ident: str) -> str:
    """The IRI of the ``kind`` entity with that id; raises UnknownEntity."""
    seg, cls = KINDS[kind]
    iri = f"{CGR}{seg}/{ident}"
    check = "?cls rdfs:subClassOf* cg:SourceDocument ." if cls == "SourceDocument" else f"FILTER(?cls = cg:{cls})"
    res = store.select(f"ASK {{ <{iri}> a ?cls . {check} }}") if _safe_iri_part(ident) else None
    if res is not None and res.boolean:
        return iri
    # Ids are normally the IRI's last segment; fall back to dcterms:identifier for any that are not.
    return tr.resolve(store, ident, cls if cls != "SourceDocument" else None)


def _safe_iri_part(ident: str) -> bool:
    return bool(ident) and not any(ch in ident for ch in '<>"{}|^`\\ \n\t')


def property_names(store: GraphStore) -> dict[str, str]:
    """Each property's rdfs:label (or skos:prefLabel) from the ontology in the store, by IRI."""
    res = store.select("""SELECT ?p (SAMPLE(?l) AS ?label) WHERE {
        VALUES ?t { owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty rdf:Property }
        ?p a ?t ; rdfs:label|skos:prefLabel ?l FILTER(LANGMATCHES(LANG(?l), "en") || LANG(?l) = "") } GROUP BY ?p""")
    return {str(p): str(lab) for p, lab in res.rows}


def property_name(iri: str, names: dict[str, str]) -> str:
    """A property in words: our plain name, else the ontology's label, else its local name split into words
    (``reviewDue`` -> "review due"); never a prefixed name such as ``cg:reviewDue``."""
    short = shorten(iri)
    if short in FACT_NAMES:
        return FACT_NAMES[short]
    if iri in names:
        return names[iri]
    local = iri.rstrip("/#").replace("#", "/").rsplit("/", 1)[-1]
    return _split_camel(local) or local


def facts(store: GraphStore, iri: str) -> list[tuple[str, str]]:
    """The node's literal properties, named in plain language."""
    res = store.query(f"SELECT ?p ?v WHERE {{ <{iri}> ?p ?v FILTER(isLiteral(?v)) }}")
    names = property_names(store)
    out = []
    for p, v in res.rows:
        name = property_name(str(p), names)
        value = str(v)
        if isinstance(v, Literal) and v.datatype is not None and str(v.datatype).endswith("#boolean"):
            value = "yes" if value.lower() == "true" else "no"
        out.append((name, value))
    order = list(FACT_NAMES.values())
    return sorted(out, key=lambda kv: (order.index(kv[0]) if kv[0] in order else 99, kv[0], kv[1]))


def label(store: GraphStore, iri: str) -> str:
    # The title before the id: a UNION answered in any order, and pages said "sys-credit-limit: sys-credit-limit".
    res = store.select(
        f"SELECT ?l WHERE {{ OPTIONAL {{ <{iri}> rdfs:label ?a }} OPTIONAL {{ <{iri}> skos:prefLabel ?b }} "
        f"OPTIONAL {{ <{iri}> dcterms:identifier ?c }} BIND(COALESCE(?a, ?b, ?c) AS ?l) FILTER(BOUND(?l)) }} LIMIT 1"
    )
    return str(res.rows[0][0]) if res.rows else shorten(iri)


@dataclass
class Neighbour:
    relation: str
    direction: str  # "out" | "in"
    iri: str
    label: str
    kind: str | None
    url: str | None


def neighbours(store: GraphStore, iri: str) -> list[Neighbour]:
    res = store.select(f"""
        SELECT ?dir ?p ?n (SAMPLE(?l) AS ?label) (SAMPLE(?nid) AS ?id) WHERE {{
          {{ <{iri}> ?p ?n . BIND("out" AS ?dir) }} UNION {{ ?n ?p <{iri}> . BIND("in" AS ?dir) }}
          FILTER(isIRI(?n) && ?p != rdf:type)
          OPTIONAL {{ ?n rdfs:label|skos:prefLabel ?l }} OPTIONAL {{ ?n dcterms:identifier ?nid }}
        }} GROUP BY ?dir ?p ?n""")
    out = []
    props = property_names(store)
    for d, p, n, lab, nid in res.rows:
        short = shorten(str(p))
        names = RELATION_NAMES.get(short)
        plain = property_name(str(p), props)
        relation = (
            (names[0] if str(d) == "out" else names[1]) if names else (plain if str(d) == "out" else f"{plain} of")
        )
        if kind_of(str(n)) == "mapping":
            continue  # a mapping is shown with its author, date and comment, not as a bare node id
        text = str(lab or nid or shorten(str(n)))  # a node without a name is named by its IRI
        if nid and lab and kind_of(str(n)) in ("obligation", "control", "evidence", "system", "dataset"):
            text = f"{nid}: {lab}"
        out.append(Neighbour(relation, str(d), str(n), text, kind_of(str(n)), entity_url(str(n))))
    kind_rank = {"document": 0, "obligation": 1, "control": 2, "organisation": 3, "system": 4, "dataset": 5}
    return sorted(out, key=lambda x: (x.direction != "out", kind_rank.get(x.kind or "", 9), x.relation, x.label))


def control_mappings(store: GraphStore, iri: str) -> list[dict[str, Any]]:
    res = store.select(f"""
        SELECT ?o ?oid ?text ?rel ?why ?conf WHERE {{
          ?o cg:satisfiedBy <{iri}> ; dcterms:identifier ?oid . OPTIONAL {{ ?o cg:sourceText ?text }}
          OPTIONAL {{ ?m cg:mappingSubject ?o ; cg:mappingObject <{iri}> .
            OPTIONAL {{ ?m cg:mappingPredicate ?rel }} OPTIONAL {{ ?m rdfs:comment ?why }}
            OPTIONAL {{ ?m cg:confidence ?conf }} }}
        }} ORDER BY ?oid""")
    out: dict[str, dict[str, Any]] = {}
    for o, oid, text, rel, why, conf in res.rows:
        out.setdefault(
            str(o),
            {
                "iri": str(o),
                "id": str(oid),
                "text": str(text or ""),
                "relation": shorten(str(rel)) if rel else "",
                "justification": str(why or ""),
                "confidence": str(conf or ""),
            },
        )
    return list(out.values())


def control_implementers(store: GraphStore, iri: str, as_of: date) -> list[tr.Implementation]:
    """Who implements the control (systems and organisations) and their evidence."""
    res = store.select(f"""
        SELECT ?impl ?id ?label ?e ?eid ?elabel ?until WHERE {{
          ?impl cg:implementsControl <{iri}> ; dcterms:identifier ?id . OPTIONAL {{ ?impl rdfs:label ?label }}
          OPTIONAL {{ ?e cg:evidenceFor <{iri}> ; cg:concerns ?impl ; dcterms:identifier ?eid ; cg:validUntil ?until .
                     OPTIONAL {{ ?e rdfs:label ?elabel }} }}
        }} ORDER BY ?id ?eid""")
    out: dict[str, tr.Implementation] = {}
    for impl, ident, lab, e, eid, elabel, until in res.rows:
        item = out.setdefault(str(impl), tr.Implementation(str(impl), str(ident), str(lab or ident)))
        if e is not None:
            item.evidence.append(
                tr.EvidenceItem(
                    str(e), str(eid), str(elabel or eid), str(until), evidence_state(until, as_of) == "current"
                )
            )
    return list(out.values())


# --- search ------------------------------------------------------------------------------------


def search(store: GraphStore, q: str, limit: int = 200) -> list[dict[str, Any]]:
    """Entities whose label, id or obligation text contains ``q`` (case-insensitive)."""
    needle = sparql_string(q.lower())
    # The text shown is the first that matches of the source text, the label, the id: SAMPLE over them was the
    # engine's choice (Virtuoso and Oxigraph chose differently), and Virtuoso's MIN of strings is not their order.
    res = store.select(f"""
        SELECT ?x ?id ?label ?match WHERE {{
          {{ SELECT ?x WHERE {{
            {{ ?x rdfs:label ?hit }} UNION {{ ?x cg:sourceText ?hit }} UNION {{ ?x dcterms:identifier ?hit }}
            FILTER(STRSTARTS(STR(?x), "{CGR}") && CONTAINS(LCASE(STR(?hit)), {needle}))
          }} GROUP BY ?x }}
          ?x dcterms:identifier ?id .
          OPTIONAL {{ ?x rdfs:label ?label }}
          OPTIONAL {{ ?x cg:sourceText ?text FILTER(CONTAINS(LCASE(STR(?text)), {needle})) }}
          OPTIONAL {{ ?x rdfs:label ?named FILTER(CONTAINS(LCASE(STR(?named)), {needle})) }}
          BIND(COALESCE(?text, ?named, ?id) AS ?match)
        }} ORDER BY ?id LIMIT {int(limit)}""")
    out = []
    for x, ident, lab, match in res.rows:
        kind = kind_of(str(x)) or ""
        out.append(
            {
                "iri": str(x),
                "id": str(ident),
                "kind": kind,
                "label": str(lab or ident),
                "match": str(match),
                "url": entity_url(str(x)),
            }
        )
    return out


def get_store() -> GraphStore:
    """The store of the app serving the current request."""
    from flask import current_app

    return current_app.extensions["compgraph_store"]
