"""rdflib's SPARQL parser, called so that it keeps nothing of its caller alive.

pyparsing's packrat cache, which matplotlib's mathtext switches on for the whole process (the audit report's charts
import it), keeps each parse failure it raises again from the cache, with its traceback, until the next parse.
Those tracebacks' frames keep their callers' frames and every local in them alive: an embedded store's database
among them, whose RocksDB lock then outlives the store's close, so opening the store again in the same process
(a server restarted in process, the test suite) fails with "lock hold by current process".
"""

from __future__ import annotations

import threading
from typing import Any

from pyparsing import ParserElement


def parse_query(text: str) -> Any:
    """rdflib's parse tree of the query ``text`` (raises what rdflib's parser raises)."""
    from rdflib.plugins.sparql.parser import parseQuery

    with _ONE_AT_A_TIME:
        try:
            return parseQuery(text)
        finally:
            forget_parses()


# A validation reads its queries' algebra in a thread beside its own (``checks.affected.EntriesRead``): pyparsing
# makes no promise for two parses at once in one process, and clears its cache after each.
_ONE_AT_A_TIME = threading.Lock()


def forget_parses() -> None:
    """Drop what pyparsing's packrat cache keeps of the last parse (anyone's: rdflib's own queries, pySHACL)."""
    ParserElement.reset_cache()
