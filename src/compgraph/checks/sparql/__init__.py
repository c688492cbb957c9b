"""The SHACL shapes run as SPARQL directly on the store: same findings as pySHACL, one query per constraint.

pySHACL copies the whole store into an rdflib graph and runs each SHACL-SPARQL constraint once per
focus node. Here each constraint becomes one SELECT over all its focus nodes at once: the shape's
targets are joined in as a ``?this`` pattern where pySHACL pre-binds ``$this``, and the core
constraints of the structure shapes (sh:minCount, sh:datatype, sh:class, ...) are translated into
equivalent SPARQL. Anything this translation does not cover (sh:node, sh:or, sh:rule, custom
components, subqueries over ``$this``, ...) is reported by :func:`unsupported`, and
``validate_store(engine="sparql")`` then runs pySHACL instead, so the findings never change.
"""

from compgraph.checks.sparql.components import Unsupported
from compgraph.checks.sparql.plan import plan, sparql_path, unsupported
from compgraph.checks.sparql.rewrite import rewrite_not_exists
from compgraph.checks.sparql.run import validate_store_sparql

__all__ = ["Unsupported", "plan", "rewrite_not_exists", "sparql_path", "unsupported", "validate_store_sparql"]
