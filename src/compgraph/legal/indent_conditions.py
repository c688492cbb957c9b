"""Indents printed after a point as a block of their own, when the point opens them as its conditions.

Split from ``provisions`` (the walk over a statute's provisions), whose size it would pass. May import:
``compgraph.legal.lead_ins``, ``compgraph.legal.statute``.
"""

from __future__ import annotations

import re

from compgraph.legal.lead_ins import POINT_CONDITION
from compgraph.legal.statute import Provision

# EUR-Lex's text prints a point's indents as an unlabelled block after it ("(a)", "a critical evaluation ..., where the
# following conditions are satisfied:", then "— it is demonstrated ...", "— the data adequately demonstrate ..."), so
# they reach the walk as a sibling of the point, not its children, and would carry the paragraph's lead-in as a point
# of their own. Printed after a labelled provision that opens conditions, they are those conditions: no row.
_INDENT = re.compile(r"^\s*[—–]\s")


def indents_are_conditions(above: Provision | None, prov: Provision) -> bool:
    """Whether ``prov``, an unlabelled run of indents right after the labelled provision ``above``, is the list of
    conditions that provision's text opens."""
    return above is not None and bool(above.labels) and not prov.labels and not prov.children \
        and (above.section, above.path) == (prov.section, prov.path) and bool(_INDENT.match(prov.text)) \
        and bool(POINT_CONDITION.search(above.text.rstrip()))
