"""Which focus nodes a change of known triples can affect: a query's rows are a union over its focus nodes, so
after a change only the rows of the focus nodes the change can reach need running again.

A query's rows for a focus node ``x`` can only differ between two states of the data if some changed triple
``t`` matches one of its triple patterns ``P`` in a solution (or in a NOT EXISTS / MINUS tried against one)
that binds ``?this`` to ``x``. Every pattern that solution must match along with ``P`` (``P``'s own group and
the groups around it, never a sibling OPTIONAL, UNION branch or negation) is matched in the old or the new
data, so ``x`` is reached from ``t``'s terms by following those patterns over the two states together. So
for each pattern the analysis keeps a chain of such patterns from one of its variables to ``?this``
(constants are not followed: they name one node, not a link); the focus nodes of a change are read by that
chain with the variable bound to the changed triples' terms. A pattern the analysis cannot follow (a
variable bound only by BIND or FILTER between it and ``?this``, a negated path, a named graph) gives no
chain: a change it matches means running the whole query again, as before.

Property paths: a changed triple is one step of a path, so the path's end is reached through the steps
before it (``?s a/b* ?t`` with ``t`` an ``rdfs:subClassOf`` triple: ``?s`` is any node whose type reaches the
triple's subject). Read with rdflib's SPARQL algebra (~15-25 ms a query), once per query text, by a full run's
thread (``EntriesRead``) or the first change that needs it, and kept in the state file (``incremental``).
"""

from __future__ import annotations

import itertools
import re
import threading
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Literal, URIRef, Variable
from rdflib.paths import AlternativePath, InvPath, MulPath, Path, SequencePath
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.util import from_n3

from compgraph.checks.sparql.rewrite import _first_brace, _matching, _top_blocks, _vars, _without_blocks
from compgraph.checks.sparqltext import first_brace, matching
from compgraph.graph.sparqlparse import parse_query

THIS = Variable("this")
VALUE = Variable("value")  # a SPARQL constraint's value node: rows are also read again per value (``by_value``)
ANCHOR = "?_changed"

Pattern = tuple[Any, Any, Any]


class CannotFollow(Exception):
    """Something in the query the analysis does not follow: every change it may match reruns the query whole."""


@dataclass
class Entry:
    """How a changed triple matching one pattern (by predicate) reaches the focus nodes."""

    predicate: str | None  # None: a variable predicate, any triple matches
    subject: str | None = None  # an IRI the changed triple's subject must be (a constant in a plain pattern)
    object: str | None = None
    side: str = ""  # which term of the changed triple is the anchor: "s" or "o"; "" if the chain is unknown
    query: str = ""  # patterns from ANCHOR to ?this; empty with a side: the anchor is the focus node itself

    def as_json(self) -> list[Any]:
        return [self.predicate, self.subject, self.object, self.side, self.query]

    @classmethod
    def from_json(cls, v: list[Any]) -> Entry:
        return cls(*v)

    def matches(self, s: str, p: str, o: str) -> bool:
        same_p = self.predicate is None or p == self.predicate
        return same_p and self.subject in (None, s) and self.object in (None, o)


# --- reading the algebra --------------------------------------------------------------------------------


def _exists_graphs(expr: Any) -> Iterable[Any]:
    """The graph patterns of every EXISTS / NOT EXISTS inside an expression."""
    if isinstance(expr, CompValue):
        if expr.name in ("Builtin_EXISTS", "Builtin_NOTEXISTS"):
            yield expr.graph
            return
        for v in expr.values():
            yield from _exists_graphs(v)
    elif isinstance(expr, (list, tuple)):
        for v in expr:
            yield from _exists_graphs(v)


_PASS = {"Distinct", "Reduced", "Slice", "OrderBy", "ToMultiSet", "Group", "AggregateJoin", "SelectQuery"}


class _Reader:
    def __init__(self) -> None:
        self.scopes = itertools.count(1)
        self.out: list[tuple[Pattern, list[Pattern]]] = []

    def rename(self, term: Any, names: dict[Variable, Variable] | None) -> Any:
        if isinstance(term, Variable) and names is not None:
            return names.get(term) or names.setdefault(term, Variable(f"{term}__{next(self.scopes)}"))
        return term

    def inner(self, node: CompValue, names: dict[Variable, Variable] | None) -> dict[Variable, Variable] | None:
        """The names inside a sub-select: its projected variables are the outer ones, the rest its own."""
        if node.name != "Project":
            return names
        return {v: self.rename(v, names) for v in node.PV}

    def required(self, node: Any, names: dict[Variable, Variable] | None) -> list[Pattern]:
        """The patterns every solution of ``node`` matches."""
        if not isinstance(node, CompValue):
            return []
        if node.name == "BGP":
            return [tuple(self.rename(t, names) for t in triple) for triple in node.triples]
        if node.name == "Join":
            return self.required(node.p1, names) + self.required(node.p2, names)
        if node.name in ("LeftJoin", "Minus"):
            return self.required(node.p1, names)
        if node.name in ("Filter", "Extend", "Project") or node.name in _PASS:
            return self.required(node.p, self.inner(node, names)) if "p" in node else []
        return []  # a union, VALUES: nothing certain

    def walk(self, node: Any, ctx: list[Pattern], names: dict[Variable, Variable] | None) -> None:
        if not isinstance(node, CompValue):
            raise CannotFollow(f"{type(node).__name__} in the algebra")
        name = node.name
        if name == "BGP":
            own = self.required(node, names)
            for i, p in enumerate(own):
                self.out.append((p, ctx + own[:i] + own[i + 1 :]))
        elif name == "Join":
            self.walk(node.p1, ctx + self.required(node.p2, names), names)
            self.walk(node.p2, ctx + self.required(node.p1, names), names)
        elif name in ("LeftJoin", "Minus"):
            left = self.required(node.p1, names)
            self.walk(node.p1, ctx, names)
            self.walk(node.p2, ctx + left, names)
            if name == "LeftJoin" and node.expr is not None:
                for g in _exists_graphs(node.expr):
                    self.walk(g, ctx + left + self.required(node.p2, names), names)
        elif name == "Union":
            self.walk(node.p1, ctx, names)
            self.walk(node.p2, ctx, names)
        elif name in ("Filter", "Extend"):
            self.walk(node.p, ctx, names)
            for g in _exists_graphs(node.expr):
                self.walk(g, ctx + self.required(node.p, names), names)
        elif name == "Project":
            self.walk(node.p, ctx, self.inner(node, names))
        elif name in _PASS:
            exprs = node.get("A") or node.get("expr") if name in ("AggregateJoin", "Group") else None
            if any(True for _ in _exists_graphs(exprs)):
                raise CannotFollow(f"EXISTS in an aggregate ({name})")
            self.walk(node.p, ctx, names)
        elif name == "values":
            return  # data, not patterns
        else:
            raise CannotFollow(f"{name} in the algebra")


def _steps(path: Any) -> list[Any]:
    return list(path.args) if isinstance(path, SequencePath) else [path]


def _n3(term: Any) -> str:
    if isinstance(term, Path):
        return "(" + term.n3() + ")"
    return term.n3()


def _predicates(path: Any) -> set[str] | None:
    """The predicates a path can match (None: any)."""
    if isinstance(path, URIRef):
        return {str(path)}
    if isinstance(path, Variable):
        return None
    if isinstance(path, InvPath):
        return _predicates(path.arg)
    if isinstance(path, MulPath):
        return _predicates(path.path)
    if isinstance(path, (SequencePath, AlternativePath)):
        out: set[str] = set()
        for a in path.args:
            got = _predicates(a)
            if got is None:
                return None
            out |= got
        return out
    return None  # a negated path matches any predicate


def _anchors(pattern: Pattern, predicate: str) -> list[tuple[str, Any, str]] | None:
    """How a changed triple with ``predicate`` matching ``pattern`` binds its ends: (side of the triple, the
    pattern's end term, the pattern text linking that end to ANCHOR or "" when the end is the anchor itself).
    None: not followed."""
    s, path, o = pattern
    if isinstance(path, (URIRef, Variable)):
        return [("s", s, ""), ("o", o, "")]
    if isinstance(path, InvPath) and isinstance(path.arg, URIRef):
        return [("o", s, ""), ("s", o, "")]
    if isinstance(path, AlternativePath):
        for a in path.args:
            if isinstance(a, (URIRef, InvPath)) and predicate in (_predicates(a) or set()):
                return _anchors((s, a, o), predicate)
        return None
    steps = _steps(path)
    hits = [i for i, st in enumerate(steps) if predicate in (_predicates(st) or {predicate})]
    if len(hits) != 1:
        return None
    k = hits[0]
    step = steps[k]
    before, after = steps[:k], steps[k + 1 :]
    if isinstance(step, MulPath) and isinstance(step.path, URIRef):
        star = MulPath(step.path, "*")
        before, after, step = before + [star], [star] + after, step.path
    if isinstance(step, URIRef):
        first, last = "s", "o"
    elif isinstance(step, InvPath) and isinstance(step.arg, URIRef):
        first, last = "o", "s"
    else:
        return None
    out = []
    out.append((first, s, f"{s.n3()} {'/'.join(_n3(x) for x in before)} {ANCHOR} ." if before else ""))
    out.append((last, o, f"{ANCHOR} {'/'.join(_n3(x) for x in after)} {o.n3()} ." if after else ""))
    return out


def _chain(start: Variable, patterns: list[Pattern], target: Variable = THIS) -> list[Pattern] | None:
    """The shortest run of ``patterns`` linking ``start`` to ``target`` (variables only), or None."""
    if start == target:
        return []
    links: dict[Variable, list[tuple[Variable, Pattern]]] = {}
    for p in patterns:
        s, _, o = p
        if isinstance(s, Variable) and isinstance(o, Variable) and s != o:
            links.setdefault(s, []).append((o, p))
            links.setdefault(o, []).append((s, p))
    came: dict[Variable, tuple[Variable, Pattern] | None] = {start: None}
    todo = deque([start])
    while todo:
        v = todo.popleft()
        if v == target:
            out = []
            while came[v] is not None:
                prev, p = came[v]  # type: ignore[misc]
                out.append(p)
                v = prev
            return out
        for w, p in links.get(v, []):
            if w not in came:
                came[w] = (v, p)
                todo.append(w)
    return None


def _pattern_text(p: Pattern) -> str:
    return " ".join(_n3(t) for t in p) + " ."


def entries_of(sparql: str, target: Variable = THIS) -> list[Entry] | None:
    """How a change reaches the focus nodes of one query (``sparql``: its text with its PREFIX lines), or None
    if the query is not followed at all. ``target``: another variable of every row (``VALUE``), whose values a
    change can reach the same way: None too if a row may leave it unbound (then no value names its rows)."""
    try:
        algebra = translateQuery(parse_query(sparql)).algebra
        reader = _Reader()
        top = algebra.p
        # The outer projection names the rows; its variables and every one under it are the query's own
        # (None: not renamed); only a sub-select's unprojected variables are renamed apart.
        body = top.p if top.name == "Project" else top
        if target != THIS and not any(target in p for p in reader.required(body, None)):
            return None
        reader.walk(body, [], None)
    except CannotFollow:
        return None
    except Exception:  # a query rdflib cannot read: reran whole, never a wrong restriction
        return None
    out: list[Entry] = []
    for pattern, ctx in reader.out:
        s, path, o = pattern
        preds = _predicates(path)
        if isinstance(path, Path) and not isinstance(path, (SequencePath, AlternativePath, InvPath, MulPath)):
            preds = None
        for pred in sorted(preds) if preds is not None else [None]:
            out.append(_entry(pattern, ctx, pred, target))
    return out


def entries_json(sparql: str, target: Variable = THIS) -> list[Any] | None:
    """``entries_of`` as the state file keeps it."""
    got = entries_of(sparql, target)
    return None if got is None else [e.as_json() for e in got]


class EntriesRead:
    """The entries of queries (id -> text), read in a thread while a full run waits on the store: Oxigraph lets go
    of the GIL while it evaluates, so on a second core the ~15 ms a query costs nothing, and the first change
    after a full run finds them read. ``stop`` ends it after the query it is on and gives what it read.
    ``value_key``: each query's entries for its values (``VALUE``) too, kept under its id with this before it."""

    def __init__(self, texts: dict[str, str], value_key: str | None = None) -> None:
        self._read: dict[str, list[Any] | None] = {}
        self._value_key = value_key
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(texts,), name="compgraph-focus-entries", daemon=True)
        self._thread.start()

    def _run(self, texts: dict[str, str]) -> None:
        for qid, text in texts.items():
            if self._stop.is_set():
                return
            self._read[qid] = entries_json(text)
            if self._value_key is not None and not self._stop.is_set():
                self._read[self._value_key + qid] = entries_json(text, VALUE)

    def stop(self) -> dict[str, list[Any] | None]:
        self._stop.set()
        self._thread.join()
        return dict(self._read)


def _entry(pattern: Pattern, ctx: list[Pattern], pred: str | None, target: Variable = THIS) -> Entry:
    s, path, o = pattern
    plain = isinstance(path, (URIRef, Variable))
    e = Entry(pred, str(s) if plain and isinstance(s, URIRef) else None,
              str(o) if plain and isinstance(o, URIRef) else None)
    anchors = _anchors(pattern, pred) if pred is not None else [("s", s, ""), ("o", o, "")]
    best: tuple[int, str, str] | None = None
    for side, end, link in anchors or []:
        if not isinstance(end, Variable):
            continue
        chain = _chain(end, ctx + ([] if plain else [pattern]), target)
        if chain is None:
            continue
        if not link and not chain:
            best = (0, side, "")
            break
        # The end bound to the changed term directly (its chain starts at the anchor), or through the path's
        # steps before or after the changed one.
        text = " ".join(_pattern_text(p) for p in (chain if link else _renamed(chain, end)))
        text = f"{link} {text}" if link else text
        if best is None or len(chain) + bool(link) < best[0]:
            best = (len(chain) + bool(link), side, text)
    if best is not None:
        e.side, e.query = best[1], best[2]
    return e


def _renamed(chain: list[Pattern], var: Variable) -> list[Pattern]:
    anchor = Variable(ANCHOR[1:])
    return [(anchor if s == var else s, p, anchor if o == var else o) for s, p, o in chain]


# --- the focus nodes of a change ----------------------------------------------------------------------------


def term_text(term: Any) -> str | None:
    """A term as SPARQL writes it in VALUES, or None for a blank node (VALUES cannot name one)."""
    if isinstance(term, BNode):
        return None
    if isinstance(term, (URIRef, Literal)):
        return term.n3()
    return None


def focus_query(entry: Entry, anchors: list[str], target: Variable = THIS) -> str:
    """The query reading the focus nodes (or ``target``'s values) ``entry``'s chain reaches from the anchor terms
    (SPARQL texts)."""
    return f"SELECT DISTINCT {target.n3()} WHERE {{ VALUES {ANCHOR} {{ {' '.join(anchors)} }} {entry.query} }}"


FOCUS_BLOCK = "{ SELECT DISTINCT ?this WHERE { "  # the planner's (plan._focus_block); a shape's own sub-select
# cannot hold ?this (the plan refuses it), so every one in a planned query is the focus nodes' block


def restricted(sparql: str, focus: list[str]) -> str:
    """``sparql`` with its rows limited to the given focus nodes: a VALUES opening its outermost group, and one
    in each of the planner's focus blocks, which an engine evaluates on their own before joining them (Oxigraph:
    0.25 s for the evidence items' block at 1.1M triples, whatever the VALUES outside)."""
    values = f"VALUES ?this {{ {' '.join(focus)} }} "
    # A MINUS is evaluated on its own too (all of cg:identifier's triples for a minCount: 0.1-0.2 s): restricted
    # where a triple pattern of its own group binds ?this, so every solution of it binds ?this and only those with
    # a focus node here could remove a row. Where ?this may be unbound there, a VALUES would bind it: not touched.
    for m in reversed(list(_MINUS.finditer(sparql))):
        open_at = m.end() - 1
        inner = sparql[open_at + 1 : _matching(sparql, open_at)]
        if re.match(r"\s*SELECT\b", inner, re.I):  # a sub-select as the group: restricted by its focus block
            continue
        if "this" in _vars(_without_blocks(inner)) and not re.search(r"\b(VALUES|UNION)\b", inner, re.I):
            sparql = sparql[: open_at + 1] + " " + values + sparql[open_at + 1 :]
    start = _select_where(sparql)
    head, body = sparql[: start + 1], sparql[start + 1 :]
    body = body.replace(FOCUS_BLOCK, FOCUS_BLOCK + values)
    # The embedded plan's hash-join blocks (``rewrite.hash_joins``) that read a pattern of ?this get the focus nodes
    # too (SELECT * keeps ?this the outer variable): once unwrapped below, the VALUES stays before its pattern, the
    # one restriction of a MINUS whose ?this stands only in such blocks (the loop above reads past them).
    body = _THIS_BLOCK.sub(lambda m: m.group(1) + values + m.group(2), body)
    # The planner's NOT EXISTS as a left join (``rewrite_not_exists``: ``OPTIONAL { SELECT DISTINCT ?this ...
    # (true AS ?_nxN) WHERE { ... } }``) is read on its own too: every annexed system of every organisation for
    # the organisation rule's risk levels, 45 of its 80 ms for one organisation at 1.1M triples. It only marks
    # rows of its group, which binds ?this (the rewrite's premise) to a focus node here, so a row of it for
    # another node marks none: restricted to the focus nodes.
    body = _NOT_EXISTS_JOIN.sub(lambda m: m.group(0) + values, body)
    # Every hash-join block back to the triple pattern it was made of: a block is read whole, which pays when all
    # focus nodes are wanted, while a few focus nodes are best followed pattern by pattern through the indexes
    # (the organisation rule for one organisation at 1.1M triples: every identifier and obligation read, 0.45 s;
    # followed, 0.13 s). The same solutions: a one-pattern SELECT * is that pattern (``rewrite.hash_joins``).
    body = _ONE_PATTERN_BLOCK.sub(_as_pattern, body)
    return head + " " + values + body


def by_value(sparql: str, values: list[str], var: str = "value") -> str:
    """``sparql`` with its rows limited to those binding ``?var`` (bound in every row: ``entries_of``'s ``target``)
    to one of ``values``: a VALUES opening the outermost group and each MINUS group or sub-select in it whose own
    triple patterns bind ``?var`` (an outer row binds it, so their solutions with another value remove or join
    none; ``restricted``'s argument for ?this). A mapping to an obligation of the AI Act reaches every organisation
    subject to it, but one value: 1.1M triples, the organisation rule 2.2 s whole, 0.13 s for its one obligation.

    The hash-join blocks go back to their patterns (``restricted``), and a MINUS's sub-select of the planner's
    nested NOT EXISTS is read inline (``_inline_minus_selects``): on its own it is every organisation's evidence read
    whatever the value (6.9 s); inline it follows the indexes from the value."""
    values_text = f"VALUES ?{var} {{ {' '.join(values)} }} "
    start = _select_where(sparql)
    head, body = sparql[: start + 1], _ONE_PATTERN_BLOCK.sub(_as_pattern, sparql[start + 1 :])
    body = _inline_minus_selects(head, body)
    out, at = [], 0
    for open_at, close_at in _top_blocks(body):
        inner = body[open_at + 1 : close_at]
        before, after = body[:open_at].rstrip(), body[close_at + 1 :].lstrip()
        # Not a group another keyword opens (an OPTIONAL's, a UNION's branch, a GRAPH's or SERVICE's): left as it is.
        if re.search(r"\b(OPTIONAL|EXISTS|UNION)$|\b(GRAPH|SERVICE)\b[^{}]*$", before, re.I) or re.match(
                r"UNION\b", after, re.I):
            continue
        where = _own_where(inner, var)
        if where is not None:
            out.append(body[at : open_at + 1 + where])
            out.append(values_text)
            at = open_at + 1 + where
    out.append(body[at:])
    return head + " " + values_text + "".join(out)


def _own_where(inner: str, var: str) -> int | None:
    """Where in a block's text (inside its braces) a VALUES of ``?var`` may open its group: the block's own start,
    or a sub-select's WHERE group if it projects ``?var``; None where no triple pattern of that group binds it, or
    its group holds a VALUES or UNION of its own."""
    offset = 0
    m = re.match(r"\s*SELECT\b(.*?)\bWHERE\s*\{", inner, re.I | re.S)
    if m is not None:
        if m.group(1).strip() != "*" and var not in _vars(m.group(1)):
            return None  # the sub-select's ?var is its own, not the rows'
        offset = m.end()
        close = matching(inner, offset - 1)
        if close is None or inner[close + 1 :].strip():  # a modifier after the group (LIMIT, GROUP BY): left as it is
            return None
        group = inner[offset:close]
    else:
        group = inner
    own = _without_blocks(group)
    if var not in _vars(own) or re.search(r"\b(VALUES|UNION)\b", own, re.I):
        return None
    return offset


_INLINE_SELECT = re.compile(r"\{\s*SELECT\s+DISTINCT\s+((?:\?\w+\s+)+)WHERE\s*(?=\{)", re.IGNORECASE)


def _inline_minus_selects(head: str, body: str) -> str:
    """Each MINUS group's sub-selects of the planner (``SELECT DISTINCT ?a ?b WHERE { ... }``) read inline, where
    that gives the MINUS the same solutions: the sub-select's own variables are named nowhere else in the query
    (so neither the MINUS's other patterns nor an outer row see them), its group holds triple patterns, FILTERs and
    focus blocks only (a join, so the order does not matter), and its FILTERs name variables its own patterns
    bind. Anything else stays as it is: still right, only slower."""
    for m in reversed(list(_MINUS.finditer(body))):
        open_at = m.end() - 1
        close_at = matching(body, open_at)
        if close_at is None:
            continue
        group = body[open_at + 1 : close_at]
        for start, end in reversed(_top_blocks(group)):
            sel = _INLINE_SELECT.match(group, start)
            inner_open = None if sel is None else first_brace(group, sel.end())
            inner_close = None if inner_open is None else matching(group, inner_open)
            if sel is None or inner_open is None or inner_close is None or group[inner_close + 1 : end].strip():
                continue
            inner = group[inner_open + 1 : inner_close]
            own = _without_blocks(inner)  # its triple patterns
            blocks = _top_blocks(inner)
            unblocked = "".join(inner[a + 1 : b] for a, b in zip([-1] + [c for _, c in blocks],
                                                                 [o for o, _ in blocks] + [len(inner)], strict=True))
            hidden = _vars(inner) - _vars(sel.group(1))
            rest = head + body[: open_at + 1] + group[:start] + group[end + 1 :] + body[close_at:]
            if (hidden & _vars(rest) or _KEYWORD_ELEMENT.search(own) or _vars(unblocked) - _vars(own)
                    or not all(re.match(r"\s*SELECT\b", inner[a + 1 : b]) for a, b in blocks)):
                continue
            group = group[:start] + " " + inner + " " + group[end + 1 :]
        body = body[: open_at + 1] + group + body[close_at:]
    return body


_KEYWORD_ELEMENT = re.compile(r"\b(OPTIONAL|MINUS|UNION|VALUES|GRAPH|SERVICE|BIND|EXISTS)\b", re.IGNORECASE)


_THIS_BLOCK = re.compile(r"(\{ SELECT \* WHERE \{ )([^{}]*\?this\b[^{}]*\} \})")
# A block as ``hash_joins`` writes it (a VALUES of ours may open it); a shape's own sub-select with a FILTER, BIND or
# blank node stays: in the outer group its filter's scope or the blank node's would change.
_ONE_PATTERN_BLOCK = re.compile(r"\{ SELECT \* WHERE \{ ((?:VALUES \?this \{[^{}]*\} )?[^{}]*?) \} \}")
_KEYWORD = re.compile(r"\b(FILTER|BIND|OPTIONAL|MINUS|UNION|GRAPH|SERVICE|SELECT)\b|_:|\[", re.IGNORECASE)


_MINUS = re.compile(r"\bMINUS\s*\{", re.IGNORECASE)
_NOT_EXISTS_JOIN = re.compile(
    r"OPTIONAL \{ SELECT DISTINCT (?:\?\w+ )*?\?this (?:\?\w+ )*\(true AS \?_nx\d+\) WHERE \{ ")


def _as_pattern(m: re.Match[str]) -> str:
    return m.group(0) if _KEYWORD.search(m.group(1)) else f" {m.group(1)} . "


def _select_where(sparql: str) -> int:
    """The offset of the brace opening the outer SELECT's group."""
    m = re.search(r"\bSELECT\b", sparql, re.IGNORECASE)
    if m is None:
        raise ValueError("not a SELECT query")
    return _first_brace(sparql, m.end())


@dataclass
class Changed:
    """One changed triple: its terms as the entries compare them (an IRI's value, any other term's SPARQL text)
    and as SPARQL writes them (None for a blank node)."""

    s: str
    p: str
    o: str
    s_text: str | None
    o_text: str | None


FOCUS_LIMIT = 2_000  # focus nodes; past this a whole rerun costs less than the VALUES join


def focus_nodes(
    query: Callable[[str], list[Any]], entries: list[Entry], changed: list[Changed], target: Variable = THIS,
) -> set[Any] | None:
    """The focus nodes (or values of ``target``, with its entries) whose rows the changed triples can change
    (rdflib terms), or None for "rerun whole". ``query`` runs a SELECT and gives its first column."""
    direct: set[str] = set()
    anchored: dict[str, set[str]] = {}
    for t in changed:
        for e in entries:
            if not e.matches(t.s, t.p, t.o):
                continue
            term = t.s_text if e.side == "s" else t.o_text if e.side == "o" else None
            if term is None:
                return None  # no chain to ?this, or a blank node a query cannot name
            if e.query:
                anchored.setdefault(e.query, set()).add(term)
            else:
                direct.add(term)
    out: set[Any] = set()
    for text in direct:
        out.add(_parsed(text))
    for chain, anchors in anchored.items():
        out.update(query(focus_query(Entry(None, query=chain), sorted(anchors), target)))
        if len(out) > FOCUS_LIMIT:
            return None
    if any(term_text(x) is None for x in out) or len(out) > FOCUS_LIMIT:
        return None
    return out


def _parsed(text: str) -> Any:
    """An IRI or literal from its N-Triples text, as rdflib has it in query rows."""
    return from_n3(text)


def focus_block(sparql: str) -> str | None:
    """The query's first focus block (``FOCUS_BLOCK`` ... its closing brace), or None."""
    at = sparql.find(FOCUS_BLOCK)
    return None if at < 0 else sparql[at : _matching(sparql, at) + 1]
