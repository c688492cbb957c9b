"""A guard on the DTD entities of an RDF/XML file, checked before rdflib's expat parser expands them.

OWL files declare entities for namespaces (``<!ENTITY owl "http://www.w3.org/2002/07/owl#">``) and use them as
``&owl;``, so entities cannot simply be refused. But expat expands every reference in full: nine nested
entities of ten references each (the "billion laughs") held ``compgraph load`` and ``validate --shapes`` for
ever, a worker in the browser's shapes upload too. Entities are read only when no entity refers to another and
the document's references expand to at most :data:`MAX_EXPANSION` bytes; without nesting that sum is exact.
"""

from __future__ import annotations

import re

MAX_EXPANSION = 16 * 1024 * 1024
_PREDEFINED = {b"amp", b"lt", b"gt", b"quot", b"apos"}
_DECLARATION = re.compile(
    rb"<!ENTITY\s+(%\s+)?([^\s>]+)\s+(?:\"([^\"]*)\"|'([^']*)'|((?:SYSTEM|PUBLIC)\b[^>]*))\s*>", re.DOTALL
)
_REFERENCE = re.compile(rb"&([A-Za-z_:][\w.:-]*);")


def check_entities(data: bytes) -> None:
    """Raise ValueError naming the entity when the DTD of ``data`` (an XML document) is one this guard does not
    read: a parameter or external entity, an entity referring to another, or references expanding too far."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    if b"<!ENTITY" not in data:
        return
    sizes: dict[bytes, int] = {}
    declarations = list(_DECLARATION.finditer(data))
    if len(declarations) != data.count(b"<!ENTITY"):
        raise ValueError("an <!ENTITY> declaration that is not a plain name and quoted value")
    for m in declarations:
        parameter, name, double, single, external = m.groups()
        shown = name.decode("utf-8", "replace")
        if parameter or external:
            raise ValueError(f"entity {shown!r} is {'a parameter' if parameter else 'an external'} entity: not read")
        value = double if double is not None else single
        nested = [r for r in _REFERENCE.findall(value) if r not in _PREDEFINED]
        if nested:
            raise ValueError(f"entity {shown!r} refers to another entity (&{nested[0].decode('utf-8', 'replace')};):"
                             " not read, as nested entities are how an expansion bomb grows")
        sizes[name] = len(value)
    expanded = sum(sizes.get(r, 0) for r in _REFERENCE.findall(data))
    if expanded > MAX_EXPANSION:
        raise ValueError(f"its entity references expand to {expanded:,} bytes; at most {MAX_EXPANSION:,} are read")
