"""Turn the human-edited catalog files (YAML, SSSOM TSV) into RDF, per docs/design.md.

Every error names the file, the line and the field, because the people editing these files are
compliance and legal staff, not RDF engineers.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from compgraph.graph.namespaces import CG, PREFIXES, SEMAPV, agent_iri, entity_iri

DOCUMENT_KINDS = {"regulation": CG.Regulation, "code-of-conduct": CG.CodeOfConduct, "policy": CG.InternalPolicy}
SCOPES = {"system": CG.SystemScope, "organisation": CG.OrganisationScope}
SCHEMES = {
    "modality": CG.ModalityScheme,
    "topic": CG.TopicScheme,
    "control-type": CG.ControlTypeScheme,
    "risk": CG.RiskLevelScheme,
    "role": CG.RoleScheme,
    "annex-iii": CG.AnnexIIIScheme,
    "legal-basis": CG.LegalBasisScheme,
}
SSSOM_PREDICATES = {
    "skos:exactMatch": SKOS.exactMatch,
    "skos:closeMatch": SKOS.closeMatch,
    "skos:broadMatch": SKOS.broadMatch,
    "skos:narrowMatch": SKOS.narrowMatch,
    "skos:relatedMatch": SKOS.relatedMatch,
}
# Obligation -> obligation relations under which a control satisfying one satisfies the other: the two ask
# for the same thing (a code of conduct restating an article). narrow/broad/related links are recorded only.
RESTATES = (SKOS.closeMatch, SKOS.exactMatch)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class InputError(ValueError):
    """A catalog file is malformed; ``str()`` is one line naming file, line and field."""

    def __init__(self, path: Path | str, line: int | None, message: str, field: str | None = None) -> None:
        self.path, self.line, self.field = str(path), line, field
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {f'{field}: ' if field else ''}{message}")


class LineDict(dict):
    """A YAML mapping that remembers the line it started on (1-based)."""

    line: int = 0


# libyaml's parser when PyYAML was built with it: ~6x faster on the catalogs, same marks for line numbers.
class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _refuse_duplicate_keys(loader: yaml.constructor.SafeConstructor, node: yaml.MappingNode) -> None:
    # YAML keeps the last of two equal keys without a word: a catalog with "obligations:" twice would drop the
    # first list, and an import would report success on half the text.
    seen: set[Any] = set()
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, list | dict):
            continue  # an unhashable key is refused by construct_mapping with its own message
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (YAML would keep only the last)", key_node.start_mark
            )
        seen.add(key)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    _refuse_duplicate_keys(loader, node)
    d = LineDict(loader.construct_mapping(node, deep=True))
    d.line = node.start_mark.line + 1
    return d


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _timestamp(loader: yaml.constructor.SafeConstructor, node: yaml.ScalarNode) -> Any:
    # YAML reads anything shaped like 2026-02-30 as a date, and datetime then raises a bare ValueError that
    # names no file or line: made a YAML error at the value, it is refused like any other.
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a date ({exc})", node.start_mark
        ) from exc


class _MetadataLoader(yaml.SafeLoader):
    """An SSSOM metadata block's loader: yaml.safe_load's, with impossible dates refused at their line."""


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_MetadataLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _construct_metadata_mapping(loader: _MetadataLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    _refuse_duplicate_keys(loader, node)
    return loader.construct_mapping(node, deep=True)


_MetadataLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_metadata_mapping)


def load_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, None, f"cannot read: {exc}") from exc
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        line, problem = _yaml_problem(exc, text)
        raise InputError(path, line, f"YAML syntax error: {problem}") from exc
    if not isinstance(data, dict):
        raise InputError(path, 1, "expected a mapping at the top level")
    return data


def _yaml_problem(exc: yaml.YAMLError, text: str) -> tuple[int | None, str]:
    """(line, one-line reason) of a YAML error; a ReaderError (a control character) has no problem mark
    but a character position."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark
        return (mark.line + 1 if mark else None), " ".join(str(exc.problem or exc).split())
    if isinstance(exc, yaml.reader.ReaderError):
        return text.count("\n", 0, exc.position) + 1, f"unacceptable character #x{exc.character:04x}"
    return None, " ".join(str(exc).split())


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- concept look-up ---------------------------------------------------------------------------


class Concepts:
    """YAML slug -> SKOS concept IRI, read from the ``skos:notation`` values in the ontology."""

    def __init__(self, graph: Graph) -> None:
        self._index: dict[tuple[URIRef, str], URIRef] = {}
        for concept, notation in graph.subject_objects(SKOS.notation):
            for scheme in graph.objects(concept, SKOS.inScheme):
                self._index[(scheme, str(notation))] = concept
        self.review_interval: dict[URIRef, int] = {
            concept: int(days) for concept, days in graph.subject_objects(CG.reviewIntervalDays)
        }
        self.rule_type: dict[URIRef, URIRef] = {
            concept: rule for concept, rule in graph.subject_objects(CG.ruleType) if isinstance(rule, URIRef)
        }

    def slugs(self, kind: str) -> list[str]:
        scheme = SCHEMES[kind]
        return sorted(s for (sch, s) in self._index if sch == scheme)

    def get(self, kind: str, slug: Any, path: Path, line: int, field: str) -> URIRef:
        iri = self._index.get((SCHEMES[kind], str(slug)))
        if iri is None:
            choices = ", ".join(self.slugs(kind)) or "none defined"
            raise InputError(path, line, f"unknown {kind} {slug!r} (one of: {choices})", field)
        return iri


# --- field helpers -----------------------------------------------------------------------------


def _line(item: Any, default: int = 0) -> int:
    return getattr(item, "line", default)


def _require(item: dict, key: str, path: Path, kinds: type | tuple[type, ...] = str) -> Any:
    value = item.get(key)
    if value is None or value == "":
        raise InputError(path, _line(item), "missing required field", key)
    if not isinstance(value, kinds):
        raise InputError(path, _line(item), f"expected {_kind_name(kinds)}, got {value!r}", key)
    return value


def _kind_name(kinds: type | tuple[type, ...]) -> str:
    names = {
        str: "text",
        int: "a whole number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        date: "a date (YYYY-MM-DD)",
        dict: "a mapping",
    }
    if isinstance(kinds, tuple):
        return " or ".join(names.get(k, k.__name__) for k in kinds)
    return names.get(kinds, kinds.__name__)


def _ident(item: dict, path: Path, key: str = "id") -> str:
    value = str(_require(item, key, path, (str, int)))
    if not _ID.match(value):
        raise InputError(path, _line(item), f"{value!r} is not a valid id (letters, digits, . _ -)", key)
    return value


def _date(item: dict, key: str, path: Path, required: bool = True) -> Literal | None:
    value = item.get(key)
    if value is None:
        if required:
            raise InputError(path, _line(item), "missing required date", key)
        return None
    if isinstance(value, date):
        return Literal(value.isoformat(), datatype=XSD.date)
    try:
        return Literal(date.fromisoformat(str(value)).isoformat(), datatype=XSD.date)
    except ValueError as exc:
        raise InputError(path, _line(item), f"{value!r} is not a date (YYYY-MM-DD)", key) from exc


def _list(item: dict, key: str, path: Path) -> list:
    value = item.get(key) or []
    if not isinstance(value, list):
        raise InputError(path, _line(item), f"expected a list, got {value!r}", key)
    return value


def _unique(seen: dict[str, int], ident: str, path: Path, line: int, what: str) -> None:
    if ident in seen:
        raise InputError(path, line, f"duplicate {what} id {ident!r} (first on line {seen[ident]})", "id")
    seen[ident] = line


def _entity(
    g: Graph, item: Any, path: Path, seen: dict[str, int], kind: str, cls: URIRef, label_key: str = "label"
) -> tuple[str, URIRef]:
    """Mint one catalog entity: check it is a mapping with a unique id, then type, id and label it."""
    if not isinstance(item, dict):
        raise InputError(path, None, f"{kind} entry {item!r} is not a mapping")
    ident = _ident(item, path)
    _unique(seen, ident, path, _line(item), kind)
    node = URIRef(entity_iri(kind, ident))
    g.add((node, RDF.type, cls))
    g.add((node, DCTERMS.identifier, Literal(ident)))
    g.add((node, RDFS.label, Literal(_require(item, label_key, path))))
    return ident, node


def _new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


# --- obligation catalogs -----------------------------------------------------------------------


@dataclass
class Catalog:
    doc_id: str
    path: Path
    graph: Graph
    obligation_ids: set[str]


def obligations_graph(path: Path, concepts: Concepts) -> Catalog:
    """One document's obligation catalog -> its RDF (document, sections, obligations)."""
    data = load_yaml(path)
    meta = data.get("document")
    if not isinstance(meta, dict):
        raise InputError(path, 1, "missing 'document' mapping")
    doc_id = _ident(meta, path)
    kind = _require(meta, "kind", path)
    if kind not in DOCUMENT_KINDS:
        raise InputError(path, _line(meta), f"unknown kind {kind!r} (one of {', '.join(DOCUMENT_KINDS)})", "kind")
    g = _new_graph()
    doc = URIRef(entity_iri("document", doc_id))
    g.add((doc, RDF.type, DOCUMENT_KINDS[kind]))
    g.add((doc, DCTERMS.identifier, Literal(doc_id)))
    g.add((doc, RDFS.label, Literal(_require(meta, "title", path))))
    for key, prop in (
        ("publisher", DCTERMS.publisher),
        ("version", CG.documentVersion),
        ("attribution", DCTERMS.bibliographicCitation),
        ("prefix", CG.idPrefix),
    ):
        if meta.get(key) is not None:
            g.add((doc, prop, Literal(str(meta[key]))))
    issued = _date(meta, "issued", path, required=False)
    if issued is not None:
        g.add((doc, DCTERMS.issued, issued))
    if meta.get("source_file"):
        source = path.parents[1] / str(meta["source_file"])
        g.add((doc, DCTERMS.source, Literal(str(meta["source_file"]))))
        if source.is_file():
            g.add((doc, CG.sha256, Literal(sha256_file(source))))

    sections: dict[str, URIRef] = {}
    for order, sec in enumerate(_list(data, "sections", path), start=1):
        if not isinstance(sec, dict):
            raise InputError(path, None, f"section {order} is not a mapping", "sections")
        sid = _ident(sec, path)
        if sid in sections:
            raise InputError(path, _line(sec), f"duplicate section id {sid!r}", "id")
        s = URIRef(entity_iri("section", f"{doc_id}/{sid}"))
        sections[sid] = s
        g.add((s, RDF.type, CG.Section))
        g.add((s, DCTERMS.isPartOf, doc))
        g.add((s, CG.sectionNumber, Literal(sid)))
        g.add((s, CG.order, Literal(order)))
        g.add((s, RDFS.label, Literal(str(_require(sec, "title", path)))))

    seen: dict[str, int] = {}
    for item in _list(data, "obligations", path):
        if not isinstance(item, dict):
            raise InputError(path, None, f"obligation {item!r} is not a mapping", "obligations")
        oid = _ident(item, path)
        _unique(seen, oid, path, _line(item), "obligation")
        o = URIRef(entity_iri("obligation", oid))
        sid = str(_require(item, "section", path, (str, int)))
        if sid not in sections:
            raise InputError(path, _line(item), f"unknown section {sid!r}", "section")
        text = _require(item, "text", path)
        g.add((o, RDF.type, CG.Obligation))
        g.add((o, DCTERMS.identifier, Literal(oid)))
        g.add((o, RDFS.label, Literal(_short_label(oid, text))))
        g.add((o, CG.fromDocument, doc))
        g.add((o, CG.inSection, sections[sid]))
        g.add((o, CG.sourceText, Literal(" ".join(text.split()))))
        _source_line(g, o, item, path)
        modality = concepts.get("modality", _require(item, "modality", path), path, _line(item), "modality")
        g.add((o, CG.modality, modality))
        if modality in concepts.rule_type:
            g.add((o, RDF.type, concepts.rule_type[modality]))
        if item.get("topic"):
            g.add((o, CG.topic, concepts.get("topic", item["topic"], path, _line(item), "topic")))
        if item.get("addressee"):
            g.add((o, CG.addressee, concepts.get("role", item["addressee"], path, _line(item), "addressee")))
        if item.get("applies_to_risk"):
            risk = concepts.get("risk", item["applies_to_risk"], path, _line(item), "applies_to_risk")
            g.add((o, CG.appliesToRiskLevel, risk))
        _provision(g, o, item, path)
    return Catalog(doc_id, path, g, set(seen))


def _source_line(g: Graph, o: URIRef, item: dict, path: Path) -> None:
    line = item.get("line")
    if line is None:
        return
    if isinstance(line, bool) or not isinstance(line, int) or line < 1:
        raise InputError(path, _line(item), f"expected a line number, got {line!r}", "line")
    g.add((o, CG.sourceLine, Literal(line)))


# The citation an auditor quotes ("27(1)(b)") and its parts, so the browser and exports can cite the
# provision and a query can select by article.
_PROVISION_FIELDS = (("ref", DCTERMS.bibliographicCitation), ("article", CG.article),
                     ("paragraph", CG.paragraph), ("point", CG.point), ("subpoint", CG.subpoint))


def _provision(g: Graph, o: URIRef, item: dict, path: Path) -> None:
    for key, prop in _PROVISION_FIELDS:
        value = item.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise InputError(path, _line(item), f"expected text or a whole number, got {value!r}", key)
        g.add((o, prop, Literal(" ".join(str(value).split()))))


def _short_label(oid: str, text: str, width: int = 90) -> str:
    words = " ".join(text.split())
    return f"{oid}: {words if len(words) <= width else words[: width - 1].rsplit(' ', 1)[0] + '…'}"


# --- controls ----------------------------------------------------------------------------------


def controls_graph(path: Path, concepts: Concepts) -> tuple[Graph, set[str]]:
    data = load_yaml(path)
    g = _new_graph()
    seen: dict[str, int] = {}
    for item in _list(data, "controls", path):
        cid, c = _entity(g, item, path, seen, "control", CG.Control, "title")
        if item.get("description"):
            g.add((c, DCTERMS.description, Literal(" ".join(str(item["description"]).split()))))
        g.add(
            (c, CG.controlType, concepts.get("control-type", _require(item, "type", path), path, _line(item), "type"))
        )
        scope = item.get("scope", "system")
        if not isinstance(scope, str) or scope not in SCOPES:
            raise InputError(path, _line(item), f"unknown scope {scope!r} (system or organisation)", "scope")
        g.add((c, CG.scope, SCOPES[scope]))
        if item.get("owner"):
            g.add((c, CG.controlOwner, Literal(str(item["owner"]))))
    return g, set(seen)


# --- SSSOM mapping sets ------------------------------------------------------------------------

SSSOM_REQUIRED = ("subject_id", "predicate_id", "object_id", "mapping_justification")


@dataclass
class MappingRow:
    line: int
    subject: str
    predicate: str
    object: str
    justification: str
    confidence: float | None
    author: str
    mapping_date: str
    comment: str
    subject_label: str = ""
    author_label: str = ""
    object_label: str = ""
    negated: bool = False  # SSSOM predicate_modifier "Not": a reviewed and rejected mapping


def read_sssom(path: Path) -> tuple[dict[str, Any], list[MappingRow]]:
    """Read an SSSOM TSV file: the ``#``-prefixed YAML metadata block, then the mapping rows."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, None, f"cannot read: {exc}") from exc
    lines = text.splitlines()
    header = [ln[1:] for ln in lines if ln.startswith("#")]
    body_start = next((i for i, ln in enumerate(lines) if not ln.startswith("#")), len(lines))
    try:
        meta = yaml.load("\n".join(header), Loader=_MetadataLoader) or {}  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        line, problem = _yaml_problem(exc, "\n".join(header))
        raise InputError(path, line or 1, f"SSSOM metadata block is not YAML: {problem}") from exc
    if not isinstance(meta, dict):
        raise InputError(path, 1, f"SSSOM metadata block is not a mapping of fields (got {meta!r:.60})")
    reader = csv.DictReader(io.StringIO("\n".join(lines[body_start:])), delimiter="\t")
    missing = [c for c in SSSOM_REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(path, body_start + 1, f"missing column(s) {', '.join(missing)}")
    rows = []
    for n, rec in enumerate(reader, start=body_start + 2):
        # csv files the cells past the last column under the key None: a stray tab, whose text would be lost
        if None in rec:
            raise InputError(path, n, "row has more cells than the header")
        for col in SSSOM_REQUIRED:
            if not (rec.get(col) or "").strip():
                raise InputError(path, n, "missing value", col)
        conf = rec.get("confidence") or ""
        try:
            confidence = float(conf) if conf.strip() else None
        except ValueError as exc:
            raise InputError(path, n, f"{conf!r} is not a number", "confidence") from exc
        if confidence is not None and not 0 <= confidence <= 1:
            raise InputError(path, n, f"{confidence} is outside 0..1", "confidence")
        rows.append(
            MappingRow(
                line=n,
                subject=rec["subject_id"].strip(),
                predicate=rec["predicate_id"].strip(),
                object=rec["object_id"].strip(),
                justification=rec["mapping_justification"].strip(),
                confidence=confidence,
                author=(rec.get("author_id") or "").strip(),
                author_label=(rec.get("author_label") or "").strip(),
                mapping_date=(rec.get("mapping_date") or "").strip(),
                comment=(rec.get("comment") or "").strip(),
                subject_label=(rec.get("subject_label") or "").strip(),
                negated=(rec.get("predicate_modifier") or "").strip() == "Not",
                object_label=(rec.get("object_label") or "").strip(),
            )
        )
    return meta, rows


def _agent(g: Graph, name: str, iri: str | None = None) -> URIRef:
    """A prov:Agent node named ``name``: properties whose range is an agent get a node, never a bare string."""
    node = URIRef(iri or agent_iri(name))
    g.add((node, RDF.type, PROV.Agent))
    if name:
        g.add((node, RDFS.label, Literal(name)))
    return node


def _author(g: Graph, row: MappingRow, curie_map: dict[str, str], names: dict[str, str], path: Path) -> URIRef:
    """The agent of an SSSOM author_id (a CURIE, named by author_label or the set's creator_label); a
    free-text author_id from an older file is kept as the name of a minted agent rather than dropped."""
    prefix, sep, _ = row.author.partition(":")
    if row.author.startswith(("http://", "https://")) or (sep and prefix in {**PREFIXES, **curie_map}):
        iri = _expand(row.author, curie_map, path, row.line, "author_id")
        return _agent(g, row.author_label or names.get(row.author, ""), str(iri))
    return _agent(g, row.author_label or row.author)


def _expand(curie: str, curie_map: dict[str, str], path: Path, line: int, field: str) -> URIRef:
    if curie.startswith(("http://", "https://")):
        return URIRef(curie)
    prefix, sep, local = curie.partition(":")
    ns = curie_map.get(prefix) or PREFIXES.get(prefix)
    if not sep or ns is None:
        raise InputError(path, line, f"cannot expand {curie!r}: unknown prefix", field)
    return URIRef(ns + local)


def _meta_list(meta: dict, key: str, path: Path) -> list:
    """An SSSOM metadata field that holds a list (one value may be written without the list)."""
    value = meta.get(key) or []
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return [value]
    if not isinstance(value, list):
        raise InputError(path, 1, f"expected a list, got {value!r:.60}", key)
    return value


def mappings_graph(path: Path, obligations: set[str] | None = None, controls: set[str] | None = None) -> Graph:
    """An SSSOM mapping set -> SKOS triples, materialised cg:satisfiedBy, and one cg:ControlMapping node per row."""
    meta, rows = read_sssom(path)
    curies = meta.get("curie_map") or {}
    if not isinstance(curies, dict):
        raise InputError(path, 1, f"expected a mapping of prefix: IRI, got {curies!r:.60}", "curie_map")
    curie_map = {str(k): str(v) for k, v in curies.items()}
    creators, labels = (_meta_list(meta, key, path) for key in ("creator_id", "creator_label"))
    names = {str(c): str(n) for c, n in zip(creators, labels, strict=False)}
    g = _new_graph()
    set_iri = URIRef(str(meta.get("mapping_set_id") or path.resolve().as_uri()))
    g.add((set_iri, RDF.type, CG.MappingSet))
    g.add((set_iri, RDFS.label, Literal(str(meta.get("mapping_set_title") or path.name))))
    if meta.get("license"):
        g.add((set_iri, DCTERMS.license, URIRef(str(meta["license"]))))
    obl_ns, ctl_ns = entity_iri("obligation", ""), entity_iri("control", "")
    links: list[tuple[URIRef, URIRef]] = []
    for row in rows:
        if row.negated:
            continue  # a rejection is kept in the file as a decision, never as a mapping
        subj = _expand(row.subject, curie_map, path, row.line, "subject_id")
        obj = _expand(row.object, curie_map, path, row.line, "object_id")
        pred = SSSOM_PREDICATES.get(row.predicate)
        if pred is None:
            raise InputError(
                path,
                row.line,
                f"unsupported predicate {row.predicate!r} (one of {', '.join(SSSOM_PREDICATES)})",
                "predicate_id",
            )
        if obligations is not None and str(subj).startswith(obl_ns) and str(subj)[len(obl_ns) :] not in obligations:
            raise InputError(path, row.line, f"unknown obligation {row.subject!r}", "subject_id")
        if controls is not None and str(obj).startswith(ctl_ns) and str(obj)[len(ctl_ns) :] not in controls:
            raise InputError(path, row.line, f"unknown control {row.object!r}", "object_id")
        to_obligation = str(obj).startswith(obl_ns)
        if obligations is not None and to_obligation and str(obj)[len(obl_ns) :] not in obligations:
            raise InputError(path, row.line, f"unknown obligation {row.object!r}", "object_id")
        if to_obligation and pred in RESTATES:
            links.append((subj, obj))
        if str(obj).startswith(ctl_ns):
            g.add((subj, CG.satisfiedBy, obj))
        # skos:exactMatch is transitive: two obligations "equal" to one control would become the same
        # obligation. Obligation -> control keeps only the non-transitive links; "equal" stays in the record.
        if not (pred == SKOS.exactMatch and str(obj).startswith(ctl_ns)):
            g.add((subj, pred, obj))
        node = URIRef(entity_iri("mapping", hashlib.sha1(f"{subj}|{pred}|{obj}".encode()).hexdigest()[:16]))
        g.add((node, RDF.type, CG.ObligationMapping if to_obligation else CG.ControlMapping))
        g.add((node, CG.mappingSubject, subj))
        g.add((node, CG.mappingPredicate, pred))
        g.add((node, CG.mappingObject, obj))
        g.add(
            (
                node,
                CG.mappingJustification,
                _expand(
                    row.justification, {"semapv": str(SEMAPV), **curie_map}, path, row.line, "mapping_justification"
                ),
            )
        )
        g.add((node, DCTERMS.isPartOf, set_iri))
        if row.confidence is not None:
            g.add((node, CG.confidence, Literal(str(row.confidence), datatype=XSD.decimal)))
        if row.author:
            g.add((node, DCTERMS.creator, _author(g, row, curie_map, names, path)))
        if row.mapping_date:
            try:
                g.add(
                    (node, DCTERMS.date, Literal(date.fromisoformat(row.mapping_date).isoformat(), datatype=XSD.date))
                )
            except ValueError as exc:
                raise InputError(path, row.line, f"{row.mapping_date!r} is not a date", "mapping_date") from exc
        if row.comment:
            g.add((node, RDFS.comment, Literal(row.comment)))
    _satisfy_across(g, links)
    return g


def _satisfy_across(g: Graph, links: list[tuple[URIRef, URIRef]]) -> None:
    """A control that satisfies one of two obligations linked by a restating relation satisfies the other
    (ontology: cg:ObligationMapping). One hop, both ways, from the controls this mapping set maps: closeMatch
    is not transitive, so a chain of restatements does not pass a control along."""
    mapped = {o: set(g.objects(o, CG.satisfiedBy)) for pair in links for o in pair}
    for a, b in links:
        for src, dst in ((a, b), (b, a)):
            for control in mapped[src]:
                g.add((dst, CG.satisfiedBy, control))


# --- organisations -----------------------------------------------------------------------------


def organisation_graph(
    path: Path, concepts: Concepts, controls: set[str] | None = None, documents: set[str] | None = None
) -> tuple[str, Graph]:
    """An organisation file (systems, datasets, implemented controls, evidence) -> (org id, RDF).

    Long because it reads the file top to bottom, one block per YAML section, so an error names the
    field in the order a person reads it.
    """
    data = load_yaml(path)
    org_item = data.get("organisation")
    if not isinstance(org_item, dict):
        raise InputError(path, 1, "missing 'organisation' mapping")
    org_id = _ident(org_item, path)
    g = _new_graph()
    org = URIRef(entity_iri("organisation", org_id))
    g.add((org, RDF.type, CG.Organisation))
    g.add((org, DCTERMS.identifier, Literal(org_id)))
    g.add((org, RDFS.label, Literal(_require(org_item, "name", path))))
    for role in _list(org_item, "roles", path):
        g.add((org, CG.hasRole, concepts.get("role", role, path, _line(org_item), "roles")))
    for doc_id in _list(org_item, "subject_to", path):
        if documents is not None and str(doc_id) not in documents:
            raise InputError(path, _line(org_item), f"unknown document {doc_id!r}", "subject_to")
        g.add((org, CG.subjectTo, URIRef(entity_iri("document", str(doc_id)))))

    def control_ref(cid: Any, item: dict, field: str) -> URIRef:
        if controls is not None and str(cid) not in controls:
            raise InputError(path, _line(item), f"unknown control {cid!r}", field)
        return URIRef(entity_iri("control", str(cid)))

    for cid in _list(org_item, "controls", path):
        g.add((org, CG.implementsControl, control_ref(cid, org_item, "controls")))

    datasets: dict[str, int] = {}
    for item in _list(data, "datasets", path):
        _, d = _entity(g, item, path, datasets, "dataset", CG.Dataset)
        if "personal_data" in item:
            if not isinstance(item["personal_data"], bool):
                raise InputError(path, _line(item), "expected true/false", "personal_data")
            g.add((d, CG.containsPersonalData, Literal(item["personal_data"])))
        if item.get("legal_basis"):
            g.add(
                (d, CG.legalBasis, concepts.get("legal-basis", item["legal_basis"], path, _line(item), "legal_basis"))
            )
        if item.get("provenance"):
            # dcterms:provenance ranges over provenance statements: a node holding the text.
            statement = URIRef(f"{d}/provenance")
            g.add((d, DCTERMS.provenance, statement))
            g.add((statement, RDF.type, DCTERMS.ProvenanceStatement))
            g.add((statement, RDFS.label, Literal(" ".join(str(item["provenance"]).split()))))
        if item.get("source"):
            g.add((d, PROV.wasAttributedTo, _agent(g, str(item["source"]))))
        if item.get("description"):
            g.add((d, DCTERMS.description, Literal(str(item["description"]))))

    def dataset_ref(did: Any, item: dict, field: str) -> URIRef:
        if str(did) not in datasets:
            raise InputError(path, _line(item), f"unknown dataset {did!r}", field)
        return URIRef(entity_iri("dataset", str(did)))

    systems: dict[str, int] = {}
    for item in _list(data, "systems", path):
        _, s = _entity(g, item, path, systems, "system", CG.AISystem)
        g.add((s, CG.operatedBy, org))
        risk = concepts.get("risk", _require(item, "risk", path), path, _line(item), "risk")
        g.add((s, CG.riskLevel, risk))
        if item.get("purpose"):
            g.add((s, CG.purpose, Literal(" ".join(str(item["purpose"]).split()))))
        if item.get("annex_iii"):
            g.add((s, CG.annexIIIArea, concepts.get("annex-iii", item["annex_iii"], path, _line(item), "annex_iii")))
        if item.get("role"):
            g.add((s, CG.hasRole, concepts.get("role", item["role"], path, _line(item), "role")))
        reviewed = _date(item, "last_reviewed", path, required=False)
        if reviewed is not None:
            g.add((s, CG.lastReviewed, reviewed))
            # The due date is materialised from the risk level's interval (data in concepts.ttl) so the
            # cadence rule is a plain date comparison that every SPARQL engine evaluates the same way.
            days = concepts.review_interval.get(risk)
            if days:
                due = date.fromisoformat(str(reviewed)) + timedelta(days=days)
                g.add((s, CG.reviewDue, Literal(due.isoformat(), datatype=XSD.date)))
        for did in _list(item, "trained_on", path):
            g.add((s, CG.trainedOn, dataset_ref(did, item, "trained_on")))
            g.add((s, CG.usesDataset, dataset_ref(did, item, "trained_on")))
        for did in _list(item, "uses", path):
            g.add((s, CG.usesDataset, dataset_ref(did, item, "uses")))
        for cid in _list(item, "controls", path):
            g.add((s, CG.implementsControl, control_ref(cid, item, "controls")))

    evidence: dict[str, int] = {}
    for item in _list(data, "evidence", path):
        _, e = _entity(g, item, path, evidence, "evidence", CG.Evidence)
        g.add((e, CG.evidenceFor, control_ref(_require(item, "control", path), item, "control")))
        target = str(_require(item, "concerns", path))
        if target == org_id:
            g.add((e, CG.concerns, org))
        elif target in systems:
            g.add((e, CG.concerns, URIRef(entity_iri("system", target))))
        else:
            raise InputError(path, _line(item), f"unknown system or organisation {target!r}", "concerns")
        g.add((e, DCTERMS.issued, _date(item, "issued", path)))
        g.add((e, CG.validUntil, _date(item, "valid_until", path)))
        if item.get("owner"):
            g.add((e, PROV.wasAttributedTo, _agent(g, str(item["owner"]))))
        if item.get("url"):
            g.add((e, CG.url, URIRef(str(item["url"]))))
        if item.get("file"):
            g.add((e, CG.file, Literal(str(item["file"]))))
            evidence_file = path.parent / str(item["file"])
            if not evidence_file.is_file():
                raise InputError(path, _line(item), f"evidence file {item['file']!r} not found", "file")
        digest = str(_require(item, "sha256", path)).lower()
        if not re.fullmatch(r"[0-9a-f]{64}", digest):
            raise InputError(path, _line(item), "expected 64 hexadecimal digits", "sha256")
        g.add((e, CG.sha256, Literal(digest)))
    return org_id, g


def describe_source(graph: Graph, graph_iri: str, source: Path, relative_to: Path | None = None) -> Graph:
    """Provenance of one loaded graph: which file, its digest, when and how many triples."""
    from datetime import UTC, datetime

    meta = _new_graph()
    g = URIRef(graph_iri)
    name = str(source.relative_to(relative_to)) if relative_to and source.is_relative_to(relative_to) else source.name
    activity = BNode()
    meta.add((g, RDF.type, CG.SourceGraph))
    meta.add((g, PROV.wasDerivedFrom, Literal(name)))
    meta.add((g, CG.sha256, Literal(sha256_file(source))))
    meta.add((g, CG.tripleCount, Literal(len(graph))))
    meta.add((g, PROV.wasGeneratedBy, activity))
    meta.add((activity, RDF.type, PROV.Activity))
    meta.add(
        (
            activity,
            PROV.endedAtTime,
            Literal(datetime.now(UTC).replace(microsecond=0).isoformat(), datatype=XSD.dateTime),
        )
    )
    return meta


def iter_files(folder: Path, pattern: str) -> Iterable[Path]:
    return sorted(p for p in folder.glob(pattern) if p.is_file())
