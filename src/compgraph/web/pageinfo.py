"""What a page says about a node beyond its raw facts, read from the store: the header card of a detail page
(risk level, Annex III area, owner, review due), the node's own findings in the saved validation report,
an obligation's provenance (source file and line, both hashes, load time, who mapped it when and why), a
document's source text, whether the saved validation is older than the data, and the dashboard's figures.

Findings are read from the saved SHACL report (``checks.report``), never recomputed here: a page states the
run's date and warns when the data changed after it. Plain Python data; the views arrange it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from compgraph.checks.report import REPORT_GRAPH
from compgraph.graph import paths
from compgraph.graph.history import HISTORY_GRAPH
from compgraph.graph.literals import iso_date, sparql_as_date, sparql_date
from compgraph.graph.namespaces import graph_iri
from compgraph.graph.store import GraphStore, LocalStore
from compgraph.legal.review import RELATION_CHOICES
from compgraph.questions import coverage as cv
from compgraph.web.model import entity_url, evidence_state

VALIDATION_GRAPHS = graph_iri("validation")


@dataclass
class Header:
    """The card a detail page leads with: its title once, then what matters for the kind of node."""

    title: str
    kind: str
    rows: list[dict[str, Any]] = field(default_factory=list)  # {"name", "value", "url"?, "flag"?}

    def add(self, name: str, value: Any, url: str | None = None, flag: str | None = None) -> None:
        if value not in (None, ""):
            self.rows.append({"name": name, "value": str(value), "url": url, "flag": flag})


def _one(store: GraphStore, sparql: str) -> dict[str, Any]:
    values = store.select(sparql).values()
    return values[0] if values else {}


def _days(until: str | None, as_of: date) -> int | None:
    day = iso_date(until)
    return None if day is None else (day - as_of).days


def header(store: GraphStore, kind: str, iri: str, title: str, as_of: date | None) -> Header:
    """The header card of a detail page: what applies to the kind (systems: risk level, Annex III area, owner,
    last review and when the next is due; evidence: what it supports and until when; ...)."""
    h = Header(title, kind)
    fill = _CARDS.get(kind)
    if fill is not None:
        fill(store, h, f"<{iri}>", as_of or date.today())
    return h


def _card_systems(store: GraphStore, h: Header, node: str, today: date) -> None:
    r = _one(
        store,
        f"""SELECT ?risk ?annex ?org ?orgid ?reviewed ?due ?role WHERE {{
        OPTIONAL {{ {node} cg:riskLevel/skos:prefLabel ?risk }}
        OPTIONAL {{ {node} cg:annexIIIArea/skos:prefLabel ?annex }}
        OPTIONAL {{ {node} cg:operatedBy ?o . ?o rdfs:label ?org OPTIONAL {{ ?o dcterms:identifier ?orgid }} }}
        OPTIONAL {{ {node} cg:lastReviewed ?reviewed }} OPTIONAL {{ {node} cg:reviewDue ?due }}
        OPTIONAL {{ {node} cg:hasRole/skos:prefLabel ?role }} }} LIMIT 1""",
    )
    h.add("Risk level", r.get("risk") or "not classified", flag=None if r.get("risk") else "warn")
    h.add("Annex III area", r.get("annex") or "none recorded")
    h.add("Owner", r.get("org"))
    h.add("Role", r.get("role"))
    h.add("Last reviewed", r.get("reviewed"))
    days = _days(r.get("due"), today)
    if r.get("due"):
        note = f"overdue by {-days} days" if days is not None and days < 0 else f"in {days} days"
        h.add("Review due", f"{r['due']} ({note})", flag="bad" if days is not None and days < 0 else None)


def _card_datasets(store: GraphStore, h: Header, node: str, today: date) -> None:
    r = _one(
        store,
        f"""SELECT ?pd ?basis ?src ?prov (COUNT(DISTINCT ?s) AS ?n) WHERE {{
        OPTIONAL {{ {node} cg:containsPersonalData ?pd }} OPTIONAL {{ {node} dcterms:provenance ?prov }}
        OPTIONAL {{ {node} cg:legalBasis ?b OPTIONAL {{ ?b skos:prefLabel ?bl }}
                    BIND(COALESCE(?bl, REPLACE(STR(?b), "^.*[#/]", "")) AS ?basis) }}
        OPTIONAL {{ {node} prov:wasAttributedTo ?a OPTIONAL {{ ?a rdfs:label ?al }}
                    BIND(COALESCE(?al, REPLACE(STR(?a), "^.*/", "")) AS ?src) }}
        OPTIONAL {{ ?s cg:usesDataset|cg:trainedOn {node} }} }} GROUP BY ?pd ?basis ?src ?prov LIMIT 1""",
    )
    personal = str(r.get("pd")).lower() == "true"
    h.add("Personal data", "yes" if personal else ("no" if r.get("pd") else "not stated"))
    h.add(
        "Legal basis",
        r.get("basis") or "none recorded",
        flag="bad" if personal and not r.get("basis") else None,
    )
    # The shape asks for dcterms:provenance (where the data comes from); who it is attributed to is not that.
    h.add("Provenance", r.get("prov") or "none recorded", flag="bad" if personal and not r.get("prov") else None)
    h.add("Attributed to", r.get("src") or "nobody named")
    n = int(r.get("n") or 0)
    h.add("Used by", f"{n} AI system{'s' if n != 1 else ''}")


def _card_controls(store: GraphStore, h: Header, node: str, today: date) -> None:
    r = _one(
        store,
        f"""SELECT ?owner ?type ?scope (COUNT(DISTINCT ?i) AS ?n) WHERE {{
        OPTIONAL {{ {node} cg:controlOwner ?owner }} OPTIONAL {{ {node} cg:controlType/skos:prefLabel ?type }}
        OPTIONAL {{ {node} cg:scope/skos:prefLabel ?scope }}
        OPTIONAL {{ ?i cg:implementsControl {node} }} }} GROUP BY ?owner ?type ?scope LIMIT 1""",
    )
    h.add("Owner", r.get("owner") or "none named", flag=None if r.get("owner") else "warn")
    h.add("Control type", r.get("type"))
    h.add("Scope", r.get("scope"))
    n = int(r.get("n") or 0)
    who = f"{n} system{'s' if n != 1 else ''} or organisation{'s' if n != 1 else ''}"
    h.add("Implemented by", who if n else "nobody", flag=None if n else "bad")


def _card_obligations(store: GraphStore, h: Header, node: str, today: date) -> None:
    r = _one(
        store,
        f"""SELECT ?doc ?docid ?mod ?m ?risk ?addr ?cite WHERE {{
        OPTIONAL {{ {node} cg:fromDocument ?d . ?d rdfs:label ?doc ; dcterms:identifier ?docid }}
        OPTIONAL {{ {node} cg:modality ?m OPTIONAL {{ ?m skos:prefLabel ?mod }} }}
        OPTIONAL {{ {node} cg:appliesToRiskLevel/skos:prefLabel ?risk }}
        OPTIONAL {{ {node} cg:addressee/skos:prefLabel ?addr }}
        OPTIONAL {{ {node} dcterms:bibliographicCitation ?cite }} }} LIMIT 1""",
    )
    h.add("Document", r.get("doc"), url=f"/documents/{r['docid']}" if r.get("docid") else None)
    h.add("Provision", r.get("cite"))
    h.add("Modality", r.get("mod"))
    h.add("Addressed to", r.get("addr"))
    h.add("Applies to risk level", r.get("risk") or "every risk level")
    # Coverage counts only binding modalities (docs/design.md): say so, or a "covered" reads as a checked duty.
    binding = (r.get("m") or "").rsplit("#", 1)[-1] in cv.BINDING_MODALITIES
    h.add("Counted in coverage", "yes (binding)" if binding else "no (not a binding modality)")


def _card_documents(store: GraphStore, h: Header, node: str, today: date) -> None:
    r = _one(
        store,
        f"""SELECT ?id ?publisher ?version ?issued ?file (COUNT(DISTINCT ?o) AS ?n) WHERE {{
        {node} dcterms:identifier ?id .
        OPTIONAL {{ {node} dcterms:publisher ?publisher }} OPTIONAL {{ {node} cg:documentVersion ?version }}
        OPTIONAL {{ {node} dcterms:issued ?issued }} OPTIONAL {{ {node} dcterms:source ?file }}
        OPTIONAL {{ ?o cg:fromDocument {node} }} }} GROUP BY ?id ?publisher ?version ?issued ?file LIMIT 1""",
    )
    h.add("Owner (publisher)", r.get("publisher"))
    h.add("Version", r.get("version"))
    h.add("Issued", r.get("issued"))
    h.add("Obligations", r.get("n"))
    if r.get("file") and r.get("id"):
        h.add("Source text", r["file"].rsplit("/", 1)[-1], url=f"/documents/{r['id']}/source")


def _card_evidence(store: GraphStore, h: Header, node: str, today: date) -> None:
    r = _one(
        store,
        f"""SELECT ?cid ?x ?xid ?owner ?issued ?until ?newer ?older ?url ?final ?sha WHERE {{
        OPTIONAL {{ {node} cg:evidenceFor/dcterms:identifier ?cid }}
        OPTIONAL {{ ?n prov:wasRevisionOf {node} ; dcterms:identifier ?newer }}
        OPTIONAL {{ {node} prov:wasRevisionOf/dcterms:identifier ?older }}
        OPTIONAL {{ {node} cg:concerns ?x . ?x dcterms:identifier ?xid }}
        OPTIONAL {{ {node} prov:wasAttributedTo ?a OPTIONAL {{ ?a rdfs:label ?al }}
                    BIND(COALESCE(?al, REPLACE(STR(?a), "^.*/", "")) AS ?owner) }}
        OPTIONAL {{ {node} dcterms:issued ?issued }} OPTIONAL {{ {node} cg:validUntil ?until }}
        OPTIONAL {{ {node} cg:url ?url OPTIONAL {{ {node} dcterms:source ?final }} }}
        OPTIONAL {{ {node} cg:sha256 ?sha }} }} LIMIT 1""",
    )
    h.add("Supports control", r.get("cid"), url=f"/controls/{r['cid']}" if r.get("cid") else None)
    h.add("Concerns", r.get("xid"), url=entity_url(r["x"]) if r.get("x") else None)
    h.add("Owner", r.get("owner") or "none named")
    h.add("Issued", r.get("issued"))
    days = _days(r.get("until"), today)
    if r.get("until"):
        state = evidence_state(r["until"], today)
        left = f"expired {-days} days before {today}" if days is not None and days < 0 else f"{days} days left"
        note = state if days is None else left
        h.add("Valid until", f"{r['until']} ({note})", flag="bad" if state == "expired" else None)
    # A renewal keeps the old item: say which one is current, so an expired old version is not read as a gap.
    h.add("Superseded by", r.get("newer"), url=f"/evidence/{r['newer']}" if r.get("newer") else None)
    h.add("Renews", r.get("older"), url=f"/evidence/{r['older']}" if r.get("older") else None)
    # Evidence fetched from the web: the address it came from and the digest of what it answered then.
    url, final = r.get("url"), r.get("final")
    h.add("Fetched from", url, url=url if url and url.startswith(("https://", "http://")) else None)
    if final and final != url:  # redirected: the bytes (and the digest) are what this address answered
        h.add("Redirected to", final, url=final if final.startswith(("https://", "http://")) else None)
    h.add("SHA-256", r.get("sha"))


_CARDS = {
    "systems": _card_systems,
    "datasets": _card_datasets,
    "controls": _card_controls,
    "obligations": _card_obligations,
    "documents": _card_documents,
    "evidence": _card_evidence,
}


# --- findings ----------------------------------------------------------------------------------


def saved_findings(store: GraphStore, iri: str) -> list[dict[str, str]]:
    """The results of the saved validation report whose focus is this node, worst first."""
    res = store.select(f"""SELECT ?sev ?msg WHERE {{ GRAPH <{REPORT_GRAPH}> {{
        ?rep a sh:ValidationReport ; sh:result ?r . ?r sh:focusNode <{iri}> ; sh:resultSeverity ?s .
        OPTIONAL {{ ?r sh:resultMessage ?m }}
        BIND(REPLACE(STR(?s), "^.*#", "") AS ?sev) BIND(COALESCE(?m, "fails a shape (no message)") AS ?msg) }} }}""")
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    rows = {(str(s), str(m)) for s, m in res.rows}
    return [{"severity": s, "message": m} for s, m in sorted(rows, key=lambda x: (order.get(x[0], 9), x[1]))]


def validation_staleness(store: GraphStore, built: str | None, created: str | None) -> dict[str, Any] | None:
    """How the data changed after the saved validation, or None when it did not (or nothing was saved).

    Read from the audit trail: the writes after the last one that saved the report, counting only those that
    changed some graph other than the trail and the report. Without a trail (a remote store), the newest
    load time against the report's creation time."""
    if not created:
        return None
    res = store.select(f"""SELECT ?g (MAX(?t) AS ?when) WHERE {{ GRAPH <{HISTORY_GRAPH}> {{
          {{ SELECT (MAX(?vs) AS ?last) WHERE {{ ?v cg:sequence ?vs ; cg:graphChange/cg:graph <{REPORT_GRAPH}> }} }}
          ?e cg:sequence ?s ; prov:endedAtTime ?t ; cg:graphChange ?c .
          ?c cg:graph ?g ; cg:hashBefore ?hb ; cg:hashAfter ?ha .
          FILTER(?s > ?last && ?hb != ?ha && ?g != <{HISTORY_GRAPH}> && !STRSTARTS(STR(?g), "{VALIDATION_GRAPHS}"))
        }} }} GROUP BY ?g""")
    if res.rows:
        graphs = sorted(str(g).rsplit("/graph/", 1)[-1] for g, _ in res.rows)
        return {"since": max(str(t) for _, t in res.rows), "graphs": graphs}
    logged = store.select(f"ASK {{ GRAPH <{HISTORY_GRAPH}> {{ ?v cg:graphChange/cg:graph <{REPORT_GRAPH}> }} }}")
    if not logged.boolean and built and built > created:
        return {"since": built, "graphs": []}
    return None


def last_data_write(store: GraphStore) -> str | None:
    """When a data graph (not the trail, not a validation report) was last written, from the audit trail."""
    res = store.select(f"""SELECT (MAX(?t) AS ?when) WHERE {{ GRAPH <{HISTORY_GRAPH}> {{
        ?e prov:endedAtTime ?t ; cg:graphChange/cg:graph ?g .
        FILTER(?g != <{HISTORY_GRAPH}> && !STRSTARTS(STR(?g), "{VALIDATION_GRAPHS}")) }} }}""")
    return str(res.rows[0][0]) if res.rows and res.rows[0][0] is not None else None


# --- provenance --------------------------------------------------------------------------------


def obligation_provenance(store: GraphStore, iri: str) -> dict[str, Any]:
    """Where an obligation comes from and who mapped it: the source document's file and line, its hash, the
    catalog the obligation was loaded from with that file's hash and load time, and every mapping's author,
    date, relation and comment."""
    r = _one(
        store,
        f"""SELECT ?docid ?file ?filehash ?line ?graph ?catalog ?cathash ?loaded WHERE {{
        OPTIONAL {{ <{iri}> cg:sourceLine ?line }}
        OPTIONAL {{ <{iri}> cg:fromDocument ?d . ?d dcterms:identifier ?docid .
                    OPTIONAL {{ ?d dcterms:source ?file }} OPTIONAL {{ ?d cg:sha256 ?filehash }} }}
        OPTIONAL {{ GRAPH ?graph {{ <{iri}> a cg:Obligation }}
                    OPTIONAL {{ ?graph a cg:SourceGraph ; prov:wasDerivedFrom ?catalog .
                                OPTIONAL {{ ?graph cg:sha256 ?cathash }}
                                OPTIONAL {{ ?graph prov:wasGeneratedBy/prov:endedAtTime ?loaded }} }} }}
        }} LIMIT 1""",
    )
    res = store.select(f"""SELECT ?m ?cid ?rel ?author ?when ?why ?conf WHERE {{
        ?m cg:mappingSubject <{iri}> ; cg:mappingObject ?c . ?c dcterms:identifier ?cid .
        OPTIONAL {{ ?m cg:mappingPredicate ?rel }} OPTIONAL {{ ?m rdfs:comment ?why }}
        OPTIONAL {{ ?m cg:confidence ?conf }} OPTIONAL {{ ?m dcterms:date ?when }}
        OPTIONAL {{ ?m dcterms:creator ?a OPTIONAL {{ ?a rdfs:label ?al }}
                    BIND(COALESCE(?al, REPLACE(STR(?a), "^.*/", "")) AS ?author) }}
        }} ORDER BY ?cid""")
    mappings = [
        {
            "control": str(cid),
            "control_url": f"/controls/{cid}",
            "relation": f"control {mapping_words(str(rel))} obligation" if rel else "mapped",
            "author": str(author or "not recorded"),
            "date": str(when or "not recorded"),
            "comment": str(why or ""),
            "confidence": str(conf or ""),
        }
        for _m, cid, rel, author, when, why, conf in res.rows
    ]
    line = r.get("line")
    docid = r.get("docid")
    source_url = None
    if docid and r.get("file"):
        source_url = f"/documents/{docid}/source" + (f"#L{line}" if line else "")
    return {
        "document": docid,
        "source_file": r.get("file"),
        "source_url": source_url,
        "source_sha256": r.get("filehash"),
        "line": line,
        "catalog": r.get("catalog"),
        "catalog_sha256": r.get("cathash"),
        "loaded": r.get("loaded"),
        "mappings": mappings,
    }


def mapping_words(predicate: str) -> str:
    """A mapping's SKOS predicate (IRI or ``skos:`` name) as the review page words it: "fully covers", ..."""
    local = predicate.rsplit("#", 1)[-1].rsplit(":", 1)[-1]
    return next((words for name, words, _ in RELATION_CHOICES if name == local), "mapped to")


@dataclass
class SourceText:
    file: str
    recorded_sha256: str | None
    actual_sha256: str | None
    lines: list[str]
    problem: str | None = None

    @property
    def matches(self) -> bool:
        return self.recorded_sha256 is not None and self.recorded_sha256 == self.actual_sha256


def source_text(store: GraphStore, doc_iri: str, user_folder: Path | None = None) -> SourceText | None:
    """The text file a document was extracted from (None when it names none), read from the shipped mappings
    folder or ``user_folder`` (where ``import`` and the upload page keep a new document's text), never from
    elsewhere, with its SHA-256 checked against the one recorded when the document was loaded."""
    r = _one(
        store,
        f"SELECT ?file ?sha WHERE {{ <{doc_iri}> dcterms:source ?file OPTIONAL {{ <{doc_iri}> cg:sha256 ?sha }} }}",
    )
    if not r.get("file"):
        return None
    name = r["file"]
    roots = dict.fromkeys(p.resolve() for p in (paths.mappings_dir(), *([user_folder] if user_folder else [])))
    found = [p for root in roots if (p := (root / name).resolve()).is_relative_to(root) and p.is_file()]
    if not found:
        return SourceText(name, r.get("sha"), None, [], "the file is not in this installation's mappings folder")
    path = found[0]
    data = path.read_bytes()
    text = data.decode("utf-8", errors="replace")
    return SourceText(name, r.get("sha"), hashlib.sha256(data).hexdigest(), text.splitlines())


# --- dashboard figures -------------------------------------------------------------------------


def risk_order(store: GraphStore) -> list[str]:
    """Risk level labels, most severe first, as the concepts' skos:OrderedCollection lists them."""
    res = store.select("""SELECT ?l (COUNT(?mid) AS ?pos) WHERE {
        ?coll a skos:OrderedCollection ; skos:memberList ?list .
        ?list rdf:rest* ?mid . ?mid rdf:rest* ?cell . ?cell rdf:first ?c .
        ?c skos:inScheme cg:RiskLevelScheme ; skos:prefLabel ?l } GROUP BY ?l ORDER BY ?pos""")
    return [str(lab) for lab, _ in res.rows]


def evidence_figures(store: GraphStore, as_of: date, window: int = 30) -> dict[str, int]:
    """Current evidence records (not superseded by a renewal) expiring within ``window`` days, expired, with no
    readable expiry date, and all of them.

    MINUS rather than FILTER NOT EXISTS, and no ``a cg:Evidence`` (only evidence has cg:validUntil): at 312k
    triples 52 ms instead of 690 ms, same counts. Each comparison is its own COALESCE: a value that is not an
    xsd:date ("soon", a date kept as written) made the comparison an error, and one such record made both sums
    unbound, so the tiles said nothing was expiring or expired. It is counted as undated instead; a date written
    without its datatype is read as the date it spells, as coverage reads it. DISTINCT: a
    record's date held in two graphs is one record (the union of graphs gives it twice)."""
    # Typed literals, not xsd:date() casts: this runs on the first dashboard after every write.
    start, end = sparql_date(as_of), sparql_date(as_of + timedelta(days=window))
    # The embedded store errs comparing a string with a date, as SPARQL says; a remote one may not (Virtuoso).
    as_date = sparql_as_date("?v", start if isinstance(store, LocalStore) else None)
    # BOUND first: Virtuoso 7.2 takes a comparison with an unbound value for true.
    res = store.select(f"""SELECT (SUM(IF(COALESCE(BOUND(?u) && ?u >= {start} && ?u <= {end}, false), 1, 0)) AS ?soon)
        (SUM(IF(COALESCE(BOUND(?u) && ?u < {start}, false), 1, 0)) AS ?expired)
        (SUM(IF(COALESCE(BOUND(?u) && (?u < {start} || ?u >= {start}), false), 0, 1)) AS ?undated) (COUNT(*) AS ?all)
        WHERE {{
        {{ SELECT DISTINCT ?e ?v WHERE {{ ?e cg:validUntil ?v }} }} MINUS {{ ?newer prov:wasRevisionOf ?e }}
        BIND ({as_date} AS ?u) }}""")
    soon, expired, undated, total = res.rows[0] if res.rows else (0, 0, 0, 0)
    return {"expiring": int(soon or 0), "expired": int(expired or 0), "undated": int(undated or 0),
            "total": int(total or 0)}
