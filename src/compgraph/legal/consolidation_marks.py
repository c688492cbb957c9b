"""The marks a consolidated EU text prints where an amendment's words begin or end, which are no words of the law.

EUR-Lex's consolidated versions name the act each passage comes from: "▼B" (the basic act), "▼M4" (the fourth
amending act), "▼C1" (a corrigendum), "▼A1" (an act of accession) before the passage, and "►M4 ... ◄" around words an
amendment put inside a sentence. A dataset of articles keeps them glued to the words ("... the trader's complaint
handling policy;▼M4(e) a reminder of the existence of the legal guarantee ..."), where a mark hides the point label
that follows a semicolon (the point then reads as part of the one before) and stays in the catalog's text. A stray
bold pair left around a closing mark ("(o) and (p).** ◄ **") goes with it.
"""

from __future__ import annotations

import re

__all__ = ["without_consolidation_marks"]

_MARK = re.compile(r"\*\*[ \t]*◄[ \t]*\*\*|[ \t]*◄|[▼►](?:B|[MACE]\d{1,3})\b[ \t]*")


def without_consolidation_marks(text: str) -> str:
    """``text`` without EUR-Lex's consolidation marks ("▼M4", "►M4 ", " ◄")."""
    return _MARK.sub("", text)
