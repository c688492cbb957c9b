"""One query worker process: everything done with an untrusted query's text happens here, never in the server.

Started by ``querypool`` as a fresh interpreter (a clean, single-threaded process), it first limits its own
address space and, when the kernel allows, moves into a network namespace of its own, where no address is
reachable: then even a SERVICE clause that slipped past the parse could not fetch anything. It opens the
store read-only and reopens it when the store's files change, so it sees every write the server makes.

The SERVICE guard reads the parsed query (rdflib's SPARQL parser), after the ``\\uXXXX`` escapes SPARQL
applies before parsing. Two parsers can read one text differently (rdflib skips a ``\\#`` local-name escape
as a comment where Oxigraph does not), so where the worker could not leave the network it refuses every
query whose text holds the word SERVICE at all: a false refusal is better than a fetch.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import resource
from pathlib import Path
from typing import Any

SERVICE_REFUSED = "Federated queries (SERVICE) are not accepted on this endpoint"
UPDATE_REFUSED = "SPARQL Update is not accepted on this endpoint"
_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def leave_network() -> bool:
    """Move this process into an empty network namespace (only a down loopback): True if it worked."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    # As root CLONE_NEWNET alone suffices; an ordinary user needs a user namespace to hold the right.
    return any(libc.unshare(flags) == 0 for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET))


def expand_escapes(text: str) -> str:
    """SPARQL's codepoint escapes applied (repeatedly, so an escaped escape cannot hide a keyword)."""

    def one(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else m.group(0)

    for _ in range(8):
        expanded = _ESCAPE.sub(one, text)
        if expanded == text:
            break
        text = expanded
    return text


def _walk(node: Any) -> Any:
    yield node
    if isinstance(node, dict):  # rdflib's CompValue is an OrderedDict of its parts
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
        for value in node:
            yield from _walk(value)


def has_service(text: str) -> bool | None:
    """True/False from rdflib's parse tree; None when rdflib cannot parse the text."""
    from compgraph.graph.sparqlparse import parse_query

    try:
        tree = parse_query(expand_escapes(text))
    except Exception:  # rdflib's parser raises several types; "cannot parse" is the only answer needed
        return None
    return any(getattr(n, "name", None) == "ServiceGraphPattern" for n in _walk(tree))


def service_refusal(text: str, isolated: bool) -> str | None:
    """Why the query must not run (it calls, or may call, another endpoint), or None.

    The parse decides when it can; where it cannot (rdflib fails on some valid texts, e.g. a ``#`` inside
    an IRI followed by more on the line) or the worker kept its network, the bare word decides, failing
    closed.
    """
    if not service_refusal_unparsed(text):
        # No SERVICE keyword anywhere (escapes applied), so no parse can find one; rdflib's parse was half
        # of a small query's time in the worker (3 of 6 ms for a COUNT on the demo).
        return None
    found = has_service(text)
    if found:
        return SERVICE_REFUSED
    if service_refusal_unparsed(text) and (found is None or not isolated):
        why = (
            "it could not be parsed to check"
            if found is None
            else "this server cannot cut its query workers off the network"
        )
        return f"{SERVICE_REFUSED} (the query names SERVICE and {why})"
    return None


def service_refusal_unparsed(text: str) -> bool:
    """The fail-closed check for text this process must not parse: the word SERVICE anywhere."""
    return re.search("service", expand_escapes(text), re.IGNORECASE) is not None


def _is_update(text: str) -> bool:
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(expand_escapes(text))
    except Exception:  # any parser failure just means "not an update"
        return False
    return True


class _Store:
    """The read-only store, reopened whenever the files under it change (the server wrote)."""

    def __init__(self, location: str) -> None:
        self.location = location
        self.stamp: tuple[Any, ...] | None = None
        self.store: Any = None

    def _stamp(self) -> tuple[Any, ...]:
        # A large write moves HEAD (the store folder changes); a small one is a SPARQL update inside the
        # current generation (its log file grows). A read-only handle sees neither, so either reopens it.
        from compgraph.graph.ondisk import locate
        from compgraph.web.storestate import files_stamp

        quick = files_stamp(self.location)  # HEAD and the generation's files, without a stat of every SST
        if quick is not None:
            return quick
        folders = [Path(self.location)]
        with contextlib.suppress(Exception):  # a damaged or missing store: get() reports it when it opens
            folders.append(locate(folders[0])[0])
        stamp = []
        for folder in dict.fromkeys(folders):
            with os.scandir(folder) as entries:
                stamp += sorted((folder.name, e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in entries)
        return tuple(stamp)

    def get(self) -> Any:
        import pyoxigraph as ox

        stamp = self._stamp()
        if stamp != self.stamp or self.store is None:
            from compgraph.graph.ondisk import locate

            self.store = None  # let RocksDB close the old handle before the new one opens
            # The database is the generation HEAD names (graph.ondisk); a write moves HEAD, changing the stamp.
            db, _ = locate(Path(self.location))
            self.store = ox.Store.read_only(str(db))
            self.stamp = stamp
        return self.store


def boot(argv: list[str]) -> None:
    """Entry point of ``python -c`` (see querypool): fd, store location, memory limit, isolate (1/0)."""
    from multiprocessing.connection import Connection

    fd, location, memory, isolate = argv
    main(Connection(int(fd)), location, int(memory), isolate == "1")


def main(conn: Any, location: str, memory_bytes: int, isolate_network: bool) -> None:
    """The worker's loop: one request in, one reply out, until the pipe closes."""
    try:
        if memory_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        isolated = leave_network() if isolate_network else False
        from compgraph.questions import queries  # noqa: F401  (the heavy imports, after the limits are in place)

        store = _Store(location)
        # The first parse builds rdflib's grammar and the first query warms Oxigraph: seconds on a loaded
        # machine, which must not count against the first user's time limit.
        has_service("ASK {}")
        store.get().query("ASK {}")
    except Exception as exc:  # the pool reports it and does not retry forever
        _send(conn, {"error": f"{type(exc).__name__}: {exc}"})
        return
    if not _send(conn, {"isolated": isolated}):
        return
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        reply = handle(request, store.get, isolated)
        if not _send(conn, reply) or not reply.get("reusable", True):
            return


def _send(conn: Any, message: dict[str, Any]) -> bool:
    """Send to the server; False when it has gone (stopped while this worker started or answered): the worker
    then ends quietly, as a server stopping must not print a worker's traceback."""
    try:
        conn.send(message)
    except OSError:  # BrokenPipeError and kin: nobody is reading any more
        return False
    return True


def handle(request: dict[str, Any], get_store: Any, isolated: bool) -> dict[str, Any]:
    """Run one request; the reply is the serialised answer or a 4xx status with one line of text."""
    from compgraph.graph.results import QuerySyntaxError, check_nesting

    text = request["query"]
    try:
        check_nesting(text)  # before rdflib's parse (RecursionError) and Oxigraph's (a crash)
        refusal = service_refusal(text, isolated)
        if refusal:
            return {"status": 400, "error": refusal}
        return _answer(request, get_store())
    except MemoryError:
        return {"status": 503, "error": "the query needed more than this endpoint's memory limit", "reusable": False}
    except QuerySyntaxError as exc:
        return {"status": 400, "error": f"SPARQL syntax error: {exc}"}
    except SyntaxError as exc:
        if _is_update(text):
            return {"status": 400, "error": UPDATE_REFUSED}
        return {"status": 400, "error": f"SPARQL syntax error: {exc}"}
    except _TooLarge as exc:
        return {"status": 400, "error": f"{exc} (the endpoint's cap); add a LIMIT or narrow the query"}
    except _NotAcceptable as exc:
        return {"status": 406, "error": str(exc)}
    except Exception as exc:  # Oxigraph's evaluation errors (OSError, ValueError...) are the query's to fix
        return {"status": 400, "error": f"the query failed: {exc}"}


class _TooLarge(Exception):
    pass


class _NotAcceptable(Exception):
    pass


def _answer(request: dict[str, Any], store: Any) -> dict[str, Any]:
    import pyoxigraph as ox

    from compgraph.graph.namespaces import PREFIXES
    from compgraph.questions.queries import serialize

    kwargs: dict[str, Any] = {"prefixes": dict(PREFIXES), "base_iri": request.get("base_iri")}
    if request.get("default_graphs"):
        kwargs["default_graph"] = [ox.NamedNode(g) for g in request["default_graphs"]]
    else:
        kwargs["use_default_graph_as_union"] = True
    if request.get("named_graphs"):
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in request["named_graphs"]]
    result = _materialise(store.query(request["query"], **kwargs), request.get("max_results"), request["max_bytes"])
    if request.get("as_result"):  # the browser's question pages draw the rows themselves
        return {"kind": result.kind, "media": "", "body": b"", "result": result}
    media = request["graph_media"] if result.kind == "CONSTRUCT" else request["select_media"]
    if media is None:
        offers = request["graph_offers"] if result.kind == "CONSTRUCT" else request["select_offers"]
        raise _NotAcceptable(f"cannot answer in {request.get('accept')}; available: {', '.join(offers)}")
    body = serialize(result, media)
    if len(body) > request["max_bytes"]:
        raise _TooLarge(f"the answer is larger than {request['max_bytes']} bytes")
    return {"kind": result.kind, "media": media, "body": body}


def _materialise(results: Any, max_results: int | None, max_bytes: int) -> Any:
    """rdflib terms for the serialisers, stopping at the row cap or once the terms alone pass the byte cap."""
    import pyoxigraph as ox

    from compgraph.graph.store import QueryResult, to_rdflib

    if isinstance(results, ox.QueryBoolean):
        return QueryResult("ASK", boolean=bool(results))
    size = 0
    seen: dict[Any, Any] = {None: None}

    def conv(term: Any) -> Any:
        nonlocal size
        node = seen.get(term, seen)
        if node is seen:
            node = seen[term] = to_rdflib(term)
        size += len(str(node)) if node is not None else 0
        if size > max_bytes:
            raise _TooLarge(f"the answer is larger than {max_bytes} bytes")
        return node

    what = "rows" if isinstance(results, ox.QuerySolutions) else "triples"
    out: list[tuple[Any, ...]] = []
    variables = [v.value for v in results.variables] if what == "rows" else []
    for item in results:
        out.append(
            tuple(conv(t) for t in item)
            if what == "rows"
            else (conv(item.subject), conv(item.predicate), conv(item.object))
        )
        if max_results is not None and len(out) > max_results:
            raise _TooLarge(f"query returned more than {max_results} {what}")
    if what == "rows":
        return QueryResult("SELECT", variables=variables, rows=out)
    return QueryResult("CONSTRUCT", triples=out)
