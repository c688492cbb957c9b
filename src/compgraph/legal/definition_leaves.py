"""A leave given inside a definitions section: "(8)(A) "Security breach" means ... (C) In determining whether
personally identifiable information has been acquired ... without valid authorization, a data collector may consider
the following factors, among others: (i) indications that ...; (ii) ..." (Vermont's 9 V.S.A. 2430, round 47a).

A definitions section says what words mean, so its sentences are skipped but for a "must"; this one says what a party
may weigh when it applies the definition, a permission whose factors are read as any lead-in's points (as New York's
GBL 899-aa(1)(c), where the same words stand outside a section so captioned).
"""

from __future__ import annotations

import re
from typing import Any

# "may consider the following factors", "may consider, among other factors," "may take into account the following".
_WEIGHS = re.compile(r"\bmay\s+(?:consider|take\s+into\s+account)\b[^.;]{0,40}?\b(?:the\s+following|among\s+other)\b",
                     re.I)


def weighs_factors(prov: Any, parent_of: dict[int, Any]) -> bool:
    """``prov`` (a provision of a definitions section) is such a leave, or one of its factors."""
    node = prov
    for _ in range(3):
        if node is None:
            return False
        if _WEIGHS.search(node.text or ""):
            return True
        node = parent_of.get(id(node))
    return False
