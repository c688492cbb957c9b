"""The IRIs compgraph mints and the vocabularies it reuses (see docs/design.md)."""

from __future__ import annotations

import functools
import re
import unicodedata

from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD

CG = Namespace("https://w3id.org/compgraph/ontology#")
CGR = Namespace("https://w3id.org/compgraph/id/")
CGG = Namespace("https://w3id.org/compgraph/graph/")
DPV = Namespace("https://w3id.org/dpv#")
DPV_AI = Namespace("https://w3id.org/dpv/ai#")
EU_AIACT = Namespace("https://w3id.org/dpv/legal/eu/aiact#")
DPV_RISK = Namespace("https://w3id.org/dpv/risk#")
AIRO = Namespace("https://w3id.org/airo#")
SEMAPV = Namespace("https://w3id.org/semapv/vocab/")

PREFIXES: dict[str, str] = {
    "cg": str(CG),
    "cgr": str(CGR),
    "cgg": str(CGG),
    "obl": str(CGR) + "obligation/",
    "ctl": str(CGR) + "control/",
    "sys": str(CGR) + "system/",
    "ds": str(CGR) + "dataset/",
    "ev": str(CGR) + "evidence/",
    "doc": str(CGR) + "document/",
    "cgagent": str(CGR) + "agent/",
    "dpv": str(DPV),
    "dpv-ai": str(DPV_AI),
    "eu-aiact": str(EU_AIACT),
    "dpv-risk": str(DPV_RISK),
    "airo": str(AIRO),
    "semapv": str(SEMAPV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "dcat": str(DCAT),
    "prov": str(PROV),
    "sh": str(SH),
}


def sparql_prefixes() -> str:
    """PREFIX lines for every namespace above, prepended to canned and ad-hoc queries."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def used_prefixes(query: str) -> str:
    """The lines of ``sparql_prefixes`` whose prefix ``query`` writes (a name, then a colon): rdflib's parser takes
    ~5 ms a query to read all of them. A prefix missed makes the query unreadable, never read otherwise."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items()
                   if re.search(rf"(?<![\w-]){re.escape(p)}:", query))


# What an IRI written as <...> may not hold (SPARQL 1.1 IRIREF, N-Triples): an id typed into a form or an option
# becomes part of one, and "a b" or "<x>" made a query a syntax error or an N-Triples line unwritable.
IRI_EXCLUDED = r'\x00-\x20<>"{}|\\^`'


def entity_iri(kind: str, ident: str) -> str:
    return f"{CGR}{kind}/{ident}"


def agent_slug(name: str) -> str:
    """A person's or team's name as the local part of its agent IRI (ASCII, so it is also a valid CURIE)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "unnamed"


def agent_iri(name: str) -> str:
    """The prov:Agent node compgraph mints for a name given as free text (an owner, a source, a reviewer)."""
    return entity_iri("agent", agent_slug(name))


def graph_iri(*parts: str) -> str:
    return str(CGG) + "/".join(parts)


# Longest namespace first, so the first that matches is the longest (a table of 7k system IRIs spent
# 185 ms comparing each with every prefix).
_LONGEST_FIRST = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


# Memoised: the gaps page shortens one value per finding (32k at 1.1M triples, 0.5 s unmemoised), and the
# values repeat (an obligation per organisation bound by it). The prefixes are fixed, so the answer is too.
@functools.lru_cache(maxsize=1 << 16)
def shorten(iri: str) -> str:
    """Compact an IRI to a CURIE when a known prefix covers it (longest prefix wins)."""
    for prefix, ns in _LONGEST_FIRST:
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri
