"""A paragraph's or point's catchline: the short title that opens it and states no duty ("Transparency Forum. The
working group shall ...", "(a) Covered Cyber Incident Report deadline. A covered entity must ...")."""

from __future__ import annotations

import re

from compgraph.legal.furniture import VERB as _VERB

__all__ = ["TITLE_CATCHLINE", "after_catchline", "is_catchline"]

TITLE_CATCHLINE = re.compile(r"^(?:[A-Z][\w'’-]*\s+(?:(?:and|of|or|the|for|to|in|on)\s+)?){0,5}[A-Z][\w'’-]*\.$")


def after_catchline(parts: list[str]) -> list[str]:
    """The sentences after a catchline that opens a paragraph or point: in Title Case ("Transparency Forum. The
    working group shall ...") or in sentence case, as the Federal Register prints its italic ones ("(a) Covered Cyber
    Incident Report deadline. A covered entity must submit ..."): a short capitalised phrase with no verb."""
    first = parts[0].strip() if parts else ""
    return parts[1:] if len(parts) > 1 and (TITLE_CATCHLINE.match(first) or _verbless(first)) else parts


def _verbless(first: str) -> bool:
    return len(first.split()) <= 12 and first[:1].isupper() and not _VERB.search(first) and first.endswith(".")


# Two catchlines run together by a semicolon, each opening with a capital ("Risk Assessment and Management; Privacy
# protection.", "Contracting; Procurement Policies."): a point's title, where a sentence with no verb of its own
# ("Complete an AI impact assessment.") would still complete the lead-in.
_JOINED_CATCHLINES = re.compile(r"[A-Z][^;.]*(?:;\s+[A-Z][^;.]*)+\.")


def is_catchline(part: str) -> bool:
    first = part.strip()
    return bool(TITLE_CATCHLINE.match(first)) or (_verbless(first) and bool(_JOINED_CATCHLINES.fullmatch(first)))
