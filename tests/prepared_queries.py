"""rdflib's SPARQL processor with each query text parsed once per test session.

pySHACL hands rdflib each SHACL-SPARQL constraint as text, and rdflib parses it again on every validation
(pyparsing: about 0.1 s a query). The reference engine runs hundreds of times in the suite on the same shapes,
so parsing was most of `test_each_constraint`'s 8 minutes. A translated query is what rdflib's own
``prepareQuery`` returns and may be evaluated again with other bindings, so reusing it changes no result; a text
that does not parse is not cached and raises each time.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.processor import SPARQLProcessor
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier


@functools.lru_cache(maxsize=2048)
def _prepared(text: str, base: str | None, namespaces: frozenset[tuple[str, Any]]) -> Query:
    return translateQuery(parseQuery(text), base, dict(namespaces))


class PreparedOnceProcessor(SPARQLProcessor):
    def query(  # type: ignore[override]
        self,
        strOrQuery: str | Query,  # noqa: N803 (rdflib's parameter names)
        initBindings: Mapping[str, Identifier] | None = None,  # noqa: N803
        initNs: Mapping[str, Any] | None = None,  # noqa: N803
        base: str | None = None,
        DEBUG: bool = False,  # noqa: N803
    ) -> Mapping[str, Any]:
        if isinstance(strOrQuery, str):
            strOrQuery = _prepared(strOrQuery, base, frozenset((initNs or {}).items()))
        return super().query(strOrQuery, initBindings, initNs, base, DEBUG)
