"""OSCAL import: a catalog (read by compliance-trestle) becomes a source document with its obligations.

The catalog is turned into the project's own obligation catalog YAML plus a plain-text source file (one
statement per line, so every obligation's ``line`` points at its verbatim text), checked by the same loader
as the shipped catalogs and only then written and loaded: a bad file changes nothing.

Mapping: a group -> a section (its ``label`` prop, else its id), a control or enhancement -> an obligation
whose text is the statement part with its items and parameters written out as NIST prints them
("[Assignment: ...]", "[Selection: ...]"). compgraph's own props (written by the export) restore modality,
topic, addressee and risk level; a catalog without them gets ``--modality`` (mandatory by default, as the
controls of a baseline are requirements). Withdrawn controls are skipped.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rdflib import URIRef
from trestle.oscal.catalog import Catalog

from compgraph.exchange.files import ExchangeError
from compgraph.exchange.oscal import NS, value_of
from compgraph.graph import catalog as cat
from compgraph.graph.build import BuildPlan, Source, apply_plan, load_concepts
from compgraph.graph.namespaces import CG, entity_iri, graph_iri
from compgraph.graph.paths import ontology_dir
from compgraph.graph.store import GraphStore
from compgraph.legal.extract import write_catalog
from compgraph.legal.review import check_ident, default_prefix, resolve_mappings_dir

_OWN = {"modality": "modality", "topic": "topic", "addressee": "addressee", "applies-to-risk": "applies_to_risk"}


@dataclass
class Imported:
    doc_id: str
    catalog: Path
    source: Path
    graph: str
    triples: int
    obligations: int
    sections: int
    note: str = ""
    skipped: list[str] = field(default_factory=list)  # withdrawn controls


def read_catalog(path: Path) -> Catalog:
    """Read an OSCAL catalog (JSON or YAML) with trestle; errors name the file and the first bad field."""
    path = Path(path)
    if not path.is_file():
        raise ExchangeError(f"{path}: no such file")
    try:
        model = Catalog.oscal_read(path)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise ExchangeError(f"{path}: not a valid OSCAL catalog: {where}: {err['msg']}") from exc
    except Exception as exc:  # trestle wraps JSON/YAML parser errors in several types; all are bad input
        raise ExchangeError(f"{path}: not a readable OSCAL catalog: {' '.join(str(exc).split())[:200]}") from exc
    if not isinstance(model, Catalog):
        raise ExchangeError(f"{path}: not a readable OSCAL catalog")
    return model


def _props(obj: Any, name: str, own: bool | None = None) -> list[str]:
    out = []
    for p in getattr(obj, "props", None) or []:
        ns = str(p.ns).rstrip("/") if p.ns else None
        if p.name == name and (own is None or (ns == NS) == own):
            out.append(p.value)
    return out


def _param_text(param: Any) -> str:
    select = getattr(param, "select", None)
    if select is not None and getattr(select, "choice", None):
        how = value_of(select.how_many) if getattr(select, "how_many", None) else "one"
        return f"[Selection ({how}): {'; '.join(' '.join(str(c).split()) for c in select.choice)}]"
    label = getattr(param, "label", None)
    return f"[Assignment: {label}]" if label else f"[{param.id}]"


def _fill(prose: str, params: dict[str, str]) -> str:
    out, rest = [], prose
    while "{{" in rest:
        head, _, tail = rest.partition("{{")
        inner, _, rest = tail.partition("}}")
        kind, _, ref = inner.partition(",")
        out.append(head)
        out.append(params.get(ref.strip(), f"[{ref.strip()}]") if kind.strip() == "insert: param" else inner)
    out.append(rest)
    return " ".join("".join(out).split())


def _statement(part: Any, params: dict[str, str]) -> list[str]:
    label = _props(part, "label", own=False)
    words = [*label, _fill(part.prose, params)] if part.prose else list(label)
    for sub in part.parts or []:
        if sub.name in ("item", "statement"):
            words += _statement(sub, params)
    return words


def _text(control: Any, params: dict[str, str]) -> str:
    for p in getattr(control, "params", None) or []:
        params[p.id] = _param_text(p)
    statement = next((p for p in control.parts or [] if p.name == "statement"), None)
    words = _statement(statement, params) if statement else []
    return " ".join(w for w in words if w) or control.title


def _walk(
    groups: list[Any], controls: list[Any], params: dict[str, str]
) -> list[tuple[str, str, list[tuple[Any, str]]]]:
    """(section id, title, [(control, text)]) for every group, nested groups flattened, enhancements included."""
    sections = []
    if controls:
        sections.append(("00", "Controls", _flatten(controls, params)))
    for g in groups:
        sid = (_props(g, "label", own=False) or [g.id or f"{len(sections) + 1:02d}"])[0]
        sections.append((sid, g.title, _flatten(getattr(g, "controls", None) or [], params)))
        sections += _walk(getattr(g, "groups", None) or [], [], params)
    return sections


def _flatten(controls: list[Any], params: dict[str, str]) -> list[tuple[Any, str]]:
    out = []
    for c in controls:
        out.append((c, _text(c, params)))
        out += _flatten(c.controls or [], params)
    return out


def obligation_id(control_id: str, prefix: str, old_prefix: str | None) -> str:
    """The imported obligation's id: the control id under the new prefix (``COC-05-03`` -> ``NEW-05-03``)."""
    if old_prefix and control_id.startswith(f"{old_prefix}-"):
        return f"{prefix}-{control_id[len(old_prefix) + 1 :]}"
    return f"{prefix}-{control_id}"


def catalog_yaml(
    model: Catalog, doc_id: str, prefix: str, kind: str, modality: str, source_name: str
) -> tuple[dict, str]:
    """(obligation catalog in design.md's format, the source text its ``line`` fields point into)."""
    md = model.metadata
    old_prefix = next(iter(_props(md, "id-prefix", own=True)), None)
    lines = [" ".join(md.title.split()), ""]
    sections, obligations, skipped = [], [], []
    for sid, title, controls in _walk(model.groups or [], model.controls or [], {}):
        sections.append({"id": sid, "title": " ".join(title.split())})
        lines += [f"{sid} {title}", ""]
        for control, text in controls:
            if "withdrawn" in _props(control, "status", own=False):
                skipped.append(control.id)
                continue
            lines.append(text)
            item: dict[str, Any] = {
                "id": obligation_id(control.id, prefix, old_prefix),
                "section": sid,
                "line": len(lines),
                "text": text,
                "modality": (_props(control, "modality", own=True) or [modality])[0],
            }
            for name, key in _OWN.items():
                values = _props(control, name, own=True)
                if values and key != "modality":
                    item[key] = values[0]
            obligations.append(item)
        lines.append("")
    meta: dict[str, Any] = {
        "id": doc_id,
        "prefix": prefix,
        "title": " ".join(md.title.split()),
        "kind": kind,
        "version": md.version,
    }
    if md.published:
        meta["issued"] = md.published.date()
    publisher = _props(md, "publisher", own=True)
    if publisher:
        meta["publisher"] = publisher[0]
    meta["source_file"] = f"sources/{source_name}"
    meta["attribution"] = (
        f"Imported by compgraph from the OSCAL catalog {md.title!r} (version {md.version}, "
        f"OSCAL {value_of(md.oscal_version)}) on {date.today().isoformat()}"
    )
    return {"document": meta, "sections": sections, "obligations": obligations, "skipped": skipped}, "\n".join(
        lines
    ) + "\n"



def _clashes(store: GraphStore, doc_id: str, ids: list[str]) -> list[str]:
    doc = entity_iri("document", doc_id)
    values = " ".join(f"<{entity_iri('obligation', i)}>" for i in ids)
    res = store.select(f"""
        SELECT ?id WHERE {{ VALUES ?o {{ {values} }} ?o cg:fromDocument ?d ; dcterms:identifier ?id .
                           FILTER(?d != <{doc}>) }} LIMIT 5""")
    return sorted(str(r[0]) for r in res.rows)


def import_catalog(
    store: GraphStore,
    path: Path,
    doc_id: str,
    *,
    prefix: str | None = None,
    kind: str = "regulation",
    modality: str = "mandatory",
    out: Path | None = None,
    organisations: tuple[str, ...] = (),
) -> Imported:
    """Check everything, then write ``{out}/obligations/{doc_id}.yaml`` and its source text and load them."""
    # Both become file names and obligation ids: check_ident refuses one over 100 characters (a 5,000-character id
    # was an ENAMETOOLONG traceback).
    check_ident(doc_id, "document id")
    prefix = check_ident(prefix or default_prefix(doc_id), "prefix")
    if graph_iri("document", doc_id) in store.graph_names():
        # The import replaces the document's graph and writes its catalog file: '--id eu-ai-act' put 79 NIST
        # controls in place of the AI Act's 125 obligations (and over its YAML, with the default --out).
        raise ExchangeError(f"--id: document {doc_id!r} is in the store already; import under a new id")
    if kind not in cat.DOCUMENT_KINDS:
        raise ExchangeError(f"--kind: unknown kind {kind!r} (one of {', '.join(cat.DOCUMENT_KINDS)})")
    model = read_catalog(path)
    data, source_text = catalog_yaml(model, doc_id, prefix, kind, modality, f"{doc_id}.txt")
    skipped = data.pop("skipped")
    if not data["obligations"]:
        raise ExchangeError(f"{path}: the catalog has no controls to import")
    clash = _clashes(store, doc_id, [o["id"] for o in data["obligations"]])
    if clash:
        raise ExchangeError(
            f"obligation ids already belong to another document: {', '.join(clash)}; choose another --prefix"
        )
    for org in organisations:
        if not store.select(
            f"ASK {{ <{entity_iri('organisation', check_ident(org, 'organisation'))}> ?p ?o }}"
        ).boolean:
            raise ExchangeError(f"--org: unknown organisation {org!r} (load it first with compgraph build/load)")
    concepts, _ = load_concepts(ontology_dir())
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp)
        (staged / "sources").mkdir()
        (staged / "sources" / f"{doc_id}.txt").write_text(source_text, encoding="utf-8")
        write_catalog(data, staged / "obligations" / f"{doc_id}.yaml")
        try:
            cat.obligations_graph(staged / "obligations" / f"{doc_id}.yaml", concepts)  # check before writing
        except cat.InputError as exc:
            raise ExchangeError(f"{path}: {exc.field or 'catalog'}: {str(exc).split(': ', 1)[-1]}") from exc
        folder, note = resolve_mappings_dir(out, store)
        for sub, name in (("sources", f"{doc_id}.txt"), ("obligations", f"{doc_id}.yaml")):
            (folder / sub).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(staged / sub / name, folder / sub / name)
    yaml_path = folder / "obligations" / f"{doc_id}.yaml"
    loaded = cat.obligations_graph(yaml_path, concepts)
    for org in organisations:
        loaded.graph.add(
            (URIRef(entity_iri("organisation", org)), CG.subjectTo, URIRef(entity_iri("document", doc_id)))
        )
    target = graph_iri("document", doc_id)
    counts = apply_plan(store, BuildPlan(sources=[Source(target, yaml_path, loaded.graph)]), relative_to=folder)
    return Imported(
        doc_id,
        yaml_path,
        folder / "sources" / f"{doc_id}.txt",
        target,
        counts[target],
        len(data["obligations"]),
        len(data["sections"]),
        note,
        skipped,
    )
