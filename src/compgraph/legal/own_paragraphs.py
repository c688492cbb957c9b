"""Whether a section's opening sentence, ended with a full stop, is a rule of its own over subsections of their own.

Split from ``provisions`` (whose size it would pass): ``provisions._leads_in`` asks it before it reads a paragraph's
last sentence as the lead-in its numbered children complete.

A charter's "Section 1105. Ranked Choice Voting. Elections for all city offices ... shall be conducted using ranked
choice voting, known sometimes as "instant runoff voting."" over "(a) Definitions. ...", "(b) General Provisions. ...
shall be conducted ...": the opening sentence is whole (its full stop sits inside the closing quote), and the
subsections each bind by their own verb; it leads in to none of them. So does a code section whose subsection (a) is
run in after its heading ("(a) A mortgage servicer ... has a duty of good faith ... ." over "(b) ... shall:", "(c) ...
shall comply ...", ..., "(m) Where this chapter requires ..., the required compliance applies ..."): one subsection
without a modal verb of its own (a scope rule, a catchline over points, a sentence broken by a stray full stop) does
not make the rest the points of a lead-in. A full-stop sentence that announces what follows ("... include the
following.", "... as follows.") still leads in.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["rule_over_own_subsections"]

# a full stop, perhaps inside closing quotes or a closing bracket
_WHOLE = re.compile(r"\.[\"”’')\]]*\s*$")
_ANNOUNCES = re.compile(r"\b(?:following|as\s+follows|below|these)\b|[:—–]", re.I)


def rule_over_own_subsections(last: str, child_firsts: Callable[[], list[str]], modal: re.Pattern[str]) -> bool:
    """Whether ``last`` (a paragraph's last sentence) is whole, binds by a modal verb of its own (a catchline alone,
    "Placement of Cameras.", still heads what follows), and three in four or more of its (three or more)
    children open with a sentence binding by its own modal verb (``child_firsts``: each child's first sentence,
    after its catchline; asked for only when ``last`` can be such a rule, since every lead-in is tested here)."""
    if not _WHOLE.search(last) or not modal.search(last) or _ANNOUNCES.search(last):
        return False
    firsts = child_firsts()
    if len(firsts) < 3:
        return False
    own = sum(1 for first in firsts if modal.search(first))
    return own * 4 >= len(firsts) * 3
