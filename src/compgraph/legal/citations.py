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

__all__ = ["capitals_cite", "cites_run_in", "run_in_depth", "written_styles"]

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


def capitals_cite(section: str, path: tuple[str, ...], title: str, text: str) -> tuple[str, tuple[str, ...]] | None:
    """The citation of a provision a bill prints in capitals as new matter, catchline and words ("§ 899-FF. PRIVACY
    PROTECTION BY DEFAULT. ... 3. (A) ... (I) BE MADE SEPARATELY ..."): the code letters its sections and labels in
    lower case ("899-ff(3)(a)(i)"). None where the provision is not so set, or where its labels mix cases (Colorado's
    capitals keep "(a)" and "(I)" apart, Roman capitals being a level of their own)."""
    letters = re.findall(r"[A-Za-z]", text)
    if not title or not title.isupper() or any(label != label.upper() for label in path) \
            or not letters or sum(c.isupper() for c in letters) < 0.9 * len(letters):
        return None
    return re.sub(r"(?<=-)[A-Z]{1,3}\b", lambda m: m.group(0).lower(), section), tuple(p.lower() for p in path)

