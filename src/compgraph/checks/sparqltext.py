"""Reading SPARQL query text: where a string, IRI or comment ends, which bracket closes which, keyword-safe text.

Shared by the shapes graph's rule checks (``checks.sparqlrules``) and the SPARQL engine's rewrites
(``checks.sparql.rewrite``). It sits outside ``checks.sparql`` because that package's ``__init__`` imports the
planner, which imports ``sparqlrules``: the rules module could not import the rewrite module without a circle.
Nothing here raises: an unbalanced bracket is ``None``, and each caller decides what that means.
"""

from __future__ import annotations

import re

_IRI_INSIDE = re.compile(r"[\s{}]")


def strip(text: str) -> str:
    """The query without strings, IRIs and comments, to look for keywords safely."""
    text = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'', '""', text)
    text = re.sub(r"<[^<>\s{}]*>", "<>", text)
    return re.sub(r"#[^\n]*", "", text)


def skip_token(text: str, i: int) -> int:
    """If a string, IRI or comment starts at ``i``, the index after it; else ``i``."""
    ch = text[i]
    if ch in "\"'":
        end = text.find(ch, i + 1)
        while end != -1 and text[end - 1] == "\\":
            end = text.find(ch, end + 1)
        return end + 1 if end != -1 else len(text)
    if ch == "<":
        end = text.find(">", i + 1)
        if end != -1 and not _IRI_INSIDE.search(text, i + 1, end):
            return end + 1
    if ch == "#":
        end = text.find("\n", i)
        return end + 1 if end != -1 else len(text)
    return i


def matching(text: str, open_at: int, pair: str = "{}", tokens: bool = True) -> int | None:
    """Index of the bracket closing the one at ``open_at`` (``pair``: opener and closer), or None if none does.

    ``tokens``: skip strings, IRIs and comments (raw query text); False for text already through
    :func:`strip`, where a ``<`` is a comparison and must not be read as the start of an IRI."""
    opener, closer = pair[0], pair[1]
    depth, i, n = 0, open_at, len(text)
    while i < n:
        if tokens:
            j = skip_token(text, i)
            if j != i:
                i = j
                continue
        ch = text[i]
        if ch == opener:
            depth += 1
        elif ch == closer:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def first_brace(text: str, pos: int) -> int | None:
    """Index of the first ``{`` at or after ``pos`` outside strings, IRIs and comments, or None."""
    i, n = pos, len(text)
    while i < n:
        j = skip_token(text, i)
        if j != i:
            i = j
            continue
        if text[i] == "{":
            return i
        i += 1
    return None
