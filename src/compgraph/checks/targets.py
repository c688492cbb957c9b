"""Which shapes have an implicit class target, read as SHACL 1.0 §2.1.3.3 says, for both engines.

"If s is a SHACL instance of sh:NodeShape or sh:PropertyShape in a shapes graph SG and s is also a SHACL
instance of rdfs:Class in SG then the set of SHACL instances of s in a data graph DG is a target." A SHACL
instance follows ``rdf:type/rdfs:subClassOf*`` in the shapes graph. OWL's own axiom that every owl:Class is an
rdfs:Class is read as if it were there, as pySHACL and TopBraid do: ontologies declare class shapes as
``owl:Class, sh:NodeShape``.

pySHACL reads this differently in three ways: it gives the target to any shape typed rdfs:Class (one named by
sh:node, or one with only sh:property, though neither is a SHACL instance of sh:NodeShape), it follows
rdfs:subClassOf one step only, and it finds a shape typed by a subclass of sh:NodeShape only when something
else makes it a shape. :func:`for_pyshacl` hands it a shapes graph in which those readings give the spec's
answer, so the two engines never disagree on which nodes are validated.
"""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node

# What a shapes graph is read with even when it does not say it (OWL's vocabulary, as pySHACL adds it).
_SYSTEM_SUBCLASSES = ((OWL.Class, RDFS.Class),)


def subclasses(shapes: Graph, cls: Node) -> set[Node]:
    """``cls`` and every class below it by rdfs:subClassOf in the shapes graph (OWL's axiom included)."""
    below: dict[Node, set[Node]] = {}
    for sub, sup in [*shapes.subject_objects(RDFS.subClassOf), *_SYSTEM_SUBCLASSES]:
        below.setdefault(sup, set()).add(sub)
    found, todo = {cls}, [cls]
    while todo:
        for sub in below.get(todo.pop(), ()):
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def shacl_instances(shapes: Graph, cls: Node) -> set[Node]:
    """The SHACL instances of ``cls`` in the shapes graph: nodes whose rdf:type is it or a class below it."""
    types = subclasses(shapes, cls)
    return {s for s, t in shapes.subject_objects(RDF.type) if t in types}


def typed_shapes(shapes: Graph) -> set[Node]:
    """The SHACL instances of sh:NodeShape or sh:PropertyShape."""
    return shacl_instances(shapes, SH.NodeShape) | shacl_instances(shapes, SH.PropertyShape)


def is_instance(shapes: Graph, node: Node, cls: Node) -> bool:
    """Whether ``node`` is a SHACL instance of ``cls``: walks up from its types, so it costs the depth of the
    hierarchy, not the size of the graph (the planner asks this of every shape)."""
    system: dict[Node, Node] = dict(_SYSTEM_SUBCLASSES)
    seen: set[Node] = set()
    todo = list(shapes.objects(node, RDF.type))
    while todo:
        t = todo.pop()
        if t == cls:
            return True
        if t not in seen:
            seen.add(t)
            todo.extend(shapes.objects(t, RDFS.subClassOf))
            if t in system:
                todo.append(system[t])
    return False


def is_implicit_class_shape(shapes: Graph, node: Node) -> bool:
    """Whether ``node`` is its own target class (see :func:`implicit_class_shapes`)."""
    shape = is_instance(shapes, node, SH.NodeShape) or is_instance(shapes, node, SH.PropertyShape)
    return shape and is_instance(shapes, node, RDFS.Class)


def implicit_class_shapes(shapes: Graph) -> set[Node]:
    """The shapes that are their own target class: SHACL instances of a shape type and of rdfs:Class."""
    return typed_shapes(shapes) & shacl_instances(shapes, RDFS.Class)


def for_pyshacl(shapes: Graph) -> Graph:
    """A copy of ``shapes`` on which pySHACL finds the shapes and implicit class targets the spec gives.

    Each shape typed by a subclass of sh:NodeShape/sh:PropertyShape is also typed by that class itself; a shape
    with an implicit class target is typed rdfs:Class itself; every other node loses the class types pySHACL
    would read as an implicit target (it is validated only where another shape names it)."""
    class_types = subclasses(shapes, RDFS.Class)
    implicit = implicit_class_shapes(shapes)
    out = Graph()
    for s, p, o in shapes:
        if p == RDF.type and o in class_types and s not in implicit:
            continue
        out.add((s, p, o))
    for shape_type in (SH.NodeShape, SH.PropertyShape):
        for s in shacl_instances(shapes, shape_type):
            out.add((s, RDF.type, shape_type))
    for s in implicit:
        out.add((s, RDF.type, RDFS.Class))
    for prefix, ns in shapes.namespaces():
        out.bind(prefix, ns, override=True)
    return out
