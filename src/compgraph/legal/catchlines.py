"""A paragraph's or point's catchline: the short title that opens it and states no duty ("Transparency Forum. The
working group shall ...", "(a) Covered Cyber Incident Report deadline. A covered entity must ...")."""

from __future__ import annotations

import re

from compgraph.legal.furniture import VERB as _VERB
from compgraph.legal.labels import LABEL

__all__ = ["TITLE_CATCHLINE", "after_catchline", "is_catchline", "names_point", "subheading_item", "verbless_catchline"]

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


def verbless_catchline(part: str) -> bool:
    """A catchline in sentence case before a point's own sentence, as the CFR prints its italic ones ("(2) Substitute
    notice. In the case in which ..., a substitute form of notice ... shall be provided." over points of its own,
    under "shall be provided in the following form:"): a capital and a few lower-case words with no verb, which
    completes no lead-in. (Only a capital then lower case: OMB's "Conduct ongoing monitoring." is a duty's own
    words, and the same test at a point without points of its own moved it.)"""
    first = part.strip()
    return bool(_SENTENCE_CASE_CATCHLINE.match(first)) and _verbless(first)


# A capital, then up to four words in lower case, a full stop: "Substitute notice.", "Written notice.".
_SENTENCE_CASE_CATCHLINE = re.compile(r"^[A-Z][a-z]+(?:\s+[a-z]+){1,4}\.$")


def names_point(parts: list[str]) -> bool:
    """Whether a point's first sentence only names it: a catchline in Title Case, or one in the CFR's sentence case
    before a sentence of the point's own. Before a lead-in of the point's own, a sentence-case one is what the
    parent's lead-in lists (RCW 19.255.010(4): "Notice may be provided by one of the following methods: ... c.
    Substitute notice. Substitute notice shall consist of all of the following: i. ...")."""
    first = parts[0]
    return is_catchline(first) or (verbless_catchline(first) and len(parts) > 1
                                   and not parts[-1].rstrip().endswith(":"))


# A subheading set as a list item of its own between two subsections, as the Spam Act 2003's converter gives them
# ("- (5) ... in relation to that matter.", "- Message must not be sent to a nonexistent electronic address", "- (6) A
# person must not send ..."): no label, no closing stop, a few words opening in a capital.
_SUBHEADING = re.compile(r"^[A-Z][^.;:,()]*[A-Za-z]$")
_ITEM = re.compile(r"^([ \t]*)[-*•][ \t]+")


def subheading_item(lines: list[str], i: int, above: str) -> bool:
    """Whether list item ``lines[i]`` is a subheading: its words as above, the sentence before it ended with a full
    stop and the next item, at its own depth, opens with a label; it names what follows and binds no one, whatever
    verb it holds."""
    item = _ITEM.match(lines[i])
    words = lines[i][item.end():].strip() if item else ""
    if not item or not above.endswith(".") or len(words.split()) > 12 or not _SUBHEADING.match(words):
        return False
    below = next((ln for ln in lines[i + 1:] if ln.strip()), "")
    nxt = _ITEM.match(below)
    return nxt is not None and nxt.group(1) == item.group(1) and LABEL.match(below[nxt.end():]) is not None
