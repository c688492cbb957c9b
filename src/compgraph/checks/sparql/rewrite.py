"""FILTER NOT EXISTS rewritten as MINUS, and FILTER EXISTS as a join, where that is provably the same.

Oxigraph evaluates FILTER NOT EXISTS row by row, orders of magnitude slower than MINUS (perf-notes);
the rewrite is applied only where it is provably equivalent, anything else is left as written.
"""

from __future__ import annotations

import re

from compgraph.checks.sparql.components import Unsupported

_EXISTS = re.compile(r"FILTER\s+(NOT\s+)?EXISTS\s*\{", re.IGNORECASE)
_VARIABLE = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)")


def _skip_token(text: str, i: int) -> int:
    """If a string, IRI or comment starts at ``i``, the index after it; else ``i``."""
    ch = text[i]
    if ch in "\"'":
        end = text.find(ch, i + 1)
        while end != -1 and text[end - 1] == "\\":
            end = text.find(ch, end + 1)
        return end + 1 if end != -1 else len(text)
    if ch == "<":
        end = text.find(">", i + 1)
        if end != -1 and not re.search(r"[\s{}]", text[i + 1 : end]):
            return end + 1
    if ch == "#":
        end = text.find("\n", i)
        return end + 1 if end != -1 else len(text)
    return i


def _matching(text: str, open_at: int) -> int:
    """Index of the ``}`` closing the ``{`` at ``open_at``."""
    depth, i = 0, open_at
    while i < len(text):
        j = _skip_token(text, i)
        if j != i:
            i = j
            continue
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise Unsupported("unbalanced braces in query")


def _without_blocks(text: str) -> str:
    """Top-level text of a group: nested ``{...}`` blocks and FILTER/BIND expressions removed."""
    out, i = [], 0
    while i < len(text):
        j = _skip_token(text, i)
        if j != i:
            out.append(text[i:j])
            i = j
            continue
        if text[i] == "{":
            i = _matching(text, i) + 1
            continue
        m = re.match(r"(FILTER|BIND)\s*\(", text[i:], re.IGNORECASE)
        if m and (i == 0 or not text[i - 1].isalnum()):
            depth, k = 0, i + m.end() - 1
            while k < len(text):
                if text[k] == "(":
                    depth += 1
                elif text[k] == ")":
                    depth -= 1
                    if depth == 0:
                        break
                k += 1
            i = k + 1
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


def _vars(text: str) -> set[str]:
    return set(_VARIABLE.findall(re.sub(r'"(?:\\.|[^"\\])*"|<[^<>\s{}]*>', " ", text)))


_KEYWORD = re.compile(r"\s*(FILTER|BIND|VALUES|OPTIONAL|MINUS|GRAPH|SERVICE|UNION)\b", re.IGNORECASE)


def _first_statement(group: str) -> int | None:
    """Index of the ``.`` ending the group's first triple statement, or None if it does not start with one."""
    if _KEYWORD.match(group):
        return None
    depth, i = 0, 0
    while i < len(group):
        j = _skip_token(group, i)
        if j != i:
            i = j
            continue
        ch = group[i]
        if ch in "{[":
            return None
        depth += 1 if ch == "(" else -1 if ch == ")" else 0
        if ch == "." and depth == 0 and not (group[i - 1 : i].isdigit() and group[i + 1 : i + 2].isdigit()):
            return i
        i += 1
    return None


def _split_head(inner: str, shared: set[str], focus: str) -> str:
    """A MINUS body ``H . R`` as ``H { SELECT DISTINCT ?v <shared> WHERE { <focus> R } }`` when its first
    statement H meets the rest R in one variable ``?v`` that the outer group does not share, and each side
    holds shared variables of its own; else the body unchanged.

    MINUS only reads the shared variables, so R's rows may be cut down to them and ``?v`` first: where H
    fans out through ``?v`` (an obligation's mapped controls) and R holds many rows per ``?v`` (every item of
    evidence for a control, of every implementer), joining first made their product (1.1M triples: > 8 CPU
    minutes for the ImplementedObligationRule); cut down first it is the pairs R can tell apart. Only rows
    whose ``?this`` is a focus node can remove an outer row, so R is kept to those (``focus``)."""
    end = _first_statement(inner)
    if end is None:
        return inner
    head, rest = inner[:end].rstrip(), inner[end + 1 :]
    h, r = _vars(head), _vars(rest)
    link = h & r
    if len(link) != 1 or link & shared or not (h - r) & shared or not r & shared:
        return inner
    keep = sorted(link | (r & shared))
    restrict = focus if "this" in r & shared else ""
    return f"{head} . {{ SELECT DISTINCT {' '.join('?' + v for v in keep)} WHERE {{ {restrict} {rest} }} }} "


def rewrite_not_exists(query: str, focus: str = "", nested: bool = True) -> str:
    """Rewrite the WHERE group's top-level ``FILTER NOT EXISTS { P }`` and ``FILTER EXISTS { P }``.

    Oxigraph runs both row by row, and reorders P's patterns without knowing which variables the row binds
    (``?o p ?x . ?x a C`` starts from every C for each row). So, where it is provably the same, P runs once
    and is hash-joined:

    * ``MINUS { P }`` when P is a flat group whose variables shared with the outer group are all
      certainly bound there (plain triple patterns) and in P, at least one is shared, and P's filters only
      read P's own variables: then "no compatible solution of P" is exactly "P has no solution with these
      values". It stays in place when the group binds the shared variables before it (the patterns after
      it see fewer rows), else it goes to the group's end (MINUS only removes rows bound by then). P's rows
      are cut down to what MINUS reads where its first statement fans out (``_split_head``).
    * otherwise, for NOT EXISTS, ``OPTIONAL { P BIND(true AS ?_nxN) } FILTER(!BOUND(?_nxN))`` at the end of
      the group: P's top-level filters become the left-join condition and see the outer row, just as inside
      NOT EXISTS; rows where P matches are dropped, other rows are kept once.
    * ``FILTER EXISTS { P }`` under the MINUS conditions: a join with ``{ SELECT DISTINCT <shared> WHERE { P } }``
      (each row kept once when P has a solution with its values: a semi-join).
    * ``FILTER NOT EXISTS { P FILTER NOT EXISTS { Q } }`` (nested) as a MINUS of a sub-select that runs the
      whole body once over the focus nodes (``_nested_minus``), its own NOT EXISTS rewritten the same way.
    * a ``{ A } UNION { B }`` in a NOT EXISTS body first becomes one NOT EXISTS per branch (``_split_unions``).

    ``focus``: the group binding ``?this`` to the focus nodes, at the head of the WHERE group.
    """
    select = re.search(r"\bSELECT\b", query, re.IGNORECASE)
    if not select:
        return query
    where_open = _first_brace(query, select.end())
    where_close = _matching(query, where_open)
    body = _split_unions(query[where_open + 1 : where_close])
    blocks = _exists_blocks(body)
    if not blocks:
        return query
    rest = _without(body, blocks, len(body))
    certain = _vars(_without_blocks(rest)) | {"this"}
    outer_all = _vars(rest)
    new_body, tail, n = body, [], 0
    for start, inner_open, close, negated in reversed(blocks):
        inner = body[inner_open:close]
        inner_triples = _vars(_without_blocks(inner))
        shared = _vars(inner) & outer_all
        flat = "{" not in _without_blocks(inner) and "{" not in inner
        if flat and shared and shared <= certain and shared <= inner_triples:
            if not negated:
                names = " ".join(f"?{v}" for v in sorted(shared))
                replacement = f" {{ SELECT DISTINCT {names} WHERE {{{inner}}} }} "
            elif shared <= _vars(_without_blocks(_without(body, blocks, start))) | {"this"}:
                replacement = " MINUS {" + _split_head(inner, shared, focus) + "} "
            else:
                tail.append(" MINUS {" + _split_head(inner, shared, focus) + "} ")
                replacement = " "
        elif negated and nested and (minus := _nested_minus(inner, shared, certain, focus)) is not None:
            if shared <= _vars(_without_blocks(_without(body, blocks, start))) | {"this"}:
                replacement = minus
            else:
                tail.append(minus)
                replacement = " "
        elif flat and negated:
            n += 1
            var = f"?_nx{n}"
            tail.append(f" OPTIONAL {{ {inner} BIND(true AS {var}) }} FILTER(!BOUND({var})) ")
            replacement = " "
        else:
            continue
        new_body = new_body[:start] + replacement + new_body[close + 1 :]
    return query[: where_open + 1] + new_body + "".join(tail) + query[where_close:]


_NOT_FLAT = re.compile(r"\b(OPTIONAL|MINUS|UNION|GRAPH|SERVICE|VALUES|BIND|SELECT)\b", re.IGNORECASE)


def _top_blocks(group: str) -> list[tuple[int, int]]:
    """(open, close) of each ``{...}`` at the top level of a group."""
    out, i = [], 0
    while i < len(group):
        j = _skip_token(group, i)
        if j != i:
            i = j
            continue
        if group[i] == "{":
            close = _matching(group, i)
            out.append((i, close))
            i = close + 1
            continue
        i += 1
    return out


def _joined(*parts: str) -> str:
    """Group texts as one flat group: each part's statements, separated by one ``.``."""
    kept = [p.strip().strip(".").strip() for p in parts]
    return " . ".join(p for p in kept if p)


def _filter_vars(group: str) -> set[str]:
    """Variables the group's top-level FILTER expressions read."""
    return _vars(group) - _vars(_without_blocks(group))


def _union_branches(inner: str) -> tuple[str, str, list[str]] | None:
    """(before, after, branches) when a NOT EXISTS body is flat statements around one ``{B1} UNION {B2} ...`` of
    flat groups, and each branch's filters read no variable the statements around it bind that it does not."""
    blocks = _top_blocks(inner)
    if len(blocks) < 2 or any("{" in inner[o + 1 : c] for o, c in blocks):
        return None
    for (_, c), (o, _) in zip(blocks, blocks[1:], strict=False):
        if inner[c + 1 : o].strip().upper() != "UNION":
            return None
    before, after = inner[: blocks[0][0]], inner[blocks[-1][1] + 1 :]
    if _NOT_FLAT.search(_without_blocks(before + " " + after)):
        return None
    branches = [inner[o + 1 : c] for o, c in blocks]
    around = _vars(before + " " + after)
    for b in branches:
        if _NOT_FLAT.search(b) or (_filter_vars(b) & around) - _vars(_without_blocks(b)):
            return None
    return before, after, branches


def _split_unions(body: str) -> str:
    """Each top-level ``FILTER NOT EXISTS { A {B1} UNION {B2} }`` as ``FILTER NOT EXISTS { A B1 } FILTER NOT EXISTS
    { A B2 }``: a solution of the union is one of a branch, so "none" is "none of either". A branch's own filter
    then reads A's row as well, which is why a branch may not filter on a variable A binds and it does not
    (``_union_branches``); one reading a variable from outside the body sees it substituted either way. Each
    branch is then flat, so it can run once as a MINUS instead of row by row."""
    out, i = [], 0
    while i < len(body):
        j = _skip_token(body, i)
        if j != i:
            out.append(body[i:j])
            i = j
            continue
        m = _EXISTS.match(body, i)
        if m and m.group(1) and (i == 0 or not body[i - 1].isalnum()):
            close = _matching(body, m.end() - 1)
            split = _union_branches(body[m.end() : close])
            if split is not None:
                before, after, branches = split
                out.append(" ".join(f"FILTER NOT EXISTS {{ {_joined(before, b, after)} }}" for b in branches))
                i = close + 1
                continue
        if body[i] == "{":
            close = _matching(body, i)
            out.append(body[i : close + 1])
            i = close + 1
            continue
        out.append(body[i])
        i += 1
    return "".join(out)


def _nested_minus(inner: str, shared: set[str], certain: set[str], focus: str) -> str | None:
    """``FILTER NOT EXISTS { P FILTER NOT EXISTS { Q } }`` as ``MINUS { SELECT DISTINCT <shared> WHERE { <focus> P
    FILTER NOT EXISTS { Q } } }``, the sub-select's own NOT EXISTS rewritten in turn; None where not provably the same.

    Oxigraph runs a nested NOT EXISTS per outer row, from scratch (the ImplementedObligationRule's risk-level
    condition: ~27 of its 40 CPU seconds at 1.1M triples). The body's solutions are what removes an outer row, and
    in the sub-select every variable it shares with the outer group is bound exactly as substitution would bind it:
    by P's statements, or ``?this`` by the focus nodes (every outer row's ``?this`` is one). So the inner NOT EXISTS
    and filters see the same values, and MINUS on the shared variables (all certainly bound outside) removes the
    same rows. P: flat statements and filters; anything else in the body (OPTIONAL, UNION, BIND...) is left."""
    blocks = _top_blocks(inner)
    if not blocks or _NOT_FLAT.search(_without_blocks(inner)):
        return None
    for o, _ in blocks:
        m = list(_EXISTS.finditer(inner, 0, o + 1))
        if not m or m[-1].end() != o + 1 or not m[-1].group(1):
            return None
    own = _vars(_without_blocks(inner))
    loose = shared - own
    if not shared or not shared <= certain or not loose <= {"this"} or (loose and not focus):
        return None
    names = " ".join(f"?{v}" for v in sorted(shared))
    sub = rewrite_not_exists(f"SELECT DISTINCT {names} WHERE {{ {focus if 'this' in shared else ''} {inner} }}", focus)
    return f" MINUS {{ {sub} }} "


def _exists_blocks(body: str) -> list[tuple[int, int, int, bool]]:
    """(start, inner start, end, negated) of each top-level FILTER [NOT] EXISTS in a group."""
    blocks, i = [], 0
    while i < len(body):
        j = _skip_token(body, i)
        if j != i:
            i = j
            continue
        if body[i] == "{":
            i = _matching(body, i) + 1
            continue
        m = _EXISTS.match(body, i)
        if m and (i == 0 or not body[i - 1].isalnum()):
            close = _matching(body, m.end() - 1)
            blocks.append((i, m.end(), close, m.group(1) is not None))
            i = close + 1
            continue
        i += 1
    return blocks


def _without(body: str, blocks: list[tuple[int, int, int, bool]], upto: int) -> str:
    """The group's text before ``upto`` without the FILTER [NOT] EXISTS blocks in it."""
    text = body[:upto]
    for s, _, close, _ in reversed([b for b in blocks if b[0] < upto]):
        text = text[:s] + " " + text[close + 1 :]
    return text


def _first_brace(text: str, pos: int) -> int:
    """Index of the first ``{`` at or after ``pos`` that is not inside a string or an IRI."""
    i, n = pos, len(text)
    while i < n:
        ch = text[i]
        if ch in "\"'":
            end = text.find(ch, i + 1)
            while end != -1 and text[end - 1] == "\\":
                end = text.find(ch, end + 1)
            i = end + 1 if end != -1 else n
            continue
        if ch == "<":
            end = text.find(">", i + 1)
            if end != -1 and not re.search(r"[\s{}]", text[i + 1 : end]):
                i = end + 1
                continue
        if ch == "#":
            end = text.find("\n", i)
            i = end + 1 if end != -1 else n
            continue
        if ch == "{":
            return i
        i += 1
    raise Unsupported("query has no WHERE group")

