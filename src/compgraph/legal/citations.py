"""How a provision's place is cited when a code writes its lower levels run in, without brackets.

Most codes, and this corpus's labels, cite every level in brackets ("2-5(f)(3)", "59.1-578(A)(1)") whatever the
printed label looks like. The Delaware Code numbers "(e)(1)a.1.A." and cites itself that way ("paragraph (e)(1)a. of
this section"): where a text's own cross-references show a dotted level after bracketed ones, its dotted levels under
bracketed ones are cited as it cites them, "12D-106(e)(1)a.2.A".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

__all__ = ["cites_run_in", "run_in_depth", "written_styles"]

# "paragraph (e)(1)a. of this section", "(e)(1)b.": a letter with a full stop straight after bracketed levels
_RUN_IN_REFERENCE = re.compile(r"\(\w{1,4}\)\(\w{1,4}\)[a-z]\.")


class _Labelled(Protocol):
    section: str
    path: tuple[str, ...]
    labels: tuple[str, ...]


def cites_run_in(text: str) -> bool:
    """Whether ``text`` cites its own provisions with run-in dotted levels."""
    return _RUN_IN_REFERENCE.search(text) is not None


def written_styles(provisions: Iterable[_Labelled]) -> dict[tuple[str, tuple[str, ...]], str]:
    """Each level's label as written where it was opened ("(e)", "a.", "2."), by section and path."""
    styles: dict[tuple[str, tuple[str, ...]], str] = {}
    for prov in provisions:
        first = len(prov.path) - len(prov.labels)
        for k, label in enumerate(prov.labels):
            styles[(prov.section, prov.path[: first + k + 1])] = label
    return styles


def run_in_depth(section: str, path: tuple[str, ...], styles: dict[tuple[str, tuple[str, ...]], str]) -> int | None:
    """The first level of ``path`` written dotted under a bracketed one, from which the rest is cited run in."""
    bracketed = False
    for depth in range(len(path)):
        style = styles.get((section, path[: depth + 1]), "")
        if style.startswith("("):
            bracketed = True
        elif bracketed and style.endswith("."):
            return depth
    return None
