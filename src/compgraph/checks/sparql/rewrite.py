"""FILTER NOT EXISTS rewritten as MINUS where that is provably the same.

Oxigraph evaluates FILTER NOT EXISTS row by row, orders of magnitude slower than MINUS (perf-notes);
the rewrite is applied only where it is provably equivalent, anything else is left as written.
"""

from __future__ import annotations

import re

from compgraph.checks.sparql.components import Unsupported

_NOT_EXISTS = re.compile(r"FILTER\s+NOT\s+EXISTS\s*\{", re.IGNORECASE)
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


def rewrite_not_exists(query: str) -> str:
    """Rewrite the WHERE group's top-level ``FILTER NOT EXISTS { P }``.

    * ``MINUS { P }`` when P is a flat group whose variables shared with the outer group are all
      certainly bound there (plain triple patterns), at least one is shared, and P's filters only
      read P's own variables: then "no compatible solution of P" is exactly "P has no solution
      with these values".
    * otherwise ``OPTIONAL { P BIND(true AS ?_nxN) } FILTER(!BOUND(?_nxN))`` at the end of the group:
      P's top-level filters become the left-join condition and see the outer row, just as inside
      NOT EXISTS; rows where P matches are dropped, other rows are kept once.
    """
    select = re.search(r"\bSELECT\b", query, re.IGNORECASE)
    if not select:
        return query
    where_open = _first_brace(query, select.end())
    where_close = _matching(query, where_open)
    body = query[where_open + 1 : where_close]
    blocks = []  # (start, end) of each top-level FILTER NOT EXISTS in body
    i = 0
    while i < len(body):
        j = _skip_token(body, i)
        if j != i:
            i = j
            continue
        if body[i] == "{":
            i = _matching(body, i) + 1
            continue
        m = _NOT_EXISTS.match(body, i)
        if m and (i == 0 or not body[i - 1].isalnum()):
            close = _matching(body, m.end() - 1)
            blocks.append((i, m.end(), close))
            i = close + 1
            continue
        i += 1
    if not blocks:
        return query
    rest = body
    for start, _, close in reversed(blocks):
        rest = rest[:start] + " " + rest[close + 1 :]
    certain = _vars(_without_blocks(rest)) | {"this"}
    outer_all = _vars(rest)
    new_body, tail, n = body, [], 0
    for start, inner_open, close in reversed(blocks):
        inner = body[inner_open:close]
        inner_triples = _vars(_without_blocks(inner))
        shared = _vars(inner) & outer_all
        flat = "{" not in _without_blocks(inner) and "{" not in inner
        if flat and shared and shared <= certain and shared <= inner_triples:
            replacement = " MINUS {" + inner + "} "
        elif flat:
            n += 1
            var = f"?_nx{n}"
            tail.append(f" OPTIONAL {{ {inner} BIND(true AS {var}) }} FILTER(!BOUND({var})) ")
            replacement = " "
        else:
            continue
        new_body = new_body[:start] + replacement + new_body[close + 1 :]
    return query[: where_open + 1] + new_body + "".join(tail) + query[where_close:]


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

