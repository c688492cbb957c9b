"""An IRI is shown as a CURIE of the longest known namespace that covers it, and as itself otherwise."""

from __future__ import annotations

from compgraph.graph.namespaces import CG, CGR, PREFIXES, shorten


def test_the_longest_namespace_that_covers_an_iri_names_it() -> None:
    # cgr: covers every entity; sys: (cgr: + "system/") is longer, so a system is sys:.
    assert shorten(f"{CGR}system/hire") == "sys:hire"
    assert shorten(f"{CGR}organisation/acme") == "cgr:organisation/acme"
    assert shorten(f"{CG}AISystem") == "cg:AISystem"


def test_every_namespace_alone_is_its_prefix_and_an_unknown_iri_is_kept_whole() -> None:
    for prefix, ns in PREFIXES.items():
        assert shorten(ns + "x") == f"{prefix}:x"
    assert shorten("urn:example:thing") == "urn:example:thing"
