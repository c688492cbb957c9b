"""What a SPARQL query can match, read from its tokens: the data its answer depends on.

A triple pattern only matches triples whose predicate it names, unless its predicate is a variable or a
negated path, which match any. So a query's dependencies are the IRIs it names anywhere (a superset of the
predicates it matches), whether some pattern matches any predicate, and whether some ``rdf:type`` pattern has
a variable class (then it matches instances of any class). rdflib's parser would tell the same but takes
~0.2 s a query; this reader takes microseconds. Whatever it does not follow makes the query depend on
everything: a needless "everything" only costs time, a missed dependency would cost a finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib.namespace import RDF

TYPE = str(RDF.type)

_TOKEN = re.compile(
    r'(?P<ws>\s+|#[^\n]*)'
    r'|(?P<str>"""(?:[^\\]|\\.)*?"""' + r"|'''(?:[^\\]|\\.)*?'''" + r'|"(?:[^"\\\n]|\\.)*"' + r"|'(?:[^'\\\n]|\\.)*')"
    r'|(?P<iri><[^<>"{}|^`\\\s]*>)'
    r'|(?P<var>[?$][A-Za-z0-9_]+)'
    r'|(?P<pname>(?:[A-Za-z][\w-]*)?:(?:[\w%](?:[\w.%-]*[\w%-])?)?)'
    r'|(?P<word>[A-Za-z_][\w-]*)'
    r'|(?P<num>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)'
    r'|(?P<op>\^\^|&&|\|\||!=|<=|>=|[{}()\[\].;,/|^*+?!=<>@-])',
    re.DOTALL,
)
_TERMS = {"iri", "var", "pname", "str", "num", "lang"}
_PATH_OPS = {"/", "|", "^", "*", "+", "?"}


@dataclass
class Needs:
    """What one query can match: the IRIs it names, any predicate at all, any class at all."""

    iris: set[str] = field(default_factory=set)
    any_predicate: bool = False
    any_class: bool = False

    def add(self, other: Needs) -> None:
        self.iris |= other.iris
        self.any_predicate |= other.any_predicate
        self.any_class |= other.any_class

    def affected_by(self, key: str, supers: dict[str, set[str]]) -> bool:
        """Whether a change to ``key`` (a predicate IRI, or ``"type " + class IRI``) can change the answer."""
        if self.any_predicate:
            return True
        if key.startswith("type "):
            cls = key[5:]
            return TYPE in self.iris and (self.any_class or bool(({cls} | supers.get(cls, set())) & self.iris))
        return key in self.iris


def tokens(text: str) -> list[tuple[str, str]] | None:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            return None
        pos = m.end()
        kind = m.lastgroup or ""
        if kind == "op" and m.group() == "@" and out and out[-1][0] == "str":
            m2 = re.compile(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*").match(text, pos)
            if m2 is not None:
                pos = m2.end()
            continue  # a language tag belongs to its literal
        if kind != "ws":
            out.append((kind, m.group()))
    return out


def needs_of(sparql: str, prefixes: dict[str, str]) -> Needs:
    """The dependencies of one query (``prefixes``: names the text may use without declaring them).

    Long because it is one reader over the tokens: IRIs, then the state machine of triple patterns."""
    out = Needs()
    toks = tokens(sparql)
    if toks is None:
        out.any_predicate = True
        return out
    names = dict(prefixes)
    for i, (kind, val) in enumerate(toks):
        if kind == "word" and val.upper() == "PREFIX" and i + 2 < len(toks) and toks[i + 2][0] == "iri":
            names[toks[i + 1][1].rstrip(":")] = toks[i + 2][1][1:-1]

    def iri(kind: str, val: str) -> str | None:
        if kind == "iri":
            return val[1:-1]
        if kind == "pname":
            pfx, _, local = val.partition(":")
            if pfx not in names:
                out.any_predicate = True  # a name that cannot be expanded: cannot tell what it matches
                return None
            return names[pfx] + local
        return None

    for kind, val in toks:
        name = iri(kind, val)
        if name is not None:
            out.iris.add(name)
    # Each "{" (a group) or "[" (a blank node's properties) opens a context whose terms go subject ->
    # predicate -> object, moved on by "." ";" ","; inside "(...)" (expressions, collections) nothing is a
    # pattern until a "{" opens one (EXISTS { ... }). Contexts: [state, open parentheses], state one of
    # S (subject next), P (predicate next), O (object next), D (object done), X (data: VALUES, not patterns).
    stack: list[list] = []
    data_next = graph_next = False
    i = 0
    while i < len(toks):
        kind, val = toks[i]
        op = val if kind == "op" else ""
        word = val.upper() if kind == "word" else ""
        ctx = stack[-1] if stack else None
        i += 1
        if op == "{":
            stack.append(["X" if data_next else "S", 0])
            data_next = False
            continue
        if op == "}":
            if stack:
                stack.pop()
            if stack and stack[-1][0] != "X":
                stack[-1][0] = "S"
            continue
        if ctx is None or ctx[0] == "X":
            data_next = data_next or word == "VALUES"
            continue
        if ctx[1] > 0:  # inside an expression or a collection
            ctx[1] += 1 if op == "(" else -1 if op == ")" else 0
            if ctx[1] == 0:
                ctx[0] = "D" if ctx[0] in ("O", "D") else "S"
            continue
        if ctx[0] == "P" and (op in ("(", "^", "!") or kind in ("iri", "pname", "var") or val == "a"):
            i = _predicate(toks, i - 1, out, iri)
            ctx[0] = "O"
            continue
        if op == "(":
            ctx[1] = 1
            continue
        if word == "VALUES":
            data_next = True
            continue
        if word == "GRAPH":
            graph_next = True
            continue
        if word == "SELECT":  # a sub-select's projection: variables and (expr AS ?v), then its group
            while i < len(toks) and toks[i][1] != "{" and toks[i][1].upper() != "WHERE":
                i += 1
            continue
        if kind == "word" and val != "a" and word not in ("TRUE", "FALSE"):
            ctx[0] = "S"  # a keyword (FILTER, OPTIONAL, BIND, SELECT, ...) starts over
            continue
        state = ctx[0]
        if graph_next and kind in _TERMS:
            graph_next = False
            continue
        if state == "S":
            if op == "[":
                ctx[0] = "P"
                stack.append(["P", 0])
            elif kind in _TERMS or word in ("TRUE", "FALSE"):
                ctx[0] = "P"
            elif op not in (".", ";", ","):
                out.any_predicate = True  # something this reader does not know where a subject should be
            continue
        if state == "P":
            if op == "]":  # "[]" with no properties, or after a ";"
                stack.pop()
                if stack:
                    stack[-1][0] = "D" if stack[-1][0] in ("O", "D") else "P"
                continue
            out.any_predicate = True  # not a predicate this reader knows
            continue
        if state == "O":
            if op == "[":
                ctx[0] = "D"
                stack.append(["P", 0])
            elif kind in _TERMS or word in ("TRUE", "FALSE"):
                ctx[0] = "D"
            else:
                out.any_predicate = True
            continue
        # state D: an object was read
        if op in (".", ";", ","):
            ctx[0] = {".": "S", ";": "P", ",": "O"}[op]
        elif op == "]":
            stack.pop()
            if stack:
                stack[-1][0] = "D" if stack[-1][0] in ("O", "D") else "P"
        elif op == "^^":
            i += 1  # the literal's datatype
        else:
            out.any_predicate = True
    return out


def _predicate(toks: list[tuple[str, str]], i: int, out: Needs, iri) -> int:  # noqa: ANN001
    """Read the predicate at ``i`` (an IRI, ``a``, a variable or a property path); the index after it."""
    names: set[str] = set()
    depth = 0
    while i < len(toks):
        kind, val = toks[i]
        op = val if kind == "op" else ""
        if kind == "var" or op == "!":
            out.any_predicate = True
        elif op == "(":
            depth += 1
        elif op == ")":
            depth -= 1
        elif kind == "word" and val == "a":
            names.add(TYPE)
        elif kind in ("iri", "pname"):
            name = iri(kind, val)
            if name is not None:
                names.add(name)
        elif op not in _PATH_OPS:
            out.any_predicate = True
            break
        i += 1
        complete = kind in ("iri", "pname", "var") or val == "a" or op in (")", "*", "+", "?")
        if depth == 0 and complete and i < len(toks):
            nkind, nval = toks[i]
            # After a complete step the path goes on only with an operator ("?" "*" "+" are postfix here).
            if not (nkind == "op" and nval in ("/", "|", "*", "+", "?")):
                break
    out.iris |= names
    if TYPE in names and i < len(toks) and toks[i][0] == "var":
        out.any_class = True
    return i
