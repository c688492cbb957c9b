"""Cleaning extracted text for matching and display: ``clean_text`` and ``normalise_for_match``.

PDF and OCR extraction leave hyphenated line ends, page numbers, broken bullets and confusions such as "Al"
for "AI" and "Itd" for "Ltd". They are repaired here only to compare texts (``evaluate``, ``suggest``) and
to show them; a catalog keeps the verbatim text of its source.
"""

from __future__ import annotations

import re

__all__ = ["clean_text", "normalise_for_match"]

_AI_CONTEXT_AFTER = (
    r"act|system|systems|model|models|office|ethics|policy|technolog\w*|tools?|development|deployment|"
    r"practices|principles|governance|literacy|officer|interaction|functionality|features?|training|"
    r"impact|behaviou?r|workflows|operations|applications?|solutions?|platforms?|innovation|use|usage|"
    r"term|definition|basics|considerations|projects?|components?|initiatives?|washing|risk|regulations?|"
    r"technologies|content|decisions?|outputs?|services?|products?|performance|experts?|education"
)
_AI_CONTEXT_BEFORE = (
    r"the|an|of|in|by|for|with|on|about|and|or|to|responsible|trustworthy|green|general-purpose|our|"
    r"eco-friendly|ethical|use|using|apply|explainable|from|into|are|is"
)
_AL_AFTER_RE = re.compile(rf"^(?:-|[.,;:)]|\s*$|\s+(?:{_AI_CONTEXT_AFTER})\b)", re.I)
_AL_BEFORE_RE = re.compile(rf"\b(?:{_AI_CONTEXT_BEFORE})\s+$", re.I)


def _fix_al(text: str) -> str:
    """Replace OCR's "Al" with "AI" where the context says it means artificial intelligence."""

    def repl(m: re.Match[str]) -> str:
        before = text[max(0, m.start() - 40) : m.start()]
        after = text[m.end() : m.end() + 40]
        if _AL_AFTER_RE.match(after) or _AL_BEFORE_RE.search(before):
            return "AI"
        return m.group(0)

    return re.sub(r"\bAl\b", repl, text)


_LTD_RE = re.compile(r"\b(?:Itd|ltd)\b")


def clean_text(text: str) -> str:
    """Undo extraction damage: hyphenation, page breaks, broken bullets and OCR confusions.

    The result is for matching and display; catalogs keep the verbatim text.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = text.split("\n")
    out: list[str] = []
    for raw in lines:
        line = raw.rstrip()
        stripped = line.strip()
        # A lone number between blank lines is a page number left behind by PDF extraction.
        if re.fullmatch(r"\d{1,3}", stripped):
            continue
        # "•" is the bullet glyph when it opens a line; mid-line it is extraction debris.
        line = re.sub(r"^(\s*)•\s*", r"\1- ", line)
        line = re.sub(r"(?<=\S)\s+•\s+", " ", line)
        # "o " is how OCR renders the hollow sub-bullet glyph.
        line = re.sub(r"^\s*-?\s*o\s+(?=[A-Z])", "  - ", line)
        out.append(line)

    # Join continuation lines: a block that ended mid-sentence continues on the next non-blank line when
    # that starts in lower case, possibly behind an orphan "- " bullet marker.
    joined: list[str] = []
    pending_blank = 0
    for line in out:
        if not line.strip():
            pending_blank += 1
            continue
        cont = re.match(r"^\s*(?:-\s+)?(?!o\s)([a-z].*)$", line)
        if joined and cont and not re.search(r"[.:;!?]\**\s*$", joined[-1]):
            prev = joined[-1]
            if prev.endswith("-") and not prev.endswith(" -"):
                joined[-1] = prev[:-1] + cont.group(1)
            else:
                joined[-1] = prev + " " + cont.group(1)
            pending_blank = 0
            continue
        if joined and pending_blank:
            joined.append("")
        pending_blank = 0
        joined.append(line)
    text = "\n".join(joined)

    # De-hyphenate words split at a line end ("energy-\nefficient").
    text = re.sub(r"(\w)-\n\s*(\w)", r"\1\2", text)
    text = _LTD_RE.sub("Ltd", text)
    text = _fix_al(text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


def normalise_for_match(text: str) -> str:
    """Lower-case, OCR-fixed, punctuation-free form used to compare obligation texts."""
    text = clean_text(text).replace("**", " ")
    text = text.lower().replace("’", "'")
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return " ".join(text.split())
