"""Reading RegML, the XML of the eRegulations project (the CFPB's rules, namespace ``eregs``), as the lines a reader
of the Code of Federal Regulations sees.

RegML keeps every paragraph's label in an attribute, not in the text: ``<paragraph label="1016-10-a-1"
marker="(1)"><content>Except as otherwise authorized ...</content>``, with an optional ``<title>`` catchline before
the content and the paragraph's own paragraphs nested after it. Read as bare markup (the HTML reader drops attributes)
a section is a run of unlabelled lines: no duty can be cited below the section, and no lead-in ("you may disclose the
information only:") knows its points. So each section's ``<subject>`` ("§ 1016.10 Limits on ...") heads its part, and
each paragraph is one line, its marker first and its catchline run in, as the printed CFR sets them ("(c) Partial opt
out. You may allow ..."). Tables of contents, the ``fdsys`` and ``preamble`` metadata and the analysis are no part of
the rule and are left out; a subpart's title stays as a heading.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["has_marked_paragraphs", "regml_to_text"]

_SKIPPED = frozenset({"tableOfContents", "fdsys", "preamble", "analysis"})
# a marker as the CFR prints a paragraph's label: "(a)", "(1)", "(iv)", "(A)"
_MARKER = re.compile(r"\([0-9A-Za-z]{1,5}\)")


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def has_marked_paragraphs(root: Any) -> bool:
    """Whether ``root`` is a RegML regulation whose paragraphs carry their labels in ``marker`` attributes."""
    if _local(root.tag) != "regulation":
        return False
    marked = [e for e in root.iter() if _local(e.tag) == "paragraph" and _MARKER.fullmatch(e.get("marker") or "")]
    return len(marked) >= 3


def _words(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def _lay_out(element: Any, lines: list[str]) -> None:
    tag = _local(element.tag)
    if tag in _SKIPPED:
        return
    if tag == "paragraph":
        own = [_words(child) for child in element if _local(child.tag) in ("title", "content")]
        line = " ".join(part for part in [element.get("marker") or "", *own] if part)
        if line:
            lines.extend([line, ""])
        for child in element:
            if _local(child.tag) == "paragraph":
                _lay_out(child, lines)
        return
    heading = _HEADINGS.get(tag)
    for child in element:
        if heading is not None and _local(child.tag) == heading:
            lines.extend(["", _words(child), ""])
        else:
            _lay_out(child, lines)


# the child that heads each part: a section's subject ("§ 1016.10 Limits on ..."), a subpart's or appendix's title
_HEADINGS = {"section": "subject", "subpart": "title", "appendix": "title", "interp": "title"}


def regml_to_text(root: Any) -> str:
    """The text of a parsed RegML regulation: headings, and one line per labelled paragraph."""
    lines: list[str] = []
    _lay_out(root, lines)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
