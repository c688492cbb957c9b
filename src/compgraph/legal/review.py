"""Review decisions on suggested obligation -> control mappings, kept as an SSSOM mapping set.

One file per reviewed document, ``<mappings>/review-<DOC_ID>.sssom.tsv``. Accepted decisions are rows with
``semapv:ManualMappingCuration``; rejected ones stay in the file with ``predicate_modifier: Not`` (SSSOM's
negation) so a later review does not propose them as new; only accepted rows reach the graph, in
``cgg:mappingset/review-<DOC_ID>``, through ``catalog.mappings_graph`` like every other mapping set.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, SKOS

from compgraph.graph import catalog, history
from compgraph.graph.build import BuildPlan, Source, apply_plan
from compgraph.graph.namespaces import CG, PREFIXES, agent_slug, entity_iri, graph_iri
from compgraph.graph.store import GraphStore, LocalStore
from compgraph.legal.titles import default_title

RELATIONS = ("exactMatch", "broadMatch", "narrowMatch", "relatedMatch")
# The review page's plain-language choices, read as "the control ... the obligation", and the SKOS predicate
# each records (obligation -> control; NIST IR 8477 relation in brackets, as in docs/design.md).
RELATION_CHOICES = (
    ("exactMatch", "fully covers", "the control does what the obligation asks, no more (IR 8477: equal)"),
    ("narrowMatch", "partly covers", "the control does part of what the obligation asks (IR 8477: superset)"),
    ("broadMatch", "covers more than", "the control does all the obligation asks, and more (IR 8477: subset)"),
    ("relatedMatch", "related to", "they overlap; neither covers the other (IR 8477: intersects)"),
)
ACTIONS = ("accept", "reject")
COLUMNS = (
    "subject_id",
    "subject_label",
    "predicate_id",
    "predicate_modifier",
    "object_id",
    "object_label",
    "mapping_justification",
    "confidence",
    "author_id",
    "author_label",
    "mapping_date",
    "comment",
)
MANUAL = "semapv:ManualMappingCuration"
LEXICAL = "semapv:LexicalMatching"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_MAX_TEXT = 200


class ReviewError(ValueError):
    """A decision or a review file is not acceptable; the message says which and why."""


@dataclass
class Decision:
    obligation: str
    control: str
    action: str  # accept | reject | suggested (an unreviewed suggestion, only in `suggest --format sssom`)
    relation: str = "skos:exactMatch"
    author: str = ""
    mapping_date: str = ""
    confidence: float | None = None
    comment: str = ""
    subject_label: str = ""
    object_label: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.obligation, self.control)


@dataclass
class ReviewResult:
    path: Path
    accepted: int
    rejected: int
    graph: str
    triples: int
    note: str = ""
    changed: list[Decision] = field(default_factory=list)


# --- validation --------------------------------------------------------------------------------


def parse_relation(value: str) -> str:
    """'broadMatch' or 'skos:broadMatch' -> 'skos:broadMatch'; anything else is an error."""
    name = value.strip().removeprefix("skos:")
    if name not in RELATIONS:
        raise ReviewError(f"unknown relationship {value!r} (one of {', '.join(RELATIONS)})")
    return f"skos:{name}"


MAX_IDENT = 100  # an id names a file (the catalog, its source text): 5,000 characters were an OSError, a 500


def check_ident(value: str, what: str) -> str:
    if len(value or "") > MAX_IDENT:
        raise ReviewError(f"{what} {value[:40]!r}... is longer than {MAX_IDENT} characters")
    if not _ID.match(value or ""):
        raise ReviewError(f"{what} {value!r} is not a valid id (letters, digits, . _ -)")
    return value


def check_author(value: str) -> str:
    author = (value or "").strip()
    if not author:
        raise ReviewError("a reviewer name is required")
    if len(author) > 100 or any(ch in author for ch in "\t\r\n") or not author.isprintable():
        raise ReviewError("the reviewer name must be one line of at most 100 printable characters")
    return author


def check_comment(value: str) -> str:
    comment = " ".join((value or "").split())
    if len(comment) > _MAX_TEXT * 5:
        raise ReviewError(f"comment longer than {_MAX_TEXT * 5} characters")
    return comment


def parse_pair(value: str, with_relation: bool) -> tuple[str, str, str]:
    """'OBL=CTL[:relation]' (command line) -> (obligation, control, skos relation)."""
    left, sep, right = value.partition("=")
    if not sep:
        raise ReviewError(f"{value!r}: expected OBLIGATION_ID=CONTROL_ID{'[:relation]' if with_relation else ''}")
    control, _, relation = right.partition(":")
    if relation and not with_relation:
        raise ReviewError(f"{value!r}: a rejection takes no relationship")
    return (
        check_ident(left.strip(), "obligation"),
        check_ident(control.strip(), "control"),
        parse_relation(relation) if relation else "skos:exactMatch",
    )


# --- the file ----------------------------------------------------------------------------------


def review_path(doc_id: str, mappings: Path) -> Path:
    return mappings / f"review-{check_ident(doc_id, 'document')}.sssom.tsv"


def _writable(folder: Path) -> bool:
    probe = folder if folder.exists() else next((p for p in folder.parents if p.exists()), None)
    return probe is not None and os.access(probe, os.W_OK)


def user_data_dir(store: GraphStore | None = None) -> Path:
    """Where user files go when the mappings folder is read-only (an installed wheel): beside the store."""
    if isinstance(store, LocalStore):
        base = Path(store.location)
        return base.parent / f"{base.name}-user" / "mappings"
    home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(home) / "compgraph" / "mappings"


def resolve_mappings_dir(preferred: Path | None, store: GraphStore | None = None) -> tuple[Path, str]:
    """(folder, note): ``preferred`` or ./mappings when writable, else the user data folder (and a note saying so)."""
    folder = preferred or Path.cwd() / "mappings"
    if _writable(folder):
        return folder, ""
    fallback = user_data_dir(store)
    return fallback, f"{folder} is not writable; using {fallback} instead"


def author_curie(name: str) -> str:
    """SSSOM wants author_id to be a CURIE: a reviewer's name becomes ``cgagent:<slug>`` (the name itself
    goes to author_label), so sssom-py keeps the row instead of dropping it."""
    return f"cgagent:{agent_slug(name)}" if name.strip() else ""


def render_sssom(doc_id: str, decisions: Iterable[Decision], title: str | None = None) -> str:
    """The review file: SSSOM TSV that ``sssom validate`` accepts (every CURIE's prefix is in curie_map)."""
    ordered = sorted(decisions, key=lambda d: (_natural(d.obligation), d.control))
    authors = {author_curie(d.author): _one_line(d.author) for d in ordered if d.author.strip()}
    # The set changes with every decision, so its version is the date of the newest one.
    version = max((d.mapping_date for d in ordered if d.mapping_date), default="") or date.today().isoformat()
    header = [
        "curie_map:",
        f"  obl: {PREFIXES['obl']}",
        f"  ctl: {PREFIXES['ctl']}",
        f"  skos: {PREFIXES['skos']}",
        f"  semapv: {PREFIXES['semapv']}",
        f"  cgagent: {PREFIXES['cgagent']}",
        f"mapping_set_id: {graph_iri('mappingset', f'review-{doc_id}')}",
        f'mapping_set_version: "{version}"',
        f"mapping_set_title: {title or f'Reviewed control mappings for {doc_id}'}",
        f"license: {LICENSE}",
        "mapping_tool: compgraph review",
    ]
    if authors:
        header += ["creator_id:", *(f"  - {curie}" for curie in sorted(authors))]
        header += ["creator_label:", *(f"  - {json.dumps(authors[c], ensure_ascii=False)}" for c in sorted(authors))]
    buf = io.StringIO()
    for line in header:
        buf.write(f"#{line}\n")
    writer = csv.writer(buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for d in ordered:
        manual = d.action in ACTIONS
        writer.writerow(
            [
                f"obl:{d.obligation}",
                _one_line(d.subject_label),
                d.relation,
                "Not" if d.action == "reject" else "",
                f"ctl:{d.control}",
                _one_line(d.object_label),
                MANUAL if manual else LEXICAL,
                "" if d.confidence is None else f"{d.confidence:g}",
                author_curie(d.author),
                _one_line(d.author),
                d.mapping_date,
                _one_line(d.comment),
            ]
        )
    return buf.getvalue()


def _one_line(text: str) -> str:
    return " ".join((text or "").split())


def _natural(ident: str) -> list:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", ident)]


def read_review(path: Path) -> list[Decision]:
    """The decisions in a review file (validated by the same reader ``build`` uses)."""
    if not path.is_file():
        return []
    _, rows = catalog.read_sssom(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [ln for ln in lines if not ln.startswith("#")]
    modifiers = [(rec.get("predicate_modifier") or "").strip() for rec in csv.DictReader(body, delimiter="\t")]
    decisions = []
    for row, modifier in zip(rows, modifiers, strict=True):
        if modifier not in ("", "Not"):
            raise catalog.InputError(path, row.line, f"unknown predicate_modifier {modifier!r} (Not or empty)")
        # only a person's decision (manual curation) counts; anything else is an unreviewed suggestion
        action = ("reject" if modifier == "Not" else "accept") if row.justification == MANUAL else "suggested"
        decisions.append(
            Decision(
                obligation=row.subject.removeprefix("obl:"),
                control=row.object.removeprefix("ctl:"),
                action=action,
                relation=row.predicate,
                author=row.author_label or row.author.removeprefix("cgagent:"),
                mapping_date=row.mapping_date,
                confidence=row.confidence,
                comment=row.comment,
                subject_label=row.subject_label,
                object_label=row.object_label,
            )
        )
    return decisions


# --- store -------------------------------------------------------------------------------------


def _ids(store: GraphStore, query: str) -> dict[str, str]:
    return {r["id"]: r.get("label") or "" for r in store.select(query).values()}


def document_obligations(store: GraphStore, doc_id: str) -> dict[str, str]:
    doc = entity_iri("document", doc_id)
    return _ids(
        store,
        f"SELECT ?id ?label WHERE {{ ?o cg:fromDocument <{doc}> ; dcterms:identifier ?id ; cg:sourceText ?label }}",
    )


def known_controls(store: GraphStore) -> dict[str, str]:
    return _ids(store, "SELECT ?id ?label WHERE { ?c a cg:Control ; dcterms:identifier ?id ; rdfs:label ?label }")


def load_review(store: GraphStore, doc_id: str, path: Path) -> tuple[str, int]:
    """Replace the document's review graph with the accepted decisions in ``path`` (with provenance)."""
    target = graph_iri("mappingset", f"review-{doc_id}")
    # Decisions on obligations a replaced text no longer has stay in the file (the reviewer's record) but
    # are not loaded; import reports them.
    current = set(document_obligations(store, doc_id))
    accepted = [d for d in read_review(path) if d.action == "accept" and d.obligation in current]
    # mappings_graph reads a file: give it one holding only the accepted rows, so rejected and unreviewed
    # rows can never become cg:satisfiedBy triples.
    with tempfile.TemporaryDirectory() as tmp:
        only = Path(tmp) / path.name
        only.write_text(render_sssom(doc_id, accepted), encoding="utf-8")
        rdf = catalog.mappings_graph(only, set(document_obligations(store, doc_id)), set(known_controls(store)))
    for node in rdf.subjects(predicate=CG.mappingSubject):
        rdf.add((node, PROV.wasDerivedFrom, Literal(path.name)))
    set_iri = URIRef(target)
    rdf.add((set_iri, PROV.wasDerivedFrom, Literal(str(path))))
    counts = apply_plan(store, BuildPlan(sources=[Source(target, path, rdf)]), relative_to=path.parent)
    return target, counts[target]


def apply_decisions(
    store: GraphStore,
    doc_id: str,
    decisions: list[Decision],
    mappings: Path | None = None,
    *,
    today: date | None = None,
) -> ReviewResult:
    """Validate, merge into the document's review file (newest decision wins), save, reload the graph."""
    check_ident(doc_id, "document")
    obligations = document_obligations(store, doc_id)
    if not obligations:
        raise ReviewError(f"no document {doc_id!r} with obligations in the store (import it first)")
    controls = known_controls(store)
    day = (today or date.today()).isoformat()
    for d in decisions:
        if d.obligation not in obligations:
            raise ReviewError(f"obligation {d.obligation!r} is not in document {doc_id!r}")
        if d.control not in controls:
            raise ReviewError(f"unknown control {d.control!r}")
        if d.action not in ACTIONS:
            raise ReviewError(f"unknown decision {d.action!r} (accept or reject)")
        d.relation = parse_relation(d.relation)
        d.author = check_author(d.author)
        d.comment = check_comment(d.comment)
        d.mapping_date = d.mapping_date or day
        d.subject_label = d.subject_label or obligations[d.obligation]
        d.object_label = d.object_label or controls[d.control]
    folder, note = resolve_mappings_dir(mappings, store)
    path = review_path(doc_id, folder)
    merged = {d.key: d for d in read_review(path)}
    for d in decisions:
        merged[d.key] = d
    folder.mkdir(parents=True, exist_ok=True)
    text = render_sssom(doc_id, merged.values())
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)  # a crash mid-write never leaves half a review file
    outer = history.announced()
    reason, named = decision_trail(decisions)
    with history.acting(outer.agent if outer else history.os_user(), (outer.command if outer else "") or "review",
                        reason, named):
        target, n = load_review(store, doc_id, path)
    values = list(merged.values())
    return ReviewResult(
        path=path,
        accepted=sum(d.action == "accept" for d in values),
        rejected=sum(d.action == "reject" for d in values),
        graph=target,
        triples=n,
        note=note,
        changed=decisions,
    )


def mapping_iri(obligation: str, relation: str, control: str) -> str:
    """The IRI ``catalog.mappings_graph`` gives the accepted mapping obligation -relation-> control."""
    subj, obj = entity_iri("obligation", obligation), entity_iri("control", control)
    pred = str(SKOS) + relation.removeprefix("skos:")
    return entity_iri("mapping", hashlib.sha1(f"{subj}|{pred}|{obj}".encode()).hexdigest()[:16])


_SHOWN = 20  # decisions spelled out in one trail entry's reason; the entities name them all


def decision_trail(decisions: list[Decision]) -> tuple[str, tuple[str, ...]]:
    """(why, what) for the audit trail: each decision in words with its reviewer and comment, and the IRIs of
    every obligation, control and accepted mapping it decided, so each of their pages shows it."""
    words = {value: label for value, label, _ in RELATION_CHOICES}
    parts = [
        f"{d.obligation} -> {d.control}: "
        + (f"accepted as '{words.get(d.relation.removeprefix('skos:'), d.relation)}' ({d.relation})"
           if d.action == "accept" else "rejected")
        for d in decisions[:_SHOWN]
    ]
    if len(decisions) > _SHOWN:
        parts.append(f"and {len(decisions) - _SHOWN} more")
    authors = sorted({d.author for d in decisions if d.author})
    comments = sorted({d.comment for d in decisions if d.comment})
    reason = (f"review by {', '.join(authors)}: " if authors else "review: ") + "; ".join(parts)
    if comments:
        reason += " — why: " + " / ".join(comments)
    named: list[str] = []
    for d in decisions:
        named += [entity_iri("obligation", d.obligation), entity_iri("control", d.control)]
        if d.action == "accept":
            named.append(mapping_iri(d.obligation, d.relation, d.control))
    return reason, tuple(dict.fromkeys(named))


def find_review_file(doc_id: str, mappings: Path | None, store: GraphStore | None = None) -> Path:
    """The review file that ``apply_decisions`` would write for ``doc_id`` (it may not exist yet)."""
    folder, _ = resolve_mappings_dir(mappings, store)
    return review_path(doc_id, folder)


# --- the order a reviewer first saw ------------------------------------------------------------


def order_path(review_file: Path) -> Path:
    """``review-DOC.order.tsv`` beside the review file: the suggestion order at the first save."""
    return review_file.with_name(review_file.name.removesuffix(".sssom.tsv") + ".order.tsv")


def read_order(path: Path) -> dict[str, list[str]]:
    """obligation id -> control ids in the order first shown; {} when none was stored (or it is unreadable:
    the order is a convenience, the decisions are in the review file)."""
    order: dict[str, list[str]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    for line in lines[1:]:
        parts = line.split("\t")
        if len(parts) == 3 and _ID.match(parts[0]) and _ID.match(parts[2]):
            order.setdefault(parts[0], []).append(parts[2])
    return order


def save_order(path: Path, order: dict[str, list[str]]) -> None:
    """Store the first order once; later saves keep it, so the list never re-ranks under a reviewer."""
    if path.exists():
        return
    rows = ["obligation\trank\tcontrol"]
    rows += [f"{o}\t{i}\t{c}" for o, ids in order.items() for i, c in enumerate(ids, start=1)]
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(rows) + "\n", encoding="utf-8")
    tmp.replace(path)


def in_stored_order(ranked: list[str], stored: list[str] | None) -> list[str]:
    """``ranked`` with the controls of the stored order first, as they were stored; new ones after."""
    if not stored:
        return ranked
    position = {c: i for i, c in enumerate(stored)}
    return sorted(ranked, key=lambda c: (position.get(c, len(position)), ranked.index(c)))


# --- importing a new document (the step before review) -----------------------------------------

EXTRACTION_TARGETS = {"recall": 0.95, "precision": 0.90, "modality_accuracy": 0.95}


@dataclass
class ImportResult:
    doc_id: str
    catalog: Path
    source: Path
    graph: str
    triples: int
    obligations: int
    sections: int
    organisations: list[str]
    note: str = ""
    title: str = ""
    title_from: str = ""  # empty when the importer was given the title


def default_prefix(doc_id: str) -> str:
    """'ads-regulation-2025' -> 'ADSR': initials of the id's words, or its first letters for one word."""
    words = [w for w in re.split(r"[^A-Za-z0-9]+", doc_id) if w and not w.isdigit()]
    prefix = "".join(w[0] for w in words) if len(words) > 1 else (words[0][:4] if words else "DOC")
    return prefix.upper()


def _organisation_exists(store: GraphStore, org_id: str) -> bool:
    iri = entity_iri("organisation", org_id)
    return bool(store.select(f"ASK {{ <{iri}> a cg:Organisation }}").boolean)


def import_document(
    store: GraphStore,
    source: Path,
    doc_id: str,
    *,
    title: str | None = None,
    kind: str = "regulation",
    prefix: str | None = None,
    out: Path | None = None,
    organisations: Iterable[str] = (),
    max_bytes: int = 5_000_000,
    encoding: str | None = None,
    replace: bool = False,
) -> ImportResult:
    """Read ``source``, extract its obligations, write the reviewable catalog, load it into its own graph.

    Everything is checked before anything is written or loaded, so a bad file changes nothing.
    Raises ``readers.IngestError`` (unreadable document), ``ReviewError`` or ``catalog.InputError``.

    Long because the checks, the write and the load are one transaction: every check runs before the first
    write, which is easiest to see (and keep) in one body.
    """
    import shutil

    from compgraph.graph.build import load_concepts
    from compgraph.graph.paths import ontology_dir
    from compgraph.legal.extract import catalog_from_text, write_catalog
    from compgraph.legal.readers import read_document

    check_ident(doc_id, "document id")
    if kind not in catalog.DOCUMENT_KINDS:
        raise ReviewError(f"unknown kind {kind!r} (one of {', '.join(catalog.DOCUMENT_KINDS)})")
    prefix = prefix or default_prefix(doc_id)
    check_ident(prefix, "prefix")
    orgs = [check_ident(o, "organisation") for o in organisations]
    for org in orgs:
        if not _organisation_exists(store, org):
            raise ReviewError(f"unknown organisation {org!r} (load it first with compgraph build/load)")
    folder, note = resolve_mappings_dir(out, store)
    _check_replace(store, doc_id, folder, replace)
    text = read_document(Path(source), max_bytes=max_bytes, encoding=encoding)
    title, title_from = (title, "") if title else default_title(Path(source), text)
    meta = {
        "id": doc_id,
        "prefix": prefix,
        "title": " ".join(title.split()),
        "kind": kind,
        "source_file": f"sources/{doc_id}.txt",
        "attribution": f"Imported by compgraph from {Path(source).name} on {date.today().isoformat()}; "
        "obligations extracted automatically, to be reviewed",
    }
    try:
        cat = catalog_from_text(text, meta)
    except Exception as exc:  # noqa: BLE001 - a rule that stumbles on an unforeseen layout is our bug, not the user's
        # Nothing is written yet, so the store and the mappings folder keep their state; one line names the file so
        # the text can be reported (NYC's AEDT rules once stopped the extractor with an IndexError traceback).
        raise ReviewError(f"{source}: the obligation extractor failed on this text ({type(exc).__name__}: {exc}); "
                          "nothing was written. This is a compgraph bug: please report it with the file") from exc
    concepts, _ = load_concepts(ontology_dir())
    roles = set(concepts.slugs("role"))
    for ob in cat["obligations"]:
        # A party the role vocabulary lacks (Commission, Member State, importer ...) is kept as ``party``
        # rather than bound to a role that would be wrong.
        if ob.get("addressee") and ob["addressee"] not in roles:
            ob["party"] = ob.pop("addressee")
    if not cat["obligations"]:
        raise ReviewError(f"{source}: found no obligation statements (shall / must / should / may ...)")
    others = store.select(f"""
        SELECT ?id WHERE {{ ?o a cg:Obligation ; dcterms:identifier ?id ; cg:fromDocument ?d .
                           FILTER(?d != <{entity_iri("document", doc_id)}>) FILTER(STRSTARTS(?id, "{prefix}-")) }}
        LIMIT 1""").rows
    if others:
        raise ReviewError(
            f"prefix {prefix!r} is already used by another document's obligations ({others[0][0]}); "
            "choose another with --prefix"
        )
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp)
        (staged / "sources").mkdir()
        (staged / "sources" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        write_catalog(cat, staged / "obligations" / f"{doc_id}.yaml")
        try:  # validate before anything is written; the staged file is gone afterwards, so name the source
            catalog.obligations_graph(staged / "obligations" / f"{doc_id}.yaml", concepts)
        except catalog.InputError as exc:
            detail = str(exc).split(": ", 1)[-1]
            raise ReviewError(f"{source}: the extracted catalog is not valid ({detail})") from exc
        for sub in ("sources", "obligations"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
            name = f"{doc_id}.txt" if sub == "sources" else f"{doc_id}.yaml"
            shutil.copyfile(staged / sub / name, folder / sub / name)
    path = folder / "obligations" / f"{doc_id}.yaml"
    loaded = catalog.obligations_graph(path, concepts)
    doc = URIRef(entity_iri("document", doc_id))
    for org in orgs:
        loaded.graph.add((URIRef(entity_iri("organisation", org)), CG.subjectTo, doc))
    target = graph_iri("document", doc_id)
    outer = history.announced()
    with history.acting(outer.agent if outer else history.os_user(), (outer.command if outer else "") or "import",
                        f"imported {Path(source).name} as {doc_id}: {len(cat['obligations'])} obligations"
                        + (" (replacing the earlier text)" if replace else ""), (str(doc),)):
        counts = apply_plan(store, BuildPlan(sources=[Source(target, path, loaded.graph)]), relative_to=folder)
        orphans = _reload_reviews(store, doc_id, folder, set(loaded.obligation_ids)) if replace else []
    if orphans:
        note = (note + "; " if note else "") + (
            f"{len(orphans)} reviewed mapping(s) name obligations the new text no longer has and were not loaded: "
            + ", ".join(f"{d.obligation}={d.control}" for d in orphans[:10]) + (" ..." if len(orphans) > 10 else ""))
    return ImportResult(
        doc_id,
        path,
        folder / "sources" / f"{doc_id}.txt",
        target,
        counts[target],
        len(cat["obligations"]),
        len(cat["sections"]),
        orgs,
        note,
        meta["title"],
        title_from,
    )


def _check_replace(store: GraphStore, doc_id: str, folder: Path, replace: bool) -> None:
    """Refuse an id that is taken (in the store, the target folder or the shipped catalogs) unless
    ``replace``; never let a replacement overwrite a shipped catalog file."""
    from compgraph.graph.paths import mappings_dir

    doc = entity_iri("document", doc_id)
    shipped = mappings_dir() / "obligations" / f"{doc_id}.yaml"
    target = folder / "obligations" / f"{doc_id}.yaml"
    taken = [where for where, hit in (
        ("in the store", bool(store.select(f"ASK {{ <{doc}> ?p ?o }}").boolean)),
        (f"as {target}", target.exists()),
        ("as a shipped catalog", shipped.exists()),
    ) if hit]
    if taken and not replace:
        raise ReviewError(f"document id {doc_id!r} already exists ({', '.join(taken)}); "
                          "give --replace to replace it, or choose another --id")
    if replace and target.exists() and target.resolve() == shipped.resolve():
        raise ReviewError(f"{target} is a shipped catalog and is never rewritten in place; "
                          "give --out FOLDER for the replacement")


def _reload_reviews(store: GraphStore, doc_id: str, folder: Path, kept: set[str]) -> list[Decision]:
    """Reload the document's review graph with the decisions whose obligations survived; return the others."""
    path = review_path(doc_id, folder)
    if not path.exists():
        return []
    decisions = read_review(path)
    load_review(store, doc_id, path)
    return [d for d in decisions if d.obligation not in kept]


@dataclass
class ExtractionScore:
    document: str
    predicted: int
    gold: int
    precision: float
    recall: float
    modality_accuracy: float

    def meets_targets(self) -> bool:
        return (
            self.recall >= EXTRACTION_TARGETS["recall"]
            and self.precision >= EXTRACTION_TARGETS["precision"]
            and self.modality_accuracy >= EXTRACTION_TARGETS["modality_accuracy"]
        )


def evaluate_extraction(mappings: Path | None = None) -> list[ExtractionScore]:
    """The extractor against every shipped, hand-labelled catalog (the gold labels)."""
    from compgraph.graph.paths import mappings_dir
    from compgraph.legal.evaluate import evaluate
    from compgraph.legal.extract import catalog_from_text
    from compgraph.legal.readers import read_document

    folder = mappings or mappings_dir()
    scores = []
    for path in catalog.iter_files(folder / "obligations", "*.yaml"):
        data = catalog.load_yaml(path)
        meta = data["document"]
        source = folder / str(meta["source_file"])
        text = read_document(source)
        predicted = catalog_from_text(text, {"prefix": meta["prefix"], "kind": meta.get("kind")})
        gold = data.get("obligations") or []
        res = evaluate(predicted["obligations"], gold)
        scores.append(
            ExtractionScore(
                str(meta["id"]),
                len(predicted["obligations"]),
                len(gold),
                round(res.precision, 3),
                round(res.recall, 3),
                round(res.modality_accuracy, 3),
            )
        )
    return scores


def render_extraction(scores: list[ExtractionScore]) -> str:
    t = EXTRACTION_TARGETS
    lines = [f"{'document':<22} {'found':>5} {'gold':>5} {'precision':>9} {'recall':>7} {'modality':>8}  target"]
    for s in scores:
        lines.append(
            f"{s.document:<22} {s.predicted:>5} {s.gold:>5} {s.precision:>9.3f} {s.recall:>7.3f} "
            f"{s.modality_accuracy:>8.3f}  {'met' if s.meets_targets() else 'MISSED'}"
        )
    lines.append(
        f"targets: recall >= {t['recall']}, precision >= {t['precision']}, "
        f"modality accuracy >= {t['modality_accuracy']}"
    )
    return "\n".join(lines) + "\n"
